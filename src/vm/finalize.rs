//! Finalizing abandoned generators: a generator that goes away while
//! suspended inside a `try` with a `finally`/`except`, or a `with`, is
//! closed first (`GeneratorExit` raised where it stopped), as CPython's
//! generator finalizer does (PEP 442).
//!
//! CPython closes it the moment its last reference goes. A tracing
//! collector learns it only at a collection: the collector keeps such
//! generators alive and queues them ([`Heap::finalize`]), and the VM closes
//! them right after it ([`Vm::run_finalizers`]). To keep CPython's order
//! in the common cases, the places where a generator's last reference
//! typically goes ask for a collection at once ([`Vm::drop_generator`]):
//! leaving a `for` loop over it by `break` or `return` (`Release`), and
//! `del` of the name holding it. At exit, the generators left in
//! `__main__`'s globals are closed in the order of the globals, then every
//! other one (CPython clears the module's namespace at shutdown).
//!
//! An exception that escapes a finalizer is printed as CPython prints it
//! (`Exception ignored in: <generator object ...>` and its traceback) and
//! otherwise ignored.
//!
//! [`Heap::finalize`]: crate::runtime::gc::Heap::finalize

use std::rc::Rc;

use super::{PyErr, Vm};
use crate::bytecode::code::CodeObject;
use crate::runtime::dict::DictObj;
use crate::runtime::generator::{GenObj, GenStatus};
use crate::runtime::heap::Gc;
use crate::runtime::value::Value;

/// Would closing `g` run any of its code? True when it is suspended where
/// an exception handler (a `finally`, an `except`, a `with`'s exit) covers
/// its `yield`, or in a `yield from` whose delegate is such a generator.
/// Called by the collector between marking and sweeping: it must not
/// allocate or touch other objects than `g`'s delegates.
pub fn needs_close(g: Gc<GenObj>) -> bool {
    let mut g = g;
    // A bound on the delegation chain followed (it is acyclic in practice).
    for _ in 0..64 {
        let pc = g.state.with(|st| st.pc);
        if g.status() != GenStatus::Suspended || pc == 0 {
            return false;
        }
        if g.code.handler_for(pc - 1).is_some() {
            return true;
        }
        match super::generator::delegate(g) {
            Some((Value::Generator(d), _)) => g = d,
            _ => return false,
        }
    }
    false
}

impl Vm {
    /// Close the generators the collector queued, oldest first. Each stays
    /// in the queue (a root) until its turn, and rooted while it runs.
    pub(crate) fn run_finalizers(&mut self) {
        while !self.heap.finalize.is_empty() {
            let g = self.heap.finalize.remove(0);
            self.close_abandoned(g);
        }
    }

    /// Close `g` for good, printing what escapes as an ignored exception.
    fn close_abandoned(&mut self, g: Gc<GenObj>) {
        if g.status() != GenStatus::Suspended {
            return;
        }
        let mark = self.temp_roots.len();
        self.temp_roots.push(Value::Generator(g));
        if let Err(e) = self.gen_close(g) {
            self.print_ignored(g, e);
        }
        self.temp_roots.truncate(mark);
    }

    /// CPython's `PyErr_WriteUnraisable` for a generator's finalizer:
    /// `Exception ignored in: <generator object ...>` and the traceback, on
    /// stderr.
    /// As CPython's default `sys.unraisablehook`, the exception is printed
    /// without its chain, and its traceback holds only the frames the
    /// generator ran (none for an error raised by `close` itself).
    fn print_ignored(&mut self, g: Gc<GenObj>, e: PyErr) {
        let what = self.gen_repr(g);
        let outside: Vec<*const CodeObject> =
            self.frames.iter().map(|f| Rc::as_ptr(&f.code)).collect();
        e.0.traceback.with_mut(|tb| tb.retain(|t| !outside.contains(&Rc::as_ptr(&t.code))));
        let mut out = format!("Exception ignored in: {what}\n");
        self.format_one(e.0, &mut out);
        self.write_err(&out);
    }

    /// `v` just lost a reference that may have been its last (a `for`
    /// loop's iterator after `break`, a deleted name): if it is a generator
    /// whose closing would run code, collect now, so that it is closed
    /// before the program goes on, as in CPython. The current frame's
    /// registers from `dead_from` (absolute) up are dead temporaries: they
    /// are cleared first, so that a stale copy does not keep it alive.
    #[inline]
    pub(crate) fn drop_generator(&mut self, v: Value, dead_from: usize) {
        if let Value::Generator(g) = v {
            if needs_close(g) {
                self.release_generator(dead_from);
            }
        }
    }

    #[cold]
    fn release_generator(&mut self, dead_from: usize) {
        let f = self.frames.last().expect("frame");
        let end = (f.base + f.code.nregs as usize).min(self.stack.len());
        for r in dead_from.min(end)..end {
            self.stack[r] = Value::Null;
        }
        self.collect_forced();
    }

    /// At exit: close the suspended generators still alive. First those in
    /// `__main__`'s namespace, in its order (CPython clears it at
    /// shutdown), then the unreachable ones, then any other.
    pub(crate) fn finalize_at_exit(&mut self, globals: Gc<DictObj>) {
        let gens: Vec<Gc<GenObj>> = globals.table.with(|t| {
            t.iter()
                .filter_map(|e| match e.value {
                    Value::Generator(g) if !e.key.is_null() => Some(g),
                    _ => None,
                })
                .collect()
        });
        // Rooted while each one's code runs (it may change the globals).
        let mark = self.temp_roots.len();
        self.temp_roots.extend(gens.iter().map(|&g| Value::Generator(g)));
        for g in gens {
            self.close_abandoned(g);
        }
        self.temp_roots.truncate(mark);
        self.collect_forced();
        for g in self.heap.suspended_generators() {
            if needs_close(g) {
                self.close_abandoned(g);
            }
        }
    }
}
