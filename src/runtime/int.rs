//! Python `int` semantics, independent of the VM's value representation.
//!
//! [`Int`] is either a machine integer ([`Int::Small`]) or a [`BigInt`]
//! ([`Int::Big`]); the invariant is that `Big` only holds values outside the
//! `i64` range ([`Int::from_bigint`] normalizes). Every operation has an `i64`
//! fast path that does not allocate when the result fits, and falls back to
//! `num-bigint` on overflow.
//!
//! Errors are [`ArithError`]: the Python exception type ([`ExcKind`]) and
//! CPython's exact message. They are shared with [`super::float`] and
//! [`super::format`].
//!
//! Resource limits (CPython would try to allocate and may succeed or raise
//! `MemoryError`): results of `<<` and `**` larger than [`MAX_BITS`] bits raise
//! `MemoryError` (empty message) instead of allocating.
//!
//! str ↔ int conversion in non-power-of-two bases obeys CPython's
//! `sys.set_int_max_str_digits` limit; the functions take the current limit as
//! a parameter (`0` = unlimited, CPython's default is [`DEFAULT_MAX_STR_DIGITS`]).

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, One, Signed, ToPrimitive};
use std::borrow::Cow;
use std::cmp::Ordering;

pub(crate) mod limbs;
mod tables;

/// The Python exception types raised by the numeric and formatting semantics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcKind {
    ZeroDivisionError,
    OverflowError,
    ValueError,
    TypeError,
    MemoryError,
}

/// A Python exception raised by a numeric or formatting operation: the type
/// and CPython's exact message (`str(exc)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArithError {
    pub kind: ExcKind,
    pub msg: String,
}

impl ArithError {
    /// A new error of type `kind` with message `msg`.
    #[cold]
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> ArithError {
        ArithError { kind, msg: msg.into() }
    }
    #[cold]
    pub(crate) fn zero_div(msg: &str) -> ArithError {
        ArithError::new(ExcKind::ZeroDivisionError, msg)
    }
    #[cold]
    pub(crate) fn value(msg: impl Into<String>) -> ArithError {
        ArithError::new(ExcKind::ValueError, msg)
    }
    #[cold]
    pub(crate) fn overflow(msg: impl Into<String>) -> ArithError {
        ArithError::new(ExcKind::OverflowError, msg)
    }
    #[cold]
    pub(crate) fn type_err(msg: impl Into<String>) -> ArithError {
        ArithError::new(ExcKind::TypeError, msg)
    }
    #[cold]
    pub(crate) fn memory() -> ArithError {
        ArithError::new(ExcKind::MemoryError, "")
    }
}

impl std::fmt::Display for ArithError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

/// Result of the numeric operations.
pub type ArithResult<T> = Result<T, ArithError>;

/// Largest bit length of a result of `<<` or `**` that is computed; larger
/// ones raise `MemoryError` (2**32 bits = 512 MiB).
pub const MAX_BITS: u64 = 1 << 32;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Below this many digits the str ↔ int limit is never checked
/// (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// A Python `int`. `Big` only holds values that do not fit an `i64`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// The result of `int ** int`: an int, or a float for negative exponents.
#[derive(Debug, Clone, PartialEq)]
pub enum PowResult {
    Int(Int),
    Float(f64),
}

impl From<i64> for Int {
    #[inline]
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    #[inline]
    fn from(v: BigInt) -> Int {
        Int::from_bigint(v)
    }
}

impl From<i128> for Int {
    #[inline]
    fn from(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }
}

/// Python's floor division of machine integers (`b != 0`); `None` on overflow
/// (`i64::MIN // -1`).
#[inline]
pub fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python's modulo of machine integers (`b != 0`): the sign follows `b`.
#[inline]
pub fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Floor division and modulo of big integers (`b != 0`).
fn divmod_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    limbs::divmod_floor(a, b)
}

/// `hash()` of a machine integer, as CPython (modulo 2**61 - 1, sign kept, -1 → -2).
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    const P: u64 = (1 << 61) - 1;
    let h = (v.unsigned_abs() % P) as i64;
    let h = if v < 0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Map a Unicode decimal digit or whitespace character as CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: digits → ASCII digits,
