//! Figures a reader would check: "at least 17 hikers have been injured and 3 killed"
//! gives two [`Claim`]s, each with its value as an [`Interval`], the thing counted, what
//! happened to it ([`Measure`]), its time and the entities of its sentence.
//!
//! Not figures: dates and times (anything inside a [`Temporal`]), years, ages ("aged 34",
//! "28-year-old"), ordinals, numbers inside names and codes ("COVID-19", "Corvane 410",
//! "Route 66"), list markers and phone numbers.

pub mod attribution;
mod claim;
mod np_chunk;
pub mod number;
mod parts;
pub mod readings;

use crate::article::Article;
use crate::text::{SentenceToks, Span, Tok, TokKind};
use crate::time::Temporal;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use attribution::{Attribution, AttributionKind};
pub use claim::Rejection;
pub use readings::Readings;

/// What a figure counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// People killed, dead, a death toll.
    Killed,
    /// People wounded, injured, hurt.
    Injured,
    /// People missing or unaccounted for.
    Missing,
    /// People displaced, evacuated, who fled.
    Displaced,
    /// People arrested or detained.
    Arrested,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A count of people or things.
    Count,
    /// A length of time.
    Duration,
    /// Anything else (distances, speeds, weights).
    Other,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 10] = [
        Measure::Killed,
        Measure::Injured,
        Measure::Missing,
        Measure::Displaced,
        Measure::Arrested,
        Measure::Money,
        Measure::Percent,
        Measure::Count,
        Measure::Duration,
        Measure::Other,
    ];

    /// The lowercase name, as in `sensitive-measures`.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Killed => "killed",
            Measure::Injured => "injured",
            Measure::Missing => "missing",
            Measure::Displaced => "displaced",
            Measure::Arrested => "arrested",
            Measure::Money => "money",
            Measure::Percent => "percent",
            Measure::Count => "count",
            Measure::Duration => "duration",
            Measure::Other => "other",
        }
    }
}

/// An inclusive range of values; `max` is infinite when unbounded ("at least 30").
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    /// Lowest value.
    pub min: f64,
    /// Highest value (`f64::INFINITY` when unbounded).
    pub max: f64,
    /// True when `min` itself is excluded ("more than 400").
    pub min_exclusive: bool,
    /// True when `max` itself is excluded ("fewer than 20").
    pub max_exclusive: bool,
}

impl Interval {
    /// A single value.
    pub fn exact(v: f64) -> Interval {
        Interval {
            min: v,
            max: v,
            min_exclusive: false,
            max_exclusive: false,
        }
    }
    /// True when the interval is one value.
    pub fn is_exact(&self) -> bool {
        self.min == self.max
    }
    /// The value as JSON: a number, or `{"min","max"}` (max null when unbounded).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let num = |v: f64| {
            if v.is_finite() {
                if v.fract() == 0.0 && v.abs() < 9e15 {
                    json!(v as i64)
                } else {
                    json!(v)
                }
            } else {
                serde_json::Value::Null
            }
        };
        if self.is_exact() {
            num(self.min)
        } else {
            json!({"min": num(self.min), "max": num(self.max)})
        }
    }
}

/// One check-worthy figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The figure's words ("more than 400 people").
    pub span: Span,
    /// The value meant, bounded by its qualifier.
    pub value: Interval,
    /// The qualifier as written ("at least", "more than").
    pub qualifier: Option<String>,
    /// The thing counted ("Bhutanese hikers"), carried over an ellipsis.
    pub noun: Option<String>,
    /// What happened to it, or what is measured.
    pub measure: Measure,
    /// Written in words that only give an order of magnitude ("hundreds").
    pub vague: bool,
    /// Indices into the analysis's dates of the dates in the claim's sentence.
    pub dates: Vec<usize>,
    /// The claim's time: the first date of its sentence, else the publication date.
    pub time: Option<NaiveDate>,
    /// True when every date of its sentence lies in a year before publication.
    pub historical: bool,
    /// Names of the entities of its sentence.
    pub entities: Vec<String>,
    /// Index of its sentence.
    pub sentence: usize,
    /// Who says so, when the article tells.
    pub attribution: Option<Attribution>,
    /// What the comparison of sources needs to know about it, read once here.
    pub readings: Readings,
}

impl Claim {
    /// A claim with no time, entities or attribution yet.
    fn new(
        span: Span,
        value: Interval,
        qualifier: Option<String>,
        noun: Option<String>,
        measure: Measure,
    ) -> Claim {
        Claim {
            span,
            value,
            qualifier,
            noun,
            measure,
            vague: false,
            dates: Vec::new(),
            time: None,
            historical: false,
            entities: Vec::new(),
            sentence: 0,
            attribution: None,
            readings: Readings::default(),
        }
    }

