//! Run-time settings of one mounted app, and how they are read.
//!
//! Sources, later ones winning: built-in defaults; `config.json` beside `index.html`; the
//! mount element's `data-*` attributes; the options a host passes to `mount`. A bad value is
//! refused with a message naming the setting, and the earlier value stays.

use crate::json::Json;
use crate::locale::Locale;

/// The `credentials` mode of the submission's `fetch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credentials {
    Omit,
    SameOrigin,
    Include,
}

/// Where the wizard keeps drafts: `localStorage` (survives closing the tab),
/// `sessionStorage`, or nowhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftStorage {
    Local,
    Session,
    None,
}

/// What a mounted app needs to know about where it lives and where requests go.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The path the app lives under, without a trailing slash (`""` at the site root,
    /// `/tools/fasttrack` under a sub-path). The router only handles addresses below it.
    pub base: String,
    /// True when the app owns the whole page (it may then set the document's title and
    /// `lang`); false when a host page embeds it.
    pub standalone: bool,
    /// Where the wizard POSTs the request.
    pub endpoint: String,
    /// Extra request headers (a host's CSRF or bearer token).
    pub headers: Vec<(String, String)>,
    pub credentials: Credentials,
    /// How long one attempt may take before it counts as timed out.
    pub timeout_ms: u32,
    pub draft_storage: DraftStorage,
    /// The locales offered, by tag, in this build's order.
    pub locales: Vec<&'static str>,
    pub default_locale: &'static str,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            base: String::new(),
            standalone: true,
            endpoint: "/api/requests".to_owned(),
            headers: Vec::new(),
            credentials: Credentials::SameOrigin,
            timeout_ms: 15_000,
            draft_storage: DraftStorage::Local,
            locales: Locale::all().map(Locale::tag).collect(),
            default_locale: crate::locale::DEFAULT_TAG,
        }
    }
}

/// One source's settings, every one optional.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub endpoint: Option<String>,
    pub headers: Option<Vec<(String, String)>>,
    pub credentials: Option<String>,
    pub locales: Option<Vec<String>>,
    pub default_locale: Option<String>,
    pub base: Option<String>,
    pub draft_storage: Option<String>,
    pub timeout_ms: Option<u32>,
    /// Keys not taken, and why ("is not a setting", "must be a string"): reported, not fatal.
    pub ignored: Vec<(String, &'static str)>,
}

impl Settings {
    /// Reads one source's settings (`config.json`, `mount()` options): each known key with a
    /// value of the right type is taken, anything else goes to `ignored`. `Err` when `json`
    /// is not an object at all.
    pub fn from_json(json: &Json) -> Result<Settings, &'static str> {
        let Json::Object(entries) = json else {
            return Err("must be an object of settings");
        };
        let mut settings = Settings::default();
        for (key, value) in entries {
            let taken = match key.as_str() {
                "endpoint" => text(value).map(|v| settings.endpoint = Some(v)),
                "credentials" => text(value).map(|v| settings.credentials = Some(v)),
                "default_locale" => text(value).map(|v| settings.default_locale = Some(v)),
                "base" => text(value).map(|v| settings.base = Some(v)),
                "draft_storage" => text(value).map(|v| settings.draft_storage = Some(v)),
                "timeout_ms" => whole_number(value).map(|v| settings.timeout_ms = Some(v)),
                "locales" => texts(value).map(|v| settings.locales = Some(v)),
                "headers" => string_map(value).map(|v| settings.headers = Some(v)),
                _ => Err("is not a setting"),
            };
            if let Err(why) = taken {
                settings.ignored.push((key.clone(), why));
            }
        }
        Ok(settings)
    }
}

fn text(value: &Json) -> Result<String, &'static str> {
    match value {
        Json::String(s) => Ok(s.clone()),
        _ => Err("must be a string"),
    }
}

fn whole_number(value: &Json) -> Result<u32, &'static str> {
    match value {
        Json::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
            Ok(*n as u32)
        }
        _ => Err("must be a whole number"),
    }
}

fn texts(value: &Json) -> Result<Vec<String>, &'static str> {
    let why = "must be a list of strings";
    match value {
        Json::Array(items) => items.iter().map(|i| text(i).map_err(|_| why)).collect(),
        _ => Err(why),
    }
}

/// A JSON object of strings, such as `headers`.
pub fn string_map(value: &Json) -> Result<Vec<(String, String)>, &'static str> {
    let why = "must be an object of strings";
    match value {
        Json::Object(entries) => entries
            .iter()
            .map(|(k, v)| text(v).map(|v| (k.clone(), v)).map_err(|_| why))
            .collect(),
        _ => Err(why),
    }
}

/// Header names a host may not set: the browser owns them, or the contract does.
const RESERVED_HEADERS: [&str; 4] = ["content-type", "idempotency-key", "content-length", "host"];

impl Config {
    /// An address inside the app: `href("/en/")` is `/tools/fasttrack/en/` under that base.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

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

