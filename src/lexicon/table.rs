//! The token lexicon: the class bits of every word the extractors test, looked up once per
//! token by the tokenizer.

use super::{load, short_key, ShortTable, WordSet};
use std::collections::HashMap;

/// The lexicon classes of a word token, looked up once when the token is built
/// ([`classify`]), so the extractors test bits instead of looking the word up again.
pub mod class {
    /// The word has a [`super::short_key`] (ASCII, 1 to 16 bytes): the set bits below are
    /// exact. Without it every bit is 0 and users look the word up themselves.
    pub const KEYED: u32 = 1;
    /// Keyed and made of ASCII letters only: the date bits ([`LEAD`] to [`ORDINAL`]) and
    /// [`NUMBERISH`] are exact.
    pub const PLAIN: u32 = 1 << 1;
    /// A small word that leads a temporal expression ((`time::lexicon::Trigger::Lead`)).
    pub const LEAD: u32 = 1 << 2;
    /// A core word of a temporal expression ((`time::lexicon::Trigger::Core`)).
    pub const CORE: u32 = 1 << 3;
    /// A word that may follow a lead ((`time::lexicon::follows_lead`)).
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
    /// Attribution: a verb of one of the roles besides speech (`figures::attribution`'s
    /// verb role sets): a word without it and without [`SPEECH_VERB`] is no cue verb.
    pub const VERB_ROLE: u32 = 1 << 22;
    /// Entities: a capitalised word that names no one.
    pub const NOT_NAME: u32 = 1 << 23;
    /// Tense: the word's list flags (seven bits from here; see [`tense`]).
    pub const TENSE_SHIFT: u32 = 24;

    /// The tense lists' flags, shifted by [`TENSE_SHIFT`] in a token's class.
    pub mod tense {
        /// A past-tense word.
        pub const PAST: u8 = 1;
        /// A future word.
        pub const FUTURE: u8 = 2;
        /// A word that marks the future before "to" ("due to").
        pub const FUTURE_BEFORE_TO: u8 = 4;
        /// A word in "-ed" that is not a past tense.
        pub const NOT_PAST_ED: u8 = 8;
        /// A present-tense word.
        pub const PRESENT: u8 = 16;
        /// A reporting verb.
        pub const SPEECH: u8 = 32;
        /// An auxiliary.
        pub const AUXILIARY: u8 = 64;
    }
    /// Figures: a word that may head a spelled-out or vague number, any case.
    pub const NUMBERISH: u32 = 1 << 31;
}

/// Every [`WordSet`] with a class bit: their words go into the token lexicon.
pub(crate) fn classed_sets() -> [&'static WordSet; 15] {
    use super::sets as s;
    [
        &s::VERB_ROLE_SET,
        &s::SPEECH_VERB_SET,
        &s::NOT_IN_SOURCE_SET,
        &s::SOURCE_HEAD_SET,
        &s::STOP_BACK_SET,
        &s::LEAD_WORD_SET,
        &s::NOUN_STOP_SET,
        &s::MEASURE_UNIT_SET,
        &s::DURATION_UNIT_SET,
        &s::CURRENCY_SET,
        &s::PEOPLE_SET,
        &s::MEASURE_WORD_SET,
        &s::TITLE_SET,
        &s::ORG_SET,
        &s::NOT_NAME_SET,
    ]
}

/// Every word of the date lexicon with its [`class`] bits (words without a hyphen;
/// possessive weekdays and relative words are core only).
pub(crate) fn date_class_words() -> Vec<(String, u32)> {
    use super::sets as s;
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut add = |w: &str, b: u32| out.push((w.to_string(), b));
    for w in s::MONTHS.iter() {
        add(w, class::CORE | class::MONTH);
    }
    for (list, bit) in [(&s::WEEKDAYS, class::WEEKDAY), (&s::RELATIVE_DAYS, 0)] {
        for w in list.iter() {
            add(w, class::CORE | bit);
            add(&format!("{w}'s"), class::CORE);
        }
    }
    for w in s::CARDINALS.iter().chain(&["zero"]) {
        add(w, class::CORE | class::CARDINAL);
    }
    for w in s::ORDINALS.iter() {
        add(w, class::CORE | class::ORDINAL);
    }
    for w in s::DATE_LEADS.iter() {
        add(w, class::LEAD);
    }
    for w in s::FOLLOWS_LEAD.iter() {
        add(w, class::FOLLOWS_LEAD);
    }
    out
}

/// Every word of the tense lists with the lists it is in ([`class::tense`]).
pub(crate) fn tense_words() -> Vec<(&'static str, u8)> {
    use super::sets as s;
    use class::tense as t;
    let mut words: Vec<(&'static str, u8)> = Vec::new();
    for (list, flag) in [
        (&s::PAST_WORDS, t::PAST),
        (&s::FUTURE_WORDS, t::FUTURE),
        (&s::FUTURE_BEFORE_TO_WORDS, t::FUTURE_BEFORE_TO),
        (&s::NOT_PAST_ED_WORDS, t::NOT_PAST_ED),
        (&s::PRESENT_WORDS, t::PRESENT),
        (&s::TENSE_SPEECH_WORDS, t::SPEECH),
        (&s::AUXILIARY_WORDS, t::AUXILIARY),
    ] {
        for w in list.iter() {
            match words.iter_mut().find(|(x, _)| x == w) {
                Some(e) => e.1 |= flag,
                None => words.push((w, flag)),
            }
        }
    }
    words
}

/// The class bits of every word of the date lexicon and of the classed word sets.
static LEXICON: std::sync::LazyLock<ShortTable<u32>> = std::sync::LazyLock::new(|| {
    let mut bits: HashMap<u128, u32> = HashMap::new();
    let mut add = |w: &str, b: u32| {
        if let Some(k) = short_key(w.as_bytes()) {
            *bits.entry(k).or_insert(0) |= b;
        }
    };
    for (w, b) in date_class_words() {
        add(&w, b);
    }
    for (w, f) in tense_words() {
        add(w, u32::from(f) << class::TENSE_SHIFT);
    }
    for w in super::sets::numberish_words() {
        add(w, class::NUMBERISH);
    }
    for set in classed_sets() {
        for w in set.iter() {
            add(w, set.bit());
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
