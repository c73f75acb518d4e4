//! Literal decoding: the values of Number and String tokens, as CPython 3.11
//! computes them (`parsenumber` in pegen.c, `decode_unicode_with_escapes` and
//! `_PyBytes_DecodeEscape` in string_parser.c), with CPython's error messages.
//!
//! Strings decode to WTF-8 (UTF-8 that may also hold lone surrogates such as
//! `"\ud800"`, in the generalized 3-byte encoding), bytes to raw bytes.

use num_bigint::BigUint;

/// The value of a Number token.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    /// An integer above `i64::MAX`, as decimal digits (no leading zeros).
    BigInt(String),
    Float(f64),
    /// `<imag>j`: the complex number `0 + imag*j`.
    Imaginary(f64),
}

/// The value of an (already validated) Number token's text.
pub fn parse_number(text: &str) -> Number {
    let owned;
    let text = if text.contains('_') {
        owned = text.replace('_', "");
        owned.as_str()
    } else {
        text
    };
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Number::Imaginary(parse_float(imag));
    }
    let bytes = text.as_bytes();
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_int(&text[2..], radix);
        }
    }
    if text.contains(['.', 'e', 'E']) {
        return Number::Float(parse_float(text));
    }
    parse_int(text, 10)
}

fn parse_float(text: &str) -> f64 {
    // Rust's parser is correctly rounded, like CPython's dtoa.
    text.parse::<f64>().unwrap_or(f64::NAN)
}

fn parse_int(digits: &str, radix: u32) -> Number {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Number::Int(v);
    }
    match BigUint::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Number::BigInt(v.to_string()),
        None => Number::Int(0),
    }
}

/// The prefix of a string literal (case-insensitive letters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrPrefix {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// `u` (no effect on the value; `Constant.kind == 'u'`).
    pub unicode: bool,
}

/// Split a String token's text into its prefix, quote length (1 or 3) and body.
pub fn split_string_token(text: &str) -> (StrPrefix, usize, &str) {
    let mut prefix = StrPrefix::default();
    let q = text.find(['\'', '"']).unwrap_or(text.len());
    for c in text[..q].bytes() {
        match c.to_ascii_lowercase() {
            b'b' => prefix.bytes = true,
            b'r' => prefix.raw = true,
            b'f' => prefix.fstring = true,
            b'u' => prefix.unicode = true,
            _ => {}
        }
    }
    let rest = &text[q..];
    let quote_len = match rest.as_bytes() {
        [a, b, c, ..] if a == b && b == c && rest.len() >= 6 => 3,
        _ => 1,
    };
    let body = rest.get(quote_len..rest.len().saturating_sub(quote_len)).unwrap_or("");
    (prefix, quote_len, body)
}

/// A literal that CPython refuses.
///
/// Where CPython points: for `BytesNotAscii` at the whole string token; for
/// the escape errors (`(unicode error) ...`, `(value error) ...`) at the last
/// token its parser had fetched when decoding the string (usually the token
/// after the atom's last string, e.g. the NEWLINE).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub kind: LiteralErrorKind,
    /// CPython's full message.
    pub msg: String,
    /// Byte range in the body of the offending escape.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiteralErrorKind {
    /// `bytes can only contain ASCII literal characters`
    BytesNotAscii,
    /// A bad escape in a str (`(unicode error) 'unicodeescape' codec ...`).
    UnicodeError,
    /// A bad `\x` escape in bytes (`(value error) invalid \x escape at position N`).
    ValueError,
}

const NOT_ASCII: &str = "bytes can only contain ASCII literal characters";

fn bytes_not_ascii(body: &str) -> Result<(), LiteralError> {
    match body.bytes().position(|b| b >= 128) {
        None => Ok(()),
        Some(i) => Err(LiteralError {
            kind: LiteralErrorKind::BytesNotAscii,
            msg: NOT_ASCII.into(),
            start: i,
            end: i + 1,
        }),
    }
}

/// Append a raw literal's body (copied verbatim; bytes must be ASCII).
pub fn decode_raw(body: &str, is_bytes: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    if is_bytes {
        bytes_not_ascii(body)?;
    }
    out.extend_from_slice(body.as_bytes());
    Ok(())
}

