//! Splitting and trimming: `split`, `rsplit`, `splitlines`, `partition`,
//! `rpartition`, `join`, `strip`, `lstrip`, `rstrip`, as CPython's
//! `stringlib/split.h` (whitespace is `str.isspace`).

use super::error::{reserve, StrError};
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
            while left > 0 {
                match s[i..].find(sep) {
                    Some(p) => {
                        out.push(&s[i..i + p]);
                        i += p + sep.len();
                    }
                    None => break,
                }
                left -= 1;
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
                match s[..end].rfind(sep) {
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

/// `s.partition(sep)`: `(before, sep, after)` around the first `sep`, or
/// `(s, "", "")`; `ValueError: empty separator` for `sep == ""`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), StrError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
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
    Ok(match s.rfind(sep) {
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
