//! Instances of classes (and of the native object types `object`,
//! `property`, `staticmethod`, `classmethod`, `super` and member
//! descriptors, whose fields live in `values`).
//!
//! An instance of a user class stores its attributes in `values`, indexed
//! by the class's shared `keys` (see [`super::class`]); `Null` marks an
//! attribute the instance does not have. Attributes are in `values` in the
//! order they were added as long as each new one goes at the end; when one
//! would not (an attribute re-added after `del`, or set in another order
//! than the first instance used), or when `__dict__` is asked for, the
//! instance switches to *dict mode*: its non-slot attributes move to
//! `dict`, a real dict shared with Python code. Slot attributes always
//! stay in `values`.
//!
//! `payload` holds the builtin value of an instance of a subclass of a
//! builtin type (`class L(list)`: the list), `Null` otherwise.

use std::cell::Cell;

use super::dict::DictObj;
use super::heap::{Gc, Mut, Trace, Tracer};
use super::object::TypeObj;
use super::value::Value;

pub struct InstanceObj {
    pub class: Cell<Gc<TypeObj>>,
    pub values: Mut<Vec<Value>>,
    pub dict: Cell<Option<Gc<DictObj>>>,
    pub payload: Cell<Value>,
}

impl InstanceObj {
    pub fn new(class: Gc<TypeObj>, capacity: usize) -> InstanceObj {
        InstanceObj {
            class: Cell::new(class),
            values: Mut::new(Vec::with_capacity(capacity)),
            dict: Cell::new(None),
            payload: Cell::new(Value::Null),
        }
    }

    /// A native object with the given fields (`property`'s fget, fset...).
    pub fn with_fields(class: Gc<TypeObj>, fields: Vec<Value>) -> InstanceObj {
        InstanceObj {
            class: Cell::new(class),
            values: Mut::new(fields),
            dict: Cell::new(None),
            payload: Cell::new(Value::Null),
        }
    }

    #[inline]
    pub fn class(&self) -> Gc<TypeObj> {
        self.class.get()
    }

    /// Slot `i` (`Null` if absent).
    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        self.values.with(|v| v.get(i).copied().unwrap_or(Value::Null))
    }

    /// Field `i` of a native object.
    #[inline]
    pub fn field(&self, i: usize) -> Value {
        self.slot(i)
    }

    /// Store slot `i`, growing the vector with `Null`s as needed.
    #[inline]
    pub fn set_slot(&self, i: usize, x: Value) {
        self.values.with_mut(|v| {
            if i >= v.len() {
                v.resize(i + 1, Value::Null);
            }
            v[i] = x;
        })
    }

    /// Would storing a new attribute in slot `i` keep insertion order?
    #[inline]
    pub fn appends_in_order(&self, i: usize) -> bool {
        self.values
            .with(|v| i >= v.len() || !v[i].is_null() || v[i + 1..].iter().all(|x| x.is_null()))
    }
}

impl Trace for InstanceObj {
    fn heap_size(&self) -> usize {
        self.values.with(|v| v.capacity() * 16)
    }

    fn trace(&self, t: &mut Tracer) {
        t.mark(self.class.get());
        self.values.with(|v| v.trace(t));
        if let Some(d) = self.dict.get() {
            t.mark(d);
        }
        self.payload.get().trace(t);
    }
}
