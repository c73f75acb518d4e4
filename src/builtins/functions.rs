//! The builtin functions (`print`, `len`, `range`, `sorted`, `min`...), with
//! CPython's argument rules and error messages.

use super::args::{int_arg, kwarg, no_kwargs, only_kwargs};
use super::check_args;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::iter::{IterObj, IterState};
use crate::runtime::object::RangeObj;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("print", print);
    vm.add_builtin("len", len);
    vm.add_builtin("repr", repr);
    vm.add_builtin("abs", abs);
    vm.add_builtin("min", min);
    vm.add_builtin("max", max);
    vm.add_builtin("sum", sum);
    vm.add_builtin("sorted", sorted);
    vm.add_builtin("reversed", reversed);
    vm.add_builtin("enumerate", enumerate);
    vm.add_builtin("zip", zip);
    vm.add_builtin("map", map);
    vm.add_builtin("filter", filter);
    vm.add_builtin("any", any);
    vm.add_builtin("all", all);
    vm.add_builtin("isinstance", isinstance);
    vm.add_builtin("issubclass", issubclass);
    vm.add_builtin("hash", hash);
    vm.add_builtin("id", id);
    vm.add_builtin("ord", ord);
    vm.add_builtin("chr", chr);
    vm.add_builtin("divmod", divmod);
    vm.add_builtin("pow", pow);
    vm.add_builtin("hex", hex);
    vm.add_builtin("oct", oct);
    vm.add_builtin("bin", bin);
    vm.add_builtin("iter", iter);
    vm.add_builtin("next", next);
    vm.add_builtin("callable", callable);
    vm.add_builtin("getattr", getattr);
    vm.add_builtin("setattr", setattr);
    vm.add_builtin("hasattr", hasattr);
    vm.add_builtin("globals", globals);
    vm.add_builtin("locals", super::introspect::locals);
    vm.add_builtin("dir", super::introspect::dir);
    vm.add_builtin("vars", super::introspect::vars);
    vm.add_builtin("format", format);
    vm.add_builtin("ascii", ascii);
    vm.add_builtin("input", input);
    vm.add_builtin("round", round);
}

fn print(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(
                vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(v)))
            )
        }
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(
                vm.type_error(format!("end must be None or a string, not {}", vm.type_name(v)))
            )
        }
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(*a)?);
    }
    out.push_str(&end);
    let to_stderr = match kwarg(kw, "file") {
        None | Some(Value::None) => false,
        Some(f) => crate::modules::sys::is_stderr(vm, f),
    };
    if to_stderr {
        vm.write_err(&out);
    } else {
        vm.write_out(&out);
        if kwarg(kw, "flush").is_some_and(|f| matches!(f, Value::Bool(true))) {
            vm.flush_out();
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    check_args(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len(args[0])? as i64))
}

fn repr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "repr", kw)?;
    check_args(vm, "repr", args, 1, 1)?;
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}

fn format(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "format", kw)?;
    check_args(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(&v) => {
            return Err(
                vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(v)))
            )
        }
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "ascii", kw)?;
    check_args(vm, "ascii", args, 1, 1)?;
    let r = vm.repr(args[0])?;
    let s = if r.is_ascii() { r } else { crate::vm::format::ascii_escape(&r) };
    Ok(vm.new_str(s))
}

fn abs(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "abs", kw)?;
    check_args(vm, "abs", args, 1, 1)?;
    match args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => crate::vm::ops::int_value(
                vm,
                num_bigint::BigInt::from(i).magnitude().clone().into(),
            ),
        }),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex(z) => vm.complex_abs(&z),
        Value::BigInt(b) => {
            let m: num_bigint::BigInt = b.value.magnitude().clone().into();
            Ok(crate::vm::ops::int_value(vm, m))
        }
        v @ Value::Instance(_) => vm.instance_unary(3, v),
        v => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

