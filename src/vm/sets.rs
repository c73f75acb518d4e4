//! Set algebra at the VM level: building set tables from any iterable, the
//! set operators and their in-place forms, and the set-like operations of
//! the dict views (`d.keys() & {...}`), each following CPython's algorithm
//! (which table is iterated, what is copied first) so that the resulting
//! sets iterate in CPython's order.

use super::{PyResult, Vm};
use crate::runtime::dict::{DictViewObj, ViewKind};
use crate::runtime::heap::Gc;
use crate::runtime::set::SetObj;
use crate::runtime::settable::SetTable;
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;

impl Vm {
    /// `TypeError: unhashable type: 'T'`.
    pub fn unhashable_err(&mut self, k: Value) -> super::PyErr {
        self.type_error(format!("unhashable type: '{}'", self.type_name(k)))
    }

    /// The items of an iterable with their hashes (an unhashable item raises).
    pub fn hashed_items(&mut self, v: Value) -> PyResult<Vec<(i64, Value)>> {
        if let Value::Set(s) = v {
            return Ok(s.table.with(|t| t.hashed()));
        }
        let items = self.collect_iter(v)?;
        let mut out = Vec::with_capacity(items.len());
        for k in items {
            match crate::runtime::compare::hash_key(k) {
                Some(h) => out.push((h, k)),
                None => return Err(self.unhashable_err(k)),
            }
        }
        Ok(out)
    }

