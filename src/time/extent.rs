//! The words TIMEX3 takes as one expression (`annotate`), where they differ from the words the
//! date grammar reads: a possessive "'s" stays outside ("Friday's meeting": "Friday"), so does
//! "since" before the start of a stretch ("since March": "March"), and so does any preposition
//! before a stretch ("within weeks", "for months", "in five years", "over the years"); a
//! modifier of the date is inside ("early November", "mid-1996", "nearly four years ago", "the
//! previous Friday", "earlier this month", "the next year or so", "two to three weeks"), and so
//! is a part of the day after a named day ("Wednesday night").
//!
//! The analysis keeps its own spans (the rules point at the words that carry a date); only the
//! annotated extent changes.

use super::lexicon::{
    AHEAD, BACK, BOUNDS, DET, FRAME_OUTSIDE, LATEST, OUTSIDE_TIMEX, PARTS_OF_DAY, PERIOD_EDGE,
    PERIOD_NEXT, PERIOD_PART, PERIOD_THIS, QUARTER_NOUN, SAME_PERIOD, SHIFT, WHOLE_YEAR,
};
use super::lexicon::{APPROXIMATE_TAILS, SPAN_LEAD};
use super::{Kind, Temporal, Value};
use crate::text::{word_after, word_before, Gap, Span};

/// The TIMEX3 extent of one of the analysis's dates.
pub fn date_extent(text: &str, t: &Temporal) -> Span {
    let mut s = without_outside_lead(text, without_possessive(text, t.span));
    // "10:35 a.m.": the meridiem with its last dot, even where the dot ends the sentence
    let dot = text.get(s.end..).is_some_and(|r| r.starts_with('.'));
    if t.kind == Kind::Time && dot && super::timex::ends_with_meridiem(s.slice(text)) {
        s = Span::new(s.start, s.end + 1);
    }
    let named_day = matches!(t.kind, Kind::Weekday | Kind::Relative);
    if named_day && matches!(t.value, Value::Date(_)) && s.end == t.span.end {
        s = with_part_of_day(text, s);
    }
    if !matches!(t.kind, Kind::Span | Kind::Time) {
        s = with_lead(text, s, &PERIOD_PART);
    }
    // "earlier this month", "later next year": the shift is part of the period
    if t.kind == Kind::Relative && first_word_in(text, s, &DET) {
        s = with_lead(text, s, &SHIFT);
    }
    if named_day {
        s = with_the(text, s);
    }
    if t.kind == Kind::Year {
        s = with_year_word(text, s);
    }
    // "the corresponding period last year": the whole phrase names the year-ago quarter
    if t.kind == Kind::Relative && s.start == t.span.start {
        if let Some(the) = same_period_lead(text, s.start) {
            s = Span::new(the, s.end);
        }
    }
    if !matches!(t.kind, Kind::Span | Kind::Time) {
        s = with_edge(text, s);
    }
    with_tail(text, with_bound(text, s))
}

/// The TIMEX3 extent of a duration or other expression the timex reader found: with the
/// "nearly" before it ("nearly three years"), without a possessive ("the week's"); the "'s" of
/// a decade written "the 1970's" is its plural and stays.
pub fn timex_extent(text: &str, span: Span) -> Span {
    let words = span.slice(text);
    let decade = ["'s", "\u{2019}s"].iter().any(|p| {
        words
            .strip_suffix(p)
            .is_some_and(|rest| rest.ends_with('0') && rest.len() >= 4)
    });
    let s = if decade {
        span
    } else {
        without_possessive(text, span)
    };
    let s = with_count_range(text, without_outside_lead(text, s));
    with_tail(text, with_bound(text, s))
}

/// True when the first word of `s` is one of `set`.
fn first_word_in(text: &str, s: Span, set: &crate::lexicon::WordSet) -> bool {
    let (at, w) = word_after(text, s.start, Gap::Nothing);
    at == s.start && !w.is_empty() && set.contains(w)
}

