//! Building the [`Report`] from the checked articles and the sources index.

use super::{ArticleFindings, FindingRow, Highlighted, Limits, Mark, Point, Report, Slot, Story};
use crate::analysis::Analysis;
use crate::rules::{Finding, Severity};
use crate::sources::matching::Verdict;
use crate::sources::{ArticleSummary, Index};
use crate::text::{ceil_char_boundary as ceil, floor_char_boundary as floor};
use crate::text::{ColUnit, Span};
use std::collections::HashMap;

/// One checked article: its path (as in the index), analysis and findings.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The path, as the index knows it.
    pub path: &'a str,
    /// The analysis.
    pub analysis: &'a Analysis,
    /// Its findings, in position order.
    pub findings: &'a [Finding],
}

/// Characters of context kept on each side of highlighted words.
const CONTEXT_CHARS: usize = 160;

/// The page for every checked article: summary, findings and every story's figure slots.
pub fn build(inputs: &[Input], index: &Index, window_days: i64, limits: &Limits) -> Report {
    let mut report = Report {
        title: format!(
            "copydesk report: {} article{}",
            inputs.len(),
            if inputs.len() == 1 { "" } else { "s" }
        ),
        articles: inputs.len(),
        ..Report::default()
    };
    summarise_findings(&mut report, inputs, limits);
    // every figure of every checked article, with its pairs
    let mut graph = Graph::default();
    if index.len() > 1 {
        for input in inputs {
            let Some(this) = index.get(input.path) else {
                continue;
            };
            for ci in 0..this.claims.len() {
                graph.add_matches(index, this, ci, window_days);
            }
        }
    }
    let (stories, omitted) = graph.stories(inputs, limits);
    report.stories = stories;
    report.stories_omitted = omitted;
    report
}

/// The page for one figure: the chart of the slot of the figure at byte `offset` of
/// `target` (None when no figure is there). `inputs` give the sentences of other articles.
pub fn focus(
    target: &Input,
    offset: usize,
    inputs: &[Input],
    index: &Index,
    window_days: i64,
    limits: &Limits,
) -> Option<Report> {
    let a = target.analysis;
    let ci = a
        .claims
        .iter()
        .position(|c| c.span.start <= offset && offset <= c.span.end)?;
    let claim = a.claims.get(ci)?;
    let mut graph = Graph::default();
    // an article compared with nothing (the only one) is not in the index: an empty page
    if let Some(this) = index.get(target.path).filter(|_| index.len() > 1) {
        graph.node(this, ci);
        graph.add_matches(index, this, ci, window_days);
    }
    let limits = Limits {
        stories: 1,
        slots_per_story: 1,
        story_rows: 1,
        ..*limits
    };
    let (mut stories, _) = graph.stories(inputs, &limits);
    let mut report = Report {
        title: format!(
            "Timeline of '{}' ({})",
            claim.span.slice(&a.text),
            target.path
        ),
        articles: inputs.len(),
        focused: true,
        ..Report::default()
    };
    if let Some(story) = stories.first_mut() {
        // the focused figure's slot only
        story.slots.retain(|s| {
            s.points
                .iter()
                .any(|p| p.path == target.path && p.start_byte == claim.span.start)
        });
    }
    report.stories = stories;
    Some(report)
}

/// Counts per severity, per rule, and the articles with findings (most serious first).
fn summarise_findings(report: &mut Report, inputs: &[Input], limits: &Limits) {
    let mut by_rule: HashMap<&str, [usize; 4]> = HashMap::new();
    let mut with: Vec<&Input> = Vec::new();
    for input in inputs {
        if !input.findings.is_empty() {
            with.push(input);
        }
        for f in input.findings {
            let i = severity_index(f.severity);
            report.severity_counts[i] += 1;
            by_rule.entry(f.rule).or_default()[i] += 1;
        }
    }
    report.articles_with_findings = with.len();
    let mut rules: Vec<(String, [usize; 4])> = by_rule
        .into_iter()
        .map(|(r, c)| (r.to_string(), c))
        .collect();
    rules.sort_by(|a, b| {
        let total = |c: &[usize; 4]| c.iter().sum::<usize>();
        total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(&b.0))
    });
    report.by_rule = rules;
    // the most serious articles first: highest severity, then most findings
    let key = |i: &Input| {
        let worst = i.findings.iter().map(|f| f.severity).max();
        (
            std::cmp::Reverse(worst),
            std::cmp::Reverse(i.findings.len()),
        )
    };
    with.sort_by(|a, b| key(a).cmp(&key(b)).then(a.path.cmp(b.path)));
    report.files_omitted = with.len().saturating_sub(limits.articles);
    report.files = with
        .into_iter()
        .take(limits.articles)
        .map(|i| article_findings(i, limits))
        .collect();
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
        Severity::Hint => 3,
    }
}

