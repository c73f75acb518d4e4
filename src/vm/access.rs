//! Attribute and item access on the builtin types: `obj.name`, method
//! lookup for calls, `obj[key]` (indexes and slices), assignment and
//! deletion, with CPython's error messages.

use super::{PyResult, Vm};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::BuiltinObj;
use crate::runtime::object::TypeId;
use crate::runtime::value::Value;

/// CPython's slice index normalization for a sequence of length `len`.
pub fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> (i64, i64, i64) {
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lower {
                        x = lower;
                    }
                } else if x > upper {
                    x = upper;
                }
                x
            }
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, step, count)
}

/// A slice whose bounds are ints or None (so resolving it runs no Python
/// code), resolved against `len`: (start, step, count).
#[inline]
fn plain_slice(k: Value, len: usize) -> Option<(i64, i64, i64)> {
    let Value::Slice(s) = k else { return None };
    let plain = |v: Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(i)),
        _ => None,
    };
    let step = plain(s.step)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(slice_indices(len as i64, plain(s.start)?, plain(s.stop)?, step))
}

impl Vm {
    fn index_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        Ok(match v {
            Value::None => None,
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::BigInt(b) => {
                use num_traits::Signed;
                Some(if b.value.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })
            }
            Value::Instance(_) if self.has_index(v) => {
                let i = self.index_value(v)?;
                return self.index_of(i);
            }
            _ => {
                return Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        })
    }

    /// Resolve a slice object against a length: (start, step, count).
    pub fn slice_of(&mut self, s: Value, len: usize) -> PyResult<(i64, i64, i64)> {
        let Value::Slice(s) = s else { return Ok((0, 1, 0)) };
        let step = self.index_of(s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = self.index_of(s.start)?;
        let stop = self.index_of(s.stop)?;
        Ok(slice_indices(len as i64, start, stop, step))
    }

    fn seq_index(&mut self, k: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match k {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            Value::BigInt(_) => {
                return Err(
                    self.err(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer")
                )
            }
            Value::Instance(_) if self.has_index(k) => {
                let i = self.index_value(k)?;
                return self.seq_index(i, len, what);
            }
            _ => {
                return Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(k)
                )))
            }
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            let msg = match what {
                "list" => "list index out of range",
                "tuple" => "tuple index out of range",
                "string" => "string index out of range",
                "range object" => "range object index out of range",
                _ => "index out of range",
            };
            return Err(self.err(ExcKind::IndexError, msg));
        }
        Ok(j as usize)
    }

    /// `s[start::step]` for `count` code points (from `slice_of`): the
    /// string itself for all of it, text copied straight into the result.
    pub fn str_slice(
        &mut self,
        s: crate::runtime::heap::Gc<crate::runtime::str::StrObj>,
        start: i64,
        step: i64,
        count: i64,
    ) -> Value {
        let count = count as usize;
        if step == 1 && count == s.char_len() {
            return Value::Str(s);
        }
        let text = s.as_str();
        if s.is_ascii() {
            let b = text.as_bytes();
            if step == 1 {
                let start = start as usize;
                return Value::Str(self.heap.alloc_str(&text[start..start + count]));
            }
            let g = self.heap.str_with(count, Some(count), |w| {
                let mut i = start;
                for _ in 0..count {
                    w.push_ascii(b[i as usize]);
                    i += step;
                }
            });
            return Value::Str(g);
        }
        if step == 1 {
            let mut it = text.char_indices().skip(start as usize);
            let b0 = it.next().map_or(text.len(), |(p, _)| p);
            let b1 = text[b0..].char_indices().nth(count).map_or(text.len(), |(p, _)| b0 + p);
            return Value::Str(self.heap.alloc_str(&text[b0..b1]));
        }
        let chars: Vec<char> = text.chars().collect();
        let picked: String =
            (0..count as i64).map(|i| chars[(start + i * step) as usize]).collect();
        Value::Str(self.heap.alloc_str(&picked))
    }

    pub fn get_item(&mut self, x: Value, k: Value) -> PyResult<Value> {
        match x {
            Value::Instance(_) => self.instance_getitem(x, k),
            Value::Type(t) if t.class.is_some() => self.class_getitem(t, k),
            Value::List(l) => {
                if let Some((start, step, count)) = plain_slice(k, l.len()) {
                    let out: Vec<Value> = l.items.with(|items| {
                        if step == 1 {
                            let start = start as usize;
                            items[start..start + count as usize].to_vec()
                        } else {
                            (0..count).map(|i| items[(start + i * step) as usize]).collect()
                        }
                    });
                    return Ok(self.new_list(out));
                }
                if let Value::Slice(_) = k {
                    let items = l.snapshot();
                    let (start, step, count) = self.slice_of(k, items.len())?;
                    let out: Vec<Value> =
                        (0..count).map(|i| items[(start + i * step) as usize]).collect();
                    return Ok(self.new_list(out));
                }
                let i = self.seq_index(k, l.len(), "list")?;
                Ok(l.get(i).unwrap_or(Value::None))
            }
            Value::Tuple(t) => {
                if let Value::Slice(_) = k {
                    let (start, step, count) = self.slice_of(k, t.items.len())?;
                    let out: Vec<Value> =
                        (0..count).map(|i| t.items[(start + i * step) as usize]).collect();
                    return Ok(self.new_tuple(out));
                }
                let i = self.seq_index(k, t.items.len(), "tuple")?;
                Ok(t.items[i])
            }
            Value::Str(s) => {
                if let Value::Slice(_) = k {
                    let (start, step, count) = self.slice_of(k, s.char_len())?;
                    return Ok(self.str_slice(s, start, step, count));
                }
                if let Value::Int(i) = k {
                    if s.is_ascii() {
                        let n = s.byte_len() as i64;
                        let j = if i < 0 { i + n } else { i };
                        if (0..n).contains(&j) {
                            return Ok(Value::Str(self.heap.ascii_char(s.as_bytes()[j as usize])));
                        }
                    }
                }
                let i = self.seq_index(k, s.char_len(), "string")?;
                Ok(Value::Str(self.heap.alloc_str(s.char_at(i))))
            }
            Value::Bytes(b) => {
                if let Value::Slice(_) = k {
                    let (start, step, count) = self.slice_of(k, b.data.len())?;
                    let out: Vec<u8> =
                        (0..count).map(|i| b.data[(start + i * step) as usize]).collect();
                    return Ok(Value::Bytes(
                        self.heap.alloc(crate::runtime::object::BytesObj { data: out.into() }),
                    ));
                }
                let i = self.seq_index(k, b.data.len(), "index")?;
                Ok(Value::Int(b.data[i] as i64))
            }
            Value::Range(r) => {
                let len = r.len();
                if let Value::Slice(_) = k {
                    let (start, step, count) =
                        self.slice_of(k, len.min(i64::MAX as i128) as usize)?;
                    let (start, step, count) = (start as i128, step as i128, count as i128);
                    let ns = r.item(start);
                    let nstep = r.step.saturating_mul(step);
                    let nstop = ns.saturating_add(count.saturating_mul(nstep));
                    return Ok(Value::Range(self.heap.alloc(crate::runtime::object::RangeObj {
                        start: ns,
                        stop: nstop,
                        step: nstep,
                    })));
                }
                let k = match k {
                    Value::Instance(_) if self.has_index(k) => self.index_value(k)?,
                    other => other,
                };
                let i = match k {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                        super::ops::to_bigint(k).and_then(|b| num_traits::ToPrimitive::to_i128(&b))
                    }
                    _ => {
                        return Err(self.type_error(format!(
                            "range indices must be integers or slices, not {}",
                            self.type_name(k)
                        )))
                    }
                };
                let j = i.map(|i| if i < 0 { i + len } else { i });
                match j {
                    Some(j) if (0..len).contains(&j) => {
                        Ok(crate::builtins::numbers::int_from_i128(self, r.item(j)))
                    }
                    _ => Err(self.err(ExcKind::IndexError, "range object index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_lookup(d, k)? {
                Some(v) => Ok(v),
                None => Err(self.err_args(ExcKind::KeyError, vec![k])),
            },
            Value::Type(t)
                if matches!(
                    t.id,
                    TypeId::List | TypeId::Dict | TypeId::Tuple | TypeId::Set | TypeId::Type
                ) =>
            {
                Ok(x)
            }
            _ => {
                Err(self.type_error(format!("'{}' object is not subscriptable", self.type_name(x))))
            }
        }
    }

    pub fn set_item(&mut self, x: Value, k: Value, v: Value) -> PyResult<()> {
        match x {
            Value::Instance(_) => self.instance_setitem(x, k, v),
            Value::List(l) => {
                // `l[a:b:c] = other_list`: copy straight from the source.
                if let Value::List(src) = v {
                    if src.addr() != l.addr() {
                        if let Some((start, step, count)) = plain_slice(k, l.len()) {
                            if step == 1 {
                                let start = start as usize;
                                let end = start + count as usize;
                                src.items.with(|s| {
                                    l.items.with_mut(|items| {
                                        if s.len() == end - start {
                                            items[start..end].copy_from_slice(s);
                                        } else {
                                            items.splice(start..end, s.iter().copied());
                                        }
                                    })
                                });
                                return Ok(());
                            }
                            if src.len() as i64 == count {
                                src.items.with(|s| {
                                    l.items.with_mut(|items| {
                                        for (i, &nv) in s.iter().enumerate() {
                                            items[(start + i as i64 * step) as usize] = nv;
                                        }
                                    })
                                });
                                return Ok(());
                            }
                        }
                    }
                }
                if let Value::Slice(_) = k {
                    let new_items = self.collect_iter(v)?;
                    let len = l.len();
                    let (start, step, count) = self.slice_of(k, len)?;
                    if step == 1 {
                        let start = start as usize;
                        let end = start + count as usize;
                        l.items.with_mut(|items| {
                            items.splice(start..end.max(start), new_items);
                        });
                        return Ok(());
                    }
                    if new_items.len() as i64 != count {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {count}",
                            new_items.len()
                        )));
                    }
                    l.items.with_mut(|items| {
                        for (i, nv) in new_items.into_iter().enumerate() {
                            items[(start + i as i64 * step) as usize] = nv;
                        }
                    });
                    return Ok(());
                }
                let n = l.len();
                let k = match k {
                    Value::Instance(_) if self.has_index(k) => self.index_value(k)?,
                    other => other,
                };
                let i = match k {
                    Value::Int(_) | Value::Bool(_) => {
                        self.seq_index(k, n, "list").map_err(|_| ()).ok()
                    }
                    _ => {
                        return Err(self.type_error(format!(
                            "list indices must be integers or slices, not {}",
                            self.type_name(k)
                        )))
                    }
                };
                match i {
                    Some(i) => {
                        l.set(i, v);
                        Ok(())
                    }
                    None => {
                        Err(self.err(ExcKind::IndexError, "list assignment index out of range"))
                    }
                }
            }
            Value::Dict(d) => self.dict_set(d, k, v),
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(x)
            ))),
        }
    }

    pub fn del_item(&mut self, x: Value, k: Value) -> PyResult<()> {
        match x {
            Value::Instance(_) => self.instance_delitem(x, k),
            Value::List(l) => {
                if let Value::Slice(_) = k {
                    let (start, step, count) = self.slice_of(k, l.len())?;
                    let mut idx: Vec<usize> =
                        (0..count).map(|i| (start + i * step) as usize).collect();
                    idx.sort_unstable();
                    l.items.with_mut(|items| {
                        for i in idx.into_iter().rev() {
                            items.remove(i);
                        }
                    });
                    return Ok(());
                }
                let n = l.len();
                let i = match self.seq_index(k, n, "list") {
                    Ok(i) => i,
                    Err(_) => {
                        return Err(
                            self.err(ExcKind::IndexError, "list assignment index out of range")
                        )
                    }
                };
                l.items.with_mut(|items| {
                    items.remove(i);
                });
                Ok(())
            }
            Value::Dict(d) => match self.dict_remove(d, k)? {
                Some(_) => Ok(()),
                None => Err(self.err_args(ExcKind::KeyError, vec![k])),
            },
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(x)
            ))),
        }
    }

    /// `obj.name` for a method call: (method, self) or (attribute, Null).
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        if let (Value::Instance(_), Value::Str(n)) = (obj, name) {
            return self.instance_load_method(obj, n);
        }
        if let (Value::Exception(e), Value::Str(n)) = (obj, name) {
            if e.class.is_some() {
                return self.instance_load_method(obj, n);
            }
        }
        let n = name.as_str().unwrap_or("");
        if !matches!(obj, Value::Module(_) | Value::Type(_)) {
            if let Some(&m) = self.methods.get(&(super::ops::type_id(obj), n)) {
                return Ok((m, obj));
            }
        }
        Ok((self.get_attr(obj, name)?, Value::Null))
    }

    pub fn get_attr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        if let Value::Str(ns) = name {
            match obj {
                Value::Module(m) => {
                    if let Ok(Some(v)) = m.dict.get(name) {
                        return Ok(v);
                    }
                }
                Value::Instance(_) => return self.instance_getattr(obj, ns),
                Value::Type(t) if t.class.is_some() => return self.class_getattr(t, ns),
                Value::Exception(e) if e.class.is_some() => {
                    if let Some(v) = self.generic_getattr(obj, ns)? {
                        return Ok(v);
                    }
                }
                _ => {}
            }
        }
        let n = name.as_str().unwrap_or("").to_string();
        match obj {
            Value::Module(m) => {
                if let Ok(Some(v)) = m.dict.get(name) {
                    return Ok(v);
                }
                let msg = format!("module '{}' has no attribute '{n}'", m.name.as_str());
                return Err(self.err(ExcKind::AttributeError, msg));
            }
            Value::BoundMethod(m) => match n.as_str() {
                "__self__" => return Ok(m.receiver),
                "__func__" => return Ok(m.func),
                _ => return self.get_attr(m.func, name),
            },
            Value::Function(f) => match n.as_str() {
                "__name__" => return Ok(Value::Str(f.name)),
                _ if !matches!(n.as_str(), "__qualname__" | "__defaults__" | "__module__") => {
                    if let Some(v) = crate::builtins::attrs::function_attr(self, f, &n) {
                        return Ok(v);
                    }
                }
                "__qualname__" => return Ok(Value::Str(f.qualname)),
                "__defaults__" => {
                    return Ok(if f.defaults.is_empty() {
                        Value::None
                    } else {
                        self.new_tuple(f.defaults.to_vec())
                    })
                }
                "__doc__" => return Ok(Value::None),
                "__module__" => return Ok(self.new_str("__main__")),
                _ => {}
            },
            Value::Builtin(b) => match n.as_str() {
                "__name__" => return Ok(self.new_str(b.name)),
                "__qualname__" => {
                    return Ok(match b.owner {
                        Some(o) => self.new_str(format!("{o}.{}", b.name)),
                        None => self.new_str(b.name),
                    })
                }
                "__self__" if !b.bound.is_null() => return Ok(b.bound),
                _ => {}
            },
            Value::Type(t) => match n.as_str() {
                "__name__" | "__qualname__" => return Ok(self.new_str(t.name())),
                "__module__" => return Ok(self.new_str("builtins")),
                _ => {
                    let key = (t.id, n.as_str());
                    if let Some((&(_, _), &m)) = self.methods.get_key_value(&key) {
                        return Ok(m);
                    }
                    if let Some(v) = crate::builtins::type_attr(self, t, &n) {
                        return Ok(v);
                    }
                }
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match n.as_str() {
                "real" | "numerator" => {
                    return Ok(super::ops::int_value(
                        self,
                        super::ops::to_bigint(obj).unwrap_or_default(),
                    ))
                }
                "imag" => return Ok(Value::Int(0)),
                "denominator" => return Ok(Value::Int(1)),
                _ => {}
            },
            Value::Float(f) => match n.as_str() {
                "real" => return Ok(Value::Float(f)),
                "imag" => return Ok(Value::Float(0.0)),
                _ => {}
            },
            Value::Range(r) => match n.as_str() {
                "start" => return Ok(crate::builtins::numbers::int_from_i128(self, r.start)),
                "stop" => return Ok(crate::builtins::numbers::int_from_i128(self, r.stop)),
                "step" => return Ok(crate::builtins::numbers::int_from_i128(self, r.step)),
                _ => {}
            },
            Value::Tuple(t) => {
                if let Some(v) = t.field(&n) {
                    return Ok(v);
                }
            }
            Value::Slice(s) => match n.as_str() {
                "start" => return Ok(s.start),
                "stop" => return Ok(s.stop),
                "step" => return Ok(s.step),
                _ => {}
            },
            Value::Exception(e) => {
                if let Some(v) = crate::builtins::exceptions::get_attr(self, e, &n) {
                    return Ok(v);
                }
            }
            Value::Complex(z) => {
                if let Some(v) = crate::builtins::complex::get_attr(&z, &n) {
                    return Ok(v);
                }
            }
            Value::Traceback(tb) => {
                if let Some(v) = crate::builtins::exceptions::traceback_attr(&tb, &n) {
                    return Ok(v);
                }
            }
            Value::Generator(g) => {
                if let Some(v) = self.gen_attr(g, &n) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        if let (Value::Exception(_), Value::Str(ns)) = (obj, name) {
            return self.instance_getattr(obj, ns);
        }
        if let (Value::Type(t), Value::Str(ns)) = (obj, name) {
            return self.builtin_type_getattr(t, ns);
        }
        // A builtin type's method, bound.
        let ty = super::ops::type_id(obj);
        if let Some(&Value::Builtin(m)) = self.methods.get(&(ty, n.as_str())) {
            let b = self.heap.alloc(BuiltinObj::new(m.name, m.owner, m.func, obj));
            return Ok(Value::Builtin(b));
        }
        if n == "__class__" {
            return Ok(Value::Type(self.type_of(obj)));
        }
        // Class attributes through an instance (`(1).from_bytes`).
        let t = self.type_of(obj);
        if let Some(v) = crate::builtins::type_attr(self, t, &n) {
            return Ok(v);
        }
        let tname = match obj {
            Value::Tuple(t) if t.seq().is_some() => t.seq().map_or("tuple", |s| s.name),
            _ => self.type_name(obj),
        };
        let mut msg = format!("'{tname}' object has no attribute '{n}'");
        if let Some(s) = self.suggest_attr(ty, &n) {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        Err(self.err(ExcKind::AttributeError, msg))
    }

    fn suggest_attr(&self, ty: TypeId, name: &str) -> Option<&'static str> {
        let candidates: Vec<&'static str> =
            self.methods.keys().filter(|(t, _)| *t == ty).map(|(_, n)| *n).collect();
        crate::builtins::suggest(name, candidates.into_iter())
    }

    pub fn set_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        if let Value::Str(ns) = name {
            match obj {
                Value::Instance(_) | Value::Exception(_) => {
                    return self.instance_setattr(obj, ns, v)
                }
                Value::Type(t) => return self.class_setattr(t, ns, Some(v)),
                _ => {}
            }
        }
        let n = name.as_str().unwrap_or("").to_string();
        if let Value::Module(m) = obj {
            return self.dict_set(m.dict, name, v);
        }
        if let Value::Function(f) = obj {
            return crate::builtins::attrs::set_function_attr(self, f, name, v);
        }
        if let Value::Exception(e) = obj {
            return crate::builtins::exceptions::set_attr(self, e, &n, v);
        }
        let tname = self.type_name(obj);
        if self.methods.contains_key(&(super::ops::type_id(obj), n.as_str())) {
            return Err(self.err(
                ExcKind::AttributeError,
                format!("'{tname}' object attribute '{n}' is read-only"),
            ));
        }
        Err(self.err(ExcKind::AttributeError, format!("'{tname}' object has no attribute '{n}'")))
    }

    pub fn del_attr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        if let Value::Str(ns) = name {
            match obj {
                Value::Instance(_) | Value::Exception(_) => return self.instance_delattr(obj, ns),
                Value::Type(t) => return self.class_setattr(t, ns, None),
                _ => {}
            }
        }
        if let Value::Module(m) = obj {
            if let Ok(Some(_)) = m.dict.table.with_mut(|t| t.remove(name)) {
                return Ok(());
            }
        }
        if let Value::Function(f) = obj {
            if let Some(d) = f.attr_dict() {
                if let Ok(Some(_)) = d.table.with_mut(|t| t.remove(name)) {
                    return Ok(());
                }
            }
        }
        let n = name.as_str().unwrap_or("").to_string();
        let tname = self.type_name(obj);
        Err(self.err(ExcKind::AttributeError, format!("'{tname}' object has no attribute '{n}'")))
    }

    pub fn import(&mut self, name: Value) -> PyResult<Value> {
        let n = name.as_str().unwrap_or("").to_string();
        if let Some(&m) = self.modules.get(&n) {
            return Ok(m);
        }
        if crate::modules::load(self, &n) {
            if let Some(&m) = self.modules.get(&n) {
                return Ok(m);
            }
        }
        let err = self.err(ExcKind::ModuleNotFoundError, format!("No module named '{n}'"));
        crate::builtins::exceptions::set_attr(self, err.0, "name", name)?;
        Err(err)
    }

    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Value::Module(module) = m {
            if let Ok(Some(v)) = module.dict.get(name) {
                return Ok(v);
            }
            let n = name.as_str().unwrap_or("");
            let msg = format!(
                "cannot import name '{n}' from '{}' (unknown location)",
                module.name.as_str()
            );
            let err = self.err(ExcKind::ImportError, msg);
            crate::builtins::exceptions::set_attr(self, err.0, "name", Value::Str(module.name))?;
            return Err(err);
        }
        self.get_attr(m, name)
    }
}
