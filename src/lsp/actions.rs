//! Code actions: each finding's fix as a quick fix, and "Ignore this finding here".

use super::analyse::Snapshot;
use super::diagnostics::diagnostic;
use super::position::{range, Encoding};
use crate::text::Span;
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit,
};

/// The suppression line that silences `rule` on the next line.
pub fn suppression(rule: &str, markdown: bool) -> String {
    if markdown {
        format!("<!-- copydesk-disable-next-line {rule} -->\n")
    } else {
        format!("copydesk: ignore {rule}\n")
    }
}

/// True for Markdown documents (by extension or language id).
pub fn is_markdown(uri: &Uri, language_id: &str) -> bool {
    let p = uri.path().as_str().to_ascii_lowercase();
    language_id == "markdown" || p.ends_with(".md") || p.ends_with(".markdown")
}

fn edit(uri: &Uri, range: Range, new_text: String) -> WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), vec![TextEdit { range, new_text }]);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

/// The code actions for findings overlapping the bytes `want` (inclusive of touching ends).
pub fn code_actions(
    uri: &Uri,
    snap: &Snapshot,
    want: Span,
    markdown: bool,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let a = &snap.analysis;
    let text = a.text.as_str();
    let mut fixes = Vec::new();
    let mut ignores = Vec::new();
    for f in &snap.findings {
        let touches = f.span.start <= want.end && want.start <= f.span.end;
        if !touches {
            continue;
        }
        let diag = diagnostic(uri, snap, f, enc);
        if let Some(fix) = &f.fix {
            fixes.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag.clone()]),
                edit: Some(edit(
                    uri,
                    range(text, a.lines(), fix.span.start, fix.span.end, enc),
                    fix.replacement.clone(),
                )),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
        let line = a.lines().line_col(text, f.span.start, enc.unit()).line;
        let at = Position::new(u32::try_from(line).unwrap_or(u32::MAX), 0);
        ignores.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Ignore this finding here ({})", f.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag]),
            edit: Some(edit(uri, Range::new(at, at), suppression(f.rule, markdown))),
            is_preferred: Some(false),
            ..CodeAction::default()
        }));
    }
    fixes.extend(ignores);
    fixes
}
