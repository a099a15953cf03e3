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
    let pages: Vec<String> = Locale::all()
        .map(guide_page)
        .map(|page| {
            format!(
                r#"{{"tag":{},"language":{},"title":{},"description":{},"body":{}}}"#,
                json_string(page.locale.tag()),
                json_string(page.locale.ui().language_name),
                json_string(&page.title),
                json_string(page.description),
                json_string(&page.body)
            )
        })
        .collect();
    format!("[{}]", pages.join(","))
}

/// `text` as a JSON string.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_what_json_requires() {
        assert_eq!(json_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(json_string("l1\nl2\u{1}"), r#""l1\nl2\u0001""#);
        assert_eq!(json_string("é – ✓"), "\"é – ✓\"");
    }
}
