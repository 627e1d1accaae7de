//! TIMEX3-style expressions without a number, for `annotate`: stretches of unknown length
//! ("within weeks", "over the years", "the months ahead"), the current year, month or
//! week named as a frame ("for the year,", "the week's busiest session").
//!
//! Like the rest of `timex`, they are reported by `annotate` only; the rules do not use them.

use super::lexicon::{
    long_unit_years, BEFORE_NOW, EVENT_ANCHOR, FRAME_LEAD, PERIOD_EDGE, SHIFT, SPAN_LEAD,
    VAGUE_AFTER, VAGUE_COUNT, VAGUE_LEAD, YEAR_END_LEAD,
};
use super::timex::{count, word, word_in};
use crate::lexicon::sets::INDEFINITE_ARTICLES;
use crate::text::{Tok, TokKind};
use chrono::{Datelike, NaiveDate};

/// End token, TIMEX3 kind and value of one expression.
pub(super) type Found = Option<(usize, &'static str, String)>;

/// The TIMEX3 letter of a plural calendar unit ("weeks" is `W`), and whether it is a time unit.
fn plural_unit(toks: &[Tok], i: usize) -> Option<(&'static str, bool)> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    let w = t.text.to_ascii_lowercase();
    Some(match w.as_str() {
        "years" => ("Y", false),
        "months" => ("M", false),
        "weeks" => ("W", false),
        "days" => ("D", false),
        "hours" => ("H", true),
        "minutes" => ("M", true),
        _ => return None,
    })
}

fn unknown(u: (&str, bool)) -> String {
    if u.1 {
        format!("PTX{}", u.0)
    } else {
        format!("PX{}", u.0)
    }
}

/// "within weeks", "within days or weeks", "over the years", "the weeks ahead": a stretch of an
/// unknown number of units (`PXW`, `PXY`).
pub(super) fn stretch(toks: &[Tok], i: usize) -> Found {
    if word_in(toks, i, &VAGUE_LEAD) {
        let k = if word(toks, i + 1, &["the"]) {
            i + 2
        } else {
            i + 1
        };
        let u = plural_unit(toks, k)?;
        // "within days or weeks": one stretch
        let e = if word(toks, k + 1, &["or"]) && plural_unit(toks, k + 2).is_some() {
            k + 3
        } else {
            k + 1
        };
        return Some((e, "duration", unknown(u)));
    }
    if word(toks, i, &["the"]) && word_in(toks, i + 2, &VAGUE_AFTER) {
        let u = plural_unit(toks, i + 1)?;
        return Some((i + 3, "duration", unknown(u)));
    }
    // "the coming years", "the past weeks", "the first hours": no count between ("the first
    // days after the vote" is left out, as counts from an event are)
    if word(toks, i, &["the"]) && word_in(toks, i + 1, &SPAN_LEAD) {
        let u = plural_unit(toks, i + 2)?;
        let from_event = word_in(toks, i + 3, &EVENT_ANCHOR) || word(toks, i + 3, &["after"]);
        return (!from_event).then(|| (i + 3, "duration", unknown(u)));
    }
    None
}

/// "in a year or two", "in a day or two": a time ahead of publication the text does not count
/// (`FUTURE_REF`); the words from "a" on.
pub(super) fn or_two_ahead(toks: &[Tok], i: usize) -> Found {
    let after_in = i > 0 && word(toks, i - 1, &["in"]);
    let one = word_in(toks, i, &INDEFINITE_ARTICLES);
    let unit = toks
        .get(i + 1)
        .filter(|t| t.kind == TokKind::Word && !t.text.ends_with('s'))
        .and_then(|t| super::timex::unit_letter(t.text))
        .filter(|u| !u.1);
    let two = word(toks, i + 2, &["or"]) && word(toks, i + 3, &["two"]);
    (after_in && one && unit.is_some() && two)
        .then(|| (i + 4, "reference", "FUTURE_REF".to_string()))
}

/// "years ago", "some months ago", "decades ago": a time before publication at a distance the
/// text does not count (`PAST_REF`); "a decade ago", "two decades ago", "half a century ago":
/// that many years before publication, as its decade, century or year.
pub(super) fn ago(toks: &[Tok], i: usize, p: Option<NaiveDate>) -> Found {
    let past = |e| Some((e, "reference", "PAST_REF".to_string()));
    let k = if word_in(toks, i, &VAGUE_COUNT) {
        i + 1
    } else {
        i
    };
    let long = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == TokKind::Word)
            .and_then(|t| long_unit_years(t.text))
    };
    // a plural unit without a count ("hours ago" is a time of day, left out; "two years ago"
    // is counted, by the date grammar)
    let counted = (1..=3).any(|b| i >= b && count(toks, i - b).is_some_and(|(e, _)| e == i));
    if counted {
        return None;
    }
    let plural_long = long(k).is_some() && toks[k].text.ends_with('s');
    if (plural_unit(toks, k).is_some_and(|u| !u.1) || plural_long) && word(toks, k + 1, &["ago"]) {
        return past(k + 2);
    }
    let (e, n, half) = if word(toks, i, &["half"]) && word(toks, i + 1, &["a"]) {
        (i + 2, Some(1), true)
    } else {
        let (e, n) = count(toks, i)?;
        (e, n, false)
    };
    let years = long(e)?;
    if !word(toks, e + 1, &["ago"]) {
        return None;
    }
    let back = n
        .and_then(|n| n.checked_mul(years))
        .map(|b| if half { b / 2 } else { b });
    match (back, p) {
        (Some(b), Some(p)) => {
            let y = p.year() - i32::try_from(b).ok()?;
            // the value as fine as the unit, as for "two years ago" or "five months ago":
            // "a decade ago" is a decade (`197`), "a century ago" a century (`18`)
            let v = match years {
                _ if half => format!("{y:04}"),
                10 => format!("{:03}", y / 10),
                100 => format!("{:02}", y / 100),
                _ => format!("{y:04}"),
            };
            (y > 0).then(|| (e + 2, "period", v))
        }
        _ => past(e + 2),
    }
}

