//! Figures a reader would check: "at least 30 Azeri civilians have been killed and 144 wounded"
//! gives two [`Claim`]s, each with its value as an [`Interval`], the thing counted, what
//! happened to it ([`Measure`]), its time and the entities of its sentence.
//!
//! Not figures: dates and times (anything inside a [`Temporal`]), years, ages ("aged 34",
//! "28-year-old"), ordinals, numbers inside names and codes ("COVID-19", "Boeing 737",
//! "Flight 302"), list markers and phone numbers.

pub mod attribution;
pub mod number;

use crate::article::Article;
use crate::text::{SentenceToks, Span, Tok, TokKind};
use crate::time::Temporal;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use attribution::{Attribution, AttributionKind};

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
    /// The thing counted ("Azeri civilians"), carried over an ellipsis.
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
        }
    }

    fn in_sentence(self, sentence: usize) -> Claim {
        Claim { sentence, ..self }
    }
}

/// Qualifiers before a number, longest first: (words, kind).
const QUALIFIERS: &[(&[&str], Q)] = &[
    (&["at", "least"], Q::AtLeast),
    (&["no", "fewer", "than"], Q::AtLeast),
    (&["no", "less", "than"], Q::AtLeast),
    (&["more", "than"], Q::MoreThan),
    (&["upwards", "of"], Q::MoreThan),
    (&["in", "excess", "of"], Q::MoreThan),
    (&["just", "over"], Q::MoreThan),
    (&["over"], Q::MoreThan),
    (&["above"], Q::MoreThan),
    (&["exceeding"], Q::MoreThan),
    (&["nearly"], Q::Nearly),
    (&["almost"], Q::Nearly),
    (&["close", "to"], Q::Nearly),
    (&["just", "under"], Q::Nearly),
    (&["about"], Q::About),
    (&["around"], Q::About),
    (&["roughly"], Q::About),
    (&["approximately"], Q::About),
    (&["an", "estimated"], Q::About),
    (&["estimated"], Q::About),
    (&["some"], Q::About),
    (&["up", "to"], Q::UpTo),
    (&["at", "most"], Q::UpTo),
    (&["as", "many", "as"], Q::UpTo),
    (&["fewer", "than"], Q::LessThan),
    (&["less", "than"], Q::LessThan),
    (&["under"], Q::LessThan),
    (&["below"], Q::LessThan),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Q {
    AtLeast,
    MoreThan,
    Nearly,
    About,
    UpTo,
    LessThan,
}

fn apply(q: Q, v: Interval) -> Interval {
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

/// True when token `j` is part of a number written with a decimal point ("7", ".", "8" of
/// "7.8"): a measurement, not a count.
fn in_decimal(toks: &[Tok], j: usize) -> bool {
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

fn lower_in(t: &Tok, list: &[&str]) -> bool {
    t.kind == TokKind::Word && list.iter().any(|w| t.is(w))
}

fn measure_word(t: &Tok) -> Option<Measure> {
    if t.kind != TokKind::Word || !MEASURE_WORD_SET.has(t) {
        return None;
    }
    MEASURE_WORDS.iter().find(|(w, _)| t.is(w)).map(|(_, m)| *m)
}

use crate::lexicon::class;
pub(crate) use crate::lexicon::sets::{
    CURRENCY_SET, DURATION_UNIT_SET, MEASURE_UNIT_SET, MEASURE_WORD_SET, NOUN_STOP_SET, PEOPLE_SET,
};
crate::word_set!(NOT_A_NOUN_SET = file "not-a-noun.txt");

fn in_set(t: &Tok, set: &crate::lexicon::WordSet) -> bool {
    t.kind == TokKind::Word && set.has(t)
}

const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥', '₽', '₹'];

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

fn inside_temporal(dates: &[usize], all: &[Temporal], span: Span) -> bool {
    dates
        .iter()
        .any(|&i| all.get(i).is_some_and(|d| d.span.overlaps(span)))
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
        let Some(num) = number::read(toks, i) else {
            i += 1;
            continue;
        };
        let next_i = num.end.max(i + 1);
        let prev = Prev {
            noun: &last_noun,
            measure: last_measure,
        };
        match claim_at(text, toks, num, all_dates, sent_dates, si, &prev) {
            Some((c, end)) => {
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
            None => i = next_i,
        }
    }
}

/// What the previous figure of the sentence counted.
struct Prev<'a> {
    noun: &'a Option<String>,
    measure: Option<Measure>,
}

fn tok_word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a Tok<'a>> {
    toks.get(i).filter(|t| t.kind == TokKind::Word)
}

/// Builds the claim for a number, or None when it is not a check-worthy figure.
/// Returns the claim and the token index after it.
fn claim_at(
    text: &str,
    toks: &[Tok],
    num: number::Number,
    all_dates: &[Temporal],
    sent_dates: &[usize],
    si: usize,
    prev_claim: &Prev,
) -> Option<(Claim, usize)> {
    let last_noun = prev_claim.noun;
    let first = toks.get(num.start)?;
    let last = toks.get(num.end.checked_sub(1)?)?;
    let num_span = first.span.cover(last.span);
    if inside_temporal(sent_dates, all_dates, num_span) {
        return None;
    }
    let prev = num.start.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(num.end);
    if num.digits {
        // glued to letters or a hyphen before: "COVID-19", "G20", "A-10"
        if let Some(p) = prev {
            // "M7.8": a magnitude
            let magnitude = p.text == "M" && num.end > num.start + 1;
            if p.span.end == first.span.start
                && (p.kind == TokKind::Word || p.is_punct('-'))
                && !magnitude
            {
                return None;
            }
            // "#3", "No. 5"
            if p.span.end == first.span.start && (p.is_punct('#') || p.is_punct('/')) {
                return None;
            }
        }
        // glued after: "1st", "3rd", "12:00", "737-800", "9/11", phone numbers
        if let Some(n) = next {
            if n.span.start == last.span.end {
                // "1st", "3rd", "A320neo" — but "10km", "150mph" are figures with a unit
                if n.kind == TokKind::Word
                    && !n.is("s")
                    && !in_set(n, &MEASURE_UNIT_SET)
                    && !in_set(n, &DURATION_UNIT_SET)
                {
                    return None;
                }
                if n.is_punct(':') || n.is_punct('/') {
                    return None;
                }
                if n.is_punct('-') {
                    let after = toks.get(num.end + 1);
                    // "28-year-old", "737-800", "555-1234"
                    if after.is_some_and(|a| {
                        let l = a.text.to_ascii_lowercase();
                        a.kind == TokKind::Word && l.starts_with("year") && l.contains("old")
                    }) {
                        return None;
                    }
                    if after.is_some_and(|a| a.kind == TokKind::Num && a.text.len() >= 3)
                        && last.text.len() >= 3
                    {
                        return None;
                    }
                }
            }
        }
        // addresses, frequencies, names: "26876 Pine Ave", "100.3 KFAN-FM", "4 HURRICANE IAN"
        if let Some(n) = next {
            let n2 = toks.get(num.end + 1);
            let caps = |t: &Tok| t.kind == TokKind::Word && t.is_capitalized();
            if caps(n)
                && (n.text.len() > 1 && n.text.chars().all(|c| c.is_uppercase())
                    || n2.is_some_and(|t| caps(t) || t.is_punct('.') || t.is_punct('-')))
            {
                return None;
            }
        }
        // long numbers without separators (codes, typos) and leading zeros
        if num.end == num.start + 1
            && (first.text.len() >= 5 || (first.text.len() > 1 && first.text.starts_with('0')))
        {
            return None;
        }
        // a malformed group: "20,00"
        if next.is_some_and(|n| n.is_punct(',') && n.span.start == last.span.end)
            && toks
                .get(num.end + 1)
                .is_some_and(|n| n.kind == TokKind::Num && n.span.start == last.span.end + 1)
        {
            return None;
        }
        // a conversion in brackets after a figure: "12 feet (3.6 meters)"
        if prev.is_some_and(|p| p.is_punct('('))
            && num.start >= 2
            && toks.get(num.start - 2).is_some_and(|w| {
                w.kind == TokKind::Word
                    && (in_set(w, &MEASURE_UNIT_SET) || in_set(w, &CURRENCY_SET))
            })
        {
            return None;
        }
        // years: a bare 4-digit number between 1800 and 2100
        if num.min == num.max
            && first.text.len() == 4
            && num.end == num.start + 1
            && (1800.0..=2100.0).contains(&num.min)
            && !next.is_some_and(|n| n.is_punct('%') || lower_in(n, &["people", "residents"]))
        {
            return None;
        }
        // ages: "aged 34", "age 34"
        if prev.is_some_and(|p| p.is("aged") || p.is("age") || p.is("ages")) {
            return None;
        }
        // list markers: "1." or "2)" at the start of a sentence
        if num.start == 0 && next.is_some_and(|n| n.is_punct('.') || n.is_punct(')')) {
            return None;
        }
        // "Boeing 737", "Flight 302", "Article 50", "Category 4" (not "DeWolf's 4,000-pound")
        if let Some(p) = prev {
            if p.kind == TokKind::Word
                && p.is_capitalized()
                && !p.text.ends_with("'s")
                && !p.text.ends_with("\u{2019}s")
                && num.start > 0
                && !is_qualifier_word(p)
                && !next.is_some_and(|n| {
                    n.is_punct('%')
                        || lower_in(n, &["per", "percent", "people", "million", "billion"])
                })
                && !p.text.chars().all(|c| c.is_uppercase())
            {
                return None;
            }
        }
        // "page 3", "number 5", "No 10", "chapter", ...
        if prev.is_some_and(|p| {
            lower_in(
                p,
                &[
                    "page", "number", "no", "chapter", "section", "route", "highway", "flight",
                    "category", "cat", "level", "phase", "stage", "grade", "channel",
                ],
            )
        }) {
            return None;
        }
    } else {
        // "two South Caucasus countries": a name follows
        if let (Some(n), Some(n2)) = (next, toks.get(num.end + 1)) {
            if n.kind == TokKind::Word
                && n.is_capitalized()
                && n2.kind == TokKind::Word
                && n2.is_capitalized()
            {
                return None;
            }
        }
        // "one" is too common to be a figure on its own: it is kept before people in a list of
        // counts ("two journalists and one local guide") or among casualties ("one more
        // civilian died"), never in "one of"
        let people_after = toks
            .get(num.end..(num.end + 3).min(toks.len()))
            .is_some_and(|r| r.iter().any(|t| is_people(t.text)));
        let listed_or_casualty = prev.is_some_and(|p| p.is("and"))
            || context_measure(toks, num.start, num.end).is_some_and(|m| m != Measure::Count);
        if first.is("one")
            && num.end == num.start + 1
            && (next.is_some_and(|n| n.is("of")) || !(people_after && listed_or_casualty))
        {
            return None;
        }
        // "one of the", "two of them": kept only with a counted noun (checked below);
        // "five-year-old" has no unit of measure and is dropped with the compounds
    }
    // ---- the value, with range and qualifier ----
    let mut value = Interval {
        min: num.min,
        max: num.max,
        min_exclusive: false,
        max_exclusive: false,
    };
    let mut start_tok = num.start;
    let mut end_tok = num.end;
    // currency before: "$4.5bn", "€1.2 billion", "US$ 3"
    let mut money = false;
    if let Some(p) = prev {
        if p.kind == TokKind::Punct && p.text.starts_with(CURRENCY_SYMBOLS) {
            money = true;
            start_tok = num.start - 1;
        }
    }
    // decades: "the 1990s" is a time, "in the 40s" (temperatures, ages) a range of values
    let decade = num.digits
        && next.is_some_and(|n| n.is("s") && n.span.start == last.span.end)
        && num.min % 10.0 == 0.0;
    if decade {
        if (1800.0..=2100.0).contains(&num.min) {
            return None;
        }
        value.max = num.min + 9.0;
        end_tok += 1;
    }
    // ranges: "20-30", "20 to 30", "between 20 and 30"
    let mut range_end = None;
    if let Some(n) = next {
        if n.is_punct('-') || n.is_punct('–') || n.is("to") {
            let k = num.end + 1;
            let k = if toks
                .get(k)
                .is_some_and(|t| t.is_punct('$') || t.is_punct('€'))
            {
                k + 1
            } else {
                k
            };
            if let Some(n2) = number::read(toks, k) {
                if n2.digits == num.digits && n2.max >= num.min {
                    range_end = Some(n2);
                }
            }
        }
    }
    let mut between = false;
    if let Some(r) = range_end {
        value.max = r.max;
        end_tok = r.end;
        if num.start >= 1 && toks.get(num.start - 1).is_some_and(|p| p.is("between")) {
            between = true;
        }
    } else if num.start >= 1
        && toks.get(num.start - 1).is_some_and(|p| p.is("between"))
        && next.is_some_and(|n| n.is("and"))
    {
        if let Some(r) = number::read(toks, num.end + 1) {
            value.max = r.max;
            end_tok = r.end;
            between = true;
        }
    }
    // percent: "12%", "3 per cent", "12 percent"
    let mut percent = false;
    if let Some(n) = toks.get(end_tok) {
        if n.is_punct('%') || n.is("percent") || n.is("pct") {
            percent = true;
            end_tok += 1;
        } else if n.is("per") && tok_word(toks, end_tok + 1).is_some_and(|c| c.is("cent")) {
            percent = true;
            end_tok += 2;
        }
    }
    if !percent && !money {
        if let Some(n) = tok_word(toks, end_tok) {
            if in_set(n, &CURRENCY_SET) && (!n.is("pounds") || text_has_money_context(toks)) {
                money = true;
                end_tok += 1;
            }
        }
    }
    // qualifier before
    let mut qualifier = None;
    let qstart = if between { start_tok - 1 } else { start_tok };
    if between {
        qualifier = Some("between".to_string());
        start_tok = qstart;
    } else {
        for (words, q) in QUALIFIERS {
            let n = words.len();
            if qstart < n {
                continue;
            }
            let at = qstart - n;
            let matches = words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(at + k).is_some_and(|t| t.is(w)));
            if matches {
                value = apply(*q, value);
                let qs = toks.get(at)?.span.start;
                let qe = toks.get(qstart - 1)?.span.end;
                qualifier = Some(text.get(qs..qe).unwrap_or("").to_string());
                start_tok = at;
                break;
            }
        }
    }
    // "thousands of people": skip "of"
    let mut k = end_tok;
    if num.vague && tok_word(toks, k).is_some_and(|t| t.is("of")) {
        k += 1;
    }
    // counted noun: up to three words, stopping at function words and verbs
    let mut noun_start = k;
    let mut noun_end = k;
    let mut unit: Option<&str> = None;
    // compounds: "72-hour window", "15-story building", "ten-hour talks"
    if !percent && !money {
        let glued = toks.get(end_tok).filter(|h| h.is_punct('-')).and_then(|h| {
            let w = toks.get(end_tok + 1)?;
            (h.span.start == toks.get(end_tok - 1)?.span.end && h.span.end == w.span.start)
                .then_some(w)
        });
        if let Some(w) = glued {
            if let Some(u) = compound_unit(w.text) {
                unit = Some(u);
                end_tok += 2;
                k = end_tok;
                noun_start = k;
                noun_end = k;
            }
        } else if !num.digits && num.end == num.start + 1 {
            if let Some((_, rest)) = first.text.split_once('-') {
                if number::word_value(rest).is_none() {
                    unit = Some(compound_unit(rest)?);
                }
            }
        }
    }
    // "magnitude 7.8 earthquake", "M7.8": the word before names the unit
    let magnitude_before = !percent
        && !money
        && unit.is_none()
        && prev.is_some_and(|p| p.is("magnitude") || (p.text == "M" && num.digits));
    if magnitude_before {
        unit = Some("other");
        if qualifier.is_none() {
            start_tok = num.start - 1;
        }
    }
    let compound = unit.is_some();
    while !percent && !decade && !magnitude_before && noun_end < toks.len() && noun_end < k + 3 {
        let Some(t) = tok_word(toks, noun_end) else {
            break;
        };
        if (in_set(t, &NOUN_STOP_SET)
            || lower_in(t, &["potentially", "reportedly", "allegedly", "currently"])
            || in_set(t, &NOT_A_NOUN_SET))
            && !(noun_end == k && t.is("more"))
        {
            break;
        }
        if noun_end == k && t.is("more") {
            // "four more bodies"
            noun_end += 1;
            noun_start = noun_end;
            continue;
        }
        if measure_word(t).is_some() && !t.is("bodies") && !t.is("casualties") {
            break;
        }
        let mut found_unit = false;
        if unit.is_none() && noun_end == noun_start {
            if in_set(t, &DURATION_UNIT_SET) {
                unit = Some("duration");
                found_unit = true;
            } else if in_set(t, &MEASURE_UNIT_SET) {
                unit = Some("other");
                found_unit = true;
            }
        }
        noun_end += 1;
        if found_unit || compound {
            break;
        }
        // a noun in the plural usually ends the phrase ("civilians", "people")
        if (t.text.ends_with('s') || lower_in(t, &["people", "children", "men", "women"]))
            && !t.text.ends_with("ss")
            && t.text.len() > 3
            && !tok_word(toks, noun_end).is_some_and(|n| n.is_capitalized())
        {
            break;
        }
    }
    // "12 of those deaths", "76,000 of Philadelphia's mail-in ballots"
    if noun_end == noun_start
        && !percent
        && !money
        && unit.is_none()
        && tok_word(toks, k).is_some_and(|t| t.is("of"))
    {
        let mut j = k + 1;
        while tok_word(toks, j).is_some_and(|t| {
            lower_in(
                t,
                &[
                    "the", "those", "these", "their", "its", "his", "her", "our", "my", "them",
                ],
            ) || t.text.ends_with("'s")
                || t.text.ends_with("\u{2019}s")
        }) {
            j += 1;
        }
        let start = j;
        while j < start + 3 {
            let Some(t) = tok_word(toks, j) else { break };
            if in_set(t, &NOUN_STOP_SET) || t.is("them") {
                break;
            }
            j += 1;
            if t.text.ends_with('s') && !t.text.ends_with("ss") {
                break;
            }
        }
        if j > start {
            noun_start = start;
            noun_end = j;
        }
    }
    // "54 confirmed fatalities", "24 storm-related deaths", "36 total fatalities": the word
    // after the adjective tells the measure
    let mut measure_at = k;
    if noun_start == k
        && noun_end == k + 1
        && unit.is_none()
        && tok_word(toks, k).is_some_and(|t| {
            let l = t.text.to_ascii_lowercase();
            (l.ends_with("ed") && l.len() > 4) || matches!(l.as_str(), "total" | "known")
        })
        && tok_word(toks, k + 1).is_some_and(|t| measure_word(t).is_some())
    {
        noun_end = noun_start;
        measure_at = k + 1;
    }
    let noun = if noun_end > noun_start {
        let a = toks.get(noun_start)?.span.start;
        let b = toks.get(noun_end - 1)?.span.end;
        Some(text.get(a..b).unwrap_or("").to_string())
    } else if magnitude_before {
        Some("magnitude".to_string())
    } else {
        None
    };
    // a word that is itself a measure ("144 wounded", "seven dead")
    // ("hundreds of dead", "millions of refugees" after "of")
    let bare_measure = tok_word(toks, measure_at).and_then(measure_word);
    // ---- measure ----
    let measure = if money {
        Measure::Money
    } else if percent {
        Measure::Percent
    } else if unit == Some("duration") {
        Measure::Duration
    } else if unit == Some("other") {
        Measure::Other
    } else if let Some(m) = bare_measure {
        m
    } else {
        // a casualty word near a count of things tells what the things did, not what
        // happened to them: "two earthquakes killed…" counts earthquakes
        context_measure(toks, start_tok, noun_end.max(end_tok))
            .filter(|_| noun.as_deref().is_none_or(is_people))
            .unwrap_or(if noun.is_some() {
                Measure::Count
            } else {
                Measure::Other
            })
    };
    // ---- check-worthiness ----
    if decade && unit.is_none() && noun.is_none() {
        unit = Some("other");
    }
    let has_unit = money || percent || unit.is_some();
    if !num.digits && noun.is_none() && bare_measure.is_none() && !has_unit {
        // "the two", "one of": no figure; but "Hundreds more have been wounded",
        // "Thousands were trapped", "it draws thousands" are
        let after = tok_word(toks, end_tok);
        let vague_subject = num.vague
            && (after.is_none_or(|t| {
                lower_in(
                    t,
                    &[
                        "were", "are", "have", "had", "has", "more", "took", "fled", "gathered",
                    ],
                )
            }));
        if !vague_subject {
            return None;
        }
    }
    if !num.digits && !num.vague && !has_unit {
        // small spelled counts need a counted noun that is not a pronoun-like word
        if let Some(n) = &noun {
            let l = n.to_ascii_lowercase();
            if matches!(
                l.as_str(),
                "other" | "others" | "times" | "ways" | "sides" | "things"
            ) && bare_measure.is_none()
                && context_measure(toks, start_tok, noun_end).is_none()
            {
                return None;
            }
        }
    }
    // "two days after", "dozens of miles away": narrative time and distance, not figures
    if !num.digits
        && unit.is_some()
        && !compound
        && qualifier.is_none()
        && (num.vague
            || noun.as_deref().is_some_and(|n| {
                let l = n.to_ascii_lowercase();
                ["day", "days", "hour", "hours", "minutes", "night", "nights"].contains(&l.as_str())
            }))
    {
        return None;
    }
    // small spelled counts of things ("two countries", "three teams") are not check-worthy;
    // counts of people are ("two journalists"), and so are things that caused casualties
    // ("two earthquakes killed…")
    if !num.digits
        && !num.vague
        && value.max <= 10.0
        && measure == Measure::Count
        && !noun.as_deref().is_some_and(is_people)
        && context_measure(toks, start_tok, noun_end.max(end_tok)).is_none()
    {
        return None;
    }
    // a list after a toll: "44 deaths in the state; 30 in Lee, 3 in Collier"
    let list_item = noun.is_none()
        && !has_unit
        && bare_measure.is_none()
        // not "killing 2,300 people and wounding more than 10,000 in the country"
        && start_tok
            .checked_sub(1)
            .and_then(|p| tok_word(toks, p))
            .is_none_or(|t| measure_word(t).is_none())
        && tok_word(toks, end_tok).is_some_and(|t| t.is("in") || t.is("each"))
        && prev_claim
            .measure
            .is_some_and(|m| !matches!(m, Measure::Count | Measure::Other | Measure::Duration));
    // the sum of the sentence's tolls: "17,134 deaths in Turkey and another 3,317 in Syria,
    // putting the total at 20,451"
    let total_of_list = noun.is_none()
        && !has_unit
        && bare_measure.is_none()
        && (1..=2).any(|d| {
            start_tok
                .checked_sub(d)
                .and_then(|p| tok_word(toks, p))
                .is_some_and(|t| t.is("total"))
        })
        && prev_claim
            .measure
            .is_some_and(|m| !matches!(m, Measure::Count | Measure::Other | Measure::Duration));
    if list_item || total_of_list {
        let m = prev_claim.measure.unwrap_or(Measure::Count);
        let a = toks.get(start_tok)?.span.start;
        let b = toks.get(end_tok.checked_sub(1)?)?.span.end;
        let c = Claim::new(Span::new(a, b), value, qualifier, last_noun.clone(), m);
        return Some((
            Claim {
                vague: num.vague,
                ..c.in_sentence(si)
            },
            end_tok,
        ));
    }
    if num.digits && noun.is_none() && !has_unit && bare_measure.is_none() {
        // a bare number is a figure only in a casualty or toll context ("the death toll rose to 16")
        // or a large number written with separators ("a total of approximately 348,700")
        if context_measure(toks, start_tok, end_tok).is_none()
            && !(num.min >= 1000.0 && first.text.len() <= 3 && num.end > num.start + 1)
        {
            return None;
        }
    }
    // the span: qualifier + number + unit + noun (+ bare measure word)
    let mut span_end_tok = noun_end.max(end_tok);
    if noun.is_none() && bare_measure.is_some() {
        span_end_tok = measure_at + 1;
    }
    let a = toks.get(start_tok)?.span.start;
    let b = toks.get(span_end_tok.checked_sub(1)?)?.span.end;
    let span = Span::new(a, b);
    // the counted noun carried over an ellipsis: "30 civilians killed and 144 wounded"
    let noun = match noun {
        Some(n) => Some(n),
        None if bare_measure.is_some() => last_noun.clone(),
        None => None,
    };
    let c = Claim::new(span, value, qualifier, noun, measure);
    Some((
        Claim {
            vague: num.vague,
            ..c.in_sentence(si)
        },
        span_end_tok,
    ))
}

