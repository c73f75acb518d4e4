//! `Value`: what a register, a list slot or a dict entry holds.
//!
//! A 16-byte `Copy` enum: `None`, `bool`, small `int` (`i64`) and `float`
//! need no allocation; everything else is a typed [`Gc`] reference, so the
//! type of any value is known from its tag without touching the heap.
//! The rest of the VM goes through the methods here and in the per-type
//! modules, so the representation can change (e.g. NaN-boxing) in one place.

use super::dict::{DictObj, DictViewObj};
use super::exception::ExcObj;
use super::function::{BoundMethodObj, BuiltinObj, CellObj, FuncObj};
use super::heap::{Gc, Trace, Tracer};
use super::instance::InstanceObj;
use super::iter::IterObj;
use super::list::ListObj;
use super::module::ModuleObj;
use super::object::{BigIntObj, BytesObj, RangeObj, SliceObj, TypeObj};
use super::set::SetObj;
use super::str::StrObj;
use super::tuple::TupleObj;

/// `repr(u64)`: an 8-byte tag, then the payload, always at offset 8,
/// so a value moves as two aligned words (the default layout put `bool` at
/// offset 1 and made copies unaligned, stalling store forwarding in the
/// dispatch loop: measured 8% of fib's time).
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An int that does not fit in an `i64`.
    BigInt(Gc<BigIntObj>),
    Str(Gc<StrObj>),
    Bytes(Gc<BytesObj>),
    List(Gc<ListObj>),
    Tuple(Gc<TupleObj>),
    Dict(Gc<DictObj>),
    /// `dict_keys`, `dict_values` or `dict_items`.
    DictView(Gc<DictViewObj>),
    /// `set` or `frozenset` (see `SetObj::frozen`).
    Set(Gc<SetObj>),
    Range(Gc<RangeObj>),
    Slice(Gc<SliceObj>),
    Function(Gc<FuncObj>),
    Builtin(Gc<BuiltinObj>),
    BoundMethod(Gc<BoundMethodObj>),
    Cell(Gc<CellObj>),
    Iter(Gc<IterObj>),
    Exception(Gc<ExcObj>),
    Type(Gc<TypeObj>),
    Module(Gc<ModuleObj>),
    /// An instance of a class (see `runtime::instance`).
    Instance(Gc<InstanceObj>),
    Ellipsis,
    NotImplemented,
    /// Internal marker, never visible to Python code: an unbound local, or
    /// "no `self`" in the method-call register pair.
    Null,
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Value {
    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn as_int(self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// Identity (`is`).
    #[inline]
    pub fn is(self, other: Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None)
            | (Ellipsis, Ellipsis)
            | (NotImplemented, NotImplemented)
            | (Null, Null) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints and floats have no identity of their own in Taipan;
            // equal values are the same object (CPython caches small ints).
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_addr(), other.heap_addr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, if this is one.
    pub fn heap_addr(self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(g) => g.addr(),
            Str(g) => g.addr(),
            Bytes(g) => g.addr(),
            List(g) => g.addr(),
            Tuple(g) => g.addr(),
            Dict(g) => g.addr(),
            DictView(g) => g.addr(),
            Set(g) => g.addr(),
            Range(g) => g.addr(),
            Slice(g) => g.addr(),
            Function(g) => g.addr(),
            Builtin(g) => g.addr(),
            BoundMethod(g) => g.addr(),
            Cell(g) => g.addr(),
            Iter(g) => g.addr(),
            Exception(g) => g.addr(),
            Type(g) => g.addr(),
            Module(g) => g.addr(),
            Instance(g) => g.addr(),
            _ => return Option::None,
        })
    }
}

impl Trace for Value {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        use Value::*;
        match *self {
            BigInt(g) => t.mark(g),
            Str(g) => t.mark(g),
            Bytes(g) => t.mark(g),
            List(g) => t.mark(g),
            Tuple(g) => t.mark(g),
            Dict(g) => t.mark(g),
            DictView(g) => t.mark(g),
            Set(g) => t.mark(g),
            Range(g) => t.mark(g),
            Slice(g) => t.mark(g),
            Function(g) => t.mark(g),
            Builtin(g) => t.mark(g),
            BoundMethod(g) => t.mark(g),
            Cell(g) => t.mark(g),
            Iter(g) => t.mark(g),
            Exception(g) => t.mark(g),
            Type(g) => t.mark(g),
            Module(g) => t.mark(g),
            Instance(g) => t.mark(g),
            None | Bool(_) | Int(_) | Float(_) | Ellipsis | NotImplemented | Null => {}
        }
    }
}

impl Trace for [Value] {
    fn trace(&self, t: &mut Tracer) {
        for v in self {
            v.trace(t);
        }
    }
}