    /// `set_update_internal(t, v)`: a set merges, a dict adds its keys after
    /// one presizing, anything else is iterated. `v` must not be the set
    /// that owns `t`.
    pub fn set_update_table(&mut self, t: &mut SetTable, v: Value) -> PyResult<()> {
        match v {
            Value::Set(s) => s.table.with(|o| t.merge(o)),
            Value::Dict(d) => d.table.with(|o| t.update_from_dict(o)),
            _ => {
                let items = self.collect_iter(v)?;
                let mark = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&items);
                let r = self.add_items_to_table(t, &items);
                self.temp_roots.truncate(mark);
                r?;
            }
        }
        Ok(())
    }

    /// Add `items` to a table, comparing keys of classes with `__eq__` in
    /// Python (the items must be rooted by the caller).
    fn add_items_to_table(&mut self, t: &mut SetTable, items: &[Value]) -> PyResult<()> {
        for &k in items {
            if crate::runtime::compare::needs_vm_hash(k) {
                let h = self.hash(k)?;
                let mut found = false;
                for j in t.candidates(h) {
                    let other = t.slot_key(j);
                    if other.is(k) || self.eq(other, k)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    t.add_hashed(h, k);
                }
            } else if t.add(k).is_err() {
                return Err(self.unhashable_err(k));
            }
        }
        Ok(())
    }

    /// `make_new_set(v)`: a new table from any iterable.
    pub fn set_table_from(&mut self, v: Value) -> PyResult<SetTable> {
        let mut t = SetTable::new();
        self.set_update_table(&mut t, v)?;
        Ok(t)
    }

    /// `s.update(v)` on a set object (in place: only `v` is copied).
    pub fn set_update_obj(&mut self, s: Gc<SetObj>, v: Value) -> PyResult<()> {
        match v {
            Value::Set(o) if Gc::ptr_eq(o, s) => {}
            Value::Set(o) => {
                let o = o.table.with(|t| t.clone());
                s.table.with_mut(|t| t.merge(&o));
            }
            Value::Dict(d) => {
                let d = d.table.with(|t| t.clone());
                s.table.with_mut(|t| t.update_from_dict(&d));
            }
            _ => {
                let items = self.collect_iter(v)?;
                let mark = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&items);
                let mut r = Ok(());
                for k in items {
                    if crate::runtime::compare::needs_vm_hash(k) {
                        if let Err(e) = self.set_add_slow(s, k) {
                            r = Err(e);
                            break;
                        }
                    } else if s.table.with_mut(|t| t.add(k)).is_err() {
                        r = Err(self.unhashable_err(k));
                        break;
                    }
                }
                self.temp_roots.truncate(mark);
                r?;
            }
        }
        Ok(())
    }

    /// `s.difference_update(v)` on a set object, in place.
    pub fn set_difference_update_obj(&mut self, s: Gc<SetObj>, v: Value) -> PyResult<()> {
        match v {
            Value::Set(o) if Gc::ptr_eq(o, s) => s.table.with_mut(|t| t.clear()),
            Value::Set(o) => {
                let o = o.table.with(|t| t.clone());
                s.table.with_mut(|t| t.difference_update(&o));
            }
            _ => {
                let items = self.hashed_items(v)?;
                s.table.with_mut(|t| t.difference_update_items(&items));
            }
        }
        Ok(())
    }

    /// The items `symmetric_difference_update` walks for `other`.
    fn symdiff_items(&mut self, other: Value) -> PyResult<Vec<(i64, Value)>> {
        Ok(match other {
            Value::Set(o) => o.table.with(|y| y.hashed()),
            Value::Dict(d) => d.table.with(|y| y.iter().map(|e| (e.hash, e.key)).collect()),
            _ => self.set_table_from(other)?.hashed(),
        })
    }

    /// `s.symmetric_difference_update(v)` on a set object, in place.
    pub fn set_symdiff_update_obj(&mut self, s: Gc<SetObj>, v: Value) -> PyResult<()> {
        if let Value::Set(o) = v {
            if Gc::ptr_eq(o, s) {
                s.table.with_mut(|t| t.clear());
                return Ok(());
            }
        }
        let items = self.symdiff_items(v)?;
        s.table.with_mut(|t| t.symmetric_difference_update(&items));
        Ok(())
    }

    pub fn new_set(&mut self, t: SetTable, frozen: bool) -> Value {
        Value::Set(self.heap.alloc(SetObj::new(t, frozen)))
    }

    /// `set_intersection(a, other)` as a table.
    pub fn set_intersection_table(&mut self, a: Gc<SetObj>, other: Value) -> PyResult<SetTable> {
        match other {
            Value::Set(o) if Gc::ptr_eq(o, a) => Ok(a.table.with(|t| t.copy())),
            Value::Set(o) => Ok(a.table.with(|x| o.table.with(|y| SetTable::intersection(x, y)))),
            _ => {
                let items = self.hashed_items(other)?;
                Ok(a.table.with(|x| SetTable::intersection_items(x, &items)))
            }
        }
    }

    /// `set_difference_update_internal(t, other)`.
    pub fn set_difference_update_table(&mut self, t: &mut SetTable, other: Value) -> PyResult<()> {
        match other {
            Value::Set(o) => o.table.with(|y| t.difference_update(y)),
            _ => {
                let items = self.hashed_items(other)?;
                t.difference_update_items(&items);
            }
        }
        Ok(())
    }

    /// `set_difference(a, other)` as a table.
    pub fn set_difference_table(&mut self, a: Gc<SetObj>, other: Value) -> PyResult<SetTable> {
        match other {
            Value::Set(o) => Ok(a.table.with(|x| o.table.with(|y| SetTable::difference(x, y)))),
            Value::Dict(d) => {
                Ok(a.table.with(|x| d.table.with(|y| SetTable::difference_dict(x, y))))
            }
            _ => {
                let mut t = a.table.with(|x| x.copy());
                self.set_difference_update_table(&mut t, other)?;
                Ok(t)
            }
        }
    }

    /// `set_symmetric_difference_update(t, other)`; `other` is not `t`'s set.
    pub fn set_symdiff_update_table(&mut self, t: &mut SetTable, other: Value) -> PyResult<()> {
        let items = self.symdiff_items(other)?;
        t.symmetric_difference_update(&items);
        Ok(())
    }

    /// `set_symmetric_difference(a, other)` as a table: a copy of `other`
    /// updated with `a`.
    pub fn set_symdiff_table(&mut self, a: Gc<SetObj>, other: Value) -> PyResult<SetTable> {
        let mut t = self.set_table_from(other)?;
        let items = a.table.with(|x| x.hashed());
        t.symmetric_difference_update(&items);
        Ok(t)
    }

    /// `x op y` for two sets (the result has `x`'s type).
    pub fn set_binop(&mut self, op: Operator, x: Gc<SetObj>, y: Gc<SetObj>) -> PyResult<Value> {
        let t = match op {
            Operator::BitOr => {
                let mut t = x.table.with(|t| t.copy());
                if !Gc::ptr_eq(x, y) {
                    y.table.with(|o| t.merge(o));
                }
                t
            }
            Operator::BitAnd => self.set_intersection_table(x, Value::Set(y))?,
            Operator::Sub => self.set_difference_table(x, Value::Set(y))?,
            _ => self.set_symdiff_table(x, Value::Set(y))?,
        };
        Ok(self.new_set(t, x.frozen))
    }

    /// `x op= y` for a mutable set `x` and any set `y`.
    pub fn set_inplace(&mut self, op: Operator, x: Gc<SetObj>, y: Gc<SetObj>) -> PyResult<()> {
        match op {
            Operator::BitOr => self.set_update_obj(x, Value::Set(y)),
            Operator::BitAnd => {
                let t = self.set_intersection_table(x, Value::Set(y))?;
                x.table.with_mut(|xt| xt.replace_body(t));
                Ok(())
            }
            Operator::Sub => self.set_difference_update_obj(x, Value::Set(y)),
            _ => self.set_symdiff_update_obj(x, Value::Set(y)),
        }
    }

    // ----- dict views -------------------------------------------------------

    /// The items a view shows, in dict order (`(key, value)` tuples for items).
    pub fn view_items(&mut self, dv: Gc<DictViewObj>) -> Vec<Value> {
        let entries: Vec<(Value, Value)> =
            dv.dict.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
        match dv.kind {
            ViewKind::Keys => entries.into_iter().map(|e| e.0).collect(),
            ViewKind::Values => entries.into_iter().map(|e| e.1).collect(),
            ViewKind::Items => {
                entries.into_iter().map(|(k, v)| self.new_tuple(vec![k, v])).collect()
            }
        }
    }

    /// `item in view`.
    pub fn view_contains(&mut self, dv: Gc<DictViewObj>, item: Value) -> PyResult<bool> {
        match dv.kind {
            ViewKind::Keys => match dv.dict.get(item) {
                Ok(v) => Ok(v.is_some()),
                Err(_) => Err(self.unhashable_err(item)),
            },
            ViewKind::Values => {
                let vals: Vec<Value> = dv.dict.table.with(|t| t.iter().map(|e| e.value).collect());
                for x in vals {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            ViewKind::Items => {
                let Value::Tuple(t) = item else { return Ok(false) };
                if t.items.len() != 2 {
                    return Ok(false);
                }
                match dv.dict.get(t.items[0]) {
                    Ok(Some(v)) => Ok(v.is(t.items[1]) || self.eq(v, t.items[1])?),
                    Ok(None) => Ok(false),
                    Err(_) => Err(self.unhashable_err(t.items[0])),
                }
            }
        }
    }

    /// A keys or items view (the set-like ones).
    pub fn setlike_view(v: Value) -> Option<Gc<DictViewObj>> {
        match v {
            Value::DictView(dv) if dv.kind != ViewKind::Values => Some(dv),
            _ => None,
        }
    }

    /// `dictviews_to_set`: a keys view of a dict builds from the dict itself.
    fn view_to_set(&mut self, v: Value) -> PyResult<SetTable> {
        match v {
            Value::DictView(dv) if dv.kind == ViewKind::Keys => {
                self.set_table_from(Value::Dict(dv.dict))
            }
            _ => self.set_table_from(v),
        }
    }

    /// `a op b` where `a` or `b` is a keys or items view; `None` when the
    /// operator does not apply (`NotImplemented`).
    pub fn view_binop(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Option<Value>> {
        let t = match op {
            Operator::BitAnd => {
                let (mut view, mut other) = match Self::setlike_view(a) {
                    Some(_) => (a, b),
                    None => (b, a),
                };
                let len_self = self.len(view)?;
                if let Value::Set(s) = other {
                    if !s.frozen && len_self <= s.len() {
                        let t = self.set_intersection_table(s, view)?;
                        return Ok(Some(self.new_set(t, false)));
                    }
                }
                if Self::setlike_view(other).is_some() && self.len(other)? > len_self {
                    std::mem::swap(&mut view, &mut other);
                }
                let items = self.collect_iter(other)?;
                let Some(dv) = Self::setlike_view(view) else { return Ok(None) };
                let mut t = SetTable::new();
                for k in items {
                    if self.view_contains(dv, k)? && t.add(k).is_err() {
                        return Err(self.unhashable_err(k));
                    }
                }
                t
            }
            Operator::BitOr => {
                let mut t = self.view_to_set(a)?;
                self.set_update_table(&mut t, b)?;
                t
            }
            Operator::Sub => {
                let mut t = self.view_to_set(a)?;
                self.set_difference_update_table(&mut t, b)?;
                t
            }
            Operator::BitXor => {
                let mut t = self.view_to_set(a)?;
                self.set_symdiff_update_table(&mut t, b)?;
                t
            }
            _ => return Ok(None),
        };
        Ok(Some(self.new_set(t, false)))
    }

    /// `a == b` when one side is a keys/items view and the other a set or
    /// such a view; `None` otherwise.
    pub fn view_eq(&mut self, a: Value, b: Value) -> PyResult<Option<bool>> {
        let setlike = |v: Value| matches!(v, Value::Set(_)) || Self::setlike_view(v).is_some();
        if !(setlike(a) && setlike(b))
            || (Self::setlike_view(a).is_none() && Self::setlike_view(b).is_none())
        {
            return Ok(None);
        }
        if self.len(a)? != self.len(b)? {
            return Ok(Some(false));
        }
        let items = self.collect_iter(a)?;
        for x in items {
            if !self.contains(b, x)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }

    /// `<`, `<=`, `>`, `>=` (op 0..4) when one side is a keys/items view and
    /// the other a set or such a view; `None` otherwise.
    pub fn view_cmp(&mut self, op: u8, a: Value, b: Value) -> PyResult<Option<bool>> {
        let setlike = |v: Value| matches!(v, Value::Set(_)) || Self::setlike_view(v).is_some();
        if !(setlike(a) && setlike(b))
            || (Self::setlike_view(a).is_none() && Self::setlike_view(b).is_none())
        {
            return Ok(None);
        }
        let (la, lb) = (self.len(a)?, self.len(b)?);
        let (small, big, strict) = match op {
            0 => (a, b, true),
            1 => (a, b, false),
            2 => (b, a, true),
            _ => (b, a, false),
        };
        let (ls, lg) = if small.is(a) { (la, lb) } else { (lb, la) };
        if ls > lg || (strict && ls == lg) {
            return Ok(Some(false));
        }
        let items = self.collect_iter(small)?;
        for x in items {
            if !self.contains(big, x)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }
}
