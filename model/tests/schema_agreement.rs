//! One truth for the contract: the Rust model (what the receiver runs) and the published JSON
//! Schema (schema/request.schema.json, judged natively by the `jsonschema` crate with format
//! validation on) give the same verdict on every payload, valid, near-valid or hostile, except
//! where a rule is one the schema cannot express. Those rules are the named list [`GAPS`], each
//! also written in the schema's description and in docs/backend.md; a disagreement that none of
//! them explains fails the test.

mod common;

use common::TODAY;
use fasttrack_model::{limits, validate, AssistanceRequest, Product, REGIONS, SCHEMA_VERSION};
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// Cases per property: a few seconds in all. `PROPTEST_CASES` asks for more (or fewer).
const CASES: u32 = 3_000;

// ---- The two judges ----

/// What the receiver does with a body (receiver/src/api.rs `submit`): the version first, from
/// the raw JSON, then serde into the model's type, then the rules over the request's answers.
fn model_verdict(body: &Value) -> Result<AssistanceRequest, String> {
    let version = body.get("schema_version").and_then(Value::as_u64);
    if version != Some(u64::from(SCHEMA_VERSION)) {
        return Err(format!("unsupported schema_version {version:?}"));
    }
    let sent: AssistanceRequest =
        serde_json::from_value(body.clone()).map_err(|e| format!("shape: {e}"))?;
    validate(&sent.to_draft(), TODAY).map_err(|e| format!("rules: {e:?}"))
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/request.schema.json");
        let text = std::fs::read_to_string(path).expect("schema/request.schema.json");
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .should_ignore_unknown_formats(true)
            .build(&schema)
            .expect("the schema compiles")
    })
}

fn schema_accepts(body: &Value) -> bool {
    validator().is_valid(body)
}

/// Why the schema refuses `body` (for reports: messages quote the values, which may be long).
fn schema_errors(body: &Value) -> String {
    validator()
        .iter_errors(body)
        .take(3)
        .map(|e| format!("{} at {}", short(&e.to_string()), e.instance_path()))
        .collect::<Vec<_>>()
        .join("; ")
}

// ---- What the schema cannot say ----

/// A rule the schema cannot express, and how to take it out of play: `neutralise` rewrites a
/// payload so the rule no longer decides it (or returns `None` when it does not apply).
struct Gap {
    /// The name used in the schema's description and docs/backend.md.
    name: &'static str,
    neutralise: fn(&Value) -> Option<Value>,
    /// The judge whose verdict the rewrite must not change: it only takes the rule out of
    /// play for the other one.
    keeps: Judge,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Judge {
    Model,
    Schema,
}

/// Every rule the model applies and the schema cannot express. Each is listed, under the same
/// name, in the schema's top-level description and in docs/backend.md.
const GAPS: &[Gap] = &[
    Gap {
        name: "trimmed",
        neutralise: trim_texts,
        keeps: Judge::Model,
    },
    Gap {
        name: "after-today",
        neutralise: future_date,
        keeps: Judge::Schema,
    },
    Gap {
        name: "plain-integers",
        neutralise: plain_integers,
        keeps: Judge::Schema,
    },
    Gap {
        name: "unicode-version",
        neutralise: same_unicode,
        keeps: Judge::Model,
    },
];

/// Paths of the texts the model trims (white space and invisible characters at either end)
/// before it judges them; the enums are read by serde and are not trimmed.
const TRIMMED: &[&str] = &[
    "/planned_deployment_date",
    "/comments",
    "/customer/value",
    "/organisation/project_name",
    "/organisation/service_location",
    "/requester/name",
    "/requester/email",
    "/requester/phone",
    "/requester/job_title",
    "/primary_contact/name",
    "/primary_contact/email",
    "/business_sponsor/name",
    "/business_sponsor/email",
];

/// "trimmed": texts are judged without white space and invisible characters at either end.
fn trim_texts(body: &Value) -> Option<Value> {
    let mut out = body.clone();
    let mut changed = false;
    for path in TRIMMED {
        if let Some(Value::String(s)) = out.pointer_mut(path) {
            let trimmed = fasttrack_model::text::trim(s);
            if trimmed.len() != s.len() {
                *s = trimmed.to_owned();
                changed = true;
            }
        }
    }
    changed.then_some(out)
}

/// "after-today": a deployment date on or before the day the request arrives is refused.
fn future_date(body: &Value) -> Option<Value> {
    let date = body.get("planned_deployment_date")?.as_str()?;
    let date = fasttrack_model::text::trim(date);
    let shaped = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped || date > TODAY.to_string().as_str() {
        return None;
    }
    let mut out = body.clone();
    out["planned_deployment_date"] = json!("2099-12-31");
    Some(out)
}

/// "plain-integers": whole numbers are read only as written without a fraction or exponent
/// (`150`, not `150.0` or `1.5e2`); JSON Schema's `integer` counts all three.
fn plain_integers(body: &Value) -> Option<Value> {
    fn fix(v: &mut Value) -> bool {
        match v {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().unwrap_or(0.5);
                if f.fract() == 0.0 && f.abs() < 9e15 {
                    *v = if f < 0.0 {
                        json!(f as i64)
                    } else {
                        json!(f as u64)
                    };
                    true
                } else {
                    false
                }
            }
            // Every member is fixed: no short circuit.
            Value::Array(items) => items.iter_mut().map(fix).fold(false, |a, b| a | b),
            Value::Object(map) => map.values_mut().map(fix).fold(false, |a, b| a | b),
            _ => false,
        }
    }
    let mut out = body.clone();
    fix(&mut out).then_some(out)
}

