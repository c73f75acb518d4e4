//! String atoms: implicit concatenation of adjacent literals, bytes/str
//! mixing errors, and f-strings (CPython 3.11's Parser/string_parser.c:
//! literal parts with `{{`/`}}`, replacement fields with `!conv`, `:spec`
//! (nested once) and the `=` self-documenting form).
//!
//! A replacement field's expression is parsed by tokenizing `(expr)` and
//! running a sub-parser over it, as CPython does; since the expression text
//! is a verbatim slice of the source, shifting the sub-tokens' spans makes
//! every node point at its true place in the file.

use super::super::ast::*;
use super::super::error::{SourceOverride, SyntaxError};
use super::super::lexer::{tokenize, LexOptions};
use super::super::literals::{decode_escapes, split_string_token};
use super::super::tokens::{Span, Token, TokenKind as T};
use super::{PResult, Parser};

/// A piece of an f-string under construction.
enum Part<'a> {
    Literal(Vec<u8>),
    Value(Expr<'a>),
}

/// Accumulates the parts of a (possibly concatenated) f-string, merging
/// adjacent literal text as CPython's `FstringParser` does.
struct FStringBuilder<'a> {
    parts: Vec<Part<'a>>,
}

impl<'a> FStringBuilder<'a> {
    fn push_literal(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if let Some(Part::Literal(last)) = self.parts.last_mut() {
            last.extend_from_slice(bytes);
        } else {
            self.parts.push(Part::Literal(bytes.to_vec()));
        }
    }
}

