//! `date-dateline-mismatch`: the body contradicts the dateline.
//!
//! Kinds of evidence, strongest first:
//! 1. a publication line inside the text ("DW | 06.11.2020") that disagrees with the header (a
//!    clip's "(Published …)" stamp only when later than the header, or a year before its day);
//! 2. a weekday and a year-less date that tell of the same event but only fit another year
//!    ("on Saturday" … "October 10": a Saturday in 2020, not in 2017);
//! 3. weekday-dated days that agree with each other in a year, one told as past well after the
//!    header;
//! 4. weekday-dated days near the header's day of the year that fit only the year next to it;
//! 5. dates with a year, told in the past tense, long after the dateline;
//! 6. embedded posts stamped long after the dateline;
//! 7. a day pinned by its written weekday or year, long after the dateline, that the story tells
//!    as past or shows in a repeated caption;
//! 8. a year-less day told as past, late on the day after the dateline's day (a day of the
//!    current year is written without its year): the header precedes the story.

use super::evidence::{
    is_bare_weekday, publication_lines, told_as_coming, EventScorer, EVENT_REACH,
};
use super::{finding, Context, Finding, Fix, Related, RuleInfo, Severity};
use crate::analysis::Analysis;
use crate::article::{Precision, Published};
use crate::time::lexicon::weekday_name;
use crate::time::{Raw, Tense, Value};
use chrono::{Datelike, NaiveDate};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-dateline-mismatch",
    default_severity: Severity::Warning,
    summary: "The body of the article contradicts its dateline.",
    description: "The page's own publication line gives another date (\"DW | 06.11.2020\" under a 2017-07-11 header); or a weekday and a date that tell of the same event only fit another year (\"on Saturday\" … \"October 10\": October 10 was a Saturday in 2020, not in 2017); or the days written with their weekday (\"Sunday, March 14\"), within ten days of the dateline's day of the year, fall on it only in the year before or after the dateline's and no date is written in the dateline's year; or events with a year are told in the past tense long after the dateline; or a day pinned by its weekday or year, long after the dateline, is told as past or shown in a caption written twice (\"early Monday, Sept. 26, 2016\" under a photo, and \"opened fire … Monday\"); or a year-less day is told as past late on the day after the dateline (\"On the evening of May 4, fans packed the square\" under a 2019-05-03 header: a day of the dateline's year is written without its year, so the story is of May 4 or later). A clip's \"(Published …)\" stamp older than the dateline is no contradiction (a later page may show an older clip) unless it falls on the dateline's day a year before. The message names the dateline the body fits; the fix replaces the dateline.",
    example_before: " date 2017-07-11 The truce came into force at noon on Saturday. … the truce, effective as of October 10, 12:00, …",
    example_after: " date 2020-10-10 The truce came into force at noon on Saturday. … the truce, effective as of October 10, 12:00, …",
};

/// What the evidence says.
pub(crate) struct Verdict {
    span: crate::text::Span,
    message: String,
    fits: Option<NaiveDate>,
    related: Vec<(crate::text::Span, String)>,
}

/// The date the body fits when it contradicts the dateline (used to place the article in time
/// when comparing sources).
pub fn fitting_date(a: &Analysis) -> Option<NaiveDate> {
    verdict_of(a).and_then(|v| v.fits)
}

/// Weighs the evidence once; None when the body agrees with the dateline (or there is none).
pub(crate) fn verdict_of(a: &Analysis) -> Option<Verdict> {
    a.article.published.as_ref().and_then(|p| verdict(a, p))
}

/// Reports one finding per article, at the dateline.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let a = ctx.analysis;
    let Some(p) = &a.article.published else {
        return;
    };
    // weighed once per article, shared with the rules that ask whether the dateline holds
    let Some(v) = ctx.dateline_verdict() else {
        return;
    };
    let mut f = finding(&INFO, p.span, v.message.clone());
    // point at the words at fault too
    f.related.push(Related {
        path: None,
        span: v.span,
        line_col: None,
        message: "the body says this".to_string(),
    });
    for (span, msg) in &v.related {
        f.related.push(Related {
            path: None,
            span: *span,
            line_col: None,
            message: msg.clone(),
        });
    }
    if let Some(d) = v.fits {
        let new = match p.precision {
            Precision::Day => d.format("%Y-%m-%d").to_string(),
            Precision::Month => d.format("%Y-%m").to_string(),
        };
        f.fix = Some(Fix {
            title: format!("Change the dateline to {new}"),
            replacement: new,
            span: p.span,
        });
    }
    out.push(f);
}

fn verdict(a: &Analysis, p: &Published) -> Option<Verdict> {
    from_publication_line(a, p)
        .or_else(|| from_weekday_anchor(a, p))
        .or_else(|| from_dated_weekdays(a, p))
        .or_else(|| from_shifted_weekdays(a, p))
        .or_else(|| from_later_years(a, p))
        .or_else(|| from_post_stamps(a, p))
        .or_else(|| from_pinned_story_days(a, p))
        .or_else(|| from_header_before_event(a, p))
}

/// A year-less day told as past that falls on the day after the dateline's day in the
/// dateline's year, late in that day ("On the evening of May 4, fans packed the square" under a
/// May 3 header). News writes a day of the current year without its year, so the past
/// tense that sends it a year back misreads it: the header precedes the story. Early in a local
/// day, or of no time, the day after may still be the header's day in the publisher's time zone;
/// days further on may be told by a wire's advance, written before the event for release after
/// it. Not when the text writes a date of the year before, names a year or a recurring day
/// ("anniversary") by it, or points the day at a plan ("set for", "until").
fn from_header_before_event(a: &Analysis, p: &Published) -> Option<Verdict> {
    if p.precision != Precision::Day {
        return None;
    }
    let text = &a.text;
    let pd = p.date;
    let year_back = pd.year() - 1;
    let in_year_back =
        |x: &crate::time::Temporal| x.value.first_day().is_some_and(|d| d.year() == year_back);
    if a.dates.iter().any(|x| x.year_stated() && in_year_back(x)) {
        return None;
    }
    let day = crate::time::add_days(pd, 1)?;
    // the day after, as written without its year and read a year back; the candidates weighed
    // against their sentences are few in news, a cap keeps a text of thousands of them linear
    let candidates = a.dates.iter().filter(|t| {
        matches!(t.raw, Raw::Date { y: None, m, d, wd: None } if (m, d) == (day.month(), day.day()))
            && t.tense == Tense::Past
            && t.resolution == crate::time::Resolution::Past
            && t.value.first_day().is_some_and(|v| v.year() == year_back)
    });
    candidates.take(16).find_map(|t| {
        let year_named = || {
            a.dates.iter().any(|x| {
                x.span != t.span
                    && x.sentence == t.sentence
                    && (in_year_back(x) || matches!(x.value, Value::Year(_)))
            })
        };
        if !super::evidence::late_in_its_day(a, t)
            || super::evidence::after_aim_word(text, t.span.start)
            || super::evidence::after_term_word(text, t.span.start)
            || super::evidence::yearly_sentence(a, t)
            || year_named()
        {
            return None;
        }
        Some(Verdict {
            span: t.span,
            message: format!(
                "The dateline says {}, but the body tells as past '{}', late on the day after it: a day of the dateline's year is written without its year, so the article cannot have been published before {}.",
                p.display(),
                t.span.slice(text),
                day.format("%Y-%m-%d"),
            ),
            fits: Some(day),
            related: Vec::new(),
        })
    })
}

/// A day pinned by its written weekday or year, more than a month after the dateline, that the
/// story tells as past: a year-less date whose weekday fits only a later year ("hit early on
/// Monday, Feb. 6" under a header of the October before), or a date with its year, not told as
/// coming, that falls on the weekday a sentence of the same event tells as past (a caption's
/// "early Monday, Sept. 26, 2016" and "opened fire … Monday"). The story happened that day.
fn from_pinned_story_days(a: &Analysis, p: &Published) -> Option<Verdict> {
    let text = &a.text;
    let limit = crate::time::add_days(p.latest(), 31)?;
    // a weekday that fits a later year than the nearest is a slipped year, not a typo, only
    // within the year after the dateline
    let far = crate::time::add_days(p.latest(), 400)?;
    let mut scorer = EventScorer::default();
    // the dated candidates weighed against the text are few in news; a cap keeps a text of
    // thousands of later dates linear
    let mut tries = 0;
    for t in &a.dates {
        let Value::Date(d) = t.value else { continue };
        if d <= limit
            || t.tense == Tense::Future
            || t.weekday.is_some_and(|w| w.weekday != d.weekday())
        {
            continue;
        }
        let how = if matches!(t.raw, Raw::Date { y: None, .. }) {
            if t.weekday.is_none()
                || t.tense != Tense::Past
                || d > far
                || super::evidence::rescheduled(a, t)
            {
                continue;
            }
            "tells as past"
        } else {
            if !t.year_stated()
                || crate::time::modifier_year(text, t)
                || super::evidence::after_term_word(text, t.span.start)
                || tries >= 16
            {
                continue;
            }
            tries += 1;
            let caption = t.tense != Tense::Past && caption_twice(text, t.span);
            if (t.tense != Tense::Past && !caption)
                || super::evidence::post_stamp(text, t.span.start)
                || !past_weekday_of_event(a, &mut scorer, t, d.weekday())
            {
                continue;
            }
            if caption {
                "captions a picture of the story with"
            } else {
                "tells as past"
            }
        };
        return Some(Verdict {
            span: t.span,
            message: format!(
                "The dateline says {}, but the body {how} '{}' ({}, {}): the article cannot have been published before it.",
                p.display(),
                t.span.slice(text),
                weekday_name(d.weekday()),
                d.format("%Y-%m-%d"),
            ),
            fits: Some(d),
            related: Vec::new(),
        });
    }
    None
}

