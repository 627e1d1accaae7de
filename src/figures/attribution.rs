//! Who says so: attaches an [`Attribution`] to each claim.
//!
//! Cues, in the claim's sentence: "according to X", "citing X", "X said/says/told/reported/
//! estimated/confirmed/announced/added", "…, said X", "X's statement said". Pronoun sources
//! ("It added that 12 soldiers…", "he said") take the source of the previous attributed
//! sentence of the paragraph. A figure inside a quotation is attributed to the quotation's
//! speaker, even when the speaker is named in another sentence of the quotation.

use super::Claim;
use crate::article::Article;
use crate::text::{tokenize, Span, Tok, TokKind};
use serde::Serialize;

/// How a figure is attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// "according to X", "citing X".
    AccordingTo,
    /// "X said", "said X", "X told".
    Said,
    /// "X's statement said", "in a statement".
    Statement,
    /// Inside a quotation with a speaker.
    Quote,
    /// "X reported", "reports say".
    Report,
}

impl AttributionKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Said => "said",
            AttributionKind::Statement => "statement",
            AttributionKind::Quote => "quote",
            AttributionKind::Report => "report",
        }
    }
}

/// The source of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The source as written ("the Third Secretary of the Azerbaijan Mission to the UN").
    pub source: String,
    /// Where the source is written.
    pub span: Span,
    /// The kind of cue.
    pub kind: AttributionKind,
    /// A named person or organisation, not "officials said" or "reports say".
    pub named: bool,
}

/// Verbs that attribute what is said to their subject.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "report",
    "estimated",
    "estimates",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "added",
    "adds",
    "stated",
    "states",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "tweeted",
    "noted",
    "notes",
    "explained",
    "warned",
    "insisted",
    "revealed",
    "declared",
    "indicated",
    "showed",
    "show",
    "shows",
    "recorded",
    "counted",
    "put",
    "puts",
    "cited",
    "quoted",
    "according",
    "reporting",
    "estimate",
    "figures",
    "data",
    "statistics",
    "tally",
    "count",
];

const PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "i"];

const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "had",
    "has",
    "have",
    "separately",
    "further",
    "then",
    "had",
    "would",
    "again",
    "publicly",
    "officially",
    "initially",
    "first",
];

const STOP_BACK: &[&str] = &[
    "and", "but", "as", "while", "which", "who", "that", "when", "after", "because", "where",
    "although", "though", "since", "than", "if", "so",
];

const ORG_WORDS: &[&str] = &[
    "ministry",
    "office",
    "agency",
    "department",
    "police",
    "government",
    "statement",
    "service",
    "council",
    "commission",
    "committee",
    "mission",
    "army",
    "military",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "governor",
    "mayor",
    "ombudsman",
    "prosecutor",
    "prosecutors",
    "sheriff",
    "coroner",
    "hospital",
    "centre",
    "center",
];

/// True when a source names a person or an organisation rather than "officials" or "reports".
pub fn is_named(source: &str, vague_words: &[String]) -> bool {
    let mut capital = false;
    let mut org = false;
    for (k, w) in source
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let lw = w.to_lowercase();
        if vague_words.iter().any(|v| v.eq_ignore_ascii_case(w)) {
            return false;
        }
        if ORG_WORDS.contains(&lw.as_str()) {
            org = true;
        }
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        if cap && !(k == 0 && matches!(lw.as_str(), "the" | "a" | "an" | "its" | "his" | "her")) {
            capital = true;
        }
    }
    capital || org
}

/// A cue found in one sentence.
#[derive(Clone, Debug)]
struct Cue {
    attribution: Attribution,
    pronoun: bool,
}

fn is_quote_char(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && matches!(
            t.text,
            "\"" | "\u{201C}" | "\u{201D}" | "\u{00AB}" | "\u{00BB}"
        )
}

fn is_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && (is_quote_char(t) || matches!(t.text, "," | "." | ";" | ":" | "(" | ")" | "!" | "?"))
}

