//! File-system side shared by the shells: finding articles under paths, reading them safely,
//! and finding `.copydesk.toml`. Not part of the pure core.

use crate::config::{Config, ConfigError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The configuration file name.
pub const CONFIG_FILE: &str = ".copydesk.toml";

/// Extensions of files that can hold articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// The default size limit of an article file (bytes); larger files are skipped unread.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The OS refused (missing file, permissions, a symlink loop).
    Io(std::io::Error),
    /// Not a regular file (a folder, FIFO, device or socket); what it is.
    NotRegular(&'static str),
    /// Larger than the limit: (size or bytes seen, limit).
    TooLarge(u64, u64),
    /// The file holds NUL bytes: not text.
    Binary,
    /// The bytes are not UTF-8; the offset of the first bad byte.
    NotUtf8(usize),
}

/// An OS error in words, with the cases users meet named plainly ("symlink loop" rather than
/// the OS's "too many levels of symbolic links" or a misleading "no such file").
pub fn describe_io(e: &std::io::Error) -> String {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(not(target_os = "linux"))]
    const ELOOP: i32 = 62;
    if e.raw_os_error() == Some(ELOOP) {
        return "symlink loop".to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot be read: {}", describe_io(e)),
            ReadError::NotRegular(kind) => {
                write!(f, "is a {kind}, not a regular file; skipped")
            }
            ReadError::TooLarge(n, limit) => write!(
                f,
                "is larger than the limit ({n} bytes, limit {limit}); skipped"
            ),
            ReadError::Binary => write!(f, "is a binary file, not an article; skipped"),
            ReadError::NotUtf8(o) => write!(
                f,
                "is not UTF-8 text (first bad byte at offset {o}); save it as UTF-8 to check it"
            ),
        }
    }
}

/// What a non-regular file is, in words.
pub fn file_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "FIFO (named pipe)";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "device";
        }
        if ft.is_socket() {
            return "socket";
        }
    }
    if ft.is_dir() {
        "folder"
    } else if ft.is_symlink() {
        "symlink"
    } else if ft.is_file() {
        "file"
    } else {
        "special file"
    }
}

/// Opens a file for reading without blocking on a FIFO that was swapped in after a check.
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        #[cfg(any(target_os = "linux", target_os = "android"))]
        const O_NONBLOCK: i32 = 0o4000;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        const O_NONBLOCK: i32 = 0x0004;
        o.custom_flags(O_NONBLOCK);
    }
    o.open(path)
}

/// Reads a file as UTF-8 text with the default size limit ([`MAX_FILE_BYTES`]).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    read_text_limited(path, MAX_FILE_BYTES)
}

/// Reads a file as UTF-8 text: only a regular file (through symlinks), only up to `limit`
/// bytes (checked on the metadata before reading and again while reading, so a device or a
/// growing file never fills memory); binary and non-UTF-8 content are refused with a reason.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len(), limit));
    }
    let f = open_for_reading(path).map_err(ReadError::Io)?;
    // The file may have been replaced between the two looks: check what was opened.
    let meta = f.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta.file_type())));
    }
    let mut buf = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    f.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge(buf.len() as u64, limit));
    }
    bytes_to_text(buf)
}

/// Reads a stream (standard input) up to `limit` bytes, then checks it like [`read_text`].
pub fn read_stream_limited(r: impl std::io::Read, limit: u64) -> Result<String, ReadError> {
    use std::io::Read;
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge(buf.len() as u64, limit));
    }
    bytes_to_text(buf)
}

/// Checks bytes read from anywhere (a file, standard input) the same way as [`read_text`].
pub fn bytes_to_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// True for a file name copydesk checks when walking a folder.
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// A file or folder a walk did not take, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// The path as found.
    pub path: PathBuf,
    /// Why, in words ("symlink loop", "FIFO (named pipe), not a regular file", …).
    pub reason: String,
}

