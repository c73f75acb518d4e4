//! The builtin exception classes beyond `args`, as CPython 3.11's
//! `Objects/exceptions.c`: construction (ImportError's `name=`/`path=`,
//! OSError's errno → subclass mapping and its `errno`/`strerror`/`filename`
//! fields), `str()` (KeyError, OSError, SyntaxError), the attributes
//! (`__cause__`, `__context__`, `__suppress_context__`, `__traceback__`,
//! `__notes__`, `StopIteration.value`, `SystemExit.code`...), the methods
//! `with_traceback` and `add_note`, and traceback objects.

use super::args::kwarg;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::{ExcKind, ExcObj, TbEntry, TracebackObj};
use crate::runtime::function::KwArgs;
use crate::runtime::heap::Gc;
use crate::runtime::object::TypeId;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_method(TypeId::Exception, "with_traceback", with_traceback);
    vm.add_method(TypeId::Exception, "add_note", add_note);
    // CPython's aliases of OSError.
    let t = Value::Type(vm.exc_types[&ExcKind::OSError]);
    for alias in ["EnvironmentError", "IOError"] {
        let key = Value::Str(vm.intern(alias));
        let _ = vm.builtins.set(key, t);
    }
}

/// `OSError(errno, ...)` makes the subclass for that errno (`PEP 3151`).
fn oserror_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// Call a builtin exception class.
pub fn new_exception(
    vm: &mut Vm,
    mut kind: ExcKind,
    args: &[Value],
    kw: KwArgs,
) -> PyResult<Value> {
    let mut attrs: Vec<(&'static str, Value)> = Vec::new();
    let mut args = args.to_vec();
    if kind.is_subclass(ExcKind::ImportError) {
        for (k, _) in kw {
            let k = k.as_str().unwrap_or("");
            if k != "name" && k != "path" {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    kind.name()
                )));
            }
        }
        for name in ["name", "path"] {
            if let Some(v) = kwarg(kw, name) {
                attrs.push((name, v));
            }
        }
    } else if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", kind.name())));
    }
    if kind.is_subclass(ExcKind::OSError) && (2..=5).contains(&args.len()) {
        if kind == ExcKind::OSError {
            if let Some(sub) = args[0].as_int().and_then(oserror_subclass) {
                kind = sub;
            }
        }
        attrs.push(("errno", args[0]));
        attrs.push(("strerror", args[1]));
        if let Some(&f) = args.get(2).filter(|f| !f.is_none()) {
            attrs.push(("filename", f));
            if let Some(&f2) = args.get(4).filter(|f| !f.is_none()) {
                attrs.push(("filename2", f2));
            }
            args.truncate(2);
        }
    }
    let e = vm.heap.alloc(ExcObj::new(kind, args));
    for (k, v) in attrs {
        set_dict_attr(vm, e, k, v)?;
    }
    Ok(Value::Exception(e))
}

fn set_dict_attr(vm: &mut Vm, e: Gc<ExcObj>, name: &str, v: Value) -> PyResult<()> {
    let d = exc_dict(vm, e);
    let k = vm.new_str(name);
    vm.dict_set(d, k, v)
}

/// The instance dict of an exception (created on first use).
fn exc_dict(vm: &mut Vm, e: Gc<ExcObj>) -> Gc<DictObj> {
    if let Some(d) = e.dict.get() {
        return d;
    }
    let d = vm.heap.alloc(DictObj::new());
    e.dict.set(Some(d));
    d
}

/// `str(e)`.
pub fn exc_str(vm: &mut Vm, e: &ExcObj) -> PyResult<String> {
    if e.kind.is_subclass(ExcKind::OSError) {
        let field = |n: &str| e.attr(n).filter(|v| !v.is_none());
        let (errno, strerror) = (field("errno"), field("strerror"));
        if let Some(f) = field("filename") {
            let errno = vm.str_of(errno.unwrap_or(Value::None))?;
            let strerror = vm.str_of(strerror.unwrap_or(Value::None))?;
            let mut s = format!("[Errno {errno}] {strerror}: {}", vm.repr(f)?);
            if let Some(f2) = field("filename2") {
                s.push_str(&format!(" -> {}", vm.repr(f2)?));
            }
            return Ok(s);
        }
        if let (Some(n), Some(m)) = (errno, strerror) {
            return Ok(format!("[Errno {}] {}", vm.str_of(n)?, vm.str_of(m)?));
        }
    }
    if e.kind.is_subclass(ExcKind::SyntaxError) {
        return syntax_error_str(vm, e);
    }
    let args = e.args();
    match args.len() {
        0 => Ok(String::new()),
        1 if e.kind == ExcKind::KeyError => vm.repr(args[0]),
        1 => vm.str_of(args[0]),
        _ => {
            let t = vm.new_tuple(args);
            vm.str_of(t)
        }
    }
}

