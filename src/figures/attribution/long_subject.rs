//! "The maker of soups, crackers and a host of other foods said profit rose 12 percent",
//! "Velmar Corp, which sells cover for loans in the event of a default, said its loss was…":
//! the speech verb's subject is the sentence's opening noun phrase, reached only over its
//! modifiers (prepositional phrases, lists joined by commas and "and", appositives and
//! relative clauses set off by commas). The words right before the verb are no source of their
//! own, so the reach follows the grammar of the subject, not a count of words. A fallback cue:
//! read only when the verb's nearer words give none, and reaching only what follows the verb.

use super::{
    before_verb_cue, plausible, source_noun, Cue, CONTRASTS, DETERMINERS, PLAIN_CONTRASTS,
    SAME_SUBJECT_VERBS,
};
use crate::lexicon::class;
use crate::lexicon::sets::{
    AUXILIARIES, BE_FORMS, MODAL_WORDS, OCCASION_CONJUNCTIONS, PREPOSITIONS, RELATIVE_PRONOUNS,
    SPEECH_VERB_SET, STOP_BACK_SET,
};
use crate::text::{Tok, TokKind};
use crate::time::tense::Tense;

crate::word_set!(
    /// "said", "reported": verbs of saying whose subject may open the sentence far before them.
    LONG_SUBJECT_VERBS = file "long-subject-verbs.txt"
);

/// Tokens from the subject's start to its verb at most: a subject longer than this is read as
/// no subject (and the walk stays bounded per verb).
const MAX_SUBJECT: usize = 48;
/// Words of the subject's head (the noun phrase before its first modifier) at most.
const MAX_HEAD: usize = 6;

/// The cue of the speech verb at `v` (its subject ending at `e`, adverbs passed) when the
/// sentence opens with the verb's subject: a head that reads as a source, then modifiers with
/// no verb of their own up to the verb.
pub(super) fn long_subject_cue(
    text: &str,
    toks: &[Tok],
    e: usize,
    v: usize,
    vague: &[String],
) -> Option<Cue> {
    let verb = toks.get(v)?;
    if verb.kind != TokKind::Word || verb.is_capitalized() || !LONG_SUBJECT_VERBS.has(verb) {
        return None;
    }
    let s = after_dateline(toks, e);
    if e <= s || e - s > MAX_SUBJECT || !ends_subject(toks, e) {
        return None;
    }
    // "a market estimated at $100 billion": a participle hanging on a noun, no verb
    let participle =
        verb.text.ends_with("ed") && toks.get(v + 1).is_some_and(|n| PREPOSITIONS.has(n));
    let h = head_end(toks, s, e)?;
    if participle || h >= e || !modifiers_only(toks, h, e) {
        return None;
    }
    let mut c = before_verb_cue(text, toks, s, h, v, vague)?;
    if let Some((source, span)) = super::words_span(text, toks, s, e) {
        c.attribution.source = source;
        c.attribution.span = span;
    }
    c.from = Some(verb.span.start);
    c.until = match (c.until, result_clause(toks, v)) {
        (Some(u), Some(r)) => Some(u.min(r)),
        (u, r) => u.or(r),
    };
    Some(c)
}

/// Where a clause of a participle after a comma begins, after the verb at `v` ("…, sending its
/// shares 2 percent higher"): the writer's account of what followed, no part of what is said.
/// A participle of saying ("…, adding that …") goes on with the speaker.
fn result_clause(toks: &[Tok], v: usize) -> Option<usize> {
    (v + 1..toks.len())
        .find(|&k| {
            toks.get(k).is_some_and(|c| c.is_punct(','))
                && toks.get(k + 1).is_some_and(|w| {
                    w.kind == TokKind::Word
                        && !w.is_capitalized()
                        && w.text.len() > 4
                        && w.text.ends_with("ing")
                        && !SPEECH_VERB_SET.has(w)
                })
        })
        .and_then(|k| toks.get(k))
        .map(|c| c.span.start)
}

/// True when the token before `e` can end a subject before its verb: a comma or a word
/// that is no determiner, preposition or stop word ("the report said": "report" is a noun
/// there, no verb).
fn ends_subject(toks: &[Tok], e: usize) -> bool {
    e.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        p.is_punct(',')
            || (p.kind == TokKind::Word
                && !DETERMINERS.has(p)
                && !PREPOSITIONS.has(p)
                && !STOP_BACK_SET.has(p))
    })
}

