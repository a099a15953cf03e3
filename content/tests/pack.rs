//! Packs: what the build writes, the app reads back unchanged, and anything else reads as
//! nothing rather than as a wrong guide.

use fasttrack_content::model::Guide;
use fasttrack_content::pack::{read, write, SEPARATOR};
use fasttrack_content::{load_locales, LOCALES_DIR};

fn guides() -> Vec<Guide> {
    load_locales(std::path::Path::new(LOCALES_DIR)).unwrap()
}

fn leak(text: String) -> &'static str {
    text.leak()
}

#[test]
fn every_real_guide_and_table_reads_back_as_written() {
    let table = vec![
        "English".to_owned(),
        "\u{1F}one\u{1E}{n} day\u{1F}other\u{1E}{n} days".to_owned(),
        String::new(),
    ];
    for guide in guides() {
        let pack = read(leak(write(&table, Some(&guide)).unwrap())).unwrap();
        // The app's copy leaves out the front matter's raw fields, which it does not show.
        let mut expected = guide;
        expected.front_matter.fields = &[];
        assert_eq!(pack.guide, Some(expected), "{}", guide.locale);
        assert_eq!(pack.table, table);
    }
}

#[test]
fn a_pack_without_a_guide_reads_as_its_table() {
    let pack = read(leak(
        write(&["a".to_owned(), "b".to_owned()], None).unwrap(),
    ))
    .unwrap();
    assert_eq!((pack.table, pack.guide), (vec!["a", "b"], None));
}

#[test]
fn a_truncated_or_foreign_pack_reads_as_nothing() {
    let guide = guides().remove(0);
    let text = write(&["a".to_owned()], Some(&guide)).unwrap();
    for cut in [0, 3, 10, text.len() / 2, text.len() - 1] {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        assert_eq!(read(leak(text[..end].to_owned())), None, "cut at {end}");
    }
    assert_eq!(read(leak(format!("{text}{SEPARATOR}extra"))), None);
    assert_eq!(read(leak(text.replacen("FT1", "FT2", 1))), None);
    assert_eq!(read("not a pack"), None);
}

#[test]
fn a_string_holding_the_separator_is_refused_by_the_build() {
    let err = write(&[format!("a{SEPARATOR}b")], None).unwrap_err();
    assert!(err.contains("U+001C"), "{err}");
}

#[test]
fn a_locale_is_three_packs_and_a_wizard_page_is_not_sent_the_guide() {
    let bundle = fasttrack_content::bundle::build(std::path::Path::new(LOCALES_DIR))
        .expect("the content builds");
    for locale in &bundle.locales {
        let packs = &locale.packs;
        let [strings, guide, wizard] = packs.all().map(|p| read(leak(p.text.clone())).unwrap());
        assert_eq!(
            (strings.guide, wizard.guide),
            (None, None),
            "{}",
            locale.tag
        );
        assert!(guide.table.is_empty(), "{}", locale.tag);
        assert_eq!(
            guide.guide.map(|g| g.locale),
            Some(locale.tag),
            "{}",
            locale.tag
        );
        assert!(!strings.table.is_empty() && !wizard.table.is_empty());
        // The guide's longest text (a paragraph) is in its pack only.
        let longest = packs
            .guide
            .text
            .split(SEPARATOR)
            .max_by_key(|t| t.len())
            .unwrap();
        assert!(longest.len() > 100, "{}: {longest}", locale.tag);
        assert!(!packs.strings.text.contains(longest) && !packs.wizard.text.contains(longest));
        let names = packs.all().map(|p| p.name.clone());
        for (name, kind) in names.iter().zip(["", ".guide", ".wizard"]) {
            let stem = format!("{}{kind}.", locale.tag);
            assert!(name.starts_with(&stem) && name.ends_with(".txt"), "{name}");
            assert_eq!(
                name.len(),
                stem.len() + 8 + 4,
                "{name}: eight hex digits of hash"
            );
        }
    }
}
