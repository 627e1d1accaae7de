//! Months and holidays named alone, for `annotate` (and, for the parser, the weekday that closes a
//! holiday's name: no weekday of the story): a month before a noun or as a possessive
//! ("the November election", "October's slump") and holidays ("Thanksgiving", "Christmas
//! Eve"), each the occurrence nearest publication (a past one preferred) unless "last", "this"
//! or "next" says which.
//!
//! Like the rest of `timex`, they are reported by `annotate` only; the rules do not use them.

use super::lexicon::{month, BACK, DAY_LEAD, QUARTER_NOUN};
use super::timex::{word, word_in};
use crate::lexicon::sets::NOUN_STOP_SET;
use crate::text::{Tok, TokKind};
use chrono::{Datelike, NaiveDate, Weekday};

/// End token, TIMEX3 kind and value of one expression.
pub(super) type Found = Option<(usize, &'static str, String)>;

crate::word_set!(
    /// Verbs that may follow a month or a year opening a sentence ("October was calm").
    pub(super) SUBJECT_VERBS = files ["be-forms.txt", "auxiliaries.txt"]
);

/// Which occurrence a determiner before the name asks for.
#[derive(Clone, Copy)]
enum Which {
    Nearest,
    Last,
    This,
    Next,
    /// The last one by publication, publication's day included (a clause told in the past).
    Passed,
    /// The next one from publication, publication's day included (a clause told in the future).
    Coming,
}

fn which(toks: &[Tok], i: usize) -> (usize, Which) {
    if word_in(toks, i, &BACK) {
        (i + 1, Which::Last)
    } else if word(toks, i, &["next"]) {
        (i + 1, Which::Next)
    } else if word(toks, i, &["this"]) {
        (i + 1, Which::This)
    } else {
        (i, Which::Nearest)
    }
}

/// True when token `i` reads as a noun the name before it modifies ("election", not "for").
fn noun_after(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.text.len() > 2
            && t.text.chars().all(|c| c.is_ascii_lowercase())
            && !NOUN_STOP_SET.has(t)
    })
}

/// "the November election", "October's slump", "last November's vote": a capitalised month
/// (not "May", a name and a verb) before a noun after "the", or with "'s".
pub(super) fn month_word(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let (k, w) = which(toks, i);
    let t = toks
        .get(k)
        .filter(|t| t.kind == TokKind::Word && t.is_capitalized())?;
    let (base, possessive) = match t.text.strip_suffix("'s").or(t.text.strip_suffix("’s")) {
        Some(b) => (b, true),
        None => (t.text, false),
    };
    let m = month(base).filter(|m| *m != 5 && base.len() > 3)?;
    // "the November election", "its September issue", "Iraq's March vote"; opening a
    // sentence, "September sales rose", "October was calm"
    let det_before = k > 0
        && toks[k - 1].kind == TokKind::Word
        && super::parse::is_year_determiner(&toks[k - 1].text.to_ascii_lowercase());
    let opens = k == 0
        && (noun_after(toks, k + 1) || word_in(toks, k + 1, &SUBJECT_VERBS))
        && toks.get(k + 1).is_some_and(|n| !n.is_capitalized());
    let modifier = !possessive
        && matches!(w, Which::Nearest)
        && ((det_before && noun_after(toks, k + 1)) || opens);
    if !(possessive || modifier) {
        return None;
    }
    let y = pick_year(p, w, |y| NaiveDate::from_ymd_opt(y, m, 15))?;
    Some((k + 1, "month", format!("{y:04}-{m:02}")))
}

/// "the July-September quarter", "the April-June period": three months joined by a hyphen
/// that make a calendar quarter (`1989-Q3`), the one nearest publication.
pub(super) fn month_span_quarter(toks: &[Tok], i: usize, p: NaiveDate) -> Found {
    let first = toks
        .get(i)
        .filter(|t| t.kind == TokKind::Word && t.is_capitalized())?;
    let dash = toks.get(i + 1)?;
    let last = toks.get(i + 2).filter(|t| t.kind == TokKind::Word)?;
    let joined = first.span.end == dash.span.start && dash.span.end == last.span.start;
    let (a, b) = (month(first.text)?, month(last.text)?);
    if !(joined && dash.is_punct('-') && b == a + 2 && a % 3 == 1) {
        return None;
    }
    if !word_in(toks, i + 3, &QUARTER_NOUN) {
        return None;
    }
    let n = (a - 1) / 3 + 1;
    let y = pick_year(p, Which::Nearest, |y| NaiveDate::from_ymd_opt(y, b, 1))?;
    Some((i + 4, "period", format!("{y:04}-Q{n}")))
}

