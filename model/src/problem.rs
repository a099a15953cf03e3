//! Error answers as RFC 9457 problem details (`application/problem+json`): written by the
//! receiver, read by the browser. Reading is lenient, since the browser may talk to any backend:
//! every member is optional, unknown members are ignored and a member of an unexpected type
//! counts as absent, so one odd member never hides the rest of the answer.

use crate::error::{ErrorCode, Field, FieldError};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

/// Where the receiver's problem types live (`type` is this plus a slug).
pub const PROBLEM_TYPE_BASE: &str = "https://fasttrack-onboarding.dev/problems/";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default, deserialize_with = "lenient")]
    pub kind: String,
    #[serde(default, deserialize_with = "lenient")]
    pub title: String,
    #[serde(default, deserialize_with = "lenient")]
    pub status: u16,
    #[serde(default, deserialize_with = "lenient")]
    pub detail: String,
    #[serde(
        default,
        deserialize_with = "lenient_entries",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<ProblemField>,
}

/// Why an answer was refused: a code each side words in the reader's language, or a
/// backend's own sentence (a code this model does not know).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Code(ErrorCode),
    Said(String),
}

/// A refused answer, as the reader is shown it on its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub field: Field,
    pub reason: Reason,
}

impl From<FieldError> for Refusal {
    fn from(error: FieldError) -> Refusal {
        Refusal {
            field: error.field,
            reason: Reason::Code(error.code),
        }
    }
}

/// One refused field: the model's field and code names, and a sentence for people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemField {
    /// The field's wire name (`project_name`), or `null` when the body itself is at fault.
    #[serde(default, deserialize_with = "lenient")]
    pub field: Option<String>,
    /// The contract requires it; a backend that leaves it out reads as `""`.
    #[serde(default, deserialize_with = "lenient")]
    pub code: String,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub detail: Option<String>,
    /// Not written by the receiver; other backends put an entry's sentence here.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub message: Option<String>,
    /// Not written by the receiver; other backends put an entry's sentence here.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
}