/// Append the value of a non-raw literal's body with its escapes decoded:
/// WTF-8 for str, bytes for bytes.
pub fn decode_escapes(body: &str, is_bytes: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    if is_bytes {
        bytes_not_ascii(body)?;
    }
    let b = body.as_bytes();
    let Some(first) = b.iter().position(|&c| c == b'\\') else {
        out.extend_from_slice(b);
        return Ok(());
    };
    out.extend_from_slice(&b[..first]);
    // CPython decodes str escapes from a buffer where each non-ASCII char is
    // spelled `\UXXXXXXXX` (and a backslash before one `\u005c`): error
    // positions count in that buffer (`cpos`).
    let mut cpos = cpython_len(&body[..first]);
    let mut i = first;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            let n = utf8_len(c);
            out.extend_from_slice(&b[i..(i + n).min(b.len())]);
            cpos += if c < 128 { 1 } else { 10 };
            i += n;
            continue;
        }
        let start = i;
        let cstart = cpos;
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err(unicode_error(cstart, cstart + 1, "\\ at end of string", 0x5c));
        };
        i += 1;
        cpos += 2;
        let simple = match e {
            b'\n' => Some(None),
            b'\\' => Some(Some(b'\\')),
            b'\'' => Some(Some(b'\'')),
            b'"' => Some(Some(b'"')),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(b'\n')),
            b'r' => Some(Some(b'\r')),
            b't' => Some(Some(b'\t')),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(v) = simple {
            out.extend(v);
            continue;
        }
        match e {
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                            cpos += 1;
                        }
                        _ => break,
                    }
                }
                if is_bytes {
                    out.push(v as u8);
                } else {
                    push_code_point(out, v);
                }
            }
            b'x' | b'u' | b'U' if !is_bytes || e == b'x' => {
                let (count, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v = 0u32;
                for _ in 0..count {
                    match b.get(i).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                            cpos += 1;
                        }
                        None if is_bytes => {
                            return Err(LiteralError {
                                kind: LiteralErrorKind::ValueError,
                                msg: format!(
                                    "(value error) invalid \\x escape at position {start}"
                                ),
                                start,
                                end: i,
                            });
                        }
                        None => return Err(unicode_error(cstart, cpos, what, 0x5c).at(start, i)),
                    }
                }
                if is_bytes {
                    out.push(v as u8);
                } else if v > 0x10FFFF {
                    return Err(
                        unicode_error(cstart, cpos, "illegal Unicode character", 0x5c).at(start, i)
                    );
                } else {
                    push_code_point(out, v);
                }
            }
            b'N' if !is_bytes => {
                let malformed = "malformed \\N character escape";
                if b.get(i) != Some(&b'{') {
                    return Err(unicode_error(cstart, cpos, malformed, 0x5c).at(start, i));
                }
                let name_start = i + 1;
                let Some(len) = b[name_start..].iter().position(|&c| c == b'}') else {
                    let cend = cpos + cpython_len(&body[i..]);
                    return Err(unicode_error(cstart, cend, malformed, 0x5c).at(start, b.len()));
                };
                let name = &body[name_start..name_start + len];
                let cname = cpython_len(name);
                if len == 0 {
                    return Err(
                        unicode_error(cstart, cpos + 1, malformed, 0x5c).at(start, name_start)
                    );
                }
                i = name_start + len + 1;
                cpos += cname + 2;
                match lookup_name(name) {
                    Some(ch) => push_code_point(out, ch as u32),
                    None => {
                        return Err(unicode_error(
                            cstart,
                            cpos,
                            "unknown Unicode character name",
                            0x5c,
                        )
                        .at(start, i))
                    }
                }
            }
            _ => {
                // Unknown escape: kept as is (CPython only warns).
                out.push(b'\\');
                i -= 1;
                cpos -= 1;
                if e >= 128 {
                    cpos += 4; // the backslash became `\u005c`
                }
            }
        }
    }
    Ok(())
}

impl LiteralError {
    fn at(mut self, start: usize, end: usize) -> LiteralError {
        self.start = start;
        self.end = end;
        self
    }
}

