//! Evidence shared by the date rules: publication lines inside the text, and whether two
//! sentences speak of the same event.

use crate::analysis::Analysis;
use crate::text::Span;
use crate::time::{Kind, Raw, Temporal, Value};
use chrono::NaiveDate;
use std::collections::HashSet;

/// A line inside the text stating when the page was published ("DW | 06.11.2020").
pub struct PublicationLine {
    /// The date expression.
    pub span: Span,
    /// The date it states.
    pub date: NaiveDate,
    /// True for "Updated …" lines, which may be later than publication.
    pub updated: bool,
    /// True for a stamp in parentheses closing a caption ("… (Published Monday, May 3, 2019)"):
    /// it dates the embedded clip or photo, which a later page may show, not the page.
    pub embedded: bool,
}

crate::word_set!(
    /// Words that mark a publication line.
    STAMP_WORDS = file "publication-stamps.txt"
);
crate::word_set!(
    /// Words of a clock time or time zone ("10 am GMT").
    CLOCK_WORDS = file "clock-words.txt"
);

/// Finds publication lines among the first lines of the body.
pub fn publication_lines(a: &Analysis) -> Vec<PublicationLine> {
    let text = &a.text;
    let mut out = Vec::new();
    let mut pos = a.article.body.start;
    // the header line itself counts from the body start
    for _ in 0..14 {
        if pos >= text.len() {
            break;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let span = Span::new(pos, end);
        pos = end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        // a long line holds a stamp only where one is written out: "(Published Monday, …)"
        let long = trimmed.chars().count() > 120;
        // (a long line's words are not lowercased or searched: see `stamped`)
        let lower = if long {
            String::new()
        } else {
            trimmed.to_lowercase()
        };
        let stamp_word = !long && STAMP_WORDS.iter().any(|w| lower.contains(w));
        for t in a
            .dates
            .iter()
            .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
        {
            let Raw::Date { y: Some(_), .. } = t.raw else {
                continue;
            };
            let Value::Date(d) = t.value else { continue };
            // a stamp: a "|" separated title line, a "Published …" line, or a line that is
            // little more than the date and time
            let stamp = stamp_opener(text, t.span.start);
            let stamped = stamp.is_some();
            // the words of a long line are not counted per date (a one-line text of
            // megabytes holds many thousands of dates)
            let short_stamp = !long && {
                let other_words = trimmed
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 2)
                    .filter(|w| !t.span.slice(text).contains(w))
                    .filter(|w| !CLOCK_WORDS.contains(w))
                    .count();
                let piped = trimmed.contains('|') && t.span.end + 25 >= end;
                // a stamp word in a sentence of its own ("a report published May 3 found …")
                // is a verb, not a stamp
                piped || (stamp_word && other_words <= 5) || other_words <= 1
            };
            if stamped || short_stamp {
                out.push(PublicationLine {
                    span: t.span,
                    date: d,
                    updated: lower.contains("updated") && !lower.contains("published"),
                    embedded: stamp == Some(Some('(')),
                });
            }
        }
    }
    out
}

