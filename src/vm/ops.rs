//! Operations on values: truth, repr/str, arithmetic, comparison, items,
//! iteration, length and containment, with CPython's results and error
//! messages. The dispatch loop inlines the int/float fast paths and calls
//! these for everything else.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{PyResult, Vm};
use crate::runtime::compare::{eq_builtin, hash_key};
use crate::runtime::dict::ViewKind;
use crate::runtime::exception::ExcKind;
use crate::runtime::int::limbs;
use crate::runtime::iter::{IterObj, IterState};
use crate::runtime::object::{BigIntObj, TypeId};
use crate::runtime::set::SetObj;
use crate::runtime::settable::hash_lookup_key;
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;

/// The builtin type of a value.
pub fn type_id(v: Value) -> TypeId {
    match v {
        Value::None => TypeId::NoneType,
        Value::Bool(_) => TypeId::Bool,
        Value::Int(_) | Value::BigInt(_) => TypeId::Int,
        Value::Float(_) => TypeId::Float,
        Value::Complex(_) => TypeId::Complex,
        Value::Str(_) => TypeId::Str,
        Value::Bytes(_) => TypeId::Bytes,
        Value::List(_) => TypeId::List,
        Value::Tuple(_) => TypeId::Tuple,
        Value::Dict(_) => TypeId::Dict,
        Value::DictView(v) => match v.kind {
            ViewKind::Keys => TypeId::DictKeys,
            ViewKind::Values => TypeId::DictValues,
            ViewKind::Items => TypeId::DictItems,
        },
        Value::Set(s) => {
            if s.frozen {
                TypeId::FrozenSet
            } else {
                TypeId::Set
            }
        }
        Value::Range(_) => TypeId::Range,
        Value::Slice(_) => TypeId::Slice,
        Value::Function(_) => TypeId::Function,
        Value::Builtin(_) => TypeId::BuiltinFunction,
        Value::BoundMethod(_) => TypeId::Method,
        Value::Cell(_) => TypeId::Cell,
        Value::Iter(_) => TypeId::Iterator,
        Value::Generator(_) => TypeId::Generator,
        Value::Exception(_) => TypeId::Exception,
        Value::Traceback(_) => TypeId::Traceback,
        Value::Type(_) => TypeId::Type,
        Value::Module(_) => TypeId::Module,
        Value::Ellipsis => TypeId::Ellipsis,
        Value::NotImplemented => TypeId::NotImplementedType,
        Value::Null => TypeId::Object,
        Value::Instance(i) => i.class().id,
    }
}

/// Normalize a big int back to `Value::Int` when it fits.
pub fn int_value(vm: &mut Vm, n: BigInt) -> Value {
    match n.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(vm.heap.alloc(BigIntObj { value: n })),
    }
}

/// The value of an int (small or big) as a BigInt.
pub fn to_bigint(v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::BigInt(b) => Some(b.value.clone()),
        _ => None,
    }
}

fn is_int(v: Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// A number as f64 for mixed arithmetic (`None` if not a number).
#[inline]
fn to_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f),
        Value::Int(i) => Some(i as f64),
        Value::Bool(b) => Some(b as i64 as f64),
        Value::BigInt(b) => match b.value.to_f64() {
            Some(f) if f.is_finite() => Some(f),
            _ => return Err(vm.err(ExcKind::OverflowError, "int too large to convert to float")),
        },
        _ => None,
    })
}

