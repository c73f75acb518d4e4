//! Calling a builtin type object: `int(x)`, `float(s)`, `str(v)`,
//! `list(it)`, `dict(...)`, `range(...)`, `type(x)`, `ValueError('m')`...

use super::args::{kwarg, no_kwargs, only_kwargs};
use super::check_args;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::heap::Gc;
use crate::runtime::object::{SliceObj, TypeId, TypeObj};
use crate::runtime::set::SetObj;
use crate::runtime::settable::SetTable;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub fn call_type(vm: &mut Vm, t: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if let Some(kind) = t.exc {
        return super::exceptions::new_exception(vm, kind, args, kw);
    }
    let name = t.id.name();
    match t.id {
        TypeId::Int => int_new(vm, args, kw),
        TypeId::Complex => super::complex::complex_new(vm, args, kw),
        TypeId::Float => {
            no_kwargs(vm, "float", kw)?;
            check_args(vm, "float", args, 0, 1)?;
            let Some(&v) = args.first() else { return Ok(Value::Float(0.0)) };
            float_new(vm, v)
        }
        TypeId::Str => {
            only_kwargs(vm, "str", kw, &["object", "encoding", "errors"])?;
            check_args(vm, "str", args, 0, 3)?;
            match args.first() {
                None => Ok(vm.new_str("")),
                Some(&Value::Bytes(b)) if args.len() > 1 => {
                    let s = String::from_utf8_lossy(&b.data).into_owned();
                    Ok(vm.new_str(s))
                }
                Some(&v) => {
                    match v {
                        Value::Str(_) => return Ok(v),
                        Value::Int(n) => return Ok(vm.int_str(n)),
                        _ => {}
                    }
                    let s = vm.str_of(v)?;
                    Ok(vm.new_str(s))
                }
            }
        }
        TypeId::Bool => {
            no_kwargs(vm, "bool", kw)?;
            check_args(vm, "bool", args, 0, 1)?;
            match args.first() {
                None => Ok(Value::Bool(false)),
                Some(&v) => Ok(Value::Bool(vm.truthy(v)?)),
            }
        }
        TypeId::List => {
            no_kwargs(vm, "list", kw)?;
            check_args(vm, "list", args, 0, 1)?;
            let items = match args.first() {
                None => Vec::new(),
                Some(&v) => vm.collect_iter(v)?,
            };
            Ok(vm.new_list(items))
        }
        TypeId::Tuple => {
            no_kwargs(vm, "tuple", kw)?;
            check_args(vm, "tuple", args, 0, 1)?;
            match args.first() {
                None => Ok(vm.new_tuple(Vec::new())),
                Some(&v @ Value::Tuple(_)) => Ok(v),
                Some(&v) => {
                    let items = vm.collect_iter(v)?;
                    Ok(vm.new_tuple(items))
                }
            }
        }
        TypeId::Dict => {
            if args.len() > 1 {
                return Err(
                    vm.type_error(format!("dict expected at most 1 argument, got {}", args.len()))
                );
            }
            let d = vm.heap.alloc(DictObj::new());
            // Filling it may run Python code (a mapping's `keys()`, a key's
            // `__hash__`): keep the new dict rooted.
            vm.temp_roots.push(Value::Dict(d));
            let r = (|| {
                if let Some(&src) = args.first() {
                    vm.dict_update(d, src)?;
                }
                for &(k, v) in kw {
                    vm.dict_set(d, k, v)?;
                }
                Ok(Value::Dict(d))
            })();
            vm.temp_roots.pop();
            r
        }
        TypeId::Set | TypeId::FrozenSet => {
            no_kwargs(vm, name, kw)?;
            check_args(vm, name, args, 0, 1)?;
            if let (Some(&Value::Set(src)), true) = (args.first(), name == "frozenset") {
                if src.frozen {
                    return Ok(Value::Set(src));
                }
            }
            let table = match args.first() {
                Some(&src) => vm.set_table_from(src)?,
                None => SetTable::new(),
            };
            Ok(Value::Set(vm.heap.alloc(SetObj::new(table, name == "frozenset"))))
        }
        TypeId::Range => {
            no_kwargs(vm, "range", kw)?;
            super::functions::make_range(vm, args)
        }
        TypeId::Slice => {
            no_kwargs(vm, "slice", kw)?;
            check_args(vm, "slice", args, 1, 3)?;
            let (start, stop, step) = match args.len() {
                1 => (Value::None, args[0], Value::None),
                2 => (args[0], args[1], Value::None),
                _ => (args[0], args[1], args[2]),
            };
            Ok(Value::Slice(vm.heap.alloc(SliceObj { start, stop, step })))
        }
        TypeId::Type
        | TypeId::Object
        | TypeId::Property
        | TypeId::StaticMethod
        | TypeId::ClassMethod
        | TypeId::Super => super::objects::construct(vm, t, args, kw),
        TypeId::Bytes => {
            check_args(vm, "bytes", args, 0, 3)?;
            let data: Vec<u8> = match args.first() {
                None => Vec::new(),
                Some(&Value::Str(s)) => {
                    if args.len() < 2 && kwarg(kw, "encoding").is_none() {
                        return Err(vm.type_error("string argument without an encoding"));
                    }
                    s.as_str().as_bytes().to_vec()
                }
                Some(&Value::Int(n)) => {
                    if n < 0 {
                        return Err(vm.value_error("negative count"));
                    }
                    vec![0; n as usize]
                }
                Some(&v) => bytes_from_iterable(vm, v)?,
            };
            Ok(Value::Bytes(vm.heap.alloc(crate::runtime::object::BytesObj { data: data.into() })))
        }
        _ => Err(vm.type_error(format!("cannot create '{name}' instances"))),
    }
}

