//! The in-memory index of article summaries, with postings by measure and week so that a
//! lookup touches only the articles of the same weeks.

use super::matching::{compare_claims, compare_events, name_variant, same_story, Verdict};
use super::{ArticleSummary, ClaimSummary, EventSummary, NameSummary};
use chrono::Datelike;
use std::collections::HashMap;

const NO_DATE: i64 = i64::MIN;

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
        self.free.push(slot);
        true
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
        let mut story_cache: HashMap<u32, bool> = HashMap::new();
        for w in weeks {
            let Some(posting) = self.claims.get(&(claim.measure.clone(), w)) else {
                continue;
            };
            for (slot, ci) in posting {
                let Some(other) = self.article(*slot) else {
                    continue;
                };
                let same = *story_cache
                    .entry(*slot)
                    .or_insert_with(|| same_story(this, other, window_days));
                if !same {
                    continue;
                }
                let Some(c) = other.claims.get(*ci as usize) else {
                    continue;
                };
                if let Some(verdict) = compare_claims(this, claim, other, c) {
                    out.push(ClaimMatch {
                        article: other,
                        claim: c,
                        verdict,
                    });
                }
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
                    .or_insert_with(|| same_story(this, other, window_days))
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
                    && same_story(this, other, window_days)
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
