//! Evidence shared by the date rules: publication lines inside the text, and whether two
//! sentences speak of the same event.

use crate::analysis::Analysis;
use crate::lexicon::sets::{AIM_NOUNS, CLOCK_WORDS, PARTS_OF_DAY, PREPOSITIONS};
use crate::text::{word_before, Gap, Span};
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
    /// The other reading of an all-numeric date whose day and month could trade places
    /// ("03-04-2016": 3 April or 4 March); None when only one reading exists.
    pub other_reading: Option<NaiveDate>,
}

crate::word_set!(
    /// Words that mark a publication line.
    STAMP_WORDS = file "publication-stamps.txt"
);

crate::word_set!(
    /// Words of a publication line that stamp a later revision of the page ("Updated",
    /// "Last modified", "Edited time").
    REVISION_WORDS = file "revision-stamps.txt"
);

crate::word_set!(
    /// Labels that introduce the page's own date on a fact line ("Date: 12 March 2020").
    STAMP_LABELS = file "stamp-labels.txt"
);

/// True when the line holding a date at `start` opens with a label of words and a colon that
/// names something else ("Born: Dec. 3, 1950", "Founded: 1907"): a fact line, not a stamp. A
/// label holding a stamp word or a date label ("Published:", "Date:") is a stamp's.
fn labels_another_date(line: &str, line_start: usize, start: usize) -> bool {
    let Some(before) = line.get(..start.saturating_sub(line_start)) else {
        return false;
    };
    let Some((label, rest)) = before.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && rest.trim().chars().all(|c| !c.is_alphanumeric())
        && !STAMP_WORDS.iter().any(|w| label.contains(w))
        && !label.split_whitespace().any(|w| STAMP_LABELS.contains(w))
}

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
                let mut others = trimmed
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 2)
                    .filter(|w| !t.span.slice(text).contains(w))
                    .filter(|w| !CLOCK_WORDS.contains(w));
                let first_other = others.next();
                let other_words = usize::from(first_other.is_some()) + others.count();
                let piped = trimmed.contains('|') && t.span.end + 25 >= end;
                // a dividend table's "Pay May 1, 1990" line: its one other word names a term
                // (a "Date: …" label makes a stamp)
                let term_line = other_words == 1
                    && !trimmed.contains(':')
                    && first_other.is_some_and(|w| crate::time::lexicon::TERM.contains(w));
                // a stamp word in a sentence of its own ("a report published May 3 found …")
                // is a verb, not a stamp
                piped || (stamp_word && other_words <= 5) || (other_words <= 1 && !term_line)
            };
            if (stamped || short_stamp) && !labels_another_date(line, span.start, t.span.start) {
                out.push(PublicationLine {
                    span: t.span,
                    date: d,
                    updated: revision_line(&lower),
                    embedded: stamp == Some(Some('(')),
                    other_reading: other_reading(t.span.slice(text), d),
                });
            }
        }
    }
    out
}

/// True for a lowercased publication line that stamps a later revision of the page ("Updated:
/// …", "Last modified: …", "Edited time: …"; `REVISION_WORDS`, whole words: "credited" is no
/// stamp) and not its first publication.
fn revision_line(lower: &str) -> bool {
    let mut words = lower.split(|c: char| !c.is_alphanumeric());
    words.any(|w| REVISION_WORDS.contains(w)) && !lower.contains("published")
}

/// The day-and-month-swapped reading of `d` when `written` is all digits, dashes or slashes with
/// the year last and both leading numbers could be a month ("03-04-2016", "5/6/19"); a dotted
/// date is read day first by convention ("06.11.2020") and has one reading.
fn other_reading(written: &str, d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let lead = written.split(|c: char| !c.is_ascii_digit()).next()?;
    let numeric = written
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/'));
    if !numeric || lead.is_empty() || lead.len() > 2 || d.day() > 12 || d.day() == d.month() {
        return None;
    }
    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month())
}

