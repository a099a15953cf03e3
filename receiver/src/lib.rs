//! The reference receiver: one `POST` that validates a FastTrack assistance request with the
//! shared model, stores it durably in SQLite and answers with a human-friendly reference.
//!
//! - [`api`]: the routes and the contract's responses
//! - [`store`]: SQLite storage and idempotency records
//! - [`problem`]: RFC 9457 `application/problem+json` bodies
//! - [`clock`]: today's date without a date library

pub mod api;
pub mod clock;
pub mod problem;
pub mod store;

pub use api::{router, Settings};
pub use store::Store;
