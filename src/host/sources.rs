//! Where one mounted app's settings come from, in order, later ones winning: the built-in
//! defaults, the document's `<base href>` (standalone pages only), `config.json` beside
//! `boot.js` (read once per page), the mount element's attributes (a `[data-fasttrack]`
//! element's `data-*` ones, or those of the `<fasttrack-onboarding>` element whose shadow root
//! holds the app), and the options a host script passes to `mount()` (or sets as the
//! element's `settings`).

use crate::browser::{console_error, console_warn};
use crate::host::bundle::fetch_bundle_file;
use crate::host::config::{file_settings, Config, Settings};
use crate::host::settings::{PageFacts, Source};
use crate::json::Object;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// `config.json` as read at start-up, for apps a host's script mounts later.
    static FILE_SETTINGS: RefCell<Option<Settings>> = const { RefCell::new(None) };
}

/// Reads `config.json` once for the page. Its absence is normal; a malformed one is reported
/// in the console and the app starts on the defaults.
pub async fn read_config_file() {
    let settings = fetch_config_file().await;
    FILE_SETTINGS.with(|s| *s.borrow_mut() = settings);
}

async fn fetch_config_file() -> Option<Settings> {
    let text = match fetch_bundle_file("config.json").await {
        Ok(text) => text?,
        Err(why) => {
            console_warn(&format!("fasttrack: {why}; starting with the defaults."));
            return None;
        }
    };
    match file_settings(&text, page_facts()) {
        Ok((settings, problems)) => {
            problems.iter().for_each(|p| console_warn(p));
            Some(settings)
        }
        Err(message) => {
            console_error(&message);
            None
        }
    }
}

/// The path of the document's `<base href>`, when it has one: a standalone page's default base.
fn document_base_path() -> Option<String> {
    let document = crate::browser::window()?.document()?;
    document.query_selector("base[href]").ok()??;
    let base = document.base_uri().ok()??;
    Some(web_sys::Url::new(&base).ok()?.pathname())
}

fn page_facts() -> PageFacts {
    PageFacts {
        is_https: crate::browser::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p == "https:"),
    }
}

/// The configuration of the app mounted in `element`, from every source in order; `options`
/// are a host script's `mount()` options, when it passed any.
pub fn config_for(element: &web_sys::HtmlElement, options: Option<&Object>) -> Config {
    let page = page_facts();
    let mut config = Config {
        standalone: element.has_attribute("data-standalone"),
        ..Config::default()
    };
    if config.standalone {
        if let Some(path) = document_base_path() {
            let base_tag = |name: &str| (name == "base").then(|| path.clone());
            read(
                &mut config,
                Source::Attributes(&base_tag),
                "<base href>",
                page,
            );
        }
    }
    if let Some(file) = FILE_SETTINGS.with(|s| s.borrow().clone()) {
        // (Its own problems were reported when it was read.)
        config.merge(file, "config.json");
    }
    match custom_element(element) {
        Some(custom) => {
            let attribute = |name: &str| custom.get_attribute(name);
            let name = "attributes of <fasttrack-onboarding>";
            read(&mut config, Source::Attributes(&attribute), name, page);
        }
        None => {
            let attribute = |name: &str| element.get_attribute(&format!("data-{name}"));
            read(
                &mut config,
                Source::Attributes(&attribute),
                "data-* attributes",
                page,
            );
        }
    }
    if let Some(options) = options {
        read(
            &mut config,
            Source::Object(options),
            "mount() options",
            page,
        );
    }
    config
}

/// The `<fasttrack-onboarding>` element whose shadow root `element` is in (boot.js defines it
/// and mounts the app into a container in that root), if it is.
pub fn custom_element(element: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let root: web_sys::ShadowRoot = element.get_root_node().dyn_into().ok()?;
    let host = root.host();
    (host.local_name() == crate::browser::CUSTOM_ELEMENT)
        .then(|| host.dyn_into().ok())
        .flatten()
}

fn read(config: &mut Config, from: Source, source: &str, page: PageFacts) {
    let (settings, problems) = Settings::read(from, source, page);
    problems.iter().for_each(|p| console_warn(p));
    for problem in config.merge(settings, source) {
        console_warn(&problem);
    }
}
