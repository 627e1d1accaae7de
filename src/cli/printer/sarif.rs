//! `--format sarif`: SARIF 2.1.0 for code scanning.
//!
//! One run; `tool.driver.rules` lists every rule (so `ruleIndex` is stable for a given
//! version); regions are 1-based lines and columns counted in Unicode code points (as in the
//! JSON format), and `partialFingerprints` hash the rule, the flagged words, the sentence (or
//! line) around them and the occurrence index, never line numbers, so that unrelated edits
//! above a finding do not make it look new.

use super::FileReport;
use crate::rules::{all_rules, help_uri, Finding, Severity};
use crate::text::Span;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

/// The SARIF schema this printer writes.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where copydesk lives.
pub const INFORMATION_URI: &str = "https://github.com/copydesk/copydesk";

/// The key of copydesk's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "copydesk/v1";

/// The SARIF level of a severity (hint and info are notes).
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// `date-weekday-mismatch` → `DateWeekdayMismatch`.
fn pascal(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// Ends a message with a period, as SARIF viewers expect of plain-text messages.
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Percent-encodes a path for a URI reference (keeps unreserved characters and `/`).
fn encode_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `file://` URI of an absolute path, with a trailing slash when `dir`.
fn file_uri(p: &Path, dir: bool) -> String {
    let mut s = encode_path(&p.to_string_lossy());
    if !s.starts_with('/') {
        s.insert(0, '/'); // Windows drive paths: file:///C:/…
        s = s.replacen("%3A", ":", 1);
    }
    if dir && !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{s}")
}

/// The artifact location of a path as given: relative paths against `%SRCROOT%`.
fn artifact_location(path: &str) -> Value {
    if path == "<stdin>" {
        return json!({"uri": "stdin"});
    }
    let p = Path::new(path);
    if p.is_absolute() {
        json!({"uri": file_uri(p, false)})
    } else {
        let rel = path.strip_prefix("./").unwrap_or(path);
        json!({"uri": encode_path(rel), "uriBaseId": "%SRCROOT%"})
    }
}

/// A 1-based region of `span` (end column exclusive), with the flagged text as snippet.
fn region(r: &FileReport, span: Span) -> Value {
    let (start_line, start_column) = r.line_col(span.start);
    let (end_line, end_column) = r.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": {"text": span.slice(&r.analysis.text)},
    })
}

/// The bytes of the whole line(s) `span` touches, without the final line break.
fn line_bounds(text: &str, span: Span) -> Span {
    let start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i);
    let end = if end > span.end && text.get(..end).is_some_and(|t| t.ends_with('\r')) {
        end - 1
    } else {
        end
    };
    Span::new(start.min(span.start), end.max(span.end))
}

/// Lowercase, with runs of whitespace as one space.
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// 64-bit FNV-1a: small, and stable across Rust versions and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The text around a finding that identifies it: its sentence, else its line.
fn context(r: &FileReport, f: &Finding) -> String {
    let text = &r.analysis.text;
    let a = &r.analysis.article;
    if let Some(s) = a.sentence_at(f.span.start).and_then(|i| a.sentences.get(i)) {
        return normalize(s.span.slice(text));
    }
    normalize(line_bounds(text, f.span).slice(text))
}

/// Fingerprints of a file's findings: hash of rule id, flagged text, context, occurrence.
pub fn fingerprints(r: &FileReport) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    r.findings
        .iter()
        .map(|f| {
            let key = format!(
                "{}\u{0}{}\u{0}{}",
                f.rule,
                normalize(f.span.slice(&r.analysis.text)),
                context(r, f)
            );
            let n = seen.entry(key.clone()).or_default();
            let h = fnv1a(format!("{key}\u{0}{n}").as_bytes());
            *n += 1;
            format!("{h:016x}")
        })
        .collect()
}

/// The SARIF log of `reports`; `cwd` (absolute) becomes `%SRCROOT%`.
pub fn document(reports: &[FileReport], cwd: Option<&Path>) -> Value {
    let rules = all_rules();
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": pascal(r.id),
                "shortDescription": {"text": sentence(r.summary)},
                "fullDescription": {"text": sentence(r.description), "markdown": r.description},
                "helpUri": help_uri(r.id),
                "help": {
                    "text": format!("{}\n\nExample: {}\nFixed: {}", sentence(r.description), r.example_before, r.example_after),
                    "markdown": format!("{}\n\nExample:\n\n```text\n{}\n```\n\nFixed:\n\n```text\n{}\n```", r.description, r.example_before, r.example_after),
                },
                "defaultConfiguration": {"level": level(r.default_severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        let location = artifact_location(&r.path);
        let prints = fingerprints(r);
        for (f, print) in r.findings.iter().zip(prints) {
            let rule_index = rules.iter().position(|x| x.id == f.rule);
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let physical = match &rel.path {
                        None => json!({"artifactLocation": location, "region": region(r, rel.span)}),
                        Some(p) => {
                            let (l, c) = rel.line_col.map_or((1, 1), |(l, c)| (l + 1, c + 1));
                            json!({"artifactLocation": artifact_location(p), "region": {"startLine": l, "startColumn": c}})
                        }
                    };
                    json!({"id": i + 1, "physicalLocation": physical, "message": {"text": sentence(&rel.message)}})
                })
                .collect();
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": sentence(&f.message)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": region(r, f.span),
                    "contextRegion": region(r, line_bounds(&r.analysis.text, f.span)),
                }}],
                "partialFingerprints": {FINGERPRINT_KEY: print},
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &f.fix {
                let mut deleted = region(r, fix.span);
                if let Some(o) = deleted.as_object_mut() {
                    o.remove("snippet");
                }
                result["fixes"] = json!([{
                    "description": {"text": sentence(&fix.title)},
                    "artifactChanges": [{
                        "artifactLocation": location,
                        "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}],
                    }],
                }]);
            }
            results.push(result);
        }
    }
    let mut run = json!({
        "tool": {"driver": {
            "name": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": driver_rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(cwd) = cwd.filter(|c| c.is_absolute()) {
        run["originalUriBaseIds"] = json!({"%SRCROOT%": {"uri": file_uri(cwd, true)}});
    }
    json!({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})
}

/// Prints the log.
pub fn print(
    out: &mut dyn Write,
    reports: &[FileReport],
    cwd: Option<&Path>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(reports, cwd))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(pascal("date-weekday-mismatch"), "DateWeekdayMismatch");
        assert_eq!(encode_path("a b/ç.md"), "a%20b/%C3%A7.md");
        assert_eq!(file_uri(Path::new("/tmp/x y"), true), "file:///tmp/x%20y/");
        assert_eq!(sentence("No dot"), "No dot.");
        assert_eq!(normalize("  A\n  b "), "a b");
    }
}
