//! Namespace introspection builtins: `locals()`, `vars()` and `dir()`.
//!
//! Native builtins run without a frame of their own, so the innermost frame
//! is the caller's: its registers hold the caller's local variables.

use super::args::no_kwargs;
use super::check_args;
use crate::runtime::dict::DictObj;
use crate::runtime::function::KwArgs;
use crate::runtime::object::TypeId;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

/// The attributes every object has (`dir(object())`).
const OBJECT_ATTRS: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// Data attributes of the builtin types (methods come from the method table).
fn data_attrs(ty: TypeId) -> &'static [&'static str] {
    match ty {
        TypeId::Int | TypeId::Bool => &["real", "imag", "numerator", "denominator"],
        TypeId::Float | TypeId::Complex => &["real", "imag"],
        TypeId::Range | TypeId::Slice => &["start", "stop", "step"],
        TypeId::Function => &[
            "__annotations__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
        TypeId::Exception => &[
            "__cause__",
            "__context__",
            "__dict__",
            "__suppress_context__",
            "__traceback__",
            "args",
        ],
        TypeId::Traceback => &["tb_lasti", "tb_lineno", "tb_next"],
        _ => &[],
    }
}

/// The current frame's local variables as a new dict (the globals dict at
/// module level).
pub fn locals_dict(vm: &mut Vm) -> Value {
    let Some(frame) = vm.frames.last() else { return Value::Dict(vm.builtins) };
    if frame.code.flags.module {
        return Value::Dict(frame.globals);
    }
    let code = frame.code.clone();
    let base = frame.base;
    let cells = frame.cells.clone();
    let d = vm.heap.alloc(DictObj::new());
    for (i, name) in code.varnames.iter().enumerate() {
        let v = vm.stack.get(base + i).copied().unwrap_or(Value::Null);
        // Parameters that are also cells live in their cell.
        if code.cellvars.iter().any(|c| c == name) {
            continue;
        }
        if !v.is_null() {
            let k = vm.new_str(&**name);
            let _ = d.set(k, v);
        }
    }
    let names = code.cellvars.iter().chain(code.freevars.iter());
    for (cell, name) in cells.iter().zip(names) {
        let v = cell.get();
        if !v.is_null() {
            let k = vm.new_str(&**name);
            let _ = d.set(k, v);
        }
    }
    Value::Dict(d)
}

pub fn locals(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "locals", kw)?;
    check_args(vm, "locals", args, 0, 0)?;
    Ok(locals_dict(vm))
}

pub fn vars(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "vars", kw)?;
    check_args(vm, "vars", args, 0, 1)?;
    match args.first() {
        None => Ok(locals_dict(vm)),
        Some(Value::Module(m)) => Ok(Value::Dict(m.dict)),
        Some(&Value::Function(f)) => Ok(Value::Dict(super::attrs::function_dict(vm, f))),
        Some(_) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn keys_of(d: &DictObj) -> Vec<String> {
    d.table.with(|t| t.iter().filter_map(|e| e.key.as_str().map(str::to_string)).collect())
}

pub fn dir(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "dir", kw)?;
    check_args(vm, "dir", args, 0, 1)?;
    let mut names: Vec<String> = match args.first() {
        None => match locals_dict(vm) {
            Value::Dict(d) => keys_of(&d),
            _ => Vec::new(),
        },
        Some(Value::Module(m)) => keys_of(&m.dict),
        Some(&v) => {
            let ty = match v {
                Value::Type(t) if t.exc.is_none() => t.id,
                Value::Type(_) => TypeId::Exception,
                _ => crate::vm::ops::type_id(v),
            };
            let mut out: Vec<String> = OBJECT_ATTRS.iter().map(|s| s.to_string()).collect();
            out.extend(data_attrs(ty).iter().map(|s| s.to_string()));
            out.extend(vm.methods.keys().filter(|(t, _)| *t == ty).map(|(_, n)| n.to_string()));
            if let Value::Function(f) = v {
                if let Some(d) = f.attr_dict() {
                    out.extend(keys_of(&d));
                }
            }
            out.extend(super::numbers::type_attr_names(ty).iter().map(|s| s.to_string()));
            out
        }
    };
    names.sort();
    names.dedup();
    let items: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}
