//! The sources index: what every other article says — its figures (claims), its dated events
//! and the names it gives — in a compact summary, and the matching that compares them.
//!
//! Pure core: summaries are built from an [`Analysis`]; reading files and the on-disk cache are
//! the shells' job (`crate::cache`).

mod antecedent;
mod apart;
pub mod compare;
pub mod details;
mod direction;
mod duration;
mod event_days;
mod holder;
mod index;
mod lead_toll;
pub mod matching;
mod roundup;
mod sorted;
mod street;
mod subjects;
mod victim;
mod word_ids;

pub use index::Index;

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::figures::attribution::with_referent;
use crate::text::{tokenize, ColUnit, Span, Tok, TokKind};
use crate::time::{Kind, Value};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A figure as the index keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSummary {
    /// The figure's words in its file.
    pub span: (usize, usize),
    /// 0-based line and character column of the start.
    pub line: u32,
    /// 0-based character column.
    pub col: u32,
    /// The figure's words.
    pub text: String,
    /// Lowest value.
    pub min: f64,
    /// Highest value; None when unbounded ("at least 30").
    pub max: Option<f64>,
    /// The qualifier as written.
    pub qualifier: Option<String>,
    /// The thing counted.
    pub noun: Option<String>,
    /// Measure category (`killed`, `money`, …).
    pub measure: String,
    /// Who says so, for messages and tables: the article's words, and the name a definite
    /// description or a pronoun stands for ("the company (Velmar Corp)", "it (Velmar Corp)", see
    /// [`crate::figures::attribution::with_referent`]).
    pub source: Option<String>,
    /// True when the source is named.
    pub named: bool,
    /// Places named in its sentence.
    pub places: Vec<String>,
    /// Content words of its sentence (lowercase), for telling topics apart.
    pub context: Vec<String>,
    /// The places the figure is given for ("37 people died in Brackwater County", "In Bhutan, 310 …"),
    /// lowercase; empty when the sentence does not tie it to a place.
    #[serde(default)]
    pub scope: Vec<String>,
    /// Dated in a year before publication (a background fact, not today's news).
    pub historical: bool,
    /// An increment ("40 more", "16 new"), not a total.
    pub increment: bool,
    /// A projection, not a count ("the toll could surpass 9,000").
    #[serde(default)]
    pub projected: bool,
    /// The year its sentence ties it to ("85 people killed in a 2018 fire"), if it names one
    /// (not "since 1918", which runs to today).
    #[serde(default)]
    pub year: Option<i32>,
    /// Its sentence counts many incidents of a place ("wounded in shootings across the city").
    #[serde(default)]
    pub roundup: bool,
    /// For a length of time, what it measures: the words of the phrase a preposition ties to
    /// it ("on the bench"; see [`duration::head`]); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub head: Vec<String>,
    /// For a length of time, true when it is a window framing a comparison ("the worst flood
    /// of the past 40 years"; see [`duration::frame`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub frame: bool,
    /// The group it counts, worked out once from the noun, measure and context (filled by
    /// [`summarize`] and [`Index::insert`]; not stored in the cache).
    #[serde(skip)]
    pub group: Option<matching::Group>,
}

/// A date with the clause it anchors ("fighting began … September 27").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    /// The date's words in its file.
    pub span: (usize, usize),
    /// 0-based line.
    pub line: u32,
    /// 0-based character column.
    pub col: u32,
    /// The date as written.
    pub text: String,
    /// The day it names.
    pub date: NaiveDate,
    /// Content words near the date (lowercase).
    pub words: Vec<String>,
    /// Hashes of `words`, sorted (filled when indexed; not stored in the cache).
    #[serde(skip)]
    pub word_hashes: Vec<u64>,
}

/// A calendar day named in an article (any resolved date: "Oct. 9", "on Thursday"), first
/// mention only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayMention {
    /// The day.
    pub date: NaiveDate,
    /// 0-based line of the first mention.
    pub line: u32,
    /// The words used there.
    pub text: String,
}

/// A person as named in an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NameSummary {
    /// The name's words in its file.
    pub span: (usize, usize),
    /// 0-based line.
    pub line: u32,
    /// 0-based character column.
    pub col: u32,
    /// The name without a title ("Dmitry Korlanov").
    pub name: String,
    /// The title, when given ("Paraguayan Foreign Minister").
    pub title: Option<String>,
}

