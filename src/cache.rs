//! The on-disk cache of article summaries (SQLite through rusqlite, bundled), keyed by path
//! and content hash, so that reopening a large workspace does not re-read every article.
//! Shell side: it does I/O. Deleting the cache file loses nothing but time.

use crate::engine::{self, Engine};
use crate::sources::{ArticleSummary, Index};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

#[cfg(test)]
mod corrupt_tests {
    use super::*;

    #[test]
    fn a_corrupt_cache_is_moved_aside_and_rebuilt() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("index.sqlite");
        std::fs::write(&p, b"this is not a database, it is a sentence about caches").expect("w");
        let c = Cache::open(&p);
        assert!(c.is_ok(), "{:?}", c.err());
        assert!(dir.path().join("index.sqlite.corrupt").exists());
        drop(c);
        // The rebuilt cache opens cleanly: nothing more is moved.
        std::fs::remove_file(dir.path().join("index.sqlite.corrupt")).expect("rm");
        assert!(Cache::open(&p).is_ok());
        assert!(!dir.path().join("index.sqlite.corrupt").exists());
    }

    #[test]
    fn an_edit_that_keeps_time_and_size_is_read_again() {
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("a.md");
        let text = |n: &str| {
            format!("---\ndate: 2024-02-01\n---\n\nAbout {n} people were hurt, police said.\n")
        };
        std::fs::write(&f, text("40")).expect("w");
        let stamp = std::fs::metadata(&f)
            .and_then(|m| m.modified())
            .expect("mtime");
        let mut c = Cache::in_memory().expect("cache");
        let (first, _) = summarize_files(std::slice::from_ref(&f), Some(&mut c));
        // same size, same modification time, other words
        std::fs::write(&f, text("70")).expect("w");
        std::fs::File::options()
            .write(true)
            .open(&f)
            .and_then(|h| h.set_modified(stamp))
            .expect("set mtime");
        let (again, stats) = summarize_files(std::slice::from_ref(&f), Some(&mut c));
        assert_eq!(stats.from_cache, 0);
        assert_ne!(first[0].hash, again[0].hash);
    }

    #[test]
    fn a_summary_from_another_build_is_analysed_again() {
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("a.md");
        std::fs::write(&f, "---\ndate: 2024-02-01\n---\n\nTen people were hurt.\n").expect("w");
        let mut c = Cache::in_memory().expect("cache");
        summarize_files(std::slice::from_ref(&f), Some(&mut c));
        let (_, stats) = summarize_files(std::slice::from_ref(&f), Some(&mut c));
        assert_eq!(stats.from_cache, 1);
        // the row another build wrote: its analysis may differ from this one's
        c.conn
            .execute("UPDATE summaries SET format = format + 1", [])
            .expect("update");
        let (_, stats) = summarize_files(std::slice::from_ref(&f), Some(&mut c));
        assert_eq!(stats.from_cache, 0);
    }
}

// `FORMAT`: changes whenever the summary format or the analysis may change what it records —
// a fingerprint of every source and word-data file, computed by build.rs — so a summary cached
// or archived by another build is analysed again, never trusted (the shared archive,
// `crate::archive`, stores it too: another build re-analyses its rows).
include!(concat!(env!("OUT_DIR"), "/format.rs"));

/// [`FORMAT`] as the archive's `integer` column.
pub const FORMAT_I32: i32 = FORMAT as i32;

/// An open cache.
pub struct Cache {
    conn: Connection,
}

/// A stored summary as read from the cache: its JSON and its keyword blob.
struct Row {
    json: String,
    blob: Vec<u8>,
}

