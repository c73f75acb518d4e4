//! Syntax errors: what the front end reports instead of an AST.
//!
//! A `SyntaxError` carries CPython 3.11's exception class (`SyntaxError`,
//! `IndentationError`, `TabError`), its exact message and where it points, as
//! byte offsets into the decoded source. `render` prints it the way CPython's
//! default exception hook does (`  File "x.py", line N` / source line / carets /
//! `SyntaxError: message`).

use super::source::LineIndex;
use super::tokens::Span;

/// The Python exception class of a syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting too deep for CPython's compiler or `ast` conversion: reported
    /// without a location (`RecursionError: maximum recursion depth ...`).
    RecursionError,
    /// Nesting too deep for CPython's parser (its MAXSTACK): a bare `MemoryError`.
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A syntax error with CPython's message and location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    /// The source range the error points at (byte offsets into the decoded
    /// source). `start` gives CPython's `lineno`/`offset`, `end` its
    /// `end_lineno`/`end_offset`. An empty span points at one character.
    pub span: Span,
    /// When set, CPython reports this 1-based line with no source range inside it
    /// (errors detected before decoding, such as a bad coding declaration).
    ///
    /// For [`render`](SyntaxError::render): `Some(n)` with `n >= 1` prints
    /// `File "...", line n` and the text of line `n` without a caret (CPython's
    /// `offset` 0, e.g. `expected an indented block` at end of file); `Some(0)`
    /// means no location at all (CPython's `lineno` is `None`: only
    /// `SyntaxError: msg` is printed, as for `Non-UTF-8 code ...` and
    /// `encoding problem: ...`). `span` is then ignored.
    pub line_only: Option<u32>,
    /// For errors inside an f-string replacement field, CPython 3.11 shows the
    /// parenthesized expression text `(a b)` instead of the source line.
    pub source_override: Option<Box<SourceOverride>>,
}

/// The text and columns an error shows instead of its source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceOverride {
    pub text: String,
    /// 1-based line number reported.
    pub lineno: u32,
    /// Byte columns of the error range inside `text`.
    pub start_col: u32,
    pub end_col: u32,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span, line_only: None, source_override: None }
    }

    pub fn syntax(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::SyntaxError, msg, span)
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::IndentationError, msg, span)
    }

    /// The 1-based line number CPython reports.
    pub fn lineno(&self, index: &LineIndex) -> u32 {
        match self.line_only {
            Some(line) => line,
            None => index.line_col(self.span.start).0,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

// ---------------------------------------------------------------------------
// Rendering: what CPython 3.11's default exception hook prints.
// ---------------------------------------------------------------------------

/// CPython's view of a syntax error's location: the `lineno`, `offset`,
/// `end_lineno`, `end_offset` and `text` attributes of the exception object.
/// Offsets are 1-based; 0 or negative means "none" (`-1` stands for `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyLocation {
    pub lineno: u32,
    pub offset: i64,
    pub end_lineno: u32,
    pub end_offset: i64,
    /// The source line as CPython reads it back (with its `\n`, if any).
    pub text: Option<String>,
}

/// The longest piece of a line CPython reads back for an error report: it
/// reads the file with a 1000-byte `fgets` buffer and keeps the last piece.
const LINE_CHUNK: usize = 999;

impl SyntaxError {
    /// A syntax error reported with no location (CPython's `lineno` is `None`).
    pub fn without_location(kind: ErrorKind, msg: impl Into<String>) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            span: Span::default(),
            line_only: Some(0),
            source_override: None,
        }
    }

    /// A syntax error reported on line `lineno` (1-based) without a caret.
    pub fn at_line(kind: ErrorKind, msg: impl Into<String>, lineno: u32) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            span: Span::default(),
            line_only: Some(lineno.max(1)),
            source_override: None,
        }
    }

    /// The exception's attributes as CPython 3.11 sets them when it runs a file
    /// (`python3 file.py`), `None` when it has no location.
    ///
    /// CPython's offsets are byte offsets into the line, except when the file has
    /// a coding declaration: then they are character offsets. (A UTF-8 BOM does
    /// the same in CPython; the decoded source no longer shows one, so a BOM file
    /// gets byte offsets here.)
    pub fn py_location(&self, src: &str, index: &LineIndex) -> Option<PyLocation> {
        let subclass = self.kind != ErrorKind::SyntaxError;
        if let Some(line) = self.line_only {
            if line == 0 {
                return None;
            }
            return Some(PyLocation {
                lineno: line,
                offset: 0,
                end_lineno: line,
                end_offset: if subclass { -1 } else { 0 },
                text: Some(file_line(src, index, line).to_owned()),
            });
        }
        if let Some(o) = &self.source_override {
            let offset = i64::from(o.start_col) + 1;
            let end_offset = i64::from(o.end_col.max(o.start_col)) + 1;
            let end_offset = if o.end_col <= o.start_col { offset } else { end_offset };
            return Some(PyLocation {
                lineno: o.lineno,
                offset,
                end_lineno: o.lineno,
                end_offset: if subclass { -1 } else { end_offset },
                text: Some(format!("{}\n", o.text)),
            });
        }
        let (lineno, col) = index.line_col(self.span.start);
        let (end_lineno, end_col) = index.line_col(self.span.end.max(self.span.start));
        let text = file_line(src, index, lineno);
        let mut offset = i64::from(col) + 1;
        let mut end_offset = if self.span.is_empty() { offset } else { i64::from(end_col) + 1 };
        if has_coding_declaration(src) {
            offset = byte_to_char_offset(text, offset);
            end_offset = byte_to_char_offset(text, end_offset);
        }
        let (end_lineno, end_offset) =
            if subclass { (lineno, -1) } else { (end_lineno.max(lineno), end_offset) };
        Some(PyLocation { lineno, offset, end_lineno, end_offset, text: Some(text.to_owned()) })
    }

    /// The report CPython 3.11 prints on stderr when running `filename` fails
    /// with this error (`  File "x.py", line 3` / source line / carets /
    /// `SyntaxError: message`), each line ending in `\n`.
    pub fn render(&self, filename: &str, src: &str, index: &LineIndex) -> String {
        format_syntax_error(self.kind, &self.msg, filename, self.py_location(src, index).as_ref())
    }
}