/// The host-name character classes as the schema validator's regex engine knows them.
fn validator_letters() -> &'static (jsonschema::Validator, jsonschema::Validator) {
    static CLASSES: OnceLock<(jsonschema::Validator, jsonschema::Validator)> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let build = |pattern: &str| {
            jsonschema::validator_for(&json!({ "pattern": pattern })).expect("a valid pattern")
        };
        (
            build(r"^\p{Alphabetic}$"),
            build(r"^[\p{Alphabetic}\p{N}]$"),
        )
    })
}

/// True when Rust's Unicode and the schema validator's disagree on whether `c` is a letter
/// or a digit (a character assigned in a Unicode version only one of them knows).
fn unicode_versions_differ(c: char) -> bool {
    let (alphabetic, alphanumeric) = validator_letters();
    let text = json!(c.to_string());
    !c.is_ascii()
        && (alphabetic.is_valid(&text) != c.is_alphabetic()
            || alphanumeric.is_valid(&text) != c.is_alphanumeric())
}

/// "unicode-version": letters and digits in host names are those of each side's Unicode. The
/// characters the two sides class differently are replaced, in the e-mail addresses and the
/// customer's value (the only places letters and digits are told apart), by one Rust classes
/// the same way and the validator does too: `a` for a letter, `0` for a digit, `!` otherwise.
fn same_unicode(body: &Value) -> Option<Value> {
    let mut out = body.clone();
    let mut changed = false;
    for path in EMAIL_PATHS.iter().chain(&["/customer/value"]) {
        if let Some(Value::String(s)) = out.pointer_mut(path) {
            if s.chars().any(unicode_versions_differ) {
                *s = s
                    .chars()
                    .map(|c| match c {
                        c if !unicode_versions_differ(c) => c,
                        c if c.is_alphabetic() => 'a',
                        c if c.is_numeric() => '0',
                        _ => '!',
                    })
                    .collect();
                changed = true;
            }
        }
    }
    changed.then_some(out)
}

/// The verdicts agree, or the disagreement is explained by gaps (named in the answer).
fn agree(body: &Value) -> Result<Vec<&'static str>, String> {
    let model = model_verdict(body);
    let schema = schema_accepts(body);
    if model.is_ok() == schema {
        return Ok(Vec::new());
    }
    let mut current = body.clone();
    let mut used = Vec::new();
    for gap in GAPS {
        if let Some(next) = (gap.neutralise)(&current) {
            let kept = match gap.keeps {
                Judge::Model => model_verdict(&current).is_ok() == model_verdict(&next).is_ok(),
                Judge::Schema => schema_accepts(&current) == schema_accepts(&next),
            };
            if !kept {
                return Err(format!(
                    "the rewrite of gap {} changed the {:?}'s verdict on {}",
                    gap.name,
                    gap.keeps,
                    short(&current.to_string())
                ));
            }
            current = next;
            used.push(gap.name);
            if model_verdict(&current).is_ok() == schema_accepts(&current) {
                return Ok(used);
            }
        }
    }
    Err(format!(
        "the model and the schema disagree\n  payload: {}\n  model:   {:?}\n  schema:  {:?}\n  (gaps tried: {used:?})",
        short(&body.to_string()),
        model.map(|_| "accepted"),
        if schema { "accepted".to_owned() } else { schema_errors(body) },
    ))
}

fn short(text: &str) -> String {
    if text.chars().count() > 3000 {
        format!(
            "{}… ({} bytes)",
            text.chars().take(3000).collect::<String>(),
            text.len()
        )
    } else {
        text.to_owned()
    }
}

// ---- Valid payloads ----

fn product_codes() -> Vec<&'static str> {
    Product::ALL.iter().map(|p| p.code()).collect()
}

/// A single-line text of 1..=max characters that needs no trimming: letters and digits of any
/// script at both ends, punctuation, symbols, spaces and joiners between.
fn text(max: usize) -> BoxedStrategy<String> {
    let inner = max.saturating_sub(2).min(60);
    let any_script = proptest::string::string_regex(&format!(
        "[\\p{{L}}\\p{{N}}]([\\p{{L}}\\p{{N}}\\p{{P}}\\p{{S}} \u{200C}\u{200D}]{{0,{inner}}}[\\p{{L}}\\p{{N}}])?"
    ))
    .expect("a valid regex");
    prop_oneof![
        4 => any_script,
        1 => "[A-Za-z][A-Za-z .,'-]{0,30}[a-z]",
    ]
    .boxed()
}

/// E-mail addresses a real admin types: ASCII, internationalised local parts and domains,
/// punycode (including punycode top-level domains).
fn email() -> BoxedStrategy<String> {
    let local = prop_oneof![
        4 => "[a-z0-9_+-]{1,10}(\\.[a-z0-9_+-]{1,10}){0,2}",
        1 => "[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,10}(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,10}){0,2}",
        1 => "\\p{L}{1,12}",
    ];
    let label = prop_oneof![
        4 => "[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?",
        1 => "\\p{L}{1,10}",
        1 => "xn--[a-z0-9]{2,12}",
    ];
    let tld = prop_oneof![
        4 => "[a-z]{2,6}",
        1 => "[A-Z]{2,3}",
        1 => "xn--[a-z0-9]{2,10}",
        1 => "\\p{L}{2,6}",
    ];
    (local, proptest::collection::vec(label, 1..3), tld)
        .prop_map(|(local, labels, tld)| format!("{local}@{}.{tld}", labels.join(".")))
        .prop_filter("fits the limits", |e| {
            e.chars().count() <= limits::EMAIL
                && e.split('@').next().is_some_and(|l| l.chars().count() <= 64)
        })
        .boxed()
}

