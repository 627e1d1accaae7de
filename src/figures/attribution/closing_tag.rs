//! "…, searchers said.": a speech tag closing the sentence speaks for all of it.
//!
//! The frame itself says that someone speaks, so its source is read more loosely than a
//! subject elsewhere (`plausible`): a short noun phrase of words between a comma and the verb,
//! headed by a source word, a person's noun, a name, a plural or a noun naming someone by what
//! they do ("his successor on the court", "a spokeswoman there", "people close to him"). Its
//! cue is kept beside the sentence's first cue and reaches what that one leaves out: the
//! figures before a contrast ("…, but …, Velmar Corp said") or before an earlier verb of saying
//! whose own clause is shorter ("Most of those polled said …, while N …, the poll said").

use super::{
    head_with, manner_adverb, name_and, plausible, source_cue, Cue, DETERMINERS, NOT_IN_SOURCE_SET,
    NOUN_LIKE_CUE_SET, SAME_SUBJECT_VERBS, SOURCE_HEAD_SET, SPEECH_VERB_SET, STOP_BACK_SET,
};
use crate::lexicon::class;
use crate::lexicon::sets::{
    BE_FORMS, LEAD_WORD_SET, PREPOSITIONS, PRE_VERB_ADVERBS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS,
};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// "-er", "-or", "-ist": endings of a noun naming someone by what they do.
    AGENT_ENDINGS = file "agent-noun-endings.txt"
);

/// Words of the source at most; a longer stretch is a clause, not a tag's subject.
const MAX_SOURCE: usize = 8;
/// Tokens after the verb at most (a time or an occasion: "said in an interview on Friday").
const MAX_ADJUNCT: usize = 8;

/// The cue of a speech tag closing the sentence: ", <source> <verb>" with at most an adjunct
/// of time or occasion after the verb (or the person told, after "told"). It reaches the
/// sentence before the source, from its last semicolon on.
pub(super) fn closing_tag_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    // the sentence's last token that is no punctuation
    let mut z = toks.len();
    while z > 0 && toks.get(z - 1).is_some_and(|t| t.kind == TokKind::Punct) {
        z -= 1;
    }
    // it ends the sentence: "…, he said:" opens a quotation, the figures before it are the
    // setting of what he says
    if toks
        .get(z)
        .is_some_and(|t| !(t.is_punct('.') || t.is_punct('!') || t.is_punct('?')))
    {
        return None;
    }
    let lo = z.saturating_sub(MAX_ADJUNCT + 1);
    let v = (lo..z).rev().find(|&k| toks.get(k).is_some_and(tag_verb))?;
    let verb = toks.get(v)?;
    if !adjunct_only(toks, v, z) {
        return None;
    }
    // adverbs between the source and its verb ("officials later said")
    let mut e = v;
    while e > 0
        && toks
            .get(e - 1)
            .is_some_and(|p| PRE_VERB_ADVERBS.has(p) || manner_adverb(p))
    {
        e -= 1;
    }
    // the source: the words back to a comma
    let mut a = e;
    while a > 0 && e - a <= MAX_SOURCE {
        let p = toks.get(a - 1)?;
        if p.is_punct(',') {
            break;
        }
        if !source_word(toks, a - 1, a - 1 == e - 1) {
            return None;
        }
        a -= 1;
    }
    // a comma before the source, and a clause before the comma
    if a == e || a < 3 || e - a > MAX_SOURCE || !toks.get(a - 1).is_some_and(|p| p.is_punct(',')) {
        return None;
    }
    if !heads_source(toks, a, e) {
        return None;
    }
    let mut cue = source_cue(text, toks, a, e, verb, vague)?;
    // a semicolon ends what the tag reaches back to
    cue.from = (0..a)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(';')))
        .and_then(|k| toks.get(k))
        .map(|t| t.span.end);
    cue.until = Some(cue.attribution.span.start);
    Some(cue)
}

/// A verb that can close a tag: a lowercase speech verb, not a participle ("…, saying") nor
/// one more often a noun or of another sense ("states", "charges").
fn tag_verb(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && SPEECH_VERB_SET.has(t)
        && !NOUN_LIKE_CUE_SET.has(t)
        && !t.is_capitalized()
        && !t.text.ends_with("ing")
}

