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
    let fail_on = parse_fail_on(args.fail_on.as_deref())?;
    let explicit = match &args.config {
        Some(p) => Some(load(p, args.report_unused_suppressions).map_err(usage_error)?),
        None => None,
    };
    let (mut inputs, mut io_error) = super::inputs::collect(&args.paths);
    if let Some(rev) = &args.changed_since {
        let changed = changed_files(&args.paths, rev).map_err(usage_error)?;
        inputs.retain(|i| i.stdin || i.path.canonicalize().is_ok_and(|c| changed.contains(&c)));
    }
    let mut default_config = Config::default();
    default_config.report_unused_suppressions |= args.report_unused_suppressions;
    let mut configs = Configs {
        explicit,
        found: HashMap::new(),
        nearest: workspace::ConfigFinder::default(),
        report_unused: args.report_unused_suppressions,
    };
    let default_engine = Engine::standalone(default_config);
    let mut pending: Vec<Pending> = Vec::new();
    let mut texts = Texts::default();
    for input in &inputs {
        let engine = match configs.for_input(input)? {
            Some(l) if !input.explicit && !input.stdin && !l.scope.admits(&input.path) => continue,
            Some(l) => &l.engine,
            None => &default_engine,
        };
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
        pending.push(Pending {
            path: input.display.clone(),
            analysis,
            fail_on: fail_on.unwrap_or(engine.config().fail_on),
            engine: engine.clone(),
            copy,
        });
    }
    let window = default_engine.config().window_days;
    let index = Arc::new(sources_index(
        args,
        &configs,
        &pending,
        index_copies,
        window,
    ));
    let reports = check_all(pending, &index);
    let engine = configs
        .explicit
        .as_ref()
        .or_else(|| configs.found.values().next())
        .map_or(&default_engine, |l| &l.engine)
        .with_index(index);
    Ok(Checked {
        reports,
        engine,
        io_error,
    })
}

/// Prints a usage error and gives exit code 2.
fn usage_error(e: impl std::fmt::Display) -> ExitCode {
    error(e);
    ExitCode::from(2)
}

/// The `--fail-on` severity, if given.
fn parse_fail_on(arg: Option<&str>) -> Result<Option<Severity>, ExitCode> {
    match arg {
        None => Ok(None),
        Some(s) => Severity::parse(s).map(Some).ok_or_else(|| {
            usage_error(format!(
                "--fail-on {s}: expected error, warning, info or hint"
            ))
        }),
    }
}

/// The files changed since git revision `rev` in the repositories of `paths` (each folder and
/// each repository asked once).
fn changed_files(paths: &[PathBuf], rev: &str) -> Result<HashSet<PathBuf>, String> {
    let mut changed: HashSet<PathBuf> = HashSet::new();
    let mut dirs: HashSet<PathBuf> = HashSet::new();
    let mut tops: HashSet<PathBuf> = HashSet::new();
    for p in paths.iter().filter(|p| p.as_os_str() != "-") {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        if !dirs.insert(dir) {
            continue;
        }
        let top = workspace::git_toplevel(p)?;
        if tops.insert(top.clone()) {
            changed.extend(workspace::changed_since(&top, rev)?);
        }
    }
    Ok(changed)
}

/// The configurations of one run: `--config`, else the nearest `.copydesk.toml` of each file
/// (each read once), else the defaults.
struct Configs {
    explicit: Option<Loaded>,
    found: HashMap<PathBuf, Loaded>,
    nearest: workspace::ConfigFinder,
    report_unused: bool,
}

impl Configs {
    /// The configuration `input` is checked under (None: the defaults).
    fn for_input(&mut self, input: &super::inputs::Input) -> Result<Option<&Loaded>, ExitCode> {
        if self.explicit.is_some() {
            return Ok(self.explicit.as_ref());
        }
        let found = if input.stdin {
            workspace::find_config(Path::new("."))
        } else {
            // each folder looked at once
            self.nearest.nearest_to_file(&input.path)
        };
        let Some(cpath) = found else {
            return Ok(None);
        };
        if !self.found.contains_key(&cpath) {
            let loaded = load(&cpath, self.report_unused).map_err(usage_error)?;
            self.found.insert(cpath.clone(), loaded);
        }
        Ok(self.found.get(&cpath))
    }

    /// Every configuration read, with the folder it is relative to.
    fn all<'a>(&'a self, explicit_path: Option<&'a Path>) -> Vec<(Option<&'a Path>, &'a Config)> {
        let found = self
            .found
            .iter()
            .map(|(p, l)| (p.parent(), l.engine.config()));
        let explicit = self
            .explicit
            .iter()
            .map(|l| (explicit_path.and_then(Path::parent), l.engine.config()));
        found.chain(explicit).collect()
    }
}

/// The index the checked articles are compared with: every checked article (a copy once,
/// unless `index_copies`), the given and configured source folders, and the shared archives
/// around the checked articles' dates (the window of the configurations read, else
/// `default_window`). Empty when there is nothing to compare with.
fn sources_index(
    args: &CheckArgs,
    configs: &Configs,
    pending: &[Pending],
    index_copies: bool,
    default_window: i64,
) -> crate::sources::Index {
    let all = configs.all(args.config.as_deref());
    let mut extra: Vec<PathBuf> = super::sources::folder_args(&args.sources);
    let no_args = super::sources::SourceArgs::default();
    for (dir, config) in &all {
        extra.extend(super::sources::folders(&[], &no_args, config, *dir));
    }
    extra.sort();
    extra.dedup();
    let config_refs: Vec<&Config> = all.iter().map(|(_, c)| *c).collect();
    let urls = super::sources::archive_urls(&args.sources, &config_refs);
    let mut index = crate::sources::Index::new();
    // the checked articles' summaries: what the archive's articles are compared with
    let mut subjects = Vec::new();
    if pending.len() > 1 || !extra.is_empty() || !urls.is_empty() {
        let mut first: HashMap<CopyKey, &str> = HashMap::new();
        for r in pending {
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
        let checked: HashSet<u64> = index.iter().map(|s| s.hash).collect();
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
            .unwrap_or(default_window);
        let subjects: Vec<&ArticleSummary> = subjects.iter().collect();
        super::sources::load_archives(&urls, &dates, window, &subjects, &mut index);
    }
    index
}

/// The findings of every pending article against one shared index. Copies of one text have
/// the same findings: they are compared with the same other texts (never with each other),
/// and no rule reads the path.
fn check_all(pending: Vec<Pending>, index: &Arc<crate::sources::Index>) -> Vec<FileReport> {
    let mut checked: HashMap<CopyKey, Arc<Vec<Finding>>> = HashMap::new();
    pending
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
        .collect()
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
