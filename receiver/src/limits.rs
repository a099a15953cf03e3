//! What keeps a slow or greedy client from holding the receiver: a deadline for each request's
//! head (kept by [`crate::server`]), one for each wait between parts of a body, one for the
//! whole request, and a bound on the requests handled at once.
//!
//! A request takes one of the bounded places only once its body has arrived whole: a client
//! that trickles its body (a byte every few seconds) waits for the deadlines without a place,
//! so a crowd of them cannot keep normal clients out. Reading a body costs a connection and at
//! most `--max-body` bytes of memory.

use crate::extract::body_problem;
use crate::problem::ApiProblem;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use fasttrack_model::Problem;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tower_http::timeout::RequestBodyTimeoutLayer;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// From a connection's first byte (or its last answer) to the end of a request's head;
    /// then the connection is closed.
    pub header_read_timeout: Duration,
    /// The longest wait for the next part of a body: then `408`.
    pub body_read_timeout: Duration,
    /// From a request's head to its answer: then `408`.
    pub request_timeout: Duration,
    /// Requests handled at once; the next ones are answered `503` with `Retry-After`.
    pub max_in_flight: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: Duration::from_secs(5),
            body_read_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(10),
            max_in_flight: 64,
        }
    }
}

/// Seconds a refused client is told to wait: requests are short, a place frees soon.
pub const BUSY_RETRY_AFTER: u32 = 1;

/// The router with, from the outside in: the request's deadline, the body's (between its
/// parts), the body read whole (at most `max_body` bytes), then the bound on requests under
/// way, so that only requests ready to be handled hold a place.
pub fn apply(router: Router, limits: &Limits, max_body: usize) -> Router {
    let permits = Arc::new(Semaphore::new(
        limits.max_in_flight.min(Semaphore::MAX_PERMITS),
    ));
    router
        .layer(from_fn_with_state(permits, in_flight))
        .layer(from_fn_with_state(max_body, read_body))
        .layer(RequestBodyTimeoutLayer::new(limits.body_read_timeout))
        .layer(from_fn_with_state(limits.request_timeout, deadline))
}

/// Reads the body whole before the request goes on; one that is too long, too slow or broken
/// off is answered here (see [`body_problem`]), without a place among those under way.
async fn read_body(State(max_body): State<usize>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    match to_bytes(body, max_body).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(e) => body_problem(&e, max_body).into_response(),
    }
}

async fn in_flight(
    State(permits): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    match permits.try_acquire() {
        Ok(_permit) => next.run(request).await,
        Err(_) => ApiProblem::from(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE.as_u16(),
            "busy",
            "The receiver is busy",
            "Too many requests are under way; nothing was stored. Retry later with the same Idempotency-Key.",
        ))
        .retry_after(BUSY_RETRY_AFTER)
        .into_response(),
    }
}

/// When a request's storing must be over: a little before its deadline, so that a request
/// stored is answered with its reference, never with a `408`. (A write runs on the blocking
/// pool, which the deadline cannot stop; the store gives up waiting for a lock by this time.)
#[derive(Clone, Copy, Debug)]
pub struct StoreBy(pub Instant);

/// The time kept between the end of storing and the request's deadline.
fn answer_margin(limit: Duration) -> Duration {
    (limit / 4).min(Duration::from_secs(1))
}

async fn deadline(State(limit): State<Duration>, mut request: Request, next: Next) -> Response {
    let store_by = Instant::now() + limit - answer_margin(limit);
    request.extensions_mut().insert(StoreBy(store_by));
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiProblem::from(Problem::new(
            StatusCode::REQUEST_TIMEOUT.as_u16(),
            "timeout",
            "The request took too long",
            format!(
                "The request was not answered within {limit:?}; nothing was stored. Send it again with the same Idempotency-Key."
            ),
        ))
        .close_connection()
        .into_response(),
    }
}