/// whitespace → `' '`, other non-ASCII → `'?'` (which no parser accepts).
pub(crate) fn transform_decimal_and_space(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
            continue;
        }
        let cp = c as u32;
        if tables::SPACES.binary_search(&cp).is_ok() {
            out.push(' ');
            continue;
        }
        match decimal_value(c) {
            Some(d) => out.push((b'0' + d as u8) as char),
            None => out.push('?'),
        }
    }
    Cow::Owned(out)
}

/// `ValueError: Exceeds the limit (N digits) for integer string conversion; …` (int → str).
#[cold]
fn to_str_limit_error(limit: usize) -> ArithError {
    ArithError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `ldexp(x, e)` exactly (the result is exactly representable or rounds once).
pub(crate) fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

impl Int {
    /// Zero.
    pub const ZERO: Int = Int::Small(0);

    /// Normalize a [`BigInt`] into an `Int` (`Small` when it fits).
    #[inline]
    pub fn from_bigint(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(b),
        }
    }

    /// The value as a [`BigInt`] (allocates for `Small`).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => b.clone(),
        }
    }

    /// The value as a borrowed-or-owned [`BigInt`].
    fn big(&self) -> Cow<'_, BigInt> {
        match self {
            Int::Small(v) => Cow::Owned(BigInt::from(*v)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    /// The value as an `i64`, if it fits.
    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// `self == 0`.
    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    /// `self < 0`.
    #[inline]
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// -1, 0 or 1.
    #[inline]
    pub fn signum(&self) -> i32 {
        match self {
            Int::Small(v) => v.signum() as i32,
            Int::Big(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
        }
    }

    /// `self + o`.
    #[inline]
    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return match a.checked_add(*b) {
                Some(v) => Int::Small(v),
                None => Int::from(*a as i128 + *b as i128),
            };
        }
        Int::from_bigint(&*self.big() + &*o.big())
    }

    /// `self - o`.
    #[inline]
    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return match a.checked_sub(*b) {
                Some(v) => Int::Small(v),
                None => Int::from(*a as i128 - *b as i128),
            };
        }
        Int::from_bigint(&*self.big() - &*o.big())
    }

    /// `self * o`.
    #[inline]
    pub fn mul(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return match a.checked_mul(*b) {
                Some(v) => Int::Small(v),
                None => Int::from(*a as i128 * *b as i128),
            };
        }
        Int::from_bigint(&*self.big() * &*o.big())
    }

    /// `self // o` (`ZeroDivisionError: integer division or modulo by zero`).
    #[inline]
    pub fn floordiv(&self, o: &Int) -> ArithResult<Int> {
        if o.is_zero() {
            return Err(ArithError::zero_div("integer division or modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(q) = floordiv_i64(*a, *b) {
                return Ok(Int::Small(q));
            }
        }
        Ok(Int::from_bigint(limbs::floordiv(&self.big(), &o.big())))
    }

    /// `self % o` (`ZeroDivisionError: integer modulo by zero`); the sign follows `o`.
    #[inline]
    pub fn modulo(&self, o: &Int) -> ArithResult<Int> {
        if o.is_zero() {
            return Err(ArithError::zero_div("integer modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return Ok(Int::Small(mod_i64(*a, *b)));
        }
        Ok(Int::from_bigint(divmod_big(&self.big(), &o.big()).1))
    }

    /// `divmod(self, o)`.
    #[inline]
    pub fn divmod(&self, o: &Int) -> ArithResult<(Int, Int)> {
        if o.is_zero() {
            return Err(ArithError::zero_div("integer division or modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(q) = floordiv_i64(*a, *b) {
                return Ok((Int::Small(q), Int::Small(mod_i64(*a, *b))));
            }
        }
        let (q, r) = divmod_big(&self.big(), &o.big());
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// `self / o`, correctly rounded as CPython's `long_true_divide`.
    pub fn truediv(&self, o: &Int) -> ArithResult<f64> {
        if o.is_zero() {
            return Err(ArithError::zero_div("division by zero"));
        }
        const EXACT: u64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(*a as f64 / *b as f64);
            }
        }
        let negate = self.is_negative() != o.is_negative();
        if self.is_zero() {
            return Ok(if negate { -0.0 } else { 0.0 });
        }
        let a = self.big().magnitude().clone();
        let b = o.big().magnitude().clone();
        const DBL_MANT_DIG: i64 = 53;
        const DBL_MIN_EXP: i64 = -1021;
        const DBL_MAX_EXP: i64 = 1024;
        let overflow = || ArithError::overflow("integer division result too large for a float");
        let diff = a.bits() as i64 - b.bits() as i64;
        if diff > DBL_MAX_EXP {
            return Err(overflow());
        }
        if diff < DBL_MIN_EXP - DBL_MANT_DIG - 1 {
            return Ok(if negate { -0.0 } else { 0.0 });
        }
        let shift = diff.max(DBL_MIN_EXP) - DBL_MANT_DIG - 2;
        let mut inexact = false;
        let x = if shift <= 0 {
            a << ((-shift) as usize)
        } else {
            let s = shift as u64;
            if a.trailing_zeros().unwrap_or(0) < s {
                inexact = true;
            }
            a >> (s as usize)
        };
        let q = &x / &b;
        if &q * &b != x {
            inexact = true;
        }
        // `q` has at most DBL_MANT_DIG + 3 bits.
        let mut xq = q.to_u64().unwrap_or(u64::MAX);
        let x_bits = 64 - i64::from(xq.leading_zeros());
        let extra_bits = x_bits.max(DBL_MIN_EXP - shift) - DBL_MANT_DIG;
        let mask: u64 = 1 << (extra_bits - 1);
        let low = xq | u64::from(inexact);
        if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
            xq += mask;
        }
        xq &= !(2 * mask - 1);
        let dx = xq as f64;
        if shift + x_bits >= DBL_MAX_EXP
            && (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, x_bits))
        {
            return Err(overflow());
        }
        let r = ldexp(dx, shift);
        Ok(if negate { -r } else { r })
    }

    /// `self ** e` (`modulus` = `None`) or `pow(self, e, modulus)`.
    ///
    /// A negative exponent without modulus gives a float (`float(self) **
    /// float(e)`); with a modulus it uses the modular inverse.
    pub fn pow(&self, e: &Int, modulus: Option<&Int>) -> ArithResult<PowResult> {
        if let Some(m) = modulus {
            return self.pow_mod(e, m).map(PowResult::Int);
        }
        if e.is_negative() {
            let a = self.to_f64()?;
            let b = e.to_f64()?;
            return super::float::pow(a, b).map(PowResult::Float).map_err(|err| match err {
                super::float::PowError::Error(e) => e,
                // An integral exponent never yields a complex result.
                super::float::PowError::Complex => ArithError::value("math domain error"),
            });
        }
        // Trivial bases first: the exponent may be huge.
        match self {
            Int::Small(0) => {
                return Ok(PowResult::Int(Int::Small(if e.is_zero() { 1 } else { 0 })));
            }
            Int::Small(1) => return Ok(PowResult::Int(Int::Small(1))),
            Int::Small(-1) => {
                let odd = match e {
                    Int::Small(v) => v & 1 == 1,
                    Int::Big(b) => b.bit(0),
                };
                return Ok(PowResult::Int(Int::Small(if odd { -1 } else { 1 })));
            }
            _ => {}
        }
        let exp = match e.as_i64() {
            Some(v) => v as u64,
            None => return Err(ArithError::memory()),
        };
        if let Int::Small(b) = self {
            if let Ok(e32) = u32::try_from(exp) {
                if let Some(v) = b.checked_pow(e32) {
                    return Ok(PowResult::Int(Int::Small(v)));
                }
            }
        }
        let base = self.big();
        let bits = base.bits();
        if (bits - 1).saturating_mul(exp) > MAX_BITS {
            return Err(ArithError::memory());
        }
        // bits * exp <= ~MAX_BITS so exp fits u32 unless |base| is 2 or 3.
        let mut result = BigInt::one();
        let mut b = base.into_owned();
        let mut n = exp;
        while n > 0 {
            if n & 1 == 1 {
                result *= &b;
            }
            n >>= 1;
            if n > 0 {
                b = &b * &b;
            }
        }
        Ok(PowResult::Int(Int::from_bigint(result)))
    }

    /// `pow(self, e, m)` for ints.
    fn pow_mod(&self, e: &Int, m: &Int) -> ArithResult<Int> {
        if m.is_zero() {
            return Err(ArithError::value("pow() 3rd argument cannot be 0"));
        }
        let negative_output = m.is_negative();
        let m = m.abs();
        if m == Int::Small(1) {
            return Ok(Int::ZERO);
        }
        let mb = m.big();
        let mut base = self.to_bigint();
        let mut exp = e.to_bigint();
        if exp.is_negative() {
            base = base
                .modinv(&mb)
                .ok_or_else(|| ArithError::value("base is not invertible for the given modulus"))?;
            exp = -exp;
        }
        let mut r = Int::from_bigint(base.modpow(&exp, &mb));
        if negative_output && !r.is_zero() {
            r = r.sub(&m);
        }
        Ok(r)
    }

    /// `-self`.
    #[inline]
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => match v.checked_neg() {
                Some(n) => Int::Small(n),
                None => Int::Big(-BigInt::from(*v)),
            },
            Int::Big(b) => Int::from_bigint(-b),
        }
    }

    /// `abs(self)`.
    #[inline]
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `~self` (`-(self + 1)`).
    #[inline]
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_bigint(-(b + 1u32)),
        }
    }

    /// `self << n` (`ValueError: negative shift count`; huge results raise `MemoryError`).
    pub fn lshift(&self, n: &Int) -> ArithResult<Int> {
        if n.is_negative() {
            return Err(ArithError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int::ZERO);
        }
        let n = match n.as_i64() {
            Some(v) => v as u64,
            None => return Err(ArithError::overflow("too many digits in integer")),
        };
        if let Int::Small(a) = self {
            if n < 64 {
                let r = (*a as i128) << n;
                return Ok(Int::from(r));
            }
        }
        if self.bit_length().saturating_add(n) > MAX_BITS {
            return Err(ArithError::memory());
        }
        Ok(Int::from_bigint(&*self.big() << (n as usize)))
    }

    /// `self >> n`, rounding towards minus infinity (`ValueError: negative shift count`).
    pub fn rshift(&self, n: &Int) -> ArithResult<Int> {
        if n.is_negative() {
            return Err(ArithError::value("negative shift count"));
        }
        let n = match n.as_i64() {
            Some(v) if (v as u64) < self.bit_length() + 1 => v as u64,
            _ => return Ok(Int::Small(if self.is_negative() { -1 } else { 0 })),
        };
        match self {
            Int::Small(a) => Ok(Int::Small(a >> n.min(63))),
            Int::Big(b) => Ok(Int::from_bigint(b >> (n as usize))),
        }
    }

    /// `self & o` (two's complement semantics).
    #[inline]
    pub fn bitand(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return Int::Small(a & b);
        }
        Int::from_bigint(&*self.big() & &*o.big())
    }

    /// `self | o`.
    #[inline]
    pub fn bitor(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return Int::Small(a | b);
        }
        Int::from_bigint(&*self.big() | &*o.big())
    }

    /// `self ^ o`.
    #[inline]
    pub fn bitxor(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            return Int::Small(a ^ b);
        }
        Int::from_bigint(&*self.big() ^ &*o.big())
    }

    /// `int.bit_length()`.
    #[inline]
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    /// `float(self)` correctly rounded (`OverflowError: int too large to convert to float`).
    #[inline]
    pub fn to_f64(&self) -> ArithResult<f64> {
        match self {
            Int::Small(v) => Ok(*v as f64),
            Int::Big(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(ArithError::overflow("int too large to convert to float")),
            },
        }
    }

    /// `hash(self)` as CPython.
    pub fn hash(&self) -> i64 {
        match self {
            Int::Small(v) => hash_i64(*v),
            Int::Big(b) => {
                const P: u128 = (1 << 61) - 1;
                let mut h: u128 = 0;
                let digits: Vec<u64> = b.iter_u64_digits().collect();
                for d in digits.iter().rev() {
                    h = ((h << 64) | u128::from(*d)) % P;
                }
                let h = h as i64;
                let h = if b.is_negative() { -h } else { h };
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
        }
    }

    /// `int(x)` for a float: truncation towards zero.
    pub fn from_f64(x: f64) -> ArithResult<Int> {
        if x.is_nan() {
            return Err(ArithError::value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(ArithError::overflow("cannot convert float infinity to integer"));
        }
        let t = x.trunc();
        if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
            return Ok(Int::Small(t as i64));
        }
        Ok(Int::from_bigint(BigInt::from_f64(t).unwrap_or_default()))
    }

    /// `round(self, ndigits)`: round half to even to a multiple of `10**-ndigits`.
    pub fn round(&self, ndigits: &Int) -> Int {
        if !ndigits.is_negative() {
            return self.clone();
        }
        // 10**k with k = -ndigits; if |self| < 10**k / 2 the result is 0.
        let k = match ndigits.neg().as_i64() {
            Some(k) => k as u64,
            None => return Int::ZERO,
        };
        // log10(2) < 0.30103: digits(self) <= bits*0.30103 + 1.
        if (self.bit_length() as f64) * std::f64::consts::LOG10_2 + 2.0 < k as f64 {
            return Int::ZERO;
        }
        let p = BigInt::from(10u32).pow(k as u32);
        let (q, r) = divmod_big(&self.big(), &p);
        let twice = &r * 2u32;
        let q = match twice.cmp(&p) {
            Ordering::Greater => q + 1,
            Ordering::Equal if q.bit(0) => q + 1,
            _ => q,
        };
        Int::from_bigint(q * p)
    }

    /// `str(self)` in base 10 with the `sys.set_int_max_str_digits` limit
    /// (`max_digits`, 0 = unlimited).
    pub fn to_decimal_string(&self, max_digits: usize) -> ArithResult<String> {
        match self {
            Int::Small(v) => Ok(v.to_string()),
            Int::Big(b) => {
                if max_digits > 0 {
                    // Number of digits >= floor((bits - 1) * log10(2)) + 1.
                    let lower =
                        ((b.bits() - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
                    if lower > max_digits as u64 + 1 {
                        return Err(to_str_limit_error(max_digits));
                    }
                }
                let s = b.to_str_radix(10);
                let ndig = s.len() - usize::from(b.is_negative());
                if max_digits > 0 && ndig > MAX_STR_DIGITS_THRESHOLD && ndig > max_digits {
                    return Err(to_str_limit_error(max_digits));
                }
                Ok(s)
            }
        }
    }

    /// The digits of `|self|` in base 2, 8 or 16 (lowercase), no prefix or sign.
    pub fn to_radix_abs(&self, radix: u32) -> String {
        match self {
            Int::Small(v) => {
                let a = v.unsigned_abs();
                match radix {
                    2 => format!("{a:b}"),
                    8 => format!("{a:o}"),
                    16 => format!("{a:x}"),
                    _ => a.to_string(),
                }
            }
            Int::Big(b) => b.magnitude().to_str_radix(radix),
        }
    }

    /// `bin(self)`: `0b101`, `-0b101`.
    pub fn bin(&self) -> String {
        self.prefixed(2, "0b")
    }

    /// `oct(self)`: `0o10`, `-0o10`.
    pub fn oct(&self) -> String {
        self.prefixed(8, "0o")
    }

    /// `hex(self)`: `0xff`, `-0xff`.
    pub fn hex(&self) -> String {
        self.prefixed(16, "0x")
    }

    fn prefixed(&self, radix: u32, prefix: &str) -> String {
        let digits = self.to_radix_abs(radix);
        let mut s = String::with_capacity(digits.len() + 3);
        if self.is_negative() {
            s.push('-');
        }
        s.push_str(prefix);
        s.push_str(&digits);
        s
    }

    /// `int(s, base)` for a `str` argument, with the `sys.set_int_max_str_digits`
    /// limit `max_digits` (0 = unlimited). Accepts surrounding whitespace, a
    /// sign, underscores between digits, base prefixes (required to match for
    /// base 16/8/2, and selecting the base for base 0) and Unicode decimal digits.
    pub fn parse(s: &str, base: u32, max_digits: usize) -> ArithResult<Int> {
        if base == 1 || base > 36 {
            return Err(ArithError::value("int() base must be >= 2 and <= 36, or 0"));
        }
        let t = transform_decimal_and_space(s);
        match parse_ascii(t.as_bytes(), base, max_digits) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                // CPython formats with `%.200R`: the repr cut to 200 characters.
                let r = crate::repr::str_repr(s.as_bytes());
                let cut = r.char_indices().nth(200).map_or(r.len(), |(i, _)| i);
                Err(ArithError::value(format!(
                    "invalid literal for int() with base {base}: {}",
                    &r[..cut]
                )))
            }
            Err(e) => Err(e),
        }
    }
}

