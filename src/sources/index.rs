//! The in-memory index of article summaries, with postings by measure and week so that a
//! lookup touches only the articles of the same weeks.

use super::matching::{affinity, compare_events, name_variant, same_story, Verdict};
use super::{ArticleSummary, ClaimSummary, EventSummary, NameSummary};
use chrono::Datelike;
use std::collections::HashMap;

const NO_DATE: i64 = i64::MIN;

/// How two articles relate as stories (see `Index::story`).
#[derive(Clone, Copy, Debug)]
struct Story {
    /// Very likely the same story; else only possibly.
    likely: bool,
}

/// The score (see `matching::affinity`) a figure needs when the stories are only possibly the
/// same: the same value, or several words in common.
const STRONG: f64 = 3.0;

/// Story similarity (see `Index::story_similarity`) below which two articles published within
/// the window are not the same story, and above which they very likely are.
const DATED: (f64, f64) = (0.06, 0.10);

/// The same when a publication date is missing: more words in common are needed.
const UNDATED: (f64, f64) = (0.12, 0.15);

/// How far below the best score a figure may be and still be taken as the same figure (two
/// mentions of one toll in an article score alike).
const TIE: f64 = 1.0;

/// True when no figure of `this` article scores higher with `c` (of `other`) than `score`, the
/// score of the figure being matched.
fn closest_in(this: &ArticleSummary, other: &ArticleSummary, c: &ClaimSummary, score: f64) -> bool {
    this.claims
        .iter()
        .filter(|x| x.measure == c.measure)
        .filter_map(|x| affinity(other, c, this, x))
        .filter(|(v, _)| v.same_group())
        .all(|(_, s)| s < score + TIE)
}

fn day(d: chrono::NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn week(d: Option<chrono::NaiveDate>) -> i64 {
    d.map_or(NO_DATE, |d| i64::from(d.num_days_from_ce()) / 7)
}

/// Summaries of many articles, incrementally updated.
#[derive(Clone, Default, Debug)]
pub struct Index {
    slots: Vec<Option<ArticleSummary>>,
    free: Vec<usize>,
    by_path: HashMap<String, usize>,
    claims: HashMap<(String, i64), Vec<(u32, u32)>>,
    events: HashMap<i64, Vec<(u32, u32)>>,
    names: HashMap<String, Vec<(u32, u32)>>,
    /// In how many articles each keyword hash appears (for weighting rare words).
    df: HashMap<u64, u32, PreHashed>,
    /// Bumped by every insert and remove (the keyword weights change).
    generation: u64,
    /// Each slot's total keyword weight, computed when first needed after a change.
    norms: Norms,
}

/// Keys that are already hashes (keyword hashes) need no hashing again.
#[derive(Clone, Copy, Default, Debug)]
struct PreHashed;

/// The hasher of [`PreHashed`]: passes a `u64` through.
#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for PreHashed {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough::default()
    }
}

/// Cached keyword-weight totals per slot, for the generation they were computed in.
#[derive(Default)]
struct Norms(std::sync::Mutex<(u64, Vec<f64>)>);

impl Clone for Norms {
    fn clone(&self) -> Norms {
        // recomputed on demand
        Norms::default()
    }
}

impl std::fmt::Debug for Norms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Norms")
    }
}

/// Another source's figure that speaks of the same thing.
#[derive(Clone, Debug)]
pub struct ClaimMatch<'a> {
    /// The other article.
    pub article: &'a ArticleSummary,
    /// Its figure.
    pub claim: &'a ClaimSummary,
    /// How it relates.
    pub verdict: Verdict,
}

/// Another source's date for the same event.
#[derive(Clone, Debug)]
pub struct EventMatch<'a> {
    /// The other article.
    pub article: &'a ArticleSummary,
    /// Its dated event.
    pub event: &'a EventSummary,
    /// Same day or not.
    pub verdict: Verdict,
}

