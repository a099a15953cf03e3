//! The documentation tells the truth about the repository: docs/deploying.md's settings table is
//! the one the settings' declarations give (`make docs` writes it), and every link in README.md
//! and docs/ leads to a file of the repository (and a heading of it, for `#anchors`).
#![cfg(not(target_arch = "wasm32"))]

use fasttrack_onboarding::host::config::SETTINGS;
use fasttrack_onboarding::host::settings::markdown_table;
use std::path::{Component, Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SETTINGS_DOC: &str = "docs/deploying.md";
const BEGIN: &str = "<!-- settings table: begin";
const END: &str = "<!-- settings table: end -->";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// README.md and every Markdown file under docs/.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md")];
    let mut dirs = vec![PathBuf::from("docs")];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(Path::new(ROOT).join(&dir))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let relative = dir.join(entry.file_name());
            if entry.path().is_dir() {
                dirs.push(relative);
            } else if relative.extension().is_some_and(|e| e == "md") {
                files.push(relative);
            }
        }
    }
    files.sort();
    files
}

/// `text` with its settings table replaced by `table`; `None` when it has no markers.
fn with_table(text: &str, table: &str) -> Option<String> {
    let begin = text.find(BEGIN)?;
    let body = begin + text[begin..].find('\n')? + 1;
    let end = body + text[body..].find(END)?;
    Some(format!("{}{table}{}", &text[..body], &text[end..]))
}

#[test]
fn the_settings_table_is_the_declarations_one() {
    let path = Path::new(ROOT).join(SETTINGS_DOC);
    let text = read(&path);
    let wanted = with_table(&text, &markdown_table(SETTINGS))
        .unwrap_or_else(|| panic!("{SETTINGS_DOC} has no `{BEGIN}` … `{END}` markers"));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &wanted).expect("docs/deploying.md written");
        return;
    }
    assert!(
        text == wanted,
        "{SETTINGS_DOC}'s settings table is not the one src/host/config.rs declares: run `make docs`.\nWanted:\n{}",
        markdown_table(SETTINGS)
    );
}

/// The targets of a Markdown text's links and images: `[text](target)`, `![alt](target)` and
/// `[label]: target`, outside code spans and fenced blocks.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans hold examples, not links.
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            found.push(
                after[..end]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_owned(),
            );
            rest = &after[end..];
        }
        let trimmed = prose.trim_start();
        if let Some((label, target)) = trimmed.split_once("]: ") {
            if label.starts_with('[') {
                found.push(target.trim().to_owned());
            }
        }
        // Autolinks: <https://…>.
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("<http") {
            let after = &rest[at + 1..];
            let end = after.find('>').unwrap_or(after.len());
            found.push(after[..end].to_owned());
            rest = &after[end..];
        }
    }
    found
}

/// GitHub's anchor of a heading line: lowercase, spaces to `-`, punctuation other than `-` and
/// `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(slug(line));
        }
    }
    out
}

/// `relative` from the folder `from`, normalised; `None` when it leaves the repository.
fn resolve(from: &Path, relative: &str) -> Option<PathBuf> {
    let mut path = PathBuf::new();
    for component in from.join(relative).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !path.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(path)
}

/// What is wrong with one link of `document`; `None` when it leads somewhere real.
fn broken(document: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") || target.starts_with("//") {
        return Some("leads outside the repository".into());
    }
    let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
    let linked = if file.is_empty() {
        document.to_path_buf()
    } else {
        let from = document.parent().unwrap_or(Path::new(""));
        match resolve(from, file) {
            Some(path) => path,
            None => return Some("leaves the repository".into()),
        }
    };
    let on_disk = Path::new(ROOT).join(&linked);
    if !on_disk.exists() {
        return Some(format!("names {}, which does not exist", linked.display()));
    }
    let has_anchor = || anchors(&read(&on_disk)).iter().any(|a| a == anchor);
    if !anchor.is_empty() && on_disk.is_file() && !has_anchor() {
        return Some(format!(
            "names a heading {} does not have",
            linked.display()
        ));
    }
    None
}

#[test]
fn every_link_in_the_docs_leads_to_the_repository() {
    let mut problems = Vec::new();
    for document in documents() {
        let text = read(&Path::new(ROOT).join(&document));
        if text.contains("../shared") {
            problems.push(format!(
                "{}: mentions ../shared, which a clone does not have",
                document.display()
            ));
        }
        for target in links(&text) {
            if let Some(why) = broken(&document, &target) {
                problems.push(format!("{}: ({target}) {why}", document.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_link_check_finds_what_it_should() {
    let text = "See [a](docs/x.md#Part), ![b](img.png \"t\"), `[not](a link)`, <https://example.com>.\n```\n[nor](this)\n```\n[c]: ../other.md\n";
    assert_eq!(
        links(text),
        [
            "docs/x.md#Part",
            "img.png",
            "https://example.com",
            "../other.md"
        ]
    );
    assert_eq!(
        slug("## The `settings!` table: one line each"),
        "the-settings-table-one-line-each"
    );
    let readme = Path::new("README.md");
    assert!(broken(readme, "https://example.com").is_some());
    assert!(broken(readme, "../outside.md").is_some());
    assert!(broken(readme, "docs/nowhere.md").is_some());
    assert!(broken(readme, "Cargo.toml").is_none());
    assert!(broken(readme, "#no-such-heading").is_some());
}
