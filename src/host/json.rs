//! JSON values as the browser parses them. `config.json`, `data-headers` and the options a host
//! passes to `mount()` are read with the browser's own `JSON.parse` and turned into [`Json`],
//! so the guide-only build ships no JSON library; the settings rules stay plain Rust.

use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in the source's order.
    Object(Vec<(String, Json)>),
}

/// Deeper than this is not a settings object (and a host's object may be cyclic).
const MAX_DEPTH: usize = 8;

/// Parses `text` with the browser's `JSON.parse`; `Err` carries the browser's message.
pub fn parse(text: &str) -> Result<Json, String> {
    js_sys::JSON::parse(text)
        .map(|value| from_js(&value))
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".to_owned())
        })
}

/// A JavaScript value as JSON. What JSON cannot hold (functions, symbols, `undefined`) and
/// whatever lies deeper than a settings object can reach become `Null`.
pub fn from_js(value: &JsValue) -> Json {
    from_js_at(value, 0)
}

fn from_js_at(value: &JsValue, depth: usize) -> Json {
    if depth > MAX_DEPTH {
        Json::Null
    } else if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        Json::Array(array.iter().map(|v| from_js_at(&v, depth + 1)).collect())
    } else if value.is_object() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        Json::Object(
            entries
                .iter()
                .filter_map(|entry| {
                    let pair: &js_sys::Array = entry.unchecked_ref();
                    Some((
                        pair.get(0).as_string()?,
                        from_js_at(&pair.get(1), depth + 1),
                    ))
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}
