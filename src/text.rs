//! Text primitives shared by the whole core: byte spans, a word tokenizer and a line index.
//!
//! Everything in the core speaks in byte offsets into the original file text. The shells turn
//! them into lines and columns (characters, UTF-16 or UTF-8 units) with [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when `offset` lies inside the span (end exclusive).
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    /// The text under the span, or "" when the span does not fit the text.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes and hyphens between letters: "don't", "cease-fire").
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token of a sentence, with its byte span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    /// Token class.
    pub kind: TokKind,
    /// Exact text.
    pub text: &'a str,
    /// Byte span in the original text.
    pub span: Span,
}

impl<'a> Tok<'a> {
    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    /// The numeric value of a digit token.
    pub fn num(&self) -> Option<u64> {
        if self.kind == TokKind::Num && self.text.len() <= 12 {
            self.text.parse().ok()
        } else {
            None
        }
    }
    /// True when the token starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{2019}' || c == '\''
}

/// Splits `text[range]` into tokens; spans are absolute offsets into `text`.
pub fn tokenize(text: &str, range: Span) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(range.len() / 5 + 4);
    let Some(s) = text.get(range.start..range.end) else {
        return out;
    };
    let base = range.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok {
                kind: TokKind::Num,
                text: &s[start..i],
                span: Span::new(base + start, base + i),
            });
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_alphabetic() {
            let start = i;
            i += c.len_utf8();
            while i < bytes.len() {
                let Some(c2) = s[i..].chars().next() else {
                    break;
                };
                if c2.is_alphabetic() {
                    i += c2.len_utf8();
                } else if (c2 == '\'' || c2 == '\u{2019}' || c2 == '-') && {
                    let next = s[i + c2.len_utf8()..].chars().next();
                    next.is_some_and(|n| n.is_alphabetic())
                } {
                    // keep "don't", "cease-fire" together, but split "Oct-2" and "ex-"
                    if c2 == '-' {
                        // "jan-1" style: a hyphen followed by letters stays in the word
                    }
                    i += c2.len_utf8();
                } else {
                    break;
                }
            }
            // a trailing possessive "’s" is kept in the word; strip a trailing apostrophe
            let mut end = i;
            while end > start && matches!(s[..end].chars().last(), Some('\'') | Some('\u{2019}')) {
                end -= s[..end].chars().last().map_or(1, |c| c.len_utf8());
            }
            out.push(Tok {
                kind: TokKind::Word,
                text: &s[start..end],
                span: Span::new(base + start, base + end),
            });
            if end < i {
                out.push(Tok {
                    kind: TokKind::Punct,
                    text: &s[end..i],
                    span: Span::new(base + end, base + i),
                });
            }
            continue;
        }
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let _ = is_word_char;
        out.push(Tok {
            kind: TokKind::Punct,
            text: &s[i..i + len],
            span: Span::new(base + i, base + i + len),
        });
        i += len;
    }
    out
}

/// True when `b` directly follows `a` with nothing in between.
pub fn adjacent(a: &Tok, b: &Tok) -> bool {
    a.span.end == b.span.start
}

/// Maps byte offsets to 0-based lines and columns in several units.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

/// A 0-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 0-based line.
    pub line: usize,
    /// 0-based column in the unit asked for.
    pub col: usize,
}

/// The unit columns are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColUnit {
    /// Unicode scalar values (what a human counts; used by the CLI).
    Char,
    /// UTF-16 code units (LSP default, VS Code).
    Utf16,
    /// Bytes (LSP `utf-8` encoding).
    Utf8,
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The 0-based line and column of a byte offset (clamped to the text; snapped to a char boundary).
    pub fn line_col(&self, text: &str, offset: usize, unit: ColUnit) -> LineCol {
        let mut offset = offset.min(self.len).min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l.saturating_sub(1),
        };
        let start = self.starts[line].min(offset);
        let seg = text.get(start..offset).unwrap_or("");
        let col = match unit {
            ColUnit::Char => seg.chars().count(),
            ColUnit::Utf16 => seg.chars().map(char::len_utf16).sum(),
            ColUnit::Utf8 => seg.len(),
        };
        LineCol { line, col }
    }

    /// The byte offset of a 0-based line and column; out-of-range positions are clamped
    /// (past the last line → end of text; past the line end → end of line).
    pub fn offset(&self, text: &str, pos: LineCol, unit: ColUnit) -> usize {
        let Some(&start) = self.starts.get(pos.line) else {
            return text.len();
        };
        let end = self.starts.get(pos.line + 1).map_or(text.len(), |&e| e);
        let line_text = text.get(start..end).unwrap_or("");
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= pos.col || c == '\n' || c == '\r' {
                return start + i;
            }
            units += match unit {
                ColUnit::Char => 1,
                ColUnit::Utf16 => c.len_utf16(),
                ColUnit::Utf8 => c.len_utf8(),
            };
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_words_numbers_and_punctuation() {
        let t = "Oct. 17, 2020: cease-fire don't U.S.";
        let toks = tokenize(t, Span::new(0, t.len()));
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Oct",
                ".",
                "17",
                ",",
                "2020",
                ":",
                "cease-fire",
                "don't",
                "U",
                ".",
                "S",
                "."
            ]
        );
        assert_eq!(toks[2].span, Span::new(5, 7));
    }

    #[test]
    fn line_index_counts_utf16_and_chars() {
        let t = "Über\nNaghdalyan – 30";
        let idx = LineIndex::new(t);
        let off = t.find("30").unwrap_or(0);
        assert_eq!(
            idx.line_col(t, off, ColUnit::Char),
            LineCol { line: 1, col: 13 }
        );
        assert_eq!(
            idx.line_col(t, off, ColUnit::Utf16),
            LineCol { line: 1, col: 13 }
        );
        assert_eq!(
            idx.line_col(t, off, ColUnit::Utf8),
            LineCol { line: 1, col: 15 }
        );
        assert_eq!(
            idx.offset(t, LineCol { line: 1, col: 13 }, ColUnit::Utf16),
            off
        );
        assert_eq!(
            idx.offset(t, LineCol { line: 9, col: 0 }, ColUnit::Utf16),
            t.len()
        );
        assert_eq!(
            idx.offset(t, LineCol { line: 0, col: 99 }, ColUnit::Utf16),
            5
        );
    }
}
