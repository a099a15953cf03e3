//! DocFX-flavoured Markdown -> [`Guide`]. Native only (the app's build script runs it).
//!
//! The parser is strict: anything the model cannot represent is an error naming the file and
//! the construct, so a content change that would render wrongly fails the build instead.
//! Strings and slices are leaked to get `'static` data; that is fine in a build script or a test.

use crate::model::*;
use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A parse error, already phrased for a build log.
pub type Error = String;

const SECTION_MARKER: &str = "section:";
const LINK_MARKER: &str = "link:";

/// Parses one content file. `locale` is the file's stem (`pt-BR`), used in the model and in errors.
pub fn parse_guide(locale: &str, source: &str) -> Result<Guide, Error> {
    let fail = |msg: String| format!("content/locales/{locale}.md: {msg}");
    let (front, body) = split_front_matter(source).map_err(fail)?;
    let front_matter = parse_front_matter(&front).map_err(fail)?;
    let (title, title_anchor, sections) = parse_body(body).map_err(fail)?;
    Ok(Guide {
        locale: leak(locale),
        front_matter,
        title,
        title_anchor,
        sections,
    })
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn leak_vec<T>(v: Vec<T>) -> &'static [T] {
    Vec::leak(v)
}

/// The front matter's `key: value` pairs, in order.
type Fields = Vec<(String, String)>;

fn split_front_matter(source: &str) -> Result<(Fields, &str), Error> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let rest = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))
        .ok_or("the file must start with a `---` front-matter block")?;
    let end = rest
        .find("\n---")
        .ok_or("the front-matter block is not closed by `---`")?;
    let mut fields = Vec::new();
    for line in rest[..end].lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("front-matter line `{line}` is not `key: value`"))?;
        let value = value.trim();
        let unquoted = [('\'', '\''), ('"', '"')]
            .iter()
            .find_map(|(open, close)| value.strip_prefix(*open)?.strip_suffix(*close))
            .unwrap_or(value);
        fields.push((key.trim().to_owned(), unquoted.trim().to_owned()));
    }
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    Ok((fields, body))
}

fn parse_front_matter(fields: &[(String, String)]) -> Result<FrontMatter, Error> {
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| leak(v))
            .ok_or_else(|| format!("front matter lacks `{key}`"))
    };
    let (title, description) = (get("title")?, get("description")?);
    let translated_from = get("translated-from").ok();
    // A source carries Microsoft's own fields (`ms.date`, `ms.contentlocale`); our translations
    // carry only ours: the text's date is its source's (see `load_locales`), and `docs-locale`
    // names the published documentation its relative links lead to.
    let updated = match (get("ms.date"), translated_from) {
        (Ok(date), _) => parse_us_date(date)?,
        (Err(_), Some(_)) => Date::UNKNOWN,
        (Err(_), None) => {
            return Err(
                "front matter lacks `ms.date` (a source) or `translated-from` (a translation)"
                    .into(),
            )
        }
    };
    Ok(FrontMatter {
        title,
        description,
        updated,
        content_locale: get("ms.contentlocale").or_else(|_| get("docs-locale"))?,
        translated_from,
        fields: leak_vec(fields.iter().map(|(k, v)| (leak(k), leak(v))).collect()),
    })
}

