//! The locales this build offers (generated from the content files) and how a reader's
//! language preferences pick one.

use crate::i18n::{Table, Ui};
use fasttrack_content::model::{Date, FrontMatter, Guide};

/// One offered locale: what the app knows of it from the start (its tag, its language's own
/// name, its `Intl` locale, its one message for a failed load, its text's date, its packs' file
/// names), and its text once its packs are loaded (`content/src/pack.rs`): in the browser
/// when first needed ([`load_then`], [`loaded`]), natively from the packs compiled in.
pub struct LocaleData {
    pub tag: &'static str,
    pub name: &'static str,
    pub intl: &'static str,
    /// What the app says where this locale's packs cannot be loaded.
    pub load_failed: &'static str,
    pub updated: Date,
    pub packs: Packs,
    pub ui: std::sync::OnceLock<Ui>,
    pub guide: std::sync::OnceLock<Guide>,
}

/// A locale's packs (`content/src/bundle.rs`): their file names, or natively their text.
pub struct Packs {
    /// The strings outside the wizard.
    pub strings: &'static str,
    pub guide: &'static str,
    /// The wizard's strings: with the strings, they make the app's `Ui`.
    pub wizard: &'static str,
}

/// What of a locale's text a page is drawn with: its strings always, the guide on the guide's
/// pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Strings,
    Guide,
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

    /// The language's name in itself ("Français"), as language lists show it.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The locale the browser's `Intl` writes this locale's numbers and dates in.
    pub fn intl(self) -> &'static str {
        self.0.intl
    }

    /// Shown alone where the locale's packs cannot be loaded (no other text is there to show).
    pub fn load_failed(self) -> &'static str {
        self.0.load_failed
    }

    /// Whether what `needs` names is here: always natively; in the browser once it has been
    /// loaded ([`load_then`], [`loaded`]).
    pub fn has(self, needs: Needs) -> bool {
        self.compiled_in();
        self.0.ui.get().is_some() && (!self.needs_guide(needs) || self.0.guide.get().is_some())
    }

    fn needs_guide(self, needs: Needs) -> bool {
        needs == Needs::Guide
    }

    /// The packs a page that needs `needs` is drawn with, by file name (beside `boot.js`, in
    /// `locales/`): what the app fetches for it, and what a prerendered page of it has `boot.js`
    /// preload.
    pub fn pack_names(self, needs: Needs) -> Vec<&'static str> {
        let packs = &self.0.packs;
        let mut names = vec![packs.strings, packs.wizard];
        if self.needs_guide(needs) {
            names.push(packs.guide);
        }
        names
    }

    /// The UI strings; blank until the locale is loaded (the app draws a locale only once it
    /// is: see [`load_then`]).
    pub fn ui(self) -> &'static Ui {
        self.compiled_in();
        self.0.ui.get().unwrap_or_else(|| &blank().0)
    }

    /// The guide; empty until its pack is loaded.
    pub fn guide(self) -> &'static Guide {
        self.compiled_in();
        self.0.guide.get().unwrap_or_else(|| &blank().1)
    }

    /// Natively (and with `bundled-locales`) the packs are compiled in: read on first use.
    fn compiled_in(self) {
        #[cfg(any(not(target_arch = "wasm32"), feature = "bundled-locales"))]
        if self.0.ui.get().is_none() {
            if let Some(packs) = Self::all()
                .position(|l| l == self)
                .and_then(|i| PACK_TEXTS.get(i))
            {
                self.read_strings(packs.strings, packs.wizard);
                self.read_guide(packs.guide);
            }
        }
    }

    /// Reads the strings' packs (the interface's and the wizard's); a pack that does not read
    /// leaves them unloaded.
    fn read_strings(self, strings: &'static str, wizard: &'static str) -> bool {
        use fasttrack_content::pack;
        let Some(pack::Pack {
            table: mut entries, ..
        }) = pack::read(strings)
        else {
            return false;
        };
        match pack::read(wizard) {
            Some(w) => entries.extend(w.table),
            None => return false,
        }
        let _ = self.0.ui.set(Ui::read(&mut Table::new(entries.leak())));
        true
    }

    /// Reads the guide's pack; one that does not read leaves it unloaded.
    fn read_guide(self, text: &'static str) -> bool {
        let Some(fasttrack_content::pack::Pack {
            guide: Some(guide), ..
        }) = fasttrack_content::pack::read(text)
        else {
            return false;
        };
        let _ = self.0.guide.set(guide);
        true
    }

    pub fn updated(self) -> Date {
        self.0.updated
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
        crate::i18n::format_date(self.intl(), date.year, date.month, date.day)
    }

    /// A count in this locale's digits and grouping, with its plural category.
    pub fn number(self, n: usize) -> crate::i18n::Number {
        crate::i18n::Number::new(self.intl(), n)
    }
}