    /// Applies one source's settings. Returns a message for each refused value, naming the
    /// source and the setting. `page_is_https`: an `http:` endpoint is refused on such a page.
    pub fn apply(&mut self, settings: Settings, source: &str, page_is_https: bool) -> Vec<String> {
        let mut problems = Vec::new();
        let mut refuse = |setting: &str, why: String| {
            problems.push(format!(
                "fasttrack: {source}: `{setting}` {why}; keeping the previous value."
            ));
        };
        if let Some(endpoint) = settings.endpoint {
            let endpoint = endpoint.trim().to_owned();
            if endpoint.is_empty() {
                refuse("endpoint", "is empty".into());
            } else if page_is_https && endpoint.to_ascii_lowercase().starts_with("http:") {
                refuse(
                    "endpoint",
                    format!("is `{endpoint}`: an http: address cannot be used from an https: page"),
                );
            } else if endpoint.contains("://")
                && !["http://", "https://"]
                    .iter()
                    .any(|s| endpoint.to_ascii_lowercase().starts_with(s))
            {
                refuse(
                    "endpoint",
                    format!("is `{endpoint}`: only http(s) addresses or paths are allowed"),
                );
            } else {
                self.endpoint = endpoint;
            }
        }
        if let Some(headers) = settings.headers {
            let mut accepted = Vec::new();
            for (name, value) in headers {
                let valid_name = !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b));
                if !valid_name || value.chars().any(|c| c.is_control()) {
                    refuse("headers", format!("has an invalid header `{name}`"));
                } else if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                    refuse(
                        "headers",
                        format!("sets `{name}`, which the app sets itself"),
                    );
                } else {
                    accepted.push((name, value));
                }
            }
            self.headers = accepted;
        }
        if let Some(credentials) = settings.credentials {
            match credentials.as_str() {
                "omit" => self.credentials = Credentials::Omit,
                "same-origin" => self.credentials = Credentials::SameOrigin,
                "include" => self.credentials = Credentials::Include,
                other => refuse(
                    "credentials",
                    format!("is `{other}`: use omit, same-origin or include"),
                ),
            }
        }
        if let Some(locales) = settings.locales {
            let known: Vec<&'static str> = locales
                .iter()
                .filter_map(|t| Locale::from_tag(t))
                .map(Locale::tag)
                .collect();
            let unknown: Vec<&str> = locales
                .iter()
                .filter(|t| Locale::from_tag(t).is_none())
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                refuse("locales", format!("names unknown locales {unknown:?}"));
            }
            if known.is_empty() {
                refuse("locales", "offers no known locale".into());
            } else {
                self.locales = known;
            }
        }
        if let Some(tag) = settings.default_locale {
            match Locale::from_tag(&tag) {
                Some(l) => self.default_locale = l.tag(),
                None => refuse(
                    "default_locale",
                    format!("is `{tag}`, which this build does not offer"),
                ),
            }
        }
        if !self.locales.contains(&self.default_locale) {
            if let Some(first) = self.locales.first() {
                self.default_locale = first;
            }
        }
        if let Some(base) = settings.base {
            match normalize_base(&base) {
                Some(base) => self.base = base,
                None => refuse(
                    "base",
                    format!("is `{base}`: use a path such as /tools/fasttrack"),
                ),
            }
        }
        if let Some(storage) = settings.draft_storage {
            match storage.as_str() {
                "local" => self.draft_storage = DraftStorage::Local,
                "session" => self.draft_storage = DraftStorage::Session,
                "none" => self.draft_storage = DraftStorage::None,
                other => refuse(
                    "draft_storage",
                    format!("is `{other}`: use local, session or none"),
                ),
            }
        }
        if let Some(timeout) = settings.timeout_ms {
            if (500..=120_000).contains(&timeout) {
                self.timeout_ms = timeout;
            } else {
                refuse("timeout_ms", format!("is {timeout}: use 500 to 120000"));
            }
        }
        for (key, why) in settings.ignored {
            problems.push(format!("fasttrack: {source}: `{key}` {why}; ignored."));
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
        && !base.split('/').any(|seg| seg == "..");
    ok.then(|| base.trim_end_matches('/').to_owned())
}

