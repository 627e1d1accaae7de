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

const PAST: &[&str] = &[
    "was", "were", "had", "did", "been", "said", "told", "came", "began", "begun", "broke", "took",
    "went", "made", "saw", "gave", "fell", "rose", "struck", "left", "met", "held", "led", "won",
    "lost", "hit", "shot", "ran", "wrote", "spoke", "sent", "brought", "fought", "thought",
    "found", "got", "became", "put", "set", "kept", "felt", "knew", "drove", "flew", "stood",
    "sat", "shook", "tore", "woke", "ago", "ended", "agreed", "killed", "died",
];
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "won't",
    "upcoming",
    "tomorrow",
    "next",
    "planned",
    "scheduled",
];
const FUTURE_BEFORE_TO: &[&str] = &[
    "due",
    "expected",
    "set",
    "plans",
    "plan",
    "going",
    "scheduled",
    "slated",
    "invited",
    "aims",
    "intends",
];
const NOT_PAST_ED: &[&str] = &[
    "united",
    "red",
    "bed",
    "need",
    "speed",
    "feed",
    "seed",
    "shed",
    "hundred",
    "indeed",
    "armed",
    "based",
    "related",
    "detailed",
    "limited",
    "advanced",
    "concerned",
    "interested",
    "proposed",
    "expected",
    "scheduled",
    "planned",
    "called",
    "named",
    "so-called",
    "embed",
    "wed",
    "led",
    "fled",
    "bred",
    "creed",
    "greed",
    "weed",
    "deed",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "beloved",
    "aged",
    "alleged",
    "supposed",
    "used",
    "unnamed",
    "unidentified",
    "unrecognized",
    "coordinated",
    "sustained",
    "unprecedented",
    "disputed",
    "contested",
    "occupied",
    "elected",
    "appointed",
];
const PRESENT: &[&str] = &[
    "is",
    "are",
    "am",
    "says",
    "say",
    "continue",
    "continues",
    "remains",
    "remain",
];

fn classify(t: &Tok, prev: Option<&Tok>, next: Option<&Tok>) -> Option<Tense> {
    if t.kind != TokKind::Word {
        return None;
    }
    let lower = t.text.to_ascii_lowercase();
    let w = lower.as_str();
    if w.ends_with("'ll") || w.ends_with("’ll") || FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    if FUTURE_BEFORE_TO.contains(&w)
        && next.is_some_and(|n| n.is("to") || n.is("on") || n.is("for"))
    {
        return Some(Tense::Future);
    }
    if PAST.contains(&w) {
        // "will be held": the participle after "be" carries no tense
        if prev.is_some_and(|p| p.is("be") || p.is("to"))
            && !matches!(w, "was" | "were" | "had" | "did" | "been")
        {
            return None;
        }
        return Some(Tense::Past);
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) {
        // passive or infinitive with a future marker before it is handled by the caller;
        // "to be launched", "will be held" are not past
        if prev.is_some_and(|p| p.is("be") || p.is("to")) {
            return None;
        }
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
    }
    None
}

/// The tense of the clause holding tokens `start..end`: the nearest tense marker in the same
/// sentence (markers before the expression win ties), limited to the clause (semicolons and
/// quotation boundaries end it).
pub fn clause_tense(toks: &[Tok], start: usize, end: usize) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    // search backwards
    let mut i = start;
    let mut dist = 0;
    while i > 0 && dist < 14 {
        i -= 1;
        dist += 1;
        let t = &toks[i];
        if t.is_punct(';') {
            break;
        }
        if let Some(tense) = classify(
            t,
            i.checked_sub(1).and_then(|p| toks.get(p)),
            toks.get(i + 1),
        ) {
            best = Some((dist, tense));
            break;
        }
    }
    let mut j = end;
    let mut dist = 0;
    while j < toks.len() && dist < 14 {
        dist += 1;
        let t = &toks[j];
        if t.is_punct(';') {
            break;
        }
        if let Some(tense) = classify(
            t,
            j.checked_sub(1).and_then(|p| toks.get(p)),
            toks.get(j + 1),
        ) {
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, tense));
            }
            break;
        }
        j += 1;
    }
    // a future marker anywhere before a past one in the clause ("will be held") wins
    match best {
        Some((_, t)) => t,
        None => Tense::Present,
    }
}
