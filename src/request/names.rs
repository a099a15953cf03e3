//! Display names for the answers that are codes: regions (worded by the browser's `Intl`, so
//! no table of 249 names per language ships) and FastTrack languages.

use crate::locale::Locale;
use fasttrack_model::{FastTrackLanguage, REGIONS};
use wasm_bindgen::JsCast;

/// `BR` -> "Brazil" / "Brasil" / "Brésil"; the code itself where `Intl` cannot name it.
pub fn region_name(locale: Locale, code: &str) -> String {
    region_namer(locale)
        .and_then(|names| name_of(&names, code))
        .unwrap_or_else(|| code.to_owned())
}

/// `DisplayNames.of`, which throws a `RangeError` for anything that is not a well-formed
/// code (an empty answer, say): called so that the exception is caught, not left to abort
/// the app.
fn name_of(names: &js_sys::Intl::DisplayNames, code: &str) -> Option<String> {
    if !REGIONS.contains(&code) {
        return None;
    }
    let of = js_sys::Reflect::get(names, &"of".into()).ok()?;
    let of: js_sys::Function = of.dyn_into().ok()?;
    of.call1(names, &code.into()).ok()?.as_string()
}

fn region_namer(locale: Locale) -> Option<js_sys::Intl::DisplayNames> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
    let locales = js_sys::Array::of1(&locale.tag().into());
    // Throws where Intl.DisplayNames is missing (very old browsers): fall back to codes.
    let construct = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())
        .ok()
        .filter(|intl| js_sys::Reflect::has(intl, &"DisplayNames".into()).unwrap_or(false));
    construct.map(|_| js_sys::Intl::DisplayNames::new(&locales, &options))
}

/// Every region as (code, name), sorted by name in the reader's language.
pub fn region_options(locale: Locale) -> Vec<(String, String)> {
    let namer = region_namer(locale);
    let mut options: Vec<(String, String)> = REGIONS
        .iter()
        .map(|code| {
            let name = namer.as_ref().and_then(|n| name_of(n, code));
            (code.to_string(), name.unwrap_or_else(|| code.to_string()))
        })
        .collect();
    let locales = js_sys::Array::of1(&locale.tag().into());
    options.sort_by(|a, b| {
        let order = js_sys::JsString::from(a.1.as_str()).locale_compare(
            &b.1,
            &locales,
            &js_sys::Object::new(),
        );
        order.cmp(&0)
    });
    options
}

pub fn language_options(locale: Locale) -> Vec<(String, String)> {
    let names = &locale.ui().wizard.languages;
    FastTrackLanguage::ALL
        .iter()
        .map(|&l| (l.code().to_owned(), names.get(l).to_owned()))
        .collect()
}
