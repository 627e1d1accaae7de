//! The streets a report's lead names ("on Orme Avenue", "near Fennick and Alder streets",
//! "in the 400 block of South Velmar Road"), as the words of their names. Two reports of one
//! town's shootings whose leads each name streets and share no word of them tell two
//! incidents: one shooting happens on one street, and a report says which.

use crate::lexicon::sets::{COMPASS_POINT_SET, STREET_NOUNS};
use crate::text::{Tok, TokKind};

/// Most words of a street's name before its noun ("Anna Rosa Velmar Boulevard").
const NAME_WORDS: usize = 3;

/// True for a word that may be part of a street's name: capitalised letters only, more than
/// one, and no compass point ("South" of "South Velmar Road" is said or left out at will).
pub fn name_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.text.chars().count() > 1
        && t.text.chars().all(char::is_alphabetic)
        && t.is_capitalized()
        && !COMPASS_POINT_SET.contains(t.text)
}

/// The words, lowercase, of the capitalised run of names that ends right before token `end`
/// (at most [`NAME_WORDS`]), and their initials when more than one; empty when there is
/// none.
fn run_before(toks: &[Tok], end: usize) -> (usize, Vec<String>) {
    let mut start = end;
    while start > 0 && end - start < NAME_WORDS {
        match toks.get(start - 1) {
            Some(t) if t.kind == TokKind::Word && t.is_capitalized() => start -= 1,
            _ => break,
        }
    }
    let mut words: Vec<String> = toks
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .filter(|t| name_word(t))
        .map(|t| t.text.to_lowercase())
        .collect();
    // "Anna Rosa Velmar Boulevard" is "ARV Boulevard" too: its initials are a word of it
    if words.len() > 1 {
        let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
        words.push(initials);
    }
    (start, words)
}

/// The words of the street (or streets) named at token `i`, a street noun after a
/// capitalised name ("Orme Avenue"); a plural noun names the streets of an "and" too
/// ("Fennick and Alder streets"). Empty when token `i` names no street.
pub fn street_at(toks: &[Tok], i: usize) -> Vec<String> {
    let Some(noun) = toks.get(i).filter(|t| t.kind == TokKind::Word) else {
        return Vec::new();
    };
    if !STREET_NOUNS.contains(noun.text) {
        return Vec::new();
    }
    let (start, mut words) = run_before(toks, i);
    let plural = noun.text.len() > 2 && noun.text.ends_with('s');
    let and = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.text.eq_ignore_ascii_case("and"));
    if plural && and && !words.is_empty() {
        words.extend(run_before(toks, start - 1).1);
    }
    words
}

/// True when both reports' leads name streets (`a`, `b`) and no word of one's streets is a
/// name word of the other's lead (`lead_a`, `lead_b`, see [`name_word`]; a street named
/// without its noun, "near Mt. Pleasant", or a street's other name still ties them).
pub fn streets_apart(a: &[String], lead_a: &[String], b: &[String], lead_b: &[String]) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && super::matching::shared(a, b) == 0
        && super::matching::shared(a, lead_b) == 0
        && super::matching::shared(b, lead_a) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streets(text: &str) -> Vec<String> {
        let toks = crate::text::tokenize(
            text,
            crate::text::Span {
                start: 0,
                end: text.len(),
            },
        );
        let mut v: Vec<String> = (0..toks.len()).flat_map(|i| street_at(&toks, i)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn streets_by_the_words_of_their_names() {
        assert_eq!(
            streets("He was shot on South Velmar Road late Friday."),
            vec!["velmar"]
        );
        assert_eq!(
            streets("Police found him near Fennick and Alder streets."),
            vec!["alder", "fennick"]
        );
        assert_eq!(
            streets("It happened in the 400 block of Mount Orme Avenue."),
            vec!["mo", "mount", "orme"]
        );
        let long = streets("It happened on Halvik Orme Velmar Boulevard.");
        let short = streets("It happened on HOV Boulevard.");
        assert!(!streets_apart(&long, &[], &short, &[]));
        assert!(streets("They took the road home.").is_empty());
    }

    #[test]
    fn streets_with_no_word_in_common_are_apart() {
        let a = streets("A man was shot on Mount Orme Avenue.");
        let b = streets("Two men were shot at Orme Avenue and Halvik Street.");
        let c = streets("Two men were shot on Halvik Street.");
        assert!(!streets_apart(&a, &[], &b, &[]));
        assert!(streets_apart(&a, &[], &c, &[]));
        assert!(!streets_apart(&a, &[], &[], &[]));
        // "near Orme and Halvik Street": Orme is named, without its noun
        let near = vec!["halvik".to_string(), "orme".to_string()];
        assert!(!streets_apart(&a, &[], &c, &near));
    }
}
