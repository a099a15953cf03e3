//! The model's JSON without serde (`fasttrack_model::json`, what the browser build uses) gives
//! what its serde derives give (what the receiver uses): requests are written member for
//! member alike, drafts and problems are read alike from any JSON of their shape.

mod common;
use common::any_draft;
use fasttrack_model::json::Json;
use fasttrack_model::*;
use proptest::prelude::*;
use serde_json::{json, Value};

const CASES: u32 = 3_000;

/// `value` as the browser's `JSON.parse` gives it to the app: every number an `f64`.
fn as_browser_reads(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(items) => Json::Array(items.iter().map(as_browser_reads).collect()),
        Value::Object(o) => Json::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), as_browser_reads(v)))
                .collect(),
        ),
    }
}

/// `value` with each whole number written as an integer: JSON text cannot tell `5.0` from `5`
/// to the browser, so neither reading may depend on it.
fn whole_numbers_as_integers(value: Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9e15 => json!(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => {
            Value::Array(items.into_iter().map(whole_numbers_as_integers).collect())
        }
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, whole_numbers_as_integers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Any JSON value but an array or an object.
fn scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u16>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (0u16..600).prop_map(|n| json!(f64::from(n) + 0.5)),
        any::<String>().prop_map(Value::from),
    ]
    .boxed()
}

/// Any JSON value; arrays and objects nest a few levels.
fn any_json() -> BoxedStrategy<Value> {
    scalar()
        .prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                proptest::collection::btree_map("[a-z_]{0,6}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

/// An object with some of `keys`, each `value()`, and sometimes a member the type lacks.
fn object_of(keys: &'static [&'static str], value: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    (
        proptest::collection::vec((proptest::sample::select(keys), value), 0..keys.len() + 1),
        proptest::option::of(any_json()),
    )
        .prop_map(|(members, extra)| {
            let mut object: serde_json::Map<String, Value> = members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            if let Some(extra) = extra {
                object.insert("unknown_member".to_owned(), extra);
            }
            Value::Object(object)
        })
        .boxed()
}

/// Mostly the right type for a draft's members, sometimes another (never an array where a
/// struct is read: serde's derive reads a struct from an array too, the browser build does not,
/// and no draft is ever stored that way).
fn draft_like() -> BoxedStrategy<Value> {
    let member = prop_oneof![
        6 => any::<String>().prop_map(Value::from),
        2 => any::<bool>().prop_map(Value::from),
        2 => proptest::collection::vec(any::<String>().prop_map(Value::from), 0..3).prop_map(Value::from),
        1 => proptest::collection::vec(scalar(), 0..3).prop_map(Value::from),
        1 => scalar(),
    ]
    .boxed();
    let person = object_of(&["name", "email", "phone", "job_title"], member.clone());
    let contact = object_of(&["same_as_requester", "name", "email"], member.clone());
    let nested = prop_oneof![4 => person, 4 => contact, 1 => scalar()].boxed();
    let keys: &'static [&'static str] = &[
        "requester_kind",
        "customer_id_kind",
        "customer_id",
        "products",
        "deployment_date",
        "data_migration",
        "user_adoption",
        "project_name",
        "service_location",
        "language",
        "licences",
        "comments",
    ];
    (
        object_of(keys, member),
        proptest::collection::vec(
            (
                proptest::sample::select(&["requester", "primary_contact", "business_sponsor"][..]),
                nested,
            ),
            0..4,
        ),
    )
        .prop_map(|(mut draft, nested)| {
            for (key, value) in nested {
                draft[key] = value;
            }
            draft
        })
        .boxed()
}

/// Problems as any backend might answer: the contract's members, of any type, and entries
/// that are objects or stray scalars (never arrays, as for drafts).
fn problem_like() -> BoxedStrategy<Value> {
    let member = prop_oneof![
        4 => any::<String>().prop_map(Value::from),
        2 => (0u32..70_000).prop_map(Value::from),
        2 => scalar(),
    ]
    .boxed();
    let entry = prop_oneof![
        4 => object_of(&["field", "code", "detail", "message", "title"], member.clone()),
        1 => scalar(),
    ];
    (
        object_of(&["type", "title", "status", "detail"], member),
        prop_oneof![
            4 => proptest::collection::vec(entry, 0..4).prop_map(Value::from),
            1 => scalar(),
        ],
        any::<bool>(),
    )
        .prop_map(|(mut problem, errors, with_errors)| {
            if with_errors {
                problem["errors"] = errors;
            }
            problem
        })
        .boxed()
}