fn article_findings(input: &Input, limits: &Limits) -> ArticleFindings {
    let a = input.analysis;
    let findings = input
        .findings
        .iter()
        .take(limits.findings_per_article)
        .map(|f| {
            let lc = a.lines().line_col(&a.text, f.span.start, ColUnit::Char);
            FindingRow {
                rule: f.rule.to_string(),
                severity: f.severity.as_str().to_string(),
                message: f.message.clone(),
                line: lc.line + 1,
                column: lc.col + 1,
                context: highlight(&a.text, context_of(a, f.span), f.span),
                fix: f
                    .fix
                    .as_ref()
                    .map(|x| (x.title.clone(), x.replacement.clone())),
            }
        })
        .collect();
    ArticleFindings {
        path: input.path.to_string(),
        outlet: crate::sources::outlet_of(input.path, a),
        published: a.article.published.as_ref().map(|p| p.display()),
        findings,
        omitted: input
            .findings
            .len()
            .saturating_sub(limits.findings_per_article),
    }
}

/// The sentence holding `span`, else its line.
fn context_of(a: &Analysis, span: Span) -> Span {
    if let Some(s) = a
        .article
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.start < s.span.end.max(s.span.start + 1))
    {
        return Span::new(s.span.start, s.span.end.max(span.end));
    }
    let text = &a.text;
    let at = span.start.min(text.len());
    let start = text[..floor(text, at)].rfind('\n').map_or(0, |i| i + 1);
    let end = text[floor(text, span.end.min(text.len()))..]
        .find('\n')
        .map_or(text.len(), |i| floor(text, span.end.min(text.len())) + i);
    Span::new(start, end.max(start))
}

/// `outer` cut around `inner`, at most [`CONTEXT_CHARS`] characters each side, whitespace
/// folded to single spaces.
pub(crate) fn highlight(text: &str, outer: Span, inner: Span) -> Highlighted {
    let os = floor(text, outer.start);
    let is = ceil(text, inner.start.max(os));
    let ie = ceil(text, inner.end.max(is));
    let oe = ceil(text, outer.end.max(ie));
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = &text[os..is];
    let after = &text[ie..oe];
    let mut b: String = before
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if b.len() < before.len() {
        b.insert(0, '…');
    }
    let mut f: String = after.chars().take(CONTEXT_CHARS).collect();
    if f.len() < after.len() {
        f.push('…');
    }
    let keep_space = |orig: &str, folded: String, lead: bool| {
        // keep one space where the original had one next to the highlighted words
        let ws = if lead {
            orig.ends_with(char::is_whitespace)
        } else {
            orig.starts_with(char::is_whitespace)
        };
        match (ws, lead) {
            (true, true) if !folded.is_empty() => format!("{folded} "),
            (true, false) if !folded.is_empty() => format!(" {folded}"),
            _ => folded,
        }
    };
    Highlighted {
        before: keep_space(before, fold(&b), true),
        marked: fold(&text[is..ie]),
        after: keep_space(after, fold(&f), false),
    }
}

