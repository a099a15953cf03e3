//! JSON in the browser: `JSON.parse` and `JSON.stringify`, with serde carrying the values
//! between them and Rust.

#[path = "from_js.rs"]
mod from_js;
#[path = "to_js.rs"]
mod to_js;

use super::OtherType;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

/// `value` as JSON text, in the order of its fields; `None` only if it cannot be written (a
/// map with keys that are not strings: none of the app's types).
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let js = to_js::write(value).ok()?;
    js_sys::JSON::stringify(&js).ok()?.as_string()
}

/// `text` read as a `T`; `Err` says why in the parser's words (not JSON, or not a `T`).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
    from_js::read(value).map_err(|e| e.to_string())
}

/// The message of a JavaScript error (`JSON.parse`'s own words).
fn message(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "not JSON".to_owned())
}

/// A JSON object whose members are read one at a time, each as the type its reader asks for:
/// a member of another type is refused alone, and the others still read (settings: a
/// deployment's `config.json`, a host's `mount()` options). Here, the JavaScript object itself.
pub struct Object(js_sys::Object);

impl Object {
    /// `text` read as an object: `Ok(None)` when it is JSON but not an object, `Err` with the
    /// parser's words when it is not JSON.
    pub fn parse(text: &str) -> Result<Option<Object>, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
        Ok(Object::from_js(value))
    }

    /// A JavaScript value as an object; `None` for anything else (an array, a string, null).
    pub fn from_js(value: wasm_bindgen::JsValue) -> Option<Object> {
        from_js::plain_object(value).map(Object)
    }

    /// The members' names, in the object's order.
    pub fn keys(&self) -> Vec<String> {
        js_sys::Object::keys(&self.0)
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    }

    /// The member `key` as a `T`: `None` when there is none, `Err` when it is not a `T`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, OtherType>> {
        let value = js_sys::Reflect::get(&self.0, &key.into()).ok()?;
        (!value.is_undefined()).then(|| from_js::read(value).map_err(|_| OtherType))
    }
}
