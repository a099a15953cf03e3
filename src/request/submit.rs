//! Sending the request to the configured backend: a timeout, retries with backoff and jitter
//! (honouring `Retry-After`), and every answer of the contract turned into an [`Outcome`].
//! The decisions are plain functions ([`classify`]) so they are tested natively.

use fasttrack_model::{FieldError, Problem};
use serde::Deserialize;

pub const MAX_ATTEMPTS: u32 = 3;
/// A `Retry-After` longer than this is not waited out: the reader is told to come back.
pub const MAX_WAIT_MS: f64 = 10_000.0;

/// What one attempt gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Attempt {
    Answered {
        status: u16,
        retry_after: Option<String>,
        body: String,
    },
    TimedOut,
    /// No answer: connection refused or dropped, DNS, CORS refusal.
    NetworkError,
    /// The browser would not build the request from the settings (a header it refuses).
    Unsendable,
}

/// How the submission ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Accepted {
        reference: String,
    },
    /// `422`: the fields the backend refused (known ones), and the details of others.
    Refused {
        errors: Vec<FieldError>,
        other: Vec<String>,
    },
    Conflict,
    SignInAgain,
    TooLarge,
    Busy,
    ServerError,
    TimedOut,
    Unreachable,
    Offline,
    /// The deployment's settings keep the browser from sending (never retried).
    Unsendable,
    /// An answer the contract does not name (another 4xx, a 2xx without an id).
    Unexpected(u16),
}

impl Outcome {
    /// A stable name for hosts (`fasttrack:error`'s `reason`).
    pub fn reason(&self) -> &'static str {
        match self {
            Outcome::Accepted { .. } => "accepted",
            Outcome::Refused { .. } => "refused",
            Outcome::Conflict => "conflict",
            Outcome::SignInAgain => "sign_in_again",
            Outcome::TooLarge => "too_large",
            Outcome::Busy => "busy",
            Outcome::ServerError => "server_error",
            Outcome::TimedOut => "timed_out",
            Outcome::Unreachable => "unreachable",
            Outcome::Offline => "offline",
            Outcome::Unsendable => "unsendable",
            Outcome::Unexpected(_) => "unexpected",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Done(Outcome),
    Retry { wait_ms: f64 },
}

/// 1 s, 2 s, 4 s… plus up to half a second of jitter (`jitter` in 0..1), so that many
/// readers retrying after the same outage do not arrive together.
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    1000.0 * f64::from(2u32.saturating_pow(attempt.saturating_sub(1)))
        + 500.0 * jitter.clamp(0.0, 1.0)
}

