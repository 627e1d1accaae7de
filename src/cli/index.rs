//! `copydesk index PATH… --into postgres://…`: ingest articles into the shared archive.
//!
//! Folders are walked for articles as `check` walks them; `-` reads JSON lines
//! `{"path": …, "outlet": …, "date": "YYYY-MM-DD", "text": …}` from standard input. Articles
//! whose content is already stored are not analysed again; the others are analysed over the
//! machine's cores while the previous batch is written (one transaction per batch).

use super::error;
use crate::archive::{self, ingest::BATCH, Blocking, IngestStats, Item, Role};
use crate::sources::ArticleSummary;
use crate::workspace;
use std::io::{BufRead, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `copydesk index`.
#[derive(clap::Args, Debug)]
pub struct IndexArgs {
    /// Folders and files of articles, or `-` for JSON lines on standard input
    /// (`{"path", "outlet", "date", "text"}`; `outlet` and `date` may be left out).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The archive, `postgres://…` (default: the `COPYDESK_DATABASE_URL` environment variable).
    #[arg(long, value_name = "URL")]
    pub into: Option<String>,
    /// Also remove from the archive the articles under the given folders that are no longer
    /// there (their figures go with them).
    #[arg(long)]
    pub delete: bool,
    /// Print only errors (no progress, no summary line).
    #[arg(long, short)]
    pub quiet: bool,
}

/// One JSON line of standard input.
#[derive(serde::Deserialize)]
struct Line {
    path: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

/// Where items come from: files (read when their batch comes), or standard input.
enum Source {
    File(PathBuf),
    Stdin,
}

/// The archive URL: `--into`, else the environment.
fn url_of(into: Option<&str>) -> Result<String, String> {
    let url = match into {
        Some(u) => u.to_string(),
        None => std::env::var(archive::ENV_URL).map_err(|_| {
            format!(
                "index: no archive given: pass --into postgres://… or set {}",
                archive::ENV_URL
            )
        })?,
    };
    if !archive::is_url(&url) {
        return Err(format!(
            "--into {}: expected a postgres:// or postgresql:// URL",
            archive::redact(&url)
        ));
    }
    Ok(url)
}

/// Runs the command.
pub fn run(args: IndexArgs) -> ExitCode {
    index(&args).unwrap_or_else(|e| {
        error(e);
        ExitCode::from(2)
    })
}

/// Ingests the articles; an error stops the command (exit 2) with its message.
fn index(args: &IndexArgs) -> Result<ExitCode, String> {
    let url = url_of(args.into.as_deref())?;
    let db = open_archive(&url, args.quiet)?;
    let failed = |e| format!("archive {}: {e}", db.archive().name());
    let (sources, prefixes, io_error) = sources_of(&args.paths);
    let total = sources
        .iter()
        .filter(|s| matches!(s, Source::File(_)))
        .count();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(total));
    let started = Instant::now();
    let result = ingest(&db, &url, sources, bar.as_ref());
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let (mut stats, present) = result.map_err(failed)?;
    if args.delete && !prefixes.is_empty() {
        stats.deleted = db
            .run(db.archive().remove_missing(&prefixes, &present))
            .map_err(failed)?;
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-6);
        eprintln!(
            "copydesk: indexed {} articles into {} in {secs:.1} s ({:.0} articles/s): {} written, {} unchanged, {} not articles, {} failed, {} removed",
            stats.seen,
            db.archive().name(),
            stats.seen as f64 / secs,
            stats.written,
            stats.unchanged,
            stats.not_articles,
            stats.failed,
            stats.deleted
        );
    }
    Ok(if io_error || stats.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Connects to the archive as its writer, brings its schema up to date, and gives articles
/// stored before stories were kept their story (new ones may join them).
fn open_archive(url: &str, quiet: bool) -> Result<Blocking, String> {
    let db = Blocking::new(url, Role::Writer)
        .map_err(|e| format!("archive {}: {e}", archive::redact(url)))?;
    let failed = |e| format!("archive {}: {e}", db.archive().name());
    db.run(db.archive().migrate()).map_err(failed)?;
    let n = db.run(db.archive().assign_missing()).map_err(failed)?;
    if n > 0 && !quiet {
        eprintln!("copydesk: gave {n} stored articles their story");
    }
    Ok(db)
}

/// The items the paths name (folders walked as `check` walks them), the folder prefixes
/// `--delete` may prune, and whether a path did not exist (reported here).
fn sources_of(paths: &[PathBuf]) -> (Vec<Source>, Vec<String>, bool) {
    let mut sources = Vec::new();
    let mut prefixes = Vec::new();
    let mut io_error = false;
    for p in paths {
        if p.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if p.is_dir() {
            let (files, skipped) = workspace::walk_reporting(p);
            for s in skipped {
                error(format!("{}: {}; skipped", s.path.display(), s.reason));
            }
            let mut prefix = p.display().to_string();
            if !prefix.ends_with('/') {
                prefix.push('/');
            }
            prefixes.push(prefix);
            sources.extend(files.into_iter().map(Source::File));
        } else if p.exists() {
            sources.push(Source::File(p.clone()));
        } else {
            error(format!("{}: no such file or folder", p.display()));
            io_error = true;
        }
    }
    (sources, prefixes, io_error)
}

/// The terminal progress bar of `total` files.
fn progress_bar(total: usize) -> indicatif::ProgressBar {
    let b = indicatif::ProgressBar::new(total as u64);
    b.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} indexing {pos}/{len} articles {per_sec} eta {eta} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b
}

/// The next batch of items: files read now, standard input read line by line (each line at
/// most the file size limit). Read errors are reported and counted.
fn next_batch(
    sources: &mut std::iter::Peekable<std::vec::IntoIter<Source>>,
    stdin: &mut Option<std::io::StdinLock<'static>>,
    line_no: &mut usize,
    stats: &mut IngestStats,
) -> Vec<Item> {
    let mut out = Vec::new();
    while out.len() < BATCH {
        match sources.peek() {
            None => break,
            Some(Source::File(_)) => {
                let Some(Source::File(f)) = sources.next() else {
                    break;
                };
                stats.seen += 1;
                match workspace::read_text(&f) {
                    Ok(text) => out.push(Item {
                        key: f.display().to_string(),
                        text,
                        outlet: None,
                        published: None,
                    }),
                    Err(workspace::ReadError::Binary | workspace::ReadError::NotUtf8(_)) => {
                        stats.not_articles += 1
                    }
                    Err(e) => {
                        error(format!("{}: {e}", f.display()));
                        stats.failed += 1;
                    }
                }
            }
            Some(Source::Stdin) => {
                let lock = stdin.get_or_insert_with(|| std::io::stdin().lock());
                let mut buf = Vec::new();
                let limit = workspace::MAX_FILE_BYTES;
                let n = match (&mut *lock).take(limit + 1).read_until(b'\n', &mut buf) {
                    Ok(n) => n,
                    Err(e) => {
                        error(format!("<stdin>: {e}"));
                        stats.failed += 1;
                        0
                    }
                };
                if n == 0 {
                    sources.next();
                    continue;
                }
                *line_no += 1;
                if buf.len() as u64 > limit {
                    error(format!(
                        "<stdin>:{line_no}: longer than the limit ({limit} bytes); the rest of standard input is skipped"
                    ));
                    stats.failed += 1;
                    sources.next();
                    continue;
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                stats.seen += 1;
                match parse_line(&buf) {
                    Ok(item) => out.push(item),
                    Err(e) => {
                        error(format!("<stdin>:{line_no}: {e}"));
                        stats.failed += 1;
                    }
                }
            }
        }
    }
    out
}

/// One JSON line as an item.
fn parse_line(buf: &[u8]) -> Result<Item, String> {
    let l: Line =
        serde_json::from_slice(buf).map_err(|e| format!("not a JSON article line: {e}"))?;
    if l.path.is_empty() {
        return Err("\"path\" is empty".into());
    }
    let published = match l.date.as_deref() {
        Some(d) if !d.is_empty() => Some(super::parse_date(d)?),
        _ => None,
    };
    Ok(Item {
        key: l.path,
        text: l.text,
        outlet: l.outlet.filter(|o| !o.trim().is_empty()),
        published,
    })
}

/// A batch analysed: (key, hash, summary) to write.
type Analysed = Vec<(String, i64, ArticleSummary)>;

/// Analyses the items over the machine's cores; not articles and failures are counted.
fn analyse(items: Vec<(Item, i64)>, stats: &mut IngestStats) -> Analysed {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    let results: Vec<(String, i64, Result<Option<ArticleSummary>, String>)> =
        std::thread::scope(|sc| {
            let handles: Vec<_> = items
                .chunks(chunk)
                .map(|part| {
                    sc.spawn(move || {
                        part.iter()
                            .map(|(it, h)| (it.key.clone(), *h, it.summarize()))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
    let mut out = Vec::new();
    for (key, h, r) in results {
        match r {
            Ok(Some(s)) => out.push((key, h, s)),
            Ok(None) => stats.not_articles += 1,
            Err(e) => {
                error(format!("{key}: {e}"));
                stats.failed += 1;
            }
        }
    }
    out
}

/// Reads, analyses and writes every item; returns the stats and the keys of the articles
/// present (written or unchanged), for `--delete`. Batches are written by a thread of their
/// own (with its own connection pool) while the next batch is analysed.
fn ingest(
    db: &Blocking,
    url: &str,
    sources: Vec<Source>,
    bar: Option<&indicatif::ProgressBar>,
) -> Result<(IngestStats, Vec<String>), archive::Error> {
    let mut stats = IngestStats::default();
    let mut present = Vec::new();
    let mut sources = sources.into_iter().peekable();
    let mut stdin = None;
    let mut line_no = 0;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Analysed>(1);
    let writer_url = url.to_string();
    let writer = std::thread::spawn(move || -> Result<usize, archive::Error> {
        let w = Blocking::new(&writer_url, Role::Writer)?;
        let mut written = 0;
        for batch in rx {
            written += w.run(w.archive().write_batch(&batch))?;
        }
        Ok(written)
    });
    let mut send_failed = false;
    loop {
        let before = stats.seen;
        let items = next_batch(&mut sources, &mut stdin, &mut line_no, &mut stats);
        if items.is_empty() && stats.seen == before && sources.peek().is_none() {
            break;
        }
        let hashed: Vec<(String, i64)> = items.iter().map(|i| (i.key.clone(), i.hash())).collect();
        let same = db.run(db.archive().unchanged(&hashed))?;
        let mut todo = Vec::new();
        for (it, (key, h)) in items.into_iter().zip(hashed) {
            if same.contains(&key) {
                stats.unchanged += 1;
                present.push(key);
            } else {
                todo.push((it, h));
            }
        }
        let batch = analyse(todo, &mut stats);
        present.extend(batch.iter().map(|(k, _, _)| k.clone()));
        if tx.send(batch).is_err() {
            send_failed = true;
            break;
        }
        if let Some(b) = bar {
            b.set_position(stats.seen as u64);
        }
    }
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| archive::Error("the writer failed".into()))??;
    if send_failed {
        return Err(archive::Error("the writer stopped".into()));
    }
    stats.written = written;
    Ok((stats, present))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_read_with_their_outlet_and_date() {
        let it =
            parse_line(br#"{"path":"wire/1","outlet":"Wire","date":"2023-02-01","text":"Hello."}"#)
                .expect("line");
        assert_eq!(it.key, "wire/1");
        assert_eq!(it.outlet.as_deref(), Some("Wire"));
        assert_eq!(
            it.published.map(|d| d.to_string()).as_deref(),
            Some("2023-02-01")
        );
        assert!(parse_line(br#"{"path":"x","text":"t","date":"Feb 1"}"#).is_err());
        assert!(parse_line(b"{not json").is_err());
        assert!(parse_line(br#"{"path":"","text":"t"}"#).is_err());
    }

    #[test]
    fn the_url_must_be_postgres() {
        assert!(url_of(Some("/tmp/folder")).is_err());
        assert!(url_of(Some("postgres://u@h/db")).is_ok());
    }
}
