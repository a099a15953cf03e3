//! What "Check your answers" lists for each step: one row per question asked, with the answer
//! as given. Pure: which rows a draft has, and in which words, is decided here (and tested
//! natively); the few answers the browser words (a region's name, a date) stay typed.

use crate::i18n::WizardText;
use fasttrack_model::{
    ContactDraft, CustomerIdKind, Date, Draft, FastTrackLanguage, Field, Product, RequesterKind,
    Step,
};

/// One line of an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Words shown as they are (what the reader typed, or a choice's label).
    Text(String),
    /// A region code, named by the browser in the reader's language.
    Region(String),
    /// A date, written by the browser in the reader's language.
    Date(Date),
}

/// One row of the review: the question's label, the answer, and the id of the input its
/// "Change" link focuses.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub answer: Vec<Answer>,
    pub anchor: &'static str,
}

/// The rows of `step` for `draft`, worded with `text`. Questions the draft's answers made
/// irrelevant (a customer's identifier, when not a partner) have no row.
pub fn rows(step: Step, draft: &Draft, text: &WizardText) -> Vec<Row> {
    let d = draft;
    let label = |field: Field| text.fields.get(field, &d.customer_id_kind).label;
    let row = |field: Field, answer: Vec<Answer>| Row {
        label: label(field),
        answer,
        anchor: field.id(),
    };
    let typed = |field: Field, value: &str| row(field, vec![words(value.trim())]);
    match step {
        Step::About => {
            let kind = RequesterKind::from_code(&d.requester_kind)
                .map_or("", |k| text.requester_kinds.get(k).label);
            let mut rows = vec![row(Field::RequesterKind, vec![words(kind)])];
            if d.is_partner() {
                let id_kind = CustomerIdKind::from_code(&d.customer_id_kind)
                    .map_or("", |k| text.customer_id_kinds.get(k).label);
                rows.push(row(Field::CustomerIdKind, vec![words(id_kind)]));
                rows.push(typed(Field::CustomerId, &d.customer_id));
            }
            rows
        }
        Step::Services => vec![
            row(
                Field::Products,
                d.products
                    .iter()
                    .filter_map(|code| Product::from_code(code))
                    .map(|p| words(p.english_name()))
                    .collect(),
            ),
            row(
                Field::DeploymentDate,
                Date::parse(&d.deployment_date)
                    .map(Answer::Date)
                    .into_iter()
                    .collect(),
            ),
            Row {
                label: text.data_migration.label,
                answer: vec![yes_no(text, d.data_migration)],
                anchor: "data-migration",
            },
            Row {
                label: text.user_adoption.label,
                answer: vec![yes_no(text, d.user_adoption)],
                anchor: "user-adoption",
            },
        ],
        Step::Organisation => vec![
            typed(Field::ProjectName, &d.project_name),
            row(
                Field::ServiceLocation,
                vec![Answer::Region(d.service_location.clone())],
            ),
            row(
                Field::Language,
                vec![words(
                    FastTrackLanguage::from_code(&d.language).map_or("", |l| text.languages.get(l)),
                )],
            ),
            typed(Field::Licences, &d.licences),
            row(Field::Comments, vec![optional(text, &d.comments)]),
        ],
        Step::Requester => vec![
            typed(Field::RequesterName, &d.requester.name),
            typed(Field::RequesterEmail, &d.requester.email),
            typed(Field::RequesterPhone, &d.requester.phone),
            typed(Field::RequesterJobTitle, &d.requester.job_title),
        ],
        Step::Contacts => vec![
            row(Field::PrimaryContactSame, contact(text, &d.primary_contact)),
            row(Field::SponsorSame, contact(text, &d.business_sponsor)),
        ],
    }
}

fn words(text: &str) -> Answer {
    Answer::Text(text.to_owned())
}

fn yes_no(text: &WizardText, yes: bool) -> Answer {
    words(if yes { text.yes } else { text.no })
}

/// An optional answer left empty reads "Not provided".
fn optional(text: &WizardText, value: &str) -> Answer {
    match value.trim() {
        "" => words(text.not_provided),
        value => words(value),
    }
}

