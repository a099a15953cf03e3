//! JSON values without a JSON library. The browser parses and the model reads the values
//! ([`Json`]), so the wasm app ships no JSON parser or serde code: the app turns the browser's
//! `JSON.parse` result into a [`Json`] (the receiver, natively, keeps serde). The conversions
//! here (drafts, requests, problems) give what the model's serde derives give; the tests in
//! `tests/json_agreement.rs` hold them to it.

use std::fmt::Write as _;

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

/// Integers a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Json {
    /// The member `key` of an object (the last, as `JSON.parse` keeps, when repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number from 0 to `max`.
    pub fn as_whole(&self, max: u64) -> Option<u64> {
        match self {
            Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= max as f64 => Some(*n as u64),
            _ => None,
        }
    }

    /// The value as JSON text, as `JSON.stringify` writes it: whole numbers without a
    /// fraction, non-finite numbers as `null`.
    pub fn to_text(&self) -> String {
        self.to_text_with(&|n, out| {
            // As JavaScript: an exponent for the very large and the very small.
            if n.abs() >= 1e21 || n.abs() < 1e-6 {
                let _ = write!(out, "{n:e}");
            } else {
                let _ = write!(out, "{n}");
            }
        })
    }

    /// As [`Json::to_text`], with the numbers that are not whole integers up to 2^53 written
    /// by `fraction` (the browser build uses JavaScript's, so the wasm carries no float
    /// formatting).
    pub fn to_text_with(&self, fraction: &dyn Fn(f64, &mut String)) -> String {
        let mut out = String::new();
        self.write(&mut out, fraction);
        out
    }

    fn write(&self, out: &mut String, fraction: &dyn Fn(f64, &mut String)) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) if !n.is_finite() => out.push_str("null"),
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => {
                let _ = write!(out, "{}", *n as i64);
            }
            Json::Number(n) => fraction(*n, out),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out, fraction);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out, fraction);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Number(f64::from(n))
    }
}

/// An object from `(key, value)` pairs, in their order.
pub fn object<const N: usize>(entries: [(&str, Json); N]) -> Json {
    Json::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_json_as_javascript_writes_it() {
        let value = object([
            ("s", "a\"b\\c\nd\u{1}é😀".into()),
            ("n", Json::Number(1200.0)),
            ("f", Json::Number(0.5)),
            ("big", Json::Number(1e300)),
            ("nan", Json::Number(f64::NAN)),
            ("list", Json::Array(vec![Json::Null, true.into()])),
            ("empty", Json::Object(vec![])),
        ]);
        assert_eq!(
            value.to_text(),
            r#"{"s":"a\"b\\c\nd\u0001é😀","n":1200,"f":0.5,"big":1e300,"nan":null,"list":[null,true],"empty":{}}"#
        );
    }

    #[test]
    fn members_and_whole_numbers() {
        let value = object([("a", Json::Number(1.0)), ("a", Json::Number(422.0))]);
        assert_eq!(value.get("a").and_then(|n| n.as_whole(999)), Some(422));
        assert_eq!(Json::Number(42.5).as_whole(999), None);
        assert_eq!(Json::Number(-1.0).as_whole(999), None);
        assert_eq!(Json::Number(1000.0).as_whole(999), None);
        assert_eq!(Json::from("x").get("a"), None);
    }
}
