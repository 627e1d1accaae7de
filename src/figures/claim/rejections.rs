//! Step 5: is the figure, with its value, noun and measure, check-worthy? Spelled numbers
//! that count nothing or little, narrative time and bare numbers are turned away; a bare
//! number after a toll is an item of its list ("44 deaths in the state; 30 in one county").

use super::noun::Noun;
use super::value::Value;
use super::{context_measure, in_set, Cx, Prev, Rejection};
use crate::figures::number::Number;
use crate::figures::{is_people, is_people_lowercased, measure_word, Measure};
use crate::lexicon::sets::{COMPARISON_WORDS, POSSESSIVES};
use crate::text::TokKind;

crate::word_set!(
    /// Words after a bare vague quantity that make it a subject ("Thousands were trapped").
    VAGUE_SUBJECT_FOLLOWERS = file "vague-subject-followers.txt"
);
crate::word_set!(
    /// Words of a condition that is no casualty ("in critical condition", "unhurt").
    pub(super) CONDITION_WORDS = file "condition-words.txt"
);
crate::word_set!(
    /// Nouns too empty for a small spelled count ("two ways").
    EMPTY_NOUNS = file "empty-nouns.txt"
);
crate::word_set!(
    /// Words after a compound length that name a statistic over that window ("moving").
    WINDOW_MEASURE_WORDS = file "window-measure-words.txt"
);
crate::word_set!(
    /// Words after a compound length that name a security of that tenor ("Treasury", "yields").
    INSTRUMENT_TENOR_WORDS = file "instrument-tenor-words.txt"
);
crate::word_set!(
    /// Lowercase words between a compound length and its security ("credit default swaps").
    TENOR_MODIFIERS = file "tenor-modifiers.txt"
);
crate::word_set!(
    /// Nouns that name a security by a compound length only before an issue word ("debt").
    TENOR_GENERAL_NOUNS = file "tenor-general-nouns.txt"
);
crate::word_set!(
    /// Words of an issue of a security ("auction", "yields").
    ISSUE_EVENT_NOUNS = file "issue-event-nouns.txt"
);
crate::word_set!(
    /// Superlatives before a compound length that make it a record's window ("biggest").
    RECORD_SUPERLATIVES = file "record-superlatives.txt"
);
crate::word_set!(
    /// Nouns after a compound length that make it an age ("its 100-year history").
    LIFESPAN_NOUNS = file "lifespan-nouns.txt"
);
crate::word_set!(
    /// Units of a possessive's length that make it a tenure ("years", "decades").
    TENURE_UNITS = file "tenure-units.txt"
);
crate::word_set!(
    /// Words after a possessive's years that make them a tenure ("his 14 years in").
    TENURE_PREPOSITIONS = file "tenure-prepositions.txt"
);
crate::word_set!(
    /// Time units that make a spelled number narrative time ("two days after").
    NARRATIVE_TIME_UNITS = file "duration-units.tsv", tag "narrative"
);

/// What a check-worthy number is.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A figure of its own.
    Figure,
    /// An item of a list after a toll, or the list's total, with the toll's measure.
    ListItem(Measure),
}

/// Everything the rejections look at.
struct Facts<'a> {
    num: &'a Number,
    v: &'a Value,
    n: &'a Noun,
    measure: Measure,
    has_unit: bool,
}

/// Says whether the figure is check-worthy, and as what.
pub(super) fn check(
    cx: &Cx,
    num: &Number,
    v: &Value,
    n: &Noun,
    measure: Measure,
    prev: &Prev,
) -> Result<Kind, Rejection> {
    let f = Facts {
        num,
        v,
        n,
        measure,
        // a decade with no noun is a range of values of some unit
        has_unit: v.money || v.percent || n.unit.is_some() || (v.decade && n.text.is_none()),
    };
    let checks: [fn(&Cx, &Facts) -> Option<Rejection>; 9] = [
        table_row,
        in_condition,
        nothing_counted,
        empty_noun,
        narrative_time,
        statistic_window,
        lifespan,
        tenure,
        small_thing_count,
    ];
    if let Some(r) = checks.iter().find_map(|c| c(cx, &f)) {
        return Err(r);
    }
    if let Some(m) = list_item(cx, &f, prev) {
        return Ok(Kind::ListItem(m));
    }
    match bare_number(cx, &f) {
        Some(r) => Err(r),
        None => Ok(Kind::Figure),
    }
}

