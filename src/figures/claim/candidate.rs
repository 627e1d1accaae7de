//! Step 1: may this number be a figure at all? Dates, codes, names, ages, list markers and
//! the like are turned away before any value is read.

use super::{ages, in_set, Cx, Rejection};
use crate::figures::number::Number;
use crate::figures::{CURRENCY_SET, DURATION_UNIT_SET, MEASURE_UNIT_SET};
use crate::lexicon::sets::{AUXILIARIES, MONTHS, YEAR_DETERMINERS};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Nouns after a year-like number that make it a count.
    YEAR_COUNT_NOUNS = file "year-count-nouns.txt"
);
crate::word_set!(
    /// Words after a number that make it a quantity, not a name's number.
    QUANTITY_FOLLOWERS = file "quantity-followers.txt"
);
crate::word_set!(
    /// Nouns before a number that make it an item's number ("page 3").
    NUMBERED_ITEM_WORDS = file "numbered-item-words.txt"
);
crate::word_set!(
    /// Numbers of telephone services ("911", "999").
    SERVICE_NUMBERS = file "service-numbers.tsv", tag "number"
);
crate::word_set!(
    /// Words after a service's number that name its use ("911 call").
    SERVICE_USES = file "service-numbers.tsv", tag "after"
);
crate::word_set!(
    /// Verbs before a service's number ("called 911").
    SERVICE_VERBS = file "service-numbers.tsv", tag "before"
);
crate::word_set!(
    /// Words that may come right before a figure at the start of a sentence.
    NUMBER_LEAD_WORDS = file "number-lead-words.txt"
);
crate::word_set!(
    /// Words of a ranking bracket before a number ("top", "bottom").
    RANK_BRACKETS = file "rank-brackets.txt"
);

/// One rejection heuristic of this step.
type Check = fn(&Cx, &Number, &Around) -> Option<Rejection>;

/// The tokens around a number.
pub(super) struct Around<'s, 't> {
    pub first: &'s Tok<'t>,
    pub last: &'s Tok<'t>,
    pub prev: Option<&'s Tok<'t>>,
    pub next: Option<&'s Tok<'t>>,
}

/// The first reason the number cannot be a figure, if any.
pub(super) fn check(cx: &Cx, num: &Number) -> Result<(), Rejection> {
    let first = cx.tok(num.start).ok_or(Rejection::Truncated)?;
    let last = cx
        .tok(num.end.checked_sub(1).ok_or(Rejection::Truncated)?)
        .ok_or(Rejection::Truncated)?;
    let a = Around {
        first,
        last,
        prev: num.start.checked_sub(1).and_then(|p| cx.tok(p)),
        next: cx.tok(num.end),
    };
    if in_date(cx, &a) {
        return Err(Rejection::InDate);
    }
    let checks: &[Check] = if num.digits {
        &[
            short_year,
            day_of_month,
            glued_before,
            glued_after,
            address_or_name,
            street_block,
            house_number,
            furniture_counter,
            station_name,
            code,
            malformed_group,
            conversion,
            exchange_rate,
            joined_name,
            rank,
            year,
            ages::age,
            ages::the_age_of,
            ages::loose_age,
            ages::age_decade,
            ages::age_after_name,
            ages::ages_after_a_count,
            ages::age_limit_of_one,
            calibre,
            list_marker,
            name_number,
            of_name,
            numbered_item,
            service_number,
        ]
    } else {
        &[
            ages::loose_age,
            ages::the_age_of,
            ages::age_limit_of_one,
            before_name,
            lone_one,
        ]
    };
    match checks.iter().find_map(|f| f(cx, num, &a)) {
        Some(r) => Err(r),
        None => Ok(()),
    }
}

/// Inside one of the sentence's dates or times.
fn in_date(cx: &Cx, a: &Around) -> bool {
    let span = a.first.span.cover(a.last.span);
    cx.sent_dates
        .iter()
        .any(|&i| cx.dates.get(i).is_some_and(|d| d.span.overlaps(span)))
}

