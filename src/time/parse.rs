//! The grammar of temporal expressions, over the tokens of one sentence.
//!
//! Each `*_at` method tries one family of forms at a token index and returns the index just
//! past the match; [`parse_expressions`] keeps the longest match at each position.

use super::lexicon::season;
use super::lexicon::{
    cardinal, is_month_abbrev, is_ordinal_suffix, month, tok_cardinal, tok_follows_lead, tok_month,
    tok_ordinal, tok_trigger, tok_weekday, weekday, zone, Trigger, AFTER_DARK, AHEAD, ANCHOR_DAY,
    ARTICLE_COUNT, BACK, BEFORE_NOW, BUSINESS_DAY, CLOCK_HOURS, CLOCK_LEAD, DASHED_DAY_LEAD,
    DAY_LIST_AND, DAY_LIST_END, DAY_PART_LEAD, DAY_SIDE, DAY_WEEK, DET, FORWARD, HALF_FIRST,
    HALF_SECOND, HOURS_LEAD, MERIDIEM, MIDNIGHT, MONTH_LEAD_UNLESS_NAME, MONTH_REF, MONTH_VERB,
    NAME_LEAD, NOON, NOT_AFTER_DAY, NOT_AFTER_IN, NOT_CLOCK, NOW, NTH_OF, OFFSET_UNIT,
    ORDINAL_LAST, PARTS_OF_DAY, PERIOD_NEXT, PERIOD_PART, PERIOD_THIS, PM, RANGE_TO, TOMORROW,
    WEEKDAY_DATED, WEEKDAY_LAST, WEEKDAY_NAMED_DATED, WEEKDAY_THIS, YEAR_PAIR,
};
use crate::lexicon::class;
use crate::lexicon::sets::{INDEFINITE_ARTICLES, PREPOSITIONS, YEAR_DETERMINERS};
use crate::lexicon::WordSet;
use crate::text::{adjacent, tokenize, Span, Tok, TokKind};
use chrono::Weekday;
use std::ops::ControlFlow;

/// Which week a weekday lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekRef {
    /// Not said: decided by tense.
    Infer,
    /// The week relative to publication (0 this week, 1 next week, -1 last week; weeks start on Monday).
    Offset(i64),
    /// The most recent such day strictly before publication ("past Monday").
    Past,
    /// This week's, or the nearest one on the side of publication the clause's tense names
    /// ("this Sunday" told in the past on a Wednesday is the Sunday just gone).
    This,
    /// The first such day strictly after publication ("coming Monday").
    Ahead,
}

/// Which month a day-of-month or nth weekday lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthRef {
    /// Not said: decided by tense.
    Infer,
    /// A named month (year decided by tense).
    Named(u32),
    /// Relative to the publication month (0 this month, 1 next, -1 previous).
    Offset(i64),
}

/// The unit of a relative period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// A temporal expression as written, before it is resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Raw {
    /// A calendar day; the year may be missing.
    Date {
        /// Year, when written.
        y: Option<i32>,
        /// Month 1–12.
        m: u32,
        /// Day 1–31.
        d: u32,
        /// Weekday written with it.
        wd: Option<Weekday>,
    },
    /// A month; the year may be missing.
    Month {
        /// Year, when written.
        y: Option<i32>,
        /// Month 1–12.
        m: u32,
    },
    /// A year.
    Year(i32),
    /// A day of a month given only by its number ("the 27th", "20th of next month").
    DayOfMonth {
        /// Day 1–31.
        d: u32,
        /// Which month.
        month: MonthRef,
        /// Weekday written with it ("Thursday the 21st").
        wd: Option<Weekday>,
    },
    /// A weekday.
    Weekday {
        /// The weekday.
        wd: Weekday,
        /// Which week.
        week: WeekRef,
    },
    /// The nth weekday of a month ("the first Friday of July", "the last Sunday of March").
    NthWeekday {
        /// 1–5, or 0 for the last one of the month.
        n: u32,
        /// The weekday.
        wd: Weekday,
        /// Which month.
        month: MonthRef,
    },
    /// An offset from publication ("yesterday", "two days ago", "in 3 weeks").
    Offset {
        /// Years.
        years: i64,
        /// Months.
        months: i64,
        /// Days.
        days: i64,
        /// Counted in business days.
        business: bool,
    },
    /// The nth such weekday after publication ("two Sundays from now").
    WeekdaysAhead {
        /// How many.
        n: u32,
        /// Which weekday.
        wd: Weekday,
    },
    /// A period relative to publication ("last week", "this year").
    Period {
        /// Week, month or year.
        unit: Unit,
        /// 0 this, -1 last, 1 next.
        offset: i64,
    },
    /// A time of day.
    Time {
        /// Hour 0–23.
        hour: u32,
        /// Minute.
        minute: u32,
        /// Zone as written.
        zone: Option<String>,
    },
    /// From the inner point until publication ("since September 27").
    Since(Box<Raw>),
    /// From one point to another ("from 9 to 12 October").
    Range(Box<Raw>, Box<Raw>),
}

impl Raw {
    /// True when a year is written.
    pub fn year_stated(&self) -> bool {
        match self {
            Raw::Date { y, .. } | Raw::Month { y, .. } => y.is_some(),
            Raw::Year(_) => true,
            Raw::Since(r) => r.year_stated(),
            Raw::Range(a, b) => a.year_stated() || b.year_stated(),
            _ => false,
        }
    }
    /// The weekday written in the expression, if any.
    pub fn weekday(&self) -> Option<Weekday> {
        match self {
            Raw::Date { wd, .. } | Raw::DayOfMonth { wd, .. } => *wd,
            Raw::Weekday { wd, .. }
            | Raw::NthWeekday { wd, .. }
            | Raw::WeekdaysAhead { wd, .. } => Some(*wd),
            Raw::Since(r) => r.weekday(),
            _ => None,
        }
    }
}

/// One match: token range and what it means.
#[derive(Clone, Debug)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The parse.
    pub raw: Raw,
    /// The token of a weekday written next to a date.
    pub weekday_tok: Option<usize>,
}

/// Tokens of a sentence, with words that join month or weekday names by hyphens split apart
/// ("friday-jun-15").
pub fn tokens(text: &str, span: Span) -> Vec<Tok<'_>> {
    split_joined(text, tokenize(text, span))
}

/// True when some word joins a month or weekday name with hyphens and must be split.
pub fn needs_split(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        t.kind == TokKind::Word
            && t.text.contains('-')
            && t.text
                .split('-')
                .any(|p| month(p).is_some() || weekday(p).is_some())
    })
}

/// Splits words that join month or weekday names by hyphens ("friday-jun").
pub fn split_joined<'a>(text: &'a str, toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    if !needs_split(&toks) {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len() + 4);
    for t in toks {
        if t.kind == TokKind::Word
            && t.text.contains('-')
            && t.text
                .split('-')
                .any(|p| month(p).is_some() || weekday(p).is_some())
            && super::lexicon::ordinal(t.text).is_none()
            && cardinal(t.text).is_none()
        {
            let mut off = t.span.start;
            for (k, part) in t.text.split('-').enumerate() {
                if k > 0 {
                    out.push(Tok::new(
                        TokKind::Punct,
                        &text[off..off + 1],
                        Span::new(off, off + 1),
                    ));
                    off += 1;
                }
                if !part.is_empty() {
                    out.push(Tok::new(
                        TokKind::Word,
                        &text[off..off + part.len()],
                        Span::new(off, off + part.len()),
                    ));
                }
                off += part.len();
            }
        } else {
            out.push(t);
        }
    }
    out
}

/// Finds all temporal expressions in a token sequence, longest match first, left to right.
pub fn parse_expressions(toks: &[Tok]) -> Vec<Match> {
    let p = P { t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    // the trigger of the token after a lead word, kept for when the loop gets there
    let mut ahead: Option<(usize, Trigger)> = None;
    while i < toks.len() {
        let t = &toks[i];
        let worth = match t.kind {
            TokKind::Punct => false,
            TokKind::Num => true,
            TokKind::Word => match cached_or(ahead, i, t) {
                Trigger::None => false,
                Trigger::Core => true,
                Trigger::Lead => toks.get(i + 1).is_some_and(|n| {
                    n.kind == TokKind::Num
                        || (n.kind == TokKind::Word && {
                            let tr = tok_trigger(n);
                            ahead = Some((i + 1, tr));
                            tr == Trigger::Core || tok_follows_lead(n)
                        })
                }),
            },
        };
        if !worth {
            i += 1;
            continue;
        }
        let best = p.at(i);
        if let Some(list) = p
            .coordinated_at(i)
            .filter(|l| l.last().map(|m| m.end) > best.as_ref().map(|m| m.end))
        {
            i = list.last().map_or(i + 1, |m| m.end);
            out.extend(list.into_iter().map(|m| trim_period(toks, m)));
            continue;
        }
        match best {
            Some(m) if m.end > i => {
                i = m.end;
                out.push(trim_period(toks, m));
            }
            _ => i += 1,
        }
    }
    carry_years_back(&p, &mut out);
    out
}

/// "March and April 2021", "June 5 and July 9, 2020", "May, June and July of 2019": a month or
/// day without its year, listed before one with it (joined by a comma, "and" or "or", the months
/// rising), takes that year.
fn carry_years_back(p: &P, out: &mut [Match]) {
    for k in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &tail[0]);
        let Some((y, mb)) = year_and_month(&b.raw) else {
            continue;
        };
        let joined = match b.start.checked_sub(a.end) {
            Some(1) => p.punct_is(a.end, ',') || p.word_in(a.end, &DAY_LIST_AND),
            Some(2) => p.punct_is(a.end, ',') && p.word_in(a.end + 1, &DAY_LIST_AND),
            _ => false,
        };
        match &mut a.raw {
            Raw::Month { y: ya @ None, m }
            | Raw::Date {
                y: ya @ None, m, ..
            } if joined && *m <= mb => {
                *ya = Some(y);
            }
            _ => {}
        }
    }
}

/// A calendar day, month-led, day-led or numeric, that starts at token `i` ("May 6", "6 May",
/// "5/6/2021"), with the token after it.
pub(super) fn day_at(toks: &[Tok], i: usize) -> Option<(usize, Raw)> {
    P { t: toks }.date_at(i, false)
}

/// The year and month of a month or day written with its year.
fn year_and_month(raw: &Raw) -> Option<(i32, u32)> {
    match raw {
        Raw::Month { y: Some(y), m } | Raw::Date { y: Some(y), m, .. } => Some((*y, *m)),
        _ => None,
    }
}

/// A match without the period of an abbreviation at its very end, which belongs to the
/// sentence ("on Tues.").
fn trim_period(toks: &[Tok], mut m: Match) -> Match {
    if m.end - m.start > 1 && toks.get(m.end - 1).is_some_and(|t| t.is_punct('.')) {
        m.end -= 1;
    }
    m
}

/// `word` in ASCII lowercase in `buf`, or "" when it is not ASCII or longer than the buffer
/// (no word compared against it is).
#[inline]
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 32]) -> &'b str {
    crate::lexicon::lower(word, buf).unwrap_or("")
}

/// The trigger of token `i`, from the look-ahead when it was computed there already.
#[inline]
fn cached_or(ahead: Option<(usize, Trigger)>, i: usize, t: &Tok) -> Trigger {
    match ahead {
        Some((j, tr)) if j == i => tr,
        _ => tok_trigger(t),
    }
}

struct P<'a, 'b> {
    t: &'b [Tok<'a>],
}

crate::word_set!(
    /// Words that may come before a year ("in 2020", "circa 1990").
    pub(super) YEAR_PREFIXES = files ["date-prefixes.txt", "year-prefixes.txt"]
);
crate::word_set!(
    /// Words before a number that make "by 2000 votes" a count unless a year follows.
    YEAR_COUNT_PREFIXES = files ["year-count-prefixes.txt"]
);
crate::word_set!(
    /// Words opening a clause or noun phrase, so "by 1992 it" holds a year, not a count.
    YEAR_CLAUSE_OPENERS = file "year-clause-openers.txt"
);
crate::word_set!(
    /// Plural nouns a modifier year dates rather than counts ("the 1988 results").
    YEAR_PLURAL_NOUNS = file "year-plural-nouns.txt"
);
crate::word_set!(
    /// Goods sold by model year, which a year before them names ("his 1987 sedan").
    MODEL_YEAR_NOUNS = file "model-year-nouns.txt"
);
crate::word_set!(
    /// Words that may come right before a figure ("nearly 2000"), so no adjective of a year.
    NUMBER_LEADS = files ["number-lead-words.txt", "count-adjectives.txt"]
);
crate::word_set!(
    /// Words that may come before a month name ("since March", "last March").
    MONTH_PREFIXES = files ["date-prefixes.txt", "month-prefixes.txt"]
);

