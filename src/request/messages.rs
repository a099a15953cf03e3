//! Error codes -> the reader's words, reusing each field's label.

use crate::i18n::Number;
use crate::locale::Locale;
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

/// The words for `error` on its field, in `locale`, reusing the field's label words.
pub fn message(locale: Locale, error: FieldError, draft: &Draft) -> String {
    message_with_numbers(locale, error, draft, |n| locale.number(n))
}

/// [`message`], with the numbers it shows written by `number` (the end-to-end tests' expected
/// strings mark them for the browser's `Intl` to write).
pub fn message_with_numbers(
    locale: Locale,
    error: FieldError,
    draft: &Draft,
    number: impl Fn(usize) -> Number,
) -> String {
    let text = &locale.ui().wizard;
    let words = text.fields.get(error.field, &draft.customer_id_kind);
    let e = &text.errors;
    let max = || number(max_length(error.field));
    match error.code {
        ErrorCode::Required if is_choice(error.field) => e.select(words.what),
        ErrorCode::Required => e.enter(words.what),
        ErrorCode::TooLong if error.field == Field::Licences => {
            e.too_many_licences(words.subject, max())
        }
        ErrorCode::TooLong => e.too_long(words.subject, max()),
        ErrorCode::ControlCharacters => e.control_characters(words.subject),
        ErrorCode::UnknownChoice => e.unknown_choice(words.what),
        ErrorCode::InvalidEmail => e.invalid_email(words.what),
        ErrorCode::InvalidPhone => e.invalid_phone(words.what),
        ErrorCode::InvalidDomain => e.invalid_domain(words.what),
        ErrorCode::InvalidTpid => e.invalid_tpid(words.subject),
        ErrorCode::InvalidDate => e.invalid_date(words.subject),
        ErrorCode::DateNotInFuture => e.date_not_in_future(words.subject),
        ErrorCode::NotAWholeNumber => e.not_a_whole_number(words.subject),
        ErrorCode::BelowFastTrackMinimum => e.below_fasttrack_minimum.to_owned(),
        ErrorCode::BelowMigrationMinimum => e.below_migration_minimum.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_on_every_field_has_a_complete_message_in_every_locale() {
        for locale in Locale::all() {
            for field in Field::ALL {
                for &code in ErrorCode::ALL {
                    let text = message(
                        locale,
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
        let en = Locale::from_tag("en").unwrap();
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
        // Natively a number is its digits; in the browser, Intl groups them (tests/web.rs).
        assert_eq!(
            m(Field::Comments, ErrorCode::TooLong),
            "Comments must be 2000 characters or fewer"
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
