//! The wizard's state for one mounted app: the answers (saved as they change), the errors a
//! step page shows, and whether drafts can be kept.

use crate::host::DraftStorage;
use crate::request::draft_store::{DraftStore, Pending, Restored};
use fasttrack_model::{validate_step, Date, Draft, Refusal, Step};
use leptos::prelude::*;

/// Whether the reader's answers are being kept, for the notice under the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftStatus {
    Saved,
    /// Storage is unavailable or a write failed: answers live only in this page.
    NotKept,
}

#[derive(Clone, Copy)]
pub struct WizardState {
    pub draft: RwSignal<Draft>,
    /// The errors shown on a step (or on the review, as `None`), as codes: they are worded
    /// when drawn, so a language switch re-words them.
    pub errors: RwSignal<Option<(Option<Step>, Vec<Refusal>)>>,
    /// Answers the backend refused that the reader has not yet been shown, on later questions
    /// than the one showing (each question's Continue leads to the next of them).
    pub refusals_ahead: RwSignal<Vec<Refusal>>,
    /// The page the reader was last on, so "Continue your request" goes back there.
    pub page: RwSignal<String>,
    pub status: RwSignal<DraftStatus>,
    /// An earlier draft could not be read and was set aside: say so once.
    pub discarded: RwSignal<bool>,
    /// The key and body of a submission not yet accepted (kept across reloads).
    pub submission: RwSignal<Option<Pending>>,
    /// The request just sent, for the confirmation page: its reference, or an empty one
    /// when the backend accepted it without giving one.
    pub confirmation: RwSignal<Option<String>>,
    /// The first question whose answers are not all valid yet (`None`: ready for review).
    pub first_incomplete: Memo<Option<Step>>,
    store: StoredValue<DraftStore, LocalStorage>,
}

impl WizardState {
    pub fn new(storage: DraftStorage) -> WizardState {
        let store = DraftStore::open(storage);
        let (draft, page, submission, discarded) = match store.load() {
            Restored::Draft {
                draft,
                page,
                submission,
            } => (*draft, page, submission, false),
            Restored::Unusable => (Draft::default(), String::new(), None, true),
            Restored::Nothing | Restored::Expired => (Draft::default(), String::new(), None, false),
        };
        let status = if store.is_available() {
            DraftStatus::Saved
        } else {
            DraftStatus::NotKept
        };
        let draft = RwSignal::new(draft);
        let state = WizardState {
            draft,
            first_incomplete: Memo::new(move |_| draft.with(|d| first_incomplete(d, today()))),
            errors: RwSignal::new(None),
            refusals_ahead: RwSignal::new(Vec::new()),
            page: RwSignal::new(page),
            status: RwSignal::new(status),
            discarded: RwSignal::new(discarded),
            submission: RwSignal::new(submission),
            confirmation: RwSignal::new(store.confirmation()),
            store: StoredValue::new_local(store),
        };
        // Save on every change (the first run re-saves what was loaded). An empty draft is
        // not kept: there is nothing to come back to.
        Effect::new(move |_| {
            let page = state.page.get();
            let submission = state.submission.get();
            let saved = state.draft.with(|d| {
                if *d == Draft::default() {
                    state.store.with_value(DraftStore::clear);
                    true
                } else {
                    state
                        .store
                        .with_value(|s| s.save(d, &page, submission.as_ref()))
                }
            });
            if state.store.with_value(DraftStore::is_available) {
                state.status.set(if saved {
                    DraftStatus::Saved
                } else {
                    DraftStatus::NotKept
                });
            }
        });
        state
    }

    /// True once the reader has answered anything.
    pub fn has_answers(&self) -> bool {
        self.draft.with(|d| *d != Draft::default())
    }

    /// Forgets every answer, here and in storage.
    pub fn clear(&self) {
        self.store.with_value(DraftStore::clear);
        self.draft.set(Draft::default());
        self.errors.set(None);
        self.refusals_ahead.set(Vec::new());
        self.submission.set(None);
        self.page.set(String::new());
    }

    /// The request was accepted: keep its reference (empty when the backend gave none),
    /// forget the answers.
    pub fn accepted(&self, reference: Option<String>) {
        let reference = reference.unwrap_or_default();
        self.store
            .with_value(|s| s.set_confirmation(Some(&reference)));
        self.confirmation.set(Some(reference));
        self.clear();
    }
}

/// The reader's local date: a deployment date must come after it.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2000);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date {
        year,
        month: 1,
        day: 1,
    })
}

/// The first step whose answers are not all valid yet.
fn first_incomplete(draft: &Draft, today: Date) -> Option<Step> {
    Step::ALL
        .iter()
        .copied()
        .find(|s| !validate_step(*s, draft, today).is_empty())
}