    fn in_sentence(self, sentence: usize) -> Claim {
        Claim { sentence, ..self }
    }
}

/// Qualifiers before a number (`qualifiers.tsv`), longest first: (words, kind).
pub(crate) fn qualifiers() -> &'static [(Vec<&'static str>, Q)] {
    static TABLE: std::sync::OnceLock<Vec<(Vec<&'static str>, Q)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(Vec<&'static str>, Q)> =
            crate::lexicon::entries(crate::word_data!("qualifiers.tsv"))
                .filter_map(|e| {
                    let mut c = crate::lexicon::columns(e);
                    let words = c.next()?.split(' ').collect();
                    let q = match c.next()? {
                        "at-least" => Q::AtLeast,
                        "more-than" => Q::MoreThan,
                        "nearly" => Q::Nearly,
                        "about" => Q::About,
                        "up-to" => Q::UpTo,
                        "less-than" => Q::LessThan,
                        _ => return None,
                    };
                    Some((words, q))
                })
                .collect();
        // a phrase that ends another is tried after it ("no fewer than" before "fewer than")
        t.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        t
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Q {
    AtLeast,
    MoreThan,
    Nearly,
    About,
    UpTo,
    LessThan,
}

pub(crate) fn apply(q: Q, v: Interval) -> Interval {
    let mut out = v;
    match q {
        Q::AtLeast => out.max = f64::INFINITY,
        Q::MoreThan => {
            out.max = f64::INFINITY;
            out.min_exclusive = true;
        }
        Q::Nearly => out.min = v.min * 0.9,
        Q::About => {
            out.min = v.min * 0.9;
            out.max = v.max * 1.1;
        }
        Q::UpTo => out.min = 0.0,
        Q::LessThan => {
            out.min = 0.0;
            out.max_exclusive = true;
        }
    }
    out
}

/// Keywords for each measure, searched near the figure (`measure-words.tsv`).
static MEASURE_WORDS: std::sync::LazyLock<Vec<(&str, Measure)>> = std::sync::LazyLock::new(|| {
    crate::lexicon::entries(crate::word_data!("measure-words.tsv"))
        .filter_map(|e| {
            let mut c = crate::lexicon::columns(e);
            let (w, m) = (c.next()?, c.next()?);
            Measure::ALL
                .iter()
                .find(|x| x.as_str() == m)
                .map(|x| (w, *x))
        })
        .collect()
});

/// True when token `j` is part of a number written with a decimal point ("6", ".", "4" of
/// "6.4"): a measurement, not a count.
pub(crate) fn in_decimal(toks: &[Tok], j: usize) -> bool {
    let glued = |x: usize, y: usize| matches!((toks.get(x), toks.get(y)), (Some(a), Some(b)) if a.span.end == b.span.start);
    let num = |x: usize| toks.get(x).is_some_and(|t| t.kind == TokKind::Num);
    let point = |x: usize| {
        toks.get(x).is_some_and(|t| t.is_punct('.'))
            && x > 0
            && num(x - 1)
            && num(x + 1)
            && glued(x - 1, x)
            && glued(x, x + 1)
    };
    point(j) || (num(j) && (point(j + 1) || (j > 0 && point(j - 1))))
}

pub(crate) fn measure_word(t: &Tok) -> Option<Measure> {
    if t.kind != TokKind::Word || !MEASURE_WORD_SET.has(t) {
        return None;
    }
    MEASURE_WORDS.iter().find(|(w, _)| t.is(w)).map(|(_, m)| *m)
}

use crate::lexicon::class;
pub(crate) use crate::lexicon::sets::{
    CURRENCY_SET, DURATION_UNIT_SET, MEASURE_UNIT_SET, MEASURE_WORD_SET, NOUN_STOP_SET, PEOPLE_SET,
};
crate::word_set!(pub(crate) NOT_A_NOUN_SET = file "not-a-noun.txt");

pub(crate) const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥', '₽', '₹'];

/// Extracts the claims of an article. `dates` are the article's temporal expressions;
/// `published` the publication date.
pub fn extract(
    text: &str,
    article: &Article,
    dates: &[Temporal],
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    let toks = sentence_tokens(text, article);
    extract_with(text, article, dates, published, &toks)
}

/// The tokens of every sentence of an article, computed once and shared by the stages.
pub fn sentence_tokens<'a>(text: &'a str, article: &Article) -> SentenceToks<'a> {
    SentenceToks::new(text, article.sentences.iter().map(|s| s.span))
}

