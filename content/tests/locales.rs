//! The real content files: every locale parses, and each carries what its source has.

use fasttrack_content::check::check_locales;
use fasttrack_content::model::*;
use fasttrack_content::parse::parse_guide;
use fasttrack_content::{load_locales, LOCALES_DIR};
use std::path::Path;

fn guides() -> Vec<Guide> {
    load_locales(Path::new(LOCALES_DIR)).expect("every locale parses")
}

fn guide(locale: &str) -> Guide {
    guides()
        .into_iter()
        .find(|g| g.locale == locale)
        .unwrap_or_else(|| panic!("no {locale} content file"))
}

const SECTIONS: [&str; 7] = [
    "the-fasttrack-process",
    "the-onboarding-process",
    "getting-help",
    "fasttrack-center",
    "meeting-schedule",
    "partners",
    "roles-and-responsibilities",
];

#[test]
fn every_locale_parses_and_the_set_is_consistent() {
    let all = guides();
    let tags: Vec<&str> = all.iter().map(|g| g.locale).collect();
    // The twelve FastTrack Center languages, sorted by tag.
    assert_eq!(
        tags,
        [
            "de-DE", "en", "es-ES", "fr-FR", "it-IT", "ja-JP", "ko-KR", "pt-BR", "th-TH", "vi-VN",
            "zh-CN", "zh-TW"
        ]
    );
    check_locales(&all).expect("locales agree");
}

#[test]
fn every_locale_has_the_sections_in_order_with_the_source_anchors() {
    for g in guides() {
        let ids: Vec<&str> = g.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, SECTIONS, "{}", g.locale);
        assert_eq!(g.title_anchor, "the-fasttrack-process");
        let onboarding = g.section("the-onboarding-process").unwrap();
        assert_eq!(
            onboarding.heading.and_then(|h| h.anchor),
            Some("the-onboarding-process")
        );
    }
}

#[test]
fn titles_and_dates_come_from_each_source() {
    let pt = guide("pt-BR");
    assert_eq!(pt.title, "O processo FastTrack");
    assert_eq!(
        pt.front_matter.updated,
        Date {
            year: 2020,
            month: 7,
            day: 1
        }
    );
    let fr = guide("fr-FR");
    assert_eq!(fr.title, "Processus FastTrack");
    assert_eq!(
        fr.front_matter.updated,
        Date {
            year: 2018,
            month: 9,
            day: 4
        }
    );
    assert_eq!(fr.front_matter.content_locale, "fr-FR");
    let en = guide("en");
    assert_eq!(en.title, "The FastTrack process");
    assert_eq!(en.front_matter.updated, pt.front_matter.updated);
}

/// Our translations are not Microsoft's files: they carry their own fields only, and their
/// text's date is their source's.
#[test]
fn translations_carry_their_own_fields_and_their_sources_date() {
    let all = guides();
    let translations: Vec<&Guide> = all
        .iter()
        .filter(|g| g.front_matter.translated_from.is_some())
        .collect();
    assert_eq!(translations.len(), 10);
    for g in translations {
        let keys: Vec<&str> = g.front_matter.fields.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["title", "description", "docs-locale", "translated-from"],
            "{}",
            g.locale
        );
        let source = guide(g.front_matter.translated_from.unwrap_or_default());
        assert_eq!(
            g.front_matter.updated, source.front_matter.updated,
            "{}",
            g.locale
        );
        assert!(
            g.front_matter
                .content_locale
                .starts_with(&g.locale.to_ascii_lowercase()),
            "{}",
            g.locale
        );
    }
    let err = load_locales_of(&[(
        "xx",
        "---\ntitle: T\ndescription: D\ndocs-locale: xx\ntranslated-from: yy\n---\n<!-- section: a -->\n\n# <a name=\"a\"></a>T\n\nText.\n",
    )]);
    assert!(
        err.contains("`translated-from: yy` names no source file"),
        "{err}"
    );
    let err = parse_guide("xx", "---\ntitle: T\ndescription: D\n---\n").unwrap_err();
    assert!(
        err.contains("lacks `ms.date` (a source) or `translated-from` (a translation)"),
        "{err}"
    );
}