/// The value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let idx = tables::DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if idx > 0 && cp - tables::DECIMAL_ZEROS[idx - 1] < 10 {
        Some(cp - tables::DECIMAL_ZEROS[idx - 1])
    } else {
        None
    }
}

/// C's `isspace` in the C locale (`Py_ISSPACE`), used after the transform:
/// ASCII `\x1c`-`\x1f` are `str.isspace()` but not accepted by `int()`/`float()`.
#[inline]
pub(crate) fn is_ascii_space(c: u8) -> bool {
    c == b' ' || (9..=13).contains(&c)
}

/// Parse a transformed (ASCII) literal; `Ok(None)` for an invalid literal.
fn parse_ascii(s: &[u8], mut base: u32, max_digits: usize) -> ArithResult<Option<Int>> {
    let mut i = 0;
    let n = s.len();
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < n && (s[i] == b'+' || s[i] == b'-') {
        negative = s[i] == b'-';
        i += 1;
    }
    let prefix_of = |c: u8| match c.to_ascii_lowercase() {
        b'x' => 16,
        b'o' => 8,
        b'b' => 2,
        _ => 0,
    };
    let mut underscore_ok = false;
    if i + 1 < n && s[i] == b'0' {
        let p = prefix_of(s[i + 1]);
        if p != 0 && (base == 0 || base == p) {
            base = p;
            i += 2;
            underscore_ok = true;
        }
    }
    let mut leading_zero_base0 = false;
    if base == 0 {
        if i < n && s[i] == b'0' {
            leading_zero_base0 = true;
        }
        base = 10;
    }
    // Scan digits and single underscores.
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    let mut any = false;
    while i < n {
        let c = s[i];
        if c == b'_' {
            if prev_underscore || (!any && !underscore_ok) {
                return Ok(None);
            }
            prev_underscore = true;
            i += 1;
            continue;
        }
        let d = match (c as char).to_digit(36) {
            Some(d) if d < base => d,
            _ => break,
        };
        digits.push(d as u8);
        any = true;
        prev_underscore = false;
        i += 1;
    }
    if !any || prev_underscore {
        return Ok(None);
    }
    if leading_zero_base0 && digits.iter().any(|&d| d != 0) {
        return Ok(None);
    }
    // The digit limit is checked before the trailing characters.
    if !base.is_power_of_two()
        && max_digits > 0
        && digits.len() > MAX_STR_DIGITS_THRESHOLD
        && digits.len() > max_digits
    {
        return Err(ArithError::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != n {
        return Ok(None);
    }
    // Fast path: accumulate in u64.
    let mut acc: u64 = 0;
    let mut fits = true;
    for &d in &digits {
        match acc.checked_mul(u64::from(base)).and_then(|v| v.checked_add(u64::from(d))) {
            Some(v) => acc = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    let mag = if fits {
        if negative {
            return Ok(Some(Int::from(-(acc as i128))));
        }
        return Ok(Some(Int::from(acc as i128)));
    } else {
        BigInt::from_radix_be(Sign::Plus, &digits, base).unwrap_or_default()
    };
    Ok(Some(Int::from_bigint(if negative { -mag } else { mag })))
}

impl PartialOrd for Int {
    #[inline]
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    #[inline]
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            // A Big is outside the i64 range: its sign decides.
            (Int::Small(_), Int::Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), Int::Small(_)) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
        }
    }
}

impl std::fmt::Display for Int {
    /// Base 10, without the digit limit.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
