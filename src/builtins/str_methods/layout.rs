//! Padding and repetition: `center`, `ljust`, `rjust`, `zfill`,
//! `expandtabs`, `str * n`, `removeprefix`, `removesuffix`. Widths count code
//! points.

use super::error::{reserve, StrError};
use super::index::char_count;

/// The fill character argument: exactly one code point, else
/// `TypeError: The fill character must be exactly one character long`.
fn fill_char(fill: &str) -> Result<char, StrError> {
    let mut chars = fill.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(StrError::type_error("The fill character must be exactly one character long")),
    }
}

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, StrError> {
    let total = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .ok_or_else(StrError::memory)?;
    let mut out = String::new();
    reserve(&mut out, total)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// The padding needed to reach `width`, or `None` when `s` is wide enough.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_count(s);
    usize::try_from(width).ok().filter(|&w| w > len).map(|w| w - len)
}

/// `s.center(width, fill)` (CPython puts the extra fill character on the
/// left when both the margin and `width` are odd).
pub fn center(s: &str, width: i64, fill: &str) -> Result<String, StrError> {
    let fill = fill_char(fill)?;
    match margin(s, width) {
        None => Ok(s.to_owned()),
        Some(marg) => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            pad(s, left, marg - left, fill)
        }
    }
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: &str) -> Result<String, StrError> {
    let fill = fill_char(fill)?;
    match margin(s, width) {
        None => Ok(s.to_owned()),
        Some(marg) => pad(s, 0, marg, fill),
    }
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: &str) -> Result<String, StrError> {
    let fill = fill_char(fill)?;
    match margin(s, width) {
        None => Ok(s.to_owned()),
        Some(marg) => pad(s, marg, 0, fill),
    }
}

/// `s.zfill(width)`: `'0'`s on the left, after a leading sign.
pub fn zfill(s: &str, width: i64) -> Result<String, StrError> {
    match margin(s, width) {
        None => Ok(s.to_owned()),
        Some(marg) => {
            let mut out = pad(s, marg, 0, '0')?;
            if let Some(sign @ ('+' | '-')) = s.chars().next() {
                // Swap the sign (ASCII) with the first '0'.
                out.replace_range(marg..marg + 1, "0");
                out.replace_range(0..1, if sign == '+' { "+" } else { "-" });
            }
            Ok(out)
        }
    }
}

/// `s.expandtabs(tabsize)`: tabs replaced by spaces up to the next multiple
/// of `tabsize` columns (removed when `tabsize <= 0`); columns restart after
/// `\n` and `\r`. `tabsize` is a C `int`: `OverflowError: Python int too
/// large to convert to C int` outside its range.
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, StrError> {
    let tabsize = i32::try_from(tabsize)
        .map_err(|_| StrError::overflow("Python int too large to convert to C int"))?;
    let too_long = || StrError::overflow("new string is too long");
    // First pass: the result's length, as CPython checks for overflow.
    let tab = usize::try_from(tabsize).unwrap_or(0);
    let mut total: usize = 0;
    let mut col: usize = 0;
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                total = total.checked_add(incr).ok_or_else(too_long)?;
            }
        } else {
            col += 1;
            total = total.checked_add(c.len_utf8()).ok_or_else(too_long)?;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    if total > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = String::new();
    reserve(&mut out, total)?;
    col = 0;
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

/// `s * n` (and `n * s`): `""` for `n <= 0`; `OverflowError: repeated string
/// is too long` past the maximum size, `MemoryError` when it cannot be
/// allocated.
pub fn repeat(s: &str, n: i64) -> Result<String, StrError> {
    let n = usize::try_from(n).unwrap_or(0);
    if n == 0 || s.is_empty() {
        return Ok(String::new());
    }
    // CPython's limit is on code points; past it only memory runs out.
    if char_count(s).checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
        return Err(StrError::overflow("repeated string is too long"));
    }
    let total = s.len().checked_mul(n).ok_or_else(StrError::memory)?;
    let mut out = String::new();
    reserve(&mut out, total)?;
    // Doubling copies, as CPython does.
    out.push_str(s);
    while out.len() < total {
        let chunk = (total - out.len()).min(out.len());
        out.extend_from_within(..chunk);
    }
    Ok(out)
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}
