//! A locale's pack: a table of UI strings, or its guide, as one text file, fetched by the app
//! when the reader needs it, so a locale costs a first load nothing until it is used (each
//! locale has three: its strings, its guide, the wizard's strings; `crate::bundle`).
//!
//! The text is a list of tokens separated by U+001C: `FT1`, the table's length and entries,
//! then `-` (no guide) or the guide in prefix form (a list is its length, then its items),
//! then `end`.
//! [`read`] takes the text as `&'static str` (the app leaks a fetched pack once; it is kept for
//! the page's life) and borrows every string from it: decoding copies no text.

use crate::model::*;

/// Separates tokens. Neither the strings nor the guide may contain it (the build checks).
pub const SEPARATOR: char = '\u{1C}';
const MAGIC: &str = "FT1";
/// The last token: a pack cut short anywhere lacks it.
const END: &str = "end";

/// What a pack holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    pub table: Vec<&'static str>,
    pub guide: Option<Guide>,
}

/// Reads a pack; `None` if it is not one this build writes (truncated, or another version).
pub fn read(text: &'static str) -> Option<Pack> {
    let mut t = Tokens(text.split(SEPARATOR));
    if t.next()? != MAGIC {
        return None;
    }
    let n = t.count()?;
    let table = (0..n).map(|_| t.next()).collect::<Option<Vec<_>>>()?;
    let guide = match t.next()? {
        "-" => None,
        "g" => Some(t.guide()?),
        _ => return None,
    };
    (t.next()? == END && t.next().is_none()).then_some(Pack { table, guide })
}