/// Everything the index keeps about one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The file's path.
    pub path: String,
    /// Who published it: front-matter `outlet`/`source`/`publisher`, else the file name.
    pub outlet: String,
    /// Publication date for matching: the dateline, or the date the body fits when the
    /// dateline is contradicted.
    pub published: Option<NaiveDate>,
    /// Content hash of the text it was built from.
    pub hash: u64,
    /// Its figures.
    pub claims: Vec<ClaimSummary>,
    /// Its dated events.
    pub events: Vec<EventSummary>,
    /// Its people.
    pub names: Vec<NameSummary>,
    /// Every entity name in it (lowercase), for telling stories apart.
    pub topics: Vec<String>,
    /// Sorted hashes of its content words and topics, for telling stories apart (weighted by
    /// how rare each word is in the index). Not in the JSON form: the cache keeps them as a
    /// compact blob beside it.
    #[serde(default, skip_serializing)]
    pub keywords: Vec<u64>,
    /// Every calendar day it names, once each (for "the same day in other sources").
    #[serde(default)]
    pub days: Vec<DayMention>,
    /// The places it names (lowercase, sorted, one name per place: "brackwater" for "Brackwater County").
    #[serde(default)]
    pub places: Vec<String>,
    /// The organisations and people its opening sentences name (lowercase, sorted): whom the
    /// story is about (see `subjects::lead_subjects`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Ages, times of day and street blocks it names, which tell one incident from another
    /// of the same kind (see [`details::differ`]).
    #[serde(default, skip_serializing_if = "details::Details::is_empty")]
    pub details: details::Details,
}

/// Sorted hashes of words, for fast overlap counts.
pub fn hash_words(words: &[String]) -> Vec<u64> {
    let mut h: Vec<u64> = words.iter().map(|w| content_hash(w)).collect();
    h.sort_unstable();
    h.dedup();
    h
}

/// A stable 64-bit FNV-1a hash of a text (the same in every run and build).
pub fn content_hash(text: &str) -> u64 {
    // FNV-1a, hand-written on purpose: the hash is stored in the on-disk cache, so it must not
    // change with a hashing crate's version (rustc-hash's FxHasher changed its output in 2.0).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

crate::word_set!(
    /// Prepositions after a figure that give the place it counts in ("12 dead in the capital").
    SCOPE_PREPOSITIONS = file "place-prepositions.tsv", tag "scope"
);

crate::word_set!(
    /// Words too common in news copy to tell stories or figures apart.
    STOP = files ["stop-words.txt", "story-stop-words.txt"]
);

/// The content words of a span: four characters or more, not all digits, not stop words,
/// each passed to `f` in lowercase (as a `&str` valid for the call).
fn each_content_word(text: &str, span: Span, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in span.slice(text).split(|c: char| !c.is_alphanumeric()) {
        if let Some(w) = content_word(w, &mut buf) {
            f(w);
        }
    }
}

/// `w` (a run of alphanumeric characters) in lowercase in `buf` when it is a content word: four
/// characters or more, not all digits, not a stop word.
#[inline(always)]
fn content_word<'b>(w: &str, buf: &'b mut String) -> Option<&'b str> {
    if w.len() < 4 || (w.is_ascii() && w.bytes().all(|b| b.is_ascii_digit())) {
        // fewer than four bytes is fewer than four characters
        return None;
    }
    if !w.is_ascii() && (w.chars().count() < 4 || w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if STOP.contains(w) {
        return None;
    }
    buf.clear();
    if w.is_ascii() {
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
    Some(buf)
}

/// Each run of alphanumeric characters of the text `toks` cover, as splitting that text at every
/// other character gives them (empty runs left out): the tokenizer drops white space alone, so a
/// run goes on across adjacent tokens ("10km" is a number and a word) and stops inside one
/// ("don't").
fn each_alnum_run<'a>(text: &'a str, toks: &[Tok<'a>], mut f: impl FnMut(&'a str)) {
    let mut run: Option<(usize, usize)> = None;
    let mut piece = |from: usize, to: usize, run: &mut Option<(usize, usize)>| match run {
        Some((_, end)) if *end == from => *end = to,
        _ => {
            if let Some((a, b)) = run.replace((from, to)) {
                f(text.get(a..b).unwrap_or(""));
            }
        }
    };
    for t in toks {
        let whole = t.kind == TokKind::Num
            || (t.kind == TokKind::Word && t.text.bytes().all(|b| b.is_ascii_alphabetic()));
        if whole {
            piece(t.span.start, t.span.end, &mut run);
            continue;
        }
        let mut from = None;
        for (i, c) in t.text.char_indices() {
            if c.is_alphanumeric() {
                from.get_or_insert(i);
            } else if let Some(s) = from.take() {
                piece(t.span.start + s, t.span.start + i, &mut run);
            }
        }
        if let Some(s) = from {
            piece(t.span.start + s, t.span.end, &mut run);
        }
    }
    if let Some((a, b)) = run {
        f(text.get(a..b).unwrap_or(""));
    }
}

/// What claims of one sentence share: its content words ([`words_of`]) and whether it is a
/// round-up ([`roundup::is_roundup`]), from one tokenization.
fn sentence_words(text: &str, span: Span) -> (Vec<String>, bool) {
    let toks = tokenize(text, span);
    let roundup = roundup::is_roundup(&toks);
    let mut out: Vec<String> = Vec::new();
    let mut buf = String::new();
    each_alnum_run(text, &toks, |w| {
        if let Some(w) = content_word(w, &mut buf) {
            out.push(w.to_string());
        }
    });
    out.sort_unstable();
    out.dedup();
    (out, roundup)
}

