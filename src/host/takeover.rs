//! Taking over a prerendered page (`data-prerendered`, written by `scripts/prerender.mjs`):
//! the app draws the same page into a detached element, then swaps it in in one step, so no
//! frame shows an empty or changed page (no layout shift), the reader's scroll position stays
//! and the focused link stays focused.

use wasm_bindgen::JsCast;

/// The attribute that marks an element holding the page as prerendered HTML.
pub const PRERENDERED: &str = "data-prerendered";

/// Provided when the app took over a prerendered page: the browser has already scrolled to
/// the address's fragment, and the reader may have scrolled since.
#[derive(Clone, Copy, Debug)]
pub struct TookOver;

/// What the keyboard can reach, in document order: a focused element is found again by its
/// place in this list.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

pub fn is_prerendered(element: &web_sys::HtmlElement) -> bool {
    element.has_attribute(PRERENDERED)
}

/// True for a prerendered page that is answered through the app (the wizard's first question,
/// `data-prerendered="question"`), as opposed to one read without it (the guide).
pub fn needs_app(element: &web_sys::HtmlElement) -> bool {
    element.get_attribute(PRERENDERED).as_deref() == Some("question")
}

/// A detached element to draw into; only what the app draws in it moves into `element`.
pub fn staging(element: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    element
        .owner_document()?
        .create_element("div")
        .ok()?
        .dyn_into()
        .ok()
}

/// Replaces `element`'s prerendered content with what the app drew in `staging`.
pub fn swap_in(element: &web_sys::HtmlElement, staging: &web_sys::HtmlElement) {
    let focused = focused_index(element);
    let drawn = js_sys::Array::from(&staging.child_nodes());
    element.replace_children_with_node(&drawn);
    let _ = element.remove_attribute(PRERENDERED);
    if let Some(index) = focused {
        if let Some(target) = focusables(element)
            .and_then(|list| list.item(index))
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // Where it is: the reader's scroll position is kept, not moved to the element.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    }
}

fn focusables(element: &web_sys::HtmlElement) -> Option<web_sys::NodeList> {
    element.query_selector_all(FOCUSABLE).ok()
}

/// The place of the focused element among `element`'s focusable ones, if it is inside.
fn focused_index(element: &web_sys::HtmlElement) -> Option<u32> {
    let active: web_sys::Node = element.owner_document()?.active_element()?.into();
    if !element.contains(Some(&active)) {
        return None;
    }
    let list = focusables(element)?;
    (0..list.length()).find(|&i| list.item(i).is_some_and(|node| node == active))
}
