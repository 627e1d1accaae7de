//! Whose figure it is. Two stories of one kind on one day share every word: several teams'
//! offers to one player ("the Pumas offered five years", "the Otters (five years, $40 million)")
//! or several firms' results. A figure of a sum, a length of time or a share belongs to the
//! actor its clause names as subject ("the Pumas"), to the name it stands in brackets after
//! ("the Otters (five years"), or to the name whose possessive it follows ("the Pumas' five-year
//! offer"); two figures held by two different actors are two figures, however alike. And a head
//! count tied to one person's family or life ("leaves behind a wife and two children",
//! "charged with marrying 12 women") is no figure of the news: it matches only another such
//! count, never the people at a scene.

use crate::analysis::Analysis;
use crate::lexicon::sets::{
    ARTICLES, BELIEF_VERBS, MONTHS, NOT_NAME_SET, SPEECH_VERB_SET, STOP_BACK_SET, WEEKDAYS,
};
use crate::text::{tokenize, Span, Tok, TokKind};

crate::word_set!(
    /// Words that open a new clause, so that a name before them is no subject after them
    /// (with [`STOP_BACK_SET`]: "that", "while", "for").
    BREAKS = file "holder-breaks.txt"
);
crate::word_set!(
    /// Words that tie a head count right after them to one person's family or life.
    FAMILY_TIES = file "family-ties.txt"
);

/// A head count tied to a family word this many words before it is a family's.
const FAMILY_WINDOW: usize = 4;

/// At most this many words of a holder's name are kept (a headline in title case is one run).
const MAX_NAME_WORDS: usize = 6;

/// Each figure's holder, as (the figure's start byte, the holder's name in lowercase), sorted
/// by start; figures with no holder the sentence tells are left out.
pub fn holders(a: &Analysis) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = a
        .claims
        .iter()
        .filter_map(|c| {
            let toks = before(a, c.sentence, c.span.start);
            let named = |start: usize| {
                a.entities
                    .iter()
                    .any(|e| e.span.start == start && e.kind != crate::entities::EntityKind::Place)
            };
            holder_before(&toks, &named)
                .or_else(|| super::antecedent::pronoun_holder(a, c.sentence, &toks, &named))
                .map(|h| (c.span.start, h))
        })
        .collect();
    out.sort();
    out.dedup_by_key(|x| x.0);
    super::antecedent::chain(a, &mut out);
    out
}

/// The start bytes of the figures that count one person's family (see [`family_before`]),
/// sorted.
pub fn family_figures(a: &Analysis) -> Vec<usize> {
    let mut out: Vec<usize> = a
        .claims
        .iter()
        .filter(|c| family_before(&before(a, c.sentence, c.span.start)))
        .map(|c| c.span.start)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The tokens of sentence `sentence` before byte `start`.
fn before(a: &Analysis, sentence: usize, start: usize) -> Vec<Tok<'_>> {
    let Some(s) = a.article.sentences.get(sentence) else {
        return Vec::new();
    };
    if start <= s.span.start || start > s.span.end {
        return Vec::new();
    }
    tokenize(&a.text, Span::new(s.span.start, start))
}

/// True for a word that can be part of a name: capitalised, and not a function word, month
/// or weekday.
fn name_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.text.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAME_SET.contains(t.text)
        && !MONTHS.contains(t.text)
        && !WEEKDAYS.contains(t.text)
}

/// The name of the capitalised run ending just before token `end` (lowercase), if any.
fn run_back(toks: &[Tok], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 && end - start < MAX_NAME_WORDS && toks.get(start - 1).is_some_and(name_word) {
        start -= 1;
    }
    (start < end).then(|| join(&toks[start..end]))
}

/// The words of `toks`, lowercase, joined by spaces.
fn join(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| t.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True for an apostrophe, straight or curly.
fn apostrophe(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "'" | "\u{2019}")
}

