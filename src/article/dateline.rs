//! The ` date YYYY-MM-DD First paragraph…` header line.

use super::{DateSource, HeaderProblem, Precision, Published};
use crate::text::Span;
use chrono::NaiveDate;

/// A parsed dateline header.
pub(super) struct Dateline {
    /// From the start of the file to the end of the date value.
    pub header: Span,
    /// The date, or why it could not be read.
    pub published: Result<Published, HeaderProblem>,
}

/// Parses the header: optional leading whitespace, the word `date`, whitespace, then
/// `YYYY-MM-DD` or `YYYY-MM`, then (on the same line) the first paragraph.
pub(super) fn parse(text: &str) -> Option<Dateline> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // a UTF-8 byte-order mark is tolerated
    if text.starts_with('\u{feff}') {
        i = 3;
    }
    while i < bytes.len()
        && (bytes[i] == b' ' || bytes[i] == b'\t' || bytes[i] == b'\r' || bytes[i] == b'\n')
    {
        i += 1;
    }
    if !text.get(i..i + 4)?.eq_ignore_ascii_case("date") {
        return None;
    }
    i += 4;
    let ws = i;
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t' || bytes[i] == b':') {
        i += 1;
    }
    if i == ws {
        return None;
    }
    let start = i;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'-') {
        i += 1;
    }
    let value = &text[start..i];
    // must be followed by whitespace or the end of the text
    if i < bytes.len() && !bytes[i].is_ascii_whitespace() {
        return None;
    }
    let parts: Vec<&str> = value.split('-').collect();
    let shape_ok = match parts.as_slice() {
        [y, m] => y.len() == 4 && m.len() == 2,
        [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
        _ => false,
    };
    if !shape_ok {
        return None;
    }
    let span = Span::new(start, i);
    let num = |s: &str| s.parse::<u32>().ok();
    let y = parts[0].parse::<i32>().ok();
    let m = num(parts[1]);
    let (d, precision) = match parts.get(2) {
        Some(d) => (num(d), Precision::Day),
        None => (Some(1), Precision::Month),
    };
    let date = match (y, m, d) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    };
    let published = match date {
        Some(date) => Ok(Published { date, precision, span, source: DateSource::Dateline }),
        None => Err(HeaderProblem {
            message: format!("The dateline '{value}' is not a real date (expected YYYY-MM-DD or YYYY-MM), so date checks that need the publication date are skipped."),
            span,
        }),
    };
    Some(Dateline {
        header: Span::new(0, i),
        published,
    })
}
