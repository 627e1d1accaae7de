//! Hover Markdown: dates, figures and names, with what other sources say.
//!
//! [`hover_markdown`] is plain data in, Markdown out, so `copydesk.showComparisons` and tests
//! use it without LSP types. The comparison itself comes from the engine
//! ([`Engine::compare_summary_at`]); the [`WorkspaceView`] holds the summaries of every
//! indexed article, keyed by path. The hover answers from the document's own analysis at
//! once, whatever the index is doing: while it is built, the hover says so.

use crate::analysis::Analysis;
use crate::engine::Engine;
use crate::sources::compare::{Comparison, Progress};
use crate::time::{Kind, Resolution, Temporal, Value};
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Every indexed article of the workspace (workspace folders and configured sources), as
/// the summaries the sources index keeps (no full analyses: they come from the on-disk cache
/// when unchanged).
///
/// Keep it behind [`WorkspaceView::insert`] and [`WorkspaceView::remove`] so the lookup
/// tables stay in step with `sources`.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceView {
    /// Calendar days named in each article: day -> (path, 1-based line, words).
    by_day: HashMap<NaiveDate, Vec<(PathBuf, usize, String)>>,
    /// Summaries of every indexed article, for comparing figures, dates and names (shared
    /// with the analyses that use it; copied on write).
    pub sources: Arc<crate::sources::Index>,
}

impl WorkspaceView {
    /// Number of indexed files.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Adds (or replaces) the summary of `path`.
    pub fn insert(&mut self, path: PathBuf, s: crate::sources::ArticleSummary) {
        self.remove(&path);
        for d in &s.days {
            self.by_day.entry(d.date).or_default().push((
                path.clone(),
                d.line as usize + 1,
                d.text.clone(),
            ));
        }
        Arc::make_mut(&mut self.sources).insert(s);
    }

    /// Adds (or replaces) `path` from its analysis.
    pub fn insert_analysis(&mut self, path: PathBuf, a: &Analysis) {
        let s = crate::engine::summarize(&path.display().to_string(), a);
        self.insert(path, s);
    }

    /// Drops `path`.
    pub fn remove(&mut self, path: &PathBuf) {
        let key = path.display().to_string();
        let Some(old) = self.sources.get(&key) else {
            return;
        };
        let days: HashSet<NaiveDate> = old.days.iter().map(|d| d.date).collect();
        Arc::make_mut(&mut self.sources).remove(&key);
        for d in days {
            if let Some(v) = self.by_day.get_mut(&d) {
                v.retain(|(p, _, _)| p != path);
                if v.is_empty() {
                    self.by_day.remove(&d);
                }
            }
        }
    }