/// Lowercase content words of a span (four letters or more, not stop words), sorted, once each.
pub fn words_of(text: &str, span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    each_content_word(text, span, |w| out.push(w.to_string()));
    out.sort_unstable();
    out.dedup();
    out
}

/// [`hash_words`] of [`words_of`], without building the strings.
pub fn word_hashes_of(text: &str, span: Span) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    each_content_word(text, span, |w| out.push(content_hash(w)));
    out.sort_unstable();
    out.dedup();
    out
}

/// The countries and states (`matching::is_scope`) a sentence names, capitalised, whatever the
/// entity tagger made of the words around them ("Swaziland, Bhutan Rises to 640" in a
/// headline).
///
/// Words of the names of people and organisations (`names`, with their spans: "Georgia Smith",
/// "the Uruguay Evening Ledger"; not the title in "Swaziland's President Tomas Vell") are
/// skipped, except in a Title Case headline, where the tagger joins everything, and except a
/// name that is itself a place the tagger took for a person ("North Carolina").
fn named_countries(text: &str, sentence: Span, names: &[(Span, String)]) -> Vec<String> {
    let s = text.get(sentence.start..sentence.end).unwrap_or("");
    // words with their offsets in the text
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut from = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphabetic(), from) {
            (true, None) => from = Some(i),
            (false, Some(f)) => {
                words.push((sentence.start + f, &s[f..i]));
                from = None;
            }
            _ => {}
        }
    }
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let long: Vec<&str> = words
        .iter()
        .map(|(_, w)| *w)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let headline =
        !long.is_empty() && long.iter().filter(|w| cap(w)).count() * 10 >= long.len() * 7;
    let in_name = |at: usize, w: &str| {
        let w = w.to_lowercase();
        !headline
            && names.iter().any(|(span, name)| {
                span.start <= at
                    && at < span.end
                    && name.split(|c: char| !c.is_alphabetic()).any(|x| x == w)
                    && !matching::is_scope(name)
            })
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (at, w) = words[i];
        if !cap(w) || named_as_agent(text, sentence, at) || in_name(at, w) {
            i += 1;
            continue;
        }
        let two = words
            .get(i + 1)
            .filter(|(_, n)| cap(n))
            .map(|(_, n)| format!("{} {}", w.to_lowercase(), n.to_lowercase()));
        if let Some(two) = two.filter(|t| matching::is_scope(t)) {
            if !out.contains(&two) {
                out.push(two);
            }
            i += 2;
            continue;
        }
        let one = country_name(&w.to_lowercase());
        if matching::is_scope(&one) && !out.contains(&one) {
            out.push(one);
        }
        i += 1;
    }
    out
}

/// The sentence without a filing line at its start: an upper-case prefix ending in a dash
/// ("LONDON –", "CITY, COUNTRY (9:25 A.M.) —") names where the story was written.
fn after_filing_line(text: &str, sentence: Span) -> Span {
    let s = sentence.slice(text);
    // after the dateline header (" date 2031-04-17 ") when the sentence holds it
    let skip = s.len() - s.trim_start().len();
    let skip = match s.trim_start().strip_prefix("date ") {
        Some(r)
            if r.get(..10)
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-')) =>
        {
            skip + 5 + 10
        }
        _ => 0,
    };
    let sentence = Span::new(sentence.start + skip.min(s.len()), sentence.end);
    let s = sentence.slice(text);
    let head = s.get(..s.len().min(80)).unwrap_or("");
    let dash = ["–", "—", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| i + d.len()))
        .min();
    match dash {
        Some(end)
            if head.get(..end).is_some_and(|p| {
                p.chars().any(char::is_uppercase) && !p.chars().any(char::is_lowercase)
            }) =>
        {
            Span::new(sentence.start + end, sentence.end)
        }
        _ => sentence,
    }
}

/// True when the place at `at` is named as the one who acted, not where the figure happened:
/// "a rocket strike on Erdenet by Uruguay" (not "the toll from Swaziland's floods").
fn named_as_agent(text: &str, sentence: Span, at: usize) -> bool {
    let before = text.get(sentence.start..at).unwrap_or("");
    let (_, last) = crate::text::word_before(before, before.len(), crate::text::Gap::Spaces);
    last.eq_ignore_ascii_case("by")
}

/// True when the date nearest a figure in its sentence lies in an earlier year than the
/// publication ("a tsunami that killed 61 people in 1960", even beside "on Tuesday").
fn nearest_date_is_past(a: &Analysis, c: &crate::figures::Claim) -> bool {
    let Some(p) = a.article.published.as_ref() else {
        return false;
    };
    let distance = |s: Span| {
        if s.end <= c.span.start {
            c.span.start - s.end
        } else {
            s.start.saturating_sub(c.span.end)
        }
    };
    a.dates
        .iter()
        .filter(|d| d.sentence == Some(c.sentence))
        .min_by_key(|d| distance(d.span))
        .and_then(|d| d.value.last_day())
        .is_some_and(|l| chrono::Datelike::year(&l) < chrono::Datelike::year(&p.date))
}

