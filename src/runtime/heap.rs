//! The garbage-collected heap: typed arenas of objects and a tracing,
//! non-moving mark-sweep collector.
//!
//! Every heap type has its own [`Arena`]: chunks of fixed-size slots with a
//! bitmap of the occupied ones, so allocation takes the next free slot in
//! address order and objects of one type sit together in memory. A [`Gc<T>`] is a plain pointer to a slot (it is `Copy`
//! and never moves). Collection happens only when the VM asks for it, at a
//! safepoint where every live object is reachable from the roots it passes
//! (registers, frames, globals, constants); native code therefore never holds
//! a `Gc` across a collection without rooting it.
//!
//! Marking uses an explicit work list (no recursion, so deep structures
//! cannot overflow the native stack); sweeping drops unmarked objects in place
//! and clears their bits in the bitmap (free slots are never visited).
//!
//! Where the mark bit lives depends on the type. Objects that need no drop
//! (`!std::mem::needs_drop::<T>()`: short strings, cells...) are marked in a
//! bitmap at the head of their chunk, found from the slot's header: their
//! sweep is then word-wise (`alive &= marked`) and never reads the objects,
//! dead or alive. The other objects, and those of a [`TailArena`], carry
//! their mark bit in their header, and the sweep visits each allocated one.
//!
//! This module holds the crate's `unsafe` for object access; each block says
//! why it is sound.

use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ptr::NonNull;

/// Slots per arena chunk.
const CHUNK: usize = 256;

/// A slot: the header and the (maybe uninitialized) object. Whether an
/// arena slot holds an object is recorded beside it (`Chunk::alive`).
#[repr(C)]
pub struct GcBox<T> {
    hdr: Header,
    value: UnsafeCell<MaybeUninit<T>>,
}

/// Where a slot's mark bit is. Written when the slot is made (a chunk, or a
/// [`TailArena`] object), never changed afterwards except `mark`.
#[repr(C)]
struct Header {
    /// The mark bit, when `back` is 0.
    mark: Cell<bool>,
    /// The slot's index in its chunk: its bit in the chunk's mark bitmap.
    idx: u8,
    /// Bytes from the start of the slot's chunk (where its mark bitmap is)
    /// to the slot, or 0: the mark bit is `mark`.
    back: u32,
}

impl Header {
    /// The header of a slot whose mark bit is in it.
    fn in_slot(mark: bool) -> Header {
        Header { mark: Cell::new(mark), idx: 0, back: 0 }
    }

    /// The word and mask of the chunk mark bitmap that hold the mark of the
    /// slot at `h`, or `None` when the mark is in the header.
    ///
    /// # Safety
    /// `h` must point to the header of a slot (alive or not) of an arena or
    /// a [`TailArena`], with the provenance of its whole allocation (a
    /// pointer handed out by them).
    #[inline(always)]
    unsafe fn side_bit<'a>(h: *const Header) -> Option<(&'a Cell<u64>, u64)> {
        // SAFETY: the caller guarantees `h` is a valid header.
        let (back, idx) = unsafe { ((*h).back, (*h).idx) };
        if back == 0 {
            return None;
        }
        // SAFETY: a non-zero `back` was written by `Arena::new_chunk`: the
        // slot sits `back` bytes after the start of its chunk, where the
        // mark bitmap is, in the same allocation (which `h`'s provenance
        // covers); `idx < CHUNK`.
        let word = unsafe {
            &*((h as *const u8).sub(back as usize) as *const Cell<u64>).add(idx as usize / 64)
        };
        Some((word, 1u64 << (idx % 64)))
    }

    /// Is the slot at `h` marked?
    ///
    /// # Safety
    /// As [`Header::side_bit`].
    #[inline(always)]
    unsafe fn is_marked(h: *const Header) -> bool {
        // SAFETY: forwarded from the caller.
        match unsafe { Header::side_bit(h) } {
            Some((word, bit)) => word.get() & bit != 0,
            // SAFETY: `h` is a valid header.
            None => unsafe { (*h).mark.get() },
        }
    }

    /// Mark the slot at `h`; false if it was marked already.
    ///
    /// # Safety
    /// As [`Header::side_bit`].
    #[inline(always)]
    unsafe fn test_and_mark(h: *const Header) -> bool {
        // SAFETY: forwarded from the caller.
        match unsafe { Header::side_bit(h) } {
            Some((word, bit)) => {
                let w = word.get();
                word.set(w | bit);
                w & bit == 0
            }
            None => {
                // SAFETY: `h` is a valid header.
                let mark = unsafe { &(*h).mark };
                !mark.replace(true)
            }
        }
    }
}

/// A reference to a heap object of type `T`.
pub struct Gc<T> {
    ptr: NonNull<GcBox<T>>,
    _marker: PhantomData<T>,
}