/// True when the words leading up to the date at `span` are written twice word for word: the
/// caption of a photo or clip, shown in the player and under it, which tells in the present what
/// the picture shows ("Police respond … early Monday, May 2, 2016"), not a coming event.
fn caption_twice(text: &str, span: crate::text::Span) -> bool {
    const LEAD: usize = 60;
    let mut start = span.start.saturating_sub(LEAD);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let Some(words) = text.get(start..span.end) else {
        return false;
    };
    // a short run of words may be written twice by chance
    words.len() >= LEAD && text.match_indices(words).nth(1).is_some()
}

/// True when a weekday on its own, told as past, names `wd` in a sentence that speaks of the same
/// event as the sentence of `t` (two shared content words).
fn past_weekday_of_event(
    a: &Analysis,
    scorer: &mut EventScorer,
    t: &crate::time::Temporal,
    wd: chrono::Weekday,
) -> bool {
    let Some(ts) = t.sentence else { return false };
    a.dates.iter().any(|w| {
        is_bare_weekday(w)
            && w.tense == Tense::Past
            && w.raw.weekday() == Some(wd)
            && w.sentence
                .is_some_and(|ws| ws != ts && scorer.score(a, ts, ws) >= 2)
    })
}

/// Embedded social-media posts ("— A Reporter (@areporter) May 3, 2019") stamped more than a
/// month after the dateline: a page cannot quote a post made after it was published.
fn from_post_stamps(a: &Analysis, p: &Published) -> Option<Verdict> {
    let text = &a.text;
    let limit = crate::time::add_days(p.latest(), 31)?;
    let later: Vec<_> = a
        .dates
        .iter()
        .filter(|t| t.year_stated())
        .filter(|t| matches!(t.value, Value::Date(d) if d > limit))
        .filter(|t| super::evidence::post_stamp(text, t.span.start))
        .collect();
    let last = later.iter().max_by_key(|t| t.value.first_day())?;
    let day = last.value.first_day()?;
    Some(Verdict {
        span: last.span,
        message: format!(
            "The dateline says {}, but the page quotes a post of {} ('{}'{}): the article cannot have been published before it.",
            p.display(),
            day.format("%Y-%m-%d"),
            last.span.slice(text),
            if later.len() > 1 { format!(", and {} more such posts", later.len() - 1) } else { String::new() },
        ),
        fits: Some(day),
        related: Vec::new(),
    })
}

