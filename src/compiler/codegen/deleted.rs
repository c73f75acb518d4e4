//! Locals a function may unbind: `del x` and `except ... as x` (whose name
//! is deleted when the handler ends). The code generator's definite-binding
//! shortcut (`Unit::bound`, which drops `CheckBound` for locals bound on
//! every path so far) never trusts them: a `del` inside a branch, a loop
//! or a `try` body can unbind them on some paths only.

use crate::syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
use crate::syntax::intern::Symbol;

/// The names `body` may unbind (nested function and class bodies excluded:
/// they are other scopes).
pub(super) fn deleted_names(body: &[Stmt<'_>]) -> Vec<Symbol> {
    let mut out = Vec::new();
    stmts(body, &mut out);
    out
}

fn stmts(body: &[Stmt<'_>], out: &mut Vec<Symbol>) {
    for s in body {
        stmt(s, out);
    }
}

fn stmt(s: &Stmt<'_>, out: &mut Vec<Symbol>) {
    match &s.kind {
        StmtKind::Delete { targets } => {
            for t in targets.iter() {
                target(t, out);
            }
        }
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => {
            stmts(body, out);
            stmts(orelse, out);
        }
        StmtKind::With { body, .. } => stmts(body, out),
        StmtKind::Match { cases, .. } => {
            for c in cases.iter() {
                stmts(c.body, out);
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            stmts(body, out);
            for h in handlers.iter() {
                out.extend(h.name);
                stmts(h.body, out);
            }
            stmts(orelse, out);
            stmts(finalbody, out);
        }
        _ => {}
    }
}

fn target(t: &Expr<'_>, out: &mut Vec<Symbol>) {
    match &t.kind {
        ExprKind::Name { id, .. } => out.push(*id),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            for e in elts.iter() {
                target(e, out);
            }
        }
        _ => {}
    }
}
