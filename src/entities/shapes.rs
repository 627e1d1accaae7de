//! Capitalised runs whose shape names no person: a compass word and a country ("West
//! Mongolia"), a people's adjective ("Paraguayan", "South Bhutanese
//! Traders") or a name holding a possessive before its last word ("Mongolia's Gobi", "the
//! Firm's Tower Fund"). A person's name opens with a given name and holds no owner; these
//! name a region, a people, a company or a thing owned. Such a run is kept as an
//! organisation's name, not a person's (as [`super::furniture`] does): the story's topics
//! still hold its words, only the names of people lose it.

use super::{in_set, without_possessive};
use crate::lexicon::places::{self, PlaceKind};
use crate::lexicon::sets::{COMPASS_ADJECTIVES, COMPASS_POINT_SET, NAME_ADJECTIVE_ENDINGS};
use crate::text::{Tok, TokKind};

/// True when the run `toks[a..b]` is no person's name by its shape (see the module docs).
pub(super) fn not_a_person(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let run = toks.get(a..b).unwrap_or(&[]);
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    inner_possessive(run)
        || people_adjective(first.span.cover(last.span).slice(text))
        || (last.kind == TokKind::Word && people_adjective(last.text))
        || compass_country(text, run)
}

/// True when the run is a compass word and a country's or a continent's name ("West
/// Mongolia", "South Asia"). A compass word before a street's or a state's name is left
/// alone: two local reports naming one street were tied by it.
fn compass_country(text: &str, run: &[Tok]) -> bool {
    let (Some(first), Some(second), Some(last)) = (run.first(), run.get(1), run.last()) else {
        return false;
    };
    let compass = first.kind == TokKind::Word
        && (in_set(first, &COMPASS_ADJECTIVES) || in_set(first, &COMPASS_POINT_SET));
    compass
        && places::lookup(without_possessive(second.span.cover(last.span).slice(text)))
            .iter()
            .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Continent))
}

/// True when a word of the run but its last ends in a possessive ("Mongolia's Gobi").
fn inner_possessive(run: &[Tok]) -> bool {
    let n = run.len();
    run.iter()
        .take(n.saturating_sub(1))
        .any(|t| t.kind == TokKind::Word && without_possessive(t.text).len() < t.text.len())
}

/// True when `name` (a plural "s" dropped) is a country's, a continent's or a region's
/// adjective: the place's name with an ending of [`NAME_ADJECTIVE_ENDINGS`] ("Mongolian",
/// "Sri Lankan", "Bhutanese" is none of them).
fn people_adjective(name: &str) -> bool {
    let name = without_possessive(name);
    let singular = name.strip_suffix('s').unwrap_or(name);
    [name, singular].iter().any(|w| {
        NAME_ADJECTIVE_ENDINGS.iter().any(|e| {
            let place = match e.strip_prefix('-') {
                Some(lost) => Some(format!("{w}{lost}")),
                None => w
                    .strip_suffix(e)
                    .filter(|p| p.chars().count() >= 3)
                    .map(str::to_string),
            };
            place.is_some_and(|p| big_place(&p))
        })
    })
}

/// True for a country, a continent or a region whose name is no common word.
fn big_place(name: &str) -> bool {
    places::lookup(name).iter().any(|p| match p.kind {
        PlaceKind::Country | PlaceKind::Continent => true,
        PlaceKind::Region => !p.common,
        PlaceKind::City | PlaceKind::User => false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;

    #[test]
    fn a_compass_word_and_a_country_are_no_one() {
        let p = people("Talks between West Mongolia and South Asia went on, Dana Quellby said.");
        assert_eq!(p, ["Dana Quellby"]);
        // a street's name keeps its compass word
        let p = people("Shots were fired on North Orme Quellby, Dana Quellby said.");
        assert_eq!(p, ["North Orme Quellby", "Dana Quellby"]);
    }

    #[test]
    fn a_people_s_adjective_is_no_one() {
        let p = people(
            "Some South Mongolian traders met Sri Lankan buyers and two Paraguayans, \
             Remy Vantorre said.",
        );
        assert_eq!(p, ["Remy Vantorre"]);
    }

    #[test]
    fn a_name_with_an_owner_inside_is_no_one() {
        let p =
            people("Mongolia's Gobi Fund bought Velmar Orchard's Tower Plant, Ines Pollard said.");
        assert_eq!(p, ["Ines Pollard"]);
        // a possessive at a name's end keeps the name
        let p = people("Ines Pollard's car was hit.");
        assert_eq!(p, ["Ines Pollard's"]);
    }
}
