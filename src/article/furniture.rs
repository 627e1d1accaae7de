//! Page furniture that is other stories, not the article: lists of links to related stories
//! ("MORE FROM <outlet>" and the headlines under it, "RELATED: <headline>") and video
//! playlists ("1:15 <headline>" lines). A scraped local report often carries the headlines of
//! the outlet's other crime stories; their figures ("Two killed in …") belong to those stories,
//! and read as the article's own they are wrong counts and false cross-source matches.
//!
//! Dropped paragraphs leave [`Article::paragraphs`] and [`Article::sentences`] and are added to
//! [`Article::skipped`], so no part of the analysis reads them.

use super::{Article, ParagraphKind};
use crate::lexicon::sets::CLOCK_WORDS;

crate::word_set!(
    /// Headings and lead words of lists of links to other stories ("more from", "related").
    RELATED_HEADINGS = file "related-headings.txt"
);

/// The first words of [`RELATED_HEADINGS`], lowercase.
static FIRST_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        RELATED_HEADINGS
            .iter()
            .filter_map(|h| h.split_whitespace().next())
            .map(str::to_lowercase)
            .collect()
    });

/// True when `w`, compared without case, opens a related-stories heading.
fn opens_heading(w: &str) -> bool {
    if w.len() > 16 || w.is_empty() {
        return false;
    }
    let mut buf = [0u8; 16];
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|l| FIRST_WORDS.contains(l))
}

/// At most this many headlines follow one related-stories heading.
const MAX_LIST: usize = 20;

/// Removes the paragraphs of `article` that are page furniture (see the module docs).
pub(super) fn drop_furniture(text: &str, article: &mut Article) {
    let drop = furniture(text, article);
    if drop.iter().all(|d| !d) {
        return;
    }
    let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
    let mut sentences = Vec::with_capacity(article.sentences.len());
    for (i, p) in article.paragraphs.iter().enumerate() {
        if drop[i] {
            article.skipped.push(p.span);
            article.furniture.push(p.span);
            continue;
        }
        let first = sentences.len();
        for s in &article.sentences[p.sentences.clone()] {
            let mut s = *s;
            s.paragraph = paragraphs.len();
            sentences.push(s);
        }
        let mut p = p.clone();
        p.sentences = first..sentences.len();
        paragraphs.push(p);
    }
    article.paragraphs = paragraphs;
    article.sentences = sentences;
}

/// Which paragraphs of `article` are furniture.
fn furniture(text: &str, article: &Article) -> Vec<bool> {
    let paras: Vec<&str> = article
        .paragraphs
        .iter()
        .map(|p| p.span.slice(text))
        .collect();
    let mut drop = vec![false; paras.len()];
    // a playlist: two or more "m:ss Headline" lines
    let items: Vec<usize> = (0..paras.len())
        .filter(|&i| playlist_item(paras[i]))
        .collect();
    if items.len() >= 2 {
        for i in items {
            drop[i] = true;
        }
    }
    let headline = |i: usize| {
        let p = paras[i];
        article.paragraphs[i].kind == ParagraphKind::Subhead
            || (bullet(p).is_some() && !ends_sentence(p) && !p.contains('\n'))
    };
    // runs of two or more "+ Headline" bullets
    let mut i = 0;
    while i < paras.len() {
        let mut j = i;
        while j < paras.len() && paras[j].starts_with("+ ") && headline(j) {
            j += 1;
        }
        if j - i >= 2 {
            drop[i..j].iter_mut().for_each(|d| *d = true);
        }
        i = j.max(i + 1);
    }
    for i in 0..paras.len() {
        match related_lead(paras[i]) {
            // "RELATED: <headline>" on one line
            Some(rest) if !rest.is_empty() && !rest.contains('\n') && !ends_sentence(rest) => {
                drop[i] = true;
            }
            // a heading: the headlines under it go with it; under a heading that ends in a
            // colon ("Related Stories:"), any one-line paragraph that is no sentence
            Some("")
                if article.paragraphs[i].kind == ParagraphKind::Subhead
                    || paras[i].trim_end().ends_with(':') =>
            {
                let colon = paras[i].trim_end().ends_with(':');
                let title = |j: usize| {
                    let p = paras[j].trim();
                    colon && !p.is_empty() && !p.contains('\n') && !ends_sentence(p)
                };
                let n = (i + 1..paras.len().min(i + 1 + MAX_LIST))
                    .take_while(|&j| headline(j) || title(j))
                    .count();
                if n > 0 {
                    drop[i..=i + n].iter_mut().for_each(|d| *d = true);
                }
            }
            _ => {}
        }
    }
    drop
}

/// The text after a related-stories lead ("RELATED: x" → "x", "MORE FROM X" → ""), when `p`
/// starts with one: the lead alone, the lead followed by a separator (':', '|', '-', '–', '—')
/// and a headline, or (a heading) the lead followed by an outlet's name.
fn related_lead(p: &str) -> Option<&str> {
    // most paragraphs open with a word no heading opens with: one look-up (this runs on every
    // paragraph of every article)
    let first = p.split_whitespace().next()?;
    if !opens_heading(first.trim_end_matches([':', '|', '-', '–', '—'])) {
        return None;
    }
    let words = p
        .split_whitespace()
        .take(5)
        .map(|w| (w.as_ptr() as usize - p.as_ptr() as usize, w));
    let mut phrase = String::new();
    let mut found = None;
    for (n, (off, w)) in words.enumerate() {
        let bare = w.trim_end_matches([':', '|', '-', '–', '—']);
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(bare);
        if !RELATED_HEADINGS.contains(&phrase) {
            if bare.len() != w.len() {
                break;
            }
            continue;
        }
        let end = off + w.len();
        let rest = p[end..].trim_start();
        let sep = bare.len() != w.len();
        match rest.chars().next() {
            None => found = Some(""),
            Some(':' | '|' | '-' | '–' | '—') => {
                found = Some(
                    rest.trim_start_matches([':', '|', '-', '–', '—'])
                        .trim_start(),
                )
            }
            _ if sep => found = Some(rest),
            // "MORE FROM <outlet>" as a heading: a capitalised name, not running text
            _ if phrase.contains(' ') && heading_case(p) => found = Some(""),
            _ => {}
        }
        if sep {
            break;
        }
    }
    found
}