impl<T> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}

impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.ptr)
    }
}

impl<T> Gc<T> {
    /// The same object seen as a `U`.
    ///
    /// # Safety
    /// `U` must be a prefix of `T`: `T` is `repr(C)` and its first field is
    /// a `U` (so `GcBox<U>`'s fields sit where `GcBox<T>`'s do).
    #[inline]
    pub unsafe fn cast<U>(self) -> Gc<U> {
        Gc { ptr: self.ptr.cast(), _marker: PhantomData }
    }

    /// The object's address, as Python's `id()`.
    #[inline]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline]
    pub fn ptr_eq(a: Gc<T>, b: Gc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// Did the running collection mark this object? Only meaningful in the
    /// `weak` callback of [`collect_with_weak`] (between marking and
    /// sweeping), for tables that must not keep their objects alive.
    #[inline]
    pub fn is_marked(self) -> bool {
        // SAFETY: weak tables hold objects that were alive at the last
        // collection; nothing is freed before the sweep that follows the
        // callback, so the slot is still allocated.
        unsafe { Header::is_marked(self.ptr.as_ptr() as *const Header) }
    }
}

impl<T> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: a `Gc` is only created by `Arena::alloc` for an initialized,
        // alive slot, and the slot is only dropped by a collection, which
        // happens at a safepoint where every `Gc` still in use is reachable
        // from the roots (so this slot is marked and kept alive). Slots never
        // move: chunks are boxed and never reallocated.
        unsafe { (*self.ptr.as_ref().value.get()).assume_init_ref() }
    }
}

/// Objects that hold references to other heap objects report them here.
pub trait Trace {
    fn trace(&self, tracer: &mut Tracer);

    /// Bytes the object owns outside its arena slot (digits of a big int,
    /// a string's text...), for the collection trigger.
    fn heap_size(&self) -> usize {
        0
    }

    /// The object holds no references (a string): marking it only sets its
    /// mark bit, with no entry on the work list.
    const LEAF: bool = false;

    /// Only the occupied slots of this type's arena count in the bytes in
    /// use (`runtime::alloc`): a slot adds its size when allocated and
    /// subtracts it when swept, so that reusing slots counts toward the next
    /// collection. Needed for objects whose data lives in the slot (short
    /// strings): otherwise allocating them only counts when the arena grows
    /// a chunk, and the arena would grow by the collection threshold every
    /// cycle.
    const COUNT_SLOTS: bool = false;
}

type TraceFn = unsafe fn(*const (), &mut Tracer);

/// The marking work list.
pub struct Tracer {
    work: Vec<(*const (), TraceFn)>,
}

/// Trace the object in the slot at `p`.
///
/// # Safety
/// `p` must point to an alive `GcBox<T>`.
unsafe fn trace_slot<T: Trace>(p: *const (), tracer: &mut Tracer) {
    // SAFETY: the caller guarantees `p` is an alive slot of type T.
    let slot = unsafe { &*(p as *const GcBox<T>) };
    // SAFETY: alive slots hold an initialized value.
    let value = unsafe { (*slot.value.get()).assume_init_ref() };
    value.trace(tracer);
}

impl Tracer {
    /// Mark `g` and queue its contents.
    #[inline]
    pub fn mark<T: Trace>(&mut self, g: Gc<T>) {
        // SAFETY: `g` points to an alive slot (see `Deref`), `repr(C)` with
        // the header first, and was handed out by its arena.
        if unsafe { Header::test_and_mark(g.ptr.as_ptr() as *const Header) } {
            if T::LEAF {
                return;
            }
            self.work.push((g.ptr.as_ptr() as *const (), trace_slot::<T>));
        }
    }

    fn drain(&mut self) {
        while let Some((p, f)) = self.work.pop() {
            // SAFETY: only pointers of alive slots with their own trace
            // function were pushed by `mark`.
            unsafe { f(p, self) };
        }
    }
}

/// A chunk of an [`Arena`]: its slots (one allocation, never moved), which
/// of them hold an object (a bitmap beside the slots: allocation finds free
/// slots there, and a sweep reads only the headers of allocated objects,
/// never free slots), and how many.
///
/// With [`Arena::SIDE_MARKS`], the chunk's mark bitmap takes the place of
/// its first slot(s) (`RESERVED`), which are never allocated (their bits
/// stay set in `alive` and in the bitmap): the chunk stays exactly `CHUNK`
/// slots, a size the allocator has a class for (32 bytes more would put it
/// in the next class, up to a quarter larger).
struct Chunk<T> {
    mem: NonNull<GcBox<T>>,
    alive: [u64; CHUNK / 64],
    live: u32,
}