/// "Thanksgiving", "on Christmas Eve", "last Labor Day": a holiday of `holidays.tsv`, written
/// capitalised, unless it modifies a noun ("Christmas shopping") without a determiner. A year
/// written after it is its year ("Christmas 2011"); without one, a clause told in the past
/// names the last one by publication (a deadline, "by Christmas", the nearer one) and a clause
/// told in the future the next.
pub(super) fn holiday(
    toks: &[Tok],
    tenses: &super::timex::ClauseTenses,
    i: usize,
    p: NaiveDate,
) -> Found {
    let (k, w) = which(toks, i);
    if !toks
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized())
    {
        return None;
    }
    let (e, rule) = longest_name(toks, k)?;
    let led = k > 0 && (word_in(toks, k - 1, &DAY_LEAD));
    if opens_longer_name(toks, e) && !(led && opens_sentence(toks, k - 1)) {
        return None;
    }
    let weekend = word(toks, e, &["weekend"]);
    if matches!(w, Which::Nearest) && !led && !weekend && noun_after(toks, e) {
        return None;
    }
    if let Some(y) = toks.get(e).and_then(super::timex::year_of) {
        let day = day_of(rule, y)?;
        return Some((e + 1, "date", day.format("%Y-%m-%d").to_string()));
    }
    // a deadline told in the past ("said a deal by Christmas was impossible") is the nearer one,
    // as a year-less deadline day is
    let deadline = k > 0 && word_in(toks, k - 1, &super::lexicon::DEADLINE);
    let w = match (w, tenses.of(k, e)) {
        (Which::Nearest, super::Tense::Past) if deadline => Which::Nearest,
        (Which::Nearest, super::Tense::Past) => Which::Passed,
        (Which::Nearest, super::Tense::Future) => Which::Coming,
        (w, _) => w,
    };
    let day = pick_year(p, w, |y| day_of(rule, y))?;
    let day = day_of(rule, day)?;
    if weekend {
        return Some((e + 1, "period", holiday_weekend(day)));
    }
    Some((e, "date", day.format("%Y-%m-%d").to_string()))
}

/// True when the holiday's name ending before token `e` is the first part of a longer
/// capitalised name ("the Good Friday Agreement", "the Easter Rising"): a word of two or more
/// letters, capitalised, one space after it. The longer name is a thing, not a day.
fn opens_longer_name(toks: &[Tok], e: usize) -> bool {
    let (Some(last), Some(next)) = (e.checked_sub(1).and_then(|l| toks.get(l)), toks.get(e)) else {
        return false;
    };
    next.kind == TokKind::Word
        && next.text.len() > 1
        && next.is_capitalized()
        && next.span.start == last.span.end + 1
}

/// True when token `i` is the sentence's first word (only punctuation before it): a holiday
/// led by it is an adverbial opener, and a capitalised word right after the holiday starts the
/// clause's subject ("On Christmas Day Pope Leo spoke"), not a longer name.
fn opens_sentence(toks: &[Tok], i: usize) -> bool {
    toks.get(..i)
        .is_some_and(|before| before.iter().all(|t| t.kind != TokKind::Word))
}

/// "the Labor Day weekend": the weekend a holiday joins, TIMEX3 `1989-W35-WE` (a Monday's is
/// the one before it, a Thursday's or Friday's the one after it).
fn holiday_weekend(day: NaiveDate) -> String {
    let from_monday = i64::from(day.weekday().num_days_from_monday());
    // the Saturday of that weekend
    let back = if from_monday == 0 {
        -2
    } else {
        5 - from_monday
    };
    let saturday = day + chrono::Duration::days(back);
    let w = saturday.iso_week();
    format!("{:04}-W{:02}-WE", w.year(), w.week())
}

