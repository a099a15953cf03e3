//! Every style rule is scoped under the app's root class, so a host page is never touched.
#![cfg(not(target_arch = "wasm32"))]

use fasttrack_onboarding::app::ROOT_CLASS;

/// The selectors of every style rule (inside `@media` and `@supports` too).
fn selectors(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);

    let mut out = Vec::new();
    let mut depth_of_rules = vec![true]; // whether each open block holds rules
    let mut prelude = String::new();
    for c in text.chars() {
        match c {
            '{' => {
                let p = prelude.trim().to_owned();
                let holds_rules = *depth_of_rules.last().unwrap_or(&false);
                if holds_rules && p.starts_with('@') {
                    depth_of_rules.push(p.starts_with("@media") || p.starts_with("@supports"));
                    if !(p.starts_with("@media") || p.starts_with("@supports")) {
                        out.push(p);
                    }
                } else {
                    if holds_rules {
                        out.extend(p.split(',').map(|s| s.trim().to_owned()));
                    }
                    depth_of_rules.push(false);
                }
                prelude.clear();
            }
            '}' => {
                depth_of_rules.pop();
                prelude.clear();
            }
            ';' => prelude.clear(),
            _ => prelude.push(c),
        }
    }
    out
}

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/style/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Under the root class: `.ft-app`, `.ft-app x`, `.ft-app:x`, `.ft-app.x`.
fn under_root(selector: &str) -> bool {
    let root = format!(".{ROOT_CLASS}");
    selector == root
        || selector.starts_with(&format!("{root} "))
        || selector.starts_with(&format!("{root}:"))
        || selector.starts_with(&format!("{root}."))
}

#[test]
fn every_rule_is_under_the_root_class() {
    let theme = selectors(&read("theme.css"));
    let guide = selectors(&read("app.css"));
    let wizard = selectors(&read("wizard.css"));
    assert!(theme.len() >= 2, "parsed {} selectors", theme.len());
    assert!(guide.len() > 50, "parsed {} selectors", guide.len());
    assert!(wizard.len() > 50, "parsed {} selectors", wizard.len());
    for selector in [theme, guide, wizard].concat() {
        assert!(
            under_root(&selector),
            "`{selector}` is not scoped under .{ROOT_CLASS}"
        );
    }
}

#[test]
fn outside_the_root_class_only_the_print_path_and_the_custom_element() {
    // `.ft-printing` is on <html> only while the app prints (src/request/record.rs).
    let print_path = selectors(&read("print-path.css"));
    assert!(!print_path.is_empty());
    for selector in print_path {
        assert!(
            selector.starts_with(".ft-printing .ft-print-path "),
            "`{selector}`"
        );
    }
    // style/element.css is linked only inside <fasttrack-onboarding>'s shadow root.
    let element = selectors(&read("element.css"));
    assert!(!element.is_empty());
    for selector in element {
        assert!(
            selector.starts_with(":host") || under_root(&selector),
            "`{selector}`"
        );
    }
}

#[test]
fn the_checker_sees_unscoped_rules() {
    let found = selectors(
        "/* x */ body { margin: 0 } @media (min-width: 1px) { .ft-app a, h1 { color: red } }",
    );
    assert_eq!(found, ["body", ".ft-app a", "h1"]);
}
