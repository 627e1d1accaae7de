//! Days, weeks and years named from the story's own last date, for `annotate`: "the next day",
//! "the following day", "the previous day", "the same day", "earlier that day", "the following
//! week", "later that week", "that year". News
//! narrative anchors them to the last calendar day (or year) written before them, not to
//! publication; with no such date they are left out.
//!
//! Like the rest of `timex`, they are reported by `annotate` only; the rules do not use them.

use super::lexicon::{DAY_AFTER, DAY_BEFORE, SHIFT};
use super::timex::{word, word_in, Timex};
use super::{Kind, Resolution, Temporal, Value};
use crate::text::{Span, Tok, TokKind};
use chrono::Datelike;

/// The narrative days of every sentence, each valued from the last day in `dates` that ends
/// before it (a day still to come, from `published`); none that overlaps `taken`.
pub fn narrative_days(
    text: &str,
    article: &crate::article::Article,
    published: Option<chrono::NaiveDate>,
    dates: &[Temporal],
    taken: &[Span],
) -> Vec<Timex> {
    let mut out = Vec::new();
    super::timex::each_expression(text, article, |toks, tenses, i| {
        if let Some((span, end, from)) = echo(toks, i) {
            let day = dates
                .iter()
                .rev()
                .filter(|t| t.span.end <= span.start && written_day(text, t))
                .find(|t| t.span.end >= from)
                .and_then(|t| match t.value {
                    Value::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
                    _ => None,
                });
            if let (Some(value), false) = (day, taken.iter().any(|t| t.overlaps(span))) {
                out.push(Timex {
                    span,
                    kind: "date",
                    value,
                });
            }
            return Some(end);
        }
        let (end, step) = at(toks, i)?;
        let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
        let before = dates.iter().rev().filter(|t| t.span.end <= span.start);
        // "will spend the next day on it": a day still to come counts from publication; not a
        // future seen from the story's past ("was to be announced the next day")
        let coming = match (step, published) {
            (Step::Days(n), Some(p))
                if n > 0
                    && tenses.of(i, end) == super::Tense::Future
                    && !future_in_past(&toks[..i]) =>
            {
                super::add_days(p, n)
            }
            _ => None,
        };
        let value = match step {
            Step::Days(_) if coming.is_some() => coming.map(|d| d.format("%Y-%m-%d").to_string()),
            Step::Days(n) => before
                .filter(|t| written_day(text, t))
                .find_map(|t| match t.value {
                    Value::Date(d) => super::add_days(d, n),
                    _ => None,
                })
                .map(|d| d.format("%Y-%m-%d").to_string()),
            Step::Week(n) => before
                .filter(|t| written_day(text, t))
                .find_map(|t| match t.value {
                    Value::Date(d) => super::add_days(d, 7 * n),
                    _ => None,
                })
                .map(|d| {
                    let w = d.iso_week();
                    format!("{:04}-W{:02}", w.year(), w.week())
                }),
            Step::Year(n) => before
                .filter(|t| t.resolution == Resolution::Explicit)
                .find_map(|t| t.value.first_day())
                .map(|d| format!("{:04}", d.year() + n)),
        };
        if let (Some(value), false) = (value, taken.iter().any(|t| t.overlaps(span))) {
            let kind = if matches!(step, Step::Year(_) | Step::Week(_)) {
                "period"
            } else {
                "date"
            };
            out.push(Timex { span, kind, value });
        }
        Some(end)
    });
    out
}

/// True when the words before a day tell a future seen from a past moment: "would", or "was"
/// or "were" right before "to" ("the cut that was to be announced", "they were to meet").
fn future_in_past(before: &[Tok]) -> bool {
    before.iter().enumerate().any(|(k, t)| {
        t.is("would")
            || ((t.is("was") || t.is("were")) && before.get(k + 1).is_some_and(|n| n.is("to")))
    })
}

