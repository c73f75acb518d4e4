//! The structural pattern matching of the `match` statement: what the
//! handlers of `MatchSeq`, `MatchMap`, `MatchKeys`, `MatchClass` and
//! `CopyDictWithoutKeys` do (CPython 3.11's `MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `MATCH_KEYS`, `MATCH_CLASS` and the `**rest` copy of
//! `compiler_pattern_mapping`), with CPython's order of lookups and its
//! error messages.
//!
//! Values found while Python code may still run (a `get` method, a
//! property, `__instancecheck__`) are kept on `temp_roots` until the
//! handler writes them to registers, all at once: an instruction that
//! raises has written nothing.

use super::{PyResult, Vm};
use crate::runtime::compare::needs_vm_hash;
use crate::runtime::dict::{DictObj, DictTable};
use crate::runtime::exception::ExcKind;
use crate::runtime::heap::Gc;
use crate::runtime::instance::InstanceObj;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::str::StrObj;
use crate::runtime::tuple::TupleObj;
use crate::runtime::value::Value;

/// The builtin types whose class patterns match the subject itself with one
/// positional sub-pattern (`int(x)`), CPython's `_Py_TPFLAGS_MATCH_SELF`.
const MATCH_SELF: [TypeId; 10] = [
    TypeId::Bool,
    TypeId::Bytes,
    TypeId::Dict,
    TypeId::Float,
    TypeId::FrozenSet,
    TypeId::Int,
    TypeId::List,
    TypeId::Set,
    TypeId::Str,
    TypeId::Tuple,
];

/// Where the keys of a mapping pattern were seen (duplicates raise).
enum Seen {
    /// Keys hashed natively (no Python code runs).
    Native(DictTable),
    /// Some key has a Python `__hash__`/`__eq__`: a rooted dict.
    Dict(Gc<DictObj>),
}

impl Vm {
    /// `MATCH_SEQUENCE`: a list, tuple or range, or an instance of a
    /// subclass of list or tuple (never str, bytes or a mapping).
    pub fn is_match_sequence(&self, v: Value) -> bool {
        matches!(self.unwrap_payload(v), Value::List(_) | Value::Tuple(_) | Value::Range(_))
    }

    /// `MATCH_MAPPING`: a dict, an instance of a subclass of dict, or a
    /// `mappingproxy`.
    pub fn is_match_mapping(&self, v: Value) -> bool {
        matches!(self.unwrap_payload(v), Value::Dict(_))
    }

    /// `MATCH_KEYS`: the values of `keys` in the mapping `map`, looked up
    /// with its `get` method (so `__missing__` is never called); `None`
    /// when one is missing. A key equal to an earlier one is a ValueError.
    pub fn match_keys(&mut self, map: Value, keys: &[Value]) -> PyResult<Option<Vec<Value>>> {
        if keys.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let mark = self.temp_roots.len();
        let r = self.match_keys_rooted(map, keys);
        self.temp_roots.truncate(mark);
        r
    }

