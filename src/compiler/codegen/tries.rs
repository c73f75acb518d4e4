//! `try` statements and bare `raise`: the exception table and the
//! code of handlers, as CPython 3.11's `compiler_try_except` /
//! `compiler_try_finally` lay them out, on registers.
//!
//! No instruction sets a handler up: [`ExcState`] keeps the stack of
//! handlers in effect while code is emitted and records which instruction
//! ranges each covers; `pop_unit` turns the ranges into the code object's
//! exception table. A handler receives the exception in register `E` of
//! three consecutive ones reserved by the `try` (`E+1` keeps the exception
//! that was being handled before, `E+2` receives an exception raised inside
//! the handler itself):
//!
//! ```text
//!       body                      ; → H
//!       else-body
//!       Jmp end
//! H:    PushExc E                 ; the caught exception is now "handled"
//!       IfExcMatch E T1 / Jmp n1  ; → C from here on
//!       <name> = R[E]
//!       clause body               ; → N (name cleanup)
//!       PopExc E+1 ; <name> = None ; del <name> ; Jmp end
//! N:    <name> = None ; del <name> ; Reraise E+2
//! n1:   ... more clauses ...
//!       Reraise E                 ; nothing matched
//! C:    PopExc E+1 ; Reraise E+2  ; → outer handler
//! end:
//! ```
//!
//! `finally` bodies are compiled twice: inline on the normal path and
//! inside a handler that re-raises afterwards. `return`, `break` and
//! `continue` leaving a `try` run the exit code of every block they leave
//! (a finally body inline, `PopExc` and the name cleanup of a handler) with
//! the handlers of those blocks removed, as CPython's
//! `compiler_unwind_fblock_stack` does.
//!
//! `with` statements are here too ([`Gen::with_stmt`]): a `try` whose
//! handler passes the exception to `__exit__` and re-raises it unless the
//! result is true, and whose normal exits (including `return`, `break` and
//! `continue`) call `__exit__(None, None, None)`.

use super::*;
use crate::bytecode::code::ExcEntry;

/// A handler's code position (patched when it is placed) and the register
/// that receives the exception.
#[derive(Clone, Copy)]
struct HandlerDef {
    target: u32,
    reg: Reg,
}

/// Exception-table bookkeeping of one code unit.
#[derive(Default)]
pub(super) struct ExcState {
    /// Handlers in effect, innermost last (indices into `defs`).
    stack: Vec<u32>,
    defs: Vec<HandlerDef>,
    /// Finished ranges `(start, end, def)`, in order.
    ranges: Vec<(u32, u32, u32)>,
    /// Where the range of the current innermost handler started.
    open: u32,
}

impl ExcState {
    /// End the current range at `here` (a new one starts there).
    fn close(&mut self, here: u32) {
        if let Some(&top) = self.stack.last() {
            if self.open < here {
                self.ranges.push((self.open, here, top));
            }
        }
        self.open = here;
    }

    /// The exception table of the finished unit.
    pub(super) fn table(mut self, len: usize) -> Vec<ExcEntry> {
        self.close(len as u32);
        let mut out: Vec<ExcEntry> = Vec::with_capacity(self.ranges.len());
        for (start, end, d) in self.ranges {
            let def = self.defs[d as usize];
            if let Some(last) = out.last_mut() {
                if last.end == start && last.handler == def.target && last.reg == def.reg {
                    last.end = end;
                    continue;
                }
            }
            out.push(ExcEntry { start, end, handler: def.target, reg: def.reg });
        }
        out
    }
}

/// A block that `return`/`break`/`continue` must leave properly.
#[derive(Clone, Copy)]
pub(super) struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// The unit (depth of `Gen::units`) the block belongs to.
    unit: usize,
    /// `loops.len()` when the block started: `break`/`continue` leave only
    /// the blocks inside the innermost loop.
    loop_depth: usize,
    /// Handler stack depth before the block's handlers were pushed.
    handler_depth: usize,
}

#[derive(Clone, Copy)]
pub(super) enum FBlockKind<'a> {
    /// The body of a `try` with `except` clauses.
    TryExcept,
    /// The body of a `try` with a `finally`: leaving runs the finally body.
    FinallyTry(&'a [Stmt<'a>]),
    /// A finally body run for an exception (`E` of its `try`).
    FinallyEnd(Reg),
    /// An `except` clause body (`E`, the `as` name).
    HandlerCleanup(Reg, Option<Symbol>),
    /// The body of a `with` (its `__exit__` pair, the statement's span):
    /// leaving calls `__exit__(None, None, None)`.
    With(Reg, Span),
    /// The body of a `for` loop (its iterator register): leaving it by
    /// `break` or `return` drops the iterator (`Release`), so that an
    /// abandoned generator is closed then, as in CPython.
    ForLoop(Reg),
}

