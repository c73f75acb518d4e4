//! The compiler: AST → code objects. So far it owns the symbol table
//! ([`symtable`]) and the compile-time checks that raise CPython's
//! `SyntaxError`s before any code runs ([`checks`]).

pub mod checks;
pub mod codegen;
pub mod peephole;
pub mod symtable;

pub use checks::check_module;

#[cfg(test)]
mod tests;
