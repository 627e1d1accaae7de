//! Numbers as written: digits with separators and scales, spelled-out numbers, vague quantities.

use crate::text::{Tok, TokKind};

/// A number read from tokens `start..end` (token indices, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Lowest value meant.
    pub min: f64,
    /// Highest value meant.
    pub max: f64,
    /// Written in digits.
    pub digits: bool,
    /// A vague quantity ("hundreds", "dozens").
    pub vague: bool,
}

impl Number {
    /// One value written in tokens `start..end`.
    fn exact(start: usize, end: usize, v: f64, digits: bool) -> Number {
        Number {
            start,
            end,
            min: v,
            max: v,
            digits,
            vague: false,
        }
    }
}

/// The value of a spelled-out cardinal word ("three", "twenty-five"), from the date
/// lexicon's cardinals; "a", "an" and "zero" are not figures.
pub fn word_value(w: &str) -> Option<f64> {
    // cheap rejection before the lexicon: every cardinal from one to ninety-nine starts with
    // one of these letters
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if w.len() < 3 || !matches!(first, b'o' | b't' | b'f' | b's' | b'e' | b'n') {
        return None;
    }
    if w.eq_ignore_ascii_case("zero") {
        return None;
    }
    crate::time::lexicon::cardinal(w).map(f64::from)
}

/// Words or suffixes with their multipliers, from a data file's two columns.
fn multipliers(data: &'static str) -> Vec<(&'static str, f64)> {
    crate::lexicon::entries(data)
        .filter_map(|e| {
            let mut c = crate::lexicon::columns(e);
            Some((c.next()?, c.next()?.parse().ok()?))
        })
        .collect()
}

/// Scale words ("hundred", "million") and their multipliers.
fn scale_words() -> &'static [(&'static str, f64)] {
    static WORDS: std::sync::OnceLock<Vec<(&'static str, f64)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| multipliers(crate::word_data!("number-scales.txt")))
}

/// Scale suffixes glued to digits ("350m", "$4.5bn") and their multipliers.
fn scale_suffixes() -> &'static [(&'static str, f64)] {
    static SUFFIXES: std::sync::OnceLock<Vec<(&'static str, f64)>> = std::sync::OnceLock::new();
    SUFFIXES.get_or_init(|| multipliers(crate::word_data!("scale-suffixes.tsv")))
}

/// The multiplier of a scale word of a hundred or more ("million"), lowercase.
fn scale_word_value(lower: &str) -> Option<f64> {
    scale_words()
        .iter()
        .find(|(w, v)| *w == lower && *v >= 100.0)
        .map(|(_, v)| *v)
}

/// The multiplier of a scale suffix ("bn", "k"), lowercase.
fn scale_suffix_value(lower: &str) -> Option<f64> {
    scale_suffixes()
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, v)| *v)
}

/// The multiplier of a scale word or suffix ("million", "bn", "k").
pub fn scale_value(w: &str) -> Option<f64> {
    let mut buf = [0u8; 32];
    let lower = crate::lexicon::lower(w, &mut buf)?;
    scale_word_value(lower).or_else(|| scale_suffix_value(lower))
}

/// The range meant by a vague quantity word ("dozens" → 24..99).
pub fn vague_value(w: &str) -> Option<(f64, f64)> {
    // every vague quantity is a plural of four to nine letters
    if !(4..=9).contains(&w.len()) || !w.ends_with(['s', 'S']) {
        return None;
    }
    let mut buf = [0u8; 32];
    let v = match crate::lexicon::lower(w, &mut buf)? {
        "dozens" => (24.0, 99.0),
        "scores" => (40.0, 199.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2000.0, 9999.0),
        "tens" => (20.0, 99.0),
        "millions" => (2e6, 999e6),
        "billions" => (2e9, 999e9),
        _ => return None,
    };
    Some(v)
}

fn is_word(t: Option<&Tok>, w: &str) -> bool {
    t.is_some_and(|t| t.kind == TokKind::Word && t.is(w))
}

fn adjacent(a: Option<&Tok>, b: Option<&Tok>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.span.end == b.span.start)
}

/// Reads a number starting at token `i`, or None.
pub fn read(toks: &[Tok], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => read_digits(toks, i),
        TokKind::Word => read_words(toks, i),
        TokKind::Punct => None,
    }
}

/// The digits of a number as written, on the stack unless they are long.
struct Digits {
    buf: [u8; 40],
    len: usize,
    spill: Option<String>,
}

