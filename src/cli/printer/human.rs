//! Human output in the style of rustc and clippy.

use super::{FileReport, Summary};
use crate::rules::Severity;
use std::io::Write;

const WIDTH: usize = 100;

fn paint(s: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn sev_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
        Severity::Hint => "1;36",
    }
}

use crate::escape::terminal;

/// Prints findings and the summary line.
pub fn print(
    out: &mut dyn Write,
    reports: &[FileReport],
    summary: &Summary,
    color: bool,
    quiet: bool,
) -> std::io::Result<()> {
    if !quiet {
        for r in reports {
            for f in &r.findings {
                let text = &r.analysis.text;
                let (line, col) = r.line_col(f.span.start);
                let head = format!("{}[{}]", f.severity.as_str(), f.rule);
                writeln!(
                    out,
                    "{}: {}",
                    paint(&head, sev_color(f.severity), color),
                    paint(&terminal(&f.message), "1", color)
                )?;
                writeln!(out, "  --> {}:{line}:{col}", terminal(&r.path))?;
                // the source line, windowed around the span, with a caret underline
                let ls = r.analysis.lines.line_start(line - 1).unwrap_or(0);
                let le = text[ls..].find('\n').map_or(text.len(), |i| ls + i);
                let line_text = text[ls..le].trim_end_matches('\r');
                let chars: Vec<char> = line_text.chars().collect();
                let c0 = col - 1;
                let span_chars = f
                    .span
                    .slice(text)
                    .split('\n')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .count()
                    .max(1);
                let (from, to) = window(chars.len(), c0, span_chars);
                let mut shown: String = chars[from..to].iter().collect();
                let mut pad = c0 - from;
                if from > 0 {
                    shown = format!("…{shown}");
                    pad += 1;
                }
                if to < chars.len() {
                    shown.push('…');
                }
                let gutter = line.to_string();
                let blank = " ".repeat(gutter.len());
                writeln!(out, "{blank} |")?;
                writeln!(out, "{gutter} | {}", terminal(&shown.replace('\t', " ")))?;
                let carets = "^".repeat(span_chars.min(to.saturating_sub(c0)).max(1));
                writeln!(
                    out,
                    "{blank} | {}{}",
                    " ".repeat(pad),
                    paint(&carets, sev_color(f.severity), color)
                )?;
                if let Some(fix) = &f.fix {
                    let old = fix.span.slice(text);
                    if old.is_empty() {
                        writeln!(
                            out,
                            "{blank} = fix: {} (insert '{}')",
                            fix.title,
                            terminal(&fix.replacement)
                        )?;
                    } else {
                        writeln!(
                            out,
                            "{blank} = fix: {} ('{}' → '{}')",
                            fix.title,
                            terminal(old),
                            terminal(&fix.replacement)
                        )?;
                    }
                }
                for rel in &f.related {
                    match &rel.path {
                        None => {
                            let (l, c) = r.line_col(rel.span.start);
                            writeln!(
                                out,
                                "{blank} = note: {} ({}:{l}:{c}: '{}')",
                                terminal(&rel.message),
                                terminal(&r.path),
                                terminal(&short(rel.span.slice(text)))
                            )?;
                        }
                        Some(p) => {
                            let (l, c) = rel.line_col.map_or((1, 1), |(l, c)| (l + 1, c + 1));
                            writeln!(
                                out,
                                "{blank} = note: {} ({}:{l}:{c})",
                                terminal(&rel.message),
                                terminal(p)
                            )?;
                        }
                    }
                }
                writeln!(out)?;
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

/// A window of at most WIDTH characters that shows the span.
fn window(len: usize, start: usize, span: usize) -> (usize, usize) {
    if len <= WIDTH {
        return (0, len);
    }
    let from = start.saturating_sub(30).min(len.saturating_sub(WIDTH));
    let from = if start + span.min(WIDTH - 30) > from + WIDTH {
        start
    } else {
        from
    };
    (from, (from + WIDTH).min(len))
}
