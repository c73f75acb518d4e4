//! The `math` module: CPython's functions and constants (not yet the
//! special functions `erf`, `erfc`, `gamma`, `lgamma`).

use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

macro_rules! unary {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
            let x = num(vm, args, stringify!($name))?;
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(vm.value_error("math domain error"));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(vm.err(ExcKind::OverflowError, "math range error"));
            }
            Ok(Value::Float(r))
        }
    };
}

fn num(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    match args[0] {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            b.value
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| vm.err(ExcKind::OverflowError, "int too large to convert to float"))
        }
        v @ Value::Instance(_) => match vm.instance_float(v)? {
            Some(Value::Float(f)) => Ok(f),
            _ => match vm.payload_of(v) {
                Some(p) => num(vm, &[p], name),
                None => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
            },
        },
        v => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    }
}

unary!(sin, f64::sin);
unary!(cos, f64::cos);
unary!(tan, f64::tan);
unary!(asin, f64::asin);
unary!(acos, f64::acos);
unary!(atan, f64::atan);
unary!(exp, f64::exp);
unary!(sinh, f64::sinh);
unary!(cosh, f64::cosh);
unary!(tanh, f64::tanh);
unary!(fabs, f64::abs);
unary!(expm1, f64::exp_m1);
unary!(asinh, f64::asinh);
unary!(cbrt, f64::cbrt);
unary!(exp2, f64::exp2);

fn sqrt(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "sqrt")?;
    if x < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn log(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("log expected at least 1 argument, got {}", args.len())));
    }
    let x = num(vm, &args[..1], "log")?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    let mut r = x.ln();
    if let Some(&b) = args.get(1) {
        let b = num(vm, &[b], "log")?;
        if b <= 0.0 {
            return Err(vm.value_error("math domain error"));
        }
        r /= b.ln();
    }
    Ok(Value::Float(r))
}

fn log2(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "log2")?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x.log2()))
}

fn log10(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "log10")?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x.log10()))
}

fn to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.err(ExcKind::OverflowError, "cannot convert float infinity to integer"));
    }
    match crate::runtime::compare::big_from_f64(f) {
        Some(b) => Ok(crate::vm::ops::int_value(vm, b)),
        None => Ok(Value::Int(0)),
    }
}

fn floor(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = args.first() {
        return Ok(*v);
    }
    let x = num(vm, args, "floor")?;
    to_int(vm, x.floor())
}

fn ceil(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = args.first() {
        return Ok(*v);
    }
    let x = num(vm, args, "ceil")?;
    to_int(vm, x.ceil())
}

fn trunc(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = args.first() {
        return Ok(*v);
    }
    let x = num(vm, args, "trunc")?;
    to_int(vm, x.trunc())
}

fn two(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((num(vm, &args[..1], name)?, num(vm, &args[1..], name)?))
}

fn pow(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (x, y) = two(vm, args, "pow")?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        if x == 0.0 {
            return Err(vm.value_error("math domain error"));
        }
        return Err(vm.err(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (y, x) = two(vm, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

/// CPython's `vector_norm`: the Euclidean norm with lossless scaling and
/// squaring, compensated summation and a final correction step.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_f64(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_f64(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    let dl_mul = |x: f64, y: f64| {
        let hi = x * y;
        (hi, x.mul_add(y, -hi))
    };
    let dl_fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    for &x in vec.iter() {
        let x = x * scale;
        let (phi, plo) = dl_mul(x, x);
        let (shi, slo) = dl_fast_sum(csum, phi);
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = dl_mul(-h, h);
    let (shi, slo) = dl_fast_sum(csum, phi);
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The norm of `xs` (absolute values taken here).
fn norm_of(xs: Vec<f64>) -> f64 {
    let mut vec: Vec<f64> = xs.into_iter().map(f64::abs).collect();
    let found_nan = vec.iter().any(|x| x.is_nan());
    let max = vec.iter().copied().filter(|x| !x.is_nan()).fold(0.0, f64::max);
    vector_norm(&mut vec, max, found_nan)
}

fn hypot(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let mut xs = Vec::with_capacity(args.len());
    for &a in args {
        xs.push(num(vm, &[a], "hypot")?);
    }
    Ok(Value::Float(norm_of(xs)))
}

fn fmod(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (x, y) = two(vm, args, "fmod")?;
    if y == 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}

fn copysign(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (x, y) = two(vm, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn isfinite(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(num(vm, args, "isfinite")?.is_finite()))
}

fn isinf(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(num(vm, args, "isinf")?.is_infinite()))
}

fn isnan(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(num(vm, args, "isnan")?.is_nan()))
}

fn degrees(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(num(vm, args, "degrees")?.to_degrees()))
}

fn radians(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(num(vm, args, "radians")?.to_radians()))
}

fn int_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Vec<num_bigint::BigInt>> {
    let mut out = Vec::new();
    for &a in args {
        match crate::vm::ops::to_bigint(a) {
            Some(b) if !matches!(a, Value::Float(_)) => out.push(b),
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(a)
                )))
            }
        }
    }
    let _ = name;
    Ok(out)
}

