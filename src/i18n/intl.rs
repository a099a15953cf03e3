//! Numbers, plural categories and dates in a locale's own way, from the browser's `Intl`
//! (`NumberFormat`, `PluralRules`, `DateTimeFormat`): no tables of our own to keep right.
//!
//! Native builds (unit tests, build tools) have no `Intl`: there a number is its digits, its
//! category follows English (`One` for 1), and a date is `YYYY-MM-DD`. What the reader sees
//! is checked in the browser (tests/web.rs).

use std::fmt;

/// A plural category, as `Intl.PluralRules` names them (CLDR).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category's CLDR name, as strings files write it.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// A count as a message shows it: formatted for the locale ("2,000", "2.000", "2 000"), with
/// the plural category that chooses the message's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    pub plural: Plural,
    formatted: String,
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted)
    }
}

impl Number {
    /// `n` in the locale `tag`.
    pub fn new(tag: &str, n: usize) -> Number {
        #[cfg(target_arch = "wasm32")]
        {
            browser::number(tag, n)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = tag;
            Number {
                plural: if n == 1 { Plural::One } else { Plural::Other },
                formatted: n.to_string(),
            }
        }
    }
}

impl Number {
    /// A number already written (`formatted`), with its category.
    pub fn written(formatted: String, plural: Plural) -> Number {
        Number { plural, formatted }
    }
}

/// A calendar date in the locale `tag`'s long form ("4 September 2018", "4 de setembro de
/// 2018"); the ISO form where the browser cannot format it.
#[cfg(target_arch = "wasm32")]
pub fn format_date(tag: &str, year: u16, month: u8, day: u8) -> String {
    browser::date(tag, year, month, day).unwrap_or_else(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Outside a browser (the build-time prerender, native tests) there is no `Intl`: a marker,
/// `{date:pt-BR:2018-09-04}`, that `scripts/prerender.mjs` writes with Node's `Intl` and the
/// same options as the browser's.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_date(tag: &str, year: u16, month: u8, day: u8) -> String {
    format!("{{date:{tag}:{year:04}-{month:02}-{day:02}}}")
}

/// A moment (ms since the Unix epoch) as a date and time in the locale `tag`'s long form and
/// the reader's time zone ("30 November 2026 at 14:05"); ISO (UTC) where the browser cannot.
#[cfg(target_arch = "wasm32")]
pub fn format_date_time(tag: &str, ms: f64) -> String {
    browser::date_time(tag, ms).unwrap_or_else(|| {
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
            .to_iso_string()
            .into()
    })
}

/// Outside a browser: the moment in milliseconds since the Unix epoch.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_date_time(tag: &str, ms: f64) -> String {
    let _ = tag;
    format!("{ms} ms")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Number, Plural};
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    fn locales(tag: &str) -> Array {
        Array::of1(&tag.into())
    }

    fn options(pairs: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        options
    }

    pub fn number(tag: &str, n: usize) -> Number {
        let value = JsValue::from_f64(n as f64);
        let formatted = Intl::NumberFormat::new(&locales(tag), &Object::new())
            .format()
            .call1(&JsValue::UNDEFINED, &value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| n.to_string());
        let category: String = Intl::PluralRules::new(&locales(tag), &Object::new())
            .select(n as f64)
            .into();
        let plural = match category.as_str() {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        };
        Number { plural, formatted }
    }

    pub fn date_time(tag: &str, ms: f64) -> Option<String> {
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        Intl::DateTimeFormat::new(
            &locales(tag),
            &options(&[("dateStyle", "long"), ("timeStyle", "short")]),
        )
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()?
        .as_string()
    }

    pub fn date(tag: &str, year: u16, month: u8, day: u8) -> Option<String> {
        // Midday UTC, formatted in UTC: the same calendar day wherever the reader is.
        let time = js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0)
            + (f64::from(day) - 1.0) * 86_400_000.0
            + 43_200_000.0;
        let date = js_sys::Date::new(&JsValue::from_f64(time));
        let format = Intl::DateTimeFormat::new(
            &locales(tag),
            &options(&[("dateStyle", "long"), ("timeZone", "UTC")]),
        );
        format
            .format()
            .call1(&JsValue::UNDEFINED, &date)
            .ok()?
            .as_string()
    }
}
