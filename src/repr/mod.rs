//! Python's `repr()` algorithms for the built-in scalar types, byte for byte as
//! CPython 3.11 prints them: `float`, `complex`, `str` (from WTF-8) and `bytes`.
//!
//! Every algorithm comes in two forms: `write_*` appends to a caller's `String`
//! (no allocation beyond growing it) and `*_repr` returns a new `String`.
//! Used by [`ast.dump`](crate::syntax::dump) and, later, by the runtime.

mod float;
pub mod printable_table;
mod string;

pub use float::{complex_repr, float_repr, write_complex_repr, write_float_repr};
pub use string::{bytes_repr, is_printable, str_repr, write_bytes_repr, write_str_repr};

#[cfg(test)]
mod tests;
