//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted into a real DOM.
#![cfg(target_arch = "wasm32")]

use fasttrack_onboarding::host::embed::MountHandle;
use fasttrack_onboarding::{mount, Config};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts the page at `path`, mounts the app into a fresh element and returns it with its handle.
fn mount_at(path: &str, config: Config) -> (web_sys::HtmlElement, MountHandle) {
    forget_language_choice();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = mount(host.clone(), config);
    (host, handle)
}

/// Tests share one document: a language chosen by one must not steer the next.
fn forget_language_choice() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("fasttrack:locale").unwrap();
}

/// Lets the effects and the views they update run.
async fn settle() {
    leptos::task::tick().await;
}

/// The document's path, as the browser's address bar shows it.
fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// The `href` of every element `selector` finds.
fn hrefs(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| {
            n.unchecked_into::<web_sys::Element>()
                .get_attribute("href")
                .unwrap()
        })
        .collect()
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
    let links = hrefs(&root, ".ft-languages a, .ft-nav a");
    // The two navigation links and one per language.
    assert_eq!(
        links.len(),
        2 + fasttrack_onboarding::locale::Locale::all().count()
    );
    for href in links {
        assert!(href.starts_with("/tools/ft/"), "{href}");
    }
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_locale_shows_the_known_ones() {
    let (root, handle) = mount_at("/xx/", embedded(""));
    settle().await;
    assert_eq!(
        texts(&root, ".ft-not-found a").len(),
        fasttrack_onboarding::locale::Locale::all().count()
    );
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
    assert_eq!(pathname(), "/fr-FR/");
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

/// A `<fasttrack-onboarding>` element (its name needs no definition to hold a shadow root) with
/// these attributes, and a container in its open shadow root, as boot.js makes them.
fn custom_element(attributes: &[(&str, &str)]) -> (web_sys::HtmlElement, web_sys::HtmlElement) {
    let custom: web_sys::HtmlElement = document()
        .create_element("fasttrack-onboarding")
        .unwrap()
        .unchecked_into();
    for (name, value) in attributes {
        custom.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&custom).unwrap();
    let root = custom
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    root.append_child(&container).unwrap();
    (custom, container)
}

#[wasm_bindgen_test]
async fn in_a_shadow_root_the_app_reads_the_elements_attributes_focuses_and_tells_the_element() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    forget_language_choice();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/shadow/fr-FR/"))
        .unwrap();
    let (custom, container) = custom_element(&[("base", "/shadow"), ("locales", "fr-FR en")]);
    let config = fasttrack_onboarding::host::sources::config_for(&container, None);
    assert_eq!(config.base, "/shadow");
    assert_eq!(config.locales, ["fr-FR", "en"]);

    // Events go to the custom element, and cross the shadow boundary to the document.
    let composed = Rc::new(Cell::new(false));
    let record = {
        let composed = composed.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            composed.set(e.composed());
        })
    };
    custom
        .add_event_listener_with_callback("fasttrack:ready", record.as_ref().unchecked_ref())
        .unwrap();
    let mut handle = mount(container.clone(), config);
    settle().await;
    assert!(
        composed.get(),
        "fasttrack:ready reached the custom element, composed"
    );
    assert_eq!(
        texts(&container, "h1"),
        [fasttrack_onboarding::locale::Locale::from_tag("fr-FR")
            .unwrap()
            .guide()
            .title]
    );

    // Focus by id finds the app's elements in the shadow root, where
    // document.getElementById does not look.
    assert!(document().get_element_by_id("ft-main").is_none());
    assert!(fasttrack_onboarding::browser::focus("ft-main"));
    let root = custom.shadow_root().unwrap();
    assert_eq!(
        root.active_element().map(|e| e.id()),
        Some("ft-main".to_owned())
    );

    handle.unmount();
    custom.remove();
}

// JSON in the browser: the browser's JSON.parse and JSON.stringify, with serde carrying the
// values (src/json/); these check that adapter against the model's own derives.

#[wasm_bindgen_test]
fn json_text_reads_into_the_models_types_and_bad_text_is_reported() {
    use fasttrack_onboarding::json::from_text;
    let problem: fasttrack_model::Problem = from_text(
        r#"{"status": 422, "detail": null, "errors": [{"field": "licences", "code": "too_long"}, 7]}"#,
    )
    .unwrap();
    assert_eq!(problem.status, 422);
    assert_eq!(
        problem.detail, "",
        "a member of another type counts as absent"
    );
    assert_eq!(
        problem.errors.len(),
        1,
        "an entry that is not an object is skipped"
    );
    let message = from_text::<fasttrack_model::Draft>("{ endpoint: nope").unwrap_err();
    assert!(!message.is_empty());
}

