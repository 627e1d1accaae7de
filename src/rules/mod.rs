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
pub mod suppression_unknown_rule;
pub mod suppression_unused;

use crate::analysis::Analysis;
use crate::config::Config;
pub use crate::config::Severity;
use crate::text::Span;
use serde::Serialize;

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

    /// The article's publication date when the body does not contradict it: what rules that
    /// measure dates against publication rely on (None when there is none, or when the dateline
    /// itself is in doubt and `date-dateline-mismatch` speaks instead).
    pub(crate) fn trusted_published(&self) -> Option<&crate::article::Published> {
        let p = self.analysis.article.published.as_ref()?;
        self.dateline_verdict().is_none().then_some(p)
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
    (
        suppression_unknown_rule::INFO,
        suppression_unknown_rule::check,
    ),
    (suppression_unused::INFO, suppression_unused::check),
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

/// Runs every enabled rule on one analysis, drops findings matching an `ignore` pattern or
/// hidden by a suppression comment (see [`crate::suppress`]), and, when the configuration asks
/// for it, reports unused suppressions. Findings are sorted by position.
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
    filter(analysis, config, out)
}

/// What every finding goes through, whichever rule made it: drops findings matching an
/// `ignore` pattern or hidden by a suppression comment, reports unused suppressions when the
/// configuration asks for it, and sorts by position. Rules run outside [`run`] (against other
/// sources, say) pass their findings through this too.
pub fn filter(analysis: &Analysis, config: &Config, mut out: Vec<Finding>) -> Vec<Finding> {
    out.retain(|f| !config.is_ignored_text(f.span.slice(&analysis.text)));
    let sups = &analysis.suppressions;
    if !sups.list.is_empty() {
        let mut used = vec![false; sups.list.len()];
        out.retain(|f| {
            let mut hidden = false;
            for (i, s) in sups.list.iter().enumerate() {
                if s.covers(f.rule, f.span.start) {
                    used[i] = true;
                    hidden = true;
                }
            }
            !hidden
        });
        let unused_sev = config.severity_of(
            suppression_unused::INFO.id,
            suppression_unused::INFO.default_severity,
        );
        if let (true, Some(sev)) = (config.report_unused_suppressions, unused_sev) {
            for (s, _) in sups.list.iter().zip(&used).filter(|(_, u)| !**u) {
                let (span, what) = match &s.rule {
                    Some(r) => {
                        let Some(info) = rule_info(&r.id) else {
                            continue; // reported by suppression-unknown-rule
                        };
                        if config.severity_of(info.id, info.default_severity).is_none() {
                            continue; // the rule is off: the suppression may matter again
                        }
                        (r.span, format!("of '{}'", r.id))
                    }
                    None => (s.directive, "of every rule".to_string()),
                };
                let mut f = finding(
                    &suppression_unused::INFO,
                    span,
                    format!("This suppression {what} hides no finding: delete it, or it may hide a real one later."),
                );
                f.severity = sev;
                out.push(f);
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: &str = " date 2020-10-20\n\n<!-- copydesk-disable-next-line date-weekday-mismatch -->\nThe talks ended on Thursday, Oct. 9, 2020.\n\n<!-- copydesk-disable-next-line date-after-publication -->\nNothing.\n";

    #[test]
    fn suppressions_apply_to_every_rule_and_unused_ones_are_reported_on_request() {
        let a = Analysis::new(BAD);
        assert!(run(&a, &Config::default()).is_empty());
        let config = Config {
            report_unused_suppressions: true,
            ..Config::default()
        };
        let f = run(&a, &config);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "suppression-unused");
        assert_eq!(f[0].span.slice(BAD), "date-after-publication");
        // a finding made outside `run` goes through the same filter
        let start = BAD.find("Thursday").unwrap_or(0);
        let outside = finding(
            &date_weekday_mismatch::INFO,
            Span::new(start, start + 8),
            "x".into(),
        );
        assert!(filter(&a, &Config::default(), vec![outside]).is_empty());
    }
}
