//! The garbage-collected heap: typed arenas of objects and a tracing,
//! non-moving mark-sweep collector.
//!
//! Every heap type has its own [`Arena`]: chunks of fixed-size slots with a
//! free list, so allocation is a pop or a bump and objects of one type sit
//! together in memory. A [`Gc<T>`] is a plain pointer to a slot (it is `Copy`
//! and never moves). Collection happens only when the VM asks for it, at a
//! safepoint where every live object is reachable from the roots it passes
//! (registers, frames, globals, constants); native code therefore never holds
//! a `Gc` across a collection without rooting it.
//!
//! Marking uses an explicit work list (no recursion, so deep structures
//! cannot overflow the native stack); sweeping drops unmarked objects in place
//! and threads their slots onto the arena's free list.
//!
//! This module holds the crate's `unsafe` for object access; each block says
//! why it is sound.

use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ptr::NonNull;

/// Slots per arena chunk.
const CHUNK: usize = 256;

/// A slot: the mark and liveness bits and the (maybe uninitialized) object.
#[repr(C)]
pub struct GcBox<T> {
    mark: Cell<bool>,
    alive: Cell<bool>,
    value: UnsafeCell<MaybeUninit<T>>,
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
        unsafe { self.ptr.as_ref() }.mark.get()
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

    /// True for types whose objects never reference other heap objects
    /// (strings, big ints...): marking one sets its bit and queues nothing.
    const LEAF: bool = false;
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
        // SAFETY: `g` points to an alive slot (see `Deref`).
        let slot = unsafe { g.ptr.as_ref() };
        if !slot.mark.get() {
            slot.mark.set(true);
            if !T::LEAF {
                self.work.push((g.ptr.as_ptr() as *const (), trace_slot::<T>));
            }
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

/// An arena of `T` objects.
pub struct Arena<T> {
    chunks: Vec<Box<[GcBox<T>]>>,
    /// Slots used in the last chunk.
    bump: usize,
    free: Vec<NonNull<GcBox<T>>>,
    live: usize,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena { chunks: Vec::new(), bump: CHUNK, free: Vec::new(), live: 0 }
    }
}

impl<T: Trace> Arena<T> {
    #[inline]
    pub fn alloc(&mut self, value: T) -> Gc<T> {
        let ptr = match self.free.pop() {
            Some(p) => p,
            None => {
                if self.bump == CHUNK {
                    let chunk: Box<[GcBox<T>]> = (0..CHUNK)
                        .map(|_| GcBox {
                            mark: Cell::new(false),
                            alive: Cell::new(false),
                            value: UnsafeCell::new(MaybeUninit::uninit()),
                        })
                        .collect();
                    self.chunks.push(chunk);
                    self.bump = 0;
                }
                let chunk = self.chunks.last_mut().expect("a chunk was just pushed");
                let p = NonNull::from(&mut chunk[self.bump]);
                self.bump += 1;
                p
            }
        };
        // SAFETY: `ptr` is a dead slot (fresh or freed by a sweep) in a boxed
        // chunk this arena owns; nothing else references it.
        unsafe {
            let slot = ptr.as_ref();
            (*slot.value.get()).write(value);
            slot.alive.set(true);
            slot.mark.set(false);
        }
        self.live += 1;
        Gc { ptr, _marker: PhantomData }
    }

    /// Drop every unmarked object, unmark the others. Returns the live bytes.
    fn sweep(&mut self) -> usize {
        let mut bytes = 0;
        let n_chunks = self.chunks.len();
        for (ci, chunk) in self.chunks.iter_mut().enumerate() {
            let used = if ci + 1 == n_chunks { self.bump } else { CHUNK };
            for slot in chunk[..used].iter_mut() {
                if !slot.alive.get() {
                    continue;
                }
                if slot.mark.get() {
                    slot.mark.set(false);
                    // SAFETY: alive slots are initialized.
                    bytes += std::mem::size_of::<GcBox<T>>()
                        + unsafe { (*slot.value.get()).assume_init_ref() }.heap_size();
                } else {
                    slot.alive.set(false);
                    // SAFETY: the slot is alive (initialized) and unreachable:
                    // no `Gc` to it survives this collection.
                    unsafe { slot.value.get_mut().assume_init_drop() };
                    self.free.push(NonNull::from(slot));
                    self.live -= 1;
                }
            }
        }
        bytes
    }
}

impl<T> Drop for Arena<T> {
    fn drop(&mut self) {
        let n_chunks = self.chunks.len();
        for (ci, chunk) in self.chunks.iter_mut().enumerate() {
            let used = if ci + 1 == n_chunks { self.bump } else { CHUNK };
            for slot in chunk[..used].iter_mut() {
                if slot.alive.get() {
                    slot.alive.set(false);
                    // SAFETY: alive slots are initialized; the arena is going
                    // away and with it every `Gc` into it.
                    unsafe { slot.value.get_mut().assume_init_drop() };
                }
            }
        }
    }
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
    let mut tracer = Tracer { work: std::mem::take(&mut stats.work) };
    roots(&mut tracer);
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
        assert_eq!(arena.live, 4);
        let arena_ptr: *mut Arena<Node> = &mut arena;
        collect(
            |t| t.mark(root),
            // SAFETY (test): the arena outlives the call and is not otherwise borrowed.
            || unsafe { sweep_arena(&mut *arena_ptr) },
            &mut stats,
        );
        assert_eq!(arena.live, 2);
        assert_eq!(root.payload, vec![1; 10]);
        assert_eq!(a.payload, vec![2]);
        // Freed slots are reused.
        let d = arena.alloc(Node { next: Mut::new(None), payload: vec![5] });
        assert!(d.addr() == c1.addr() || d.addr() == c2.addr());
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
        assert_eq!(arena.live, 100_001);
    }
}
