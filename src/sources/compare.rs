//! The comparison a reader sees for a figure, a date or a name.
//!
//! [`comparison_at`] builds a [`Comparison`] (plain data); its renderers turn it into the
//! Markdown of `copydesk compare` and the language server's hover ([`Comparison::markdown`],
//! [`Comparison::table_markdown`]) and into JSON ([`Comparison::to_json`], the
//! `copydesk.showComparisons` command). Every text that comes from an article is rendered here
//! and only here, so escaping applies in one place ([`cell`]).

use super::{ArticleSummary, ClaimSummary, EventSummary, Index, NameSummary};
use crate::figures::attribution;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Rows shown in one table; the rest are counted ("… and 12 more sources").
pub const MAX_ROWS: usize = 50;

/// What sits under the cursor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Subject {
    /// A figure of this article.
    Figure {
        /// The figure's words.
        text: String,
        /// Its measure category (`killed`, `count`, …).
        measure: String,
        /// Who says so in this article.
        source: Option<String>,
        /// Whether that source is named (not vague).
        named: bool,
    },
    /// A dated event of this article.
    Event {
        /// The date's words.
        text: String,
        /// The day it resolves to.
        date: NaiveDate,
    },
    /// A person named in this article.
    Name {
        /// The name without a title.
        name: String,
        /// The title, when given.
        title: Option<String>,
    },
}

/// Another source's figure, date or spelling of the name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The other article's path.
    pub path: String,
    /// Its outlet.
    pub outlet: String,
    /// Its publication date, when known.
    pub published: Option<NaiveDate>,
    /// Their figure, date or name, as written.
    pub text: String,
    /// The measure of their figure (figures only).
    pub measure: Option<String>,
    /// The day their date resolves to (events only).
    pub date: Option<NaiveDate>,
    /// Who says so there (figures), or the person's title there (names).
    pub source: Option<String>,
    /// How it relates ("agrees", "differs", …); for names, "same" or "spelled differently".
    pub verdict: String,
    /// Byte span of their words in their file.
    pub span: (usize, usize),
    /// How many other articles carry their very text (copies of one wire story).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub copies: usize,
}

/// Indexing still under way: how many of the articles found are indexed so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Articles indexed so far.
    pub done: usize,
    /// Articles found.
    pub total: usize,
}

impl Progress {
    /// "The comparison is still being built: comparing with 1,240 of 3,000 articles…".
    pub fn markdown(&self) -> String {
        if self.total == 0 {
            return "_The comparison is still being built: looking for articles… hover again for the full table._".to_string();
        }
        format!(
            "_The comparison is still being built: comparing with {} of {} articles… hover again for the full table._",
            thousands(self.done),
            thousands(self.total)
        )
    }
}

/// What other sources say about one figure, date or name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The thing under the cursor.
    pub subject: Subject,
    /// Its bytes in this article.
    pub span: (usize, usize),
    /// Every matching row, best first (renderers show [`MAX_ROWS`]).
    pub rows: Vec<Row>,
    /// Set while the workspace index is still being built.
    pub progress: Option<Progress>,
    /// How many other articles carry this article's very text (wire copies).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub copies: usize,
    /// The story line ("Story: 12 outlets, 3–6 June 2023"), when other sources report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The story line: "12 outlets, 3–6 June 2023" over this article, the rows and the outlets
/// of their copies (`copy_outlets`).
fn story_line(this: &ArticleSummary, rows: &[Row], copy_outlets: &[&str]) -> Option<String> {
    if rows.is_empty() {
        return None;
    }
    let mut outlets: Vec<&str> = rows.iter().map(|r| r.outlet.as_str()).collect();
    outlets.push(&this.outlet);
    outlets.extend_from_slice(copy_outlets);
    outlets.sort_unstable();
    outlets.dedup();
    let days: Vec<NaiveDate> = rows
        .iter()
        .filter_map(|r| r.published)
        .chain(this.published)
        .collect();
    let span = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(", {}", a.format("%-d %B %Y")),
        (Some(a), Some(b)) if (a.year(), a.month()) == (b.year(), b.month()) => {
            format!(", {}–{}", a.format("%-d"), b.format("%-d %B %Y"))
        }
        (Some(a), Some(b)) => format!(", {} – {}", a.format("%-d %B"), b.format("%-d %B %Y")),
        _ => String::new(),
    };
    Some(format!("Story: {} outlets{span}", outlets.len()))
}

/// Escapes article-controlled text (outlets, figures, names, sources) for Markdown and HTML
/// ([`crate::escape::markdown`], pipes included): the one place article text enters the
/// Markdown.
pub fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Owned(crate::escape::markdown(s))
}