fn words_span(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<(String, Span)> {
    if b <= a {
        return None;
    }
    let s = toks.get(a)?.span.start;
    let e = toks.get(b - 1)?.span.end;
    let span = Span::new(s, e);
    Some((span.slice(text).to_string(), span))
}

/// Finds the attribution cue of one sentence.
fn sentence_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    // "according to X", "citing X"
    for (i, t) in toks.iter().enumerate() {
        let (skip, kind) = if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            (2, AttributionKind::AccordingTo)
        } else if t.is("citing") {
            (1, AttributionKind::Report)
        } else {
            continue;
        };
        let a = i + skip;
        let mut b = a;
        while b < toks.len() && b < a + 14 {
            let Some(x) = toks.get(b) else { break };
            if is_break(x) || x.kind == TokKind::Num || (b > a && x.is("that")) {
                break;
            }
            b += 1;
        }
        if let Some((source, span)) = words_span(text, toks, a, b) {
            let named = is_named(&source, vague);
            return Some(Cue {
                attribution: Attribution {
                    source,
                    span,
                    kind,
                    named,
                },
                pronoun: false,
            });
        }
    }
    // speech verbs
    for (v, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || !SPEECH_VERBS.iter().any(|w| t.is(w)) {
            continue;
        }
        // passive "is said to", "were recorded": no source given
        let prev = v.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| BE.iter().any(|w| p.is(w))) {
            continue;
        }
        if let Some(c) = verb_cue(text, toks, v, vague) {
            return Some(c);
        }
    }
    // headlines: "Officials: 40 dead", "Shelling leaves seven dead: Azerbaijan"
    colon_cue(text, toks, vague)
}

const BE: &[&str] = &["is", "are", "was", "were", "been", "be", "being"];

/// Words that cannot be part of a source noun phrase (verbs, mostly).
const NOT_IN_SOURCE: &[&str] = &[
    "is", "are", "was", "were", "been", "be", "has", "have", "had", "took", "take", "takes",
    "made", "make", "makes", "did", "does", "do", "will", "would", "could", "can", "may", "might",
    "should", "must", "remain", "remains", "rose", "rise", "rises", "fell", "killed", "died",
    "left", "leaves", "hit", "struck", "without", "with", "than", "not", "now", "just", "still",
    "only", "more", "another", "there", "here", "deaths", "dead", "people",
];

/// Head words of a source phrase written in lower case.
const SOURCE_HEADS: &[&str] = &[
    "ministry",
    "office",
    "officials",
    "official",
    "police",
    "authorities",
    "authority",
    "agency",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "report",
    "reports",
    "media",
    "data",
    "figures",
    "service",
    "department",
    "government",
    "minister",
    "president",
    "mayor",
    "governor",
    "sheriff",
    "coroner",
    "examiner",
    "examiners",
    "prosecutor",
    "prosecutors",
    "witnesses",
    "residents",
    "experts",
    "analysts",
    "sources",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "survey",
    "poll",
    "study",
    "commission",
    "committee",
    "council",
    "army",
    "military",
    "rescuers",
    "doctors",
    "hospital",
    "organization",
    "organisation",
    "centre",
    "center",
    "group",
    "campaign",
    "officer",
    "officers",
    "chief",
    "director",
    "agencies",
    "outlet",
    "newspaper",
    "broadcaster",
    "affiliate",
    "observers",
    "monitors",
    "count",
    "tally",
    "ombudsman",
    "commissioner",
    "secretary",
    "forces",
    "defence",
    "defense",
    "kremlin",
    "administration",
    "organisers",
    "organizers",
    "firefighters",
    "paramedics",
    "mother",
    "father",
    "spokespeople",
    "representative",
    "researchers",
    "scientists",
];

/// True when tokens `a..b` read as a source: no verb or number inside, and a proper name or
/// a source word ("officials", "the ministry") in it.
fn plausible(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(r) = toks.get(a..b) else {
        return false;
    };
    if r.is_empty() || r.len() > 14 {
        return false;
    }
    let mut ok = false;
    for (k, t) in r.iter().enumerate() {
        if t.kind == TokKind::Num || is_quote_char(t) {
            return false;
        }
        if t.kind != TokKind::Word {
            continue;
        }
        if NOT_IN_SOURCE.iter().any(|w| t.is(w)) {
            return false;
        }
        let l = t.text.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        if SOURCE_HEADS.iter().any(|w| l.eq_ignore_ascii_case(w)) {
            ok = true;
        }
        if t.is_capitalized() && !(k == 0 && (t.is("the") || t.is("a") || t.is("an"))) {
            ok = true;
        }
    }
    ok
}

