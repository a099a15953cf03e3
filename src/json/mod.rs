//! JSON text to and from the model's serde types: the derives in `fasttrack-model` (and the
//! app's own) are the one definition of every JSON the app reads or writes: requests, drafts,
//! problems, settings. In the browser the text is parsed and written by the browser's own
//! `JSON.parse` and `JSON.stringify`; serde carries the values between them and Rust (`from_js`,
//! `to_js`: the wasm ships no JSON parser or writer, and no float formatting). Natively (the
//! tests, the build-time prerender) serde_json does both.

#[cfg(target_arch = "wasm32")]
mod from_js;
#[cfg(target_arch = "wasm32")]
mod to_js;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text, in the order of its fields; `None` only if it cannot be written (a
/// map with keys that are not strings: none of the app's types).
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let js = to_js::write(value).ok()?;
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
        from_js::read(value).map_err(|e| e.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
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

/// A value of another type than the one asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct OtherType;

/// A JSON object whose members are read one at a time, each as the type its reader asks for:
/// a member of another type is refused alone, and the others still read (settings: a
/// deployment's `config.json`, a host's `mount()` options). In the browser, the JavaScript
/// object itself; natively, serde_json's.
pub struct Object(
    #[cfg(target_arch = "wasm32")] js_sys::Object,
    #[cfg(not(target_arch = "wasm32"))] serde_json::Map<String, serde_json::Value>,
);

impl Object {
    /// `text` read as an object: `Ok(None)` when it is JSON but not an object, `Err` with the
    /// parser's words when it is not JSON.
    pub fn parse(text: &str) -> Result<Option<Object>, String> {
        #[cfg(target_arch = "wasm32")]
        {
            let value = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
            Ok(Object::from_js(value))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            match serde_json::from_str(text).map_err(|e| e.to_string())? {
                serde_json::Value::Object(map) => Ok(Some(Object(map))),
                _ => Ok(None),
            }
        }
    }

    /// A JavaScript value as an object; `None` for anything else (an array, a string, null),
    /// and natively, where there are no JavaScript values.
    pub fn from_js(value: wasm_bindgen::JsValue) -> Option<Object> {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            if js_sys::Array::is_array(&value) {
                return None;
            }
            value.dyn_into::<js_sys::Object>().ok().map(Object)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = value;
            None
        }
    }

    /// The members' names, in the object's order.
    pub fn keys(&self) -> Vec<String> {
        #[cfg(target_arch = "wasm32")]
        {
            js_sys::Object::keys(&self.0)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.0.keys().cloned().collect()
        }
    }

    /// The member `key` as a `T`: `None` when there is none, `Err` when it is not a `T`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, OtherType>> {
        #[cfg(target_arch = "wasm32")]
        {
            let value = js_sys::Reflect::get(&self.0, &key.into()).ok()?;
            (!value.is_undefined()).then(|| from_js::read(value).map_err(|_| OtherType))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let value = self.0.get(key)?;
            Some(T::deserialize(value).map_err(|_| OtherType))
        }
    }
}
