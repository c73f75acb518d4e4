//! The tokenizer: decoded source text → the token stream CPython 3.11's C
//! tokenizer (`Parser/tokenizer.c`) hands to its parser, with the same errors.
//!
//! It works on bytes, never allocates per token and never recurses. Like
//! CPython it behaves as if the text ended in `\n` (a missing final newline is
//! supplied virtually), and a NUL byte stops it when it reaches the line that
//! holds it.
//!
//! Spans of the structural tokens:
//! - `Newline`: the `\n` byte (empty, at the end of the text, for the virtual one);
//! - `Indent`: the leading whitespace of the line that indents;
//! - `Dedent`: empty, at the start of the first token of the line;
//! - `EndMarker`: empty, at the end of the text;
//! - `TypeComment`: the comment text after `type:` and the blanks after it.
//!
//! Error spans: `span.start` is where CPython's `(lineno, offset)` points and
//! `span.end` its `(end_lineno, end_offset)` (`end_offset - 1` being the
//! 0-based column of `span.end`). When CPython's `end_offset` is 0 or -1
//! (indentation errors, line continuation errors, unexpected EOF, unclosed
//! brackets) the span is empty.

mod unicode;

use super::error::{ErrorKind, SyntaxError};
use super::tokens::{Span, Token, TokenKind};

/// Columns per tab stop (`TABSIZE` in tokenizer.c).
const TABSIZE: usize = 8;
/// Maximum indentation depth (`MAXINDENT`).
const MAXINDENT: usize = 100;
/// Maximum bracket nesting (`MAXLEVEL`).
const MAXLEVEL: usize = 200;

/// Options of a tokenization.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexOptions {
    /// Produce `TypeComment` tokens for `# type: ...` comments (as `ast.parse(type_comments=True)`).
    pub type_comments: bool,
}

/// The result of tokenizing a whole source text.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Every token up to the end (ending in `EndMarker`), or up to the error.
    pub tokens: Vec<Token>,
    /// The tokenizer error that stopped tokenization, if any. `tokens` then holds
    /// the tokens before it (and no `EndMarker`).
    pub error: Option<SyntaxError>,
    /// `# type: ignore[tag]` comments: their line and the span of the tag text.
    pub type_ignores: Vec<(u32, Span)>,
}

/// Tokenize `src` (decoded UTF-8, newlines normalized to `\n`).
pub fn tokenize(src: &str, opts: LexOptions) -> Tokens {
    let mut lexer = Lexer::new(src, opts);
    let error = lexer.run().err();
    Tokens {
        tokens: lexer.tokens,
        error,
        type_ignores: lexer.type_ignores,
    }
}

/// Byte classes for the identifier fast path.
const IDENT_START: u8 = 1;
const IDENT_CHAR: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphabetic() || b == b'_' || b >= 128 {
            t[i] = IDENT_START | IDENT_CHAR;
        } else if b.is_ascii_digit() {
            t[i] = IDENT_CHAR;
        }
        i += 1;
    }
    t
};

/// CPython's `is_potential_identifier_start`: ASCII letters, `_`, any non-ASCII byte.
#[inline]
fn is_potential_identifier_start(b: u8) -> bool {
    CLASS[b as usize] & IDENT_START != 0
}

/// CPython's `is_potential_identifier_char`.
#[inline]
fn is_potential_identifier_char(b: u8) -> bool {
    CLASS[b as usize] & IDENT_CHAR != 0
}

/// An open bracket: its character and byte offset.
#[derive(Clone, Copy)]
struct Paren {
    ch: u8,
    pos: u32,
}

/// Where the integer part of a number continues (the `goto` targets of tokenizer.c).
#[derive(Clone, Copy, PartialEq)]
enum FloatPart {
    Fraction,
    Exponent,
    Imaginary,
    End,
}

