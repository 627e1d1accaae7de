//! Temporal expressions: finding dates, weekdays, relative words, years, times and spans in
//! prose, and resolving them against the publication date.
//!
//! Extraction ([`extract`]) works on the tokens of one sentence at a time; resolution uses the
//! tense of the clause around the expression ([`tense`]) the way HeidelTime and
//! Recognizers-Text do: a year-less date in a past-tense clause points back, in a future-tense
//! clause forward.

pub mod anchored;
pub mod extent;
pub mod lexicon;
mod named;
mod parse;
mod resolve;
pub mod tense;
pub mod timex;
mod vague;

use crate::text::Span;
use chrono::{NaiveDate, Weekday};
use serde::Serialize;

pub use parse::{parse_expressions, MonthRef, Raw, Unit, WeekRef};
pub use resolve::{add_days, near_days, shift_months};
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

/// True for a year used as a modifier after a determiner or possessive ("the 2030 target",
/// "its 1990 invasion"): it names what something is about, not when the clause happened.
pub fn modifier_year(text: &str, t: &Temporal) -> bool {
    if !matches!(t.raw, Raw::Year(_)) {
        return false;
    }
    let before = text.get(..t.span.start).unwrap_or("").trim_end();
    let mut words = before.rsplit(|c: char| c.is_whitespace());
    let word = words.next().unwrap_or("");
    if parse::is_year_determiner(word) {
        return true;
    }
    // "his unsuccessful 1996 campaign": an adjective between them
    let adjective = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase());
    adjective && words.next().is_some_and(parse::is_year_determiner)
}

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
    year_ago_quarters(text, published, &mut out);
    dated_runs(article, published, &mut out);
    chronology_years(text, article, &mut out);
    out
}

/// In a quarterly report ("third-quarter profit rose to $5 million from $4 million a year
/// earlier") "a year ago" and "a year earlier" name the same quarter a year before: the
/// quarter the article reports (its first "first/second/third/fourth quarter"), of the year
/// before. Without such a quarter, or far from any word "quarter" ([`quarter_near`]), they stay
/// a year.
fn year_ago_quarters(text: &str, published: Option<NaiveDate>, out: &mut [Temporal]) {
    let Some(p) = published else {
        return;
    };
    let year_ago = |t: &Temporal| {
        let a_year = matches!(
            t.raw,
            Raw::Offset {
                years: -1,
                months: 0,
                days: 0,
                business: false
            }
        ) && t
            .span
            .slice(text)
            .get(..2)
            .is_some_and(|a| a.eq_ignore_ascii_case("a "));
        // "the corresponding period last year"
        let last_year = matches!(
            t.raw,
            Raw::Period {
                unit: Unit::Year,
                offset: -1
            }
        );
        a_year || (last_year && extent::same_period_lead(text, t.span.start).is_some())
    };
    if !out.iter().any(year_ago) {
        return;
    }
    let Some(n) = reported_quarter(text) else {
        return;
    };
    let y = timex::named_quarter_year(p, n) - 1;
    let (Some(a), Some(b)) = (
        NaiveDate::from_ymd_opt(y, 3 * n - 2, 1),
        NaiveDate::from_ymd_opt(y, 3 * n, 1).map(last_day_of_month),
    ) else {
        return;
    };
    for t in out
        .iter_mut()
        .filter(|t| year_ago(t) && quarter_near(text, t.span))
    {
        t.value = Value::Range(a, b);
    }
}

/// How many bytes before a year-ago expression a word "quarter" is looked for.
const QUARTER_BEFORE: usize = 1000;
/// How many bytes after it.
const QUARTER_AFTER: usize = 150;

/// True when "quarter" is written near `span`: a year-ago figure in the report of a quarter, not
/// a year-ago told far from it in the same article ("met a year ago", "I would not have said it
/// a year ago" two thousand bytes after the quarter's figures).
fn quarter_near(text: &str, span: crate::text::Span) -> bool {
    let from = crate::text::floor_char_boundary(text, span.start.saturating_sub(QUARTER_BEFORE));
    let to = crate::text::floor_char_boundary(text, span.end.saturating_add(QUARTER_AFTER));
    text.get(from..to)
        .is_some_and(|w| w.to_ascii_lowercase().contains("quarter"))
}