/// "for the year,", "during the week.", "the week's busiest session": the year, month or week
/// of publication. Only where the phrase closes ("for the year ended March 31" is a stretch,
/// "the year before" another year).
pub(super) fn frame(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    if !word(toks, i, &["the"]) {
        return None;
    }
    let n = toks.get(i + 1).filter(|t| t.kind == TokKind::Word)?;
    let lower = n.text.to_ascii_lowercase();
    let (unit, possessive) = match lower.strip_suffix("'s").or(lower.strip_suffix("’s")) {
        Some(u) => (u.to_string(), true),
        None => (lower.clone(), false),
    };
    let framed = possessive
        || (i > 0
            && word_in(toks, i - 1, &FRAME_LEAD)
            && toks.get(i + 2).is_none_or(|t| t.kind == TokKind::Punct));
    if !framed {
        return None;
    }
    Some((i + 2, "period", current(&unit, p)?))
}

/// "earlier in the year", "later in the month": a part of the current year, month or week,
/// which TIMEX3 values as the period itself ("later in the day" is left to the clock).
pub(super) fn within(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    if !(word_in(toks, i, &SHIFT) && word(toks, i + 1, &["in"]) && word(toks, i + 2, &["the"])) {
        return None;
    }
    let unit = toks.get(i + 3).filter(|t| t.kind == TokKind::Word)?;
    Some((
        i + 4,
        "period",
        current(&unit.text.to_ascii_lowercase(), p)?,
    ))
}

