//! User-defined classes: the part of a [`TypeObj`] that only classes created
//! by a `class` statement (or `type(name, bases, dict)`) have.
//!
//! A class keeps its namespace in a dict, its bases and its C3 method
//! resolution order, its metaclass, and a *version*: a number taken from a
//! VM-wide counter whenever the class (or any class in its MRO) changes, so
//! inline caches can validate a cached lookup with one comparison.
//!
//! Instances share their attribute layout through the class's `keys`
//! (CPython 3.11's shared-key dicts): attribute `keys[i]` of every instance
//! is in slot `i` of the instance's value vector. `__slots__` names come
//! first (`nslots` of them); a class without `__dict__` stops there.
//!
//! The class also caches which special methods its MRO defines in Python
//! (`special`), recomputed when its version changes, so the VM can skip the
//! MRO walk for `if obj:`, `obj + 1`... when the class defines nothing.

use std::cell::Cell;

use super::dict::DictObj;
use super::heap::{Gc, Mut, Trace, Tracer};
use super::object::{TypeId, TypeObj};
use super::str::StrObj;

/// The most attribute names instances of one class share a layout for;
/// instances of a class with more names keep their attributes in a dict.
pub const MAX_SHARED_KEYS: usize = 64;

pub struct ClassData {
    /// `__name__`, leaked once per distinct name so that `TypeObj::name`
    /// (used by every error message) can stay `&'static str`.
    pub name: Cell<&'static str>,
    pub qualname: Cell<Gc<StrObj>>,
    pub bases: Mut<Vec<Gc<TypeObj>>>,
    /// The method resolution order, starting with the class itself.
    pub mro: Mut<Vec<Gc<TypeObj>>>,
    /// The class namespace (`__dict__`).
    pub dict: Gc<DictObj>,
    pub metaclass: Cell<Gc<TypeObj>>,
    /// See the module documentation; never 0 (0 marks an empty cache).
    pub version: Cell<u64>,
    /// Set once some class lists this one among its bases: a change must
    /// then also bump the versions of the subclasses.
    pub has_subclasses: Cell<bool>,
    /// Special-method bits (`special::*`) and the version they describe.
    pub special: Cell<(u64, u64)>,
    /// Attribute names of the shared instance layout (append-only).
    pub keys: Mut<Vec<Gc<StrObj>>>,
    /// `__slots__` names at the start of `keys`.
    pub nslots: usize,
    /// Instances can have attributes outside `__slots__`.
    pub has_dict: bool,
    /// The builtin type whose value an instance carries as its payload
    /// (`List` for `class L(list)`, `Object` for plain classes).
    pub base: TypeId,
    /// Special methods looked up so far (keyed by the address of their
    /// static name; `Null` for "not defined in Python") and the version
    /// they are valid for.
    pub special_cache: Mut<(u64, Vec<(usize, super::value::Value)>)>,
    /// The version for which `Vm::simple_init` last looked at this class,
    /// and the `__init__` it found that a call can run in a frame pushed on
    /// the dispatch loop (`None`: calls take the general path).
    pub init_fast: Cell<(u64, Option<Gc<super::function::FuncObj>>)>,
}

impl ClassData {
    /// The index of attribute `name` in the shared layout.
    #[inline]
    pub fn key_index(&self, name: Gc<StrObj>) -> Option<usize> {
        self.keys.with(|keys| {
            keys.iter().position(|k| Gc::ptr_eq(*k, name)).or_else(|| {
                let (h, s) = (name.hash(), name.as_str());
                keys.iter().position(|k| k.hash() == h && k.as_str() == s)
            })
        })
    }

    pub fn mro(&self) -> Vec<Gc<TypeObj>> {
        self.mro.with(|m| m.clone())
    }

    pub fn bases(&self) -> Vec<Gc<TypeObj>> {
        self.bases.with(|b| b.clone())
    }
}

impl Trace for ClassData {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.qualname.get());
        self.bases.with(|b| b.iter().for_each(|c| t.mark(*c)));
        self.mro.with(|m| m.iter().for_each(|c| t.mark(*c)));
        t.mark(self.dict);
        t.mark(self.metaclass.get());
        self.keys.with(|k| k.iter().for_each(|s| t.mark(*s)));
        if let (_, Some(f)) = self.init_fast.get() {
            t.mark(f);
        }
    }
}

