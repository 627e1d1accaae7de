//! The Markdown structure of an article body, read with pulldown-cmark: which bytes are not
//! prose (code spans, inline and block HTML tags, link targets, images, setext underlines) and
//! where a Markdown block (heading, list item, block quote) starts, so the paragraph splitter
//! opens a new paragraph there.
//!
//! Plain-text wire copy is read the same way; two Markdown readings that would swallow its prose
//! are left out on purpose: an indented paragraph stays prose (wire copy indents paragraphs, so an
//! indented code block is not treated as code), and a fenced block is found by the paragraph
//! splitter itself, line by line.

use crate::text::Span;
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

/// What pulldown-cmark tells the paragraph splitter about one body.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Structure {
    /// Byte spans that are not prose, sorted and not overlapping.
    pub not_prose: Vec<Span>,
    /// Offsets where a heading, list item or block quote starts, sorted.
    pub block_starts: Vec<usize>,
}

/// Reads the Markdown structure of `text[body]`; every span and offset points into `text`.
pub(super) fn read(text: &str, body: Span) -> Structure {
    // `cargo bench --bench throughput`: pulldown-cmark was 7 % of it on plain wire copy, where
    // it finds nothing this function keeps
    if text.get(body.start..body.end).is_some_and(plain) {
        return Structure::default();
    }
    parse(text, body)
}

/// True when `src` holds nothing [`parse`] keeps: no byte that opens a code span, an HTML tag
/// or block, a link, an image, a block quote or an ATX heading (`` ` `` `<` `[` `>` `#`), and
/// no line whose first character after spaces and tabs may be a list marker or a setext
/// underline (`-` `+` `*` `=` or a digit). Lines end at `\n` or `\r`, as in CommonMark.
fn plain(src: &str) -> bool {
    let b = src.as_bytes();
    if memchr::memchr3(b'`', b'<', b'[', b).is_some() || memchr::memchr2(b'>', b'#', b).is_some() {
        return false;
    }
    let marker = |from: usize| {
        let first = b
            .get(from..)
            .and_then(|rest| rest.iter().find(|&&c| c != b' ' && c != b'\t'));
        first.is_some_and(|&c| matches!(c, b'-' | b'+' | b'*' | b'=') || c.is_ascii_digit())
    };
    !marker(0) && !memchr::memchr2_iter(b'\n', b'\r', b).any(|i| marker(i + 1))
}

/// [`read`] by pulldown-cmark's events.
fn parse(text: &str, body: Span) -> Structure {
    let src = &text[body.start..body.end];
    let mut out = Structure::default();
    let base = body.start;
    let at = |r: &std::ops::Range<usize>| Span::new(base + r.start, base + r.end);
    // the link or image being read: where its label text ends so far
    let mut links: Vec<(Span, usize, bool)> = Vec::new();
    for (event, range) in Parser::new(src).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                out.block_starts.push(base + range.start);
                setext_underline(src, &range, base, &mut out.not_prose);
            }
            Event::Start(Tag::Item) | Event::Start(Tag::BlockQuote(_)) => {
                out.block_starts.push(base + range.start);
            }
            Event::Code(_) if src.get(range.clone()).is_none_or(|s| !tex_quote(s)) => {
                out.not_prose.push(at(&range))
            }
            Event::InlineHtml(_) | Event::Html(_) => tags(src, &range, base, &mut out.not_prose),
            Event::Start(Tag::Link { link_type, .. }) => {
                let whole = matches!(link_type, LinkType::Autolink | LinkType::Email);
                links.push((at(&range), base + range.start, whole));
            }
            Event::Start(Tag::Image { .. }) => {
                // an image is no prose at all: its alt text describes a picture
                out.not_prose.push(at(&range));
                links.push((at(&range), base + range.start, true));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((span, label_end, whole)) = links.pop() {
                    let from = if whole { span.start } else { label_end };
                    // `](https://…)` or `][ref]`: the target, never the label
                    if from < span.end {
                        out.not_prose.push(Span::new(from, span.end));
                    }
                }
            }
            _ => {}
        }
        // the label of the innermost open link reaches at least this far
        if let Some(open) = links.last_mut() {
            let end = base + range.end;
            if end < open.0.end {
                open.1 = open.1.max(end);
            }
        }
    }
    wire_codes(src, base, &mut out.not_prose);
    out.not_prose.sort_by_key(|s| (s.start, s.end));
    out.not_prose = merge(std::mem::take(&mut out.not_prose));
    out.block_starts.sort_unstable();
    out.block_starts.dedup();
    out
}