struct Lexer<'s> {
    src: &'s str,
    bytes: &'s [u8],
    /// End of the text the tokenizer may read: the start of the line holding
    /// the first NUL byte, or the text's length.
    end: usize,
    /// The text does not end in `\n`: one is read at `end`.
    virtual_nl: bool,
    /// Start of the line holding the first NUL byte, if any.
    nul_line: Option<usize>,
    pos: usize,
    atbol: bool,
    /// Start of the current logical line's first physical line (for `Indent` spans).
    line_begin: usize,
    indent: usize,
    indstack: [usize; MAXINDENT],
    altindstack: [usize; MAXINDENT],
    pendin: i32,
    parens: Vec<Paren>,
    opts: LexOptions,
    tokens: Vec<Token>,
    type_ignores: Vec<(u32, Span)>,
    /// Cache for `line_of`: a byte offset and its 1-based line.
    line_cache: (usize, u32),
}

impl<'s> Lexer<'s> {
    fn new(src: &'s str, opts: LexOptions) -> Lexer<'s> {
        let bytes = src.as_bytes();
        let nul_line = bytes.iter().position(|&b| b == 0).map(|i| {
            bytes[..i]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |j| j + 1)
        });
        let end = nul_line.unwrap_or(bytes.len());
        let virtual_nl = nul_line.is_none() && bytes.last() != Some(&b'\n');
        Lexer {
            src,
            bytes,
            end,
            virtual_nl,
            nul_line,
            pos: 0,
            atbol: true,
            line_begin: 0,
            indent: 0,
            indstack: [0; MAXINDENT],
            altindstack: [0; MAXINDENT],
            pendin: 0,
            parens: Vec::new(),
            opts,
            tokens: Vec::with_capacity(src.len() / 4 + 16),
            type_ignores: Vec::new(),
            line_cache: (0, 1),
        }
    }

