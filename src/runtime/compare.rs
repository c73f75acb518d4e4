//! Equality and hashing of the builtin types, as dict keys need them:
//! numbers compare and hash by value across int/float/bool (so `1`, `1.0`
//! and `True` are one key), strings and bytes by content, tuples element by
//! element, everything else by identity.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::heap::Gc;
use super::str::StrObj;
use super::tuple::TupleObj;
use super::value::Value;

/// CPython's modulus for numeric hashes (2**61 - 1).
const MODULUS: i64 = (1 << 61) - 1;

/// `hash(i)` for an `i64`.
#[inline]
pub fn hash_int(i: i64) -> i64 {
    let h = if i >= 0 { i % MODULUS } else { -((-(i as i128) % MODULUS as i128) as i64) };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for a big int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (n.abs() % &m).to_i64().unwrap_or(0);
    let h = if n.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float (CPython's `_Py_HashDouble`, without the NaN identity hash).
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_int(x as i64);
    }
    let (mut m, mut e) = frexp(x.abs());
    let sign = if x < 0.0 { -1 } else { 1 };
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & MODULUS as u64) | (acc >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= MODULUS as u64 {
            acc -= MODULUS as u64;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    acc = ((acc << e) & MODULUS as u64) | (acc >> (61 - e));
    let h = acc as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The hash of a key of a builtin hashable type; `None` if unhashable
/// (lists, dicts, sets) or not a builtin key type.
pub fn hash_key(v: Value) -> Option<i64> {
    Some(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => b as i64,
        Value::Int(i) => hash_int(i),
        Value::Float(f) => hash_float(f),
        Value::BigInt(b) => hash_bigint(&b.value),
        Value::Complex(c) => super::complex::hash(super::complex::C::new(c.re, c.im)),
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => super::str::str_hash(&String::from_utf8_lossy(&b.data)),
        Value::Tuple(t) => {
            // CPython's tuple hash (xxHash-based).
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc: u64 = P5;
            for &item in t.items.iter() {
                let lane = match item {
                    Value::Str(s) => s.hash(),
                    Value::Int(i) => hash_int(i),
                    _ => hash_key(item)?,
                } as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((t.items.len() as u64) ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        Value::List(_) | Value::Dict(_) | Value::DictView(_) => return None,
        Value::Set(s) if !s.frozen => return None,
        Value::Set(s) => s.table.with(|t| t.frozen_hash()),
        Value::Slice(_) => return None,
        // Instances hash by identity unless their class (or payload) says
        // otherwise: the VM computes those (see `needs_vm_hash`).
        Value::Instance(_) if needs_vm_hash(v) => return None,
        Value::Instance(i) if !i.payload.get().is_null() => return hash_key(i.payload.get()),
        other => (other.heap_addr().unwrap_or(0) >> 4) as i64,
    })
}

/// Does hashing or comparing `v` as a key run Python code (a class with
/// `__hash__`/`__eq__`) or depend on a builtin payload?
#[inline]
pub fn needs_vm_hash(v: Value) -> bool {
    match v {
        Value::Instance(i) => {
            let bits = match i.class().class() {
                Some(c) => c.special.get().0,
                None => 0,
            };
            bits & (super::class::special::HASH | super::class::special::EQ) != 0
        }
        _ => false,
    }
}

/// A key as it hashes and compares: the builtin payload of an instance of a
/// subclass of a builtin type that keeps the builtin `__eq__`/`__hash__`.
#[inline]
fn key_value(v: Value) -> Value {
    match v {
        Value::Instance(i) if !i.payload.get().is_null() && !needs_vm_hash(v) => i.payload.get(),
        _ => v,
    }
}

/// Equality of two keys of builtin types (identity for other objects).
pub fn eq_for_key(a: Value, b: Value) -> bool {
    eq_builtin(key_value(a), key_value(b)).unwrap_or_else(|| a.is(b))
}

/// `a == b` for builtin types; `None` when Python-level `__eq__` would decide.
pub fn eq_builtin(a: Value, b: Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => str_eq(x, y),
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(x, y),
        (Bool(x), _) => return eq_builtin(Int(x as i64), b),
        (_, Bool(y)) => return eq_builtin(a, Int(y as i64)),
        (None, None) => true,
        (BigInt(x), BigInt(y)) => x.value == y.value,
        (BigInt(_), Int(_)) | (Int(_), BigInt(_)) => false,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            y.is_finite()
                && y.fract() == 0.0
                && num_bigint::BigInt::from(y as i128) == x.value
                && y.abs() < 1e38
                || (y.is_finite()
                    && y.fract() == 0.0
                    && big_from_f64(y).is_some_and(|v| v == x.value))
        }
        (Complex(x), Complex(y)) => x.re == y.re && x.im == y.im,
        (Complex(x), Int(_) | Float(_) | BigInt(_)) => x.im == 0.0 && eq_builtin(Float(x.re), b)?,
        (Int(_) | Float(_) | BigInt(_), Complex(y)) => y.im == 0.0 && eq_builtin(a, Float(y.re))?,
        (Bytes(x), Bytes(y)) => x.data == y.data,
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (&p, &q) in x.items.iter().zip(y.items.iter()) {
                let same = match (p, q) {
                    (Str(s), Str(t)) => str_eq(s, t),
                    (Int(i), Int(j)) => i == j,
                    _ => p.is(q) || eq_builtin(p, q)?,
                };
                if !same {
                    return Some(false);
                }
            }
            true
        }
        (List(x), List(y)) => {
            let xs = x.snapshot();
            let ys = y.snapshot();
            if xs.len() != ys.len() {
                return Some(false);
            }
            for (&p, &q) in xs.iter().zip(ys.iter()) {
                if !(p.is(q) || eq_builtin(p, q)?) {
                    return Some(false);
                }
            }
            true
        }
        (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
        (Set(x), Set(y)) => {
            super::heap::Gc::ptr_eq(x, y)
                || x.table.with(|xt| y.table.with(|yt| xt.len() == yt.len() && xt.is_subset(yt)))
        }
        (Str(_) | Int(_) | Float(_) | None | BigInt(_) | Bytes(_) | Tuple(_) | List(_), _) => {
            if matches!(
                b,
                Str(_) | Int(_) | Float(_) | None | BigInt(_) | Bytes(_) | Tuple(_) | List(_)
            ) {
                false
            } else {
                return Option::None;
            }
        }
        _ => return Option::None,
    })
}

/// `x == y` for two strings: identity, then length, then the cached hashes
/// when both are known, then the bytes.
#[inline]
pub fn str_eq(x: Gc<StrObj>, y: Gc<StrObj>) -> bool {
    if Gc::ptr_eq(x, y) {
        return true;
    }
    let (a, b) = (x.as_str(), y.as_str());
    if a.len() != b.len() {
        return false;
    }
    if let (Some(h), Some(k)) = (x.cached_hash(), y.cached_hash()) {
        if h != k {
            return false;
        }
    }
    a.as_bytes() == b.as_bytes()
}

/// Equality of two dict or set keys whose hashes are equal: strings and
/// small ints without the generic dispatch of [`eq_for_key`].
#[inline(always)]
pub fn key_eq(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => str_eq(x, y),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => Gc::ptr_eq(x, y) || tuple_key_eq(x, y),
        _ => a.is(b) || eq_for_key(a, b),
    }
}

