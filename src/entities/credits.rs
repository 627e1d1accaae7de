//! Credit and contact lines: the reporters a story credits ("Jane Roe contributed to this
//! report.", "By Jane Roe", a post embedded as "— Jane Roe (@jroe) May 2, 2016") and the
//! names a reader is given a number or an address for ("call the Tip Line at 555-0100",
//! "Jane Roe: 555-0100, jroe@example.com") are no people of the story. Two reports of one
//! newsroom share their reporters and their tip line; read as people, they tie the reports of
//! two incidents together. Such a name is kept as an organisation's, as in `furniture`.

use super::{in_set, Entity, EntityKind};
use crate::lexicon::sets::CREDIT_INSIDE;
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Verbs that end a credit line ("contributed", "reports").
    CREDIT_VERBS = file "credit-words.tsv", tag "verb"
);
crate::word_set!(
    /// What a credit line credits after "to" ("report").
    CREDIT_OBJECTS = file "credit-words.tsv", tag "object"
);
crate::word_set!(
    /// Words before "by" that open a credit line ("additional reporting by").
    CREDIT_LEADS = file "credit-words.tsv", tag "lead"
);

/// Digits a telephone number has at least, unless a word in capitals spells its end
/// ("555-0100" has seven; "888-TIPS").
const PHONE_DIGITS: usize = 7;

/// Makes organisations of the people of `out[from..]` (the entities of the sentence `toks`)
/// that a credit line names, or that a contact follows; returns their names.
pub(super) fn unname_credited(out: &mut [Entity], from: usize, toks: &[Tok]) -> Vec<String> {
    let mut names = Vec::new();
    let mut line: Option<bool> = None;
    for e in out.iter_mut().skip(from) {
        if e.kind != EntityKind::Person {
            continue;
        }
        let end = toks.partition_point(|t| t.span.start < e.span.end);
        if *line.get_or_insert_with(|| credit_line(toks)) || contact_after(toks, end) {
            e.kind = EntityKind::Organization;
            names.push(super::without_possessive(&e.name).to_string());
        }
    }
    names
}

/// Makes organisations of the people of `out` with one of `names` (a name an article gives a
/// contact for once is a tip line or a reporter wherever it names it).
pub(super) fn unname_everywhere(out: &mut [Entity], names: &[String]) {
    for e in out.iter_mut() {
        if e.kind == EntityKind::Person
            && names
                .iter()
                .any(|n| n.as_str() == super::without_possessive(&e.name))
        {
            e.kind = EntityKind::Organization;
        }
    }
}

/// True when the sentence `toks` is a credit line: a byline ("By Jane Roe", "Additional
/// reporting by Jane Roe and Sam Poe") or a sentence of names and a credit verb ("Staff
/// writer Jane Roe contributed to this report.", "Jane Roe reports.").
fn credit_line(toks: &[Tok]) -> bool {
    let words: Vec<&Tok> = toks.iter().filter(|t| t.kind == TokKind::Word).collect();
    byline(&words) || credited(&words)
}

/// "By Jane Roe", "Reporting by Jane Roe and Sam Poe": "by" first (capitalised) or after
/// lead words only, then capitalised words and "and" only.
fn byline(words: &[&Tok]) -> bool {
    let Some(by) = words.iter().position(|t| t.is("by")) else {
        return false;
    };
    let (lead, rest) = (&words[..by], &words[by + 1..]);
    let opens = if lead.is_empty() {
        words.get(by).is_some_and(|t| t.is_capitalized())
    } else {
        lead.iter().all(|t| in_set(t, &CREDIT_LEADS))
    };
    opens
        && rest.first().is_some_and(|t| t.is_capitalized())
        && rest
            .iter()
            .all(|t| t.is_capitalized() || in_set(t, &CREDIT_INSIDE))
}

/// "Jane Roe contributed.", "Staff writer Jane Roe contributed to this report.": capitalised
/// words and inside words, a credit verb, and nothing after it but "to" and its object.
fn credited(words: &[&Tok]) -> bool {
    let Some(v) = words.iter().position(|t| in_set(t, &CREDIT_VERBS)) else {
        return false;
    };
    let (before, after) = (&words[..v], &words[v + 1..]);
    let tail = match after {
        [] => true,
        [to, rest @ ..] => {
            to.is("to")
                && rest.len() <= 2
                && rest.last().is_some_and(|o| in_set(o, &CREDIT_OBJECTS))
        }
    };
    tail && before.iter().any(|t| t.is_capitalized())
        && before
            .iter()
            .all(|t| t.is_capitalized() || in_set(t, &CREDIT_INSIDE))
}

