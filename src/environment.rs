//! Where the app is drawn: for a reader in their browser, or at build time by the prerender,
//! for no one yet (no storage, no clock of the reader's, no other tab, nothing to listen to).
//! `mount` provides [`Environment::browser`] and the prerender [`Environment::build_time`];
//! components and the wizard's state ask it for the storage and the clock, instead of asking
//! how they were compiled.

use fasttrack_model::Date;
use leptos::prelude::*;

/// Which of the browser's two storages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// `sessionStorage`: gone when the tab closes.
    Tab,
    /// `localStorage`: kept on the device.
    Device,
}

/// Provided once by whatever draws the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Environment {
    build_time: bool,
}

impl Environment {
    /// A reader's browser.
    pub fn browser() -> Self {
        Environment { build_time: false }
    }

    /// The build's prerender: pages drawn as for a reader with no answers whose storage works
    /// (the usual case); the app, taking the page over in the browser, draws what it finds.
    pub fn build_time() -> Self {
        Environment { build_time: true }
    }

    /// The one provided (a reader's browser where none is).
    pub fn current() -> Self {
        use_context().unwrap_or_else(Environment::browser)
    }

    /// True when the page is drawn at build time, for no reader yet.
    pub fn is_build_time(self) -> bool {
        self.build_time
    }

    /// The browser's storage of that kind; `None` at build time, or where the browser refuses
    /// it (private mode, disabled storage).
    pub fn storage(self, which: Storage) -> Option<web_sys::Storage> {
        if self.build_time {
            return None;
        }
        let window = crate::browser::window()?;
        match which {
            Storage::Tab => window.session_storage(),
            Storage::Device => window.local_storage(),
        }
        .ok()
        .flatten()
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(self) -> f64 {
        crate::browser::now_ms()
    }

    /// The reader's date (a deployment date must come after it).
    pub fn today(self) -> Date {
        self.date_at(self.now_ms())
    }

    /// The day of a time in ms since the Unix epoch: the reader's local day in the browser;
    /// the day in UTC at build time, when no reader's day is known (the first question, which
    /// is what is drawn then, does not depend on it).
    pub fn date_at(self, ms: f64) -> Date {
        match crate::browser::local_date(ms) {
            Some(date) if !self.build_time => date,
            _ => utc_date(ms),
        }
    }
}

/// The UTC day of a time in ms since the Unix epoch.
fn utc_date(ms: f64) -> Date {
    Date::from_days_since_epoch((ms / 86_400_000.0).floor() as i64)
}

// Natively there is neither a window nor a local day: which environment gives storage is
// checked in the browser (tests/web.rs).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_times_clock_names_the_utc_day() {
        let day = |y, m, d| Date::new(y, m, d).expect("a date");
        assert_eq!(utc_date(0.0), day(1970, 1, 1));
        // A leap day, the last moment of a year, and a day after the Unix epoch's 2^31 s.
        assert_eq!(utc_date(951_782_400_000.0), day(2000, 2, 29));
        assert_eq!(utc_date(1_798_761_599_999.0), day(2026, 12, 31));
        assert_eq!(utc_date(2_147_483_648_000.0), day(2038, 1, 19));
    }
}
