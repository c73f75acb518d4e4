//! The `sys` module: argv, exit, stdout/stderr writers, recursion limit,
//! maxsize, version_info, float_info, int_info, modules.

use crate::builtins::args::{int_arg, no_kwargs};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::tuple::{StructSeq, TupleObj};
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    let stdout = make_stream(vm, "stdout");
    let stderr = make_stream(vm, "stderr");
    let final_ = Value::Str(vm.intern("final"));
    let version_info = struct_seq(
        vm,
        &VERSION_INFO,
        vec![Value::Int(3), Value::Int(11), Value::Int(7), final_, Value::Int(0)],
    );
    let float_info = struct_seq(
        vm,
        &FLOAT_INFO,
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    );
    let int_info = struct_seq(
        vm,
        &INT_INFO,
        vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)],
    );
    let modules = Value::Dict(vm.heap.alloc(crate::runtime::dict::DictObj::new()));
    let mut loaded: Vec<(String, Value)> =
        vm.modules.iter().map(|(k, &v)| (k.clone(), v)).collect();
    loaded.sort_by(|a, b| a.0.cmp(&b.0));
    if let Value::Dict(d) = modules {
        for (k, v) in loaded {
            let k = vm.new_str(k);
            let _ = d.set(k, v);
        }
    }
    let attrs = vec![
        ("argv", argv),
        ("exit", vm.native("exit", exit)),
        ("exc_info", vm.native("exc_info", exc_info)),
        ("getrecursionlimit", vm.native("getrecursionlimit", getrecursionlimit)),
        ("setrecursionlimit", vm.native("setrecursionlimit", setrecursionlimit)),
        ("maxsize", Value::Int(i64::MAX)),
        ("version_info", version_info),
        ("float_info", float_info),
        ("int_info", int_info),
        ("modules", modules),
        ("hexversion", Value::Int(0x030b07f0)),
        ("implementation_name", vm.new_str("taipan")),
        ("version", vm.new_str("3.11.7 (taipan)")),
        ("platform", vm.new_str("linux")),
        ("byteorder", vm.new_str("little")),
        ("stdout", stdout),
        ("stderr", stderr),
    ];
    let sys = vm.add_module("sys", attrs);
    register(vm, "sys", sys);
}

/// `sys.exc_info()`.
fn exc_info(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "exc_info", kw)?;
    crate::builtins::check_args(vm, "sys.exc_info", args, 0, 0)?;
    Ok(vm.exc_info())
}

static VERSION_INFO: StructSeq = StructSeq {
    name: "sys.version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    repr: None,
};

static FLOAT_INFO: StructSeq = StructSeq {
    name: "sys.float_info",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    repr: None,
};

static INT_INFO: StructSeq = StructSeq {
    name: "sys.int_info",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    repr: None,
};

fn struct_seq(vm: &mut Vm, seq: &'static StructSeq, items: Vec<Value>) -> Value {
    Value::Tuple(vm.heap.alloc(TupleObj::struct_seq(seq, items)))
}

/// Record a newly imported module in `sys.modules` (if `sys` is loaded).
pub fn register(vm: &mut Vm, name: &str, module: Value) {
    let Some(&Value::Module(sys)) = vm.modules.get("sys") else { return };
    let key = Value::Str(vm.intern("modules"));
    if let Ok(Some(Value::Dict(d))) = sys.dict.get(key) {
        let k = vm.new_str(name);
        let _ = d.set(k, module);
    }
}

/// A stream object: a module-like namespace with `write` and `flush`.
fn make_stream(vm: &mut Vm, name: &'static str) -> Value {
    let write = if name == "stdout" {
        vm.native("write", write_stdout)
    } else {
        vm.native("write", write_stderr)
    };
    let flush = vm.native("flush", flush);
    let m = vm.add_module(
        if name == "stdout" { "<stdout>" } else { "<stderr>" },
        vec![("write", write), ("flush", flush)],
    );
    vm.modules.remove(if name == "stdout" { "<stdout>" } else { "<stderr>" });
    m
}

/// Is `f` the `sys.stderr` object?
pub fn is_stderr(vm: &mut Vm, f: Value) -> bool {
    if let Value::Module(m) = f {
        return m.name.as_str() == "<stderr>";
    }
    let _ = vm;
    false
}

fn write_stdout(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "write", kw)?;
    let Some(&Value::Str(s)) = args.first() else {
        return Err(vm.type_error("write() argument must be str"));
    };
    vm.write_out(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn write_stderr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "write", kw)?;
    let Some(&Value::Str(s)) = args.first() else {
        return Err(vm.type_error("write() argument must be str"));
    };
    vm.write_err(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn flush(vm: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.flush_out();
    Ok(Value::None)
}

fn exit(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "exit", kw)?;
    Err(vm.err_args(ExcKind::SystemExit, args.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "setrecursionlimit", kw)?;
    let Some(&v) = args.first() else {
        return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    let n = int_arg(vm, v, "")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n.min(200_000) as usize;
    Ok(Value::None)
}