/// "Net 4.2 mln vs 3.9 mln" on a line of its own (a sentence that does not end as prose): a
/// figure set beside another by "vs" is a cell of a results table. Its noun is a scale or a
/// unit ("mln"), never the row's label, so another story's "mln" would be held against it
/// whatever that counts: the table is data the story lays out, not a claim to compare (the
/// `figure-unattributed` rule reads such rows as tables too).
fn table_row(cx: &Cx, f: &Facts) -> Option<Rejection> {
    let vs = |i: usize| cx.word(i).is_some_and(|t| in_set(t, &COMPARISON_WORDS));
    let beside = vs(f.n.end.max(f.v.end)) || f.v.start.checked_sub(1).is_some_and(vs);
    let prose_end = cx.toks.last().is_some_and(|t| {
        t.kind == TokKind::Punct
            && t.text.starts_with([
                '.', '!', '?', ':', ';', '"', '\'', ')', '\u{201D}', '\u{2019}',
            ])
    });
    (beside && !prose_end).then_some(Rejection::TableRow)
}

/// "the two", "one of": a spelled number that counts nothing; but "Hundreds more have been
/// wounded", "Thousands were trapped", "it draws thousands" are figures.
fn nothing_counted(cx: &Cx, f: &Facts) -> Option<Rejection> {
    if f.num.digits || f.n.text.is_some() || f.n.bare_measure.is_some() || f.has_unit {
        return None;
    }
    let vague_subject = f.num.vague
        && cx
            .word(f.v.end)
            .is_none_or(|t| in_set(t, &VAGUE_SUBJECT_FOLLOWERS));
    // "three were injured", "two more wounded"; "killed two and wounded three"
    let casualty = !matches!(
        f.measure,
        Measure::Count | Measure::Other | Measure::Duration | Measure::Money | Measure::Percent
    );
    let subject = cx.word(f.v.end).is_some_and(|t| {
        in_set(t, &crate::lexicon::sets::AUXILIARIES) || (t.is("more") && f.n.start > f.v.end)
    });
    let object =
        f.v.start
            .checked_sub(1)
            .and_then(|p| cx.word(p))
            .is_some_and(|t| {
                measure_word(t).is_some() && !t.is("toll") && !t.is("deaths") && !t.is("death")
            });
    (!vague_subject && !(casualty && (subject || object))).then_some(Rejection::NothingCounted)
}

/// A bare number before a condition that is no casualty ("3 killed, 2 in critical
/// condition", "4 hospitalized and 2 unhurt") counts people in that condition: neither an item
/// of the toll before it nor a casualty figure of its own.
fn in_condition(cx: &Cx, f: &Facts) -> Option<Rejection> {
    let at = |j: usize| cx.word(j).is_some_and(|t| in_set(t, &CONDITION_WORDS));
    let end = f.v.end;
    // the condition read as a noun of one word: "2 unhurt" (not "30 critical patients")
    let lone_condition = f.n.start == end && f.n.end == end + 1 && at(end);
    if (f.n.text.is_some() && !lone_condition) || f.has_unit || f.n.bare_measure.is_some() {
        return None;
    }
    // "in critical but stable condition": the condition word within four words of "in"
    let after_in = cx.word(end).is_some_and(|t| t.is("in"))
        && (end + 1..end + 5)
            .take_while(|&j| cx.word(j).is_some())
            .any(at);
    (at(end) || after_in).then_some(Rejection::InCondition)
}

/// Small spelled counts need a counted noun that is not a pronoun-like word ("two ways",
/// "three times").
fn empty_noun(cx: &Cx, f: &Facts) -> Option<Rejection> {
    if f.num.digits || f.num.vague || f.has_unit {
        return None;
    }
    let noun = f.n.text.as_deref()?;
    (EMPTY_NOUNS.contains(noun)
        && f.n.bare_measure.is_none()
        && context_measure(cx.toks, f.v.start, f.n.end).is_none())
    .then_some(Rejection::EmptyNoun)
}