/// International phone numbers: `+` or `00`, 8 to 15 digits, separators between.
fn phone() -> BoxedStrategy<String> {
    (
        prop_oneof![Just("+"), Just("00")],
        proptest::collection::vec((0u8..10, prop_oneof![
            6 => Just(""), 3 => Just(" "), 1 => Just("-"), 1 => Just("."), 1 => Just(" ("), 1 => Just(") ")
        ]), 8..=15),
    )
        .prop_map(|(prefix, digits)| {
            let mut out = prefix.to_owned();
            for (i, (d, sep)) in digits.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                out.push(char::from(b'0' + d));
            }
            out
        })
        .prop_filter("at most 30 characters", |p| {
            p.chars().count() <= limits::PHONE
        })
        .boxed()
}

fn domain() -> BoxedStrategy<String> {
    email()
        .prop_map(|e| {
            e.split_once('@')
                .map(|(_, d)| d.to_owned())
                .unwrap_or_default()
        })
        .boxed()
}

fn customer() -> BoxedStrategy<Value> {
    prop_oneof![
        text(limits::CUSTOMER_NAME).prop_map(|v| json!({"identified_by": "name", "value": v})),
        domain().prop_map(|v| json!({"identified_by": "domain", "value": v})),
        "[0-9]{1,12}".prop_map(|v| json!({"identified_by": "tpid", "value": v})),
    ]
    .boxed()
}

fn contact() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(json!({"kind": "same_as_requester"})),
        (text(limits::PERSON_NAME), email())
            .prop_map(|(name, email)| json!({"kind": "named", "name": name, "email": email})),
    ]
    .boxed()
}

/// A valid payload, as the wizard sends it (dates are after [`TODAY`]).
fn valid() -> BoxedStrategy<Value> {
    let codes = product_codes();
    (
        (
            prop_oneof![Just(None), customer().prop_map(Some)],
            proptest::sample::subsequence(codes.clone(), 1..=codes.len()),
            (2027u16..=2099, 1u8..=12, 1u8..=28),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            text(limits::PROJECT_NAME),
            proptest::sample::select(REGIONS),
            proptest::sample::select(
                fasttrack_model::FastTrackLanguage::ALL
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>(),
            ),
            prop_oneof![150u32..=499, 500u32..=10_000_000],
        ),
        (
            text(limits::PERSON_NAME),
            email(),
            phone(),
            text(limits::JOB_TITLE),
        ),
        (contact(), contact()),
        prop_oneof![
            2 => Just(None),
            1 => Just(Some(String::new())),
            2 => "\\PC{0,300}".prop_map(Some),
            1 => "[a-z ]{0,10}\n[a-z\t ]{0,10}\r\n[a-z]{1,10}".prop_map(Some),
        ],
    )
        .prop_map(
            |(
                (customer, products, (y, m, d), migration, adoption),
                (project, location, language, licences),
                (name, email, phone, job),
                (primary, sponsor),
                comments,
            )| {
                let licences = if migration {
                    licences.max(500)
                } else {
                    licences
                };
                let mut body = json!({
                    "schema_version": 1,
                    "requester_kind": if customer.is_some() { "partner" } else { "customer" },
                    "products": products,
                    "planned_deployment_date": format!("{y:04}-{m:02}-{d:02}"),
                    "data_migration": migration,
                    "user_adoption": adoption,
                    "organisation": {
                        "project_name": project,
                        "service_location": location,
                        "preferred_language": language,
                        "licences": licences,
                    },
                    "requester": {"name": name, "email": email, "phone": phone, "job_title": job},
                    "primary_contact": primary,
                    "business_sponsor": sponsor,
                });
                if let Some(c) = customer {
                    body["customer"] = c;
                }
                if let Some(c) = comments {
                    body["comments"] = json!(c);
                }
                body
            },
        )
        .boxed()
}

// ---- Near-valid payloads: one field across a boundary ----

/// Sets the value at `path` when its parent exists; `Value::Null` at a missing key adds it.
fn set(body: &mut Value, path: &str, value: Value) {
    let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
    match body.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_owned(), value);
        }
        Some(Value::Array(items)) => {
            if let Some(slot) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *slot = value;
            }
        }
        _ => {}
    }
}

fn remove(body: &mut Value, path: &str) {
    let (parent, key) = path.rsplit_once('/').unwrap_or(("", path));
    if let Some(Value::Object(map)) = body.pointer_mut(parent) {
        map.remove(key);
    }
}

/// Applies `change` to a valid payload.
fn on_valid<T: std::fmt::Debug + Clone + 'static>(
    values: impl Strategy<Value = T> + 'static,
    change: fn(&mut Value, T),
) -> BoxedStrategy<Value> {
    (valid(), values)
        .prop_map(move |(mut body, v)| {
            change(&mut body, v);
            body
        })
        .boxed()
}

