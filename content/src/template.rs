//! How one entry of a locale's strings table is written, for both sides: the build writes and
//! checks entries (`strings/check.rs`, [`placeholders`]), the app fills them
//! (`src/i18n/message.rs`).
//!
//! - In a text, `{name}` is a placeholder and `{{`, `}}` are literal braces.
//! - A list's items are joined by [`UNIT`].
//! - A message with plural forms starts with [`UNIT`]; each form is its CLDR category, then
//!   [`RECORD`], then its text, and the forms are joined by [`UNIT`].

/// Separates a list's items, and a message's plural forms.
pub const UNIT: char = '\u{1F}';
/// Separates a plural form's category from its text.
pub const RECORD: char = '\u{1E}';

/// A piece of a text with placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    /// What is between `{` and `}` (not checked to be a name).
    Placeholder(&'a str),
    /// A `}` that closes nothing, or a `{` that is never closed.
    Stray(char),
}

/// The pieces of `text`, in order; a doubled brace is a `Text` of one brace.
pub fn parts(text: &str) -> impl Iterator<Item = Part<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let i = rest.find(['{', '}']);
        if i != Some(0) {
            let text = &rest[..i.unwrap_or(rest.len())];
            rest = &rest[text.len()..];
            return (!text.is_empty()).then_some(Part::Text(text));
        }
        let (brace, after) = rest.split_at(1);
        if after.starts_with(brace) {
            rest = &after[1..];
            return Some(Part::Text(brace));
        }
        let end = after.find('}').filter(|_| brace == "{");
        Some(match end {
            Some(end) => {
                rest = &after[end + 1..];
                Part::Placeholder(&after[..end])
            }
            None => {
                rest = after;
                Part::Stray(if brace == "{" { '{' } else { '}' })
            }
        })
    })
}

/// A message's plural forms as one entry.
pub fn join_forms<'a>(forms: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    forms
        .into_iter()
        .map(|(category, text)| format!("{UNIT}{category}{RECORD}{text}"))
        .collect()
}

/// The text of an entry for a plural `category`: the form of that category, else the `other`
/// form; a message without plural forms is its own text.
pub fn form<'a>(entry: &'a str, category: &str) -> &'a str {
    let Some(forms) = entry.strip_prefix(UNIT) else {
        return entry;
    };
    let mut other = "";
    for form in forms.split(UNIT) {
        let (c, text) = form.split_once(RECORD).unwrap_or(("other", form));
        if c == category {
            return text;
        }
        if c == "other" {
            other = text;
        }
    }
    other
}

/// A list's items as one entry.
pub fn join_list(items: &[String]) -> String {
    items.join(&UNIT.to_string())
}

/// The items of a list entry.
pub fn list_items(entry: &str) -> impl Iterator<Item = &str> {
    entry.split(UNIT).filter(|s| !s.is_empty())
}

/// The placeholders of `text` in order of first use; `{{` and `}}` are literal braces.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    for part in parts(text) {
        let name = match part {
            Part::Text(_) => continue,
            Part::Stray('}') => {
                return Err("has a `}` that closes nothing (write `}}` for a brace)".into())
            }
            Part::Stray(_) => {
                return Err("has a `{` that is not closed (write `{{` for a brace)".into())
            }
            Part::Placeholder(name) => name,
        };
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(format!(
                "has `{{{name}}}`: a placeholder is a lowercase name like {{date}}"
            ));
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Part::*;

    #[test]
    fn parts_of_a_text() {
        let found: Vec<_> = parts("a {b} {{c}} } d {e").collect();
        assert_eq!(
            found,
            [
                Text("a "),
                Placeholder("b"),
                Text(" "),
                Text("{"),
                Text("c"),
                Text("}"),
                Text(" "),
                Stray('}'),
                Text(" d "),
                Stray('{'),
                Text("e")
            ]
        );
        assert_eq!(parts("").count(), 0);
    }

    #[test]
    fn forms_are_picked_by_category_or_other() {
        let entry = join_forms([("one", "1 day"), ("other", "n days")]);
        assert_eq!(form(&entry, "one"), "1 day");
        assert_eq!(form(&entry, "few"), "n days");
        assert_eq!(form("plain", "one"), "plain");
        let list = join_list(&["a".into(), "b".into()]);
        assert_eq!(list_items(&list).collect::<Vec<_>>(), ["a", "b"]);
    }
}
