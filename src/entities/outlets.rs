//! News agencies, outlets and bodies told by where they stand, not by their names: an
//! acronym where a source stands ("<ACRONYM> reported", "according to <ACRONYM>", "told
//! <ACRONYM>", "a spokesman for <A.C.R.>", "<ACRONYM>'s correspondent") and the credit of a
//! dateline ("CITY (Wire) —"). Either is an organisation, never a person: a name list would
//! know only the outlets it lists.

use super::in_set;
use crate::lexicon::sets::{
    CREDIT_INSIDE, LEAD_WORD_SET, PEOPLE_SET, PRE_VERB_ADVERBS, SOURCE_HEAD_SET, SPEECH_VERB_SET,
    TITLE_SET,
};
use crate::text::{Tok, TokKind};

/// Letters an acronym has at most ("NTSB", "UNICEF").
const ACRONYM_MAX: usize = 6;

/// The number of capital letters of an acronym token ("AFP", "AFP's"), or 0.
fn acronym_letters(t: &Tok) -> usize {
    if t.kind != TokKind::Word {
        return 0;
    }
    let w = super::without_possessive(t.text);
    let n = w.chars().count();
    if (2..=ACRONYM_MAX).contains(&n) && w.chars().all(|c| c.is_uppercase()) {
        n
    } else {
        0
    }
}

/// True for a dot written between two capital letters of a dotted acronym ("U.N.", "N.T.S.B.")
/// at `toks[b]`: one capital letter before it and one after it, no space around it.
pub(super) fn acronym_dot(toks: &[Tok], b: usize) -> bool {
    let (Some(before), Some(dot), Some(after)) = (
        b.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(b),
        toks.get(b + 1),
    ) else {
        return false;
    };
    let letter = |t: &Tok| t.kind == TokKind::Word && t.text.len() == 1 && t.is_capitalized();
    dot.is_punct('.')
        && letter(before)
        && letter(after)
        && before.span.end == dot.span.start
        && dot.span.end == after.span.start
}

/// True when the run `run` is capital letters joined by dots and nothing else ("U.N").
pub(super) fn dotted_acronym(run: &[Tok]) -> bool {
    run.len() >= 3
        && run.iter().enumerate().all(|(k, t)| {
            if k % 2 == 0 {
                t.kind == TokKind::Word && t.text.len() == 1 && t.is_capitalized()
            } else {
                t.is_punct('.')
            }
        })
}

/// True when the run `run` opens with an acronym: a word in capitals ("AFP") or capital
/// letters joined by dots ("U.N."), of two to six letters (three or more before other words).
fn opens_with_acronym(run: &[Tok]) -> bool {
    let Some(first) = run.first() else {
        return false;
    };
    // two capitals before a name are a person's initials ("AJ Roe"), three are an acronym
    let least = if run.len() > 1 { 3 } else { 2 };
    if acronym_letters(first) >= least {
        return true;
    }
    // "U . N": letters and the dots between them
    let dotted = run
        .iter()
        .take_while(|t| (t.kind == TokKind::Word && t.text.len() == 1) || t.is_punct('.'))
        .filter(|t| t.kind == TokKind::Word)
        .count();
    (2..=ACRONYM_MAX).contains(&dotted)
}

/// True when the run `toks[a..b]` is an organisation by where it stands: an acronym where a
/// source stands, or a dateline's credit.
pub(super) fn is_outlet(toks: &[Tok], a: usize, b: usize) -> bool {
    let run = toks.get(a..b).unwrap_or(&[]);
    (opens_with_acronym(run) && as_source(toks, a, b)) || dateline_credit(toks, a, b)
}

