//! Error codes -> the reader's words, reusing each field's label.

use crate::i18n::{fill, WizardText};
use fasttrack_model::{limits, Draft, ErrorCode, Field, FieldError};

/// Fields answered by choosing (radios, checkboxes, lists): their "required" says "Select".
fn is_choice(field: Field) -> bool {
    matches!(
        field,
        Field::RequesterKind
            | Field::CustomerIdKind
            | Field::Products
            | Field::ServiceLocation
            | Field::Language
            | Field::PrimaryContactSame
            | Field::SponsorSame
    )
}

fn max_length(field: Field) -> usize {
    match field {
        Field::ProjectName => limits::PROJECT_NAME,
        Field::CustomerId => limits::CUSTOMER_NAME,
        Field::Comments => limits::COMMENTS,
        Field::RequesterJobTitle => limits::JOB_TITLE,
        Field::RequesterEmail | Field::PrimaryContactEmail | Field::SponsorEmail => limits::EMAIL,
        Field::Licences => limits::LICENCES as usize,
        _ => limits::PERSON_NAME,
    }
}

/// `2000` -> `2,000` (or `2.000`, `2 000`: the locale's separator).
pub fn group_thousands(n: usize, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

pub fn message(text: &WizardText, error: FieldError, draft: &Draft) -> String {
    let words = text.fields.get(error.field, &draft.customer_id_kind);
    let e = &text.errors;
    let template = match error.code {
        ErrorCode::Required if is_choice(error.field) => e.select,
        ErrorCode::Required => e.enter,
        ErrorCode::TooLong if error.field == Field::Licences => e.too_many_licences,
        ErrorCode::TooLong => e.too_long,
        ErrorCode::ControlCharacters => e.control_characters,
        ErrorCode::UnknownChoice => e.unknown_choice,
        ErrorCode::InvalidEmail => e.invalid_email,
        ErrorCode::InvalidPhone => e.invalid_phone,
        ErrorCode::InvalidDomain => e.invalid_domain,
        ErrorCode::InvalidTpid => e.invalid_tpid,
        ErrorCode::InvalidDate => e.invalid_date,
        ErrorCode::DateNotInFuture => e.date_not_in_future,
        ErrorCode::NotAWholeNumber => e.not_a_whole_number,
        ErrorCode::BelowFastTrackMinimum => e.below_fasttrack_minimum,
        ErrorCode::BelowMigrationMinimum => e.below_migration_minimum,
    };
    let max = group_thousands(max_length(error.field), text.thousands_separator);
    fill(
        template,
        &[
            ("what", words.what),
            ("subject", words.subject),
            ("max", &max),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    #[test]
    fn thousands_are_grouped_the_locales_way() {
        assert_eq!(group_thousands(80, ","), "80");
        assert_eq!(group_thousands(2000, ","), "2,000");
        assert_eq!(group_thousands(10_000_000, "."), "10.000.000");
    }

    #[test]
    fn every_code_on_every_field_has_a_complete_message_in_every_locale() {
        for locale in Locale::all() {
            for field in Field::ALL {
                for &code in ErrorCode::ALL {
                    let text = message(
                        &locale.ui().wizard,
                        FieldError {
                            field: *field,
                            code,
                        },
                        &Draft::default(),
                    );
                    assert!(
                        !text.contains('{') && text.len() > 10,
                        "{locale:?} {field:?} {code:?}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn messages_reuse_the_fields_words() {
        let en = &Locale::from_tag("en").unwrap().ui().wizard;
        let m = |field, code| message(en, FieldError { field, code }, &Draft::default());
        assert_eq!(
            m(Field::ProjectName, ErrorCode::Required),
            "Enter a project name"
        );
        assert_eq!(
            m(Field::ProjectName, ErrorCode::TooLong),
            "Project name must be 80 characters or fewer"
        );
        assert_eq!(
            m(Field::Products, ErrorCode::Required),
            "Select at least one product"
        );
        assert_eq!(
            m(Field::Comments, ErrorCode::TooLong),
            "Comments must be 2,000 characters or fewer"
        );
        let tpid = Draft {
            customer_id_kind: "tpid".into(),
            ..Draft::default()
        };
        assert_eq!(
            message(
                en,
                FieldError {
                    field: Field::CustomerId,
                    code: ErrorCode::Required
                },
                &tpid
            ),
            "Enter the customer's TPID"
        );
    }
}
