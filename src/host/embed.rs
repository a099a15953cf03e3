//! The JavaScript entry point for host pages: `FastTrack.mount(element, options)` returns a
//! handle whose `unmount()` removes the app. `boot.js` publishes it as the one global,
//! `window.FastTrack`, and announces it with a `fasttrack:loaded` event on `document`.

use crate::host::json;
use crate::host::sources::config_for;
use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

/// A mounted app, or one waiting for its locale to load. Dropping it (or calling `unmount`)
/// removes the app and its listeners, or keeps a waiting one from being drawn.
#[wasm_bindgen]
pub struct MountHandle {
    app: Rc<Mounted>,
}

/// The drawn app, once drawn (`None` before, and after `unmount`).
#[derive(Default)]
pub struct Mounted(RefCell<Option<Box<dyn Any>>>);

#[wasm_bindgen]
impl MountHandle {
    pub fn unmount(&mut self) {
        self.app = Rc::default();
    }
}

impl MountHandle {
    pub fn pending() -> MountHandle {
        MountHandle { app: Rc::default() }
    }

    /// What the drawing waits with: gone once the handle is dropped or unmounted.
    pub fn waiting(&self) -> Weak<Mounted> {
        Rc::downgrade(&self.app)
    }
}

impl Mounted {
    pub fn mounted(&self, app: Box<dyn Any>) {
        *self.0.borrow_mut() = Some(app);
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
