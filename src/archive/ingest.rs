//! Writing articles into the archive: incremental by content hash, in batches, each batch one
//! transaction of multi-row upserts (articles by key, then their figures), so that several
//! ingesters can run at once: no duplicate row (the key is unique and every write is an
//! upsert), no lost article (a batch is all or nothing; a killed ingester loses only its open
//! batch, which the next run writes), no deadlock between ingesters (rows are locked in key
//! order; a deadlock or serialization failure is retried).

use super::{codec, story, Archive, Error};
use crate::engine::{self, Engine};
use crate::sources::{content_hash, ArticleSummary};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Articles per transaction.
pub const BATCH: usize = 500;

/// One article to ingest.
#[derive(Clone, Debug)]
pub struct Item {
    /// The key it is stored under: its path, or the id given on standard input.
    pub key: String,
    /// Its text.
    pub text: String,
    /// The outlet, when given beside the text (standard input), overriding the text's.
    pub outlet: Option<String>,
    /// The publication date, when given beside the text, overriding the dateline's.
    pub published: Option<NaiveDate>,
}

impl Item {
    /// What the stored summary is built from, hashed: the text, and the outlet and date given
    /// with it. An article whose hash is stored (with the current format) is not re-analysed.
    pub fn hash(&self) -> i64 {
        let mut h = content_hash(&self.text);
        if let Some(o) = &self.outlet {
            h = h.rotate_left(17) ^ content_hash(o);
        }
        if let Some(d) = self.published {
            h = h.rotate_left(17) ^ content_hash(&d.to_string());
        }
        h as i64
    }

    /// Its summary: None when it is not an article (no dateline or outlet, and none given);
    /// an error when the analysis failed (a bug: the article is skipped, not the run).
    pub fn summarize(&self) -> Result<Option<ArticleSummary>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let e = Engine::default();
            let a = e.analyse_published(&self.text, self.published);
            let given = self.outlet.is_some() || self.published.is_some();
            if !given && !engine::is_source(&a) {
                return None;
            }
            let mut s = engine::summarize(&self.key, &a);
            if let Some(o) = &self.outlet {
                s.outlet = o.clone();
            }
            if self.published.is_some() {
                s.published = self.published;
            }
            Some(s)
        }))
        .map_err(|_| "the analysis failed (internal error); skipped".to_string())
    }
}

/// What an ingest did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// Items read.
    pub seen: usize,
    /// Already in the archive with the same content: not analysed again.
    pub unchanged: usize,
    /// Analysed and written (new or changed).
    pub written: usize,
    /// Not articles (no dateline or outlet).
    pub not_articles: usize,
    /// Failed (analysis or read errors).
    pub failed: usize,
    /// Removed because they are no longer present (`--delete`).
    pub deleted: u64,
}

/// A figure row: (ord, measure, slot, min, max).
type Figure = (i32, String, String, f64, Option<f64>);

/// The figure rows of a summary.
fn figure_rows(s: &ArticleSummary) -> Vec<Figure> {
    s.claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = c.clone().with_group();
            let slot = c.group.as_ref().map(|g| g.name.clone()).unwrap_or_default();
            (
                i32::try_from(i).unwrap_or(i32::MAX),
                c.measure.clone(),
                slot,
                c.min,
                c.max,
            )
        })
        .collect()
}

/// Why a transaction failed: a database error (maybe worth retrying) or no connection.
enum Failed {
    Pg(tokio_postgres::Error),
    Other(Error),
}

impl From<tokio_postgres::Error> for Failed {
    fn from(e: tokio_postgres::Error) -> Failed {
        Failed::Pg(e)
    }
}

/// True for errors worth retrying the whole transaction for: deadlock, serialization failure.
fn retryable(e: &tokio_postgres::Error) -> bool {
    use tokio_postgres::error::SqlState;
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    })
}

impl Archive {
    /// The keys among `items` stored with the same hash and the current format.
    pub async fn unchanged(&self, items: &[(String, i64)]) -> Result<HashSet<String>, Error> {
        let client = self.client().await?;
        let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
        let rows = client
            .query(
                "SELECT key, content_hash FROM articles WHERE key = ANY($1::text[]) AND format = $2",
                &[&keys, &crate::cache::FORMAT_I32],
            )
            .await?;
        let want: HashMap<&str, i64> = items.iter().map(|(k, h)| (k.as_str(), *h)).collect();
        Ok(rows
            .iter()
            .filter_map(|r| {
                let k: &str = r.get(0);
                let h: i64 = r.get(1);
                (want.get(k) == Some(&h)).then(|| k.to_string())
            })
            .collect())
    }

