//! Dict and set operations on keys whose hash or equality is Python code
//! (instances of classes with `__hash__`/`__eq__`, or of subclasses of
//! builtin types): the hash comes from `hash()`, and the entries with that
//! hash are compared with `==` outside any borrow of the table, since
//! `__eq__` may run arbitrary code (even mutate the table).

use super::{PyResult, Vm};
use crate::runtime::compare::needs_vm_hash;
use crate::runtime::dict::DictObj;
use crate::runtime::heap::Gc;
use crate::runtime::set::SetObj;
use crate::runtime::value::Value;

impl Vm {
    /// The hash of `key` and the position of an equal key in `d`.
    fn dict_find(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<(i64, Option<usize>)> {
        let h = self.hash(key)?;
        let cands = d.table.with(|t| t.candidates(h));
        let mark = self.temp_roots.len();
        self.temp_roots.push(key);
        let mut found = None;
        let mut err = None;
        for i in cands {
            let k = d.table.with(|t| t.key_at(i));
            if k.is_null() {
                continue;
            }
            self.temp_roots.push(k);
            match k.is(key) || {
                match self.eq(k, key) {
                    Ok(b) => b,
                    Err(e) => {
                        err = Some(e);
                        false
                    }
                }
            } {
                true => {
                    found = Some(i);
                    break;
                }
                false if err.is_some() => break,
                false => {}
            }
        }
        self.temp_roots.truncate(mark);
        match err {
            Some(e) => Err(e),
            None => Ok((h, found)),
        }
    }

    /// `d[key]` (None if missing) for any key.
    pub fn dict_lookup(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        if !needs_vm_hash(key) {
            return match d.get(key) {
                Ok(v) => Ok(v),
                Err(_) => Err(self.unhashable_key(key)),
            };
        }
        let (_, i) = self.dict_find(d, key)?;
        Ok(i.map(|i| d.table.with(|t| t.value_at(i))))
    }

    /// `d[key] = v` for a key that needs the VM.
    pub fn dict_store_slow(&mut self, d: Gc<DictObj>, key: Value, v: Value) -> PyResult<()> {
        let (h, i) = self.dict_find(d, key)?;
        match i {
            Some(i) => d.table.with_mut(|t| t.set_value_at(i, v)),
            None => d.table.with_mut(|t| t.insert_hashed(h, key, v)),
        }
        Ok(())
    }

    /// `del d[key]` / `d.pop(key)`: the removed value, None if missing.
    pub fn dict_remove(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        if !needs_vm_hash(key) {
            return match d.table.with_mut(|t| t.remove(key)) {
                Ok(v) => Ok(v),
                Err(_) => Err(self.unhashable_key(key)),
            };
        }
        let (_, i) = self.dict_find(d, key)?;
        Ok(i.and_then(|i| d.table.with_mut(|t| t.remove_at(i))))
    }

    fn unhashable_key(&mut self, key: Value) -> super::PyErr {
        self.type_error(format!("unhashable type: '{}'", self.type_name(key)))
    }

    /// The slot of an element equal to `key` in set `s`, and `key`'s hash.
    fn set_find(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<(i64, Option<usize>)> {
        let h = self.hash(key)?;
        let cands = s.table.with(|t| t.candidates(h));
        let mark = self.temp_roots.len();
        self.temp_roots.push(key);
        let mut r = Ok((h, None));
        for j in cands {
            let k = s.table.with(|t| t.slot_key(j));
            if k.is_null() {
                continue;
            }
            self.temp_roots.push(k);
            if k.is(key) {
                r = Ok((h, Some(j)));
                break;
            }
            match self.eq(k, key) {
                Ok(true) => {
                    r = Ok((h, Some(j)));
                    break;
                }
                Ok(false) => {}
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.temp_roots.truncate(mark);
        r
    }

    /// `key in s` for a key that needs the VM.
    pub fn set_contains_slow(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        Ok(self.set_find(s, key)?.1.is_some())
    }

    /// `s.add(key)` for a key that needs the VM; false if already there.
    pub fn set_add_slow(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        let (h, j) = self.set_find(s, key)?;
        if j.is_some() {
            return Ok(false);
        }
        Ok(s.table.with_mut(|t| t.add_hashed(h, key)))
    }

    /// `s.discard(key)` for a key that needs the VM; whether it was there.
    pub fn set_discard_slow(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        let (_, j) = self.set_find(s, key)?;
        Ok(match j {
            Some(j) => s.table.with_mut(|t| t.remove_slot(j)),
            None => false,
        })
    }
}
