//! `copydesk claims`: every check-worthy figure of the articles, with its source, as JSON or
//! CSV (one row per claim, for newsroom spreadsheets).

use super::printer::csv;
use super::{error, inputs};
use crate::analysis::Analysis;
use crate::engine::{self, Engine};
use crate::figures::Claim;
use crate::text::ColUnit;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `claims`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    /// `{"version":1,"files":[{"path","published","claims":[…]}]}`.
    Json,
    /// One row per claim, with a header row.
    Csv,
}

/// Arguments of `copydesk claims`.
#[derive(clap::Args, Debug)]
pub struct ClaimsArgs {
    /// Files, folders (searched for *.md, *.markdown, *.txt articles) or `-` for standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Json)]
    pub format: ClaimsFormat,
    /// Add, to each claim, the comparable figures of the other articles (JSON `matches`).
    #[arg(long)]
    pub with_matches: bool,
    /// Sources to compare with (besides the articles given).
    #[command(flatten)]
    pub sources: super::sources::SourceArgs,
}

/// One claim as JSON: position, words, value, qualifier, noun, measure, time, entities and
/// attribution. Shared with `annotate`.
pub fn claim_json(a: &Analysis, c: &Claim) -> Value {
    let lc = a.lines().line_col(&a.text, c.span.start, ColUnit::Char);
    json!({
        "start_byte": c.span.start,
        "end_byte": c.span.end,
        "line": lc.line + 1,
        "column": lc.col + 1,
        "text": c.span.slice(&a.text),
        "value": c.value.to_json(),
        "qualifier": c.qualifier,
        "noun": c.noun,
        "measure": c.measure.as_str(),
        "time": c.time.map(|d| d.format("%Y-%m-%d").to_string()),
        "entities": c.entities,
        "attribution": c.attribution.as_ref().map(|x| json!({
            "source": x.source,
            "kind": x.kind.as_str(),
            "named": x.named,
        })),
    })
}

/// Runs the command.
pub fn run(args: ClaimsArgs) -> ExitCode {
    let (inputs, mut io_error) = inputs::collect(&args.paths);
    let mut files = Vec::new();
    let mut configs = inputs::Configs::default();
    let default_engine = Engine::default();
    // each file's configured window-days, for its matches
    let mut windows = Vec::new();
    for input in &inputs {
        let text = match inputs::read(input) {
            Ok(t) => t,
            Err(counts) => {
                io_error |= counts;
                continue;
            }
        };
        // the nearest .copydesk.toml decides which sources are vague
        let engine = match configs.nearest(input) {
            Ok(Some(e)) => e,
            Ok(None) => &default_engine,
            Err(e) => {
                error(e);
                return ExitCode::from(2);
            }
        };
        windows.push(engine.config().window_days);
        files.push((input.display.clone(), engine.analyse(&text)));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let default_window = default_engine.config().window_days;
    let res = match args.format {
        ClaimsFormat::Json => {
            let files = files_json(&args, &files, &windows, default_window);
            serde_json::to_writer_pretty(&mut out, &json!({"version": 1, "files": files}))
                .map_err(std::io::Error::other)
                .and_then(|_| writeln!(out))
        }
        ClaimsFormat::Csv => csv::print_claims(&mut out, &files),
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write output: {e}"));
            return ExitCode::from(2);
        }
    }
    if io_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The JSON of every file's claims; with `--with-matches`, each claim with what the other
/// listed articles and the source folders and archives say (each file within its window).
fn files_json(
    args: &ClaimsArgs,
    files: &[(String, Analysis)],
    windows: &[i64],
    default_window: i64,
) -> Vec<Value> {
    // with --with-matches: every listed article and every source folder, indexed
    let summaries: Vec<_> = if args.with_matches {
        files.iter().map(|(p, a)| engine::summarize(p, a)).collect()
    } else {
        Vec::new()
    };
    let index = if args.with_matches {
        matches_index(args, &summaries, windows, default_window)
    } else {
        crate::sources::Index::new()
    };
    files
        .iter()
        .enumerate()
        .map(|(fi, (path, a))| {
            let window = windows.get(fi).copied().unwrap_or(default_window);
            let this = summaries.get(fi);
            let claims: Vec<Value> = a
                .claims
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let mut v = claim_json(a, c);
                    if let Some(this) = this {
                        let matches = this
                            .claims
                            .get(ci)
                            .map(|sc| index.claim_matches(this, sc, window))
                            .unwrap_or_default();
                        let matches: Vec<Value> = matches
                            .iter()
                            .map(|m| {
                                json!({
                                    "path": m.article.path,
                                    "start_byte": m.claim.span.0,
                                    "end_byte": m.claim.span.1,
                                    "text": m.claim.text,
                                    "value": match m.claim.max {
                                        Some(max) if max == m.claim.min => json!(m.claim.min),
                                        max => json!({"min": m.claim.min, "max": max}),
                                    },
                                    "verdict": m.verdict,
                                })
                            })
                            .collect();
                        v["matches"] = json!(matches);
                    }
                    v
                })
                .collect();
            json!({
                "path": path,
                "published": a.article.published.as_ref().map(|p| p.display()),
                "claims": claims,
            })
        })
        .collect()
}

/// The index `--with-matches` compares with: the listed articles, the source folders (without
/// the listed texts again) and the archives around the listed articles' dates.
fn matches_index(
    args: &ClaimsArgs,
    summaries: &[crate::sources::ArticleSummary],
    windows: &[i64],
    default_window: i64,
) -> crate::sources::Index {
    let mut index = crate::sources::Index::new();
    for s in summaries {
        index.insert(s.clone());
    }
    let folders = super::sources::folder_args(&args.sources);
    if !folders.is_empty() {
        let (more, _) = super::sources::load_index(&folders, args.sources.no_cache);
        for s in more
            .iter()
            .filter(|s| !summaries.iter().any(|x| x.hash == s.hash))
        {
            index.insert(s.clone());
        }
    }
    let urls = super::sources::archive_urls(&args.sources, &[]);
    if !urls.is_empty() {
        let dates: Vec<_> = summaries.iter().filter_map(|s| s.published).collect();
        let window = windows.iter().copied().max().unwrap_or(default_window);
        let subjects: Vec<&crate::sources::ArticleSummary> = summaries.iter().collect();
        super::sources::load_archives(&urls, &dates, window, &subjects, &mut index);
    }
    index
}
