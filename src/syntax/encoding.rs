//! Source decoding: a file's bytes → UTF-8 text with newlines normalized to
//! `\n`, as CPython 3.11's file tokenizer reads a script (`python3 x.py`).
//!
//! Handles the UTF-8 BOM, the PEP 263 coding declaration (line 1, or line 2
//! when line 1 is blank or a comment) for UTF-8, Latin-1 and ASCII and their
//! aliases, strict UTF-8 validation with CPython's "Non-UTF-8 code" message, and
//! universal newlines. NUL bytes pass through: the tokenizer reports them when
//! it reaches their line, as CPython does.
//!
//! Errors CPython reports without any location carry `line_only = Some(0)`.

use super::codecs_table;
use super::error::SyntaxError;
use super::tokens::Span;

/// The encodings we can decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    /// An ASCII-compatible single-byte codec: the table of bytes 0x80..=0xFF.
    SingleByte(&'static [u32; 128]),
}

/// Decode a source file's bytes (file name unknown; see [`decode_source_file`]).
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    decode_source_file(bytes, "<string>")
}

/// Decode a source file's bytes as CPython does for the script `filename`
/// (which appears in the "Non-UTF-8 code" message).
pub fn decode_source_file(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let spec = find_coding_spec(body);
    let encoding = match &spec {
        None => None,
        Some(name) => {
            if bom && name != "utf-8" {
                return Err(no_location(format!("encoding problem: {name} with BOM")));
            }
            match lookup_encoding(name) {
                Some(enc) => Some((enc, name.as_str())),
                None => return Err(no_location(format!("encoding problem: {name}"))),
            }
        }
    };
    let text = match encoding {
        None => match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let at = e.valid_up_to();
                let line = line_number(body, at);
                return Err(no_location(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                )));
            }
        },
        Some((Encoding::Utf8, _)) => match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let at = e.valid_up_to();
                let reason = if e.error_len().is_none() {
                    "unexpected end of data"
                } else {
                    "invalid start byte"
                };
                let mut err = no_location(format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position 0: {reason}",
                    body[at]
                ));
                err.line_only = Some(line_number(body, at));
                return Err(err);
            }
        },
        Some((Encoding::Latin1, _)) => body.iter().map(|&b| b as char).collect(),
        Some((Encoding::SingleByte(table), name)) => {
            let mut out = String::with_capacity(body.len());
            for (i, &b) in body.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if let Some(c) = char::from_u32(table[(b - 0x80) as usize]) {
                    out.push(c);
                } else {
                    let mut err = no_location(format!(
                        "(unicode error) '{name}' codec can't decode byte 0x{b:02x} in position {i}: character maps to <undefined>"
                    ));
                    err.line_only = Some(line_number(body, i));
                    return Err(err);
                }
            }
            out
        }
        Some((Encoding::Ascii, name)) => {
            if !body.is_ascii() {
                return Err(no_location(format!("encoding problem: {name}")));
            }
            // ASCII is valid UTF-8.
            String::from_utf8_lossy(body).into_owned()
        }
    };
    Ok(normalize_newlines(text))
}

/// A SyntaxError CPython reports with no line.
fn no_location(msg: String) -> SyntaxError {
    let mut err = SyntaxError::syntax(msg, Span::default());
    err.line_only = Some(0);
    err
}

