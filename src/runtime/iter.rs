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

impl IterState {
    /// The next item of an iterator whose step runs no Python code and
    /// allocates nothing (over a range, list, tuple or precomputed
    /// sequence): `Some(None)` when exhausted; `None` for other iterators.
    /// Same steps as the VM's `next` for these states.
    #[inline]
    pub fn next_simple(&mut self) -> Option<Option<Value>> {
        Some(match self {
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            IterState::List { list, index } => {
                let v = list.get(*index);
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::ListReversed { list, index } => {
                if *index == 0 {
                    None
                } else {
                    *index -= 1;
                    list.get(*index)
                }
            }
            IterState::Tuple { tuple, index } => {
                let v = tuple.items.get(*index).copied();
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::Seq { items, index } => {
                let v = items.get(*index).copied();
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::Exhausted => None,
            _ => return None,
        })
    }

    /// Does [`IterState::next_simple`] handle this iterator?
    #[inline]
    fn is_simple(&self) -> bool {
        matches!(
            self,
            IterState::Range { .. }
                | IterState::List { .. }
                | IterState::ListReversed { .. }
                | IterState::Tuple { .. }
                | IterState::Seq { .. }
                | IterState::Exhausted
        )
    }
}

/// A simple iterator (see [`IterState::next_simple`]) other than `outer`.
#[inline]
fn simple_inner(v: Value, outer: Gc<IterObj>) -> Option<Gc<IterObj>> {
    match v {
        Value::Iter(i) if !Gc::ptr_eq(i, outer) && i.state.with(IterState::is_simple) => Some(i),
        _ => None,
    }
}

/// The next item of a `zip` (of the iterators `inners`; the zip is
/// `outer`) whose iterators are all simple, written to `out` (as
/// [`IterObj::next_unpacked`]).
pub fn zip_step(inners: &[Value], outer: Gc<IterObj>, out: &mut [Value]) -> Option<bool> {
    if inners.len() != out.len() || inners.is_empty() {
        return None;
    }
    for &i in inners {
        simple_inner(i, outer)?;
    }
    for (slot, &i) in out.iter_mut().zip(inners) {
        let Value::Iter(i) = i else { return None };
        // `i` is another object than `outer` (checked above), whose
        // contents the caller may be borrowing.
        match i.state.with_mut(IterState::next_simple)? {
            Some(v) => *slot = v,
            None => return Some(false),
        }
    }
    Some(true)
}

impl IterObj {
    /// The next item of a `zip` or `enumerate` whose iterators are all
    /// simple (see [`IterState::next_simple`]), written as its tuple's
    /// items to `out` (whose length must be the tuple's), without building
    /// the tuple: `Some(true)` when written, `Some(false)` when exhausted
    /// (as the iterator's own step: zip advances its iterators in order up
    /// to the first exhausted one). `None`, having advanced nothing, when
    /// `this` is not such an iterator or `out` has another length.
    pub fn next_unpacked(this: Gc<IterObj>, out: &mut [Value]) -> Option<bool> {
        this.state.with_mut(|st| match st {
            IterState::Zip { inners } => zip_step(inners, this, out),
            IterState::Enumerate { inner, count } => {
                if out.len() != 2 {
                    return None;
                }
                let i = simple_inner(*inner, this)?;
                match i.state.with_mut(IterState::next_simple)? {
                    Some(v) => {
                        out[0] = Value::Int(*count);
                        out[1] = v;
                        *count += 1;
                        Some(true)
                    }
                    None => Some(false),
                }
            }
            _ => None,
        })
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
