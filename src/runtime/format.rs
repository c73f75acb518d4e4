//! Python's three string-formatting languages, independent of the VM's values:
//!
//! * [`spec`]: the format-spec mini-language of `format()` / `str.format` /
//!   f-strings, for `int`, `float` and `str` ([`format_int`],
//!   [`format_float`], [`format_str`], [`FormatSpec`]).
//! * [`percent`]: `printf`-style `str % args` ([`percent_format`]); the VM
//!   supplies argument behaviour through the [`PercentArgs`] trait.
//! * [`markup`]: `str.format` / `str.format_map` field parsing and
//!   evaluation ([`vformat`], [`MarkupIter`]); the VM supplies lookups,
//!   conversions and `format()` through the [`FormatFields`] trait.
//!
//! Shared by all: [`format_float_short`], CPython's `PyOS_double_to_string`.
//! Errors are [`ArithError`](crate::runtime::int::ArithError)s carrying
//! CPython's exception type and message; the traits' own error types must
//! convert from it.

mod float_fmt;
pub mod markup;
pub mod percent;
pub mod spec;

pub use float_fmt::{format_float_short, FloatFlags};
pub use markup::{
    vformat, AutoNumber, FieldName, FieldPart, FormatFields, ItemKey, MarkupIter, Piece,
};
pub use percent::{percent_format, NumKind, PercentArgs, PercentInput, PyNum};
pub use spec::{format_complex, format_float, format_int, format_str, Align, FormatSpec};

#[cfg(test)]
mod tests;
