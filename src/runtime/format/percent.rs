//! `printf`-style formatting, `str % args` (CPython's `PyUnicode_Format`):
//! `%s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%`, flags `-+ #0`,
//! width and precision (also `*`), mapping keys `%(name)s`, and the length
//! modifiers `h l L` (ignored).
//!
//! The VM describes the right operand with [`PercentInput`] and supplies the
//! behaviour of its values through [`PercentArgs`] (`str()`, `repr()`,
//! `ascii()`, numeric coercions, mapping lookup). Errors from those
//! callbacks propagate unchanged, in CPython's order.

use super::float_fmt::{format_float_short, FloatFlags};
use crate::runtime::int::{ArithError, Int};

/// Which coercion a conversion needs from an argument (see [`PercentArgs::number`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// `%d %i %u`: CPython's `PyNumber_Check` then `int(v)`. Return
    /// `PyNum::Int` for ints/bools and objects with `__int__`/`__index__`,
    /// `PyNum::Float` for floats (truncated here), `None` for anything
    /// else (including `str` and `complex`).
    Int,
    /// `%o %x %X %c`: `operator.index(v)`; `None` if there is no `__index__`.
    Index,
    /// `%e %f %g …`: `float(v)`: `PyNum::Float` (or `PyNum::Int` for ints,
    /// converted here); `None` if the value has no `__float__`/`__index__`.
    Float,
    /// `*` width/precision: exactly an `int` (`PyLong_Check`), else `None`.
    ExactInt,
}

/// A number handed over by the VM.
#[derive(Debug, Clone, PartialEq)]
pub enum PyNum {
    Int(Int),
    Float(f64),
}

/// The right operand of `%`.
#[derive(Debug, Clone, Copy)]
pub enum PercentInput<'a, V> {
    /// A tuple: its items are the arguments.
    Tuple(&'a [V]),
    /// Any other non-mapping value: the single argument.
    Single(&'a V),
    /// A mapping that is not a tuple or str: used for `%(key)s`, and as the
    /// single argument of key-less conversions.
    Mapping(&'a V),
}

/// The VM's side of `%`-formatting.
pub trait PercentArgs {
    /// A Python value.
    type Value: Clone;
    /// The VM's exception type; numeric errors arrive as [`ArithError`].
    type Err: From<ArithError>;
    /// `str(v)` (for a `str`, the string itself).
    fn str(&mut self, v: &Self::Value) -> Result<String, Self::Err>;
    /// `repr(v)`.
    fn repr(&mut self, v: &Self::Value) -> Result<String, Self::Err>;
    /// `ascii(v)`.
    fn ascii(&mut self, v: &Self::Value) -> Result<String, Self::Err>;
    /// `type(v).__name__`, for error messages.
    fn type_name(&mut self, v: &Self::Value) -> String;
    /// The numeric view of `v` for the conversion `kind`, `None` if the value
    /// is of the wrong type (this module then raises CPython's `TypeError`).
    fn number(&mut self, v: &Self::Value, kind: NumKind) -> Result<Option<PyNum>, Self::Err>;
    /// `Some(text)` if `v` is a `str` (for `%c`).
    fn as_str(&mut self, v: &Self::Value) -> Option<String>;
    /// `mapping[key]` (a `KeyError` is the VM's to raise).
    fn getitem(&mut self, mapping: &Self::Value, key: &str) -> Result<Self::Value, Self::Err>;
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Largest width or precision rendered: beyond it `MemoryError` is raised
/// instead of building a gigabyte string (CPython would try).
const MAX_WIDTH: usize = 100_000_000;

/// The argument cursor (CPython's `arglen`/`argidx`: a single value has
/// `arglen = -1` and starts at `argidx = -2`).
struct Cursor<'a, V: Clone> {
    tuple: &'a [V],
    single: Option<V>,
    arglen: isize,
    argidx: isize,
}

impl<V: Clone> Cursor<'_, V> {
    fn next(&mut self) -> Result<V, ArithError> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                if let Some(v) = &self.single {
                    return Ok(v.clone());
                }
            } else if let Some(v) = self.tuple.get(idx as usize) {
                return Ok(v.clone());
            }
        }
        Err(ArithError::type_err("not enough arguments for format string"))
    }
}

