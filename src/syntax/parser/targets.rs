//! Assignment and deletion targets: turning an expression parsed as a load
//! into a `Store`/`Del` target, with CPython's "cannot assign to X" /
//! "cannot delete X" errors (`_PyPegen_get_invalid_target`).
//!
//! CPython parses targets with their own grammar rules; parsing an expression
//! and converting it yields the same tree (and lets one parse serve both
//! `a, b = c` and the expression statement `a, b`).

use super::super::ast::*;
use super::super::error::SyntaxError;
use super::super::tokens::TokenKind as T;
use super::expr::targets_name;
use super::{PResult, Parser};

impl<'a, 'i> Parser<'a, 'i> {
    /// Convert `e` to a target with context `ctx` (`Store` or `Del`).
    pub(crate) fn to_target(&self, e: &Expr<'a>, ctx: ExprContext) -> PResult<Expr<'a>> {
        match self.convert_target(e, ctx) {
            Some(t) => Ok(t),
            None => Err(self.invalid_target_error(e, ctx)),
        }
    }

    fn convert_target(&self, e: &Expr<'a>, ctx: ExprContext) -> Option<Expr<'a>> {
        let kind = match e.kind {
            ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
            ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
            ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
            ExprKind::Starred { value, .. } if ctx == ExprContext::Store => {
                let inner = self.convert_target(value, ctx)?;
                ExprKind::Starred { value: self.alloc(inner), ctx }
            }
            ExprKind::Tuple { elts, .. } => {
                ExprKind::Tuple { elts: self.convert_list(elts, ctx)?, ctx }
            }
            ExprKind::List { elts, .. } => {
                ExprKind::List { elts: self.convert_list(elts, ctx)?, ctx }
            }
            _ => return None,
        };
        Some(Expr { kind, span: e.span })
    }

    fn convert_list(&self, elts: &'a [Expr<'a>], ctx: ExprContext) -> Option<&'a [Expr<'a>]> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            out.push(self.convert_target(e, ctx)?);
        }
        Some(self.slice(&out))
    }

    /// The innermost expression that is not a valid target (CPython's
    /// `_PyPegen_get_invalid_target`).
    fn invalid_target<'e>(&self, e: &'e Expr<'a>, ctx: ExprContext) -> Option<&'e Expr<'a>> {
        match &e.kind {
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                elts.iter().find_map(|x| self.invalid_target(x, ctx))
            }
            ExprKind::Starred { value, .. } => {
                if ctx == ExprContext::Del {
                    Some(e)
                } else {
                    self.invalid_target(value, ctx)
                }
            }
            ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
            _ => Some(e),
        }
    }

    pub(crate) fn invalid_target_error(&self, e: &Expr<'a>, ctx: ExprContext) -> SyntaxError {
        let bad = self.invalid_target(e, ctx).unwrap_or(e);
        let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
        self.error(format!("cannot {verb} {}", targets_name(bad)), bad.span)
    }

    /// Targets of a `for` loop or comprehension: `star_targets` followed by
    /// `in`. Parsed at `bitwise_or` level so `in` is not taken as an operator.
    pub(crate) fn star_targets_until_in(&mut self) -> PResult<Expr<'a>> {
        let start = self.tok().span.start;
        let first = self.star_target_item()?;
        let e = if self.at(T::Comma) {
            let mut elts = vec![first];
            while self.eat(T::Comma) {
                if self.at(T::In) {
                    break;
                }
                elts.push(self.star_target_item()?);
            }
            self.expr(
                ExprKind::Tuple { elts: self.slice(&elts), ctx: ExprContext::Load },
                self.span_from(start),
            )
        } else {
            first
        };
        if !self.at(T::In) {
            // CPython: `invalid_for_target: ASYNC? 'for' a=star_expressions`
            // reports "cannot assign to X" when the target is not assignable.
            if let Some(bad) = self.invalid_target(&e, ExprContext::Store) {
                return Err(self.error(format!("cannot assign to {}", targets_name(bad)), bad.span));
            }
            return Err(self.invalid_syntax());
        }
        self.to_target(&e, ExprContext::Store)
    }

    fn star_target_item(&mut self) -> PResult<Expr<'a>> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            let value = self.star_target_item()?;
            return Ok(self.expr(
                ExprKind::Starred { value: self.alloc(value), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        self.bitwise_or()
    }
}
