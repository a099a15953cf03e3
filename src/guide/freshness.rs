//! When this locale's text was last updated, whether a newer text exists in other languages,
//! and whether the text is our own translation.

use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Address;
use leptos::prelude::*;

#[component]
pub fn Freshness(locale: Locale) -> impl IntoView {
    let config = expect_context::<Config>();
    let ui = locale.ui();
    let guide = locale.guide();
    let updated = locale.format_date(guide.front_matter.updated);
    let newer = locale.newer_versions();
    let older_notice = newer.first().map(|newest| {
        let text = ui.older_notice(&updated, locale.format_date(newest.updated()));
        let links = newer
            .iter()
            .map(|l| {
                let href = Address::guide(*l).href(&config.base);
                view! { <li><a href=href hreflang=l.tag() lang=l.tag()>{l.name()}</a></li> }
            })
            .collect_view();
        view! {
            <div class="ft-callout ft-callout--outdated" role="note">
                <p>{text}</p>
                <p>{ui.older_notice_links}</p>
                <ul class="ft-inline-list">{links}</ul>
            </div>
        }
    });
    let translation = guide.front_matter.translated_from.map(|source| {
        let language = Locale::from_tag(source).map_or(source, |l| l.name());
        view! { <p class="ft-meta">{ui.translation_notice(language)}</p> }
    });
    view! {
        <p class="ft-meta">
            <time datetime=iso_date(locale)>{ui.last_updated(&updated)}</time>
        </p>
        {translation}
        {older_notice}
    }
}

fn iso_date(locale: Locale) -> String {
    let d = locale.updated();
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}