impl<T> Chunk<T> {
    /// See [`Arena::SIDE_MARKS`].
    const SIDE_MARKS: bool = !std::mem::needs_drop::<T>();

    /// The slots whose memory holds the mark bitmap (32 bytes).
    const RESERVED: usize =
        if Self::SIDE_MARKS { 32usize.div_ceil(std::mem::size_of::<GcBox<T>>()) } else { 0 };

    /// Their bits, in word 0 of `alive` and of the bitmap.
    const RESERVED_BITS: u64 = (1 << Self::RESERVED) - 1;

    /// Slot `i`'s address (with the provenance of the whole chunk).
    #[inline(always)]
    fn slot(&self, i: usize) -> NonNull<GcBox<T>> {
        debug_assert!(i < CHUNK);
        // SAFETY: `i < CHUNK`: the address is inside the chunk's allocation.
        unsafe { NonNull::new_unchecked(self.mem.as_ptr().add(i)) }
    }

    /// The mark bitmap (only with `SIDE_MARKS`).
    #[inline(always)]
    fn marks(&self) -> &[Cell<u64>; CHUNK / 64] {
        debug_assert!(Self::SIDE_MARKS);
        // SAFETY: with `SIDE_MARKS`, the chunk starts with the bitmap
        // (written by `new_chunk`, aligned for it: see `layout`), which is
        // only accessed through shared `Cell`s.
        unsafe { &*(self.mem.as_ptr() as *const [Cell<u64>; CHUNK / 64]) }
    }

    fn layout() -> std::alloc::Layout {
        std::alloc::Layout::array::<GcBox<T>>(CHUNK)
            .and_then(|l| l.align_to(std::mem::align_of::<u64>()))
            .expect("arena chunk too large")
    }
}

/// An arena of `T` objects.
pub struct Arena<T> {
    chunks: Vec<Chunk<T>>,
    /// Allocation cursor: no chunk before this one has a free slot. Reset
    /// to the first chunk by a sweep, so freed slots are reused in address
    /// order.
    cursor: usize,
    /// Occupied slots, counting the claimed ones (`free`).
    live: usize,
    /// Allocation works through one word of a chunk's `alive` bitmap at a
    /// time: it claims the word's free slots at once (setting their bits,
    /// counting them as occupied) and hands them out from here, lowest
    /// first, with no bitmap search or update per object. The claimed slots
    /// not handed out yet are given back before anything reads the bitmaps
    /// (`release`).
    free: u64,
    /// The first slot of the claimed word (meaningless when `free` is 0).
    base: *mut GcBox<T>,
    /// The claimed word: chunk and word index.
    claimed: (usize, usize),
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena {
            chunks: Vec::new(),
            cursor: 0,
            live: 0,
            free: 0,
            base: std::ptr::null_mut(),
            claimed: (0, 0),
        }
    }
}

impl<T: Trace> Arena<T> {
    /// Whether the objects' marks are in their chunk's bitmap rather than in
    /// their headers: for types that need no drop, whose sweep then only
    /// combines bitmaps. (Such a type owns nothing outside its slot: its
    /// `heap_size` is 0.)
    const SIDE_MARKS: bool = Chunk::<T>::SIDE_MARKS;

    /// A free slot to allocate in (already counted as occupied).
    #[inline(always)]
    fn slot(&mut self) -> NonNull<GcBox<T>> {
        let f = self.free;
        if f == 0 {
            return self.claim();
        }
        self.free = f & (f - 1);
        // SAFETY: `base` is the first of the 64 slots of the claimed word,
        // in a chunk this arena owns, and the bit is below 64.
        unsafe { NonNull::new_unchecked(self.base.add(f.trailing_zeros() as usize)) }
    }

    /// Claim the free slots of the next word of a chunk bitmap with any
    /// (adding a chunk if no chunk has one) and return the first.
    #[inline(never)]
    fn claim(&mut self) -> NonNull<GcBox<T>> {
        loop {
            let c = self.cursor;
            if c == self.chunks.len() {
                self.new_chunk();
            }
            let chunk = &mut self.chunks[c];
            if chunk.live < CHUNK as u32 {
                for w in 0..CHUNK / 64 {
                    let free = !chunk.alive[w];
                    if free != 0 {
                        let n = free.count_ones();
                        chunk.alive[w] = !0;
                        chunk.live += n;
                        self.live += n as usize;
                        if T::COUNT_SLOTS {
                            super::alloc::add(
                                (n as usize * std::mem::size_of::<GcBox<T>>()) as isize,
                            );
                        }
                        self.base = chunk.slot(w * 64).as_ptr();
                        self.claimed = (c, w);
                        self.free = free & (free - 1);
                        return chunk.slot(w * 64 + free.trailing_zeros() as usize);
                    }
                }
            }
            self.cursor += 1;
        }
    }