/// True when a contact follows a name ending before token `b`: a telephone number, an e-mail
/// address or a handle, right after it or after a colon, a comma, "at", or a lower-case word
/// and "at" ("Jane Roe: 555-0100", "the Tip Line at (555) 010-0100", "anonymously at
/// 555-0100", "Jane Roe (@jroe)").
fn contact_after(toks: &[Tok], b: usize) -> bool {
    let at = |k: usize| toks.get(k).is_some_and(|t| t.is("at"));
    let j = match toks.get(b) {
        Some(t) if t.is_punct(':') || t.is_punct(',') || t.is("at") => b + 1,
        Some(t) if t.kind == TokKind::Word && !t.is_capitalized() && at(b + 1) => b + 2,
        _ => b,
    };
    handle_at(toks, j) || phone_at(toks, j) || email_at(toks, j)
}

/// "@jroe", "(@jroe)".
fn handle_at(toks: &[Tok], j: usize) -> bool {
    let k = if toks.get(j).is_some_and(|t| t.is_punct('(')) {
        j + 1
    } else {
        j
    };
    toks.get(k).is_some_and(|t| t.is_punct('@'))
}

/// "jroe@example.com": a word touching an "@".
fn email_at(toks: &[Tok], j: usize) -> bool {
    match (toks.get(j), toks.get(j + 1)) {
        (Some(w), Some(a)) => w.kind == TokKind::Word && a.is_punct('@') && touch(w, a),
        _ => false,
    }
}

/// A telephone number at token `j`: "555-0100", "1-800-555-0100", "888-TIPS", "(555)
/// 010-0100": numbers and words in capitals joined by hyphens, two parts or more, with
/// [`PHONE_DIGITS`] digits or a word in capitals.
fn phone_at(toks: &[Tok], j: usize) -> bool {
    let mut k = j;
    let mut digits = 0;
    // "(555) ": an area code in brackets
    if toks.get(j).is_some_and(|t| t.is_punct('('))
        && toks
            .get(j + 1)
            .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 3)
        && toks.get(j + 2).is_some_and(|t| t.is_punct(')'))
    {
        digits = 3;
        k = j + 3;
    }
    if !toks.get(k).is_some_and(|t| t.kind == TokKind::Num) {
        return false;
    }
    let (mut parts, mut spelled) = (0, false);
    while let Some(t) = toks.get(k) {
        let part = t.kind == TokKind::Num || (parts > 0 && capitals(t));
        if !part {
            break;
        }
        parts += 1;
        if t.kind == TokKind::Num {
            digits += t.text.len();
        } else {
            spelled = true;
        }
        match (toks.get(k + 1), toks.get(k + 2)) {
            (Some(h), Some(n)) if h.is_punct('-') && touch(t, h) && touch(h, n) => k += 2,
            _ => break,
        }
    }
    parts >= 2 && (digits >= PHONE_DIGITS || spelled)
}

/// A word in capitals only ("TIPS").
fn capitals(t: &Tok) -> bool {
    t.kind == TokKind::Word && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// True when token `b` starts where `a` ends.
fn touch(a: &Tok, b: &Tok) -> bool {
    a.span.end == b.span.start
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;

    #[test]
    fn a_byline_and_a_credit_line_name_no_one_in_the_story() {
        let p = people(
            "By Remy Vantorre\n\nDana Quellby was hurt on a side street. \
             Staff writer Ines Pollard contributed to this report. \
             Tomas Ferrante and Lena Okafor contributed. Otto Brandt reports.",
        );
        assert_eq!(p, ["Dana Quellby"]);
        let p = people("Dana Quellby was hurt. Additional reporting by Ines Pollard.");
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_person_of_the_story_who_contributed_stays() {
        let p = people("Neighbours said Dana Quellby contributed to the repairs.");
        assert_eq!(p, ["Dana Quellby"]);
        let p = people("Dana Quellby contributed money to the fund, her sister said.");
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_tip_line_or_a_reporter_given_a_contact_is_no_one_in_the_story() {
        let p = people(
            "Dana Quellby was hurt. Please call Larkmoor Watchers at 555-201-TIPS or Vale Tipline \
             anonymously at (555) 201-8477. Larkmoor Watchers offers a reward. \
             Ines Pollard: 555-201-1822, ipollard@example.com. \
             The crowd cheered. — Remy Vantorre (@remyv) May 3, 2031",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_number_after_a_name_is_no_contact() {
        let p = people("Dana Quellby, 34, was hurt; Remy Vantorre at 10 p.m. was not.");
        assert_eq!(p, ["Dana Quellby", "Remy Vantorre"]);
    }
}