/// True when the date at `start` is the stamp of an embedded social-media post: it follows the
/// author's handle in parentheses ("— A Reporter (@areporter) May 3, 2019"). It tells when the
/// post was made, not an event of the story.
pub fn post_stamp(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let Some(inner) = before.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let handle = &inner[open + 1..];
    handle.len() > 1
        && handle.len() <= 40
        && handle.starts_with('@')
        && handle[1..]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// True when the date at `start` follows a word of a term set in advance, perhaps with "on",
/// "by" or "in" between ("bonds due May 1, 2031", "a lease expiring in 2030"): the date is when
/// something falls due, not when the clause's event happened, whatever its verb's tense.
pub fn after_term_word(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("");
    for _ in 0..2 {
        let trimmed = before.trim_end();
        let (word_start, word) = last_word(trimmed);
        if word.is_empty() || word.len() > 12 {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        if crate::time::lexicon::TERM.contains(&lower) {
            return true;
        }
        if !crate::time::lexicon::TERM_LINK.contains(&lower) {
            return false;
        }
        before = &trimmed[..word_start];
    }
    false
}

crate::word_set!(
    /// Words before a year-less day a plan or schedule aims at, or a deadline ("set for Nov. 2",
    /// "moved to June 4", "until March 3").
    AIM = file "date-function-words.tsv", tags ["aim", "deadline"]
);
crate::word_set!(
    /// Words of a day that comes back each year ("the anniversary of").
    YEARLY = file "yearly-words.txt"
);
crate::word_set!(
    /// The parts of a day, in order: morning, afternoon, evening, night.
    PARTS_OF_DAY = file "parts-of-day.txt"
);

/// True when the word before the date at `start` names the day a plan or schedule aims at, or
/// a deadline ("set for Nov. 2", "moved to June 4", "until March 3"): no time of the clause's
/// event, whatever its verb's tense.
pub fn after_aim_word(text: &str, start: usize) -> bool {
    let (_, word) = last_word(text.get(..start).unwrap_or("").trim_end());
    AIM.contains(word)
}

/// True when the day at `t` is told late in its day: its evening or night within the three
/// words before it ("on the night of May 6"), or a clock time from 6 p.m. in its sentence.
pub fn late_in_its_day(a: &Analysis, t: &Temporal) -> bool {
    let late = |w: &str| {
        PARTS_OF_DAY
            .iter()
            .position(|p| p.eq_ignore_ascii_case(w))
            .is_some_and(|k| k >= 2)
    };
    let mut before = a.text.get(..t.span.start).unwrap_or("").trim_end();
    for _ in 0..3 {
        let (start, word) = last_word(before);
        if word.is_empty() {
            break;
        }
        if late(word) {
            return true;
        }
        before = before[..start].trim_end();
    }
    t.sentence.is_some()
        && a.dates.iter().any(|x| {
            x.sentence == t.sentence && matches!(x.value, Value::Time { hour, .. } if hour >= 18)
        })
}

/// True when the sentence of `t` holds a word of a day that comes back each year ("on the
/// anniversary of …").
pub fn yearly_sentence(a: &Analysis, t: &Temporal) -> bool {
    let Some(s) = t.sentence.and_then(|i| a.article.sentences.get(i)) else {
        return false;
    };
    s.span
        .slice(&a.text)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| YEARLY.contains(w))
}

/// The letters that end `s` (empty when it ends in another character), with where they start.
fn last_word(s: &str) -> (usize, &str) {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, &s[start..])
}

/// True for a year alone after a word naming what something is for ("the plan approved for
/// 2021", "the budget for fiscal 2020"): the year of a plan or figure, not when the clause's
/// event happened.
pub fn year_for(text: &str, t: &Temporal) -> bool {
    if !matches!(t.raw, Raw::Year(_)) {
        return false;
    }
    let (_, word) = last_word(text.get(..t.span.start).unwrap_or("").trim_end());
    word.len() <= 12 && crate::time::lexicon::YEAR_FOR.contains(&word.to_ascii_lowercase())
}

/// When the date at `start` follows a stamp word that opens a line or a parenthesis
/// ("(Published Wednesday, …", "Updated: …"), not a verb in a sentence ("a report published
/// March 3"): what opens it ('(', '|', a new line: None for the text's start).
fn stamp_opener(text: &str, start: usize) -> Option<Option<char>> {
    let before = text[..start].trim_end_matches([' ', ':']);
    let (word_start, word) = last_word(before);
    let opener = before[..word_start].trim_end_matches(' ').chars().last();
    // a press release's "DATE: January 17, 2017 2:20 PM" line
    let labelled = word.eq_ignore_ascii_case("date") && text[..start].trim_end().ends_with(':');
    let is_stamp = matches!(opener, None | Some('(' | '\n' | '|'))
        && !word.is_empty()
        && (labelled || STAMP_WORDS.contains(word.to_lowercase().as_str()));
    is_stamp.then_some(opener)
}

