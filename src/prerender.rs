//! Pages as HTML at build time: the same components, rendered natively by Leptos' server-side
//! renderer (`src/bin/prerender.rs`, run by `scripts/prerender.mjs` in release builds): each
//! locale's guide, which the app takes over without a visible change where the deployment's
//! settings need it, and each locale's first question, which the app takes over with what the
//! reader did meanwhile (`boot.js` holds it until then).
//!
//! Links are rendered under [`BASE_MARK`], which the script makes relative to the page's
//! `<base href="../">`, so the pages work under any sub-path without a rebuild; dates are
//! markers the script writes with `Intl` (see `i18n::format_date`).

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Address;
use crate::App;
use leptos::prelude::*;
use serde::Serialize;

/// The base the pages' links are rendered under, made relative by the script.
pub const BASE_MARK: &str = "/__ft_base__";

/// One page: where it goes, what goes into the `<head>` and the app's element.
#[derive(Serialize)]
pub struct Page {
    /// Its locale's tag.
    pub tag: &'static str,
    /// Its locale's name in that language.
    pub language: &'static str,
    /// Its address under the app's base (`en/`, `en/request/about`): the script writes it to
    /// `en/index.html`, `en/request/about.html`.
    pub path: String,
    pub title: String,
    pub description: &'static str,
    /// The packs the app draws the page with (`boot.js` preloads them).
    pub packs: Vec<&'static str>,
    /// The app element's content, as the app draws it.
    pub body: String,
}

/// What the script writes: every locale's guide and first question.
#[derive(Serialize)]
struct Pages {
    guides: Vec<Page>,
    questions: Vec<Page>,
}

/// The guide page of `locale`, as the standalone app draws it at its own address.
pub fn guide_page(locale: Locale) -> Page {
    let description = locale.guide().front_matter.description.trim();
    page(
        locale,
        &Address::guide(locale),
        crate::guide::page_title(locale),
        description,
    )
}

/// The wizard's first question in `locale`, as the standalone app draws it at its address for a
/// reader with no answers yet.
pub fn first_question_page(locale: Locale) -> Page {
    let text = &locale.ui().wizard;
    page(
        locale,
        &Address::first_step(locale),
        crate::request::question_title(text, fasttrack_model::Step::ALL[0]),
        text.start_intro,
    )
}

/// The page at `address` in `locale`, drawn, with the packs it is drawn with.
fn page(locale: Locale, address: &Address, title: String, description: &'static str) -> Page {
    Page {
        tag: locale.tag(),
        language: locale.name(),
        path: path_of(address),
        title,
        description,
        packs: locale.pack_names(address.needs()),
        body: drawn(address),
    }
}

/// The app element's content as the standalone app draws it at `address`.
fn drawn(address: &Address) -> String {
    let config = Config {
        base: BASE_MARK.to_owned(),
        standalone: true,
        ..Config::default()
    };
    let owner = Owner::new();
    owner.with(|| {
        // The router's location, as a server gives it.
        provide_context(crate::environment::Environment::build_time());
        provide_context(leptos_router::location::RequestUrl::new(
            &address.href(BASE_MARK),
        ));
        view! { <App config /> }.to_html()
    })
}

/// `address` under the base, without it: `en/request/about`.
fn path_of(address: &Address) -> String {
    let href = address.href(BASE_MARK);
    href.strip_prefix(BASE_MARK)
        .unwrap_or(&href)
        .trim_start_matches('/')
        .to_owned()
}

/// What `boot.js` is written with (`scripts/finish-dist.mjs`), from the app's own code: the
/// attributes `<fasttrack-onboarding>` observes (its settings), the storage key of the
/// reader's language, and what every key the wizard keeps begins with.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BootFacts {
    attributes: Vec<&'static str>,
    locale_key: &'static str,
    kept_prefix: &'static str,
}

pub fn boot_facts() -> BootFacts {
    BootFacts {
        attributes: crate::host::config::SETTINGS
            .iter()
            .map(|s| s.attribute)
            .collect(),
        locale_key: crate::browser::LOCALE_KEY,
        kept_prefix: crate::request::KEY_PREFIX,
    }
}

/// [`boot_facts`] as JSON for the script.
pub fn boot_facts_json() -> String {
    serde_json::to_string(&boot_facts()).unwrap_or_default()
}

/// Every locale's guide and first question, as JSON for the script.
pub fn pages_json() -> String {
    let pages = Pages {
        guides: Locale::all().map(guide_page).collect(),
        questions: Locale::all().map(first_question_page).collect(),
    };
    serde_json::to_string(&pages).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first question drawn natively: no browser, storage or clock to read, as at build
    /// time; its answers wait for `boot.js`, and it says what it needs without JavaScript.
    #[test]
    fn the_first_question_is_drawn_natively_with_its_answers_disabled() {
        let locale = Locale::default_locale();
        let page = first_question_page(locale);
        let text = &locale.ui().wizard;
        let question = text.steps.get(fasttrack_model::Step::About).question;
        assert_eq!(page.path, format!("{}/request/about", locale.tag()));
        assert_eq!(page.title, format!("{question} – {}", text.title));
        assert!(
            page.body.contains(&format!(">{question}</h1>")),
            "{}",
            page.body
        );
        assert!(page
            .body
            .contains(r#"<fieldset disabled class="ft-fieldset">"#));
        assert!(page.body.contains(r#"id="requester-kind""#));
        assert!(page.body.contains(&format!(
            "<noscript><p class=\"ft-callout ft-callout--warning\">{}</p></noscript>",
            text.needs_javascript
        )));
        // Drawn as for a browser whose storage works: answers are kept in the tab.
        assert!(page.body.contains(text.kept_in_tab), "{}", page.body);
        assert!(page
            .body
            .contains(&format!(r#"href="{BASE_MARK}/{}/request""#, locale.tag())));
    }

    #[test]
    fn the_pages_reach_the_script_as_json() {
        let pages: serde_json::Value = serde_json::from_str(&pages_json()).expect("JSON");
        let count = Locale::all().count();
        for kind in ["guides", "questions"] {
            assert_eq!(pages[kind].as_array().map(Vec::len), Some(count), "{kind}");
        }
        let english = &pages["questions"][0];
        assert_eq!(
            english["tag"],
            Locale::all().next().map(Locale::tag).unwrap_or_default()
        );
        assert!(english["body"].as_str().is_some_and(|b| b.contains("<h1")));
        assert!(pages["guides"][0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with('/')));
    }
}
