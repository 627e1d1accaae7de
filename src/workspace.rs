//! File-system side shared by the shells: finding articles under paths, reading them safely,
//! and finding `.copydesk.toml`. Not part of the pure core.

use crate::config::{Config, ConfigError};
use std::path::{Path, PathBuf};

/// The configuration file name.
pub const CONFIG_FILE: &str = ".copydesk.toml";

/// Extensions of files that can hold articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The OS refused (missing file, permissions).
    Io(std::io::Error),
    /// The file holds NUL bytes: not text.
    Binary,
    /// The bytes are not UTF-8; the offset of the first bad byte.
    NotUtf8(usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot be read: {e}"),
            ReadError::Binary => write!(f, "is a binary file, not an article; skipped"),
            ReadError::NotUtf8(o) => write!(
                f,
                "is not UTF-8 text (first bad byte at offset {o}); save it as UTF-8 to check it"
            ),
        }
    }
}

/// Reads a file as UTF-8 text, refusing binary and non-UTF-8 content with a clear reason.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    bytes_to_text(bytes)
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

/// Files under `dir` with an article extension, sorted; hidden folders, `target` and
/// `node_modules` are skipped.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
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
            } else if ft.is_file() && has_article_extension(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
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
