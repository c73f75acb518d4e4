//! The parser: tokens → AST, by hand-written recursive descent over CPython
//! 3.11's PEG grammar (Grammar/python.gram), with CPython's syntax errors.
//!
//! This module owns the token cursor, node allocation and error reporting;
//! the grammar lives in [`stmt`] (statements and blocks), [`expr`]
//! (expressions), [`params`] (function and lambda parameters), [`pattern`]
//! (`match` patterns), [`strings`] (string concatenation and f-strings) and
//! [`targets`] (turning expressions into assignment/deletion targets).
//!
//! Tokenizer errors are reported the way CPython's lazy tokenizer reports them:
//! when the parser reaches them, or instead of a later-detected generic error
//! (`_PyPegen_tokenize_full_source_to_check_for_errors`).

mod expr;
mod params;
mod pattern;
mod stmt;
mod strings;
mod targets;

use bumpalo::Bump;

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::intern::{Interner, Symbol};
use super::lexer::{tokenize, LexOptions};
use super::tokens::{Span, Token, TokenKind};

/// What the source is parsed as (the `mode` of CPython's `compile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// A module: `Module(body, type_ignores)`.
    #[default]
    Exec,
    /// One expression: `Expression(body)`.
    Eval,
    /// One interactive statement: `Interactive(body)`.
    Single,
    /// A function type comment `(int, str) -> bool`: `FunctionType(argtypes, returns)`.
    FuncType,
}

/// Options of a parse.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseOptions {
    pub mode: Mode,
    /// Keep `# type:` comments in the AST (`ast.parse(..., type_comments=True)`,
    /// which `python -m ast` uses).
    pub type_comments: bool,
}

/// Parse decoded source text into an AST allocated in `arena`.
pub fn parse<'a>(
    arena: &'a Bump,
    src: &'a str,
    opts: ParseOptions,
    interner: &mut Interner<'a>,
) -> Result<Mod<'a>, SyntaxError> {
    let lexed = tokenize(src, LexOptions { type_comments: opts.type_comments });
    let mut p = Parser::new(arena, src, lexed.tokens, lexed.error, interner, opts);
    let result = match opts.mode {
        Mode::Exec => p.file(),
        Mode::Eval => p.eval_input(),
        Mode::Single => p.interactive(),
        Mode::FuncType => p.func_type_input(),
    };
    match result {
        Ok(Mod::Module { body, .. }) => {
            let type_ignores =
                arena.alloc_slice_fill_iter(lexed.type_ignores.iter().map(|&(line, tag)| {
                    TypeIgnore { lineno: line, tag: &src[tag.start as usize..tag.end as usize] }
                }));
            Ok(Mod::Module { body, type_ignores })
        }
        Ok(m) => Ok(m),
        Err(e) => Err(p.finish_error(e)),
    }
}

/// A parse failure inside the parser: either a committed syntax error, or a
/// "no alternative matched here" that becomes CPython's generic
/// `invalid syntax` at the furthest token reached.
pub(crate) type PResult<T> = Result<T, SyntaxError>;

/// Maximum nesting of recursive grammar rules before we give up, as
/// CPython's parser does (its MAXSTACK, 6000, counts every rule level; ours
/// counts only the recursive ones, so a little less is close to its limit).
const MAX_DEPTH: u32 = 5980;

pub(crate) struct Parser<'a, 'i> {
    pub(crate) arena: &'a Bump,
    pub(crate) src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// The tokenizer error after the last real token (a sentinel `ErrorToken`
    /// stands at `toks.len() - 1` when set).
    lex_error: Option<SyntaxError>,
    pub(crate) interner: &'i mut Interner<'a>,
    depth: u32,
    pub(crate) opts: ParseOptions,
    /// The furthest token index looked at: where CPython reports a generic error.
    furthest: usize,
    /// Inside an f-string replacement field: errors get the `f-string: ` prefix.
    pub(crate) in_fstring: bool,
    /// Loop and function context, for errors found while parsing.
    pub(crate) in_function: bool,
}

impl<'a, 'i> Parser<'a, 'i> {
    pub(crate) fn new(
        arena: &'a Bump,
        src: &'a str,
        mut toks: Vec<Token>,
        lex_error: Option<SyntaxError>,
        interner: &'i mut Interner<'a>,
        opts: ParseOptions,
    ) -> Self {
        if let Some(e) = &lex_error {
            // The sentinel token: reaching it means reaching the tokenizer error.
            let at = toks
                .last()
                .map(|t| t.span.end)
                .unwrap_or(0)
                .max(e.span.start.min(src.len() as u32));
            toks.push(Token { kind: TokenKind::ErrorToken, span: Span::new(at, at) });
        } else if toks.last().map(|t| t.kind) != Some(TokenKind::EndMarker) {
            let end = src.len() as u32;
            toks.push(Token { kind: TokenKind::EndMarker, span: Span::new(end, end) });
        }
        Parser {
            arena,
            src,
            toks,
            pos: 0,
            lex_error,
            interner,
            depth: 0,
            opts,
            furthest: 0,
            in_fstring: false,
            in_function: false,
        }
    }

