//! JSON text to and from the model's serde types: the derives in `fasttrack-model` (and the
//! app's own) are the one definition of every JSON the app reads or writes: requests, drafts,
//! problems, settings. In the browser (`in_browser`) the text is parsed and written by the
//! browser's own `JSON.parse` and `JSON.stringify`; serde carries the values between them and
//! Rust (`from_js`, `to_js`: the wasm ships no JSON parser or writer, and no float formatting).
//! Natively (`native`: the tests, the build-time prerender) serde_json does both.

#[cfg(target_arch = "wasm32")]
#[path = "in_browser.rs"]
mod imp;
#[cfg(not(target_arch = "wasm32"))]
#[path = "native.rs"]
mod imp;

pub use imp::{from_text, to_text, Object};

/// A value of another type than the one asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct OtherType;
