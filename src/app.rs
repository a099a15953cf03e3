//! The app: its routes, and the root element every style is scoped under.

use crate::config::Config;
use crate::guide::GuidePage;
use crate::request::{RequestPage, RequestStart, WizardState};
use crate::shell::{LocaleShell, NotFound, RootRedirect};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The class every rule in `style/` is scoped under.
pub const ROOT_CLASS: &str = "ft-app";

#[component]
pub fn App(config: Config) -> impl IntoView {
    let base = config.base.clone();
    provide_context(WizardState::new(config.draft_storage));
    provide_context(config);
    // After the first render: the host may now rely on the app being there.
    Effect::new(|_| {
        crate::events::emit(
            "fasttrack:ready",
            serde_json::json!({ "version": env!("CARGO_PKG_VERSION") }),
        )
    });
    view! {
        <div class=ROOT_CLASS>
            <Router base>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("") view=RootRedirect />
                    <ParentRoute path=path!("/:locale") view=LocaleShell>
                        <Route path=path!("") view=GuidePage />
                        <Route path=path!("request") view=RequestStart />
                        <Route path=path!("request/:page") view=RequestPage />
                    </ParentRoute>
                </Routes>
            </Router>
        </div>
    }
}
