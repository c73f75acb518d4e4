//! The hash table behind `set` and `frozenset`, laid out as CPython's
//! (`Objects/setobject.c`), so that iteration, printing and `pop()` visit
//! the elements in the same order as CPython does.
//!
//! The table is open addressing over a power-of-two number of slots (8 at
//! first). A probe looks at the home slot `hash & mask` and, when there is
//! room before the end of the table, the next [`LINEAR_PROBES`] slots, then
//! jumps with `i = i*5 + 1 + perturb` (`perturb` starting at the hash and
//! shifted right by [`PERTURB_SHIFT`] each jump). Deleted elements leave a
//! dummy slot; an insertion takes the last dummy its probe chain passed
//! (as CPython 3.11 does, checked against it), else the empty slot ending it.
//! The table grows (to 4× the live count, 2× above 50000) when filled slots,
//! live or dummy, reach 60% of it. The set algebra below (union, intersection,
//! difference, symmetric difference, copy) follows CPython's algorithms step
//! for step, since which table is iterated and in which order decides the
//! layout of the result.

use super::compare::{hash_key, key_eq};
use super::dict::{DictTable, Unhashable};
use super::heap::{Trace, Tracer};
use super::value::Value;

/// Slots probed linearly after the home slot before jumping.
pub const LINEAR_PROBES: usize = 9;
/// Right shift of `perturb` per jump.
pub const PERTURB_SHIFT: u32 = 5;
/// Slots of a new table.
pub const MIN_SIZE: usize = 8;

/// One slot: `key` is `Null` for an empty slot (`hash == 0`) and for a
/// dummy (`hash == -1`).
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub hash: i64,
    pub key: Value,
}

const EMPTY: Slot = Slot { hash: 0, key: Value::Null };
const DUMMY: Slot = Slot { hash: -1, key: Value::Null };

