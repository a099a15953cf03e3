//! The contract (schema/openapi.yaml): `POST /api/requests` and `GET /api/health`.

use crate::clock;
use crate::problem::Problem;
use crate::store::{Outcome, Store};
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use fasttrack_model::{validate, AssistanceRequest, SCHEMA_VERSION};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

#[derive(Clone, Debug)]
pub struct Settings {
    /// Origins allowed to call from a browser on another origin (exact matches).
    pub allowed_origins: Vec<String>,
    /// The largest body accepted, in bytes.
    pub max_body: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allowed_origins: Vec::new(),
            max_body: 64 * 1024,
        }
    }
}

#[derive(Clone)]
struct AppState {
    store: Store,
    settings: Settings,
}

pub fn router(store: Store, settings: Settings) -> Router {
    let cors = (!settings.allowed_origins.is_empty()).then(|| {
        let origins: Vec<HeaderValue> = settings
            .allowed_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::POST, Method::GET])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                HeaderName::from_static(IDEMPOTENCY_KEY),
                HeaderName::from_static("x-csrf-token"),
            ])
            .expose_headers([header::LOCATION, header::RETRY_AFTER])
            .allow_credentials(true)
    });
    let app = Router::new()
        .route("/api/requests", post(submit))
        .route("/api/health", get(health))
        .with_state(AppState { store, settings });
    match cors {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

async fn health(State(state): State<AppState>) -> Response {
    match state.store.count() {
        Ok(n) => json(
            StatusCode::OK,
            &serde_json::json!({ "status": "ok", "stored": n }).to_string(),
        ),
        Err(e) => storage_failure(&e.0),
    }
}

fn json(status: StatusCode, body: &str) -> Response {
    let mut response = (status, body.to_owned()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn storage_failure(detail: &str) -> Response {
    eprintln!("receiver: storage failure: {detail}");
    let mut response = Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage",
        "The request could not be stored",
        "Storage is unavailable; nothing was stored. Retry later with the same Idempotency-Key.",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// A key is 1 to 255 visible ASCII characters (a UUID fits).
fn idempotency_key(headers: &HeaderMap) -> Option<String> {
    let key = headers.get(IDEMPOTENCY_KEY)?.to_str().ok()?.trim();
    let ok = !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic());
    ok.then(|| key.to_owned())
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

async fn submit(State(state): State<AppState>, request: Request<Body>) -> Response {
    let headers = request.headers().clone();
    if !is_json(&headers) {
        return Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content-type",
            "Send JSON",
            "The body must be `application/json`.",
        )
        .into_response();
    }
    let Some(key) = idempotency_key(&headers) else {
        return Problem::new(
            StatusCode::BAD_REQUEST,
            "idempotency-key",
            "Idempotency-Key is required",
            "Send an Idempotency-Key header: 1 to 255 visible ASCII characters, new for each request and the same for its retries.",
        )
        .into_response();
    };
    let max = state.settings.max_body;
    let Ok(bytes) = to_bytes(request.into_body(), max).await else {
        return Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            "The request is too large",
            format!("The body must be at most {max} bytes."),
        )
        .into_response();
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return Problem::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                "The body is not JSON",
                e.to_string(),
            )
            .into_response()
        }
    };
    let canonical = value.to_string();

    match state.store.recorded(&key) {
        Ok(Some(recorded)) => return replay(recorded, &canonical),
        Ok(None) => {}
        Err(e) => return storage_failure(&e.0),
    }

    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(SCHEMA_VERSION)) {
        let mut problem = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "schema-version",
            "Unsupported schema_version",
            format!("This receiver accepts schema_version {SCHEMA_VERSION}."),
        );
        problem.errors.push(crate::problem::ProblemField {
            field: Some("schema_version".into()),
            code: "unsupported_version".into(),
            detail: format!("expected {SCHEMA_VERSION}"),
        });
        return problem.into_response();
    }
    let sent: AssistanceRequest = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => {
            let mut problem = Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "shape",
                "The request does not match the schema",
                "See schema/request.schema.json.",
            );
            problem.errors.push(crate::problem::ProblemField {
                field: None,
                code: "schema".into(),
                detail: e.to_string(),
            });
            return problem.into_response();
        }
    };
    // The same rules as the browser, over the answers that make this request.
    let accepted = match validate(&sent.to_draft(), clock::validation_today()) {
        Ok(accepted) => accepted,
        Err(errors) => return Problem::validation(&errors).into_response(),
    };
    let stored_json = serde_json::to_string(&accepted).unwrap_or_else(|_| canonical.clone());
    let received_at = clock::timestamp_now();
    let respond = |reference: &str| {
        serde_json::json!({ "id": reference, "received_at": received_at, "status": "received" })
            .to_string()
    };
    match state
        .store
        .store(&key, &canonical, &stored_json, &received_at, respond)
    {
        Ok(Outcome::Stored {
            reference,
            response,
        }) => created(&reference, &response),
        Ok(Outcome::Existing(recorded)) => replay(recorded, &canonical),
        Err(e) => storage_failure(&e.0),
    }
}

fn created(reference: &str, body: &str) -> Response {
    let mut response = json(StatusCode::CREATED, body);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/requests/{reference}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// A retry: the first answer again, or 409 when the key came with another body.
fn replay(recorded: crate::store::Recorded, canonical: &str) -> Response {
    if recorded.body != canonical {
        return Problem::new(
            StatusCode::CONFLICT,
            "idempotency-conflict",
            "This Idempotency-Key was used with another request",
            "Use a new Idempotency-Key for a request with different content.",
        )
        .into_response();
    }
    let status = StatusCode::from_u16(recorded.status).unwrap_or(StatusCode::CREATED);
    let mut response = json(status, &recorded.response);
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}
