//! The `time` module: time, perf_counter, monotonic, sleep.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::runtime::function::KwArgs;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static START: Instant = Instant::now();
}

pub fn install(vm: &mut Vm) {
    let attrs = vec![
        ("time", vm.native("time", time)),
        ("perf_counter", vm.native("perf_counter", perf_counter)),
        ("monotonic", vm.native("monotonic", perf_counter)),
        ("process_time", vm.native("process_time", perf_counter)),
        ("sleep", vm.native("sleep", sleep)),
    ];
    vm.add_module("time", attrs);
}

fn time(_: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(Value::Float(t))
}

fn perf_counter(_: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn sleep(vm: &mut Vm, _: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    let secs = match args.first() {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        _ => return Err(vm.type_error("sleep() argument must be a number")),
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_out();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}
