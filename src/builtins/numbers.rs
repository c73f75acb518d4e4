//! Methods of `int`, `float`, `range` and `slice`, `str.translate`, and the
//! class attributes of the builtin types (`int.from_bytes`, `float.fromhex`,
//! `str.maketrans`).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::args::{clinic, int_arg, kwarg, no_kwargs};
use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::{KwArgs, NativeFn};
use crate::runtime::heap::Gc;
use crate::runtime::object::{BytesObj, TypeId, TypeObj};
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;
use crate::vm::ops::{int_value, to_bigint};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__abs__", num_abs),
        ("__neg__", num_neg),
        ("__pos__", num_pos),
        ("__invert__", int_invert),
        ("__int__", int_int),
        ("__index__", int_int),
        ("__float__", num_float),
        ("__trunc__", int_trunc),
        ("__floor__", int_floor),
        ("__ceil__", int_ceil),
        ("__round__", num_round),
        ("__add__", int_add),
        ("__sub__", int_sub),
        ("__mul__", int_mul),
        ("__truediv__", int_truediv),
        ("__floordiv__", int_floordiv),
        ("__mod__", int_mod),
        ("__pow__", int_pow),
    ];
    for ty in [TypeId::Int, TypeId::Bool] {
        for &(name, f) in int_methods {
            vm.add_method(ty, name, f);
        }
    }
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
        ("__abs__", num_abs),
        ("__neg__", num_neg),
        ("__pos__", num_pos),
        ("__int__", float_trunc),
        ("__float__", num_float),
        ("__trunc__", float_trunc),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", num_round),
        ("__add__", float_add),
        ("__sub__", float_sub),
        ("__mul__", float_mul),
        ("__truediv__", float_truediv),
    ];
    for &(name, f) in float_methods {
        vm.add_method(TypeId::Float, name, f);
    }
    vm.add_method(TypeId::Range, "index", range_index);
    vm.add_method(TypeId::Range, "count", range_count);
    vm.add_method(TypeId::Slice, "indices", slice_indices);
    vm.add_method(TypeId::Str, "translate", str_translate);
}

/// Class attributes that are not instance methods (`int.from_bytes`...).
pub fn type_attr(vm: &mut Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    if t.exc.is_some() {
        return None;
    }
    let f: NativeFn = match (t.id, name) {
        (TypeId::Int, "from_bytes") => int_from_bytes,
        (TypeId::Float, "fromhex") => float_fromhex,
        (TypeId::Str, "maketrans") => str_maketrans,
        _ => return None,
    };
    let name = type_attr_names(t.id).iter().copied().find(|n| *n == name)?;
    Some(vm.native(name, f))
}

/// The names [`type_attr`] knows for a type (for `dir`).
pub fn type_attr_names(ty: TypeId) -> &'static [&'static str] {
    match ty {
        TypeId::Int => &["from_bytes"],
        TypeId::Float => &["fromhex"],
        TypeId::Str => &["maketrans"],
        TypeId::Dict => &["fromkeys"],
        _ => &[],
    }
}

/// An `i128` as a Python int.
pub fn int_from_i128(vm: &mut Vm, v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => int_value(vm, BigInt::from(v)),
    }
}

/// A METH_NOARGS method: `int.bit_count() takes no arguments (1 given)`.
fn noargs(vm: &mut Vm, qualname: &str, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return Err(
            vm.type_error(format!("{qualname}() takes no arguments ({} given)", args.len()))
        );
    }
    Ok(())
}

/// A slot wrapper without arguments (`__abs__`, `__int__`...).
fn slot0(vm: &mut Vm, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return Err(vm.type_error(format!("expected 0 arguments, got {}", args.len())));
    }
    Ok(())
}

/// The qualified method name for messages (`int.bit_count`).
fn qual(s: Value, name: &str) -> String {
    let ty = match s {
        Value::Float(_) => "float",
        _ => "int",
    };
    format!("{ty}.{name}")
}

fn big(v: Value) -> BigInt {
    to_bigint(v).unwrap_or_default()
}

fn as_int(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    }
}

// ----- int -----------------------------------------------------------------

