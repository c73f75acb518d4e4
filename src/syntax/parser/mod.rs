//! The parser (stub, to be replaced).
