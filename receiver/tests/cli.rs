//! The built binary's command line: what it refuses at start, and how.

use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn db_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("cli-{name}-{}.sqlite", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

fn receiver(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_receiver"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the receiver")
}

/// Waits at most 10 s for the process to end by itself; a process still running is stopped
/// and reported as such.
fn finish(mut child: Child) -> Result<Output, String> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if child.try_wait().expect("wait").is_some() {
            return Ok(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let output = child.wait_with_output().expect("output");
    Err(format!(
        "still running after 10 s; stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    ))
}

#[test]
fn an_origin_that_could_never_match_stops_the_start_with_its_reason() {
    for (value, reason) in [
        ("*", "credentials"),
        ("https://portal.example/", "trailing slash"),
        ("https://portal.example/tools", "a path"),
        ("portal.example", "no scheme"),
        ("https://portal.example:99999", "not a number"),
        ("ftp://portal.example", "not http or https"),
        ("", "empty"),
    ] {
        let db = db_path("origin");
        let child = receiver(&[
            "--listen",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
            "--allow-origin",
            "http://127.0.0.1:4173",
            "--allow-origin",
            value,
        ]);
        let output = finish(child).unwrap_or_else(|e| panic!("{value:?}: {e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{value:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("receiver: --allow-origin {value:?}: ")),
            "{value:?}: {stderr}"
        );
        assert!(stderr.contains(reason), "{value:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{value:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{value:?} started");
        assert!(!db.exists(), "{value:?}: the database was created");
    }
}

#[test]
fn count_prints_how_many_requests_the_file_holds() {
    let db = db_path("count");
    let store = receiver::Store::open(&db).unwrap();
    for (key, id) in [("a", 1), ("b", 2)] {
        store
            .store(key, "{}", "{}", "2026-01-01T00:00:00Z", |r| r.to_owned())
            .unwrap();
        let output = finish(receiver(&["--db", db.to_str().unwrap(), "--count"])).unwrap();
        assert!(output.status.success(), "{output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), format!("{id}\n"));
    }

    let missing = db_path("count-missing");
    let output = finish(receiver(&["--db", missing.to_str().unwrap(), "--count"])).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such database"));
    assert!(!missing.exists(), "--count created the file");
}