/// `ms.date` is month/day/year in both sources (`7/01/2020`, `09/04/2018`: the fr-FR file's
/// `ms.lasthandoff: 09/19/2018` shows the order).
pub fn parse_us_date(text: &str) -> Result<Date, Error> {
    let bad = || format!("`ms.date: {text}` is not a month/day/year date");
    let mut parts = text.split('/').map(|p| p.trim().parse::<u16>());
    let (Some(Ok(month)), Some(Ok(day)), Some(Ok(year)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1900..=9999).contains(&year) {
        return Err(bad());
    }
    Ok(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

type Events<'a> = std::iter::Peekable<Parser<'a>>;

fn section(current: &mut Option<SectionBuilder>) -> Result<&mut SectionBuilder, Error> {
    current
        .as_mut()
        .ok_or_else(|| "content before the first `<!-- section: id -->` marker".to_owned())
}

struct SectionBuilder {
    id: &'static str,
    heading: Option<Heading>,
    blocks: Vec<Block>,
}

impl SectionBuilder {
    fn finish(self) -> Section {
        Section {
            id: self.id,
            heading: self.heading,
            blocks: leak_vec(self.blocks),
        }
    }
}

fn parse_body(body: &str) -> Result<(&'static str, &'static str, &'static [Section]), Error> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM;
    let mut events = Parser::new_ext(body, options).peekable();
    let mut title: Option<(&'static str, &'static str)> = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<SectionBuilder> = None;

    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                let html = collect_html(&mut events);
                let Some(id) = marker(&html, SECTION_MARKER)? else {
                    continue; // an ordinary comment
                };
                if sections.iter().any(|s| s.id == id) {
                    return Err(format!("section `{id}` appears twice"));
                }
                if let Some(done) = current.take() {
                    sections.push(done.finish());
                }
                current = Some(SectionBuilder {
                    id: leak(id),
                    heading: None,
                    blocks: Vec::new(),
                });
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let (text, anchor) = heading_inlines(&mut events)?;
                let s = section(&mut current)?;
                if level == HeadingLevel::H1 {
                    if title.is_some() {
                        return Err("more than one level-1 heading".into());
                    }
                    let anchor = anchor.ok_or("the level-1 heading has no `<a name>` anchor")?;
                    title = Some((leak(&plain_text(&text)), anchor));
                } else if anchor.is_some_and(|a| a != s.id) {
                    return Err(format!(
                        "heading anchor `{}` differs from its section marker `{}`",
                        anchor.unwrap_or_default(),
                        s.id
                    ));
                } else if s.heading.is_none() && s.blocks.is_empty() {
                    s.heading = Some(Heading {
                        level: level as u8,
                        anchor,
                        text: leak_vec(text),
                    });
                } else {
                    return Err(format!(
                        "heading `{}` must open a section: put a section marker before it",
                        plain_text(&text)
                    ));
                }
            }
            Event::Start(Tag::Paragraph) => {
                let block = paragraph(&mut events)?;
                if let Some(block) = block {
                    section(&mut current)?.blocks.push(block);
                }
            }
            Event::Start(Tag::List(first)) => {
                let items = list_items(&mut events)?;
                section(&mut current)?.blocks.push(Block::List {
                    ordered: first.is_some(),
                    items,
                });
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                let kind = match kind {
                    Some(BlockQuoteKind::Note) => CalloutKind::Note,
                    Some(BlockQuoteKind::Tip) => CalloutKind::Tip,
                    Some(BlockQuoteKind::Important) => CalloutKind::Important,
                    Some(BlockQuoteKind::Warning) => CalloutKind::Warning,
                    Some(BlockQuoteKind::Caution) => CalloutKind::Caution,
                    None => {
                        return Err("a block quote that is not a `[!NOTE]`-style callout".into())
                    }
                };
                let paragraphs = callout_paragraphs(&mut events)?;
                section(&mut current)?
                    .blocks
                    .push(Block::Callout { kind, paragraphs });
            }
            Event::Start(Tag::Table(_)) => {
                let table = roles_table(&mut events)?;
                section(&mut current)?.blocks.push(Block::Roles(table));
            }
            Event::Rule => {}
            other => return Err(format!("unsupported Markdown construct: {other:?}")),
        }
    }
    if let Some(done) = current.take() {
        sections.push(done.finish());
    }
    let (title, anchor) = title.ok_or("no level-1 heading (the page title)")?;
    Ok((title, anchor, leak_vec(sections)))
}

/// `<!-- section: getting-help -->` -> `Some("getting-help")` for `kind = "section:"`;
/// `Ok(None)` for any other comment; an error for other HTML or a malformed name.
fn marker<'h>(html: &'h str, kind: &str) -> Result<Option<&'h str>, Error> {
    let Some(inner) = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|h| h.strip_suffix("-->"))
    else {
        return Err(format!("unsupported HTML `{}`", html.trim()));
    };
    let Some(name) = inner.trim().strip_prefix(kind).map(str::trim) else {
        return Ok(None);
    };
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(Some(name))
    } else {
        Err(format!(
            "`{kind} {name}`: use lower-case letters, digits and `-`"
        ))
    }
}

fn collect_html(events: &mut Events) -> String {
    let mut html = String::new();
    for event in events.by_ref() {
        match event {
            Event::Html(t) => html.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => break,
            _ => {}
        }
    }
    html
}

