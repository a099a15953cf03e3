//! Calendar dates from the system clock (UTC), so the receiver needs no date crate.

use fasttrack_model::Date;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn days_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64)
}

/// The date the receiver validates deployment dates against: yesterday in UTC, because a
/// reader ahead of UTC may rightly ask for what is "tomorrow" where they are.
pub fn validation_today() -> Date {
    Date::from_days_since_epoch(days_now() - 1)
}

/// Seconds since 1970-01-01T00:00:00Z.
pub fn seconds_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `2026-11-22T10:04:05Z`.
pub fn timestamp_now() -> String {
    timestamp_at(seconds_now())
}

/// The timestamp of a moment given in seconds since 1970: `2026-11-22T10:04:05Z`.
pub fn timestamp_at(secs: u64) -> String {
    let date = Date::from_days_since_epoch((secs / 86_400) as i64);
    let rest = secs % 86_400;
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::timestamp_at;
    use fasttrack_model::Date;

    #[test]
    fn known_days_map_to_their_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_779).to_string(),
            "2026-11-22"
        );
        assert_eq!(Date::from_days_since_epoch(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn timestamps_sort_as_the_moments_they_name() {
        assert_eq!(timestamp_at(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp_at(1_795_341_845), "2026-11-22T10:04:05Z");
        let moments = [59, 60, 3_599, 3_600, 86_399, 86_400, 1_795_341_845];
        for pair in moments.windows(2) {
            assert!(timestamp_at(pair[0]) < timestamp_at(pair[1]), "{pair:?}");
        }
    }
}
