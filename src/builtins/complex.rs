//! The `complex` type in the VM: the constructor (`complex(real, imag)`,
//! `complex("1+2j")`), arithmetic with ints, floats and complexes (the
//! semantics are in [`crate::runtime::complex`]), attributes and methods.

use super::args::kwarg;
use crate::runtime::complex::{self as cx, ComplexObj, C};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::object::TypeId;
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_method(TypeId::Complex, "conjugate", conjugate);
}

impl Vm {
    pub fn new_complex(&mut self, c: C) -> Value {
        Value::Complex(self.heap.alloc(ComplexObj { re: c.re, im: c.im }))
    }

    /// `a op b` when either operand is a complex: `None` when the operator
    /// or the other operand's type does not support it (TypeError then).
    pub fn complex_binary_op(
        &mut self,
        op: Operator,
        a: Value,
        b: Value,
    ) -> Option<PyResult<Value>> {
        let x = self.as_complex(a)?;
        let y = self.as_complex(b)?;
        let (x, y) = match (x, y) {
            (Ok(x), Ok(y)) => (x, y),
            (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
        };
        let r = match op {
            Operator::Add => Ok(cx::add(x, y)),
            Operator::Sub => Ok(cx::sub(x, y)),
            Operator::Mult => Ok(cx::mul(x, y)),
            Operator::Div => cx::div(x, y),
            Operator::Pow => cx::pow(x, y),
            _ => return None,
        };
        Some(match r {
            Ok(c) => Ok(self.new_complex(c)),
            Err(e) => Err(self.arith_err(e)),
        })
    }

    /// A number as a complex for mixed arithmetic; `None` for other types.
    fn as_complex(&mut self, v: Value) -> Option<PyResult<C>> {
        Some(Ok(match v {
            Value::Complex(c) => C::new(c.re, c.im),
            Value::Float(f) => C::new(f, 0.0),
            Value::Int(i) => C::new(i as f64, 0.0),
            Value::Bool(b) => C::new(b as i64 as f64, 0.0),
            Value::BigInt(b) => {
                use num_traits::ToPrimitive;
                match b.value.to_f64() {
                    Some(f) if f.is_finite() => C::new(f, 0.0),
                    _ => {
                        return Some(Err(
                            self.err(ExcKind::OverflowError, "int too large to convert to float")
                        ))
                    }
                }
            }
            _ => return None,
        }))
    }

    /// `x ** y` for floats with a negative base and a non-integral
    /// exponent: CPython's `float_pow` hands those to `complex ** complex`.
    pub fn float_pow_complex(&mut self, x: f64, y: f64) -> PyResult<Value> {
        match cx::pow(C::new(x, 0.0), C::new(y, 0.0)) {
            Ok(c) => Ok(self.new_complex(c)),
            Err(e) => Err(self.arith_err(e)),
        }
    }

    /// `abs(z)`.
    pub fn complex_abs(&mut self, z: &ComplexObj) -> PyResult<Value> {
        match cx::abs(C::new(z.re, z.im)) {
            Ok(f) => Ok(Value::Float(f)),
            Err(e) => Err(self.arith_err(e)),
        }
    }
}

/// `complex(real=0, imag=0)` (CPython's `complex_new`).
pub fn complex_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    super::args::only_kwargs(vm, "complex", kw, &["real", "imag"])?;
    for (i, name) in ["real", "imag"].into_iter().enumerate() {
        if i < args.len() && kwarg(kw, name).is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
    }
    let r = args.first().copied().or_else(|| kwarg(kw, "real"));
    let i = args.get(1).copied().or_else(|| kwarg(kw, "imag"));
    let r = r.unwrap_or(Value::Int(0));
    if let Value::Str(s) = r {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match cx::parse(s.as_str()) {
            Ok(c) => Ok(vm.new_complex(c)),
            Err(e) => Err(vm.arith_err(e)),
        };
    }
    if let Some(Value::Str(_)) = i {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    if let (Value::Complex(_), None) = (r, i) {
        return Ok(r);
    }
    let Some(cr) = vm.as_complex(r) else {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(r)
        )));
    };
    let cr = cr?;
    let ci = match i {
        None => None,
        Some(v) => match vm.as_complex(v) {
            Some(c) => Some(c?),
            None => {
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{}'",
                    vm.type_name(v)
                )))
            }
        },
    };
    // complex(a, b) = a + b*1j, also when a or b is itself complex.
    let (mut re, mut im) = (cr.re, cr.im);
    if let Some(ci) = ci {
        re -= ci.im;
        im = if matches!(r, Value::Complex(_)) { ci.re + cr.im } else { ci.re };
    }
    Ok(vm.new_complex(C::new(re, im)))
}

/// `z.real`, `z.imag`.
pub fn get_attr(z: &ComplexObj, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(z.re)),
        "imag" => Some(Value::Float(z.im)),
        _ => None,
    }
}

fn conjugate(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    super::args::no_kwargs(vm, "conjugate", kw)?;
    super::check_args(vm, "conjugate", args, 0, 0)?;
    match recv {
        Value::Complex(z) => Ok(vm.new_complex(C::new(z.re, -z.im))),
        _ => Err(vm.type_error(format!(
            "descriptor 'conjugate' for 'complex' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}