impl Problem {
    /// A problem of type [`PROBLEM_TYPE_BASE`]`{slug}`, without entries.
    pub fn new(status: u16, slug: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("{PROBLEM_TYPE_BASE}{slug}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    /// The `422` for refused fields: one entry per error, named by the wire names.
    pub fn validation(errors: &[FieldError]) -> Self {
        let problem = Problem::new(
            422,
            "validation",
            "The request is not valid",
            "One or more fields were refused; see `errors`.",
        );
        errors.iter().fold(problem, |problem, e| {
            problem.with_error(
                Some(e.field.name()),
                e.code.name(),
                format!(
                    "{} is refused: {}",
                    e.field.name(),
                    e.code.name().replace('_', " ")
                ),
            )
        })
    }

    /// Adds an entry; `field` is `None` when the body as a whole is at fault.
    pub fn with_error(
        mut self,
        field: Option<&str>,
        code: &str,
        detail: impl Into<String>,
    ) -> Self {
        self.errors.push(ProblemField {
            field: field.map(str::to_owned),
            code: code.to_owned(),
            detail: Some(detail.into()),
            message: None,
            title: None,
        });
        self
    }

    /// The entries that name a known field, each as a [`Refusal`] (a code the reader's
    /// language words, or else the backend's own text), and the texts of the entries that name
    /// none, as the backend wrote them ([`ProblemField::text`]). With neither, the problem's
    /// own `detail` is the one text, so a refusal never reads as empty.
    pub fn split(&self) -> (Vec<Refusal>, Vec<String>) {
        let mut known = Vec::new();
        let mut texts = Vec::new();
        for entry in &self.errors {
            let field = entry.field.as_deref().and_then(Field::from_name);
            let reason = match (ErrorCode::from_name(&entry.code), entry.text()) {
                (Some(code), _) => Some(Reason::Code(code)),
                (None, text) => text.map(|t| Reason::Said(t.to_owned())),
            };
            match (field, reason) {
                (Some(field), Some(reason)) => known.push(Refusal { field, reason }),
                // Nothing said at all: the client words a plain refusal.
                (Some(field), None) => known.push(Refusal {
                    field,
                    reason: Reason::Said(String::new()),
                }),
                (None, _) => texts.extend(entry.text().map(str::to_owned)),
            }
        }
        if known.is_empty() && texts.is_empty() {
            texts.extend(non_blank(&self.detail).map(str::to_owned));
        }
        (known, texts)
    }
}

impl ProblemField {
    /// The model's error, when both the field and the code are names the model knows.
    pub fn field_error(&self) -> Option<FieldError> {
        let field = self.field.as_deref().and_then(Field::from_name)?;
        let code = ErrorCode::from_name(&self.code)?;
        Some(FieldError { field, code })
    }

    /// The entry's sentence: `detail`, else `message`, else `title` (backends differ in which
    /// they use), else the bare code. Blank members count as absent.
    pub fn text(&self) -> Option<&str> {
        [&self.detail, &self.message, &self.title]
            .into_iter()
            .find_map(|t| t.as_deref().and_then(non_blank))
            .or_else(|| non_blank(&self.code))
    }
}

fn non_blank(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

/// A member of the expected type, or its default: `"detail": null` or `"status": "422"` from
/// another backend must not make the whole answer unreadable.
fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Lenient::<T>::deserialize(deserializer)?
        .into_value()
        .unwrap_or_default())
}

/// The entries that are objects; anything else in the list (or a list that is not one) is
/// skipped, keeping the readable entries.
fn lenient_entries<'de, D>(deserializer: D) -> Result<Vec<ProblemField>, D::Error>
where
    D: Deserializer<'de>,
{
    let entries = Lenient::<Vec<Lenient<ProblemField>>>::deserialize(deserializer)?;
    Ok(entries
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .filter_map(Lenient::into_value)
        .collect())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient<T> {
    Value(T),
    Other(IgnoredAny),
}

impl<T> Lenient<T> {
    fn into_value(self) -> Option<T> {
        match self {
            Lenient::Value(value) => Some(value),
            Lenient::Other(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Problem {
        serde_json::from_str(json).expect("lenient")
    }

    #[test]
    fn the_receivers_answers_read_back_as_written() {
        let problem = Problem::validation(&[FieldError {
            field: Field::Licences,
            code: ErrorCode::BelowFastTrackMinimum,
        }])
        .with_error(None, "schema", "unknown field `surprise`");
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "https://fasttrack-onboarding.dev/problems/validation",
                "title": "The request is not valid",
                "status": 422,
                "detail": "One or more fields were refused; see `errors`.",
                "errors": [
                    {"field": "licences", "code": "below_fasttrack_minimum",
                     "detail": "licences is refused: below fasttrack minimum"},
                    {"field": null, "code": "schema", "detail": "unknown field `surprise`"}
                ]
            })
        );
        assert_eq!(read(&json.to_string()), problem);
        // No entries: no `errors` member.
        let plain = serde_json::to_value(Problem::new(409, "conflict", "T", "D")).unwrap();
        assert!(plain.get("errors").is_none(), "{plain}");
    }

    #[test]
    fn any_backends_problem_is_read_leniently() {
        assert_eq!(read("{}"), Problem::default());
        let odd = read(
            r#"{"type": null, "title": 5, "status": "422", "detail": null, "instance": "/x",
                "errors": [
                    {"field": 7, "code": null, "message": "Too short", "extra": true},
                    "a bare string",
                    {"field": "licences", "code": "below_fasttrack_minimum"}
                ]}"#,
        );
        assert_eq!(odd.status, 0);
        assert_eq!(odd.detail, "");
        assert_eq!(odd.errors.len(), 2);
        assert_eq!(odd.errors[0].field, None);
        assert_eq!(odd.errors[0].message.as_deref(), Some("Too short"));
        assert_eq!(odd.errors[1].field.as_deref(), Some("licences"));
        // `errors` of another form (an object keyed by field) is skipped, the rest is kept.
        let keyed = read(r#"{"detail": "Refused", "errors": {"Name": ["Required"]}}"#);
        assert_eq!(keyed.errors, []);
        assert_eq!(keyed.detail, "Refused");
    }

    #[test]
    fn split_names_known_fields_and_keeps_the_texts_of_others() {
        let problem = read(
            r#"{"detail": "Refused", "errors": [
                {"field": "licences", "code": "below_fasttrack_minimum", "detail": "too few"},
                {"field": "tenant_id", "code": "unknown_tenant", "detail": "No such tenant"},
                {"field": "licences", "code": "not_a_code_we_know", "message": "Odd"},
                {"field": null, "code": "c1", "message": "By message", "title": "By title"},
                {"code": "c2", "title": "By title"},
                {"code": "c3", "detail": " ", "message": ""},
                {"field": "comments"}
            ]}"#,
        );
        let (known, texts) = problem.split();
        assert_eq!(
            known,
            [
                Refusal {
                    field: Field::Licences,
                    reason: Reason::Code(ErrorCode::BelowFastTrackMinimum)
                },
                // A known field with a code we do not know: the backend's own words, on it.
                Refusal {
                    field: Field::Licences,
                    reason: Reason::Said("Odd".into())
                },
                Refusal {
                    field: Field::Comments,
                    reason: Reason::Said(String::new())
                },
            ]
        );
        assert_eq!(texts, ["No such tenant", "By message", "By title", "c3"]);
    }

    #[test]
    fn without_entries_the_problems_detail_is_the_text() {
        assert_eq!(
            read(r#"{"detail": "Closed for maintenance"}"#).split(),
            (vec![], vec!["Closed for maintenance".to_owned()])
        );
        assert_eq!(read(r#"{"detail": "  "}"#).split(), (vec![], vec![]));
        // Entries that say something win over the summary.
        let (_, texts) = read(r#"{"detail": "Summary", "errors": [{"code": "x"}]}"#).split();
        assert_eq!(texts, ["x"]);
    }
}
