//! The Rust the app's build script writes from the shape and the reference locale: each struct
//! (its fields documented with the reference's text), a `read` that fills it from a flat
//! table, and for each message a typed function whose parameters are the reference text's
//! placeholders.

use super::check::Flat;
use super::schema::{Kind, Schema};
use std::fmt::Write;

/// The structs reachable from `root`, with their `impl` blocks. `i18n` is the path of the
/// app's module that defines `Table`, `Message`, `List` and `Number`.
pub fn impls(schema: &Schema, root: &str, reference: &Flat, i18n: &str) -> Result<String, String> {
    let mut out = String::new();
    for (st, prefix) in schema.reachable(root)? {
        let table = if st.path.is_empty() {
            "The strings files' entries outside any table".to_owned()
        } else {
            format!("`[{}]` in the strings files", st.path)
        };
        let _ = writeln!(out, "/// {table} (the reference: content/locales/en.toml).");
        let _ = writeln!(out, "pub struct {} {{", st.name);
        for f in &st.fields {
            let ty = match &f.kind {
                Kind::Text => "&'static str".to_owned(),
                Kind::List => format!("{i18n}::List"),
                Kind::Message => format!("{i18n}::Message"),
                Kind::Table(name) => name.clone(),
            };
            if !f.example.is_empty() {
                let _ = writeln!(out, "    /// {}", doc_text(&f.example));
            }
            let _ = writeln!(out, "    pub {}: {ty},", f.name);
        }
        out.push_str("}\n");
        let _ = writeln!(out, "impl {} {{", st.name);
        let _ = writeln!(
            out,
            "    /// Fills the struct from the next entries of a locale's table.\n    pub(crate) fn read(t: &mut {i18n}::Table) -> Self {{\n        Self {{"
        );
        for f in &st.fields {
            let read = match &f.kind {
                Kind::Text => "t.text()".to_owned(),
                Kind::List => "t.list()".to_owned(),
                Kind::Message => "t.message()".to_owned(),
                Kind::Table(name) => format!("{name}::read(t)"),
            };
            let _ = writeln!(out, "            {}: {read},", f.name);
        }
        out.push_str("        }\n    }\n");
        // Every place a struct appears has the same messages: the first place names them.
        for f in st.fields.iter().filter(|f| f.kind == Kind::Message) {
            let path = format!("{prefix}{}", f.name);
            let shape = reference
                .messages
                .get(&path)
                .ok_or_else(|| format!("the reference locale has no message `{path}`"))?;
            let mut params = Vec::new();
            let mut args = Vec::new();
            for (k, name) in shape.placeholders.iter().enumerate() {
                if shape.plural && k == 0 {
                    params.push(format!("{name}: &{i18n}::Number"));
                    args.push(format!("(\"{name}\", {name})"));
                } else {
                    params.push(format!("{name}: impl ::std::fmt::Display"));
                    args.push(format!("(\"{name}\", &{name})"));
                }
            }
            let plural = match (shape.plural, shape.placeholders.first()) {
                (true, Some(first)) => format!("Some({first}.plural)"),
                (true, None) => {
                    return Err(format!(
                        "`{path}` has plural forms but no placeholder to count"
                    ))
                }
                (false, _) => "None".to_owned(),
            };
            let _ = writeln!(
                out,
                "    /// `{path}`, filled.\n    pub fn {name}(&self{sep}{params}) -> String {{\n        self.{name}.fill({plural}, &[{args}])\n    }}",
                name = f.name,
                sep = if params.is_empty() { "" } else { ", " },
                params = params.join(", "),
                args = args.join(", "),
            );
        }
        out.push_str("}\n");
    }
    Ok(out)
}

/// The reference's text as one line of a doc comment: quoted, shortened past 100 characters.
fn doc_text(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = line.chars().take(100).collect();
    let more = if short.len() < line.len() { "…" } else { "" };
    format!("“{short}{more}”")
}

/// A locale's table as a Rust expression of type `&'static [&'static str]`.
pub fn table_expr(flat: &Flat) -> String {
    let mut out = String::from("&[");
    for entry in &flat.table {
        let _ = write!(out, "{entry:?},");
    }
    out.push(']');
    out
}
