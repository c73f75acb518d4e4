//! `list` objects: a growable vector of values.

use super::heap::{Mut, Trace, Tracer};
use super::value::Value;

pub struct ListObj {
    pub items: Mut<Vec<Value>>,
}

impl ListObj {
    pub fn new(items: Vec<Value>) -> ListObj {
        ListObj { items: Mut::new(items) }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.with(|v| v.len())
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.with(|v| v.get(i).copied())
    }

    #[inline]
    pub fn set(&self, i: usize, x: Value) -> bool {
        self.items.with_mut(|v| match v.get_mut(i) {
            Some(slot) => {
                *slot = x;
                true
            }
            None => false,
        })
    }

    #[inline]
    pub fn push(&self, x: Value) {
        self.items.with_mut(|v| v.push(x))
    }

    /// A copy of the items (for iteration that may call back into Python).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.with(|v| v.clone())
    }
}

impl Trace for ListObj {
    fn heap_size(&self) -> usize {
        self.items.with(|v| v.capacity() * 16)
    }

    fn trace(&self, t: &mut Tracer) {
        self.items.with(|v| v.trace(t));
    }
}
