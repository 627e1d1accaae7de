//! Reading from the archive: the summaries a check needs (the articles published within the
//! window around the checked articles' dates, by the `articles_published` index, first as
//! skeletons with their stories; then in full only the articles of the stories the checked
//! articles may share, see [`story_members`]) and the figures a hover looks up (the
//! document's stories, one measure and slot in a date range, by `figures_story`).

use super::{codec, story, Archive, Error};
use crate::sources::{ArticleSummary, Index};
use chrono::{Duration, NaiveDate};
use std::collections::HashSet;

/// At most this many summaries are loaded for one command or document (bounded memory); the
/// newest are kept.
pub const MAX_LOADED: i64 = 100_000;

/// At most this many undated articles are loaded (they can match any date).
pub const MAX_UNDATED: i64 = 5_000;

/// A figure found by [`Archive::story_figures`].
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// The story of its article (None: not known yet).
    pub story: Option<i64>,
    /// The article's key.
    pub key: String,
    /// Its outlet.
    pub outlet: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// The figure's position among the article's claims.
    pub ord: i32,
    /// Lowest value.
    pub min: f64,
    /// Highest value (None: unbounded).
    pub max: Option<f64>,
}

/// What [`Archive::around`] loaded.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The summaries (their paths are their keys).
    pub summaries: Vec<ArticleSummary>,
    /// True when [`MAX_LOADED`] cut the load short.
    pub truncated: bool,
    /// Rows whose summary could not be read (written by another copydesk version).
    pub unreadable: usize,
}

