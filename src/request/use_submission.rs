//! Sending the request, in the shape of a leptos-use hook: [`provide_submission`] creates the
//! send once for the mounted app (so it outlives the review page: leaving it does not lose
//! the answer), and [`use_submission`] gives any page its signals and its `send`.

use crate::host::Config;
use crate::locale::Locale;
use crate::request::client;
use crate::request::controls::focus_later;
use crate::request::draft_store::Pending;
use crate::request::state::{today, WizardState};
use crate::request::submit::Outcome;
use crate::shell::{Address, Place};
use fasttrack_model::{validate, Refusal, Step};
use leptos::prelude::*;

/// The id of the box that says why a send failed (on the review page).
pub const FAILURE_ID: &str = "ft-failure";

/// What [`use_submission`] gives a page.
#[derive(Clone, Copy)]
pub struct UseSubmissionReturn {
    /// True from `send` until the backend's last answer (retries included).
    pub pending: Signal<bool>,
    /// The attempt under way (1, 2, 3), for "Trying again (2 of 3)".
    pub attempt: Signal<Option<u32>>,
    /// Why the last send did not succeed, until the next one starts.
    pub failure: Signal<Option<Outcome>>,
    /// Validates the answers and sends them; does nothing while a send is under way. Invalid
    /// answers take the reader to the first question that needs one.
    pub send: UnsyncCallback<()>,
}

/// The wizard's submission, for any page below the app's root.
pub fn use_submission() -> UseSubmissionReturn {
    expect_context::<UseSubmissionReturn>()
}

/// Creates the app's one submission and provides it. Called once, where the address is known.
pub fn provide_submission() {
    let config = expect_context::<Config>();
    let state = expect_context::<WizardState>();
    let place = Place::current();
    let locale = move || {
        place
            .address
            .with_untracked(Address::locale)
            .unwrap_or_else(Locale::default_locale)
    };

    let attempt = RwSignal::new(None::<u32>);
    let failure = RwSignal::new(None::<Outcome>);
    let action = Action::new_local(move |(key, body): &(String, String)| {
        let (config, key, body) = (config.clone(), key.clone(), body.clone());
        async move { client::send(&config, &key, &body, move |n| attempt.set(Some(n))).await }
    });

    // The outcome arrives wherever the reader is.
    Effect::new(move |_| {
        let Some(outcome) = action.value().get() else {
            return;
        };
        attempt.set(None);
        match outcome {
            Outcome::Accepted { reference } => {
                let detail = reference
                    .as_deref()
                    .map_or(wasm_bindgen::JsValue::NULL, Into::into);
                crate::host::events::emit("fasttrack:submitted", &[("reference", detail)]);
                state.accepted(reference);
                place.go(&Address::Confirmation { locale: locale() });
            }
            Outcome::Refused { errors, other } if !errors.is_empty() => {
                // What names no question waits on the review, for when the reader is back.
                failure.set((!other.is_empty()).then(|| Outcome::Refused {
                    errors: Vec::new(),
                    other,
                }));
                show_on_question(state, place, locale(), errors)
            }
            other => {
                crate::host::events::emit(
                    "fasttrack:error",
                    &[
                        ("kind", "submission".into()),
                        ("reason", other.reason().into()),
                    ],
                );
                if other == Outcome::Conflict {
                    // The next try is a new request: it gets a new key.
                    state.submission.set(None);
                }
                failure.set(Some(other));
                focus_later(FAILURE_ID);
            }
        }
    });

    let send = UnsyncCallback::new(move |()| {
        if action.pending().get_untracked() {
            return;
        }
        match state.draft.with_untracked(|d| validate(d, today())) {
            Ok(request) => {
                let body = crate::host::json::to_text(&request.to_json());
                // A retry of the same answers reuses the key; changed answers get a new one.
                let key = state
                    .submission
                    .with_untracked(|p| {
                        p.as_ref().filter(|p| p.body == body).map(|p| p.key.clone())
                    })
                    .unwrap_or_else(client::new_key);
                state.submission.set(Some(Pending {
                    key: key.clone(),
                    body: body.clone(),
                }));
                failure.set(None);
                action.dispatch((key, body));
            }
            Err(errors) => show_on_question(
                state,
                place,
                locale(),
                errors.into_iter().map(Refusal::from).collect(),
            ),
        }
    });

    provide_context(UseSubmissionReturn {
        pending: action.pending().into(),
        attempt: attempt.into(),
        failure: failure.into(),
        send,
    });
}

/// Shows `errors` on the first question that has any, reached as from the review; the others
/// wait for their questions (see [`next_refused_question`]).
fn show_on_question(state: WizardState, place: Place, locale: Locale, errors: Vec<Refusal>) {
    state.refusals_ahead.set(errors);
    if let Some(step) = next_refused_question(state) {
        place.go(&Address::change(locale, step, None));
    }
}

/// Moves the refusals of the first question that has any from `refusals_ahead` to the
/// errors shown, and names that question; `None` when none is left.
pub fn next_refused_question(state: WizardState) -> Option<Step> {
    let ahead = state.refusals_ahead.get_untracked();
    let step = ahead.iter().map(|r| Step::of(r.field)).min()?;
    let (here, later): (Vec<Refusal>, Vec<Refusal>) =
        ahead.into_iter().partition(|r| Step::of(r.field) == step);
    state.refusals_ahead.set(later);
    state.errors.set(Some((Some(step), here)));
    Some(step)
}
