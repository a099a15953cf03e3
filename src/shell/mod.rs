//! The frame around every page of a locale (skip link, navigation, language switcher, the
//! `lang` of everything inside), the [`Address`] every link and route is built from, and the
//! pages that have no locale yet: `/` and unknown addresses.

mod address;
mod app_links;
mod language_switcher;
mod not_found;
mod place;
mod root_redirect;

pub use address::Address;
pub use not_found::NotFound;
pub use place::{reader_locale, Place, ROUTER_BASE};
pub use root_redirect::RootRedirect;

use crate::browser;
use crate::host::Config;
use crate::locale::Locale;
use language_switcher::LanguageSwitcher;
use leptos::prelude::*;

/// The class of the app's root element (drawn by `App`): every rule in `style/` is scoped
/// under it, and only links inside it move the app in place.
pub const ROOT_CLASS: &str = "ft-app";

/// Says, in `locale`'s own words, that text or code a page needs could not be fetched (its
/// `load_failed`): where a piece of the build or a language's packs did not arrive.
pub fn load_failed_alert(locale: Locale) -> impl IntoView {
    view! {
        <p class="ft-callout ft-callout--warning" role="alert" lang=locale.tag()>
            {locale.load_failed()}
        </p>
    }
}

/// The locale of the page, for everything under the frame.
#[derive(Clone, Copy)]
pub struct CurrentLocale(pub Signal<Locale>);

/// A polite live region that outlives page changes: pages put a sentence in it ("Step 2 of 5:
/// …") so screen readers announce where the reader has arrived.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(text: String) {
        if let Some(Announcer(signal)) = use_context::<Announcer>() {
            signal.set(text);
        }
    }
}

/// The pages of one locale: `children` draws the page inside the frame. A locale this
/// deployment does not offer has no pages.
#[component]
pub fn LocaleShell(locale: Locale, children: ChildrenFn) -> impl IntoView {
    let config = expect_context::<Config>();
    if !config.locales.contains(&locale.tag()) {
        return view! { <NotFound requested=Some(locale.tag().to_owned()) /> }.into_any();
    }
    view! { <LocaleFrame locale children /> }.into_any()
}

#[component]
fn LocaleFrame(locale: Locale, children: ChildrenFn) -> impl IntoView {
    let config = expect_context::<Config>();
    let place = Place::current();
    provide_context(CurrentLocale(Signal::stored(locale)));
    let announcement = RwSignal::new(String::new());
    provide_context(Announcer(announcement));

    if config.standalone {
        browser::set_document_lang(locale.tag());
    }
    let ui = locale.ui();
    let on_request = Memo::new(move |_| place.address.with(Address::is_wizard));
    let guide_href = Address::guide(locale).href(&config.base);
    let request_href = Address::WizardStart { locale }.href(&config.base);

    view! {
        <div class="ft-frame" lang=locale.tag()>
            <a class="ft-skip-link" href=move || format!("{}#ft-main", place.pathname.get()) on:click=|ev| {
                ev.prevent_default();
                browser::focus("ft-main");
            }>{ui.skip_to_content}</a>
            <p class="ft-visually-hidden" aria-live="polite" id="ft-announcer">{move || announcement.get()}</p>
            <header class="ft-header">
                <nav class="ft-nav" aria-label=ui.main_nav_label>
                    <ul>
                        <li>
                            <a href=guide_href aria-current=move || (!on_request.get()).then_some("page")>
                                {ui.nav_guide}
                            </a>
                        </li>
                        <li>
                            <a href=request_href aria-current=move || on_request.get().then_some("page")>
                                {ui.nav_request}
                            </a>
                        </li>
                    </ul>
                </nav>
                <LanguageSwitcher current=locale />
            </header>
            {if config.standalone {
                view! { <main id="ft-main" class="ft-main" tabindex="-1">{children()}</main> }.into_any()
            } else {
                // Inside a host page that has its own <main>: a named region instead.
                view! {
                    <div id="ft-main" class="ft-main" tabindex="-1" role="region" aria-label=ui.app_name>
                        {children()}
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}
