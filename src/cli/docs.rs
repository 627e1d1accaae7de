//! `copydesk init`, `copydesk rules`, `copydesk explain`.

use crate::config::STARTER;
use crate::rules::{all_rules, rule_info};
use crate::workspace::CONFIG_FILE;
use std::process::ExitCode;

/// Writes a starter config in the current folder.
pub fn init(force: bool) -> ExitCode {
    let path = std::path::Path::new(CONFIG_FILE);
    // Never through a symlink (it would overwrite the link's target, or create a file
    // outside the folder for a dangling link): the file is created new, never followed.
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            super::error(format!(
                "{CONFIG_FILE} here is a symbolic link; init does not write through links (remove it first)"
            ));
            return ExitCode::from(2);
        }
        Ok(m) if !m.is_file() => {
            super::error(format!("{CONFIG_FILE} here is not a regular file"));
            return ExitCode::from(2);
        }
        Ok(_) if !force => {
            super::error(format!(
                "{CONFIG_FILE} already exists here (use --force to overwrite it)"
            ));
            return ExitCode::from(2);
        }
        Ok(_) => {
            if let Err(e) = std::fs::remove_file(path) {
                super::error(format!("cannot replace {CONFIG_FILE}: {e}"));
                return ExitCode::from(2);
            }
        }
        Err(_) => {}
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, STARTER.as_bytes()));
    match written {
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