/// Files under `dir` with an article extension, sorted; hidden folders, `target` and
/// `node_modules` are skipped.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    walk_reporting(dir).0
}

/// [`walk`], plus every folder that could not be read and every article-named entry that is
/// not a readable regular file (FIFO, device, socket, dangling link, symlink loop), each once
/// with the reason. Symlinks to regular files are taken; symlinked folders are not followed.
pub fn walk_reporting(dir: &Path) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut symlinks = false;
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Skipped {
                    path: d,
                    reason: format!("folder cannot be read: {}", describe_io(&e)),
                });
                continue;
            }
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if !(name.starts_with('.') || name == "target" || name == "node_modules") {
                    stack.push(p);
                }
                continue;
            }
            if !has_article_extension(&p) {
                continue;
            }
            let target = if ft.is_symlink() {
                symlinks = true;
                match std::fs::metadata(&p) {
                    Ok(m) => m.file_type(),
                    Err(err) => {
                        let reason = if err.kind() == std::io::ErrorKind::NotFound {
                            "dangling symlink".to_string()
                        } else {
                            describe_io(&err)
                        };
                        skipped.push(Skipped { path: p, reason });
                        continue;
                    }
                }
            } else {
                ft
            };
            if target.is_file() {
                out.push(p);
            } else if !target.is_dir() {
                skipped.push(Skipped {
                    path: p,
                    reason: format!("{}, not a regular file", file_kind(&target)),
                });
            }
        }
    }
    out.sort();
    // A symlink and its target in the same tree are one article (without symlinks every
    // path found is another file: no need to resolve 30,000 paths).
    if symlinks {
        let mut seen = std::collections::HashSet::new();
        out.retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    (out, skipped)
}

/// [`find_config`] for many files: each folder is looked at once (a workspace of thousands
/// of folders shares the folders above them).
#[derive(Default, Debug)]
pub struct ConfigFinder {
    /// By folder as given: the answer.
    given: HashMap<PathBuf, Option<PathBuf>>,
    /// By canonical folder: the nearest configuration in it or above it.
    canonical: HashMap<PathBuf, Option<PathBuf>>,
}

impl ConfigFinder {
    /// The nearest `.copydesk.toml` in the folder of the file `path` or above it.
    pub fn nearest_to_file(&mut self, path: &Path) -> Option<PathBuf> {
        let parent = path.parent().unwrap_or(Path::new(""));
        if let Some(known) = self.given.get(parent) {
            return known.clone();
        }
        let dir = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let found = dir.canonicalize().ok().and_then(|d| self.above(d));
        self.given.insert(parent.to_path_buf(), found.clone());
        found
    }

    /// The nearest configuration in canonical folder `dir` or above it.
    fn above(&mut self, dir: PathBuf) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut cur = Some(dir);
        let found = loop {
            let Some(d) = cur else { break None };
            if let Some(known) = self.canonical.get(&d) {
                break known.clone();
            }
            let c = d.join(CONFIG_FILE);
            if c.is_file() {
                visited.push(d);
                break Some(c);
            }
            cur = d.parent().map(Path::to_path_buf);
            visited.push(d);
        };
        for d in visited {
            self.canonical.insert(d, found.clone());
        }
        found
    }
}

/// The nearest `.copydesk.toml` in `start` or a folder above it.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let mut dir = if start.is_dir() {
        Some(start.to_path_buf())
    } else {
        start.parent().map(Path::to_path_buf)
    };
    if dir.as_ref().is_some_and(|d| d.as_os_str().is_empty()) {
        dir = Some(PathBuf::from("."));
    }
    let mut d = dir.and_then(|d| d.canonicalize().ok());
    while let Some(cur) = d {
        let c = cur.join(CONFIG_FILE);
        if c.is_file() {
            return Some(c);
        }
        d = cur.parent().map(Path::to_path_buf);
    }
    None
}