impl Digits {
    fn new() -> Digits {
        Digits {
            buf: [0; 40],
            len: 0,
            spill: None,
        }
    }
    fn push_str(&mut self, s: &str) {
        if let Some(sp) = &mut self.spill {
            sp.push_str(s);
            return;
        }
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len += s.len();
            }
            None => {
                let mut sp = String::from(self.as_str());
                sp.push_str(s);
                self.spill = Some(sp);
            }
        }
    }
    fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0u8; 4]));
    }
    fn as_str(&self) -> &str {
        match &self.spill {
            Some(sp) => sp,
            None => std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or(""),
        }
    }
}

fn read_digits(toks: &[Tok], i: usize) -> Option<Number> {
    let first = toks.get(i)?;
    let mut s = Digits::new();
    s.push_str(first.text);
    let mut j = i + 1;
    // thousands separators: "30,000", "16,141,241"
    while toks.get(j).is_some_and(|p| p.is_punct(','))
        && adjacent(toks.get(j - 1), toks.get(j))
        && adjacent(toks.get(j), toks.get(j + 1))
        && toks
            .get(j + 1)
            .is_some_and(|n| n.kind == TokKind::Num && n.text.len() == 3)
    {
        s.push_str(toks.get(j + 1).map_or("", |t| t.text));
        j += 2;
    }
    // decimals: "1.2", "51.9"
    if toks.get(j).is_some_and(|p| p.is_punct('.'))
        && adjacent(toks.get(j - 1), toks.get(j))
        && adjacent(toks.get(j), toks.get(j + 1))
        && toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Num)
    {
        s.push('.');
        s.push_str(toks.get(j + 1).map_or("", |t| t.text));
        j += 2;
    }
    let mut v: f64 = s.as_str().parse().ok()?;
    // scale: "1.2 million", "$4.5bn", "350m"
    if let Some(n) = toks.get(j) {
        if n.kind == TokKind::Word {
            let glued = adjacent(toks.get(j - 1), Some(n));
            let mut buf = [0u8; 32];
            let lower = crate::lexicon::lower(n.text, &mut buf).unwrap_or("");
            let m = if glued {
                scale_suffix_value(lower)
            } else {
                scale_word_value(lower)
            };
            if let Some(m) = m {
                v *= m;
                j += 1;
            }
        }
    }
    Some(Number::exact(i, j, v, true))
}

fn read_words(toks: &[Tok], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    if let Some((lo, hi)) = vague_value(t.text) {
        // "thousands of", "hundreds" — but not "tens of thousands" handled as one
        let mut end = i + 1;
        let (mut lo, mut hi) = (lo, hi);
        if is_word(toks.get(i + 1), "of") {
            if let Some((l2, h2)) = toks.get(i + 2).and_then(|n| vague_value(n.text)) {
                // "tens of thousands", "hundreds of thousands"
                lo = (lo / 2.0) * (l2 / 2.0);
                hi *= h2;
                end = i + 3;
            }
        }
        return Some(Number {
            start: i,
            end,
            min: lo,
            max: hi,
            digits: false,
            vague: true,
        });
    }
    // "a dozen", "a hundred", "a million"
    if t.is("a") || t.is("one") {
        if is_word(toks.get(i + 1), "dozen") {
            return Some(Number::exact(i, i + 2, 12.0, false));
        }
        if let Some(n) = toks.get(i + 1) {
            let mut buf = [0u8; 32];
            if let Some(v) = crate::lexicon::lower(n.text, &mut buf).and_then(scale_word_value) {
                return Some(Number::exact(i, i + 2, v, false));
            }
        }
        if t.is("a") {
            return None;
        }
    }
    // a word of letters alone without the number-ish class is no cardinal
    let class = t.class;
    if class & crate::lexicon::class::PLAIN != 0 && class & crate::lexicon::class::NUMBERISH == 0 {
        return None;
    }
    let mut v =
        word_value(t.text).or_else(|| t.text.split_once('-').and_then(|(a, _)| word_value(a)))?;
    let mut j = i + 1;
    // "twenty-five" is one token in the tokenizer ("twenty-five" has a hyphen between letters)
    if let Some(n) = toks.get(j) {
        if n.kind == TokKind::Word {
            if let Some(m) = scale_value(n.text).filter(|_| n.text.len() > 2) {
                v *= m;
                j += 1;
            }
        }
    }
    Some(Number::exact(i, j, v, false))
}
