//! Temporal expressions: finding dates, weekdays, relative words, years, times and spans in
//! prose, and resolving them against the publication date.
//!
//! Extraction ([`extract`]) works on the tokens of one sentence at a time; resolution uses the
//! tense of the clause around the expression ([`tense`]) the way HeidelTime and
//! Recognizers-Text do: a year-less date in a past-tense clause points back, in a future-tense
//! clause forward.

pub mod lexicon;
mod parse;
mod resolve;
pub mod tense;

use crate::text::Span;
use chrono::{NaiveDate, Weekday};
use serde::Serialize;

pub use parse::{parse_expressions, MonthRef, Raw, Unit, WeekRef};
pub use resolve::{add_days, shift_months};
pub use tense::Tense;

/// The shape of a temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A calendar day ("October 10", "2020-10-08", "the 27th").
    Date,
    /// A month ("September 2020", "in October").
    Month,
    /// A year ("in 1994").
    Year,
    /// A weekday without a date ("on Thursday", "next Sunday").
    Weekday,
    /// A day or period relative to publication ("yesterday", "two days ago", "last week").
    Relative,
    /// A time of day ("noon", "08:00 UTC", "4 p.m. ET").
    Time,
    /// A stretch of time ("since September 27", "from 9 to 12 October").
    Span,
}

/// How a value was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// Everything needed was written (a year, or a full numeric date).
    Explicit,
    /// Inferred as the latest matching day on or before publication (past-tense clause, "since", "last").
    Past,
    /// Inferred as the earliest matching day on or after publication (future-tense clause, "next").
    Future,
    /// Counted from the publication date ("yesterday", "two days ago", "last week").
    Relative,
}

/// A resolved value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A day.
    Date(NaiveDate),
    /// An inclusive range of days.
    Range(NaiveDate, NaiveDate),
    /// A month of a year.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// A time of day with an optional zone.
    Time {
        /// Hour 0–23.
        hour: u32,
        /// Minute 0–59.
        minute: u32,
        /// Zone as written ("UTC", "ET", "local time").
        zone: Option<String>,
    },
    /// Could not be resolved (no publication date to count from).
    Unresolved,
}

impl Value {
    /// The value as JSON: an ISO date string, or `{"start","end"}` for a span, or null.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Value::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
            Value::Range(a, b) => {
                json!({"start": a.format("%Y-%m-%d").to_string(), "end": b.format("%Y-%m-%d").to_string()})
            }
            Value::Month(y, m) => json!(format!("{y:04}-{m:02}")),
            Value::Year(y) => json!(format!("{y:04}")),
            Value::Time { hour, minute, zone } => match zone {
                Some(z) => json!(format!("T{hour:02}:{minute:02} {z}")),
                None => json!(format!("T{hour:02}:{minute:02}")),
            },
            Value::Unresolved => serde_json::Value::Null,
        }
    }

    /// The first day the value covers, if it is a calendar value.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) | Value::Range(d, _) => Some(*d),
            Value::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1),
            Value::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            _ => None,
        }
    }

    /// The last day the value covers, if it is a calendar value.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) | Value::Range(_, d) => Some(*d),
            Value::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1).map(last_day_of_month),
            Value::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            _ => None,
        }
    }
}

/// A weekday written next to a date ("Thursday, Oct. 9").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatedWeekday {
    /// The weekday named.
    pub weekday: Weekday,
    /// The weekday word (without a trailing period or comma).
    pub span: Span,
}

/// One temporal expression found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Temporal {
    /// The exact words.
    pub span: Span,
    /// Its shape.
    pub kind: Kind,
    /// Its resolved value.
    pub value: Value,
    /// How the value was decided.
    pub resolution: Resolution,
    /// The raw parse (what was written, before resolution).
    pub raw: Raw,
    /// A weekday written with a date.
    pub weekday: Option<StatedWeekday>,
    /// Tense of the clause around the expression.
    pub tense: Tense,
    /// Index of the sentence it is in.
    pub sentence: Option<usize>,
}

impl Temporal {
    /// True when the expression names a calendar day or a span of days with a year written out.
    pub fn year_stated(&self) -> bool {
        self.raw.year_stated()
    }
}

pub use crate::article::last_day_of_month;

/// Finds every temporal expression of an article's body and resolves it against `published`.
pub fn extract(
    text: &str,
    article: &crate::article::Article,
    published: Option<NaiveDate>,
) -> Vec<Temporal> {
    let mut out = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        extract_sentence(text, s.span, Some(si), published, &mut out);
    }
    out
}

/// Like [`extract`], on sentences already tokenized (one token list per sentence).
pub fn extract_with<'a>(
    text: &'a str,
    article: &crate::article::Article,
    published: Option<NaiveDate>,
    sentence_tokens: &crate::text::SentenceToks<'a>,
) -> Vec<Temporal> {
    let mut out = Vec::new();
    for (si, toks) in sentence_tokens
        .iter()
        .enumerate()
        .take(article.sentences.len())
    {
        // only a word with something besides ASCII letters may hold a hyphen
        let maybe_joined = sentence_tokens.summary(si).is_some_and(|s| !s.all_plain);
        if maybe_joined && parse::needs_split(toks) {
            let split = parse::split_joined(text, toks.to_vec());
            extract_tokens(&split, Some(si), published, &mut out);
        } else {
            extract_tokens(toks, Some(si), published, &mut out);
        }
    }
    out
}

/// Finds and resolves the temporal expressions of one sentence.
pub fn extract_sentence(
    text: &str,
    sentence: Span,
    index: Option<usize>,
    published: Option<NaiveDate>,
    out: &mut Vec<Temporal>,
) {
    let toks = parse::tokens(text, sentence);
    extract_tokens(&toks, index, published, out);
}

/// Finds and resolves the temporal expressions of one tokenized sentence.
fn extract_tokens(
    toks: &[crate::text::Tok],
    index: Option<usize>,
    published: Option<NaiveDate>,
    out: &mut Vec<Temporal>,
) {
    let found = parse_expressions(toks);
    if found.is_empty() {
        return;
    }
    let markers = tense::Markers::new(toks);
    for m in found {
        let span = Span::new(toks[m.start].span.start, toks[m.end - 1].span.end);
        let tense = tense::clause_tense(toks, &markers, m.start, m.end);
        let (kind, value, resolution) = resolve::resolve(&m.raw, published, tense);
        let weekday = m.weekday_tok.map(|i| StatedWeekday {
            weekday: m.raw.weekday().unwrap_or(Weekday::Mon),
            span: toks[i].span,
        });
        out.push(Temporal {
            span,
            kind,
            value,
            resolution,
            raw: m.raw,
            weekday,
            tense,
            sentence: index,
        });
    }
}

#[cfg(test)]
mod tests;