/// A run of weekday-dated entries in calendar order ("Monday, Nov. 9: …", "Friday, Dec. 4: …",
/// "Tuesday, Jan. 12: …"): an entry written without its year whose weekday does not fall on the
/// value it was given takes the year the run implies (the year of the entry before it, one more
/// when its month and day come earlier in the year) when its weekday falls on that day. The
/// entry before must itself be a weekday-dated day whose weekday fits, at most two sentences
/// back; otherwise the value stays, and a weekday that fits no such year stays a mismatch. An
/// entry moved after an entry that lies ahead of publication is told as still to come.
fn dated_runs(
    article: &crate::article::Article,
    published: Option<NaiveDate>,
    out: &mut [Temporal],
) {
    use chrono::Datelike;
    let Some(p) = published else {
        return;
    };
    let para = |s: Option<usize>| {
        s.and_then(|i| article.sentences.get(i))
            .map(|x| x.paragraph)
    };
    // the last entry of the run so far: its day and sentence
    let mut last: Option<(NaiveDate, usize)> = None;
    for t in out.iter_mut() {
        let (
            Raw::Date {
                y,
                m,
                d,
                wd: Some(w),
            },
            Value::Date(v),
            Some(si),
        ) = (&t.raw, &t.value, t.sentence)
        else {
            continue;
        };
        let (y, m, d, w, v) = (*y, *m, *d, *w, *v);
        let prev = last.filter(|(_, ps)| {
            si >= *ps
                && si - ps <= 2
                && para(Some(si))
                    .zip(para(Some(*ps)))
                    .is_some_and(|(a, b)| a.saturating_sub(b) <= 2)
        });
        let mut fixed = v;
        if let (None, true, Some((pd, _))) = (y, v.weekday() != w, prev) {
            let back = (m, d) < (pd.month(), pd.day());
            let year = pd.year() + i32::from(back);
            let nearby = (p.year() - 1..=p.year() + 1).contains(&year);
            if let Some(c) =
                NaiveDate::from_ymd_opt(year, m, d).filter(|c| nearby && c.weekday() == w)
            {
                fixed = c;
                t.value = Value::Date(c);
                t.resolution = if c <= p {
                    Resolution::Past
                } else {
                    Resolution::Future
                };
                // a run that already lies ahead of publication is a schedule: its entries
                // are still to come, whatever a participle in an entry's text says
                if pd > p && c > p {
                    t.tense = Tense::Future;
                }
            }
        }
        last = (fixed.weekday() == w).then_some((fixed, si));
    }
}

/// A chronology: paragraphs that each open with a year set off by a dash or a colon ("1930 -
/// Born April 3 in …", "1989: Hosts a summit in June. The wall falls in November."). When at
/// least two paragraphs open so, a year-less day or month of such a paragraph whose year was
/// only inferred from the tense takes the heading's year (a weekday written with the day must
/// fall on it).
fn chronology_years(text: &str, article: &crate::article::Article, out: &mut [Temporal]) {
    use chrono::Datelike;
    let para = |t: &Temporal| {
        t.sentence
            .and_then(|i| article.sentences.get(i))
            .map(|x| (x.paragraph, x.span.start))
    };
    let mut headings: Vec<(usize, i32)> = Vec::new();
    for t in out.iter() {
        let (Raw::Year(y), Some((pi, start))) = (&t.raw, para(t)) else {
            continue;
        };
        let first_of_paragraph = article
            .sentences
            .iter()
            .find(|s| s.paragraph == pi)
            .is_some_and(|s| s.span.start == start);
        let rest = text.get(t.span.end..).unwrap_or("");
        let set_off = rest.starts_with(" - ")
            || rest.starts_with(" -- ")
            || rest.starts_with(" – ")
            || rest.starts_with(": ");
        if t.span.start == start && first_of_paragraph && set_off {
            headings.push((pi, *y));
        }
    }
    if headings.len() < 2 {
        return;
    }
    for t in out.iter_mut() {
        let inferred = matches!(t.resolution, Resolution::Past | Resolution::Future);
        let Some(y) = para(t)
            .and_then(|(pi, _)| headings.iter().find(|(hp, _)| *hp == pi))
            .map(|(_, y)| *y)
            .filter(|_| inferred)
        else {
            continue;
        };
        let value = match t.raw {
            Raw::Month { y: None, m } => Some(Value::Month(y, m)),
            Raw::Date { y: None, m, d, wd } => NaiveDate::from_ymd_opt(y, m, d)
                .filter(|c| wd.is_none_or(|w| c.weekday() == w))
                .map(Value::Date),
            _ => None,
        };
        if let Some(v) = value {
            t.value = v;
            t.resolution = Resolution::Relative;
        }
    }
}

