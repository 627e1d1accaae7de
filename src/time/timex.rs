//! TIMEX3-style expressions beyond calendar days, for `annotate`: references to the present and
//! future ("now", "currently", "the near future"), durations ("for six years", "a 10-hour
//! shift", "the past two weeks"), sets ("every Tuesday", "daily") and calendar periods named
//! relative to publication (quarters: "the third quarter", "third-quarter"; seasons: "last
//! fall", "this summer").
//!
//! They are reported by `annotate` so copydesk can be scored as a temporal tagger; the
//! analysis's own dates (and the rules) do not use them.

use super::lexicon::{
    cardinal, weekday, AHEAD, ARTICLE_COUNT, BACK, COUNT_ANCHOR, CURRENT_TERM, DAY_BEFORE,
    DAY_KIND, DET, EVENT_ANCHOR, FRAME_LEAD, FREQUENCY, FUTURE_LEAD, HALF_FIRST, HALF_SECOND,
    LATEST, NOW_LEAD, PERIOD_NEXT, PERIOD_PART, PER_UNIT, PLURAL_LEAD, PRESENT, PRESENT_STOP,
    QUARTER_NOUN, SEASON_LEAD, SPAN_LEAD, WHOLE_YEAR, YEARLY, YEAR_AGO, YEAR_END,
};
use crate::lexicon::sets::{INDEFINITE_ARTICLES, NUMBER_SCALES};
use crate::lexicon::WordSet;
use crate::text::{Span, Tok, TokKind};
use chrono::{Datelike, NaiveDate, Weekday};

/// One expression with its TIMEX3 type and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// The exact words.
    pub span: Span,
    /// `duration`, `set`, `reference` or `period`.
    pub kind: &'static str,
    /// TIMEX3 value: `P3Y`, `PXW`, `XXXX-WXX-2`, `PRESENT_REF`, `1989-Q3`, `1989-SU`.
    pub value: String,
}

/// Walks the tokens of every sentence of `article`: `found(tokens, i)` reads an expression that
/// starts at token `i` and gives the token after it (the walk goes on from there), or None (the
/// walk goes on from the next token).
pub(super) fn each_expression(
    text: &str,
    article: &crate::article::Article,
    mut found: impl FnMut(&[Tok], &ClauseTenses, usize) -> Option<usize>,
) {
    for s in &article.sentences {
        let toks = super::parse::tokens(text, s.span);
        let tenses = ClauseTenses::new(&toks);
        let mut i = 0;
        while i < toks.len() {
            i = found(&toks, &tenses, i)
                .filter(|end| *end > i)
                .unwrap_or(i + 1);
        }
    }
}

/// The tenses of the clauses of one sentence, read the one way the analysis's dates are
/// (`super::tense::clause_tense`): for the few expressions whose instance the tense picks
/// (seasons, weekends). The sentence's markers are found once, on the first question.
pub(super) struct ClauseTenses<'t, 'a> {
    toks: &'t [Tok<'a>],
    markers: std::cell::OnceCell<super::tense::Markers<'t, 'a>>,
}

impl<'t, 'a> ClauseTenses<'t, 'a> {
    /// The tenses of the sentence `toks`, none read yet.
    pub(super) fn new(toks: &'t [Tok<'a>]) -> Self {
        ClauseTenses {
            toks,
            markers: std::cell::OnceCell::new(),
        }
    }

    /// The tense of the clause around tokens `start..end`.
    pub(super) fn of(&self, start: usize, end: usize) -> super::Tense {
        let markers = self
            .markers
            .get_or_init(|| super::tense::Markers::new(self.toks));
        super::tense::clause_tense(self.toks, markers, start, end, false)
    }
}

/// The expressions of every sentence of an article (publication date `published`), skipping
/// those that overlap `taken` spans (the calendar dates already found).
pub fn extract(
    text: &str,
    article: &crate::article::Article,
    published: Option<NaiveDate>,
    taken: &[Span],
) -> Vec<Timex> {
    let mut out = Vec::new();
    let reported = std::cell::OnceCell::new();
    each_expression(text, article, |toks, tenses, i| {
        let (end, kind, value) = at(toks, tenses, i, published).filter(|(end, ..)| *end > i)?;
        let value = match published {
            Some(p) if kind == "period" && reported_quarter_words(toks, tenses, i, end) => {
                match *reported.get_or_init(|| super::reported_quarter(text)) {
                    Some(n) => format!("{:04}-Q{n}", named_quarter_year(p, n)),
                    None => value,
                }
            }
            _ => value,
        };
        let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
        if !taken.iter().any(|t| t.overlaps(span)) {
            out.push(Timex { span, kind, value });
        }
        Some(end)
    });
    if let Some(p) = published {
        year_ago_words(text, p, taken, &mut out);
    }
    out
}

/// True for the words that name a quarterly report's own quarter at tokens `i..end`: "the
/// latest quarter", "the latest period", and "this quarter's" outside a future-tense clause
/// ("this quarter's loss includes…"). The report numbers that quarter its own way (a fiscal
/// "fourth quarter" ended in September), so it is the quarter the text names, not the
/// calendar quarter just ended.
fn reported_quarter_words(toks: &[Tok], tenses: &ClauseTenses, i: usize, end: usize) -> bool {
    if word(toks, i, &["the"]) && word_in(toks, i + 1, &LATEST) {
        return true;
    }
    word(toks, i, &["this"])
        && end == i + 2
        && word(toks, i + 1, &["quarter's", "quarter’s"])
        && tenses.of(i, end) != super::Tense::Future
}

/// "the year-ago quarter", "year-earlier results": the year before publication, or in a
/// quarterly report the reported quarter of that year (see `super::reported_quarter`).
fn year_ago_words(text: &str, p: NaiveDate, taken: &[Span], out: &mut Vec<Timex>) {
    let mut found = Vec::new();
    for (at, w) in text.match_indices("ear-") {
        let start = at.saturating_sub(1);
        let Some(rest) = text.get(start..) else {
            continue;
        };
        let len = YEAR_AGO
            .iter()
            .find(|w| {
                rest.get(..w.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(w))
            })
            .map(|w| w.len());
        let boundary = start == 0 || !text[..start].ends_with(|c: char| c.is_alphanumeric());
        if let (Some(len), true) = (len, boundary) {
            found.push(year_ago_noun(text, Span::new(start, start + len)));
        }
        let _ = w;
    }
    if found.is_empty() {
        return;
    }
    let value = match super::reported_quarter(text) {
        Some(n) => format!("{:04}-Q{n}", named_quarter_year(p, n) - 1),
        None => format!("{:04}", p.year() - 1),
    };
    for span in found {
        if !out.iter().any(|x| x.span.overlaps(span)) && !taken.iter().any(|t| t.overlaps(span)) {
            out.push(Timex {
                span,
                kind: "period",
                value: value.clone(),
            });
        }
    }
    out.sort_by_key(|x| x.span.start);
}

/// "the year-ago quarter": the compound with "the" before it and the quarter or period it
/// names after it, one TIMEX3 expression ("year-ago results" stays the compound alone).
fn year_ago_noun(text: &str, s: Span) -> Span {
    use crate::text::{word_after, word_before, Gap};
    let (n, noun) = word_after(text, s.end, Gap::Spaces);
    let (t, the) = word_before(text, s.start, Gap::Spaces);
    let spaced = |a: usize, b: usize| text.get(a..b) == Some(" ");
    if QUARTER_NOUN.contains(noun)
        && spaced(s.end, n)
        && the.eq_ignore_ascii_case("the")
        && spaced(t + the.len(), s.start)
    {
        return Span::new(t, n + noun.len());
    }
    s
}

type Found = Option<(usize, &'static str, String)>;

fn at(toks: &[Tok], tenses: &ClauseTenses, i: usize, p: Option<NaiveDate>) -> Found {
    reference(toks, i)
        .or_else(|| p.and_then(|p| part_of_day(toks, i, p)))
        .or_else(|| p.and_then(|p| weekend(toks, tenses, i, p)))
        .or_else(|| set(toks, i))
        .or_else(|| decade(toks, i, p))
        .or_else(|| century(toks, i))
        .or_else(|| year_with_apostrophe(toks, i))
        .or_else(|| p.and_then(|p| long_period(toks, i, p)))
        .or_else(|| p.and_then(|p| period(toks, tenses, i, p)))
        .or_else(|| p.and_then(|p| half(toks, i, p)))
        .or_else(|| abbreviated_part(toks, i))
        .or_else(|| p.and_then(|p| super::vague::frame(toks, i, p)))
        .or_else(|| p.and_then(|p| super::vague::edge(toks, i, p)))
        .or_else(|| p.and_then(|p| super::vague::year_end(toks, tenses, i, p)))
        .or_else(|| p.and_then(|p| super::vague::within(toks, i, p)))
        .or_else(|| p.and_then(|p| super::named::month_word(toks, i, p)))
        .or_else(|| p.and_then(|p| super::named::holiday(toks, tenses, i, p)))
        .or_else(|| p.and_then(|p| super::named::month_span_quarter(toks, i, p)))
        .or_else(|| super::vague::ago(toks, i, p))
        .or_else(|| super::vague::or_two_ahead(toks, i))
        .or_else(|| duration(toks, i))
        .or_else(|| super::vague::stretch(toks, i))
}

/// True when token `i` is one of `words`.
pub(super) fn word(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Word && words.iter().any(|w| t.is(w)))
}

/// True when token `i` is a word of `set`.
pub(super) fn word_in(toks: &[Tok], i: usize, set: &WordSet) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Word && set.has(t))
}

/// "now", "currently", "right now", "at present", "nowadays", "the (near) future".
fn reference(toks: &[Tok], i: usize) -> Found {
    let r = |e, v: &str| Some((e, "reference", v.to_string()));
    if word_in(toks, i, &NOW_LEAD) && word(toks, i + 1, &["now"]) {
        return r(i + 2, "PRESENT_REF");
    }
    // "now that the talks resumed": TIMEX3 marks the "now" of the conjunction too
    if word(toks, i, &["now"]) {
        return r(i + 1, "PRESENT_REF");
    }
    if word_in(toks, i, &PRESENT) {
        return r(i + 1, "PRESENT_REF");
    }
    // "until recently", "more recently" ("recently" alone TimeBank tags about half the time)
    if word(toks, i, &["more"]) && word(toks, i + 1, &["recently"]) {
        return r(i + 2, "PAST_REF");
    }
    if word(toks, i, &["recently"]) && i > 0 && word(toks, i - 1, &["until"]) {
        return r(i + 1, "PAST_REF");
    }
    // "the then current price": current at a time now past
    if word(toks, i, &["then"]) && word(toks, i + 1, &["current"]) {
        return r(i + 2, "PAST_REF");
    }
    // "the current slump", "future demand", "a recent filing": an adjective before a noun
    let before_noun = toks
        .get(i + 1)
        .is_some_and(|n| n.kind == TokKind::Word && unit(n).is_none());
    // "the current account deficit" is a term of the balance of payments, no present
    if before_noun && word(toks, i, &["current"]) && !word_in(toks, i + 1, &CURRENT_TERM) {
        return r(i + 1, "PRESENT_REF");
    }
    if before_noun && word(toks, i, &["future"]) {
        return r(i + 1, "FUTURE_REF");
    }
    if before_noun && word(toks, i, &["recent"]) {
        return r(i + 1, "PAST_REF");
    }
    if word(toks, i, &["at"])
        && word(toks, i + 1, &["present"])
        && !word_in(toks, i + 2, &PRESENT_STOP)
    {
        return r(i + 2, "PRESENT_REF");
    }
    // "in the past" without a count after it ("in the past two years" is a duration)
    if word(toks, i, &["the"])
        && i > 0
        && word(toks, i - 1, &["in"])
        && word(toks, i + 1, &["past"])
        && count(toks, i + 2).is_none()
        && toks.get(i + 2).is_none_or(|t| {
            unit(t).is_none() && !long_unit(t) && !t.is("quarter") && season_word(t).is_none()
        })
    {
        return r(i + 2, "PAST_REF");
    }
    // "in past years", "over past months": earlier times the text does not count ("the past
    // two years" and "the past weeks" are durations)
    let after_the = i > 0 && word(toks, i - 1, &["the"]);
    let plural_unit = toks
        .get(i + 1)
        .is_some_and(|n| n.text.ends_with('s') && unit(n).is_some());
    if word(toks, i, &["past"]) && plural_unit && !after_the {
        return r(i + 2, "PAST_REF");
    }
    if word(toks, i, &["these"]) && word(toks, i + 1, &["days"]) {
        return r(i + 2, "PRESENT_REF");
    }
    if word(toks, i, &["the"]) {
        if word(toks, i + 1, &["future"]) && !word(toks, i + 2, &["of"]) {
            return r(i + 2, "FUTURE_REF");
        }
        if word_in(toks, i + 1, &FUTURE_LEAD) && word(toks, i + 2, &["future"]) {
            return r(i + 3, "FUTURE_REF");
        }
    }
    None
}