/// [`extract`] over tokens already computed by [`sentence_tokens`].
pub fn extract_with(
    text: &str,
    article: &Article,
    dates: &[Temporal],
    published: Option<NaiveDate>,
    sentence_toks: &SentenceToks,
) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut di = 0usize;
    for (si, s) in article.sentences.iter().enumerate() {
        // dates of this sentence (dates are in text order)
        while dates.get(di).is_some_and(|d| d.span.end <= s.span.start) {
            di += 1;
        }
        let mut dj = di;
        let mut sent_dates = Vec::new();
        while let Some(d) = dates.get(dj) {
            if d.span.start >= s.span.end {
                break;
            }
            sent_dates.push(dj);
            dj += 1;
        }
        let Some(toks) = sentence_toks.get(si) else {
            continue;
        };
        // fast path: a sentence without digits or number-ish words has no figure (every ASCII
        // digit of the sentence is in one of its number tokens)
        let sum = sentence_toks
            .summary(si)
            .unwrap_or_else(|| crate::text::Summary::of(toks));
        let has_digit = sum.has_num;
        // every number-ish head of the sentence's text lies in a word token that has the
        // number-ish class or is more than ASCII letters, so the text is read only then
        let has_numberish = || {
            (!sum.all_plain || sum.classes & class::NUMBERISH != 0)
                && has_numberish_word(s.span.slice(text))
        };
        if !has_digit && !has_numberish() {
            continue;
        }
        let first = out.len();
        sentence_claims(text, toks, dates, &sent_dates, si, &mut out);
        if out.len() == first {
            continue;
        }
        parts::reread(toks, &mut out, first);
        readings::read(text, s.span, &mut out, first);
        let time = sent_dates
            .iter()
            .filter_map(|&i| dates.get(i).and_then(|d| d.value.first_day()))
            .next()
            .or(published);
        let historical = match published {
            Some(p) if !sent_dates.is_empty() => sent_dates.iter().all(|&i| {
                dates
                    .get(i)
                    .and_then(|d| d.value.last_day())
                    .is_some_and(|l| l.year() < p.year())
            }),
            _ => false,
        };
        for c in &mut out[first..] {
            c.time = time;
            c.historical = historical;
            c.dates.clone_from(&sent_dates);
        }
    }
    out
}

/// True when a word of `s` can start a spelled-out or vague number (digits are tested by the
/// caller, on the sentence's tokens).
fn has_numberish_word(s: &str) -> bool {
    // words here are runs of ASCII letters and hyphens
    s.as_bytes()
        .split(|c| !WORD_BYTE[usize::from(*c)])
        .any(|w| may_start_number(w, 0, w.len()) && is_numberish_bytes(w))
}

/// ASCII letters and the hyphen: the bytes of a word for [`has_numberish_word`].
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphabetic() || b as u8 == b'-';
        b += 1;
    }
    t
};

/// Cheap test before [`is_numberish_bytes`]: every number-ish head has at least three letters and
/// starts with one of these.
#[inline]
fn may_start_number(b: &[u8], start: usize, end: usize) -> bool {
    end >= start + 3
        && b.get(start).is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase(),
                b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b'o' | b's' | b't'
            )
        })
}

/// Heads that make a word number-ish regardless of case: the cardinals from "one" to
/// "ninety" that [`number::word_value`] reads, the vague quantities of
/// [`number::vague_value`], and "dozen".
static NUMBERISH_ANY_CASE: std::sync::LazyLock<crate::lexicon::ShortTable<()>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::ShortTable::new(
            crate::time::lexicon::CARDINALS
                .iter()
                .copied()
                .chain(VAGUE_HEADS.iter().copied())
                .map(|w| (w, ())),
        )
    });

/// True for a word that may start a spelled-out or vague number.
#[cfg(test)]
fn is_numberish(w: &str) -> bool {
    is_numberish_bytes(w.as_bytes())
}

/// True for a word (its bytes) that may start a spelled-out or vague number.
fn is_numberish_bytes(b: &[u8]) -> bool {
    let head = match b.iter().position(|&c| c == b'-') {
        Some(i) => &b[..i],
        None => b,
    };
    // every head is three to nine letters long
    if !(3..=9).contains(&head.len()) {
        return false;
    }
    if NUMBERISH.iter().any(|n| n.as_bytes() == head) {
        return true;
    }
    crate::lexicon::short_key(head).is_some_and(|k| NUMBERISH_ANY_CASE.get(k).is_some())
}

use crate::lexicon::sets::{NUMBER_SCALES as NUMBERISH, VAGUE_QUANTITIES as VAGUE_HEADS};

