//! `/` sends the reader to their language: the one they chose before, else the best match for
//! the browser's languages, else English.

use crate::browser;
use crate::config::Config;
use crate::locale::negotiate;
use crate::shell::ReplaceAddress;
use leptos::prelude::*;

#[component]
pub fn RootRedirect() -> impl IntoView {
    let config = expect_context::<Config>();
    let offered = config.offered();
    let remembered = browser::remembered_locale();
    let languages = browser::preferred_languages();
    let preferences = remembered
        .iter()
        .chain(languages.iter())
        .map(String::as_str);
    let locale = negotiate(preferences, &offered).unwrap_or_else(|| config.fallback_locale());
    let path = format!("/{}/", locale.tag());
    view! { <ReplaceAddress path /> }
}
