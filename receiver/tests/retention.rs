//! What the receiver keeps, for how long, and how an operator exports or erases it.

mod common;

use receiver::store::{sha256_hex, Deleted};
use receiver::Store;
use std::path::Path;
use std::process::Command;

const EMAIL: &str = "ana@contoso.com";

/// Stores the valid request under `key` at `received_at`; returns its reference.
fn store_valid(store: &Store, key: &str, received_at: &str) -> String {
    let body = common::valid_json().to_string();
    match store
        .store(key, &body, &body, received_at, |r| {
            serde_json::json!({ "id": r }).to_string()
        })
        .unwrap()
    {
        receiver::store::Outcome::Stored { reference, .. } => reference,
        receiver::store::Outcome::Existing(_) => panic!("{key} was already stored"),
    }
}

/// The database file and its write-ahead log, as bytes on disk.
fn bytes_on_disk(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    bytes.extend(std::fs::read(format!("{}-wal", db.display())).unwrap_or_default());
    bytes
}

/// Runs the built receiver with `args` to its end.
fn receiver(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_receiver"))
        .args(args)
        .output()
        .unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn an_idempotency_record_keeps_a_hash_of_the_body_not_the_body() {
    let db = common::db_path("retention", "hash");
    let store = Store::open(&db).unwrap();
    let body = common::valid_json().to_string();
    store_valid(&store, "k1", "2026-11-30T10:00:00Z");

    let recorded = store.recorded("k1").unwrap().unwrap();
    assert_eq!(recorded.body_sha256, sha256_hex(&body));
    assert_eq!(recorded.body_sha256.len(), 64);
    assert!(recorded.same_body(&body));
    assert!(!recorded.same_body(&body.replace(EMAIL, "bob@contoso.com")));

    let conn = rusqlite::Connection::open(&db).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('idempotency')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!columns.contains(&"body".to_owned()), "{columns:?}");
    let anything_personal: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM idempotency WHERE body_sha256 LIKE ?1 OR response LIKE ?1",
            [format!("%{EMAIL}%")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(anything_personal, 0);
}

#[test]
fn a_file_from_the_earlier_version_loses_its_kept_bodies_and_keeps_its_answers() {
    let db = common::db_path("retention", "migration");
    let marker = "only-in-the-old-idempotency-table@example.com";
    let old_body = format!(r#"{{"email":"{marker}"}}"#);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE requests (id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT UNIQUE,
                 received_at TEXT NOT NULL, body TEXT NOT NULL);
             CREATE TABLE idempotency (key TEXT PRIMARY KEY, body TEXT NOT NULL,
                 status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL);",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO idempotency VALUES ('old-key', ?1, 201, ?2, '2026-11-29T08:00:00Z')",
            [
                old_body.as_str(),
                r#"{"id":"FT-2026-000007","status":"received"}"#,
            ],
        )
        .unwrap();
    }
    assert!(
        contains(&bytes_on_disk(&db), marker),
        "the setup kept no body"
    );

    let store = Store::open(&db).unwrap();
    let recorded = store.recorded("old-key").unwrap().unwrap();
    assert!(recorded.same_body(&old_body));
    assert_eq!(recorded.status, 201);
    assert!(recorded.response.contains("FT-2026-000007"));
    drop(store);
    // The last connection's close checkpoints the log into the file.
    assert!(
        !contains(&bytes_on_disk(&db), marker),
        "a kept body is still on disk"
    );

    // The record still belongs to its request: deleting that request removes it.
    let store = Store::open(&db).unwrap();
    store.delete("FT-2026-000007").unwrap();
    assert!(store.recorded("old-key").unwrap().is_none());
}

