//! CSV output (RFC 4180): one row per claim, for newsroom spreadsheets.

use crate::analysis::Analysis;
use std::io::Write;

/// Quotes a field when it holds a comma, a quote or a line break; quotes are doubled.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The header row of the claims table.
pub const CLAIMS_HEADER: &[&str] = &[
    "path",
    "published",
    "start_byte",
    "end_byte",
    "line",
    "column",
    "text",
    "min",
    "max",
    "qualifier",
    "noun",
    "measure",
    "time",
    "entities",
    "source",
    "attribution_kind",
    "named",
];

fn num(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Prints every claim of every file, one row each, after a header row.
pub fn print_claims(out: &mut dyn Write, files: &[(String, Analysis)]) -> std::io::Result<()> {
    writeln!(out, "{}", CLAIMS_HEADER.join(","))?;
    for (path, a) in files {
        let published = a
            .article
            .published
            .as_ref()
            .map(|p| p.display())
            .unwrap_or_default();
        for c in &a.claims {
            let lc = a
                .lines()
                .line_col(&a.text, c.span.start, crate::text::ColUnit::Char);
            let (source, kind, named) = match &c.attribution {
                Some(x) => (
                    x.source.as_str(),
                    x.kind.as_str(),
                    if x.named { "true" } else { "false" },
                ),
                None => ("", "", ""),
            };
            let row = [
                field(path),
                field(&published),
                c.span.start.to_string(),
                c.span.end.to_string(),
                (lc.line + 1).to_string(),
                (lc.col + 1).to_string(),
                field(c.span.slice(&a.text)),
                num(c.value.min),
                num(c.value.max),
                field(c.qualifier.as_deref().unwrap_or("")),
                field(c.noun.as_deref().unwrap_or("")),
                c.measure.as_str().to_string(),
                c.time
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                field(&c.entities.join("; ")),
                field(source),
                kind.to_string(),
                named.to_string(),
            ];
            writeln!(out, "{}", row.join(","))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("30,000 homes"), "\"30,000 homes\"");
        assert_eq!(field("the \"Ledger\""), "\"the \"\"Ledger\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn one_row_per_claim() {
        let a = Analysis::new(
            " date 2022-05-10 Police said 1,200 people were evacuated and 3 were hurt.",
        );
        let mut out = Vec::new();
        print_claims(&mut out, &[("a.txt".into(), a)]).expect("write");
        let s = String::from_utf8(out).expect("utf8");
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 3, "{s}");
        assert!(lines[1].contains("\"1,200 people\""), "{s}");
        assert!(lines[1].contains(",displaced,"), "{s}");
        assert!(lines[1].contains(",Police,said,true"), "{s}");
    }
}
