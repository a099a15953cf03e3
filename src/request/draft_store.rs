//! Keeps the wizard's answers in browser storage as the reader types, so a reload, a language
//! switch or a move within the app loses nothing. By default they are kept for the tab only;
//! the reader may choose to keep them on the device. The stored form is versioned and expires
//! 30 days after the reader's last change.

use crate::browser::PRERENDERING;
use crate::host::json::{self, Json};
use crate::host::DraftStorage;
use fasttrack_model::json::object;
use fasttrack_model::Draft;

pub const KEY: &str = "fasttrack:request-draft";
const CONFIRMATION_KEY: &str = "fasttrack:request-confirmation";
/// Bumped when a release changes the draft in a way older drafts cannot be read as.
pub const DRAFT_VERSION: u32 = 1;
/// Drafts older than this are dropped: an abandoned request should not follow a reader forever.
pub const MAX_AGE_MS: f64 = 30.0 * 24.0 * 60.0 * 60.0 * 1000.0;

// The stored form, a JSON object: `version`, `saved_at` (when the reader last changed an answer,
// in milliseconds since the Unix epoch: the draft expires from this, and opening the wizard
// again does not renew it), `page` (the wizard page the reader was on: a step slug or `check`),
// `draft`, and `submission` when one is under way or failed (absent or null otherwise).

/// The idempotency key of a submission and the exact body it was sent with: retries of the
/// same body reuse the key.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub key: String,
    pub body: String,
}

impl Pending {
    fn to_json(&self) -> Json {
        object([
            ("key", self.key.as_str().into()),
            ("body", self.body.as_str().into()),
        ])
    }

    fn from_json(json: &Json) -> Option<Pending> {
        Some(Pending {
            key: json.get("key")?.as_str()?.to_owned(),
            body: json.get("body")?.as_str()?.to_owned(),
        })
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
    let mut envelope = object([
        ("version", DRAFT_VERSION.into()),
        ("saved_at", Json::Number(now_ms)),
        ("page", page.into()),
        ("draft", draft.to_json()),
    ]);
    if let (Json::Object(entries), Some(submission)) = (&mut envelope, submission) {
        entries.push(("submission".to_owned(), submission.to_json()));
    }
    Some(json::to_text(&envelope))
}

pub fn decode(text: Option<&str>, now_ms: f64) -> Restored {
    let Some(text) = text else {
        return Restored::Nothing;
    };
    let Ok(envelope) = json::parse(text) else {
        return Restored::Unusable;
    };
    let version = envelope
        .get("version")
        .and_then(|v| v.as_whole(u64::from(u32::MAX)));
    if version != Some(u64::from(DRAFT_VERSION)) {
        return Restored::Unusable;
    }
    let read = || {
        let Some(Json::Number(saved_at)) = envelope.get("saved_at") else {
            return None;
        };
        let page = envelope.get("page")?.as_str()?.to_owned();
        let draft = Draft::from_json(envelope.get("draft")?)?;
        let submission = match envelope.get("submission") {
            None | Some(Json::Null) => None,
            Some(pending) => Some(Pending::from_json(pending)?),
        };
        Some((*saved_at, page, draft, submission))
    };
    match read() {
        // A NaN age (a corrupt timestamp) counts as expired too.
        Some((saved_at, ..)) if (now_ms - saved_at).is_nan() || now_ms - saved_at >= MAX_AGE_MS => {
            Restored::Expired
        }
        Some((saved_at, page, draft, submission)) => Restored::Draft {
            draft: Box::new(draft),
            page,
            submission,
            changed_at: saved_at,
        },
        None => Restored::Unusable,
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
    pub fn open(policy: DraftStorage) -> DraftStore {
        let window = crate::browser::window();
        let tab = matches!(policy, DraftStorage::Session | DraftStorage::Ask)
            .then(|| {
                window
                    .as_ref()
                    .and_then(|w| w.session_storage().ok().flatten())
            })
            .flatten();
        let device = matches!(policy, DraftStorage::Local | DraftStorage::Ask)
            .then(|| {
                window
                    .as_ref()
                    .and_then(|w| w.local_storage().ok().flatten())
            })
            .flatten();
        DraftStore {
            policy,
            tab: usable(tab),
            device: usable(device),
        }
    }

    /// True when the reader may choose to keep answers on this device (the policy is `ask`
    /// and the device's storage works).
    pub fn can_remember(&self) -> bool {
        self.policy == DraftStorage::Ask && (self.device.is_some() || PRERENDERING)
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
        // The build-time prerender has no storage: it draws pages as if it worked.
        self.kept_in(remembered).is_some() || (PRERENDERING && self.policy != DraftStorage::None)
    }

    /// Reads the kept draft, and whether it was kept on the device. An expired or unreadable
    /// draft is removed, not returned.
    pub fn load(&self) -> (Restored, bool) {
        let read = |storage: Option<&web_sys::Storage>| {
            let text = storage.and_then(|s| s.get_item(KEY).ok().flatten());
            decode(text.as_deref(), crate::browser::now_ms())
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

    pub fn confirmation(&self) -> Option<String> {
        self.confirmation_storage()?
            .get_item(CONFIRMATION_KEY)
            .ok()
            .flatten()
    }

    pub fn set_confirmation(&self, reference: Option<&str>) {
        if let Some(storage) = self.confirmation_storage() {
            let _ = match reference {
                Some(r) => storage.set_item(CONFIRMATION_KEY, r),
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
}
