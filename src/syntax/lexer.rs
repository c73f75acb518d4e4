//! The tokenizer (stub, to be replaced).
use super::error::SyntaxError;
use super::tokens::{Span, Token};

/// Options of a tokenization.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexOptions {
    /// Produce `TypeComment` tokens for `# type: ...` comments (as `ast.parse(type_comments=True)`).
    pub type_comments: bool,
}

/// The result of tokenizing a whole source text.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Every token up to the end (ending in `EndMarker`), or up to the error.
    pub tokens: Vec<Token>,
    /// The tokenizer error that stopped tokenization, if any. `tokens` then holds
    /// the tokens before it (and no `EndMarker`).
    pub error: Option<SyntaxError>,
    /// `# type: ignore[tag]` comments: their line and the span of the tag text.
    pub type_ignores: Vec<(u32, Span)>,
}

pub fn tokenize(_src: &str, _opts: LexOptions) -> Tokens {
    Tokens::default()
}
