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
/// A name of another kind that reads as a place of a country after that country's possessive
/// ("Tessaly's Orrin", however the name was taken: "Tessaly's Orrin province" reads as an
/// organisation) also places the news.
pub(crate) fn lead_places(a: &crate::analysis::Analysis) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for e in a.entities.iter().filter(|e| e.sentence < LEAD_SENTENCES) {
        let name = e.name.to_lowercase();
        if e.kind == crate::entities::EntityKind::Place {
            v.push(super::country_name(&name));
        } else if let Some(country) = country_possessive(&name) {
            v.push(country);
            v.push(name);
        }
    }
    v.sort();
    v.dedup();
    v
}

/// The country's gazetteer name when `name` (lowercase) is a country's possessive before a
/// region or town of that country that is no common word ("tessaly's orrin").
fn country_possessive(name: &str) -> Option<String> {
    let (head, tail) = name.split_once("'s ")?;
    let code = country_code(head)?;
    lookup(tail)
        .iter()
        .any(|p| {
            p.country == code && !p.common && matches!(p.kind, PlaceKind::Region | PlaceKind::City)
        })
        .then(|| super::country_name(head))
}

/// The ISO code of the country a place name names, when it names one.
fn country_code(name: &str) -> Option<&'static str> {
    lookup(name)
        .into_iter()
        .find(|p| p.kind == PlaceKind::Country)
        .map(|p| p.country)
}

/// The ISO code of the one country whose province a place name names, when every reading
/// of it is a province of that country and none is a common word ("Uvs"): a report naming the
/// province names its country ("the Tessalian province of Orrin" names no country by name).
fn province_country(name: &str) -> Option<&'static str> {
    let all = readings(name);
    let first = all.first()?;
    all.iter()
        .all(|p| p.kind == PlaceKind::Region && !p.common && p.country == first.country)
        .then_some(first.country)
        .filter(|c| !c.is_empty())
}

/// The country a place name names, itself or as the one country of a province it names
/// ([`province_country`]).
fn country_of(name: &str) -> Option<&'static str> {
    country_code(name).or_else(|| province_country(name))
}

/// True when a place of `places` names a country, itself or by a province of it (see
/// [`regions_apart`]: an article naming none is never set apart from another by provinces).
pub(crate) fn names_country(places: &[String]) -> bool {
    places.iter().any(|p| country_of(p).is_some())
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
    // a country the lead names before its province counts though the entity was no place
    let both = |x: (&[String], &[String])| -> Vec<&'static str> {
        let mut c = codes(x.0);
        c.extend(codes(x.1));
        c.sort_unstable();
        c.dedup();
        c
    };
    let (ca, cb) = (both(a), both(b));
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
    fn a_province_may_place_a_report_in_its_country() {
        // a report naming a province only ("the Mongolian province of Uvs") is asked about
        // provinces; a name that is also a town abroad, or a town alone, is not
        assert!(names_country(&places(&["Uvs"])));
        assert!(!names_country(&places(&["Thimphu"])));
        assert!(!names_country(&places(&["Erdenet"])));
        // but only a country named (or before a possessive) is a country in common: a
        // state named as where a player lives sets no two reports apart
        let lead = places(&["mongolia", "mongolia's uvs"]);
        assert!(places_apart(
            (&lead, &places(&["Uvs"])),
            (&places(&["Orhon"]), &places(&["Mongolia", "Orhon"]))
        ));
        assert!(!places_apart(
            (&places(&["Uvs"]), &places(&["Uvs"])),
            (&places(&["Orhon"]), &places(&["Mongolia", "Orhon"]))
        ));
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
    fn a_province_after_its_country_s_possessive_places_the_news() {
        // however the name was taken (an organisation's), the country's own province
        assert_eq!(
            country_possessive("mongolia's uvs").as_deref(),
            Some("mongolia")
        );
        // another country's province, or no country before it: no place
        assert_eq!(country_possessive("bhutan's uvs"), None);
        assert_eq!(country_possessive("halvik's uvs"), None);
        assert_eq!(country_possessive("mongolia's velmar"), None);
        // a lead naming its country only by the possessive is still in that country (the
        // lead keeps the country beside the name, as `lead_places` does)
        let a = places(&["mongolia", "mongolia's uvs"]);
        let b = places(&["Mongolia", "Erdenet"]);
        assert!(places_apart((&a, &[]), (&b, &b)));
        let c = places(&["mongolia", "mongolia's orhon"]);
        assert!(!places_apart((&c, &[]), (&b, &b)));
    }

    #[test]
    fn lead_places_read_a_country_s_province_whatever_the_entity() {
        let text = "Mongolia's Uvs province was shaken by a strong earthquake on Monday, \
                    officials said.\n\nNo one was hurt.\n";
        let a = crate::analysis::Analysis::new(text);
        let v = lead_places(&a);
        assert!(v.iter().any(|p| p == "mongolia"), "{v:?}");
        assert!(
            v.iter()
                .any(|p| regions_of(std::slice::from_ref(p), "MN", true).len() == 1),
            "{v:?}"
        );
    }

    #[test]
    fn every_shared_country_must_be_told_apart() {
        // apart in one country, together in the other
        let a = places(&["Mongolia", "Erdenet", "Germany", "Bavaria"]);
        let b = places(&["Mongolia", "Uvs", "Germany", "Munich"]);
        assert!(!regions_apart(&a, &b));
    }
}
