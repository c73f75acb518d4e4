//! Running generators: creating them, resuming and suspending their frames,
//! `send`/`throw`/`close`, and what happens when an exception leaves one.
//!
//! A generator's frame lives in its [`GenObj`] while suspended. Resuming
//! copies the saved registers onto the register stack just above the
//! resumer's window and pushes a [`Frame`] whose `gen` names the generator;
//! `Yield` copies them back and pops it (CPython 3.11 copies the frame into
//! the generator in the same way). Resumers inside the dispatch loop —
//! `ForIter`, `Send` (`yield from`), and calls of `next(g)`, `g.send(v)`,
//! `g.__next__()` — push the frame and let the loop continue in it, so a
//! `for` over a generator never recurses on the Rust stack. Native code
//! (`sum(g)`, `list(g)`, `g.throw(...)`) resumes through
//! [`Vm::gen_resume`], a boundary frame run by a nested loop under the
//! recursion limit.
//!
//! When a generator's frame is popped by an exception, whoever pops it must
//! call [`Vm::unwind_gen_frame`]: it finishes the generator and applies
//! PEP 479 (a `StopIteration` escaping the body becomes `RuntimeError`).

use super::{Frame, PyErr, PyResult, Vm};
use crate::bytecode::opcode::{a_of, op_of, sbx_of, Op};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::{BuiltinObj, KwArgs};
use crate::runtime::generator::{GenObj, GenStatus, OnReturn};
use crate::runtime::heap::Gc;
use crate::runtime::object::TypeId;
use crate::runtime::value::Value;

/// What a resumed generator did.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// How the dispatch loop handles a call whose receiver is a generator.
pub enum CallResume {
    /// Not a generator resumption: make the call as usual.
    NotHandled,
    /// The generator's frame was pushed: continue the loop in it.
    Pushed,
    /// The call is complete with this result (`next(g, default)` on a
    /// finished generator).
    Done(Value),
}

impl Vm {
    // ----- creation, suspension, completion (used by the dispatch loop) ---

    /// `ReturnGenerator`: pop the running frame and move it into a new
    /// generator object that resumes at `pc`. Returns the generator and
    /// where the popped frame's caller wanted its result.
    pub(crate) fn frame_to_generator(&mut self, pc: usize) -> Option<(Value, usize, bool)> {
        let frame = self.frames.pop()?;
        let n = frame.code.nregs as usize;
        let end = (frame.base + n).min(self.stack.len());
        let mut regs = self.stack[frame.base..end].to_vec();
        regs.resize(n, Value::Null);
        let (ret, boundary) = (frame.ret, frame.boundary);
        let g = self.heap.alloc(GenObj::new(frame.code, frame.globals, regs, frame.cells, pc));
        Some((Value::Generator(g), ret, boundary))
    }

    /// `Yield`: save the running generator frame (registers, cells, resume
    /// `pc`) into its generator and pop it. Returns the resumer's result
    /// register and whether the frame was a boundary frame; `None` if the
    /// running frame is not a generator's.
    pub(crate) fn suspend_gen_frame(
        &mut self,
        pc: usize,
        yield_reg: usize,
    ) -> Option<(usize, bool)> {
        // The frame is read in place and then dropped, not moved out
        // whole (a move copies it through the stack, slower than the
        // fields needed).
        let frame = self.frames.last_mut()?;
        let g = frame.gen?;
        let (base, ret, boundary) = (frame.base, frame.ret, frame.boundary);
        let n = frame.code.nregs as usize;
        let cells = std::mem::take(&mut frame.cells);
        self.frames.truncate(self.frames.len() - 1);
        self.leave_gen_exc_state(g, true);
        let regs = &self.stack[base..base + n];
        g.state.with_mut(|st| {
            if st.regs.len() == n {
                st.regs.copy_from_slice(regs);
            } else {
                st.regs.clear();
                st.regs.extend_from_slice(regs);
            }
            st.pc = pc;
            st.yield_reg = yield_reg;
            st.cells = cells;
            st.status = GenStatus::Suspended;
        });
        self.stack.truncate(base);
        Some((ret, boundary))
    }

