//! Error answers: the model's [`Problem`] sent as `application/problem+json`. A newtype,
//! because axum's `IntoResponse` cannot be implemented for the model's (foreign) type.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use fasttrack_model::Problem;

pub const CONTENT_TYPE: &str = "application/problem+json";

#[derive(Debug)]
pub struct ApiProblem {
    pub problem: Problem,
    /// Seconds for `Retry-After`, for answers worth retrying.
    pub retry_after: Option<u32>,
    /// Sends `Connection: close`: for an answer given before the request was read whole.
    pub close: bool,
}

impl ApiProblem {
    pub fn retry_after(mut self, seconds: u32) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    pub fn close_connection(mut self) -> Self {
        self.close = true;
        self
    }
}

impl From<Problem> for ApiProblem {
    fn from(problem: Problem) -> Self {
        ApiProblem {
            problem,
            retry_after: None,
            close: false,
        }
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self.problem).unwrap_or_else(|_| "{}".to_owned());
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.close {
            headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}
