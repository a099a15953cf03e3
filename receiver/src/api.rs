//! The contract (schema/openapi.yaml): `POST /api/requests` and `GET /api/health`.

use crate::clock;
use crate::extract::{IdempotencyKey, JsonBody, JsonContentType, MaxBody};
use crate::limits::{self, Limits, StoreBy};
use crate::origin::Origin;
use crate::problem::ApiProblem;
use crate::store::{Outcome, Recorded, Store, StoreError};
use axum::extract::{FromRef, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Extension;
use axum::Router;
use fasttrack_model::{validate, AssistanceRequest, Problem, SCHEMA_VERSION};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use crate::extract::IDEMPOTENCY_KEY;

#[derive(Clone, Debug)]
pub struct Settings {
    /// Origins allowed to call from a browser on another origin, with credentials.
    pub allowed_origins: Vec<Origin>,
    /// Request headers such a caller may send besides `Content-Type` and `Idempotency-Key`:
    /// those a deployment's `headers` setting adds (`X-CSRF-Token`, `Authorization`).
    pub allowed_headers: Vec<HeaderName>,
    /// The largest body accepted, in bytes.
    pub max_body: usize,
    /// Deadlines and the bound on requests under way.
    pub limits: Limits,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allowed_origins: Vec::new(),
            allowed_headers: Vec::new(),
            max_body: 64 * 1024,
            limits: Limits::default(),
        }
    }
}

#[derive(Clone)]
struct AppState {
    store: Store,
    settings: Settings,
}

impl FromRef<AppState> for MaxBody {
    fn from_ref(state: &AppState) -> Self {
        MaxBody(state.settings.max_body)
    }
}

pub fn router(store: Store, settings: Settings) -> Router {
    let cors = (!settings.allowed_origins.is_empty()).then(|| {
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(
                settings.allowed_origins.iter().map(Origin::header_value),
            ))
            .allow_methods([Method::POST, Method::GET])
            .allow_headers(
                [
                    header::CONTENT_TYPE,
                    HeaderName::from_static(IDEMPOTENCY_KEY),
                ]
                .into_iter()
                .chain(settings.allowed_headers.iter().cloned())
                .collect::<Vec<_>>(),
            )
            .expose_headers([header::RETRY_AFTER])
            .allow_credentials(true)
            // A browser asks again at most every ten minutes, not before every POST.
            .max_age(std::time::Duration::from_secs(600))
    });
    let limits = settings.limits;
    let max_body = settings.max_body;
    let app = Router::new()
        .route("/api/requests", post(submit))
        .route("/api/health", get(health))
        .with_state(AppState { store, settings });
    let app = limits::apply(app, &limits, max_body);
    match cors {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

/// Up when the database answers. It says nothing about what is stored: that is no one's
/// business on the web (the operator has `receiver --count`).
/// Its read runs on a connection of its own with a 50 ms busy timeout, so it answers quickly
/// even while a write waits for a lock: `200` when that read succeeds (in WAL mode a write
/// held elsewhere does not block it), else `503` (`storage-busy` for a lock).
async fn health(State(state): State<AppState>) -> Result<Response, ApiProblem> {
    blocking(&state.store, |store| store.check()).await?;
    Ok(json(StatusCode::OK, r#"{"status":"ok"}"#))
}

/// A store call on tokio's blocking pool: SQLite calls block (on the disk, on a lock another
/// connection holds, up to the busy timeout) and must not hold an async worker.
async fn blocking<T: Send + 'static>(
    store: &Store,
    call: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || call(&store))
        .await
        .unwrap_or_else(|e| Err(StoreError::new(format!("the storage task failed: {e}"))))
}

fn json(status: StatusCode, body: &str) -> Response {
    let mut response = (status, body.to_owned()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Storage failed: nothing was stored, so the same request may come again.
impl From<StoreError> for ApiProblem {
    fn from(e: StoreError) -> Self {
        eprintln!("receiver: storage failure: {}", e.message);
        if e.busy {
            return ApiProblem::from(Problem::new(
                StatusCode::SERVICE_UNAVAILABLE.as_u16(),
                "storage-busy",
                "The database is busy",
                "The database stayed locked by another connection longer than the busy timeout; \
                 nothing was stored. Retry later with the same Idempotency-Key.",
            ))
            .retry_after(STORAGE_RETRY_AFTER);
        }
        ApiProblem::from(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE.as_u16(),
            "storage",
            "The request could not be stored",
            "Storage is unavailable; nothing was stored. Retry later with the same Idempotency-Key.",
        ))
        .retry_after(STORAGE_RETRY_AFTER)
    }
}

/// Seconds a client is asked to wait after a storage failure.
const STORAGE_RETRY_AFTER: u32 = 5;

/// The content type is checked before the key (a parts extractor of its own): the order of
/// the refusals is part of the contract's behaviour. The body is read last.
async fn submit(
    State(state): State<AppState>,
    _: JsonContentType,
    IdempotencyKey(key): IdempotencyKey,
    store_by: Option<Extension<StoreBy>>,
    JsonBody(value): JsonBody,
) -> Result<Response, ApiProblem> {
    let store_by = store_by.map(|Extension(StoreBy(by))| by);
    let canonical = value.to_string();

    // A retry is answered as the first time, whatever changed in the receiver since.
    let lookup = key.clone();
    if let Some(recorded) = blocking(&state.store, move |store| store.recorded(&lookup)).await? {
        return replay(recorded, &canonical);
    }

    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(SCHEMA_VERSION)) {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY.as_u16(),
            "schema-version",
            "Unsupported schema_version",
            format!("This receiver accepts schema_version {SCHEMA_VERSION}."),
        )
        .with_error(
            Some("schema_version"),
            "unsupported_version",
            format!("expected {SCHEMA_VERSION}"),
        )
        .into());
    }
    let sent: AssistanceRequest = serde_json::from_value(value).map_err(|e| {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY.as_u16(),
            "shape",
            "The request does not match the schema",
            "See schema/request.schema.json.",
        )
        .with_error(None, "schema", e.to_string())
    })?;
    // The same rules as the browser, over the answers that make this request.
    let accepted = validate(&sent.to_draft(), clock::validation_today())
        .map_err(|errors| Problem::validation(&errors))?;
    let stored_json = serde_json::to_string(&accepted).unwrap_or_else(|_| canonical.clone());
    let received_at = clock::timestamp_now();
    let body = canonical.clone();
    let outcome = blocking(&state.store, move |store| {
        let respond = |reference: &str| {
            serde_json::json!({ "id": reference, "received_at": received_at, "status": "received" })
                .to_string()
        };
        store.store_by(store_by, &key, &body, &stored_json, &received_at, respond)
    })
    .await?;
    match outcome {
        // No Location: there is no route to read a stored request back.
        Outcome::Stored { response, .. } => Ok(json(StatusCode::CREATED, &response)),
        Outcome::Existing(recorded) => replay(recorded, &canonical),
    }
}

/// A retry: the first answer again, or 409 when the key came with another body.
fn replay(recorded: Recorded, canonical: &str) -> Result<Response, ApiProblem> {
    if !recorded.same_body(canonical) {
        return Err(Problem::new(
            StatusCode::CONFLICT.as_u16(),
            "idempotency-conflict",
            "This Idempotency-Key was used with another request",
            "Use a new Idempotency-Key for a request with different content.",
        )
        .into());
    }
    let status = StatusCode::from_u16(recorded.status).unwrap_or(StatusCode::CREATED);
    let mut response = json(status, &recorded.response);
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(response)
}
