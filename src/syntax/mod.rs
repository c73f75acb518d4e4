//! The front end: source bytes → tokens → AST (in a bumpalo arena), or a
//! `SyntaxError` with CPython 3.11's message and location.
//!
//! Stages, one module each: [`encoding`] (bytes → text), [`lexer`] (text →
//! [`tokens`]), [`parser`] (tokens → [`ast`]), with [`literals`] decoding numbers
//! and strings, [`intern`] for identifiers, [`source`] for line/column lookup
//! and [`dump`] printing an AST as CPython's `ast.dump` does.

pub mod ast;
mod codecs_table;
pub mod dump;
pub mod encoding;
pub mod error;
pub mod intern;
pub mod lexer;
pub mod literals;
pub mod parser;
pub mod source;
pub mod tokens;

pub use error::{ErrorKind, SyntaxError};