/// How a `return`, `break` or `continue` leaves the blocks around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Exit {
    Return,
    Break,
    Continue,
}

impl<'a> FBlock<'a> {
    /// Is the block left by `exit` from unit `unit` inside `loops` loops?
    fn left_by(&self, exit: Exit, unit: usize, loops: usize) -> bool {
        if self.unit != unit {
            return false;
        }
        match exit {
            Exit::Return => true,
            Exit::Break => self.loop_depth >= loops,
            // `continue` stays in the innermost loop: its iterator lives on.
            Exit::Continue => {
                self.loop_depth >= loops
                    && !(matches!(self.kind, FBlockKind::ForLoop(_)) && self.loop_depth == loops)
            }
        }
    }
}

/// What [`Gen::begin_exit`] changed, for [`Gen::end_exit`].
pub(super) struct ExitState<'a> {
    fblocks: Vec<FBlock<'a>>,
    handlers: Vec<u32>,
}

impl<'g, 'a> Gen<'g, 'a> {
    // ----- handler stack --------------------------------------------------

    /// Start covering the code from here with a new handler whose
    /// exception lands in `reg`.
    fn push_handler(&mut self, reg: Reg) -> u32 {
        let here = self.here() as u32;
        let exc = &mut self.u().exc;
        exc.close(here);
        let id = exc.defs.len() as u32;
        exc.defs.push(HandlerDef { target: u32::MAX, reg });
        exc.stack.push(id);
        id
    }

    /// Cover the code from here with the (already defined) handler `id` again.
    fn repush_handler(&mut self, id: u32) {
        let here = self.here() as u32;
        let exc = &mut self.u().exc;
        exc.close(here);
        exc.stack.push(id);
    }

    fn pop_handler(&mut self) {
        let here = self.here() as u32;
        let exc = &mut self.u().exc;
        exc.close(here);
        exc.stack.pop();
    }

    pub(super) fn handler_depth(&mut self) -> usize {
        self.u().exc.stack.len()
    }

    fn set_handlers(&mut self, stack: Vec<u32>) {
        let here = self.here() as u32;
        let exc = &mut self.u().exc;
        exc.close(here);
        exc.stack = stack;
    }

    /// The handler's code starts here.
    fn place_handler(&mut self, id: u32) {
        let here = self.here() as u32;
        self.u().exc.defs[id as usize].target = here;
    }

    pub(super) fn push_fblock(&mut self, kind: FBlockKind<'a>, handler_depth: usize) {
        let unit = self.units.len() - 1;
        let loop_depth = self.u().loops.len();
        self.fblocks.push(FBlock { kind, unit, loop_depth, handler_depth });
    }

    pub(super) fn pop_fblock(&mut self) {
        self.fblocks.pop();
    }

    // ----- leaving blocks -------------------------------------------------

    /// Must `return` evaluate its value before leaving the blocks around
    /// it (a `finally` body or an `__exit__` call may rebind the returned
    /// name)? Dropping a loop's iterator cannot.
    pub(super) fn exit_needs_code(&mut self) -> bool {
        let unit = self.units.len() - 1;
        self.fblocks
            .iter()
            .rev()
            .take_while(|fb| fb.unit == unit)
            .any(|fb| !matches!(fb.kind, FBlockKind::ForLoop(_)))
    }

