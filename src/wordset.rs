//! Fast case-insensitive membership tests for the core's word lists, without allocating.

use crate::text::Tok;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hash for short, trusted keys (the sets hold only the program's own words).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The set type behind a [`WordSet`].
pub type Words = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// A set of lowercase ASCII words built once from a list.
pub struct WordSet {
    init: fn() -> Words,
    /// The set's bit in a token's class ([`class`]), or 0 for a set tokens do not carry.
    bit: u32,
    built: OnceLock<Built>,
}

/// A built [`WordSet`]: words of up to 16 bytes in a [`ShortTable`], longer ones hashed.
struct Built {
    short: ShortTable<()>,
    long: Words,
}

impl WordSet {
    /// A set filled from `init` on first use.
    pub const fn new(init: fn() -> Words) -> WordSet {
        WordSet::with_class(init, 0)
    }

    /// A set filled from `init` on first use whose words carry `bit` in the class of every
    /// token ([`class`]); the set must be listed in [`CLASSED_SETS`].
    pub const fn with_class(init: fn() -> Words, bit: u32) -> WordSet {
        WordSet {
            init,
            bit,
            built: OnceLock::new(),
        }
    }

    /// True when the token's text, compared without case, is in the set: a bit test when
    /// the token was classified ([`class::KEYED`]), else a look-up.
    #[inline]
    pub fn has(&self, t: &Tok) -> bool {
        if self.bit != 0 && t.class & class::KEYED != 0 {
            t.class & self.bit != 0
        } else {
            self.contains(t.text)
        }
    }

    fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let words = (self.init)();
            let short = ShortTable::new(words.iter().filter(|w| w.len() <= 16).map(|w| (*w, ())));
            let long = words.into_iter().filter(|w| w.len() > 16).collect();
            Built { short, long }
        })
    }

    /// True when `word`, compared without case, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let b = self.built();
        let w = word.as_bytes();
        if w.len() <= 16 {
            return short_key(w).is_some_and(|k| b.short.get(k).is_some());
        }
        let mut buf = [0u8; 32];
        match lower(word, &mut buf) {
            Some(l) => b.long.contains(l),
            None => false,
        }
    }
}

/// The lowercase key of an ASCII word of 1 to 16 bytes: its bytes, lowercased, little-endian
/// in a `u128` padded with zeros. None for an empty or longer word, or one with a byte
/// outside 1..=127 (so no two words share a key, and no key is 0).
#[inline]
pub fn short_key(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n == 0 || n > 16 {
        return None;
    }
    let (lo, hi) = load(word);
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    // padding bytes made non-zero for the zero-byte test
    let (plo, phi) = PAD.get(n).copied().unwrap_or((0, 0));
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    if has_zero(lo | plo) || has_zero(hi | phi) {
        return None;
    }
    // SWAR lowercasing: add 0x20 to every byte in 'A'..='Z' (every byte is below 0x80 here)
    let lower = |x: u64| {
        let ge_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
        let gt_z = x.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
        x | (((ge_a & !gt_z) & HIGH) >> 2)
    };
    Some(u128::from(lower(lo)) | (u128::from(lower(hi)) << 64))
}

/// For a word of n bytes, 0x01 in each padding byte of the low and high halves of its key.
static PAD: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut n = 0;
    while n <= 16 {
        let mut lo = 0u64;
        let mut hi = 0u64;
        let mut i = n;
        while i < 16 {
            if i < 8 {
                lo |= 1 << (8 * i);
            } else {
                hi |= 1 << (8 * (i - 8));
            }
            i += 1;
        }
        t[n] = (lo, hi);
        n += 1;
    }
    t
};

/// True when the key of [`short_key`] holds the byte `b` (not 0).
#[inline]
pub fn key_has_byte(key: u128, b: u8) -> bool {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    // padding bytes are 0, so they never equal a non-zero `b`
    let v = key ^ (ONES * u128::from(b));
    (v.wrapping_sub(ONES) & !v & HIGH) != 0
}

