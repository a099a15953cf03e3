//! The JavaScript entry point for host pages: `FastTrack.mount(element, options)` returns a
//! handle whose `unmount()` removes the app. `boot.js` publishes it as the one global,
//! `window.FastTrack`, and announces it with a `fasttrack:loaded` event on `document`.

use crate::host::sources::config_for;
use crate::json::Object;
use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

/// A mounted app, or one waiting for its locale to load. Dropping it (or calling `unmount`)
/// removes the app and its listeners, or keeps a waiting one from being drawn.
#[wasm_bindgen]
pub struct MountHandle {
    app: Rc<Mounted>,
    /// The page's one place for an app, held while this app is mounted (`None`: refused).
    slot: Option<AppSlot>,
}

thread_local! {
    /// Whether an app is mounted on this page.
    static TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The page's one place for an app: its ids (the main region, the error summary, the fields)
/// are looked up in the document, so a second app would move focus in the first, and a second
/// mount element (one a portal's user-written HTML could hold) must not get a working wizard.
/// Freed when the app is unmounted.
pub struct AppSlot(());

impl AppSlot {
    /// The place, unless an app holds it: then the mount is refused, by the element's name, in
    /// the console.
    pub fn take(element: &web_sys::HtmlElement) -> Option<AppSlot> {
        if TAKEN.with(|t| t.replace(true)) {
            crate::browser::console_error(&format!(
                "fasttrack: {} was not mounted: an app is already mounted on this page, and a \
                 page holds one app at most.",
                describe(element)
            ));
            return None;
        }
        Some(AppSlot(()))
    }
}

impl Drop for AppSlot {
    fn drop(&mut self) {
        TAKEN.with(|t| t.set(false));
    }
}

/// An element as a portal's developer finds it: `<div id="help" class="a b">`, the custom
/// element's own name when the app is in its shadow root.
fn describe(element: &web_sys::HtmlElement) -> String {
    let element = crate::host::sources::custom_element(element).unwrap_or_else(|| element.clone());
    let mut name = format!("<{}", element.local_name());
    for attribute in ["id", "class", "data-fasttrack"] {
        if let Some(value) = element.get_attribute(attribute) {
            if value.is_empty() {
                name.push_str(&format!(" {attribute}"));
            } else {
                name.push_str(&format!(" {attribute}=\"{value}\""));
            }
        }
    }
    name.push('>');
    name
}

/// The drawn app, once drawn (`None` before, and after `unmount`).
#[derive(Default)]
pub struct Mounted(RefCell<Option<Box<dyn Any>>>);

#[wasm_bindgen]
impl MountHandle {
    pub fn unmount(&mut self) {
        self.app = Rc::default();
        self.slot = None;
    }
}

impl MountHandle {
    pub fn pending(slot: AppSlot) -> MountHandle {
        MountHandle {
            app: Rc::default(),
            slot: Some(slot),
        }
    }

    /// The handle of a mount that was refused: nothing to unmount.
    pub fn refused() -> MountHandle {
        MountHandle {
            app: Rc::default(),
            slot: None,
        }
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
    let given = !options.is_undefined() && !options.is_null();
    let options = given.then(|| Object::from_js(options)).flatten();
    if given && options.is_none() {
        crate::browser::console_warn(
            "fasttrack: mount() options: must be an object of settings; ignored.",
        );
    }
    let config = config_for(&element, options.as_ref());
    crate::mount(element, config)
}
