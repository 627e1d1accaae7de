//! `copydesk report PATHS… --html OUT.html`: the checked articles and their stories as one
//! self-contained HTML page (summary, findings, a timeline per figure slot).
//!
//! The articles are read, checked and indexed exactly as `check` does (`check::analyse`,
//! through the engine);
//! the model (`crate::report`) is built from those reports and the index, and
//! `printer::html` renders it.

use super::check::{self, CheckArgs, Checked};
use super::{error, printer, Color, Format};
use crate::report::{self, Input, Limits};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `copydesk report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Files, folders (searched for *.md, *.markdown, *.txt articles) or `-` for standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Write the page here (`-` for standard output).
    #[arg(long, value_name = "OUT.html")]
    pub html: PathBuf,
    /// Draw only the timeline of the figure at this position (`PATH:LINE:COL`, 1-based, as
    /// `compare` takes it); the editors use it.
    #[arg(long, value_name = "PATH:LINE:COL")]
    pub figure: Option<String>,
    /// Use this configuration file instead of the nearest `.copydesk.toml`.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Markers per chart before the rest are summarised ("… and N more").
    #[arg(long, value_name = "N", default_value_t = Limits::default().points_per_slot)]
    pub max_markers: usize,
    /// Stories drawn with charts (the most contested first).
    #[arg(long, value_name = "N", default_value_t = Limits::default().stories)]
    pub max_stories: usize,
    /// Other sources to compare with (the articles given are always compared with each other).
    #[command(flatten)]
    pub sources: super::sources::SourceArgs,
}

/// Runs the command.
pub fn run(args: ReportArgs) -> ExitCode {
    let figure = match args.figure.as_deref().map(parse_position).transpose() {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return ExitCode::from(2);
        }
    };
    let mut paths = args.paths.clone();
    if let Some((p, _, _)) = &figure {
        // the figure's own article is always read
        if !paths.iter().any(|x| same_file(x, p)) {
            paths.push(p.clone());
        }
    }
    let check_args = CheckArgs {
        paths,
        format: Format::Json,
        fail_on: None,
        config: args.config.clone(),
        color: Color::Never,
        quiet: true,
        changed_since: None,
        report_unused_suppressions: false,
        sources: args.sources.clone(),
    };
    let Checked {
        reports,
        engine,
        io_error,
    } = match check::analyse(&check_args, true) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let index = engine.index();
    let window_days = engine.config().window_days;
    let limits = Limits {
        points_per_slot: args.max_markers.max(1),
        stories: args.max_stories,
        ..Limits::default()
    };
    let inputs: Vec<Input> = reports
        .iter()
        .map(|r| Input {
            path: &r.path,
            analysis: &r.analysis,
            findings: &r.findings,
        })
        .collect();
    let model = match &figure {
        None => report::build(&inputs, index, window_days, &limits),
        Some((path, line, col)) => {
            let Some((target, offset)) = reports
                .iter()
                .zip(&inputs)
                .find(|(r, _)| same_file(&PathBuf::from(&r.path), path))
                .and_then(|(r, i)| Some((i, offset_of(r, *line, *col)?)))
            else {
                error(format!(
                    "{}:{line}:{col}: no such position in the checked articles",
                    path.display()
                ));
                return ExitCode::from(2);
            };
            match report::focus(target, offset, &inputs, index, window_days, &limits) {
                Some(m) => m,
                None => {
                    error(format!("{}:{line}:{col}: no figure there", path.display()));
                    return ExitCode::from(2);
                }
            }
        }
    };
    let page = printer::html::render(&model);
    let written = if args.html.as_os_str() == "-" {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        out.write_all(page.as_bytes()).and_then(|_| out.flush())
    } else {
        std::fs::write(&args.html, page.as_bytes())
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write {}: {e}", args.html.display()));
            return ExitCode::from(2);
        }
    }
    if io_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `PATH:LINE:COL` (1-based), the path possibly holding colons itself.
fn parse_position(s: &str) -> Result<(PathBuf, usize, usize), String> {
    let bad = || format!("--figure {s}: expected PATH:LINE:COL");
    let mut it = s.rsplitn(3, ':');
    let col = it
        .next()
        .and_then(|c| c.parse::<usize>().ok())
        .ok_or_else(bad)?;
    let line = it
        .next()
        .and_then(|c| c.parse::<usize>().ok())
        .ok_or_else(bad)?;
    let path = it.next().filter(|p| !p.is_empty()).ok_or_else(bad)?;
    if line == 0 || col == 0 {
        return Err(bad());
    }
    Ok((PathBuf::from(path), line, col))
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

/// The byte offset of a 1-based line and character column in a report's text.
fn offset_of(r: &printer::FileReport, line: usize, col: usize) -> Option<usize> {
    let text = &r.analysis.text;
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let line_text = &rest[..end];
    let at = line_text
        .char_indices()
        .nth(col - 1)
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_parse_with_colons_in_the_path() {
        assert_eq!(
            parse_position("C:/news/a.md:3:14"),
            Ok((PathBuf::from("C:/news/a.md"), 3, 14))
        );
        assert!(parse_position("a.md:0:1").is_err());
        assert!(parse_position("a.md:3").is_err());
        assert!(parse_position(":3:4").is_err());
    }
}