/// "the previous Friday": the weekday before the day the story is at (the last day it wrote),
/// not the week before publication's as "last Friday" ("closed lower Friday, down 4% from the
/// previous Friday"). For each such weekday of `dates` (by index) after a written day, its
/// value; none before any written day. Then the years and months of a past story named from
/// its own year ([`narrative_periods`]: "the next year" after "in 2009").
pub fn previous_weekdays(text: &str, dates: &[Temporal]) -> Vec<(usize, Value)> {
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate() {
        let super::Raw::Weekday {
            wd,
            week: super::WeekRef::Offset(-1),
        } = t.raw
        else {
            continue;
        };
        let said = t.span.slice(text).split_whitespace().next();
        if !said.is_some_and(|w| w.eq_ignore_ascii_case("previous")) {
            continue;
        }
        // the day the story is at, as moved here when it is itself a previous weekday
        let at = (0..i)
            .rev()
            .filter(|&k| dates[k].span.end <= t.span.start && written_day(text, &dates[k]))
            .find_map(|k| {
                let moved = out.iter().find(|(m, _)| *m == k).map(|(_, v)| v);
                match moved.unwrap_or(&dates[k].value) {
                    Value::Date(day) => Some(*day),
                    _ => None,
                }
            });
        if let Some(day) = at.and_then(|day| weekday_before(day, wd)) {
            out.push((i, Value::Date(day)));
        }
    }
    out.extend(narrative_periods(text, dates));
    out.extend(counted_back_from_written(text, dates));
    out
}

/// "the 1986 race against the governor he had ousted four years earlier": a count of years,
/// months or days back with "earlier" counts from the date its sentence wrote with its year
/// before it (the nearest such), not from publication: 1982. One that opens its sentence
/// ("In May 2009 the mill shut. About a year earlier, …") counts from the last such date of the
/// sentence before. For each such offset of `dates` (by index) its value, as fine as both the
/// count and the written date allow; a year-ago quarter (a range) and an offset with no such
/// written date keep theirs.
fn counted_back_from_written(text: &str, dates: &[Temporal]) -> Vec<(usize, Value)> {
    let mut out = Vec::new();
    // the last date of the current sentence written with its year, and the last one of any
    // sentence so far (one walk, no look back)
    let mut written: Option<&Temporal> = None;
    let mut last: Option<&Temporal> = None;
    for (i, t) in dates.iter().enumerate() {
        if written.is_some_and(|a| a.sentence != t.sentence) {
            written = None;
        }
        let before_sentence = last.filter(|a| {
            a.sentence.zip(t.sentence).is_some_and(|(a, b)| a + 1 == b)
                && opens_sentence(text, t.span.start)
        });
        let anchor = written
            .filter(|a| a.span.end <= t.span.start)
            .or(before_sentence);
        if t.resolution == Resolution::Explicit && t.raw.year_stated() && t.kind != Kind::Span {
            written = Some(t);
            last = Some(t);
        }
        let super::Raw::Offset {
            years,
            months,
            days,
            business: false,
        } = t.raw
        else {
            continue;
        };
        let back = years <= 0 && months <= 0 && days <= 0 && years + months + days < 0;
        let earlier = t
            .span
            .slice(text)
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("earlier"));
        if !back || !earlier || t.sentence.is_none() || matches!(t.value, Value::Range(..)) {
            continue;
        }
        if let Some(v) = anchor.and_then(|a| count_back(&a.value, years, months, days)) {
            out.push((i, v));
        }
    }
    out
}

/// True when the words at byte `at` open their sentence, after at most a word that makes a
/// count rough ("About a year earlier, …"): only a sentence's end or a line break before.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\t']);
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let hedged = super::lexicon::COUNT_HEDGES.contains(&before[word_start..]);
    let before = if hedged {
        &before[..word_start]
    } else {
        before
    };
    let before = before.trim_end_matches([' ', '\t', '"', '\u{201c}', '\u{2018}']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '\u{201d}', '"'])
}

/// `value` moved back by a count of years, months and days (each zero or less): a year by
/// whole years, a month by whole months or years, a day by any count; none otherwise.
fn count_back(value: &Value, years: i64, months: i64, days: i64) -> Option<Value> {
    let total_months = years.checked_mul(12)?.checked_add(months)?;
    match value {
        Value::Year(y) if months == 0 && days == 0 => {
            Some(Value::Year(y.checked_add(i32::try_from(years).ok()?)?))
        }
        Value::Month(y, m) if days == 0 => {
            let k = i64::from(*y) * 12 + i64::from(*m) - 1 + total_months;
            let y = i32::try_from(k.div_euclid(12)).ok()?;
            Some(Value::Month(y, u32::try_from(k.rem_euclid(12)).ok()? + 1))
        }
        Value::Date(d) => {
            let moved = super::shift_months(*d, total_months)?;
            super::add_days(moved, days).map(Value::Date)
        }
        _ => None,
    }
}

