//! `copydesk check`: read articles, run the rules, print findings, set the exit code.

use super::printer::{self, FileReport, Summary};
use super::{error, Color, Format};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::engine::{self, Engine};
use crate::rules::{Finding, Severity};
use crate::sources::ArticleSummary;
use crate::workspace;
use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
    /// Print only the summary line (and errors); human and github formats.
    #[arg(long, short)]
    pub quiet: bool,
    /// Check only the articles among PATHS changed since this git revision (committed, staged,
    /// unstaged or untracked), e.g. `origin/main`.
    #[arg(long, value_name = "GIT_REV")]
    pub changed_since: Option<String>,
    /// Report suppression comments that hide no finding (rule `suppression-unused`).
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Other sources to compare with (the checked articles are always compared with each other).
    #[command(flatten)]
    pub sources: super::sources::SourceArgs,
}

/// Runs the command.
pub fn run(args: CheckArgs) -> ExitCode {
    let Checked {
        reports, io_error, ..
    } = match analyse(&args, false) {
        Ok(c) => c,
        Err(code) => return code,
    };
    print_and_exit(&args, &reports, io_error)
}

/// Checked articles with the sources index they were compared with (`check` prints them,
/// `report` draws them).
pub(super) struct Checked {
    /// One report per checked article.
    pub reports: Vec<FileReport>,
    /// The engine in force (`--config`, else the first configuration found, else the
    /// defaults), holding the index of every checked article and source.
    pub engine: Engine,
    /// True when some path could not be read.
    pub io_error: bool,
}

