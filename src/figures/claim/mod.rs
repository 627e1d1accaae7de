//! A number of a sentence made into a [`Claim`] in named steps: [`candidate`] (may the number
//! be a figure at all?), [`value`] (its interval, qualifier, percent or currency), [`noun`]
//! (the thing counted or the unit), [`measure`] (what happened to it) and [`rejections`] (is
//! the whole check-worthy?). Each step says why a number is not a figure with a
//! [`Rejection`].

mod ages;
mod candidate;
mod measure;
mod noun;
mod rejections;
mod value;

use measure::context_measure;

use super::number::Number;
use super::{Claim, Measure};
use crate::text::{Span, Tok, TokKind};
use crate::time::Temporal;

/// Why a number of the text is not a check-worthy figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// Part of a date or time expression.
    InDate,
    /// Glued to letters or a hyphen before it: "COVID-19", "G20".
    GluedToWord,
    /// A reference mark before it: "#3", "1/2".
    Reference,
    /// Letters glued after it: "1st", "A320neo".
    Ordinal,
    /// A clock time or a fraction: "12:00", "3/4".
    ClockOrFraction,
    /// An age: "28-year-old", "aged 34".
    Age,
    /// A model or phone number: "737-800", "555-1234".
    ModelNumber,
    /// An address, frequency or name: "41822 Quill Ave", "4 HURRICANE VELMA".
    Address,
    /// A code: five digits or more without separators, or a leading zero.
    Code,
    /// Digits grouped wrongly: "20,00".
    MalformedGroup,
    /// A conversion in brackets after a figure: "12 feet (3.6 meters)".
    Conversion,
    /// A year: "in 2019", "the 1990s".
    Year,
    /// A list marker at the start of a sentence: "1.", "2)".
    ListMarker,
    /// The number of a name: "Corvane 410", "Article 50".
    NameNumber,
    /// The number of an item or of page furniture: "page 3", "route 66".
    NumberedItem,
    /// The number of a telephone service: "a 911 call", "called 911".
    ServiceNumber,
    /// A spelled number before a name: "two South Caucasus countries".
    BeforeName,
    /// "one" on its own: "one of them", "one day".
    LoneOne,
    /// A spelled compound with no unit: "two-thirds" is read elsewhere, "five-fold" is none.
    SpelledCompound,
    /// A spelled number counting nothing: "the two", "one of".
    NothingCounted,
    /// A small spelled count of an empty noun: "two ways", "three times".
    EmptyNoun,
    /// Narrative time or distance: "two days after", "dozens of miles away".
    NarrativeTime,
    /// A small spelled count of things: "two countries".
    SmallThingCount,
    /// The window of a statistic's name: "a four-week moving average".
    StatisticWindow,
    /// A bare number with no noun, unit or casualty context.
    BareNumber,
    /// A bare number of people in a condition that is no casualty: "2 in critical condition",
    /// "2 unhurt".
    InCondition,
    /// A figure of a results table's row, set beside another by "vs" on a line that does not
    /// end as prose: "Net 4.2 mln vs 3.9 mln".
    TableRow,
    /// The tokens ran out (never on well-formed input).
    Truncated,
}

/// The sentence a number is read in.
pub(super) struct Cx<'s, 't> {
    pub text: &'s str,
    pub toks: &'s [Tok<'t>],
    /// The article's dates.
    pub dates: &'s [Temporal],
    /// Indices into `dates` of the sentence's dates.
    pub sent_dates: &'s [usize],
    /// Index of the sentence.
    pub si: usize,
}

impl<'s, 't> Cx<'s, 't> {
    /// Token `i`.
    pub fn tok(&self, i: usize) -> Option<&'s Tok<'t>> {
        self.toks.get(i)
    }
    /// Token `i` when it is a word.
    pub fn word(&self, i: usize) -> Option<&'s Tok<'t>> {
        self.toks.get(i).filter(|t| t.kind == TokKind::Word)
    }
    /// The number of tokens of a dotted initialism of single capitals opening at token `i`
    /// ("U.S.", "U.N.": a letter and a period, twice or more, each glued to the next), or 0.
    pub fn initialism_at(&self, i: usize) -> usize {
        let mut k = i;
        while let (Some(l), Some(d)) = (self.word(k), self.tok(k + 1)) {
            let letter = l.text.len() == 1 && l.text.bytes().all(|b| b.is_ascii_uppercase());
            if !letter || !d.is_punct('.') || l.span.end != d.span.start {
                break;
            }
            k += 2;
            // the next letter is glued to this period, or the initialism ends here
            if self.tok(k).is_none_or(|n| n.span.start != d.span.end) {
                break;
            }
        }
        if k - i >= 4 {
            k - i
        } else {
            0
        }
    }
    /// The text of tokens `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> Result<String, Rejection> {
        let s = self.tok(a).ok_or(Rejection::Truncated)?.span.start;
        let e = self
            .tok(b.checked_sub(1).ok_or(Rejection::Truncated)?)
            .ok_or(Rejection::Truncated)?
            .span
            .end;
        Ok(self.text.get(s..e).unwrap_or("").to_string())
    }
    /// The span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Result<Span, Rejection> {
        let s = self.tok(a).ok_or(Rejection::Truncated)?.span;
        let e = self
            .tok(b.checked_sub(1).ok_or(Rejection::Truncated)?)
            .ok_or(Rejection::Truncated)?
            .span;
        Ok(s.cover(e))
    }
}

