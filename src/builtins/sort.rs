//! Sorting for `sorted()` and `list.sort()`: stable, with `key=` and
//! `reverse=`.
//!
//! Keys of one builtin type whose `<` cannot run Python code or fail — all
//! ints (and bools), all floats without a NaN, all strings, or tuples whose
//! items at each position are all of one such type — are sorted natively
//! (Rust's stable sort on the unboxed keys), as CPython's
//! `unsafe_long_compare`, `unsafe_float_compare`, `unsafe_latin_compare` and
//! `unsafe_tuple_compare` do: those orders are total and consistent with
//! `==`, so any stable sort gives exactly CPython's result, and with
//! `reverse` a stable sort on the reversed order keeps equal items in their
//! original order, as CPython's reverse-sort-reverse does. Anything else goes
//! through the generic merge sort, which calls the VM's `<` (user `__lt__`,
//! mixed types and their `TypeError`).

use std::cmp::Ordering;

use super::args::kwarg;
use crate::runtime::function::KwArgs;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

/// Sort `items` by the `key=`/`reverse=` keywords.
pub fn sort_with(vm: &mut Vm, items: &mut Vec<Value>, kw: KwArgs) -> PyResult<()> {
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // The items, then the keys as they are computed, stay rooted while the
    // key function and comparisons run Python code (which may collect).
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let r = sort_rooted(vm, items, key, reverse);
    vm.temp_roots.truncate(mark);
    r
}

fn sort_rooted(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for &x in items.iter() {
                let v = vm.call_value(k, &[x], &[])?;
                vm.temp_roots.push(v);
                ks.push(v);
            }
            Some(ks)
        }
        None => None,
    };
    sort_values(vm, items, keys.as_deref(), reverse)
}

/// Sort `items` (rooted by the caller) by `keys` (the items themselves if
/// `None`; rooted by the caller too).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<&[Value]>,
    reverse: bool,
) -> PyResult<()> {
    let keys = keys.unwrap_or(items);
    if items.len() < 2 {
        return Ok(());
    }
    if let Some(sorted) = sort_native(items, keys, reverse) {
        *items = sorted;
        return Ok(());
    }
    let keys = keys.to_vec();
    merge_sort(vm, items, &keys, reverse)
}

/// What the keys at one position (or the keys themselves) all are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `int` that fits an `i64`, or `bool`.
    Int,
    /// `float`, never NaN.
    Float,
    Str,
}

fn kind_of(v: Value) -> Option<Kind> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(Kind::Int),
        Value::Float(f) if !f.is_nan() => Some(Kind::Float),
        Value::Str(_) => Some(Kind::Str),
        _ => None,
    }
}

/// Compare two scalars both of kind `k` (checked beforehand).
#[inline]
fn cmp_scalar(k: Kind, a: Value, b: Value) -> Ordering {
    match (k, a, b) {
        (Kind::Int, _, _) => a.as_int().cmp(&b.as_int()),
        (Kind::Float, Value::Float(x), Value::Float(y)) => {
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Kind::Str, Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
        _ => Ordering::Equal,
    }
}

/// Stable sort of `items` by `keys` without the VM, when the keys allow it
/// (see the module comment); the sorted items, or `None` to take the
/// generic path.
fn sort_native(items: &[Value], keys: &[Value], reverse: bool) -> Option<Vec<Value>> {
    fn finish<K>(
        mut pairs: Vec<(K, Value)>,
        reverse: bool,
        cmp: impl Fn(&K, &K) -> Ordering,
    ) -> Vec<Value> {
        if reverse {
            pairs.sort_by(|a, b| cmp(&b.0, &a.0));
        } else {
            pairs.sort_by(|a, b| cmp(&a.0, &b.0));
        }
        pairs.into_iter().map(|(_, v)| v).collect()
    }
    let pairs = keys.iter().copied().zip(items.iter().copied());
    match keys[0] {
        Value::Int(_) | Value::Bool(_) => {
            let mut v = Vec::with_capacity(items.len());
            for (k, x) in pairs {
                match k {
                    Value::Int(i) => v.push((i, x)),
                    Value::Bool(b) => v.push((b as i64, x)),
                    _ => return None,
                }
            }
            Some(finish(v, reverse, |a, b| a.cmp(b)))
        }
        Value::Float(_) => {
            let mut v = Vec::with_capacity(items.len());
            for (k, x) in pairs {
                match k {
                    Value::Float(f) if !f.is_nan() => v.push((f, x)),
                    _ => return None,
                }
            }
            Some(finish(v, reverse, |a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal)))
        }
        Value::Str(_) => {
            let mut v = Vec::with_capacity(items.len());
            for (k, x) in pairs {
                match k {
                    Value::Str(s) => v.push((s, x)),
                    _ => return None,
                }
            }
            Some(finish(v, reverse, |a, b| a.as_str().cmp(b.as_str())))
        }
        Value::Tuple(_) => {
            // The kind of the items at each position, over all the keys.
            let mut kinds: Vec<Kind> = Vec::new();
            let mut v = Vec::with_capacity(items.len());
            for (k, x) in pairs {
                let Value::Tuple(t) = k else { return None };
                for (i, &item) in t.items.iter().enumerate() {
                    let kind = kind_of(item)?;
                    match kinds.get(i) {
                        Some(&known) if known != kind => return None,
                        Some(_) => {}
                        None => kinds.push(kind),
                    }
                }
                v.push((t, x));
            }
            Some(finish(v, reverse, |a, b| {
                for ((&p, &q), &k) in a.items.iter().zip(b.items.iter()).zip(kinds.iter()) {
                    match cmp_scalar(k, p, q) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                }
                a.items.len().cmp(&b.items.len())
            }))
        }
        _ => None,
    }
}

/// Stable merge sort with a fallible comparison (the keys' `<`).
fn merge_sort(vm: &mut Vm, items: &mut Vec<Value>, keys: &[Value], reverse: bool) -> PyResult<()> {
    let n = items.len();
    let mut idx: Vec<usize> = (0..n).collect();
    let mut err = None;
    // Insertion-friendly merge sort over indices.
    let mut buf = idx.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut l, mut r, mut o) = (i, mid, i);
            while l < mid && r < hi {
                // take right only if right < left (stability); reversed: left < right
                let take_right = if err.is_some() {
                    false
                } else {
                    let (a, b) = if reverse {
                        (keys[idx[l]], keys[idx[r]])
                    } else {
                        (keys[idx[r]], keys[idx[l]])
                    };
                    match vm.compare(0, a, b) {
                        Ok(t) => t,
                        Err(e) => {
                            err = Some(e);
                            false
                        }
                    }
                };
                if take_right {
                    buf[o] = idx[r];
                    r += 1;
                } else {
                    buf[o] = idx[l];
                    l += 1;
                }
                o += 1;
            }
            while l < mid {
                buf[o] = idx[l];
                l += 1;
                o += 1;
            }
            while r < hi {
                buf[o] = idx[r];
                r += 1;
                o += 1;
            }
            i += 2 * width;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
    *items = sorted;
    Ok(())
}
