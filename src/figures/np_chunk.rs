//! Noun-phrase extents for sources from harper's Brill part-of-speech tagger and burn
//! noun-phrase chunker (cargo feature `harper-np`, off by default; README, Accuracy, "Part-of-speech
//! tagging and NP chunking (harper15), measured").
//!
//! Only the words of a sentence in which attribution.rs has found a cue are tagged, when it asks
//! for a phrase's extent. The chunker marks base noun phrases (determiners, modifiers, names);
//! a source's prepositional phrases ("officials in the ministry") are joined here. Without the
//! feature every function answers `None` and the hand rules decide alone.

use crate::text::Tok;
#[cfg(feature = "harper-np")]
use crate::text::TokKind;

/// Most tokens of one sentence that are tagged; a longer one keeps the hand rules.
#[cfg(feature = "harper-np")]
const MAX_TOKENS: usize = 160;

/// Most tokens of a source phrase (as `plausible` in attribution.rs).
#[cfg(feature = "harper-np")]
const MAX_PHRASE: usize = 14;

/// Per token: is it in a noun phrase, is it an adposition, is it a verb or an auxiliary.
#[cfg(feature = "harper-np")]
fn chunk(toks: &[Tok]) -> Option<Vec<(bool, bool, bool)>> {
    use harper_brill::{Chunker, Tagger, UPOS};
    if toks.is_empty() || toks.len() > MAX_TOKENS {
        return None;
    }
    let words: Vec<String> = toks.iter().map(|t| t.text.to_string()).collect();
    let tags = harper_brill::brill_tagger().tag_sentence(&words);
    let flags = harper_brill::burn_chunker().chunk_sentence(&words, &tags);
    if flags.len() != toks.len() || tags.len() != toks.len() {
        return None;
    }
    Some(
        flags
            .into_iter()
            .zip(tags)
            .map(|(np, tag)| {
                let verb = matches!(tag, Some(UPOS::VERB | UPOS::AUX));
                (np, tag == Some(UPOS::ADP), verb)
            })
            .collect(),
    )
}

/// Is `toks[k]` a capitalised word right before another one (a name goes on: the chunker
/// sometimes leaves an unknown first name out).
#[cfg(feature = "harper-np")]
fn name_goes_on(toks: &[Tok], k: usize) -> bool {
    let cap = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized())
    };
    cap(k) && cap(k + 1)
}

/// The first token of the noun phrase whose last token is `toks[e - 1]`, not before `floor`
/// (where the hand rule's words begin), with the noun phrases joined to it by an adposition
/// before it ("the head of the agency" before "said"), unless it is the object of a verb or a
/// preposition before it.
#[cfg(feature = "harper-np")]
pub(crate) fn ending_at(toks: &[Tok], floor: usize, e: usize) -> Option<usize> {
    let c = chunk(toks)?;
    let np = |k: usize| k >= floor && (c.get(k).is_some_and(|x| x.0) || name_goes_on(toks, k));
    let adp = |k: usize| c.get(k).is_some_and(|x| x.1 && !x.0);
    let last = e.checked_sub(1)?;
    if !np(last) {
        return None;
    }
    let mut a = last;
    loop {
        while a > 0 && np(a - 1) && e - a < MAX_PHRASE {
            a -= 1;
        }
        // "officials in | the ministry": an adposition between two noun phrases
        if a >= 2 && adp(a - 1) && np(a - 2) && e - a + 2 <= MAX_PHRASE {
            a -= 2;
            continue;
        }
        // "…runs the eastern part of the country said", "47 percent of voters saying": the
        // object of another verb or of a preposition is no subject
        let object = a > 0 && c.get(a - 1).is_some_and(|x| x.2 || (x.1 && !x.0));
        return (!object).then_some(a);
    }
}

