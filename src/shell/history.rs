//! How the full build moves between its pages without loading one: the app's own links and
//! the browser's Back and Forward move the app, and the address bar follows (the History
//! API). This is what a router would do, for the one thing this app needs of one: [`Place`]
//! reads the address as an [`Address`], and every page is drawn from that.
//!
//! [`Place`]: crate::shell::Place

use crate::browser;
use crate::shell::{Address, ROOT_CLASS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The document's address (path, query and fragment) as it changes, and the way to change it.
pub struct BrowserHistory {
    pub address: ReadSignal<String>,
    /// Goes to an address (`(href, replace)`): a new history entry, or in place of the current.
    pub navigate: UnsyncCallback<(String, bool)>,
}

/// Follows the document's address until the current owner is cleaned up. Links under `base`
/// inside the app are followed in place; any other link loads its page as usual (a host
/// portal's own links are never touched).
pub fn follow(base: &str) -> BrowserHistory {
    let address = RwSignal::new(starting_address());
    // The build-time prerender has no window to listen to.
    if !browser::PRERENDERING {
        follow_links_and_history(address, base.to_owned());
    }
    BrowserHistory {
        address: address.read_only(),
        navigate: UnsyncCallback::new(move |(href, replace): (String, bool)| {
            go(address, &href, replace)
        }),
    }
}

fn follow_links_and_history(address: RwSignal<String>, base: String) {
    let click = window_event_listener(leptos::ev::click, move |event| {
        if let Some(href) = followed_link(&event, &base) {
            event.prevent_default();
            go(address, &href, false);
        }
    });
    // Back and Forward: the browser has changed the address (and restores the scroll itself).
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        address.set(browser::current_address())
    });
    on_cleanup(move || {
        click.remove();
        popstate.remove();
    });
}

/// The document's address; natively (the build-time prerender) the one it draws.
fn starting_address() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(crate::shell::DrawnAt(address)) = use_context() {
        return address;
    }
    browser::current_address()
}

/// Puts `href` in the address bar and the app at it; once the page is drawn, scrolls to the
/// element its fragment names, else to the top, as loading the page would.
fn go(address: RwSignal<String>, href: &str, replace: bool) {
    let Some(history) = browser::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let moved = if replace {
        history.replace_state_with_url(&null, "", Some(href))
    } else if href != browser::current_address() {
        history.push_state_with_url(&null, "", Some(href))
    } else {
        Ok(())
    };
    if moved.is_err() {
        browser::console_error("fasttrack: the browser refused to change the address");
        return;
    }
    address.set(browser::current_address());
    request_animation_frame(|| {
        let at_fragment = browser::current_hash().is_some_and(|id| browser::scroll_to(&id));
        if !at_fragment {
            if let Some(window) = browser::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
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
