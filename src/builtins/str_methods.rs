//! The semantics of Python 3.11's `str` methods as pure functions over Rust
//! strings, independent of the VM: CPython's exact results and error messages.
//!
//! Conventions shared by every function:
//! - Strings are `&str` (UTF-8). Every index that Python sees (arguments such
//!   as `start`/`end`, results of `find`) counts **code points**, never bytes.
//!   Functions whose cost matters per call (indexing, slicing) take the
//!   string's cached code-point length `char_len` from the VM so that ASCII
//!   strings (`char_len == s.len()`) index in O(1).
//! - Optional Python arguments are `Option<_>` (`None` is Python's `None` or
//!   an omitted argument). Integer arguments are `i64`: the VM converts Python
//!   ints as CPython does (`Py_ssize_t` arguments saturate for slice indices and
//!   raise `OverflowError` otherwise) before calling.
//! - Failures are a [`StrError`]: the Python exception class and CPython's
//!   exact message. Argument type errors (`must be str, not int`) are the
//!   VM's glue, not handled here.
//! - Results borrowing from the input (`split`, `strip`, `partition`) return
//!   `&str` slices; the VM copies them into new objects (or reuses the input
//!   when the slice is the whole string, as CPython does).
//!
//! Unicode data (Unicode 14.0, as CPython 3.11) comes from [`tables`],
//! generated from CPython itself by `tools/gen_unicode_str_tables.py`.

mod case;
mod encode;
mod error;
mod fastsearch;
mod index;
mod layout;
mod search;
mod split;
pub mod tables;
pub mod unicode;

pub use case::{
    capitalize, casefold, isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower,
    isnumeric, isprintable, isspace, istitle, isupper, lower, swapcase, title, upper,
};
pub use encode::encode;
pub use error::{EncodeErrorInfo, ExcType, StrError};
pub use index::{
    adjust_indices, adjust_slice, char_at, char_count, chr, ord, slice, slice_step, SliceIndices,
};
pub use layout::{center, expandtabs, ljust, removeprefix, removesuffix, repeat, rjust, zfill};
pub use search::{
    contains, count, endswith, find, index, replace, replace_into, replace_size, rfind, rindex,
    startswith,
};
pub use split::{join, lstrip, partition, rpartition, rsplit, rstrip, split, splitlines, strip};

#[cfg(test)]
mod tests;
