//! `date-weekday-mismatch`: a weekday written with a date on which it does not fall.

use super::{finding, Context, Finding, Fix, RuleInfo, Severity};
use crate::time::lexicon::weekday_name;
use crate::time::{Raw, Tense, Value};
use chrono::{Datelike, Weekday};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-weekday-mismatch",
    default_severity: Severity::Warning,
    summary: "A weekday is written with a date that falls on another weekday.",
    description: "\"Thursday, Oct. 9, 2020\": October 9, 2020 was a Friday. For dates written without a year, the year is the one the publication date and the tense point to. Either the weekday or the date is wrong; the fix changes the weekday. The same holds across sentences when a date and a weekday must name the same moment: a past event dated in one sentence and timed with a clock time and weekday in another (\"struck on Feb. 5\" … \"struck at 4:17 a.m. local time on Monday\"), or a weekday given to a post whose stamp the page shows (the date is blamed in the first case, the weekday in the second; no fix).",
    example_before: "The talks ended on Thursday, Oct. 9, 2020.",
    example_after: "The talks ended on Friday, Oct. 9, 2020.",
};

/// Reports each weekday that does not match its date.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text();
    let a = ctx.analysis;
    // when the dateline itself is contradicted, year-less dates cannot be trusted
    let dateline_doubtful = ctx.dateline_verdict().is_some();
    for t in &a.dates {
        let Some(stated) = t.weekday else { continue };
        let Value::Date(d) = t.value else { continue };
        let explicit = matches!(t.raw, Raw::Date { y: Some(_), .. });
        if !explicit && (dateline_doubtful || a.article.published.is_none()) {
            continue;
        }
        let actual = d.weekday();
        if actual == stated.weekday || (!explicit && fits_year_before(a, t, stated.weekday)) {
            continue;
        }
        let date_text = t.span.slice(text);
        let word = stated.span.slice(text);
        let right = styled(actual, word);
        let year_note = if explicit {
            String::new()
        } else {
            format!(" (taking the year as {}, from the dateline)", d.year())
        };
        // a day still to come when the article was published "is" its weekday
        let ahead = a.article.published.as_ref().is_some_and(|p| d > p.latest());
        let mut f = finding(
            &INFO,
            stated.span,
            format!(
                "'{date_text}': {} {} a {}, not a {}{year_note}. Check which of the weekday and the date is right.",
                d.format("%B %-d, %Y"),
                if ahead { "is" } else { "was" },
                weekday_name(actual),
                weekday_name(stated.weekday)
            ),
        );
        f.fix = Some(Fix {
            title: format!("Change '{word}' to '{right}'"),
            replacement: right,
            span: stated.span,
        });
        out.push(f);
    }
    same_event_days(ctx, out);
}

/// True when a weekday-dated day written without its year (`t`) fits the year of the last date
/// written with its year before it in the same paragraph (`evidence::last_dated_entry`): a chronology
/// or a factbox runs on in the year of its entry ("October 1999 - Markets fell. On Monday
/// October 18 the index …").
fn fits_year_before(a: &crate::analysis::Analysis, t: &crate::time::Temporal, wd: Weekday) -> bool {
    let Raw::Date { y: None, m, d, .. } = t.raw else {
        return false;
    };
    super::evidence::last_dated_entry(a, t)
        .and_then(|x| x.value.first_day())
        .and_then(|x| chrono::NaiveDate::from_ymd_opt(x.year(), m, d))
        .is_some_and(|x| x.weekday() == wd)
}

