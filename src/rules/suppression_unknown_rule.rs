//! `suppression-unknown-rule`: a suppression comment names a rule copydesk does not have.

use super::{all_rules, finding, Context, Finding, RuleInfo, Severity};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "suppression-unknown-rule",
    default_severity: Severity::Warning,
    summary: "A suppression comment names a rule that does not exist, so it suppresses nothing.",
    description: "Suppression comments (`<!-- copydesk-disable-next-line RULE -->`, `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`, `copydesk: ignore RULE`) must name rules by their id, as `copydesk rules` lists them. A misspelt id silently suppresses nothing, so it is reported on the misspelt word.",
    example_before: "<!-- copydesk-disable-next-line date-weekday-mismatsh -->\nThe council met on Friday.",
    example_after: "<!-- copydesk-disable-next-line date-weekday-mismatch -->\nThe council met on Friday.",
};

/// Reports every rule id written in a suppression directive that is not a rule.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let known = all_rules();
    for m in &ctx.analysis.suppressions.mentions {
        if known.iter().any(|r| r.id == m.id) {
            continue;
        }
        let near = known
            .iter()
            .map(|r| r.id)
            .find(|id| similar(id, &m.id))
            .map(|id| format!(" Did you mean '{id}'?"))
            .unwrap_or_default();
        out.push(finding(
            &INFO,
            m.span,
            format!(
                "'{}' is not a copydesk rule, so this suppression does nothing.{near} Run `copydesk rules` for the list.",
                m.id
            ),
        ));
    }
}

/// True when `a` and `b` differ by at most two characters (edit distance).
fn similar(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().is_some_and(|d| *d <= 2)
}