/// The places a figure is given for: "… killed in Swaziland and Bhutan" right after it, or a
/// sentence opening "In Bhutan, …" before it. `places` are the sentence's places, in order.
fn figure_scope(
    text: &str,
    sentence: Span,
    figure: Span,
    places: &[&crate::entities::Entity],
) -> Vec<String> {
    let mut v = figure_scope_names(text, sentence, figure, places);
    for p in &mut v {
        *p = scope_name(p);
    }
    v.dedup();
    v
}

/// One name for a place as a scope: "Brackwater County" and "Brackwater" are one county,
/// "Eswatini" and "Swaziland" one country (its gazetteer name).
fn scope_name(p: &str) -> String {
    let p = p.trim();
    let p = if crate::lexicon::places::is_place(p) {
        // "New Jersey", "South Australia": names of their own
        p
    } else {
        crate::entities::PLACE_SUFFIXES
            .iter()
            .find_map(|s| p.strip_suffix(s))
            .map_or(p, str::trim_end)
    };
    match crate::lexicon::places::country(p) {
        Some(c) => crate::lexicon::places::key(c),
        None => p.to_string(),
    }
}

/// The country or state a place lies in when its name says so: "northern Bhutan" is in Bhutan
/// (not "North Carolina", a name of its own); else its [`scope_name`].
fn country_name(p: &str) -> String {
    let whole = scope_name(p);
    if matching::is_scope(&whole) {
        // "Northern Ireland", "Western Sahara": names of their own
        return whole;
    }
    let p = p.trim();
    crate::lexicon::sets::COMPASS_ADJECTIVES
        .iter()
        .find_map(|d| p.strip_prefix(d).and_then(|r| r.strip_prefix(' ')))
        .map(scope_name)
        .filter(|rest| matching::is_scope(rest))
        .unwrap_or(whole)
}

/// "21 in Brackwater", "three in Fenmoor County": a capitalised name right after "in" that follows
/// the figure, when the entity tagger did not take it for a place (lowercase).
fn name_after_in(text: &str, figure: Span, sentence: Span) -> Option<String> {
    let rest = text.get(figure.end..sentence.end)?;
    // "21 in Brackwater", "260 people died in Eswatini": "in" within the next few words
    let at = rest
        .split(' ')
        .take(4)
        .scan(0usize, |off, w| {
            let here = *off;
            *off += w.len() + 1;
            Some((here, w))
        })
        .find(|(_, w)| *w == "in")
        .map(|(i, _)| i)?;
    let gap = rest.get(..at)?;
    if gap.contains([',', ';', '.', '(', '"', '“']) {
        return None;
    }
    let rest = rest.get(at + 3..)?;
    let mut words = Vec::new();
    for raw in rest.split(' ').take(3) {
        let w = raw.trim_end_matches([',', '.', ';', ':']);
        if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push(w.to_lowercase());
        if w.len() < raw.len() {
            break; // punctuation ends the name
        }
    }
    if words.is_empty() || words.first().is_some_and(|w| w == "the") {
        return None;
    }
    Some(words.join(" "))
}

fn figure_scope_names(
    text: &str,
    sentence: Span,
    figure: Span,
    places: &[&crate::entities::Entity],
) -> Vec<String> {
    // a chain of places from places[i]: "Swaziland and Bhutan", "Brackwater, Fenmoor and Ashby counties"
    let chain = |i: usize| -> (Vec<String>, usize) {
        let mut out = vec![places[i].name.to_lowercase()];
        let mut end = places[i].span.end;
        for p in places.iter().skip(i + 1) {
            let gap = text.get(end..p.span.start).unwrap_or("x").trim();
            if !(gap.is_empty() || gap == "," || gap == "and" || gap == ", and" || gap == "&") {
                break;
            }
            out.push(p.name.to_lowercase());
            end = p.span.end;
        }
        (out, end)
    };
    // after the figure: "in X", "across X", "in southern X", within a few words
    for (i, p) in places.iter().enumerate() {
        if p.span.start < figure.end {
            continue;
        }
        let Some(gap) = text.get(figure.end..p.span.start) else {
            break;
        };
        if gap.len() > 60 || gap.contains([',', ';', '.', '(', '"', '“']) {
            break;
        }
        let g = gap.to_lowercase();
        let words: Vec<&str> = g.split_whitespace().collect();
        let prep = words.iter().rposition(|w| SCOPE_PREPOSITIONS.contains(w));
        if let Some(k) = prep {
            // only adjectives between the preposition and the place ("in southern Swaziland")
            if words.len() - k <= 3 {
                return chain(i).0;
            }
        }
        break;
    }
    // before it: a sentence opening "In X, …"
    let head = text.get(sentence.start..figure.start).unwrap_or("");
    let trimmed = head.trim_start();
    if trimmed
        .get(..3)
        .is_some_and(|h| h.eq_ignore_ascii_case("in "))
    {
        let offset = sentence.start + (head.len() - trimmed.len()) + 3;
        // "In Bhutan, …", "In north and northwestern Bhutan, …" (a region of the place)
        let opening = |p: &&crate::entities::Entity| {
            p.span.start == offset
                || text.get(offset..p.span.start).is_some_and(|g| {
                    g.split_whitespace().all(|w| {
                        let w = w.to_lowercase();
                        w == "and"
                            || crate::lexicon::sets::COMPASS_POINT_SET.contains(&w)
                            || crate::lexicon::sets::COMPASS_ADJECTIVES.contains(&w)
                    })
                })
        };
        if let Some(i) = places.iter().position(opening) {
            let (mut names, end) = chain(i);
            if places[i].span.start != offset {
                // a region: "north and northwestern Bhutan" is not all of Bhutan
                if let (Some(first), Some(region)) =
                    (names.first_mut(), text.get(offset..places[i].span.start))
                {
                    let region: Vec<&str> = region.split_whitespace().collect();
                    *first = format!("{} {first}", region.join(" ").to_lowercase());
                }
            }
            if text
                .get(end..figure.start)
                .is_some_and(|g| g.trim_start().starts_with(','))
            {
                return names;
            }
        }
    }
    name_after_in(text, figure, sentence).into_iter().collect()
}

