//! Two stories of one kind in one country told apart (#17): two earthquakes of one country on
//! one day, each in its own province, share every word of the story but where it happened.
//! Two reports naming the same country whose leads each place their news in a province of it
//! are one story only when their leads name a province of it in common (itself or by a town).
//! Only the lead says where the news happened: a referendum's story names the provinces that
//! voted each way further down, one outlet some, another others; a quake's story recalls the
//! last quake, in another province, further down.

use crate::lexicon::places::{lookup, PlaceKind};

use super::ArticleSummary;

/// Sentences that open a report (headline, lead), where it says where its news happened.
const LEAD_SENTENCES: usize = 3;

/// The places named in the opening sentences of an article ([`LEAD_SENTENCES`]), lowercase
/// and with countries by their gazetteer names, as `ArticleSummary::places` holds them;
/// sorted.
pub(crate) fn lead_places(a: &crate::analysis::Analysis) -> Vec<String> {
    let mut v: Vec<String> = a
        .entities
        .iter()
        .filter(|e| e.kind == crate::entities::EntityKind::Place && e.sentence < LEAD_SENTENCES)
        .map(|e| super::country_name(&e.name.to_lowercase()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The ISO code of the country a place name names, when it names one.
fn country_code(name: &str) -> Option<&'static str> {
    lookup(name)
        .into_iter()
        .find(|p| p.kind == PlaceKind::Country)
        .map(|p| p.country)
}

/// True when a place of `places` names a country (see [`regions_apart`]: an article naming
/// none is never set apart from another by provinces).
pub(crate) fn names_country(places: &[String]) -> bool {
    places.iter().any(|p| country_code(p).is_some())
}

/// The readings of a place name, and of the place after a possessive ("bhutan's east" is
/// also "east"): an entity's name may hold its country before it.
fn readings(name: &str) -> Vec<crate::lexicon::places::Place> {
    let mut v = lookup(name);
    if let Some((_, tail)) = name.split_once("'s ") {
        v.extend(lookup(tail));
    }
    v
}

/// The first-level regions of the country `code` that places of `places` are or lie in,
/// sorted: `firm`, only the regions named and the towns that are in that country and region
/// whatever reading is taken (a town of the same name abroad or in another region could be
/// the one meant); else every reading in that country ("Bavaria", or "Munich" by its region
/// code). A name that is also a common word names no region here.
fn regions_of(places: &[String], code: &str, firm: bool) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for name in places {
        let all = readings(name);
        let here = |p: &crate::lexicon::places::Place| {
            p.country == code
                && !p.common
                && !p.region.is_empty()
                && matches!(p.kind, PlaceKind::Region | PlaceKind::City)
        };
        let ours: Vec<&'static str> = all.iter().filter(|p| here(p)).map(|p| p.region).collect();
        let named_region = all.iter().any(|p| here(p) && p.kind == PlaceKind::Region);
        let one_place = ours.first().is_some_and(|r| {
            all.iter()
                .all(|p| p.kind == PlaceKind::Country || (here(p) && p.region == *r))
        });
        if !firm || named_region || one_place {
            v.extend(ours);
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// True when two articles name a country in common and, for every country they share, each
/// one's lead ([`lead_places`]) names a province of it or a town that can only be in one of
/// its provinces, and no province is named in both leads (itself or by any reading of a town
/// in it): two incidents of one kind in two parts of one country. An article whose lead names
/// no part of a shared country ties to any.
pub(crate) fn regions_apart(a: &ArticleSummary, b: &ArticleSummary) -> bool {
    places_apart(
        (&a.details.lead_places, &a.places),
        (&b.details.lead_places, &b.places),
    )
}

/// [`regions_apart`] of two articles' (lead places, places): the countries from all places,
/// the provinces from the leads.
fn places_apart(a: (&[String], &[String]), b: (&[String], &[String])) -> bool {
    let codes = |v: &[String]| -> Vec<&'static str> {
        let mut c: Vec<&'static str> = v.iter().filter_map(|p| country_code(p)).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let (ca, cb) = (codes(a.1), codes(b.1));
    let mut shared = ca.iter().filter(|c| cb.contains(c)).peekable();
    if shared.peek().is_none() {
        return false;
    }
    shared.all(|code| {
        let firm =
            !regions_of(a.0, code, true).is_empty() && !regions_of(b.0, code, true).is_empty();
        let (ra, rb) = (regions_of(a.0, code, false), regions_of(b.0, code, false));
        firm && !ra.iter().any(|r| rb.contains(r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_lowercase()).collect()
    }

    /// Two articles whose leads name all their places.
    fn regions_apart(a: &[String], b: &[String]) -> bool {
        places_apart((a, a), (b, b))
    }

    #[test]
    fn two_provinces_of_one_country_are_two_stories() {
        // a mine collapse in one province's town, another in a province far west
        let a = places(&["Mongolia", "Erdenet"]);
        let b = places(&["Mongolia", "Uvs", "Ulaangom"]);
        assert!(regions_apart(&a, &b));
        assert!(regions_apart(&b, &a));
        // the country before the province, as an entity holds it
        assert!(regions_apart(&a, &places(&["Mongolia", "Mongolia's Hovd"])));
    }

    #[test]
    fn a_province_named_by_both_or_by_neither_ties_them() {
        let a = places(&["Mongolia", "Orhon"]);
        // a town of the same province beside another province
        assert!(!regions_apart(&a, &places(&["Mongolia", "Erdenet", "Uvs"])));
        // the country alone: no part of it to tell apart
        assert!(!regions_apart(&a, &places(&["Mongolia"])));
        // no country in common: another test's business
        assert!(!regions_apart(&a, &places(&["Bhutan", "Uvs"])));
        assert!(!regions_apart(&places(&["Orhon"]), &places(&["Uvs"])));
    }

    #[test]
    fn a_town_whose_name_is_also_abroad_places_nothing_firmly() {
        // the town of that name in another country may be the one meant
        let a = places(&["France", "Paris"]);
        assert!(!regions_apart(&a, &places(&["France", "Bretagne"])));
    }

    #[test]
    fn provinces_named_after_the_lead_do_not_place_the_news() {
        // a national vote: one outlet names some provinces further down, another others
        let lead = places(&["Mongolia"]);
        let (a, b) = (places(&["Mongolia", "Orhon"]), places(&["Mongolia", "Uvs"]));
        assert!(!places_apart((&lead, &a), (&lead, &b)));
        // two leads of towns of two provinces; the last quake, recalled further down in
        // the other's province, does not tie them
        let (la, lb) = (
            places(&["Mongolia", "Erdenet"]),
            places(&["Mongolia", "Khovd"]),
        );
        assert!(places_apart((&la, &la), (&lb, &lb)));
        let b = places(&["Mongolia", "Khovd", "Orhon"]);
        assert!(places_apart((&la, &la), (&lb, &b)));
        // the country named further down only: still one country
        assert!(places_apart((&places(&["Erdenet"]), &la), (&lb, &b)));
    }

    #[test]
    fn every_shared_country_must_be_told_apart() {
        // apart in one country, together in the other
        let a = places(&["Mongolia", "Erdenet", "Germany", "Bavaria"]);
        let b = places(&["Mongolia", "Uvs", "Germany", "Munich"]);
        assert!(!regions_apart(&a, &b));
    }
}
