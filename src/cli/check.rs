//! `copydesk check`: read articles, run the rules, print findings, set the exit code.

use super::printer::{self, FileReport, Summary};
use super::{error, inputs, Color, Format};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::rules::{self, Severity};
use crate::workspace::{self, has_article_extension};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `copydesk check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files, folders (searched for *.md, *.markdown, *.txt articles) or `-` for standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on findings at or above this severity: error, warning, info or hint.
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<String>,
    /// Use this configuration file instead of the nearest `.copydesk.toml`.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print only the summary line (and errors).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs the command.
pub fn run(args: CheckArgs) -> ExitCode {
    let mut io_error = false;
    let fail_on = match args.fail_on.as_deref().map(|s| Severity::parse(s).ok_or(s)) {
        Some(Err(s)) => {
            error(format!(
                "--fail-on {s}: expected error, warning, info or hint"
            ));
            return ExitCode::from(2);
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let explicit_config = match &args.config {
        Some(p) => match workspace::load_config(p) {
            Ok(c) => Some(c),
            Err(e) => {
                error(e);
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let (inputs, missing) = inputs::collect(&args.paths);
    io_error |= missing;
    let mut configs = inputs::Configs::default();
    let default_config = Config::default();
    let mut reports = Vec::new();
    let mut checked_dirs_with_articles: HashMap<PathBuf, usize> = HashMap::new();
    for input in &inputs {
        let text = match inputs::read(input) {
            Ok(t) => t,
            Err(counts) => {
                io_error |= counts;
                continue;
            }
        };
        // configuration: --config, else the nearest .copydesk.toml (read once per file)
        let config = if let Some(c) = &explicit_config {
            c
        } else {
            match configs.nearest(input) {
                Ok(Some(c)) => c,
                Ok(None) => &default_config,
                Err(e) => {
                    error(e);
                    return ExitCode::from(2);
                }
            }
        };
        let analysis = Analysis::new(&text);
        if !input.explicit && !analysis.article.is_article() && !is_article_like(&analysis) {
            continue; // a README or notes file found while walking a folder
        }
        if let Some(parent) = input.path.parent() {
            *checked_dirs_with_articles
                .entry(parent.to_path_buf())
                .or_default() += 1;
        }
        let findings = rules::run(&analysis, config);
        let fail = fail_on.unwrap_or(config.fail_on);
        reports.push(FileReport {
            path: input.display.clone(),
            analysis,
            findings,
            fail_on: fail,
        });
    }
    let summary = Summary::of(&reports);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let res = match args.format {
        Format::Human => printer::human::print(&mut out, &reports, &summary, color, args.quiet),
        Format::Json => printer::json::print(&mut out, &reports),
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write output: {e}"));
            return ExitCode::from(2);
        }
    }
    if io_error {
        return ExitCode::from(2);
    }
    if reports
        .iter()
        .any(|r| r.findings.iter().any(|f| f.severity >= r.fail_on))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Files found by walking a folder are checked when they look like articles: a dateline,
/// front matter with a date or an outlet.
fn is_article_like(a: &Analysis) -> bool {
    a.article
        .meta(&["outlet", "source", "publisher", "author", "byline"])
        .is_some()
        || !a.article.header_problems.is_empty()
}

#[allow(dead_code)]
fn _unused(p: &Path) -> bool {
    has_article_extension(p)
}
