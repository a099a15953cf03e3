//! Sending the request, in the shape of a leptos-use hook. [`provide_submission`] gives the
//! mounted app its submission's state, so it outlives the review page (leaving it loses
//! nothing); [`sending`] tells any page whether a request is on its way; [`use_submission`]
//! gives the review its signals and its `send`. The send itself (the client, the outcomes) is
//! only reached from the review, so its code is in the review's piece of the build
//! ([`crate::piece`]); it is set up the first time the review asks, under the app's owner.

use crate::host::Config;
use crate::locale::Locale;
use crate::request::client;
use crate::request::controls::focus_later;
use crate::request::draft_store::Pending;
use crate::request::state::WizardState;
use crate::request::submit::Outcome;
use crate::shell::{Address, Place};
use fasttrack_model::{validate, Refusal, Step};
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;

/// The id of the box that says why a send failed (on the review page).
pub const FAILURE_ID: &str = "ft-failure";
/// The id of the notice that an earlier attempt's key was too old to send again.
pub const STALE_SEND_ID: &str = "ft-stale-send";

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

/// The app's one submission, as [`provide_submission`] provides it.
#[derive(Clone, Copy)]
struct Submission {
    pending: RwSignal<bool>,
    attempt: RwSignal<Option<u32>>,
    failure: RwSignal<Option<Outcome>>,
    /// The mounted app's owner: the send and its answer belong to it, not to a page. (Weak: it
    /// holds this context, and must not be kept alive by it once the app is unmounted.)
    owner: StoredValue<WeakOwner>,
    /// Set up by the first [`use_submission`].
    send: StoredValue<Option<UnsyncCallback<()>>, LocalStorage>,
}

/// Provides the app's one submission. Called once, where the address is known.
pub fn provide_submission() {
    provide_context(Submission {
        pending: RwSignal::new(false),
        attempt: RwSignal::new(None),
        failure: RwSignal::new(None),
        owner: StoredValue::new(Owner::current().unwrap_or_default().downgrade()),
        send: StoredValue::new_local(None),
    });
}

/// True while a request is on its way (retries included).
pub fn sending() -> Signal<bool> {
    expect_context::<Submission>().pending.into()
}

/// The wizard's submission, for the review: its signals and its `send`.
pub fn use_submission() -> UseSubmissionReturn {
    let submission = expect_context::<Submission>();
    let send = submission.send.get_value().unwrap_or_else(|| {
        let send = under_app(submission, || new_send(submission));
        submission.send.set_value(Some(send));
        send
    });
    UseSubmissionReturn {
        pending: submission.pending.into(),
        attempt: submission.attempt.into(),
        failure: submission.failure.into(),
        send,
    }
}

/// Runs `f` under the mounted app's owner (under the current one, should that be gone).
fn under_app<T>(submission: Submission, f: impl FnOnce() -> T) -> T {
    match submission.owner.with_value(WeakOwner::upgrade) {
        Some(owner) => owner.with(f),
        None => f(),
    }
}

/// The send, under the app's owner: the request goes on, and its answer is acted on wherever
/// the reader is, until the app is unmounted.
fn new_send(submission: Submission) -> UnsyncCallback<()> {
    let Submission {
        pending,
        attempt,
        failure,
        ..
    } = submission;
    let config = expect_context::<Config>();
    let state = expect_context::<WizardState>();
    let place = Place::current();
    let locale = move || {
        place
            .address
            .with_untracked(Address::locale)
            .unwrap_or_else(Locale::default_locale)
    };

    // What the backend's last answer means for the reader.
    let answered = move |outcome: Outcome| {
        pending.set(false);
        attempt.set(None);
        match outcome {
            Outcome::Accepted { reference } => {
                crate::host::events::emit("fasttrack:submitted", || {
                    let detail = reference
                        .as_deref()
                        .map_or(wasm_bindgen::JsValue::NULL, Into::into);
                    [("reference", detail)]
                });
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
                crate::host::events::emit("fasttrack:error", || {
                    [
                        ("kind", "submission".into()),
                        ("reason", other.reason().into()),
                    ]
                });
                if other == Outcome::Conflict {
                    // The next try is a new request: it gets a new key.
                    state.submission.set(None);
                }
                failure.set(Some(other));
                focus_later(FAILURE_ID);
            }
        }
    };

    UnsyncCallback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        // A key older than the contract's window is not sent again: the review now says why,
        // and the reader's next send is a new request.
        if state.drop_stale_send() {
            failure.set(None);
            focus_later(STALE_SEND_ID);
            return;
        }
        match state
            .draft
            .with_untracked(|d| validate(d, state.env.today()))
        {
            Ok(request) => {
                // A request the browser cannot write out is never sent as an empty body.
                let Some(body) = crate::json::to_text(&request) else {
                    answered(Outcome::Unsendable);
                    return;
                };
                // A retry of the same answers reuses the key (and its first time); changed
                // answers get a new one.
                let (key, since_ms) = state
                    .submission
                    .with_untracked(|p| {
                        p.as_ref()
                            .filter(|p| p.body == body)
                            .map(|p| (p.key.clone(), p.since_ms))
                    })
                    .unwrap_or_else(|| (client::new_key(), state.env.now_ms()));
                state.submission.set(Some(Pending {
                    key: key.clone(),
                    body: body.clone(),
                    since_ms,
                }));
                state.stale_send.set(false);
                failure.set(None);
                pending.set(true);
                let config = config.clone();
                let sent = async move {
                    let report = move |n| attempt.set(Some(n));
                    answered(client::send(&config, &key, &body, report).await);
                };
                // Under the app's owner (not the page's): cancelled only if the app goes.
                under_app(submission, || {
                    leptos::task::spawn_local_scoped_with_cancellation(sent)
                });
            }
            Err(errors) => show_on_question(
                state,
                place,
                locale(),
                errors.into_iter().map(Refusal::from).collect(),
            ),
        }
    })
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