    /// Writes summaries (key, hash, summary) in one transaction: each article upserted by key
    /// (rewritten only when its hash or format changed), its figures replaced. Returns the
    /// number of articles written. Retried on a deadlock or serialization failure.
    pub async fn write_batch(
        &self,
        batch: &[(String, i64, ArticleSummary)],
    ) -> Result<usize, Error> {
        // one row per key (the last wins), locked in key order
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        for (i, (k, _, _)) in batch.iter().enumerate() {
            by_key.insert(k.as_str(), i);
        }
        let mut order: Vec<usize> = by_key.into_values().collect();
        order.sort_by(|a, b| batch[*a].0.cmp(&batch[*b].0));
        let mut c = Columns::default();
        for &i in &order {
            let (k, h, s) = &batch[i];
            c.keys.push(k.as_str());
            c.outlets.push(s.outlet.as_str());
            c.dates.push(s.published);
            c.hashes.push(*h);
            c.jsons.push(codec::to_json(s).map_err(Error)?);
            c.kws.push(codec::keywords_to_bytes(&s.keywords));
            c.figures.insert(k.as_str(), figure_rows(s));
            c.summaries.insert(k.as_str(), s);
        }
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_write(&c).await {
                Ok(n) => return Ok(n),
                Err(Failed::Pg(e)) if attempt < 5 && retryable(&e) => {
                    tokio::time::sleep(std::time::Duration::from_millis(20 * attempt)).await;
                }
                Err(Failed::Pg(e)) => return Err(e.into()),
                Err(Failed::Other(e)) => return Err(e),
            }
        }
    }

    async fn try_write(&self, c: &Columns<'_>) -> Result<usize, Failed> {
        let keys = &c.keys;
        let dates = &c.dates;
        let mut client = self.client().await.map_err(Failed::Other)?;
        let tx = client.transaction().await?;
        // one writer per key at a time (two ingesters racing on a new key would otherwise
        // both count its keywords), taken in key order
        tx.execute(
            "SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT k FROM unnest($1::text[]) k ORDER BY k) t",
            &[&keys],
        )
        .await?;
        // then the story lock: the rows other ingesters committed are read before this
        // batch's stories are given, and this batch's epoch comes after theirs
        story::lock(&tx).await?;
        let mut stories = self.stories.lock().await;
        let res = async {
            let epoch = stories.refresh(&tx, dates).await?;
            let n = write_rows(&tx, &mut stories, epoch, c).await?;
            tx.commit().await?;
            Ok::<usize, Failed>(n)
        }
        .await;
        if res.is_err() {
            // what it kept of this batch was not written
            stories.reset();
        }
        res
    }

    /// Removes the articles stored under `keys` (their figures go with them).
    pub async fn remove(&self, keys: &[String]) -> Result<u64, Error> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let gone = tx
            .query(
                "DELETE FROM articles WHERE key = ANY($1::text[]) RETURNING keywords",
                &[&keys],
            )
            .await?;
        uncount(&tx, &gone).await?;
        tx.commit().await?;
        Ok(gone.len() as u64)
    }

    /// Removes the articles whose key starts with one of `prefixes` and is not among `present`
    /// (articles deleted from an ingested folder); their figures go with them.
    pub async fn remove_missing(
        &self,
        prefixes: &[String],
        present: &[String],
    ) -> Result<u64, Error> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.batch_execute("CREATE TEMP TABLE present (key text PRIMARY KEY) ON COMMIT DROP")
            .await?;
        tx.execute(
            "INSERT INTO present SELECT DISTINCT unnest($1::text[])",
            &[&present],
        )
        .await?;
        let mut n = 0;
        for p in prefixes {
            let gone = tx
                .query(
                    "DELETE FROM articles a WHERE left(a.key, length($1)) = $1
                     AND NOT EXISTS (SELECT 1 FROM present p WHERE p.key = a.key)
                     RETURNING a.keywords",
                    &[p],
                )
                .await?;
            uncount(&tx, &gone).await?;
            n += gone.len() as u64;
        }
        tx.commit().await?;
        Ok(n)
    }
}

