//! Story keys (#17 in the archive): which story each stored article belongs to, decided once
//! at ingest so that a lookup can go by story.
//!
//! An article takes the story of a stored copy of its text, else of the most alike stored
//! article that [`Index::same_story`] accepts, else a story of its own (from the sequence
//! `story_ids`, see [`new_stories`]). Ingesters
//! assign under one advisory lock ([`LOCK`]), each batch after reading the rows the others
//! wrote since its last batch (by epoch, see migrations/V3), so two ingesters racing on one
//! story still give it one key. An [`Assigner`] keeps the stored articles it has read (their
//! story-telling parts only, see [`skeleton`]), by date range, at most [`MAX_KEPT`].
//!
//! The keys only group: a reader decides which stories an article may share by the index's
//! own test (`Index::story_relations`) over the articles in its window, so a story split in
//! two at ingest costs a second key in the lookup, never a finding.

use super::{codec, Error};
use crate::sources::{ArticleSummary, Index};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// The advisory lock ingesters take before reading the new rows and assigning stories:
/// "stories!" in ASCII.
pub const LOCK: i64 = 0x7374_6f72_6965_7321;

/// At most this many stored articles are kept by an assigner; past it, it starts over.
pub const MAX_KEPT: usize = 200_000;

/// A keyword found in more kept articles than this does not propose candidates (it is too
/// common to tell stories apart; it still weighs in the test).
const COMMON: usize = 500;

/// Candidates come from this many of an article's rarest keywords (bounded work per article).
const RARE: usize = 12;

/// How many of the articles sharing the rarest words with a new one are tested.
const CANDIDATES: usize = 24;

/// The SQL expression of a row's skeleton (its summary without figures, dates and names).
pub const SKELETON_SQL: &str = "((summary - 'claims' - 'events' - 'names') || '{\"claims\":[],\"events\":[],\"names\":[]}'::jsonb)::text";

/// The parts of a summary story identity looks at (path, hash, date, keywords, places, the
/// days it names; its topics only when it has no keywords): its figures, dated events and
/// names left out.
pub fn skeleton(s: &ArticleSummary) -> ArticleSummary {
    ArticleSummary {
        path: s.path.clone(),
        outlet: String::new(),
        published: s.published,
        hash: s.hash,
        claims: Vec::new(),
        events: Vec::new(),
        names: Vec::new(),
        topics: if s.keywords.is_empty() {
            s.topics.clone()
        } else {
            Vec::new()
        },
        keywords: s.keywords.clone(),
        days: s
            .days
            .iter()
            .map(|d| crate::sources::DayMention {
                date: d.date,
                line: 0,
                text: String::new(),
            })
            .collect(),
        places: s.places.clone(),
        subjects: Vec::new(),
        details: s.details.clone(),
    }
}

/// A kept article: where its keywords are posted and the story it has.
#[derive(Clone, Debug)]
struct Kept {
    key: String,
    published: Option<NaiveDate>,
    story: Option<i64>,
    /// Still the key's current entry (not forgotten nor replaced).
    live: bool,
}

/// Stored articles as an ingester knows them, for assigning stories.
#[derive(Default)]
pub struct Assigner {
    /// Their skeletons, for the keyword weights and the test.
    index: Index,
    /// Entries by number; a key's current entry is `current[key]`.
    kept: Vec<Kept>,
    current: HashMap<String, u32>,
    /// Entries by keyword.
    postings: HashMap<u64, Vec<u32>>,
    /// Date ranges read in full (every row stored in them is kept).
    covered: Vec<(NaiveDate, NaiveDate)>,
    /// The undated rows were read.
    undated: bool,
    /// The last epoch read (None: not started).
    epoch: Option<i64>,
    /// The window of the story test, in days.
    window_days: i64,
}

/// One row to assign: the story it starts if it joins none, its key and summary.
pub struct Row<'a> {
    /// A key from `story_ids` for the story it starts if it joins none.
    pub new_story: i64,
    /// Its key.
    pub key: &'a str,
    /// Its summary (a skeleton is enough).
    pub summary: &'a ArticleSummary,
}

impl Assigner {
    /// An assigner testing stories within `window_days`.
    pub fn new(window_days: i64) -> Assigner {
        Assigner {
            window_days,
            ..Assigner::default()
        }
    }

    /// Number of articles kept.
    pub fn len(&self) -> usize {
        self.current.len()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.current.is_empty()
    }