/// Outlet of an article: its front matter's `outlet`/`source`/`publisher`, else the file name.
pub fn outlet_of(path: &str, a: &Analysis) -> String {
    if let Some(o) = a.article.outlet() {
        return o.to_string();
    }
    let p = std::path::Path::new(path);
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
        .to_string()
}

/// Builds the summary of one analysed article; `published` is the publication date used for
/// matching (the engine passes the date the body fits when it contradicts the dateline, see
/// `engine::summarize`).
pub fn summarize_dated(path: &str, a: &Analysis, published: Option<NaiveDate>) -> ArticleSummary {
    let text = &a.text;
    let topics = topics_of(a);
    let mut places: Vec<String> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| country_name(&e.name.to_lowercase()))
        .collect();
    places.sort();
    places.dedup();
    // the prose only: no page furniture, code or link targets (see `Article::skipped`)
    let mut keywords = word_hashes_of(&a.article.prose(text), a.article.body);
    keywords.extend(topics.iter().map(|t| content_hash(t)));
    keywords.sort_unstable();
    keywords.dedup();
    ArticleSummary {
        path: path.to_string(),
        outlet: outlet_of(path, a),
        published,
        hash: content_hash(text),
        claims: claim_summaries(a),
        events: event_summaries(a),
        names: name_summaries(a),
        topics,
        keywords,
        days: day_mentions(a),
        subjects: subjects::lead_subjects(a),
        details: if matching::local_places(&places) {
            details::Details::of(a)
        } else {
            details::Details::of(a).for_country()
        },
        places,
    }
}

/// Line and column (in characters) of a byte offset, as summaries store them.
fn line_col(a: &Analysis, off: usize) -> (u32, u32) {
    let l = a.lines().line_col(&a.text, off, ColUnit::Char);
    (l.line as u32, l.col as u32)
}

/// Each claim with what matching needs: its values, source, places, sentence words and scope.
fn claim_summaries(a: &Analysis) -> Vec<ClaimSummary> {
    let text = &a.text;
    let lc = |off: usize| line_col(a, off);
    // claims of one sentence share its words and whether it is a round-up of many incidents
    let mut words: HashMap<usize, (Vec<String>, bool)> = HashMap::new();
    // and the countries it names
    let mut countries: HashMap<usize, Vec<String>> = HashMap::new();
    let mut out: Vec<ClaimSummary> = a
        .claims
        .iter()
        .map(|c| {
            let (line, col) = lc(c.span.start);
            let sentence = a
                .article
                .sentences
                .get(c.sentence)
                .map_or(c.span, |s| s.span);
            // "CITY, COUNTRY (time) –": where the story was filed, not where it happened
            let sentence = after_filing_line(text, sentence);
            let in_sentence: Vec<&crate::entities::Entity> = a
                .entities
                .iter()
                .filter(|e| e.sentence == c.sentence && e.kind == EntityKind::Place)
                .filter(|e| e.span.start >= sentence.start)
                .collect();
            let mut places: Vec<String> = in_sentence
                .iter()
                .filter(|e| !named_as_agent(text, sentence, e.span.start))
                .map(|e| country_name(&e.name.to_lowercase()))
                .collect();
            for p in countries
                .entry(c.sentence)
                .or_insert_with(|| {
                    let names: Vec<(Span, String)> = a
                        .entities
                        .iter()
                        .filter(|e| e.sentence == c.sentence && e.kind != EntityKind::Place)
                        .map(|e| (e.span, e.name.to_lowercase()))
                        .collect();
                    named_countries(text, sentence, &names)
                })
                .iter()
            {
                if !places.contains(p) {
                    places.push(p.clone());
                }
            }
            let scope = figure_scope(text, sentence, c.span, &in_sentence);
            let year = c.readings.year;
            let (context, roundup) = words
                .entry(c.sentence)
                .or_insert_with(|| sentence_words(text, sentence));
            let lasts = matches!(c.measure, crate::figures::Measure::Duration);
            let head = if lasts {
                duration::head(text, sentence, c.span)
            } else {
                Vec::new()
            };
            let frame = lasts && duration::frame(text, sentence, c.span);
            ClaimSummary {
                span: (c.span.start, c.span.end),
                line,
                col,
                text: c.span.slice(text).to_string(),
                min: c.value.min,
                // "the toll passed 9,000": more than the number
                max: c.value.max.is_finite().then_some(c.value.max).filter(|_| {
                    c.qualifier.is_some()
                        || !matching::counts_over_time(c.measure.as_str())
                        || !c.readings.passed
                }),
                qualifier: c.qualifier.clone(),
                noun: c.readings.speed_unit.clone().or_else(|| c.noun.clone()),
                measure: c.measure.as_str().to_string(),
                source: c
                    .attribution
                    .as_ref()
                    .map(|x| with_referent(x, &a.entities, &a.claims)),
                named: c.attribution.as_ref().is_some_and(|x| x.named),
                places,
                context: context.clone(),
                scope,
                historical: c.historical
                    || nearest_date_is_past(a, c)
                    || year
                        .zip(a.article.published.as_ref())
                        .is_some_and(|(y, p)| y < chrono::Datelike::year(&p.date)),
                increment: c.readings.increment,
                projected: c.readings.projected,
                year,
                roundup: *roundup,
                head,
                frame,
                group: None,
            }
            .with_group()
        })
        .collect();
    others_from_turn(a, &mut out);
    out
}

