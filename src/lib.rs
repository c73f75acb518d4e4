//! Taipan: a Python 3.11 interpreter.
//!
//! The pipeline runs one way: [`syntax`] (source → tokens → AST) and, in later
//! stages, compiler → bytecode → VM. This crate is both the library (embedding
//! API) and the `taipan` binary.

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
