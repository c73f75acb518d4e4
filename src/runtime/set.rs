//! `set` and `frozenset` objects, on the dict's hash table (values unused).

use super::dict::DictTable;
use super::heap::{Mut, Trace, Tracer};

pub struct SetObj {
    pub table: Mut<DictTable>,
    pub frozen: bool,
}

impl SetObj {
    pub fn new(table: DictTable, frozen: bool) -> SetObj {
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
