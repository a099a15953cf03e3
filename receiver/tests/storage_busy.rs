//! A database locked by another connection: SQLite work waits up to the busy timeout off the
//! async workers, then the request is a `503` (`storage-busy`) with `Retry-After`, while
//! `/api/health` still answers at once.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use receiver::{router, Settings, Store};
use std::path::Path;
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn app(path: &Path, busy_timeout: Duration) -> Router {
    let store = Store::open_with_busy_timeout(path, busy_timeout).expect("open");
    router(store, Settings::default())
}

struct Answer {
    status: StatusCode,
    content_type: String,
    retry_after: Option<String>,
    replayed: bool,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let headers = response.headers();
    let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned());
    let (content_type, retry_after) = (header("content-type"), header("retry-after"));
    let replayed = header("idempotent-replayed").is_some();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type: content_type.unwrap_or_default(),
        retry_after,
        replayed,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn post(app: &Router, key: &str) -> Answer {
    let request = Request::post("/api/requests")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(common::valid_json().to_string()))
        .unwrap();
    send(app, request).await
}

async fn health(app: &Router) -> (Answer, Duration) {
    let start = Instant::now();
    let answer = send(
        app,
        Request::get("/api/health").body(Body::empty()).unwrap(),
    )
    .await;
    (answer, start.elapsed())
}

/// Another connection holding the write lock, as another process would.
fn lock(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    conn
}

fn stored(path: &Path) -> i64 {
    Store::open(path).unwrap().count().unwrap()
}

#[tokio::test]
async fn a_lock_held_past_the_busy_timeout_is_a_503_storage_busy_and_health_stays_quick() {
    let path = common::db_path("busy", "held");
    let busy_timeout = Duration::from_millis(300);
    let app = app(&path, busy_timeout);
    let holder = lock(&path);

    // A write waiting for the lock holds no async worker: health answers meanwhile.
    let waiting = tokio::spawn({
        let app = app.clone();
        async move {
            let start = Instant::now();
            let answer = post(&app, "k-locked").await;
            (answer, start.elapsed())
        }
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let (up, took) = health(&app).await;
    assert!(
        !waiting.is_finished(),
        "the write did not wait for the lock"
    );
    assert!(took < Duration::from_millis(200), "health took {took:?}");
    assert_eq!(up.status, StatusCode::OK, "{}", up.body);
    assert_eq!(up.body, r#"{"status":"ok"}"#);

    let (refused, waited) = waiting.await.unwrap();
    assert!(waited >= busy_timeout, "gave up after {waited:?}");
    assert!(waited < Duration::from_secs(2), "waited {waited:?}");
    assert_eq!(
        refused.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        refused.body
    );
    assert_eq!(refused.content_type, "application/problem+json");
    assert_eq!(refused.retry_after.as_deref(), Some("5"));
    let problem: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
    assert!(
        problem["type"].as_str().unwrap().ends_with("/storage-busy"),
        "{problem}"
    );
    assert!(problem["detail"].as_str().unwrap().contains("locked"));

    // Health under the lock alone, too.
    let (up, took) = health(&app).await;
    assert!(took < Duration::from_millis(200), "health took {took:?}");
    assert_eq!(up.status, StatusCode::OK);

    // Released: the retry with the same key is stored, once.
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    let created = post(&app, "k-locked").await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert!(!created.replayed);
    let again = post(&app, "k-locked").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert!(again.replayed);
    assert_eq!(again.body, created.body);
    assert_eq!(stored(&path), 1);
}

#[tokio::test]
async fn a_lock_released_within_the_busy_timeout_is_waited_for() {
    let path = common::db_path("busy", "brief");
    let app = app(&path, Duration::from_millis(3000));
    let holder = lock(&path);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        holder.execute_batch("COMMIT").unwrap();
    });
    let created = post(&app, "k-brief").await;
    release.join().unwrap();
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(stored(&path), 1);
}

/// Regression: a write waiting past the request's deadline went on after the `408` ("nothing
/// was stored") and stored the request. It now gives up before the deadline, as busy.
#[tokio::test]
async fn a_write_that_cannot_finish_before_the_deadline_gives_up_and_stores_nothing() {
    let path = common::db_path("busy", "deadline");
    let store = Store::open_with_busy_timeout(&path, Duration::from_secs(3)).unwrap();
    let mut settings = Settings::default();
    settings.limits.request_timeout = Duration::from_secs(1);
    let app = router(store, settings);
    let holder = lock(&path);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1_500));
        drop(holder);
    });

    let answer = post(&app, "k-deadline").await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.body
    );
    assert!(answer.body.contains("storage-busy"), "{}", answer.body);
    release.join().unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(stored(&path), 0, "stored after being refused");

    // Sent again, it is stored once and answered with its reference.
    let answer = post(&app, "k-deadline").await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(stored(&path), 1);
}

/// Regression: opening a file (the server's start, `--count`) took the write lock to check
/// its tables, and failed while another process held it.
#[test]
fn a_current_file_opens_while_another_process_holds_its_lock() {
    let path = common::db_path("busy", "open");
    drop(Store::open(&path).unwrap());
    let _holder = lock(&path);
    let start = Instant::now();
    let store = Store::open_with_busy_timeout(&path, Duration::from_millis(500)).unwrap();
    assert!(
        start.elapsed() < Duration::from_millis(400),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(store.key_count().unwrap_or(-1), 0);
}