/// Glued to letters or a hyphen before: "COVID-19", "G20", "A-10" (not the magnitude
/// "M6.4"); to a reference mark: "#3", "1/2"; or to a colon with no hour before it: "the :44
/// mark" of a video.
fn glued_before(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    if p.span.end != a.first.span.start {
        return None;
    }
    let magnitude = p.text == "M" && num.end > num.start + 1;
    if (p.kind == TokKind::Word || p.is_punct('-')) && !magnitude {
        return Some(Rejection::GluedToWord);
    }
    // ":44" with no hour before it: a time into a video or a game (": 44 mark")
    let offset = p.is_punct(':')
        && num
            .start
            .checked_sub(2)
            .and_then(|i| cx.tok(i))
            .is_none_or(|t| t.kind != TokKind::Num || t.span.end != p.span.start);
    if offset {
        return Some(Rejection::ClockOrFraction);
    }
    (p.is_punct('#') || p.is_punct('/')).then_some(Rejection::Reference)
}

/// Glued after: "1st", "A320neo" (but "10km", "150mph" carry a unit), "12:00", "3/4",
/// "28-year-old", "737-800", "555-1234".
fn glued_after(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let n = a.next?;
    if n.span.start != a.last.span.end {
        return None;
    }
    if n.kind == TokKind::Word
        && !n.is("s")
        && !in_set(n, &MEASURE_UNIT_SET)
        && !in_set(n, &DURATION_UNIT_SET)
    {
        return Some(Rejection::Ordinal);
    }
    if n.is_punct(':') || n.is_punct('/') {
        return Some(Rejection::ClockOrFraction);
    }
    if n.is_punct('-') {
        let after = cx.tok(num.end + 1);
        if after.is_some_and(|t| t.kind == TokKind::Word && is_year_old(t.text)) {
            return Some(Rejection::Age);
        }
        if after.is_some_and(|t| t.kind == TokKind::Num && t.text.len() >= 3)
            && a.last.text.len() >= 3
        {
            return Some(Rejection::ModelNumber);
        }
    }
    None
}

crate::word_set!(
    /// Words after a number that make it a gun's calibre ("caliber", "gauge").
    CALIBRE_WORDS = file "calibre-words.tsv", tag "calibre"
);
crate::word_set!(
    /// Units of length that give a calibre before a firearm word ("mm").
    CALIBRE_UNITS = file "calibre-words.tsv", tag "unit"
);
crate::word_set!(
    /// Firearm words after a calibre in a unit of length ("handgun", "rounds").
    CALIBRE_ARMS = file "calibre-words.tsv", tag "arm"
);

/// A gun's calibre: "a .40-caliber pistol", "a 12-gauge shotgun", "a 9 mm handgun", "9mm
/// rounds" (the size of a model of gun, not a measurement the story makes).
fn calibre(cx: &Cx, num: &Number, _: &Around) -> Option<Rejection> {
    let mut j = num.end;
    if cx.tok(j).is_some_and(|t| t.is_punct('-')) {
        j += 1;
    }
    let w = cx.word(j)?;
    let arm = || {
        let k = j + 1 + usize::from(cx.tok(j + 1).is_some_and(|t| t.is_punct('-')));
        cx.word(k).is_some_and(|t| in_set(t, &CALIBRE_ARMS))
    };
    (in_set(w, &CALIBRE_WORDS) || (in_set(w, &CALIBRE_UNITS) && arm()))
        .then_some(Rejection::ModelNumber)
}

/// "year-old", "years-old", "month-old", "week-old", "day-old": the tail of an age ("a
/// 3-month-old son", "the 17-month-old recession": how old someone or something is).
pub(super) fn is_year_old(w: &str) -> bool {
    // compared in place, without a lowercase copy (the throughput benchmark, `cargo bench
    // --bench throughput`: asked of every word after a number)
    let b = w.as_bytes();
    b.windows(3).any(|x| x.eq_ignore_ascii_case(b"old"))
        && AGE_UNITS.iter().any(|u| {
            b.get(..u.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(u.as_bytes()))
        })
}

crate::word_set!(
    /// Units of time an age is told in ("month" of "3-month-old").
    pub(super) AGE_UNITS = file "age-units.txt"
);

/// Addresses, frequencies, names: "41822 Quill Ave", "100.3 KXYZ-FM", "4 HURRICANE VELMA".
/// Not when a currency follows over a country's name ("50 mln Q.R. dollars").
fn address_or_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let n = a.next?;
    if super::value::currency_after(cx, num.end).is_some() {
        return None;
    }
    // "12 U.S. banks": a dotted initialism before a word in lowercase modifies what is counted
    let initialism = cx.initialism_at(num.end);
    if initialism > 0
        && cx
            .word(num.end + initialism)
            .is_some_and(|w| !w.is_capitalized())
    {
        return None;
    }
    let n2 = cx.tok(num.end + 1);
    let caps = |t: &Tok| t.kind == TokKind::Word && t.is_capitalized();
    (caps(n)
        && (n.text.len() > 1 && n.text.chars().all(char::is_uppercase)
            || n2.is_some_and(|t| caps(t) || t.is_punct('.') || t.is_punct('-'))))
    .then_some(Rejection::Address)
}