/// A text of exactly `n` characters (some of them outside the Basic Multilingual Plane, so
/// characters and bytes and UTF-16 units all differ).
fn of_length(n: usize, wide: bool) -> String {
    (0..n)
        .map(|i| match (wide, i % 3) {
            (true, 1) => '😀',
            (true, 2) => 'é',
            _ => 'a',
        })
        .collect()
}

const TEXTS: &[(&str, usize)] = &[
    ("/organisation/project_name", limits::PROJECT_NAME),
    ("/requester/name", limits::PERSON_NAME),
    ("/requester/job_title", limits::JOB_TITLE),
    ("/primary_contact/name", limits::PERSON_NAME),
    ("/business_sponsor/name", limits::PERSON_NAME),
    ("/comments", limits::COMMENTS),
    ("/customer/value", limits::CUSTOMER_NAME),
];

/// Makes the contact at `path` a named one, or the customer a named one, so its fields exist.
fn make_room(body: &mut Value, path: &str) {
    if path.starts_with("/primary_contact") || path.starts_with("/business_sponsor") {
        let contact = &path[..path[1..].find('/').map_or(path.len(), |i| i + 1)];
        set(
            body,
            contact,
            json!({"kind": "named", "name": "Bruno Lima", "email": "bruno@contoso.com"}),
        );
    }
    if path.starts_with("/customer") {
        body["requester_kind"] = json!("partner");
        body["customer"] = json!({"identified_by": "name", "value": "Contoso"});
    }
}

const EMAIL_PATHS: &[&str] = &[
    "/requester/email",
    "/primary_contact/email",
    "/business_sponsor/email",
];

/// E-mail addresses at and across the edges of the rule.
fn near_email() -> BoxedStrategy<String> {
    let locals = vec![
        "ana".to_owned(),
        "ana.souza".into(),
        "ana+tag".into(),
        "josé".into(),
        "用户".into(),
        "Ана".into(),
        ".ana".into(),
        "ana.".into(),
        "an..a".into(),
        "\"ana souza\"".into(),
        "ana souza".into(),
        "an\u{200B}a".into(),
        "an\u{202E}a".into(),
        "an\u{0}a".into(),
        "a(b)".into(),
        "a,b".into(),
        "a;b".into(),
        "a:b".into(),
        "a[b]".into(),
        "a\\b".into(),
        "a<b>".into(),
        "!#$%&'*+/=?^_`{|}~-".into(),
        "a".repeat(64),
        "a".repeat(65),
        "é".repeat(64),
        String::new(),
    ];
    let domains = vec![
        "contoso.com".to_owned(),
        "b.xn--p1ai".into(),
        "B.XN--P1AI".into(),
        "xn--bcher-kva.de".into(),
        "bücher.de".into(),
        "пример.рф".into(),
        "例え.テスト".into(),
        "contoso.com.".into(),
        "contoso..com".into(),
        ".contoso.com".into(),
        "contoso".into(),
        "contoso.c".into(),
        "contoso.c0m".into(),
        "contoso.123".into(),
        "-contoso.com".into(),
        "contoso-.com".into(),
        "con_toso.com".into(),
        "con toso.com".into(),
        "[127.0.0.1]".into(),
        "127.0.0.1".into(),
        "b.xn--".into(),
        "b.xn--p1ai-".into(),
        "b.xn--p1ái".into(),
        "b.xn-p1ai".into(),
        format!("{}.com", "a".repeat(63)),
        format!("{}.com", "a".repeat(64)),
        format!("a.{}", "b".repeat(63)),
        format!("a.{}", "b".repeat(64)),
        "a\u{200B}b.com".into(),
        "a\u{202E}b.com".into(),
        "contoso.com\u{0}".into(),
        "contoso.c\u{301}m".into(),
        "½.com".into(),
        "contoso.ⅷⅸ".into(),
        "sub.contoso.onmicrosoft.com".into(),
        String::new(),
    ];
    // Letters and digits of every Unicode version Rust knows, some unknown to the validator.
    let letters = proptest::collection::vec(
        any::<char>().prop_filter("a letter or digit", |c| c.is_alphanumeric()),
        1..6,
    )
    .prop_map(|l| l.into_iter().collect::<String>());
    prop_oneof![
        8 => (proptest::sample::select(locals), proptest::sample::select(domains))
            .prop_map(|(l, d)| format!("{l}@{d}")),
        2 => (letters.clone(), letters).prop_map(|(label, tld)| format!("ana@{label}.{tld}")),
        1 => (0usize..4).prop_map(|extra| {
            // Long addresses: 254 characters is the limit.
            let host = format!("{}.{}.{}.com", "b".repeat(63), "c".repeat(63), "d".repeat(50));
            let local = "a".repeat(254 - 1 - host.len() - 2 + extra);
            format!("{local}@{host}")
        }),
        1 => Just("ana".to_owned()),
        1 => Just("ana@@contoso.com".to_owned()),
        1 => Just("ana@contoso@com.com".to_owned()),
    ]
    .boxed()
}

/// Customer domains at and across the edges of the rule.
fn near_domain() -> BoxedStrategy<String> {
    prop_oneof![
        4 => near_email().prop_map(|e| e.split_once('@').map(|(_, d)| d.to_owned()).unwrap_or(e)),
        1 => (250usize..256, any::<bool>()).prop_map(|(n, dot)| {
            let mut d = String::new();
            while d.chars().count() + 4 < n {
                d.push_str("abcdefghi.");
            }
            while d.chars().count() + 3 < n {
                d.push('x');
            }
            d.push_str(".co");
            while d.chars().count() < n {
                d.insert(0, 'z');
            }
            if dot {
                d.push('.');
            }
            d
        }),
    ]
    .boxed()
}

