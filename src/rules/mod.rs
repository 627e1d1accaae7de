//! The rules: each reads an [`Analysis`] and returns [`Finding`]s. One file per rule, with its
//! stable id, default severity, documentation and tests.

pub mod date_after_publication;
pub mod date_dateline_mismatch;
pub mod date_invalid_header;
pub mod date_no_dateline;
pub mod date_weekday_mismatch;
mod evidence;
pub mod figure_unattributed;
pub mod source_conflict;
pub mod source_name_variant;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion.
    Hint,
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// Parses "error", "warning", "info" or "hint".
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "information" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// A replacement that fixes a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, as a short imperative ("Change the weekday to Friday").
    pub title: String,
    /// The new text.
    pub replacement: String,
    /// The bytes it replaces (empty for an insertion).
    pub span: Span,
}

/// A place related to a finding: in this file (`path` None) or in another source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Another file's path, or None for this file.
    pub path: Option<String>,
    /// Bytes in that file.
    pub span: Span,
    /// 0-based line and character column in that file, when it is another file.
    pub line_col: Option<(usize, usize)>,
    /// What this place is.
    pub message: String,
}

/// One problem found in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `date-weekday-mismatch`.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One or two sentences an editor understands.
    pub message: String,
    /// The exact words at fault.
    pub span: Span,
    /// Related places (the dateline, another source).
    pub related: Vec<Related>,
    /// A fix, when one exists.
    pub fix: Option<Fix>,
}

/// Documentation and defaults of a rule.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// Stable id.
    pub id: &'static str,
    /// Default severity.
    pub default_severity: Severity,
    /// One-line summary.
    pub summary: &'static str,
    /// Longer explanation (Markdown).
    pub description: &'static str,
    /// Text that triggers the rule.
    pub example_before: &'static str,
    /// The same text, fixed.
    pub example_after: &'static str,
}

/// Everything a rule may read.
pub struct Context<'a> {
    /// The analysis of the article.
    pub analysis: &'a Analysis,
    /// Configuration in force.
    pub config: &'a Config,
    /// Other sources, when the shell indexed them.
    pub sources: Option<SourcesView<'a>>,
    /// What the body says about the dateline, computed once for the rules that need it.
    dateline: std::cell::OnceCell<Option<date_dateline_mismatch::Verdict>>,
}

/// The sources index as the rules see it: the index and this article's own summary.
#[derive(Clone, Copy)]
pub struct SourcesView<'a> {
    /// Every indexed article (this one may be among them).
    pub index: &'a crate::sources::Index,
    /// This article's summary.
    pub this: &'a crate::sources::ArticleSummary,
}

impl<'a> Context<'a> {
    /// A context for running rules on one analysis.
    pub fn new(analysis: &'a Analysis, config: &'a Config) -> Context<'a> {
        Context {
            analysis,
            config,
            sources: None,
            dateline: std::cell::OnceCell::new(),
        }
    }

    /// Whether (and how) the body contradicts the dateline.
    pub(crate) fn dateline_verdict(&self) -> Option<&date_dateline_mismatch::Verdict> {
        self.dateline
            .get_or_init(|| date_dateline_mismatch::verdict_of(self.analysis))
            .as_ref()
    }
}

impl Context<'_> {
    /// The text.
    pub fn text(&self) -> &str {
        &self.analysis.text
    }
}

type Check = fn(&Context, &mut Vec<Finding>);

/// Every rule, with the function that runs it.
pub const RULES: &[(RuleInfo, Check)] = &[
    (date_invalid_header::INFO, date_invalid_header::check),
    (date_no_dateline::INFO, date_no_dateline::check),
    (date_weekday_mismatch::INFO, date_weekday_mismatch::check),
    (date_dateline_mismatch::INFO, date_dateline_mismatch::check),
    (date_after_publication::INFO, date_after_publication::check),
    (figure_unattributed::INFO, figure_unattributed::check),
    (source_conflict::INFO, source_conflict::check),
    (source_name_variant::INFO, source_name_variant::check),
];

/// Documentation of every rule, including rules implemented outside this module.
pub fn all_rules() -> Vec<RuleInfo> {
    RULES.iter().map(|(i, _)| *i).collect()
}

/// The rule with this id.
pub fn rule_info(id: &str) -> Option<RuleInfo> {
    all_rules().into_iter().find(|r| r.id == id)
}

/// Link to a rule's documentation.
pub fn help_uri(id: &str) -> String {
    format!("https://github.com/copydesk/copydesk/blob/main/README.md#{id}")
}

/// Runs every enabled rule on one analysis; findings are sorted by position.
pub fn run(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    run_with_sources(analysis, config, None)
}

/// Runs every enabled rule, comparing with other sources when a view of the index is given.
pub fn run_with_sources(
    analysis: &Analysis,
    config: &Config,
    sources: Option<SourcesView>,
) -> Vec<Finding> {
    let mut ctx = Context::new(analysis, config);
    ctx.sources = sources;
    let mut out = Vec::new();
    for (info, check) in RULES {
        let Some(sev) = config.severity_of(info.id, info.default_severity) else {
            continue;
        };
        let start = out.len();
        check(&ctx, &mut out);
        // A rule may set a severity per finding (figure-unattributed does: warning for
        // sensitive measures, info otherwise). A severity set in `[rules]` applies to every
        // finding of the rule; without one, the rule's own per-finding severities stand.
        let overridden = config.rules.contains_key(info.id);
        for f in out.iter_mut().skip(start) {
            if overridden || f.severity == info.default_severity {
                f.severity = sev;
            }
        }
    }
    out.retain(|f| !config.is_ignored_text(f.span.slice(&analysis.text)));
    out.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
    out
}

/// A finding on `span` with the rule's default severity.
pub fn finding(info: &RuleInfo, span: Span, message: String) -> Finding {
    Finding {
        rule: info.id,
        severity: info.default_severity,
        message,
        span,
        related: Vec::new(),
        fix: None,
    }
}
