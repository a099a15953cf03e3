//! Where the reader is, and how the frame moves them. The full build follows its router; the
//! guide-only build has no router (each of its links loads a page, `boot.js` picking the build),
//! so it reads the address once and redirects by replacing the document's address.

use leptos::prelude::*;

/// The address inside the page: path (with the app's base) and fragment (with `#`).
#[derive(Clone, Copy)]
pub struct Place {
    pub pathname: Signal<String>,
    pub hash: Signal<String>,
}

impl Place {
    #[cfg(feature = "wizard")]
    pub fn current() -> Place {
        let location = leptos_router::hooks::use_location();
        Place {
            pathname: location.pathname.into(),
            hash: location.hash.into(),
        }
    }

    #[cfg(not(feature = "wizard"))]
    pub fn current() -> Place {
        let location = web_sys::window().map(|w| w.location());
        let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
            location
                .as_ref()
                .and_then(|l| f(l).ok())
                .unwrap_or_default()
        };
        Place {
            pathname: Signal::stored(read(web_sys::Location::pathname)),
            hash: Signal::stored(read(web_sys::Location::hash)),
        }
    }
}

/// Replaces the current address with `path` (inside the app, e.g. `/pt-BR/`): one address per
/// page, and Back does not return to the replaced one.
#[cfg(feature = "wizard")]
#[component]
pub fn ReplaceAddress(path: String) -> impl IntoView {
    use leptos_router::components::Redirect;
    use leptos_router::NavigateOptions;
    view! { <Redirect path options=NavigateOptions { replace: true, ..Default::default() } /> }
}

#[cfg(not(feature = "wizard"))]
#[component]
pub fn ReplaceAddress(path: String) -> impl IntoView {
    let href = expect_context::<crate::config::Config>().href(&path);
    Effect::new(move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(&href);
        }
    });
}
