//! The parser (in progress): tokens → AST.
use bumpalo::Bump;

use super::ast::Mod;
use super::error::SyntaxError;
use super::intern::Interner;

/// What the source is parsed as (the `mode` of CPython's `compile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// A module: `Module(body, type_ignores)`.
    #[default]
    Exec,
    /// One expression: `Expression(body)`.
    Eval,
    /// One interactive statement: `Interactive(body)`.
    Single,
    /// A function type comment `(int, str) -> bool`: `FunctionType(argtypes, returns)`.
    FuncType,
}

/// Options of a parse.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseOptions {
    pub mode: Mode,
    /// Keep `# type:` comments in the AST (`ast.parse(..., type_comments=True)`,
    /// which `python -m ast` uses).
    pub type_comments: bool,
}

/// Parse decoded source text into an AST allocated in `arena`.
pub fn parse<'a>(
    _arena: &'a Bump,
    _src: &'a str,
    _opts: ParseOptions,
    _interner: &mut Interner<'a>,
) -> Result<Mod<'a>, SyntaxError> {
    Err(SyntaxError::syntax("parser not written yet", super::tokens::Span::default()))
}