    /// `GenReturn`: pop the running generator frame and finish the
    /// generator. Returns the resumer's result register, whether the frame
    /// was a boundary frame and what the resumer wants done.
    pub(crate) fn finish_gen_frame(&mut self) -> Option<(usize, bool, OnReturn)> {
        let g = self.frames.last()?.gen?;
        let frame = self.frames.pop()?;
        let on_return = g.state.with(|st| st.on_return);
        self.leave_gen_exc_state(g, false);
        finish(g);
        self.stack.truncate(frame.base);
        Some((frame.ret, frame.boundary, on_return))
    }

    /// An exception is leaving the generator frame `frame` (already popped):
    /// the generator is finished, and a `StopIteration` becomes
    /// `RuntimeError: generator raised StopIteration` (PEP 479) with the
    /// original as its cause. Returns the exception to keep unwinding with.
    pub fn unwind_gen_frame(&mut self, frame: &Frame, err: PyErr) -> PyErr {
        let Some(g) = frame.gen else { return err };
        self.leave_gen_exc_state(g, false);
        finish(g);
        if err.0.kind.is_subclass(ExcKind::StopIteration) {
            let e = self.err(ExcKind::RuntimeError, "generator raised StopIteration");
            e.0.cause.with_mut(|c| *c = Value::Exception(err.0));
            e.0.context.with_mut(|c| *c = Value::Exception(err.0));
            e.0.suppress_context.with_mut(|s| *s = true);
            return e;
        }
        err
    }

    /// `PushExc`: the handled exception to restore when the handler ends.
    /// In a generator's frame, that is its own (None when it handles none,
    /// even while its resumer handles one), so that a handler ending after
    /// a later resumption falls back to that resumer's, as in CPython.
    #[inline]
    pub(crate) fn own_handled(&self) -> Value {
        let h = self.handled;
        match self.frames.last().and_then(|f| f.gen) {
            Some(g) if h.is(g.state.with(|st| st.outer_handled)) => Value::None,
            _ => h,
        }
    }

    /// `PopExc`: make `v` (saved by `own_handled`) the handled exception.
    #[inline]
    pub(crate) fn restore_handled(&mut self, v: Value) {
        self.handled = match self.frames.last().and_then(|f| f.gen) {
            Some(g) if v.is_none() => g.state.with(|st| st.outer_handled),
            _ => v,
        };
    }

    /// `g` suspends (`keep`) or finishes: the resumer's exception being
    /// handled is restored; a suspending generator keeps the one its own
    /// handlers are handling for its next resumption.
    fn leave_gen_exc_state(&mut self, g: Gc<GenObj>, keep: bool) {
        let current = self.handled;
        self.handled = g.state.with_mut(|st| {
            let outer = std::mem::replace(&mut st.outer_handled, Value::None);
            if keep && !current.is(outer) {
                st.exc_state = current;
            }
            outer
        });
    }

    // ----- resuming -------------------------------------------------------

