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
    let r = |s: usize, e: usize| range(text, a.lines(), s, e, enc);
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
        code_description: help_href(f.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({ "rule": f.rule, "fix": fix })),
    }
}

/// The README link of a rule, parsed once per rule.
fn help_href(rule: &str) -> Option<Uri> {
    type Links = std::collections::HashMap<String, Option<Uri>>;
    static LINKS: std::sync::Mutex<Option<Links>> = std::sync::Mutex::new(None);
    let mut links = LINKS.lock().unwrap_or_else(|e| e.into_inner());
    let links = links.get_or_insert_with(Links::new);
    if let Some(known) = links.get(rule) {
        return known.clone();
    }
    let uri: Option<Uri> = rules::help_uri(rule).parse().ok();
    links.insert(rule.to_string(), uri.clone());
    uri
}

fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
