//! Reading an article: its publication date (dateline header or front matter), paragraphs,
//! sentences and subheads, all as byte spans into the original text.

mod dateline;
mod front_matter;
mod furniture;
pub(crate) use furniture::bullet;
mod markdown;
mod sentences;
pub use sentences::{dateline_dash_len, is_dateline_place, wire_dateline};

pub use front_matter::{FrontMatter, FrontMatterFormat, BYLINE_KEYS, DATE_KEYS, OUTLET_KEYS};

use crate::text::Span;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How precisely the publication date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day: `2020-10-08`.
    Day,
    /// A month only: `2020-10` (the date is the first of the month).
    Month,
}

/// Where the publication date was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The ` date YYYY-MM-DD` header line.
    Dateline,
    /// A front-matter key (the key's name).
    FrontMatter(String),
}

/// The article's publication date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The date (first of the month for month precision).
    pub date: NaiveDate,
    /// Day or month precision.
    pub precision: Precision,
    /// The exact text of the date value (e.g. `2017-07-11`), the span a fix replaces.
    pub span: Span,
    /// Where it came from.
    pub source: DateSource,
}

impl Published {
    /// The publication date as the header writes it (`2020-10-08` or `2020-10`).
    pub fn display(&self) -> String {
        match self.precision {
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
            Precision::Month => self.date.format("%Y-%m").to_string(),
        }
    }
    /// The last day this publication date may stand for (end of month for month precision).
    pub fn latest(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => last_day_of_month(self.date),
        }
    }
}

/// A problem with the header or front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderProblem {
    /// What is wrong, in an editor's words.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Running text.
    Text,
    /// A short line without final punctuation, or a Markdown heading.
    Subhead,
}

/// A paragraph: a block of text separated by blank lines (or a standalone short line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, trimmed.
    pub span: Span,
    /// Text or subhead.
    pub kind: ParagraphKind,
    /// Indices into [`Article::sentences`].
    pub sentences: std::ops::Range<usize>,
}

/// A sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, trimmed.
    pub span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
}

/// A line inside the text that states when the page was published ("DW | 06.11.2020",
/// "Published 7:15 am Tuesday, March 3, 2020").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationLine {
    /// The whole line.
    pub line: Span,
    /// The date expression in it.
    pub span: Span,
    /// The date it states.
    pub date: NaiveDate,
}

/// An article read from one version of one file.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The publication date, if the header or front matter gives one.
    pub published: Option<Published>,
    /// The dateline header token (` date 2020-10-08`) or the whole front-matter block.
    pub header: Option<Span>,
    /// Front matter, when the file has a block.
    pub front_matter: Option<FrontMatter>,
    /// Problems reading the header or front matter.
    pub header_problems: Vec<HeaderProblem>,
    /// Where the body starts and ends.
    pub body: Span,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Byte spans that are not prose, sorted and not overlapping: comments (`<!-- … -->`),
    /// code blocks and code spans, HTML tags, link targets, images (read with pulldown-cmark).
    pub skipped: Vec<Span>,
    /// Paragraphs dropped as page furniture that is other stories (related-story lists, video
    /// playlists; see `furniture.rs`), in order; they are in [`Article::skipped`] too.
    pub furniture: Vec<Span>,
}

impl Article {
    /// True when the file looks like an article (a dateline header or a front-matter date).
    pub fn is_article(&self) -> bool {
        self.published.is_some() || self.front_matter.as_ref().is_some_and(|f| f.has_date_key)
    }

    /// The front-matter value of the first of `keys` present.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        let fm = self.front_matter.as_ref()?;
        keys.iter().find_map(|k| fm.get(k))
    }

    /// The outlet the front matter names (see [`OUTLET_KEYS`]).
    pub fn outlet(&self) -> Option<&str> {
        self.meta(OUTLET_KEYS)
    }

    /// True when the front matter names an outlet or a byline.
    pub fn names_outlet_or_byline(&self) -> bool {
        self.outlet().is_some() || self.meta(BYLINE_KEYS).is_some()
    }

    /// The sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// Reads an article: header or front matter, then paragraphs and sentences.
pub fn read(text: &str) -> Article {
    let mut article = Article::default();
    let mut body_start = 0;
    if let Some(fm) = front_matter::parse(text) {
        body_start = fm.span.end;
        article.header = Some(fm.span);
        article.header_problems.extend(fm.problems.iter().cloned());
        article.published = fm.published.clone();
        article.front_matter = Some(fm);
    } else if let Some(dl) = dateline::parse(text) {
        body_start = dl.header.end;
        article.header = Some(dl.header);
        match dl.published {
            Ok(p) => article.published = Some(p),
            Err(problem) => article.header_problems.push(problem),
        }
    }
    article.body = Span::new(body_start, text.len());
    let markdown = markdown::read(text, article.body);
    // the splitter reads the text with code, tags and link targets blanked out, so they
    // neither end a sentence nor join a paragraph
    let masked = markdown::mask(text, &markdown.not_prose);
    sentences::split(&masked, &mut article, &markdown.block_starts);
    furniture::drop_furniture(&masked, &mut article);
    let mut skipped = std::mem::take(&mut article.skipped);
    skipped.extend(markdown.not_prose);
    skipped.sort_by_key(|s| (s.start, s.end));
    article.skipped = markdown::merge(skipped);
    article
}

impl Article {
    /// The text the analysis reads: `text` with every [`Article::skipped`] span blanked out
    /// (same length and line breaks, so every byte span still points into `text`).
    pub fn prose<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        markdown::mask(text, &self.skipped)
    }
}

/// The last day of the month of `d`.
pub fn last_day_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_dateline_article() {
        let t = " date 2020-10-08 The council met on Thursday. Mr. Smith said so.\n\nPower cuts ahead\n\nIt will meet again.";
        let a = read(t);
        let p = a.published.as_ref().map(|p| p.display());
        assert_eq!(p.as_deref(), Some("2020-10-08"));
        assert_eq!(
            a.published.as_ref().map(|p| p.span.slice(t)),
            Some("2020-10-08")
        );
        let sents: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(t)).collect();
        assert_eq!(
            sents,
            [
                "The council met on Thursday.",
                "Mr. Smith said so.",
                "Power cuts ahead",
                "It will meet again."
            ]
        );
        assert_eq!(a.paragraphs[1].kind, ParagraphKind::Subhead);
        assert!(a.is_article());
    }

    #[test]
    fn month_precision_dateline() {
        let a = read("date 2020-10 Something happened.");
        let p = a.published.as_ref().map(|p| (p.display(), p.precision));
        assert_eq!(p, Some(("2020-10".to_string(), Precision::Month)));
    }

    #[test]
    fn impossible_dateline_is_a_problem_not_a_crash() {
        let a = read(" date 2020-13-45 Text.");
        assert!(a.published.is_none());
        assert_eq!(a.header_problems.len(), 1);
    }

    #[test]
    fn plain_markdown_is_not_an_article() {
        let a = read("# README\n\nThis is a project.\n");
        assert!(!a.is_article());
    }
}