/// What an unloaded locale reads as: blank strings and an empty guide, never a panic.
fn blank() -> &'static (Ui, Guide) {
    static BLANK: std::sync::OnceLock<(Ui, Guide)> = std::sync::OnceLock::new();
    BLANK.get_or_init(|| {
        (
            Ui::read(&mut Table::new(&[])),
            Guide {
                locale: "",
                front_matter: FrontMatter {
                    title: "",
                    description: "",
                    updated: Date {
                        year: 0,
                        month: 0,
                        day: 0,
                    },
                    content_locale: "",
                    translated_from: None,
                    fields: &[],
                },
                title: "",
                title_anchor: "",
                sections: &[],
            },
        )
    })
}

/// Fetches what `needs` names of a locale's text that is not here yet (its packs, beside
/// `boot.js`, all requests under way at once) and reads it. Resolves to whether it is here:
/// `false` when it could not be had (the reason is in the console).
#[cfg(all(target_arch = "wasm32", not(feature = "bundled-locales")))]
fn load(locale: Locale, needs: Needs) -> impl std::future::Future<Output = bool> {
    let data = locale.0;
    let fetch = |name: &str| crate::host::bundle::fetch_bundle_file(&format!("locales/{name}"));
    let strings = data
        .ui
        .get()
        .is_none()
        .then(|| (fetch(data.packs.strings), fetch(data.packs.wizard)));
    let guide =
        (locale.needs_guide(needs) && data.guide.get().is_none()).then(|| fetch(data.packs.guide));
    async move {
        if let Some((strings, wizard)) = strings {
            let strings = arrived(locale, strings).await;
            let wizard = arrived(locale, wizard).await;
            let (Some(strings), Some(wizard)) = (strings, wizard) else {
                return false;
            };
            if !locale.read_strings(strings, wizard) {
                return unreadable(locale);
            }
        }
        if let Some(guide) = guide {
            let Some(guide) = arrived(locale, guide).await else {
                return false;
            };
            if !locale.read_guide(guide) {
                return unreadable(locale);
            }
        }
        true
    }
}

/// A pack's text, kept for the page's life (the strings and the guide borrow from it).
#[cfg(all(target_arch = "wasm32", not(feature = "bundled-locales")))]
async fn arrived(
    locale: Locale,
    request: impl std::future::Future<Output = Result<Option<String>, String>>,
) -> Option<&'static str> {
    let why = match request.await {
        Ok(Some(text)) => return Some(text.leak()),
        Ok(None) => "it is missing from the bundle (locales/)".to_owned(),
        Err(why) => why,
    };
    crate::browser::console_error(&format!(
        "fasttrack: the {} text could not be loaded: {why}",
        locale.tag()
    ));
    None
}

#[cfg(all(target_arch = "wasm32", not(feature = "bundled-locales")))]
fn unreadable(locale: Locale) -> bool {
    crate::browser::console_error(&format!(
        "fasttrack: the {} text is not one this version reads (an old cache?)",
        locale.tag()
    ));
    false
}

