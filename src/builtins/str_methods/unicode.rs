//! Per-code-point Unicode 14.0 properties and full case mappings, as CPython
//! 3.11's `Py_UNICODE_IS*` macros and `_PyUnicode_To*Full` functions, looked up
//! in the generated [`tables`](super::tables).

use super::tables::*;

/// Whether `cp` lies in one of the sorted, disjoint inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(start, _)| start <= cp);
    i > 0 && cp <= ranges[i - 1].1
}

/// `chr(c).isspace()`: Unicode whitespace (bidi WS/B/S or category Zs).
pub fn is_space(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    in_ranges(&SPACE_RANGES, cp)
}

/// Line boundaries of `str.splitlines()` (CPython's `Py_UNICODE_ISLINEBREAK`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `chr(c).isalpha()`: categories Lm, Lt, Lu, Ll, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&ALPHA_RANGES, c as u32)
}

/// `chr(c).isdecimal()`: category Nd.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&DECIMAL_RANGES, c as u32)
}

/// The value of a decimal digit (`unicodedata.decimal(c)`), as `int()` reads
/// non-ASCII digits; `None` when `c` is not `isdecimal()`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - u32::from(b'0'));
    }
    let i = DECIMAL_RANGES.partition_point(|&(start, _)| start <= cp);
    // Decimal digits come in runs of whole 0..=9 sequences (checked by the
    // generator), so the value is the offset in the run modulo 10.
    (i > 0 && cp <= DECIMAL_RANGES[i - 1].1).then(|| (cp - DECIMAL_RANGES[i - 1].0) % 10)
}

/// `chr(c).isdigit()`: Numeric_Type Digit or Decimal.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&DIGIT_RANGES, c as u32)
}

/// `chr(c).isnumeric()`: Numeric_Type Digit, Decimal or Numeric.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&NUMERIC_RANGES, c as u32)
}

/// `chr(c).isalnum()`: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

/// CPython's `Py_UNICODE_ISLOWER`: the derived property Lowercase.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(&LOWER_RANGES, c as u32)
}

/// CPython's `Py_UNICODE_ISUPPER`: the derived property Uppercase.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(&UPPER_RANGES, c as u32)
}

/// CPython's `Py_UNICODE_ISTITLE`: category Lt.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(&TITLE_RANGES, c as u32)
}

/// CPython's `_PyUnicode_IsCased`: the derived property Cased.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&CASED_RANGES, c as u32)
}

/// CPython's `_PyUnicode_IsCaseIgnorable`: the derived property Case_Ignorable.
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(&CASE_IGNORABLE_RANGES, c as u32)
}

/// Whether `c` may start an identifier (`XID_Start` or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(&XID_START_RANGES, c as u32)
}

/// Whether `c` may continue an identifier (`XID_Continue`).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(&XID_CONTINUE_RANGES, c as u32)
}

/// `chr(c).isprintable()`.
pub fn is_printable(c: char) -> bool {
    crate::repr::is_printable(c as u32)
}

/// A full case mapping of one code point: one to three code points.
#[derive(Clone, Copy, Debug)]
pub enum Mapped {
    /// Maps to one code point.
    One(char),
    /// Maps to several code points (SpecialCasing).
    Many(&'static str),
}

impl Mapped {
    /// Append the mapping to `out`.
    pub fn push_to(self, out: &mut String) {
        match self {
            Mapped::One(c) => out.push(c),
            Mapped::Many(s) => out.push_str(s),
        }
    }
}

/// Look `c` up in one mapping's run and multi tables; unmapped characters map
/// to themselves.
fn map(runs: &[(u32, u32, i32)], multi: &'static [(u32, &'static str)], c: char) -> Mapped {
    let cp = c as u32;
    let i = runs.partition_point(|&(start, _, _)| start <= cp);
    if i > 0 {
        let (start, packed, delta) = runs[i - 1];
        let stride = if packed & 1 == 1 { 2 } else { 1 };
        let count = packed >> 1;
        let off = cp - start;
        if off.is_multiple_of(stride) && off / stride < count {
            let mapped = cp.wrapping_add_signed(delta);
            if let Some(m) = char::from_u32(mapped) {
                return Mapped::One(m);
            }
        }
    }
    match multi.binary_search_by_key(&cp, |&(k, _)| k) {
        Ok(j) => Mapped::Many(multi[j].1),
        Err(_) => Mapped::One(c),
    }
}

/// `chr(c).lower()` (`_PyUnicode_ToLowerFull`, without the final-sigma rule).
pub fn to_lower_full(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    map(&LOWER_MAP_RUNS, &LOWER_MAP_MULTI, c)
}

/// `chr(c).upper()` (`_PyUnicode_ToUpperFull`): `'ß'` → `"SS"`.
pub fn to_upper_full(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    map(&UPPER_MAP_RUNS, &UPPER_MAP_MULTI, c)
}

/// `chr(c).title()` (`_PyUnicode_ToTitleFull`).
pub fn to_title_full(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    map(&TITLE_MAP_RUNS, &TITLE_MAP_MULTI, c)
}

/// `chr(c).casefold()` (`_PyUnicode_ToFoldedFull`).
pub fn to_folded_full(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    map(&FOLD_MAP_RUNS, &FOLD_MAP_MULTI, c)
}