/// The 1 to 16 bytes of `w`, little-endian in two `u64` halves padded with zeros, loaded
/// without a call to `memcpy` (overlapping fixed-size reads).
#[inline]
fn load(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let u64_at = |i: usize| -> u64 {
        let mut a = [0u8; 8];
        if let Some(s) = w.get(i..i + 8) {
            a.copy_from_slice(s);
        }
        u64::from_le_bytes(a)
    };
    let u32_at = |i: usize| -> u64 {
        let mut a = [0u8; 4];
        if let Some(s) = w.get(i..i + 4) {
            a.copy_from_slice(s);
        }
        u64::from(u32::from_le_bytes(a))
    };
    let byte = |i: usize| -> u64 { u64::from(w.get(i).copied().unwrap_or(0)) };
    if n >= 8 {
        let hi = u64_at(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        (u64_at(0), hi)
    } else if n >= 4 {
        (u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))), 0)
    } else if n > 0 {
        (
            byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1))),
            0,
        )
    } else {
        (0, 0)
    }
}

/// An open-addressing table from [`short_key`]s to small values, for the core's word lists.
pub struct ShortTable<V: Copy> {
    slots: Vec<(u128, V)>,
    shift: u32,
}

impl<V: Copy> ShortTable<V> {
    /// A table of `entries` (words are lowercased; words longer than 16 bytes or not ASCII
    /// are left out; a repeated word keeps its first value).
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, V)>) -> ShortTable<V> {
        let entries: Vec<(u128, V)> = entries
            .into_iter()
            .filter_map(|(w, v)| short_key(w.as_bytes()).map(|k| (k, v)))
            .collect();
        ShortTable::from_keys(entries)
    }

    /// A table of entries given by their [`short_key`]s (a repeated key keeps its first value).
    pub fn from_keys(entries: Vec<(u128, V)>) -> ShortTable<V> {
        let mut bits = 4u32;
        while (1usize << bits) < entries.len() * 4 {
            bits += 1;
        }
        let mut slots: Vec<(u128, Option<V>)> = vec![(0, None); 1 << bits];
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        for (k, v) in entries {
            let mut i = slot(k, shift);
            loop {
                match slots.get_mut(i) {
                    Some(s) if s.0 == 0 => {
                        *s = (k, Some(v));
                        break;
                    }
                    Some(s) if s.0 == k => break,
                    _ => i = (i + 1) & mask,
                }
            }
        }
        let first = slots.iter().find_map(|s| s.1);
        let slots = match first {
            Some(fill) => slots
                .into_iter()
                .map(|(k, v)| (k, v.unwrap_or(fill)))
                .collect(),
            None => Vec::new(),
        };
        ShortTable { slots, shift }
    }

    /// The value of a word given by its [`short_key`].
    #[inline]
    pub fn get(&self, key: u128) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(key, self.shift);
        loop {
            let s = self.slots.get(i)?;
            if s.0 == key {
                return Some(s.1);
            }
            if s.0 == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[inline]
fn slot(key: u128, shift: u32) -> usize {
    let h = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h.wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> shift) as usize
}

/// `word` in ASCII lowercase in `buf`, or None when it is longer than the buffer or not
/// ASCII (no list word is).
pub fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..b.len())?;
    for (o, c) in out.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// The text of a word-data file in `data/lexicon/` (compiled in): `word_data!("stop.txt")`.
#[macro_export]
macro_rules! word_data {
    ($file:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon/", $file))
    };
}

