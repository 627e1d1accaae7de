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