    /// Keeps (or replaces) a stored article and its story.
    pub fn keep(&mut self, s: &ArticleSummary, story: Option<i64>) {
        self.forget(&s.path);
        let n = self.kept.len() as u32;
        self.kept.push(Kept {
            key: s.path.clone(),
            published: s.published,
            story,
            live: true,
        });
        self.current.insert(s.path.clone(), n);
        for k in &s.keywords {
            self.postings.entry(*k).or_default().push(n);
        }
        self.index.insert(skeleton(s));
    }

    /// Forgets a stored article (deleted, or about to be replaced).
    pub fn forget(&mut self, key: &str) {
        if let Some(n) = self.current.remove(key) {
            if let Some(e) = self.kept.get_mut(n as usize) {
                e.live = false;
            }
            self.index.remove(key);
        }
    }

    /// The story the article `s` joins: a kept copy's, else the most alike kept article's
    /// that `Index::same_story` accepts. None: a story of its own.
    pub fn story_of(&self, s: &ArticleSummary) -> Option<i64> {
        let story = |key: &str| {
            self.current
                .get(key)
                .and_then(|n| self.kept.get(*n as usize))
                .and_then(|k| k.story)
        };
        if let Some(st) = self.index.copies_of(s).iter().find_map(|c| story(&c.path)) {
            return Some(st);
        }
        // candidates: the kept articles sharing the rarest words, in the window
        let w = Duration::days(self.window_days.max(0));
        let near = |d: Option<NaiveDate>| match (s.published, d) {
            (Some(a), Some(b)) => (a - b).abs() <= w,
            _ => true,
        };
        let mut rare: Vec<&Vec<u32>> = s
            .keywords
            .iter()
            .filter_map(|k| self.postings.get(k))
            .filter(|p| p.len() <= COMMON)
            .collect();
        rare.sort_by_key(|p| p.len());
        rare.truncate(RARE);
        let mut score: HashMap<u32, f64> = HashMap::new();
        for p in rare {
            let weight = (1.0 + self.kept.len() as f64 / p.len() as f64).ln();
            for n in p {
                let Some(e) = self.kept.get(*n as usize) else {
                    continue;
                };
                if e.live && e.story.is_some() && near(e.published) {
                    *score.entry(*n).or_default() += weight;
                }
            }
        }
        let mut best: Vec<(u32, f64)> = score.into_iter().collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(CANDIDATES);
        let others: Vec<(&ArticleSummary, Option<i64>)> = best
            .iter()
            .filter_map(|(n, _)| {
                let e = self.kept.get(*n as usize)?;
                Some((self.index.get(&e.key)?, e.story))
            })
            .collect();
        self.index
            .story_relations(s, others.iter().map(|(a, _)| *a), self.window_days)
            .into_iter()
            .filter(|(_, likely, _)| *likely)
            // the most alike; on a tie the older story
            .max_by(|a, b| {
                a.2.total_cmp(&b.2).then_with(|| {
                    let st = |i: usize| others.get(i).and_then(|x| x.1);
                    st(b.0).cmp(&st(a.0))
                })
            })
            .and_then(|(i, _, _)| others.get(i).and_then(|x| x.1))
    }