fn min_max(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, want_max: bool) -> PyResult<Value> {
    only_kwargs(vm, name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    let it = if args.len() == 1 {
        vm.iter(args[0])?
    } else if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        let t = vm.new_tuple(args.to_vec());
        vm.iter(t)?
    };
    // Streamed: the iterator, the best item and its key stay rooted while
    // the iterator or the key function runs Python code.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend([it, Value::Null, Value::Null]);
    let r = min_max_loop(vm, it, key, want_max, mark + 1);
    let best = vm.temp_roots[mark + 1];
    vm.temp_roots.truncate(mark);
    if r? {
        return Ok(best);
    }
    match default {
        Some(d) => Ok(d),
        None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// The loop of `min`/`max`: the best item and its key are kept in
/// `temp_roots[slot]` and `temp_roots[slot + 1]`. `Ok(false)` if empty.
fn min_max_loop(
    vm: &mut Vm,
    it: Value,
    key: Option<Value>,
    want_max: bool,
    slot: usize,
) -> PyResult<bool> {
    let mut found = false;
    while let Some(item) = vm.next(it)? {
        vm.temp_roots.push(item);
        let k = match key {
            Some(kf) => vm.call_value(kf, &[item], &[]),
            None => Ok(item),
        };
        vm.temp_roots.pop();
        let k = k?;
        // max keeps the first maximal item: replace only when strictly greater.
        let better = !found || {
            let best_key = vm.temp_roots[slot + 1];
            if want_max {
                vm.compare(2, k, best_key)?
            } else {
                vm.compare(0, k, best_key)?
            }
        };
        if better {
            vm.temp_roots[slot] = item;
            vm.temp_roots[slot + 1] = k;
            found = true;
        }
    }
    Ok(found)
}

fn min(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", false)
}

fn max(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", true)
}

fn sum(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "sum", kw, &["start"])?;
    check_args(vm, "sum", args, 1, 2)?;
    let acc = args.get(1).copied().or(kwarg(kw, "start")).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(args[0])?;
    // Streamed: the iterator and the running total stay rooted while the
    // iterator (maybe a generator) runs Python code.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend([it, acc]);
    let r = sum_loop(vm, it, mark + 1);
    let acc = vm.temp_roots[mark + 1];
    vm.temp_roots.truncate(mark);
    r.map(|()| acc)
}

/// The loop of `sum`, the total in `temp_roots[slot]`.
fn sum_loop(vm: &mut Vm, it: Value, slot: usize) -> PyResult<()> {
    while let Some(x) = vm.next(it)? {
        let acc = vm.temp_roots[slot];
        vm.temp_roots[slot] = match (acc, x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary(crate::syntax::ast::Operator::Add, acc, x)?,
        };
    }
    Ok(())
}

fn sorted(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = vm.collect_iter(args[0])?;
    super::sort::sort_with(vm, &mut items, kw)?;
    Ok(vm.new_list(items))
}

fn reversed(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "reversed", kw)?;
    check_args(vm, "reversed", args, 1, 1)?;
    let state = match args[0] {
        Value::List(l) => IterState::ListReversed { list: l, index: l.len() },
        Value::Range(r) => {
            let n = r.len();
            let rev = RangeObj {
                start: r.item(n - 1),
                stop: r.start.saturating_sub(r.step),
                step: r.step.saturating_neg(),
            };
            let (next, stop, step) = rev.iter_bounds();
            IterState::Range { next, stop, step }
        }
        v @ (Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)) => {
            let mut items = vm.collect_iter(v)?;
            items.reverse();
            IterState::Seq { items, index: 0 }
        }
        Value::Dict(d) => {
            let mut items: Vec<Value> = d.table.with(|t| t.iter().map(|e| e.key).collect());
            items.reverse();
            IterState::Seq { items, index: 0 }
        }
        Value::DictView(dv) => {
            let mut items = vm.view_items(dv);
            items.reverse();
            IterState::Seq { items, index: 0 }
        }
        v @ Value::Instance(_) => return vm.instance_reversed(v),
        v => return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))),
    };
    Ok(Value::Iter(vm.heap.alloc(IterObj::new(state))))
}

fn enumerate(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "enumerate", kw, &["start"])?;
    if args.is_empty() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    }
    let start = match args.get(1).copied().or(kwarg(kw, "start")) {
        Some(v) => int_arg(vm, v, "")?,
        None => 0,
    };
    let inner = vm.iter(args[0])?;
    Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Enumerate { inner, count: start }))))
}

fn zip(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "zip", kw, &["strict"])?;
    // `iter()` may run Python code (`__iter__`): keep the iterators made so
    // far rooted.
    let mark = vm.temp_roots.len();
    for (i, &a) in args.iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => vm.temp_roots.push(it),
            Err(_) => {
                vm.temp_roots.truncate(mark);
                return Err(
                    vm.type_error(format!("zip argument #{} must support iteration", i + 1))
                );
            }
        }
    }
    let inners = vm.temp_roots.split_off(mark);
    if inners.is_empty() {
        return Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Exhausted))));
    }
    Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Zip { inners }))))
}

