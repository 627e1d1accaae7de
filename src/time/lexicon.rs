//! Words for months, weekdays and small numbers.

use crate::lexicon::{class, key_has_byte, short_key, ShortTable};
use crate::text::Tok;
use chrono::Weekday;

/// The cardinals from "one" to "ninety", spelled out (the dates' and the figures' number words).
pub use crate::lexicon::sets::CARDINALS;
use crate::lexicon::sets::{
    DATE_LEADS as LEADS, FOLLOWS_LEAD, MONTHS, ORDINALS, RELATIVE_DAYS, WEEKDAYS,
};

// The closed-class words around dates: subsets of `date-function-words.tsv`, by tag.
crate::word_set!(
    /// Determiners that shift a period ("this/last/next quarter").
    pub(crate) DET = file "date-function-words.tsv", tag "det"
);
crate::word_set!(
    /// Words before "month" in "the 20th of next month".
    pub(crate) MONTH_REF = file "date-function-words.tsv", tag "month-ref"
);
crate::word_set!(
    /// Determiners pointing back ("last/previous/past week").
    pub(crate) BACK = file "date-function-words.tsv", tag "back"
);
crate::word_set!(
    /// Words between "the" and a count and unit ("the past two weeks").
    pub(crate) SPAN_LEAD = file "date-function-words.tsv", tag "span-lead"
);
crate::word_set!(
    /// Words before a date that TIMEX3 leaves out of the expression ("since March").
    pub(crate) OUTSIDE_TIMEX = file "date-function-words.tsv", tag "outside-timex"
);
crate::word_set!(
    /// Prepositions before "the" and a stretch that TIMEX3 leaves out ("over the years"); before
    /// a count they bound it and stay ("over a week").
    pub(crate) FRAME_OUTSIDE = file "date-function-words.tsv", tag "frame-outside"
);
crate::word_set!(
    /// Prepositions before "the" and a bare season naming the season of the clause's time ("in
    /// the spring").
    pub(crate) SEASON_LEAD = file "date-function-words.tsv", tag "season-lead"
);
crate::word_set!(
    /// Words before a count that bound it from below or above or put it just short ("nearly
    /// four years ago", "at least 30 days", "up to 180 days").
    pub(crate) BOUNDS = file "qualifiers.tsv", tags ["nearly", "at-least", "up-to"]
);
crate::word_set!(
    /// Words before a count that make it rough ("about a year earlier", "nearly two weeks").
    pub(crate) COUNT_HEDGES = file "qualifiers.tsv", tags ["nearly", "about", "at-least"]
);
crate::word_set!(
    /// Parts of a period ("the late 1980s").
    pub(crate) PERIOD_PART = file "date-function-words.tsv", tag "period-part"
);
crate::word_set!(
    /// Words before a year-less deadline ("until March 3").
    pub(crate) DEADLINE = file "date-function-words.tsv", tag "deadline"
);
crate::word_set!(
    /// Words that join a year-less month or day to a later date of the same list that writes its
    /// year ("in March and again in June 1998").
    pub(crate) YEAR_AFTER_JOIN = file "year-after-joiners.txt"
);
crate::word_set!(
    /// Words that end the noun phrase a year before a noun dates ("its 2010 high and a low in
    /// April"): a month after one is no longer that noun's.
    pub(crate) HELD_YEAR_BREAK = file "held-year-breaks.txt"
);
crate::word_set!(
    /// Past verbs of booking before an object and "for" + a year-less day or month ("set the
    /// hearing for June 28"): the day is ahead of the booking.
    pub(crate) BOOKING = file "booking-verbs.txt"
);
crate::word_set!(
    /// Present forms of a verb of a scheduled event ("resumes", "meets"): a weekday after one
    /// is ahead.
    pub(crate) SCHEDULE_VERBS = file "schedule-verbs.txt"
);
crate::word_set!(
    /// Verbs of a term still running before "to"/"into" and a year-less deadline ("whose mandate
    /// runs to September").
    pub(crate) TERM_RUN = file "term-run-verbs.txt"
);
crate::word_set!(
    /// Words before a date, even with its year, that is a term set in advance ("notes due May 1,
    /// 2031"): it tells no time of the clause's event.
    pub(crate) TERM = file "date-function-words.tsv", tag "term"
);
crate::word_set!(
    /// Nouns whose value is a day, after a date too ("a July 1 deadline", "for May 1990
    /// delivery"): the date names the term, no time of the clause's event.
    pub(crate) TERM_NOUN = file "date-function-words.tsv", tag "term-noun"
);
crate::word_set!(
    /// Nouns of an accounting period named by its last day after "to" ("the year to March 31,
    /// 1990").
    pub(crate) PERIOD_TO = file "date-function-words.tsv", tag "period-to"
);
crate::word_set!(
    /// Words before a year alone naming what something is for ("approved for 2021").
    pub(crate) YEAR_FOR = file "date-function-words.tsv", tag "year-for"
);
crate::word_set!(
    /// Words between a term word and its date ("due on May 1", "expiring in 2030").
    pub(crate) TERM_LINK = file "date-function-words.tsv", tag "term-link"
);
crate::word_set!(
    /// Words joining the ends of a range of days ("May 3 to 7").
    pub(crate) RANGE_TO = file "date-function-words.tsv", tag "range-to"
);
crate::word_set!(
    /// Words after four figures that make them a clock time ("2100 hours").
    pub(crate) CLOCK_HOURS = file "date-function-words.tsv", tag "clock-hours"
);
crate::word_set!(
    /// Words before four figures and "hours" that make them a clock time ("at 2100 hours").
    pub(crate) HOURS_LEAD = file "date-function-words.tsv", tag "hours-lead"
);
crate::word_set!(
    /// Words joining the last day of a list of days to the others ("March 5 and 6").
    pub(crate) DAY_LIST_AND = file "date-function-words.tsv", tag "day-list-and"
);
crate::word_set!(
    /// Words that may follow a month-led list of days ("March 5 and 6 in Thimphu").
    pub(crate) DAY_LIST_END = file "date-function-words.tsv", tag "day-list-end"
);
crate::word_set!(
    /// Words joining two years ("from 1991 to 1997").
    pub(crate) YEAR_PAIR = file "date-function-words.tsv", tag "year-pair"
);
crate::word_set!(
    /// Words before the first of two years "and" joins as a range ("between 1985 and 1987").
    pub(crate) PAIR_LEAD = file "date-function-words.tsv", tag "pair-lead"
);
crate::word_set!(
    /// Words after a count and unit that make it a point in time ("three years ago").
    pub(crate) COUNT_ANCHOR = file "date-function-words.tsv", tag "count-anchor"
);
crate::word_set!(
    /// Words after a count and unit that measure the stretch from an event ("three days later").
    pub(crate) EVENT_ANCHOR = file "date-function-words.tsv", tag "event-anchor"
);
crate::word_set!(
    /// Words that move from a point the story told ("earlier that day", "later in the month").
    pub(crate) SHIFT = file "date-function-words.tsv", tag "shift"
);
crate::word_set!(
    /// Words before a plural unit without a count, a stretch of unknown length ("within weeks").
    pub(crate) VAGUE_LEAD = file "date-function-words.tsv", tag "vague-lead"
);
crate::word_set!(
    /// Words after "the" + a plural unit, a stretch of unknown length ("the weeks ahead").
    pub(crate) VAGUE_AFTER = file "date-function-words.tsv", tag "vague-after"
);
crate::word_set!(
    /// Words before "the year/month/week" closing a phrase, the current one ("for the year,").
    pub(crate) FRAME_LEAD = file "date-function-words.tsv", tag "frame-lead"
);
crate::word_set!(
    /// Words before a bare month name unless the month reads as a name ("sales for October").
    pub(crate) MONTH_LEAD_UNLESS_NAME = file "date-function-words.tsv", tag "month-lead"
);
crate::word_set!(
    /// Date prefixes that also come before a person's name ("a letter to June Lee").
    pub(crate) NAME_LEAD = file "date-function-words.tsv", tag "name-lead"
);
crate::word_set!(
    /// Month names that, written in lower case, are usually verbs ("may", "march").
    pub(crate) MONTH_VERB = file "date-function-words.tsv", tag "month-verb"
);
crate::word_set!(
    /// Parts of a period named by its year, month or week ("the end of the month").
    pub(crate) PERIOD_EDGE = file "date-function-words.tsv", tag "period-edge"
);
crate::word_set!(
    /// Words between "the" and "day" naming the day after the story's last ("the next day").
    pub(crate) DAY_AFTER = file "date-function-words.tsv", tag "day-after"
);
crate::word_set!(
    /// Words between "the" and "day" naming the day before the story's last ("the previous day").
    pub(crate) DAY_BEFORE = file "date-function-words.tsv", tag "day-before"
);
crate::word_set!(
    /// Words before "half of" a year naming its first half ("the first half of 1997").
    pub(crate) HALF_FIRST = file "date-function-words.tsv", tag "half-first"
);
crate::word_set!(
    /// Words before "half of" a year naming its second half ("the last half of 1989").
    pub(crate) HALF_SECOND = file "date-function-words.tsv", tag "half-second"
);
crate::word_set!(
    /// Kinds of day between a count and "days" ("eight trading days").
    pub(crate) DAY_KIND = file "date-function-words.tsv", tag "day-kind"
);
crate::word_set!(
    /// Words after a count and unit pointing back ("two weeks ago").
    pub(crate) BEFORE_NOW = file "date-function-words.tsv", tag "before-now"
);
crate::word_set!(
    /// Words before a named day that make it a date even before a noun ("after Thanksgiving").
    pub(crate) DAY_LEAD = file "date-function-words.tsv", tag "day-lead"
);
crate::word_set!(
    /// Words between a quantity and a singular unit that make a rate ("four flights a week").
    pub(crate) PER_UNIT = file "date-function-words.tsv", tag "per-unit"
);
crate::word_set!(
    /// Words saying how often, before "a week" ("twice a week").
    pub(crate) FREQUENCY = file "date-function-words.tsv", tag "frequency"
);
crate::word_set!(
    /// Words before a plural unit and "ago", a distance of unknown length ("some years ago").
    pub(crate) VAGUE_COUNT = file "date-function-words.tsv", tag "vague-count"
);
crate::word_set!(
    /// Words before an hour said with its part of the day ("at 4 in the morning").
    pub(crate) CLOCK_LEAD = file "date-function-words.tsv", tag "clock-lead"
);
crate::word_set!(
    /// Words after a stretch or a date that make it approximate ("the next year or so").
    pub(crate) APPROXIMATE_TAILS = file "approximate-tails.txt"
);
pub(crate) use crate::lexicon::sets::PARTS_OF_DAY;
crate::word_set!(
    /// Words between a clock time and its part of the day ("9 last night", "6:30 this evening").
    pub(crate) DAY_PART_LEAD = file "day-part-leads.txt"
);
crate::word_set!(
    /// Words for the evening or night of a day after a clock time ("at 8 tonight").
    pub(crate) AFTER_DARK = file "after-dark-days.txt"
);
crate::word_set!(
    /// Counts without a number after "a"/"an" ("a few days", "a couple of weeks").
    pub(crate) ARTICLE_COUNT = file "date-function-words.tsv", tag "article-count"
);
crate::word_set!(
    /// Units of a count that moves a date, singular and plural ("in 3 weeks").
    pub(crate) OFFSET_UNIT = file "date-function-words.tsv", tag "offset-unit"
);
crate::word_set!(
    /// Kinds of day a date is counted forward in ("in two business days").
    pub(crate) BUSINESS_DAY = file "date-function-words.tsv", tag "business-day"
);
crate::word_set!(
    /// Words before a year-less day with a dash or dot that make it a date ("on 4-22").
    pub(crate) DASHED_DAY_LEAD = file "date-function-words.tsv", tag "dashed-day-lead"
);
crate::word_set!(
    /// Words before a weekday naming the one of this week ("this Friday").
    pub(crate) WEEKDAY_THIS = file "date-function-words.tsv", tag "weekday-this"
);
crate::word_set!(
    /// Words before a weekday or a season naming the first one after publication ("coming
    /// Monday", "the coming winter").
    pub(crate) AHEAD = file "date-function-words.tsv", tag "ahead"
);
crate::word_set!(
    /// Words in place of an ordinal naming the last one of a month or year ("the last Friday of
    /// March", "the final day of 2012").
    pub(crate) ORDINAL_LAST = file "date-function-words.tsv", tag "ordinal-last"
);
crate::word_set!(
    /// Words before a weekday naming the one of last week ("last Friday").
    pub(crate) WEEKDAY_LAST = file "date-function-words.tsv", tag "weekday-last"
);
crate::word_set!(
    /// Words before a weekday that may still have its date after it ("on Friday, Oct. 9").
    pub(crate) WEEKDAY_DATED = file "date-function-words.tsv", tag "weekday-dated"
);
crate::word_set!(
    /// Words before a weekday that may still have a date with its month's name after it
    /// ("next Saturday, March 11").
    pub(crate) WEEKDAY_NAMED_DATED = file "date-function-words.tsv", tag "weekday-named-dated"
);
crate::word_set!(
    /// Words before "week" after "on" and a weekday ("on Friday next week").
    pub(crate) DAY_WEEK = file "date-function-words.tsv", tag "day-week"
);
crate::word_set!(
    /// Words before a week, month or year naming the current one ("this year").
    pub(crate) PERIOD_THIS = file "date-function-words.tsv", tag "period-this"
);
crate::word_set!(
    /// Words before a week, month or year naming the next one ("next month").
    pub(crate) PERIOD_NEXT = file "date-function-words.tsv", tag "period-next"
);
crate::word_set!(
    /// Words between an nth weekday and its month ("the second Friday of March").
    pub(crate) NTH_OF = file "date-function-words.tsv", tag "nth-of"
);
crate::word_set!(
    /// Words between "the day" and the day it is counted from ("the day before yesterday").
    pub(crate) DAY_SIDE = file "date-function-words.tsv", tag "day-side"
);
crate::word_set!(
    /// Words for the day after the story's ("tomorrow").
    pub(crate) TOMORROW = file "date-function-words.tsv", tag "tomorrow"
);
crate::word_set!(
    /// The present a count is counted forward from ("two weeks from now").
    pub(crate) NOW = file "date-function-words.tsv", tag "now"
);
crate::word_set!(
    /// Days a count is counted back from instead of the present ("two days before yesterday").
    pub(crate) ANCHOR_DAY = file "date-function-words.tsv", tag "anchor-day"
);
crate::word_set!(
    /// Words after a count and unit counting forward from a day ("two weeks from now").
    pub(crate) FORWARD = file "date-function-words.tsv", tag "forward"
);
crate::word_set!(
    /// Words for twelve o'clock ("noon").
    pub(crate) NOON = file "date-function-words.tsv", tag "noon"
);
crate::word_set!(
    /// Words for twelve at night ("midnight").
    pub(crate) MIDNIGHT = file "date-function-words.tsv", tag "midnight"
);
crate::word_set!(
    /// Words before "noon" that make it an idiom, no time of day ("high noon").
    pub(crate) NOT_CLOCK = file "date-function-words.tsv", tag "not-clock"
);
crate::word_set!(
    /// Words after a clock time, before or after noon ("10 am", "4 pm").
    pub(crate) MERIDIEM = file "date-function-words.tsv", tag "meridiem"
);
crate::word_set!(
    /// The meridiem after noon ("4 pm").
    pub(crate) PM = file "date-function-words.tsv", tag "pm"
);
crate::word_set!(
    /// Compounds naming the year before publication ("the year-ago quarter").
    pub(crate) YEAR_AGO = file "date-function-words.tsv", tag "year-ago"
);
crate::word_set!(
    /// Words before "now" naming the present ("right now").
    pub(crate) NOW_LEAD = file "date-function-words.tsv", tag "now-lead"
);
crate::word_set!(
    /// Words for the present by themselves ("currently").
    pub(crate) PRESENT = file "date-function-words.tsv", tag "present"
);
crate::word_set!(
    /// Words after "at present" that leave the phrase no time ("at present the").
    pub(crate) PRESENT_STOP = file "date-function-words.tsv", tag "present-stop"
);
crate::word_set!(
    /// Bookkeeping nouns after "current" that make the pair a term, no time ("current account").
    pub(crate) CURRENT_TERM = file "date-function-words.tsv", tag "current-term"
);
crate::word_set!(
    /// Words between "the" and "future" ("the near future").
    pub(crate) FUTURE_LEAD = file "date-function-words.tsv", tag "future-lead"
);
crate::word_set!(
    /// Words between "the" and "year" naming a whole year ("the fiscal year").
    pub(crate) WHOLE_YEAR = file "date-function-words.tsv", tag "whole-year"
);
crate::word_set!(
    /// Words after "the year" before the day it ends ("the year ended March 31").
    pub(crate) YEAR_END = file "date-function-words.tsv", tag "year-end"
);
crate::word_set!(
    /// Words before a plural unit, a stretch of unknown length ("for years").
    pub(crate) PLURAL_LEAD = file "date-function-words.tsv", tag "plural-lead"
);
crate::word_set!(
    /// Words saying something comes back every year ("paid annually").
    pub(crate) YEARLY = file "date-function-words.tsv", tag "yearly"
);
crate::word_set!(
    /// Words between "the" and "quarter" naming the one just reported ("the latest quarter").
    pub(crate) LATEST = file "date-function-words.tsv", tag "latest"
);
crate::word_set!(
    /// Words before "year-end" that make it the last day of a year ("by year-end").
    pub(crate) YEAR_END_LEAD = file "date-function-words.tsv", tag "year-end-lead"
);
crate::word_set!(
    /// Words between "the" and "period" before "last year" naming the year-ago quarter ("the
    /// corresponding period last year").
    pub(crate) SAME_PERIOD = file "date-function-words.tsv", tag "same-period"
);
crate::word_set!(
    /// Nouns after a span of three months naming a quarter ("the July-September quarter").
    pub(crate) QUARTER_NOUN = file "date-function-words.tsv", tag "quarter-noun"
);

