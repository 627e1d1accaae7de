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
/// name with a month in it is a table's label ("Pay April", "Record May"); a company's head
/// alone ("Corp") names no one. When the lead names no one else, a headline written in
/// capitals only gives its content words, each as a name of one word (see
/// [`headline_words`]): the other words of a headline are what happened to whom the lead
/// names ("… Weighs Offer", "… To Idle Plants").
pub(crate) fn lead_subjects(a: &Analysis) -> Vec<String> {
    let prose = a.article.prose(&a.text);
    let agents = agents(a, &prose);
    let mut v: Vec<String> = a
        .entities
        .iter()
        .zip(agents)
        .filter(|(e, agent)| {
            e.sentence < LEAD_SENTENCES
                && e.kind != EntityKind::Place
                && !agent
                && !in_wire_dateline(a, &prose, e.sentence)
        })
        .filter_map(|(e, _)| {
            let name = e.name.to_lowercase();
            let bare = name
                .strip_suffix("'s")
                .or_else(|| name.strip_suffix("’s"))
                .unwrap_or(&name);
            let shouted = !e.span.slice(&a.text).chars().any(char::is_lowercase);
            (is_name(bare) && !only_heads(bare) && (!shouted || is_company(bare)))
                .then(|| bare.to_string())
        })
        .collect();
    if v.is_empty() {
        v = headline_words(a);
    }
    v.sort();
    v.dedup();
    v
}

crate::word_set!(
    /// Words naming a party that acts for a story's subject ("lead manager", "rated by").
    AGENT_ROLES = file "agent-roles.txt"
);

crate::word_set!(
    /// Words that join names in one list ("X, Y and Z").
    NAME_LIST_JOINERS = file "name-list-joiners.txt"
);

/// For each entity of `a` (in order), whether it is named in the lead as a party acting for
/// the subject (see [`AGENT_ROLES`]): right after a role's words ("said lead underwriter
/// Velmar Securities", "rated by Ostrin Ratings"), with the role's words in its title, or
/// joined by a comma or "and" to such a party in the same sentence ("through underwriters
/// Velmar Securities, Ostrin Brothers and Pellam Co"). `prose` is the article's prose (markup
/// blanked, see `Article::prose`).
fn agents(a: &Analysis, prose: &str) -> Vec<bool> {
    let mut out = Vec::with_capacity(a.entities.len());
    // the previous entity of the lead: its sentence, where it ends, whether it was an agent
    let mut prev: Option<(usize, usize, bool)> = None;
    for e in &a.entities {
        if e.sentence >= LEAD_SENTENCES {
            out.push(false);
            continue;
        }
        let sentence_start = a
            .article
            .sentences
            .get(e.sentence)
            .map_or(0, |s| s.span.start);
        let from = match prev {
            Some((s, end, _)) if s == e.sentence && end <= e.span.start => end,
            _ => sentence_start.min(e.span.start),
        };
        let gap = prose.get(from..e.span.start).unwrap_or("");
        let listed = matches!(prev, Some((s, _, true)) if s == e.sentence) && joins_a_list(gap);
        let title = e.title.as_deref().unwrap_or("");
        let agent = listed || ends_with_role(gap) || (!title.is_empty() && ends_with_role(title));
        out.push(agent);
        prev = Some((e.sentence, e.span.end, agent));
    }
    out
}

/// True when the last one to three words of `before` (the text before a name, or its title)
/// name a party's role (see [`AGENT_ROLES`]), nothing but spaces after them.
fn ends_with_role(before: &str) -> bool {
    if !before.ends_with(|c: char| c.is_whitespace() || c.is_alphabetic()) {
        return false;
    }
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    (1..=words.len()).any(|n| {
        let phrase: Vec<&str> = words[..n].iter().rev().map(String::as_str).collect();
        AGENT_ROLES.contains(&phrase.join(" "))
    })
}

