//! The UI strings files (`locales/<tag>.toml`): the shape they must have (the reference
//! locale's file, [`schema`]), reading and checking one against the reference ([`check`]), and
//! the Rust the app's build script writes from them: the structs the components compile
//! against and the code that fills them ([`codegen`]).
//!
//! A locale's strings become a flat table, one entry per leaf of the shape in field order, so
//! the app reads every locale with the same generated code. Lists and plural forms are packed
//! into one entry as [`crate::template`] says.

pub mod check;
pub mod codegen;
pub mod schema;

/// The plural categories of `Intl.PluralRules` (CLDR), as a strings file names them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The tables that are one struct wherever they appear, by the struct's name: the components
/// treat them alike. `a.*` is every table directly in `a`. Every other table is a struct of
/// its own, named after its key (`[wizard.sending]`: `SendingText`).
pub const SHARED: &[(&str, &[&str])] = &[
    ("StepText", &["wizard.steps.*"]),
    ("FieldText", &["wizard.fields.*"]),
    (
        "Choice",
        &[
            "wizard.requester_kinds.*",
            "wizard.customer_id_kinds.*",
            "wizard.data_migration",
            "wizard.user_adoption",
        ],
    ),
];

/// The root's table whose strings are a pack of their own (the wizard's). Every page that loads
/// the app reads it (the app is one build); it is the root's last field, so its entries come
/// last in the table.
pub const SECOND_PACK: &str = "wizard";

/// The locale every other is checked against: its file gives the strings their shape, and its
/// texts the typed message functions their parameters.
pub const REFERENCE: &str = "en";
