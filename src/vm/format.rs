//! Glue between the VM's values and the pure formatting engines of
//! [`crate::runtime::format`]: `format(v, spec)` (f-strings), `str % args`
//! and `str.format(...)`.

use super::{PyErr, PyResult, Vm};
use crate::runtime::exception::ExcKind;
use crate::runtime::format::{
    self as fmt, FormatFields, ItemKey, NumKind, PercentArgs, PercentInput, PyNum,
};
use crate::runtime::function::KwArgs;
use crate::runtime::int::{ArithError, Int};
use crate::runtime::value::Value;

/// An error from a formatting engine: its own, or one the VM raised.
pub enum FmtErr {
    Arith(ArithError),
    Py(PyErr),
}

impl From<ArithError> for FmtErr {
    fn from(e: ArithError) -> Self {
        FmtErr::Arith(e)
    }
}

impl Vm {
    pub fn arith_err(&mut self, e: ArithError) -> PyErr {
        use crate::runtime::int::ExcKind as K;
        let kind = match e.kind {
            K::ZeroDivisionError => ExcKind::ZeroDivisionError,
            K::OverflowError => ExcKind::OverflowError,
            K::ValueError => ExcKind::ValueError,
            K::TypeError => ExcKind::TypeError,
            K::MemoryError => ExcKind::MemoryError,
        };
        if e.msg.is_empty() {
            return self.err_args(kind, Vec::new());
        }
        self.err(kind, e.msg)
    }

    fn fmt_err(&mut self, e: FmtErr) -> PyErr {
        match e {
            FmtErr::Arith(a) => self.arith_err(a),
            FmtErr::Py(p) => p,
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let tname = self.type_name(v);
        let r = match v {
            Value::Int(i) => fmt::format_int(&Int::Small(i), spec, tname, 4300),
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if b { "True" } else { "False" }.into());
                }
                fmt::format_int(&Int::Small(b as i64), spec, tname, 4300)
            }
            Value::BigInt(b) => fmt::format_int(&Int::Big(b.value.clone()), spec, tname, 4300),
            Value::Float(f) => fmt::format_float(f, spec, tname),
            Value::Complex(c) => fmt::format_complex(c.re, c.im, spec, tname),
            Value::Str(s) => fmt::format_str(s.as_str(), spec, tname),
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {tname}.__format__"
                )));
            }
        };
        r.map_err(|e| self.arith_err(e))
    }

    /// The `FormatValue` instruction: conversion (0 none, 1 str, 2 repr,
    /// 3 ascii) then `format` with the optional spec.
    pub fn format_value(&mut self, v: Value, conv: usize, spec: Value) -> PyResult<Value> {
        let v = match conv {
            1 => {
                let s = self.str_of(v)?;
                self.new_str(s)
            }
            2 => {
                let s = self.repr(v)?;
                self.new_str(s)
            }
            3 => {
                let s = self.repr(v)?;
                let a = ascii_escape(&s);
                self.new_str(a)
            }
            _ => v,
        };
        let spec_s = match spec {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec_s.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v);
            }
        }
        let s = self.format(v, &spec_s)?;
        Ok(self.new_str(s))
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, f: &str, args: Value) -> PyResult<Value> {
        let f = f.to_string();
        let r = match args {
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                fmt::percent_format(&f, PercentInput::Tuple(&items), &mut Glue(self))
            }
            Value::Dict(_) => {
                fmt::percent_format(&f, PercentInput::Mapping(&args), &mut Glue(self))
            }
            _ => fmt::percent_format(&f, PercentInput::Single(&args), &mut Glue(self)),
        };
        match r {
            Ok(s) => Ok(self.new_str(s)),
            Err(e) => Err(self.fmt_err(e)),
        }
    }

    /// `s.format(*args, **kwargs)`.
    pub fn str_format(&mut self, s: &str, args: &[Value], kw: KwArgs) -> PyResult<String> {
        let mut g = FieldsGlue { vm: self, args, kw };
        match fmt::vformat(s, &mut g) {
            Ok(s) => Ok(s),
            Err(e) => Err(self.fmt_err(e)),
        }
    }
}

