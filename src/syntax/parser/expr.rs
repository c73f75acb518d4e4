//! Expressions: from `star_expressions` down to atoms, calls, subscripts,
//! displays and comprehensions (CPython 3.11 grammar, "Expressions" section).
//!
//! Binary operators use precedence climbing (one loop instead of one
//! function per level). Node spans run from the first token of the rule to
//! the last token consumed, as CPython's `EXTRA` does (so `(a)+b` starts at
//! the parenthesis).

use super::super::ast::*;
use super::super::literals::{parse_number, Number};
use super::super::tokens::{Span, TokenKind as T};
use super::{PResult, Parser};

/// Binary operator and its precedence (higher binds tighter).
#[inline]
fn binop(kind: T) -> Option<(Operator, u8)> {
    Some(match kind {
        T::Vbar => (Operator::BitOr, 1),
        T::Circumflex => (Operator::BitXor, 2),
        T::Amper => (Operator::BitAnd, 3),
        T::LeftShift => (Operator::LShift, 4),
        T::RightShift => (Operator::RShift, 4),
        T::Plus => (Operator::Add, 5),
        T::Minus => (Operator::Sub, 5),
        T::Star => (Operator::Mult, 6),
        T::Slash => (Operator::Div, 6),
        T::DoubleSlash => (Operator::FloorDiv, 6),
        T::Percent => (Operator::Mod, 6),
        T::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

impl<'a, 'i> Parser<'a, 'i> {
    // ----- expression lists -----------------------------------------------

    /// `expressions: expression (',' expression)* [',']` (a Tuple when there is a comma).
    pub(crate) fn expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.expression()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(self.expr(
            ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
            self.span_from(start),
        ))
    }

    /// `star_expressions`: like `expressions` but elements may be `*x`.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.star_expression()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() && !self.at(T::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.expr(
            ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
            self.span_from(start),
        ))
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            let value = self.bitwise_or()?;
            return Ok(self.expr(
                ExprKind::Starred { value: self.alloc(value), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        self.expression()
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// `star_named_expressions` up to (not including) `close`; returns the elements.
    fn star_named_list(&mut self, first: Expr<'a>, close: T) -> PResult<Vec<Expr<'a>>> {
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(elts)
    }

    /// Can the current token begin an expression?
    pub(crate) fn starts_expression(&mut self) -> bool {
        matches!(
            self.peek(),
            T::Name
                | T::Number
                | T::String
                | T::LPar
                | T::LSqb
                | T::LBrace
                | T::Minus
                | T::Plus
                | T::Tilde
                | T::Not
                | T::Lambda
                | T::Await
                | T::None
                | T::True
                | T::False
                | T::Ellipsis
        )
    }

    // ----- named and conditional expressions ------------------------------

    /// `named_expression: NAME ':=' expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.peek() == T::Name && self.peek_at(1) == T::ColonEqual {
            let name_tok = self.bump();
            self.bump();
            let id = self.intern_name(name_tok);
            let target = self.boxed(ExprKind::Name { id, ctx: ExprContext::Store }, name_tok.span);
            let value = self.expression()?;
            return Ok(self.expr(
                ExprKind::NamedExpr { target, value: self.alloc(value) },
                self.span_from(name_tok.span.start),
            ));
        }
        let e = self.expression()?;
        if self.at(T::ColonEqual) {
            return Err(self.error(
                format!("cannot use assignment expressions with {}", targets_name(&e)),
                e.span,
            ));
        }
        Ok(e)
    }

    /// `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(crate) fn expression(&mut self) -> PResult<Expr<'a>> {
        match self.peek() {
            T::Lambda => return self.lambdef(),
            // Fast path: a lone name or number ends the expression (the common
            // case in argument lists, subscripts and assignments), so skip the
            // dozen precedence levels it would otherwise descend through.
            T::Name | T::Number
                if matches!(
                    self.peek_at(1),
                    T::Comma
                        | T::RPar
                        | T::RSqb
                        | T::RBrace
                        | T::Newline
                        | T::Equal
                        | T::Colon
                        | T::Semi
                ) =>
            {
                return self.atom();
            }
            _ => {}
        }
        self.enter()?;
        let start = self.tok().span.start;
        let body = self.disjunction()?;
        let result = if self.at(T::If) {
            self.bump();
            let test = self.disjunction()?;
            if !self.at(T::Else) {
                self.leave();
                if !self.at(T::Colon) {
                    return Err(
                        self.error("expected 'else' after 'if' expression", self.span_from(start))
                    );
                }
                return Err(self.invalid_syntax());
            }
            self.bump();
            let orelse = self.expression()?;
            Ok(self.expr(
                ExprKind::IfExp {
                    test: self.alloc(test),
                    body: self.alloc(body),
                    orelse: self.alloc(orelse),
                },
                self.span_from(start),
            ))
        } else {
            Ok(body)
        };
        self.leave();
        result
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    fn lambdef(&mut self) -> PResult<Expr<'a>> {
        let start = self.bump().span.start;
        let args = self.lambda_params()?;
        self.expect(T::Colon)?;
        self.enter()?;
        let body = self.expression();
        self.leave();
        let body = body?;
        Ok(self.expr(
            ExprKind::Lambda { args: self.alloc(args), body: self.alloc(body) },
            self.span_from(start),
        ))
    }

    /// `disjunction: conjunction ('or' conjunction)*`
    pub(crate) fn disjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.conjunction()?;
        if !self.at(T::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::Or) {
            values.push(self.conjunction()?);
        }
        Ok(self.expr(
            ExprKind::BoolOp { op: BoolOp::Or, values: self.slice(&values) },
            self.span_from(start),
        ))
    }

    /// `conjunction: inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.inversion()?;
        if !self.at(T::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::And) {
            values.push(self.inversion()?);
        }
        Ok(self.expr(
            ExprKind::BoolOp { op: BoolOp::And, values: self.slice(&values) },
            self.span_from(start),
        ))
    }

    /// `inversion: 'not' inversion | comparison`
    fn inversion(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Not) {
            let start = self.bump().span.start;
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            return Ok(self.expr(
                ExprKind::UnaryOp { op: UnaryOp::Not, operand: self.alloc(operand) },
                self.span_from(start),
            ));
        }
        self.comparison()
    }

    /// `comparison: bitwise_or (compare_op bitwise_or)*`
    fn comparison(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.peek() {
                T::EqEqual => CmpOp::Eq,
                T::NotEqual => {
                    let t = self.tok();
                    if self.text(t) == "<>" {
                        return Err(self.error("invalid syntax", t.span));
                    }
                    CmpOp::NotEq
                }
                T::Less => CmpOp::Lt,
                T::LessEqual => CmpOp::LtE,
                T::Greater => CmpOp::Gt,
                T::GreaterEqual => CmpOp::GtE,
                T::In => CmpOp::In,
                T::Is => {
                    if self.peek_at(1) == T::Not {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                T::Not if self.peek_at(1) == T::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.expr(
            ExprKind::Compare {
                left: self.alloc(left),
                ops: self.slice(&ops),
                comparators: self.slice(&comparators),
            },
            self.span_from(start),
        ))
    }

    /// `bitwise_or` and every binary level below it, by precedence climbing.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let left = self.factor()?;
        self.binary_rest(start, left, 1)
    }

    fn binary_rest(&mut self, start: u32, mut left: Expr<'a>, min_prec: u8) -> PResult<Expr<'a>> {
        while let Some((op, prec)) = binop(self.peek()) {
            if prec < min_prec {
                break;
            }
            self.bump();
            let rstart = self.tok().span.start;
            let mut right = self.factor()?;
            while let Some((_, next)) = binop(self.peek()) {
                if next <= prec {
                    break;
                }
                self.enter()?;
                let r = self.binary_rest(rstart, right, prec + 1);
                self.leave();
                right = r?;
            }
            left = self.expr(
                ExprKind::BinOp { left: self.alloc(left), op, right: self.alloc(right) },
                self.span_from(start),
            );
        }
        Ok(left)
    }

    /// `factor: ('+' | '-' | '~') factor | power`
    fn factor(&mut self) -> PResult<Expr<'a>> {
        let op = match self.peek() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().span.start;
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(self.expr(ExprKind::UnaryOp { op, operand: self.alloc(operand) }, self.span_from(start)))
    }

    /// `power: await_primary ['**' factor]`
    fn power(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let base = self.await_primary()?;
        if !self.at(T::DoubleStar) {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exp = self.factor();
        self.leave();
        let exp = exp?;
        Ok(self.expr(
            ExprKind::BinOp { left: self.alloc(base), op: Operator::Pow, right: self.alloc(exp) },
            self.span_from(start),
        ))
    }

    /// `await_primary: 'await' primary | primary`
    fn await_primary(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Await) {
            let start = self.bump().span.start;
            self.enter()?;
            let value = self.primary();
            self.leave();
            let value = value?;
            return Ok(
                self.expr(ExprKind::Await { value: self.alloc(value) }, self.span_from(start))
            );
        }
        self.primary()
    }

    // ----- primaries --------------------------------------------------------

    /// `primary: atom ('.' NAME | genexp | '(' arguments ')' | '[' slices ']')*`
    pub(crate) fn primary(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let mut e = self.atom()?;
        loop {
            match self.peek() {
                T::Dot => {
                    self.bump();
                    let (attr, _) = self.name_token()?;
                    e = self.expr(
                        ExprKind::Attribute { value: self.alloc(e), attr, ctx: ExprContext::Load },
                        self.span_from(start),
                    );
                }
                T::LPar => {
                    let (args, keywords) = self.call_arguments()?;
                    e = self.expr(
                        ExprKind::Call { func: self.alloc(e), args, keywords },
                        self.span_from(start),
                    );
                }
                T::LSqb => {
                    self.bump();
                    let slice = self.slices()?;
                    self.expect(T::RSqb)?;
                    e = self.expr(
                        ExprKind::Subscript {
                            value: self.alloc(e),
                            slice: self.alloc(slice),
                            ctx: ExprContext::Load,
                        },
                        self.span_from(start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    fn slices(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.slice_item()?;
        if !self.at(T::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                // `a[*b]` is a one-element tuple of slices.
                return Ok(self.expr(
                    ExprKind::Tuple { elts: self.slice(&[first]), ctx: ExprContext::Load },
                    self.span_from(start),
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::RSqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.expr(
            ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
            self.span_from(start),
        ))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    /// (or a `starred_expression` inside a tuple of slices).
    fn slice_item(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        if self.at(T::Star) {
            self.bump();
            let value = self.expression()?;
            return Ok(self.expr(
                ExprKind::Starred { value: self.alloc(value), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        let lower = if self.at(T::Colon) { None } else { Some(self.named_expression()?) };
        if !self.at(T::Colon) {
            return Ok(lower.unwrap());
        }
        self.bump();
        let upper = if matches!(self.peek(), T::Colon | T::Comma | T::RSqb) {
            None
        } else {
            Some(self.expression()?)
        };
        let mut step = None;
        if self.eat(T::Colon) && !matches!(self.peek(), T::Comma | T::RSqb) {
            step = Some(self.expression()?);
        }
        Ok(self.expr(
            ExprKind::Slice {
                lower: lower.map(|e| self.alloc(e)),
                upper: upper.map(|e| self.alloc(e)),
                step: step.map(|e| self.alloc(e)),
            },
            self.span_from(start),
        ))
    }

    /// The arguments of a call, from `(` to `)` inclusive.
    #[allow(clippy::type_complexity)]
    pub(crate) fn call_arguments(&mut self) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        self.call_arguments_of(true)
    }

    /// Arguments of a call (`genexp` allowed as the sole argument) or of a
    /// class definition's bases (not allowed).
    #[allow(clippy::type_complexity)]
    pub(crate) fn call_arguments_of(
        &mut self,
        genexp: bool,
    ) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        let open = self.expect(T::LPar)?;
        let mut args: Vec<Expr<'a>> = Vec::new();
        let mut keywords: Vec<Keyword<'a>> = Vec::new();
        let mut seen_double_star = false;
        let mut count = 0usize;
        let mut last_arg: Option<Expr<'a>> = None;
        while !self.at(T::RPar) {
            count += 1;
            let start = self.tok().span.start;
            match self.peek() {
                T::Star => {
                    let star = self.bump();
                    if seen_double_star {
                        return Err(self.error(
                            "iterable argument unpacking follows keyword argument unpacking",
                            star.span,
                        ));
                    }
                    let value = self.expression()?;
                    args.push(self.expr(
                        ExprKind::Starred { value: self.alloc(value), ctx: ExprContext::Load },
                        self.span_from(start),
                    ));
                }
                T::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    seen_double_star = true;
                    keywords.push(Keyword { arg: None, value, span: self.span_from(start) });
                }
                T::Name if self.peek_at(1) == T::Equal => {
                    let name = self.bump();
                    let eq = self.bump();
                    let arg = self.intern_name(name);
                    if !self.starts_expression() && !self.at(T::Lambda) {
                        return Err(self.invalid_syntax());
                    }
                    let value = self.expression()?;
                    if self.at(T::For) || (self.at(T::Async) && self.peek_at(1) == T::For) {
                        return Err(self.error(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            Span::new(name.span.start, eq.span.end),
                        ));
                    }
                    keywords.push(Keyword { arg: Some(arg), value, span: self.span_from(start) });
                }
                T::True | T::False | T::None if self.peek_at(1) == T::Equal => {
                    let kw = self.bump();
                    let eq = self.bump();
                    return Err(self.error(
                        format!("cannot assign to {}", kw.kind.text()),
                        Span::new(kw.span.start, eq.span.end),
                    ));
                }
                _ => {
                    let value = self.named_expression()?;
                    if self.at(T::For) || (self.at(T::Async) && self.peek_at(1) == T::For) {
                        if !genexp {
                            return Err(self.invalid_syntax());
                        }
                        let generators = self.for_if_clauses()?;
                        let genexp_end = self.prev_end();
                        if count == 1 && self.at(T::RPar) {
                            let close = self.bump();
                            let g = self.expr(
                                ExprKind::GeneratorExp { elt: self.alloc(value), generators },
                                Span::new(open.span.start, close.span.end),
                            );
                            return Ok((self.slice(&[g]), &[]));
                        }
                        return Err(self.error(
                            "Generator expression must be parenthesized",
                            Span::new(value.span.start, genexp_end),
                        ));
                    }
                    if self.at(T::Equal) {
                        let eq = self.tok();
                        return Err(self.error(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            Span::new(value.span.start, eq.span.end),
                        ));
                    }
                    if !keywords.is_empty() {
                        let msg = if seen_double_star {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        let at = self.tok();
                        return Err(self.error_at_token(at, msg));
                    }
                    args.push(value);
                }
            }
            last_arg = match (args.last(), keywords.last()) {
                (Some(a), Some(k)) => Some(if a.span.start > k.span.start { *a } else { k.value }),
                (Some(a), None) => Some(*a),
                (None, Some(k)) => Some(k.value),
                (None, None) => None,
            };
            if !self.eat(T::Comma) {
                break;
            }
        }
        if !self.at(T::RPar) {
            let last = last_arg.as_ref();
            return Err(self.comma_hint_or_invalid(last));
        }
        self.bump();
        Ok((self.slice(&args), self.slice(&keywords)))
    }

    /// `invalid syntax. Perhaps you forgot a comma?` when the expression `a`
    /// and another stand side by side inside brackets (CPython's
    /// `invalid_expression`), else the generic error.
    pub(crate) fn comma_hint_or_invalid(
        &mut self,
        a: Option<&Expr<'a>>,
    ) -> super::super::error::SyntaxError {
        let Some(a) = a else { return self.invalid_syntax() };
        if !self.starts_expression() || self.at(T::Not) {
            return self.invalid_syntax();
        }
        if let ExprKind::Name { id, .. } = a.kind {
            let name = self.interner.resolve(id);
            if matches!(name, "print" | "exec" | "match" | "case" | "_") || self.at(T::String) {
                return self.invalid_syntax();
            }
        }
        if !is_disjunction_level(a) {
            return self.invalid_syntax();
        }
        let mark = self.mark();
        let furthest = self.furthest;
        let b = self.expression();
        self.reset(mark);
        match b {
            Ok(b) => {
                self.furthest = furthest;
                self.error(
                    "invalid syntax. Perhaps you forgot a comma?",
                    Span::new(a.span.start, b.span.end),
                )
            }
            Err(_) => {
                self.furthest = furthest;
                self.invalid_syntax()
            }
        }
    }

    // ----- atoms --------------------------------------------------------------

    pub(crate) fn atom(&mut self) -> PResult<Expr<'a>> {
        let t = self.tok();
        match self.peek() {
            T::Name => {
                self.bump();
                let id = self.intern_name(t);
                Ok(self.expr(ExprKind::Name { id, ctx: ExprContext::Load }, t.span))
            }
            T::Number => {
                self.bump();
                let value = match parse_number(self.text(t)) {
                    Number::Int(i) => Constant::Int(i),
                    Number::BigInt(s) => Constant::BigInt(self.arena.alloc_str(&s)),
                    Number::Float(f) => Constant::Float(f),
                    Number::Imaginary(f) => Constant::Complex { real: 0.0, imag: f },
                };
                Ok(self.expr(ExprKind::Constant { value, kind: None }, t.span))
            }
            T::String => self.strings(),
            T::None => {
                self.bump();
                Ok(self.expr(ExprKind::Constant { value: Constant::None, kind: None }, t.span))
            }
            T::True => {
                self.bump();
                Ok(self
                    .expr(ExprKind::Constant { value: Constant::Bool(true), kind: None }, t.span))
            }
            T::False => {
                self.bump();
                Ok(self
                    .expr(ExprKind::Constant { value: Constant::Bool(false), kind: None }, t.span))
            }
            T::Ellipsis => {
                self.bump();
                Ok(self.expr(ExprKind::Constant { value: Constant::Ellipsis, kind: None }, t.span))
            }
            T::LPar => {
                self.enter()?;
                let r = self.paren_atom();
                self.leave();
                r
            }
            T::LSqb => {
                self.enter()?;
                let r = self.list_atom();
                self.leave();
                r
            }
            T::LBrace => {
                self.enter()?;
                let r = self.brace_atom();
                self.leave();
                r
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `tuple | group | genexp`
    fn paren_atom(&mut self) -> PResult<Expr<'a>> {
        let open = self.bump();
        let start = open.span.start;
        if self.at(T::RPar) {
            self.bump();
            return Ok(self.expr(
                ExprKind::Tuple { elts: &[], ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        if self.at(T::Yield) {
            let e = self.yield_expr()?;
            self.expect(T::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        match self.peek() {
            T::RPar => {
                self.bump();
                if let ExprKind::Starred { .. } = first.kind {
                    return Err(self.error("cannot use starred expression here", first.span));
                }
                Ok(first)
            }
            T::Comma => {
                let elts = self.star_named_list(first, T::RPar)?;
                if !self.at(T::RPar) {
                    return Err(self.comma_hint_or_invalid(elts.last()));
                }
                self.bump();
                Ok(self.expr(
                    ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
                    self.span_from(start),
                ))
            }
            T::For | T::Async => {
                if let ExprKind::Starred { .. } = first.kind {
                    return Err(self
                        .error("iterable unpacking cannot be used in comprehension", first.span));
                }
                let generators = self.for_if_clauses()?;
                self.expect(T::RPar)?;
                Ok(self.expr(
                    ExprKind::GeneratorExp { elt: self.alloc(first), generators },
                    self.span_from(start),
                ))
            }
            _ => Err(self.comma_hint_or_invalid(Some(&first))),
        }
    }

    /// `list | listcomp`
    fn list_atom(&mut self) -> PResult<Expr<'a>> {
        let start = self.bump().span.start;
        if self.at(T::RSqb) {
            self.bump();
            return Ok(self.expr(
                ExprKind::List { elts: &[], ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        let first = self.star_named_expression()?;
        if self.at(T::For) || self.at(T::Async) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(
                    self.error("iterable unpacking cannot be used in comprehension", first.span)
                );
            }
            let generators = self.for_if_clauses()?;
            self.expect(T::RSqb)?;
            return Ok(self.expr(
                ExprKind::ListComp { elt: self.alloc(first), generators },
                self.span_from(start),
            ));
        }
        let elts = self.star_named_list(first, T::RSqb)?;
        if !self.at(T::RSqb) {
            return Err(self.comma_hint_or_invalid(elts.last()));
        }
        self.bump();
        Ok(self.expr(
            ExprKind::List { elts: self.slice(&elts), ctx: ExprContext::Load },
            self.span_from(start),
        ))
    }

    /// `dict | set | dictcomp | setcomp`
    fn brace_atom(&mut self) -> PResult<Expr<'a>> {
        let start = self.bump().span.start;
        if self.at(T::RBrace) {
            self.bump();
            return Ok(self.expr(ExprKind::Dict { keys: &[], values: &[] }, self.span_from(start)));
        }
        // A dict starting with `**mapping`.
        if self.at(T::DoubleStar) {
            return self.dict_rest(start, Vec::new(), Vec::new());
        }
        let first = self.star_named_expression()?;
        if self.at(T::Colon) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(
                    self.error("cannot use a starred expression in a dictionary value", first.span)
                );
            }
            let value = self.dict_value()?;
            if self.at(T::For) || self.at(T::Async) {
                let generators = self.for_if_clauses()?;
                self.expect(T::RBrace)?;
                return Ok(self.expr(
                    ExprKind::DictComp {
                        key: self.alloc(first),
                        value: self.alloc(value),
                        generators,
                    },
                    self.span_from(start),
                ));
            }
            return self.dict_rest(start, vec![Some(first)], vec![value]);
        }
        if self.at(T::For) || self.at(T::Async) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(
                    self.error("iterable unpacking cannot be used in comprehension", first.span)
                );
            }
            let generators = self.for_if_clauses()?;
            self.expect(T::RBrace)?;
            return Ok(self.expr(
                ExprKind::SetComp { elt: self.alloc(first), generators },
                self.span_from(start),
            ));
        }
        let elts = self.star_named_list(first, T::RBrace)?;
        if !self.at(T::RBrace) {
            return Err(self.comma_hint_or_invalid(elts.last()));
        }
        self.bump();
        Ok(self.expr(ExprKind::Set { elts: self.slice(&elts) }, self.span_from(start)))
    }

    /// The rest of a dict display after its first entry (or right after `{`
    /// when it starts with `**`).
    fn dict_rest(
        &mut self,
        start: u32,
        mut keys: Vec<Option<Expr<'a>>>,
        mut values: Vec<Expr<'a>>,
    ) -> PResult<Expr<'a>> {
        let need_comma = !keys.is_empty();
        if need_comma && !self.eat(T::Comma) {
            if self.at(T::RBrace) {
                self.bump();
                return Ok(self.expr(
                    ExprKind::Dict { keys: self.slice(&keys), values: self.slice(&values) },
                    self.span_from(start),
                ));
            }
            if self.at(T::For) || self.at(T::Async) {
                return Err(self.invalid_syntax());
            }
            return Err(self.comma_hint_or_invalid(values.last()));
        }
        loop {
            if self.at(T::RBrace) {
                break;
            }
            if self.at(T::DoubleStar) {
                let dstar = self.bump();
                let value = self.bitwise_or()?;
                if self.at(T::For) || self.at(T::Async) {
                    return Err(self
                        .error("dict unpacking cannot be used in dict comprehension", dstar.span));
                }
                keys.push(None);
                values.push(value);
            } else {
                let key = self.expression()?;
                if !self.at(T::Colon) {
                    if self.at(T::Comma) || self.at(T::RBrace) {
                        // CPython points at the key's last character.
                        let last = self.src[..key.span.end as usize]
                            .chars()
                            .next_back()
                            .map_or(1, char::len_utf8);
                        let at = key.span.end - last as u32;
                        return Err(
                            self.error("':' expected after dictionary key", Span::new(at, at))
                        );
                    }
                    return Err(self.invalid_syntax());
                }
                let value = self.dict_value()?;
                keys.push(Some(key));
                values.push(value);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        if !self.at(T::RBrace) {
            return Err(self.comma_hint_or_invalid(values.last()));
        }
        self.bump();
        Ok(self.expr(
            ExprKind::Dict { keys: self.slice(&keys), values: self.slice(&values) },
            self.span_from(start),
        ))
    }

    /// The value of a dict entry, after `key` (at the `:`).
    fn dict_value(&mut self) -> PResult<Expr<'a>> {
        let colon = self.expect(T::Colon)?;
        if self.at(T::RBrace) || self.at(T::Comma) {
            return Err(self.error("expression expected after dictionary key and ':'", colon.span));
        }
        if self.at(T::Star) {
            let start = self.tok().span.start;
            let _ = self.star_expression()?;
            return Err(self.error(
                "cannot use a starred expression in a dictionary value",
                self.span_from(start),
            ));
        }
        self.expression()
    }

    /// `for_if_clauses: ([ASYNC] 'for' star_targets 'in' disjunction ('if' disjunction)*)+`
    pub(crate) fn for_if_clauses(&mut self) -> PResult<&'a [Comprehension<'a>]> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.at(T::Async) && self.peek_at(1) == T::For {
                self.bump();
                true
            } else {
                false
            };
            if !self.eat(T::For) {
                if is_async {
                    return Err(self.invalid_syntax());
                }
                break;
            }
            let target = self.star_targets_until_in()?;
            if !self.at(T::In) {
                return Err(self.invalid_syntax());
            }
            self.bump();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.at(T::If) {
                self.bump();
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs: self.slice(&ifs), is_async });
            if !(self.at(T::For) || (self.at(T::Async) && self.peek_at(1) == T::For)) {
                break;
            }
        }
        Ok(self.slice(&gens))
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr<'a>> {
        let start = self.expect(T::Yield)?.span.start;
        if self.eat(T::From) {
            let value = self.expression()?;
            return Ok(
                self.expr(ExprKind::YieldFrom { value: self.alloc(value) }, self.span_from(start))
            );
        }
        let value = if self.starts_expression() || self.at(T::Star) {
            Some(self.star_expressions()?)
        } else {
            None
        };
        Ok(self
            .expr(ExprKind::Yield { value: value.map(|v| self.alloc(v)) }, self.span_from(start)))
    }
}

/// Could the `disjunction` rule alone have produced `e`?
fn is_disjunction_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred { .. }
            | ExprKind::NamedExpr { .. }
    )
}

/// How CPython names an expression in "cannot assign to X" style messages
/// (`_PyPegen_get_expr_name`).
pub(crate) fn targets_name(e: &Expr) -> &'static str {
    match e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
