//! `source-conflict`: a figure or an event date that differs from what another source,
//! published no later than this article, says about the same thing.

use super::{finding, Context, Finding, Related, RuleInfo, Severity};
use crate::sources::matching::{is_vague, Verdict};
use crate::text::Span;

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "source-conflict",
    default_severity: Severity::Info,
    summary: "A figure or date differs from what an earlier source says about the same thing.",
    description: "Two figures are compared when they count the same measure of the same group (\"civilians killed\"; the civilians of one side and those of the other are different groups) for the same places (a toll for two countries is not the toll of one of them; a county's toll is not its state's) in articles of the same story (published within `window-days` and sharing enough of their rarer words: names, places and the story's vocabulary, weighted by how few articles in the index use them). Between two articles, a figure is paired with the other article's figure that reads most like it, and only if that one, in turn, reads most like it; tolls more than twenty times apart are different counts (\"7 killed in the strike\", \"600 in the war\"). Measurements in different units are compared in one unit (\"about 11 miles\" deep and \"17.9 kilometers\"; \"150 mph\" and \"240 km/h\"), a rounded value is the exact one (\"52%\", \"51.89%\"), a projection (\"could surpass 20,000\") is compared only with projections, and \"passed 20,000\" means more than 20,000. A later, higher toll is an update, not a conflict; narrower groups and vague amounts (\"hundreds of people\") are shown on hover but not reported. Dates of the same event (the same words around them) that differ by a few days are conflicts too. Only sources published no later than this article are held against it. When a workspace holds many versions of one story, each figure or date is compared with the 64 articles that share the most words with this one. Copies of one text (a wire story republished by many outlets) are compared once: the hover says \"Also in 37 other outlets, same text\", a row from a republished text says \"(and 12 copies, same text)\", and the story line (\"Story: 40 outlets, 3–6 June 2023\") counts every outlet.",
    example_before: "Wire (Oct 12): at least 600 soldiers killed.  This article (Oct 13): 532 soldiers were killed.",
    example_after: "This article (Oct 13): at least 600 soldiers were killed, according to …",
};

/// Reports differing figures and event dates.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(view) = &ctx.sources else { return };
    let this = view.this;
    let Some(published) = this.published else {
        return;
    };
    let window = ctx.config.window_days;
    let text = ctx.text();
    for c in &this.claims {
        let earlier: Vec<_> = view
            .index
            .claim_matches(this, c, window)
            .into_iter()
            .filter(|m| {
                m.verdict == Verdict::Differs && m.article.published.is_some_and(|p| p <= published)
            })
            // "hundreds of people" is an order of magnitude, not a figure to hold against "10"
            .filter(|m| !is_vague(&c.text) && !is_vague(&m.claim.text))
            .collect();
        let Some(first) = earlier.first() else {
            continue;
        };
        let span = Span::new(c.span.0, c.span.1);
        let who = first
            .claim
            .source
            .as_deref()
            .map(|s| format!(", {}", crate::figures::attribution::according_to(s)))
            .unwrap_or_default();
        let mut f = finding(
            &INFO,
            span,
            format!(
                "'{}' differs from {} ({}): '{}'{who}. Check which figure is right, or say why they differ.",
                span.slice(text),
                first.article.outlet,
                first.article.published.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
                first.claim.text
            ),
        );
        for m in earlier.iter().take(5) {
            f.related.push(Related {
                path: Some(m.article.path.clone()),
                span: Span::new(m.claim.span.0, m.claim.span.1),
                line_col: Some((m.claim.line as usize, m.claim.col as usize)),
                message: format!("{} says '{}'", m.article.outlet, m.claim.text),
            });
        }
        out.push(f);
    }
    for e in &this.events {
        let earlier: Vec<_> = view
            .index
            .event_matches(this, e, window)
            .into_iter()
            .filter(|m| {
                m.verdict == Verdict::Differs && m.article.published.is_some_and(|p| p <= published)
            })
            .collect();
        let Some(first) = earlier.first() else {
            continue;
        };
        let span = Span::new(e.span.0, e.span.1);
        let mut f = finding(
            &INFO,
            span,
            format!(
                "'{}' ({}) differs from {} ({}), which dates the same event '{}' ({}).",
                span.slice(text),
                e.date.format("%-d %B %Y"),
                first.article.outlet,
                first
                    .article
                    .published
                    .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
                first.event.text,
                first.event.date.format("%-d %B %Y")
            ),
        );
        for m in earlier.iter().take(5) {
            f.related.push(Related {
                path: Some(m.article.path.clone()),
                span: Span::new(m.event.span.0, m.event.span.1),
                line_col: Some((m.event.line as usize, m.event.col as usize)),
                message: format!("{} says '{}'", m.article.outlet, m.event.text),
            });
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;
    use crate::engine::summarize;
    use crate::rules::{run_with_sources, SourcesView};
    use crate::sources::Index;

    fn conflicts(this: &str, other: &str) -> Vec<String> {
        let (a, b) = (Analysis::new(this), Analysis::new(other));
        let mut index = Index::new();
        index.insert(summarize("wire.txt", &b));
        let me = summarize("local.txt", &a);
        index.insert(me.clone());
        let config = Config::default();
        run_with_sources(
            &a,
            &config,
            Some(SourcesView {
                index: &index,
                this: &me,
            }),
        )
        .into_iter()
        .filter(|f| f.rule == "source-conflict")
        .map(|f| f.message)
        .collect()
    }

    #[test]
    fn a_differing_toll_is_a_conflict_but_a_vague_one_is_not() {
        let wire = " date 2021-03-14 At least 310 people were killed when a gas explosion tore through a residential block in Tarija, Bolivian officials said, as rescuers searched the rubble.\n";
        let local = " date 2021-03-15 The gas explosion that tore through a residential block in Tarija killed 130 people, Bolivian officials said, as rescuers searched the rubble.\n";
        let found = conflicts(local, wire);
        assert!(
            found.iter().any(|m| m.contains("'130 people'")),
            "{found:?}"
        );
        let vague = " date 2021-03-15 The gas explosion that tore through a residential block in Tarija killed dozens of people, Bolivian officials said, as rescuers searched the rubble.\n";
        assert_eq!(conflicts(vague, wire), Vec::<String>::new());
    }
}
