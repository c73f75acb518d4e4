//! CPython's `PyOS_double_to_string` for the types `e E f F g G r` with a
//! precision and flags (`format_float_short` in `Python/pystrtod.c`).
//!
//! The digits come from Rust's exact formatting (`{:.N}` and `{:.Ne}` round
//! the exact binary value correctly, ties to even, like David Gay's `dtoa`
//! modes 3 and 2); mode 0 (`r`, shortest round-trip) reuses
//! [`crate::repr::float_repr`].

/// Flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: `1.0` rather than `1` for integral values.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: keep trailing zeros / the decimal point (`#`).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `-0.0` (after rounding) prints as `0.0` (`z`).
    pub no_neg_0: bool,
}

/// Split Rust's rendering of a non-negative finite value into significant
/// digits (no leading/trailing zeros; `"0"` for zero) and `decpt` (value =
/// `0.DIGITS * 10**decpt`).
fn digits_of(text: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let point = mant.find('.').unwrap_or(mant.len()) as i64;
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    let mut decpt = point + exp;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    if lead == digits.len() {
        return (vec![b'0'], 1);
    }
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

/// `PyOS_double_to_string(x, code, precision, flags)` for `code` in
/// `e E f F g G r` (`r` ignores `precision`).
pub fn format_float_short(x: f64, code: char, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() || x.is_infinite() {
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let a = x.abs();
    let mut precision = precision as i64;
    let (digits, mut decpt) = match code {
        'e' => {
            precision += 1;
            digits_of(&format!("{:.*e}", (precision - 1) as usize, a))
        }
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            digits_of(&format!("{:.*e}", (precision - 1) as usize, a))
        }
        'f' => digits_of(&format!("{:.*}", precision as usize, a)),
        _ => digits_of(&crate::repr::float_repr(a)),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if flags.add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push = |out: &mut String, d: &[u8]| {
        for &c in d {
            out.push(c as char);
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push(&mut out, &digits[decpt as usize..]);
    } else {
        push(&mut out, &digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}
