//! What a length of time measures (#17): "12 years on the bench" and "the fiercest quarrel of
//! the last 13 years" are lengths of two different things, and a report giving one is no
//! other source for the other. A length's head is the noun phrase a preposition ties to it
//! right after it ("on the bench", "in jail", "of talks", "as chief"); a length that a window
//! word and "of" hang on a noun before it ("the worst storm of the past 40 years") is a frame,
//! which measures nothing. Two lengths compare only when both or neither are frames
//! and their heads, when both have one, share a word.

use crate::lexicon::sets::{ARTICLES, PLACE_NOUNS, POSSESSIVES, PREPOSITIONS};
use crate::text::{tokenize, Span, Tok, TokKind};

crate::word_set!(
    /// Prepositions that tie the noun phrase after a length of time to it as what it measures.
    HEAD_PREPOSITIONS = file "duration-head-prepositions.txt"
);
crate::word_set!(
    /// Prepositions before which a name or a noun of places says where, not what.
    WHERE_PREPOSITIONS = file "duration-where-prepositions.txt"
);
crate::word_set!(
    /// Words after "the" that make the length of time after them a window ("the past 40 years").
    WINDOW_WORDS = file "duration-window-words.txt"
);

/// At most this many words of a head are kept ("the highest court in the land").
const HEAD_WORDS: usize = 3;

/// The head of the length of time at `figure` in `sentence` of `text`: the words of the noun
/// phrase a head preposition ties to it right after it ("on the Tessaly Bench" -> "tessaly",
/// "bench"), lowercase, articles and possessives aside; empty when none. The noun phrase ends
/// at punctuation, a number or a function word. A name or a noun of places right after "in"
/// or "at" ("in Velmar", "at Ostrin Corp", "in the country") says where the time was spent,
/// not what it measures: no head.
/// The figure's own noun ("two-month revolt", "two-month campaign") is no head: reports name
/// one stretch by many nouns.
pub(crate) fn head(text: &str, sentence: Span, figure: Span) -> Vec<String> {
    if figure.end >= sentence.end {
        return Vec::new();
    }
    let toks = tokenize(text, Span::new(figure.end, sentence.end));
    let mut it = toks.iter().take(2 + 2 * HEAD_WORDS);
    let Some(first) = it.next() else {
        return Vec::new();
    };
    if first.kind != TokKind::Word || !HEAD_PREPOSITIONS.contains(first.text) {
        return Vec::new();
    }
    let where_at = WHERE_PREPOSITIONS.contains(first.text);
    let mut out: Vec<String> = Vec::new();
    for t in it {
        let determiner = ARTICLES.contains(t.text) || POSSESSIVES.contains(t.text);
        if out.is_empty() && t.kind == TokKind::Word && determiner {
            continue;
        }
        if t.kind != TokKind::Word || !noun_word(t) || out.len() == HEAD_WORDS {
            break;
        }
        let place = t.text.starts_with(char::is_uppercase) || PLACE_NOUNS.contains(t.text);
        if out.is_empty() && where_at && place {
            return Vec::new();
        }
        out.push(t.text.to_lowercase());
    }
    out
}

/// True for a word that may be part of a head: letters only, no preposition, article or
/// possessive, no function word.
fn noun_word(t: &Tok) -> bool {
    t.text.chars().all(char::is_alphabetic)
        && !PREPOSITIONS.contains(t.text)
        && !ARTICLES.contains(t.text)
        && !POSSESSIVES.contains(t.text)
        && !super::STOP.contains(t.text)
}

/// True when the length of time at `figure` is a frame: right after "of", "the" and a window
/// word ("of the past 40 years"), itself after a word (the thing framed).
pub(crate) fn frame(text: &str, sentence: Span, figure: Span) -> bool {
    if figure.start <= sentence.start {
        return false;
    }
    let toks = tokenize(text, Span::new(sentence.start, figure.start));
    let n = toks.len();
    if n < 4 {
        return false;
    }
    let word = |i: usize, ok: &dyn Fn(&str) -> bool| {
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Word && ok(t.text))
    };
    word(n - 1, &|w| WINDOW_WORDS.contains(w))
        && word(n - 2, &|w| w.eq_ignore_ascii_case("the"))
        && word(n - 3, &|w| w.eq_ignore_ascii_case("of"))
        && word(n - 4, &|_| true)
}

/// True when two lengths of time measure different things: one is a frame and the other is
/// not, or each has a head and the two share no word.
pub(crate) fn apart(a: &super::ClaimSummary, b: &super::ClaimSummary) -> bool {
    a.frame != b.frame
        || (!a.head.is_empty() && !b.head.is_empty() && !a.head.iter().any(|w| b.head.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, figure: &str) -> (Vec<String>, bool) {
        let start = s.find(figure).unwrap_or(0);
        let f = Span::new(start, start + figure.len());
        let all = Span::new(0, s.len());
        (head(s, all, f), frame(s, all, f))
    }

    #[test]
    fn the_phrase_after_a_length_is_what_it_measures() {
        let s = "Judge Orla Venn, who served 19 years on the Tessaly High Bench, retired.";
        assert_eq!(at(s, "19 years").0, vec!["tessaly", "high", "bench"]);
        let s = "Ondrej Halvik spent six years in jail for fraud.";
        assert_eq!(at(s, "six years").0, vec!["jail"]);
        let s = "They ended 12 years of talks.";
        assert_eq!(at(s, "12 years").0, vec!["talks"]);
        // no preposition, or a number after it: no head
        let s = "She kept at it for 19 years with good humour.";
        assert!(at(s, "19 years").0.is_empty());
        let s = "He moved to Velmar 19 years in 2003.";
        assert!(at(s, "19 years").0.is_empty());
        let s = "He led Velmar Corp for 19 years.";
        assert!(at(s, "19 years").0.is_empty());
        // a name after "in" or "at" says where: the talks lasted 10 hours in Orme
        let s = "The talks lasted 10 hours in Orme, officials said.";
        assert!(at(s, "10 hours").0.is_empty());
        let s = "She spent 19 years at Velmar Corp as its chief.";
        assert!(at(s, "19 years").0.is_empty());
        let s = "After three years in the country, the aid group left.";
        assert!(at(s, "three years").0.is_empty());
        // a figure's own noun is no head: "ten-hour talks in Orme" has none
        let s = "After ten-hour talks in Orme, a truce held.";
        assert!(at(s, "ten-hour talks").0.is_empty());
    }

    #[test]
    fn a_window_after_a_noun_is_a_frame() {
        let s = "It was the fiercest quarrel of the last 13 years in Tessaly.";
        assert!(at(s, "13 years").1);
        let s = "The worst flood of the past 40 years hit Orme.";
        assert!(at(s, "40 years").1);
        // "in the past" may follow a verb ("has lived there in the past 12 years")
        let s = "He has lived in Orme in the past 12 years.";
        assert!(!at(s, "12 years").1);
        // a window a verb hangs on, or a person's last years, frames nothing
        let s = "She has served there for the past 12 years.";
        assert!(!at(s, "12 years").1);
        let s = "He spent his last 12 years in Orme.";
        assert!(!at(s, "12 years").1);
    }
}