/// What the previous figure of the sentence counted.
pub(super) struct Prev<'a> {
    pub noun: &'a Option<String>,
    pub measure: Option<Measure>,
}

/// True for a word between a subject and its casualty word: a form of be or have, "been",
/// an adverb, a person noun, "pronounced" ("another man was critically wounded").
pub(super) fn links_subject_to_fate(t: &Tok) -> bool {
    crate::figures::measure_word(t).is_none()
        && (in_set(t, &crate::lexicon::sets::AUXILIARIES)
            || t.is("been")
            || t.text.ends_with("ly")
            || noun::is_fate_link(t)
            || crate::figures::is_people(t.text))
}

pub(super) use noun::is_partitive_pronoun;

/// True when the token is a word of `set`.
pub(super) fn in_set(t: &Tok, set: &crate::lexicon::WordSet) -> bool {
    t.kind == TokKind::Word && set.has(t)
}

/// Builds the claim for a number, or says why it is no check-worthy figure. Returns the
/// claim and the token index after it.
pub(super) fn claim_at(cx: &Cx, num: Number, prev: &Prev) -> Result<(Claim, usize), Rejection> {
    candidate::check(cx, &num)?;
    let mut value = value::read(cx, &num)?;
    let noun = noun::read(cx, &num, &mut value)?;
    let measure = measure::of(cx, &value, &noun);
    let kind = rejections::check(cx, &num, &value, &noun, measure, prev)?;
    let (span_end, measure, noun_text) = match kind {
        rejections::Kind::ListItem(m) => (value.end, m, prev.noun.clone()),
        rejections::Kind::Figure => {
            let end = if noun.text.is_none() && noun.bare_measure.is_some() {
                noun.measure_at + 1
            } else {
                noun.end.max(value.end)
            };
            // the counted noun carried over an ellipsis: "26 workers killed and 91 wounded"
            let text = match noun.text {
                Some(n) => Some(n),
                None if noun.bare_measure.is_some() => prev.noun.clone(),
                None => None,
            };
            (end, measure, text)
        }
    };
    let span = cx.span(value.start, span_end)?;
    let c = Claim::new(span, value.interval, value.qualifier, noun_text, measure);
    // "one of the two guards": the two is a figure of its own
    let next = if noun.partitive { value.end } else { span_end };
    Ok((
        Claim {
            vague: num.vague,
            ..c.in_sentence(cx.si)
        },
        next,
    ))
}

#[cfg(test)]
mod test_support {
    use super::*;

    /// The claim or the rejection of the first number of `text` (one sentence after a
    /// dateline) whose first token is `number`.
    pub fn judge(text: &str, number: &str) -> Result<Claim, Rejection> {
        let a = crate::analysis::Analysis::new(text);
        let toks = super::super::sentence_tokens(text, &a.article);
        for (si, s) in a.article.sentences.iter().enumerate() {
            let Some(ts) = toks.get(si) else { continue };
            let sent_dates: Vec<usize> = a
                .dates
                .iter()
                .enumerate()
                .filter(|(_, d)| d.span.start >= s.span.start && d.span.end <= s.span.end)
                .map(|(i, _)| i)
                .collect();
            for i in 0..ts.len() {
                if ts.get(i).is_some_and(|t| t.text == number) {
                    if let Some(num) = super::super::number::read(ts, i) {
                        let cx = Cx {
                            text,
                            toks: ts,
                            dates: &a.dates,
                            sent_dates: &sent_dates,
                            si,
                        };
                        let prev = Prev {
                            noun: &None,
                            measure: None,
                        };
                        return claim_at(&cx, num, &prev).map(|(c, _)| c);
                    }
                }
            }
        }
        panic!("no number {number} in {text}")
    }

    /// The rejection of `number` in `sentence`, or None when it is a figure.
    pub fn why_not(sentence: &str, number: &str) -> Option<Rejection> {
        let t = format!(" date 2022-05-10 {sentence}");
        judge(&t, number).err()
    }

    /// The measure of `number` in `sentence` (panics when it is no figure).
    pub fn measure_of(sentence: &str, number: &str) -> Measure {
        let t = format!(" date 2022-05-10 {sentence}");
        match judge(&t, number) {
            Ok(c) => c.measure,
            Err(r) => panic!("{number} in {sentence}: {r:?}"),
        }
    }

    /// The words of the claim of `number` in `sentence` (panics when it is no figure).
    pub fn words_of(sentence: &str, number: &str) -> String {
        let t = format!(" date 2022-05-10 {sentence}");
        match judge(&t, number) {
            Ok(c) => c.span.slice(&t).to_string(),
            Err(r) => panic!("{number} in {sentence}: {r:?}"),
        }
    }
}
