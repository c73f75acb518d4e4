//! Attributes of Python functions: `__kwdefaults__`, `__doc__`, `__code__`
//! (a struct sequence of the `co_*` fields), `__dict__`, `__globals__`,
//! `__closure__`, and arbitrary attributes stored in the function's dict.

use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::FuncObj;
use crate::runtime::heap::Gc;
use crate::runtime::tuple::{StructSeq, TupleObj};
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

static CODE: StructSeq = StructSeq {
    name: "code",
    fields: &[
        "co_argcount",
        "co_posonlyargcount",
        "co_kwonlyargcount",
        "co_nlocals",
        "co_varnames",
        "co_cellvars",
        "co_freevars",
        "co_name",
        "co_qualname",
        "co_filename",
        "co_firstlineno",
        "co_flags",
    ],
    repr: Some(code_repr),
};

/// `<code object f at 0x..., file "x.py", line 1>`.
fn code_repr(items: &[Value], addr: usize) -> String {
    let s = |i: usize| items.get(i).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let line = items.get(10).and_then(|v| v.as_int()).unwrap_or(0);
    format!("<code object {} at {addr:#x}, file \"{}\", line {line}>", s(7), s(9))
}

fn str_tuple(vm: &mut Vm, names: &[Box<str>]) -> Value {
    let items: Vec<Value> = names.iter().map(|n| vm.new_str(&**n)).collect();
    vm.new_tuple(items)
}

/// The `__dict__` of `f`, created if needed.
pub fn function_dict(vm: &mut Vm, f: Gc<FuncObj>) -> Gc<DictObj> {
    if let Some(d) = f.attr_dict() {
        return d;
    }
    let d = vm.heap.alloc(DictObj::new());
    f.attrs.with_mut(|a| *a = Some(d));
    d
}

/// `f.name` for the attributes not handled by the VM itself.
pub fn function_attr(vm: &mut Vm, f: Gc<FuncObj>, name: &str) -> Option<Value> {
    if let Some(d) = f.attr_dict() {
        let key = vm.new_str(name);
        if let Ok(Some(v)) = d.get(key) {
            return Some(v);
        }
    }
    Some(match name {
        "__kwdefaults__" => {
            if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let d = vm.heap.alloc(DictObj::new());
                for &(k, v) in f.kwdefaults.iter() {
                    let _ = d.set(Value::Str(k), v);
                }
                Value::Dict(d)
            }
        }
        "__doc__" => match (f.code.flags.docstring, f.code.consts.first()) {
            (true, Some(&v)) => v,
            _ => Value::None,
        },
        "__dict__" => Value::Dict(function_dict(vm, f)),
        "__globals__" => Value::Dict(f.globals),
        "__closure__" => {
            if f.closure.is_empty() {
                Value::None
            } else {
                let cells: Vec<Value> = f.closure.iter().map(|&c| Value::Cell(c)).collect();
                vm.new_tuple(cells)
            }
        }
        "__code__" => {
            let code = f.code.clone();
            let flags = (code.flags.varargs as i64) << 2
                | (code.flags.varkeywords as i64) << 3
                | (!code.flags.module as i64) << 1
                | (!code.flags.module as i64)
                | (code.flags.generator as i64) << 5
                | ((code.freevars.is_empty() && code.cellvars.is_empty()) as i64) << 6;
            let items = vec![
                Value::Int(code.argcount as i64),
                Value::Int(code.posonlyargcount as i64),
                Value::Int(code.kwonlyargcount as i64),
                Value::Int(code.varnames.len() as i64),
                str_tuple(vm, &code.varnames),
                str_tuple(vm, &code.cellvars),
                str_tuple(vm, &code.freevars),
                vm.new_str(&*code.name),
                vm.new_str(&*code.qualname),
                vm.new_str(&*code.filename),
                Value::Int(code.first_line as i64),
                Value::Int(flags),
            ];
            Value::Tuple(vm.heap.alloc(TupleObj::struct_seq(&CODE, items)))
        }
        _ => return None,
    })
}

/// `f.name = v`.
pub fn set_function_attr(vm: &mut Vm, f: Gc<FuncObj>, name: Value, v: Value) -> PyResult<()> {
    let n = name.as_str().unwrap_or("");
    match n {
        "__name__" | "__qualname__" if !matches!(v, Value::Str(_)) => {
            return Err(vm.type_error(format!("{n} must be set to a string object")));
        }
        "__name__" | "__qualname__" | "__defaults__" | "__kwdefaults__" | "__code__" => {
            return Err(vm.err(
                ExcKind::AttributeError,
                format!("assigning '{n}' of a function is not supported yet"),
            ));
        }
        "__globals__" | "__closure__" => {
            return Err(vm.err(ExcKind::AttributeError, "readonly attribute"));
        }
        "__dict__" => {
            let Value::Dict(d) = v else {
                return Err(vm.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    vm.type_name(v)
                )));
            };
            f.attrs.with_mut(|a| *a = Some(d));
            return Ok(());
        }
        _ => {}
    }
    let d = function_dict(vm, f);
    vm.dict_set(d, name, v)
}