/// Reads a `config.json` already parsed by the browser (`json` is `Err` with the parser's
/// message when it was not JSON), or says why it cannot be used.
pub fn file_settings(json: Result<Json, String>) -> Result<Settings, String> {
    let why = match json.map(|j| Settings::from_json(&j)) {
        Ok(Ok(settings)) => return Ok(settings),
        Ok(Err(why)) => why.to_owned(),
        Err(parser) => format!("is not JSON ({parser})"),
    };
    Err(format!(
        "fasttrack: config.json is not valid: it {why}. Starting with the defaults."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test input written as JSON text: serde_json stands in for the browser's parser.
    fn json(text: &str) -> Json {
        fn convert(v: serde_json::Value) -> Json {
            match v {
                serde_json::Value::Null => Json::Null,
                serde_json::Value::Bool(b) => Json::Bool(b),
                serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
                serde_json::Value::String(s) => Json::String(s),
                serde_json::Value::Array(a) => Json::Array(a.into_iter().map(convert).collect()),
                serde_json::Value::Object(o) => {
                    Json::Object(o.into_iter().map(|(k, v)| (k, convert(v))).collect())
                }
            }
        }
        convert(serde_json::from_str(text).unwrap())
    }

    fn settings(text: &str) -> Settings {
        Settings::from_json(&json(text)).unwrap()
    }

    #[test]
    fn later_sources_win_and_good_values_apply() {
        let mut config = Config::default();
        let problems = config.apply(
            settings(r#"{"endpoint":"https://api.example/requests","credentials":"include","base":"/tools/ft/","draft_storage":"session","timeout_ms":2000,"headers":{"X-CSRF-Token":"abc"},"locales":["fr-FR","en"],"default_locale":"fr-FR"}"#),
            "config.json",
            true,
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
        config.apply(
            settings(r#"{"endpoint":"/other"}"#),
            "data-* attributes",
            true,
        );
        assert_eq!(config.endpoint, "/other");
        assert_eq!(config.base, "/tools/ft");
    }

    #[test]
    fn bad_values_are_refused_by_name_and_the_previous_value_stays() {
        let mut config = Config::default();
        let problems = config.apply(
            settings(r#"{"endpoint":"http://api.example/r","credentials":"sometimes","base":"tools","draft_storage":"cloud","timeout_ms":5,"locales":["de"],"default_locale":"xx","headers":{"Idempotency-Key":"x","bad name":"y"},"colour":"red"}"#),
            "config.json",
            true,
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
    }

    #[test]
    fn http_endpoints_are_fine_on_http_pages() {
        let mut config = Config::default();
        assert!(config
            .apply(
                settings(r#"{"endpoint":"http://127.0.0.1:8787/api/requests"}"#),
                "x",
                false
            )
            .is_empty());
        assert_eq!(config.endpoint, "http://127.0.0.1:8787/api/requests");
        let problems = config.apply(settings(r#"{"endpoint":"javascript://x"}"#), "x", false);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn the_default_locale_follows_a_narrowed_list() {
        let mut config = Config::default();
        config.apply(settings(r#"{"locales":["pt-br"]}"#), "x", false);
        assert_eq!(config.locales, ["pt-BR"]);
        assert_eq!(config.default_locale, "pt-BR");
    }

    #[test]
    fn a_file_that_is_not_a_settings_object_is_reported_whole() {
        let err = file_settings(Err("Unexpected token".to_owned())).unwrap_err();
        assert!(
            err.starts_with(
                "fasttrack: config.json is not valid: it is not JSON (Unexpected token)"
            ),
            "{err}"
        );
        let err = file_settings(Ok(json("[1]"))).unwrap_err();
        assert!(err.contains("must be an object of settings"), "{err}");
        assert!(file_settings(Ok(json("{}"))).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_type_is_ignored_by_name_and_the_rest_applies() {
        let s = settings(
            r#"{"endpoint":5,"timeout_ms":"2000","locales":["en",3],"headers":{"X-A":1},"base":"/ok","credentials":null,"draft_storage":true,"default_locale":["en"]}"#,
        );
        assert_eq!(s.base.as_deref(), Some("/ok"));
        let mut why: Vec<(&str, &str)> = s.ignored.iter().map(|(k, w)| (k.as_str(), *w)).collect();
        why.sort();
        assert_eq!(
            why,
            [
                ("credentials", "must be a string"),
                ("default_locale", "must be a string"),
                ("draft_storage", "must be a string"),
                ("endpoint", "must be a string"),
                ("headers", "must be an object of strings"),
                ("locales", "must be a list of strings"),
                ("timeout_ms", "must be a whole number"),
            ]
        );
        for bad in ["1.5", "-1", "4294967296"] {
            let s = settings(&format!(r#"{{"timeout_ms":{bad}}}"#));
            assert_eq!(s.timeout_ms, None, "{bad}");
        }
        assert_eq!(
            settings(r#"{"timeout_ms":4294967295}"#).timeout_ms,
            Some(u32::MAX)
        );
        let mut config = Config::default();
        let problems = config.apply(s, "mount() options", false);
        assert!(
            problems.iter().all(|p| p.ends_with("; ignored.")),
            "{problems:?}"
        );
    }

    #[test]
    fn bases_are_plain_paths() {
        assert_eq!(normalize_base("/").as_deref(), Some(""));
        assert_eq!(normalize_base("/a/b/").as_deref(), Some("/a/b"));
        for bad in ["a/b", "//evil.example", "/a/../b", "/a?x", "https://x/"] {
            assert_eq!(normalize_base(bad), None, "{bad}");
        }
    }
}