/// True when the run `toks[a..b]` stands where a source stands: before a speech verb ("…
/// reported", "… also said"), its possessive before a newsroom's or a source's noun ("…'s
/// correspondent"), or after "according to", "citing", a speech verb ("told …", "quoted by
/// …") or a title and "for" ("a spokesman for …").
fn as_source(toks: &[Tok], a: usize, b: usize) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.kind == TokKind::Word);
    // the dot closing a dotted acronym ("U.N.") is no break
    let b = if toks.get(b).is_some_and(|t| t.is_punct('.'))
        && b.checked_sub(1).is_some_and(|i| acronym_dot_end(toks, i))
    {
        b + 1
    } else {
        b
    };
    let mut next = b;
    while word(next).is_some_and(|t| in_set(t, &PRE_VERB_ADVERBS)) {
        next += 1;
    }
    let verb_after = word(next).is_some_and(|t| in_set(t, &SPEECH_VERB_SET));
    let possessive = toks
        .get(b.wrapping_sub(1))
        .is_some_and(|t| super::without_possessive(t.text).len() < t.text.len());
    let noun_after = possessive
        && word(b).is_some_and(|t| {
            in_set(t, &SOURCE_HEAD_SET)
                || in_set(t, &TITLE_SET)
                || in_set(t, &PEOPLE_SET)
                || in_set(t, &CREDIT_INSIDE)
        });
    let before = |k: usize| a.checked_sub(k).and_then(word);
    let lead_before = before(1).is_some_and(|p| {
        in_set(p, &SPEECH_VERB_SET)
            || in_set(p, &LEAD_WORD_SET)
            || (p.is("to") && before(2).is_some_and(|q| in_set(q, &LEAD_WORD_SET)))
            || (p.is("by") && before(2).is_some_and(|q| in_set(q, &SPEECH_VERB_SET)))
            || (p.is("for")
                && before(2).is_some_and(|q| in_set(q, &TITLE_SET) || in_set(q, &SOURCE_HEAD_SET)))
    });
    verb_after || noun_after || lead_before
}

/// True when `toks[i]` is the last letter of a dotted acronym ("N" of "U.N").
fn acronym_dot_end(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|d| acronym_dot(toks, d))
}

/// True when the run `toks[a..b]` is a dateline's credit: alone in parentheses right before
/// a dash, with nothing but capitalised words and commas before it in its sentence ("(Wire)
/// —", "CITY, Country (Wire) -").
fn dateline_credit(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(open) = a.checked_sub(1) else {
        return false;
    };
    let dash = |t: &Tok| t.is_punct('-') || t.is_punct('–') || t.is_punct('—');
    let head = toks.get(..open).unwrap_or(&[]);
    toks.get(open).is_some_and(|t| t.is_punct('('))
        && toks.get(b).is_some_and(|t| t.is_punct(')'))
        && toks.get(b + 1).is_some_and(dash)
        && head.len() <= 8
        && head
            .iter()
            .all(|t| (t.kind == TokKind::Word && t.is_capitalized()) || t.is_punct(','))
}

#[cfg(test)]
mod tests {
    use super::super::{extract, EntityKind};

    /// The entities of `text` with their kinds.
    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let a = crate::article::read(text);
        extract(text, &a)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    fn is_org(text: &str, name: &str) -> bool {
        kinds(text)
            .iter()
            .any(|(n, k)| n == name && *k == EntityKind::Organization)
    }

    #[test]
    fn an_acronym_where_a_source_stands_is_an_organisation() {
        assert!(is_org(
            "Harbour officials told QRX Vale that nine boats sank.",
            "QRX Vale"
        ));
        assert!(is_org(
            "Nine boats sank, QRX Vale reported on Monday.",
            "QRX Vale"
        ));
        assert!(is_org(
            "Nine boats sank, according to ZNB Radio.",
            "ZNB Radio"
        ));
        assert!(is_org(
            "Nine boats sank, the ZNB's correspondent wrote.",
            "ZNB's"
        ));
        assert!(is_org(
            "A spokesman for the P.Q.L. said nine boats sank.",
            "P.Q.L"
        ));
        // an acronym elsewhere, or initials before a name, make no organisation of a person
        let e = kinds("QRX Vale sailed home while nine boats sank.");
        assert!(
            !e.iter().any(|(_, k)| *k == EntityKind::Organization),
            "{e:?}"
        );
        let e = kinds("AJ Quellby said nine boats sank.");
        assert!(
            e.contains(&("AJ Quellby".into(), EntityKind::Person)),
            "{e:?}"
        );
    }

    #[test]
    fn a_dateline_credit_is_an_outlet() {
        assert!(is_org(
            "PORT ELLIS (Quillwire) - Nine boats sank on Monday.",
            "Quillwire"
        ));
        assert!(is_org(
            "(Quillwire) — Nine boats sank on Monday.",
            "Quillwire"
        ));
        assert!(is_org(
            "Port Ellis, Norland (Quill Wire) – Nine boats sank.",
            "Quill Wire"
        ));
        // a name in parentheses inside a sentence is no credit
        let e = kinds("The skipper (Dana Quellby) - the last to leave - was rescued.");
        assert!(
            !e.iter().any(|(_, k)| *k == EntityKind::Organization),
            "{e:?}"
        );
    }

    #[test]
    fn who_in_lower_case_is_a_pronoun_and_in_capitals_an_acronym() {
        let e = kinds("Sailors who fled the port said nine boats sank.");
        assert!(e.is_empty(), "{e:?}");
        assert!(is_org("Nine boats sank, WHO said.", "WHO"));
    }
}