crate::word_set!(
    /// Words that tell no event apart.
    STOP = files ["stop-words.txt", "evidence-stop-words.txt"]
);

/// Content words of a span, lowercased, hyphens removed ("cease-fire" = "ceasefire").
pub fn content_words(text: &str, span: Span) -> HashSet<String> {
    let mut out = HashSet::new();
    for w in span
        .slice(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
    {
        let w = w.trim_matches(|c: char| c == '.' || c == '-');
        if w.is_ascii() {
            // the same steps without allocating for the words dropped
            let hyphens = w.bytes().filter(|&b| b == b'-').count();
            let keep = w.len() - hyphens >= 5
                || (w.contains('.') && w.bytes().any(|b| b.is_ascii_digit()));
            if !keep {
                continue;
            }
            let mut lw = String::with_capacity(w.len() - hyphens);
            lw.extend(
                w.bytes()
                    .filter(|&b| b != b'-')
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            if !STOP_SET.contains(&lw) {
                out.insert(lw);
            }
            continue;
        }
        let lw = w.to_lowercase().replace('-', "");
        let keep =
            lw.chars().count() >= 5 || (lw.contains('.') && lw.chars().any(|c| c.is_ascii_digit()));
        if keep && !STOP.contains(&lw) {
            out.insert(lw);
        }
    }
    out
}

use STOP as STOP_SET;

/// [`content_words`] as first written, to check the fast one against.
#[cfg(test)]
fn content_words_slow(text: &str, span: Span) -> HashSet<String> {
    span.slice(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == '-')
                .to_lowercase()
                .replace('-', "")
        })
        .filter(|w| {
            w.chars().count() >= 5 || (w.contains('.') && w.chars().any(|c| c.is_ascii_digit()))
        })
        .filter(|w| !STOP.contains(w))
        .collect()
}

#[cfg(test)]
#[test]
fn content_words_fast_matches_slow() {
    let t =
        "The cease-fire, effective as of 10.10 at 12:00, was BROKEN on Saturday by Über-Kräfte \
             near Stepanakert; -a-b-c- 1.5 x.y Officials ÉTATS-UNIS İstanbul said-so A.B.C.D.E.";
    let span = Span::new(0, t.len());
    assert_eq!(content_words(t, span), content_words_slow(t, span));
}

/// Scores whether two sentences speak of the same event, remembering each sentence's words.
#[derive(Default)]
pub struct EventScorer {
    words: std::collections::HashMap<usize, HashSet<String>>,
}

impl EventScorer {
    /// How strongly two sentences seem to speak of the same event: shared content words, plus
    /// one when both give the same time of day.
    pub fn score(&mut self, a: &Analysis, s1: usize, s2: usize) -> usize {
        let text = &a.text;
        let (Some(x), Some(y)) = (a.article.sentences.get(s1), a.article.sentences.get(s2)) else {
            return 0;
        };
        self.words
            .entry(s1)
            .or_insert_with(|| content_words(text, x.span));
        self.words
            .entry(s2)
            .or_insert_with(|| content_words(text, y.span));
        let shared = match (self.words.get(&s1), self.words.get(&s2)) {
            (Some(w1), Some(w2)) => w1.intersection(w2).count(),
            _ => 0,
        };
        let times = |s: usize| -> Vec<(u32, u32)> {
            a.dates
                .iter()
                .filter(|t| t.sentence == Some(s) && t.kind == Kind::Time)
                .filter_map(|t| match t.value {
                    Value::Time { hour, minute, .. } => Some((hour, minute)),
                    _ => None,
                })
                .collect()
        };
        let t1 = times(s1);
        let same_time = !t1.is_empty() && times(s2).iter().any(|t| t1.contains(t));
        shared + usize::from(same_time)
    }
}

/// A weekday mentioned on its own ("on Saturday", "Saturday's statement").
pub fn is_bare_weekday(t: &Temporal) -> bool {
    matches!(
        t.raw,
        Raw::Weekday {
            week: crate::time::WeekRef::Infer,
            ..
        }
    )
}
