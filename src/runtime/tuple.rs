//! `tuple` objects: an immutable sequence of values (and struct sequences
//! such as `sys.version_info`, tuples with named fields).

use super::heap::{Trace, Tracer};
use super::value::Value;

pub struct TupleObj {
    /// The items (a slice through `Deref`).
    pub items: TupleItems,
}

/// Tuples of at most this many items keep them in the object itself.
pub const INLINE: usize = 3;

/// A tuple's items: a short tuple's in the object (no second allocation,
/// no pointer to follow when a dict compares tuple keys), the others in a
/// boxed slice, which a struct sequence's always are.
pub enum TupleItems {
    Inline { len: u8, items: [Value; INLINE] },
    Boxed { items: Box<[Value]>, seq: Option<&'static StructSeq> },
}

impl std::ops::Deref for TupleItems {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            TupleItems::Inline { len, items } => &items[..*len as usize],
            TupleItems::Boxed { items, .. } => items,
        }
    }
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
    /// A tuple of `items` (not copied if boxed: keep short tuples' items
    /// in a `Vec` or a slice, see [`TupleObj::from_slice`]).
    pub fn new(items: impl Into<Box<[Value]>> + AsRef<[Value]>) -> TupleObj {
        let s = items.as_ref();
        if s.len() <= INLINE {
            return TupleObj::from_slice(s);
        }
        TupleObj { items: TupleItems::Boxed { items: items.into(), seq: None } }
    }

    /// A tuple of copies of `items`.
    #[inline]
    pub fn from_slice(items: &[Value]) -> TupleObj {
        if items.len() <= INLINE {
            let mut inline = [Value::None; INLINE];
            inline[..items.len()].copy_from_slice(items);
            return TupleObj {
                items: TupleItems::Inline { len: items.len() as u8, items: inline },
            };
        }
        TupleObj { items: TupleItems::Boxed { items: items.into(), seq: None } }
    }

    /// A struct sequence of kind `seq`.
    pub fn struct_seq(seq: &'static StructSeq, items: impl Into<Box<[Value]>>) -> TupleObj {
        TupleObj { items: TupleItems::Boxed { items: items.into(), seq: Some(seq) } }
    }

    /// The kind of a struct sequence (`None` for a plain tuple).
    #[inline]
    pub fn seq(&self) -> Option<&'static StructSeq> {
        match self.items {
            TupleItems::Boxed { seq, .. } => seq,
            TupleItems::Inline { .. } => None,
        }
    }

    /// The value of field `name` of a struct sequence.
    pub fn field(&self, name: &str) -> Option<Value> {
        let seq = self.seq()?;
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
    /// Short tuples live wholly in their slot: reusing slots must count
    /// toward the next collection.
    const COUNT_SLOTS: bool = true;

    fn heap_size(&self) -> usize {
        match &self.items {
            TupleItems::Inline { .. } => 0,
            TupleItems::Boxed { items, .. } => items.len() * 16,
        }
    }

    fn trace(&self, t: &mut Tracer) {
        (*self.items).trace(t);
    }
}
