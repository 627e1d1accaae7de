//! Loading the sources index for a command: the workspace folder of the checked files, the
//! configured `sources` folders and `--sources` folders, through the on-disk cache; and the
//! shared archive (`postgres://…` in `sources`, `--sources` or `COPYDESK_DATABASE_URL`), from
//! which only the articles around the checked articles' dates are loaded.

use crate::archive::{self, Blocking, Role};
use crate::cache::{self, Cache, LoadStats};
use crate::config::Config;
use crate::sources::{ArticleSummary, Index};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Options shared by the commands that compare sources.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SourceArgs {
    /// Also compare with the articles in this folder, or in this shared archive
    /// (`postgres://…`; also `COPYDESK_DATABASE_URL`) (repeatable).
    #[arg(long = "sources", value_name = "DIR|URL")]
    pub sources: Vec<PathBuf>,
    /// Do not read or write the on-disk index cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// The workspace folder of a file: the folder of its `.copydesk.toml`, else its own folder.
pub fn workspace_of(file: &Path) -> PathBuf {
    if let Some(c) = crate::workspace::find_config(file) {
        if let Some(d) = c.parent() {
            return d.to_path_buf();
        }
    }
    let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
    if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent
    }
}

/// Folders to index: the given roots, `--sources`, and the configuration's `sources` (relative
/// to the configuration's folder).
pub fn folders(
    roots: &[PathBuf],
    args: &SourceArgs,
    config: &Config,
    config_dir: Option<&Path>,
) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = roots.to_vec();
    out.extend(folder_args(args));
    for s in config.sources.iter().filter(|s| !archive::is_url(s)) {
        let p = PathBuf::from(s);
        out.push(if p.is_absolute() {
            p
        } else {
            config_dir.map_or(p.clone(), |d| d.join(&p))
        });
    }
    out.sort();
    out.dedup();
    out
}

/// The `--sources` that are folders (not archive URLs).
pub fn folder_args(args: &SourceArgs) -> Vec<PathBuf> {
    args.sources
        .iter()
        .filter(|p| !p.to_str().is_some_and(archive::is_url))
        .cloned()
        .collect()
}

/// The archives to compare with: `--sources postgres://…`, the configurations' `sources`
/// URLs and `COPYDESK_DATABASE_URL`, each once.
pub fn archive_urls(args: &SourceArgs, configs: &[&Config]) -> Vec<String> {
    let mut out: Vec<String> = args
        .sources
        .iter()
        .filter_map(|p| p.to_str())
        .filter(|s| archive::is_url(s))
        .map(str::to_string)
        .collect();
    for c in configs {
        out.extend(c.sources.iter().filter(|s| archive::is_url(s)).cloned());
    }
    if let Ok(u) = std::env::var(archive::ENV_URL) {
        if archive::is_url(&u) {
            out.push(u);
        }
    }
    out.dedup();
    let mut seen = std::collections::HashSet::new();
    out.retain(|u| seen.insert(u.clone()));
    out
}

/// How long loading from one archive may take before the command goes on without it.
const ARCHIVE_BUDGET: std::time::Duration = std::time::Duration::from_secs(10);

/// Adds to `index` the archived articles published within `window_days` of `dates` (and the
/// undated ones) that `subjects` (the articles compared) may share a story with, with the
/// rest of those stories (`archive::load::story_members`), except those already in it (by
/// path or by content: an article is not its own source). The findings are those of loading
/// every article of the window: the others are never compared with a subject. An archive
/// that is down or slow costs a one-line warning, and the command goes on with the local
/// files. Returns the number of articles added.
pub fn load_archives(
    urls: &[String],
    dates: &[NaiveDate],
    window_days: i64,
    subjects: &[&ArticleSummary],
    index: &mut Index,
) -> usize {
    let mut added = 0;
    let mut background = false;
    for url in urls {
        let got = Blocking::new(url, Role::Reader).and_then(|db| {
            let (skel, (n, df)) = within_budget(&db, async {
                let skel = db.archive().skeletons_around(dates, window_days).await?;
                // the whole archive's keyword counts, for the window's and local articles
                let mut kw: Vec<u64> = index
                    .iter()
                    .chain(skel.rows.iter().map(|r| &r.summary))
                    .flat_map(|s| s.keywords.iter().copied())
                    .collect();
                kw.sort_unstable();
                kw.dedup();
                let counts = db.archive().keyword_counts(&kw).await?;
                Ok((skel, counts))
            })?;
            if !background {
                // the first archive's counts (several archives: the first one weighs)
                index.set_background(n, df);
                background = true;
            }
            let picked = archive::load::story_members(index, subjects, &skel.rows, window_days);
            let ids: Vec<i64> = picked
                .iter()
                .filter_map(|i| skel.rows.get(*i))
                .map(|r| r.id)
                .collect();
            let summaries = within_budget(&db, db.archive().summaries_of(&ids))?;
            Ok((skel.truncated, summaries))
        });
        match got {
            Ok((truncated, summaries)) => {
                if truncated {
                    super::error(format!(
                        "warning: archive {}: more than {} articles around these dates; the newest were loaded",
                        archive::redact(url),
                        archive::load::MAX_LOADED
                    ));
                }
                let hashes: std::collections::HashSet<u64> = index.iter().map(|s| s.hash).collect();
                for s in summaries {
                    if index.get(&s.path).is_none() && !hashes.contains(&s.hash) {
                        index.insert(s);
                        added += 1;
                    }
                }
            }
            Err(e) => super::error(format!(
                "warning: archive {} unavailable ({e}); comparing with local files only",
                archive::redact(url)
            )),
        }
    }
    added
}

/// Runs an archive request within [`ARCHIVE_BUDGET`].
fn within_budget<T>(
    db: &Blocking,
    f: impl std::future::Future<Output = Result<T, archive::Error>>,
) -> Result<T, archive::Error> {
    db.run(async {
        tokio::time::timeout(ARCHIVE_BUDGET, f)
            .await
            .unwrap_or_else(|_| {
                Err(archive::Error(format!(
                    "no answer within {} s",
                    ARCHIVE_BUDGET.as_secs()
                )))
            })
    })
}

/// Builds the index of `folders`, with the cache unless `no_cache`.
pub fn load_index(folders: &[PathBuf], no_cache: bool) -> (Index, LoadStats) {
    let mut index = Index::new();
    let mut cache = if no_cache {
        None
    } else {
        cache::default_path().and_then(|p| Cache::open(&p).ok())
    };
    let (stats, skipped) = cache::load_reporting(&mut index, folders, cache.as_mut());
    for s in skipped {
        super::error(format!("{}: {}", s.path.display(), s.reason));
    }
    (index, stats)
}