    /// Emit the exit code of the blocks left by `return` / `break` /
    /// `continue`; the jump or return follows, then [`Gen::end_exit`].
    pub(super) fn begin_exit(&mut self, exit: Exit) -> CResult<ExitState<'a>> {
        let saved =
            ExitState { fblocks: self.fblocks.clone(), handlers: self.u().exc.stack.clone() };
        let unit = self.units.len() - 1;
        let loops = self.u().loops.len();
        while let Some(fb) = self.fblocks.last().copied() {
            if !fb.left_by(exit, unit, loops) {
                break;
            }
            self.fblocks.pop();
            let mut stack = self.u().exc.stack.clone();
            stack.truncate(fb.handler_depth);
            self.set_handlers(stack);
            match fb.kind {
                FBlockKind::TryExcept => {}
                FBlockKind::FinallyTry(body) => self.branch(|g| g.stmts(body))?,
                FBlockKind::FinallyEnd(e) => {
                    self.emit(abc(Op::PopExc, e + 1, 0, 0));
                }
                FBlockKind::HandlerCleanup(e, name) => {
                    self.emit(abc(Op::PopExc, e + 1, 0, 0));
                    if let Some(n) = name {
                        self.clear_name(n)?;
                    }
                }
                FBlockKind::With(k, span) => {
                    // On fresh registers: the call must not clobber the
                    // value a `return` is about to return.
                    let old = self.set_pos(span);
                    let top = self.top();
                    let t = self.alloc(5)?;
                    self.emit(abc(Op::Move, t, k, 0));
                    self.emit(abc(Op::Move, t + 1, k + 1, 0));
                    self.exit_with_nones(t)?;
                    self.set_top(top);
                    self.restore_pos(old);
                }
                FBlockKind::ForLoop(it) => {
                    let top = self.top();
                    self.emit(abc(Op::Release, it, top, 0));
                }
            }
        }
        Ok(saved)
    }

    pub(super) fn end_exit(&mut self, saved: ExitState<'a>) {
        self.fblocks = saved.fblocks;
        self.set_handlers(saved.handlers);
    }

    /// `name = None; del name` (the end of `except ... as name`).
    fn clear_name(&mut self, name: Symbol) -> CResult<()> {
        let top = self.top();
        let n = self.name_index(name);
        match self.place(name) {
            Place::Reg(r) => {
                self.emit(abc(Op::LoadNone, r, 0, 0));
                self.emit(abx(Op::DeleteFast, r, n));
                self.u().bound.remove(&r);
            }
            Place::Deref(c) | Place::ClassDeref(c) => {
                let t = self.alloc(1)?;
                self.emit(abc(Op::LoadNone, t, 0, 0));
                self.emit(abc(Op::StoreDeref, t, c, 0));
                self.emit(abc(Op::DeleteDeref, 0, c, 0));
            }
            Place::Name => {
                let t = self.alloc(1)?;
                self.emit(abc(Op::LoadNone, t, 0, 0));
                self.emit(abx(Op::StoreName, t, n));
                self.emit(abx(Op::DeleteName, top, n));
            }
            Place::Global => {
                let t = self.alloc(1)?;
                self.emit(abc(Op::LoadNone, t, 0, 0));
                self.emit(abx(Op::StoreGlobal, t, n));
                self.emit(abx(Op::DeleteGlobal, top, n));
            }
        }
        self.set_top(top);
        Ok(())
    }

    // ----- try ------------------------------------------------------------

    pub(super) fn try_stmt(
        &mut self,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
    ) -> CResult<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let e = self.alloc(3)?;
        let depth = self.handler_depth();
        let h = self.push_handler(e);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), depth);
        if handlers.is_empty() {
            self.branch(|g| g.stmts(body))?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.pop_handler();
        // Normal exit: the finally body inline.
        self.branch(|g| g.stmts(finalbody))?;
        let jend = self.jump(Op::Jmp, 0);
        // Exceptional exit: the finally body as a handler, then re-raise.
        self.place_handler(h);
        self.emit(abc(Op::PushExc, e, 0, 0));
        let depth = self.handler_depth();
        let cleanup = self.push_handler(e + 2);
        self.push_fblock(FBlockKind::FinallyEnd(e), depth);
        self.branch(|g| g.stmts(finalbody))?;
        self.pop_fblock();
        self.pop_handler();
        self.emit(abc(Op::PopExc, e + 1, 0, 0));
        self.emit(abc(Op::Reraise, e, 0, 0));
        self.place_handler(cleanup);
        self.emit(abc(Op::PopExc, e + 1, 0, 0));
        self.emit(abc(Op::Reraise, e + 2, 0, 0));
        self.patch_here(jend)
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> CResult<()> {
        let e = self.alloc(3)?;
        let depth = self.handler_depth();
        let h = self.push_handler(e);
        self.push_fblock(FBlockKind::TryExcept, depth);
        self.branch(|g| g.stmts(body))?;
        self.pop_fblock();
        self.pop_handler();
        self.branch(|g| g.stmts(orelse))?;
        let mut ends = vec![self.jump(Op::Jmp, 0)];
        self.place_handler(h);
        self.emit(abc(Op::PushExc, e, 0, 0));
        let depth = self.handler_depth();
        let cleanup = self.push_handler(e + 2);
        for handler in handlers {
            let old = self.set_pos(handler.span);
            let next = match handler.type_ {
                Some(t) => {
                    let top = self.top();
                    let r = self.expr_any(t)?;
                    self.emit(abc(Op::IfExcMatch, e, r, 0));
                    self.set_top(top);
                    Some(self.jump(Op::Jmp, 0))
                }
                None => None,
            };
            match handler.name {
                Some(name) => {
                    self.store_name(name, e);
                    let name_cleanup = self.push_handler(e + 2);
                    self.push_fblock(FBlockKind::HandlerCleanup(e, Some(name)), depth);
                    self.restore_pos(old);
                    self.branch(|g| g.stmts(handler.body))?;
                    let old = self.set_pos(handler.span);
                    self.pop_fblock();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(abc(Op::PopExc, e + 1, 0, 0));
                    self.clear_name(name)?;
                    ends.push(self.jump(Op::Jmp, 0));
                    self.repush_handler(cleanup);
                    self.place_handler(name_cleanup);
                    self.clear_name(name)?;
                    self.emit(abc(Op::Reraise, e + 2, 0, 0));
                    self.restore_pos(old);
                }
                None => {
                    self.push_fblock(FBlockKind::HandlerCleanup(e, None), depth);
                    self.restore_pos(old);
                    self.branch(|g| g.stmts(handler.body))?;
                    self.pop_fblock();
                    self.pop_handler();
                    self.emit(abc(Op::PopExc, e + 1, 0, 0));
                    ends.push(self.jump(Op::Jmp, 0));
                    self.repush_handler(cleanup);
                }
            }
            if let Some(j) = next {
                self.patch_here(j)?;
            }
        }
        // No clause matched.
        self.emit(abc(Op::Reraise, e, 0, 0));
        self.pop_handler();
        self.place_handler(cleanup);
        self.emit(abc(Op::PopExc, e + 1, 0, 0));
        self.emit(abc(Op::Reraise, e + 2, 0, 0));
        for j in ends {
            self.patch_here(j)?;
        }
        // The `as` names are unbound after their clause.
        for handler in handlers {
            if let Some(name) = handler.name {
                if let Place::Reg(r) = self.place(name) {
                    self.u().bound.remove(&r);
                }
            }
        }
        Ok(())
    }
}

