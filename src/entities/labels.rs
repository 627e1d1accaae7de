//! Capitalised runs that are no one's name because every word of them is a word no name is
//! made of: a function word ("Last"), a date word ("Tue", "Jul", "Payable"), a number word
//! ("One"), a table's row label ("Record", "Pay") or a headline's auxiliary ("Is"). A
//! dividend notice's "Pay April One / Record March Two" lines, a dateline's "Tue Jul" and a
//! title-case headline's "Is A" are capitalised by the layout, not by a name. Such a run is
//! kept as an organisation's name, not a person's (as [`super::furniture`] does): the story's
//! topics still hold its words, only the names of people lose it. So is a run of a title-case
//! headline holding a capitalised function word or auxiliary after its first word ("Worker
//! Is", "Orvik Quellby To Host"): a name holds none.

use super::in_set;
use crate::lexicon::sets::{AUXILIARIES, NOT_NAME_SET};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Date words of any length: months and weekdays with their abbreviations, the words
    /// around a date ("Last", "Payable", "Effective") and a clock's zone ("EDT").
    DATE_WORDS = files [
        "months.txt",
        "weekdays.txt",
        "month-prefixes.txt",
        "date-function-words.tsv",
        "clock-words.txt",
    ]
);
crate::word_set!(
    /// Number words ("One", "Third").
    NUMBER_WORDS = files ["cardinals.txt", "ordinals.txt"]
);
crate::word_set!(
    /// Row labels of a wire table ("Record", "Pay").
    TABLE_LABELS = file "table-labels.txt"
);
crate::word_set!(
    /// Prepositions, capitalised by a title-case headline ("To", "Until").
    PREPOSITIONS = file "date-prefixes.txt"
);

/// True for a word no name is made of (see the module docs).
fn nameless_word(t: &Tok) -> bool {
    in_set(t, &NOT_NAME_SET)
        || [&DATE_WORDS, &NUMBER_WORDS, &TABLE_LABELS, &AUXILIARIES]
            .iter()
            .any(|s| s.contains(t.text))
}

/// True when every word of the run `toks[a..b]` is a word no name is made of ("Record April
/// Three", "Tue Jul", "Is A"); false for a run without words.
pub(super) fn nameless(toks: &[Tok], a: usize, b: usize) -> bool {
    let run = toks.get(a..b).unwrap_or(&[]);
    let mut words = run.iter().filter(|t| t.kind == TokKind::Word).peekable();
    words.peek().is_some() && words.all(nameless_word)
}

/// True when a word of the run `toks[a..b]` after its first, capitalised and longer than one
/// letter (an initial is a name's), is a function word, an auxiliary or a preposition: a
/// title-case headline's words ("Worker Is", "Orvik Quellby To Host"), not a name.
pub(super) fn headline(toks: &[Tok], a: usize, b: usize) -> bool {
    let run = toks.get(a..b).unwrap_or(&[]);
    run.iter().skip(1).any(|t| {
        t.kind == TokKind::Word
            && t.is_capitalized()
            && t.text.chars().count() > 1
            && (in_set(t, &NOT_NAME_SET)
                || AUXILIARIES.contains(t.text)
                || PREPOSITIONS.contains(t.text))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;

    #[test]
    fn a_dividend_notice_s_labels_and_dates_are_no_one() {
        let p = people(
            "Velmary Orchards Inc said its board voted a quarterly dividend.\n\nQtly div 12 cts \
             vs 12 cts\n\nPay July One\n\nRecord June 14\n\nDana Quellby, its treasurer, said so.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn abbreviated_weekdays_and_months_are_no_one() {
        let p = people("Wires moved at 0900 EDT Tue Jul 14. Remy Vantorre of Larkmoor said so.");
        assert_eq!(p, ["Remy Vantorre"]);
        let p = people("Last November Ines Pollard left. Last November was cold.");
        assert!(!p.iter().any(|n| n == "Last November"), "{p:?}");
    }

    #[test]
    fn a_name_holding_one_such_word_stays_a_name() {
        let p = people("Mara Record and Tom Payable met Ines May in Thimphu.");
        assert_eq!(p, ["Mara Record", "Tom Payable", "Ines May"]);
    }

    #[test]
    fn a_title_case_headline_s_words_are_no_one() {
        let p = people("Orvik Quellby To Host Larkmoor Fair\n\nOrvik Quellby will host the fair.");
        assert_eq!(p, ["Orvik Quellby"]);
        let p = people("Fired Worker Is Held\n\nThe worker was held.");
        assert!(p.is_empty(), "{p:?}");
        // a middle initial is no function word
        let p = people("Dana A. Quellby and Remy I. Vantorre said so.");
        assert_eq!(p, ["Dana A. Quellby", "Remy I. Vantorre"]);
    }
}
