//! Round-ups: a figure whose sentence counts the people hurt in many incidents of a city ("nine
//! others were wounded in shootings", "at least 30 people have been shot across the city since
//! Friday"), which no report of one of those incidents shares.

use crate::lexicon::sets::{ARTICLES, PLACE_NOUNS};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Plural incident nouns that make "in …" many incidents ("wounded in shootings").
    ROUNDUP_NOUNS = file "roundup-words.tsv", tag "noun"
);
crate::word_set!(
    /// Prepositions that spread a count over a whole place ("across the city").
    SPREAD_WORDS = file "roundup-words.tsv", tag "spread"
);

/// True when the sentence of tokens `toks` counts many incidents: "in" (with at most one word
/// between) before a plural incident noun, or a spreading preposition before "the city" or a
/// capitalised place.
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
    fn one_incident_is_no_roundup() {
        assert!(!roundup("Two men were hurt in the shooting on Elm Street."));
        assert!(!roundup(
            "Three people were shot in a car parked across the road."
        ));
        assert!(!roundup("A man was hurt in a shooting, police said."));
        assert!(!roundup("Two men were charged in the shootings on Friday."));
    }
}
