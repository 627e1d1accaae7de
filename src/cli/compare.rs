//! `copydesk compare PATH:LINE:COL`: what other sources say about the figure, date or name
//! at that position, as Markdown (the same text as the language server's hover).

use super::error;
use super::sources::{archive_urls, folders, load_archives, load_index, workspace_of, SourceArgs};
use crate::engine::{self, Engine};
use crate::text::{ColUnit, LineCol};
use crate::workspace;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `copydesk compare`.
#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// The position: `PATH:LINE:COL` (1-based line and character column).
    pub position: String,
    /// Sources.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Splits `PATH:LINE:COL`.
pub fn parse_position(s: &str) -> Option<(PathBuf, usize, usize)> {
    let (rest, col) = s.rsplit_once(':')?;
    let (path, line) = rest.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    let col: usize = col.parse().ok()?;
    (line >= 1 && col >= 1 && !path.is_empty()).then(|| (PathBuf::from(path), line, col))
}

/// Runs the command.
pub fn run(args: CompareArgs) -> ExitCode {
    let Some((path, line, col)) = parse_position(&args.position) else {
        error(format!(
            "'{}': expected PATH:LINE:COL, e.g. story.md:12:30",
            args.position
        ));
        return ExitCode::from(2);
    };
    let text = match workspace::read_text(&path) {
        Ok(t) => t,
        Err(e) => {
            error(format!("{}: {e}", path.display()));
            return ExitCode::from(2);
        }
    };
    let config_path = workspace::find_config(&path);
    let config = match config_path.as_deref().map(workspace::load_config) {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            error(e);
            return ExitCode::from(2);
        }
        None => crate::config::Config::default(),
    };
    let a = Engine::standalone(config.clone()).analyse(&text);
    let offset = a.lines().offset(
        &text,
        LineCol {
            line: line - 1,
            col: col - 1,
        },
        ColUnit::Char,
    );
    let key = path.display().to_string();
    let this = engine::summarize(&key, &a);
    let roots = vec![workspace_of(&path)];
    let dirs = folders(
        &roots,
        &args.sources,
        &config,
        config_path.as_deref().and_then(|p| p.parent()),
    );
    let (mut index, _) = load_index(&dirs, args.sources.no_cache);
    let urls = archive_urls(&args.sources, &[&config]);
    if !urls.is_empty() {
        let dates: Vec<_> = this.published.into_iter().collect();
        load_archives(&urls, &dates, config.window_days, &[&this], &mut index);
    }
    // the article itself is not its own source; its copies under other paths stay (the
    // comparison skips them as sources and says "also in N other outlets, same text")
    index.remove(&key);
    let canon = path.canonicalize().ok();
    if let Some(c) = &canon {
        index.remove(&c.display().to_string());
    }
    // the same file indexed under another spelling of its path ("./a.md")
    let same_file: Vec<String> = index
        .iter()
        .filter(|s| s.hash == this.hash)
        .filter(|s| canon.is_some() && std::path::Path::new(&s.path).canonicalize().ok() == canon)
        .map(|s| s.path.clone())
        .collect();
    for p in same_file {
        index.remove(&p);
    }
    let engine = Engine::new(config, std::sync::Arc::new(index));
    match engine.compare_summary_at(&this, offset) {
        Some(c) => {
            print!("{}", c.markdown());
            ExitCode::SUCCESS
        }
        None => {
            error(format!(
                "{}:{line}:{col}: no figure, date or name here",
                path.display()
            ));
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_position;

    #[test]
    fn positions() {
        assert_eq!(
            parse_position("a/b.md:12:30").map(|p| (p.1, p.2)),
            Some((12, 30))
        );
        assert_eq!(
            parse_position("C:/x.md:1:2").map(|p| p.0.display().to_string()),
            Some("C:/x.md".into())
        );
        assert!(parse_position("b.md:0:3").is_none());
        assert!(parse_position("b.md").is_none());
    }
}
