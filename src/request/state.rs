//! The wizard's state for one mounted app: the answers (saved as they change), the errors a
//! step page shows, and whether drafts can be kept.

use crate::environment::Environment;
use crate::host::DraftStorage;
use crate::request::draft_store::{
    decode, older_than, DraftStore, Pending, Restored, KEY, MAX_AGE_MS,
};
use fasttrack_model::{validate_step, Date, Draft, Refusal, Step};
use leptos::prelude::*;

/// What another tab did to the answers this tab keeps on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// Changed them: this tab now shows that tab's answers.
    Changed,
    /// Sent or deleted them: this tab has none left, and writes nothing back.
    Removed,
}

/// Whether the reader's answers are being kept, for the notice under the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftStatus {
    Saved,
    /// Storage is unavailable or a write failed: answers live only in this page.
    NotKept,
}

/// What was sent, for the requester's record.
#[derive(Clone, Debug, PartialEq)]
pub struct SentRecord {
    pub draft: Draft,
    /// When the service accepted it (ms since the Unix epoch).
    pub sent_at_ms: f64,
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
    /// A submission's key outlived the contract's window and was dropped, not sent again: the
    /// review says so, until the next send.
    pub stale_send: RwSignal<bool>,
    /// The request just sent, for the confirmation page: its reference, or an empty one
    /// when the backend accepted it without giving one.
    pub confirmation: RwSignal<Option<String>>,
    /// The answers just sent and when, for the record on the confirmation page. Held in this
    /// page's memory only (never stored): a reload forgets them, the next request sent
    /// replaces them.
    pub sent: RwSignal<Option<SentRecord>>,
    /// The first question whose answers are not all valid yet (`None`: ready for review).
    pub first_incomplete: Memo<Option<Step>>,
    /// The reader chose to keep the answers on this device (else: for this tab only).
    pub remembered: RwSignal<bool>,
    /// Another tab changed or removed the answers kept on this device: said once.
    pub other_tab: RwSignal<Option<OtherTab>>,
    /// When the reader last changed an answer (ms since the Unix epoch): answers expire
    /// [`MAX_AGE_MS`] after it, and only the reader's own changes renew it.
    pub changed_at: RwSignal<f64>,
    /// Where the wizard is drawn: its storage and clock.
    pub env: Environment,
    store: StoredValue<DraftStore, LocalStorage>,
}

impl WizardState {
    pub fn new(storage: DraftStorage, env: Environment) -> WizardState {
        let store = DraftStore::open(storage, env);
        let (restored, remembered) = store.load();
        let now = env.now_ms();
        let (draft, page, submission, changed_at, discarded) = match restored {
            Restored::Draft {
                draft,
                page,
                submission,
                changed_at,
            } => (*draft, page, submission, changed_at, false),
            Restored::Unusable => (Draft::default(), String::new(), None, now, true),
            Restored::Nothing | Restored::Expired => {
                (Draft::default(), String::new(), None, now, false)
            }
        };
        let status = if store.is_available(remembered) {
            DraftStatus::Saved
        } else {
            DraftStatus::NotKept
        };
        let draft = RwSignal::new(draft);
        let state = WizardState {
            draft,
            first_incomplete: Memo::new(move |_| draft.with(|d| first_incomplete(d, env.today()))),
            errors: RwSignal::new(None),
            refusals_ahead: RwSignal::new(Vec::new()),
            page: RwSignal::new(page),
            status: RwSignal::new(status),
            discarded: RwSignal::new(discarded),
            submission: RwSignal::new(submission),
            stale_send: RwSignal::new(false),
            confirmation: RwSignal::new(store.confirmation()),
            sent: RwSignal::new(None),
            remembered: RwSignal::new(remembered),
            other_tab: RwSignal::new(None),
            changed_at: RwSignal::new(changed_at),
            env,
            store: StoredValue::new_local(store),
        };
        state.drop_stale_send();
        state.follow_other_tabs();
        // A change of an answer is the reader's: it renews the draft's time.
        Effect::new(move |previous: Option<()>| {
            state.draft.track();
            if previous.is_some() {
                state.changed_at.set(env.now_ms());
            }
        });
        // Save on every change, but not what was just loaded: opening the wizard renews
        // nothing. An empty draft is not kept: there is nothing to come back to.
        Effect::new(move |previous: Option<()>| {
            state.page.track();
            state.submission.track();
            state.changed_at.track();
            state.remembered.track();
            state.draft.track();
            if previous.is_none() {
                return;
            }
            let saved = state.save_untracked();
            let remembered = state.remembered.get_untracked();
            if state.store.with_value(|s| s.is_available(remembered)) {
                state.status.set(if saved {
                    DraftStatus::Saved
                } else {
                    DraftStatus::NotKept
                });
            }
        });
        state
    }