/// Year-less dates written with their weekday ("Sunday, March 14") that within ten days of the
/// dateline's day of the year fall on their weekday only in the year before or after the dateline's, all
/// the same one, while the body writes no date in the dateline's year: the header's year is off
/// by one (a stale or mistyped year), not every weekday.
fn from_shifted_weekdays(a: &Analysis, p: &Published) -> Option<Verdict> {
    const NEAR_DAYS: i64 = 10;
    let pd = p.date;
    let mut shift: Option<i32> = None;
    let mut days: Vec<(&crate::time::Temporal, NaiveDate)> = Vec::new();
    for t in &a.dates {
        let (Raw::Date { y: None, m, d, .. }, Some(w)) = (&t.raw, t.weekday) else {
            continue;
        };
        // the day as written in the year that puts it nearest the dateline
        let Some(near) = (pd.year() - 1..=pd.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
            .min_by_key(|x| (*x - pd).num_days().abs())
        else {
            continue;
        };
        if near.weekday() == w.weekday {
            return None; // a day that fits the dateline's year speaks for it
        }
        // news writes a weekday with a date for the days around publication: a day far from
        // the header's day of the year is another story (a year-ago event, an older article)
        if (near - pd).num_days() < -NEAR_DAYS || (near - p.latest()).num_days() > NEAR_DAYS {
            return None;
        }
        let fits: Vec<i32> = [-1, 1]
            .into_iter()
            .filter(|k| {
                NaiveDate::from_ymd_opt(near.year() + k, *m, *d)
                    .is_some_and(|x| x.weekday() == w.weekday)
            })
            .collect();
        let [k] = fits[..] else { return None };
        // "last year the fair ran from Friday, June 4": the sentence names the year the day
        // fits, told on purpose
        if names_year_of(a, t, near.year() + k) {
            continue;
        }
        if shift.is_some_and(|s| s != k) {
            return None;
        }
        shift = Some(k);
        days.push((t, NaiveDate::from_ymd_opt(near.year() + k, *m, *d)?));
    }
    let k = shift?;
    // a date written with the dateline's year speaks for it
    if a.dates
        .iter()
        .any(|t| t.year_stated() && t.value.first_day().is_some_and(|d| d.year() == pd.year()))
    {
        return None;
    }
    let fits = NaiveDate::from_ymd_opt(pd.year() + k, pd.month(), pd.day())
        .or_else(|| NaiveDate::from_ymd_opt(pd.year() + k, pd.month(), 28))?;
    let text = &a.text;
    let (t, d) = days.first()?;
    Some(Verdict {
        span: t.span,
        message: format!(
            "The dateline says {}, but '{}' was a {} in {}, not in {}{}. The body fits a dateline of {}.",
            p.display(),
            t.span.slice(text),
            weekday_name(d.weekday()),
            d.year(),
            pd.year(),
            if days.len() > 1 {
                format!(" (and {} more weekday-dated days fit {} only)", days.len() - 1, d.year())
            } else {
                String::new()
            },
            fits.format("%Y-%m-%d"),
        ),
        fits: Some(fits),
        related: days
            .iter()
            .skip(1)
            .take(3)
            .map(|(x, d)| {
                (
                    x.span,
                    format!("'{}' is a {} in {}", x.span.slice(text), weekday_name(d.weekday()), d.year()),
                )
            })
            .collect(),
    })
}

/// True when the sentence of `t` holds an expression of the whole year `year` ("last year",
/// "in 2021").
fn names_year_of(a: &Analysis, t: &crate::time::Temporal, year: i32) -> bool {
    let whole = |v: &Value| match v {
        Value::Year(y) => *y == year,
        Value::Range(s, e) => {
            (s.year(), s.month(), s.day()) == (year, 1, 1)
                && (e.year(), e.month(), e.day()) == (year, 12, 31)
        }
        _ => false,
    };
    t.sentence.is_some()
        && a.dates
            .iter()
            .any(|x| x.sentence == t.sentence && x.span != t.span && whole(&x.value))
}

/// Year-less dates written with their weekday ("Wednesday, July 28") that all fall on that
/// weekday in the year they were resolved to, at least two of them, one told in the past tense
/// well after the dateline: the body is of a later time than its header says.
fn from_dated_weekdays(a: &Analysis, p: &Published) -> Option<Verdict> {
    let dated: Vec<(&crate::time::Temporal, NaiveDate)> = a
        .dates
        .iter()
        .filter(|t| matches!(t.raw, Raw::Date { y: None, .. }) && t.weekday.is_some())
        .filter_map(|t| match t.value {
            Value::Date(d) => Some((t, d)),
            _ => None,
        })
        .collect();
    let agree = |(t, d): &(&crate::time::Temporal, NaiveDate)| {
        t.weekday.is_some_and(|w| w.weekday == d.weekday())
    };
    if dated.len() < 2 || !dated.iter().all(agree) {
        return None;
    }
    let limit = crate::time::add_days(p.latest(), 7)?;
    let (t, fits) = dated
        .iter()
        .filter(|(t, d)| t.tense == Tense::Past && *d > limit)
        .max_by_key(|(_, d)| *d)?;
    // a year-less date without a weekday close to the dateline speaks for the header
    let near_header = a.dates.iter().any(|x| {
        matches!(x.raw, Raw::Date { y: None, .. })
            && x.weekday.is_none()
            && x.value
                .first_day()
                .is_some_and(|d| (d - p.date).num_days().abs() <= 10)
    });
    if near_header {
        return None;
    }
    let text = &a.text;
    Some(Verdict {
        span: t.span,
        message: format!(
            "The dateline says {}, but the body tells as past '{}', and its weekday-dated days agree with each other in {}. The body fits a dateline of {} or a few days after.",
            p.display(),
            t.span.slice(text),
            fits.year(),
            fits.format("%Y-%m-%d"),
        ),
        fits: Some(*fits),
        related: dated
            .iter()
            .filter(|(x, _)| x.span != t.span)
            .take(3)
            .map(|(x, d)| {
                (
                    x.span,
                    format!("'{}' is a {} in {}", x.span.slice(text), weekday_name(d.weekday()), d.year()),
                )
            })
            .collect(),
    })
}

fn from_publication_line(a: &Analysis, p: &Published) -> Option<Verdict> {
    let text = &a.text;
    // the page's publication stamps speak before its "Updated" stamps, wherever they stand
    let mut lines = publication_lines(a);
    lines.sort_by_key(|l| l.updated);
    for line in lines {
        if line.span.overlaps(p.span) {
            continue;
        }
        let lo = crate::time::add_days(p.date, -2).unwrap_or(NaiveDate::MIN);
        let hi = crate::time::add_days(p.latest(), if line.updated { 60 } else { 2 })
            .unwrap_or(NaiveDate::MAX);
        let agrees = |d: NaiveDate| d >= lo && d <= hi;
        // a day and month that may trade places ("03-04-2016") agree when either reading does
        if agrees(line.date) || line.other_reading.is_some_and(agrees) {
            return None; // the page agrees with its header
        }
        // a clip or photo older than the page: a later page may show it (a follow-up, a story
        // served again); only a slipped year, the same day of the year, says the header is off
        if line.embedded && line.date < lo && !year_slip(a, p, line.date) {
            continue;
        }
        return Some(Verdict {
            span: line.span,
            message: format!(
                "The dateline says {}, but the page's own publication line says {} ('{}'). Use the page's date.",
                p.display(),
                line.date.format("%-d %B %Y"),
                line.span.slice(text)
            ),
            fits: Some(line.date),
            related: Vec::new(),
        });
    }
    None
}

/// True when `d` moved one year on falls within two days of the dateline while the body writes
/// no date in the dateline's year (an anniversary story names the year it is in).
fn year_slip(a: &Analysis, p: &Published, d: NaiveDate) -> bool {
    let Some(next) = NaiveDate::from_ymd_opt(d.year() + 1, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(d.year() + 1, d.month(), 28))
    else {
        return false;
    };
    let near = (next - p.date).num_days() >= -2 && (next - p.latest()).num_days() <= 2;
    near && !a.dates.iter().any(|t| {
        t.year_stated()
            && t.value
                .first_day()
                .is_some_and(|x| x.year() == p.date.year())
    })
}

/// A dateline a year off, shown by a far year-less date and a bare weekday that tell one
/// event: the weekday fits that date only in other years.
fn from_weekday_anchor(a: &Analysis, p: &Published) -> Option<Verdict> {
    let text = &a.text;
    let pd = p.date;
    // year-less dates near the dateline support it
    let yearless = yearless_dates(a);
    let near = |t: &crate::time::Temporal| match t.value.first_day() {
        Some(d) => (d - pd).num_days().abs() <= 10,
        None => true,
    };
    if yearless.iter().any(|(t, _, _)| near(t)) {
        return None;
    }
    let explicit_years: Vec<i32> = a
        .dates
        .iter()
        .filter(|t| t.tense == Tense::Past && t.year_stated())
        .filter_map(|t| t.value.last_day().map(|d| d.year()))
        .collect();
    let mut weekdays: Vec<_> = a
        .dates
        .iter()
        .filter(|t| is_bare_weekday(t) && t.tense != Tense::Future)
        // "flights leave each Thursday": a day that recurs dates no one event
        .filter(|t| !crate::time::timex::is_recurring_weekday(text, t))
        .filter(|t| t.sentence.is_some())
        .collect();
    // in the order of their sentences, as `near_weekdays` wants (stable: text order kept)
    weekdays.sort_by_key(|t| t.sentence);
    // pairs of a far year-less date and a weekday that tell of the same event: a time written
    // right after the date that the weekday's sentence also gives ("October 10, 12:00" … "at
    // noon on Saturday"), or one clause holding both (`one_event`); the strongest pair wins,
    // the time first, then shared words
    let mut best_pair: Option<(usize, YearlessDate, &crate::time::Temporal)> = None;
    let mut ctx = PairContext {
        pd,
        explicit_years: &explicit_years,
        scorer: EventScorer::default(),
    };
    for date in yearless.iter().filter(|d| far_undated(a, pd, d)) {
        let after = time_after(a, date.0);
        for w in near_weekdays(&weekdays, date.0.sentence) {
            let Some(strength) = pair_strength(a, &mut ctx, date, after, w) else {
                continue;
            };
            if best_pair.as_ref().is_none_or(|(s, ..)| strength > *s) {
                best_pair = Some((strength, *date, w));
            }
        }
    }
    let (_, date, w) = best_pair?;
    weekday_verdict(a, p, date, w, &explicit_years)
}

/// True when the year-less date `d` may pair with a weekday (see [`pair_strength`]): it lies
/// far from the dateline `pd`, in a sentence, and starts or ends no stretch. "since Jan. 13"
/// starts a stretch that runs up to the story: the weekday of its sentence tells what ended
/// it, not the same event; "until June 2" ends a stretch the clause sets, whose setting the
/// weekday dates.
fn far_undated(a: &Analysis, pd: NaiveDate, &(t, _, _): &YearlessDate) -> bool {
    let (Some(_), Some(dfar)) = (t.sentence, t.value.first_day()) else {
        return false;
    };
    (dfar - pd).num_days().abs() > 45
        && !matches!(t.raw, Raw::Since(_))
        && !ends_a_stretch(&a.text, t.span.start)
}

/// The weekdays of `weekdays` (in the order of their sentences) less than [`EVENT_REACH`]
/// sentences from sentence `s`: the only ones that may tell its event, found without walking
/// the others (a long text holds thousands).
fn near_weekdays<'w, 'a>(
    weekdays: &'w [&'a crate::time::Temporal],
    s: Option<usize>,
) -> impl Iterator<Item = &'w &'a crate::time::Temporal> {
    let s = s.unwrap_or(usize::MAX);
    let lo = weekdays.partition_point(|w| w.sentence.is_none_or(|ws| ws + EVENT_REACH <= s));
    weekdays
        .get(lo..)
        .unwrap_or_default()
        .iter()
        .take_while(move |w| {
            w.sentence
                .is_some_and(|ws| ws < s.saturating_add(EVENT_REACH))
        })
}

/// A date written without its year (nor weekday), possibly after "since": the date, month and
/// day.
type YearlessDate<'a> = (&'a crate::time::Temporal, u32, u32);

/// The dates of the article written without a year or weekday ("October 10", "since Jan. 13").
fn yearless_dates(a: &Analysis) -> Vec<YearlessDate<'_>> {
    a.dates
        .iter()
        .filter_map(|t| {
            let raw = match &t.raw {
                Raw::Since(inner) => inner.as_ref(),
                r => r,
            };
            match raw {
                Raw::Date {
                    y: None,
                    m,
                    d,
                    wd: None,
                } => Some((t, *m, *d)),
                _ => None,
            }
        })
        .collect()
}

/// How strongly a far year-less date and bare weekday `w` tell one event (a shared time of
/// day first, then shared words), or none when they cannot.
fn pair_strength(
    a: &Analysis,
    ctx: &mut PairContext,
    &(t, m, d): &YearlessDate,
    after: Option<(u32, u32)>,
    w: &crate::time::Temporal,
) -> Option<usize> {
    let (pd, explicit_years) = (ctx.pd, ctx.explicit_years);
    let text = &a.text;
    let ts = t.sentence?;
    let ws = w.sentence?;
    // the same event is told in the same or a neighbouring paragraph (checked first: it is
    // cheap, and the pairs are many in a long text)
    let para = |s: usize| a.article.sentences.get(s).map_or(0, |x| x.paragraph);
    if para(ts).abs_diff(para(ws)) > 2 || ts.abs_diff(ws) >= EVENT_REACH {
        return None;
    }
    // "said on Saturday" dates the saying, not the event the quote tells of
    if crate::time::tense::dates_a_saying(text, w.span.start) {
        return None;
    }
    let mut strength = ctx.scorer.score(a, ts, ws);
    if strength < 2 {
        return None;
    }
    // a day told as coming under a modal or the future ("could carry him into the
    // primary on March 1") that fits the year after the dateline is that coming day
    let coming = || told_as_coming(a, t) || told_as_coming(a, w);
    if w.raw.weekday().is_some_and(|wd| {
        best_year(pd.year(), &pair_years(pd, m, d, wd, explicit_years)) == Some(pd.year() + 1)
    }) && coming()
    {
        return None;
    }
    let same_time = after.is_some_and(|tm| ctx.scorer.times_in(a, ws).contains(&tm));
    if !same_time && !one_event(a, t, w) {
        return None;
    }
    if same_time {
        strength += 10;
    }
    Some(strength)
}