/// Loads the locales written into a fresh folder; the error it gives.
fn load_locales_of(files: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!("fasttrack-content-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (tag, text) in files {
        std::fs::write(dir.join(format!("{tag}.md")), text).unwrap();
    }
    let result = load_locales(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result.expect_err("an error")
}

fn count(g: &Guide) -> (usize, usize, usize, usize, usize) {
    let roles = g.roles().expect("a roles table");
    let duties: usize = roles.roles.iter().map(|r| r.responsibilities.len()).sum();
    (
        roles.roles.len(),
        duties,
        g.steps_in("getting-help"),
        g.steps_in("partners"),
        g.callouts(),
    )
}

#[test]
fn roles_responsibilities_steps_and_notes_per_source() {
    // (roles, responsibilities, help steps, partner steps, notes)
    assert_eq!(count(&guide("pt-BR")), (2, 7, 3, 5, 1));
    assert_eq!(count(&guide("en")), (2, 7, 3, 5, 1));
    // The 2018 text writes the steps as prose and has a second NOTE.
    assert_eq!(count(&guide("fr-FR")), (2, 7, 0, 0, 2));
    // Every translation of the 2020 text keeps all of it (its date and locale fields:
    // translations_carry_their_own_fields_and_their_sources_date).
    for g in guides()
        .iter()
        .filter(|g| g.front_matter.translated_from == Some("pt-BR"))
    {
        assert_eq!(count(g), (2, 7, 3, 5, 1), "{}", g.locale);
    }
}

#[test]
fn role_names_and_headers_are_read_from_the_bold_first_row() {
    let table = guide("pt-BR").roles().copied().unwrap();
    assert_eq!(plain_text(table.role_header), "Função");
    assert_eq!(plain_text(table.responsibility_header), "Responsabilidade");
    let names: Vec<String> = table.roles.iter().map(|r| plain_text(r.name)).collect();
    assert_eq!(names, ["Especialista do FastTrack", "Centro FastTrack"]);
    assert_eq!(
        plain_text(table.roles[0].responsibilities[3]),
        "Fornece orientações para migração de emails e dados."
    );
}

#[test]
fn the_diagram_edition_follows_the_source_year() {
    let edition = |l: &str| {
        guide(l).blocks().find_map(|b| match b {
            Block::Diagram { edition, .. } => Some(*edition),
            _ => None,
        })
    };
    assert_eq!(edition("pt-BR"), Some(DiagramEdition::Microsoft365Apps));
    assert_eq!(edition("fr-FR"), Some(DiagramEdition::Office365ProPlus));
}

fn inlines_of(g: &Guide) -> Vec<Inline> {
    fn walk(run: &[Inline], out: &mut Vec<Inline>) {
        for i in run {
            out.push(*i);
            match i {
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, out),
                Inline::Link { children, .. } | Inline::AppLink { children, .. } => {
                    walk(children, out)
                }
                Inline::Text(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in g.blocks() {
        match block {
            Block::Paragraph(run) => walk(run, &mut out),
            Block::List { items, .. } => items.iter().for_each(|r| walk(r, &mut out)),
            Block::Callout { paragraphs, .. } => paragraphs.iter().for_each(|r| walk(r, &mut out)),
            Block::Roles(t) => t
                .roles
                .iter()
                .flat_map(|r| r.responsibilities.iter())
                .for_each(|r| walk(r, &mut out)),
            Block::Diagram { .. } => {}
        }
    }
    out
}

#[test]
fn links_bold_and_request_form_links_survive() {
    for (locale, app_links, data_migration) in [
        ("pt-BR", 2, "O365-data-migration.md"),
        ("en", 2, "O365-data-migration.md"),
        ("fr-FR", 2, "data-migration.md"),
    ] {
        let all = inlines_of(&guide(locale));
        let app = all
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Inline::AppLink {
                        target: AppPage::Request,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(app, app_links, "{locale}: form steps linking to the wizard");
        assert!(
            all.iter()
                .any(|i| matches!(i, Inline::Link { href, .. } if *href == data_migration)),
            "{locale}: the data-migration link"
        );
        assert!(all.iter().any(|i| matches!(i, Inline::Strong(_))));
        assert!(all.iter().any(|i| matches!(i, Inline::Emphasis(_))));
    }
}

/// Stripping our markers from a content file gives back the source document byte for byte.
/// The sources sit in `shared/seeds/` beside the repository (as on CI); elsewhere this is skipped.
#[test]
fn content_files_are_the_sources_plus_markers_only() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let pairs = [
        ("pt-BR", "000_1f8af42d17c6614a.txt"),
        ("fr-FR", "001_c77e1216575d2659.txt"),
    ];
    if !seeds.is_dir() {
        eprintln!("skipped: {} is not here", seeds.display());
        return;
    }
    for (locale, seed) in pairs {
        let ours =
            std::fs::read_to_string(Path::new(LOCALES_DIR).join(format!("{locale}.md"))).unwrap();
        let theirs = std::fs::read_to_string(seeds.join(seed)).unwrap();
        let stripped = ours
            .replace("<!-- link: request -->", "")
            .lines()
            .collect::<Vec<_>>()
            .join("\n");
        let mut out = String::new();
        let mut skip_blank = false;
        for line in stripped.split('\n') {
            if line.starts_with("<!-- section: ") {
                skip_blank = true;
                continue;
            }
            if skip_blank && line.is_empty() {
                skip_blank = false;
                continue;
            }
            skip_blank = false;
            out.push_str(line);
            out.push('\n');
        }
        let theirs: String = theirs.lines().map(|l| format!("{l}\n")).collect();
        assert_eq!(out, theirs, "{locale}");
    }
}

fn with_front(body: &str) -> String {
    format!("---\ntitle: T\ndescription: D\nms.date: 1/02/2020\nms.contentlocale: xx\n---\n{body}")
}

#[test]
fn parse_errors_name_the_file_and_the_construct() {
    let err = parse_guide("xx", "# no front matter").unwrap_err();
    assert!(err.starts_with("content/locales/xx.md:"), "{err}");
    let err = parse_guide("xx", &with_front("<!-- section: a -->\n\n> plain quote\n")).unwrap_err();
    assert!(err.contains("block quote"), "{err}");
    let err = parse_guide("xx", &with_front("text before any marker\n")).unwrap_err();
    assert!(err.contains("section"), "{err}");
    let err = parse_guide("xx", &with_front("<!-- section: a -->\n\n<div>x</div>\n")).unwrap_err();
    assert!(err.contains("unsupported HTML"), "{err}");
    let err = parse_guide("xx", "---\ntitle: T\n---\n").unwrap_err();
    assert!(err.contains("lacks `description`"), "{err}");
}

#[test]
fn a_link_the_guide_should_not_hold_fails_the_build_by_name() {
    let link = |url: &str| {
        parse_guide(
            "xx",
            &with_front(&format!(
                "<!-- section: a -->\n\n# <a name=\"a\"></a>Title\n\n[x]({url})\n"
            )),
        )
    };
    for bad in [
        "http://example.com/x",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "/absolute/page.md",
        "../up.md",
        "ftp://example.com/x",
        "https://",
        "#",
    ] {
        let err = link(bad).unwrap_err();
        assert!(
            err.starts_with("content/locales/xx.md:") && err.contains(&format!("link `{bad}`")),
            "{bad}: {err}"
        );
    }
    for good in [
        "https://learn.microsoft.com/fasttrack",
        "mailto:fasttrack@example.com",
        "#core-onboarding",
        "O365-data-migration.md",
        "fasttrack/data-migration.md#faq",
    ] {
        assert!(link(good).is_ok(), "{good}: {:?}", link(good).err());
    }
}

#[test]
fn a_locale_that_drops_a_section_or_a_role_fails_the_check_by_name() {
    let all = guides();
    let en = std::fs::read_to_string(Path::new(LOCALES_DIR).join("en.md")).unwrap();
    let without_partners = en.replace("<!-- section: partners -->", "");
    let without_role = en
        .lines()
        .filter(|l| !l.starts_with("|**FastTrack Center**"))
        .collect::<Vec<_>>()
        .join("\n");
    let without_field = en.replace("ms.topic: conceptual\n", "");
    for (broken, expected) in [
        (
            without_partners,
            "locale en: lacks section `partners` that fr-FR, pt-BR have",
        ),
        (
            without_role,
            "locale en: lacks role #2 of the roles table that fr-FR, pt-BR have",
        ),
        (
            without_field,
            "locale en: lacks front-matter field `ms.topic`",
        ),
    ] {
        let mut set: Vec<Guide> = all
            .iter()
            .filter(|g| ["fr-FR", "pt-BR"].contains(&g.locale))
            .copied()
            .collect();
        set.push(parse_guide("en", &broken).unwrap());
        let problems = check_locales(&set).unwrap_err();
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{problems:?} lacks {expected}"
        );
    }
}