/// The other reading of an all-numeric date `t` whose day and month could trade places
/// ("03-04-2016"): a careful reader takes it as evidence only when both readings agree.
pub fn swapped_reading(text: &str, t: &Temporal) -> Option<NaiveDate> {
    let Value::Date(d) = t.value else {
        return None;
    };
    other_reading(t.span.slice(text), d)
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

pub use crate::article::wire_dateline;

/// True when the date at `start` follows a word of a term set in advance, perhaps with "on",
/// "by" or "in" between ("bonds due May 1, 2031", "a lease expiring in 2030"), with the edge of
/// a period ("by the end of 2031") or an ellipsis of a quotation ("until ... May 1, 2031")
/// between, or the far end of a span ("the curve flattened out to May 2031"): the date is when
/// something falls due, not when the clause's event happened, whatever its verb's tense.
pub fn after_term_word(text: &str, start: usize) -> bool {
    let mut before = without_ellipsis(text.get(..start).unwrap_or(""));
    // up to two links: "due in early 1990"; a period's edge adds three: "by the end of 2031"
    let mut links = 0;
    while links < 5 {
        let (word_start, word) = word_before(before, before.len(), Gap::Spaces);
        if word.is_empty() || word.len() > 12 {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        if crate::time::lexicon::TERM.contains(&lower) {
            return true;
        }
        before = without_ellipsis(before.get(..word_start).unwrap_or(""));
        // "the payment date was given as May 1": the participle of a passive that names the
        // term, before "as", is a link too
        if lower == "as" {
            let (p_start, p) = word_before(before, before.len(), Gap::Spaces);
            if p.len() > 3 && p.bytes().all(|b| b.is_ascii_lowercase()) && named_as(p) {
                before = before.get(..p_start).unwrap_or("");
            }
        } else if lower == "to" {
            // "out to May 2031": the far end of a span, whatever went before
            return FAR_END.contains(word_before(before, before.len(), Gap::Spaces).1);
        } else if !crate::time::lexicon::TERM_LINK.contains(&lower)
            && !crate::time::lexicon::PERIOD_EDGE.contains(&lower)
            && !crate::lexicon::sets::ARTICLES.contains(&lower)
        {
            return false;
        }
        links += 1;
    }
    false
}

crate::word_set!(
    /// Words before "to" and a date that make it the far end of a span ("out to May 2031").
    FAR_END = file "date-function-words.tsv", tag "far-end"
);

/// `before` without the spaces and the ellipsis of a quotation it ends with ("until ... ").
fn without_ellipsis(before: &str) -> &str {
    let trimmed = before.trim_end();
    trimmed
        .strip_suffix("...")
        .or_else(|| trimmed.strip_suffix('\u{2026}'))
        .unwrap_or(before)
}

/// True for a participle that may name a value with "as" ("given", "fixed", "listed"): a form
/// in "-ed" or "-en".
fn named_as(p: &str) -> bool {
    p.ends_with("ed") || p.ends_with("en")
}

/// True when the date `t` closes a range whose first end is a date of its own ("payments due
/// between 1987 and 1992", "the years 1988 to 1991"): the clause's event lies somewhere in the
/// range, so only its first end tells how late the story must be.
pub fn second_end_of_range(a: &Analysis, t: &Temporal) -> bool {
    let text = &a.text;
    let before = text.get(..t.span.start).unwrap_or("").trim_end();
    // "the October 1986-April 1987 crop": a dash between two dates joins them
    if let Some(first_end) = before
        .strip_suffix(['-', '\u{2013}'])
        .map(|b| b.trim_end().len())
    {
        return a
            .dates
            .iter()
            .any(|x| x.span.end == first_end && x.span.start < first_end);
    }
    let (link_start, link) = word_before(before, before.len(), Gap::Nothing);
    let link = link.to_ascii_lowercase();
    if link.is_empty() || !crate::time::lexicon::YEAR_PAIR.contains(&link) {
        return false;
    }
    let first_end = before.get(..link_start).unwrap_or("").trim_end().len();
    let Some(first) = a.dates.iter().find(|x| x.span.end == first_end) else {
        return false;
    };
    // "and" joins a range only after "between"; else it lists two dates, each told
    let (_, lead) = word_before(text, first.span.start, Gap::Spaces);
    link != "and" || crate::time::lexicon::PAIR_LEAD.contains(&lead.to_ascii_lowercase())
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

/// True when the word before the date at `start` names the day a plan or schedule aims at, or
/// a deadline ("set for Nov. 2", "moved to June 4", "until March 3"): no time of the clause's
/// event, whatever its verb's tense.
pub fn after_aim_word(text: &str, start: usize) -> bool {
    AIM.contains(word_before(text, start, Gap::Spaces).1)
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
        let (start, word) = word_before(before, before.len(), Gap::Nothing);
        if word.is_empty() {
            break;
        }
        if late(word) {
            return true;
        }
        before = before.get(..start).unwrap_or("").trim_end();
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

/// True for a year alone after a word naming what something is for ("the plan approved for
/// 2021", "the budget for fiscal 2020"): the year of a plan or figure, not when the clause's
/// event happened; or a range after "for the period" ([`period_for`]).
pub fn year_for(text: &str, t: &Temporal) -> bool {
    if matches!(t.raw, Raw::Range(..)) {
        return period_for(text, t);
    }
    if !matches!(t.raw, Raw::Year(_)) {
        return false;
    }
    let (_, word) = word_before(text, t.span.start, Gap::Spaces);
    word.len() <= 12 && crate::time::lexicon::YEAR_FOR.contains(&word.to_ascii_lowercase())
}

/// True for a range right after "for" + an article + a period's noun ("the price of contracts
/// for the period from April 1, 2031 to March 31, 2032 was …"): the stretch a figure is for,
/// not when the clause's event happened.
fn period_for(text: &str, t: &Temporal) -> bool {
    let lower = |w: &str| w.to_ascii_lowercase();
    let (k, noun) = word_before(text, t.span.start, Gap::Spaces);
    if noun.len() > 12 || !crate::time::lexicon::PERIOD_TO.contains(&lower(noun)) {
        return false;
    }
    let (k, det) = word_before(text, k, Gap::Spaces);
    let (_, lead) = word_before(text, k, Gap::Spaces);
    crate::lexicon::sets::ARTICLES.contains(&lower(det)) && lead.eq_ignore_ascii_case("for")
}

/// True for a year that opens its sentence or title right before a noun, with no determiner
/// ("1990 BUDGET PASSED BY HOUSE", "1990 output targets were cut"): it names what the noun is
/// for, no time of the clause's event. A verb, a preposition, a conjunction or a comma after
/// the year leaves it a date ("1990 saw a slump", "1990, the year of …").
pub fn opening_modifier_year(a: &Analysis, t: &Temporal) -> bool {
    if !matches!(t.raw, Raw::Year(_)) {
        return false;
    }
    let text = &a.text;
    let Some(s) = t.sentence.and_then(|i| a.article.sentences.get(i)) else {
        return false;
    };
    if s.span.start > t.span.start {
        return false;
    }
    // the title on the header line follows the header's date
    let from = a
        .article
        .published
        .as_ref()
        .map(|p| p.span.end)
        .filter(|&e| s.span.start < e && e <= t.span.start)
        .unwrap_or(s.span.start);
    if !text
        .get(from..t.span.start)
        .is_some_and(|b| b.trim().is_empty())
    {
        return false;
    }
    let (at, word) = crate::text::word_after(text, t.span.end, Gap::Nothing);
    // one space, then a word of letters (perhaps an abbreviation: "U.S.")
    let (at, word) =
        if word.is_empty() && text.get(t.span.end..).is_some_and(|r| r.starts_with(' ')) {
            crate::text::word_after(text, t.span.end + 1, Gap::Nothing)
        } else {
            (at, word)
        };
    if word.is_empty() || at != t.span.end + 1 {
        return false;
    }
    let lower = word.to_lowercase();
    let joins = PREPOSITIONS.contains(&lower) || lower == "and" || lower == "or";
    !joins && !has_verb(text, Span::new(at, at + word.len()))
}

/// The date a date in a clause whose verb is left out stands beside: "Payments in 1988 were
/// cut to 400 mln, and in 1989 to 700 mln": "in 1989" opens the second clause after "and",
/// with no verb of its own up to the clause's end, so it is told as "in 1988" is (the same
/// preposition, the nearest date before "and" in the sentence). None for any other date.
pub fn gapped_parallel<'a>(a: &'a Analysis, t: &Temporal) -> Option<&'a Temporal> {
    let text = &a.text;
    let s = t.sentence.and_then(|i| a.article.sentences.get(i))?;
    if t.span.start < s.span.start || t.span.end > s.span.end {
        return None;
    }
    let (prep_start, prep) = word_before(text, t.span.start, Gap::Spaces);
    if prep.is_empty() || !PREPOSITIONS.contains(prep) {
        return None;
    }
    let (and_start, and) = word_before(text, prep_start, Gap::Spaces);
    if !and.eq_ignore_ascii_case("and") || and_start < s.span.start {
        return None;
    }
    let rest_end = text
        .get(t.span.end..s.span.end)
        .and_then(|r| r.find(';'))
        .map_or(s.span.end, |k| t.span.end + k);
    if has_verb(text, Span::new(t.span.end, rest_end)) {
        return None;
    }
    a.dates.iter().rfind(|x| {
        x.sentence == t.sentence
            && x.span.end <= and_start
            && word_before(text, x.span.start, Gap::Spaces)
                .1
                .eq_ignore_ascii_case(prep)
    })
}

/// Where a gallery's slide counter opens ("1 of 23" on a line of its own, or split over three:
/// "1." "of." "23."): the byte of its first line. What follows is the slides' captions, page
/// furniture of other times (a list of candidates updated after the story), not the story.
pub fn gallery_start(text: &str) -> Option<usize> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            lines.push((pos, trimmed));
        }
        pos += line.len() + 1;
    }
    let number = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let counter = |n: Option<u32>, of: &str, m: Option<u32>| {
        matches!((n, m), (Some(n), Some(m)) if n >= 1 && n <= m && m >= 2)
            && of
                .strip_suffix('.')
                .unwrap_or(of)
                .eq_ignore_ascii_case("of")
    };
    for (i, (at, line)) in lines.iter().enumerate() {
        // the first four words only, not a vector of every word of every line
        // (`cargo bench --bench throughput`: collecting them was 2 % of it)
        let mut words = line.split_whitespace();
        if let (Some(n), Some(of), Some(m), None) =
            (words.next(), words.next(), words.next(), words.next())
        {
            if counter(number(n), of, number(m)) {
                return Some(*at);
            }
        }
        if let (Some((_, of)), Some((_, m))) = (lines.get(i + 1), lines.get(i + 2)) {
            if counter(number(line), of, number(m)) {
                return Some(*at);
            }
        }
    }
    None
}