    /// Answers kept on the device are shared by the reader's tabs: when another tab changes
    /// them, this one shows them (and says so); when another sends or deletes them, this one
    /// forgets them rather than write them back.
    fn follow_other_tabs(self) {
        // Drawn at build time there are no tabs, nor a window to listen to.
        if self.env.is_build_time() {
            return;
        }
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            // No key: another tab cleared the whole storage (`localStorage.clear()`), the
            // answers with it.
            let removed_all = event.key().is_none();
            if !(removed_all || event.key().as_deref() == Some(KEY))
                || !self.remembered.get_untracked()
            {
                return;
            }
            let now_kept = if removed_all { None } else { event.new_value() };
            match decode(now_kept.as_deref(), self.env.now_ms()) {
                Restored::Draft {
                    draft,
                    page,
                    submission,
                    changed_at,
                } => {
                    if self.draft.with_untracked(|d| *d != *draft) {
                        self.draft.set(*draft);
                        self.page.set(page);
                        self.submission.set(submission);
                        self.changed_at.set(changed_at);
                        self.other_tab.set(Some(OtherTab::Changed));
                    }
                }
                Restored::Nothing | Restored::Expired | Restored::Unusable => {
                    if self.has_answers_untracked() {
                        self.clear();
                        self.other_tab.set(Some(OtherTab::Removed));
                    }
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Drops a submission whose key is older than the contract's window, so that it is never
    /// sent again (the backend may have forgotten the key: the request could be stored twice);
    /// the review tells the reader. True when one was dropped.
    pub fn drop_stale_send(&self) -> bool {
        let now = self.env.now_ms();
        let stale = self
            .submission
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.is_stale(now)));
        if stale {
            self.submission.set(None);
            self.stale_send.set(true);
            // Kept without it at once (the saving effect may not have started yet).
            self.save_untracked();
        }
        stale
    }

    /// Writes the answers as they are now to their storage (an empty draft is removed: there
    /// is nothing to come back to); false when they could not be kept.
    fn save_untracked(&self) -> bool {
        let page = self.page.get_untracked();
        let submission = self.submission.get_untracked();
        let (changed_at, remembered) = (
            self.changed_at.get_untracked(),
            self.remembered.get_untracked(),
        );
        self.draft.with_untracked(|d| {
            if *d == Draft::default() {
                self.store.with_value(DraftStore::clear);
                true
            } else {
                self.store
                    .with_value(|s| s.save(d, &page, submission.as_ref(), changed_at, remembered))
            }
        })
    }

    /// True when the reader may choose to keep answers on this device.
    pub fn can_remember(&self) -> bool {
        self.store.with_value(DraftStore::can_remember)
    }

    /// When the answers will be forgotten, in ms since the Unix epoch.
    pub fn expires_at(&self) -> f64 {
        self.changed_at.get() + MAX_AGE_MS
    }

    /// Forgets the answers if their time has run out (a tab left open for weeks): checked
    /// whenever a wizard page reads them, not only at start.
    pub fn forget_if_expired(&self) {
        let expired = older_than(
            self.changed_at.get_untracked(),
            self.env.now_ms(),
            MAX_AGE_MS,
        );
        if expired && self.has_answers_untracked() {
            self.clear();
        }
    }

    fn has_answers_untracked(&self) -> bool {
        self.draft.with_untracked(|d| *d != Draft::default())
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
        self.sent.set(Some(SentRecord {
            draft: self.draft.get_untracked(),
            sent_at_ms: self.env.now_ms(),
        }));
        self.store
            .with_value(|s| s.set_confirmation(Some(&reference)));
        self.confirmation.set(Some(reference));
        self.clear();
    }
}

/// The first step whose answers are not all valid yet.
fn first_incomplete(draft: &Draft, today: Date) -> Option<Step> {
    Step::ALL
        .iter()
        .copied()
        .find(|s| !validate_step(*s, draft, today).is_empty())
}
