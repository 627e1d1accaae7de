//! `--format json`: the stable schema, version 1.

use super::FileReport;
use serde_json::{json, Value};
use std::io::Write;

/// The JSON document for `reports`.
pub fn document(reports: &[FileReport]) -> Value {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
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
        })
        .collect();
    json!({"version": 1, "files": files})
}

/// Prints the document.
pub fn print(out: &mut dyn Write, reports: &[FileReport]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(reports))?;
    writeln!(out)
}
