//! Splitting and trimming: `split`, `rsplit`, `splitlines`, `partition`,
//! `rpartition`, `join`, `strip`, `lstrip`, `rstrip`, as CPython's
//! `stringlib/split.h` (whitespace is `str.isspace`).

use super::error::{reserve, StrError};
use super::fastsearch::{self, Matches};
use super::unicode::{is_linebreak, is_space};

fn empty_separator() -> StrError {
    StrError::value("empty separator")
}

/// `maxsplit` as a count of splits: negative means unlimited.
fn max_count(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`: `sep = None` splits on runs of whitespace and
/// drops empty pieces; `ValueError: empty separator` for `sep == ""`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, StrError> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_start_matches(is_space);
                if rest.is_empty() {
                    return Ok(out);
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
                left -= 1;
            }
            // maxsplit reached: the rest, without its leading whitespace.
            let rest = rest.trim_start_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut i = 0;
            for p in Matches::new(s, sep).take(left) {
                out.push(&s[i..p]);
                i = p + sep.len();
            }
            out.push(&s[i..]);
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: as [`split`], splitting from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, StrError> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_end_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                let start = rest.rfind(is_space).map_or(0, |p| p + next_len(rest, p));
                out.push(&rest[start..]);
                rest = &rest[..start];
                left -= 1;
            }
            let rest = rest.trim_end_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut end = s.len();
            while left > 0 {
                match fastsearch::rfind(&s[..end], sep) {
                    Some(p) => {
                        out.push(&s[p + sep.len()..end]);
                        end = p;
                    }
                    None => break,
                }
                left -= 1;
            }
            out.push(&s[..end]);
        }
    }
    out.reverse();
    Ok(out)
}

/// The UTF-8 length of the character at byte offset `p` of `s`.
fn next_len(s: &str, p: usize) -> usize {
    s[p..].chars().next().map_or(0, char::len_utf8)
}

/// `s.splitlines(keepends)`: split at `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c`, `\x1d`, `\x1e`, `\x85`, `\u2028`, `\u2029`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    if s.is_ascii() {
        return splitlines_ascii(s, keepends);
    }
    let mut out = Vec::new();
    let mut j = 0;
    while j < s.len() {
        let rest = &s[j..];
        let (eol, next) = match rest.char_indices().find(|&(_, c)| is_linebreak(c)) {
            None => (s.len(), s.len()),
            Some((p, c)) => {
                let brk =
                    if c == '\r' && rest[p + 1..].starts_with('\n') { 2 } else { c.len_utf8() };
                let next = j + p + brk;
                (if keepends { next } else { j + p }, next)
            }
        };
        out.push(&s[j..eol]);
        j = next;
    }
    out
}

/// [`splitlines`] of ASCII text: the line breaks are `\n`, `\r`, `\r\n`,
/// `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`; the common `\n` is found with
/// `memchr`.
fn splitlines_ascii(s: &str, keepends: bool) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut j = 0;
    while j < b.len() {
        // The next break: `\n` with memchr when the text has no other kind
        // of break before it.
        let nl = memchr::memchr(b'\n', &b[j..]).map_or(b.len(), |p| j + p);
        let p = match b[j..nl].iter().position(|&c| matches!(c, b'\r' | 0x0b | 0x0c | 0x1c..=0x1e))
        {
            Some(q) => j + q,
            None => nl,
        };
        if p == b.len() {
            out.push(&s[j..]);
            break;
        }
        let brk = if b[p] == b'\r' && b.get(p + 1) == Some(&b'\n') { 2 } else { 1 };
        out.push(&s[j..if keepends { p + brk } else { p }]);
        j = p + brk;
    }
    out
}

/// `s.partition(sep)`: `(before, sep, after)` around the first `sep`, or
/// `(s, "", "")`; `ValueError: empty separator` for `sep == ""`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), StrError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match fastsearch::find(s, sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: `(before, sep, after)` around the last `sep`, or
/// `("", "", s)`; `ValueError: empty separator` for `sep == ""`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), StrError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match fastsearch::rfind(s, sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => ("", "", s),
    })
}

/// `sep.join(pieces)` once the VM has checked that every item is a `str`.
/// `OverflowError: join() result is too long for a Python string` /
/// `MemoryError` when the result cannot exist.
pub fn join<P: AsRef<str>>(sep: &str, pieces: &[P]) -> Result<String, StrError> {
    let too_long = || StrError::overflow("join() result is too long for a Python string");
    let mut total = sep.len().checked_mul(pieces.len().saturating_sub(1)).ok_or_else(too_long)?;
    for p in pieces {
        total = total.checked_add(p.as_ref().len()).ok_or_else(too_long)?;
    }
    if total > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = String::new();
    reserve(&mut out, total)?;
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    Ok(out)
}

/// `s.strip(chars)`: without leading and trailing whitespace (`chars = None`)
/// or code points of `chars`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`: as [`strip`], at the start only.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`: as [`strip`], at the end only.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}