fn int_bit_length(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "bit_length", kw)?;
    noargs(vm, &qual(s, "bit_length"), args)?;
    Ok(Value::Int(big(s).bits() as i64))
}

fn int_bit_count(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "bit_count", kw)?;
    noargs(vm, &qual(s, "bit_count"), args)?;
    let n: u64 = big(s).magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(Value::Int(n as i64))
}

fn int_conjugate(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "conjugate", kw)?;
    noargs(vm, &qual(s, "conjugate"), args)?;
    Ok(as_int(s))
}

fn int_int(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__int__", kw)?;
    slot0(vm, args)?;
    Ok(as_int(s))
}

macro_rules! int_identity {
    ($fname:ident, $name:literal) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            noargs(vm, concat!("int.", $name), args)?;
            Ok(as_int(s))
        }
    };
}
int_identity!(int_trunc, "__trunc__");
int_identity!(int_floor, "__floor__");
int_identity!(int_ceil, "__ceil__");

fn int_as_integer_ratio(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "as_integer_ratio", kw)?;
    noargs(vm, &qual(s, "as_integer_ratio"), args)?;
    Ok(vm.new_tuple(vec![as_int(s), Value::Int(1)]))
}

fn byteorder(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(v) => Err(vm.type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn int_to_bytes(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    clinic(vm, "to_bytes", args, kw, &["length", "byteorder", "signed"], 2)?;
    let length = match args.first().copied().or(kwarg(kw, "length")) {
        Some(v) => int_arg(vm, v, "length")?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, args.get(1).copied().or(kwarg(kw, "byteorder")))?;
    let signed = match kwarg(kw, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = big(s);
    if n.is_negative() && !signed {
        return Err(vm.err(ExcKind::OverflowError, "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(vm.err(ExcKind::OverflowError, "int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(vm.heap.alloc(BytesObj { data: bytes.into() })))
}

fn int_from_bytes(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    clinic(vm, "from_bytes", args, kw, &["bytes", "byteorder", "signed"], 2)?;
    let Some(src) = args.first().copied().or(kwarg(kw, "bytes")) else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder(vm, args.get(1).copied().or(kwarg(kw, "byteorder")))?;
    let signed = match kwarg(kw, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut data: Vec<u8> = match src {
        Value::Bytes(b) => b.data.to_vec(),
        Value::Str(_) => {
            return Err(vm.type_error("cannot convert 'str' object to bytes"));
        }
        v => super::types::bytes_from_iterable(vm, v)?,
    };
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    Ok(int_value(vm, n))
}

fn int_invert(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__invert__", kw)?;
    slot0(vm, args)?;
    vm.unary_op(2, s)
}

fn num_abs(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__abs__", kw)?;
    slot0(vm, args)?;
    match s {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            let n = big(s).abs();
            Ok(int_value(vm, n))
        }
    }
}

fn num_neg(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__neg__", kw)?;
    slot0(vm, args)?;
    vm.unary_op(0, s)
}

fn num_pos(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__pos__", kw)?;
    slot0(vm, args)?;
    vm.unary_op(1, s)
}

fn num_float(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__float__", kw)?;
    slot0(vm, args)?;
    super::types::float_new(vm, s)
}

fn num_round(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__round__", kw)?;
    if args.len() > 1 {
        return Err(
            vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len()))
        );
    }
    let mut full = vec![s];
    full.extend_from_slice(args);
    let key = Value::Str(vm.intern("round"));
    let round = vm.builtins.get(key).ok().flatten();
    match round {
        Some(f) => vm.call_value(f, &full, &[]),
        None => Ok(s),
    }
}

macro_rules! binop {
    ($fname:ident, $name:literal, $op:expr, $accepts:expr) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            if args.len() != 1 {
                return Err(vm.type_error(format!("expected 1 argument, got {}", args.len())));
            }
            let accepts: fn(Value) -> bool = $accepts;
            if !accepts(args[0]) {
                return Ok(Value::NotImplemented);
            }
            vm.binary_op($op, s, args[0])
        }
    };
}

fn int_like(v: Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn real(v: Value) -> bool {
    int_like(v) || matches!(v, Value::Float(_))
}

binop!(int_add, "__add__", Operator::Add, int_like);
binop!(int_sub, "__sub__", Operator::Sub, int_like);
binop!(int_mul, "__mul__", Operator::Mult, int_like);
binop!(int_truediv, "__truediv__", Operator::Div, int_like);
binop!(int_floordiv, "__floordiv__", Operator::FloorDiv, int_like);
binop!(int_mod, "__mod__", Operator::Mod, int_like);
binop!(int_pow, "__pow__", Operator::Pow, int_like);
binop!(float_add, "__add__", Operator::Add, real);
binop!(float_sub, "__sub__", Operator::Sub, real);
binop!(float_mul, "__mul__", Operator::Mult, real);
binop!(float_truediv, "__truediv__", Operator::Div, real);

// ----- float ---------------------------------------------------------------

fn fval(s: Value) -> f64 {
    match s {
        Value::Float(f) => f,
        _ => 0.0,
    }
}

fn float_is_integer(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "is_integer", kw)?;
    noargs(vm, &qual(s, "is_integer"), args)?;
    Ok(Value::Bool(crate::runtime::float::is_integer(fval(s))))
}

fn float_conjugate(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "conjugate", kw)?;
    noargs(vm, &qual(s, "conjugate"), args)?;
    Ok(s)
}

