//! The `time` module: time, perf_counter, monotonic, sleep and their `_ns`
//! variants.

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
        ("time_ns", vm.native("time_ns", time_ns)),
        ("perf_counter_ns", vm.native("perf_counter_ns", perf_counter_ns)),
        ("monotonic_ns", vm.native("monotonic_ns", perf_counter_ns)),
        ("process_time_ns", vm.native("process_time_ns", perf_counter_ns)),
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

/// Nanoseconds as a Python int (an `i64` holds them until the year 2262).
fn ns_value(ns: u128) -> Value {
    Value::Int(i64::try_from(ns).unwrap_or(i64::MAX))
}

fn time_ns(_: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(ns_value(t))
}

fn perf_counter_ns(_: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    // Offset so the first reading is positive, like CPython's clock.
    Ok(ns_value(START.with(|s| s.elapsed().as_nanos()) + 1))
}
