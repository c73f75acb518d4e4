//! `str` objects: immutable UTF-8 text with its length in code points (so
//! indexing ASCII text is O(1)) and a lazily computed hash.
//!
//! A string is one allocation: the `GcBox` header, this object, then the
//! text (a [`TailArena`] object), as CPython's compact strings are. Strings
//! are made only through the heap ([`crate::runtime::gc::Heap::alloc_str`],
//! [`crate::runtime::gc::Heap::str_with`]), which also hands out the cached
//! empty and one-character (Latin-1) strings, as CPython does.

use std::cell::Cell;
use std::ptr::NonNull;

use super::heap::{Gc, TailArena, Tailed, Trace, Tracer};

pub struct StrObj {
    /// The text, right after this object in the same allocation.
    data: NonNull<u8>,
    /// Length in bytes.
    len: usize,
    /// Length in code points (`== len` exactly when the text is ASCII).
    nchars: usize,
    /// The hash, or -1 before it is first needed (a hash is never -1).
    hash: Cell<i64>,
}

impl StrObj {
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: `data` points to `len` initialized bytes of valid UTF-8
        // (written by `alloc` through a `StrWriter`, which only copies whole
        // `&str`s or ASCII bytes and checks every byte was written), in the
        // same allocation as `self`, which lives as long as `self` and is
        // never written again.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.data.as_ptr(), self.len))
        }
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }

    /// Length in bytes.
    #[inline]
    pub fn byte_len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.len
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    /// Python's `hash(s)` (fixed-seed, like `PYTHONHASHSEED=0` in spirit).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(self.as_str());
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0-based, in range) as a `&str`.
    pub fn char_at(&self, i: usize) -> &str {
        let s = self.as_str();
        if self.is_ascii() {
            &s[i..i + 1]
        } else {
            let (start, c) = s.char_indices().nth(i).expect("index in range");
            &s[start..start + c.len_utf8()]
        }
    }

    /// Allocate a string of `len` bytes in `arena`, written by `fill`
    /// (which must write exactly `len` bytes); `nchars` is its length in
    /// code points when the caller knows it (else it is counted).
    pub(crate) fn alloc(
        arena: &mut TailArena<StrObj>,
        immortal: bool,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> Gc<StrObj> {
        arena.alloc(len, immortal, |tail| {
            let mut w = StrWriter { ptr: tail, cap: len, pos: 0, _life: std::marker::PhantomData };
            fill(&mut w);
            w.finish();
            // SAFETY: `tail` is not null (it is inside an allocation) and
            // `finish` checked that all `len` bytes were written.
            let data = unsafe { NonNull::new_unchecked(tail) };
            // SAFETY: as above; the bytes are valid UTF-8 (see `as_str`).
            let text =
                unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(tail, len)) };
            let nchars = match nchars {
                Some(n) => {
                    debug_assert_eq!(n, char_count(text));
                    n
                }
                None => char_count(text),
            };
            StrObj { data, len, nchars, hash: Cell::new(-1) }
        })
    }
}

/// The number of code points in `s` (fast for ASCII).
#[inline]
pub fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Writes a new string's text into its allocation: whole `&str`s and ASCII
/// bytes only, so the result is valid UTF-8, and never past the size given
/// when the string was allocated.
pub struct StrWriter<'a> {
    ptr: *mut u8,
    cap: usize,
    pos: usize,
    _life: std::marker::PhantomData<&'a mut [u8]>,
}

impl StrWriter<'_> {
    /// A writer into `buf` (for short strings built on the stack).
    pub(crate) fn on(buf: &mut [u8]) -> StrWriter<'_> {
        StrWriter { ptr: buf.as_mut_ptr(), cap: buf.len(), pos: 0, _life: std::marker::PhantomData }
    }

    #[inline]
    pub fn push_str(&mut self, s: &str) {
        assert!(s.len() <= self.cap - self.pos, "string longer than allocated");
        // SAFETY: checked that `s` fits in the `cap - pos` bytes left of the
        // destination, which cannot overlap `s` (it is a fresh allocation
        // nothing else references yet, or a buffer borrowed mutably).
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), self.ptr.add(self.pos), s.len()) };
        self.pos += s.len();
    }

    /// Append an ASCII byte (`b < 0x80`).
    #[inline]
    pub fn push_ascii(&mut self, b: u8) {
        assert!(b < 0x80 && self.pos < self.cap, "not ASCII or longer than allocated");
        // SAFETY: checked that one byte is left.
        unsafe { self.ptr.add(self.pos).write(b) };
        self.pos += 1;
    }

    #[inline]
    pub fn push_char(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.push_str(c.encode_utf8(&mut b));
    }

    /// Append `n` copies of `s`.
    pub fn push_repeat(&mut self, s: &str, n: usize) {
        for _ in 0..n {
            self.push_str(s);
        }
    }

    /// Bytes written so far.
    #[inline]
    pub fn written(&self) -> usize {
        self.pos
    }

    fn finish(&self) {
        assert_eq!(self.pos, self.cap, "string shorter than allocated");
    }

    /// The text written (into a stack buffer made with [`StrWriter::on`]),
    /// after checking that it is complete.
    pub(crate) fn text(&self) -> &str {
        self.finish();
        // SAFETY: all `cap` bytes were written, with valid UTF-8 only.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.cap)) }
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
    const LEAF: bool = true;

    fn heap_size(&self) -> usize {
        self.len
    }

    fn trace(&self, _: &mut Tracer) {}
}

impl Tailed for StrObj {
    #[inline]
    fn tail_len(&self) -> usize {
        self.len
    }
}