/// The unit of a compound's second half ("hour" in "72-hour", "mile-long" in "8-mile-long").
fn compound_unit(rest: &str) -> Option<&'static str> {
    let l = rest.to_ascii_lowercase();
    let head = l.split('-').next().unwrap_or("");
    if l.contains("old") && head.starts_with("year") {
        return None;
    }
    if matches!(
        head,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "night"
    ) {
        return Some("duration");
    }
    if matches!(
        head,
        "foot"
            | "feet"
            | "mile"
            | "story"
            | "storey"
            | "pound"
            | "ton"
            | "tonne"
            | "acre"
            | "magnitude"
            | "mph"
            | "meter"
            | "metre"
            | "kilometre"
            | "kilometer"
            | "km"
            | "inch"
            | "yard"
            | "floor"
            | "lane"
            | "point"
            | "degree"
            | "gallon"
            | "hectare"
    ) {
        return Some("other");
    }
    None
}

fn is_people(noun: &str) -> bool {
    let last = noun.split_whitespace().last().unwrap_or("");
    PEOPLE_SET.contains(last)
        || (last.chars().next().is_some_and(char::is_uppercase) && last.ends_with('s'))
}

fn is_qualifier_word(t: &Tok) -> bool {
    lower_in(
        t,
        &[
            "about",
            "around",
            "over",
            "nearly",
            "almost",
            "some",
            "under",
            "below",
            "above",
            "roughly",
            "approximately",
            "least",
            "than",
            "estimated",
            "between",
            "only",
            "just",
            "all",
            "another",
            "the",
            "and",
            "by",
            "to",
            "of",
            "in",
            "with",
        ],
    )
}