/// The span with the words after it that make the stretch or date approximate ("the next year
/// or so"): TIMEX3 writes them inside.
fn with_tail(text: &str, s: Span) -> Span {
    let after = text.get(s.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(' ') else {
        return s;
    };
    for tail in APPROXIMATE_TAILS.iter() {
        let whole = rest
            .get(..tail.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tail));
        let edge = rest
            .get(tail.len()..)
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()));
        if whole && edge {
            return Span::new(s.start, s.end + 1 + tail.len());
        }
    }
    s
}

/// A stretch with the lower end of its count range written before it: "two to three weeks",
/// "the next 12 to 18 months" (one expression in TIMEX3, the range's words inside).
fn with_count_range(text: &str, s: Span) -> Span {
    let first = text
        .get(s.start..s.end)
        .and_then(|w| w.split_whitespace().next())
        .unwrap_or("");
    if !is_count(first) {
        return s;
    }
    let Some((to, t)) = spaced_before(text, s.start) else {
        return s;
    };
    if !t.eq_ignore_ascii_case("to") {
        return s;
    }
    let Some(low) = count_before(text, to) else {
        return s;
    };
    // "the next 12 to 18 months": the lead of the range's first count
    match spaced_before(text, low) {
        Some((lead, l)) if SPAN_LEAD.contains(l) => match spaced_before(text, lead) {
            Some((the, d)) if d.eq_ignore_ascii_case("the") => Span::new(the, s.end),
            _ => Span::new(low, s.end),
        },
        _ => Span::new(low, s.end),
    }
}

/// The byte a count ends up to (one space before byte `at`) starts at: "12 " or "two ".
fn count_before(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?.strip_suffix(' ')?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    is_count(head.get(start..)?).then_some(start)
}

/// True for a count written in figures or spelled out ("12", "three").
fn is_count(w: &str) -> bool {
    let figures = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    figures || super::lexicon::cardinal(&w.to_ascii_lowercase()).is_some()
}

/// The span without a possessive ending ("Friday's" -> "Friday").
fn without_possessive(text: &str, s: Span) -> Span {
    let words = s.slice(text);
    let cut = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|p| words.strip_suffix(p).map(|rest| rest.len()));
    match cut {
        Some(n) if n > 0 => Span::new(s.start, s.start + n),
        _ => s,
    }
}

/// The span without a first word TIMEX3 leaves out ("since March" -> "March", "within weeks"
/// -> "weeks", "over the years" -> "the years").
fn without_outside_lead(text: &str, s: Span) -> Span {
    let (at, w) = word_after(text, s.start, Gap::Nothing);
    if at != s.start || w.is_empty() {
        return s;
    }
    let rest = text.get(at + w.len()..s.end).unwrap_or("");
    let framed = FRAME_OUTSIDE.contains(w) && {
        let (_, next) = word_after(text, at + w.len(), Gap::Spaces);
        next.eq_ignore_ascii_case("the")
    };
    if !OUTSIDE_TIMEX.contains(w) && !framed {
        return s;
    }
    let date = rest.trim_start();
    if date.is_empty() || date.len() == rest.len() {
        return s;
    }
    Span::new(s.end - date.len(), s.end)
}

/// True when only one space lies between bytes `a` and `b` (`a` <= `b`).
fn one_space(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b) == Some(" ")
}

/// The span with the part of the day written right after it ("Wednesday" -> "Wednesday night").
fn with_part_of_day(text: &str, s: Span) -> Span {
    let (at, w) = word_after(text, s.end, Gap::Spaces);
    if one_space(text, s.end, at) && PARTS_OF_DAY.contains(w) {
        let end = at + w.len();
        // "Wednesday night's rally": the night without its possessive
        return without_possessive(text, Span::new(s.start, end));
    }
    s
}

/// The span with a word of `lead` right before it, after a space or a hyphen ("early
/// November", "mid-1996").
fn with_lead(text: &str, s: Span, lead: &crate::lexicon::WordSet) -> Span {
    let (at, w) = word_before(text, s.start, Gap::Hyphens);
    let gap = text.get(at + w.len()..s.start).unwrap_or("");
    if !w.is_empty() && matches!(gap, " " | "-" | "- ") && lead.contains(w) {
        return Span::new(at, s.end);
    }
    s
}