struct Tokens(std::str::Split<'static, char>);

impl Tokens {
    fn next(&mut self) -> Option<&'static str> {
        self.0.next()
    }

    fn count(&mut self) -> Option<usize> {
        self.next()?.parse().ok()
    }

    fn optional(&mut self) -> Option<Option<&'static str>> {
        Some(self.next()?.strip_prefix('+'))
    }

    /// A list: its length, then each item. Kept for the page's life, as the text is.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<&'static [T]> {
        let n = self.count()?;
        let mut items = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Some(items.leak())
    }

    fn guide(&mut self) -> Option<Guide> {
        let locale = self.next()?;
        let front_matter = FrontMatter {
            title: self.next()?,
            description: self.next()?,
            updated: self.date()?,
            content_locale: self.next()?,
            translated_from: self.optional()?,
            fields: &[],
        };
        Some(Guide {
            locale,
            front_matter,
            title: self.next()?,
            title_anchor: self.next()?,
            sections: self.list(Self::section)?,
        })
    }

    fn date(&mut self) -> Option<Date> {
        let mut parts = self.next()?.split('-');
        let date = Date {
            year: parts.next()?.parse().ok()?,
            month: parts.next()?.parse().ok()?,
            day: parts.next()?.parse().ok()?,
        };
        parts.next().is_none().then_some(date)
    }

    fn section(&mut self) -> Option<Section> {
        let id = self.next()?;
        let heading = match self.next()? {
            "-" => None,
            level => Some(Heading {
                level: level.parse().ok()?,
                anchor: self.optional()?,
                text: self.inlines()?,
            }),
        };
        Some(Section {
            id,
            heading,
            blocks: self.list(Self::block)?,
        })
    }

    fn block(&mut self) -> Option<Block> {
        Some(match self.next()? {
            "p" => Block::Paragraph(self.inlines()?),
            kind @ ("ol" | "ul") => Block::List {
                ordered: kind == "ol",
                items: self.list(Self::inlines)?,
            },
            "c" => Block::Callout {
                kind: match self.next()? {
                    "note" => CalloutKind::Note,
                    "tip" => CalloutKind::Tip,
                    "important" => CalloutKind::Important,
                    "warning" => CalloutKind::Warning,
                    "caution" => CalloutKind::Caution,
                    _ => return None,
                },
                paragraphs: self.list(Self::inlines)?,
            },
            "d" => Block::Diagram {
                title: self.next()?,
                edition: match self.next()? {
                    "apps" => DiagramEdition::Microsoft365Apps,
                    "proplus" => DiagramEdition::Office365ProPlus,
                    _ => return None,
                },
            },
            "r" => Block::Roles(RolesTable {
                role_header: self.inlines()?,
                responsibility_header: self.inlines()?,
                roles: self.list(|t| {
                    Some(Role {
                        name: t.inlines()?,
                        responsibilities: t.list(Self::inlines)?,
                    })
                })?,
            }),
            _ => return None,
        })
    }

    fn inlines(&mut self) -> Option<&'static [Inline]> {
        self.list(Self::inline)
    }

    fn inline(&mut self) -> Option<Inline> {
        Some(match self.next()? {
            "t" => Inline::Text(self.next()?),
            "s" => Inline::Strong(self.inlines()?),
            "e" => Inline::Emphasis(self.inlines()?),
            "l" => Inline::Link {
                href: self.next()?,
                children: self.inlines()?,
            },
            "a" => match self.next()? {
                "request" => Inline::AppLink {
                    target: AppPage::Request,
                    children: self.inlines()?,
                },
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// Writes a pack (the build's side of [`read`]); an error names a string holding the separator.
#[cfg(feature = "parse")]
pub fn write(table: &[String], guide: Option<&Guide>) -> Result<String, String> {
    let mut w = Writer(Vec::new());
    w.push(MAGIC);
    w.push(table.len().to_string());
    for entry in table {
        w.push(entry.as_str());
    }
    match guide {
        None => w.push("-"),
        Some(g) => {
            w.push("g");
            w.guide(g);
        }
    }
    w.push(END);
    if let Some(bad) = w.0.iter().find(|t| t.contains(SEPARATOR)) {
        return Err(format!(
            "a string contains U+001C, which packs use: {bad:?}"
        ));
    }
    Ok(w.0.join(&SEPARATOR.to_string()))
}

#[cfg(feature = "parse")]
struct Writer(Vec<String>);

#[cfg(feature = "parse")]
impl Writer {
    fn push(&mut self, token: impl Into<String>) {
        self.0.push(token.into());
    }

    fn optional(&mut self, value: Option<&str>) {
        self.push(value.map_or("-".to_owned(), |v| format!("+{v}")));
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.push(items.len().to_string());
        for item in items {
            each(self, item);
        }
    }

    fn guide(&mut self, g: &Guide) {
        let f = &g.front_matter;
        self.push(g.locale);
        self.push(f.title);
        self.push(f.description);
        let Date { year, month, day } = f.updated;
        self.push(format!("{year}-{month}-{day}"));
        self.push(f.content_locale);
        self.optional(f.translated_from);
        self.push(g.title);
        self.push(g.title_anchor);
        self.list(g.sections, |w, s| w.section(s));
    }

    fn section(&mut self, s: &Section) {
        self.push(s.id);
        match &s.heading {
            None => self.push("-"),
            Some(h) => {
                self.push(h.level.to_string());
                self.optional(h.anchor);
                self.inlines(h.text);
            }
        }
        self.list(s.blocks, |w, b| w.block(b));
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(run) => {
                self.push("p");
                self.inlines(run);
            }
            Block::List { ordered, items } => {
                self.push(if *ordered { "ol" } else { "ul" });
                self.list(items, |w, run| w.inlines(run));
            }
            Block::Callout { kind, paragraphs } => {
                self.push("c");
                self.push(match kind {
                    CalloutKind::Note => "note",
                    CalloutKind::Tip => "tip",
                    CalloutKind::Important => "important",
                    CalloutKind::Warning => "warning",
                    CalloutKind::Caution => "caution",
                });
                self.list(paragraphs, |w, run| w.inlines(run));
            }
            Block::Diagram { title, edition } => {
                self.push("d");
                self.push(*title);
                self.push(match edition {
                    DiagramEdition::Microsoft365Apps => "apps",
                    DiagramEdition::Office365ProPlus => "proplus",
                });
            }
            Block::Roles(table) => {
                self.push("r");
                self.inlines(table.role_header);
                self.inlines(table.responsibility_header);
                self.list(table.roles, |w, role| {
                    w.inlines(role.name);
                    w.list(role.responsibilities, |w, run| w.inlines(run));
                });
            }
        }
    }

    fn inlines(&mut self, run: &[Inline]) {
        self.list(run, |w, inline| w.inline(inline));
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(t) => {
                self.push("t");
                self.push(*t);
            }
            Inline::Strong(c) => {
                self.push("s");
                self.inlines(c);
            }
            Inline::Emphasis(c) => {
                self.push("e");
                self.inlines(c);
            }
            Inline::Link { href, children } => {
                self.push("l");
                self.push(*href);
                self.inlines(children);
            }
            Inline::AppLink { target, children } => {
                self.push("a");
                self.push(match target {
                    AppPage::Request => "request",
                });
                self.inlines(children);
            }
        }
    }
}