/// The year, month or week of publication named by `unit`, in TIMEX3 form.
fn current(unit: &str, p: NaiveDate) -> Option<String> {
    Some(match unit {
        "year" => format!("{:04}", p.year()),
        "month" => format!("{:04}-{:02}", p.year(), p.month()),
        "week" => {
            let w = p.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        _ => return None,
    })
}

/// "by the end of the month", "the beginning of the year": a part of the current year, month
/// or week, which TIMEX3 values as the period itself. Not when the period is counted from
/// another ("the end of the year before").
pub(super) fn edge(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    if !(word(toks, i, &["the"])
        && word_in(toks, i + 1, &PERIOD_EDGE)
        && word(toks, i + 2, &["of"])
        && word(toks, i + 3, &["the"]))
    {
        return None;
    }
    if word_in(toks, i + 5, &BEFORE_NOW) || word_in(toks, i + 5, &EVENT_ANCHOR) {
        return None;
    }
    let unit = toks.get(i + 4).filter(|t| t.kind == TokKind::Word)?;
    let unit = unit.text.to_ascii_lowercase();
    // "the end of the decade", "the turn of the century": publication's
    let v = match unit.as_str() {
        "decade" => format!("{:03}", p.year().div_euclid(10)),
        "century" => format!("{:02}", p.year().div_euclid(100)),
        _ => current(&unit, p)?,
    };
    Some((i + 5, "period", v))
}

/// "by year-end", "since year-end", "at year-end": the last day of a year (TIMEX3 `1989-12-31`).
/// After "since", or "at" in a past-tense clause, the last one behind publication; else the one
/// of publication's year. Only after a word of `YEAR_END_LEAD` and not before a word (a noun's
/// modifier, "by year-end bonuses", names no day).
pub(super) fn year_end(
    toks: &[Tok],
    tenses: &super::timex::ClauseTenses,
    i: usize,
    p: NaiveDate,
) -> Found {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    if !(t.is("year-end") || t.is("yearend")) {
        return None;
    }
    let lead = i.checked_sub(1).and_then(|k| toks.get(k))?;
    if !YEAR_END_LEAD.has(lead) {
        return None;
    }
    if toks.get(i + 1).is_some_and(|n| n.kind != TokKind::Punct) {
        return None;
    }
    // a deadline ("by", "until") points ahead even in reported speech ("said it expects to
    // finish by year-end"); "at year-end" goes by its clause
    let back = lead.is("since") || (lead.is("at") && tenses.of(i, i + 1) == super::Tense::Past);
    let y = if back { p.year() - 1 } else { p.year() };
    Some((i + 1, "period", format!("{y:04}-12-31")))
}

#[cfg(test)]
mod tests {
    use super::super::timex::test_support::{found, pair};

    #[test]
    fn stretches_without_a_count() {
        let text = "The new bridge may open within months or years, officials said. Traffic grew \
                    over the years. Crews will work hard in the weeks ahead.";
        assert_eq!(
            found(text, "2004-06-10"),
            vec![
                pair("within months or years", "PXM"),
                pair("over the years", "PXY"),
                pair("the weeks ahead", "PXW"),
            ]
        );
    }

    #[test]
    fn year_end_after_a_lead_is_the_last_day_of_a_year() {
        let p = "2007-05-14";
        assert_eq!(
            found("The mine said it expects the sale to close by year-end.", p),
            vec![pair("year-end", "2007-12-31")]
        );
        assert_eq!(
            found("Copper has risen 12% since year-end.", p),
            vec![pair("year-end", "2006-12-31")]
        );
        assert_eq!(
            found("The fund held $4 million in cash at year-end.", p),
            vec![pair("year-end", "2006-12-31")]
        );
        // a noun's modifier, or no lead, names no day
        assert!(found("Bankers in Uruguay got year-end bonuses.", p).is_empty());
        assert!(found("Stocks rallied by year-end trading.", p).is_empty());
    }

    #[test]
    fn the_days_of_a_noun_are_no_stretch() {
        // the days before an event are dated by the event, which these words do not know
        let text = "He missed the days of cheap fuel. She recalled the years when the mill ran, \
                    and the weeks before the storm.";
        assert!(found(text, "2004-06-10").is_empty());
    }

    #[test]
    fn a_closing_year_or_week_is_the_current_one() {
        let text =
            "For the year, ticket sales were flat. Tuesday was the week's quietest session. \
                    The shop closed the year before.";
        let got = found(text, "2004-06-10");
        assert!(got.contains(&pair("the year", "2004")), "{got:?}");
        assert!(got.contains(&pair("the week's", "2004-W24")), "{got:?}");
        assert!(
            !got.iter().any(|x| x.0 == "the year" && x.1 != "2004"),
            "{got:?}"
        );
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn the_end_of_the_month_is_that_month() {
        let text = "Crews hope to finish the bridge by the end of the month. Prices rose at the \
                    start of the week. The shop shut at the end of the year before.";
        assert_eq!(
            found(text, "2004-06-10"),
            vec![
                pair("the end of the month", "2004-06"),
                pair("the start of the week", "2004-W24"),
            ]
        );
        let text = "Rail may reach the town by the end of the decade, as planned at the turn of \
                    the century.";
        assert_eq!(
            found(text, "2004-06-10"),
            vec![
                pair("the end of the decade", "200"),
                pair("the turn of the century", "20"),
            ]
        );
    }

    #[test]
    fn a_distance_back_without_a_count_is_the_past() {
        let text = "The mill shut years ago. Its owners left some months ago. The canal was dug \
                    decades ago, and a ferry ran there a decade ago and half a century ago.";
        assert_eq!(
            found(text, "2004-06-10"),
            vec![
                pair("years ago", "PAST_REF"),
                pair("some months ago", "PAST_REF"),
                pair("decades ago", "PAST_REF"),
                pair("a decade ago", "199"),
                pair("half a century ago", "1954"),
            ]
        );
    }

    #[test]
    fn hours_ago_and_long_units_without_ago_are_left_alone() {
        let text = "The ferry left hours ago. A decade of work ended.";
        assert!(found(text, "2004-06-10").is_empty());
    }

    #[test]
    fn earlier_or_later_in_the_year_is_that_year() {
        let text = "The dam was finished earlier in the year. Tolls rise later in the month. \
                    The ferry sails later in the day.";
        assert_eq!(
            found(text, "2004-06-10"),
            vec![
                pair("earlier in the year", "2004"),
                pair("later in the month", "2004-06"),
            ]
        );
    }

    #[test]
    fn a_span_lead_before_a_bare_plural_unit_is_a_stretch() {
        assert_eq!(
            found(
                "Rates may climb in the coming months, as in the past weeks.",
                "2004-06-09"
            ),
            vec![
                pair("the coming months", "PXM"),
                pair("the past weeks", "PXW")
            ]
        );
        // counted from an event: left out
        assert!(found(
            "In the first days after the flood, roads closed.",
            "2004-06-09"
        )
        .is_empty());
    }

    #[test]
    fn a_season_closing_a_frame_is_the_latest_one() {
        let text = "Over the summer, ferries ran late. In the winter of 1998 they stopped.";
        assert_eq!(
            found(text, "2004-10-02"),
            vec![
                pair("the summer", "2004-SU"),
                pair("the winter of 1998", "1998-WI")
            ]
        );
    }
}
