//! Run-time settings of one mounted app: each declared once, in the table below.
//!
//! Sources, later ones winning: built-in defaults; a standalone page's `<base href>` (for
//! `base`); `config.json` beside `boot.js`; the mount element's attributes (a
//! `[data-fasttrack]` element's `data-*` ones, or those of `<fasttrack-onboarding>`); the
//! options a host passes to `mount`. A bad value is refused with
//! a message naming the setting, and the earlier value stays.
//!
//! The deployment has the last word where it wants it: `config.json` may name settings in
//! `locked`, which the page's attributes and a host's options then cannot change (a refused
//! change is reported by name). And the `headers` a source sets travel with the endpoint in
//! force when they were set: a later source that moves the endpoint elsewhere, without headers
//! of its own, sends none (a deployment's token never goes to an address a page chose).

use crate::host::settings::{settings, Check, Members, PageFacts, Refusal, Source};
use crate::json::{Object, OtherType};
use crate::locale::Locale;

pub use crate::host::settings::SettingDoc;

settings! {
    /// Where the wizard POSTs the request: a path, or an `http(s)://` address.
    endpoint ("endpoint"): String = "/api/requests".to_owned(), read as String, by endpoint;
    /// Extra request headers (a host's CSRF or bearer token), e.g. `{"X-CSRF-Token": "3f9a1c"}`.
    headers ("headers"): Vec<(String, String)> = Vec::new(), read as Members, by headers;
    /// The `credentials` mode of the submission's `fetch`: `omit`, `same-origin` or `include`.
    credentials ("credentials"): Credentials = Credentials::SameOrigin, read as String, by credentials;
    /// The locales offered, by tag, in this build's order.
    locales ("locales"): Vec<&'static str> = Locale::all().map(Locale::tag).collect(), read as Vec<String>, by locales;
    /// The fallback when the browser's languages match none of the offered locales.
    default_locale ("default-locale"): &'static str = crate::locale::DEFAULT_TAG, read as String, by default_locale;
    /// The path the app lives under, without a trailing slash (`""` at the site root,
    /// `/tools/fasttrack` under a sub-path): the app moves in place only between addresses
    /// below it.
    base ("base"): String = String::new(), read as String, by base;
    /// Where unsent answers are kept: `ask`, `session`, `local` or `none`.
    draft_storage ("draft-storage"): DraftStorage = DraftStorage::Ask, read as String, by draft_storage;
    /// How long one submission attempt may take, in milliseconds (500 to 120000).
    timeout_ms ("timeout-ms"): u32 = 15_000, read as i64, by timeout_ms;
}

/// The `credentials` mode of the submission's `fetch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credentials {
    Omit,
    SameOrigin,
    Include,
}

/// Where the wizard keeps answers: `localStorage` (on the device, until they expire),
/// `sessionStorage` (for the tab), nowhere, or (`ask`, the default) for the tab unless the
/// reader chooses to keep them on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftStorage {
    Local,
    Session,
    None,
    Ask,
}

impl Settings {
    /// Reads one source's settings (`name` says which in messages): `config.json` (see
    /// [`file_settings`]), a mount element's attributes or a host's `mount()` options. Every
    /// setting has one parser, whatever the source; each refused value gets a message naming
    /// the source and the setting, and the others still apply.
    pub fn read(source: Source, name: &str, page: PageFacts) -> (Settings, Vec<String>) {
        let check = Check::new(name, page);
        let settings = Settings::read_each(&source, &check);
        if let Source::Object(object) = source {
            // What a page may not change is the deployment's to say.
            note_unknown_keys(
                object,
                &check,
                Some("can be set in config.json only; ignored."),
            );
        }
        (settings, check.into_problems())
    }
}

/// Notes each key of `object` that is not a setting; `locked` gets `on_locked` (`None`: it is
/// one of this source's own keys).
fn note_unknown_keys(object: &Object, check: &Check, on_locked: Option<&str>) {
    for key in object.keys() {
        if key == "locked" {
            if let Some(note) = on_locked {
                check.note(&key, note);
            }
        } else if !SETTINGS.iter().any(|s| s.name == key) {
            check.note(&key, "is not a setting; ignored.");
        }
    }
}

