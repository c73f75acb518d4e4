//! Literal decoding (stub, to be replaced).