/// True when `t` is a unit longer than a year ("decade", "century"): "in the past decade" is
/// that stretch (`P10Y`), not an unspecified past.
fn long_unit(t: &Tok) -> bool {
    t.kind == TokKind::Word && super::lexicon::long_unit_years(t.text).is_some()
}

/// The TIMEX3 letter of a unit word, and whether it is a time (`PT…`) unit.
fn unit(t: &Tok) -> Option<(&'static str, bool)> {
    if t.kind != TokKind::Word {
        return None;
    }
    unit_letter(t.text)
}

/// The TIMEX3 letter of a unit word ("years", "Hour"), and whether it is a time unit.
pub(super) fn unit_letter(word: &str) -> Option<(&'static str, bool)> {
    let w = word.to_ascii_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    Some(match w {
        "year" => ("Y", false),
        "month" => ("M", false),
        "week" => ("W", false),
        "day" => ("D", false),
        "hour" => ("H", true),
        "minute" => ("M", true),
        _ => return None,
    })
}

fn duration_value(n: Option<u32>, (u, time): (&str, bool)) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    if time {
        format!("PT{n}{u}")
    } else {
        format!("P{n}{u}")
    }
}

/// A count: digits, a cardinal word, "a"/"an" (1), "a few"/"several"/"few" (unknown).
pub(super) fn count(toks: &[Tok], i: usize) -> Option<(usize, Option<u32>)> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Num {
        let n: u32 = t.text.replace(',', "").parse().ok()?;
        return Some((i + 1, Some(n)));
    }
    if t.kind != TokKind::Word {
        return None;
    }
    if INDEFINITE_ARTICLES.has(t) {
        // "a couple of years" is two (TIMEX3 writes P2Y), "a few years" unknown
        if word_in(toks, i + 1, &ARTICLE_COUNT) {
            let e = if word(toks, i + 2, &["of"]) {
                i + 3
            } else {
                i + 2
            };
            return Some((e, word(toks, i + 1, &["couple"]).then_some(2)));
        }
        return Some((i + 1, Some(1)));
    }
    // "the next couple of years"
    if t.is("couple") && word(toks, i + 1, &["of"]) {
        return Some((i + 2, Some(2)));
    }
    if t.is("several") || t.is("few") || t.is("many") {
        return Some((i + 1, None));
    }
    let lower = t.text.to_ascii_lowercase();
    let c = cardinal(&lower)?;
    if c >= 20 && c % 10 == 0 {
        if let Some(u) = toks
            .get(i + 1)
            .and_then(|n| cardinal(&n.text.to_ascii_lowercase()))
            .filter(|u| (1..10).contains(u))
        {
            return Some((i + 2, Some(c + u)));
        }
    }
    Some((i + 1, Some(c)))
}

/// Words after a count and unit that make it a point in time, not a stretch of it.
fn anchors_a_date(toks: &[Tok], e: usize) -> bool {
    word_in(toks, e, &COUNT_ANCHOR)
}

/// "six years", "the past two weeks", "a 10-hour shift", "for years", "recent months".
fn duration(toks: &[Tok], i: usize) -> Found {
    let t = toks.get(i)?;
    if decimal_fraction(toks, i) {
        return None;
    }
    // "eight-year", "10-hour", "52-week"; "an 18-year old man" is an age written apart
    if let Some((n, u)) = hyphenated(t) {
        return (!word(toks, i + 1, &["old"]))
            .then(|| (i + 1, "duration", duration_value(Some(n), u)));
    }
    if let Some(v) = unit_long(t) {
        return Some((i + 1, "duration", v));
    }
    if t.kind == TokKind::Num
        && toks.get(i + 1).is_some_and(|h| h.is_punct('-'))
        && toks.get(i + 1).is_some_and(|h| h.span.start == t.span.end)
    {
        let n: u32 = t.text.parse().ok()?;
        let u = toks
            .get(i + 2)
            .filter(|w| !w.text.ends_with('s'))
            .and_then(unit)?;
        if word(toks, i + 3, &["old"]) {
            return None;
        }
        return Some((i + 3, "duration", duration_value(Some(n), u)));
    }
    // "the fiscal year ended March 31": a year-long stretch up to its end
    if word(toks, i, &["the"]) {
        let k = if word_in(toks, i + 1, &WHOLE_YEAR) {
            i + 2
        } else {
            i + 1
        };
        if word(toks, k, &["year"]) && word_in(toks, k + 1, &YEAR_END) {
            return Some((k + 1, "duration", "P1Y".to_string()));
        }
    }
    // "the past/last/next/first two weeks", "the six months"
    let mut k = i;
    if word(toks, k, &["the"]) {
        k += 1;
        if word_in(toks, k, &SPAN_LEAD) {
            k += 1;
        }
    }
    if let Some(found) = decimal_duration(toks, k) {
        return Some(found);
    }
    if let Some((e, n)) = count(toks, k) {
        if let Some(v) = n.and_then(|n| half_more(toks, e, n)) {
            return Some((e + 4, "duration", v));
        }
        // "eight trading days", "two business days", "two more weeks"
        let e = if word_in(toks, e, &DAY_KIND) && toks.get(e + 1).and_then(unit).is_some()
            || word(toks, e, &["more"]) && n.is_some()
        {
            e + 1
        } else {
            e
        };
        if let Some(u) = toks.get(e).and_then(unit) {
            let a_unit = word_in(toks, k, &INDEFINITE_ARTICLES);
            if anchors_a_date(toks, e + 1) || (a_unit && word(toks, e + 1, &["or"])) {
                return None;
            }
            if k > i && a_unit {
                return None; // "the last a …" is not English; "the first a" neither
            }
            // "24 hours a day", "four flights a week": a rate, no stretch of time
            if per_unit(toks, e + 1) || (a_unit && k == i && after_quantity(toks, i)) {
                return None;
            }
            return Some((e + 1, "duration", duration_value(n, u)));
        }
        // "two quarters", "the past three quarters" (`P3Q`); "three quarters of" is a fraction
        let quarters = word(toks, e, &["quarters"]) && !word(toks, e + 1, &["of"]);
        return n
            .filter(|n| *n >= 2 && quarters)
            .map(|n| (e + 1, "duration", format!("P{n}Q")));
    }
    // "for years", "recent months", "in recent weeks"
    if word_in(toks, i, &PLURAL_LEAD) {
        let u = toks
            .get(i + 1)
            .filter(|t| t.text.ends_with('s'))
            .and_then(unit)?;
        if anchors_a_date(toks, i + 2) {
            return None;
        }
        return Some((i + 2, "duration", duration_value(None, u)));
    }
    None
}

/// True when "a", "an" or "per" and a singular unit ("a week", "per year") start at `j`.
/// [`per_unit`] for the parser: "a month", "per year" at `j`.
pub(super) fn per_unit_at(toks: &[Tok], j: usize) -> bool {
    per_unit(toks, j)
}

fn per_unit(toks: &[Tok], j: usize) -> bool {
    word_in(toks, j, &PER_UNIT)
        && toks
            .get(j + 1)
            .is_some_and(|t| !t.text.ends_with('s') && unit(t).is_some())
}

/// True when the words right before `i` count things: a number or scale, then a noun ("four
/// flights", "$2 million", "700 seats", "24 hours"), so a unit after them makes a rate.
fn after_quantity(toks: &[Tok], i: usize) -> bool {
    let number = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Num
                || (t.kind == TokKind::Word && (cardinal(t.text).is_some() || NUMBER_SCALES.has(t)))
        })
    };
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    let counted = toks[j].kind == TokKind::Word
        && !word(toks, j, &["times"])
        && !word_in(toks, j, &FREQUENCY);
    counted && j.checked_sub(1).is_some_and(number)
}

/// "2 1/2 years", "5 1/2 hours" after the whole count `n`: the duration with the half written
/// in the next smaller unit (`P2Y6M`, `PT5H30M`, `P3DT12H`).
fn half_more(toks: &[Tok], e: usize, n: u32) -> Option<String> {
    let (one, slash, two) = (toks.get(e)?, toks.get(e + 1)?, toks.get(e + 2)?);
    let joined = one.span.end == slash.span.start && slash.span.end == two.span.start;
    if !(joined && one.text == "1" && slash.is_punct('/') && two.text == "2") {
        return None;
    }
    Some(match unit(toks.get(e + 3)?)? {
        ("Y", false) => format!("P{n}Y6M"),
        ("D", false) => format!("P{n}DT12H"),
        ("H", true) => format!("PT{n}H30M"),
        _ => return None,
    })
}

/// "3.5 years", "2.5 hours": a decimal count and a unit, as TIMEX3 writes it (`P3.5Y`,
/// `PT2.5H`). A decimal count before anything else is no duration: never its fraction
/// alone ("5 years" of "3.5 years").
fn decimal_duration(toks: &[Tok], i: usize) -> Found {
    let (a, dot, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let joined = a.span.end == dot.span.start && dot.span.end == b.span.start;
    if !(joined && a.kind == TokKind::Num && dot.is_punct('.') && b.kind == TokKind::Num) {
        return None;
    }
    let number = format!("{}.{}", a.text, b.text);
    let (u, time) = toks.get(i + 3).and_then(unit)?;
    if anchors_a_date(toks, i + 4) || per_unit(toks, i + 4) {
        return None;
    }
    let value = if time {
        format!("PT{number}{u}")
    } else {
        format!("P{number}{u}")
    };
    Some((i + 4, "duration", value))
}

/// True when token `i` is the fraction of a decimal number ("5" of "3.5") or the denominator of
/// a written fraction ("2" of "3 1/2 years ago": no count of two years).
pub(super) fn decimal_fraction(toks: &[Tok], i: usize) -> bool {
    let (Some(dot), Some(whole)) = (i.checked_sub(1), i.checked_sub(2)) else {
        return false;
    };
    let (w, d, f) = (&toks[whole], &toks[dot], &toks[i]);
    w.kind == TokKind::Num
        && (d.is_punct('.') || d.is_punct('/'))
        && w.span.end == d.span.start
        && d.span.end == f.span.start
}

/// "eight-year", "10-hour", "52-week": a count and a unit joined by a hyphen.
fn hyphenated(t: &Tok) -> Option<(u32, (&'static str, bool))> {
    if t.kind != TokKind::Word && t.kind != TokKind::Num {
        return None;
    }
    let (a, b) = t.text.split_once('-')?;
    let n = a
        .parse::<u32>()
        .ok()
        .or_else(|| cardinal(&a.to_ascii_lowercase()))?;
    Some((n, unit_letter(b)?))
}

/// "week-long", "decades-long": a unit joined to "long", a stretch of one unit (`P1W`), of an
/// unknown number of them when plural (`PXY`).
fn unit_long(t: &Tok) -> Option<String> {
    if t.kind != TokKind::Word {
        return None;
    }
    let (a, b) = t.text.split_once('-')?;
    if !b.eq_ignore_ascii_case("long") {
        return None;
    }
    let plural = a.ends_with('s');
    if let Some(u) = unit_letter(a) {
        return Some(duration_value((!plural).then_some(1), u));
    }
    let y = super::lexicon::long_unit_years(a)?;
    Some(if plural {
        "PXY".to_string()
    } else {
        format!("P{y}Y")
    })
}

/// "this morning", "this evening", "last night": a part of the publication day (or of the
/// day before), as TIMEX3 writes it (`1998-02-06TMO`).
fn part_of_day(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let this = word(toks, i, &["this"]);
    let last = word(toks, i, &["last"]);
    if !(this || last) {
        return None;
    }
    let part = toks.get(i + 1).filter(|t| t.kind == TokKind::Word)?;
    let code = super::lexicon::PARTS_OF_DAY
        .iter()
        .position(|w| part.is(w))
        .and_then(|k| ["TMO", "TAF", "TEV", "TNI"].get(k))?;
    let day = match (last, *code) {
        (true, "TNI") => p.pred_opt()?,
        (true, _) => return None,
        _ => p,
    };
    Some((i + 2, "time", format!("{}{code}", day.format("%Y-%m-%d"))))
}

/// A day and the clock time written before it, as one TIMEX3 expression: "10 p.m. Wednesday",
/// "noon Thursday" (`1998-02-12T12:00`). A part of the day after a weekday ("Wednesday night")
/// stays with the day: TIMEX3 annotators write it now as a day, now as a part of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    /// The words of both parts.
    pub span: Span,
    /// The indices (into the dates given) of the day and of the clock time.
    pub parts: (usize, usize),
    /// `time`.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
}

/// The days of `dates` (in text order) joined with a clock time right before them ("9 a.m.
/// Tuesday"; not across "on": "noon on Friday" stays a time and a day).
pub fn join_day_times(text: &str, dates: &[super::Temporal]) -> Vec<Joined> {
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate().skip(1) {
        let (super::Value::Date(day), Some(c)) = (&t.value, dates.get(i - 1)) else {
            continue;
        };
        let super::Value::Time { hour, minute, .. } = c.value else {
            continue;
        };
        let gap = text.get(c.span.end..t.span.start).unwrap_or("x");
        // "9 a.m. Tuesday": the clock time's span may stop before the last dot of "a.m."
        let gap = match gap.strip_prefix('.') {
            Some(rest) if ends_with_meridiem(c.span.slice(text)) => rest,
            _ => gap,
        };
        if matches!(t.kind, super::Kind::Date | super::Kind::Weekday) && joins_clock(gap) {
            out.push(Joined {
                span: Span::new(c.span.start, t.span.end),
                parts: (i, i - 1),
                kind: "time",
                value: format!("{}T{hour:02}:{minute:02}", day.format("%Y-%m-%d")),
            });
        }
    }
    out
}

/// Clock times written apart from the one day their sentence names ("at about 10:35 a.m. (0735
/// GMT) Friday", "at midday, a statement said today"): TIMEX3 writes such a time on that day.
/// Gives the index (into `dates`) of each such time and its value; none for a time already
/// joined to its day, nor when the sentence names no day or more than one. A time told as
/// still to come takes no day told as past ("will watch at 8:30 a.m. the claims for the week
/// ended May 8": that day dates the claims, not the watching).
pub fn clock_days(dates: &[super::Temporal], joined: &[Joined]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, c) in dates.iter().enumerate() {
        let super::Value::Time { hour, minute, .. } = c.value else {
            continue;
        };
        if c.sentence.is_none() || joined.iter().any(|j| j.parts.1 == i) {
            continue;
        }
        let ahead = c.tense == super::Tense::Future;
        let mut days = dates.iter().filter_map(|t| match t.value {
            super::Value::Date(d)
                if t.sentence == c.sentence
                    && !(ahead && t.tense == super::Tense::Past)
                    && matches!(
                        t.kind,
                        super::Kind::Date | super::Kind::Weekday | super::Kind::Relative
                    ) =>
            {
                Some(d)
            }
            _ => None,
        });
        let Some(day) = days.next() else {
            continue;
        };
        if days.all(|d| d == day) {
            out.push((
                i,
                format!("{}T{hour:02}:{minute:02}", day.format("%Y-%m-%d")),
            ));
        }
    }
    out
}

