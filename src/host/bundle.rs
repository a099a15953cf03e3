//! The bundle's own files (`config.json`, the locale packs), fetched from beside the `boot.js`
//! that loaded the app, wherever the host page is.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Where `boot.js` is, as it said itself (`import.meta.url`), once it has.
    static BUNDLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Remembers where the bundle is: `boot.js` tells the app its own address when it starts it
/// (no guess from the page's scripts, where a cache buster such as `boot.js?v=3`, or another
/// vendor's `boot.js`, would mislead it).
pub fn set_bundle_url(url: String) {
    BUNDLE.with(|b| *b.borrow_mut() = Some(url));
}

/// `file` beside `boot.js`, else (an app started without it: the component tests) beside the
/// document's base.
pub fn bundle_url(file: &str) -> Option<String> {
    let base = BUNDLE.with(|b| b.borrow().clone()).or_else(|| {
        crate::browser::window()?
            .document()?
            .base_uri()
            .ok()
            .flatten()
    })?;
    web_sys::Url::new_with_base(file, &base)
        .ok()
        .map(|u| u.href())
}

/// A file of the bundle (beside `boot.js`) as text; `Ok(None)` when it is not there (404).
/// The request starts at the call, so several can be under way before any is awaited.
pub fn fetch_bundle_file(
    file: &str,
) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    let started = bundle_url(file)
        .ok_or_else(|| format!("{file}: no address to fetch it from"))
        .and_then(|url| {
            let window = crate::browser::window().ok_or("no window")?;
            Ok((JsFuture::from(window.fetch_with_str(&url)), url))
        });
    async move {
        let (request, url) = started?;
        let response: web_sys::Response = request
            .await
            .map_err(|_| format!("{url} could not be fetched (offline, or refused)"))?
            .dyn_into()
            .map_err(|_| format!("{url}: not a response"))?;
        if response.status() == 404 {
            return Ok(None);
        }
        if !response.ok() {
            return Err(format!("{url} answered {}", response.status()));
        }
        let body = response.text().map_err(|_| format!("{url}: no body"))?;
        JsFuture::from(body)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .map(Some)
            .ok_or_else(|| format!("{url}: the body could not be read"))
    }
}
