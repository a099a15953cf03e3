//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted into a real DOM.
#![cfg(target_arch = "wasm32")]

use fasttrack_onboarding::embed::MountHandle;
use fasttrack_onboarding::{mount, Config};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts the page at `path`, mounts the app into a fresh element and returns it with its handle.
fn mount_at(path: &str, config: Config) -> (web_sys::HtmlElement, MountHandle) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = mount(host.clone(), config);
    (host, handle)
}

/// Lets the router and effects run (a macrotask).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn embedded(base: &str) -> Config {
    Config {
        base: base.to_owned(),
        standalone: false,
        ..Config::default()
    }
}

#[wasm_bindgen_test]
async fn the_english_guide_renders_title_toc_roles_and_diagram() {
    let (root, handle) = mount_at("/en/", embedded(""));
    settle().await;
    assert_eq!(texts(&root, "h1"), ["The FastTrack process"]);
    assert_eq!(texts(&root, ".ft-toc a").len(), 7);
    assert_eq!(
        texts(&root, "table.ft-roles th[scope=row]"),
        ["FastTrack Specialist", "FastTrack Center"]
    );
    assert_eq!(texts(&root, "table.ft-roles td li").len(), 7);
    assert_eq!(
        texts(&root, "figure.ft-diagram figcaption"),
        ["Timeline for using the Onboarding benefit"]
    );
    assert_eq!(texts(&root, ".ft-attribution").len(), 1);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_french_guide_has_two_notes_and_says_it_is_older() {
    let (root, handle) = mount_at("/fr-FR/", embedded(""));
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Processus FastTrack"]);
    assert_eq!(texts(&root, "aside.ft-callout").len(), 2);
    let notice = texts(&root, ".ft-callout--outdated").join(" ");
    assert!(notice.contains("4 septembre 2018"), "{notice}");
    assert_eq!(
        root.query_selector(".ft-frame")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("fr-FR")
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn embedded_apps_leave_the_documents_title_and_lang_alone() {
    let doc = document();
    doc.set_title("Host portal");
    doc.document_element()
        .unwrap()
        .set_attribute("lang", "de")
        .unwrap();
    let (root, handle) = mount_at("/pt-BR/", embedded(""));
    settle().await;
    assert_eq!(texts(&root, "h1"), ["O processo FastTrack"]);
    assert_eq!(doc.title(), "Host portal");
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("de")
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn under_a_base_path_every_app_link_keeps_the_base() {
    let (root, handle) = mount_at("/tools/ft/pt-BR/", embedded("/tools/ft"));
    settle().await;
    assert_eq!(texts(&root, "h1"), ["O processo FastTrack"]);
    let links = root
        .query_selector_all(".ft-languages a, .ft-nav a")
        .unwrap();
    assert_eq!(links.length(), 5);
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("href")
            .unwrap();
        assert!(href.starts_with("/tools/ft/"), "{href}");
    }
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_locale_shows_the_known_ones() {
    let (root, handle) = mount_at("/xx/", embedded(""));
    settle().await;
    assert_eq!(texts(&root, ".ft-not-found a").len(), 3);
    assert!(texts(&root, ".ft-not-found p").join(" ").contains("“xx”"));
    // Embedded, the page is a named region: the host page has its own <main>.
    assert!(root.query_selector("main").unwrap().is_none());
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_language_switches_the_page_in_place() {
    let (root, handle) = mount_at("/en/", embedded(""));
    settle().await;
    let french: web_sys::HtmlElement = root
        .query_selector(".ft-languages a[hreflang=fr-FR]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    french.click();
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Processus FastTrack"]);
    assert_eq!(
        web_sys::window().unwrap().location().pathname().unwrap(),
        "/fr-FR/"
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_app_tells_its_host_it_is_ready_on_the_mount_element() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/en/"))
        .unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let heard = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = {
        let heard = heard.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let detail = e.unchecked_into::<web_sys::CustomEvent>().detail();
            heard.borrow_mut().push(
                js_sys::JSON::stringify(&detail)
                    .unwrap()
                    .as_string()
                    .unwrap(),
            );
        })
    };
    host.add_event_listener_with_callback("fasttrack:ready", record.as_ref().unchecked_ref())
        .unwrap();
    let mut handle = mount(host.clone(), embedded(""));
    settle().await;
    assert_eq!(heard.borrow().len(), 1);
    assert!(
        heard.borrow()[0].contains("\"version\""),
        "{:?}",
        heard.borrow()
    );
    handle.unmount();
    assert_eq!(host.child_element_count(), 0, "unmount empties the element");
    host.remove();
}

// The settings sources are read with the browser's JSON.parse; these check that adapter.

#[wasm_bindgen_test]
fn json_parse_reads_values_and_reports_bad_text() {
    use fasttrack_onboarding::json::{parse, Json};
    assert_eq!(
        parse(r#"[1, "a", null, true, {"k": 2.5}]"#),
        Ok(Json::Array(vec![
            Json::Number(1.0),
            Json::String("a".to_owned()),
            Json::Null,
            Json::Bool(true),
            Json::Object(vec![("k".to_owned(), Json::Number(2.5))]),
        ]))
    );
    let message = parse("{ endpoint: nope").unwrap_err();
    assert!(!message.is_empty());
}

#[wasm_bindgen_test]
fn a_hosts_options_object_becomes_settings_even_when_it_is_cyclic() {
    use fasttrack_onboarding::config::Settings;
    use fasttrack_onboarding::json::from_js;
    use js_sys::Reflect;
    let options = js_sys::Object::new();
    Reflect::set(&options, &"endpoint".into(), &"/x".into()).unwrap();
    Reflect::set(&options, &"timeout_ms".into(), &2000.into()).unwrap();
    Reflect::set(
        &options,
        &"onReady".into(),
        &js_sys::Function::new_no_args(""),
    )
    .unwrap();
    Reflect::set(&options, &"self".into(), &options).unwrap();
    let settings = Settings::from_json(&from_js(&options)).unwrap();
    assert_eq!(settings.endpoint.as_deref(), Some("/x"));
    assert_eq!(settings.timeout_ms, Some(2000));
    assert_eq!(
        settings.ignored,
        [
            ("onReady".to_owned(), "is not a setting"),
            ("self".to_owned(), "is not a setting")
        ]
    );
}