impl Slot {
    #[inline]
    fn is_empty(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    #[inline]
    fn is_live(&self) -> bool {
        !self.key.is_null()
    }
}

/// A set's hash table.
#[derive(Clone, Debug)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Live plus dummy slots.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where `pop` looks first.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

/// The hash of a set element, or of a lookup key: a mutable set looked up
/// in a set (`in`, `remove`, `discard`) stands for the frozenset of it.
pub fn hash_lookup_key(key: Value) -> Option<i64> {
    match key {
        Value::Set(s) if !s.frozen => Some(s.table.with(|t| t.frozen_hash())),
        _ => hash_key(key),
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { slots: vec![EMPTY; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The slot holding `key`, if any.
    pub fn find(&self, hash: i64, key: Value) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if s.is_empty() {
                    return None;
                }
                if s.hash == hash && s.is_live() && key_eq(s.key, key) {
                    return Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Slots of the live elements whose hash is `hash`, in probe order (for
    /// lookups comparing with Python's `==`).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut out = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if s.is_empty() {
                    return out;
                }
                if s.hash == hash && s.is_live() {
                    out.push(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The element in slot `j` (`Null` if none).
    pub fn slot_key(&self, j: usize) -> Value {
        self.slots.get(j).map(|s| s.key).unwrap_or(Value::Null)
    }

    /// Remove the element in slot `j`.
    pub fn remove_slot(&mut self, j: usize) -> bool {
        match self.slots.get(j) {
            Some(s) if s.is_live() => {
                self.slots[j] = DUMMY;
                self.used -= 1;
                true
            }
            _ => false,
        }
    }

    #[inline]
    pub fn contains_hashed(&self, hash: i64, key: Value) -> bool {
        self.find(hash, key).is_some()
    }

    pub fn contains(&self, key: Value) -> Result<bool, Unhashable> {
        let hash = hash_lookup_key(key).ok_or(Unhashable)?;
        Ok(self.contains_hashed(hash, key))
    }

    /// `set_add_entry`: add `key`; false if it was already there.
    pub fn add_hashed(&mut self, hash: i64, key: Value) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let empty = 'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if s.is_empty() {
                    break 'outer j;
                }
                if s.is_live() {
                    if s.hash == hash && key_eq(s.key, key) {
                        return false;
                    }
                } else {
                    // CPython 3.11 reuses the last dummy of the probe chain.
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        if let Some(f) = freeslot {
            self.used += 1;
            self.slots[f] = Slot { hash, key };
            return true;
        }
        self.fill += 1;
        self.used += 1;
        self.slots[empty] = Slot { hash, key };
        if self.fill * 5 >= mask * 3 {
            let n = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(n);
        }
        true
    }

    pub fn add(&mut self, key: Value) -> Result<bool, Unhashable> {
        let hash = hash_key(key).ok_or(Unhashable)?;
        Ok(self.add_hashed(hash, key))
    }

    /// `set_discard_entry`: remove `key`; false if it was not there.
    pub fn discard_hashed(&mut self, hash: i64, key: Value) -> bool {
        match self.find(hash, key) {
            Some(j) => {
                self.slots[j] = DUMMY;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    pub fn discard(&mut self, key: Value) -> Result<bool, Unhashable> {
        let hash = hash_lookup_key(key).ok_or(Unhashable)?;
        Ok(self.discard_hashed(hash, key))
    }

    /// Insert into a table known to hold no equal key and no dummies.
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for slot in &mut slots[i..=i + probes] {
                if slot.key.is_null() {
                    *slot = Slot { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above
    /// `minused` (at least 8), the live entries reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        for s in old.iter().filter(|s| s.is_live()) {
            Self::insert_clean(&mut self.slots, s.hash, s.key);
        }
        self.fill = self.used;
    }

    /// `set_merge`: add every element of `other` (a different table).
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.copy_from_slice(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in other.slots.iter().filter(|s| s.is_live()) {
                Self::insert_clean(&mut self.slots, s.hash, s.key);
            }
            return;
        }
        for s in other.slots.iter().filter(|s| s.is_live()) {
            self.add_hashed(s.hash, s.key);
        }
    }

    /// `set_update_internal` from a dict: presize, then add the keys in order.
    pub fn update_from_dict(&mut self, d: &DictTable) {
        let n = d.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for e in d.iter() {
            self.add_hashed(e.hash, e.key);
        }
    }

    /// `set.pop()`: the first live slot at or after the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.slots[i].is_live() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = self.slots[i].key;
        self.slots[i] = DUMMY;
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// Back to an empty 8-slot table (the finger stays, as in CPython).
    pub fn clear(&mut self) {
        self.slots = vec![EMPTY; MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// Take `other`'s table, keeping this set's `pop` finger (`set_swap_bodies`).
    pub fn replace_body(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Live entries in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|s| s.is_live())
    }

    /// The keys in slot order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|s| s.key).collect()
    }

    /// The live entry at or after slot `pos` (for iterators), and the next position.
    pub fn entry_from(&self, pos: usize) -> Option<(Slot, usize)> {
        let mut p = pos;
        while p < self.slots.len() {
            let s = self.slots[p];
            if s.is_live() {
                return Some((s, p + 1));
            }
            p += 1;
        }
        None
    }

    /// If more than a quarter of the slots are dummies, rebuild the table
    /// (the end of `set_difference_update_internal`).
    fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let n = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(n);
        }
    }

    /// `frozenset.__hash__`.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for s in self.iter() {
            hash ^= shuffle(s.hash as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        }
    }

    /// Every element of `self` is in `other`.
    pub fn is_subset(&self, other: &SetTable) -> bool {
        self.used <= other.used && self.iter().all(|s| other.contains_hashed(s.hash, s.key))
    }

    // ----- set algebra (CPython's algorithms) ------------------------------

    /// A copy (`set_copy`: a new table merged from this one).
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        t.merge(self);
        t
    }

    /// A table of hashed items added in order.
    pub fn from_hashed(items: &[(i64, Value)]) -> SetTable {
        let mut t = SetTable::new();
        for &(h, k) in items {
            t.add_hashed(h, k);
        }
        t
    }

    /// `set_intersection` with another set: iterate the smaller one.
    pub fn intersection(a: &SetTable, b: &SetTable) -> SetTable {
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut out = SetTable::new();
        for s in small.iter() {
            if big.contains_hashed(s.hash, s.key) {
                out.add_hashed(s.hash, s.key);
            }
        }
        out
    }

    /// `set_intersection` with any other iterable (its hashed items).
    pub fn intersection_items(a: &SetTable, items: &[(i64, Value)]) -> SetTable {
        let mut out = SetTable::new();
        for &(h, k) in items {
            if a.contains_hashed(h, k) {
                out.add_hashed(h, k);
            }
        }
        out
    }

    /// `set_difference_update_internal` with another set.
    pub fn difference_update(&mut self, other: &SetTable) {
        if (other.used >> 3) > self.used {
            let inter = SetTable::intersection(self, other);
            for s in inter.iter() {
                self.discard_hashed(s.hash, s.key);
            }
        } else {
            for s in other.iter() {
                self.discard_hashed(s.hash, s.key);
            }
        }
        self.shrink_dummies();
    }

    /// `set_difference_update_internal` with any other iterable.
    pub fn difference_update_items(&mut self, items: &[(i64, Value)]) {
        for &(h, k) in items {
            self.discard_hashed(h, k);
        }
        self.shrink_dummies();
    }

    /// `set_difference` with another set (`other_len` is its size).
    pub fn difference(a: &SetTable, other: &SetTable) -> SetTable {
        if (a.used >> 2) > other.used {
            let mut t = a.copy();
            t.difference_update(other);
            return t;
        }
        let mut out = SetTable::new();
        for s in a.iter() {
            if !other.contains_hashed(s.hash, s.key) {
                out.add_hashed(s.hash, s.key);
            }
        }
        out
    }

    /// `set_difference` with a dict: its keys.
    pub fn difference_dict(a: &SetTable, d: &DictTable) -> SetTable {
        if (a.used >> 2) > d.len() {
            let mut t = a.copy();
            for e in d.iter() {
                t.discard_hashed(e.hash, e.key);
            }
            t.shrink_dummies();
            return t;
        }
        let mut out = SetTable::new();
        for s in a.iter() {
            if d.get_hashed(s.hash, s.key).is_none() {
                out.add_hashed(s.hash, s.key);
            }
        }
        out
    }

    /// `set_symmetric_difference_update` with hashed items (a set's slots in
    /// order, or a dict's keys).
    pub fn symmetric_difference_update(&mut self, items: &[(i64, Value)]) {
        for &(h, k) in items {
            if !self.discard_hashed(h, k) {
                self.add_hashed(h, k);
            }
        }
    }

    /// The hashed live entries in slot order.
    pub fn hashed(&self) -> Vec<(i64, Value)> {
        self.iter().map(|s| (s.hash, s.key)).collect()
    }
}

impl Trace for SetTable {
    fn trace(&self, t: &mut Tracer) {
        for s in &self.slots {
            s.key.trace(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.iter().filter_map(|s| s.key.as_int()).collect()
    }

    fn build(xs: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &x in xs {
            let _ = t.add(Value::Int(x));
        }
        t
    }

    #[test]
    fn slot_order_like_cpython() {
        assert_eq!(ints(&build(&[8, 9, 10, 1])), vec![8, 9, 10, 1]);
        assert_eq!(ints(&build(&[16, 1, 2, 3, 4])), vec![1, 2, 3, 4, 16]);
        let mut t = build(&[0, 1]);
        assert!(t.discard(Value::Int(0)).unwrap_or(false));
        let _ = t.add(Value::Int(8));
        assert_eq!(ints(&t), vec![8, 1]);
        let mut t = build(&[1, 9, 17, 25]);
        assert_eq!(ints(&t), vec![1, 25, 9, 17]);
        let _ = t.discard(Value::Int(1));
        let _ = t.discard(Value::Int(17));
        let _ = t.add(Value::Int(33));
        assert_eq!(ints(&t), vec![25, 9, 33]);
    }

    #[test]
    fn pop_uses_the_finger() {
        let mut t = build(&(0..20).collect::<Vec<_>>());
        assert_eq!(t.pop().and_then(|v| v.as_int()), Some(0));
        assert_eq!(t.pop().and_then(|v| v.as_int()), Some(1));
        let _ = t.add(Value::Int(0));
        assert_eq!(t.pop().and_then(|v| v.as_int()), Some(2));
    }

    #[test]
    fn algebra() {
        let a = build(&[1, 9, 17, 25]);
        let b = build(&[25, 17, 3]);
        let mut u = a.copy();
        u.merge(&b);
        assert_eq!(ints(&u), vec![1, 17, 3, 25, 9]);
        assert_eq!(ints(&SetTable::intersection(&a, &b)), vec![25, 17]);
        assert_eq!(ints(&SetTable::difference(&a, &b)), vec![1, 9]);
        let mut x = b.copy();
        x.symmetric_difference_update(&a.hashed());
        assert_eq!(ints(&x), vec![9, 3, 1]);
    }
}
