//! Case conversions (`upper`, `lower`, `casefold`, `swapcase`, `title`,
//! `capitalize`) with full Unicode mappings and the final-sigma rule, and the
//! `is*` predicates, as CPython 3.11's `unicodeobject.c`.

use super::unicode::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_lower, is_numeric,
    is_printable, is_space, is_title, is_upper, is_xid_continue, is_xid_start, to_folded_full,
    to_lower_full, to_title_full, to_upper_full, Mapped,
};

const CAPITAL_SIGMA: char = '\u{3A3}';

/// CPython's `handle_capital_sigma`: the lowercase of the capital sigma at
/// byte offset `i` of `s` is final (`ς`) when preceded by a cased letter and
/// not followed by one, case-ignorable characters skipped both ways.
fn lower_sigma(s: &str, i: usize) -> char {
    let before = s[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(is_cased);
    if final_sigma {
        let after_start = i + CAPITAL_SIGMA.len_utf8();
        let after = s[after_start..].chars().find(|&c| !is_case_ignorable(c));
        final_sigma = !after.is_some_and(is_cased);
    }
    if final_sigma {
        '\u{3C2}'
    } else {
        '\u{3C3}'
    }
}

/// CPython's `lower_ucs4`: the lowercase of the character `c` at byte offset
/// `i` of `s`.
fn lower_at(s: &str, i: usize, c: char) -> Mapped {
    if c == CAPITAL_SIGMA {
        Mapped::One(lower_sigma(s, i))
    } else {
        to_lower_full(c)
    }
}

/// `s.upper()`: full uppercase mappings (`'ß'` → `"SS"`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        to_upper_full(c).push_to(&mut out);
    }
    out
}

/// `s.lower()`: full lowercase mappings (`'İ'` → `"i̇"`) and the final sigma.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        lower_at(s, i, c).push_to(&mut out);
    }
    out
}

/// `s.casefold()`: full case folding (no final-sigma rule).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        to_folded_full(c).push_to(&mut out);
    }
    out
}

/// `s.swapcase()`: uppercase characters lowered (with the final sigma),
/// lowercase ones uppered, others kept.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if is_upper(c) {
            lower_at(s, i, c).push_to(&mut out);
        } else if is_lower(c) {
            to_upper_full(c).push_to(&mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a cased
/// one.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            lower_at(s, i, c).push_to(&mut out);
        } else {
            to_title_full(c).push_to(&mut out);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            to_title_full(c).push_to(&mut out);
        } else {
            lower_at(s, i, c).push_to(&mut out);
        }
    }
    out
}

/// Whether `s` is non-empty and every character satisfies `pred`.
fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.isascii()` (true for `""`).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()` (true for `""`).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `s.isidentifier()`: `XID_Start` or `_`, then `XID_Continue` characters.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue)
}

/// `s.islower()`: at least one cased character and no uppercase or
/// titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased = cased || is_lower(c);
    }
    cased
}

/// `s.isupper()`: at least one cased character and no lowercase or
/// titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased = cased || is_upper(c);
    }
    cased
}

/// `s.istitle()`: uppercase and titlecase characters only after uncased
/// ones, lowercase only after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}