/// True when the text of `span` holds a verb (a word that marks a tense).
fn has_verb(text: &str, span: Span) -> bool {
    crate::time::tense::has_tense_marker(&crate::text::tokenize(text, span))
}

/// True for a year that a verbless phrase describes rather than an event the clause tells:
/// the phrase between commas right after the subject that opens the sentence ("Lee, herself up
/// for a vote in 2030, said …": the main verb dates the saying, the phrase the subject), or the
/// phrase a noun of a plan or outlook heads ("the prospects for a deal in 2030"); or a year or
/// a month with its year in a noun phrase after a name ([`appositive_noun_phrase`]).
pub fn described_year(a: &Analysis, t: &Temporal) -> bool {
    let month = matches!(t.raw, Raw::Month { y: Some(_), .. });
    (matches!(t.raw, Raw::Year(_)) && (appositive_year(a, t) || outlook_year(&a.text, t)))
        || ((month || matches!(t.raw, Raw::Year(_))) && appositive_noun_phrase(a, t))
}

/// True for a month or a year inside a noun phrase set off by commas right after a name and
/// led by an article or a possessive ("Halvik, a contender in the vote of November 2031, said
/// …", "as Tessaly, the host of the summit in May 2031, has proposed …"): the phrase holds no
/// verb, so the tense the date reads is the clause's verb after it, which tells what the name
/// did, not when the phrase's noun happens.
fn appositive_noun_phrase(a: &Analysis, t: &Temporal) -> bool {
    use crate::lexicon::sets::{ARTICLES, NOT_NAME_SET, POSSESSIVES};
    let text = &a.text;
    let Some(s) = holding_sentence(a, t) else {
        return false;
    };
    let Some(open) = text[s.start..t.span.start].rfind(',') else {
        return false;
    };
    let open = s.start + open;
    let (_, name) = word_before(text, open, Gap::Nothing);
    let (_, lead) = crate::text::word_after(text, open + 1, Gap::Spaces);
    let named = name.starts_with(|c: char| c.is_uppercase())
        && !NOT_NAME_SET.contains(name.to_lowercase().as_str());
    let determiner = ARTICLES.contains(lead.to_lowercase().as_str())
        || POSSESSIVES.contains(lead.to_lowercase().as_str());
    let Some(close) = text[t.span.end..s.end].find(',') else {
        return false;
    };
    let close = t.span.end + close;
    let rest_end = fifth_space(text, close + 1, s.end);
    // the clause's verb right after the phrase: a tense marker, or an auxiliary ("has
    // proposed", whose participle the markers may leave to its auxiliary)
    let (_, next) = crate::text::word_after(text, close + 1, Gap::Spaces);
    let verb_after = has_verb(text, Span::new(close + 1, rest_end))
        || crate::lexicon::sets::AUXILIARIES.contains(next.to_lowercase().as_str());
    named && determiner && !has_verb(text, Span::new(open + 1, close)) && verb_after
}

