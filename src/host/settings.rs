//! How a setting is declared and read. Each setting is one line of the table in
//! [`crate::host::config`] (`settings!`): its name, its attribute, its type and default, the
//! JSON type it is read as, the parser that checks it, and its documentation. From that table
//! come the typed `Config`, the partial `Settings` one source gives, reading a source (a JSON
//! object or a mount element's attributes), merging, and the list docs/deploying.md's table and
//! `boot.js`'s observed attributes are checked against.

use crate::json::{Object, OtherType};
use serde::de::DeserializeOwned;
use std::cell::RefCell;

/// Declares every setting once; see the table in [`crate::host::config`].
macro_rules! settings {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident ($attribute:literal): $ty:ty = $default:expr, read as $raw:ty, by $parse:path;
    )+) => {
        /// What a mounted app needs to know about where it lives and where requests go.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Config {
            $( $(#[doc = $doc])+ pub $name: $ty, )+
            /// True when the app owns the whole page (it may then set the document's title and
            /// `lang`); false when a host page embeds it.
            pub standalone: bool,
            /// The settings `config.json` locked: later sources cannot change them.
            pub locked: Vec<&'static str>,
        }

        impl Default for Config {
            fn default() -> Self {
                Config { $( $name: $default, )+ standalone: true, locked: Vec::new() }
            }
        }

        /// One source's settings, each checked by its setting's parser; `None` where the source
        /// says nothing about it, or said something that was refused.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Settings {
            $( pub $name: Option<$ty>, )+
            /// The settings later sources cannot change: `config.json`'s `locked` only.
            pub locked: Option<Vec<&'static str>>,
        }

        /// Every setting, in the table's order.
        pub const SETTINGS: &[$crate::host::settings::SettingDoc] = &[$(
            $crate::host::settings::SettingDoc {
                name: stringify!($name),
                attribute: $attribute,
                doc: concat!($($doc, "\n"),+),
            },
        )+];

        impl Settings {
            /// Each setting the source gives, checked by its parser.
            fn read_each(source: &$crate::host::settings::Source, check: &$crate::host::settings::Check) -> Settings {
                Settings {
                    $( $name: check
                        .raw::<$raw>(source, stringify!($name), $attribute)
                        .and_then(|raw| check.checked(stringify!($name), $parse(raw, check))), )+
                    locked: None,
                }
            }

            /// Forgets what this source says about the setting `name`; true if it said anything.
            fn forget(&mut self, name: &str) -> bool {
                match name {
                    $( stringify!($name) => self.$name.take().is_some(), )+
                    _ => false,
                }
            }
        }

        impl Config {
            /// Each setting `settings` gives replaces this one's.
            fn lay_over(&mut self, settings: Settings) {
                $( if let Some(value) = settings.$name { self.$name = value; } )+
                if let Some(locked) = settings.locked {
                    self.locked = locked;
                }
            }
        }
    };
}
pub(crate) use settings;

/// A setting as documented: its name in `config.json` and `mount()`, its attribute (a
/// `[data-fasttrack]` element's with `data-` before it), and its documentation.
#[derive(Clone, Copy, Debug)]
pub struct SettingDoc {
    pub name: &'static str,
    pub attribute: &'static str,
    pub doc: &'static str,
}

