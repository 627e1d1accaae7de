//! `date-invalid-header`: the dateline or front matter cannot be read.

use super::{finding, Context, Finding, RuleInfo, Severity};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-invalid-header",
    default_severity: Severity::Warning,
    summary: "The dateline or the front matter cannot be read.",
    description: "A dateline that is not a real date (`date 2020-13-45`), front matter that is never closed, a line that is not `key: value`, or a `date` value that is not a date. The publication date is then unknown, so checks that need it are skipped.",
    example_before: "---\ndate: last Tuesday\n---",
    example_after: "---\ndate: 2020-10-06\n---",
};

/// Reports each header problem.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for p in &ctx.analysis.article.header_problems {
        out.push(finding(&INFO, p.span, p.message.clone()));
    }
}
