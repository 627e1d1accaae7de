//! "Velmar Aero builds the Corvane 410 … 410 production will rise": a number written right
//! after a name inside a sentence of the article ("Corvane 410", a model, a product) names that
//! model wherever it stands at the head of a count in the same article ("410 production", "two
//! 410 jets"): no count to source.

use crate::analysis::Analysis;
use crate::figures::{is_people, Claim, Measure};
use crate::lexicon::sets::QUANTITY_FOLLOWERS;
use crate::text::{tokenize, Tok, TokKind};
use std::collections::HashSet;

/// The article's model numbers, read once on the first claim that may be one.
#[derive(Default)]
pub(super) struct ModelNumbers {
    numbers: Option<HashSet<String>>,
}

impl ModelNumbers {
    /// True when claim `c` is a count headed by one of the article's model numbers.
    pub(super) fn names(&mut self, a: &Analysis, c: &Claim) -> bool {
        if c.measure != Measure::Count || c.qualifier.is_some() {
            return false;
        }
        let Some(lead) = c.span.slice(&a.text).split_whitespace().next() else {
            return false;
        };
        if !model_like(lead) {
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

/// The numbers written right after a capitalised word inside a sentence (not its first word,
/// not a headline in title case, not people: "Democrats 235"), with no quantity after them.
fn collect(a: &Analysis) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in &a.article.sentences {
        let toks = tokenize(&a.text, s.span);
        if title_case(&toks) {
            continue;
        }
        for (i, t) in toks.iter().enumerate().skip(2) {
            if t.kind != TokKind::Num || !model_like(t.text) {
                continue;
            }
            let (Some(p), Some(pp)) = (toks.get(i - 1), toks.get(i - 2)) else {
                continue;
            };
            let opens = pp.kind == TokKind::Punct && !pp.is_punct(',');
            let after_name = name_word(p) && !opens && !quantity_after(toks.get(i + 1));
            if after_name || variant(&toks, i) {
                out.insert(t.text.to_string());
            }
        }
    }
    out
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

/// A capitalised word of a name: not all capitals, no genitive or plural ("Democrats 235"
/// is a tally), no people.
fn name_word(p: &Tok) -> bool {
    p.kind == TokKind::Word
        && p.is_capitalized()
        && !p.text.chars().all(char::is_uppercase)
        && !p.text.ends_with('s')
        && !p.text.ends_with('\u{2019}')
        && !is_people(&p.text.to_lowercase())
}

/// A percent sign, a scale or a word of quantity after the number.
fn quantity_after(n: Option<&Tok>) -> bool {
    n.is_some_and(|n| {
        n.is_punct('%')
            || n.kind == TokKind::Num
            || (n.kind == TokKind::Word && QUANTITY_FOLLOWERS.contains(&n.text.to_lowercase()))
    })
}

/// A headline in title case: most of its words (four or more) capitalised.
fn title_case(toks: &[Tok]) -> bool {
    let words: Vec<&Tok> = toks.iter().filter(|t| t.kind == TokKind::Word).collect();
    let caps = words.iter().filter(|t| t.is_capitalized()).count();
    words.len() >= 4 && caps * 2 > words.len()
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    fn flagged(text: &str) -> Vec<String> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::super::INFO.id)
            .map(|f| f.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn a_number_after_a_name_is_the_models_elsewhere() {
        let t = " date 2022-05-10 Velmar Aero flew the 610-2 in May. Two 610 planes were \
                 grounded. It has 300 employees and sold 200-250 units, 250 units in May.";
        let f = flagged(t);
        assert!(!f.iter().any(|s| s.starts_with("610")), "{f:?}");
        assert!(f.iter().any(|s| s.starts_with("250 units")), "{f:?}");
        let t = " date 2022-05-10 Velmar Aero delivered its first Corvane 410 in May. \
                 The company will raise 410 production next year, and two 410 jets were \
                 grounded. It has 300 employees.";
        let f = flagged(t);
        assert!(!f.iter().any(|s| s.starts_with("410")), "{f:?}");
        assert!(f.iter().any(|s| s.starts_with("300")), "{f:?}");
    }

    #[test]
    fn no_model_from_people_a_headline_or_a_quantity() {
        let t = " date 2022-05-10 Velmar Cuts 300 Jobs At Its Plants\n\nIn the vote, \
                 Democrats 235 and Tessaly Power 120 percent. Velmar Corp cut 300 jobs and \
                 hired 235 workers.";
        let f = flagged(t);
        assert!(f.iter().any(|s| s.starts_with("300 jobs")), "{f:?}");
        assert!(f.iter().any(|s| s.starts_with("235")), "{f:?}");
    }
}