    // ----- token cursor -------------------------------------------------

    #[inline]
    pub(crate) fn peek(&mut self) -> TokenKind {
        if self.pos > self.furthest {
            self.furthest = self.pos;
        }
        self.toks[self.pos].kind
    }

    #[inline]
    pub(crate) fn peek_at(&mut self, n: usize) -> TokenKind {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.furthest {
            self.furthest = i;
        }
        self.toks[i].kind
    }

    #[inline]
    pub(crate) fn tok(&self) -> Token {
        self.toks[self.pos]
    }

    /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER
    /// (CPython's `_PyPegen_get_last_nonnwhitespace_token`, the end of `EXTRA`).
    #[inline]
    pub(crate) fn tok_at(&self, n: usize) -> Token {
        self.toks[(self.pos + n).min(self.toks.len() - 1)]
    }

    #[inline]
    pub(crate) fn prev_end(&self) -> u32 {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.toks[i];
            if !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            ) {
                return t.span.end;
            }
        }
        0
    }

    /// A backtracking point: the cursor and the recursion depth (a failed
    /// attempt may leave the depth raised).
    #[inline]
    pub(crate) fn mark(&self) -> (usize, u32) {
        (self.pos, self.depth)
    }

    #[inline]
    pub(crate) fn reset(&mut self, mark: (usize, u32)) {
        self.pos = mark.0;
        self.depth = mark.1;
    }

    /// Consume the current token (never past the last one).
    #[inline]
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.toks[self.pos];
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    #[inline]
    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek() == kind
    }

    #[inline]
    pub(crate) fn eat(&mut self, kind: TokenKind) -> bool {
        if self.peek() == kind {
            self.bump();
            true
        } else {
            false
        }
    }

    /// The text of a token.
    #[inline]
    pub(crate) fn text(&self, t: Token) -> &'a str {
        &self.src[t.span.start as usize..t.span.end as usize]
    }

    /// Is the current token the soft keyword / name `kw`?
    #[inline]
    pub(crate) fn at_name(&mut self, kw: &str) -> bool {
        self.peek() == TokenKind::Name && self.text(self.tok()) == kw
    }

    /// Consume a required token, or fail with the generic error.
    pub(crate) fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.peek() == kind {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// A "forced" token (`&&':'` in the grammar): `expected ':'` if missing.
    pub(crate) fn expect_forced(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.peek() == kind {
            Ok(self.bump())
        } else {
            let t = self.tok();
            Err(self.error_at_token(t, format!("expected '{}'", kind.text())))
        }
    }

    pub(crate) fn name_token(&mut self) -> PResult<(Symbol, Span)> {
        if self.peek() == TokenKind::Name {
            let t = self.bump();
            Ok((self.intern_name(t), t.span))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Intern an identifier token's text (NFKC-normalized when not ASCII, as
    /// CPython's tokenizer/parser does).
    pub(crate) fn intern_name(&mut self, t: Token) -> Symbol {
        let text = self.text(t);
        if text.is_ascii() {
            self.interner.intern(text)
        } else {
            use unicode_normalization::UnicodeNormalization;
            let normalized: String = text.nfkc().collect();
            if normalized == text {
                self.interner.intern(text)
            } else {
                let s = self.arena.alloc_str(&normalized);
                self.interner.intern(s)
            }
        }
    }

    pub(crate) fn intern_str(&mut self, s: &str) -> Symbol {
        let s = self.arena.alloc_str(s);
        self.interner.intern(s)
    }

    // ----- recursion guard ----------------------------------------------

    #[inline]
    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            // CPython runs out of parser stack: a bare `MemoryError`.
            return Err(SyntaxError::without_location(ErrorKind::MemoryError, ""));
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- allocation ---------------------------------------------------

    #[inline]
    pub(crate) fn alloc<T>(&self, v: T) -> &'a T {
        self.arena.alloc(v)
    }

    #[inline]
    pub(crate) fn expr(&self, kind: ExprKind<'a>, span: Span) -> Expr<'a> {
        Expr { kind, span }
    }

    #[inline]
    pub(crate) fn boxed(&self, kind: ExprKind<'a>, span: Span) -> &'a Expr<'a> {
        self.arena.alloc(Expr { kind, span })
    }

    #[inline]
    pub(crate) fn slice<T: Copy>(&self, v: &[T]) -> &'a [T] {
        if v.is_empty() {
            &[]
        } else {
            self.arena.alloc_slice_copy(v)
        }
    }

    /// Span from `start` to the end of the last consumed token.
    #[inline]
    pub(crate) fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end().max(start))
    }

    // ----- errors -------------------------------------------------------

    /// A syntax error pointing at `span`, with the f-string prefix when inside one.
    pub(crate) fn error(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        let msg = msg.into();
        let msg = if self.in_fstring { format!("f-string: {msg}") } else { msg };
        SyntaxError::syntax(msg, span)
    }

    pub(crate) fn error_at_token(&self, t: Token, msg: impl Into<String>) -> SyntaxError {
        if t.kind == TokenKind::ErrorToken && self.is_sentinel(t) {
            return self.lex_error.clone().unwrap();
        }
        self.error(msg, t.span)
    }

    fn is_sentinel(&self, t: Token) -> bool {
        self.lex_error.is_some() && self.toks.last().map(|l| l.span) == Some(t.span)
    }

    /// CPython's generic error: `invalid syntax` at the furthest token reached
    /// (or, at an INDENT/DEDENT, the indentation errors).
    pub(crate) fn invalid_syntax(&mut self) -> SyntaxError {
        let idx = self.furthest.max(self.pos).min(self.toks.len() - 1);
        let t = self.toks[idx];
        if self.lex_error.is_some() && idx == self.toks.len() - 1 {
            return self.lex_error.clone().unwrap();
        }
        match t.kind {
            TokenKind::Indent => SyntaxError::indentation("unexpected indent", t.span),
            TokenKind::Dedent => SyntaxError::indentation("unexpected unindent", t.span),
            TokenKind::EndMarker if self.in_fstring => self.error("invalid syntax", t.span),
            _ => self.error("invalid syntax", t.span),
        }
    }

    /// Apply CPython's rule that a tokenizer error found later in the file
    /// replaces a parser error (`_PyPegen_tokenize_full_source_to_check_for_errors`).
    fn finish_error(&self, e: SyntaxError) -> SyntaxError {
        let e = self.eof_location(e);
        let Some(lex) = &self.lex_error else { return e };
        if *lex == e {
            return e;
        }
        // Tokenizer errors CPython raises as exceptions override parser errors;
        // the ones it reports through its `done` status only show when reached.
        let reached_only = matches!(lex.kind, ErrorKind::IndentationError | ErrorKind::TabError)
            || lex.msg == "unexpected EOF while parsing"
            || lex.msg == "unexpected character after line continuation character";
        if lex.msg.ends_with("was never closed") {
            // Reported only when the parser error is on a later line than the opener.
            let err_line = line_of(self.src, e.span.start);
            let open_line = line_of(self.src, lex.span.start);
            if err_line > open_line && e.msg == "invalid syntax" {
                return lex.clone();
            }
            return e;
        }
        if reached_only {
            return e;
        }
        lex.clone()
    }

    /// A parser error at the end of the input (ENDMARKER, or a DEDENT there)
    /// is reported by CPython on the last line, without a caret.
    fn eof_location(&self, mut e: SyntaxError) -> SyntaxError {
        let len = self.src.len() as u32;
        if e.span.start < len
            || e.line_only.is_some()
            || e.source_override.is_some()
            || self.lex_error.as_ref() == Some(&e)
        {
            return e;
        }
        let newlines = self.src.bytes().filter(|&b| b == b'\n').count() as u32;
        let last = if self.src.ends_with('\n') { newlines } else { newlines + 1 };
        e.line_only = Some(last.max(1));
        e
    }

    // ----- entry points -------------------------------------------------

    /// `file: [statements] ENDMARKER`
    fn file(&mut self) -> PResult<Mod<'a>> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(Mod::Module { body: self.slice(&body), type_ignores: &[] })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    fn eval_input(&mut self) -> PResult<Mod<'a>> {
        let e = self.expressions()?;
        while self.eat(TokenKind::Newline) {}
        self.expect(TokenKind::EndMarker)?;
        Ok(Mod::Expression { body: self.alloc(e) })
    }

    /// `interactive: statement_newline`
    fn interactive(&mut self) -> PResult<Mod<'a>> {
        let mut body = Vec::new();
        if self.at(TokenKind::Newline) {
            self.bump();
        } else {
            self.statement(&mut body)?;
        }
        while self.eat(TokenKind::Newline) {}
        if !self.at(TokenKind::EndMarker) {
            return Err(self.error(
                "multiple statements found while compiling a single statement",
                self.tok().span,
            ));
        }
        Ok(Mod::Interactive { body: self.slice(&body) })
    }

    /// `func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`
    fn func_type_input(&mut self) -> PResult<Mod<'a>> {
        self.expect(TokenKind::LPar)?;
        let mut argtypes = Vec::new();
        while !self.at(TokenKind::RPar) {
            if self.eat(TokenKind::Star) || self.eat(TokenKind::DoubleStar) {
                // `*args` / `**kwargs` types are plain expressions in the AST.
            }
            argtypes.push(self.expression()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::RPar)?;
        self.expect(TokenKind::Arrow)?;
        let returns = self.expression()?;
        while self.eat(TokenKind::Newline) {}
        self.expect(TokenKind::EndMarker)?;
        Ok(Mod::FunctionType { argtypes: self.slice(&argtypes), returns: self.alloc(returns) })
    }
}

/// The 1-based line of a byte offset (for rare error-path decisions only).
pub(crate) fn line_of(src: &str, offset: u32) -> usize {
    let end = (offset as usize).min(src.len());
    src.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}