/// True when the date at `start` follows a word that ends a stretch of time ("until", "till",
/// "through": a deadline word that also joins a range): "was granted an extension until June 2
/// on Monday" sets on Monday a stretch that ends on June 2, two days of two events.
fn ends_a_stretch(text: &str, start: usize) -> bool {
    let (_, word) = crate::text::word_before(text, start, crate::text::Gap::Spaces);
    let lower = word.to_ascii_lowercase();
    crate::time::lexicon::DEADLINE.contains(lower.as_str())
        && crate::time::lexicon::RANGE_TO.contains(lower.as_str())
}

/// The finding for a year-less date and weekday `w` telling one event, when the weekday fits
/// the date only in years other than the dateline's.
fn weekday_verdict(
    a: &Analysis,
    p: &Published,
    (t, m, d): YearlessDate,
    w: &crate::time::Temporal,
    explicit_years: &[i32],
) -> Option<Verdict> {
    let text = &a.text;
    let pd = p.date;
    let wd = w.raw.weekday()?;
    let years = pair_years(pd, m, d, wd, explicit_years);
    if years.is_empty() || years.contains(&pd.year()) {
        return None;
    }
    let best = best_year(pd.year(), &years)?;
    let fits = NaiveDate::from_ymd_opt(best, m, d)?;
    let others: Vec<String> = years
        .iter()
        .filter(|y| **y != best)
        .map(|y| y.to_string())
        .collect();
    let also = if others.is_empty() {
        String::new()
    } else {
        format!(" (or {})", others.join(", "))
    };
    let wname = weekday_name(wd);
    Some(Verdict {
        span: t.span,
        message: format!(
            "The dateline says {}, but the body dates the same event both '{}' and '{}': {} was a {wname} in {best}{also}, not in {}. The body fits a dateline of {} or a few days after.",
            p.display(),
            w.span.slice(text),
            t.span.slice(text),
            fits.format("%B %-d"),
            pd.year(),
            fits.format("%Y-%m-%d"),
        ),
        fits: Some(fits),
        related: vec![(w.span, format!("'{}' is a {wname}", w.span.slice(text)))],
    })
}

/// True when a far year-less date `t` and a bare weekday `w` may tell one event, short of a
/// time of day both give. A bare weekday lies within the week of a true dateline, so a date
/// long before or after it tells another event (the crash a charge follows) unless both sit
/// in one clause: in one sentence with no verb of its own between them ("into the Tuesday
/// ballot on March 1", not "charged on Tuesday the driver who crashed … on October 1").
fn one_event(a: &Analysis, t: &crate::time::Temporal, w: &crate::time::Temporal) -> bool {
    let Some(s) = t.sentence.and_then(|i| a.article.sentences.get(i)) else {
        return false;
    };
    t.sentence == w.sentence
        && !names_a_dated_thing(&a.text, s.span, t.span)
        && !crate::time::tense::verb_between(&a.text, s.span, t.span, w.span)
        && !range_ends(&a.text, t.span, w.span)
        && !days_set_apart(&a.text, t.span, w.span)
        && !fronted_clause_apart(&a.text, s.span, t.span, w.span)
        && !relative_clause_apart(&a.text, s.span, t.span, w.span)
        && !coordinated_clause_apart(&a.text, t.span, w.span)
        && !reported_clause_apart(&a.text, t.span, w.span)
}

/// True when a reporting verb's "-ing" form stands between two date expressions ("told
/// Newswire on Wednesday, adding May 3 was a likely date"): the first dates the telling, the
/// second the thing told, two events.
fn reported_clause_apart(text: &str, x: crate::text::Span, y: crate::text::Span) -> bool {
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    text.get(first.end..second.start).is_some_and(|gap| {
        gap.split(|c: char| !c.is_alphabetic())
            .any(|w| w.ends_with("ing") && crate::lexicon::sets::SAYING_WORDS.contains(w))
    })
}

/// The text of sentence `s` before the first of two date expressions, and the text between them.
fn head_and_gap(
    text: &str,
    s: crate::text::Span,
    x: crate::text::Span,
    y: crate::text::Span,
) -> Option<(&str, &str)> {
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    Some((
        text.get(s.start..first.start)?,
        text.get(first.end..second.start)?,
    ))
}

/// True when the first of two date expressions of the sentence `s` lies in a relative clause
/// set off by a comma (", which …", ", who …") that a comma closes between the two ("the mill,
/// which must reopen by law on May 4, on Friday named a new chief"): the clause tells another
/// event than the one the main clause dates.
fn relative_clause_apart(
    text: &str,
    s: crate::text::Span,
    x: crate::text::Span,
    y: crate::text::Span,
) -> bool {
    let Some((head, gap)) = head_and_gap(text, s, x, y) else {
        return false;
    };
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    let opener = head
        .get(comma + 1..)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("")
        .to_lowercase();
    (opener == "which" || opener == "who") && gap.contains(',')
}

/// True when a conjunction between two date expressions opens a clause of its own and the
/// second expression has a preposition of its own ("signups opened on Friday and scoring
/// starts on March 13"): two clauses, two events. Right after the conjunction ("on Friday and
/// on March 13") the two are a list of days.
fn coordinated_clause_apart(text: &str, x: crate::text::Span, y: crate::text::Span) -> bool {
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    let Some(gap) = text.get(first.end..second.start) else {
        return false;
    };
    let words: Vec<String> = gap
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some(and) = words.iter().position(|w| w == "and" || w == "but") else {
        return false;
    };
    words.len() >= and + 4
        && words
            .last()
            .is_some_and(|w| crate::lexicon::sets::PREPOSITIONS.contains(w.as_str()))
}

/// True when a date is a noun's modifier after an article ("an Aug. 16 memo", "the March 3
/// cable"): it names a thing by the day it is dated, not the event of its clause, so a weekday
/// of the same sentence dates another event.
fn names_a_dated_thing(text: &str, sentence: crate::text::Span, date: crate::text::Span) -> bool {
    let toks = crate::text::tokenize(text, sentence);
    let Some(i) = toks.iter().position(|t| t.span.start >= date.start) else {
        return false;
    };
    let Some(j) = toks.iter().position(|t| t.span.start >= date.end) else {
        return false;
    };
    let lead = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| crate::lexicon::sets::ARTICLES.contains(t.text));
    lead && toks.get(j).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word
            && t.text.starts_with(|c: char| c.is_ascii_lowercase())
            && !crate::lexicon::sets::NOUN_STOP_SET.contains(t.text)
    })
}

crate::word_set!(
    /// Conjunctions opening a clause set before the main clause ("While …, …").
    FRONTED_OPENERS = file "fronted-clause-openers.txt"
);

/// True when the sentence `s` opens with a conjunction of a clause set before the main one and
/// the comma closing that clause lies between the two expressions, with words after it ("While
/// the fund was to start on July 1, leaders meeting on Thursday agreed …"): the clause and the
/// main clause tell two events. A weekday and its date written together ("on Thursday, July 1")
/// are one expression's two halves, not two clauses.
fn fronted_clause_apart(
    text: &str,
    s: crate::text::Span,
    x: crate::text::Span,
    y: crate::text::Span,
) -> bool {
    let Some((head, gap)) = head_and_gap(text, s, x, y) else {
        return false;
    };
    let opener = head
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if head.contains(',') || !FRONTED_OPENERS.contains(opener.to_lowercase().as_str()) {
        return false;
    }
    gap.split_once(',')
        .is_some_and(|(_, rest)| rest.split_whitespace().count() > 1)
}

crate::word_set!(
    /// Words between a weekday and a date of one sentence that set the two days apart ("on
    /// Tuesday after the storm on March 11", "down from a peak on March 1").
    PAIR_BREAK = file "date-function-words.tsv", tag "pair-break"
);

/// True when the words between two date expressions hold a word that sets one day apart from
/// the other ("on Tuesday after suffering damage in the storm on March 11", "closed on Friday,
/// down from a peak on March 1"): two days, never one event.
fn days_set_apart(text: &str, x: crate::text::Span, y: crate::text::Span) -> bool {
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    text.get(first.end..second.start).is_some_and(|gap| {
        gap.split(|c: char| !c.is_alphanumeric())
            .any(|w| PAIR_BREAK.contains(w.to_lowercase().as_str()))
    })
}