impl<'a, 'b> P<'a, 'b> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }
    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && words.iter().any(|w| t.is(w)))
    }
    fn word_in(&self, i: usize, set: &WordSet) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && set.has(t))
    }
    fn punct_is(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }
    fn adj(&self, i: usize, j: usize) -> bool {
        match (self.tok(i), self.tok(j)) {
            (Some(a), Some(b)) => adjacent(a, b),
            _ => false,
        }
    }
    /// True when the word at `i` has a possessive "'s" ("Friday's").
    fn possessive(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.text.ends_with("'s") || t.text.ends_with("’s"))
    }
    /// True when the token at `i` is a word in lowercase letters that can name what a figure
    /// counts ("percent", "billion"): no preposition or conjunction ("friday 7.6 with the
    /// team" keeps its day).
    fn figure_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text.chars().next().is_some_and(char::is_lowercase)
                && !PREPOSITIONS.has(t)
                && !t.is("and")
                && !t.is("or")
        })
    }
    /// True at the end of the sentence or before punctuation that closes a phrase.
    fn ends_phrase(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) => {
                t.kind == TokKind::Punct
                    && matches!(t.text, "." | "!" | "?" | "," | ";" | ":" | ")" | "\"" | "”")
            }
        }
    }

    fn at(&self, i: usize) -> Option<Match> {
        let num = self.tok(i).is_some_and(|t| t.kind == TokKind::Num);
        // the longest candidate, the last of equals (as `max_by_key` picks)
        let mut best: Option<Match> = None;
        let mut take = |c: Option<Match>| {
            if let Some(m) = c {
                let key = |m: &Match| (m.end, std::cmp::Reverse(m.start));
                if best.as_ref().is_none_or(|b| key(&m) >= key(b)) {
                    best = Some(m);
                }
            }
        };
        if num {
            // forms that can start with a number
            take(self.relative_at(i));
            take(self.date_at(i, false).map(|(e, raw)| mk(i, e, raw, None)));
            take(self.time_at(i));
            take(self.year_at(i));
            take(self.day_only_at(i));
        } else {
            take(self.since_at(i));
            take(self.range_at(i));
            take(self.dashed_range_at(i));
            take(self.relative_at(i));
            take(self.period_at(i));
            take(self.beyond_period_at(i));
            take(self.nth_weekday_at(i));
            take(self.day_of_at(i));
            take(self.weekday_led_at(i));
            take(self.date_at(i, false).map(|(e, raw)| mk(i, e, raw, None)));
            take(self.day_only_at(i));
            take(self.time_at(i));
            // a spelled year: "in nineteen ninety-six"
            take(self.year_at(i));
        }
        best.filter(|m| !self.year_of_a_part(m))
    }

    /// "the first quarter of next year", "the second half of last year", "the spring of this
    /// year": the year a quarter, half or season belongs to is part of that period's expression
    /// (timex.rs), no expression of its own.
    fn year_of_a_part(&self, m: &Match) -> bool {
        let year = matches!(
            m.raw,
            Raw::Period {
                unit: Unit::Year,
                ..
            }
        );
        let part = |t: &Tok| {
            t.is("quarter") || t.is("half") || (t.kind == TokKind::Word && season(t.text).is_some())
        };
        year && m.end == m.start + 2
            && self.word_is(m.end - 1, &["year"])
            && m.start >= 2
            && self.word_is(m.start - 1, &["of"])
            && self.tok(m.start - 2).is_some_and(part)
    }

    // ---- building blocks ----

    /// A day number 1–31 with an optional ordinal suffix ("10", "10th"); not part of a larger number.
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Num || t.text.len() > 2 {
            return None;
        }
        let d = t.num()? as u32;
        if !(1..=31).contains(&d) {
            return None;
        }
        // not "12:00", "3.5", "1,300"
        if let Some(n) = self.tok(i + 1) {
            if adjacent(t, n)
                && (n.is_punct(':') || n.is_punct('.') || n.is_punct(',') || n.is_punct('%'))
                && self
                    .tok(i + 2)
                    .is_some_and(|m| m.kind == TokKind::Num && adjacent(n, m))
            {
                return None;
            }
            if adjacent(t, n) && n.kind == TokKind::Word && is_ordinal_suffix(n.text) {
                return Some((i + 2, d));
            }
        }
        Some((i + 1, d))
    }

    /// A day written in words ("first", "twenty-first", "twenty second"; with `cardinals`, also "fifteen", "twenty one").
    fn day_word(&self, i: usize, cardinals: bool) -> Option<(usize, u32)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        if let Some(d) = tok_ordinal(t) {
            return (1..=31).contains(&d).then_some((i + 1, d));
        }
        let c = tok_cardinal(t)?;
        if c == 20 || c == 30 {
            if let Some(u) = self.tok(i + 1).filter(|n| n.kind == TokKind::Word) {
                if let Some(o) = tok_ordinal(u).filter(|o| (1..10).contains(o)) {
                    return (c + o <= 31).then_some((i + 2, c + o));
                }
                if cardinals {
                    if let Some(o) = tok_cardinal(u).filter(|o| (1..10).contains(o)) {
                        return (c + o <= 31).then_some((i + 2, c + o));
                    }
                }
            }
        }
        (cardinals && (1..=31).contains(&c) && t.text.len() > 1).then_some((i + 1, c))
    }

    /// A month name written in lower case that is usually a verb ("may", "march").
    fn verb_month(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_lowercase()) && MONTH_VERB.has(t)
        })
    }

    /// A month name, with the period of an abbreviation ("Oct.").
    fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let m = tok_month(t)?;
        // "may", "march" and "mar" in lowercase are usually not months
        if (t.text == "mar" || t.text == "Mar")
            && !self
                .tok(i + 1)
                .is_some_and(|n| n.kind == TokKind::Num || n.is_punct('.'))
        {
            return None;
        }
        if self.punct_is(i + 1, '.')
            && self.adj(i, i + 1)
            && (is_month_abbrev(t.text) || self.tok(i + 2).is_some_and(|n| n.kind == TokKind::Num))
        {
            return Some((i + 2, m));
        }
        Some((i + 1, m))
    }

    /// A four-digit year 1000–2199 that is not part of a larger number.
    fn year_num(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Word {
            return self.spelled_year(i);
        }
        if t.kind != TokKind::Num || t.text.len() != 4 {
            return None;
        }
        let y = t.num()? as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        if let Some(n) = self.tok(i + 1) {
            if adjacent(t, n)
                && (n.is_punct(',') || n.is_punct('.') || n.is_punct(':'))
                && self
                    .tok(i + 2)
                    .is_some_and(|m| m.kind == TokKind::Num && adjacent(n, m))
            {
                return None;
            }
        }
        Some((i + 1, y))
    }

    /// A year written with an apostrophe for its century ("'85"): see
    /// [`super::timex::short_year`].
    fn abbreviated_year(&self, i: usize) -> Option<(usize, i32)> {
        super::timex::short_year(self.t, i)
    }

    /// True when a year ends at token `k` (its last digits): "1982" or the "85" of "'85".
    fn year_ends_at(&self, k: usize) -> bool {
        let four = self
            .tok(k)
            .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 4);
        (four && self.year_num(k).is_some())
            || (k > 0
                && self
                    .abbreviated_year(k - 1)
                    .is_some_and(|(e, _)| e == k + 1))
    }

    /// A year spelled as two pairs of digits: "nineteen ninety-six" (1910–1999, 2010–2099), the
    /// second pair also without its hyphen ("nineteen ninety six", as transcripts write it), or
    /// after "year" as thousands: "the year two thousand (and one)".
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.spelled_thousands(i) {
            return Some(y);
        }
        let century = tok_cardinal(self.tok(i)?).filter(|c| *c == 19 || *c == 20)?;
        let rest = tok_cardinal(self.tok(i + 1)?).filter(|r| (10..=99).contains(r))?;
        // "ninety six": the tens and a unit written as two words
        let unit = self
            .tok(i + 2)
            .filter(|u| u.kind == TokKind::Word && rest >= 20 && rest % 10 == 0)
            .and_then(tok_cardinal)
            .filter(|u| (1..=9).contains(u));
        let (e, rest) = match unit {
            Some(u) => (i + 3, rest + u),
            None => (i + 2, rest),
        };
        i32::try_from(century * 100 + rest).ok().map(|y| (e, y))
    }

    /// "two thousand", "two thousand and one" right after "year": a count of thousands is a
    /// year only where the word "year" says so.
    fn spelled_thousands(&self, i: usize) -> Option<(usize, i32)> {
        if i == 0 || !self.word_is(i - 1, &["year"]) || !self.word_is(i + 1, &["thousand"]) {
            return None;
        }
        let th = tok_cardinal(self.tok(i)?).filter(|c| (1..=2).contains(c))?;
        let k = if self.word_is(i + 2, &["and"]) {
            i + 3
        } else {
            i + 2
        };
        let tail = self
            .tok(k)
            .and_then(tok_cardinal)
            .filter(|r| (1..=99).contains(r));
        let y = i32::try_from(th * 1000 + tail.unwrap_or(0)).ok()?;
        Some((if tail.is_some() { k + 1 } else { i + 2 }, y))
    }

    /// An optional year after a day: ", 2020", " 2020", " of 2016".
    fn trailing_year(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(r) = self.year_num(i) {
            return Some(r);
        }
        if self.punct_is(i, ',') || self.word_is(i, &["of"]) {
            return self.year_num(i + 1);
        }
        None
    }

    /// False when [`Self::weekday_tok`] at `i` is surely None: no word there, or a word of
    /// letters alone whose exact class bits say it is no weekday (a possessive "Friday's" has
    /// an apostrophe, so no exact bits).
    fn may_be_weekday(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && (t.class & class::PLAIN == 0 || t.class & class::WEEKDAY != 0)
        })
    }

    fn weekday_tok(&self, i: usize) -> Option<(usize, Weekday)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let w = t
            .text
            .strip_suffix("'s")
            .or_else(|| t.text.strip_suffix("’s"))
            .unwrap_or(t.text);
        let wd = if w.len() == t.text.len() {
            tok_weekday(t)?
        } else {
            weekday(w)?
        };
        // "Good Friday", "Super Tuesday": a name the calendar gives a day, not a weekday
        if i > 0 && super::named::weekday_closes_name(self.t, i) {
            return None;
        }
        if self.weekday_frequency(i) || self.weekday_titles_name(i) {
            return None;
        }
        if w.len() <= 4 {
            // "Sun", "Sat", "Wed" are also words: accept the abbreviation only with a period,
            // a comma, or a date after it, or "on" before it
            let dotted = self.punct_is(i + 1, '.') && self.adj(i, i + 1);
            let before_on = i > 0 && (self.word_is(i - 1, &["on"]) || self.word_in(i - 1, &DET));
            // "Sun, Hewlett-Packard": a comma counts only before a date
            let date_at = |k: usize| {
                self.tok(k)
                    .is_some_and(|n| n.kind == TokKind::Num || tok_month(n).is_some())
            };
            let before_date = date_at(i + 1) || (self.punct_is(i + 1, ',') && date_at(i + 2));
            if !(dotted || before_on || before_date) {
                return None;
            }
            if dotted {
                return Some((i + 2, wd));
            }
        }
        Some((i + 1, wd))
    }

    /// "after the Sunday Times reported", "in the Saturday Herald": a weekday between a
    /// lowercase "the" (after a lowercase word, so no title's words) and a capitalised word
    /// that is no month, weekday or part of a day opens the title of a paper or a show, no day.
    fn weekday_titles_name(&self, i: usize) -> bool {
        let lower = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_lowercase()))
        };
        let the = i > 1 && lower(i - 1) && self.word_is(i - 1, &["the"]) && lower(i - 2);
        the && self.tok(i + 1).is_some_and(|n| {
            n.kind == TokKind::Word
                && n.is_capitalized()
                && tok_month(n).is_none()
                && tok_weekday(n).is_none()
                && !crate::lexicon::sets::PARTS_OF_DAY.has(n)
        })
    }

    /// "one Sunday a month", "two Fridays per year": a count of a weekday per period is how
    /// often, no day (the period not followed by a word that makes it a distance: "a week ago").
    fn weekday_frequency(&self, i: usize) -> bool {
        let counted = i > 0
            && self
                .tok(i - 1)
                .is_some_and(|t| tok_cardinal(t).is_some() || t.is("every") || t.is("each"));
        counted
            && super::timex::per_unit_at(self.t, i + 1)
            && !self
                .tok(i + 3)
                .is_some_and(|t| t.kind == TokKind::Word && super::lexicon::COUNT_ANCHOR.has(t))
    }

    /// A meridiem at `i` ([`Self::am_pm`]), or the part of the day an hour (at `hour`) is said
    /// with after a word that leads a clock time ("at 4 in the morning", "until 9 in the
    /// evening"): the end and whether the hour is after noon. "Night" is left out: "2 in the
    /// night" is before dawn, "11 in the night" before midnight.
    fn meridiem(&self, i: usize, hour: usize) -> Option<(usize, bool)> {
        if let Some(m) = self.am_pm(i) {
            return Some(m);
        }
        let led = hour
            .checked_sub(1)
            .is_some_and(|p| self.word_in(p, &CLOCK_LEAD));
        if !led || !self.word_is(i, &["in"]) || !self.word_is(i + 1, &["the"]) {
            return None;
        }
        let part = self.tok(i + 2)?;
        let k = PARTS_OF_DAY.iter().position(|w| part.is(w))?;
        (k < 3).then_some((i + 3, k > 0))
    }

    /// The hour (0–23) of a clock time written `hour` without a meridiem, from the part of the
    /// day after it at `i`: "6:30 Sunday night", "9 last night", "7:15 this evening", "8
    /// tonight" are after noon, "12:30 Sunday morning" after midnight. Night gives the evening
    /// hours only (5 to 11): "2 Sunday night" is before dawn. None when nothing says.
    fn day_part_hour(&self, i: usize, hour: u32) -> Option<u32> {
        if !(1..=12).contains(&hour) {
            return None;
        }
        if self.word_in(i, &AFTER_DARK) {
            return (5..12).contains(&hour).then_some(hour + 12);
        }
        let lead = self.word_in(i, &DAY_PART_LEAD) || self.weekday_tok(i).is_some();
        // "5:40 early Sunday morning": a lead word, then a weekday, then the part
        let at = if !lead {
            return None;
        } else if self.word_in(i, &DAY_PART_LEAD) && self.weekday_tok(i + 1).is_some() {
            i + 2
        } else {
            i + 1
        };
        let part = self.tok(at).filter(|t| t.kind == TokKind::Word)?;
        match PARTS_OF_DAY.iter().position(|w| part.is(w))? {
            0 => Some(hour % 12),
            1 | 2 => Some(if hour == 12 { 12 } else { hour + 12 }),
            _ => (5..12).contains(&hour).then_some(hour + 12),
        }
    }

    fn am_pm(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let mut buf = [0u8; 32];
        let lower = lower_ascii(t.text, &mut buf);
        if MERIDIEM.contains(lower) {
            return Some((i + 1, PM.contains(lower)));
        }
        // "a.m.", "p.m.": a meridiem's two letters, each with its period
        let m = self.tok(i + 2).filter(|m| m.kind == TokKind::Word)?;
        let (&[a], &[b]) = (lower.as_bytes(), m.text.as_bytes()) else {
            return None;
        };
        let letters = [a, b.to_ascii_lowercase()];
        let dotted = std::str::from_utf8(&letters).unwrap_or("");
        if MERIDIEM.contains(dotted)
            && self.punct_is(i + 1, '.')
            && self.adj(i, i + 1)
            && self.adj(i + 1, i + 2)
        {
            let e = if self.punct_is(i + 3, '.') && self.adj(i + 2, i + 3) {
                i + 4
            } else {
                i + 3
            };
            Some((e, PM.contains(dotted)))
        } else {
            None
        }
    }

    fn zone_at(&self, i: usize) -> Option<(usize, String)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Word {
            if let Some(z) = zone(t.text) {
                // "GMT+4"
                if (self.punct_is(i + 1, '+') || self.punct_is(i + 1, '-'))
                    && self.adj(i, i + 1)
                    && self
                        .tok(i + 2)
                        .is_some_and(|n| n.kind == TokKind::Num && n.text.len() <= 2)
                {
                    let sign = self.tok(i + 1).map_or("+", |s| s.text);
                    let off = self.tok(i + 2).map_or("", |n| n.text);
                    return Some((i + 3, format!("{z}{sign}{off}")));
                }
                return Some((i + 1, z.to_string()));
            }
            if t.is("local") && self.word_is(i + 1, &["time"]) {
                return Some((i + 2, "local time".to_string()));
            }
        }
        if t.is_punct('(') {
            if let Some((e, z)) = self.zone_at(i + 1) {
                if self.punct_is(e, ')') {
                    return Some((e + 1, z));
                }
            }
        }
        None
    }

    /// A count for relative expressions: "2", "two", "a", "an", "a few", "few", "several";
    /// never the fraction of a decimal ("5" of "3.5 years ago").
    fn count_at(&self, i: usize) -> Option<(usize, i64)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Num && t.text.len() <= 3 {
            if super::timex::decimal_fraction(self.t, i) {
                return None;
            }
            return Some((i + 1, t.num()? as i64));
        }
        if t.kind != TokKind::Word {
            return None;
        }
        if INDEFINITE_ARTICLES.has(t) {
            if self.word_in(i + 1, &ARTICLE_COUNT) {
                let e = if self.word_is(i + 2, &["of"]) {
                    i + 3
                } else {
                    i + 2
                };
                return Some((e, if self.word_is(i + 1, &["few"]) { 3 } else { 2 }));
            }
            return Some((i + 1, 1));
        }
        if t.is("few") || t.is("several") {
            return Some((i + 1, 3));
        }
        if let Some(c) = tok_cardinal(t) {
            if c >= 20 && c % 10 == 0 {
                if let Some(u) = self
                    .tok(i + 1)
                    .and_then(tok_cardinal)
                    .filter(|u| (1..10).contains(u))
                {
                    return Some((i + 2, (c + u) as i64));
                }
            }
            return (c > 0).then_some((i + 1, c as i64));
        }
        None
    }

    fn unit_at(&self, i: usize) -> Option<(usize, &'static str)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        if BUSINESS_DAY.has(t) {
            let days = self.tok(i + 1).and_then(offset_unit) == Some("day");
            return days.then_some((i + 2, "bday"));
        }
        Some((i + 1, offset_unit(t)?))
    }

    // ---- families of forms ----

    /// Month-led, day-led and numeric dates; months with a year (or, when `bare_month`, alone).
    fn date_at(&self, i: usize, bare_month: bool) -> Option<(usize, Raw)> {
        let c = [
            self.month_led(i, bare_month),
            self.day_led(i),
            self.numeric(i, false),
        ];
        c.into_iter().flatten().max_by_key(|(e, _)| *e)
    }

    /// Month-led forms at `i`: "Oct. 9", "October 9, 2020", "Oct. 9-12", "May 2021", and the
    /// bare month when `bare_month` (or a word before it makes it one).
    fn month_led(&self, i: usize, bare_month: bool) -> Option<(usize, Raw)> {
        let (j, m) = self.month_at(i)?;
        if self.delivery_code(i, j) {
            return None;
        }
        let may_lower = self.verb_month(i);
        let k = self.month_day_separator(j);
        let the = self.word_is(k, &["the"]);
        let dk = if the { k + 1 } else { k };
        let day = self.day_num(dk).or_else(|| self.day_word(dk, true));
        // "January nineteen ninety-seven" is a month and a spelled year, not a day
        // ("May 5,000" / "October 10, 12:00" are handled by day_num / trailing_year)
        if let Some((e, d)) = day
            .filter(|_| self.spelled_year(dk).is_none())
            .filter(|(_, d)| valid_md(m, *d))
        {
            return self.month_day(m, (dk, e), d, the, may_lower);
        }
        self.month_alone(i, j, m, bare_month, may_lower)
    }

    /// True when the capitalised month abbreviation at `i` (ending at `j`) is glued to one
    /// digit: a futures delivery month and its year's last digit in a price table ("JUL7",
    /// "DEC8"), not a day.
    fn delivery_code(&self, i: usize, j: usize) -> bool {
        let (Some(a), Some(b)) = (self.tok(i), self.tok(j)) else {
            return false;
        };
        j == i + 1
            && a.text.len() == 3
            && a.text.bytes().all(|c| c.is_ascii_uppercase())
            && b.kind == TokKind::Num
            && b.text.len() == 1
            && self.adj(i, j)
    }

    /// Where the day is after a month ending at `j`: past a separator ("Oct-9", "october,
    /// 1st", "October. 2") or right there.
    fn month_day_separator(&self, j: usize) -> usize {
        let k = j;
        let separated = ((self.punct_is(k, '-') || self.punct_is(k, '/'))
            && self.adj(k - 1, k)
            && self.adj(k, k + 1))
            // "october, 1st"
            || (self.punct_is(k, ',')
                && self.tok(k + 1).is_some_and(|t| {
                    t.kind == TokKind::Num
                        && t.text.len() <= 2
                        && self.adj(k + 1, k + 2)
                        && self.tok(k + 2).is_some_and(|s| is_ordinal_suffix(s.text))
                }))
            // "October. 2"
            || (self.punct_is(k, '.') && self.tok(k + 1).is_some_and(|t| t.kind == TokKind::Num));
        if separated {
            k + 1
        } else {
            k
        }
    }

    /// Month `m` and day `d` (written from `dk` to `e`, after "the" when `the`): a range ("Oct.
    /// 9-12", "October 9 to 12"), a date with its year, or without; none for a month word read
    /// as a verb before a small spelled number ("may five").
    fn month_day(
        &self,
        m: u32,
        (dk, e): (usize, usize),
        d: u32,
        the: bool,
        may_lower: bool,
    ) -> Option<(usize, Raw)> {
        // ranges: "Oct. 9-12", "October 9 to 12"
        if let Some((e2, d2)) = self.day_range_tail(e) {
            if d2 > d && valid_md(m, d2) {
                let y = self.trailing_year(e2);
                let (end, y) = y.map_or((e2, None), |(e3, y)| (e3, Some(y)));
                let first = Raw::Date { y, m, d, wd: None };
                let last = Raw::Date {
                    y,
                    m,
                    d: d2,
                    wd: None,
                };
                return Some((end, Raw::Range(Box::new(first), Box::new(last))));
            }
        }
        if let Some((e2, y)) = self.trailing_year(e) {
            let raw = Raw::Date {
                y: Some(y),
                m,
                d,
                wd: None,
            };
            return Some((e2, raw));
        }
        if may_lower
            && self.tok(dk).is_some_and(|t| {
                t.kind != TokKind::Num
                    && tok_ordinal(t).is_none()
                    && tok_cardinal(t).is_none_or(|c| c < 20)
            })
            && !the
        {
            return None;
        }
        Some((
            e,
            Raw::Date {
                y: None,
                m,
                d,
                wd: None,
            },
        ))
    }

    /// Month `m` (at `i..j`) without a day: with its year ("May 2021"), or alone when
    /// `bare_month` or a word before it makes it a month ("in May", "May, June and July").
    fn month_alone(
        &self,
        i: usize,
        j: usize,
        m: u32,
        bare_month: bool,
        may_lower: bool,
    ) -> Option<(usize, Raw)> {
        if let Some((e, y)) = self.trailing_year(j) {
            if !may_lower {
                return Some((e, Raw::Month { y: Some(y), m }));
            }
        }
        let prefixed = i > 0
            && ((self.word_is(i - 1, &MONTH_PREFIXES) && !self.first_name(i, j))
                || self.hyphen_part(i)
                || (self.word_in(i - 1, &MONTH_LEAD_UNLESS_NAME) && self.no_name(i, j, m)))
            || self.listed_month(i, j);
        if (bare_month || prefixed)
            && !may_lower
            && self
                .tok(i)
                .is_some_and(|t| t.text.len() > 3 || !t.is("mar"))
        {
            let capital = self.tok(i).is_some_and(|t| t.is_capitalized());
            // "Jan Kavan": an undotted abbreviation before a capitalized word is a first name
            let name = j == i + 1
                && self.tok(i).is_some_and(|t| t.text.len() <= 3)
                && self
                    .tok(j)
                    .is_some_and(|n| n.kind == TokKind::Word && n.is_capitalized());
            if capital && !name {
                return Some((j, Raw::Month { y: None, m }));
            }
        }
        None
    }

    /// True when the month name at `i..j` is listed with another: "May, June and July 2021",
    /// "June or July": a capitalised month name joined by a comma, "and" or "or" (or a comma
    /// and one of them) to the month name before or after it.
    fn listed_month(&self, i: usize, j: usize) -> bool {
        let month = |k: usize| {
            self.tok(k).is_some_and(|t| t.is_capitalized()) && self.month_at(k).is_some()
        };
        // the month name before: "May, June", "May, and June", "May or June"
        let before = (1..=2).any(|n| {
            i.checked_sub(n + 1).is_some_and(|b| {
                self.joins_listed(b + 1, i)
                    && month(b)
                    && self.month_at(b).is_some_and(|(e, _)| e == b + 1)
            })
        });
        // the month name after
        let after = (1..=2).any(|n| self.joins_listed(j, j + n) && month(j + n));
        before || after
    }

    /// True when the month name at `i..j`, after a prefix that also leads a person's name
    /// ("to", "from", "and"…), is followed by a capitalised word that is no date word: a first
    /// name ("a letter to June Lee", "Ross and April Chen"), not a month.
    fn first_name(&self, i: usize, j: usize) -> bool {
        i > 0
            && self.word_in(i - 1, &NAME_LEAD)
            && self.tok(j).is_some_and(|n| {
                n.kind == TokKind::Word && n.is_capitalized() && !n.text.contains('.')
            })
            && self.month_at(j).is_none()
            && self.weekday_led_at(j).is_none()
    }

    /// True when tokens `from..to` join two items of a list: a comma, "and" or "or", or a comma
    /// and one of them.
    fn joins_listed(&self, from: usize, to: usize) -> bool {
        match to.checked_sub(from) {
            Some(1) => self.punct_is(from, ',') || self.word_in(from, &DAY_LIST_AND),
            Some(2) => self.punct_is(from, ',') && self.word_in(from + 1, &DAY_LIST_AND),
            _ => false,
        }
    }

    /// "mid-March", "early-June": a part of a period joined to the month by a hyphen, also when
    /// a line break or a slip left a space after the hyphen ("mid- March").
    fn hyphen_part(&self, i: usize) -> bool {
        i > 1
            && self.punct_is(i - 1, '-')
            && self.adj(i - 2, i - 1)
            && self.word_in(i - 2, &PERIOD_PART)
    }

    /// True when the month at `i` (ending at `j`) reads as no person's name: not "May" (a name
    /// and a modal verb) and no capitalized word after it ("for June Carter").
    fn no_name(&self, i: usize, j: usize, m: u32) -> bool {
        m != 5
            && self.tok(i).is_some_and(|t| t.text.len() > 3)
            && !self
                .tok(j)
                .is_some_and(|n| n.kind == TokKind::Word && n.is_capitalized())
    }

    /// "-12", "to 12", "through 12" after a day.
    fn day_range_tail(&self, e: usize) -> Option<(usize, u32)> {
        let sep = self.tok(e)?;
        let dash = (sep.is_punct('-') || sep.is_punct('–'))
            && self.tok(e + 1).is_some_and(|n| n.kind == TokKind::Num);
        let word = self.word_in(e, &RANGE_TO);
        if !(dash || word) {
            return None;
        }
        let (e2, d2) = self.day_num(e + 1)?;
        // "October 9 to 12 people" is not a range of days
        if word && !self.ends_phrase(e2) && self.trailing_year(e2).is_none() {
            return None;
        }
        if self.month_at(e2).is_some() {
            return None;
        }
        Some((e2, d2))
    }

    /// Days listed under one month: "March 5 and 6", "Jan. 3 and 4, 2023", "May 3, 4 and 5",
    /// "the 5th and 6th of March", "5 and 6 March". One date per day (TIMEX3 tags each), every
    /// one with the month and the year written once; the list needs its "and"/"or" before the
    /// last day, and the days rise.
    fn coordinated_at(&self, i: usize) -> Option<Vec<Match>> {
        if self.month_at(i).is_some() {
            self.month_led_list(i)
        } else {
            self.day_led_list(i)
        }
    }

    /// The days of a list after its first ([`Self::coordinated_at`]): each day's token range and
    /// number, stopping after the day that follows "and"/"or" (None without one).
    fn day_list_tail(
        &self,
        mut e: usize,
        first: u32,
        words: bool,
    ) -> Option<Vec<(usize, usize, u32)>> {
        let mut days = Vec::new();
        let mut last = first;
        for _ in 0..8 {
            let mut k = e;
            let comma = self.punct_is(k, ',');
            if comma {
                k += 1;
            }
            let and = self.word_in(k, &DAY_LIST_AND);
            if and {
                k += 1;
            }
            if !(comma || and) {
                return None;
            }
            let day = if words {
                self.day_word(k, false)
            } else {
                self.day_num(k)
            };
            let (e2, d) = day.filter(|(_, d)| *d > last)?;
            days.push((k, e2, d));
            if and {
                return Some(days);
            }
            last = d;
            e = e2;
        }
        None
    }

    /// The first day of a list at `i`, in figures or in words ("5", "fifth"): its end, the day,
    /// and whether it was written in words (the rest of the list must be too).
    fn list_day(&self, i: usize) -> Option<(usize, u32, bool)> {
        let words = self.tok(i).is_some_and(|t| t.kind == TokKind::Word);
        let (e, d) = if words {
            self.day_word(i, false)?
        } else {
            self.day_num(i)?
        };
        Some((e, d, words))
    }

    /// "March 5 and 6", "Jan. 3, 4 and 5, 2023": a month, its days and maybe a year at the end.
    fn month_led_list(&self, i: usize) -> Option<Vec<Match>> {
        let (j, m) = self.month_at(i)?;
        if self.verb_month(i) {
            return None;
        }
        let (e, d, words) = self.list_day(j)?;
        if !valid_md(m, d) || self.trailing_year(e).is_some() {
            return None;
        }
        let rest = self.day_list_tail(e, d, words)?;
        let &(_, last_end, last_d) = rest.last()?;
        if !valid_md(m, last_d) {
            return None;
        }
        let year = self.trailing_year(last_end);
        let closed =
            year.is_some() || self.ends_phrase(last_end) || self.word_in(last_end, &DAY_LIST_END);
        if !closed || self.month_at(last_end).is_some() {
            return None;
        }
        let y = year.map(|(_, y)| y);
        let date = |d: u32| Raw::Date { y, m, d, wd: None };
        let mut out = vec![mk(i, e, date(d), None)];
        let n = rest.len();
        for (k, &(s, e2, d2)) in rest.iter().enumerate() {
            let end = if k + 1 == n {
                year.map_or(e2, |(e3, _)| e3)
            } else {
                e2
            };
            out.push(mk(s, end, date(d2), None));
        }
        Some(out)
    }

    /// "the 5th and 6th of March", "5, 6 and 7 March 2023": days, then the last with its month.
    fn day_led_list(&self, i: usize) -> Option<Vec<Match>> {
        let the = self.word_is(i, &["the"]);
        let di = if the { i + 1 } else { i };
        if di > 0
            && self
                .tok(di - 1)
                .is_some_and(|p| matches!(p.text, "." | "," | "/" | "$") && self.adj(di - 1, di))
        {
            return None;
        }
        let (e, d, words) = self.list_day(di)?;
        let rest = self.day_list_tail(e, d, words)?;
        let &(last_s, _, _) = rest.last()?;
        let (end, raw) = self.day_led(last_s)?;
        let Raw::Date { y, m, .. } = raw else {
            return None;
        };
        let days = std::iter::once((i, e, d)).chain(rest.iter().copied());
        let mut out = Vec::new();
        for (s, e2, d2) in days {
            if !valid_md(m, d2) {
                return None;
            }
            let e2 = if s == last_s { end } else { e2 };
            out.push(mk(
                s,
                e2,
                Raw::Date {
                    y,
                    m,
                    d: d2,
                    wd: None,
                },
                None,
            ));
        }
        Some(out)
    }

    fn day_led(&self, i: usize) -> Option<(usize, Raw)> {
        let the = self.word_is(i, &["the"]);
        let di = if the { i + 1 } else { i };
        if di > 0
            && self
                .tok(di - 1)
                .is_some_and(|p| matches!(p.text, "." | "," | "/") && self.adj(di - 1, di))
        {
            return None; // "6,107.31 August"
        }
        let (j, d) = self.day_num(di).or_else(|| self.day_word(di, false))?;
        let mut k = j;
        let num_day = self.tok(di).is_some_and(|t| t.kind == TokKind::Num);
        if ((self.punct_is(k, '.') || self.punct_is(k, '-')) && self.adj(k - 1, k))
            || self.word_is(k, &["of"])
        {
            k += 1;
        } else if !num_day {
            return None; // "fourth of may" needs "of"
        }
        let (e, m) = self.month_at(k)?;
        if !valid_md(m, d) {
            return None;
        }
        if self.verb_month(k) && !self.word_is(k - 1, &["of"]) {
            return None;
        }
        if num_day && self.month_led_day_follows(k, e, m) {
            return None;
        }
        if let Some((e2, y)) = self.trailing_year(e) {
            return Some((
                e2,
                Raw::Date {
                    y: Some(y),
                    m,
                    d,
                    wd: None,
                },
            ));
        }
        if the && !num_day && self.day_word(di, false).is_none() {
            return None;
        }
        Some((
            e,
            Raw::Date {
                y: None,
                m,
                d,
                wd: None,
            },
        ))
    }

    /// True when the month abbreviated with a period at `k` (ending at `e`) has its own day
    /// right after it and no year after that: "the 19 Sept. 11 hijackers" is a count before the
    /// month-led day ("Sept. 11"), not the day-led "19 Sept.".
    fn month_led_day_follows(&self, k: usize, e: usize, m: u32) -> bool {
        let dotted = e == k + 2 && self.punct_is(k + 1, '.');
        dotted
            && self
                .day_num(e)
                .is_some_and(|(e2, d)| valid_md(m, d) && self.trailing_year(e2).is_none())
    }

    /// Numeric dates: 2020-10-08, 10/8/2020, 21/04/16, 13.5.2015, 2019-sep-1, 08/12,2015, 4/22.
    fn numeric(&self, i: usize, after_weekday: bool) -> Option<(usize, Raw)> {
        let a = self.tok(i)?;
        if a.kind != TokKind::Num {
            return None;
        }
        // not inside a larger number or fraction ("6 1/4%", "1,300")
        if i > 0
            && self.tok(i - 1).is_some_and(|p| {
                (p.kind == TokKind::Num)
                    || (adjacent(p, a) && matches!(p.text, "/" | "." | "-" | ":" | ","))
                    || p.is_punct('$')
            })
        {
            return None;
        }
        let sep = self
            .tok(i + 1)
            .filter(|s| adjacent(a, s) && matches!(s.text, "-" | "/" | "."))?;
        let sepc = sep.text;
        if a.text.len() == 4 {
            return self.numeric_year_first(i, sep);
        }
        if a.text.len() > 2 {
            return None;
        }
        let b = self
            .tok(i + 2)
            .filter(|b| adjacent(sep, b) && b.kind == TokKind::Num && b.text.len() <= 2)?;
        let (x, y2) = (a.num()? as u32, b.num()? as u32);
        let with_year = self.numeric_year_after(i, sepc);
        let (m, d) = order_md(x, y2, sepc)?;
        if let Some((e, year)) = with_year {
            return chrono::NaiveDate::from_ymd_opt(year, m, d).map(|_| {
                (
                    e,
                    Raw::Date {
                        y: Some(year),
                        m,
                        d,
                        wd: None,
                    },
                )
            });
        }
        self.numeric_yearless(i, sepc, (x, y2), (m, d), after_weekday)
    }

    /// A numeric date led by its four-digit year at `i`, separated by `sep`: "2020-10-08",
    /// "2019-sep-1".
    fn numeric_year_first(&self, i: usize, sep: &Tok) -> Option<(usize, Raw)> {
        let sepc = sep.text;
        let y = self.tok(i)?.num()? as i32;
        let b = self.tok(i + 2).filter(|b| adjacent(sep, b))?;
        let m = if b.kind == TokKind::Num && b.text.len() <= 2 {
            b.num()? as u32
        } else {
            tok_month(b)?
        };
        let mj = i + 3;
        let s2 = self
            .tok(mj)
            .filter(|s| s.text == sepc && self.adj(mj - 1, mj))?;
        let c = self
            .tok(mj + 1)
            .filter(|c| adjacent(s2, c) && c.kind == TokKind::Num && c.text.len() <= 2)?;
        let d = c.num()? as u32;
        if self.tok(mj + 2).is_some_and(|n| {
            adjacent(c, n)
                && (n.kind == TokKind::Num || matches!(n.text, "-" | "/" | "." | ":"))
                && self.tok(mj + 3).is_some_and(|x| x.kind == TokKind::Num)
        }) {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| {
            (
                mj + 2,
                Raw::Date {
                    y: Some(y),
                    m,
                    d,
                    wd: None,
                },
            )
        })
    }

    /// The year closing a numeric date "x/y/" at `i` ("10/8/2020", "21/04/16", "08/12,2015"),
    /// with the index after it; none when a larger number follows.
    fn numeric_year_after(&self, i: usize, sepc: &str) -> Option<(usize, i32)> {
        let b = self.tok(i + 2)?;
        let s = self.tok(i + 3)?;
        let same_sep = s.text == sepc && adjacent(b, s);
        let comma = s.is_punct(',') && sepc == "/" && adjacent(b, s);
        if !(same_sep || comma) {
            return None;
        }
        let c = self.tok(i + 4).filter(|c| {
            adjacent(s, c) && c.kind == TokKind::Num && (c.text.len() == 2 || c.text.len() == 4)
        })?;
        if self.tok(i + 5).is_some_and(|n| {
            adjacent(c, n)
                && (n.kind == TokKind::Num
                    || n.text == "%"
                    || (matches!(n.text, "/" | "." | "-" | ":")
                        && self
                            .tok(i + 6)
                            .is_some_and(|z| z.kind == TokKind::Num && adjacent(n, z))))
        }) {
            return None;
        }
        let yv = c.num()? as i32;
        let year = if c.text.len() == 2 {
            if yv < 50 {
                2000 + yv
            } else {
                1900 + yv
            }
        } else {
            yv
        };
        Some((i + 5, year))
    }

    /// A year-less numeric date "x/y" at `i` (read as month `m`, day `d`): "4/22" anywhere
    /// but a fraction or "24/7"; "4-22" and "4.22" only after "on"/"in" or a weekday, at a
    /// phrase end.
    fn numeric_yearless(
        &self,
        i: usize,
        sepc: &str,
        (x, y2): (u32, u32),
        (m, d): (u32, u32),
        after_weekday: bool,
    ) -> Option<(usize, Raw)> {
        let b = self.tok(i + 2)?;
        if self.tok(i + 3).is_some_and(|n| {
            adjacent(b, n)
                && (n.kind == TokKind::Num
                    || matches!(n.text, "/" | "%" | "-" | ":" | ".")
                        && self.tok(i + 4).is_some_and(|z| z.kind == TokKind::Num)
                    || n.text == "%")
        }) {
            return None;
        }
        let prev_ok = after_weekday || (i > 0 && self.word_in(i - 1, &DASHED_DAY_LEAD));
        // "eased 1/8", "fell 7/8": a fraction of a point (eighths, sixteenths), not a day
        let fraction = x < y2 && matches!(y2, 2 | 4 | 8 | 16 | 32 | 64) && !prev_ok;
        // "open 24/7": around the clock, not the 24th of July
        let around_the_clock = x == 24 && y2 == 7;
        let ok = if sepc == "/" {
            !self.word_is(i + 3, &["of"]) && !fraction && !around_the_clock
        } else {
            // "Tuesday, 9.5 percent above": a decimal or a dashed pair with the word of what it
            // counts after it is a figure, even after a weekday
            prev_ok && (self.ends_phrase(i + 3) || (after_weekday && !self.figure_word(i + 3)))
        };
        if !ok || !valid_md(m, d) {
            return None;
        }
        Some((
            i + 3,
            Raw::Date {
                y: None,
                m,
                d,
                wd: None,
            },
        ))
    }

    /// Weekday-led forms: "Thursday, Oct. 9, 2020", "Saturday (October 10th)", "friday 7/6",
    /// "Thursday the 21st", "next Sunday", "Tuesday next week", "on Friday".
    fn weekday_led_at(&self, i: usize) -> Option<Match> {
        // `cargo bench --bench throughput`: the weekday is at `i` or after one word, and most
        // positions tried have none there
        if !self.may_be_weekday(i) && !self.may_be_weekday(i + 1) {
            return None;
        }
        let (week, wi) = self.weekday_prefix(i);
        let (j, wd) = self.weekday_tok(wi)?;
        // "next Saturday, March 11": only a date with its month's name ("last Friday, 2.5
        // billion" is no date)
        let named_only = wi > i && self.word_in(i, &WEEKDAY_NAMED_DATED);
        let prefixed = wi > i && !self.word_in(i, &WEEKDAY_DATED) && !named_only;
        if !prefixed {
            if let ControlFlow::Break(found) = self.dated_weekday(i, wi, j, wd, !named_only) {
                return found;
            }
        }
        if let Some(found) = self.weekday_of_week(i, j, wd) {
            return Some(found);
        }
        Some(mk(i, j, Raw::Weekday { wd, week }, None))
    }

    /// The week a word before a weekday at `i` names ("this", "next", "last", "past", "on …
    /// next week"), and where the weekday is then.
    fn weekday_prefix(&self, i: usize) -> (WeekRef, usize) {
        if self.word_in(i, &WEEKDAY_THIS) {
            (WeekRef::This, i + 1)
        } else if self.word_in(i, &AHEAD) {
            (WeekRef::Ahead, i + 1)
        } else if self.word_is(i, &["next"]) {
            (WeekRef::Offset(1), i + 1)
        } else if self.word_in(i, &WEEKDAY_LAST) {
            (WeekRef::Offset(-1), i + 1)
        } else if self.word_is(i, &["past"]) {
            (WeekRef::Past, i + 1)
        } else if self.word_is(i, &["on"])
            && ((self.word_in(i + 2, &DAY_WEEK) && self.word_is(i + 3, &["week"]))
                || (self.word_is(i + 2, &["of"])
                    && self.word_in(i + 3, &DAY_WEEK)
                    && self.word_is(i + 4, &["week"])))
        {
            // "on Friday next week": the peer includes "on"
            (WeekRef::Infer, i + 1)
        } else {
            (WeekRef::Infer, i)
        }
    }

    /// A date after weekday `wd` (at `wi`, ending at `j`, led from `i`): "Thursday, Oct. 9,
    /// 2020", "Saturday (October 10th)", "friday 7/6", "Thursday the 21st"; `Break` with the
    /// answer when the form decides it. `numeric`: a date in figures may follow ("friday 7/6").
    fn dated_weekday(
        &self,
        i: usize,
        wi: usize,
        j: usize,
        wd: Weekday,
        numeric: bool,
    ) -> ControlFlow<Option<Match>> {
        let mut k = j;
        if self.punct_is(k, ',')
            || ((self.punct_is(k, '-') || self.punct_is(k, '–')) && self.adj(k - 1, k))
        {
            k += 1;
        }
        let paren = self.punct_is(k, '(');
        let dk = if paren { k + 1 } else { k };
        // "Friday's 1.6 percent drop": a weekday's possessive owns a figure, no date in figures
        let numeric = numeric && !self.possessive(wi);
        let date = self
            .date_at(dk, false)
            .or_else(|| numeric.then(|| self.numeric(dk, true)).flatten());
        if let Some((e, Raw::Date { y, m, d, .. })) = date {
            let e = if !paren {
                e
            } else if self.punct_is(e, ')') {
                e + 1
            } else {
                return ControlFlow::Break(None);
            };
            let raw = Raw::Date {
                y,
                m,
                d,
                wd: Some(wd),
            };
            return ControlFlow::Break(Some(mk(i, e, raw, Some(wi))));
        }
        if self.word_is(k, &["the"]) && !paren {
            if let Some((e, d)) = self.day_num(k + 1).or_else(|| self.day_word(k + 1, true)) {
                if self.month_at(e).is_none()
                    && !self.tok(e).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && t.text.chars().all(|c| c.is_lowercase())
                            && !NOT_AFTER_DAY.has(t)
                    })
                {
                    let raw = Raw::DayOfMonth {
                        d,
                        month: MonthRef::Infer,
                        wd: Some(wd),
                    };
                    return ControlFlow::Break(Some(mk(i, e, raw, Some(wi))));
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// "Friday next week", "Tuesday of next week", "friday this week": the week named after
    /// weekday `wd` ending at `j`, led from `i`.
    fn weekday_of_week(&self, i: usize, j: usize, wd: Weekday) -> Option<Match> {
        let mut k = j;
        if self.word_is(k, &["of"]) {
            k += 1;
        }
        if !(self.word_in(k, &DET) && self.word_is(k + 1, &["week"])) {
            return None;
        }
        let off = if self.word_is(k, &["next"]) {
            1
        } else if self.word_is(k, &["last"]) {
            -1
        } else {
            0
        };
        Some(mk(
            i,
            k + 2,
            Raw::Weekday {
                wd,
                week: WeekRef::Offset(off),
            },
            None,
        ))
    }

    /// "last week", "this year", "next month" (and "next week on Friday", "this week Friday").
    fn period_at(&self, i: usize) -> Option<Match> {
        let off = if self.word_in(i, &PERIOD_THIS) {
            0
        } else if self.word_in(i, &PERIOD_NEXT) {
            1
        } else if self.word_in(i, &BACK) {
            -1
        } else {
            return None;
        };
        let mut buf = [0u8; 32];
        // "last month's explosion", "this year's election": the possessive names the period too
        let unit_word = self.tok(i + 1)?.text;
        let possessive = unit_word
            .strip_suffix("'s")
            .or_else(|| unit_word.strip_suffix("’s"));
        let unit = match lower_ascii(possessive.unwrap_or(unit_word), &mut buf) {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        // "This Week" in Title Case mid-text is the name of a programme or a column
        if self.tok(i).is_some_and(Tok::is_capitalized) && title_case(self.tok(i + 1)?) {
            return None;
        }
        if possessive.is_some() {
            // "this year's third quarter" is a quarter (timex.rs)
            let quarter = self.word_is(i + 2, &["quarter"])
                || (self.word_is(i + 3, &["quarter"])
                    && self.tok(i + 2).and_then(tok_ordinal).is_some());
            if quarter {
                return None;
            }
            return Some(mk(i, i + 2, Raw::Period { unit, offset: off }, None));
        }
        if unit == Unit::Week {
            let k = if self.word_is(i + 2, &["on"]) {
                i + 3
            } else {
                i + 2
            };
            if let Some((e, wd)) = self.weekday_tok(k).or_else(|| {
                // "this week Friday": allow the abbreviation-free weekday check to pass
                let t = self.tok(k)?;
                tok_weekday(t).map(|w| (k + 1, w))
            }) {
                return Some(mk(
                    i,
                    e,
                    Raw::Weekday {
                        wd,
                        week: WeekRef::Offset(off),
                    },
                    None,
                ));
            }
        }
        // "the last week of January", "the last month of 2012": a part of a named month or
        // year, not the week or month before publication
        if self.word_in(i + 2, &NTH_OF)
            && (self.month_at(i + 3).is_some() || self.year_num(i + 3).is_some())
        {
            return None;
        }
        Some(mk(i, i + 2, Raw::Period { unit, offset: off }, None))
    }

    /// "the week after next", "the year before last": the week, month or year two on from
    /// this one.
    fn beyond_period_at(&self, i: usize) -> Option<Match> {
        if !self.word_is(i, &["the"]) {
            return None;
        }
        let mut buf = [0u8; 32];
        let unit = match lower_ascii(self.tok(i + 1)?.text, &mut buf) {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        let offset = if self.word_is(i + 2, &["after"]) && self.word_is(i + 3, &["next"]) {
            2
        } else if self.word_is(i + 2, &["before"]) && self.word_is(i + 3, &["last"]) {
            -2
        } else {
            return None;
        };
        Some(mk(i, i + 4, Raw::Period { unit, offset }, None))
    }

    /// "the first Friday of July", "second Sunday", "the third Wednesday of previous month",
    /// "the last Sunday of March" (the last one only with its month: "the last Friday" alone is
    /// last week's).
    fn nth_weekday_at(&self, i: usize) -> Option<Match> {
        let the = self.word_is(i, &["the"]);
        let k = if the { i + 1 } else { i };
        let last = the && self.word_in(k, &ORDINAL_LAST) && self.word_in(k + 2, &NTH_OF);
        let n = if last {
            0
        } else {
            tok_ordinal(self.tok(k)?).filter(|n| (1..=5).contains(n))?
        };
        let t = self.tok(k + 1)?;
        let wd = tok_weekday(t).filter(|_| t.text.len() > 3)?;
        let mut e = k + 2;
        let mut month_ref = MonthRef::Offset(0);
        if self.word_in(e, &NTH_OF) {
            if let Some((e2, m)) = self.month_at(e + 1) {
                month_ref = MonthRef::Named(m);
                e = e2;
            } else if self.word_in(e + 1, &MONTH_REF) && self.word_is(e + 2, &["month"]) {
                month_ref = MonthRef::Offset(if self.word_is(e + 1, &["next"]) {
                    1
                } else if self.word_is(e + 1, &["this"]) {
                    0
                } else {
                    -1
                });
                e += 3;
            } else if self.word_is(e + 1, &["the"]) && self.word_is(e + 2, &["month"]) {
                e += 3;
            } else {
                return None;
            }
        } else if !the && !self.ends_phrase(e) {
            return None;
        }
        Some(mk(
            i,
            e,
            Raw::NthWeekday {
                n,
                wd,
                month: month_ref,
            },
            None,
        ))
    }

    /// "the first day of March", "the last day of June 2010", "the final day of 2012": the first
    /// or last calendar day of a named month or of a year. The last day of a February needs its
    /// year.
    fn day_of_at(&self, i: usize) -> Option<Match> {
        let last = self.word_in(i + 1, &ORDINAL_LAST);
        let first = self.tok(i + 1).and_then(tok_ordinal) == Some(1);
        if !(self.word_is(i, &["the"]) && (first || last))
            || !(self.word_is(i + 2, &["day"]) && self.word_in(i + 3, &NTH_OF))
        {
            return None;
        }
        if let Some((e, m)) = self.month_at(i + 4) {
            let (e, y) = match self.trailing_year(e) {
                Some((e, y)) => (e, Some(y)),
                None => (e, None),
            };
            let d = match (last, y) {
                (false, _) => 1,
                (true, Some(y)) => last_of_month(y, m)?,
                (true, None) => (28..=31)
                    .rev()
                    .find(|d| valid_md(m, *d))
                    .filter(|_| m != 2)?,
            };
            return Some(mk(i, e, Raw::Date { y, m, d, wd: None }, None));
        }
        let (e, y) = self.year_num(i + 4)?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let (m, d) = if last { (12, 31) } else { (1, 1) };
        Some(mk(
            i,
            e,
            Raw::Date {
                y: Some(y),
                m,
                d,
                wd: None,
            },
            None,
        ))
    }

    /// "on 15", "the 27th", "the second", "20th of next month", "on twenty second".
    fn day_only_at(&self, i: usize) -> Option<Match> {
        let on = self.word_is(i, &["on"]);
        let the = self.word_is(i, &["the"]) || (on && self.word_is(i + 1, &["the"]));
        let di = if on && the {
            i + 2
        } else if on || the {
            i + 1
        } else {
            i
        };
        let num = self.tok(di).is_some_and(|t| t.kind == TokKind::Num);
        let suffixed = num
            && self
                .tok(di + 1)
                .is_some_and(|s| is_ordinal_suffix(s.text) && self.adj(di, di + 1));
        let (e, d) = if num {
            self.day_num(di)?
        } else {
            self.day_word(di, the)?
        };
        // a small cardinal word after "the" is a group ("the more cautious of the two"), and so
        // is any after "of the"; "on the" keeps it a day
        let cardinal = !num && tok_ordinal(&self.t[di]).is_none() && e == di + 1;
        if cardinal && the && !on && (d <= 12 || (i > 0 && self.word_is(i - 1, &["of"]))) {
            return None;
        }
        // "depressed output in the first quarter and boosted it in the second": a quarter
        if !num && the && self.quarter_before(i) {
            return None;
        }
        // "20th of next month", "the 20th next month"
        let k = if self.word_is(e, &["of"]) { e + 1 } else { e };
        if self.word_in(k, &MONTH_REF)
            && self.word_is(k + 1, &["month"])
            && (suffixed || the || !num)
        {
            {
                let off = if self.word_is(k, &["next"]) {
                    1
                } else if self.word_is(k, &["this"]) {
                    0
                } else {
                    -1
                };
                let s = if the && !on {
                    i
                } else {
                    di - usize::from(the && on)
                };
                return Some(mk(
                    s.min(di),
                    k + 2,
                    Raw::DayOfMonth {
                        d,
                        month: MonthRef::Offset(off),
                        wd: None,
                    },
                    None,
                ));
            }
        }
        if !(on || the) {
            return None;
        }
        if !self.ends_phrase(e) {
            return None;
        }
        // "the first", "the second" need to end the sentence; bare "on 15" likewise
        let start = if the {
            if on {
                i + 1
            } else {
                i
            }
        } else {
            di
        };
        Some(mk(
            start,
            e,
            Raw::DayOfMonth {
                d,
                month: MonthRef::Infer,
                wd: None,
            },
            None,
        ))
    }

    /// How many tokens before a spelled ordinal the word "quarter" it may leave out is looked for.
    const ELIDED_REACH: usize = 12;

    /// True when "quarter" comes within [`Self::ELIDED_REACH`] tokens before `i` in the
    /// sentence: a spelled ordinal after it ("the second") names a quarter, not a day.
    fn quarter_before(&self, i: usize) -> bool {
        (i.saturating_sub(Self::ELIDED_REACH)..i).any(|k| self.word_is(k, &["quarter"]))
    }

    /// "today", "yesterday", "two days ago", "in 3 weeks", "the day after tomorrow", "1 month 21 days ago".
    fn relative_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Word {
            if let Some(d) = day_word_offset(t.text) {
                // "Metro Today", "Valley Today": a capitalised word before it makes it a name
                if self.name_part(i) {
                    return None;
                }
                return Some(mk(i, i + 1, offset(0, 0, d), None));
            }
            if let Some(m) = self.day_beside_at(i) {
                return Some(m);
            }
        }
        // "in 3 weeks", "in two business days"
        let in_prefix = t.is("in") || t.is("within");
        let ci = if in_prefix { i + 1 } else { i };
        let (mut k, chain) = match self.offset_chain(i, ci) {
            Ok(found) => found,
            Err(weekdays) => return weekdays,
        };
        // a trailing "and" or "," that led nowhere
        while k > ci && (self.word_is(k - 1, &["and"]) || self.punct_is(k - 1, ',')) {
            k -= 1;
        }
        if in_prefix {
            if self.word_in(k, &NOT_AFTER_IN) {
                return None;
            }
            return Some(mk(i, k, chain.signed(1, 0), None));
        }
        // "a week or so ago": the approximation before the anchor
        if self.word_is(k, &["or"]) && self.word_is(k + 1, &["so"]) {
            k += 2;
        }
        let (sign, base, e) = if self.word_in(k, &BEFORE_NOW) && !self.word_in(k + 1, &ANCHOR_DAY) {
            (-1, 0, k + 1)
        } else if self.word_is(k, &["later"]) {
            (1, 0, k + 1)
        } else if self.word_in(k, &FORWARD) && self.word_in(k + 1, &NOW) {
            (1, 0, k + 2)
        } else if self.word_in(k, &FORWARD) && self.word_in(k + 1, &TOMORROW) {
            (1, 1, k + 2)
        } else if self.word_is(k, &["from"]) && self.word_is(k + 1, &["yesterday"]) {
            (1, -1, k + 2)
        } else if self.word_is(k, &["before"]) && self.word_is(k + 1, &["yesterday"]) {
            (-1, -1, k + 2)
        } else if self.word_is(k, &["before"]) && self.word_is(k + 1, &["today"]) {
            (-1, 0, k + 2)
        } else {
            return None;
        };
        Some(mk(i, e, chain.signed(sign, base), None))
    }

    /// "the day before yesterday" / "the day after tomorrow" at `i` ("the" optional).
    fn day_beside_at(&self, i: usize) -> Option<Match> {
        let k = if self.tok(i)?.is("the") { i + 1 } else { i };
        if self.word_is(k, &["day"]) && self.word_in(k + 1, &DAY_SIDE) {
            let before = self.word_is(k + 1, &["before"]);
            if self.word_is(k + 2, &["yesterday"]) && before {
                return Some(mk(i, k + 3, offset(0, 0, -2), None));
            }
            if self.word_in(k + 2, &TOMORROW) && !before {
                return Some(mk(i, k + 3, offset(0, 0, 2), None));
            }
        }
        None
    }

    /// The chain of counts and units from `ci` ("1 month 21 days", "two weeks and three days"),
    /// with the index after it; else (as `Err`) "two sundays from now" led from `i`, or none.
    fn offset_chain(&self, i: usize, ci: usize) -> Result<(usize, OffsetChain), Option<Match>> {
        let mut k = ci;
        let mut c = OffsetChain::default();
        let mut any = false;
        while let Some((e, n)) = self.count_at(k) {
            // "3 1/2 years ago": half a unit more
            let half = self.half_at(e);
            let e = if half { e + 3 } else { e };
            if let Some((e2, unit)) = self.unit_at(e) {
                if half && !c.add_half(unit) {
                    return Err(None);
                }
                // saturating: a chain of thousands of offsets must not overflow
                match unit {
                    "day" => c.days = c.days.saturating_add(n),
                    "bday" => {
                        c.days = c.days.saturating_add(n);
                        c.business = true;
                    }
                    "week" => c.days = c.days.saturating_add(n.saturating_mul(7)),
                    "fortnight" => c.days = c.days.saturating_add(n.saturating_mul(14)),
                    "month" => c.months = c.months.saturating_add(n),
                    _ => c.years = c.years.saturating_add(n),
                }
                any = true;
                k = e2;
                if self.word_is(k, &["and"])
                    || (self.punct_is(k, ',')
                        && self
                            .count_at(k + 1)
                            .is_some_and(|(e3, _)| self.unit_at(e3).is_some()))
                {
                    k += 1;
                }
                continue;
            }
            // "two sundays from now", "two monday later"
            if !any {
                return Err(self.weekdays_ahead(i, e, n));
            }
            break;
        }
        if !any {
            return Err(None);
        }
        Ok((k, c))
    }

    /// True when "1/2" is written at `e`, its three tokens joined ("3 1/2 years").
    fn half_at(&self, e: usize) -> bool {
        let (Some(a), Some(s), Some(b)) = (self.tok(e), self.tok(e + 1), self.tok(e + 2)) else {
            return false;
        };
        a.text == "1"
            && s.is_punct('/')
            && b.text == "2"
            && a.span.end == s.span.start
            && s.span.end == b.span.start
    }

    /// "two sundays from now", "two monday later": `n` weekdays named at `e`, led from `i`.
    fn weekdays_ahead(&self, i: usize, e: usize, n: i64) -> Option<Match> {
        let wd = self
            .tok(e)
            .and_then(|w| weekday(w.text.trim_end_matches('s')).or_else(|| weekday(w.text)))?;
        if self.word_is(e + 1, &["from"]) && self.word_in(e + 2, &NOW) {
            return Some(mk(i, e + 3, Raw::WeekdaysAhead { n: n as u32, wd }, None));
        }
        if self.word_is(e + 1, &["later"]) {
            return Some(mk(i, e + 2, Raw::WeekdaysAhead { n: n as u32, wd }, None));
        }
        None
    }

    /// "since September 27", "since 1992", "since Saturday".
    fn since_at(&self, i: usize) -> Option<Match> {
        if !self.word_is(i, &["since"]) {
            return None;
        }
        let inner = self
            .date_at(i + 1, true)
            .or_else(|| self.weekday_led_at(i + 1).map(|m| (m.end, m.raw)))
            .or_else(|| {
                self.year_num(i + 1)
                    .filter(|(e, _)| {
                        !self.tok(*e).is_some_and(|t| {
                            t.kind == TokKind::Word
                                && t.text.chars().all(char::is_lowercase)
                                && !t.is("and")
                                && !t.is("when")
                        })
                    })
                    .map(|(e, y)| (e, Raw::Year(y)))
            })?;
        if matches!(inner.1, Raw::Range(..)) {
            return None;
        }
        Some(mk(i, inner.0, Raw::Since(Box::new(inner.1)), None))
    }

    /// "from 9 to 12 October", "between October 9 and 12", "from Oct. 9 to Oct. 12".
    fn range_at(&self, i: usize) -> Option<Match> {
        let between = self.word_is(i, &["between"]);
        if !(between || self.word_is(i, &["from"])) {
            return None;
        }
        let left_full = self.date_at(i + 1, true);
        let left_day = self.day_num(i + 1);
        let (le, left) = match (&left_full, left_day) {
            (Some((e, r)), _)
                if matches!(r, Raw::Date { .. } | Raw::Month { .. } | Raw::Year(_)) =>
            {
                (*e, Some(r.clone()))
            }
            (_, Some((e, d))) => (
                e,
                Some(Raw::DayOfMonth {
                    d,
                    month: MonthRef::Infer,
                    wd: None,
                }),
            ),
            _ => (0, None),
        };
        let left = left?;
        let joined = if between {
            self.word_is(le, &["and"])
        } else {
            self.word_in(le, &RANGE_TO)
        };
        if !(joined || (!between && (self.punct_is(le, '-') || self.punct_is(le, '–')))) {
            return None;
        }
        let (re, right) = self
            .date_at(le + 1, true)
            .or_else(|| self.year_num(le + 1).map(|(e, y)| (e, Raw::Year(y))))?;
        let left = match (left, &right) {
            (Raw::DayOfMonth { d, .. }, Raw::Date { y, m, .. }) => {
                if !valid_md(*m, d) {
                    return None;
                }
                Raw::Date {
                    y: *y,
                    m: *m,
                    d,
                    wd: None,
                }
            }
            (Raw::DayOfMonth { .. }, _) => return None,
            (Raw::Date { y: None, m, d, wd }, Raw::Date { y: Some(y), .. }) => Raw::Date {
                y: Some(*y),
                m,
                d,
                wd,
            },
            (l, _) => l,
        };
        if matches!(right, Raw::Range(..)) {
            return None;
        }
        Some(mk(i, re, Raw::Range(Box::new(left), Box::new(right)), None))
    }

    /// Two days written with their months' names and joined by a dash that touches both, at
    /// `i`: "March 30-April 17", "Dec. 28-Jan. 4, 2021" (the dash alone makes the range; a
    /// year written after the second day is the first's too, or the one before when its
    /// month comes later).
    fn dashed_range_at(&self, i: usize) -> Option<Match> {
        self.month_at(i)?;
        let (le, left) = self.month_led(i, false)?;
        let Raw::Date {
            y: None,
            m: m0,
            d: d0,
            wd: None,
        } = left
        else {
            return None;
        };
        let dash = self.tok(le)?;
        if !((dash.is_punct('-') || dash.is_punct('–'))
            && self.adj(le - 1, le)
            && self.adj(le, le + 1))
        {
            return None;
        }
        self.month_at(le + 1)?;
        let (re, right) = self.month_led(le + 1, false)?;
        let Raw::Date { y, m, wd: None, .. } = right else {
            return None;
        };
        let y0 = y.map(|y| if m0 > m { y - 1 } else { y });
        let left = Raw::Date {
            y: y0,
            m: m0,
            d: d0,
            wd: None,
        };
        Some(mk(i, re, Raw::Range(Box::new(left), Box::new(right)), None))
    }

    /// "Noon" or "midnight" at `i` as an hour and minute; not "noon" after a word that makes
    /// it an idiom ("high noon").
    fn twelve(&self, i: usize) -> Option<(u32, u32)> {
        let t = self.tok(i).filter(|t| t.kind == TokKind::Word)?;
        if MIDNIGHT.has(t) {
            return Some((0, 0));
        }
        let idiom = || {
            i.checked_sub(1)
                .is_some_and(|p| self.word_in(p, &NOT_CLOCK))
        };
        (NOON.has(t) && !idiom()).then_some((12, 0))
    }

    /// Times: "12:00", "08:00 UTC", "4 p.m. ET", "2.00 a.m.", "2200GMT", "noon local time".
    /// "at 2100 hours", "0600 hrs": four figures read as a clock (00:00 to 23:59) with the
    /// word "hours", when a leading zero or a word that leads a clock time says so; "for 2100
    /// hours" and "after 1200 hours of talks" are stretches of time.
    fn military_hours(&self, i: usize) -> bool {
        let Some(t) = self
            .tok(i)
            .filter(|t| t.kind == TokKind::Num && t.text.len() == 4)
        else {
            return false;
        };
        let clock = t.num().is_some_and(|v| v < 2400 && v % 100 < 60);
        let led = t.text.starts_with('0')
            || i.checked_sub(1)
                .is_some_and(|p| self.word_in(p, &HOURS_LEAD));
        clock && led && self.word_in(i + 1, &CLOCK_HOURS) && !self.word_is(i + 2, &["of"])
    }

    /// A clock time at `i`: "noon", "12 midnight", "10:35 a.m.", "3 pm", "2200GMT", "0629 GMT".
    fn time_at(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Word {
            return self.twelve_time(i, i);
        }
        if t.kind != TokKind::Num {
            return None;
        }
        if i > 0
            && self.tok(i - 1).is_some_and(|p| {
                adjacent(p, t) && matches!(p.text, ":" | "." | "," | "/" | "-" | "$")
            })
        {
            return None;
        }
        // "12 noon", "12 midnight": the word says which twelve
        if t.text == "12" {
            if let Some(found) = self.twelve_time(i, i + 1) {
                return Some(found);
            }
        }
        let (e, hour, minute) = if t.text.len() <= 2
            && (self.punct_is(i + 1, ':') || self.punct_is(i + 1, '.'))
            && self.adj(i, i + 1)
        {
            self.colon_time(i)?
        } else if t.text.len() <= 2 {
            let h = t.num()? as u32;
            if !(1..=12).contains(&h) || self.meridiem(i + 1, i).is_none() {
                return None;
            }
            (i + 1, h, 0)
        } else if t.text.len() <= 4 {
            self.hundreds_time(i)?
        } else {
            return None;
        };
        self.time_with_meridiem(i, e, hour, minute)
    }

    /// "noon", "midnight" (with a zone after it) at `k`, led from `i`.
    fn twelve_time(&self, i: usize, k: usize) -> Option<Match> {
        let (h, m) = self.twelve(k)?;
        let (e, zone) = self
            .zone_at(k + 1)
            .map_or((k + 1, None), |(e, z)| (e, Some(z)));
        let raw = Raw::Time {
            hour: h,
            minute: m,
            zone,
        };
        Some(mk(i, e, raw, None))
    }

    /// "10:35", "10:35:20 a.m.", "2.00 a.m." at `i`: the end, hour and minute; none for a race
    /// time ("3:07:35") or a decimal ("3.50").
    fn colon_time(&self, i: usize) -> Option<(usize, u32, u32)> {
        let t = self.tok(i)?;
        let mt = self
            .tok(i + 2)
            .filter(|m| m.kind == TokKind::Num && m.text.len() == 2 && self.adj(i + 1, i + 2))?;
        let dot = self.punct_is(i + 1, '.');
        let (h, m) = (t.num()? as u32, mt.num()? as u32);
        if h > 24 || m > 59 {
            return None;
        }
        let mut e = i + 3;
        // seconds
        if self.punct_is(e, ':')
            && self.adj(e - 1, e)
            && self
                .tok(e + 1)
                .is_some_and(|s| s.kind == TokKind::Num && s.text.len() == 2)
        {
            e += 2;
            // "won in 3:07:35": a clock time with seconds and no zone or a.m. is a race time
            if self.am_pm(e).is_none() && self.zone_at(e).is_none() {
                return None;
            }
        }
        if dot && self.am_pm(e).is_none() {
            return None; // "3.50" is a number, "2.00 a.m." a time
        }
        Some((e, h, m))
    }

    /// "2200GMT", "0629 GMT", "1530 local time", "1900 hours" at `i`: the end, hour and minute.
    fn hundreds_time(&self, i: usize) -> Option<(usize, u32, u32)> {
        let t = self.tok(i)?;
        let v = t.num()? as u32;
        let (h, m) = (v / 100, v % 100);
        if h > 24 || m > 59 {
            return None;
        }
        // "10:35 a.m. (0735 GMT)" restates the time before it in another zone, and TIMEX3 tags
        // the first alone
        let touching = self
            .tok(i + 1)
            .is_some_and(|z| adjacent(t, z) && zone(z.text).is_some());
        let bracketed = i.checked_sub(1).is_some_and(|p| self.punct_is(p, '('));
        let z = touching || (!bracketed && self.zone_at(i + 1).is_some());
        if self.military_hours(i) {
            Some((i + 2, h, m))
        } else if self.am_pm(i + 1).is_none() && !z {
            None
        } else {
            Some((i + 1, h, m))
        }
    }

    /// The time `hour`:`minute` from `i` to `e`, read with an "a.m."/"p.m." and a zone after it.
    fn time_with_meridiem(&self, i: usize, e: usize, hour: u32, minute: u32) -> Option<Match> {
        let (mut e, mut hour) = (e, hour);
        if let Some((e2, pm)) = self.meridiem(e, i) {
            if hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            e = e2;
        } else if let Some(h) = self.day_part_hour(e, hour) {
            // the part of the day stays outside the time: it names its day ("Sunday")
            hour = h;
        }
        let (e, zone) = self.zone_at(e).map_or((e, None), |(e2, z)| (e2, Some(z)));
        Some(mk(
            i,
            e,
            Raw::Time {
                hour: hour % 24,
                minute,
                zone,
            },
            None,
        ))
    }

    /// "in 1994", "since 1992" (as a year), "in early 2020", "mid-2020".
    fn year_at(&self, i: usize) -> Option<Match> {
        let (e, y) = self.year_num(i)?;
        // "the 1988-89 season": a year running into the next, named by its first
        let e = self.split_year_end(e, y).unwrap_or(e);
        // "the 1970s" is a decade, "the third quarter of 1984" a quarter (timex.rs)
        if self.word_is(e, &["s"]) && self.adj(e - 1, e) || self.decade_possessive(i, e, y) {
            return None;
        }
        if i >= 2 && self.word_is(i - 1, &["of"]) && self.word_is(i - 2, &["quarter"]) {
            return None;
        }
        // "Q3 2012", "H1 2012" is a quarter or half (timex.rs)
        if i >= 2 && super::timex::part_letter(self.t, i - 2).is_some() {
            return None;
        }
        // "the fall of 1987" is a season (timex.rs)
        if i >= 2
            && self.word_is(i - 1, &["of"])
            && self.tok(i - 2).and_then(|t| season(t.text)).is_some()
            && super::timex::season_of_year_words(self.t, i - 2)
        {
            return None;
        }
        // "the first half of 1997" is a half year (timex.rs)
        if i >= 3
            && self.word_is(i - 1, &["of"])
            && self.word_is(i - 2, &["half"])
            && (self.word_in(i - 3, &HALF_FIRST) || self.word_in(i - 3, &HALF_SECOND))
        {
            return None;
        }
        if !(1800..=2100).contains(&y) || self.model_year(e) {
            return None;
        }
        // "from 1991 to 1997", "between 1985 and 1987": the first year of a pair of years
        let paired = ((self.word_in(e, &YEAR_PAIR) || self.punct_is(e, '-'))
            && (self.year_num(e + 1).is_some() || self.abbreviated_year(e + 1).is_some()))
            || (i >= 2 && self.word_in(i - 1, &YEAR_PAIR) && self.year_num(i - 2).is_some());
        let prev_ok = i > 0 && {
            let p = self.tok(i - 1)?;
            p.kind == TokKind::Word && YEAR_PREFIXES.iter().any(|w| p.is(w))
                || (p.is_punct('-') && i > 1 && self.word_is(i - 2, &["mid"]))
                || p.is_punct('(')
        };
        // "nineteen ninety-six" said aloud is a year wherever it stands
        let spelled = self.tok(i).is_some_and(|t| t.kind == TokKind::Word);
        // "1982, 1985 and 1995", "1982, '85": a year in a list of years
        let listed = (self.punct_is(e, ',')
            && (self.year_num(e + 1).is_some() || self.abbreviated_year(e + 1).is_some()))
            || (i >= 2 && self.punct_is(i - 1, ',') && self.year_ends_at(i - 2));
        let possessive = self.year_possessive(e, y);
        if !prev_ok
            && !spelled
            && !listed
            && !possessive
            && !self.year_opening_sentence(i, e, y)
            && !self.year_before_noun(i, e)
        {
            return None;
        }
        // "by 2000 votes" is a count, not a year
        if prev_ok
            && !paired
            && self.word_is(i - 1, &YEAR_COUNT_PREFIXES)
            && self
                .tok(e)
                .is_some_and(|n| n.kind == TokKind::Word && n.text.chars().all(char::is_lowercase))
            && !self.word_in(e, &YEAR_CLAUSE_OPENERS)
            && !self.year_until(e)
        {
            return None;
        }
        if i > 0 && self.punct_is(i - 1, '(') && !self.punct_is(e, ')') {
            return None;
        }
        Some(mk(i, e, Raw::Year(y), None))
    }
}

/// True for a determiner or possessive that may stand before a modifier year ("the", "its",
/// "Iraq's").
pub(super) fn is_year_determiner(word: &str) -> bool {
    YEAR_DETERMINERS.contains(word) || word.ends_with("'s") || word.ends_with("’s")
}

impl P<'_, '_> {
    /// "the 1987 crash", "his 1996 campaign", "Iraq's 1990 invasion": a year between a determiner
    /// or possessive and a singular noun, or a plural one that a year dates ("the 1988 results",
    /// `year-plural-nouns.txt`). Another plural noun after it ("the 1500 soldiers") reads as a
    /// count, and so does a year outside 1900–2099.
    fn year_before_noun(&self, i: usize, e: usize) -> bool {
        let Some((_, y)) = self.year_num(i) else {
            return false;
        };
        if !(1900..2100).contains(&y) || i == 0 {
            return false;
        }
        let is_det = |k: usize| {
            self.tok(k).is_some_and(|p| {
                p.kind == TokKind::Word
                    && (YEAR_DETERMINERS.iter().any(|w| p.is(w))
                        || p.text.ends_with("'s")
                        || p.text.ends_with("’s"))
            })
        };
        // "his unsuccessful 1996 campaign": one plain adjective between them
        let det = is_det(i - 1) || (i >= 2 && self.plain_adjective(i - 1) && is_det(i - 2));
        let noun = self.tok(e).is_some_and(|n| {
            n.kind == TokKind::Word
                && n.text.len() > 2
                && (n.is_capitalized()
                    || !n.text.ends_with('s')
                    || n.text.ends_with("'s")
                    || YEAR_PLURAL_NOUNS.contains(n.text))
                && !YEAR_DETERMINERS.iter().any(|w| n.is(w))
        });
        // "the 1988 second quarter" and "the 1988 quarter" are quarters (timex.rs)
        let quarter = self.word_is(e + 1, &["quarter"])
            && self.tok(e).and_then(tok_ordinal).is_some()
            || self.word_is(e, &["quarter"]) && self.word_is(i - 1, &["the"]);
        det && noun && !quarter
    }
}

impl P<'_, '_> {
    /// The end of "-89" after the year `y` = 1988 ending at `e` ("the 1988-89 season", "fiscal
    /// 1990-91"): a hyphen and the next year's last two digits, written together.
    fn split_year_end(&self, e: usize, y: i32) -> Option<usize> {
        let two = self.tok(e + 1)?;
        let next = (two.kind == TokKind::Num && two.text.len() == 2)
            .then(|| two.text.parse::<i32>().ok())
            .flatten()?;
        let joined = self.punct_is(e, '-') && self.adj(e - 1, e) && self.adj(e, e + 1);
        (joined && next == (y + 1).rem_euclid(100)).then_some(e + 2)
    }

    /// "from 2001 until his death", "from 1990 till 1995": a word closing a stretch of time
    /// (until, till, through) after the number at `e` makes "from" lead a year, not a count.
    fn year_until(&self, e: usize) -> bool {
        self.word_in(e, &RANGE_TO) && self.word_in(e, &super::lexicon::DEADLINE)
    }

    /// "his 1987 sedan", "a 1999 Falcon pickup": a year (ending at `e`) before goods sold by model
    /// year, maybe with one or two capitalised words (make, model) between, names the model.
    fn model_year(&self, e: usize) -> bool {
        let caps = (e..e + 2)
            .take_while(|&k| {
                self.tok(k)
                    .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized())
                    && !self.word_in(k, &MODEL_YEAR_NOUNS)
            })
            .count();
        self.word_in(e + caps, &MODEL_YEAR_NOUNS)
    }

    /// "1988's results", "its 1990's budget": a year 1900–2099 with a possessive "'s".
    fn year_possessive(&self, e: usize, y: i32) -> bool {
        let apostrophe = self.punct_is(e, '\'') || self.punct_is(e, '’');
        apostrophe
            && self.word_is(e + 1, &["s"])
            && self.adj(e - 1, e)
            && self.adj(e, e + 1)
            && (1900..2100).contains(&y)
    }

    /// "1989 was a good year": news style spells out a number opening a sentence, except a year,
    /// so four digits 1900–2099 there are one unless a plural noun follows that they count
    /// ("1500 people", not in `year-plural-nouns.txt`) or another number (a table's row).
    fn year_opening_sentence(&self, i: usize, e: usize, y: i32) -> bool {
        let opens = (0..i).all(|k| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Punct && !t.is_punct('$') && !t.is_punct('-'))
        });
        // "1930 - Born in …": a dash set off by spaces after the year heads a chronology entry
        let heading_dash = self.punct_is(e, '-') && !self.adj(e - 1, e) && self.heads_entry(e + 1);
        let counted = self.tok(e).is_some_and(|n| {
            n.kind == TokKind::Num
                || n.is_punct('%')
                || (n.is_punct('-') && !heading_dash)
                || n.kind == TokKind::Word
                    && n.text.len() > 2
                    && n.text.ends_with('s')
                    && !n.text.ends_with("'s")
                    && !YEAR_PLURAL_NOUNS.contains(n.text)
                    && !self.word_in(e, &super::named::SUBJECT_VERBS)
        });
        opens && (1900..2100).contains(&y) && !counted
    }

    /// True when token `k` opens an entry's text after a heading dash: a word set off from the
    /// dash by a space (a chronology line "1930 - Born in …"), not a number or a joined part.
    fn heads_entry(&self, k: usize) -> bool {
        k > 0
            && !self.adj(k - 1, k)
            && self
                .tok(k)
                .is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase))
    }

    /// "the 1980's", "the late 1970's": a round year with "'s" after "the" or a period part is
    /// a decade (timex.rs).
    fn decade_possessive(&self, i: usize, e: usize, y: i32) -> bool {
        y % 10 == 0
            && i > 0
            && (self.word_is(i - 1, &["the"]) || self.word_in(i - 1, &PERIOD_PART))
            && self.year_possessive(e, y)
    }
}

