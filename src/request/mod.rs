//! "Request assistance for Microsoft 365": a start page, five question pages, a review and a
//! confirmation. The rules live in the `fasttrack-model` crate; this module only asks and shows.
//!
//! - [`page`](WizardPage): which page an address draws (a pure dispatcher)
//! - `start`, `question`, `check`, `confirmation`: the pages; `arrival`: what each does on
//!   arrival (title, host event, announcement); `frame`: what stands under each
//! - `steps`, `controls`, `error_summary`: the questions' fields and the form kit
//! - `review_rows`: what the review lists (pure); `messages`, `names`: answers and errors in
//!   the reader's words
//! - `use_submission`: the send, owned by the wizard; `client` (the browser's `fetch`) and
//!   `submit` (what each answer means, pure)
//! - `state`, `context`, `draft_store`: the answers, saved as they change

mod answer_list;
mod arrival;
mod check;
mod client;
mod confirmation;
mod context;
mod controls;
mod draft_store;
mod error_summary;
mod frame;
pub mod messages;
mod names;
mod page;
mod question;
mod record;
mod review_rows;
mod start;
mod state;
mod steps;
mod submit;
mod use_submission;

pub use arrival::question_title;
pub use draft_store::{sweep as sweep_kept_answers, KEY_PREFIX};
pub use page::WizardPage;
pub use state::WizardState;
pub use use_submission::provide_submission;