/// Figures as nodes, pairs as edges; slots are its connected parts.
#[derive(Default)]
struct Graph<'a> {
    nodes: Vec<(&'a ArticleSummary, usize)>,
    ids: HashMap<(&'a str, usize), usize>,
    parent: Vec<usize>,
    edges: Vec<(usize, usize, Verdict)>,
}

impl<'a> Graph<'a> {
    fn node(&mut self, art: &'a ArticleSummary, ci: usize) -> usize {
        if let Some(id) = self.ids.get(&(art.path.as_str(), ci)) {
            return *id;
        }
        let id = self.nodes.len();
        self.nodes.push((art, ci));
        self.parent.push(id);
        self.ids.insert((art.path.as_str(), ci), id);
        id
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Adds the same-group pairs of figure `ci` of `this`.
    fn add_matches(&mut self, index: &'a Index, this: &ArticleSummary, ci: usize, window: i64) {
        let Some(claim) = this.claims.get(ci) else {
            return;
        };
        let Some(this) = index.get(&this.path) else {
            return;
        };
        let matches = index.claim_matches(this, claim, window);
        for m in matches.iter().filter(|m| m.verdict.same_group()) {
            let Some(mi) = m.article.claims.iter().position(|c| c.span == m.claim.span) else {
                continue;
            };
            let a = self.node(this, ci);
            let b = self.node(m.article, mi);
            self.union(a, b);
            self.edges.push((a.min(b), a.max(b), m.verdict));
        }
    }

    /// The stories, most contested first, with their slots (see [`Limits`]), and how many
    /// stories were left out of the list.
    fn stories(&mut self, inputs: &[Input], limits: &Limits) -> (Vec<Story>, usize) {
        let analyses: HashMap<&str, &Analysis> =
            inputs.iter().map(|i| (i.path, i.analysis)).collect();
        let (slot_list, edges) = self.shared_slots();
        let (story_of, mut story_parent) = self.join_articles(&slot_list);
        let mut grouped: HashMap<usize, Vec<Slot>> = HashMap::new();
        let mut articles: HashMap<usize, Vec<&ArticleSummary>> = HashMap::new();
        for (path, id) in &story_of {
            let r = find(&mut story_parent, *id);
            if let Some(n) = self
                .nodes
                .iter()
                .find(|(a, _)| a.path.as_str() == *path)
                .map(|(a, _)| *a)
            {
                articles.entry(r).or_default().push(n);
            }
        }
        for (root, nodes) in &slot_list {
            let path = self.nodes[nodes[0]].0.path.as_str();
            let Some(id) = story_of.get(path).copied() else {
                continue;
            };
            let r = find(&mut story_parent, id);
            let slot = self.slot(
                nodes,
                edges.get(root).map_or(&[][..], |v| v),
                &analyses,
                limits,
            );
            grouped.entry(r).or_default().push(slot);
        }
        let stories: Vec<Story> = grouped
            .into_iter()
            .map(|(r, slots)| story(articles.remove(&r).unwrap_or_default(), slots, &analyses))
            .collect();
        rank_and_limit(stories, limits)
    }

    /// The slots (union-find roots with their nodes, by root) that at least two articles share,
    /// and each slot's deduplicated edges.
    #[allow(clippy::type_complexity)]
    fn shared_slots(
        &mut self,
    ) -> (
        Vec<(usize, Vec<usize>)>,
        HashMap<usize, Vec<(usize, usize, Verdict)>>,
    ) {
        let mut slots: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.nodes.len() {
            let r = self.root(i);
            slots.entry(r).or_default().push(i);
        }
        let mut edges: HashMap<usize, Vec<(usize, usize, Verdict)>> = HashMap::new();
        self.edges.sort_by_key(|(a, b, v)| (*a, *b, v.label()));
        self.edges.dedup_by_key(|(a, b, _)| (*a, *b));
        for &(a, b, v) in &self.edges.clone() {
            let r = self.root(a);
            edges.entry(r).or_default().push((a, b, v));
        }
        let mut slot_list: Vec<(usize, Vec<usize>)> = slots.into_iter().collect();
        slot_list.sort_by_key(|(r, _)| *r);
        slot_list.retain(|(_, nodes)| {
            let first = self.nodes[nodes[0]].0.path.as_str();
            nodes.iter().any(|n| self.nodes[*n].0.path != first)
        });
        (slot_list, edges)
    }

    /// Stories join the articles that share a slot: each article's story id and the
    /// union-find parents of the ids.
    fn join_articles(
        &self,
        slot_list: &[(usize, Vec<usize>)],
    ) -> (HashMap<&'a str, usize>, Vec<usize>) {
        let mut story_of: HashMap<&'a str, usize> = HashMap::new();
        let mut story_parent: Vec<usize> = Vec::new();
        for (_, nodes) in slot_list {
            let mut roots: Vec<usize> = Vec::new();
            for n in nodes {
                let path = self.nodes[*n].0.path.as_str();
                let id = *story_of.entry(path).or_insert_with(|| {
                    story_parent.push(story_parent.len());
                    story_parent.len() - 1
                });
                roots.push(id);
            }
            for w in roots.windows(2) {
                let (a, b) = (find(&mut story_parent, w[0]), find(&mut story_parent, w[1]));
                if a != b {
                    story_parent[a.max(b)] = a.min(b);
                }
            }
        }
        (story_of, story_parent)
    }

    /// One slot's points (sampled to the limit) and marks.
    fn slot(
        &self,
        nodes: &[usize],
        edges: &[(usize, usize, Verdict)],
        analyses: &HashMap<&str, &Analysis>,
        limits: &Limits,
    ) -> Slot {
        let mut marks: HashMap<usize, Mark> = HashMap::new();
        let (mut conflicts, mut updates) = (0, 0);
        let mut set = |n: usize, m: Mark| {
            let e = marks.entry(n).or_insert(Mark::Agrees);
            if m == Mark::Conflict || *e == Mark::Agrees {
                *e = m;
            }
        };
        for &(a, b, v) in edges {
            set(a, Mark::Agrees);
            set(b, Mark::Agrees);
            match v {
                Verdict::Differs => {
                    conflicts += 1;
                    set(a, Mark::Conflict);
                    set(b, Mark::Conflict);
                }
                Verdict::Updated => {
                    updates += 1;
                    let later = |n: usize| {
                        let (art, ci) = self.nodes[n];
                        (art.published, art.claims.get(ci).map_or(0.0, |c| c.min))
                    };
                    let (la, lb) = (later(a), later(b));
                    let newer = if (lb.0, lb.1) >= (la.0, la.1) { b } else { a };
                    set(newer, Mark::Updated);
                }
                _ => {}
            }
        }
        let mut points: Vec<(usize, Point)> = nodes
            .iter()
            .filter_map(|n| {
                let p = self.point(*n, analyses)?;
                Some((
                    *n,
                    Point {
                        mark: marks.get(n).copied(),
                        ..p
                    },
                ))
            })
            .collect();
        let total = points.len();
        if total > limits.points_per_slot {
            points = sample(points, limits.points_per_slot);
        }
        points.sort_by(|(_, a), (_, b)| {
            (a.published.is_none(), a.published, &a.path, a.start_byte).cmp(&(
                b.published.is_none(),
                b.published,
                &b.path,
                b.start_byte,
            ))
        });
        let label = self.label(nodes);
        Slot {
            id: String::new(),
            label,
            omitted: total - points.len(),
            points: points.into_iter().map(|(_, p)| p).collect(),
            conflicts,
            updates,
        }
    }

    /// The most common noun and measure of a slot's figures: "people (killed)".
    fn label(&self, nodes: &[usize]) -> String {
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        for n in nodes {
            let (art, ci) = self.nodes[*n];
            if let Some(c) = art.claims.get(ci) {
                *counts
                    .entry((c.noun.clone().unwrap_or_default(), c.measure.clone()))
                    .or_default() += 1;
            }
        }
        let best = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some(((noun, measure), _)) if noun.is_empty() => measure,
            Some(((noun, measure), _)) => format!("{noun} ({measure})"),
            None => String::new(),
        }
    }

    fn point(&self, n: usize, analyses: &HashMap<&str, &Analysis>) -> Option<Point> {
        let (art, ci) = *self.nodes.get(n)?;
        let c = art.claims.get(ci)?;
        let sentence = analyses
            .get(art.path.as_str())
            .and_then(|a| {
                let claim = a.claims.get(ci).filter(|x| x.span.start == c.span.0)?;
                let s = a.article.sentences.get(claim.sentence)?;
                Some(highlight(
                    &a.text,
                    Span::new(
                        s.span.start.min(claim.span.start),
                        s.span.end.max(claim.span.end),
                    ),
                    claim.span,
                ))
            })
            .unwrap_or_else(|| Highlighted {
                marked: c.text.clone(),
                ..Highlighted::default()
            });
        Some(Point {
            path: art.path.clone(),
            outlet: art.outlet.clone(),
            published: art.published,
            line: c.line + 1,
            column: c.col + 1,
            start_byte: c.span.0,
            min: c.min,
            max: c.max,
            qualifier: c.qualifier.clone(),
            sentence,
            source: c.source.clone(),
            named: c.named,
            mark: None,
        })
    }
}

/// `keep` of `points`: conflicts and updates first (up to half), the rest evenly spread.
fn sample(points: Vec<(usize, Point)>, keep: usize) -> Vec<(usize, Point)> {
    let (marked, plain): (Vec<_>, Vec<_>) = points
        .into_iter()
        .partition(|(_, p)| matches!(p.mark, Some(Mark::Conflict | Mark::Updated)));
    let mut out: Vec<(usize, Point)> = marked.into_iter().take(keep / 2).collect();
    let room = keep - out.len();
    if !plain.is_empty() && room > 0 {
        let step = plain.len() as f64 / room as f64;
        let mut taken = 0;
        for (i, p) in plain.into_iter().enumerate() {
            if taken < room && i as f64 >= taken as f64 * step {
                out.push(p);
                taken += 1;
            }
        }
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// An article's title (front matter `title`/`headline`), else its first sentence, else its
/// path.
fn story_title(a: &ArticleSummary, analysis: Option<&Analysis>) -> String {
    analysis
        .and_then(|an| {
            an.article
                .meta(&["title", "headline"])
                .or_else(|| an.article.sentences.first().map(|s| s.span.slice(&an.text)))
        })
        .map(|s| {
            let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.chars().count() > 140 {
                let mut t: String = s.chars().take(140).collect();
                t.push('…');
                t
            } else {
                s
            }
        })
        .unwrap_or_else(|| a.path.clone())
}

/// One story of `arts` (sorted by date) with its slots, most contested first.
fn story(
    mut arts: Vec<&ArticleSummary>,
    mut slots: Vec<Slot>,
    analyses: &HashMap<&str, &Analysis>,
) -> Story {
    arts.sort_by(|a, b| {
        (a.published.is_none(), a.published, &a.path).cmp(&(
            b.published.is_none(),
            b.published,
            &b.path,
        ))
    });
    slots.sort_by(|a, b| {
        (b.conflicts, b.updates, b.points.len() + b.omitted)
            .cmp(&(a.conflicts, a.updates, a.points.len() + a.omitted))
            .then(a.label.cmp(&b.label))
    });
    let mut outlets: Vec<&str> = arts.iter().map(|a| a.outlet.as_str()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let title = arts
        .first()
        .map(|a| story_title(a, analyses.get(a.path.as_str()).copied()))
        .unwrap_or_default();
    Story {
        id: String::new(),
        title,
        articles: arts.len(),
        outlets: outlets.len(),
        from: arts.iter().filter_map(|a| a.published).min(),
        to: arts.iter().filter_map(|a| a.published).max(),
        conflicts: slots.iter().map(|s| s.conflicts).sum(),
        updates: slots.iter().map(|s| s.updates).sum(),
        slots,
        slots_omitted: 0,
    }
}

/// The stories most contested first, cut to the limits (ids given in that order), and how
/// many stories were left out.
fn rank_and_limit(mut stories: Vec<Story>, limits: &Limits) -> (Vec<Story>, usize) {
    stories.sort_by(|a, b| {
        (b.conflicts, b.updates, b.articles)
            .cmp(&(a.conflicts, a.updates, a.articles))
            .then(a.from.cmp(&b.from))
            .then(a.title.cmp(&b.title))
    });
    let omitted = stories.len().saturating_sub(limits.story_rows);
    stories.truncate(limits.story_rows);
    for (i, s) in stories.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
        let keep = if i < limits.stories {
            limits.slots_per_story
        } else {
            0
        };
        s.slots_omitted = s.slots.len().saturating_sub(keep);
        s.slots.truncate(keep);
        for (j, slot) in s.slots.iter_mut().enumerate() {
            slot.id = format!("s{}-f{}", i + 1, j + 1);
        }
    }
    (stories, omitted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::summarize;

    fn world(texts: &[(&str, &str)]) -> (Vec<(String, Analysis)>, Index) {
        let analyses: Vec<(String, Analysis)> = texts
            .iter()
            .map(|(p, t)| (p.to_string(), Analysis::new(t)))
            .collect();
        let mut index = Index::new();
        for (p, a) in &analyses {
            index.insert(summarize(p, a));
        }
        (analyses, index)
    }

    const A: &str = "---\noutlet: Harbour Gazette\ndate: 2024-03-04\n---\nFlooding in the river valley killed at least 60 people, the regional governor said on Monday.\n";
    const B: &str = "---\noutlet: Valley Courier\ndate: 2024-03-06\n---\nFlooding in the river valley has killed 133 people, the regional governor said on Wednesday.\n";

    #[test]
    fn a_slot_holds_a_figure_and_its_pairs_across_articles() {
        let (analyses, index) = world(&[("a.md", A), ("b.md", B)]);
        let inputs: Vec<Input> = analyses
            .iter()
            .map(|(p, a)| Input {
                path: p,
                analysis: a,
                findings: &[],
            })
            .collect();
        let r = build(&inputs, &index, 14, &Limits::default());
        assert_eq!(r.stories.len(), 1, "{:?}", r.stories);
        let slot = &r.stories[0].slots[0];
        let values: Vec<(f64, Option<f64>)> = slot.points.iter().map(|p| (p.min, p.max)).collect();
        assert_eq!(values, vec![(60.0, None), (133.0, Some(133.0))]);
        assert_eq!(slot.points[0].sentence.marked, "at least 60 people");
        assert!(slot.points[0].sentence.before.starts_with("Flooding"));
        assert_eq!(slot.points[0].outlet, "Harbour Gazette");
        // the focused page draws the same slot
        let f = focus(
            &inputs[1],
            B.find("133").unwrap_or(0),
            &inputs,
            &index,
            14,
            &Limits::default(),
        );
        let f = f.map(|r| r.stories[0].slots[0].points.len());
        assert_eq!(f, Some(2));
        // one article alone: a page with no chart, not an error
        let (alone, index) = world(&[("a.md", A)]);
        let input = Input {
            path: &alone[0].0,
            analysis: &alone[0].1,
            findings: &[],
        };
        let at = A.find("60").unwrap_or(0);
        let page = focus(&input, at, &[input], &index, 14, &Limits::default());
        assert!(page.is_some_and(|r| r.focused && r.stories.is_empty()));
    }

    #[test]
    fn highlight_cuts_long_context_at_char_boundaries() {
        let text = format!("{}é 42 people {}", "mot ".repeat(100), "ü".repeat(300));
        let at = text.find("42").unwrap_or(0);
        let h = highlight(&text, Span::new(0, text.len()), Span::new(at, at + 9));
        assert_eq!(h.marked, "42 people");
        assert!(h.before.starts_with('…') && h.before.ends_with("é "));
        assert!(h.after.ends_with('…'));
        // a space, 159 letters (the space counted among the 160) and the ellipsis
        assert_eq!(h.after.chars().count(), CONTEXT_CHARS + 1);
        // spans past the end or inside a character are clamped
        let h = highlight("é", Span::new(0, 9), Span::new(1, 9));
        assert_eq!(h.marked, "");
    }
}