fn gcd(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    use num_integer::Integer;
    let xs = int_args(vm, args, "gcd")?;
    let mut g = num_bigint::BigInt::from(0);
    for x in xs {
        g = g.gcd(&x);
    }
    Ok(crate::vm::ops::int_value(vm, g))
}

fn factorial(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let xs = int_args(vm, args, "factorial")?;
    let Some(n) = xs.first() else {
        return Err(vm.type_error("factorial() takes exactly one argument (0 given)"));
    };
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(crate::vm::ops::int_value(vm, acc))
}

fn isqrt(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let xs = int_args(vm, args, "isqrt")?;
    let Some(n) = xs.first() else {
        return Err(vm.type_error("isqrt() takes exactly one argument (0 given)"));
    };
    use num_traits::Signed;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    let r = n.sqrt();
    Ok(crate::vm::ops::int_value(vm, r))
}

fn fsum(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let items = vm.collect_iter(args.first().copied().unwrap_or(Value::None))?;
    // Shewchuk's algorithm (exact partials), as CPython.
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let mut x = num(vm, &[v], "fsum")?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::only_kwargs(vm, "prod", kw, &["start"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let items = vm.collect_iter(args[0])?;
    let mut acc = crate::builtins::args::kwarg(kw, "start").unwrap_or(Value::Int(1));
    for v in items {
        acc = vm.binary(crate::syntax::ast::Operator::Mult, acc, v)?;
    }
    Ok(acc)
}

pub fn install(vm: &mut Vm) {
    let mut attrs = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ];
    let fns: &[(&'static str, crate::runtime::function::NativeFn)] = &[
        ("sqrt", sqrt),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("exp", exp),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("fabs", fabs),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("pow", pow),
        ("hypot", hypot),
        ("fmod", fmod),
        ("copysign", copysign),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("degrees", degrees),
        ("radians", radians),
        ("gcd", gcd),
        ("factorial", factorial),
        ("isqrt", isqrt),
        ("fsum", fsum),
        ("prod", prod),
        ("remainder", remainder),
        ("lcm", lcm),
        ("log1p", log1p),
        ("expm1", expm1),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("comb", comb),
        ("perm", perm),
        ("dist", dist),
        ("isclose", isclose),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("modf", modf),
        ("ulp", ulp),
        ("nextafter", nextafter),
    ];
    for &(n, f) in fns {
        attrs.push((n, vm.native(n, f)));
    }
    vm.add_module("math", attrs);
}

/// A unary function defined only on part of the line: `ok` says where.
fn domain(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    ok: fn(f64) -> bool,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = num(vm, args, name)?;
    if !x.is_nan() && !ok(x) {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(f(x)))
}

fn log1p(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    domain(vm, args, "log1p", |x| x > -1.0, f64::ln_1p)
}

fn acosh(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    domain(vm, args, "acosh", |x| x >= 1.0, f64::acosh)
}

fn atanh(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    domain(vm, args, "atanh", |x| x.abs() < 1.0, f64::atanh)
}

/// IEEE 754 remainder, as CPython's `m_remainder`.
pub fn ieee_remainder(x: f64, y: f64) -> Option<f64> {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return None;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return Some(1.0f64.copysign(x) * r);
    }
    if x.is_nan() {
        return Some(x);
    }
    if y.is_nan() {
        return Some(y);
    }
    if x.is_infinite() {
        return None;
    }
    Some(x)
}

fn remainder(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (x, y) = two(vm, args, "remainder")?;
    match ieee_remainder(x, y) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(vm.value_error("math domain error")),
    }
}

fn lcm(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    use num_integer::Integer;
    let xs = int_args(vm, args, "lcm")?;
    let mut acc = num_bigint::BigInt::from(1);
    for x in xs {
        acc = acc.lcm(&x);
    }
    Ok(crate::vm::ops::int_value(vm, acc))
}