    /// Push the frame of `g` (created or suspended, checked by the caller)
    /// on the frame stack. `send` becomes the value of the `yield` it is
    /// suspended at (`None`: leave the register alone, as `throw` does).
    /// Yielded values go to `stack[ret]`; `on_return` says what the loop
    /// does when the generator returns.
    pub(crate) fn push_gen_frame(
        &mut self,
        g: Gc<GenObj>,
        send: Option<Value>,
        ret: usize,
        on_return: OnReturn,
        boundary: bool,
    ) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let code = g.code.clone();
        let n = code.nregs as usize;
        let base = self.stack.len();
        self.ensure_stack(base + n + 1)?;
        let stack = &mut self.stack;
        let outer = self.handled;
        let (pc, cells, own) = g.state.with_mut(|st| {
            // An element loop, not `extend_from_slice`: a handful of
            // registers copy faster inline than through a memcpy call.
            stack.extend(st.regs.iter().copied());
            if st.regs.len() != n {
                stack.resize(base + n, Value::Null);
            }
            if let (GenStatus::Suspended, Some(v)) = (st.status, send) {
                if st.yield_reg < n {
                    stack[base + st.yield_reg] = v;
                }
            }
            st.status = GenStatus::Running;
            st.on_return = on_return;
            // The resumer's exception being handled is saved, and the one
            // `g` was handling when it suspended (if any) becomes the
            // handled one, as CPython pushes `gi_exc_state` on the
            // exc_info chain.
            st.outer_handled = outer;
            let own = std::mem::replace(&mut st.exc_state, Value::None);
            (st.pc, std::mem::take(&mut st.cells), own)
        });
        if !own.is_none() {
            self.handled = own;
        }
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(1);
        }
        let len = self.frames.len();
        // Written in place rather than with `push`: `push` builds the frame
        // in a temporary and copies it with 16-byte loads that straddle the
        // separate stores of `gen` and `boundary` (a store-forwarding stall
        // measured at 40% of this function).
        // SAFETY: the capacity was just ensured to exceed `len`, so slot
        // `len` is allocated and unused; `set_len` then covers exactly the
        // initialized slots.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(Frame {
                code,
                globals: g.globals,
                cells,
                base,
                pc,
                ret,
                boundary,
                gen: Some(g),
            });
            self.frames.set_len(len + 1);
        }
        Ok(())
    }

    /// May `g` be resumed with `send`? `Ok(false)` when it is finished.
    fn gen_check(&mut self, g: Gc<GenObj>, send: Value) -> PyResult<bool> {
        match g.status() {
            GenStatus::Running => Err(self.value_error("generator already executing")),
            GenStatus::Finished => Ok(false),
            GenStatus::Created if !send.is_none() => {
                Err(self.type_error("can't send non-None value to a just-started generator"))
            }
            GenStatus::Created | GenStatus::Suspended => Ok(true),
        }
    }

    /// Resume `g` from the dispatch loop (`ForIter`, `Send`, `next(g)`):
    /// `Ok(true)` if its frame was pushed, `Ok(false)` if it is finished.
    /// The caller has saved its pc.
    pub(crate) fn gen_resume_in_loop(
        &mut self,
        g: Gc<GenObj>,
        send: Value,
        ret: usize,
        on_return: OnReturn,
    ) -> PyResult<bool> {
        if !self.gen_check(g, send)? {
            return Ok(false);
        }
        self.push_gen_frame(g, Some(send), ret, on_return, false)?;
        Ok(true)
    }

    /// A call from the dispatch loop whose first argument is a generator:
    /// `next(g)`, `next(g, default)`, `g.send(v)` and `g.__next__()` resume
    /// it in the loop; anything else is an ordinary call.
    pub(crate) fn gen_call_resume(
        &mut self,
        b: Gc<BuiltinObj>,
        args: &[Value],
        ret: usize,
    ) -> PyResult<CallResume> {
        let Some(&Value::Generator(g)) = args.first() else { return Ok(CallResume::NotHandled) };
        if !b.bound.is_null() {
            return Ok(CallResume::NotHandled);
        }
        let (send, on_return) = match (b.owner, b.name, args.len()) {
            (None, "next", 1) | (Some("generator"), "__next__", 1) => (Value::None, OnReturn::Next),
            (None, "next", 2) => (Value::None, OnReturn::NextDefault(args[1])),
            (Some("generator"), "send", 2) => (args[1], OnReturn::Next),
            _ => return Ok(CallResume::NotHandled),
        };
        if self.gen_resume_in_loop(g, send, ret, on_return)? {
            return Ok(CallResume::Pushed);
        }
        match on_return {
            OnReturn::NextDefault(d) => Ok(CallResume::Done(d)),
            _ => Err(self.err_args(ExcKind::StopIteration, Vec::new())),
        }
    }

    /// Resume `g` from native code (created or suspended, checked by the
    /// caller) and run it until it yields, returns or raises. With `throw`,
    /// the exception is raised at the point where it is suspended.
    pub fn gen_resume(
        &mut self,
        g: Gc<GenObj>,
        send: Option<Value>,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        let base = self.stack.len();
        self.push_gen_frame(g, send, base, OnReturn::Native, true)?;
        let r = self.run_throw(throw);
        self.stack.truncate(base);
        let v = r?;
        Ok(if g.status() == GenStatus::Finished {
            GenStep::Returned(v)
        } else {
            GenStep::Yielded(v)
        })
    }

    /// `next(g)` from native code: `None` when the generator is exhausted.
    pub fn gen_next(&mut self, g: Gc<GenObj>) -> PyResult<Option<Value>> {
        if !self.gen_check(g, Value::None)? {
            return Ok(None);
        }
        match self.gen_resume(g, Some(Value::None), None)? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// `g.send(v)` from native code.
    pub fn gen_send(&mut self, g: Gc<GenObj>, v: Value) -> PyResult<Value> {
        if !self.gen_check(g, v)? {
            return Err(self.err_args(ExcKind::StopIteration, Vec::new()));
        }
        let step = self.gen_resume(g, Some(v), None)?;
        self.step_result(step)
    }

    /// The result of `send`/`throw`: the yielded value, or `StopIteration`
    /// carrying the returned one.
    fn step_result(&mut self, step: GenStep) -> PyResult<Value> {
        match step {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(self.stop_iteration(v)),
        }
    }

    /// `StopIteration(value)`, without arguments for `None`.
    pub fn stop_iteration(&mut self, v: Value) -> PyErr {
        let args = if v.is_none() { Vec::new() } else { vec![v] };
        self.err_args(ExcKind::StopIteration, args)
    }

    /// The iterator a generator suspended in `yield from` delegates to
    /// (`gi_yieldfrom`): the generator stopped at the `Yield` right after a
    /// `Send`, whose `R[A]` is the delegate.
    pub fn gen_delegate(&self, g: Gc<GenObj>) -> Option<(Value, usize)> {
        delegate(g)
    }

    /// `g.throw(exc)`: raise `exc` where `g` is suspended (forwarded to the
    /// delegate of a `yield from` first, as CPython does).
    pub fn gen_throw(&mut self, g: Gc<GenObj>, exc: PyErr) -> PyResult<GenStep> {
        match g.status() {
            GenStatus::Running => return Err(self.value_error("generator already executing")),
            GenStatus::Finished => return Err(exc),
            GenStatus::Created | GenStatus::Suspended => {}
        }
        let mut exc = exc;
        if let Some((delegate, send_pc)) = self.gen_delegate(g) {
            // Keep the exception alive while the delegate runs.
            self.temp_roots.push(Value::Exception(exc.0));
            let forwarded = if exc.0.kind == ExcKind::GeneratorExit {
                match delegate {
                    Value::Generator(d) => self.gen_close(d).err(),
                    _ => None,
                }
                .map(Err)
            } else {
                match delegate {
                    Value::Generator(d) => Some(self.gen_throw(d, exc)),
                    _ => None,
                }
            };
            self.temp_roots.pop();
            match forwarded {
                Some(Ok(GenStep::Yielded(v))) => return Ok(GenStep::Yielded(v)),
                Some(Ok(GenStep::Returned(r))) => {
                    // The delegate is done: `yield from` evaluates to `r` and
                    // `g` continues after it (the `Send`'s exit jump).
                    let send = g.code.instructions[send_pc];
                    let exit = (send_pc as i64 + 1 + sbx_of(send) as i64) as usize;
                    g.state.with_mut(|st| {
                        if let Some(slot) = st.regs.get_mut(a_of(send) + 1) {
                            *slot = r;
                        }
                        st.pc = exit;
                    });
                    return self.gen_resume(g, None, None);
                }
                Some(Err(e)) => exc = e,
                None => {}
            }
        }
        self.gen_resume(g, None, Some(exc))
    }

    /// `g.close()`: raise `GeneratorExit` where `g` is suspended; fine if
    /// it comes back out (or `StopIteration`), an error if `g` yields.
    pub fn gen_close(&mut self, g: Gc<GenObj>) -> PyResult<()> {
        match g.status() {
            GenStatus::Running => Err(self.value_error("generator already executing")),
            GenStatus::Finished => Ok(()),
            GenStatus::Created => {
                finish(g);
                Ok(())
            }
            GenStatus::Suspended => {
                let exit = self.err_args(ExcKind::GeneratorExit, Vec::new());
                match self.gen_throw(g, exit) {
                    Ok(GenStep::Returned(_)) => Ok(()),
                    Ok(GenStep::Yielded(_)) => {
                        Err(self.err(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
                    }
                    Err(e)
                        if matches!(e.0.kind, ExcKind::GeneratorExit | ExcKind::StopIteration) =>
                    {
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// The exception `g.throw(typ[, val[, tb]])` raises.
    fn throw_arg(&mut self, args: &[Value]) -> PyResult<PyErr> {
        let val = args.get(1).copied().unwrap_or(Value::None);
        match args[0] {
            Value::Exception(e) => {
                if !val.is_none() {
                    return Err(self.type_error("instance exception may not have a separate value"));
                }
                Ok(PyErr(e))
            }
            Value::Type(t) if t.exc.is_some() => {
                let kind = t.exc.unwrap_or(ExcKind::Exception);
                let a = match val {
                    Value::None => Vec::new(),
                    Value::Tuple(t) => t.items.to_vec(),
                    Value::Exception(e) if e.kind.is_subclass(kind) => return Ok(PyErr(e)),
                    v => vec![v],
                };
                Ok(self.err_args(kind, a))
            }
            other => Err(self.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                self.type_name(other)
            ))),
        }
    }

    // ----- attributes and repr ------------------------------------------

    /// `repr(g)`: `<generator object f.<locals>.g at 0x...>`.
    pub fn gen_repr(&self, g: Gc<GenObj>) -> String {
        format!("<generator object {} at 0x{:x}>", g.code.qualname, g.addr())
    }

    /// The data attributes of a generator.
    pub fn gen_attr(&mut self, g: Gc<GenObj>, name: &str) -> Option<Value> {
        Some(match name {
            "__name__" => self.new_str(&*g.code.name),
            "__qualname__" => self.new_str(&*g.code.qualname),
            "gi_running" => Value::Bool(g.status() == GenStatus::Running),
            "gi_suspended" => Value::Bool(g.status() == GenStatus::Suspended),
            "gi_yieldfrom" => self.gen_delegate(g).map_or(Value::None, |(d, _)| d),
            _ => return None,
        })
    }
}

/// The iterator a generator suspended in `yield from` delegates to, and
/// the pc of its `Send`: the generator stopped at the `Yield` right after a
/// `Send`, whose `R[A]` is the delegate. Allocates nothing (the collector
/// calls it through `finalize::needs_close`).
pub(crate) fn delegate(g: Gc<GenObj>) -> Option<(Value, usize)> {
    g.state.with(|st| {
        if st.status != GenStatus::Suspended || st.pc < 2 {
            return None;
        }
        let send_pc = st.pc - 2;
        let send = *g.code.instructions.get(send_pc)?;
        let y = *g.code.instructions.get(st.pc - 1)?;
        if op_of(send) != Op::Send as u8 || op_of(y) != Op::Yield as u8 {
            return None;
        }
        Some((*st.regs.get(a_of(send))?, send_pc))
    })
}

/// Mark `g` finished and drop its saved frame.
fn finish(g: Gc<GenObj>) {
    g.state.with_mut(|st| {
        st.status = GenStatus::Finished;
        st.regs = Vec::new();
        st.cells = Vec::new();
        st.on_return = OnReturn::Native;
    });
}

// ----- the generator type's methods ----------------------------------------

fn receiver(vm: &mut Vm, recv: Value, name: &str) -> PyResult<Gc<GenObj>> {
    match recv {
        Value::Generator(g) => Ok(g),
        other => Err(vm.type_error(format!(
            "descriptor '{name}' for 'generator' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
    }
}

fn no_kwargs(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("generator.{name}() takes no keyword arguments")))
    }
}

fn gen_send_method(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = receiver(vm, recv, "send")?;
    no_kwargs(vm, "send", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    vm.gen_send(g, args[0])
}

fn gen_next_method(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = receiver(vm, recv, "__next__")?;
    no_kwargs(vm, "__next__", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len())));
    }
    match vm.gen_next(g)? {
        Some(v) => Ok(v),
        None => Err(vm.err_args(ExcKind::StopIteration, Vec::new())),
    }
}

fn gen_iter_method(vm: &mut Vm, recv: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    receiver(vm, recv, "__iter__")?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len())));
    }
    Ok(recv)
}

fn gen_throw_method(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = receiver(vm, recv, "throw")?;
    no_kwargs(vm, "throw", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(
            vm.type_error(format!("throw expected at least 1 argument, got {}", args.len()))
        );
    }
    if args.len() == 3 {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let exc = vm.throw_arg(args)?;
    let step = vm.gen_throw(g, exc)?;
    vm.step_result(step)
}

fn gen_close_method(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = receiver(vm, recv, "close")?;
    no_kwargs(vm, "close", kw)?;
    if !args.is_empty() {
        return Err(
            vm.type_error(format!("generator.close() takes no arguments ({} given)", args.len()))
        );
    }
    vm.gen_close(g)?;
    Ok(Value::None)
}

/// Register the methods of the generator type.
pub fn install(vm: &mut Vm) {
    vm.add_method(TypeId::Generator, "send", gen_send_method);
    vm.add_method(TypeId::Generator, "throw", gen_throw_method);
    vm.add_method(TypeId::Generator, "close", gen_close_method);
    vm.add_method(TypeId::Generator, "__next__", gen_next_method);
    vm.add_method(TypeId::Generator, "__iter__", gen_iter_method);
}
