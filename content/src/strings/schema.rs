//! The shape a strings file must have, read from the app's own struct definitions
//! (`src/i18n/text.rs`, `src/i18n/wizard_text.rs`): the struct is the contract the components
//! compile against, so the strings files are checked against that, not against a second list.
//!
//! Only the simple form those files use is understood: `pub struct Name {`, one
//! `pub field: Type,` per line, `#[cfg(...)]` on the line before a field, `}` alone.

/// A field's kind, from its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `&'static str`
    Text,
    /// `Message`: placeholders and plural forms.
    Message,
    /// `List`: a list of texts.
    List,
    /// Another struct of the shape, a table in the strings file.
    Table(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub kind: Kind,
    /// A `#[cfg(...)]` on the field, copied into the generated code.
    pub cfg: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Struct {
    pub name: String,
    pub fields: Vec<Field>,
    /// The cfg its whole source file is compiled under (the wizard's strings), if any.
    pub cfg: Option<String>,
}

/// Every struct of the shape, and the root's name.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub structs: Vec<Struct>,
}

impl Schema {
    /// Adds the structs defined in `source` (named `file` in messages), compiled under `cfg`.
    pub fn read(&mut self, file: &str, source: &str, cfg: Option<&str>) -> Result<(), String> {
        let mut current: Option<Struct> = None;
        let mut pending_cfg: Option<String> = None;
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            let at = || format!("{file}:{}", n + 1);
            if let Some(rest) = line.strip_prefix("pub struct ") {
                let name = rest
                    .strip_suffix('{')
                    .map(str::trim)
                    .filter(|n| !n.is_empty() && !n.contains(' '))
                    .ok_or_else(|| format!("{}: expected `pub struct Name {{`", at()))?;
                current = Some(Struct {
                    name: name.to_owned(),
                    fields: Vec::new(),
                    cfg: cfg.map(str::to_owned),
                });
                continue;
            }
            let Some(st) = current.as_mut() else { continue };
            if line == "}" {
                self.structs.extend(current.take());
                continue;
            }
            if let Some(attr) = line
                .strip_prefix("#[cfg(")
                .and_then(|r| r.strip_suffix(")]"))
            {
                pending_cfg = Some(attr.to_owned());
                continue;
            }
            let Some(field) = line.strip_prefix("pub ") else {
                continue;
            };
            let (name, ty) = field
                .strip_suffix(',')
                .and_then(|f| f.split_once(':'))
                .ok_or_else(|| format!("{}: expected `pub name: Type,`", at()))?;
            let kind = match ty.trim() {
                "&'static str" => Kind::Text,
                "Message" => Kind::Message,
                "List" => Kind::List,
                other
                    if other.starts_with(|c: char| c.is_ascii_uppercase())
                        && other.chars().all(|c| c.is_ascii_alphanumeric()) =>
                {
                    Kind::Table(other.to_owned())
                }
                other => {
                    return Err(format!(
                        "{}: `{other}` is not a type strings files fill",
                        at()
                    ))
                }
            };
            st.fields.push(Field {
                name: name.trim().to_owned(),
                kind,
                cfg: pending_cfg.take(),
            });
        }
        match current {
            Some(st) => Err(format!("{file}: struct {} is not closed", st.name)),
            None => Ok(()),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Struct> {
        self.structs.iter().find(|s| s.name == name)
    }

    /// Every struct reachable from `root`, each once, `root` first, with the dotted path of
    /// the first place it appears (`wizard.sending.`; empty for the root); an error names a
    /// field whose struct is not defined.
    pub fn reachable(&self, root: &str) -> Result<Vec<(&Struct, String)>, String> {
        let mut out: Vec<(&Struct, String)> = Vec::new();
        let mut todo = vec![(root.to_owned(), String::new())];
        while let Some((name, prefix)) = todo.pop() {
            if out.iter().any(|(s, _)| s.name == name) {
                continue;
            }
            let st = self
                .get(&name)
                .ok_or_else(|| format!("the strings' shape has no struct `{name}`"))?;
            for f in st.fields.iter().rev() {
                if let Kind::Table(t) = &f.kind {
                    todo.push((t.clone(), format!("{prefix}{}.", f.name)));
                }
            }
            out.push((st, prefix));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_kinds_and_cfgs() {
        let mut schema = Schema::default();
        let source = "/// Doc.\npub struct Ui {\n    /// A label.\n    pub title: &'static str,\n    pub note: Message,\n    pub needs: List,\n    #[cfg(feature = \"wizard\")]\n    pub wizard: Wizard,\n}\n\nimpl Ui {}\n";
        schema.read("text.rs", source, None).unwrap();
        let ui = schema.get("Ui").unwrap();
        let kinds: Vec<_> = ui
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("title", Kind::Text),
                ("note", Kind::Message),
                ("needs", Kind::List),
                ("wizard", Kind::Table("Wizard".into()))
            ]
        );
        assert_eq!(ui.fields[3].cfg.as_deref(), Some("feature = \"wizard\""));
        assert_eq!(ui.fields[0].cfg, None);
        assert!(schema.reachable("Ui").unwrap_err().contains("`Wizard`"));
    }

    #[test]
    fn refuses_a_type_it_cannot_fill() {
        let err = Schema::default()
            .read("t.rs", "pub struct A {\n    pub n: u32,\n}\n", None)
            .unwrap_err();
        assert_eq!(err, "t.rs:2: `u32` is not a type strings files fill");
    }
}