#[test]
fn records_older_than_the_window_are_purged_and_newer_ones_kept() {
    let db = common::db_path("retention", "purge");
    let store = Store::open(&db).unwrap();
    store_valid(&store, "old", "2026-11-28T09:59:59Z");
    store_valid(&store, "edge", "2026-11-28T10:00:00Z");
    store_valid(&store, "new", "2026-11-29T09:00:00Z");

    assert_eq!(store.purge_keys("2026-11-28T10:00:00Z").unwrap(), 1);
    assert!(store.recorded("old").unwrap().is_none());
    assert!(store.recorded("edge").unwrap().is_some());
    assert!(store.recorded("new").unwrap().is_some());
    assert_eq!(store.key_count().unwrap(), 2);
    // The requests themselves are the operator's to keep or delete.
    assert_eq!(store.count().unwrap(), 3);
}

#[test]
fn a_running_receiver_purges_records_once_they_are_older_than_its_window() {
    use std::io::{BufRead, BufReader};
    let db = common::db_path("retention", "running");
    let store = Store::open(&db).unwrap();
    store_valid(&store, "k", &receiver::clock::timestamp_now());
    // About 3.6 s.
    let mut child = Command::new(env!("CARGO_BIN_EXE_receiver"))
        .args(["--listen", "127.0.0.1:0", "--db", db.to_str().unwrap()])
        .args(["--keep-keys-hours", "0.001"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("receiver: listening"), "{line}");
    let kept_at_start = store.key_count().unwrap();
    let start = std::time::Instant::now();
    while store.key_count().unwrap() > 0 && start.elapsed().as_secs() < 15 {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let left = store.key_count().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(kept_at_start, 1, "purged before its window ended");
    assert_eq!(left, 0, "still kept after 15 s");
    assert_eq!(store.count().unwrap(), 1);
}

#[test]
fn export_writes_one_json_line_a_request_since_the_date_asked() {
    let db = common::db_path("retention", "export");
    let store = Store::open(&db).unwrap();
    let first = store_valid(&store, "a", "2026-11-28T23:59:59Z");
    let second = store_valid(&store, "b", "2026-11-29T00:00:00Z");

    let mut out = Vec::new();
    assert_eq!(store.export(None, &mut out).unwrap(), 2);
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["reference"], first.as_str());
    assert_eq!(lines[0]["received_at"], "2026-11-28T23:59:59Z");
    assert_eq!(lines[0]["request"], common::valid_json());
    assert_eq!(lines[1]["reference"], second.as_str());

    let output = receiver(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--since",
        "2026-11-29",
    ]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    let line: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(line["reference"], second.as_str());

    let output = receiver(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--since",
        "yesterday",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--since takes a date"));
}

#[test]
fn delete_erases_one_request_from_the_tables_and_from_the_file() {
    let db = common::db_path("retention", "delete");
    let store = Store::open(&db).unwrap();
    let erased = store_valid(&store, "to-erase", "2026-11-29T10:00:00Z");
    let kept = store_valid(&store, "to-keep", "2026-11-29T11:00:00Z");
    // Only the erased request carries this address.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE requests SET body = replace(body, ?1, 'kept@contoso.com') WHERE reference = ?2",
        [EMAIL, kept.as_str()],
    )
    .unwrap();
    drop(conn);
    assert!(contains(&bytes_on_disk(&db), EMAIL));

    let output = receiver(&["delete", &erased, "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("{erased}: erased\n")
    );

    assert_eq!(store.request(&erased).unwrap(), None);
    assert!(store.recorded("to-erase").unwrap().is_none());
    assert!(store.request(&kept).unwrap().is_some());
    assert!(store.recorded("to-keep").unwrap().is_some());
    let on_disk = bytes_on_disk(&db);
    assert!(
        !contains(&on_disk, EMAIL),
        "the erased address is still in the file or its log"
    );
    assert!(contains(&on_disk, "kept@contoso.com"));

    assert_eq!(store.delete(&erased).unwrap(), Deleted::NotFound);
    let output = receiver(&["delete", "FT-2026-999999", "--db", db.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no request has this reference"));
}