/// True when the weekday at token `i` closes the name the calendar gives a day ("Good Friday",
/// "the \"Super Tuesday\" primary", "Small Business Saturday"): a name of `holidays.tsv` whose
/// first word is capitalised. The name is one day of the year (or of a campaign's calendar), not
/// the weekday of the story's week.
pub(super) fn weekday_closes_name(toks: &[Tok], i: usize) -> bool {
    (1..=2).any(|n| {
        let Some(k) = i.checked_sub(n) else {
            return false;
        };
        let Some(words) = toks.get(k..=i) else {
            return false;
        };
        if !words[0].is_capitalized() || words.iter().any(|t| t.kind != TokKind::Word) {
            return false;
        }
        let mut name = String::new();
        for (j, t) in words.iter().enumerate() {
            if j > 0 {
                name.push(' ');
            }
            // "Good Friday's services"
            let w = t
                .text
                .strip_suffix("'s")
                .or_else(|| t.text.strip_suffix("’s"));
            name.push_str(&w.unwrap_or(t.text).to_lowercase());
        }
        rule_of(&name).is_some()
    })
}

/// The longest holiday name starting at token `k` (up to three words) and its rule.
fn longest_name(toks: &[Tok], k: usize) -> Option<(usize, &'static str)> {
    let mut name = String::new();
    let mut best = None;
    for (j, t) in toks.iter().enumerate().skip(k).take(3) {
        if t.kind != TokKind::Word || (j > k && !t.is_capitalized()) {
            break;
        }
        if j > k {
            name.push(' ');
        }
        name.push_str(&t.text.to_lowercase().replace('’', "'"));
        if let Some(rule) = rule_of(&name) {
            best = Some((j + 1, rule));
        }
    }
    best
}

fn rule_of(name: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            crate::lexicon::entries(crate::word_data!("holidays.tsv"))
                .filter_map(|e| {
                    let mut c = crate::lexicon::columns(e);
                    Some((c.next()?, c.next()?))
                })
                .collect()
        })
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, r)| *r)
}

