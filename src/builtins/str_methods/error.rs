//! The error type of the `str` methods: a Python exception class and
//! CPython's exact message.

use std::fmt;

/// The Python exception classes that `str`'s methods raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcType {
    /// `ValueError` (`empty separator`, `substring not found`, ...).
    ValueError,
    /// `TypeError` (`The fill character must be exactly one character long`).
    TypeError,
    /// `IndexError` (`string index out of range`).
    IndexError,
    /// `OverflowError` (`repeated string is too long`, C int conversions).
    OverflowError,
    /// `MemoryError` (no message), when a result cannot be allocated.
    MemoryError,
    /// `LookupError` (`unknown encoding: x`, `unknown error handler name 'x'`).
    LookupError,
    /// `UnicodeEncodeError`; [`StrError::encode`] carries its attributes.
    UnicodeEncodeError,
}

impl ExcType {
    /// The class name as Python prints it.
    pub fn name(self) -> &'static str {
        match self {
            ExcType::ValueError => "ValueError",
            ExcType::TypeError => "TypeError",
            ExcType::IndexError => "IndexError",
            ExcType::OverflowError => "OverflowError",
            ExcType::MemoryError => "MemoryError",
            ExcType::LookupError => "LookupError",
            ExcType::UnicodeEncodeError => "UnicodeEncodeError",
        }
    }
}

/// The attributes of a `UnicodeEncodeError` (`object` is the encoded string,
/// which the VM holds): `exc.encoding`, `exc.start`, `exc.end`, `exc.reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeErrorInfo {
    /// Canonical codec name as CPython reports it (`"ascii"`, `"latin-1"`).
    pub encoding: &'static str,
    /// Code-point index of the first unencodable character.
    pub start: usize,
    /// Code-point index just past the last unencodable character of the run.
    pub end: usize,
    /// `"ordinal not in range(128)"` or `"ordinal not in range(256)"`.
    pub reason: &'static str,
}

/// A Python exception raised by a `str` method: `str(exc)` is `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrError {
    /// The exception class.
    pub exc: ExcType,
    /// CPython's message (`str(exc)`), empty for `MemoryError`.
    pub message: String,
    /// For `UnicodeEncodeError` only: the exception's attributes.
    pub encode: Option<Box<EncodeErrorInfo>>,
}

impl StrError {
    /// An error of class `exc` with `message`.
    pub fn new(exc: ExcType, message: impl Into<String>) -> Self {
        StrError { exc, message: message.into(), encode: None }
    }

    /// `ValueError(message)`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ExcType::ValueError, message)
    }

    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ExcType::TypeError, message)
    }

    /// `OverflowError(message)`.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ExcType::OverflowError, message)
    }

    /// `MemoryError()`.
    pub fn memory() -> Self {
        Self::new(ExcType::MemoryError, "")
    }
}

impl fmt::Display for StrError {
    /// `Class: message` as a traceback's last line (`MemoryError` alone).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.exc.name())
        } else {
            write!(f, "{}: {}", self.exc.name(), self.message)
        }
    }
}

impl std::error::Error for StrError {}

/// Reserve `additional` bytes in `out`, as CPython's allocation failures:
/// `MemoryError` when the memory is not available.
pub(crate) fn reserve(out: &mut String, additional: usize) -> Result<(), StrError> {
    out.try_reserve(additional).map_err(|_| StrError::memory())
}