    /// Up to `limit` places in other articles that name the same calendar day, with their
    /// 1-based line numbers and the words used.
    pub fn same_day(
        &self,
        day: NaiveDate,
        except: Option<&PathBuf>,
        limit: usize,
    ) -> Vec<(PathBuf, usize, String)> {
        self.by_day
            .get(&day)
            .map(|v| {
                v.iter()
                    .filter(|(p, _, _)| Some(p) != except)
                    .take(limit)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many articles other than `except` name `day` (constant time in the number of
    /// articles).
    pub fn count_day(&self, day: NaiveDate, except: Option<&PathBuf>) -> usize {
        let all = self.by_day.get(&day).map_or(0, Vec::len);
        let own = except
            .and_then(|p| self.sources.get(&p.display().to_string()))
            .is_some_and(|s| s.days.iter().any(|d| d.date == day));
        all - usize::from(own && all > 0)
    }
}

/// The temporal expression at `offset` (its end counts, so a cursor just after a word works).
pub fn date_at(a: &Analysis, offset: usize) -> Option<&Temporal> {
    a.dates
        .iter()
        .find(|t| t.span.start <= offset && offset < t.span.end)
        .or_else(|| a.dates.iter().find(|t| t.span.end == offset && offset > 0))
}

fn day(d: NaiveDate) -> String {
    format!("{} ({})", d.format("%A, %B %-d, %Y"), d.format("%Y-%m-%d"))
}

/// The resolved value in words.
pub fn value_text(v: &Value) -> Option<String> {
    Some(match v {
        Value::Date(d) => day(*d),
        Value::Range(a, b) => format!("{} – {}", day(*a), day(*b)),
        Value::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1)?
            .format("%B %Y")
            .to_string(),
        Value::Year(y) => format!("{y}"),
        Value::Time { hour, minute, zone } => match zone {
            Some(z) => format!("{hour:02}:{minute:02} {z}"),
            None => format!("{hour:02}:{minute:02}"),
        },
        Value::Unresolved => return None,
    })
}

/// How a value was decided, in words.
pub fn resolution_text(r: Resolution) -> &'static str {
    match r {
        Resolution::Explicit => "explicit: everything needed is written",
        Resolution::Past => "inferred (past): the latest matching day on or before publication",
        Resolution::Future => {
            "inferred (future): the earliest matching day on or after publication"
        }
        Resolution::Relative => "relative: counted from the publication date",
    }
}

/// The document's sources summary, built at the first comparison of this text version.
pub type SummaryMemo = std::sync::OnceLock<Arc<crate::sources::ArticleSummary>>;

/// What other sources say about the thing at byte `offset` of `a` (analysed by `engine`), or
/// None when nothing comparable is there.
pub fn comparison(
    a: &Analysis,
    offset: usize,
    engine: &Engine,
    path: Option<&PathBuf>,
    memo: &SummaryMemo,
) -> Option<Comparison> {
    // only when something comparable is under the cursor, with the document's summary
    // remembered between hovers
    let on_something = a
        .claims
        .iter()
        .any(|c| c.span.start <= offset && offset <= c.span.end)
        || a.entities
            .iter()
            .any(|e| e.span.start <= offset && offset <= e.span.end)
        || a.dates
            .iter()
            .any(|t| t.span.start <= offset && offset <= t.span.end);
    if !on_something {
        return None;
    }
    let this = memo.get_or_init(|| {
        let key = path.map_or_else(String::new, |p| p.display().to_string());
        Arc::new(crate::engine::summarize(&key, a))
    });
    engine.compare_summary_at(this, offset)
}

/// Hover Markdown for the thing at byte `offset` of `a`, if there is something to say.
///
/// `path` is the document's own path (so it is not listed among the other sources);
/// `progress` is set while the workspace index is still being built; `memo` keeps the
/// document's summary for the hovers of one text version.
pub fn hover_markdown(
    a: &Analysis,
    offset: usize,
    ws: &WorkspaceView,
    engine: &Engine,
    path: Option<&PathBuf>,
    progress: Option<Progress>,
    memo: &SummaryMemo,
) -> Option<String> {
    let compare = || {
        comparison(a, offset, engine, path, memo).map(|mut c| {
            c.progress = progress;
            c
        })
    };
    if let Some(t) = date_at(a, offset) {
        let mut md = date_markdown(a, t, ws, path);
        // other sources' dates for the same event
        let c = compare();
        if let Some(table) = c.as_ref().and_then(Comparison::table_markdown) {
            md.push_str("\n\n**The same event in other sources**\n\n");
            md.push_str(&table);
        }
        if let Some(p) = progress {
            md.push_str("\n\n");
            md.push_str(&p.markdown());
        }
        return Some(md);
    }
    // figures and names: the same Markdown as `copydesk compare` (a figure that other
    // sources give, with a link to its story timeline; only when a row is of the same group,
    // since the timeline draws no narrower or wider group and would be empty)
    compare().map(|c| {
        let figure = matches!(c.subject, crate::sources::compare::Subject::Figure { .. })
            && c.rows
                .iter()
                .any(|r| crate::sources::matching::Verdict::same_group_label(&r.verdict));
        super::timeline::with_link(c.markdown(), figure, a, offset, path.map(PathBuf::as_path))
    })
}

fn date_markdown(a: &Analysis, t: &Temporal, ws: &WorkspaceView, path: Option<&PathBuf>) -> String {
    let mut md = String::new();
    let written = crate::escape::markdown(t.span.slice(&a.text));
    match value_text(&t.value) {
        Some(v) => {
            let _ = writeln!(md, "**{v}**\n");
        }
        None => {
            let _ = writeln!(
                md,
                "**{written}**: not resolved (no publication date to count from)\n"
            );
        }
    }
    let _ = writeln!(md, "- written: “{written}” ({})", kind_text(t.kind));
    let _ = writeln!(md, "- resolved: {}", resolution_text(t.resolution));
    if let Some(w) = t.weekday {
        if let Some(d) = t.value.first_day() {
            if matches!(t.value, Value::Date(_)) && d.weekday() != w.weekday {
                let _ = writeln!(
                    md,
                    "- ⚠ the text says {}, but {} is a {}",
                    crate::escape::markdown(w.span.slice(&a.text)),
                    d.format("%B %-d, %Y"),
                    d.format("%A")
                );
            }
        }
    }
    if let Some(p) = &a.article.published {
        let _ = writeln!(
            md,
            "- published: {}",
            crate::escape::markdown(&p.display().to_string())
        );
    }
    if let Value::Date(d) = t.value {
        let others = ws.same_day(d, path, 5);
        if !others.is_empty() {
            let _ = writeln!(
                md,
                "\n**Same day in other sources** ({} in all)\n",
                ws.count_day(d, path)
            );
            for (p, line, words) in others {
                let name = p.file_name().map(|n| n.to_string_lossy().to_string());
                let _ = writeln!(
                    md,
                    "- {}:{line}: “{}”",
                    crate::escape::markdown(&name.unwrap_or_else(|| p.display().to_string())),
                    crate::escape::markdown(&words)
                );
            }
        }
    }
    md.trim_end().to_string()
}

fn kind_text(k: Kind) -> &'static str {
    match k {
        Kind::Date => "a date",
        Kind::Month => "a month",
        Kind::Year => "a year",
        Kind::Weekday => "a weekday",
        Kind::Relative => "relative to publication",
        Kind::Time => "a time of day",
        Kind::Span => "a span of days",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_on_a_weekday_shows_the_date_and_how() {
        let text = " date 2020-10-10 Officials met on Thursday to talk.\n";
        let a = Analysis::new(text);
        let off = text.find("Thursday").unwrap_or(0) + 2;
        let md = hover_markdown(
            &a,
            off,
            &WorkspaceView::default(),
            &Engine::default(),
            None,
            None,
            &SummaryMemo::new(),
        )
        .unwrap_or_default();
        assert!(md.contains("Thursday, October 8, 2020"), "{md}");
        assert!(md.contains("2020-10-08"), "{md}");
        assert!(md.contains("inferred (past)"), "{md}");
        assert!(
            hover_markdown(
                &a,
                0,
                &WorkspaceView::default(),
                &Engine::default(),
                None,
                None,
                &SummaryMemo::new(),
            )
            .is_none()
                || off > 0
        );
        // Any offset is fine.
        let _ = hover_markdown(
            &a,
            usize::MAX,
            &WorkspaceView::default(),
            &Engine::default(),
            None,
            None,
            &SummaryMemo::new(),
        );
    }

    #[test]
    fn same_day_lists_other_sources() {
        let other = " date 2020-10-11 Talks ended on Thursday.\n";
        let mut ws = WorkspaceView::default();
        ws.insert_analysis(PathBuf::from("/src/other.md"), &Analysis::new(other));
        let text = " date 2020-10-10 Officials met on Thursday to talk.\n";
        let a = Analysis::new(text);
        let off = text.find("Thursday").unwrap_or(0);
        let engine = Engine::new(Default::default(), ws.sources.clone());
        let md = hover_markdown(&a, off, &ws, &engine, None, None, &SummaryMemo::new())
            .unwrap_or_default();
        assert!(md.contains("other.md:1"), "{md}");
        ws.remove(&PathBuf::from("/src/other.md"));
        assert!(ws.is_empty());
        assert_eq!(
            ws.same_day(
                chrono::NaiveDate::from_ymd_opt(2020, 10, 8).unwrap_or_default(),
                None,
                5
            )
            .len(),
            0
        );
    }

    #[test]
    fn the_timeline_link_needs_a_figure_of_the_same_group() {
        let story = |n: &str| {
            format!(" date 2024-05-03 The storm that flattened the harbour district killed {n} overnight, the mayor said on Friday.\n")
        };
        let text = story("80 people");
        let a = Analysis::new(&text);
        let off = text.find("80 people").unwrap_or(0);
        let this = PathBuf::from("/news/this.md");
        let hover = |ws: &WorkspaceView| {
            let engine = Engine::new(Default::default(), ws.sources.clone());
            hover_markdown(&a, off, ws, &engine, Some(&this), None, &SummaryMemo::new())
                .unwrap_or_default()
        };
        // only a narrower group elsewhere: shown in the table, but the timeline would be empty
        let mut ws = WorkspaceView::default();
        ws.insert_analysis(
            PathBuf::from("/news/kids.md"),
            &Analysis::new(&story("9 children")),
        );
        let md = hover(&ws);
        assert!(md.contains("9 children"), "{md}");
        assert!(!md.contains("Show story timeline"), "{md}");
        // the same group: the link
        ws.insert_analysis(
            PathBuf::from("/news/toll.md"),
            &Analysis::new(&story("85 people")),
        );
        let md = hover(&ws);
        assert!(md.contains("85 people"), "{md}");
        assert!(
            md.contains("[Show story timeline](command:copydesk.showTimeline?"),
            "{md}"
        );
    }
}
