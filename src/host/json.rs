//! JSON as the browser parses it. `config.json`, `data-headers`, the options a host passes to
//! `mount()`, stored drafts and the backend's answers are read with the browser's own
//! `JSON.parse` and turned into the model's [`Json`], and requests and drafts are written from
//! it, so the wasm ships no JSON library or serde code; the rules that read the values stay
//! plain Rust. Natively (the tests, the build-time prerender) serde_json parses instead.

pub use fasttrack_model::json::Json;
use wasm_bindgen::{JsCast, JsValue};

/// `json` as JSON text. In the browser, numbers that are not whole are written by JavaScript's
/// `Number.prototype.toString` (as `JSON.stringify` does), so the wasm has no float formatting.
pub fn to_text(json: &Json) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        json.to_text_with(&|n, out| {
            out.push_str(&String::from(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .unwrap_or_default(),
            ))
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        json.to_text()
    }
}

/// Deeper than this is not a settings object (and a host's object may be cyclic). Drafts and
/// problems nest less (a draft's contacts are at depth 2, a problem's entries at depth 2).
const MAX_DEPTH: usize = 8;

/// Parses `text` with the browser's `JSON.parse`; `Err` carries the browser's message.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Json, String> {
    js_sys::JSON::parse(text)
        .map(|value| from_js(&value))
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".to_owned())
        })
}

/// Parses `text` as `JSON.parse` would (every number an `f64`, the last of repeated keys).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, String> {
    fn convert(value: serde_json::Value, depth: usize) -> Json {
        use serde_json::Value;
        match value {
            _ if depth > MAX_DEPTH => Json::Null,
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(a) => Json::Array(a.into_iter().map(|v| convert(v, depth + 1)).collect()),
            Value::Object(o) => Json::Object(
                o.into_iter()
                    .map(|(k, v)| (k, convert(v, depth + 1)))
                    .collect(),
            ),
        }
    }
    serde_json::from_str(text)
        .map(|value| convert(value, 0))
        .map_err(|e| e.to_string())
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
