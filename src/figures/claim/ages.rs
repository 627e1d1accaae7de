//! Ages are no figures: "aged 34", "Dana Reyes, 66,", "two men, 19 and 20,", "a 17 year old",
//! "in their 20s and 30s".

use super::candidate::Around;
use super::{in_set, Cx, Rejection};
use crate::figures::number::Number;
use crate::lexicon::sets::POSSESSIVES;
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Words before a number that make it an age ("aged 34").
    AGE_WORDS = file "age-words.txt"
);
crate::word_set!(
    /// Words between a possessive and a decade of age ("in their early 30s").
    AGE_RANGE_WORDS = file "age-range-words.txt"
);

crate::word_set!(
    /// Words after "or" / "and" that make the number before an age limit ("11 or younger").
    AGE_LIMIT_WORDS = file "age-limit-words.txt"
);

/// An age limit after one person of a series: "the seventh child 11 or younger to be shot"
/// (the number bounds the age of the one the ordinal counts; it counts nobody).
pub(super) fn age_limit_of_one(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let limit = a.next.is_some_and(|t| t.is("or") || t.is("and"))
        && cx
            .word(num.end + 1)
            .is_some_and(|t| in_set(t, &AGE_LIMIT_WORDS));
    let before = |d: usize| num.start.checked_sub(d).and_then(|i| cx.word(i));
    let person = before(1).is_some_and(|w| in_set(w, &crate::lexicon::sets::PEOPLE_SET));
    let ordinal = before(2).is_some_and(|w| in_set(w, &crate::lexicon::sets::ORDINALS));
    (limit && person && ordinal).then_some(Rejection::Age)
}

crate::word_set!(
    /// Verbs of a life's events after which "at N" closing the clause is an age ("died at 87").
    AGE_AT_VERBS = file "age-at-verbs.txt"
);

/// Ages: "aged 34", "age 34", "died at 87" (a life's event "at" a number closing its clause;
/// "at the age of 90" is [`the_age_of`]'s).
pub(super) fn age(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let closes = a
        .next
        .is_none_or(|n| n.kind == TokKind::Punct && !n.is_punct('%'));
    let life_at = a.prev.is_some_and(|p| p.is("at"))
        && num
            .start
            .checked_sub(2)
            .and_then(|i| cx.word(i))
            .is_some_and(|w| in_set(w, &AGE_AT_VERBS))
        && closes
        && num.end == num.start + 1;
    (a.prev.is_some_and(|p| in_set(p, &AGE_WORDS)) || life_at).then_some(Rejection::Age)
}

/// "died at the age of 90", "by the age of twelve": a number after "the age of" is an age.
pub(super) fn the_age_of(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let before = |d: usize| num.start.checked_sub(d).and_then(|i| cx.word(i));
    (a.prev.is_some_and(|p| p.is("of"))
        && before(2).is_some_and(|w| in_set(w, &AGE_WORDS))
        && before(3).is_some_and(|w| w.is("the")))
    .then_some(Rejection::Age)
}

/// An age in commas after a name: "Dana Reyes, 66, a retired nurse"; "killed Lee Park, 21,
/// and wounded three" (not "In the county, 30 died": a word follows).
pub(super) fn age_after_name(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let comma = a.prev.is_some_and(|p| p.is_punct(','));
    let capitalised = |i: usize| {
        cx.word(i)
            .is_some_and(|w| w.is_capitalized() && !w.text.chars().all(char::is_uppercase))
    };
    // "Lee Park Jr., 2,": a short abbreviation closes the name
    let abbreviation = |i: usize| {
        cx.tok(i).is_some_and(|t| t.is_punct('.'))
            && i.checked_sub(1)
                .is_some_and(|w| capitalised(w) && cx.tok(w).is_some_and(|t| t.text.len() <= 3))
    };
    // "One man, 22, was shot": a noun of one person before the comma
    let person = |i: usize| {
        cx.word(i).is_some_and(|w| {
            in_set(w, &crate::lexicon::sets::PEOPLE_SET)
                && !w.text.to_lowercase().ends_with('s')
                && !in_set(w, &crate::lexicon::sets::IRREGULAR_PLURALS)
        })
    };
    let name = num
        .start
        .checked_sub(2)
        .is_some_and(|i| capitalised(i) || abbreviation(i) || person(i));
    let closes = a.next.is_none_or(|n| {
        n.kind == TokKind::Punct
            && [',', ')', ';', '.', '\u{2013}', '\u{2014}']
                .iter()
                .any(|c| n.is_punct(*c))
    });
    (comma
        && name
        && closes
        && num.end == num.start + 1
        && num.min == num.max
        && (1.0..=120.0).contains(&num.min)
        && num.min.fract() == 0.0
        && !crate::figures::in_decimal(cx.toks, num.start))
    .then_some(Rejection::Age)
}