/// Natively (and with `bundled-locales`) every locale is compiled in.
#[cfg(any(not(target_arch = "wasm32"), feature = "bundled-locales"))]
fn load(locale: Locale, needs: Needs) -> impl std::future::Future<Output = bool> {
    std::future::ready(locale.has(needs))
}

/// Loads what `needs` names of `locale` (fetched once however many ask while it is on its
/// way) and then calls `then` with whether it is here; at once if it already is.
pub fn load_then(locale: Locale, needs: Needs, then: impl FnOnce(bool) + 'static) {
    type Waiting = Vec<((&'static str, Needs), Vec<Box<dyn FnOnce(bool)>>)>;
    thread_local! {
        static ON_THE_WAY: std::cell::RefCell<Waiting> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if locale.has(needs) {
        return then(true);
    }
    let key = (locale.tag(), needs);
    let first = ON_THE_WAY.with(|w| {
        let mut w = w.borrow_mut();
        match w.iter_mut().find(|(k, _)| *k == key) {
            Some((_, waiting)) => {
                waiting.push(Box::new(then));
                false
            }
            None => {
                w.push((key, vec![Box::new(then)]));
                true
            }
        }
    });
    if first {
        let loading = load(locale, needs);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = loading.await;
            let waiting = ON_THE_WAY.with(|w| {
                let mut w = w.borrow_mut();
                let i = w.iter().position(|(k, _)| *k == key);
                i.map(|i| w.remove(i).1).unwrap_or_default()
            });
            waiting.into_iter().for_each(|then| then(loaded));
        });
    }
}

/// [`load_then`] as a future (sharing what is on its way): whether the text is here. It is
/// `Send`, as a `Suspend` needs: the two sides meet behind a mutex.
pub fn loaded(locale: Locale, needs: Needs) -> impl std::future::Future<Output = bool> + Send {
    use std::sync::{Arc, Mutex, PoisonError};
    use std::task::{Poll, Waker};
    let shared = Arc::new(Mutex::new((None::<bool>, None::<Waker>)));
    load_then(locale, needs, {
        let shared = Arc::clone(&shared);
        move |loaded| {
            let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
            shared.0 = Some(loaded);
            if let Some(waker) = shared.1.take() {
                waker.wake();
            }
        }
    });
    std::future::poll_fn(move |cx| {
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        match shared.0 {
            Some(loaded) => Poll::Ready(loaded),
            None => {
                shared.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
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
        assert_eq!(pick(&["nl-NL", "ru", "fr", "en"]), Some("fr-FR"));
        assert_eq!(pick(&["nl-NL", "", "ru"]), None);
        assert_eq!(pick(&[]), None);
    }

    /// The twelve FastTrack Center languages, as the app names them.
    const TWELVE: [&str; 12] = [
        "en", "pt-BR", "fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP", "ko-KR", "zh-CN", "zh-TW",
        "th-TH", "vi-VN",
    ];

    #[test]
    fn the_build_offers_the_twelve_each_named_in_itself() {
        let mut offered: Vec<&str> = Locale::all().map(Locale::tag).collect();
        let mut twelve = TWELVE.to_vec();
        offered.sort_unstable();
        twelve.sort_unstable();
        assert_eq!(offered, twelve);
        let names: Vec<&str> = Locale::all().map(Locale::name).collect();
        assert_eq!(
            names,
            [
                "Deutsch",
                "English",
                "Español",
                "Français",
                "Italiano",
                "日本語",
                "한국어",
                "Português (Brasil)",
                "ไทย",
                "Tiếng Việt",
                "简体中文",
                "繁體中文"
            ]
        );
    }

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
        // Every other locale has the 2020 text: the source (pt-BR) and its translations.
        assert_eq!(newer.len(), Locale::all().count() - 1);
        assert!(newer.contains(&"pt-BR") && newer.contains(&"en") && !newer.contains(&"fr-FR"));
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