/// Where one source's settings are read from.
pub enum Source<'a> {
    /// `config.json`, or a host's `mount()` options: an object of values.
    Object(&'a Object),
    /// A mount element's attributes, by their names without a prefix (`timeout-ms`).
    Attributes(&'a dyn Fn(&str) -> Option<String>),
}

/// The JSON types settings are read as, and how an attribute's text becomes one.
pub trait Raw: DeserializeOwned {
    /// What a value of another type is told: "must be a string".
    const MUST_BE: &'static str;
    /// An attribute's text as this type; `Err` when it cannot be one.
    fn from_attribute(text: &str) -> Result<Self, OtherType>;
}

impl Raw for String {
    const MUST_BE: &'static str = "must be a string";
    fn from_attribute(text: &str) -> Result<Self, OtherType> {
        Ok(text.to_owned())
    }
}

/// A whole number (JSON has only one number type; `2000.5` is refused as not whole).
impl Raw for i64 {
    const MUST_BE: &'static str = "must be a whole number";
    fn from_attribute(text: &str) -> Result<Self, OtherType> {
        text.trim().parse().map_err(|_| OtherType)
    }
}

/// A list: in an attribute, words separated by spaces or commas (`locales="en fr-FR"`).
impl Raw for Vec<String> {
    const MUST_BE: &'static str = "must be a list of strings";
    fn from_attribute(text: &str) -> Result<Self, OtherType> {
        Ok(text
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect())
    }
}

/// True or false: in an attribute, `true` or `false` (present without a value: true). No
/// setting is a flag yet; this and [`any_value`] let one be declared in a single line (the
/// tests below read a flag from attributes).
impl Raw for bool {
    const MUST_BE: &'static str = "must be true or false";
    fn from_attribute(text: &str) -> Result<Self, OtherType> {
        match text.trim() {
            "" | "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(OtherType),
        }
    }
}

/// The parser of a setting that any value of its JSON type suits.
pub fn any_value<T>(value: T, _: &Check) -> Result<T, Refusal> {
    Ok(value)
}

/// The settings as docs/deploying.md's table: name, attribute and documentation, one row each
/// (a test checks the file holds exactly this).
pub fn markdown_table(settings: &[SettingDoc]) -> String {
    let mut table = String::from("| Setting | Attribute | What it sets |\n|---|---|---|\n");
    for s in settings {
        let doc = s.doc.split_whitespace().collect::<Vec<_>>().join(" ");
        table.push_str(&format!("| `{}` | `{}` | {} |\n", s.name, s.attribute, doc));
    }
    table
}

/// An object of strings, its members in their order: in an attribute, JSON text
/// (`headers='{"X-CSRF-Token": "3f9a"}'`).
#[derive(Debug, PartialEq)]
pub struct Members(pub Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Members, D::Error> {
        struct Each;
        impl<'de> serde::de::Visitor<'de> for Each {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Members, M::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Each)
    }
}

impl Raw for Members {
    const MUST_BE: &'static str = "must be an object of strings";
    fn from_attribute(text: &str) -> Result<Self, OtherType> {
        crate::json::from_text(text).map_err(|_| OtherType)
    }
}

/// Why one setting's value was not taken.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// Not the JSON type the setting takes: "must be a string".
    WrongType(&'static str),
    /// The right type, but not a value the app can use.
    Refused(String),
}

/// What a page's own address allows (an `http:` endpoint is refused on an `https:` page).
#[derive(Clone, Copy, Debug, Default)]
pub struct PageFacts {
    pub is_https: bool,
}

/// Reading one source: what the parsers need to know, and the messages they leave.
pub struct Check<'a> {
    pub source: &'a str,
    pub page: PageFacts,
    problems: RefCell<Vec<String>>,
}

impl<'a> Check<'a> {
    pub fn new(source: &'a str, page: PageFacts) -> Self {
        Check {
            source,
            page,
            problems: RefCell::new(Vec::new()),
        }
    }

    /// A message for the console about this source's setting `name`.
    pub fn note(&self, name: &str, what: &str) {
        self.problems
            .borrow_mut()
            .push(format!("fasttrack: {}: `{name}` {what}", self.source));
    }

    /// The setting `name` of `source`, read as `R`; `None` when the source says nothing about
    /// it, or its value is not an `R` (then with a message).
    pub fn raw<R: Raw>(&self, source: &Source, name: &str, attribute: &str) -> Option<R> {
        let raw = match source {
            Source::Object(object) => object.get::<R>(name)?,
            Source::Attributes(get) => R::from_attribute(&get(attribute)?),
        };
        raw.map_err(|OtherType| self.refuse(name, Refusal::WrongType(R::MUST_BE)))
            .ok()
    }

    /// What a setting's parser gave: its value, or `None` with a message.
    pub fn checked<T>(&self, name: &str, parsed: Result<T, Refusal>) -> Option<T> {
        parsed.map_err(|refusal| self.refuse(name, refusal)).ok()
    }

    /// Says why the setting `name` was not taken. (Once for every setting: not written again in
    /// each reading `take` makes.)
    #[inline(never)]
    fn refuse(&self, name: &str, refusal: Refusal) {
        match refusal {
            Refusal::WrongType(why) => self.note(name, &format!("{why}; ignored.")),
            Refusal::Refused(why) => {
                self.note(name, &format!("{why}; keeping the previous value."))
            }
        }
    }

    pub fn into_problems(self) -> Vec<String> {
        self.problems.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_in_an_attribute_is_true_false_or_present() {
        assert_eq!(bool::from_attribute("true"), Ok(true));
        assert_eq!(bool::from_attribute(""), Ok(true));
        assert_eq!(bool::from_attribute(" false "), Ok(false));
        assert_eq!(bool::from_attribute("yes"), Err(OtherType));
    }

    #[test]
    fn the_docs_table_has_a_row_per_setting_on_one_line() {
        let settings = [SettingDoc {
            name: "timeout_ms",
            attribute: "timeout-ms",
            doc: "How long one attempt may take,\nin milliseconds.\n",
        }];
        assert_eq!(
            markdown_table(&settings),
            "| Setting | Attribute | What it sets |\n|---|---|---|\n| `timeout_ms` | `timeout-ms` | How long one attempt may take, in milliseconds. |\n"
        );
    }
}
