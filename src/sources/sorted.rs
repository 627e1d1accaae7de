//! Merging two sorted lists: what two articles have in common (keywords, topics, ages, words)
//! without a hash set, in one pass over both.

use std::cmp::Ordering;

/// The items two sorted lists share, in order, as an iterator (see [`common`]).
pub(crate) struct Common<'a, T> {
    a: &'a [T],
    b: &'a [T],
}

impl<'a, T: Ord> Iterator for Common<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        while let (Some(x), Some(y)) = (self.a.first(), self.b.first()) {
            match x.cmp(y) {
                Ordering::Less => self.a = &self.a[1..],
                Ordering::Greater => self.b = &self.b[1..],
                Ordering::Equal => {
                    self.a = &self.a[1..];
                    self.b = &self.b[1..];
                    return Some(x);
                }
            }
        }
        None
    }
}

/// The items of `a` also in `b`, both sorted (an item repeated in both is met as often as the
/// fewer repeats): each step drops the smaller head.
pub(crate) fn common<'a, T: Ord>(a: &'a [T], b: &'a [T]) -> Common<'a, T> {
    Common { a, b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_items_of_sorted_lists_in_order() {
        let got: Vec<u64> = common(&[1, 3, 5, 7, 9], &[2, 3, 4, 9, 11])
            .copied()
            .collect();
        assert_eq!(got, [3, 9]);
        assert_eq!(common::<u64>(&[], &[1, 2]).count(), 0);
        assert_eq!(common(&[4, 4, 6], &[4, 4, 4]).count(), 2);
        let words = ["bhutan", "mongolia", "uruguay"];
        assert_eq!(common(&words, &["mongolia", "paraguay"]).count(), 1);
    }
}
