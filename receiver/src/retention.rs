//! How long idempotency records are kept: the contract's key window (24 h), within which a
//! client may send a key again (the app does, after a failed attempt, until the window ends),
//! and not much longer, so that the receiver does not keep a trail of every key for ever.

use crate::clock;
use crate::store::Store;
use std::time::Duration;

/// An idempotency record's life unless `--keep-keys-hours` says otherwise: the contract's key
/// window, after which the app never sends a key again.
pub const DEFAULT_KEEP_KEYS: Duration =
    Duration::from_secs(fasttrack_model::limits::IDEMPOTENCY_KEY_HOURS as u64 * 3_600);

/// The warning for a retention shorter than the contract's key window, if it is.
pub fn shorter_than_the_contract(keep: Duration) -> Option<String> {
    (keep < DEFAULT_KEEP_KEYS).then(|| {
        format!(
            "--keep-keys-hours {} is shorter than the contract's idempotency-key window ({} h): \
             a client retrying within the window after the key is purged would be stored twice",
            keep.as_secs_f64() / 3_600.0,
            fasttrack_model::limits::IDEMPOTENCY_KEY_HOURS
        )
    })
}
/// The longest a record outlives its window.
const LONGEST_PURGE_INTERVAL: Duration = Duration::from_secs(600);

/// The `created_at` before which a record is older than `keep`, at `now` (seconds since 1970).
pub fn cutoff(now: u64, keep: Duration) -> String {
    clock::timestamp_at(now.saturating_sub(keep.as_secs()))
}

/// How often to purge: a quarter of the window, between 1 s and 10 minutes.
pub fn purge_interval(keep: Duration) -> Duration {
    (keep / 4).clamp(Duration::from_secs(1), LONGEST_PURGE_INTERVAL)
}

/// Purges now, then at every interval, for as long as the server runs. A failure (a locked
/// database) is reported and tried again at the next interval.
pub async fn purge_keys_periodically(store: Store, keep: Duration) {
    let mut interval = tokio::time::interval(purge_interval(keep));
    loop {
        interval.tick().await;
        let store = store.clone();
        let purged = tokio::task::spawn_blocking(move || {
            store.purge_keys(&cutoff(clock::seconds_now(), keep))
        })
        .await;
        match purged {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => {
                eprintln!("receiver: purged {n} idempotency record(s) older than the window")
            }
            Ok(Err(e)) => eprintln!("receiver: purging idempotency records failed: {e}"),
            Err(e) => eprintln!("receiver: the purge task failed: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_the_window_before_now() {
        let day = Duration::from_secs(86_400);
        assert_eq!(cutoff(1_795_341_845, day), "2026-11-21T10:04:05Z");
        assert_eq!(cutoff(10, day), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn purges_come_often_enough_and_never_in_a_busy_loop() {
        assert_eq!(purge_interval(DEFAULT_KEEP_KEYS), Duration::from_secs(600));
        assert_eq!(
            purge_interval(Duration::from_secs(8)),
            Duration::from_secs(2)
        );
        assert_eq!(
            purge_interval(Duration::from_millis(100)),
            Duration::from_secs(1)
        );
    }
}
