//! The tense of the clause around an expression: past tense points a year-less date back,
//! future tense forward.

use crate::text::{Tok, TokKind};

/// The tense of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// "was", "killed", "has been", "said".
    Past,
    /// "is", "says", no verb found.
    Present,
    /// "will", "is due to", "is expected to", "plans to".
    Future,
}

fn is_past_word(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "been"
            | "said"
            | "told"
            | "came"
            | "began"
            | "begun"
            | "broke"
            | "took"
            | "went"
            | "made"
            | "saw"
            | "gave"
            | "fell"
            | "rose"
            | "struck"
            | "left"
            | "met"
            | "held"
            | "led"
            | "won"
            | "lost"
            | "hit"
            | "shot"
            | "ran"
            | "wrote"
            | "spoke"
            | "sent"
            | "brought"
            | "fought"
            | "thought"
            | "found"
            | "got"
            | "became"
            | "put"
            | "set"
            | "kept"
            | "felt"
            | "knew"
            | "drove"
            | "flew"
            | "stood"
            | "sat"
            | "shook"
            | "tore"
            | "woke"
            | "ago"
            | "ended"
            | "agreed"
            | "killed"
            | "died"
    )
}
fn is_future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "won't"
            | "would"
            | "upcoming"
            | "tomorrow"
            | "next"
            | "planned"
            | "scheduled"
    )
}
fn is_future_before_to(w: &str) -> bool {
    matches!(
        w,
        "due"
            | "expected"
            | "set"
            | "plans"
            | "plan"
            | "going"
            | "scheduled"
            | "slated"
            | "invited"
            | "aims"
            | "intends"
    )
}
fn is_not_past_ed(w: &str) -> bool {
    matches!(
        w,
        "united"
            | "red"
            | "bed"
            | "need"
            | "speed"
            | "feed"
            | "seed"
            | "shed"
            | "hundred"
            | "indeed"
            | "armed"
            | "based"
            | "related"
            | "detailed"
            | "limited"
            | "advanced"
            | "concerned"
            | "interested"
            | "proposed"
            | "expected"
            | "scheduled"
            | "planned"
            | "called"
            | "named"
            | "so-called"
            | "embed"
            | "wed"
            | "led"
            | "fled"
            | "bred"
            | "creed"
            | "greed"
            | "weed"
            | "deed"
            | "sacred"
            | "naked"
            | "wicked"
            | "rugged"
            | "beloved"
            | "aged"
            | "alleged"
            | "supposed"
            | "used"
            | "unnamed"
            | "unidentified"
            | "unrecognized"
            | "coordinated"
            | "sustained"
            | "unprecedented"
            | "disputed"
            | "contested"
            | "occupied"
            | "elected"
            | "appointed"
    )
}
fn is_present_word(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "am" | "says" | "say" | "continue" | "continues" | "remains" | "remain"
    )
}

fn classify(t: &Tok, prev: Option<&Tok>, next: Option<&Tok>) -> Option<Tense> {
    if t.kind != TokKind::Word {
        return None;
    }
    crate::time::lexicon::with_lower(t.text, |w| classify_lower(w, prev, next))
}

fn classify_lower(w: &str, prev: Option<&Tok>, next: Option<&Tok>) -> Option<Tense> {
    if w.ends_with("'ll") || w.ends_with("’ll") || is_future_word(w) {
        return Some(Tense::Future);
    }
    if is_future_before_to(w) && next.is_some_and(|n| n.is("to") || n.is("on") || n.is("for")) {
        return Some(Tense::Future);
    }
    if is_past_word(w) {
        // "will be held": the participle after "be" carries no tense
        if prev.is_some_and(|p| p.is("be") || p.is("to"))
            && !matches!(w, "was" | "were" | "had" | "did" | "been")
        {
            return None;
        }
        return Some(Tense::Past);
    }
    if w.len() > 4 && w.ends_with("ed") && !is_not_past_ed(w) {
        // passive or infinitive with a future marker before it is handled by the caller;
        // "to be launched", "will be held" are not past
        if prev.is_some_and(|p| p.is("be") || p.is("to")) {
            return None;
        }
        return Some(Tense::Past);
    }
    if is_present_word(w) {
        return Some(Tense::Present);
    }
    None
}

/// Reporting verbs tell when something was said, not when it happened: they decide the tense
/// only when the clause has no other marker.
fn is_speech_word(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "added" | "stated" | "wrote" | "tweeted" | "according"
    )
}

/// Tense markers of a sentence's tokens, computed once and shared by its expressions.
pub struct Markers(Vec<Option<(Tense, bool)>>);

impl Markers {
    /// Classifies every token of a sentence.
    pub fn new(toks: &[Tok]) -> Markers {
        Markers(
            (0..toks.len())
                .map(|i| {
                    let t = &toks[i];
                    let tense = classify(
                        t,
                        i.checked_sub(1).and_then(|p| toks.get(p)),
                        toks.get(i + 1),
                    )?;
                    let speech = t.kind == TokKind::Word
                        && crate::time::lexicon::with_lower(t.text, |w| Some(is_speech_word(w)))
                            .unwrap_or(false);
                    Some((tense, speech))
                })
                .collect(),
        )
    }
}

/// The tense of the clause holding tokens `start..end`: the nearest tense marker in the same
/// sentence (markers before the expression win ties), limited to the clause (semicolons end it).
pub fn clause_tense(toks: &[Tok], markers: &Markers, start: usize, end: usize) -> Tense {
    nearest(toks, markers, start, end, false)
        .or_else(|| nearest(toks, markers, start, end, true))
        .unwrap_or(Tense::Present)
}

fn nearest(
    toks: &[Tok],
    markers: &Markers,
    start: usize,
    end: usize,
    speech: bool,
) -> Option<Tense> {
    let hit = |i: usize| {
        markers
            .0
            .get(i)
            .copied()
            .flatten()
            .filter(|(_, s)| *s == speech)
            .map(|(t, _)| t)
    };
    let mut best: Option<(usize, Tense)> = None;
    let mut i = start;
    let mut dist = 0;
    while i > 0 && dist < 14 {
        i -= 1;
        dist += 1;
        if toks[i].is_punct(';') {
            break;
        }
        if let Some(t) = hit(i) {
            best = Some((dist, t));
            break;
        }
    }
    let mut j = end;
    let mut dist = 0;
    while j < toks.len() && dist < 14 {
        dist += 1;
        if toks[j].is_punct(';') {
            break;
        }
        if let Some(t) = hit(j) {
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
            break;
        }
        j += 1;
    }
    best.map(|(_, t)| t)
}
