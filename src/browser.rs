//! The few browser facilities the app uses, each failing soft: storage may be disabled,
//! an element may be gone. Nothing here panics.

use wasm_bindgen::JsCast;

/// Where the reader's language choice is kept (`boot.js` writes it too, on a prerendered page
/// the app has not taken over yet: the build gives it this key).
pub const LOCALE_KEY: &str = "fasttrack:locale";

/// The custom element `boot.js` defines (scripts/boot.template.mjs): the app in its shadow root.
pub const CUSTOM_ELEMENT: &str = "fasttrack-onboarding";

/// The browser window. None outside a browser: the build-time prerender (`src/prerender.rs`)
/// draws the same components natively, where every facility here quietly does nothing.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Milliseconds since the Unix epoch (`Date.now()`); natively (the build-time prerender) the
/// system clock.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64)
    }
}

/// The reader's local date at a time in ms since the Unix epoch; `None` outside a browser.
pub fn local_date(ms: f64) -> Option<fasttrack_model::Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
        let year = u16::try_from(now.get_full_year()).ok()?;
        let month = u8::try_from(now.get_month() + 1).ok()?;
        let day = u8::try_from(now.get_date()).ok()?;
        fasttrack_model::Date::new(year, month, day)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
        None
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The reader's languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The language the reader chose last time, if storage allows.
pub fn remembered_locale() -> Option<String> {
    local_storage()?.get_item(LOCALE_KEY).ok().flatten()
}

/// Remembers the reader's choice; silently does nothing where storage is unavailable.
pub fn remember_locale(tag: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, tag);
    }
}

/// The element with this id: in the document, else in the shadow root of a
/// `<fasttrack-onboarding>` element (where `document.getElementById` does not look).
fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    let document = window()?.document()?;
    let found = document.get_element_by_id(id).or_else(|| {
        let hosts = document.query_selector_all(CUSTOM_ELEMENT).ok()?;
        (0..hosts.length())
            .filter_map(|i| {
                hosts
                    .item(i)?
                    .dyn_into::<web_sys::Element>()
                    .ok()?
                    .shadow_root()
            })
            .find_map(|root| root.get_element_by_id(id))
    })?;
    found.dyn_into().ok()
}

/// Scrolls the element with this id into view, if it exists.
pub fn scroll_to(id: &str) -> bool {
    match element_by_id(id) {
        Some(el) => {
            el.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Scrolls the page to its top, as loading a page does.
pub fn scroll_to_top() {
    if let Some(window) = window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to the element with this id (it needs `tabindex` unless focusable);
/// false when there is no such element.
pub fn focus(id: &str) -> bool {
    element_by_id(id).is_some_and(|el| el.focus().is_ok())
}

/// The current URL's fragment without `#`, percent-decoded.
pub fn current_hash() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .or_else(|| Some(raw.to_owned()))
}

pub fn set_document_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

pub fn set_document_lang(tag: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The document's address from its path on: path, query and fragment ("" without a window).
pub fn current_address() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let part = |r: Result<String, wasm_bindgen::JsValue>| r.unwrap_or_default();
    format!(
        "{}{}{}",
        part(location.pathname()),
        part(location.search()),
        part(location.hash())
    )
}

/// `#id` as an address on the current page. A bare `#id` would resolve against the
/// document's `<base href>`, which is the app's root, not this page.
pub fn on_this_page(id: &str) -> String {
    let address = current_address();
    let page = address.split('#').next().unwrap_or_default();
    format!("{page}#{id}")
}

/// A message for the deployer in the browser's console.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Puts `text` on the clipboard; false where the browser refuses (no permission, an insecure
/// page, an old browser).
pub async fn copy_to_clipboard(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    let Some(window) = window() else {
        return false;
    };
    let Some(clipboard) = Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|v| v.is_object())
    else {
        return false;
    };
    let Some(write) = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let Some(promise) = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the text of the element `id`, for the reader to copy.
pub fn select_contents(id: &str) -> bool {
    let (Some(element), Some(selection)) = (
        element_by_id(id),
        window().and_then(|w| w.get_selection().ok().flatten()),
    ) else {
        return false;
    };
    selection.select_all_children(&element).is_ok()
}
