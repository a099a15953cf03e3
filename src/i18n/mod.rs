//! UI strings, one file per locale. Each file fills the same [`Ui`] struct, so a missing or
//! misspelled key is a compile error, not a blank label at run time. A string with parts that
//! vary is a function of them (`step_of: |n, total| format!("Step {n} of {total}")`): the
//! compiler checks every locale's arguments, and a count chooses its words by the locale's
//! plural rules ([`Number::plural`]). Numbers and dates are formatted by the browser's `Intl`.

mod intl;
mod text;
#[cfg(feature = "wizard")]
mod wizard_text;

pub use intl::{format_date, format_date_time, Number, Plural};
pub use text::*;