/// The quarter a text names most often as "first/second/third/fourth quarter" (or
/// "third-quarter"); of equals, the one named first. A fiscal quarter ("the fiscal first
/// quarter") counts only when the text names no calendar one: its number is the company's.
pub(crate) fn reported_quarter(text: &str) -> Option<u32> {
    // counts and order of first mention, calendar quarters [0] and fiscal ones [1]
    let mut counts = [[0u32; 5]; 2];
    let mut first: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
    use crate::text::{word_before, Gap};
    for (at, _) in text.match_indices("quarter") {
        let (start, word) = word_before(text, at, Gap::Hyphens);
        // a whole word: after a space, a line break, a hyphen, a parenthesis or nothing
        let whole = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | '\n' | '-' | '('));
        if let Some(n) = timex::quarter_number(&word.to_ascii_lowercase()).filter(|_| whole) {
            // "fiscal" ends the word before ("the fiscal first quarter")
            let (_, rest) = word_before(text, start, Gap::Hyphens);
            let fiscal = rest
                .get(rest.len().saturating_sub(6)..)
                .is_some_and(|w| w.eq_ignore_ascii_case("fiscal"));
            let k = usize::from(fiscal);
            counts[k][n as usize] += 1;
            if !first[k].contains(&n) {
                first[k].push(n);
            }
        }
    }
    let k = usize::from(first[0].is_empty());
    let most = first[k].iter().map(|n| counts[k][*n as usize]).max()?;
    first[k]
        .iter()
        .copied()
        .find(|n| counts[k][*n as usize] == most)
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
    year_ago_quarters(text, published, &mut out);
    dated_runs(article, published, &mut out);
    chronology_years(text, article, &mut out);
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
    let frame = framing_year(toks, &found)
        .map(|(after, y)| (after, y, false))
        .or_else(|| framing_year_ago(toks, &found, published).map(|(after, y)| (after, y, true)));
    // the year and month of the last date written with its year in the sentence
    let mut anchor: Option<(i32, u32)> = None;
    // the last match when it was a year before a noun ("their 2010 high"): where it ends, the year
    let mut held: Option<(usize, i32)> = None;
    // the last match when it was a day: where it ends, its month and its value
    let mut listed: Option<(usize, u32, Value)> = None;
    // where this sentence's dates start in `out`, and each one's tokens
    let first = out.len();
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut found = found.into_iter().peekable();
    while let Some(m) = found.next() {
        let mut span = Span::new(toks[m.start].span.start, toks[m.end - 1].span.end);
        let year_stated = matches!(m.raw, Raw::Date { y: Some(_), .. });
        let tense = tense::clause_tense(toks, &markers, m.start, m.end, year_stated);
        let tense = saying_tense(toks, m.start, m.end, tense);
        let tense = deadline_tense(toks, m.start, &m.raw, tense);
        let tense = come_tense(toks, m.start, &m.raw, tense);
        let tense = booked_tense(toks, m.start, &m.raw, tense);
        let tense = schedule_tense(toks, m.start, &m.raw, tense);
        let tense = modal_tense(toks, &markers, (m.start, m.end), &m.raw, tense);
        let tense = attributive_tense(toks, m.start, m.end, &m.raw, published, tense);
        let (kind, mut value, mut resolution) = resolve::resolve(&m.raw, published, tense);
        // "June last year", "January 5 this year": the year named after the date
        if let Some(next) = found.next_if(|n| {
            n.start == m.end
                && matches!(
                    n.raw,
                    Raw::Period {
                        unit: Unit::Year,
                        ..
                    }
                )
                && matches!(
                    m.raw,
                    Raw::Month { y: None, .. } | Raw::Date { y: None, .. }
                )
        }) {
            if let (Some(p), Raw::Period { offset, .. }) = (published, &next.raw) {
                if let Some(v) = with_relative_year(&m.raw, p, *offset) {
                    value = v;
                    resolution = Resolution::Relative;
                }
            }
            span.end = toks[next.end - 1].span.end;
        }
        // "In 2011, the firm hired in March": the year the sentence opens with
        if let (Some(p), Some((after, y, relative))) = (published, frame) {
            let inferred = matches!(resolution, Resolution::Past | Resolution::Future)
                && (!relative || frame_agrees(y, p, tense));
            if m.start >= after && inferred {
                if let Some(v) = with_relative_year(
                    &m.raw,
                    p,
                    i64::from(y) - i64::from(chrono::Datelike::year(&p)),
                ) {
                    value = v;
                    resolution = Resolution::Relative;
                }
            }
        }
        // "passed in March 1996 and took effect in June": the year written earlier
        if let (Some(p), Some(v)) = (published, anchor.and_then(|a| same_year(&m.raw, a, tense))) {
            if resolution == Resolution::Past && v.last_day().is_some_and(|d| d <= p) {
                value = v;
                resolution = Resolution::Relative;
            }
        }
        // "their 2010 high of $31.58 in April": the past year of the noun the month dates
        if let (Some(p), Some((after, y))) = (published, held) {
            if let Some(v) = held_year_month(toks, after, m.start, &m.raw, p, y) {
                value = v;
                resolution = Resolution::Relative;
            }
        }
        held = match m.raw {
            Raw::Year(y) if year_modifies_noun(toks, m.start, m.end) => Some((m.end, y)),
            _ => None,
        };
        // "on April 13 and 14": a day listed after a day of the same month shares its year
        if let (
            Some((pe, pm, pv)),
            Raw::Date {
                y: None, m: mo, d, ..
            },
        ) = (&listed, &m.raw)
        {
            let joined = toks[*pe..m.start]
                .iter()
                .all(|t| t.is_punct(',') || t.is_punct('&') || t.is("and") || t.is("or"));
            let year = pv.first_day().map(|f| chrono::Datelike::year(&f));
            let same = year.and_then(|y| NaiveDate::from_ymd_opt(y, *mo, *d));
            if let (true, true, Some(v)) = (joined && *pe < m.start, pm == mo, same) {
                value = Value::Date(v);
            }
        }
        listed = match m.raw {
            Raw::Date { m: mo, .. } => Some((m.end, mo, value.clone())),
            _ => None,
        };
        if let Raw::Date {
            y: Some(y), m: mo, ..
        }
        | Raw::Month { y: Some(y), m: mo } = m.raw
        {
            anchor = Some((y, mo));
        }
        let det = determiner(toks, m.start, &m.raw)
            .map(|d| (m.start, d))
            .or_else(|| {
                let i = m.start.checked_sub(1)?;
                determiner(toks, i, &m.raw).map(|d| (i, d))
            });
        if let (Some(p), Some((at, d))) = (published, det) {
            if let Some(v) = resolve::month_with_determiner(&m.raw, p, d) {
                value = v;
                resolution = Resolution::Relative;
                span.start = toks[at].span.start;
            }
        }
        let weekday = m.weekday_tok.map(|i| StatedWeekday {
            weekday: m.raw.weekday().unwrap_or(Weekday::Mon),
            span: toks[i].span,
        });
        bounds.push((m.start, m.end));
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
    year_written_after(toks, &bounds, &mut out[first..]);
}

