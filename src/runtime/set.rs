//! `set` and `frozenset` objects, on CPython's open-addressing layout
//! ([`SetTable`]), so iteration order matches CPython.

use super::heap::{Mut, Trace, Tracer};
use super::settable::SetTable;

pub struct SetObj {
    pub table: Mut<SetTable>,
    pub frozen: bool,
}

impl SetObj {
    pub fn new(table: SetTable, frozen: bool) -> SetObj {
        SetObj { table: Mut::new(table), frozen }
    }

    pub fn len(&self) -> usize {
        self.table.with(|t| t.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Trace for SetObj {
    fn heap_size(&self) -> usize {
        self.table.with(|t| t.len() * 48)
    }

    fn trace(&self, t: &mut Tracer) {
        self.table.with(|d| d.trace(t));
    }
}
