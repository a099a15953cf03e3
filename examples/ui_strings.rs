//! Prints, as JSON, the wizard strings the end-to-end tests expect, per locale, from the same
//! UI strings and message functions the app uses (tests/e2e/wizard-strings.ts runs this).
//! A number is written `{n:2000}`: the test writes it with the browser's `Intl`, as the app does.
//!
//! `cargo run --example ui_strings`

use fasttrack_model::{Draft, ErrorCode, Field, FieldError};
use fasttrack_onboarding::i18n::{Number, Plural};
use fasttrack_onboarding::locale::Locale;
use fasttrack_onboarding::request::messages::message_with_numbers;

fn main() {
    let mut all = serde_json::Map::new();
    for locale in Locale::all() {
        let w = &locale.ui().wizard;
        let s = &w.sending;
        let message = |field, code, customer_id_kind: &str| {
            let draft = Draft {
                customer_id_kind: customer_id_kind.to_owned(),
                ..Draft::default()
            };
            message_with_numbers(locale, FieldError { field, code }, &draft, |n| {
                Number::written(format!("{{n:{n}}}"), Plural::Other)
            })
        };
        use ErrorCode as E;
        use Field as F;
        let strings: Vec<(&str, String)> = vec![
            ("intl", locale.intl().to_owned()),
            ("errorPrefix", w.error_title_prefix.to_owned()),
            ("summaryTitle", w.error_summary_title.to_owned()),
            ("title", w.title.to_owned()),
            ("step1", w.steps.about.question.to_owned()),
            ("step2", w.steps.services.question.to_owned()),
            ("needsJavaScript", w.needs_javascript.to_owned()),
            ("check", w.check_title.to_owned()),
            ("notProvided", w.not_provided.to_owned()),
            ("selectWho", message(F::RequesterKind, E::Required, "")),
            ("enterProject", message(F::ProjectName, E::Required, "")),
            ("projectTooLong", message(F::ProjectName, E::TooLong, "")),
            (
                "below150",
                message(F::Licences, E::BelowFastTrackMinimum, ""),
            ),
            (
                "below500",
                message(F::Licences, E::BelowMigrationMinimum, ""),
            ),
            ("notWhole", message(F::Licences, E::NotAWholeNumber, "")),
            ("commentsTooLong", message(F::Comments, E::TooLong, "")),
            (
                "pastDate",
                message(F::DeploymentDate, E::DateNotInFuture, ""),
            ),
            ("selectProduct", message(F::Products, E::Required, "")),
            ("badEmail", message(F::RequesterEmail, E::InvalidEmail, "")),
            ("badPhone", message(F::RequesterPhone, E::InvalidPhone, "")),
            ("badTpid", message(F::CustomerId, E::InvalidTpid, "tpid")),
            (
                "badDomain",
                message(F::CustomerId, E::InvalidDomain, "domain"),
            ),
            ("sponsorName", message(F::SponsorName, E::Required, "")),
            ("storageUnavailable", w.draft_unavailable.to_owned()),
            ("deleteAnswers", w.start_again.to_owned()),
            ("keptInTab", w.kept_in_tab.to_owned()),
            ("changedInOtherTab", w.changed_in_other_tab.to_owned()),
            ("removedInOtherTab", w.removed_in_other_tab.to_owned()),
            ("discarded", w.draft_discarded.to_owned()),
            ("notSent", s.failure_title.to_owned()),
            ("busy", s.busy.to_owned()),
            (
                "busyFor3",
                s.busy_for(&Number::written("{n:3}".to_owned(), Plural::Other)),
            ),
            ("unreachable", s.unreachable.to_owned()),
            ("timedOut", s.timed_out.to_owned()),
            ("signIn", s.sign_in_again.to_owned()),
            ("tooLarge", s.too_large.to_owned()),
            ("conflict", s.conflict.to_owned()),
            ("staleSend", s.stale_send.to_owned()),
            ("offline", s.offline.to_owned()),
            ("serverError", s.server_error.to_owned()),
            ("tryAgain", s.try_again.to_owned()),
            ("sent", s.confirmation_title.to_owned()),
            ("noReference", s.no_reference.to_owned()),
            ("printRecord", s.print_record.to_owned()),
            ("printAnswers", s.print_answers.to_owned()),
            ("copyReference", s.copy_reference.to_owned()),
            ("copied", s.copied.to_owned()),
            ("copyByHand", s.copy_by_hand.to_owned()),
            ("recordTitle", s.record_title.to_owned()),
            ("sentTo", s.sent_to("{host}")),
            ("sentAt", s.sent_at("{when}")),
            ("answersNotKept", s.answers_not_kept.to_owned()),
        ];
        let strings = strings
            .into_iter()
            .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v)))
            .collect();
        all.insert(locale.tag().to_owned(), serde_json::Value::Object(strings));
    }
    println!("{}", serde_json::Value::Object(all));
}