/// The day a holiday `rule` falls on in year `y`.
fn day_of(rule: &str, y: i32) -> Option<NaiveDate> {
    if let Some(shift) = rule.strip_prefix("easter") {
        let d: i64 = shift.trim_start_matches('+').parse().ok()?;
        return easter(y)?.checked_add_signed(chrono::Duration::days(d));
    }
    let mut parts = rule.split('-');
    let m: u32 = parts.next()?.parse().ok()?;
    let second = parts.next()?;
    if let Ok(d) = second.parse::<u32>() {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let wd: Weekday = super::lexicon::weekday(second)?;
    let from: u32 = parts.nth(1)?.parse().ok()?;
    let start = NaiveDate::from_ymd_opt(y, m, from)?;
    let ahead = (7 + wd.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
    start.checked_add_signed(chrono::Duration::days(i64::from(ahead)))
}

/// Easter Sunday of year `y` (the Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The year of the occurrence `w` asks for, given the day `at` yields in each year: the
/// nearest to publication, the last before it, the one of its year or the next after it.
fn pick_year(p: NaiveDate, w: Which, at: impl Fn(i32) -> Option<NaiveDate>) -> Option<i32> {
    let y = p.year();
    let years = [y - 1, y, y + 1];
    let days: Vec<(i32, NaiveDate)> = years.iter().filter_map(|&y| Some((y, at(y)?))).collect();
    let pick = match w {
        Which::This => days.iter().find(|(yy, _)| *yy == y),
        Which::Last => days.iter().rev().find(|(_, d)| *d < p),
        Which::Next => days.iter().find(|(_, d)| *d > p),
        Which::Passed => days.iter().rev().find(|(_, d)| *d <= p),
        Which::Coming => days.iter().find(|(_, d)| *d >= p),
        // news names past days more often than coming ones: a day ahead counts half again
        Which::Nearest => days.iter().min_by_key(|(_, d)| {
            let n = (*d - p).num_days();
            if n > 0 {
                n * 3 / 2
            } else {
                -n
            }
        }),
    };
    pick.map(|(y, _)| *y)
}

#[cfg(test)]
mod tests {
    use super::super::timex::test_support::{found, pair};

    #[test]
    fn a_month_before_a_noun_or_with_s_is_the_nearest_one() {
        let text = "The council expects the February vote to pass. January's snow closed \
                    roads, and last December's budget ran short.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("February", "2011-02"),
                pair("January's", "2011-01"),
                pair("last December's", "2010-12"),
            ]
        );
    }

    #[test]
    fn a_month_opening_a_sentence_or_after_a_possessive() {
        let text = "December was wet. The town's December budget ran short. Its January \
                    issue sold out.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("December", "2010-12"),
                pair("December", "2010-12"),
                pair("January", "2011-01"),
            ]
        );
    }

    #[test]
    fn three_months_joined_by_a_hyphen_are_a_quarter() {
        let text = "Exports in the July-September quarter fell. The June-August stretch was dry.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![pair("July-September quarter", "2010-Q3")]
        );
    }

    #[test]
    fn a_month_that_reads_as_a_name_or_a_verb_stays_out() {
        let text = "The March for Jobs drew crowds. The May family moved. She met the June \
                    Carter fans. Troops march on.";
        assert!(found(text, "2011-01-20").is_empty());
    }

    #[test]
    fn holidays_fall_on_their_day_of_the_nearest_year() {
        let text = "Stores closed early on Christmas Eve. The parade returns next Labor Day. \
                    Rents rose after Thanksgiving, and last Easter the pews were full.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("Christmas Eve", "2010-12-24"),
                pair("next Labor Day", "2011-09-05"),
                pair("Thanksgiving", "2010-11-25"),
                pair("last Easter", "2010-04-04"),
            ]
        );
    }

    #[test]
    fn a_holiday_takes_the_year_after_it_or_the_side_its_tense_names() {
        let text = "Exports of Bhutan have fallen since Christmas 2008. Pilgrims marched on \
                    Easter Sunday. The mall of Paraguay will open before Christmas.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("Christmas 2008", "2008-12-25"),
                pair("Easter Sunday", "2010-04-04"),
                pair("Christmas", "2011-12-25"),
            ]
        );
    }

    #[test]
    fn a_holiday_deadline_told_in_the_past_is_the_nearer_one() {
        // published twelve days before Christmas
        let text = "Ondrej Halvik said a Velmar deal by Christmas was out of reach. Shops \
                    opened late on Christmas Eve.";
        assert_eq!(
            found(text, "2011-12-13"),
            vec![
                pair("Christmas", "2011-12-25"),
                pair("Christmas Eve", "2010-12-24"),
            ]
        );
        // long after it, the one gone by
        let text = "Velmar had promised the bridge by Christmas, but it opened in March.";
        assert_eq!(
            found(text, "2011-04-20")[0],
            pair("Christmas", "2010-12-25")
        );
    }

    #[test]
    fn days_named_by_a_weekday_fall_on_their_day() {
        let text = "Shops opened at dawn on Black Friday. Bells will ring on Palm Sunday, and \
                    \"Super Tuesday\" looms.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("Black Friday", "2010-11-26"),
                pair("Palm Sunday", "2011-04-17"),
            ]
        );
    }

    #[test]
    fn a_holiday_weekend_is_the_weekend_it_joins() {
        let text =
            "Beaches filled over the Labor Day weekend; malls filled on Thanksgiving weekend.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("Labor Day weekend", "2010-W35-WE"),
                pair("Thanksgiving weekend", "2010-W47-WE"),
            ]
        );
    }

    #[test]
    fn a_holiday_opening_a_longer_name_is_no_date() {
        let text = "Talks revived the Good Friday Agreement. Historians met on the Easter Rising \
                    and flew to Christmas Island. Markets shut on Good Friday.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![pair("Good Friday", "2011-04-22")]
        );
    }

    #[test]
    fn a_holiday_in_an_opening_adverbial_keeps_its_date_before_the_subject() {
        let text = "On Thanksgiving Day Governor Ames pardoned a turkey. \"After Easter Senator \
                    Bly returns.\" Crowds gathered on Easter Island Road.";
        assert_eq!(
            found(text, "2011-01-20"),
            vec![
                pair("Thanksgiving Day", "2010-11-25"),
                pair("Easter", "2011-04-24"),
            ]
        );
    }

    #[test]
    fn a_holiday_before_a_noun_is_no_date() {
        let text = "Christmas shopping began early, and Halloween costumes sold out.";
        assert!(found(text, "2011-01-20").is_empty());
    }
}
