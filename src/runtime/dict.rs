//! `dict` objects: insertion-ordered, compact hash tables (an entries vector
//! plus a `hashbrown::HashTable` of indices into it), as CPython's dicts.
//!
//! `DictTable` is shared with sets (whose entries carry no value). Key
//! equality here covers the builtin key types (numbers, strings, bytes,
//! tuples, None, and identity for the rest); see [`super::compare`].

use hashbrown::HashTable;

use super::compare::{hash_key, key_eq};
use super::heap::{Mut, Trace, Tracer};
use super::value::Value;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The hash table behind dicts and sets.
#[derive(Default, Clone)]
pub struct DictTable {
    /// Insertion-ordered entries; deleted ones have `key == Value::Null`.
    entries: Vec<Entry>,
    index: HashTable<usize>,
    len: usize,
    /// Bumped on every insertion of a new key or deletion (for caches and
    /// "dictionary changed size during iteration").
    pub version: u64,
}

/// The hash given to the index table. hashbrown takes the bucket from the
/// low bits and the 7-bit tag it compares first from the top 7 bits, while
/// Python's hash of an int is the int itself. Used as it is, keys that are
/// multiples of a power of two (`i * 1024`) fell into a fraction of the
/// buckets (a million of them: 30x slower than CPython), and all small ints
/// had the same tag. So the high bits are folded into the low ones (ints
/// below 2**16 keep their buckets, so consecutive ints stay in consecutive
/// buckets: a full multiplicative mix made them 4x slower by scattering
/// them over the table), and the low 7 bits into the tag.
#[inline(always)]
fn mix(hash: i64) -> u64 {
    let h = hash as u64;
    let h = h ^ (h >> 16) ^ (h >> 32) ^ (h >> 48);
    h ^ (h << 57)
}

/// Why a key cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unhashable;

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        DictTable {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
            len: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: i64, key: Value) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| {
                let e = &entries[i];
                e.hash == hash && key_eq(e.key, key)
            })
            .copied()
    }

    pub fn get(&self, key: Value) -> Result<Option<Value>, Unhashable> {
        let hash = hash_key(key).ok_or(Unhashable)?;
        Ok(self.get_hashed(hash, key))
    }

    /// The entry position of `key` (stable until `version` changes).
    #[inline]
    pub fn index_of(&self, hash: i64, key: Value) -> Option<usize> {
        self.find(hash, key)
    }

    /// The value of the entry at `i` (from `index_of`).
    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries.get(i).map(|e| e.value).unwrap_or(Value::Null)
    }

    #[inline]
    pub fn get_hashed(&self, hash: i64, key: Value) -> Option<Value> {
        self.find(hash, key).map(|i| self.entries[i].value)
    }

    pub fn contains(&self, key: Value) -> Result<bool, Unhashable> {
        Ok(self.get(key)?.is_some())
    }

    pub fn insert(&mut self, key: Value, value: Value) -> Result<(), Unhashable> {
        let hash = hash_key(key).ok_or(Unhashable)?;
        self.insert_hashed(hash, key, value);
        Ok(())
    }

    pub fn insert_hashed(&mut self, hash: i64, key: Value, value: Value) {
        if let Some(i) = self.find(hash, key) {
            self.entries[i].value = value;
            return;
        }
        let i = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index.insert_unique(mix(hash), i, |&j| mix(entries[j].hash));
        self.len += 1;
        self.version += 1;
    }

    pub fn remove(&mut self, key: Value) -> Result<Option<Value>, Unhashable> {
        let hash = hash_key(key).ok_or(Unhashable)?;
        let entries = &self.entries;
        let found = self.index.find_entry(mix(hash), |&i| {
            let e = &entries[i];
            e.hash == hash && key_eq(e.key, key)
        });
        let Ok(occupied) = found else { return Ok(None) };
        let (i, _) = occupied.remove();
        let old = self.entries[i].value;
        self.entries[i].key = Value::Null;
        self.entries[i].value = Value::Null;
        self.len -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Ok(Some(old))
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            self.index.insert_unique(mix(e.hash), i, |&j| mix(entries[j].hash));
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        self.version += 1;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The live entry at or after raw position `pos` (for iterators), and the next position.
    pub fn entry_from(&self, pos: usize) -> Option<(Entry, usize)> {
        let mut p = pos;
        while p < self.entries.len() {
            let e = self.entries[p];
            if !e.key.is_null() {
                return Some((e, p + 1));
            }
            p += 1;
        }
        None
    }

    /// Positions of the entries whose hash is `hash`, for lookups that
    /// compare keys with Python's `==` (keys of classes with `__eq__`).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let entries = &self.entries;
        self.index
            .iter_hash(mix(hash))
            .copied()
            .filter(|&i| entries[i].hash == hash && !entries[i].key.is_null())
            .collect()
    }

    /// The key at entry position `i` (`Null` if deleted or out of range).
    pub fn key_at(&self, i: usize) -> Value {
        self.entries.get(i).map(|e| e.key).unwrap_or(Value::Null)
    }

    /// Replace the value of the entry at position `i` if the keys have not
    /// changed since `version` (so `i` is still where the lookup that gave
    /// it found its key); false if they have.
    #[inline]
    pub fn set_value_if_version(&mut self, i: usize, version: u64, v: Value) -> bool {
        if self.version != version {
            return false;
        }
        match self.entries.get_mut(i) {
            Some(e) if !e.key.is_null() => {
                e.value = v;
                true
            }
            _ => false,
        }
    }

    /// Replace the value of the (live) entry at position `i`.
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        if let Some(e) = self.entries.get_mut(i) {
            if !e.key.is_null() {
                e.value = v;
            }
        }
    }

    /// Remove the entry at position `i`; its value.
    pub fn remove_at(&mut self, i: usize) -> Option<Value> {
        let e = *self.entries.get(i)?;
        if e.key.is_null() {
            return None;
        }
        let Ok(occupied) = self.index.find_entry(mix(e.hash), |&j| j == i) else {
            return None;
        };
        occupied.remove();
        self.entries[i].key = Value::Null;
        self.entries[i].value = Value::Null;
        self.len -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(e.value)
    }

    /// Remove and return the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let last = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let e = self.entries[last];
        let _ = self.remove(e.key);
        Some(e)
    }
}

impl Trace for DictTable {
    fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            e.key.trace(t);
            e.value.trace(t);
        }
    }
}

pub struct DictObj {
    pub table: Mut<DictTable>,
}

impl DictObj {
    pub fn new() -> DictObj {
        DictObj { table: Mut::new(DictTable::new()) }
    }

    pub fn from_table(t: DictTable) -> DictObj {
        DictObj { table: Mut::new(t) }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.table.with(|t| t.len())
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: Value) -> Result<Option<Value>, Unhashable> {
        self.table.with(|t| t.get(key))
    }

    pub fn set(&self, key: Value, value: Value) -> Result<(), Unhashable> {
        self.table.with_mut(|t| t.insert(key, value))
    }
}

impl Default for DictObj {
    fn default() -> Self {
        DictObj::new()
    }
}

impl Trace for DictObj {
    fn heap_size(&self) -> usize {
        self.table.with(|t| t.len() * 48)
    }

    fn trace(&self, t: &mut Tracer) {
        self.table.with(|d| d.trace(t));
    }
}

/// What a dict view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `dict_keys`, `dict_values`, `dict_items`: live views of a dict.
pub struct DictViewObj {
    pub dict: super::heap::Gc<DictObj>,
    pub kind: ViewKind,
}

impl Trace for DictViewObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict);
    }
}