/// Reads, analyses and checks the articles of `args` (exit code 2 on a usage error). Copies
/// of a checked text are in the index only with `index_copies` (`report` asks for them; the
/// findings are the same without).
pub(super) fn analyse(args: &CheckArgs, index_copies: bool) -> Result<Checked, ExitCode> {
    let mut io_error = false;
    let fail_on = match args.fail_on.as_deref().map(|s| Severity::parse(s).ok_or(s)) {
        Some(Err(s)) => {
            error(format!(
                "--fail-on {s}: expected error, warning, info or hint"
            ));
            return Err(ExitCode::from(2));
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let explicit_config = match &args.config {
        Some(p) => match load(p, args.report_unused_suppressions) {
            Ok(c) => Some(c),
            Err(e) => {
                error(e);
                return Err(ExitCode::from(2));
            }
        },
        None => None,
    };
    let (mut inputs, missing) = super::inputs::collect(&args.paths);
    io_error |= missing;
    if let Some(rev) = &args.changed_since {
        let mut changed: HashSet<PathBuf> = HashSet::new();
        let mut dirs: HashSet<PathBuf> = HashSet::new();
        let mut tops: HashSet<PathBuf> = HashSet::new();
        for p in args.paths.iter().filter(|p| p.as_os_str() != "-") {
            let dir = if p.is_dir() {
                p.clone()
            } else {
                p.parent().map(Path::to_path_buf).unwrap_or_default()
            };
            if !dirs.insert(dir) {
                continue;
            }
            let files = workspace::git_toplevel(p).and_then(|top| {
                if tops.insert(top.clone()) {
                    workspace::changed_since(&top, rev)
                } else {
                    Ok(Vec::new())
                }
            });
            match files {
                Ok(files) => changed.extend(files),
                Err(e) => {
                    error(e);
                    return Err(ExitCode::from(2));
                }
            }
        }
        inputs.retain(|i| i.stdin || i.path.canonicalize().is_ok_and(|c| changed.contains(&c)));
    }
    let mut configs: HashMap<PathBuf, Loaded> = HashMap::new();
    let mut default_config = Config::default();
    default_config.report_unused_suppressions |= args.report_unused_suppressions;
    let default_engine = Engine::standalone(default_config);
    let mut reports: Vec<Pending> = Vec::new();
    let mut texts = Texts::default();
    let mut nearest = workspace::ConfigFinder::default();
    let mut checked_dirs_with_articles: HashMap<PathBuf, usize> = HashMap::new();
    for input in &inputs {
        // configuration: --config, else the nearest .copydesk.toml (read once per file)
        let loaded = if let Some(c) = &explicit_config {
            Some(c)
        } else {
            let found = if input.stdin {
                workspace::find_config(Path::new("."))
            } else {
                // each folder looked at once
                nearest.nearest_to_file(&input.path)
            };
            match found {
                Some(cpath) => {
                    if !configs.contains_key(&cpath) {
                        match load(&cpath, args.report_unused_suppressions) {
                            Ok(c) => {
                                configs.insert(cpath.clone(), c);
                            }
                            Err(e) => {
                                error(e);
                                return Err(ExitCode::from(2));
                            }
                        }
                    }
                    configs.get(&cpath)
                }
                None => None,
            }
        };
        if !input.explicit && !input.stdin && loaded.is_some_and(|l| !l.scope.admits(&input.path)) {
            continue; // excluded (or not included) by the configuration's globs
        }
        let engine = loaded.map_or(&default_engine, |l| &l.engine);
        let text = match super::inputs::read(input) {
            Ok(t) => t,
            Err(counts) => {
                io_error |= counts;
                continue;
            }
        };
        let (analysis, copy) = texts.analyse(engine, text);
        if !input.explicit && !engine::is_article(&analysis) {
            continue; // a README or notes file found while walking a folder
        }
        if let Some(parent) = input.path.parent() {
            *checked_dirs_with_articles
                .entry(parent.to_path_buf())
                .or_default() += 1;
        }
        let fail = fail_on.unwrap_or(engine.config().fail_on);
        reports.push(Pending {
            path: input.display.clone(),
            analysis,
            fail_on: fail,
            engine: engine.clone(),
            copy,
        });
    }
    // every checked article is a source for the others, with the configured and given folders
    let mut extra: Vec<PathBuf> = super::sources::folder_args(&args.sources);
    let no_args = super::sources::SourceArgs::default();
    for (cpath, l) in &configs {
        extra.extend(super::sources::folders(
            &[],
            &no_args,
            l.engine.config(),
            cpath.parent(),
        ));
    }
    if let Some(c) = &explicit_config {
        let dir = args.config.as_deref().and_then(|p| p.parent());
        extra.extend(super::sources::folders(
            &[],
            &no_args,
            c.engine.config(),
            dir,
        ));
    }
    extra.sort();
    extra.dedup();
    // and the shared archives, around the checked articles' dates
    let config_refs: Vec<&Config> = configs
        .values()
        .chain(explicit_config.iter())
        .map(|l| l.engine.config())
        .collect();
    let urls = super::sources::archive_urls(&args.sources, &config_refs);
    // summaries only when there is something to compare with
    let mut index = crate::sources::Index::new();
    // the checked articles' summaries: what the archive's articles are compared with
    let mut subjects = Vec::new();
    if reports.len() > 1 || !extra.is_empty() || !urls.is_empty() {
        let mut first: HashMap<CopyKey, &str> = HashMap::new();
        for r in &reports {
            // a copy's summary is its text's, under its own path and outlet
            let s = match r
                .copy
                .and_then(|k| first.get(&k))
                .and_then(|p| index.get(p))
            {
                // a copy is compared with nothing its text is not compared with
                Some(_) if !index_copies && urls.is_empty() => continue,
                Some(s) => ArticleSummary {
                    path: r.path.clone(),
                    outlet: crate::sources::outlet_of(&r.path, &r.analysis),
                    ..ArticleSummary::clone(s)
                },
                None => {
                    if let Some(k) = r.copy {
                        first.insert(k, &r.path);
                    }
                    engine::summarize(&r.path, &r.analysis)
                }
            };
            if !urls.is_empty() {
                subjects.push(s.clone());
            }
            index.insert(s);
        }
    }
    let dates: Vec<chrono::NaiveDate> = index.iter().filter_map(|s| s.published).collect();
    if !extra.is_empty() {
        let checked: std::collections::HashSet<u64> = index.iter().map(|s| s.hash).collect();
        let (more, _) = super::sources::load_index(&extra, args.sources.no_cache);
        for s in more.iter().filter(|s| !checked.contains(&s.hash)) {
            index.insert(s.clone());
        }
    }
    if !urls.is_empty() {
        let window = config_refs
            .iter()
            .map(|c| c.window_days)
            .max()
            .unwrap_or(default_engine.config().window_days);
        let subjects: Vec<&crate::sources::ArticleSummary> = subjects.iter().collect();
        super::sources::load_archives(&urls, &dates, window, &subjects, &mut index);
    }
    // one index shared by every configuration's engine
    let index = Arc::new(index);
    // copies of one text have the same findings: they are compared with the same other texts
    // (never with each other), and no rule reads the path
    let mut checked: HashMap<CopyKey, Arc<Vec<Finding>>> = HashMap::new();
    let reports: Vec<FileReport> = reports
        .into_iter()
        .map(|r| {
            let known = r.copy.and_then(|k| checked.get(&k)).cloned();
            let findings = known.unwrap_or_else(|| {
                let f = Arc::new(
                    r.engine
                        .with_index(index.clone())
                        .findings(&r.path, &r.analysis),
                );
                if let Some(k) = r.copy {
                    checked.insert(k, f.clone());
                }
                f
            });
            FileReport {
                path: r.path,
                analysis: r.analysis,
                findings,
                fail_on: r.fail_on,
            }
        })
        .collect();
    let engine = explicit_config
        .as_ref()
        .or_else(|| configs.values().next())
        .map_or(&default_engine, |l| &l.engine)
        .with_index(index);
    Ok(Checked {
        reports,
        engine,
        io_error,
    })
}

/// A text under one configuration: the configuration's address and the text's content hash.
type CopyKey = (usize, u64);

/// A checked article before its findings.
struct Pending {
    path: String,
    analysis: Arc<Analysis>,
    fail_on: Severity,
    engine: Engine,
    /// The key it shares with its copies (None when a hash collision made it unshareable).
    copy: Option<CopyKey>,
}

/// Identical texts under one configuration are analysed once (#17: one wire story
/// republished by hundreds of outlets); a workspace without copies sees no difference.
#[derive(Default)]
struct Texts {
    seen: HashMap<CopyKey, Arc<Analysis>>,
}

impl Texts {
    /// The analysis of `text` under `engine`'s configuration (shared with its earlier copies)
    /// and the key of its copies.
    fn analyse(&mut self, engine: &Engine, text: String) -> (Arc<Analysis>, Option<CopyKey>) {
        let key = (
            std::ptr::from_ref::<Config>(engine.config()) as usize,
            crate::sources::content_hash(&text),
        );
        match self.seen.get(&key) {
            Some(a) if a.text == text => (a.clone(), Some(key)),
            // two texts with one hash: the later one is analysed on its own
            Some(_) => (Arc::new(engine.analyse(&text)), None),
            None => {
                let a = Arc::new(engine.analyse(&text));
                self.seen.insert(key, a.clone());
                (a, Some(key))
            }
        }
    }
}

/// Prints the reports in the chosen format and returns the exit code.
fn print_and_exit(args: &CheckArgs, reports: &[FileReport], io_error: bool) -> ExitCode {
    let summary = Summary::of(reports);
    let stdout = std::io::stdout();
    // buffered: a large workspace prints millions of lines
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let res = match args.format {
        Format::Human => printer::human::print(&mut out, reports, &summary, color, args.quiet),
        Format::Json => printer::json::print(&mut out, reports),
        Format::Sarif => {
            let cwd = std::env::current_dir().ok();
            printer::sarif::print(&mut out, reports, cwd.as_deref())
        }
        Format::Github => printer::github::print(&mut out, reports, &summary, args.quiet),
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

/// A configuration (as an engine without sources yet) with its compiled include/exclude globs.
struct Loaded {
    engine: Engine,
    scope: workspace::Scope,
}

fn load(path: &Path, report_unused: bool) -> Result<Loaded, String> {
    let mut config = workspace::load_config(path)?;
    config.report_unused_suppressions |= report_unused;
    let root = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let scope =
        workspace::Scope::new(&config, root).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Loaded {
        engine: Engine::standalone(config),
        scope,
    })
}