/// `fmt % args`.
pub fn percent_format<A: PercentArgs>(
    fmt: &str,
    input: PercentInput<'_, A::Value>,
    a: &mut A,
) -> Result<String, A::Err> {
    let (mut cur, dict) = match input {
        PercentInput::Tuple(t) => {
            (Cursor { tuple: t, single: None, arglen: t.len() as isize, argidx: 0 }, None)
        }
        PercentInput::Single(v) => {
            (Cursor { tuple: &[], single: Some(v.clone()), arglen: -1, argidx: -2 }, None)
        }
        PercentInput::Mapping(v) => (
            Cursor { tuple: &[], single: Some(v.clone()), arglen: -1, argidx: -2 },
            Some(v.clone()),
        ),
    };
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < n {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let adv = |i: &mut usize| -> Option<char> {
            if *i < n {
                *i += 1;
                Some(chars[*i - 1])
            } else {
                None
            }
        };
        // Mapping key.
        if i < n && chars[i] == '(' {
            let Some(d) = &dict else {
                return Err(ArithError::type_err("format requires a mapping").into());
            };
            i += 1;
            let keystart = i;
            let mut pcount = 1;
            while pcount > 0 && i < n {
                match chars[i] {
                    ')' => pcount -= 1,
                    '(' => pcount += 1,
                    _ => {}
                }
                i += 1;
            }
            if pcount > 0 {
                return Err(ArithError::value("incomplete format key").into());
            }
            let key: String = chars[keystart..i - 1].iter().collect();
            let v = a.getitem(d, &key)?;
            cur.single = Some(v);
            cur.arglen = -1;
            cur.argidx = -2;
        }
        let mut flags = 0u8;
        let mut c = adv(&mut i);
        loop {
            let bit = match c {
                Some('-') => F_LJUST,
                Some('+') => F_SIGN,
                Some(' ') => F_BLANK,
                Some('#') => F_ALT,
                Some('0') => F_ZERO,
                _ => break,
            };
            flags |= bit;
            c = adv(&mut i);
        }
        let mut width: Option<usize> = None;
        if c == Some('*') {
            let v = cur.next()?;
            let w = star_int(a, &v)?;
            let w = match w.as_i64() {
                Some(w) => w,
                None => {
                    return Err(ArithError::overflow(
                        "Python int too large to convert to C ssize_t",
                    )
                    .into())
                }
            };
            if w < 0 {
                flags |= F_LJUST;
            }
            width = Some(w.unsigned_abs() as usize);
            c = adv(&mut i);
        } else if let Some(d) = c.and_then(|c| c.to_digit(10)) {
            let mut w = d as usize;
            loop {
                c = adv(&mut i);
                let Some(d) = c.and_then(|c| c.to_digit(10)) else { break };
                if w > (isize::MAX as usize - d as usize) / 10 {
                    return Err(ArithError::value("width too big").into());
                }
                w = w * 10 + d as usize;
            }
            width = Some(w);
        }
        let mut prec: Option<usize> = None;
        if c == Some('.') {
            prec = Some(0);
            c = adv(&mut i);
            if c == Some('*') {
                let v = cur.next()?;
                let p = star_int(a, &v)?;
                let p = match p.as_i64().filter(|p| i32::try_from(*p).is_ok()) {
                    Some(p) => p,
                    None => {
                        return Err(ArithError::overflow(
                            "Python int too large to convert to C int",
                        )
                        .into())
                    }
                };
                prec = Some(p.max(0) as usize);
                c = adv(&mut i);
            } else if let Some(d) = c.and_then(|c| c.to_digit(10)) {
                let mut p = d as usize;
                loop {
                    c = adv(&mut i);
                    let Some(d) = c.and_then(|c| c.to_digit(10)) else { break };
                    if p > (i32::MAX as usize - d as usize) / 10 {
                        return Err(ArithError::value("precision too big").into());
                    }
                    p = p * 10 + d as usize;
                }
                prec = Some(p);
            }
        }
        if matches!(c, Some('h' | 'l' | 'L')) {
            c = adv(&mut i);
        }
        let Some(ch) = c else {
            return Err(ArithError::value("incomplete format").into());
        };
        if width.is_some_and(|w| w > MAX_WIDTH) || prec.is_some_and(|p| p > MAX_WIDTH) {
            return Err(ArithError::memory().into());
        }
        let v = cur.next()?;
        let (text, numeric) = match ch {
            's' => (a.str(&v)?, false),
            'r' => (a.repr(&v)?, false),
            'a' => (a.ascii(&v)?, false),
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(a, &v, ch, flags, prec)?, true),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match a.number(&v, NumKind::Float)? {
                    Some(PyNum::Float(x)) => x,
                    Some(PyNum::Int(i)) => i.to_f64()?,
                    None => {
                        let t = a.type_name(&v);
                        return Err(
                            ArithError::type_err(format!("must be real number, not {t}")).into()
                        );
                    }
                };
                let fl = FloatFlags { alt: flags & F_ALT != 0, ..FloatFlags::default() };
                (format_float_short(x, ch, prec.unwrap_or(6), fl), true)
            }
            'c' => (format_char(a, &v)?.to_string(), false),
            _ => {
                let shown = if (31..=126).contains(&(ch as u32)) { ch } else { '?' };
                return Err(ArithError::value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    ch as u32,
                    i - 1
                ))
                .into());
            }
        };
        output(&mut out, &text, ch, flags, width, prec, numeric);
    }
    if cur.argidx < cur.arglen && dict.is_none() {
        return Err(
            ArithError::type_err("not all arguments converted during string formatting").into()
        );
    }
    Ok(out)
}

