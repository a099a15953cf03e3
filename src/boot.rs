//! Start-up: read `config.json` (beside `boot.js`) and each mount element's `data-*`
//! attributes, then mount the app into every `[data-fasttrack]` element.

use crate::config::{string_map, Config, Settings};
use crate::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Where the bundle lives: the directory of the `boot.js` that loaded it, else the
/// document's base.
fn bundle_url(file: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let boot = document
        .query_selector("script[src$='boot.js']")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlScriptElement>().ok())
        .map(|s| s.src());
    let base = boot.or_else(|| document.base_uri().ok().flatten())?;
    web_sys::Url::new_with_base(file, &base)
        .ok()
        .map(|u| u.href())
}

/// `config.json`, when the deployer wrote one. Its absence is normal; a malformed one is
/// reported in the console and ignored.
pub async fn file_settings() -> Option<Settings> {
    let url = bundle_url("config.json")?;
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if response.status() == 404 {
        return None;
    }
    if !response.ok() {
        console_warn(&format!(
            "fasttrack: {url} answered {}; starting with the defaults.",
            response.status()
        ));
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    match crate::config::file_settings(json::parse(&text)) {
        Ok(settings) => Some(settings),
        Err(message) => {
            console_error(&message);
            None
        }
    }
}

/// The settings a mount element carries: `data-endpoint`, `data-base`, `data-locales`
/// ("en pt-BR"), `data-default-locale`, `data-credentials`, `data-draft-storage`,
/// `data-timeout-ms`, `data-headers` (JSON object).
pub fn data_settings(element: &web_sys::HtmlElement) -> (Settings, Vec<String>) {
    let data = element.dataset();
    let get = |key: &str| data.get(key);
    let mut problems = Vec::new();
    let headers = get("headers").and_then(|text| match json::parse(&text).map(|j| string_map(&j)) {
        Ok(Ok(h)) => Some(h),
        _ => {
            problems.push("fasttrack: data-* attributes: `headers` must be a JSON object of strings; ignored.".to_owned());
            None
        }
    });
    let timeout_ms = get("timeoutMs").and_then(|t| match t.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => {
            problems.push(format!(
                "fasttrack: data-* attributes: `timeout_ms` is `{t}`, not a number; ignored."
            ));
            None
        }
    });
    let settings = Settings {
        endpoint: get("endpoint"),
        headers,
        credentials: get("credentials"),
        locales: get("locales").map(|l| {
            l.split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        }),
        default_locale: get("defaultLocale"),
        base: get("base"),
        draft_storage: get("draftStorage"),
        timeout_ms,
        ignored: Vec::new(),
    };
    (settings, problems)
}

/// The path of the document's `<base href>`, when it has one: a standalone page's default base.
fn document_base_path() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("base[href]").ok()??;
    let base = document.base_uri().ok()??;
    Some(web_sys::Url::new(&base).ok()?.pathname())
}

fn page_is_https() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:")
}

/// The configuration of one mount element, from every source in order: defaults, the
/// document's `<base href>` (standalone only), `config.json`, `data-*`, then `mount` options.
pub fn config_for(
    element: &web_sys::HtmlElement,
    file: Option<&Settings>,
    options: Option<Settings>,
) -> Config {
    let https = page_is_https();
    let mut config = Config {
        standalone: element.has_attribute("data-standalone"),
        ..Config::default()
    };
    let mut problems = Vec::new();
    if config.standalone {
        let from_base_tag = Settings {
            base: document_base_path(),
            ..Settings::default()
        };
        problems.extend(config.apply(from_base_tag, "<base href>", https));
    }
    if let Some(file) = file {
        problems.extend(config.apply(file.clone(), "config.json", https));
    }
    let (data, data_problems) = data_settings(element);
    problems.extend(data_problems);
    problems.extend(config.apply(data, "data-* attributes", https));
    if let Some(options) = options {
        problems.extend(config.apply(options, "mount() options", https));
    }
    for problem in problems {
        console_warn(&problem);
    }
    config
}

/// Mounts the app into every `[data-fasttrack]` element of the page, once `config.json` has
/// been read.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let file = file_settings().await;
        crate::embed::remember_file_settings(file.clone());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(elements) = document.query_selector_all("[data-fasttrack]") else {
            return;
        };
        for i in 0..elements.length() {
            let Some(element) = elements
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            let config = config_for(&element, file.as_ref(), None);
            // The app lives as long as the page.
            std::mem::forget(crate::mount(element, config));
        }
    });
}