/// The outlet of a row, with the number of its copies: "Coast Wire (and 3 copies, same text)".
fn outlet_cell(r: &Row) -> String {
    match r.copies {
        0 => cell(&r.outlet).into_owned(),
        1 => format!("{} (and 1 copy, same text)", cell(&r.outlet)),
        n => format!(
            "{} (and {} copies, same text)",
            cell(&r.outlet),
            thousands(n)
        ),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "unknown".to_string(), |d| d.to_string())
}

fn measure_words(measure: &str) -> &str {
    match measure {
        "count" | "other" => "",
        m => m,
    }
}

/// Groups digits by thousands ("3,000").
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The comparison for whatever sits at byte `offset` of `this` (a figure, a date or a name),
/// or None when nothing comparable is there.
pub fn comparison_at(
    index: &Index,
    this: &ArticleSummary,
    offset: usize,
    window_days: i64,
) -> Option<Comparison> {
    let mut c = comparison_of(index, this, offset, window_days)?;
    let own = index.copies_of(this);
    c.copies = own.len();
    let mut copy_outlets: Vec<&str> = own.iter().map(|a| a.outlet.as_str()).collect();
    for r in &mut c.rows {
        if let Some(a) = index.get(&r.path) {
            let theirs = index.copies_of(a);
            r.copies = theirs.len();
            copy_outlets.extend(theirs.iter().map(|a| a.outlet.as_str()));
        }
    }
    c.story = story_line(this, &c.rows, &copy_outlets);
    Some(c)
}

/// The comparison for the figure, event or name of `this` at byte `offset`, in that order.
fn comparison_of(
    index: &Index,
    this: &ArticleSummary,
    offset: usize,
    window_days: i64,
) -> Option<Comparison> {
    let inside = |(s, e): (usize, usize)| s <= offset && offset <= e;
    if let Some(c) = this.claims.iter().find(|c| inside(c.span)) {
        return Some(figure_comparison(index, this, c, window_days));
    }
    if let Some(e) = this.events.iter().find(|e| inside(e.span)) {
        return Some(event_comparison(index, this, e, window_days));
    }
    let n = this.names.iter().find(|n| inside(n.span))?;
    Some(name_comparison(index, this, n, window_days))
}

/// The figures of other articles that count what figure `c` counts.
fn figure_comparison(
    index: &Index,
    this: &ArticleSummary,
    c: &ClaimSummary,
    window_days: i64,
) -> Comparison {
    let rows = index
        .claim_matches(this, c, window_days)
        .iter()
        .map(|m| Row {
            path: m.article.path.clone(),
            outlet: m.article.outlet.clone(),
            published: m.article.published,
            text: m.claim.text.clone(),
            measure: Some(m.claim.measure.clone()),
            date: None,
            source: m.claim.source.clone(),
            verdict: m.verdict.label().to_string(),
            span: m.claim.span,
            copies: 0,
        })
        .collect();
    Comparison {
        subject: Subject::Figure {
            text: c.text.clone(),
            measure: c.measure.clone(),
            source: c.source.clone(),
            named: c.named,
        },
        span: c.span,
        rows,
        progress: None,
        copies: 0,
        story: None,
    }
}

/// The dates other articles give for event `e`.
fn event_comparison(
    index: &Index,
    this: &ArticleSummary,
    e: &EventSummary,
    window_days: i64,
) -> Comparison {
    let rows = index
        .event_matches(this, e, window_days)
        .iter()
        .map(|m| Row {
            path: m.article.path.clone(),
            outlet: m.article.outlet.clone(),
            published: m.article.published,
            text: m.event.text.clone(),
            measure: None,
            date: Some(m.event.date),
            source: None,
            verdict: m.verdict.label().to_string(),
            span: m.event.span,
            copies: 0,
        })
        .collect();
    Comparison {
        subject: Subject::Event {
            text: e.text.clone(),
            date: e.date,
        },
        span: e.span,
        rows,
        progress: None,
        copies: 0,
        story: None,
    }
}