/// The holder of a figure whose sentence runs `toks` before it: the name it stands in
/// brackets after ("the Otters (five years"), the name whose possessive it follows ("the
/// Pumas' five-year offer"), else the name that opens its clause as subject ("the Pumas have
/// offered five years"; a clause opens after a comma, a colon, a quote, a word such as "that"
/// or "while", or a speech verb). A capitalised word opening the sentence is a name only when
/// `named` says a name of a person or an organisation starts at its byte ("Having", "Should").
pub fn holder_before(toks: &[Tok], named: &dyn Fn(usize) -> bool) -> Option<String> {
    let n = toks.len();
    let last = toks.last()?;
    if last.kind == TokKind::Punct && last.text == "(" {
        return run_back(toks, n - 1);
    }
    // "the Pumas' offer", "the Pumas's", "Paraguay's"
    let s_after = last.kind == TokKind::Word && last.text.eq_ignore_ascii_case("s");
    let mark = if s_after {
        n.checked_sub(2)
    } else {
        n.checked_sub(1)
    };
    if let Some(m) = mark.filter(|&m| toks.get(m).is_some_and(apostrophe)) {
        return run_back(toks, m);
    }
    if let Some(name) = toks
        .last()
        .filter(|t| t.kind == TokKind::Word && t.text.ends_with("'s"))
        .and_then(|_| run_back(toks, n).filter(|_| n > 0))
    {
        return Some(name.trim_end_matches("'s").to_string());
    }
    subject(toks, named)
}

/// The name that opens the last clause of `toks` and is followed by a lower-case word (its verb).
fn subject(toks: &[Tok], named: &dyn Fn(usize) -> bool) -> Option<String> {
    name_at(toks, clause_open(toks), named).map(|(name, _)| name)
}

/// True for a token that opens a new clause after it: punctuation other than a name's ("-",
/// ".", "'", "&"), a word such as "that" or "while", a speech verb or a verb of belief.
pub(super) fn clause_break(t: &Tok) -> bool {
    match t.kind {
        TokKind::Punct => !matches!(t.text, "-" | "." | "'" | "\u{2019}" | "&"),
        TokKind::Word => {
            BREAKS.contains(t.text)
                || STOP_BACK_SET.contains(t.text)
                || SPEECH_VERB_SET.contains(t.text)
                || BELIEF_VERBS.contains(t.text)
        }
        TokKind::Num => false,
    }
}

/// The index of the token that opens the last clause of `toks` (0 when none breaks it).
pub(super) fn clause_open(toks: &[Tok]) -> usize {
    toks.iter().rposition(clause_break).map_or(0, |i| i + 1)
}

/// True for a verb of belief: its subject holds a view, not a figure.
pub(super) fn belief_verb(t: &Tok) -> bool {
    BELIEF_VERBS.contains(t.text)
}

/// The name that opens a clause at token `open` (after articles) and is followed by a
/// lower-case word (its verb), lowercase, with the index of that verb.
pub(super) fn name_at(
    toks: &[Tok],
    open: usize,
    named: &dyn Fn(usize) -> bool,
) -> Option<(String, usize)> {
    let mut i = open;
    while toks
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Word && ARTICLES.contains(t.text))
    {
        i += 1;
    }
    let mut end = i;
    while end < toks.len() && end - i < MAX_NAME_WORDS && toks.get(end).is_some_and(name_word) {
        end += 1;
    }
    let verb = toks.get(end).is_some_and(|t| {
        t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_lowercase)
    });
    // a sentence's first word is capitalised anyway: a name only when the analysis found one
    let opens_sentence = i == 0 && toks.first().is_some_and(|t| !named(t.span.start));
    (end > i && verb && !opens_sentence).then(|| (join(&toks[i..end]), end))
}

/// True when `toks`, a sentence before a head count, ties the count to one person's family or
/// life within [`FAMILY_WINDOW`] words ("a wife and two children", "survived by three sons").
pub fn family_before(toks: &[Tok]) -> bool {
    toks.iter()
        .rev()
        .take_while(|t| t.kind != TokKind::Punct || t.text == ",")
        .filter(|t| t.kind == TokKind::Word)
        .take(FAMILY_WINDOW)
        .any(|t| FAMILY_TIES.contains(t.text))
}

/// True when two holders name different actors: they share no word of three letters or more.
pub fn apart(x: &str, y: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(' ')
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    let (wx, wy) = (words(x), words(y));
    !wx.is_empty() && !wy.is_empty() && !wx.iter().any(|w| wy.contains(w))
}