/// True when the year at tokens `start..end` modifies a noun: a determiner or possessive right
/// before it and a lowercase word right after it ("their 2010 high", "Velmar's 2008 loss").
fn year_modifies_noun(toks: &[crate::text::Tok], start: usize, end: usize) -> bool {
    let det = start
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| t.kind == crate::text::TokKind::Word && parse::is_year_determiner(t.text));
    let noun = toks.get(end).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word && t.text.starts_with(|c: char| c.is_ascii_lowercase())
    });
    det && noun
}

/// How many tokens may stand between a year before a noun and the month of that noun.
const HELD_YEAR_REACH: usize = 8;

/// "down from their 2010 high of $31.58 in April": a year-less month or day after "in" or "on"
/// that follows a year before a noun (ending at token `after`; year `y`, before publication's
/// year) within `HELD_YEAR_REACH` tokens, with no verb, clause break or joining word between
/// (held-year-breaks.txt), dates that noun: it is of that year.
fn held_year_month(
    toks: &[crate::text::Tok],
    after: usize,
    start: usize,
    raw: &Raw,
    p: NaiveDate,
    y: i32,
) -> Option<Value> {
    use chrono::Datelike;
    let near = after < start && start - after <= HELD_YEAR_REACH;
    let lead = toks.get(start.checked_sub(1)?)?;
    if !(near && y < p.year() && (lead.is("in") || lead.is("on"))) {
        return None;
    }
    let between = toks.get(after..start - 1)?;
    let broken = between.iter().any(|t| {
        [',', ';', ':', '(', ')'].iter().any(|c| t.is_punct(*c)) || lexicon::HELD_YEAR_BREAK.has(t)
    });
    if broken || tense::has_tense_marker(between) {
        return None;
    }
    with_relative_year(raw, p, i64::from(y) - i64::from(p.year()))
}

