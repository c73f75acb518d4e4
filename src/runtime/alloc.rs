//! The process's global allocator: mimalloc, counting the bytes in use.
//!
//! The garbage collector's trigger reads this count (as Lua's collector
//! counts `totalbytes` through its allocation function): a collection is due
//! when the memory in use has grown by a factor since the last one. Counting
//! at the allocator sees everything an object owns — a list's buffer growing
//! by `append`, a dict's table resizing, a string built by `join` — which
//! counting at object creation cannot.
//!
//! The count is updated with a plain load and store, not an atomic
//! read-modify-write: the interpreter allocates from one thread, and an
//! update lost to a rare concurrent allocation on another thread (the
//! launcher thread, a profiler) only skews the trigger slightly.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

use mimalloc::MiMalloc;

/// Bytes currently allocated through the global allocator (may drift
/// slightly under concurrent allocation; never trusted to be exact).
static IN_USE: AtomicIsize = AtomicIsize::new(0);

/// Bytes in use now, as counted by [`CountingAlloc`] (0 when another global
/// allocator is installed).
#[inline]
pub fn bytes_in_use() -> usize {
    IN_USE.load(Relaxed).max(0) as usize
}

/// Adjust the count by `n` bytes: also used by the heap for arena slots
/// that are freed and reused without going through the allocator (see
/// `Trace::COUNT_SLOTS`).
#[inline(always)]
pub fn add(n: isize) {
    IN_USE.store(IN_USE.load(Relaxed).wrapping_add(n), Relaxed);
}

/// mimalloc, with every allocation and release counted in [`bytes_in_use`].
pub struct CountingAlloc;

// SAFETY: every method forwards to mimalloc with the caller's arguments
// unchanged, so mimalloc's guarantees hold; the counting touches no memory
// the caller sees.
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded unchanged (see the impl's comment).
        unsafe { MiMalloc.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded unchanged.
        unsafe { MiMalloc.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: forwarded unchanged.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: forwarded unchanged.
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

extern "C" {
    /// mimalloc's option setter (linked in through the `mimalloc` crate).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
/// `mi_option_allow_thp` in mimalloc v3's `mi_option_t`.
const MI_OPTION_ALLOW_THP: std::ffi::c_int = 43;

/// Tune the allocator for an interpreter whose collector frees and
/// reallocates the same memory over and over: never return freed pages to
/// the OS during the run. With the default (purge after 10 ms), each GC
/// cycle handed memory back and the next faulted it in again, zeroed by the
/// kernel: a fifth of the time of a string benchmark went to
/// `clear_page_erms`.
///
/// And no transparent huge pages: mimalloc asks for them (`MADV_HUGEPAGE`
/// on its arenas), so every first touch of a 2 MiB region faulted in and
/// zeroed a whole huge page. On the project's (virtual) machine that cost
/// about 5 ms per huge page: 0.5–0.9 s of system time for
/// `perf/scripts/wordcount.py` (a heap of ~250 MB), a third of its run,
/// against 0.1–0.2 s with 4 KiB pages, while the scripts with small heaps
/// did not change (measured with `taipan-bench` over `perf/scripts`).
pub fn tune() {
    // SAFETY: mimalloc's options may be set at any time from any thread; the
    // indices are purge_delay's and allow_thp's in the linked mimalloc (v3);
    // -1 is a documented value of purge_delay ("no purging at all"), 0 of
    // allow_thp ("disable THP for the process").
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        mi_option_set(MI_OPTION_ALLOW_THP, 0);
    }
    // The arena mimalloc reserved before `main` is already advised for huge
    // pages; this turns them off for the whole process.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets
    // a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_owned_growth() {
        // The library installs this allocator (lib.rs), so tests see it. The
        // counter is process-wide and other tests allocate and free on
        // their threads meanwhile (some by hundreds of MB), so the block is
        // large (256 MB of reservation, never touched), the margin generous
        // (32 MB), and a disturbed attempt is repeated.
        const BLOCK: usize = 256 << 20;
        const SLACK: usize = 32 << 20;
        let mut seen = Vec::new();
        for _ in 0..10 {
            let before = bytes_in_use();
            let mut v: Vec<u8> = Vec::with_capacity(BLOCK);
            v.push(1);
            let during = bytes_in_use();
            drop(v);
            let after = bytes_in_use();
            if during + SLACK >= before + BLOCK && after + BLOCK <= during + SLACK {
                return;
            }
            seen.push((before, during, after));
        }
        panic!("the block was never counted: {seen:?}");
    }
}
