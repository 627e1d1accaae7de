//! Printers: one per output format. They read finished reports and never analyse anything.

pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::analysis::Analysis;
use crate::rules::{Finding, Severity};
use crate::text::ColUnit;
use std::sync::Arc;

/// One checked file.
pub struct FileReport {
    /// The path as given or found.
    pub path: String,
    /// The analysis (text, article, line index), shared by copies of one text.
    pub analysis: Arc<Analysis>,
    /// Findings in position order, shared by copies of one text.
    pub findings: Arc<Vec<Finding>>,
    /// The failing severity in force for this file.
    pub fail_on: Severity,
}

impl FileReport {
    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let lc = self
            .analysis
            .lines()
            .line_col(&self.analysis.text, offset, ColUnit::Char);
        (lc.line + 1, lc.col + 1)
    }
}

/// Counts for the summary line.
#[derive(Default)]
pub struct Summary {
    /// Findings per severity: error, warning, info, hint.
    pub counts: [usize; 4],
    /// Articles with at least one finding.
    pub files_with_findings: usize,
    /// Articles checked.
    pub files: usize,
}

impl Summary {
    /// Counts the reports.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            if !r.findings.is_empty() {
                s.files_with_findings += 1;
            }
            for f in r.findings.iter() {
                s.counts[match f.severity {
                    Severity::Error => 0,
                    Severity::Warning => 1,
                    Severity::Info => 2,
                    Severity::Hint => 3,
                }] += 1;
            }
        }
        s
    }

    /// "1 error, 3 warnings in 2 of 40 articles".
    pub fn line(&self) -> String {
        let names = [
            ("error", "errors"),
            ("warning", "warnings"),
            ("info", "info"),
            ("hint", "hints"),
        ];
        let parts: Vec<String> = self
            .counts
            .iter()
            .zip(names)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        let articles = if self.files == 1 {
            "article"
        } else {
            "articles"
        };
        if parts.is_empty() {
            format!("No findings in {} {articles}", self.files)
        } else {
            format!(
                "{} in {} of {} {articles}",
                parts.join(", "),
                self.files_with_findings,
                self.files
            )
        }
    }
}