/// A house number after "at" with no street suffix: "shot at 4439 Elmwood about 9 p.m." (not
/// "the toll stood at 300 Monday night" nor "at 300 Bhutanese": a date or people follow).
fn house_number(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let n = a.next?;
    let digits = a.first.text.len();
    let counted = |t: &Tok| {
        crate::figures::is_people_lowercased(t.text) || crate::figures::measure_word(t).is_some()
    };
    let shape = num.end == num.start + 1
        && (3..=5).contains(&digits)
        && a.first.text.bytes().all(|b| b.is_ascii_digit())
        && a.prev.is_some_and(|p| p.is("at"))
        && n.kind == TokKind::Word
        && n.is_capitalized();
    if !shape || counted(n) || cx.word(num.end + 1).is_some_and(counted) {
        return None;
    }
    let in_a_date = cx
        .sent_dates
        .iter()
        .any(|&i| cx.dates.get(i).is_some_and(|d| d.span.overlaps(n.span)));
    (!in_a_date).then_some(Rejection::Address)
}

/// A gallery's counter written with spaces, "1 / 4", and a page's reading time, "2 min read".
fn furniture_counter(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let counter = a.prev.is_some_and(|p| p.is_punct('/'))
        && num
            .start
            .checked_sub(2)
            .and_then(|i| cx.tok(i))
            .is_some_and(|t| t.kind == TokKind::Num);
    let unit = |t: &Tok| in_set(t, &DURATION_UNIT_SET) || t.is("min");
    let reading = a.next.is_some_and(unit)
        && cx.word(num.end + 1).is_some_and(|t| t.is("read"))
        && cx.word(num.end + 2).is_none();
    (counter || reading).then_some(Rejection::NumberedItem)
}

/// A street block: "the 4300 block of" is an address, not a count of blocks.
fn street_block(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    (a.next
        .is_some_and(|n| in_set(n, &crate::lexicon::sets::ADDRESS_NOUNS))
        && cx.word(num.end + 1).is_some_and(|w| w.is("of")))
    .then_some(Rejection::Address)
}

/// A number between an all-capitals name and a capitalised word is the name of a station or
/// channel: "WXYZ 3 News", "KXYZ 7 Eastfield", and so is one between a call sign and a word that
/// is no unit: "WXYZ 4 app" (not a count after an all-capitals word: "UPDATE 2 Dead").
fn station_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    let n = a.next?;
    let all_caps = |t: &Tok| {
        t.kind == TokKind::Word
            && t.text.chars().count() >= 2
            && t.text.chars().all(|c| c.is_ascii_uppercase())
    };
    let counted = |t: &Tok| {
        // lowercased: a capitalised plural is no nationality here ("News")
        crate::figures::is_people_lowercased(t.text)
            || crate::figures::measure_word(t).is_some()
            || cx
                .word(num.end + 1)
                .is_some_and(|w| crate::figures::measure_word(w).is_some())
    };
    // "WXYZ 4 app", "KXYZ 2 newsletters": a call sign of three capitals or more before a word
    // that is no unit
    let lower = n.kind == TokKind::Word
        && !n.is_capitalized()
        && p.text.len() >= 3
        && !in_set(n, &MEASURE_UNIT_SET)
        && !in_set(n, &DURATION_UNIT_SET)
        && !in_set(n, &CURRENCY_SET)
        && !in_set(n, &QUANTITY_FOLLOWERS);
    let capitalised = n.kind == TokKind::Word && n.is_capitalized() && !all_caps(n);
    (all_caps(p) && (capitalised || lower) && !counted(n)).then_some(Rejection::NameNumber)
}

/// Long numbers without separators (codes, typos) and leading zeros.
fn code(_: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let t = a.first.text;
    (num.end == num.start + 1 && (t.len() >= 5 || (t.len() > 1 && t.starts_with('0'))))
        .then_some(Rejection::Code)
}

