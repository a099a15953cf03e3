//! UI strings, one file per locale. Each file fills the same [`Ui`] struct, so a missing or
//! misspelled key is a compile error, not a blank label at run time.
//!
//! Templates hold `{name}` placeholders that [`fill`] replaces.

mod text;
#[cfg(feature = "wizard")]
mod wizard_text;

pub use text::*;

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_every_placeholder_and_leaves_others() {
        assert_eq!(
            fill("{a} and {b}, {a}; {c}", &[("a", "x"), ("b", "y")]),
            "x and y, x; {c}"
        );
    }
}