/// Line `lineno` of the source as CPython's `_PyErr_ProgramDecodedTextObject`
/// reads it back: with its newline, only the last 999-byte piece of a longer
/// line, and empty past the end of the file.
fn file_line<'s>(src: &'s str, index: &LineIndex, lineno: u32) -> &'s str {
    if lineno == 0 || lineno > index.line_count() {
        return "";
    }
    let start = index.line_start(lineno) as usize;
    let end =
        if lineno < index.line_count() { index.line_start(lineno + 1) as usize } else { src.len() };
    if start >= end {
        return "";
    }
    let line = &src[start..end];
    if line.len() <= LINE_CHUNK {
        return line;
    }
    // fgets pieces of at most 999 bytes; the last one is kept (a line of
    // exactly k*999 bytes + "\n" keeps the lone "\n").
    let mut piece_start = 0;
    while line.len() - piece_start > LINE_CHUNK {
        let piece_end = piece_start + LINE_CHUNK;
        if line.as_bytes()[piece_end - 1] == b'\n' {
            break;
        }
        piece_start = piece_end;
    }
    // A piece may split a character; CPython decodes it with "replace" and we
    // can only slice at boundaries: move to the next one.
    while !line.is_char_boundary(piece_start) {
        piece_start += 1;
    }
    &line[piece_start..]
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of
/// characters in the first `offset` bytes of `text` (up to its length + 1, the
/// C string's terminator counting as one).
fn byte_to_char_offset(text: &str, offset: i64) -> i64 {
    let text = text.split('\0').next().unwrap_or("");
    if offset <= 0 {
        return offset;
    }
    let len = text.len() as i64;
    if offset > len {
        return text.chars().count() as i64 + 1;
    }
    let bytes = &text.as_bytes()[..offset as usize];
    String::from_utf8_lossy(bytes).chars().count() as i64
}

/// Whether the source has a PEP 263 coding declaration on line 1 or 2 (line 2
/// counts only when line 1 is blank or a comment).
pub fn has_coding_declaration(src: &str) -> bool {
    let mut lines = src.split('\n');
    let first = lines.next().unwrap_or("");
    if is_coding_line(first) {
        return true;
    }
    let trimmed = first.trim_start_matches([' ', '\t', '\x0c']);
    if !(trimmed.is_empty() || trimmed.starts_with('#')) {
        return false;
    }
    lines.next().is_some_and(is_coding_line)
}

fn is_coding_line(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t', '\x0c']);
    let Some(comment) = line.strip_prefix('#') else {
        return false;
    };
    let mut rest = comment;
    while let Some(i) = rest.find("coding") {
        let after = &rest[i + "coding".len()..];
        if let Some(value) = after.strip_prefix([':', '=']) {
            let value = value.trim_start_matches([' ', '\t']);
            if value
                .starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            {
                return true;
            }
        }
        rest = after;
    }
    false
}

