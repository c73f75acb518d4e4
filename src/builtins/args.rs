//! Argument helpers for native functions: keyword lookup and rejection of
//! unexpected keywords, with CPython's messages.

use crate::runtime::function::KwArgs;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

/// The value of keyword `name`, if given.
pub fn kwarg(kw: KwArgs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == Some(name)).map(|&(_, v)| v)
}

/// Fail if a keyword other than `allowed` was passed.
pub fn only_kwargs(vm: &mut Vm, fname: &str, kw: KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let k = k.as_str().unwrap_or("");
        if !allowed.contains(&k) {
            return Err(
                vm.type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))
            );
        }
    }
    Ok(())
}

/// Fail if any keyword was passed.
pub fn no_kwargs(vm: &mut Vm, fname: &str, kw: KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// An int argument.
pub fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(_) => Err(vm.err(
            crate::runtime::exception::ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => {
            let _ = what;
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    }
}