    /// Give back the claimed slots not handed out (before a sweep).
    fn release(&mut self) {
        let f = std::mem::take(&mut self.free);
        if f != 0 {
            let (c, w) = self.claimed;
            let chunk = &mut self.chunks[c];
            chunk.alive[w] &= !f;
            let n = f.count_ones();
            chunk.live -= n;
            self.live -= n as usize;
            if T::COUNT_SLOTS {
                super::alloc::add(-((n as usize * std::mem::size_of::<GcBox<T>>()) as isize));
            }
        }
    }

    /// The objects allocated (not counting claimed free slots).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.live - self.free.count_ones() as usize - self.chunks.len() * Chunk::<T>::RESERVED
    }

    /// Add an empty chunk at the end (every other one is full).
    #[cold]
    fn new_chunk(&mut self) {
        let layout = Chunk::<T>::layout();
        assert!(layout.size() <= u32::MAX as usize, "arena chunk too large");
        // SAFETY: the layout has a non-zero size (CHUNK slots of at least
        // a header each).
        let raw = unsafe { std::alloc::alloc(layout) } as *mut GcBox<T>;
        let Some(mem) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(layout);
        };
        let reserved = Chunk::<T>::RESERVED;
        let mut chunk = Chunk { mem, alive: [0; CHUNK / 64], live: reserved as u32 };
        chunk.alive[0] = Chunk::<T>::RESERVED_BITS;
        // SAFETY: `raw` is a fresh allocation of `CHUNK` slots, aligned for
        // a `u64`: write the mark bitmap over the reserved slots (they
        // span at least its 32 bytes) and every other slot's header; the
        // values stay uninitialized (`MaybeUninit`).
        unsafe {
            if Self::SIDE_MARKS {
                let marks = raw as *mut [Cell<u64>; CHUNK / 64];
                marks.write(std::array::from_fn(|w| {
                    Cell::new(if w == 0 { Chunk::<T>::RESERVED_BITS } else { 0 })
                }));
            }
            for i in reserved..CHUNK {
                let slot = chunk.slot(i).as_ptr();
                let hdr = if Self::SIDE_MARKS {
                    Header {
                        mark: Cell::new(false),
                        idx: i as u8,
                        back: (i * std::mem::size_of::<GcBox<T>>()) as u32,
                    }
                } else {
                    Header::in_slot(false)
                };
                std::ptr::addr_of_mut!((*slot).hdr).write(hdr);
            }
        }
        if T::COUNT_SLOTS {
            // Only occupied slots count (see `claim`).
            super::alloc::add(-((CHUNK * std::mem::size_of::<GcBox<T>>()) as isize));
        }
        self.live += reserved;
        self.chunks.push(chunk);
    }

    #[inline]
    pub fn alloc(&mut self, value: T) -> Gc<T> {
        debug_assert!(!Self::SIDE_MARKS || value.heap_size() == 0);
        let ptr = self.slot();
        // SAFETY: `ptr` is a dead slot (fresh or freed by a sweep) in a
        // chunk this arena owns; nothing else references it. Its mark is
        // clear: new chunks start unmarked and a sweep frees only unmarked
        // slots.
        unsafe { (*ptr.as_ref().value.get()).write(value) };
        Gc { ptr, _marker: PhantomData }
    }

    /// Allocate an object written in place by `init` (no copy of a large
    /// value through the stack).
    ///
    /// # Safety
    /// `init` must fully initialize the `T` at the address it is given.
    #[inline]
    pub unsafe fn alloc_with(&mut self, init: impl FnOnce(*mut T)) -> Gc<T> {
        let ptr = self.slot();
        // SAFETY: `ptr` is a dead, unmarked slot nothing references (see
        // `alloc`); the caller guarantees `init` initializes the value.
        unsafe { init((*ptr.as_ref().value.get()).as_mut_ptr()) };
        Gc { ptr, _marker: PhantomData }
    }

    /// The objects not marked by the collection in progress (between its
    /// marking and its sweep).
    pub fn unmarked(&self) -> Vec<Gc<T>> {
        // SAFETY: `p` is a slot of this arena, handed out by `Chunk::slot`.
        self.objects_where(|p| !unsafe { Header::is_marked(p.as_ptr() as *const Header) })
    }

    /// Every object of the arena (outside a collection).
    pub fn objects(&self) -> Vec<Gc<T>> {
        self.objects_where(|_| true)
    }

    fn objects_where(&self, keep: impl Fn(NonNull<GcBox<T>>) -> bool) -> Vec<Gc<T>> {
        let mut out = Vec::new();
        for (c, chunk) in self.chunks.iter().enumerate() {
            for w in 0..CHUNK / 64 {
                let mut bits = chunk.alive[w];
                if w == 0 {
                    bits &= !Chunk::<T>::RESERVED_BITS;
                }
                if (c, w) == self.claimed {
                    // Claimed slots not handed out hold no object.
                    bits &= !self.free;
                }
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let ptr = chunk.slot(w * 64 + b);
                    if keep(ptr) {
                        out.push(Gc { ptr, _marker: PhantomData });
                    }
                }
            }
        }
        out
    }

    /// Drop every unmarked object, unmark the others. Returns the live bytes.
    /// Only the allocated slots are visited (the `alive` bitmaps), and empty
    /// chunks not at all: free slots are never read again. With
    /// [`Arena::SIDE_MARKS`], no slot is: see [`Arena::sweep_bitmaps`].
    fn sweep(&mut self) -> usize {
        self.release();
        if Self::SIDE_MARKS {
            return self.sweep_bitmaps();
        }
        let mut bytes = 0;
        let mut freed = 0;
        for chunk in self.chunks.iter_mut() {
            if chunk.live == 0 {
                continue;
            }
            for w in 0..CHUNK / 64 {
                let mut bits = chunk.alive[w];
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let i = w * 64 + b;
                    // SAFETY: an allocated slot of this chunk, not otherwise
                    // borrowed during the sweep.
                    let slot = unsafe { &mut *chunk.slot(i).as_ptr() };
                    if slot.hdr.mark.get() {
                        slot.hdr.mark.set(false);
                        // SAFETY: allocated slots are initialized.
                        bytes += std::mem::size_of::<GcBox<T>>()
                            + unsafe { (*slot.value.get()).assume_init_ref() }.heap_size();
                    } else {
                        // SAFETY: the slot holds an object (initialized) that
                        // is unreachable: no `Gc` to it survives this
                        // collection.
                        unsafe { slot.value.get_mut().assume_init_drop() };
                        chunk.alive[w] &= !(1 << b);
                        chunk.live -= 1;
                        freed += 1;
                    }
                }
            }
        }
        self.live -= freed;
        self.cursor = 0;
        if T::COUNT_SLOTS {
            super::alloc::add(-((freed * std::mem::size_of::<GcBox<T>>()) as isize));
        }
        bytes
    }

    /// The sweep of an arena whose marks are in the chunks' bitmaps: the
    /// unmarked objects need no drop, so freeing them is clearing their
    /// `alive` bits, a word at a time, and the marks are cleared the same
    /// way; the slots are not read at all.
    fn sweep_bitmaps(&mut self) -> usize {
        let mut live = 0;
        let reserved = Chunk::<T>::RESERVED;
        for chunk in self.chunks.iter_mut() {
            if chunk.live as usize == reserved {
                continue;
            }
            let mut n = 0;
            for w in 0..CHUNK / 64 {
                let keep = if w == 0 { Chunk::<T>::RESERVED_BITS } else { 0 };
                let mark = chunk.marks()[w].replace(keep);
                // Only allocated objects get marked (`Gc`s point to them).
                debug_assert_eq!(mark & !chunk.alive[w], 0);
                chunk.alive[w] &= mark;
                n += chunk.alive[w].count_ones();
            }
            chunk.live = n;
            live += n as usize;
        }
        let freed = self.live - live;
        self.live = live;
        self.cursor = 0;
        if T::COUNT_SLOTS {
            super::alloc::add(-((freed * std::mem::size_of::<GcBox<T>>()) as isize));
        }
        (live - self.chunks.len() * reserved) * std::mem::size_of::<GcBox<T>>()
    }
}