impl<'g, 'a> Gen<'g, 'a> {
    // ----- with -----------------------------------------------------------

    /// `with m as x: body`, as CPython 3.11's `compiler_with`, on registers
    /// `E..E+2` (as a `try`'s) and `K, K+1` (the `__exit__` method pair):
    ///
    /// ```text
    ///       <m>                        ; the manager, in M
    ///       BeforeWith K M             ; K, K+1 = __exit__; K+2, K+3 = __enter__
    ///       CallMethod K+2 0           ; K+2 = __enter__()
    ///       x = R[K+2]                 ; → H (the target is covered, as in CPython)
    ///       body                       ; → H
    ///       LoadNone K+2..K+4
    ///       CallMethod K 3             ; __exit__(None, None, None)
    ///       Jmp end
    /// H:    PushExc E                  ; the exception is being handled
    ///       WithExceptStart K+2 E      ; K+2..K+4 = type, value, traceback
    ///       CallMethod K 3             ; → C
    ///       JmpIfTrue K S              ; → C (a true result suppresses)
    ///       Reraise E                  ; → C
    /// C:    PopExc E+1 ; Reraise E+2
    /// S:    PopExc E+1
    /// end:
    /// ```
    ///
    /// The non-raising path costs the lookup and the two calls. Several
    /// items nest: `with a, b: body` is `with a: with b: body`. Every
    /// instruction outside the manager expression and the target is at the
    /// statement's position, so an error of `__enter__`/`__exit__` reports
    /// the `with` line, as CPython 3.11 does.
    pub(super) fn with_stmt(
        &mut self,
        span: Span,
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
    ) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.branch(|g| g.stmts(body));
        };
        let old = self.set_pos(span);
        let e = self.alloc(3)?;
        let k = self.alloc(2)?;
        let mgr = self.expr_any(&item.context_expr)?;
        // The manager may sit in K+2: `BeforeWith` reads it first.
        self.set_top(k + 2);
        self.alloc(2)?;
        self.emit(abc(Op::BeforeWith, k, mgr, 0));
        self.emit(abc(Op::CallMethod, k + 2, 0, 0));
        self.set_top(k + 3);
        let depth = self.handler_depth();
        let h = self.push_handler(e);
        self.push_fblock(FBlockKind::With(k, span), depth);
        // A suppressed exception may skip any binding of the body (and the
        // target): they are all "maybe bound" afterwards.
        self.branch(|g| {
            if let Some(t) = item.optional_vars {
                g.assign_target(t, k + 2)?;
            }
            g.set_top(k + 2);
            if rest.is_empty() {
                g.stmts(body)
            } else {
                g.with_stmt(span, rest, body)
            }
        })?;
        self.pop_fblock();
        self.pop_handler();
        self.set_top(k + 2);
        self.exit_with_nones(k)?;
        let jend = self.jump(Op::Jmp, 0);
        // An exception: `__exit__(type, value, traceback)`.
        self.place_handler(h);
        self.emit(abc(Op::PushExc, e, 0, 0));
        let cleanup = self.push_handler(e + 2);
        self.alloc(3)?;
        self.emit(abc(Op::WithExceptStart, k + 2, e, 0));
        self.emit(abc(Op::CallMethod, k, 3, 0));
        let suppress = self.jump(Op::JmpIfTrue, k);
        self.emit(abc(Op::Reraise, e, 0, 0));
        self.pop_handler();
        self.place_handler(cleanup);
        self.emit(abc(Op::PopExc, e + 1, 0, 0));
        self.emit(abc(Op::Reraise, e + 2, 0, 0));
        self.patch_here(suppress)?;
        self.emit(abc(Op::PopExc, e + 1, 0, 0));
        self.patch_here(jend)?;
        self.restore_pos(old);
        Ok(())
    }

    /// `R[t] = R[t](R[t+1]?, None, None, None)`: `__exit__` of a normal
    /// exit (the pair in `t, t+1`; `t+2..t+4` must be free).
    fn exit_with_nones(&mut self, t: Reg) -> CResult<()> {
        let top = self.top();
        if top < t + 5 {
            self.alloc(t + 5 - top)?;
        }
        for i in 2..5 {
            self.emit(abc(Op::LoadNone, t + i, 0, 0));
        }
        self.emit(abc(Op::CallMethod, t, 3, 0));
        self.set_top(top);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use bumpalo::Bump;

    use crate::bytecode::code::CodeObject;
    use crate::bytecode::opcode::{op_of, Op};
    use crate::compiler::check_module;
    use crate::runtime::gc::Heap;
    use crate::syntax::intern::Interner;
    use crate::syntax::parser::{parse, ParseOptions};

    fn compile(src: &str) -> Rc<CodeObject> {
        let arena = Bump::new();
        let mut interner = Interner::new();
        let module = parse(&arena, src, ParseOptions::default(), &mut interner).expect("parses");
        let table = check_module(&arena, &module, &mut interner, src).expect("checks");
        let mut heap = Heap::new();
        super::super::compile_module(&module, &table, &interner, src, "t.py", &mut heap)
            .unwrap_or_else(|_| panic!("compiles"))
    }

    fn ops(code: &CodeObject) -> Vec<Op> {
        code.instructions.iter().map(|&i| Op::from_u8(op_of(i)).expect("valid op")).collect()
    }

    /// Rows are sorted, non-empty and disjoint, and handlers point inside
    /// the code.
    fn check_table(code: &CodeObject) {
        let mut prev_end = 0;
        for e in &code.exc_table {
            assert!(e.start < e.end, "empty row {e:?}");
            assert!(e.start >= prev_end, "overlapping rows in {:?}", code.exc_table);
            assert!((e.handler as usize) < code.instructions.len());
            assert!(e.reg < code.nregs);
            prev_end = e.end;
        }
    }

    #[test]
    fn code_without_try_has_no_table() {
        let code = compile("x = 1\nprint(x)\n");
        assert!(code.exc_table.is_empty());
    }

    #[test]
    fn try_emits_no_setup_and_covers_its_body() {
        let code = compile("try:\n    f()\nexcept E:\n    g()\n");
        check_table(&code);
        let ops = ops(&code);
        // The body starts the code: no setup instruction before the call.
        assert_eq!(ops[0], Op::LoadGlobal);
        let call = ops.iter().position(|&o| o == Op::Call).expect("a call");
        let body = code.handler_for(call).expect("the body is covered");
        assert_eq!(ops[body.handler as usize], Op::PushExc);
        // The handler's own code is covered by its cleanup handler, which
        // restores the handled exception and re-raises.
        let check = ops.iter().position(|&o| o == Op::IfExcMatch).expect("a match");
        let cleanup = code.handler_for(check).expect("the handler is covered");
        assert_eq!(&ops[cleanup.handler as usize..][..2], &[Op::PopExc, Op::Reraise]);
        assert_eq!(cleanup.reg, body.reg + 2);
    }

    #[test]
    fn finally_body_is_compiled_for_both_exits() {
        let code = compile("try:\n    f()\nfinally:\n    g()\n");
        check_table(&code);
        let calls: Vec<usize> =
            ops(&code).iter().enumerate().filter(|(_, &o)| o == Op::Call).map(|(i, _)| i).collect();
        assert_eq!(calls.len(), 3, "f, then g inline and g in the handler");
        assert!(code.handler_for(calls[0]).is_some());
        // The inline copy is outside the try's handler (and any other).
        assert!(code.handler_for(calls[1]).is_none());
        // The handler copy is covered by the cleanup handler only.
        let h = code.handler_for(calls[2]).expect("cleanup");
        assert_ne!(Some(h), code.handler_for(calls[0]));
    }

    #[test]
    fn return_in_try_runs_an_uncovered_finally_copy() {
        let code = compile("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
        let f = &code.children[0];
        check_table(f);
        let ops = ops(f);
        let ret = ops.iter().position(|&o| o == Op::Return).expect("a return");
        assert!(f.handler_for(ret).is_none());
        // g() is covered, the h() before the return is not.
        let calls: Vec<usize> =
            ops.iter().enumerate().filter(|(_, &o)| o == Op::Call).map(|(i, _)| i).collect();
        assert!(f.handler_for(calls[0]).is_some());
        assert!(calls[1] < ret && f.handler_for(calls[1]).is_none());
    }

    #[test]
    fn with_covers_target_and_body_but_not_enter() {
        let code = compile("with m as x:\n    f(x)\n");
        check_table(&code);
        let ops = ops(&code);
        let before = ops.iter().position(|&o| o == Op::BeforeWith).expect("BeforeWith");
        // `__enter__()` runs outside the handler: its errors skip `__exit__`.
        assert_eq!(ops[before + 1], Op::CallMethod);
        assert!(code.handler_for(before + 1).is_none());
        // The target and the body are covered by the `__exit__` handler.
        let store = before + 2;
        assert_eq!(ops[store], Op::StoreGlobal);
        let h = code.handler_for(store).expect("the target is covered");
        assert_eq!(&ops[h.handler as usize..][..2], &[Op::PushExc, Op::WithExceptStart]);
        let call = ops.iter().position(|&o| o == Op::Call).expect("f(x)");
        assert_eq!(code.handler_for(call), Some(h));
        // The normal exit's `__exit__` call is not.
        let exit = call + 4;
        assert_eq!(ops[exit], Op::CallMethod);
        assert!(code.handler_for(exit).is_none());
        // The handler's own calls are covered by its cleanup.
        let cleanup = code.handler_for(h.handler as usize + 2).expect("cleanup");
        assert_eq!(&ops[cleanup.handler as usize..][..2], &[Op::PopExc, Op::Reraise]);
        assert_eq!(cleanup.reg, h.reg + 2);
    }

    #[test]
    fn break_in_except_leaves_the_handler() {
        let code = compile("for x in y:\n    try:\n        f()\n    except E:\n        break\n");
        check_table(&code);
        let ops = ops(&code);
        // Before the break's jump: PopExc restores the handled exception.
        let pops: Vec<usize> =
            ops.iter().enumerate().filter(|(_, &o)| o == Op::PopExc).map(|(i, _)| i).collect();
        assert!(pops.len() >= 3, "break, normal exit and cleanup each pop");
        let brk = pops[0];
        // Then the loop's iterator is released, outside the handler too.
        assert_eq!(&ops[brk + 1..brk + 3], &[Op::Release, Op::Jmp]);
        assert!(code.handler_for(brk).is_none());
        assert!(code.handler_for(brk + 1).is_none());
    }
}