/// "two days after", "dozens of miles away": narrative time and distance, not figures.
fn narrative_time(_: &Cx, f: &Facts) -> Option<Rejection> {
    (!f.num.digits
        && f.n.unit.is_some()
        && !f.n.compound
        && f.v.qualifier.is_none()
        && (f.num.vague
            || f.n
                .text
                .as_deref()
                .is_some_and(|t| NARRATIVE_TIME_UNITS.contains(t))))
    .then_some(Rejection::NarrativeTime)
}

/// "a four-week moving average", "the 200-day rolling mean", "an 18-month high": a compound
/// length right before a word naming a statistic or an extreme over a window is part of that
/// statistic's name, no figure of its own (the average or the price itself, when given, is the
/// figure).
fn statistic_window(cx: &Cx, f: &Facts) -> Option<Rejection> {
    if !(f.n.compound && f.n.unit.is_some() && f.measure == Measure::Duration) {
        return None;
    }
    let window = cx
        .word(f.v.end)
        .is_some_and(|t| in_set(t, &WINDOW_MEASURE_WORDS));
    // "the biggest one-day drop since March": the window of a record
    let record =
        f.v.start
            .checked_sub(1)
            .and_then(|p| cx.word(p))
            .is_some_and(|t| in_set(t, &RECORD_SUPERLATIVES));
    (window || record || security_tenor(cx, f.v.end)).then_some(Rejection::StatisticWindow)
}

/// "its 100-year history", "a 25-year career", "her two-year tenure": a compound length before a noun of a life or a tenure says how old the
/// thing or the career is, an age, no figure.
fn lifespan(cx: &Cx, f: &Facts) -> Option<Rejection> {
    (f.n.compound
        && f.n.unit.is_some()
        && f.measure == Measure::Duration
        && cx.word(f.v.end).is_some_and(|t| in_set(t, &LIFESPAN_NOUNS)))
    .then_some(Rejection::Age)
}

/// "his 14 years in the Senate", "Dana Reyes's five years as chief executive", "its 50 years
/// since independence": years or decades after a possessive, then a word of a post or a
/// starting point, are the owner's tenure so far, an age, no figure ("for 14 years in the
/// Senate" with no possessive is a duration the story asserts).
fn tenure(cx: &Cx, f: &Facts) -> Option<Rejection> {
    if f.n.compound || f.n.unit.is_none() || f.measure != Measure::Duration {
        return None;
    }
    let long =
        f.n.text
            .as_deref()
            .is_some_and(|t| TENURE_UNITS.contains(t));
    let owner = f.v.start.checked_sub(1).is_some_and(|p| {
        cx.tok(p)
            .is_some_and(|t| in_set(t, &POSSESSIVES) || is_genitive_s(cx, p))
    });
    let post = cx
        .word(f.n.end.max(f.v.end))
        .is_some_and(|t| in_set(t, &TENURE_PREPOSITIONS));
    (long && owner && post).then_some(Rejection::Age)
}

/// True for the "s" of a genitive at token `p`, glued to its apostrophe ("Reyes's",
/// "Halvik’s").
fn is_genitive_s(cx: &Cx, p: usize) -> bool {
    let Some(t) = cx.tok(p) else { return false };
    if t.text.ends_with("'s") || t.text.ends_with("\u{2019}s") {
        return t.text.len() > 2;
    }
    t.is("s")
        && p.checked_sub(1).and_then(|a| cx.tok(a)).is_some_and(|a| {
            (a.is_punct('\'') || a.is_punct('\u{2019}')) && a.span.end == t.span.start
        })
}

/// True when the words from token `k` name a security whose tenor the compound length before
/// them is: "10-year Treasury notes", "two-year yields", "the 10-year U.S. Treasury" (an
/// initialism's letters and points skipped), "two-year German notes", "five-year Italian
/// debt yields" (up to two capitalised words before the security skipped), "an auction of
/// five-year debt," ("debt" only before an issue word or a punctuation mark).
fn security_tenor(cx: &Cx, k: usize) -> bool {
    let mut j = k;
    let (mut names, mut modifiers) = (0, 0);
    while j < k + 8 {
        let Some(t) = cx.tok(j) else { return false };
        let letter = t.kind == TokKind::Word && t.text.len() == 1 && t.is_capitalized();
        let name = t.kind == TokKind::Word && t.is_capitalized() && names < 2;
        if letter || t.is_punct('.') {
            j += 1;
            continue;
        }
        if in_set(t, &INSTRUMENT_TENOR_WORDS) {
            return t.kind == TokKind::Word;
        }
        // "five-year credit default swaps", "10-year government bond yields"
        if t.kind == TokKind::Word && modifiers < MAX_TENOR_MODIFIERS && in_set(t, &TENOR_MODIFIERS)
        {
            modifiers += 1;
            j += 1;
            continue;
        }
        if !name {
            return t.kind == TokKind::Word && general_tenor(cx, j);
        }
        names += 1;
        j += 1;
    }
    false
}