/// CPython 3.11's printing of a syntax error (`print_exception` with a
/// `SyntaxError` value): the `File` line, the source line and carets when
/// there is a location, then `Kind: message`.
pub fn format_syntax_error(
    kind: ErrorKind,
    msg: &str,
    filename: &str,
    loc: Option<&PyLocation>,
) -> String {
    let mut out = String::new();
    if let Some(loc) = loc {
        out.push_str("  File \"");
        out.push_str(filename);
        out.push_str("\", line ");
        out.push_str(&loc.lineno.to_string());
        out.push('\n');
        if let Some(text) = &loc.text {
            let line_size = text.len() as i64;
            let mut end_offset = loc.end_offset;
            if loc.end_lineno > loc.lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            print_error_text(&mut out, loc.offset, end_offset, text);
        }
    }
    out.push_str(kind.name());
    if !msg.is_empty() {
        out.push_str(": ");
        out.push_str(msg);
    }
    out.push('\n');
    out
}

/// CPython's `print_error_text`: the line (leading blanks stripped) and the
/// caret line. Columns are counted in bytes, as CPython does.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    // CPython handles the text as a C string: it ends at the first NUL.
    let text = text.split('\0').next().unwrap_or("");
    let mut offset = offset - 1;
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (text.len() - stripped.len()) as i64;
    let mut text = stripped;
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = text.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', carets as usize));
    out.push('\n');
}

#[cfg(test)]
mod render_tests {
    use super::*;

    fn render(src: &str, kind: ErrorKind, msg: &str, start: u32, end: u32) -> String {
        let index = LineIndex::new(src);
        SyntaxError::new(kind, msg, Span::new(start, end)).render("x.py", src, &index)
    }

    #[test]
    fn caret_under_token() {
        let src = "if x\n    pass\n";
        assert_eq!(
            render(src, ErrorKind::SyntaxError, "expected ':'", 4, 4),
            "  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"
        );
    }

    #[test]
    fn range_is_clipped_to_first_line() {
        let src = "f(a for a in b,\n  c)\n";
        let r = render(src, ErrorKind::SyntaxError, "m", 2, 19);
        assert_eq!(
            r,
            "  File \"x.py\", line 1\n    f(a for a in b,\n      ^^^^^^^^^^^^^\nSyntaxError: m\n"
        );
    }

    #[test]
    fn indentation_errors_have_one_caret_and_stripped_text() {
        let src = "x = 1\n    y = 2\n";
        // CPython's offset for an unexpected indent is the indentation's
        // width, which points left of the stripped text: no caret.
        let r = render(src, ErrorKind::IndentationError, "unexpected indent", 9, 10);
        assert_eq!(r, "  File \"x.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n");
    }

    #[test]
    fn non_ascii_columns_are_bytes_without_cookie() {
        let src = "é = 1 2 3\n";
        let r = render(src, ErrorKind::SyntaxError, "invalid syntax", 7, 8);
        assert_eq!(
            r,
            "  File \"x.py\", line 1\n    é = 1 2 3\n           ^\nSyntaxError: invalid syntax\n"
        );
        let src = "# coding: utf-8\nx = \"é\" +\n";
        let r = render(src, ErrorKind::SyntaxError, "invalid syntax", 16 + 10, 16 + 10);
        assert_eq!(r, "  File \"x.py\", line 2\n    x = \"é\" +\n             ^\nSyntaxError: invalid syntax\n");
    }

    #[test]
    fn no_location_and_line_only() {
        let src = "@dec\n\n\n";
        let index = LineIndex::new(src);
        let e = SyntaxError::at_line(ErrorKind::SyntaxError, "invalid syntax", 3);
        assert_eq!(
            e.render("x.py", src, &index),
            "  File \"x.py\", line 3\n    \nSyntaxError: invalid syntax\n"
        );
        let e = SyntaxError::without_location(ErrorKind::SyntaxError, "encoding problem: foo");
        assert_eq!(e.render("x.py", src, &index), "SyntaxError: encoding problem: foo\n");
    }

    #[test]
    fn coding_declarations() {
        assert!(has_coding_declaration("# -*- coding: latin-1 -*-\n"));
        assert!(has_coding_declaration("#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\n"));
        assert!(!has_coding_declaration("x = 1\n# coding: utf-8\n"));
        assert!(!has_coding_declaration("x = '# coding: utf-8'\n"));
    }
}
