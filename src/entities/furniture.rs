//! Capitalised runs that are page furniture, not people: a copyright line ("© 2016
//! <outlet>. All Rights Reserved."), a logo or a button ("EYE Logo TM", "Like Loading"), a
//! photo credit ("Photo: Jane Roe", "Jane Roe/Staff"), a run in capitals ("RAW VIDEO", a
//! heading or a byline) and a run of
//! common words capitalised by a heading ("Aggravated Assault", "Incident Update": every word
//! of it written in lower case elsewhere in the article). Two reports of one outlet share
//! their furniture; read as people, it ties reports of two incidents together. Such a run is
//! kept as an organisation's name, not a person's: the story's topics still hold its words.

use super::{in_set, Entity, EntityKind};
use crate::text::{Tok, TokKind};

crate::word_set!(
    /// Words of page furniture no one's name holds ("Caption", "Logo", "Photo").
    FURNITURE_WORDS = file "furniture-words.txt"
);
crate::word_set!(
    /// Marks of a copyright line ("©", "copyright", "rights reserved").
    COPYRIGHT_MARKS = file "copyright-marks.txt"
);

/// The marks of [`COPYRIGHT_MARKS`] of two words or more, split at their first space once
/// (`cargo bench --bench throughput`: splitting every mark at every pair of words was 1.5 %).
static COPYRIGHT_PAIRS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        COPYRIGHT_MARKS
            .iter()
            .filter_map(|m| m.split_once(' '))
            .collect()
    });

/// True when the sentence `toks` is a copyright line: it holds a mark of
/// [`COPYRIGHT_MARKS`], one token or two words in a row ("rights reserved").
pub(super) fn copyright_line(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        COPYRIGHT_MARKS.contains(t.text)
            || (t.kind == TokKind::Word
                && toks.get(i + 1).is_some_and(|n| {
                    n.kind == TokKind::Word
                        && COPYRIGHT_PAIRS.iter().any(|(x, y)| {
                            t.text.eq_ignore_ascii_case(x) && n.text.eq_ignore_ascii_case(y)
                        })
                }))
    })
}

/// True for a word written in capitals only, two letters or more ("RADIO").
fn all_caps(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.text.chars().any(char::is_lowercase)
}

/// True when the run `toks[a..b]` is no person's name (see the module docs): every word in
/// capitals, a word of page furniture, or a photo credit around it.
pub(super) fn not_a_person(toks: &[Tok], a: usize, b: usize) -> bool {
    let run = toks.get(a..b).unwrap_or(&[]);
    let words = || run.iter().filter(|t| t.kind == TokKind::Word);
    if words().next().is_none() {
        return false;
    }
    words().all(all_caps) || words().any(|t| in_set(t, &FURNITURE_WORDS)) || credit(toks, a, b)
}

/// True when the run `toks[a..b]` credits a photograph: right after a furniture word and a
/// colon or "by" ("Photo: Jane Roe", "Video by Jane Roe"), or right before a slash and the
/// outlet ("Jane Roe/Staff", "Jane Roe / Daily Herald").
fn credit(toks: &[Tok], a: usize, b: usize) -> bool {
    let before = a
        .checked_sub(2)
        .and_then(|i| toks.get(i..a))
        .is_some_and(|p| match p {
            [w, link] => in_set(w, &FURNITURE_WORDS) && (link.is_punct(':') || link.is("by")),
            _ => false,
        });
    before || toks.get(b).is_some_and(|t| t.is_punct('/'))
}

/// Makes organisations of the people of `out` (no title) whose every name word the article
/// writes in lower case elsewhere (`sentences`): common words capitalised by a heading or a
/// list of charges ("Aggravated Assault"), not a name.
pub(super) fn unname_common_word_runs(out: &mut [Entity], sentences: &crate::text::SentenceToks) {
    let name_words = |e: &Entity| -> Vec<String> {
        e.name
            .split_whitespace()
            .map(|w| super::without_possessive(w).to_lowercase())
            .collect()
    };
    // FNV, not SipHash: this hashes words of the whole article (see below)
    type Set =
        std::collections::HashSet<String, std::hash::BuildHasherDefault<crate::lexicon::Fnv>>;
    let mut wanted: Set = out
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.title.is_none())
        .flat_map(name_words)
        .collect();
    if wanted.is_empty() {
        return;
    }
    // a pass over every word of the article: look a word up only when its first and last
    // bytes and its length fit a wanted word's (a 1,024-bit filter; looking up every word
    // cost 8 % of the throughput bench)
    let mut filter = [0u64; 16];
    for w in &wanted {
        let i = filter_bit(w);
        filter[i / 64] |= 1 << (i % 64);
    }
    let mut seen = Set::default();
    'article: for toks in sentences.iter() {
        for t in toks {
            let i = filter_bit(t.text);
            if filter[i / 64] & (1 << (i % 64)) != 0
                && t.kind == TokKind::Word
                && !t.text.chars().any(char::is_uppercase)
                && wanted.remove(t.text)
            {
                seen.insert(t.text.to_string());
                if wanted.is_empty() {
                    break 'article;
                }
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    for e in out.iter_mut() {
        if e.kind == EntityKind::Person
            && e.title.is_none()
            && name_words(e).iter().all(|w| seen.contains(w))
        {
            e.kind = EntityKind::Organization;
        }
    }
}

/// The bit of a word in the filter of [`unname_common_word_runs`] (0..1024): its first and
/// last bytes and its length.
fn filter_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    (usize::from(first) * 7 + usize::from(last) * 13 + b.len() * 31) % 1024
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;

    #[test]
    fn a_copyright_line_names_no_one() {
        let p = people(
            "Dana Quellby was hurt. © 2019 Larkmoor Radio Group. All Rights Reserved. \
             Copyright 2019 Quellby Evening Post.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn logos_buttons_and_headings_in_capitals_are_no_people() {
        let p = people(
            "WATCH LIVE: Dana Quellby spoke. Caption Close Image shows the street. \
             Harbour Logo TM is theirs. Like Loading appears below.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_photo_credit_is_no_one_in_the_story() {
        let p = people(
            "Officers stood by the tape. Photo: Remy Vantorre, Larkmoor Courier. \
             The car was towed. (Ines Pollard/Staff) Dana Quellby was hurt.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_spaced_dash_after_a_place_in_capitals_joins_no_name() {
        let p = people("LARKMOOR - Dana Quellby was hurt. LARKMOOR- Remy Vantorre saw it.");
        assert_eq!(p, ["Dana Quellby", "Remy Vantorre"]);
    }

    #[test]
    fn common_words_capitalised_are_no_one_but_surnames_stay() {
        let p = people(
            "The boy faces charges of Aggravated Assault. Dana Quellby said the assault was \
             aggravated by a second gun.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }
}