/// True when two date expressions are the two ends of a range or a pair, joined by nothing but
/// a range word, "and" or a dash ("from Sept. 14 to Thursday", "March 3 and Friday"): two
/// different days, never one event.
fn range_ends(text: &str, x: crate::text::Span, y: crate::text::Span) -> bool {
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    let Some(gap) = text.get(first.end..second.start) else {
        return false;
    };
    let word = gap.trim().to_lowercase();
    matches!(word.as_str(), "-" | "–" | "—")
        || crate::time::lexicon::RANGE_TO.contains(word.as_str())
        || crate::time::lexicon::YEAR_PAIR.contains(word.as_str())
}

/// The years near the dateline `pd` in which month `m`, day `d` fell on weekday `wd`, none
/// before a year the text tells as past (`explicit_years`).
fn pair_years(
    pd: NaiveDate,
    m: u32,
    d: u32,
    wd: chrono::Weekday,
    explicit_years: &[i32],
) -> Vec<i32> {
    (pd.year() - 6..=pd.year() + 6)
        .filter(|y| NaiveDate::from_ymd_opt(*y, m, d).is_some_and(|x| x.weekday() == wd))
        .filter(|y| explicit_years.iter().all(|e| e <= y))
        .collect()
}

/// The year a weekday/date pair points to when it does not fit the dateline's: stale header
/// dates are the common failure, so the nearest year after the dateline, else the nearest
/// before it.
fn best_year(header_year: i32, years: &[i32]) -> Option<i32> {
    years
        .iter()
        .filter(|y| **y > header_year)
        .min()
        .or_else(|| years.iter().filter(|y| **y < header_year).max())
        .copied()
}

/// The time of day written right after a date ("October 10, 12:00").
fn time_after(a: &Analysis, t: &crate::time::Temporal) -> Option<(u32, u32)> {
    a.dates.iter().find_map(|x| match x.value {
        Value::Time { hour, minute, .. }
            if x.span.start >= t.span.end && x.span.start <= t.span.end + 3 =>
        {
            Some((hour, minute))
        }
        _ => None,
    })
}

/// What every pair of a far date and a weekday is weighed with (see [`pair_strength`]).
struct PairContext<'y> {
    /// The dateline's day.
    pd: NaiveDate,
    /// Years the text tells as past.
    explicit_years: &'y [i32],
    /// Shared words and times of day of sentences, remembered.
    scorer: EventScorer,
}

