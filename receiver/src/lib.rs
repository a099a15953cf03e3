//! The reference receiver: one `POST` that validates a FastTrack assistance request with the
//! shared model, stores it durably in SQLite and answers with a human-friendly reference.
//!
//! - [`api`]: the routes and the contract's responses
//! - [`extract`]: what a `POST` must bring (content type, Idempotency-Key, JSON body)
//! - [`limits`]: deadlines and the bound on requests under way
//! - [`server`]: the HTTP/1.1 server, with a deadline for each request's head
//! - [`store`]: SQLite storage and idempotency records
//! - [`reference`]: the short, random references requests are stored under
//! - [`private_files`]: the database and exports, readable by the operator only
//! - [`problem`]: the model's RFC 9457 problem sent as `application/problem+json`
//! - [`origin`]: `--allow-origin` values, checked at start
//! - [`retention`]: how long idempotency records are kept, and their purge
//! - [`cli`]: the command line (serving, and the operator's count, export and delete)
//! - [`clock`]: today's date without a date library

pub mod api;
pub mod cli;
pub mod clock;
pub mod extract;
pub mod limits;
pub mod origin;
pub mod private_files;
pub mod problem;
pub mod reference;
pub mod retention;
pub mod server;
pub mod store;

pub use api::{router, Settings};
pub use limits::Limits;
pub use origin::Origin;
pub use server::serve;
pub use store::Store;
