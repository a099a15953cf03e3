//! The guide's pages as HTML at build time: the same components, rendered natively by Leptos'
//! server-side renderer (`src/bin/prerender.rs`, run by `scripts/prerender.mjs` in release
//! builds). The guide-only build later takes the page over without a visible change.
//!
//! Links are rendered under [`BASE_MARK`], which the script makes relative to the page's
//! `<base href="../">`, so the pages work under any sub-path without a rebuild; dates are
//! markers the script writes with `Intl` (see `i18n::format_date`).

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::{Address, DrawnAt};
use crate::App;
use leptos::prelude::*;

/// The base the pages' links are rendered under, made relative by the script.
pub const BASE_MARK: &str = "/__ft_base__";

/// One locale's guide page: what goes into the `<head>` and the app's element.
pub struct Page {
    pub locale: Locale,
    pub title: String,
    pub description: &'static str,
    /// The app element's content, as the app draws it.
    pub body: String,
}

/// The guide page of `locale`, as the standalone app draws it at its own address.
pub fn guide_page(locale: Locale) -> Page {
    let config = Config {
        base: BASE_MARK.to_owned(),
        standalone: true,
        ..Config::default()
    };
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(DrawnAt(Address::guide(locale).href(BASE_MARK)));
        view! { <App config /> }.to_html()
    });
    Page {
        locale,
        title: crate::guide::page_title(locale),
        description: locale.guide().front_matter.description.trim(),
        body,
    }
}

/// Every locale's page as one JSON array, for the script.
pub fn pages_json() -> String {
    pages_as_json(Locale::all().map(guide_page))
}

fn pages_as_json(pages: impl Iterator<Item = Page>) -> String {
    use fasttrack_model::json::{object, Json};
    let pages = pages
        .map(|page| {
            object([
                ("tag", page.locale.tag().into()),
                ("language", page.locale.name().into()),
                ("title", page.title.into()),
                ("description", page.description.into()),
                ("body", page.body.into()),
            ])
        })
        .collect();
    Json::Array(pages).to_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_reach_the_script_as_json() {
        // Drawn pages need the browser in the full build's native tests: written ones will do.
        let locale = Locale::default_locale();
        let page = Page {
            locale,
            title: "The \"FastTrack\" process".to_owned(),
            description: "Line one\nline two \\ – ✓",
            body: "<h1>Title</h1>\n<p>\u{1}</p>".to_owned(),
        };
        let pages: serde_json::Value =
            serde_json::from_str(&pages_as_json([page].into_iter())).expect("JSON");
        assert_eq!(
            pages,
            serde_json::json!([{
                "tag": locale.tag(),
                "language": locale.name(),
                "title": "The \"FastTrack\" process",
                "description": "Line one\nline two \\ – ✓",
                "body": "<h1>Title</h1>\n<p>\u{1}</p>",
            }])
        );
    }
}