/// Reads `config.json` as the browser fetched it (`text`), or says why it cannot be used at
/// all. Its `locked` names the settings later sources cannot change.
pub fn file_settings(text: &str, page: PageFacts) -> Result<(Settings, Vec<String>), String> {
    let object = match Object::parse(text) {
        Ok(Some(object)) => object,
        Ok(None) => return Err(not_valid("must be an object of settings")),
        Err(parser) => return Err(not_valid(&format!("is not JSON ({parser})"))),
    };
    let check = Check::new("config.json", page);
    let mut settings = Settings::read_each(&Source::Object(&object), &check);
    note_unknown_keys(&object, &check, None);
    match object.get::<Vec<String>>("locked") {
        None => {}
        Some(Ok(names)) => settings.locked = Some(locked(names, &check)),
        Some(Err(OtherType)) => check.note(
            "locked",
            "must be a list of setting names; nothing is locked.",
        ),
    }
    Ok((settings, check.into_problems()))
}

fn not_valid(why: &str) -> String {
    format!("fasttrack: config.json is not valid: it {why}. Starting with the defaults.")
}

/// `locked`'s settings; a name that is not one is reported.
fn locked(names: Vec<String>, check: &Check) -> Vec<&'static str> {
    let mut locked = Vec::new();
    for name in names {
        match SETTINGS.iter().find(|s| s.name == name) {
            Some(setting) if !locked.contains(&setting.name) => locked.push(setting.name),
            Some(_) => {}
            None => check.note(
                "locked",
                &format!("names `{name}`, which is not a setting; ignored."),
            ),
        }
    }
    locked
}

fn endpoint(endpoint: String, check: &Check) -> Result<String, Refusal> {
    let endpoint = endpoint.trim();
    let refuse = |why: &str| Err(Refusal::Refused(format!("is `{endpoint}`: {why}")));
    // The scheme, if the address has one: what comes before a `:` that precedes any `/`, `?`
    // or `#` (`javascript:x`, `data:,x`, `https://x`).
    let scheme = endpoint
        .find([':', '/', '?', '#'])
        .filter(|&i| endpoint[i..].starts_with(':'))
        .map(|i| endpoint[..i].to_ascii_lowercase());
    if endpoint.is_empty() {
        Err(Refusal::Refused("is empty".into()))
    } else if endpoint
        .chars()
        .any(|c| c.is_control() || c.is_whitespace())
    {
        refuse("an address has no spaces or control characters")
    } else if endpoint.starts_with("//")
        || endpoint.starts_with("/\\")
        || endpoint.starts_with('\\')
    {
        // Browsers read `//host/x` (and `/\host/x`) as another host on the page's scheme.
        refuse("a protocol-relative address could send answers to another host; write https://")
    } else {
        match scheme.as_deref() {
            None => Ok(endpoint.to_owned()),
            Some("http") if check.page.is_https => {
                refuse("an http: address cannot be used from an https: page")
            }
            Some("http" | "https")
                if endpoint[endpoint.find(':').unwrap_or(0)..].starts_with("://") =>
            {
                Ok(endpoint.to_owned())
            }
            Some(_) => refuse("only http(s) addresses or paths are allowed"),
        }
    }
}

/// Header names a host may not set: the browser owns them, or the contract does.
const RESERVED_HEADERS: [&str; 4] = ["content-type", "idempotency-key", "content-length", "host"];

/// A header value `fetch` sends as it is: visible Latin-1 characters, spaces and tabs (no
/// line breaks, no other controls, nothing beyond U+00FF such as "…").
fn is_header_value(value: &str) -> bool {
    value
        .chars()
        .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c))
}

