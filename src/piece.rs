//! Pages whose code is a piece of the app's wasm of its own, fetched when first shown (feature
//! `split`; scripts/split-wasm.mjs cuts the build after cargo). Readers who load the app arrive
//! at the wizard's first question or in a portal: the guide, the later questions and the
//! review are not in the first load.
//!
//! [`piece!`] declares such a page; [`drawn`] shows it once its piece is here. A piece that
//! cannot be fetched (the connection dropped) is a worded message where the page would be,
//! never a panic: the reader's answers and the rest of the app stay, and the next visit to the
//! page tries again.

use crate::shell::{load_failed_alert, CurrentLocale};
use leptos::prelude::*;
use std::future::Future;

/// A piece of the build that could not be fetched.
#[derive(Debug)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// `piece!(name in piece_name: fn(args) { view })` declares `async fn name(args) ->
/// Result<AnyView, Unavailable>`. With the `split` feature its body is the piece called
/// `piece_name` (functions naming the same piece share it), fetched on the first call; without
/// it (the component tests, native builds) the body is in the build and the call is ready at
/// once. `piece!(name in piece_name, prefetch fetch: …)` also declares `async fn fetch()`,
/// which fetches the piece without drawing anything (its result can be ignored: a failed fetch
/// is tried again when the page is drawn).
macro_rules! piece {
    ($(#[$doc:meta])* $vis:vis $name:ident in $piece:ident $(, prefetch $fetch:ident)?: fn($($arg:ident: $ty:ty),*) $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($fetch))?)]
        $vis fn $name($($arg: $ty),*) -> Result<AnyView, $crate::piece::Unavailable> {
            let page: AnyView = $body;
            Ok(page)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::piece::Unavailable> {
            let page: AnyView = $body;
            Ok(page)
        }
        $(
            #[cfg(not(feature = "split"))]
            $vis async fn $fetch() -> Result<(), $crate::piece::Unavailable> {
                Ok(())
            }
        )?
    };
}
pub(crate) use piece;

/// The page `page` gives, drawn once it is here (nothing in its place meanwhile, so that what
/// the page does on arrival, focus and announcement, finds it whole); if its piece cannot be
/// fetched, the message that the page could not be loaded.
pub fn drawn(page: impl Future<Output = Result<AnyView, Unavailable>> + Send + 'static) -> AnyView {
    let mut page = Box::pin(page);
    // A piece already here (and every page without the `split` feature) is drawn at once, as
    // any page is: only a piece still to fetch waits in a `Suspend`. (A `Suspend` drawn again
    // in place, as a page change does, waits for a task of its own even when ready.)
    let mut now = std::task::Context::from_waker(std::task::Waker::noop());
    match page.as_mut().poll(&mut now) {
        std::task::Poll::Ready(page) => shown(page),
        std::task::Poll::Pending => Suspend::new(async move { shown(page.await) }).into_any(),
    }
}

fn shown(page: Result<AnyView, Unavailable>) -> AnyView {
    page.unwrap_or_else(|Unavailable| {
        crate::browser::console_error("a piece of the app could not be fetched");
        // A page's frame is drawn for one locale (`LocaleShell`): its locale does not change.
        let CurrentLocale(locale) = expect_context::<CurrentLocale>();
        load_failed_alert(locale.get_untracked()).into_any()
    })
}
