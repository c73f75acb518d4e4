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
        if let Value::Instance(_) = v {
            return self.instance_format(v, spec);
        }
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
        if let (0, Value::Int(n)) = (conv, v) {
            let spec = match &spec {
                Value::Str(s) => s.as_bytes(),
                _ => b"",
            };
            if let Some(r) = self.format_int_simple(n, spec) {
                return Ok(r);
            }
        }
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

    /// `str(n)` for a small int, written straight into the new string.
    pub fn int_str(&mut self, n: i64) -> Value {
        let mut buf = [0u8; 20];
        let digits = dec_digits(n, &mut buf);
        Value::Str(
            self.heap.str_with(digits.len(), Some(digits.len()), |w| w.push_ascii_bytes(digits)),
        )
    }

    /// `format(n, spec)` for the common integer specs: `""`, `"d"`, and a
    /// width with or without a leading `0` (`"6"`, `"06d"`), written
    /// straight into the result. `None` for anything else.
    fn format_int_simple(&mut self, n: i64, spec: &[u8]) -> Option<Value> {
        let spec = spec.strip_suffix(b"d").unwrap_or(spec);
        let (zero, width) = match spec {
            [] => (false, b"".as_slice()),
            [b'0', rest @ ..] => (true, rest),
            _ => (false, spec),
        };
        if width.len() > 3 || !width.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let width = width.iter().fold(0usize, |w, d| w * 10 + (d - b'0') as usize);
        let mut buf = [0u8; 20];
        let digits = dec_digits(n, &mut buf);
        let len = digits.len().max(width);
        let pad = len - digits.len();
        let g = self.heap.str_with(len, Some(len), |w| {
            if zero && n < 0 {
                // Sign-aware padding: "-0005".
                w.push_ascii(b'-');
                (0..pad).for_each(|_| w.push_ascii(b'0'));
                w.push_ascii_bytes(&digits[1..]);
            } else {
                let fill = if zero { b'0' } else { b' ' };
                (0..pad).for_each(|_| w.push_ascii(fill));
                w.push_ascii_bytes(digits);
            }
        });
        Some(Value::Str(g))
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, f: &str, args: Value) -> PyResult<Value> {
        if let Some(v) = self.percent_simple(f, args) {
            return Ok(v);
        }
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

    /// `fmt % args` when `fmt` has only `%s`, `%d` and `%%` (no flags, width,
    /// precision or keys) and every argument is a str or an int (`%d`: an
    /// int): the length computed first, the text written straight into the
    /// result. `None`: not that simple (the general engine decides,
    /// including every error).
    fn percent_simple(&mut self, f: &str, args: Value) -> Option<Value> {
        let items: &[Value] = match &args {
            Value::Tuple(t) => &t.items,
            Value::Str(_) | Value::Int(_) => std::slice::from_ref(&args),
            _ => return None,
        };
        let fb = f.as_bytes();
        let mut len = 0usize;
        let mut next = 0usize;
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'%', &fb[i..]) {
            let p = i + p;
            len += p - i;
            match fb.get(p + 1) {
                Some(b'%') => len += 1,
                Some(&c @ (b's' | b'd')) => {
                    len += match (c, items.get(next)?) {
                        (b's', Value::Str(s)) => s.byte_len(),
                        (_, Value::Int(n)) => dec_len(*n),
                        _ => return None,
                    };
                    next += 1;
                }
                _ => return None,
            }
            i = p + 2;
        }
        len += fb.len() - i;
        if next != items.len() {
            return None;
        }
        let g = self.heap.str_with(len, None, |w| {
            let mut next = 0;
            let mut i = 0;
            while let Some(p) = memchr::memchr(b'%', &fb[i..]) {
                let p = i + p;
                w.push_str(&f[i..p]);
                if fb[p + 1] == b'%' {
                    w.push_ascii(b'%');
                } else {
                    match items[next] {
                        Value::Str(s) => w.push_str(s.as_str()),
                        Value::Int(n) => {
                            let mut buf = [0u8; 20];
                            w.push_ascii_bytes(dec_digits(n, &mut buf));
                        }
                        _ => {}
                    }
                    next += 1;
                }
                i = p + 2;
            }
            w.push_str(&f[i..]);
        });
        Some(Value::Str(g))
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

/// The length of `n` in decimal (with its sign).
fn dec_len(n: i64) -> usize {
    let mut m = n.unsigned_abs();
    let mut len = 1 + (n < 0) as usize;
    while m >= 10 {
        m /= 10;
        len += 1;
    }
    len
}

/// `n` in decimal, written at the end of `buf`.
fn dec_digits(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut m = n.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
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
        if let Value::Instance(_) = *v {
            return self.instance_number(*v, kind).map_err(FmtErr::Py);
        }
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

impl Glue<'_> {
    /// An instance as a number for `%d`, `%x`, `%f`...: `__index__`,
    /// `__int__`, `__float__`, or its builtin payload.
    fn instance_number(&mut self, v: Value, kind: NumKind) -> PyResult<Option<PyNum>> {
        let vm = &mut *self.0;
        if let Some(p) = vm.payload_of(v) {
            return match self.number(&p, kind) {
                Ok(n) => Ok(n),
                Err(FmtErr::Py(e)) => Err(e),
                Err(FmtErr::Arith(a)) => Err(self.0.arith_err(a)),
            };
        }
        let as_int = |x: Value| match x {
            Value::Int(i) => Some(PyNum::Int(Int::Small(i))),
            Value::BigInt(b) => Some(PyNum::Int(Int::Big(b.value.clone()))),
            _ => None,
        };
        Ok(match kind {
            NumKind::Index => {
                if !vm.has_index(v) {
                    return Ok(None);
                }
                as_int(vm.index_value(v)?)
            }
            NumKind::Int => {
                if vm.has_index(v) {
                    as_int(vm.index_value(v)?)
                } else {
                    vm.instance_int(v)?.and_then(as_int)
                }
            }
            _ => match vm.instance_float(v)? {
                Some(Value::Float(f)) => Some(PyNum::Float(f)),
                _ => None,
            },
        })
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