fn float_as_integer_ratio(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "as_integer_ratio", kw)?;
    noargs(vm, &qual(s, "as_integer_ratio"), args)?;
    match crate::runtime::float::as_integer_ratio(fval(s)) {
        Ok((n, d)) => {
            let n = int_value(vm, n.to_bigint());
            let d = int_value(vm, d.to_bigint());
            Ok(vm.new_tuple(vec![n, d]))
        }
        Err(e) => Err(vm.arith_err(e)),
    }
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    match crate::runtime::float::to_int(f) {
        Ok(i) => Ok(int_value(vm, i.to_bigint())),
        Err(e) => Err(vm.arith_err(e)),
    }
}

fn float_trunc(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__trunc__", kw)?;
    noargs(vm, &qual(s, "__trunc__"), args)?;
    float_to_int(vm, fval(s).trunc())
}

fn float_floor(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__floor__", kw)?;
    noargs(vm, &qual(s, "__floor__"), args)?;
    float_to_int(vm, fval(s).floor())
}

fn float_ceil(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "__ceil__", kw)?;
    noargs(vm, &qual(s, "__ceil__"), args)?;
    float_to_int(vm, fval(s).ceil())
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{e:+}")
}

fn float_hex(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "hex", kw)?;
    noargs(vm, &qual(s, "hex"), args)?;
    let h = float_to_hex(fval(s));
    Ok(vm.new_str(h))
}

