//! The published contract: schema/request.schema.json is generated from these types and must
//! be current; every example in schema/examples/ is judged by the same rules as a receiver.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p fasttrack-model --test schema` (`make schema`).

use fasttrack_model::{validate, AssistanceRequest, Date};
use std::path::{Path, PathBuf};

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema")
}

fn generated() -> String {
    let mut schema = schemars::schema_for!(AssistanceRequest);
    schema.insert(
        "$id".into(),
        "https://fasttrack-onboarding.dev/schema/request.schema.json".into(),
    );
    format!(
        "{}\n",
        serde_json::to_string_pretty(&schema).expect("schema serializes")
    )
}

#[test]
fn the_checked_in_schema_is_current() {
    let path = schema_dir().join("request.schema.json");
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).expect("write the schema");
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == fresh,
        "{} is stale: run `make schema` (UPDATE_SCHEMA=1 cargo test -p fasttrack-model --test schema)",
        path.display()
    );
    let schema: serde_json::Value = serde_json::from_str(&fresh).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// The day the examples are judged on: their deployment dates are in 2030.
const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

fn examples() -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = std::fs::read_dir(schema_dir().join("examples"))
        .expect("schema/examples")
        .filter_map(|e| e.ok())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).expect("readable"))
        })
        .collect();
    list.sort();
    list
}

/// Why each invalid example must fail, as the model (or serde) says it.
const REASONS: &[(&str, &str)] = &[
    (
        "invalid-contact-kind-unknown.json",
        "unknown variant `manager`",
    ),
    (
        "invalid-customer-on-customer-request.json",
        "a customer admin's request has no `customer`",
    ),
    (
        "invalid-date-not-iso.json",
        "field: DeploymentDate, code: InvalidDate",
    ),
    (
        "invalid-duplicate-products.json",
        "product `exchange-online` is listed twice",
    ),
    (
        "invalid-empty-products.json",
        "field: Products, code: Required",
    ),
    ("invalid-extra-field.json", "unknown field `priority`"),
    (
        "invalid-licences-below-150.json",
        "field: Licences, code: BelowFastTrackMinimum",
    ),
    (
        "invalid-migration-below-500.json",
        "field: Licences, code: BelowMigrationMinimum",
    ),
    ("invalid-missing-products.json", "missing field `products`"),
    (
        "invalid-phone-31-characters.json",
        "field: RequesterPhone, code: InvalidPhone",
    ),
    (
        "invalid-phone-not-international.json",
        "field: RequesterPhone, code: InvalidPhone",
    ),
    (
        "invalid-project-name-too-long.json",
        "field: ProjectName, code: TooLong",
    ),
    (
        "invalid-schema-version-2.json",
        "unsupported schema_version 2",
    ),
    (
        "invalid-unknown-product.json",
        "unknown variant `lotus-notes`",
    ),
];

/// What a receiver does with a body: parse, check the version, run the rules.
fn judge(text: &str) -> Result<AssistanceRequest, String> {
    let request: AssistanceRequest = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if !request.is_supported_version() {
        return Err(format!(
            "unsupported schema_version {}",
            request.schema_version
        ));
    }
    validate(&request.to_draft(), TODAY).map_err(|e| format!("{e:?}"))
}

#[test]
fn valid_examples_are_accepted_and_invalid_ones_refused_for_their_reason() {
    let all = examples();
    assert!(all.iter().filter(|(n, _)| n.starts_with("valid-")).count() >= 2);
    let invalid: Vec<&str> = all
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| n.starts_with("invalid-"))
        .collect();
    let named: Vec<&str> = REASONS.iter().map(|(n, _)| *n).collect();
    assert_eq!(invalid, named, "every invalid example has its reason here");
    for (name, text) in &all {
        let judged = judge(text);
        if name.starts_with("valid-") {
            assert!(judged.is_ok(), "{name}: {judged:?}");
        } else {
            let reason = REASONS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| *r)
                .unwrap_or("?");
            let error = judged.expect_err(name);
            assert!(
                error.contains(reason),
                "{name}: expected {reason}, got {error}"
            );
        }
    }
}
