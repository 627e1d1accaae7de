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
    /// Lexicon class bits of a word ([`crate::lexicon::class`]), 0 for other tokens.
    pub class: u32,
}

impl crate::lexicon::Classed for Tok<'_> {
    #[inline]
    fn class_bits(&self) -> u32 {
        self.class
    }
    #[inline]
    fn word(&self) -> &str {
        self.text
    }
}

impl<'a> Tok<'a> {
    /// A token of `kind` with the text `text` at `span` (a word's class is looked up).
    pub fn new(kind: TokKind, text: &'a str, span: Span) -> Tok<'a> {
        let class = if kind == TokKind::Word {
            crate::lexicon::classify(text)
        } else {
            0
        };
        Tok {
            kind,
            text,
            span,
            class,
        }
    }
    /// Case-insensitive comparison with an ASCII word.
    #[inline]
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
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(|c| c.is_uppercase()),
        }
    }
}

const OTHER: u8 = 0;
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const ALPHA: u8 = 3;

/// The tokenizer's class of every byte: ASCII whitespace, digit, letter, or anything else.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            ALPHA
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// The index of the first byte of `b` from `i` on that is not an ASCII letter, or `b.len()`:
/// eight bytes at a time.
#[inline]
fn skip_letters(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let v = u64::from_le_bytes(a);
        // each byte with 0x20 set and its high bit cleared is 0x00..=0x7F, so adding at most
        // 0x1F carries into no other byte; a letter is then 'a'..='z' and was ASCII
        let l = (v | (ONES * 0x20)) & !HIGH;
        let ge_a = l.wrapping_add(ONES * (0x80 - u64::from(b'a'))) & HIGH;
        let gt_z = l.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1)) & HIGH;
        let letter = ge_a & !gt_z & !(v & HIGH);
        let other = !letter & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && BYTE_CLASS[usize::from(b[i])] == ALPHA {
        i += 1;
    }
    i
}

/// Splits `text[range]` into tokens; spans are absolute offsets into `text`.
pub fn tokenize(text: &str, range: Span) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(range.len() / 5 + 4);
    tokenize_into(text, range, &mut out);
    out
}

/// The tokens of many sentences in one buffer: sentence `i`'s are [`SentenceToks::get`]`(i)`.
#[derive(Clone, Debug, Default)]
pub struct SentenceToks<'a> {
    toks: Vec<Tok<'a>>,
    /// One past the last token of each sentence, in `toks`.
    ends: Vec<usize>,
    /// What each sentence's tokens are, in short.
    summaries: Vec<Summary>,
}

/// What the tokens of one sentence are, so stages can skip sentences without a look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The union of its words' class bits ([`crate::lexicon::class`]).
    pub classes: u32,
    /// Every word has [`crate::lexicon::class::PLAIN`] (ASCII letters alone).
    pub all_plain: bool,
    /// Some token is a number.
    pub has_num: bool,
}

impl Summary {
    /// The summary of `toks`.
    pub fn of(toks: &[Tok]) -> Summary {
        let mut s = Summary {
            classes: 0,
            all_plain: true,
            has_num: false,
        };
        for t in toks {
            match t.kind {
                TokKind::Word => {
                    s.classes |= t.class;
                    s.all_plain &= t.class & crate::lexicon::class::PLAIN != 0;
                }
                TokKind::Num => s.has_num = true,
                TokKind::Punct => {}
            }
        }
        s
    }
}

