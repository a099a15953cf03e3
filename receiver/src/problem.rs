//! Error answers as RFC 9457 problem details (`application/problem+json`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use fasttrack_model::FieldError;
use serde::Serialize;

pub const CONTENT_TYPE: &str = "application/problem+json";

#[derive(Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One refused field: the model's field and code names, and an English sentence.
#[derive(Serialize)]
pub struct ProblemField {
    /// The field's wire name (`project_name`), or `null` when the body itself is at fault.
    pub field: Option<String>,
    pub code: String,
    pub detail: String,
}

impl Problem {
    pub fn new(status: StatusCode, slug: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("https://fasttrack-onboarding.dev/problems/{slug}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    pub fn validation(errors: &[FieldError]) -> Self {
        let mut problem = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "The request is not valid",
            "One or more fields were refused; see `errors`.",
        );
        problem.errors = errors
            .iter()
            .map(|e| ProblemField {
                field: Some(e.field.name().to_owned()),
                code: e.code.name().to_owned(),
                detail: format!(
                    "{} is refused: {}",
                    e.field.name(),
                    e.code.name().replace('_', " ")
                ),
            })
            .collect();
        problem
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self).unwrap_or_else(|_| "{}".to_owned());
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        response
    }
}