/// [`eq_for_key`] of two distinct tuples, with the str and int items
/// compared directly.
fn tuple_key_eq(x: Gc<TupleObj>, y: Gc<TupleObj>) -> bool {
    if x.items.len() != y.items.len() {
        return false;
    }
    for (&p, &q) in x.items.iter().zip(y.items.iter()) {
        let same = match (p, q) {
            (Value::Str(s), Value::Str(t)) => str_eq(s, t),
            (Value::Int(i), Value::Int(j)) => i == j,
            // As eq_builtin: an item it cannot decide leaves the tuples
            // equal only if identical (they are not).
            _ => p.is(q) || eq_builtin(p, q).unwrap_or(false),
        };
        if !same {
            return false;
        }
    }
    true
}

/// Exact comparison of an i64 with a float.
pub fn int_float_eq(x: i64, y: f64) -> bool {
    if !y.is_finite() || y.fract() != 0.0 {
        return false;
    }
    if y.abs() >= 9.3e18 {
        return false;
    }
    (y as i64) == x && (x as f64) == y
}

/// The exact integer value of an integral finite float.
pub fn big_from_f64(y: f64) -> Option<BigInt> {
    if !y.is_finite() || y.fract() != 0.0 {
        return None;
    }
    let (m, e) = frexp(y.abs());
    let mant = (m * (1u64 << 53) as f64) as u64;
    let e = e - 53;
    let mut n = BigInt::from(mant);
    if e >= 0 {
        n <<= e as usize;
    } else {
        n >>= (-e) as usize;
    }
    if y < 0.0 {
        n = -n;
    }
    if n.is_zero() && y != 0.0 {
        return None;
    }
    Some(n)
}
