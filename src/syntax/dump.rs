//! `ast.dump`: prints an AST exactly as CPython 3.11's
//! `ast.dump(tree, indent=..., include_attributes=...)` does, so that
//! `taipan -m ast FILE` matches `python3 -m ast FILE` byte for byte.
//!
//! The printer mirrors `ast.dump`'s `_format`: a node prints its fields in
//! `_fields` order (an optional field that is `None` is left out), then, with
//! `include_attributes`, `lineno`, `col_offset`, `end_lineno`, `end_col_offset`
//! for the classes that have them. A node whose printed values are all
//! "simple" (scalars, `[]`, nodes printed without arguments) and that has at
//! most 3 of them stays on one line; otherwise, with an indent, each value goes
//! on its own line. Simplicity is decided by a cheap predicate on the child
//! ([`Dumper::is_simple`]), so each node is formatted once, into one `String`.

use super::ast::{
    Alias, Arg, Arguments, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprKind, Keyword,
    MatchCase, Mod, Pattern, PatternKind, Stmt, StmtKind, TypeIgnore, WithItem,
};
use super::intern::{Interner, Symbol};
use super::source::LineIndex;
use super::tokens::Span;
use crate::repr;

/// Options of [`dump`], as the arguments of CPython's `ast.dump`.
#[derive(Clone, Copy, Debug)]
pub struct DumpOptions {
    pub include_attributes: bool,
    /// `None` for the one-line form, `Some(n)` for `indent=n`.
    pub indent: Option<usize>,
}

/// Print `module` exactly as CPython's `ast.dump(module, indent=..., include_attributes=...)`.
/// A tree nested deeper than CPython can convert (see [`try_dump`]) is cut off.
pub fn dump(module: &Mod, interner: &Interner, index: &LineIndex, opts: DumpOptions) -> String {
    try_dump(module, interner, index, opts).unwrap_or_default()
}

/// How deep CPython 3.11 lets the AST nest when it builds `ast` objects
/// (`ast2obj`: the recursion limit, 1000, times COMPILER_STACK_FRAME_SCALE).
pub const MAX_AST_DEPTH: usize = 3000;

/// The tree nests deeper than [`MAX_AST_DEPTH`]: CPython raises
/// `RecursionError: maximum recursion depth exceeded during ast construction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// [`dump`], or `Err(TooDeep)` where CPython's `ast` conversion would fail.
pub fn try_dump(
    module: &Mod,
    interner: &Interner,
    index: &LineIndex,
    opts: DumpOptions,
) -> Result<String, TooDeep> {
    let mut d = Dumper {
        out: String::with_capacity(4096),
        interner,
        index,
        opts,
        depth: 0,
        too_deep: false,
    };
    d.module(module);
    if d.too_deep {
        Err(TooDeep)
    } else {
        Ok(d.out)
    }
}

/// One field value of a node, borrowed from the tree.
#[derive(Clone, Copy)]
enum V<'a> {
    /// An optional field that is `None`: not printed at all.
    Absent,
    Expr(&'a Expr<'a>),
    Exprs(&'a [Expr<'a>]),
    /// A list whose `None` entries print as `None` (`Dict.keys`, `kw_defaults`).
    OptExprs(&'a [Option<Expr<'a>>]),
    Stmts(&'a [Stmt<'a>]),
    Ident(Symbol),
    Idents(&'a [Symbol]),
    Str(&'a str),
    Int(i64),
    Const(&'a Constant<'a>),
    /// A node without fields or attributes (`Load()`, `Add()`).
    Leaf(&'static str),
    CmpOps(&'a [CmpOp]),
    Arguments(&'a Arguments<'a>),
    Arg(&'a Arg<'a>),
    Args(&'a [Arg<'a>]),
    Keywords(&'a [Keyword<'a>]),
    Aliases(&'a [Alias]),
    Comprehensions(&'a [Comprehension<'a>]),
    Handlers(&'a [ExceptHandler<'a>]),
    WithItems(&'a [WithItem<'a>]),
    Cases(&'a [MatchCase<'a>]),
    Pattern(&'a Pattern<'a>),
    Patterns(&'a [Pattern<'a>]),
    TypeIgnores(&'a [TypeIgnore<'a>]),
}

fn opt_expr<'a>(e: Option<&'a Expr<'a>>) -> V<'a> {
    e.map_or(V::Absent, V::Expr)
}

fn opt_ident<'a>(s: Option<Symbol>) -> V<'a> {
    s.map_or(V::Absent, V::Ident)
}

