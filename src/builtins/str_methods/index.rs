//! Code-point indexing: `len()`, `s[i]`, `s[a:b:c]`, CPython's index
//! adjustment for `find`-style `start`/`end` arguments, `ord()` and `chr()`.

use super::error::{reserve, ExcType, StrError};

/// The number of code points of `s` (`len(s)`).
pub fn char_count(s: &str) -> usize {
    // Every code point has exactly one byte that is not a continuation byte.
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The byte offset of code point `cp_index` in `s` (`s.len()` when past the
/// end). `ascii` says that `s` is ASCII, so offsets are indices.
pub(crate) fn byte_offset(s: &str, ascii: bool, cp_index: usize) -> usize {
    if ascii {
        return cp_index.min(s.len());
    }
    s.char_indices().nth(cp_index).map_or(s.len(), |(b, _)| b)
}

/// CPython's `ADJUST_INDICES` for `find`, `count`, `startswith`, ...: `start`
/// and `end` default to `0` and `len`, negative values count from the end,
/// then clamp to `0..=len` (except that `start` may exceed `len`; callers
/// then find nothing). Returns `(start, end)`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// `s[index]` for a string of `char_len` code points (the VM's cached length;
/// ASCII strings, `char_len == s.len()`, index in O(1)).
/// `IndexError: string index out of range` outside `-len..len`.
pub fn char_at(s: &str, char_len: usize, index: i64) -> Result<char, StrError> {
    let len = char_len as i64;
    let i = if index < 0 { index.saturating_add(len) } else { index };
    if i < 0 || i >= len {
        return Err(StrError::new(ExcType::IndexError, "string index out of range"));
    }
    let i = i as usize;
    if char_len == s.len() {
        // ASCII: byte `i` is the character.
        return s.as_bytes().get(i).map(|&b| char::from(b)).ok_or_else(out_of_range);
    }
    s.chars().nth(i).ok_or_else(out_of_range)
}

fn out_of_range() -> StrError {
    StrError::new(ExcType::IndexError, "string index out of range")
}

/// The indices of a slice adjusted to a sequence, as CPython's
/// `PySlice_Unpack` + `PySlice_AdjustIndices`: `start`, `stop`, `step` and the
/// number of selected items, `len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceIndices {
    /// First index selected (when `len > 0`).
    pub start: i64,
    /// Bound not reached.
    pub stop: i64,
    /// Nonzero step.
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

/// Adjust `[start:stop:step]` to a sequence of `length` items (any sequence,
/// not only `str`). `ValueError: slice step cannot be zero` when `step == 0`.
/// Indices are `i64`s already saturated by the VM (`_PyEval_SliceIndex`).
pub fn adjust_slice(
    length: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<SliceIndices, StrError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(StrError::value("slice step cannot be zero"));
    }
    // CPython keeps -step representable.
    let step = step.max(-i64::MAX);
    let (default_start, default_stop) = if step < 0 { (i64::MAX, i64::MIN) } else { (0, i64::MAX) };
    let length = length as i64;
    let adjust = |v: i64| -> i64 {
        if v < 0 {
            let v = v + length;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= length {
            if step < 0 {
                length - 1
            } else {
                length
            }
        } else {
            v
        }
    };
    let start = adjust(start.unwrap_or(default_start));
    let stop = adjust(stop.unwrap_or(default_stop));
    let len = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceIndices { start, stop, step, len: len as usize })
}

/// `s[start:stop:step]` for a string of `char_len` code points (the VM's
/// cached length). ASCII strings slice in O(result).
pub fn slice(
    s: &str,
    char_len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<String, StrError> {
    let idx = adjust_slice(char_len, start, stop, step)?;
    slice_step(s, char_len, idx)
}

/// Select the code points of `s` described by already adjusted `idx`.
pub fn slice_step(s: &str, char_len: usize, idx: SliceIndices) -> Result<String, StrError> {
    let mut out = String::new();
    if idx.len == 0 {
        return Ok(out);
    }
    let ascii = char_len == s.len();
    let first = idx.start as usize;
    if idx.step == 1 {
        let b0 = byte_offset(s, ascii, first);
        let rest = &s[b0..];
        let b1 = byte_offset(rest, ascii, idx.len);
        reserve(&mut out, b1)?;
        out.push_str(&rest[..b1]);
        return Ok(out);
    }
    if ascii {
        let bytes = s.as_bytes();
        reserve(&mut out, idx.len)?;
        // Every selected index lies in `0..len`: stepping by `step` after
        // the last one could overflow, so each index is computed afresh.
        for k in 0..idx.len as i64 {
            let i = idx.start.saturating_add(k.saturating_mul(idx.step));
            if let Some(&b) = usize::try_from(i).ok().and_then(|i| bytes.get(i)) {
                out.push(char::from(b));
            }
        }
        return Ok(out);
    }
    if idx.step > 0 {
        let step = idx.step as usize;
        let b0 = byte_offset(s, false, first);
        out.extend(s[b0..].chars().step_by(step).take(idx.len));
    } else {
        // Walk backwards from the character at `start`.
        let b0 = byte_offset(s, false, first);
        let step = idx.step.unsigned_abs() as usize;
        let end = s[b0..].chars().next().map_or(b0, |c| b0 + c.len_utf8());
        out.extend(s[..end].chars().rev().step_by(step).take(idx.len));
    }
    Ok(out)
}

/// `ord(s)`: the code point of a one-character string, else
/// `TypeError: ord() expected a character, but string of length N found`.
pub fn ord(s: &str) -> Result<u32, StrError> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c as u32),
        _ => Err(StrError::type_error(format!(
            "ord() expected a character, but string of length {} found",
            char_count(s)
        ))),
    }
}

/// Validate the argument of `chr(i)` and return it as a code point (which may
/// be a surrogate, `0xD800..=0xDFFF`, that only the VM's WTF-8 strings hold).
/// `OverflowError: Python int too large to convert to C int` outside the C
/// `int` range, `ValueError: chr() arg not in range(0x110000)` otherwise.
pub fn chr(i: i64) -> Result<u32, StrError> {
    if i32::try_from(i).is_err() {
        return Err(StrError::overflow("Python int too large to convert to C int"));
    }
    match u32::try_from(i) {
        Ok(cp) if cp < 0x110000 => Ok(cp),
        _ => Err(StrError::value("chr() arg not in range(0x110000)")),
    }
}