/// How other articles write name `n`: the same or spelled differently.
fn name_comparison(
    index: &Index,
    this: &ArticleSummary,
    n: &NameSummary,
    window_days: i64,
) -> Comparison {
    let rows = index
        .name_uses(this, &n.name, window_days)
        .into_iter()
        .filter(|u| u.article.path != this.path)
        .map(|u| Row {
            path: u.article.path.clone(),
            outlet: u.article.outlet.clone(),
            published: u.article.published,
            text: u.name.name.clone(),
            measure: None,
            date: None,
            source: u.name.title.clone(),
            verdict: if u.name.name == n.name {
                "same".to_string()
            } else {
                "spelled differently".to_string()
            },
            span: u.name.span,
            copies: 0,
        })
        .collect();
    Comparison {
        subject: Subject::Name {
            name: n.name.clone(),
            title: n.title.clone(),
        },
        span: n.span,
        rows,
        progress: None,
        copies: 0,
        story: None,
    }
}

/// The comparison Markdown for whatever sits at byte `offset` of `this`, or None when nothing
/// comparable is there (see [`comparison_at`] and [`Comparison::markdown`]).
pub fn markdown_at(
    index: &Index,
    this: &ArticleSummary,
    offset: usize,
    window_days: i64,
) -> Option<String> {
    comparison_at(index, this, offset, window_days).map(|c| c.markdown())
}

impl Comparison {
    /// The whole Markdown: what is under the cursor, then the table (or why there is none).
    pub fn markdown(&self) -> String {
        let mut md = self.heading_markdown();
        if let Some(s) = &self.story {
            md.push_str(&format!("{}\n\n", cell(s)));
        }
        if self.copies > 0 {
            md.push_str(&format!(
                "Also in {} other {}, same text.\n\n",
                thousands(self.copies),
                if self.copies == 1 {
                    "outlet"
                } else {
                    "outlets"
                }
            ));
        }
        if let Some(p) = self.progress {
            md.push_str(&p.markdown());
            md.push_str("\n\n");
        }
        match self.table_markdown() {
            Some(t) => md.push_str(&t),
            None if self.progress.is_some() => {}
            None => md.push_str(match self.subject {
                Subject::Figure { .. } => "No other source in the workspace reports this figure.\n",
                Subject::Event { .. } => "No other source in the workspace dates this event.\n",
                Subject::Name { .. } => "No other source in the workspace names this person.\n",
            }),
        }
        md
    }

    /// The first paragraph: the figure, date or name and what this article says of it.
    pub fn heading_markdown(&self) -> String {
        match &self.subject {
            Subject::Figure {
                text,
                measure,
                source,
                named,
            } => {
                let mut md = format!("**{}**", cell(text));
                let m = measure_words(measure);
                if !m.is_empty() {
                    md.push_str(&format!(" ({m})"));
                }
                match source {
                    Some(s) => md.push_str(&format!(
                        " — {}{}\n\n",
                        cell(&attribution::according_to(s)),
                        if *named || attribution::is_unnamed(s) {
                            ""
                        } else {
                            " (a vague source)"
                        }
                    )),
                    None => md.push_str(" — no source given in this article\n\n"),
                }
                md
            }
            Subject::Event { text, date } => {
                format!("**{}** = {}\n\n", cell(text), date.format("%A, %-d %B %Y"))
            }
            Subject::Name { name, title } => {
                let mut md = format!("**{}**", cell(name));
                if let Some(t) = title {
                    md.push_str(&format!(", {}", cell(t)));
                }
                md.push_str("\n\n");
                md
            }
        }
    }

    /// The table of other sources (at most [`MAX_ROWS`] rows, the rest counted), or None
    /// when no other source speaks of it.
    pub fn table_markdown(&self) -> Option<String> {
        if self.rows.is_empty() {
            return None;
        }
        let mut md = String::new();
        match &self.subject {
            Subject::Figure { .. } => {
                md.push_str("| Outlet | Published | Their figure | Attributed to | Verdict |\n|---|---|---|---|---|\n");
                for r in self.rows.iter().take(MAX_ROWS) {
                    let w = measure_words(r.measure.as_deref().unwrap_or(""));
                    let fig = if w.is_empty() {
                        cell(&r.text).into_owned()
                    } else {
                        format!("{} {w}", cell(&r.text))
                    };
                    md.push_str(&format!(
                        "| {} | {} | {} | {} | {} |\n",
                        outlet_cell(r),
                        date(r.published),
                        fig,
                        r.source
                            .as_deref()
                            .map_or(std::borrow::Cow::Borrowed("no source"), |s| {
                                std::borrow::Cow::Owned(cell(&attribution::shown(s)).into_owned())
                            }),
                        r.verdict
                    ));
                }
            }
            Subject::Event { .. } => {
                md.push_str("| Outlet | Published | Their date | Verdict |\n|---|---|---|---|\n");
                for r in self.rows.iter().take(MAX_ROWS) {
                    md.push_str(&format!(
                        "| {} | {} | {} ({}) | {} |\n",
                        outlet_cell(r),
                        date(r.published),
                        cell(&r.text),
                        r.date
                            .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
                        r.verdict
                    ));
                }
            }
            Subject::Name { name, .. } => {
                md.push_str("| Outlet | Published | Name | Title |\n|---|---|---|---|\n");
                for r in self.rows.iter().take(MAX_ROWS) {
                    let spelled = if r.text == *name {
                        cell(&r.text).into_owned()
                    } else {
                        format!("**{}** (spelled differently)", cell(&r.text))
                    };
                    md.push_str(&format!(
                        "| {} | {} | {} | {} |\n",
                        outlet_cell(r),
                        date(r.published),
                        spelled,
                        r.source
                            .as_deref()
                            .map_or(std::borrow::Cow::Borrowed("—"), cell)
                    ));
                }
            }
        }
        if self.rows.len() > MAX_ROWS {
            md.push_str(&format!(
                "\n… and {} more sources\n",
                self.rows.len() - MAX_ROWS
            ));
        }
        Some(md)
    }

