//! Python `complex` semantics on a pair of `f64`s, as CPython 3.11's
//! `Objects/complexobject.c`: arithmetic (`_Py_c_quot`'s scaled division,
//! `**` by repeated squaring for small integral exponents, else polar form),
//! `abs`, the numeric hash, and parsing `complex("1+2j")`.
//!
//! Errors are [`ArithError`]s with CPython's messages; the VM turns them into
//! exceptions. The heap object is [`ComplexObj`].

use super::compare::hash_float;
use super::heap::{Trace, Tracer};
use super::int::{is_ascii_space, transform_decimal_and_space, ArithError, ArithResult};

/// A complex number (immutable).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

impl Trace for ComplexObj {
    const LEAF: bool = true;

    fn trace(&self, _: &mut Tracer) {}
}

/// A complex value (the arithmetic works on these, not on heap objects).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

impl C {
    pub const fn new(re: f64, im: f64) -> C {
        C { re, im }
    }
}

const ONE: C = C::new(1.0, 0.0);

pub fn add(a: C, b: C) -> C {
    C::new(a.re + b.re, a.im + b.im)
}

pub fn sub(a: C, b: C) -> C {
    C::new(a.re - b.re, a.im - b.im)
}

pub fn mul(a: C, b: C) -> C {
    C::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `_Py_c_quot`: `None` when dividing by zero.
fn quot(a: C, b: C) -> Option<C> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(C::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(C::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom))
    } else {
        // At least one of b.re, b.im is a NaN.
        Some(C::new(f64::NAN, f64::NAN))
    }
}

/// `a / b` (`ZeroDivisionError: complex division by zero`).
pub fn div(a: C, b: C) -> ArithResult<C> {
    quot(a, b).ok_or_else(|| ArithError::zero_div("complex division by zero"))
}

/// Outcome of a power computation before CPython's errno checks.
enum PowErr {
    Domain,
}

