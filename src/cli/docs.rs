//! `copydesk init`, `copydesk rules`, `copydesk explain`.

use crate::config::STARTER;
use crate::rules::{all_rules, rule_info};
use crate::workspace::CONFIG_FILE;
use std::process::ExitCode;

/// Writes a starter config in the current folder.
pub fn init(force: bool) -> ExitCode {
    let path = std::path::Path::new(CONFIG_FILE);
    if path.exists() && !force {
        super::error(format!(
            "{CONFIG_FILE} already exists here (use --force to overwrite it)"
        ));
        return ExitCode::from(2);
    }
    match std::fs::write(path, STARTER) {
        Ok(()) => {
            println!(
                "Wrote {CONFIG_FILE}: edit it to set rule severities, sources and what to ignore."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::error(format!("cannot write {CONFIG_FILE}: {e}"));
            ExitCode::from(2)
        }
    }
}

/// The README's rule sections, generated from each rule's documentation in code
/// (`copydesk rules --markdown`; a test keeps README.md equal to it).
pub fn rules_markdown() -> String {
    let mut md = String::new();
    for r in all_rules() {
        md.push_str(&format!(
            "### {}\n\nDefault severity: **{}**. {}\n\n{}\n\nBefore:\n\n```\n{}\n```\n\nAfter:\n\n```\n{}\n```\n\n",
            r.id,
            r.default_severity.as_str(),
            r.summary,
            r.description,
            r.example_before,
            r.example_after
        ));
    }
    md
}

/// Lists the rules (or prints their README sections with `markdown`).
pub fn rules(markdown: bool) -> ExitCode {
    if markdown {
        print!("{}", rules_markdown());
        return ExitCode::SUCCESS;
    }
    for r in all_rules() {
        println!(
            "{:<26} {:<8} {}",
            r.id,
            r.default_severity.as_str(),
            r.summary
        );
        println!(
            "{:<26} {:<8} e.g. {}",
            "",
            "",
            r.example_before.replace('\n', " ⏎ ")
        );
    }
    ExitCode::SUCCESS
}

/// Prints one rule's documentation.
pub fn explain(id: &str) -> ExitCode {
    let Some(r) = rule_info(id) else {
        let ids: Vec<&str> = all_rules().iter().map(|r| r.id).collect();
        super::error(format!(
            "unknown rule '{id}'; rules are: {}",
            ids.join(", ")
        ));
        return ExitCode::from(2);
    };
    println!(
        "{} (default severity: {})\n\n{}\n\n{}\n\nBefore:\n    {}\nAfter:\n    {}",
        r.id,
        r.default_severity.as_str(),
        r.summary,
        r.description,
        r.example_before.replace('\n', "\n    "),
        r.example_after.replace('\n', "\n    ")
    );
    ExitCode::SUCCESS
}
