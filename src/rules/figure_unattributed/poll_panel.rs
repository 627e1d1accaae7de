//! "10 analysts polled by Velmar News", "800 towns surveyed by the league", "a reading of 69.0
//! among economists polled by Velmar News": a figure right before a survey's participle and "by"
//! is the size of the survey's panel or the panel's own reading; the agent after "by" is its
//! source.

use super::boundary;
use crate::analysis::Analysis;
use crate::figures::Claim;
use crate::text::{tokenize, Span, TokKind};

crate::word_set!(
    /// "polled", "surveyed": participles that name who ran a survey before "by".
    SURVEY_PARTICIPLES = file "survey-participles.txt"
);

/// Bytes read after a figure: room for "among <noun> polled by".
const WINDOW: usize = 64;

/// True when claim `c` is followed by "<participle> by" or "among <noun> <participle> by".
pub(super) fn is_poll_panel(a: &Analysis, c: &Claim) -> bool {
    let Some(s) = a.article.sentences.get(c.sentence) else {
        return false;
    };
    let to = boundary(&a.text, (c.span.end + WINDOW).min(s.span.end));
    let toks = tokenize(&a.text, Span::new(c.span.end, to.max(c.span.end)));
    let words: Vec<&str> = toks
        .iter()
        .take_while(|t| t.kind == TokKind::Word)
        .take(4)
        .map(|t| t.text)
        .collect();
    let skip = if words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("among"))
    {
        2
    } else {
        0
    };
    words
        .get(skip)
        .is_some_and(|w| SURVEY_PARTICIPLES.contains(w.to_ascii_lowercase().as_str()))
        && words.get(skip + 1).is_some_and(|w| *w == "by")
}

#[cfg(test)]
mod tests {
    use super::super::tests::findings;

    #[test]
    fn the_panel_of_a_survey_is_sourced_by_its_agent() {
        for t in [
            " date 2021-03-03 The forecast of 12 analysts polled by Velmar News was 4.1 percent.\n",
            " date 2021-03-03 Output matched the 68.5 among economists surveyed by Velmar News.\n",
        ] {
            let f = findings(t);
            assert!(
                f.iter()
                    .all(|f| !f.message.contains("12 analysts") && !f.message.contains("68.5")),
                "{t}: {f:?}"
            );
        }
    }

    #[test]
    fn a_count_without_its_agent_still_needs_a_source() {
        let f = findings(" date 2021-03-03 The 300 workers hired by Velmar went on strike.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        let f =
            findings(" date 2021-03-03 About 300 workers polled last week backed the strike.\n");
        assert_eq!(f.len(), 1, "{f:?}");
    }
}