/// The span of the sentence that holds all of `t`, if there is one.
fn holding_sentence(a: &Analysis, t: &Temporal) -> Option<Span> {
    let s = t.sentence.and_then(|i| a.article.sentences.get(i))?;
    (s.span.start <= t.span.start && t.span.end <= s.span.end).then_some(s.span)
}

/// Where the fifth space of `text[from..end]` stands (`end` without one): the first words of a
/// clause, which hold its main verb.
fn fifth_space(text: &str, from: usize, end: usize) -> usize {
    text[from..end]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(4)
        .map_or(end, |(i, _)| from + i)
}

/// The appositive of [`described_year`]: one comma before the year in its sentence, after a
/// name of at most four capitalised words; no verb between that comma and the next one; a verb
/// after it.
fn appositive_year(a: &Analysis, t: &Temporal) -> bool {
    let text = &a.text;
    let Some(s) = holding_sentence(a, t) else {
        return false;
    };
    let head = &text[s.start..t.span.start];
    let Some((subject, _)) = head.split_once(',') else {
        return false;
    };
    let open = s.start + subject.len() + 1;
    if text[open..t.span.start].contains(',') {
        return false;
    }
    let Some(close) = text[t.span.end..s.end].find(',') else {
        return false;
    };
    let close = t.span.end + close;
    let words: Vec<&str> = subject.split_whitespace().collect();
    let name = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(')
        });
    // the clause after the phrase: its first words hold the main verb
    let rest_end = fifth_space(text, close + 1, s.end);
    name && !has_verb(text, Span::new(open, close))
        && has_verb(text, Span::new(close + 1, rest_end))
}

/// The outlook of [`described_year`]: "in" before the year, and a noun of a plan or outlook at
/// most six words before it with no verb and no comma between.
fn outlook_year(text: &str, t: &Temporal) -> bool {
    let before = text.get(..t.span.start).unwrap_or("").trim_end();
    let (in_start, word) = word_before(before, before.len(), Gap::Nothing);
    if !word.eq_ignore_ascii_case("in") {
        return false;
    }
    let lead = &before[..in_start];
    let mut pos = lead.len();
    for _ in 0..6 {
        let trimmed = lead[..pos].trim_end();
        let (start, w) = word_before(trimmed, trimmed.len(), Gap::Nothing);
        // a comma, a quote or any other mark ends the phrase
        if w.is_empty() || trimmed.len() != start + w.len() {
            return false;
        }
        if AIM_NOUNS.contains(w) {
            return !has_verb(text, Span::new(start, in_start));
        }
        pos = start;
    }
    false
}

/// When the date at `start` follows a stamp word that opens a line or a parenthesis
/// ("(Published Wednesday, …", "Updated: …"), not a verb in a sentence ("a report published
/// March 3"): what opens it ('(', '|', a new line: None for the text's start).
fn stamp_opener(text: &str, start: usize) -> Option<Option<char>> {
    let before = text[..start].trim_end_matches([' ', ':']);
    let (word_start, word) = word_before(before, before.len(), Gap::Nothing);
    let opener = before[..word_start].trim_end_matches(' ').chars().last();
    // a press release's "DATE: January 17, 2017 2:20 PM" line
    let labelled = word.eq_ignore_ascii_case("date") && text[..start].trim_end().ends_with(':');
    let is_stamp = matches!(opener, None | Some('(' | '\n' | '|'))
        && !word.is_empty()
        && (labelled || STAMP_WORDS.contains(word.to_lowercase().as_str()));
    is_stamp.then_some(opener)
}

crate::word_set!(
    /// Words that tell no event apart (with the months: "March" is no event's word).
    STOP = files ["stop-words.txt", "evidence-stop-words.txt", "months.txt"]
);

/// The hasher of [`content_words`] sets and of [`EventScorer`]'s map: FNV, not SipHash (the
/// keys are the article's own words; `cargo bench --bench throughput`: SipHash was 1 % of it).
type Fnv = std::hash::BuildHasherDefault<crate::lexicon::Fnv>;

/// A sentence's content words ([`content_words`]).
pub type ContentWords = HashSet<String, Fnv>;