/// Collects inline content up to (and consuming) `end`: one run per `<br/>`-separated line
/// (only table cells have more than one).
fn inlines_until(events: &mut Events, end: TagEnd) -> Result<Vec<Vec<Inline>>, Error> {
    let mut lines: Vec<Vec<Inline>> = vec![Vec::new()];
    let mut pending_app_link: Option<AppPage> = None;
    loop {
        let event = events
            .next()
            .ok_or_else(|| format!("unexpected end of file inside {end:?}"))?;
        let line = lines.last_mut().ok_or("internal: no current line")?;
        match event {
            Event::End(e) if e == end => break,
            Event::Text(t) | Event::Code(t) => push_text(line, &t),
            Event::SoftBreak => push_text(line, " "),
            Event::HardBreak => push_text(line, " "),
            Event::InlineHtml(html) => {
                let compact: String = html.chars().filter(|c| !c.is_whitespace()).collect();
                if compact.eq_ignore_ascii_case("<br/>") || compact.eq_ignore_ascii_case("<br>") {
                    lines.push(Vec::new());
                } else {
                    pending_app_link = match marker(&html, LINK_MARKER)? {
                        Some("request") => Some(AppPage::Request),
                        Some(other) => return Err(format!("unknown app link `{other}`")),
                        None => pending_app_link, // an ordinary comment
                    };
                }
            }
            Event::Start(Tag::Strong) => {
                let children = leak_vec(flatten(inlines_until(events, TagEnd::Strong)?));
                let strong = leak_vec(vec![Inline::Strong(children)]);
                line.push(match pending_app_link.take() {
                    Some(target) => Inline::AppLink {
                        target,
                        children: strong,
                    },
                    None => Inline::Strong(children),
                });
            }
            Event::Start(Tag::Emphasis) => {
                let children = flatten(inlines_until(events, TagEnd::Emphasis)?);
                line.push(Inline::Emphasis(leak_vec(children)));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                check_link(&dest_url)?;
                let children = flatten(inlines_until(events, TagEnd::Link)?);
                line.push(Inline::Link {
                    href: leak(&dest_url),
                    children: leak_vec(children),
                });
            }
            other => return Err(format!("unsupported inline construct: {other:?}")),
        }
    }
    if pending_app_link.is_some() {
        return Err("`<!-- link: ... -->` must stand right before a **bold** name".into());
    }
    Ok(lines.into_iter().map(trim_run).collect())
}

/// The links a guide may hold: `https:` addresses, `mailto:` addresses, places on the page
/// (`#id`), and pages of the FastTrack documentation as the sources name them
/// (`O365-data-migration.md`, resolved to the published page by the renderer). Anything else
/// (`http:`, `javascript:`, `data:`, a protocol-relative `//host`) fails the build by name.
fn check_link(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let (page, _fragment) = url.split_once('#').unwrap_or((url, ""));
    let docs_page = page.ends_with(".md")
        && !page.starts_with('/')
        && !page
            .split('/')
            .any(|segment| segment.is_empty() || segment == "..")
        && page
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    let fine = (lower.starts_with("https://") && url.len() > "https://".len())
        || (lower.starts_with("mailto:") && url.len() > "mailto:".len())
        || (url.starts_with('#') && url.len() > 1)
        || docs_page;
    if fine && !url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        Ok(())
    } else {
        Err(format!(
            "link `{url}`: a guide links to https: or mailto: addresses, to #places on the page, \
             or to pages of the documentation (name.md) only"
        ))
    }
}

fn flatten(lines: Vec<Vec<Inline>>) -> Vec<Inline> {
    lines.into_iter().flatten().collect()
}

fn push_text(line: &mut Vec<Inline>, text: &str) {
    // pulldown-cmark splits text at characters like `[` and `!`: merge the pieces again.
    if let Some(Inline::Text(prev)) = line.last_mut() {
        *prev = leak(&format!("{prev}{text}"));
    } else {
        line.push(Inline::Text(leak(text)));
    }
}

/// Trims white space at the edges of a run (the sources' trailing double spaces, `<br/>` padding).
fn trim_run(mut run: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = run.first_mut() {
        *t = t.trim_start();
    }
    if let Some(Inline::Text(t)) = run.last_mut() {
        *t = t.trim_end();
    }
    run.retain(|i| !matches!(i, Inline::Text("")));
    run
}

fn heading_inlines(events: &mut Events) -> Result<(Vec<Inline>, Option<&'static str>), Error> {
    let mut anchor = None;
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(html) => {
                if let Some(name) = html
                    .trim()
                    .strip_prefix("<a name=\"")
                    .and_then(|r| r.split('"').next())
                {
                    anchor = Some(leak(name));
                } else if html.trim() != "</a>" {
                    return Err(format!("unsupported HTML in a heading: `{html}`"));
                }
            }
            other => return Err(format!("unsupported construct in a heading: {other:?}")),
        }
    }
    Ok((vec![Inline::Text(leak(text.trim()))], anchor))
}

fn paragraph(events: &mut Events) -> Result<Option<Block>, Error> {
    if let Some(Event::Start(Tag::Image { dest_url, .. })) = events.peek() {
        let edition = if dest_url.to_ascii_lowercase().contains("m365-apps") {
            DiagramEdition::Microsoft365Apps
        } else {
            DiagramEdition::Office365ProPlus
        };
        events.next();
        let alt = plain_text(&flatten(inlines_until(events, TagEnd::Image)?));
        let rest = flatten(inlines_until(events, TagEnd::Paragraph)?);
        if !rest.is_empty() {
            return Err("the diagram image must stand alone in its paragraph".into());
        }
        return Ok(Some(Block::Diagram {
            title: leak(&alt),
            edition,
        }));
    }
    let run = flatten(inlines_until(events, TagEnd::Paragraph)?);
    Ok((!run.is_empty()).then(|| Block::Paragraph(leak_vec(run))))
}

