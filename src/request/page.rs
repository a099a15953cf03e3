//! The wizard's pages under `/LOCALE/request/PAGE`: a question page per step and the review.
//! A deep link past an unanswered step lands on the first step that still needs answers.

use crate::browser;
use crate::config::Config;
use crate::i18n::{fill, WizardText};
use crate::request::check::CheckAnswers;
use crate::request::confirmation::{Confirmation, CONFIRMATION};
use crate::request::context::WizardContext;
use crate::request::controls::focus_later;
use crate::request::error_summary::{ErrorSummary, SUMMARY_ID};
use crate::request::frame::{DraftNotice, StartAgain};
use crate::request::state::{first_incomplete, today, WizardState};
use crate::request::steps::StepFields;
use crate::shell::{CurrentLocale, NotFound};
use fasttrack_model::{validate_step, Step};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

/// The page slug of the review.
pub const CHECK: &str = "check";
const HEADING_ID: &str = "ft-step-heading";

/// Puts the wizard's context in place for the pages below.
pub fn provide_wizard_context() -> WizardContext {
    let CurrentLocale(locale) = expect_context::<CurrentLocale>();
    let cx = WizardContext {
        state: expect_context::<WizardState>(),
        locale,
    };
    provide_context(cx);
    cx
}

/// `/LOCALE/request/SLUG` (with `?change=1` while changing an answer from the review).
pub fn wizard_path(locale_tag: &str, slug: &str, changing: bool) -> String {
    let query = if changing { "?change=1" } else { "" };
    format!("/{locale_tag}/request/{slug}{query}")
}

/// The first question's address: where a new request starts.
pub fn first_step_path(locale_tag: &str) -> String {
    wizard_path(locale_tag, Step::ALL[0].slug(), false)
}

pub fn step_title(text: &WizardText, step: Step) -> (&'static str, &'static str) {
    match step {
        Step::About => text.steps.about,
        Step::Services => text.steps.services,
        Step::Organisation => text.steps.organisation,
        Step::Requester => text.steps.requester,
        Step::Contacts => text.steps.contacts,
    }
}

/// Tells the host which wizard page is showing (`fasttrack:step`).
pub fn announce_page(cx: WizardContext, page: &str, step: Option<Step>) {
    crate::events::emit(
        "fasttrack:step",
        &[
            ("page", page.into()),
            // The documented contract says null outside the five question pages.
            (
                "step",
                step.map_or(wasm_bindgen::JsValue::NULL, |s| s.number().into()),
            ),
            ("locale", cx.locale.get_untracked().tag().into()),
        ],
    );
}

