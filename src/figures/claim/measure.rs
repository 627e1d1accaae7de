//! Step 4: what the figure measures: money, percent, a duration or another unit, a casualty
//! word after it ("91 wounded"), a casualty word in its clause ("killing at least 5",
//! "the death toll rose to 16"), else a count.

use super::noun::{Noun, Unit};
use super::value::Value;
use super::{in_set, Cx};
use crate::figures::{in_decimal, is_people, measure_word, Measure};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Words right before a number that let a toll earlier in the clause tell its measure.
    TOLL_REACH_WORDS = file "toll-reach-words.txt"
);

crate::word_set!(
    /// "struck", "striking": an injury when they come before the people counted.
    STRIKE_VERBS = file "strike-verbs.txt"
);

crate::word_set!(
    /// "hit": an injury only when "by" follows ("hit by gunfire").
    HIT_VERBS = file "hit-verbs.txt"
);

/// The measure of a figure with its value and noun.
pub(super) fn of(cx: &Cx, v: &Value, n: &Noun) -> Measure {
    if v.money {
        Measure::Money
    } else if v.percent {
        Measure::Percent
    } else if n.unit == Some(Unit::Duration) {
        Measure::Duration
    } else if n.unit == Some(Unit::Other) {
        Measure::Other
    } else if let Some(m) = n.bare_measure {
        m
    } else {
        // a casualty word near a count of things tells what the things did, not what
        // happened to them: "two earthquakes killed…" counts earthquakes
        context_measure(cx.toks, v.start, n.end.max(v.end))
            .filter(|_| n.text.as_deref().is_none_or(is_people) || suffered(cx, n.end.max(v.end)))
            .unwrap_or(if n.text.is_some() {
                Measure::Count
            } else {
                Measure::Other
            })
    }
}

/// True when the words at `at` say the counted things suffered a casualty: "six minors were
/// injured", "four hikers have died" (not "two earthquakes killed": they did it).
fn suffered(cx: &Cx, at: usize) -> bool {
    let mut j = at;
    if !cx
        .word(j)
        .is_some_and(|t| in_set(t, &crate::lexicon::sets::AUXILIARIES))
    {
        return false;
    }
    j += 1;
    // "have been", "were reportedly", "were also"
    while j < at + 3
        && cx.word(j).is_some_and(|t| {
            measure_word(t).is_none() && (t.is("been") || t.text.ends_with("ly") || t.is("also"))
        })
    {
        j += 1;
    }
    cx.word(j).and_then(measure_word).is_some()
}

/// The measure told by words around tokens `a..b` (a few words before, several after, within
/// the clause).
pub(crate) fn context_measure(toks: &[Tok], a: usize, b: usize) -> Option<Measure> {
    if let Some(m) = relative_object(toks, a) {
        return Some(m);
    }
    let (after, after_and) = measure_after(toks, b);
    if after.is_some() {
        return after;
    }
    // "one woman was killed and three men were taken to a hospital": a count with a verb of
    // its own opens another clause, and the casualty word of the clause before is not its own
    let own_clause = toks
        .get(b)
        .is_some_and(|t| in_set(t, &crate::lexicon::sets::AUXILIARIES));
    measure_before(toks, a, own_clause)
        .or_else(|| toll_reached(toks, a))
        .or(after_and)
}

/// The measure of a count that is the object of a casualty verb in a relative clause: "a man
/// who shot two officers was arrested" tells of two officers shot; the verb after the count is
/// the main clause's, of the man. An "-ly" adverb may stand between ("who allegedly shot").
fn relative_object(toks: &[Tok], a: usize) -> Option<Measure> {
    let v = a.checked_sub(1)?;
    let verb = toks.get(v)?;
    let m =
        measure_word(verb).or_else(|| in_set(verb, &STRIKE_VERBS).then_some(Measure::Injured))?;
    let mut p = v.checked_sub(1)?;
    if toks
        .get(p)
        .is_some_and(crate::figures::attribution::manner_adverb)
    {
        p = p.checked_sub(1)?;
    }
    let opens = toks
        .get(p)
        .is_some_and(|t| in_set(t, &crate::lexicon::sets::RELATIVE_PRONOUNS));
    opens.then(|| fatal_shooting(toks, v, m))
}

