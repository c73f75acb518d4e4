//! Syntax errors: what the front end reports instead of an AST.
//!
//! A `SyntaxError` carries CPython 3.11's exception class (`SyntaxError`,
//! `IndentationError`, `TabError`), its exact message and where it points, as
//! byte offsets into the decoded source. `render` prints it the way CPython's
//! default exception hook does (`  File "x.py", line N` / source line / carets /
//! `SyntaxError: message`).

use super::source::LineIndex;
use super::tokens::Span;

/// The Python exception class of a syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with CPython's message and location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    /// The source range the error points at (byte offsets into the decoded
    /// source). `start` gives CPython's `lineno`/`offset`, `end` its
    /// `end_lineno`/`end_offset`. An empty span points at one character.
    pub span: Span,
    /// When set, CPython reports this 1-based line with no source range inside it
    /// (errors detected before decoding, such as a bad coding declaration).
    pub line_only: Option<u32>,
    /// For errors inside an f-string replacement field, CPython 3.11 shows the
    /// parenthesized expression text `(a b)` instead of the source line.
    pub source_override: Option<Box<SourceOverride>>,
}

/// The text and columns an error shows instead of its source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceOverride {
    pub text: String,
    /// 1-based line number reported.
    pub lineno: u32,
    /// Byte columns of the error range inside `text`.
    pub start_col: u32,
    pub end_col: u32,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span, line_only: None, source_override: None }
    }

    pub fn syntax(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::SyntaxError, msg, span)
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::IndentationError, msg, span)
    }

    /// The 1-based line number CPython reports.
    pub fn lineno(&self, index: &LineIndex) -> u32 {
        match self.line_only {
            Some(line) => line,
            None => index.line_col(self.span.start).0,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
