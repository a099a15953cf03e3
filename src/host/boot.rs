//! Start-up: `boot.js` calls [`boot`] with its own address once the wasm is instantiated; the
//! app reads `config.json` from beside it, then mounts into the page's `[data-fasttrack]`
//! element (one app per page: others are refused by name).

use crate::host::sources::{config_for, read_config_file};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a binary's `main` calls: nothing runs (`boot.js` starts the app through [`boot`]), but
/// a binary keeps only the code its `main` reaches, and the app's exports with it.
pub fn link() {
    std::hint::black_box(boot as fn(String));
}

/// `boot(bundleUrl)`, called by `boot.js` with `import.meta.url`: the bundle's files are
/// beside it.
#[wasm_bindgen(js_name = boot)]
pub fn boot(bundle_url: String) {
    crate::host::bundle::set_bundle_url(bundle_url);
    start();
}

/// Mounts the app into the page's `[data-fasttrack]` element, once `config.json` has been read.
pub fn start() {
    install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        read_config_file().await;
        let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(elements) = document.query_selector_all("[data-fasttrack]") else {
            return;
        };
        for i in 0..elements.length() {
            let Some(element) = elements
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            let config = config_for(&element, None);
            // The app lives as long as the page.
            std::mem::forget(crate::mount(element, config));
        }
    });
}

/// In debug builds, a panic is printed to the console with its message and place (a panic in
/// wasm otherwise shows only "unreachable"). Release builds abort without the formatting code.
fn install_panic_hook() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        crate::browser::console_error(&format!("fasttrack panicked: {info}"));
    }));
}