/// "In 2009 the firm won the contract; the next year it lost it": a year or month named with
/// "the" from the story's last written one (HeidelTime's narrative anchoring), when the clause
/// is in the past and the reading from publication cannot hold. "The next year" of a past event
/// counted from publication would lie after it; "the previous year" is moved when the story's
/// year lies before publication's ("earned $5 million in 2014, up from $4 million the previous
/// year": 2013). For each such period of `dates` (by index), its value.
fn narrative_periods(text: &str, dates: &[Temporal]) -> Vec<(usize, Value)> {
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate() {
        let super::Raw::Period { unit, offset } = &t.raw else {
            continue;
        };
        if t.tense != super::tense::Tense::Past || offset.abs() != 1 {
            continue;
        }
        // "the" opens the words or comes right before them ("the next year")
        let mut words = t.span.slice(text).split_whitespace().peekable();
        let the = |w: &str| w.eq_ignore_ascii_case("the");
        let definite = if words.peek().is_some_and(|w| the(w)) {
            words.next();
            true
        } else {
            text.get(..t.span.start)
                .and_then(|b| b.split_whitespace().next_back())
                .is_some_and(the)
        };
        let step = words.next().map(|w| w.to_ascii_lowercase());
        let named = step.as_deref().is_some_and(|w| {
            if *offset > 0 {
                DAY_AFTER.contains(w)
            } else {
                DAY_BEFORE.contains(w)
            }
        });
        if !(definite && named) {
            continue;
        }
        // publication's period, as the value counted from it tells
        let Some(now) = t.value.first_day() else {
            continue;
        };
        let anchor = dates[..i]
            .iter()
            .rev()
            .filter(|a| a.span.end <= t.span.start && a.resolution == Resolution::Explicit)
            .find(|a| a.raw.year_stated() && a.kind != Kind::Span);
        let Some(anchor) = anchor.and_then(|a| Some((a, a.value.first_day()?))) else {
            continue;
        };
        let moved = match unit {
            super::Unit::Year => {
                let now = now.year() - *offset as i32;
                let y = anchor.1.year() + *offset as i32;
                let holds = if *offset > 0 { y <= now } else { y < now - 1 };
                holds.then_some(Value::Year(y))
            }
            super::Unit::Month if matches!(anchor.0.value, Value::Date(_) | Value::Month(..)) => {
                let month = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
                let now = month(now) - *offset as i32;
                let m = month(anchor.1) + *offset as i32;
                let holds = if *offset > 0 { m <= now } else { m < now - 1 };
                holds.then_some(Value::Month(m.div_euclid(12), m.rem_euclid(12) as u32 + 1))
            }
            _ => None,
        };
        if let Some(v) = moved {
            out.push((i, v));
        }
    }
    out
}

/// The last day that is weekday `wd` strictly before `day`.
fn weekday_before(day: chrono::NaiveDate, wd: chrono::Weekday) -> Option<chrono::NaiveDate> {
    let back = (7 + day.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    super::add_days(day, -i64::from(if back == 0 { 7 } else { back }))
}

/// True for a day the story names itself ("March 3", "Tuesday", "yesterday"); not a day
/// counted from publication by a stretch that may run from an event ("three days later").
fn written_day(text: &str, t: &Temporal) -> bool {
    match t.kind {
        Kind::Date | Kind::Weekday => true,
        Kind::Relative => !t.span.slice(text).contains(' '),
        _ => false,
    }
}

/// Bytes before "then" within which the day it names again must end (the sentence before,
/// about).
const THEN_REACH: usize = 120;

/// "then" closing a stretch right after a day is written ("on June 30. Until then, …", "by
/// then"): the span of "then", the end token, and the first byte at which that day may end.
/// A "then" that orders events ("and then") names no day; nor does "since then" (a stretch
/// from the day, no day itself), nor "then-mayor" (one word).
fn echo(toks: &[Tok], i: usize) -> Option<(Span, usize, usize)> {
    let t = toks.get(i)?;
    if !(word_in(toks, i, &super::lexicon::DEADLINE) && word(toks, i + 1, &["then"])) {
        return None;
    }
    let then = toks.get(i + 1)?;
    Some((then.span, i + 2, t.span.start.saturating_sub(THEN_REACH)))
}

/// How a narrative expression is counted from the story's last date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Days from the last day written.
    Days(i64),
    /// The week of the last day written, and weeks from it.
    Week(i64),
    /// The year of the last date written with its year, and years from it.
    Year(i32),
}