impl P<'_, '_> {
    /// A lowercase word that may describe a year's event without counting anything: not a
    /// participle ("estimated"), a word that leads figures ("nearly") or a determiner.
    fn plain_adjective(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|a| {
            a.kind == TokKind::Word
                && a.text.len() > 3
                && a.text.chars().all(|c| c.is_ascii_lowercase())
                && !a.text.ends_with("ed")
                && !NUMBER_LEADS.iter().any(|w| a.is(w))
                && !YEAR_DETERMINERS.iter().any(|w| a.is(w))
                && !YEAR_PREFIXES.iter().any(|w| a.is(w))
        })
    }
}

impl P<'_, '_> {
    /// True when the Title Case word `i` follows a capitalised word of the same sentence, so it
    /// is the last word of a name ("Metro Today").
    fn name_part(&self, i: usize) -> bool {
        let here = self.tok(i).is_some_and(title_case);
        here && i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.kind == TokKind::Word && p.is_capitalized())
    }
}

/// A word with a capital first letter and lowercase after it ("Week", not "WEEK" or "week").
/// The unit a word of a count that moves a date names, by its singular ("weeks" is "week").
fn offset_unit(t: &Tok) -> Option<&'static str> {
    if t.kind != TokKind::Word || !OFFSET_UNIT.has(t) {
        return None;
    }
    let mut buf = [0u8; 32];
    let lower = lower_ascii(t.text, &mut buf);
    let one = lower.strip_suffix('s').filter(|w| OFFSET_UNIT.contains(w));
    let one = one.unwrap_or(lower);
    OFFSET_UNIT.iter().copied().find(|w| *w == one)
}

