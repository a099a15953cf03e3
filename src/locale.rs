//! The locales this build offers (generated from the content files) and how a reader's
//! language preferences pick one.

use crate::i18n::Ui;
use fasttrack_content::model::{Date, Guide};

/// One offered locale: its tag, its UI strings (as the build wrote them, and read into [`Ui`]
/// once, when first used) and its guide.
pub struct LocaleData {
    pub tag: &'static str,
    pub strings: &'static [&'static str],
    pub ui: std::sync::OnceLock<Ui>,
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
        self.0
            .ui
            .get_or_init(|| Ui::read(&mut crate::i18n::Table::new(self.0.strings)))
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
/// `navigator.languages`): see [`best_tag`]. `None` when nothing matches.
pub fn negotiate<'a>(
    preferences: impl IntoIterator<Item = &'a str>,
    offered: &[Locale],
) -> Option<Locale> {
    let tags: Vec<&str> = offered.iter().map(|l| l.tag()).collect();
    best_tag(preferences, &tags).map(|i| offered[i])
}

/// The index in `offered` of the best tag for the reader's ordered preferences, the first
/// preference that matches anything deciding: its exact tag (case and `_` ignored), else the
/// Chinese it names (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` -> `zh-TW`; `zh`, `zh-Hans`, `zh-CN`,
/// `zh-SG`, `zh-MY` -> `zh-CN`), else the same language in another region or script (`pt-PT`
/// -> `pt-BR`, `ja` -> `ja-JP`, `en-GB` -> `en`).
pub fn best_tag<'a>(
    preferences: impl IntoIterator<Item = &'a str>,
    offered: &[&str],
) -> Option<usize> {
    let subtags =
        |tag: &str| -> Vec<String> { tag.split(['-', '_']).map(str::to_ascii_lowercase).collect() };
    let offered: Vec<Vec<String>> = offered.iter().map(|o| subtags(o)).collect();
    let find = |parts: &[String]| offered.iter().position(|o| o == parts);
    for wanted in preferences
        .into_iter()
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let parts = subtags(wanted);
        if let Some(exact) = find(&parts) {
            return Some(exact);
        }
        if parts[0] == "zh" {
            let traditional = parts[1..]
                .iter()
                .any(|p| matches!(p.as_str(), "hant" | "tw" | "hk" | "mo"));
            let chinese = if traditional {
                ["zh", "tw"]
            } else {
                ["zh", "cn"]
            };
            if let Some(chinese) = find(&chinese.map(str::to_owned)) {
                return Some(chinese);
            }
        }
        if let Some(same_language) = offered.iter().position(|o| o[0] == parts[0]) {
            return Some(same_language);
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

    /// The twelve FastTrack Center languages, as the app names them.
    const TWELVE: [&str; 12] = [
        "en", "pt-BR", "fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP", "ko-KR", "zh-CN", "zh-TW",
        "th-TH", "vi-VN",
    ];

    fn best(prefs: &[&str], offered: &[&str]) -> Option<&'static str> {
        let index = best_tag(prefs.iter().copied(), offered)?;
        TWELVE.iter().copied().find(|t| *t == offered[index])
    }

    #[test]
    fn chinese_is_chosen_by_script_and_region() {
        for (wanted, tag) in [
            ("zh-Hant-TW", "zh-TW"),
            ("zh-Hant", "zh-TW"),
            ("zh-HK", "zh-TW"),
            ("zh-MO", "zh-TW"),
            ("zh-TW", "zh-TW"),
            ("zh_tw", "zh-TW"),
            ("zh", "zh-CN"),
            ("zh-Hans", "zh-CN"),
            ("zh-Hans-CN", "zh-CN"),
            ("zh-SG", "zh-CN"),
            ("zh-CN", "zh-CN"),
        ] {
            assert_eq!(best(&[wanted], &TWELVE), Some(tag), "{wanted}");
        }
        // Only one Chinese offered: the reader still gets Chinese.
        assert_eq!(best(&["zh-HK"], &["en", "zh-CN"]), Some("zh-CN"));
        assert_eq!(best(&["zh-Hans"], &["en", "zh-TW"]), Some("zh-TW"));
    }

    #[test]
    fn every_language_finds_its_locale_by_its_language_alone() {
        for (wanted, tag) in [
            ("ja", "ja-JP"),
            ("ko", "ko-KR"),
            ("th", "th-TH"),
            ("vi", "vi-VN"),
            ("de-AT", "de-DE"),
            ("es-MX", "es-ES"),
            ("it-CH", "it-IT"),
            ("pt-PT", "pt-BR"),
            ("en-US", "en"),
        ] {
            assert_eq!(best(&[wanted], &TWELVE), Some(tag), "{wanted}");
        }
        // A deployer's subset: preferences it does not offer are passed over.
        assert_eq!(
            best(&["ja", "ko-KR", "en"], &["en", "ko-KR"]),
            Some("ko-KR")
        );
        assert_eq!(best(&["ja"], &["en", "fr-FR"]), None);
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
