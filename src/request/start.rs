//! `/LOCALE/request`: what the request needs, who is eligible, and the way in (or back in).

use crate::request::arrival::{tell_host, title_effect, START};
use crate::request::context::WizardContext;
use crate::request::frame::{DraftNotice, RememberChoice, StartAgain};
use crate::shell::{Address, Place};
use fasttrack_model::Step;
use leptos::prelude::*;

/// Where "Continue your request" leads: the page the reader was last on, unless a question
/// before it still needs an answer; the review once every answer is valid.
fn resume_at(last_page: Option<Step>, first_incomplete: Option<Step>) -> Option<Step> {
    match (first_incomplete, last_page) {
        (Some(first), Some(last)) if last <= first => Some(last),
        (Some(first), _) => Some(first),
        (None, _) => None,
    }
}

#[component]
pub fn RequestStart() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    title_effect(cx, |t| t.title, || false);
    tell_host(cx, START, None);
    let locale = cx.locale.get_untracked();
    let resume_href = move || {
        let last = cx.state.page.with(|p| Step::from_slug(p));
        let to = match resume_at(last, cx.state.first_incomplete.get()) {
            Some(step) => Address::step(locale, step),
            None => Address::Check { locale },
        };
        place.href(&to)
    };
    let start_href = place.href(&Address::first_step(locale));
    view! {
        <div class="ft-wizard">
            <h1 id="ft-step-heading" tabindex="-1">{move || cx.text().title}</h1>
            <p class="ft-lead">{move || cx.text().start_intro}</p>
            <h2>{move || cx.text().start_needs_heading}</h2>
            <ul class="ft-list">
                {move || cx.text().start_needs.iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <div class="ft-inset">{move || cx.text().start_eligibility}</div>
            <RememberChoice />
            <Show
                when=move || cx.state.has_answers()
                fallback=move || view! {
                    <a class="ft-button ft-button--start" href=start_href.clone()>{move || cx.text().start_button}</a>
                }
            >
                <p>{move || cx.text().resume_note}</p>
                <a class="ft-button ft-button--start" href=resume_href>{move || cx.text().resume_button}</a>
                <StartAgain />
            </Show>
            <DraftNotice />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resuming_returns_to_the_last_page_unless_an_earlier_question_needs_an_answer() {
        assert_eq!(
            resume_at(Some(Step::Services), Some(Step::Organisation)),
            Some(Step::Services)
        );
        assert_eq!(
            resume_at(Some(Step::Contacts), Some(Step::Services)),
            Some(Step::Services)
        );
        assert_eq!(resume_at(None, Some(Step::About)), Some(Step::About));
        assert_eq!(resume_at(Some(Step::Requester), None), None);
    }
}
