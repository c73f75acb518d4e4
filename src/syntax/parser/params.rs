//! Parameter lists of `def` and `lambda` (`parameters` / `lambda_parameters`),
//! with positional-only `/`, bare `*`, `*args`, keyword-only parameters,
//! `**kwargs`, defaults, annotations and per-parameter type comments, and
//! CPython's `invalid_parameters` / `invalid_star_etc` / `invalid_kwds` errors.

use super::super::ast::*;
use super::super::error::SyntaxError;
use super::super::tokens::{Span, Token, TokenKind as T};
use super::{PResult, Parser};

impl<'a, 'i> Parser<'a, 'i> {
    /// `'(' [params] ')'` of a `def` (the parentheses are consumed here).
    pub(crate) fn def_params(&mut self) -> PResult<Arguments<'a>> {
        self.expect_forced(T::LPar)?;
        let args = self.parameters(false, T::RPar)?;
        self.expect(T::RPar)?;
        Ok(args)
    }

    /// `[lambda_params]` up to the `:` (not consumed).
    pub(crate) fn lambda_params(&mut self) -> PResult<Arguments<'a>> {
        self.parameters(true, T::Colon)
    }

    fn parameters(&mut self, is_lambda: bool, close: T) -> PResult<Arguments<'a>> {
        let mut posonly: Vec<Arg<'a>> = Vec::new();
        let mut args: Vec<Arg<'a>> = Vec::new();
        let mut defaults: Vec<Expr<'a>> = Vec::new();
        let mut vararg: Option<Arg<'a>> = None;
        let mut kwonly: Vec<Arg<'a>> = Vec::new();
        let mut kw_defaults: Vec<Option<Expr<'a>>> = Vec::new();
        let mut kwarg: Option<Arg<'a>> = None;
        let mut seen_slash = false;
        let mut star: Option<Token> = None;
        // Where the last parameter went, for its type comment.
        #[derive(Clone, Copy)]
        enum Last {
            None,
            Pos,
            Var,
            KwOnly,
            Kw,
        }
        while !self.at(close) {
            let last;
            let t = self.tok();
            match t.kind {
                T::Slash => {
                    if seen_slash {
                        return Err(self.error("/ may appear only once", t.span));
                    }
                    if star.is_some() {
                        return Err(self.error("/ must be ahead of *", t.span));
                    }
                    if args.is_empty() {
                        return Err(self.error("at least one argument must precede /", t.span));
                    }
                    self.bump();
                    seen_slash = true;
                    posonly.append(&mut args);
                    last = Last::None;
                }
                T::Star => {
                    if let Some(first) = star {
                        let _ = first;
                        return Err(self.error("* argument may appear only once", t.span));
                    }
                    if kwarg.is_some() {
                        return Err(
                            self.error("arguments cannot follow var-keyword argument", t.span)
                        );
                    }
                    self.bump();
                    star = Some(t);
                    if self.at(T::Comma) {
                        // Bare `*`: keyword-only parameters must follow.
                        let after = self.peek_at(1);
                        if after == close || after == T::DoubleStar {
                            // `def` points at the `*`, `lambda` at the last token read.
                            let at = if is_lambda { self.tok_at(1).span } else { t.span };
                            return Err(self.error("named arguments must follow bare *", at));
                        }
                        if after == T::TypeComment {
                            return Err(self.error("bare * has associated type comment", t.span));
                        }
                        last = Last::None;
                    } else if self.at(close) {
                        let at = if is_lambda { self.tok().span } else { t.span };
                        return Err(self.error("named arguments must follow bare *", at));
                    } else {
                        let a = self.param(is_lambda, true)?;
                        if self.at(T::Equal) {
                            let eq = self.tok();
                            return Err(self.error(
                                "var-positional argument cannot have default value",
                                eq.span,
                            ));
                        }
                        vararg = Some(a);
                        last = Last::Var;
                    }
                }
                T::DoubleStar => {
                    if kwarg.is_some() {
                        return Err(
                            self.error("arguments cannot follow var-keyword argument", t.span)
                        );
                    }
                    self.bump();
                    let a = self.param(is_lambda, false)?;
                    if self.at(T::Equal) {
                        let eq = self.tok();
                        return Err(
                            self.error("var-keyword argument cannot have default value", eq.span)
                        );
                    }
                    kwarg = Some(a);
                    last = Last::Kw;
                }
                T::Name => {
                    if kwarg.is_some() {
                        return Err(
                            self.error("arguments cannot follow var-keyword argument", t.span)
                        );
                    }
                    let a = self.param(is_lambda, false)?;
                    let default = if self.at(T::Equal) {
                        let eq = self.bump();
                        if self.at(T::RPar) || self.at(T::Comma) || self.at(close) {
                            return Err(self.error("expected default value expression", eq.span));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star.is_some() {
                        kwonly.push(a);
                        kw_defaults.push(default);
                        last = Last::KwOnly;
                    } else {
                        match default {
                            Some(d) => defaults.push(d),
                            None if !defaults.is_empty() => {
                                return Err(self.error(
                                    "non-default argument follows default argument",
                                    a.span,
                                ));
                            }
                            None => {}
                        }
                        args.push(a);
                        last = Last::Pos;
                    }
                }
                T::LPar => {
                    return Err(self.parenthesized_params_error(is_lambda));
                }
                _ => return Err(self.invalid_syntax()),
            }
            let comma = self.eat(T::Comma);
            // Per-parameter type comments: `a,  # type: int` or `a  # type: int` before `)`.
            if !is_lambda && self.at(T::TypeComment) && (comma || self.peek_at(1) == close) {
                let tc = self.bump();
                let text = self.text(tc);
                let set = |a: &mut Arg<'a>| a.type_comment = Some(text);
                match last {
                    Last::Pos => {
                        if let Some(a) = args.last_mut() {
                            set(a)
                        }
                    }
                    Last::Var => {
                        if let Some(a) = vararg.as_mut() {
                            set(a)
                        }
                    }
                    Last::KwOnly => {
                        if let Some(a) = kwonly.last_mut() {
                            set(a)
                        }
                    }
                    Last::Kw => {
                        if let Some(a) = kwarg.as_mut() {
                            set(a)
                        }
                    }
                    Last::None => {}
                }
            }
            if !comma {
                break;
            }
        }
        if !self.at(close) {
            if let Some(t) = star {
                if self.at(T::Star) {
                    let _ = t;
                    let s = self.tok();
                    return Err(self.error("* argument may appear only once", s.span));
                }
            }
            if self.at(T::Slash) {
                let s = self.tok();
                if seen_slash {
                    return Err(self.error("/ may appear only once", s.span));
                }
                if star.is_some() {
                    return Err(self.error("/ must be ahead of *", s.span));
                }
            }
            if self.at(T::Star) && seen_slash {
                // `def f(a, / *)`
            }
            return Err(self.invalid_syntax());
        }
        Ok(Arguments {
            posonlyargs: self.slice(&posonly),
            args: self.slice(&args),
            vararg: vararg.map(|a| self.alloc(a)),
            kwonlyargs: self.slice(&kwonly),
            kw_defaults: self.slice(&kw_defaults),
            kwarg: kwarg.map(|a| self.alloc(a)),
            defaults: self.slice(&defaults),
        })
    }

    /// `param: NAME [':' annotation]` (for `*args`, the annotation may be `*Ts`).
    fn param(&mut self, is_lambda: bool, star_annotation: bool) -> PResult<Arg<'a>> {
        let (name, span) = self.name_token()?;
        let mut annotation = None;
        if !is_lambda && self.at(T::Colon) {
            self.bump();
            let start = self.tok().span.start;
            let ann = if star_annotation && self.at(T::Star) {
                self.bump();
                let value = self.expression()?;
                self.expr(
                    ExprKind::Starred { value: self.alloc(value), ctx: ExprContext::Load },
                    self.span_from(start),
                )
            } else {
                self.expression()?
            };
            annotation = Some(self.alloc(ann));
        }
        Ok(Arg {
            arg: name,
            annotation,
            type_comment: None,
            span: Span::new(span.start, self.prev_end()),
        })
    }

    fn parenthesized_params_error(&mut self, is_lambda: bool) -> SyntaxError {
        // `def f((a, b)):` — CPython: "Function parameters cannot be parenthesized"
        // when the parentheses hold plain names.
        let open = self.tok();
        let mark = self.mark();
        self.bump();
        let mut ok = false;
        while self.at(T::Name) {
            self.bump();
            if !self.eat(T::Comma) {
                break;
            }
        }
        if self.at(T::RPar) {
            ok = true;
        }
        let close = self.tok();
        self.reset(mark);
        if ok {
            let what =
                if is_lambda { "Lambda expression parameters" } else { "Function parameters" };
            return self.error(
                format!("{what} cannot be parenthesized"),
                Span::new(open.span.start, close.span.end),
            );
        }
        self.invalid_syntax()
    }
}