/// End token and step of a narrative day or year at token `i`.
fn at(toks: &[Tok], i: usize) -> Option<(usize, Step)> {
    // "earlier that day", "later that same day", "that year"
    let lead = word_in(toks, i, &SHIFT);
    let k = usize::from(lead) + i;
    let same = word(toks, k + 1, &["same"]);
    let d = k + 1 + usize::from(same);
    if word(toks, k, &["that"]) {
        if word(toks, d, &["day"]) && (lead || same) {
            return Some((d + 1, Step::Days(0)));
        }
        if word(toks, d, &["year"]) {
            return Some((d + 1, Step::Year(0)));
        }
        // "later that week", "that same week"
        if word(toks, d, &["week"]) && (lead || same) {
            return Some((d + 1, Step::Week(0)));
        }
    }
    if lead || !word(toks, i, &["the"]) {
        return None;
    }
    if let Some(step) = ordinal_day_of_event(toks, i) {
        return Some(step);
    }
    if word(toks, i + 1, &["same"]) {
        if word(toks, i + 2, &["day"]) {
            return Some((i + 3, Step::Days(0)));
        }
        if word(toks, i + 2, &["year"]) {
            return Some((i + 3, Step::Year(0)));
        }
    }
    // "the following year" ("the next year" and "the previous year" count from publication:
    // parse.rs; "the prior year" in a report is the year before publication)
    if word(toks, i + 2, &["year"]) && word_in(toks, i + 1, &DAY_AFTER) {
        return Some((i + 3, Step::Year(1)));
    }
    // "the following week" (as for the year, "the next week" counts from publication)
    if word(toks, i + 2, &["week"]) && word(toks, i + 1, &["following"]) {
        return Some((i + 3, Step::Week(1)));
    }
    if word(toks, i + 2, &["day"]) {
        if word_in(toks, i + 1, &DAY_AFTER) {
            return Some((i + 3, Step::Days(1)));
        }
        if word_in(toks, i + 1, &DAY_BEFORE) {
            return Some((i + 3, Step::Days(-1)));
        }
    }
    // "the day before." / "the day after,": closing the phrase, so no event follows
    let closes = toks
        .get(i + 3)
        .is_none_or(|t| t.kind == crate::text::TokKind::Punct);
    if word(toks, i + 1, &["day"]) && closes {
        if word(toks, i + 2, &["after"]) {
            return Some((i + 3, Step::Days(1)));
        }
        if word(toks, i + 2, &["before"]) {
            return Some((i + 3, Step::Days(-1)));
        }
    }
    None
}

/// "the eighth day of the siege", "the second week of talks": a day or week counted within an
/// event, the day (or week) the story is at. Not a day or week of the calendar ("the first day
/// of March", "the second week of the month", "the third day of 1990"), left to the parser.
fn ordinal_day_of_event(toks: &[Tok], i: usize) -> Option<(usize, Step)> {
    let ordinal = toks
        .get(i + 1)
        .is_some_and(|t| super::lexicon::tok_ordinal(t).is_some());
    if !(ordinal && word(toks, i + 3, &["of"])) {
        return None;
    }
    let step = if word(toks, i + 2, &["day"]) {
        Step::Days(0)
    } else if word(toks, i + 2, &["week"]) {
        Step::Week(0)
    } else {
        return None;
    };
    let calendar = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Num
                || super::lexicon::tok_month(t).is_some()
                || super::timex::unit_letter(t.text).is_some()
        })
    };
    (!calendar(i + 4) && !calendar(i + 5)).then_some((i + 3, step))
}