/// A season's TIMEX3 code and the month it begins in ("fall" is `FA`, from September).
pub fn season(word: &str) -> Option<(&'static str, u32)> {
    with_lower(word, |w| {
        Some(match w {
            "spring" => ("SP", 3),
            "summer" => ("SU", 6),
            "fall" | "autumn" => ("FA", 9),
            "winter" => ("WI", 12),
            _ => return None,
        })
    })
}

/// The length in years of a unit longer than a year ("decade" is 10, "half-century" 50).
pub fn long_unit_years(word: &str) -> Option<u32> {
    static UNITS: std::sync::OnceLock<Vec<(&'static str, u32)>> = std::sync::OnceLock::new();
    let units = UNITS.get_or_init(|| {
        crate::lexicon::entries(crate::word_data!("long-time-units.tsv"))
            .filter_map(|e| {
                let mut c = crate::lexicon::columns(e);
                Some((c.next()?, c.next()?.parse().ok()?))
            })
            .collect()
    });
    units
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, n)| *n)
}

crate::word_set!(
    /// Words that end "in" + count + unit as a forward offset ("in two weeks' time").
    pub(crate) NOT_AFTER_IN = file "date-function-words.tsv", tag "not-after-in"
);
crate::word_set!(
    /// Lowercase words after "the" + number that make the number no day ("the 5 of").
    pub(crate) NOT_AFTER_DAY = file "date-function-words.tsv", tag "not-after-day"
);

