//! Findings -> LSP diagnostics (and the `data` code actions read back).

use super::analyse::{Snapshot, Status};
use super::position::{range, Encoding};
use crate::rules::{self, Finding, Severity};
use serde_json::json;
use std::path::Path;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "copydesk";

/// The LSP severity of a core severity.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics of one analysis of the document at `uri`.
pub fn diagnostics(uri: &Uri, snap: &Snapshot, enc: Encoding) -> Vec<Diagnostic> {
    if let Status::TooLarge(n) = snap.status {
        return vec![Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::INFORMATION),
            source: Some(SOURCE.to_string()),
            message: format!(
                "copydesk did not check this file: it is {n} bytes, more than the limit (maxFileBytes)"
            ),
            ..Diagnostic::default()
        }];
    }
    snap.findings
        .iter()
        .map(|f| diagnostic(uri, snap, f, enc))
        .collect()
}

/// One finding as a diagnostic.
pub fn diagnostic(uri: &Uri, snap: &Snapshot, f: &Finding, enc: Encoding) -> Diagnostic {
    let a = &snap.analysis;
    let text = a.text.as_str();
    let r = |s: usize, e: usize| range(text, &a.lines, s, e, enc);
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|rel| {
            let location = match &rel.path {
                None => Location::new(uri.clone(), r(rel.span.start, rel.span.end)),
                Some(p) => {
                    let other = Uri::from_file_path(Path::new(p))?;
                    let (l, c) = rel.line_col.unwrap_or((0, 0));
                    let pos = Position::new(sat(l), sat(c));
                    Location::new(other, Range::new(pos, pos))
                }
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: rel.message.clone(),
            })
        })
        .collect();
    let fix = f.fix.as_ref().map(|x| {
        json!({
            "title": x.title,
            "replacement": x.replacement,
            "range": r(x.span.start, x.span.end),
        })
    });
    Diagnostic {
        range: r(f.span.start, f.span.end),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: rules::help_uri(f.rule)
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({ "rule": f.rule, "fix": fix })),
    }
}

fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