/// "flooded in March and again in June 1998": a year-less month or day (no weekday written)
/// whose year its tense guessed, followed in the same list by a date that writes its year, with
/// only joining words between (year-after-joiners.txt), takes that year when its month does not
/// come after the later date's. `bounds` are the token ranges of `dates`, in order.
fn year_written_after(
    toks: &[crate::text::Tok],
    bounds: &[(usize, usize)],
    dates: &mut [Temporal],
) {
    for k in (0..dates.len().saturating_sub(1)).rev() {
        let (Some(&(_, end)), Some(&(next, _))) = (bounds.get(k), bounds.get(k + 1)) else {
            continue;
        };
        let guessed = matches!(dates[k].resolution, Resolution::Past | Resolution::Future);
        let joined = end <= next
            && toks[end..next]
                .iter()
                .all(|t| t.is_punct(',') || lexicon::YEAR_AFTER_JOIN.has(t));
        if !(guessed && joined) {
            continue;
        }
        let later = match dates[k + 1].raw {
            Raw::Date { y: Some(y), m, .. } | Raw::Month { y: Some(y), m } => (y, m),
            _ => continue,
        };
        let v = match dates[k].raw {
            Raw::Month { y: None, m } if m <= later.1 => Some(Value::Month(later.0, m)),
            Raw::Date {
                y: None,
                m,
                d,
                wd: None,
            } if m <= later.1 => NaiveDate::from_ymd_opt(later.0, m, d).map(Value::Date),
            _ => None,
        };
        if let Some(v) = v {
            dates[k].value = v;
            dates[k].resolution = Resolution::Relative;
        }
    }
}

/// "In 2011, …", "In 2011 the …": a sentence opening with a year as its frame; the token after
/// the comma (or the year), and the year, which the year-less months and days after it belong
/// to. Not a year that opens a range ("In 2011 and 2012").
fn framing_year(toks: &[crate::text::Tok], found: &[parse::Match]) -> Option<(usize, i32)> {
    let first = found.first()?;
    let Raw::Year(y) = first.raw else {
        return None;
    };
    let opens = first.start == 1 && toks[0].is("in") && first.end == 2;
    let next = toks.get(2)?;
    if !opens {
        return None;
    }
    if next.is_punct(',') {
        return Some((3, y));
    }
    let joins = lexicon::YEAR_PAIR.has(next);
    (next.kind == crate::text::TokKind::Word && !joins).then_some((2, y))
}

/// "Last year, …", "Next year the …": a sentence opening with the year before or after
/// publication as its frame, as [`framing_year`] does with a year written out.
fn framing_year_ago(
    toks: &[crate::text::Tok],
    found: &[parse::Match],
    published: Option<NaiveDate>,
) -> Option<(usize, i32)> {
    let first = found.first()?;
    let Raw::Period {
        unit: Unit::Year,
        offset,
    } = first.raw
    else {
        return None;
    };
    if first.start != 0 || offset == 0 {
        return None;
    }
    let y = chrono::Datelike::year(&published?) + i32::try_from(offset).ok()?;
    let next = toks.get(first.end)?;
    if next.is_punct(',') {
        return Some((first.end + 1, y));
    }
    (next.kind == crate::text::TokKind::Word && !lexicon::YEAR_PAIR.has(next))
        .then_some((first.end, y))
}

/// True when the year `y` of a "last year" / "next year" frame may set the year of a month or
/// day told in `tense`: no future for the year before ("Last year, the crop was not sown until
/// May"; not "Last year, it said it would finish in May"), no past for the year after.
fn frame_agrees(y: i32, p: NaiveDate, tense: Tense) -> bool {
    let py = chrono::Datelike::year(&p);
    (y < py && tense != Tense::Future) || (y > py && tense != Tense::Past)
}

/// A year-less month or day told in the past after a date written with its year in the same
/// sentence (`anchor`, its year and month), and in that year when it falls on or after it:
/// "the bill passed in March 1996 and took effect in June" (June 1996). A month before the
/// anchor's may be of the year after, so it is left alone.
fn same_year(raw: &Raw, (y, am): (i32, u32), tense: Tense) -> Option<Value> {
    if tense != Tense::Past {
        return None;
    }
    match raw {
        Raw::Month { y: None, m } if *m >= am => Some(Value::Month(y, *m)),
        Raw::Date { y: None, m, d, .. } if *m >= am => {
            NaiveDate::from_ymd_opt(y, *m, *d).map(Value::Date)
        }
        _ => None,
    }
}

/// A year-less month or day with the year given as "last/this/next year" (`offset` from
/// publication's year).
fn with_relative_year(raw: &Raw, p: NaiveDate, offset: i64) -> Option<Value> {
    use chrono::Datelike;
    let y = p.year().checked_add(i32::try_from(offset).ok()?)?;
    match raw {
        Raw::Month { y: None, m } => Some(Value::Month(y, *m)),
        Raw::Date { y: None, m, d, .. } => NaiveDate::from_ymd_opt(y, *m, *d).map(Value::Date),
        _ => None,
    }
}

