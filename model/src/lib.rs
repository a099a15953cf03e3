//! The FastTrack assistance request, shared by the browser (compiled to wasm) and the reference
//! receiver (native): what the wizard collects ([`Draft`]), what is sent ([`AssistanceRequest`])
//! and the one set of rules between them ([`validate_step`], [`validate`]).
//!
//! Errors are codes ([`FieldError`]), never English sentences: each side words them in the
//! reader's language. A refusal travels as a [`Problem`] (RFC 9457), written by the receiver and
//! read by the browser.

mod choices;
mod date;
mod draft;
mod error;
pub mod http;
pub mod limits;
mod problem;
mod regions;
mod request;
mod rules;
#[cfg(feature = "schema")]
mod schema;
mod step;
pub mod text;

pub use choices::{CustomerIdKind, FastTrackLanguage, Product, RequesterKind};
pub use date::Date;
pub use draft::{ContactDraft, Draft, PersonDraft, YES_NO};
pub use error::{ErrorCode, Field, FieldError};
pub use problem::{Problem, ProblemField, Reason, Refusal, PROBLEM_TYPE_BASE};
pub use regions::REGIONS;
pub use request::{AssistanceRequest, Contact, CustomerRef, Organisation, Person, SCHEMA_VERSION};
pub use rules::{
    parse_licences, validate, validate_step, FASTTRACK_MIN_LICENCES, MIGRATION_MIN_LICENCES,
};
pub use step::Step;