/// Marks as round-up figures the claims of the sentence where the story turns to other
/// incidents ([`roundup::turns_to_others`]) and of every sentence after it.
fn others_from_turn(a: &Analysis, out: &mut [ClaimSummary]) {
    if out.is_empty() {
        return;
    }
    let Some(turn) = roundup::turn(a) else { return };
    for (c, s) in a.claims.iter().zip(out.iter_mut()) {
        if c.sentence >= turn {
            s.roundup = true;
        }
    }
}

/// Each dated event with the few words around its date. A wire dateline's day ("HARBOUR CITY,
/// May 5 (Newswire) --") is the day the story was filed, no event of the story.
fn event_summaries(a: &Analysis) -> Vec<EventSummary> {
    let text = &a.text;
    let lc = |off: usize| line_col(a, off);
    a.dates
        .iter()
        .filter(|t| t.kind == Kind::Date && !crate::article::wire_dateline(text, t.span))
        .filter_map(|t| {
            let Value::Date(d) = t.value else { return None };
            let s = t.sentence.and_then(|i| a.article.sentences.get(i))?;
            // the clause around the date: a few words either side
            let from = text[s.span.start..t.span.start]
                .char_indices()
                .rev()
                .filter(|(_, c)| c.is_whitespace())
                .nth(8)
                .map_or(s.span.start, |(i, _)| s.span.start + i);
            let to = text[t.span.end..s.span.end]
                .char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .nth(8)
                .map_or(s.span.end, |(i, _)| t.span.end + i);
            let (line, col) = lc(t.span.start);
            Some(EventSummary {
                span: (t.span.start, t.span.end),
                line,
                col,
                text: t.span.slice(text).to_string(),
                date: d,
                words: words_of(text, Span::new(from, to)),
                word_hashes: Vec::new(),
            })
        })
        .collect()
}

/// People named with a first and last name, a possessive dropped.
fn name_summaries(a: &Analysis) -> Vec<NameSummary> {
    let lc = |off: usize| line_col(a, off);
    a.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
        .map(|e| {
            let (line, col) = lc(e.span.start);
            NameSummary {
                span: (e.span.start, e.span.end),
                line,
                col,
                name: e
                    .name
                    .strip_suffix("'s")
                    .or_else(|| e.name.strip_suffix("’s"))
                    .unwrap_or(&e.name)
                    .to_string(),
                title: e.title.clone(),
            }
        })
        .collect()
}

/// The story's proper nouns: entities, and capitalised words inside sentences (sorted, once).
fn topics_of(a: &Analysis) -> Vec<String> {
    let text = &a.text;
    let mut topics: Vec<String> = a.entities.iter().map(|e| e.name.to_lowercase()).collect();
    for s in &a.article.sentences {
        let mut first = true;
        for w in s
            .span
            .slice(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        {
            if w.is_empty() {
                continue;
            }
            let cap = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase);
            if cap
                && !first
                && w.chars().count() >= 3
                && crate::time::lexicon::month(w).is_none()
                && crate::time::lexicon::weekday(w).is_none()
            {
                topics.push(w.to_lowercase());
            }
            first = false;
        }
    }
    topics.sort();
    topics.dedup();
    topics
}