/// A date that tells when something was said takes the saying's tense, not the tense of what
/// was said: "said in December it would cut taxes" (the word before it "in", "during" or
/// "on", and a reporting verb before that), and "In December, the ministry said it would…" (a
/// date opening the sentence before a comma, whose first verb after it is the reporting verb).
fn saying_tense(toks: &[crate::text::Tok], start: usize, end: usize, tense: Tense) -> Tense {
    if tense == Tense::Past {
        return tense;
    }
    let lead = |t: &crate::text::Tok| t.is("in") || t.is("during") || t.is("on");
    let after_saying = start >= 2 && lead(&toks[start - 1]) && said(&toks[start - 2]);
    // "added in a Tuesday statement": the day as the modifier of what was said
    let article = |t: &crate::text::Tok| t.is("a") || t.is("an") || t.is("the");
    let said_in_a = start >= 3
        && article(&toks[start - 1])
        && lead(&toks[start - 2])
        && said(&toks[start - 3])
        && toks.get(end).is_some_and(|n| {
            n.kind == crate::text::TokKind::Word
                && n.text.starts_with(|c: char| c.is_ascii_lowercase())
        });
    if after_saying || said_in_a {
        return Tense::Past;
    }
    // "In late April, …": a part of the month between the preposition and the date
    let part = start >= 1 && lexicon::PERIOD_PART.has(&toks[start - 1]);
    let first = start - usize::from(part);
    let opens = first == 0 || (first == 1 && lead(&toks[0]));
    if !(opens && toks.get(end).is_some_and(|t| t.is_punct(','))) {
        return tense;
    }
    // the first reporting verb after the comma, with no other verb before it; not one set
    // off by commas ("On Friday, officials said, the bridge will open")
    let Some(k) = (end + 1..toks.len().min(end + 12)).find(|&k| said(&toks[k])) else {
        return tense;
    };
    let aside = toks.get(k + 1).is_some_and(|t| t.is_punct(','));
    if aside || tense::has_tense_marker(&toks[end + 1..k]) {
        return tense;
    }
    Tense::Past
}

/// True for a reporting verb in the past ("said", "told", "added"): a word of the tense's
/// reporting words that is no present form ("says").
fn said(t: &crate::text::Tok) -> bool {
    t.kind == crate::text::TokKind::Word
        && tense::is_speech_word(&t.text.to_ascii_lowercase())
        && !t.text.ends_with('s')
        && !t.text.ends_with("ing")
}

/// "by Dec. 15", "until March 3", "payable Dec. 7", "whose term runs to September": a deadline
/// points ahead unless its clause is told in the past, and then the nearer of the two
/// candidate years is taken.
fn deadline_tense(toks: &[crate::text::Tok], start: usize, raw: &Raw, tense: Tense) -> Tense {
    let yearless = yearless_day_or_month(raw);
    let lead = start.checked_sub(1).and_then(|i| toks.get(i));
    // "runs to September", "lasts into March": a running term's end
    let term_end = lead.is_some_and(|t| t.is("to") || t.is("into"))
        && start
            .checked_sub(2)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| lexicon::TERM_RUN.has(t));
    let deadline = term_end || lead.is_some_and(|t| lexicon::DEADLINE.has(t));
    match (yearless && deadline, tense) {
        // the present of a running term ("runs to September") is the term still to end
        (true, Tense::Present) if term_end => Tense::Future,
        // "has fallen this year through Oct. 19": no tense marker, the nearer year
        (true, Tense::Past | Tense::Present) => Tense::Present,
        (true, _) => Tense::Future,
        _ => tense,
    }
}

/// True for a day or a month written without its year ("June 28", "in January"), no weekday.
fn yearless_day_or_month(raw: &Raw) -> bool {
    matches!(raw, Raw::Date { y: None, .. } | Raw::Month { y: None, .. })
}

/// True for a day, month or weekday the text gives without its year.
fn yearless_raw(raw: &Raw) -> bool {
    matches!(
        raw,
        Raw::Date { y: None, .. }
            | Raw::Month { y: None, .. }
            | Raw::Weekday {
                week: parse::WeekRef::Infer,
                ..
            }
    )
}

/// "come Tuesday", "Come September": the day or month when it comes, ahead whatever the
/// clause's tense. "come" must open its clause (the sentence, or after a comma, "and" or "but"):
/// after a subject it is the verb ("he did not come Tuesday").
fn come_tense(toks: &[crate::text::Tok], start: usize, raw: &Raw, tense: Tense) -> Tense {
    let yearless = yearless_raw(raw);
    let Some(come) = start.checked_sub(1) else {
        return tense;
    };
    let opens = match come.checked_sub(1).and_then(|i| toks.get(i)) {
        None => true,
        Some(t) => t.kind == crate::text::TokKind::Punct || t.is("and") || t.is("but"),
    };
    if yearless && opens && toks.get(come).is_some_and(|t| t.is("come")) {
        Tense::Future
    } else {
        tense
    }
}

