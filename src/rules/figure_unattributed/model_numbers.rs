//! "Velmar Aero flew the 610-2 … 610 production will rise": a number written with a variant's
//! digit inside a sentence of the article ("the 610-2", a model, a product) names that model
//! wherever it stands at the head of a count in the same article ("610 production", "two 610
//! jets"): no count to source. A number after a name ("Corvane 410") is not enough: "House
//! Bill 1523" names a bill whose number PolNeAR's gold counts. Likewise a number glued to
//! letters that the article names as a company ("5K Co", "5K Inc.") is that company wherever
//! it heads a figure ("5K shares rose", "5K said"), not five thousand of something.

use crate::analysis::Analysis;
use crate::figures::{Claim, Measure};
use crate::lexicon::sets::COMPANY_HEADS;
use crate::text::{tokenize, Tok, TokKind};
use std::collections::HashSet;

/// The article's model numbers, read once on the first claim that may be one.
#[derive(Default)]
pub(super) struct ModelNumbers {
    numbers: Option<HashSet<String>>,
}

impl ModelNumbers {
    /// True when claim `c` is a count headed by one of the article's model numbers, or a
    /// figure headed by a company's name of digits and letters.
    pub(super) fn names(&mut self, a: &Analysis, c: &Claim) -> bool {
        let Some(lead) = c.span.slice(&a.text).split_whitespace().next() else {
            return false;
        };
        let lead = lead.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        let model = c.measure == Measure::Count && c.qualifier.is_none() && model_like(lead);
        if !model && !glued_letters(lead) {
            return false;
        }
        self.numbers
            .get_or_insert_with(|| collect(a))
            .contains(lead)
    }
}

/// Three or four digits with no separator that are no year: "410", "7470".
fn model_like(t: &str) -> bool {
    let digits = (3..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    digits && !t.starts_with('0') && !t.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Digits then capital letters, one word ("5K", "3D"): a number with a unit's letter, or a name.
fn glued_letters(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t.as_bytes()[digits..];
    digits > 0 && !rest.is_empty() && rest.len() <= 3 && rest.iter().all(u8::is_ascii_uppercase)
}

/// The numbers written with a variant's digit inside a sentence (not a headline in title case),
/// and the digits-and-letters words named as a company ("5K Co").
fn collect(a: &Analysis) -> HashSet<String> {
    let mut out = company_numbers(a);
    for s in &a.article.sentences {
        // most sentences have no digit, hyphen, digit: tokenizing every sentence again cost 7 %
        // of the throughput bench's instructions (callgrind), this byte test almost none
        if !digit_dash_digit(s.span.slice(&a.text).as_bytes()) {
            continue;
        }
        let toks = tokenize(&a.text, s.span);
        if title_case(&toks) {
            continue;
        }
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Num || !model_like(t.text) {
                continue;
            }
            if variant(&toks, i) {
                out.insert(t.text.to_string());
            }
        }
    }
    out
}

/// True when `b` holds a digit, a hyphen and a digit in a row ("610-2").
fn digit_dash_digit(b: &[u8]) -> bool {
    b.windows(3)
        .any(|w| w[1] == b'-' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
}

/// The words of digits and capital letters right before a company's head word ("5K Co",
/// "5K Inc."): a company's name. Read only when the article has such a word at all.
fn company_numbers(a: &Analysis) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in &a.article.sentences {
        let st = s.span.slice(&a.text).as_bytes();
        let maybe = st
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_uppercase());
        if !maybe {
            continue;
        }
        let toks = tokenize(&a.text, s.span);
        for i in 0..toks.len() {
            let Some((name, next)) = glued_name_at(&a.text, &toks, i) else {
                continue;
            };
            let head = toks.get(next).filter(|h| h.kind == TokKind::Word);
            if head.is_some_and(|h| COMPANY_HEADS.has(h)) {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// The word of digits and letters that starts at token `i` ("5K": one token, or a number and
/// the letters glued to it), and the index of the token after it.
fn glued_name_at<'t>(text: &'t str, toks: &[Tok], i: usize) -> Option<(&'t str, usize)> {
    let t = toks.get(i)?;
    if glued_letters(t.text) {
        return Some((t.span.slice(text), i + 1));
    }
    let next = toks.get(i + 1)?;
    let glued = t.kind == TokKind::Num && next.span.start == t.span.end;
    let name = text.get(t.span.start..next.span.end)?;
    (glued && glued_letters(name)).then_some((name, i + 2))
}

/// "the 510-2": a variant's single digit glued to the number by a hyphen (not a range,
/// "200-250", nor a compound, "100-dlr").
fn variant(toks: &[Tok], i: usize) -> bool {
    let (Some(t), Some(h), Some(v)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2)) else {
        return false;
    };
    let glued_after = toks
        .get(i + 3)
        .is_some_and(|n| n.span.start == v.span.end && !n.is_punct('.') && !n.is_punct(','));
    h.is_punct('-')
        && t.span.end == h.span.start
        && h.span.end == v.span.start
        && v.kind == TokKind::Num
        && v.text.len() == 1
        && !glued_after
}

/// A headline in title case: most of its words (four or more) capitalised.
fn title_case(toks: &[Tok]) -> bool {
    let words: Vec<&Tok> = toks.iter().filter(|t| t.kind == TokKind::Word).collect();
    let caps = words.iter().filter(|t| t.is_capitalized()).count();
    words.len() >= 4 && caps * 2 > words.len()
}

#[cfg(test)]
mod tests {
    fn flagged(text: &str) -> Vec<String> {
        let f = super::super::tests::findings(text);
        f.iter().map(|f| f.span.slice(text).to_string()).collect()
    }

    #[test]
    fn a_number_named_as_a_company_is_that_company_elsewhere() {
        let t = " date 2022-05-10 Shares of 5K Co rose. 5K said sales grew, and 5K shares \
                 gained 2 percent. Another firm sold 5K units last year.";
        let f = flagged(t);
        assert!(
            !f.iter()
                .any(|s| s.starts_with("5K") && !s.contains("units")),
            "{f:?}"
        );
        // an article that never names it as a company: a count of five thousand
        let t = " date 2022-05-10 The plant sold 5K units last year.";
        assert!(
            flagged(t).iter().any(|s| s.starts_with("5K")),
            "{:?}",
            flagged(t)
        );
    }

    #[test]
    fn a_variant_names_the_model_elsewhere() {
        let t = " date 2022-05-10 Velmar Aero flew the 610-2 in May. Two 610 planes were \
                 grounded. It has 300 employees and sold 200-250 units, 250 units in May.";
        let f = flagged(t);
        assert!(!f.iter().any(|s| s.starts_with("610")), "{f:?}");
        assert!(f.iter().any(|s| s.starts_with("250 units")), "{f:?}");
    }
}