/// Content words of a span, lowercased, hyphens removed ("cease-fire" = "ceasefire").
pub fn content_words(text: &str, span: Span) -> ContentWords {
    let mut out = ContentWords::default();
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
fn content_words_slow(text: &str, span: Span) -> ContentWords {
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
fn years_a_phrase_describes() {
    let year = |t: &str, y: &str| {
        let a = Analysis::new(t);
        let d = a
            .dates
            .iter()
            .find(|d| d.span.slice(t) == y)
            .expect("the year is found");
        described_year(&a, d)
    };
    let t = " date 2024-03-01 Okafor, herself up for a vote in 2026, said she backed the bill.\n";
    assert!(year(t, "2026"));
    // a verb of its own makes the phrase a clause that tells an event
    let t = " date 2024-03-01 Okafor, who lost a vote in 2026, said she backed the bill.\n";
    assert!(!year(t, "2026"));
    let t = " date 2024-03-01 Okafor spoke of the prospects for a new levy in 2026.\n";
    assert!(year(t, "2026"));
    let t = " date 2024-03-01 The plans for a new levy were dropped in 2026.\n";
    assert!(!year(t, "2026"));
    let t = " date 2024-03-01 The levy was dropped in 2026.\n";
    assert!(!year(t, "2026"));
}

#[test]
fn a_fact_line_label_names_another_date_than_the_page() {
    let lines = |t: &str| -> Vec<String> {
        let a = Analysis::new(t);
        publication_lines(&a)
            .iter()
            .map(|l| l.span.slice(t).to_string())
            .collect()
    };
    // a profile's fact box: the label says what the date is
    let t = " date 2024-03-01 Ondrej Halvik, mayor of Tessaly\n\nBorn: June 3, 1950\n\nHe spoke.\n";
    assert!(lines(t).is_empty(), "{:?}", lines(t));
    let t = " date 2024-03-01 Velmar Corp\n\nFirst listed: June 3, 1990\n\nShares rose.\n";
    assert!(lines(t).is_empty(), "{:?}", lines(t));
    // the page's own stamps keep their labels
    for t in [
        " date 2024-03-01 Velmar Corp\n\nPublished: March 4, 2024\n\nShares rose.\n",
        " date 2024-03-01 Velmar Corp\n\nDate: March 4, 2024\n\nShares rose.\n",
        " date 2024-03-01 Velmar Corp\n\nMarch 4, 2024\n\nShares rose.\n",
    ] {
        assert_eq!(lines(t), ["March 4, 2024"], "{t}");
    }
}

#[test]
fn terms_set_off_by_several_words() {
    let term = |t: &str, date: &str| t.find(date).is_some_and(|at| after_term_word(t, at));
    assert!(term(
        "Velmar Corp aims to finish by the end of 2031.",
        "2031"
    ));
    assert!(term("The offer stands \"until ... May 3, 2031\".", "May"));
    assert!(term("The Tessaly curve flattened out to May 2031.", "May"));
    assert!(term(
        "The Tessaly curve flattened out to the end of 2031.",
        "2031"
    ));
    assert!(!term(
        "Velmar Corp closed the plant at the end of 2031.",
        "2031"
    ));
    assert!(!term(
        "Ondrej Halvik moved ... to Tessaly in May 2031.",
        "May"
    ));
    assert!(!term("Shares fell to May 2031 lows.", "May"));
}

#[test]
fn gallery_counters_open_the_slides() {
    let t = "The mayor spoke.\n\nCouncil Members.\n\n1.\n\nof.\n\n9.\n\nA. Person — Elected May 2, 2011\n";
    assert_eq!(gallery_start(t), t.find("1.\n"));
    let one_line = "Story text.\nPhoto 2 of 7\nA caption.\n";
    assert_eq!(gallery_start(one_line), None);
    let bare = "Story text.\n2 of 7\nA caption.\n";
    assert_eq!(gallery_start(bare), bare.find("2 of 7"));
    // a sentence with a count is no counter; nor are numbers out of order
    for t in [
        "He won 3 of 5 races.\n",
        "Items:\n9.\nof.\n2.\n",
        "7 of 70000\n",
    ] {
        assert_eq!(gallery_start(t), None, "{t}");
    }
}

#[test]
fn content_words_fast_matches_slow() {
    let t = "The curfew, effective as of 14.03 at 18:00, was LIFTED on Saturday by Über-Kräfte \
             near Thimphu; -a-b-c- 1.5 x.y Officials ÉTATS-UNIS İstanbul said-so A.B.C.D.E.";
    let span = Span::new(0, t.len());
    assert_eq!(content_words(t, span), content_words_slow(t, span));
}

/// Sentences this far apart or more are not read as telling one event: a paragraph and its
/// neighbours hold far fewer, and the cap keeps the pairing of dates with weekdays linear in a
/// text of one endless paragraph (a 560 KB one took 50 s before it).
pub const EVENT_REACH: usize = 40;

/// Scores whether two sentences speak of the same event, remembering each sentence's words
/// and times of day.
#[derive(Default)]
pub struct EventScorer {
    words: std::collections::HashMap<usize, ContentWords, Fnv>,
    /// The times of day of each sentence, read once from the article's dates.
    times: Option<SentenceTimes>,
}

impl EventScorer {
    /// How strongly two sentences seem to speak of the same event: shared content words, plus
    /// one when both give the same time of day; none when they are [`EVENT_REACH`] apart.
    pub fn score(&mut self, a: &Analysis, s1: usize, s2: usize) -> usize {
        let text = &a.text;
        let (Some(x), Some(y)) = (a.article.sentences.get(s1), a.article.sentences.get(s2)) else {
            return 0;
        };
        if s1.abs_diff(s2) >= EVENT_REACH {
            return 0;
        }
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
        let t1 = self.times_in(a, s1).to_vec();
        let same_time = self.times_in(a, s2).iter().any(|t| t1.contains(t));
        shared + usize::from(same_time)
    }

    /// The times of day (hour, minute) sentence `s` of `a` gives, read once for the article.
    pub fn times_in(&mut self, a: &Analysis, s: usize) -> &[(u32, u32)] {
        self.times
            .get_or_insert_with(|| sentence_times(a))
            .get(&s)
            .map_or(&[], Vec::as_slice)
    }
}

/// Times of day (hour, minute) by sentence.
type SentenceTimes = std::collections::HashMap<usize, Vec<(u32, u32)>, Fnv>;

/// The times of day ("at 10:30") each sentence of `a` gives, by sentence.
fn sentence_times(a: &Analysis) -> SentenceTimes {
    let mut out = SentenceTimes::default();
    for t in &a.dates {
        if let (Some(s), Value::Time { hour, minute, .. }) = (t.sentence, &t.value) {
            out.entry(s).or_default().push((*hour, *minute));
        }
    }
    out
}

use crate::lexicon::sets::MODAL_WORDS as MODALS;

/// How many words before a day a governing modal is looked for.
const COMING_REACH: usize = 20;

/// True when the day at `t` is told as coming: its clause is in the future tense, or the
/// nearest verb before it in its clause is a modal ("could help carry him through February
/// and into the primary on March 1"), not one of a past possibility ("could have fired"); a
/// verb with a tense of its own between them governs the day instead.
pub fn told_as_coming(a: &Analysis, t: &Temporal) -> bool {
    if t.tense == crate::time::Tense::Future {
        return true;
    }
    let Some(s) = t.sentence.and_then(|s| a.article.sentences.get(s)) else {
        return false;
    };
    if t.span.start < s.span.start {
        return false;
    }
    let toks = crate::text::tokenize(&a.text, Span::new(s.span.start, t.span.start));
    for (i, tok) in crate::text::words_back(&toks, COMING_REACH) {
        if MODALS.has(tok) {
            return !toks.get(i + 1).is_some_and(|n| n.is("have"));
        }
        if crate::time::tense::has_tense_marker(std::slice::from_ref(tok)) {
            return false;
        }
    }
    false
}

crate::word_set!(
    /// Nouns of a security named by its maturity year ("the 9 pct notes of 2004").
    SECURITY_NOUNS = file "security-nouns.txt"
);

/// True when the date `t`, though its clause reads as past, tells no event done by then: it
/// hangs on a modal, an infinitive, a future or a present verb rather than on the past verb of
/// its clause (`tense::hangs_on_undone_verb`: "officials said output could double by 1990",
/// "the board agreed to extend the loan through June 1990"), or it is a year that names a thing
/// ([`naming_year`]). A past verb the date hangs on ("the bridge was completed on April 1,
/// 1990") still tells a done event.
pub fn not_told_as_done(a: &Analysis, t: &Temporal) -> bool {
    naming_year(&a.text, t)
        || ends_a_stretch_from_now(&a.text, t)
        || hangs_on_undone(a, t)
        || in_sentence_tokens(a, t, |toks, start, _| hangs_on_wished_result(toks, start))
}

/// True when the date `t` closes a stretch that opens now ("spend 40 million between now and
/// May 1, 2031", "from now until June 2031", "now through 2031"): a day still ahead, whatever
/// the tense of the verb that plans the stretch.
fn ends_a_stretch_from_now(text: &str, t: &Temporal) -> bool {
    let before = text.get(..t.span.start).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase);
    let (Some(join), Some(now)) = (words.next(), words.next()) else {
        return false;
    };
    let opener = words.next().unwrap_or_default();
    if now != "now" || !before.trim_end().ends_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    crate::time::lexicon::RANGE_TO.contains(join.as_str()) || (join == "and" && opener == "between")
}

crate::word_set!(
    /// Verbs of wanting whose object and past participle name a result wished for ("wants the
    /// deal wrapped up"; "like" only after a modal).
    WISH_VERBS = file "wish-verbs.txt"
);

/// How many words before a date the participle it hangs on may stand.
const WISHED_REACH: usize = 8;

/// How many words the object between a verb of wanting and its participle may have.
const WISHED_OBJECT: usize = 5;

/// True when the nearest verb before the date at token `start` of `toks` is a past participle
/// after the object of a verb of wanting ("Halvik wants the plant reopened on May 9", "they
/// needed the bill passed by the board on Friday, May 10"): the result wished for, no act done.
/// The walk stops at punctuation: "wanted the deal, signed on May 9" tells a signing.
fn hangs_on_wished_result(toks: &[crate::text::Tok], start: usize) -> bool {
    use crate::time::tense::{past_verb_at, tense_at};
    for k in (start.saturating_sub(WISHED_REACH)..start).rev() {
        if toks[k].kind != crate::text::TokKind::Word {
            return false;
        }
        if tense_at(toks, k).is_some() {
            return past_verb_at(toks, k) && wish_verb_before_object(toks, k);
        }
    }
    false
}

/// True when a verb of wanting (`WISH_VERBS`) stands before the one to `WISHED_OBJECT` words
/// of an object right before the participle at token `v`: words with no tense, no pronoun of a
/// subject of its own ("wanted the bridge he opened") and no conjunction or relative word.
fn wish_verb_before_object(toks: &[crate::text::Tok], v: usize) -> bool {
    use crate::lexicon::sets::{MODAL_WORDS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS};
    for (n, j) in (v.saturating_sub(WISHED_OBJECT + 1)..v).rev().enumerate() {
        let w = &toks[j];
        if w.kind != crate::text::TokKind::Word {
            return false;
        }
        if n > 0 && WISH_VERBS.has(w) {
            return !w.is("like") || j.checked_sub(1).is_some_and(|m| MODAL_WORDS.has(&toks[m]));
        }
        let subject = SUBJECT_PRONOUNS.has(w) && !w.is("it");
        if subject
            || RELATIVE_PRONOUNS.has(w)
            || w.is("that")
            || w.is("and")
            || w.is("or")
            || crate::time::tense::tense_at(toks, j).is_some()
        {
            return false;
        }
    }
    false
}

/// True when the date `t` hangs on a verb of no done event in its sentence.
fn hangs_on_undone(a: &Analysis, t: &Temporal) -> bool {
    let day = matches!(t.value, crate::time::Value::Date(_));
    in_sentence_tokens(a, t, |toks, start, end| {
        crate::time::tense::hangs_on_undone_verb(toks, start, end, day)
    })
}

/// True when the date `t` is the new day of a change of schedule ("the meeting was moved to
/// Monday, May 4"; `tense::rescheduled_to`): the day aimed at, no event done then.
pub fn rescheduled(a: &Analysis, t: &Temporal) -> bool {
    in_sentence_tokens(a, t, crate::time::tense::rescheduled_to)
}

/// `test` on the tokens of the sentence of `t` and the token range `t` covers; false when
/// `t` lies outside its sentence.
pub(crate) fn in_sentence_tokens(
    a: &Analysis,
    t: &Temporal,
    test: impl Fn(&[crate::text::Tok], usize, usize) -> bool,
) -> bool {
    let Some(s) = t.sentence.and_then(|s| a.article.sentences.get(s)) else {
        return false;
    };
    if t.span.start < s.span.start || t.span.end > s.span.end {
        return false;
    }
    let toks = crate::text::tokenize(&a.text, s.span);
    let Some(start) = toks.iter().position(|k| k.span.start >= t.span.start) else {
        return false;
    };
    let end = toks
        .iter()
        .position(|k| k.span.start >= t.span.end)
        .unwrap_or(toks.len());
    test(&toks, start, end)
}

/// True for a date that names a thing rather than when the clause's event happened: a season
/// or fiscal year split over two ("1989/90"), or a security named by its maturity ("the 9 pct
/// notes of 2004", "the 7-1/4s of 2001", "the 8 pct June 2003 stock"), or a term ("a June 1,
/// 1990, deadline": [`term_noun_after`]).
pub fn naming_year(text: &str, t: &Temporal) -> bool {
    if fiscal_period(text, t) || term_noun_after(text, t) {
        return true;
    }
    let after = text.get(t.span.end..).unwrap_or("");
    let named_security =
        SECURITY_NOUNS.contains(crate::text::word_after(text, t.span.end, Gap::Spaces).1);
    if !matches!(t.raw, Raw::Year(_)) {
        return named_security;
    }
    let split = t.span.slice(text).contains('/')
        || after
            .strip_prefix('/')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        || split_by_dash(t.span.slice(text), after);
    let (of_start, of) = word_before(text, t.span.start, Gap::Spaces);
    let (noun_start, noun) = word_before(text, of_start, Gap::Spaces);
    // a coupon written as a plural of its rate: "the 7-1/4s"
    let coupon = noun == "s"
        && text
            .get(..noun_start)
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    let security = of.eq_ignore_ascii_case("of") && (SECURITY_NOUNS.contains(noun) || coupon);
    split || security || named_security
}

/// True for a date between an article or "for" and a noun whose value is a day, perhaps with a
/// comma after the date ("a June 1, 1990, deadline", "for March 1990 delivery"): the date names
/// the term. After any other word ("in 1990 deliveries rose") the date may time the event.
fn term_noun_after(text: &str, t: &Temporal) -> bool {
    let after = text.get(t.span.end..).unwrap_or("");
    let comma = after.strip_prefix(',').map_or(0, |_| 1);
    let (noun_start, noun) = crate::text::word_after(text, t.span.end + comma, Gap::Spaces);
    let (_, lead) = word_before(text, t.span.start, Gap::Spaces);
    if !crate::time::lexicon::TERM_NOUN.contains(&noun.to_ascii_lowercase()) {
        return listed_before_term_noun(text, t.span.end);
    }
    lead.eq_ignore_ascii_case("for")
        || crate::lexicon::sets::ARTICLES.contains(lead)
        || (crate::time::lexicon::DAY_LIST_AND.contains(lead)
            && no_verb_after(text, noun_start + noun.len()))
}

/// True when the date ending at `end` is the first of a list of dates right before a noun whose
/// value is a day, with no verb after the noun ("trading in January 2031 and May 2030
/// expirations, but …"): each date of the list names the term. "In 1990 and 1991 deliveries
/// rose": a verb after the noun makes it the subject, and the dates time the clause.
fn listed_before_term_noun(text: &str, end: usize) -> bool {
    let mut words = text
        .get(end..)
        .unwrap_or("")
        .split_whitespace()
        .take(6)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        });
    if !words
        .next()
        .is_some_and(|j| crate::time::lexicon::DAY_LIST_AND.contains(&j))
    {
        return false;
    }
    // the next date: a month's name and a number, or a number alone ("and 1991")
    for _ in 0..3 {
        let Some(word) = words.next() else {
            return false;
        };
        if crate::time::lexicon::TERM_NOUN.contains(&word) {
            return words.next().is_none_or(|w| !word_has_tense(&w));
        }
        let dated = crate::time::lexicon::month(&word).is_some()
            || (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()));
        if !dated {
            return false;
        }
    }
    false
}

