//! Turning command-line paths into articles to read: files, folders walked for articles, and
//! `-` for standard input. Shared by `check` and `claims`.

use super::error;
use crate::engine::Engine;
use crate::workspace;
use std::collections::HashMap;
use std::path::PathBuf;

/// One article to read.
pub struct Input {
    /// The path (or `-`).
    pub path: PathBuf,
    /// The name shown to the user.
    pub display: String,
    /// Read standard input.
    pub stdin: bool,
    /// Named on the command line (not found by walking a folder).
    pub explicit: bool,
}

/// The inputs named by `paths`; the flag is true when a path does not exist (reported).
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, bool) {
    let mut io_error = false;
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input {
                path: p.clone(),
                display: "<stdin>".into(),
                stdin: true,
                explicit: true,
            });
        } else if p.is_dir() {
            let (files, skipped) = workspace::walk_reporting(p);
            for s in skipped {
                error(format!("{}: {}; skipped", s.path.display(), s.reason));
            }
            if files.is_empty() {
                error(format!(
                    "{}: no articles (*.md, *.markdown, *.txt) in this folder",
                    p.display()
                ));
            }
            for f in files {
                let display = f.display().to_string();
                inputs.push(Input {
                    path: f,
                    display,
                    stdin: false,
                    explicit: false,
                });
            }
        } else if p.exists() {
            inputs.push(Input {
                path: p.clone(),
                display: p.display().to_string(),
                stdin: false,
                explicit: true,
            });
        } else {
            // Say why: a symlink loop or a permission problem is not "no such file".
            let why = match std::fs::metadata(p) {
                Err(e) => workspace::describe_io(&e),
                Ok(_) => "no such file or folder".to_string(),
            };
            error(format!("{}: {why}", p.display()));
            io_error = true;
        }
    }
    (inputs, io_error)
}

/// Reads one input as text. On failure the error is printed; the flag says whether it counts
/// as an I/O error (explicit files and OS errors do; binary files found in folders do not).
pub fn read(input: &Input) -> Result<String, bool> {
    let text = if input.stdin {
        workspace::read_stream_limited(std::io::stdin().lock(), workspace::MAX_FILE_BYTES)
    } else {
        workspace::read_text(&input.path)
    };
    text.map_err(|e| {
        error(format!("{}: {e}", input.display));
        input.explicit || matches!(e, workspace::ReadError::Io(_))
    })
}

/// Configuration files read so far, by path, each as an engine without sources.
#[derive(Default)]
pub struct Configs {
    read: HashMap<PathBuf, Engine>,
}

impl Configs {
    /// The nearest `.copydesk.toml` of an input (the current folder for standard input),
    /// read once per file; None when there is none. A file that does not parse is an error
    /// naming the file and line.
    pub fn nearest(&mut self, input: &Input) -> Result<Option<&Engine>, String> {
        let start = if input.stdin {
            PathBuf::from(".")
        } else {
            input.path.clone()
        };
        let Some(cpath) = workspace::find_config(&start) else {
            return Ok(None);
        };
        if !self.read.contains_key(&cpath) {
            let c = workspace::load_config(&cpath)?;
            self.read.insert(cpath.clone(), Engine::standalone(c));
        }
        Ok(self.read.get(&cpath))
    }
}
