//! The strings files' checks: each kind of problem a translator can make is named with the
//! file and the entry, and the real files pass.

use fasttrack_content::strings::check::{flatten, Flat};
use fasttrack_content::strings::schema::{Schema, ROOT};
use fasttrack_content::strings::{REFERENCE as REFERENCE_TAG, SHARED};
use fasttrack_content::template::placeholders;
use fasttrack_content::LOCALES_DIR;

const REFERENCE: &str = r#"
name = "English"
steps = "Step {n} of {total}"
left = { one = "{count} character left", other = "{count} characters left" }
needs = ["a", "b"]
[errors]
enter = "Enter {what}"
"#;

/// The reference gives the shape.
fn schema() -> Schema {
    Schema::from_reference("en.toml", REFERENCE, &[]).unwrap()
}

fn reference() -> Flat {
    flatten(&schema(), ROOT, "en.toml", REFERENCE, None).unwrap()
}

fn problems(text: &str) -> Vec<String> {
    flatten(&schema(), ROOT, "xx.toml", text, Some(&reference())).unwrap_err()
}

#[test]
fn a_good_file_becomes_a_table_in_field_order() {
    let flat = reference();
    assert_eq!(
        flat.table,
        [
            "English",
            "Step {n} of {total}",
            "\u{1F}one\u{1E}{count} character left\u{1F}other\u{1E}{count} characters left",
            "a\u{1F}b",
            "Enter {what}"
        ]
    );
    let left = &flat.messages["left"];
    assert!(left.plural);
    assert_eq!(left.placeholders, ["count"]);
    assert_eq!(flat.messages["steps"].placeholders, ["n", "total"]);
}

#[test]
fn names_missing_extra_and_malformed_entries_all_at_once() {
    let text = r#"
name = 3
steps = "Étape {n} sur {total}"
left = { one = "{count} caractère", several = "x" }
needs = []
colour = "blue"
[errors]
"#;
    assert_eq!(
        problems(text),
        [
            "xx.toml: `name` must be a string",
            "xx.toml: `left.several` is not a plural category (use zero, one, two, few, many, other)",
            "xx.toml: `left` has plural forms but no `other` form",
            "xx.toml: `needs` must be a list of one or more strings",
            "xx.toml: `errors.enter` is missing",
            "xx.toml: `colour` is not a string the app uses",
        ]
    );
}

#[test]
fn names_placeholders_that_do_not_match_the_reference() {
    let text = r#"
name = "Deutsch"
steps = "Schritt {n} von {totl}"
left = "{count} Zeichen übrig {extra}"
needs = ["a"]
[errors]
enter = "Geben Sie {what} ein {"
"#;
    assert_eq!(
        problems(text),
        [
            "xx.toml: `steps` has the placeholder {totl}, which the reference locale's text does not have",
            "xx.toml: `steps` lacks the placeholder {total}",
            "xx.toml: `left` has the placeholder {extra}, which the reference locale's text does not have",
            "xx.toml: `errors.enter` has a `{` that is not closed (write `{{` for a brace)",
        ]
    );
}

#[test]
fn a_plural_form_may_leave_the_count_out_but_other_may_not() {
    let text = r#"
name = "Français"
steps = "{total} : étape {n}"
left = { one = "Un seul caractère restant", other = "{count} caractères restants" }
needs = ["a"]
[errors]
enter = "Saisissez {what}"
"#;
    let flat = flatten(&schema(), ROOT, "fr.toml", text, Some(&reference())).unwrap();
    assert_eq!(flat.table[1], "{total} : étape {n}");
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let found = problems("name = \"unterminated\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("xx.toml: not valid TOML:"),
        "{found:?}"
    );
    assert!(found[0].contains("line 1"), "{found:?}");
}

#[test]
fn placeholders_are_lowercase_names_and_doubled_braces_are_text() {
    assert_eq!(placeholders("{a} {{x}} {b} {a}").unwrap(), ["a", "b"]);
    assert!(placeholders("{Name}").unwrap_err().contains("lowercase"));
    assert!(placeholders("a } b")
        .unwrap_err()
        .contains("closes nothing"));
}

#[test]
fn a_text_the_reference_writes_without_placeholders_takes_none() {
    let reference = "name = \"English\"\n";
    let schema = Schema::from_reference("en.toml", reference, &[]).unwrap();
    let en = flatten(&schema, ROOT, "en.toml", reference, None).unwrap();
    let found = flatten(&schema, ROOT, "xx.toml", "name = \"{lang}\"\n", Some(&en)).unwrap_err();
    assert_eq!(
        found,
        ["xx.toml: `name` has the placeholder {lang}, which the reference locale's text does not have"]
    );
}

/// The real files: the reference's shape, every locale filling it and matching English.
#[test]
fn every_real_strings_file_passes() {
    let read = |tag: &str| std::fs::read_to_string(format!("{LOCALES_DIR}/{tag}.toml")).unwrap();
    let schema = Schema::from_reference("en.toml", &read(REFERENCE_TAG), SHARED).unwrap();
    // The wizard's strings are a pack of their own: the root's last table.
    let root = schema.get(ROOT).unwrap();
    assert_eq!(root.fields.last().map(|f| f.name.as_str()), Some("wizard"));
    // Every field's texts are one struct, which the components look up by the model's field.
    assert_eq!(schema.get("FieldsText").unwrap().fields.len(), 22);
    assert!(schema.get("FieldText").is_some());
    let en = flatten(&schema, ROOT, "en.toml", &read(REFERENCE_TAG), None).unwrap();
    let guides = fasttrack_content::load_locales(std::path::Path::new(LOCALES_DIR)).unwrap();
    assert!(guides.len() >= 3);
    for guide in guides {
        let flat = flatten(&schema, ROOT, guide.locale, &read(guide.locale), Some(&en))
            .unwrap_or_else(|p| panic!("{}: {p:#?}", guide.locale));
        assert_eq!(flat.table.len(), en.table.len(), "{}", guide.locale);
    }
}
