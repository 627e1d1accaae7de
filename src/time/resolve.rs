//! Turning a parsed expression into a calendar value, given the publication date and tense.

use super::parse::{MonthRef, Raw, Unit, WeekRef};
use super::{Kind, Resolution, Tense, Value};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What [`resolve`] gives: the expression's kind, its calendar value and how it was found.
type Resolved = (Kind, Value, Resolution);

/// Resolves `raw` against the publication date.
pub fn resolve(raw: &Raw, published: Option<NaiveDate>, tense: Tense) -> Resolved {
    match raw {
        Raw::Date {
            y: Some(y), m, d, ..
        } => {
            let v = NaiveDate::from_ymd_opt(*y, *m, *d).map_or(Value::Unresolved, Value::Date);
            (Kind::Date, v, Resolution::Explicit)
        }
        Raw::Date { y: None, m, d, wd } => {
            let (v, r) = yearless(published, tense, *wd, |y| {
                NaiveDate::from_ymd_opt(y, *m, *d)
            });
            (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
        }
        Raw::Month { y: Some(y), m } => (Kind::Month, Value::Month(*y, *m), Resolution::Explicit),
        Raw::Month { y: None, m } => {
            // a month not yet over lies ahead too: "will be held in March" said in March
            let current = published.filter(|p| tense == Tense::Future && p.month() == *m);
            if let Some(p) = current {
                return (Kind::Month, Value::Month(p.year(), *m), Resolution::Future);
            }
            let (v, r) = yearless(published, tense, None, |y| {
                NaiveDate::from_ymd_opt(y, *m, 1)
            });
            (
                Kind::Month,
                v.map_or(Value::Unresolved, |d| Value::Month(d.year(), d.month())),
                r,
            )
        }
        Raw::Year(y) => (Kind::Year, Value::Year(*y), Resolution::Explicit),
        Raw::DayOfMonth { d, month, wd } => day_of_month(*d, month, *wd, published, tense),
        Raw::Weekday { wd, week } => weekday(*wd, week, published, tense),
        Raw::NthWeekday { n, wd, month } => nth_weekday_in(*n, *wd, month, published, tense),
        Raw::Offset {
            years,
            months,
            days,
            business,
        } => offset(*years, *months, *days, *business, published),
        Raw::WeekdaysAhead { n, wd } => weekdays_ahead(*n, *wd, published),
        Raw::Period { unit, offset } => period(unit, *offset, published),
        Raw::Time { hour, minute, zone } => (
            Kind::Time,
            Value::Time {
                hour: *hour,
                minute: *minute,
                zone: zone.clone(),
            },
            Resolution::Explicit,
        ),
        Raw::Since(inner) => since(inner, published),
        Raw::Range(a, b) => range(a, b, published, tense),
    }
}

/// A day of a month given by offset ("the 3rd of next month"), by name ("on the 5th of
/// May") or not at all ("on the 12th": the nearest fitting month).
fn day_of_month(
    d: u32,
    month: &MonthRef,
    wd: Option<Weekday>,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Resolved {
    let Some(p) = published else {
        return (Kind::Date, Value::Unresolved, inferred(tense));
    };
    match month {
        MonthRef::Offset(k) => {
            let base = shift_months(first_of_month(p), *k);
            let v = base.and_then(|b| NaiveDate::from_ymd_opt(b.year(), b.month(), d));
            (
                Kind::Date,
                v.map_or(Value::Unresolved, Value::Date),
                Resolution::Relative,
            )
        }
        MonthRef::Named(m) => {
            let (v, r) = yearless(published, tense, wd, |y| NaiveDate::from_ymd_opt(y, *m, d));
            (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
        }
        MonthRef::Infer => {
            let cands: Vec<NaiveDate> = (-2..=2)
                .filter_map(|k| shift_months(first_of_month(p), k))
                .filter_map(|b| NaiveDate::from_ymd_opt(b.year(), b.month(), d))
                .filter(|c| wd.is_none_or(|w| c.weekday() == w))
                .collect();
            let (v, r) = pick(&cands, p, tense, wd.is_some());
            (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
        }
    }
}

/// A weekday alone or in a given week ("last Tuesday", "Tuesday"): a bare one is the past
/// or the coming one by the tense.
fn weekday(wd: Weekday, week: &WeekRef, published: Option<NaiveDate>, tense: Tense) -> Resolved {
    let Some(p) = published else {
        return (Kind::Weekday, Value::Unresolved, inferred(tense));
    };
    let back =
        (7 + p.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    match week {
        WeekRef::Offset(k) => {
            let v = monday_of(p, *k).and_then(|m| add_days(m, wd.num_days_from_monday() as i64));
            (Kind::Weekday, date_or_unresolved(v), Resolution::Relative)
        }
        WeekRef::This => {
            let this = monday_of(p, 0).and_then(|m| add_days(m, wd.num_days_from_monday() as i64));
            let v = match (tense, this) {
                (Tense::Past, Some(d)) if d > p => add_days(p, -back),
                (Tense::Future, Some(d)) if d < p => add_days(p, 7 - back),
                _ => this,
            };
            (Kind::Weekday, date_or_unresolved(v), Resolution::Relative)
        }
        WeekRef::Ahead => {
            let ahead = if back == 0 { 7 } else { 7 - back };
            (
                Kind::Weekday,
                date_or_unresolved(add_days(p, ahead)),
                Resolution::Future,
            )
        }
        WeekRef::Past => {
            let back = if back == 0 { 7 } else { back };
            (
                Kind::Weekday,
                date_or_unresolved(add_days(p, -back)),
                Resolution::Past,
            )
        }
        WeekRef::Infer => {
            let (Some(past), Some(future)) = (
                add_days(p, -back),
                if back == 0 {
                    Some(p)
                } else {
                    add_days(p, 7 - back)
                },
            ) else {
                return (Kind::Weekday, Value::Unresolved, inferred(tense));
            };
            match tense {
                Tense::Future => (Kind::Weekday, Value::Date(future), Resolution::Future),
                Tense::Past => (Kind::Weekday, Value::Date(past), Resolution::Past),
                Tense::Present => {
                    // news usually reports the recent past; a weekday within two days ahead reads as upcoming
                    if back <= 4 || (future - p).num_days() > 2 {
                        (Kind::Weekday, Value::Date(past), Resolution::Past)
                    } else {
                        (Kind::Weekday, Value::Date(future), Resolution::Future)
                    }
                }
            }
        }
    }
}

/// The n-th weekday of a month ("the second Tuesday of May", "… of next month").
fn nth_weekday_in(
    n: u32,
    wd: Weekday,
    month: &MonthRef,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Resolved {
    let Some(p) = published else {
        return (Kind::Date, Value::Unresolved, inferred(tense));
    };
    match month {
        MonthRef::Named(m) => {
            let (v, r) = yearless(published, tense, None, |y| nth_weekday(y, *m, n, wd));
            (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
        }
        MonthRef::Offset(k) => {
            let b = shift_months(first_of_month(p), *k);
            let v = b.and_then(|b| nth_weekday(b.year(), b.month(), n, wd));
            (
                Kind::Date,
                v.map_or(Value::Unresolved, Value::Date),
                Resolution::Relative,
            )
        }
        MonthRef::Infer => {
            let v = nth_weekday(p.year(), p.month(), n, wd);
            (
                Kind::Date,
                v.map_or(Value::Unresolved, Value::Date),
                Resolution::Relative,
            )
        }
    }
}

/// A distance from publication ("three days ago", "in two weeks", "five business days
/// later"), keeping the granularity the text gives.
fn offset(
    years: i64,
    months: i64,
    days: i64,
    business: bool,
    published: Option<NaiveDate>,
) -> Resolved {
    let Some(p) = published else {
        return (Kind::Relative, Value::Unresolved, Resolution::Relative);
    };
    let total = years.saturating_mul(12).saturating_add(months);
    if days == 0 && !business && total != 0 {
        // "four years ago" names a year, "two months ago" a month: keep the granularity
        let v = match (shift_months(p, total), months == 0) {
            (Some(d), true) => Value::Year(d.year()),
            (Some(d), false) if years == 0 => Value::Month(d.year(), d.month()),
            (Some(d), false) => Value::Date(d),
            (None, _) => Value::Unresolved,
        };
        return (Kind::Relative, v, Resolution::Relative);
    }
    let v = shift_months(p, total).and_then(|d| {
        if business {
            add_business_days(d, days)
        } else {
            add_days(d, days)
        }
    });
    (Kind::Relative, date_or_unresolved(v), Resolution::Relative)
}

/// The n-th coming weekday ("two Tuesdays from now").
fn weekdays_ahead(n: u32, wd: Weekday, published: Option<NaiveDate>) -> Resolved {
    let Some(p) = published else {
        return (Kind::Relative, Value::Unresolved, Resolution::Relative);
    };
    let ahead =
        (7 + wd.num_days_from_monday() as i64 - p.weekday().num_days_from_monday() as i64) % 7;
    let first = if ahead == 0 { 7 } else { ahead };
    let v = add_days(
        p,
        first.saturating_add(7i64.saturating_mul(i64::from(n).saturating_sub(1))),
    );
    (Kind::Relative, date_or_unresolved(v), Resolution::Relative)
}

/// A whole week, month or year counted from publication's ("last week", "next year").
fn period(unit: &Unit, offset: i64, published: Option<NaiveDate>) -> Resolved {
    let Some(p) = published else {
        return (Kind::Relative, Value::Unresolved, Resolution::Relative);
    };
    let range = match unit {
        Unit::Week => monday_of(p, offset).and_then(|m| Some((m, add_days(m, 6)?))),
        Unit::Month => shift_months(first_of_month(p), offset)
            .map(|first| (first, super::last_day_of_month(first))),
        Unit::Year => i32::try_from(offset)
            .ok()
            .and_then(|o| p.year().checked_add(o))
            .and_then(|y| {
                Some((
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                ))
            }),
    };
    let v = range.map_or(Value::Unresolved, |(a, b)| Value::Range(a, b));
    (Kind::Relative, v, Resolution::Relative)
}

/// "since <date>": from that date (read as past) to publication.
fn since(inner: &Raw, published: Option<NaiveDate>) -> Resolved {
    let (_, v, r) = resolve(inner, published, Tense::Past);
    let start = v.first_day();
    match (start, published) {
        (Some(s), Some(p)) => (Kind::Span, Value::Range(s, p.max(s)), r),
        (Some(s), None) => (Kind::Span, Value::Range(s, s), r),
        _ => (Kind::Span, Value::Unresolved, r),
    }
}

/// "<date> to <date>": the left end takes its year from the right end when it has none.
fn range(a: &Raw, b: &Raw, published: Option<NaiveDate>, tense: Tense) -> Resolved {
    let (_, vb, rb) = resolve(b, published, tense);
    let (_, va, _) = resolve(a, published, tense);
    let end = vb.last_day();
    let start = match (a, vb.first_day()) {
        (Raw::Date { y: None, m, d, .. }, Some(e)) => NaiveDate::from_ymd_opt(e.year(), *m, *d)
            .map(|s| {
                if s > e {
                    NaiveDate::from_ymd_opt(e.year().saturating_sub(1), *m, *d).unwrap_or(s)
                } else {
                    s
                }
            }),
        // "between April and June", "between June and July 2016": the first month in the
        // last one's year, or in the year before when it comes later in the calendar
        (Raw::Month { y: None, m }, Some(e)) => {
            NaiveDate::from_ymd_opt(e.year(), *m, 1).and_then(|s| {
                if s > e {
                    NaiveDate::from_ymd_opt(e.year().checked_sub(1)?, *m, 1)
                } else {
                    Some(s)
                }
            })
        }
        _ => va.first_day(),
    };
    match (start, end) {
        (Some(s), Some(e)) if s <= e => (Kind::Span, Value::Range(s, e), rb),
        _ => (Kind::Span, Value::Unresolved, rb),
    }
}

/// A year-less month after "last" (-1), "this" (0) or "next" (1): the latest such month before
/// publication's month, the one of publication's year, the first one after publication's month.
pub fn month_with_determiner(raw: &Raw, p: NaiveDate, det: i32) -> Option<Value> {
    let Raw::Month { y: None, m } = raw else {
        return None;
    };
    let y = match det {
        -1 if *m < p.month() => p.year(),
        -1 => p.year().checked_sub(1)?,
        0 => p.year(),
        _ if *m > p.month() => p.year(),
        _ => p.year().checked_add(1)?,
    };
    Some(Value::Month(y, *m))
}

fn inferred(t: Tense) -> Resolution {
    if t == Tense::Future {
        Resolution::Future
    } else {
        Resolution::Past
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// Adds `k` months (negative goes back), keeping the day when it exists; `None` past the
/// calendar's range.
pub fn shift_months(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    let n = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
    if k >= 0 {
        d.checked_add_months(n)
    } else {
        d.checked_sub_months(n)
    }
}

/// Adds `k` days (negative goes back); `None` past the calendar's range, never a panic.
pub fn add_days(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    let n = Days::new(k.unsigned_abs());
    if k >= 0 {
        d.checked_add_days(n)
    } else {
        d.checked_sub_days(n)
    }
}

/// Adds `k` working days (Monday to Friday), counting whole weeks at once.
fn add_business_days(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    if k <= 0 {
        return add_days(d, k);
    }
    // every five working days are one calendar week, wherever the count starts
    let mut d = add_days(d, ((k - 1) / 5).checked_mul(7)?)?;
    let mut left = k - 5 * ((k - 1) / 5);
    while left > 0 {
        d = d.succ_opt()?;
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(d)
}

/// The Monday of the week `k` weeks from the week of `p`.
fn monday_of(p: NaiveDate, k: i64) -> Option<NaiveDate> {
    let m = add_days(p, -(p.weekday().num_days_from_monday() as i64))?;
    add_days(m, k.checked_mul(7)?)
}

fn date_or_unresolved(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Unresolved, Value::Date)
}

/// The `n`-th weekday `wd` of month `m` of year `y`; `n` 0 is the month's last one.
fn nth_weekday(y: i32, m: u32, n: u32, wd: Weekday) -> Option<NaiveDate> {
    if n == 0 {
        let end = crate::article::last_day_of_month(NaiveDate::from_ymd_opt(y, m, 1)?);
        let back = (7 + end.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        return end.checked_sub_days(Days::new(u64::from(back)));
    }
    let d = NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)?;
    Some(d)
}

/// Resolves a year-less date: candidate years around publication, chosen by tense. A weekday
/// written with the date is stronger evidence than tense: of the year before, of and after
/// publication at most one puts the date on that weekday, and that one is taken when it lies
/// within half a year of publication or on the side the tense points to (a past-tense "Friday,
/// June 14" a year after publication is a wrong weekday, not next year).
fn yearless(
    published: Option<NaiveDate>,
    tense: Tense,
    weekday: Option<Weekday>,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> (Option<NaiveDate>, Resolution) {
    let Some(p) = published else {
        return (None, inferred(tense));
    };
    let cands: Vec<NaiveDate> = (p.year() - 1..=p.year() + 1).filter_map(make).collect();
    if let Some(w) = weekday {
        let plausible = |c: &NaiveDate| {
            (*c - p).num_days().abs() <= 183
                || (tense == Tense::Past && *c <= p)
                || (tense == Tense::Future && *c >= p)
        };
        if let Some(d) = cands
            .iter()
            .copied()
            .find(|c| c.weekday() == w && plausible(c))
        {
            let r = if d <= p {
                Resolution::Past
            } else {
                Resolution::Future
            };
            return (Some(d), r);
        }
    }
    pick(&cands, p, tense, false)
}

fn pick(
    cands: &[NaiveDate],
    p: NaiveDate,
    tense: Tense,
    _weekday: bool,
) -> (Option<NaiveDate>, Resolution) {
    let past = cands.iter().filter(|c| **c <= p).max().copied();
    let future = cands.iter().filter(|c| **c >= p).min().copied();
    match tense {
        Tense::Past => match past {
            Some(d) => (Some(d), Resolution::Past),
            None => (future, Resolution::Future),
        },
        Tense::Future => match future {
            Some(d) => (Some(d), Resolution::Future),
            None => (past, Resolution::Past),
        },
        Tense::Present => match (past, future) {
            (Some(a), Some(b)) => {
                if (p - a).num_days() <= (b - p).num_days() {
                    (Some(a), Resolution::Past)
                } else {
                    (Some(b), Resolution::Future)
                }
            }
            (Some(a), None) => (Some(a), Resolution::Past),
            (None, b) => (b, Resolution::Future),
        },
    }
}

/// Days off publication beyond which a tense's pick of a year-less day is doubted.
const FAR_DAYS: i64 = 270;
/// Days off publication within which the other side's day is taken instead.
const NEAR_DAYS: i64 = 75;

/// The TIMEX3 value of each year-less day (no weekday written) whose tense sent it most of a
/// year off publication when the same month and day on the other side lies within weeks: a
/// day written without its year is the nearby one ("settled on an Oct. 23 trip" said on
/// October 6 is this month's; "on the night of Feb. 15 or the next morning" said in April,
/// this year's). Gives indices into `dates` and their values, for `annotate` only: the rules
/// keep the tense's reading, which `date-after-publication` weighs.
pub fn near_days(dates: &[super::Temporal], published: Option<NaiveDate>) -> Vec<(usize, Value)> {
    let Some(p) = published else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, t) in dates.iter().enumerate() {
        let (m, d) = match t.raw {
            Raw::Date {
                y: None,
                m,
                d,
                wd: None,
            }
            | Raw::DayOfMonth {
                d,
                month: MonthRef::Named(m),
                wd: None,
            } => (m, d),
            _ => continue,
        };
        let Value::Date(v) = t.value else { continue };
        if !matches!(t.resolution, Resolution::Past | Resolution::Future)
            || (v - p).num_days().abs() < FAR_DAYS
        {
            continue;
        }
        let other = (p.year() - 1..=p.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
            .filter(|c| (*c <= p) != (v <= p) && (*c - p).num_days().abs() <= NEAR_DAYS)
            .min_by_key(|c| (*c - p).num_days().abs());
        if let Some(c) = other {
            out.push((i, Value::Date(c)));
        }
    }
    out
}
