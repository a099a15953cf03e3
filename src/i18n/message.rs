//! The values a locale's strings table holds besides plain text: messages with placeholders
//! and plural forms, and lists, written as `fasttrack_content::template` says. The build
//! (content/src/strings) writes them; the typed message functions it generates fill them.

use super::Plural;
use fasttrack_content::template::{self, Part};
use std::fmt::Display;

/// A text with `{name}` placeholders, and plural forms where a count chooses the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message(&'static str);

impl Message {
    /// The form for `plural` (the `other` form if the locale has no such form, or the message
    /// no plural forms), with each `{name}` replaced by its argument; `{{` and `}}` are braces.
    pub fn fill(self, plural: Option<Plural>, args: &[(&str, &dyn Display)]) -> String {
        let text = template::form(self.0, plural.map_or("other", Plural::name));
        let mut out = String::with_capacity(text.len() + 16);
        for part in template::parts(text) {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Placeholder(name) => match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    // The build checks every placeholder; keep an unknown one visible.
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Part::Stray(brace) => out.push(brace),
            }
        }
        out
    }
}

/// A list of texts ("what to have ready").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct List(&'static str);

impl List {
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        template::list_items(self.0)
    }
}

/// A locale's strings in the order the generated `read` functions take them. A short table
/// (never written by the build) leaves the rest blank rather than failing.
pub struct Table(std::slice::Iter<'static, &'static str>);

impl Table {
    pub fn new(entries: &'static [&'static str]) -> Table {
        Table(entries.iter())
    }

    pub fn text(&mut self) -> &'static str {
        self.0.next().copied().unwrap_or("")
    }

    pub fn message(&mut self) -> Message {
        Message(self.text())
    }

    pub fn list(&mut self) -> List {
        List(self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLURAL: &str = "\u{1F}one\u{1E}{n} minute left\u{1F}other\u{1E}{n} minutes left";

    #[test]
    fn fills_placeholders_in_any_order_and_keeps_escaped_braces() {
        let m = Message("{b} then {a}, {{literal}} and {a}");
        assert_eq!(
            m.fill(None, &[("a", &1), ("b", &"two")]),
            "two then 1, {literal} and 1"
        );
    }

    #[test]
    fn picks_the_plural_form_or_falls_back_to_other() {
        let m = Message(PLURAL);
        assert_eq!(m.fill(Some(Plural::One), &[("n", &1)]), "1 minute left");
        assert_eq!(m.fill(Some(Plural::Other), &[("n", &5)]), "5 minutes left");
        // A category this locale's file does not give (Polish `few`, say) reads `other`.
        assert_eq!(m.fill(Some(Plural::Few), &[("n", &3)]), "3 minutes left");
        assert_eq!(m.fill(None, &[("n", &3)]), "3 minutes left");
    }

    #[test]
    fn an_unknown_placeholder_or_a_lone_brace_stays_visible() {
        let m = Message("a {missing} b } c {");
        assert_eq!(m.fill(None, &[]), "a {missing} b } c {");
    }

    #[test]
    fn a_list_splits_on_the_unit_separator() {
        let l = List("one\u{1F}two");
        assert_eq!(l.iter().collect::<Vec<_>>(), ["one", "two"]);
    }

    #[test]
    fn a_short_table_reads_blank() {
        static ENTRIES: [&str; 1] = ["x"];
        let mut t = Table::new(&ENTRIES);
        assert_eq!((t.text(), t.text()), ("x", ""));
    }
}