/// Why figure `a` of `aart` and `b` of `bart` are not one figure by whose they are: one
/// counts one person's family and the other does not ("family": two reports of one life may
/// both say "a mother of five"), or, for figures that do not count what accumulates
/// (`counts`: sums, lengths of time, shares; head counts are left to their own tests), each
/// has a holder and the two share no word ("holder").
pub fn held_apart(
    aart: &super::ArticleSummary,
    a: &super::ClaimSummary,
    bart: &super::ArticleSummary,
    b: &super::ClaimSummary,
    counts: bool,
) -> Result<(), &'static str> {
    let family = |art: &super::ArticleSummary, c: &super::ClaimSummary| {
        art.details.family.binary_search(&c.span.0).is_ok()
    };
    if family(aart, a) != family(bart, b) {
        return Err("family");
    }
    if counts {
        return Ok(());
    }
    let holder = |art: &'_ super::ArticleSummary, c: &super::ClaimSummary| {
        art.details
            .holders
            .binary_search_by_key(&c.span.0, |(s, _)| *s)
            .ok()
            .and_then(|i| art.details.holders.get(i))
            .map(|(_, h)| h.clone())
    };
    match (holder(aart, a), holder(bart, b)) {
        (Some(x), Some(y)) if apart(&x, &y) => Err("holder"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks_before(s: &str, figure: &str) -> Option<String> {
        let end = s.find(figure).unwrap_or(s.len());
        // a name opens the sentence only when it is "Lio Varga"
        let named = |start: usize| s.get(start..).is_some_and(|x| x.starts_with("Lio Varga"));
        holder_before(&tokenize(s, Span::new(0, end)), &named)
    }

    fn family(s: &str, figure: &str) -> bool {
        let end = s.find(figure).unwrap_or(s.len());
        family_before(&tokenize(s, Span::new(0, end)))
    }

    #[test]
    fn the_subject_of_the_clause_holds_the_figure() {
        let s = "The Paraguay Pumas have made a five-year offer to the goalkeeper.";
        assert_eq!(
            toks_before(s, "five-year").as_deref(),
            Some("paraguay pumas")
        );
        let s = "A columnist writes that the Otters bid five years for him.";
        assert_eq!(toks_before(s, "five years").as_deref(), Some("otters"));
    }

    #[test]
    fn brackets_and_possessives_hold_the_figure() {
        let s = "Rivals were the Uruguay Otters (five years, $40 million) and others.";
        assert_eq!(
            toks_before(s, "five years").as_deref(),
            Some("uruguay otters")
        );
        let s = "The Pumas' five-year offer was first reported on radio.";
        assert_eq!(toks_before(s, "five-year").as_deref(), Some("pumas"));
    }

    #[test]
    fn a_source_or_a_pronoun_holds_nothing() {
        // the speaker is the source, not the holder; "he" names no one
        let s = "Manager Lio Varga said he made a five-year offer.";
        assert_eq!(toks_before(s, "five-year"), None);
        let s = "The deal is believed to be for five years.";
        assert_eq!(toks_before(s, "five years"), None);
        // a belief's subject holds a view; a capitalised verb opening the sentence is no name
        let s = "A columnist, Ana Ruiz, believes it will be five years.";
        assert_eq!(toks_before(s, "five years"), None);
        let s = "Should the league pay $3 million more?";
        assert_eq!(toks_before(s, "$3 million"), None);
        let s = "Lio Varga is seeking a five-year deal.";
        assert_eq!(toks_before(s, "five-year").as_deref(), Some("lio varga"));
        let s = "Varga is seeking a five-year deal.";
        assert_eq!(toks_before(s, "five years"), None);
        // a date opening the clause is no actor
        let s = "On Tuesday officials put the cost at $3 million.";
        assert_eq!(toks_before(s, "$3 million"), None);
    }

    #[test]
    fn holders_apart_share_no_word() {
        assert!(apart("otters", "paraguay pumas"));
        assert!(!apart("pumas", "paraguay pumas"));
        assert!(!apart("pumas", ""));
    }

    #[test]
    fn a_family_count_is_no_figure_of_the_news() {
        assert!(family(
            "He is survived by a wife and three sons.",
            "three sons"
        ));
        assert!(family(
            "The elder is charged with marrying 12 women.",
            "12 women"
        ));
        assert!(!family(
            "The blast killed three children and left 9 others trapped.",
            "9 others"
        ));
        assert!(!family(
            "Gunmen shot two children at a school.",
            "two children"
        ));
    }
}
