//! Inline runs of the guide (text, emphasis, links) as views, and what rendering needs to
//! know besides the content.

use crate::locale::Locale;
use crate::shell::Address;
use fasttrack_content::model::{AppPage, Inline};
use leptos::prelude::*;

/// Where the sources' relative links (`O365-data-migration.md`) point: the same page of the
/// published FastTrack documentation, in the content's language.
const DOCS_BASE: &str = "https://learn.microsoft.com";

/// What rendering needs besides the content: the reader's locale and where the app lives.
#[derive(Clone)]
pub struct RenderContext {
    pub locale: Locale,
    /// The app's `base` (links to the wizard are built under it).
    pub base: String,
}

impl RenderContext {
    /// The content's links are `https:`, `mailto:`, `#place` or a documentation page
    /// (`name.md`, optionally with a `#place`): the build refuses any other.
    fn resolve_href(&self, href: &str) -> String {
        if href.contains("://") || href.starts_with("mailto:") || href.starts_with('#') {
            return href.to_owned();
        }
        let (page, fragment) = match href.split_once('#') {
            Some((page, fragment)) => (page, format!("#{fragment}")),
            None => (href, String::new()),
        };
        let page = page.trim_end_matches(".md").to_ascii_lowercase();
        let docs_locale = self
            .locale
            .guide()
            .front_matter
            .content_locale
            .to_ascii_lowercase();
        format!("{DOCS_BASE}/{docs_locale}/microsoft-365/fasttrack/{page}{fragment}")
    }

    fn app_href(&self, page: AppPage) -> String {
        let locale = self.locale;
        match page {
            AppPage::Request => Address::WizardStart { locale }.href(&self.base),
        }
    }
}

pub fn render_inlines(run: &'static [Inline], cx: &RenderContext) -> Vec<AnyView> {
    run.iter().map(|inline| render_inline(inline, cx)).collect()
}

fn render_inline(inline: &'static Inline, cx: &RenderContext) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(children) => {
            view! { <strong>{render_inlines(children, cx)}</strong> }.into_any()
        }
        Inline::Emphasis(children) => view! { <em>{render_inlines(children, cx)}</em> }.into_any(),
        Inline::Link { href, children } => {
            let href = cx.resolve_href(href);
            if href.starts_with('#') {
                view! { <a href=href>{render_inlines(children, cx)}</a> }.into_any()
            } else {
                external_link(href, render_inlines(children, cx), cx.locale)
            }
        }
        Inline::AppLink { target, children } => {
            view! { <a href=cx.app_href(*target)>{render_inlines(children, cx)}</a> }.into_any()
        }
    }
}

/// A link that leaves the app: a new tab, without giving the opened page a handle on ours.
pub fn external_link(href: String, children: impl IntoView + 'static, locale: Locale) -> AnyView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer" class="ft-external">
            {children}
            <span class="ft-visually-hidden">" " {locale.ui().opens_in_new_tab}</span>
        </a>
    }
    .into_any()
}