/// A malformed group: "20,00".
fn malformed_group(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    (a.next
        .is_some_and(|n| n.is_punct(',') && n.span.start == a.last.span.end)
        && cx
            .tok(num.end + 1)
            .is_some_and(|n| n.kind == TokKind::Num && n.span.start == a.last.span.end + 1))
    .then_some(Rejection::MalformedGroup)
}

/// A conversion in brackets after a figure: "12 feet (3.6 meters)".
fn conversion(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    (a.prev.is_some_and(|p| p.is_punct('('))
        && num.start >= 2
        && cx
            .word(num.start - 2)
            .is_some_and(|w| in_set(w, &MEASURE_UNIT_SET) || in_set(w, &CURRENCY_SET)))
    .then_some(Rejection::Conversion)
}

/// An exchange-rate note: "($1 = 0.93 euros)" is a reader's aid, not a figure of the story.
fn exchange_rate(_: &Cx, _: &Number, a: &Around) -> Option<Rejection> {
    (a.prev.is_some_and(|p| p.is_punct('=')) || a.next.is_some_and(|n| n.is_punct('=')))
        .then_some(Rejection::Conversion)
}

/// A number after a name joined by an ampersand names an index or a list: "the Q&R 300
/// slipped", "the Halvik & Doran's 40 index" (not "Velmar & Sons 2,000 workers", "Q&R 5
/// percent": a quantity follows).
fn joined_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    if p.kind != TokKind::Word || !p.is_capitalized() || num.start < 2 {
        return None;
    }
    if !cx.tok(num.start - 2).is_some_and(|t| t.is_punct('&')) {
        return None;
    }
    (!quantity_after(a)).then_some(Rejection::NameNumber)
}

/// A percent sign, a unit, a currency or people right after the number: it is a quantity
/// whatever stands before it ("the top 5 percent", "Velmar & Sons 2,000 workers").
fn quantity_after(a: &Around) -> bool {
    a.next.is_some_and(|n| {
        n.is_punct('%')
            || in_set(n, &QUANTITY_FOLLOWERS)
            || in_set(n, &MEASURE_UNIT_SET)
            || in_set(n, &DURATION_UNIT_SET)
            || in_set(n, &CURRENCY_SET)
            || crate::figures::is_people_lowercased(n.text)
            || crate::figures::measure_word(n).is_some()
    })
}

/// A ranking bracket after a determiner ("No. 2" is a numbered item): "the top 10 sellers", "a top 50 place" (not the verb: "could top 10 million").
fn rank(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    let before = num.start.checked_sub(2).and_then(|i| cx.word(i));
    let bracket = p.kind == TokKind::Word
        && in_set(p, &RANK_BRACKETS)
        && before.is_some_and(|w| in_set(w, &YEAR_DETERMINERS))
        && !quantity_after(a);
    bracket.then_some(Rejection::Ordinal)
}

/// A bare four-digit number from 1800 to 2100, unless a percent or people follow.
fn year(_: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    (num.min == num.max
        && a.first.text.len() == 4
        && num.end == num.start + 1
        && (1800.0..=2100.0).contains(&num.min)
        && !a
            .next
            .is_some_and(|n| n.is_punct('%') || in_set(n, &YEAR_COUNT_NOUNS)))
    .then_some(Rejection::Year)
}

/// The day of a date the date reader left out: "the 19 Sept. 11 hijackers", "a post-Sept. 11
/// law", "the post-September 11 world" (a day from 1 to 31 right after a month's dotted
/// abbreviation, or after a month's name that a number or a hyphen glues to what comes
/// before).
fn day_of_month(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let day = num.end == num.start + 1
        && a.first.text.len() <= 2
        && a.first
            .text
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d));
    if !day {
        return None;
    }
    let Some(p) = a.prev else {
        // "post-Sept." read as the end of the sentence before
        return after_dotted_month(cx.text, a.first.span.start).then_some(Rejection::InDate);
    };
    let before = |d: usize| num.start.checked_sub(d).and_then(|i| cx.tok(i));
    // the month's word, after a prefix's hyphen ("post-Sept")
    let month_of = |t: &'_ Tok| -> Option<(usize, bool)> {
        let w = t.text.rsplit('-').next()?;
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        (t.kind == TokKind::Word && cap && MONTHS.contains(w)).then_some((w.len(), w != t.text))
    };
    let dotted = p.is_punct('.')
        && before(2).is_some_and(|m| {
            month_of(m).is_some_and(|(len, _)| len <= 4) && m.span.end == p.span.start
        });
    let glued_name = month_of(p).is_some_and(|(len, prefixed)| {
        len > 4
            && (prefixed
                || before(2).is_some_and(|b| {
                    b.kind == TokKind::Num || (b.is_punct('-') && b.span.end == p.span.start)
                }))
    });
    (dotted || glued_name).then_some(Rejection::InDate)
}