/// True when tokens `v + 1..z` after the verb are only an adjunct of time or occasion ("on
/// Friday", "in an interview", "yesterday") or, after "told", the person told: no comma, no
/// clause.
fn adjunct_only(toks: &[Tok], v: usize, z: usize) -> bool {
    let Some(rest) = toks.get(v + 1..z) else {
        return false;
    };
    let Some(first) = rest.first() else {
        return true;
    };
    let told = toks.get(v).is_some_and(|t| t.is("told") || t.is("tells"));
    let opens = told
        || (first.kind == TokKind::Word
            && (PREPOSITIONS.has(first)
                || first.class & (class::LEAD | class::CORE | class::WEEKDAY | class::MONTH) != 0));
    opens
        && !first.is("that")
        && rest.iter().all(|t| {
            (t.kind == TokKind::Word && !t.is("that") && !SPEECH_VERB_SET.has(t))
                || t.kind == TokKind::Num
                || t.is_punct('.')
                || t.is_punct('-')
        })
}

/// True when token `k` can stand in a tag's source: a word that is no verb, no clause word
/// ("which", "as", "than") and no number. "there" ends a source ("a spokeswoman there"),
/// "people" heads one ("people close to the talks").
fn source_word(toks: &[Tok], k: usize, last: bool) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    if t.kind != TokKind::Word {
        // "U.S. officials", "a vice-president": a point or a hyphen inside a name
        return (t.is_punct('.') || t.is_punct('-'))
            && k > 0
            && toks.get(k - 1).is_some_and(|p| p.span.end == t.span.start);
    }
    if STOP_BACK_SET.has(t) && !head_with(toks, k) && !name_and(toks, k) {
        return false;
    }
    if BE_FORMS.has(t)
        || SAME_SUBJECT_VERBS.has(t)
        || RELATIVE_PRONOUNS.has(t)
        || SPEECH_VERB_SET.has(t)
        || LEAD_WORD_SET.has(t)
    {
        return false;
    }
    // a place adverb closing the source, a noun of people anywhere in it
    let tolerated = (last && place_adverb(t)) || t.class & class::PEOPLE != 0;
    !NOT_IN_SOURCE_SET.has(t) || tolerated
}

/// "there", "here": the place adverbs a source may end on.
fn place_adverb(t: &Tok) -> bool {
    t.is("there") || t.is("here")
}

/// True when the words `a..e` have a word that makes them a source: a source word, a person's
/// noun or title, a name, a pronoun alone, or as head (the last word before a preposition) a
/// plural or a noun naming someone by what they do.
fn heads_source(toks: &[Tok], a: usize, e: usize) -> bool {
    let Some(r) = toks.get(a..e) else {
        return false;
    };
    if let [only] = r {
        if SUBJECT_PRONOUNS.has(only) {
            return true;
        }
    }
    // "Velmar's chief said": a possessive closing the words leaves its noun after the verb
    if r.last()
        .is_some_and(|t| t.text.ends_with("'s") || t.text.ends_with('\u{2019}'))
    {
        return false;
    }
    let marked = r.iter().enumerate().any(|(k, t)| {
        t.kind == TokKind::Word
            && (SOURCE_HEAD_SET.has(t)
                || t.class & (class::PEOPLE | class::TITLE) != 0
                || (t.is_capitalized() && !(k == 0 && DETERMINERS.has(t))))
    });
    // what reads as a source anywhere ("the company") reads as one here
    if marked || plausible(toks, a, e) {
        return true;
    }
    // the head: the last word before a preposition after the first word
    let cut = r
        .iter()
        .skip(1)
        .position(|t| t.kind == TokKind::Word && PREPOSITIONS.has(t))
        .map_or(r.len(), |p| p + 1);
    let Some(head) = r.get(..cut).and_then(|h| h.last()) else {
        return false;
    };
    // a lone lowercase noun with no determiner ("…, history said") is no one
    let led = r.len() > 1 && r.first().is_some_and(|f| DETERMINERS.has(f));
    let plural = head.text.ends_with('s') && !head.text.ends_with("ss");
    head.kind == TokKind::Word && agent_noun(head.text) && (plural || led)
}

