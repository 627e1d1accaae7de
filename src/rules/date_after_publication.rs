//! `date-after-publication`: an event told in the past tense but dated after publication.

use super::{finding, Context, Finding, Related, RuleInfo, Severity};
use crate::analysis::Analysis;
use crate::lexicon::sets::{MODAL_WORDS, RELATIVE_PRONOUNS};
use crate::time::{Kind, Raw, Resolution, Temporal, Tense};
use chrono::{Datelike, NaiveDate};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-after-publication",
    default_severity: Severity::Warning,
    summary: "An event is told in the past tense but dated after the publication date.",
    description: "\"The bridge reopened on October 12, 2020\" in an article dated 2020-10-08 cannot be right: either the date or the tense is wrong. Dates that pin a day (a year, or a weekday written with the date) are checked; so is a year-less day in digits that, read in the year of publication, falls 2 to 31 days after it and hangs on a done verb (\"the board met on March 14\" in a story of March 3, with no future word, plan or occasion before the day); other year-less dates are read in the tense of their clause. When many dates are long after the dateline, `date-dateline-mismatch` reports the dateline instead.",
    example_before: " date 2020-10-08 The bridge reopened on October 12, 2020.",
    example_after: " date 2020-10-08 The bridge will reopen on October 12, 2020.",
};

/// Reports past-tense dates after publication.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let a = ctx.analysis;
    let Some(p) = ctx.trusted_published() else {
        return;
    };
    let text = ctx.text();
    // the page's own publication lines, found once when a candidate needs them
    let stamps = std::cell::OnceCell::new();
    let gallery = std::cell::OnceCell::new();
    let mut hits: Vec<(&Temporal, Finding)> = Vec::new();
    for t in &a.dates {
        if t.tense != Tense::Past || !matches!(t.kind, Kind::Date | Kind::Month | Kind::Year) {
            continue;
        }
        let pinned = matches!(
            t.raw,
            Raw::Date { y: Some(_), .. } | Raw::Month { y: Some(_), .. } | Raw::Year(_)
        );
        // a year-less day told as past a few days after publication (see `yearless_day_after`)
        let yearless = if pinned {
            None
        } else {
            yearless_day_after(a, t, p)
        };
        // "the 2030 target" is what a plan is about, not when the clause happened; "bonds due
        // May 1, 2031" a term set in advance; "approved for 2021" the year a plan is for
        if !(pinned || yearless.is_some())
            || crate::time::modifier_year(text, t)
            || super::evidence::after_term_word(text, t.span.start)
            || super::evidence::year_for(text, t)
        {
            continue;
        }
        let Some(first) = yearless.or_else(|| t.value.first_day()) else {
            continue;
        };
        // a year a verbless phrase describes ("Lee, up for a vote in 2030, said"), looked for
        // only after publication (it reads the words around the year)
        if first <= p.latest()
            || super::evidence::described_year(a, t)
            || super::evidence::opening_modifier_year(a, t)
            || super::evidence::second_end_of_range(a, t)
            || super::evidence::not_told_as_done(a, t)
        {
            continue;
        }
        // "… in 1988 were cut, and in 1989 to 700 mln": told as the date beside it is
        if super::evidence::gapped_parallel(a, t).is_some_and(|x| {
            x.tense != Tense::Past
                || super::evidence::after_term_word(text, x.span.start)
                || super::evidence::not_told_as_done(a, x)
        }) {
            continue;
        }
        // a day and month that may trade places ("05-04-2015") prove nothing when the other
        // reading is no later than publication
        if super::evidence::swapped_reading(text, t).is_some_and(|d| d <= p.latest()) {
            continue;
        }
        // "(Published Wednesday, May 3)" a day after the header is the page's own stamp, not an
        // event (when it disagrees more, `date-dateline-mismatch` says so)
        if stamps
            .get_or_init(|| super::evidence::publication_lines(a))
            .iter()
            .any(|l| l.span == t.span)
        {
            continue;
        }
        // an embedded post's stamp tells when it was posted, not an event told in the past;
        // a gallery's caption under the story may be updated long after it
        if super::evidence::post_stamp(text, t.span.start)
            || gallery
                .get_or_init(|| super::evidence::gallery_start(text))
                .is_some_and(|g| t.span.start >= g)
        {
            continue;
        }
        let year_note = if yearless.is_some() {
            format!(
                " (in the year of publication, {}: a year earlier would want its year written)",
                first.year()
            )
        } else {
            String::new()
        };
        let mut f = finding(
            &INFO,
            t.span,
            format!(
                "'{}' is told in the past tense but is after the publication date ({}){year_note}. Check the date, or the tense.",
                t.span.slice(text),
                p.display()
            ),
        );
        f.related.push(Related {
            path: None,
            span: p.span,
            line_col: None,
            message: "the publication date".to_string(),
        });
        hits.push((t, f));
    }
    if super::evidence::later_dates_corroborated(hits.iter().map(|h| h.0)) {
        out.extend(hits.into_iter().map(|h| h.1));
    }
}