impl Row {
    /// The summary, None when the row does not parse.
    fn parse(&self) -> Option<ArticleSummary> {
        let mut s: ArticleSummary = serde_json::from_str(&self.json).ok()?;
        s.keywords = self
            .blob
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        Some(s)
    }
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
        let opened = Connection::open(path).and_then(|conn| {
            conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
                .and_then(|ok| {
                    if ok == "ok" {
                        Cache::init(conn)
                    } else {
                        Err(rusqlite::Error::InvalidQuery)
                    }
                })
        });
        match opened {
            Ok(c) => Ok(c),
            Err(e) => {
                // A corrupt cache is moved aside (kept for a bug report) and rebuilt, once.
                let aside = path.with_extension("sqlite.corrupt");
                std::fs::rename(path, &aside)
                    .map_err(|r| format!("{}: {e}; {r}", path.display()))?;
                for ext in ["sqlite-wal", "sqlite-shm"] {
                    let _ = std::fs::remove_file(path.with_extension(ext));
                }
                // stderr: the CLI's diagnostics channel, and the language server's log (stdout
                // carries its protocol)
                eprintln!(
                    "copydesk: warning: the cache {} was corrupt ({e}); moved to {} and rebuilt",
                    path.display(),
                    aside.display()
                );
                let conn =
                    Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
                Cache::init(conn).map_err(|e| format!("{}: {e}", path.display()))
            }
        }
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
        self.row(sql, p).as_ref().and_then(Row::parse)
    }

    /// The stored row of a summary, not yet parsed.
    fn row(&self, sql: &str, p: impl rusqlite::Params) -> Option<Row> {
        let mut st = self.conn.prepare_cached(sql).ok()?;
        let (json, blob): (String, Vec<u8>) = st
            .query_row(p, |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .ok()
            .flatten()?;
        Some(Row { json, blob })
    }

    /// [`Cache::fresh`], not yet parsed (parsing is done on the worker threads).
    fn fresh_row(&self, path: &str, mtime: i64, size: i64) -> Option<Row> {
        self.row(
            "SELECT summary, keywords FROM summaries WHERE path = ?1 AND mtime = ?2 AND size = ?3 AND format = ?4",
            params![path, mtime, size, FORMAT],
        )
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

/// A summary (None: not an article), the file's time and size, and why it failed (a read
/// error or a panic in the analysis; None when it did not).
type Loaded = (Option<ArticleSummary>, Option<(i64, i64)>, Option<String>);

/// Analyses one file for the index (with the default options: the cache is shared by every
/// configuration); None when it is not an article or cannot be read.
pub fn summarize_file(path: &Path) -> Option<ArticleSummary> {
    summarize_text(path, &crate::workspace::read_text(path).ok()?)
}

fn summarize_text(path: &Path, text: &str) -> Option<ArticleSummary> {
    let a = Engine::default().analyse(text);
    engine::is_source(&a).then(|| engine::summarize(&path.display().to_string(), &a))
}

/// [`summarize_file`] that never panics and says why a file was not taken: a read error
/// (FIFO, device, too large, unreadable) or a panic in the analysis, with its message.
pub fn summarize_file_checked(path: &Path) -> Result<Option<ArticleSummary>, String> {
    let text = match crate::workspace::read_text(path) {
        Ok(t) => t,
        // Binary and non-UTF-8 files found in source folders are simply not articles.
        Err(crate::workspace::ReadError::Binary | crate::workspace::ReadError::NotUtf8(_)) => {
            return Ok(None)
        }
        Err(e) => return Err(e.to_string()),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| summarize_text(path, &text))).map_err(
        |p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            format!("the analysis failed (internal error: {msg}); skipped")
        },
    )
}

/// Indexes every article under `folders` (and the given files), using and refreshing the cache.
/// Work is spread over the machine's cores.
pub fn load(index: &mut Index, folders: &[PathBuf], cache: Option<&mut Cache>) -> LoadStats {
    load_reporting(index, folders, cache).0
}

/// [`load`], plus every folder or file that was skipped and why (a missing folder, an unreadable
/// sub-folder, a FIFO, a file whose analysis failed), each once. Paths are canonical, so a
/// folder named twice (`src` and `./src`) gives each article once.
pub fn load_reporting(
    index: &mut Index,
    folders: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (LoadStats, Vec<crate::workspace::Skipped>) {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut problems = Vec::new();
    for f in folders {
        match std::fs::metadata(f) {
            Ok(m) if m.is_dir() => {
                let (found, skipped) = crate::workspace::walk_reporting(f);
                files.extend(found);
                problems.extend(skipped);
            }
            Ok(m) if m.is_file() => files.push(f.clone()),
            Ok(m) => problems.push(crate::workspace::Skipped {
                path: f.clone(),
                reason: format!(
                    "{}, not a regular file or folder",
                    crate::workspace::file_kind(&m.file_type())
                ),
            }),
            Err(e) => problems.push(crate::workspace::Skipped {
                path: f.clone(),
                reason: format!("sources folder {}", crate::workspace::describe_io(&e)),
            }),
        }
    }
    files.sort();
    // canonical paths (the cache's keys) on the worker threads: one look-up per file
    let canonical = par_map(&files, |p| canonical(p), |p| p.clone());
    let mut seen = std::collections::HashSet::new();
    let keyed: Vec<(PathBuf, String)> = files
        .into_iter()
        .zip(canonical)
        .filter(|(_, c)| seen.insert(c.clone()))
        .map(|(p, c)| (p, c.display().to_string()))
        .collect();
    let (summaries, mut stats, failed) = summarize_keyed(&keyed, cache);
    problems.extend(failed);
    for s in summaries {
        index.insert(s);
    }
    stats.articles = index.len();
    (stats, problems)
}

/// The summaries of the articles among `files`: from the cache where the file's time and size
/// are unchanged, else read and analysed (over the machine's cores) and stored in the cache.
/// `articles` in the stats is the number of summaries returned.
pub fn summarize_files(
    files: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (Vec<ArticleSummary>, LoadStats) {
    let (s, stats, _) = summarize_files_reporting(files, cache);
    (s, stats)
}

/// The canonical path of a file, or the path itself when it has none.
fn canonical(f: &Path) -> PathBuf {
    f.canonicalize().unwrap_or_else(|_| f.to_path_buf())
}

/// The cache key of a file: its canonical path, so that the same file named two ways is one
/// entry and two workspaces never share an entry by a relative name.
fn cache_key(f: &Path) -> String {
    canonical(f).display().to_string()
}

/// True when the file at `f` still reads as text with content hash `hash`.
fn same_text(f: &Path, hash: u64) -> bool {
    crate::workspace::read_text(f).is_ok_and(|t| crate::sources::content_hash(&t) == hash)
}

/// Runs `f` over `items` on the machine's cores (up to 8 threads), results in the items'
/// order; should a worker panic, its items get `failed` instead.
fn par_map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    failed: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    if threads == 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads).max(1);
    let (f, failed) = (&f, &failed);
    std::thread::scope(|sc| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    sc.spawn(move || part.iter().map(f).collect::<Vec<_>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(failed).collect())
            })
            .collect()
    })
}

