//! The on-disk cache of article summaries (SQLite through rusqlite, bundled), keyed by path
//! and content hash, so that reopening a large workspace does not re-read every article.
//! Shell side: it does I/O. Deleting the cache file loses nothing but time.

use crate::engine::{self, Engine};
use crate::sources::{ArticleSummary, Index};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Bumped whenever the summary format or the analysis changes what it records.
const FORMAT: i64 = 5;

/// An open cache.
pub struct Cache {
    conn: Connection,
}

/// What loading a set of folders did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadStats {
    /// Articles in the index afterwards.
    pub articles: usize,
    /// Summaries taken from the cache without reading the file.
    pub from_cache: usize,
    /// Files read and analysed.
    pub analysed: usize,
    /// Files skipped (not articles, unreadable).
    pub skipped: usize,
}

/// The default cache file: `$XDG_CACHE_HOME/copydesk/index.sqlite` (or `~/.cache/…`).
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("copydesk").join("index.sqlite"))
}

fn mtime_and_size(path: &Path) -> Option<(i64, i64)> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((t.as_nanos() as i64, m.len() as i64))
}

impl Cache {
    /// Opens (or creates) a cache file.
    pub fn open(path: &Path) -> Result<Cache, String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let conn = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Cache::init(conn).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// An in-memory cache (tests, or when no cache folder can be written).
    pub fn in_memory() -> Result<Cache, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        Cache::init(conn).map_err(|e| e.to_string())
    }

    fn init(conn: Connection) -> rusqlite::Result<Cache> {
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
             DROP TABLE IF EXISTS articles;
             CREATE TABLE IF NOT EXISTS summaries (
                path TEXT PRIMARY KEY, hash INTEGER NOT NULL, mtime INTEGER NOT NULL, size INTEGER NOT NULL,
                format INTEGER NOT NULL, summary TEXT NOT NULL, keywords BLOB NOT NULL);",
        )?;
        Ok(Cache { conn })
    }

    /// The cached summary of `path` if the file's time and size are unchanged.
    pub fn fresh(&self, path: &str, mtime: i64, size: i64) -> Option<ArticleSummary> {
        self.lookup(
            "SELECT summary, keywords FROM summaries WHERE path = ?1 AND mtime = ?2 AND size = ?3 AND format = ?4",
            params![path, mtime, size, FORMAT],
        )
    }

    /// The cached summary of `path` if it was built from text with this hash.
    pub fn by_hash(&self, path: &str, hash: u64) -> Option<ArticleSummary> {
        self.lookup(
            "SELECT summary, keywords FROM summaries WHERE path = ?1 AND hash = ?2 AND format = ?3",
            params![path, hash as i64, FORMAT],
        )
    }

    fn lookup(&self, sql: &str, p: impl rusqlite::Params) -> Option<ArticleSummary> {
        let mut st = self.conn.prepare_cached(sql).ok()?;
        let (json, blob): (String, Vec<u8>) = st
            .query_row(p, |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .ok()
            .flatten()?;
        let mut s: ArticleSummary = serde_json::from_str(&json).ok()?;
        s.keywords = blob
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        Some(s)
    }

    /// Stores summaries (one transaction).
    pub fn put_all(&mut self, items: &[(ArticleSummary, i64, i64)]) -> Result<(), String> {
        let tx = self.conn.transaction().map_err(|e| e.to_string())?;
        {
            let mut st = tx
                .prepare("INSERT OR REPLACE INTO summaries (path, hash, mtime, size, format, summary, keywords) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .map_err(|e| e.to_string())?;
            for (s, mtime, size) in items {
                let json = serde_json::to_string(s).map_err(|e| e.to_string())?;
                let keywords: Vec<u8> = s.keywords.iter().flat_map(|k| k.to_le_bytes()).collect();
                st.execute(params![
                    s.path,
                    s.hash as i64,
                    mtime,
                    size,
                    FORMAT,
                    json,
                    keywords
                ])
                .map_err(|e| e.to_string())?;
            }
        }
        tx.commit().map_err(|e| e.to_string())
    }

    /// Forgets a path.
    pub fn forget(&self, path: &str) {
        let _ = self
            .conn
            .execute("DELETE FROM summaries WHERE path = ?1", params![path]);
    }
}

/// A summary (None: not an article) and the file's time and size.
type Loaded = (Option<ArticleSummary>, Option<(i64, i64)>);

/// Analyses one file for the index (with the default options: the cache is shared by every
/// configuration); None when it is not an article or cannot be read.
pub fn summarize_file(path: &Path) -> Option<ArticleSummary> {
    let text = crate::workspace::read_text(path).ok()?;
    let a = Engine::default().analyse(&text);
    engine::is_source(&a).then(|| engine::summarize(&path.display().to_string(), &a))
}

/// Indexes every article under `folders` (and the given files), using and refreshing the cache.
/// Work is spread over the machine's cores.
pub fn load(index: &mut Index, folders: &[PathBuf], cache: Option<&mut Cache>) -> LoadStats {
    let mut files: Vec<PathBuf> = Vec::new();
    for f in folders {
        if f.is_dir() {
            files.extend(crate::workspace::walk(f));
        } else if f.is_file() {
            files.push(f.clone());
        }
    }
    files.sort();
    files.dedup();
    let (summaries, mut stats) = summarize_files(&files, cache);
    for s in summaries {
        index.insert(s);
    }
    stats.articles = index.len();
    stats
}

/// The summaries of the articles among `files`: from the cache where the file's time and size
/// are unchanged, else read and analysed (over the machine's cores) and stored in the cache.
/// `articles` in the stats is the number of summaries returned.
pub fn summarize_files(
    files: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (Vec<ArticleSummary>, LoadStats) {
    let mut stats = LoadStats::default();
    let mut out = Vec::new();
    let mut todo = Vec::new();
    for f in files {
        let key = f.display().to_string();
        let stamp = mtime_and_size(f);
        let hit = match (&cache, stamp) {
            (Some(c), Some((m, s))) => c.fresh(&key, m, s),
            _ => None,
        };
        match hit {
            Some(s) => {
                stats.from_cache += 1;
                out.push(s);
            }
            None => todo.push((f.clone(), stamp)),
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = todo.len().div_ceil(threads).max(1);
    let results: Vec<Loaded> = std::thread::scope(|sc| {
        let handles: Vec<_> = todo
            .chunks(chunk)
            .map(|part| {
                sc.spawn(move || {
                    part.iter()
                        .map(|(f, st)| (summarize_file(f), *st))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut fresh = Vec::new();
    for (s, stamp) in results {
        match s {
            Some(s) => {
                stats.analysed += 1;
                if let Some((m, z)) = stamp {
                    fresh.push((s.clone(), m, z));
                }
                out.push(s);
            }
            None => stats.skipped += 1,
        }
    }
    if let Some(c) = cache {
        let _ = c.put_all(&fresh);
    }
    stats.articles = out.len();
    (out, stats)
}
