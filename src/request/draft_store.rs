//! Keeps the wizard's answers in browser storage as the reader types, so a reload, a language
//! switch or a move within the app loses nothing. By default they are kept for the tab only;
//! the reader may choose to keep them on the device. The stored form is versioned and expires
//! 30 days after the reader's last change.

use crate::environment::{Environment, Storage};
use crate::host::DraftStorage;
use fasttrack_model::Draft;
use serde::{Deserialize, Serialize};

pub const KEY: &str = "fasttrack:request-draft";
const CONFIRMATION_KEY: &str = "fasttrack:request-confirmation";
/// What every key the wizard stores begins with (`boot.js` looks for it: a page where something
/// is kept loads the app, which sweeps it).
pub const KEY_PREFIX: &str = "fasttrack:request-";
/// Bumped when a release changes the draft in a way older drafts cannot be read as.
pub const DRAFT_VERSION: u32 = 1;
/// Drafts older than this are dropped: an abandoned request should not follow a reader forever.
pub const MAX_AGE_MS: f64 = 30.0 * 24.0 * 60.0 * 60.0 * 1000.0;

/// The contract's idempotency-key window in milliseconds: a key is never sent again after it.
pub const KEY_WINDOW_MS: f64 = fasttrack_model::limits::IDEMPOTENCY_KEY_HOURS as f64 * 3_600_000.0;

/// The stored form of the answers.
#[derive(Serialize, Deserialize)]
struct Stored {
    /// [`DRAFT_VERSION`].
    version: u32,
    /// When the reader last changed an answer, in whole milliseconds since the Unix epoch: the
    /// draft expires from this, and opening the wizard again does not renew it.
    saved_at: u64,
    /// The wizard page the reader was on: a step slug or `check`.
    page: String,
    draft: Draft,
    /// A submission under way or failed.
    #[serde(default)]
    submission: Option<StoredPending>,
}

#[derive(Serialize, Deserialize)]
struct StoredPending {
    key: String,
    body: String,
    /// When the key was first sent (ms since the Unix epoch); absent in what an earlier
    /// release stored.
    #[serde(default)]
    since: Option<u64>,
}

/// The last reference sent, kept for a reloaded confirmation page; it expires as a draft does.
#[derive(Serialize, Deserialize)]
struct StoredReference {
    reference: String,
    saved_at: u64,
}

/// The idempotency key of a submission, the exact body it was sent with, and when the key was
/// first sent: retries of the same body reuse the key, within the contract's key window.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub key: String,
    pub body: String,
    /// When the key was first sent (ms since the Unix epoch).
    pub since_ms: f64,
}

impl Pending {
    fn stored(&self) -> StoredPending {
        StoredPending {
            key: self.key.clone(),
            body: self.body.clone(),
            since: Some(self.since_ms as u64),
        }
    }

    /// `saved_at`: the draft's own time, for a submission stored without its own (an earlier
    /// release's): no later than the key's first use, so such a key is never kept too long.
    fn restored(stored: StoredPending, saved_at: u64) -> Pending {
        Pending {
            key: stored.key,
            body: stored.body,
            since_ms: stored.since.unwrap_or(saved_at) as f64,
        }
    }

    /// True once the key is older than the contract's window: the backend may have forgotten
    /// it, so sending it again could store the request twice.
    pub fn is_stale(&self, now_ms: f64) -> bool {
        older_than(self.since_ms, now_ms, KEY_WINDOW_MS)
    }
}

/// What reading the stored draft gave.
#[derive(Debug, PartialEq)]
pub enum Restored {
    Nothing,
    Draft {
        draft: Box<Draft>,
        page: String,
        submission: Option<Pending>,
        /// When the reader last changed an answer.
        changed_at: f64,
    },
    /// Something was stored that this release cannot use; the reader is told.
    Unusable,
    /// Older than [`MAX_AGE_MS`]: dropped silently.
    Expired,
}

pub fn encode(
    draft: &Draft,
    page: &str,
    submission: Option<&Pending>,
    now_ms: f64,
) -> Option<String> {
    crate::json::to_text(&Stored {
        version: DRAFT_VERSION,
        saved_at: now_ms as u64,
        page: page.to_owned(),
        draft: draft.clone(),
        submission: submission.map(Pending::stored),
    })
}