/// Where the sentence's own words begin: after a dateline closed by a parenthesis and a dash
/// ("TOWN (Newswire) - Velmar Corp …"), else at its first token.
fn after_dateline(toks: &[Tok], e: usize) -> usize {
    let close = (0..e.min(12)).find(|&k| {
        toks.get(k).is_some_and(|t| t.is_punct(')'))
            && toks.get(k + 1).is_some_and(|d| {
                d.is_punct('-') || d.is_punct('\u{2014}') || d.is_punct('\u{2013}')
            })
    });
    match close {
        Some(k) => {
            let mut a = k + 2;
            while toks.get(a).is_some_and(|d| d.is_punct('-')) {
                a += 1;
            }
            a
        }
        None => 0,
    }
}

/// The end of the subject's head opening at `s`: its words up to the first comma,
/// parenthesis, preposition, relative pronoun or "and", when they read as a source and open
/// no subordinate clause ("After the maker of …" is no subject).
fn head_end(toks: &[Tok], s: usize, e: usize) -> Option<usize> {
    let first = toks.get(s)?;
    if first.kind != TokKind::Word
        || OCCASION_CONJUNCTIONS.has(first)
        || PREPOSITIONS.has(first)
        || CONTRASTS.has(first)
        || PLAIN_CONTRASTS.has(first)
        || STOP_BACK_SET.has(first)
    {
        return None;
    }
    let mut h = s;
    while h < e {
        let t = toks.get(h)?;
        let ends = t.kind != TokKind::Word
            || (h > s
                && (PREPOSITIONS.has(t)
                    || RELATIVE_PRONOUNS.has(t)
                    || t.is("and")
                    || t.is("that")
                    || verbish(toks, h)));
        if ends {
            break;
        }
        // "Velmar Corp sells soups": a lowercase word in "-s" after a name is its verb
        let present = h > s
            && !t.is_capitalized()
            && t.text.ends_with('s')
            && !t.text.ends_with("ss")
            && toks.get(h - 1).is_some_and(|p| p.is_capitalized());
        if present {
            return None;
        }
        h += 1;
    }
    (h > s && h - s <= MAX_HEAD && plausible(toks, s, h) && names_source(toks, s, h, e))
        .then_some(h)
}

/// True when the head `toks[s..h]` names a source by more than the capital that opens the
/// sentence: a source or people word, a title, a determiner and an agent noun ("The
/// maker"), a capitalised word after the first, or a lone
/// name set off by commas ("Velmar, a maker of …, said"); no word of time ("Last year, …").
fn names_source(toks: &[Tok], s: usize, h: usize, e: usize) -> bool {
    let Some(words) = toks.get(s..h) else {
        return false;
    };
    let temporal = class::WEEKDAY | class::MONTH | class::DURATION_UNIT;
    if words.iter().any(|t| t.class & temporal != 0) {
        return false;
    }
    let noun = words
        .iter()
        .any(|t| source_noun(t) || t.class & (class::PEOPLE | class::TITLE | class::ORG) != 0);
    // "The maker", "The biggest lender": a determiner and a noun of what someone does
    let agent = words.len() > 1
        && words.first().is_some_and(|f| DETERMINERS.has(f))
        && words
            .last()
            .is_some_and(|l| super::closing_tag::agent_noun(l.text));
    let later_capital = words.iter().skip(1).any(|t| t.is_capitalized());
    // "Velmar, a maker of tools, said": a lone name needs an appositive closed before the
    // verb ("Overall, employers announced" has none)
    let lone_name = words.len() == 1
        && words
            .first()
            .is_some_and(|t| t.is_capitalized() && t.class & class::NOT_NAME == 0)
        && toks.get(h).is_some_and(|c| c.is_punct(','))
        && e.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is_punct(','));
    noun || agent || later_capital || lone_name
}

/// True when tokens `h..e` are modifiers of a noun and nothing else: prepositional phrases
/// and lists (no verb, no number), appositives set off by commas (numbers allowed, no verb)
/// and relative clauses opened after a comma (or inside an appositive) and closed by a comma
/// (anything inside). A colon, a semicolon, a quotation mark or a conjunction of a clause ends it.
fn modifiers_only(toks: &[Tok], h: usize, e: usize) -> bool {
    let mut k = h;
    let mut enclosed = false;
    // a number in the open segment before the verb heads a subject of its own ("Last year, 86
    // percent said")
    let mut number_open = false;
    let mut depth = 0usize;
    while k < e {
        let Some(t) = toks.get(k) else { return false };
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth = depth.saturating_sub(1);
        } else if depth > 0 {
            // a ticker or a gloss in parentheses
        } else if t.is_punct(',') {
            let rel = toks
                .get(k + 1)
                .is_some_and(|r| r.is("which") || r.is("who") || r.is("whose"));
            if rel {
                match (k + 2..e).find(|&j| toks.get(j).is_some_and(|c| c.is_punct(','))) {
                    Some(j) => k = j,
                    None => return false,
                }
                continue;
            }
            enclosed = true;
            number_open = false;
        } else if t.kind == TokKind::Num {
            if !enclosed {
                return false;
            }
            number_open = true;
        } else if t.kind == TokKind::Punct {
            if super::is_quote_char(t)
                || [';', ':', '!', '?', '\u{2014}', '\u{2013}']
                    .iter()
                    .any(|&c| t.is_punct(c))
            {
                return false;
            }
        } else if enclosed && RELATIVE_PRONOUNS.has(t) {
            // "…, with brands that include Velmar soups, said": a relative clause inside
            // an appositive runs to its closing comma
            match (k + 1..e).find(|&j| toks.get(j).is_some_and(|c| c.is_punct(','))) {
                Some(j) => k = j,
                None => return false,
            }
            continue;
        } else if t.kind == TokKind::Word && !t.is_capitalized() && clause_word(toks, k) {
            return false;
        }
        k += 1;
    }
    !number_open
}

