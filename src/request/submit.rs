//! Sending the request to the configured backend: a timeout, retries with backoff and jitter
//! (honouring `Retry-After`), and every answer of the contract turned into an [`Outcome`].
//! The decisions are plain functions ([`classify`]) so they are tested natively.

use fasttrack_model::{Problem, Refusal};
use serde::de::{Deserializer, Visitor};
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
        /// The answer's `Content-Type`, when it has one.
        content_type: Option<String>,
        body: String,
    },
    /// A redirect (requests are sent with `redirect: "manual"`): not the backend's answer but,
    /// almost always, a single-sign-on gateway sending the reader to its sign-in page.
    Redirected,
    TimedOut,
    /// No answer: connection refused or dropped, DNS, CORS refusal.
    NetworkError,
    /// The browser would not build the request from the settings (a header it refuses).
    Unsendable,
}

/// How the submission ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The contract's acceptance: a `2xx` with a JSON body, or an empty `201`, `202` or `204`.
    /// `reference` is the body's `id`, when it gave a usable one (an acceptance without one is
    /// still an acceptance: never a reason to send again).
    Accepted {
        reference: Option<String>,
    },
    /// `422`: the answers the backend refused (each shown on its question), and what it said
    /// about nothing the reader answered (shown on the review).
    Refused {
        errors: Vec<Refusal>,
        other: Vec<String>,
    },
    Conflict,
    /// `401`/`403`, a redirect, or an HTML page where the backend's answer should be (a
    /// gateway's sign-in page): nothing was sent to the backend.
    SignInAgain,
    TooLarge,
    /// `429`, `503`, or any retried answer whose `Retry-After` is longer than the client
    /// waits: `wait_minutes` is how long the service asked for, when it did.
    Busy {
        wait_minutes: Option<u32>,
    },
    ServerError,
    TimedOut,
    Unreachable,
    Offline,
    /// The deployment's settings keep the browser from sending (never retried).
    Unsendable,
    /// An answer the contract does not name (another 4xx, a 2xx that is neither JSON nor
    /// empty).
    Unexpected(u16),
}

impl Outcome {
    /// Whether sending the same answers again can succeed (the review offers "Try again"):
    /// not after a refusal of the answers, nor when the settings keep the browser from sending.
    pub fn worth_retrying(&self) -> bool {
        !matches!(self, Outcome::Refused { .. } | Outcome::Unsendable)
    }

