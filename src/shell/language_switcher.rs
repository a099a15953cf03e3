//! Links to the same page and section in every offered language, behind a disclosure that
//! shows the current one (twelve names do not fit a header at 320 px); the choice is
//! remembered. `<details>` opens with the keyboard and without any script (prerendered pages).

use crate::browser;
use crate::host::Config;
use crate::locale::Locale;
use crate::shell::Place;
use leptos::prelude::*;

#[component]
pub fn LanguageSwitcher(current: Locale) -> impl IntoView {
    let config = expect_context::<Config>();
    let place = Place::current();
    let links = config
        .offered()
        .into_iter()
        .map(|target| {
            let base = config.base.clone();
            let href = move || place.address.with(|a| a.in_locale(target).href(&base));
            view! {
                <li>
                    <a
                        href=href
                        hreflang=target.tag()
                        lang=target.tag()
                        aria-current=(current == target).then_some("true")
                        on:click=move |_| browser::remember_locale(target.tag())
                    >
                        {target.name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="ft-languages" aria-label=current.ui().language_nav_label>
            <details>
                <summary>{current.name()}</summary>
                <ul>{links}</ul>
            </details>
        </nav>
    }
}