fn title_case(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.is_capitalized()
        && t.text.chars().skip(1).any(|c| c.is_lowercase())
}

/// The day offset a word names by itself: "today", "tonight", "tomorrow('s)", "tmrw",
/// "yesterday('s)"; no possessive of "tonight" or "tmrw".
fn day_word_offset(word: &str) -> Option<i64> {
    let mut buf = [0u8; 32];
    let lower = lower_ascii(word, &mut buf);
    let (base, possessive) = match lower.strip_suffix("'s") {
        Some(b) => (b, true),
        None => (lower, false),
    };
    match base {
        "today" => Some(0),
        "tonight" if !possessive => Some(0),
        "tomorrow" => Some(1),
        "tmrw" if !possessive => Some(1),
        "yesterday" => Some(-1),
        _ => None,
    }
}

/// Years, months and days summed over a chain of counts and units ("1 month 21 days").
#[derive(Default)]
struct OffsetChain {
    years: i64,
    months: i64,
    days: i64,
    business: bool,
}

impl OffsetChain {
    /// Adds half a `unit` ("3 1/2 years": six months more); false for a unit whose half is no
    /// whole count of a smaller one (a day, a business day).
    fn add_half(&mut self, unit: &str) -> bool {
        match unit {
            "year" => self.months = self.months.saturating_add(6),
            "month" => self.days = self.days.saturating_add(15),
            "fortnight" => self.days = self.days.saturating_add(7),
            _ => return false,
        }
        true
    }

