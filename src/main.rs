//! The standalone entry point: mount the app into `<div data-fasttrack>` or, failing that, the body.

use fasttrack_onboarding::{mount, Config};
use wasm_bindgen::JsCast;

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .query_selector("[data-fasttrack]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    if let Some(target) = target {
        // The app lives as long as the page.
        std::mem::forget(mount(target, Config::default()));
    }
}