pub fn decode(text: Option<&str>, now_ms: f64) -> Restored {
    let Some(text) = text else {
        return Restored::Nothing;
    };
    let Ok(stored) = crate::json::from_text::<Stored>(text) else {
        return Restored::Unusable;
    };
    if stored.version != DRAFT_VERSION {
        return Restored::Unusable;
    }
    let saved_at = stored.saved_at as f64;
    if older_than(saved_at, now_ms, MAX_AGE_MS) {
        return Restored::Expired;
    }
    Restored::Draft {
        draft: Box::new(stored.draft),
        page: stored.page,
        submission: stored
            .submission
            .map(|pending| Pending::restored(pending, stored.saved_at)),
        changed_at: saved_at,
    }
}

/// Where the wizard's answers are kept: the tab's storage (gone when the tab closes), the
/// device's (until the draft expires), as the deployment's policy and the reader's choice say.
/// A storage the browser refuses (private mode, disabled storage) is `None`, which the wizard
/// tells the reader.
#[derive(Clone)]
pub struct DraftStore {
    policy: DraftStorage,
    tab: Option<web_sys::Storage>,
    device: Option<web_sys::Storage>,
    env: Environment,
}

/// A storage that takes writes: some browsers hand out one that throws on every write.
fn usable(storage: Option<web_sys::Storage>) -> Option<web_sys::Storage> {
    storage.filter(|s| {
        let probe = "fasttrack:probe";
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    })
}

impl DraftStore {
    pub fn open(policy: DraftStorage, env: Environment) -> DraftStore {
        let tab = matches!(policy, DraftStorage::Session | DraftStorage::Ask)
            .then(|| env.storage(Storage::Tab))
            .flatten();
        let device = matches!(policy, DraftStorage::Local | DraftStorage::Ask)
            .then(|| env.storage(Storage::Device))
            .flatten();
        DraftStore {
            policy,
            tab: usable(tab),
            device: usable(device),
            env,
        }
    }

    /// True when the reader may choose to keep answers on this device (the policy is `ask`
    /// and the device's storage works).
    pub fn can_remember(&self) -> bool {
        self.policy == DraftStorage::Ask && (self.device.is_some() || self.env.is_build_time())
    }

    /// Where answers go: the device's storage when the policy says so or the reader chose it,
    /// else the tab's.
    fn kept_in(&self, remembered: bool) -> Option<&web_sys::Storage> {
        match self.policy {
            DraftStorage::Local => self.device.as_ref(),
            DraftStorage::Session => self.tab.as_ref(),
            DraftStorage::None => None,
            DraftStorage::Ask if remembered => self.device.as_ref(),
            DraftStorage::Ask => self.tab.as_ref(),
        }
    }

    pub fn is_available(&self, remembered: bool) -> bool {
        // Drawn at build time there is no storage: pages are drawn as if it worked.
        self.kept_in(remembered).is_some()
            || (self.env.is_build_time() && self.policy != DraftStorage::None)
    }

    /// Reads the kept draft, and whether it was kept on the device. An expired or unreadable
    /// draft is removed, not returned.
    pub fn load(&self) -> (Restored, bool) {
        let read = |storage: Option<&web_sys::Storage>| {
            let text = storage.and_then(|s| s.get_item(KEY).ok().flatten());
            decode(text.as_deref(), self.env.now_ms())
        };
        let (restored, remembered) = match self.policy {
            DraftStorage::Local => (read(self.device.as_ref()), true),
            DraftStorage::Ask => match read(self.tab.as_ref()) {
                Restored::Nothing => (read(self.device.as_ref()), true),
                in_tab => (in_tab, false),
            },
            DraftStorage::Session | DraftStorage::None => (read(self.tab.as_ref()), false),
        };
        if matches!(restored, Restored::Unusable | Restored::Expired) {
            self.clear();
        }
        let remembered = remembered && matches!(restored, Restored::Draft { .. });
        (restored, remembered)
    }

    /// Saves where `remembered` says (and nowhere else); `changed_at` is when the reader last
    /// changed an answer, which is what the draft expires from. False when the write failed.
    pub fn save(
        &self,
        draft: &Draft,
        page: &str,
        submission: Option<&Pending>,
        changed_at: f64,
        remembered: bool,
    ) -> bool {
        let (Some(storage), Some(text)) = (
            self.kept_in(remembered),
            encode(draft, page, submission, changed_at),
        ) else {
            return false;
        };
        if let Some(other) = self.kept_in(!remembered).filter(|o| *o != storage) {
            let _ = other.remove_item(KEY);
        }
        storage.set_item(KEY, &text).is_ok()
    }

