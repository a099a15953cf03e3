//! What the receiver's test files share: a fresh database file each, and a valid request.
#![allow(dead_code)]

use fasttrack_model::{validate, ContactDraft, Date, Draft, PersonDraft};
use std::path::PathBuf;

/// A database path of its own for one test (`file` names the test file, `name` the test), with
/// any leftover of an earlier run removed.
pub fn db_path(file: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("{file}-{name}-{}.sqlite", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

/// A valid request as the wizard sends it.
pub fn valid_json() -> serde_json::Value {
    let draft = Draft {
        requester_kind: "customer".into(),
        products: vec!["intune".into()],
        deployment_date: "2099-01-01".into(),
        project_name: "Contoso".into(),
        service_location: "FR".into(),
        language: "fr".into(),
        licences: "600".into(),
        data_migration: true,
        requester: PersonDraft {
            name: "Ana".into(),
            email: "ana@contoso.com".into(),
            phone: "+33 1 23 45 67 89".into(),
            job_title: "CIO".into(),
        },
        primary_contact: ContactDraft {
            same_as_requester: "yes".into(),
            ..Default::default()
        },
        business_sponsor: ContactDraft {
            same_as_requester: "yes".into(),
            ..Default::default()
        },
        ..Draft::default()
    };
    let today = Date {
        year: 2026,
        month: 1,
        day: 1,
    };
    serde_json::to_value(validate(&draft, today).expect("valid")).expect("serialisable")
}
