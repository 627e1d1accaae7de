//! Round-ups: a figure whose sentence counts the people hurt in many incidents of a city ("nine
//! others were wounded in shootings", "at least 30 people have been shot across the city since
//! Friday", "the sixth child shot in the city this year"), which no report of one of those
//! incidents shares.

use crate::lexicon::sets::{ARTICLES, INDEFINITE_ARTICLES, MONTHS, PLACE_NOUNS, WEEKDAYS};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Plural incident nouns that make "in …" many incidents ("wounded in shootings").
    ROUNDUP_NOUNS = file "roundup-words.tsv", tag "noun"
);
crate::word_set!(
    /// Stretches of time that, after "this", make a count a tally of many incidents ("this year").
    TALLY_SPANS = file "roundup-words.tsv", tag "tally"
);
crate::word_set!(
    /// Prepositions that spread a count over a whole place ("across the city").
    SPREAD_WORDS = file "roundup-words.tsv", tag "spread"
);

crate::word_set!(
    /// Incident nouns, one or many, that a sentence turning to other incidents names.
    INCIDENTS = file "roundup-words.tsv", tag "incident"
);
crate::word_set!(
    /// Words that make the incident noun after them another incident than the story's.
    OTHER_WORDS = file "roundup-words.tsv", tag "other"
);

/// True when the sentence `text` turns the story to other incidents than its own: it opens
/// with a word like "another" or "separate" (after an optional "in" and "a") and an incident
/// noun right after it or one word on ("Another attack about noon …", "In a separate fatal
/// shooting, …", "In nonfatal shootings:"). What a story tells from there on is a round-up.
pub(crate) fn turns_to_others(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut w = words.next();
    if w.is_some_and(|x| x.eq_ignore_ascii_case("in")) {
        w = words.next();
    }
    if w.is_some_and(|x| INDEFINITE_ARTICLES.contains(x)) {
        w = words.next();
    }
    w.is_some_and(|x| OTHER_WORDS.contains(x)) && words.take(2).any(|x| INCIDENTS.contains(x))
}

/// The index of the sentence where the story of `a` turns to other incidents
/// ([`turns_to_others`]), if it does.
pub(crate) fn turn(a: &crate::analysis::Analysis) -> Option<usize> {
    a.article
        .sentences
        .iter()
        .position(|s| turns_to_others(s.span.slice(&a.text)))
}

/// True when the sentence of tokens `toks` counts many incidents: "in" (with at most one word
/// between) before a plural incident noun, a spreading preposition before "the city" or a
/// capitalised place, or a tally over a stretch of time ("this year", "since Friday", "since
/// January").
pub(crate) fn is_roundup(toks: &[Tok]) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.kind == TokKind::Word);
    (0..toks.len()).any(|i| {
        let Some(t) = word(i) else {
            return false;
        };
        if t.is("in") {
            // "in shootings", "in separate attacks" (not "in the shootings" of one incident)
            let noun = |j: usize| word(j).is_some_and(|w| ROUNDUP_NOUNS.contains(w.text));
            return noun(i + 1)
                || (word(i + 1).is_some_and(|w| !ARTICLES.contains(w.text)) && noun(i + 2));
        }
        if t.is("this") {
            // "shot in the city this year": a tally of the year so far
            return word(i + 1).is_some_and(|w| TALLY_SPANS.contains(w.text));
        }
        if t.is("since") {
            // "shot since Friday afternoon", "since January" ("since Friday's shooting", one
            // word, is the day of one incident)
            return word(i + 1)
                .is_some_and(|w| WEEKDAYS.contains(w.text) || MONTHS.contains(w.text));
        }
        if SPREAD_WORDS.contains(t.text) {
            let k = if word(i + 1).is_some_and(|w| w.is("the")) {
                i + 2
            } else {
                i + 1
            };
            return word(k).is_some_and(|w| {
                PLACE_NOUNS.contains(w.text) || (k == i + 1 && w.is_capitalized())
            });
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokenize, Span};

    fn roundup(s: &str) -> bool {
        is_roundup(&tokenize(s, Span::new(0, s.len())))
    }

    #[test]
    fn many_incidents_of_a_city_are_a_roundup() {
        assert!(roundup(
            "Five more men were hurt in shootings over the night."
        ));
        assert!(roundup(
            "Four others were wounded in separate attacks downtown."
        ));
        assert!(roundup(
            "At least 20 people were shot across the city this weekend."
        ));
        assert!(roundup(
            "Twelve people were shot throughout Springfield on Sunday."
        ));
    }

    #[test]
    fn tallies_over_days_are_roundups() {
        assert!(roundup(
            "At least 14 people have been shot in the town since Saturday night."
        ));
        assert!(roundup(
            "The girl is the fifth child hurt by gunfire in the county this year."
        ));
        assert!(roundup("Nearly 300 have been wounded since March."));
    }

    #[test]
    fn one_incident_told_with_its_day_is_no_roundup() {
        assert!(!roundup(
            "Two men hurt since Sunday's shooting are still in hospital."
        ));
        assert!(!roundup(
            "Two men hurt since Sunday’s shooting are still in hospital."
        ));
        assert!(!roundup(
            "Three people were shot on Elm Street this morning."
        ));
        assert!(!roundup(
            "Both victims have been in hospital since the attack."
        ));
    }

    #[test]
    fn a_story_turns_to_other_incidents() {
        assert!(turns_to_others(
            "Another stabbing happened near the park at dusk."
        ));
        assert!(turns_to_others(
            "In a separate fatal shooting, a woman was hurt."
        ));
        assert!(turns_to_others(
            "In unrelated attacks, three men were wounded."
        ));
        assert!(turns_to_others("In nonfatal shootings:"));
        assert!(turns_to_others("Other incidents overnight left two hurt."));
    }

    #[test]
    fn the_storys_own_incident_is_no_turn() {
        assert!(!turns_to_others("Another man, 40, was shot in the leg."));
        assert!(!turns_to_others("In the other shooting, both men died."));
        assert!(!turns_to_others(
            "Police said another shooting was possible."
        ));
        assert!(!turns_to_others(
            "The two other victims were hurt in the attack."
        ));
        assert!(!turns_to_others(""));
    }

    #[test]
    fn one_incident_is_no_roundup() {
        assert!(!roundup("Two men were hurt in the shooting on Elm Street."));
        assert!(!roundup(
            "Three people were shot in a car parked across the road."
        ));
        assert!(!roundup("A man was hurt in a shooting, police said."));
        assert!(!roundup("Two men were charged in the shootings on Friday."));
    }
}
