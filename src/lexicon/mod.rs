//! The lexicon: copydesk's word knowledge and the fast look-ups over it.
//!
//! The bottom of the dependency graph: it uses nothing else in the crate. Every word list is a
//! data file in `data/lexicon/` (compiled in), declared here ([`sets`], [`places`]) or, for a
//! list one module alone reads, beside its user with [`crate::word_set!`]. The tokenizer tags
//! every word with its class bits ([`class`], [`classify`]) in one look-up.

pub mod places;
pub mod sets;
mod table;
pub mod user;

pub(crate) use table::tense_words;
pub use table::{class, classify, classify_ascii_in, classify_ascii_word, lexicon};
#[cfg(test)]
pub(crate) use table::{classed_sets, date_class_words};

use std::collections::HashSet;
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

/// A word with the class bits the tokenizer gave it ([`class`]): what [`WordSet::has`] reads.
pub trait Classed {
    /// The word's class bits ([`class`]), 0 when not classified.
    fn class_bits(&self) -> u32;
    /// The word's text.
    fn word(&self) -> &str;
}

/// A set of lowercase ASCII words built once from a list, in the list's order.
pub struct WordSet {
    init: fn() -> Vec<&'static str>,
    /// The set's bit in a token's class ([`class`]), or 0 for a set tokens do not carry.
    bit: u32,
    built: OnceLock<Built>,
}

/// A built [`WordSet`]: words of up to 16 bytes in a [`ShortTable`], longer ones hashed.
struct Built {
    list: Vec<&'static str>,
    short: ShortTable<()>,
    long: Words,
    /// Bit n for a short word of n bytes, and bit (b & 63) for its first byte b lowercased:
    /// a word that misses either is out without a look-up (a small set's usual answer).
    lens: u32,
    firsts: u64,
}

impl WordSet {
    /// A set filled from `init` on first use.
    pub const fn new(init: fn() -> Vec<&'static str>) -> WordSet {
        WordSet::with_class(init, 0)
    }

    /// A set filled from `init` on first use whose words carry `bit` in the class of every
    /// token ([`class`]); the set must be listed in [`CLASSED_SETS`].
    pub const fn with_class(init: fn() -> Vec<&'static str>, bit: u32) -> WordSet {
        WordSet {
            init,
            bit,
            built: OnceLock::new(),
        }
    }

    /// True when the token's text, compared without case, is in the set: a bit test when
    /// the token was classified ([`class::KEYED`]), else a look-up.
    #[inline]
    pub fn has(&self, t: &impl Classed) -> bool {
        self.has_class(t.class_bits(), t.word())
    }

    /// [`WordSet::has`] for a word given by its class bits and text.
    #[inline]
    pub fn has_class(&self, class_bits: u32, text: &str) -> bool {
        if self.bit != 0 && class_bits & class::KEYED != 0 {
            class_bits & self.bit != 0
        } else {
            self.contains(text)
        }
    }

    /// The set's class bit (0 for none).
    pub fn bit(&self) -> u32 {
        self.bit
    }

    /// The set's words, in the order of its list.
    pub fn words(&self) -> &[&'static str] {
        &self.built().list
    }

    fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let list = (self.init)();
            let short = ShortTable::new(list.iter().filter(|w| w.len() <= 16).map(|w| (*w, ())));
            let long = list.iter().copied().filter(|w| w.len() > 16).collect();
            let (mut lens, mut firsts) = (0u32, 0u64);
            for w in list.iter().filter(|w| w.len() <= 16) {
                lens |= 1 << w.len();
                firsts |= w.bytes().next().map_or(0, first_bit);
            }
            Built {
                list,
                short,
                long,
                lens,
                firsts,
            }
        })
    }

    /// True when `word`, compared without case, is in the set.
    ///
    /// Inlined up to the length and first-letter test, which rejects most words without a
    /// call (a fast path for the throughput benchmark, `cargo bench --bench throughput`:
    /// 1.6 million calls per 4 MB).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let b = self.built();
        let w = word.as_bytes();
        if w.len() <= 16 {
            let first = w.first().map_or(0, |c| first_bit(*c));
            if b.lens & (1 << w.len()) == 0 || b.firsts & first == 0 {
                return false;
            }
        }
        Self::contains_built(b, word)
    }

    /// [`WordSet::contains`] past its length and first-letter test.
    #[inline(never)]
    fn contains_built(b: &Built, word: &str) -> bool {
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

/// The bit of [`Built::firsts`] for a word's first byte.
#[inline]
fn first_bit(b: u8) -> u64 {
    1 << (b.to_ascii_lowercase() & 63)
}

impl std::ops::Deref for WordSet {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.words()
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

/// The first column of every entry of a word-data file (the whole entry of a `.txt` file).
pub fn first_column(data: &'static str) -> Vec<&'static str> {
    entries(data)
        .map(|e| e.split('\t').next().unwrap_or("").trim())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The tab-separated columns of a data entry.
pub fn columns(entry: &'static str) -> impl Iterator<Item = &'static str> {
    entry.split('\t').map(str::trim)
}

/// The first column of the entries of a `.tsv` word-data file (`word<TAB>tag[,tag]`) that
/// carry one of `tags`, in file order (a file that holds variants of one concept, each tagged).
pub fn tagged(data: &'static str, tags: &[&str]) -> Vec<&'static str> {
    entries(data)
        .filter_map(|e| {
            let mut c = columns(e);
            let word = c.next().filter(|w| !w.is_empty())?;
            let have = c.next()?;
            have.split(',')
                .any(|t| tags.contains(&t.trim()))
                .then_some(word)
        })
        .collect()
}

/// Declares a `static` [`WordSet`] from a word-data file (`NAME = file "stop.txt"`; of a `.tsv`
/// file, its first column; `NAME = file "x.tsv", tags ["a", "b"]` or `tag "a"`: the words of a
/// tagged `.tsv` file that carry one of those tags) or a list of lowercase words (with `class =
/// BIT`, also after `tag "a"`: one whose words carry that bit in every token's class: only in
/// the lexicon, listed in its classed sets).
#[macro_export]
macro_rules! word_set {
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal, tags [$($tag:literal),+ $(,)?]) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::new(|| {
            $crate::lexicon::tagged($crate::word_data!($file), &[$($tag),+])
        });
    };
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal, tag $tag:literal, class = $bit:expr) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::with_class(
            || $crate::lexicon::tagged($crate::word_data!($file), &[$tag]),
            $bit,
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal, class = $bit:expr) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::with_class(
            || $crate::lexicon::first_column($crate::word_data!($file)),
            $bit,
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal, tag $tag:literal) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::new(
            || $crate::lexicon::tagged($crate::word_data!($file), &[$tag]),
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = files [$($file:literal),+ $(,)?]) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::new(|| {
            let mut v = Vec::new();
            $(v.extend($crate::lexicon::first_column($crate::word_data!($file)));)+
            v
        });
    };
    ($(#[$m:meta])* $vis:vis $name:ident = file $file:literal) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet = $crate::lexicon::WordSet::new(
            || $crate::lexicon::first_column($crate::word_data!($file)),
        );
    };
    ($(#[$m:meta])* $vis:vis $name:ident = $list:expr, class = $bit:expr) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet =
            $crate::lexicon::WordSet::with_class(|| $list.iter().copied().collect(), $bit);
    };
    ($(#[$m:meta])* $vis:vis $name:ident = $list:expr) => {
        $(#[$m])*
        $vis static $name: $crate::lexicon::WordSet =
            $crate::lexicon::WordSet::new(|| $list.iter().copied().collect());
    };
}

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
    fn one_tagged_file_serves_each_use_of_a_word() {
        use super::sets::{SAYING_WORDS, SPEECH_VERB_SET, TENSE_SPEECH_WORDS};
        // a verb that attributes but is no reporting verb of the tense, and the other way
        assert!(SPEECH_VERB_SET.contains("Estimated") && !TENSE_SPEECH_WORDS.contains("estimated"));
        assert!(TENSE_SPEECH_WORDS.contains("according") && !SPEECH_VERB_SET.contains("according"));
        assert!(SPEECH_VERB_SET.contains("said") && TENSE_SPEECH_WORDS.contains("said"));
        assert!(SAYING_WORDS.contains("according") && SAYING_WORDS.contains("estimated"));
        // a tagged set with a class bit: its words carry the bit, the file's others do not
        assert_eq!(SPEECH_VERB_SET.bit(), super::class::SPEECH_VERB);
        assert_ne!(super::classify("estimated") & super::class::SPEECH_VERB, 0);
        assert_eq!(super::classify("according") & super::class::SPEECH_VERB, 0);
    }

    #[test]
    fn the_length_and_first_letter_filter_keeps_every_word() {
        // "said" and "told": lengths 4, first letters s and t; a word that differs in either
        // is out before the look-up, one that shares both is looked up
        assert!(SET.contains("SAID") && SET.contains("Told"));
        assert!(!SET.contains("sai") && !SET.contains("bold") && !SET.contains("sold"));
        assert!(!SET.contains("\u{e9}aid") && !SET.contains("s\u{e9}d"));
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
