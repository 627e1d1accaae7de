//! Human output in the style of rustc and clippy.

use super::{FileReport, Summary};
use crate::escape::terminal;
use crate::rules::{Finding, Severity};
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use std::io::Write;

const WIDTH: usize = 100;

/// The annotate-snippets level of a severity (a hint is a help named "hint").
fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP.with_name("hint"),
    }
}

/// One finding as rustc-style text: annotate-snippets lays out the lines of the span
/// (display width for wide characters and emoji, multi-line spans, long lines cut around
/// the span), with the fix and related places as footers.
fn render(r: &FileReport, f: &Finding, renderer: &Renderer) -> String {
    let text = r.analysis.text.as_str();
    let start = f.span.start.min(text.len());
    let end = f.span.end.clamp(start, text.len());
    // only the lines of the span go to the renderer (a finding in a huge file stays cheap)
    let ls = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let le = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let (line, _) = r.line_col(start);
    // control characters from the article never reach the terminal (same byte length, so the
    // span still points at the same place)
    let source = crate::escape::terminal_same_len(&text[ls..le]);
    let source = source.as_ref();
    let mut footers: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    if let Some(fix) = &f.fix {
        let old = fix.span.slice(text);
        footers.push(if old.is_empty() {
            format!("{} (insert '{}')", fix.title, terminal(&fix.replacement))
        } else {
            format!(
                "{} ('{}' → '{}')",
                fix.title,
                terminal(old),
                terminal(&fix.replacement)
            )
        });
    }
    for rel in &f.related {
        notes.push(match &rel.path {
            None => {
                let (l, c) = r.line_col(rel.span.start);
                format!(
                    "{} ({}:{l}:{c}: '{}')",
                    terminal(&rel.message),
                    terminal(&r.path),
                    terminal(&short(rel.span.slice(text)))
                )
            }
            Some(p) => {
                let (l, c) = rel.line_col.map_or((1, 1), |(l, c)| (l + 1, c + 1));
                format!("{} ({}:{l}:{c})", terminal(&rel.message), terminal(p))
            }
        });
    }
    let message = terminal(&f.message);
    let path = terminal(&r.path);
    let group = level(f.severity)
        .primary_title(message.as_ref())
        .id(f.rule)
        .element(
            Snippet::source(source)
                .line_start(line)
                .path(path.as_ref())
                .fold(false)
                .annotation(AnnotationKind::Primary.span(start - ls..end - ls)),
        )
        .elements(
            footers
                .iter()
                .map(|x| Level::HELP.with_name("fix").message(x.as_str())),
        )
        .elements(notes.iter().map(|n| Level::NOTE.message(n.as_str())));
    renderer.render(&[group])
}

/// Prints findings and the summary line.
pub fn print(
    out: &mut dyn Write,
    reports: &[FileReport],
    summary: &Summary,
    color: bool,
    quiet: bool,
) -> std::io::Result<()> {
    if !quiet {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(WIDTH);
        for r in reports {
            for f in &r.findings {
                writeln!(out, "{}\n", render(r, f, &renderer))?;
            }
        }
    }
    writeln!(out, "{}", summary.line())
}

fn short(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    if c.len() > 60 {
        format!("{}…", c[..60].iter().collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::rules::finding;
    use crate::rules::suppression_unused;
    use crate::text::Span;

    fn report(text: &str) -> FileReport {
        FileReport {
            path: "t.md".into(),
            analysis: Engine::default().analyse(text),
            findings: Vec::new(),
            fail_on: Severity::Warning,
        }
    }

    #[test]
    fn carets_sit_under_the_words_after_wide_characters() {
        let text = " date 2021-05-10 中文 😀 met on Wednesday.\n";
        let r = report(text);
        let at = text.find("Wednesday").unwrap_or(0);
        let f = finding(&suppression_unused::INFO, Span::new(at, at + 9), "m".into());
        let out = render(&r, &f, &Renderer::plain());
        let lines: Vec<&str> = out.lines().collect();
        let src = lines.iter().find(|l| l.contains("Wednesday")).copied();
        let carets = lines.iter().find(|l| l.contains('^')).copied();
        let (Some(src), Some(carets)) = (src, carets) else {
            panic!("{out}");
        };
        // display columns: each CJK character and the emoji take two
        let width = |s: &str| -> usize {
            s.chars()
                .map(|c| if c.len_utf8() >= 3 { 2 } else { 1 })
                .sum()
        };
        let before = &src[..src.find("Wednesday").unwrap_or(0)];
        assert_eq!(
            carets.find('^').map(|i| width(&carets[..i])),
            Some(width(before)),
            "{out}"
        );
    }

    #[test]
    fn a_span_over_two_lines_shows_both() {
        let text = " date 2021-05-10 The first line\nand the second line.\n";
        let r = report(text);
        let f = finding(
            &suppression_unused::INFO,
            Span::new(
                text.find("first").unwrap_or(0),
                text.find("second").unwrap_or(0) + 6,
            ),
            "m".into(),
        );
        let out = render(&r, &f, &Renderer::plain());
        assert!(out.contains("The first line"), "{out}");
        assert!(out.contains("and the second line."), "{out}");
        assert!(out.contains(" --> t.md:1:"), "{out}");
    }
}
