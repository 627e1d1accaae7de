//! Whose figure it is when the text names its holder by a pronoun: "Varga said they offered him
//! five years", "the Pumas backed that up with their five-year offer". A pronoun holds what the
//! latest actor named as a clause's subject before it holds, in its own sentence or in the
//! [`LOOK_BACK`] sentences before; when none is found the figure stays without a holder (it may
//! match any other). "it" and "there" often stand for nothing ("it was going to take five
//! years") and hold nothing.

use crate::lexicon::sets::{
    ARTICLES, INDEFINITE_ARTICLES, NOT_NAME_SET, POSSESSIVES, SPEECH_VERB_SET, SUBJECT_PRONOUNS,
};
use std::collections::HashSet;

use crate::analysis::Analysis;
use crate::text::{tokenize, Tok, TokKind};

use super::holder::{belief_verb, clause_break, clause_open, name_at};

crate::word_set!(
    /// Nouns of an offer, a bargain or a plan ("the deal", "the proposal").
    DEAL_NOUNS = files ["deal-nouns.txt", "plan-nouns.txt"]
);
crate::word_set!(
    /// Words that join two figures of one offer ("eight years and $40 million").
    JOINERS = file "figure-joiners.txt"
);
crate::word_set!(
    /// Subjects that often stand for nothing ("it", "there").
    EXPLETIVES = file "expletive-subjects.txt"
);

/// At most this many sentences before a pronoun's are searched for its actor.
const LOOK_BACK: usize = 1;

/// A verb of saying this many words before a pronoun has the pronoun's actor as its subject
/// ("police said last week they").
const SAID_WINDOW: usize = 3;

/// The holder of a figure of sentence `sentence` whose sentence runs `toks` before it, when a
/// pronoun holds it (see [`pronoun_at`]): the actor of [`last_subject`] before the pronoun in
/// its sentence, else in the sentences before.
pub(super) fn pronoun_holder(
    a: &Analysis,
    sentence: usize,
    toks: &[Tok],
    named: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let pronoun = pronoun_at(toks);
    let p = pronoun.or_else(|| deal_at(toks, named))?;
    let known = names_in_text(a);
    let named = |start: usize| {
        named(start)
            || a.text
                .get(start..)
                .is_some_and(|rest| known.contains(&first_word(rest)))
    };
    let own = toks.get(..p)?;
    if let Some(name) = last_subject(own, &named, true) {
        return Some(name);
    }
    // "police said they": the speaker, not named, is the pronoun's actor
    let said = own.iter().rev().take(SAID_WINDOW);
    if pronoun.is_some() && said.into_iter().any(|t| SPEECH_VERB_SET.contains(t.text)) {
        return None;
    }
    (sentence.saturating_sub(LOOK_BACK)..sentence)
        .rev()
        .find_map(|i| {
            let s = a.article.sentences.get(i)?;
            last_subject(&tokenize(&a.text, s.span), &named, false)
        })
}

/// The start of a definite offer or bargain followed by a lower-case word in a clause of `toks`
/// ("the deal is believed to be for five years"), searching clauses from the last back to the
/// first clause with a named subject.
fn deal_at(toks: &[Tok], named: &dyn Fn(usize) -> bool) -> Option<usize> {
    let lower = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_lowercase)
        })
    };
    let word_in = |i: usize, set: &crate::lexicon::WordSet| {
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Word && set.contains(t.text))
    };
    let mut end = toks.len();
    for open in clause_opens(toks).into_iter().rev() {
        if name_at(toks, open, named).is_some() {
            return None;
        }
        let deal = (open..end).find(|&i| {
            word_in(i, &ARTICLES)
                && !word_in(i, &INDEFINITE_ARTICLES)
                && word_in(i + 1, &DEAL_NOUNS)
                && lower(i + 2)
        });
        if deal.is_some() {
            return deal;
        }
        end = open;
    }
    None
}

/// The indices of the tokens that open a clause of `toks`: the first, and each after a break.
fn clause_opens(toks: &[Tok]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            toks.iter()
                .enumerate()
                .filter(|(_, t)| clause_break(t))
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| toks.get(i).is_some_and(|t| !clause_break(t)))
        .collect()
}

/// At most this many tokens lie between two figures of one offer ("five years , and $3").
const JOIN_GAP: usize = 3;