/// Lowercase modifiers between a compound length and its security at most ("credit default").
const MAX_TENOR_MODIFIERS: usize = 3;

/// "debt" at token `j` naming a security: before an issue word ("debt auction") or a
/// punctuation mark ("five-year debt,").
fn general_tenor(cx: &Cx, j: usize) -> bool {
    cx.tok(j).is_some_and(|t| in_set(t, &TENOR_GENERAL_NOUNS))
        && cx
            .tok(j + 1)
            .is_none_or(|n| n.kind == TokKind::Punct || in_set(n, &ISSUE_EVENT_NOUNS))
}

/// Small spelled counts of things ("two countries", "three teams") are not check-worthy;
/// counts of people are ("two journalists"), and so are things that caused casualties ("two
/// earthquakes killed…").
fn small_thing_count(cx: &Cx, f: &Facts) -> Option<Rejection> {
    (!f.num.digits
        && !f.num.vague
        && f.v.interval.max <= 10.0
        && f.measure == Measure::Count
        && !f.n.text.as_deref().is_some_and(is_people)
        && context_measure(cx.toks, f.v.start, f.n.end.max(f.v.end)).is_none())
    .then_some(Rejection::SmallThingCount)
}

/// A bare number after a toll of the sentence is an item of its list ("44 deaths in the
/// state; 30 in one county, 3 in another") or its total ("putting the total at 20,451"):
/// the toll's measure.
fn list_item(cx: &Cx, f: &Facts, prev: &Prev) -> Option<Measure> {
    let m = prev
        .measure
        .filter(|m| !matches!(m, Measure::Count | Measure::Other | Measure::Duration))?;
    if f.n.text.is_some() || f.has_unit || f.n.bare_measure.is_some() {
        return None;
    }
    let start = f.v.start;
    // not "killing 1,460 people and wounding more than 6,000 in the country"
    let item = start
        .checked_sub(1)
        .and_then(|p| cx.word(p))
        .is_none_or(|t| measure_word(t).is_none())
        && cx.word(f.v.end).is_some_and(|t| t.is("in") || t.is("each"));
    let total = (1..=2).any(|d| {
        start
            .checked_sub(d)
            .and_then(|p| cx.word(p))
            .is_some_and(|t| t.is("total"))
    });
    (item || total).then_some(m)
}

/// A bare number is a figure only in a casualty or toll context ("the death toll rose to
/// 16") or as a large number written with separators ("a total of approximately 348,700").
fn bare_number(cx: &Cx, f: &Facts) -> Option<Rejection> {
    if !f.num.digits || f.n.text.is_some() || f.has_unit || f.n.bare_measure.is_some() {
        return None;
    }
    let first_len = cx.tok(f.num.start).map_or(0, |t| t.text.len());
    let grouped = f.num.min >= 1000.0 && first_len <= 3 && f.num.end > f.num.start + 1;
    (context_measure(cx.toks, f.v.start, f.v.end).is_none() && !grouped && !bracketed_count(cx, f))
        .then_some(Rejection::BareNumber)
}

