//! `date-no-dateline`: the article has no publication date, so date checks are skipped.

use super::{finding, Context, Finding, RuleInfo, Severity};
use crate::text::Span;

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-no-dateline",
    default_severity: Severity::Hint,
    summary: "The article has no publication date, so date checks that need one are skipped.",
    description: "Without a ` date YYYY-MM-DD` header line or a `date:` front-matter key, copydesk cannot tell whether \"on Thursday\" matches the dateline or whether an event is dated after publication. Reported once per file.",
    example_before: "The council met on Thursday.",
    example_after: " date 2020-10-08 The council met on Thursday.",
};

/// Reports a missing publication date once, on the first word of the text.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let a = &ctx.analysis.article;
    if a.published.is_some() || !a.header_problems.is_empty() {
        return;
    }
    let text = ctx.text();
    let start = a.sentences.first().map_or(0, |s| s.span.start);
    let end = text[start..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| start + i);
    out.push(finding(
        &INFO,
        Span::new(start, end),
        "This article has no publication date, so checks that compare dates with it are skipped: add a ` date YYYY-MM-DD` first line or a `date:` front-matter key.".to_string(),
    ));
}
