//! `ast.dump` (stub, to be replaced).