/// Clock times [`clock_days`] leaves without a day (`done` holds those it gave one): a time
/// whose sentence names several days takes the one written right after it across a parenthesis
/// ("at 9 a.m. (0700 GMT) today"); a time whose sentence names none takes the last day named
/// before it in its paragraph ("... Wednesday morning. At 10:30 a.m., divers ..."), or, told as
/// done, the day the story's first paragraph names when it names one day only.
pub fn clock_days_nearby(
    text: &str,
    article: &crate::article::Article,
    dates: &[super::Temporal],
    joined: &[Joined],
    done: &[(usize, String)],
) -> Vec<(usize, String)> {
    let para = |s: Option<usize>| {
        s.and_then(|i| article.sentences.get(i))
            .map(|x| x.paragraph)
    };
    let day_of = |t: &super::Temporal| match t.value {
        super::Value::Date(d)
            if matches!(
                t.kind,
                super::Kind::Date | super::Kind::Weekday | super::Kind::Relative
            ) =>
        {
            Some(d)
        }
        _ => None,
    };
    // the one day the first paragraph with a day names
    let lede = dates
        .iter()
        .find(|t| day_of(t).is_some())
        .and_then(|first| {
            let pa = para(first.sentence)?;
            let mut days = dates
                .iter()
                .filter(|t| para(t.sentence) == Some(pa))
                .filter_map(day_of);
            let d = days.next()?;
            days.all(|x| x == d).then_some(d)
        });
    let mut out = Vec::new();
    for (i, c) in dates.iter().enumerate() {
        let super::Value::Time { hour, minute, .. } = c.value else {
            continue;
        };
        if c.sentence.is_none()
            || joined.iter().any(|j| j.parts.1 == i)
            || done.iter().any(|(k, _)| *k == i)
        {
            continue;
        }
        let in_sentence: Vec<&super::Temporal> = dates
            .iter()
            .filter(|t| t.sentence == c.sentence && day_of(t).is_some())
            .collect();
        let day = if in_sentence.is_empty() {
            dates[..i]
                .iter()
                .rev()
                .take_while(|t| para(t.sentence) == para(c.sentence))
                .find_map(day_of)
                .or(lede.filter(|_| c.tense == super::Tense::Past))
        } else {
            in_sentence
                .iter()
                .find(|t| {
                    t.span.start >= c.span.end && parenthesis_gap(text, c.span.end, t.span.start)
                })
                .and_then(|t| day_of(t))
        };
        if let Some(day) = day {
            out.push((
                i,
                format!("{}T{hour:02}:{minute:02}", day.format("%Y-%m-%d")),
            ));
        }
    }
    out
}

/// True when only spaces and one short parenthesis part `from` and `to` (" (0700 GMT) ").
fn parenthesis_gap(text: &str, from: usize, to: usize) -> bool {
    let Some(gap) = text.get(from..to) else {
        return false;
    };
    // the time's span may stop before the last dot of "a.m."
    let gap = gap.strip_prefix('.').unwrap_or(gap).trim_matches(' ');
    gap.len() <= 24
        && gap.starts_with('(')
        && gap.ends_with(')')
        && gap.matches('(').count() == 1
        && gap.matches(')').count() == 1
}

/// The ISO week (`2011-W22`) of a count of weeks back from publication ("three weeks ago", "a
/// week ago"): TIMEX3 values the unit the text counts in, a week, not the day seven days back.
pub fn week_count_back(text: &str, t: &super::Temporal) -> Option<String> {
    let weeks = matches!(
        t.raw,
        super::Raw::Offset { years: 0, months: 0, days, .. } if days < 0 && days % 7 == 0
    );
    let super::Value::Date(d) = t.value else {
        return None;
    };
    let mut words = t.span.slice(text).split_whitespace().rev();
    let (last, unit) = (words.next()?, words.next()?);
    let counted = last.eq_ignore_ascii_case("ago")
        && (unit.eq_ignore_ascii_case("week") || unit.eq_ignore_ascii_case("weeks"));
    (weeks && counted && !vague_count_back(text, t)).then(|| {
        let w = d.iso_week();
        format!("{:04}-W{:02}", w.year(), w.week())
    })
}

/// True for a count back without a number ("several years ago", "a few weeks ago"): TIMEX3
/// writes no day for a distance of unknown length, only that it lies in the past (`PAST_REF`),
/// though the analysis counts it as three units for its checks.
pub fn vague_count_back(text: &str, t: &super::Temporal) -> bool {
    let back = matches!(
        t.raw,
        super::Raw::Offset { years, months, days, .. } if years < 0 || months < 0 || days < 0
    );
    if !back {
        return false;
    }
    let mut words = t.span.slice(text).split_whitespace();
    let first = words.next().unwrap_or("");
    let count = if first.eq_ignore_ascii_case("a") {
        words.next().unwrap_or("")
    } else {
        first
    };
    let last = words.last().unwrap_or("");
    super::lexicon::VAGUE_COUNT.contains(&count.to_ascii_lowercase())
        && last.eq_ignore_ascii_case("ago")
}

/// Days counted from an event rather than from publication ("three days later", "30 days before
/// the vote", "within 14 days"): TIMEX3 writes the stretch itself (`P3D`), without the word
/// that ties it to the event. So is "in" and a count told in the past ("its worst showing in
/// 50 years", "the second letter in two weeks"), or after "the Nth time" in any tense ("it will
/// be the second time in two days"): a stretch up to the event, no day ahead.
/// Gives the index (into `dates`) of each such date and its duration.
pub fn event_durations(text: &str, dates: &[super::Temporal]) -> Vec<(usize, Timex)> {
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate() {
        if !matches!(t.raw, super::Raw::Offset { .. }) {
            continue;
        }
        let toks = super::parse::tokens(text, t.span);
        let Some(last) = toks.len().checked_sub(1).filter(|l| *l > 0) else {
            continue;
        };
        let within = word(&toks, 0, &["within"])
            || (word(&toks, 0, &["in"])
                && (t.tense == super::Tense::Past
                    || nth_time_before(text, t.span.start)
                    || record_before(text, t.span.start)));
        let anchored = word_in(&toks, last, &EVENT_ANCHOR);
        if within == anchored {
            continue;
        }
        let body = &toks[usize::from(within)..if anchored { last } else { toks.len() }];
        if let Some((end, kind, value)) = duration(body, 0).filter(|(e, ..)| *e == body.len()) {
            let span = Span::new(body[0].span.start, body[end - 1].span.end);
            out.push((i, Timex { span, kind, value }));
        }
    }
    out
}

/// True when "time" or "times" after an ordinal ends right before byte `at` ("the second time"
/// before "in two days"): a count of occasions, the stretch they fall in.
fn nth_time_before(text: &str, at: usize) -> bool {
    use crate::text::{word_before, Gap};
    let (k, w) = word_before(text, at, Gap::Spaces);
    if !(w.eq_ignore_ascii_case("time") || w.eq_ignore_ascii_case("times")) {
        return false;
    }
    let (_, n) = word_before(text, k, Gap::Spaces);
    crate::lexicon::sets::ORDINALS.contains(n) || super::lexicon::ORDINAL_LAST.contains(n)
}

crate::word_set!(
    /// Superlatives of a record before "in" and a count ("its lowest level in 14 months").
    RECORD_WINDOW = files ["record-superlatives.txt", "record-extremes.txt"]
);

/// How many words before "in" a superlative of a record is looked for.
const RECORD_REACH: usize = 4;

/// True when a superlative of a record ([`RECORD_WINDOW`]) stands a few words before byte `at`,
/// with only spaces between the words ("its lowest closing level" before "in 14 months", "the
/// biggest gain" before "in three years"): the count is the stretch the record holds over,
/// in any tense ("is trading at its highest level in six months"), no day ahead.
fn record_before(text: &str, at: usize) -> bool {
    use crate::text::{word_before, Gap};
    let mut at = at;
    for _ in 0..RECORD_REACH {
        let (k, w) = word_before(text, at, Gap::Spaces);
        if w.is_empty() {
            return false;
        }
        if RECORD_WINDOW.contains(&w.to_ascii_lowercase()) {
            return true;
        }
        at = k;
    }
    false
}

/// How many words before a day "since" is looked for ("since the week that ended Feb 6").
const SINCE_REACH: usize = 5;

/// True when the day at byte `at` closes a "since" phrase after a record's superlative ("the
/// biggest drop since the week that ended Feb 6", "its lowest level since March 3"): the start
/// of the stretch a record holds over, which lies before the story, so a year-less day there
/// is a day of the past year when this year's would still be ahead.
pub fn record_since(text: &str, at: usize) -> bool {
    use crate::text::{word_before, Gap};
    let mut at = at;
    for _ in 0..SINCE_REACH {
        let (k, w) = word_before(text, at, Gap::Spaces);
        if w.is_empty() {
            return false;
        }
        if w.eq_ignore_ascii_case("since") {
            return record_before(text, k);
        }
        at = k;
    }
    false
}

/// Weekdays after "every" or "each" ("meets every Tuesday"): a set (`XXXX-WXX-2`), not the day
/// the analysis resolves the weekday to. Gives the index (into `dates`) of each and its set.
pub fn recurring_days(text: &str, dates: &[super::Temporal]) -> Vec<(usize, Timex)> {
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate() {
        let (super::Kind::Weekday, Some(wd)) = (t.kind, t.raw.weekday()) else {
            continue;
        };
        if !is_recurring_weekday(text, t) {
            continue;
        }
        let (start, _) = crate::text::word_before(text, t.span.start, crate::text::Gap::Spaces);
        let span = Span::new(start, t.span.end);
        out.push((
            i,
            Timex {
                span,
                kind: "set",
                value: format!("XXXX-WXX-{}", wd_num(wd)),
            },
        ));
    }
    out
}