impl<'a> SentenceToks<'a> {
    /// Tokenizes each span of `text` in turn.
    pub fn new(text: &'a str, spans: impl ExactSizeIterator<Item = Span>) -> SentenceToks<'a> {
        let mut st = SentenceToks {
            toks: Vec::with_capacity(text.len() / 5 + 4),
            ends: Vec::with_capacity(spans.len()),
            summaries: Vec::with_capacity(spans.len()),
        };
        for s in spans {
            let from = st.toks.len();
            tokenize_into(text, s, &mut st.toks);
            st.ends.push(st.toks.len());
            st.summaries
                .push(Summary::of(st.toks.get(from..).unwrap_or(&[])));
        }
        st
    }

    /// The [`Summary`] of sentence `i`.
    pub fn summary(&self, i: usize) -> Option<Summary> {
        self.summaries.get(i).copied()
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The tokens of sentence `i`.
    pub fn get(&self, i: usize) -> Option<&[Tok<'a>]> {
        let b = *self.ends.get(i)?;
        let a = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        self.toks.get(a..b)
    }

    /// The tokens of the sentences of `r` that exist, one after the other.
    pub fn range(&self, r: std::ops::Range<usize>) -> &[Tok<'a>] {
        let end = r.end.min(self.ends.len());
        if r.start >= end {
            return &[];
        }
        let a = match r.start {
            0 => 0,
            s => self.ends.get(s - 1).copied().unwrap_or(0),
        };
        let b = self.ends.get(end - 1).copied().unwrap_or(0);
        self.toks.get(a..b).unwrap_or(&[])
    }

    /// The tokens of every sentence in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Tok<'a>]> + '_ {
        (0..self.ends.len()).map(|i| self.get(i).unwrap_or(&[]))
    }
}

/// [`tokenize`], appending to `out`.
pub fn tokenize_into<'a>(text: &'a str, range: Span, out: &mut Vec<Tok<'a>>) {
    let Some(s) = text.get(range.start..range.end) else {
        return;
    };
    let bytes = s.as_bytes();
    let lexicon = crate::lexicon::lexicon();
    let tok = |kind, start: usize, end: usize, class| Tok {
        kind,
        text: &s[start..end],
        span: Span::new(range.start + start, range.start + end),
        class,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match BYTE_CLASS[usize::from(b)] {
            SPACE => {
                i += 1;
                continue;
            }
            DIGIT => {
                let end = skip_digits(bytes, i);
                out.push(tok(TokKind::Num, i, end, 0));
                i = end;
                continue;
            }
            ALPHA => {
                if let Some((end, letters)) = ascii_word_end(bytes, i) {
                    let class = crate::lexicon::classify_ascii_in(lexicon, bytes, i, end, letters);
                    out.push(tok(TokKind::Word, i, end, class));
                    i = end;
                    continue;
                }
            }
            // ASCII punctuation (the vertical tab is whitespace to `char::is_whitespace` alone)
            _ if b < 0x80 && b != 0x0B => {
                let len = ascii_punct_len(bytes, i);
                out.push(tok(TokKind::Punct, i, i + len, 0));
                i += len;
                continue;
            }
            _ => {}
        }
        i = unicode_token(s, i, range.start, out);
    }
}

/// The end of the run of ASCII digits starting at `i`.
#[inline]
fn skip_digits(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == DIGIT {
        i += 1;
    }
    i
}

/// The end of the ASCII word starting at `start` ("don't" and "cease-fire" are one word) and
/// whether it is letters only; `None` when a non-ASCII byte follows, for [`unicode_token`].
#[inline]
fn ascii_word_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let alpha = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&n| BYTE_CLASS[usize::from(n)] == ALPHA)
    };
    let mut letters = true;
    let mut i = start;
    loop {
        i = skip_letters(bytes, i);
        match bytes.get(i) {
            Some(b'\'' | b'-') if alpha(i + 1) => {
                letters = false;
                i += 2;
            }
            _ => break,
        }
    }
    (i >= bytes.len() || bytes[i] < 0x80).then_some((i, letters))
}

/// The length of the ASCII punctuation token at `i`: two apostrophes or two backticks are one
/// quotation mark ('' … '', `` … '').
#[inline]
fn ascii_punct_len(bytes: &[u8], i: usize) -> usize {
    let b = bytes[i];
    if (b == b'\'' || b == b'`') && bytes.get(i + 1) == Some(&b) {
        2
    } else {
        1
    }
}

/// Reads the token at `s[i..]` the ASCII fast paths left (a word with non-ASCII letters,
/// Unicode whitespace or punctuation), pushes it and returns where the next token starts.
fn unicode_token<'a>(s: &'a str, i: usize, base: usize, out: &mut Vec<Tok<'a>>) -> usize {
    let Some(c) = s[i..].chars().next() else {
        return s.len();
    };
    let len = c.len_utf8();
    if c.is_alphabetic() {
        return unicode_word(s, i, base, out);
    }
    if !c.is_whitespace() {
        out.push(Tok {
            kind: TokKind::Punct,
            text: &s[i..i + len],
            span: Span::new(base + i, base + i + len),
            class: 0,
        });
    }
    i + len
}

