//! Reads one locale's strings file into its flat table, checking it against the shape and, for
//! every locale but the reference, against the reference's placeholders. Every problem is named
//! with the file and the entry's dotted path; nothing stops at the first.

use super::schema::{Kind, Schema, Struct};
use super::PLURAL_CATEGORIES;
use crate::template::{self, placeholders, RECORD, UNIT};
use std::collections::BTreeMap;
use toml::{Table, Value};

/// A locale's strings, flattened in the shape's field order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flat {
    pub table: Vec<String>,
    /// Each entry's dotted path (`wizard.back`), in the table's order.
    pub paths: Vec<String>,
    /// Each message's dotted path -> its placeholders in order of first use (in the `other`
    /// form), and whether it has plural forms.
    pub messages: BTreeMap<String, MessageShape>,
}

impl Flat {
    /// The entry at a dotted path.
    pub fn get(&self, path: &str) -> Option<&str> {
        let i = self.paths.iter().position(|p| p == path)?;
        self.table.get(i).map(String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageShape {
    pub placeholders: Vec<String>,
    pub plural: bool,
}

/// Reads `text` (the file `file`) against the struct `root` of `schema`. With `reference`,
/// every message must use the reference's placeholders: each form only those, the `other` form
/// all of them.
pub fn flatten(
    schema: &Schema,
    root: &str,
    file: &str,
    text: &str,
    reference: Option<&Flat>,
) -> Result<Flat, Vec<String>> {
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        vec![format!("{file}: not valid TOML: {}", e.to_string().trim())]
    })?;
    let root = schema
        .get(root)
        .ok_or_else(|| vec![format!("no struct `{root}`")])?;
    let mut walk = Walk {
        schema,
        file,
        reference,
        flat: Flat {
            table: Vec::new(),
            paths: Vec::new(),
            messages: BTreeMap::new(),
        },
        problems: Vec::new(),
    };
    walk.table(root, &table, "");
    if walk.problems.is_empty() {
        Ok(walk.flat)
    } else {
        Err(walk.problems)
    }
}

struct Walk<'a> {
    schema: &'a Schema,
    file: &'a str,
    reference: Option<&'a Flat>,
    flat: Flat,
    problems: Vec<String>,
}

