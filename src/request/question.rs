//! A question page: its heading, its fields, Continue and Back. Continue validates this step's
//! answers; reached from the review ("Change"), it returns there.

use crate::browser;
use crate::request::arrival::{progress, tell_host, title_effect};
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::error_summary::{ErrorSummary, SUMMARY_ID};
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::steps::prefetch_after;
use crate::request::use_submission::{next_refused_question, sending};
use crate::shell::{Address, Place};
use fasttrack_model::{validate_step, Refusal, Step};
use leptos::prelude::*;

const HEADING_ID: &str = "ft-step-heading";

/// Where Continue leads from `step`: the next question, or the review once every answer is
/// valid (or, while changing an answer, the next question that still needs one).
fn after(step: Step, changing: bool, first_incomplete: Option<Step>) -> Option<(Step, bool)> {
    match (changing, first_incomplete) {
        (true, Some(next)) => Some((next, true)),
        (true, None) => None,
        (false, _) => step.next().or(first_incomplete).map(|s| (s, false)),
    }
}

/// Where Back leads: the review while changing, else the previous question or the start page.
fn before(locale: crate::locale::Locale, step: Step, changing: bool) -> Address {
    match (changing, step.previous()) {
        (true, _) => Address::Check { locale },
        (false, Some(previous)) => Address::step(locale, previous),
        (false, None) => Address::WizardStart { locale },
    }
}

/// `fields`: the step's own ([`step_fields`](crate::request::steps::step_fields)).
#[component]
pub fn QuestionPage(step: Step, changing: bool, fields: AnyView) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    let sending = sending();
    // Drawn at build time, the question waits for `boot.js`: without it, nothing works.
    let build_time = cx.state.env.is_build_time();
    let has_errors = move || {
        cx.state
            .errors
            .with(|e| matches!(e, Some((Some(s), l)) if *s == step && !l.is_empty()))
    };

    cx.state.page.set(step.slug().to_owned());
    tell_host(cx, step.slug(), Some(step));
    crate::shell::Announcer::say(format!(
        "{}: {}",
        untrack(|| progress(cx, step)),
        cx.text_untracked().steps.get(step).question
    ));
    title_effect(cx, move |t| t.steps.get(step).question, has_errors);
    // Where focus goes on arrival: the field the address names (a "Change" link), else the
    // error summary (errors sent back from the review), else the question.
    let field = place.address.with_untracked(|a| match a {
        Address::Step { field, .. } => field.clone(),
        _ => None,
    });
    Effect::new(move |_| {
        let field = field.clone();
        let errors = has_errors();
        request_animation_frame(move || {
            let focused = field.is_some_and(|id| browser::focus(&id));
            if !focused {
                browser::focus(if errors { SUMMARY_ID } else { HEADING_ID });
            }
        });
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let errors = cx
            .state
            .draft
            .with_untracked(|d| validate_step(step, d, cx.state.env.today()));
        if !errors.is_empty() {
            let errors = errors.into_iter().map(Refusal::from).collect();
            cx.state.errors.set(Some((Some(step), errors)));
            focus_later(SUMMARY_ID);
            return;
        }
        cx.state.errors.set(None);
        let locale = cx.locale.get_untracked();
        // Answers the backend refused on a later question come next.
        if let Some(refused) = next_refused_question(cx.state) {
            place.go(&Address::change(locale, refused, None));
            return;
        }
        let to = match after(step, changing, cx.state.first_incomplete.get_untracked()) {
            Some((next, true)) => Address::change(locale, next, None),
            Some((next, false)) => Address::step(locale, next),
            None => Address::Check { locale },
        };
        place.go(&to);
    };
    let back = place.href(&before(cx.locale.get_untracked(), step, changing));
    // Once the reader answers, the next page's piece of the build is fetched: Continue need not
    // wait for it. (Not on arrival: a first visit fetches only what its page needs.)
    let prefetched = StoredValue::new(false);
    let prefetch = move |_| {
        if !prefetched.get_value() {
            prefetched.set_value(true);
            prefetch_after(step);
        }
    };

    view! {
        <div class="ft-wizard">
            <a class="ft-back-link" href=back>{move || cx.text().back}</a>
            <ErrorSummary step=Some(step) />
            <Show when=move || sending.get()>
                <p class="ft-callout ft-callout--warning" role="status" id="ft-sending-notice">
                    {move || cx.text().sending.in_flight}
                </p>
            </Show>
            {needs_javascript(cx)}
            <form class="ft-form" novalidate on:submit=on_submit on:input=prefetch on:change=prefetch>
                <p class="ft-caption" id="ft-step-progress">{move || progress(cx, step)}</p>
                <h1 id=HEADING_ID tabindex="-1" aria-describedby="ft-step-progress">
                    {move || cx.text().steps.get(step).question}
                </h1>
                // While a request is on its way, its answers stay as they are sent: no second
                // request can be made of them until the service has answered. Natively (the
                // prerendered first question) until `boot.js` runs: without it, nothing works.
                <fieldset class="ft-fieldset" disabled=move || sending.get() || build_time>
                    {fields}
                    <button type="submit" class="ft-button">{move || cx.text().continue_button}</button>
                </fieldset>
            </form>
            <DraftNotice />
            <StartAgain />
        </div>
    }
}

/// What the prerendered question tells a reader without JavaScript (drawn at build time only:
/// the app, once running, has no use for it).
fn needs_javascript(cx: WizardContext) -> impl IntoView {
    cx.state.env.is_build_time().then(|| {
        view! {
            <noscript>
                <p class="ft-callout ft-callout--warning">{cx.text().needs_javascript}</p>
            </noscript>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continue_goes_on_in_order_then_to_the_review() {
        assert_eq!(
            after(Step::About, false, Some(Step::About)),
            Some((Step::Services, false))
        );
        assert_eq!(after(Step::Contacts, false, None), None);
        // The last question with an earlier one unanswered (answers were cleared in another way).
        assert_eq!(
            after(Step::Contacts, false, Some(Step::Services)),
            Some((Step::Services, false))
        );
    }

    #[test]
    fn changing_an_answer_returns_to_the_review_unless_another_needs_one() {
        assert_eq!(after(Step::About, true, None), None);
        // Becoming a partner asks for the customer: still changing, so Continue returns after.
        assert_eq!(
            after(Step::Services, true, Some(Step::About)),
            Some((Step::About, true))
        );
    }
}