/// "Yes, the same as the requester", or the person's name and email address.
fn contact(text: &WizardText, contact: &ContactDraft) -> Vec<Answer> {
    if contact.is_someone_else() {
        vec![words(contact.name.trim()), words(contact.email.trim())]
    } else {
        vec![words(text.same_person.yes)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

    fn english() -> &'static WizardText {
        &Locale::from_tag("en").unwrap().ui().wizard
    }

    fn draft() -> Draft {
        let mut d = Draft {
            requester_kind: "customer".into(),
            deployment_date: "2027-03-01".into(),
            data_migration: true,
            project_name: "  Contoso rollout ".into(),
            service_location: "BR".into(),
            language: "pt-BR".into(),
            licences: "750".into(),
            ..Draft::default()
        };
        d.set_product(Product::ExchangeOnline, true);
        d.set_product(Product::MicrosoftTeams, true);
        d.primary_contact.same_as_requester = "yes".into();
        d.business_sponsor.same_as_requester = "no".into();
        d.business_sponsor.name = "Ana Lima".into();
        d.business_sponsor.email = "ana@contoso.example".into();
        d
    }

    fn texts(rows: &[Row]) -> Vec<(&'static str, Vec<Answer>)> {
        rows.iter().map(|r| (r.label, r.answer.clone())).collect()
    }

    fn t(s: &str) -> Answer {
        Answer::Text(s.to_owned())
    }

    #[test]
    fn a_customer_is_not_asked_to_identify_a_customer() {
        let rows = rows(Step::About, &draft(), english());
        assert_eq!(
            texts(&rows),
            [(
                "Who is asking?",
                vec![t("I am an admin of the organisation that needs assistance")]
            )]
        );
    }

    #[test]
    fn a_partner_sees_how_and_who_the_customer_is() {
        let partner = Draft {
            requester_kind: "partner".into(),
            customer_id_kind: "tpid".into(),
            customer_id: " 1234567 ".into(),
            ..draft()
        };
        let rows = rows(Step::About, &partner, english());
        assert_eq!(
            texts(&rows)[1..],
            [
                (
                    "How will you identify the customer?",
                    vec![t("TPID (Top Parent ID)")]
                ),
                ("Customer TPID", vec![t("1234567")]),
            ]
        );
        assert_eq!(rows[2].anchor, Field::CustomerId.id());
    }

    #[test]
    fn services_list_products_the_date_and_both_options() {
        let rows = rows(Step::Services, &draft(), english());
        assert_eq!(
            texts(&rows),
            [
                ("Products", vec![t("Exchange Online"), t("Microsoft Teams")]),
                (
                    "Planned deployment date",
                    vec![Answer::Date(Date::parse("2027-03-01").unwrap())]
                ),
                ("Data migration", vec![t("Yes")]),
                ("User adoption services", vec![t("No")]),
            ]
        );
        assert_eq!(rows[2].anchor, "data-migration");
    }

    #[test]
    fn typed_answers_are_trimmed_and_empty_optional_ones_say_so() {
        let rows = rows(Step::Organisation, &draft(), english());
        assert_eq!(
            texts(&rows),
            [
                ("Project name", vec![t("Contoso rollout")]),
                ("Service location", vec![Answer::Region("BR".into())]),
                ("Preferred language", vec![t("Portuguese (Brazil)")]),
                ("Number of licences", vec![t("750")]),
                ("Comments", vec![t("Not provided")]),
            ]
        );
    }

    #[test]
    fn contacts_read_the_same_person_or_their_name_and_address() {
        let rows = rows(Step::Contacts, &draft(), english());
        assert_eq!(
            texts(&rows),
            [
                (
                    "Is the primary contact the same as the requester?",
                    vec![t("Yes, the same as the requester")]
                ),
                (
                    "Is the business sponsor the same as the requester?",
                    vec![t("Ana Lima"), t("ana@contoso.example")]
                ),
            ]
        );
    }

    #[test]
    fn every_locale_words_every_row() {
        for locale in Locale::all() {
            for &step in Step::ALL {
                for row in rows(step, &draft(), &locale.ui().wizard) {
                    assert!(!row.label.is_empty(), "{locale:?} {step:?}");
                    assert!(!row.answer.is_empty(), "{locale:?} {step:?} {}", row.label);
                }
            }
        }
    }
}