#[wasm_bindgen_test]
fn json_text_is_written_as_json_stringify_writes_it_and_reads_back() {
    use fasttrack_onboarding::json::{from_text, to_text};
    // A draft survives the browser's round trip, written as serde_json writes it natively.
    let draft = fasttrack_model::Draft {
        project_name: "Contoso «migração» \"quoted\"\n\u{1}".into(),
        products: vec!["intune".into()],
        data_migration: true,
        ..Default::default()
    };
    let text = to_text(&draft).unwrap();
    assert_eq!(text, serde_json::to_string(&draft).unwrap());
    assert_eq!(from_text::<fasttrack_model::Draft>(&text), Ok(draft));
    // A request is written as serde_json writes it natively: in field order, without the
    // `customer` a customer's request has none of.
    let request = valid_request();
    let text = to_text(&request).unwrap();
    assert_eq!(text, serde_json::to_string(&request).unwrap());
    assert!(
        text.starts_with(r#"{"schema_version":1,"requester_kind":"customer","products":["#),
        "{text}"
    );
    assert!(!text.contains("customer\":"), "{text}");
}

/// The contract's own example of a valid customer request (schema/examples/).
fn valid_request() -> fasttrack_model::AssistanceRequest {
    serde_json::from_str(include_str!("../schema/examples/valid-customer.json")).unwrap()
}

#[wasm_bindgen_test]
fn a_hosts_options_object_becomes_settings_even_when_it_is_cyclic() {
    use fasttrack_onboarding::host::config::Settings;
    use fasttrack_onboarding::host::settings::{PageFacts, Source};
    use fasttrack_onboarding::json::Object;
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
    let options = Object::from_js(options.into()).unwrap();
    let (settings, problems) = Settings::read(
        Source::Object(&options),
        "mount() options",
        PageFacts::default(),
    );
    assert_eq!(settings.endpoint.as_deref(), Some("/x"));
    assert_eq!(settings.timeout_ms, Some(2000));
    assert_eq!(
        problems,
        [
            "fasttrack: mount() options: `onReady` is not a setting; ignored.",
            "fasttrack: mount() options: `self` is not a setting; ignored.",
        ]
    );
}

#[wasm_bindgen_test]
async fn a_host_page_outside_base_shows_the_guide_with_links_under_base() {
    let (root, handle) = mount_at("/portal/", embedded("/portal/help"));
    settle().await;
    assert_eq!(texts(&root, "h1"), ["The FastTrack process"]);
    let links = hrefs(&root, ".ft-languages a, .ft-nav a, .ft-toc a");
    assert!(links.len() > 5);
    for href in links {
        assert!(href.starts_with("/portal/help/"), "{href}");
    }
    assert_eq!(
        texts(&root, ".ft-nav a"),
        ["The FastTrack process", "Request assistance"]
    );
    let nav: web_sys::Element = element(&root, ".ft-nav a[href='/portal/help/en/request']");
    assert_eq!(nav.get_attribute("aria-current"), None);
    // The host's own address is left alone.
    assert_eq!(pathname(), "/portal/");
    drop(handle);
    root.remove();
}

// The browser's Intl words numbers, plural forms and dates for each locale.

#[wasm_bindgen_test]
fn numbers_and_plural_categories_follow_each_locale() {
    use fasttrack_onboarding::i18n::{Number, Plural};
    let n = |tag, n| Number::new(tag, n);
    assert_eq!(n("en", 2000).to_string(), "2,000");
    assert_eq!(n("pt-BR", 2000).to_string(), "2.000");
    assert_eq!(n("fr-FR", 2000).to_string(), "2\u{202f}000");
    assert_eq!(n("en", 1).plural, Plural::One);
    assert_eq!(n("en", 0).plural, Plural::Other);
    // Portuguese and French count 0 with 1.
    assert_eq!(n("pt-BR", 0).plural, Plural::One);
    assert_eq!(n("fr-FR", 0).plural, Plural::One);
    assert_eq!(n("fr-FR", 2).plural, Plural::Other);
}

#[wasm_bindgen_test]
fn dates_read_naturally_in_each_language() {
    use fasttrack_onboarding::i18n::format_date;
    assert_eq!(format_date("en-GB", 2018, 9, 4), "4 September 2018");
    assert_eq!(format_date("pt-BR", 2018, 9, 4), "4 de setembro de 2018");
    assert_eq!(format_date("fr-FR", 2018, 9, 4), "4 septembre 2018");
    assert_eq!(format_date("en-GB", 2020, 12, 31), "31 December 2020");
}

// The wizard's controls, mounted as a reader meets them.

/// Stores answers as a reader who got as far as `page` would have left them.
fn seed_draft(draft: &str, page: &str) {
    let now = js_sys::Date::now();
    let envelope = format!(r#"{{"version":1,"saved_at":{now},"page":"{page}","draft":{draft}}}"#);
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("fasttrack:request-draft", &envelope)
        .unwrap();
}

fn clear_drafts() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

fn element<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

const SERVICES_DONE: &str = r#"{"requester_kind":"customer","products":["exchange-online"],"deployment_date":"2099-01-01"}"#;

#[wasm_bindgen_test]
async fn the_products_question_is_a_checkbox_group_wired_to_its_hint_and_error() {
    clear_drafts();
    seed_draft(r#"{"requester_kind":"customer"}"#, "services");
    let (root, handle) = mount_at("/en/request/services", embedded(""));
    settle().await;
    let first: web_sys::HtmlInputElement = element(&root, "input#products");
    assert_eq!(first.type_(), "checkbox");
    assert_eq!(texts(&root, "input[name=products]").len(), 22);
    element::<web_sys::HtmlElement>(&root, "button[type=submit]").click();
    settle().await;
    assert_eq!(
        texts(&root, ".ft-error-summary a"),
        [
            "Select at least one product",
            "Enter the planned deployment date"
        ]
    );
    let fieldset: web_sys::Element = element(&root, "fieldset[aria-describedby]");
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("products-hint products-error")
    );
    assert!(texts(&root, "#products-error")[0].ends_with("Select at least one product"));
    // Ticking a box answers the question: the draft keeps it.
    first.click();
    settle().await;
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("fasttrack:request-draft")
        .unwrap()
        .unwrap();
    assert!(
        saved.contains(r#""products":["azure-ad-premium"]"#),
        "{saved}"
    );
    drop(handle);
    root.remove();
    clear_drafts();
}

/// Types `text` into the comments box and reads the count under it.
async fn count_after_typing(root: &web_sys::HtmlElement, text: &str) -> String {
    let comments: web_sys::HtmlTextAreaElement = element(root, "textarea#comments");
    comments.set_value(text);
    comments
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    texts(root, "#comments-count").join("")
}

#[wasm_bindgen_test]
async fn the_character_count_uses_each_languages_plural_forms_and_numbers() {
    let cases: [(&str, &[(usize, &str)]); 3] = [
        (
            "en",
            &[
                (0, "You have 2,000 characters remaining"),
                (1999, "You have 1 character remaining"),
                (1998, "You have 2 characters remaining"),
                (2001, "You have 1 character too many"),
                (2002, "You have 2 characters too many"),
            ],
        ),
        (
            "pt-BR",
            &[
                (0, "Restam 2.000 caracteres"),
                (1999, "Resta 1 caractere"),
                (2000, "Resta 0 caractere"),
                (1998, "Restam 2 caracteres"),
                (2001, "Você tem 1 caractere a mais"),
            ],
        ),
        (
            "fr-FR",
            &[
                (0, "Il vous reste 2\u{202f}000 caractères"),
                (1999, "Il vous reste 1 caractère"),
                (2000, "Il vous reste 0 caractère"),
                (1998, "Il vous reste 2 caractères"),
                (2002, "Vous avez 2 caractères en trop"),
            ],
        ),
    ];
    for (tag, expected) in cases {
        clear_drafts();
        seed_draft(SERVICES_DONE, "organisation");
        let (root, handle) = mount_at(&format!("/{tag}/request/organisation"), embedded(""));
        settle().await;
        for (length, words) in expected {
            assert_eq!(
                count_after_typing(&root, &"x".repeat(*length)).await,
                *words,
                "{tag} {length}"
            );
        }
        drop(handle);
        root.remove();
    }
    clear_drafts();
}

#[wasm_bindgen_test]
async fn radio_options_are_worded_by_their_value_not_their_position() {
    clear_drafts();
    let (root, handle) = mount_at("/fr-FR/request/about", embedded(""));
    settle().await;
    let label_of = |value: &str| {
        let input: web_sys::Element =
            element(&root, &format!("input[name=requester-kind][value={value}]"));
        let id = input.id();
        texts(&root, &format!("label[for='{id}']")).join("")
    };
    assert!(
        label_of("partner").contains("partenaire"),
        "{}",
        label_of("partner")
    );
    assert!(
        !label_of("customer").contains("partenaire"),
        "{}",
        label_of("customer")
    );
    drop(handle);
    root.remove();
}

const EVERYTHING_DONE: &str = r#"{"requester_kind":"customer","products":["exchange-online"],"deployment_date":"2099-01-01","project_name":"Contoso","service_location":"BR","language":"pt-BR","licences":"750","requester":{"name":"Ana Souza","email":"ana@contoso.com","phone":"+55 11 4000 1234","job_title":"CIO"},"primary_contact":{"same_as_requester":"yes"},"business_sponsor":{"same_as_requester":"yes"}}"#;

#[wasm_bindgen_test]
async fn a_change_address_opens_its_question_and_continue_returns_to_the_review() {
    clear_drafts();
    seed_draft(EVERYTHING_DONE, "check");
    let (root, handle) = mount_at(
        "/en/request/organisation?change=1#project-name",
        embedded(""),
    );
    settle().await;
    assert_eq!(texts(&root, "h1"), ["About the organisation"]);
    let back: web_sys::Element = element(&root, "a.ft-back-link");
    assert_eq!(
        back.get_attribute("href").as_deref(),
        Some("/en/request/check")
    );
    element::<web_sys::HtmlElement>(&root, "button[type=submit]").click();
    settle().await;
    assert_eq!(pathname(), "/en/request/check");
    assert_eq!(
        texts(&root, "h1"),
        ["Check your answers before sending your request"]
    );
    drop(handle);
    root.remove();
    clear_drafts();
}

#[wasm_bindgen_test]
async fn a_misspelt_address_is_replaced_by_the_pages_own() {
    clear_drafts();
    let (root, handle) = mount_at("/pt-br/request", embedded(""));
    settle().await;
    settle().await;
    assert_eq!(pathname(), "/pt-BR/request");
    assert_eq!(
        texts(&root, "h1"),
        ["Solicitar assistência para o Microsoft 365"]
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_header_the_browser_refuses_ends_in_a_worded_outcome_not_a_stuck_button() {
    // The settings' parser refuses such a header; this is the client's own guard, for a
    // Config built by other means.
    clear_drafts();
    seed_draft(EVERYTHING_DONE, "check");
    let config = Config {
        headers: vec![("X-CSRF-Token".to_owned(), "…".to_owned())],
        endpoint: "/nowhere".to_owned(),
        ..embedded("")
    };
    let (root, handle) = mount_at("/en/request/check", config);
    settle().await;
    element::<web_sys::HtmlElement>(&root, "form.ft-form button[type=submit]").click();
    for _ in 0..20 {
        settle().await;
        if root.query_selector("#ft-failure").unwrap().is_some() {
            break;
        }
    }
    let failure = texts(&root, "#ft-failure p").join(" ");
    assert!(
        failure.contains("settings keep your browser from sending"),
        "{failure}"
    );
    let button: web_sys::HtmlButtonElement = element(&root, "form.ft-form button[type=submit]");
    assert!(!button.disabled());
    // Sending the same way again cannot help: no "Try again".
    assert_eq!(
        button.text_content().unwrap_or_default().trim(),
        "Send request for assistance"
    );
    drop(handle);
    root.remove();
    clear_drafts();
}

#[wasm_bindgen_test]
fn the_build_time_environment_has_no_storage_and_names_the_utc_day() {
    use fasttrack_onboarding::environment::{Environment, Storage};
    for which in [Storage::Tab, Storage::Device] {
        assert!(Environment::browser().storage(which).is_some(), "{which:?}");
        assert!(
            Environment::build_time().storage(which).is_none(),
            "{which:?}"
        );
    }
    // Late on the evening of 31 December in UTC is already 1 January east of it: the build's
    // day is the UTC one, the reader's follows the browser's time zone.
    let ms = 1_798_761_599_000.0;
    let day = |y, m, d| fasttrack_model::Date::new(y, m, d).expect("a date");
    assert_eq!(Environment::build_time().date_at(ms), day(2026, 12, 31));
    // getTimezoneOffset is negative east of UTC.
    let east = js_sys::Date::new(&ms.into()).get_timezone_offset() < 0.0;
    let local = if east {
        day(2027, 1, 1)
    } else {
        day(2026, 12, 31)
    };
    assert_eq!(Environment::browser().date_at(ms), local);
}