    /// Assigns stories to `rows` in order (each may join a story of the rows before it), keeps
    /// them, and returns each one's story.
    pub fn assign(&mut self, rows: &[Row<'_>]) -> Vec<i64> {
        rows.iter()
            .map(|r| {
                self.forget(r.key);
                let mut s = skeleton(r.summary);
                s.path = r.key.to_string();
                let story = self.story_of(&s).unwrap_or(r.new_story);
                self.keep(&s, Some(story));
                story
            })
            .collect()
    }

    /// Drops everything kept (after a failed transaction, or when too much is kept).
    pub fn reset(&mut self) {
        *self = Assigner::new(self.window_days);
    }

    /// Brings the kept articles up to date inside an ingester's transaction holding [`LOCK`]:
    /// the rows written since the last epoch read, then every row of the ranges around
    /// `dates` not read yet (and the undated rows once). Returns the next epoch, for the rows
    /// this transaction writes.
    pub async fn refresh(
        &mut self,
        tx: &deadpool_postgres::Transaction<'_>,
        dates: &[Option<NaiveDate>],
    ) -> Result<i64, tokio_postgres::Error> {
        if self.kept.len() > MAX_KEPT {
            self.reset();
        }
        match self.epoch {
            None => {
                let e: Option<i64> = tx
                    .query_one("SELECT max(epoch) FROM articles", &[])
                    .await?
                    .get(0);
                self.epoch = Some(e.unwrap_or(0));
            }
            Some(last) => {
                let rows = tx
                    .query(
                        &format!(
                            "SELECT key, {SKELETON_SQL}, keywords, story FROM articles WHERE epoch > $1 ORDER BY epoch, key"
                        ),
                        &[&last],
                    )
                    .await?;
                for r in &rows {
                    self.take(r, true);
                }
            }
        }
        let dated: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
        let want = super::load::ranges(&dated, self.window_days);
        for (from, to) in want {
            for (a, b) in uncovered(&self.covered, (from, to)) {
                let rows = tx
                    .query(
                        &format!(
                            "SELECT key, {SKELETON_SQL}, keywords, story FROM articles WHERE published BETWEEN $1 AND $2 ORDER BY key"
                        ),
                        &[&a, &b],
                    )
                    .await?;
                for r in &rows {
                    self.take(r, false);
                }
                self.covered.push((a, b));
            }
        }
        if !self.undated && dates.iter().any(Option::is_none) {
            let rows = tx
                .query(
                    &format!(
                        "SELECT key, {SKELETON_SQL}, keywords, story FROM articles WHERE published IS NULL ORDER BY key LIMIT $1"
                    ),
                    &[&super::load::MAX_UNDATED],
                )
                .await?;
            for r in &rows {
                self.take(r, false);
            }
            self.undated = true;
        }
        let next: i64 = tx
            .query_one("SELECT nextval('ingest_epochs')", &[])
            .await?
            .get(0);
        self.epoch = Some(next);
        Ok(next)
    }

    /// Keeps a row read (key, skeleton, keywords, story); a new row only when its date is in
    /// the ranges read (`only_covered`), as the others are read with their range.
    fn take(&mut self, r: &tokio_postgres::Row, only_covered: bool) {
        let key: &str = r.get(0);
        let json: &str = r.get(1);
        let kw: &[u8] = r.get(2);
        let story: Option<i64> = r.get(3);
        let Some(s) = codec::from_row(key, json, kw) else {
            return;
        };
        if only_covered {
            let inside = match s.published {
                Some(d) => self.covered.iter().any(|(a, b)| *a <= d && d <= *b),
                None => self.undated,
            };
            if !inside {
                self.forget(key);
                return;
            }
        }
        self.keep(&s, story);
    }
}

/// The parts of `want` not in `covered`.
fn uncovered(
    covered: &[(NaiveDate, NaiveDate)],
    want: (NaiveDate, NaiveDate),
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut parts = vec![want];
    for (a, b) in covered {
        let mut next = Vec::new();
        for (x, y) in parts {
            if *b < x || y < *a {
                next.push((x, y));
                continue;
            }
            if x < *a {
                next.push((x, *a - Duration::days(1)));
            }
            if *b < y {
                next.push((*b + Duration::days(1), y));
            }
        }
        parts = next;
    }
    parts
}

/// `n` new story keys.
pub async fn new_stories(
    tx: &deadpool_postgres::Transaction<'_>,
    n: usize,
) -> Result<Vec<i64>, tokio_postgres::Error> {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    Ok(tx
        .query(
            "SELECT nextval('story_ids') FROM generate_series(1, $1::int8)",
            &[&n],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// Takes [`LOCK`] for the transaction. Ingesters queue for it one batch after another, so
/// the wait may be longer than one statement may take: the timeouts are lifted for the wait.
pub async fn lock(tx: &deadpool_postgres::Transaction<'_>) -> Result<(), tokio_postgres::Error> {
    tx.batch_execute("SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0")
        .await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])
        .await?;
    let ms = super::WRITE_STATEMENT_TIMEOUT.as_millis();
    tx.batch_execute(&format!(
        "SET LOCAL statement_timeout = {ms}; SET LOCAL lock_timeout = {ms}"
    ))
    .await?;
    Ok(())
}

/// Writes the stories of `ids` on their rows and their figures (in the caller's transaction).
pub async fn write(
    tx: &deadpool_postgres::Transaction<'_>,
    ids: &[i64],
    stories: &[i64],
    epoch: i64,
) -> Result<(), tokio_postgres::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    tx.execute(
        "UPDATE articles a SET story = t.s, epoch = $3
         FROM unnest($1::int8[], $2::int8[]) AS t(i, s) WHERE a.id = t.i",
        &[&ids, &stories, &epoch],
    )
    .await?;
    tx.execute(
        "UPDATE figures f SET story = t.s
         FROM unnest($1::int8[], $2::int8[]) AS t(i, s)
         WHERE f.article_id = t.i AND f.story IS DISTINCT FROM t.s",
        &[&ids, &stories],
    )
    .await?;
    Ok(())
}

impl super::Archive {
    /// Gives a story to the stored articles without one (written before stories were kept),
    /// a batch per transaction, oldest first. Returns how many were given one.
    pub async fn assign_missing(&self) -> Result<u64, Error> {
        let mut done = 0u64;
        loop {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            lock(&tx).await?;
            let rows = tx
                .query(
                    &format!(
                        "SELECT id, key, {SKELETON_SQL}, keywords FROM articles WHERE story IS NULL
                         ORDER BY published NULLS LAST, key LIMIT $1"
                    ),
                    &[&(super::ingest::BATCH as i64)],
                )
                .await?;
            if rows.is_empty() {
                return Ok(done);
            }
            let mut got: Vec<(i64, ArticleSummary)> = Vec::new();
            let mut unreadable = Vec::new();
            for r in &rows {
                let id: i64 = r.get(0);
                match codec::from_row(r.get(1), r.get(2), r.get(3)) {
                    Some(s) => got.push((id, s)),
                    // a summary of another version: a story of its own
                    None => unreadable.push(id),
                }
            }
            let mut stories = self.stories.lock().await;
            let dates: Vec<Option<NaiveDate>> = got.iter().map(|(_, s)| s.published).collect();
            let res = async {
                let epoch = stories.refresh(&tx, &dates).await?;
                let fresh = new_stories(&tx, got.len() + unreadable.len()).await?;
                let rows: Vec<Row<'_>> = got
                    .iter()
                    .zip(&fresh)
                    .map(|((_, s), n)| Row {
                        new_story: *n,
                        key: &s.path,
                        summary: s,
                    })
                    .collect();
                let mut ids: Vec<i64> = got.iter().map(|(id, _)| *id).collect();
                let mut st = stories.assign(&rows);
                ids.extend(&unreadable);
                st.extend(fresh.iter().skip(got.len()));
                write(&tx, &ids, &st, epoch).await?;
                Ok::<_, tokio_postgres::Error>(ids.len())
            }
            .await;
            let n = match res {
                Ok(n) => n,
                Err(e) => {
                    stories.reset();
                    return Err(e.into());
                }
            };
            if let Err(e) = tx.commit().await {
                stories.reset();
                return Err(e.into());
            }
            done += n as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn summary(path: &str, text: &str) -> ArticleSummary {
        let a = crate::engine::Engine::default().analyse(text);
        crate::engine::summarize(path, &a)
    }

    #[test]
    fn ranges_not_read_yet() {
        let c = [(d("2022-01-10"), d("2022-01-20"))];
        assert_eq!(
            uncovered(&c, (d("2022-01-01"), d("2022-01-31"))),
            vec![
                (d("2022-01-01"), d("2022-01-09")),
                (d("2022-01-21"), d("2022-01-31"))
            ]
        );
        assert!(uncovered(&c, (d("2022-01-12"), d("2022-01-15"))).is_empty());
        assert_eq!(
            uncovered(&c, (d("2022-02-01"), d("2022-02-03"))),
            vec![(d("2022-02-01"), d("2022-02-03"))]
        );
    }

    #[test]
    fn one_story_joins_and_another_starts_its_own() {
        let flood = " date 2022-05-04 The river burst its banks overnight in the valley town, flooding 120 homes and forcing the evacuation of the riverside school, the mayor said. Volunteers stacked sandbags along the embankment.\n";
        let flood2 = " date 2022-05-05 Floodwater from the river that burst its banks in the valley town reached 150 homes by Thursday; the riverside school stays closed, the mayor said, as volunteers stacked more sandbags along the embankment.\n";
        let fire = " date 2022-05-05 A warehouse fire near the harbour destroyed stocks of timber and paint; firefighters fought the blaze for six hours, the fire brigade said, and nobody was hurt.\n";
        let mut a = Assigner::new(21);
        let rows = [
            ("desk/flood.md", summary("x", flood), 10),
            ("wire/flood.md", summary("x", flood2), 11),
            ("desk/fire.md", summary("x", fire), 12),
            ("copy/flood.md", summary("x", flood), 13),
        ];
        let rows: Vec<Row<'_>> = rows
            .iter()
            .map(|(k, s, id)| Row {
                new_story: *id,
                key: k,
                summary: s,
            })
            .collect();
        let stories = a.assign(&rows);
        assert_eq!(stories[0], 10, "the first article starts its story");
        assert_eq!(stories[1], 10, "the follow-up joins it");
        assert_eq!(stories[2], 12, "another story");
        assert_eq!(stories[3], 10, "a copy takes its text's story");
        assert_eq!(a.len(), 4);
        a.forget("desk/fire.md");
        assert_eq!(a.len(), 3);
    }
}