/// Gives a figure with no holder the holder of the figure right before it in its sentence when
/// only a comma, a dash, a bracket or a joining word lies between them ("the Pumas bid $40
/// million over five years", "the Otters (five years, $40 million)"). `holders` is sorted by
/// start, as [`super::holder::holders`] gives it, and stays so.
pub(super) fn chain(a: &Analysis, holders: &mut Vec<(usize, String)>) {
    let mut claims: Vec<&crate::figures::Claim> = a.claims.iter().collect();
    claims.sort_by_key(|c| c.span.start);
    let mut added = Vec::new();
    for w in claims.windows(2) {
        let (prev, cur) = (w[0], w[1]);
        let held = |start: usize| holders.binary_search_by_key(&start, |(s, _)| *s).ok();
        if prev.sentence != cur.sentence || held(cur.span.start).is_some() {
            continue;
        }
        let from = added
            .iter()
            .find(|(s, _): &&(usize, String)| *s == prev.span.start)
            .map(|(_, h)| h.clone())
            .or_else(|| {
                held(prev.span.start)
                    .and_then(|i| holders.get(i))
                    .map(|(_, h)| h.clone())
            });
        if let Some(h) = from.filter(|_| joined(a, prev.span.end, cur.span.start)) {
            added.push((cur.span.start, h));
        }
    }
    holders.extend(added);
    holders.sort();
}

/// True when the text between bytes `end` and `start` joins two figures: at most [`JOIN_GAP`]
/// tokens, each a comma, a dash, a bracket or a word of [`JOINERS`].
fn joined(a: &Analysis, end: usize, start: usize) -> bool {
    if start < end {
        return false;
    }
    let gap = tokenize(&a.text, crate::text::Span::new(end, start));
    gap.len() <= JOIN_GAP
        && gap.iter().all(|t| match t.kind {
            TokKind::Punct => matches!(t.text, "," | "-" | "(" | ")"),
            TokKind::Word => JOINERS.contains(t.text),
            TokKind::Num => false,
        })
}

/// The words of `a`'s body written with a capital right after a lower-case word ("with the
/// Pumas"), lowercase: names, so that one opening a sentence is a name there too.
fn names_in_text(a: &Analysis) -> HashSet<String> {
    let toks = tokenize(&a.text, a.article.body);
    toks.windows(2)
        .filter(|w| {
            w[0].kind == TokKind::Word
                && w[0].text.chars().next().is_some_and(char::is_lowercase)
                && w[1].kind == TokKind::Word
                && w[1].text.chars().next().is_some_and(char::is_uppercase)
        })
        .map(|w| w[1].text.to_lowercase())
        .collect()
}

