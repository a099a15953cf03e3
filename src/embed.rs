//! The JavaScript entry point for host pages: `FastTrack.mount(element, options)` returns a
//! handle whose `unmount()` removes the app. `boot.js` publishes it as the one global,
//! `window.FastTrack`, and announces it with a `fasttrack:loaded` event on `document`.

use crate::boot::{config_for, console_warn};
use crate::config::Settings;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// `config.json` as read at start-up, for apps mounted later by a host's script.
    static FILE_SETTINGS: RefCell<Option<Settings>> = const { RefCell::new(None) };
}

pub fn remember_file_settings(settings: Option<Settings>) {
    FILE_SETTINGS.with(|s| *s.borrow_mut() = settings);
}

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
    let options = if options.is_undefined() || options.is_null() {
        None
    } else {
        match Settings::from_json(&crate::json::from_js(&options)) {
            Ok(settings) => Some(settings),
            Err(_) => {
                console_warn("fasttrack: mount(): options must be an object of settings; ignored.");
                None
            }
        }
    };
    let file = FILE_SETTINGS.with(|s| s.borrow().clone());
    let config = config_for(&element, file.as_ref(), options);
    crate::mount(element, config)
}