/// True when `t` is a weekday written alone after "every" or "each" ("flights leave each
/// Thursday"): a day that recurs, no one day of the story.
pub fn is_recurring_weekday(text: &str, t: &super::Temporal) -> bool {
    let (_, w) = crate::text::word_before(text, t.span.start, crate::text::Gap::Spaces);
    t.kind == super::Kind::Weekday
        && !t.span.slice(text).contains(' ')
        && (w.eq_ignore_ascii_case("every") || w.eq_ignore_ascii_case("each"))
}

/// True when a clock time's text ends in a dotted meridiem short of its last dot ("9 a.m",
/// "4 P.M").
pub(super) fn ends_with_meridiem(clock: &str) -> bool {
    let b = clock.as_bytes();
    b.len() >= 3
        && b[b.len() - 2] == b'.'
        && b[b.len() - 1].eq_ignore_ascii_case(&b'm')
        && matches!(b[b.len() - 3].to_ascii_lowercase(), b'a' | b'p')
}

/// True for the words between a clock time and the day it falls on when TIMEX3 takes both as one
/// expression: a space ("9 a.m. Tuesday"). A preposition keeps them two ("8:40 a.m. on
/// Saturday": a time and a day), as it keeps any expression apart.
fn joins_clock(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= 2 && gap.trim_matches(' ').is_empty()
}

/// "over the weekend", "the weekend": the latest weekend begun by publication, or in a
/// future-tense clause the next one ("will meet over the weekend"); "the weekend of May 6" the
/// weekend of that day; "this weekend" the one of publication's week, "last" or "this past
/// weekend" the week before, "next weekend" the week after; as TIMEX3 writes it (`1990-W32-WE`).
fn weekend(toks: &[Tok], tenses: &ClauseTenses, i: usize, p: NaiveDate) -> Found {
    let (k, shift) = if word(toks, i, &["the"]) {
        (i + 1, None)
    } else if word(toks, i, &["this"]) && word_in(toks, i + 1, &BACK) {
        (i + 2, Some(-7))
    } else if word(toks, i, &["this"]) {
        (i + 1, Some(0))
    } else if word_in(toks, i, &BACK) {
        (i + 1, Some(-7))
    } else if word(toks, i, &["next"]) {
        (i + 1, Some(7))
    } else {
        return None;
    };
    // "Weekend" capitalized after its determiner is a name ("This Weekend", a column); "this
    // weekend's games" names the weekend too
    if !word(toks, k, &["weekend", "weekend's", "weekend’s"]) || toks[k].is_capitalized() {
        return None;
    }
    let day = match shift {
        None => weekend_of_day(toks, tenses, k + 1, p)
            .or_else(|| told_weekend(p, tenses.of(i, k + 1)))?,
        // "this weekend" told as done before the week's Saturday: the weekend just gone
        // ("this weekend's games" dates a thing, whatever the verb's tense)
        Some(0) if word(toks, k, &["weekend"]) && this_weekend_gone(p, tenses.of(i, k + 1)) => {
            p.checked_add_signed(chrono::Duration::days(-7))?
        }
        Some(d) => p.checked_add_signed(chrono::Duration::days(d))?,
    };
    let w = day.iso_week();
    Some((
        k + 1,
        "period",
        format!("{:04}-W{:02}-WE", w.year(), w.week()),
    ))
}

/// "of May 6" after "the weekend" (token `j` is "of"): the day that names the weekend, its year
/// by the tense of the clause when not written.
fn weekend_of_day(
    toks: &[Tok],
    tenses: &ClauseTenses,
    j: usize,
    p: NaiveDate,
) -> Option<NaiveDate> {
    if !word(toks, j, &["of"]) {
        return None;
    }
    let (end, raw) = super::parse::day_at(toks, j + 1)?;
    if !matches!(raw, super::Raw::Date { .. }) {
        return None;
    }
    let tense = tenses.of(j + 1, end);
    super::resolve::resolve(&raw, Some(p), tense).1.first_day()
}

/// True when "this weekend" in a clause of tense `tense`, published on `p`, is the weekend
/// before publication: told in the past on a weekday, when the week's own weekend is still to come.
fn this_weekend_gone(p: NaiveDate, tense: super::Tense) -> bool {
    tense == super::Tense::Past && p.weekday().num_days_from_monday() < 5
}

/// A day of the weekend "the weekend" names: the Saturday of the latest weekend begun by
/// publication, or in a future-tense clause the first Saturday or Sunday from publication on.
fn told_weekend(p: NaiveDate, tense: super::Tense) -> Option<NaiveDate> {
    // days since the last Saturday
    let since = (p.weekday().num_days_from_monday() + 2) % 7;
    let back = p.checked_sub_days(chrono::Days::new(u64::from(since)))?;
    if tense == super::Tense::Future && since > 1 {
        return back.checked_add_days(chrono::Days::new(7));
    }
    Some(back)
}

/// Decades: "the 1970s", "the late 1980s", "the nineties", "the '80s" (of publication's century unless
/// that one lies more than ten years ahead). TIMEX3 writes a decade as its first three digits ("197").
fn decade(toks: &[Tok], i: usize, p: Option<NaiveDate>) -> Found {
    let the = word(toks, i, &["the"]);
    let mut k = if the { i + 1 } else { i };
    if word_in(toks, k, &PERIOD_PART) {
        k += 1;
        // "mid-'80s", "the mid-1980s"
        let four = toks
            .get(k + 1)
            .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 4);
        if toks.get(k).is_some_and(|h| h.is_punct('-'))
            && (four || short_decade(toks, k + 1).is_some())
        {
            k += 1;
        }
    }
    let t = toks.get(k)?;
    if t.kind == TokKind::Num && t.text.len() == 4 {
        let s = toks.get(k + 1)?;
        // "the 1980's": the decade with an apostrophe, after "the" or a period part
        let apostrophe = (s.is_punct('\'') || s.is_punct('’'))
            && k > i
            && s.span.start == t.span.end
            && toks
                .get(k + 2)
                .is_some_and(|n| n.is("s") && n.span.start == s.span.end);
        if !(apostrophe || s.is("s") && s.span.start == t.span.end) {
            return None;
        }
        let y: u32 = t.text.parse().ok()?;
        if y % 10 != 0 || !(1000..2200).contains(&y) {
            return None;
        }
        let e = if apostrophe { k + 3 } else { k + 2 };
        // "the 1800s", "the early 1900s": a century (`18`, `19`); "the 2000s" is still
        // read as the decade, as news uses it
        if y % 100 == 0 && y != 2000 {
            return Some((e, "period", format!("{:02}", y / 100)));
        }
        return Some((e, "period", format!("{:03}", y / 10)));
    }
    // "the nineteen eighties": the century said before the decade
    let said = cardinal(&t.text.to_ascii_lowercase()).filter(|c| *c == 18 || *c == 19 || *c == 20);
    let (tens, end) = match short_decade(toks, k) {
        Some(tens) => (tens, k + 3),
        None => {
            let w = if said.is_some() { k + 1 } else { k };
            let d = DECADE_WORDS.iter().position(|x| word(toks, w, &[x]))?;
            if !the {
                return None;
            }
            (2 + d as i32, w + 1) // "twenties" is the decade of 20
        }
    };
    let p = p?;
    let century = p.year() / 100;
    // this century's, unless it begins more than ten years after publication
    let c = if let Some(c) = said {
        i32::try_from(c).ok()?
    } else if century * 100 + tens * 10 <= p.year() + 10 {
        century
    } else {
        century - 1
    };
    Some((end, "period", format!("{:03}", c * 10 + tens)))
}

/// "'80s", "’90s" at `k`: the tens of a decade written with an apostrophe and two digits.
fn short_decade(toks: &[Tok], k: usize) -> Option<i32> {
    let (a, n, s) = (toks.get(k)?, toks.get(k + 1)?, toks.get(k + 2)?);
    let joined = a.span.end == n.span.start && n.span.end == s.span.start;
    if !(joined && (a.is_punct('\'') || a.is_punct('’')) && n.kind == TokKind::Num && s.is("s")) {
        return None;
    }
    let tens: i32 = n.text.parse().ok()?;
    (n.text.len() == 2 && tens % 10 == 0).then_some(tens / 10)
}

crate::word_set!(
    /// Decade names in order from the twenties to the nineties.
    DECADE_WORDS = file "decade-words.txt"
);

/// A year written with an apostrophe for its century: "in '85", "from 1990 to '96", "1982, '85
/// and '95" (after a word that may lead a year, or after a comma that follows a year). For
/// `annotate` only: the rules and the figures read "'85" as a number that is a year.
fn year_with_apostrophe(toks: &[Tok], i: usize) -> Found {
    let (e, y) = short_year(toks, i)?;
    let led = i > 0
        && toks.get(i - 1).is_some_and(|p| {
            (p.kind == TokKind::Word && super::parse::YEAR_PREFIXES.contains(p.text))
                || (p.is_punct(',') && i > 1 && super::parse::year_ends_at(toks, i - 2))
        });
    led.then(|| (e, "period", format!("{y:04}")))
}

/// "'85": an apostrophe that closes no word, then two digits no letter or digit follows; 30–99
/// are of the 1900s, 00–29 of the 2000s. The token after the digits, and the year.
pub(super) fn short_year(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    let t = toks.get(i)?;
    let n = toks.get(i + 1)?;
    let apostrophe = t.is_punct('\'') || t.is_punct('\u{2019}');
    if !apostrophe || n.kind != TokKind::Num || n.text.len() != 2 || n.span.start != t.span.end {
        return None;
    }
    if i > 0 && toks.get(i - 1).is_some_and(|p| p.span.end == t.span.start) {
        return None;
    }
    let glued = toks.get(i + 2).is_some_and(|m| {
        m.span.start == n.span.end && matches!(m.kind, TokKind::Word | TokKind::Num)
    });
    if glued {
        return None;
    }
    let v: i32 = n.text.parse().ok()?;
    Some((i + 2, if v >= 30 { 1900 + v } else { 2000 + v }))
}

/// Centuries: "the 20th century", "an 11th century temple", "the nineteenth century" (TIMEX3:
/// the first two digits, "19").
fn century(toks: &[Tok], i: usize) -> Found {
    let t = toks.get(i)?;
    let (n, k) = if t.kind == TokKind::Word {
        // "the nineteenth century", "twenty-first-century"
        let n = super::lexicon::ordinal(t.text).filter(|_| i > 0 && word(toks, i - 1, &["the"]))?;
        (n, i + 1)
    } else {
        if t.kind != TokKind::Num || t.text.len() > 2 {
            return None;
        }
        let suf = toks.get(i + 1)?;
        if suf.span.start != t.span.end {
            return None;
        }
        // "20th-century" read as one word after the digits
        let joined = suf.text.split_once('-').is_some_and(|(a, b)| {
            super::lexicon::is_ordinal_suffix(a) && b.eq_ignore_ascii_case("century")
        });
        let n: u32 = t.text.parse().ok()?;
        if joined && (1..=21).contains(&n) {
            return Some((i + 2, "period", format!("{:02}", n - 1)));
        }
        if !super::lexicon::is_ordinal_suffix(suf.text) {
            return None;
        }
        (n, i + 2)
    };
    let c = toks.get(k)?;
    let hyphened = c.is_punct('-') && word(toks, k + 1, &["century"]);
    // "the 20th century's": the possessive's "'s" is read with the word
    let possessive = toks.get(k).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.text
                .strip_suffix("'s")
                .or_else(|| t.text.strip_suffix("\u{2019}s"))
                .is_some_and(|w| w.eq_ignore_ascii_case("century"))
    });
    if !(word(toks, k, &["century"]) || hyphened || possessive) || !(1..=21).contains(&n) {
        return None;
    }
    let e = if hyphened { k + 2 } else { k + 1 };
    Some((e, "period", format!("{:02}", n - 1)))
}

/// A decade or century named from publication: "this century" (`19` in 1998), "the next
/// century" (`20`), "the coming decade" (`200`), "the last century" (`18`); "the past decade"
/// and "the last decade" are the ten years before it (`P10Y`), "the past century" and "this
/// century" a hundred (`P100Y`).
fn long_period(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let the = word(toks, i, &["the"]);
    let k = if the { i + 1 } else { i };
    let which = toks.get(k).filter(|t| t.kind == TokKind::Word)?;
    let unit = toks.get(k + 1).filter(|t| t.kind == TokKind::Word)?;
    let years = super::lexicon::long_unit_years(unit.text).filter(|y| *y == 10 || *y == 100)?;
    if unit.text.ends_with('s') {
        return None;
    }
    // "this century" is read as the stretch a story looks back over (as the dev gold has it)
    let (d, back) = if which.is("this") && !the {
        (0, years == 100)
    } else if the && (which.is("next") || which.is("coming")) {
        (1, false)
    } else if the && which.is("past") || which.is("last") && years == 10 {
        (-1, true)
    } else if which.is("last") || which.is("previous") && the {
        (-1, false)
    } else {
        return None;
    };
    if back {
        return Some((k + 2, "duration", format!("P{years}Y")));
    }
    let n = p.year().div_euclid(i32::try_from(years).ok()?) + d;
    let v = if years == 10 {
        format!("{n:03}")
    } else {
        format!("{n:02}")
    };
    Some((k + 2, "period", v))
}

