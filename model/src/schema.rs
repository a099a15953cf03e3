//! What the published JSON Schema (schema/request.schema.json) says beyond the types: the
//! patterns and the conditional rules, written from the same character tables as the rules in
//! `rules.rs` and `text.rs`, and the list of rules a JSON Schema cannot express. Native only
//! (feature `schema`); `model/tests/schema_agreement.rs` checks that the schema and the rules
//! give the same verdict.
//!
//! Patterns are written for every JSON Schema validator: ECMA-262 syntax that Rust's `regex`
//! also reads (no `\d`, `\s` or `\w`, whose meanings differ; `\uXXXX` escapes; no look-arounds).

use crate::limits;
use schemars::{json_schema, Schema};

type Ranges = &'static [(char, char)];

/// Unicode's `White_Space` characters: what `char::is_whitespace` is true of.
const WHITESPACE: Ranges = &[
    ('\u{0009}', '\u{000D}'),
    ('\u{0020}', '\u{0020}'),
    ('\u{0085}', '\u{0085}'),
    ('\u{00A0}', '\u{00A0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200A}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202F}', '\u{202F}'),
    ('\u{205F}', '\u{205F}'),
    ('\u{3000}', '\u{3000}'),
];

/// Unicode's control characters (`Cc`): what `char::is_control` is true of.
const CONTROL: Ranges = &[('\u{0000}', '\u{001F}'), ('\u{007F}', '\u{009F}')];

/// The control characters comments refuse: all but tab, line feed and carriage return.
const COMMENT_CONTROL: Ranges = &[
    ('\u{0000}', '\u{0008}'),
    ('\u{000B}', '\u{000C}'),
    ('\u{000E}', '\u{001F}'),
    ('\u{007F}', '\u{009F}'),
];

/// What [`crate::text::is_invisible`] is true of.
const INVISIBLE: Ranges = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
];

/// What [`crate::text::is_bidi_control`] is true of.
const BIDI: Ranges = &[('\u{202A}', '\u{202E}'), ('\u{2066}', '\u{2069}')];

/// The inside of a character class holding `sets`: merged ranges, as `\uXXXX` escapes (all
/// are in the Basic Multilingual Plane).
fn class(sets: &[Ranges]) -> String {
    let mut ranges: Vec<(u32, u32)> = sets
        .iter()
        .copied()
        .flatten()
        .map(|&(from, to)| (u32::from(from), u32::from(to)))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .iter()
        .map(|&(from, to)| match to - from {
            0 => format!("\\u{from:04X}"),
            1 => format!("\\u{from:04X}\\u{to:04X}"),
            _ => format!("\\u{from:04X}-\\u{to:04X}"),
        })
        .collect()
}

/// A single-line text (names, job titles, the project name): no control characters, no
/// bidirectional embeddings, overrides or isolates.
pub(crate) fn single_line() -> String {
    format!("^[^{}]*$", class(&[CONTROL, BIDI]))
}

/// Comments: no control characters but tab, line feed and carriage return.
pub(crate) fn comments() -> String {
    format!("^[^{}]*$", class(&[COMMENT_CONTROL]))
}

/// One label of a host name: letters and digits (of any script) and hyphens, 1 to 63
/// characters, neither starting nor ending with a hyphen.
const LABEL: &str = r"[\p{Alphabetic}\p{N}](?:[\p{Alphabetic}\p{N}-]{0,61}[\p{Alphabetic}\p{N}])?";

/// The top-level label: two letters or more, or an IDNA A-label (`xn--p1ai`, Russia's `.рф`).
const TOP_LABEL: &str = r"(?:\p{Alphabetic}{2,63}|[Xx][Nn]--[A-Za-z0-9-]{0,58}[A-Za-z0-9])";

fn host() -> String {
    format!(r"(?:{LABEL}\.)+{TOP_LABEL}")
}

/// A customer's domain: a host name, with or without the final dot.
pub(crate) fn domain() -> String {
    format!(r"^{}\.?$", host())
}

/// An e-mail address: a local part of dot-separated runs of anything but white space, control
/// and invisible characters and `()<>[]\,;:@"`, then `@` and a host name (no final dot).
pub(crate) fn email() -> String {
    let atom = format!(
        r#"[^{}()<>\[\]\\,;:@".]+"#,
        class(&[WHITESPACE, CONTROL, INVISIBLE])
    );
    format!(r"^{atom}(?:\.{atom})*@{}$", host())
}