fn map(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "map", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    // `iter()` may run Python code (`__iter__`): keep the iterators made so
    // far rooted.
    let mark = vm.temp_roots.len();
    let mut r = Ok(());
    for &a in &args[1..] {
        match vm.iter(a) {
            Ok(it) => vm.temp_roots.push(it),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    let inners = vm.temp_roots.split_off(mark);
    r?;
    Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Map { func: args[0], inners }))))
}

fn filter(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "filter", kw)?;
    check_args(vm, "filter", args, 2, 2)?;
    let inner = vm.iter(args[1])?;
    Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Filter { func: args[0], inner }))))
}

fn any(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "any", kw)?;
    check_args(vm, "any", args, 1, 1)?;
    let it = vm.iter(args[0])?;
    while let Some(v) = vm.next(it)? {
        if vm.truthy(v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "all", kw)?;
    check_args(vm, "all", args, 1, 1)?;
    let it = vm.iter(args[0])?;
    while let Some(v) = vm.next(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `isinstance(v, t)` for one class: a metaclass's `__instancecheck__`,
/// else the MRO of `type(v)`.
pub fn instance_check(
    vm: &mut Vm,
    v: Value,
    t: crate::runtime::heap::Gc<crate::runtime::object::TypeObj>,
) -> PyResult<bool> {
    if vm.is_instance_of(v, t) {
        return Ok(true);
    }
    let meta = vm.metaclass_of(t);
    if meta.class.is_some() {
        if let Some(r) = vm.call_dunder(Value::Type(t), u64::MAX, "__instancecheck__", &[v])? {
            return vm.truthy(r);
        }
    }
    Ok(false)
}

/// `issubclass(c, t)` for one class.
fn subclass_check(
    vm: &mut Vm,
    c: crate::runtime::heap::Gc<crate::runtime::object::TypeObj>,
    t: crate::runtime::heap::Gc<crate::runtime::object::TypeObj>,
) -> PyResult<bool> {
    let meta = vm.metaclass_of(t);
    if meta.class.is_some() {
        if let Some(r) =
            vm.call_dunder(Value::Type(t), u64::MAX, "__subclasscheck__", &[Value::Type(c)])?
        {
            return vm.truthy(r);
        }
    }
    Ok(vm.is_subtype(c, t))
}

fn isinstance(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "isinstance", kw)?;
    check_args(vm, "isinstance", args, 2, 2)?;
    fn check(vm: &mut Vm, v: Value, t: Value, depth: usize) -> PyResult<bool> {
        match t {
            Value::Type(t) => instance_check(vm, v, t),
            Value::Tuple(ts) if depth < 1000 => {
                for &x in ts.items.iter() {
                    if check(vm, v, x, depth + 1)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                Err(vm
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        }
    }
    Ok(Value::Bool(check(vm, args[0], args[1], 0)?))
}

fn issubclass(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "issubclass", kw)?;
    check_args(vm, "issubclass", args, 2, 2)?;
    let Value::Type(c) = args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    fn check(
        vm: &mut Vm,
        c: crate::runtime::heap::Gc<crate::runtime::object::TypeObj>,
        t: Value,
        depth: usize,
    ) -> PyResult<bool> {
        match t {
            Value::Type(t) => subclass_check(vm, c, t),
            Value::Tuple(ts) if depth < 1000 => {
                for &x in ts.items.iter() {
                    if check(vm, c, x, depth + 1)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(
                vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            ),
        }
    }
    Ok(Value::Bool(check(vm, c, args[1], 0)?))
}

fn hash(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "hash", kw)?;
    check_args(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(args[0])?))
}

fn id(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "id", kw)?;
    check_args(vm, "id", args, 1, 1)?;
    let v = args[0];
    Ok(Value::Int(match v.heap_addr() {
        Some(a) => a as i64,
        None => match v {
            Value::Int(i) => 0x1000_0000 + i.wrapping_mul(32),
            Value::Float(f) => f.to_bits() as i64 >> 4,
            Value::Bool(b) => 0x900 + b as i64 * 32,
            _ => 0x800,
        },
    }))
}

fn ord(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "ord", kw)?;
    check_args(vm, "ord", args, 1, 1)?;
    match args[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.as_str().chars().next().map(|c| c as i64).unwrap_or(0)))
        }
        Value::Bytes(b) if b.data.len() == 1 => Ok(Value::Int(b.data[0] as i64)),
        v => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