/// Phone numbers: digit counts 7, 8, 15 and 16, both prefixes, lengths 29 to 31.
fn near_phone() -> BoxedStrategy<String> {
    prop_oneof![
        4 => (
            prop_oneof![Just("+"), Just("00"), Just(""), Just("0"), Just("+ "), Just("++")],
            prop_oneof![Just(7usize), Just(8), Just(15), Just(16), 1usize..20],
            prop_oneof![Just(""), Just(" "), Just("-"), Just("."), Just("()"), Just("  "), Just("/"), Just("x")],
            0usize..20,
        )
            .prop_map(|(prefix, digits, sep, pad)| {
                let mut out = prefix.to_owned();
                for i in 0..digits {
                    if i > 0 && i % 3 == 0 {
                        out.push_str(sep);
                    }
                    out.push(char::from(b'0' + (i % 10) as u8));
                }
                for _ in 0..pad {
                    out.push(' ');
                    out.push('-');
                }
                out
            }),
        // The edge the schema had wrong: 31 characters starting with `00`.
        1 => (prop_oneof![Just("+"), Just("00")], 28usize..33).prop_map(|(prefix, len)| {
            let mut out = format!("{prefix}44 20 7946 0000");
            while out.chars().count() < len {
                out.push_str(if out.len() % 2 == 0 { " " } else { "-" });
            }
            out.truncate(len);
            out
        }),
        1 => "[+0(][0-9 ().+-]{0,32}",
    ]
    .boxed()
}

fn near_date() -> BoxedStrategy<String> {
    proptest::sample::select(vec![
        "2026-11-22", // TODAY
        "2026-11-23",
        "2026-11-21",
        "2027-02-29",
        "2028-02-29",
        "2100-02-29",
        "2000-02-29",
        "2027-13-01",
        "2027-00-10",
        "2027-04-31",
        "2027-1-01",
        "2027-01-01T00:00:00Z",
        "9999-12-31",
        "0000-01-01",
        "1999-12-31",
        "20270101",
        "2027/01/01",
        "２０２７-０１-０１",
        "",
    ])
    .prop_map(str::to_owned)
    .boxed()
}