impl<'a, 'i> Parser<'a, 'i> {
    /// `strings: STRING+`
    pub(crate) fn strings(&mut self) -> PResult<Expr<'a>> {
        let first = self.tok();
        let mut toks: Vec<Token> = Vec::with_capacity(1);
        while self.at(T::String) {
            toks.push(self.bump());
        }
        let span = Span::new(first.span.start, self.prev_end());
        // CPython reports string errors at the token after the strings.
        let err_at = self.tok();
        let mut any_bytes = false;
        let mut any_str = false;
        let mut any_f = false;
        for &t in &toks {
            let (prefix, _, _) = split_string_token(self.text(t));
            if prefix.bytes {
                any_bytes = true;
            } else {
                any_str = true;
            }
            any_f |= prefix.fstring;
        }
        if any_bytes && any_str {
            return Err(self.error_at_token(err_at, "cannot mix bytes and nonbytes literals"));
        }
        let (first_prefix, _, _) = split_string_token(self.text(first));
        if !any_f {
            let mut value = Vec::new();
            for &t in &toks {
                self.decode_plain(t, err_at, &mut value)?;
            }
            let value = self.arena.alloc_slice_copy(&value);
            let constant = if any_bytes { Constant::Bytes(value) } else { Constant::Str(value) };
            let kind = if first_prefix.unicode { Some("u") } else { None };
            return Ok(self.expr(ExprKind::Constant { value: constant, kind }, span));
        }
        let mut b = FStringBuilder { parts: Vec::new() };
        for &t in &toks {
            let text = self.text(t);
            let (prefix, _, body) = split_string_token(text);
            if prefix.fstring {
                let body_start =
                    t.span.start + (body.as_ptr() as usize - text.as_ptr() as usize) as u32;
                let mut pos = 0usize;
                self.fstring_parse(
                    &mut b, body, body_start, prefix.raw, 0, &mut pos, span, err_at,
                )?;
            } else {
                let mut value = Vec::new();
                self.decode_plain(t, err_at, &mut value)?;
                b.push_literal(&value);
            }
        }
        Ok(self.joined_str(b, span, span))
    }

    /// An error of the f-string scanner (`f-string: ...`).
    fn fs_error(&self, at: Token, msg: impl AsRef<str>) -> SyntaxError {
        self.error_at_token(at, format!("f-string: {}", msg.as_ref()))
    }

    /// Build the `JoinedStr`. As CPython 3.11 does, literal parts followed by a
    /// field get the span of the whole concatenation; the trailing literal and
    /// the node itself get `tail` (the whole string at top level, the current
    /// string token in a format spec).
    fn joined_str(&self, b: FStringBuilder<'a>, span: Span, tail: Span) -> Expr<'a> {
        let mut values = Vec::with_capacity(b.parts.len());
        let n = b.parts.len();
        for (i, part) in b.parts.into_iter().enumerate() {
            match part {
                Part::Literal(bytes) => {
                    let s = self.arena.alloc_slice_copy(&bytes);
                    let at = if i + 1 == n { tail } else { span };
                    values.push(
                        self.expr(ExprKind::Constant { value: Constant::Str(s), kind: None }, at),
                    );
                }
                Part::Value(e) => values.push(e),
            }
        }
        self.expr(ExprKind::JoinedStr { values: self.slice(&values) }, tail)
    }

    /// Decode one non-f string token into `out`.
    fn decode_plain(&self, t: Token, err_at: Token, out: &mut Vec<u8>) -> PResult<()> {
        let text = self.text(t);
        let (prefix, _, body) = split_string_token(text);
        if prefix.raw {
            if prefix.bytes && !body.is_ascii() {
                return Err(self.error("bytes can only contain ASCII literal characters", t.span));
            }
            out.extend_from_slice(body.as_bytes());
            return Ok(());
        }
        if prefix.bytes && !body.is_ascii() {
            return Err(self.error("bytes can only contain ASCII literal characters", t.span));
        }
        decode_escapes(body, prefix.bytes, out).map_err(|e| self.error_at_token(err_at, e.msg))
    }

    /// Parse f-string text `body[*pos..]` (whose first byte is at source offset
    /// `base`) into `b`, up to its end or, in a format spec, up to the `}`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_parse(
        &mut self,
        b: &mut FStringBuilder<'a>,
        body: &'a str,
        base: u32,
        raw: bool,
        recurse_lvl: u32,
        pos: &mut usize,
        span: Span,
        err_at: Token,
    ) -> PResult<()> {
        let bytes = body.as_bytes();
        let end = bytes.len();
        loop {
            // Literal text.
            let lit_start = *pos;
            let mut s = *pos;
            let literal_end;
            let mut doubled = false;
            loop {
                if s >= end {
                    literal_end = s;
                    break;
                }
                let ch = bytes[s];
                s += 1;
                if !raw && ch == b'\\' && s < end {
                    let c2 = bytes[s];
                    s += 1;
                    if c2 == b'N' {
                        if s < end && bytes[s] == b'{' {
                            s += 1;
                            while s < end {
                                let c = bytes[s];
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                        continue;
                    }
                    if c2 == b'{' || c2 == b'}' {
                        // `\{` is an invalid escape kept as a backslash; the
                        // brace itself is handled on the next iteration.
                        s -= 1;
                    }
                    continue;
                }
                if ch == b'{' || ch == b'}' {
                    if recurse_lvl == 0 {
                        if s < end && bytes[s] == ch {
                            literal_end = s;
                            doubled = true;
                            s += 1;
                            break;
                        }
                        if ch == b'}' {
                            return Err(self.fs_error(err_at, "single '}' is not allowed"));
                        }
                    }
                    s -= 1;
                    literal_end = s;
                    break;
                }
            }
            if literal_end > lit_start {
                let chunk = &body[lit_start..literal_end];
                if raw {
                    b.push_literal(chunk.as_bytes());
                } else {
                    let mut out = Vec::with_capacity(chunk.len());
                    decode_escapes(chunk, false, &mut out)
                        .map_err(|e| self.error_at_token(err_at, e.msg))?;
                    b.push_literal(&out);
                }
            }
            *pos = s;
            if doubled {
                continue;
            }
            if *pos >= end || bytes[*pos] == b'}' {
                break;
            }
            // A replacement field at `{`.
            let value = self.fstring_field(b, body, base, raw, recurse_lvl, pos, span, err_at)?;
            b.parts.push(Part::Value(value));
        }
        if recurse_lvl != 0 && (*pos >= end || bytes[*pos] != b'}') {
            return Err(self.fs_error(err_at, "expecting '}'"));
        }
        Ok(())
    }

    /// `fstring_find_expr`: one `{expr[=][!c][:spec]}` field starting at `body[*pos] == '{'`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(
        &mut self,
        b: &mut FStringBuilder<'a>,
        body: &'a str,
        base: u32,
        raw: bool,
        recurse_lvl: u32,
        pos: &mut usize,
        span: Span,
        err_at: Token,
    ) -> PResult<Expr<'a>> {
        let bytes = body.as_bytes();
        let end = bytes.len();
        if recurse_lvl >= 2 {
            return Err(self.fs_error(err_at, "expressions nested too deeply"));
        }
        *pos += 1;
        let expr_start = *pos;
        let mut quote_char = 0u8;
        let mut string_type = 0usize;
        let mut parens: Vec<u8> = Vec::new();
        let mut s = *pos;
        while s < end {
            let ch = bytes[s];
            if ch == b'\\' {
                return Err(self.error_at_token(
                    err_at,
                    "f-string expression part cannot include a backslash",
                ));
            }
            if quote_char != 0 {
                if ch == quote_char {
                    if string_type == 3 {
                        if s + 2 < end && bytes[s + 1] == ch && bytes[s + 2] == ch {
                            s += 3;
                            string_type = 0;
                            quote_char = 0;
                            continue;
                        }
                    } else {
                        string_type = 0;
                        quote_char = 0;
                        s += 1;
                        continue;
                    }
                }
                s += 1;
                continue;
            }
            if ch == b'\'' || ch == b'"' {
                if s + 2 < end && bytes[s + 1] == ch && bytes[s + 2] == ch {
                    string_type = 3;
                    s += 2;
                } else {
                    string_type = 1;
                }
                quote_char = ch;
                s += 1;
                continue;
            }
            if ch == b'[' || ch == b'(' || ch == b'{' {
                if parens.len() >= 200 {
                    return Err(self.fs_error(err_at, "too many nested parenthesis"));
                }
                parens.push(ch);
                s += 1;
                continue;
            }
            if ch == b'#' {
                return Err(
                    self.error_at_token(err_at, "f-string expression part cannot include '#'")
                );
            }
            if parens.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if s + 1 < end {
                    let next = bytes[s + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        s += 2;
                        continue;
                    }
                }
                if ch == b'>' || ch == b'<' {
                    s += 1;
                    continue;
                }
                break;
            }
            if ch == b']' || ch == b')' || ch == b'}' {
                let Some(opening) = parens.pop() else {
                    return Err(self.fs_error(err_at, format!("unmatched '{}'", ch as char)));
                };
                let ok = matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !ok {
                    return Err(self.fs_error(
                        err_at,
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, opening as char
                        ),
                    ));
                }
            }
            s += 1;
        }
        let expr_end = s;
        if quote_char != 0 {
            return Err(self.fs_error(err_at, "unterminated string"));
        }
        if let Some(&opening) = parens.last() {
            return Err(self.fs_error(err_at, format!("unmatched '{}'", opening as char)));
        }
        if s >= end {
            return Err(self.fs_error(err_at, "expecting '}'"));
        }
        let value = self.fstring_compile_expr(body, base, expr_start, expr_end, err_at)?;
        *pos = s;
        let mut has_expr_text = false;
        if bytes[*pos] == b'=' {
            *pos += 1;
            while *pos < end
                && matches!(bytes[*pos], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
            {
                *pos += 1;
            }
            if *pos >= end {
                return Err(self.fs_error(err_at, "expecting '}'"));
            }
            b.push_literal(&bytes[expr_start..*pos]);
            has_expr_text = true;
        }
        let mut conversion: i32 = -1;
        if bytes[*pos] == b'!' {
            *pos += 1;
            if *pos >= end {
                return Err(self.fs_error(err_at, "expecting '}'"));
            }
            let c = body[*pos..].chars().next().unwrap_or('\0');
            *pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self
                    .fs_error(err_at, "invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = c as i32;
        }
        let mut format_spec = None;
        if *pos < end && bytes[*pos] == b':' {
            *pos += 1;
            if *pos >= end {
                return Err(self.fs_error(err_at, "expecting '}'"));
            }
            let mut spec = FStringBuilder { parts: Vec::new() };
            let tok_span = err_tok_span(body, base, self.src);
            self.fstring_parse(&mut spec, body, base, raw, recurse_lvl + 1, pos, span, err_at)?;
            format_spec = Some(self.alloc(self.joined_str(spec, span, tok_span)));
        }
        if *pos >= end || bytes[*pos] != b'}' {
            return Err(self.fs_error(err_at, "expecting '}'"));
        }
        *pos += 1;
        if has_expr_text && format_spec.is_none() && conversion == -1 {
            conversion = 'r' as i32;
        }
        Ok(self.expr(
            ExprKind::FormattedValue { value: self.alloc(value), conversion, format_spec },
            span,
        ))
    }

    /// `fstring_compile_expr`: parse `body[start..end]` as `(expr)`.
    fn fstring_compile_expr(
        &mut self,
        body: &'a str,
        base: u32,
        start: usize,
        end: usize,
        err_at: Token,
    ) -> PResult<Expr<'a>> {
        let text = &body[start..end];
        if text.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c')) {
            return Err(self.fs_error(err_at, "empty expression not allowed"));
        }
        let mut sub = String::with_capacity(text.len() + 2);
        sub.push('(');
        sub.push_str(text);
        sub.push(')');
        // Offset of the sub-source's `(` in the file: the `{` (or previous char).
        let shift = base + start as u32 - 1;
        let lexed = tokenize(&sub, LexOptions { type_comments: false });
        let mut toks = lexed.tokens;
        for t in &mut toks {
            t.span = Span::new(t.span.start + shift, t.span.end + shift);
        }
        let lex_error = lexed.error.map(|mut e| {
            e.span = Span::new(e.span.start + shift, e.span.end + shift);
            e
        });
        let opts = self.opts;
        let sub_src: &'a str = self.arena.alloc_str(&sub);
        let result = {
            let mut p =
                Parser::new(self.arena, self.src, toks, lex_error, &mut *self.interner, opts);
            p.in_fstring = true;
            p.in_function = self.in_function;
            match p.star_expressions() {
                Ok(e) if matches!(p.peek(), T::Newline | T::EndMarker) => Ok(e),
                Ok(_) => Err(p.invalid_syntax()),
                Err(e) => Err(e),
            }
        };
        result.map_err(|e| with_sub_source(e, sub_src, shift, self.src))
    }
}

