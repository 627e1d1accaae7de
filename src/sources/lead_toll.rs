//! The whole toll a report's lead states: its first count of the dead and its first count of
//! the wounded ("2 dead, 2 wounded in a shooting"). Two local reports of one incident each
//! whose leads state whole tolls with different dead and a different number of people shot
//! tell two shootings: a later death moves one person from the wounded to the dead and keeps
//! the number shot (see [`super::details`]).

use crate::analysis::Analysis;
use crate::figures::Measure;
use serde::{Deserialize, Serialize};

/// Tolls of this many people or more are left alone: a disaster's toll grows in both counts
/// from one report to the next.
const SMALL: u32 = 10;

/// A lead's whole toll: the people killed and the people wounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadToll {
    /// The first count of the dead the lead states.
    pub killed: u8,
    /// The first count of the wounded the lead states.
    pub wounded: u8,
}

/// The whole toll stated before byte `lead_end` of `a`: the first sentence that counts both
/// the dead and the wounded, exactly and in small numbers ("2 dead, 2 wounded in a shooting"),
/// with its first count of each. A lead that counts them in different sentences states no
/// whole toll ("a teen was killed and three others hurt ... the three men" is no toll of three).
pub fn lead_toll(a: &Analysis, lead_end: usize) -> Option<LeadToll> {
    let lead = || a.claims.iter().filter(|c| c.span.start < lead_end);
    lead().find_map(|c| {
        Some(LeadToll {
            killed: first_in(a, c.sentence, Measure::Killed, lead_end)?,
            wounded: first_in(a, c.sentence, Measure::Injured, lead_end)?,
        })
    })
}

/// The first count of measure `m` in sentence `sentence` of `a`, before `lead_end`, when it
/// is exact and small.
fn first_in(a: &Analysis, sentence: usize, m: Measure, lead_end: usize) -> Option<u8> {
    a.claims
        .iter()
        .filter(|c| c.sentence == sentence && c.span.start < lead_end && c.measure == m)
        .find(|c| !c.vague)
        .filter(|c| c.qualifier.is_none() && c.value.min == c.value.max)
        .map(|c| c.value.min)
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < f64::from(SMALL))
        .map(|v| v as u8)
}

/// True when two leads state whole tolls with different dead and a different number of people
/// shot: two incidents, not one toll that rose by a later death.
pub fn tolls_apart(a: Option<LeadToll>, b: Option<LeadToll>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let shot = |t: LeadToll| u16::from(t.killed) + u16::from(t.wounded);
    a.killed != b.killed && shot(a) != shot(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toll(killed: u8, wounded: u8) -> Option<LeadToll> {
        Some(LeadToll { killed, wounded })
    }

    fn read(text: &str) -> Option<LeadToll> {
        super::super::details::Details::of(&Analysis::new(text)).lead_toll
    }

    #[test]
    fn a_whole_toll_is_read_from_one_lead_sentence() {
        assert_eq!(
            read("2 dead, 3 wounded in Tessaly shooting\n\nPolice said the gunman fled.\n"),
            toll(2, 3)
        );
        // the dead and the wounded counted in different sentences are no whole toll
        assert_eq!(
            read(
                "A teen was killed in Tessaly early Friday. Three others were wounded, police \
                 said, after two men opened fire on a group.\n"
            ),
            None
        );
    }

    #[test]
    fn different_dead_and_a_different_number_shot_are_two_incidents() {
        assert!(tolls_apart(toll(2, 2), toll(3, 2)));
        // a later death keeps the number shot
        assert!(!tolls_apart(toll(2, 3), toll(3, 2)));
        // the same dead, more wounded found: an early count
        assert!(!tolls_apart(toll(2, 4), toll(2, 7)));
        // a lead with no whole toll says nothing
        assert!(!tolls_apart(toll(2, 2), None));
    }
}
