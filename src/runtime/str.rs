//! `str` objects: immutable UTF-8 text with its length in code points (so
//! indexing ASCII text is O(1)) and a lazily computed hash.
//!
//! A string is one allocation: the `GcBox` header, this object, then the
//! text (a [`TailArena`] object), as CPython's compact strings are. Strings
//! are made only through the heap ([`crate::runtime::gc::Heap::alloc_str`],
//! [`crate::runtime::gc::Heap::str_with`]), which also hands out the cached
//! empty and one-character (Latin-1) strings, as CPython does.

use std::cell::Cell;
use std::mem::MaybeUninit;
use std::ptr::NonNull;

use super::heap::{Arena, Gc, TailArena, Tailed, Trace, Tracer};

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

    /// The hash if it was computed already.
    #[inline]
    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        (h != -1).then_some(h)
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

    /// Allocate a string of `len` bytes in `arena` (a long string: its own
    /// allocation), written by `fill` (which must write exactly `len`
    /// bytes); `nchars` is its length in code points when the caller knows
    /// it (else it is counted).
    pub(crate) fn alloc(
        arena: &mut TailArena<StrObj>,
        immortal: bool,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> Gc<StrObj> {
        arena.alloc(len, immortal, |tail| {
            // SAFETY: the tail is `len` writable bytes that live as long as
            // the object.
            unsafe { StrObj::build(tail, len, nchars, fill) }
        })
    }

    /// [`StrObj::alloc`] for a short string (`len <= N`): a slot of a
    /// size-classed arena, text inline.
    #[inline]
    pub(crate) fn alloc_in<const N: usize>(
        arena: &mut Arena<StrSlot<N>>,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> Gc<StrObj> {
        assert!(len <= N);
        // SAFETY: the closure initializes both fields of the slot: the text
        // through `build` (`len <= N` bytes, the rest stays uninitialized as
        // `MaybeUninit` allows) and then the header.
        let g = unsafe {
            arena.alloc_with(|p| {
                let text = std::ptr::addr_of_mut!((*p).text) as *mut u8;
                let obj = StrObj::build(text, len, nchars, fill);
                std::ptr::addr_of_mut!((*p).obj).write(obj);
            })
        };
        // SAFETY: `StrSlot<N>` is `repr(C)` with a `StrObj` first and the
        // same alignment (checked below).
        unsafe { g.cast::<StrObj>() }
    }

    /// Write the text at `text` with `fill` and make the header.
    ///
    /// # Safety
    /// `text` must be valid for writing `len` bytes, for as long as the
    /// returned object lives, and never written again.
    #[inline]
    unsafe fn build(
        text: *mut u8,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> StrObj {
        let mut w = StrWriter { ptr: text, cap: len, pos: 0, _life: std::marker::PhantomData };
        fill(&mut w);
        w.finish();
        // SAFETY: `text` is not null (it is inside an allocation) and
        // `finish` checked that all `len` bytes were written.
        let data = unsafe { NonNull::new_unchecked(text) };
        // SAFETY: as above; the bytes are valid UTF-8 (see `as_str`).
        let s = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(text, len)) };
        let nchars = match nchars {
            Some(n) => {
                debug_assert_eq!(n, char_count(s));
                n
            }
            None => char_count(s),
        };
        StrObj { data, len, nchars, hash: Cell::new(-1) }
    }
}

/// An arena slot for a string of at most `N` bytes: the header, then the
/// text inline.
#[repr(C)]
pub struct StrSlot<const N: usize> {
    obj: StrObj,
    text: [MaybeUninit<u8>; N],
}

const _: () = assert!(std::mem::align_of::<StrSlot<8>>() == std::mem::align_of::<StrObj>());

impl<const N: usize> Trace for StrSlot<N> {
    const LEAF: bool = true;
    const COUNT_SLOTS: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}

/// Copy `n` bytes from `src` to `dst`: short copies inline (overlapping
/// word moves, as `memcpy` implementations do) instead of a call to
/// `memcpy`, which dominated building short strings.
///
/// # Safety
/// As `std::ptr::copy_nonoverlapping(src, dst, n)`.
#[inline(always)]
unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    use std::ptr::{read_unaligned as rd, write_unaligned as wr};
    // SAFETY (all branches): every access is within the first `n` bytes of
    // `src` or `dst` (the caller guarantees those are valid and disjoint);
    // the second access of each pair overlaps the first when `n` is not a
    // power of two.
    unsafe {
        match n {
            0 => {}
            1..=3 => {
                *dst = *src;
                *dst.add(n / 2) = *src.add(n / 2);
                *dst.add(n - 1) = *src.add(n - 1);
            }
            4..=7 => {
                let (a, b) = (rd(src as *const u32), rd(src.add(n - 4) as *const u32));
                wr(dst as *mut u32, a);
                wr(dst.add(n - 4) as *mut u32, b);
            }
            8..=16 => {
                let (a, b) = (rd(src as *const u64), rd(src.add(n - 8) as *const u64));
                wr(dst as *mut u64, a);
                wr(dst.add(n - 8) as *mut u64, b);
            }
            17..=32 => {
                let (a, b) = (rd(src as *const u128), rd(src.add(n - 16) as *const u128));
                wr(dst as *mut u128, a);
                wr(dst.add(n - 16) as *mut u128, b);
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
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
        unsafe { copy_bytes(s.as_ptr(), self.ptr.add(self.pos), s.len()) };
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

    /// Append the ASCII string `src` with every byte mapped through `map`
    /// (which must map ASCII to ASCII: checked, as a whole, at the end).
    #[inline]
    pub fn push_ascii_mapped(&mut self, src: &str, map: impl Fn(u8) -> u8) {
        let src = src.as_bytes();
        assert!(src.len() <= self.cap - self.pos, "string longer than allocated");
        let mut all = 0u8;
        for (i, &b) in src.iter().enumerate() {
            let m = map(b);
            all |= m;
            // SAFETY: `i < src.len()`, which fits in the bytes left (checked).
            unsafe { self.ptr.add(self.pos + i).write(m) };
        }
        // Non-ASCII bytes written here would make the text invalid UTF-8:
        // fail before the string can be seen.
        assert!(all < 0x80, "mapped a byte outside ASCII");
        self.pos += src.len();
    }

    /// Append the ASCII bytes `b` (checked).
    #[inline]
    pub fn push_ascii_bytes(&mut self, b: &[u8]) {
        assert!(b.is_ascii(), "not ASCII");
        // SAFETY: ASCII bytes are valid UTF-8.
        self.push_str(unsafe { std::str::from_utf8_unchecked(b) });
    }

    #[inline]
    pub fn push_char(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.push_str(c.encode_utf8(&mut b));
    }

    /// Append `n` copies of `s`.
    pub fn push_repeat(&mut self, s: &str, n: usize) {
        if let [b] = *s.as_bytes() {
            let total = n; // one byte each
            assert!(total <= self.cap - self.pos, "string longer than allocated");
            // SAFETY: checked that `n` bytes fit; a one-byte UTF-8 string is
            // an ASCII byte, so the result stays valid UTF-8.
            unsafe { self.ptr.add(self.pos).write_bytes(b, n) };
            self.pos += n;
            return;
        }
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
