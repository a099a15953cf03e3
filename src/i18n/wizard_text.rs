//! The shape of the request wizard's strings.

use super::{List, Message};
use fasttrack_model::{CustomerIdKind, FastTrackLanguage, Field, RequesterKind, Step};

pub struct WizardText {
    pub title: &'static str,
    pub start_intro: &'static str,
    pub start_needs_heading: &'static str,
    /// What to have ready, one item each.
    pub start_needs: List,
    pub start_eligibility: &'static str,
    pub start_button: &'static str,
    pub resume_button: &'static str,
    pub resume_note: &'static str,
    pub step_of: Message,
    pub back: &'static str,
    pub continue_button: &'static str,
    /// Where JavaScript is off (the prerendered first question, `<noscript>`).
    pub needs_javascript: &'static str,
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
    /// Where answers are kept: for the tab, or on the device until `date`.
    pub kept_in_tab: &'static str,
    pub kept_on_device: Message,
    /// The reader's choice to keep answers on the device until `date` (off by default).
    pub remember: Message,
    pub remember_hint: &'static str,
    pub draft_unavailable: &'static str,
    pub draft_discarded: &'static str,
    /// Another tab changed, or sent or deleted, the answers kept on this device.
    pub changed_in_other_tab: &'static str,
    pub removed_in_other_tab: &'static str,
    /// Characters remaining / too many (the locale's plural forms).
    pub characters_left: Message,
    pub characters_over: Message,
    pub steps: StepTitles,
    pub check_title: &'static str,
    pub check_intro: &'static str,
    pub submit: &'static str,
    pub fields: FieldTexts,
    pub requester_kinds: RequesterKinds,
    pub customer_id_kinds: CustomerIdKinds,
    /// "Is the primary contact / business sponsor the same as the requester?"
    pub same_person: SamePerson,
    pub data_migration: Choice,
    pub user_adoption: Choice,
    pub options_heading: &'static str,
    pub languages: LanguageNames,
    pub select_placeholder: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub errors: ErrorText,
    pub sending: SendingText,
}

/// Sending the request, its failures, and the confirmation.
pub struct SendingText {
    pub sending: &'static str,
    /// Attempt `n` of `total`.
    pub retrying: Message,
    pub try_again: &'static str,
    pub failure_title: &'static str,
    pub answers_kept: &'static str,
    /// On a question while the request is on its way: answers are locked until it is answered.
    pub in_flight: &'static str,
    pub unreachable: &'static str,
    pub offline: &'static str,
    /// The deployment's settings keep the browser from building the request.
    pub unsendable: &'static str,
    pub timed_out: &'static str,
    pub busy: &'static str,
    /// Busy, and the service asked for a wait of `n` minutes (longer than the app waits).
    pub busy_for: Message,
    pub server_error: &'static str,
    pub sign_in_again: &'static str,
    pub too_large: &'static str,
    pub conflict: &'static str,
    /// On the review: the last attempt to send is older than the backend's idempotency-key
    /// window, so it is not sent again; sending now is a new request.
    pub stale_send: &'static str,
    pub refused: &'static str,
    /// `status`: the HTTP status the backend answered.
    pub unexpected: Message,
    pub confirmation_title: &'static str,
    pub reference_label: &'static str,
    /// Accepted, but the backend gave no reference.
    pub no_reference: &'static str,
    pub next_heading: &'static str,
    pub next_text: &'static str,
    pub keep_record: &'static str,
    /// The confirmation's button: the browser's print dialog on the record.
    pub print_record: &'static str,
    /// The check page's button, before sending.
    pub print_answers: &'static str,
    pub copy_reference: &'static str,
    /// Said (and shown) once the reference is on the clipboard.
    pub copied: &'static str,
    /// The clipboard refused: the reference is selected for the reader to copy.
    pub copy_by_hand: &'static str,
    pub record_title: &'static str,
    /// `when`: the date and time sent, in the reader's locale and time zone.
    pub sent_at: Message,
    /// `host`: where the request went (the backend's host).
    pub sent_to: Message,
    /// After a reload of the confirmation: the answers were not kept.
    pub answers_not_kept: &'static str,
    pub new_request: &'static str,
    pub back_to_guide: &'static str,
}