/// Calls `f` with `word` in ASCII lowercase, without allocating; None for long words.
/// Non-ASCII words are lowercased with an allocation ("Tomorrow’s").
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> Option<R>) -> Option<R> {
    with_lower_bytes(word, |b| std::str::from_utf8(b).ok().and_then(f))
}

/// Like [`with_lower`], handing over bytes (cheaper: no UTF-8 check for ASCII words).
pub fn with_lower_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> Option<R>) -> Option<R> {
    let b = word.as_bytes();
    if !word.is_ascii() {
        return if b.len() <= 40 {
            f(word.to_lowercase().as_bytes())
        } else {
            None
        };
    }
    if b.len() > 24 {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    f(&buf[..b.len()])
}

/// Month number (1–12) for a month name or abbreviation ("Sept", "oct", "January").
pub fn month(word: &str) -> Option<u32> {
    with_lower_bytes(word, month_lower)
}

fn month_lower(w: &[u8]) -> Option<u32> {
    let m = match w {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// True when the month word is an abbreviation that may carry a period ("Oct.").
pub fn is_month_abbrev(word: &str) -> bool {
    word.len() <= 4
        && !word.eq_ignore_ascii_case("may")
        && !word.eq_ignore_ascii_case("june")
        && !word.eq_ignore_ascii_case("july")
}

/// Weekday for a weekday name or abbreviation ("Thu", "tues", "Saturday").
pub fn weekday(word: &str) -> Option<Weekday> {
    with_lower_bytes(word, weekday_lower)
}

fn weekday_lower(w: &[u8]) -> Option<Weekday> {
    let d = match w {
        b"monday" | b"mon" => Weekday::Mon,
        b"tuesday" | b"tue" | b"tues" => Weekday::Tue,
        b"wednesday" | b"wed" => Weekday::Wed,
        b"thursday" | b"thu" | b"thur" | b"thurs" => Weekday::Thu,
        b"friday" | b"fri" => Weekday::Fri,
        b"saturday" | b"sat" => Weekday::Sat,
        b"sunday" | b"sun" => Weekday::Sun,
        _ => return None,
    };
    Some(d)
}

/// True for a full weekday name (abbreviations like "sat" or "sun" are also common words).
pub fn is_full_weekday(word: &str) -> bool {
    word.len() >= 6 && weekday(word).is_some()
}

/// English name of a weekday.
pub fn weekday_name(wd: Weekday) -> &'static str {
    match wd {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// English name of a month (1–12).
pub fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Cardinal number words: "one" → 1 … "twenty" → 20, tens up to ninety; "a"/"an" → 1.
pub fn cardinal(word: &str) -> Option<u32> {
    with_lower_bytes(word, cardinal_lower)
}

fn cardinal_lower(w: &[u8]) -> Option<u32> {
    let n = match w {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => {
            if let Some((a, b)) = split_hyphen(w) {
                let t = cardinal_lower(a)?;
                let u = cardinal_lower(b)?;
                if t >= 20 && t % 10 == 0 && (1..10).contains(&u) {
                    return Some(t + u);
                }
            }
            return None;
        }
    };
    Some(n)
}

/// Ordinal words: "first" → 1 … "thirty-first" → 31 ("twenty-first", also as one hyphenated word).
pub fn ordinal(word: &str) -> Option<u32> {
    with_lower_bytes(word, ordinal_lower)
}

fn ordinal_lower(w: &[u8]) -> Option<u32> {
    let n = match w {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        _ => {
            if let Some((a, b)) = split_hyphen(w) {
                let t = cardinal_lower(a)?;
                let u = ordinal_lower(b)?;
                if (t == 20 || t == 30) && (1..10).contains(&u) {
                    return Some(t + u);
                }
            }
            return None;
        }
    };
    Some(n)
}

/// Ordinal suffix check for a number written "1st", "22nd", "3rd", "4th".
pub fn is_ordinal_suffix(word: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

/// How a word can take part in a temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// Not at all: the extractor skips it at once.
    None,
    /// A small word that only leads an expression ("the", "on", "in", "last", "a"): worth
    /// trying only when the next token is a number or a core word.
    Lead,
    /// A month, weekday, number or ordinal word, or a relative word ("today", "noon").
    Core,
}

/// Every word of the date lexicon with its [`crate::lexicon::class`] bits (built by the
/// lexicon from the same word sets).
#[cfg(test)]
pub(crate) fn class_words() -> Vec<(String, u32)> {
    crate::lexicon::date_class_words()
}

/// Every trigger word without a hyphen, ASCII only (see [`trigger_slow`] for the rules):
/// month, weekday, cardinal and ordinal words and relative words are core (weekdays and
/// relative words also with "'s"); the small leading words are leads.
static TRIGGERS: std::sync::LazyLock<ShortTable<Trigger>> = std::sync::LazyLock::new(|| {
    let possessive: Vec<String> = WEEKDAYS
        .iter()
        .chain(RELATIVE_DAYS.iter())
        .map(|w| format!("{w}'s"))
        .collect();
    let core = MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .chain(RELATIVE_DAYS.iter())
        .chain(CARDINALS.iter())
        .chain(&["zero"])
        .chain(ORDINALS.iter())
        .copied()
        .chain(possessive.iter().map(String::as_str));
    ShortTable::new(
        core.map(|w| (w, Trigger::Core))
            .chain(LEADS.iter().map(|w| (*w, Trigger::Lead))),
    )
});

/// Classifies a word for the extractor's fast path.
pub fn trigger(word: &str) -> Trigger {
    // no trigger word is longer than "yesterday’s" or starts with these letters
    let b = word.as_bytes();
    if b.len() > 14 && !b.contains(&b'-') {
        return Trigger::None;
    }
    if let Some(first) = b.first() {
        if matches!(
            first.to_ascii_lowercase(),
            b'g' | b'h' | b'k' | b'q' | b'r' | b'u' | b'v' | b'x'
        ) {
            return Trigger::None;
        }
    }
    // ASCII words without a hyphen: one table look-up
    if let Some(k) = short_key(b) {
        if !key_has_byte(k, b'-') {
            return TRIGGERS.get(k).unwrap_or(Trigger::None);
        }
    }
    trigger_slow(word)
}

/// [`trigger`] by the rules themselves (hyphenated and non-ASCII words).
fn trigger_slow(word: &str) -> Trigger {
    with_lower_bytes(word, |w| {
        let base = w
            .strip_suffix(b"'s")
            .or_else(|| w.strip_suffix("’s".as_bytes()))
            .unwrap_or(w);
        let core = month_lower(w).is_some()
            || weekday_lower(base).is_some()
            || cardinal_lower(w).is_some()
            || ordinal_lower(w).is_some()
            || std::str::from_utf8(base).is_ok_and(|b| RELATIVE_DAYS.contains(b))
            || (w.contains(&b'-')
                && w.split(|b| *b == b'-')
                    .any(|p| month_lower(p).is_some() || weekday_lower(p).is_some()));
        if core {
            return Some(Trigger::Core);
        }
        let lead = matches!(
            w,
            b"since"
                | b"from"
                | b"between"
                | b"in"
                | b"within"
                | b"on"
                | b"the"
                | b"this"
                | b"next"
                | b"last"
                | b"past"
                | b"previous"
                | b"coming"
                | b"current"
                | b"a"
                | b"an"
                | b"few"
                | b"several"
        );
        Some(if lead { Trigger::Lead } else { Trigger::None })
    })
    .unwrap_or(Trigger::None)
}

/// Words that may follow a leading small word inside an expression ("the day before", "last week").
pub fn follows_lead(word: &str) -> bool {
    with_lower_bytes(word, |w| {
        Some(FOLLOWS_LEAD.iter().any(|f| f.as_bytes() == w))
    })
    .unwrap_or(false)
}

/// [`trigger`] of a token, from its class bits when they are exact.
#[inline]
pub fn tok_trigger(t: &Tok) -> Trigger {
    if t.class & class::PLAIN != 0 {
        if t.class & class::CORE != 0 {
            Trigger::Core
        } else if t.class & class::LEAD != 0 {
            Trigger::Lead
        } else {
            Trigger::None
        }
    } else {
        trigger(t.text)
    }
}

/// [`follows_lead`] of a token, from its class bits when they are exact.
#[inline]
pub fn tok_follows_lead(t: &Tok) -> bool {
    if t.class & class::PLAIN != 0 {
        t.class & class::FOLLOWS_LEAD != 0
    } else {
        follows_lead(t.text)
    }
}

/// Calls `f` on the token's text unless its exact class bits lack `bit`.
#[inline]
fn unless_not(t: &Tok, bit: u32, f: impl FnOnce(&str) -> Option<u32>) -> Option<u32> {
    if t.class & class::PLAIN != 0 && t.class & bit == 0 {
        None
    } else {
        f(t.text)
    }
}

/// [`month`] of a token (its class bits rule out most words without a look-up).
#[inline]
pub fn tok_month(t: &Tok) -> Option<u32> {
    unless_not(t, class::MONTH, month)
}

/// [`cardinal`] of a token (its class bits rule out most words without a look-up).
#[inline]
pub fn tok_cardinal(t: &Tok) -> Option<u32> {
    unless_not(t, class::CARDINAL, cardinal)
}

/// [`ordinal`] of a token (its class bits rule out most words without a look-up).
#[inline]
pub fn tok_ordinal(t: &Tok) -> Option<u32> {
    unless_not(t, class::ORDINAL, ordinal)
}

/// [`weekday`] of a token (its class bits rule out most words without a look-up).
#[inline]
pub fn tok_weekday(t: &Tok) -> Option<Weekday> {
    if t.class & class::PLAIN != 0 && t.class & class::WEEKDAY == 0 {
        None
    } else {
        weekday(t.text)
    }
}

/// Time zone abbreviations recognised after a clock time.
pub fn zone(word: &str) -> Option<&'static str> {
    let z = match word {
        "UTC" | "UCT" => "UTC",
        "GMT" => "GMT",
        "ET" => "ET",
        "EST" => "EST",
        "EDT" => "EDT",
        "CT" => "CT",
        "CST" => "CST",
        "CDT" => "CDT",
        "MT" => "MT",
        "MST" => "MST",
        "MDT" => "MDT",
        "PT" => "PT",
        "PST" => "PST",
        "PDT" => "PDT",
        "HST" => "HST",
        "BST" => "BST",
        "CET" => "CET",
        "CEST" => "CEST",
        "EET" => "EET",
        "MSK" => "MSK",
        "IST" => "IST",
        "JST" => "JST",
        "AEST" => "AEST",
        "AEDT" => "AEDT",
        _ => return None,
    };
    Some(z)
}

fn split_hyphen(w: &[u8]) -> Option<(&[u8], &[u8])> {
    let i = w.iter().position(|b| *b == b'-')?;
    Some((&w[..i], &w[i + 1..]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn token_classes_match_the_look_ups() {
        use crate::text::{tokenize, Span, TokKind};
        use crate::time::lexicon as lx;
        let mut words: Vec<String> = lx::class_words().into_iter().map(|(w, _)| w).collect();
        for set in crate::lexicon::classed_sets() {
            words.extend(set.iter().map(|w| w.to_string()));
        }
        words.extend(
            crate::time::tense::class_words()
                .into_iter()
                .map(|(w, _)| w.to_string()),
        );
        words.extend(crate::lexicon::sets::numberish_words().map(str::to_string));
        words.extend(
            [
                "hello",
                "twenty-one",
                "mid-October",
                "Tomorrow’s",
                "Ünited",
                "x",
                "don't",
                "cease-fire",
                "internationalisation",
                "sat's",
                "Monday's",
                "I",
                "a-b-c",
            ]
            .map(str::to_string),
        );
        let base = words.clone();
        for w in &base {
            words.push(w.to_uppercase());
            let mut c = w.clone();
            if let Some(f) = c.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            words.push(c);
            words.push(format!("{w}s"));
        }
        // in one long text too, where words are read sixteen bytes at a time
        let long = words.join(" , ");
        for t in tokenize(&long, Span::new(0, long.len())) {
            if t.kind == TokKind::Word {
                assert_eq!(t.class, crate::lexicon::classify(t.text), "{}", t.text);
            }
        }
        for w in &words {
            let toks = tokenize(w, Span::new(0, w.len()));
            for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
                assert_eq!(lx::tok_trigger(t), lx::trigger(t.text), "{w}");
                assert_eq!(lx::tok_follows_lead(t), lx::follows_lead(t.text), "{w}");
                assert_eq!(lx::tok_month(t), lx::month(t.text), "{w}");
                assert_eq!(lx::tok_weekday(t), lx::weekday(t.text), "{w}");
                assert_eq!(lx::tok_cardinal(t), lx::cardinal(t.text), "{w}");
                assert_eq!(lx::tok_ordinal(t), lx::ordinal(t.text), "{w}");
                assert_eq!(t.class, crate::lexicon::classify(t.text), "{w}");
                if t.class & crate::lexicon::class::PLAIN != 0
                    && t.class & crate::lexicon::class::NUMBERISH == 0
                {
                    assert!(
                        !crate::lexicon::sets::numberish_words()
                            .any(|n| n.eq_ignore_ascii_case(t.text)),
                        "{w}"
                    );
                }
                for set in crate::lexicon::classed_sets() {
                    assert_eq!(set.has(t), set.contains(t.text), "{w}");
                }
            }
        }
    }

    use super::*;

    #[test]
    fn reads_words() {
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(weekday("tues"), Some(Weekday::Tue));
        assert_eq!(cardinal("twenty-one"), Some(21));
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("thirty-first"), Some(31));
        assert_eq!(ordinal("forty-first"), None);
    }

    #[test]
    fn trigger_table_matches_the_rules() {
        let words = [
            "Monday",
            "monday's",
            "MON",
            "Sept",
            "may",
            "May's",
            "today's",
            "Today",
            "twenty",
            "Twentieth",
            "thirtieth",
            "first",
            "the",
            "The",
            "an",
            "a",
            "A's",
            "several",
            "hello",
            "said",
            "since",
            "Since's",
            "noon's",
            "yesterday's",
            "mar",
            "zero",
            "ninety",
            "fortieth",
            "s",
            "'s",
            "x",
            "in",
            "on",
            "On",
            "tmrw",
            "dec",
            "sat's",
            "tues's",
            "January's",
            "a\0",
            "\0",
            "thirty-first",
            "mid-October",
            "Tomorrow’s",
            "week",
            "days",
        ];
        for w in words {
            assert_eq!(trigger(w), trigger_slow(w), "{w}");
        }
    }
}
