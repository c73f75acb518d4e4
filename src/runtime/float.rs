//! Python `float` semantics on unboxed `f64`: the arithmetic that differs from
//! IEEE (`//`, `%`, `divmod`, `**` special cases and errors), `round`,
//! `float(str)`, `hash(float)`, `is_integer`, `as_integer_ratio`, and exact
//! comparisons between floats and [`Int`]s (CPython's `float_richcompare`).
//!
//! Errors are [`ArithError`]s with CPython's messages. `**` has one extra
//! outcome, [`PowError::Complex`]: CPython's `float.__pow__` returns a
//! `complex` for a negative base and a non-integral exponent; the VM computes
//! `complex(a) ** complex(b)` then.

use super::int::{is_ascii_space, transform_decimal_and_space, ArithError, ArithResult, Int};
use num_bigint::BigInt;
use std::cmp::Ordering;

/// `a / b` (`ZeroDivisionError: float division by zero`).
#[inline]
pub fn truediv(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `divmod(a, b)` without the zero check (CPython's `_float_div_mod`).
#[inline]
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` (`ZeroDivisionError: float floor division by zero`).
#[inline]
pub fn floordiv(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float floor division by zero"));
    }
    Ok(div_mod(a, b).0)
}

/// `a % b` (`ZeroDivisionError: float modulo`); the sign follows `b`.
#[inline]
pub fn modulo(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` (`ZeroDivisionError: float divmod()`).
#[inline]
pub fn divmod(a: f64, b: f64) -> ArithResult<(f64, f64)> {
    if b == 0.0 {
        return Err(ArithError::zero_div("float divmod()"));
    }
    Ok(div_mod(a, b))
}

/// Why `float ** float` did not produce a float.
#[derive(Debug, Clone, PartialEq)]
pub enum PowError {
    /// A Python exception.
    Error(ArithError),
    /// Negative base, non-integral exponent: CPython returns
    /// `complex(a) ** complex(b)`.
    Complex,
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x && (x % 2.0).abs() == 1.0
}

/// `a ** b` for floats, CPython's `float_pow` (`0.0 cannot be raised to a
/// negative power`; overflow: `OverflowError: (34, 'Numerical result out of range')`).
pub fn pow(iv: f64, iw: f64) -> Result<f64, PowError> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PowError::Error(ArithError::zero_div(
                "0.0 cannot be raised to a negative power",
            )));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut v = iv;
    let mut negate = false;
    if v < 0.0 {
        if iw != iw.floor() {
            return Err(PowError::Complex);
        }
        v = -v;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let mut r = v.powf(iw);
    if negate {
        r = -r;
    }
    if r.is_infinite() {
        return Err(PowError::Error(ArithError::overflow("(34, 'Numerical result out of range')")));
    }
    Ok(r)
}

/// `round(x)`: round half to even, to an int (`cannot convert float NaN to
/// integer`, `cannot convert float infinity to integer`).
pub fn round_to_int(x: f64) -> ArithResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`, correctly rounded as CPython's `double_round`
/// (`OverflowError: rounded value too large to represent`).
pub fn round_ndigits(x: f64, ndigits: &Int) -> ArithResult<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    let nd = match ndigits.as_i64() {
        Some(n) => n,
        None if ndigits.is_negative() => i64::MIN,
        None => i64::MAX,
    };
    if nd > NDIGITS_MAX {
        return Ok(x);
    }
    if nd < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let too_large = || ArithError::overflow("rounded value too large to represent");
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        let r: f64 = s.parse().unwrap_or(f64::NAN);
        return if r.is_infinite() { Err(too_large()) } else { Ok(r) };
    }
    // Round |x| to a multiple of p = 10**k with integer arithmetic.
    let k = (-nd) as u32;
    let a = x.abs();
    let fl = a.floor();
    let frac = a - fl;
    let xi = Int::from_f64(fl)?.to_bigint();
    let p = BigInt::from(10u32).pow(k);
    let q = &xi / &p;
    let r = &xi - &q * &p;
    let twice = r * 2u32;
    let up = if frac > 0.0 {
        twice >= p
    } else {
        match twice.cmp(&p) {
            Ordering::Greater => true,
            Ordering::Equal => q.bit(0),
            Ordering::Less => false,
        }
    };
    let q = if up { q + 1u32 } else { q };
    let v = Int::from_bigint(q * p).to_f64().map_err(|_| too_large())?;
    Ok(v.copysign(x))
}

/// `float(s)` for a `str` (`ValueError: could not convert string to float: 's'`).
/// Accepts surrounding whitespace, a sign, `inf`/`infinity`/`nan` in any
/// case, underscores between digits, and Unicode decimal digits.
pub fn parse(s: &str) -> ArithResult<f64> {
    let t = transform_decimal_and_space(s);
    match parse_ascii(t.as_bytes()) {
        Some(v) => Ok(v),
        None => Err(ArithError::value(format!(
            "could not convert string to float: {}",
            crate::repr::str_repr(s.as_bytes())
        ))),
    }
}

/// Parse a transformed (ASCII) float literal.
fn parse_ascii(s: &[u8]) -> Option<f64> {
    let mut start = 0;
    let mut end = s.len();
    while start < end && is_ascii_space(s[start]) {
        start += 1;
    }
    while end > start && is_ascii_space(s[end - 1]) {
        end -= 1;
    }
    let s = &s[start..end];
    // Underscores: only between two digits; then removed.
    let mut buf = Vec::with_capacity(s.len());
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && s[i - 1].is_ascii_digit();
            let after = i + 1 < s.len() && s[i + 1].is_ascii_digit();
            if !(before && after) {
                return None;
            }
        } else {
            buf.push(c);
        }
    }
    let mut i = 0;
    let negative = !buf.is_empty() && buf[0] == b'-';
    if !buf.is_empty() && (buf[0] == b'+' || buf[0] == b'-') {
        i = 1;
    }
    let body = &buf[i..];
    let lower = body.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" {
        return Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == b"nan" {
        return Some(if negative { -f64::NAN } else { f64::NAN });
    }
    // digits [. digits] | . digits, then [e [sign] digits]
    let mut j = 0;
    let mut mant_digits = 0;
    while j < body.len() && body[j].is_ascii_digit() {
        j += 1;
        mant_digits += 1;
    }
    if j < body.len() && body[j] == b'.' {
        j += 1;
        while j < body.len() && body[j].is_ascii_digit() {
            j += 1;
            mant_digits += 1;
        }
    }
    if mant_digits == 0 {
        return None;
    }
    if j < body.len() && (body[j] == b'e' || body[j] == b'E') {
        j += 1;
        if j < body.len() && (body[j] == b'+' || body[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < body.len() && body[j].is_ascii_digit() {
            j += 1;
        }
        if j == exp_start {
            return None;
        }
    }
    if j != body.len() {
        return None;
    }
    std::str::from_utf8(&buf).ok()?.parse::<f64>().ok()
}

/// `hash(x)` as CPython's `_Py_HashDouble`; `None` for a NaN, whose hash
/// (since 3.10) is the object's identity hash, which the VM supplies.
pub fn hash(x: f64) -> Option<i64> {
    const P: u64 = (1 << 61) - 1;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { 314_159 } else { -314_159 });
    }
    if x == 0.0 {
        return Some(0);
    }
    // x = m * 2**e with m a 53-bit integer.
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1 << 52), exp_bits - 1075) };
    // 2**61 ≡ 1 (mod P): multiply by 2**(e mod 61).
    let e = e.rem_euclid(61) as u32;
    let h = ((u128::from(m % P) << e) % u128::from(P)) as i64;
    let h = if x < 0.0 { -h } else { h };
    Some(if h == -1 { -2 } else { h })
}

/// `float.is_integer()`.
#[inline]
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// `float.as_integer_ratio()`: the reduced fraction with a positive denominator
/// (`cannot convert Infinity to integer ratio`, `cannot convert NaN to integer ratio`).
pub fn as_integer_ratio(x: f64) -> ArithResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(ArithError::overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(ArithError::value("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) =
        if exp_bits == 0 { (frac, -1074) } else { (frac | (1 << 52), exp_bits - 1075) };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let m = Int::Small(if x < 0.0 { -(m as i64) } else { m as i64 });
    if e >= 0 {
        Ok((m.lshift(&Int::Small(e))?, Int::Small(1)))
    } else {
        Ok((m, Int::Small(1).lshift(&Int::Small(-e))?))
    }
}

/// `int(x)` for a float: truncation (`cannot convert float NaN to integer`, …).
#[inline]
pub fn to_int(x: f64) -> ArithResult<Int> {
    Int::from_f64(x)
}

/// Exact comparison of a float with an int (no precision loss for big ints
/// or big floats); `None` when `x` is a NaN (every comparison is false, `!=`
/// is true).
pub fn cmp_int(x: f64, i: &Int) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    const EXACT: u64 = 1 << 53;
    if let Int::Small(v) = i {
        if v.unsigned_abs() <= EXACT {
            return (x).partial_cmp(&(*v as f64));
        }
    }
    // |x| < 2**63 and i outside the i64 range: the sign of i decides.
    if let Int::Big(_) = i {
        if x.abs() < 9.223_372_036_854_776e18 {
            return Some(if i.is_negative() { Ordering::Greater } else { Ordering::Less });
        }
    }
    let fl = x.floor();
    let fi = Int::from_f64(fl).ok()?;
    Some(match fi.cmp(i) {
        Ordering::Equal if fl != x => Ordering::Greater,
        o => o,
    })
}

/// `x == i` for a float and an int, exactly.
#[inline]
pub fn eq_int(x: f64, i: &Int) -> bool {
    cmp_int(x, i) == Some(Ordering::Equal)
}

#[cfg(test)]
mod tests;
