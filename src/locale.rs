//! The locales this build offers (generated from the content files) and how a reader's
//! language preferences pick one.

use crate::i18n::Ui;
use fasttrack_content::model::{Date, Guide};

/// One offered locale: its tag, its UI strings and its guide.
pub struct LocaleData {
    pub tag: &'static str,
    pub ui: &'static Ui,
    pub guide: Guide,
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A locale this build offers. Cheap to copy; compares by tag.
#[derive(Clone, Copy)]
pub struct Locale(&'static LocaleData);

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.0.tag == other.0.tag
    }
}
impl Eq for Locale {}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.tag)
    }
}

/// English: the fallback when nothing else matches.
pub const DEFAULT_TAG: &str = "en";

impl Locale {
    pub fn all() -> impl Iterator<Item = Locale> {
        LOCALES.iter().map(Locale)
    }

    /// The locale with exactly this tag, ignoring case (`pt-br` finds `pt-BR`).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Self::all().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    pub fn default_locale() -> Locale {
        Self::from_tag(DEFAULT_TAG)
            .or_else(|| Self::all().next())
            .expect("the build has at least one locale")
    }

    pub fn tag(self) -> &'static str {
        self.0.tag
    }

    pub fn ui(self) -> &'static Ui {
        self.0.ui
    }

    pub fn guide(self) -> &'static Guide {
        &self.0.guide
    }

    pub fn updated(self) -> Date {
        self.0.guide.front_matter.updated
    }

    /// Locales whose text is the newest, when this one's is older; empty otherwise.
    pub fn newer_versions(self) -> Vec<Locale> {
        let newest = Self::all().map(Locale::updated).max();
        match newest {
            Some(newest) if newest > self.updated() => {
                Self::all().filter(|l| l.updated() == newest).collect()
            }
            _ => Vec::new(),
        }
    }

    /// A date in this locale's words ("4 de setembro de 2018").
    pub fn format_date(self, date: Date) -> String {
        crate::i18n::format_date(self.ui().intl, date.year, date.month, date.day)
    }

    /// A count in this locale's digits and grouping, with its plural category.
    pub fn number(self, n: usize) -> crate::i18n::Number {
        crate::i18n::Number::new(self.ui().intl, n)
    }
}

/// Picks the best offered locale for a reader's ordered language preferences (as in
/// `navigator.languages`): an exact tag first, then the same language in another region
/// (`pt-PT` -> `pt-BR`, `fr-CA` -> `fr-FR`, `en-GB` -> `en`). `None` when nothing matches.
pub fn negotiate<'a>(
    preferences: impl IntoIterator<Item = &'a str>,
    offered: &[Locale],
) -> Option<Locale> {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    for wanted in preferences {
        let wanted = wanted.trim();
        if wanted.is_empty() {
            continue;
        }
        let normalized = wanted.replace('_', "-");
        if let Some(exact) = offered
            .iter()
            .find(|l| l.tag().eq_ignore_ascii_case(&normalized))
        {
            return Some(*exact);
        }
        if let Some(same_language) = offered.iter().find(|l| primary(l.tag()) == primary(wanted)) {
            return Some(*same_language);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offered() -> Vec<Locale> {
        Locale::all().collect()
    }

    fn pick(prefs: &[&str]) -> Option<&'static str> {
        negotiate(prefs.iter().copied(), &offered()).map(Locale::tag)
    }

    #[test]
    fn exact_tags_win_ignoring_case() {
        assert_eq!(pick(&["pt-br"]), Some("pt-BR"));
        assert_eq!(pick(&["FR-fr", "en"]), Some("fr-FR"));
    }

    #[test]
    fn same_language_in_another_region_matches() {
        assert_eq!(pick(&["pt-PT"]), Some("pt-BR"));
        assert_eq!(pick(&["fr-CA", "en"]), Some("fr-FR"));
        assert_eq!(pick(&["en-GB"]), Some("en"));
        assert_eq!(pick(&["pt_BR"]), Some("pt-BR"));
    }

    #[test]
    fn earlier_preferences_win_and_unknown_ones_are_skipped() {
        assert_eq!(pick(&["de-DE", "ja", "fr", "en"]), Some("fr-FR"));
        assert_eq!(pick(&["de-DE", "", "ja"]), None);
        assert_eq!(pick(&[]), None);
    }

    #[test]
    fn only_older_locales_point_to_newer_versions() {
        let fr = Locale::from_tag("fr-FR").unwrap();
        let newer: Vec<&str> = fr.newer_versions().into_iter().map(Locale::tag).collect();
        assert_eq!(newer, ["en", "pt-BR"]);
        assert!(Locale::from_tag("pt-BR")
            .unwrap()
            .newer_versions()
            .is_empty());
    }

    #[test]
    fn every_section_of_every_guide_has_a_label_in_every_locale() {
        for content in Locale::all() {
            for section in content.guide().sections {
                for ui in Locale::all() {
                    assert!(
                        ui.ui().sections.get(section.id).is_some(),
                        "{} has no label for section {}",
                        ui.tag(),
                        section.id
                    );
                }
            }
        }
    }
}
