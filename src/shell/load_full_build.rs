//! The guide-only build has no wizard. If it is ever started on a wizard address, it loads the
//! page afresh: `boot.js` picks the full build for any address with a `request` segment, so
//! this cannot loop.

use leptos::prelude::*;

#[component]
pub fn LoadFullBuild() -> impl IntoView {
    Effect::new(|_| {
        if let Some(window) = crate::browser::window() {
            let _ = window.location().reload();
        }
    });
}
