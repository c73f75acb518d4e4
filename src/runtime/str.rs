//! `str` objects: immutable UTF-8 text with a cached "is ASCII" flag, the
//! length in code points (so indexing ASCII text is O(1)) and a lazily
//! computed hash.

use std::cell::Cell;

use super::heap::{Trace, Tracer};

pub struct StrObj {
    s: Box<str>,
    ascii: bool,
    nchars: usize,
    hash: Cell<Option<i64>>,
}

impl StrObj {
    pub fn new(s: impl Into<Box<str>>) -> StrObj {
        let s: Box<str> = s.into();
        let ascii = s.is_ascii();
        let nchars = if ascii { s.len() } else { s.chars().count() };
        StrObj { s, ascii, nchars, hash: Cell::new(None) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    /// Python's `hash(s)` (fixed-seed, like `PYTHONHASHSEED=0` in spirit).
    #[inline]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(Some(h));
        h
    }

    /// The hash if it was computed already.
    #[inline]
    pub fn cached_hash(&self) -> Option<i64> {
        self.hash.get()
    }

    /// The code point at index `i` (0-based, in range) as a `&str`.
    pub fn char_at(&self, i: usize) -> &str {
        if self.ascii {
            &self.s[i..i + 1]
        } else {
            let (start, c) = self.s.char_indices().nth(i).expect("index in range");
            &self.s[start..start + c.len_utf8()]
        }
    }
}

/// The hash of a string, never -1 (CPython reserves it for errors).
pub fn str_hash(s: &str) -> i64 {
    let state = ahash::RandomState::with_seeds(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344);
    let h = state.hash_one(s) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl Trace for StrObj {
    fn heap_size(&self) -> usize {
        self.s.len()
    }

    const LEAF: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}
