//! What a `POST` must bring, each refused with its own problem: a JSON content type (`415`),
//! an `Idempotency-Key` (`400`), a whole body (`400` when it breaks off, `408` when it stops
//! coming) of at most [`MaxBody`] bytes (`413`) that parses as JSON (`400`).

use crate::problem::ApiProblem;
use axum::body::to_bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use fasttrack_model::Problem;
use http_body_util::LengthLimitError;
use std::error::Error;
use tower_http::timeout::TimeoutError;

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// The largest body [`JsonBody`] reads, in bytes; the router's state provides it.
#[derive(Clone, Copy, Debug)]
pub struct MaxBody(pub usize);

/// The request says its body is `application/json` (parameters such as `charset` allowed).
/// A parts extractor of its own so a handler can check it before [`IdempotencyKey`]: axum runs
/// parts extractors in order and the body extractor last.
#[derive(Clone, Copy, Debug)]
pub struct JsonContentType;

impl JsonContentType {
    fn check(headers: &HeaderMap) -> Result<Self, ApiProblem> {
        let is_json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE.as_u16(),
                "content-type",
                "Send JSON",
                "The body must be `application/json`.",
            )
            .into());
        }
        Ok(JsonContentType)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for JsonContentType {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        JsonContentType::check(&parts.headers)
    }
}

/// The `Idempotency-Key` header: 1 to 255 visible ASCII characters (a UUID fits), trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(pub String);

impl IdempotencyKey {
    fn parse(headers: &HeaderMap) -> Option<Self> {
        let key = headers.get(IDEMPOTENCY_KEY)?.to_str().ok()?.trim();
        let ok = !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic());
        ok.then(|| IdempotencyKey(key.to_owned()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        IdempotencyKey::parse(&parts.headers).ok_or_else(|| {
            Problem::new(
                StatusCode::BAD_REQUEST.as_u16(),
                "idempotency-key",
                "Idempotency-Key is required",
                "Send an Idempotency-Key header: 1 to 255 visible ASCII characters, new for each request and the same for its retries.",
            )
            .into()
        })
    }
}

/// A JSON body of at most [`MaxBody`] bytes, as a value: the handler needs its canonical form
/// (for idempotency) before it is judged against the schema. Checks the content type itself
/// too, so it is safe without [`JsonContentType`].
#[derive(Clone, Debug)]
pub struct JsonBody(pub serde_json::Value);

impl<S> FromRequest<S> for JsonBody
where
    S: Send + Sync,
    MaxBody: FromRef<S>,
{
    type Rejection = ApiProblem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        JsonContentType::check(request.headers())?;
        let MaxBody(max) = MaxBody::from_ref(state);
        let bytes = to_bytes(request.into_body(), max)
            .await
            .map_err(|e| body_problem(&e, max))?;
        let value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiProblem::from(Problem::new(
                StatusCode::BAD_REQUEST.as_u16(),
                "malformed",
                "The body is not JSON",
                e.to_string(),
            ))
        })?;
        Ok(JsonBody(value))
    }
}

/// Why a body could not be read, told apart by the error's chain of sources: longer than
/// `max` (`413`), its next part too slow to come (`408`, see [`crate::limits`]), or broken
/// off by the client or the network (`400`).
pub fn body_problem(error: &(dyn Error + 'static), max: usize) -> ApiProblem {
    let mut cause = Some(error);
    while let Some(e) = cause {
        if e.is::<LengthLimitError>() {
            return Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
                "too-large",
                "The request is too large",
                format!("The body must be at most {max} bytes."),
            )
            .into();
        }
        if e.is::<TimeoutError>() {
            return ApiProblem::from(Problem::new(
                StatusCode::REQUEST_TIMEOUT.as_u16(),
                "body-timeout",
                "The body stopped arriving",
                "The rest of the body did not come in time; nothing was stored. Send the request again with the same Idempotency-Key.",
            ))
            .close_connection();
        }
        cause = e.source();
    }
    Problem::new(
        StatusCode::BAD_REQUEST.as_u16(),
        "incomplete-body",
        "The body did not arrive whole",
        "The body broke off before its end; nothing was stored. Send the request again with the same Idempotency-Key.",
    )
    .into()
}