/// True when every letter of the line is upper case, or every word starts with a capital:
/// a heading, not a sentence ("MORE FROM THE STATION", "More From The Station").
fn heading_case(p: &str) -> bool {
    p.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
        || p.split_whitespace()
            .all(|w| !w.starts_with(|c: char| c.is_lowercase()))
}

/// The text after a bullet mark ("+ ", "• ", "- ", "* ").
pub(crate) fn bullet(p: &str) -> Option<&str> {
    ["+ ", "• ", "- ", "* "]
        .iter()
        .find_map(|b| p.strip_prefix(b))
}

/// True when `p` ends as a sentence does.
fn ends_sentence(p: &str) -> bool {
    p.trim_end().ends_with(['.', '!', '"', '”'])
}

/// True for one item of a video playlist: a one-line paragraph of a running time ("1:15",
/// "12:04") and a headline, not a time of day ("5:30 p.m. Police …") nor a sentence.
fn playlist_item(p: &str) -> bool {
    // cheap test first (this runs on every paragraph): a digit, then ':' within three bytes
    let b = p.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) || !b.iter().take(3).any(|&c| c == b':') {
        return false;
    }
    if p.contains('\n') || ends_sentence(p) || p.split_whitespace().count() > 25 {
        return false;
    }
    let Some((clock, rest)) = p.split_once(' ') else {
        return false;
    };
    let Some((m, s)) = clock.split_once(':') else {
        return false;
    };
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(m, 1..=2) || !digits(s, 2..=2) {
        return false;
    }
    let next = rest.split_whitespace().next().unwrap_or("");
    // a time of day: "5:30 p.m.", "10:00 GMT"
    let marker: String = next.chars().filter(|c| c.is_alphanumeric()).collect();
    if CLOCK_WORDS.contains(&marker) {
        return false;
    }
    next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '\'' || c == '"')
}

/// The paragraphs [`drop_furniture`] drops from `t`, sorted (for tests).
#[cfg(test)]
fn dropped(t: &str) -> Vec<&str> {
    let a = super::read(t);
    let mut out: Vec<&str> = a.furniture.iter().map(|s| s.slice(t)).collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_other_headlines_is_not_the_article() {
        let t = " date 2021-05-02 Three people were hurt in a fire on Elm Street, officials said.\n\nMORE FROM KXYZ NEWS\n\n+ Two dead after a crash on the bypass\n\n+ School board votes on budget\n\nThe fire started in a kitchen, the chief said.\n";
        assert_eq!(
            dropped(t),
            [
                "+ School board votes on budget",
                "+ Two dead after a crash on the bypass",
                "MORE FROM KXYZ NEWS"
            ]
        );
        let a = super::super::read(t);
        let kept: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(t)).collect();
        assert_eq!(
            kept,
            [
                "Three people were hurt in a fire on Elm Street, officials said.",
                "The fire started in a kitchen, the chief said."
            ]
        );
        assert!(a
            .paragraphs
            .iter()
            .enumerate()
            .all(|(i, p)| a.sentences[p.sentences.clone()]
                .iter()
                .all(|s| s.paragraph == i)));
    }

    #[test]
    fn a_related_line_and_a_playlist_are_dropped() {
        let t = " date 2021-05-02 A man was shot on Friday, police said.\n\nRELATED: Four wounded in a shooting at a park last month\n\n0:45 Mayor speaks about the budget\n\n2:10 Four hurt in weekend crash\n\nHe is in stable condition.\n";
        assert_eq!(
            dropped(t),
            [
                "0:45 Mayor speaks about the budget",
                "2:10 Four hurt in weekend crash",
                "RELATED: Four wounded in a shooting at a park last month"
            ]
        );
    }

    #[test]
    fn one_line_titles_under_a_heading_with_a_colon_are_dropped() {
        let t = " date 2021-05-02 A man was shot on Friday, police said.\n\nMore stories:\n\n3 hurt and 1 held after a brawl in a mall in 2 days\n\nThe station asks readers for tips.\n";
        assert_eq!(
            dropped(t),
            [
                "3 hurt and 1 held after a brawl in a mall in 2 days",
                "More stories:"
            ]
        );
    }

    #[test]
    fn running_text_and_times_of_day_stay() {
        // a lone clock line, a timeline entry with a time of day, prose that starts with a lead
        // word, and a heading followed by running text are all the article's
        for t in [
            " date 2021-05-02 Police arrived.\n\n5:30 p.m. Officers close the road\n\n6:15 p.m. The road opens again\n",
            " date 2021-05-02 Police arrived.\n\n1:15 Officers close the road\n",
            " date 2021-05-02 Related to the fire, two people were arrested on Sunday.\n",
            " date 2021-05-02 Police arrived.\n\nMore from the briefing\n\nThe chief said two people were hurt.\n",
            " date 2021-05-02 Read more about the case: two men were charged on Monday.\n",
            " date 2021-05-02 Police arrived.\n\n+ Two people were hurt.\n\n+ One was arrested.\n",
        ] {
            assert!(dropped(t).is_empty(), "{t}");
        }
    }
}
