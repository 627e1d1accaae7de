//! Suppression comments written in the article itself.
//!
//! Pure: text in, [`Suppressions`] out, no I/O. Forms:
//!
//! - `<!-- copydesk-disable-next-line RULE [RULE…] -->`: findings that start on the line after
//!   the comment.
//! - `<!-- copydesk-disable-line RULE -->`: findings on the comment's own line(s).
//! - `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`: findings between the
//!   two comments (to the end of the text when no `enable` follows). A bare `disable` (no rule)
//!   covers every rule and is ended by a bare `enable`; `enable RULE` ends `disable RULE`.
//! - `copydesk: ignore RULE [RULE…]` anywhere in a line, in any comment syntax (`# …`,
//!   `// …`, `[…]`, `<!-- … -->`) or none, for plain-text articles: findings on the same line
//!   and, when the comment stands alone on its line, on the next line too.
//!
//! Rule ids are separated by spaces or commas; without a rule id every rule is suppressed.
//! A `--` ends the list and starts a free-text reason:
//! `<!-- copydesk-disable-next-line date-no-dateline -- wire copy, dated by the desk -->`.

use crate::text::Span;
use regex::Regex;
use std::sync::OnceLock;

/// How a suppression was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `<!-- copydesk-disable-next-line … -->`.
    NextLine,
    /// `<!-- copydesk-disable-line … -->`.
    Line,
    /// `<!-- copydesk-disable … -->` … `<!-- copydesk-enable … -->`.
    Block,
    /// `copydesk: ignore …`.
    Ignore,
}

/// A rule id written in a directive, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleRef {
    /// The id as written.
    pub id: String,
    /// Its bytes in the text.
    pub span: Span,
}

/// One suppression: one rule (or every rule) over some bytes of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// How it was written.
    pub form: Form,
    /// The whole directive (the comment, or `copydesk: ignore …`).
    pub directive: Span,
    /// The rule suppressed, or None for every rule.
    pub rule: Option<RuleRef>,
    /// Findings starting inside one of these byte ranges are suppressed.
    pub ranges: Vec<Span>,
}

impl Suppression {
    /// True when this suppression hides a finding of `rule` starting at `offset`.
    pub fn covers(&self, rule: &str, offset: usize) -> bool {
        self.rule.as_ref().is_none_or(|r| r.id == rule)
            && self.ranges.iter().any(|r| r.contains(offset))
    }
}

/// Everything the directives of one text say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// The suppressions, in text order of their directives.
    pub list: Vec<Suppression>,
    /// Every rule id written in any directive (including `enable`), for checking the ids.
    pub mentions: Vec<RuleRef>,
}

fn html_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?s)<!--[ \t\r\n]*copydesk-(disable-next-line|disable-line|disable|enable)((?:[ \t\r\n].*?)?)-->")
            .expect("a constant pattern")
    })
}

fn ignore_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"copydesk:[ \t]*ignore\b([^\n]*)").expect("a constant pattern"))
}

/// The rule ids in `args` (which starts at byte `base`), up to a `--` reason.
fn rule_refs(args: &str, base: usize) -> Vec<RuleRef> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, out: &mut Vec<RuleRef>| -> bool {
        let tok = &args[s..e];
        if tok.starts_with("--") {
            return false;
        }
        out.push(RuleRef {
            id: tok.to_string(),
            span: Span::new(base + s, base + e),
        });
        true
    };
    for (i, c) in args.char_indices() {
        if c.is_whitespace() || c == ',' {
            if let Some(s) = start.take() {
                if !push(s, i, &mut out) {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s, args.len(), &mut out);
    }
    out
}

fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The end of the line containing `offset`, after its newline.
fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i + 1)
}

/// The line after the one containing `offset`, if any.
fn next_line(text: &str, offset: usize) -> Option<Span> {
    let start = line_end(text, offset);
    (start < text.len()).then(|| Span::new(start, line_end(text, start)))
}

/// Reads every suppression directive of `text`.
pub fn parse(text: &str) -> Suppressions {
    let mut out = Suppressions::default();
    html_directives(text, &mut out);
    ignore_comments(text, &mut out);
    out.list.sort_by_key(|s| s.directive.start);
    out.mentions.sort_by_key(|r| r.span.start);
    out
}

/// One entry per named rule, or a single rule-less entry when none is named (all rules).
fn each_rule(refs: Vec<RuleRef>) -> Vec<Option<RuleRef>> {
    if refs.is_empty() {
        vec![None]
    } else {
        refs.into_iter().map(Some).collect()
    }
}

