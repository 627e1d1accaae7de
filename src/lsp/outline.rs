//! Inlay hints (resolved dates after relative expressions) and document symbols (dated events).

use super::hover::{resolution_text, value_text};
use super::position::{range, Encoding};
use crate::analysis::Analysis;
use crate::text::Span;
use crate::time::{Kind, Value};
use tower_lsp_server::ls_types::{
    DocumentSymbol, InlayHint, InlayHintLabel, InlayHintTooltip, SymbolKind,
};

fn iso(v: &Value) -> Option<String> {
    match v {
        Value::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
        Value::Range(a, b) => Some(format!("{}…{}", a.format("%Y-%m-%d"), b.format("%m-%d"))),
        _ => None,
    }
}

/// Inlay hints in the bytes `want`: the resolved date after each weekday or relative expression.
pub fn inlay_hints(a: &Analysis, want: Span, enc: Encoding) -> Vec<InlayHint> {
    a.dates
        .iter()
        .filter(|t| matches!(t.kind, Kind::Weekday | Kind::Relative))
        .filter(|t| t.span.end >= want.start && t.span.start <= want.end)
        .filter_map(|t| {
            let label = iso(&t.value)?;
            Some(InlayHint {
                position: range(&a.text, a.lines(), t.span.end, t.span.end, enc).end,
                label: InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(
                    resolution_text(t.resolution).to_string(),
                )),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

/// The article's dated events as an outline: one symbol per calendar expression, spanning its
/// sentence.
#[allow(deprecated)]
pub fn document_symbols(a: &Analysis, enc: Encoding) -> Vec<DocumentSymbol> {
    let text = a.text.as_str();
    a.dates
        .iter()
        .filter(|t| t.kind != Kind::Time)
        .filter_map(|t| {
            let detail = value_text(&t.value)?;
            let outer = t
                .sentence
                .and_then(|i| a.article.sentences.get(i))
                .map_or(t.span, |s| s.span.cover(t.span));
            Some(DocumentSymbol {
                name: t.span.slice(text).to_string(),
                detail: Some(detail),
                kind: SymbolKind::EVENT,
                tags: None,
                deprecated: None,
                range: range(text, a.lines(), outer.start, outer.end, enc),
                selection_range: range(text, a.lines(), t.span.start, t.span.end, enc),
                children: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_gets_an_inlay_hint_and_a_symbol() {
        let text = " date 2020-10-10 Officials met on Thursday to talk.\n";
        let a = Analysis::new(text);
        let hints = inlay_hints(&a, Span::new(0, text.len()), Encoding::Utf16);
        assert!(
            hints
                .iter()
                .any(|h| matches!(&h.label, InlayHintLabel::String(s) if s == "2020-10-08")),
            "{hints:?}"
        );
        let syms = document_symbols(&a, Encoding::Utf16);
        assert!(syms.iter().any(|s| s.name == "Thursday"), "{syms:?}");
    }
}
