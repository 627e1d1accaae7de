//! A count of people hurt that a later figure of its sentence shows to hold the dead too:
//! "Four men were shot and two of them died", "five people shot, three fatally". The first
//! figure counts everyone hit, so it is no count of the injured: the injured are the rest.

use super::{Claim, Interval, Measure};
use crate::text::{Tok, TokKind};

/// Rereads the injured figures of one sentence (`claims[from..]`, its tokens `toks`) that a
/// later killed figure is a part of.
pub(super) fn reread(toks: &[Tok], claims: &mut [Claim], from: usize) {
    for b in from..claims.len() {
        let Some(part) = claims.get(b).filter(|c| is_fatal_part(toks, c)) else {
            continue;
        };
        let dead = part.value;
        // the nearest injured figure before it, as large at least
        let whole = (from..b).rev().find(|&a| {
            claims
                .get(a)
                .is_some_and(|c| c.measure == Measure::Injured && c.value.min >= dead.max)
        });
        if let Some(c) = whole.and_then(|a| claims.get_mut(a)) {
            c.value = rest(c.value, dead);
        }
    }
}

/// True for a killed figure that names a part of people counted before it: "two of them
/// died", "one of whom was killed", "three fatally" (not "five of those killed": those are
/// the dead).
fn is_fatal_part(toks: &[Tok], c: &Claim) -> bool {
    if c.measure != Measure::Killed || !c.value.is_exact() {
        return false;
    }
    let inside: Vec<&Tok> = toks
        .iter()
        .filter(|t| {
            t.kind == TokKind::Word && c.span.start <= t.span.start && t.span.end <= c.span.end
        })
        .collect();
    let partitive = inside
        .windows(2)
        .any(|w| matches!(w, [of, det] if of.is("of") && super::claim::is_partitive_pronoun(det)));
    let fatally = inside.last().is_some_and(|t| t.is("fatally"));
    partitive || fatally
}

/// The people hurt and not killed: the whole less the dead.
fn rest(whole: Interval, dead: Interval) -> Interval {
    Interval {
        min: (whole.min - dead.max).max(0.0),
        max: whole.max - dead.min,
        ..whole
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::Measure;

    /// The claims of one sentence: words, measure, lowest and highest value.
    fn claims_of(s: &str) -> Vec<(String, Measure, f64, f64)> {
        let t = format!(" date 2022-05-10 {s}");
        crate::analysis::Analysis::new(&t)
            .claims
            .iter()
            .map(|c| {
                let words = c.span.slice(&t).to_string();
                (words, c.measure, c.value.min, c.value.max)
            })
            .collect()
    }

    #[test]
    fn the_dead_among_those_hit_are_not_injured() {
        let c = claims_of("Six hikers were shot near the ridge and two of them died.");
        assert!(
            c.contains(&("Six hikers".to_string(), Measure::Injured, 4.0, 4.0)),
            "{c:?}"
        );
        assert!(
            c.contains(&("two of them died".to_string(), Measure::Killed, 2.0, 2.0)),
            "{c:?}"
        );
        let c = claims_of("Seven guards were wounded, one of whom was killed.");
        assert!(
            c.iter().any(|x| x.0 == "Seven guards" && x.2 == 6.0),
            "{c:?}"
        );
        let c = claims_of("The raid in Uruguay left 9 people shot, three fatally.");
        assert!(c.iter().any(|x| x.0 == "9 people" && x.2 == 6.0), "{c:?}");
        // an open count stays open
        let c = claims_of("At least 8 people were shot, two of them fatally.");
        assert!(
            c.iter()
                .any(|x| x.0 == "At least 8 people" && x.2 == 6.0 && x.3.is_infinite()),
            "{c:?}"
        );
    }

    #[test]
    fn counts_that_hold_no_dead_stay_whole() {
        // the dead of a separate figure
        let c = claims_of("Two miners died and five were hurt in the blast.");
        assert!(
            c.iter().any(|x| x.1 == Measure::Injured && x.2 == 5.0),
            "{c:?}"
        );
        // a part that was hurt, not killed
        let c = claims_of("Five fans were hurt and two of them were hospitalized.");
        assert!(c.iter().any(|x| x.0 == "Five fans" && x.2 == 5.0), "{c:?}");
        // "those killed" are the dead, no part of the injured
        let c = claims_of("Ten workers were injured, and four of those killed were guards.");
        assert!(
            c.iter().any(|x| x.0 == "Ten workers" && x.2 == 10.0),
            "{c:?}"
        );
    }
}