/// A day and a weekday that tell the same event in neighbouring sentences ("shook the coast on
/// May 5" … "struck at 4 a.m. local time on Monday") but cannot be the same day: May 5 is not a
/// Monday. Only days within a week of the dateline are weighed (a weekday alone names a day of
/// that week). A post's stamp is kept and the weekday blamed; otherwise the date is.
fn same_event_days(ctx: &Context, out: &mut Vec<Finding>) {
    let a = ctx.analysis;
    let Some(p) = ctx.trusted_published() else {
        return;
    };
    let text = ctx.text();
    let near =
        |d: chrono::NaiveDate| (d - p.date).num_days() >= -7 && (d - p.latest()).num_days() <= 1;
    // (weekday, true when a clock time pins the moment: "at 4 a.m. on Monday")
    let weekdays: Vec<(&crate::time::Temporal, Weekday, bool)> = a
        .dates
        .iter()
        .enumerate()
        .filter(|(_, t)| t.tense == Tense::Past && super::evidence::is_bare_weekday(t))
        .filter_map(|(i, t)| Some((t, t.raw.weekday()?, with_clock_time(&a.dates, i))))
        .collect();
    if weekdays.is_empty() {
        return;
    }
    let para = |s: usize| a.article.sentences.get(s).map_or(0, |x| x.paragraph);
    let mut scorer = super::evidence::EventScorer::default();
    for t in &a.dates {
        let (Raw::Date { wd: None, .. }, &Value::Date(d), Some(ts)) =
            (&t.raw, &t.value, t.sentence)
        else {
            continue;
        };
        // the wire's own dateline ("HARBOUR CITY, May 5 - ") tells the day of filing, no event
        if t.tense == Tense::Future || !near(d) || super::evidence::wire_dateline(text, t.span) {
            continue;
        }
        let stamp = super::evidence::post_stamp(text, t.span.start);
        // a story tells many days: only a post's stamp, or a past event told with the clock
        // time of the weekday, pins the same moment (not "police said Wednesday")
        if !stamp && t.tense != Tense::Past {
            continue;
        }
        for (w, wd, clock) in &weekdays {
            let Some(ws) = w.sentence else { continue };
            if !(stamp || *clock)
                || ws == ts
                || *wd == d.weekday()
                || para(ts).abs_diff(para(ws)) > 3
            {
                continue;
            }
            // a post's words stand on the lines before its stamp
            let post_words = if stamp && ts > 0 && ts - 1 != ws {
                scorer.score(a, ts - 1, ws)
            } else {
                0
            };
            if scorer.score(a, ts, ws).max(post_words) < 3 {
                continue;
            }
            let (span, message) = if stamp {
                (w.span, format!(
                    "'{}' names a {}, but the post this sentence tells of is stamped '{}', a {}. Check the weekday.",
                    w.span.slice(text), weekday_name(*wd), t.span.slice(text), weekday_name(d.weekday())
                ))
            } else {
                (t.span, format!(
                    "'{}' was a {}, but the same event is told as '{}', a {}. Check which day is right (or name the time zone).",
                    t.span.slice(text), weekday_name(d.weekday()), w.span.slice(text), weekday_name(*wd)
                ))
            };
            let mut f = finding(&INFO, span, message);
            f.related.push(super::Related {
                path: None,
                span: if stamp { t.span } else { w.span },
                line_col: None,
                message: "the same event".to_string(),
            });
            out.push(f);
            return;
        }
    }
}

/// True when a clock time stands right before or after the weekday `dates[i]` ("4:17 a.m. local
/// time on Monday", "Monday at 9 p.m."): its neighbours in text order.
fn with_clock_time(dates: &[crate::time::Temporal], i: usize) -> bool {
    const GAP: usize = 8;
    let Some(w) = dates.get(i) else { return false };
    let close = |x: &crate::time::Temporal| {
        matches!(x.raw, Raw::Time { .. })
            && x.sentence == w.sentence
            && ((x.span.end <= w.span.start && x.span.end + GAP >= w.span.start)
                || (x.span.start >= w.span.end && x.span.start <= w.span.end + GAP))
    };
    i.checked_sub(1)
        .and_then(|j| dates.get(j))
        .is_some_and(close)
        || dates.get(i + 1).is_some_and(close)
}