fn cue_from(
    text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    verb: &Tok,
    vague: &[String],
) -> Option<Cue> {
    if !plausible(toks, a, b) {
        return None;
    }
    let (source, span) = words_span(text, toks, a, b)?;
    let pronoun = b - a == 1
        && toks
            .get(a)
            .is_some_and(|f| PRONOUNS.iter().any(|p| f.is(p)));
    let l = source.to_ascii_lowercase();
    let kind = if l.contains("statement") {
        AttributionKind::Statement
    } else if verb.text.to_ascii_lowercase().starts_with("report")
        || l.contains("report")
        || l.contains("media")
        || l.contains("news")
    {
        AttributionKind::Report
    } else {
        AttributionKind::Said
    };
    let named = !pronoun && is_named(&source, vague);
    Some(Cue {
        attribution: Attribution {
            source,
            span,
            kind,
            named,
        },
        pronoun,
    })
}

fn is_back_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && (is_quote_char(t) || matches!(t.text, "," | "." | ";" | ":" | "!" | "?" | "\u{2014}"))
}

/// The cue of the speech verb at `v`: its subject before it, or after it ("said the ministry").
fn verb_cue(text: &str, toks: &[Tok], v: usize, vague: &[String]) -> Option<Cue> {
    let verb = toks.get(v)?;
    // subject before the verb, skipping adverbs ("also said")
    let mut e = v;
    while e > 0
        && toks
            .get(e - 1)
            .is_some_and(|p| SKIP_BEFORE_VERB.iter().any(|w| p.is(w)))
    {
        e -= 1;
    }
    let mut a = e;
    let mut depth = 0usize;
    while a > 0 && e - a < 14 {
        let Some(p) = toks.get(a - 1) else { break };
        if p.is_punct(')') {
            depth += 1;
        } else if p.is_punct('(') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            if is_back_break(p) || p.kind == TokKind::Num {
                break;
            }
            if p.kind == TokKind::Word && STOP_BACK.iter().any(|w| p.is(w)) {
                break;
            }
        }
        a -= 1;
    }
    if a < e {
        // the words before the verb: kept when they read as a source
        return cue_from(text, toks, a, e, verb, vague);
    }
    let before = a.checked_sub(1).and_then(|p| toks.get(p));
    // "…, but says 63 civilians": the subject of the sentence
    if before.is_some_and(|p| p.is("but") || p.is("and")) {
        let mut c = 0;
        while c < 8
            && toks
                .get(c)
                .is_some_and(|t| t.is_capitalized() || t.is("of") || t.is("the"))
        {
            c += 1;
        }
        return cue_from(text, toks, 0, c, verb, vague);
    }
    // inverted: "…, said the ministry"
    let a2 = v + 1;
    let mut b2 = a2;
    while b2 < toks.len() && b2 < a2 + 14 {
        let Some(x) = toks.get(b2) else { break };
        if is_break(x) || x.kind == TokKind::Num || x.is("that") || x.is("on") {
            break;
        }
        b2 += 1;
    }
    if let Some(c) = cue_from(text, toks, a2, b2, verb, vague) {
        return Some(c);
    }
    // appositive: "Jane Doe, director of the agency, said that…"
    if before.is_some_and(|p| p.is_punct(',')) {
        let end = a - 1;
        let mut start = end;
        while start > 0 && end - start < 14 {
            let Some(p) = toks.get(start - 1) else { break };
            if is_back_break(p) || p.kind == TokKind::Num {
                break;
            }
            start -= 1;
        }
        return cue_from(text, toks, start, end, verb, vague);
    }
    None
}

/// "Officials: 40 dead" (a short source before a colon at the start) or "…: Azerbaijan"
/// (a short source after a colon at the end).
fn colon_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    let colon = toks.iter().position(|t| t.is_punct(':'))?;
    let c = toks.get(colon)?;
    if (1..=6).contains(&colon) && toks.get(colon + 1).is_some_and(|t| t.kind == TokKind::Num) {
        return cue_from(text, toks, 0, colon, c, vague);
    }
    let last = toks.iter().rposition(|t| t.is_punct(':'))?;
    let mut end = toks.len();
    while end > last + 1 && toks.get(end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
        end -= 1;
    }
    if end > last + 1 && end - last - 1 <= 5 {
        return cue_from(text, toks, last + 1, end, c, vague);
    }
    None
}

