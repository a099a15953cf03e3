//! The app's own links, followed in place through the router: a plain click on a link inside
//! the app (`.ft-app`, in `<fasttrack-onboarding>`'s shadow root too) to one of its pages moves
//! the app without loading a page. Every other link is left to the browser: a portal's own,
//! even to the app's pages, loads its page. (`leptos_router`'s own following of links, which
//! acts on the whole page, is off: see [`crate::shell::place::ROUTER_BASE`].)

use crate::browser;
use crate::shell::{Address, Place, ROOT_CLASS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Follows the app's links under `base` in place until the current owner is cleaned up.
pub fn follow(place: Place, base: String) {
    // Drawn at build time there is no window to listen to.
    if crate::environment::Environment::current().is_build_time() {
        return;
    }
    let click = window_event_listener(leptos::ev::click, move |event| {
        if let Some(href) = followed_link(&event, &base) {
            event.prevent_default();
            place.go_to(&href, false);
        }
    });
    on_cleanup(move || click.remove());
}

/// The address a click follows in place: a plain click (no modifier key, main button) on one
/// of the app's links to a page of the app, on this origin, not meant for another window or
/// as a download.
fn followed_link(event: &web_sys::MouseEvent, base: &str) -> Option<String> {
    let modified = event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return None;
    }
    // The innermost link on the event's path: inside <fasttrack-onboarding>'s shadow root too.
    let path = event.composed_path();
    let link = (0..path.length())
        .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    link.closest(&format!(".{ROOT_CLASS}")).ok()??;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let url = web_sys::Url::new(&link.href()).ok()?;
    let here = browser::window()?.location().origin().ok()?;
    let href = format!("{}{}{}", url.pathname(), url.search(), url.hash());
    let inside = url.origin() == here && Address::parse(&href, base) != Address::Outside;
    inside.then_some(href)
}