    /// The comparison as JSON (`copydesk.showComparisons` with `{"format": "json"}`): the
    /// subject, its span, every row and the indexing progress.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_line_and_wire_copies_are_shown() {
        let wire = " date 2031-05-13 The ferry stuck on the sandbar held up 90 barges on Tuesday, the river authority said, as tugs worked to free it.\n";
        let later = " date 2031-05-15 The ferry stuck on the sandbar has now held up 141 barges, the river authority said, as tugs worked again to free it.\n";
        let mut index = Index::new();
        let files = [
            ("a.txt", wire),
            ("b.txt", wire),
            ("c.txt", later),
            ("d.txt", later),
        ];
        for (path, text) in files {
            index.insert(crate::engine::summarize(
                path,
                &crate::analysis::Analysis::new(text),
            ));
        }
        let Some(a) = index.get("a.txt").cloned() else {
            panic!("a.txt not indexed");
        };
        let Some(c) = a.claims.first() else {
            panic!("no figure in a.txt");
        };
        let Some(cmp) = comparison_at(&index, &a, c.span.0, 21) else {
            panic!("no comparison");
        };
        assert_eq!(cmp.copies, 1);
        let md = cmp.markdown();
        assert!(md.contains("Also in 1 other outlet, same text."), "{md}");
        // the copy is not compared with itself, and the later text is one row (c.txt, the
        // first of its copies) that says it has a copy
        assert_eq!(cmp.rows.len(), 1, "{:?}", cmp.rows);
        assert!(cmp.rows.iter().all(|r| r.path == "c.txt"), "{:?}", cmp.rows);
        assert_eq!(cmp.rows[0].copies, 1);
        assert!(md.contains("(and 1 copy, same text)"), "{md}");
        // four outlets carry the story: each text twice
        assert!(md.contains("Story: 4 outlets, 13–15 May 2031"), "{md}");
    }

    #[test]
    fn a_source_reads_as_words_in_the_heading() {
        let heading = |source: &str| {
            Comparison {
                subject: Subject::Figure {
                    text: "nine ferries".into(),
                    measure: "count".into(),
                    source: Some(source.into()),
                    named: false,
                },
                span: (0, 12),
                rows: Vec::new(),
                progress: None,
                copies: 0,
                story: None,
            }
            .heading_markdown()
        };
        assert!(heading("unnamed (she)").contains("— according to an unnamed source\n"));
        assert!(heading("unnamed (were counted)").contains("— with no source named\n"));
        assert!(heading("The harbour staff").contains("according to the harbour staff (a vague"));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1240), "1,240");
        assert_eq!(thousands(3_000_000), "3,000,000");
    }

    #[test]
    fn progress_replaces_the_empty_table_message() {
        let mut c = Comparison {
            subject: Subject::Figure {
                text: "twelve boats".into(),
                measure: "count".into(),
                source: Some("harbour staff".into()),
                named: false,
            },
            span: (0, 12),
            rows: Vec::new(),
            progress: None,
            copies: 0,
            story: None,
        };
        assert!(c.markdown().contains("No other source"));
        assert!(c.markdown().contains("(a vague source)"));
        c.progress = Some(Progress {
            done: 1240,
            total: 3000,
        });
        let md = c.markdown();
        assert!(
            md.contains("comparing with 1,240 of 3,000 articles"),
            "{md}"
        );
        assert!(!md.contains("No other source"), "{md}");
        assert_eq!(c.to_json()["subject"]["kind"], "figure");
    }
}
