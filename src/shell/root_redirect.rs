//! `/` sends the reader to their language: the one they chose before, else the best match for
//! the browser's languages, else the deployment's default.

use crate::host::Config;
use crate::shell::{reader_locale, Address, Place};
use leptos::prelude::*;

#[component]
pub fn RootRedirect() -> impl IntoView {
    let locale = reader_locale(&expect_context::<Config>());
    Place::current().replace(&Address::guide(locale));
}
