//! Dense numbers for the keyword hashes of an index: each indexed article's keywords are kept a
//! second time as `u32` numbers, so that comparing an article with the thousands of the same
//! weeks reads half the bytes and tests each keyword by indexing an array (see
//! `Index::similarity`) instead of merging two sorted lists of hashes.

use std::collections::HashMap;

/// Keys that are already hashes (keyword hashes) need no hashing again.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct PreHashed;

/// The hasher of [`PreHashed`]: passes a `u64` through. Kept by hand rather than rustc-hash:
/// the keys are already uniform 64-bit hashes, and passing them through is cheaper than any
/// hasher (FxHasher would multiply each again).
#[derive(Default)]
pub(super) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for PreHashed {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough::default()
    }
}

/// The number of each keyword hash held by at least one indexed article (every copy of a text
/// counts), with how many hold it; numbers of keywords no article holds any more are reused.
#[derive(Clone, Default, Debug)]
pub(super) struct WordIds {
    /// Keyword hash to (number, articles holding it).
    ids: HashMap<u64, (u32, u32), PreHashed>,
    /// Numbers given back, to be reused.
    free: Vec<u32>,
    /// One more than the highest number ever given.
    next: u32,
}

impl WordIds {
    /// The numbers of an article's keywords, in the keywords' order (numbering the new ones).
    pub(super) fn intern(&mut self, keywords: &[u64]) -> Box<[u32]> {
        keywords
            .iter()
            .map(|k| {
                let (free, next) = (&mut self.free, &mut self.next);
                let e = self.ids.entry(*k).or_insert_with(|| {
                    let id = free.pop().unwrap_or_else(|| {
                        *next = next.saturating_add(1);
                        *next - 1
                    });
                    (id, 0)
                });
                e.1 += 1;
                e.0
            })
            .collect()
    }

    /// Forgets one article holding these keywords (given as to [`WordIds::intern`]).
    pub(super) fn release(&mut self, keywords: &[u64]) {
        for k in keywords {
            if let Some(e) = self.ids.get_mut(k) {
                e.1 = e.1.saturating_sub(1);
                if e.1 == 0 {
                    self.free.push(e.0);
                    self.ids.remove(k);
                }
            }
        }
    }

    /// The number of a keyword, when an indexed article holds it.
    pub(super) fn get(&self, k: u64) -> Option<u32> {
        self.ids.get(&k).map(|e| e.0)
    }

    /// An upper bound of the numbers in use (the size of an array indexed by them).
    pub(super) fn bound(&self) -> usize {
        self.next as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dense_shared_and_reused_once_no_article_holds_the_word() {
        let mut w = WordIds::default();
        let a = w.intern(&[30, 10, 20]);
        let b = w.intern(&[20, 40]);
        assert_eq!(&*a, &[0, 1, 2]);
        assert_eq!(&*b, &[2, 3]);
        assert_eq!(w.bound(), 4);
        w.release(&[30, 10, 20]);
        // 20 is still held by the second article; 30 and 10 are free again
        assert_eq!(w.get(20), Some(2));
        assert_eq!(w.get(30), None);
        let c = w.intern(&[50, 60, 70]);
        assert!(c[..2].iter().all(|id| *id < 2), "{c:?}");
        assert_eq!(c[2], 4);
        assert_eq!(w.bound(), 5);
        // an unknown word's release changes nothing
        w.release(&[99]);
        assert_eq!(w.get(40), Some(3));
    }
}