/// "every Tuesday", "each year", "daily", "weekly", "twice a week", "three times a year".
fn set(toks: &[Tok], i: usize) -> Found {
    let s = |e, v: String| Some((e, "set", v));
    // "twice a week", "three times a year": how often
    let times = if word_in(toks, i, &FREQUENCY) {
        Some(i + 1)
    } else {
        count(toks, i)
            .filter(|(e, _)| word(toks, *e, &["times"]))
            .map(|(e, _)| e + 1)
    };
    if let Some(e) = times.filter(|e| per_unit(toks, *e)) {
        let u = unit(toks.get(e + 1)?)?;
        return s(e + 2, duration_value(Some(1), u));
    }
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let lower = t.text.to_ascii_lowercase();
    let v = match lower.as_str() {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        w if YEARLY.contains(w) => Some("P1Y"),
        _ => None,
    };
    if let Some(v) = v {
        // "average daily volume": a measure taken per day, not a recurring time
        if i > 0 && word(toks, i - 1, &["average"]) {
            return None;
        }
        // "the Velmar Daily News": a word of a name, capitalized with a capitalized neighbour
        if in_name(toks, i) {
            return None;
        }
        return s(i + 1, v.to_string());
    }
    if t.is("every") || t.is("each") {
        let n = toks.get(i + 1)?;
        if let Some(wd) = weekday(&n.text.to_ascii_lowercase()) {
            return s(i + 2, format!("XXXX-WXX-{}", wd_num(wd)));
        }
        if let Some(u) = unit(n).filter(|_| !n.text.ends_with('s')) {
            return s(i + 2, duration_value(Some(1), u));
        }
    }
    None
}

/// True for a capitalized word at `i` with a capitalized word right after it, or right before it
/// when that one opens no sentence: a word of a name ("Daily News", "the Tessaly Weekly").
fn in_name(toks: &[Tok], i: usize) -> bool {
    let capital =
        |t: &Tok| t.kind == TokKind::Word && t.text.starts_with(|c: char| c.is_ascii_uppercase());
    let Some(t) = toks.get(i).filter(|t| capital(t)) else {
        return false;
    };
    let after = toks
        .get(i + 1)
        .is_some_and(|n| capital(n) && n.span.start == t.span.end + 1);
    let before = i >= 2
        && toks
            .get(i - 1)
            .is_some_and(|b| capital(b) && b.span.end + 1 == t.span.start)
        && toks.get(i - 2).is_some_and(|b| b.kind == TokKind::Word);
    after || before
}

fn wd_num(wd: Weekday) -> u32 {
    wd.number_from_monday()
}

/// Quarters and seasons named relative to publication: "the third quarter", "third-quarter",
/// "the latest quarter", "this summer", "last fall".
fn period(toks: &[Tok], tenses: &ClauseTenses, i: usize, p: NaiveDate) -> Found {
    quarter(toks, i, p)
        .map(|found| coming_quarter(toks, tenses, i, p, found))
        .or_else(|| season_of_year(toks, i, p))
        .or_else(|| season(toks, tenses, i, p))
}

/// The quarter an ordinal names ("third" is 3).
pub(super) fn quarter_number(w: &str) -> Option<u32> {
    ordinal_quarter(w)
}

fn ordinal_quarter(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => return None,
    })
}

/// "the first half of 1997" (`1997-H1`), "the second half of the year" (publication's year,
/// `H2`); a half without its year ("the first half", of a match or a season) is left out.
fn half(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    if !(word(toks, i, &["the"]) && word(toks, i + 2, &["half"]) && word(toks, i + 3, &["of"])) {
        return None;
    }
    let n = if word_in(toks, i + 1, &HALF_FIRST) {
        1
    } else if word_in(toks, i + 1, &HALF_SECOND) {
        2
    } else {
        return None;
    };
    let (e, y) = match named_year(toks, i + 4, p) {
        Some(found) => found,
        None if word(toks, i + 4, &["the"]) && word(toks, i + 5, &["year"]) => (i + 6, p.year()),
        None => return None,
    };
    Some((e, "period", format!("{y:04}-H{n}")))
}

/// "Q3 2012" (`2012-Q3`), "H1 2012" (`2012-H1`): a quarter or half written as its letter and
/// number, with its year after it (without one, or after a name inside the sentence, "Q3" may
/// be a model's name: "the Zephyr Q3 2012").
fn abbreviated_part(toks: &[Tok], i: usize) -> Found {
    let after_name = i > 1
        && toks[i - 1].kind == TokKind::Word
        && toks[i - 1].text.starts_with(|c: char| c.is_uppercase());
    if after_name {
        return None;
    }
    let (letter, n) = part_letter(toks, i)?;
    let y = toks.get(i + 2).and_then(year_of)?;
    Some((i + 3, "period", format!("{y:04}-{letter}{n}")))
}

/// A quarter ("Q1" to "Q4") or half ("H1", "H2") as TIMEX3 writes it, its letter (token `i`)
/// and number (the token written against it).
pub(super) fn part_letter(toks: &[Tok], i: usize) -> Option<(char, u32)> {
    let (t, n) = (toks.get(i)?, toks.get(i + 1)?);
    let max = match t.text {
        "Q" => 4,
        "H" => 2,
        _ => return None,
    };
    let n: u32 = n
        .text
        .parse()
        .ok()
        .filter(|_| crate::text::adjacent(t, n))?;
    let letter = t.text.chars().next()?;
    (1..=max).contains(&n).then_some((letter, n))
}

/// The year named after a part of it at `k`: a year ("1984") or "last/this/next year" counted
/// from publication's; the index past it and the year.
fn named_year(toks: &[Tok], k: usize, p: NaiveDate) -> Option<(usize, i32)> {
    if let Some(y) = toks.get(k).and_then(year_of) {
        return Some((k + 1, y));
    }
    let off = if word_in(toks, k, &BACK) {
        -1
    } else if word_in(toks, k, &super::lexicon::PERIOD_NEXT) {
        1
    } else if word_in(toks, k, &super::lexicon::PERIOD_THIS) {
        0
    } else {
        return None;
    };
    word(toks, k + 1, &["year"]).then(|| (k + 2, p.year() + off))
}

/// A four-digit year token 1000–2199.
pub(super) fn year_of(t: &Tok) -> Option<i32> {
    if t.kind != TokKind::Num || t.text.len() != 4 {
        return None;
    }
    t.text.parse().ok().filter(|y| (1000..2200).contains(y))
}

/// A quarter (or half, or the report's full year) named at token `i`, against publication
/// date `p`: led by a year, hyphenated, by ordinal, or relative to the quarter just ended.
fn quarter(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let current = (p.month() - 1) / 3 + 1;
    let t = toks.get(i)?;
    if let Some(found) = year_led_quarter(toks, i, p, current) {
        return Some(found);
    }
    // "fiscal-first quarter": the hyphen written for the space of "fiscal first quarter"
    if let Some(n) = fiscal_joined(t).filter(|_| word(toks, i + 1, &["quarter"])) {
        return quarter_found(i + 2, named_quarter_year(p, n), n);
    }
    if let Some((a, b)) = t.text.split_once('-') {
        // "a first-quarter 2012 charge": the year written right after
        return match (
            hyphenated_quarter(a, b, i, p),
            toks.get(i + 1).and_then(year_of),
        ) {
            (Some((e, "period", v)), Some(y)) if v.contains("-Q") || v.contains("-H") => {
                let part = v.split_once('-').map_or("", |(_, q)| q);
                Some((e + 1, "period", format!("{y:04}-{part}")))
            }
            (found, _) => found,
        };
    }
    let mut k = i;
    let det = word(toks, k, &["the"]) || word_in(toks, k, &DET);
    let which = toks.get(k).map(|t| t.text.to_ascii_lowercase());
    if det {
        k += 1;
    }
    // "the third quarter", "the fiscal third quarter"
    let fiscal = word(toks, k, &["fiscal"]);
    if fiscal {
        k += 1;
    }
    let ord = toks
        .get(k)
        .and_then(|t| ordinal_quarter(&t.text.to_ascii_lowercase()).or_else(|| fiscal_joined(t)));
    if let Some(n) = ord {
        if word(toks, k + 1, &["quarter"]) {
            // "the third quarter of 1984"
            if word(toks, k + 2, &["of"]) {
                if let Some((e, y)) = named_year(toks, k + 3, p) {
                    return quarter_found(e, y, n);
                }
            }
            // "the third quarter 1984": the year written right after
            if let Some(y) = toks.get(k + 2).and_then(year_of) {
                return quarter_found(k + 3, y, n);
            }
            return quarter_found(k + 2, named_quarter_year(p, n), n);
        }
        return None;
    }
    if !det {
        return None;
    }
    let (y, prev) = if current == 1 {
        (p.year() - 1, 4)
    } else {
        (p.year(), current - 1)
    };
    match which.as_deref() {
        Some("the") => the_quarter(toks, k, fiscal, p, current),
        Some("this") if word(toks, k, &["quarter", "quarter's", "quarter’s"]) => {
            quarter_found(k + 1, p.year(), current)
        }
        Some("last") if word(toks, k, &["quarter"]) => quarter_found(k + 1, y, prev),
        Some("next") if word(toks, k, &["quarter"]) => {
            let (y, n) = quarter_after(p.year(), current);
            quarter_found(k + 1, y, n)
        }
        _ => None,
    }
}

/// "the car reaches showrooms in the fourth quarter" said in August: "the" and an ordinal quarter
/// (tokens `i..`, no year, no "fiscal") that has not begun this year reads as last year's
/// ([`named_quarter_year`]), unless the clause is told in the future: then it is this year's,
/// still to come. Not the quarter just ended ("will report the fourth quarter" in January), nor
/// a hyphenated modifier ("expects to report fourth-quarter sales" names a report's quarter).
fn coming_quarter(
    toks: &[Tok],
    tenses: &ClauseTenses,
    i: usize,
    p: NaiveDate,
    found: (usize, &'static str, String),
) -> (usize, &'static str, String) {
    let (e, kind, value) = found;
    let Some(n) = toks
        .get(i + 1)
        .and_then(|t| ordinal_quarter(&t.text.to_ascii_lowercase()))
    else {
        return (e, kind, value);
    };
    let plain = word(toks, i, &["the"]) && word(toks, i + 2, &["quarter"]) && e == i + 3;
    let current = (p.month() - 1) / 3 + 1;
    let just_ended = n == 4 && current == 1;
    let last_year = value == format!("{:04}-Q{n}", p.year() - 1);
    if !(plain && last_year) || just_ended || tenses.of(i, e) != super::Tense::Future {
        return (e, kind, value);
    }
    (e, kind, format!("{:04}-Q{n}", p.year()))
}

/// The TIMEX3 period of quarter `n` of year `y`, ending at token `e`.
fn quarter_found(e: usize, y: i32, n: u32) -> Found {
    Some((e, "period", format!("{y:04}-Q{n}")))
}

/// A quarter led by its year: "the 1988 second quarter", "this year's third quarter", "next
/// year's first quarter", or "the 1988 quarter" (the quarter just ended, in that year).
fn year_led_quarter(toks: &[Tok], i: usize, p: NaiveDate, current: u32) -> Found {
    let t = toks.get(i)?;
    let (k, y) = if word(toks, i, &["the"]) {
        toks.get(i + 1).and_then(year_of).map(|y| (i + 2, y))
    } else if word_in(toks, i, &DET)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is("year's") || n.is("year’s"))
    {
        let d = if t.is("last") {
            -1
        } else {
            i32::from(t.is("next"))
        };
        Some((i + 2, p.year() + d))
    } else {
        None
    }?;
    let k = if word(toks, k, &["fiscal"]) { k + 1 } else { k };
    let n = toks
        .get(k)
        .and_then(|t| ordinal_quarter(&t.text.to_ascii_lowercase()));
    if let Some(n) = n.filter(|_| word(toks, k + 1, &["quarter"])) {
        return quarter_found(k + 2, y, n);
    }
    // "the 1988 quarter", "last year's quarter": the quarter just ended, in that year
    let dated = word(toks, i, &["the"]) || t.is("last");
    if dated && word(toks, k, &["quarter"]) {
        let prev = if current == 1 { 4 } else { current - 1 };
        let y = if current == 1 && t.is("last") {
            y - 1
        } else {
            y
        };
        return quarter_found(k + 1, y, prev);
    }
    None
}