/// 1-based line of byte `at` (lines end at `\n`, `\r\n` or `\r`).
fn line_number(bytes: &[u8], at: usize) -> u32 {
    let head = &bytes[..at.min(bytes.len())];
    let mut line = 1;
    for (i, &b) in head.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// `\r\n` and lone `\r` become `\n`.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The coding declaration of the first two lines (`check_coding_spec`): line 2
/// is only looked at when line 1 holds nothing but blanks and a comment.
fn find_coding_spec(bytes: &[u8]) -> Option<String> {
    let mut rest = bytes;
    for _ in 0..2 {
        let len = rest.iter().position(|&b| b == b'\n' || b == b'\r').map_or(rest.len(), |i| i + 1);
        let line = &rest[..len];
        if let Some(spec) = get_coding_spec(line) {
            return Some(spec);
        }
        let code = line.iter().find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
        if !matches!(code, None | Some(b'#' | b'\n' | b'\r')) {
            return None;
        }
        rest = &rest[len..];
        if rest.first() == Some(&b'\n') && line.last() == Some(&b'\r') {
            rest = &rest[1..];
        }
    }
    None
}

/// `get_coding_spec`: `coding[:=]\s*([-\w.]+)` inside a comment that is the
/// only thing on the line; the name normalized by `get_normal_name`.
fn get_coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    let mut i = 0;
    while i + 6 < size {
        if line[i] == b'#' {
            break;
        }
        if !matches!(line[i], b' ' | b'\t' | b'\x0c') {
            return None;
        }
        i += 1;
    }
    while i + 6 < size {
        if &line[i..i + 6] == b"coding" && matches!(line[i + 6], b':' | b'=') {
            let mut t = i + 7;
            while t < size && matches!(line[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < size
                && (line[t].is_ascii_alphanumeric() || matches!(line[t], b'-' | b'_' | b'.'))
            {
                t += 1;
            }
            if begin < t {
                let name = String::from_utf8_lossy(&line[begin..t]).into_owned();
                return Some(get_normal_name(&name));
            }
        }
        i += 1;
    }
    None
}

/// `get_normal_name`: canonical spelling of the UTF-8 and Latin-1 names
/// (first 12 chars, lowercased, `_` as `-`); other names unchanged.
fn get_normal_name(name: &str) -> String {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".to_owned()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"].iter().any(|p| buf.starts_with(p))
    {
        "iso-8859-1".to_owned()
    } else {
        name.to_owned()
    }
}

/// Python's codec lookup for the codecs we support (`encodings.aliases`).
fn lookup_encoding(name: &str) -> Option<Encoding> {
    let mut norm = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            norm.push(c.to_ascii_lowercase());
        } else if !norm.ends_with('_') {
            norm.push('_');
        }
    }
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Encoding::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "iso8859" | "8859"
        | "cp819" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" => Encoding::Latin1,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Encoding::Ascii
        }
        other => {
            let codec = codecs_table::ALIASES.iter().find(|(alias, _)| *alias == other)?.1;
            let table = &codecs_table::CODECS.iter().find(|(n, _)| *n == codec)?.1;
            Encoding::SingleByte(table)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        decode_source_file(bytes, "f.py").unwrap_err().msg
    }

    #[test]
    fn utf8_bom_and_newlines() {
        assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\r\ny\rz\n").unwrap(), "x = 1\ny\nz\n");
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding: utf-8\n").unwrap(), "# coding: utf-8\n");
    }

    #[test]
    fn coding_declarations() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"#!python\n# vim: fileencoding=iso_8859_1\n\xe9")
                .unwrap()
                .chars()
                .last(),
            Some('\u{e9}')
        );
        assert_eq!(err(b"x=1\n# coding: latin1\n'\xe9'\n"), "Non-UTF-8 code starting with '\\xe9' in file f.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details");
        assert_eq!(err(b"# coding: xyz\n"), "encoding problem: xyz");
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: latin-1\n"),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert_eq!(err(b"\xef\xbb\xbf# coding: utf8\n"), "encoding problem: utf8 with BOM");
        assert_eq!(err(b"# coding: ascii\nx = '\xe9'\n"), "encoding problem: ascii");
        assert_eq!(decode_source(b"# coding=\nx=1\n").unwrap(), "# coding=\nx=1\n");
    }

    #[test]
    fn invalid_utf8_line() {
        assert!(err(b"x = 1\n\n\xc3\x28\n").contains("'\\xc3' in file f.py on line 3"));
        assert!(err(b"x = 1\ry = '\xff'\n").contains("on line 2"));
        assert!(err(b"\xed\xa0\x80").contains("'\\xed'"));
    }
}