/// A count in brackets after the people it counts: "women (102)", "people between 20 and 30
/// years old (105)" (up to eight words back, within the clause).
fn bracketed_count(cx: &Cx, f: &Facts) -> bool {
    let open = f.num.start.checked_sub(1).and_then(|i| cx.tok(i));
    let close = cx.tok(f.num.end);
    if !(open.is_some_and(|t| t.is_punct('(')) && close.is_some_and(|t| t.is_punct(')'))) {
        return false;
    }
    let before = f.num.start.saturating_sub(9)..f.num.start.saturating_sub(1);
    cx.toks
        .get(before)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.kind != TokKind::Punct || t.is_punct('-'))
        .any(|t| t.kind == TokKind::Word && is_people_lowercased(t.text))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{measure_of, why_not};
    use super::Rejection as R;
    use crate::figures::Measure;

    #[test]
    fn spelled_numbers_that_count_nothing() {
        assert_eq!(
            why_not("He greeted the two and left.", "two"),
            Some(R::NothingCounted)
        );
        assert_eq!(
            why_not("Thousands were stranded at the station.", "Thousands"),
            None
        );
        assert_eq!(
            measure_of("One man died and three are injured.", "three"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("The gunman killed two and wounded three.", "three"),
            Measure::Injured
        );
        assert_eq!(
            measure_of("Two people died and two more were wounded.", "two"),
            Measure::Injured
        );
    }

    #[test]
    fn empty_nouns_and_narrative_time() {
        assert_eq!(
            why_not("She tried three times to call.", "three"),
            Some(R::EmptyNoun)
        );
        assert_eq!(
            why_not("The rain stopped two days after the fire.", "two"),
            Some(R::NarrativeTime)
        );
        assert_eq!(why_not("The dam was built over 30 days.", "30"), None);
    }

    #[test]
    fn the_age_of_a_thing_or_a_tenure_is_no_figure() {
        for (s, n) in [
            (
                "The loss was the worst in Velmar Corp's 90-year history.",
                "90",
            ),
            ("Ondrej Halvik ended a 20-year career at the agency.", "20"),
            ("She ended a 7-year tenure at Newswire.", "7"),
            (
                "Halvik moved left in his 14 years in the Tessaly senate.",
                "14",
            ),
            (
                "In Dana Reyes's five years as chief executive, sales doubled.",
                "five",
            ),
            (
                "In Dana Reyes\u{2019}s five years as chief executive, sales doubled.",
                "five",
            ),
            (
                "The republic changed little in its 50 years since independence.",
                "50",
            ),
        ] {
            assert_eq!(why_not(s, n), Some(R::Age), "{s}");
        }
        // a length the story asserts: no possessive, or no word of a post after it
        for (s, n) in [
            ("He served 14 years in the Tessaly senate.", "14"),
            ("The strike cost Velmar Corp its 14 years of profit.", "14"),
            ("Halvik spent his 14 years, he said, on the farm.", "14"),
            ("A 20-year plan was drawn up.", "20"),
        ] {
            assert_eq!(why_not(s, n), None, "{s}");
        }
    }

    #[test]
    fn a_length_naming_a_statistics_window_is_no_figure() {
        let t = "Velmar Corp's four-week moving average of orders rose to 310 a day.";
        assert_eq!(why_not(t, "four-week"), Some(R::StatisticWindow));
        let t = "Tessaly shares fell below their 50-day rolling mean.";
        assert_eq!(why_not(t, "50"), Some(R::StatisticWindow));
        // the window of an extreme: "an 18-month high", "three-week lows"
        let t = "Tessaly shares touched an 18-month high of 41 crowns on Friday.";
        assert_eq!(why_not(t, "18"), Some(R::StatisticWindow));
        assert_eq!(why_not(t, "41"), None);
        let t = "Velmar Corp bonds slid to three-week lows.";
        assert_eq!(why_not(t, "three-week"), Some(R::StatisticWindow));
        // the tenor of a security: "the 10-year U.S. Treasury note", "two-year yields"
        let t = "The 10-year U.S. Treasury note rose 3/32.";
        assert_eq!(why_not(t, "10"), Some(R::StatisticWindow));
        let t = "Tessaly two-year yields rose 4 basis points.";
        assert_eq!(why_not(t, "two-year"), Some(R::StatisticWindow));
        let t = "Velmar Corp took a two-year loan of 85 million crowns.";
        assert_eq!(why_not(t, "two-year"), None);
        // a length of its own stays a figure
        assert_eq!(
            why_not("The four-week strike cost Velmar Corp dearly.", "four-week"),
            None
        );
    }

    #[test]
    fn a_length_naming_a_record_streak_average_or_tenor_is_no_figure() {
        for (t, n) in [
            (
                "Tessaly stocks posted their biggest one-day drop since March.",
                "one-day",
            ),
            (
                "The index ended a nine-week winning streak on Friday.",
                "nine-week",
            ),
            ("Velmar Corp shares rose from a 12-year closing low.", "12"),
            (
                "The four-week average of new claims rose to 310,000.",
                "four-week",
            ),
            (
                "Tessaly sold three-month paper at 2.1 percent.",
                "three-month",
            ),
            (
                "The bank lent via seven-day repurchase agreements.",
                "seven-day",
            ),
            (
                "Tessaly paid 6.1 percent on two-year Ondrejan notes.",
                "two-year",
            ),
            (
                "Yields rose at an auction of five-year debt, dealers said.",
                "five-year",
            ),
            ("A two-year debt auction drew strong demand.", "two-year"),
            // lowercase modifiers between the length and its security or rate
            (
                "Velmar Corp's five-year credit default swaps widened.",
                "five-year",
            ),
            (
                "Yields on 10-year government bonds rose to 4 percent.",
                "10",
            ),
            (
                "The one-year deposit rate was cut to 3 percent.",
                "one-year",
            ),
            (
                "The survey's one-year inflation expectations rose to 3 percent.",
                "one-year",
            ),
        ] {
            assert_eq!(why_not(t, n), Some(R::StatisticWindow), "{t}");
        }
        for (t, n) in [
            ("Tessaly weathered a two-year debt crisis.", "two-year"),
            (
                "The two-day meeting of Velmar Corp's board ended early.",
                "two-day",
            ),
            (
                "Velmar Corp signed a five-year Tessaly contract.",
                "five-year",
            ),
        ] {
            assert_eq!(why_not(t, n), None, "{t}");
        }
    }

    #[test]
    fn small_spelled_counts_of_things() {
        assert_eq!(
            why_not("Delegates from three countries met.", "three"),
            Some(R::SmallThingCount)
        );
        assert_eq!(why_not("Three nurses were honoured.", "Three"), None);
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(
            why_not("He scored 12 in the second half.", "12"),
            Some(R::BareNumber)
        );
        assert_eq!(
            why_not("The fund reached a total of 348,700 this week.", "348"),
            None
        );
        // a count in brackets after the people it counts
        assert_eq!(why_not("Most were nurses (41) and cooks (12).", "41"), None);
        assert_eq!(
            why_not("Many were people between 18 and 25 years old (64).", "64"),
            None
        );
        assert_eq!(
            why_not("See the chart (3) for the details.", "3"),
            Some(R::BareNumber)
        );
    }

    #[test]
    fn people_in_a_condition_are_no_item_of_the_toll() {
        let claims_of = |s: &str| {
            let t = format!(" date 2022-05-10 {s}");
            crate::analysis::Analysis::new(&t)
                .claims
                .iter()
                .map(|c| (c.span.slice(&t).to_string(), c.measure))
                .collect::<Vec<_>>()
        };
        let c = claims_of("Officials in Paraguay said 4 died, 3 in serious condition.");
        assert_eq!(c, vec![("4 died".to_string(), Measure::Killed)]);
        let c = claims_of("Six were killed and 2 in critical but stable condition.");
        assert!(!c.iter().any(|x| x.0 == "2"), "{c:?}");
        let c = claims_of("7 dead, 5 hospitalized, 3 unharmed after the crash.");
        assert!(
            c.contains(&("5 hospitalized".to_string(), Measure::Injured)),
            "{c:?}"
        );
        assert!(!c.iter().any(|x| x.0.starts_with('3')), "{c:?}");
        assert_eq!(
            why_not("Nine were killed, 2 in critical.", "2"),
            Some(R::InCondition)
        );
        // a condition word that modifies a counted noun is no condition of the number
        assert_eq!(why_not("The ward took 30 critical patients.", "30"), None);
        // a place after "in" keeps the item of the list
        let c = claims_of("There were 12 deaths in the north, 8 in the south.");
        assert!(c.contains(&("8".to_string(), Measure::Killed)), "{c:?}");
    }

    #[test]
    fn list_items_after_a_toll() {
        let t = " date 2022-05-10 There were 44 deaths in the state, 30 in one county.";
        let claims = crate::analysis::Analysis::new(t).claims;
        let item = claims.iter().find(|c| c.span.slice(t) == "30");
        assert_eq!(
            item.map(|c| c.measure),
            Some(Measure::Killed),
            "{claims:#?}"
        );
        assert_eq!(
            measure_of("The river rose 3 metres overnight.", "3"),
            Measure::Other
        );
    }
}
