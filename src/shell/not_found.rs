//! A clear page for addresses the app does not know, with a way into every language.

use crate::browser;
use crate::host::Config;
use crate::shell::{reader_locale, Address};
use leptos::prelude::*;

/// `requested`: the locale segment the address asked for, when that is what is unknown.
#[component]
pub fn NotFound(#[prop(default = None)] requested: Option<String>) -> impl IntoView {
    let config = expect_context::<Config>();
    let offered = config.offered();
    let locale = reader_locale(&config);
    let ui = locale.ui();
    if config.standalone {
        browser::set_document_title(&format!("{} – {}", ui.not_found.title, ui.app_name));
    }
    let reason = match requested.filter(|r| !r.is_empty()) {
        Some(tag) => ui.not_found.unknown_language(&tag),
        None => ui.not_found.missing_page.to_owned(),
    };
    let body = view! {
            <h1>{ui.not_found.title}</h1>
            <p>{reason}</p>
            <p>{ui.not_found.choose}</p>
            <ul>
                {offered
                    .iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a href=Address::guide(*l).href(&config.base) hreflang=l.tag() lang=l.tag()>
                                    {l.name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
    };
    // A host page has its own <main>: embedded, the page is a named region.
    if config.standalone {
        view! { <main id="ft-main" class="ft-main ft-not-found" lang=locale.tag() tabindex="-1">{body}</main> }.into_any()
    } else {
        view! {
            <div id="ft-main" class="ft-main ft-not-found" lang=locale.tag() tabindex="-1" role="region" aria-label=ui.app_name>
                {body}
            </div>
        }
        .into_any()
    }
}
