//! "It takes 60 votes to end a debate", "the bill needs 60 votes to pass": a bar a procedure
//! sets, settled procedure that careful copy tells flat. It needs no source. A count of votes
//! won ("Halvik won 60 votes") or a sum needed ("Velmar needs $5 billion") keeps its finding.

use super::boundary;
use crate::analysis::Analysis;
use crate::figures::{Claim, Measure};
use crate::text::{tokenize, Span, TokKind};

crate::word_set!(
    /// Verbs of needing before a count of votes ("needs", "takes").
    REQUIRE_VERBS = file "rule-threshold-words.tsv", tag "require"
);
crate::word_set!(
    /// The nouns of a count of votes ("votes").
    BALLOT_NOUNS = file "rule-threshold-words.tsv", tag "ballot"
);

/// Bytes of text read before a figure.
const WINDOW: usize = 40;

/// True when claim `c` is a rule's threshold: a count of votes one or two words after a verb of
/// needing ("needs 60 votes", "It takes 60 votes").
pub(super) fn is_rule_threshold(a: &Analysis, c: &Claim) -> bool {
    let ballot =
        c.measure == Measure::Count && c.noun.as_deref().is_some_and(|n| BALLOT_NOUNS.contains(n));
    let Some(s) = a.article.sentences.get(c.sentence).filter(|_| ballot) else {
        return false;
    };
    let from = boundary(
        &a.text,
        c.span.start.saturating_sub(WINDOW).max(s.span.start),
    );
    let before = tokenize(&a.text, Span::new(from, c.span.start));
    before
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.kind == TokKind::Word)
        .any(|t| REQUIRE_VERBS.contains(t.text))
}

#[cfg(test)]
mod tests {
    use super::super::tests::findings;

    fn figures(text: &str) -> Vec<String> {
        findings(text).iter().map(|f| f.message.clone()).collect()
    }

    #[test]
    fn a_rule_threshold_needs_no_source() {
        for t in [
            " date 2021-03-03 In the Tessaly senate it takes 60 votes to end a debate.\n",
            " date 2021-03-03 The Tessaly bill needs 60 votes to pass the upper house.\n",
        ] {
            assert!(figures(t).is_empty(), "{t}: {:?}", figures(t));
        }
    }

    #[test]
    fn votes_won_or_sums_needed_still_need_one() {
        for t in [
            " date 2021-03-03 Halvik won 60 votes in the Tessaly senate.\n",
            " date 2021-03-03 Velmar Corp needs $5 billion to stay afloat.\n",
            " date 2021-03-03 Velmar Corp shares fell 10 percent in heavy trading.\n",
        ] {
            assert_eq!(figures(t).len(), 1, "{t}: {:?}", figures(t));
        }
    }
}
