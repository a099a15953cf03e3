//! "On this page": links to each section of the guide.

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Address;
use leptos::prelude::*;

#[component]
pub fn TableOfContents(locale: Locale) -> impl IntoView {
    let ui = locale.ui();
    let config = expect_context::<Config>();
    view! {
        <nav class="ft-toc" aria-labelledby="ft-toc-heading">
            <h2 id="ft-toc-heading" class="ft-toc__heading">{ui.toc_heading}</h2>
            <ol>
                {locale
                    .guide()
                    .sections
                    .iter()
                    .map(|s| {
                        let label = ui.sections.get(s.id).unwrap_or(s.id);
                        let href = Address::guide_section(locale, s.id).href(&config.base);
                        view! { <li><a href=href>{label}</a></li> }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
