//! The shape of the request wizard's strings.

use fasttrack_model::Field;

pub struct WizardText {
    pub title: &'static str,
    pub start_intro: &'static str,
    pub start_needs_heading: &'static str,
    /// What to have ready, one item each.
    pub start_needs: &'static [&'static str],
    pub start_eligibility: &'static str,
    pub start_button: &'static str,
    pub resume_button: &'static str,
    pub resume_note: &'static str,
    /// "{n}" and "{total}".
    pub step_of: &'static str,
    pub back: &'static str,
    pub continue_button: &'static str,
    /// Prefixed to the page title when the page shows errors.
    pub error_title_prefix: &'static str,
    pub error_summary_title: &'static str,
    /// Read before an inline message by screen readers ("Error:").
    pub error_inline_prefix: &'static str,
    pub optional: &'static str,
    pub not_provided: &'static str,
    pub change: &'static str,
    pub start_again: &'static str,
    pub start_again_warning: &'static str,
    pub start_again_confirm: &'static str,
    pub cancel: &'static str,
    pub draft_saved: &'static str,
    pub draft_unavailable: &'static str,
    pub draft_discarded: &'static str,
    /// "{count}" characters remaining / too many.
    pub characters_left: &'static str,
    pub characters_over: &'static str,
    /// Groups thousands in numbers the messages show ("2,000", "2.000", "2 000").
    pub thousands_separator: &'static str,
    pub steps: StepTitles,
    pub check_title: &'static str,
    pub check_intro: &'static str,
    pub submit: &'static str,
    pub fields: FieldTexts,
    pub requester_kinds: [Choice; 2],
    pub customer_id_kinds: [Choice; 3],
    pub yes_no: [&'static str; 2],
    pub data_migration: Choice,
    pub user_adoption: Choice,
    pub options_heading: &'static str,
    /// In `FastTrackLanguage::ALL` order.
    pub languages: [&'static str; 12],
    pub select_placeholder: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub errors: ErrorText,
    pub sending: SendingText,
}

/// Sending the request, its failures, and the confirmation.
pub struct SendingText {
    pub sending: &'static str,
    /// "{n}" and "{total}".
    pub retrying: &'static str,
    pub try_again: &'static str,
    pub failure_title: &'static str,
    pub answers_kept: &'static str,
    pub unreachable: &'static str,
    pub offline: &'static str,
    pub timed_out: &'static str,
    pub busy: &'static str,
    pub server_error: &'static str,
    pub sign_in_again: &'static str,
    pub too_large: &'static str,
    pub conflict: &'static str,
    pub refused: &'static str,
    /// "{status}".
    pub unexpected: &'static str,
    pub confirmation_title: &'static str,
    pub reference_label: &'static str,
    pub next_heading: &'static str,
    pub next_text: &'static str,
    pub keep_record: &'static str,
    pub print: &'static str,
    pub new_request: &'static str,
    pub back_to_guide: &'static str,
}

/// A radio or checkbox option: its label and an optional hint.
pub struct Choice {
    pub label: &'static str,
    pub hint: &'static str,
}

/// Question headings (each step's `<h1>`) and their short names for the review's sections.
pub struct StepTitles {
    pub about: (&'static str, &'static str),
    pub services: (&'static str, &'static str),
    pub organisation: (&'static str, &'static str),
    pub requester: (&'static str, &'static str),
    pub contacts: (&'static str, &'static str),
}

/// A field's label, hint, and the words its error messages use.
pub struct FieldText {
    pub label: &'static str,
    pub hint: &'static str,
    /// For "Enter {what}" / "Select {what}": "a project name".
    pub what: &'static str,
    /// For "{subject} must be…": "Project name".
    pub subject: &'static str,
}

pub struct FieldTexts {
    pub requester_kind: FieldText,
    pub customer_id_kind: FieldText,
    pub customer_name: FieldText,
    pub customer_domain: FieldText,
    pub customer_tpid: FieldText,
    pub products: FieldText,
    pub deployment_date: FieldText,
    pub project_name: FieldText,
    pub service_location: FieldText,
    pub language: FieldText,
    pub licences: FieldText,
    pub comments: FieldText,
    pub requester_name: FieldText,
    pub requester_email: FieldText,
    pub requester_phone: FieldText,
    pub requester_job_title: FieldText,
    pub primary_contact_same: FieldText,
    pub primary_contact_name: FieldText,
    pub primary_contact_email: FieldText,
    pub sponsor_same: FieldText,
    pub sponsor_name: FieldText,
    pub sponsor_email: FieldText,
}

impl FieldTexts {
    /// The text of a field. The customer's identifier is worded by how it is identified.
    pub fn get(&self, field: Field, customer_id_kind: &str) -> &FieldText {
        match field {
            Field::RequesterKind => &self.requester_kind,
            Field::CustomerIdKind => &self.customer_id_kind,
            Field::CustomerId => match customer_id_kind {
                "domain" => &self.customer_domain,
                "tpid" => &self.customer_tpid,
                _ => &self.customer_name,
            },
            Field::Products => &self.products,
            Field::DeploymentDate => &self.deployment_date,
            Field::ProjectName => &self.project_name,
            Field::ServiceLocation => &self.service_location,
            Field::Language => &self.language,
            Field::Licences => &self.licences,
            Field::Comments => &self.comments,
            Field::RequesterName => &self.requester_name,
            Field::RequesterEmail => &self.requester_email,
            Field::RequesterPhone => &self.requester_phone,
            Field::RequesterJobTitle => &self.requester_job_title,
            Field::PrimaryContactSame => &self.primary_contact_same,
            Field::PrimaryContactName => &self.primary_contact_name,
            Field::PrimaryContactEmail => &self.primary_contact_email,
            Field::SponsorSame => &self.sponsor_same,
            Field::SponsorName => &self.sponsor_name,
            Field::SponsorEmail => &self.sponsor_email,
        }
    }
}

/// Message templates: "{what}", "{subject}" and "{max}" are filled in per field.
pub struct ErrorText {
    pub enter: &'static str,
    pub select: &'static str,
    pub too_long: &'static str,
    pub control_characters: &'static str,
    pub unknown_choice: &'static str,
    pub invalid_email: &'static str,
    pub invalid_phone: &'static str,
    pub invalid_domain: &'static str,
    pub invalid_tpid: &'static str,
    pub invalid_date: &'static str,
    pub date_not_in_future: &'static str,
    pub not_a_whole_number: &'static str,
    pub too_many_licences: &'static str,
    pub below_fasttrack_minimum: &'static str,
    pub below_migration_minimum: &'static str,
}