/// How many days after publication a year-less day told as past is still read in the year of
/// publication: within a month, the same day a year back is too far off to go without its year.
const YEARLESS_DAYS: i64 = 31;
/// The fewest days after publication a year-less day must lie: a header a day early (a story
/// filed before midnight and stamped then) is no error of the text.
const YEARLESS_MIN_DAYS: i64 = 2;

crate::word_set!(
    /// Words that give a later "on <day>" to a thing still to come ("for the election on July 16").
    COMING_DAY_LEADS = file "coming-day-leads.txt"
);
crate::word_set!(
    /// Nouns of an occasion a day right after them dates ("set a hearing on April 8").
    OCCASION_DAY_NOUNS = file "occasion-day-nouns.txt"
);

/// The day a year-less "March 13" names in the year of publication, when the clause tells it as
/// past (so it was resolved a year back) but that day is one to `YEARLESS_DAYS` days after
/// publication: an event told as done on a day still to come ("The bridge reopened on March 13"
/// in a story of March 3). A weekday written with it is left to `date-weekday-mismatch`.
fn yearless_day_after(
    a: &Analysis,
    t: &Temporal,
    p: &crate::article::Published,
) -> Option<NaiveDate> {
    let Raw::Date {
        y: None,
        m,
        d,
        wd: None,
    } = t.raw
    else {
        return None;
    };
    if t.kind != Kind::Date
        || t.resolution != Resolution::Past
        || p.precision != crate::article::Precision::Day
    {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(p.date.year(), m, d)?;
    let after = (day - p.latest()).num_days();
    ((YEARLESS_MIN_DAYS..=YEARLESS_DAYS).contains(&after) && day_of_a_done_verb(a, t))
        .then_some(day)
}

/// How many words before a year-less day a past verb is looked for.
const DONE_VERB_REACH: usize = 12;

/// True when the year-less day `t` is written as the day of its clause's verb: after "on" (or
/// opening its sentence) in a sentence that tells of nothing to come (no future word, modal or
/// infinitive: `tense::tells_of_coming`), not after the noun of an occasion
/// (`OCCASION_DAY_NOUNS`: "set a hearing on April 8"), with no word of a thing to come
/// (`COMING_DAY_LEADS`) between it and the nearest tense marker before it. A day right after a
/// noun ("the caucuses Feb. 22") or before one ("the March 8 week", "a 15-day loan") dates that
/// noun, not the clause's event.
fn day_of_a_done_verb(a: &Analysis, t: &Temporal) -> bool {
    let Some(s) = t.sentence.and_then(|s| a.article.sentences.get(s)) else {
        return false;
    };
    if t.span.start < s.span.start || t.span.end > s.span.end {
        return false;
    }
    let text = &a.text;
    // a day in words ("March nine") and a day that may open a range ("Feb 27 to 3.4 billion",
    // "April 15-day") are left alone: read loosely, they prove too little
    let after = text.get(t.span.end..).unwrap_or("");
    let range_word = after.trim_start().split_once(' ').is_some_and(|(w, rest)| {
        (w == "to" || w == "and") && rest.starts_with(|c: char| c.is_ascii_digit())
    });
    if !t.span.slice(text).bytes().any(|b| b.is_ascii_digit())
        || after.starts_with(['-', '\u{2013}'])
        || range_word
    {
        return false;
    }
    let sentence = crate::text::tokenize(text, s.span);
    let end = sentence
        .iter()
        .position(|k| k.span.start >= t.span.start)
        .unwrap_or(sentence.len());
    if crate::time::tense::tells_of_coming(&sentence, end)
        || sentence.iter().any(|k| MODAL_WORDS.has(k))
    {
        return false;
    }
    let toks = sentence.get(..end).unwrap_or_default();
    let Some((last, before)) = toks.split_last() else {
        return true;
    };
    if !last.is("on") {
        return false;
    }
    for (i, tok) in crate::text::words_back(before, DONE_VERB_REACH) {
        if crate::time::tense::has_tense_marker(std::slice::from_ref(tok)) {
            // "the clerks who resigned on April 4": a relative clause tells background, which
            // may lie a year back with its year left out
            return !i
                .checked_sub(1)
                .and_then(|k| before.get(k))
                .is_some_and(|w| RELATIVE_PRONOUNS.contains(w.text));
        }
        // the day of an occasion ("set a deadline of noon on March 11"), of a thing to come, or
        // of an act named by a gerund ("no motive behind publishing the figures on June 11")
        if COMING_DAY_LEADS.contains(tok.text)
            || OCCASION_DAY_NOUNS.contains(tok.text)
            || gerund(tok.text)
        {
            return false;
        }
    }
    true
}

/// True for a lowercase word in "-ing" of more than four letters ("publishing", "during").
fn gerund(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && w.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    /// The spans of the findings of `text` whose rule id `rule` accepts.
    fn spans_where(text: &str, rule: impl Fn(&str) -> bool) -> Vec<String> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| rule(f.rule))
            .map(|f| f.span.slice(text).to_string())
            .collect()
    }

    /// The spans of this rule's findings.
    fn spans(text: &str) -> Vec<String> {
        spans_where(text, |r| r == super::INFO.id)
    }

    #[test]
    fn one_coming_year_in_one_sentence_proves_nothing() {
        // a past clause that names a coming year once is an outlook, whatever its verb
        let one = " date 2021-03-04 Velmar Corp\n\nVelmar Corp gave little sign of how it saw 2022, and its shares fell.\n";
        assert!(spans_where(one, |r| r.starts_with("date-")).is_empty());
        // told in two sentences, the year is the story's own: the header is wrong somewhere
        let two = " date 2021-03-04 Velmar Corp\n\nVelmar Corp opened its Tessaly plant in 2022. Output there rose in 2022 as well.\n";
        assert!(!spans_where(two, |r| r.starts_with("date-")).is_empty());
        // a day is specific enough on its own
        let day = " date 2021-03-04 Velmar Corp\n\nVelmar Corp opened its Tessaly plant on May 5, 2022.\n";
        assert!(!spans_where(day, |r| r.starts_with("date-")).is_empty());
    }

    #[test]
    fn the_pages_own_stamp_a_day_after_the_header_is_no_event() {
        let t = " date 2019-04-09 Two boats collided off the pier on Monday, the harbour master said, and one sank within minutes while its crew swam to the ladder. (Published Wednesday, April 10, 2019)\n\nThe pier reopened at noon.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // a stamp word inside a sentence is a verb: the report is an event like any other
        let t = " date 2019-04-09 The harbour master said a report published April 30, 2019 found the pier unsafe.\n";
        assert_eq!(spans(t), vec!["April 30, 2019"]);
    }

    #[test]
    fn a_record_day_or_a_planned_day_is_no_event_told_as_past() {
        let t = " date 1989-03-02 The mill in mongolia declared a dividend payable to holders of record April 1, 1989, it said. The firm said the mill should reopen on March 20, 1989.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let told = " date 1989-03-02 The firm said the mill reopened on March 20, 1989.\n";
        assert_eq!(spans(told), vec!["March 20, 1989"]);
    }

    #[test]
    fn the_last_day_of_an_accounting_period_is_no_event() {
        for t in [
            " date 1989-06-02 Analysts said the outlook for the mill was bleak for the year to end-July, 1989.\n",
            " date 1989-06-02 The mill said profits were flat in the six months to July 1, 1989.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        let t = " date 1989-06-02 The mill said profits were flat on July 1, 1989.\n";
        assert_eq!(spans(t).len(), 1, "{:?}", spans(t));
    }

    #[test]
    fn an_embedded_posts_stamp_is_no_event() {
        let t = " date 2019-04-09 The ferry ran aground near the pier.\n\nCrews have reached the ferry and towed it off the rocks. — Harbour Watch (@harbour_watch) April 10, 2019\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // the same date told as an event is one
        let t = " date 2019-04-09 Crews towed the ferry off the rocks on April 10, 2019.\n";
        assert_eq!(spans(t), vec!["April 10, 2019"]);
    }

    #[test]
    fn a_day_something_falls_due_is_no_event() {
        let t = " date 2020-10-08 The council signed for notes due October 30, 2020, with a local bank.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let t = " date 2020-10-08 The council signed for the notes on October 30, 2020.\n";
        assert_eq!(spans(t), vec!["October 30, 2020"]);
        // the year a budget is for, and the year it was passed in
        let t = " date 2019-12-20 The board approved the budget for 2020.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let t =
            " date 2019-12-20 The board approved the budget in 2020. It was signed in 2020 too.\n";
        assert_eq!(spans(t), vec!["2020", "2020"]);
    }

    #[test]
    fn a_numeric_day_that_may_be_read_either_way_is_no_evidence() {
        // 06/05/2018 read day first is the 6th of May, before publication
        let t = " date 2018-05-08 The mill closed on 06/05/2018, workers said.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // a day above twelve leaves one reading: after publication
        let t = " date 2018-05-08 The mill closed on 05/25/2018, workers said.\n";
        assert_eq!(spans(t), vec!["05/25/2018"]);
    }

    /// The spans of every date rule's findings.
    fn date_spans(text: &str) -> Vec<String> {
        spans_where(text, |r| r.starts_with("date-"))
    }

    #[test]
    fn the_second_end_of_a_range_and_a_fiscal_period_are_no_events() {
        // "between … and", and a dash between two months
        let t = " date 1989-03-02 The accord cut repayments due between 1989 and 1993, officials in paraguay said. Frost had hit the (October 1988-April 1989) harvest.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        // a month or year after "fiscal" names an accounting year
        let t = " date 1989-02-10 The ministry recorded a surplus for fiscal March 1989.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        let t = " date 1989-02-10 The ministry recorded a surplus in fiscal year 1990.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        let t = " date 1989-02-10 The ministry recorded a surplus in March 1989.\n";
        assert_eq!(spans(t), vec!["March 1989"]);
    }

    #[test]
    fn past_event_after_publication() {
        assert_eq!(
            spans(" date 2020-10-08 The bridge reopened on October 12, 2020."),
            ["October 12, 2020"]
        );
    }

    #[test]
    fn a_yearless_day_told_as_past_days_after_publication() {
        let t = " date 2021-03-03 The ferry to Tessaly resumed service on March 13, the port of Velmar said.\n";
        assert_eq!(spans(t), vec!["March 13"]);
        // told as coming, before publication, or far after it (then last year's): no finding
        for t in [
            " date 2021-03-03 The ferry to Tessaly will resume service on March 13, the port said.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on February 23, the port said.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on August 13, the port said.\n",
            " date 2021-12-28 The ferry to Tessaly resumed service on January 4, the port said.\n",
            // a header a day early, a day that dates a noun, a day of a thing to come
            " date 2021-03-03 The ferry to Tessaly resumed service on March 4, the port said.\n",
            " date 2021-03-03 Crowds gathered before the Velmar regatta March 13, the port said.\n",
            " date 2021-03-03 Crews repaired the pier for the regatta on March 13, the port said.\n",
            " date 2021-03-03 The port of Velmar set a hearing on March 13, its lawyers said.\n",
            " date 2021-03-03 Dockers in Tessaly voted to strike on March 13, their union said.\n",
            " date 2021-03-03 The port said the ferry to Tessaly will resume service on March 13.\n",
            " date 2021-03-03 The port set a deadline of noon on March 13 for the Velmar bid.\n",
            " date 2021-03-03 The port hired the pilots who resigned on March 13 from Velmar.\n",
            " date 2021-03-03 The port saw no motive behind reopening the pier on March 13.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on March nine, the port said.\n",
            " date 2021-03-03 Port fees rose on March 13 to 4.2 million, the port said.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn future_and_earlier_events_are_fine() {
        assert!(spans(" date 2020-10-08 The bridge will reopen on October 12, 2020.").is_empty());
        assert!(spans(" date 2020-10-08 The bridge reopened on October 2, 2020.").is_empty());
        assert!(
            spans(" date 2020-10-08 The growers are invited to Asunción on 9 October.").is_empty()
        );
    }
}
