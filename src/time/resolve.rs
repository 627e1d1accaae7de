//! Turning a parsed expression into a calendar value, given the publication date and tense.

use super::parse::{MonthRef, Raw, Unit, WeekRef};
use super::{Kind, Resolution, Tense, Value};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Resolves `raw` against the publication date.
pub fn resolve(raw: &Raw, published: Option<NaiveDate>, tense: Tense) -> (Kind, Value, Resolution) {
    match raw {
        Raw::Date {
            y: Some(y), m, d, ..
        } => {
            let v = NaiveDate::from_ymd_opt(*y, *m, *d).map_or(Value::Unresolved, Value::Date);
            (Kind::Date, v, Resolution::Explicit)
        }
        Raw::Date { y: None, m, d, .. } => {
            let (v, r) = yearless(published, tense, |y| NaiveDate::from_ymd_opt(y, *m, *d));
            (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
        }
        Raw::Month { y: Some(y), m } => (Kind::Month, Value::Month(*y, *m), Resolution::Explicit),
        Raw::Month { y: None, m } => {
            let (v, r) = yearless(published, tense, |y| NaiveDate::from_ymd_opt(y, *m, 1));
            (
                Kind::Month,
                v.map_or(Value::Unresolved, |d| Value::Month(d.year(), d.month())),
                r,
            )
        }
        Raw::Year(y) => (Kind::Year, Value::Year(*y), Resolution::Explicit),
        Raw::DayOfMonth { d, month, wd } => {
            let Some(p) = published else {
                return (Kind::Date, Value::Unresolved, inferred(tense));
            };
            match month {
                MonthRef::Offset(k) => {
                    let base = shift_months(first_of_month(p), *k);
                    let v = base.and_then(|b| NaiveDate::from_ymd_opt(b.year(), b.month(), *d));
                    (
                        Kind::Date,
                        v.map_or(Value::Unresolved, Value::Date),
                        Resolution::Relative,
                    )
                }
                MonthRef::Named(m) => {
                    let (v, r) = yearless(published, tense, |y| NaiveDate::from_ymd_opt(y, *m, *d));
                    (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
                }
                MonthRef::Infer => {
                    let cands: Vec<NaiveDate> = (-2..=2)
                        .filter_map(|k| shift_months(first_of_month(p), k))
                        .filter_map(|b| NaiveDate::from_ymd_opt(b.year(), b.month(), *d))
                        .filter(|c| wd.is_none_or(|w| c.weekday() == w))
                        .collect();
                    let (v, r) = pick(&cands, p, tense, wd.is_some());
                    (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
                }
            }
        }
        Raw::Weekday { wd, week } => {
            let Some(p) = published else {
                return (Kind::Weekday, Value::Unresolved, inferred(tense));
            };
            match week {
                WeekRef::Offset(k) => {
                    let v = monday_of(p, *k)
                        .and_then(|m| add_days(m, wd.num_days_from_monday() as i64));
                    (Kind::Weekday, date_or_unresolved(v), Resolution::Relative)
                }
                WeekRef::Past => {
                    let back = (7 + p.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        % 7;
                    let back = if back == 0 { 7 } else { back };
                    (
                        Kind::Weekday,
                        date_or_unresolved(add_days(p, -back)),
                        Resolution::Past,
                    )
                }
                WeekRef::Infer => {
                    let back = (7 + p.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        % 7;
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
        Raw::NthWeekday { n, wd, month } => {
            let Some(p) = published else {
                return (Kind::Date, Value::Unresolved, inferred(tense));
            };
            match month {
                MonthRef::Named(m) => {
                    let (v, r) = yearless(published, tense, |y| nth_weekday(y, *m, *n, *wd));
                    (Kind::Date, v.map_or(Value::Unresolved, Value::Date), r)
                }
                MonthRef::Offset(k) => {
                    let b = shift_months(first_of_month(p), *k);
                    let v = b.and_then(|b| nth_weekday(b.year(), b.month(), *n, *wd));
                    (
                        Kind::Date,
                        v.map_or(Value::Unresolved, Value::Date),
                        Resolution::Relative,
                    )
                }
                MonthRef::Infer => {
                    let v = nth_weekday(p.year(), p.month(), *n, *wd);
                    (
                        Kind::Date,
                        v.map_or(Value::Unresolved, Value::Date),
                        Resolution::Relative,
                    )
                }
            }
        }
        Raw::Offset {
            years,
            months,
            days,
            business,
        } => {
            let Some(p) = published else {
                return (Kind::Relative, Value::Unresolved, Resolution::Relative);
            };
            let v =
                shift_months(p, years.saturating_mul(12).saturating_add(*months)).and_then(|d| {
                    if *business {
                        add_business_days(d, *days)
                    } else {
                        add_days(d, *days)
                    }
                });
            (Kind::Relative, date_or_unresolved(v), Resolution::Relative)
        }
        Raw::WeekdaysAhead { n, wd } => {
            let Some(p) = published else {
                return (Kind::Relative, Value::Unresolved, Resolution::Relative);
            };
            let ahead = (7 + wd.num_days_from_monday() as i64
                - p.weekday().num_days_from_monday() as i64)
                % 7;
            let first = if ahead == 0 { 7 } else { ahead };
            let v = add_days(
                p,
                first.saturating_add(7i64.saturating_mul(i64::from(*n).saturating_sub(1))),
            );
            (Kind::Relative, date_or_unresolved(v), Resolution::Relative)
        }
        Raw::Period { unit, offset } => {
            let Some(p) = published else {
                return (Kind::Relative, Value::Unresolved, Resolution::Relative);
            };
            let range = match unit {
                Unit::Week => monday_of(p, *offset).and_then(|m| Some((m, add_days(m, 6)?))),
                Unit::Month => shift_months(first_of_month(p), *offset)
                    .map(|first| (first, super::last_day_of_month(first))),
                Unit::Year => i32::try_from(*offset)
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
        Raw::Time { hour, minute, zone } => (
            Kind::Time,
            Value::Time {
                hour: *hour,
                minute: *minute,
                zone: zone.clone(),
            },
            Resolution::Explicit,
        ),
        Raw::Since(inner) => {
            let (_, v, r) = resolve(inner, published, Tense::Past);
            let start = v.first_day();
            match (start, published) {
                (Some(s), Some(p)) => (Kind::Span, Value::Range(s, p.max(s)), r),
                (Some(s), None) => (Kind::Span, Value::Range(s, s), r),
                _ => (Kind::Span, Value::Unresolved, r),
            }
        }
        Raw::Range(a, b) => {
            let (_, vb, rb) = resolve(b, published, tense);
            // the left end takes its year from the right end when it has none
            let (_, va, _) = resolve(a, published, tense);
            let end = vb.last_day();
            let start = match (a.as_ref(), vb.first_day()) {
                (Raw::Date { y: None, m, d, .. }, Some(e)) => {
                    NaiveDate::from_ymd_opt(e.year(), *m, *d).map(|s| {
                        if s > e {
                            NaiveDate::from_ymd_opt(e.year().saturating_sub(1), *m, *d).unwrap_or(s)
                        } else {
                            s
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
    }
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

fn nth_weekday(y: i32, m: u32, n: u32, wd: Weekday) -> Option<NaiveDate> {
    let d = NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)?;
    Some(d)
}

/// Resolves a year-less date: candidate years around publication, chosen by tense.
fn yearless(
    published: Option<NaiveDate>,
    tense: Tense,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> (Option<NaiveDate>, Resolution) {
    let Some(p) = published else {
        return (None, inferred(tense));
    };
    let cands: Vec<NaiveDate> = (p.year() - 1..=p.year() + 1).filter_map(make).collect();
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