/// Pushes the word starting at `s[start..]` (letters of any script; an apostrophe or hyphen
/// between letters stays in it) and a trailing apostrophe as punctuation; returns its end.
fn unicode_word<'a>(s: &'a str, start: usize, base: usize, out: &mut Vec<Tok<'a>>) -> usize {
    let mut i = start;
    while let Some(c) = s[i..].chars().next() {
        let joins = matches!(c, '\'' | '\u{2019}' | '-')
            && s[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if !(c.is_alphabetic() || joins) {
            break;
        }
        i += c.len_utf8();
    }
    // a trailing possessive "’s" is kept in the word; strip a trailing apostrophe
    let mut end = i;
    while let Some(c @ ('\'' | '\u{2019}')) = s[start..end].chars().last() {
        end -= c.len_utf8();
    }
    out.push(Tok::new(
        TokKind::Word,
        &s[start..end],
        Span::new(base + start, base + end),
    ));
    if end < i {
        out.push(Tok {
            kind: TokKind::Punct,
            text: &s[end..i],
            span: Span::new(base + end, base + i),
            class: 0,
        });
    }
    i
}

/// The words of `toks` from the last back, with their indexes: at most `reach` of them, and
/// none before a semicolon (the words of the clause the last token is in).
pub fn words_back<'t, 'a>(
    toks: &'t [Tok<'a>],
    reach: usize,
) -> impl Iterator<Item = (usize, &'t Tok<'a>)> {
    toks.iter()
        .enumerate()
        .rev()
        .take_while(|(_, t)| !t.is_punct(';'))
        .filter(|(_, t)| t.kind == TokKind::Word)
        .take(reach)
}

/// The largest char boundary of `text` at or before `i` (`str::floor_char_boundary`, newer
/// than this crate's minimum Rust).
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when `hay` holds the lowercase ASCII `needle` in any ASCII case: `to_ascii_lowercase`
/// and `contains` without the copy (the throughput benchmark, `cargo bench --bench throughput`).
pub fn contains_ignoring_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// True when `b` directly follows `a` with nothing in between.
pub fn adjacent(a: &Tok, b: &Tok) -> bool {
    a.span.end == b.span.start
}

/// What may lie between an offset and the word [`word_before`] or [`word_after`] finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the word touches the offset.
    Nothing,
    /// White space only: a comma, a quote or any other mark between means there is no word.
    Spaces,
    /// Anything but letters: spaces, marks and digits are walked over ("late, Saturday").
    Any,
    /// Spaces and hyphens on one line ("third-quarter", "first quarter"): a line break or any
    /// other mark between means there is no word.
    Hyphens,
}

/// The word of letters nearest before byte `at` of `text` with only what `gap` allows between,
/// and the byte it starts at; "" (at the byte where the walk stopped) when there is none.
pub fn word_before(text: &str, at: usize, gap: Gap) -> (usize, &str) {
    let before = text.get(..at).unwrap_or("");
    let before = match gap {
        Gap::Nothing => before,
        Gap::Spaces => before.trim_end(),
        Gap::Any => before.trim_end_matches(|c: char| !c.is_alphabetic()),
        Gap::Hyphens => before.trim_end_matches([' ', '-']),
    };
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, before.get(start..).unwrap_or(""))
}

/// The word of letters nearest after byte `at` of `text` with only what `gap` allows between,
/// and the byte it starts at; "" (at the byte where the walk stopped) when there is none.
pub fn word_after(text: &str, at: usize, gap: Gap) -> (usize, &str) {
    let after = text.get(at..).unwrap_or("");
    let rest = match gap {
        Gap::Nothing => after,
        Gap::Spaces => after.trim_start(),
        Gap::Any => after.trim_start_matches(|c: char| !c.is_alphabetic()),
        Gap::Hyphens => after.trim_start_matches([' ', '-']),
    };
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    (
        at + (after.len() - rest.len()),
        rest.get(..len).unwrap_or(""),
    )
}

/// Maps byte offsets to 0-based lines and columns in several units.
///
/// Columns are counted from checkpoints (every line start, and every 4 KiB inside long lines),
/// so a query costs at most a few KiB of scanning even on a single 20 MB line.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// (byte offset, chars before it, UTF-16 units before it), sorted by offset.
    checkpoints: Vec<(usize, usize, usize)>,
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

const CHECKPOINT: usize = 4096;

/// The first `\n` at or after `from` (memchr: SIMD, replacing an eight-bytes-at-a-time loop).
fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    memchr::memchr(b'\n', rest).map(|i| from + i)
}