/// Make an error found inside `(expr)` show that text, as CPython 3.11 does.
fn with_sub_source(mut e: SyntaxError, sub: &str, shift: u32, src: &str) -> SyntaxError {
    if e.source_override.is_some() {
        return e;
    }
    let rel_start = e.span.start.saturating_sub(shift).min(sub.len() as u32) as usize;
    let rel_end = e.span.end.saturating_sub(shift).min(sub.len() as u32) as usize;
    let line_start = sub[..rel_start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = sub[line_start..].find('\n').map(|i| line_start + i).unwrap_or(sub.len());
    let lineno = super::line_of(src, e.span.start.min(src.len() as u32)) as u32;
    e.source_override = Some(Box::new(SourceOverride {
        text: sub[line_start..line_end].to_string(),
        lineno,
        start_col: (rel_start - line_start) as u32,
        end_col: (rel_end.max(rel_start).min(line_end) - line_start) as u32,
    }));
    e
}

/// The span of the string token whose body (at source offset `base`) is `body`.
fn err_tok_span(body: &str, base: u32, src: &str) -> Span {
    // Walk back over the prefix and opening quotes; forward over the closing quotes.
    let bytes = src.as_bytes();
    let mut start = base as usize;
    while start > 0 && matches!(bytes[start - 1], b'\'' | b'"') {
        start -= 1;
    }
    while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let mut end = base as usize + body.len();
    let quotes = base as usize - {
        let mut q = base as usize;
        while q > start && matches!(bytes[q - 1], b'\'' | b'"') {
            q -= 1;
        }
        q
    };
    end = (end + quotes).min(src.len());
    Span::new(start as u32, end as u32)
}