/// A `*` width or precision: exactly an int (`TypeError: * wants int`).
fn star_int<A: PercentArgs>(a: &mut A, v: &A::Value) -> Result<Int, A::Err> {
    match a.number(v, NumKind::ExactInt)? {
        Some(PyNum::Int(i)) => Ok(i),
        _ => Err(ArithError::type_err("* wants int").into()),
    }
}

/// `%c`: a one-character str or an int in `range(0x110000)`.
fn format_char<A: PercentArgs>(a: &mut A, v: &A::Value) -> Result<char, A::Err> {
    let requires = || ArithError::type_err("%c requires int or char");
    if let Some(s) = a.as_str(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(requires().into()),
        };
    }
    match a.number(v, NumKind::Index)? {
        Some(PyNum::Int(i)) => {
            match i.as_i64().and_then(|x| u32::try_from(x).ok()).filter(|&x| x <= 0x10ffff) {
                // Surrogates cannot live in a Rust `str`: U+FFFD stands in.
                Some(x) => Ok(char::from_u32(x).unwrap_or('\u{fffd}')),
                None => Err(ArithError::overflow("%c arg not in range(0x110000)").into()),
            }
        }
        _ => Err(requires().into()),
    }
}

/// `%d %i %u %o %x %X` (CPython's `mainformatlong` + `_PyUnicode_FormatLong`).
fn format_long<A: PercentArgs>(
    a: &mut A,
    v: &A::Value,
    ch: char,
    flags: u8,
    prec: Option<usize>,
) -> Result<String, A::Err> {
    let index_only = matches!(ch, 'o' | 'x' | 'X');
    let kind = if index_only { NumKind::Index } else { NumKind::Int };
    let num = match a.number(v, kind)? {
        Some(PyNum::Int(i)) => i,
        Some(PyNum::Float(x)) if !index_only => Int::from_f64(x)?,
        _ => {
            let t = a.type_name(v);
            let what = if index_only { "an integer" } else { "a real number" };
            return Err(
                ArithError::type_err(format!("%{ch} format: {what} is required, not {t}")).into()
            );
        }
    };
    let (digits, prefix) = match ch {
        'o' => (num.to_radix_abs(8), "0o"),
        'x' => (num.to_radix_abs(16), "0x"),
        'X' => (num.to_radix_abs(16).to_ascii_uppercase(), "0X"),
        _ => {
            let mut s = num.to_decimal_string(crate::runtime::int::DEFAULT_MAX_STR_DIGITS)?;
            if s.starts_with('-') {
                s.remove(0);
            }
            (s, "")
        }
    };
    let mut out = String::with_capacity(digits.len() + 4);
    if num.is_negative() {
        out.push('-');
    }
    if flags & F_ALT != 0 {
        out.push_str(prefix);
    }
    if let Some(p) = prec {
        for _ in digits.len()..p {
            out.push('0');
        }
    }
    out.push_str(&digits);
    Ok(out)
}

/// Pad and sign a converted argument (CPython's `unicode_format_arg_output`).
fn output(
    out: &mut String,
    text: &str,
    ch: char,
    flags: u8,
    width: Option<usize>,
    prec: Option<usize>,
    numeric: bool,
) {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    if matches!(ch, 's' | 'r' | 'a') {
        if let Some(p) = prec {
            len = len.min(p);
        }
    }
    let fill = if numeric && flags & F_ZERO != 0 { '0' } else { ' ' };
    let mut pindex = 0;
    let mut signchar = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                signchar = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if flags & F_SIGN != 0 => signchar = Some('+'),
            _ if flags & F_BLANK != 0 => signchar = Some(' '),
            _ => {}
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    if let Some(s) = signchar {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags & F_ALT != 0 && matches!(ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = signchar {
            out.push(s);
        }
        if alt_prefix {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}
