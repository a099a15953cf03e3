//! Links to the same page and section in every other language; the choice is remembered.

use crate::browser;
use crate::config::Config;
use crate::locale::Locale;
use crate::shell::{path_after_locale, Place};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitcher(current: Memo<Locale>) -> impl IntoView {
    let config = expect_context::<Config>();
    let place = Place::current();
    let links = config
        .offered()
        .into_iter()
        .map(|target| {
            let config = config.clone();
            let href = move || {
                let rest = path_after_locale(&place.pathname.get(), &config.base);
                config.href(&format!("/{}{}{}", target.tag(), rest, place.hash.get()))
            };
            let is_current = move || current.get() == target;
            view! {
                <li>
                    <a
                        href=href
                        hreflang=target.tag()
                        lang=target.tag()
                        aria-current=move || is_current().then_some("true")
                        on:click=move |_| browser::remember_locale(target.tag())
                    >
                        {target.ui().language_name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="ft-languages" aria-label=move || current.get().ui().language_nav_label>
            <ul>{links}</ul>
        </nav>
    }
}