/// `(unicode error) 'unicodeescape' codec can't decode ...` for the range
/// `[start, end)` of CPython's escape buffer.
fn unicode_error(start: usize, end: usize, reason: &str, byte: u8) -> LiteralError {
    let msg = if end == start + 1 {
        format!("(unicode error) 'unicodeescape' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
    } else {
        format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    LiteralError { kind: LiteralErrorKind::UnicodeError, msg, start, end }
}

/// Length of `s` in CPython's escape buffer (non-ASCII chars count 10).
fn cpython_len(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum()
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Append code point `v` (<= 0x10FFFF) in WTF-8 (surrogates as 3 bytes).
fn push_code_point(out: &mut Vec<u8>, v: u32) {
    match char::from_u32(v) {
        Some(ch) => {
            let mut buf = [0; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        None => out.extend_from_slice(&[
            0xe0 | (v >> 12) as u8,
            0x80 | ((v >> 6) & 0x3f) as u8,
            0x80 | (v & 0x3f) as u8,
        ]),
    }
}

/// `\N{name}` lookup as CPython's: case-insensitive, exact spacing, aliases
/// allowed (`unicode_names2` matches loosely, so loose variants are refused).
fn lookup_name(name: &str) -> Option<char> {
    if !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b' ' || c == b'-') {
        return None;
    }
    let ch = unicode_names2::character(name)?;
    let upper = name.to_ascii_uppercase();
    let canonical = unicode_names2::name(ch).map(|n| n.to_string()).unwrap_or_default();
    if upper == canonical {
        return Some(ch);
    }
    // Not the exact name: an alias is fine, a loose spelling of the name is not.
    let squeeze = |s: &str| s.chars().filter(|c| *c != ' ' && *c != '-').collect::<String>();
    if squeeze(&upper) == squeeze(&canonical)
        || upper.contains("  ")
        || upper.starts_with(' ')
        || upper.ends_with(' ')
    {
        return None;
    }
    Some(ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        decode_escapes(body, false, &mut out).map(|()| out).map_err(|e| e.msg)
    }

    fn b(body: &str) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        decode_escapes(body, true, &mut out).map(|()| out).map_err(|e| e.msg)
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1_000"), Number::Int(1000));
        assert_eq!(parse_number("0x_ff"), Number::Int(255));
        assert_eq!(parse_number("0o17"), Number::Int(15));
        assert_eq!(parse_number("0B101"), Number::Int(5));
        assert_eq!(parse_number("000"), Number::Int(0));
        assert_eq!(
            parse_number("9223372036854775808"),
            Number::BigInt("9223372036854775808".into())
        );
        assert_eq!(
            parse_number("0xffffffffffffffffff"),
            Number::BigInt("4722366482869645213695".into())
        );
        assert_eq!(parse_number("1.5"), Number::Float(1.5));
        assert_eq!(parse_number("1."), Number::Float(1.0));
        assert_eq!(parse_number(".5e1"), Number::Float(5.0));
        assert_eq!(parse_number("1.e2"), Number::Float(100.0));
        assert_eq!(parse_number("1e400"), Number::Float(f64::INFINITY));
        assert_eq!(parse_number("0.1"), Number::Float(0.1));
        assert_eq!(parse_number("2J"), Number::Imaginary(2.0));
        assert_eq!(parse_number("1_0.5e-1_0j"), Number::Imaginary(10.5e-10));
        assert_eq!(parse_number("09.5"), Number::Float(9.5));
    }

    #[test]
    fn split() {
        let (p, q, body) = split_string_token("Rb'''a'b'''");
        assert!(p.raw && p.bytes && !p.fstring);
        assert_eq!((q, body), (3, "a'b"));
        assert_eq!(split_string_token("''").2, "");
        assert_eq!(split_string_token("''''''").1, 3);
        assert_eq!(split_string_token("u\"x\"").2, "x");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            s("a\\n\\t\\\\\\'\\x41\\101\\u00e9\\U0001F600\\N{BLACK STAR}\\d\\\nz").unwrap(),
            "a\n\t\\'AAé😀★\\dz".as_bytes()
        );
        assert_eq!(s("\\ud800").unwrap(), [0xed, 0xa0, 0x80]);
        assert_eq!(s("\\777").unwrap(), "ǿ".as_bytes());
        assert_eq!(s("\\N{latin small letter a}").unwrap(), b"a");
        assert_eq!(s("\\N{BYTE ORDER MARK}").unwrap(), "\u{feff}".as_bytes());
        assert!(s("\\N{LATINSMALLLETTERA}").is_err());
        assert_eq!(b("\\xff\\777\\u1234").unwrap(), b"\xff\xff\\u1234");
    }

    #[test]
    fn escape_errors_match_cpython() {
        let u = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(s("\\xZZ").unwrap_err(), format!("{u} 0-1: truncated \\xXX escape"));
        assert_eq!(
            s("abc\\N{foo}").unwrap_err(),
            format!("{u} 3-9: unknown Unicode character name")
        );
        assert_eq!(s("ab\\u12").unwrap_err(), format!("{u} 2-5: truncated \\uXXXX escape"));
        assert_eq!(s("\\U00110000").unwrap_err(), format!("{u} 0-9: illegal Unicode character"));
        assert_eq!(s("é\\x").unwrap_err(), format!("{u} 10-11: truncated \\xXX escape"));
        assert_eq!(b("\\xZ").unwrap_err(), "(value error) invalid \\x escape at position 0");
        assert_eq!(b("aé").unwrap_err(), "bytes can only contain ASCII literal characters");
        assert_eq!(s("\\N{}").unwrap_err(), format!("{u} 0-2: malformed \\N character escape"));
        assert_eq!(s("\\N").unwrap_err(), format!("{u} 0-1: malformed \\N character escape"));
        assert_eq!(s("\\N{abc").unwrap_err(), format!("{u} 0-5: malformed \\N character escape"));
        let mut out = Vec::new();
        assert!(decode_raw("é", true, &mut out).is_err());
    }
}
