//! Step 3: what the figure counts or measures: a unit ("72-hour", "10 km", "magnitude 6.4"),
//! the counted noun ("17 Bhutanese hikers", "12 of those deaths"), or a casualty word that is
//! itself the measure ("12 wounded").

use super::value::Value;
use super::{in_set, Cx, Rejection};
use crate::figures::number::{self, Number};
use crate::figures::{
    measure_word, Measure, DURATION_UNIT_SET, MEASURE_UNIT_SET, NOT_A_NOUN_SET, NOUN_STOP_SET,
};
use crate::lexicon::sets::{COMPARISON_WORDS, FATE_LINKS, IRREGULAR_PLURALS, RELATIVE_PRONOUNS};
use crate::text::Tok;

crate::word_set!(
    /// Adverbs that end a counted noun ("five reportedly killed").
    HEDGE_ADVERBS = file "hedge-adverbs.txt"
);
crate::word_set!(
    /// Words between "of" and a partitive's noun ("12 of those deaths").
    PARTITIVE_DETERMINERS = file "partitive-determiners.txt"
);
crate::word_set!(
    /// Adjectives before a casualty word that tells the measure ("36 total deaths").
    COUNT_ADJECTIVES = file "count-adjectives.txt"
);
crate::word_set!(
    /// Units in a hyphenated compound ("15-story"); durations are the duration units.
    COMPOUND_UNITS = file "compound-units.txt"
);

/// The kind of unit after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    /// A length of time ("six years", "72-hour").
    Duration,
    /// Another unit of measure ("10 km", "magnitude 6.4").
    Other,
}

/// What a figure counts.
#[derive(Debug)]
pub(super) struct Noun {
    /// The counted noun's words ("Bhutanese hikers"), or "magnitude".
    pub text: Option<String>,
    /// First token of the noun.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The unit, when the figure measures.
    pub unit: Option<Unit>,
    /// The unit came with the number ("72-hour", "magnitude 6.4").
    pub compound: bool,
    /// The token that may be a casualty word telling the measure.
    pub measure_at: usize,
    /// The measure of a casualty word right after the figure ("12 wounded").
    pub bare_measure: Option<Measure>,
    /// The noun is a partitive's ("one of the two guards"): numbers inside it are read too.
    pub partitive: bool,
}

/// Reads the unit or counted noun after the value (and moves the value's ends over a
/// compound's unit or a magnitude word before it).
pub(super) fn read(cx: &Cx, num: &Number, v: &mut Value) -> Result<Noun, Rejection> {
    let mut k = v.end;
    // "thousands of people": skip "of"
    if num.vague && cx.word(k).is_some_and(|t| t.is("of")) {
        k += 1;
    }
    let mut unit = None;
    if !v.percent && !v.money {
        unit = compound(cx, num, v)?;
        if unit.is_some() && v.end > k {
            k = v.end;
        }
    }
    let prev = num.start.checked_sub(1).and_then(|p| cx.tok(p));
    let magnitude = !v.percent
        && !v.money
        && unit.is_none()
        && prev.is_some_and(|p| p.is("magnitude") || (p.text == "M" && num.digits));
    if magnitude {
        unit = Some(Unit::Other);
        if v.qualifier.is_none() {
            v.start = num.start - 1;
        }
    }
    let compound = unit.is_some();
    let mut n = Noun {
        text: None,
        start: k,
        end: k,
        unit,
        compound,
        measure_at: k,
        bare_measure: None,
        partitive: false,
    };
    if !v.percent && !v.decade && !magnitude {
        counted_words(cx, k, &mut n);
    }
    if n.end == n.start && !v.percent && !v.money && n.unit.is_none() {
        partitive(cx, k, &mut n);
    }
    adjective_before_measure(cx, k, &mut n);
    n.text = if n.end > n.start {
        Some(cx.slice(n.start, n.end)?)
    } else if magnitude {
        Some("magnitude".to_string())
    } else {
        None
    };
    // a word that is itself a measure ("91 wounded", "seven dead", "hundreds of dead")
    n.bare_measure = cx
        .word(n.measure_at)
        .and_then(measure_word)
        .map(|m| super::measure::fatal_shooting(cx.toks, n.measure_at, m));
    Ok(n)
}