/// True when `gap`, the text between two names, only joins them in a list: commas, spaces and
/// at most one conjunction ("Velmar Securities, Ostrin Brothers and Pellam Co").
fn joins_a_list(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => true,
        [w] => NAME_LIST_JOINERS.contains(w),
        _ => false,
    }
}

/// True when sentence `i` of `a` is a wire dateline ("HARBOUR CITY, May 5 -"): the town a
/// story is filed from is no one it is about.
fn in_wire_dateline(a: &Analysis, prose: &str, i: usize) -> bool {
    let Some(s) = a.article.sentences.get(i) else {
        return false;
    };
    let t = prose.get(s.span.start..s.span.end).unwrap_or("").trim_end();
    let Some(body) = t.strip_suffix(['-', '–', '—']) else {
        return false;
    };
    let body = body.trim_end_matches(['-', ' ']);
    let day = body
        .rsplit(' ')
        .next()
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    day && body.contains(',')
}

/// The content words of a headline written in capitals only (the article's first sentence,
/// with no lower-case letter), months aside: a wire's shouted headline opens with the
/// company it is about ("ZEMPORAX TRUST SETS PAYOUT") whether or not its name holds a
/// company's head, so its words that few texts hold (the index weighs them, see
/// `Index::own_subjects`) tell whom it is about; a results table's heading ("3RD QTR OPER
/// NET") is made of words every such table holds.
fn headline_words(a: &Analysis) -> Vec<String> {
    let Some(first) = a.article.sentences.first() else {
        return Vec::new();
    };
    let text = first.span.slice(&a.text);
    let shouted = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    if !shouted {
        return Vec::new();
    }
    // the prose only: markup in the headline is no word of it
    let prose = a.article.prose(&a.text);
    let body = prose.get(first.span.end..).unwrap_or("");
    let told = told_in_lower_case(body);
    let mut out = Vec::new();
    let headline = prose.get(first.span.start..first.span.end).unwrap_or("");
    for run in headline.split(|c: char| !c.is_alphanumeric()) {
        let w = run.to_lowercase();
        // what happened: the first word the story writes in lower case only ("RAISED"),
        // past the name's first word (a name the story writes in lower case: "K mart")
        if !out.is_empty() && told.contains(&w) {
            break;
        }
        out.extend(
            super::words_of(run, crate::text::Span::new(0, run.len()))
                .into_iter()
                .filter(|w| w.chars().any(char::is_alphabetic) && is_name(w)),
        );
    }
    out
}

/// The words `body` writes in lower case and never with a capital first (lowercase): words
/// of what happened ("raised", "postings"), never of a name.
fn told_in_lower_case(body: &str) -> std::collections::HashSet<String> {
    let mut lower = std::collections::HashSet::new();
    let mut capital = std::collections::HashSet::new();
    for w in body.split(|c: char| !c.is_alphanumeric()) {
        match w.chars().next() {
            Some(c) if c.is_lowercase() => {
                lower.insert(w.to_string());
            }
            Some(c) if c.is_uppercase() => {
                capital.insert(w.to_lowercase());
            }
            _ => {}
        }
    }
    lower.retain(|w| !capital.contains(w));
    lower
}

/// True when every word of a lowercase name is a company's head ("corp": the head of a name
/// whose other words were not capitalised, "K mart Corp").
fn only_heads(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| crate::entities::COMPANY_HEADS.contains(w))
}

crate::word_set!(
    /// Words that name a class of shares or debt before its letter ("Class B", "Series C").
    SECURITY_CLASSES = file "security-classes.txt"
);

/// True when no word of a lowercase name is a month (a table's "Pay April" is no one) and
/// the name is no class of shares or debt ("class b", "series 2": a label many companies'
/// notices hold).
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let class = match words.as_slice() {
        [head, mark] => {
            SECURITY_CLASSES.contains(head)
                && (mark.chars().count() == 1 || mark.chars().all(|c| c.is_ascii_digit()))
        }
        _ => false,
    };
    !class
        && words
            .iter()
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
        std::iter::once(super::content_hash(s)).chain(
            words
                .into_iter()
                .filter(|w| !is_place_word(w))
                .map(|w| super::content_hash(&w)),
        )
    })
}