/// One batch of articles, as the columns of the `articles` rows (in key order) and each key's
/// summary and figure rows.
#[derive(Default)]
struct Columns<'a> {
    keys: Vec<&'a str>,
    outlets: Vec<&'a str>,
    dates: Vec<Option<NaiveDate>>,
    hashes: Vec<i64>,
    jsons: Vec<String>,
    kws: Vec<Vec<u8>>,
    summaries: HashMap<&'a str, &'a ArticleSummary>,
    figures: HashMap<&'a str, Vec<Figure>>,
}

/// The rows of one batch, in the caller's transaction (holding the story lock): articles
/// upserted, keyword counts moved, stories given, figures replaced. Returns the number of
/// articles written.
async fn write_rows(
    tx: &deadpool_postgres::Transaction<'_>,
    stories: &mut story::Assigner,
    epoch: i64,
    c: &Columns<'_>,
) -> Result<usize, tokio_postgres::Error> {
    // the keywords of the rows about to be replaced, to uncount them
    let old: HashMap<String, (i64, i32, Vec<u8>)> = tx
        .query(
            "SELECT key, content_hash, format, keywords FROM articles WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE",
            &[&c.keys],
        )
        .await?
        .into_iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    let story_col = story_column(tx, stories, c).await?;
    let written = upsert_articles(tx, epoch, c, &story_col).await?;
    // a key another ingester had already written with this content keeps its row and story:
    // what the assigner kept of it is not stored
    let stored: std::collections::HashSet<&str> = written.iter().map(|r| r.get(1)).collect();
    for k in c.keys.iter().filter(|k| !stored.contains(*k)) {
        stories.forget(k);
    }
    let ids: Vec<i64> = written.iter().map(|r| r.get(0)).collect();
    count_keywords(tx, keyword_delta(&written, &old, c)).await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let story_of: Vec<i64> = written.iter().map(|r| r.get(3)).collect();
    replace_figures(tx, &written, &story_of, &c.figures).await?;
    Ok(written.len())
}

/// The story of each key of the batch, in key order: stories are given in key order (each may
/// join the story of one before it), before the rows are written with them.
async fn story_column(
    tx: &deadpool_postgres::Transaction<'_>,
    stories: &mut story::Assigner,
    c: &Columns<'_>,
) -> Result<Vec<i64>, tokio_postgres::Error> {
    let fresh = story::new_stories(tx, c.keys.len()).await?;
    let rows: Vec<story::Row<'_>> = c
        .keys
        .iter()
        .zip(&fresh)
        .filter_map(|(key, n)| {
            let (key, summary) = c.summaries.get_key_value(key)?;
            Some(story::Row {
                new_story: *n,
                key,
                summary,
            })
        })
        .collect();
    let given: HashMap<&str, i64> = rows
        .iter()
        .map(|r| r.key)
        .zip(stories.assign(&rows))
        .collect();
    Ok(c.keys
        .iter()
        .zip(&fresh)
        .map(|(k, n)| given.get(k).copied().unwrap_or(*n))
        .collect())
}

/// Upserts the batch's articles (a row whose content and format are unchanged is kept) and
/// returns the rows written: id, key, published, story.
async fn upsert_articles(
    tx: &deadpool_postgres::Transaction<'_>,
    epoch: i64,
    c: &Columns<'_>,
    story_col: &[i64],
) -> Result<Vec<tokio_postgres::Row>, tokio_postgres::Error> {
    tx.query(
        "INSERT INTO articles AS a (key, outlet, published, content_hash, format, summary, keywords, epoch, story)
             SELECT k, o, p, h, $6, s::jsonb, kw, $8, st
             FROM unnest($1::text[], $2::text[], $3::date[], $4::int8[], $5::text[], $7::bytea[], $9::int8[])
                  AS t(k, o, p, h, s, kw, st)
             ORDER BY k
             ON CONFLICT (key) DO UPDATE SET
                outlet = EXCLUDED.outlet, published = EXCLUDED.published,
                content_hash = EXCLUDED.content_hash, format = EXCLUDED.format,
                summary = EXCLUDED.summary, keywords = EXCLUDED.keywords, ingested_at = now(),
                epoch = EXCLUDED.epoch, story = EXCLUDED.story
             WHERE a.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                OR a.format IS DISTINCT FROM EXCLUDED.format
             RETURNING id, key, published, story",
        &[
            &c.keys,
            &c.outlets,
            &c.dates,
            &c.hashes,
            &c.jsons,
            &crate::cache::FORMAT_I32,
            &c.kws,
            &epoch,
            &story_col,
        ],
    )
    .await
}