/// True when the lowercase word at `k` opens or carries a clause: a verb, a conjunction of an
/// occasion or a contrast, or "that".
fn clause_word(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.is("that")
            || OCCASION_CONJUNCTIONS.has(t)
            || CONTRASTS.has(t)
            || PLAIN_CONTRASTS.has(t)
            || verbish(toks, k)
    })
}

/// True when the word at `k` reads as a verb: an auxiliary, a modal, a form of "be", a speech
/// verb, or a word with a past or future tense of its own (a word in "-s" is read as a
/// plural noun, its present reading being too loose here); a word glued after a hyphen ("Idaho-based") is a
/// modifier.
fn verbish(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let hyphenated = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.is_punct('-') && p.span.end == t.span.start);
    if t.kind != TokKind::Word || t.is_capitalized() || hyphenated {
        return false;
    }
    AUXILIARIES.has(t)
        || MODAL_WORDS.has(t)
        || BE_FORMS.has(t)
        || SAME_SUBJECT_VERBS.has(t)
        || SPEECH_VERB_SET.has(t)
        || matches!(
            crate::time::tense::tense_at(toks, k),
            Some(Tense::Past | Tense::Future)
        )
}

#[cfg(test)]
mod tests {
    const D: &str = " date 2031-04-10 ";

    /// The source of the first claim whose words contain `claim`.
    fn source(text: &str, claim: &str) -> Option<String> {
        let all = crate::figures::attribution::tests::attributed(text);
        all.iter()
            .find(|(c, _, _)| c.contains(claim))
            .unwrap_or_else(|| panic!("no claim {claim} in {all:?}"))
            .1
            .clone()
    }

    #[test]
    fn a_subject_with_a_list_of_modifiers_reaches_the_verb() {
        let t = format!(
            "{D}The grower of apples, pears, plums and a range of other fruit said its harvest rose 14 percent to 9,000 tonnes."
        );
        let s = source(&t, "14 percent");
        assert!(
            s.as_deref().is_some_and(|s| s.starts_with("The grower")),
            "{s:?}"
        );
        assert!(source(&t, "9,000 tonnes").is_some());
    }

    #[test]
    fn a_name_with_an_appositive_or_a_relative_clause_is_the_subject() {
        let t = format!(
            "{D}Velmar, a builder of river barges, ferries and tugs for inland ports, reported a profit of $31 million."
        );
        assert!(source(&t, "$31 million").is_some());
        let t = format!(
            "{D}Tessaly Mills, which spins wool for knitwear makers across the north of the country and abroad, said output fell 6 percent."
        );
        assert!(source(&t, "6 percent").is_some());
    }

    #[test]
    fn figures_in_the_subject_or_in_a_result_clause_stay_the_writers() {
        // the relative clause's figure is the writer's; so is the share move after the tag
        let t = format!(
            "{D}Tessaly Mills, which spins wool for 40 knitwear makers across the north of the country and abroad, said output fell 6 percent."
        );
        assert_eq!(source(&t, "40 knitwear"), None);
        assert!(source(&t, "6 percent").is_some());
        let t = format!(
            "{D}The builder of barges, ferries and tugs reported a profit of $31 million, sending its shares up 3 percent."
        );
        assert!(source(&t, "$31 million").is_some());
        assert_eq!(source(&t, "3 percent"), None);
    }

    #[test]
    fn an_opening_adverb_or_a_participle_is_no_subject() {
        // "Overall, …": no name set off by commas; "a market estimated at": a participle
        let t = format!("{D}Overall, farmers reported 4,100 tractor sales in the year.");
        assert_eq!(source(&t, "4,100"), None);
        let t = format!(
            "{D}Velmar and Tessaly compete for the bulk of a barge market estimated at $70 million a year."
        );
        assert_eq!(source(&t, "$70 million"), None);
    }
}