/// The `<!-- copydesk-disable… / enable -->` comments: blocks, the line, the next line.
fn html_directives(text: &str, out: &mut Suppressions) {
    // (index in out.list) of open block suppressions
    let mut open: Vec<usize> = Vec::new();
    for c in html_re().captures_iter(text) {
        let (Some(all), Some(kind), Some(args)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let directive = Span::new(all.start(), all.end());
        let refs = rule_refs(args.as_str(), args.start());
        out.mentions.extend(refs.iter().cloned());
        let rules = each_rule(refs);
        if kind.as_str() == "enable" {
            close_blocks(&mut open, &mut out.list, &rules, directive);
            continue;
        }
        let (form, range) = match kind.as_str() {
            "disable-next-line" => (
                Form::NextLine,
                next_line(text, directive.end.saturating_sub(1)),
            ),
            "disable-line" => (
                Form::Line,
                Some(Span::new(
                    line_start(text, directive.start),
                    line_end(text, directive.end.saturating_sub(1)),
                )),
            ),
            _ => (Form::Block, Some(Span::new(directive.end, text.len()))),
        };
        for rule in rules {
            if form == Form::Block {
                open.push(out.list.len());
            }
            out.list.push(Suppression {
                form,
                directive,
                rule,
                ranges: range.into_iter().collect(),
            });
        }
    }
}

/// Ends the open blocks an `enable` directive names (all of them when it names no rule) at
/// the directive.
fn close_blocks(
    open: &mut Vec<usize>,
    list: &mut [Suppression],
    rules: &[Option<RuleRef>],
    directive: Span,
) {
    let ids: Vec<Option<&str>> = rules
        .iter()
        .map(|r| r.as_ref().map(|r| r.id.as_str()))
        .collect();
    let bare = ids.iter().any(Option::is_none);
    open.retain(|&i| {
        let Some(s) = list.get_mut(i) else {
            return false;
        };
        let id = s.rule.as_ref().map(|r| r.id.as_str());
        let closes = bare || ids.contains(&id);
        if closes {
            if let Some(r) = s.ranges.first_mut() {
                *r = Span::new(r.start, directive.start.max(r.start));
            }
        }
        !closes
    });
}

/// The `copydesk-ignore` comments of any comment syntax: their line, and the next one when the
/// comment stands alone on its line.
fn ignore_comments(text: &str, out: &mut Suppressions) {
    for c in ignore_re().captures_iter(text) {
        let (Some(all), Some(args)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // the list ends at a comment closer
        let mut args_text = args.as_str();
        for closer in ["-->", "*/", "]", ")", "}"] {
            if let Some(i) = args_text.find(closer) {
                args_text = &args_text[..i];
            }
        }
        let args_text = args_text.trim_end_matches('\r');
        let directive = Span::new(all.start(), args.start() + args_text.len());
        let refs = rule_refs(args_text, args.start());
        out.mentions.extend(refs.iter().cloned());
        let ls = line_start(text, directive.start);
        let le = line_end(text, directive.start);
        let mut ranges = vec![Span::new(ls, le)];
        let alone = [
            text.get(ls..directive.start).unwrap_or(""),
            text.get(directive.end..le).unwrap_or(""),
        ]
        .iter()
        .flat_map(|t| t.chars())
        .all(|c| c.is_whitespace() || "/#*<>!-[](){}%;\"'".contains(c));
        if alone {
            ranges.extend(next_line(text, directive.start));
        }
        for rule in each_rule(refs) {
            out.list.push(Suppression {
                form: Form::Ignore,
                directive,
                rule,
                ranges: ranges.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str, rule: &str, needle: &str) -> bool {
        let s = parse(text);
        let off = text.find(needle).unwrap_or(usize::MAX);
        s.list.iter().any(|x| x.covers(rule, off))
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let t = "A.\n<!-- copydesk-disable-next-line r1 r2 -->\nB here.\nC here.\n";
        assert!(covered(t, "r1", "B here"));
        assert!(covered(t, "r2", "B here"));
        assert!(!covered(t, "r3", "B here"));
        assert!(!covered(t, "r1", "C here"));
        assert!(!covered(t, "r1", "A."));
        let s = parse(t);
        let ids: Vec<&str> = s.mentions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r2"]);
        assert_eq!(s.mentions[0].span.slice(t), "r1");
    }

    #[test]
    fn blocks_and_bare_blocks() {
        let t = "<!-- copydesk-disable r1 -->\nB.\n<!-- copydesk-enable r1 -->\nC.\n<!-- copydesk-disable -->\nD.\n<!-- copydesk-enable -->\nE.";
        assert!(covered(t, "r1", "B."));
        assert!(!covered(t, "r2", "B."));
        assert!(!covered(t, "r1", "C."));
        assert!(covered(t, "r9", "D."));
        assert!(!covered(t, "r9", "E."));
        // unclosed: to the end
        let t = "<!-- copydesk-disable r1 -- reason here -->\nB.\n\nC.";
        assert!(covered(t, "r1", "C."));
        assert_eq!(parse(t).mentions.len(), 1);
    }

    #[test]
    fn plain_text_ignore() {
        let t = "First line. # copydesk: ignore r1\nSecond.\n// copydesk: ignore r2, r3\nThird.\nFourth.";
        assert!(covered(t, "r1", "First"));
        assert!(!covered(t, "r1", "Second"));
        assert!(covered(t, "r2", "Third"));
        assert!(covered(t, "r3", "Third"));
        assert!(!covered(t, "r2", "Fourth"));
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "<!-- copydesk-disable",
            "<!-- copydesk-enable -->",
            "copydesk: ignore",
            "é<!-- copydesk-disable-next-line é -->",
            "<!-- copydesk-disable-line -->",
        ] {
            let _ = parse(t);
        }
        assert!(covered("x <!-- copydesk-disable-line --> y", "any", "y"));
    }
}