/// How the sources spell a person's name.
#[derive(Clone, Debug)]
pub struct NameUse<'a> {
    /// The article.
    pub article: &'a ArticleSummary,
    /// The name as written there.
    pub name: &'a NameSummary,
}

fn surname(name: &str) -> String {
    name.split_whitespace()
        .last()
        .unwrap_or(name)
        .to_lowercase()
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// The summary of a path.
    pub fn get(&self, path: &str) -> Option<&ArticleSummary> {
        self.by_path.get(path).and_then(|i| self.slots[*i].as_ref())
    }

    /// Every summary.
    pub fn iter(&self) -> impl Iterator<Item = &ArticleSummary> {
        self.slots.iter().flatten()
    }

    /// Adds or replaces an article; returns false when the same content was already indexed.
    pub fn insert(&mut self, mut s: ArticleSummary) -> bool {
        for e in &mut s.events {
            if e.word_hashes.is_empty() {
                e.word_hashes = super::hash_words(&e.words);
            }
        }
        if self
            .get(&s.path)
            .is_some_and(|old| old.hash == s.hash && old.published == s.published)
        {
            return false;
        }
        self.remove(&s.path);
        let slot = self.free.pop().unwrap_or_else(|| {
            self.slots.push(None);
            self.slots.len() - 1
        });
        let w = week(s.published);
        for (ci, c) in s.claims.iter().enumerate() {
            self.claims
                .entry((c.measure.clone(), w))
                .or_default()
                .push((slot as u32, ci as u32));
        }
        for (ei, e) in s.events.iter().enumerate() {
            self.events
                .entry(day(e.date))
                .or_default()
                .push((slot as u32, ei as u32));
        }
        for (ni, n) in s.names.iter().enumerate() {
            self.names
                .entry(surname(&n.name))
                .or_default()
                .push((slot as u32, ni as u32));
        }
        for k in &s.keywords {
            *self.df.entry(*k).or_default() += 1;
        }
        self.generation += 1;
        self.by_path.insert(s.path.clone(), slot);
        self.slots[slot] = Some(s);
        true
    }

    /// Removes an article (when its file is deleted).
    pub fn remove(&mut self, path: &str) -> bool {
        let Some(slot) = self.by_path.remove(path) else {
            return false;
        };
        let Some(s) = self.slots[slot].take() else {
            return false;
        };
        let w = week(s.published);
        let keep = |v: &mut Vec<(u32, u32)>| v.retain(|(a, _)| *a as usize != slot);
        for c in &s.claims {
            if let Some(v) = self.claims.get_mut(&(c.measure.clone(), w)) {
                keep(v);
            }
        }
        for e in &s.events {
            if let Some(v) = self.events.get_mut(&day(e.date)) {
                keep(v);
            }
        }
        for n in &s.names {
            if let Some(v) = self.names.get_mut(&surname(&n.name)) {
                keep(v);
            }
        }
        for k in &s.keywords {
            if let Some(n) = self.df.get_mut(k) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.df.remove(k);
                }
            }
        }
        self.generation += 1;
        self.free.push(slot);
        true
    }

    /// How rare a keyword is in the index: ln(1 + N / df); a word no other article has weighs most.
    fn weight(&self, k: u64) -> f64 {
        let n = self.len().max(1) as f64;
        let df = f64::from(self.df.get(&k).copied().unwrap_or(0).max(1));
        (1.0 + n / df).ln()
    }

    /// The total keyword weight of an article (cached for indexed articles).
    fn norm(&self, a: &ArticleSummary) -> f64 {
        if let Some(&slot) = self.by_path.get(&a.path) {
            if self.article(slot as u32).is_some_and(|x| x.hash == a.hash) {
                if let Some(n) = self.slot_norm(slot) {
                    return n;
                }
            }
        }
        self.total_weight(a)
    }

    /// The cached total keyword weight of the article in `slot`.
    fn slot_norm(&self, slot: usize) -> Option<f64> {
        let mut cache = self.norms.0.lock().ok()?;
        if cache.0 != self.generation || cache.1.len() != self.slots.len() {
            let fresh: Vec<f64> = self
                .slots
                .iter()
                .map(|s| s.as_ref().map_or(0.0, |s| self.total_weight(s)))
                .collect();
            *cache = (self.generation, fresh);
        }
        cache.1.get(slot).copied()
    }

    fn total_weight(&self, a: &ArticleSummary) -> f64 {
        a.keywords.iter().map(|k| self.weight(*k)).sum()
    }

    /// How much two articles' wording has in common, from 0 to 1: the weight of the keywords
    /// they share over the weight of the smaller article's keywords (rare words count most).
    pub fn story_similarity(&self, a: &ArticleSummary, b: &ArticleSummary) -> f64 {
        self.similarity_with(a, self.norm(a), b)
    }

    /// [`Index::story_similarity`] with `a`'s total weight already known.
    fn similarity_with(&self, a: &ArticleSummary, a_norm: f64, b: &ArticleSummary) -> f64 {
        self.similarity_norms(a, a_norm, b, None)
    }

    /// [`Index::similarity_with`], with `b`'s slot when it is indexed.
    fn similarity_norms(
        &self,
        a: &ArticleSummary,
        a_norm: f64,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> f64 {
        let (ka, kb) = (&a.keywords, &b.keywords);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < ka.len() && j < kb.len() {
            match ka[i].cmp(&kb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight(ka[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        if shared <= 0.0 {
            return 0.0;
        }
        let b_norm = b_slot
            .and_then(|slot| self.slot_norm(slot as usize))
            .unwrap_or_else(|| self.norm(b));
        let norm = f64::min(a_norm, b_norm);
        if norm <= 0.0 {
            0.0
        } else {
            (shared / norm).min(1.0)
        }
    }

    /// True when two articles can be about the same story: publication dates within the
    /// window (when both are known) and enough rare words in common (more when a date is
    /// missing). See [`Index::story_similarity`].
    pub fn same_story(&self, a: &ArticleSummary, b: &ArticleSummary, window_days: i64) -> bool {
        self.story(a, b, window_days).is_some_and(|s| s.likely)
    }

    /// How two articles relate as stories: None when they cannot be the same story; else
    /// whether they very likely are (`likely`), or only may be, in which case a figure needs
    /// stronger evidence (the same value, or sentences with words in common).
    fn story(&self, a: &ArticleSummary, b: &ArticleSummary, window_days: i64) -> Option<Story> {
        self.story_with(a, None, b, None, window_days)
    }

    /// [`Index::story`], with `a`'s total keyword weight when already known.
    fn story_with(
        &self,
        a: &ArticleSummary,
        a_norm: Option<f64>,
        b: &ArticleSummary,
        b_slot: Option<u32>,
        window_days: i64,
    ) -> Option<Story> {
        if a.path == b.path {
            return None;
        }
        if a.keywords.is_empty() || b.keywords.is_empty() {
            // summaries from before keywords were kept: the older test
            return same_story(a, b, window_days).then_some(Story { likely: true });
        }
        let (low, high) = match (a.published, b.published) {
            (Some(x), Some(y)) => {
                if (x - y).num_days().abs() > window_days {
                    return None;
                }
                DATED
            }
            _ => UNDATED,
        };
        let a_norm = a_norm.unwrap_or_else(|| self.norm(a));
        let sim = self.similarity_norms(a, a_norm, b, b_slot);
        (sim >= low).then_some(Story {
            likely: sim >= high,
        })
    }

    fn article(&self, slot: u32) -> Option<&ArticleSummary> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// Figures in other articles of the same story that count the same thing as `claim`,
    /// newest first.
    pub fn claim_matches<'a>(
        &'a self,
        this: &ArticleSummary,
        claim: &ClaimSummary,
        window_days: i64,
    ) -> Vec<ClaimMatch<'a>> {
        let mut out = Vec::new();
        let mut weeks: Vec<i64> = match this.published {
            Some(_) => {
                let w = week(this.published);
                let span = window_days / 7 + 1;
                (w - span..=w + span).collect()
            }
            None => self
                .claims
                .keys()
                .filter(|(m, _)| *m == claim.measure)
                .map(|(_, w)| *w)
                .collect(),
        };
        if this.published.is_some() {
            weeks.push(NO_DATE);
        }
        // the articles with a figure of this measure in those weeks, each once
        let mut slots: Vec<u32> = Vec::new();
        for w in weeks {
            if let Some(posting) = self.claims.get(&(claim.measure.clone(), w)) {
                slots.extend(posting.iter().map(|(slot, _)| *slot));
            }
        }
        slots.sort_unstable();
        slots.dedup();
        let this_norm = self.norm(this);
        for slot in slots {
            let Some(other) = self.article(slot) else {
                continue;
            };
            let Some(story) =
                self.story_with(this, Some(this_norm), other, Some(slot), window_days)
            else {
                continue;
            };
            let scored: Vec<(&ClaimSummary, Verdict, f64)> = other
                .claims
                .iter()
                .filter(|c| c.measure == claim.measure)
                .filter_map(|c| affinity(this, claim, other, c).map(|(v, s)| (c, v, s)))
                .collect();
            let best = scored
                .iter()
                .filter(|(_, v, _)| v.same_group())
                .map(|(_, _, s)| *s)
                .fold(f64::NEG_INFINITY, f64::max);
            for (c, verdict, score) in scored {
                // the same group: only the figures of the other article that speak most like
                // this one, and for which this one is, in turn, the closest in this article
                if verdict.same_group()
                    && (score < best - TIE
                        || (!story.likely && score < STRONG)
                        || !closest_in(this, other, c, score))
                {
                    continue;
                }
                out.push(ClaimMatch {
                    article: other,
                    claim: c,
                    verdict,
                });
            }
        }
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
                .then(a.claim.span.cmp(&b.claim.span))
        });
        out
    }

    /// Dates that other articles of the same story give for the same event, newest first.
    pub fn event_matches<'a>(
        &'a self,
        this: &ArticleSummary,
        event: &EventSummary,
        window_days: i64,
    ) -> Vec<EventMatch<'a>> {
        let hashed;
        let event = if event.word_hashes.is_empty() {
            hashed = EventSummary {
                word_hashes: super::hash_words(&event.words),
                ..event.clone()
            };
            &hashed
        } else {
            event
        };
        let mut out = Vec::new();
        // events differing by more than a week are not compared (see compare_events)
        let w = day(event.date);
        let mut story_cache: HashMap<u32, bool> = HashMap::new();
        for wk in w - 7..=w + 7 {
            let Some(posting) = self.events.get(&wk) else {
                continue;
            };
            for (slot, ei) in posting {
                let Some(other) = self.article(*slot) else {
                    continue;
                };
                let Some(e) = other.events.get(*ei as usize) else {
                    continue;
                };
                // the cheap test first: the same words around the date
                let Some(verdict) = compare_events(event, e) else {
                    continue;
                };
                if !*story_cache
                    .entry(*slot)
                    .or_insert_with(|| self.same_story(this, other, window_days))
                {
                    continue;
                }
                out.push(EventMatch {
                    article: other,
                    event: e,
                    verdict,
                });
            }
        }
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
        });
        out
    }

    /// How other articles of the same story write this person's name (same spelling or a variant).
    pub fn name_uses<'a>(
        &'a self,
        this: &ArticleSummary,
        name: &str,
        window_days: i64,
    ) -> Vec<NameUse<'a>> {
        let mut out = Vec::new();
        // a variant may differ in the surname too ("Naghdalyan"/"Nagdalyan"): look up by the first letters
        let key = surname(name);
        let prefix: String = key.chars().take(3).collect();
        for (k, posting) in &self.names {
            if !k.starts_with(&prefix) {
                continue;
            }
            for (slot, ni) in posting {
                let Some(other) = self.article(*slot) else {
                    continue;
                };
                let Some(n) = other.names.get(*ni as usize) else {
                    continue;
                };
                if (n.name == name || name_variant(name, &n.name))
                    && self.same_story(this, other, window_days)
                {
                    out.push(NameUse {
                        article: other,
                        name: n,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::sources::summarize;

    fn index(files: &[(&str, &str)]) -> Index {
        let mut i = Index::new();
        for (path, text) in files {
            i.insert(summarize(path, &Analysis::new(text)));
        }
        i
    }

    fn matches(i: &Index, path: &str, figure: &str) -> Vec<(String, String, Verdict)> {
        let Some(this) = i.get(path) else {
            return Vec::new();
        };
        let Some(c) = this.claims.iter().find(|c| c.text.starts_with(figure)) else {
            return Vec::new();
        };
        i.claim_matches(this, c, 21)
            .into_iter()
            .map(|m| (m.article.path.clone(), m.claim.text.clone(), m.verdict))
            .collect()
    }

    const STRIKE_A: &str = " date 2020-10-11 At least seven people were killed and 33 wounded overnight when a missile struck the city of Ganja, Azerbaijani officials said. The strike hit a residential block near the old market. Since the war began, more than 600 soldiers have been killed, the defence ministry said.\n";
    const STRIKE_B: &str = " date 2020-10-11 Seven people were killed when a missile hit a residential block near the old market in Ganja overnight, officials said. Rescuers searched the rubble of the block through the morning.\n";
    const BAKE_SALE: &str = " date 2020-10-11 The school bake sale raised money for new library books, and seven people volunteered at the stall, the organisers said.\n";

    #[test]
    fn the_closest_figure_of_the_same_story_matches_and_other_stories_do_not() {
        let i = index(&[
            ("a.txt", STRIKE_A),
            ("b.txt", STRIKE_B),
            ("c.txt", BAKE_SALE),
        ]);
        let m = matches(&i, "b.txt", "Seven people");
        assert!(
            m.iter().any(|(p, t, v)| p == "a.txt"
                && t.starts_with("At least seven")
                && *v == Verdict::Agrees),
            "{m:?}"
        );
        // the war's toll of soldiers is at most a narrower group, and the bake sale another story
        assert!(
            !m.iter()
                .any(|(_, t, v)| t.contains("600") && v.same_group()),
            "{m:?}"
        );
        assert!(!m.iter().any(|(p, _, _)| p == "c.txt"), "{m:?}");
        assert!(
            i.story_similarity(i.get("a.txt").expect("a"), i.get("b.txt").expect("b"))
                > i.story_similarity(i.get("a.txt").expect("a"), i.get("c.txt").expect("c"))
        );
    }

    #[test]
    fn a_toll_for_one_country_is_not_the_toll_for_two() {
        let i = index(&[
            ("a.txt", " date 2023-02-07 The earthquake killed more than 5,400 people in Turkey and Syria, officials said on Tuesday as rescuers searched collapsed buildings.\n"),
            ("b.txt", " date 2023-02-07 The earthquake killed at least 3,400 people in Turkey, officials said on Tuesday as rescuers searched collapsed buildings.\n"),
            ("c.txt", " date 2023-02-08 The earthquake has killed more than 7,000 people in Turkey and Syria, officials said on Wednesday as rescuers searched collapsed buildings.\n"),
        ]);
        let m = matches(&i, "a.txt", "more than 5,400");
        assert!(!m.iter().any(|(p, _, _)| p == "b.txt"), "{m:?}");
        assert!(
            m.iter()
                .any(|(p, _, v)| p == "c.txt" && *v == Verdict::Agrees),
            "{m:?}"
        );
    }
}
