//! FastTrack onboarding: the Microsoft 365 FastTrack guide and request wizard as an embeddable
//! Leptos app. `main.rs` mounts it; hosts can call [`mount`].
//!
//! - [`app`]: routes and the root element
//! - [`shell`]: the frame of every page (navigation, language switcher), `/` and not-found pages
//! - [`guide`]: "The FastTrack process", rendered from the typed content model
//! - [`request`]: "Request assistance for Microsoft 365"
//! - [`locale`], [`i18n`]: the offered locales and their UI strings
//! - [`config`]: run-time settings, read from [`json`] values; [`boot`]: reading them and mounting at start-up
//! - [`embed`]: `FastTrack.mount` for host pages; [`events`]: what the app tells its host
//! - [`browser`]: storage, focus and scrolling, failing soft

pub mod app;
pub mod boot;
pub mod browser;
pub mod config;
pub mod embed;
pub mod events;
pub mod guide;
pub mod i18n;
pub mod json;
pub mod locale;
#[cfg(feature = "wizard")]
pub mod request;
pub mod shell;

pub use app::App;
pub use config::Config;

use leptos::prelude::*;

/// Mounts the app into `element`; the returned handle unmounts it when dropped or when its
/// `unmount` is called.
pub fn mount(element: web_sys::HtmlElement, config: Config) -> embed::MountHandle {
    let host = element.clone();
    let handle = leptos::mount::mount_to(element, move || {
        provide_context(events::HostElement(StoredValue::new_local(host)));
        view! { <App config /> }
    });
    embed::MountHandle::new(Box::new(handle))
}
