//! The compiler: AST → code objects. It owns the symbol table
//! ([`symtable`]), the compile-time checks that raise CPython's
//! `SyntaxError`s before any code runs ([`checks`]), the code generator
//! ([`codegen`]) and the peephole optimizer run on its output ([`peephole`]).

pub mod checks;
pub mod codegen;
pub mod peephole;
pub mod symtable;

pub use checks::check_module;

#[cfg(test)]
mod codegen_tests;
#[cfg(test)]
mod tests;