/// Bits of [`ClassData::special`]: which special methods a class's MRO
/// defines in Python code (or sets to a value, such as `__hash__ = None`).
pub mod special {
    pub const GETATTRIBUTE: u64 = 1 << 0;
    pub const GETATTR: u64 = 1 << 1;
    pub const SETATTR: u64 = 1 << 2;
    pub const DELATTR: u64 = 1 << 3;
    pub const BOOL: u64 = 1 << 4;
    pub const LEN: u64 = 1 << 5;
    pub const EQ: u64 = 1 << 6;
    pub const HASH: u64 = 1 << 7;
    /// `__lt__`, `__le__`, `__gt__`, `__ge__`, `__ne__`.
    pub const ORDER: u64 = 1 << 8;
    pub const ITER: u64 = 1 << 9;
    pub const NEXT: u64 = 1 << 10;
    pub const CONTAINS: u64 = 1 << 11;
    pub const GETITEM: u64 = 1 << 12;
    pub const SETITEM: u64 = 1 << 13;
    pub const DELITEM: u64 = 1 << 14;
    pub const CALL: u64 = 1 << 15;
    pub const REPR: u64 = 1 << 16;
    pub const STR: u64 = 1 << 17;
    pub const FORMAT: u64 = 1 << 18;
    /// Any binary, reflected or in-place arithmetic operator.
    pub const NUMBER: u64 = 1 << 19;
    /// `__neg__`, `__pos__`, `__abs__`, `__invert__`.
    pub const UNARY: u64 = 1 << 20;
    pub const INDEX: u64 = 1 << 21;
    pub const GET: u64 = 1 << 22;
    pub const SET: u64 = 1 << 23;
    pub const DELETE: u64 = 1 << 24;
    pub const INIT: u64 = 1 << 25;
    pub const NEW: u64 = 1 << 26;
    pub const INT_FLOAT: u64 = 1 << 27;
    pub const MISSING: u64 = 1 << 28;
    /// The bits are valid (a computed set is never 0).
    pub const COMPUTED: u64 = 1 << 63;

    /// The bit a special method name sets.
    pub fn bit_of(name: &str) -> u64 {
        match name {
            "__getattribute__" => GETATTRIBUTE,
            "__getattr__" => GETATTR,
            "__setattr__" => SETATTR,
            "__delattr__" => DELATTR,
            "__bool__" => BOOL,
            "__len__" => LEN,
            "__eq__" => EQ,
            "__hash__" => HASH,
            "__lt__" | "__le__" | "__gt__" | "__ge__" | "__ne__" => ORDER,
            "__iter__" => ITER,
            "__next__" => NEXT,
            "__contains__" => CONTAINS,
            "__getitem__" => GETITEM,
            "__setitem__" => SETITEM,
            "__delitem__" => DELITEM,
            "__call__" => CALL,
            "__repr__" => REPR,
            "__str__" => STR,
            "__format__" => FORMAT,
            "__neg__" | "__pos__" | "__abs__" | "__invert__" => UNARY,
            "__index__" => INDEX,
            "__get__" => GET,
            "__set__" => SET,
            "__delete__" => DELETE,
            "__init__" => INIT,
            "__new__" => NEW,
            "__int__" | "__float__" | "__round__" | "__trunc__" | "__floor__" | "__ceil__" => {
                INT_FLOAT
            }
            "__missing__" => MISSING,
            _ => {
                if is_number_method(name) {
                    NUMBER
                } else {
                    0
                }
            }
        }
    }

    fn is_number_method(name: &str) -> bool {
        let Some(core) = name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) else {
            return false;
        };
        let core = core.strip_prefix('r').filter(|c| BINARY.contains(c)).unwrap_or(core);
        let core = core.strip_prefix('i').filter(|c| BINARY.contains(c)).unwrap_or(core);
        BINARY.contains(&core) || core == "divmod" || core == "rdivmod"
    }

    /// The binary operators' method stems (`add` → `__add__`, `__radd__`, `__iadd__`).
    pub const BINARY: &[&str] = &[
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or",
        "xor", "matmul",
    ];
}

/// C3 linearization of a class with the given bases (each base's MRO
/// given). `Err` carries the bases left when no consistent order exists
/// (for CPython's "Cannot create a consistent method resolution order").
pub fn c3_merge(
    bases: &[Gc<TypeObj>],
    base_mros: Vec<Vec<Gc<TypeObj>>>,
) -> Result<Vec<Gc<TypeObj>>, Vec<Gc<TypeObj>>> {
    let mut seqs: Vec<Vec<Gc<TypeObj>>> = base_mros;
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that is in no other sequence's tail.
        let mut found = None;
        for s in &seqs {
            let head = s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| Gc::ptr_eq(*x, head))) {
                found = Some(head);
                break;
            }
        }
        let Some(next) = found else {
            // CPython lists the heads still blocked, in base order, without repeats.
            let mut blocked: Vec<Gc<TypeObj>> = Vec::new();
            for s in &seqs {
                if !blocked.iter().any(|b| Gc::ptr_eq(*b, s[0])) {
                    blocked.push(s[0]);
                }
            }
            return Err(blocked);
        };
        out.push(next);
        for s in seqs.iter_mut() {
            if Gc::ptr_eq(s[0], next) {
                s.remove(0);
            }
        }
    }
}
