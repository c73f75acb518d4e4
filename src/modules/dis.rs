//! The `dis` module: `dis.dis(f)` prints a function's register bytecode.

use crate::runtime::function::KwArgs;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let attrs = vec![("dis", vm.native("dis", dis))];
    vm.add_module("dis", attrs);
}

fn dis(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let Some(&Value::Function(f)) = args.first() else {
        return Err(vm.type_error("dis() expects a function"));
    };
    let mut out = String::new();
    crate::bytecode::dis::disassemble(&f.code, &mut out);
    vm.write_out(&out);
    Ok(Value::None)
}