    /// Where the reference of the last request sent is kept, for a reloaded confirmation
    /// page: the tab's storage, or the device's where the deployment keeps answers there only.
    fn confirmation_storage(&self) -> Option<&web_sys::Storage> {
        self.tab.as_ref().or(self.device.as_ref())
    }

    /// The last reference sent (empty when the backend gave none), unless it has expired.
    pub fn confirmation(&self) -> Option<String> {
        let text = self
            .confirmation_storage()?
            .get_item(CONFIRMATION_KEY)
            .ok()
            .flatten()?;
        decode_confirmation(&text, self.env.now_ms())
    }

    pub fn set_confirmation(&self, reference: Option<&str>) {
        if let Some(storage) = self.confirmation_storage() {
            let _ = match reference {
                Some(r) => {
                    storage.set_item(CONFIRMATION_KEY, &encode_confirmation(r, self.env.now_ms()))
                }
                None => storage.remove_item(CONFIRMATION_KEY),
            };
        }
    }

    /// Removes the answers from every storage the wizard uses.
    pub fn clear(&self) {
        for storage in [&self.tab, &self.device].into_iter().flatten() {
            let _ = storage.remove_item(KEY);
        }
    }
}

fn encode_confirmation(reference: &str, now_ms: f64) -> String {
    crate::json::to_text(&StoredReference {
        reference: reference.to_owned(),
        saved_at: now_ms as u64,
    })
    .unwrap_or_default()
}

/// A kept reference younger than [`MAX_AGE_MS`]; `None` for an expired or unreadable one.
fn decode_confirmation(text: &str, now_ms: f64) -> Option<String> {
    let stored: StoredReference = crate::json::from_text(text).ok()?;
    (!older_than(stored.saved_at as f64, now_ms, MAX_AGE_MS)).then_some(stored.reference)
}

/// True when what was kept at `since_ms` is `max_age_ms` old or more at `now_ms`. A clock set
/// back counts as no time passed; a corrupt time (a NaN age), as too old.
pub fn older_than(since_ms: f64, now_ms: f64, max_age_ms: f64) -> bool {
    let age = now_ms - since_ms;
    age.is_nan() || age >= max_age_ms
}

/// Which of the two storages today's policy keeps the answers and the last reference in, as
/// [`DraftStore`] uses them: `(answers, reference)`.
fn kept_by(policy: DraftStorage, device: bool) -> (bool, bool) {
    match (policy, device) {
        (DraftStorage::Ask, true) => (true, false),
        (DraftStorage::Ask | DraftStorage::Session, false) => (true, true),
        (DraftStorage::Local, true) => (true, true),
        (DraftStorage::Local, false) | (DraftStorage::Session, true) => (false, false),
        (DraftStorage::None, _) => (false, false),
    }
}

/// What the sweep does with one stored entry.
#[derive(Debug, PartialEq)]
enum Swept {
    Kept,
    Removed,
}

/// The sweep's verdict on the text stored under `key` in one storage: removed when today's
/// policy does not keep that entry there (an earlier policy, or a choice the deployment no
/// longer offers, put it there), or when it has expired. An unreadable draft where the policy
/// keeps drafts stays, for the wizard to remove and tell the reader about.
fn sweep_verdict(key: &str, text: &str, policy: DraftStorage, device: bool, now_ms: f64) -> Swept {
    let (answers_here, reference_here) = kept_by(policy, device);
    let keep = match key {
        KEY => answers_here && !matches!(decode(Some(text), now_ms), Restored::Expired),
        CONFIRMATION_KEY => reference_here && decode_confirmation(text, now_ms).is_some(),
        // Another release's entry under the wizard's prefix: nothing reads it any more.
        _ => false,
    };
    if keep {
        Swept::Kept
    } else {
        Swept::Removed
    }
}

