//! "Request assistance for Microsoft 365": a start page, five question pages, a review.
//! The rules live in the `fasttrack-model` crate; this module only asks and shows.

mod check;
mod client;
mod confirmation;
mod context;
mod controls;
mod draft_store;
mod error_summary;
mod frame;
mod messages;
mod names;
mod page;
mod start;
mod state;
mod steps;
mod submit;

pub use page::RequestPage;
pub use start::RequestStart;
pub use state::WizardState;
