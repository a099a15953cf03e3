//! The typed guide model. Every field is `&'static`, so the build script can emit a locale's
//! whole guide as a `static` and the wasm carries data, not a Markdown parser.

/// One locale's "The FastTrack process" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guide {
    /// The locale tag, taken from the content file's name (`en`, `pt-BR`, `fr-FR`).
    pub locale: &'static str,
    pub front_matter: FrontMatter,
    /// The page title: the text of the source's level-1 heading.
    pub title: &'static str,
    /// The level-1 heading's anchor (`the-fasttrack-process`).
    pub title_anchor: &'static str,
    /// The page body in source order, split where the content file puts a section marker.
    pub sections: &'static [Section],
}

/// The front-matter fields the app uses, plus every field as it stands in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: &'static str,
    pub description: &'static str,
    /// A source's `ms.date`, read as the sources write it (month/day/year); a translation's is
    /// its source's.
    pub updated: Date,
    /// A source's `ms.contentlocale`, a translation's `docs-locale`: the published
    /// documentation's locale, which the text's relative links lead to.
    pub content_locale: &'static str,
    /// `translated-from`: set on our own translations, naming the source's locale.
    pub translated_from: Option<&'static str>,
    /// Every `key: value` pair of the front matter, in source order. Empty in the app's
    /// generated copy, which does not show them.
    pub fields: &'static [(&'static str, &'static str)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A translation's date until its source's is known (`load_locales`).
    pub const UNKNOWN: Date = Date {
        year: 0,
        month: 0,
        day: 0,
    };
}

/// A part of the page the table of contents links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Stable across locales: the section marker's name, which is also the element id.
    pub id: &'static str,
    /// The section's own heading where the source has one (`## <a name=...>...`).
    pub heading: Option<Heading>,
    pub blocks: &'static [Block],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub anchor: Option<&'static str>,
    pub text: &'static [Inline],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph(&'static [Inline]),
    /// A list whose items are runs of inline content.
    List {
        ordered: bool,
        items: &'static [&'static [Inline]],
    },
    /// A `> [!NOTE]` (or TIP, IMPORTANT, ...) callout.
    Callout {
        kind: CalloutKind,
        paragraphs: &'static [&'static [Inline]],
    },
    /// The onboarding-timeline image the sources reference but do not ship: we draw it ourselves.
    Diagram {
        title: &'static str,
        edition: DiagramEdition,
    },
    /// The roles-and-responsibilities table.
    Roles(RolesTable),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

/// Which product names the diagram uses: the 2018 image says "Office 365 ProPlus",
/// the 2020 one (its file name ends in `m365-apps`) says "Microsoft 365 Apps".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagramEdition {
    Office365ProPlus,
    Microsoft365Apps,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RolesTable {
    pub role_header: &'static [Inline],
    pub responsibility_header: &'static [Inline],
    pub roles: &'static [Role],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub name: &'static [Inline],
    /// One entry per `<br/>`-separated line of the source cell.
    pub responsibilities: &'static [&'static [Inline]],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Strong(&'static [Inline]),
    Emphasis(&'static [Inline]),
    Link {
        href: &'static str,
        children: &'static [Inline],
    },
    /// A link to one of the app's own pages (the content file marks it with `<!-- link: NAME -->`).
    AppLink {
        target: AppPage,
        children: &'static [Inline],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppPage {
    /// The "Request assistance for Microsoft 365" wizard.
    Request,
}

impl Guide {
    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn blocks(&self) -> impl Iterator<Item = &'static Block> {
        self.sections.iter().flat_map(|s| s.blocks.iter())
    }

    pub fn roles(&self) -> Option<&'static RolesTable> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .find_map(|b| match b {
                Block::Roles(t) => Some(t),
                _ => None,
            })
    }

    pub fn callouts(&self) -> usize {
        self.blocks()
            .filter(|b| matches!(b, Block::Callout { .. }))
            .count()
    }

    /// The numbered steps of every ordered list in a section.
    pub fn steps_in(&self, section_id: &str) -> usize {
        self.section(section_id).map_or(0, |s| {
            s.blocks
                .iter()
                .map(|b| match b {
                    Block::List {
                        ordered: true,
                        items,
                    } => items.len(),
                    _ => 0,
                })
                .sum()
        })
    }
}

/// The plain text of a run of inlines (for `title`, `aria-label` and tests).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_text(inlines, &mut out);
    out
}

fn push_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) => push_text(c, out),
            Inline::Link { children, .. } | Inline::AppLink { children, .. } => {
                push_text(children, out)
            }
        }
    }
}