fn headers(Members(entries): Members, _: &Check) -> Result<Vec<(String, String)>, Refusal> {
    let mut headers = Vec::new();
    for (name, value) in entries {
        if !fasttrack_model::http::is_header_name(&name) {
            return Err(Refusal::Refused(format!(
                "has an invalid header name `{name}`"
            )));
        }
        if !is_header_value(&value) {
            return Err(Refusal::Refused(format!(
                "gives `{name}` a value a browser cannot send (only visible Latin-1 characters)"
            )));
        }
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            return Err(Refusal::Refused(format!(
                "sets `{name}`, which the app sets itself"
            )));
        }
        headers.push((name, value));
    }
    Ok(headers)
}

fn credentials(value: String, _: &Check) -> Result<Credentials, Refusal> {
    match value.as_str() {
        "omit" => Ok(Credentials::Omit),
        "same-origin" => Ok(Credentials::SameOrigin),
        "include" => Ok(Credentials::Include),
        other => Err(Refusal::Refused(format!(
            "is `{other}`: use omit, same-origin or include"
        ))),
    }
}

/// The offered locales; the tags this build lacks are left out, with a warning (a deployment
/// that names a newer build's locales still offers the rest).
fn locales(tags: Vec<String>, check: &Check) -> Result<Vec<&'static str>, Refusal> {
    let mut known: Vec<&'static str> = Vec::new();
    let mut unknown = Vec::new();
    for tag in &tags {
        match Locale::from_tag(tag) {
            Some(locale) if !known.contains(&locale.tag()) => known.push(locale.tag()),
            Some(_) => {}
            None => unknown.push(tag.as_str()),
        }
    }
    if known.is_empty() {
        return Err(Refusal::Refused("offers no locale this build has".into()));
    }
    if !unknown.is_empty() {
        check.note(
            "locales",
            &format!(
                "names unknown locales ({}); offering the others.",
                unknown.join(", ")
            ),
        );
    }
    Ok(known)
}

fn default_locale(tag: String, _: &Check) -> Result<&'static str, Refusal> {
    Locale::from_tag(&tag)
        .map(Locale::tag)
        .ok_or_else(|| Refusal::Refused(format!("is `{tag}`, which this build does not offer")))
}

fn base(base: String, _: &Check) -> Result<String, Refusal> {
    normalize_base(&base).ok_or_else(|| {
        Refusal::Refused(format!("is `{base}`: use a path such as /tools/fasttrack"))
    })
}

fn draft_storage(value: String, _: &Check) -> Result<DraftStorage, Refusal> {
    match value.as_str() {
        "local" => Ok(DraftStorage::Local),
        "session" => Ok(DraftStorage::Session),
        "none" => Ok(DraftStorage::None),
        "ask" => Ok(DraftStorage::Ask),
        other => Err(Refusal::Refused(format!(
            "is `{other}`: use ask, local, session or none"
        ))),
    }
}

fn timeout_ms(ms: i64, _: &Check) -> Result<u32, Refusal> {
    match u32::try_from(ms) {
        Ok(ms) if (500..=120_000).contains(&ms) => Ok(ms),
        _ => Err(Refusal::Refused(format!("is {ms}: use 500 to 120000"))),
    }
}

impl Config {
    /// The offered locales.
    pub fn offered(&self) -> Vec<Locale> {
        self.locales
            .iter()
            .filter_map(|t| Locale::from_tag(t))
            .collect()
    }

    /// The locale to fall back on when nothing else matches.
    pub fn fallback_locale(&self) -> Locale {
        Locale::from_tag(self.default_locale).unwrap_or_else(Locale::default_locale)
    }