/// How the keyword counts move: each `written` row's old keywords (from `old`) uncounted, its
/// new ones counted.
fn keyword_delta(
    written: &[tokio_postgres::Row],
    old: &HashMap<String, (i64, i32, Vec<u8>)>,
    c: &Columns<'_>,
) -> HashMap<u64, i32> {
    let mut delta: HashMap<u64, i32> = HashMap::new();
    let at: HashMap<&str, usize> = c.keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    for r in written {
        let key: &str = r.get(1);
        if let Some((_, _, kw)) = old.get(key) {
            for k in codec::keywords_from_bytes(kw) {
                *delta.entry(k).or_default() -= 1;
            }
        }
        if let Some(kw) = at.get(key).and_then(|i| c.kws.get(*i)) {
            for k in codec::keywords_from_bytes(kw) {
                *delta.entry(k).or_default() += 1;
            }
        }
    }
    delta
}

/// Replaces the figures of the `written` rows (id, key, date) by those of their summaries,
/// each carrying its article's story.
async fn replace_figures(
    tx: &deadpool_postgres::Transaction<'_>,
    written: &[tokio_postgres::Row],
    story_of: &[i64],
    figures: &HashMap<&str, Vec<Figure>>,
) -> Result<(), tokio_postgres::Error> {
    let ids: Vec<i64> = written.iter().map(|r| r.get(0)).collect();
    tx.execute(
        "DELETE FROM figures WHERE article_id = ANY($1::int8[])",
        &[&ids],
    )
    .await?;
    let mut f_id = Vec::new();
    let mut f_ord = Vec::new();
    let mut f_measure = Vec::new();
    let mut f_slot = Vec::new();
    let mut f_min = Vec::new();
    let mut f_max = Vec::new();
    let mut f_date: Vec<Option<NaiveDate>> = Vec::new();
    let mut f_story = Vec::new();
    for (r, st) in written.iter().zip(story_of) {
        let id: i64 = r.get(0);
        let key: &str = r.get(1);
        let date: Option<NaiveDate> = r.get(2);
        for (ord, measure, slot, min, max) in figures.get(key).into_iter().flatten() {
            f_id.push(id);
            f_ord.push(*ord);
            f_measure.push(measure.as_str());
            f_slot.push(slot.as_str());
            f_min.push(*min);
            f_max.push(*max);
            f_date.push(date);
            f_story.push(*st);
        }
    }
    if !f_id.is_empty() {
        tx.execute(
            "INSERT INTO figures (article_id, ord, measure, slot, value_min, value_max, published, story)
             SELECT * FROM unnest($1::int8[], $2::int4[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::date[], $8::int8[])",
            &[&f_id, &f_ord, &f_measure, &f_slot, &f_min, &f_max, &f_date, &f_story],
        )
        .await?;
    }
    Ok(())
}

/// Adds `delta` to the keyword counts (in hash order, so that concurrent ingesters lock the
/// rows of common words in one order).
async fn count_keywords(
    tx: &deadpool_postgres::Transaction<'_>,
    delta: HashMap<u64, i32>,
) -> Result<(), tokio_postgres::Error> {
    let mut d: Vec<(i64, i32)> = delta
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|(k, n)| (k as i64, n))
        .collect();
    if d.is_empty() {
        return Ok(());
    }
    d.sort_unstable();
    let (hashes, counts): (Vec<i64>, Vec<i32>) = d.into_iter().unzip();
    tx.execute(
        "INSERT INTO keyword_df AS d (hash, df)
         SELECT h, n FROM unnest($1::int8[], $2::int4[]) AS t(h, n) ORDER BY h
         ON CONFLICT (hash) DO UPDATE SET df = d.df + EXCLUDED.df",
        &[&hashes, &counts],
    )
    .await?;
    Ok(())
}

/// Uncounts the keywords of deleted rows (their `keywords` column first).
async fn uncount(
    tx: &deadpool_postgres::Transaction<'_>,
    rows: &[tokio_postgres::Row],
) -> Result<(), tokio_postgres::Error> {
    let mut delta: HashMap<u64, i32> = HashMap::new();
    for r in rows {
        let kw: &[u8] = r.get(0);
        for k in codec::keywords_from_bytes(kw) {
            *delta.entry(k).or_default() -= 1;
        }
    }
    count_keywords(tx, delta).await
}