/// The word right before byte `at` after one space, and the byte it starts at.
fn spaced_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let (start, w) = word_before(text, at, Gap::Spaces);
    (!w.is_empty() && one_space(text, start + w.len(), at)).then_some((start, w))
}

/// "the corresponding period" or "the same quarter" written right before byte `at` (where "last
/// year" or "a year ago" starts): the byte "the" starts at. Those words with the year after them
/// name the year-ago quarter of a quarterly report.
pub(crate) fn same_period_lead(text: &str, at: usize) -> Option<usize> {
    let (noun, w) = spaced_before(text, at)?;
    if !QUARTER_NOUN.contains(w) {
        return None;
    }
    let (same, _) = spaced_before(text, noun).filter(|(_, w)| SAME_PERIOD.contains(w))?;
    spaced_before(text, same)
        .filter(|(_, w)| w.eq_ignore_ascii_case("the"))
        .map(|(the, _)| the)
}

/// A year with the words that name it a year: "the year 2000", "fiscal 1988", "the 1988
/// period" (a year before the noun of a reporting period, with its article).
fn with_year_word(text: &str, s: Span) -> Span {
    let (at, noun) = word_after(text, s.end, Gap::Spaces);
    let the = spaced_before(text, s.start).filter(|(_, d)| d.eq_ignore_ascii_case("the"));
    let closed = text.get(at + noun.len()..).is_some_and(|r| {
        r.chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-')
    });
    if let Some((the, _)) = the {
        if one_space(text, s.end, at) && QUARTER_NOUN.contains(noun) && closed {
            return Span::new(the, at + noun.len());
        }
    }
    match spaced_before(text, s.start) {
        Some((at, w)) if WHOLE_YEAR.contains(w) => Span::new(at, s.end),
        Some((at, w)) if w.eq_ignore_ascii_case("year") => match spaced_before(text, at) {
            Some((the, d)) if d.eq_ignore_ascii_case("the") => Span::new(the, s.end),
            _ => s,
        },
        _ => s,
    }
}

/// A date with the part of it written before it: "the end of 1994", "the start of next year".
fn with_edge(text: &str, s: Span) -> Span {
    let Some((of, w)) = spaced_before(text, s.start) else {
        return s;
    };
    if !w.eq_ignore_ascii_case("of") {
        return s;
    }
    let Some((edge, _)) = spaced_before(text, of).filter(|(_, e)| PERIOD_EDGE.contains(e)) else {
        return s;
    };
    match spaced_before(text, edge) {
        Some((the, d)) if d.eq_ignore_ascii_case("the") => Span::new(the, s.end),
        _ => s,
    }
}