/// Characters and UTF-16 units in a run of whole UTF-8 characters.
fn count_units(b: &[u8]) -> (usize, usize) {
    // a char starts at every byte that is not a continuation byte; four-byte chars (lead
    // byte 0xF0 or above) take two UTF-16 units
    if b.is_ascii() {
        return (b.len(), b.len());
    }
    let mut cont = 0usize;
    let mut wide = 0usize;
    let mut chunks = b.chunks_exact(8);
    const HI: u64 = 0x8080_8080_8080_8080;
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        let x = u64::from_le_bytes(a);
        // continuation bytes are 10xxxxxx; lead bytes of four-byte chars are 11110xxx
        cont += (x & !(x << 1) & HI).count_ones() as usize;
        wide += (x & (x << 1) & (x << 2) & (x << 3) & HI).count_ones() as usize;
    }
    for &x in chunks.remainder() {
        cont += usize::from((x & 0xC0) == 0x80);
        wide += usize::from(x >= 0xF0);
    }
    let chars = b.len() - cont;
    (chars, chars + wide)
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`).
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut chars, mut utf16) = (0usize, 0usize);
        let mut last_cp = 0;
        let mut pos = 0;
        // The next newline at or after `pos`, found once per line (rescanning it at every
        // checkpoint made one long line quadratic): None = not looked up yet.
        let mut next_nl: Option<Option<usize>> = None;
        // counts whole segments at once: a checkpoint falls on the first char boundary at least
        // CHECKPOINT bytes after the last one, and after a newline more than 256 bytes after it
        while pos < bytes.len() {
            let nl = match next_nl {
                Some(n) if n.is_none_or(|n| n >= pos) => n,
                _ => {
                    let n = memchr_newline(bytes, pos);
                    next_nl = Some(n);
                    n
                }
            };
            let limit = last_cp + CHECKPOINT;
            if nl.is_none_or(|n| n >= limit) && limit < bytes.len() {
                // a checkpoint inside this line: at the first char boundary from `limit`
                let mut cp = limit.max(pos);
                while cp < bytes.len() && !text.is_char_boundary(cp) {
                    cp += 1;
                }
                if cp < bytes.len() && nl.is_none_or(|n| cp <= n) {
                    let (c, u) = count_units(&bytes[pos..cp]);
                    chars += c;
                    utf16 += u;
                    checkpoints.push((cp, chars, utf16));
                    last_cp = cp;
                    pos = cp;
                    continue;
                }
            }
            let end = nl.map_or(bytes.len(), |n| n + 1);
            let (c, u) = count_units(&bytes[pos..end]);
            chars += c;
            utf16 += u;
            pos = end;
            if nl.is_some() {
                starts.push(end);
                if end - last_cp > 256 {
                    checkpoints.push((end, chars, utf16));
                    last_cp = end;
                }
            }
        }
        LineIndex {
            starts,
            len: text.len(),
            checkpoints,
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

    /// Characters and UTF-16 units before byte `offset` (a char boundary).
    fn counts_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let i = self
            .checkpoints
            .partition_point(|c| c.0 <= offset)
            .saturating_sub(1);
        let (at, mut chars, mut utf16) = self.checkpoints.get(i).copied().unwrap_or((0, 0, 0));
        for c in text.get(at.min(offset)..offset).unwrap_or("").chars() {
            chars += 1;
            utf16 += c.len_utf16();
        }
        (chars, utf16)
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
        let col = match unit {
            ColUnit::Utf8 => offset - start,
            ColUnit::Char | ColUnit::Utf16 if offset - start < 256 => {
                let seg = text.get(start..offset).unwrap_or("");
                if unit == ColUnit::Char {
                    seg.chars().count()
                } else {
                    seg.chars().map(char::len_utf16).sum()
                }
            }
            _ => {
                let (c1, u1) = self.counts_before(text, offset);
                let (c0, u0) = self.counts_before(text, start);
                if unit == ColUnit::Char {
                    c1 - c0
                } else {
                    u1 - u0
                }
            }
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
    fn words_either_side_of_an_offset() {
        let t = "the vote, held late, Friday";
        let at = t.find("Friday").unwrap_or(0);
        assert_eq!(word_before(t, at, Gap::Any), (15, "late"));
        assert_eq!(word_before(t, at, Gap::Spaces).1, "");
        assert_eq!(word_before(t, at, Gap::Nothing).1, "");
        let at = t.find(',').unwrap_or(0);
        assert_eq!(word_before(t, at, Gap::Nothing), (4, "vote"));
        assert_eq!(word_before(t, at + 1, Gap::Nothing).1, "");
        assert_eq!(word_before(t, at + 2, Gap::Spaces).1, "");
        assert_eq!(word_before(t, at + 2, Gap::Any), (4, "vote"));
        assert_eq!(word_before("said  Monday", 6, Gap::Spaces), (0, "said"));
        assert_eq!(word_before("  ", 2, Gap::Any), (0, ""));
        assert_eq!(word_before("été arrivé", 99, Gap::Spaces), (0, ""));
        assert_eq!(word_before("a été", "a été".len(), Gap::Spaces), (2, "été"));
        let at = t.find(',').unwrap_or(0);
        assert_eq!(word_after(t, at, Gap::Any), (10, "held"));
        assert_eq!(word_after(t, at, Gap::Spaces).1, "");
        assert_eq!(word_after(t, at + 1, Gap::Spaces), (10, "held"));
        assert_eq!(word_after(t, t.len(), Gap::Any), (t.len(), ""));
        let t = "a third- quarter, first\nquarter";
        let at = t.find("quarter").unwrap_or(0);
        assert_eq!(word_before(t, at, Gap::Hyphens), (2, "third"));
        assert_eq!(word_after(t, 7, Gap::Hyphens), (9, "quarter"));
        assert_eq!(word_before(t, t.len() - 7, Gap::Hyphens).1, "");
        assert_eq!(word_after(t, 16, Gap::Hyphens).1, "");
    }

    #[test]
    fn sentence_tokens_share_one_buffer() {
        let t = "One two. Three. Four five six.";
        let spans = [
            Span::new(0, 8),
            Span::new(9, 15),
            Span::new(16, 16),
            Span::new(16, 30),
        ];
        let st = SentenceToks::new(t, spans.iter().copied());
        assert_eq!(st.len(), 4);
        for (i, sp) in spans.iter().enumerate() {
            assert_eq!(st.get(i), Some(tokenize(t, *sp).as_slice()), "{i}");
        }
        assert_eq!(st.get(4), None);
        let all: Vec<Tok> = spans.iter().flat_map(|sp| tokenize(t, *sp)).collect();
        assert_eq!(st.range(0..9), all.as_slice());
        assert_eq!(st.range(1..3).len(), 2);
        let backwards = std::ops::Range { start: 3, end: 1 };
        assert!(st.range(backwards).is_empty() && st.range(7..9).is_empty());
        assert_eq!(st.iter().count(), 4);
        for i in 0..4 {
            assert_eq!(st.summary(i), st.get(i).map(Summary::of));
        }
        let s = Summary::of(&tokenize("Twenty-one 3 ways", Span::new(0, 17)));
        assert!(s.has_num && !s.all_plain);
    }

    #[test]
    fn skip_letters_stops_at_the_first_non_letter() {
        let mut t: Vec<u8> = (0u8..=255).collect();
        t.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{");
        t.extend("Über straße".as_bytes());
        for i in 0..=t.len() {
            let slow = (i..t.len())
                .find(|&j| !t[j].is_ascii_alphabetic())
                .unwrap_or(t.len());
            assert_eq!(skip_letters(&t, i), slow, "{i}");
        }
    }

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

    /// The line index as first written, char by char, to check the fast one against.
    fn slow_index(text: &str) -> (Vec<usize>, Vec<(usize, usize, usize)>) {
        let mut starts = vec![0];
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut chars, mut utf16) = (0usize, 0usize);
        let mut last_cp = 0;
        for (i, c) in text.char_indices() {
            if i - last_cp >= CHECKPOINT {
                checkpoints.push((i, chars, utf16));
                last_cp = i;
            }
            chars += 1;
            utf16 += c.len_utf16();
            if c == '\n' {
                starts.push(i + 1);
                if i + 1 - last_cp > 256 {
                    checkpoints.push((i + 1, chars, utf16));
                    last_cp = i + 1;
                }
            }
        }
        (starts, checkpoints)
    }

    #[test]
    fn line_index_matches_char_by_char_counting() {
        let mut texts = vec![
            String::new(),
            "\n".to_string(),
            "a\nb".to_string(),
            "x".repeat(4095) + "\n",
            "x".repeat(4096),
            "x".repeat(4097) + "\n" + &"y".repeat(300),
            "é".repeat(5000),
            "😀".repeat(3000) + "\n\n",
        ];
        let mut t = String::new();
        for i in 0..3000 {
            t.push_str(["ab", "é", "😀", "\n", "–", "xyz xyz xyz xyz", "\n\n"][i * 7 % 13 % 7]);
            if i % 97 == 0 {
                t.push_str(&"q".repeat(i * 3));
            }
        }
        texts.push(t);
        for t in &texts {
            let idx = LineIndex::new(t);
            let (starts, cps) = slow_index(t);
            assert_eq!(idx.starts, starts);
            assert_eq!(idx.checkpoints, cps);
        }
    }

    #[test]
    fn line_index_counts_utf16_and_chars() {
        let t = "Über\nKestrelyan – 30";
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