/// True when a word of a name is a place of the gazetteer ("Velmar Valley Bank" of the town
/// Velmar Valley, a state's name in a utility's): every firm of that town or state may bear
/// it, and every story filed from there holds it, so it tells no one apart.
fn is_place_word(w: &str) -> bool {
    crate::lexicon::places::is_place(w)
}

/// The lead subjects of an article that name a company (a company's head and a word besides:
/// "Velmar Motors Corp"), as the keys of each, its name's first (see [`company_keys`]). The
/// index keeps those many texts name apart from the rare ones (see `Index::house_subjects`):
/// a company every desk writes about is still whom its own story is about.
pub(crate) fn companies(subjects: &[String]) -> impl Iterator<Item = Vec<u64>> + '_ {
    subjects
        .iter()
        .filter(|s| is_company(s) && !only_heads(s))
        .map(|s| company_keys(s))
}

/// The keys a company's name is found by in another article's keywords: the name itself and
/// each of its content words but its company's heads ("velmar", "motors" of "velmar motors
/// corp"): an article holding none of them does not name the company.
fn company_keys(name: &str) -> Vec<u64> {
    let words = super::words_of(name, crate::text::Span::new(0, name.len()));
    std::iter::once(super::content_hash(name))
        .chain(
            words
                .iter()
                .filter(|w| !crate::entities::COMPANY_HEADS.contains(w) && !is_place_word(w))
                .map(|w| super::content_hash(w)),
        )
        .collect()
}

