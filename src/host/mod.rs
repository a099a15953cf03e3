//! How a host page talks to the app: what starts it ([`boot`]), the `FastTrack.mount` entry
//! for host scripts ([`embed`]), the bundle's own files ([`bundle`]), where its settings come
//! from ([`sources`]) and what they mean ([`config`], each declared once and read as
//! [`settings`] says), what the app tells its host ([`events`]), and how it takes over a page
//! prerendered at build time ([`takeover`]).

pub mod boot;
pub mod bundle;
pub mod config;
pub mod embed;
pub mod events;
pub mod settings;
pub mod sources;
pub mod takeover;

pub use config::{Config, Credentials, DraftStorage};
