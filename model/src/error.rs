//! What can be wrong with a request: a field and a code. Wording is the caller's business.

use serde::{Deserialize, Serialize};

/// One input of the request. The serde name is the field's name in error lists on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    RequesterKind,
    CustomerIdKind,
    CustomerId,
    Products,
    DeploymentDate,
    ProjectName,
    ServiceLocation,
    Language,
    Licences,
    RequesterName,
    RequesterEmail,
    RequesterPhone,
    RequesterJobTitle,
    PrimaryContactSame,
    PrimaryContactName,
    PrimaryContactEmail,
    SponsorSame,
    SponsorName,
    SponsorEmail,
    Comments,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::RequesterKind,
        Field::CustomerIdKind,
        Field::CustomerId,
        Field::Products,
        Field::DeploymentDate,
        Field::ProjectName,
        Field::ServiceLocation,
        Field::Language,
        Field::Licences,
        Field::RequesterName,
        Field::RequesterEmail,
        Field::RequesterPhone,
        Field::RequesterJobTitle,
        Field::PrimaryContactSame,
        Field::PrimaryContactName,
        Field::PrimaryContactEmail,
        Field::SponsorSame,
        Field::SponsorName,
        Field::SponsorEmail,
        Field::Comments,
    ];

    /// The HTML id of the field's input (for radios and checkboxes, of the first option).
    pub fn id(self) -> &'static str {
        match self {
            Field::RequesterKind => "requester-kind",
            Field::CustomerIdKind => "customer-id-kind",
            Field::CustomerId => "customer-id",
            Field::Products => "products",
            Field::DeploymentDate => "deployment-date",
            Field::ProjectName => "project-name",
            Field::ServiceLocation => "service-location",
            Field::Language => "language",
            Field::Licences => "licences",
            Field::RequesterName => "requester-name",
            Field::RequesterEmail => "requester-email",
            Field::RequesterPhone => "requester-phone",
            Field::RequesterJobTitle => "requester-job-title",
            Field::PrimaryContactSame => "primary-contact-same",
            Field::PrimaryContactName => "primary-contact-name",
            Field::PrimaryContactEmail => "primary-contact-email",
            Field::SponsorSame => "sponsor-same",
            Field::SponsorName => "sponsor-name",
            Field::SponsorEmail => "sponsor-email",
            Field::Comments => "comments",
        }
    }

    /// The wire name (`project_name`), as in a `422` response's error list.
    pub fn name(self) -> &'static str {
        match self {
            Field::RequesterKind => "requester_kind",
            Field::CustomerIdKind => "customer_id_kind",
            Field::CustomerId => "customer_id",
            Field::Products => "products",
            Field::DeploymentDate => "deployment_date",
            Field::ProjectName => "project_name",
            Field::ServiceLocation => "service_location",
            Field::Language => "language",
            Field::Licences => "licences",
            Field::RequesterName => "requester_name",
            Field::RequesterEmail => "requester_email",
            Field::RequesterPhone => "requester_phone",
            Field::RequesterJobTitle => "requester_job_title",
            Field::PrimaryContactSame => "primary_contact_same",
            Field::PrimaryContactName => "primary_contact_name",
            Field::PrimaryContactEmail => "primary_contact_email",
            Field::SponsorSame => "sponsor_same",
            Field::SponsorName => "sponsor_name",
            Field::SponsorEmail => "sponsor_email",
            Field::Comments => "comments",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// Why a field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Nothing entered or chosen.
    Required,
    /// Longer than the field allows (the limit is in [`crate::limits`]).
    TooLong,
    /// Holds a control character (only comments may hold line breaks and tabs).
    ControlCharacters,
    /// Not one of the offered choices.
    UnknownChoice,
    InvalidEmail,
    InvalidPhone,
    InvalidDomain,
    InvalidTpid,
    InvalidDate,
    /// A deployment date today or earlier.
    DateNotInFuture,
    NotAWholeNumber,
    /// Fewer licences than FastTrack requires.
    BelowFastTrackMinimum,
    /// Fewer licences than the data-migration benefit requires, with data migration chosen.
    BelowMigrationMinimum,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::ControlCharacters,
        ErrorCode::UnknownChoice,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::InvalidDomain,
        ErrorCode::InvalidTpid,
        ErrorCode::InvalidDate,
        ErrorCode::DateNotInFuture,
        ErrorCode::NotAWholeNumber,
        ErrorCode::BelowFastTrackMinimum,
        ErrorCode::BelowMigrationMinimum,
    ];

    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The wire name (`too_long`), as in a `422` response's error list.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too_long",
            ErrorCode::ControlCharacters => "control_characters",
            ErrorCode::UnknownChoice => "unknown_choice",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::InvalidDomain => "invalid_domain",
            ErrorCode::InvalidTpid => "invalid_tpid",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::DateNotInFuture => "date_not_in_future",
            ErrorCode::NotAWholeNumber => "not_a_whole_number",
            ErrorCode::BelowFastTrackMinimum => "below_fasttrack_minimum",
            ErrorCode::BelowMigrationMinimum => "below_migration_minimum",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub code: ErrorCode,
}
