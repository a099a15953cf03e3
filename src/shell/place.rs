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

/// What an address inside the app names. The full build's router decides this from its routes;
/// the guide-only build, which has no router, from this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    /// The app's root: pick a language.
    Root,
    /// `/LOCALE/`: the guide (`locale` as written, not yet checked).
    Guide { locale: &'a str },
    /// `/LOCALE/request...`: the wizard.
    Wizard { locale: &'a str },
    /// Anything else, or an address outside `base`.
    Unknown,
}

pub fn page_at<'a>(pathname: &'a str, base: &str) -> Page<'a> {
    let inside = match pathname.strip_prefix(base) {
        Some(inside) if inside.is_empty() || inside.starts_with('/') => inside,
        _ => return Page::Unknown,
    };
    let inside = inside.trim_start_matches('/');
    let (locale, rest) = inside.split_once('/').unwrap_or((inside, ""));
    if locale.is_empty() {
        Page::Root
    } else if rest.is_empty() {
        Page::Guide { locale }
    } else if rest == "request" || rest.starts_with("request/") {
        Page::Wizard { locale }
    } else {
        Page::Unknown
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

#[cfg(test)]
mod tests {
    use super::{page_at, Page};

    #[test]
    fn addresses_name_their_page() {
        let cases = [
            ("/", "", Page::Root),
            ("", "", Page::Root),
            ("/en/", "", Page::Guide { locale: "en" }),
            ("/en", "", Page::Guide { locale: "en" }),
            ("/pt-br/", "", Page::Guide { locale: "pt-br" }),
            ("/en/request", "", Page::Wizard { locale: "en" }),
            (
                "/fr-FR/request/contacts",
                "",
                Page::Wizard { locale: "fr-FR" },
            ),
            ("/en/requests", "", Page::Unknown),
            ("/en//", "", Page::Unknown),
            ("/en/nope", "", Page::Unknown),
            ("/tools/ft", "/tools/ft", Page::Root),
            ("/tools/ft/en/", "/tools/ft", Page::Guide { locale: "en" }),
            (
                "/tools/ft/en/request/about",
                "/tools/ft",
                Page::Wizard { locale: "en" },
            ),
            ("/tools/ftx/en/", "/tools/ft", Page::Unknown),
            ("/other/en/", "/tools/ft", Page::Unknown),
        ];
        for (pathname, base, expected) in cases {
            assert_eq!(
                page_at(pathname, base),
                expected,
                "{pathname} under {base:?}"
            );
        }
    }
}