    fn match_keys_rooted(&mut self, map: Value, keys: &[Value]) -> PyResult<Option<Vec<Value>>> {
        // The `get` method, unless it is dict's own: then a plain lookup.
        let direct = match map {
            Value::Dict(d) => Some(d),
            _ => None,
        };
        let mut method = (Value::Null, Value::Null);
        let direct = match direct {
            Some(d) => Some(d),
            None => {
                let name = Value::Str(self.intern("get"));
                method = self.load_method(map, name)?;
                self.temp_roots.extend([method.0, method.1]);
                match (method.0, self.unwrap_payload(map)) {
                    (Value::Builtin(b), Value::Dict(d))
                        if b.name == "get" && b.owner == Some("dict") =>
                    {
                        Some(d)
                    }
                    _ => None,
                }
            }
        };
        let mut seen = if keys.iter().any(|&k| needs_vm_hash(k)) {
            let d = self.heap.alloc(DictObj::new());
            self.temp_roots.push(Value::Dict(d));
            Seen::Dict(d)
        } else {
            Seen::Native(DictTable::new())
        };
        // The default of `get(key, dummy)`: a fresh `object()`.
        let mut dummy = Value::Null;
        if direct.is_none() {
            let t = self.type_obj(TypeId::Object);
            dummy = Value::Instance(self.heap.alloc(InstanceObj::new(t, 0)));
            self.temp_roots.push(dummy);
        }
        let values_mark = self.temp_roots.len();
        for &key in keys {
            // Seen before? (`PySet_Contains` then `PySet_Add`.)
            let dup = match &mut seen {
                Seen::Native(t) => match t.contains(key) {
                    Ok(true) => true,
                    Ok(false) => {
                        let _ = t.insert(key, Value::None);
                        false
                    }
                    Err(_) => return Err(self.unhashable_err(key)),
                },
                Seen::Dict(d) => {
                    let d = *d;
                    if self.dict_lookup(d, key)?.is_some() {
                        true
                    } else {
                        self.dict_set(d, key, Value::None)?;
                        false
                    }
                }
            };
            if dup {
                let r = self.repr(key)?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            let value = match direct {
                Some(d) => self.dict_lookup(d, key)?,
                None => {
                    let v = if method.1.is_null() {
                        self.call_value(method.0, &[key, dummy], &[])?
                    } else {
                        self.call_value(method.0, &[method.1, key, dummy], &[])?
                    };
                    (!v.is(dummy)).then_some(v)
                }
            };
            match value {
                Some(v) => self.temp_roots.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(self.temp_roots[values_mark..].to_vec()))
    }

    /// A mapping pattern's `**rest`: a new dict with the items of `map`
    /// (`dict.update`), then each key deleted in order.
    pub fn copy_dict_without_keys(&mut self, map: Value, keys: &[Value]) -> PyResult<Value> {
        let d = self.heap.alloc(DictObj::new());
        let mark = self.temp_roots.len();
        self.temp_roots.push(Value::Dict(d));
        let mut r = self.dict_update(d, map);
        for &k in keys {
            if r.is_err() {
                break;
            }
            r = self.del_item(Value::Dict(d), k);
        }
        self.temp_roots.truncate(mark);
        r.map(|_| Value::Dict(d))
    }

    /// `MATCH_CLASS`: match `subject` against the class `cls` with `total`
    /// sub-patterns, the last `kwnames.len()` of them keyword ones. The
    /// attributes for the sub-patterns on a match, `None` when there is
    /// none; the TypeErrors of a bad class or `__match_args__`.
    pub fn match_class(
        &mut self,
        subject: Value,
        cls: Value,
        kwnames: Value,
        total: usize,
    ) -> PyResult<Option<Vec<Value>>> {
        let Value::Type(t) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        let kw_tuple = match kwnames {
            Value::Tuple(k) => Some(k),
            _ => None,
        };
        let kwnames: &[Value] = kw_tuple.as_ref().map_or(&[], |k| &k.items);
        let nargs = total.saturating_sub(kwnames.len());
        if !crate::builtins::functions::instance_check(self, subject, t)? {
            return Ok(None);
        }
        let mark = self.temp_roots.len();
        let r = self.match_class_rooted(subject, t, nargs, kwnames);
        self.temp_roots.truncate(mark);
        r
    }

    fn match_class_rooted(
        &mut self,
        subject: Value,
        t: Gc<TypeObj>,
        nargs: usize,
        kwnames: &[Value],
    ) -> PyResult<Option<Vec<Value>>> {
        let mut seen: Vec<Gc<StrObj>> = Vec::new();
        let mut match_args: Option<Gc<TupleObj>> = None;
        let mut match_self = false;
        if nargs > 0 {
            let name = Value::Str(self.intern("__match_args__"));
            match self.get_attr(Value::Type(t), name) {
                Ok(Value::Tuple(m)) => {
                    self.temp_roots.push(Value::Tuple(m));
                    match_args = Some(m);
                }
                Ok(other) => {
                    return Err(self.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name(),
                        self.type_name(other)
                    )))
                }
                Err(e) if e.0.kind == ExcKind::AttributeError => {
                    match_self = self.mro_of(t).iter().any(|k| {
                        k.class.is_none() && k.exc.is_none() && MATCH_SELF.contains(&k.id)
                    });
                }
                Err(e) => return Err(e),
            }
            let allowed = if match_self { 1 } else { match_args.map_or(0, |m| m.items.len()) };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                    t.name()
                )));
            }
        }
        let attrs_mark = self.temp_roots.len();
        if match_self {
            self.temp_roots.push(subject);
        } else if let Some(m) = match_args {
            for i in 0..nargs {
                let name = m.items[i];
                let Value::Str(s) = name else {
                    return Err(self.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        self.type_name(name)
                    )));
                };
                match self.match_class_attr(subject, t, s, &mut seen)? {
                    Some(v) => self.temp_roots.push(v),
                    None => return Ok(None),
                }
            }
        }
        for &name in kwnames {
            let Value::Str(s) = name else { continue };
            match self.match_class_attr(subject, t, s, &mut seen)? {
                Some(v) => self.temp_roots.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(self.temp_roots[attrs_mark..].to_vec()))
    }

    /// One attribute of a class pattern (`None`: the subject lacks it).
    fn match_class_attr(
        &mut self,
        subject: Value,
        t: Gc<TypeObj>,
        name: Gc<StrObj>,
        seen: &mut Vec<Gc<StrObj>>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s.as_str() == name.as_str()) {
            let r = self.repr(Value::Str(name))?;
            return Err(self.type_error(format!(
                "{}() got multiple sub-patterns for attribute {r}",
                t.name()
            )));
        }
        seen.push(name);
        match self.get_attr(subject, Value::Str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.0.kind == ExcKind::AttributeError => Ok(None),
            Err(e) => Err(e),
        }
    }
}
