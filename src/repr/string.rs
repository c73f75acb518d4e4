//! `repr(str)` (from WTF-8) and `repr(bytes)`, as CPython 3.11's
//! `unicode_repr` and `bytes_repr`, plus `str.isprintable()` for one code point.

use super::printable_table::PRINTABLE_RANGES;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Python's `str.isprintable()` for the single code point `cp` (Unicode 14.0):
/// false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7f).contains(&cp);
    }
    // Index of the first range starting after `cp`; `cp` is printable when the
    // range before it contains it.
    let i = PRINTABLE_RANGES.partition_point(|&(start, _)| start <= cp);
    i > 0 && cp <= PRINTABLE_RANGES[i - 1].1
}

/// Decode one WTF-8 sequence at the start of `s`: `(code point, length)`.
/// Malformed input (never produced by the lexer) decodes byte by byte as if
/// Latin-1, so every input prints without panicking.
fn decode_wtf8(s: &[u8]) -> (u32, usize) {
    let b0 = s[0];
    let cont = |i: usize| -> Option<u32> {
        match s.get(i) {
            Some(&b) if b & 0xC0 == 0x80 => Some(u32::from(b & 0x3F)),
            _ => None,
        }
    };
    let decoded = match b0 {
        0x00..=0x7F => Some((u32::from(b0), 1)),
        0xC2..=0xDF => cont(1).map(|c1| ((u32::from(b0 & 0x1F) << 6) | c1, 2)),
        0xE0..=0xEF => match (cont(1), cont(2)) {
            (Some(c1), Some(c2)) => {
                let cp = (u32::from(b0 & 0x0F) << 12) | (c1 << 6) | c2;
                (cp >= 0x800).then_some((cp, 3))
            }
            _ => None,
        },
        0xF0..=0xF4 => match (cont(1), cont(2), cont(3)) {
            (Some(c1), Some(c2), Some(c3)) => {
                let cp = (u32::from(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
                (0x10000..=0x10FFFF).contains(&cp).then_some((cp, 4))
            }
            _ => None,
        },
        _ => None,
    };
    decoded.unwrap_or((u32::from(b0), 1))
}

fn push_hex(out: &mut String, prefix: &str, cp: u32, digits: u32) {
    out.push_str(prefix);
    for k in (0..digits).rev() {
        out.push(HEX[((cp >> (4 * k)) & 0xF) as usize] as char);
    }
}

/// The quote `repr` uses: `'` unless the text has `'` and no `"`.
fn choose_quote(s: &[u8]) -> char {
    let mut single = false;
    let mut double = false;
    for &b in s {
        single |= b == b'\'';
        double |= b == b'"';
    }
    if single && !double {
        '"'
    } else {
        '\''
    }
}

/// Append `repr(s)` of a Python `str` given as WTF-8 (UTF-8 that may also
/// contain 3-byte encoded lone surrogates) to `out`.
pub fn write_str_repr(out: &mut String, s: &[u8]) {
    let quote = choose_quote(s);
    out.reserve(s.len() + 2);
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b < 0x80 {
            // ASCII fast path.
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ if b < 0x20 || b == 0x7F => push_hex(out, "\\x", u32::from(b), 2),
                _ => {
                    if b as char == quote {
                        out.push('\\');
                    }
                    out.push(b as char);
                }
            }
            i += 1;
            continue;
        }
        let (cp, len) = decode_wtf8(&s[i..]);
        match char::from_u32(cp) {
            Some(c) if is_printable(cp) => out.push(c),
            _ if cp <= 0xFF => push_hex(out, "\\x", cp, 2),
            _ if cp <= 0xFFFF => push_hex(out, "\\u", cp, 4),
            _ => push_hex(out, "\\U", cp, 8),
        }
        i += len;
    }
    out.push(quote);
}

/// Python's `repr()` of a `str` given as WTF-8: `'a'`, `"it's"`, `'\n'`, `'\x00'`, `'\udc80'`.
pub fn str_repr(s: &[u8]) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, s);
    out
}

/// Append `repr(b)` of a Python `bytes` to `out`.
pub fn write_bytes_repr(out: &mut String, b: &[u8]) {
    let quote = choose_quote(b);
    out.reserve(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if !(0x20..0x7F).contains(&c) => push_hex(out, "\\x", u32::from(c), 2),
            _ => {
                if c as char == quote {
                    out.push('\\');
                }
                out.push(c as char);
            }
        }
    }
    out.push(quote);
}

/// Python's `repr()` of a `bytes`: `b'a'`, `b"it's"`, `b'\x00\xff'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::new();
    write_bytes_repr(&mut out, b);
    out
}