#[cfg(test)]
mod tests {
    use super::super::timex::test_support::pair;

    fn found(text: &str, published: &str) -> Vec<(String, String)> {
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let a = crate::article::read(text);
        let dates = crate::time::extract(text, &a, p);
        let taken: Vec<_> = dates.iter().map(|t| t.span).collect();
        super::narrative_days(text, &a, p, &dates, &taken)
            .into_iter()
            .map(|t| (t.span.slice(text).to_string(), t.value))
            .collect()
    }

    #[test]
    fn days_counted_from_the_last_day_written() {
        let text = "The ferry sank on March 3, 2011. Divers reached it the next day, and the \
                    captain had been warned the previous day. Later that day a storm came. The \
                    inquiry opened the day after.";
        assert_eq!(
            found(text, "2011-03-20"),
            vec![
                pair("the next day", "2011-03-04"),
                pair("the previous day", "2011-03-02"),
                pair("Later that day", "2011-03-03"),
                pair("the day after", "2011-03-04"),
            ]
        );
    }

    #[test]
    fn a_future_seen_from_the_story_counts_from_its_day() {
        // "was to be" and "would" look ahead from the story's day, not from publication
        let text = "Velmar Corp met its lenders on Sunday, May 4, 2014. A rescue was to be \
                    announced the next day. The banks said they would decide the following day.";
        assert_eq!(
            found(text, "2014-09-20"),
            vec![
                pair("the next day", "2014-05-05"),
                pair("the following day", "2014-05-05"),
            ]
        );
        // a plain future still counts from publication
        let text =
            "Velmar Corp met its lenders on Sunday, May 4, 2014. It will answer the next day.";
        assert_eq!(
            found(text, "2014-09-20"),
            vec![pair("the next day", "2014-09-21")]
        );
    }

    #[test]
    fn weeks_counted_from_the_last_day_written() {
        let text = "The ferry sank on March 3, 2011. The following week divers reached it, and \
                    later that week the inquiry opened.";
        assert_eq!(
            found(text, "2011-03-20"),
            vec![
                pair("The following week", "2011-W10"),
                pair("later that week", "2011-W09"),
            ]
        );
    }

    #[test]
    fn that_year_is_the_last_year_written() {
        let text = "The mine opened in June 1987 and hired 300 people that year. It grew the \
                    following year. Two weeks ago it shut.";
        assert_eq!(
            found(text, "2011-03-20"),
            vec![
                pair("that year", "1987"),
                pair("the following year", "1988")
            ]
        );
    }

    #[test]
    fn an_ordinal_day_of_an_event_is_the_day_the_story_is_at() {
        let text = "The strike began in May. Today, June 9, 2011, is the tenth day of the \
                    walkout. In the second week of talks both sides met. The vote fell on the \
                    third day of March and the first week of the month.";
        assert_eq!(
            found(text, "2011-06-09"),
            vec![
                pair("the tenth day", "2011-06-09"),
                pair("the second week", "2011-W23"),
            ]
        );
    }

    #[test]
    fn until_then_after_a_day_is_that_day() {
        let text = "The offer lapses on June 30. Until then, holders may tender. Prices sagged, \
                    and then rallied. The vote is on May 2; by then-mayor Ruiz's count it is \
                    lost. The fund shuts on May 9. Until then Ms. Ruiz will run it.";
        assert_eq!(
            found(text, "2011-04-09"),
            vec![pair("then", "2011-06-30"), pair("then", "2011-05-09")]
        );
    }

    #[test]
    fn then_far_from_a_day_or_ordering_events_names_none() {
        let text = "The club was founded in 1950. Since then, it has won twice. Fans cheered \
                    on May 4, as they had for years; the stands were later rebuilt and painted \
                    and the old roof came down after a long campaign by members. Until then, \
                    rain fell on them.";
        assert!(found(text, "2011-06-09").is_empty());
    }

