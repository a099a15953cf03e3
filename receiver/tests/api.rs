//! The receiver's handlers against a real SQLite file: every answer of the contract.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use receiver::{router, Settings, Store};
use tower::ServiceExt;

fn app(path: &std::path::Path) -> Router {
    router(Store::open(path).expect("open"), Settings::default())
}

async fn post(
    app: &Router,
    key: Option<&str>,
    content_type: &str,
    body: impl Into<Body>,
) -> (StatusCode, String, Option<String>, serde_json::Value) {
    let mut builder = Request::post("/api/requests").header("content-type", content_type);
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    let response = app
        .clone()
        .oneshot(builder.body(body.into()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (status, content_type, location, json)
}

/// How many requests the file holds, read through a connection of its own.
fn stored(path: &std::path::Path) -> i64 {
    Store::open(path).unwrap().count().unwrap()
}

async fn health(app: &Router) -> (StatusCode, String, String) {
    let response = app
        .clone()
        .oneshot(Request::get("/api/health").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

/// Sends the valid request as JSON, with `key` as its Idempotency-Key.
async fn post_valid(
    app: &Router,
    key: Option<&str>,
) -> (StatusCode, String, Option<String>, serde_json::Value) {
    post(
        app,
        key,
        "application/json",
        common::valid_json().to_string(),
    )
    .await
}

#[tokio::test]
async fn a_valid_request_is_stored_and_answered_with_a_reference() {
    let path = common::db_path("api", "valid");
    let app = app(&path);
    let (status, content_type, location, body) = post_valid(&app, Some("k-1")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(content_type, "application/json");
    let id = body["id"].as_str().unwrap();
    // Random, not a count of what is stored (FT-2026-000001 told every sender how many came
    // before).
    assert!(receiver::reference::is_reference(id), "{id}");
    // No Location: nothing answers a GET for a stored request.
    assert_eq!(location, None);
    let read_back = app
        .clone()
        .oneshot(
            Request::get(format!("/api/requests/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(read_back.status(), StatusCode::NOT_FOUND);
    assert_eq!(stored(&path), 1);
    let store = Store::open(&path).unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&store.request(id).unwrap().unwrap()).unwrap();
    assert_eq!(saved, common::valid_json());
}

#[tokio::test]
async fn each_invalid_kind_gets_a_422_naming_the_fields() {
    let path = common::db_path("api", "invalid");
    let app = app(&path);
    let mut small = common::valid_json();
    small["organisation"]["licences"] = 100.into();
    let (status, content_type, _, body) =
        post(&app, Some("k-small"), "application/json", small.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["status"], 422);
    assert_eq!(body["errors"][0]["field"], "licences");
    assert_eq!(body["errors"][0]["code"], "below_fasttrack_minimum");

    let mut several = common::valid_json();
    several["organisation"]["project_name"] = "x".repeat(81).into();
    several["requester"]["email"] = "not-an-email".into();
    several["planned_deployment_date"] = "2001-01-01".into();
    let (status, _, _, body) = post(
        &app,
        Some("k-several"),
        "application/json",
        several.to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["deployment_date", "project_name", "requester_email"]
    );

    let mut shape = common::valid_json();
    shape["surprise"] = true.into();
    let (status, _, _, body) =
        post(&app, Some("k-shape"), "application/json", shape.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["code"], "schema");

    // What the schema refuses and the rules alone would drop: a product listed twice, a
    // customer on a customer admin's request.
    let mut twice = common::valid_json();
    twice["products"] = serde_json::json!(["intune", "intune"]);
    let mut customer = common::valid_json();
    customer["customer"] = serde_json::json!({"identified_by": "name", "value": "Contoso"});
    for (key, body) in [("k-twice", twice), ("k-customer", customer)] {
        let (status, _, _, answer) =
            post(&app, Some(key), "application/json", body.to_string()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}");
        assert_eq!(answer["errors"][0]["code"], "schema", "{key}");
    }

    let mut version = common::valid_json();
    version["schema_version"] = 2.into();
    let (status, _, _, body) = post(
        &app,
        Some("k-version"),
        "application/json",
        version.to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "schema_version");
    assert_eq!(stored(&path), 0);
}

#[tokio::test]
async fn malformed_oversized_and_unlabelled_bodies_are_refused_without_harm() {
    let path = common::db_path("api", "bad");
    let app = app(&path);
    let (status, content_type, _, _) = post(
        &app,
        Some("k"),
        "application/json",
        "{\"schema_version\": 1,",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(content_type, "application/problem+json");
    let (status, _, _, _) = post(&app, Some("k"), "application/json", vec![0xff, 0xfe, 0x00]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let huge = format!("{{\"comments\": \"{}\"}}", "x".repeat(70 * 1024));
    let (status, _, _, body) = post(&app, Some("k"), "application/json", huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["status"], 413);
    let (status, _, _, _) = post(
        &app,
        Some("k"),
        "text/plain",
        common::valid_json().to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (status, _, _, _) = post(
        &app,
        None,
        "application/json",
        common::valid_json().to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _, _) = post_valid(&app, Some("has space")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    for junk in ["null", "[]", "\"text\"", "{}", "{\"schema_version\":1}"] {
        let (status, _, _, _) = post(&app, Some("k-junk"), "application/json", junk).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{junk}");
    }
    assert_eq!(stored(&path), 0);
}

#[tokio::test]
async fn a_body_that_breaks_off_is_a_400_not_a_413() {
    let path = common::db_path("api", "broken");
    let app = app(&path);
    let start = common::valid_json().to_string();
    let chunks: Vec<Result<String, std::io::Error>> = vec![
        Ok(start[..40].to_owned()),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "the client went away",
        )),
    ];
    let body = Body::from_stream(futures_util::stream::iter(chunks));
    let (status, content_type, _, problem) =
        post(&app, Some("k-broken"), "application/json", body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(problem["status"], 400);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("incomplete-body"),
        "{problem}"
    );
    assert_eq!(stored(&path), 0);
    // The same key with the whole body is a first request, not a conflict.
    let (status, _, _, _) = post(&app, Some("k-broken"), "application/json", start).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_replayed_key_returns_the_first_answer_and_stores_nothing_new() {
    let path = common::db_path("api", "replay");
    let app = app(&path);
    let body = common::valid_json().to_string();
    let (first_status, _, _, first) =
        post(&app, Some("same-key"), "application/json", body.clone()).await;
    assert_eq!(first_status, StatusCode::CREATED);
    // Key order and white space do not make a different request.
    let reordered = serde_json::to_string_pretty(&common::valid_json()).unwrap();
    let (status, _, _, again) = post(&app, Some("same-key"), "application/json", reordered).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again, first);
    assert_eq!(stored(&path), 1);
}

#[tokio::test]
async fn the_same_key_with_a_different_body_is_a_409() {
    let path = common::db_path("api", "conflict");
    let app = app(&path);
    post_valid(&app, Some("key-x")).await;
    let mut other = common::valid_json();
    other["organisation"]["project_name"] = "Another".into();
    let (status, content_type, _, body) =
        post(&app, Some("key-x"), "application/json", other.to_string()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["status"], 409);
    assert_eq!(stored(&path), 1);
}

#[tokio::test]
async fn nothing_is_lost_across_a_restart() {
    let path = common::db_path("api", "restart");
    let first = {
        let app = app(&path);
        post_valid(&app, Some("before")).await.3
    };
    // A new process on the same file: the old request and its key survive.
    let app = app(&path);
    assert_eq!(stored(&path), 1);
    let (status, _, _, replay) = post_valid(&app, Some("before")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(replay, first);
    let (_, _, _, second) = post_valid(&app, Some("after")).await;
    let second = second["id"].as_str().unwrap();
    assert!(receiver::reference::is_reference(second), "{second}");
    assert_ne!(Some(second), first["id"].as_str());
    assert_eq!(stored(&path), 2);
}

#[tokio::test]
async fn cors_allows_only_the_configured_origin_and_headers() {
    let settings = Settings {
        allowed_origins: vec!["http://127.0.0.1:4173".parse().unwrap()],
        allowed_headers: vec![axum::http::HeaderName::from_static("x-tenant")],
        ..Settings::default()
    };
    let app = router(
        Store::open(&common::db_path("api", "cors")).unwrap(),
        settings,
    );
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/requests")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type,idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let ok = app
        .clone()
        .oneshot(preflight("http://127.0.0.1:4173"))
        .await
        .unwrap();
    assert_eq!(
        ok.headers().get("access-control-allow-origin").unwrap(),
        "http://127.0.0.1:4173"
    );
    let allowed = ok
        .headers()
        .get("access-control-allow-headers")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    // The contract's two headers, and the deployment's own (--allow-header): nothing else, so
    // a page cannot send the receiver headers the operator did not expect.
    let mut names: Vec<&str> = allowed.split(',').map(str::trim).collect();
    names.sort_unstable();
    assert_eq!(names, ["content-type", "idempotency-key", "x-tenant"]);
    assert_eq!(
        ok.headers()
            .get("access-control-allow-credentials")
            .unwrap(),
        "true"
    );
    assert_eq!(ok.headers().get("access-control-max-age").unwrap(), "600");
    let other = app
        .clone()
        .oneshot(preflight("http://evil.example"))
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // The page may read Retry-After; there is no Location to read.
    let sent = app
        .oneshot(
            Request::post("/api/requests")
                .header("origin", "http://127.0.0.1:4173")
                .header("content-type", "application/json")
                .header("idempotency-key", "k-cors")
                .body(Body::from(common::valid_json().to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::CREATED);
    assert_eq!(
        sent.headers().get("access-control-expose-headers").unwrap(),
        "retry-after"
    );
}

#[tokio::test]
async fn health_says_up_and_nothing_about_what_is_stored() {
    let path = common::db_path("api", "health");
    let app = app(&path);
    let (status, _, _, _) = post_valid(&app, Some("k-health")).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, content_type, body) = health(&app).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    assert_eq!(body, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn health_is_a_503_when_the_database_does_not_answer() {
    let path = common::db_path("api", "health-down");
    let app = app(&path);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("DROP TABLE requests")
        .unwrap();
    let (status, content_type, body) = health(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(content_type, "application/problem+json");
    assert!(body.contains("storage"), "{body}");
}
