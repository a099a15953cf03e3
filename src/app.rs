//! The app: the router, the root element every style is scoped under, and which page each
//! address draws (`shell::Place` reads the router's location as an [`Address`]; the app's own
//! links move it without loading a page).

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::{
    load_failed_alert, Address, LocaleShell, NotFound, Place, RootRedirect, ROUTER_BASE,
};
use leptos::prelude::*;
use leptos_router::components::Router;

pub use crate::shell::ROOT_CLASS;

#[component]
pub fn App(config: Config) -> impl IntoView {
    let env = crate::environment::Environment::current();
    provide_context(crate::request::WizardState::new(config.draft_storage, env));
    provide_context(config.clone());
    // After the first render: the host may now rely on the app being there.
    Effect::new(|_| {
        crate::host::events::emit("fasttrack:ready", || {
            [("version", env!("CARGO_PKG_VERSION").into())]
        })
    });
    view! {
        <Router base=ROUTER_BASE>
            <div class=ROOT_CLASS>
                <Pages />
            </div>
        </Router>
    }
}

/// What frames the page: a locale's frame is drawn again only when the locale changes.
#[derive(Clone, Debug, PartialEq)]
enum Frame {
    Root,
    NotFound(Option<String>),
    /// A misspelt address of a page (`/pt-br`): replaced by the page's own (`/pt-BR/`).
    Respell(Address),
    Locale(Locale),
    /// Nothing drawn yet: the first locale's text is on its way.
    Waiting,
}

#[component]
fn Pages() -> impl IntoView {
    let config = expect_context::<Config>();
    let place = Place::provide(&config);
    crate::request::provide_submission();
    // Counts the locales loaded since the app started: a frame waiting for one is drawn then.
    let arrived = RwSignal::new(0_u32);
    // A locale whose text could not be fetched: the page shown stays, and says so.
    let failed = RwSignal::new(None::<Locale>);
    let frame = Memo::new(move |shown: Option<&Frame>| {
        arrived.track();
        let wanted = if place.misspelt.get() {
            Frame::Respell(place.address.get())
        } else {
            place.address.with(|address| match address {
                Address::Root => Frame::Root,
                Address::NotFound { requested_locale } => Frame::NotFound(requested_locale.clone()),
                // Not shown: `Place` turns it into the guide (embedded) or not-found (standalone).
                Address::Outside => Frame::NotFound(None),
                other => other.locale().map_or(Frame::NotFound(None), Frame::Locale),
            })
        };
        let needs = place.address.with(Address::needs);
        match wanted {
            // Another language whose text is not here yet (with the guide's, for the guide):
            // the page shown stays until it is. (A page of the language shown fetches what it
            // lacks itself: the guide, `guide::fetched_guide`.)
            Frame::Locale(locale)
                if !locale.has(needs) && shown != Some(&Frame::Locale(locale)) =>
            {
                crate::locale::load_then(locale, needs, move |loaded| {
                    if loaded {
                        arrived.update(|n| *n += 1);
                    } else {
                        failed.set(Some(locale));
                    }
                });
                shown.cloned().unwrap_or(Frame::Waiting)
            }
            wanted => wanted,
        }
    });
    // The page without its fragment: following a link to a section does not draw it again.
    let page = Memo::new(move |_| place.address.with(Address::page));
    // Said in the language asked for, while its address is the one shown.
    let unavailable = move || {
        let asked = place.address.with(Address::locale);
        failed.get().filter(|&locale| Some(locale) == asked)
    };
    let framed = move || match frame.get() {
        Frame::Root => view! { <RootRedirect /> }.into_any(),
        Frame::Waiting => ().into_any(),
        Frame::NotFound(requested) => view! { <NotFound requested /> }.into_any(),
        Frame::Respell(address) => {
            place.replace(&address);
            ().into_any()
        }
        Frame::Locale(locale) => {
            view! { <LocaleShell locale>{move || page_view(page.get())}</LocaleShell> }.into_any()
        }
    };
    view! {
        {move || unavailable().map(load_failed_alert)}
        {framed}
    }
}

fn page_view(page: Address) -> AnyView {
    match page {
        Address::Guide { locale, .. } => crate::piece::drawn(crate::guide::fetched_guide(locale)),
        page if page.is_wizard() => view! { <crate::request::WizardPage page /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    }
}