/// True when both articles name a subject of their own in their leads (`own_a`, `own_b`:
/// the keys of each one's subjects that count as its own, see [`subject_keys`]; or, when it
/// has none, `house_a`/`house_b`: its lead names a company many texts name that the other
/// article does not name anywhere) and neither article holds any key of the other's own
/// (`a_holds`, `b_holds`: whether each holds a key among its keywords): two stories about
/// different organisations or people.
pub(crate) fn subjects_apart(
    (own_a, house_a): (&[u64], bool),
    (own_b, house_b): (&[u64], bool),
    a_holds: impl Fn(u64) -> bool,
    b_holds: impl Fn(u64) -> bool,
) -> bool {
    (!own_a.is_empty() || house_a)
        && (!own_b.is_empty() || house_b)
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
    fn a_shouted_headline_names_whom_it_is_about_when_the_lead_names_no_one() {
        // a payout notice: the company's name has no company's head, the lead names no one
        let v = subjects(
            " date 2031-05-04 QUELLBY ORCHARD TRUST SETS PAYOUT\n\nTARNOW, May 4 - Qtly div 12 \
             cts vs 12 cts prior\n\nPay June 2\n",
        );
        assert!(v.iter().any(|s| s == "quellby"), "{v:?}");
        assert!(v.iter().any(|s| s == "orchard"), "{v:?}");
        // the story's own words for what happened end the name ("raised", "postings")
        let v = subjects(
            " date 2031-05-04 OSTRINCO RAISED FUEL POSTINGS\n\nOstrinco said it raised its \
             fuel postings by 20 cts a barrel.\n",
        );
        assert_eq!(v, ["ostrinco"]);
        let v = subjects(
            " date 2031-05-04 K VELMART SALES RISE\n\nK velmart Corp said its sales rose.\n",
        );
        assert_eq!(v, ["velmart"]);
        // a lead naming someone: the headline's other words tell what happened, not to whom
        let v = subjects(
            " date 2031-05-04 VELMAR MOTORS WEIGHS OFFER\n\nVelmar Motors Corp said it was \
             studying an offer from a rival.\n",
        );
        assert_eq!(v, ["velmar motors corp"]);
        // a headline in lower case is no shouted one
        let v = subjects(" date 2031-05-04 Quellby Orchard sets payout\n\nQtly div 12 cts\n");
        assert!(v.iter().all(|s| s != "orchard" && s != "payout"), "{v:?}");
    }

    #[test]
    fn a_party_acting_for_the_subject_is_no_subject() {
        // an offering's managers, named after their role, one by one or in a list
        let v = subjects(
            " date 2031-05-04 TRISKLOR POWER SELLS BONDS\n\nNEW HARBOUR, May 4 - Trisklor Power Co \
             is raising 80 mln dlrs through bonds yielding 9.1 pct, said lead manager Pellam \
             Brothers Inc.\n",
        );
        assert!(v.iter().any(|s| s.starts_with("trisklor")), "{v:?}");
        assert!(v.iter().all(|s| !s.contains("pellam")), "{v:?}");
        let v = subjects(
            " date 2031-05-04 Oduvant Corp said it filed for an offering of preferred stock \
             through underwriters Pellam Brothers Inc, Marrow Securities Corp and Ostrin Group \
             Inc.\n",
        );
        assert!(v.iter().any(|s| s.starts_with("oduvant")), "{v:?}");
        assert!(
            v.iter()
                .all(|s| !s.contains("pellam") && !s.contains("marrow") && !s.contains("ostrin")),
            "{v:?}"
        );
        assert!(ends_with_role("an issue rated by "));
        assert!(!ends_with_role("a plant built by "));
        assert!(joins_a_list(", "));
        assert!(joins_a_list(" and "));
        assert!(!joins_a_list(" bought "));
    }

    #[test]
    fn the_town_of_a_wire_dateline_is_no_subject() {
        let v = subjects(
            " date 2031-05-04 QUELLBY ORCHARD TRUST SETS PAYOUT\n\nVARNHOLM, Tessaly, May 4 - \
             Quellby Orchard Trust said its board raised the payout.\n",
        );
        assert!(v.iter().all(|s| !s.contains("varnholm")), "{v:?}");
        assert!(v.iter().any(|s| s.contains("quellby")), "{v:?}");
    }

    #[test]
    fn a_place_in_a_name_is_no_key_of_it() {
        // a town's name in a firm's: every firm and dateline of the town holds it
        let keys: Vec<u64> = subject_keys(&["paris velmar bank".to_string()]).collect();
        assert!(keys.contains(&super::super::content_hash("velmar")));
        assert!(!keys.contains(&super::super::content_hash("paris")));
        assert!(keys.contains(&super::super::content_hash("paris velmar bank")));
    }

    #[test]
    fn a_class_of_shares_or_a_bare_company_head_is_no_one() {
        assert!(!is_name("class b"));
        assert!(!is_name("series 2"));
        assert!(is_name("class action group"));
        assert!(only_heads("corp"));
        assert!(!only_heads("belnathon corp"));
        let keys: Vec<Vec<u64>> = companies(&[
            "belnathon corp".to_string(),
            "corp".to_string(),
            "mara quillen".to_string(),
        ])
        .collect();
        // the company's name and its word of its own, not its head
        assert_eq!(
            keys,
            [vec![
                super::super::content_hash("belnathon corp"),
                super::super::content_hash("belnathon")
            ]]
        );
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
            (&a, false),
            (&b, false),
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
        // the second names the first's company further down
        b_all.extend(keys(&["trisklor"]));
        b_all.sort_unstable();
        assert!(!subjects_apart(
            (&a, false),
            (&b, false),
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
        // a lead naming no one ties to any
        assert!(!subjects_apart(
            (&[], false),
            (&b, false),
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
        // unless it names a company many texts name, which the other names nowhere
        assert!(subjects_apart(
            (&[], true),
            (&b, false),
            |k| holds(&a_all, k),
            |k| holds(&b_all, k)
        ));
    }
}