/// Ages listed in commas after a head count, as many as it counts: "wounded two men, 19 and
/// 20, who were shot" (not "two men, 19 and 20 others": a word follows the list).
pub(super) fn ages_after_a_count(cx: &Cx, num: &Number, a: &Around) -> Option<Rejection> {
    let small = |t: &Tok| {
        t.kind == TokKind::Num
            && t.text.len() <= 3
            && t.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
    };
    let joint = |t: &Tok| t.is_punct(',') || (t.kind == TokKind::Word && t.text == "and");
    if num.end != num.start + 1 || !small(a.first) {
        return None;
    }
    // the next number of the list from token `i` on the side `fwd`: one joint between them
    // (",", "and") or two (the serial comma's ", and")
    let next = |i: usize, fwd: bool| {
        let at = |d: usize| {
            if fwd {
                i.checked_add(d)
            } else {
                i.checked_sub(d)
            }
        };
        (1..=2).find_map(|gap| {
            let joints = (1..=gap).all(|d| at(d).and_then(|k| cx.tok(k)).is_some_and(&joint));
            let k = at(gap + 1)?;
            (joints && cx.tok(k).is_some_and(&small)).then_some(k)
        })
    };
    // the list's first and last numbers, and how many it holds
    let (mut first, mut last, mut members) = (num.start, num.start, 1);
    while let Some(k) = next(first, false) {
        (first, members) = (k, members + 1);
    }
    while let Some(k) = next(last, true) {
        (last, members) = (k, members + 1);
    }
    let closes = cx.tok(last + 1).is_none_or(|n| {
        n.kind == TokKind::Punct && [',', ')', ';', '.'].iter().any(|c| n.is_punct(*c))
    });
    // ", " after "<count> <people>" before the list
    let opened = first
        .checked_sub(1)
        .and_then(|i| cx.tok(i))
        .is_some_and(|t| t.is_punct(','));
    let people = first
        .checked_sub(2)
        .and_then(|i| cx.word(i))
        .is_some_and(|w| in_set(w, &crate::lexicon::sets::PEOPLE_SET));
    let count = first
        .checked_sub(3)
        .and_then(|i| cx.tok(i))
        .and_then(|t| match t.kind {
            TokKind::Num => t.text.parse::<usize>().ok(),
            TokKind::Word => {
                crate::time::lexicon::cardinal(&t.text.to_lowercase()).map(|n| n as usize)
            }
            _ => None,
        });
    (members >= 2 && opened && people && closes && count == Some(members)).then_some(Rejection::Age)
}

