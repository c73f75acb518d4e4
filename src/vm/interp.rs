//! THE dispatch loop: decode, `match` on the opcode, small handlers with the
//! int/float fast paths inline and everything else out of line in
//! [`super::ops`]. Python-to-Python calls push a frame and continue here;
//! returns pop it. Collections happen only at safepoints (calls and
//! backward jumps).

use std::rc::Rc;

use super::attributes::cache;
use super::dunder::is_instance;
use super::generator::CallResume;
use super::stats::{self, CacheKind};
use super::{DictHit, Frame, PyErr, PyResult, Vm};
use crate::bytecode::code::{AttrCache, CodeObject, GlobalCache};
use crate::bytecode::opcode::*;
use crate::compiler::codegen::inplace_operator;
use crate::runtime::compare::{hash_key, needs_vm_hash};
use crate::runtime::dict::{DictObj, DictTable};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::FuncObj;
use crate::runtime::generator::OnReturn;
use crate::runtime::heap::Gc;
use crate::runtime::list::ListObj;
use crate::runtime::object::SliceObj;
use crate::runtime::object::TypeId;
use crate::runtime::set::SetObj;
use crate::runtime::settable::SetTable;
use crate::runtime::str::StrObj;
use crate::runtime::tuple::TupleObj;
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;

/// Set in `Frame::ret` of an `__init__` frame pushed by a class call: the
/// instance is already in the return register, `__init__` must return None.
pub const INIT_RET: usize = 1 << (usize::BITS - 1);

/// Set in `Frame::ret` of a binary operator method (`__add__`...) pushed by
/// an arithmetic instruction: a `NotImplemented` result goes on to the
/// reflected method (see `Vm::binary_after_lhs`).
pub const BINOP_RET: usize = 1 << (usize::BITS - 2);

/// The operator of an arithmetic instruction.
fn binop_of(byte: u8) -> Operator {
    match Op::from_u8(byte) {
        Some(Op::Sub) => Operator::Sub,
        Some(Op::Mul) => Operator::Mult,
        Some(Op::TrueDiv) => Operator::Div,
        Some(Op::FloorDiv) => Operator::FloorDiv,
        Some(Op::Mod) => Operator::Mod,
        _ => Operator::Add,
    }
}

/// State of the running frame, kept in locals by the loop.
struct Cur {
    /// The running frame's code; the frame's `Rc` keeps it alive while it
    /// is on the frame stack, which outlives every use of this pointer.
    code: *const CodeObject,
    base: usize,
    pc: usize,
    /// The running frame's globals (a frame's globals never change).
    globals: Gc<DictObj>,
}

impl Cur {
    #[inline(always)]
    fn code(&self) -> &CodeObject {
        // SAFETY: `code` comes from the `Rc` of a frame on `Vm::frames`; the
        // loop reloads `Cur` whenever that frame is popped or another pushed,
        // so the frame (and its Rc) is alive whenever this is called.
        unsafe { &*self.code }
    }
}

impl Vm {
    /// Run the frame on top of `frames` (a boundary frame) until it returns.
    pub fn run(&mut self) -> PyResult<Value> {
        self.run_throw(None)
    }

    /// [`Vm::run`]; with `throw` (`generator.throw()`), that exception is
    /// first raised at the top frame's pc, through the same path as an
    /// exception raised by the instruction there.
    pub fn run_throw(&mut self, throw: Option<PyErr>) -> PyResult<Value> {
        let entry = self.frames.len() - 1;
        if let Some(e) = throw {
            self.unwind(e, entry)?;
        }
        self.execute(entry)
    }

    /// Dispatch until the entry frame returns; an error goes to the
    /// unwinder, which resumes a handler of the exception tables or pops
    /// every frame of this activation (see [`super::unwind`]).
    fn execute(&mut self, entry: usize) -> PyResult<Value> {
        loop {
            match self.dispatch(entry) {
                Ok(v) => return Ok(v),
                Err(e) => self.unwind(e, entry)?,
            }
        }
    }

    fn load_cur(&self) -> Cur {
        let f = self.frames.last().expect("frame");
        Cur { code: Rc::as_ptr(&f.code), base: f.base, pc: f.pc, globals: f.globals }
    }

    /// Run the loop copy for the instrumentation that is on (`--stats`,
    /// `--pyprofile`); the plain copy (`MODE == 0`) has none compiled in.
    fn dispatch(&mut self, entry: usize) -> PyResult<Value> {
        match self.instruments.mode() {
            0 => self.execute_in::<0>(entry),
            stats::STATS => self.execute_in::<{ stats::STATS }>(entry),
            stats::SAMPLE => self.execute_in::<{ stats::SAMPLE }>(entry),
            _ => self.execute_in::<{ stats::STATS | stats::SAMPLE }>(entry),
        }
    }

