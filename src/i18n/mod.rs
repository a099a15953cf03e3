//! UI strings. Each locale's are data (content/locales/<tag>.toml). The build reads the
//! reference locale's file (en.toml) as the strings' shape and generates from it the structs
//! the components use (`Ui`, whose tables are structs named after their keys: `[wizard]` is
//! `WizardText`), checks every locale against it, and turns each into a table per locale,
//! the `read` functions that fill the structs from a table, and a typed function per message
//! (`wizard.step_of(&n, &total)`), whose parameters are the English text's placeholders. A
//! count chooses a message's words by the locale's plural rules ([`Number::plural`]). Numbers
//! and dates are formatted by the browser's `Intl`.

mod intl;
mod lookups;
mod message;

pub use intl::{format_date, format_date_time, Number, Plural};
pub use message::{List, Message, Table};

include!(concat!(env!("OUT_DIR"), "/strings.rs"));
