//! `tuple` objects: an immutable sequence of values (and struct sequences
//! such as `sys.version_info`, tuples with named fields).

use super::heap::{Trace, Tracer};
use super::value::Value;

pub struct TupleObj {
    pub items: Box<[Value]>,
    /// Set for a struct sequence (`sys.version_info`...): its field names.
    pub seq: Option<&'static StructSeq>,
}

/// The description of a struct sequence: a tuple whose items are also
/// attributes, with a `name(field=value, ...)` repr.
pub struct StructSeq {
    pub name: &'static str,
    pub fields: &'static [&'static str],
    /// A repr of its own (items, address) instead of `name(field=value, ...)`.
    pub repr: Option<fn(&[Value], usize) -> String>,
}

impl TupleObj {
    pub fn new(items: impl Into<Box<[Value]>>) -> TupleObj {
        TupleObj { items: items.into(), seq: None }
    }

    /// A struct sequence of kind `seq`.
    pub fn struct_seq(seq: &'static StructSeq, items: impl Into<Box<[Value]>>) -> TupleObj {
        TupleObj { items: items.into(), seq: Some(seq) }
    }

    /// The value of field `name` of a struct sequence.
    pub fn field(&self, name: &str) -> Option<Value> {
        let seq = self.seq?;
        let i = seq.fields.iter().position(|f| *f == name)?;
        self.items.get(i).copied()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Trace for TupleObj {
    fn heap_size(&self) -> usize {
        self.items.len() * 16
    }

    fn trace(&self, t: &mut Tracer) {
        self.items.trace(t);
    }
}