    fn execute_in<const MODE: u8>(&mut self, entry: usize) -> PyResult<Value> {
        let mut cur = self.load_cur();
        let mut ext: usize = 0;
        // Register access without bounds checks: the code generator only
        // emits register operands below the code object's `nregs`, and a
        // frame's window `base..base + nregs` is always inside `stack`.
        macro_rules! r {
            ($i:expr) => {
                // SAFETY: see above; the pointer is derived afresh from the
                // stack at every access, so no stale pointer survives a call
                // that touched the stack, and the stack never reallocates
                // (its capacity is fixed and checked by `ensure_stack`).
                *unsafe { &mut *self.stack.as_mut_ptr().add(cur.base + $i) }
            };
        }
        // A register read in place (shared), for fast paths that look at a
        // value's tag and payload without copying it: copying a 16-byte
        // value just written by two 8-byte stores stalls on store
        // forwarding, which the hot handlers avoid this way.
        macro_rules! rv {
            ($i:expr) => {
                // SAFETY: as for `r!`; the reference is used only before the
                // next write to any register.
                unsafe { &*self.stack.as_ptr().add(cur.base + $i) }
            };
        }
        // Write a register: numbers and tuples with one 16-byte store (see
        // `Value::store`).
        macro_rules! put {
            ($i:expr, $v:expr) => {{
                let v: Value = $v;
                // SAFETY: as for `r!`.
                unsafe { Value::store(self.stack.as_mut_ptr().add(cur.base + $i), v) }
            }};
        }
        macro_rules! save_pc {
            () => {
                self.frames.last_mut().expect("frame").pc = cur.pc
            };
        }
        // On error: the frame's pc points after the failing instruction.
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(err) => {
                        save_pc!();
                        return Err(err);
                    }
                }
            };
        }
        // A compare-and-skip: skip the `Jmp` that follows when `$hit`, else
        // take it.
        macro_rules! skip_if {
            ($hit:expr) => {
                if $hit {
                    cur.pc += 1;
                } else {
                    let j = cur.code().instructions[cur.pc];
                    cur.pc = (cur.pc as i64 + 1 + sj_of(j) as i64) as usize;
                }
            };
        }
        // The general case of a binary operator: a user class's method runs
        // in a frame pushed on this loop (its result lands in R[A]),
        // anything else natively.
        macro_rules! binop_slow {
            ($op:expr, $x:expr, $y:expr, $a:expr) => {{
                let (x, y) = ($x, $y);
                if let Some(f) = self.binop_frame($op, x, y) {
                    save_pc!();
                    tri!(self.push_binop_frame(f, x, y, cur.base + $a));
                    cur = self.load_cur();
                    continue;
                }
                tri!(self.binary_op($op, x, y))
            }};
        }
        // Push a frame for Python function `$f` (arguments at `$base`,
        // result to `$ret`) and continue the loop in it, with `Cur` built
        // from the callee: what `load_cur` would read back from the frame.
        macro_rules! enter_function {
            ($f:expr, $base:expr, $nargs:expr, $ret:expr) => {{
                let (f, new_base) = ($f, $base);
                save_pc!();
                tri!(self.push_frame_inline(f, new_base, $nargs, $ret));
                cur = Cur { code: Rc::as_ptr(&f.code), base: new_base, pc: 0, globals: f.globals };
                continue;
            }};
        }
        // `--pyprofile`: at safepoints (calls, backward jumps, returns), the
        // SAMPLE copies record the Python stack when the sampler asks.
        macro_rules! poll_sample {
            () => {
                if MODE & stats::SAMPLE != 0 && self.instruments.sample_due() {
                    save_pc!();
                    self.take_py_sample();
                }
            };
        }
        // `ForIter`: the iterator in R[$a], the next item to R[$a+1], or
        // the exit jump when it is exhausted.
        macro_rules! for_iter {
            ($a:expr, $ins:expr) => {{
                let a = $a;
                let ins = $ins;
                let it = r!(a);
                if let Value::Generator(g) = it {
                    save_pc!();
                    let ret = cur.base + a + 1;
                    if tri!(self.gen_resume_in_loop(g, Value::None, ret, OnReturn::ForIter)) {
                        cur = self.load_cur();
                    } else {
                        cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize;
                    }
                    continue;
                }
                // Fast path: ranges and lists.
                let fast = match it {
                    Value::Iter(obj) => obj.state.with_mut(|st| match st {
                        crate::runtime::iter::IterState::Range { next, stop, step } => {
                            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                                let v = *next;
                                *next = next.wrapping_add(*step);
                                Some(Some(Value::Int(v)))
                            } else {
                                Some(None)
                            }
                        }
                        crate::runtime::iter::IterState::List { list, index } => {
                            match list.get(*index) {
                                Some(v) => {
                                    *index += 1;
                                    Some(Some(v))
                                }
                                None => Some(None),
                            }
                        }
                        _ => None,
                    }),
                    _ => None,
                };
                let next = match fast {
                    Some(n) => n,
                    None => {
                        // `for x, y in zip(xs, ys)` / `enumerate(xs)`
                        // over lists, tuples, ranges: when the body starts
                        // by unpacking the item, its parts go straight to
                        // the unpacking's registers (no tuple is built).
                        let unpack = cur.code().instructions.get(cur.pc).copied();
                        if let (Value::Iter(obj), Some(u)) = (it, unpack) {
                            let n = c_of(u);
                            if op_of(u) == Op::Unpack as u8 && b_of(u) == a + 1 && n <= 4 {
                                let mut parts = [Value::None; 4];
                                let done = crate::runtime::iter::IterObj::next_unpacked(
                                    obj,
                                    &mut parts[..n],
                                );
                                match done {
                                    Some(true) => {
                                        let dst = a_of(u);
                                        for (i, &v) in parts[..n].iter().enumerate() {
                                            r!(dst + i) = v;
                                        }
                                        cur.pc += 1;
                                        continue;
                                    }
                                    Some(false) => {
                                        cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize;
                                        continue;
                                    }
                                    None => {}
                                }
                            }
                        }
                        save_pc!();
                        tri!(self.next(it))
                    }
                };
                match next {
                    Some(v) => r!(a + 1) = v,
                    None => cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize,
                }
            }};
        }
        loop {
            debug_assert!(cur.pc < cur.code().instructions.len());
            // SAFETY: every code object ends in a return, and jumps target
            // instructions inside it (the code generator patches them), so
            // `pc` stays in bounds.
            let ins = unsafe { *cur.code().instructions.get_unchecked(cur.pc) };
            cur.pc += 1;
            let a = a_of(ins);
            let byte = op_of(ins);
            debug_assert!((byte as usize) < Op::COUNT);
            // SAFETY: `Op` is `repr(u8)` with the discriminants 0..COUNT
            // (generated from one list), and every opcode byte of a code
            // object is below COUNT (the invariant of
            // `CodeObject::instructions`, asserted by the code generator).
            // Not checking here saves 8% of the instructions of fib.
            let op: Op = unsafe { std::mem::transmute::<u8, Op>(byte) };
            if MODE & stats::STATS != 0 {
                self.instruments.record_op(op);
            }
            match op {
                Op::Nop => {}
                Op::ExtArg => {
                    ext = ((ins >> 8) as usize) << 8;
                    continue;
                }
                Op::Move => r!(a) = r!(b_of(ins)),
                Op::LoadK => r!(a) = cur.code().consts[bx_of(ins)],
                Op::LoadInt => put!(a, Value::Int(sbx_of(ins) as i64)),
                Op::LoadNone => r!(a) = Value::None,
                Op::LoadTrue => r!(a) = Value::Bool(true),
                Op::LoadFalse => r!(a) = Value::Bool(false),
                Op::LoadGlobal => {
                    let globals = cur.globals;
                    let cache = &cur.code().global_cache[cur.pc - 1];
                    let c = cache.get();
                    let gver = globals.table.with(|t| t.version);
                    let hit = if c.dict == globals.addr() && c.gver == gver {
                        if c.builtin {
                            let builtins = self.builtins;
                            builtins.table.with(|t| {
                                (t.version == c.bver).then(|| t.value_at(c.index as usize))
                            })
                        } else {
                            Some(globals.table.with(|t| t.value_at(c.index as usize)))
                        }
                    } else {
                        None
                    };
                    if MODE & stats::STATS != 0 {
                        self.instruments.record_cache(CacheKind::LoadGlobal, hit.is_some());
                    }
                    let v = match hit {
                        Some(v) => v,
                        None => {
                            let name = cur.code().names[bx_of(ins)];
                            let builtins = self.builtins;
                            match globals.table.with(|t| global_index(t, name)) {
                                Some(i) => {
                                    cache.set(GlobalCache {
                                        dict: globals.addr(),
                                        gver,
                                        bver: 0,
                                        index: i as u32,
                                        builtin: false,
                                    });
                                    globals.table.with(|t| t.value_at(i))
                                }
                                None => match builtins
                                    .table
                                    .with(|t| global_index(t, name).map(|i| (i, t.version)))
                                {
                                    Some((i, bver)) => {
                                        cache.set(GlobalCache {
                                            dict: globals.addr(),
                                            gver,
                                            bver,
                                            index: i as u32,
                                            builtin: true,
                                        });
                                        builtins.table.with(|t| t.value_at(i))
                                    }
                                    None => {
                                        save_pc!();
                                        let n = name.as_str().unwrap_or("").to_string();
                                        return Err(self.name_error(&n));
                                    }
                                },
                            }
                        }
                    };
                    r!(a) = v;
                }
                Op::StoreGlobal => {
                    let name = cur.code().names[bx_of(ins)];
                    let globals = cur.globals;
                    let v = r!(a);
                    globals.table.with_mut(|t| {
                        if let Value::Str(s) = name {
                            t.insert_hashed(s.hash(), name, v)
                        }
                    });
                }
                Op::DeleteGlobal => {
                    let name = cur.code().names[bx_of(ins)];
                    let globals = cur.globals;
                    let removed = globals.table.with_mut(|t| t.remove(name)).ok().flatten();
                    let Some(old) = removed else {
                        save_pc!();
                        let n = name.as_str().unwrap_or("").to_string();
                        return Err(self.name_error(&n));
                    };
                    save_pc!();
                    self.drop_generator(old, cur.base + a);
                }
                Op::LoadDeref => {
                    let cell = self.frames.last().expect("frame").cells[b_of(ins)];
                    let v = cell.get();
                    if v.is_null() {
                        save_pc!();
                        let name = cell_name(cur.code(), b_of(ins));
                        // A cell of this function's own local: CPython's
                        // `format_exc_unbound` reports an unbound local.
                        if b_of(ins) < cur.code().cellvars.len() {
                            return Err(self.err(
                                ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            ));
                        }
                        return Err(self.err(
                            ExcKind::NameError,
                            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                        ));
                    }
                    r!(a) = v;
                }
                Op::StoreDeref => {
                    let cell = self.frames.last().expect("frame").cells[b_of(ins)];
                    cell.set(r!(a));
                }
                Op::DeleteDeref => {
                    let cell = self.frames.last().expect("frame").cells[b_of(ins)];
                    cell.set(Value::Null);
                }
                Op::LoadClosure => {
                    let cell = self.frames.last().expect("frame").cells[b_of(ins)];
                    r!(a) = Value::Cell(cell);
                }
                Op::CheckBound | Op::DeleteFast => {
                    if r!(a).is_null() {
                        save_pc!();
                        let name = cur.code().names[bx_of(ins)].as_str().unwrap_or("").to_string();
                        return Err(self.err(
                            ExcKind::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    if op == Op::DeleteFast {
                        r!(a) = Value::Null;
                    }
                }
                Op::Add => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => match p.checked_add(q) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(Operator::Add, *x, *y)),
                            },
                            (&Value::Float(p), &Value::Float(q)) => Value::Float(p + q),
                            (&Value::Str(p), &Value::Str(q)) => self.str_concat(p, q),
                            _ => binop_slow!(Operator::Add, *x, *y, a),
                        }
                    );
                }
                Op::Sub => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => match p.checked_sub(q) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(Operator::Sub, *x, *y)),
                            },
                            (&Value::Float(p), &Value::Float(q)) => Value::Float(p - q),
                            _ => binop_slow!(Operator::Sub, *x, *y, a),
                        }
                    );
                }
                Op::Mul => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => match p.checked_mul(q) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(Operator::Mult, *x, *y)),
                            },
                            (&Value::Float(p), &Value::Float(q)) => Value::Float(p * q),
                            _ => binop_slow!(Operator::Mult, *x, *y, a),
                        }
                    );
                }
                Op::TrueDiv => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Float(p), &Value::Float(q)) if q != 0.0 => Value::Float(p / q),
                            _ => binop_slow!(Operator::Div, *x, *y, a),
                        }
                    );
                }
                Op::FloorDiv => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) if q > 0 =>
                                Value::Int(p.div_euclid(q)),
                            _ => binop_slow!(Operator::FloorDiv, *x, *y, a),
                        }
                    );
                }
                Op::Mod => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    put!(
                        a,
                        match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) if q > 0 =>
                                Value::Int(p.rem_euclid(q)),
                            _ => binop_slow!(Operator::Mod, *x, *y, a),
                        }
                    );
                }
                Op::Pow
                | Op::LShift
                | Op::RShift
                | Op::BitAnd
                | Op::BitOr
                | Op::BitXor
                | Op::MatMul => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    if let (Op::Pow, &Value::Float(p), &Value::Float(q)) = (op, x, y) {
                        if p > 0.0 && p.is_finite() && q.is_finite() {
                            let v = p.powf(q);
                            if v.is_finite() {
                                put!(a, Value::Float(v));
                                continue;
                            }
                        }
                    }
                    let o = match op {
                        Op::Pow => Operator::Pow,
                        Op::LShift => Operator::LShift,
                        Op::RShift => Operator::RShift,
                        Op::BitAnd => Operator::BitAnd,
                        Op::BitOr => Operator::BitOr,
                        Op::BitXor => Operator::BitXor,
                        _ => Operator::MatMult,
                    };
                    put!(a, tri!(self.binary_op(o, *x, *y)));
                }
                Op::AddI | Op::SubI => {
                    let x = rv!(b_of(ins));
                    let k = c_of(ins) as u8 as i8 as i64;
                    let (o, d) =
                        if op == Op::AddI { (Operator::Add, k) } else { (Operator::Sub, -k) };
                    put!(
                        a,
                        match *x {
                            Value::Int(p) => match p.checked_add(d) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(o, *x, Value::Int(k))),
                            },
                            Value::Float(f) => Value::Float(f + d as f64),
                            _ => tri!(self.binary_op(o, *x, Value::Int(k))),
                        }
                    );
                }
                Op::Inplace => {
                    let (x, y) = (rv!(a), rv!(b_of(ins)));
                    let o = inplace_operator(c_of(ins));
                    put!(
                        a,
                        match (o, x, y) {
                            (Operator::Add, &Value::Int(p), &Value::Int(q)) =>
                                match p.checked_add(q) {
                                    Some(s) => Value::Int(s),
                                    None => tri!(self.binary_op(o, *x, *y)),
                                },
                            (Operator::Sub, &Value::Int(p), &Value::Int(q)) =>
                                match p.checked_sub(q) {
                                    Some(s) => Value::Int(s),
                                    None => tri!(self.binary_op(o, *x, *y)),
                                },
                            (Operator::Add, &Value::Float(p), &Value::Float(q)) =>
                                Value::Float(p + q),
                            (Operator::Add, &Value::Str(p), &Value::Str(q)) =>
                                self.str_concat(p, q),
                            (Operator::Sub, &Value::Float(p), &Value::Float(q)) =>
                                Value::Float(p - q),
                            (Operator::Mult, &Value::Float(p), &Value::Float(q)) =>
                                Value::Float(p * q),
                            _ => tri!(self.inplace_op(o, *x, *y)),
                        }
                    );
                }
                Op::InplaceI => {
                    let x = rv!(a);
                    let k = b_of(ins) as u8 as i8 as i64;
                    let o = inplace_operator(c_of(ins));
                    put!(
                        a,
                        match (o, x) {
                            (Operator::Add, &Value::Int(p)) => match p.checked_add(k) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(o, *x, Value::Int(k))),
                            },
                            (Operator::Sub, &Value::Int(p)) => match p.checked_sub(k) {
                                Some(s) => Value::Int(s),
                                None => tri!(self.binary_op(o, *x, Value::Int(k))),
                            },
                            _ => tri!(self.inplace_op(o, *x, Value::Int(k))),
                        }
                    );
                }
                Op::Neg => {
                    let x = r!(b_of(ins));
                    put!(
                        a,
                        match x {
                            Value::Float(f) => Value::Float(-f),
                            _ => tri!(self.unary_op(0, x)),
                        }
                    );
                }
                Op::Pos => {
                    let x = r!(b_of(ins));
                    r!(a) = tri!(self.unary_op(1, x));
                }
                Op::Invert => {
                    let x = r!(b_of(ins));
                    r!(a) = tri!(self.unary_op(2, x));
                }
                Op::Not => {
                    let x = r!(b_of(ins));
                    r!(a) = Value::Bool(!tri!(self.truthy(x)));
                }
                Op::Eq | Op::Ne => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    if is_instance(*x) || is_instance(*y) {
                        // The methods' results, whatever they are.
                        let k = if op == Op::Eq { 4 } else { 5 };
                        let (x, y) = (*x, *y);
                        r!(a) = tri!(self.rich_compare(k, x, y));
                        continue;
                    }
                    let e = match (x, y) {
                        (&Value::Int(p), &Value::Int(q)) => p == q,
                        _ => tri!(self.eq(*x, *y)),
                    };
                    r!(a) = Value::Bool(e == (op == Op::Eq));
                }
                Op::Lt | Op::Le | Op::Gt | Op::Ge => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    let k = op as u8 - Op::Lt as u8;
                    if is_instance(*x) || is_instance(*y) {
                        let (x, y) = (*x, *y);
                        r!(a) = tri!(self.rich_compare(k, x, y));
                        continue;
                    }
                    let res = match (x, y) {
                        (&Value::Int(p), &Value::Int(q)) => match k {
                            0 => p < q,
                            1 => p <= q,
                            2 => p > q,
                            _ => p >= q,
                        },
                        _ => tri!(self.compare(k, *x, *y)),
                    };
                    r!(a) = Value::Bool(res);
                }
                Op::Is => r!(a) = Value::Bool(r!(b_of(ins)).is(r!(c_of(ins)))),
                Op::IsNot => r!(a) = Value::Bool(!r!(b_of(ins)).is(r!(c_of(ins)))),
                Op::In | Op::NotIn => {
                    let (x, y) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    let res = tri!(self.contains(*y, *x));
                    r!(a) = Value::Bool(res == (op == Op::In));
                }
                Op::Jmp => {
                    let off = sj_of(ins);
                    if off < 0 {
                        poll_sample!();
                    }
                    cur.pc = (cur.pc as i64 + off as i64) as usize;
                    if off < 0 && self.heap.should_collect() {
                        save_pc!();
                        self.collect_now();
                    }
                }
                Op::JmpIfFalse | Op::JmpIfTrue => {
                    let x = r!(a);
                    let t = match x {
                        Value::Bool(b) => b,
                        _ => tri!(self.truthy(x)),
                    };
                    if t == (op == Op::JmpIfTrue) {
                        cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize;
                    }
                }
                Op::IfNone => {
                    if matches!(rv!(a), Value::None) == (b_of(ins) == 1) {
                        cur.pc += 1;
                    } else {
                        let j = cur.code().instructions[cur.pc];
                        cur.pc = (cur.pc as i64 + 1 + sj_of(j) as i64) as usize;
                    }
                }
                Op::IfLtI | Op::IfLeI | Op::IfGtI | Op::IfGeI | Op::IfEqI | Op::IfNeI => {
                    let x = r!(a);
                    let k = b_of(ins) as u8 as i8 as i64;
                    let res = match x {
                        Value::Int(p) => match op {
                            Op::IfLtI => p < k,
                            Op::IfLeI => p <= k,
                            Op::IfGtI => p > k,
                            Op::IfGeI => p >= k,
                            Op::IfEqI => p == k,
                            _ => p != k,
                        },
                        _ => {
                            let y = Value::Int(k);
                            match op {
                                Op::IfEqI => tri!(self.eq(x, y)),
                                Op::IfNeI => !tri!(self.eq(x, y)),
                                _ => tri!(self.compare(op as u8 - Op::IfLtI as u8, x, y)),
                            }
                        }
                    };
                    if res {
                        cur.pc += 1;
                    } else {
                        let j = cur.code().instructions[cur.pc];
                        cur.pc = (cur.pc as i64 + 1 + sj_of(j) as i64) as usize;
                    }
                }
                Op::IfLt | Op::IfLe | Op::IfGt | Op::IfGe | Op::IfEq | Op::IfNe => {
                    let (x, y) = (r!(a), r!(b_of(ins)));
                    let res = match (x, y) {
                        (Value::Int(p), Value::Int(q)) => match op {
                            Op::IfLt => p < q,
                            Op::IfLe => p <= q,
                            Op::IfGt => p > q,
                            Op::IfGe => p >= q,
                            Op::IfEq => p == q,
                            _ => p != q,
                        },
                        (Value::Float(p), Value::Float(q)) => match op {
                            Op::IfLt => p < q,
                            Op::IfLe => p <= q,
                            Op::IfGt => p > q,
                            Op::IfGe => p >= q,
                            Op::IfEq => p == q,
                            _ => p != q,
                        },
                        _ => match op {
                            Op::IfEq => tri!(self.eq(x, y)),
                            Op::IfNe => !tri!(self.eq(x, y)),
                            _ => tri!(self.compare(op as u8 - Op::IfLt as u8, x, y)),
                        },
                    };
                    if res {
                        cur.pc += 1;
                    } else {
                        let j = cur.code().instructions[cur.pc];
                        cur.pc = (cur.pc as i64 + 1 + sj_of(j) as i64) as usize;
                    }
                }
                Op::Call | Op::CallKw | Op::CallMethod => {
                    poll_sample!();
                    // Fast path: a plain call of a Python function with the
                    // positional arguments it takes. The callee is read in
                    // place (tag, then pointer) rather than copied whole: a
                    // 16-byte load of a register just written by two 8-byte
                    // stores stalls on store forwarding.
                    if op == Op::Call {
                        if let Value::Function(f) = &r!(a) {
                            let f = *f;
                            let nargs = b_of(ins);
                            if nargs as u32 == f.fast_argc {
                                enter_function!(f, cur.base + a + 1, nargs, cur.base + a);
                            }
                        }
                    }
                    // A native method of a builtin value, as `LoadMethod`
                    // found it in the receiver's own type: no receiver check
                    // (the pair comes from the methods table).
                    if op == Op::CallMethod {
                        if let (Value::Builtin(m), recv) = (r!(a), r!(a + 1)) {
                            if m.owner.is_some()
                                && m.bound.is_null()
                                && !matches!(
                                    recv,
                                    Value::Null
                                        | Value::Instance(_)
                                        | Value::Exception(_)
                                        | Value::Generator(_)
                                        | Value::Type(_)
                                        | Value::Module(_)
                                )
                            {
                                let nargs = b_of(ins);
                                let first = cur.base + a + 2;
                                let mut small = [Value::Null; 8];
                                let spilled: Vec<Value>;
                                let args: &[Value] = if nargs <= small.len() {
                                    small[..nargs]
                                        .copy_from_slice(&self.stack[first..first + nargs]);
                                    &small[..nargs]
                                } else {
                                    spilled = self.stack[first..first + nargs].to_vec();
                                    &spilled
                                };
                                save_pc!();
                                let v = tri!((m.func)(self, recv, args, &[]));
                                r!(a) = v;
                                if self.heap.should_collect() {
                                    self.collect_now();
                                }
                                continue;
                            }
                        }
                    }
                    let (func, first, nargs, kwnames) = match op {
                        Op::CallMethod => {
                            let b = b_of(ins);
                            if r!(a + 1).is_null() {
                                (r!(a), a + 2, b, None)
                            } else {
                                (r!(a), a + 1, b + 1, None)
                            }
                        }
                        Op::CallKw => (r!(a), a + 1, b_of(ins), Some(cur.code().consts[c_of(ins)])),
                        _ => (r!(a), a + 1, b_of(ins), None),
                    };
                    // A class whose `__init__` is a Python function taking
                    // exactly these arguments: allocate, push `__init__`.
                    if let (Value::Type(t), None) = (func, kwnames) {
                        if let Some(init) = self.simple_init(t, nargs) {
                            save_pc!();
                            tri!(self.push_init_frame(
                                t,
                                init,
                                cur.base + a,
                                cur.base + first,
                                nargs
                            ));
                            cur = self.load_cur();
                            continue;
                        }
                    }
                    // Python function, positional arguments only: push a frame.
                    if let (Value::Function(f), None) = (func, kwnames) {
                        if nargs as u32 == f.fast_argc {
                            enter_function!(f, cur.base + first, nargs, cur.base + a);
                        }
                    }
                    save_pc!();
                    // The arguments, copied out of the registers (which keep
                    // them rooted): on the native stack when they are few.
                    let mut small = [Value::Null; 8];
                    let spilled: Vec<Value>;
                    let args: &[Value] = if nargs <= small.len() {
                        small[..nargs].copy_from_slice(
                            &self.stack[cur.base + first..cur.base + first + nargs],
                        );
                        &small[..nargs]
                    } else {
                        spilled = self.stack[cur.base + first..cur.base + first + nargs].to_vec();
                        &spilled
                    };
                    // `next(g)`, `g.send(v)`: resume the generator in this loop.
                    if let (Value::Builtin(b), None, Some(Value::Generator(_))) =
                        (func, kwnames, args.first())
                    {
                        match tri!(self.gen_call_resume(b, args, cur.base + a)) {
                            CallResume::Pushed => {
                                cur = self.load_cur();
                                continue;
                            }
                            CallResume::Done(v) => {
                                r!(a) = v;
                                continue;
                            }
                            CallResume::NotHandled => {}
                        }
                    }
                    let result = match kwnames {
                        Some(Value::Tuple(names)) => {
                            let nk = names.items.len();
                            let npos = nargs - nk;
                            let kw: Vec<(Value, Value)> = names
                                .items
                                .iter()
                                .copied()
                                .zip(args[npos..].iter().copied())
                                .collect();
                            self.call_value_at(func, &args[..npos], &kw, cur.base + a)
                        }
                        _ => self.call_value_at(func, args, &[], cur.base + a),
                    };
                    match tri!(result) {
                        CallOutcome::Done(v) => r!(a) = v,
                        CallOutcome::Pushed => {
                            cur = self.load_cur();
                            continue;
                        }
                    }
                    if self.heap.should_collect() {
                        self.collect_now();
                    }
                }
                Op::CallEx => {
                    poll_sample!();
                    let func = r!(a);
                    let args = match r!(a + 1) {
                        Value::Tuple(t) => t.items.to_vec(),
                        other => tri!(self.collect_iter(other)),
                    };
                    let kw: Vec<(Value, Value)> = if b_of(ins) == 1 {
                        match r!(a + 2) {
                            Value::Dict(d) => {
                                d.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect())
                            }
                            _ => Vec::new(),
                        }
                    } else {
                        Vec::new()
                    };
                    save_pc!();
                    match tri!(self.call_value_at(func, &args, &kw, cur.base + a)) {
                        CallOutcome::Done(v) => r!(a) = v,
                        CallOutcome::Pushed => {
                            cur = self.load_cur();
                            continue;
                        }
                    }
                }
                Op::LoadMethod => {
                    let obj = r!(b_of(ins));
                    let name = cur.code().names[c_of(ins) + ext];
                    let (m, s) = match obj {
                        Value::Instance(inst) => {
                            let cache = cur.code().attr_cache(cur.pc - 1);
                            tri!(self.cached_load_method(inst, name, cache))
                        }
                        Value::Type(t) if t.class.is_some() => {
                            let cache = cur.code().attr_cache(cur.pc - 1);
                            (tri!(self.cached_class_getattr(t, name, cache)), Value::Null)
                        }
                        Value::Module(_) | Value::Type(_) | Value::Exception(_) => {
                            tri!(self.load_method(obj, name))
                        }
                        _ => {
                            // A builtin value: its type's native method,
                            // cached by type (no name hashing on a hit).
                            let tid = super::ops::type_id(obj) as u32;
                            let slot = &cur.code().attr_cache(cur.pc - 1)[0];
                            let c = slot.get();
                            if c.kind == cache::BUILTIN_METHOD && c.index == tid {
                                (c.value, obj)
                            } else {
                                let (m, s) = tri!(self.load_method(obj, name));
                                if matches!(m, Value::Builtin(_)) && s.is(obj) {
                                    slot.set(AttrCache {
                                        version: 0,
                                        kind: cache::BUILTIN_METHOD,
                                        index: tid,
                                        value: m,
                                    });
                                }
                                (m, s)
                            }
                        }
                    };
                    r!(a) = m;
                    r!(a + 1) = s;
                }
                Op::Return | Op::ReturnNone => {
                    poll_sample!();
                    let v = if op == Op::Return { r!(a) } else { Value::None };
                    // Read the two fields needed and drop the frame in
                    // place: popping it moved all of it out first.
                    let (boundary, fret) = {
                        let f = self.frames.last().expect("frame");
                        (f.boundary, f.ret)
                    };
                    self.frames.truncate(self.frames.len() - 1);
                    if boundary || self.frames.len() <= entry {
                        return Ok(v);
                    }
                    if fret & (INIT_RET | BINOP_RET) == 0 {
                        // A plain call: the value goes to the caller's
                        // register, whose window is below the returning
                        // frame's (so the stack keeps at least its extent).
                        self.stack[fret] = v;
                        cur = self.load_cur();
                        let extent = cur.base + cur.code().nregs as usize;
                        self.set_stack_top(extent.max(fret + 1));
                        continue;
                    }
                    let ret = fret & !(INIT_RET | BINOP_RET);
                    let v = if fret & BINOP_RET != 0 && matches!(v, Value::NotImplemented) {
                        // The left operand's method gave up: the right
                        // operand's reflected method, or the TypeError.
                        let caller = self.frames.last().expect("frame");
                        let (cbase, cpc) = (caller.base, caller.pc);
                        let ins = caller.code.instructions[cpc - 1];
                        let (x, y) = (self.stack[cbase + b_of(ins)], self.stack[cbase + c_of(ins)]);
                        let o = binop_of(op_of(ins));
                        self.binary_after_lhs(o, x, y)?
                    } else {
                        v
                    };
                    if fret & INIT_RET == 0 {
                        self.stack[ret] = v;
                    } else if !{
                        self.leave_c();
                        v.is_none()
                    } {
                        // `__init__` returned something: the instance stays
                        // in `ret`, the error is raised at the call.
                        return Err(self.type_error(format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(v)
                        )));
                    }
                    cur = self.load_cur();
                    let extent = cur.base + cur.code().nregs as usize;
                    let new_len = extent.max(ret + 1);
                    self.set_stack_top(new_len);
                }
                Op::GetAttr => {
                    let obj = r!(b_of(ins));
                    let name = cur.code().names[c_of(ins) + ext];
                    r!(a) = match obj {
                        Value::Instance(inst) => {
                            let cache = cur.code().attr_cache(cur.pc - 1);
                            if let Some(v) = Vm::getattr_slot_hit(&inst, cache) {
                                r!(a) = v;
                                ext = 0;
                                continue;
                            }
                            match tri!(self.cached_getattr(inst, name, cache)) {
                                Ok(v) => v,
                                Err(fget) => {
                                    // A property: its getter runs in a frame.
                                    save_pc!();
                                    let base = self.stack.len();
                                    tri!(self.ensure_stack(base + 2));
                                    self.stack.push(obj);
                                    tri!(self.push_frame(fget, base, 1, cur.base + a));
                                    cur = self.load_cur();
                                    ext = 0;
                                    continue;
                                }
                            }
                        }
                        Value::Type(t) if t.class.is_some() => {
                            let cache = cur.code().attr_cache(cur.pc - 1);
                            tri!(self.cached_class_getattr(t, name, cache))
                        }
                        _ => tri!(self.get_attr(obj, name)),
                    };
                }
                Op::SetAttr => {
                    let name = cur.code().names[c_of(ins) + ext];
                    let (obj, v) = (r!(a), r!(b_of(ins)));
                    match obj {
                        Value::Instance(inst) => {
                            let cache = cur.code().attr_cache(cur.pc - 1);
                            tri!(self.cached_setattr(inst, name, v, cache));
                        }
                        _ => tri!(self.set_attr(obj, name, v)),
                    }
                }
                Op::DelAttr => {
                    let obj = r!(a);
                    let name = cur.code().names[b_of(ins)];
                    tri!(self.del_attr(obj, name));
                }
                Op::GetItem => {
                    let (x, k) = (rv!(b_of(ins)), rv!(c_of(ins)));
                    let v = match (x, k) {
                        (&Value::List(l), &Value::Int(i)) => {
                            let n = l.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            match (j >= 0 && j < n).then(|| l.get(j as usize)).flatten() {
                                Some(v) => v,
                                None => tri!(self.get_item(*x, *k)),
                            }
                        }
                        (&Value::Dict(d), &k) if !needs_vm_hash(k) => {
                            let found = match hash_key(k) {
                                Some(h) => d.table.with(|t| {
                                    t.index_of(h, k).map(|i| (i, t.value_at(i), t.version))
                                }),
                                None => None,
                            };
                            match found {
                                Some((index, v, version)) => {
                                    self.dict_hit =
                                        DictHit { dict: d.addr(), version, key: k, index };
                                    v
                                }
                                // KeyError, unhashable key.
                                None => tri!(self.get_item(Value::Dict(d), k)),
                            }
                        }
                        _ => tri!(self.get_item(*x, *k)),
                    };
                    r!(a) = v;
                }
                Op::GetItemI => {
                    let x = rv!(b_of(ins));
                    let i = c_of(ins) as u8 as i8 as i64;
                    let fast = match *x {
                        Value::List(l) => {
                            let j = if i < 0 { i + l.len() as i64 } else { i };
                            if j >= 0 {
                                l.get(j as usize)
                            } else {
                                None
                            }
                        }
                        Value::Tuple(t) => {
                            let j = if i < 0 { i + t.items.len() as i64 } else { i };
                            if j >= 0 {
                                t.items.get(j as usize).copied()
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    let v = match fast {
                        Some(v) => v,
                        None => tri!(self.get_item(*x, Value::Int(i))),
                    };
                    r!(a) = v;
                }
                Op::SetItemI => {
                    let i = b_of(ins) as u8 as i8 as i64;
                    if let &Value::List(l) = rv!(a) {
                        let j = if i < 0 { i + l.len() as i64 } else { i };
                        if j >= 0 && j < l.len() as i64 {
                            l.set(j as usize, r!(c_of(ins)));
                            continue;
                        }
                    }
                    let (x, v) = (r!(a), r!(c_of(ins)));
                    tri!(self.set_item(x, Value::Int(i), v));
                }
                Op::SetItem => {
                    let (x, k) = (rv!(a), rv!(b_of(ins)));
                    if let (&Value::List(l), &Value::Int(i)) = (x, k) {
                        let n = l.len() as i64;
                        let j = if i < 0 { i + n } else { i };
                        if j >= 0 && j < n {
                            l.set(j as usize, r!(c_of(ins)));
                            continue;
                        }
                    }
                    // `d[k] = v` right after a `d[k]` that found `k`.
                    if let &Value::Dict(d) = x {
                        let hit = self.dict_hit;
                        if d.addr() == hit.dict && k.is(hit.key) {
                            let v = r!(c_of(ins));
                            if d.table
                                .with_mut(|t| t.set_value_if_version(hit.index, hit.version, v))
                            {
                                continue;
                            }
                        }
                    }
                    let (x, k, v) = (r!(a), r!(b_of(ins)), r!(c_of(ins)));
                    tri!(self.set_item(x, k, v));
                }
                Op::DelItem => {
                    let (x, k) = (r!(a), r!(b_of(ins)));
                    tri!(self.del_item(x, k));
                }
                Op::BuildSlice => {
                    let b = b_of(ins);
                    let step = if c_of(ins) == 3 { r!(b + 2) } else { Value::None };
                    let s = self.heap.alloc(SliceObj { start: r!(b), stop: r!(b + 1), step });
                    r!(a) = Value::Slice(s);
                }
                Op::BuildList => {
                    let (b, n) = (b_of(ins), c_of(ins));
                    let items = self.stack[cur.base + b..cur.base + b + n].to_vec();
                    r!(a) = Value::List(self.heap.alloc(ListObj::new(items)));
                }
                Op::BuildTuple => {
                    let (b, n) = (b_of(ins), c_of(ins));
                    let items = &self.stack[cur.base + b..cur.base + b + n];
                    // One 16-byte store: a tuple built to be returned is
                    // read back whole by `Return` at once.
                    let t = self.heap.alloc(TupleObj::from_slice(items));
                    put!(a, Value::Tuple(t));
                }
                Op::BuildSet => {
                    let (b, n) = (b_of(ins), c_of(ins));
                    if (0..n).any(|i| needs_vm_hash(r!(b + i))) {
                        let s = self.heap.alloc(SetObj::new(SetTable::new(), false));
                        r!(a) = Value::Set(s);
                        for i in 0..n {
                            let k = r!(b + i);
                            tri!(self.set_add_slow(s, k));
                        }
                        continue;
                    }
                    let mut t = SetTable::new();
                    for i in 0..n {
                        let k = r!(b + i);
                        if t.add(k).is_err() {
                            save_pc!();
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", self.type_name(k))));
                        }
                    }
                    r!(a) = Value::Set(self.heap.alloc(SetObj::new(t, false)));
                }
                Op::BuildDict => {
                    let (b, n) = (b_of(ins), c_of(ins));
                    if (0..n).any(|i| needs_vm_hash(r!(b + 2 * i))) {
                        let d = self.heap.alloc(DictObj::new());
                        r!(a) = Value::Dict(d);
                        for i in 0..n {
                            let (k, v) = (r!(b + 2 * i), r!(b + 2 * i + 1));
                            tri!(self.dict_set(d, k, v));
                        }
                        continue;
                    }
                    let mut t = DictTable::with_capacity(n);
                    for i in 0..n {
                        let (k, v) = (r!(b + 2 * i), r!(b + 2 * i + 1));
                        if t.insert(k, v).is_err() {
                            save_pc!();
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", self.type_name(k))));
                        }
                    }
                    r!(a) = Value::Dict(self.heap.alloc(DictObj::from_table(t)));
                }
                Op::BuildString => {
                    let (b, n) = (b_of(ins), c_of(ins));
                    let mut len = 0;
                    let mut nchars = 0;
                    for i in 0..n {
                        if let Value::Str(p) = r!(b + i) {
                            len += p.byte_len();
                            nchars += p.char_len();
                        }
                    }
                    let parts = &self.stack[cur.base + b..cur.base + b + n];
                    r!(a) = Value::Str(self.heap.str_with(len, Some(nchars), |w| {
                        for p in parts {
                            if let Value::Str(p) = p {
                                w.push_str(p.as_str());
                            }
                        }
                    }));
                }
                Op::ListAppend => {
                    if let Value::List(l) = r!(a) {
                        l.push(r!(b_of(ins)));
                    }
                }
                Op::SetAdd => {
                    let (s, k) = (r!(a), r!(b_of(ins)));
                    if let Value::Set(s) = s {
                        if needs_vm_hash(k) {
                            tri!(self.set_add_slow(s, k));
                        } else if s.table.with_mut(|t| t.add(k)).is_err() {
                            save_pc!();
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", self.type_name(k))));
                        }
                    }
                }
                Op::DictSet => {
                    let (d, k, v) = (r!(a), r!(b_of(ins)), r!(c_of(ins)));
                    if let Value::Dict(d) = d {
                        tri!(self.dict_set(d, k, v));
                    }
                }
                Op::ListExtend => {
                    let (l, src) = (r!(a), r!(b_of(ins)));
                    save_pc!();
                    let items = tri!(self.collect_iter(src));
                    if let Value::List(l) = l {
                        l.items.with_mut(|v| v.extend(items));
                    }
                }
                Op::SetUpdate => {
                    let (s, src) = (r!(a), r!(b_of(ins)));
                    save_pc!();
                    match (s, src) {
                        (Value::Set(s), Value::Set(c)) if c_of(ins) == 1 => {
                            // A constant set display (see the compiler).
                            let mut fs = SetTable::new();
                            for (h, k) in c.table.with(|t| t.hashed()) {
                                fs.add_hashed(h, k);
                            }
                            s.table.with_mut(|t| t.merge(&fs));
                        }
                        (Value::Set(s), _) => tri!(self.set_update_obj(s, src)),
                        _ => {}
                    }
                }
                Op::DictUpdate | Op::DictMerge => {
                    let d = r!(a);
                    let Value::Dict(d) = d else { continue };
                    if op == Op::DictMerge && c_of(ins) == 1 {
                        let (k, v) = (r!(b_of(ins)), r!(b_of(ins) + 1));
                        tri!(self.merge_kwarg(d, k, v));
                    } else {
                        let src = r!(b_of(ins));
                        save_pc!();
                        if op == Op::DictMerge {
                            let src = self.unwrap_payload(src);
                            if let Some(items) = tri!(self.mapping_items(src)) {
                                // Keys are strings (checked before hashing):
                                // no Python code runs while merging.
                                for (k, v) in items {
                                    tri!(self.merge_kwarg(d, k, v));
                                }
                                continue;
                            }
                            let Value::Dict(s) = src else {
                                return Err(self.type_error(format!(
                                    "argument after ** must be a mapping, not {}",
                                    self.type_name(src)
                                )));
                            };
                            let entries: Vec<(Value, Value)> =
                                s.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
                            for (k, v) in entries {
                                tri!(self.merge_kwarg(d, k, v));
                            }
                        } else {
                            tri!(self.dict_update(d, src));
                        }
                    }
                }
                Op::ListToTuple => {
                    let items = match r!(b_of(ins)) {
                        Value::List(l) => l.snapshot(),
                        _ => Vec::new(),
                    };
                    r!(a) = self.new_tuple(items);
                }
                Op::FormatValue => {
                    let b = b_of(ins);
                    let c = c_of(ins);
                    let v = r!(b);
                    let spec = if c & 4 != 0 { r!(b + 1) } else { Value::Null };
                    save_pc!();
                    r!(a) = tri!(self.format_value(v, c & 3, spec));
                }
                Op::GetIter => {
                    let x = r!(b_of(ins));
                    r!(a) = tri!(self.iter(x));
                }
                Op::ForIter => {
                    for_iter!(a, ins);
                }
                Op::ForRangePrep => {
                    // `for x in range(...)`: R[A] is what `range` named,
                    // R[A+1..A+1+B] its arguments. The builtin `range` of
                    // ints runs as counter R[A], stop R[A+1], step R[A+2];
                    // anything else is called and iterated (R[A] = None,
                    // the iterator in R[A+2]).
                    let n = b_of(ins);
                    let f = r!(a);
                    let is_range =
                        matches!(f, Value::Type(t) if t.id == TypeId::Range && t.class.is_none());
                    let bounds = match (is_range, n, r!(a + 1), r!(a + 2), r!(a + 3)) {
                        (false, ..) => None,
                        (_, 1, Value::Int(stop), _, _) => Some((0, stop, 1)),
                        (_, 2, Value::Int(start), Value::Int(stop), _) => Some((start, stop, 1)),
                        (_, 3, Value::Int(start), Value::Int(stop), Value::Int(step))
                            if step != 0 =>
                        {
                            Some((start, stop, step))
                        }
                        _ => None,
                    };
                    if let Some((start, stop, step)) = bounds {
                        r!(a) = Value::Int(start);
                        r!(a + 1) = Value::Int(stop);
                        r!(a + 2) = Value::Int(step);
                    } else {
                        save_pc!();
                        let mut args = [Value::None; 3];
                        for (i, v) in args.iter_mut().enumerate().take(n) {
                            *v = r!(a + 1 + i);
                        }
                        let made = tri!(self.call_value(f, &args[..n], &[]));
                        let it = tri!(self.iter(made));
                        r!(a) = Value::None;
                        r!(a + 1) = Value::None;
                        r!(a + 2) = it;
                    }
                }
                Op::ForRangeLoop => {
                    if let (&Value::Int(c), &Value::Int(stop), &Value::Int(step)) =
                        (rv!(a), rv!(a + 1), rv!(a + 2))
                    {
                        if (step > 0 && c < stop) || (step < 0 && c > stop) {
                            // Past `stop` on overflow: the next test ends the loop.
                            let next = c.checked_add(step).unwrap_or(stop);
                            put!(a, Value::Int(next));
                            put!(a + 3, Value::Int(c));
                        } else {
                            cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize;
                        }
                        continue;
                    }
                    // Not the builtin range: the iterator is in R[A+2].
                    for_iter!(a + 2, ins);
                }
                Op::Unpack => {
                    let (src, n) = (r!(b_of(ins)), c_of(ins));
                    // Fast path: a tuple of the right length, no allocation.
                    if let Value::Tuple(t) = src {
                        if t.items.len() == n {
                            for i in 0..n {
                                r!(a + i) = t.items[i];
                            }
                            continue;
                        }
                    }
                    if let Value::List(l) = src {
                        if l.len() == n {
                            for i in 0..n {
                                r!(a + i) = l.get(i).unwrap_or(Value::None);
                            }
                            continue;
                        }
                    }
                    save_pc!();
                    let items = tri!(self.unpack(src, n, None));
                    for (i, v) in items.into_iter().enumerate() {
                        r!(a + i) = v;
                    }
                }
                Op::UnpackEx => {
                    let src = r!(b_of(ins));
                    let c = c_of(ins) + ext;
                    let (before, after) = (c & 255, c >> 8);
                    save_pc!();
                    let items = tri!(self.unpack(src, before + after, Some(before)));
                    for (i, v) in items.into_iter().enumerate() {
                        r!(a + i) = v;
                    }
                }
                Op::MakeFunction => {
                    let flags = c_of(ins);
                    let code = cur.code().children[b_of(ins)].clone();
                    let globals = cur.globals;
                    let defaults: Box<[Value]> = if flags & 1 != 0 {
                        match r!(a + 1) {
                            Value::Tuple(t) => t.items[..].into(),
                            _ => Box::new([]),
                        }
                    } else {
                        Box::new([])
                    };
                    let kwdefaults: Box<[(Gc<StrObj>, Value)]> = if flags & 2 != 0 {
                        match r!(a + 2) {
                            Value::Dict(d) => d.table.with(|t| {
                                t.iter()
                                    .filter_map(|e| match e.key {
                                        Value::Str(s) => Some((s, e.value)),
                                        _ => None,
                                    })
                                    .collect()
                            }),
                            _ => Box::new([]),
                        }
                    } else {
                        Box::new([])
                    };
                    let closure: Box<[Gc<crate::runtime::function::CellObj>]> = if flags & 4 != 0 {
                        match r!(a + 3) {
                            Value::Tuple(t) => t
                                .items
                                .iter()
                                .filter_map(|v| match v {
                                    Value::Cell(c) => Some(*c),
                                    _ => None,
                                })
                                .collect(),
                            _ => Box::new([]),
                        }
                    } else {
                        Box::new([])
                    };
                    let name = self.heap.alloc_str(&code.name);
                    let qualname = self.heap.alloc_str(&code.qualname);
                    let fast_argc = FuncObj::fast_argc_of(&code);
                    let f = self.heap.alloc(FuncObj {
                        fast_argc,
                        code,
                        globals,
                        defaults,
                        kwdefaults,
                        closure,
                        name,
                        qualname,
                        attrs: Default::default(),
                    });
                    r!(a) = Value::Function(f);
                }
                Op::Raise => {
                    let exc = r!(a);
                    let cause = if b_of(ins) == 1 { Some(r!(a + 1)) } else { None };
                    save_pc!();
                    return Err(self.raise_value(exc, cause));
                }
                Op::RaiseAssert => {
                    save_pc!();
                    let args = if b_of(ins) == 1 { vec![r!(a)] } else { Vec::new() };
                    return Err(self.err_args(ExcKind::AssertionError, args));
                }
                Op::Import => {
                    let name = cur.code().names[bx_of(ins)];
                    save_pc!();
                    r!(a) = tri!(self.import(name));
                }
                Op::ImportFrom => {
                    let m = r!(b_of(ins));
                    let name = cur.code().names[c_of(ins) + ext];
                    save_pc!();
                    r!(a) = tri!(self.import_from(m, name));
                }
                Op::PushExc => {
                    r!(a + 1) = self.own_handled();
                    self.handled = r!(a);
                }
                Op::PopExc => {
                    let v = r!(a);
                    self.restore_handled(v);
                }
                Op::Reraise => {
                    save_pc!();
                    let v = r!(a);
                    return Err(self.reraise(v));
                }
                Op::RaiseActive => {
                    save_pc!();
                    return Err(self.raise_active());
                }
                Op::IfExcMatch => {
                    let (e, t) = (r!(a), r!(b_of(ins)));
                    if tri!(self.exc_matches(e, t)) {
                        cur.pc += 1;
                    } else {
                        let j = cur.code().instructions[cur.pc];
                        cur.pc = (cur.pc as i64 + 1 + sj_of(j) as i64) as usize;
                    }
                }
                Op::ReturnGenerator => {
                    let Some((g, ret, boundary)) = self.frame_to_generator(cur.pc) else {
                        return Err(self.err(ExcKind::SystemError, "no frame"));
                    };
                    if boundary {
                        return Ok(g);
                    }
                    self.stack[ret] = g;
                    cur = self.load_cur();
                    let extent = cur.base + cur.code().nregs as usize;
                    let top = extent.max(ret + 1);
                    self.set_stack_top(top);
                }
                Op::Yield => {
                    let v = r!(a);
                    let Some((ret, boundary)) = self.suspend_gen_frame(cur.pc, a) else {
                        save_pc!();
                        return Err(self.err(ExcKind::SystemError, "yield outside a generator"));
                    };
                    if boundary {
                        return Ok(v);
                    }
                    self.stack[ret] = v;
                    cur = self.load_cur();
                }
                Op::Send => {
                    let (d, v) = (r!(a), r!(a + 1));
                    save_pc!();
                    let yielded = match d {
                        Value::Generator(g) => {
                            let ret = cur.base + a + 1;
                            if tri!(self.gen_resume_in_loop(g, v, ret, OnReturn::Send)) {
                                cur = self.load_cur();
                                continue;
                            }
                            None
                        }
                        _ => tri!(self.send_to_iter(d, v)),
                    };
                    match yielded {
                        Some(y) => r!(a + 1) = y,
                        None => {
                            r!(a + 1) = Value::None;
                            cur.pc = (cur.pc as i64 + sbx_of(ins) as i64) as usize;
                        }
                    }
                }
                Op::GenReturn => {
                    let v = if b_of(ins) == 1 { Value::None } else { r!(a) };
                    let Some((ret, boundary, on_return)) = self.finish_gen_frame() else {
                        save_pc!();
                        return Err(self.err(ExcKind::SystemError, "return outside a generator"));
                    };
                    if boundary {
                        return Ok(v);
                    }
                    cur = self.load_cur();
                    match on_return {
                        OnReturn::ForIter | OnReturn::Send => {
                            if matches!(on_return, OnReturn::Send) {
                                self.stack[ret] = v;
                            }
                            // Take the exit jump of the resuming ForIter/Send.
                            let j = cur.code().instructions[cur.pc - 1];
                            cur.pc = (cur.pc as i64 + sbx_of(j) as i64) as usize;
                        }
                        OnReturn::NextDefault(d) => self.stack[ret] = d,
                        OnReturn::Next | OnReturn::Native => {
                            return Err(self.stop_iteration(v));
                        }
                    }
                }
                Op::ImportStar => {
                    let m = r!(a);
                    if let Value::Module(m) = m {
                        let globals = cur.globals;
                        let entries: Vec<(Value, Value)> =
                            m.dict.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
                        for (k, v) in entries {
                            if !k.as_str().is_some_and(|s| s.starts_with('_')) {
                                let _ = globals.set(k, v);
                            }
                        }
                    }
                }
                Op::LoadBuildClass => {
                    let key = Value::Str(self.intern("__build_class__"));
                    match self.builtins.get(key).ok().flatten() {
                        Some(f) => r!(a) = f,
                        None => {
                            save_pc!();
                            return Err(self.err(ExcKind::NameError, "__build_class__ not found"));
                        }
                    }
                }
                Op::LoadName => {
                    let name = cur.code().names[bx_of(ins)];
                    let ns = r!(0);
                    save_pc!();
                    r!(a) = tri!(self.load_name(ns, name));
                }
                Op::StoreName => {
                    let name = cur.code().names[bx_of(ins)];
                    let (ns, v) = (r!(0), r!(a));
                    if let Value::Dict(d) = ns {
                        tri!(self.dict_set(d, name, v));
                    }
                }
                Op::DeleteName => {
                    let name = cur.code().names[bx_of(ins)];
                    let ns = r!(0);
                    let removed = match ns {
                        Value::Dict(d) => d.table.with_mut(|t| t.remove(name)).ok().flatten(),
                        _ => None,
                    };
                    let Some(old) = removed else {
                        save_pc!();
                        let n = name.as_str().unwrap_or("").to_string();
                        return Err(self.name_error(&n));
                    };
                    save_pc!();
                    self.drop_generator(old, cur.base + a);
                }
                Op::LoadClassDeref => {
                    let name = cur.code().names[c_of(ins) + ext];
                    let found = match r!(0) {
                        Value::Dict(d) => d.get(name).ok().flatten(),
                        _ => None,
                    };
                    r!(a) = match found {
                        Some(v) => v,
                        None => {
                            let cell = self.frames.last().expect("frame").cells[b_of(ins)];
                            let v = cell.get();
                            if v.is_null() {
                                save_pc!();
                                let n = name.as_str().unwrap_or("").to_string();
                                return Err(self.err(
                                    ExcKind::NameError,
                                    format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
                                ));
                            }
                            v
                        }
                    };
                }
                Op::IfSingleton => {
                    let want = match b_of(ins) {
                        0 => Value::None,
                        b => Value::Bool(b == 2),
                    };
                    let hit = r!(a).is(want);
                    skip_if!(hit);
                }
                Op::MatchSeq => {
                    let x = r!(a);
                    let hit = self.is_match_sequence(x) && {
                        let n = match x {
                            Value::List(l) => l.len(),
                            Value::Tuple(t) => t.len(),
                            _ if b_of(ins) == 2 => 0,
                            _ => tri!(self.len(x)),
                        };
                        match b_of(ins) {
                            0 => n == c_of(ins) + ext,
                            1 => n >= c_of(ins) + ext,
                            _ => true,
                        }
                    };
                    skip_if!(hit);
                }
                Op::MatchMap => {
                    let x = r!(a);
                    let need = c_of(ins) + ext;
                    let hit = self.is_match_mapping(x) && (need == 0 || tri!(self.len(x)) >= need);
                    skip_if!(hit);
                }
                Op::GetLen => {
                    let x = r!(b_of(ins));
                    let n = tri!(self.len(x));
                    r!(a) = Value::Int(n as i64);
                }
                Op::MatchKeys => {
                    let (map, n) = (r!(b_of(ins)), c_of(ins));
                    let keys = self.stack[cur.base + a..cur.base + a + n].to_vec();
                    save_pc!();
                    let found = tri!(self.match_keys(map, &keys));
                    let hit = found.is_some();
                    let values = found.unwrap_or_else(|| vec![Value::None; n]);
                    for (i, v) in values.into_iter().enumerate() {
                        r!(a + n + i) = v;
                    }
                    skip_if!(hit);
                }
                Op::MatchClass => {
                    let (subject, n) = (r!(b_of(ins)), c_of(ins));
                    let (cls, kwnames) = (r!(a), r!(a + 1));
                    save_pc!();
                    let found = tri!(self.match_class(subject, cls, kwnames, n));
                    let hit = found.is_some();
                    let attrs = found.unwrap_or_else(|| vec![Value::None; n]);
                    for (i, v) in attrs.into_iter().enumerate() {
                        r!(a + i) = v;
                    }
                    skip_if!(hit);
                }
                Op::CopyDictWithoutKeys => {
                    let (map, n) = (r!(b_of(ins)), c_of(ins));
                    let keys = self.stack[cur.base + a + 1..cur.base + a + 1 + n].to_vec();
                    save_pc!();
                    r!(a) = tri!(self.copy_dict_without_keys(map, &keys));
                }
                Op::BeforeWith => {
                    let mgr = r!(b_of(ins));
                    save_pc!();
                    let [exit, exit_self, enter, enter_self] = tri!(self.before_with(mgr));
                    r!(a) = exit;
                    r!(a + 1) = exit_self;
                    r!(a + 2) = enter;
                    r!(a + 3) = enter_self;
                }
                Op::Release => {
                    let empty = if c_of(ins) == 1 { Value::Null } else { Value::None };
                    let old = std::mem::replace(&mut r!(a), empty);
                    save_pc!();
                    self.drop_generator(old, cur.base + b_of(ins));
                }
                Op::WithExceptStart => {
                    let e = r!(b_of(ins));
                    save_pc!();
                    let [t, v, tb] = tri!(self.exit_args(e));
                    r!(a) = t;
                    r!(a + 1) = v;
                    r!(a + 2) = tb;
                }
            }
            ext = 0;
        }
    }

    /// Make `len` the register stack's length. Slots exposed above the
    /// high-water mark are set to `Null`; those below it already hold `Null`
    /// or a live value (see [`Vm::stack_hwm`]), which is all the collector
    /// needs: the compiler writes every temporary before reading it, and
    /// `push_frame` nulls the locals that are not arguments.
    #[inline(always)]
    fn set_stack_top(&mut self, len: usize) {
        assert!(len <= self.stack.capacity());
        let old = self.stack.len();
        if len > old {
            let hwm = self.stack_hwm.max(old);
            if len > hwm {
                self.fill_null(hwm, len);
                self.stack_hwm = len;
            }
        }
        // SAFETY: `len` is within the capacity (asserted); every slot below
        // it is initialized: below the old length or the high-water mark
        // (see `stack_hwm`), or written by `fill_null` just above. `Value`
        // is `Copy`, so shortening drops nothing.
        unsafe { self.stack.set_len(len) }
    }

    /// Write `Null` into the stack slots `from..to` (within the capacity,
    /// possibly above the length).
    #[inline(always)]
    fn fill_null(&mut self, from: usize, to: usize) {
        assert!(to <= self.stack.capacity());
        // SAFETY: `to` is within the capacity (asserted); `Value` is `Copy`,
        // so overwriting drops nothing.
        unsafe {
            let p = self.stack.as_mut_ptr();
            for i in from..to {
                p.add(i).write(Value::Null);
            }
        }
    }

    /// Push a frame for a positional-only call of `f` whose arguments are
    /// already in place at `new_base` (out of line, for the rarer callers).
    #[inline(never)]
    pub(super) fn push_frame(
        &mut self,
        f: Gc<FuncObj>,
        new_base: usize,
        nargs: usize,
        ret: usize,
    ) -> PyResult<()> {
        self.push_frame_inline(f, new_base, nargs, ret)
    }

    /// [`Vm::push_frame`], inlined into the loop's call fast path: the
    /// common case (no cells, no collection due) is straight-line code, the
    /// rest is out of line.
    #[inline(always)]
    fn push_frame_inline(
        &mut self,
        f: Gc<FuncObj>,
        new_base: usize,
        nargs: usize,
        ret: usize,
    ) -> PyResult<()> {
        if self.depth_exceeded() {
            return Err(self.recursion_error());
        }
        let code: &CodeObject = &f.code;
        code.entered();
        let nregs = code.nregs as usize;
        if new_base + nregs + 1 > self.stack.capacity() {
            return Err(self.recursion_error());
        }
        // The arguments are in the caller's registers (below the length);
        // the other locals start unbound, the temporaries may keep stale
        // values (see `set_stack_top`).
        debug_assert!(new_base + nargs <= self.stack.len());
        let nlocals = code.varnames.len();
        if nlocals > nargs {
            self.fill_null(new_base + nargs, new_base + nlocals);
        }
        self.set_stack_top(new_base + nregs.max(nargs));
        let needs_cells = !(code.cellvars.is_empty() && f.closure.is_empty());
        // Write the frame in place, with constant empty cells: building it
        // in a temporary (or from a `Vec` returned in memory) and moving it
        // into the vector made the copy stall on store forwarding (a third
        // of the time of a call in fib, measured with perf).
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(1);
        }
        let len = self.frames.len();
        // SAFETY: capacity > len was just ensured; the slot at `len` is
        // uninitialized spare capacity, written once and then counted by
        // `set_len`.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(Frame {
                code: f.code.clone(),
                globals: f.globals,
                cells: Vec::new(),
                base: new_base,
                pc: 0,
                ret,
                boundary: false,
                gen: None,
            });
            self.frames.set_len(len + 1);
        }
        if needs_cells {
            self.fill_frame_cells(f, new_base);
        }
        if self.heap.should_collect() {
            self.collect_now();
        }
        Ok(())
    }

    /// The cells of the frame just pushed for `f` (see [`Vm::make_cells`]).
    #[cold]
    #[inline(never)]
    fn fill_frame_cells(&mut self, f: Gc<FuncObj>, base: usize) {
        let code = f.code.clone();
        let cells = self.make_cells(f, &code, base);
        self.frames.last_mut().expect("frame").cells = cells;
    }

    /// The RecursionError of a call past the recursion limit (or past the
    /// register stack).
    #[cold]
    #[inline(never)]
    fn recursion_error(&mut self) -> PyErr {
        self.err(ExcKind::RecursionError, "maximum recursion depth exceeded")
    }

    /// Call from the loop: Python functions get a frame pushed (the loop
    /// continues in it), everything else runs now.
    fn call_value_at(
        &mut self,
        func: Value,
        args: &[Value],
        kwargs: &[(Value, Value)],
        ret: usize,
    ) -> PyResult<CallOutcome> {
        match func {
            Value::Function(f) => {
                if self.depth_exceeded() {
                    return Err(
                        self.err(ExcKind::RecursionError, "maximum recursion depth exceeded")
                    );
                }
                let code = f.code.clone();
                code.entered();
                let base = self.stack.len();
                self.ensure_stack(base + code.nregs as usize + 1)?;
                self.stack.resize(base + code.nregs as usize, Value::Null);
                if let Err(e) = self.bind_args(f, &code, base, args, kwargs) {
                    self.stack.truncate(base);
                    return Err(e);
                }
                let cells = self.make_cells(f, &code, base);
                self.frames.push(Frame {
                    code,
                    globals: f.globals,
                    cells,
                    base,
                    pc: 0,
                    ret,
                    boundary: false,
                    gen: None,
                });
                Ok(CallOutcome::Pushed)
            }
            Value::BoundMethod(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.receiver);
                full.extend_from_slice(args);
                self.call_value_at(m.func, &full, kwargs, ret)
            }
            Value::Builtin(b) if b.owner.is_none() && !b.counts_level && !self.warm() => {
                // CPython's unspecialized call of a builtin counts as a level.
                self.enter_c(" while calling a Python object")?;
                let r = self.call_value(func, args, kwargs);
                self.leave_c();
                Ok(CallOutcome::Done(r?))
            }
            Value::Type(t) if t.class.is_none() && !self.warm() => {
                self.enter_c(" while calling a Python object")?;
                let r = self.call_value(func, args, kwargs);
                self.leave_c();
                Ok(CallOutcome::Done(r?))
            }
            _ => Ok(CallOutcome::Done(self.call_value(func, args, kwargs)?)),
        }
    }

    fn merge_kwarg(&mut self, d: Gc<DictObj>, k: Value, v: Value) -> PyResult<()> {
        if !matches!(k, Value::Str(_)) {
            return Err(self.type_error("keywords must be strings"));
        }
        if d.get(k).ok().flatten().is_some() {
            let name = k.as_str().unwrap_or("").to_string();
            return Err(
                self.type_error(format!("got multiple values for keyword argument '{name}'"))
            );
        }
        self.dict_set(d, k, v)
    }

    /// Bookkeeping for a frame an exception unwinds (popped without
    /// returning): an `__init__` frame pushed by a class call held a
    /// recursion level.
    #[inline]
    pub fn frame_unwound(&mut self, f: &Frame) {
        if f.ret & INIT_RET != 0 {
            self.leave_c();
        }
    }

    /// Has the running frame's code run often enough that CPython 3.11
    /// would have specialized its calls (its first 8 runs are not)?
    #[inline]
    fn warm(&self) -> bool {
        self.frames.last().is_some_and(|f| f.code.entries.get() > 7)
    }

    pub fn name_error(&mut self, name: &str) -> PyErr {
        let err = self.err(ExcKind::NameError, format!("name '{name}' is not defined"));
        // `e.name`, as CPython sets it for a failed name lookup.
        let n = self.new_str(name);
        let _ = crate::builtins::exceptions::set_attr(self, err.0, "name", n);
        err
    }

    fn unpack(&mut self, src: Value, n: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        if is_instance(src) && !self.instance_iterable(src) {
            return Err(self
                .type_error(format!("cannot unpack non-iterable {} object", self.type_name(src))));
        }
        let items = match src {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                if !matches!(
                    src,
                    Value::Str(_)
                        | Value::Instance(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::DictView(_)
                        | Value::Range(_)
                        | Value::Iter(_)
                        | Value::Generator(_)
                        | Value::Bytes(_)
                ) {
                    return Err(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(src)
                    )));
                }
                match star {
                    // At most one item more than the targets, as CPython:
                    // `a, b = endless()` fails instead of running forever.
                    None => self.collect_at_most(src, n + 1)?,
                    Some(_) => self.collect_iter(src)?,
                }
            }
        };
        match star {
            None => {
                if items.len() != n {
                    return Err(if items.len() > n {
                        self.value_error(format!("too many values to unpack (expected {n})"))
                    } else {
                        self.value_error(format!(
                            "not enough values to unpack (expected {n}, got {})",
                            items.len()
                        ))
                    });
                }
                Ok(items)
            }
            Some(before) => {
                let after = n - before;
                if items.len() < n {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {n}, got {})",
                        items.len()
                    )));
                }
                let mut out = items[..before].to_vec();
                let mid = items[before..items.len() - after].to_vec();
                out.push(self.new_list(mid));
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }
}

enum CallOutcome {
    Done(Value),
    Pushed,
}

#[inline]
fn global_index(t: &DictTable, name: Value) -> Option<usize> {
    match name {
        Value::Str(s) => t.index_of(s.hash(), name),
        _ => None,
    }
}

fn cell_name(code: &CodeObject, i: usize) -> String {
    code.cellvars
        .iter()
        .chain(code.freevars.iter())
        .nth(i)
        .map(|s| s.to_string())
        .unwrap_or_default()
}
