//! The `math` module: the common functions and constants.

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

fn hypot(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for &a in args {
        let x = num(vm, &[a], "hypot")?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
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

fn prod(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let items = vm.collect_iter(args.first().copied().unwrap_or(Value::None))?;
    let mut acc = Value::Int(1);
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
    ];
    for &(n, f) in fns {
        attrs.push((n, vm.native(n, f)));
    }
    vm.add_module("math", attrs);
}