/// Quotation regions of a paragraph, as byte spans (from the opening mark to the closing one).
fn quotations(toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for t in toks {
        if !is_quote_char(t) {
            continue;
        }
        let opening = match t.text {
            "\u{201C}" | "\u{00AB}" => true,
            "\u{201D}" | "\u{00BB}" => false,
            _ => open.is_none(),
        };
        match (open, opening) {
            (None, true) => open = Some(t.span),
            (Some(o), false) => {
                out.push(o.cover(t.span));
                open = None;
            }
            (Some(_), true) => open = Some(t.span),
            (None, false) => {}
        }
    }
    out
}

/// Attaches attributions to `claims` (claims in text order).
pub fn attach(text: &str, article: &Article, claims: &mut [Claim], vague: &[String]) {
    if claims.is_empty() {
        return;
    }
    let mut ci = 0usize;
    // a paragraph ending "…, the station reports:" introduces the next one
    let mut intro: Option<Attribution> = None;
    for para in &article.paragraphs {
        let introduced = intro.take();
        // claims of this paragraph
        let first = ci;
        while claims
            .get(ci)
            .is_some_and(|c| c.sentence < para.sentences.end)
        {
            ci += 1;
        }
        let ends_with_colon = para.span.slice(text).trim_end().ends_with(':');
        if ci == first && !ends_with_colon {
            continue;
        }
        let toks = tokenize(text, para.span);
        let quotes = quotations(&toks);
        // the cue of each sentence, with pronouns resolved to the last named source
        let mut cues: Vec<Option<Attribution>> = Vec::with_capacity(para.sentences.len());
        let mut last: Option<Attribution> = None;
        for si in para.sentences.clone() {
            let Some(s) = article.sentences.get(si) else {
                cues.push(None);
                continue;
            };
            let a = toks.partition_point(|t| t.span.start < s.span.start);
            let b = toks.partition_point(|t| t.span.start < s.span.end);
            let st = toks.get(a..b).unwrap_or(&[]);
            // the cue must lie outside the quotations of the sentence
            let cue = sentence_cue_outside(text, st, &quotes, vague);
            let cue = cue.map(|c| {
                if c.pronoun {
                    if let Some(l) = &last {
                        return Attribution {
                            span: c.attribution.span,
                            ..l.clone()
                        };
                    }
                }
                c.attribution
            });
            if let Some(c) = &cue {
                last = Some(c.clone());
            }
            cues.push(cue);
        }
        if ends_with_colon {
            intro = cues.last().cloned().flatten();
        }
        for c in claims.get_mut(first..ci).unwrap_or(&mut []) {
            let k = c.sentence.saturating_sub(para.sentences.start);
            let in_quote = quotes
                .iter()
                .find(|q| q.start <= c.span.start && c.span.end <= q.end);
            let own = cues
                .get(k)
                .cloned()
                .flatten()
                .filter(|a| !a.span.overlaps(c.span));
            if let Some(q) = in_quote {
                // the speaker: a cue in a sentence the quotation touches
                let speaker = own.or_else(|| {
                    para.sentences
                        .clone()
                        .zip(cues.iter())
                        .find_map(|(si, cue)| {
                            let s = article.sentences.get(si)?;
                            let touches = s.span.overlaps(*q) || s.span.start == q.end;
                            if touches {
                                cue.clone()
                            } else {
                                None
                            }
                        })
                });
                c.attribution = speaker.map(|mut a| {
                    a.kind = AttributionKind::Quote;
                    a
                });
            } else {
                c.attribution = own.or_else(|| {
                    introduced.clone().map(|mut a| {
                        a.kind = AttributionKind::Quote;
                        a
                    })
                });
            }
        }
    }
}

fn sentence_cue_outside(
    text: &str,
    toks: &[Tok],
    quotes: &[Span],
    vague: &[String],
) -> Option<Cue> {
    if quotes.is_empty()
        || !toks
            .iter()
            .any(|t| quotes.iter().any(|q| q.contains(t.span.start)))
    {
        return sentence_cue(text, toks, vague);
    }
    // blank out quoted tokens: keep only tokens outside quotations, with the quotation marks
    // as breaks
    let kept: Vec<Tok> = toks
        .iter()
        .filter(|t| {
            !quotes
                .iter()
                .any(|q| q.start < t.span.start && t.span.end < q.end)
        })
        .copied()
        .collect();
    sentence_cue(text, &kept, vague)
}
