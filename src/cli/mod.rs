//! The command-line shell: `copydesk check`, `annotate`, `index`, `init`, `rules`, `explain`, `lsp`.

pub mod annotate;
mod check;
pub mod claims;
mod compare;
mod docs;
mod index;
mod inputs;
pub mod printer;
mod report;
pub mod sources;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// copydesk: the copy desk's fact-checks for news articles.
#[derive(Parser, Debug)]
#[command(name = "copydesk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text with the source line underlined.
    Human,
    /// The stable JSON schema (version 1).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps, IDE viewers).
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=…::…`) that annotate pull requests.
    Github,
}

/// When to color human output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles and report findings (exit 0: clean, 1: findings, 2: usage or I/O error).
    Check(check::CheckArgs),
    /// Print every date expression found in one article, as JSON.
    Annotate(annotate::AnnotateArgs),
    /// Print every check-worthy figure with its source, as JSON or CSV.
    Claims(claims::ClaimsArgs),
    /// Show what other sources say about the figure, date or name at PATH:LINE:COL (Markdown).
    Compare(compare::CompareArgs),
    /// Ingest articles into the shared archive (PostgreSQL): `copydesk index PATH… --into postgres://…`.
    Index(index::IndexArgs),
    /// Write the findings and every story's figure timelines as one self-contained HTML page.
    Report(report::ReportArgs),
    /// Write a commented starter `.copydesk.toml` in the current folder.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// List every rule with its default severity and an example.
    Rules {
        /// Print the rules' documentation as the Markdown of README.md's rule sections.
        #[arg(long)]
        markdown: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. date-weekday-mismatch.
        rule: String,
    },
    /// Run the language server on standard input and output (for editors).
    Lsp {
        /// Also write the log to this file.
        #[arg(long, value_name = "PATH")]
        log_file: Option<PathBuf>,
        /// Speak over standard input and output (the default and only transport; accepted
        /// because clients such as vscode-languageclient pass it).
        #[arg(long)]
        stdio: bool,
    },
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Report(args) => report::run(args),
        Command::Index(args) => index::run(args),
        Command::Init { force } => docs::init(force),
        Command::Rules { markdown } => docs::rules(markdown),
        Command::Explain { rule } => docs::explain(&rule),
        Command::Lsp { log_file, .. } => crate::lsp::run(log_file),
    }
}

/// Prints a one-line error to standard error.
pub(crate) fn error(msg: impl std::fmt::Display) {
    // paths and names can come from article folders: no raw escape sequences to the terminal
    eprintln!("copydesk: {}", crate::escape::terminal(&msg.to_string()));
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date (expected YYYY-MM-DD)"))
}
