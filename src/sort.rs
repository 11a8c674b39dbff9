//! One sort for the whole app. Each `sort_by` with a closure of its own puts another
//! copy of the standard library's sort into the wasm (about 2.5 KB each); every caller
//! here shares one, which sorts positions with the comparison passed by reference.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives them; equal ones stay in order (the
/// position breaks every tie, so the order is total and the sort stable).
pub fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` by `cmp`, keeping equal items in their order (a stable sort).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    // Place the item that belongs at each position in turn: the one first at `order[k]`
    // is, if it has been moved already, where the swap that moved it put it.
    for (k, &first) in order.iter().enumerate() {
        let mut at = first;
        while at < k {
            at = order[at];
        }
        items.swap(k, at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn it_sorts_as_the_standard_stable_sort_does(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
