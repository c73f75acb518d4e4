//! Iterator objects over the builtin containers and the lazy builtins
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`).

use super::heap::{Gc, Mut, Trace, Tracer};
use super::list::ListObj;
use super::str::StrObj;
use super::tuple::TupleObj;
use super::value::Value;

pub enum IterState {
    List {
        list: Gc<ListObj>,
        index: usize,
    },
    ListReversed {
        list: Gc<ListObj>,
        index: usize,
    },
    Tuple {
        tuple: Gc<TupleObj>,
        index: usize,
    },
    Str {
        s: Gc<StrObj>,
        byte: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Keys (kind 0), values (1) or items (2) of a dict or set table.
    Dict {
        dict: Value,
        pos: usize,
        kind: u8,
        version: u64,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// An object with `__getitem__` but no `__iter__`: items 0, 1, ...
    /// until `IndexError`.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// A precomputed sequence (e.g. `reversed` of a sequence snapshot).
    Seq {
        items: Vec<Value>,
        index: usize,
    },
    Exhausted,
}

pub struct IterObj {
    pub state: Mut<IterState>,
}

impl IterObj {
    pub fn new(state: IterState) -> IterObj {
        IterObj { state: Mut::new(state) }
    }
}

impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        self.state.with(|s| match s {
            IterState::List { list, .. } | IterState::ListReversed { list, .. } => t.mark(*list),
            IterState::Tuple { tuple, .. } => t.mark(*tuple),
            IterState::Str { s, .. } => t.mark(*s),
            IterState::Range { .. } | IterState::Exhausted => {}
            IterState::Dict { dict, .. } => dict.trace(t),
            IterState::Enumerate { inner, .. } => inner.trace(t),
            IterState::Zip { inners } => inners.trace(t),
            IterState::Map { func, inners } => {
                func.trace(t);
                inners.trace(t);
            }
            IterState::Filter { func, inner } => {
                func.trace(t);
                inner.trace(t);
            }
            IterState::Seq { items, .. } => items.trace(t),
            IterState::GetItem { obj, .. } => obj.trace(t),
        })
    }
}
