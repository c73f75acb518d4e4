//! Which operand registers an expression may use in place. A local's own
//! register can serve as an operand (`a + b` is `Add t a b`, no copies)
//! unless an operand evaluated after it rebinds that local before the
//! operation reads it: `a + (a := 5)` must add the *old* `a`. Only an
//! assignment expression can do that here (a nested scope binds names of
//! this one in cells, not registers).

use crate::syntax::ast::{Expr, ExprKind};

/// May evaluating `e` assign a local of the current scope (does it contain
/// a `:=` outside nested scopes)?
pub fn may_rebind(e: &Expr<'_>) -> bool {
    let any = |es: &[Expr<'_>]| es.iter().any(may_rebind);
    let opt = |e: Option<&Expr<'_>>| e.is_some_and(may_rebind);
    match &e.kind {
        ExprKind::NamedExpr { .. } => true,
        ExprKind::BoolOp { values, .. } => any(values),
        ExprKind::BinOp { left, right, .. } => may_rebind(left) || may_rebind(right),
        ExprKind::UnaryOp { operand, .. } => may_rebind(operand),
        ExprKind::IfExp { test, body, orelse } => {
            may_rebind(test) || may_rebind(body) || may_rebind(orelse)
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().any(|k| k.as_ref().is_some_and(may_rebind)) || any(values)
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            any(elts)
        }
        ExprKind::JoinedStr { values } => any(values),
        // A comprehension's first iterator runs here, but `:=` is not
        // allowed in it; the rest, and a lambda's body, are nested scopes.
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. } => {
            generators.first().is_some_and(|g| may_rebind(&g.iter))
        }
        ExprKind::Lambda { args, .. } => {
            args.defaults.iter().any(may_rebind)
                || args.kw_defaults.iter().any(|d| d.as_ref().is_some_and(may_rebind))
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => may_rebind(value),
        ExprKind::Yield { value } => opt(*value),
        ExprKind::Compare { left, comparators, .. } => may_rebind(left) || any(comparators),
        ExprKind::Call { func, args, keywords } => {
            may_rebind(func) || any(args) || keywords.iter().any(|k| may_rebind(&k.value))
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            may_rebind(value) || opt(*format_spec)
        }
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => may_rebind(value),
        ExprKind::Subscript { value, slice, .. } => may_rebind(value) || may_rebind(slice),
        ExprKind::Slice { lower, upper, step } => opt(*lower) || opt(*upper) || opt(*step),
        ExprKind::Constant { .. } | ExprKind::Name { .. } => false,
    }
}