/// True when the text before byte `at` ends with a month's dotted abbreviation ("Sept.",
/// "post-Sept.").
fn after_dotted_month(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let trimmed = before.trim_end();
    // on the same line: a paragraph's first figure is never a day of the one before
    if before
        .get(trimmed.len()..)
        .is_some_and(|gap| gap.contains('\n'))
    {
        return false;
    }
    let Some(head) = trimmed.strip_suffix('.') else {
        return false;
    };
    let start = head
        .char_indices()
        .rev()
        .take(5)
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    let w = head.get(start..).unwrap_or("");
    let glued = head.get(..start).is_none_or(|h| {
        h.chars()
            .next_back()
            .is_none_or(|c| c == '-' || c.is_whitespace())
    });
    (1..=4).contains(&w.len())
        && glued
        && w.chars().next().is_some_and(char::is_uppercase)
        && MONTHS.contains(w)
}

/// "in '86", "Expo '98": a year written by its last two digits after an apostrophe glued to
/// them and to no word before. A quotation opening on a number ("'40 dead' in the quake") is
/// none: the same mark closes it later in the sentence.
fn short_year(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    let mark = p.is_punct('\'') || p.is_punct('\u{2019}');
    if !mark
        || p.span.end != a.first.span.start
        || num.end != num.start + 1
        || a.first.text.len() != 2
        || !a.first.text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let glued_to_word = num
        .start
        .checked_sub(2)
        .and_then(|i| cx.tok(i))
        .is_some_and(|w| w.span.end == p.span.start);
    let closed = cx
        .toks
        .get(num.end..)
        .unwrap_or(&[])
        .iter()
        .any(|t| t.kind == TokKind::Punct && t.text == p.text);
    (!glued_to_word && !closed).then_some(Rejection::Year)
}

/// List markers: "1." or "2)" at the start of a sentence.
fn list_marker(_: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    (num.start == 0 && a.next.is_some_and(|n| n.is_punct('.') || n.is_punct(')')))
        .then_some(Rejection::ListMarker)
}

/// "Corvane 410", "Flight 519", "Article 50" (not "Ostler's 4,000-pound", "Vermont 40 percent",
/// an all-caps word or a lowercase lead word).
fn name_number(_: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    (p.kind == TokKind::Word
        && p.is_capitalized()
        && !p.text.ends_with("'s")
        && !p.text.ends_with("\u{2019}s")
        && num.start > 0
        && !in_set(p, &NUMBER_LEAD_WORDS)
        && !a
            .next
            .is_some_and(|n| n.is_punct('%') || in_set(n, &QUANTITY_FOLLOWERS))
        && !p.text.chars().all(char::is_uppercase))
    .then_some(Rejection::NameNumber)
}

/// "the Group of 20 nations", "a Council of 10 meeting": a number after "of" that follows a
/// capitalised word inside the sentence ends a name (not "Velmar Corp of 2,000 workers", "The
/// Board of 12 percent": a quantity follows; nor a capital opening the sentence: "Most of 20").
fn of_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let p = a.prev?;
    let k = num.start.checked_sub(2).filter(|&k| k > 0)?;
    let name = cx.word(k)?;
    // the name opens after a determiner or goes on from a capitalised word: "the Group of",
    // "Price Indices of"; not "a high in Tokyo of 1.30", "the index .GSPE of 44 companies"
    let opens = cx.word(k - 1).is_some_and(|w| {
        (w.is_capitalized() && !w.text.chars().all(|c| c.is_uppercase()))
            || in_set(w, &crate::lexicon::sets::ARTICLES)
    });
    let title = name.is_capitalized() && !name.text.chars().all(|c| c.is_uppercase());
    let scale = |t: &Tok| in_set(t, &crate::lexicon::sets::NUMBER_SCALES);
    let scaled = scale(a.last) || a.next.is_some_and(scale);
    (p.is("of")
        && title
        && opens
        && !in_set(name, &NUMBER_LEAD_WORDS)
        && !quantity_after(a)
        && !scaled)
        .then_some(Rejection::NameNumber)
}

