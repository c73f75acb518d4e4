//! Argument helpers for native functions: keyword lookup, rejection of
//! unexpected keywords and Argument Clinic's checks, with CPython's messages.

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

/// Argument Clinic's checks for a function with parameters `names` (the
/// first `max_pos` may be positional), with CPython's messages.
pub fn clinic(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwArgs,
    names: &[&str],
    max_pos: usize,
) -> PyResult<()> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let total = args.len() + kw.len();
    if total > names.len() {
        let keyword = if args.is_empty() { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} {keyword}argument{} ({total} given)",
            names.len(),
            plural(names.len())
        )));
    }
    if args.len() > max_pos {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max_pos} positional argument{} ({} given)",
            plural(max_pos),
            args.len()
        )));
    }
    for (k, _) in kw {
        let k = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == k) {
            None => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))
                )
            }
            Some(i) if i < args.len() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(_) => {}
        }
    }
    Ok(())
}