/// Reads and parses a configuration file; the error names the file and line.
pub fn load_config(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
    let ids: Vec<&str> = crate::rules::all_rules().iter().map(|r| r.id).collect();
    Config::parse(&text, &ids).map_err(|e: ConfigError| match e.line {
        Some(l) => format!("{}:{l}: {}", path.display(), e.message),
        None => format!("{}: {}", path.display(), e.message),
    })
}

/// The include/exclude globs of one configuration, relative to the folder of its file.
#[derive(Clone, Debug)]
pub struct Scope {
    root: PathBuf,
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl Scope {
    /// Compiles `config`'s globs; `root` is the folder of the configuration file.
    pub fn new(config: &Config, root: &Path) -> Result<Scope, String> {
        let build = |globs: &[String]| -> Result<globset::GlobSet, String> {
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                b.add(globset::Glob::new(g).map_err(|e| format!("bad glob '{g}': {e}"))?);
            }
            b.build().map_err(|e| e.to_string())
        };
        Ok(Scope {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            include: if config.include.is_empty() {
                None
            } else {
                Some(build(&config.include)?)
            },
            exclude: build(&config.exclude)?,
        })
    }

    /// True when `file` is checked: inside the root, it matches an include glob (or there are
    /// none) and no exclude glob. Files outside the root are always checked.
    pub fn admits(&self, file: &Path) -> bool {
        let abs = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
        let Ok(rel) = abs.strip_prefix(&self.root) else {
            return true;
        };
        if self.exclude.is_match(rel) {
            return false;
        }
        self.include.as_ref().is_none_or(|i| i.is_match(rel))
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git: {e}"))
}

/// The top folder of the git repository containing `path` (a file or a folder).
pub fn git_toplevel(path: &Path) -> Result<PathBuf, String> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    let top = git(&dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(format!(
            "--changed-since: {} is not inside a git repository",
            path.display()
        ));
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&top.stdout).trim_end_matches(['\n', '\r']),
    ))
}

/// Files of the repository at `top` changed since a git revision: `git diff --name-only REV`
/// (committed, staged and unstaged changes) plus untracked files, as canonical paths.
pub fn changed_since(top: &Path, rev: &str) -> Result<Vec<PathBuf>, String> {
    if rev.starts_with('-') {
        return Err(format!("--changed-since: '{rev}' is not a revision"));
    }
    let verify = git(
        top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !verify.status.success() {
        return Err(format!(
            "--changed-since: unknown revision '{rev}' in the git repository at {}",
            top.display()
        ));
    }
    let mut out = Vec::new();
    for args in [
        &["diff", "--name-only", "-z", rev, "--"][..],
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--full-name",
            ":/",
        ][..],
    ] {
        let o = git(top, args)?;
        if !o.status.success() {
            return Err(format!(
                "--changed-since: git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&o.stderr).trim()
            ));
        }
        for name in o.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            let p = top.join(String::from_utf8_lossy(name).as_ref());
            if let Ok(c) = p.canonicalize() {
                out.push(c);
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_finder_answers_as_find_config() {
        let root = tempfile::tempdir().expect("temporary folder");
        let with = root.path().join("desk");
        std::fs::create_dir_all(with.join("a/b")).expect("folders");
        std::fs::create_dir_all(root.path().join("other")).expect("folder");
        std::fs::write(with.join(CONFIG_FILE), "").expect("config");
        let mut finder = ConfigFinder::default();
        for f in [
            "desk/a/b/x.md",
            "desk/a/y.md",
            "desk/z.md",
            "other/w.md",
            "desk/a/b/v.md",
        ] {
            let file = root.path().join(f);
            assert_eq!(finder.nearest_to_file(&file), find_config(&file), "{f}");
        }
        let x = finder.nearest_to_file(&with.join("a/b/x.md"));
        assert_eq!(x, with.join(CONFIG_FILE).canonicalize().ok());
    }
}