/// `_Py_c_pow`: the polar-form power.
fn c_pow(a: C, b: C) -> Result<C, PowErr> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowErr::Domain);
        }
        return Ok(C::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(C::new(len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: `x ** n` by repeated squaring.
fn powu(x: C, n: i64) -> C {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// `c_powi`: integral exponents.
fn powi(x: C, n: i64) -> Result<C, PowErr> {
    if n > 0 {
        Ok(powu(x, n))
    } else {
        quot(ONE, powu(x, -n)).ok_or(PowErr::Domain)
    }
}

/// `a ** b` (CPython's `complex_pow` without a modulus).
pub fn pow(a: C, b: C) -> ArithResult<C> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        powi(a, b.re as i64)
    } else {
        c_pow(a, b)
    };
    match r {
        Err(PowErr::Domain) => Err(ArithError::zero_div("0.0 to a negative or complex power")),
        Ok(p) if p.re.is_infinite() || p.im.is_infinite() => {
            Err(ArithError::overflow("complex exponentiation"))
        }
        Ok(p) => Ok(p),
    }
}

/// `abs(z)` (`OverflowError: absolute value too large`).
pub fn abs(z: C) -> ArithResult<f64> {
    if !z.re.is_finite() || !z.im.is_finite() {
        // C99: an infinite part wins over a NaN.
        if z.re.is_infinite() {
            return Ok(z.re.abs());
        }
        if z.im.is_infinite() {
            return Ok(z.im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if !r.is_finite() {
        return Err(ArithError::overflow("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: `hash(re) + 1000003 * hash(im)` in wrapping unsigned arithmetic.
pub fn hash(z: C) -> i64 {
    let hr = hash_float(z.re) as u64;
    let hi = hash_float(z.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The longest prefix of `s` that `PyOS_string_to_double` accepts (sign,
/// digits with an optional point and exponent, or `inf`/`infinity`/`nan`):
/// its value and length, or `None` when no number starts here.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = matches!(s.first(), Some(b'-'));
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    let special = |v: f64| if negative { -v } else { v };
    if lower.starts_with(b"infinity") {
        return Some((special(f64::INFINITY), i + 8));
    }
    if lower.starts_with(b"inf") {
        return Some((special(f64::INFINITY), i + 3));
    }
    if lower.starts_with(b"nan") {
        return Some((special(f64::NAN), i + 3));
    }
    let start = i;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    let _ = start;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// `complex(s)` for a `str` (CPython's `complex_subtype_from_string`).
pub fn parse(s: &str) -> ArithResult<C> {
    let malformed = || ArithError::value("complex() arg is a malformed string");
    let t = transform_decimal_and_space(s);
    let bytes = t.as_bytes();
    if bytes.contains(&b'_') {
        // `_Py_string_to_number_with_underscores`: only between digits.
        let mut dup = Vec::with_capacity(bytes.len());
        let mut prev = 0u8;
        for &c in bytes {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(underscore_error(s));
                }
            } else {
                dup.push(c);
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(underscore_error(s));
                }
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(underscore_error(s));
        }
        return parse_inner(&dup).ok_or_else(malformed);
    }
    parse_inner(bytes).ok_or_else(malformed)
}

fn underscore_error(s: &str) -> ArithError {
    ArithError::value(format!(
        "could not convert string to complex: {}",
        crate::repr::str_repr(s.as_bytes())
    ))
}

/// `complex_from_string_inner` on ASCII text.
fn parse_inner(s: &[u8]) -> Option<C> {
    let n = s.len();
    let mut i = 0;
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    let mut bracket = false;
    if i < n && s[i] == b'(' {
        bracket = true;
        i += 1;
        while i < n && is_ascii_space(s[i]) {
            i += 1;
        }
    }
    let is_j = |i: usize| i < n && (s[i] == b'j' || s[i] == b'J');
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, len)) => {
            i += len;
            if i < n && (s[i] == b'+' || s[i] == b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((v, len)) => {
                        y = v;
                        i += len;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return None;
                }
                i += 1;
            } else if is_j(i) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if i < n && (s[i] == b'+' || s[i] == b'-') {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        }
    }
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    if bracket {
        if i >= n || s[i] != b')' {
            return None;
        }
        i += 1;
        while i < n && is_ascii_space(s[i]) {
            i += 1;
        }
    }
    (i == n).then_some(C::new(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpython_forms() {
        let ok = |s: &str, re: f64, im: f64| assert_eq!(parse(s).ok(), Some(C::new(re, im)), "{s}");
        ok("1+2j", 1.0, 2.0);
        ok(" ( -1.5e3-J ) ", -1500.0, -1.0);
        ok("j", 0.0, 1.0);
        ok("-j", 0.0, -1.0);
        ok("3", 3.0, 0.0);
        ok("1_0j", 0.0, 10.0);
        ok("infj", 0.0, f64::INFINITY);
        ok("1e5", 1e5, 0.0);
        for bad in ["", "1+", "1e", "(1", "1+2", "j1", "1..2", "1_", "_1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn division_and_powers() {
        assert_eq!(div(C::new(1.0, 2.0), C::new(3.0, 4.0)).ok(), Some(C::new(0.44, 0.08)));
        assert!(div(C::new(1.0, 0.0), C::new(0.0, 0.0)).is_err());
        assert_eq!(pow(C::new(0.0, 1.0), C::new(2.0, 0.0)).ok(), Some(C::new(-1.0, 0.0)));
        assert!(pow(C::new(0.0, 0.0), C::new(-1.0, 0.0)).is_err());
        assert_eq!(pow(C::new(5.0, 5.0), C::new(0.0, 0.0)).ok(), Some(ONE));
        assert_eq!(abs(C::new(3.0, 4.0)).ok(), Some(5.0));
        assert_eq!(hash(C::new(1.0, 0.0)), 1);
        assert_eq!(hash(C::new(0.0, 1.0)), 1000003);
    }
}
