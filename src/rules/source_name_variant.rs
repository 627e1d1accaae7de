//! `source-name-variant`: a name spelled differently from the majority of sources.

use super::{finding, Context, Finding, Fix, Related, RuleInfo, Severity};
use crate::text::Span;
use std::collections::BTreeMap;

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "source-name-variant",
    default_severity: Severity::Hint,
    summary: "A person's name is spelled differently from most other sources.",
    description: "Transliterated names drift between outlets (\"Dmitry Korlanov\" / \"Dmitri Korlanov\"). When most articles of the same story spell a name one way and this article another, copydesk suggests the majority spelling. House style may prefer yours: turn the rule off or suppress it.",
    example_before: "Foreign Minister Dmitri Korlanov said …  (three other sources: Dmitry Korlanov)",
    example_after: "Foreign Minister Dmitry Korlanov said …",
};

/// One article's use of a spelling: path, span, line, column.
type Use = (String, (usize, usize), u32, u32);

/// Reports minority spellings.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(view) = &ctx.sources else { return };
    let this = view.this;
    let mut seen = std::collections::HashSet::new();
    for n in &this.names {
        if !seen.insert(n.name.clone()) {
            continue;
        }
        // articles per spelling, this one included
        let mut counts: BTreeMap<String, Vec<Use>> = BTreeMap::new();
        counts.entry(n.name.clone()).or_default();
        for u in view.index.name_uses(this, &n.name, ctx.config.window_days) {
            if u.article.path == this.path {
                continue;
            }
            let v = counts.entry(u.name.name.clone()).or_default();
            if !v.iter().any(|(p, ..)| *p == u.article.path) {
                v.push((u.article.path.clone(), u.name.span, u.name.line, u.name.col));
            }
        }
        let mine = counts.get(&n.name).map_or(0, Vec::len) + 1;
        let Some((best, users)) = counts
            .iter()
            .filter(|(k, _)| **k != n.name)
            .max_by_key(|(_, v)| v.len())
        else {
            continue;
        };
        if users.len() <= mine || users.len() < 2 {
            continue;
        }
        let total: usize = counts.values().map(Vec::len).sum::<usize>() + 1;
        for occ in this.names.iter().filter(|x| x.name == n.name) {
            let span = Span::new(occ.span.0, occ.span.1);
            let Some(at) = ctx
                .text()
                .get(span.start..span.end)
                .and_then(|s| s.find(&n.name))
            else {
                continue;
            };
            let name_span = Span::new(span.start + at, span.start + at + n.name.len());
            let mut f = finding(
                &INFO,
                name_span,
                format!(
                    "Most sources ({} of {total} articles) spell this name '{best}', not '{}'.",
                    users.len(),
                    n.name
                ),
            );
            f.fix = Some(Fix {
                title: format!("Spell it '{best}'"),
                replacement: best.clone(),
                span: name_span,
            });
            if let Some((p, s, l, c)) = users.first() {
                f.related.push(Related {
                    path: Some(p.clone()),
                    span: Span::new(s.0, s.1),
                    line_col: Some((*l as usize, *c as usize)),
                    message: format!("spelled '{best}' here"),
                });
            }
            out.push(f);
        }
    }
}