impl<T> Drop for Arena<T> {
    fn drop(&mut self) {
        if self.free != 0 {
            // Claimed slots not handed out hold no object.
            let (c, w) = self.claimed;
            self.chunks[c].alive[w] &= !self.free;
        }
        for chunk in self.chunks.iter_mut() {
            // The reserved slots hold the mark bitmap, not objects.
            chunk.alive[0] &= !Chunk::<T>::RESERVED_BITS;
            for w in 0..CHUNK / 64 {
                let mut bits = chunk.alive[w];
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    // SAFETY: allocated slots are initialized; the arena is
                    // going away and with it every `Gc` into it.
                    unsafe { (*(*chunk.slot(w * 64 + b).as_ptr()).value.get()).assume_init_drop() };
                }
                chunk.alive[w] = 0;
            }
            // SAFETY: allocated by `new_chunk` with this layout; its objects
            // were dropped above and nothing uses it afterwards.
            unsafe { std::alloc::dealloc(chunk.mem.as_ptr() as *mut u8, Chunk::<T>::layout()) };
        }
    }
}

/// Objects whose variable-length data follows them in the same allocation
/// (a string's text): see [`TailArena`].
pub trait Tailed: Trace {
    /// The bytes after the object (what [`TailArena::alloc`] was given).
    fn tail_len(&self) -> usize;
}

