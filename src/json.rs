//! JSON text to and from the model's serde types: the derives in `fasttrack-model` (and the
//! app's own) are the one definition of every JSON the app reads or writes: requests, drafts,
//! problems, settings. In the browser the text is parsed and written by the browser's own
//! `JSON.parse` and `JSON.stringify`, and serde-wasm-bindgen carries the values between them and
//! Rust (the wasm ships no JSON parser and no float formatting); natively (the tests, the
//! build-time prerender) serde_json does both.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text, in the order of its fields; `None` only if it cannot be written (a
/// map with keys that are not strings: none of the app's types).
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        // `json_compatible`: absent options as `null` and maps as objects, as serde_json writes.
        let js = value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()?;
        js_sys::JSON::stringify(&js).ok()?.as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).ok()
    }
}

/// `text` read as a `T`; `Err` says why in the parser's words (not JSON, or not a `T`).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
        from_js(value)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// A JavaScript value (a host's `mount()` options, a field of them) read as a `T`.
#[cfg(target_arch = "wasm32")]
pub fn from_js<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// The message of a JavaScript error (`JSON.parse`'s own words).
#[cfg(target_arch = "wasm32")]
fn message(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "not JSON".to_owned())
}