/// Any request, valid or not (writing does not validate).
fn any_request() -> BoxedStrategy<AssistanceRequest> {
    let text = || any::<String>();
    let contact = prop_oneof![
        Just(Contact::SameAsRequester {}),
        (text(), text()).prop_map(|(name, email)| Contact::Named { name, email }),
    ];
    let person =
        (text(), text(), text(), text()).prop_map(|(name, email, phone, job_title)| Person {
            name,
            email,
            phone,
            job_title,
        });
    (
        (
            any::<u32>(),
            proptest::sample::select(RequesterKind::ALL),
            proptest::option::of(
                (proptest::sample::select(CustomerIdKind::ALL), text()).prop_map(
                    |(identified_by, value)| CustomerRef {
                        identified_by,
                        value,
                    },
                ),
            ),
            proptest::collection::vec(proptest::sample::select(Product::ALL), 0..5),
            text(),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            text(),
            text(),
            proptest::sample::select(FastTrackLanguage::ALL),
            any::<u32>(),
        ),
        person,
        contact.clone(),
        contact,
        proptest::option::of(text()),
    )
        .prop_map(
            |(
                (version, kind, customer, products, date, migration, adoption),
                (project, location, language, licences),
                requester,
                primary,
                sponsor,
                comments,
            )| {
                AssistanceRequest {
                    schema_version: version,
                    requester_kind: kind,
                    customer,
                    products,
                    planned_deployment_date: date,
                    data_migration: migration,
                    user_adoption: adoption,
                    organisation: Organisation {
                        project_name: project,
                        service_location: location,
                        preferred_language: language,
                        licences,
                    },
                    requester,
                    primary_contact: primary,
                    business_sponsor: sponsor,
                    comments,
                }
            },
        )
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn requests_are_written_as_serde_writes_them(request in any_request()) {
        let ours: Value = serde_json::from_str(&request.to_json().to_text()).expect("valid JSON");
        prop_assert_eq!(ours, serde_json::to_value(&request).expect("serialisable"));
    }

    #[test]
    fn drafts_are_written_as_serde_writes_them_and_read_back(draft in any_draft()) {
        let text = draft.to_json().to_text();
        let ours: Value = serde_json::from_str(&text).expect("valid JSON");
        prop_assert_eq!(ours, serde_json::to_value(&draft).expect("serialisable"));
        prop_assert_eq!(Draft::from_json(&draft.to_json()), Some(draft));
    }

    #[test]
    fn drafts_are_read_as_serde_reads_them(value in draft_like()) {
        let value = whole_numbers_as_integers(value);
        let serde = serde_json::from_value::<Draft>(value.clone()).ok();
        prop_assert_eq!(Draft::from_json(&as_browser_reads(&value)), serde, "{}", value);
    }

    #[test]
    fn problems_are_read_as_serde_reads_them(value in problem_like()) {
        let value = whole_numbers_as_integers(value);
        let serde = serde_json::from_value::<Problem>(value.clone()).unwrap_or_default();
        prop_assert_eq!(Problem::from_json(&as_browser_reads(&value)), serde, "{}", value);
    }
}

#[test]
fn a_draft_of_the_wrong_shape_is_not_read() {
    let read = |v: Value| Draft::from_json(&as_browser_reads(&v));
    assert_eq!(read(json!({})), Some(Draft::default()));
    assert_eq!(read(json!({"products": "intune"})), None);
    assert_eq!(read(json!({"requester": {"name": null}})), None);
    assert_eq!(read(json!("a draft")), None);
    assert_eq!(
        read(json!({"project_name": "X", "surprise": [1]})).map(|d| d.project_name),
        Some("X".to_owned())
    );
}
