//! `--format json`: the stable schema, version 1.

use super::FileReport;
use serde_json::{json, Value};
use std::io::Write;

/// The JSON document for `reports`.
pub fn document(reports: &[FileReport]) -> Value {
    let files: Vec<Value> = reports.iter().map(file).collect();
    json!({"version": 1, "files": files})
}

/// The document's entry for one file.
fn file(r: &FileReport) -> Value {
    let text = &r.analysis.text;
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
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
        })
        .collect();
    json!({
        "path": r.path,
        "published": r.analysis.article.published.as_ref().map(|p| p.display()),
        "findings": findings,
    })
}

/// The document, serialized one file at a time (a workspace of 30,000 articles is not held
/// as one JSON value); the bytes are those of [`document`].
struct Document<'a>(&'a [FileReport]);

/// The `files` array of a [`Document`].
struct Files<'a>(&'a [FileReport]);

impl serde::Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("version", &1)?;
        m.serialize_entry("files", &Files(self.0))?;
        m.end()
    }
}

impl serde::Serialize for Files<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(&file(r))?;
        }
        seq.end()
    }
}

/// Prints the document.
pub fn print(out: &mut dyn Write, reports: &[FileReport]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Document(reports))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    #[test]
    fn the_streamed_document_is_the_document() {
        let e = Engine::default();
        let reports: Vec<FileReport> = ["a.md", "b.md"]
            .iter()
            .map(|p| {
                let r = e.check(p, " date 2021-03-04 It sailed on Monday, March 2, 2021.\n");
                FileReport {
                    path: r.path,
                    analysis: std::sync::Arc::new(r.analysis),
                    findings: std::sync::Arc::new(r.findings),
                    fail_on: crate::rules::Severity::Warning,
                }
            })
            .collect();
        assert!(!reports[0].findings.is_empty());
        let mut streamed = Vec::new();
        print(&mut streamed, &reports).expect("print");
        let whole = serde_json::to_string_pretty(&document(&reports)).expect("json") + "\n";
        assert_eq!(String::from_utf8(streamed).expect("utf-8"), whole);
    }
}
