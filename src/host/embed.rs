//! The JavaScript entry point for host pages: `FastTrack.mount(element, options)` returns a
//! handle whose `unmount()` removes the app. `boot.js` publishes it as the one global,
//! `window.FastTrack`, and announces it with a `fasttrack:loaded` event on `document`.

use crate::host::json;
use crate::host::sources::config_for;
use std::any::Any;
use wasm_bindgen::prelude::*;

/// A mounted app. Dropping it (or calling `unmount`) removes the app and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    inner: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl MountHandle {
    pub fn unmount(&mut self) {
        self.inner.take();
    }
}

impl MountHandle {
    pub fn new(inner: Box<dyn Any>) -> MountHandle {
        MountHandle { inner: Some(inner) }
    }
}

/// `FastTrack.mount(element, options)`: options are the `config.json` settings (they win
/// over `config.json` and the element's `data-*` attributes).
#[wasm_bindgen(js_name = mount)]
pub fn mount_from_js(element: web_sys::HtmlElement, options: JsValue) -> MountHandle {
    let options = (!options.is_undefined() && !options.is_null()).then(|| json::from_js(&options));
    let config = config_for(&element, options.as_ref());
    crate::mount(element, config)
}