    /// Lays one source's settings over these: each setting it has wins, but for those
    /// `config.json` locked (`source` names the source in what is returned: one message per
    /// refused setting, and one for headers left behind by a moved endpoint).
    pub fn merge(&mut self, mut settings: Settings, source: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for &name in &self.locked {
            if settings.forget(name) {
                problems.push(format!(
                    "fasttrack: {source}: `{name}` is locked by config.json; keeping its value."
                ));
            }
        }
        // Headers go only to the endpoint they were set with.
        if let (Some(endpoint), None) = (&settings.endpoint, &settings.headers) {
            if *endpoint != self.endpoint && !self.headers.is_empty() {
                problems.push(format!(
                    "fasttrack: {source}: `endpoint` moves requests to `{endpoint}`: the headers \
                     set for `{}` are not sent there.",
                    self.endpoint
                ));
                self.headers.clear();
            }
        }
        self.lay_over(settings);
        // The default must be one of the offered locales.
        if !self.locales.contains(&self.default_locale) {
            if let Some(first) = self.locales.first() {
                self.default_locale = first;
            }
        }
        problems
    }
}

/// `/tools/fasttrack/` -> `/tools/fasttrack`; `/` -> ``. `None` for what is not a plain path.
pub fn normalize_base(base: &str) -> Option<String> {
    let base = base.trim();
    let ok = base.starts_with('/')
        && !base.contains("//")
        && !base.contains(['?', '#', '\\'])
        && !base
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || fasttrack_model::text::is_invisible(c))
        && !base.split('/').any(|seg| seg == ".." || seg == ".");
    ok.then(|| base.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source written as JSON text (natively, serde_json stands in for the browser).
    fn object(text: &str) -> Object {
        Object::parse(text).expect("JSON").expect("an object")
    }

    const HTTPS: PageFacts = PageFacts { is_https: true };
    const HTTP: PageFacts = PageFacts { is_https: false };

    fn read(text: &str, page: PageFacts) -> (Settings, Vec<String>) {
        Settings::read(Source::Object(&object(text)), "mount() options", page)
    }

    fn merged(text: &str, page: PageFacts) -> (Config, Vec<String>) {
        let (settings, mut problems) = file_settings(text, page).expect("a settings object");
        let mut config = Config::default();
        problems.extend(config.merge(settings, "config.json"));
        (config, problems)
    }

    /// `config.json` as the deployment wrote it, then a page's source over it: the merged
    /// settings and every message.
    fn file_then_page(file: &str, page_source: &str) -> (Config, Vec<String>) {
        let (mut config, mut problems) = merged(file, HTTP);
        let page = object(page_source);
        let (settings, more) = Settings::read(Source::Object(&page), "data-* attributes", HTTP);
        problems.extend(more);
        problems.extend(config.merge(settings, "data-* attributes"));
        (config, problems)
    }

    /// A page element's own `data-endpoint` (user-written HTML a sanitiser let through) cannot
    /// send the answers elsewhere when the deployment locked where they go.
    #[test]
    fn settings_config_json_locks_are_kept_and_each_refusal_is_named() {
        let (config, problems) = file_then_page(
            r#"{"endpoint":"/api/requests","headers":{"X-CSRF-Token":"t1"},"locked":["endpoint","headers","credentials"]}"#,
            r#"{"endpoint":"https://elsewhere.example/collect","headers":{"X-A":"b"},"credentials":"include","timeout_ms":2000}"#,
        );
        assert_eq!(config.endpoint, "/api/requests");
        assert_eq!(
            config.headers,
            [("X-CSRF-Token".to_owned(), "t1".to_owned())]
        );
        assert_eq!(config.credentials, Credentials::SameOrigin);
        assert_eq!(config.timeout_ms, 2000, "an unlocked setting still applies");
        for name in ["endpoint", "headers", "credentials"] {
            assert!(
                problems.contains(&format!(
                    "fasttrack: data-* attributes: `{name}` is locked by config.json; keeping its value."
                )),
                "{name}: {problems:?}"
            );
        }
        assert_eq!(problems.len(), 3, "{problems:?}");
        // Only config.json locks: a page's `locked` is refused by name.
        let (config, problems) = file_then_page(r#"{}"#, r#"{"locked":[],"endpoint":"/other"}"#);
        assert_eq!(config.endpoint, "/other");
        assert_eq!(
            problems,
            ["fasttrack: data-* attributes: `locked` can be set in config.json only; ignored."]
        );
        // Names that are not settings, or a value that is not a list, are reported.
        let (_, problems) = file_then_page(r#"{"locked":["endpoint","colour"]}"#, "{}");
        assert_eq!(
            problems,
            ["fasttrack: config.json: `locked` names `colour`, which is not a setting; ignored."]
        );
        let (config, problems) = file_then_page(r#"{"locked":"endpoint"}"#, r#"{"endpoint":"/x"}"#);
        assert_eq!(config.endpoint, "/x");
        assert_eq!(
            problems,
            ["fasttrack: config.json: `locked` must be a list of setting names; nothing is locked."]
        );
    }

    #[test]
    fn headers_are_sent_only_to_the_endpoint_they_were_set_with() {
        // The deployment's token stays with the deployment's endpoint.
        let (config, problems) = file_then_page(
            r#"{"endpoint":"/api/requests","headers":{"X-CSRF-Token":"t1"}}"#,
            r#"{"endpoint":"https://elsewhere.example/collect"}"#,
        );
        assert_eq!(config.endpoint, "https://elsewhere.example/collect");
        assert!(config.headers.is_empty());
        assert_eq!(
            problems,
            ["fasttrack: data-* attributes: `endpoint` moves requests to `https://elsewhere.example/collect`: the headers set for `/api/requests` are not sent there."]
        );
        // A source that moves the endpoint with headers of its own sends those; one that only
        // adds headers sends them to the endpoint in force; the same endpoint again keeps them.
        let (config, problems) = file_then_page(
            r#"{"headers":{"X-CSRF-Token":"t1"}}"#,
            r#"{"endpoint":"/portal/api","headers":{"X-Portal":"p"}}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.headers, [("X-Portal".to_owned(), "p".to_owned())]);
        let (config, _) = file_then_page(r#"{"endpoint":"/api/x"}"#, r#"{"headers":{"X-P":"p"}}"#);
        assert_eq!(
            (config.endpoint.as_str(), config.headers.len()),
            ("/api/x", 1)
        );
        let (config, problems) = file_then_page(
            r#"{"endpoint":"/api/x","headers":{"X-CSRF-Token":"t1"}}"#,
            r#"{"endpoint":"/api/x"}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.headers.len(), 1);
    }

    #[test]
    fn later_sources_win_and_good_values_apply() {
        let (mut config, problems) = merged(
            r#"{"endpoint":"https://api.example/requests","credentials":"include","base":"/tools/ft/","draft_storage":"session","timeout_ms":2000,"headers":{"X-CSRF-Token":"abc"},"locales":["fr-FR","en"],"default_locale":"fr-FR"}"#,
            HTTPS,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.endpoint, "https://api.example/requests");
        assert_eq!(config.credentials, Credentials::Include);
        assert_eq!(config.base, "/tools/ft");
        assert_eq!(config.draft_storage, DraftStorage::Session);
        assert_eq!(config.timeout_ms, 2000);
        assert_eq!(
            config.headers,
            [("X-CSRF-Token".to_owned(), "abc".to_owned())]
        );
        assert_eq!(config.locales, ["fr-FR", "en"]);
        assert_eq!(config.default_locale, "fr-FR");
        config.merge(read(r#"{"endpoint":"/other"}"#, HTTPS).0, "mount() options");
        assert_eq!(config.endpoint, "/other");
        assert_eq!(config.base, "/tools/ft");
    }

    #[test]
    fn bad_values_are_refused_by_name_and_the_previous_value_stays() {
        let (config, problems) = merged(
            r#"{"endpoint":"http://api.example/r","credentials":"sometimes","base":"tools","draft_storage":"cloud","timeout_ms":5,"locales":["de"],"default_locale":"xx","headers":{"Idempotency-Key":"x"},"colour":"red"}"#,
            HTTPS,
        );
        assert_eq!(config, Config::default());
        for setting in [
            "endpoint",
            "credentials",
            "base",
            "draft_storage",
            "timeout_ms",
            "locales",
            "default_locale",
            "headers",
            "colour",
        ] {
            assert!(
                problems
                    .iter()
                    .any(|p| p.starts_with("fasttrack: config.json:")
                        && p.contains(&format!("`{setting}`"))),
                "{setting}: {problems:?}"
            );
        }
        assert!(problems
            .iter()
            .any(|p| p.contains("http: address cannot be used from an https: page")));
        let (_, problems) = read(r#"{"headers":{"bad name":"y"}}"#, HTTP);
        assert!(
            problems[0].contains("invalid header name `bad name`"),
            "{problems:?}"
        );
    }

    #[test]
    fn http_endpoints_are_fine_on_http_pages() {
        let (config, problems) =
            merged(r#"{"endpoint":"http://127.0.0.1:8787/api/requests"}"#, HTTP);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.endpoint, "http://127.0.0.1:8787/api/requests");
        let (settings, problems) = read(r#"{"endpoint":"javascript://x"}"#, HTTP);
        assert_eq!(settings.endpoint, None);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn the_default_locale_follows_a_narrowed_list() {
        let (config, _) = merged(r#"{"locales":["pt-br"]}"#, HTTP);
        assert_eq!(config.locales, ["pt-BR"]);
        assert_eq!(config.default_locale, "pt-BR");
    }

    #[test]
    fn a_file_that_is_not_a_settings_object_is_reported_whole() {
        let err = file_settings("{ endpoint: nope", HTTP).unwrap_err();
        assert!(
            err.starts_with("fasttrack: config.json is not valid: it is not JSON (")
                && err.ends_with("). Starting with the defaults."),
            "{err}"
        );
        let err = file_settings("[1]", HTTP).unwrap_err();
        assert!(err.contains("must be an object of settings"), "{err}");
        assert!(file_settings("{}", HTTP).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_type_is_ignored_by_name_and_the_rest_applies() {
        let (settings, problems) = read(
            r#"{"endpoint":5,"timeout_ms":"2000","locales":["en",3],"headers":{"X-A":1},"base":"/ok","credentials":null,"draft_storage":true,"default_locale":["en"]}"#,
            HTTP,
        );
        assert_eq!(settings.base.as_deref(), Some("/ok"));
        let mut problems = problems;
        problems.sort();
        let expected = [
            ("credentials", "must be a string"),
            ("default_locale", "must be a string"),
            ("draft_storage", "must be a string"),
            ("endpoint", "must be a string"),
            ("headers", "must be an object of strings"),
            ("locales", "must be a list of strings"),
            ("timeout_ms", "must be a whole number"),
        ];
        assert_eq!(problems.len(), expected.len(), "{problems:?}");
        for ((setting, why), problem) in expected.iter().zip(&problems) {
            assert_eq!(
                problem,
                &format!("fasttrack: mount() options: `{setting}` {why}; ignored.")
            );
        }
        for bad in ["1.5", "-1", "4294967296", "499", "120001", "1e300"] {
            let (s, problems) = read(&format!(r#"{{"timeout_ms":{bad}}}"#), HTTP);
            assert_eq!(s.timeout_ms, None, "{bad}");
            assert!(problems[0].contains("`timeout_ms`"), "{problems:?}");
        }
        assert_eq!(
            read(r#"{"timeout_ms":120000}"#, HTTP).0.timeout_ms,
            Some(120_000)
        );
    }

    #[test]
    fn data_attributes_are_read_by_the_same_parsers_as_config_json() {
        let attributes = [
            ("endpoint", "/api/fasttrack"),
            ("locales", "en, fr-FR"),
            ("timeout-ms", " 2000 "),
            ("headers", r#"{"X-CSRF-Token":"abc"}"#),
            ("draft-storage", "session"),
            ("default-locale", "fr-FR"),
        ];
        let get = |name: &str| {
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        };
        let (settings, problems) =
            Settings::read(Source::Attributes(&get), "data-* attributes", HTTP);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.endpoint.as_deref(), Some("/api/fasttrack"));
        assert_eq!(settings.locales, Some(vec!["en", "fr-FR"]));
        assert_eq!(settings.timeout_ms, Some(2000));
        assert_eq!(settings.draft_storage, Some(DraftStorage::Session));
        assert_eq!(settings.default_locale, Some("fr-FR"));
        assert_eq!(
            settings.headers,
            Some(vec![("X-CSRF-Token".to_owned(), "abc".to_owned())])
        );

        let bad = |name: &str| match name {
            "timeout-ms" => Some("soon".to_owned()),
            "headers" => Some("{not json".to_owned()),
            _ => None,
        };
        let (settings, problems) =
            Settings::read(Source::Attributes(&bad), "data-* attributes", HTTP);
        assert_eq!(settings, Settings::default());
        assert_eq!(
            problems,
            [
                "fasttrack: data-* attributes: `headers` must be an object of strings; ignored.",
                "fasttrack: data-* attributes: `timeout_ms` must be a whole number; ignored.",
            ]
        );
    }

    #[test]
    fn endpoints_that_could_misdirect_answers_are_refused_by_name() {
        for bad in [
            "//evil.example/x",
            "/\\evil.example/x",
            "javascript:alert(1)",
            "data:text/plain,x",
            "blob:https://x/1",
            "ftp://x/requests",
            "mailto:a@b.example",
            "https:/x",
            "/api/re quests",
            "/api/\nx",
        ] {
            let (settings, problems) = read(
                &format!(r#"{{"endpoint":{}}}"#, serde_json::json!(bad)),
                HTTP,
            );
            assert_eq!(settings.endpoint, None, "{bad}");
            assert!(
                problems[0].contains("`endpoint` is `"),
                "{bad}: {problems:?}"
            );
        }
        for good in [
            "/api/requests",
            "api/requests",
            "https://api.example/requests",
            "HTTPS://api.example/r?x=1",
            "http://127.0.0.1:8787/api/requests",
            "/api/requests?tenant=a:b",
        ] {
            let (settings, problems) = read(
                &format!(r#"{{"endpoint":{}}}"#, serde_json::json!(good)),
                HTTP,
            );
            assert_eq!(settings.endpoint.as_deref(), Some(good), "{problems:?}");
        }
    }

    #[test]
    fn header_values_a_browser_would_refuse_are_refused_by_name() {
        // The README's own example once held "…" (U+2026): fetch throws on it.
        for (name, value) in [
            ("X-CSRF-Token", "…"),
            ("X-A", "line\nbreak"),
            ("X-A", "nul\u{0}"),
            ("X-A", "emoji 🙂"),
        ] {
            let json = serde_json::json!({ "headers": { name: value } }).to_string();
            let (settings, problems) = read(&json, HTTP);
            assert_eq!(settings.headers, None, "{value:?}");
            assert!(problems[0].contains(&format!("`{name}`")), "{problems:?}");
        }
        for (name, value) in [
            ("X-CSRF-Token", "abc123"),
            ("Authorization", "Bearer a.b.c"),
            ("X-Name", "Jérôme\tÅ"),
            ("X.Custom~Name", "v"),
        ] {
            let json = serde_json::json!({ "headers": { name: value } }).to_string();
            let (settings, problems) = read(&json, HTTP);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(
                settings.headers,
                Some(vec![(name.to_owned(), value.to_owned())])
            );
        }
    }

    #[test]
    fn bases_are_plain_paths() {
        assert_eq!(normalize_base("/").as_deref(), Some(""));
        assert_eq!(normalize_base("/a/b/").as_deref(), Some("/a/b"));
        for bad in [
            "a/b",
            "//evil.example",
            "/a/../b",
            "/a/./b",
            "/a?x",
            "https://x/",
            "/a\u{7}b",
            "/a b",
            "/a\u{202e}b",
        ] {
            assert_eq!(normalize_base(bad), None, "{bad}");
        }
    }
}
