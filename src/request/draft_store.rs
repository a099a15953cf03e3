//! Keeps the wizard's answers in browser storage as the reader types, so a reload, a closed
//! tab or a language switch loses nothing. The stored form is versioned and expires.

use crate::host::DraftStorage;
use fasttrack_model::Draft;
use serde::{Deserialize, Serialize};

const KEY: &str = "fasttrack:request-draft";
const CONFIRMATION_KEY: &str = "fasttrack:request-confirmation";
/// Bumped when a release changes the draft in a way older drafts cannot be read as.
pub const DRAFT_VERSION: u32 = 1;
/// Drafts older than this are dropped: an abandoned request should not follow a reader forever.
pub const MAX_AGE_MS: f64 = 30.0 * 24.0 * 60.0 * 60.0 * 1000.0;

#[derive(Serialize, Deserialize)]
struct Envelope {
    version: u32,
    /// Milliseconds since the Unix epoch.
    saved_at: f64,
    /// The wizard page the reader was on (a step slug or `check`).
    page: String,
    draft: Draft,
    /// A submission under way or failed: its key is reused for retries of the same body.
    #[serde(default)]
    submission: Option<Pending>,
}

/// The idempotency key of a submission and the exact body it was sent with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub key: String,
    pub body: String,
}

/// What reading the stored draft gave.
#[derive(Debug, PartialEq)]
pub enum Restored {
    Nothing,
    Draft {
        draft: Box<Draft>,
        page: String,
        submission: Option<Pending>,
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
    serde_json::to_string(&Envelope {
        version: DRAFT_VERSION,
        saved_at: now_ms,
        page: page.to_owned(),
        draft: draft.clone(),
        submission: submission.cloned(),
    })
    .ok()
}

pub fn decode(text: Option<&str>, now_ms: f64) -> Restored {
    let Some(text) = text else {
        return Restored::Nothing;
    };
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    match serde_json::from_str::<Version>(text) {
        Ok(v) if v.version == DRAFT_VERSION => {}
        _ => return Restored::Unusable,
    }
    match serde_json::from_str::<Envelope>(text) {
        // A NaN age (a corrupt timestamp) counts as expired too.
        Ok(e) if (now_ms - e.saved_at).is_nan() || now_ms - e.saved_at >= MAX_AGE_MS => {
            Restored::Expired
        }
        Ok(e) => Restored::Draft {
            draft: Box::new(e.draft),
            page: e.page,
            submission: e.submission,
        },
        Err(_) => Restored::Unusable,
    }
}

/// A handle on the chosen storage; `None` inside when the browser refuses it (private mode,
/// disabled storage), which the wizard tells the reader.
#[derive(Clone)]
pub struct DraftStore(Option<web_sys::Storage>);

impl DraftStore {
    pub fn open(kind: DraftStorage) -> DraftStore {
        let window = web_sys::window();
        let storage = match kind {
            DraftStorage::Local => window.and_then(|w| w.local_storage().ok().flatten()),
            DraftStorage::Session => window.and_then(|w| w.session_storage().ok().flatten()),
            DraftStorage::None => None,
        };
        // Some browsers hand out a storage object that throws on every write.
        let usable = storage.filter(|s| {
            let probe = "fasttrack:probe";
            let ok = s.set_item(probe, "1").is_ok();
            let _ = s.remove_item(probe);
            ok
        });
        DraftStore(usable)
    }

    pub fn is_available(&self) -> bool {
        self.0.is_some()
    }

    pub fn load(&self) -> Restored {
        let text = self.0.as_ref().and_then(|s| s.get_item(KEY).ok().flatten());
        let restored = decode(text.as_deref(), js_sys::Date::now());
        if matches!(restored, Restored::Unusable | Restored::Expired) {
            self.clear();
        }
        restored
    }

    /// Saves; false when the write failed (storage full or revoked).
    pub fn save(&self, draft: &Draft, page: &str, submission: Option<&Pending>) -> bool {
        let now = js_sys::Date::now();
        let (Some(storage), Some(text)) = (&self.0, encode(draft, page, submission, now)) else {
            return false;
        };
        storage.set_item(KEY, &text).is_ok()
    }

    /// The reference of the last request sent from this browser, for a reloaded
    /// confirmation page.
    pub fn confirmation(&self) -> Option<String> {
        self.0.as_ref()?.get_item(CONFIRMATION_KEY).ok().flatten()
    }

    pub fn set_confirmation(&self, reference: Option<&str>) {
        if let Some(storage) = &self.0 {
            let _ = match reference {
                Some(r) => storage.set_item(CONFIRMATION_KEY, r),
                None => storage.remove_item(CONFIRMATION_KEY),
            };
        }
    }

    pub fn clear(&self) {
        if let Some(storage) = &self.0 {
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
