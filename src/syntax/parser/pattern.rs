//! `match` statement patterns (PEP 634; CPython 3.11 grammar, "Pattern
//! matching" section): literal, capture, wildcard, value, group, sequence,
//! mapping, class, star, or- and as-patterns.

use super::super::ast::*;
use super::super::tokens::{Span, TokenKind as T};
use super::{PResult, Parser};

impl<'a, 'i> Parser<'a, 'i> {
    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn patterns(&mut self) -> PResult<Pattern<'a>> {
        let start = self.tok().span.start;
        let first = self.maybe_star_pattern()?;
        if !self.at(T::Comma) {
            if let PatternKind::MatchStar { .. } = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) || self.at(T::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::MatchSequence { patterns: self.slice(&items) },
            span: self.span_from(start),
        })
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> PResult<Pattern<'a>> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            let (name, span) = self.name_token()?;
            let name = if self.interner.resolve(name) == "_" { None } else { Some(name) };
            return Ok(Pattern {
                kind: PatternKind::MatchStar { name },
                span: Span::new(start, span.end),
            });
        }
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    fn pattern(&mut self) -> PResult<Pattern<'a>> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern<'a>> {
        let start = self.tok().span.start;
        let p = self.or_pattern()?;
        if !self.at(T::As) {
            return Ok(p);
        }
        self.bump();
        let t = self.tok();
        if t.kind != T::Name {
            if self.starts_expression() {
                let e = self.expression()?;
                return Err(self.error("invalid pattern target", e.span));
            }
            return Err(self.invalid_syntax());
        }
        if self.text(t) == "_" {
            return Err(self.error("cannot use '_' as a target", t.span));
        }
        if matches!(self.peek_at(1), T::Dot | T::LPar | T::Equal) {
            let e = self.expression()?;
            return Err(self.error("invalid pattern target", e.span));
        }
        self.bump();
        let name = self.intern_name(t);
        Ok(Pattern {
            kind: PatternKind::MatchAs { pattern: Some(self.alloc(p)), name: Some(name) },
            span: self.span_from(start),
        })
    }

    /// `or_pattern: '|'.closed_pattern+`
    fn or_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.tok().span.start;
        let first = self.closed_pattern()?;
        if !self.at(T::Vbar) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat(T::Vbar) {
            alts.push(self.closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::MatchOr { patterns: self.slice(&alts) },
            span: self.span_from(start),
        })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern<'a>> {
        let t = self.tok();
        let start = t.span.start;
        match t.kind {
            T::Number | T::Minus => {
                let value = self.signed_or_complex_number()?;
                Ok(Pattern {
                    kind: PatternKind::MatchValue { value: self.alloc(value) },
                    span: value.span,
                })
            }
            T::String => {
                let value = self.strings()?;
                if let ExprKind::JoinedStr { .. } = value.kind {
                    return Err(self.error(
                        "patterns may only match literals and attribute lookups",
                        value.span,
                    ));
                }
                Ok(Pattern {
                    kind: PatternKind::MatchValue { value: self.alloc(value) },
                    span: value.span,
                })
            }
            T::None | T::True | T::False => {
                self.bump();
                let value = match t.kind {
                    T::None => Constant::None,
                    T::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(Pattern { kind: PatternKind::MatchSingleton { value }, span: t.span })
            }
            T::Name => {
                let is_wild = self.text(t) == "_";
                let next = self.peek_at(1);
                if is_wild && !matches!(next, T::Dot | T::LPar | T::Equal) {
                    self.bump();
                    return Ok(Pattern {
                        kind: PatternKind::MatchAs { pattern: None, name: None },
                        span: t.span,
                    });
                }
                // name_or_attr
                self.bump();
                let id = self.intern_name(t);
                let mut e = self.expr(ExprKind::Name { id, ctx: ExprContext::Load }, t.span);
                let mut dotted = false;
                while self.at(T::Dot) {
                    self.bump();
                    let (attr, _) = self.name_token()?;
                    e = self.expr(
                        ExprKind::Attribute { value: self.alloc(e), attr, ctx: ExprContext::Load },
                        self.span_from(start),
                    );
                    dotted = true;
                }
                if self.at(T::LPar) {
                    return self.class_pattern(start, e);
                }
                if dotted {
                    return Ok(Pattern {
                        kind: PatternKind::MatchValue { value: self.alloc(e) },
                        span: e.span,
                    });
                }
                Ok(Pattern {
                    kind: PatternKind::MatchAs { pattern: None, name: Some(id) },
                    span: t.span,
                })
            }
            T::LPar => {
                self.bump();
                if self.at(T::RPar) {
                    self.bump();
                    return Ok(Pattern {
                        kind: PatternKind::MatchSequence { patterns: &[] },
                        span: self.span_from(start),
                    });
                }
                let first = self.maybe_star_pattern()?;
                if self.at(T::RPar) {
                    self.bump();
                    if let PatternKind::MatchStar { .. } = first.kind {
                        // `(*x)` is a one-element sequence only with a comma.
                        return Err(self.invalid_syntax());
                    }
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat(T::Comma) {
                    if self.at(T::RPar) {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.expect(T::RPar)?;
                Ok(Pattern {
                    kind: PatternKind::MatchSequence { patterns: self.slice(&items) },
                    span: self.span_from(start),
                })
            }
            T::LSqb => {
                self.bump();
                let mut items = Vec::new();
                while !self.at(T::RSqb) {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                self.expect(T::RSqb)?;
                Ok(Pattern {
                    kind: PatternKind::MatchSequence { patterns: self.slice(&items) },
                    span: self.span_from(start),
                })
            }
            T::LBrace => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `signed_number !('+' | '-') | complex_number`
    fn signed_or_complex_number(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let real = self.signed_number()?;
        if matches!(self.peek(), T::Plus | T::Minus) {
            let op = if self.bump().kind == T::Plus { Operator::Add } else { Operator::Sub };
            let t = self.tok();
            if t.kind != T::Number {
                return Err(self.invalid_syntax());
            }
            let imag = self.number_atom()?;
            if !matches!(imag.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                return Err(self.error("imaginary number required in complex literal", imag.span));
            }
            if matches!(real.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. })
                || matches!(
                    real.kind,
                    ExprKind::UnaryOp {
                        operand: Expr {
                            kind: ExprKind::Constant { value: Constant::Complex { .. }, .. },
                            ..
                        },
                        ..
                    }
                )
            {
                return Err(self.error("real number required in complex literal", real.span));
            }
            return Ok(self.expr(
                ExprKind::BinOp { left: self.alloc(real), op, right: self.alloc(imag) },
                self.span_from(start),
            ));
        }
        Ok(real)
    }

    fn signed_number(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Minus) {
            let start = self.bump().span.start;
            if !self.at(T::Number) {
                return Err(self.invalid_syntax());
            }
            let n = self.number_atom()?;
            return Ok(self.expr(
                ExprKind::UnaryOp { op: UnaryOp::USub, operand: self.alloc(n) },
                self.span_from(start),
            ));
        }
        self.number_atom()
    }

    fn number_atom(&mut self) -> PResult<Expr<'a>> {
        if !self.at(T::Number) {
            return Err(self.invalid_syntax());
        }
        self.primary_atom_only()
    }

    /// `class_pattern: name_or_attr '(' [positional] [keywords] ')'`
    fn class_pattern(&mut self, start: u32, cls: Expr<'a>) -> PResult<Pattern<'a>> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(T::RPar) {
            if self.at(T::Name) && self.peek_at(1) == T::Equal {
                let (name, _) = self.name_token()?;
                self.bump();
                kwd_attrs.push(name);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error("positional patterns follow keyword patterns", p.span));
                }
                patterns.push(p);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RPar)?;
        Ok(Pattern {
            kind: PatternKind::MatchClass {
                cls: self.alloc(cls),
                patterns: self.slice(&patterns),
                kwd_attrs: self.slice(&kwd_attrs),
                kwd_patterns: self.slice(&kwd_patterns),
            },
            span: self.span_from(start),
        })
    }

    /// `mapping_pattern: '{' [items] ['**' rest] '}'`
    fn mapping_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.bump().span.start;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(T::RBrace) {
            if self.at(T::DoubleStar) {
                self.bump();
                let (name, _) = self.name_token()?;
                rest = Some(name);
                self.eat(T::Comma);
                break;
            }
            let key = self.mapping_key()?;
            self.expect(T::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RBrace)?;
        Ok(Pattern {
            kind: PatternKind::MatchMapping {
                keys: self.slice(&keys),
                patterns: self.slice(&patterns),
                rest,
            },
            span: self.span_from(start),
        })
    }

    /// `(literal_expr | attr)` as a mapping pattern key.
    fn mapping_key(&mut self) -> PResult<Expr<'a>> {
        let t = self.tok();
        match t.kind {
            T::Number | T::Minus => self.signed_or_complex_number(),
            T::String => {
                let value = self.strings()?;
                if let ExprKind::JoinedStr { .. } = value.kind {
                    return Err(self.error(
                        "patterns may only match literals and attribute lookups",
                        value.span,
                    ));
                }
                Ok(value)
            }
            T::None | T::True | T::False => self.primary_atom_only(),
            T::Name => {
                let start = t.span.start;
                self.bump();
                let id = self.intern_name(t);
                let mut e = self.expr(ExprKind::Name { id, ctx: ExprContext::Load }, t.span);
                let mut dotted = false;
                while self.eat(T::Dot) {
                    let (attr, _) = self.name_token()?;
                    e = self.expr(
                        ExprKind::Attribute { value: self.alloc(e), attr, ctx: ExprContext::Load },
                        self.span_from(start),
                    );
                    dotted = true;
                }
                if !dotted {
                    return Err(self.invalid_syntax());
                }
                Ok(e)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// A single literal atom (number, None/True/False) without trailers.
    fn primary_atom_only(&mut self) -> PResult<Expr<'a>> {
        self.atom()
    }
}