fn chr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "chr", kw)?;
    check_args(vm, "chr", args, 1, 1)?;
    let i = match args[0] {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(_) => {
            return Err(vm.err(ExcKind::OverflowError, "Python int too large to convert to C int"))
        }
        v => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(Value::Str(vm.heap.alloc_str_n(c.encode_utf8(&mut b), Some(1))))
        }
        None if (0..0x110000).contains(&i) => {
            Err(vm.value_error("surrogate characters are not supported yet"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn divmod(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "divmod", kw)?;
    check_args(vm, "divmod", args, 2, 2)?;
    use crate::syntax::ast::Operator;
    if let Some(r) = vm.instance_divmod(args[0], args[1])? {
        return Ok(r);
    }
    let q = vm.binary_op(Operator::FloorDiv, args[0], args[1]).map_err(|e| {
        if e.0.kind == ExcKind::TypeError {
            vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                vm.type_name(args[0]),
                vm.type_name(args[1])
            ))
        } else {
            e
        }
    })?;
    let r = vm.binary_op(Operator::Mod, args[0], args[1])?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    super::args::clinic(vm, "pow", args, kw, &["base", "exp", "mod"], 3)?;
    let mut full: Vec<Value> = args.to_vec();
    for (i, name) in ["base", "exp", "mod"].into_iter().enumerate().skip(args.len()) {
        match kwarg(kw, name) {
            Some(v) => full.push(v),
            None if i < 2 => {
                return Err(vm.type_error(format!(
                    "pow() missing required argument '{name}' (pos {})",
                    i + 1
                )))
            }
            None => break,
        }
    }
    let args = &full[..];
    if args.len() == 3 && !args[2].is_none() {
        if args.iter().any(|a| matches!(a, Value::Complex(_))) {
            return Err(vm.value_error("complex modulo"));
        }
        use crate::vm::ops::to_bigint;
        let (Some(b), Some(e), Some(m)) =
            (to_bigint(args[0]), to_bigint(args[1]), to_bigint(args[2]))
        else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        use num_traits::{Signed, Zero};
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let r = if e.is_negative() {
            let inv = mod_inverse(&b, &m)
                .ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
            inv.modpow(&(-e), &m.abs())
        } else {
            b.modpow(&e, &m.abs())
        };
        // `r` is in [0, |m|); the result takes the sign of `m`.
        let r = if m.is_negative() && !r.is_zero() { r + &m } else { r };
        return Ok(crate::vm::ops::int_value(vm, r));
    }
    vm.binary_op(crate::syntax::ast::Operator::Pow, args[0], args[1])
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m = m.abs();
    let a = a.mod_floor(&m);
    let g = a.extended_gcd(&m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

fn radix(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    base: u32,
    prefix: &str,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    let v = match args[0] {
        v @ Value::Instance(_) => vm.index_value(v)?,
        v => v,
    };
    let Some(n) = crate::vm::ops::to_bigint(v) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[0])
        )));
    };
    use num_traits::Signed;
    let digits = n.magnitude().to_str_radix(base);
    let s =
        if n.is_negative() { format!("-{prefix}{digits}") } else { format!("{prefix}{digits}") };
    Ok(vm.new_str(s))
}

fn hex(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "hex", 16, "0x")
}

fn oct(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "oct", 8, "0o")
}

fn bin(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "bin", 2, "0b")
}

fn iter(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "iter", kw)?;
    check_args(vm, "iter", args, 1, 2)?;
    vm.iter(args[0])
}

fn next(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "next", kw)?;
    check_args(vm, "next", args, 1, 2)?;
    if !vm.is_iterator(args[0]) {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(args[0]))));
    }
    if let Value::Instance(_) = args[0] {
        // `__next__`'s own StopIteration (and traceback) propagates.
        let r = vm.call_dunder(args[0], crate::runtime::class::special::NEXT, "__next__", &[]);
        return match r {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(args[0]))))
            }
            Err(e) if e.0.kind == ExcKind::StopIteration && args.len() == 2 => Ok(args[1]),
            Err(e) => Err(e),
        };
    }
    match vm.next(args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.err_args(ExcKind::StopIteration, Vec::new())),
        },
    }
}

fn callable(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "callable", kw)?;
    check_args(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(args[0])))
}

fn getattr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "getattr", kw)?;
    check_args(vm, "getattr", args, 2, 3)?;
    if !matches!(args[1], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(args[1])
        )));
    }
    match vm.get_attr(args[0], args[1]) {
        Ok(v) => Ok(v),
        Err(e) if e.0.kind == ExcKind::AttributeError && args.len() == 3 => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "setattr", kw)?;
    check_args(vm, "setattr", args, 3, 3)?;
    vm.set_attr(args[0], args[1], args[2])?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "hasattr", kw)?;
    check_args(vm, "hasattr", args, 2, 2)?;
    match vm.get_attr(args[0], args[1]) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.0.kind == ExcKind::AttributeError => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn globals(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "globals", kw)?;
    check_args(vm, "globals", args, 0, 0)?;
    Ok(Value::Dict(vm.frames.last().map(|f| f.globals).unwrap_or(vm.builtins)))
}

