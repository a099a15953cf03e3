//! Request references: what the reader is shown and an operator looks a request up by. Short
//! and readable (`FT-2026-7KM3-Q9XD`), and random: a sequence would tell anyone who sends two
//! requests how many others were received between them.

/// Crockford's base-32 digits: no I, L, O or U, so nothing reads as another character
/// (1/I/L, 0/O) or spells a word by accident.
const DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The random characters of a reference: 32^8, about 10^12, so a collision (stored references
/// are unique, and a new one is drawn then) is rare even after millions of requests.
const RANDOM_CHARS: usize = 8;

/// A fresh reference for a request received in `year`, from the system's cryptographic
/// random source. `None` only if that source fails.
pub fn new_reference(year: &str) -> Option<String> {
    let mut bytes = [0u8; RANDOM_CHARS];
    getrandom::fill(&mut bytes).ok()?;
    Some(format_reference(year, bytes))
}

/// `FT-{year}-XXXX-XXXX`, each byte giving one base-32 digit (its low five bits: every digit is
/// as likely as any other).
fn format_reference(year: &str, bytes: [u8; RANDOM_CHARS]) -> String {
    let digits: String = bytes
        .iter()
        .map(|b| char::from(DIGITS[usize::from(b & 31)]))
        .collect();
    format!("FT-{year}-{}-{}", &digits[..4], &digits[4..])
}

/// Whether `text` has a reference's shape (for the operator's commands).
pub fn is_reference(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 17
        && text.starts_with("FT-")
        && b[3..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[12] == b'-'
        && b[8..12].iter().chain(&b[13..]).all(|c| DIGITS.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_the_year_and_eight_base_32_digits() {
        assert_eq!(
            format_reference("2026", [0, 1, 31, 32, 18, 255, 10, 7]),
            "FT-2026-01Z0-JZA7"
        );
        let fresh = new_reference("2026").expect("random bytes");
        assert!(is_reference(&fresh), "{fresh}");
        assert!(!is_reference("FT-2026-000001"));
        assert!(!is_reference("FT-2026-01I0-JZA7"), "I is not a digit");
    }

    #[test]
    fn references_do_not_follow_one_another() {
        let drawn: Vec<String> = (0..200)
            .map(|_| new_reference("2026").expect("random bytes"))
            .collect();
        let distinct: std::collections::HashSet<&String> = drawn.iter().collect();
        assert_eq!(distinct.len(), drawn.len());
        // Every digit shows up somewhere among 1,600 drawn characters.
        for digit in DIGITS {
            assert!(
                drawn.iter().any(|r| r.as_bytes()[8..].contains(digit)),
                "{}",
                char::from(*digit)
            );
        }
    }
}
