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

/// A line longer than this many bytes is given to the renderer cut around the span.
const LONG_LINE: usize = 4096;
/// How many bytes of a long line are kept on each side of the span.
const CUT_AROUND: usize = 512;

/// One finding as rustc-style text: annotate-snippets lays out the lines of the span
/// (display width for wide characters and emoji, multi-line spans, long lines cut around
/// the span), with the fix and related places as footers.
fn render(r: &FileReport, f: &Finding, renderer: &Renderer) -> String {
    let text = r.analysis.text.as_str();
    let start = f.span.start.min(text.len());
    let end = f.span.end.clamp(start, text.len());
    // only the lines of the span go to the renderer (a finding in a huge file stays cheap);
    // their bounds come from the line index, not a search along the line for each finding
    // (a 400 KB line with 66,000 findings spent more time in those searches than in analysis)
    let (line, col) = r.line_col(start);
    let (end_line, _) = r.line_col(end);
    let lines = r.analysis.lines();
    let ls = lines.line_start(line - 1).map_or(0, |s| s.min(start));
    let le = lines
        .line_start(end_line)
        .map_or(text.len(), |s| s.saturating_sub(1).max(end));
    // a very long line (a whole text on one line) goes to the renderer cut around the span,
    // which it would cut anyway to the terminal's width: the renderer measures every character
    // it is given, once per finding (a 200 KB line with 4,000 findings took 20 s)
    let cut = le - ls > LONG_LINE;
    let (ls, le) = if cut {
        (
            crate::text::floor_char_boundary(text, start.saturating_sub(CUT_AROUND).max(ls)),
            crate::text::ceil_char_boundary(text, (end + CUT_AROUND).min(le)),
        )
    } else {
        (ls, le)
    };
    // control characters never reach the terminal (an article could hide escape sequences):
    // the source keeps its byte offsets with each one masked, the other texts show them as \u{…}
    let source = mask_controls(&text[ls..le]);
    let message = terminal(&f.message);
    let path = terminal(&r.path);
    let mut footers: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    if let Some(fix) = &f.fix {
        let old = fix.span.slice(text);
        footers.push(if old.is_empty() {
            format!("{} (insert '{}')", fix.title, fix.replacement)
        } else {
            format!("{} ('{old}' → '{}')", fix.title, fix.replacement)
        });
    }
    for rel in &f.related {
        notes.push(match &rel.path {
            None => {
                let (l, c) = r.line_col(rel.span.start);
                format!(
                    "{} ({}:{l}:{c}: '{}')",
                    rel.message,
                    r.path,
                    short(rel.span.slice(text))
                )
            }
            Some(p) => {
                let (l, c) = rel.line_col.map_or((1, 1), |(l, c)| (l + 1, c + 1));
                format!("{} ({p}:{l}:{c})", rel.message)
            }
        });
    }
    let footers: Vec<String> = footers.iter().map(|x| terminal(x).into_owned()).collect();
    let notes: Vec<String> = notes.iter().map(|x| terminal(x).into_owned()).collect();
    let snippet = Snippet::source(source.as_ref())
        .line_start(line)
        .fold(false)
        .annotation(AnnotationKind::Primary.span(start - ls..end - ls));
    let group = level(f.severity)
        .primary_title(message.as_ref())
        .id(f.rule)
        .element(snippet.path(path.as_ref()))
        .elements(
            footers
                .iter()
                .map(|x| Level::HELP.with_name("fix").message(x.as_str())),
        )
        .elements(notes.iter().map(|n| Level::NOTE.message(n.as_str())));
    let out = renderer.render(&[group]);
    if !cut {
        return out;
    }
    // the renderer counted the column from the cut: the header gets the line's own column
    let counted = source[..start - ls].chars().count() + 1;
    out.replacen(
        &format!("{path}:{line}:{counted}"),
        &format!("{path}:{line}:{col}"),
        1,
    )
}

/// `s` with every control character but tab and newline (and every invisible direction mark)
/// replaced by as many `?` as it has bytes, so byte offsets into `s` stay valid.
fn mask_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let shown = terminal(s);
    if matches!(shown, std::borrow::Cow::Borrowed(_)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if terminal(c.encode_utf8(&mut [0u8; 4])).len() > c.len_utf8() {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
            for f in r.findings.iter() {
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
            analysis: std::sync::Arc::new(Engine::default().analyse(text)),
            findings: Default::default(),
            fail_on: Severity::Warning,
        }
    }

    #[test]
    fn a_finding_far_along_a_very_long_line_keeps_its_column() {
        // one line of some 30 KB: the renderer gets it cut around the span
        let filler = "Velmar said the talks went on. ".repeat(1000);
        let text = format!(" date 2021-05-10\n\n{filler}They met on Wednesday.\n");
        let r = report(&text);
        let at = text.find("Wednesday").unwrap_or(0);
        let f = finding(&suppression_unused::INFO, Span::new(at, at + 9), "m".into());
        let out = render(&r, &f, &Renderer::plain());
        let (line, col) = r.line_col(at);
        assert_eq!((line, col), (3, filler.chars().count() + 13));
        assert!(out.contains(&format!("t.md:{line}:{col}")), "{out}");
        let carets = out.lines().find(|l| l.contains('^')).unwrap_or_default();
        assert_eq!(carets.matches('^').count(), 9, "{out}");
        assert!(out.len() < 2000, "{out}");
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
