//! The hover's "Show story timeline" link: a `command:copydesk.showTimeline?…` link under a
//! figure's comparison table, which the VS Code extension trusts for this command only and
//! answers with `copydesk report --figure` in a webview.

use crate::analysis::Analysis;
use crate::text::ColUnit;
use std::path::Path;
use tower_lsp_server::ls_types::Uri;

/// `md` with the timeline link appended when `offset` is on a figure that other sources give
/// (`figure_with_sources`) and the document is a file.
pub fn with_link(
    mut md: String,
    figure_with_sources: bool,
    a: &Analysis,
    offset: usize,
    path: Option<&Path>,
) -> String {
    if let Some(link) = link(a, offset, path).filter(|_| figure_with_sources) {
        md.push_str("\n\n");
        md.push_str(&link);
    }
    md
}

fn link(a: &Analysis, offset: usize, path: Option<&Path>) -> Option<String> {
    let claim = a
        .claims
        .iter()
        .find(|c| c.span.start <= offset && offset <= c.span.end)?;
    let uri = Uri::from_file_path(path?)?;
    let lc = a.lines().line_col(&a.text, claim.span.start, ColUnit::Char);
    let args = serde_json::json!([{
        "uri": uri.as_str(),
        "line": lc.line,
        "character": lc.col,
    }]);
    Some(format!(
        "[Show story timeline](command:copydesk.showTimeline?{})",
        encode(&args.to_string())
    ))
}

/// Percent-encodes everything but unreserved characters (as `encodeURIComponent` does, and
/// so that no `)` or space ends the Markdown link early).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_names_the_figure_and_survives_markdown() {
        let text = " date 2024-03-04 The flood killed 60 people (officials said) in the valley.\n";
        let a = Analysis::new(text);
        let at = text.find("60").unwrap_or(0);
        let md = with_link(
            "| Outlet | x |".to_string(),
            true,
            &a,
            at,
            Some(Path::new("/news/a (draft).md")),
        );
        let link = md.lines().last().unwrap_or("");
        assert!(
            link.starts_with("[Show story timeline](command:copydesk.showTimeline?%5B%7B%22uri%22")
        );
        assert!(link.ends_with("%7D%5D)"), "{link}");
        assert_eq!(link.matches(')').count(), 1, "{link}");
        assert!(link.contains("%22line%22%3A0%2C%22character%22%3A"));
        // no other source, no file or no figure: no link
        let a_md = Some(Path::new("/a.md"));
        assert_eq!(with_link("x".into(), false, &a, at, a_md), "x");
        assert_eq!(with_link("x".into(), true, &a, at, None), "x");
        assert_eq!(with_link("x".into(), true, &a, 1, a_md), "x");
    }
}
