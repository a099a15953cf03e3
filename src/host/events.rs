//! What the app tells its host: DOM `CustomEvent`s on the mount element.
//!
//! - `fasttrack:ready`, `{ "version": "0.1.0" }`: mounted and drawn
//! - `fasttrack:step`, `{ "page": "organisation", "step": 3, "locale": "en" }`: a page of the
//!   wizard was shown (`page` is a step, `start`, `check` or `confirmation`; `step` is null
//!   outside the five question pages)
//! - `fasttrack:submitted`, `{ "reference": "FT-2026-7KM3-Q9XD" }`: a request was accepted
//! - `fasttrack:error`, `{ "kind": "submission", "reason": "busy" }`: a submission failed

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The element the app is mounted in (or the `<fasttrack-onboarding>` element whose shadow
/// root holds it): where its events are dispatched.
#[derive(Clone, Copy)]
pub struct HostElement(pub StoredValue<web_sys::HtmlElement, LocalStorage>);

/// Dispatches `name` on the mount element with `detail`, an object of the `fields`; bubbles,
/// so a host can listen on any ancestor, and is `composed`, so it crosses shadow roots. The
/// fields are made only where a host listens (the build-time prerender draws pages without
/// one, and has no JavaScript values to make).
pub fn emit<const N: usize>(name: &str, fields: impl FnOnce() -> [(&'static str, JsValue); N]) {
    let Some(HostElement(element)) = use_context::<HostElement>() else {
        return;
    };
    let detail = js_sys::Object::new();
    for (key, value) in fields() {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        element.with_value(|el| {
            let _ = el.dispatch_event(&event);
        });
    }
}