/// "has been called for December", "have been set for Monday": a present perfect passive
/// before "for" and a year-less day or month books the time ahead, though "been" is a past form;
/// so does a past verb of booking with its object ("set the sentencing for June 28": the nearer
/// year, [`set_for`]).
fn booked_tense(toks: &[crate::text::Tok], start: usize, raw: &Raw, tense: Tense) -> Tense {
    let yearless = yearless_raw(raw);
    let at = |back: usize| start.checked_sub(back).and_then(|i| toks.get(i));
    let participle = at(2).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word
            && (t.text.ends_with("ed") || crate::lexicon::sets::PAST_WORDS.contains(t.text))
    });
    let perfect = at(4).is_some_and(|t| t.is("has") || t.is("have"));
    let booked = at(1).is_some_and(|t| t.is("for"))
        && participle
        && at(3).is_some_and(|t| t.is("been"))
        && perfect;
    if yearless && booked && tense != Tense::Future {
        return Tense::Future;
    }
    // "the judge set the sentencing for June 28": a day or month a past verb of booking sets
    // something for is ahead of the booking, so the nearer year, not last year's
    let day_or_month = yearless_day_or_month(raw);
    if day_or_month && tense == Tense::Past && set_for(toks, start) {
        Tense::Present
    } else {
        tense
    }
}

/// "the trial resumes on Monday", "the bank meets Thursday", "trading kicks off on Friday": a
/// year-less weekday right after the present of a verb of a scheduled event
/// ([`lexicon::SCHEDULE_VERBS`]; "on" and a particle such as "off" may stand between) is the
/// coming one, or today: news tells the present of a timetable, not of last week.
fn schedule_tense(toks: &[crate::text::Tok], start: usize, raw: &Raw, tense: Tense) -> Tense {
    let weekday = matches!(
        raw,
        Raw::Weekday {
            week: parse::WeekRef::Infer,
            ..
        }
    );
    if !weekday || tense != Tense::Present {
        return tense;
    }
    let mut k = start;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1).and_then(|i| toks.get(i)) else {
            return tense;
        };
        if lexicon::SCHEDULE_VERBS.has(prev) {
            return Tense::Future;
        }
        // "on", or the particle of a phrasal verb ("kicks off on")
        if !(prev.is("on") || prev.is("off")) {
            return tense;
        }
        k -= 1;
    }
    tense
}

/// How many words of an object may stand between a verb of booking and "for" ("set the
/// sentencing for", "booked a hall for").
const BOOKED_OBJECT_WORDS: usize = 4;

/// True when "for" comes right before token `start` and a verb of booking-verbs.txt comes at
/// most `BOOKED_OBJECT_WORDS` words before it, words alone between.
fn set_for(toks: &[crate::text::Tok], start: usize) -> bool {
    let Some(lead) = start.checked_sub(1) else {
        return false;
    };
    if !toks[lead].is("for") {
        return false;
    }
    let from = lead.saturating_sub(BOOKED_OBJECT_WORDS + 1);
    toks[from..lead]
        .iter()
        .rev()
        .take_while(|t| t.kind == crate::text::TokKind::Word)
        .any(|t| lexicon::BOOKING.has(t))
}

/// "the source said the firm could announce its decision in January": a year-less day or month
/// after a modal of what may come and its bare verb ([`tense::hangs_on_modal`]), in a clause
/// told in the past only by its reporting verb, takes the nearer year, not last year's; a bare
/// weekday there ("could announce a plan as soon as Monday, a broker said") is the coming one.
fn modal_tense(
    toks: &[crate::text::Tok],
    markers: &tense::Markers,
    (start, end): (usize, usize),
    raw: &Raw,
    tense: Tense,
) -> Tense {
    let day_or_month = yearless_day_or_month(raw);
    let weekday = matches!(
        raw,
        Raw::Weekday {
            week: parse::WeekRef::Infer,
            ..
        }
    ) && adverbial_day(toks, markers, start, end);
    if tense != Tense::Past
        || !(day_or_month || weekday)
        || !tense::hangs_on_modal(toks, markers, start)
    {
        tense
    } else if weekday {
        Tense::Future
    } else {
        Tense::Present
    }
}