/// True when the word after `at` (spaces only between) marks no tense: the noun before it is no
/// subject of a verb that follows.
fn no_verb_after(text: &str, at: usize) -> bool {
    let (_, word) = crate::text::word_after(text, at, Gap::Spaces);
    !word_has_tense(word)
}

/// True when `word` alone marks a tense ("rose", "fell").
fn word_has_tense(word: &str) -> bool {
    !word.is_empty() && has_verb(word, Span::new(0, word.len()))
}

/// True for a year of four digits and its successor's last two after a dash ("1990-91",
/// written so or read as the year with "-91" after it): a season or fiscal year split over two.
fn split_by_dash(written: &str, after: &str) -> bool {
    let (year, tail) = match written.split_once(['-', '\u{2013}']) {
        Some((y, t)) => (y, t),
        None => match after.strip_prefix(['-', '\u{2013}']) {
            Some(rest) => (written, rest.get(..2).unwrap_or("")),
            None => return false,
        },
    };
    let (Ok(y), Ok(next)) = (year.trim().parse::<u32>(), tail.trim().parse::<u32>()) else {
        return false;
    };
    year.trim().len() == 4 && tail.trim().len() == 2 && (y + 1) % 100 == next
}

/// True for a date after "fiscal", perhaps with "year" between ("fiscal March 1990", "fiscal
/// year 1990"), or after a period and "to" ([`period_to`]): it names an accounting year, a
/// span that ends there, not an event.
fn fiscal_period(text: &str, t: &Temporal) -> bool {
    let (lead_start, lead) = word_before(text, t.span.start, Gap::Spaces);
    let lead = if lead.eq_ignore_ascii_case("year") {
        word_before(text, lead_start, Gap::Spaces).1
    } else {
        lead
    };
    lead.eq_ignore_ascii_case("fiscal") || period_to(text, t)
}