fn input(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "input", kw)?;
    check_args(vm, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let s = vm.str_of(p)?;
        vm.write_out(&s);
    }
    vm.flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.err(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => Err(vm.err(ExcKind::OSError, e.to_string())),
    }
}

fn round(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "round", kw, &["ndigits"])?;
    check_args(vm, "round", args, 1, 2)?;
    let nd = args.get(1).copied().or(kwarg(kw, "ndigits")).filter(|v| !v.is_none());
    let nd = match nd {
        Some(v @ Value::Instance(_)) => Some(vm.index_value(v)?),
        other => other,
    };
    if let Value::Instance(_) = args[0] {
        let extra: Vec<Value> = nd.into_iter().collect();
        if let Some(r) =
            vm.call_dunder(args[0], crate::runtime::class::special::INT_FLOAT, "__round__", &extra)?
        {
            return Ok(r);
        }
        if let Some(p) = vm.payload_of(args[0]) {
            let mut a = vec![p];
            a.extend(extra);
            return round(vm, Value::None, &a, &[]);
        }
    }
    match args[0] {
        Value::Float(f) => match nd {
            None => {
                if f.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(
                        vm.err(ExcKind::OverflowError, "cannot convert float infinity to integer")
                    );
                }
                let r = f.round_ties_even();
                match crate::runtime::compare::big_from_f64(r) {
                    Some(b) => Ok(crate::vm::ops::int_value(vm, b)),
                    None => Ok(Value::Int(0)),
                }
            }
            Some(n) => {
                let n = int_arg(vm, n, "")?;
                Ok(Value::Float(round_float(f, n)))
            }
        },
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => match nd {
            None => Ok(match v {
                Value::Bool(b) => Value::Int(b as i64),
                other => other,
            }),
            Some(n) => {
                let n = int_arg(vm, n, "")?;
                if n >= 0 {
                    return Ok(match v {
                        Value::Bool(b) => Value::Int(b as i64),
                        other => other,
                    });
                }
                use num_integer::Integer;
                let x = crate::vm::ops::to_bigint(v).unwrap_or_default();
                let p = num_traits::pow(num_bigint::BigInt::from(10), (-n).min(400) as usize);
                let (q, r) = x.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
                Ok(crate::vm::ops::int_value(vm, q * p))
            }
        },
        v => {
            Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(v))))
        }
    }
}

/// `round(x, n)` as CPython: correctly rounded, half-even, through the
/// exact binary value.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 || n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    exact_round(x, n)
}

fn exact_round(x: f64, n: i64) -> f64 {
    use num_bigint::BigInt;
    use num_integer::Integer;
    // x = mant * 2^e exactly.
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant =
        if exp == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let e = if exp == 0 { -1074 } else { exp - 1075 };
    // value = mant * 2^e ; scaled = value * 10^n
    let mut num = BigInt::from(mant);
    let mut den = BigInt::from(1);
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if n >= 0 {
        num *= num_traits::pow(BigInt::from(10), n as usize);
    } else {
        den *= num_traits::pow(BigInt::from(10), (-n) as usize);
    }
    let (q, r) = num.div_mod_floor(&den);
    let twice = &r * 2;
    let q = if twice > den || (twice == den && q.is_odd()) { q + 1 } else { q };
    let txt = if n >= 0 { format!("{q}e-{n}") } else { format!("{q}e{}", -n) };
    let v: f64 = txt.parse().unwrap_or(x);
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// `range(...)` construction (called through the `range` type).
pub fn make_range(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let ints: Vec<i128> = {
        let mut v = Vec::with_capacity(args.len());
        for &a in args {
            let a = match a {
                Value::Instance(_) => vm.index_value(a)?,
                other => other,
            };
            match a {
                Value::Int(i) => v.push(i as i128),
                Value::Bool(b) => v.push(b as i128),
                Value::BigInt(b) => match num_traits::ToPrimitive::to_i128(&b.value) {
                    Some(i) => v.push(i),
                    None => {
                        return Err(vm.err(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        ))
                    }
                },
                other => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(other)
                    )))
                }
            }
        }
        v
    };
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 => (ints[0], ints[1], ints[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(vm.heap.alloc(RangeObj { start, stop, step })))
}