fn near_valid() -> BoxedStrategy<Value> {
    let codes = product_codes();
    let required = vec![
        "/schema_version",
        "/requester_kind",
        "/products",
        "/planned_deployment_date",
        "/data_migration",
        "/user_adoption",
        "/organisation",
        "/organisation/project_name",
        "/organisation/service_location",
        "/organisation/preferred_language",
        "/organisation/licences",
        "/requester",
        "/requester/name",
        "/requester/email",
        "/requester/phone",
        "/requester/job_title",
        "/primary_contact",
        "/primary_contact/kind",
        "/business_sponsor",
        "/customer",
        "/customer/value",
        "/customer/identified_by",
        "/comments",
    ];
    Union::new(vec![
        // Lengths at the limit, and one over and under.
        on_valid(
            (proptest::sample::select(TEXTS), 0usize..3, any::<bool>()),
            |b, ((path, max), delta, wide)| {
                make_room(b, path);
                set(b, path, json!(of_length(max + delta - 1, wide)));
            },
        ),
        // Padded and blank texts.
        on_valid(
            (
                proptest::sample::select(TRIMMED),
                proptest::sample::select(vec![
                    " ", "\u{200B}", "\t", "\u{FEFF}", "\u{A0}", "\u{85}",
                ]),
                0usize..3,
            ),
            |b, (path, pad, how)| {
                make_room(b, path);
                if let Some(Value::String(s)) = b.pointer(path).cloned() {
                    let v = match how {
                        0 => format!("{pad}{s}{pad}"),
                        1 => pad.repeat(3),
                        _ => format!("{s}{}", pad.repeat(2)),
                    };
                    set(b, path, json!(v));
                }
            },
        ),
        on_valid(
            (proptest::sample::select(EMAIL_PATHS), near_email()),
            |b, (path, e)| {
                make_room(b, path);
                set(b, path, json!(e));
            },
        ),
        on_valid(near_phone(), |b, p| set(b, "/requester/phone", json!(p))),
        on_valid(
            (
                proptest::sample::select(vec![
                    json!(149),
                    json!(150),
                    json!(499),
                    json!(500),
                    json!(0),
                    json!(10_000_000),
                    json!(10_000_001),
                    json!(4_294_967_296u64),
                    json!(-1),
                    json!(-150),
                    json!(150.0),
                    json!(500.0),
                    json!(150.5),
                    json!(1.5e2),
                    json!(1e300),
                    json!("150"),
                    json!(null),
                ]),
                any::<bool>(),
            ),
            |b, (n, migration)| {
                b["data_migration"] = json!(migration);
                b["organisation"]["licences"] = n;
            },
        ),
        on_valid(
            (0usize..6, proptest::sample::select(codes.clone())),
            |b, (how, code)| {
                let list = b["products"].as_array().cloned().unwrap_or_default();
                b["products"] = match how {
                    0 => {
                        let mut l = list.clone();
                        l.push(list[0].clone());
                        json!(l)
                    }
                    1 => json!([code, code]),
                    2 => json!([]),
                    3 => json!(["lotus-notes"]),
                    4 => json!([code, "Intune"]),
                    _ => json!(code),
                };
            },
        ),
        on_valid(near_date(), |b, d| b["planned_deployment_date"] = json!(d)),
        on_valid(
            (
                0usize..6,
                prop_oneof![
                    near_domain().prop_map(|d| json!({"identified_by": "domain", "value": d})),
                    proptest::sample::select(vec![
                        "1",
                        "123456789012",
                        "1234567890123",
                        "12a",
                        "",
                        " 12",
                        "١٢٣",
                        "+1",
                        "0"
                    ])
                    .prop_map(|t| json!({"identified_by": "tpid", "value": t})),
                    near_phone().prop_map(|t| json!({"identified_by": "tpid", "value": t})),
                ],
            ),
            |b, (how, c)| match how {
                // A customer admin with a customer; a partner without one.
                0 => {
                    b["requester_kind"] = json!("customer");
                    b["customer"] = c;
                }
                1 => {
                    b["requester_kind"] = json!("partner");
                    remove(b, "/customer");
                }
                2 => {
                    b["requester_kind"] = json!("partner");
                    b["customer"] = json!(null);
                }
                3 => {
                    b["requester_kind"] = json!("customer");
                    b["customer"] = json!(null);
                }
                _ => {
                    b["requester_kind"] = json!("partner");
                    b["customer"] = c;
                }
            },
        ),
        on_valid(
            (
                proptest::sample::select(vec!["/primary_contact", "/business_sponsor"]),
                0usize..5,
            ),
            |b, (path, how)| {
                let v = match how {
                    0 => json!({"kind": "manager"}),
                    1 => json!({"kind": "same_as_requester", "name": "Ana"}),
                    2 => json!({"kind": "named", "name": "Ana"}),
                    3 => json!({"kind": "named", "name": "Ana", "email": "a@b.co", "phone": "+1"}),
                    _ => json!({"name": "Ana", "email": "a@b.co"}),
                };
                set(b, path, v);
            },
        ),
        on_valid(
            proptest::sample::select(vec![
                json!(2),
                json!(0),
                json!(1.0),
                json!("1"),
                json!(null),
                json!(-1),
            ]),
            |b, v| b["schema_version"] = v,
        ),
        on_valid(
            proptest::sample::select(vec!["br", "ZZ", "UK", "EU", "BRA", "", "B", "B1", "Br"]),
            |b, v| b["organisation"]["service_location"] = json!(v),
        ),
        on_valid(
            proptest::sample::select(vec!["EN", "pt-br", "zh", "en-US", "", "pt_BR"]),
            |b, v| b["organisation"]["preferred_language"] = json!(v),
        ),
        // A required field missing, an unknown one added, a value of the wrong type.
        on_valid(proptest::sample::select(required.clone()), |b, path| {
            remove(b, path)
        }),
        on_valid(
            (
                proptest::sample::select(vec![
                    "",
                    "/organisation",
                    "/requester",
                    "/primary_contact",
                    "/customer",
                ]),
                proptest::sample::select(vec!["priority", "kind", "Products", "__proto__", ""]),
            ),
            |b, (at, key)| set(b, &format!("{at}/{key}"), json!("x")),
        ),
        on_valid(
            (
                proptest::sample::select(required),
                proptest::sample::select(vec![
                    json!(null),
                    json!(true),
                    json!(0),
                    json!(1.5),
                    json!("x"),
                    json!([]),
                    json!({}),
                    json!(["x"]),
                ]),
            ),
            |b, (path, v)| set(b, path, v),
        ),
    ])
    .boxed()
}

// ---- Hostile payloads ----

/// Text of every kind: any Unicode, control characters, bidirectional overrides, invisible
/// characters only, and very long.
fn hostile_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[\u{0}-\u{1F}\u{7F}-\u{9F}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF} a@.+0-9]{0,12}",
        1 => "[\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD} ]{1,8}",
        1 => (text(40), "[\u{202A}-\u{202E}\u{2066}-\u{2069}\u{0}\n\r\t\u{1B}\u{85}\u{2028}]", 0usize..40)
            .prop_map(|(mut t, c, at)| {
                let at = t.char_indices().nth(at).map_or(t.len(), |(i, _)| i);
                t.insert_str(at, &c);
                t
            }),
        1 => (any::<char>(), 0usize..100_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
        1 => "\\PC{0,3000}",
    ]
    .boxed()
}

fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z@.+ ]{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const STRING_PATHS: &[&str] = &[
    "/requester_kind",
    "/products/0",
    "/planned_deployment_date",
    "/comments",
    "/customer/identified_by",
    "/customer/value",
    "/organisation/project_name",
    "/organisation/service_location",
    "/organisation/preferred_language",
    "/requester/name",
    "/requester/email",
    "/requester/phone",
    "/requester/job_title",
    "/primary_contact/kind",
    "/primary_contact/name",
    "/primary_contact/email",
    "/business_sponsor/name",
    "/business_sponsor/email",
];

const NUMBER_PATHS: &[&str] = &["/schema_version", "/organisation/licences"];

fn hostile_change() -> BoxedStrategy<(usize, &'static str, String, Value)> {
    (
        0usize..4,
        proptest::sample::select(STRING_PATHS),
        hostile_text(),
        prop_oneof![
            junk(),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            Just(json!(u64::MAX)),
            Just(json!(i64::MIN)),
            Just(json!(-0.0)),
        ],
    )
        .boxed()
}

fn hostile() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => (valid(), proptest::collection::vec(hostile_change(), 1..5)).prop_map(|(mut b, changes)| {
            for (how, path, text, value) in changes {
                match how {
                    0 | 1 => {
                        make_room(&mut b, path);
                        set(&mut b, path, json!(text));
                    }
                    2 => {
                        let at = NUMBER_PATHS[text.len() % NUMBER_PATHS.len()];
                        set(&mut b, at, value);
                    }
                    _ => {
                        // Junk in place of any value, or beside them.
                        let target = if text.len() % 2 == 0 { path.to_owned() } else { format!("/x{}", text.len() % 7) };
                        set(&mut b, &target, value);
                    }
                }
            }
            b
        }),
        1 => junk(),
    ]
    .boxed()
}