/// An age written loosely: "a 17 year old boy", "a 16 year-old", "a 14-year old", "37 years
/// old", "17 years of age", "a thirteen year old", "between 20 and 25 years old", "a 13-month
/// old crunch" (the joined "17-year-old" is `glued_after`'s).
pub(super) fn loose_age(cx: &Cx, num: &Number, _: &Around) -> Option<Rejection> {
    let mut i = num.end;
    // the second number of a range: "between 20 and 25 years old"
    if cx.tok(i + 1).is_some_and(|t| t.kind == TokKind::Num) {
        i += 2;
    }
    if cx.tok(i).is_some_and(|t| t.is_punct('-')) {
        i += 1;
    }
    let w = cx.word(i)?;
    if super::candidate::is_year_old(w.text) {
        return Some(Rejection::Age);
    }
    let year = is_year_word(w.text);
    // "a 13-month old crunch", "ten days old"
    let unit = year || is_shorter_age_unit(w.text);
    if !unit {
        return None;
    }
    let old = cx.word(i + 1).is_some_and(|t| t.is("old"));
    let of_age = year
        && cx.word(i + 1).is_some_and(|t| t.is("of"))
        && cx.word(i + 2).is_some_and(|t| in_set(t, &AGE_WORDS));
    (old || of_age).then_some(Rejection::Age)
}

/// True for "year" in any case with any number of trailing "s" ("years", "YEARS"), compared in
/// place without a lowercase copy (the throughput benchmark, `cargo bench --bench throughput`).
fn is_year_word(w: &str) -> bool {
    let b = w.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1].eq_ignore_ascii_case(&b's') {
        n -= 1;
    }
    b[..n].eq_ignore_ascii_case(b"year")
}

/// True for a unit of an age ("month", "weeks", "DAYS") in any case with any number of
/// trailing "s" ("a 13-month old crunch").
fn is_shorter_age_unit(w: &str) -> bool {
    super::candidate::AGE_UNITS.contains(w.trim_end_matches(['s', 'S']))
}

