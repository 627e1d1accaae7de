//! "Velmar Corp has offered $40 a share", "Ondrej Halvik was offering $2 million": an offer
//! or a bid is its maker's own act, so the figure right after the verb is the bidder's and
//! comes with its source (as "the agency issued an appeal for $5 million" does). A fallback
//! cue: read only when the sentence gives no other, and reaching only what follows the verb.

use super::{figure_at, names_someone, verb_cue, Cue, DETERMINERS};
use crate::lexicon::sets::{BE_FORMS, PREPOSITIONS};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// "offered", "bid": a party's own price or sum on the table.
    OFFER_VERBS = file "offer-verbs.txt"
);

/// Tokens between the verb and its figure at most ("offered Tessaly $2 million").
const MAX_GAP: usize = 3;

/// The cue of the sentence's first offer verb with a figure right after it and a person or
/// an organisation as its subject before it.
pub(super) fn offer_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokKind::Word && OFFER_VERBS.has(*t))
        .find_map(|(v, t)| bidder(text, toks, v, t, vague))
}

/// The bidder of the offer verb `t` at `v`, when it is one.
fn bidder(text: &str, toks: &[Tok], v: usize, t: &Tok, vague: &[String]) -> Option<Cue> {
    if !verb_here(toks, v, t) {
        return None;
    }
    // the figure right after the verb, or after a short object ("offered Tessaly $2 million")
    // or the verb it is offered to do ("offered to pay $40"); not after a preposition ("a
    // bid for Tessaly worth $6 billion", "the bid of $40": a noun)
    // ("bid farewell to 300 volunteers": a "to" before a number is a preposition)
    let infinitive = |k: usize| toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word);
    let figure = (v + 1..=v + 1 + MAX_GAP)
        .take_while(|&k| {
            toks.get(k).is_some_and(|x| {
                (x.kind != TokKind::Punct || x.is_punct('$'))
                    && (if x.is("to") {
                        infinitive(k)
                    } else {
                        !PREPOSITIONS.has(x)
                    })
                    && !x.is("worth")
            })
        })
        .any(|k| figure_at(toks, k));
    if !figure {
        return None;
    }
    let mut c = verb_cue(text, toks, v, vague)?;
    // "Velmar offered …": a bidder's name may be one word opening the sentence
    let one_name =
        !c.attribution.source.contains(' ') && c.attribution.source.starts_with(char::is_uppercase);
    let someone = one_name || names_someone(text, toks, &c, t);
    if c.pronoun || c.attribution.span.start >= t.span.start || !someone {
        return None;
    }
    c.from = Some(t.span.start);
    Some(c)
}

/// True when the offer word `t` at `v` reads as a verb of the sentence: not after a
/// determiner ("the bid", "its offering"), not a passive ("was offered $100": the one offered
/// the sum is no source of it), and a form in "-ing" only after a form of "be" or a comma ("is
/// offering", "…, bidding"; not "the share offering followed …").
fn verb_here(toks: &[Tok], v: usize, t: &Tok) -> bool {
    let prev = v.checked_sub(1).and_then(|p| toks.get(p));
    let be = prev.is_some_and(|p| BE_FORMS.has(p));
    if t.text.ends_with("ing") {
        return be || prev.is_some_and(|p| p.is_punct(','));
    }
    !be && !prev.is_some_and(|p| DETERMINERS.has(p))
}

#[cfg(test)]
mod tests {
    const D: &str = " date 2031-04-10 ";

    /// The source of the claim whose words contain `claim`.
    fn source_of(sentence: &str, claim: &str) -> Option<String> {
        crate::figures::attribution::tests::source_of_claim(&format!("{D}{sentence}"), claim)
    }

    #[test]
    fn a_bidders_own_offer_is_attributed_to_it() {
        for (s, n, who) in [
            (
                "Velmar Corp has offered $40 a share for Tessaly Mining.",
                "$40",
                "Velmar Corp",
            ),
            (
                "Ondrej Halvik was offering $2 million for the club.",
                "$2 million",
                "Ondrej Halvik",
            ),
            (
                "Velmar Corp bid 950 crowns per share, below a rival.",
                "950 crowns",
                "Velmar Corp",
            ),
            ("Velmar was offering $58.60 a share.", "$58.60", "Velmar"),
        ] {
            assert_eq!(source_of(s, n).as_deref(), Some(who), "{s}");
        }
    }

    #[test]
    fn no_bidder_no_source() {
        for (s, n) in [
            // passive: the one offered the sum is no source of it
            (
                "Halvik was offered $100 a month but turned it down.",
                "$100",
            ),
            // a noun, not a verb
            ("The bid of $40 a share lapsed on Friday.", "$40"),
            // "to" before a number is a preposition, not an infinitive
            ("The Tessaly council bid farewell to 300 volunteers.", "300"),
            // the figure before the verb is not the offer
            (
                "Shares rose 6 percent after Velmar Corp offered $40 a share.",
                "6 percent",
            ),
            // a pronoun stands for someone named elsewhere
            ("It offered $40 a share.", "$40"),
            // nouns: after a modifier, before a preposition
            (
                "The Velmar offering followed an issue of $200 million by Newswire.",
                "$200 million",
            ),
            (
                "Velmar Corp dropped a takeover bid for Tessaly worth $6 billion.",
                "$6 billion",
            ),
            (
                "Velmar Corp launched its original bid of $3.50 in April.",
                "$3.50",
            ),
        ] {
            assert_eq!(source_of(s, n), None, "{s}");
        }
    }
}