/// True when the day at tokens `start..end` tells when, not which thing: no possessive
/// ("Thursday's close"), no article or possessive before it ("their Monday vote"), and no
/// quotation mark or verb right after it ("a report on Wednesday showed").
fn adverbial_day(
    toks: &[crate::text::Tok],
    markers: &tense::Markers,
    start: usize,
    end: usize,
) -> bool {
    use crate::lexicon::sets::{ARTICLES, POSSESSIVES};
    let last = &toks[end - 1];
    let possessive = last.text.ends_with("'s") || last.text.ends_with("’s");
    let owned = start
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|p| ARTICLES.has(p) || POSSESSIVES.has(p));
    let next = toks.get(end);
    let quote = next.is_some_and(|n| n.text == "\"" || n.text == "“" || n.text == "”");
    let verb = next.is_some() && markers.get(end).is_some();
    !(possessive || owned || quote || verb)
}

/// A year-less day used as a noun's modifier ("the Jan. 14 deadline", "Wednesday's ruling") or
/// reached by a change of schedule ("extended to Nov. 20") names a fixed day, not the time of
/// the clause's verb: in a past-tense clause, a day up to a month after publication is taken
/// over the same day a year back. So is a month as a modifier after "the" or "for" ("cocoa for
/// March delivery fell", "orders for November transactions"): the next month, not last year's.
fn attributive_tense(
    toks: &[crate::text::Tok],
    start: usize,
    end: usize,
    raw: &Raw,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Tense {
    let day = matches!(
        raw,
        Raw::Date { y: None, .. }
            | Raw::DayOfMonth { .. }
            | Raw::Weekday {
                week: parse::WeekRef::Infer,
                ..
            }
    );
    let last = &toks[end - 1];
    let possessive = last.text.ends_with("'s") || last.text.ends_with("’s");
    if possessive && day && tense == Tense::Future && reported_future(toks, start) {
        return Tense::Present;
    }
    // "for March delivery", "the November contracts": a month as a noun's modifier
    let month = matches!(raw, Raw::Month { y: None, .. });
    let (Some(p), true, Tense::Past) = (published, day || month, tense) else {
        return tense;
    };
    let prev = start.checked_sub(1).and_then(|i| toks.get(i));
    let lead = prev.is_some_and(|t| t.is("the") || (month && t.is("for")));
    let modifier = lead
        && toks.get(end).is_some_and(|t| {
            t.kind == crate::text::TokKind::Word
                && t.text.starts_with(|c: char| c.is_ascii_lowercase())
                && !crate::lexicon::sets::NOUN_STOP_SET.contains(t.text)
        });
    let rescheduled = rescheduled_day(toks, start);
    if !(possessive || modifier || rescheduled) {
        return tense;
    }
    // a new day is ahead of the change that set it: the coming one ("postponed until Monday")
    let ahead = if rescheduled {
        Tense::Future
    } else {
        Tense::Present
    };
    let (_, v, _) = resolve::resolve(raw, published, ahead);
    let near = v
        .first_day()
        .is_some_and(|d| d > p && (d - p).num_days() <= 31);
    if near {
        ahead
    } else {
        tense
    }
}

/// True for a day a change of schedule sets: "extended to Nov. 20", "postponing the hearing until
/// Monday" (a verb of reschedule-verbs.txt, then at most a short object, then "to", "until" or
/// "till" right before the day; no comma or clause break between).
fn rescheduled_day(toks: &[crate::text::Tok], start: usize) -> bool {
    const WINDOW: usize = 6;
    let Some(lead) = start.checked_sub(1).and_then(|i| toks.get(i)) else {
        return false;
    };
    if !(lead.is("to") || lead.is("until") || lead.is("till")) {
        return false;
    }
    let from = start.saturating_sub(1 + WINDOW);
    toks[from..start - 1]
        .iter()
        .rev()
        .take_while(|t| t.kind == crate::text::TokKind::Word || t.text == "'s" || t.text == "’s")
        .any(|t| crate::lexicon::sets::RESCHEDULE_WORDS.contains(t.text))
}

/// True when "would" comes before token `start` in its sentence: a future seen from a past
/// moment ("said they would fight Wednesday's ruling"), which does not place a day named as an
/// event ahead of publication.
fn reported_future(toks: &[crate::text::Tok], start: usize) -> bool {
    toks.get(..start)
        .is_some_and(|before| before.iter().any(|t| t.is("would")))
}

/// "last" / "this" / "next" written as the first word of a year-less month ("last April").
fn determiner(toks: &[crate::text::Tok], start: usize, raw: &Raw) -> Option<i32> {
    if !matches!(raw, Raw::Month { y: None, .. }) {
        return None;
    }
    let t = toks.get(start)?;
    [("last", -1), ("this", 0), ("next", 1)]
        .iter()
        .find(|(w, _)| t.is(w))
        .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests;
