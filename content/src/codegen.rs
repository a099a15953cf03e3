//! [`Guide`] -> Rust source for a `static`, so the app embeds the parsed model as plain data.

use crate::model::*;
use std::fmt::Write;

/// Rust source of an expression of type `Guide`; names are qualified with `path` (e.g.
/// `fasttrack_content::model`).
pub fn guide_expr(guide: &Guide, path: &str) -> String {
    let mut out = String::new();
    Gen {
        out: &mut out,
        p: path,
    }
    .guide(guide);
    out
}

struct Gen<'a> {
    out: &'a mut String,
    p: &'a str,
}

impl Gen<'_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn str(&mut self, s: &str) {
        let _ = write!(self.out, "{s:?}");
    }

    fn slice<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.raw("&[");
        for item in items {
            each(self, item);
            self.raw(",");
        }
        self.raw("]");
    }

    fn guide(&mut self, g: &Guide) {
        let p = self.p;
        let _ = write!(self.out, "{p}::Guide {{ locale: ");
        self.str(g.locale);
        self.raw(", front_matter: ");
        self.front_matter(&g.front_matter);
        self.raw(", title: ");
        self.str(g.title);
        self.raw(", title_anchor: ");
        self.str(g.title_anchor);
        self.raw(", sections: ");
        self.slice(g.sections, |s, section| s.section(section));
        self.raw("}");
    }

    fn front_matter(&mut self, f: &FrontMatter) {
        let p = self.p;
        let _ = write!(self.out, "{p}::FrontMatter {{ title: ");
        self.str(f.title);
        self.raw(", description: ");
        self.str(f.description);
        let Date { year, month, day } = f.updated;
        let _ = write!(
            self.out,
            ", updated: {p}::Date {{ year: {year}, month: {month}, day: {day} }}, content_locale: "
        );
        self.str(f.content_locale);
        self.raw(", translated_from: ");
        match f.translated_from {
            None => self.raw("None"),
            Some(t) => {
                self.raw("Some(");
                self.str(t);
                self.raw(")");
            }
        }
        // The app shows none of the raw fields (the build's checks have read them): leaving
        // them out keeps them out of the wasm.
        self.raw(", fields: &[]");
        self.raw("}");
    }

    fn section(&mut self, section: &Section) {
        let p = self.p;
        let _ = write!(self.out, "{p}::Section {{ id: ");
        self.str(section.id);
        self.raw(", heading: ");
        match &section.heading {
            None => self.raw("None"),
            Some(h) => {
                let _ = write!(
                    self.out,
                    "Some({p}::Heading {{ level: {}, anchor: ",
                    h.level
                );
                match h.anchor {
                    None => self.raw("None"),
                    Some(a) => {
                        self.raw("Some(");
                        self.str(a);
                        self.raw(")");
                    }
                }
                self.raw(", text: ");
                self.inlines(h.text);
                self.raw("})");
            }
        }
        self.raw(", blocks: ");
        self.slice(section.blocks, |s, b| s.block(b));
        self.raw("}");
    }

    fn block(&mut self, block: &Block) {
        let p = self.p;
        match block {
            Block::Paragraph(run) => {
                let _ = write!(self.out, "{p}::Block::Paragraph(");
                self.inlines(run);
                self.raw(")");
            }
            Block::List { ordered, items } => {
                let _ = write!(self.out, "{p}::Block::List {{ ordered: {ordered}, items: ");
                self.slice(items, |s, run| s.inlines(run));
                self.raw("}");
            }
            Block::Callout { kind, paragraphs } => {
                let _ = write!(
                    self.out,
                    "{p}::Block::Callout {{ kind: {p}::CalloutKind::{kind:?}, paragraphs: "
                );
                self.slice(paragraphs, |s, run| s.inlines(run));
                self.raw("}");
            }
            Block::Diagram { title, edition } => {
                let _ = write!(self.out, "{p}::Block::Diagram {{ title: ");
                self.str(title);
                let _ = write!(self.out, ", edition: {p}::DiagramEdition::{edition:?} }}");
            }
            Block::Roles(table) => {
                let _ = write!(
                    self.out,
                    "{p}::Block::Roles({p}::RolesTable {{ role_header: "
                );
                self.inlines(table.role_header);
                self.raw(", responsibility_header: ");
                self.inlines(table.responsibility_header);
                self.raw(", roles: ");
                self.slice(table.roles, |s, role| {
                    let p = s.p;
                    let _ = write!(s.out, "{p}::Role {{ name: ");
                    s.inlines(role.name);
                    s.raw(", responsibilities: ");
                    s.slice(role.responsibilities, |s, run| s.inlines(run));
                    s.raw("}");
                });
                self.raw("})");
            }
        }
    }

    fn inlines(&mut self, run: &[Inline]) {
        self.slice(run, |s, inline| s.inline(inline));
    }

    fn inline(&mut self, inline: &Inline) {
        let p = self.p;
        match inline {
            Inline::Text(t) => {
                let _ = write!(self.out, "{p}::Inline::Text(");
                self.str(t);
                self.raw(")");
            }
            Inline::Strong(c) | Inline::Emphasis(c) => {
                let name = if matches!(inline, Inline::Strong(_)) {
                    "Strong"
                } else {
                    "Emphasis"
                };
                let _ = write!(self.out, "{p}::Inline::{name}(");
                self.inlines(c);
                self.raw(")");
            }
            Inline::Link { href, children } => {
                let _ = write!(self.out, "{p}::Inline::Link {{ href: ");
                self.str(href);
                self.raw(", children: ");
                self.inlines(children);
                self.raw("}");
            }
            Inline::AppLink { target, children } => {
                let _ = write!(
                    self.out,
                    "{p}::Inline::AppLink {{ target: {p}::AppPage::{target:?}, children: "
                );
                self.inlines(children);
                self.raw("}");
            }
        }
    }
}
