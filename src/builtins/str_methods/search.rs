//! Substring search: `find`, `rfind`, `index`, `rindex`, `count`,
//! `startswith`, `endswith`, `in` and `replace`. Indices are code points.

use super::error::{reserve, StrError};
use super::fastsearch::{self, Matches};
use super::index::{adjust_indices, byte_offset, char_count};

/// The part of `s` selected by `start`/`end` (CPython's `ADJUST_INDICES`):
/// `(window, window's first code-point index, s is ASCII)`, or `None` when
/// `start` lies past `end` (then nothing matches, not even `""`).
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(&str, usize, bool)> {
    // Fast path: no bounds, no need to count code points.
    if start.is_none() && end.is_none() {
        return Some((s, 0, s.is_ascii()));
    }
    let len = char_count(s);
    let ascii = len == s.len();
    let (start, end) = adjust_indices(start, end, len);
    if start > end {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let b0 = byte_offset(s, ascii, start);
    let b1 = b0 + byte_offset(&s[b0..], ascii, end - start);
    Some((&s[b0..b1], start, ascii))
}

/// The code-point index in `s` of byte offset `pos` of `w`, a window of `s`
/// starting at code point `start`.
fn cp_index(w: &str, start: usize, ascii: bool, pos: usize) -> i64 {
    let within = if ascii { pos } else { char_count(&w[..pos]) };
    (start + within) as i64
}

/// `s.find(sub, start, end)`: the lowest code-point index of `sub` within
/// `s[start:end]`, or `-1`.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, first, ascii)) => {
            fastsearch::find(w, sub).map_or(-1, |p| cp_index(w, first, ascii, p))
        }
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: the highest code-point index of `sub` within
/// `s[start:end]`, or `-1`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, first, ascii)) => {
            fastsearch::rfind(w, sub).map_or(-1, |p| cp_index(w, first, ascii, p))
        }
        None => -1,
    }
}

/// `s.index(sub, start, end)`: as [`find`], but
/// `ValueError: substring not found` instead of `-1`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, StrError> {
    match find(s, sub, start, end) {
        -1 => Err(StrError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`: as [`rfind`], but
/// `ValueError: substring not found` instead of `-1`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, StrError> {
    match rfind(s, sub, start, end) {
        -1 => Err(StrError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences of `sub` in
/// `s[start:end]`; an empty `sub` occurs `len(s[start:end]) + 1` times.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end) {
        Some((w, _, ascii)) if sub.is_empty() => (if ascii { w.len() } else { char_count(w) }) + 1,
        Some((w, _, _)) => fastsearch::count(w, sub, usize::MAX),
        None => 0,
    }
}

/// `s.startswith(prefixes, start, end)`: whether `s[start:end]` starts with
/// any of `prefixes` (one for `s.startswith(str)`, the tuple's items
/// otherwise; an empty tuple gives `False`).
pub fn startswith<P: AsRef<str>>(
    s: &str,
    prefixes: &[P],
    start: Option<i64>,
    end: Option<i64>,
) -> bool {
    match window(s, start, end) {
        Some((w, _, _)) => prefixes.iter().any(|p| w.starts_with(p.as_ref())),
        None => false,
    }
}

/// `s.endswith(suffixes, start, end)`: whether `s[start:end]` ends with any
/// of `suffixes`.
pub fn endswith<P: AsRef<str>>(
    s: &str,
    suffixes: &[P],
    start: Option<i64>,
    end: Option<i64>,
) -> bool {
    match window(s, start, end) {
        Some((w, _, _)) => suffixes.iter().any(|p| w.ends_with(p.as_ref())),
        None => false,
    }
}

/// `sub in s`.
pub fn contains(s: &str, sub: &str) -> bool {
    fastsearch::find(s, sub).is_some()
}

/// `s.replace(old, new, count)`: the first `count` (all when negative)
/// non-overlapping occurrences of `old` replaced by `new`. An empty `old`
/// inserts `new` before every code point and at the end (up to `count` times).
/// `OverflowError: replace string is too long` / `MemoryError` when the
/// result cannot exist.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, StrError> {
    let max = if count < 0 { usize::MAX } else { count as usize };
    let mut out = String::new();
    if old.is_empty() {
        let n = char_count(s).saturating_add(1).min(max);
        let total = new
            .len()
            .checked_mul(n)
            .and_then(|x| x.checked_add(s.len()))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(|| StrError::overflow("replace string is too long"))?;
        reserve(&mut out, total)?;
        let mut left = n;
        for (i, c) in s.char_indices() {
            if left == 0 {
                out.push_str(&s[i..]);
                return Ok(out);
            }
            out.push_str(new);
            out.push(c);
            left -= 1;
        }
        if left > 0 {
            out.push_str(new);
        }
        return Ok(out);
    }
    let (n, total) = replace_size(s, old, new, count)?;
    if n == 0 {
        out.push_str(s);
        return Ok(out);
    }
    reserve(&mut out, total)?;
    replace_into(s, old, new, n, |p| out.push_str(p));
    Ok(out)
}

/// For a non-empty `old`: how many replacements `s.replace(old, new,
/// count)` makes and the length of the result in bytes, or
/// `OverflowError: replace string is too long`.
pub fn replace_size(s: &str, old: &str, new: &str, count: i64) -> Result<(usize, usize), StrError> {
    debug_assert!(!old.is_empty());
    let max = if count < 0 { usize::MAX } else { count as usize };
    let n = fastsearch::count(s, old, max);
    let total = (new.len() as u128 * n as u128 + s.len() as u128)
        .checked_sub(old.len() as u128 * n as u128)
        .filter(|&x| x <= isize::MAX as u128)
        .ok_or_else(|| StrError::overflow("replace string is too long"))?;
    Ok((n, total as usize))
}

/// Write `s` with its first `n` occurrences of `old` (non-empty) replaced
/// by `new`, piece by piece, into `push` (`n` from [`replace_size`]).
pub fn replace_into(s: &str, old: &str, new: &str, n: usize, mut push: impl FnMut(&str)) {
    let mut last = 0;
    for p in Matches::new(s, old).take(n) {
        push(&s[last..p]);
        push(new);
        last = p + old.len();
    }
    push(&s[last..]);
}