/// The local part of an e-mail address is at most 64 characters.
pub(crate) const EMAIL_LOCAL_PART: &str = "^[^@]{1,64}@";

/// `+` or `00`, then 8 to 15 digits with spaces, dots, hyphens or brackets between them.
pub(crate) const PHONE: &str = r"^(?:\+|00)[0-9](?:[ ().-]*[0-9]){7,14}[ ().-]*$";

/// A customer's TPID: 1 to 12 digits.
const TPID: &str = "^[0-9]{1,12}$";

/// The payload's rules that join two fields: a customer on partners' requests only, and the
/// data-migration minimum.
pub(crate) fn request_rules(schema: &mut Schema) {
    let rules = json_schema!({
        "allOf": [
            {
                "if": {
                    "properties": { "requester_kind": { "const": "partner" } },
                    "required": ["requester_kind"]
                },
                "then": {
                    "properties": { "customer": { "type": "object" } },
                    "required": ["customer"]
                },
                "else": {
                    "properties": { "customer": { "type": "null" } }
                }
            },
            {
                "if": {
                    "properties": { "data_migration": { "const": true } },
                    "required": ["data_migration"]
                },
                "then": {
                    "properties": {
                        "organisation": {
                            "properties": {
                                "licences": { "minimum": crate::MIGRATION_MIN_LICENCES }
                            }
                        }
                    }
                }
            }
        ]
    });
    schema.insert(
        "allOf".into(),
        rules.get("allOf").cloned().unwrap_or_default(),
    );
}

/// The customer's value, by what identifies it.
pub(crate) fn customer_rules(schema: &mut Schema) {
    let by = |kind: &str, value: Schema| {
        json_schema!({
            "if": {
                "properties": { "identified_by": { "const": kind } },
                "required": ["identified_by"]
            },
            "then": { "properties": { "value": value } }
        })
    };
    let rules = [
        by(
            "name",
            json_schema!({ "maxLength": limits::CUSTOMER_NAME, "pattern": single_line() }),
        ),
        by(
            "domain",
            json_schema!({ "maxLength": limits::DOMAIN, "pattern": domain() }),
        ),
        by("tpid", json_schema!({ "pattern": TPID })),
    ];
    let rules = json_schema!({ "allOf": rules });
    schema.insert(
        "allOf".into(),
        rules.get("allOf").cloned().unwrap_or_default(),
    );
}

/// The payload's description: what it is, and the rules a JSON Schema cannot express (each
/// named; docs/backend.md lists them too).
pub(crate) const DESCRIPTION: &str = "\
A request for FastTrack assistance with Microsoft 365 (schema version 1).

A receiver also applies these rules, which a JSON Schema cannot express:
- trimmed: a text is judged without the white space and invisible characters (zero-width \
spaces and joiners, bidirectional marks, soft hyphens, the byte-order mark) at either end: \
they do not count towards `maxLength` or a `pattern`, and a text made only of them is empty.
- after-today: `planned_deployment_date` is after the day the receiver is sent the request.
- plain-integers: a whole number is written without a fraction or an exponent (`150`, not \
`150.0` or `1.5e2`); JSON Schema's `integer` accepts all three.
- unicode-version: which characters are letters and digits in a host name follows each \
implementation's version of Unicode, so a character assigned in a recent version can be \
accepted by one and refused by another.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn holds(ranges: Ranges, c: char) -> bool {
        ranges.iter().any(|&(from, to)| (from..=to).contains(&c))
    }

    #[test]
    fn the_tables_are_the_rules_predicates() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(holds(WHITESPACE, c), c.is_whitespace(), "{c:?}");
            assert_eq!(holds(CONTROL, c), c.is_control(), "{c:?}");
            assert_eq!(
                holds(COMMENT_CONTROL, c),
                c.is_control() && !matches!(c, '\n' | '\r' | '\t'),
                "{c:?}"
            );
            assert_eq!(holds(INVISIBLE, c), text::is_invisible(c), "{c:?}");
            assert_eq!(holds(BIDI, c), text::is_bidi_control(c), "{c:?}");
        }
    }

    #[test]
    fn classes_are_escaped_code_points() {
        assert_eq!(class(&[BIDI]), r"\u202A-\u202E\u2066-\u2069");
        assert_eq!(
            class(&[CONTROL, WHITESPACE])[..26],
            *r"\u0000-\u0020\u007F-\u00A0"
        );
        assert_eq!(
            single_line(),
            r"^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$"
        );
    }
}