    /// The offset in direction `sign` (1 or -1), `base` days added.
    fn signed(&self, sign: i64, base: i64) -> Raw {
        Raw::Offset {
            years: sign * self.years,
            months: sign * self.months,
            days: (sign * self.days).saturating_add(base),
            business: self.business,
        }
    }
}

fn offset(years: i64, months: i64, days: i64) -> Raw {
    Raw::Offset {
        years,
        months,
        days,
        business: false,
    }
}

fn mk(start: usize, end: usize, raw: Raw, weekday_tok: Option<usize>) -> Match {
    Match {
        start,
        end,
        raw,
        weekday_tok,
    }
}

/// The number of the last day of month `m` of year `y`.
fn last_of_month(y: i32, m: u32) -> Option<u32> {
    use chrono::Datelike;
    chrono::NaiveDate::from_ymd_opt(y, m, 1).map(|d| super::last_day_of_month(d).day())
}

/// True when day `d` can exist in month `m` (29 February allowed).
pub fn valid_md(m: u32, d: u32) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max).contains(&d)
}

/// Month and day from two numbers: `/` and `-` read month first (US), `.` day first (Europe),
/// unless only one order is possible.
fn order_md(a: u32, b: u32, sep: &str) -> Option<(u32, u32)> {
    let md = (1..=12).contains(&a) && valid_md(a, b);
    let dm = (1..=12).contains(&b) && valid_md(b, a);
    match (md, dm) {
        (true, true) => Some(if sep == "." { (b, a) } else { (a, b) }),
        (true, false) => Some((a, b)),
        (false, true) => Some((b, a)),
        _ => None,
    }
}