/// The span with the bound written right before it, of one word or more ("nearly six years
/// ago", "at least 30 days").
fn with_bound(text: &str, s: Span) -> Span {
    let before = text.get(..s.start).unwrap_or("");
    let Some(head) = before.strip_suffix(' ') else {
        return s;
    };
    for bound in BOUNDS.iter() {
        let Some(at) = head.len().checked_sub(bound.len()) else {
            continue;
        };
        let whole = head
            .get(at..)
            .is_some_and(|w| w.eq_ignore_ascii_case(bound));
        let edge = head
            .get(..at)
            .is_some_and(|h| h.chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
        if whole && edge {
            return Span::new(at, s.end);
        }
    }
    s
}

/// The span with the "the" before a day or period named back, now or ahead ("the previous
/// Friday", "the past year", "the current quarter", "the coming year"), and the "this" of "this
/// past Wednesday" and "this coming Monday".
fn with_the(text: &str, s: Span) -> Span {
    let (_, first) = word_after(text, s.start, Gap::Nothing);
    let named = BACK.contains(first)
        || PERIOD_THIS.contains(first)
        || PERIOD_NEXT.contains(first)
        || LATEST.contains(first);
    if !named {
        return s;
    }
    let (at, w) = word_before(text, s.start, Gap::Spaces);
    let this_past = w.eq_ignore_ascii_case("this")
        && (first.eq_ignore_ascii_case("past") || AHEAD.contains(first));
    if (w.eq_ignore_ascii_case("the") || this_past) && one_space(text, at + w.len(), s.start) {
        return Span::new(at, s.end);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// The TIMEX3 extents of the dates of `text`.
    fn extents(text: &str) -> Vec<String> {
        let p = NaiveDate::from_ymd_opt(2011, 6, 15);
        let a = crate::article::read(text);
        crate::time::extract(text, &a, p)
            .iter()
            .map(|t| date_extent(text, t).slice(text).to_string())
            .collect()
    }

    #[test]
    fn a_possessive_stays_outside_the_date() {
        assert_eq!(
            extents("Council members skipped Monday's hearing."),
            ["Monday"]
        );
        assert_eq!(extents("Sales beat last month's pace."), ["last month"]);
    }

    #[test]
    fn a_decade_keeps_the_s_of_its_plural() {
        let text = "Tariffs rose in the 1980's and fell in the week's last hours.";
        let at = |w: &str| {
            text.find(w)
                .map_or(Span::new(0, 0), |a| Span::new(a, a + w.len()))
        };
        let decade = timex_extent(text, at("the 1980's"));
        assert_eq!(decade.slice(text), "the 1980's");
        assert_eq!(timex_extent(text, at("the week's")).slice(text), "the week");
    }

    #[test]
    fn the_or_this_before_a_period_named_ahead_or_back() {
        assert_eq!(
            extents("Bhutan will hold talks in the coming year."),
            ["the coming year"]
        );
        assert_eq!(
            extents("Paraguay signed the pact this past Wednesday."),
            ["this past Wednesday"]
        );
        assert_eq!(
            extents("Paraguay will sign the pact this coming Monday."),
            ["this coming Monday"]
        );
    }

    #[test]
    fn since_stays_outside_the_start_of_a_stretch() {
        assert_eq!(extents("The bridge has been shut since April."), ["April"]);
        assert_eq!(extents("Prices have doubled since 2004."), ["2004"]);
    }

    #[test]
    fn modifiers_of_the_date_are_inside() {
        assert_eq!(extents("The pool reopens in early July."), ["early July"]);
        assert_eq!(extents("The firm was sold in mid-2009."), ["mid-2009"]);
        assert_eq!(
            extents("The mill closed nearly six years ago."),
            ["nearly six years ago"]
        );
        assert_eq!(
            extents("The mill closed at least six years ago."),
            ["at least six years ago"]
        );
        assert_eq!(
            extents("Votes were counted the previous Tuesday."),
            ["the previous Tuesday"]
        );
    }

    #[test]
    fn the_words_naming_a_year_or_its_part_are_inside() {
        assert_eq!(
            extents("Debts will be paid by the year 2030."),
            ["the year 2030"]
        );
        assert_eq!(extents("Losses grew in fiscal 2008."), ["fiscal 2008"]);
        assert_eq!(
            extents("Velmar earned less than in the 2008 period."),
            ["the 2008 period"]
        );
        assert_eq!(
            extents("The line opens at the end of 2012."),
            ["the end of 2012"]
        );
        assert_eq!(
            extents("Rents rise at the start of next month."),
            ["the start of next month"]
        );
    }

    #[test]
    fn text_around_in_any_script_is_safe() {
        assert_eq!(
            extents("Ça a duré près de six years ago."),
            ["six years ago"]
        );
        assert_eq!(extents("Ça — é 2001’s"), ["2001"]);
    }

    #[test]
    fn a_part_of_the_day_joins_its_day() {
        assert_eq!(extents("The fire spread Tuesday night."), ["Tuesday night"]);
        // a dotted meridiem keeps its last dot
        assert_eq!(extents("The doors shut at 9:15 p.m. sharp."), ["9:15 p.m."]);
        assert_eq!(extents("The doors shut at 9:15 p.m."), ["9:15 p.m."]);
        assert_eq!(
            extents("They met Sunday evening's guests."),
            ["Sunday evening"]
        );
        // a day alone keeps its extent
        assert_eq!(
            extents("The fire spread Tuesday, officials said."),
            ["Tuesday"]
        );
    }
}