/// Why `float.fromhex` failed.
pub enum FromHexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`, correctly rounded (half to even).
pub fn float_from_hex(s: &str) -> Result<f64, FromHexError> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sign = |v: f64| if neg { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sign(f64::NAN));
    }
    let rest = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match rest.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(FromHexError::Invalid);
    }
    let hex_ok = |p: &str| p.bytes().all(|c| c.is_ascii_hexdigit());
    if !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(FromHexError::Invalid);
    }
    let mut e: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(FromHexError::Invalid);
            }
            // Huge exponents saturate: the result is 0 or an overflow anyway.
            let v: i64 = digits.parse().unwrap_or(1 << 40).min(1 << 40);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let digits = format!("{int_part}{frac_part}");
    e -= 4 * frac_part.len() as i64;
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(sign(0.0));
    }
    let nbits = m.bits() as i64;
    let top = nbits + e - 1;
    if top > 1023 {
        return Err(FromHexError::Overflow);
    }
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let drop = nbits - precision;
    let (q, shift) = if drop > 0 {
        let q: BigInt = &m >> (drop as usize);
        let rem: BigInt = &m - (&q << (drop as usize));
        let half = BigInt::from(1) << ((drop - 1) as usize);
        let odd = (&q & BigInt::from(1)) == BigInt::from(1);
        let q = if rem > half || (rem == half && odd) { q + 1 } else { q };
        (q, e + drop)
    } else {
        (m, e)
    };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let v = crate::modules::math::ldexp_f64(qf, shift);
    if v.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(sign(v))
}

fn float_fromhex(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "fromhex", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Value::Str(s) = args[0] else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    match float_from_hex(s.as_str()) {
        Ok(f) => Ok(Value::Float(f)),
        Err(FromHexError::Invalid) => {
            Err(vm.value_error("invalid hexadecimal floating-point string"))
        }
        Err(FromHexError::Overflow) => {
            Err(vm
                .err(ExcKind::OverflowError, "hexadecimal value too large to represent as a float"))
        }
    }
}

// ----- range and slice -----------------------------------------------------

/// The position of `v` in range `r`, if it is an int in it.
fn range_position(r: Value, v: Value) -> Option<i128> {
    let Value::Range(r) = r else { return None };
    let i = match v {
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => f as i128,
        _ => to_bigint(v)?.to_i128()?,
    };
    let d = i.checked_sub(r.start)?;
    if d % r.step != 0 {
        return None;
    }
    let k = d / r.step;
    (k >= 0 && k < r.len()).then_some(k)
}

fn range_index(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "index", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "range.index() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    match range_position(s, args[0]) {
        Some(k) => Ok(int_from_i128(vm, k)),
        None if matches!(args[0], Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let r = vm.repr(args[0])?;
            Err(vm.value_error(format!("{r} is not in range")))
        }
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "count", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "range.count() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(Value::Int(range_position(s, args[0]).is_some() as i64))
}

fn slice_part(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    match v {
        Value::None => Ok(None),
        _ => match to_bigint(v) {
            Some(b) => Ok(Some(b)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

fn slice_indices(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "indices", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Value::Slice(sl) = s else { return Ok(Value::None) };
    let Some(len) = to_bigint(args[0]) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[0])
        )));
    };
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let step = slice_part(vm, sl.step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let start = slice_part(vm, sl.start)?;
    let stop = slice_part(vm, sl.stop)?;
    let neg = step.is_negative();
    let (lower, upper) =
        if neg { (BigInt::from(-1), &len - 1) } else { (BigInt::from(0), len.clone()) };
    let fix = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(x) if x.is_negative() => {
                let x = x + &len;
                if x < lower {
                    lower.clone()
                } else {
                    x
                }
            }
            Some(x) => {
                if x > upper {
                    upper.clone()
                } else {
                    x
                }
            }
        }
    };
    let start = fix(start, if neg { &upper } else { &lower });
    let stop = fix(stop, if neg { &lower } else { &upper });
    let items = vec![int_value(vm, start), int_value(vm, stop), int_value(vm, step)];
    Ok(vm.new_tuple(items))
}

// ----- str.maketrans / str.translate ---------------------------------------

fn str_maketrans(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "maketrans", kw)?;
    if args.is_empty() || args.len() > 3 {
        let msg = if args.is_empty() {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let d = vm.heap.alloc(DictObj::new());
    if args.len() == 1 {
        let Value::Dict(src) = args[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<(Value, Value)> =
            src.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
        for (k, v) in entries {
            let key = match k {
                Value::Str(s) => {
                    let mut cs = s.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => as_int(k),
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let Value::Str(x) = args[0] else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let Value::Str(y) = args[1] else {
        return Err(vm.type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            vm.type_name(args[1])
        )));
    };
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(d, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(&z) = args.get(2) {
        let Value::Str(z) = z else {
            return Err(vm.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                vm.type_name(z)
            )));
        };
        for c in z.as_str().chars() {
            vm.dict_set(d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

fn str_translate(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "translate", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "str.translate() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Value::Str(me) = s else { return Ok(s) };
    let table = args[0];
    let mut out = String::with_capacity(me.as_str().len());
    for c in me.as_str().chars() {
        let mapped = match vm.get_item(table, Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.0.kind.is_subclass(ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Str(r) => out.push_str(r.as_str()),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                match mapped.as_int().and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"))
                    }
                }
            }
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(vm.new_str(out))
}
