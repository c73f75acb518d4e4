//! Smaller builtin object types: big ints, bytes, range, slice, and type
//! objects for the builtin types.

use num_bigint::BigInt;

use super::heap::{Trace, Tracer};
use super::value::Value;

/// An int outside the `i64` range.
pub struct BigIntObj {
    pub value: BigInt,
}

impl Trace for BigIntObj {
    fn heap_size(&self) -> usize {
        (self.value.bits() / 8) as usize
    }

    const LEAF: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}

pub struct BytesObj {
    pub data: Box<[u8]>,
}

impl Trace for BytesObj {
    fn heap_size(&self) -> usize {
        self.data.len()
    }

    const LEAF: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}

/// `range(start, stop, step)` with i128 bounds (CPython's are unbounded;
/// `range(10**20)` works, `range(10**40)` raises OverflowError).
pub struct RangeObj {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl RangeObj {
    /// The number of items (may exceed `isize`: `len()` then raises).
    pub fn len(&self) -> i128 {
        let (start, stop, step) = (self.start, self.stop, self.step);
        if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / step.saturating_neg() + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i` (`0 <= i < len`).
    pub fn item(&self, i: i128) -> i128 {
        self.start.saturating_add(i.saturating_mul(self.step))
    }

    /// The bounds for iteration in `i64` (items beyond `i64` are cut off).
    pub fn iter_bounds(&self) -> (i64, i64, i64) {
        let clamp = |v: i128| v.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        (clamp(self.start), clamp(self.stop), clamp(self.step))
    }
}

impl Trace for RangeObj {
    const LEAF: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Trace for SliceObj {
    fn trace(&self, t: &mut Tracer) {
        self.start.trace(t);
        self.stop.trace(t);
        self.step.trace(t);
    }
}

/// The builtin types, in the order of the VM's type table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TypeId {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Cell,
    Iterator,
    DictKeys,
    DictValues,
    DictItems,
    Type,
    Module,
    Ellipsis,
    NotImplementedType,
    Object,
    Generator,
    /// `BaseException` and its builtin subclasses (see `ExcKind`).
    Exception,
    Complex,
    Traceback,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    /// `member_descriptor`: a `__slots__` entry in a class namespace.
    MemberDescriptor,
    /// `mappingproxy`: the read-only view of a class's namespace.
    MappingProxy,
    /// `getset_descriptor`: `__dict__` / `__weakref__` of a class.
    GetSetDescriptor,
}

pub const N_TYPES: usize = TypeId::GetSetDescriptor as usize + 1;

impl TypeId {
    pub fn name(self) -> &'static str {
        match self {
            TypeId::NoneType => "NoneType",
            TypeId::Bool => "bool",
            TypeId::Int => "int",
            TypeId::Float => "float",
            TypeId::Str => "str",
            TypeId::Bytes => "bytes",
            TypeId::List => "list",
            TypeId::Tuple => "tuple",
            TypeId::Dict => "dict",
            TypeId::Set => "set",
            TypeId::FrozenSet => "frozenset",
            TypeId::Range => "range",
            TypeId::Slice => "slice",
            TypeId::Function => "function",
            TypeId::BuiltinFunction => "builtin_function_or_method",
            TypeId::Method => "method",
            TypeId::Cell => "cell",
            TypeId::Iterator => "iterator",
            TypeId::DictKeys => "dict_keys",
            TypeId::DictValues => "dict_values",
            TypeId::DictItems => "dict_items",
            TypeId::Type => "type",
            TypeId::Module => "module",
            TypeId::Ellipsis => "ellipsis",
            TypeId::NotImplementedType => "NotImplementedType",
            TypeId::Object => "object",
            TypeId::Generator => "generator",
            TypeId::Exception => "BaseException",
            TypeId::Complex => "complex",
            TypeId::Traceback => "traceback",
            TypeId::Property => "property",
            TypeId::StaticMethod => "staticmethod",
            TypeId::ClassMethod => "classmethod",
            TypeId::Super => "super",
            TypeId::MemberDescriptor => "member_descriptor",
            TypeId::MappingProxy => "mappingproxy",
            TypeId::GetSetDescriptor => "getset_descriptor",
        }
    }

    pub const ALL: [TypeId; N_TYPES] = [
        TypeId::NoneType,
        TypeId::Bool,
        TypeId::Int,
        TypeId::Float,
        TypeId::Str,
        TypeId::Bytes,
        TypeId::List,
        TypeId::Tuple,
        TypeId::Dict,
        TypeId::Set,
        TypeId::FrozenSet,
        TypeId::Range,
        TypeId::Slice,
        TypeId::Function,
        TypeId::BuiltinFunction,
        TypeId::Method,
        TypeId::Cell,
        TypeId::Iterator,
        TypeId::DictKeys,
        TypeId::DictValues,
        TypeId::DictItems,
        TypeId::Type,
        TypeId::Module,
        TypeId::Ellipsis,
        TypeId::NotImplementedType,
        TypeId::Object,
        TypeId::Generator,
        TypeId::Exception,
        TypeId::Complex,
        TypeId::Traceback,
        TypeId::Property,
        TypeId::StaticMethod,
        TypeId::ClassMethod,
        TypeId::Super,
        TypeId::MemberDescriptor,
        TypeId::MappingProxy,
        TypeId::GetSetDescriptor,
    ];
}

/// A type object: a builtin type, or a class (`class` set).
pub struct TypeObj {
    /// A builtin type's id; for a class, the builtin type its instances
    /// are built on (`Object` for plain classes).
    pub id: TypeId,
    /// For exception types: which one (for a class deriving from an
    /// exception, the nearest builtin exception base).
    pub exc: Option<super::exception::ExcKind>,
    /// What only classes have (see [`super::class`]).
    pub class: Option<Box<super::class::ClassData>>,
}

impl TypeObj {
    /// A builtin type object.
    pub fn builtin(id: TypeId, exc: Option<super::exception::ExcKind>) -> TypeObj {
        TypeObj { id, exc, class: None }
    }

    pub fn name(&self) -> &'static str {
        if let Some(c) = &self.class {
            return c.name.get();
        }
        match self.exc {
            Some(k) => k.name(),
            None => self.id.name(),
        }
    }

    /// The class part of a user-defined class.
    #[inline]
    pub fn class(&self) -> Option<&super::class::ClassData> {
        self.class.as_deref()
    }
}

impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.class {
            c.trace(t);
        }
    }
}
