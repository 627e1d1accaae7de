//! Fast case-insensitive membership tests for the core's word lists, without allocating.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

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
    set: LazyLock<Words, fn() -> Words>,
}

impl WordSet {
    /// A set filled from `init` on first use.
    pub const fn new(init: fn() -> Words) -> WordSet {
        WordSet {
            set: LazyLock::new(init),
        }
    }

    /// True when `word`, compared without case, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        match lower(word, &mut buf) {
            Some(l) => self.set.contains(l),
            None => false,
        }
    }
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

/// Declares a `static` [`WordSet`] from a list of lowercase words.
#[macro_export]
macro_rules! word_set {
    ($(#[$m:meta])* $name:ident = $list:expr) => {
        $(#[$m])*
        static $name: $crate::wordset::WordSet =
            $crate::wordset::WordSet::new(|| $list.iter().copied().collect());
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
    }
}
