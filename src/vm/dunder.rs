//! The special-method protocols for instances of classes: operators with
//! CPython's reflected-operand and `NotImplemented` rules, rich comparisons,
//! truth, `len`, `hash`, `repr`/`str`/`format`, iteration, containment,
//! items, calls and integer conversion (`__index__`, `__int__`,
//! `__float__`). The generic operations in [`super::ops`] call in here when
//! an operand is an instance; a class that defines nothing falls back to
//! its builtin payload (`class L(list)`) or to `object`'s behaviour.

use super::{PyErr, PyResult, Vm};
use crate::runtime::class::special;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::heap::Gc;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;

/// `__add__`-style names of a binary operator: (method, reflected, in-place).
pub fn op_names(op: Operator) -> (&'static str, &'static str, &'static str) {
    match op {
        Operator::Add => ("__add__", "__radd__", "__iadd__"),
        Operator::Sub => ("__sub__", "__rsub__", "__isub__"),
        Operator::Mult => ("__mul__", "__rmul__", "__imul__"),
        Operator::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        Operator::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Operator::Mod => ("__mod__", "__rmod__", "__imod__"),
        Operator::Pow => ("__pow__", "__rpow__", "__ipow__"),
        Operator::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Operator::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        Operator::BitAnd => ("__and__", "__rand__", "__iand__"),
        Operator::BitOr => ("__or__", "__ror__", "__ior__"),
        Operator::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        Operator::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

/// Rich comparison names by operator number (0 `<`, 1 `<=`, 2 `>`, 3 `>=`,
/// 4 `==`, 5 `!=`): (method, reflected, symbol).
pub fn cmp_names(op: u8) -> (&'static str, &'static str, &'static str) {
    match op {
        0 => ("__lt__", "__gt__", "<"),
        1 => ("__le__", "__ge__", "<="),
        2 => ("__gt__", "__lt__", ">"),
        3 => ("__ge__", "__le__", ">="),
        4 => ("__eq__", "__eq__", "=="),
        _ => ("__ne__", "__ne__", "!="),
    }
}

/// Is `name` a special method CPython implements as a type slot (shown as
/// a "slot wrapper" rather than a method)?
pub fn is_slot_name(name: &str) -> bool {
    name.starts_with("__")
        && name.ends_with("__")
        && !matches!(
            name,
            "__format__"
                | "__dir__"
                | "__sizeof__"
                | "__reduce__"
                | "__reduce_ex__"
                | "__getstate__"
                | "__init_subclass__"
                | "__subclasshook__"
                | "__class_getitem__"
                | "__prepare__"
                | "__subclasses__"
                | "__instancecheck__"
                | "__subclasscheck__"
                | "__set_name__"
                | "__getnewargs__"
                | "__round__"
                | "__trunc__"
                | "__floor__"
                | "__ceil__"
                | "__build_class__"
                | "__import__"
        )
}

/// Is `v` an instance of a class (the values the protocols here handle)?
#[inline]
pub fn is_instance(v: Value) -> bool {
    matches!(v, Value::Instance(_))
}

impl Vm {
    /// The special method `name` of type `t` when Python code defines it
    /// (a builtin type earlier in the MRO that implements it natively
    /// wins, and `None` is returned).
    pub fn user_special(&mut self, t: Gc<TypeObj>, name: &'static str) -> Option<Value> {
        let cd = t.class()?;
        let version = cd.version.get();
        let key = name.as_ptr() as usize;
        let cached = cd.special_cache.with_mut(|(v, entries)| {
            if *v != version {
                *v = version;
                entries.clear();
                return None;
            }
            entries.iter().find(|(k, _)| *k == key).map(|(_, x)| *x)
        });
        if let Some(found) = cached {
            return (!found.is_null()).then_some(found);
        }
        let found = self.user_special_lookup(t, name);
        cd.special_cache.with_mut(|(_, entries)| entries.push((key, found.unwrap_or(Value::Null))));
        found
    }

    fn user_special_lookup(&mut self, t: Gc<TypeObj>, name: &'static str) -> Option<Value> {
        let cd = t.class()?;
        let n = self.intern(name);
        let key = Value::Str(n);
        let mro = cd.mro();
        for k in mro {
            match k.class() {
                Some(kc) => {
                    if let Some(v) = kc.dict.table.with(|tb| tb.get_hashed(n.hash(), key)) {
                        return Some(v);
                    }
                }
                None => {
                    let id = if k.exc.is_some() { TypeId::Exception } else { k.id };
                    if id != TypeId::Object && self.methods.contains_key(&(id, name)) {
                        return None;
                    }
                }
            }
        }
        None
    }

    /// Call `obj`'s special method `name` (looked up on its type) if Python
    /// code defines it and the class's `bit` says it may.
    pub fn call_dunder(
        &mut self,
        obj: Value,
        bit: u64,
        name: &'static str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        if self.special_bits(t) & bit == 0 {
            return Ok(None);
        }
        let Some(f) = self.user_special(t, name) else { return Ok(None) };
        if f.is_none() {
            return Ok(None);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj);
        full.extend_from_slice(args);
        self.call_method_value(f, &full).map(Some)
    }

    /// The builtin value an instance of a subclass of a builtin type wraps.
    #[inline]
    pub fn payload_of(&self, v: Value) -> Option<Value> {
        match v {
            Value::Instance(i) => {
                let p = i.payload.get();
                (!p.is_null()).then_some(p)
            }
            _ => None,
        }
    }

    /// `v` with an instance replaced by its builtin payload.
    #[inline]
    pub fn unwrap_payload(&self, v: Value) -> Value {
        self.payload_of(v).unwrap_or(v)
    }

    // ----- binary operators ---------------------------------------------

    /// `a op b` when an operand is an instance.
    pub fn instance_binary_op(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        let r = self.binary_op1(op, a, b)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        self.binary_failed(op, a, b, "")
    }

    /// The error (or sequence repetition by an `__index__` object) when no
    /// method handled `a op b`.
    fn binary_failed(
        &mut self,
        op: Operator,
        a: Value,
        b: Value,
        inplace: &str,
    ) -> PyResult<Value> {
        if op == Operator::Mult {
            let (ua, ub) = (self.unwrap_payload(a), self.unwrap_payload(b));
            let is_seq = |v: Value| {
                matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
            };
            if is_seq(ua) && self.has_index(b) {
                let n = self.index_value(b)?;
                return self.binary_op(op, ua, n);
            }
            if is_seq(ub) && self.has_index(a) {
                let n = self.index_value(a)?;
                return self.binary_op(op, n, ub);
            }
        }
        Err(self.binary_type_error(op, a, b, inplace))
    }

    /// A binary operator method the dispatch loop can run in a frame of its
    /// own: `x op y` where `x`'s class defines the method as a plain Python
    /// function of two arguments, and `y` is not an instance of a subclass
    /// (whose reflected method would come first).
    #[inline]
    pub fn binop_frame(
        &mut self,
        op: Operator,
        x: Value,
        y: Value,
    ) -> Option<Gc<crate::runtime::function::FuncObj>> {
        let Value::Instance(i) = x else { return None };
        let t = i.class();
        if t.class()?.special.get().0 & special::NUMBER == 0 {
            return None;
        }
        if let Value::Instance(j) = y {
            let ty = j.class();
            if !Gc::ptr_eq(ty, t) && self.is_subtype(ty, t) {
                return None;
            }
        }
        match self.user_special(t, op_names(op).0) {
            Some(Value::Function(f))
                if f.code.argcount == 2
                    && f.code.kwonlyargcount == 0
                    && !f.code.flags.varargs
                    && !f.code.flags.varkeywords
                    && !f.code.flags.generator =>
            {
                Some(f)
            }
            _ => None,
        }
    }

    /// Push `f(x, y)` for a binary operator, its result going to `ret`.
    pub fn push_binop_frame(
        &mut self,
        f: Gc<crate::runtime::function::FuncObj>,
        x: Value,
        y: Value,
        ret: usize,
    ) -> PyResult<()> {
        let base = self.stack.len();
        self.ensure_stack(base + 3)?;
        self.stack.push(x);
        self.stack.push(y);
        self.push_frame(f, base, 2, ret | super::interp::BINOP_RET)
    }

    /// `x op y` after `x`'s method returned `NotImplemented`: `y`'s
    /// reflected method, else the TypeError.
    pub fn binary_after_lhs(&mut self, op: Operator, x: Value, y: Value) -> PyResult<Value> {
        let (_, rname, _) = op_names(op);
        let (tx, ty) = (self.type_of(x), self.type_of(y));
        if !Gc::ptr_eq(tx, ty) && self.special_bits(ty) & special::NUMBER != 0 {
            if let Some(f) = self.user_special(ty, rname) {
                let r = self.call_method_value(f, &[y, x])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        self.binary_failed(op, x, y, "")
    }

    /// CPython's `binary_op1`: the left operand's method, the right one's
    /// reflected method (first when its type is a subclass of the left's),
    /// and the builtin operation for builtin operands or payloads.
    fn binary_op1(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        let (name, rname, _) = op_names(op);
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let same = Gc::ptr_eq(ta, tb);
        let fa = if self.special_bits(ta) & special::NUMBER != 0 {
            self.user_special(ta, name)
        } else {
            None
        };
        let mut fb = if !same && self.special_bits(tb) & special::NUMBER != 0 {
            self.user_special(tb, rname)
        } else {
            None
        };
        if let Some(f) = fb {
            if self.is_subtype(tb, ta) {
                let r = self.call_method_value(f, &[b, a])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
                fb = None;
            }
        }
        if let Some(f) = fa {
            let r = self.call_method_value(f, &[a, b])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        } else {
            let r = self.native_binary(op, a, b)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = fb {
            let r = self.call_method_value(f, &[b, a])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        Ok(Value::NotImplemented)
    }

    /// The builtin operation on the payloads; `NotImplemented` when it does
    /// not apply to these operand types.
    fn native_binary(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        let (ua, ub) = (self.unwrap_payload(a), self.unwrap_payload(b));
        if is_instance(ua) || is_instance(ub) {
            if let (Operator::Mod, Value::Str(f)) = (op, ua) {
                return self.percent_format(f.as_str(), ub);
            }
            return Ok(Value::NotImplemented);
        }
        match self.binary_op(op, ua, ub) {
            Err(e) if e.0.kind == ExcKind::TypeError && self.is_operand_message(e) => {
                Ok(Value::NotImplemented)
            }
            r => r,
        }
    }

    fn is_operand_message(&mut self, e: PyErr) -> bool {
        let msg = self.exc_str(&e.0);
        msg.starts_with("unsupported operand type(s)")
            || msg.starts_with("can only concatenate")
            || msg.starts_with("can't multiply sequence")
    }

    /// `a op= b` when an operand is an instance: `__iop__`, then `a op b`.
    pub fn instance_inplace_op(&mut self, op: Operator, a: Value, b: Value) -> PyResult<Value> {
        let (_, _, iname) = op_names(op);
        if let Some(r) = self.call_dunder(a, special::NUMBER, iname, &[b])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        } else if let Some(p) = self.payload_of(a) {
            // A mutable payload is updated in place (`MyList += [...]`).
            if matches!(p, Value::List(_) | Value::Dict(_) | Value::Set(_))
                && !is_instance(self.unwrap_payload(b))
            {
                let ub = self.unwrap_payload(b);
                if let Ok(r) = self.inplace_op(op, p, ub) {
                    if r.is(p) {
                        return Ok(a);
                    }
                    return Ok(r);
                }
            }
        }
        let r = self.binary_op1(op, a, b)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        self.binary_failed(op, a, b, "=")
    }

    /// `-v`, `+v`, `~v` (op 0, 1, 2) and `abs(v)` (op 3) of an instance.
    pub fn instance_unary(&mut self, op: u8, v: Value) -> PyResult<Value> {
        let name = ["__neg__", "__pos__", "__invert__", "__abs__"][op as usize];
        if let Some(r) = self.call_dunder(v, special::UNARY, name, &[])? {
            return Ok(r);
        }
        if let Some(p) = self.payload_of(v) {
            return if op == 3 { self.abs_value(p) } else { self.unary_op(op, p) };
        }
        let msg = match op {
            3 => format!("bad operand type for abs(): '{}'", self.type_name(v)),
            _ => format!(
                "bad operand type for unary {}: '{}'",
                ["-", "+", "~"][op as usize],
                self.type_name(v)
            ),
        };
        Err(self.type_error(msg))
    }

    /// `abs(v)` of a builtin number.
    fn abs_value(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Float(f) => Ok(Value::Float(f.abs())),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let neg = match v {
                    Value::Int(i) => i < 0,
                    Value::BigInt(b) => num_traits::Signed::is_negative(&b.value),
                    _ => false,
                };
                if neg {
                    self.unary_op(0, v)
                } else {
                    self.unary_op(1, v)
                }
            }
            _ => {
                Err(self.type_error(format!("bad operand type for abs(): '{}'", self.type_name(v))))
            }
        }
    }

    // ----- comparisons --------------------------------------------------

    /// CPython's `do_richcompare` when an operand is an instance; op as in
    /// [`cmp_names`]. Returns whatever the methods return.
    pub fn rich_compare(&mut self, op: u8, a: Value, b: Value) -> PyResult<Value> {
        self.enter_c(" in comparison")?;
        let r = self.rich_compare_inner(op, a, b);
        self.leave_c();
        r
    }

    fn rich_compare_inner(&mut self, op: u8, a: Value, b: Value) -> PyResult<Value> {
        let (name, rname, sym) = cmp_names(op);
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let mut checked_reverse = false;
        if !Gc::ptr_eq(ta, tb) && self.is_subtype(tb, ta) {
            if let Some(r) = self.compare_slot(b, rname, a)? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            checked_reverse = true;
        }
        if let Some(r) = self.compare_slot(a, name, b)? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(r) = self.compare_slot(b, rname, a)? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            4 => Ok(Value::Bool(a.is(b))),
            5 => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// One side of a rich comparison: `x.name(y)`, `object.__ne__`'s
    /// inversion of `__eq__`, or the builtin comparison of payloads.
    fn compare_slot(&mut self, x: Value, name: &'static str, y: Value) -> PyResult<Option<Value>> {
        let bit = if matches!(name, "__eq__") { special::EQ } else { special::ORDER };
        if let Some(r) = self.call_dunder(x, bit, name, &[y])? {
            return Ok(Some(r));
        }
        if name == "__ne__" {
            if let Some(r) = self.call_dunder(x, special::EQ, "__eq__", &[y])? {
                return Ok(Some(match r {
                    Value::NotImplemented => r,
                    other => Value::Bool(!self.truthy(other)?),
                }));
            }
        }
        // Builtin values and payloads compare natively.
        if is_instance(x) && self.payload_of(x).is_none() {
            return Ok(None);
        }
        let (ux, uy) = (self.unwrap_payload(x), self.unwrap_payload(y));
        if is_instance(uy) {
            return Ok(None);
        }
        let op = match name {
            "__lt__" => 0,
            "__le__" => 1,
            "__gt__" => 2,
            "__ge__" => 3,
            "__eq__" => return Ok(Some(self.native_eq(ux, uy))),
            _ => {
                return Ok(Some(match self.native_eq(ux, uy) {
                    Value::Bool(e) => Value::Bool(!e),
                    other => other,
                }))
            }
        };
        match self.compare(op, ux, uy) {
            Ok(r) => Ok(Some(Value::Bool(r))),
            Err(e) if e.0.kind == ExcKind::TypeError => Ok(Some(Value::NotImplemented)),
            Err(e) => Err(e),
        }
    }

    /// `==` of two builtin values, `NotImplemented` when their types do not
    /// compare (so the other side or identity decides).
    fn native_eq(&mut self, x: Value, y: Value) -> Value {
        match crate::runtime::compare::eq_builtin(x, y) {
            Some(r) => Value::Bool(r),
            None => match self.eq(x, y) {
                Ok(r) if r || x.is(y) => Value::Bool(r),
                Ok(_) => Value::NotImplemented,
                Err(_) => Value::NotImplemented,
            },
        }
    }

    // ----- truth, len, hash ---------------------------------------------

    pub fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(v, special::BOOL, "__bool__", &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => Err(self.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(other)
                ))),
            };
        }
        if self.special_bits(self.type_of(v)) & special::LEN != 0 {
            if let Some(n) = self.call_dunder(v, special::LEN, "__len__", &[])? {
                return Ok(self.len_result(n)? != 0);
            }
        }
        match self.payload_of(v) {
            Some(p) => self.truthy(p),
            None => Ok(true),
        }
    }

    /// Check a `__len__` result.
    fn len_result(&mut self, n: Value) -> PyResult<usize> {
        let n = match n {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => n,
            other => self.index_value(other).map_err(|_| {
                self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(other)
                ))
            })?,
        };
        match n {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Bool(b) => Ok(b as usize),
            Value::BigInt(b) if num_traits::Signed::is_negative(&b.value) => {
                Err(self.value_error("__len__() should return >= 0"))
            }
            Value::BigInt(_) => {
                Err(self
                    .err(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer"))
            }
            _ => Err(self.value_error("__len__() should return >= 0")),
        }
    }

    pub fn instance_len(&mut self, v: Value) -> PyResult<usize> {
        if let Some(n) = self.call_dunder(v, special::LEN, "__len__", &[])? {
            return self.len_result(n);
        }
        match self.payload_of(v) {
            Some(p) => self.len(p),
            None => {
                Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v))))
            }
        }
    }

    /// `hash(v)` of an instance (or of an exception).
    pub fn instance_hash(&mut self, v: Value) -> PyResult<i64> {
        let t = self.type_of(v);
        if self.special_bits(t) & special::HASH != 0 {
            match self.user_special(t, "__hash__") {
                Some(Value::None) => {
                    return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
                Some(f) => {
                    let r = self.call_method_value(f, &[v])?;
                    return match r {
                        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                        Value::Bool(b) => Ok(b as i64),
                        Value::BigInt(b) => Ok(crate::runtime::compare::hash_bigint(&b.value)),
                        _ => Err(self.type_error("__hash__ method should return an integer")),
                    };
                }
                None => {}
            }
        }
        if let Some(p) = self.payload_of(v) {
            return self.hash(p);
        }
        Ok((v.heap_addr().unwrap_or(0) >> 4) as i64)
    }

    // ----- repr, str, format --------------------------------------------

    /// `repr(v)` of an instance or a class.
    pub fn instance_repr(&mut self, v: Value) -> PyResult<String> {
        self.enter_c(" while getting the repr of an object")?;
        let r = self.instance_repr_inner(v);
        self.leave_c();
        r
    }

    fn instance_repr_inner(&mut self, v: Value) -> PyResult<String> {
        if let Some(r) = self.call_dunder(v, special::REPR, "__repr__", &[])? {
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(other)
                ))),
            };
        }
        if let Value::Exception(e) = v {
            let args = e.args();
            let mut out = format!("{}(", self.type_name(v));
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr(*a)?);
            }
            out.push(')');
            return Ok(out);
        }
        if let Some(p) = self.payload_of(v) {
            if let Value::Instance(i) = v {
                if i.class().class.is_none() && i.class().id == TypeId::MappingProxy {
                    return Ok(format!("mappingproxy({})", self.repr(p)?));
                }
            }
            return self.repr(p);
        }
        if let Some(s) = self.native_repr(v)? {
            return Ok(s);
        }
        Ok(self.default_repr(v))
    }

    /// `<__main__.Foo object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> String {
        let t = self.type_of(v);
        let addr = v.heap_addr().unwrap_or(0);
        format!("<{} object at 0x{addr:x}>", self.qualified_name(t))
    }

    /// `module.qualname` of a type (just the name for builtins).
    pub fn qualified_name(&mut self, t: Gc<TypeObj>) -> String {
        let Some(cd) = t.class() else { return t.name().to_string() };
        let mk = Value::Str(self.intern("__module__"));
        let module = cd.dict.get(mk).ok().flatten();
        let q = cd.qualname.get().as_str().to_string();
        match module {
            Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{q}", m.as_str()),
            _ => q,
        }
    }

    /// `<class '__main__.Foo'>`.
    pub fn class_repr(&mut self, t: Gc<TypeObj>) -> PyResult<String> {
        let meta = self.metaclass_of(t);
        if meta.class.is_some() && self.special_bits(meta) & special::REPR != 0 {
            if let Some(r) = self.call_dunder(Value::Type(t), special::REPR, "__repr__", &[])? {
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(self.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        self.type_name(other)
                    ))),
                };
            }
        }
        Ok(format!("<class '{}'>", self.qualified_name(t)))
    }

    /// Reprs of the native objects.
    fn native_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        let Value::Instance(i) = v else { return Ok(None) };
        let c = i.class();
        if c.class.is_some() {
            return Ok(None);
        }
        use super::classes::fields;
        Ok(Some(match c.id {
            TypeId::StaticMethod | TypeId::ClassMethod => {
                format!("<{}({})>", c.name(), self.repr(i.field(fields::FUNC))?)
            }
            TypeId::GetSetDescriptor => {
                let n = i.field(0).as_str().unwrap_or("").to_string();
                let owner = match i.field(1) {
                    Value::Type(t) => t.name(),
                    _ => "?",
                };
                format!("<attribute '{n}' of '{owner}' objects>")
            }
            TypeId::Super => {
                let t = match i.field(fields::SUPER_TYPE) {
                    Value::Type(t) => format!("<class '{}'>", t.name()),
                    _ => "NULL".into(),
                };
                match i.field(fields::SUPER_OBJ_TYPE) {
                    Value::Type(ot) => format!("<super: {t}, <{} object>>", ot.name()),
                    _ => format!("<super: {t}, NULL>"),
                }
            }
            TypeId::MemberDescriptor => {
                let n = i.field(fields::MEMBER_NAME).as_str().unwrap_or("").to_string();
                let owner = match i.field(fields::MEMBER_OWNER) {
                    Value::Type(t) => t.name(),
                    _ => "?",
                };
                format!("<member '{n}' of '{owner}' objects>")
            }
            _ => return Ok(None),
        }))
    }

    /// `str(v)` of an instance or exception.
    pub fn instance_str(&mut self, v: Value) -> PyResult<String> {
        self.enter_c(" while getting the str of an object")?;
        let r = self.instance_str_inner(v);
        self.leave_c();
        r
    }

    fn instance_str_inner(&mut self, v: Value) -> PyResult<String> {
        if let Some(r) = self.call_dunder(v, special::STR, "__str__", &[])? {
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(other)
                ))),
            };
        }
        // `object.__str__` calls the type's repr slot directly.
        let t = self.type_of(v);
        if self.special_bits(t) & special::REPR != 0 {
            return self.instance_repr_inner(v);
        }
        if let Value::Exception(e) = v {
            return Ok(self.exc_str(&e));
        }
        match self.payload_of(v) {
            Some(p) if !matches!(native_kind_of(v), Some(TypeId::MappingProxy)) => self.str_of(p),
            _ => self.instance_repr_inner(v),
        }
    }

    /// `format(v, spec)` of an instance.
    pub fn instance_format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let sv = self.new_str(spec);
        if let Some(r) = self.call_dunder(v, special::FORMAT, "__format__", &[sv])? {
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(self.type_error(format!(
                    "__format__ must return a str, not {}",
                    self.type_name(other)
                ))),
            };
        }
        if let Some(p) = self.payload_of(v) {
            if spec.is_empty() {
                return self.instance_str(v);
            }
            return self.format(p, spec);
        }
        if spec.is_empty() {
            // `object.__format__`, a method call CPython counts as a level.
            self.enter_c(" while calling a Python object")?;
            let r = self.instance_str(v);
            self.leave_c();
            return r;
        }
        Err(self.type_error(format!(
            "unsupported format string passed to {}.__format__",
            self.type_name(v)
        )))
    }

    // ----- iteration, containment, items, calls -------------------------

    /// `iter(v)` of an instance.
    pub fn instance_iter(&mut self, v: Value) -> PyResult<Value> {
        if let Some(it) = self.call_dunder(v, special::ITER, "__iter__", &[])? {
            if !self.is_iterator(it) {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(it)
                )));
            }
            return Ok(it);
        }
        let t = self.type_of(v);
        if let Some(p) = self.payload_of(v) {
            if !matches!(p, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) {
                return self.iter(p);
            }
        }
        if self.special_bits(t) & special::GETITEM != 0
            && self.user_special(t, "__getitem__").is_some()
        {
            let state = crate::runtime::iter::IterState::GetItem { obj: v, index: 0 };
            return Ok(Value::Iter(self.heap.alloc(crate::runtime::iter::IterObj::new(state))));
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// Does `v` implement `__next__`?
    pub fn is_iterator(&mut self, v: Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) => true,
            Value::Instance(_) => {
                let t = self.type_of(v);
                self.special_bits(t) & special::NEXT != 0
                    && self.user_special(t, "__next__").is_some()
            }
            _ => false,
        }
    }

    /// `next(v)` of an instance: `None` when `__next__` raises StopIteration.
    pub fn instance_next(&mut self, v: Value) -> PyResult<Option<Value>> {
        match self.call_dunder(v, special::NEXT, "__next__", &[]) {
            Ok(Some(x)) => Ok(Some(x)),
            Ok(None) => {
                Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(v))))
            }
            Err(e) if e.0.kind == ExcKind::StopIteration => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Item `index` of an old-style sequence (`__getitem__` with ints), for
    /// its iterator: `None` at `IndexError`/`StopIteration`.
    pub fn getitem_next(&mut self, obj: Value, index: i64) -> PyResult<Option<Value>> {
        match self.get_item(obj, Value::Int(index)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if matches!(e.0.kind, ExcKind::IndexError | ExcKind::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `item in v` for an instance.
    pub fn instance_contains(&mut self, v: Value, item: Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(v, special::CONTAINS, "__contains__", &[item])? {
            return self.truthy(r);
        }
        let t = self.type_of(v);
        let bits = self.special_bits(t);
        if bits & (special::ITER | special::GETITEM) != 0
            && (self.user_special(t, "__iter__").is_some()
                || self.user_special(t, "__getitem__").is_some())
        {
            let it = self.instance_iter(v)?;
            self.temp_roots.push(it);
            let r = loop {
                match self.next(it) {
                    Ok(Some(x)) => {
                        if x.is(item) {
                            break Ok(true);
                        }
                        match self.eq(x, item) {
                            Ok(true) => break Ok(true),
                            Ok(false) => {}
                            Err(e) => break Err(e),
                        }
                    }
                    Ok(None) => break Ok(false),
                    Err(e) => break Err(e),
                }
            };
            self.temp_roots.pop();
            return r;
        }
        match self.payload_of(v) {
            Some(p) => self.contains(p, item),
            None => Err(self
                .type_error(format!("argument of type '{}' is not iterable", self.type_name(v)))),
        }
    }

    pub fn instance_getitem(&mut self, v: Value, k: Value) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(v, special::GETITEM, "__getitem__", &[k])? {
            return Ok(r);
        }
        match self.payload_of(v) {
            Some(p) => match self.get_item(p, k) {
                Err(e) if e.0.kind == ExcKind::KeyError && matches!(p, Value::Dict(_)) => {
                    match self.call_dunder(v, special::MISSING, "__missing__", &[k])? {
                        Some(r) => Ok(r),
                        None => Err(e),
                    }
                }
                r => r,
            },
            None => {
                Err(self.type_error(format!("'{}' object is not subscriptable", self.type_name(v))))
            }
        }
    }

    pub fn instance_setitem(&mut self, v: Value, k: Value, x: Value) -> PyResult<()> {
        if self.call_dunder(v, special::SETITEM, "__setitem__", &[k, x])?.is_some() {
            return Ok(());
        }
        match self.payload_of(v) {
            Some(p) => self.set_item(p, k, x),
            None => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(v)
            ))),
        }
    }

    pub fn instance_delitem(&mut self, v: Value, k: Value) -> PyResult<()> {
        if self.call_dunder(v, special::DELITEM, "__delitem__", &[k])?.is_some() {
            return Ok(());
        }
        match self.payload_of(v) {
            Some(p) => self.del_item(p, k),
            None => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(v)
            ))),
        }
    }

    /// `v(*args, **kw)` for an instance.
    pub fn instance_call(&mut self, v: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let t = self.type_of(v);
        if self.special_bits(t) & special::CALL != 0 {
            if let Some(f) = self.user_special(t, "__call__") {
                let bound = self.descr_get(f, Some(v), t)?;
                self.enter_c(" while calling a Python object")?;
                let r = self.call_value(bound, args, kw);
                self.leave_c();
                return r;
            }
        }
        Err(self.type_error(format!("'{}' object is not callable", self.type_name(v))))
    }

    /// Is `v` callable?
    pub fn is_callable(&mut self, v: Value) -> bool {
        match v {
            Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Type(_) => true,
            Value::Instance(_) => {
                let t = self.type_of(v);
                self.special_bits(t) & special::CALL != 0
                    && self.user_special(t, "__call__").is_some()
            }
            _ => false,
        }
    }

    /// `reversed(v)` of an instance: `__reversed__`, else `__len__` and
    /// `__getitem__`, else the payload.
    pub fn instance_reversed(&mut self, v: Value) -> PyResult<Value> {
        let t = self.type_of(v);
        if let Some(f) = self.user_special(t, "__reversed__") {
            return self.call_method_value(f, &[v]);
        }
        if self.user_special(t, "__getitem__").is_some()
            && self.user_special(t, "__len__").is_some()
        {
            let n = self.instance_len(v)?;
            let mark = self.temp_roots.len();
            self.temp_roots.push(v);
            let mut r = Ok(());
            for i in (0..n).rev() {
                match self.get_item(v, Value::Int(i as i64)) {
                    Ok(x) => self.temp_roots.push(x),
                    Err(e) => {
                        r = Err(e);
                        break;
                    }
                }
            }
            let items = self.temp_roots.split_off(mark + 1);
            self.temp_roots.truncate(mark);
            r?;
            let state = crate::runtime::iter::IterState::Seq { items, index: 0 };
            return Ok(Value::Iter(self.heap.alloc(crate::runtime::iter::IterObj::new(state))));
        }
        if let Some(p) = self.payload_of(v) {
            let rev = Value::Str(self.intern("reversed"));
            if let Some(r) = self.builtins.get(rev).ok().flatten() {
                return self.call_value(r, &[p], &[]);
            }
        }
        Err(self.type_error(format!("'{}' object is not reversible", self.type_name(v))))
    }

    /// `divmod(a, b)` when an operand is an instance: `__divmod__` /
    /// `__rdivmod__`; `None` when neither is an instance.
    pub fn instance_divmod(&mut self, a: Value, b: Value) -> PyResult<Option<Value>> {
        if !is_instance(a) && !is_instance(b) {
            return Ok(None);
        }
        if let Some(r) = self.call_dunder(a, special::NUMBER, "__divmod__", &[b])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_dunder(b, special::NUMBER, "__rdivmod__", &[a])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        let (ua, ub) = (self.unwrap_payload(a), self.unwrap_payload(b));
        if !is_instance(ua) && !is_instance(ub) {
            let q = self.binary_op(Operator::FloorDiv, ua, ub)?;
            let r = self.binary_op(Operator::Mod, ua, ub)?;
            return Ok(Some(self.new_tuple(vec![q, r])));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// The items of a mapping given to `dict()` / `**`: an instance with a
    /// `keys()` method (None if it has none).
    pub fn mapping_items(&mut self, v: Value) -> PyResult<Option<Vec<(Value, Value)>>> {
        if !is_instance(v) {
            return Ok(None);
        }
        let kname = Value::Str(self.intern("keys"));
        let keys_m = match self.get_attr(v, kname) {
            Ok(m) => m,
            Err(e) if e.0.kind == ExcKind::AttributeError => return Ok(None),
            Err(e) => return Err(e),
        };
        let keys = self.call_value(keys_m, &[], &[])?;
        let keys = self.collect_iter(keys)?;
        let mark = self.temp_roots.len();
        self.temp_roots.extend_from_slice(&keys);
        let mut out = Vec::with_capacity(keys.len());
        let mut r = Ok(());
        for k in keys {
            match self.get_item(v, k) {
                Ok(x) => {
                    self.temp_roots.push(x);
                    out.push((k, x));
                }
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.temp_roots.truncate(mark);
        r.map(|_| Some(out))
    }

    // ----- integer conversion -------------------------------------------

    /// Does `v` have `__index__` (or is it an int)?
    pub fn has_index(&mut self, v: Value) -> bool {
        match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
            Value::Instance(_) => {
                let t = self.type_of(v);
                (self.special_bits(t) & special::INDEX != 0
                    && self.user_special(t, "__index__").is_some())
                    || matches!(
                        self.payload_of(v),
                        Some(Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                    )
            }
            _ => false,
        }
    }

    /// `operator.index(v)`: an int value (small or big).
    pub fn index_value(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => return Ok(v),
            Value::Bool(b) => return Ok(Value::Int(b as i64)),
            _ => {}
        }
        if let Some(r) = self.call_dunder(v, special::INDEX, "__index__", &[])? {
            return match r {
                Value::Int(_) | Value::BigInt(_) => Ok(r),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                other => Err(self.type_error(format!(
                    "__index__ returned non-int (type {})",
                    self.type_name(other)
                ))),
            };
        }
        match self.payload_of(v) {
            Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => self.index_value(p),
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// `int(v)` of an instance: `__int__`, `__index__`, `__trunc__`.
    pub fn instance_int(&mut self, v: Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.call_dunder(v, special::INT_FLOAT, "__int__", &[])? {
            return match r {
                Value::Int(_) | Value::BigInt(_) => Ok(Some(r)),
                Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
                other => Err(self.type_error(format!(
                    "__int__ returned non-int (type {})",
                    self.type_name(other)
                ))),
            };
        }
        if self.has_index(v) && is_instance(v) && self.payload_of(v).is_none() {
            return self.index_value(v).map(Some);
        }
        if let Some(r) = self.call_dunder(v, special::INT_FLOAT, "__trunc__", &[])? {
            return Ok(Some(r));
        }
        Ok(None)
    }

    /// `float(v)` of an instance: `__float__`, then `__index__`.
    pub fn instance_float(&mut self, v: Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.call_dunder(v, special::INT_FLOAT, "__float__", &[])? {
            return match r {
                Value::Float(_) => Ok(Some(r)),
                other => Err(self.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    self.type_name(v),
                    self.type_name(other)
                ))),
            };
        }
        if self.payload_of(v).is_none() && self.has_index(v) {
            let i = self.index_value(v)?;
            return match i {
                Value::Int(i) => Ok(Some(Value::Float(i as f64))),
                Value::BigInt(b) => {
                    let f = num_traits::ToPrimitive::to_f64(&b.value).unwrap_or(f64::INFINITY);
                    if f.is_infinite() {
                        return Err(
                            self.err(ExcKind::OverflowError, "int too large to convert to float")
                        );
                    }
                    Ok(Some(Value::Float(f)))
                }
                _ => Ok(None),
            };
        }
        Ok(None)
    }
}

/// The native object type of `v`, if it is a native object.
fn native_kind_of(v: Value) -> Option<TypeId> {
    super::attributes::native_kind(v)
}
