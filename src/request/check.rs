//! "Check your answers": every answer in sections, each with a "Change" link back to its
//! question (which then returns here), and the button that sends the request. The rows are
//! [`review_rows`](crate::request::review_rows); the send is the wizard's
//! ([`use_submission`]). The review and the confirmation are one piece of the build
//! ([`closing`], see [`crate::piece`]).

use crate::locale::Locale;
use crate::piece::piece;
use crate::request::answer_list::AnswerList;
use crate::request::arrival::{tell_host, title_effect, CHECK};
use crate::request::confirmation::Confirmation;
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::error_summary::ErrorSummary;
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::record::PrintButton;
use crate::request::submit::{Outcome, MAX_ATTEMPTS};
use crate::request::use_submission::{use_submission, FAILURE_ID, STALE_SEND_ID};
use crate::shell::{Address, Place};
use fasttrack_model::Step;
use leptos::prelude::*;

piece!(
    /// The review, or the confirmation that follows it: one piece of the build.
    pub closing in review, prefetch fetch_closing: fn(page: Address) {
        match page {
            Address::Confirmation { .. } => view! { <Confirmation /> }.into_any(),
            _ => view! { <CheckAnswers /> }.into_any(),
        }
    }
);

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
        } => text.busy_for(&locale.number(*n as usize)),
        Outcome::ServerError => text.server_error.to_owned(),
        Outcome::SignInAgain => text.sign_in_again.to_owned(),
        Outcome::TooLarge => text.too_large.to_owned(),
        Outcome::Conflict => text.conflict.to_owned(),
        Outcome::Refused { .. } => text.refused.to_owned(),
        Outcome::Unexpected(status) => text.unexpected(*status),
        Outcome::Accepted { .. } => String::new(),
    }
}

#[component]
fn CheckAnswers() -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let place = Place::current();
    let submission = use_submission();
    cx.state.page.set(CHECK.to_owned());
    tell_host(cx, CHECK, None);
    crate::shell::Announcer::say(cx.text_untracked().check_title.to_owned());
    title_effect(cx, |t| t.check_title, || false);
    focus_later("ft-step-heading");
    let locale = cx.locale.get_untracked();
    // A tab left open past the key's window: say so before the reader sends.
    cx.state.drop_stale_send();

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
                s.retrying(
                    locale.number(n as usize),
                    locale.number(MAX_ATTEMPTS as usize),
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

    view! {
        <div class="ft-wizard ft-wizard--wide">
            <a class="ft-back-link" href=place.href(&Address::step(locale, Step::Contacts))>
                {move || cx.text().back}
            </a>
            <ErrorSummary step=None />
            <h1 id="ft-step-heading" tabindex="-1">{move || cx.text().check_title}</h1>
            <p>{move || cx.text().check_intro}</p>
            <AnswerList draft=cx.state.draft.into() ids="ft-check" change_links=true />
            {failure_box}
            {move || cx.state.stale_send.get().then(|| view! {
                <div class="ft-callout ft-callout--warning" id=STALE_SEND_ID tabindex="-1" role="alert">
                    <p>{cx.text().sending.stale_send}</p>
                </div>
            })}
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
            <PrintButton label=move || cx.text().sending.print_answers />
            <DraftNotice />
            <StartAgain />
        </div>
    }
}
