//! The frame around every page of a locale: skip link, navigation, language switcher, and the
//! `lang` of everything inside. Also the pages that have no locale yet: `/` and unknown ones.

mod language_switcher;
#[cfg(not(feature = "wizard"))]
mod load_full_build;
mod not_found;
mod place;
mod root_redirect;

#[cfg(not(feature = "wizard"))]
pub use load_full_build::LoadFullBuild;
pub use not_found::NotFound;
pub use place::{page_at, Page, Place, ReplaceAddress};
pub use root_redirect::RootRedirect;

use crate::browser;
use crate::config::Config;
use crate::locale::Locale;
use language_switcher::LanguageSwitcher;
use leptos::prelude::*;

/// The locale named by the address, for every page under `/:locale/`.
#[derive(Clone, Copy)]
pub struct CurrentLocale(pub Memo<Locale>);

/// A polite live region that outlives page changes: pages put a sentence in it ("Step 2 of 5:
/// …") so screen readers announce where the reader has arrived.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(text: String) {
        if let Some(Announcer(signal)) = use_context::<Announcer>() {
            signal.set(text);
        }
    }
}

/// The path after the locale segment (`/request/contacts`) and the fragment, so a page can be
/// linked in another language.
pub fn path_after_locale(pathname: &str, base: &str) -> String {
    let inside = pathname.strip_prefix(base).unwrap_or(pathname);
    let inside = inside.trim_start_matches('/');
    match inside.find('/') {
        Some(i) => inside[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// The pages of one locale. `requested`: the address's locale segment; `children`: the page.
#[component]
pub fn LocaleShell(requested: Signal<String>, children: ChildrenFn) -> impl IntoView {
    let config = expect_context::<Config>();
    // Only the locales this deployment offers have pages.
    let known = Memo::new(move |_| {
        Locale::from_tag(&requested.get()).filter(|l| config.locales.contains(&l.tag()))
    });

    move || match known.get() {
        None => view! { <NotFound requested=requested.get() /> }.into_any(),
        Some(locale) if locale.tag() != requested.get() => {
            // `/pt-br/...` -> `/pt-BR/...`: one address per page.
            view! { <CanonicalRedirect locale /> }.into_any()
        }
        Some(_) => view! { <LocaleFrame known children=children.clone() /> }.into_any(),
    }
}

#[component]
fn CanonicalRedirect(locale: Locale) -> impl IntoView {
    let config = expect_context::<Config>();
    let place = Place::current();
    let rest = path_after_locale(&place.pathname.get_untracked(), &config.base);
    let path = format!("/{}{}{}", locale.tag(), rest, place.hash.get_untracked());
    view! { <ReplaceAddress path /> }
}

#[component]
fn LocaleFrame(known: Memo<Option<Locale>>, children: ChildrenFn) -> impl IntoView {
    let config = expect_context::<Config>();
    let locale = Memo::new(move |prev: Option<&Locale>| {
        known
            .get()
            .or(prev.copied())
            .unwrap_or_else(Locale::default_locale)
    });
    provide_context(CurrentLocale(locale));
    let announcement = RwSignal::new(String::new());
    provide_context(Announcer(announcement));

    if config.standalone {
        Effect::new(move |_| browser::set_document_lang(locale.get().tag()));
    }

    let place = Place::current();
    let on_request = Memo::new({
        let config = config.clone();
        move |_| {
            matches!(
                page_at(&place.pathname.get(), &config.base),
                Page::Wizard { .. }
            )
        }
    });
    let guide_href = {
        let config = config.clone();
        move || config.href(&format!("/{}/", locale.get().tag()))
    };
    let request_href = {
        let config = config.clone();
        move || config.href(&format!("/{}/request", locale.get().tag()))
    };

    view! {
        <div class="ft-frame" lang=move || locale.get().tag()>
            <a class="ft-skip-link" href=move || format!("{}#ft-main", place.pathname.get()) on:click=|ev| {
                ev.prevent_default();
                browser::focus("ft-main");
            }>{move || locale.get().ui().skip_to_content}</a>
            <p class="ft-visually-hidden" aria-live="polite" id="ft-announcer">{move || announcement.get()}</p>
            <header class="ft-header">
                <nav class="ft-nav" aria-label=move || locale.get().ui().main_nav_label>
                    <ul>
                        <li>
                            <a href=guide_href aria-current=move || (!on_request.get()).then_some("page")>
                                {move || locale.get().ui().nav_guide}
                            </a>
                        </li>
                        <li>
                            <a href=request_href aria-current=move || on_request.get().then_some("page")>
                                {move || locale.get().ui().nav_request}
                            </a>
                        </li>
                    </ul>
                </nav>
                <LanguageSwitcher current=locale />
            </header>
            {if config.standalone {
                view! { <main id="ft-main" class="ft-main" tabindex="-1">{children()}</main> }.into_any()
            } else {
                // Inside a host page that has its own <main>: a named region instead.
                view! {
                    <div id="ft-main" class="ft-main" tabindex="-1" role="region" aria-label=move || locale.get().ui().app_name>
                        {children()}
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::path_after_locale;

    #[test]
    fn the_rest_of_the_path_survives_a_language_switch() {
        assert_eq!(path_after_locale("/en/", ""), "/");
        assert_eq!(path_after_locale("/en", ""), "/");
        assert_eq!(
            path_after_locale("/fr-FR/request/contacts", ""),
            "/request/contacts"
        );
        assert_eq!(
            path_after_locale("/tools/ft/pt-BR/request", "/tools/ft"),
            "/request"
        );
    }
}