/// "page 3", "number 5", "No 10", "No. 2 grocer" (the abbreviation's point between), "chapter
/// 2", and the number of items in "page 3 of 10", "Image 4 of 11" (a gallery's counter).
fn numbered_item(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let item = |p: &Tok| in_set(p, &NUMBERED_ITEM_WORDS);
    // "No. 2", "Art. 5": the item word's abbreviation dot between
    let dotted = a.prev.is_some_and(|p| {
        p.is_punct('.')
            && num
                .start
                .checked_sub(2)
                .and_then(|i| cx.word(i))
                .is_some_and(|w| item(w) && w.span.end == p.span.start)
    });
    let of_items = a.prev.is_some_and(|p| p.is("of"))
        && num.start >= 3
        && cx
            .tok(num.start - 2)
            .is_some_and(|t| t.kind == TokKind::Num)
        && cx.word(num.start - 3).is_some_and(item);
    (a.prev.is_some_and(item) || dotted || of_items).then_some(Rejection::NumberedItem)
}

/// The number of a telephone service, with a word of its use after it or a verb of calling
/// before it: "a 911 call", "911 dispatchers", "called 911" (not "911 people", nor "300 calls").
fn service_number(_: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let service = num.end == num.start + 1 && SERVICE_NUMBERS.contains(a.first.text);
    (service
        && (a.next.is_some_and(|n| in_set(n, &SERVICE_USES))
            || a.prev.is_some_and(|p| in_set(p, &SERVICE_VERBS))))
    .then_some(Rejection::ServiceNumber)
}

/// A spelled number before a name: "two South Caucasus countries".
fn before_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let caps = |t: &Tok| t.kind == TokKind::Word && t.is_capitalized();
    (a.next.is_some_and(caps) && cx.tok(num.end + 1).is_some_and(caps))
        .then_some(Rejection::BeforeName)
}

