//! FastTrack onboarding: the Microsoft 365 FastTrack guide and request wizard as an embeddable
//! Leptos app. `main.rs` starts it; hosts can call [`mount`].
//!
//! - [`app`]: the root element and the pages
//! - [`shell`]: the frame of every page, the [`shell::Address`] every link is built from, and
//!   the `/` and not-found pages
//! - [`guide`]: "The FastTrack process", rendered from the typed content model
//! - [`request`]: "Request assistance for Microsoft 365"
//! - [`locale`], [`i18n`]: the offered locales, their UI strings and message functions
//! - [`host`]: how a host page talks to the app (start-up, `FastTrack.mount`, settings, events)
//! - [`environment`]: where the app is drawn (a reader's browser, or the build), handed to
//!   components as a context: storage and clock
//! - [`browser`]: storage, focus, scrolling and the console, failing soft
//! - `piece`: pages whose code is fetched when first shown
//! - `prerender` (native only): the guide and the first question as HTML at build time

// Rendering to HTML (the build-time prerender) nests deeper types than rendering to the DOM.
#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod environment;
pub mod guide;
pub mod host;
pub mod i18n;
pub mod json;
pub mod locale;
mod piece;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod request;
pub mod shell;

pub use app::App;
pub use host::Config;

use leptos::prelude::*;

/// Mounts the app into `element`; the returned handle unmounts it when dropped or when its
/// `unmount` is called.
/// The app is drawn once the locale it opens in is loaded (its packs, fetched beside
/// `boot.js`): until then the element keeps what it holds. An element holding a prerendered
/// page is then taken over: the app draws the same page and swaps it in (see
/// [`host::takeover`]).
pub fn mount(element: web_sys::HtmlElement, config: Config) -> host::embed::MountHandle {
    // One app per page: its ids are the page's (see host::embed::AppSlot).
    let Some(slot) = host::embed::AppSlot::take(&element) else {
        return host::embed::MountHandle::refused();
    };
    // What earlier visits kept that today's settings do not keep, or that expired, goes first,
    // whatever page this is. (boot.js loads the app on a page where something is kept.)
    request::sweep_kept_answers(config.draft_storage, environment::Environment::browser());
    let address = shell::Address::parse(&browser::current_address(), &config.base);
    let locale = opening_locale(&config, &address);
    let handle = host::embed::MountHandle::pending(slot);
    let waiting = handle.waiting();
    let takes_over_guide =
        host::takeover::is_prerendered(&element) && matches!(address, shell::Address::Guide { .. });
    let needs = address.needs();
    let draw_when_loaded = move || {
        // Drawn at once (before this returns) when the locale is already loaded.
        locale::load_then(locale, needs, move |loaded| {
            // Unmounted (or dropped) meanwhile: nothing to draw.
            let Some(app) = waiting.upgrade() else {
                return;
            };
            if loaded {
                app.mounted(draw(element, config));
            } else if !host::takeover::is_prerendered(&element)
                || host::takeover::needs_app(&element)
            {
                // No text to show in any language: say so plainly (a prerendered guide stays
                // as it is, readable; a prerendered question cannot be answered). The reason
                // is in the console.
                element.set_text_content(Some(locale.load_failed()));
            }
        })
    };
    if takes_over_guide {
        // The guide's code is a piece of its own (`piece`): a prerendered guide is taken over
        // once it is here, so that the app swaps in the whole page at once (the reader's
        // scroll position stays). Where it cannot be had, the page stays as built, readable.
        wasm_bindgen_futures::spawn_local(async move {
            if guide::fetch_code().await {
                draw_when_loaded();
            } else {
                browser::console_error(
                    "fasttrack: the guide's code could not be fetched; the page stays as built",
                );
            }
        });
    } else {
        draw_when_loaded();
    }
    handle
}

/// The locale the app opens in: the address's, else the reader's (as the root page and the
/// not-found page choose it).
fn opening_locale(config: &Config, address: &shell::Address) -> locale::Locale {
    address
        .locale()
        .filter(|l| config.offered().contains(l))
        .unwrap_or_else(|| shell::reader_locale(config))
}

fn draw(element: web_sys::HtmlElement, config: Config) -> Box<dyn std::any::Any> {
    use host::takeover;
    // Events go to the element the portal knows: `<fasttrack-onboarding>` when the app is in
    // its shadow root, else the mount element.
    let host = host::sources::custom_element(&element).unwrap_or_else(|| element.clone());
    let staging = takeover::is_prerendered(&element)
        .then(|| takeover::staging(&element))
        .flatten();
    let took_over = staging.is_some();
    let target = staging.clone().unwrap_or_else(|| element.clone());
    let handle = leptos::mount::mount_to(target, move || {
        provide_context(environment::Environment::browser());
        provide_context(host::events::HostElement(StoredValue::new_local(host)));
        if took_over {
            provide_context(takeover::TookOver);
        }
        view! { <App config /> }
    });
    if let Some(staging) = staging {
        takeover::swap_in(&element, &staging);
    }
    Box::new(handle)
}