/// A unit joined to the number: "72-hour window", "15-story building" (moves the value's
/// end past it), or a spelled compound: "ten-hour talks"; a spelled compound with no unit
/// ("five-fold") is no figure.
fn compound(cx: &Cx, num: &Number, v: &mut Value) -> Result<Option<Unit>, Rejection> {
    let glued = cx.tok(v.end).filter(|h| h.is_punct('-')).and_then(|h| {
        let w = cx.tok(v.end + 1)?;
        let before = cx.tok(v.end.checked_sub(1)?)?;
        (h.span.start == before.span.end && h.span.end == w.span.start).then_some(w)
    });
    if let Some(w) = glued {
        let u = compound_unit(w.text);
        if u.is_some() {
            v.end += 2;
        }
        return Ok(u);
    }
    if !num.digits && num.end == num.start + 1 {
        let first = cx.tok(num.start).ok_or(Rejection::Truncated)?;
        if let Some((_, rest)) = first.text.split_once('-') {
            if number::word_value(rest).is_none() {
                return compound_unit(rest)
                    .map(Some)
                    .ok_or(Rejection::SpelledCompound);
            }
        }
    }
    Ok(None)
}

/// The unit of a compound's second half ("hour" in "72-hour", "mile-long" in "8-mile-long");
/// none for an age ("year-old").
pub(super) fn compound_unit(rest: &str) -> Option<Unit> {
    if super::candidate::is_year_old(rest) {
        return None;
    }
    let head = rest.split('-').next().unwrap_or("");
    // singular only: "36-years old" is an age written loosely
    if DURATION_UNIT_SET.contains(head) && !head.ends_with('s') {
        Some(Unit::Duration)
    } else if COMPOUND_UNITS.contains(head) {
        Some(Unit::Other)
    } else {
        None
    }
}

/// The counted noun: up to three words from `k`, stopping at function words, verbs, a
/// casualty word, a unit or a plural noun.
fn counted_words(cx: &Cx, k: usize, n: &mut Noun) {
    // "two dozen U.S. companies": a dotted initialism is one word of the phrase
    let mut skipped = 0;
    while n.end < cx.toks.len() && n.end < k + 3 + skipped {
        let initialism = cx.initialism_at(n.end);
        if initialism > 0 {
            n.end += initialism;
            skipped += initialism - 1;
            continue;
        }
        let Some(t) = cx.word(n.end) else {
            break;
        };
        if n.end == k && t.is("more") {
            // "four more bodies"
            n.end += 1;
            n.start = n.end;
            continue;
        }
        if in_set(t, &NOUN_STOP_SET)
            || in_set(t, &HEDGE_ADVERBS)
            || in_set(t, &NOT_A_NOUN_SET)
            || in_set(t, &COMPARISON_WORDS)
        {
            break;
        }
        if measure_word(t).is_some() && !t.is("bodies") && !t.is("casualties") {
            break;
        }
        let mut found_unit = false;
        if n.unit.is_none() && n.end == n.start {
            if in_set(t, &DURATION_UNIT_SET) {
                n.unit = Some(Unit::Duration);
                found_unit = true;
            } else if in_set(t, &MEASURE_UNIT_SET) {
                n.unit = Some(Unit::Other);
                found_unit = true;
            }
        }
        n.end += 1;
        if found_unit || n.compound {
            break;
        }
        // a noun in the plural usually ends the phrase ("civilians", "people")
        // ("men" is short, but as plural as "people")
        let plural = (t.text.ends_with('s') && !t.text.ends_with("ss") && t.text.len() > 3)
            || in_set(t, &IRREGULAR_PLURALS);
        if plural && !cx.word(n.end).is_some_and(|n| n.is_capitalized()) {
            break;
        }
    }
}