/// Objects of type `T`, each in its own allocation from the global allocator
/// together with `tail` bytes of data right after it: one allocation per
/// object instead of an arena slot plus a separate buffer. A list of every
/// object is kept for the sweep. `Gc<T>` to such an object is the same as to
/// an arena slot (same `GcBox` header), so marking and access do not change.
///
/// Immortal objects (the cached one-character strings) are not in the list:
/// they are never swept, and their mark bit stays set once marked, so later
/// collections skip them.
pub struct TailArena<T: Tailed> {
    objs: Vec<NonNull<GcBox<T>>>,
    immortal: Vec<NonNull<GcBox<T>>>,
}

impl<T: Tailed> Default for TailArena<T> {
    fn default() -> Self {
        TailArena { objs: Vec::new(), immortal: Vec::new() }
    }
}

impl<T: Tailed> TailArena<T> {
    fn layout(tail: usize) -> std::alloc::Layout {
        std::alloc::Layout::from_size_align(
            std::mem::size_of::<GcBox<T>>() + tail,
            std::mem::align_of::<GcBox<T>>(),
        )
        .expect("object size overflows the address space")
    }

    /// Allocate an object with `tail` bytes after it. `init` receives the
    /// (uninitialized) tail's address, must fill all `tail` bytes, and
    /// returns the object, whose `tail_len()` must be `tail`.
    pub fn alloc(&mut self, tail: usize, immortal: bool, init: impl FnOnce(*mut u8) -> T) -> Gc<T> {
        let layout = Self::layout(tail);
        // SAFETY: the layout has a non-zero size (it holds a `GcBox`).
        let raw = unsafe { std::alloc::alloc(layout) };
        if raw.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let ptr = raw as *mut GcBox<T>;
        // SAFETY: `raw` is a fresh allocation of `layout`, large enough for a
        // `GcBox<T>` and `tail` bytes after it, and aligned for `GcBox<T>`.
        let tail_ptr = unsafe { raw.add(std::mem::size_of::<GcBox<T>>()) };
        let value = init(tail_ptr);
        debug_assert_eq!(value.tail_len(), tail);
        // SAFETY: as above; writing the header initializes the slot.
        unsafe {
            ptr.write(GcBox {
                hdr: Header::in_slot(immortal),
                value: UnsafeCell::new(MaybeUninit::new(value)),
            });
        }
        // SAFETY: `raw` is not null (checked above).
        let ptr = unsafe { NonNull::new_unchecked(ptr) };
        if immortal {
            self.immortal.push(ptr);
        } else {
            self.objs.push(ptr);
        }
        Gc { ptr, _marker: PhantomData }
    }

    /// Free `p`'s allocation.
    ///
    /// # Safety
    /// `p` came from [`TailArena::alloc`] and is not used afterwards.
    unsafe fn free(p: NonNull<GcBox<T>>) -> usize {
        // SAFETY: the caller guarantees `p` is a live object of this arena.
        let value = unsafe { (*p.as_ref().value.get()).assume_init_read() };
        let layout = Self::layout(value.tail_len());
        drop(value);
        // SAFETY: allocated in `alloc` with this same layout.
        unsafe { std::alloc::dealloc(p.as_ptr() as *mut u8, layout) };
        layout.size()
    }

    /// Free every unmarked object, unmark the others. Returns the live bytes.
    fn sweep(&mut self) -> usize {
        let mut bytes = 0;
        self.objs.retain(|&p| {
            // SAFETY: every pointer in the list is a live object.
            let b = unsafe { p.as_ref() };
            if b.hdr.mark.get() {
                b.hdr.mark.set(false);
                // SAFETY: live objects are initialized.
                let v = unsafe { (*b.value.get()).assume_init_ref() };
                bytes += std::mem::size_of::<GcBox<T>>() + v.tail_len();
                true
            } else {
                // SAFETY: unreachable: no `Gc` to it survives this collection;
                // it leaves the list here.
                unsafe { Self::free(p) };
                false
            }
        });
        bytes
    }
}

impl<T: Tailed> Drop for TailArena<T> {
    fn drop(&mut self) {
        for p in self.objs.drain(..).chain(self.immortal.drain(..)) {
            // SAFETY: each pointer is a live object, and the arena is going
            // away and with it every `Gc` into it.
            unsafe { Self::free(p) };
        }
    }
}

/// Sweep a [`TailArena`] (for the heap's `sweep` closure); returns live bytes.
pub fn sweep_tail_arena<T: Tailed>(arena: &mut TailArena<T>) -> usize {
    arena.sweep()
}