/// Wire copy quotes ``like this'' (and `nested ones' inside): backticks open, apostrophes
/// close. Markdown reads the stretch from one opening to the next as a code span; when it holds
/// a closing apostrophe it is quoted prose, not code.
fn tex_quote(span: &str) -> bool {
    span.starts_with('`') && span.contains('\'')
}

/// The `<…>` tags inside an HTML event's range (the text between tags stays prose).
fn tags(src: &str, range: &std::ops::Range<usize>, base: usize, out: &mut Vec<Span>) {
    let Some(s) = src.get(range.clone()) else {
        return;
    };
    let mut i = 0;
    while let Some(open) = memchr::memchr(b'<', &s.as_bytes()[i..]) {
        let a = i + open;
        let Some(close) = memchr::memchr(b'>', &s.as_bytes()[a..]) else {
            break;
        };
        let b = a + close + 1;
        let at = base + range.start;
        if s.get(a + 1..b - 1).is_some_and(bracketed_name) {
            // only the brackets go: the name inside is prose
            out.push(Span::new(at + a, at + a + 1));
            out.push(Span::new(at + b - 1, at + b));
        } else {
            out.push(Span::new(at + a, at + b));
        }
        i = b;
    }
}

/// True when what stands between `<` and `>` is a name the wire put in angle brackets
/// (`<Velmar Group Inc>`, `<Ostrin and Co>`), not an HTML tag: a capital first, a small letter
/// somewhere, and only the letters, digits, spaces and punctuation of a name (no `=`, `/` or
/// quote, which every tag with attributes or a closing slash has). HTML writes its own tags in
/// small letters.
fn bracketed_name(inner: &str) -> bool {
    inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner.bytes().any(|c| c.is_ascii_lowercase())
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '&' | '\'' | '-'))
}

/// The longest wire code inside angle brackets, brackets aside (`<VLMR.N>`).
const WIRE_CODE: usize = 12;

/// Wire codes in angle brackets (`<VLMR>`, `<VLMR.N>`, `<VLM.AS>`: capitals, digits and dots,
/// a capital first): markup of the wire's, no prose, whether or not it reads as an HTML tag
/// (a dot makes it none, so pulldown-cmark leaves it in the text).
fn wire_codes(src: &str, base: usize, out: &mut Vec<Span>) {
    let b = src.as_bytes();
    for open in memchr::memchr_iter(b'<', b) {
        let inner = b
            .get(open + 1..)
            .unwrap_or_default()
            .iter()
            .take(WIRE_CODE + 1)
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'.')
            .count();
        let first = b.get(open + 1).is_some_and(u8::is_ascii_uppercase);
        if first && inner <= WIRE_CODE && b.get(open + 1 + inner) == Some(&b'>') {
            out.push(Span::new(base + open, base + open + inner + 2));
        }
    }
}

/// The `====` or `----` line under a setext heading.
fn setext_underline(src: &str, range: &std::ops::Range<usize>, base: usize, out: &mut Vec<Span>) {
    let Some(s) = src.get(range.clone()) else {
        return;
    };
    let trimmed = s.trim_end();
    let line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let last = trimmed[line_start..].trim();
    if line_start > 0 && !last.is_empty() && last.bytes().all(|b| b == b'=' || b == b'-') {
        out.push(Span::new(
            base + range.start + line_start,
            base + range.start + trimmed.len(),
        ));
    }
}

