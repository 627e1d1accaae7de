//! A company's short name read as a person's. A wire story names a company in full once
//! ("Velmar Orchard Supply Co", "Orrin Lakes and Co Inc") and then by its first words
//! ("Velmar Orchard said"), which have a person's shape. When the article names a company
//! (an organisation with a company's head word) whose words hold a person's name in a row,
//! that "person" is the company's short name: it is kept as an organisation's name. Only a
//! company's: a hospital or an office named for a place is named by that place alone too.

use super::{without_possessive, Entity, EntityKind};

crate::word_set!(
    /// Head words of a company's name ("Co", "plc").
    COMPANY_HEADS = file "org-heads.tsv", tag "company"
);

/// The words of a name, a possessive dropped from each.
fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().map(without_possessive).collect()
}

/// Makes organisations of the untitled people of `out` whose every word, in order, is a row
/// of words in the name of an organisation of `out` that holds a company's head word.
pub(super) fn unname_short_forms(out: &mut [Entity]) {
    let orgs: Vec<Vec<&str>> = out
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| words(&e.name))
        .filter(|w| w.iter().any(|x| COMPANY_HEADS.contains(x)))
        .collect();
    if orgs.is_empty() {
        return;
    }
    let short: Vec<bool> = out
        .iter()
        .map(|e| {
            let w = words(&e.name);
            e.kind == EntityKind::Person
                && e.title.is_none()
                && w.len() >= 2
                && orgs
                    .iter()
                    .any(|o| o.len() > w.len() && o.windows(w.len()).any(|x| x == w.as_slice()))
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
