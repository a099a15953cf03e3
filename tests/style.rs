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

#[test]
fn every_rule_is_under_the_root_class() {
    let read = |file: &str| {
        std::fs::read_to_string(format!("{}/style/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let guide = selectors(&read("app.css"));
    let wizard = selectors(&read("wizard.css"));
    assert!(guide.len() > 50, "parsed {} selectors", guide.len());
    assert!(wizard.len() > 50, "parsed {} selectors", wizard.len());
    let all = [guide, wizard].concat();
    let root = format!(".{ROOT_CLASS}");
    for selector in &all {
        // `.ft-printing` is on <html> only while the app prints (src/request/record.rs).
        let scoped = selector == &root
            || selector.starts_with(".ft-printing .ft-print-path ")
            || selector.starts_with(&format!("{root} "))
            || selector.starts_with(&format!("{root}:"))
            || selector.starts_with(&format!("{root}."));
        assert!(scoped, "`{selector}` is not scoped under {root}");
    }
}

#[test]
fn the_checker_sees_unscoped_rules() {
    let found = selectors(
        "/* x */ body { margin: 0 } @media (min-width: 1px) { .ft-app a, h1 { color: red } }",
    );
    assert_eq!(found, ["body", ".ft-app a", "h1"]);
}