/// `ascii(repr)`: escape non-ASCII characters.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

struct Glue<'v>(&'v mut Vm);

impl PercentArgs for Glue<'_> {
    type Value = Value;
    type Err = FmtErr;

    fn str(&mut self, v: &Value) -> Result<String, FmtErr> {
        self.0.str_of(*v).map_err(FmtErr::Py)
    }
    fn repr(&mut self, v: &Value) -> Result<String, FmtErr> {
        self.0.repr(*v).map_err(FmtErr::Py)
    }
    fn ascii(&mut self, v: &Value) -> Result<String, FmtErr> {
        self.0.repr(*v).map(|s| ascii_escape(&s)).map_err(FmtErr::Py)
    }
    fn type_name(&mut self, v: &Value) -> String {
        self.0.type_name(*v).to_string()
    }
    fn number(&mut self, v: &Value, kind: NumKind) -> Result<Option<PyNum>, FmtErr> {
        Ok(match (*v, kind) {
            (Value::Int(i), _) => Some(PyNum::Int(Int::Small(i))),
            (Value::Bool(b), NumKind::ExactInt) => Some(PyNum::Int(Int::Small(b as i64))),
            (Value::Bool(b), _) => Some(PyNum::Int(Int::Small(b as i64))),
            (Value::BigInt(b), _) => Some(PyNum::Int(Int::Big(b.value.clone()))),
            (Value::Float(f), NumKind::Int | NumKind::Float) => Some(PyNum::Float(f)),
            _ => None,
        })
    }
    fn as_str(&mut self, v: &Value) -> Option<String> {
        v.as_str().map(|s| s.to_string())
    }
    fn getitem(&mut self, mapping: &Value, key: &str) -> Result<Value, FmtErr> {
        let k = self.0.new_str(key);
        self.0.get_item(*mapping, k).map_err(FmtErr::Py)
    }
}

struct FieldsGlue<'v, 'a> {
    vm: &'v mut Vm,
    args: &'a [Value],
    kw: KwArgs<'a>,
}

impl FormatFields for FieldsGlue<'_, '_> {
    type Value = Value;
    type Err = FmtErr;

    fn positional(&mut self, index: usize) -> Result<Value, FmtErr> {
        match self.args.get(index) {
            Some(&v) => Ok(v),
            None => Err(FmtErr::Py(self.vm.err(
                ExcKind::IndexError,
                format!("Replacement index {index} out of range for positional args tuple"),
            ))),
        }
    }
    fn keyword(&mut self, name: &str) -> Result<Value, FmtErr> {
        match self.kw.iter().find(|(k, _)| k.as_str() == Some(name)) {
            Some(&(_, v)) => Ok(v),
            None => {
                let k = self.vm.new_str(name);
                Err(FmtErr::Py(self.vm.err_args(ExcKind::KeyError, vec![k])))
            }
        }
    }
    fn getattr(&mut self, v: &Value, name: &str) -> Result<Value, FmtErr> {
        let n = self.vm.new_str(name);
        self.vm.get_attr(*v, n).map_err(FmtErr::Py)
    }
    fn getitem(&mut self, v: &Value, key: ItemKey<'_>) -> Result<Value, FmtErr> {
        let k = match key {
            ItemKey::Index(i) => Value::Int(i as i64),
            ItemKey::Str(s) => self.vm.new_str(s),
        };
        self.vm.get_item(*v, k).map_err(FmtErr::Py)
    }
    fn convert(&mut self, v: Value, conversion: char) -> Result<Value, FmtErr> {
        let s = match conversion {
            'r' => self.vm.repr(v),
            'a' => self.vm.repr(v).map(|s| ascii_escape(&s)),
            _ => self.vm.str_of(v),
        }
        .map_err(FmtErr::Py)?;
        Ok(self.vm.new_str(s))
    }
    fn format(&mut self, v: &Value, spec: &str) -> Result<String, FmtErr> {
        self.vm.format(*v, spec).map_err(FmtErr::Py)
    }
}