fn opt_str(s: Option<&str>) -> V<'_> {
    s.map_or(V::Absent, V::Str)
}

fn flag<'a>(b: bool) -> V<'a> {
    V::Int(i64::from(b))
}

/// Append the decimal digits of `n` (as `repr(int)`) without going through `fmt`.
fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut v = n.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        out.push(d as char);
    }
}

const SPACES: &str = "                                                                ";

struct Dumper<'i, 's> {
    out: String,
    interner: &'i Interner<'s>,
    index: &'i LineIndex,
    opts: DumpOptions,
    /// Current node nesting, bounded by MAX_AST_DEPTH (and so is our recursion).
    depth: usize,
    too_deep: bool,
}

impl<'a> Dumper<'_, '_> {
    /// `\n` and the indentation of nesting level `level` (indented form only).
    fn newline(&mut self, level: usize) {
        if let Some(n) = self.opts.indent {
            self.out.push('\n');
            let mut width = n * level;
            while width > 0 {
                let k = width.min(SPACES.len());
                self.out.push_str(&SPACES[..k]);
                width -= k;
            }
        }
    }

    /// The separator between values at nesting level `level`.
    fn sep(&mut self, level: usize) {
        if self.opts.indent.is_some() {
            self.out.push(',');
            self.newline(level);
        } else {
            self.out.push_str(", ");
        }
    }

    /// Whether `_format` reports the value as simple: scalars, empty lists and
    /// nodes printed without any argument.
    fn is_simple(&self, v: V<'a>) -> bool {
        let attrs = self.opts.include_attributes;
        match v {
            V::Absent | V::Ident(_) | V::Str(_) | V::Int(_) | V::Const(_) | V::Leaf(_) => true,
            V::Expr(e) => {
                !attrs
                    && matches!(
                        e.kind,
                        ExprKind::Yield { value: None }
                            | ExprKind::Slice { lower: None, upper: None, step: None }
                    )
            }
            V::Pattern(p) => {
                !attrs
                    && matches!(
                        p.kind,
                        PatternKind::MatchAs { pattern: None, name: None }
                            | PatternKind::MatchStar { name: None }
                    )
            }
            V::Arguments(_) | V::Arg(_) => false,
            V::Exprs(l) => l.is_empty(),
            V::OptExprs(l) => l.is_empty(),
            V::Stmts(l) => l.is_empty(),
            V::Idents(l) => l.is_empty(),
            V::CmpOps(l) => l.is_empty(),
            V::Args(l) => l.is_empty(),
            V::Keywords(l) => l.is_empty(),
            V::Aliases(l) => l.is_empty(),
            V::Comprehensions(l) => l.is_empty(),
            V::Handlers(l) => l.is_empty(),
            V::WithItems(l) => l.is_empty(),
            V::Cases(l) => l.is_empty(),
            V::Patterns(l) => l.is_empty(),
            V::TypeIgnores(l) => l.is_empty(),
        }
    }

    /// A node of class `name` with `fields`, plus the position attributes of
    /// `span` when it has them and they are asked for; `level` is the nesting
    /// level `_format` was called with.
    fn node(&mut self, name: &str, fields: &[(&str, V<'a>)], span: Option<Span>, level: usize) {
        let level = level + 1;
        let with_attrs = self.opts.include_attributes && span.is_some();
        let mut nargs = if with_attrs { 4 } else { 0 };
        let mut all_simple = true;
        for &(_, v) in fields {
            if !matches!(v, V::Absent) {
                nargs += 1;
                all_simple = all_simple && self.is_simple(v);
            }
        }
        self.out.push_str(name);
        self.out.push('(');
        let one_line = all_simple && nargs <= 3;
        if !one_line {
            self.newline(level);
        }
        let mut first = true;
        for &(fname, v) in fields {
            if matches!(v, V::Absent) {
                continue;
            }
            if !first {
                if one_line {
                    self.out.push_str(", ");
                } else {
                    self.sep(level);
                }
            }
            first = false;
            self.out.push_str(fname);
            self.out.push('=');
            self.value(v, level);
        }
        if let (true, Some(span)) = (with_attrs, span) {
            let (l0, c0) = self.index.line_col(span.start);
            let (l1, c1) = self.index.line_col(span.end);
            for (aname, n) in
                [("lineno", l0), ("col_offset", c0), ("end_lineno", l1), ("end_col_offset", c1)]
            {
                if !first {
                    if one_line {
                        self.out.push_str(", ");
                    } else {
                        self.sep(level);
                    }
                }
                first = false;
                self.out.push_str(aname);
                self.out.push('=');
                push_int(&mut self.out, i64::from(n));
            }
        }
        self.out.push(')');
    }

    /// A non-empty list prints each item on its own line (indented form); `[]` otherwise.
    fn list<T>(
        &mut self,
        items: &'a [T],
        level: usize,
        mut item: impl FnMut(&mut Self, &'a T, usize),
    ) {
        let level = level + 1;
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push('[');
        self.newline(level);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.sep(level);
            }
            item(self, x, level);
        }
        self.out.push(']');
    }

    fn ident(&mut self, s: Symbol) {
        let text = self.interner.resolve(s);
        repr::write_str_repr(&mut self.out, text.as_bytes());
    }

    fn value(&mut self, v: V<'a>, level: usize) {
        match v {
            V::Absent => {}
            V::Expr(e) => self.expr(e, level),
            V::Exprs(l) => self.list(l, level, |d, e, lv| d.expr(e, lv)),
            V::OptExprs(l) => self.list(l, level, |d, e, lv| match e {
                Some(e) => d.expr(e, lv),
                None => d.out.push_str("None"),
            }),
            V::Stmts(l) => self.list(l, level, |d, s, lv| d.stmt(s, lv)),
            V::Ident(s) => self.ident(s),
            V::Idents(l) => self.list(l, level, |d, &s, _| d.ident(s)),
            V::Str(s) => repr::write_str_repr(&mut self.out, s.as_bytes()),
            V::Int(n) => push_int(&mut self.out, n),
            V::Const(c) => self.constant(c),
            V::Leaf(name) => {
                self.out.push_str(name);
                self.out.push_str("()");
            }
            V::CmpOps(l) => self.list(l, level, |d, op, _| {
                d.out.push_str(op.name());
                d.out.push_str("()");
            }),
            V::Arguments(a) => self.arguments(a, level),
            V::Arg(a) => self.arg(a, level),
            V::Args(l) => self.list(l, level, |d, a, lv| d.arg(a, lv)),
            V::Keywords(l) => self.list(l, level, |d, k, lv| {
                d.node(
                    "keyword",
                    &[("arg", opt_ident(k.arg)), ("value", V::Expr(&k.value))],
                    Some(k.span),
                    lv,
                )
            }),
            V::Aliases(l) => self.list(l, level, |d, a, lv| {
                d.node(
                    "alias",
                    &[("name", V::Ident(a.name)), ("asname", opt_ident(a.asname))],
                    Some(a.span),
                    lv,
                )
            }),
            V::Comprehensions(l) => self.list(l, level, |d, c, lv| {
                let fields = [
                    ("target", V::Expr(&c.target)),
                    ("iter", V::Expr(&c.iter)),
                    ("ifs", V::Exprs(c.ifs)),
                    ("is_async", flag(c.is_async)),
                ];
                d.node("comprehension", &fields, None, lv)
            }),
            V::Handlers(l) => self.list(l, level, |d, h, lv| {
                let fields = [
                    ("type", opt_expr(h.type_)),
                    ("name", opt_ident(h.name)),
                    ("body", V::Stmts(h.body)),
                ];
                d.node("ExceptHandler", &fields, Some(h.span), lv)
            }),
            V::WithItems(l) => self.list(l, level, |d, w, lv| {
                let fields = [
                    ("context_expr", V::Expr(&w.context_expr)),
                    ("optional_vars", opt_expr(w.optional_vars)),
                ];
                d.node("withitem", &fields, None, lv)
            }),
            V::Cases(l) => self.list(l, level, |d, c, lv| {
                let fields = [
                    ("pattern", V::Pattern(&c.pattern)),
                    ("guard", opt_expr(c.guard)),
                    ("body", V::Stmts(c.body)),
                ];
                d.node("match_case", &fields, None, lv)
            }),
            V::Pattern(p) => self.pattern(p, level),
            V::Patterns(l) => self.list(l, level, |d, p, lv| d.pattern(p, lv)),
            V::TypeIgnores(l) => self.list(l, level, |d, t, lv| {
                d.node(
                    "TypeIgnore",
                    &[("lineno", V::Int(i64::from(t.lineno))), ("tag", V::Str(t.tag))],
                    None,
                    lv,
                )
            }),
        }
    }

    fn constant(&mut self, c: &Constant) {
        let out = &mut self.out;
        match *c {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(n) => push_int(out, n),
            Constant::BigInt(digits) => out.push_str(digits),
            Constant::Float(x) => repr::write_float_repr(out, x),
            Constant::Complex { real, imag } => repr::write_complex_repr(out, real, imag),
            Constant::Str(s) => repr::write_str_repr(out, s),
            Constant::Bytes(b) => repr::write_bytes_repr(out, b),
        }
    }

    fn module(&mut self, m: &'a Mod<'a>) {
        match m {
            Mod::Module { body, type_ignores } => self.node(
                "Module",
                &[("body", V::Stmts(body)), ("type_ignores", V::TypeIgnores(type_ignores))],
                None,
                0,
            ),
            Mod::Interactive { body } => {
                self.node("Interactive", &[("body", V::Stmts(body))], None, 0)
            }
            Mod::Expression { body } => {
                self.node("Expression", &[("body", V::Expr(body))], None, 0)
            }
            Mod::FunctionType { argtypes, returns } => self.node(
                "FunctionType",
                &[("argtypes", V::Exprs(argtypes)), ("returns", V::Expr(returns))],
                None,
                0,
            ),
        }
    }

    fn arguments(&mut self, a: &'a Arguments<'a>, level: usize) {
        let fields = [
            ("posonlyargs", V::Args(a.posonlyargs)),
            ("args", V::Args(a.args)),
            ("vararg", a.vararg.map_or(V::Absent, V::Arg)),
            ("kwonlyargs", V::Args(a.kwonlyargs)),
            ("kw_defaults", V::OptExprs(a.kw_defaults)),
            ("kwarg", a.kwarg.map_or(V::Absent, V::Arg)),
            ("defaults", V::Exprs(a.defaults)),
        ];
        self.node("arguments", &fields, None, level);
    }

    fn arg(&mut self, a: &'a Arg<'a>, level: usize) {
        let fields = [
            ("arg", V::Ident(a.arg)),
            ("annotation", opt_expr(a.annotation)),
            ("type_comment", opt_str(a.type_comment)),
        ];
        self.node("arg", &fields, Some(a.span), level);
    }

    fn stmt(&mut self, s: &'a Stmt<'a>, level: usize) {
        if self.too_deep || self.depth >= MAX_AST_DEPTH {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        self.stmt_inner(s, level);
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &'a Stmt<'a>, level: usize) {
        let span = Some(s.span);
        match &s.kind {
            StmtKind::FunctionDef {
                is_async,
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
            } => {
                let fields = [
                    ("name", V::Ident(*name)),
                    ("args", V::Arguments(args)),
                    ("body", V::Stmts(body)),
                    ("decorator_list", V::Exprs(decorator_list)),
                    ("returns", opt_expr(*returns)),
                    ("type_comment", opt_str(*type_comment)),
                ];
                let cls = if *is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                self.node(cls, &fields, span, level)
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                let fields = [
                    ("name", V::Ident(*name)),
                    ("bases", V::Exprs(bases)),
                    ("keywords", V::Keywords(keywords)),
                    ("body", V::Stmts(body)),
                    ("decorator_list", V::Exprs(decorator_list)),
                ];
                self.node("ClassDef", &fields, span, level)
            }
            StmtKind::Return { value } => {
                self.node("Return", &[("value", opt_expr(*value))], span, level)
            }
            StmtKind::Delete { targets } => {
                self.node("Delete", &[("targets", V::Exprs(targets))], span, level)
            }
            StmtKind::Assign { targets, value, type_comment } => {
                let fields = [
                    ("targets", V::Exprs(targets)),
                    ("value", V::Expr(value)),
                    ("type_comment", opt_str(*type_comment)),
                ];
                self.node("Assign", &fields, span, level)
            }
            StmtKind::AugAssign { target, op, value } => {
                let fields = [
                    ("target", V::Expr(target)),
                    ("op", V::Leaf(op.name())),
                    ("value", V::Expr(value)),
                ];
                self.node("AugAssign", &fields, span, level)
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let fields = [
                    ("target", V::Expr(target)),
                    ("annotation", V::Expr(annotation)),
                    ("value", opt_expr(*value)),
                    ("simple", flag(*simple)),
                ];
                self.node("AnnAssign", &fields, span, level)
            }
            StmtKind::For { is_async, target, iter, body, orelse, type_comment } => {
                let fields = [
                    ("target", V::Expr(target)),
                    ("iter", V::Expr(iter)),
                    ("body", V::Stmts(body)),
                    ("orelse", V::Stmts(orelse)),
                    ("type_comment", opt_str(*type_comment)),
                ];
                self.node(if *is_async { "AsyncFor" } else { "For" }, &fields, span, level)
            }
            StmtKind::While { test, body, orelse } => {
                let fields = [
                    ("test", V::Expr(test)),
                    ("body", V::Stmts(body)),
                    ("orelse", V::Stmts(orelse)),
                ];
                self.node("While", &fields, span, level)
            }
            StmtKind::If { test, body, orelse } => {
                let fields = [
                    ("test", V::Expr(test)),
                    ("body", V::Stmts(body)),
                    ("orelse", V::Stmts(orelse)),
                ];
                self.node("If", &fields, span, level)
            }
            StmtKind::With { is_async, items, body, type_comment } => {
                let fields = [
                    ("items", V::WithItems(items)),
                    ("body", V::Stmts(body)),
                    ("type_comment", opt_str(*type_comment)),
                ];
                self.node(if *is_async { "AsyncWith" } else { "With" }, &fields, span, level)
            }
            StmtKind::Match { subject, cases } => self.node(
                "Match",
                &[("subject", V::Expr(subject)), ("cases", V::Cases(cases))],
                span,
                level,
            ),
            StmtKind::Raise { exc, cause } => self.node(
                "Raise",
                &[("exc", opt_expr(*exc)), ("cause", opt_expr(*cause))],
                span,
                level,
            ),
            StmtKind::Try { is_star, body, handlers, orelse, finalbody } => {
                let fields = [
                    ("body", V::Stmts(body)),
                    ("handlers", V::Handlers(handlers)),
                    ("orelse", V::Stmts(orelse)),
                    ("finalbody", V::Stmts(finalbody)),
                ];
                self.node(if *is_star { "TryStar" } else { "Try" }, &fields, span, level)
            }
            StmtKind::Assert { test, msg } => self.node(
                "Assert",
                &[("test", V::Expr(test)), ("msg", opt_expr(*msg))],
                span,
                level,
            ),
            StmtKind::Import { names } => {
                self.node("Import", &[("names", V::Aliases(names))], span, level)
            }
            StmtKind::ImportFrom { module, names, level: lv } => {
                let fields = [
                    ("module", opt_ident(*module)),
                    ("names", V::Aliases(names)),
                    ("level", V::Int(i64::from(*lv))),
                ];
                self.node("ImportFrom", &fields, span, level)
            }
            StmtKind::Global { names } => {
                self.node("Global", &[("names", V::Idents(names))], span, level)
            }
            StmtKind::Nonlocal { names } => {
                self.node("Nonlocal", &[("names", V::Idents(names))], span, level)
            }
            StmtKind::Expr { value } => {
                self.node("Expr", &[("value", V::Expr(value))], span, level)
            }
            StmtKind::Pass => self.node("Pass", &[], span, level),
            StmtKind::Break => self.node("Break", &[], span, level),
            StmtKind::Continue => self.node("Continue", &[], span, level),
        }
    }

    fn expr(&mut self, e: &'a Expr<'a>, level: usize) {
        if self.too_deep || self.depth >= MAX_AST_DEPTH {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        self.expr_inner(e, level);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &'a Expr<'a>, level: usize) {
        let span = Some(e.span);
        let name = e.kind.name();
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.node(
                name,
                &[("op", V::Leaf(op.name())), ("values", V::Exprs(values))],
                span,
                level,
            ),
            ExprKind::NamedExpr { target, value } => self.node(
                name,
                &[("target", V::Expr(target)), ("value", V::Expr(value))],
                span,
                level,
            ),
            ExprKind::BinOp { left, op, right } => {
                let fields = [
                    ("left", V::Expr(left)),
                    ("op", V::Leaf(op.name())),
                    ("right", V::Expr(right)),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::UnaryOp { op, operand } => self.node(
                name,
                &[("op", V::Leaf(op.name())), ("operand", V::Expr(operand))],
                span,
                level,
            ),
            ExprKind::Lambda { args, body } => self.node(
                name,
                &[("args", V::Arguments(args)), ("body", V::Expr(body))],
                span,
                level,
            ),
            ExprKind::IfExp { test, body, orelse } => {
                let fields =
                    [("test", V::Expr(test)), ("body", V::Expr(body)), ("orelse", V::Expr(orelse))];
                self.node(name, &fields, span, level)
            }
            ExprKind::Dict { keys, values } => self.node(
                name,
                &[("keys", V::OptExprs(keys)), ("values", V::Exprs(values))],
                span,
                level,
            ),
            ExprKind::Set { elts } => self.node(name, &[("elts", V::Exprs(elts))], span, level),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => self.node(
                name,
                &[("elt", V::Expr(elt)), ("generators", V::Comprehensions(generators))],
                span,
                level,
            ),
            ExprKind::DictComp { key, value, generators } => {
                let fields = [
                    ("key", V::Expr(key)),
                    ("value", V::Expr(value)),
                    ("generators", V::Comprehensions(generators)),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => {
                self.node(name, &[("value", V::Expr(value))], span, level)
            }
            ExprKind::Yield { value } => {
                self.node(name, &[("value", opt_expr(*value))], span, level)
            }
            ExprKind::Compare { left, ops, comparators } => {
                let fields = [
                    ("left", V::Expr(left)),
                    ("ops", V::CmpOps(ops)),
                    ("comparators", V::Exprs(comparators)),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::Call { func, args, keywords } => {
                let fields = [
                    ("func", V::Expr(func)),
                    ("args", V::Exprs(args)),
                    ("keywords", V::Keywords(keywords)),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let fields = [
                    ("value", V::Expr(value)),
                    ("conversion", V::Int(i64::from(*conversion))),
                    ("format_spec", opt_expr(*format_spec)),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::JoinedStr { values } => {
                self.node(name, &[("values", V::Exprs(values))], span, level)
            }
            ExprKind::Constant { value, kind } => self.node(
                name,
                &[("value", V::Const(value)), ("kind", opt_str(*kind))],
                span,
                level,
            ),
            ExprKind::Attribute { value, attr, ctx } => {
                let fields = [
                    ("value", V::Expr(value)),
                    ("attr", V::Ident(*attr)),
                    ("ctx", V::Leaf(ctx.name())),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let fields = [
                    ("value", V::Expr(value)),
                    ("slice", V::Expr(slice)),
                    ("ctx", V::Leaf(ctx.name())),
                ];
                self.node(name, &fields, span, level)
            }
            ExprKind::Starred { value, ctx } => self.node(
                name,
                &[("value", V::Expr(value)), ("ctx", V::Leaf(ctx.name()))],
                span,
                level,
            ),
            ExprKind::Name { id, ctx } => {
                self.node(name, &[("id", V::Ident(*id)), ("ctx", V::Leaf(ctx.name()))], span, level)
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => self.node(
                name,
                &[("elts", V::Exprs(elts)), ("ctx", V::Leaf(ctx.name()))],
                span,
                level,
            ),
            ExprKind::Slice { lower, upper, step } => {
                let fields = [
                    ("lower", opt_expr(*lower)),
                    ("upper", opt_expr(*upper)),
                    ("step", opt_expr(*step)),
                ];
                self.node(name, &fields, span, level)
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern<'a>, level: usize) {
        if self.too_deep || self.depth >= MAX_AST_DEPTH {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        self.pattern_inner(p, level);
        self.depth -= 1;
    }

    fn pattern_inner(&mut self, p: &'a Pattern<'a>, level: usize) {
        let span = Some(p.span);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.node("MatchValue", &[("value", V::Expr(value))], span, level)
            }
            PatternKind::MatchSingleton { value } => {
                self.node("MatchSingleton", &[("value", V::Const(value))], span, level)
            }
            PatternKind::MatchSequence { patterns } => {
                self.node("MatchSequence", &[("patterns", V::Patterns(patterns))], span, level)
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                let fields = [
                    ("keys", V::Exprs(keys)),
                    ("patterns", V::Patterns(patterns)),
                    ("rest", opt_ident(*rest)),
                ];
                self.node("MatchMapping", &fields, span, level)
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                let fields = [
                    ("cls", V::Expr(cls)),
                    ("patterns", V::Patterns(patterns)),
                    ("kwd_attrs", V::Idents(kwd_attrs)),
                    ("kwd_patterns", V::Patterns(kwd_patterns)),
                ];
                self.node("MatchClass", &fields, span, level)
            }
            PatternKind::MatchStar { name } => {
                self.node("MatchStar", &[("name", opt_ident(*name))], span, level)
            }
            PatternKind::MatchAs { pattern, name } => {
                let fields = [
                    ("pattern", pattern.map_or(V::Absent, V::Pattern)),
                    ("name", opt_ident(*name)),
                ];
                self.node("MatchAs", &fields, span, level)
            }
            PatternKind::MatchOr { patterns } => {
                self.node("MatchOr", &[("patterns", V::Patterns(patterns))], span, level)
            }
        }
    }
}

#[cfg(test)]
mod tests;
