//! The UI strings files (`locales/<tag>.toml`): the shape they must have (the app's Rust structs,
//! [`schema`]), reading and checking one against the reference locale ([`check`]), and the Rust
//! the app's build script writes from them ([`codegen`]).
//!
//! A locale's strings become a flat table, one entry per leaf of the shape in field order, so
//! the app reads every locale with the same generated code. Lists and plural forms are packed
//! into one entry as [`crate::template`] says.

pub mod check;
pub mod codegen;
pub mod schema;

/// The plural categories of `Intl.PluralRules` (CLDR), as a strings file names them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The app's struct definitions strings files must fill (relative to the app's root), and
/// the cfg each file is compiled under. `Ui` is the root.
pub const SHAPE: [(&str, Option<&str>); 2] = [
    ("src/i18n/text.rs", None),
    ("src/i18n/wizard_text.rs", None),
];

/// The root's table whose strings are a pack of their own (the wizard's): the guide's pages
/// are not sent them. It is the root's last field, so its entries come last in the table.
pub const SECOND_PACK: &str = "wizard";

/// The locale every other is checked against, and whose texts give the typed message functions
/// their parameters.
pub const REFERENCE: &str = "en";