/// A noun naming someone by what they do: an agent ending ("successor", "searchers").
pub(super) fn agent_noun(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    singular.len() >= 5
        && AGENT_ENDINGS
            .words()
            .iter()
            .any(|end| singular.ends_with(end))
}

#[cfg(test)]
mod tests {

    const D: &str = " date 2031-04-10 ";

    /// (claim words, source) of every claim.
    fn sources(text: &str) -> Vec<(String, Option<String>)> {
        crate::figures::attribution::tests::attributed(text)
            .into_iter()
            .map(|(c, s, _)| (c, s))
            .collect()
    }

    fn source(text: &str, claim: &str) -> Option<String> {
        sources(text)
            .into_iter()
            .find(|(c, _)| c.contains(claim))
            .unwrap_or_else(|| panic!("no claim {claim} in {:?}", sources(text)))
            .1
    }

    #[test]
    fn a_closing_tag_names_someone_by_what_they_do() {
        let t = format!(
            "{D}Divers combed a stretch of some 40 square miles off Tessaly, probably the ferry's last course, searchers said."
        );
        assert_eq!(source(&t, "40 square miles").as_deref(), Some("searchers"));
        let t = format!(
            "{D}Ondrej Halvik ran the Velmar Corp mill for 31 years with a steady hand, his successor at the plant said."
        );
        assert_eq!(
            source(&t, "31 years").as_deref(),
            Some("his successor at the plant")
        );
        let t = format!(
            "{D}The Tessaly hall will seat some 400 mourners at the memorial, a spokeswoman there said."
        );
        assert_eq!(
            source(&t, "400 mourners").as_deref(),
            Some("a spokeswoman there")
        );
        let t = format!(
            "{D}The merger took nine weeks of talks to settle, people close to Ondrej Halvik said."
        );
        assert_eq!(
            source(&t, "nine weeks").as_deref(),
            Some("people close to Ondrej Halvik")
        );
    }

    #[test]
    fn a_closing_tag_reaches_over_a_contrast_and_an_earlier_speaker() {
        // "…, but …, X said": the tag speaks for both clauses
        let t = format!(
            "{D}Velmar Corp's orders rose 6 percent, but grew only 2 percent outside Tessaly, the company said."
        );
        assert!(source(&t, "6 percent").is_some(), "{:?}", sources(&t));
        assert!(source(&t, "2 percent").is_some(), "{:?}", sources(&t));
        // an earlier speaker reaches only its own clause; the tag takes the rest
        let t = format!(
            "{D}Ondrej Halvik told the board the club had 9,000 members, although its lists held about 1,200 names, an auditor testified."
        );
        assert_eq!(source(&t, "9,000").as_deref(), Some("Ondrej Halvik"));
        assert_eq!(source(&t, "1,200").as_deref(), Some("an auditor"));
        // a semicolon ends what the tag reaches back to
        let t = format!(
            "{D}Tessaly's exports fell 5 percent; imports rose 3 percent, the ministry said."
        );
        assert_eq!(source(&t, "5 percent"), None);
        assert!(source(&t, "3 percent").is_some());
    }

    #[test]
    fn what_is_no_closing_tag_attributes_nothing() {
        // a clause, not a source, before the verb
        for t in [
            "{D}Velmar Corp earned $5 million, more than anyone said.",
            "{D}Velmar Corp earned $5 million, which nobody said.",
            // a colon opens a quotation: the figure before it sets the scene
            "{D}Asked whether Velmar Corp would spend $40 million, Ondrej Halvik said: \"We will see.\"",
            // a lone noun with no determiner and no agent ending
            "{D}The fund lost $8 million, history said.",
        ] {
            let t = t.replace("{D}", D);
            let s = sources(&t);
            let first = s.first().map(|(_, src)| src.clone());
            assert_eq!(first, Some(None), "{t}: {s:?}");
        }
    }
}
