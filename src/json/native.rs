//! JSON natively (the tests, the build-time prerender): serde_json, with the same functions as
//! in the browser.

use super::OtherType;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text, in the order of its fields.
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// `text` read as a `T`; `Err` says why in the parser's words (not JSON, or not a `T`).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A JSON object whose members are read one at a time (see the browser's): serde_json's.
pub struct Object(serde_json::Map<String, serde_json::Value>);

impl Object {
    /// `text` read as an object: `Ok(None)` when it is JSON but not an object, `Err` with the
    /// parser's words when it is not JSON.
    pub fn parse(text: &str) -> Result<Option<Object>, String> {
        match serde_json::from_str(text).map_err(|e| e.to_string())? {
            serde_json::Value::Object(map) => Ok(Some(Object(map))),
            _ => Ok(None),
        }
    }

    /// Natively there are no JavaScript values: never an object.
    pub fn from_js(value: wasm_bindgen::JsValue) -> Option<Object> {
        let _ = value;
        None
    }

    /// The members' names, in the object's order.
    pub fn keys(&self) -> Vec<String> {
        self.0.keys().cloned().collect()
    }

    /// The member `key` as a `T`: `None` when there is none, `Err` when it is not a `T`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, OtherType>> {
        let value = self.0.get(key)?;
        Some(T::deserialize(value).map_err(|_| OtherType))
    }
}