impl Vm {
    pub fn type_name(&self, v: Value) -> &'static str {
        self.type_of(v).name()
    }

    // ----- truth ----------------------------------------------------------

    #[inline]
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => b,
            Value::None => false,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::DictView(v) => !v.dict.is_empty(),
            Value::BigInt(_) => true,
            Value::Bytes(b) => !b.data.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Instance(_) => return self.instance_truthy(v),
            _ => true,
        })
    }

    // ----- repr and str ---------------------------------------------------

    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out, 0)?;
        Ok(out)
    }

    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Exception(e) if e.class.is_none() => Ok(self.exc_str(&e)),
            Value::Exception(_) | Value::Instance(_) => self.instance_str(v),
            _ => {
                // `PyObject_Str` counts as a recursion level.
                self.enter_c(" while getting the str of an object")?;
                let r = self.repr(v);
                self.leave_c();
                r
            }
        }
    }

    fn repr_into(&mut self, v: Value, out: &mut String, depth: usize) -> PyResult<()> {
        if depth > 900 {
            return Err(self.err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        match v {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
            }
            Value::BigInt(b) => {
                let s = b.value.to_string();
                let digits = s.trim_start_matches('-').len();
                if digits > 4300 {
                    return Err(self.value_error(
                        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    ));
                }
                out.push_str(&s)
            }
            Value::Float(f) => crate::repr::write_float_repr(out, f),
            Value::Complex(c) => crate::repr::write_complex_repr(out, c.re, c.im),
            Value::Str(s) => crate::repr::write_str_repr(out, s.as_str().as_bytes()),
            Value::Bytes(b) => crate::repr::write_bytes_repr(out, &b.data),
            Value::List(l) => {
                let items = l.snapshot();
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if x.is(v) {
                        out.push_str("[...]");
                    } else {
                        self.repr_into(*x, out, depth + 1)?;
                    }
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                if let Some(seq) = t.seq() {
                    if let Some(r) = seq.repr {
                        out.push_str(&r(&t.items, t.addr()));
                        return Ok(());
                    }
                    out.push_str(seq.name);
                }
                out.push('(');
                for (i, x) in t.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(f) = t.seq().and_then(|s| s.fields.get(i)) {
                        out.push_str(f);
                        out.push('=');
                    }
                    self.repr_into(*x, out, depth + 1)?;
                }
                if t.items.len() == 1 && t.seq().is_none() {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> =
                    d.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
                out.push('{');
                for (i, (k, x)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(*k, out, depth + 1)?;
                    out.push_str(": ");
                    if x.is(v) {
                        out.push_str("{...}");
                    } else {
                        self.repr_into(*x, out, depth + 1)?;
                    }
                }
                out.push('}');
            }
            Value::Set(s) => {
                let keys: Vec<Value> = s.table.with(|t| t.keys());
                if keys.is_empty() {
                    out.push_str(if s.frozen { "frozenset()" } else { "set()" });
                } else {
                    if s.frozen {
                        out.push_str("frozenset(");
                    }
                    out.push('{');
                    for (i, k) in keys.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(*k, out, depth + 1)?;
                    }
                    out.push('}');
                    if s.frozen {
                        out.push(')');
                    }
                }
            }
            Value::DictView(dv) => {
                out.push_str(self.type_name(v));
                out.push_str("([");
                let items = self.view_items(dv);
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(*x, out, depth + 1)?;
                }
                out.push_str("])");
            }
            Value::Range(r) => {
                if r.step == 1 {
                    out.push_str(&format!("range({}, {})", r.start, r.stop));
                } else {
                    out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                }
            }
            Value::Slice(s) => {
                out.push_str("slice(");
                self.repr_into(s.start, out, depth + 1)?;
                out.push_str(", ");
                self.repr_into(s.stop, out, depth + 1)?;
                out.push_str(", ");
                self.repr_into(s.step, out, depth + 1)?;
                out.push(')');
            }
            Value::Function(f) => out.push_str(&format!(
                "<function {} at 0x{:x}>",
                f.qualname.as_str(),
                v.heap_addr().unwrap_or(0)
            )),
            Value::Builtin(b) if b.owner.is_some() && super::dunder::is_slot_name(b.name) => {
                let owner = b.owner.unwrap_or("object");
                match b.bound {
                    Value::Null if b.name == "__new__" => {
                        let t = TypeId::ALL.iter().find(|t| t.name() == owner).copied();
                        let addr = t.map(|t| self.types[t as usize].addr()).unwrap_or(0);
                        out.push_str(&format!(
                            "<built-in method __new__ of type object at 0x{addr:x}>"
                        ))
                    }
                    Value::Null => {
                        out.push_str(&format!("<slot wrapper '{}' of '{owner}' objects>", b.name))
                    }
                    recv => out.push_str(&format!(
                        "<method-wrapper '{}' of {} object at 0x{:x}>",
                        b.name,
                        self.type_name(recv),
                        recv.heap_addr().unwrap_or(0)
                    )),
                }
            }
            Value::Builtin(b) => match (b.owner, b.bound) {
                (Some(owner), Value::Null) => {
                    out.push_str(&format!("<method '{}' of '{}' objects>", b.name, owner))
                }
                (Some(_), recv) => out.push_str(&format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    self.type_name(recv),
                    recv.heap_addr().unwrap_or(0)
                )),
                (None, _) => out.push_str(&format!("<built-in function {}>", b.name)),
            },
            Value::BoundMethod(m) => {
                let name = match m.func {
                    Value::Function(f) => f.qualname.as_str().to_string(),
                    _ => "?".into(),
                };
                out.push_str(&format!("<bound method {name} of "));
                self.repr_into(m.receiver, out, depth + 1)?;
                out.push('>');
            }
            Value::Cell(_) => {
                out.push_str(&format!("<cell at 0x{:x}>", v.heap_addr().unwrap_or(0)))
            }
            Value::Iter(_) => {
                out.push_str(&format!("<iterator object at 0x{:x}>", v.heap_addr().unwrap_or(0)))
            }
            Value::Traceback(_) => {
                out.push_str(&format!("<traceback object at 0x{:x}>", v.heap_addr().unwrap_or(0)))
            }
            Value::Generator(g) => out.push_str(&self.gen_repr(g)),
            Value::Exception(e) if e.class.is_some() => out.push_str(&self.instance_repr(v)?),
            Value::Instance(_) => out.push_str(&self.instance_repr(v)?),
            Value::Type(t) if t.class.is_some() => out.push_str(&self.class_repr(t)?),
            Value::Exception(e) => {
                out.push_str(e.kind.name());
                out.push('(');
                for (i, a) in e.args().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(*a, out, depth + 1)?;
                }
                out.push(')');
            }
            Value::Type(t) => out.push_str(&format!("<class '{}'>", t.name())),
            Value::Module(m) => out.push_str(&format!("<module '{}' (built-in)>", m.name.as_str())),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Null => out.push_str("<NULL>"),
        }
        Ok(())
    }

    // ----- arithmetic -----------------------------------------------------

    /// `a op b` for every operator, after the inline fast paths missed.
    #[cold]
    pub fn binary_op(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        if super::dunder::is_instance(a) || super::dunder::is_instance(b) {
            return self.instance_binary_op(op, a, b);
        }
        // bool & | ^ bool stays a bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                Operator::BitAnd => return Ok(Value::Bool(x & y)),
                Operator::BitOr => return Ok(Value::Bool(x | y)),
                Operator::BitXor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        // Ints (small, big, bool).
        if is_int(a) && is_int(b) {
            return self.int_op(op, a, b);
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            if let Some(r) = self.complex_binary_op(op, a, b) {
                return r;
            }
        }
        // Mixed numbers → float.
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if let (Some(x), Some(y)) = (to_f64(self, a)?, to_f64(self, b)?) {
                if let Some(r) = self.float_op(op, x, y)? {
                    return Ok(r);
                }
            }
        }
        match (op, a, b) {
            (Operator::Add, Value::Str(x), Value::Str(y)) => return Ok(self.str_concat(x, y)),
            (Operator::Add, Value::List(x), Value::List(y)) => {
                let v = x.items.with(|xs| {
                    y.items.with(|ys| {
                        let mut v = Vec::with_capacity(xs.len() + ys.len());
                        v.extend_from_slice(xs);
                        v.extend_from_slice(ys);
                        v
                    })
                });
                return Ok(self.new_list(v));
            }
            (Operator::Add, Value::Tuple(x), Value::Tuple(y)) => {
                if x.items.is_empty() && y.seq().is_none() {
                    return Ok(b);
                }
                if y.items.is_empty() && x.seq().is_none() {
                    return Ok(a);
                }
                let mut v = Vec::with_capacity(x.items.len() + y.items.len());
                v.extend_from_slice(&x.items);
                v.extend_from_slice(&y.items);
                return Ok(self.new_tuple(v));
            }
            (Operator::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y.data);
                return Ok(Value::Bytes(
                    self.heap.alloc(crate::runtime::object::BytesObj { data: v.into() }),
                ));
            }
            (Operator::Mult, seq, n) | (Operator::Mult, n, seq)
                if is_int(n)
                    && matches!(
                        seq,
                        Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                    ) =>
            {
                return self.repeat(seq, n);
            }
            (Operator::Mod, Value::Str(f), args) => return self.percent_format(f.as_str(), args),
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => {
                return self.set_binop(op, x, y);
            }
            (Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor, _, _)
                if Vm::setlike_view(a).is_some() || Vm::setlike_view(b).is_some() =>
            {
                if let Some(r) = self.view_binop(op, a, b)? {
                    return Ok(r);
                }
            }
            (Operator::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let mut t = x.table.with(|t| t.clone());
                y.table.with(|yt| {
                    for e in yt.iter() {
                        t.insert_hashed(e.hash, e.key, e.value);
                    }
                });
                return Ok(Value::Dict(
                    self.heap.alloc(crate::runtime::dict::DictObj::from_table(t)),
                ));
            }
            _ => {}
        }
        Err(self.binary_type_error(op, a, b, ""))
    }

    /// CPython's TypeError for `a op b` (`inplace` is "=" for `op=`).
    pub fn binary_type_error(
        &mut self,
        op: Operator,
        a: Value,
        b: Value,
        inplace: &str,
    ) -> super::PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        let is_seq = |v: Value| {
            matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
        };
        match op {
            Operator::Add
                if is_seq(a) && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) =>
            {
                return self
                    .type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
            }
            Operator::Mult if is_seq(a) && !is_int(b) => {
                return self
                    .type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
            }
            Operator::Mult if is_seq(b) && !is_int(a) => {
                return self
                    .type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
            }
            _ => {}
        }
        let sym = if op == Operator::Pow && inplace.is_empty() {
            "** or pow()".to_string()
        } else {
            format!("{}{inplace}", op.symbol())
        };
        self.type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }

    /// `a op= b`: in place for lists, sets and dicts, else `a op b`.
    pub fn inplace_op(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        if super::dunder::is_instance(a) {
            return self.instance_inplace_op(op, a, b);
        }
        match (op, a, b) {
            (Operator::Add, Value::List(l), _) => {
                let items = self.collect_iter(b)?;
                l.items.with_mut(|v| v.extend(items));
                Ok(a)
            }
            (Operator::Mult, Value::List(l), n) if is_int(n) => {
                let n = n.as_int().unwrap_or(0).max(0) as usize;
                l.items.with_mut(|v| {
                    let orig = v.clone();
                    v.clear();
                    for _ in 0..n {
                        v.extend_from_slice(&orig);
                    }
                });
                Ok(a)
            }
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) if !x.frozen => {
                self.set_inplace(op, x, y)?;
                Ok(a)
            }
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Value::Set(_),
                _,
            ) if Vm::setlike_view(b).is_none() => Err(self.type_error(format!(
                "unsupported operand type(s) for {}=: '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
            (Operator::BitOr, Value::Dict(x), _) => {
                self.dict_update(x, b)?;
                Ok(a)
            }
            _ => match self.binary(op, a, b) {
                Err(e) if e.0.kind == ExcKind::TypeError && self.is_operand_error(e) => {
                    Err(self.binary_type_error(op, a, b, "="))
                }
                r => r,
            },
        }
    }

    fn is_operand_error(&mut self, e: super::PyErr) -> bool {
        let msg = self.exc_str(&e.0);
        msg.starts_with("unsupported operand type(s)")
    }

    /// `a op b` with the fast paths first.
    #[inline]
    pub fn binary(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match op {
                Operator::Add => x.checked_add(y),
                Operator::Sub => x.checked_sub(y),
                Operator::Mult => x.checked_mul(y),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        self.binary_op(op, a, b)
    }

    fn int_op(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            if let Some(v) = self.small_int_op(op, x, y)? {
                return Ok(v);
            }
        }
        // Borrow big operands instead of cloning them (pidigits-style code
        // works on huge numbers).
        let (xo, yo);
        let x: &BigInt = if let Value::BigInt(g) = &a {
            &g.value
        } else {
            xo = to_bigint(a).unwrap_or_default();
            &xo
        };
        let y: &BigInt = if let Value::BigInt(g) = &b {
            &g.value
        } else {
            yo = to_bigint(b).unwrap_or_default();
            &yo
        };
        let r = match op {
            Operator::Add => x + y,
            Operator::Sub => x - y,
            Operator::Mult => x * y,
            Operator::FloorDiv | Operator::Mod => {
                if y.is_zero() {
                    let msg = if op == Operator::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(self.err(ExcKind::ZeroDivisionError, msg));
                }
                if op == Operator::FloorDiv {
                    limbs::floordiv(x, y)
                } else {
                    floor_divmod(x, y).1
                }
            }
            Operator::Div => {
                if y.is_zero() {
                    return Err(self.err(ExcKind::ZeroDivisionError, "division by zero"));
                }
                return Ok(Value::Float(big_truediv(self, x, y)?));
            }
            Operator::Pow => {
                if y.is_negative() {
                    let (fx, fy) = (
                        x.to_f64().unwrap_or(f64::INFINITY),
                        y.to_f64().unwrap_or(f64::NEG_INFINITY),
                    );
                    return self.float_op(op, fx, fy).map(|r| r.unwrap_or(Value::None));
                }
                let e = y
                    .to_u32()
                    .ok_or_else(|| self.err(ExcKind::OverflowError, "exponent too large"))?;
                num_traits::pow(x.clone(), e as usize)
            }
            Operator::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = y.to_usize().ok_or_else(|| {
                    self.err(ExcKind::OverflowError, "too many digits in integer")
                })?;
                x << s
            }
            Operator::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > x.bits() as usize + 1 {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> s
                }
            }
            Operator::BitAnd => x & y,
            Operator::BitOr => x | y,
            Operator::BitXor => x ^ y,
            Operator::MatMult => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for @: '{}' and '{}'",
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        };
        if matches!((a, b), (Value::Bool(_), Value::Bool(_)))
            && matches!(op, Operator::BitAnd | Operator::BitOr | Operator::BitXor)
        {
            return Ok(Value::Bool(!r.is_zero()));
        }
        Ok(int_value(self, r))
    }

    /// Small-int arithmetic; `None` when the result needs a big int.
    fn small_int_op(&mut self, op: Operator, x: i64, y: i64) -> PyResult<Option<Value>> {
        Ok(match op {
            Operator::Add => x.checked_add(y).map(Value::Int),
            Operator::Sub => x.checked_sub(y).map(Value::Int),
            Operator::Mult => x.checked_mul(y).map(Value::Int),
            Operator::FloorDiv => {
                if y == 0 {
                    return Err(
                        self.err(ExcKind::ZeroDivisionError, "integer division or modulo by zero")
                    );
                }
                if x == i64::MIN && y == -1 {
                    None
                } else {
                    let q = x.div_euclid(y);
                    let q = if y < 0 && x.rem_euclid(y) != 0 { q + 1 } else { q };
                    let q = if y < 0 { floor_div_i64(x, y) } else { q };
                    Some(Value::Int(q))
                }
            }
            Operator::Mod => {
                if y == 0 {
                    return Err(self.err(ExcKind::ZeroDivisionError, "integer modulo by zero"));
                }
                if y == -1 {
                    Some(Value::Int(0))
                } else {
                    let r = x % y;
                    Some(Value::Int(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
                }
            }
            Operator::Div => {
                if y == 0 {
                    return Err(self.err(ExcKind::ZeroDivisionError, "division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    Some(Value::Float(x as f64 / y as f64))
                } else {
                    Some(Value::Float(big_truediv(self, &BigInt::from(x), &BigInt::from(y))?))
                }
            }
            Operator::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.err(
                            ExcKind::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    Some(Value::Float((x as f64).powf(y as f64)))
                } else if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32).map(Value::Int)
                } else {
                    None
                }
            }
            Operator::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 63 && (x == 0 || (x.abs().leading_zeros() as i64) > y + 1) {
                    Some(Value::Int(x << y))
                } else if x == 0 {
                    Some(Value::Int(0))
                } else {
                    None
                }
            }
            Operator::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }))
            }
            Operator::BitAnd => Some(Value::Int(x & y)),
            Operator::BitOr => Some(Value::Int(x | y)),
            Operator::BitXor => Some(Value::Int(x ^ y)),
            Operator::MatMult => None,
        })
    }

    /// Float arithmetic; `None` for operators floats do not support.
    pub fn float_op(&mut self, op: Operator, x: f64, y: f64) -> PyResult<Option<Value>> {
        Ok(Some(Value::Float(match op {
            Operator::Add => x + y,
            Operator::Sub => x - y,
            Operator::Mult => x * y,
            Operator::Div => {
                if y == 0.0 {
                    return Err(self.err(ExcKind::ZeroDivisionError, "float division by zero"));
                }
                x / y
            }
            Operator::FloorDiv => {
                if y == 0.0 {
                    return Err(
                        self.err(ExcKind::ZeroDivisionError, "float floor division by zero")
                    );
                }
                float_divmod(x, y).0
            }
            Operator::Mod => {
                if y == 0.0 {
                    return Err(self.err(ExcKind::ZeroDivisionError, "float modulo"));
                }
                float_divmod(x, y).1
            }
            Operator::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.err(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    return self.float_pow_complex(x, y).map(Some);
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self
                        .err_args(ExcKind::OverflowError, vec![Value::Int(34), Value::None])
                        .with_msg(self));
                }
                r
            }
            _ => return Ok(None),
        })))
    }

    /// `x + y` on two strs: one allocation, the lengths known.
    #[inline]
    pub fn str_concat(
        &mut self,
        x: crate::runtime::heap::Gc<crate::runtime::str::StrObj>,
        y: crate::runtime::heap::Gc<crate::runtime::str::StrObj>,
    ) -> Value {
        if y.byte_len() == 0 {
            return Value::Str(x);
        }
        if x.byte_len() == 0 {
            return Value::Str(y);
        }
        let (a, b) = (x.as_str(), y.as_str());
        Value::Str(self.heap.str_with(a.len() + b.len(), Some(x.char_len() + y.char_len()), |w| {
            w.push_str(a);
            w.push_str(b);
        }))
    }

    fn repeat(&mut self, seq: Value, n: Value) -> PyResult<Value> {
        let n = match n {
            Value::BigInt(b) if b.value.is_negative() => 0,
            Value::BigInt(_) => {
                return Err(self
                    .err(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer"))
            }
            other => other.as_int().unwrap_or(0).max(0) as usize,
        };
        Ok(match seq {
            Value::Str(s) => {
                if s.as_str().len().saturating_mul(n) > (1 << 34) {
                    return Err(self.err(ExcKind::MemoryError, ""));
                }
                if n == 1 {
                    return Ok(seq);
                }
                let text = s.as_str();
                let g = self
                    .heap
                    .str_with(text.len() * n, Some(s.char_len() * n), |w| w.push_repeat(text, n));
                Value::Str(g)
            }
            Value::List(l) => {
                let items = l.snapshot();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend_from_slice(&items);
                }
                self.new_list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.items.len() * n);
                for _ in 0..n {
                    v.extend_from_slice(&t.items);
                }
                self.new_tuple(v)
            }
            Value::Bytes(b) => Value::Bytes(
                self.heap.alloc(crate::runtime::object::BytesObj { data: b.data.repeat(n).into() }),
            ),
            _ => Value::None,
        })
    }

    pub fn unary_op(&mut self, op: u8, v: Value) -> PyResult<Value> {
        if super::dunder::is_instance(v) {
            return self.instance_unary(op, v);
        }
        // 0 neg, 1 pos, 2 invert
        match (op, v) {
            (0, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => int_value(self, -BigInt::from(i)),
            }),
            (0, Value::Bool(b)) => Ok(Value::Int(-(b as i64))),
            (0, Value::BigInt(b)) => {
                let n = -b.value.clone();
                Ok(int_value(self, n))
            }
            (0, Value::Float(f)) => Ok(Value::Float(-f)),
            (0, Value::Complex(c)) => {
                Ok(self.new_complex(crate::runtime::complex::C::new(-c.re, -c.im)))
            }
            (1, Value::Complex(_)) => Ok(v),
            (1, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(v),
            (1, Value::Bool(b)) => Ok(Value::Int(b as i64)),
            (2, Value::Int(i)) => Ok(Value::Int(!i)),
            (2, Value::Bool(b)) => Ok(Value::Int(!(b as i64))),
            (2, Value::BigInt(b)) => {
                let n = -b.value.clone() - 1;
                Ok(int_value(self, n))
            }
            _ => {
                let sym = ["-", "+", "~"][op as usize];
                Err(self.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    self.type_name(v)
                )))
            }
        }
    }

    // ----- comparison -----------------------------------------------------

    /// `a == b`. Two strs (identity, then bytes) are compared inline, in
    /// the caller; everything else in [`Vm::eq_general`].
    #[inline]
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            return Ok(crate::runtime::compare::str_eq(x, y));
        }
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x == y);
        }
        self.eq_general(a, b)
    }

    #[inline(never)]
    fn eq_general(&mut self, a: Value, b: Value) -> PyResult<bool> {
        // Tuples of builtin values first (`tok == ("OP", "-")`).
        if let (Value::Tuple(_), Value::Tuple(_)) = (a, b) {
            if let Some(r) = eq_builtin(a, b) {
                return Ok(r);
            }
        }
        if let (Value::BoundMethod(x), Value::BoundMethod(y)) = (a, b) {
            // Same function bound to the same object.
            return Ok(x.func.is(y.func) && x.receiver.is(y.receiver));
        }
        if super::dunder::is_instance(a) || super::dunder::is_instance(b) {
            let r = self.rich_compare(4, a, b)?;
            return self.truthy(r);
        }
        if let (Value::Tuple(x), Value::Tuple(y)) = (a, b) {
            // Immutable and rooted by the caller: compared in place.
            if x.items.len() != y.items.len() {
                return Ok(false);
            }
            for (&p, &q) in x.items.iter().zip(y.items.iter()) {
                if !(p.is(q) || self.eq(p, q)?) {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        if let (Value::List(x), Value::List(y)) = (a, b) {
            // `__eq__` may change the lists: each pair is read afresh and
            // rooted while Python code may run (CPython's list_richcompare).
            if x.len() != y.len() {
                return Ok(false);
            }
            let mut i = 0;
            while let (Some(p), Some(q)) = (x.get(i), y.get(i)) {
                if !p.is(q) {
                    let mark = self.temp_roots.len();
                    self.temp_roots.extend([p, q]);
                    let r = self.eq(p, q);
                    self.temp_roots.truncate(mark);
                    if !r? {
                        return Ok(false);
                    }
                }
                i += 1;
            }
            return Ok(x.len() == y.len());
        }
        if let (Value::Dict(x), Value::Dict(y)) = (a, b) {
            if x.len() != y.len() {
                return Ok(false);
            }
            let entries: Vec<(Value, Value)> =
                x.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
            for (k, v) in entries {
                match y.get(k) {
                    Ok(Some(w)) => {
                        if !(v.is(w) || self.eq(v, w)?) {
                            return Ok(false);
                        }
                    }
                    _ => return Ok(false),
                }
            }
            return Ok(true);
        }
        if let Some(r) = self.view_eq(a, b)? {
            return Ok(r);
        }
        if let (Value::Range(x), Value::Range(y)) = (a, b) {
            let (lx, ly) = (x.len(), y.len());
            return Ok(
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            );
        }
        Ok(eq_builtin(a, b).unwrap_or_else(|| a.is(b)))
    }

    /// `<`, `<=`, `>`, `>=` (op 0..4).
    pub fn compare(&mut self, op: u8, a: Value, b: Value) -> PyResult<bool> {
        if super::dunder::is_instance(a) || super::dunder::is_instance(b) {
            let r = self.rich_compare(op, a, b)?;
            return self.truthy(r);
        }
        use std::cmp::Ordering;
        if matches!(a, Value::DictView(_)) || matches!(b, Value::DictView(_)) {
            if let Some(r) = self.view_cmp(op, a, b)? {
                return Ok(r);
            }
        }
        let ord: Option<Ordering> = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
            // Every ordering comparison with a NaN is false.
            (Value::Float(x), Value::Float(y)) => match x.partial_cmp(&y) {
                Some(o) => Some(o),
                None => return Ok(false),
            },
            _ if is_int(a) && is_int(b) => Some(big_cmp(a, b)),
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.data.cmp(&y.data)),
            _ if (is_int(a) || matches!(a, Value::Float(_)))
                && (is_int(b) || matches!(b, Value::Float(_))) =>
            {
                match num_cmp(a, b) {
                    Some(o) => Some(o),
                    None => return Ok(false),
                }
            }
            // Lexicographic: `<` on the first items that are not `==`.
            // Tuples are immutable and rooted by the caller: their items
            // are read in place.
            (Value::Tuple(x), Value::Tuple(y)) => {
                for (&p, &q) in x.items.iter().zip(y.items.iter()) {
                    if !(p.is(q) || self.eq(p, q)?) {
                        return self.compare(op, p, q);
                    }
                }
                Some(x.items.len().cmp(&y.items.len()))
            }
            // A list may change under `__eq__`: read each pair afresh (as
            // CPython does) and root it while Python code may run.
            (Value::List(x), Value::List(y)) => {
                let mut i = 0;
                while let (Some(p), Some(q)) = (x.get(i), y.get(i)) {
                    if !p.is(q) {
                        let mark = self.temp_roots.len();
                        self.temp_roots.extend([p, q]);
                        let r = match self.eq(p, q) {
                            Ok(true) => Ok(None),
                            Ok(false) => self.compare(op, p, q).map(Some),
                            Err(e) => Err(e),
                        };
                        self.temp_roots.truncate(mark);
                        if let Some(r) = r? {
                            return Ok(r);
                        }
                    }
                    i += 1;
                }
                Some(x.len().cmp(&y.len()))
            }
            (Value::Set(x), Value::Set(y)) => {
                let sub =
                    |p: &SetObj, q: &SetObj| p.table.with(|pt| q.table.with(|qt| pt.is_subset(qt)));
                return Ok(match op {
                    0 => x.len() < y.len() && sub(&x, &y),
                    1 => sub(&x, &y),
                    2 => x.len() > y.len() && sub(&y, &x),
                    _ => sub(&y, &x),
                });
            }
            _ => None,
        };
        let Some(ord) = ord else {
            let sym = ["<", "<=", ">", ">="][op as usize];
            return Err(self.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            )));
        };
        Ok(match op {
            0 => ord == Ordering::Less,
            1 => ord != Ordering::Greater,
            2 => ord == Ordering::Greater,
            _ => ord != Ordering::Less,
        })
    }

    fn seq_items(&self, v: Value) -> Vec<Value> {
        match v {
            Value::List(l) => l.snapshot(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        }
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if let Value::Instance(_) = v {
            return self.instance_hash(v);
        }
        match hash_key(v) {
            Some(h) => Ok(h),
            None => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v)))),
        }
    }

    // ----- containers -----------------------------------------------------

    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        Ok(match v {
            Value::Instance(_) => return self.instance_len(v),
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::DictView(v) => v.dict.len(),
            Value::Bytes(b) => b.data.len(),
            Value::Range(r) => match usize::try_from(r.len()) {
                Ok(n) if n <= isize::MAX as usize => n,
                _ => {
                    return Err(self.err(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    ))
                }
            },
            _ => {
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", self.type_name(v)))
                )
            }
        })
    }

    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        match container {
            Value::Instance(_) => self.instance_contains(container, item),
            Value::Str(s) => match item {
                Value::Str(sub) => {
                    Ok(crate::builtins::str_methods::contains(s.as_str(), sub.as_str()))
                }
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => Ok(self.dict_lookup(d, item)?.is_some()),
            Value::Set(s) if crate::runtime::compare::needs_vm_hash(item) => {
                self.set_contains_slow(s, item)
            }
            Value::Set(s) => match hash_lookup_key(item) {
                Some(h) => Ok(s.table.with(|t| t.contains_hashed(h, item))),
                None => Err(self.unhashable_err(item)),
            },
            Value::DictView(dv) => self.view_contains(dv, item),
            Value::Range(r) => {
                let i = match item {
                    Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Some(f as i128),
                    _ => to_bigint(item).and_then(|b| b.to_i128()),
                };
                Ok(match i.and_then(|i| i.checked_sub(r.start)) {
                    Some(d) => {
                        let n = r.len();
                        n > 0 && d % r.step == 0 && {
                            let k = d / r.step;
                            k >= 0 && k < n
                        }
                    }
                    None => false,
                })
            }
            Value::Bytes(b) => {
                match item {
                    Value::Bytes(sub) => Ok(sub.data.is_empty()
                        || b.data.windows(sub.data.len()).any(|w| *w == *sub.data)),
                    Value::Int(i) => Ok(b.data.contains(&(i as u8))),
                    _ => Err(self.type_error("a bytes-like object is required")),
                }
            }
            Value::List(_) | Value::Tuple(_) => {
                let items = self.seq_items(container);
                for x in items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Iter(_) | Value::Generator(_) => loop {
                match self.next(container)? {
                    Some(x) => {
                        if x.is(item) || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    None => return Ok(false),
                }
            },
            _ => Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))),
        }
    }

    // ----- iteration ------------------------------------------------------

    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        let state = match v {
            Value::Instance(_) => return self.instance_iter(v),
            Value::List(list) => IterState::List { list, index: 0 },
            Value::Tuple(tuple) => IterState::Tuple { tuple, index: 0 },
            Value::Str(s) => IterState::Str { s, byte: 0 },
            Value::Range(r) => {
                let (next, stop, step) = r.iter_bounds();
                IterState::Range { next, stop, step }
            }
            Value::Dict(d) => {
                IterState::Dict { dict: v, pos: 0, kind: 0, version: d.table.with(|t| t.version) }
            }
            Value::Set(s) => IterState::Dict { dict: v, pos: 0, kind: 0, version: s.len() as u64 },
            Value::DictView(dv) => IterState::Dict {
                dict: Value::Dict(dv.dict),
                pos: 0,
                kind: match dv.kind {
                    ViewKind::Keys => 0,
                    ViewKind::Values => 1,
                    ViewKind::Items => 2,
                },
                version: dv.dict.table.with(|t| t.version),
            },
            Value::Bytes(b) => IterState::Seq {
                items: b.data.iter().map(|&x| Value::Int(x as i64)).collect(),
                index: 0,
            },
            Value::Iter(_) | Value::Generator(_) => return Ok(v),
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        };
        Ok(Value::Iter(self.heap.alloc(IterObj::new(state))))
    }

    /// The next item of an iterator, `None` when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let obj = match it {
            Value::Iter(obj) => obj,
            Value::Generator(g) => return self.gen_next(g),
            Value::Instance(_) => return self.instance_next(it),
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not an iterator", self.type_name(it)))
                )
            }
        };
        enum Step {
            Done(Option<Value>),
            StrChar(crate::runtime::heap::Gc<crate::runtime::str::StrObj>, usize, usize),
            Changed(bool),
            Call(Value, Vec<Value>),
            Filter(Value, Value),
            Enumerate(Value, i64),
            Zip(Vec<Value>),
            Tuple([Value; 4], usize),
            Pair(Value, Value),
            GetItem(Value, i64),
        }
        let step = obj.state.with_mut(|st| match st {
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    Step::Done(Some(Value::Int(v)))
                } else {
                    Step::Done(None)
                }
            }
            IterState::List { list, index } => match list.get(*index) {
                Some(v) => {
                    *index += 1;
                    Step::Done(Some(v))
                }
                None => Step::Done(None),
            },
            IterState::ListReversed { list, index } => {
                if *index == 0 {
                    Step::Done(None)
                } else {
                    *index -= 1;
                    Step::Done(list.get(*index))
                }
            }
            IterState::Tuple { tuple, index } => match tuple.items.get(*index) {
                Some(&v) => {
                    *index += 1;
                    Step::Done(Some(v))
                }
                None => Step::Done(None),
            },
            IterState::Str { s, byte } => {
                let text = s.as_str();
                match text[*byte..].chars().next() {
                    Some(c) => {
                        let start = *byte;
                        *byte += c.len_utf8();
                        Step::StrChar(*s, start, *byte)
                    }
                    None => Step::Done(None),
                }
            }
            IterState::Seq { items, index } => match items.get(*index) {
                Some(&v) => {
                    *index += 1;
                    Step::Done(Some(v))
                }
                None => Step::Done(None),
            },
            IterState::Dict { dict, pos, kind, version } => {
                let (cur_version, found, is_dict) = match dict {
                    Value::Dict(d) => d.table.with(|t| (t.version, t.entry_from(*pos), true)),
                    Value::Set(s) => s.table.with(|t| {
                        let found = t.entry_from(*pos).map(|(e, p)| {
                            (
                                crate::runtime::dict::Entry {
                                    hash: e.hash,
                                    key: e.key,
                                    value: Value::None,
                                },
                                p,
                            )
                        });
                        (t.len() as u64, found, false)
                    }),
                    _ => (0, None, true),
                };
                if cur_version != *version {
                    *st = IterState::Exhausted;
                    return Step::Changed(is_dict);
                }
                match found {
                    Some((e, np)) => {
                        *pos = np;
                        match *kind {
                            0 => Step::Done(Some(e.key)),
                            1 => Step::Done(Some(e.value)),
                            _ => Step::Pair(e.key, e.value),
                        }
                    }
                    None => Step::Done(None),
                }
            }
            IterState::Map { func, inners } => Step::Call(*func, inners.clone()),
            IterState::Filter { func, inner } => Step::Filter(*func, *inner),
            IterState::Enumerate { inner, count } => Step::Enumerate(*inner, *count),
            IterState::Zip { inners } => {
                // Iterators over lists, tuples, ranges: no Python code runs,
                // so no rooting and no copy of the iterator list.
                let n = inners.len();
                let mut items = [Value::None; 4];
                let step = match items.get_mut(..n) {
                    Some(out) => crate::runtime::iter::zip_step(inners, obj, out),
                    None => None,
                };
                match step {
                    Some(true) => Step::Tuple(items, n),
                    Some(false) => Step::Done(None),
                    None => Step::Zip(inners.clone()),
                }
            }
            IterState::GetItem { obj, index } => {
                let i = *index;
                *index += 1;
                Step::GetItem(*obj, i)
            }
            IterState::Exhausted => Step::Done(None),
        });
        match step {
            Step::Done(v) => Ok(v),
            Step::StrChar(s, a, b) => {
                let c = &s.as_str()[a..b];
                Ok(Some(self.new_str(c)))
            }
            Step::Changed(is_dict) => Err(self.err(
                ExcKind::RuntimeError,
                if is_dict {
                    "dictionary changed size during iteration"
                } else {
                    "Set changed size during iteration"
                },
            )),
            Step::Call(func, inners) => {
                // The arguments stay rooted while later iterators (maybe
                // generators) and the function run.
                let mark = self.temp_roots.len();
                let r = self.next_all_rooted(&inners);
                let r = match r {
                    Ok(true) => {
                        let args = self.temp_roots[mark..].to_vec();
                        self.call_value(func, &args, &[]).map(Some)
                    }
                    Ok(false) => Ok(None),
                    Err(e) => Err(e),
                };
                self.temp_roots.truncate(mark);
                r
            }
            Step::Filter(func, inner) => loop {
                let Some(v) = self.next(inner)? else { return Ok(None) };
                let keep = if func.is_none() {
                    self.truthy(v)?
                } else {
                    self.temp_roots.push(v);
                    let r = self.call_value(func, &[v], &[]);
                    self.temp_roots.pop();
                    let r = r?;
                    self.truthy(r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Enumerate(inner, c) => match self.next(inner)? {
                Some(v) => {
                    // Counted only when the iterator gave an item (as CPython).
                    obj.state.with_mut(|st| {
                        if let IterState::Enumerate { count, .. } = st {
                            *count = c + 1;
                        }
                    });
                    Ok(Some(self.new_tuple(vec![Value::Int(c), v])))
                }
                None => Ok(None),
            },
            Step::Pair(k, v) => Ok(Some(self.new_tuple(vec![k, v]))),
            Step::Tuple(items, n) => {
                let t = crate::runtime::tuple::TupleObj::from_slice(&items[..n]);
                Ok(Some(Value::Tuple(self.heap.alloc(t))))
            }
            Step::GetItem(o, i) => {
                let r = self.getitem_next(o, i)?;
                if r.is_none() {
                    obj.state.with_mut(|st| *st = IterState::Exhausted);
                }
                Ok(r)
            }
            Step::Zip(parts) => {
                let mark = self.temp_roots.len();
                let r = match self.next_all_rooted(&parts) {
                    Ok(true) => {
                        let items = self.temp_roots[mark..].to_vec();
                        Ok(Some(self.new_tuple(items)))
                    }
                    Ok(false) => Ok(None),
                    Err(e) => Err(e),
                };
                self.temp_roots.truncate(mark);
                r
            }
        }
    }

    /// The next item of each iterator pushed on `temp_roots` (the caller
    /// truncates them): `Ok(false)` as soon as one is exhausted.
    fn next_all_rooted(&mut self, iters: &[Value]) -> PyResult<bool> {
        for &i in iters {
            match self.next(i)? {
                Some(v) => self.temp_roots.push(v),
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// All items of an iterable.
    pub fn collect_iter(&mut self, v: Value) -> PyResult<Vec<Value>> {
        self.collect_at_most(v, usize::MAX)
    }

    /// The first `limit` items of an iterable (all of a list or tuple).
    pub fn collect_at_most(&mut self, v: Value, limit: usize) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.snapshot()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        // The items collected so far stay rooted (in a list on `temp_roots`)
        // while the iterator runs Python code (a generator, map's function)
        // that may collect.
        let holder = self.heap.alloc(crate::runtime::list::ListObj::new(Vec::new()));
        self.temp_roots.push(it);
        self.temp_roots.push(Value::List(holder));
        let r = loop {
            if holder.len() >= limit {
                break Ok(holder.items.with_mut(std::mem::take));
            }
            match self.next(it) {
                Ok(Some(x)) => holder.push(x),
                Ok(None) => break Ok(holder.items.with_mut(std::mem::take)),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.pop();
        self.temp_roots.pop();
        r
    }

    /// `yield from` over an iterator that is not a generator: `next()` for
    /// `None`, else its `send` method, which builtin iterators lack.
    pub fn send_to_iter(&mut self, it: Value, v: Value) -> PyResult<Option<Value>> {
        if v.is_none() {
            return self.next(it);
        }
        let name = self.new_str("send");
        let m = self.get_attr(it, name)?;
        self.call_value(m, &[v], &[]).map(Some)
    }

    pub fn dict_update(
        &mut self,
        d: crate::runtime::heap::Gc<crate::runtime::dict::DictObj>,
        src: Value,
    ) -> PyResult<()> {
        let src = match src {
            Value::Instance(i) if matches!(i.payload.get(), Value::Dict(_)) => i.payload.get(),
            other => other,
        };
        if let Some(items) = self.mapping_items(src)? {
            // Hashing a key may run Python code: keep the pairs rooted.
            let mark = self.temp_roots.len();
            for &(k, v) in &items {
                self.temp_roots.extend([k, v]);
            }
            let mut r = Ok(());
            for (k, v) in items {
                if let Err(e) = self.dict_set(d, k, v) {
                    r = Err(e);
                    break;
                }
            }
            self.temp_roots.truncate(mark);
            return r;
        }
        match src {
            Value::Dict(s) => {
                let entries: Vec<(i64, Value, Value)> =
                    s.table.with(|t| t.iter().map(|e| (e.hash, e.key, e.value)).collect());
                d.table.with_mut(|t| {
                    for (h, k, v) in entries {
                        t.insert_hashed(h, k, v);
                    }
                });
                Ok(())
            }
            _ => {
                let items = self.collect_iter(src)?;
                for (i, item) in items.into_iter().enumerate() {
                    let pair = self.collect_iter(item).map_err(|_| {
                        self.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(self.value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    self.dict_set(d, pair[0], pair[1])?;
                }
                Ok(())
            }
        }
    }

    pub fn dict_set(
        &mut self,
        d: crate::runtime::heap::Gc<crate::runtime::dict::DictObj>,
        k: Value,
        v: Value,
    ) -> PyResult<()> {
        if crate::runtime::compare::needs_vm_hash(k) {
            return self.dict_store_slow(d, k, v);
        }
        if d.set(k, v).is_err() {
            return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(k))));
        }
        Ok(())
    }
}

trait WithMsg {
    fn with_msg(self, vm: &mut Vm) -> Self;
}

impl WithMsg for super::PyErr {
    /// The `(34, 'Numerical result out of range')` OverflowError of float pow.
    fn with_msg(self, vm: &mut Vm) -> Self {
        let m = vm.new_str("Numerical result out of range");
        vm.err_args(ExcKind::OverflowError, vec![Value::Int(34), m])
    }
}

/// Python's floor division of i64s (y != 0, no overflow).
#[inline]
pub fn floor_div_i64(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_divmod(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    limbs::divmod_floor(x, y)
}

/// Python's float divmod (CPython's `_float_div_mod`).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Correctly rounded int / int.
fn big_truediv(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    // Scale so the quotient has 55+ significant bits, then round once.
    let shift = 55i64 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) =
        if shift >= 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    use num_integer::Integer;
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::from(1);
        let f = q.to_f64().unwrap_or(f64::INFINITY);
        let res = f * 2f64.powi((-shift - 1) as i32);
        if res.is_infinite() {
            return Err(
                vm.err(ExcKind::OverflowError, "integer division result too large for a float")
            );
        }
        return Ok(if neg { -res } else { res });
    }
    let f = q.to_f64().unwrap_or(f64::INFINITY);
    let res = if shift > 1000 {
        f * 2f64.powi(-1000) * 2f64.powi((-shift + 1000) as i32)
    } else {
        f * 2f64.powi(-shift as i32)
    };
    if res.is_infinite() {
        return Err(vm.err(ExcKind::OverflowError, "integer division result too large for a float"));
    }
    Ok(if neg { -res } else { res })
}

/// Compare mixed ints and floats exactly; `None` if a NaN is involved.
fn num_cmp(a: Value, b: Value) -> Option<std::cmp::Ordering> {
    use crate::runtime::compare::big_from_f64;
    let fa = if let Value::Float(f) = a { Some(f) } else { None };
    let fb = if let Value::Float(f) = b { Some(f) } else { None };
    match (fa, fb) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        // An int that a float represents exactly compares as a float.
        (Some(x), None) if matches!(b, Value::Int(i) if i.unsigned_abs() <= 1 << 53) => {
            x.partial_cmp(&(b.as_int().unwrap_or(0) as f64))
        }
        (Some(x), None) => {
            if x.is_nan() {
                return None;
            }
            if x.is_infinite() {
                return Some(if x > 0.0 {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Less
                });
            }
            let bi = to_bigint(b)?;
            let xf = x.floor();
            let xi = big_from_f64(xf)?;
            match xi.cmp(&bi) {
                std::cmp::Ordering::Equal if x != xf => Some(std::cmp::Ordering::Greater),
                o => Some(o),
            }
        }
        (None, Some(_)) => num_cmp(b, a).map(|o| o.reverse()),
        (None, None) => Some(to_bigint(a)?.cmp(&to_bigint(b)?)),
    }
}

/// Compare two ints (small or big) without cloning big operands.
fn big_cmp(a: Value, b: Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::BigInt(x), Value::BigInt(y)) => x.value.cmp(&y.value),
        (Value::BigInt(x), _) => {
            use num_traits::Signed;
            if x.value.is_negative() {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            }
        }
        (_, Value::BigInt(_)) => big_cmp(b, a).reverse(),
        _ => a.as_int().cmp(&b.as_int()),
    }
}
