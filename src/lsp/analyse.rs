//! Running the core on one version of a document, off the request loop, with panics caught.

use crate::analysis::Analysis;
use crate::engine::Engine;
use crate::rules::Finding;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

/// What the server decided to do with a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// An article: every rule ran.
    Article,
    /// Not an article (a README): no diagnostics.
    NotArticle,
    /// Larger than the configured limit (bytes): not analysed, said so with one info diagnostic.
    TooLarge(usize),
}

/// One analysis of one version of a document.
#[derive(Debug)]
pub struct Snapshot {
    /// The document sequence number of the analysed text.
    pub seq: u64,
    /// The analysis (of an empty text when the document was too large).
    pub analysis: Arc<Analysis>,
    /// Findings of every enabled rule (empty unless an article).
    pub findings: Vec<Finding>,
    /// What was done.
    pub status: Status,
    /// Whether inlay hints are wanted for this document.
    pub inlay_hints: bool,
    /// The configuration it was checked with (not the index: a snapshot must not keep an old
    /// index alive, or updating the index would copy it).
    pub config: Arc<crate::config::Config>,
    /// Its sources summary, built at the first hover that compares (once per text version).
    pub summary: super::hover::SummaryMemo,
}

pub use crate::engine::is_article;

/// Debug builds only: panics on purpose when `COPYDESK_LSP_TEST_PANIC` is set and the text
/// holds `copydesk-test-panic`, so the end-to-end tests can check that panics are contained.
#[cfg(debug_assertions)]
fn test_panic(text: &str) {
    if std::env::var_os("COPYDESK_LSP_TEST_PANIC").is_some() && text.contains("copydesk-test-panic")
    {
        panic!("test panic requested");
    }
}

/// Checks `text` through the engine (when it is an article and not larger than `max_bytes`);
/// `path` is the document's path, as the sources index knows it.
pub fn snapshot(seq: u64, text: &str, engine: &Engine, path: &str, max_bytes: usize) -> Snapshot {
    #[cfg(debug_assertions)]
    test_panic(text);
    if text.len() > max_bytes {
        return Snapshot {
            seq,
            analysis: Arc::new(Analysis::new("")),
            findings: Vec::new(),
            status: Status::TooLarge(text.len()),
            inlay_hints: false,
            config: engine.config_handle(),
            summary: Default::default(),
        };
    }
    let report = engine.check(path, text);
    let (findings, status) = if report.is_article {
        (report.findings, Status::Article)
    } else {
        (Vec::new(), Status::NotArticle)
    };
    Snapshot {
        seq,
        analysis: Arc::new(report.analysis),
        findings,
        status,
        inlay_hints: engine.config().inlay_hints,
        config: engine.config_handle(),
        summary: Default::default(),
    }
}

/// [`snapshot`] with panics caught and turned into an error message.
pub fn snapshot_guarded(
    seq: u64,
    text: &str,
    engine: &Engine,
    path: &str,
    max_bytes: usize,
) -> Result<Snapshot, String> {
    catch_unwind(AssertUnwindSafe(|| {
        snapshot(seq, text, engine, path, max_bytes)
    }))
    .map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("the analysis panicked: {what}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_other_files() {
        let c = Engine::default();
        let max = usize::MAX;
        let readme = snapshot(1, "# Notes\n\nSee you on Thursday.\n", &c, "", max);
        assert_eq!(readme.status, Status::NotArticle);
        assert!(readme.findings.is_empty());
        let bad = snapshot(1, " date 2020-13-45 Talks ended.\n", &c, "", max);
        assert_eq!(bad.status, Status::Article);
        assert!(bad.findings.iter().any(|f| f.rule == "date-invalid-header"));
        let fm = snapshot(
            1,
            "---\noutlet: Example Wire\n---\nTalks ended on Thursday.\n",
            &c,
            "",
            max,
        );
        assert_eq!(fm.status, Status::Article);
        assert_eq!(snapshot(1, "abc", &c, "", 2).status, Status::TooLarge(3));
    }
}