/// The weekday name in the style of `like`: full or abbreviated, capitalised or not.
fn styled(wd: Weekday, like: &str) -> String {
    let full = weekday_name(wd);
    let base = if like.len() <= 4 {
        full[..3].to_string()
    } else {
        full.to_string()
    };
    if like.chars().all(|c| c.is_uppercase()) {
        base.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_lowercase) {
        base.to_lowercase()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    fn ids(text: &str) -> Vec<(String, String)> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .map(|f| {
                (
                    f.span.slice(text).to_string(),
                    f.fix.map(|x| x.replacement).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn flags_a_wrong_weekday_with_a_full_date() {
        let t = " date 2031-03-17 The fair ended on Thursday, Mar. 14, 2031, in Montevideo.";
        assert_eq!(ids(t), [("Thursday".to_string(), "Friday".to_string())]);
    }

    #[test]
    fn a_day_still_to_come_is_its_weekday_and_a_day_gone_was() {
        let message = |text: &str| {
            let a = Analysis::new(text);
            crate::rules::run(&a, &Config::default())
                .into_iter()
                .find(|f| f.rule == super::INFO.id)
                .map(|f| f.message)
                .unwrap_or_default()
        };
        let ahead = " date 2031-03-10 Velmar will vote on Thursday, Mar. 14, 2031.";
        assert!(
            message(ahead).contains("March 14, 2031 is a Friday"),
            "{}",
            message(ahead)
        );
        let gone = " date 2031-03-17 Velmar voted on Thursday, Mar. 14, 2031.";
        assert!(
            message(gone).contains("March 14, 2031 was a Friday"),
            "{}",
            message(gone)
        );
    }

    #[test]
    fn year_less_date_uses_the_dateline_year() {
        let t = " date 2020-10-12 The talks ended on Thu., Oct. 8, after a week.";
        assert!(ids(t).is_empty());
        let t = " date 2020-10-12 The talks ended on Wed., Oct. 8, after a week.";
        assert_eq!(ids(t), [("Wed".to_string(), "Thu".to_string())]);
    }

    #[test]
    fn a_date_and_a_clock_timed_weekday_of_the_same_event() {
        // May 14, 2023 was a Sunday; the same landslide is timed on Monday
        let t = " date 2023-05-15 Rescuers dug through the night after a landslide buried the mountain village on May 14.\n\nThe landslide buried the mountain village around 3:40 a.m. local time on Monday, officials said.\n";
        assert_eq!(ids(t), [("May 14".to_string(), String::new())]);
        assert!(ids(&t.replace("May 14", "May 15")).is_empty());
        // a weekday without a clock time may tell a later step of the story
        let later = t.replace("around 3:40 a.m. local time on Monday", "on Monday");
        assert!(ids(&later).is_empty(), "{:?}", ids(&later));
    }

    #[test]
    fn a_wire_dateline_is_no_day_of_the_event() {
        // Monday's dateline; the meeting told with a clock time is the next day's
        let t = " date 2023-05-15 QUOTA TALKS GO ON\n\nHARBOUR CITY, May 15 - The fishing council adjourned after presenting views on quota rules and agreeing to examine a draft quota proposal tomorrow, delegates said.\n\nThe fishing council chair will draw up what some delegates called a draft and present it to the quota working group at 1130 hrs GMT Tuesday, they said.\n";
        assert!(ids(t).is_empty(), "{:?}", ids(t));
        // the same day told in the body is the event's
        let told = t.replace(
            "HARBOUR CITY, May 15 - The fishing council adjourned",
            "HARBOUR CITY - The fishing council adjourned on May 15",
        );
        assert_eq!(ids(&told).len(), 1, "{:?}", ids(&told));
    }

    #[test]
    fn a_weekday_that_misses_the_stamp_of_the_post_it_quotes() {
        let t = " date 2021-03-05 The mayor on Saturday defended closing the harbour bridge, saying repairs could not wait any longer.\n\nThe harbour bridge repairs could not wait any longer, so we are closing it.\n— Town Mayor (@townmayor) March 5, 2021\n";
        assert_eq!(ids(t), [("Saturday".to_string(), String::new())]);
        assert!(ids(&t.replace("on Saturday", "on Friday")).is_empty());
    }

    #[test]
    fn a_chronology_entry_gives_its_year_to_the_days_after_it() {
        // October 18 was a Monday in 1999, a Saturday in 2008
        let t = " date 2008-11-14 Past slumps\n\nOctober 1999 - Markets in Tessaly fell for a week. On Monday October 18 the Velmar index lost a fifth of its value.\n";
        assert!(ids(t).is_empty(), "{:?}", ids(t));
        // without the entry's year the day is read in the dateline's year
        let t = t.replace("October 1999 - Markets", "Markets");
        assert_eq!(ids(&t).len(), 1, "{:?}", ids(&t));
    }

    #[test]
    fn right_weekdays_are_clean() {
        assert!(
            ids(" date 2020-10-17 Marchers rallied Saturday, Oct. 17, 2020, in the capital.")
                .is_empty()
        );
        assert!(ids(" date 2020-10-11 The truce began Saturday (October 10th).").is_empty());
        assert!(ids("No dateline: it was Tuesday, February 2nd.").is_empty());
    }
}