    /// The byte at `i`: the virtual final `\n`, then 0 for end of input.
    #[inline(always)]
    fn at(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes[i]
        } else if i == self.end && self.virtual_nl {
            b'\n'
        } else {
            0
        }
    }

    #[inline(always)]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let len = self.bytes.len();
        let span = Span::new(start.min(len) as u32, end.min(len) as u32);
        self.tokens.push(Token { kind, span });
    }

    /// 1-based line of byte offset `pos` (amortized linear over increasing queries).
    fn line_of(&mut self, pos: usize) -> u32 {
        let pos = pos.min(self.bytes.len());
        let (mut from, mut line) = self.line_cache;
        if pos < from {
            from = 0;
            line = 1;
        }
        line += self.bytes[from..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        self.line_cache = (pos, line);
        line
    }

    /// Start of the char that ends just before byte offset `cur` (what
    /// CPython's error `offset`, counted up to its `tok->cur`, points at).
    fn char_before(&self, cur: usize) -> usize {
        let mut i = cur.saturating_sub(1).min(self.bytes.len());
        while i > 0 && !self.src.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// Start of the line holding byte offset `pos`.
    fn line_start_of(&self, pos: usize) -> usize {
        let pos = pos.min(self.bytes.len());
        self.bytes[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |j| j + 1)
    }

    /// Offset of the `\n` ending the line holding `pos` (the text's end if none).
    fn line_end_of(&self, pos: usize) -> usize {
        let pos = pos.min(self.bytes.len());
        self.bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.bytes.len(), |j| pos + j)
    }

    fn error_at(&self, pos: usize, msg: impl Into<String>) -> SyntaxError {
        let p = pos.min(self.bytes.len()) as u32;
        SyntaxError::syntax(msg, Span::new(p, p))
    }

    /// A `_PyTokenizer_syntaxerror` raised with `tok->cur` at `cur`.
    fn error_cur(&self, cur: usize, msg: impl Into<String>) -> SyntaxError {
        self.error_at(self.char_before(cur), msg)
    }

    /// The error of reaching the line that holds a NUL byte.
    fn nul_error(&mut self, line_start: usize) -> SyntaxError {
        let line = self.line_of(line_start);
        let p = line_start as u32;
        let mut err = SyntaxError::syntax("source code cannot contain null bytes", Span::new(p, p));
        err.line_only = Some(line);
        err
    }

    /// Reached the end of the readable input in a construct that needs more.
    fn eof_error(&mut self) -> Option<SyntaxError> {
        self.nul_line.map(|l| self.nul_error(l))
    }

    /// `'(' was never closed`, pointing at the innermost open bracket.
    fn unclosed_error(&self) -> Option<SyntaxError> {
        self.parens.last().map(|p| {
            self.error_at(
                p.pos as usize,
                format!("'{}' was never closed", p.ch as char),
            )
        })
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        while !self.next_token()? {}
        Ok(())
    }

    /// Produce the next token(s); true once `EndMarker` is produced.
    fn next_token(&mut self) -> Result<bool, SyntaxError> {
        'nextline: loop {
            let mut blankline = false;
            if self.atbol {
                blankline = self.indentation()?;
            }
            self.emit_pending();
            // `again`: after a line continuation.
            loop {
                while matches!(self.at(self.pos), b' ' | b'\t' | b'\x0c') {
                    self.pos += 1;
                }
                let start = self.pos;
                let mut c = self.at(start);
                if c == b'#' {
                    let comment_end =
                        match self.bytes[start..self.end].iter().position(|&b| b == b'\n') {
                            Some(n) => start + n,
                            None => self.end,
                        };
                    self.pos = comment_end;
                    if self.opts.type_comments && self.type_comment(start, comment_end, blankline) {
                        return Ok(false);
                    }
                    c = self.at(comment_end);
                }
                if c == 0 {
                    return self.end_of_input().map(|()| true);
                }
                if is_potential_identifier_start(c) {
                    self.name_or_string(start)?;
                    return Ok(false);
                }
                match c {
                    b'\n' => {
                        self.pos = start + 1;
                        self.atbol = true;
                        if blankline || !self.parens.is_empty() {
                            continue 'nextline;
                        }
                        self.push(TokenKind::Newline, start, start + 1);
                        return Ok(false);
                    }
                    b'.' => {
                        let c2 = self.at(start + 1);
                        if c2.is_ascii_digit() {
                            self.float_rest(start, start + 2, c2, FloatPart::Fraction)?;
                        } else if c2 == b'.' && self.at(start + 2) == b'.' {
                            self.pos = start + 3;
                            self.push(TokenKind::Ellipsis, start, start + 3);
                        } else {
                            self.pos = start + 1;
                            self.push(TokenKind::Dot, start, start + 1);
                        }
                        return Ok(false);
                    }
                    b'0'..=b'9' => {
                        self.number(start)?;
                        return Ok(false);
                    }
                    b'\'' | b'"' => {
                        self.string(start, start)?;
                        return Ok(false);
                    }
                    b'\\' => {
                        self.continuation(start)?;
                        continue;
                    }
                    _ => {
                        self.operator(start)?;
                        return Ok(false);
                    }
                }
            }
        }
    }

    /// Reading a new line: measure its indentation and queue INDENT/DEDENT.
    /// Returns whether the line is blank (only whitespace and/or a comment).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        self.atbol = false;
        self.line_begin = self.pos;
        let (mut col, mut altcol) = (0usize, 0usize);
        let mut cont_line_col = 0usize;
        let c = loop {
            match self.at(self.pos) {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    // The first backslash preceded by whitespace sets the indentation.
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.continuation(self.pos)?;
                    continue;
                }
                other => break other,
            }
            self.pos += 1;
        };
        if c == 0 {
            if let Some(err) = self.eof_error() {
                return Err(err);
            }
        }
        let blankline = c == b'#' || c == b'\n';
        if blankline || !self.parens.is_empty() {
            return Ok(blankline);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let top = self.indent;
        if col == self.indstack[top] {
            if altcol != self.altindstack[top] {
                return Err(self.indent_error(ErrorKind::TabError));
            }
        } else if col > self.indstack[top] {
            if top + 1 >= MAXINDENT {
                return Err(self.indent_error(ErrorKind::IndentationError));
            }
            if altcol <= self.altindstack[top] {
                return Err(self.indent_error(ErrorKind::TabError));
            }
            self.pendin += 1;
            self.indent += 1;
            self.indstack[self.indent] = col;
            self.altindstack[self.indent] = altcol;
        } else {
            while self.indent > 0 && col < self.indstack[self.indent] {
                self.pendin -= 1;
                self.indent -= 1;
            }
            if col != self.indstack[self.indent] {
                let p = self.line_end_of(self.pos) as u32;
                return Err(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    Span::new(p, p),
                ));
            }
            if altcol != self.altindstack[self.indent] {
                return Err(self.indent_error(ErrorKind::TabError));
            }
        }
        Ok(false)
    }

    /// TabError (inconsistent tabs) or IndentationError (too deep), reported
    /// at column 1 of the current line.
    fn indent_error(&self, kind: ErrorKind) -> SyntaxError {
        let msg = match kind {
            ErrorKind::TabError => "inconsistent use of tabs and spaces in indentation",
            _ => "too many levels of indentation",
        };
        let p = self.line_start_of(self.pos) as u32;
        SyntaxError::new(kind, msg, Span::new(p, p))
    }

    fn emit_pending(&mut self) {
        while self.pendin != 0 {
            if self.pendin < 0 {
                self.pendin += 1;
                self.push(TokenKind::Dedent, self.pos, self.pos);
            } else {
                self.pendin -= 1;
                self.push(TokenKind::Indent, self.line_begin, self.pos);
            }
        }
    }

    /// A backslash at `bs`: it must end the line, and input must follow.
    fn continuation(&mut self, bs: usize) -> Result<(), SyntaxError> {
        let c = self.at(bs + 1);
        if c != b'\n' {
            if c == 0 {
                if let Some(err) = self.eof_error() {
                    return Err(err);
                }
            }
            return Err(self.error_at(
                bs + 1,
                "unexpected character after line continuation character",
            ));
        }
        if self.at(bs + 2) == 0 {
            if let Some(err) = self.eof_error().or_else(|| self.unclosed_error()) {
                return Err(err);
            }
            return Err(self.error_at(bs + 1, "unexpected EOF while parsing"));
        }
        self.pos = bs + 2;
        Ok(())
    }

    /// End of input at the start of a token.
    fn end_of_input(&mut self) -> Result<(), SyntaxError> {
        if let Some(err) = self.eof_error().or_else(|| self.unclosed_error()) {
            return Err(err);
        }
        let len = self.bytes.len();
        self.push(TokenKind::EndMarker, len, len);
        Ok(())
    }

    /// A comment `[start, end)` when type comments are wanted: produce a
    /// `TypeComment` token or record a type ignore. Returns false for plain comments.
    fn type_comment(&mut self, start: usize, end: usize, blankline: bool) -> bool {
        let text = &self.bytes[start..end];
        let skip_blanks = |mut i: usize| {
            while i < text.len() && matches!(text[i], b' ' | b'\t') {
                i += 1;
            }
            i
        };
        let i = skip_blanks(1);
        if !text[i..].starts_with(b"type:") {
            return false;
        }
        let type_start = skip_blanks(i + 5);
        let rest = &text[type_start..];
        let is_ignore = rest.starts_with(b"ignore")
            && !rest
                .get(6)
                .is_some_and(|&b| b >= 128 || b.is_ascii_alphanumeric());
        if is_ignore {
            let line = self.line_of(start);
            let tag = Span::new((start + type_start + 6) as u32, end as u32);
            self.type_ignores.push((line, tag));
            if blankline {
                // The type ignore is alone on its line: its newline goes too.
                self.pos = end + 1;
                self.atbol = true;
            }
        } else {
            self.push(TokenKind::TypeComment, start + type_start, end);
        }
        true
    }

    /// A name, keyword, or a string with a prefix, starting at `start`.
    fn name_or_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut p = start;
        loop {
            match self.at(p) {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            p += 1;
            if matches!(self.at(p), b'\'' | b'"') {
                return self.string(start, p);
            }
        }
        let rest = &self.bytes[p..self.end];
        let n = rest
            .iter()
            .position(|&b| !is_potential_identifier_char(b))
            .unwrap_or(rest.len());
        let nonascii =
            rest[..n].iter().any(|&b| b >= 128) || self.bytes[start..p].iter().any(|&b| b >= 128);
        let end = p + n;
        self.pos = end;
        if nonascii {
            self.verify_identifier(start, end)?;
            self.push(TokenKind::Name, start, end);
            return Ok(());
        }
        let kind = match end - start {
            2..=8 => {
                // ASCII only, so this slice is on char boundaries.
                let text = self.src.get(start..end).unwrap_or("");
                TokenKind::keyword(text).unwrap_or(TokenKind::Name)
            }
            _ => TokenKind::Name,
        };
        self.push(kind, start, end);
        Ok(())
    }

    /// PEP 3131 check of a name with non-ASCII characters.
    fn verify_identifier(&self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let Some(ident) = self.src.get(start..end) else {
            return Err(self.error_at(start, "invalid syntax"));
        };
        match unicode::first_invalid_ident_char(ident) {
            None => Ok(()),
            Some((i, ch)) => {
                let msg = if unicode::is_printable(ch) {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                Err(self.error_at(start + i, msg))
            }
        }
    }

    /// A string literal whose (possibly prefixed) token starts at `start` and
    /// whose opening quote is at `qpos`.
    fn string(&mut self, start: usize, qpos: usize) -> Result<(), SyntaxError> {
        let quote = self.at(qpos);
        let mut p = qpos + 1;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if self.at(p) == quote {
            if self.at(p + 1) == quote {
                quote_size = 3;
                p += 2;
            } else {
                end_quote_size = 1;
                p += 1;
            }
        }
        while end_quote_size != quote_size {
            let c = self.at(p);
            if c == 0 || (quote_size == 1 && c == b'\n') {
                return Err(self.unterminated_string(start, p, quote_size));
            }
            p += 1;
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' && self.at(p) != 0 {
                    p += 1;
                }
            }
        }
        self.pos = p;
        self.push(TokenKind::String, start, p);
        Ok(())
    }

    fn unterminated_string(&mut self, start: usize, p: usize, quote_size: usize) -> SyntaxError {
        if self.at(p) == 0 {
            if let Some(err) = self.eof_error() {
                return err;
            }
        }
        let last = if self.at(p) == 0 {
            p.saturating_sub(1)
        } else {
            p
        };
        let detected = self.line_of(last.min(self.bytes.len().saturating_sub(1)));
        let msg = if quote_size == 3 {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        self.error_at(start, msg)
    }

    /// A number starting with a digit at `start`.
    fn number(&mut self, start: usize) -> Result<(), SyntaxError> {
        let mut p = start + 1;
        if self.at(start) != b'0' {
            let c = self.decimal_tail(&mut p)?;
            return match c {
                b'.' => {
                    let c = self.at(p);
                    self.float_rest(start, p + 1, c, FloatPart::Fraction)
                }
                _ => self.float_rest(start, p, c, FloatPart::Exponent),
            };
        }
        let mut c = self.at(p);
        p += 1;
        match c {
            b'x' | b'X' => {
                c = self.radix_digits(&mut p, |b| b.is_ascii_hexdigit(), None, "hexadecimal")?;
                self.verify_end_of_number(&mut p, c, "hexadecimal")?;
            }
            b'o' | b'O' => {
                c = self.radix_digits(
                    &mut p,
                    |b| (b'0'..=b'7').contains(&b),
                    Some("octal"),
                    "octal",
                )?;
                self.verify_end_of_number(&mut p, c, "octal")?;
            }
            b'b' | b'B' => {
                c = self.radix_digits(
                    &mut p,
                    |b| b == b'0' || b == b'1',
                    Some("binary"),
                    "binary",
                )?;
                self.verify_end_of_number(&mut p, c, "binary")?;
            }
            _ => {
                // Maybe old-style octal; in any case allow '0' as a literal.
                loop {
                    if c == b'_' {
                        c = self.at(p);
                        p += 1;
                        if !c.is_ascii_digit() {
                            return Err(self.error_cur(p - 1, "invalid decimal literal"));
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    c = self.at(p);
                    p += 1;
                }
                let zeros_end = p;
                let mut nonzero = false;
                if c.is_ascii_digit() {
                    nonzero = true;
                    c = self.decimal_tail(&mut p)?;
                }
                match c {
                    b'.' => {
                        let c = self.at(p);
                        return self.float_rest(start, p + 1, c, FloatPart::Fraction);
                    }
                    b'e' | b'E' => return self.float_rest(start, p, c, FloatPart::Exponent),
                    b'j' | b'J' => return self.float_rest(start, p, c, FloatPart::Imaginary),
                    _ if nonzero => {
                        let span = Span::new(start as u32, (zeros_end - 1) as u32);
                        return Err(SyntaxError::syntax(
                            "leading zeros in decimal integer literals are not permitted; \
                             use an 0o prefix for octal integers",
                            span,
                        ));
                    }
                    _ => self.verify_end_of_number(&mut p, c, "decimal")?,
                }
            }
        }
        self.pos = p - 1;
        self.push(TokenKind::Number, start, p - 1);
        Ok(())
    }

    /// The digits after `0x`, `0o` or `0b` (with single underscores between
    /// them); returns the char after them (consumed). `digit_kind` names the
    /// base for the "invalid digit" error of octal and binary.
    fn radix_digits(
        &self,
        p: &mut usize,
        is_digit: impl Fn(u8) -> bool,
        digit_kind: Option<&str>,
        kind: &str,
    ) -> Result<u8, SyntaxError> {
        let mut c = self.at(*p);
        *p += 1;
        loop {
            if c == b'_' {
                c = self.at(*p);
                *p += 1;
            }
            if !is_digit(c) {
                return Err(match digit_kind {
                    Some(dk) if c.is_ascii_digit() => {
                        self.error_cur(*p, format!("invalid digit '{}' in {dk} literal", c as char))
                    }
                    _ => self.error_cur(*p - 1, format!("invalid {kind} literal")),
                });
            }
            loop {
                c = self.at(*p);
                *p += 1;
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' {
                break;
            }
        }
        if let Some(dk) = digit_kind {
            if c.is_ascii_digit() {
                return Err(
                    self.error_cur(*p, format!("invalid digit '{}' in {dk} literal", c as char))
                );
            }
        }
        Ok(c)
    }

    /// `tok_decimal_tail`: digits with single underscores; returns the char
    /// after them (consumed).
    fn decimal_tail(&self, p: &mut usize) -> Result<u8, SyntaxError> {
        loop {
            let mut c;
            loop {
                c = self.at(*p);
                *p += 1;
                if !c.is_ascii_digit() {
                    break;
                }
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.at(*p);
            *p += 1;
            if !c.is_ascii_digit() {
                return Err(self.error_cur(*p - 1, "invalid decimal literal"));
            }
        }
    }

    /// The rest of a decimal number from `part` on; `c` is the char at `p - 1`.
    fn float_rest(
        &mut self,
        start: usize,
        mut p: usize,
        mut c: u8,
        part: FloatPart,
    ) -> Result<(), SyntaxError> {
        let mut part = part;
        if part == FloatPart::Fraction {
            if c.is_ascii_digit() {
                c = self.decimal_tail(&mut p)?;
            }
            part = FloatPart::Exponent;
        }
        if part == FloatPart::Exponent {
            if c == b'e' || c == b'E' {
                let e = c;
                c = self.at(p);
                p += 1;
                if c == b'+' || c == b'-' {
                    c = self.at(p);
                    p += 1;
                    if !c.is_ascii_digit() {
                        return Err(self.error_cur(p - 1, "invalid decimal literal"));
                    }
                } else if !c.is_ascii_digit() {
                    p -= 1;
                    self.verify_end_of_number(&mut p, e, "decimal")?;
                    // The number ends before the 'e'.
                    self.pos = p - 1;
                    self.push(TokenKind::Number, start, p - 1);
                    return Ok(());
                }
                c = self.decimal_tail(&mut p)?;
            }
            part = if c == b'j' || c == b'J' {
                FloatPart::Imaginary
            } else {
                FloatPart::End
            };
        }
        if part == FloatPart::Imaginary {
            c = self.at(p);
            p += 1;
            self.verify_end_of_number(&mut p, c, "imaginary")?;
        } else {
            self.verify_end_of_number(&mut p, c, "decimal")?;
        }
        self.pos = p - 1;
        self.push(TokenKind::Number, start, p - 1);
        Ok(())
    }

    /// `verify_end_of_number`: `c` (at `p - 1`, consumed) follows a number.
    /// A keyword that may follow a number (`and else for if in is not or`) is
    /// accepted (CPython warns); another identifier char is an error.
    fn verify_end_of_number(&self, p: &mut usize, c: u8, kind: &str) -> Result<(), SyntaxError> {
        let lookahead = |word: &[u8]| {
            word.iter().enumerate().all(|(i, &w)| self.at(*p + i) == w)
                && !is_potential_identifier_char(self.at(*p + word.len()))
        };
        let r = match c {
            b'a' => lookahead(b"nd"),
            b'e' => lookahead(b"lse"),
            b'f' => lookahead(b"or"),
            b'i' => matches!(self.at(*p), b'f' | b'n' | b's'),
            b'o' => lookahead(b"r"),
            b'n' => lookahead(b"ot"),
            _ => false,
        };
        if !r && c < 128 && is_potential_identifier_char(c) {
            return Err(self.error_cur(*p - 1, format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Operators, delimiters and stray characters.
    fn operator(&mut self, start: usize) -> Result<(), SyntaxError> {
        let c = self.at(start);
        let c2 = self.at(start + 1);
        if let Some(kind2) = two_chars(c, c2) {
            let (kind, len) = match three_chars(c, c2, self.at(start + 2)) {
                Some(kind3) => (kind3, 3),
                None => (kind2, 2),
            };
            self.pos = start + len;
            self.push(kind, start, start + len);
            return Ok(());
        }
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.error_at(start, "too many nested parentheses"));
                }
                self.parens.push(Paren {
                    ch: c,
                    pos: start as u32,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.parens.pop() else {
                    return Err(self.error_at(start, format!("unmatched '{}'", c as char)));
                };
                let expected = match open.ch {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    let (open_line, line) = (self.line_of(open.pos as usize), self.line_of(start));
                    let mut msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open.ch as char
                    );
                    if open_line != line {
                        msg.push_str(&format!(" on line {open_line}"));
                    }
                    return Err(self.error_at(start, msg));
                }
            }
            _ => {}
        }
        let kind = match one_char(c) {
            Some(kind) => kind,
            None if (0x20..0x7f).contains(&c) => TokenKind::ErrorToken,
            None => {
                return Err(self.error_at(
                    start,
                    format!("invalid non-printable character U+{:04X}", c),
                ));
            }
        };
        self.pos = start + 1;
        self.push(kind, start, start + 1);
        Ok(())
    }
}

/// `_PyToken_OneChar`, with `!` as `Exclamation`; `None` for other characters.
fn one_char(c: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match c {
        b'%' => Percent,
        b'&' => Amper,
        b'(' => LPar,
        b')' => RPar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => LSqb,
        b']' => RSqb,
        b'^' => Circumflex,
        b'{' => LBrace,
        b'|' => Vbar,
        b'}' => RBrace,
        b'~' => Tilde,
        b'!' => Exclamation,
        _ => return Option::None,
    })
}

/// `_PyToken_TwoChars`. `<>` is `NotEqual` as in CPython (whose parser then
/// rejects it unless `barry_as_FLUFL`).
fn two_chars(c1: u8, c2: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match (c1, c2) {
        (b'!', b'=') => NotEqual,
        (b'%', b'=') => PercentEqual,
        (b'&', b'=') => AmperEqual,
        (b'*', b'*') => DoubleStar,
        (b'*', b'=') => StarEqual,
        (b'+', b'=') => PlusEqual,
        (b'-', b'=') => MinEqual,
        (b'-', b'>') => Arrow,
        (b'/', b'/') => DoubleSlash,
        (b'/', b'=') => SlashEqual,
        (b':', b'=') => ColonEqual,
        (b'<', b'<') => LeftShift,
        (b'<', b'=') => LessEqual,
        (b'<', b'>') => NotEqual,
        (b'=', b'=') => EqEqual,
        (b'>', b'=') => GreaterEqual,
        (b'>', b'>') => RightShift,
        (b'@', b'=') => AtEqual,
        (b'^', b'=') => CircumflexEqual,
        (b'|', b'=') => VbarEqual,
        _ => return Option::None,
    })
}

/// `_PyToken_ThreeChars`.
fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match (c1, c2, c3) {
        (b'*', b'*', b'=') => DoubleStarEqual,
        (b'.', b'.', b'.') => Ellipsis,
        (b'/', b'/', b'=') => DoubleSlashEqual,
        (b'<', b'<', b'=') => LeftShiftEqual,
        (b'>', b'>', b'=') => RightShiftEqual,
        _ => return Option::None,
    })
}

#[cfg(test)]
mod tests;
