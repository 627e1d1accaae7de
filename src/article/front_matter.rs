//! YAML (`---`) and TOML (`+++`) front matter: the publication date and outlet keys.
//!
//! Only top-level `key: value` pairs are read; a block that cannot be read is reported as a
//! [`HeaderProblem`] and never stops the analysis.

use super::{DateSource, HeaderProblem, Precision, Published};
use crate::text::Span;
use chrono::NaiveDate;

/// Keys that hold the publication date, in order of preference.
pub const DATE_KEYS: &[&str] = &["date", "published", "publishDate", "pubDate", "dateline"];

/// Front-matter keys naming the outlet, in the order they are looked up.
pub const OUTLET_KEYS: &[&str] = &["outlet", "source", "publisher"];

/// Front-matter keys naming who wrote the article.
pub const BYLINE_KEYS: &[&str] = &["author", "byline"];

/// The syntax of a front-matter block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatterFormat {
    /// `---` fenced YAML.
    Yaml,
    /// `+++` fenced TOML.
    Toml,
}

/// A front-matter block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole block, fences included (and the newline after the closing fence).
    pub span: Span,
    /// YAML or TOML.
    pub format: FrontMatterFormat,
    /// Top-level scalar fields: key, value (unquoted), span of the value.
    pub fields: Vec<(String, String, Span)>,
    /// The publication date, when a date key holds a readable date.
    pub published: Option<Published>,
    /// True when a date key is present (even if unreadable).
    pub has_date_key: bool,
    /// What could not be read.
    pub problems: Vec<HeaderProblem>,
}

impl FrontMatter {
    /// The value of a top-level key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v, _)| v.as_str())
    }
}

/// Finds and reads the front-matter block at the very start of `text`.
pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text.get(start..)?;
    let (fence, format) = if rest.starts_with("---") {
        ("---", FrontMatterFormat::Yaml)
    } else if rest.starts_with("+++") {
        ("+++", FrontMatterFormat::Toml)
    } else {
        return None;
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != fence {
        return None;
    }
    let content_start = start + first_line_end;
    // find the closing fence line
    let mut pos = content_start;
    let mut close = None;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..line_end].trim_end();
        if line == fence || (format == FrontMatterFormat::Yaml && line == "...") {
            close = Some((pos, line_end));
            break;
        }
        pos = line_end;
    }
    let mut fm = FrontMatter {
        span: Span::new(start, text.len()),
        format,
        fields: Vec::new(),
        published: None,
        has_date_key: false,
        problems: Vec::new(),
    };
    let Some((content_end, block_end)) = close else {
        fm.problems.push(HeaderProblem {
            message: format!("The front matter opened with '{fence}' is never closed: add a '{fence}' line after it. The file is read as text without a publication date."),
            span: Span::new(start, start + 3),
        });
        return Some(fm);
    };
    fm.span = Span::new(start, block_end);
    match format {
        FrontMatterFormat::Yaml => read_yaml(text, Span::new(content_start, content_end), &mut fm),
        FrontMatterFormat::Toml => read_toml(text, Span::new(content_start, content_end), &mut fm),
    }
    find_date(&mut fm);
    Some(fm)
}

fn read_yaml(text: &str, content: Span, fm: &mut FrontMatter) {
    let mut pos = content.start;
    let mut line_no = 1;
    while pos < content.end {
        let line_end = text[pos..content.end]
            .find('\n')
            .map_or(content.end, |i| pos + i + 1);
        let raw = &text[pos..line_end];
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        line_no += 1;
        let here = pos;
        pos = line_end;
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || line.starts_with([' ', '\t'])
            || trimmed.starts_with("- ")
            || trimmed == "-"
        {
            continue; // blank, comment, nested value or list item
        }
        let Some(colon) = line.find(':') else {
            fm.problems.push(HeaderProblem {
                message: format!(
                    "Front matter line {line_no} ('{}') is not a 'key: value' pair.",
                    shorten(line)
                ),
                span: Span::new(here, here + line.len()),
            });
            continue;
        };
        let key = line[..colon].trim();
        if key.is_empty() || key.contains(' ') && !key.starts_with(['"', '\'']) {
            fm.problems.push(HeaderProblem {
                message: format!(
                    "Front matter line {line_no} ('{}') has no valid key before ':'.",
                    shorten(line)
                ),
                span: Span::new(here, here + line.len()),
            });
            continue;
        }
        let key = key.trim_matches(['"', '\'']);
        let after = &line[colon + 1..];
        let lead = after.len() - after.trim_start().len();
        let mut vstart = here + colon + 1 + lead;
        let mut value = after.trim();
        // strip a trailing comment
        if let Some(h) = value.find(" #") {
            if !value.starts_with(['"', '\'']) {
                value = value[..h].trim_end();
            }
        }
        let quoted = value.len() >= 2
            && ((value.starts_with('"') && value.ends_with('"'))
                || (value.starts_with('\'') && value.ends_with('\'')));
        if value.starts_with(['"', '\'']) && !quoted {
            fm.problems.push(HeaderProblem {
                message: format!("Front matter line {line_no}: the value of '{key}' opens a quote that is never closed."),
                span: Span::new(vstart, vstart + value.len()),
            });
            continue;
        }
        if quoted {
            value = &value[1..value.len() - 1];
            vstart += 1;
        }
        fm.fields.push((
            key.to_string(),
            value.to_string(),
            Span::new(vstart, vstart + value.len()),
        ));
    }
}

