//! `str.encode(encoding, errors)` for the codecs built into the VM: UTF-8,
//! ASCII and Latin-1 (with their aliases), with CPython's error handlers and
//! `UnicodeEncodeError` messages.

use super::error::{EncodeErrorInfo, ExcType, StrError};

/// The codecs implemented here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// Keys of `encodings.aliases` for the three codecs (normalized names).
const ALIASES: &[(&str, Codec)] = &[
    ("646", Codec::Ascii),
    ("ansi_x3.4_1968", Codec::Ascii),
    ("ansi_x3.4_1986", Codec::Ascii),
    ("ansi_x3_4_1968", Codec::Ascii),
    ("cp367", Codec::Ascii),
    ("csascii", Codec::Ascii),
    ("ibm367", Codec::Ascii),
    ("iso646_us", Codec::Ascii),
    ("iso_646.irv_1991", Codec::Ascii),
    ("iso_ir_6", Codec::Ascii),
    ("us", Codec::Ascii),
    ("us_ascii", Codec::Ascii),
    ("8859", Codec::Latin1),
    ("cp819", Codec::Latin1),
    ("csisolatin1", Codec::Latin1),
    ("ibm819", Codec::Latin1),
    ("iso8859", Codec::Latin1),
    ("iso8859_1", Codec::Latin1),
    ("iso_8859_1", Codec::Latin1),
    ("iso_8859_1_1987", Codec::Latin1),
    ("iso_ir_100", Codec::Latin1),
    ("l1", Codec::Latin1),
    ("latin", Codec::Latin1),
    ("latin1", Codec::Latin1),
    ("cp65001", Codec::Utf8),
    ("u8", Codec::Utf8),
    ("utf", Codec::Utf8),
    ("utf8", Codec::Utf8),
    ("utf8_ucs2", Codec::Utf8),
    ("utf8_ucs4", Codec::Utf8),
];

/// The codec modules `encodings.<name>` themselves.
const MODULES: &[(&str, Codec)] =
    &[("ascii", Codec::Ascii), ("latin_1", Codec::Latin1), ("utf_8", Codec::Utf8)];

/// How a codec was found: CPython's built-in fast path (exceptions raised as
/// they are) or the codec registry (some exceptions are wrapped).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Via {
    FastPath,
    Registry,
}

/// CPython's `_Py_normalize_encoding`: runs of bytes other than ASCII
/// alphanumerics and `.` become one `_` (none at the start, none at the end),
/// letters are lowercased.
fn normalize(encoding: &str) -> String {
    let mut norm = String::with_capacity(encoding.len());
    let mut punct = false;
    for b in encoding.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            punct = false;
            norm.push(char::from(b.to_ascii_lowercase()));
        } else {
            punct = true;
        }
    }
    norm
}

/// The codec named `encoding`: first the fast path of
/// `PyUnicode_AsEncodedString` (a few normalized names of at most 10 bytes),
/// else the codec registry: the normalized name looked up in
/// `encodings.aliases` (also with `.` as `_`), then as a module name
/// (`encodings.normalize_encoding` leaves a normalized name unchanged).
fn lookup(encoding: &str) -> Option<(Codec, Via)> {
    let norm = normalize(encoding);
    let fast = match norm.as_str() {
        "utf8" | "utf_8" => Some(Codec::Utf8),
        "ascii" | "us_ascii" => Some(Codec::Ascii),
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1" => Some(Codec::Latin1),
        _ => None,
    };
    if let Some(codec) = fast {
        return Some((codec, Via::FastPath));
    }
    let find = |table: &[(&str, Codec)], name: &str| {
        table.iter().find(|&&(n, _)| n == name).map(|&(_, c)| c)
    };
    find(ALIASES, &norm)
        .or_else(|| find(ALIASES, &norm.replace('.', "_")))
        .or_else(|| find(MODULES, &norm))
        .map(|codec| (codec, Via::Registry))
}

/// The error handlers that CPython registers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
}

/// `Err(None)` for an unknown handler name (an error only once an
/// unencodable character needs it, as in CPython).
fn handler(errors: &str) -> Option<Handler> {
    Some(match errors {
        // surrogateescape and surrogatepass only handle surrogates, which a
        // `&str` cannot hold: elsewhere they raise the original error.
        "strict" | "surrogateescape" | "surrogatepass" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        _ => return None,
    })
}

/// Append Python's `\x..`, `\u....` or `\U........` escape of `c`.
fn push_escape(out: &mut Vec<u8>, c: char) {
    let cp = c as u32;
    let s = if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// `s.encode(encoding, errors)`: UTF-8, ASCII or Latin-1 (any of their
/// `encodings.aliases` names). Errors: `LookupError: unknown encoding: X`
/// (also for codecs not implemented here), `LookupError: unknown error handler
/// name 'X'` (when a character needs it), and `UnicodeEncodeError` with
/// CPython's message, e.g. `'ascii' codec can't encode character '\xe9' in
/// position 0: ordinal not in range(128)`, covering the whole run of
/// unencodable characters.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, StrError> {
    let (codec, via) = lookup(encoding).ok_or_else(|| {
        StrError::new(ExcType::LookupError, format!("unknown encoding: {encoding}"))
    })?;
    let (limit, name, reason) = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => (0x80u32, "ascii", "ordinal not in range(128)"),
        Codec::Latin1 => (0x100u32, "latin-1", "ordinal not in range(256)"),
    };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        let h = handler(errors).ok_or_else(|| {
            let msg = format!("unknown error handler name '{errors}'");
            // The registry's codecs wrap such errors (CPython's wrap_codec_error).
            let msg = match via {
                Via::FastPath => msg,
                Via::Registry => {
                    format!("encoding with '{encoding}' codec failed (LookupError: {msg})")
                }
            };
            StrError::new(ExcType::LookupError, msg)
        })?;
        let run = &chars[start..end];
        match h {
            Handler::Strict => {
                let message = if end == start + 1 {
                    let mut esc = Vec::new();
                    push_escape(&mut esc, c);
                    format!(
                        "'{name}' codec can't encode character '{}' in position {start}: {reason}",
                        String::from_utf8_lossy(&esc)
                    )
                } else {
                    format!(
                        "'{name}' codec can't encode characters in position {start}-{}: {reason}",
                        end - 1
                    )
                };
                let mut err = StrError::new(ExcType::UnicodeEncodeError, message);
                err.encode = Some(Box::new(EncodeErrorInfo { encoding: name, start, end, reason }));
                return Err(err);
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(run.iter().map(|_| b'?')),
            Handler::BackslashReplace => run.iter().for_each(|&c| push_escape(&mut out, c)),
            Handler::XmlCharRefReplace => {
                for &c in run {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            Handler::NameReplace => {
                for &c in run {
                    match unicode_names2::name(c) {
                        Some(n) => out.extend_from_slice(format!("\\N{{{n}}}").as_bytes()),
                        None => push_escape(&mut out, c),
                    }
                }
            }
        }
        i = end;
    }
    Ok(out)
}
