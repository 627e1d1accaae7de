//! The shared archive in the editor: which date ranges of which archive are loaded into the
//! workspace view, and when to try again after a failure. The loading itself runs in the
//! background (`server.rs`); the editor answers from the open documents and local files
//! meanwhile, and when the archive is down or slow.

use crate::archive::{self, Archive, Role};
use chrono::NaiveDate;
use std::time::{Duration, Instant};

/// How long to wait before asking an archive again after it failed.
pub const RETRY_AFTER: Duration = Duration::from_secs(30);

/// How long one load may take before the editor gives up on it (with a warning).
pub const LOAD_BUDGET: Duration = Duration::from_secs(10);

/// The archive of the workspace and what was loaded from it.
#[derive(Default)]
pub struct ArchiveState {
    /// The archive's URL and its pool (made on first use).
    pool: Option<(String, Archive)>,
    /// Date ranges loaded into the current workspace view.
    covered: Vec<(NaiveDate, NaiveDate)>,
    /// A load is running.
    in_flight: bool,
    /// After a failure: no new attempt before this instant.
    retry_at: Option<Instant>,
}

impl ArchiveState {
    /// Claims the load of `want` from `url`: Some(pool) when it is not loaded, not being
    /// loaded and the archive is not resting after a failure.
    pub fn claim(&mut self, url: &str, want: (NaiveDate, NaiveDate)) -> Option<Archive> {
        if self.pool.as_ref().is_some_and(|(u, _)| u != url) {
            // another archive configured: start over
            *self = ArchiveState::default();
        }
        if self.in_flight
            || self.retry_at.is_some_and(|t| Instant::now() < t)
            || self
                .covered
                .iter()
                .any(|(a, b)| *a <= want.0 && want.1 <= *b)
        {
            return None;
        }
        if self.pool.is_none() {
            let a = Archive::new(url, Role::Reader).ok()?;
            self.pool = Some((url.to_string(), a));
        }
        self.in_flight = true;
        self.pool.as_ref().map(|(_, a)| a.clone())
    }

    /// The load of `range` is in the view.
    pub fn loaded(&mut self, range: (NaiveDate, NaiveDate)) {
        self.in_flight = false;
        self.retry_at = None;
        self.covered.push(range);
    }

    /// The load failed: try again after [`RETRY_AFTER`].
    pub fn failed(&mut self) {
        self.in_flight = false;
        self.retry_at = Some(Instant::now() + RETRY_AFTER);
    }

    /// The workspace view was rebuilt without the archive's articles.
    pub fn forget(&mut self) {
        self.covered.clear();
    }
}

/// The archive URL of a configuration: the first `postgres://` entry of `sources`, else
/// `COPYDESK_DATABASE_URL`.
pub fn url_of(config: &crate::config::Config) -> Option<String> {
    config
        .sources
        .iter()
        .find(|s| archive::is_url(s))
        .cloned()
        .or_else(|| {
            std::env::var(archive::ENV_URL)
                .ok()
                .filter(|u| archive::is_url(u))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_range_is_loaded_once_and_a_failure_rests() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("rt");
        let _g = rt.enter();
        let url = "postgres://u@h/db";
        let mut s = ArchiveState::default();
        let want = (d("2022-01-01"), d("2022-02-01"));
        assert!(s.claim(url, want).is_some());
        assert!(s.claim(url, want).is_none(), "in flight");
        s.loaded(want);
        assert!(s.claim(url, (d("2022-01-05"), d("2022-01-20"))).is_none());
        assert!(s.claim(url, (d("2022-03-01"), d("2022-03-20"))).is_some());
        s.failed();
        assert!(s.claim(url, (d("2022-04-01"), d("2022-04-20"))).is_none());
        s.forget();
    }
}
