//! "Check your answers": every answer in sections, each with a "Change" link back to its
//! question (which then returns here), and the button that sends the request. The rows are
//! [`review_rows`](crate::request::review_rows); the send is the wizard's
//! ([`use_submission`]).

use crate::locale::Locale;
use crate::request::arrival::{tell_host, title_effect, CHECK};
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::error_summary::ErrorSummary;
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::names::region_name;
use crate::request::review_rows::{rows, Answer};
use crate::request::submit::{Outcome, MAX_ATTEMPTS};
use crate::request::use_submission::{use_submission, FAILURE_ID};
use crate::shell::{Address, Place};
use fasttrack_model::Step;
use leptos::prelude::*;

/// The words for a failed submission.
fn failure_text(locale: Locale, outcome: &Outcome) -> String {
    let text = &locale.ui().wizard.sending;
    match outcome {
        Outcome::Unreachable => text.unreachable.to_owned(),
        Outcome::Offline => text.offline.to_owned(),
        Outcome::Unsendable => text.unsendable.to_owned(),
        Outcome::TimedOut => text.timed_out.to_owned(),
        Outcome::Busy { wait_minutes: None } => text.busy.to_owned(),
        Outcome::Busy {
            wait_minutes: Some(n),
        } => (text.busy_for)(&locale.number(*n as usize)),
        Outcome::ServerError => text.server_error.to_owned(),
        Outcome::SignInAgain => text.sign_in_again.to_owned(),
        Outcome::TooLarge => text.too_large.to_owned(),
        Outcome::Conflict => text.conflict.to_owned(),
        Outcome::Refused { .. } => text.refused.to_owned(),
        Outcome::Unexpected(status) => (text.unexpected)(*status),
        Outcome::Accepted { .. } => String::new(),
    }
}

/// An answer in the reader's words.
fn answer_text(locale: Locale, answer: Answer) -> String {
    match answer {
        Answer::Text(text) => text,
        Answer::Region(code) => region_name(locale, &code),
        Answer::Date(date) => {
            crate::i18n::format_date(locale.tag(), date.year, date.month, date.day)
        }
    }
}

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    let submission = use_submission();
    cx.state.page.set(CHECK.to_owned());
    tell_host(cx, CHECK, None);
    crate::shell::Announcer::say(cx.text_untracked().check_title.to_owned());
    title_effect(cx, |t| t.check_title, || false);
    focus_later("ft-step-heading");
    let locale = cx.locale.get_untracked();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submission.send.run(());
    };
    let status = move || {
        let s = &cx.text().sending;
        submission.attempt.get().map(|n| {
            if n <= 1 {
                s.sending.to_owned()
            } else {
                let locale = cx.locale.get();
                (s.retrying)(
                    &locale.number(n as usize),
                    &locale.number(MAX_ATTEMPTS as usize),
                )
            }
        })
    };
    let failure_box = move || {
        submission.failure.get().map(|outcome| {
            let s = &cx.text().sending;
            let details = match &outcome {
                Outcome::Refused { other, .. } => other.clone(),
                _ => Vec::new(),
            };
            view! {
                <div class="ft-error-summary ft-failure" id=FAILURE_ID tabindex="-1" aria-labelledby="ft-failure-title">
                    <div role="alert">
                        <h2 id="ft-failure-title" class="ft-error-summary__title">{s.failure_title}</h2>
                        <p>{failure_text(cx.locale.get(), &outcome)}</p>
                        {(!details.is_empty()).then(|| view! {
                            <ul class="ft-list">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        })}
                        <p>{s.answers_kept}</p>
                    </div>
                </div>
            }
        })
    };
    let button_label = move || {
        let s = &cx.text().sending;
        if submission.pending.get() {
            s.sending
        } else if submission
            .failure
            .with(|f| f.as_ref().is_some_and(Outcome::worth_retrying))
        {
            s.try_again
        } else {
            cx.text().submit
        }
    };

    let sections = move || {
        let text = cx.text();
        Step::ALL
            .iter()
            .map(|&step| {
                let rows = cx.state.draft.with(|d| rows(step, d, text));
                let heading_id = format!("ft-check-{}", step.slug());
                view! {
                    <h2 id=heading_id.clone() class="ft-summary-heading">{text.steps.get(step).section}</h2>
                    <dl class="ft-summary-list" aria-labelledby=heading_id>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let href = place.href(&Address::change(locale, step, Some(row.anchor)));
                                view! {
                                    <div class="ft-summary-list__row">
                                        <dt class="ft-summary-list__key">{row.label}</dt>
                                        <dd class="ft-summary-list__value">
                                            {row.answer.into_iter().map(|a| view! { <p>{answer_text(locale, a)}</p> }).collect_view()}
                                        </dd>
                                        <dd class="ft-summary-list__actions">
                                            <a href=href>
                                                {text.change}
                                                <span class="ft-visually-hidden">" " {row.label}</span>
                                            </a>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                }
            })
            .collect_view()
    };

    view! {
        <div class="ft-wizard ft-wizard--wide">
            <a class="ft-back-link" href=place.href(&Address::step(locale, Step::Contacts))>
                {move || cx.text().back}
            </a>
            <ErrorSummary step=None />
            <h1 id="ft-step-heading" tabindex="-1">{move || cx.text().check_title}</h1>
            <p>{move || cx.text().check_intro}</p>
            {sections}
            {failure_box}
            <form class="ft-form" novalidate on:submit=on_submit>
                <button
                    type="submit"
                    class="ft-button"
                    disabled=move || submission.pending.get()
                    aria-describedby="ft-send-status"
                >
                    {button_label}
                </button>
                <p id="ft-send-status" class="ft-hint" role="status">{status}</p>
            </form>
            <DraftNotice />
            <StartAgain />
        </div>
    }
}
