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

/// Verbs handled by [`SPEECH_VERBS`] that need a subject before them.
const NEEDS_SUBJECT: &[&str] = &[
    "showed",
    "show",
    "shows",
    "recorded",
    "counted",
    "put",
    "puts",
    "cited",
    "quoted",
    "estimate",
    "figures",
    "data",
    "statistics",
    "tally",
    "count",
    "report",
    "say",
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
        if t.kind != TokKind::Word || !SPEECH_VERBS.iter().any(|w| t.is(w)) || t.is("according") {
            continue;
        }
        // nouns used as cue words ("figures showed") are handled as subjects of a verb
        if matches!(
            t.text.to_ascii_lowercase().as_str(),
            "figures" | "data" | "statistics" | "tally" | "count" | "estimate"
        ) {
            continue;
        }
        // passive "is said to", "was reported": vague
        let prev = v.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| {
            p.is("is") || p.is("are") || p.is("was") || p.is("were") || p.is("been") || p.is("be")
        }) {
            let source = "unnamed reports".to_string();
            return Some(Cue {
                attribution: Attribution {
                    source,
                    span: t.span,
                    kind: AttributionKind::Report,
                    named: false,
                },
                pronoun: false,
            });
        }
        // subject before the verb
        let mut e = v;
        while e > 0
            && toks
                .get(e - 1)
                .is_some_and(|p| SKIP_BEFORE_VERB.iter().any(|w| p.is(w)))
        {
            e -= 1;
        }
        // "on Thursday", "in a statement" between subject and verb are rare; keep simple
        let mut a = e;
        while a > 0 && e - a < 12 {
            let Some(p) = toks.get(a - 1) else { break };
            if is_break(p) || p.kind == TokKind::Num {
                break;
            }
            if p.kind == TokKind::Word && STOP_BACK.iter().any(|w| p.is(w)) {
                break;
            }
            a -= 1;
        }
        let low = t.text.to_ascii_lowercase();
        let kind_of = |source: &str| {
            let l = source.to_ascii_lowercase();
            if l.contains("statement") {
                AttributionKind::Statement
            } else if low.starts_with("report")
                || l.contains("report")
                || l.contains("media")
                || l.contains("news")
            {
                AttributionKind::Report
            } else {
                AttributionKind::Said
            }
        };
        if let Some((source, span)) = words_span(text, toks, a, e) {
            let first = toks.get(a);
            let pronoun = e - a == 1 && first.is_some_and(|f| PRONOUNS.iter().any(|p| f.is(p)));
            // "the figures", "the data": the source is unknown, but it is attributed
            let named = is_named(&source, vague);
            return Some(Cue {
                attribution: Attribution {
                    kind: kind_of(&source),
                    source,
                    span,
                    named,
                },
                pronoun,
            });
        }
        if NEEDS_SUBJECT.iter().any(|w| t.is(w)) {
            continue;
        }
        // inverted: "…, said the ministry"
        let a = v + 1;
        let mut b = a;
        while b < toks.len() && b < a + 12 {
            let Some(x) = toks.get(b) else { break };
            if is_break(x) || x.kind == TokKind::Num || (b > a && x.is("that")) {
                break;
            }
            b += 1;
        }
        if let Some((source, span)) = words_span(text, toks, a, b) {
            let first = toks.get(a);
            if first.is_some_and(|f| f.is("that")) {
                continue;
            }
            let pronoun = b - a == 1 && first.is_some_and(|f| PRONOUNS.iter().any(|p| f.is(p)));
            let named = is_named(&source, vague);
            return Some(Cue {
                attribution: Attribution {
                    kind: kind_of(&source),
                    source,
                    span,
                    named,
                },
                pronoun,
            });
        }
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
    for para in &article.paragraphs {
        // claims of this paragraph
        let first = ci;
        while claims
            .get(ci)
            .is_some_and(|c| c.sentence < para.sentences.end)
        {
            ci += 1;
        }
        if ci == first {
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
        for c in claims.get_mut(first..ci).unwrap_or(&mut []) {
            let k = c.sentence.saturating_sub(para.sentences.start);
            let in_quote = quotes
                .iter()
                .find(|q| q.start <= c.span.start && c.span.end <= q.end);
            let own = cues.get(k).cloned().flatten();
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
                c.attribution = own;
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
