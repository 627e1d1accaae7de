//! `--format json`: the stable schema, version 1.

use super::FileReport;
use crate::rules::Finding;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

/// The JSON document for `reports`.
pub fn document(reports: &[FileReport]) -> Value {
    let files: Vec<Value> = reports.iter().map(file).collect();
    json!({"version": 1, "files": files})
}

/// The document's entry for one file.
fn file(r: &FileReport) -> Value {
    let findings: Vec<Value> = r.findings.iter().map(|f| finding(r, f)).collect();
    json!({
        "path": r.path,
        "published": published(r),
        "findings": findings,
    })
}

/// The file's publication date as printed.
fn published(r: &FileReport) -> Option<String> {
    r.analysis.article.published.as_ref().map(|p| p.display())
}

/// One finding of a file.
fn finding(r: &FileReport, f: &Finding) -> Value {
    let text = &r.analysis.text;
    let (line, column) = r.line_col(f.span.start);
    let (end_line, end_column) = r.line_col(f.span.end);
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|rel| match &rel.path {
            None => {
                let (l, c) = r.line_col(rel.span.start);
                json!({"path": r.path, "line": l, "column": c, "message": rel.message})
            }
            Some(p) => {
                let (l, c) = rel.line_col.map_or((1, 1), |(l, c)| (l + 1, c + 1));
                json!({"path": p, "line": l, "column": c, "message": rel.message})
            }
        })
        .collect();
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start_byte": f.span.start,
        "end_byte": f.span.end,
        "text": f.span.slice(text),
        "fix": f.fix.as_ref().map(|x| json!({"replacement": x.replacement, "start_byte": x.span.start, "end_byte": x.span.end})),
        "related": related,
    })
}

/// Prints the document: the bytes of [`document`], written one file at a time (a workspace
/// of 30,000 articles is not held as one JSON value), and the findings of copies of one text
/// (one shared list) serialized once.
pub fn print(out: &mut dyn Write, reports: &[FileReport]) -> std::io::Result<()> {
    if reports.is_empty() {
        serde_json::to_writer_pretty(&mut *out, &document(reports))?;
        return writeln!(out);
    }
    out.write_all(b"{\n  \"version\": 1,\n  \"files\": [\n")?;
    let mut shared: HashMap<*const Vec<Finding>, Vec<u8>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        out.write_all(b"    {\n      \"path\": ")?;
        serde_json::to_writer(&mut *out, &r.path)?;
        out.write_all(b",\n      \"published\": ")?;
        serde_json::to_writer(&mut *out, &published(r))?;
        out.write_all(b",\n      \"findings\": ")?;
        // a related location without a path is in this file: its findings name the path
        let own_path = r
            .findings
            .iter()
            .any(|f| f.related.iter().any(|x| x.path.is_none()));
        let key = Arc::as_ptr(&r.findings);
        match shared.get(&key) {
            Some(bytes) if !own_path => out.write_all(bytes)?,
            _ => {
                let bytes = findings_bytes(r)?;
                out.write_all(&bytes)?;
                // kept only for a list that copies share (a workspace of distinct texts holds
                // none of its output)
                if !own_path && Arc::strong_count(&r.findings) > 1 {
                    shared.insert(key, bytes);
                }
            }
        }
        out.write_all(b"\n    }")?;
    }
    out.write_all(b"\n  ]\n}\n")
}

/// A file's findings array as [`document`] prints it (pretty, at the depth of a file's
/// fields).
fn findings_bytes(r: &FileReport) -> std::io::Result<Vec<u8>> {
    let v = Value::Array(r.findings.iter().map(|f| finding(r, f)).collect());
    let flat = serde_json::to_vec_pretty(&v)?;
    // a JSON string holds no raw newline: every newline starts a line to indent
    let mut bytes = Vec::with_capacity(flat.len() + flat.len() / 8);
    for b in flat {
        bytes.push(b);
        if b == b'\n' {
            bytes.extend_from_slice(b"      ");
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    #[test]
    fn the_streamed_document_is_the_document() {
        let e = Engine::default();
        let report = |path: &str, text: &str| {
            let r = e.check(path, text);
            FileReport {
                path: r.path,
                analysis: Arc::new(r.analysis),
                findings: Arc::new(r.findings),
                fail_on: crate::rules::Severity::Warning,
            }
        };
        let a = report(
            "a.md",
            " date 2021-03-04 The \"Dawn\" ferry carried 212 passengers.\n\nIt sailed on Monday, March 2, 2021.\n",
        );
        assert!(!a.findings.is_empty());
        // a copy shares the analysis and the findings
        let copy = FileReport {
            path: "copy/a.md".into(),
            analysis: a.analysis.clone(),
            findings: a.findings.clone(),
            fail_on: a.fail_on,
        };
        let mut plain = report("c.md", "No date here.\n");
        plain.findings = Arc::default();
        for reports in [vec![a, copy, plain], Vec::new()] {
            let mut streamed = Vec::new();
            print(&mut streamed, &reports).expect("print");
            let whole = serde_json::to_string_pretty(&document(&reports)).expect("json") + "\n";
            assert_eq!(String::from_utf8(streamed).expect("utf-8"), whole);
        }
    }
}
