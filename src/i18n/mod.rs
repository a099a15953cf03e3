//! UI strings. Each locale's are data (content/locales/<tag>.toml); the build checks them
//! against the structs here (text.rs, wizard_text.rs) and turns them into a table per locale,
//! the `read` functions that fill the structs from a table, and a typed function per message
//! (`wizard.step_of(&n, &total)`), whose parameters are the English text's placeholders. A
//! count chooses a message's words by the locale's plural rules ([`Number::plural`]). Numbers
//! and dates are formatted by the browser's `Intl`.

mod intl;
mod message;
mod text;
mod wizard_text;

pub use intl::{format_date, format_date_time, Number, Plural};
pub use message::{List, Message, Table};
pub use text::*;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));
