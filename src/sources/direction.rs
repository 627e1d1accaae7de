//! Which way a share's sentence says a change went ("46 percent higher than last year", "a 43
//! percent drop in homicides"): a rise and a fall of about the same size are two figures, not
//! one report of one figure.

use super::ClaimSummary;

crate::word_set!(
    /// Words that tell a rise by themselves ("rose", "higher").
    RISE_WORDS = file "change-directions.tsv", tag "rise"
);
crate::word_set!(
    /// Words that tell a fall by themselves ("fell", "a drop").
    FALL_WORDS = file "change-directions.tsv", tag "fall"
);

/// The way a change went, as a figure's sentence tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Rise,
    Fall,
}

/// The direction the sentence of `c` tells: only one of rise and fall among its words (a
/// sentence telling both, "profit rose 5 percent as sales fell", tells neither for sure).
fn direction(c: &ClaimSummary) -> Option<Direction> {
    let rise = c.context.iter().any(|w| RISE_WORDS.contains(w));
    let fall = c.context.iter().any(|w| FALL_WORDS.contains(w));
    match (rise, fall) {
        (true, false) => Some(Direction::Rise),
        (false, true) => Some(Direction::Fall),
        _ => None,
    }
}

/// True when `a` and `b` are shares whose sentences tell changes going opposite ways (one a
/// rise, the other a fall): whatever their values, they are not one figure.
pub(crate) fn opposite(a: &ClaimSummary, b: &ClaimSummary) -> bool {
    if a.measure != "percent" || b.measure != "percent" {
        return false;
    }
    matches!(
        (direction(a), direction(b)),
        (Some(x), Some(y)) if x != y
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(words: &[&str]) -> ClaimSummary {
        let mut c =
            crate::sources::matching::tests::claim("43 percent", 43.0, Some(43.0), None, "percent");
        c.context = words.iter().map(|w| w.to_string()).collect();
        c.context.sort();
        c
    }

    #[test]
    fn a_rise_and_a_fall_are_two_figures() {
        let up = share(&["higher", "shootings", "tessaly"]);
        let down = share(&["drop", "homicides", "tessaly"]);
        let both = share(&["fell", "profit", "rose", "sales"]);
        let none = share(&["share", "voters", "velmar"]);
        assert!(opposite(&up, &down));
        assert!(!opposite(&up, &up.clone()));
        assert!(!opposite(&up, &both));
        assert!(!opposite(&down, &none));
    }
}