/// The entries of a word-data file: one per line, trimmed; `#` starts a comment; blank lines
/// are skipped. Columns of a `.tsv` file stay joined by tabs (split them with [`columns`]).
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// The tab-separated columns of a data entry.
pub fn columns(entry: &'static str) -> impl Iterator<Item = &'static str> {
    entry.split('\t').map(str::trim)
}

/// Declares a `static` [`WordSet`] from a word-data file (`NAME = file "stop.txt"`) or a list
/// of lowercase words (with `class = BIT`, one whose words carry that bit in every token's
/// class).
#[macro_export]
macro_rules! word_set {
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal, class = $bit:expr) => {
        $(#[$m])*
        $vis static $name: $crate::wordset::WordSet = $crate::wordset::WordSet::with_class(
            || $crate::wordset::entries($crate::word_data!($file)).collect(),
            $bit,
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal) => {
        $(#[$m])*
        $vis static $name: $crate::wordset::WordSet = $crate::wordset::WordSet::new(
            || $crate::wordset::entries($crate::word_data!($file)).collect(),
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = $list:expr, class = $bit:expr) => {
        $(#[$m])*
        $vis static $name: $crate::wordset::WordSet =
            $crate::wordset::WordSet::with_class(|| $list.iter().copied().collect(), $bit);
    };
    ($(#[$m:meta])* $vis:vis $name:ident = $list:expr) => {
        $(#[$m])*
        $vis static $name: $crate::wordset::WordSet =
            $crate::wordset::WordSet::new(|| $list.iter().copied().collect());
    };
}

/// The lexicon classes of a word token, looked up once when the token is built
/// ([`classify`]), so the extractors test bits instead of looking the word up again.
pub mod class {
    /// The word has a [`super::short_key`] (ASCII, 1 to 16 bytes): the set bits below are
    /// exact. Without it every bit is 0 and users look the word up themselves.
    pub const KEYED: u32 = 1;
    /// Keyed and made of ASCII letters only: the date bits ([`LEAD`] to [`ORDINAL`]) and
    /// [`NUMBERISH`] are exact.
    pub const PLAIN: u32 = 1 << 1;
    /// A small word that leads a temporal expression ([`crate::time::lexicon::Trigger::Lead`]).
    pub const LEAD: u32 = 1 << 2;
    /// A core word of a temporal expression ([`crate::time::lexicon::Trigger::Core`]).
    pub const CORE: u32 = 1 << 3;
    /// A word that may follow a lead ([`crate::time::lexicon::follows_lead`]).
    pub const FOLLOWS_LEAD: u32 = 1 << 4;
    /// A month name or abbreviation.
    pub const MONTH: u32 = 1 << 5;
    /// A weekday name or abbreviation.
    pub const WEEKDAY: u32 = 1 << 6;
    /// A cardinal word from "zero" to "ninety" (no hyphen).
    pub const CARDINAL: u32 = 1 << 7;
    /// An ordinal word from "first" to "thirtieth" (no hyphen).
    pub const ORDINAL: u32 = 1 << 8;
    /// Attribution: a speech verb.
    pub const SPEECH_VERB: u32 = 1 << 9;
    /// Attribution: a word that is never part of a source.
    pub const NOT_IN_SOURCE: u32 = 1 << 10;
    /// Attribution: the head of a source phrase.
    pub const SOURCE_HEAD: u32 = 1 << 11;
    /// Attribution: a word that stops the backward search for a source.
    pub const STOP_BACK: u32 = 1 << 12;
    /// Attribution: a word that opens a source phrase ("according", "citing").
    pub const LEAD_WORD: u32 = 1 << 13;
    /// Figures: a word that is not a counted noun.
    pub const NOUN_STOP: u32 = 1 << 14;
    /// Figures: a unit of measurement.
    pub const MEASURE_UNIT: u32 = 1 << 15;
    /// Figures: a unit of time.
    pub const DURATION_UNIT: u32 = 1 << 16;
    /// Figures: a currency word.
    pub const CURRENCY: u32 = 1 << 17;
    /// Figures: a word for people.
    pub const PEOPLE: u32 = 1 << 18;
    /// Figures: a word that names a measure.
    pub const MEASURE_WORD: u32 = 1 << 19;
    /// Entities: a title.
    pub const TITLE: u32 = 1 << 20;
    /// Entities: the head of an organisation's name.
    pub const ORG: u32 = 1 << 21;
    /// Entities: a place.
    pub const PLACE: u32 = 1 << 22;
    /// Entities: a capitalised word that names no one.
    pub const NOT_NAME: u32 = 1 << 23;
    /// Tense: the word's list flags (seven bits from here; see `time::tense`).
    pub const TENSE_SHIFT: u32 = 24;
    /// Figures: a word that may head a spelled-out or vague number, any case.
    pub const NUMBERISH: u32 = 1 << 31;
}

/// Every [`WordSet`] with a class bit: their words go into the token lexicon.
fn classed_sets() -> [&'static WordSet; 15] {
    use crate::entities as e;
    use crate::figures as f;
    use crate::figures::attribution as a;
    [
        &a::SPEECH_VERB_SET,
        &a::NOT_IN_SOURCE_SET,
        &a::SOURCE_HEAD_SET,
        &a::STOP_BACK_SET,
        &a::LEAD_WORD_SET,
        &f::NOUN_STOP_SET,
        &f::MEASURE_UNIT_SET,
        &f::DURATION_UNIT_SET,
        &f::CURRENCY_SET,
        &f::PEOPLE_SET,
        &f::MEASURE_WORD_SET,
        &e::TITLE_SET,
        &e::ORG_SET,
        &e::PLACE_SET,
        &e::NOT_NAME_SET,
    ]
}

/// The class bits of every word of the date lexicon and of the classed word sets.
static LEXICON: std::sync::LazyLock<ShortTable<u32>> = std::sync::LazyLock::new(|| {
    let mut bits: HashMap<u128, u32> = HashMap::new();
    let mut add = |w: &str, b: u32| {
        if let Some(k) = short_key(w.as_bytes()) {
            *bits.entry(k).or_insert(0) |= b;
        }
    };
    for (w, b) in crate::time::lexicon::class_words() {
        add(&w, b);
    }
    for (w, b) in crate::time::tense::class_words() {
        add(w, b);
    }
    for w in crate::figures::NUMBERISH_WORDS {
        add(w, class::NUMBERISH);
    }
    for set in classed_sets() {
        for w in (set.init)() {
            add(w, set.bit);
        }
    }
    let mut entries: Vec<(u128, u32)> = bits.into_iter().collect();
    entries.sort_unstable();
    ShortTable::from_keys(entries)
});

/// The class bits of a word token's text ([`class`]); 0 for a word without a short key.
pub fn classify(word: &str) -> u32 {
    let b = word.as_bytes();
    match short_key(b) {
        Some(k) => classify_key(k, b.iter().all(u8::is_ascii_alphabetic)),
        None => 0,
    }
}

/// The class bits of an ASCII word of letters, apostrophes and hyphens (the tokenizer's fast
/// path; `letters` when it has only letters), with its key computed without the checks of
/// [`short_key`].
#[inline]
pub fn classify_ascii_word(w: &[u8], letters: bool) -> u32 {
    let n = w.len();
    if n == 0 || n > 16 {
        return 0;
    }
    let (lo, hi) = load(w);
    // letters are lowercased by setting 0x20; apostrophes and hyphens already have it set,
    // and padding bytes stay zero
    let (mlo, mhi) = LOWER_MASK.get(n).copied().unwrap_or((0, 0));
    let k = u128::from(lo | mlo) | (u128::from(hi | mhi) << 64);
    classify_key(k, letters)
}

/// The token lexicon behind [`classify`], for [`classify_ascii_in`].
pub fn lexicon() -> &'static ShortTable<u32> {
    &LEXICON
}

/// [`classify_ascii_word`] of `b[start..end]` with the table of [`lexicon`], loading sixteen
/// bytes at once when `b` has them.
#[inline]
pub fn classify_ascii_in(
    lex: &ShortTable<u32>,
    b: &[u8],
    start: usize,
    end: usize,
    letters: bool,
) -> u32 {
    let n = end.wrapping_sub(start);
    if n == 0 || n > 16 {
        return 0;
    }
    let Some(chunk) = b.get(start..start + 16) else {
        return classify_ascii_word(b.get(start..end).unwrap_or(&[]), letters);
    };
    let mut a = [0u8; 16];
    a.copy_from_slice(chunk);
    let mask = KEEP.get(n).copied().unwrap_or(0);
    // lowercase as in classify_ascii_word; the bytes past the word are masked off
    let k = (u128::from_le_bytes(a) | (u128::MAX / 255 * 0x20)) & mask;
    classify_found(lex.get(k).unwrap_or(0), letters)
}

#[inline]
fn classify_key(k: u128, plain: bool) -> u32 {
    classify_found(LEXICON.get(k).unwrap_or(0), plain)
}

#[inline]
fn classify_found(found: u32, plain: bool) -> u32 {
    if plain {
        found | class::KEYED | class::PLAIN
    } else {
        // date bits are only exact for words of letters alone
        (found & !DATE_BITS) | class::KEYED
    }
}

/// The bits that describe date words.
const DATE_BITS: u32 = class::LEAD
    | class::CORE
    | class::FOLLOWS_LEAD
    | class::MONTH
    | class::WEEKDAY
    | class::CARDINAL
    | class::ORDINAL
    | class::NUMBERISH;

/// For a word of n bytes, 0xFF in each of its bytes of a key.
static KEEP: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

/// For a word of n bytes, 0x20 in each of its bytes in the low and high halves of its key.
static LOWER_MASK: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut n = 0;
    while n <= 16 {
        let mut lo = 0u64;
        let mut hi = 0u64;
        let mut i = 0;
        while i < n {
            if i < 8 {
                lo |= 0x20 << (8 * i);
            } else {
                hi |= 0x20 << (8 * (i - 8));
            }
            i += 1;
        }
        t[n] = (lo, hi);
        n += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    word_set!(SET = ["said", "told"]);

    #[test]
    fn case_insensitive_membership() {
        assert!(SET.contains("Said"));
        assert!(SET.contains("TOLD"));
        assert!(!SET.contains("say"));
        assert!(!SET.contains("säid"));
        assert!(!SET.contains(&"x".repeat(40)));
        assert!(!SET.contains(""));
        assert!(!SET.contains("saidx"));
    }

    #[test]
    fn token_classes_match_the_look_ups() {
        use crate::text::{tokenize, Span, TokKind};
        use crate::time::lexicon as lx;
        let mut words: Vec<String> = lx::class_words().into_iter().map(|(w, _)| w).collect();
        for set in super::classed_sets() {
            words.extend((set.init)().into_iter().map(str::to_string));
        }
        words.extend(
            crate::time::tense::class_words()
                .into_iter()
                .map(|(w, _)| w.to_string()),
        );
        words.extend(crate::figures::NUMBERISH_WORDS.map(str::to_string));
        words.extend(
            [
                "hello",
                "twenty-one",
                "mid-October",
                "Tomorrow’s",
                "Ünited",
                "x",
                "don't",
                "cease-fire",
                "internationalisation",
                "sat's",
                "Monday's",
                "I",
                "a-b-c",
            ]
            .map(str::to_string),
        );
        let base = words.clone();
        for w in &base {
            words.push(w.to_uppercase());
            let mut c = w.clone();
            if let Some(f) = c.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            words.push(c);
            words.push(format!("{w}s"));
        }
        // in one long text too, where words are read sixteen bytes at a time
        let long = words.join(" , ");
        for t in tokenize(&long, Span::new(0, long.len())) {
            if t.kind == TokKind::Word {
                assert_eq!(t.class, super::classify(t.text), "{}", t.text);
            }
        }
        for w in &words {
            let toks = tokenize(w, Span::new(0, w.len()));
            for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
                assert_eq!(lx::tok_trigger(t), lx::trigger(t.text), "{w}");
                assert_eq!(lx::tok_follows_lead(t), lx::follows_lead(t.text), "{w}");
                assert_eq!(lx::tok_month(t), lx::month(t.text), "{w}");
                assert_eq!(lx::tok_weekday(t), lx::weekday(t.text), "{w}");
                assert_eq!(lx::tok_cardinal(t), lx::cardinal(t.text), "{w}");
                assert_eq!(lx::tok_ordinal(t), lx::ordinal(t.text), "{w}");
                assert_eq!(t.class, super::classify(t.text), "{w}");
                if t.class & super::class::PLAIN != 0 && t.class & super::class::NUMBERISH == 0 {
                    assert!(
                        !crate::figures::NUMBERISH_WORDS
                            .iter()
                            .any(|n| n.eq_ignore_ascii_case(t.text)),
                        "{w}"
                    );
                }
                for set in super::classed_sets() {
                    assert_eq!(set.has(t), set.contains(t.text), "{w}");
                }
            }
        }
    }

    word_set!(LONG = ["internationalisation", "a"]);

    #[test]
    fn long_and_short_words() {
        assert!(LONG.contains("Internationalisation"));
        assert!(LONG.contains("A"));
        assert!(!LONG.contains("b"));
        assert_eq!(super::short_key(b"AbZ@[`z"), super::short_key(b"abz@[`z"));
        assert_ne!(super::short_key(b"@"), super::short_key(b"`"));
        assert_ne!(super::short_key(b"["), super::short_key(b"{"));
        assert_eq!(super::short_key(b"a\0"), None);
        for n in 1..=16 {
            let w: Vec<u8> = (0..n).map(|i| b'A' + i as u8).collect();
            let mut buf = [0u8; 16];
            for (d, s) in buf.iter_mut().zip(&w) {
                *d = s.to_ascii_lowercase();
            }
            assert_eq!(super::short_key(&w), Some(u128::from_le_bytes(buf)), "{n}");
        }
        assert!(super::key_has_byte(
            super::short_key(b"cease-fire").unwrap_or(0),
            b'-'
        ));
        assert!(!super::key_has_byte(
            super::short_key(b"ceasefire").unwrap_or(0),
            b'-'
        ));
        assert!(!LONG.contains("a\0"));
    }
}