fn from_later_years(a: &Analysis, p: &Published) -> Option<Verdict> {
    let text = &a.text;
    let limit = crate::time::add_days(p.latest(), 31)?;
    // what makes a date an event told as done, whenever it fell
    let told_done = |t: &crate::time::Temporal| {
        t.tense == Tense::Past
            && !crate::time::modifier_year(text, t)
            && !super::evidence::opening_modifier_year(a, t)
            // "notes due May 1, 2031": a term set in advance, whatever the verb's tense
            && !super::evidence::after_term_word(text, t.span.start)
            && !super::evidence::year_for(text, t)
            && !super::evidence::described_year(a, t)
            && !super::evidence::second_end_of_range(a, t)
            // "sales could reach 50 units by 1990, he said": told past by its reporting verb only
            && !super::evidence::not_told_as_done(a, t)
    };
    let later: Vec<_> = a
        .dates
        .iter()
        .filter(|t| t.year_stated())
        .filter(|t| t.value.first_day().is_some_and(|d| d > limit))
        // "03-04-2016" read the other way round may be no later
        .filter(|t| super::evidence::swapped_reading(text, t).is_none_or(|d| d > limit))
        .filter(|t| told_done(t))
        // "… in 1988 were cut, and in 1989 to 700 mln": told as the date beside it is
        .filter(|t| super::evidence::gapped_parallel(a, t).is_none_or(told_done))
        // "approved a launch in 2031" where "the 2031 timeline would be tight": an outlook
        .filter(|t| !super::evidence::year_told_ahead(a, t))
        .collect();
    // an "Updated: …" stamp is no event told in the past: reached here, a stamp of the page
    // agreed with the header, and a page may be updated long after
    let later: Vec<_> = if later.is_empty() {
        later
    } else {
        let updates: Vec<_> = publication_lines(a)
            .into_iter()
            .filter(|l| l.updated)
            .map(|l| l.span)
            .collect();
        // nor is a gallery's caption: the slides may be updated long after the story
        let gallery = super::evidence::gallery_start(text).unwrap_or(usize::MAX);
        later
            .into_iter()
            .filter(|t| !updates.contains(&t.span) && t.span.start < gallery)
            .collect()
    };
    if !super::evidence::later_dates_corroborated(later.iter().copied()) {
        return None;
    }
    let last = later.iter().max_by_key(|t| t.value.first_day())?;
    let day = last.value.first_day()?;
    let full_date = matches!(last.value, Value::Date(_));
    Some(Verdict {
        span: last.span,
        message: format!(
            "The dateline says {}, but the body tells of '{}' in the past tense{}: the article cannot have been published before {}.",
            p.display(),
            last.span.slice(text),
            if later.len() > 1 { format!(" (and {} more such dates)", later.len() - 1) } else { String::new() },
            if full_date { day.format("%Y-%m-%d").to_string() } else { day.format("%Y").to_string() }
        ),
        fits: full_date.then_some(day),
        related: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    fn run(text: &str) -> Vec<crate::rules::Finding> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .collect()
    }

    /// `t` with one more sentence that tells `year` as the time of a done event: one bare year
    /// in one sentence proves nothing (`evidence::later_dates_corroborated`), so a test of
    /// whether a year counts as told needs a second one beside it.
    fn told_again(t: &str, year: &str) -> String {
        format!("{t}\nVelmar Corp grew again in {year}.\n")
    }

    #[test]
    fn coming_years_told_in_a_past_clause_leave_the_dateline_alone() {
        let t = " date 1989-03-02 Harvest plan agreed\n\nBHUTAN, March 2 - The cabinet agreed to raise rice output to two mln tonnes by 1991, the minister said. Exports could reach 40,000 tonnes in 1990, officials said. The board extended the credit line until June 30, 1990, and said payments start from early 1990. The 9 pct notes of 2004 fell 1/4 and the 7-1/4s of 2001 were unchanged. Growers sold 1.2 mln tonnes in the 1989/90 season, it said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a past verb the year hangs on is still a contradiction
        let done = t.replace(
            "The 9 pct notes",
            "The new dam was completed on April 1, 1991. The 9 pct notes",
        );
        let f = run(&done);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("1991-04-01"), "{}", f[0].message);
    }

    #[test]
    fn weekday_and_date_of_the_same_event_fix_the_year() {
        let t = " date 2017-07-11 A truce came into force at noon on Saturday, the mediators said.\n\n\"The truce announced for the exchange of prisoners, effective as of October 10, 12:00, was broken,\" the army said.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span.slice(t), "2017-07-11");
        assert!(f[0].message.contains("2020"), "{}", f[0].message);
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2020-10-10")
        );
    }

    #[test]
    fn a_follow_up_weekday_and_an_older_events_date_tell_two_events() {
        // the charging is this week, the crash months back: October 1 is a Tuesday in 2019,
        // but "Tuesday" and "October 1" belong to two verbs
        let t = " date 2016-01-20 Prosecutors on Tuesday charged the driver who steered a van into the fair crowd on October 1 with six counts of homicide.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // the same in two sentences sharing words, with no time of day in common
        let t = " date 2016-01-20 Prosecutors charged the van driver on Tuesday with six counts of homicide.\n\nThe van driver steered into the fair crowd on October 1, prosecutors said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a weekday written with its date is one event: a wrong-year header is still caught
        let t = " date 2018-10-03 On Tuesday, October 1, the driver steered a van into the fair crowd, prosecutors said.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("2019"), "{}", f[0].message);
    }

    #[test]
    fn a_weekday_and_a_date_set_apart_in_one_sentence_tell_two_days() {
        // March 11 is a Tuesday in 2025, March 1 a Friday in 2024: each
        // pair is two days, the recent weekday and an older or coming date
        for t in [
            " date 2021-05-18 The Velmar Corp plant in Tessaly was back to full output on Tuesday after suffering damage in the flood on March 11, the company said.\n",
            " date 2021-08-16 Velmar Corp shares closed on Friday at 4.10 crowns, down from a peak of 6.20 crowns on March 1, dealers said.\n",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
        // the weekday of the date itself, set beside it, is still one day
        let t = " date 2021-05-18 The Velmar Corp plant in Tessaly was shut by the Tuesday flood on March 11, the company said.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }

    #[test]
    fn a_weekday_that_recurs_dates_no_event() {
        // March 30 is a Thursday in 2000, not in 1998: "each Thursday" is a timetable
        let t = " date 1998-02-12 The ferry line adds crossings.\n\nThe line said new boats leave the harbour from March 30, with a third boat leaving the harbour each Thursday.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        let once = t.replace("each Thursday", "on Thursday");
        assert_eq!(run(&once).len(), 1, "{:?}", run(&once));
    }

    #[test]
    fn a_pair_told_as_coming_under_a_modal_fits_the_next_year() {
        // March 1 is a Tuesday the year after the header: a coming vote, no stale header
        let coming = " date 2015-11-20 Polls open soon.\n\nA strong autumn could help carry the mayor through the winter debates and into the Tuesday county ballot on March 1, aides said.\n\nThe county ballot on Tuesday decides the race.\n";
        assert!(run(coming).is_empty(), "{:?}", run(coming));
        // the same pair told as past still contradicts the header
        let past = " date 2015-11-20 Polls closed.\n\nA strong autumn carried the mayor through the winter debates and into the Tuesday county ballot on March 1, aides said.\n\nThe county ballot on Tuesday decided the race.\n";
        assert_eq!(run(past).len(), 1, "{:?}", run(past));
        // a past possibility ("could have") is no coming day
        let had = " date 2015-11-20 Polls closed.\n\nThe mayor could have won the Tuesday county ballot on March 1, aides said.\n\nThe county ballot on Tuesday decided the race.\n";
        assert_eq!(run(had).len(), 1, "{:?}", run(had));
    }

    #[test]
    fn weekday_dated_days_of_a_later_month_move_the_header_not_the_weekday() {
        let t = " date 2021-03-06 Road crews packed up their cones.\n\nThe county said Wednesday, July 28, that the ferry would sail again soon. Repairs should end Friday, July 30, and the first boat leaves Monday, August 2.\n";
        let a = Analysis::new(t);
        let all = crate::rules::run(&a, &Config::default());
        assert!(
            all.iter().all(|f| f.rule != "date-weekday-mismatch"),
            "{all:?}"
        );
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2021-07-28")
        );
        // the same days written in the week of the dateline are clean
        let t = " date 2021-07-29 The county said Wednesday, July 28, that the ferry would sail again. Repairs should end Friday, July 30.\n";
        assert!(crate::rules::run(&Analysis::new(t), &Config::default()).is_empty());
    }

    #[test]
    fn weekday_dated_days_of_the_next_year_move_the_header_year() {
        // March 14 fell on a Sunday in 2021: a 2022 header is a year late
        let t = " date 2022-03-10 Divers searched the lake after the boat sank on Sunday, March 14, near the old pier.\n\nThe harbour master said crews had warned of the ice on Saturday, March 13.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2021-03-10")
        );
        // and a 2020 header a year early (a Saturday then)
        let early = t.replace("2022-03-10", "2020-03-10");
        let f = run(&early);
        assert_eq!(
            f.first()
                .and_then(|x| x.fix.as_ref())
                .map(|x| x.replacement.as_str()),
            Some("2021-03-10"),
            "{f:?}"
        );
        // the right year is clean, and a date written in the header's year speaks for it
        assert!(run(&t.replace("2022-03-10", "2021-03-16")).is_empty());
        let dated = t.replace(
            "near the old pier",
            "near the pier rebuilt on January 5, 2022",
        );
        assert!(run(&dated).is_empty(), "{:?}", run(&dated));
        // days that disagree on the year prove nothing about the header
        let mixed = t.replace("Saturday, March 13", "Tuesday, March 15");
        assert!(run(&mixed).is_empty(), "{:?}", run(&mixed));
    }

    #[test]
    fn publication_line_disagreeing_with_the_header() {
        let t = " date 2017-07-11  Storm floods the coast | News | The Gazette | 06.11.2020\n\nThe storm hit overnight.\n";
        let f = run(t);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2020-11-06")
        );
        let ok = " date 2020-11-06  Storm floods the coast | News | The Gazette | 06.11.2020\n\nThe storm hit overnight.\n";
        assert!(run(ok).is_empty());
    }

    #[test]
    fn a_dividend_tables_pay_line_is_no_publication_line() {
        let t = " date 1989-03-02 Mongolia wool fund sets payout\n\nULAANBAATAR, March 2 - Qtly div 12 cts vs 12 cts\n\nPay  July  14, 1989\n\nRecord March 30, 1989\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
    }

    #[test]
    fn a_relative_clause_or_a_clause_after_and_dates_another_event() {
        // June 14 was a Friday in 2019 and 2024, not in 2021: read as one event, the two
        // would move the dateline
        for t in [
            " date 2021-03-03 Velmar in court\n\nVelmar, which must appear before the Tessaly court on June 14, on Friday called the charge wrong.\n",
            " date 2021-03-03 Velmar game opens\n\nThe Velmar game opened for signups on Friday and points start accruing on June 14.\n",
            // the weekday dates the telling, the date the thing told
            " date 2021-03-03 Velmar to launch\n\nTwo people told Newswire on Friday, adding June 14 was a likely date for the launch.\n",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }

    #[test]
    fn the_end_of_a_stretch_from_now_is_no_past_day() {
        let t = told_again(
            " date 2021-03-03 Velmar plan\n\nVelmar said its board approved spending 40 million between now and June 30, 2024 on the Tessaly mills.\n",
            "2024",
        );
        assert!(run(&t).is_empty(), "{:?}", run(&t));
        let done = t.replace("between now and", "on");
        assert_eq!(run(&done).len(), 1, "{:?}", run(&done));
    }

    #[test]
    fn the_two_ends_of_a_range_are_not_one_event() {
        // "from <date> to <weekday>": a buying spree's first and last days, not one day
        let t = " date 2017-01-02  Shares changed hands\n\nThe fund bought 40,000 shares from Nov. 17 to Thursday at $5 to $6 each, the filing showed.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
    }

    #[test]
    fn a_numeric_stamp_read_either_way_agrees_when_one_reading_fits() {
        // day and month may trade places: read day first, the stamp is the header's day
        let t = " date 2019-05-02  Ferry delayed by fog | Harbour desk | Updated: 02-05-2019 09:10\n\nThe ferry left late.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // neither reading fits: still a contradiction
        let off = t.replace("02-05-2019", "03-08-2019");
        assert_eq!(run(&off).len(), 1);
        // a day above twelve leaves one reading only
        let one = t.replace("02-05-2019", "11-20-2019");
        assert_eq!(run(&one).len(), 1);
        // a dotted date is read day first: 02.05.2019 is the 2nd of May, not the 5th of February
        let dotted = t
            .replace("2019-05-02", "2019-02-05")
            .replace("02-05-2019", "02.05.2019");
        assert_eq!(run(&dotted).len(), 1);
    }

    #[test]
    fn years_an_appositive_or_an_outlook_describes_are_no_past_events() {
        let t = " date 2021-05-03 Okafor, herself up for a vote in 2023, said she voted against the levy.\n\nOkafor said of the prospects for a new levy in 2022 that talks had stalled.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // told as events, the same years are evidence
        let told = t
            .replace("herself up for a vote", "who lost a vote")
            .replace("the prospects for", "talks that stalled on");
        assert_eq!(run(&told).len(), 1, "{:?}", run(&told));
    }

    #[test]
    fn a_gallery_after_the_story_is_no_past_event() {
        // the slides of a gallery under the story were updated after it was published
        let t = " date 2021-02-10 The first two council members endorsed the mayor on Wednesday.\n\nCouncil Candidates.\n\n1.\n\nof.\n\n12.\n\nJo Example — Announced March 2, 2020\nExample left the race May 4, 2021.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // the same line in the story is evidence
        let told = t.replace("\n\n1.\n\nof.\n\n12.", "");
        assert_eq!(run(&told).len(), 1, "{:?}", run(&told));
    }

    #[test]
    fn a_season_split_over_two_years_is_no_past_event() {
        let t = " date 1989-03-02 Quota talks\n\nBHUTAN, March 2 - Wool exports rose to 4.5 pct of output by 1990-91, the board said.\n";
        assert!(run(t).is_empty());
    }

    #[test]
    fn past_events_years_after_the_dateline() {
        let t = " date 2017-07-11 The mayor resigned on March 3, 2020, after a vote.";
        let f = run(t);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("March 3, 2020"));
    }

    #[test]
    fn a_stretch_since_a_day_is_not_the_event_of_its_weekday() {
        // the team came back on a Thursday; "since" only says when the last visit was
        let t = " date 2003-06-20 The survey team, which returned Thursday, made its first visit to the plant since Feb. 11, the agency said.\n\nThe team visited the plant Thursday for the first time, the agency said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
    }

    #[test]
    fn the_end_of_a_stretch_is_not_the_event_of_its_weekday() {
        // Monday dates the filing; June 2 ends what was sought (a Monday only in other years)
        let t = " date 2021-03-23 Velmar wants more time\n\nVelmar Corp sought the extension until June 2 in a filing with the court in Tessaly on Monday, citing weak markets.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        let won = " date 2021-03-23 Velmar wins more time\n\nVelmar Corp won permission on Monday to keep control of its case through June 2 as it seeks a loan.\n";
        assert!(run(won).is_empty(), "{:?}", run(won));
        // a day the weekday's event falls on is still one event
        let t = t.replace("until June 2", "on June 2");
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
    }

    #[test]
    fn a_month_in_a_phrase_describing_a_name_is_no_past_event() {
        for t in [
            " date 2021-03-04 Velmar bill\n\nThe bill \"will end the abuse,\" Halvik, a contender for the party nomination for the election in November 2022, said in a statement.\n",
            " date 2021-03-04 Velmar bill\n\nThe report came as Tessaly, the host of the trade summit in November 2021, has proposed new swap lines.\n",
        ] {
            assert!(run(t).is_empty(), "{:?}", run(t));
        }
        // a phrase with a verb of its own tells its event
        let t = " date 2021-03-04 Velmar bill\n\nThe bill \"will end the abuse,\" Halvik, who won the party nomination in November 2022, said in a statement.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }

    #[test]
    fn dates_listed_before_a_noun_of_a_term_name_it() {
        let t = " date 2021-03-04 Velmar options\n\nTrading was strong earlier this month, mostly in January 2023 and May 2022 expirations, but it has faded, the desk said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a verb after the noun makes the dates the clause's time
        let t = " date 2021-03-04 Velmar options\n\nOrders fell in January 2023 and May 2022 deliveries rose, the desk said.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }

    #[test]
    fn weekday_dated_days_of_the_year_the_sentence_names() {
        // the days fit the year before, and the sentence says so
        let t = " date 2022-06-01 The street market opens again this week.\n\nLast year the market ran from Friday, June 4, through Sunday, June 6, and sold out.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // without it, the header's year is off
        let t = t.replace("Last year the", "The");
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
    }

    #[test]
    fn the_year_a_plan_is_for_is_no_past_event() {
        for t in [
            " date 2019-05-01 The mayor, who took office in 2017, said the plan was approved for 2021.\n",
            " date 2019-05-01 The council approved a budget for fiscal 2020 on Tuesday.\n",
            // a stretch after "for the period" is what a figure is for
            " date 2019-05-01 The average price of Velmar contracts for the period from April 1, 2020 to March 31, 2021 was 70 pence on Tuesday.\n",
        ] {
            assert!(run(t).is_empty(), "{:?}", run(t));
        }
        // a year the event is told in still counts
        let t = told_again(
            " date 2019-05-01 The mayor said the plan was approved in 2021.\n",
            "2021",
        );
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
        // said once, in one sentence, a coming year is no proof
        let once = " date 2019-05-01 The mayor said the plan was approved in 2021.\n";
        assert!(run(once).is_empty(), "{:?}", run(once));
    }

    #[test]
    fn a_year_opening_a_title_before_a_noun_names_what_it_is_for() {
        let t =
            " date 2019-05-01 2020 TESSALY BUDGET CLEARED BY COUNCIL\n\nThe council approved it.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        let t = " date 2019-05-01 Title\n\n2020 output targets were cut by Velmar Corp.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a year opening a sentence before its verb or a comma is a date
        let t = told_again(
            " date 2019-05-01 Title\n\n2020 saw a slump at Velmar Corp.\n",
            "2020",
        );
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
        let t = told_again(
            " date 2019-05-01 Title\n\n2020, the year of the slump, ended badly for Velmar Corp.\n",
            "2020",
        );
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
    }

    #[test]
    fn a_date_in_a_clause_without_its_verb_is_told_as_the_one_beside_it() {
        // "payments in 2021" is a term, and so is the "in 2022" of the clause after "and"
        let t = " date 2019-05-01 Payments in 2021 were cut to 40 mln from 90 mln, and in 2022 to 70 mln from 99 mln.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a done event in the first clause is one in the second too
        let t = told_again(
            " date 2019-05-01 Velmar Corp reduced its staff in 2018, and in 2021 by another 70.\n",
            "2021",
        );
        assert_eq!(run(&t).len(), 1, "{:?}", run(&t));
    }

    #[test]
    fn the_second_end_of_a_range_tells_no_date_of_its_own() {
        let t = " date 2004-02-10 The county paid the loans it took between 2001 and 2006, the treasurer said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // two dates listed are each told
        let listed = told_again(
            " date 2004-02-10 The county paid its loans in 2001 and in 2006, the treasurer said.\n",
            "2006",
        );
        assert_eq!(run(&listed).len(), 1, "{:?}", run(&listed));
    }

    #[test]
    fn a_term_set_off_by_several_words_is_no_past_event() {
        // a period's edge, a quotation's ellipsis or the far end of a span between the term
        // word and its date; the same dates told as events are evidence
        for (t, event) in [
            (
                " date 2004-02-10 Velmar Corp had sold the Tessaly plant by the end of 2006, the owners said.\n",
                ("by the end", "at the end"),
            ),
            (
                " date 2004-02-10 The board kept its cheap loans open \"until ... June 30, 2006,\" Ondrej Halvik said.\n",
                ("until ... ", "on "),
            ),
            (
                " date 2004-02-10 The Tessaly bond curve flattened all the way out to May 2006, dealers said.\n",
                ("all the way out to", "in"),
            ),
        ] {
            let t = told_again(t, "2006");
            assert!(run(&t).is_empty(), "{t}: {:?}", run(&t));
            let told = t.replace(event.0, event.1);
            assert_eq!(run(&told).len(), 1, "{told}: {:?}", run(&told));
        }
    }

    #[test]
    fn a_year_also_told_as_coming_is_an_outlook() {
        let t = " date 2004-02-10 Velmar Corp said its board approved the Tessaly car in 2006.\n\nRivals sold such cars in 2006, Ondrej Halvik said.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
        // the same year seen ahead elsewhere: the writer looks forward to it
        for coming in [
            "Halvik said the 2006 date would be hard to meet.",
            "Halvik said the car would reach shops in 2006.",
        ] {
            let ahead = t.replace("Rivals", &format!("{coming} Rivals"));
            assert!(run(&ahead).is_empty(), "{ahead}: {:?}", run(&ahead));
        }
    }

    #[test]
    fn a_date_in_a_clause_set_before_the_main_one_is_another_event() {
        // July 1 was a Thursday in 2010, not in 2012: the fund's start and the Thursday the
        // papers were seen are two events
        let t = " date 2012-06-24 While the Tessaly fund was meant to open on July 1, papers seen by Ondrej Halvik on Thursday showed it would open on July 9.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // with no clause set before the main one, the two are read as one event
        let t = " date 2012-06-24 The Tessaly fund opened on July 1, papers seen by Ondrej Halvik on Thursday showed.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }

    #[test]
    fn a_date_naming_a_dated_thing_is_another_event() {
        // August 16 was a Wednesday in 2017, not in 2013: the hearing is this week, the memo
        // is older; the memo is named by its date
        for t in [
            " date 2013-01-24 Tessaly lawmakers questioned Ondrej Halvik on Wednesday about the safety budget. Another issue Wednesday dealt with an Aug. 16 memo from Velmar Corp that warned of a leak.\n",
            " date 2013-01-24 Wednesday's hearing over an Aug. 16 memo from Velmar Corp drew a crowd.\n",
        ] {
            assert!(run(t).is_empty(), "{:?}", run(t));
        }
        // the same day told as the event of the clause still fixes the year
        let t = " date 2013-01-24 Wednesday's hearing on Aug. 16 over a Velmar Corp memo drew a crowd.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }

    #[test]
    fn a_term_set_in_advance_is_no_past_event() {
        // the date a loan or lease falls due lies ahead whatever the clause's verb
        for t in [
            " date 2004-02-10 The water board repaid the last of its bonds due June 30, 2019, the treasurer said.\n",
            " date 2004-02-10 The depot lease, expiring in 2027, was signed by the county.\n",
            " date 2004-02-10 The ferry levy, repayable in early 2027, was set by the county.\n",
            " date 2004-02-10 The payment date was given as June 30, 2019, the treasurer said.\n",
        ] {
            assert!(run(t).is_empty(), "{:?}", run(t));
            // the same dates told as events are evidence
            let told = told_again(t, "2027")
                .replace("bonds due", "bonds on")
                .replace("expiring", "renewed")
                .replace("repayable", "paid")
                .replace("payment date was given as", "last payment was made on");
            assert_eq!(run(&told).len(), 1, "{:?}", run(&told));
        }
    }

    #[test]
    fn a_deadline_a_term_noun_or_a_moved_day_is_no_past_event() {
        for t in [
            // "by" bounds the event from above: it tells no day of it
            " date 2004-02-10 The mill in paraguay had been put up for sale by June 30, 2006, the owners said.\n",
            // a noun whose value is a day, after the date or before it
            " date 2004-02-10 The board backed a March 1, 2006, deadline for the new levy.\n",
            " date 2004-02-10 The ferry line placed an order for two hulls for May 2006 delivery.\n",
            " date 2004-02-10 Payments in 2006 were cut to four mln from nine mln, the ministry said.\n",
            // a futures contract named by its month
            " date 2004-02-10 Trading opened slowly, led by the September 2006 contract, dealers said.\n",
            // a phrasal verb of a change of schedule, and a verb of an estimate
            " date 2004-02-10 The wage rises planned for 2008 were brought forward to 2006.\n",
            " date 2004-02-10 The broker had earlier estimated profits of two dlrs a share in 2006.\n",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
        // the same years told as the time of a done event are evidence (a month on its own, a
        // bare year with another told beside it)
        for t in [
            " date 2004-02-10 The mill in paraguay was put up for sale in June 2006, the owners said.\n".to_string(),
            told_again(" date 2004-02-10 In 2006 deliveries of the hulls fell by half, the ferry line said.\n", "2006"),
            told_again(" date 2004-02-10 The wage rises were paid in 2006.\n", "2006"),
        ] {
            assert_eq!(run(&t).len(), 1, "{t}: {:?}", run(&t));
        }
    }

    #[test]
    fn quoted_posts_and_labelled_release_dates_after_the_dateline() {
        let t = " date 2019-01-04 Crews closed the bridge.\n\nThe bridge is shut until further notice. — Road Office (@roadoffice) May 3, 2019\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2019-05-03")
        );
        // a post stamped within the month after the header is no proof
        assert!(run(&t.replace("2019-01-04", "2019-04-20")).is_empty());
        let t = " date 2019-01-04 Office notice\n\nDATE: May 3, 2019 9:15:02 AM CDT\n\nOfficers are looking into a fire at a depot.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(run(&t.replace("2019-01-04", "2019-05-03")).is_empty());
    }

    #[test]
    fn an_update_stamp_above_the_publication_stamp_does_not_outvote_it() {
        let t = " date 2020-01-05 Ferry fares rise\n\nUpdated: March 3, 2021\n\nPublished: January 5, 2020\n\nFares go up next month.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // with no publication stamp, a late update stamp still speaks
        let only = t.replace("Published: January 5, 2020\n\n", "");
        assert_eq!(run(&only).len(), 1);
    }

    #[test]
    fn an_older_clip_on_a_later_page_is_no_contradiction() {
        // the clip's stamp dates the clip: a follow-up months later may show it
        let t = " date 2019-06-20 Divers found the missing kayak near the dam. (Published Friday, Feb. 1, 2019)\n\nThe search had lasted two days, the fire chief said.\n";
        assert!(run(t).is_empty(), "{:?}", run(t));
        // a clip stamped after the page's date cannot be on it
        let f = run(&t.replace("2019-06-20", "2018-06-20"));
        assert_eq!(f.len(), 1, "{f:?}");
        // the same day of the year a year earlier is a slipped header year
        let f = run(&t.replace("2019-06-20", "2020-02-01"));
        assert_eq!(
            f.first()
                .and_then(|x| x.fix.as_ref())
                .map(|x| x.replacement.as_str()),
            Some("2019-02-01"),
            "{f:?}"
        );
        // unless the body writes a date in the header's year (a story a year on)
        let on = t.replace("2019-06-20", "2020-02-01").replace(
            "the fire chief said.",
            "the fire chief said on January 30, 2020.",
        );
        assert!(run(&on).is_empty(), "{:?}", run(&on));
    }

    #[test]
    fn a_day_pinned_by_its_weekday_and_told_as_past_dates_the_story() {
        // March 7 fell on a Tuesday in 2023, not in 2022: the story is of the spring after
        let t = " date 2022-11-02 A barn burned down on the edge of town overnight.\n\nThe fire started late on Tuesday, March 7, in a hay loft, the owner said.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2023-03-07")
        );
        assert!(run(&t.replace("2022-11-02", "2023-03-08")).is_empty());
        // a coming day is no proof
        let coming = t.replace("The fire started late", "The auction will be held");
        assert!(run(&coming).is_empty(), "{:?}", run(&coming));
    }

    #[test]
    fn a_repeated_caption_dated_after_the_header_on_a_day_the_story_tells() {
        let caption = "Volunteers carry sandbags to the levee along the river road early Tuesday, May 9, 2023. Courtesy photo";
        let t = format!(
            " date 2022-05-09 Volunteers filled sandbags along the river road on Tuesday as the water rose.\n\n{caption}\n\n{caption}\n\nThe county opened a shelter at the school.\n"
        );
        let f = run(&t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2023-05-09")
        );
        assert!(run(&t.replace("2022-05-09", "2023-05-10")).is_empty());
        // written once, a present-tense sentence with a later date may tell a coming event
        let once = format!(
            " date 2022-05-09 Volunteers filled sandbags along the river road on Tuesday as the water rose.\n\n{caption}\n"
        );
        assert!(run(&once).is_empty(), "{:?}", run(&once));
        // a coming event on the weekday the story tells as past
        let coming = " date 2016-08-01 Prosecutors said Monday the murder trial of the driver would wait.\n\nThe murder trial opens Monday, Oct. 3, 2016, at the county courthouse.\n";
        assert!(run(coming).is_empty(), "{:?}", run(coming));
    }

    #[test]
    fn a_year_less_day_told_as_past_just_after_the_header() {
        // a day of the header's year, written without its year, told as past: the page is later
        let t = " date 2019-05-03 On the evening of May 4, fans packed the old square, and the stand gave way under them.\n";
        let f = run(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("2019-05-04")
        );
        assert!(run(&t.replace("2019-05-03", "2019-05-04")).is_empty());
        // days further on may be a wire's advance, told before the event for release after it
        let later = " date 2019-05-03 The stand gave way on the night of May 6, when fans packed the old square.\n";
        assert!(run(later).is_empty(), "{:?}", run(later));
        let later = later.replace("2019-05-03", "2019-05-05");
        assert_eq!(run(&later).len(), 1, "{:?}", run(&later));
        let told = |x: &str| later.replace("on the night of May 6", x);
        for clean in [
            // one day on, early or of no time: the header's day in another time zone
            t.replace("On the evening of May 4", "On May 4"),
            // the year before is written, named, or the day comes back each year
            t.replace("gave way under them.", "gave way under them.\n\nThe square reopened on March 2, 2018."),
            told("on the night of May 6 last year"),
            later.replace("The stand", "On the anniversary, the stand"),
            told("at 9 a.m. on May 6"),
            // the day a plan aimed at, whatever the verb's tense
            " date 2019-05-05 The club said the match was moved to May 6 at 8 p.m. after the stand gave way.\n".to_string(),
            " date 2019-05-05 The match was set for May 6 at 8 p.m., the club said.\n".to_string(),
        ] {
            assert!(run(&clean).is_empty(), "{clean}: {:?}", run(&clean));
        }
    }

    #[test]
    fn consistent_articles_are_clean() {
        assert!(run(" date 2031-03-13 Ostrenko on Thursday urged calm, the Council said. The growers are invited to Asunción on 14 March.").is_empty());
        assert!(run(" date 2018-11-10 The parade is tomorrow, November 11, on Sunday.").is_empty());
    }

    #[test]
    fn a_stamp_of_a_later_revision_may_date_after_the_header() {
        // "Last modified", "Edited time": a revision of the page, days after its publication
        for stamp in [
            "Last modified: May 20, 2031 02:15",
            "Edited time: May 13, 2031 02:15",
            "Updated: May 20, 2031",
        ] {
            let t = format!(" date 2031-05-12 Velmar mill shut\n\n{stamp}\n\nThe Velmar Corp mill in Tessaly shut on Sunday, Newswire said.\n");
            assert!(run(&t).is_empty(), "{t}: {:?}", run(&t));
            let all = crate::rules::run(&Analysis::new(&t), &Config::default());
            assert!(
                all.iter().all(|f| !f.rule.starts_with("date-")),
                "{t}: {all:?}"
            );
        }
        // a first publication stamp a week off still contradicts the header
        let t = " date 2031-05-12 Velmar mill shut\n\nPublished: May 20, 2031 02:15\n\nThe Velmar Corp mill in Tessaly shut on Sunday, Newswire said.\n";
        assert_eq!(run(t).len(), 1, "{:?}", run(t));
    }
}