/// True for a date after a noun of an accounting period and "to", perhaps with "end" before it
/// ("the year to March 31, 1990", "the six months to end-June 1990"): the last day of the
/// period it names, not an event.
fn period_to(text: &str, t: &Temporal) -> bool {
    let (mut at, mut word) = word_before(text, t.span.start, Gap::Hyphens);
    if crate::time::lexicon::PERIOD_EDGE.contains(word) {
        (at, word) = word_before(text, at, Gap::Spaces);
    }
    if !word.eq_ignore_ascii_case("to") {
        return false;
    }
    crate::time::lexicon::PERIOD_TO.contains(word_before(text, at, Gap::Spaces).1)
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

/// True for a bare year (`t`) whose year the text also tells as coming: a date of that year
/// told in the future tense, under a modal or hung on a verb of no done event ("the 2031
/// timeline would be a stretch", "plans to launch by 2031"). The writer sees that year ahead,
/// so a past clause naming it reports a plan or a forecast ("the board approved a launch in
/// 2031"), no event done by then.
pub fn year_told_ahead(a: &Analysis, t: &Temporal) -> bool {
    use chrono::Datelike;
    let Raw::Year(_) = t.raw else {
        return false;
    };
    let Some(year) = t.value.first_day().map(|d| d.year()) else {
        return false;
    };
    a.dates.iter().any(|x| {
        x.span != t.span
            && x.year_stated()
            && x.value.first_day().is_some_and(|d| d.year() == year)
            && (told_as_coming(a, x) || not_told_as_done(a, x))
    })
}

/// True when dates told as done but falling after publication are enough to say the text
/// contradicts it: a day or a month at least, or bare years in two sentences. One bare year
/// in one sentence is no proof: business and political copy names coming years in past
/// clauses all the time ("offered little sign of 2031", "committed to a launch by the end
/// of 2031"), and a wrong header shows in more than one place.
pub fn later_dates_corroborated<'a>(later: impl IntoIterator<Item = &'a Temporal>) -> bool {
    let mut sentence = None;
    for t in later {
        if !matches!(t.raw, Raw::Year(_)) {
            return true;
        }
        match sentence {
            None => sentence = Some(t.sentence),
            Some(s) if s != t.sentence => return true,
            Some(_) => {}
        }
    }
    false
}