// ---- The properties ----

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(CASES),
        // A disagreement is reported with its payload; shrinking keeps it small.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_payloads_are_accepted_by_the_model_and_the_schema(body in valid()) {
        prop_assert!(model_verdict(&body).is_ok(), "model refuses {}: {:?}", short(&body.to_string()), model_verdict(&body));
        prop_assert!(schema_accepts(&body), "schema refuses {}: {}", short(&body.to_string()), schema_errors(&body));
    }

    #[test]
    fn near_valid_payloads_get_the_same_verdict(body in near_valid()) {
        if let Err(e) = agree(&body) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn hostile_payloads_get_the_same_verdict(body in hostile()) {
        if let Err(e) = agree(&body) {
            prop_assert!(false, "{}", e);
        }
    }
}

// ---- The disagreements found, one example each ----

/// schema/examples/valid-customer.json, changed at `path` (`None` removes the member).
fn example(changes: &[(&str, Option<Value>)]) -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/examples/valid-customer.json"
    );
    let mut body: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    for (path, value) in changes {
        match value {
            Some(v) => set(&mut body, path, v.clone()),
            None => remove(&mut body, path),
        }
    }
    body
}

/// Both judges accept `body`, or both refuse it.
#[track_caller]
fn both(accepted: bool, body: &Value) {
    let model = model_verdict(body);
    assert_eq!(
        model.is_ok(),
        accepted,
        "model on {}: {model:?}",
        short(&body.to_string())
    );
    assert_eq!(
        schema_accepts(body),
        accepted,
        "schema on {}: {}",
        short(&body.to_string()),
        schema_errors(body)
    );
}

#[test]
fn the_example_is_valid() {
    both(true, &example(&[]));
}

#[test]
fn a_31_character_phone_starting_with_00_is_refused_by_both() {
    // The schema's pattern allowed 29 characters after `00`, one more than the 30 in all the
    // model allows (29 after `+` is 30 in all).
    let phone = "0044 -- 20 -- 7946 - 0000 - 123";
    assert_eq!(phone.chars().count(), 31);
    both(false, &example(&[("/requester/phone", Some(json!(phone)))]));
    both(
        true,
        &example(&[(
            "/requester/phone",
            Some(json!(phone.replacen("--", "-", 1))),
        )]),
    );
    both(
        true,
        &example(&[(
            "/requester/phone",
            Some(json!(phone.replacen("00", "+", 1))),
        )]),
    );
    // Separators are not digits: 7 digits are too few, 16 too many, whatever the length.
    both(
        false,
        &example(&[("/requester/phone", Some(json!("+1 234 567 ----")))]),
    );
    both(
        false,
        &example(&[("/requester/phone", Some(json!("+1234567890123456")))]),
    );
    both(
        true,
        &example(&[("/requester/phone", Some(json!("+123456789012345")))]),
    );
    both(
        true,
        &example(&[("/requester/phone", Some(json!("0012345678")))]),
    );
}

#[test]
fn duplicated_products_are_refused_by_both() {
    // The model kept the first of each and accepted; the schema says `uniqueItems`.
    let twice = json!(["intune", "exchange-online", "intune"]);
    both(false, &example(&[("/products", Some(twice))]));
    let error = model_verdict(&example(&[("/products", Some(json!(["viva", "viva"])))]))
        .expect_err("refused");
    assert!(error.contains("product `viva` is listed twice"), "{error}");
}

#[test]
fn unicode_email_addresses_are_accepted_by_both() {
    // The model accepted them; the schema's `format: email` (ASCII only, RFC 5321) refused
    // them. The schema now carries the model's rule as a pattern.
    for email in [
        "josé@exemplo.com.br",
        "ana@bücher.de",
        "用户@例え.テスト",
        "иван@пример.рф",
        "ana+tag@xn--bcher-kva.de",
    ] {
        both(true, &example(&[("/requester/email", Some(json!(email)))]));
        both(
            true,
            &example(&[("/business_sponsor/email", Some(json!(email)))]),
        );
    }
    // What makes an address read as another, or not one, is refused by both.
    for email in [
        "an\u{202E}a@contoso.com",
        "an\u{200B}a@contoso.com",
        "ana@con\u{200B}toso.com",
        "ana souza@contoso.com",
        "ana@contoso.com.",
        "\"ana\"@contoso.com",
        "ana@[127.0.0.1]",
        &format!("{}@contoso.com", "a".repeat(65)),
    ] {
        both(false, &example(&[("/requester/email", Some(json!(email)))]));
    }
    both(
        true,
        &example(&[(
            "/requester/email",
            Some(json!(format!("{}@contoso.com", "é".repeat(64)))),
        )]),
    );
}

