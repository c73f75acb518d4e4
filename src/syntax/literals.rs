//! Literal decoding (temporary stub: the lexer branch provides the real one).
pub enum Number {
    Int(i64),
    BigInt(String),
    Float(f64),
    Imaginary(f64),
}
pub fn parse_number(text: &str) -> Number {
    text.parse().map(Number::Int).unwrap_or(Number::Float(0.0))
}
#[derive(Clone, Copy, Default)]
pub struct StrPrefix {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    pub unicode: bool,
}
pub fn split_string_token(text: &str) -> (StrPrefix, usize, &str) {
    (StrPrefix::default(), 1, &text[1..text.len() - 1])
}
pub struct LiteralError(pub String);
impl std::fmt::Display for LiteralError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
pub fn decode_escapes(body: &str, _is_bytes: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    out.extend_from_slice(body.as_bytes());
    Ok(())
}