/// After: up to 8 tokens, stopping at a clause break or another number (skipping an aside
/// "…, including four women, …"). A measure word after "and" may belong to the next figure
/// ("killing 1,460 people and wounding 6,000"), so it is returned apart, to count only when
/// nothing before the figure tells.
fn measure_after(toks: &[Tok], b: usize) -> (Option<Measure>, Option<Measure>) {
    let mut j = b;
    let mut limit = b + 8;
    let mut crossed_and = false;
    while j < toks.len() && j < limit {
        let Some(t) = toks.get(j) else { break };
        if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct('.') {
            break;
        }
        if t.is_punct(',') {
            if toks.get(j + 1).is_some_and(|n| n.is("including")) {
                let close = toks
                    .iter()
                    .enumerate()
                    .skip(j + 2)
                    .take(8)
                    .find(|(_, n)| n.is_punct(',') || n.is_punct('.') || n.is_punct(';'))
                    .filter(|(_, n)| n.is_punct(','));
                if let Some((e, _)) = close {
                    j = e + 1;
                    limit = j + 6;
                    continue;
                }
            }
            if j > b + 1 {
                break;
            }
        }
        if t.is("and") || t.is("while") {
            crossed_and = true;
        }
        // "four people hit by gunfire", "a man struck by a bullet"
        let struck_by = (in_set(t, &STRIKE_VERBS) || in_set(t, &HIT_VERBS))
            && toks.get(j + 1).is_some_and(|n| n.is("by"));
        let m = if struck_by {
            Some(Measure::Injured)
        } else {
            measure_word(t)
        };
        if let Some(m) = m.map(|m| fatal_shooting(toks, j, m)) {
            return if crossed_and {
                (None, Some(m))
            } else {
                (Some(m), None)
            };
        }
        j += 1;
    }
    (None, None)
}

/// Before: up to 10 tokens in the clause ("killing at least 5"), not over "and" or "while"
/// when the figure opens a clause of its own (`own_clause`).
fn measure_before(toks: &[Tok], a: usize, own_clause: bool) -> Option<Measure> {
    let mut j = a;
    let mut n = 0;
    while j > 0 && n < 10 {
        j -= 1;
        n += 1;
        let t = toks.get(j)?;
        if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct(',') || t.is_punct('.') {
            return None;
        }
        if own_clause && (t.is("and") || t.is("while")) {
            return None;
        }
        if let Some(m) = measure_word(t) {
            return Some(fatal_shooting(toks, j, m));
        }
        // "a blast struck four people"
        if in_set(t, &STRIKE_VERBS) {
            return Some(fatal_shooting(toks, j, Measure::Injured));
        }
    }
    None
}

/// The measure of an injury word at `j` that a death word right after it or a "fatal…"
/// adverb right before it makes a killing: "shot dead", "shot and killed", "shot to death",
/// "fatally shot".
pub(super) fn fatal_shooting(toks: &[Tok], j: usize, m: Measure) -> Measure {
    if m != Measure::Injured {
        return m;
    }
    let killed_at = |k: usize| {
        toks.get(k)
            .and_then(measure_word)
            .is_some_and(|x| x == Measure::Killed)
    };
    let fatal_before = j.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        p.kind == TokKind::Word && p.text.to_ascii_lowercase().starts_with("fatal")
    });
    let link = |k: usize| toks.get(k).is_some_and(|t| t.is("and") || t.is("to"));
    if fatal_before || killed_at(j + 1) || (link(j + 1) && killed_at(j + 2)) {
        Measure::Killed
    } else {
        m
    }
}

/// A toll that "has reached", "rose to", "stood at" the figure, further back in the clause
/// (a measurement on the way is no other count: "Toll from M6.4 quake … rises to 1,460").
fn toll_reached(toks: &[Tok], a: usize) -> Option<Measure> {
    let near = |d: usize| {
        a.checked_sub(d)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| in_set(p, &TOLL_REACH_WORDS))
    };
    if !(near(1) || near(2)) {
        return None;
    }
    let mut j = a;
    while j > 0 && a - j < 30 {
        j -= 1;
        let t = toks.get(j)?;
        if in_decimal(toks, j) || in_compound_modifier(toks, j) {
            continue;
        }
        if t.kind == TokKind::Num || t.is_punct(';') || t.is_punct('.') {
            return None;
        }
        if t.is("toll") {
            return Some(Measure::Killed);
        }
    }
    None
}

