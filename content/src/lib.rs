//! The FastTrack guide's content: a typed model of the "The FastTrack process" page.
//!
//! The app depends on [`model`], [`pack`] (a locale's strings and guide as one text file,
//! fetched when needed) and [`template`] (how a strings entry is written) only. With the `parse` feature (native: the build script, the
//! `locale-packs` binary and tests), [`parse`] reads a locale's Markdown, [`strings`] its UI
//! strings file, [`check`] compares locales, and [`bundle`] puts it all together into packs.

pub mod model;
pub mod pack;
pub mod template;

#[cfg(feature = "parse")]
pub mod bundle;
#[cfg(feature = "parse")]
pub mod check;
#[cfg(feature = "parse")]
pub mod parse;
#[cfg(feature = "parse")]
pub mod strings;

/// Where the per-locale content files live, relative to this crate.
#[cfg(feature = "parse")]
pub const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

/// Reads and parses every `locales/*.md` file in `dir`, sorted by locale tag.
#[cfg(feature = "parse")]
pub fn load_locales(dir: &std::path::Path) -> Result<Vec<model::Guide>, String> {
    let mut guides = Vec::new();
    for (locale, path) in locale_files(dir, "md")? {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        guides.push(parse::parse_guide(&locale, &text)?);
    }
    if guides.is_empty() {
        return Err(format!("{}: no locale files", dir.display()));
    }
    // A translation's text is as old as its source's.
    for i in 0..guides.len() {
        let Some(source) = guides[i].front_matter.translated_from else {
            continue;
        };
        let source_date = guides
            .iter()
            .find(|g| g.locale == source && g.front_matter.translated_from.is_none())
            .map(|g| g.front_matter.updated)
            .ok_or_else(|| {
                format!(
                    "content/locales/{}.md: `translated-from: {source}` names no source file",
                    guides[i].locale
                )
            })?;
        guides[i].front_matter.updated = source_date;
    }
    Ok(guides)
}

/// The files `dir/TAG.extension`, as (tag, path), sorted by tag.
#[cfg(feature = "parse")]
pub fn locale_files(
    dir: &std::path::Path,
    extension: &str,
) -> Result<Vec<(String, std::path::PathBuf)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_none_or(|x| x != extension) {
            continue;
        }
        let tag = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: not a UTF-8 file name", path.display()))?;
        files.push((tag.to_owned(), path.clone()));
    }
    files.sort();
    Ok(files)
}
