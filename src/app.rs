//! The app: its pages, and the root element every style is scoped under.
//!
//! The full build routes every address with `leptos_router`. The guide-only build (no `wizard`
//! feature) has no router: it draws the one page its address names, and each of its links loads
//! a page (`boot.js` picks the build for it).

use crate::config::Config;
use crate::guide::GuidePage;
use crate::shell::{LocaleShell, NotFound, RootRedirect};
use leptos::prelude::*;

/// The class every rule in `style/` is scoped under.
pub const ROOT_CLASS: &str = "ft-app";

#[component]
pub fn App(config: Config) -> impl IntoView {
    #[cfg(feature = "wizard")]
    provide_context(crate::request::WizardState::new(config.draft_storage));
    // Before the pages: the guide-only build draws its page at once.
    provide_context(config.clone());
    let pages = pages(&config);
    // After the first render: the host may now rely on the app being there.
    Effect::new(|_| {
        crate::events::emit(
            "fasttrack:ready",
            &[("version", env!("CARGO_PKG_VERSION").into())],
        )
    });
    view! { <div class=ROOT_CLASS>{pages}</div> }
}

#[cfg(feature = "wizard")]
fn pages(config: &Config) -> impl IntoView {
    use crate::request::{RequestPage, RequestStart};
    use leptos_router::components::{ParentRoute, Route, Router, Routes};
    use leptos_router::path;

    let base = config.base.clone();
    view! {
        <Router base>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("") view=RootRedirect />
                <ParentRoute path=path!("/:locale") view=RoutedLocaleShell>
                    <Route path=path!("") view=GuidePage />
                    <Route path=path!("request") view=RequestStart />
                    <Route path=path!("request/:page") view=RequestPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// `/:locale/...`: the locale's frame around the matched page.
#[cfg(feature = "wizard")]
#[component]
fn RoutedLocaleShell() -> impl IntoView {
    use leptos_router::components::Outlet;
    use leptos_router::hooks::use_params_map;

    let params = use_params_map();
    let requested = Signal::derive(move || params.read().get("locale").unwrap_or_default());
    view! { <LocaleShell requested><Outlet /></LocaleShell> }
}

#[cfg(not(feature = "wizard"))]
fn pages(config: &Config) -> impl IntoView {
    use crate::shell::{page_at, LoadFullBuild, Page, Place};

    let pathname = Place::current().pathname.get_untracked();
    match page_at(&pathname, &config.base) {
        Page::Root => view! { <RootRedirect /> }.into_any(),
        Page::Guide { locale } => {
            let requested = Signal::stored(locale.to_owned());
            view! { <LocaleShell requested><GuidePage /></LocaleShell> }.into_any()
        }
        Page::Wizard { locale } => {
            let requested = Signal::stored(locale.to_owned());
            view! { <LocaleShell requested><LoadFullBuild /></LocaleShell> }.into_any()
        }
        Page::Unknown => view! { <NotFound /> }.into_any(),
    }
}
