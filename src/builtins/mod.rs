//! Builtin functions and the methods of the builtin types.
//!
//! [`str_methods`] holds the semantics of `str`'s methods as pure functions
//! over Rust strings (code-point indices, Python's whitespace and case rules).

pub mod str_methods;
