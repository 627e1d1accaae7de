//! Loading the sources index for a command: the workspace folder of the checked files, the
//! configured `sources` folders and `--sources` folders, through the on-disk cache.

use crate::cache::{self, Cache, LoadStats};
use crate::config::Config;
use crate::sources::Index;
use std::path::{Path, PathBuf};

/// Options shared by the commands that compare sources.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SourceArgs {
    /// Also compare with the articles in this folder (repeatable).
    #[arg(long = "sources", value_name = "DIR")]
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
    out.extend(args.sources.iter().cloned());
    for s in &config.sources {
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
