//! `--format github`: GitHub Actions workflow commands that annotate a pull request.
//!
//! One line per finding, `::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`,
//! escaped as `@actions/core` does so that article text can never start a line, and so can never
//! inject a workflow command of its own.

use super::{FileReport, Summary};
use crate::rules::Severity;
use std::io::Write;

/// Escapes a command's message: `%`, `\r`, `\n` (as `@actions/core`'s `escapeData`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the message escapes plus `:` and `,` (`escapeProperty`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command for a severity: error, warning or notice.
fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

/// Prints one command per finding, then the summary line (which never starts with `::`).
pub fn print(
    out: &mut dyn Write,
    reports: &[FileReport],
    summary: &Summary,
    quiet: bool,
) -> std::io::Result<()> {
    if !quiet {
        for r in reports {
            let file = r.path.replace('\\', "/");
            for f in r.findings.iter() {
                let (line, col) = r.line_col(f.span.start);
                let (end_line, end_col) = r.line_col(f.span.end);
                let mut message = f.message.clone();
                if let Some(fix) = &f.fix {
                    message.push_str(&format!(" Fix: {}.", fix.title.trim_end_matches('.')));
                }
                writeln!(
                    out,
                    "::{} file={},line={line},endLine={end_line},col={col},endColumn={end_col},title={}::{}",
                    command(f.severity),
                    escape_property(&file),
                    escape_property(&format!("copydesk {}", f.rule)),
                    escape_data(&message),
                )?;
            }
        }
    }
    writeln!(out, "copydesk: {}", escape_data(&summary.line()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_core() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
        assert_eq!(escape_data("%0A"), "%250A");
    }
}