/// `int(x)` / `int(s, base)`.
fn int_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "int", kw, &["base"])?;
    check_args(vm, "int", args, 0, 2)?;
    let base = args.get(1).copied().or(kwarg(kw, "base"));
    let Some(&x) = args.first() else {
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let Value::Str(s) = x else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        let b = b.as_int().unwrap_or(10);
        return parse_int(vm, s.as_str(), b as u32);
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(
                    vm.err(ExcKind::OverflowError, "cannot convert float infinity to integer")
                );
            }
            let t = f.trunc();
            match crate::runtime::compare::big_from_f64(t) {
                Some(b) => Ok(crate::vm::ops::int_value(vm, b)),
                None => Ok(Value::Int(0)),
            }
        }
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        Value::Instance(_) => {
            if let Some(r) = vm.instance_int(x)? {
                return Ok(r);
            }
            match vm.payload_of(x) {
                Some(p) => int_new(vm, &[p], &[]),
                None => Err(vm.type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    vm.type_name(x)
                ))),
            }
        }
        v => Err(vm.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `int(s, base)` parsing with CPython's rules.
/// The bytes of an iterable of ints in `range(0, 256)` (`bytes(iterable)`,
/// `int.from_bytes(iterable)`), with CPython's errors.
pub fn bytes_from_iterable(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        match i.as_int() {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(i)
                )))
            }
        }
    }
    Ok(out)
}

pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    // Fast path: base 10, an optional sign and 1 to 18 ASCII digits (no
    // space, no underscore), which always fit in an i64.
    if base == 10 {
        let b = s.as_bytes();
        let (neg, digits) = match b.first() {
            Some(b'-') => (true, &b[1..]),
            Some(b'+') => (false, &b[1..]),
            _ => (false, b),
        };
        if (1..=18).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit) {
            let n = digits.iter().fold(0i64, |n, d| n * 10 + (d - b'0') as i64);
            return Ok(Value::Int(if neg { -n } else { n }));
        }
    }
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let bad = |vm: &mut Vm| {
        let r = crate::repr::str_repr(s.as_bytes());
        vm.value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (mut base, mut digits) = (base, lower.as_str());
    let prefixed = |p: &str| digits.len() > 2 && digits.starts_with(p);
    if (base == 16 || base == 0) && prefixed("0x") {
        base = 16;
        digits = &digits[2..];
    } else if (base == 8 || base == 0) && prefixed("0o") {
        base = 8;
        digits = &digits[2..];
    } else if (base == 2 || base == 0) && prefixed("0b") {
        base = 2;
        digits = &digits[2..];
    } else if base == 0 {
        if digits.len() > 1
            && digits.starts_with('0')
            && !digits.trim_start_matches(['0', '_']).is_empty()
        {
            return Err(bad(vm));
        }
        base = 10;
    }
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10 || t.len() != digits.len())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(bad(vm));
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.chars().any(|c| !c.is_digit(base)) {
        // Non-ASCII decimal digits are allowed in base 10.
        if base == 10 {
            let conv: Option<String> = clean
                .chars()
                .map(|c| {
                    c.to_digit(10)
                        .map(|d| char::from(b'0' + d as u8))
                        .or_else(|| unicode_decimal(c))
                })
                .collect();
            if let Some(conv) = conv {
                return finish_int(vm, &conv, 10, neg);
            }
        }
        return Err(bad(vm));
    }
    if base == 10 && clean.len() > 4300 {
        return Err(vm.value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    finish_int(vm, &clean, base, neg)
}

/// The ASCII digit of a Unicode decimal digit (`'７'` → `'7'`).
fn unicode_decimal(c: char) -> Option<char> {
    super::str_methods::unicode::decimal_value(c).and_then(|d| char::from_digit(d, 10))
}

fn finish_int(vm: &mut Vm, digits: &str, base: u32, neg: bool) -> PyResult<Value> {
    if let Ok(v) = i64::from_str_radix(digits, base) {
        return Ok(Value::Int(if neg { -v } else { v }));
    }
    let Some(mut b) = num_bigint::BigInt::parse_bytes(digits.as_bytes(), base) else {
        return Err(vm.value_error("invalid literal for int()"));
    };
    if neg {
        b = -b;
    }
    Ok(crate::vm::ops::int_value(vm, b))
}

/// `float(x)`.
pub fn float_new(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Float(_) => Ok(v),
        Value::Int(i) => Ok(Value::Float(i as f64)),
        Value::Bool(b) => Ok(Value::Float(b as i64 as f64)),
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            match b.value.to_f64() {
                Some(f) if f.is_finite() => Ok(Value::Float(f)),
                _ => Err(vm.err(ExcKind::OverflowError, "int too large to convert to float")),
            }
        }
        Value::Instance(_) => {
            if let Some(r) = vm.instance_float(v)? {
                return Ok(r);
            }
            match vm.payload_of(v) {
                Some(p) => float_new(vm, p),
                None => Err(vm.type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    vm.type_name(v)
                ))),
            }
        }
        Value::Str(s) => match parse_float(s.as_str()) {
            Some(f) => Ok(Value::Float(f)),
            None => {
                let r = crate::repr::str_repr(s.as_str().as_bytes());
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        },
        _ => Err(vm.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// Python's float() string syntax.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if body.is_empty()
                || body.starts_with('_')
                || body.ends_with('_')
                || body.contains("__")
                || body.contains("_.")
                || body.contains("._")
                || body.contains("_e")
                || body.contains("e_")
                || body.contains("_E")
                || body.contains("E_")
                || !body.bytes().all(|c| {
                    c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-' | b'_')
                })
            {
                return None;
            }
            let clean: String = body.chars().filter(|&c| c != '_').collect();
            if clean.starts_with(['+', '-']) {
                return None;
            }
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}