/// The last date written with its year (a day, a month or a year) before `t` in `t`'s
/// paragraph: a chronology or a factbox runs on in the year of its last dated entry ("July 9,
/// 2009 - The board quit. November 12 - The banks agreed"), so a year-less day there may be of
/// that year.
pub fn last_dated_entry<'a>(a: &'a Analysis, t: &Temporal) -> Option<&'a Temporal> {
    let para = |s: Option<usize>| {
        s.and_then(|i| a.article.sentences.get(i))
            .map(|x| x.paragraph)
    };
    let here = para(t.sentence)?;
    a.dates.iter().rfind(|x| {
        x.span.end <= t.span.start
            && x.year_stated()
            && para(x.sentence) == Some(here)
            && matches!(x.kind, Kind::Date | Kind::Month | Kind::Year)
    })
}

#[cfg(test)]
mod tests {
    use super::revision_line;

    #[test]
    fn a_revision_stamp_is_a_whole_word_of_its_line() {
        assert!(revision_line("last modified: march 20, 2031 10:02"));
        assert!(revision_line("edited time: march 13, 2031"));
        assert!(!revision_line(
            "published: march 13, 2031; updated march 14"
        ));
        // a word that only contains a stamp word is none
        assert!(!revision_line("photo credited to newswire, march 13, 2031"));
    }
}