/// Removes from both of the browser's storages what earlier visits kept that today's policy
/// does not keep, or that has expired: the answers, the last reference sent, and whatever
/// another release kept under the wizard's prefix. Run at every start, on every page, whatever
/// the policy.
pub fn sweep(policy: DraftStorage, env: Environment) {
    let now = env.now_ms();
    let storages = [
        (env.storage(Storage::Device), true),
        (env.storage(Storage::Tab), false),
    ];
    for (storage, device) in storages {
        let Some(storage) = storage else { continue };
        let count = storage.length().unwrap_or(0);
        let ours: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(KEY_PREFIX))
            .collect();
        for key in ours {
            let Some(text) = storage.get_item(&key).ok().flatten() else {
                continue;
            };
            if sweep_verdict(&key, &text, policy, device, now) == Swept::Removed {
                let _ = storage.remove_item(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_800_000_000_000.0;

    fn sample() -> Draft {
        Draft {
            project_name: "Contoso".into(),
            licences: "12".into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_saved_draft_comes_back_with_its_page() {
        let pending = Pending {
            key: "k-1".into(),
            body: "{}".into(),
            since_ms: NOW - 5.0,
        };
        let text = encode(&sample(), "organisation", Some(&pending), NOW).unwrap();
        assert_eq!(
            decode(Some(&text), NOW + 1000.0),
            Restored::Draft {
                draft: Box::new(sample()),
                page: "organisation".into(),
                submission: Some(pending),
                changed_at: NOW,
            }
        );
    }

    #[test]
    fn drafts_expire_after_30_days() {
        let text = encode(&sample(), "about", None, NOW).unwrap();
        assert!(matches!(
            decode(Some(&text), NOW + MAX_AGE_MS - 1.0),
            Restored::Draft { .. }
        ));
        assert_eq!(decode(Some(&text), NOW + MAX_AGE_MS), Restored::Expired);
    }

    #[test]
    fn other_versions_and_garbage_are_unusable_not_a_crash() {
        let other = encode(&sample(), "about", None, NOW)
            .unwrap()
            .replace("\"version\":1", "\"version\":99");
        assert_eq!(decode(Some(&other), NOW), Restored::Unusable);
        for junk in [
            "",
            "null",
            "{}",
            "[1,2]",
            "{\"version\":1}",
            "{\"version\":1,\"saved_at\":\"x\"}",
        ] {
            assert_eq!(decode(Some(junk), NOW), Restored::Unusable, "{junk}");
        }
        assert_eq!(decode(None, NOW), Restored::Nothing);
    }

    #[test]
    fn drafts_the_previous_release_stored_with_serde_are_read() {
        // Written by serde_json: every member, `submission` null.
        let text = format!(
            "{{\"version\":1,\"saved_at\":{NOW},\"page\":\"check\",\"draft\":{},\"submission\":null}}",
            serde_json::to_string(&sample()).unwrap()
        );
        assert_eq!(
            decode(Some(&text), NOW),
            Restored::Draft {
                draft: Box::new(sample()),
                page: "check".into(),
                submission: None,
                changed_at: NOW,
            }
        );
    }

    #[test]
    fn unknown_draft_fields_from_a_newer_release_are_ignored() {
        let text = format!(
            "{{\"version\":1,\"saved_at\":{NOW},\"page\":\"about\",\"draft\":{{\"project_name\":\"X\",\"new_field\":3}}}}"
        );
        let Restored::Draft { draft, .. } = decode(Some(&text), NOW) else {
            panic!("not restored")
        };
        assert_eq!(draft.project_name, "X");
    }

    #[test]
    fn a_key_is_not_sent_again_once_older_than_the_contracts_window() {
        let pending = |since_ms| Pending {
            key: "k".into(),
            body: "{}".into(),
            since_ms,
        };
        assert_eq!(KEY_WINDOW_MS, 24.0 * 3_600_000.0);
        assert!(!pending(NOW).is_stale(NOW));
        assert!(!pending(NOW).is_stale(NOW + KEY_WINDOW_MS - 1.0));
        assert!(pending(NOW).is_stale(NOW + KEY_WINDOW_MS));
        // A clock set back: no time has passed. A corrupt time: too old.
        assert!(!pending(NOW).is_stale(NOW - 10_000.0));
        assert!(pending(f64::NAN).is_stale(NOW));
        // Kept across a reload with its time; one stored by an earlier release, without a time,
        // is as old as the draft it was kept with.
        let text = encode(&sample(), "check", Some(&pending(NOW - 7.0)), NOW - 9.0).unwrap();
        let Restored::Draft { submission, .. } = decode(Some(&text), NOW) else {
            panic!("not restored")
        };
        assert_eq!(submission, Some(pending(NOW - 7.0)));
        let old = format!(
            "{{\"version\":1,\"saved_at\":{},\"page\":\"check\",\"draft\":{{}},\"submission\":{{\"key\":\"k\",\"body\":\"{{}}\"}}}}",
            NOW - KEY_WINDOW_MS
        );
        let Restored::Draft { submission, .. } = decode(Some(&old), NOW) else {
            panic!("not restored")
        };
        assert!(submission.expect("kept").is_stale(NOW));
    }

    #[test]
    fn a_kept_reference_expires_as_answers_do() {
        let text = encode_confirmation("FT-2026-7KM3-Q9XD", NOW);
        assert_eq!(
            decode_confirmation(&text, NOW + MAX_AGE_MS - 1.0).as_deref(),
            Some("FT-2026-7KM3-Q9XD")
        );
        assert_eq!(decode_confirmation(&text, NOW + MAX_AGE_MS), None);
        // An earlier release kept the bare reference, with no time: not kept any longer.
        assert_eq!(decode_confirmation("FT-2026-000123", NOW), None);
    }

    /// Whatever today's policy, what an earlier one kept where today's does not keep anything is
    /// removed, and so is what has expired; what today's policy keeps and is current stays.
    #[test]
    fn the_sweep_removes_what_todays_policy_does_not_keep_and_what_expired() {
        use DraftStorage::{Ask, Local, None as Nowhere, Session};
        let live = encode(&sample(), "about", None, NOW).unwrap();
        let expired = encode(&sample(), "about", None, NOW - MAX_AGE_MS).unwrap();
        let reference = encode_confirmation("FT-1", NOW);
        let verdict =
            |key, text: &str, policy, device| sweep_verdict(key, text, policy, device, NOW);
        // Answers on the device: kept by `ask` (the reader's choice) and `local` only.
        for (policy, kept) in [
            (Ask, true),
            (Local, true),
            (Session, false),
            (Nowhere, false),
        ] {
            let expected = if kept { Swept::Kept } else { Swept::Removed };
            assert_eq!(verdict(KEY, &live, policy, true), expected, "{policy:?}");
            assert_eq!(
                verdict(KEY, &expired, policy, true),
                Swept::Removed,
                "{policy:?}"
            );
        }
        // Answers in the tab: kept by `ask` and `session`.
        for (policy, kept) in [
            (Ask, true),
            (Session, true),
            (Local, false),
            (Nowhere, false),
        ] {
            let expected = if kept { Swept::Kept } else { Swept::Removed };
            assert_eq!(verdict(KEY, &live, policy, false), expected, "{policy:?}");
        }
        // The last reference: on the device only under `local`, in the tab under `ask` and
        // `session`.
        assert_eq!(
            verdict(CONFIRMATION_KEY, &reference, Local, true),
            Swept::Kept
        );
        for policy in [Ask, Session, Nowhere] {
            assert_eq!(
                verdict(CONFIRMATION_KEY, &reference, policy, true),
                Swept::Removed
            );
        }
        assert_eq!(
            verdict(CONFIRMATION_KEY, &reference, Session, false),
            Swept::Kept
        );
        assert_eq!(
            verdict(CONFIRMATION_KEY, &reference, Nowhere, false),
            Swept::Removed
        );
        let old_reference = encode_confirmation("FT-1", NOW - MAX_AGE_MS);
        assert_eq!(
            verdict(CONFIRMATION_KEY, &old_reference, Local, true),
            Swept::Removed
        );
        // An unreadable draft where drafts are kept is left for the wizard, which tells the
        // reader; elsewhere it goes like anything else.
        assert_eq!(verdict(KEY, "{not json", Ask, true), Swept::Kept);
        assert_eq!(verdict(KEY, "{not json", Session, true), Swept::Removed);
        // Another release's entry under the wizard's prefix is read by nothing: it goes.
        assert!(KEY.starts_with(KEY_PREFIX) && CONFIRMATION_KEY.starts_with(KEY_PREFIX));
        let other = format!("{KEY_PREFIX}draft-v0");
        assert_eq!(verdict(&other, &live, Ask, true), Swept::Removed);
    }
}
