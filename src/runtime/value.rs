//! `Value`: what a register, a list slot or a dict entry holds.
//!
//! A 16-byte `Copy` enum: `None`, `bool`, small `int` (`i64`) and `float`
//! need no allocation; everything else is a typed [`Gc`] reference, so the
//! type of any value is known from its tag without touching the heap.
//! The rest of the VM goes through the methods here and in the per-type
//! modules, so the representation can change (e.g. NaN-boxing) in one place.

use super::complex::ComplexObj;
use super::dict::{DictObj, DictViewObj};
use super::exception::{ExcObj, TracebackObj};
use super::function::{BoundMethodObj, BuiltinObj, CellObj, FuncObj};
use super::generator::GenObj;
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
    Complex(Gc<ComplexObj>),
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
    /// A traceback entry (`e.__traceback__`, `sys.exc_info()[2]`).
    Traceback(Gc<TracebackObj>),
    Type(Gc<TypeObj>),
    Module(Gc<ModuleObj>),
    /// A generator object (suspended frame, see `runtime::generator`).
    Generator(Gc<GenObj>),
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
            Complex(g) => g.addr(),
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
            Traceback(g) => g.addr(),
            Type(g) => g.addr(),
            Module(g) => g.addr(),
            Generator(g) => g.addr(),
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
            Complex(g) => t.mark(g),
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
            Traceback(g) => t.mark(g),
            Type(g) => t.mark(g),
            Module(g) => t.mark(g),
            Generator(g) => t.mark(g),
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

/// Tag words of the unboxed numbers (the `repr(u64)` discriminants).
const INT_TAG: u64 = {
    let v = Value::Int(0);
    // SAFETY: `Value` is `repr(u64)`: its first 8 bytes are the tag.
    unsafe { *(&v as *const Value as *const u64) }
};
const FLOAT_TAG: u64 = {
    let v = Value::Float(0.0);
    // SAFETY: as above.
    unsafe { *(&v as *const Value as *const u64) }
};

impl Value {
    /// Write `v` to `*p`; an int, a float or a tuple is written with one
    /// 16-byte store. The dispatch loop copies registers whole (16-byte loads): a
    /// register written as two 8-byte stores (tag, payload) and read back
    /// soon after stalls the load on store forwarding (measured: a tenth of
    /// the time of loops that `Move` or return arithmetic results).
    ///
    /// # Safety
    /// `p` must be valid for a write of a `Value` (aligned to 8).
    #[inline(always)]
    pub unsafe fn store(p: *mut Value, v: Value) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
            let words = match v {
                Value::Int(i) => Some((INT_TAG, i as u64)),
                Value::Float(f) => Some((FLOAT_TAG, f.to_bits())),
                // SAFETY: `Value` is `repr(u64)`: its first 8 bytes are the
                // tag, always initialized (this is `Tuple`'s, a constant).
                Value::Tuple(t) => {
                    Some((unsafe { *(&v as *const Value as *const u64) }, t.addr() as u64))
                }
                _ => None,
            };
            if let Some((tag, payload)) = words {
                // SAFETY: SSE2 is part of x86-64; both words are initialized
                // and laid out as `Value` lays them out (tag at 0, payload
                // at 8); the caller guarantees `p` is writable for 16 bytes.
                unsafe {
                    _mm_storeu_si128(p as *mut __m128i, _mm_set_epi64x(payload as i64, tag as i64))
                };
                return;
            }
        }
        // SAFETY: the caller guarantees `p` is valid for the write.
        unsafe { p.write(v) }
    }
}

#[cfg(test)]
mod store_tests {
    use super::Value;

    #[test]
    fn store_writes_readable_numbers() {
        let mut slots = [Value::None; 3];
        // SAFETY: each pointer is to an element of `slots`.
        unsafe {
            Value::store(&mut slots[0], Value::Int(-42));
            Value::store(&mut slots[1], Value::Float(2.5));
            Value::store(&mut slots[2], Value::Bool(true));
        }
        assert!(matches!(slots[0], Value::Int(-42)));
        assert!(matches!(slots[1], Value::Float(f) if f == 2.5));
        assert!(matches!(slots[2], Value::Bool(true)));
    }
}