/// Sets the document title in standalone mode, prefixed with "Error: " when errors show.
pub fn title_effect(
    cx: WizardContext,
    heading: impl Fn(&'static WizardText) -> &'static str + 'static,
    has_errors: impl Fn() -> bool + 'static,
) {
    let config = expect_context::<Config>();
    if !config.standalone {
        return;
    }
    Effect::new(move |_| {
        let text = cx.text();
        let prefix = if has_errors() {
            text.error_title_prefix
        } else {
            ""
        };
        browser::set_document_title(&format!("{prefix}{} – {}", heading(text), text.title));
    });
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let cx = provide_wizard_context();
    let params = use_params_map();
    let page = Memo::new(move |_| params.read().get("page").unwrap_or_default());
    move || {
        let page = page.get();
        if page == CONFIRMATION {
            return view! { <Confirmation /> }.into_any();
        }
        let tag = cx.locale.get_untracked().tag();
        let first = cx
            .state
            .draft
            .with_untracked(|d| first_incomplete(d, today()));
        let target = if page == CHECK {
            None
        } else {
            Step::from_slug(&page)
        };
        if page != CHECK && target.is_none() {
            return view! { <NotFound /> }.into_any();
        }
        match (first, target) {
            (Some(first), Some(step)) if first < step => redirect(tag, first),
            (Some(first), None) => redirect(tag, first),
            (_, Some(step)) => view! { <StepPage step /> }.into_any(),
            (None, None) => view! { <CheckAnswers /> }.into_any(),
        }
    }
}

fn redirect(tag: &str, step: Step) -> AnyView {
    let path = wizard_path(tag, step.slug(), false);
    view! { <Redirect path options=NavigateOptions { replace: true, ..Default::default() } /> }
        .into_any()
}

#[component]
fn StepPage(step: Step) -> impl IntoView {
    let cx = expect_context::<WizardContext>();
    let config = expect_context::<Config>();
    let query = use_query_map();
    let navigate = use_navigate();
    let changing = move || query.read().get("change").is_some();
    let has_errors = move || {
        cx.state
            .errors
            .with(|e| matches!(e, Some((Some(s), l)) if *s == step && !l.is_empty()))
    };

    cx.state.page.set(step.slug().to_owned());
    announce_page(cx, step.slug(), Some(step));
    {
        let text = cx.text_untracked();
        let total = Step::ALL.len().to_string();
        let progress = fill(
            text.step_of,
            &[("n", &step.number().to_string()), ("total", &total)],
        );
        crate::shell::Announcer::say(format!("{progress}: {}", step_title(text, step).0));
    }
    title_effect(cx, move |t| step_title(t, step).0, has_errors);
    // Where focus goes on arrival: a field named by the address (a "Change" link), else the
    // error summary (errors sent back from the review), else the question.
    let location = use_location();
    Effect::new(move |_| {
        // The router's location, not the window's: history is updated after this view mounts.
        let hash = location.hash.get_untracked();
        let hash = hash
            .strip_prefix('#')
            .filter(|h| !h.is_empty())
            .map(str::to_owned);
        let errors = has_errors();
        request_animation_frame(move || {
            let focused = hash.is_some_and(|id| browser::focus(&id));
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
            .with_untracked(|d| validate_step(step, d, today()));
        if !errors.is_empty() {
            cx.state.errors.set(Some((Some(step), errors)));
            focus_later(SUMMARY_ID);
            return;
        }
        cx.state.errors.set(None);
        let tag = cx.locale.get_untracked().tag();
        let first = cx
            .state
            .draft
            .with_untracked(|d| first_incomplete(d, today()));
        let path = match (changing(), step.next(), first) {
            (true, _, None) | (false, None, None) => wizard_path(tag, CHECK, false),
            (true, _, Some(next)) => wizard_path(tag, next.slug(), true),
            (false, Some(next), _) => wizard_path(tag, next.slug(), false),
            (false, None, Some(next)) => wizard_path(tag, next.slug(), false),
        };
        navigate(&path, NavigateOptions::default());
    };

    let back = move || {
        let tag = cx.locale.get().tag();
        let path = match (changing(), step.previous()) {
            (true, _) => wizard_path(tag, CHECK, false),
            (false, Some(previous)) => wizard_path(tag, previous.slug(), false),
            (false, None) => crate::request::start::start_path(tag),
        };
        config.href(&path)
    };

    view! {
        <div class="ft-wizard">
            <a class="ft-back-link" href=back>{move || cx.text().back}</a>
            <ErrorSummary step=Some(step) />
            <form class="ft-form" novalidate on:submit=on_submit>
                <p class="ft-caption" id="ft-step-progress">
                    {move || {
                        let total = Step::ALL.len().to_string();
                        fill(cx.text().step_of, &[("n", &step.number().to_string()), ("total", &total)])
                    }}
                </p>
                <h1 id=HEADING_ID tabindex="-1" aria-describedby="ft-step-progress">
                    {move || step_title(cx.text(), step).0}
                </h1>
                <StepFields step />
                <button type="submit" class="ft-button">{move || cx.text().continue_button}</button>
            </form>
            <DraftNotice />
            <StartAgain />
        </div>
    }
}
