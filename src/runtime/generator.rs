//! Generator objects: the suspended frame of a generator function or a
//! generator expression.
//!
//! While a generator is suspended its frame lives here: the registers, the
//! resume pc and the cells. Resuming copies the registers onto the VM's
//! register stack and pushes a frame marked with the generator (the dispatch
//! loop runs it like any other frame); `yield` copies them back and pops the
//! frame (see `vm::generator`). While it runs, `regs` holds a stale copy that
//! the next yield overwrites (the buffer is reused, so a steady-state
//! `for x in gen` allocates nothing).

use std::rc::Rc;

use super::dict::DictObj;
use super::function::CellObj;
use super::heap::{Gc, Mut, Trace, Tracer};
use super::value::Value;
use crate::bytecode::code::CodeObject;

/// Where a generator is in its life (CPython's `FRAME_CREATED`,
/// `FRAME_SUSPENDED`, `FRAME_EXECUTING`, `FRAME_COMPLETED`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenStatus {
    /// Created by the call, no instruction of the body has run yet.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on the VM's frame stack.
    Running,
    /// Returned or raised: every further `next` raises `StopIteration`.
    Finished,
}

/// What the dispatch loop does with the generator's frame when it returns
/// (it always stores a yielded value in the frame's `ret` register and
/// continues the resumer). Set by whoever resumes the generator.
#[derive(Clone, Copy, Debug)]
pub enum OnReturn {
    /// Resumed by native code (the frame is a boundary frame): the loop
    /// stops and the native resumer looks at the status.
    Native,
    /// Resumed by `ForIter`: take the loop's exit jump.
    ForIter,
    /// Resumed by `Send` (`yield from`): store the return value, take the
    /// exit jump.
    Send,
    /// Resumed by `next(g)` / `g.send(v)` in Python code: raise
    /// `StopIteration(value)` in the caller.
    Next,
    /// Resumed by `next(g, default)`: the call's result is the default.
    NextDefault(Value),
}

pub struct GenState {
    pub status: GenStatus,
    /// Next instruction when resumed.
    pub pc: usize,
    /// The register of the `yield` it is suspended at (where a sent value
    /// goes).
    pub yield_reg: usize,
    /// The registers while suspended (`code.nregs` of them).
    pub regs: Vec<Value>,
    /// Cell variables then free variables.
    pub cells: Vec<Gc<CellObj>>,
    pub on_return: OnReturn,
    /// The exception its own handlers are handling while suspended (None
    /// when it handles none): CPython's `gi_exc_state`.
    pub exc_state: Value,
    /// While running: the resumer's exception being handled, restored when
    /// it suspends or finishes.
    pub outer_handled: Value,
}

pub struct GenObj {
    pub code: Rc<CodeObject>,
    pub globals: Gc<DictObj>,
    pub state: Mut<GenState>,
}

impl GenObj {
    pub fn new(
        code: Rc<CodeObject>,
        globals: Gc<DictObj>,
        regs: Vec<Value>,
        cells: Vec<Gc<CellObj>>,
        pc: usize,
    ) -> GenObj {
        GenObj {
            code,
            globals,
            state: Mut::new(GenState {
                status: GenStatus::Created,
                pc,
                yield_reg: 0,
                regs,
                cells,
                on_return: OnReturn::Native,
                exc_state: Value::None,
                outer_handled: Value::None,
            }),
        }
    }

    #[inline]
    pub fn status(&self) -> GenStatus {
        self.state.with(|s| s.status)
    }
}

impl Trace for GenObj {
    fn trace(&self, t: &mut Tracer) {
        self.code.trace(t);
        t.mark(self.globals);
        self.state.with(|s| {
            s.regs.trace(t);
            for c in &s.cells {
                t.mark(*c);
            }
            if let OnReturn::NextDefault(v) = s.on_return {
                v.trace(t);
            }
            s.exc_state.trace(t);
            s.outer_handled.trace(t);
        });
    }

    fn heap_size(&self) -> usize {
        self.state.with(|s| {
            s.regs.capacity() * std::mem::size_of::<Value>()
                + s.cells.capacity() * std::mem::size_of::<Gc<CellObj>>()
        })
    }
}