/// Sorted spans with overlaps merged.
pub(super) fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// `text` with the bytes of `spans` replaced by spaces, so that byte offsets stay the same.
pub(crate) fn mask<'a>(text: &'a str, spans: &[Span]) -> std::borrow::Cow<'a, str> {
    if spans.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        if let Some(b) = bytes.get_mut(s.start..s.end) {
            // keep line breaks, so lines and paragraphs stay where they were
            b.iter_mut()
                .filter(|c| **c != b'\n')
                .for_each(|c| *c = b' ');
        }
    }
    // every masked span starts and ends on a char boundary (pulldown-cmark's ranges do), and
    // the bytes inside became ASCII spaces, so the text stays UTF-8
    String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_prose(md: &str) -> Vec<&str> {
        read(md, Span::new(0, md.len()))
            .not_prose
            .iter()
            .map(|s| s.slice(md))
            .collect()
    }

    #[test]
    fn code_spans_and_link_targets_are_not_prose() {
        let md =
            "Type `rm 12 files` and see [the 2019 report](https://example.org/2019/05/40-dead).";
        assert_eq!(
            not_prose(md),
            vec!["`rm 12 files`", "](https://example.org/2019/05/40-dead)"]
        );
    }

    #[test]
    fn wire_quotes_with_backticks_stay_prose() {
        let md = "He said ``we will return'' on Friday and ``stay until May 3,'' she added.";
        assert!(not_prose(md).is_empty(), "{:?}", not_prose(md));
        assert_eq!(not_prose("Run ``ls -l`` now."), vec!["``ls -l``"]);
        let nested = "``Say `we stay,' then go,'' he said. ``Fine.''";
        assert!(not_prose(nested).is_empty(), "{:?}", not_prose(nested));
    }

    #[test]
    fn html_tags_go_and_their_words_stay() {
        let md = "About <b>30 people</b> came.\n\n<div class=\"x9\">\nSome 20 left.\n</div>\n";
        let np = not_prose(md);
        assert!(np.contains(&"<b>") && np.contains(&"</b>"), "{np:?}");
        assert!(np
            .iter()
            .all(|s| !s.contains("30") && !s.contains("20 left")));
    }

    #[test]
    fn wire_codes_in_angle_brackets_are_not_prose() {
        let md = "KELVARO <KLV.N> SETS PAYOUT\n\nKelvaro Inc <KLV.N> and Ostrin <OSTR> said 3 < 4 \
                  and 5 > 2.";
        let np = not_prose(md);
        assert_eq!(np, vec!["<KLV.N>", "<KLV.N>", "<OSTR>"]);
    }

    #[test]
    fn names_in_angle_brackets_keep_their_words() {
        let md = "Shares of <Velmar Group Inc> rose, said <b>Tessaly</b> and <Ostrin and Co>.";
        let np = not_prose(md);
        assert_eq!(np, vec!["<", ">", "<b>", "</b>", "<", ">"]);
        // tags with attributes or a slash stay markup, whatever their case
        let tag = "A <Chart data=\"x\"/> and <Note />.";
        assert_eq!(not_prose(tag), vec!["<Chart data=\"x\"/>", "<Note />"]);
    }

    #[test]
    fn images_and_autolinks_are_not_prose() {
        let md = "See ![a crowd of 500](pic.jpg) and <https://example.org/7>.";
        let np = not_prose(md);
        assert_eq!(
            np,
            vec!["![a crowd of 500](pic.jpg)", "<https://example.org/7>"]
        );
    }

    #[test]
    fn indented_paragraphs_stay_prose() {
        let md = "    Twelve people were hurt, police said.\n";
        assert!(not_prose(md).is_empty());
    }

    #[test]
    fn list_items_and_headings_start_blocks() {
        let md = "Intro line\n1. first item\n2. second item\n\nTitle\n=====\n";
        let s = read(md, Span::new(0, md.len()));
        let starts: Vec<&str> = s
            .block_starts
            .iter()
            .map(|&o| md[o..].lines().next().unwrap_or(""))
            .collect();
        assert_eq!(starts, vec!["1. first item", "2. second item", "Title"]);
        assert_eq!(
            s.not_prose.iter().map(|x| x.slice(md)).collect::<Vec<_>>(),
            vec!["====="]
        );
    }

    #[test]
    fn plain_text_skips_the_parser_with_the_same_structure() {
        // every text the fast path takes, pulldown-cmark reads as nothing kept; a small
        // generator over the characters that matter, lines ending in \n, \r and \r\n
        let alphabet: &[&str] = &[
            "a",
            "Bo",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\n\n",
            "-",
            "+",
            "*",
            "=",
            "1",
            "7.",
            "3)",
            "#",
            ">",
            "`",
            "<",
            "[",
            "]",
            "(",
            ")",
            "!",
            "~~~",
            "___",
            "_",
            "\\",
            "&amp;",
            "|",
            "é",
            "\u{a0}",
            ":",
            "http://x.org",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut taken, mut total) = (0, 0);
        for _ in 0..20_000 {
            let n = 1 + next() % 12;
            let text: String = (0..n)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            total += 1;
            if plain(&text) {
                taken += 1;
                let body = Span::new(0, text.len());
                assert_eq!(parse(&text, body), Structure::default(), "{text:?}");
            }
        }
        assert!(taken > total / 20, "{taken} of {total}");
    }

    #[test]
    fn plain_wire_copy_takes_the_fast_path() {
        assert!(plain(
            "VELSHARO, Paraguay - Twelve people were hurt.\n\nPolice said so."
        ));
        assert!(!plain("Intro\n - a list item"));
        assert!(!plain("Intro\r2. an item after a carriage return"));
        assert!(!plain("Title\n====="));
        assert!(!plain("See [the report](x)."));
    }

    #[test]
    fn masking_keeps_offsets_and_lines() {
        let md = "a `b\u{e9}c` d\ne";
        let spans = not_prose(md);
        assert_eq!(spans.len(), 1);
        let masked = mask(md, &read(md, Span::new(0, md.len())).not_prose);
        assert_eq!(masked.len(), md.len());
        assert_eq!(masked.as_ref(), "a        d\ne");
    }
}