/// "one" is too common to be a figure on its own: it is kept before people in a list of
/// counts ("two journalists and one local guide") or among casualties ("one more civilian
/// died"), never in "one of".
fn lone_one(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    if !(a.first.is("one") && num.end == num.start + 1) {
        return None;
    }
    // "one of the two guards … has died": a count of its own
    if a.next.is_some_and(|n| n.is("of")) {
        return (!super::noun::has_fate(cx, num.end)).then_some(Rejection::LoneOne);
    }
    let people_after = cx
        .toks
        .get(num.end..(num.end + 3).min(cx.toks.len()))
        .is_some_and(|r| r.iter().any(|t| crate::figures::is_people(t.text)));
    let listed_or_casualty = a.prev.is_some_and(|p| p.is("and"))
        || super::context_measure(cx.toks, num.start, num.end)
            .is_some_and(|m| m != crate::figures::Measure::Count);
    // "Three were killed and one was wounded": a count of its own
    let subject = a.next.is_some_and(|n| in_set(n, &AUXILIARIES));
    (a.next.is_some_and(|n| n.is("of")) || !((people_after || subject) && listed_or_casualty))
        .then_some(Rejection::LoneOne)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::why_not;
    use super::Rejection as R;

    #[test]
    fn codes_and_names_are_no_figures() {
        assert_eq!(
            why_not("The outbreak of COVID-19 spread fast.", "19"),
            Some(R::GluedToWord)
        );
        assert_eq!(
            why_not("She wore shirt #3 at the match.", "3"),
            Some(R::Reference)
        );
        assert_eq!(why_not("He came 1st in the race.", "1"), Some(R::Ordinal));
        assert_eq!(
            why_not("The 28-year-old driver was unhurt.", "28"),
            Some(R::Age)
        );
        // the day of a date the date reader left out
        assert_eq!(
            why_not(
                "Four of the 19 Sept. 11 hijackers had lived in Tessaly.",
                "11"
            ),
            Some(R::InDate)
        );
        assert_eq!(
            why_not("The post-Sept. 11 law gave 40 agencies new powers.", "11"),
            Some(R::InDate)
        );
        assert_eq!(
            why_not(
                "The post-September 11 rules cost Velmar Corp $2 million.",
                "11"
            ),
            Some(R::InDate)
        );
        // ages in months, weeks and days: of a child, or of a slump or a strike
        assert_eq!(
            why_not("She left with her 3-month-old son.", "3"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("The 17-week-old strike at Velmar Corp ended.", "17"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("She left with her three month old son.", "three"),
            Some(R::Age)
        );
        assert_eq!(why_not("The 17-week strike ended.", "17"), None);
        assert_eq!(
            why_not("A 737-800 jet landed safely.", "737"),
            Some(R::ModelNumber)
        );
        assert_eq!(
            why_not("They live at 41822 Quill Ave in the town.", "41822"),
            Some(R::Address)
        );
        assert_eq!(
            why_not("The parcel had tracking 48213 on it.", "48213"),
            Some(R::Code)
        );
        assert_eq!(
            why_not("The jet was a Corvane 410 bought new.", "410"),
            Some(R::NameNumber)
        );
        assert_eq!(
            why_not("The table is on page 3 of the report.", "3"),
            Some(R::NumberedItem)
        );
        assert_eq!(
            why_not("Ministers met at a Forum of 30 nations summit.", "30"),
            Some(R::NameNumber)
        );
        assert_eq!(why_not("Velmar Corp of 40 workers grew.", "40"), None);
        assert_eq!(
            why_not(
                "It beat a rate polled by Newswire Daily of 15 million.",
                "15"
            ),
            None
        );
    }

    #[test]
    fn ranks_joined_names_and_exchange_notes_are_no_figures() {
        assert_eq!(
            why_not("Shares of the Q&R 300 slipped on Tuesday.", "300"),
            Some(R::NameNumber)
        );
        assert_eq!(
            why_not("The Halvik & Doran's 40 index rose.", "40"),
            Some(R::NameNumber)
        );
        assert_eq!(
            why_not("Velmar & Tessaly's 900 workers struck on Tuesday.", "900"),
            None
        );
        assert_eq!(
            why_not("Shares of No. 2 grocer Velmar rose 3 percent.", "2"),
            Some(R::NumberedItem)
        );
        assert_eq!(
            why_not("She is the only one in the top 10 best paid.", "10"),
            Some(R::Ordinal)
        );
        assert_eq!(
            why_not("Sales could top 10 million units this year.", "10"),
            None
        );
        assert_eq!(
            why_not("The plan cuts the top 37 percent rate on wages.", "37"),
            None
        );
        assert_eq!(
            why_not(
                "The debt is 9 billion crowns ($1 = 21.5 crowns) in all.",
                "21"
            ),
            Some(R::Conversion)
        );
        assert_eq!(
            why_not(
                "The debt is 9 billion crowns ($1 = 21.5 crowns) in all.",
                "1"
            ),
            Some(R::Conversion)
        );
    }

    #[test]
    fn a_year_by_its_last_two_digits_is_no_figure() {
        for (s, n) in [
            ("In '94 Ondrej Halvik ran the same campaign.", "94"),
            ("He was a Velmar Corp '02 recruit who stayed.", "02"),
            ("The Tessaly fair of '88 drew crowds.", "88"),
        ] {
            assert_eq!(why_not(s, n), Some(R::Year), "{s}");
        }
        // a headline's quotation opening on a figure: the mark closes it
        assert_eq!(why_not("'40 dead' in Tessaly floods.", "40"), None);
    }

    #[test]
    fn a_gun_calibre_is_no_figure() {
        assert_eq!(
            why_not("Officers took a .45-caliber revolver from the car.", "45"),
            Some(R::ModelNumber)
        );
        assert_eq!(
            why_not("A 20 gauge shotgun lay by the door.", "20"),
            Some(R::ModelNumber)
        );
        assert_eq!(
            why_not("He fired a 10 mm pistol twice.", "10"),
            Some(R::ModelNumber)
        );
        assert_eq!(
            why_not("Detectives found 7mm rounds in the yard.", "7"),
            Some(R::ModelNumber)
        );
        // a length in millimetres of anything else is a measurement
        assert_eq!(why_not("The river rose 40 mm overnight.", "40"), None);
    }

    #[test]
    fn years_ages_and_list_markers_are_no_figures() {
        assert_eq!(
            why_not("The bridge opened in 1998 to traffic.", "1998"),
            Some(R::InDate)
        );
        assert_eq!(why_not("Some 1998 fans came.", "1998"), Some(R::Year));
        assert_eq!(
            why_not("The mayor, aged 54, waved to the crowd.", "54"),
            Some(R::Age)
        );
        // a life's event at an age, and "the age of"
        assert_eq!(
            why_not("Ondrej Halvik, who died at 87, built the mill.", "87"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("The judge died Monday at the age of 91.", "91"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("The news came that Halvik was dead at 91.", "91"),
            Some(R::Age)
        );
        // a toll stays a figure
        assert_eq!(why_not("At least 40 people died at the camp.", "40"), None);
        assert_eq!(
            why_not("1. Bring water to the shelter.", "1"),
            Some(R::ListMarker)
        );
        assert_eq!(
            why_not("A malformed sum of 20,00 was printed.", "20"),
            Some(R::MalformedGroup)
        );
    }

    #[test]
    fn blocks_stations_and_gallery_counters_are_no_figures() {
        assert_eq!(
            why_not("It happened in the 2500 block of a quiet lane.", "2500"),
            Some(R::Address)
        );
        assert_eq!(why_not("Crews walked 12 blocks to the river.", "12"), None);
        // a dotted initialism before a lowercase noun modifies what is counted
        assert_eq!(why_not("Officials said 12 U.N. workers left.", "12"), None);
        assert_eq!(
            why_not("The convoy took 12 U.S. Route 9 exits.", "12"),
            Some(R::Address)
        );
        assert_eq!(
            why_not("A reporter for KXYZ 9 News spoke to neighbours.", "9"),
            Some(R::NameNumber)
        );
        assert_eq!(why_not("UPDATE 2 Dead after the crash.", "2"), None);
        assert_eq!(
            why_not("Photo 2 of 7 Volunteers cleared the road.", "7"),
            Some(R::NumberedItem)
        );
        assert_eq!(why_not("Two of 7 volunteers left early.", "7"), None);
    }

    #[test]
    fn house_numbers_call_signs_and_page_furniture_are_no_figures() {
        assert_eq!(
            why_not("A man was shot at 4439 Elmwood about 9 p.m.", "4439"),
            Some(R::Address)
        );
        assert_eq!(why_not("The toll stood at 300 Monday night.", "300"), None);
        assert_eq!(
            why_not("Estimates put it at 300 Bhutanese hurt.", "300"),
            None
        );
        assert_eq!(
            why_not("Watch KXYZ 2 newscasts and the KXYZ 2 app for more.", "2"),
            Some(R::NameNumber)
        );
        assert_eq!(why_not("UPDATE 2 dead after the crash.", "2"), None);
        assert_eq!(
            why_not("A boy was hurt 1 / 4 Back to the gallery.", "4"),
            Some(R::NumberedItem)
        );
        assert_eq!(
            why_not("By Dana Reyes May 2, 2023 3 min read", "3"),
            Some(R::NumberedItem)
        );
        assert_eq!(
            why_not("Shots are heard at the :44 mark of the clip.", "44"),
            Some(R::ClockOrFraction)
        );
        assert_eq!(why_not("The siege lasted 3 minutes.", "3"), None);
    }

    #[test]
    fn an_emergency_number_is_no_count() {
        for (s, n) in [
            ("Neighbours made a 911 call after the shots.", "911"),
            ("His brother, who called 911, was hurt.", "911"),
            ("The 999 operator sent two crews.", "999"),
            (
                "Residents were told to use the 911 emergency number.",
                "911",
            ),
            ("The 112 centre sent a crew.", "112"),
        ] {
            assert_eq!(why_not(s, n), Some(R::ServiceNumber), "{s}");
        }
        assert_eq!(
            why_not("The centre took 300 calls that night.", "300"),
            None
        );
        assert_eq!(why_not("Some 911 people signed the letter.", "911"), None);
    }

    #[test]
    fn a_year_like_number_of_people_is_a_figure() {
        assert_eq!(why_not("Some 2000 people lined the road.", "2000"), None);
    }

    #[test]
    fn conversions_belong_to_the_figure_before() {
        assert_eq!(
            why_not("The wave was 12 feet (4 meters) high.", "4"),
            Some(R::Conversion)
        );
    }

    #[test]
    fn spelled_numbers_before_names_and_lone_ones() {
        assert_eq!(
            why_not("The two Baltic Sea ports reopened.", "two"),
            Some(R::BeforeName)
        );
        assert_eq!(
            why_not("It was one of the worst storms.", "one"),
            Some(R::LoneOne)
        );
        assert_eq!(why_not("Two nurses and one child were hurt.", "one"), None);
        assert_eq!(
            why_not("Three men were killed and one was wounded.", "one"),
            None
        );
    }

    #[test]
    fn a_capitalised_lead_word_keeps_the_figure() {
        assert_eq!(why_not("About 40 homes were flooded.", "40"), None);
    }
}
