//! The built binary's command line: what it refuses at start, and how.

mod common;

use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

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
        let db = common::db_path("cli", "origin");
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
    let db = common::db_path("cli", "count");
    let store = receiver::Store::open(&db).unwrap();
    for (key, id) in [("a", 1), ("b", 2)] {
        store
            .store(key, "{}", "{}", "2026-01-01T00:00:00Z", |r| r.to_owned())
            .unwrap();
        let output = finish(receiver(&["--db", db.to_str().unwrap(), "--count"])).unwrap();
        assert!(output.status.success(), "{output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), format!("{id}\n"));
    }

    let missing = common::db_path("cli", "count-missing");
    let output = finish(receiver(&["--db", missing.to_str().unwrap(), "--count"])).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such database"));
    assert!(!missing.exists(), "--count created the file");
}

#[test]
fn a_limit_that_is_not_a_positive_number_stops_the_start() {
    for (flag, value) in [
        ("--header-timeout", "0"),
        ("--body-timeout", "soon"),
        ("--request-timeout", "-1"),
        ("--request-timeout", "NaN"),
        ("--max-in-flight", "0"),
        ("--max-in-flight", "many"),
        ("--busy-timeout-ms", "-5"),
        ("--busy-timeout-ms", "60001"),
    ] {
        let db = common::db_path("cli", "bad-limit");
        let child = receiver(&[
            "--listen",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
            flag,
            value,
        ]);
        let output = finish(child).unwrap_or_else(|e| panic!("{flag} {value}: {e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{flag} {value}: {stderr}");
        assert!(
            stderr.starts_with(&format!("receiver: {flag} takes")),
            "{stderr}"
        );
        assert!(!db.exists(), "{flag} {value}: the database was created");
    }
}

/// A receiver process, stopped when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Everything read from `stream` until the server closes it (or 5 s pass: then a failure).
fn read_until_closed(stream: &mut std::net::TcpStream) -> String {
    use std::io::Read;
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("still open after 5 s ({e}); read {received:?}"),
        }
    }
    String::from_utf8_lossy(&received).into_owned()
}

#[test]
fn the_limits_given_on_the_command_line_are_the_ones_kept() {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpStream;

    let db = common::db_path("cli", "limits");
    let mut child = Running(receiver(&[
        "--listen",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
        "--header-timeout",
        "1",
        "--body-timeout",
        "2",
        "--request-timeout",
        "3",
        "--max-in-flight",
        "1",
    ]));
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .strip_prefix("receiver: listening on http://")
        .and_then(|rest| rest.split(',').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();

    // One request waiting for the database (another connection holds it locked) holds the
    // only place. (A probe that comes first takes the place for a moment, and the held request
    // may be the one refused: then again.)
    let lock = rusqlite::Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let body = common::valid_json().to_string();
    let post = format!(
        "POST /api/requests HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
         idempotency-key: k\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut held = None;
    for _ in 0..20 {
        let mut stream = TcpStream::connect(&address).unwrap();
        stream.write_all(post.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let mut probe = TcpStream::connect(&address).unwrap();
        probe
            .write_all(b"GET /api/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
            .unwrap();
        let answer = read_until_closed(&mut probe);
        if answer.starts_with("HTTP/1.1 503") {
            assert!(answer.contains("retry-after: 1\r\n"), "{answer}");
            held = Some(stream);
            break;
        }
    }
    let mut held = held.expect("--max-in-flight 1: a second request was not refused");
    // ...until its write gives up, before the request deadline (3 s): nothing stored.
    let answer = read_until_closed(&mut held);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("storage-busy"), "{answer}");
    lock.execute_batch("COMMIT").unwrap();

    // A body that stops coming is answered at the body deadline, 2 s.
    let mut stalled = TcpStream::connect(&address).unwrap();
    stalled
        .write_all(
            b"POST /api/requests HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
              idempotency-key: k2\r\ncontent-length: 100\r\n\r\n{",
        )
        .unwrap();
    let started = Instant::now();
    let answer = read_until_closed(&mut stalled);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("body-timeout"), "{answer}");
    assert!(started.elapsed() >= Duration::from_millis(1800), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(4), "{answer}");

    // A head that never ends is cut off after 1 s.
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.write_all(b"GET /api/health HTTP/1.1\r\n").unwrap();
    let cut = Instant::now();
    assert_eq!(read_until_closed(&mut slow), "");
    assert!(cut.elapsed() >= Duration::from_millis(800));
}

/// The database's files, and every file an export writes, hold personal data: readable by the
/// receiver's user only.
#[cfg(unix)]
#[test]
fn the_database_and_exports_are_readable_by_the_operator_only() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::fs::PermissionsExt;

    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let db = common::db_path("cli", "private");
    let db_text = db.to_str().unwrap();
    let mut child = Running(receiver(&["--listen", "127.0.0.1:0", "--db", db_text]));
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("receiver: listening"), "{line}");
    // The log files exist once the database is in WAL mode and open.
    for suffix in ["", "-wal", "-shm"] {
        let path = std::path::PathBuf::from(format!("{db_text}{suffix}"));
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    drop(child);

    // A file others may read is reported when the receiver starts on it.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut child = Running(receiver(&["--listen", "127.0.0.1:0", "--db", db_text]));
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.0.kill();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.0.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "receiver: warning: {db_text} can be read by other users (mode 644)"
        )) && stderr.contains(&format!("chmod 600 {db_text}")),
        "{stderr}"
    );
    drop(child);

    // `export --out` writes a new file, readable by its owner only, and never overwrites one.
    let store = receiver::Store::open(&db).unwrap();
    store
        .store("k", "{}", "{}", "2026-01-01T00:00:00Z", |r| r.to_owned())
        .unwrap();
    let out = common::db_path("cli", "export-out");
    let out_text = out.to_str().unwrap();
    let output = finish(receiver(&["export", "--db", db_text, "--out", out_text])).unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(mode(&out), 0o600);
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("readable by you only"));
    let again = finish(receiver(&["export", "--db", db_text, "--out", out_text])).unwrap();
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1);
    // Written to standard output, the export says what it holds, on standard error.
    let plain = finish(receiver(&["export", "--db", db_text])).unwrap();
    assert!(String::from_utf8_lossy(&plain.stderr).contains("holds personal data"));
    let _ = std::fs::remove_file(&out);
}