impl Walk<'_> {
    fn problem(&mut self, path: &str, what: impl std::fmt::Display) {
        self.problems
            .push(format!("{}: `{path}` {what}", self.file));
    }

    fn table(&mut self, st: &Struct, table: &Table, prefix: &str) {
        for field in &st.fields {
            let path = format!("{prefix}{}", field.name);
            let Some(value) = table.get(&field.name) else {
                self.problem(&path, "is missing");
                // Keep the table aligned so later problems are still found.
                self.push_blank(&field.kind, &path);
                continue;
            };
            if !matches!(field.kind, Kind::Table(_)) {
                self.flat.paths.push(path.clone());
            }
            match &field.kind {
                Kind::Text => {
                    let text = self.text(&path, value);
                    // The reference's text has none: this one is shown as written.
                    for name in placeholders(&text).unwrap_or_default() {
                        self.problem(&path, format_args!("has the placeholder {{{name}}}, which the reference locale's text does not have"));
                    }
                    self.flat.table.push(text);
                }
                Kind::List => self.list(&path, value),
                Kind::Message => self.message(&path, value),
                Kind::Table(name) => match (value, self.schema.get(name)) {
                    (Value::Table(inner), Some(inner_st)) => {
                        self.table(inner_st, inner, &format!("{path}."))
                    }
                    (_, None) => self.problem(&path, format_args!("has no struct `{name}`")),
                    (_, Some(_)) => {
                        self.problem(&path, "must be a table of strings");
                        self.push_blank(&field.kind, &path);
                    }
                },
            }
        }
        for key in table.keys() {
            if !st.fields.iter().any(|f| &f.name == key) {
                self.problem(&format!("{prefix}{key}"), "is not a string the app uses");
            }
        }
    }

    fn push_blank(&mut self, kind: &Kind, path: &str) {
        if let Kind::Table(name) = kind {
            if let Some(st) = self.schema.get(name) {
                for f in &st.fields {
                    self.push_blank(&f.kind, &format!("{path}.{}", f.name));
                }
            }
        } else {
            self.flat.table.push(String::new());
            self.flat.paths.push(path.to_owned());
        }
    }

    fn text(&mut self, path: &str, value: &Value) -> String {
        match value.as_str() {
            Some(s) if s.contains([UNIT, RECORD]) => {
                self.problem(path, "contains a control character (U+001E or U+001F)");
                String::new()
            }
            Some(s) => s.to_owned(),
            None => {
                self.problem(path, "must be a string");
                String::new()
            }
        }
    }

    fn list(&mut self, path: &str, value: &Value) {
        let items: Vec<String> = match value.as_array() {
            Some(items) if !items.is_empty() => items
                .iter()
                .enumerate()
                .map(|(i, v)| self.text(&format!("{path}[{i}]"), v))
                .collect(),
            _ => {
                self.problem(path, "must be a list of one or more strings");
                Vec::new()
            }
        };
        self.flat.table.push(template::join_list(&items));
    }

    fn message(&mut self, path: &str, value: &Value) {
        // The forms, `other` for a plain string.
        let forms: Vec<(String, String)> = match value {
            Value::String(_) => vec![("other".to_owned(), self.text(path, value))],
            Value::Table(t) => {
                let mut forms = Vec::new();
                for (category, text) in t {
                    if !PLURAL_CATEGORIES.contains(&category.as_str()) {
                        self.problem(
                            &format!("{path}.{category}"),
                            format_args!(
                                "is not a plural category (use {})",
                                PLURAL_CATEGORIES.join(", ")
                            ),
                        );
                        continue;
                    }
                    let text = self.text(&format!("{path}.{category}"), text);
                    forms.push((category.clone(), text));
                }
                if !t.contains_key("other") {
                    self.problem(path, "has plural forms but no `other` form");
                }
                forms
            }
            _ => {
                self.problem(path, "must be a string, or a table of plural forms");
                Vec::new()
            }
        };
        let mut other_placeholders = Vec::new();
        let mut used = Vec::new();
        for (category, text) in &forms {
            match placeholders(text) {
                Ok(names) => {
                    if category == "other" {
                        other_placeholders = names.clone();
                    }
                    used.push((category.clone(), names));
                }
                Err(e) => self.problem(&form_path(path, category, forms.len()), e),
            }
        }
        if let Some(reference) = self.reference {
            let wanted = reference
                .messages
                .get(path)
                .map(|m| m.placeholders.clone())
                .unwrap_or_default();
            for (category, names) in &used {
                let at = form_path(path, category, forms.len());
                for name in names.iter().filter(|n| !wanted.contains(n)) {
                    self.problem(&at, format_args!("has the placeholder {{{name}}}, which the reference locale's text does not have"));
                }
                if category == "other" {
                    for name in wanted.iter().filter(|n| !names.contains(n)) {
                        self.problem(&at, format_args!("lacks the placeholder {{{name}}}"));
                    }
                }
            }
        }
        self.flat.messages.insert(
            path.to_owned(),
            MessageShape {
                placeholders: other_placeholders,
                plural: value.is_table(),
            },
        );
        self.flat.table.push(match value {
            Value::Table(_) => {
                template::join_forms(forms.iter().map(|(c, t)| (c.as_str(), t.as_str())))
            }
            _ => forms.into_iter().map(|(_, t)| t).collect(),
        });
    }
}

/// `path` for a plain message, `path.category` for a plural form.
fn form_path(path: &str, category: &str, forms: usize) -> String {
    if forms == 1 && category == "other" {
        path.to_owned()
    } else {
        format!("{path}.{category}")
    }
}
