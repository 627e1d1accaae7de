//! The comparison a reader sees for a figure, a date or a name: the same Markdown for
//! `copydesk compare` and the language server's hover.

use super::{ArticleSummary, Index};

/// Rows shown in one table; the rest are counted ("… and 12 more sources").
pub const MAX_ROWS: usize = 50;

/// The line that says how many rows were left out, if any.
fn more(total: usize) -> String {
    if total > MAX_ROWS {
        format!("\n… and {} more sources\n", total - MAX_ROWS)
    } else {
        String::new()
    }
}

/// Article-controlled text in a table cell or heading: escaped for Markdown and HTML
/// ([`crate::escape::markdown`]; pipes included).
fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Owned(crate::escape::markdown(s))
}

fn date(a: &ArticleSummary) -> String {
    a.published
        .map_or_else(|| "unknown".to_string(), |d| d.to_string())
}

fn measure_words(measure: &str) -> &str {
    match measure {
        "count" | "other" => "",
        m => m,
    }
}

/// The comparison Markdown for whatever sits at byte `offset` of `this` (a figure, a date or a
/// name), or None when nothing comparable is there.
pub fn markdown_at(
    index: &Index,
    this: &ArticleSummary,
    offset: usize,
    window_days: i64,
) -> Option<String> {
    let inside = |(s, e): (usize, usize)| s <= offset && offset <= e;
    if let Some(c) = this.claims.iter().find(|c| inside(c.span)) {
        let mut md = format!("**{}**", cell(&c.text));
        let m = measure_words(&c.measure);
        if !m.is_empty() {
            md.push_str(&format!(" ({m})"));
        }
        match &c.source {
            Some(s) => md.push_str(&format!(
                " — according to {}{}\n\n",
                cell(s),
                if c.named { "" } else { " (a vague source)" }
            )),
            None => md.push_str(" — no source given in this article\n\n"),
        }
        let matches = index.claim_matches(this, c, window_days);
        if matches.is_empty() {
            md.push_str("No other source in the workspace reports this figure.\n");
            return Some(md);
        }
        md.push_str("| Outlet | Published | Their figure | Attributed to | Verdict |\n|---|---|---|---|---|\n");
        for m in matches.iter().take(MAX_ROWS) {
            let w = measure_words(&m.claim.measure);
            let fig = if w.is_empty() {
                cell(&m.claim.text).into_owned()
            } else {
                format!("{} {w}", cell(&m.claim.text))
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                cell(&m.article.outlet),
                date(m.article),
                fig,
                m.claim
                    .source
                    .as_deref()
                    .map_or(std::borrow::Cow::Borrowed("no source"), cell),
                m.verdict.label()
            ));
        }
        md.push_str(&more(matches.len()));
        return Some(md);
    }
    if let Some(e) = this.events.iter().find(|e| inside(e.span)) {
        let mut md = format!(
            "**{}** = {}\n\n",
            cell(&e.text),
            e.date.format("%A, %-d %B %Y")
        );
        let matches = index.event_matches(this, e, window_days);
        if matches.is_empty() {
            md.push_str("No other source in the workspace dates this event.\n");
            return Some(md);
        }
        md.push_str("| Outlet | Published | Their date | Verdict |\n|---|---|---|---|\n");
        for m in matches.iter().take(MAX_ROWS) {
            md.push_str(&format!(
                "| {} | {} | {} ({}) | {} |\n",
                cell(&m.article.outlet),
                date(m.article),
                cell(&m.event.text),
                m.event.date.format("%Y-%m-%d"),
                m.verdict.label()
            ));
        }
        md.push_str(&more(matches.len()));
        return Some(md);
    }
    if let Some(n) = this.names.iter().find(|n| inside(n.span)) {
        let mut md = format!("**{}**", cell(&n.name));
        if let Some(t) = &n.title {
            md.push_str(&format!(", {}", cell(t)));
        }
        md.push_str("\n\n");
        let uses: Vec<_> = index
            .name_uses(this, &n.name, window_days)
            .into_iter()
            .filter(|u| u.article.path != this.path)
            .collect();
        if uses.is_empty() {
            md.push_str("No other source in the workspace names this person.\n");
            return Some(md);
        }
        md.push_str("| Outlet | Published | Name | Title |\n|---|---|---|---|\n");
        for u in uses.iter().take(MAX_ROWS) {
            let spelled = if u.name.name == n.name {
                cell(&u.name.name).into_owned()
            } else {
                format!("**{}** (spelled differently)", cell(&u.name.name))
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&u.article.outlet),
                date(u.article),
                spelled,
                u.name
                    .title
                    .as_deref()
                    .map_or(std::borrow::Cow::Borrowed("—"), cell)
            ));
        }
        md.push_str(&more(uses.len()));
        return Some(md);
    }
    None
}
