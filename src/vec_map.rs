//! `VecMap` and `VecSet`: a map and a set kept as one sorted vector, for the app's small
//! collections (an assessment's answers, the index's notes, a store's keys). They iterate
//! in key order like `BTreeMap` and `BTreeSet`, which they replace: each key and value
//! type of a B-tree put its own node code into the wasm (insert, split, merge, steal,
//! clone, drop: about 7 KB raw for `BTreeMap<String, String>` alone), while a sorted
//! vector needs one binary search and the vector's own code. The collections here hold
//! tens or hundreds of entries, where a vector is as fast as a tree.

use std::borrow::Borrow;
use std::fmt;

/// A map from keys to values, sorted by key, each key once.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub fn new() -> Self {
        VecMap(Vec::new())
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key`'s value, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The map of `entries` already sorted by key, each key once (a reader that sorted
    /// them itself: `strict_json`).
    pub(crate) fn from_sorted(entries: Vec<(K, V)>) -> Self {
        debug_assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
        VecMap(entries)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    /// Like `BTreeMap`'s: for a key given twice, the last value stays. Each entry is
    /// inserted in turn (the least code): for the small collections these maps are
    /// for, not thousands (the register sorts positions instead, `sort::positions`).
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = VecMap::new();
        for (k, v) in items {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// A set, sorted, each item once.
#[derive(Clone, PartialEq, Eq)]
pub struct VecSet<T>(Vec<T>);

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet(Vec::new())
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_set().entries(&self.0).finish()
    }
}

impl<T: Ord> VecSet<T> {
    pub fn new() -> Self {
        VecSet(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|t| t.borrow().cmp(item))
    }

    /// Adds `item`; false if it was there already (and then the set is unchanged).
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, item);
                true
            }
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).map(|i| self.0.remove(i)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    /// Like `BTreeSet`'s: of equal items, the first given is kept. Inserted in turn, as
    /// `VecMap`'s are.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = VecSet::new();
        for item in items {
            set.insert(item);
        }
        set
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;

    /// The value of `key`; panics if there is none, as `BTreeMap`'s does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

// The index's test form (`storage::index`) is written and read with serde.
#[cfg(test)]
impl<K: Ord + serde::Serialize, V: serde::Serialize> serde::Serialize for VecMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(test)]
impl<'de, K, V> serde::Deserialize<'de> for VecMap<K, V>
where
    K: Ord + serde::Deserialize<'de>,
    V: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<K, V>::deserialize(d)?;
        Ok(map.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::{VecMap, VecSet};

    #[derive(Clone, Debug)]
    enum Op {
        Insert(u8, u8),
        Remove(u8),
        Retain(u8),
    }

    fn any_op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..40, any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
            (0u8..40).prop_map(Op::Remove),
            (1u8..5).prop_map(Op::Retain),
        ]
    }

    proptest! {
        /// Every operation answers as `BTreeMap`'s does, and afterwards the map holds
        /// the same entries in the same order.
        #[test]
        fn the_map_behaves_as_a_btree_map(ops in prop::collection::vec(any_op(), 0..200)) {
            let (mut ours, mut theirs) = (VecMap::new(), BTreeMap::new());
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                    Op::Retain(m) => {
                        ours.retain(|k, v| (k ^ *v) % m != 0);
                        theirs.retain(|k, v| (k ^ *v) % m != 0);
                    }
                }
                prop_assert!(ours.iter().eq(theirs.iter()));
                prop_assert_eq!(ours.len(), theirs.len());
                for k in 0..40u8 {
                    prop_assert_eq!(ours.get(&k), theirs.get(&k));
                    prop_assert_eq!(ours.contains_key(&k), theirs.contains_key(&k));
                }
            }
            let collected: VecMap<u8, u8> = theirs.clone().into_iter().rev().collect();
            prop_assert!(collected.into_iter().eq(theirs.into_iter()));
        }

        /// The same for the set and `BTreeSet`.
        #[test]
        fn the_set_behaves_as_a_btree_set(ops in prop::collection::vec(any_op(), 0..200)) {
            let (mut ours, mut theirs) = (VecSet::new(), BTreeSet::new());
            for op in ops {
                match op {
                    Op::Insert(k, _) => prop_assert_eq!(ours.insert(k), theirs.insert(k)),
                    Op::Remove(k) | Op::Retain(k) => {
                        prop_assert_eq!(ours.remove(&k), theirs.remove(&k))
                    }
                }
                prop_assert!(ours.iter().eq(theirs.iter()));
                for k in 0..40u8 {
                    prop_assert_eq!(ours.contains(&k), theirs.contains(&k));
                }
            }
        }
    }

    proptest! {
        /// Collecting, with keys given more than once and in any order, gives what
        /// `BTreeMap` and `BTreeSet` collect.
        #[test]
        fn collecting_gives_what_the_btrees_collect(pairs in prop::collection::vec((0u8..20, any::<u8>()), 0..100)) {
            let ours: VecMap<u8, u8> = pairs.iter().copied().collect();
            let theirs: BTreeMap<u8, u8> = pairs.iter().copied().collect();
            prop_assert!(ours.iter().eq(theirs.iter()));
            let ours: VecSet<u8> = pairs.iter().map(|p| p.0).collect();
            let theirs: BTreeSet<u8> = pairs.iter().map(|p| p.0).collect();
            prop_assert!(ours.iter().eq(theirs.iter()));
        }
    }

    /// A key given twice keeps its last value, as `BTreeMap` does when collecting.
    #[test]
    fn collecting_keeps_the_last_value_of_a_key() {
        let map: VecMap<&str, u8> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
        assert_eq!(map.iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &3)]);
        assert_eq!(map["b"], 3);
    }
}
