//! "Halvik faces up to 20 years in prison", "punishable by up to $5,000 in fines", "a maximum
//! sentence of ten years": the most a law allows for an offence. A statutory maximum is settled
//! law that careful copy tells flat; it needs no source. A figure that is no penalty ("faces up
//! to $2 billion in claims") keeps its finding.

use super::boundary;
use crate::analysis::Analysis;
use crate::figures::{Claim, Measure};
use crate::text::{tokenize, Span, Tok, TokKind};

crate::word_set!(
    /// Words the offender faces a few words before "up to N" ("faces", "punishable").
    RISK_WORDS = file "legal-maximum-words.tsv", tag "risk"
);
crate::word_set!(
    /// Nouns of a sentence or a fine ("prison", "fine", "penalty").
    PENALTY_NOUNS = file "legal-maximum-words.tsv", tag "penalty"
);
crate::word_set!(
    /// "maximum" before a penalty noun.
    MOST_WORDS = file "legal-maximum-words.tsv", tag "most"
);

/// How many words before the figure a risk word may stand ("faces up to 20 years in prison and
/// a fine of up to $250,000").
const REACH: usize = 12;

/// True when claim `c` is a statutory maximum: a length or a sum of money after "up to" with a
/// risk word a few words back in its clause and a penalty noun near ("faces up to five years in
/// prison"), or after "a maximum <penalty> of".
pub(super) fn is_legal_maximum(a: &Analysis, c: &Claim) -> bool {
    if !matches!(c.measure, Measure::Duration | Measure::Money) {
        return false;
    }
    let Some(s) = a.article.sentences.get(c.sentence) else {
        return false;
    };
    let words = c.span.slice(&a.text);
    // a window of bytes, not the whole sentence: a sentence of thousands of figures must not be
    // tokenized once per figure
    let from = boundary(
        &a.text,
        c.span.start.saturating_sub(WINDOW).max(s.span.start),
    );
    let to = boundary(&a.text, (c.span.end + WINDOW / 4).min(s.span.end));
    let before: Vec<Tok> = tokenize(&a.text, Span::new(from, c.span.start))
        .into_iter()
        .rev()
        .take(REACH)
        .take_while(|t| !(t.kind == TokKind::Punct && (t.is_punct(';') || t.is_punct('.'))))
        .collect();
    let after = tokenize(&a.text, Span::new(c.span.end, to.max(c.span.end)));
    let penalty = |t: &Tok| t.kind == TokKind::Word && PENALTY_NOUNS.contains(t.text);
    let near_penalty = before.iter().any(penalty) || after.iter().take(3).any(penalty);
    let up_to = words.len() > 6 && words[..6].eq_ignore_ascii_case("up to ");
    let risk = before
        .iter()
        .any(|t| t.kind == TokKind::Word && RISK_WORDS.contains(t.text));
    (up_to && risk && near_penalty) || most_penalty_of(&before)
}

/// Bytes of text read around a figure: wider than `REACH` words of copy.
const WINDOW: usize = 160;

/// True for "maximum <penalty> of" right before the figure, nearest word first in `before`
/// ("a maximum prison sentence of").
fn most_penalty_of(before: &[Tok]) -> bool {
    let mut it = before.iter().filter(|t| t.kind == TokKind::Word);
    if !it.next().is_some_and(|t| t.is("of")) {
        return false;
    }
    let mut saw_penalty = false;
    for t in it.take(3) {
        if PENALTY_NOUNS.contains(t.text) {
            saw_penalty = true;
        } else {
            return saw_penalty && MOST_WORDS.contains(t.text);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tests::findings;

    fn figures(text: &str) -> Vec<String> {
        findings(text).iter().map(|f| f.message.clone()).collect()
    }

    #[test]
    fn a_statutory_maximum_needs_no_source() {
        for t in [
            " date 2021-03-03 Halvik faces up to 20 years in prison and a fine of up to $250,000 if convicted.\n",
            " date 2021-03-03 The Tessaly charge is punishable by up to five years in jail.\n",
            " date 2021-03-03 Halvik could face a maximum sentence of 10 years.\n",
            " date 2021-03-03 Each count carries a maximum prison term of eight years.\n",
        ] {
            assert!(figures(t).is_empty(), "{t}: {:?}", figures(t));
        }
    }

    #[test]
    fn other_figures_near_such_words_still_need_one() {
        for t in [
            " date 2021-03-03 Velmar faces up to $2 billion in claims from its lenders.\n",
            " date 2021-03-03 Halvik was sentenced to 12 years in prison.\n",
            " date 2021-03-03 The plant will run at a maximum output of 40 percent.\n",
        ] {
            assert_eq!(figures(t).len(), 1, "{t}: {:?}", figures(t));
        }
    }
}
