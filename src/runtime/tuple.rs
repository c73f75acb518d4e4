//! `tuple` objects: an immutable sequence of values.

use super::heap::{Trace, Tracer};
use super::value::Value;

pub struct TupleObj {
    pub items: Box<[Value]>,
}

impl TupleObj {
    pub fn new(items: impl Into<Box<[Value]>>) -> TupleObj {
        TupleObj { items: items.into() }
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