/// Interior mutability for heap objects (list items, dict tables, cells).
///
/// The VM is single-threaded and never holds a borrow across a call that
/// could reach the same object: every accessor borrows only for the duration
/// of one operation on the contents.
pub struct Mut<T>(UnsafeCell<T>);

impl<T> Mut<T> {
    pub fn new(v: T) -> Self {
        Mut(UnsafeCell::new(v))
    }

    /// Run `f` with shared access to the contents.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: no mutable borrow of the contents is live: mutable access is
        // only given inside `with_mut`, whose closure cannot re-enter the VM
        // (it receives no VM), so it cannot reach this object again.
        f(unsafe { &*self.0.get() })
    }

    /// Run `f` with exclusive access to the contents.
    #[inline]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: as for `with`: the closure cannot re-enter the VM, so no
        // other borrow of the contents exists while it runs.
        f(unsafe { &mut *self.0.get() })
    }
}

impl<T: Default> Default for Mut<T> {
    fn default() -> Self {
        Mut::new(T::default())
    }
}

/// Growth (in bytes) of the memory in use between two collections at least.
const MIN_GROWTH: usize = 4 << 20;

/// Statistics and the collection trigger.
#[derive(Default)]
pub struct GcStats {
    /// The marking work list, kept between collections (it grows to the
    /// widest object marked, e.g. a list of a million tuples; allocating it
    /// afresh each time faulted in new pages).
    work: Vec<(*const (), TraceFn)>,
    /// Collect when the bytes in use (counted by the global allocator,
    /// `runtime::alloc`) reach this.
    pub threshold: usize,
    pub collections: usize,
    /// Bytes in use right after the last collection.
    pub live_after_last: usize,
}

impl GcStats {
    pub fn new() -> GcStats {
        GcStats {
            work: Vec::new(),
            threshold: super::alloc::bytes_in_use() + MIN_GROWTH,
            collections: 0,
            live_after_last: 0,
        }
    }
}

/// Run one collection: mark from `roots`, then `sweep` every arena.
pub fn collect(
    roots: impl FnOnce(&mut Tracer),
    sweep: impl FnOnce() -> usize,
    stats: &mut GcStats,
) {
    collect_with_weak(roots, || {}, sweep, stats)
}

/// [`collect`], calling `weak` after marking and before sweeping, so that
/// weak tables can drop the entries that are about to die
/// ([`Gc::is_marked`]).
pub fn collect_with_weak(
    roots: impl FnOnce(&mut Tracer),
    weak: impl FnOnce(),
    sweep: impl FnOnce() -> usize,
    stats: &mut GcStats,
) {
    collect_resurrecting(roots, |_| {}, weak, sweep, stats)
}

/// [`collect_with_weak`] with a `resurrect` step between marking and
/// sweeping: it sees what marking reached ([`Gc::is_marked`]) and may mark
/// more (objects that need a finalizer run before they can go, and what
/// they reach).
pub fn collect_resurrecting(
    roots: impl FnOnce(&mut Tracer),
    resurrect: impl FnOnce(&mut Tracer),
    weak: impl FnOnce(),
    sweep: impl FnOnce() -> usize,
    stats: &mut GcStats,
) {
    let mut tracer = Tracer { work: std::mem::take(&mut stats.work) };
    roots(&mut tracer);
    tracer.drain();
    resurrect(&mut tracer);
    tracer.drain();
    stats.work = tracer.work;
    weak();
    let live_objects = sweep();
    let in_use = super::alloc::bytes_in_use();
    stats.collections += 1;
    stats.live_after_last = live_objects;
    // Collect again when the memory in use has grown by as much as the
    // objects that survived (at least MIN_GROWTH): a collection costs in
    // proportion to what survives, so this keeps its cost amortized over
    // the allocations. (Growth is measured against the surviving objects,
    // not all memory in use, which includes e.g. the register stack's
    // reservation.)
    stats.threshold = in_use + live_objects.max(MIN_GROWTH);
}

