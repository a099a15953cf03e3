//! The guide page: title, freshness, table of contents, the sections in source order, and the
//! attribution line.

use crate::browser;
use crate::guide::freshness::Freshness;
use crate::guide::inline::{external_link, render_inlines, RenderContext};
use crate::guide::render::render_block;
use crate::guide::toc::TableOfContents;
use crate::host::Config;
use crate::locale::Locale;
use crate::shell::CurrentLocale;
use fasttrack_content::model::{Guide, Section};
use leptos::prelude::*;

const LICENSE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// The document title of the guide in `locale`.
pub fn page_title(locale: Locale) -> String {
    format!("{} – {}", locale.guide().title, locale.ui().app_name)
}

crate::piece::piece!(
    /// The guide page as the app draws it: a piece of the build of its own ([`crate::piece`]):
    /// the guide's readers read it prerendered, and the app's arrive in the wizard or a portal.
    fetched_page in guide, prefetch fetch_page: fn() { view! { <GuidePage /> }.into_any() }
);

/// Fetches the guide's code (its piece) without drawing anything: true once it is here.
pub async fn fetch_code() -> bool {
    fetch_page().await.is_ok()
}

/// The guide in `locale` as the app draws it: its piece and its text (a pack of its own, which
/// the wizard's pages are not sent), fetched side by side.
pub async fn fetched_guide(locale: Locale) -> Result<AnyView, crate::piece::Unavailable> {
    use crate::locale::{loaded, Needs};
    let text = loaded(locale, Needs::Guide);
    let page = fetched_page().await;
    if text.await {
        page
    } else {
        Err(crate::piece::Unavailable)
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let CurrentLocale(locale) = expect_context::<CurrentLocale>();
    let config = expect_context::<Config>();

    Effect::new({
        let config = config.clone();
        move |_| {
            let locale = locale.get();
            if config.standalone {
                browser::set_document_title(&page_title(locale));
            }
        }
    });
    // A deep link's fragment names an element that did not exist when the browser looked for
    // it: scroll there once the page is drawn. (On a prerendered page it did, and the reader
    // may have scrolled since.)
    let took_over = use_context::<crate::host::takeover::TookOver>().is_some();
    Effect::new(move |_| {
        if took_over {
            return;
        }
        request_animation_frame(|| {
            if let Some(id) = browser::current_hash() {
                browser::scroll_to(&id);
            }
        })
    });

    move || {
        let cx = RenderContext {
            locale: locale.get(),
            base: config.base.clone(),
        };
        view! { <GuideArticle cx /> }
    }
}

#[component]
fn GuideArticle(cx: RenderContext) -> impl IntoView {
    let guide: &'static Guide = cx.locale.guide();
    let sections = guide
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| render_section(section, i == 0, &cx))
        .collect_view();
    let ui = cx.locale.ui();
    view! {
        <article class="ft-guide">
            {sections}
            <p class="ft-attribution">
                {ui.attribution} " "
                {external_link(LICENSE_URL.to_owned(), ui.license_name, cx.locale)}
            </p>
        </article>
    }
}

/// The first section holds the page title (the source's `#` heading), the freshness notes and
/// the table of contents; the others get the source's heading or, where it has none, ours.
fn render_section(section: &'static Section, first: bool, cx: &RenderContext) -> AnyView {
    let locale: Locale = cx.locale;
    let guide = locale.guide();
    let label = locale.ui().sections.get(section.id).unwrap_or(section.id);
    let heading_id = format!("{}-heading", section.id);
    let heading = if first {
        view! {
            <h1 id=heading_id.clone() class="ft-title">{guide.title}</h1>
            <Freshness locale />
            <TableOfContents locale />
        }
        .into_any()
    } else {
        let text = section
            .heading
            .map(|h| render_inlines(h.text, cx).into_any())
            .unwrap_or_else(|| label.into_any());
        view! { <h2 id=heading_id.clone()>{text}</h2> }.into_any()
    };
    view! {
        <section id=section.id class="ft-section" aria-labelledby=heading_id>
            {heading}
            {section.blocks.iter().map(|b| render_block(b, cx)).collect_view()}
        </section>
    }
    .into_any()
}