/// `Retry-After` in seconds (the HTTP-date form is treated as absent).
pub fn retry_after_ms(header: Option<&str>) -> Option<f64> {
    header?
        .trim()
        .parse::<u32>()
        .ok()
        .map(|s| f64::from(s) * 1000.0)
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

/// A `422` body: field errors the wizard can word itself, and the rest as the backend put it
/// (see [`Problem::split`]). A body that is not a problem at all refuses with nothing to show.
pub fn refused(body: &str) -> Outcome {
    let (errors, other) = serde_json::from_str::<Problem>(body)
        .map(|problem| problem.split())
        .unwrap_or_default();
    Outcome::Refused { errors, other }
}

/// Decides what an attempt means: done (and how), or try again after a wait.
pub fn classify(attempt: &Attempt, number: u32, jitter: f64) -> Next {
    let can_retry = number < MAX_ATTEMPTS;
    let retry = |outcome: Outcome, retry_after: Option<f64>| match retry_after {
        Some(wait) if wait > MAX_WAIT_MS => Next::Done(outcome),
        Some(wait) if can_retry => Next::Retry { wait_ms: wait },
        None if can_retry => Next::Retry {
            wait_ms: backoff_ms(number, jitter),
        },
        _ => Next::Done(outcome),
    };
    match attempt {
        Attempt::TimedOut => retry(Outcome::TimedOut, None),
        Attempt::NetworkError => retry(Outcome::Unreachable, None),
        Attempt::Unsendable => Next::Done(Outcome::Unsendable),
        Attempt::Answered {
            status,
            retry_after,
            body,
        } => {
            let wait = retry_after_ms(retry_after.as_deref());
            match status {
                200 | 201 => Next::Done(match serde_json::from_str::<Created>(body) {
                    Ok(created) if !created.id.trim().is_empty() => Outcome::Accepted {
                        reference: created.id,
                    },
                    _ => Outcome::Unexpected(*status),
                }),
                401 | 403 => Next::Done(Outcome::SignInAgain),
                409 => Next::Done(Outcome::Conflict),
                413 => Next::Done(Outcome::TooLarge),
                422 => Next::Done(refused(body)),
                429 | 503 => retry(Outcome::Busy, wait),
                500..=599 => retry(Outcome::ServerError, wait),
                other => Next::Done(Outcome::Unexpected(*other)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fasttrack_model::{ErrorCode, Field};

    fn answered(status: u16, retry_after: Option<&str>, body: &str) -> Attempt {
        Attempt::Answered {
            status,
            retry_after: retry_after.map(str::to_owned),
            body: body.to_owned(),
        }
    }

    #[test]
    fn success_carries_the_reference() {
        let next = classify(&answered(201, None, r#"{"id":"FT-2026-000007"}"#), 1, 0.0);
        assert_eq!(
            next,
            Next::Done(Outcome::Accepted {
                reference: "FT-2026-000007".into()
            })
        );
        assert_eq!(
            classify(&answered(200, None, r#"{"id":"A1"}"#), 1, 0.0),
            Next::Done(Outcome::Accepted {
                reference: "A1".into()
            })
        );
        assert_eq!(
            classify(&answered(201, None, "not json"), 1, 0.0),
            Next::Done(Outcome::Unexpected(201))
        );
    }

    #[test]
    fn network_errors_timeouts_and_5xx_are_retried_then_reported() {
        for (attempt, outcome) in [
            (Attempt::NetworkError, Outcome::Unreachable),
            (Attempt::TimedOut, Outcome::TimedOut),
            (answered(500, None, ""), Outcome::ServerError),
            (answered(502, None, ""), Outcome::ServerError),
            (answered(503, None, ""), Outcome::Busy),
            (answered(429, None, ""), Outcome::Busy),
        ] {
            assert_eq!(classify(&attempt, 1, 0.0), Next::Retry { wait_ms: 1000.0 });
            assert_eq!(classify(&attempt, 2, 1.0), Next::Retry { wait_ms: 2500.0 });
            assert_eq!(classify(&attempt, MAX_ATTEMPTS, 0.0), Next::Done(outcome));
        }
    }

    #[test]
    fn retry_after_is_honoured_unless_it_is_too_long() {
        assert_eq!(
            classify(&answered(503, Some("2"), ""), 1, 0.9),
            Next::Retry { wait_ms: 2000.0 }
        );
        assert_eq!(
            classify(&answered(429, Some(" 0 "), ""), 2, 0.0),
            Next::Retry { wait_ms: 0.0 }
        );
        assert_eq!(
            classify(&answered(503, Some("120"), ""), 1, 0.0),
            Next::Done(Outcome::Busy)
        );
        // An HTTP-date is not parsed: the usual backoff applies.
        assert_eq!(
            classify(
                &answered(503, Some("Wed, 21 Oct 2026 07:28:00 GMT"), ""),
                1,
                0.0
            ),
            Next::Retry { wait_ms: 1000.0 }
        );
    }

    #[test]
    fn a_request_the_browser_will_not_build_is_reported_at_once() {
        assert_eq!(
            classify(&Attempt::Unsendable, 1, 0.0),
            Next::Done(Outcome::Unsendable)
        );
    }

    #[test]
    fn client_errors_are_never_retried() {
        assert_eq!(
            classify(&answered(401, None, ""), 1, 0.0),
            Next::Done(Outcome::SignInAgain)
        );
        assert_eq!(
            classify(&answered(403, None, ""), 1, 0.0),
            Next::Done(Outcome::SignInAgain)
        );
        assert_eq!(
            classify(&answered(409, None, ""), 1, 0.0),
            Next::Done(Outcome::Conflict)
        );
        assert_eq!(
            classify(&answered(413, None, ""), 1, 0.0),
            Next::Done(Outcome::TooLarge)
        );
        assert_eq!(
            classify(&answered(404, None, ""), 1, 0.0),
            Next::Done(Outcome::Unexpected(404))
        );
    }

    #[test]
    fn a_422_names_known_fields_and_keeps_other_details() {
        let body = r#"{"status":422,"errors":[
            {"field":"licences","code":"below_fasttrack_minimum","detail":"too few"},
            {"field":"tenant_id","code":"unknown_tenant","detail":"No such tenant"},
            {"field":null,"code":"schema"}
        ]}"#;
        let Next::Done(Outcome::Refused { errors, other }) =
            classify(&answered(422, None, body), 1, 0.0)
        else {
            panic!("not refused")
        };
        assert_eq!(
            errors,
            [FieldError {
                field: Field::Licences,
                code: ErrorCode::BelowFastTrackMinimum
            }]
        );
        assert_eq!(other, ["No such tenant", "schema"]);
        assert_eq!(
            refused(r#"{"detail":"Closed for maintenance"}"#),
            Outcome::Refused {
                errors: vec![],
                other: vec!["Closed for maintenance".into()]
            }
        );
        assert_eq!(
            refused("<html>"),
            Outcome::Refused {
                errors: vec![],
                other: vec![]
            }
        );
    }

    #[test]
    fn a_422_entrys_text_is_its_detail_then_message_then_title_then_code() {
        let body = r#"{"title":"Unprocessable","errors":[
            {"field":"tenant_id","code":"a","detail":"By detail","message":"m","title":"t"},
            {"field":"tenant_id","code":"b","message":"By message","title":"t"},
            {"field":"tenant_id","code":"c","title":"By title"},
            {"field":"tenant_id","code":"by_code"}
        ]}"#;
        assert_eq!(
            refused(body),
            Outcome::Refused {
                errors: vec![],
                other: vec![
                    "By detail".into(),
                    "By message".into(),
                    "By title".into(),
                    "by_code".into()
                ]
            }
        );
    }
}