/// True for a pronoun after "of" that stands for people counted before: "them", "us",
/// "whom".
pub(in crate::figures) fn is_partitive_pronoun(t: &Tok) -> bool {
    t.is("them") || t.is("us") || in_set(t, &RELATIVE_PRONOUNS)
}

/// A partitive's noun: "12 of those deaths", "76,000 of the city's ballots".
fn partitive(cx: &Cx, k: usize, n: &mut Noun) {
    if !cx.word(k).is_some_and(|t| t.is("of")) {
        return;
    }
    let mut j = k + 1;
    while cx.word(j).is_some_and(|t| {
        in_set(t, &PARTITIVE_DETERMINERS)
            || is_partitive_pronoun(t)
            || t.text.ends_with("'s")
            || t.text.ends_with("\u{2019}s")
    }) {
        j += 1;
    }
    // "two of them died", "three of whom were killed": the pronoun stands for people already
    // counted; the measure word after it tells what befell them
    if j > k + 1 && cx.word(j - 1).is_some_and(is_partitive_pronoun) {
        let mut m = j;
        while m < j + 4 {
            let Some(t) = cx.word(m) else { break };
            if measure_word(t).is_some() {
                n.start = j;
                n.end = j;
                n.measure_at = m;
                return;
            }
            if !(in_set(t, &crate::lexicon::sets::AUXILIARIES)
                || t.is("been")
                || t.text.ends_with("ly"))
            {
                break;
            }
            m += 1;
        }
        return;
    }
    let start = j;
    while j < start + 3 {
        let Some(t) = cx.word(j) else { break };
        if in_set(t, &NOUN_STOP_SET) || t.is("them") {
            break;
        }
        j += 1;
        if t.text.ends_with('s') && !t.text.ends_with("ss") {
            break;
        }
    }
    if j > start {
        n.start = start;
        n.end = j;
        n.partitive = true;
        // "one of the two guards shot on Friday has died": the verb of the whole subject,
        // however late, tells what befell the part
        if crate::figures::is_people(&cx.slice(start, j).unwrap_or_default()) {
            if let Some(m) = late_fate(cx, j) {
                n.measure_at = m;
            }
        }
    }
}

/// True for a word between "was" and a casualty word ("pronounced", "found").
pub(super) fn is_fate_link(t: &crate::text::Tok) -> bool {
    in_set(t, &FATE_LINKS)
}

/// True when the partitive at `k` ("of the two guards … has died", "of them were hurt")
/// ends in a casualty word that tells what befell its part.
pub(super) fn has_fate(cx: &Cx, k: usize) -> bool {
    let mut n = Noun {
        text: None,
        start: k,
        end: k,
        unit: None,
        compound: false,
        measure_at: k,
        bare_measure: None,
        partitive: false,
    };
    partitive(cx, k, &mut n);
    n.measure_at != k
        && cx
            .word(n.measure_at)
            .and_then(measure_word)
            .is_some_and(|m| m != Measure::Count)
}

/// The token of the casualty word that is the verb of a partitive subject ending at `j`:
/// "… has died", "… were wounded", "… died"; a relative clause's own verb ("who were
/// shot") is passed over. None at a clause break or after 20 tokens.
pub(super) fn late_fate(cx: &Cx, j: usize) -> Option<usize> {
    // "one of the victims died"
    if cx.word(j).is_some_and(|t| t.is("died") || t.is("dies")) {
        return Some(j);
    }
    let mut relative = false;
    let mut i = j;
    while i < j + 20 {
        let t = cx.tok(i)?;
        if t.kind == crate::text::TokKind::Punct
            && [',', ';', '.', ':', '!', '?', '(', '\u{2014}']
                .iter()
                .any(|c| t.is_punct(*c))
        {
            return None;
        }
        if in_set(t, &RELATIVE_PRONOUNS) {
            relative = true;
        }
        if in_set(t, &crate::lexicon::sets::AUXILIARIES) {
            let mut m = i + 1;
            while m < i + 4
                && cx.word(m).is_some_and(|w| {
                    measure_word(w).is_none()
                        && (w.is("been")
                            || w.text.ends_with("ly")
                            || w.is("also")
                            || in_set(w, &FATE_LINKS))
                })
            {
                m += 1;
            }
            if relative {
                // the relative clause's verb group: skip it
                relative = false;
                i = m + 1;
                continue;
            }
            return cx.word(m).filter(|w| measure_word(w).is_some()).map(|_| m);
        }
        i += 1;
    }
    None
}

