//! `/LOCALE/request`: what the request needs, who is eligible, and the way in (or back in).

use crate::config::Config;
use crate::request::context::WizardContext;
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::page::{
    first_step_path, provide_wizard_context, title_effect, wizard_path, CHECK,
};
use crate::request::state::{first_incomplete, today};
use fasttrack_model::Step;
use leptos::prelude::*;

/// `/LOCALE/request`.
pub fn start_path(locale_tag: &str) -> String {
    format!("/{locale_tag}/request")
}

#[component]
pub fn RequestStart() -> impl IntoView {
    let cx: WizardContext = provide_wizard_context();
    let config = expect_context::<Config>();
    title_effect(cx, |t| t.title, || false);
    crate::request::page::announce_page(cx, "start", None);
    let resume_href = {
        let config = config.clone();
        move || {
            let tag = cx.locale.get().tag();
            let page = cx.state.page.get();
            let first = cx.state.draft.with(|d| first_incomplete(d, today()));
            let slug = match first {
                Some(step) if Step::from_slug(&page).is_none_or(|p| p > step) => step.slug(),
                Some(_) => Step::from_slug(&page).map_or(Step::About.slug(), Step::slug),
                None => CHECK,
            };
            config.href(&wizard_path(tag, slug, false))
        }
    };
    let start_href = {
        let config = config.clone();
        move || config.href(&first_step_path(cx.locale.get().tag()))
    };
    view! {
        <div class="ft-wizard">
            <h1 id="ft-step-heading" tabindex="-1">{move || cx.text().title}</h1>
            <p class="ft-lead">{move || cx.text().start_intro}</p>
            <h2>{move || cx.text().start_needs_heading}</h2>
            <ul class="ft-list">
                {move || cx.text().start_needs.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}
            </ul>
            <div class="ft-inset">{move || cx.text().start_eligibility}</div>
            <Show
                when=move || cx.state.has_answers()
                fallback=move || view! {
                    <a class="ft-button ft-button--start" href=start_href.clone()>{move || cx.text().start_button}</a>
                }
            >
                <p>{move || cx.text().resume_note}</p>
                <a class="ft-button ft-button--start" href=resume_href.clone()>{move || cx.text().resume_button}</a>
                <StartAgain />
            </Show>
            <DraftNotice />
        </div>
    }
}