#[test]
fn punycode_top_level_domains_are_accepted_by_both() {
    // `xn--p1ai` is Russia's `.рф`: the model wanted letters only in the last label.
    for email in [
        "a@b.xn--p1ai",
        "ana@contoso.XN--P1AI",
        "ana@xn--e1afmkfd.xn--p1ai",
    ] {
        both(true, &example(&[("/requester/email", Some(json!(email)))]));
    }
    let partner = |value: &str| {
        example(&[
            ("/requester_kind", Some(json!("partner"))),
            (
                "/customer",
                Some(json!({"identified_by": "domain", "value": value})),
            ),
        ])
    };
    both(true, &partner("contoso.xn--p1ai"));
    both(true, &partner("contoso.xn--p1ai."));
    for bad in [
        "contoso.xn--",
        "contoso.xn--p1ai-",
        "contoso.xn--p1ái",
        "contoso.xn-p1ai",
    ] {
        both(false, &partner(bad));
    }
}

#[test]
fn the_other_disagreements_the_property_found_are_gone() {
    let partner = |by: &str, value: &str| {
        vec![
            ("/requester_kind", Some(json!("partner"))),
            (
                "/customer",
                Some(json!({"identified_by": by, "value": value})),
            ),
        ]
    };
    let refused: Vec<Vec<(&str, Option<Value>)>> = vec![
        // Service locations are the assigned ISO 3166-1 codes, not any two capitals.
        vec![("/organisation/service_location", Some(json!("ZZ")))],
        // Data migration needs 500 licences (the example asks for it).
        vec![("/organisation/licences", Some(json!(499)))],
        // A partner names the customer; a customer admin does not.
        vec![("/requester_kind", Some(json!("partner")))],
        vec![
            ("/requester_kind", Some(json!("partner"))),
            ("/customer", Some(json!(null))),
        ],
        vec![(
            "/customer",
            Some(json!({"identified_by": "tpid", "value": "123"})),
        )],
        // The customer's value follows what identifies it.
        partner("tpid", "12a"),
        partner("tpid", "1234567890123"),
        partner("domain", "contoso"),
        partner("name", &"x".repeat(121)),
        partner("name", "Con\u{202E}toso"),
        // "Same as the requester" has nothing else.
        vec![(
            "/primary_contact",
            Some(json!({"kind": "same_as_requester", "name": "Ana"})),
        )],
        // Control characters and bidirectional overrides inside texts.
        vec![(
            "/organisation/project_name",
            Some(json!("Contoso\u{7}move")),
        )],
        vec![("/requester/name", Some(json!("Ana\u{202E}Souza")))],
        vec![("/comments", Some(json!("Start\u{1B}[31m now")))],
    ];
    for changes in refused {
        both(false, &example(&changes));
    }
    let accepted: Vec<Vec<(&str, Option<Value>)>> = vec![
        vec![("/organisation/licences", Some(json!(500)))],
        vec![("/customer", Some(json!(null)))],
        partner("tpid", "123456789012"),
        partner("name", &"x".repeat(120)),
        vec![("/comments", Some(json!("Line one\r\nline two\tand a tab")))],
        vec![("/requester/name", Some(json!("می\u{200C}خواهم")))],
    ];
    for changes in accepted {
        both(true, &example(&changes));
    }
}

// ---- The gaps: real, explained, and documented ----

#[test]
fn each_gap_explains_a_real_disagreement() {
    let cases = [
        (
            "trimmed",
            example(&[("/requester/name", Some(json!("\u{200B}")))]),
        ),
        (
            "trimmed",
            example(&[(
                "/organisation/project_name",
                Some(json!(format!(" {} ", "x".repeat(80)))),
            )]),
        ),
        (
            "after-today",
            example(&[("/planned_deployment_date", Some(json!(TODAY.to_string())))]),
        ),
        (
            "plain-integers",
            example(&[("/organisation/licences", Some(json!(1200.0)))]),
        ),
    ];
    for (gap, body) in &cases {
        assert_ne!(
            model_verdict(body).is_ok(),
            schema_accepts(body),
            "{gap}: no disagreement in {body}"
        );
        assert_eq!(agree(body), Ok(vec![*gap]), "{body}");
    }
    // The last one shows only while Rust's Unicode is newer than the validator's.
    if let Some(c) = (0x80..=0x10FFFF)
        .filter_map(char::from_u32)
        .find(|c| c.is_alphabetic() && unicode_versions_differ(*c))
    {
        let body = example(&[("/requester/email", Some(json!(format!("ana@contoso.a{c}"))))]);
        assert_ne!(model_verdict(&body).is_ok(), schema_accepts(&body), "{c:?}");
        assert_eq!(agree(&body), Ok(vec!["unicode-version"]), "{c:?}");
    }
}

#[test]
fn the_gaps_are_listed_in_the_schema_and_the_backend_guide() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/request.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let description = schema["description"].as_str().expect("a description");
    let listed: Vec<&str> = description
        .lines()
        .filter_map(|l| l.strip_prefix("- ")?.split(':').next())
        .collect();
    let names: Vec<&str> = GAPS.iter().map(|g| g.name).collect();
    assert_eq!(listed, names, "the schema's description lists the gaps");
    // docs/backend.md is where a backend's author reads the contract.
    let guide = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/backend.md");
    let guide = std::fs::read_to_string(guide).unwrap();
    let rows: Vec<&str> = guide
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    for name in names {
        assert!(
            rows.contains(&name),
            "docs/backend.md's table of rules lists the gap `{name}`"
        );
    }
}