fn list_items(events: &mut Events) -> Result<&'static [&'static [Inline]], Error> {
    let mut items = Vec::new();
    loop {
        match events.next() {
            Some(Event::Start(Tag::Item)) => {
                // Tight lists hold the text directly; loose ones wrap it in a paragraph.
                let mut run = Vec::new();
                loop {
                    match events.peek() {
                        Some(Event::Start(Tag::Paragraph)) => {
                            events.next();
                            run.extend(flatten(inlines_until(events, TagEnd::Paragraph)?));
                        }
                        Some(Event::End(TagEnd::Item)) => {
                            events.next();
                            break;
                        }
                        _ => {
                            run.extend(flatten(inlines_until(events, TagEnd::Item)?));
                            break;
                        }
                    }
                }
                items.push(leak_vec(trim_run(run)) as &'static [Inline]);
            }
            Some(Event::End(TagEnd::List(_))) => break,
            other => return Err(format!("unsupported construct in a list: {other:?}")),
        }
    }
    Ok(leak_vec(items))
}

fn callout_paragraphs(events: &mut Events) -> Result<&'static [&'static [Inline]], Error> {
    let mut paragraphs = Vec::new();
    loop {
        match events.next() {
            Some(Event::Start(Tag::Paragraph)) => {
                let run = flatten(inlines_until(events, TagEnd::Paragraph)?);
                paragraphs.push(leak_vec(run) as &'static [Inline]);
            }
            Some(Event::End(TagEnd::BlockQuote(_))) => break,
            other => return Err(format!("unsupported construct in a callout: {other:?}")),
        }
    }
    Ok(leak_vec(paragraphs))
}

/// A cell: one run of inlines per `<br/>`-separated line, empty lines dropped.
type Cell = Vec<Vec<Inline>>;

fn table_row(events: &mut Events, end: TagEnd) -> Result<Vec<Cell>, Error> {
    let mut cells = Vec::new();
    loop {
        match events.next() {
            Some(Event::Start(Tag::TableCell)) => {
                let lines = inlines_until(events, TagEnd::TableCell)?;
                cells.push(lines.into_iter().filter(|l| !l.is_empty()).collect());
            }
            Some(e @ Event::End(_)) if e == Event::End(end) => break,
            other => return Err(format!("unsupported construct in a table row: {other:?}")),
        }
    }
    Ok(cells)
}

fn roles_table(events: &mut Events) -> Result<RolesTable, Error> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut head: Vec<Cell> = Vec::new();
    loop {
        match events.next() {
            Some(Event::Start(Tag::TableHead)) => head = table_row(events, TagEnd::TableHead)?,
            Some(Event::Start(Tag::TableRow)) => rows.push(table_row(events, TagEnd::TableRow)?),
            Some(Event::End(TagEnd::Table)) => break,
            other => return Err(format!("unsupported construct in a table: {other:?}")),
        }
    }
    // The sources leave the pipe table's header row empty (`|||`) and put the headers, in
    // bold, in the first body row.
    if head.iter().all(|c| c.is_empty()) {
        if rows.is_empty() {
            return Err("the roles table has no header row".into());
        }
        head = rows.remove(0);
    }
    let one_line = |cell: &Cell, what: &str| -> Result<&'static [Inline], Error> {
        match cell.as_slice() {
            [line] => Ok(leak_vec(unbold(line.clone()))),
            _ => Err(format!("the roles table's {what} must be one line")),
        }
    };
    let [role_header, responsibility_header] = head.as_slice() else {
        return Err("the roles table must have exactly two columns".into());
    };
    let mut roles = Vec::new();
    for row in &rows {
        let [name, duties] = row.as_slice() else {
            return Err("every row of the roles table must have two cells".into());
        };
        roles.push(Role {
            name: one_line(name, "role name")?,
            responsibilities: leak_vec(
                duties
                    .iter()
                    .map(|l| leak_vec(l.clone()) as &'static [Inline])
                    .collect(),
            ),
        });
    }
    Ok(RolesTable {
        role_header: one_line(role_header, "header")?,
        responsibility_header: one_line(responsibility_header, "header")?,
        roles: leak_vec(roles),
    })
}

/// Header cells and role names are bold in the sources so they read as headers in a plain
/// table; we render them as `<th>`, which already says so.
fn unbold(line: Vec<Inline>) -> Vec<Inline> {
    match line.as_slice() {
        [Inline::Strong(children)] => children.to_vec(),
        _ => line,
    }
}