/// True when a year ends at token `k` of `toks` ("1982", the "85" of "'85").
pub(super) fn year_ends_at(toks: &[Tok], k: usize) -> bool {
    P { t: toks }.year_ends_at(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok<'_>> {
        tokens(s, Span::new(0, s.len()))
    }

    #[test]
    fn a_unit_word_names_its_unit_by_the_singular() {
        let t = toks("Fortnights fortnight DAYS years hours");
        let units: Vec<_> = t.iter().map(offset_unit).collect();
        let want = [
            Some("fortnight"),
            Some("fortnight"),
            Some("day"),
            Some("year"),
            None,
        ];
        assert_eq!(units, want);
        let p = P {
            t: &toks("working days, business weeks"),
        };
        assert_eq!(p.unit_at(0), Some((2, "bday")));
        assert_eq!(p.unit_at(3), None);
    }

    #[test]
    fn a_meridiem_is_read_whole_or_letter_by_letter() {
        let p = P {
            t: &toks("9 AM, 9 p.M. and 9 a.m and 9 a.x. or 9 é.m."),
        };
        let at = |w: &str| p.t.iter().position(|t| t.text == w).unwrap_or(0);
        assert_eq!(p.am_pm(at("AM")), Some((at("AM") + 1, false)));
        assert_eq!(p.am_pm(at("p")), Some((at("p") + 4, true)));
        assert_eq!(p.am_pm(at("a")), Some((at("a") + 3, false)));
        assert_eq!(p.am_pm(at("x") - 2), None);
        assert_eq!(p.am_pm(at("é")), None);
    }
}