    #[test]
    fn the_previous_weekday_is_before_the_day_the_story_is_at() {
        let text = "Pumps ran dry on Thursday, a week after the previous Thursday's rationing \
                    began. That was up from the previous Friday. Last Monday was calm.";
        let a = crate::article::read(text);
        let p = chrono::NaiveDate::from_ymd_opt(2011, 6, 13);
        let dates = crate::time::extract(text, &a, p);
        let moved: Vec<_> = super::previous_weekdays(text, &dates)
            .into_iter()
            .map(|(i, v)| (dates[i].span.slice(text).to_string(), v.to_json()))
            .collect();
        assert_eq!(
            moved,
            vec![
                ("previous Thursday's".to_string(), "2011-06-02".into()),
                ("previous Friday".to_string(), "2011-05-27".into()),
            ]
        );
    }

    /// The values `previous_weekdays` moves, by the words of each expression.
    fn moved(text: &str, published: &str) -> Vec<(String, serde_json::Value)> {
        let a = crate::article::read(text);
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let dates = crate::time::extract(text, &a, p);
        super::previous_weekdays(text, &dates)
            .into_iter()
            .map(|(i, v)| (dates[i].span.slice(text).to_string(), v.to_json()))
            .collect()
    }

    #[test]
    fn the_next_year_of_a_past_story_counts_from_its_year() {
        let text = "Velmar Corp won the Tessaly contract in 2009. The next year it lost it.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("next year".to_string(), "2010".into())]
        );
        let text = "Ondrej Halvik joined Velmar in May 2009 and quit the next month.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("next month".to_string(), "2009-06".into())]
        );
        let text = "The Tessaly mill shut in 2006. The previous year it had cut 200 jobs.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("previous year".to_string(), "2005".into())]
        );
    }

    #[test]
    fn the_next_year_ahead_or_of_last_year_counts_from_publication() {
        // a coming year, and a report's year before publication
        let text = "Velmar opened a mill in 2009. It expects to open another the next year.";
        assert!(moved(text, "2015-06-10").is_empty());
        // a story of publication's own year: both readings agree
        let text = "Velmar said in March 2015 that sales fell from the previous year.";
        assert!(moved(text, "2015-06-10").is_empty());
        // no year written before it
        let text = "Velmar lost the contract the next year.";
        assert!(moved(text, "2015-06-10").is_empty());
    }

    #[test]
    fn a_count_earlier_is_from_the_date_its_sentence_wrote() {
        // years from a year, days from a day, in the same sentence
        let text = "Ondrej Halvik lost the 1994 race to the mayor he had beaten six years earlier.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("six years earlier".to_string(), "1988".into())]
        );
        let text = "The Velmar plant closed on May 20, 2003, a plan drawn up ten days earlier.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("ten days earlier".to_string(), "2003-05-10".into())]
        );
    }

    #[test]
    fn a_count_earlier_without_a_written_date_counts_from_publication() {
        // the year is in the sentence before; a month from a bare year is not told
        let text = "The Tessaly mill opened in 2004. Its rival had opened two years earlier.";
        assert!(moved(text, "2015-06-10").is_empty());
        let text = "The Tessaly mill opened in 2004, its rival three months earlier.";
        assert!(moved(text, "2015-06-10").is_empty());
    }

    #[test]
    fn a_count_earlier_opening_its_sentence_is_from_the_date_before() {
        // a narrative step back from the last date told, the sentence before
        let text = "In March 2011, Velmar Corp shut its Tessaly plant. About a year earlier, \
                    two engineers had warned of leaks.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("a year earlier".to_string(), "2010-03".into())]
        );
        let text = "Ondrej Halvik quit the board in 2007. Three years earlier he had joined it.";
        assert_eq!(
            moved(text, "2015-06-10"),
            vec![("Three years earlier".to_string(), "2004".into())]
        );
        // inside its sentence it needs a date of its own sentence
        let text = "Velmar opened in 2004. Nobody knew it had been planned two years earlier.";
        assert!(moved(text, "2015-06-10").is_empty());
    }

    #[test]
    fn no_day_without_an_anchor_or_before_an_event() {
        // no calendar day before them; "the day before the vote" is dated by the vote
        let text = "Crowds came the next day. It rained the day before the vote.";
        assert!(found(text, "2011-03-20").is_empty());
        let text = "He sat down that day and wrote.";
        assert!(found(text, "2011-03-20").is_empty());
    }
}
