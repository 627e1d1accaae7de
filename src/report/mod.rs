//! The report model: what `copydesk report` shows, as plain data (no HTML).
//!
//! Built from the checked articles (analysis and findings) and the sources index, the way
//! `claims --with-matches` and `check` read it: a **figure slot** is a figure and every
//! figure [`Index::claim_matches`] pairs with it in the same group (agrees, differs,
//! updated), closed over the pairs; a **story** is the group of articles linked by such
//! pairs (the index only pairs figures of articles it takes for the same story). Large
//! workspaces are summarised by [`Limits`]: what is left out is counted, never silently lost.
//!
//! Pure: no I/O; the HTML renderer (`cli::printer::html`) reads only this model.

mod build;

pub use build::{build, focus, Input};

use chrono::NaiveDate;

/// How much of a large workspace the page shows.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Stories drawn with charts.
    pub stories: usize,
    /// Charts (figure slots) per story.
    pub slots_per_story: usize,
    /// Markers (and table rows) per chart.
    pub points_per_slot: usize,
    /// Rows in the list of every story.
    pub story_rows: usize,
    /// Articles whose findings are listed.
    pub articles: usize,
    /// Findings listed per article.
    pub findings_per_article: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            stories: 20,
            slots_per_story: 4,
            points_per_slot: 30,
            story_rows: 300,
            articles: 200,
            findings_per_article: 12,
        }
    }
}

/// The whole page.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// A title for the page.
    pub title: String,
    /// Articles checked.
    pub articles: usize,
    /// Articles with at least one finding.
    pub articles_with_findings: usize,
    /// Findings per severity: error, warning, info, hint.
    pub severity_counts: [usize; 4],
    /// Findings per rule: (rule, counts per severity as above), most first.
    pub by_rule: Vec<(String, [usize; 4])>,
    /// Articles with findings, the most serious first (at most `Limits::articles`).
    pub files: Vec<ArticleFindings>,
    /// Articles with findings left out of `files`.
    pub files_omitted: usize,
    /// Stories with at least one figure slot, the most contested first.
    pub stories: Vec<Story>,
    /// Stories left out of `stories` (beyond `Limits::story_rows`).
    pub stories_omitted: usize,
    /// True when the page shows one figure's timeline only (`--figure`).
    pub focused: bool,
}

/// One article's findings.
#[derive(Clone, Debug, Default)]
pub struct ArticleFindings {
    /// The path as given.
    pub path: String,
    /// The outlet (front matter, else the file name).
    pub outlet: String,
    /// The publication date as written in the header.
    pub published: Option<String>,
    /// Findings in position order.
    pub findings: Vec<FindingRow>,
    /// Findings left out.
    pub omitted: usize,
}

/// One finding, with its sentence.
#[derive(Clone, Debug, Default)]
pub struct FindingRow {
    /// Rule id.
    pub rule: String,
    /// "error", "warning", "info" or "hint".
    pub severity: String,
    /// The message.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// The sentence (or line) around the finding, split at the flagged words.
    pub context: Highlighted,
    /// The fix: what it does and the new text.
    pub fix: Option<(String, String)>,
}

/// A sentence cut around a highlighted part: `before`, `marked`, `after`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// Text before the highlighted words.
    pub before: String,
    /// The highlighted words.
    pub marked: String,
    /// Text after them.
    pub after: String,
}

/// Articles the index takes for one story, with their figure slots.
#[derive(Clone, Debug, Default)]
pub struct Story {
    /// Stable id within the page (`s1`, `s2`, …).
    pub id: String,
    /// A title: the first sentence of the earliest article.
    pub title: String,
    /// Number of articles in the story.
    pub articles: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// Earliest and latest publication dates.
    pub from: Option<NaiveDate>,
    /// Latest publication date.
    pub to: Option<NaiveDate>,
    /// Pairs that differ, over every slot.
    pub conflicts: usize,
    /// Pairs where a later source updates an earlier count.
    pub updates: usize,
    /// The charts drawn (at most `Limits::slots_per_story`; empty for stories listed only).
    pub slots: Vec<Slot>,
    /// Slots not drawn.
    pub slots_omitted: usize,
}