/// "third-quarter"; "first-half", "second-half" (the half begun last, as for quarters): the
/// token at `i` split at its hyphen into `a` and `b`.
fn hyphenated_quarter(a: &str, b: &str, i: usize, p: NaiveDate) -> Found {
    if b.eq_ignore_ascii_case("quarter") {
        let n = ordinal_quarter(&a.to_ascii_lowercase())?;
        return quarter_found(i + 1, named_quarter_year(p, n), n);
    }
    if b.eq_ignore_ascii_case("half") {
        let n = if HALF_FIRST.contains(a) {
            1
        } else if HALF_SECOND.contains(a) {
            2
        } else {
            return None;
        };
        let y = named_quarter_year(p, 2 * n - 1);
        return Some((i + 1, "period", format!("{y:04}-H{n}")));
    }
    None
}

/// A quarter after "the" at `k` (past "fiscal" when `fiscal`): the latest, current, previous,
/// past, coming or final quarter, or the report's full year.
fn the_quarter(toks: &[Tok], k: usize, fiscal: bool, p: NaiveDate, current: u32) -> Found {
    let (y, prev) = if current == 1 {
        (p.year() - 1, 4)
    } else {
        (p.year(), current - 1)
    };
    if word_in(toks, k, &LATEST) {
        let e = if word(toks, k, &["most"]) && word(toks, k + 1, &["recent"]) {
            k + 2
        } else {
            k + 1
        };
        // "the latest period" of a quarterly report is its quarter, the one just ended
        word(toks, e, &["quarter", "quarter's", "quarter’s", "period"]).then_some(())?;
        if word(toks, e, &["period"]) && word(toks, e + 1, &["of"]) {
            return None;
        }
        quarter_found(e + 1, y, prev)
    } else if fiscal || word(toks, k, &["full"]) {
        // "sales for the full year", "earnings for the fiscal year": the report's own year
        // (with "ended …" it is a year-long stretch, a duration)
        let e = if fiscal { k } else { k + 1 };
        if !word(toks, e, &["year"]) || word_in(toks, e + 1, &YEAR_END) {
            return None;
        }
        Some((e + 1, "period", format!("{:04}", p.year())))
    } else if word(toks, k, &["current"]) && word(toks, k + 1, &["quarter"]) {
        quarter_found(k + 2, p.year(), current)
    } else if word(toks, k, &["quarter"]) {
        quarter_found(k + 1, y, prev)
    } else if word_in(toks, k, &DAY_BEFORE) && word(toks, k + 1, &["quarter"]) {
        // "the previous quarter", "the preceding quarter": the one before the quarter just ended
        let (y, n) = if prev == 1 { (y - 1, 4) } else { (y, prev - 1) };
        quarter_found(k + 2, y, n)
    } else if word_in(toks, k, &BACK) && word(toks, k + 1, &["quarter"]) {
        // "the past quarter", "the last quarter": the one just ended ("the last quarter of
        // 1989" is that year's fourth, as "final")
        match toks.get(k + 3).and_then(year_of) {
            Some(y) if word(toks, k, &["last"]) && word(toks, k + 2, &["of"]) => {
                quarter_found(k + 4, y, 4)
            }
            _ => quarter_found(k + 2, y, prev),
        }
    } else if word_in(toks, k, &PERIOD_NEXT) && word(toks, k + 1, &["quarter"]) {
        // "the coming quarter", "the next quarter": the one after the current
        let (y, n) = quarter_after(p.year(), current);
        quarter_found(k + 2, y, n)
    } else if word(toks, k, &["final"]) && word(toks, k + 1, &["quarter"]) {
        // "the final quarter (of 1989)": the fourth
        match toks.get(k + 3).and_then(year_of) {
            Some(y) if word(toks, k + 2, &["of"]) => quarter_found(k + 4, y, 4),
            _ => quarter_found(k + 2, named_quarter_year(p, 4), 4),
        }
    } else {
        None
    }
}

/// The year and number of the quarter after quarter `n` of year `y`.
fn quarter_after(y: i32, n: u32) -> (i32, u32) {
    if n >= 4 {
        (y + 1, 1)
    } else {
        (y, n + 1)
    }
}

/// The ordinal of a quarter joined to "fiscal" by a hyphen ("fiscal-first" is 1).
fn fiscal_joined(t: &Tok) -> Option<u32> {
    let (a, b) = t.text.split_once('-')?;
    a.eq_ignore_ascii_case("fiscal")
        .then(|| ordinal_quarter(&b.to_ascii_lowercase()))
        .flatten()
}

/// The year of "the third quarter" said at `p`: this year once the quarter has begun, else last
/// year's.
pub(super) fn named_quarter_year(p: NaiveDate, n: u32) -> i32 {
    let start_month = 3 * (n - 1) + 1;
    if p.month() >= start_month {
        p.year()
    } else {
        p.year() - 1
    }
}

/// A season's code and first month from a word token ("fall" is `FA`, from September).
fn season_word(t: &Tok) -> Option<(&'static str, u32)> {
    (t.kind == TokKind::Word)
        .then(|| super::lexicon::season(t.text))
        .flatten()
}

/// A season of a given year: "the fall of 1987" (`1987-FA`), "summer 1999", "in the early
/// spring of 2001". A capitalised season after a capitalised word is part of a name.
fn season_of_year(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let mut k = if word(toks, i, &["the"]) { i + 1 } else { i };
    if word_in(toks, k, &PERIOD_PART) {
        k += 1;
    }
    let (code, _) = season_word(toks.get(k)?)?;
    if !season_of_year_words(toks, k) {
        return None;
    }
    let y = if word(toks, k + 1, &["of"]) {
        k + 2
    } else {
        k + 1
    };
    // "the spring of last year" (after "of" only: "spring next year" is two expressions)
    if y == k + 2 && toks.get(y).and_then(year_of).is_none() {
        let (e, year) = named_year(toks, y, p)?;
        return Some((e, "period", format!("{year:04}-{code}")));
    }
    let year = toks.get(y).and_then(year_of)?;
    // "the summer of 1999-2000", "spring 2001's": no year standing alone
    let joined = toks
        .get(y + 1)
        .is_some_and(|n| n.span.start == toks[y].span.end && !n.is_punct(',') && !n.is_punct('.'));
    (!joined).then(|| (y + 1, "period", format!("{year:04}-{code}")))
}

/// True when the season word at `k` may name a season of the year after it: not a capitalised
/// word after a capitalised word (a name) and not a noun after "a" ("a fall of 2000 points").
pub(super) fn season_of_year_words(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    let named = t.is_capitalized()
        && prev.is_some_and(|p| p.kind == TokKind::Word && p.is_capitalized() && !p.is("the"));
    let counted = prev.is_some_and(|p| INDEFINITE_ARTICLES.has(p));
    !named && !counted
}

fn season(toks: &[Tok], tenses: &ClauseTenses, i: usize, p: NaiveDate) -> Found {
    // "over the summer," is this summer; "the winter of 1998" is another
    let framed = word(toks, i, &["the"])
        && i > 0
        && (word_in(toks, i - 1, &FRAME_LEAD)
            || word_in(toks, i - 1, &SEASON_LEAD) && season_closes(toks, i + 2))
        && !word(toks, i + 2, &["of"]);
    // "this past summer", "the past summer" are the last one; "the coming winter", "this coming
    // spring" the next
    let the = word(toks, i, &["the"]);
    let this = word(toks, i, &["this"]);
    let past = (this && word_in(toks, i + 1, &BACK)) || (the && word(toks, i + 1, &["past"]));
    let ahead = (this || the) && word_in(toks, i + 1, &AHEAD);
    if !word_in(toks, i, &DET) && !framed && !past && !ahead {
        return None;
    }
    let s = if past || ahead { i + 2 } else { i + 1 };
    let (code, start) = season_word(toks.get(s)?)?;
    // the instance (named by the year it begins in) most recently begun by publication
    let begun = if p.month() >= start {
        p.year()
    } else {
        p.year() - 1
    };
    let ongoing = (p.month() + 12 - start) % 12 < 3;
    let y = if ahead {
        begun + 1
    } else if past {
        if ongoing {
            begun - 1
        } else {
            begun
        }
    } else if framed {
        let y = if ongoing { begun } else { p.year() };
        season_by_tense(y, start, begun, p, tenses.of(i, s + 1))
    } else if toks[i].is("this") && !past {
        if ongoing {
            begun
        } else {
            p.year()
        }
    } else if toks[i].is("last") {
        if ongoing {
            begun - 1
        } else {
            begun
        }
    } else {
        begun + 1
    };
    Some((s + 1, "period", format!("{y:04}-{code}")))
}

/// True when the phrase of a bare season ("in the fall") closes before token `k`: at the end
/// of the sentence, at punctuation or before "and"/"or". A season word before anything else may
/// be a noun ("in the fall in prices", "in the spring water").
fn season_closes(toks: &[Tok], k: usize) -> bool {
    match toks.get(k) {
        None => true,
        Some(t) if t.kind == TokKind::Word => t.is("and") || t.is("or"),
        Some(t) => !t.is_punct('-') && !t.is_punct('\'') && !t.is_punct('’'),
    }
}

/// The year of the season (first month `start`) that "over the summer" names: `y` as the words
/// alone give it, unless the clause's tense rules it out. A past-tense clause cannot tell of a
/// season not yet begun by publication (it is the one last `begun`); a future-tense one of a
/// season already over (it is the next).
fn season_by_tense(y: i32, start: u32, begun: i32, p: NaiveDate, tense: super::Tense) -> i32 {
    let Some(first) = NaiveDate::from_ymd_opt(y, start, 1) else {
        return y;
    };
    let over = first
        .checked_add_months(chrono::Months::new(3))
        .is_some_and(|end| end <= p);
    match tense {
        super::Tense::Past if first > p => begun,
        super::Tense::Future if over => begun + 1,
        _ => y,
    }
}

/// Helpers the tests of the `annotate` expression modules share.
#[cfg(test)]
pub(super) mod test_support {
    /// The words and the TIMEX3 value of each expression `extract` finds in `text`, published
    /// on `published` (YYYY-MM-DD).
    pub fn found(text: &str, published: &str) -> Vec<(String, String)> {
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        super::extract(text, &a, p, &[])
            .into_iter()
            .map(|t| (t.span.slice(text).to_string(), t.value))
            .collect()
    }

