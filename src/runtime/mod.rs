//! The object model and the semantics of the builtin types: values, the
//! garbage-collected heap, and each type's operations (CPython's `Objects/`).
//!
//! Pure numeric and formatting semantics live in their own modules so that
//! they can be tested without a VM: [`int`] (arbitrary-precision integers with
//! Python's rules), [`float`] (float arithmetic and conversions), [`format`]
//! (the format-spec mini-language, `%`-formatting, `str.format`).

pub mod alloc;
pub mod compare;
pub mod complex;
pub mod dict;
pub mod exception;
pub mod float;
pub mod format;
pub mod function;
pub mod gc;
pub mod heap;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod object;
pub mod set;
pub mod settable;
pub mod str;
pub mod tuple;
pub mod value;