/// Rules-as-written version of [`is_numberish`], for tests.
#[cfg(test)]
fn is_numberish_slow(w: &str) -> bool {
    let head = w.split('-').next().unwrap_or(w);
    number::word_value(head).is_some()
        || number::vague_value(head).is_some()
        || NUMBERISH.words().contains(&head)
        || head.eq_ignore_ascii_case("dozen")
}

#[cfg(test)]
#[test]
fn numberish_fast_matches_slow() {
    for w in [
        "one",
        "One",
        "ONE",
        "twenty-five",
        "Hundred",
        "hundred",
        "hundreds",
        "Hundreds",
        "Dozen",
        "dozen-odd",
        "zero",
        "Zero",
        "a",
        "an",
        "ten",
        "tens",
        "Tens",
        "scores",
        "sc",
        "thousand",
        "Thousand",
        "thousands",
        "million",
        "Millions",
        "billion",
        "BILLION",
        "word",
        "",
        "-",
        "-one",
        "one-",
        "seventeen",
        "seventeens",
        "nineteen",
        "ninety-nine",
        "twen",
        "öne",
        "k",
        "dozens",
    ] {
        assert_eq!(is_numberish(w), is_numberish_slow(w), "{w}");
    }
}

fn sentence_claims(
    text: &str,
    toks: &[Tok],
    all_dates: &[Temporal],
    sent_dates: &[usize],
    si: usize,
    out: &mut Vec<Claim>,
) {
    let mut i = 0;
    let mut last_noun: Option<String> = None;
    let mut last_measure: Option<Measure> = None;
    while i < toks.len() {
        let Some(num) = number::read(toks, i).or_else(|| another(toks, i, last_measure)) else {
            i += 1;
            continue;
        };
        let next_i = num.end.max(i + 1);
        let prev = claim::Prev {
            noun: &last_noun,
            measure: last_measure,
        };
        let cx = claim::Cx {
            text,
            toks,
            dates: all_dates,
            sent_dates,
            si,
        };
        match claim::claim_at(&cx, num, &prev) {
            // "another" stands for a casualty only
            Ok((c, _))
                if toks.get(i).is_some_and(|t| t.is("another"))
                    && !matches!(c.measure, Measure::Killed | Measure::Injured) =>
            {
                i = next_i;
            }
            Ok((c, end)) => {
                if c.noun.is_some() {
                    last_noun.clone_from(&c.noun);
                }
                last_measure = Some(c.measure);
                // a conversion in brackets right after a measurement is part of it:
                // "12 feet (3.6 m)"; "48.1 per cent (16,141,241 votes)" is two figures
                let mut end = end;
                if matches!(c.measure, Measure::Other | Measure::Money)
                    && toks.get(end).is_some_and(|t| t.is_punct('('))
                    && toks.get(end + 1).is_some_and(|t| t.kind == TokKind::Num)
                {
                    if let Some(close) = toks.iter().skip(end).position(|t| t.is_punct(')')) {
                        end += close + 1;
                    }
                }
                out.push(c);
                i = end.max(next_i);
            }
            Err(_) => i = next_i,
        }
    }
}

/// "another" after a casualty figure of the sentence is a count of one of its own: "one man
/// was killed and another wounded", "two died and another person was hurt" (read only after
/// such a figure, so the token loop pays nothing otherwise).
fn another(toks: &[Tok], i: usize, last: Option<Measure>) -> Option<number::Number> {
    if !matches!(last, Some(Measure::Killed | Measure::Injured)) {
        return None;
    }
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word && t.is("another"))?;
    // the casualty word comes after it: "another wounded", "another man was badly hurt"
    let fits = toks
        .iter()
        .skip(i + 1)
        .take(5)
        .take_while(|t| t.kind == TokKind::Word)
        .find(|t| !claim::links_subject_to_fate(t))
        .and_then(measure_word)
        .is_some_and(|m| matches!(m, Measure::Killed | Measure::Injured));
    fits.then_some(number::Number {
        start: i,
        end: i + 1,
        min: 1.0,
        max: 1.0,
        digits: false,
        vague: false,
    })
}

pub(crate) fn is_people(noun: &str) -> bool {
    let last = noun.split_whitespace().last().unwrap_or("");
    PEOPLE_SET.contains(last)
        || (last.chars().next().is_some_and(char::is_uppercase) && last.ends_with('s'))
}

/// [`is_people`] of `word.to_lowercase()`, without the copy for an ASCII word: the word set
/// compares without case and no ASCII lowercase letter is uppercase (a fast path for the
/// throughput benchmark, `cargo bench --bench throughput`: asked of the words around figures).
pub(crate) fn is_people_lowercased(word: &str) -> bool {
    if word.is_ascii() {
        PEOPLE_SET.contains(word.split_whitespace().last().unwrap_or(""))
    } else {
        is_people(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests;
