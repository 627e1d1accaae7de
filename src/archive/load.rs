//! Reading from the archive: the summaries a check needs (the articles published within the
//! window around the checked articles' dates, by the `articles_published` index) and the
//! figures a hover looks up (one measure and slot in a date range, by `figures_lookup`).

use super::{codec, Archive, Error};
use crate::sources::ArticleSummary;
use chrono::{Duration, NaiveDate};

/// At most this many summaries are loaded for one command or document (bounded memory); the
/// newest are kept.
pub const MAX_LOADED: i64 = 100_000;

/// At most this many undated articles are loaded (they can match any date).
pub const MAX_UNDATED: i64 = 5_000;

/// A figure found by [`Archive::figures_near`].
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
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
        let client = self.client().await?;
        let mut out = Loaded::default();
        let mut left = MAX_LOADED;
        let take = |rows: Vec<tokio_postgres::Row>, out: &mut Loaded| {
            for r in rows {
                let key: &str = r.get(0);
                let json: &str = r.get(1);
                let kw: &[u8] = r.get(2);
                match codec::from_row(key, json, kw) {
                    Some(s) => out.summaries.push(s),
                    None => out.unreadable += 1,
                }
            }
        };
        let st = client
            .prepare_cached(
                "SELECT key, summary::text, keywords FROM articles
                 WHERE published BETWEEN $1 AND $2 ORDER BY published DESC, key LIMIT $3",
            )
            .await?;
        for (from, to) in ranges(dates, window_days) {
            if left <= 0 {
                out.truncated = true;
                break;
            }
            let rows = client.query(&st, &[&from, &to, &(left + 1)]).await?;
            if rows.len() as i64 > left {
                out.truncated = true;
            }
            let rows: Vec<_> = rows.into_iter().take(left as usize).collect();
            left -= rows.len() as i64;
            take(rows, &mut out);
        }
        if left > 0 {
            let rows = client
                .query(
                    "SELECT key, summary::text, keywords FROM articles
                     WHERE published IS NULL ORDER BY key LIMIT $1",
                    &[&left.min(MAX_UNDATED)],
                )
                .await?;
            take(rows, &mut out);
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

    /// A hover's lookup: the figures of `measure` counting `slot` in articles published from
    /// `from` to `to`, newest first, at most `limit` (an index-only scan of `figures_lookup`
    /// joined to the articles by primary key).
    pub async fn figures_near(
        &self,
        measure: &str,
        slot: &str,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<FigureRow>, Error> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "SELECT a.key, a.outlet, f.published, f.ord, f.value_min, f.value_max
                 FROM figures f JOIN articles a ON a.id = f.article_id
                 WHERE f.measure = $1 AND f.slot = $2 AND f.published BETWEEN $3 AND $4
                 ORDER BY f.published DESC LIMIT $5",
            )
            .await?;
        let rows = client
            .query(&st, &[&measure, &slot, &from, &to, &limit])
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
            })
            .collect())
    }
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