/// A radio or checkbox option: its label and an optional hint.
pub struct Choice {
    pub label: &'static str,
    pub hint: &'static str,
}

/// A question page's heading (its `<h1>`) and its short name for the review's section.
pub struct StepTitle {
    pub question: &'static str,
    pub section: &'static str,
}

pub struct StepTitles {
    pub about: StepTitle,
    pub services: StepTitle,
    pub organisation: StepTitle,
    pub requester: StepTitle,
    pub contacts: StepTitle,
}

impl StepTitles {
    pub fn get(&self, step: Step) -> &StepTitle {
        match step {
            Step::About => &self.about,
            Step::Services => &self.services,
            Step::Organisation => &self.organisation,
            Step::Requester => &self.requester,
            Step::Contacts => &self.contacts,
        }
    }
}

pub struct RequesterKinds {
    pub customer: Choice,
    pub partner: Choice,
}

impl RequesterKinds {
    pub fn get(&self, kind: RequesterKind) -> &Choice {
        match kind {
            RequesterKind::Customer => &self.customer,
            RequesterKind::Partner => &self.partner,
        }
    }
}

pub struct CustomerIdKinds {
    pub name: Choice,
    pub domain: Choice,
    pub tpid: Choice,
}

impl CustomerIdKinds {
    pub fn get(&self, kind: CustomerIdKind) -> &Choice {
        match kind {
            CustomerIdKind::Name => &self.name,
            CustomerIdKind::Domain => &self.domain,
            CustomerIdKind::Tpid => &self.tpid,
        }
    }
}

pub struct SamePerson {
    pub yes: &'static str,
    pub no: &'static str,
}

/// The FastTrack Center's languages, named in the reader's language.
pub struct LanguageNames {
    pub chinese_traditional: &'static str,
    pub chinese_simplified: &'static str,
    pub english: &'static str,
    pub french: &'static str,
    pub german: &'static str,
    pub italian: &'static str,
    pub japanese: &'static str,
    pub korean: &'static str,
    pub portuguese_brazil: &'static str,
    pub spanish: &'static str,
    pub thai: &'static str,
    pub vietnamese: &'static str,
}

impl LanguageNames {
    pub fn get(&self, language: FastTrackLanguage) -> &'static str {
        use FastTrackLanguage as L;
        match language {
            L::ChineseTraditional => self.chinese_traditional,
            L::ChineseSimplified => self.chinese_simplified,
            L::English => self.english,
            L::French => self.french,
            L::German => self.german,
            L::Italian => self.italian,
            L::Japanese => self.japanese,
            L::Korean => self.korean,
            L::PortugueseBrazil => self.portuguese_brazil,
            L::Spanish => self.spanish,
            L::Thai => self.thai,
            L::Vietnamese => self.vietnamese,
        }
    }
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

/// Error messages, each a function of the field's words: `what` ("a project name"),
/// `subject` ("Project name") and `max`, the field's limit.
pub struct ErrorText {
    pub enter: Message,
    pub select: Message,
    pub too_long: Message,
    pub control_characters: Message,
    pub unknown_choice: Message,
    pub invalid_email: Message,
    pub invalid_phone: Message,
    pub invalid_domain: Message,
    pub invalid_tpid: Message,
    pub invalid_date: Message,
    pub date_not_in_future: Message,
    pub not_a_whole_number: Message,
    pub too_many_licences: Message,
    /// The backend refused the answer and said nothing about why.
    pub refused: &'static str,
    pub below_fasttrack_minimum: &'static str,
    pub below_migration_minimum: &'static str,
}
