//! Tests of the `str` methods (filled in below).