/// The date ranges covering `window_days` around each date, merged, in order.
pub fn ranges(dates: &[NaiveDate], window_days: i64) -> Vec<(NaiveDate, NaiveDate)> {
    let w = Duration::days(window_days.max(0));
    let mut r: Vec<(NaiveDate, NaiveDate)> = dates
        .iter()
        .filter_map(|d| Some((d.checked_sub_signed(w)?, d.checked_add_signed(w)?)))
        .collect();
    r.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (a, b) in r {
        match out.last_mut() {
            Some(last) if a <= last.1 + Duration::days(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

impl Archive {
    /// The summaries of the articles published within `window_days` of any of `dates`, and the
    /// undated ones (they may be of any date), at most [`MAX_LOADED`] in all.
    pub async fn around(&self, dates: &[NaiveDate], window_days: i64) -> Result<Loaded, Error> {
        let (rows, truncated) = self
            .window_rows("key, summary::text, keywords", dates, window_days)
            .await?;
        let mut out = Loaded {
            truncated,
            ..Loaded::default()
        };
        for r in rows {
            match codec::from_row(r.get(0), r.get(1), r.get(2)) {
                Some(s) => out.summaries.push(s),
                None => out.unreadable += 1,
            }
        }
        Ok(out)
    }

    /// The rows (columns `cols`) of the articles published within `window_days` of any of
    /// `dates`, newest first per range, then the undated ones, at most [`MAX_LOADED`] in all;
    /// and whether that limit cut the load short.
    async fn window_rows(
        &self,
        cols: &str,
        dates: &[NaiveDate],
        window_days: i64,
    ) -> Result<(Vec<tokio_postgres::Row>, bool), Error> {
        let client = self.client().await?;
        let mut out = Vec::new();
        let mut truncated = false;
        let mut left = MAX_LOADED;
        let st = client
            .prepare_cached(&format!(
                "SELECT {cols} FROM articles
                 WHERE published BETWEEN $1 AND $2 ORDER BY published DESC, key LIMIT $3"
            ))
            .await?;
        for (from, to) in ranges(dates, window_days) {
            if left <= 0 {
                truncated = true;
                break;
            }
            let rows = client.query(&st, &[&from, &to, &(left + 1)]).await?;
            if rows.len() as i64 > left {
                truncated = true;
            }
            let rows: Vec<_> = rows.into_iter().take(left as usize).collect();
            left -= rows.len() as i64;
            out.extend(rows);
        }
        if left > 0 {
            let rows = client
                .query(
                    &format!(
                        "SELECT {cols} FROM articles WHERE published IS NULL ORDER BY key LIMIT $1"
                    ),
                    &[&left.min(MAX_UNDATED)],
                )
                .await?;
            out.extend(rows);
        }
        Ok((out, truncated))
    }

    /// The articles [`Archive::around`] would load, as skeletons (see `story::skeleton`)
    /// with their ids and stories, in the same order: what a reader decides by which
    /// stories to load in full ([`story_members`], [`Archive::summaries_of`]).
    pub async fn skeletons_around(
        &self,
        dates: &[NaiveDate],
        window_days: i64,
    ) -> Result<Skeletons, Error> {
        let cols = format!("id, story, key, {}, keywords", story::SKELETON_SQL);
        let (rows, truncated) = self.window_rows(&cols, dates, window_days).await?;
        let mut out = Skeletons {
            truncated,
            ..Skeletons::default()
        };
        for r in rows {
            match codec::from_row(r.get(2), r.get(3), r.get(4)) {
                Some(summary) => out.rows.push(Stored {
                    id: r.get(0),
                    story: r.get(1),
                    summary,
                }),
                None => out.unreadable += 1,
            }
        }
        Ok(out)
    }

    /// The summaries of the articles `ids`, in that order (those gone since are left out).
    pub async fn summaries_of(&self, ids: &[i64]) -> Result<Vec<ArticleSummary>, Error> {
        let client = self.client().await?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(2_000) {
            let rows = client
                .query(
                    "SELECT a.key, a.summary::text, a.keywords
                     FROM unnest($1::int8[]) WITH ORDINALITY AS t(id, n)
                     JOIN articles a ON a.id = t.id ORDER BY t.n",
                    &[&chunk],
                )
                .await?;
            out.extend(
                rows.iter()
                    .filter_map(|r| codec::from_row(r.get(0), r.get(1), r.get(2))),
            );
        }
        Ok(out)
    }

    /// The archive's size and, of `keywords`, how many of its articles have each: the
    /// background for the keyword weights of what was loaded (`Index::set_background`).
    pub async fn keyword_counts(
        &self,
        keywords: &[u64],
    ) -> Result<(usize, Vec<(u64, u32)>), Error> {
        let client = self.client().await?;
        let n: i64 = client
            .query_one("SELECT count(*) FROM articles", &[])
            .await?
            .get(0);
        let hashes: Vec<i64> = keywords.iter().map(|k| *k as i64).collect();
        let rows = client
            .query(
                "SELECT hash, df FROM keyword_df WHERE hash = ANY($1::int8[]) AND df > 0",
                &[&hashes],
            )
            .await?;
        let df = rows
            .iter()
            .map(|r| {
                let h: i64 = r.get(0);
                let d: i32 = r.get(1);
                (h as u64, u32::try_from(d).unwrap_or(0))
            })
            .collect();
        Ok((usize::try_from(n).unwrap_or(0), df))
    }

    /// The summary stored under `key`, if any.
    pub async fn get(&self, key: &str) -> Result<Option<ArticleSummary>, Error> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT key, summary::text, keywords FROM articles WHERE key = $1",
                &[&key],
            )
            .await?;
        Ok(row.and_then(|r| codec::from_row(r.get(0), r.get(1), r.get(2))))
    }

    /// A hover's lookup: the figures of `measure` counting `slot` in the articles of
    /// `stories` (and, with `unassigned`, of articles whose story is not known yet) published
    /// from `from` to `to`, newest first, at most `limit`: index scans of `figures_story`
    /// (and `figures_unassigned`) joined to the articles by primary key.
    #[allow(clippy::too_many_arguments)]
    pub async fn story_figures(
        &self,
        stories: &[i64],
        unassigned: bool,
        measure: &str,
        slot: &str,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<FigureRow>, Error> {
        let client = self.client().await?;
        let st = client.prepare_cached(STORY_FIGURES).await?;
        let rows = client
            .query(
                &st,
                &[&stories, &measure, &slot, &from, &to, &unassigned, &limit],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| FigureRow {
                key: r.get(0),
                outlet: r.get(1),
                published: r.get(2),
                ord: r.get(3),
                min: r.get(4),
                max: r.get(5),
                story: r.get(6),
            })
            .collect())
    }

    /// The stories the article `this` may share among the stored articles around its date
    /// (see [`story_members`]; keywords weighed by the archive's counts), sorted, and whether
    /// some of those articles have no story yet: what [`Archive::story_figures`] asks for.
    pub async fn stories_of(
        &self,
        this: &ArticleSummary,
        window_days: i64,
    ) -> Result<(Vec<i64>, bool), Error> {
        let dates: Vec<NaiveDate> = this.published.into_iter().collect();
        let skel = self.skeletons_around(&dates, window_days).await?;
        let mut kw: Vec<u64> = skel
            .rows
            .iter()
            .flat_map(|r| r.summary.keywords.iter().copied())
            .chain(this.keywords.iter().copied())
            .collect();
        kw.sort_unstable();
        kw.dedup();
        let (n, df) = self.keyword_counts(&kw).await?;
        let mut index = Index::new();
        index.set_background(n, df);
        let picked = story_members(&index, &[this], &skel.rows, window_days);
        Ok(stories_in(&skel.rows, &picked))
    }
}

/// The lookup of [`Archive::story_figures`]: the parameters are the stories, measure, slot,
/// first and last date, whether to add the unassigned figures, and the limit.
pub const STORY_FIGURES: &str = "SELECT a.key, a.outlet, f.published, f.ord, f.value_min, f.value_max, f.story
     FROM (SELECT article_id, ord, published, value_min, value_max, story FROM figures
           WHERE story = ANY($1::int8[]) AND measure = $2 AND slot = $3 AND published BETWEEN $4 AND $5
           UNION ALL
           SELECT article_id, ord, published, value_min, value_max, story FROM figures
           WHERE $6 AND story IS NULL AND measure = $2 AND slot = $3 AND published BETWEEN $4 AND $5) f
     JOIN articles a ON a.id = f.article_id
     ORDER BY f.published DESC, a.key, f.ord LIMIT $7";

/// A stored article as a reader first sees it.
#[derive(Debug)]
pub struct Stored {
    /// Its row id.
    pub id: i64,
    /// Its story (None: not known yet).
    pub story: Option<i64>,
    /// Its skeleton (see `story::skeleton`); the path is its key.
    pub summary: ArticleSummary,
}

/// What [`Archive::skeletons_around`] loaded.
#[derive(Debug, Default)]
pub struct Skeletons {
    /// The articles, in the order [`Archive::around`] gives them.
    pub rows: Vec<Stored>,
    /// True when [`MAX_LOADED`] cut the load short.
    pub truncated: bool,
    /// Rows whose summary could not be read.
    pub unreadable: usize,
}

/// Which of the stored articles `rows` a reader loads to compare `subjects` with, by
/// position, in order: those whose story any subject may share (the stories of the articles
/// `Index::story_relations` accepts; an article without a story stands for itself), and the
/// copies of their texts. Every article the index would compare a subject with is among
/// them, so the findings are those of loading every row. `index` must weigh keywords as the
/// final index will (the archive's counts as background).
pub fn story_members(
    index: &Index,
    subjects: &[&ArticleSummary],
    rows: &[Stored],
    window_days: i64,
) -> Vec<usize> {
    let mut accepted: HashSet<usize> = HashSet::new();
    for s in subjects {
        accepted.extend(
            index
                .story_relations(s, rows.iter().map(|r| &r.summary), window_days)
                .into_iter()
                .map(|(i, _, _)| i),
        );
    }
    let stories: HashSet<i64> = accepted
        .iter()
        .filter_map(|i| rows.get(*i).and_then(|r| r.story))
        .collect();
    let mut picked: Vec<bool> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| accepted.contains(&i) || r.story.is_some_and(|s| stories.contains(&s)))
        .collect();
    // a copy of a picked text too: which copy the index compares with depends on the order
    let hashes: HashSet<u64> = rows
        .iter()
        .zip(&picked)
        .filter(|(_, p)| **p)
        .map(|(r, _)| r.summary.hash)
        .collect();
    for (r, p) in rows.iter().zip(picked.iter_mut()) {
        *p = *p || hashes.contains(&r.summary.hash);
    }
    picked
        .iter()
        .enumerate()
        .filter(|(_, p)| **p)
        .map(|(i, _)| i)
        .collect()
}

/// The stories of the `picked` rows, sorted, and whether some of them have none.
pub fn stories_in(rows: &[Stored], picked: &[usize]) -> (Vec<i64>, bool) {
    let mut stories: Vec<i64> = picked
        .iter()
        .filter_map(|i| rows.get(*i).and_then(|r| r.story))
        .collect();
    stories.sort_unstable();
    stories.dedup();
    let unassigned = picked
        .iter()
        .any(|i| rows.get(*i).is_some_and(|r| r.story.is_none()));
    (stories, unassigned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn windows_around_dates_are_merged() {
        let r = ranges(&[d("2022-01-20"), d("2022-01-10"), d("2022-06-01")], 7);
        assert_eq!(
            r,
            vec![
                (d("2022-01-03"), d("2022-01-27")),
                (d("2022-05-25"), d("2022-06-08"))
            ]
        );
        assert!(ranges(&[], 21).is_empty());
    }
}