    /// An expected (words, value) pair.
    pub fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, published: &str) -> Vec<(String, &'static str, String)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        extract(text, &a, p, &[])
            .into_iter()
            .map(|t| (t.span.slice(text).to_string(), t.kind, t.value))
            .collect()
    }

    #[test]
    fn a_round_hundred_with_s_is_its_century() {
        let p = "2013-02-12";
        let found_in = |text: &str| found(text, p);
        assert_eq!(
            found_in("The mills of Bhutan were built in the 1800s."),
            [("the 1800s".to_string(), "period", "18".to_string())]
        );
        assert_eq!(
            found_in("Paraguay grew fast in the 1990s."),
            [("the 1990s".to_string(), "period", "199".to_string())]
        );
        assert_eq!(
            found_in("Mongolia grew fast in the 2000s."),
            [("the 2000s".to_string(), "period", "200".to_string())]
        );
    }

    #[test]
    fn a_decimal_count_keeps_its_fraction() {
        let p = "2013-02-12";
        let cases = [
            (
                "The rebuild in Bhutan took 3.5 years.",
                "3.5 years",
                "P3.5Y",
            ),
            (
                "The ferry crossing lasted 2.5 hours.",
                "2.5 hours",
                "PT2.5H",
            ),
        ];
        for (text, words, value) in cases {
            let f = found(text, p);
            assert_eq!(
                f,
                [(words.to_string(), "duration", value.to_string())],
                "{text}"
            );
        }
        // a point, not a stretch; a weight, not a time
        for text in [
            "The dam in Mongolia failed 3.5 years ago.",
            "The catch weighed 3.5 tons.",
        ] {
            assert!(found(text, p).is_empty(), "{text}: {:?}", found(text, p));
        }
    }

    #[test]
    fn a_quarter_or_half_by_its_letter_needs_its_year() {
        let p = "2013-02-12";
        let text = "Exports from Mongolia fell in Q3 2012 and rose in H1 2011.";
        assert_eq!(
            found(text, p),
            [
                ("Q3 2012".to_string(), "period", "2012-Q3".to_string()),
                ("H1 2011".to_string(), "period", "2011-H1".to_string()),
            ]
        );
        // no year: a model's name, not a quarter; no fifth quarter or third half
        for text in [
            "The dealer in Uruguay sold a Q3 last week.",
            "The filing lists Q5 2012 and H3 2012.",
            "The dealer sold a Zephyr Q3 2012 model.",
        ] {
            assert!(
                found(text, p).iter().all(|(_, k, _)| *k != "period"),
                "{text}: {:?}",
                found(text, p)
            );
        }
    }

    fn values(text: &str, published: &str) -> Vec<String> {
        found(text, published).into_iter().map(|x| x.2).collect()
    }

    fn joined(text: &str, published: &str) -> Vec<(String, &'static str, String)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        let dates = crate::time::extract(text, &a, p);
        join_day_times(text, &dates)
            .into_iter()
            .map(|j| (j.span.slice(text).to_string(), j.kind, j.value))
            .collect()
    }

    fn clocks(text: &str, published: &str) -> Vec<String> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        let dates = crate::time::extract(text, &a, p);
        let joined = join_day_times(text, &dates);
        clock_days(&dates, &joined)
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn a_clock_time_falls_on_the_one_day_its_sentence_names() {
        let p = "2001-05-11"; // a Friday
        assert_eq!(
            clocks("The mast fell at about 7:20 a.m. (1120 GMT) Tuesday.", p),
            ["2001-05-08T07:20"]
        );
        assert_eq!(
            clocks("He is due in court at noon, his lawyer said today.", p),
            ["2001-05-11T12:00"]
        );
        // a time still to come takes no past day of its sentence
        assert!(clocks(
            "Traders will watch at 8:30 a.m. the count of claims for the week ended May 5.",
            p
        )
        .is_empty());
        // no day, or two days, or the time already joined to its day: nothing to add
        for s in [
            "The doors open at 9 a.m.",
            "Talks ran from 9 a.m. Monday until Wednesday at 6 p.m.",
            "The hearing began at 4 a.m. Tuesday.",
        ] {
            assert!(clocks(s, p).is_empty(), "{s}: {:?}", clocks(s, p));
        }
    }

    #[test]
    fn a_count_back_without_a_number_is_a_past_reference() {
        let p = NaiveDate::from_ymd_opt(2001, 5, 11);
        let text =
            "It shut several years ago, reopened a few weeks ago and was sold two years ago.";
        let a = crate::article::read(text);
        let vague: Vec<_> = crate::time::extract(text, &a, p)
            .iter()
            .filter(|t| vague_count_back(text, t))
            .map(|t| t.span.slice(text).to_string())
            .collect();
        assert_eq!(vague, ["several years ago", "a few weeks ago"]);
    }

    fn stretches(text: &str, published: &str) -> Vec<(String, String)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        let dates = crate::time::extract(text, &a, p);
        event_durations(text, &dates)
            .into_iter()
            .map(|(_, x)| (x.span.slice(text).to_string(), x.value))
            .collect()
    }

    #[test]
    fn half_years_with_their_year() {
        let text = "Output fell in the first half of 2003 and rose in the latter half of the \
                    year. The home side led in the first half.";
        assert_eq!(values(text, "2003-11-02"), vec!["2003-H1", "2003-H2"]);
    }

    #[test]
    fn a_quarter_still_to_come_in_a_future_clause_is_this_years() {
        // said in August: the fourth quarter has not begun
        let p = "2015-08-20";
        assert_eq!(
            values("Velmar will ship the new pump in the fourth quarter.", p),
            ["2015-Q4"]
        );
        // told in the past, it is last year's
        assert_eq!(
            values("Velmar shipped the old pump in the fourth quarter.", p),
            ["2014-Q4"]
        );
        // a report's quarter, named as a modifier, is the one done
        assert_eq!(
            values("Velmar will report fourth-quarter sales.", p),
            ["2014-Q4"]
        );
        // in January the fourth quarter just ended is the one a report will tell
        assert_eq!(
            values("Velmar will report on the fourth quarter.", "2016-01-20"),
            ["2015-Q4"]
        );
    }

    #[test]
    fn quarters_named_from_the_one_just_ended() {
        // published in the fourth quarter: the quarter just ended is the third
        let p = "2004-11-09";
        assert_eq!(
            values(
                "Margins beat the preceding quarter and the previous quarter.",
                p
            ),
            ["2004-Q2", "2004-Q2"]
        );
        assert_eq!(
            values(
                "Orders slowed in the final quarter of 2003 and the final quarter.",
                p
            ),
            ["2003-Q4", "2004-Q4"]
        );
        // "past", "last" and "coming" with "the": the one just ended and the one after this
        assert_eq!(
            values(
                "Sales fell in the past quarter and the last quarter of 2003; they may rise in the coming quarter.",
                p
            ),
            ["2004-Q3", "2003-Q4", "2005-Q1"]
        );
        // a hyphen where "fiscal first quarter" has a space
        assert_eq!(
            values("The brewer lost money for the fiscal-second quarter.", p),
            ["2004-Q2"]
        );
    }

    #[test]
    fn counted_quarters_are_a_stretch_and_never_a_fraction() {
        let p = "2004-11-09";
        assert_eq!(
            found("Sales shrank over the past three quarters.", p),
            [(
                "the past three quarters".to_string(),
                "duration",
                "P3Q".to_string()
            )]
        );
        assert_eq!(values("It lost money for two quarters.", p), ["P2Q"]);
        assert_eq!(
            values(
                "Three quarters of the staff left; a quarter of them came back.",
                p
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_unit_joined_to_long_is_a_stretch() {
        let p = "2004-11-09";
        assert_eq!(
            values("A week-long strike and a year-long audit began.", p),
            ["P1W", "P1Y"]
        );
        assert_eq!(
            values("The decades-long truce held; talks ran hours-long.", p),
            ["PXY", "PTXH"]
        );
        assert_eq!(
            values("The rope was too long; a long-term plan.", p),
            Vec::<String>::new()
        );
    }

    #[test]
    fn past_units_without_an_article_are_a_past_reference() {
        let p = "2004-11-09";
        assert_eq!(
            found("Floods were milder in past years.", p),
            [(
                "past years".to_string(),
                "reference",
                "PAST_REF".to_string()
            )]
        );
        // with "the" they stay the stretch they were
        assert_eq!(
            values("Floods were milder over the past years.", p),
            ["PXY"]
        );
    }

    #[test]
    fn a_season_framed_without_a_determiner_follows_the_clauses_tense() {
        // published in April: the summer and winter just named lie on either side
        let p = "2021-04-14";
        assert_eq!(
            values("Over the summer, the Paraguay council met twice.", p),
            ["2020-SU"]
        );
        assert_eq!(
            values("During the winter, the mountain roads were closed.", p),
            ["2020-WI"]
        );
        assert_eq!(
            values("The council will meet over the summer.", p),
            ["2021-SU"]
        );
        assert_eq!(values("Crews worked through the winter.", p), ["2020-WI"]);
        // published in October, a summer already over is the next one when told as coming
        let p = "2021-10-20";
        assert_eq!(
            values("The council will meet over the summer.", p),
            ["2022-SU"]
        );
        assert_eq!(
            values("Over the summer, the council met twice.", p),
            ["2021-SU"]
        );
        // a summer under way is that one, whatever the tense
        let p = "2021-07-20";
        assert_eq!(
            values("The council will meet over the summer.", p),
            ["2021-SU"]
        );
        assert_eq!(
            values("Over the summer, the council met twice.", p),
            ["2021-SU"]
        );
    }

    #[test]
    fn the_weekend_follows_the_tense_or_the_day_that_names_it() {
        // published on a Wednesday of ISO week 15
        let p = "2009-04-08";
        assert_eq!(
            values("Crowds filled the square over the weekend.", p),
            ["2009-W14-WE"]
        );
        assert_eq!(
            values("The bands will play over the weekend.", p),
            ["2009-W15-WE"]
        );
        // published on a Saturday: a coming weekend is the one under way
        assert_eq!(
            values("The bands will play over the weekend.", "2009-04-11"),
            ["2009-W15-WE"]
        );
        // "of" and a day: that day's weekend (the day itself is a calendar date, not here)
        assert_eq!(
            values("Storms hit Uruguay the weekend of March 7 and 8.", p),
            ["2009-W10-WE"]
        );
        assert_eq!(
            values("The fair returns the weekend of May 16, 2009.", p),
            ["2009-W20-WE"]
        );
        // "of" and no day
        assert_eq!(
            values("Crowds filled the square the weekend of the final.", p),
            ["2009-W14-WE"]
        );
    }

    #[test]
    fn weekends_named_by_a_determiner() {
        // published on a Wednesday of ISO week 15
        let text = "The fair opens this weekend. Rain fell last weekend and again this past \
                    weekend. Crews return next weekend. This Weekend runs on Sundays.";
        assert_eq!(
            values(text, "2009-04-08"),
            vec!["2009-W15-WE", "2009-W14-WE", "2009-W14-WE", "2009-W16-WE"]
        );
    }

    #[test]
    fn a_weekend_told_after_a_quotation_takes_the_attribution_tense() {
        // a Tuesday: the quoted present is the speaker's, the telling is past
        let text = "\"The levy is too high,\" Ondrej Halvik told reporters at a rally this \
                    weekend in Tessaly.";
        assert_eq!(values(text, "2011-03-15"), vec!["2011-W10-WE"]);
    }

    #[test]
    fn weekdays_after_every_or_each_are_sets() {
        let text =
            "The ferry leaves each Friday and the market opens every Sunday; it rained Monday.";
        let a = crate::article::read(text);
        let dates = crate::time::extract(text, &a, NaiveDate::from_ymd_opt(2004, 6, 9));
        let got: Vec<_> = recurring_days(text, &dates)
            .into_iter()
            .map(|(_, x)| (x.span.slice(text).to_string(), x.kind, x.value))
            .collect();
        let want = [
            ("each Friday", "XXXX-WXX-5"),
            ("every Sunday", "XXXX-WXX-7"),
        ];
        assert_eq!(
            got,
            want.map(|(a, b)| (a.to_string(), "set", b.to_string()))
                .to_vec()
        );
    }

    #[test]
    fn counts_measured_from_an_event_are_stretches() {
        let p = "2003-03-14";
        let got = stretches(
            "The ferry sank, and four days later the divers gave up. Bids are due within 21 days. \
             The tenants were warned 30 days before the demolition. It happened two weeks ago.",
            p,
        );
        let want = [
            ("four days", "P4D"),
            ("21 days", "P21D"),
            ("30 days", "P30D"),
        ];
        assert_eq!(
            got,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
        assert_eq!(
            values("The shop stayed shut for eight trading days.", p),
            ["P8D"]
        );
    }

    #[test]
    fn a_count_after_in_told_in_the_past_is_a_stretch() {
        let p = "2003-03-14";
        let got = stretches(
            "Velmar posted its weakest sales in 12 years. It was Halvik's third visit in two \
             weeks. Velmar will open a plant in three years.",
            p,
        );
        let want = [("12 years", "P12Y"), ("two weeks", "P2W")];
        assert_eq!(
            got,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
    }

    #[test]
    fn a_count_after_the_nth_time_is_a_stretch_in_any_tense() {
        let p = "2003-03-14";
        let got = stretches(
            "Tomorrow will be the third time in four days that Ondrej Halvik flies to Tessaly. \
             Velmar will hire staff in two weeks.",
            p,
        );
        assert_eq!(got, [("four days".to_string(), "P4D".to_string())]);
    }

    #[test]
    fn a_count_after_a_record_superlative_is_a_stretch_in_any_tense() {
        let p = "2008-01-16";
        let got = stretches(
            "Velmar shares are trading at their lowest level in 14 months. \
             The Tessaly plant will reopen in six months.",
            p,
        );
        assert_eq!(got, [("14 months".to_string(), "P14M".to_string())]);
    }

    #[test]
    fn days_take_the_time_written_beside_them() {
        let p = "2001-05-11"; // a Friday
        let got = joined(
            "The crew landed Wednesday night. The hearing began at 4 a.m. EDT Tuesday and ended at noon on Thursday.",
            p,
        );
        let want = [("4 a.m. EDT Tuesday", "time", "2001-05-08T04:00")];
        let got: Vec<_> = got
            .iter()
            .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
            .collect();
        assert_eq!(got, want);
        // the dotted meridiem's last dot before the day ("9 a.m. Friday") joins as a space does;
        // "on" keeps the time and the day apart
        let got = joined(
            "Bids are due by 9 a.m. Friday. It closed at 6 p.m. on Monday.",
            p,
        );
        let got: Vec<_> = got
            .iter()
            .map(|(a, _, c)| (a.as_str(), c.as_str()))
            .collect();
        assert_eq!(got, [("9 a.m. Friday", "2001-05-11T09:00")]);
        // a clock time apart from the day stays apart
        assert!(joined("At 9 a.m. the court met, and on Tuesday it ruled.", p).is_empty());
    }

    #[test]
    fn rates_frequencies_and_references_to_a_past_time() {
        let p = "2004-06-09";
        // a quantity per unit is a rate: neither part is a stretch of time
        assert!(values("The ferry makes six crossings a week.", p).is_empty());
        assert!(values("The deal saves $3 million a year in rent.", p).is_empty());
        assert!(values("Guards watch the gate 24 hours a day.", p).is_empty());
        assert!(values("The mill ships 400 tonnes per day.", p).is_empty());
        // how often something happens is a set
        assert_eq!(
            found(
                "The board meets twice a month and votes three times a year.",
                p
            ),
            [
                ("twice a month".to_string(), "set", "P1M".to_string()),
                ("three times a year".to_string(), "set", "P1Y".to_string()),
            ]
        );
        // a stretch after a date or alone stays one
        assert_eq!(values("Talks lasted a week.", p), ["P1W"]);
        assert_eq!(values("On Jan. 5 a week of talks began.", p), ["P1W"]);
        // "average daily output" measures per day; it is no recurring time
        assert!(values("The average daily output fell.", p).is_empty());
        assert_eq!(values("The paper prints daily.", p), ["P1D"]);
        // "until recently" and "more recently" point back; "recently" alone is left out
        assert_eq!(
            values("Until recently the mill ran; more recently it idled.", p),
            ["PAST_REF", "PAST_REF"]
        );
        assert!(values("The mill recently idled.", p).is_empty());
        // "then current": current at a time now past
        assert_eq!(
            found("They paid the then current price.", p),
            [(
                "then current".to_string(),
                "reference",
                "PAST_REF".to_string()
            )]
        );
    }

    #[test]
    fn references_durations_sets_periods() {
        let p = "1989-10-26";
        assert_eq!(
            values("Prices are now higher than they currently seem.", p),
            ["PRESENT_REF", "PRESENT_REF"]
        );
        // TIMEX3 marks the "now" of "now that" as well
        assert_eq!(
            values("Now that the vote is over, the town rests.", p),
            ["PRESENT_REF"]
        );
        assert_eq!(
            values("He served for six years and then two months.", p),
            ["P6Y", "P2M"]
        );
        assert_eq!(
            values("She won an eight-year term after a 10-hour count.", p),
            ["P8Y", "PT10H"]
        );
        assert_eq!(values("Sales fell over the past two weeks.", p), ["P2W"]);
        assert_eq!(values("It left two years ago.", p), Vec::<String>::new());
        assert_eq!(
            values("Sales rose in the fiscal year ended June 30.", p),
            ["P1Y"]
        );
        // without "ended", the full or fiscal year of a report is the year it is written in
        assert_eq!(
            values("The brewer expects a loss for the full year.", "2015-10-20"),
            ["2015"]
        );
        assert_eq!(
            values(
                "Profit will slip in the fiscal year, the firm said.",
                "2015-10-20"
            ),
            ["2015"]
        );
        assert_eq!(
            values(
                "They lived there 2 1/2 years and talked for 3 1/2 hours.",
                p
            ),
            ["P2Y6M", "PT3H30M"]
        );
    }

    #[test]
    fn event_offsets_and_report_quarters() {
        let p = "1989-10-26";
        // TIMEX3 annotators often write "ten years after the flood" as a duration; tried twice
        // (the second time with "later"/"before"/"within" as stretches, which are kept: see
        // `event_durations`), it gains nothing on unseen TempEval-3 documents and costs DATE
        // precision, so it stays no expression
        assert_eq!(
            values("Ten years after the flood it reopened.", p),
            Vec::<String>::new()
        );
        assert_eq!(
            values("The club meets every Tuesday and prints a paper daily.", p),
            ["XXXX-WXX-2", "P1D"]
        );
        assert_eq!(
            values(
                "Profit rose in the third quarter and third-quarter sales fell.",
                p
            ),
            ["1989-Q3", "1989-Q3"]
        );
        assert_eq!(
            values("The latest quarter was weak; this quarter looks better.", p),
            ["1989-Q3", "1989-Q4"]
        );
        assert_eq!(
            values(
                "Profit in the latest period fell; this quarter's costs rose.",
                p
            ),
            ["1989-Q3", "1989-Q4"]
        );
        // a report numbers its own quarter: a fiscal fourth quarter ended in September is the
        // latest one, and so is "this quarter's" outside a future-tense clause
        assert_eq!(
            values(
                "Zorba Mills posted weaker fourth-quarter profit. Sales in the latest period \
                 rose. This quarter's charges were large.",
                p
            ),
            ["1989-Q4", "1989-Q4", "1989-Q4"]
        );
        assert_eq!(
            values(
                "Lumo Corp. posted a third-quarter loss. This quarter's loss includes a \
                 charge; the latest quarter was its worst. This quarter's sales will rise.",
                p
            ),
            ["1989-Q3", "1989-Q3", "1989-Q3", "1989-Q4"]
        );
        assert_eq!(
            values("It was the latest period of calm.", p),
            Vec::<String>::new()
        );
        assert_eq!(
            values("Rain fell last spring and will return this winter.", p),
            ["1989-SP", "1989-WI"]
        );
        assert_eq!(values("Crops failed this past summer.", p), ["1989-SU"]);
    }

    #[test]
    fn seasons_and_past_stretches() {
        let p = "1989-10-26";
        // "the past" before a season is that season, "the coming" the next one
        assert_eq!(
            values(
                "Crops failed in the past summer; rain is due in the coming spring.",
                p
            ),
            ["1989-SU", "1990-SP"]
        );
        // a season of a stated year, whatever publication's
        assert_eq!(
            found(
                "Ice closed the lake in the winter of 1977 and in spring 1978.",
                p
            ),
            [
                (
                    "the winter of 1977".to_string(),
                    "period",
                    "1977-WI".to_string()
                ),
                ("spring 1978".to_string(), "period", "1978-SP".to_string()),
            ]
        );
        assert_eq!(
            values("They met during the early autumn of 1963.", p),
            ["1963-FA"]
        );
        // a fall that is counted, a season inside a name
        assert!(values("He survived a fall of 2000 feet.", p).is_empty());
        assert!(values("The Arab Spring 2011 archive opened.", p).is_empty());
        assert_eq!(
            values("Rents rose in the late 1970s and fell in the nineties.", p),
            ["197", "199"]
        );
        assert_eq!(
            values("Wages stalled in the nineteen seventies.", p),
            ["197"]
        );
        assert_eq!(
            values(
                "Malls boomed in the '80s and the early ’90s; mid-'70s cars rusted.",
                p
            ),
            ["198", "199", "197"]
        );
        assert_eq!(
            values(
                "Ports built this century will serve the next century; the last century was slower.",
                "1997-04-01"
            ),
            ["P100Y", "20", "18"]
        );
        assert_eq!(
            values(
                "Fares doubled over the past decade and may fall this decade or in the coming decade.",
                "1997-04-01"
            ),
            ["P10Y", "199", "200"]
        );
        // "in the past" before a long unit is that stretch, not an unspecified past
        assert_eq!(
            values("Rents rose in the past decade.", "1997-04-01"),
            ["P10Y"]
        );
        // plural units and other words before them are left to the stretches
        assert!(values("Centuries passed; a new decade began.", "1997-04-01").is_empty());
        assert_eq!(
            values("Arcades spread in the 1970's and the late 1990's.", p),
            ["197", "199"]
        );
    }

    #[test]
    fn decades_and_apostrophe_years() {
        let p = "1989-10-26";
        // ages are no decade; "in '89" is the year (no decade either)
        assert_eq!(
            values("Most voters were in their 80s; in '89 few were.", p),
            ["1989"]
        );
        assert_eq!(
            values(
                "A 12th century chapel and the 20th century met.",
                "2001-03-01"
            ),
            ["11", "19"]
        );
        // a year with an apostrophe for its century, after a year's lead word or in a list
        assert_eq!(
            values("The Tessaly Owls lost the final in '87.", p),
            ["1987"]
        );
        assert_eq!(
            values(
                "The Owls faded in 1983, '88 and '94; Halvik coached from 1991 to '97.",
                p
            ),
            ["1988", "1994", "1997"]
        );
        // an apostrophe closing a word, digits glued to more, or no lead: no year
        assert!(values("The players' 45 wins stood.", p).is_empty());
        assert!(values("Halvik sang '99 balloons' loudly.", p).is_empty());
        // a possessive and a modifier joined by a hyphen
        assert_eq!(
            values(
                "Halvik was the 20th century's loudest tenor of 19th-century songs.",
                "1999-09-30"
            ),
            ["19", "18"]
        );
        assert_eq!(
            values(
                "Mills of the eighteenth century and the twenty-first century differ.",
                p
            ),
            ["17", "20"]
        );
        assert_eq!(
            values(
                "Its fourth quarter beat the third quarter of 1984 and the 1987 second quarter.",
                p
            ),
            ["1989-Q4", "1984-Q3", "1987-Q2"]
        );
        assert_eq!(
            values("First-half orders rose; second-half orders may not.", p),
            ["1989-H1", "1989-H2"]
        );
        assert_eq!(
            values("Third-quarter sales beat year-ago sales.", p),
            ["1989-Q3", "1988-Q3"]
        );
        assert_eq!(values("Year-earlier profit was higher.", p), ["1988"]);
    }

    #[test]
    fn year_ago_compounds_couples_and_times_ahead() {
        let p = "1989-10-26";
        // the compound with the quarter or period it names is one expression
        let texts = |t: &str| -> Vec<String> { found(t, p).into_iter().map(|x| x.0).collect() };
        assert_eq!(
            texts("Margins topped the year-earlier period and the year-ago quarter."),
            ["the year-earlier period", "the year-ago quarter"]
        );
        assert_eq!(texts("Year-ago results were restated."), ["Year-ago"]);
        // a quarter named by its year alone: the one just ended, in that year
        assert_eq!(
            values("Margins beat the 1987 quarter and last year's quarter.", p),
            ["1987-Q3", "1988-Q3"]
        );
        assert_eq!(
            values("Sales trailed last year's quarter.", "1990-02-10"),
            ["1988-Q4"]
        );
        // a couple is two; "more" between a count and its unit
        assert_eq!(
            values(
                "Talks ran a couple of weeks and may take two more months.",
                p
            ),
            ["P2W", "P2M"]
        );
        assert_eq!(
            values("Over the next couple of years, costs rise.", p),
            ["P2Y"]
        );
        // a time ahead that the text does not count
        assert_eq!(
            values("Rates may ease in a month or two.", p),
            ["FUTURE_REF"]
        );
        assert!(values("It took a month or two.", p) != ["FUTURE_REF"]);
        assert_eq!(
            values("Sales in this year's third quarter fell.", p),
            ["1989-Q3"]
        );
        assert_eq!(
            values(
                "Crews left this morning; the mayor spoke last night.",
                "1998-02-06"
            ),
            ["1998-02-06TMO", "1998-02-05TNI"]
        );
        assert_eq!(
            values("Sales were better in the past than these days.", p),
            ["PAST_REF", "PRESENT_REF"]
        );
        assert_eq!(
            values("Shares slid over the weekend.", "1990-08-08"),
            ["1990-W31-WE"]
        );
        assert_eq!(
            values(
                "The current slump may hurt future demand after a recent drop.",
                p
            ),
            ["PRESENT_REF", "FUTURE_REF", "PAST_REF"]
        );
        assert_eq!(
            values("It may change in the near future.", p),
            ["FUTURE_REF"]
        );
    }

    #[test]
    fn a_part_of_last_or_next_year_is_dated_by_it() {
        let p = "2023-03-10";
        assert_eq!(
            values(
                "Bhutan expects the deal in the first quarter of next year.",
                p
            ),
            ["2024-Q1"]
        );
        assert_eq!(
            values("Exports fell in the second half of last year.", p),
            ["2022-H2"]
        );
        assert_eq!(
            values("The dam in Paraguay opened in the spring of last year.", p),
            ["2022-SP"]
        );
        assert_eq!(
            values("Mongolia plans a vote in the fall of this year.", p),
            ["2023-FA"]
        );
    }
}