fn text_has_money_context(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        lower_in(
            t,
            &[
                "cost", "costs", "paid", "pay", "fine", "fined", "worth", "price", "budget",
                "spent", "spend", "funding", "raised", "sterling", "billion", "million",
            ],
        )
    })
}

/// The measure told by words around tokens `a..b` (a few words before, several after, within
/// the clause).
fn context_measure(toks: &[Tok], a: usize, b: usize) -> Option<Measure> {
    // after: up to 8 tokens, stopping at a clause break or another number; a measure word
    // after "and" may belong to the next figure ("killing 2,300 people and wounding 10,000"),
    // so it only counts when nothing before the figure tells
    let mut j = b;
    let mut limit = b + 8;
    let mut crossed_and = false;
    let mut after_and = None;
    while j < toks.len() && j < limit {
        let t = toks.get(j)?;
        if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct('.') {
            break;
        }
        if t.is_punct(',') {
            // an aside: "at least nine people, including four women, were killed"
            if toks.get(j + 1).is_some_and(|n| n.is("including")) {
                let close = toks
                    .iter()
                    .enumerate()
                    .skip(j + 2)
                    .take(8)
                    .find(|(_, n)| n.is_punct(',') || n.is_punct('.') || n.is_punct(';'))
                    .filter(|(_, n)| n.is_punct(','));
                if let Some((e, _)) = close {
                    j = e + 1;
                    limit = j + 6;
                    continue;
                }
            }
            if j > b + 1 {
                break;
            }
        }
        if t.is("and") || t.is("while") {
            crossed_and = true;
        }
        if let Some(m) = measure_word(t) {
            if !crossed_and {
                return Some(m);
            }
            after_and = Some(m);
            break;
        }
        j += 1;
    }
    // before: up to 10 tokens in the clause ("killing at least 5", "death toll to 16")
    let mut j = a;
    let mut n = 0;
    while j > 0 && n < 10 {
        j -= 1;
        n += 1;
        let t = toks.get(j)?;
        if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct(',') || t.is_punct('.') {
            break;
        }
        if let Some(m) = measure_word(t) {
            return Some(m);
        }
    }
    // a toll that "has reached", "rose to", "stood at" the figure, further back in the clause
    let verb = a.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        lower_in(
            p,
            &[
                "to",
                "at",
                "reached",
                "hit",
                "passed",
                "surpassed",
                "topped",
            ],
        )
    }) || a
        .checked_sub(2)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| lower_in(p, &["to", "at", "reached", "hit", "passed"]));
    if verb {
        let mut j = a;
        while j > 0 && a - j < 30 {
            j -= 1;
            let t = toks.get(j)?;
            // a measurement on the way is no other count ("Death Toll from M7.8 quake …
            // Rises to 2,300")
            if in_decimal(toks, j) {
                continue;
            }
            if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct('.') {
                break;
            }
            if t.is("toll") {
                return Some(Measure::Killed);
            }
        }
    }
    after_and
}

#[cfg(test)]
mod tests;