/// "54 confirmed fatalities", "24 storm-related deaths", "36 total fatalities": the word
/// after the adjective tells the measure, and no noun is left.
fn adjective_before_measure(cx: &Cx, k: usize, n: &mut Noun) {
    if n.start == k
        && n.end == k + 1
        && n.unit.is_none()
        && cx.word(k).is_some_and(|t| {
            let l = t.text.to_ascii_lowercase();
            (l.ends_with("ed") && l.len() > 4) || in_set(t, &COUNT_ADJECTIVES)
        })
        && cx.word(k + 1).is_some_and(|t| measure_word(t).is_some())
    {
        n.end = n.start;
        n.measure_at = k + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{judge, why_not, words_of};
    use super::{compound_unit, Unit};

    fn noun(sentence: &str, number: &str) -> Option<String> {
        judge(&format!(" date 2022-05-10 {sentence}"), number)
            .expect("a figure")
            .noun
    }

    #[test]
    fn compound_units() {
        assert_eq!(compound_unit("hour"), Some(Unit::Duration));
        assert_eq!(compound_unit("mile-long"), Some(Unit::Other));
        assert_eq!(compound_unit("year-old"), None);
        assert_eq!(compound_unit("years"), None);
        assert_eq!(compound_unit("fold"), None);
        assert_eq!(
            words_of("Talks ran into a 72-hour window.", "72"),
            "72-hour window"
        );
        assert_eq!(
            why_not("Sales grew five-fold in a year.", "five-fold"),
            Some(super::Rejection::SpelledCompound)
        );
    }

    #[test]
    fn a_figure_set_beside_another_keeps_its_vs_out_of_the_figure() {
        // "vs" sets last year's figure beside this one: it is no counted noun
        let row = "Mongolia Mining Co said operating income was 613 mln vs 487 mln.";
        assert_eq!(noun(row, "613"), None);
        assert_eq!(words_of(row, "613"), "613 mln");
    }

    #[test]
    fn a_results_table_row_is_no_figure_to_compare() {
        // a line that does not end as prose: a row of the story's table
        for (row, n) in [
            ("Oper income 613 mln vs 487 mln", "613"),
            ("Oper income 613 mln vs 487 mln", "487"),
        ] {
            assert_eq!(
                why_not(row, n),
                Some(super::super::Rejection::TableRow),
                "{n}"
            );
        }
    }

    #[test]
    fn counted_noun_stops_at_plural_and_function_words() {
        assert_eq!(
            noun("Crews found 30 stranded hikers near the ridge.", "30").as_deref(),
            Some("stranded hikers")
        );
        let c =
            judge(" date 2022-05-10 Officials said 12 reportedly died.", "12").expect("a figure");
        assert_eq!((c.noun, c.measure), (None, crate::figures::Measure::Killed));
        assert_eq!(
            noun("Rescuers pulled four more bodies from the river.", "four").as_deref(),
            Some("bodies")
        );
        // a dotted initialism is one word of the phrase, not where it ends
        assert_eq!(
            noun("Officials said 40 U.N. workers left the camp.", "40").as_deref(),
            Some("U.N. workers")
        );
    }

    #[test]
    fn partitive_nouns() {
        assert_eq!(
            noun("Officials said 12 of those deaths were children.", "12").as_deref(),
            Some("deaths")
        );
    }

    #[test]
    fn adjective_before_a_casualty_word() {
        let c = judge(
            " date 2022-05-10 The county listed 54 confirmed fatalities.",
            "54",
        )
        .expect("a figure");
        assert_eq!(c.noun, None);
        assert_eq!(c.measure, crate::figures::Measure::Killed);
    }
}
