//! What counts as text in an answer. Characters that show nothing (zero-width spaces, joiners,
//! bidirectional marks and other format characters) cannot make an answer on their own, and
//! the bidirectional controls that can make a name or an address read as something else are
//! refused where those are asked for.

/// A character that shows nothing by itself: Unicode's format characters (`Cf`) that appear
/// in typed or pasted text, and the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{061C}'                // Arabic letter mark
        | '\u{180E}'                // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'   // zero-width space, non-joiner, joiner; LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'   // bidi isolates, deprecated format characters
        | '\u{FEFF}'                // byte-order mark, zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
    )
}

/// The bidirectional embeddings, overrides and isolates: inside a name or an e-mail address
/// they reorder what the reader sees ("Trojan Source"), so those answers refuse them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `value` without white space or invisible characters at either end: an answer of only
/// those is empty.
pub fn trim(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_invisible_text_is_empty() {
        for blank in [
            "\u{200B}",
            " \u{200D}\u{FEFF} ",
            "\u{202E}\u{2066}",
            "\u{00AD}\t",
        ] {
            assert_eq!(trim(blank), "", "{blank:?}");
        }
        // Inside a word, joiners stay: some scripts need them.
        assert_eq!(trim(" \u{200B}می\u{200C}خواهم "), "می\u{200C}خواهم");
    }

    #[test]
    fn bidi_controls_are_the_embeddings_overrides_and_isolates() {
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert!(is_bidi_control(c), "{c:?}");
        }
        for c in ['\u{200E}', '\u{200D}', 'a', 'é'] {
            assert!(!is_bidi_control(c), "{c:?}");
        }
    }
}