/// (n, k) of comb/perm, with CPython's checks.
fn n_k(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    k_optional: bool,
) -> PyResult<(num_bigint::BigInt, Option<num_bigint::BigInt>)> {
    use num_traits::Signed;
    let min = if k_optional { 1 } else { 2 };
    if args.len() < min || args.len() > 2 {
        let msg = if k_optional && args.len() > 2 {
            format!("{name} expected at most 2 arguments, got {}", args.len())
        } else if k_optional {
            format!("{name} expected at least 1 argument, got {}", args.len())
        } else {
            format!("{name} expected 2 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let k_given = args.get(1).is_some_and(|v| !v.is_none());
    let vals: Vec<Value> = if k_given { args.to_vec() } else { args[..1].to_vec() };
    let xs = int_args(vm, &vals, name)?;
    let n = xs[0].clone();
    let k = xs.get(1).cloned();
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn falling(n: &num_bigint::BigInt, k: u64) -> num_bigint::BigInt {
    let mut acc = num_bigint::BigInt::from(1);
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    acc
}

fn perm(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    use num_traits::ToPrimitive;
    let (n, k) = n_k(vm, args, "perm", true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k < 1 << 24) else {
        return Err(vm.err(ExcKind::OverflowError, format!("k must not exceed {}", i64::MAX)));
    };
    let r = falling(&n, k);
    Ok(crate::vm::ops::int_value(vm, r))
}

fn comb(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    use num_traits::ToPrimitive;
    let (n, k) = n_k(vm, args, "comb", false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k2 = &n - &k;
    let k = if k2 < k { k2 } else { k };
    let Some(k) = k.to_u64().filter(|&k| k < 1 << 24) else {
        return Err(
            vm.err(ExcKind::OverflowError, format!("min(n - k, k) must not exceed {}", i64::MAX))
        );
    };
    let mut acc = num_bigint::BigInt::from(1);
    let mut f = n.clone();
    for i in 1..=k {
        acc *= &f;
        acc /= i;
        f -= 1;
    }
    Ok(crate::vm::ops::int_value(vm, acc))
}

fn coords(vm: &mut Vm, v: Value, which: &str) -> PyResult<Vec<f64>> {
    let (Value::Tuple(_) | Value::List(_)) = v else {
        return Err(vm.type_error(format!(
            "dist() argument {which} must be tuple, not {}",
            vm.type_name(v)
        )));
    };
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        out.push(num(vm, &[x], "dist")?);
    }
    Ok(out)
}

fn dist(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("dist expected 2 arguments, got {}", args.len())));
    }
    let p = coords(vm, args[0], "1")?;
    let q = coords(vm, args[1], "2")?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let diffs: Vec<f64> = p.iter().zip(q.iter()).map(|(a, b)| a - b).collect();
    Ok(Value::Float(norm_of(diffs)))
}

fn isclose(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    use crate::builtins::args::{kwarg, only_kwargs};
    only_kwargs(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let a = args.first().copied().or(kwarg(kw, "a"));
    let b = args.get(1).copied().or(kwarg(kw, "b"));
    let (Some(a), Some(b)) = (a, b) else {
        let missing = if a.is_none() { "a" } else { "b" };
        let pos = if a.is_none() { 1 } else { 2 };
        return Err(
            vm.type_error(format!("isclose() missing required argument '{missing}' (pos {pos})"))
        );
    };
    let a = num(vm, &[a], "isclose")?;
    let b = num(vm, &[b], "isclose")?;
    let rel = match kwarg(kw, "rel_tol") {
        Some(v) => num(vm, &[v], "isclose")?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => num(vm, &[v], "isclose")?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol))
}

/// (mantissa in [0.5, 1), exponent) with `x == m * 2**e`.
pub fn frexp_f64(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (mut y, mut extra) = (x, 0i64);
    if x.abs() < f64::MIN_POSITIVE {
        y = x * 2f64.powi(54);
        extra = -54;
    }
    let bits = y.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022 + extra)
}

/// `x * 2**n` correctly rounded (musl's `scalbn`).
pub fn ldexp_f64(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-10_000, 10_000);
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    let pm969 = f64::from_bits(0x0360_0000_0000_0000); // 2^-1022 * 2^53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn frexp(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "frexp")?;
    let (m, e) = frexp_f64(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("ldexp expected 2 arguments, got {}", args.len())));
    }
    let x = num(vm, &args[..1], "ldexp")?;
    let n = match args[1] {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => {
            use num_traits::Signed;
            if b.value.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = ldexp_f64(x, n);
    if r.is_infinite() {
        return Err(vm.err(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn modf(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "modf")?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
}

/// The next float after `x` towards `y`.
pub fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn nextafter(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let (x, y) = two(vm, args, "nextafter")?;
    Ok(Value::Float(next_after(x, y)))
}

fn ulp(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let x = num(vm, args, "ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}
