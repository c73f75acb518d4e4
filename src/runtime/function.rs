//! Callables: Python functions (code + globals + defaults + closure cells),
//! native builtins (optionally bound to a `self`), bound methods, and cells.

use std::rc::Rc;

use super::dict::DictObj;
use super::heap::{Gc, Mut, Trace, Tracer};
use super::str::StrObj;
use super::value::Value;
use crate::bytecode::code::CodeObject;
use crate::vm::{PyResult, Vm};

/// A function defined in Python.
pub struct FuncObj {
    pub code: Rc<CodeObject>,
    pub globals: Gc<DictObj>,
    /// Defaults of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters: (name, value).
    pub kwdefaults: Box<[(Gc<StrObj>, Value)]>,
    /// Cells of the free variables, in `code.freevars` order.
    pub closure: Box<[Gc<CellObj>]>,
    pub name: Gc<StrObj>,
    pub qualname: Gc<StrObj>,
    /// The function's `__dict__` (arbitrary attributes), created on first use.
    pub attrs: Mut<Option<Gc<DictObj>>>,
    /// The number of positional arguments with which a call can just push a
    /// frame (no keyword-only, `*args` or `**kwargs` parameters, not a
    /// generator or coroutine); `u32::MAX` when every call must bind
    /// arguments the general way. Read by the dispatch loop's call fast
    /// path, which thus needs no load from the code object.
    pub fast_argc: u32,
}

impl FuncObj {
    /// [`FuncObj::fast_argc`] for `code`.
    pub fn fast_argc_of(code: &CodeObject) -> u32 {
        let f = &code.flags;
        if code.kwonlyargcount == 0 && !f.varargs && !f.varkeywords && !f.generator && !f.coroutine
        {
            code.argcount
        } else {
            u32::MAX
        }
    }
}

impl FuncObj {
    /// The attribute dict, if any attribute was ever set.
    pub fn attr_dict(&self) -> Option<Gc<DictObj>> {
        self.attrs.with(|a| *a)
    }
}

impl Trace for FuncObj {
    fn trace(&self, t: &mut Tracer) {
        self.code.trace(t);
        t.mark(self.globals);
        self.defaults.trace(t);
        for (k, v) in self.kwdefaults.iter() {
            t.mark(*k);
            v.trace(t);
        }
        for c in self.closure.iter() {
            t.mark(*c);
        }
        t.mark(self.name);
        t.mark(self.qualname);
        if let Some(d) = self.attr_dict() {
            t.mark(d);
        }
    }
}

/// Keyword arguments of a native call: (name, value) pairs.
pub type KwArgs<'a> = &'a [(Value, Value)];

/// A native function: `self` (or `Value::Null`), positional and keyword arguments.
pub type NativeFn = fn(&mut Vm, Value, &[Value], KwArgs) -> PyResult<Value>;

/// A builtin function or a builtin type's method (bound when `bound` is not Null).
pub struct BuiltinObj {
    pub name: &'static str,
    /// The type whose method this is (`str`, `list`...), for reprs.
    pub owner: Option<&'static str>,
    pub func: NativeFn,
    pub bound: Value,
    /// A plain builtin function CPython implements as `METH_O`, whose
    /// calls count as a recursion level even when specialized (computed
    /// once from the name, see [`BuiltinObj::new`]).
    pub counts_level: bool,
}

impl BuiltinObj {
    pub fn new(
        name: &'static str,
        owner: Option<&'static str>,
        func: NativeFn,
        bound: Value,
    ) -> Self {
        let counts_level = owner.is_none() && meth_o_checks_recursion(name);
        BuiltinObj { name, owner, func, bound, counts_level }
    }
}

/// CPython's builtins taking one argument (`METH_O`), whose calls count
/// as a recursion level even when specialized (`len` is not: its
/// specialized form skips the check).
fn meth_o_checks_recursion(name: &str) -> bool {
    matches!(
        name,
        "repr"
            | "hash"
            | "id"
            | "abs"
            | "callable"
            | "ascii"
            | "bin"
            | "hex"
            | "oct"
            | "ord"
            | "chr"
    )
}

impl Trace for BuiltinObj {
    fn trace(&self, t: &mut Tracer) {
        self.bound.trace(t);
    }
}

/// A Python function bound to an object (`obj.method` as a value).
pub struct BoundMethodObj {
    pub func: Value,
    pub receiver: Value,
}

impl Trace for BoundMethodObj {
    fn trace(&self, t: &mut Tracer) {
        self.func.trace(t);
        self.receiver.trace(t);
    }
}

/// A cell holding a variable shared between a function and its closures.
pub struct CellObj {
    pub value: Mut<Value>,
}

impl CellObj {
    #[inline]
    pub fn get(&self) -> Value {
        self.value.with(|v| *v)
    }
    #[inline]
    pub fn set(&self, v: Value) {
        self.value.with_mut(|x| *x = v)
    }
}

impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        self.get().trace(t);
    }
}