/// Files taken from the cache per round: the rows read but not yet parsed stay bounded.
const CACHE_BATCH: usize = 1024;

/// [`summarize_files`], plus the files that failed and why; a file whose analysis panics
/// costs only that file.
pub fn summarize_files_reporting(
    files: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (
    Vec<ArticleSummary>,
    LoadStats,
    Vec<crate::workspace::Skipped>,
) {
    let keyed: Vec<(PathBuf, String)> = files
        .iter()
        .cloned()
        .zip(par_map(
            files,
            |f| cache_key(f),
            |f| f.display().to_string(),
        ))
        .collect();
    summarize_keyed(&keyed, cache)
}

/// [`summarize_files_reporting`] of files with their cache keys.
fn summarize_keyed(
    files: &[(PathBuf, String)],
    cache: Option<&mut Cache>,
) -> (
    Vec<ArticleSummary>,
    LoadStats,
    Vec<crate::workspace::Skipped>,
) {
    let mut stats = LoadStats::default();
    let mut out = Vec::new();
    let mut todo = Vec::new();
    for batch in files.chunks(CACHE_BATCH) {
        let stamps = par_map(batch, |(f, _)| mtime_and_size(f), |_| None);
        // the rows are read here (one connection), parsed and checked on the workers
        let rows: Vec<Option<Row>> = batch
            .iter()
            .zip(&stamps)
            .map(|((_, key), stamp)| match (&cache, stamp) {
                (Some(c), Some((m, s))) => c.fresh_row(key, *m, *s),
                _ => None,
            })
            .collect();
        let work: Vec<(&Path, Option<Row>)> =
            batch.iter().map(|(f, _)| f.as_path()).zip(rows).collect();
        // the entry is keyed by canonical path, time and size, and holds only when the text
        // still has the hash it was built from (#19: a same-size edit that keeps the time)
        let hits = par_map(
            &work,
            |(f, row)| {
                let s = row.as_ref()?.parse()?;
                same_text(f, s.hash).then_some(s)
            },
            |_| None,
        );
        for (((f, key), stamp), hit) in batch.iter().zip(stamps).zip(hits) {
            match hit {
                Some(mut s) => {
                    stats.from_cache += 1;
                    s.path = f.display().to_string();
                    out.push(s);
                }
                None => todo.push((f.clone(), key.clone(), stamp)),
            }
        }
    }
    let results: Vec<Loaded> = par_map(
        &todo,
        |(f, _, st)| match summarize_file_checked(f) {
            Ok(s) => (s, *st, None),
            Err(e) => (None, *st, Some(e)),
        },
        // A worker cannot panic (each file is caught), but if it did, its files are
        // named, not dropped silently.
        |(_, _, st)| (None, *st, Some("the worker failed".to_string())),
    );
    let mut fresh = Vec::new();
    let mut failed = Vec::new();
    for ((f, key, _), (s, stamp, err)) in todo.iter().zip(results) {
        match s {
            Some(s) => {
                stats.analysed += 1;
                if let Some((m, z)) = stamp {
                    let mut keyed = s.clone();
                    keyed.path = key.clone();
                    fresh.push((keyed, m, z));
                }
                out.push(s);
            }
            None => {
                stats.skipped += 1;
                if let Some(reason) = err {
                    failed.push(crate::workspace::Skipped {
                        path: f.clone(),
                        reason,
                    });
                }
            }
        }
    }
    if let Some(c) = cache {
        let _ = c.put_all(&fresh);
    }
    stats.articles = out.len();
    (out, stats, failed)
}