/// The first word of `s` (its letters up to the first other character), lowercase.
fn first_word(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The index of the pronoun that holds a figure after `toks`: a possessive determiner right
/// before it ("his five-year offer"), else the first personal pronoun of its clause followed by
/// a lower-case word ("that they offered five years"); "it" and "there" are none.
pub(super) fn pronoun_at(toks: &[Tok]) -> Option<usize> {
    let word = |t: &Tok| t.kind == TokKind::Word;
    let n = toks.len();
    if toks
        .last()
        .is_some_and(|t| word(t) && POSSESSIVES.contains(t.text) && !EXPLETIVES.contains(t.text))
    {
        return n.checked_sub(1);
    }
    let open = clause_open(toks);
    (open..n).find(|&i| {
        toks.get(i).is_some_and(|t| {
            word(t) && SUBJECT_PRONOUNS.contains(t.text) && !EXPLETIVES.contains(t.text)
        }) && toks
            .get(i + 1)
            .is_some_and(|t| word(t) && t.text.chars().next().is_some_and(char::is_lowercase))
    })
}

/// The latest name in `toks` that opens a clause as its subject ("the Pumas have", "Ana Ruiz
/// confirmed"), not the subject of a verb of belief ("Ana Ruiz believes"), nor of a verb of
/// saying unless `speakers` ("Ana Ruiz said that he" is her; in a sentence before, a speaker
/// is a source).
pub(super) fn last_subject(
    toks: &[Tok],
    named: &dyn Fn(usize) -> bool,
    speakers: bool,
) -> Option<String> {
    clause_opens(toks).into_iter().rev().find_map(|open| {
        name_at(toks, open, named)
            .filter(|(_, verb)| {
                toks.get(*verb).is_none_or(|v| {
                    !belief_verb(v) && (speakers || !SPEECH_VERB_SET.contains(v.text))
                })
            })
            .and_then(|(name, _)| plain_name(&name))
    })
}

/// A name without a closing possessive ("the pumas's" -> "the pumas"); none when an apostrophe
/// stays inside it, a contraction rather than a name ("you're", "it's").
fn plain_name(name: &str) -> Option<String> {
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name);
    let last = name.rsplit(' ').next().unwrap_or(name);
    (!name.contains(['\'', '\u{2019}']) && !NOT_NAME_SET.contains(last)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// The holder of the figure `figure` of `text`, as [`super::super::holder::holders`] gives it.
    fn holder_of(text: &str, figure: &str) -> Option<String> {
        let a = Analysis::new(text);
        let at = text.find(figure)?;
        super::super::holder::holders(&a)
            .into_iter()
            .find(|(s, _)| *s == at)
            .map(|(_, h)| h)
    }

    fn toks(s: &str) -> Vec<Tok<'_>> {
        tokenize(s, Span::new(0, s.len()))
    }

    #[test]
    fn a_pronoun_after_a_speaker_is_the_speaker() {
        let s = "The Paraguay Pumas confirmed on Monday that they made a ";
        let t = toks(s);
        let p = pronoun_at(&t).unwrap_or(0);
        assert_eq!(t.get(p).map(|t| t.text), Some("they"));
        let named = |_: usize| false;
        assert_eq!(
            last_subject(&t[..p], &named, true).as_deref(),
            Some("paraguay pumas")
        );
        // in a sentence before, a speaker is a source, not an actor
        assert_eq!(last_subject(&t[..p], &named, false), None);
    }

    #[test]
    fn a_possessive_holds_the_figure_after_it() {
        let t = toks("The Otters backed that up with their ");
        assert_eq!(pronoun_at(&t), Some(t.len() - 1));
        // "it" often stands for nothing
        assert_eq!(
            pronoun_at(&toks("Lio Varga said it was going to take ")),
            None
        );
    }

    #[test]
    fn the_deal_takes_the_actor_of_the_sentence_before() {
        let text = " date 2031-03-03 The Paraguay Pumas have made an offer to the keeper.\n\n\
                    The deal is believed to be for five years.\n";
        assert_eq!(
            holder_of(text, "five years").as_deref(),
            Some("paraguay pumas")
        );
        // an offer with no article before it stands for no offer named before
        let text = " date 2031-03-03 The Paraguay Pumas have made an offer to the keeper.\n\n\
                    A deal is thought to be for five years.\n";
        assert_eq!(holder_of(text, "five years"), None);
    }

    #[test]
    fn an_unnamed_speaker_leaves_the_pronoun_unknown() {
        // "police" names no actor: the figure keeps no holder, not the sentence before's
        let text = " date 2031-03-03 The Uruguay Hawks were robbed in March.\n\n\
                    In April, police said they had recovered $3 million of the haul.\n";
        assert_eq!(holder_of(text, "$3 million"), None);
        let text = " date 2031-03-03 The Uruguay Hawks were robbed in March.\n\n\
                    A week later they had recovered $3 million of the haul.\n";
        assert_eq!(
            holder_of(text, "$3 million").as_deref(),
            Some("uruguay hawks")
        );
    }

    #[test]
    fn a_figure_joined_to_a_held_one_shares_its_holder() {
        let text = " date 2031-03-03 The Paraguay Pumas have bid $40 million over five years.\n";
        assert_eq!(
            holder_of(text, "over five years").as_deref(),
            Some("paraguay pumas")
        );
        let text = " date 2031-03-03 Rivals were the Uruguay Otters (seven years, $30 million).\n";
        assert_eq!(
            holder_of(text, "$30 million").as_deref(),
            Some("uruguay otters")
        );
        // words between the two figures may name another actor
        let text = " date 2031-03-03 The Paraguay Pumas have bid $40 million, while a rival \
                    offered five years.\n";
        assert_eq!(holder_of(text, "five years"), None);
    }

    #[test]
    fn a_contraction_is_no_name() {
        assert_eq!(plain_name("you're"), None);
        assert_eq!(plain_name("it's"), None);
        assert_eq!(plain_name("pumas's").as_deref(), Some("pumas"));
    }
}
