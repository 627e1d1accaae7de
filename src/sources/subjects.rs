//! Two stories told in one template about different subjects (#17): two companies' results
//! notices, two ratings changes by one agency, two retailers' monthly sales share every word of
//! the template and, by chance, one rare word besides (a rating code both were given, a
//! table heading, the suburb both firms are based in, a word of the trade). What tells them
//! apart is whom each is about: the organisations and people its opening sentences name, none
//! of which the other story names anywhere.

use crate::analysis::Analysis;
use crate::entities::EntityKind;

/// Sentences that open a report (headline, lead), where it names whom it is about.
const LEAD_SENTENCES: usize = 3;

/// The organisations and people named in the opening sentences of an article (see
/// [`LEAD_SENTENCES`]), lowercase, a possessive dropped, sorted, once each: whom the story is
/// about. A name written in capitals only (a shouted headline's run, which may be a table's
/// heading as well as a name) counts only when it holds a company's head ("… Corp"); a
/// name with a month in it is a table's label ("Pay April", "Record May").
pub(crate) fn lead_subjects(a: &Analysis) -> Vec<String> {
    let mut v: Vec<String> = a
        .entities
        .iter()
        .filter(|e| e.sentence < LEAD_SENTENCES && e.kind != EntityKind::Place)
        .filter_map(|e| {
            let name = e.name.to_lowercase();
            let bare = name
                .strip_suffix("'s")
                .or_else(|| name.strip_suffix("’s"))
                .unwrap_or(&name);
            let shouted = !e.span.slice(&a.text).chars().any(char::is_lowercase);
            (is_name(bare) && (!shouted || is_company(bare))).then(|| bare.to_string())
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// True when no word of a lowercase name is a month (a table's "Pay April" is no one).
fn is_name(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| crate::time::lexicon::month(w).is_none())
}

/// True when a word of a lowercase name heads a company's name ("Velmary Power Co", and a
/// shouted headline's run going on past it: "Velmary Power Co Sets Payout").
fn is_company(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| crate::entities::COMPANY_HEADS.contains(w))
}

/// The keys a subject name is found by in another article's keywords: the name itself (as a
/// topic) and each of its content words.
pub(crate) fn subject_keys(subjects: &[String]) -> impl Iterator<Item = u64> + '_ {
    subjects.iter().flat_map(|s| {
        let words = super::words_of(s, crate::text::Span::new(0, s.len()));
        std::iter::once(super::content_hash(s))
            .chain(words.into_iter().map(|w| super::content_hash(&w)))
    })
}

/// True when both articles name a subject of their own in their leads (`own_a`, `own_b`:
/// the keys of each one's subjects that count as its own, see [`subject_keys`]) and neither
/// article holds any key of the other's (`a_holds`, `b_holds`: whether each holds a key among
/// its keywords): two stories about different organisations or people.
pub(crate) fn subjects_apart(
    own_a: &[u64],
    own_b: &[u64],
    a_holds: impl Fn(u64) -> bool,
    b_holds: impl Fn(u64) -> bool,
) -> bool {
    !own_a.is_empty()
        && !own_b.is_empty()
        && !own_a.iter().any(|k| b_holds(*k))
        && !own_b.iter().any(|k| a_holds(*k))
}

/// True when sorted or unsorted keywords `keys` hold `k`.
pub(crate) fn holds(keys: &[u64], k: u64) -> bool {
    if keys.is_sorted() {
        keys.binary_search(&k).is_ok()
    } else {
        keys.contains(&k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subjects(text: &str) -> Vec<String> {
        lead_subjects(&Analysis::new(text))
    }

    #[test]
    fn a_lead_names_whom_it_is_about() {
        let v = subjects(
            " date 2031-05-04 Belnathon Corp said on Monday it would close its plant in \
             Paysandu, chief executive Mara Quillen told reporters.\n",
        );
        assert!(v.iter().any(|s| s.starts_with("belnathon")), "{v:?}");
        assert!(v.iter().any(|s| s == "mara quillen"), "{v:?}");
        assert!(!v.iter().any(|s| s == "paysandu"), "{v:?}");
    }

    #[test]
    fn a_shouted_table_heading_or_a_month_label_is_no_subject() {
        // a results table under a shouted headline: the company counts, the heading does not
        let v = subjects(
            " date 2031-05-04 ZEMPORAX LTD 3RD QTR OPER NET\n\nShr 12 cts vs 9 cts\n\n\
             Net 4.1 mln vs 3.2 mln\n",
        );
        assert!(v.iter().all(|s| !s.contains("qtr")), "{v:?}");
        assert!(is_company("zemporax ltd"));
        assert!(!is_company("oper net"));
        assert!(is_company("zemporax corp sets payout"));
        // a dividend table's row
        assert!(!is_name("pay april"));
        assert!(is_name("quillen holdings"));
    }

    #[test]
    fn two_leads_about_different_companies_are_apart_unless_one_names_the_other() {
        let keys = |v: &[&str]| -> Vec<u64> {
            let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
            let mut k: Vec<u64> = subject_keys(&s).collect();
            k.sort_unstable();
            k
        };
        let (a, b) = (keys(&["trisklor holdings"]), keys(&["oduvant corp"]));
        // what each article holds besides: its own subject and a template word
        let mut a_all = a.clone();
        a_all.push(super::super::content_hash("dividend"));
        a_all.sort_unstable();
        let mut b_all = b.clone();
        b_all.push(super::super::content_hash("dividend"));
        b_all.sort_unstable();
        assert!(subjects_apart(
            &a,
            &b,
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
        // the second names the first's company further down
        b_all.extend(keys(&["trisklor"]));
        b_all.sort_unstable();
        assert!(!subjects_apart(
            &a,
            &b,
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
        // a lead naming no one ties to any
        assert!(!subjects_apart(
            &[],
            &b,
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
    }
}