/// True when token `j` is a number glued by a hyphen to the word after it ("3-day floods",
/// "a 7-magnitude quake"): a modifier of the noun, no count of its own.
fn in_compound_modifier(toks: &[Tok], j: usize) -> bool {
    let glued = |x: usize| matches!((toks.get(x), toks.get(x + 1)), (Some(a), Some(b)) if a.span.end == b.span.start);
    toks.get(j).is_some_and(|t| t.kind == TokKind::Num)
        && toks.get(j + 1).is_some_and(|t| t.is_punct('-'))
        && toks.get(j + 2).is_some_and(|t| t.kind == TokKind::Word)
        && glued(j)
        && glued(j + 1)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::measure_of;
    use crate::figures::Measure;

    #[test]
    fn a_count_in_a_relative_clause_takes_its_own_verb() {
        assert_eq!(
            measure_of("A thief who shot two officers was arrested at dawn.", "two"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("The pilot, who killed 3 hikers, was detained.", "3"),
            Measure::Killed
        );
        assert_eq!(
            measure_of(
                "A nurse who allegedly injured four patients was charged.",
                "four"
            ),
            Measure::Injured
        );
        // a count that is the subject keeps the verb after it
        assert_eq!(
            measure_of("Police said two officers were arrested at dawn.", "two"),
            Measure::Arrested
        );
    }

    #[test]
    fn casualty_words_after_and_before() {
        assert_eq!(
            measure_of("At least 9 people were killed in the slide.", "9"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("The blast injured 14 workers at the plant.", "14"),
            Measure::Injured
        );
    }

    #[test]
    fn people_hit_in_the_outdoors_or_on_the_road_are_people() {
        assert_eq!(
            measure_of("The rockfall killed four climbers near the pass.", "four"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("The bus struck three pedestrians, injuring them.", "three"),
            Measure::Injured
        );
    }

    #[test]
    fn a_toll_that_rose_to_a_bare_number() {
        assert_eq!(
            measure_of("The toll from the floods rose to 16 on Friday.", "16"),
            Measure::Killed
        );
        // a number glued to the noun it modifies is no other count on the way back
        assert_eq!(
            measure_of("Toll From 4-Day Storms in the Valley Rises to 212", "212"),
            Measure::Killed
        );
    }

    #[test]
    fn a_death_toll_that_rose_to_people() {
        assert_eq!(
            measure_of("The death toll rose to 52 people by Sunday.", "52"),
            Measure::Killed
        );
    }

    #[test]
    fn things_that_suffered_casualties() {
        assert_eq!(
            measure_of("Up to six minors were injured in the crash.", "six"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("At least 9 hikers were killed in the slide.", "9"),
            Measure::Killed
        );
    }

    #[test]
    fn partitives_of_them_are_counts_of_their_own() {
        assert_eq!(
            measure_of("Four men were shot and two of them died.", "two"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("Five men were shot, three of them fatally.", "three"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("Six were hurt and two of them were hospitalized.", "two"),
            Measure::Injured
        );
        assert_eq!(measure_of("1 shot dead in the park", "1"), Measure::Killed);
    }

    #[test]
    fn one_of_a_group_takes_the_verb_of_its_subject() {
        assert_eq!(
            measure_of(
                "One of the three officers hurt in the raid last week has died.",
                "One"
            ),
            Measure::Killed
        );
        assert_eq!(
            measure_of(
                "One of the two workers who were shot was pronounced dead.",
                "One"
            ),
            Measure::Killed
        );
        assert_eq!(
            measure_of("One of them was wounded in the leg.", "One"),
            Measure::Injured
        );
        // the group inside is counted too
        let t = " date 2022-05-10 One of the three officers hurt in the raid has died.";
        let claims = crate::analysis::Analysis::new(t).claims;
        let found: Vec<(&str, Measure)> = claims
            .iter()
            .map(|c| (c.span.slice(t), c.measure))
            .collect();
        assert!(
            found.contains(&("three officers", Measure::Injured)),
            "{found:?}"
        );
        // no verb of a casualty: "one of" stays no figure
        assert_eq!(
            super::super::test_support::why_not("One of the officers was a veteran.", "One"),
            Some(super::super::Rejection::LoneOne)
        );
    }

    #[test]
    fn another_after_a_casualty_count_is_one_more() {
        let claims_of = |s: &str| {
            let t = format!(" date 2022-05-10 {s}");
            crate::analysis::Analysis::new(&t)
                .claims
                .iter()
                .map(|c| (c.span.slice(&t).to_string(), c.measure, c.value.min))
                .collect::<Vec<_>>()
        };
        let c = claims_of("One man was shot dead and another wounded at the depot.");
        assert!(
            c.contains(&("another wounded".to_string(), Measure::Injured, 1.0)),
            "{c:?}"
        );
        let c = claims_of("Two men died and another man was badly hurt.");
        assert!(
            c.iter()
                .any(|x| x.0.starts_with("another") && x.1 == Measure::Injured),
            "{c:?}"
        );
        // the casualty word must follow: here "another" is not said to be hurt
        let c = claims_of("Two men died and another was taken away by car.");
        assert!(!c.iter().any(|x| x.0.starts_with("another")), "{c:?}");
        let c = claims_of("Two people were killed in another shooting on Sunday.");
        assert!(!c.iter().any(|x| x.0.starts_with("another")), "{c:?}");
        let c = claims_of("The team signed another player this week.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn gunfire_wounds_unless_it_kills() {
        assert_eq!(
            measure_of("Three teenagers were shot outside the arcade.", "Three"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("Two brothers were shot dead near the depot.", "Two"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("Police said 5 people were fatally shot overnight.", "5"),
            Measure::Killed
        );
        assert_eq!(
            measure_of("Two men were shot and killed at the mall.", "Two"),
            Measure::Killed
        );
    }

    #[test]
    fn a_blow_before_the_people_counted_injures_them() {
        assert_eq!(
            measure_of("A stray round struck two children on the porch.", "two"),
            Measure::Injured
        );
        assert_eq!(
            measure_of(
                "Police reported the wounding of three men found near the depot.",
                "three"
            ),
            Measure::Injured
        );
        assert_eq!(
            measure_of("One teenager was shot and killed near the school.", "One"),
            Measure::Killed
        );
        // people who strike are not struck
        assert_eq!(
            measure_of("Two men struck a deal with the landlord.", "Two"),
            Measure::Count
        );
    }

    #[test]
    fn people_hit_by_gunfire_are_injured() {
        assert_eq!(
            measure_of(
                "She was one of five people hit by gunfire that night.",
                "five"
            ),
            Measure::Injured
        );
        assert_eq!(
            measure_of("Three teenagers struck by stray bullets survived.", "Three"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("Two men hit the ball over the fence.", "Two"),
            Measure::Count
        );
    }

    #[test]
    fn a_count_with_a_verb_of_its_own_keeps_no_earlier_casualty() {
        assert_eq!(
            measure_of(
                "One climber died and four women were flown to a clinic.",
                "four"
            ),
            Measure::Count
        );
        // its own casualty word still tells
        assert_eq!(
            measure_of("One climber died and four women were hurt.", "four"),
            Measure::Injured
        );
        // an object of the casualty verb, with no verb of its own, keeps it
        assert_eq!(
            measure_of("The avalanche killed one guide and four people.", "four"),
            Measure::Killed
        );
    }

    #[test]
    fn things_that_caused_casualties_are_counted() {
        assert_eq!(
            measure_of("Two earthquakes killed dozens in the valley.", "Two"),
            Measure::Count
        );
    }

    #[test]
    fn units_percent_money_and_time() {
        assert_eq!(
            measure_of("The river rose 3 metres overnight.", "3"),
            Measure::Other
        );
        assert_eq!(
            measure_of("The strike lasted six years in all.", "six"),
            Measure::Duration
        );
        assert_eq!(
            measure_of("Turnout rose to 61% in the city.", "61"),
            Measure::Percent
        );
    }
}