/// Each calendar day the article names, once, with the first words naming it.
fn day_mentions(a: &Analysis) -> Vec<DayMention> {
    let text = &a.text;
    let lc = |off: usize| line_col(a, off);
    let mut seen = std::collections::HashSet::new();
    a.dates
        .iter()
        .filter_map(|t| match t.value {
            Value::Date(d) if seen.insert(d) => Some(DayMention {
                date: d,
                line: lc(t.span.start).0,
                text: t.span.slice(text).to_string(),
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(path: &str, text: &str) -> ArticleSummary {
        crate::engine::summarize(path, &Analysis::new(text))
    }

    fn claim<'a>(s: &'a ArticleSummary, text: &str) -> &'a ClaimSummary {
        let found = s.claims.iter().find(|c| c.text.starts_with(text));
        assert!(found.is_some(), "no claim '{text}' in {:?}", s.claims);
        found.unwrap_or(&s.claims[0])
    }

    #[test]
    fn a_sentence_has_the_same_words_from_its_tokens_as_from_its_text() {
        let texts = [
            "Officials counted 1,204 homes burned near Ridgeview, officials said.",
            "The COVID19 ward took 10km of cable and 3rd-floor beds; don't worry.",
            "Café owners in Zürich’s old town said ’twas a “record” year: ²³ 1234 ٣٤٥٦ x²yz.",
            "  tabs\tand\u{b}vertical\u{a0}spaces\u{2003}between   words   ",
            "Mid-sentence hyphen-joined words, O'Brien's boat and rock'n'roll bands.",
            "",
        ];
        for t in texts {
            let span = Span::new(0, t.len());
            assert_eq!(sentence_words(t, span).0, words_of(t, span), "{t}");
            // a span that starts inside the text
            let span = Span::new(5, t.len());
            if t.is_char_boundary(5) {
                assert_eq!(sentence_words(t, span).0, words_of(t, span), "{t}");
            }
        }
    }

    #[test]
    fn lengths_of_two_different_things_are_no_two_sources() {
        // a judge's years on the bench and a quarrel framed by the last years
        let a = summary(
            "a.txt",
            " date 2031-03-04 Judge Orla Venn, who served 12 years on the Tessaly High Bench, \
             died on Thursday.\n",
        );
        let b = summary(
            "b.txt",
            " date 2031-03-04 Her ruling stirred the fiercest quarrel of the last 13 years, \
             friends said.\n",
        );
        let c = summary(
            "c.txt",
            " date 2031-03-04 She kept at it for 13 years with good humour, friends said.\n",
        );
        let d = summary(
            "d.txt",
            " date 2031-03-04 Orla Venn, 70, spent 13 years on the bench, her clerk said.\n",
        );
        let (x, y, z, w) = (
            claim(&a, "12 years"),
            claim(&b, "13 years"),
            claim(&c, "13 years"),
            claim(&d, "13 years"),
        );
        assert_eq!(x.head, vec!["tessaly", "high", "bench"]);
        assert!(y.frame && !x.frame);
        assert!(duration::apart(x, y));
        // a frame is no length of anything, headed or not
        assert!(duration::apart(z, y));
        // a length with no head of its own, or a head in common, compares
        assert!(!duration::apart(x, z));
        assert!(!duration::apart(x, w));
        assert_eq!(
            matching::rejection(&a, x, &b, y),
            Some("length of another thing")
        );
    }

    #[test]
    fn a_figure_is_scoped_to_the_places_it_is_given_for() {
        let s = summary(
            "a.txt",
            " date 2031-03-04 The floods killed more than 540 people in Swaziland and Bhutan, officials said. \
             In Bhutan, at least 180 people died, the health ministry said. \
             Rescuers in Swaziland pulled 40 people alive from the mud, Swazi officials said. \
             At least 37 people died in Brackwater County alone, the sheriff said. \
             The state counts 29 deaths, including 21 in Brackwater and 3 in Fenmoor. \
             At least 260 people died in Eswatini, the vice-president said.\n",
        );
        assert_eq!(claim(&s, "more than 540").scope, vec!["eswatini", "bhutan"]);
        assert_eq!(claim(&s, "at least 180").scope, vec!["bhutan"]);
        // "Rescuers in Swaziland" is not where the 40 were counted
        assert!(claim(&s, "40 people").scope.is_empty());
        // "Brackwater County" and "Brackwater" are one county; the list names places the tagger does not know
        assert_eq!(claim(&s, "At least 37").scope, vec!["brackwater"]);
        assert_eq!(claim(&s, "21").scope, vec!["brackwater"]);
        let three = s
            .claims
            .iter()
            .find(|c| c.text == "3")
            .map(|c| c.scope.clone());
        assert_eq!(three, Some(vec!["fenmoor".to_string()]));
        assert_eq!(claim(&s, "At least 260").scope, vec!["eswatini"]);
    }

    #[test]
    fn a_projection_is_not_a_count() {
        let s = summary(
            "a.txt",
            " date 2031-03-05 The toll, now past 2,600, could surpass 9,000, the agency said. \
             Officials expect the number to rise to 4,000, the minister said. \
             \"We fear that the deaths are in the hundreds,\" a doctor said. \
             The floods killed 1,900 people in Paraguay, officials said.\n",
        );
        assert!(claim(&s, "9,000").projected);
        assert!(claim(&s, "4,000").projected);
        assert!(claim(&s, "hundreds").projected);
        assert!(!claim(&s, "1,900").projected);
        assert!(!claim(&s, "2,600").projected);
        let s = summary(
            "b.txt",
            " date 2031-03-05 Fears grew as the toll rose to 2,700, officials said. \
             Officials who expect the toll to rise said 40 people had died in Uruguay. \
             Rescuers set out as deaths hit 1,500, the agency said.\n",
        );
        assert!(!claim(&s, "2,700").projected);
        assert!(!claim(&s, "40 people").projected);
        assert!(!claim(&s, "1,500").projected);
    }

    #[test]
    fn another_count_of_another_kind_is_no_increment() {
        let s = summary(
            "a.txt",
            " date 2031-06-14 The death toll stood on Saturday at 52, with another 17 people still missing, officials said. \
             Rescuers found another 3 bodies overnight, the mayor said.\n",
        );
        assert!(!claim(&s, "17 people").increment);
        assert!(claim(&s, "3 bodies").increment);
    }

    #[test]
    fn a_count_that_passed_a_number_is_above_it() {
        let s = summary(
            "a.txt",
            " date 2031-03-07 The death toll passed 9,000 on Thursday, officials said. \
             The toll has now topped 1,000 in Uruguay, the ministry said. \
             In the past 24 hours, 40 people died in Paraguay, officials said.\n",
        );
        assert_eq!(claim(&s, "9,000").max, None);
        assert_eq!(claim(&s, "1,000").max, None);
        assert_eq!(claim(&s, "24 hours").max, Some(24.0));
        // a distance is not a count that grows
        let s = summary(
            "b.txt",
            " date 2031-09-12 The eye passed 30 miles west of Montevideo, forecasters said.\n",
        );
        assert_eq!(claim(&s, "30 miles").max, Some(30.0));
    }

    #[test]
    fn names_of_people_are_not_places_but_titles_name_countries() {
        let s = summary(
            "a.txt",
            " date 2031-03-04 Georgia Smith, a nurse, said 12 people died at the hospital. \
             Swaziland's President Tomas Vell said 1,120 people were killed. \
             In Belfast, Northern Ireland, 3 people were hurt, police said.\n",
        );
        assert!(!claim(&s, "12 people")
            .places
            .contains(&"georgia".to_string()));
        assert!(claim(&s, "1,120").places.contains(&"eswatini".to_string()));
        let hurt = &claim(&s, "3 people").places;
        assert!(hurt.contains(&"northern ireland".to_string()), "{hurt:?}");
        assert!(!hurt.contains(&"ireland".to_string()), "{hurt:?}");
    }

    #[test]
    fn countries_are_read_from_headlines_and_regions() {
        let s = summary(
            "a.txt",
            "Death Toll from M6.1 Quake in Swaziland, Bhutan Rises to 640\n\n\
             The quake that hit southern Swaziland and Northern Bhutan has killed 2,400, officials said. \
             In north and northwestern Bhutan, at least 310 deaths were reported, the ministry said. \
             Four others died in North Carolina, officials said.\n",
        );
        let headline = claim(&s, "640");
        assert_eq!(headline.measure, "killed");
        assert!(headline.places.contains(&"bhutan".to_string()));
        assert!(headline.places.contains(&"eswatini".to_string()));
        let total = claim(&s, "2,400");
        assert!(
            total.places.contains(&"bhutan".to_string()),
            "{:?}",
            total.places
        );
        // a region is a scope of its own, not the whole country
        assert_eq!(
            claim(&s, "at least 310").scope,
            vec!["north and northwestern bhutan"]
        );
        assert!(claim(&s, "Four")
            .places
            .contains(&"north carolina".to_string()));
    }

    #[test]
    fn a_figure_beside_an_old_date_is_background() {
        let s = summary(
            "a.txt",
            " date 2031-08-12 The flood, which began on Tuesday, is deadlier than a storm that killed 47 people in 1974, officials said.\n",
        );
        assert!(claim(&s, "47 people").historical);
        assert_eq!(claim(&s, "47 people").year, Some(1974));
    }

    #[test]
    fn a_figure_is_tied_to_the_year_its_sentence_names() {
        let s = summary(
            "a.txt",
            "---\noutlet: Wire\n---\nThe toll passed the 64 people killed in a 2009 flood, the worst since 1931. \
             Some 12,000 people were killed in a war in the 1980s. \
             The flood has killed 74 people, the deadliest since 1931, officials said.\n",
        );
        assert_eq!(claim(&s, "64 people").year, Some(2009));
        assert_eq!(claim(&s, "Some 12,000").year, Some(1980));
        // "since 1931" runs to today
        assert_eq!(claim(&s, "74 people").year, None);
    }
}