    /// A stable name for hosts (`fasttrack:error`'s `reason`).
    pub fn reason(&self) -> &'static str {
        match self {
            Outcome::Accepted { .. } => "accepted",
            Outcome::Refused { .. } => "refused",
            Outcome::Conflict => "conflict",
            Outcome::SignInAgain => "sign_in_again",
            Outcome::TooLarge => "too_large",
            Outcome::Busy { .. } => "busy",
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

/// `Retry-After` as a wait in milliseconds from `now_ms` (milliseconds since the Unix epoch):
/// delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`; a date already past
/// is no wait). `None` for anything else.
pub fn retry_after_ms(header: Option<&str>, now_ms: f64) -> Option<f64> {
    let header = header?.trim();
    if let Ok(seconds) = header.parse::<u32>() {
        return Some(f64::from(seconds) * 1000.0);
    }
    http_date_ms(header).map(|at| (at - now_ms).max(0.0))
}

/// An HTTP-date in its preferred form (IMF-fixdate, RFC 9110 §5.6.7) as milliseconds since the
/// Unix epoch.
fn http_date_ms(text: &str) -> Option<f64> {
    // "Wed, 21 Oct 2026 07:28:00 GMT"
    let (_, rest) = text.split_once(", ")?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let day: i64 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: i64 = year.parse().ok().filter(|y| (1970..=9999).contains(y))?;
    let mut hms = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + h * 3600 + m * 60 + s) * 1000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A wait in whole minutes, rounded up ("about 2 minutes" for 61 s).
fn minutes(ms: f64) -> u32 {
    (ms / 60_000.0).ceil().clamp(1.0, f64::from(u32::MAX)) as u32
}

/// A `2xx` body: the contract's `{"id": …}`.
#[derive(Deserialize)]
struct Created {
    id: Id,
}

/// An `id` as its text: a string as it is, a whole number in digits; anything else (a fraction,
/// an object, null) is no reference.
struct Id(Option<String>);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a whole number")
            }
            fn visit_str<E>(self, text: &str) -> Result<Id, E> {
                Ok(Id(Some(text.trim().to_owned())))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Id, E> {
                Ok(Id(Some(n.to_string())))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Id, E> {
                Ok(Id(Some(n.to_string())))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Id, E> {
                // Whole numbers up to 2^53 read as JSON numbers do in the browser.
                let whole = n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0;
                Ok(Id(whole.then(|| (n as i64).to_string())))
            }
        }
        deserializer.deserialize_any(Text)
    }
}

/// The reference in a `2xx` body: its `id`, a string or a whole number, with something
/// visible and no control characters, at most 200 characters.
fn reference(body: &str) -> Option<String> {
    let Created { id: Id(id) } = crate::json::from_text(body).ok()?;
    let id = id?;
    let usable = !fasttrack_model::text::trim(&id).is_empty()
        && id.chars().count() <= 200
        && !id.chars().any(char::is_control);
    usable.then_some(id)
}

/// A `422` body: field errors the wizard can word itself, and the rest as the backend put it
/// (see [`Problem::split`]). A body that is not a problem at all refuses with nothing to show.
pub fn refused(body: &str) -> Outcome {
    let (errors, other) = crate::json::from_text::<Problem>(body)
        .map(|problem| problem.split())
        .unwrap_or_default();
    Outcome::Refused { errors, other }
}

/// A `Content-Type`'s media type, lower-cased, without its parameters (`charset`, …).
fn media_type(content_type: Option<&str>) -> Option<String> {
    let essence = content_type?.split(';').next()?;
    Some(essence.trim().to_ascii_lowercase())
}

/// Whether a `Content-Type` names JSON: `application/json`, or any `+json` type such as
/// `application/problem+json`.
fn is_json(content_type: Option<&str>) -> bool {
    media_type(content_type).is_some_and(|t| {
        t == "application/json" || (t.starts_with("application/") && t.ends_with("+json"))
    })
}

/// Whether a `Content-Type` names an HTML page: what a gateway's sign-in page is.
fn is_html(content_type: Option<&str>) -> bool {
    media_type(content_type).is_some_and(|t| t == "text/html" || t == "application/xhtml+xml")
}

/// A `2xx`: an acceptance only when it is the contract's answer (a JSON body, or an empty
/// `201`/`202`/`204`). An HTML page in its place is a gateway's (sign in again); anything else
/// is an answer the app does not understand. Neither is taken for an acceptance: the answers
/// stay, and the same request (the same key) can be sent again.
fn success(status: u16, content_type: Option<&str>, body: &str) -> Outcome {
    if is_json(content_type) {
        Outcome::Accepted {
            reference: reference(body),
        }
    } else if matches!(status, 201 | 202 | 204) && body.trim().is_empty() {
        Outcome::Accepted { reference: None }
    } else if is_html(content_type) || body.trim_start().starts_with('<') {
        Outcome::SignInAgain
    } else {
        Outcome::Unexpected(status)
    }
}

/// Decides what an attempt means: done (and how), or try again after a wait. `now_ms` (since
/// the Unix epoch) reads a `Retry-After` given as a date.
pub fn classify(attempt: &Attempt, number: u32, jitter: f64, now_ms: f64) -> Next {
    let can_retry = number < MAX_ATTEMPTS;
    let retry = |outcome: Outcome, retry_after: Option<f64>| match retry_after {
        // Longer than we wait: the reader is told how long the service asked for.
        Some(wait) if wait > MAX_WAIT_MS => Next::Done(Outcome::Busy {
            wait_minutes: Some(minutes(wait)),
        }),
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
        Attempt::Redirected => Next::Done(Outcome::SignInAgain),
        Attempt::Answered {
            status,
            retry_after,
            content_type,
            body,
        } => {
            let wait = retry_after_ms(retry_after.as_deref(), now_ms);
            match status {
                200..=299 => Next::Done(success(*status, content_type.as_deref(), body)),
                401 | 403 => Next::Done(Outcome::SignInAgain),
                // The backend gave up waiting for the body and kept nothing (the reference
                // receiver says so): the same body under the same idempotency key is safe again.
                408 => retry(Outcome::TimedOut, wait),
                409 => Next::Done(Outcome::Conflict),
                413 => Next::Done(Outcome::TooLarge),
                422 => Next::Done(refused(body)),
                429 | 503 => retry(Outcome::Busy { wait_minutes: None }, wait),
                500..=599 => retry(Outcome::ServerError, wait),
                other => Next::Done(Outcome::Unexpected(*other)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fasttrack_model::{ErrorCode, Field, Reason};

    /// An answer; its body is JSON when it looks like JSON (as the receiver and most backends
    /// label it), else it has no content type.
    fn answered(status: u16, retry_after: Option<&str>, body: &str) -> Attempt {
        let json = body.starts_with(['{', '[']);
        typed(
            status,
            retry_after,
            json.then_some("application/json"),
            body,
        )
    }

    fn typed(
        status: u16,
        retry_after: Option<&str>,
        content_type: Option<&str>,
        body: &str,
    ) -> Attempt {
        Attempt::Answered {
            status,
            retry_after: retry_after.map(str::to_owned),
            content_type: content_type.map(str::to_owned),
            body: body.to_owned(),
        }
    }

    #[test]
    fn success_carries_the_reference() {
        let next = classify(
            &answered(201, None, r#"{"id":"FT-2026-000007"}"#),
            1,
            0.0,
            NOW,
        );
        assert_eq!(
            next,
            Next::Done(Outcome::Accepted {
                reference: Some("FT-2026-000007".into())
            })
        );
        assert_eq!(
            classify(&answered(200, None, r#"{"id":"A1"}"#), 1, 0.0, NOW),
            Next::Done(Outcome::Accepted {
                reference: Some("A1".into())
            })
        );
        assert_eq!(
            classify(&answered(201, None, r#"{"id":42}"#), 1, 0.0, NOW),
            Next::Done(Outcome::Accepted {
                reference: Some("42".into())
            })
        );
    }

    #[test]
    fn a_json_2xx_without_a_usable_id_is_still_an_acceptance() {
        for body in [
            "not json",
            "",
            "{}",
            r#"{"id":""}"#,
            r#"{"id":"  "}"#,
            r#"{"id":"\u200b"}"#,
            r#"{"id":null}"#,
            r#"{"id":{"x":1}}"#,
            r#"{"id":"a\nb"}"#,
        ] {
            for content_type in [
                "application/json",
                "application/json; charset=utf-8",
                "Application/Vnd.Api+JSON",
            ] {
                assert_eq!(
                    classify(&typed(201, None, Some(content_type), body), 1, 0.0, NOW),
                    Next::Done(Outcome::Accepted { reference: None }),
                    "{content_type} {body}"
                );
            }
        }
        // An empty 201, 202 or 204, whatever it says its type is, is the contract's answer too.
        for status in [201, 202, 204] {
            for content_type in [None, Some("text/plain")] {
                assert_eq!(
                    classify(&typed(status, None, content_type, ""), 1, 0.0, NOW),
                    Next::Done(Outcome::Accepted { reference: None }),
                    "{status} {content_type:?}"
                );
            }
        }
    }

    /// A gateway whose session expired answers the POST with its sign-in page: followed, that
    /// is a `200 text/html`; not followed, a redirect. Neither reached the backend.
    #[test]
    fn a_sign_in_page_or_a_redirect_is_not_an_acceptance() {
        let page = "<!doctype html><title>Sign in</title><form action=/login>";
        for attempt in [
            Attempt::Redirected,
            typed(200, None, Some("text/html; charset=utf-8"), page),
            typed(201, None, Some("application/xhtml+xml"), page),
            typed(200, None, None, page),
        ] {
            assert_eq!(
                classify(&attempt, 1, 0.0, NOW),
                Next::Done(Outcome::SignInAgain),
                "{attempt:?}"
            );
        }
        assert!(Outcome::SignInAgain.worth_retrying());
        // Other answers that are not the contract's: not understood, not accepted.
        for attempt in [
            typed(200, None, Some("text/plain"), "OK"),
            typed(200, None, None, ""),
            typed(206, None, None, ""),
        ] {
            let Attempt::Answered { status, .. } = attempt else {
                unreachable!()
            };
            assert_eq!(
                classify(&attempt, 1, 0.0, NOW),
                Next::Done(Outcome::Unexpected(status)),
                "{attempt:?}"
            );
        }
    }

    #[test]
    fn network_errors_timeouts_and_5xx_are_retried_then_reported() {
        for (attempt, outcome) in [
            (Attempt::NetworkError, Outcome::Unreachable),
            (Attempt::TimedOut, Outcome::TimedOut),
            (answered(408, None, ""), Outcome::TimedOut),
            (answered(500, None, ""), Outcome::ServerError),
            (answered(502, None, ""), Outcome::ServerError),
            (
                answered(503, None, ""),
                Outcome::Busy { wait_minutes: None },
            ),
            (
                answered(429, None, ""),
                Outcome::Busy { wait_minutes: None },
            ),
        ] {
            assert_eq!(
                classify(&attempt, 1, 0.0, NOW),
                Next::Retry { wait_ms: 1000.0 }
            );
            assert_eq!(
                classify(&attempt, 2, 1.0, NOW),
                Next::Retry { wait_ms: 2500.0 }
            );
            assert_eq!(
                classify(&attempt, MAX_ATTEMPTS, 0.0, NOW),
                Next::Done(outcome)
            );
        }
    }

    /// 2026-10-21T07:28:00Z, in milliseconds since the Unix epoch.
    const NOW: f64 = 1_792_567_680_000.0;

    #[test]
    fn retry_after_is_honoured_unless_it_is_too_long() {
        assert_eq!(
            classify(&answered(503, Some("2"), ""), 1, 0.9, NOW),
            Next::Retry { wait_ms: 2000.0 }
        );
        assert_eq!(
            classify(&answered(429, Some(" 0 "), ""), 2, 0.0, NOW),
            Next::Retry { wait_ms: 0.0 }
        );
        // Longer than the client waits: the reader is told how long, in minutes.
        assert_eq!(
            classify(&answered(503, Some("120"), ""), 1, 0.0, NOW),
            Next::Done(Outcome::Busy {
                wait_minutes: Some(2)
            })
        );
        assert_eq!(
            classify(&answered(500, Some("61"), ""), 1, 0.0, NOW),
            Next::Done(Outcome::Busy {
                wait_minutes: Some(2)
            })
        );
    }

    #[test]
    fn retry_after_as_an_http_date_is_a_wait_from_now() {
        let at = |header| retry_after_ms(Some(header), NOW);
        assert_eq!(at("Wed, 21 Oct 2026 07:28:05 GMT"), Some(5000.0));
        assert_eq!(at("Wed, 21 Oct 2026 07:27:00 GMT"), Some(0.0));
        assert_eq!(at("Thu, 22 Oct 2026 07:28:00 GMT"), Some(86_400_000.0));
        assert_eq!(at("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:01 GMT"), Some(1000.0));
        assert_eq!(
            http_date_ms("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400_000.0)
        );
        for bad in [
            "soon",
            "Wed, 21 Oct 2026 07:28:00 CET",
            "Wed, 32 Oct 2026 07:28:00 GMT",
            "-5",
            "",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
        assert_eq!(
            classify(
                &answered(503, Some("Wed, 21 Oct 2026 07:28:03 GMT"), ""),
                1,
                0.0,
                NOW
            ),
            Next::Retry { wait_ms: 3000.0 }
        );
        assert_eq!(
            classify(
                &answered(503, Some("Wed, 21 Oct 2026 08:00:00 GMT"), ""),
                1,
                0.0,
                NOW
            ),
            Next::Done(Outcome::Busy {
                wait_minutes: Some(32)
            })
        );
    }

    #[test]
    fn a_request_the_browser_will_not_build_is_reported_at_once() {
        assert_eq!(
            classify(&Attempt::Unsendable, 1, 0.0, NOW),
            Next::Done(Outcome::Unsendable)
        );
    }

    #[test]
    fn client_errors_are_never_retried() {
        assert_eq!(
            classify(&answered(401, None, ""), 1, 0.0, NOW),
            Next::Done(Outcome::SignInAgain)
        );
        assert_eq!(
            classify(&answered(403, None, ""), 1, 0.0, NOW),
            Next::Done(Outcome::SignInAgain)
        );
        assert_eq!(
            classify(&answered(409, None, ""), 1, 0.0, NOW),
            Next::Done(Outcome::Conflict)
        );
        assert_eq!(
            classify(&answered(413, None, ""), 1, 0.0, NOW),
            Next::Done(Outcome::TooLarge)
        );
        assert_eq!(
            classify(&answered(404, None, ""), 1, 0.0, NOW),
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
            classify(&answered(422, None, body), 1, 0.0, NOW)
        else {
            panic!("not refused")
        };
        assert_eq!(
            errors,
            [Refusal {
                field: Field::Licences,
                reason: Reason::Code(ErrorCode::BelowFastTrackMinimum)
            }]
        );
        assert_eq!(other, ["No such tenant", "schema"]);
    }

    #[test]
    fn a_422_entry_on_a_known_field_with_an_unknown_code_keeps_the_backends_words() {
        // As an integrator's backend answers: the reader must see this on the licences question.
        let body = r#"{"errors":[{"field":"licences","code":"invalid","detail":"Licence count not on our contract"}]}"#;
        assert_eq!(
            refused(body),
            Outcome::Refused {
                errors: vec![Refusal {
                    field: Field::Licences,
                    reason: Reason::Said("Licence count not on our contract".into())
                }],
                other: vec![]
            }
        );
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
