//! Everything the app's build makes of `locales/`: each locale's guide and strings, checked
//! against each other and against the reference locale's strings, and written as packs (see [`crate::pack`])
//! with content-hashed names. The app's build script generates its index of locales from this;
//! the `locale-packs` binary writes the same packs into `dist/locales/`.

use crate::model::{Date, Guide};
use crate::strings::schema::{Schema, ROOT};
use crate::strings::{self, check::Flat};
use crate::{check::check_locales, load_locales, locale_files, pack};
use std::path::Path;

/// One locale: what the app knows of it without its packs, and the packs.
#[derive(Debug, Clone)]
pub struct Locale {
    pub tag: &'static str,
    /// The language's own name (`language_name`), for language lists.
    pub name: String,
    /// The locale `Intl` writes its numbers and dates in.
    pub intl: String,
    /// What the app says where the packs cannot be loaded (`load_failed`).
    pub load_failed: String,
    pub updated: Date,
    pub packs: Packs,
}

/// A locale's packs. The app reads the strings and the wizard's strings wherever it loads; the
/// guide only where it shows the guide (the wizard's first question is not sent it).
#[derive(Debug, Clone)]
pub struct Packs {
    /// The strings outside the wizard (the page's frame, the guide's labels).
    pub strings: PackFile,
    pub guide: PackFile,
    /// The wizard's strings.
    pub wizard: PackFile,
}

impl Packs {
    pub fn all(&self) -> [&PackFile; 3] {
        [&self.strings, &self.guide, &self.wizard]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    /// `en.1a2b3c4d.txt`: the name changes when the text does, so it can be cached for ever.
    pub name: String,
    pub text: String,
}

pub struct Bundle {
    pub locales: Vec<Locale>,
    pub schema: Schema,
    /// English: the typed message functions are generated from it.
    pub reference: Flat,
}

/// Reads and checks `locales_dir` (the content files): every locale's strings against the
/// reference's ([`strings::REFERENCE`]); every problem found is returned, not only the first.
pub fn build(locales_dir: &Path) -> Result<Bundle, Vec<String>> {
    let guides = load_locales(locales_dir).map_err(|e| vec![e])?;
    check_locales(&guides)?;
    let text_of = |tag: &str| -> Result<(String, String), Vec<String>> {
        let file = format!("content/locales/{tag}.toml");
        let text =
            std::fs::read_to_string(locales_dir.join(format!("{tag}.toml"))).map_err(|e| {
                vec![format!(
                    "{file}: {e} (every locale's guide needs a strings file beside it)"
                )]
            })?;
        Ok((file, text))
    };
    let (file, text) = text_of(strings::REFERENCE)?;
    let schema = Schema::from_reference(&file, &text, strings::SHARED)?;
    let read = |tag: &str, reference: Option<&Flat>| -> Result<Flat, Vec<String>> {
        let (file, text) = text_of(tag)?;
        strings::check::flatten(&schema, ROOT, &file, &text, reference)
    };
    let reference = read(strings::REFERENCE, None)?;
    // The second pack: the wizard's strings, the root's last table.
    let last = schema.get(ROOT).and_then(|ui| ui.fields.last());
    if last.map(|f| f.name.as_str()) != Some(strings::SECOND_PACK) {
        return Err(vec![format!(
            "the strings' root must end with its `{}` table: its entries are a pack of their own",
            strings::SECOND_PACK
        )]);
    }
    let second_pack = Some(format!("{}.", strings::SECOND_PACK));
    let mut problems = orphan_strings_files(locales_dir, &guides);
    let mut locales = Vec::new();
    for guide in &guides {
        let flat = read(guide.locale, Some(&reference));
        match flat.and_then(|flat| locale(guide, &flat, second_pack.as_deref())) {
            Ok(l) => locales.push(l),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(Bundle {
            locales,
            schema,
            reference,
        })
    } else {
        Err(problems)
    }
}

/// `second_pack`: the path prefix of the entries that go into the second pack; they come last
/// (only the root's last field may be compiled out: `strings::codegen`).
fn locale(guide: &Guide, flat: &Flat, second_pack: Option<&str>) -> Result<Locale, Vec<String>> {
    let field = |path: &str| flat.get(path).unwrap_or_default().to_owned();
    let split = second_pack
        .and_then(|prefix| flat.paths.iter().position(|p| p.starts_with(prefix)))
        .unwrap_or(flat.table.len());
    let (outside, wizard) = flat.table.split_at(split);
    let file = |kind: &str, text: Result<String, String>| -> Result<PackFile, Vec<String>> {
        let text = text.map_err(|e| vec![format!("locale {}: {e}", guide.locale)])?;
        let name = format!("{}{kind}.{:08x}.txt", guide.locale, fnv1a(&text) as u32);
        Ok(PackFile { name, text })
    };
    Ok(Locale {
        tag: guide.locale,
        name: field("language_name"),
        intl: field("intl"),
        load_failed: field("load_failed"),
        updated: guide.front_matter.updated,
        packs: Packs {
            strings: file("", pack::write(outside, None))?,
            guide: file(".guide", pack::write(&[], Some(guide)))?,
            wizard: file(".wizard", pack::write(wizard, None))?,
        },
    })
}

/// A strings file with no guide beside it is a locale half added.
fn orphan_strings_files(dir: &Path, guides: &[Guide]) -> Vec<String> {
    let Ok(files) = locale_files(dir, "toml") else {
        return Vec::new();
    };
    files
        .into_iter()
        .filter(|(tag, _)| !guides.iter().any(|g| g.locale == tag))
        .map(|(tag, _)| {
            format!("content/locales/{tag}.toml: no guide content/locales/{tag}.md beside it")
        })
        .collect()
}

/// FNV-1a: a stable hash for file names (not for security).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