/// Sweep one arena (for the heap's `sweep` closure); returns live bytes.
pub fn sweep_arena<T: Trace>(arena: &mut Arena<T>) -> usize {
    arena.sweep()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Node {
        next: Mut<Option<Gc<Node>>>,
        payload: Vec<u8>,
    }

    impl Trace for Node {
        fn trace(&self, t: &mut Tracer) {
            self.next.with(|n| {
                if let Some(n) = n {
                    t.mark(*n)
                }
            });
        }
    }

    #[test]
    fn unreachable_objects_and_cycles_are_reclaimed() {
        let mut arena: Arena<Node> = Arena::default();
        let mut stats = GcStats::new();
        let root = arena.alloc(Node { next: Mut::new(None), payload: vec![1; 10] });
        // A reachable chain and an unreachable cycle.
        let a = arena.alloc(Node { next: Mut::new(None), payload: vec![2] });
        root.next.with_mut(|n| *n = Some(a));
        let c1 = arena.alloc(Node { next: Mut::new(None), payload: vec![3] });
        let c2 = arena.alloc(Node { next: Mut::new(Some(c1)), payload: vec![4] });
        c1.next.with_mut(|n| *n = Some(c2));
        assert_eq!(arena.len(), 4);
        let arena_ptr: *mut Arena<Node> = &mut arena;
        collect(
            |t| t.mark(root),
            // SAFETY (test): the arena outlives the call and is not otherwise borrowed.
            || unsafe { sweep_arena(&mut *arena_ptr) },
            &mut stats,
        );
        assert_eq!(arena.len(), 2);
        assert_eq!(root.payload, vec![1; 10]);
        assert_eq!(a.payload, vec![2]);
        // Freed slots are reused.
        let d = arena.alloc(Node { next: Mut::new(None), payload: vec![5] });
        assert!(d.addr() == c1.addr() || d.addr() == c2.addr());
    }

    /// A type that needs no drop: marked in its chunk's bitmap.
    struct Link {
        next: Cell<Option<Gc<Link>>>,
        n: u64,
    }

    impl Trace for Link {
        fn trace(&self, t: &mut Tracer) {
            if let Some(n) = self.next.get() {
                t.mark(n)
            }
        }
    }

    #[test]
    fn side_marked_arenas_sweep_by_bitmap() {
        const { assert!(Arena::<Link>::SIDE_MARKS && !Arena::<Node>::SIDE_MARKS) };
        let mut arena: Arena<Link> = Arena::default();
        let mut stats = GcStats::new();
        // 1000 objects over four chunks; every third one is on a chain
        // from the root, the others are garbage.
        let all: Vec<Gc<Link>> =
            (0..1000).map(|n| arena.alloc(Link { next: Cell::new(None), n })).collect();
        // Allocation claims 64 slots at a time: the ones not handed out yet
        // are not objects.
        assert_eq!(arena.objects().len(), 1000);
        assert_eq!(arena.len(), 1000);
        let kept: Vec<Gc<Link>> = all.iter().copied().filter(|g| g.n % 3 == 0).collect();
        for w in kept.windows(2) {
            w[0].next.set(Some(w[1]));
        }
        let arena_ptr: *mut Arena<Link> = &mut arena;
        let mut seen = (0, 0);
        collect_with_weak(
            |t| t.mark(kept[0]),
            || {
                seen.0 = all.iter().filter(|g| g.is_marked()).count();
                // SAFETY (test): the arena outlives the call, not otherwise borrowed.
                seen.1 = unsafe { (*arena_ptr).unmarked() }.len();
            },
            // SAFETY (test): as above.
            || unsafe { sweep_arena(&mut *arena_ptr) },
            &mut stats,
        );
        assert_eq!(seen, (kept.len(), 1000 - kept.len()));
        assert_eq!(arena.len(), kept.len());
        assert_eq!(stats.live_after_last, kept.len() * std::mem::size_of::<GcBox<Link>>());
        assert!(kept.iter().all(|g| g.n % 3 == 0));
        // The marks were cleared: a second collection with no roots frees all.
        // SAFETY (test): as above.
        collect(|_| {}, || unsafe { sweep_arena(&mut *arena_ptr) }, &mut stats);
        assert_eq!(arena.len(), 0);
        let reserved = arena.chunks.len() * Chunk::<Link>::RESERVED;
        assert!(reserved > 0);
        assert_eq!(arena.chunks.iter().map(|c| c.live as usize).sum::<usize>(), reserved);
        // Freed slots are reused in address order, starting from the first.
        let again = arena.alloc(Link { next: Cell::new(None), n: 7 });
        assert_eq!(again.addr(), all[0].addr());
        assert!(!again.is_marked());
    }

    #[test]
    fn deep_chains_mark_without_recursion() {
        let mut arena: Arena<Node> = Arena::default();
        let mut stats = GcStats::new();
        let head = arena.alloc(Node { next: Mut::new(None), payload: vec![] });
        let mut cur = head;
        for _ in 0..100_000 {
            let n = arena.alloc(Node { next: Mut::new(None), payload: vec![] });
            cur.next.with_mut(|x| *x = Some(n));
            cur = n;
        }
        let arena_ptr: *mut Arena<Node> = &mut arena;
        // SAFETY (test): as above.
        collect(|t| t.mark(head), || unsafe { sweep_arena(&mut *arena_ptr) }, &mut stats);
        assert_eq!(arena.len(), 100_001);
    }
}