/// A decade of age after a possessive: "in their 20s and 30s", "in his early 50s", "in their
/// late teens, 20s and 30s" (not "in the 40s": temperatures, a range of values).
pub(super) fn age_decade(cx: &Cx, num: &Number, _: &Around) -> Option<Rejection> {
    let plural = |i: usize| {
        let (n, s) = (cx.tok(i)?, cx.tok(i + 1)?);
        Some(n.kind == TokKind::Num && s.is("s") && s.span.start == n.span.end)
    };
    if num.end != num.start + 1 || plural(num.start) != Some(true) {
        return None;
    }
    // back over the list of decades and the words of an age range to the possessive
    let mut i = num.start;
    while let Some(p) = i.checked_sub(1) {
        let t = cx.tok(p)?;
        let decade = t.is("s") && p.checked_sub(1).and_then(plural) == Some(true);
        if decade {
            i = p - 1;
        } else if t.is_punct(',') || t.is("and") || t.is("or") || in_set(t, &AGE_RANGE_WORDS) {
            i = p;
        } else {
            return in_set(t, &POSSESSIVES).then_some(Rejection::Age);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::why_not;
    use super::super::Rejection as R;

    /// The in-place year tests answer as the lowercase copies they replace did.
    #[test]
    fn year_words_compared_in_place_match_the_lowercase_copies() {
        for w in [
            "year",
            "Years",
            "YEARSSS",
            "yea",
            "",
            "s",
            "year-old",
            "YEAR-OLDS",
            "yearold",
            "yearling",
            "Yéar",
            "year’s",
            "years-bold",
            "olds",
            "month-old",
            "Weeks-Old",
            "day-old",
            "daylong",
            "monthly",
        ] {
            let l = w.to_ascii_lowercase();
            assert_eq!(
                super::is_year_word(w),
                l.trim_end_matches('s') == "year",
                "{w}"
            );
            let unit = ["year", "month", "week", "day"]
                .iter()
                .any(|u| l.starts_with(u));
            assert_eq!(
                super::super::candidate::is_year_old(w),
                unit && l.contains("old"),
                "{w}"
            );
        }
    }

    #[test]
    fn an_age_limit_after_one_of_a_series() {
        assert_eq!(
            why_not(
                "The girl became the fourth child 12 or younger hurt by a stray bullet.",
                "12"
            ),
            Some(R::Age)
        );
        assert_eq!(
            why_not(
                "He was the tenth patient 65 and older to be hurt in a fall.",
                "65"
            ),
            Some(R::Age)
        );
        // a count of people with an age limit stays a count; so does a plain count
        assert_eq!(
            why_not(
                "Twelve pupils 12 or younger were hurt this spring.",
                "Twelve"
            ),
            None
        );
        assert_eq!(
            why_not("It was the second crash; 14 riders were hurt.", "14"),
            None
        );
    }

    #[test]
    fn ages_in_commas_after_a_name() {
        assert_eq!(
            why_not("The blast hurt Dana Reyes, 66, a retired nurse.", "66"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("A gunman killed Lee Park, 21, and wounded three.", "21"),
            Some(R::Age)
        );
        assert_eq!(why_not("In the county, 30 people died.", "30"), None);
        assert_eq!(
            why_not("Police said one woman, 41, was hit in the arm.", "41"),
            Some(R::Age)
        );
        assert_eq!(why_not("Among the officers, 12 were hurt.", "12"), None);
        assert_eq!(
            why_not("The boy, Sam Doe Jr., 4, was hurt in the crash.", "4"),
            Some(R::Age)
        );
        assert_eq!(
            why_not(
                "A shot wounded two men, 23 and 31, near the bus stop.",
                "31"
            ),
            Some(R::Age)
        );
        assert!(why_not("Gunfire hit three men, 19, 24 and 30, on a porch.", "30").is_some());
        // the serial comma
        assert_eq!(
            why_not("Gunfire hit three men, 19, 24, and 30, on a porch.", "30"),
            Some(R::Age)
        );
        assert_eq!(
            why_not("Officers found three boys, 15, 16, and 17, unhurt.", "17"),
            Some(R::Age)
        );
        // a list one longer than its count is no list of their ages
        assert_eq!(
            why_not("Gunfire hit two men, 19, 24, and 30 others fled.", "30"),
            None
        );
        assert_eq!(why_not("Two men, 23 and 31 others were hurt.", "31"), None);
    }

    #[test]
    fn ages_written_loosely() {
        for (s, n) in [
            ("A 17 year old boy was hurt.", "17"),
            ("Police found a 16 year-old girl.", "16"),
            ("The 14-year old told the court.", "14"),
            ("The driver was 37 years old.", "37"),
            ("Two girls, 13 and 15 years of age, were hurt.", "15"),
            ("A thirteen year old boy was hurt.", "thirteen"),
            ("He was between 20 and 25 years old.", "20"),
            ("Tessaly's 13-month old slump deepened.", "13"),
            ("The strike was ten days old by then.", "ten"),
        ] {
            assert_eq!(why_not(s, n), Some(R::Age), "{s}");
        }
        assert_eq!(why_not("The talks lasted 13 months.", "13"), None);
        assert_eq!(why_not("He worked there for 37 years.", "37"), None);
        assert_eq!(why_not("The dam held for 15 years of drought.", "15"), None);
    }

    #[test]
    fn a_number_after_the_age_of_is_an_age() {
        for (s, n) in [
            ("Ondrej Halvik died on Sunday at the age of 84.", "84"),
            (
                "By the age of twelve, he ran the Velmar Corp stall.",
                "twelve",
            ),
        ] {
            assert_eq!(why_not(s, n), Some(R::Age), "{s}");
        }
        // a count of a group after "age" is still a count
        assert_eq!(
            why_not("Tessaly lowered its voting age of 18 for 300 towns.", "300"),
            None
        );
    }

    #[test]
    fn decades_of_age_after_a_possessive() {
        for (s, n) in [
            ("Most of the dead were in their 20s and 30s.", "20"),
            ("Most of the dead were in their 20s and 30s.", "30"),
            ("A man in his early 50s saw it.", "50"),
            ("The fans were in their late teens, 20s or 30s.", "30"),
        ] {
            assert_eq!(why_not(s, n), Some(R::Age), "{s}");
        }
        assert_ne!(
            why_not("Highs will be in the 40s today.", "40"),
            Some(R::Age)
        );
    }
}
