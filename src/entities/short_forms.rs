//! A company's short name read as a person's. A wire story names a company in full once
//! ("Velmar Orchard Supply Co", "Orrin Lakes and Co Inc") and then by its first words
//! ("Velmar Orchard said"), which have a person's shape. When the article names a company
//! (an organisation with a company's head word) whose words hold a person's name in a row,
//! that "person" is the company's short name: it is kept as an organisation's name. Only a
//! company's: a hospital or an office named for a place is named by that place alone too.

use super::{without_possessive, Entity, EntityKind};
use crate::lexicon::sets::COMPANY_HEADS;
use std::collections::HashSet;

/// The words of a name, a possessive dropped from each.
fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().map(without_possessive).collect()
}

/// The longest person's name looked for inside a company's name, in words: the rows of words
/// of each company name are kept in a set up to this length, so the check is one lookup per
/// person however many companies an article names (no persons × companies scan on huge text).
const MAX_SHORT_FORM: usize = 6;

/// Makes organisations of the untitled people of `out` whose every word, in order, is a row
/// of words in the name of an organisation of `out` that holds a company's head word.
pub(super) fn unname_short_forms(out: &mut [Entity]) {
    let mut rows: HashSet<Vec<&str>> = HashSet::new();
    for e in out.iter().filter(|e| e.kind == EntityKind::Organization) {
        let w = words(&e.name);
        if !w.iter().any(|x| COMPANY_HEADS.contains(x)) {
            continue;
        }
        // rows shorter than the whole name: a short form leaves a word out
        for n in 2..w.len().min(MAX_SHORT_FORM + 1) {
            rows.extend(w.windows(n).map(<[&str]>::to_vec));
        }
    }
    if rows.is_empty() {
        return;
    }
    let short: Vec<bool> = out
        .iter()
        .map(|e| {
            e.kind == EntityKind::Person && e.title.is_none() && rows.contains(&words(&e.name))
        })
        .collect();
    for (e, s) in out.iter_mut().zip(short) {
        if s {
            e.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;

    #[test]
    fn a_company_s_short_name_is_no_one() {
        let p = people(
            "Velmar Orchard Supply Co said it sold a plant. Velmar Orchard said the price was \
             fair, Dana Quellby said.",
        );
        assert_eq!(p, ["Dana Quellby"]);
        // a person named apart from any organisation stays a person
        let p = people("Velmar Orchard Supply Co hired Dana Quellby.");
        assert_eq!(p, ["Dana Quellby"]);
        // a place's name that a hospital's holds stays as it was
        let p = people("She was taken to Velmar Orchard Hospital near Velmar Orchard.");
        assert_eq!(p, ["Velmar Orchard"]);
    }
}