/// The fields of a SyntaxError: `msg` and, from a `(filename, lineno,
/// offset, text[, end_lineno, end_offset])` second argument, the location.
fn syntax_error_field(e: &ExcObj, name: &str) -> Value {
    if let Some(v) = e.attr(name) {
        return v;
    }
    let args = e.args();
    if name == "msg" {
        return args.first().copied().unwrap_or(Value::None);
    }
    let idx = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        _ => return Value::None,
    };
    match args.get(1) {
        Some(Value::Tuple(t)) if args.len() == 2 => {
            t.items.get(idx).copied().unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

fn syntax_error_str(vm: &mut Vm, e: &ExcObj) -> PyResult<String> {
    let msg = vm.str_of(syntax_error_field(e, "msg"))?;
    let filename = match syntax_error_field(e, "filename") {
        Value::Str(s) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let lineno = match syntax_error_field(e, "lineno") {
        Value::Int(i) => Some(i),
        _ => None,
    };
    Ok(match (filename, lineno) {
        (None, None) => msg,
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
    })
}

/// `e.name` for the attributes every exception (or its class) has;
/// `None` when `name` is not one of them.
pub fn get_attr(vm: &mut Vm, e: Gc<ExcObj>, name: &str) -> Option<Value> {
    match name {
        "args" => return Some(vm.new_tuple(e.args())),
        "__cause__" => return Some(e.cause.with(|c| *c)),
        "__context__" => return Some(e.context.with(|c| *c)),
        "__suppress_context__" => return Some(Value::Bool(e.suppress_context.with(|s| *s))),
        "__traceback__" => return Some(vm.traceback_of(e)),
        "__dict__" => return Some(Value::Dict(exc_dict(vm, e))),
        _ => {}
    }
    if let Some(v) = e.attr(name) {
        return Some(v);
    }
    let k = e.kind;
    let first = || e.arg(0).unwrap_or(Value::None);
    Some(match name {
        "errno" | "strerror" | "filename" | "filename2" if k.is_subclass(ExcKind::OSError) => {
            Value::None
        }
        "value" if k == ExcKind::StopIteration || k == ExcKind::StopAsyncIteration => first(),
        "code" if k == ExcKind::SystemExit => match e.arg_count() {
            0 | 1 => first(),
            _ => vm.new_tuple(e.args()),
        },
        "msg" if k.is_subclass(ExcKind::ImportError) => {
            if e.arg_count() == 1 {
                first()
            } else {
                Value::None
            }
        }
        "name" | "path" if k.is_subclass(ExcKind::ImportError) => Value::None,
        "name" if k.is_subclass(ExcKind::NameError) => Value::None,
        "name" | "obj" if k == ExcKind::AttributeError => Value::None,
        "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
            if k.is_subclass(ExcKind::SyntaxError) =>
        {
            syntax_error_field(&e, name)
        }
        "print_file_and_line" if k.is_subclass(ExcKind::SyntaxError) => Value::None,
        _ => return None,
    })
}

/// `e.name = v`.
pub fn set_attr(vm: &mut Vm, e: Gc<ExcObj>, name: &str, v: Value) -> PyResult<()> {
    let is_exc_or_none = |v: Value| matches!(v, Value::None | Value::Exception(_));
    match name {
        "args" => {
            let items = vm.collect_iter(v)?;
            e.set_args(items);
        }
        "__cause__" => {
            if !is_exc_or_none(v) {
                return Err(
                    vm.type_error("exception cause must be None or derive from BaseException")
                );
            }
            e.cause.with_mut(|c| *c = v);
            e.suppress_context.with_mut(|s| *s = true);
        }
        "__context__" => {
            if !is_exc_or_none(v) {
                return Err(
                    vm.type_error("exception context must be None or derive from BaseException")
                );
            }
            e.context.with_mut(|c| *c = v);
        }
        "__suppress_context__" => match v {
            Value::Bool(b) => e.suppress_context.with_mut(|s| *s = b),
            _ => return Err(vm.type_error("attribute value type must be bool")),
        },
        "__traceback__" => set_traceback(vm, e, v)?,
        "__dict__" => match v {
            Value::Dict(d) => e.dict.set(Some(d)),
            _ => {
                return Err(vm.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    vm.type_name(v)
                )))
            }
        },
        _ => set_dict_attr(vm, e, name, v)?,
    }
    Ok(())
}

/// Replace the traceback of `e` by the chain `tb` (a traceback or None).
fn set_traceback(vm: &mut Vm, e: Gc<ExcObj>, tb: Value) -> PyResult<()> {
    let mut entries = Vec::new();
    let mut t = tb;
    loop {
        match t {
            Value::None => break,
            Value::Traceback(obj) => {
                entries.push(obj.entry.clone());
                t = obj.next;
            }
            _ => return Err(vm.type_error("__traceback__ must be a traceback or None")),
        }
    }
    entries.reverse();
    e.traceback.with_mut(|x| *x = entries);
    Ok(())
}

fn exc_of(v: Value) -> Gc<ExcObj> {
    match v {
        Value::Exception(e) => e,
        _ => unreachable!("method bound to an exception"),
    }
}

fn with_traceback(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    super::args::no_kwargs(vm, "with_traceback", kw)?;
    super::check_args(vm, "with_traceback", args, 1, 1)?;
    set_traceback(vm, exc_of(recv), args[0])?;
    Ok(recv)
}

fn add_note(vm: &mut Vm, recv: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    super::args::no_kwargs(vm, "add_note", kw)?;
    super::check_args(vm, "add_note", args, 1, 1)?;
    let note = args[0];
    if !matches!(note, Value::Str(_)) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let e = exc_of(recv);
    match e.attr("__notes__") {
        None => {
            let l = vm.new_list(vec![note]);
            set_dict_attr(vm, e, "__notes__", l)?;
        }
        Some(Value::List(l)) => l.push(note),
        Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

/// Attributes of a traceback object.
pub fn traceback_attr(tb: &TracebackObj, name: &str) -> Option<Value> {
    Some(match name {
        "tb_next" => tb.next,
        "tb_lineno" => Value::Int(tb.entry.code.position(tb.entry.pc as usize).line as i64),
        "tb_lasti" => Value::Int(tb.entry.pc as i64 * 4),
        _ => return None,
    })
}

impl Vm {
    /// `e.__traceback__`: a new chain of traceback objects, outermost first.
    pub fn traceback_of(&mut self, e: Gc<ExcObj>) -> Value {
        let entries: Vec<TbEntry> = e.traceback.with(|t| t.clone());
        let mut next = Value::None;
        for entry in entries {
            next = Value::Traceback(self.heap.alloc(TracebackObj { entry, next }));
        }
        next
    }
}
