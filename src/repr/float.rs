//! `repr(float)` and `repr(complex)`: CPython's `PyOS_double_to_string` in
//! mode `'r'` (shortest round-trip digits), with its layout rules: fixed
//! notation when the decimal exponent is in `-4..16`, else `1e+16` style with a
//! signed exponent of at least two digits.
//!
//! The shortest round-trip digits come from Rust's `{:e}` formatting, which
//! (like David Gay's `dtoa` mode 0 used by CPython) yields the shortest digit
//! string that reads back to the same double, the closest one on ties.

use std::fmt::Write;

/// A small stack buffer for `{:e}` output (at most 24 bytes for an `f64`).
struct StackBuf {
    buf: [u8; 40],
    len: usize,
}

impl Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let bytes = s.as_bytes();
        let end = self.len + bytes.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }
}

/// Formatting flags of `PyOS_double_to_string`.
#[derive(Clone, Copy)]
struct Flags {
    /// `Py_DTSF_ADD_DOT_0`: append `.0` to an integral value in fixed notation.
    add_dot_0: bool,
    /// `Py_DTSF_SIGN`: always print a sign (`+` for non-negatives).
    sign: bool,
}

/// Append CPython's `PyOS_double_to_string(x, 'r', 0, flags)` to `out`.
fn write_double(out: &mut String, x: f64, flags: Flags) {
    if x.is_nan() {
        // CPython ignores a NaN's sign bit: `nan`, or `+nan` with `Py_DTSF_SIGN`
        // (as in `(1+nanj)`).
        if flags.sign {
            out.push('+');
        }
        out.push_str("nan");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let a = x.abs();
    if a.is_infinite() {
        out.push_str("inf");
        return;
    }
    if a == 0.0 {
        out.push_str(if flags.add_dot_0 { "0.0" } else { "0" });
        return;
    }
    let mut sb = StackBuf { buf: [0; 40], len: 0 };
    if write!(sb, "{a:e}").is_err() {
        // Unreachable for an f64; fall back to Rust's own rendering.
        let _ = write!(out, "{a}");
        return;
    }
    // On an exact tie between two shortest candidates (`x.25` with a 0.25 ulp:
    // `.2` and `.3` both read back), CPython's dtoa picks the even last digit,
    // as Rust's exact formatting does; Rust's shortest formatting may not. Only
    // an odd last digit can need the change.
    let mut exact = StackBuf { buf: [0; 40], len: 0 };
    let mantissa_end = sb.buf[..sb.len].iter().position(|&b| b == b'e').unwrap_or(sb.len);
    if mantissa_end > 0 && sb.buf[mantissa_end - 1] % 2 == 1 {
        let ndigits = sb.buf[..mantissa_end].iter().filter(|b| b.is_ascii_digit()).count();
        let prec = ndigits.saturating_sub(1);
        if write!(exact, "{a:.prec$e}").is_ok()
            && std::str::from_utf8(&exact.buf[..exact.len]).ok().and_then(|t| t.parse::<f64>().ok())
                == Some(a)
        {
            sb = exact;
        }
    }
    let text = &sb.buf[..sb.len];
    // `text` is `d[.ddd]e[-]N`: collect the digits and the exponent.
    let mut digits = [0u8; 24];
    let mut n = 0;
    let mut i = 0;
    while i < text.len() && text[i] != b'e' {
        if text[i].is_ascii_digit() && n < digits.len() {
            digits[n] = text[i];
            n += 1;
        }
        i += 1;
    }
    let mut exp: i32 = 0;
    let mut neg_exp = false;
    i += 1;
    if i < text.len() && text[i] == b'-' {
        neg_exp = true;
        i += 1;
    }
    while i < text.len() {
        exp = exp * 10 + i32::from(text[i].wrapping_sub(b'0'));
        i += 1;
    }
    if neg_exp {
        exp = -exp;
    }
    let digits = &digits[..n.max(1)];
    let n = digits.len() as i32;
    // Value is 0.d1d2... * 10**decpt.
    let decpt = exp + 1;
    let push_digits = |out: &mut String, d: &[u8]| {
        for &c in d {
            out.push(c as char);
        }
    };
    if decpt <= -4 || decpt > 16 {
        push_digits(out, &digits[..1]);
        if n > 1 {
            out.push('.');
            push_digits(out, &digits[1..]);
        }
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        let e = e.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        let _ = write!(out, "{e}");
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        push_digits(out, digits);
    } else if decpt < n {
        let d = decpt as usize;
        push_digits(out, &digits[..d]);
        out.push('.');
        push_digits(out, &digits[d..]);
    } else {
        push_digits(out, digits);
        for _ in 0..decpt - n {
            out.push('0');
        }
        if flags.add_dot_0 {
            out.push_str(".0");
        }
    }
}

/// Append `repr(x)` for a Python `float` to `out`.
pub fn write_float_repr(out: &mut String, x: f64) {
    write_double(out, x, Flags { add_dot_0: true, sign: false });
}

/// Python's `repr(x)` for a `float`: `1.0`, `0.1`, `1e+16`, `1.5e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    write_float_repr(&mut s, x);
    s
}

/// Append `repr(complex(real, imag))` to `out`.
pub fn write_complex_repr(out: &mut String, real: f64, imag: f64) {
    let plain = Flags { add_dot_0: false, sign: false };
    if real == 0.0 && real.is_sign_positive() {
        write_double(out, imag, plain);
        out.push('j');
    } else {
        out.push('(');
        write_double(out, real, plain);
        write_double(out, imag, Flags { add_dot_0: false, sign: true });
        out.push_str("j)");
    }
}

/// Python's `repr(complex(real, imag))`: `1j`, `2.5j`, `-0j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let mut s = String::with_capacity(32);
    write_complex_repr(&mut s, real, imag);
    s
}
