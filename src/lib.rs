//! Taipan: a Python 3.11 interpreter.
//!
//! The pipeline runs one way: [`syntax`] (source → tokens → AST) and, in later
//! stages, compiler → bytecode → VM. This crate is both the library (embedding
//! API) and the `taipan` binary.

/// mimalloc, counting bytes in use for the garbage collector's trigger;
/// installed here so that every binary, test and bench of the crate has it.
#[global_allocator]
static GLOBAL: runtime::alloc::CountingAlloc = runtime::alloc::CountingAlloc;

pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod modules;
pub mod profile;
pub mod repr;
pub mod runtime;
pub mod syntax;
pub mod vm;
