//! Statements and blocks (CPython 3.11 grammar, "Statements" sections):
//! simple statements and assignments, `if`/`while`/`for`/`with`/`try`,
//! function and class definitions with decorators, `match`, imports, and the
//! indentation errors of blocks.

use super::super::ast::*;
use super::super::error::SyntaxError;
use super::super::tokens::{Span, TokenKind as T};
use super::expr::targets_name;
use super::{line_of, PResult, Parser};

impl<'a, 'i> Parser<'a, 'i> {
    /// `statement: compound_stmt | simple_stmts`, appended to `out`.
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        match self.peek() {
            T::Def | T::If | T::Class | T::With | T::For | T::Try | T::While | T::At => {
                let s = self.compound_stmt()?;
                out.push(s);
                Ok(())
            }
            T::Async if matches!(self.peek_at(1), T::Def | T::For | T::With) => {
                let s = self.compound_stmt()?;
                out.push(s);
                Ok(())
            }
            T::Name if self.at_name("match") => {
                let mark = self.mark();
                let missing_colon = match self.match_stmt() {
                    Ok(Some(s)) => {
                        out.push(s);
                        return Ok(());
                    }
                    Ok(None) => None,
                    Err(e) if e.msg == "expected ':'" && self.peek() == T::Newline => Some(e),
                    Err(e) => return Err(e),
                };
                self.reset(mark);
                // `match x` without a colon is only reported as such when the
                // line is not a valid statement either (CPython's second pass).
                match self.simple_stmts(out) {
                    Err(e) => Err(missing_colon.unwrap_or(e)),
                    ok => ok,
                }
            }
            T::Indent => Err(self.indent_error()),
            _ => self.simple_stmts(out),
        }
    }

    fn indent_error(&mut self) -> SyntaxError {
        let t = self.tok();
        SyntaxError::indentation("unexpected indent", t.span)
    }

    fn compound_stmt(&mut self) -> PResult<Stmt<'a>> {
        self.enter()?;
        let r = match self.peek() {
            T::Def => self.function_def(&[], false),
            T::At => self.decorated(),
            T::Class => self.class_def(&[]),
            T::If => self.if_stmt(),
            T::While => self.while_stmt(),
            T::For => self.for_stmt(false),
            T::With => self.with_stmt(false),
            T::Try => self.try_stmt(),
            T::Async => {
                let start = self.bump().span.start;
                let r = match self.peek() {
                    T::Def => self.function_def(&[], true),
                    T::For => self.for_stmt(true),
                    _ => self.with_stmt(true),
                };
                r.map(|mut s| {
                    s.span.start = start;
                    s
                })
            }
            _ => Err(self.invalid_syntax()),
        };
        self.leave();
        r
    }

    // ----- blocks --------------------------------------------------------

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`.
    /// `after` names the statement for "expected an indented block after ...".
    fn block(&mut self, after: &str, at: u32) -> PResult<&'a [Stmt<'a>]> {
        let mut body = Vec::new();
        if self.at(T::Newline) {
            self.bump();
            if !self.at(T::Indent) {
                let t = self.tok();
                if t.kind == T::ErrorToken {
                    return Err(self.invalid_syntax());
                }
                let line = line_of(self.src, at);
                return Err(SyntaxError::indentation(
                    format!("expected an indented block after {after} on line {line}"),
                    t.span,
                ));
            }
            self.bump();
            while !self.at(T::Dedent) {
                if self.at(T::EndMarker) {
                    break;
                }
                self.statement(&mut body)?;
            }
            self.eat(T::Dedent);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(self.slice(&body))
    }

    /// `:` then an optional TYPE_COMMENT, then the block.
    fn colon_block(&mut self, after: &str, at: u32) -> PResult<&'a [Stmt<'a>]> {
        // CPython 3.11 forces the colon (`&&':'`) after `try`, `finally`,
        // `else` (and `def`); elsewhere "expected ':'" only before a newline.
        if matches!(after, "'try' statement" | "'finally' statement" | "'else' statement") {
            self.expect_forced(T::Colon)?;
        } else {
            self.expect_colon()?;
        }
        self.block(after, at)
    }

    /// Where a block's statement starts; its line number is only computed
    /// for an error message (scanning the source is too slow to do eagerly).
    /// `:` ending a compound statement header: "expected ':'" when the line
    /// ends instead (CPython's `invalid_*_stmt` rules), else invalid syntax.
    fn expect_colon(&mut self) -> PResult<()> {
        match self.peek() {
            T::Colon => {
                self.bump();
                Ok(())
            }
            T::Newline => {
                let t = self.tok();
                Err(self.error_at_token(t, "expected ':'"))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    fn line(&self, offset: u32) -> u32 {
        offset
    }

    // ----- simple statements -----------------------------------------------

    /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat(T::Semi) {
                if self.at(T::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !self.at(T::Newline) {
            return Err(self.invalid_syntax());
        }
        self.bump();
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt<'a>> {
        let t = self.tok();
        let start = t.span.start;
        let kind = match t.kind {
            T::Pass => {
                self.bump();
                StmtKind::Pass
            }
            T::Break => {
                self.bump();
                StmtKind::Break
            }
            T::Continue => {
                self.bump();
                StmtKind::Continue
            }
            T::Return => {
                self.bump();
                let value = if self.starts_expression() || self.at(T::Star) {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return { value: value.map(|v| self.alloc(v)) }
            }
            T::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expression() {
                    exc = Some({
                        let v = self.expression()?;
                        self.alloc(v)
                    });
                    if self.eat(T::From) {
                        cause = Some({
                            let v = self.expression()?;
                            self.alloc(v)
                        });
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            T::Global | T::Nonlocal => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let (n, _) = self.name_token()?;
                    names.push(n);
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                let names = self.slice(&names);
                if t.kind == T::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            T::Del => {
                self.bump();
                self.del_stmt()?
            }
            T::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(T::Comma) {
                    Some({
                        let v = self.expression()?;
                        self.alloc(v)
                    })
                } else {
                    None
                };
                StmtKind::Assert { test: self.alloc(test), msg }
            }
            T::Import => {
                self.bump();
                self.import_name()?
            }
            T::From => {
                self.bump();
                self.import_from()?
            }
            _ => return self.expr_or_assign_stmt(),
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE)`
    fn del_stmt(&mut self) -> PResult<StmtKind<'a>> {
        let mut targets = Vec::new();
        loop {
            let e = if self.at(T::Star) { self.star_expression()? } else { self.expression()? };
            targets.push(self.to_target(&e, ExprContext::Del)?);
            if !self.eat(T::Comma) {
                break;
            }
            if matches!(self.peek(), T::Semi | T::Newline) {
                break;
            }
        }
        if !matches!(self.peek(), T::Semi | T::Newline) {
            return Err(self.invalid_syntax());
        }
        Ok(StmtKind::Delete { targets: self.slice(&targets) })
    }

    /// `dotted_name: NAME ('.' NAME)*` as one interned identifier.
    fn dotted_name(&mut self) -> PResult<(crate::syntax::intern::Symbol, Span)> {
        let (first, span) = self.name_token()?;
        if !self.at(T::Dot) {
            return Ok((first, span));
        }
        let mut s = String::from(self.interner.resolve(first));
        while self.eat(T::Dot) {
            let (n, _) = self.name_token()?;
            s.push('.');
            s.push_str(self.interner.resolve(n));
        }
        Ok((self.intern_str(&s), self.span_from(span.start)))
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> PResult<StmtKind<'a>> {
        let mut names = Vec::new();
        loop {
            let start = self.tok().span.start;
            let (name, _) = self.dotted_name()?;
            let asname = if self.eat(T::As) { Some(self.name_token()?.0) } else { None };
            names.push(Alias { name, asname, span: self.span_from(start) });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names: self.slice(&names) })
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets`
    fn import_from(&mut self) -> PResult<StmtKind<'a>> {
        let mut level = 0u32;
        loop {
            match self.peek() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module =
            if level > 0 && self.at(T::Import) { None } else { Some(self.dotted_name()?.0) };
        self.expect(T::Import)?;
        let mut names = Vec::new();
        if self.at(T::Star) {
            let t = self.bump();
            let star = self.interner.intern("*");
            names.push(Alias { name: star, asname: None, span: t.span });
        } else {
            let paren = self.eat(T::LPar);
            loop {
                let start = self.tok().span.start;
                let (name, _) = self.name_token()?;
                let asname = if self.eat(T::As) { Some(self.name_token()?.0) } else { None };
                names.push(Alias { name, asname, span: self.span_from(start) });
                if !self.eat(T::Comma) {
                    break;
                }
                if paren && self.at(T::RPar) {
                    break;
                }
                if !paren && matches!(self.peek(), T::Newline | T::Semi) {
                    let t = self.tok();
                    return Err(self.error(
                        "trailing comma not allowed without surrounding parentheses",
                        t.span,
                    ));
                }
            }
            if paren {
                self.expect(T::RPar)?;
            }
        }
        Ok(StmtKind::ImportFrom { module, names: self.slice(&names), level })
    }

    /// Expression statements and every form of assignment.
    fn expr_or_assign_stmt(&mut self) -> PResult<Stmt<'a>> {
        let first_tok = self.tok();
        let start = first_tok.span.start;
        let first = if self.at(T::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        match self.peek() {
            T::Equal => self.assignment(start, first),
            T::Colon => self.annotated_assignment(start, first_tok.kind == T::LPar, first),
            k => {
                if let Some(op) = augassign(k) {
                    let op_tok = self.bump();
                    let target = match first.kind {
                        ExprKind::Name { .. }
                        | ExprKind::Attribute { .. }
                        | ExprKind::Subscript { .. } => {
                            self.to_target(&first, ExprContext::Store)?
                        }
                        _ => {
                            return Err(self.error(
                                format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    targets_name(&first)
                                ),
                                first.span,
                            ))
                        }
                    };
                    let _ = op_tok;
                    let value = if self.at(T::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    return Ok(Stmt {
                        kind: StmtKind::AugAssign {
                            target: self.alloc(target),
                            op,
                            value: self.alloc(value),
                        },
                        span: self.span_from(start),
                    });
                }
                // `print "x"` and `exec "code"`: the Python 2 statements.
                if let ExprKind::Name { id, .. } = first.kind {
                    let name = self.interner.resolve(id);
                    if (name == "print" || name == "exec")
                        && self.starts_expression()
                        && !self.at(T::LPar)
                    {
                        let mark = self.mark();
                        if let Ok(b) = self.star_expressions() {
                            return Err(self.error(
                                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                                Span::new(first.span.start, b.span.end),
                            ));
                        }
                        self.reset(mark);
                    }
                }
                if self.starts_expression() && !matches!(self.peek(), T::Not) {
                    // Two expressions side by side at statement level.
                }
                Ok(Stmt {
                    kind: StmtKind::Expr { value: self.alloc(first) },
                    span: self.span_from(start),
                })
            }
        }
    }

    fn assignment(&mut self, start: u32, first: Expr<'a>) -> PResult<Stmt<'a>> {
        let mut pending = first;
        let mut pending_parenthesized = first.span.start != start;
        let mut targets = Vec::new();
        let mut index = 0usize;
        while self.at(T::Equal) {
            let eq = self.bump();
            if let ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } = pending.kind {
                if !pending_parenthesized {
                    return Err(
                        self.error("assignment to yield expression not possible", pending.span)
                    );
                }
            }
            let value_start = self.tok().span.start;
            let next = if self.at(T::Yield) { self.yield_expr() } else { self.star_expressions() };
            match self.to_target(&pending, ExprContext::Store) {
                Ok(t) => targets.push(t),
                Err(e) => {
                    return Err(self.assign_target_error(
                        e,
                        &pending,
                        index,
                        eq.span,
                        value_start,
                        next.ok(),
                    ));
                }
            }
            pending = next?;
            pending_parenthesized = pending.span.start != value_start;
            index += 1;
        }
        let type_comment = if self.at(T::TypeComment) {
            let t = self.bump();
            Some(self.text(t))
        } else {
            None
        };
        let end = self.prev_end();
        Ok(Stmt {
            kind: StmtKind::Assign {
                targets: self.slice(&targets),
                value: self.alloc(pending),
                type_comment,
            },
            span: Span::new(start, end),
        })
    }

    /// CPython's choice between "cannot assign to X" and the
    /// `invalid_named_expression` hint "cannot assign to X here. Maybe you
    /// meant '==' instead of '='?" for the first target of an assignment.
    fn assign_target_error(
        &mut self,
        plain: SyntaxError,
        target: &Expr<'a>,
        index: usize,
        eq: Span,
        _value_start: u32,
        value: Option<Expr<'a>>,
    ) -> SyntaxError {
        if index != 0 {
            return plain;
        }
        let followed_ok = !matches!(self.peek(), T::Equal | T::ColonEqual);
        let value_is_simple = value.map(|v| is_bitwise_or_level(&v)).unwrap_or(false);
        if !(followed_ok && value_is_simple) {
            return plain;
        }
        // The offending expression must be the one right before `=`.
        let bad = last_invalid_elt(target);
        if let Some(bad) = bad {
            if bad.span.end <= eq.start
                && is_bitwise_or_level(bad)
                && !matches!(
                    bad.kind,
                    ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. }
                )
                && !matches!(
                    bad.kind,
                    ExprKind::Constant { value: Constant::Bool(_) | Constant::None, .. }
                )
                && self.src[bad.span.end as usize..eq.start as usize].trim().is_empty()
            {
                return self.error(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        targets_name(bad)
                    ),
                    bad.span,
                );
            }
        }
        plain
    }

    fn annotated_assignment(
        &mut self,
        start: u32,
        parenthesized: bool,
        target: Expr<'a>,
    ) -> PResult<Stmt<'a>> {
        let simple = match target.kind {
            ExprKind::Name { .. } => !parenthesized,
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
            ExprKind::Tuple { .. } => {
                return Err(
                    self.error("only single target (not tuple) can be annotated", target.span)
                );
            }
            ExprKind::List { .. } => {
                return Err(
                    self.error("only single target (not list) can be annotated", target.span)
                );
            }
            _ => return Err(self.error("illegal target for annotation", target.span)),
        };
        self.bump();
        let annotation = self.expression()?;
        let value = if self.eat(T::Equal) {
            Some(if self.at(T::Yield) { self.yield_expr()? } else { self.star_expressions()? })
        } else {
            None
        };
        let target = self.to_target(&target, ExprContext::Store)?;
        Ok(Stmt {
            kind: StmtKind::AnnAssign {
                target: self.alloc(target),
                annotation: self.alloc(annotation),
                value: value.map(|v| self.alloc(v)),
                simple,
            },
            span: self.span_from(start),
        })
    }

    // ----- compound statements ---------------------------------------------

    /// `decorators (class_def_raw | function_def_raw)`
    fn decorated(&mut self) -> PResult<Stmt<'a>> {
        let mut decorators = Vec::new();
        while self.eat(T::At) {
            decorators.push(self.named_expression()?);
            self.expect(T::Newline)?;
        }
        let decorators = self.slice(&decorators);
        match self.peek() {
            T::Def => self.function_def(decorators, false),
            T::Class => self.class_def(decorators),
            T::Async if self.peek_at(1) == T::Def => {
                let start = self.bump().span.start;
                let mut s = self.function_def(decorators, true)?;
                s.span.start = start;
                Ok(s)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `function_def_raw: 'def' NAME '(' [params] ')' ['->' expression] ':' [func_type_comment] block`
    fn function_def(
        &mut self,
        decorator_list: &'a [Expr<'a>],
        is_async: bool,
    ) -> PResult<Stmt<'a>> {
        let def = self.expect(T::Def)?;
        let (name, _) = self.name_token()?;
        let args = self.def_params()?;
        let returns = if self.eat(T::Arrow) {
            Some({
                let v = self.expression()?;
                self.alloc(v)
            })
        } else {
            None
        };
        self.expect_forced(T::Colon)?;
        let mut type_comment = None;
        if self.at(T::TypeComment) {
            type_comment = Some({
                let t = self.bump();
                self.text(t)
            });
        } else if self.at(T::Newline)
            && self.peek_at(1) == T::TypeComment
            && self.peek_at(2) == T::Newline
        {
            self.bump();
            type_comment = Some({
                let t = self.bump();
                self.text(t)
            });
        }
        let was = self.in_function;
        self.in_function = true;
        let body = self.block("function definition", self.line(def.span.start));
        self.in_function = was;
        let body = body?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef {
                is_async,
                name,
                args: self.alloc(args),
                body,
                decorator_list,
                returns,
                type_comment,
            },
            span: Span::new(def.span.start, self.prev_end()),
        })
    }

    /// `class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def(&mut self, decorator_list: &'a [Expr<'a>]) -> PResult<Stmt<'a>> {
        let class = self.expect(T::Class)?;
        let (name, _) = self.name_token()?;
        let (bases, keywords) =
            if self.at(T::LPar) { self.call_arguments_of(false)? } else { (&[][..], &[][..]) };
        let body = self.colon_block("class definition", self.line(class.span.start))?;
        Ok(Stmt {
            kind: StmtKind::ClassDef { name, bases, keywords, body, decorator_list },
            span: Span::new(class.span.start, self.prev_end()),
        })
    }

    /// `if_stmt` / `elif_stmt`
    fn if_stmt(&mut self) -> PResult<Stmt<'a>> {
        let kw = self.bump();
        let what = if kw.kind == T::If { "'if' statement" } else { "'elif' statement" };
        let test = self.named_expression_cond()?;
        let body = self.colon_block(what, self.line(kw.span.start))?;
        let mut end = self.prev_end();
        let orelse: &'a [Stmt<'a>] = if self.at(T::Elif) {
            let s = self.if_stmt()?;
            end = s.span.end;
            self.slice(&[s])
        } else if self.at(T::Else) {
            let e = self.bump();
            let b = self.colon_block("'else' statement", self.line(e.span.start))?;
            end = self.prev_end();
            b
        } else {
            &[]
        };
        Ok(Stmt {
            kind: StmtKind::If { test: self.alloc(test), body, orelse },
            span: Span::new(kw.span.start, end),
        })
    }

    /// A condition (`named_expression`), with CPython's `if x = 1:` hints.
    fn named_expression_cond(&mut self) -> PResult<Expr<'a>> {
        let e = self.named_expression()?;
        if self.at(T::Equal) {
            return Err(self.assignment_in_condition(&e));
        }
        Ok(e)
    }

    /// `invalid_named_expression`: `if x = 1:` and friends.
    pub(crate) fn assignment_in_condition(&mut self, e: &Expr<'a>) -> SyntaxError {
        let mark = self.mark();
        self.bump();
        let value = self.bitwise_or();
        let followed_ok = !matches!(self.peek(), T::Equal | T::ColonEqual);
        self.reset(mark);
        let Ok(value) = value else { return self.invalid_syntax() };
        if !followed_ok {
            return self.invalid_syntax();
        }
        if let ExprKind::Name { .. } = e.kind {
            return self.error(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                Span::new(e.span.start, value.span.end),
            );
        }
        if matches!(
            e.kind,
            ExprKind::List { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant { value: Constant::Bool(_) | Constant::None, .. }
        ) || !is_bitwise_or_level(e)
        {
            return self.invalid_syntax();
        }
        self.error(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                targets_name(e)
            ),
            e.span,
        )
    }

    /// `while_stmt: 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> PResult<Stmt<'a>> {
        let kw = self.bump();
        let test = self.named_expression_cond()?;
        let body = self.colon_block("'while' statement", self.line(kw.span.start))?;
        let mut end = self.prev_end();
        let orelse = self.else_block(&mut end)?;
        Ok(Stmt {
            kind: StmtKind::While { test: self.alloc(test), body, orelse },
            span: Span::new(kw.span.start, end),
        })
    }

    fn else_block(&mut self, end: &mut u32) -> PResult<&'a [Stmt<'a>]> {
        if self.at(T::Else) {
            let e = self.bump();
            let b = self.colon_block("'else' statement", self.line(e.span.start))?;
            *end = self.prev_end();
            Ok(b)
        } else {
            Ok(&[])
        }
    }

    /// `for_stmt: 'for' star_targets 'in' star_expressions ':' [TYPE_COMMENT] block [else_block]`
    fn for_stmt(&mut self, is_async: bool) -> PResult<Stmt<'a>> {
        let kw = self.bump();
        let target = self.star_targets_until_in()?;
        self.expect(T::In)?;
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let type_comment = if self.at(T::TypeComment) {
            Some({
                let t = self.bump();
                self.text(t)
            })
        } else {
            None
        };
        let body = self.block("'for' statement", self.line(kw.span.start))?;
        let mut end = self.prev_end();
        let orelse = self.else_block(&mut end)?;
        Ok(Stmt {
            kind: StmtKind::For {
                is_async,
                target: self.alloc(target),
                iter: self.alloc(iter),
                body,
                orelse,
                type_comment,
            },
            span: Span::new(kw.span.start, end),
        })
    }

    /// `with_stmt`, parenthesized item list or not.
    fn with_stmt(&mut self, is_async: bool) -> PResult<Stmt<'a>> {
        let kw = self.bump();
        let line = self.line(kw.span.start);
        if self.at(T::LPar) {
            let mark = self.mark();
            self.bump();
            let parsed = match self.with_items(T::RPar) {
                Ok(items) => Some(items),
                // An invalid `as` target is reported whatever follows.
                Err((e, true)) => return Err(e),
                Err(_) => None,
            };
            if let Some(items) = parsed {
                if self.at(T::RPar) && self.peek_at(1) == T::Newline {
                    self.bump();
                    let t = self.tok();
                    return Err(self.error_at_token(t, "expected ':'"));
                }
                if self.at(T::RPar) && self.peek_at(1) == T::Colon {
                    self.bump();
                    let body = self.colon_block("'with' statement", line)?;
                    return Ok(Stmt {
                        kind: StmtKind::With { is_async, items, body, type_comment: None },
                        span: Span::new(kw.span.start, self.prev_end()),
                    });
                }
            }
            // The tokens looked at stay seen (CPython's first pass fetched
            // them too): a generic error is reported at the furthest.
            self.reset(mark);
        }
        let items = self.with_items(T::Colon).map_err(|(e, _)| e)?;
        self.expect_colon()?;
        let type_comment = if self.at(T::TypeComment) {
            Some({
                let t = self.bump();
                self.text(t)
            })
        } else {
            None
        };
        let body = self.block("'with' statement", line)?;
        Ok(Stmt {
            kind: StmtKind::With { is_async, items, body, type_comment },
            span: Span::new(kw.span.start, self.prev_end()),
        })
    }

    /// The items of a with statement up to `close`. An error says whether
    /// it is an invalid `as` target (CPython's `invalid_with_item`), which a
    /// parenthesized item list reports rather than trying the other form.
    fn with_items(&mut self, close: T) -> Result<&'a [WithItem<'a>], (SyntaxError, bool)> {
        let mut items = Vec::new();
        loop {
            let context_expr = self.expression().map_err(|e| (e, false))?;
            let optional_vars = if self.eat(T::As) {
                let mark = self.mark();
                let first = self.with_target();
                match first {
                    // A newline: the statement lacks its colon (CPython's
                    // `invalid_with_stmt` reports "expected ':'" there).
                    Ok(t) if matches!(self.peek(), T::Comma | T::RPar | T::Colon | T::Newline) => {
                        let t = self.to_target(&t, ExprContext::Store).map_err(|e| (e, true))?;
                        Some(self.alloc(t))
                    }
                    _ => {
                        // CPython's `invalid_with_item`: `expression 'as'
                        // expression &(',' | ')' | ':')` with no target
                        // there. Trying it does not move the generic
                        // error's position.
                        let (after, furthest) = (self.mark(), self.furthest);
                        self.reset(mark);
                        if let Ok(e) = self.expression() {
                            if matches!(self.peek(), T::Comma | T::RPar | T::Colon) {
                                if let Err(err) = self.to_target(&e, ExprContext::Store) {
                                    return Err((err, true));
                                }
                            } else if close == T::RPar {
                                // Inside the brackets, `as b c` is a missing comma.
                                let err = self.comma_hint_or_invalid(Some(&e));
                                if err.msg.starts_with("invalid syntax. Perhaps") {
                                    return Err((err, true));
                                }
                            }
                        }
                        self.reset(after);
                        self.furthest = furthest;
                        return Err(match first {
                            Err(e) => (e, false),
                            Ok(_) => (self.invalid_syntax(), false),
                        });
                    }
                }
            } else {
                None
            };
            items.push(WithItem { context_expr, optional_vars });
            if !self.eat(T::Comma) {
                break;
            }
            if close == T::RPar && self.at(T::RPar) {
                break;
            }
        }
        Ok(self.slice(&items))
    }

    /// The expression of a `star_target` after `as` in a with item (not
    /// yet checked to be a target).
    fn with_target(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        if self.at(T::Star) {
            self.bump();
            let v = self.bitwise_or()?;
            return Ok(self.expr(
                ExprKind::Starred { value: self.alloc(v), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        self.bitwise_or()
    }

    /// `try_stmt` with `except`, `except*`, `else` and `finally` blocks.
    fn try_stmt(&mut self) -> PResult<Stmt<'a>> {
        let kw = self.bump();
        let body = self.colon_block("'try' statement", self.line(kw.span.start))?;
        let mut end = self.prev_end();
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at(T::Except) {
            let ex = self.bump();
            let is_star = self.eat(T::Star);
            if let Some(prev) = star {
                if prev != is_star {
                    return Err(self.error(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        ex.span,
                    ));
                }
            }
            star = Some(is_star);
            let mut type_ = None;
            let mut name = None;
            if !self.at(T::Colon) {
                let t = self.expression()?;
                if self.at(T::Comma) {
                    // `except A, B:`
                    let mark = self.mark();
                    while self.eat(T::Comma) {
                        if self.expression().is_err() {
                            break;
                        }
                    }
                    let at_colon = self.at(T::Colon) || self.at(T::As);
                    let end_e = self.prev_end();
                    self.reset(mark);
                    if at_colon {
                        return Err(self.error(
                            "multiple exception types must be parenthesized",
                            Span::new(t.span.start, end_e),
                        ));
                    }
                    return Err(self.invalid_syntax());
                }
                type_ = Some(self.alloc(t));
                if self.eat(T::As) {
                    name = Some(self.name_token()?.0);
                }
            } else if is_star {
                let t = self.tok();
                return Err(self.error("expected one or more exception types", t.span));
            }
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.colon_block(what, self.line(ex.span.start))?;
            end = self.prev_end();
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                span: Span::new(ex.span.start, end),
            });
        }
        let orelse = if !handlers.is_empty() { self.else_block(&mut end)? } else { &[] };
        let finalbody: &'a [Stmt<'a>] = if self.at(T::Finally) {
            let f = self.bump();
            let b = self.colon_block("'finally' statement", self.line(f.span.start))?;
            end = self.prev_end();
            b
        } else {
            &[]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.tok();
            return Err(self.error("expected 'except' or 'finally' block", t.span));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                is_star: star == Some(true),
                body,
                handlers: self.slice(&handlers),
                orelse,
                finalbody,
            },
            span: Span::new(kw.span.start, end),
        })
    }

    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT`,
    /// or `None` (nothing consumed) when this `match` is an ordinary name.
    fn match_stmt(&mut self) -> PResult<Option<Stmt<'a>>> {
        let mark = self.mark();
        let furthest = self.furthest;
        let kw = self.bump();
        let subject = match self.subject_expr() {
            Ok(s) if self.at(T::Colon) => s,
            Ok(_) if self.at(T::Newline) => {
                let t = self.tok();
                return Err(self.error_at_token(t, "expected ':'"));
            }
            _ => {
                self.reset(mark);
                self.furthest = furthest;
                return Ok(None);
            }
        };
        self.bump();
        let line = self.line(kw.span.start);
        if !self.at(T::Newline) {
            return Err(self.invalid_syntax());
        }
        self.bump();
        if !self.at(T::Indent) {
            let t = self.tok();
            let line = line_of(self.src, line);
            return Err(SyntaxError::indentation(
                format!("expected an indented block after 'match' statement on line {line}"),
                t.span,
            ));
        }
        self.bump();
        let mut cases = Vec::new();
        while !self.at(T::Dedent) && !self.at(T::EndMarker) {
            if !self.at_name("case") {
                return Err(self.invalid_syntax());
            }
            let case = self.bump();
            let pattern = self.patterns()?;
            let guard = if self.eat(T::If) {
                Some({
                    let v = self.named_expression()?;
                    self.alloc(v)
                })
            } else {
                None
            };
            let body = self.colon_block("'case' statement", self.line(case.span.start))?;
            cases.push(MatchCase { pattern, guard, body });
        }
        self.eat(T::Dedent);
        let end = self.prev_end();
        Ok(Some(Stmt {
            kind: StmtKind::Match { subject: self.alloc(subject), cases: self.slice(&cases) },
            span: Span::new(kw.span.start, end),
        }))
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    fn subject_expr(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.star_named_expression()?;
        if !self.at(T::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(self.expr(
            ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
            self.span_from(start),
        ))
    }
}

fn augassign(k: T) -> Option<Operator> {
    Some(match k {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::AmperEqual => Operator::BitAnd,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::DoubleStarEqual => Operator::Pow,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

/// Is `e` something the `bitwise_or` rule alone could have produced (no
/// comparison, boolean operator, conditional, lambda or starred)?
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
    )
}

/// The last element of a target list that is not assignable (or the target itself).
fn last_invalid_elt<'e, 'a>(e: &'e Expr<'a>) -> Option<&'e Expr<'a>> {
    match &e.kind {
        ExprKind::Tuple { elts, .. } => {
            let last = elts.last()?;
            match last.kind {
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    None
                }
                _ => Some(last),
            }
        }
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        _ => Some(e),
    }
}