fn read_toml(text: &str, content: Span, fm: &mut FrontMatter) {
    let src = content.slice(text);
    match src.parse::<toml::Table>() {
        Ok(table) => {
            for (k, v) in &table {
                let value = match v {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::Integer(i) => i.to_string(),
                    toml::Value::Float(f) => f.to_string(),
                    toml::Value::Boolean(b) => b.to_string(),
                    _ => continue,
                };
                let span = locate_toml_value(text, content, k, &value);
                fm.fields.push((k.clone(), value, span));
            }
        }
        Err(e) => {
            let span = e
                .span()
                .map_or(Span::new(content.start, content.start), |r| {
                    Span::new(content.start + r.start, content.start + r.end)
                });
            let msg = e.message().trim().to_string();
            fm.problems.push(HeaderProblem {
                message: format!("The TOML front matter could not be read: {msg}."),
                span,
            });
        }
    }
}

fn locate_toml_value(text: &str, content: Span, key: &str, value: &str) -> Span {
    let src = content.slice(text);
    for (i, line) in line_starts(src) {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                if let Some(v) = line.find(value) {
                    let s = content.start + i + v;
                    return Span::new(s, s + value.len());
                }
            }
        }
    }
    Span::new(content.start, content.start)
}

fn line_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    s.split_inclusive('\n').map(move |l| {
        let p = pos;
        pos += l.len();
        (p, l.trim_end())
    })
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(40).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

fn find_date(fm: &mut FrontMatter) {
    for key in DATE_KEYS {
        let Some((k, v, span)) = fm
            .fields
            .iter()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(key))
            .cloned()
        else {
            continue;
        };
        fm.has_date_key = true;
        match parse_date_value(&v) {
            Some((date, precision, len)) => {
                fm.published = Some(Published {
                    date,
                    precision,
                    span: Span::new(span.start, span.start + len),
                    source: DateSource::FrontMatter(k),
                });
            }
            None => fm.problems.push(HeaderProblem {
                message: format!("Front matter '{k}: {v}' is not a date (expected YYYY-MM-DD or an RFC 3339 date-time such as 2020-10-08T09:30:00Z), so date checks that need the publication date are skipped."),
                span,
            }),
        }
        return;
    }
}

/// Reads `YYYY-MM-DD`, `YYYY-MM` or an RFC 3339 / `YYYY-MM-DD HH:MM` date-time; returns the date,
/// its precision and the length of the date part.
pub(crate) fn parse_date_value(v: &str) -> Option<(NaiveDate, Precision, usize)> {
    let v = v.trim();
    if v.len() >= 10 {
        let d = v.get(..10)?;
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
        let rest = &v[10..];
        if rest.is_empty() {
            return Some((date, Precision::Day, 10));
        }
        if (rest.starts_with('T') || rest.starts_with(' '))
            && chrono::DateTime::parse_from_rfc3339(&v.replacen(' ', "T", 1)).is_ok()
        {
            return Some((date, Precision::Day, 10));
        }
        if chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M").is_ok()
            || chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").is_ok()
            || chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M:%S").is_ok()
            || chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").is_ok()
        {
            return Some((date, Precision::Day, 10));
        }
        return None;
    }
    if v.len() == 7 {
        let date = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok()?;
        return Some((date, Precision::Month, 7));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_with_date_and_outlet() {
        let t = "---\ntitle: \"A: title\"\ndate: 2020-10-08T09:30:00Z\noutlet: Wire\n---\nBody.";
        let fm = parse(t).expect("front matter");
        let p = fm.published.as_ref().map(|p| p.date.to_string());
        assert_eq!(p.as_deref(), Some("2020-10-08"));
        assert_eq!(fm.get("outlet"), Some("Wire"));
        assert!(fm.problems.is_empty());
        assert_eq!(
            fm.published.map(|p| p.span.slice(t).to_string()).as_deref(),
            Some("2020-10-08")
        );
    }

    #[test]
    fn toml_front_matter() {
        let t = "+++\ntitle = \"x\"\npubDate = 2021-06-30\n+++\nBody.";
        let fm = parse(t).expect("front matter");
        assert_eq!(
            fm.published.map(|p| p.date.to_string()).as_deref(),
            Some("2021-06-30")
        );
    }

    #[test]
    fn malformed_front_matter_is_reported() {
        let fm = parse("---\ndate: yesterday\n---\n").expect("fm");
        assert!(fm.published.is_none());
        assert_eq!(fm.problems.len(), 1);
        let fm = parse("---\ndate: 2020-01-01\n").expect("fm");
        assert!(fm.problems[0].message.contains("never closed"));
        let fm = parse("+++\ndate = = 3\n+++\n").expect("fm");
        assert!(fm.problems[0].message.contains("TOML"));
        let fm = parse("---\ntitle: \"open\n---\n").expect("fm");
        assert!(fm.problems[0].message.contains("quote"));
    }
}