/// One figure as the sources tell it over time.
#[derive(Clone, Debug, Default)]
pub struct Slot {
    /// Stable id within the page (`s1-f2`).
    pub id: String,
    /// What is counted ("killed: people").
    pub label: String,
    /// The markers, oldest first (at most `Limits::points_per_slot`).
    pub points: Vec<Point>,
    /// Markers left out.
    pub omitted: usize,
    /// Pairs that differ.
    pub conflicts: usize,
    /// Pairs where a later source updates an earlier count.
    pub updates: usize,
}

/// How a marker relates to the other figures of its slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Agrees with every figure it was compared with.
    Agrees,
    /// A later, higher count than a figure it was compared with (an update).
    Updated,
    /// Cannot be right together with another source's figure.
    Conflict,
}

impl Mark {
    /// Words for a table cell and a marker label.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Agrees => "agrees",
            Mark::Updated => "update",
            Mark::Conflict => "conflict",
        }
    }
}

/// One figure of one article: a marker on a chart.
#[derive(Clone, Debug, Default)]
pub struct Point {
    /// The article's path.
    pub path: String,
    /// Its outlet.
    pub outlet: String,
    /// Its publication date (None: drawn in the "undated" column).
    pub published: Option<NaiveDate>,
    /// 1-based line of the figure.
    pub line: u32,
    /// 1-based character column.
    pub column: u32,
    /// Byte offset of the figure in its file.
    pub start_byte: usize,
    /// Lowest value.
    pub min: f64,
    /// Highest value; None when open ("at least 60").
    pub max: Option<f64>,
    /// The qualifier as written.
    pub qualifier: Option<String>,
    /// The sentence with the figure highlighted (only the figure when the article was not
    /// checked in this run).
    pub sentence: Highlighted,
    /// Who says so.
    pub source: Option<String>,
    /// True when the source is named.
    pub named: bool,
    /// How it relates to the others.
    pub mark: Option<Mark>,
}

impl Point {
    /// The value a marker sits at: the number written ("at least 60" at 60, "up to 40" at 40).
    pub fn anchor(&self) -> f64 {
        match self.max {
            None => self.min,
            Some(max) if self.min <= 0.0 && max > 0.0 => max,
            Some(max) if (max - self.min).abs() < f64::EPSILON => self.min,
            Some(max) if self.qualifier.is_some() => self.min.max(0.0).min(max),
            Some(max) => (self.min + max) / 2.0,
        }
    }
}

/// Formats a value for labels: "1,300", "2.5", "1.2 million".
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "?".to_string();
    }
    if v.abs() >= 1e6 {
        let m = v / 1e6;
        return if m.fract().abs() < 1e-9 {
            format!("{} million", group_thousands(m as i64))
        } else {
            format!("{m:.1} million")
        };
    }
    if v.fract().abs() < 1e-9 {
        group_thousands(v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// "at least 60", "50–60", "133": a point's value in words.
pub fn value_text(p: &Point) -> String {
    match (p.max, p.qualifier.as_deref()) {
        (None, Some(q)) => format!("{q} {}", format_value(p.min)),
        (None, None) => format!("≥ {}", format_value(p.min)),
        (Some(max), _) if (max - p.min).abs() < f64::EPSILON => format_value(p.min),
        (Some(max), Some(q)) if p.min <= 0.0 => format!("{q} {}", format_value(max)),
        (Some(max), _) => format!("{}–{}", format_value(p.min), format_value(max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_written() {
        assert_eq!(format_value(1300.0), "1,300");
        assert_eq!(format_value(2.5), "2.5");
        assert_eq!(format_value(-1234567.0), "-1.2 million");
        assert_eq!(format_value(3_000_000.0), "3 million");
        assert_eq!(format_value(f64::NAN), "?");
        let open = Point {
            min: 60.0,
            max: None,
            qualifier: Some("at least".into()),
            ..Point::default()
        };
        assert_eq!(value_text(&open), "at least 60");
        assert_eq!(open.anchor(), 60.0);
        let up_to = Point {
            min: 0.0,
            max: Some(40.0),
            qualifier: Some("up to".into()),
            ..Point::default()
        };
        assert_eq!(value_text(&up_to), "up to 40");
        assert_eq!(up_to.anchor(), 40.0);
        let range = Point {
            min: 50.0,
            max: Some(60.0),
            ..Point::default()
        };
        assert_eq!(value_text(&range), "50–60");
        assert_eq!(range.anchor(), 55.0);
    }
}