/// The end (exclusive) of the noun phrase whose first token is `toks[a]`, not after `ceiling`
/// (where the hand rule's words end), with a noun phrase joined to it by "of" ("the head of the
/// agency"), when it ends the clause.
#[cfg(feature = "harper-np")]
pub(crate) fn starting_at(toks: &[Tok], a: usize, ceiling: usize) -> Option<usize> {
    let c = chunk(toks)?;
    let np = |k: usize| {
        k < ceiling && (c.get(k).is_some_and(|x| x.0) || (k > a && name_goes_on(toks, k - 1)))
    };
    let adp = |k: usize| c.get(k).is_some_and(|x| x.1 && !x.0);
    if !np(a) {
        return None;
    }
    let mut b = a + 1;
    loop {
        while np(b) && b - a < MAX_PHRASE {
            b += 1;
        }
        let of = toks.get(b).is_some_and(|t| t.is("of"));
        if of && np(b + 1) && b + 2 - a <= MAX_PHRASE {
            b += 2;
            continue;
        }
        // "said the city would…": a phrase followed by its own verb is the subject of what is
        // said, no source; one that ends the clause or meets an adposition is
        let ends = toks.get(b).is_none_or(|t| t.kind == TokKind::Punct) || adp(b);
        return ends.then_some(b);
    }
}

/// Without the feature: no phrase, the hand rules decide.
#[cfg(not(feature = "harper-np"))]
#[inline(always)]
pub(crate) fn ending_at(_toks: &[Tok], _floor: usize, _e: usize) -> Option<usize> {
    None
}

/// Without the feature: no phrase, the hand rules decide.
#[cfg(not(feature = "harper-np"))]
#[inline(always)]
pub(crate) fn starting_at(_toks: &[Tok], _a: usize, _ceiling: usize) -> Option<usize> {
    None
}

#[cfg(all(test, feature = "harper-np"))]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Tok<'_>> {
        crate::text::tokenize(s, crate::text::Span::new(0, s.len()))
    }

    fn index(toks: &[Tok], w: &str) -> usize {
        toks.iter().position(|t| t.text == w).unwrap_or(toks.len())
    }

    #[test]
    fn a_phrase_stays_inside_the_hand_rules_words() {
        let s = "Officials at the harbour authority of the coastal province said on Monday that \
                 the storm had left 40 fishing boats missing.";
        let toks = words(s);
        for e in 0..=toks.len() {
            for floor in 0..=e {
                if let Some(a) = ending_at(&toks, floor, e) {
                    assert!(floor <= a && a < e, "{floor} {a} {e}");
                }
            }
        }
        for a in 0..toks.len() {
            for ceiling in a..=toks.len() {
                if let Some(b) = starting_at(&toks, a, ceiling) {
                    assert!(a < b && b <= ceiling, "{a} {b} {ceiling}");
                }
            }
        }
    }

    #[test]
    fn a_first_name_stays_with_the_surname() {
        let s = "Councillor Jane Roe said on Monday that 40 people had died.";
        // the chunker may see no phrase here (the hand rules then decide), never a bare surname
        for s in [
            s,
            "In a letter last week, Councillor Jane Roe said that 40 had died.",
        ] {
            let toks = words(s);
            let first = index(&toks, "Councillor");
            let a = ending_at(&toks, 0, index(&toks, "said"));
            assert!(a.is_none_or(|a| a <= first), "{s}: {a:?}");
        }
    }

    #[test]
    fn the_object_of_another_verb_is_no_subject() {
        let s = "The company that runs the eastern ports said the toll was 12.";
        let toks = words(s);
        let runs = index(&toks, "runs");
        assert_eq!(ending_at(&toks, runs, index(&toks, "said")), None);
    }

    #[test]
    fn no_words_make_no_phrase() {
        assert_eq!(ending_at(&[], 0, 0), None);
        assert_eq!(starting_at(&[], 0, 0), None);
        let toks = words("said");
        assert_eq!(ending_at(&toks, 0, 5), None);
        assert_eq!(starting_at(&toks, 3, 9), None);
    }
}
