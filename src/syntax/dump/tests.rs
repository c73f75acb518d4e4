//! Tests of [`dump`](super::dump): trees built by hand in an arena, compared
//! with CPython 3.11's `ast.dump` of the equivalent source
//! (`python3 tools/gen_dump_expected.py` writes `src/syntax/dump_testdata/`).

use super::*;
use crate::syntax::ast::*;
use bumpalo::Bump;
use std::cell::RefCell;

use CmpOp as C;
use ExprContext::{Del, Load, Store};
use ExprKind as E;
use PatternKind as P;
use StmtKind as S;

/// Tree builder; spans default to empty unless set with the `*_at` helpers.
struct B<'a> {
    a: &'a Bump,
    i: RefCell<Interner<'a>>,
    src: &'a str,
}

impl<'a> B<'a> {
    fn new(a: &'a Bump, src: &'a str) -> Self {
        B { a, i: RefCell::new(Interner::new()), src }
    }
    fn sym(&self, s: &'a str) -> Symbol {
        self.i.borrow_mut().intern(s)
    }
    fn l<T: Copy>(&self, v: &[T]) -> &'a [T] {
        self.a.alloc_slice_copy(v)
    }
    fn r<T>(&self, v: T) -> &'a T {
        self.a.alloc(v)
    }
    fn e(&self, kind: ExprKind<'a>) -> Expr<'a> {
        Expr { kind, span: Span::default() }
    }
    fn re(&self, kind: ExprKind<'a>) -> &'a Expr<'a> {
        self.r(self.e(kind))
    }
    fn s(&self, kind: StmtKind<'a>) -> Stmt<'a> {
        Stmt { kind, span: Span::default() }
    }
    fn nm(&self, id: &'a str, ctx: ExprContext) -> Expr<'a> {
        self.e(E::Name { id: self.sym(id), ctx })
    }
    fn n(&self, id: &'a str) -> Expr<'a> {
        self.nm(id, Load)
    }
    fn rn(&self, id: &'a str) -> &'a Expr<'a> {
        self.r(self.n(id))
    }
    fn c(&self, value: Constant<'a>) -> Expr<'a> {
        self.e(E::Constant { value, kind: None })
    }
    fn int(&self, v: i64) -> Expr<'a> {
        self.c(Constant::Int(v))
    }
    fn st(&self, s: &'a str) -> Expr<'a> {
        self.c(Constant::Str(s.as_bytes()))
    }
    fn pass(&self) -> &'a [Stmt<'a>] {
        self.l(&[self.s(S::Pass)])
    }
    fn arg(&self, name: &'a str, annotation: Option<&'a Expr<'a>>) -> Arg<'a> {
        Arg { arg: self.sym(name), annotation, type_comment: None, span: Span::default() }
    }
    fn no_args(&self) -> &'a Arguments<'a> {
        self.r(Arguments::default())
    }
    fn alias(&self, name: &'a str, asname: Option<&'a str>) -> Alias {
        Alias { name: self.sym(name), asname: asname.map(|s| self.sym(s)), span: Span::default() }
    }
    fn comp(
        &self,
        target: Expr<'a>,
        iter: Expr<'a>,
        ifs: &[Expr<'a>],
        is_async: bool,
    ) -> Comprehension<'a> {
        Comprehension { target, iter, ifs: self.l(ifs), is_async }
    }
    /// The generators of `... for x in y if <ifs>`.
    fn gen_xy(&self, ifs: &[Expr<'a>]) -> &'a [Comprehension<'a>] {
        self.l(&[self.comp(self.nm("x", Store), self.n("y"), ifs, false)])
    }
    fn expr_stmt(&self, value: Expr<'a>) -> Stmt<'a> {
        self.s(S::Expr { value: self.r(value) })
    }
    fn pat(&self, kind: PatternKind<'a>) -> Pattern<'a> {
        Pattern { kind, span: Span::default() }
    }
    fn capture(&self, name: &'a str) -> Pattern<'a> {
        self.pat(P::MatchAs { pattern: None, name: Some(self.sym(name)) })
    }
    /// The span from the first `start` in the source to the end of the first
    /// `end` found from there (`end` empty: up to the end of `start`).
    fn span(&self, start: &str, end: &str) -> Span {
        let s = self.src.find(start).expect("start pattern");
        let e = if end.is_empty() {
            s + start.len()
        } else {
            s + self.src[s..].find(end).expect("end pattern") + end.len()
        };
        Span::new(s as u32, e as u32)
    }
    fn module(&self, body: &[Stmt<'a>]) -> Mod<'a> {
        Mod::Module { body: self.l(body), type_ignores: &[] }
    }
}

fn run(b: &B, m: &Mod, indent: Option<usize>, include_attributes: bool) -> String {
    let index = LineIndex::new(b.src);
    dump(m, &b.i.borrow(), &index, DumpOptions { include_attributes, indent })
}

/// Compare both layouts (and optionally both attribute layouts) with CPython's.
fn check(b: &B, m: &Mod, name: &str, line: &str, indented: &str, attrs: Option<(&str, &str)>) {
    assert_eq!(run(b, m, None, false), line, "{name}: indent=None");
    assert_eq!(run(b, m, Some(3), false), indented, "{name}: indent=3");
    if let Some((attrs_line, attrs_indented)) = attrs {
        assert_eq!(run(b, m, None, true), attrs_line, "{name}: indent=None, include_attributes");
        assert_eq!(
            run(b, m, Some(3), true),
            attrs_indented,
            "{name}: indent=3, include_attributes"
        );
    }
}

macro_rules! expected {
    ($name:literal, $kind:literal) => {
        include_str!(concat!("../dump_testdata/", $name, ".", $kind, ".txt"))
    };
}

#[test]
fn statements() {
    let arena = Bump::new();
    let b = B::new(&arena, "");
    let f_args = b.r(Arguments {
        posonlyargs: b.l(&[b.arg("a", None)]),
        args: b.l(&[b.arg("b", Some(b.rn("int")))]),
        vararg: Some(b.r(b.arg("args", None))),
        kwonlyargs: b.l(&[b.arg("c", None), b.arg("d", None)]),
        kw_defaults: b.l(&[None, Some(b.int(2))]),
        kwarg: Some(b.r(b.arg("kw", None))),
        defaults: b.l(&[b.int(1)]),
    });
    let body = [
        b.s(S::FunctionDef {
            is_async: true,
            name: b.sym("f"),
            args: f_args,
            body: b.l(&[b.expr_stmt(b.st("doc")), b.s(S::Return { value: None })]),
            decorator_list: b.l(&[b.n("dec")]),
            returns: Some(b.rn("r")),
            type_comment: None,
        }),
        b.s(S::FunctionDef {
            is_async: false,
            name: b.sym("g"),
            args: b.no_args(),
            body: b.l(&[b.s(S::Return { value: Some(b.rn("x")) })]),
            decorator_list: &[],
            returns: None,
            type_comment: None,
        }),
        b.s(S::ClassDef {
            name: b.sym("C"),
            bases: b.l(&[b.n("B")]),
            keywords: b.l(&[Keyword {
                arg: Some(b.sym("metaclass")),
                value: b.n("M"),
                span: Span::default(),
            }]),
            body: b.pass(),
            decorator_list: &[],
        }),
        b.s(S::Delete {
            targets: b.l(&[
                b.nm("x", Del),
                b.e(E::Subscript { value: b.rn("y"), slice: b.r(b.int(0)), ctx: Del }),
            ]),
        }),
        b.s(S::Assign {
            targets: b.l(&[b.nm("x", Store), b.nm("y", Store)]),
            value: b.r(b.c(Constant::Float(1.5))),
            type_comment: None,
        }),
        b.s(S::AugAssign {
            target: b.r(b.nm("x", Store)),
            op: Operator::Add,
            value: b.r(b.int(1)),
        }),
        b.s(S::AnnAssign {
            target: b.r(b.nm("x", Store)),
            annotation: b.rn("int"),
            value: Some(b.r(b.int(2))),
            simple: true,
        }),
        b.s(S::AnnAssign {
            target: b.r(b.nm("x", Store)),
            annotation: b.rn("int"),
            value: None,
            simple: false,
        }),
        b.s(S::For {
            is_async: true,
            target: b.r(b.nm("i", Store)),
            iter: b.rn("it"),
            body: b.l(&[b.s(S::Break)]),
            orelse: b.l(&[b.s(S::Continue)]),
            type_comment: None,
        }),
        b.s(S::For {
            is_async: false,
            target: b.r(b.nm("i", Store)),
            iter: b.rn("it"),
            body: b.pass(),
            orelse: &[],
            type_comment: None,
        }),
        b.s(S::While { test: b.rn("t"), body: b.pass(), orelse: &[] }),
        b.s(S::If {
            test: b.rn("a"),
            body: b.pass(),
            orelse: b.l(&[b.s(S::If { test: b.rn("b"), body: b.pass(), orelse: &[] })]),
        }),
        b.s(S::With {
            is_async: true,
            items: b.l(&[
                WithItem { context_expr: b.n("a"), optional_vars: Some(b.r(b.nm("b", Store))) },
                WithItem { context_expr: b.n("c"), optional_vars: None },
            ]),
            body: b.pass(),
            type_comment: None,
        }),
        b.s(S::Raise { exc: Some(b.rn("E")), cause: Some(b.rn("e")) }),
        b.s(S::Raise { exc: None, cause: None }),
        b.s(S::Try {
            is_star: true,
            body: b.pass(),
            handlers: b.l(&[ExceptHandler {
                type_: Some(b.rn("E")),
                name: Some(b.sym("e")),
                body: b.pass(),
                span: Span::default(),
            }]),
            orelse: b.pass(),
            finalbody: b.pass(),
        }),
        b.s(S::Try {
            is_star: false,
            body: b.pass(),
            handlers: b.l(&[ExceptHandler {
                type_: None,
                name: None,
                body: b.pass(),
                span: Span::default(),
            }]),
            orelse: &[],
            finalbody: &[],
        }),
        b.s(S::Assert { test: b.rn("x"), msg: Some(b.r(b.st("msg"))) }),
        b.s(S::Import { names: b.l(&[b.alias("os.path", Some("p")), b.alias("sys", None)]) }),
        b.s(S::ImportFrom { module: None, names: b.l(&[b.alias("a", Some("b"))]), level: 2 }),
        b.s(S::ImportFrom {
            module: Some(b.sym("m")),
            names: b.l(&[b.alias("*", None)]),
            level: 0,
        }),
        b.s(S::Global { names: b.l(&[b.sym("g")]) }),
        b.s(S::Nonlocal { names: b.l(&[b.sym("n")]) }),
    ];
    let m = b.module(&body);
    check(&b, &m, "stmts", expected!("stmts", "line"), expected!("stmts", "indent"), None);
}

#[test]
fn expressions() {
    let arena = Bump::new();
    let b = B::new(&arena, "");
    let kw_lambda = b.r(Arguments {
        args: b.l(&[b.arg("x", None)]),
        kwonlyargs: b.l(&[b.arg("k", None)]),
        kw_defaults: b.l(&[Some(b.c(Constant::None))]),
        kwarg: Some(b.r(b.arg("kw", None))),
        ..Arguments::default()
    });
    let fmt_spec = b.re(E::JoinedStr {
        values: b.l(&[
            b.st(">"),
            b.e(E::FormattedValue { value: b.rn("w"), conversion: -1, format_spec: None }),
        ]),
    });
    let exprs = [
        b.e(E::BoolOp {
            op: BoolOp::Or,
            values: b.l(&[
                b.e(E::BoolOp { op: BoolOp::And, values: b.l(&[b.n("a"), b.n("b")]) }),
                b.n("c"),
            ]),
        }),
        b.e(E::NamedExpr { target: b.r(b.nm("y", Store)), value: b.r(b.int(1)) }),
        b.e(E::BinOp {
            left: b.re(E::UnaryOp { op: UnaryOp::USub, operand: b.rn("x") }),
            op: Operator::Add,
            right: b.re(E::BinOp { left: b.rn("y"), op: Operator::Mult, right: b.rn("z") }),
        }),
        b.e(E::UnaryOp { op: UnaryOp::Not, operand: b.rn("x") }),
        b.e(E::Lambda { args: b.no_args(), body: b.r(b.int(0)) }),
        b.e(E::Lambda { args: kw_lambda, body: b.rn("x") }),
        b.e(E::IfExp { test: b.rn("b"), body: b.rn("a"), orelse: b.rn("c") }),
        b.e(E::Dict { keys: b.l(&[Some(b.int(1)), None]), values: b.l(&[b.int(2), b.n("d")]) }),
        b.e(E::Set { elts: b.l(&[b.int(1), b.int(2)]) }),
        b.e(E::ListComp { elt: b.rn("x"), generators: b.gen_xy(&[b.n("x"), b.n("z")]) }),
        b.e(E::SetComp { elt: b.rn("x"), generators: b.gen_xy(&[]) }),
        b.e(E::DictComp {
            key: b.rn("k"),
            value: b.rn("v"),
            generators: b.l(&[b.comp(
                b.e(E::Tuple { elts: b.l(&[b.nm("k", Store), b.nm("v", Store)]), ctx: Store }),
                b.n("y"),
                &[],
                true,
            )]),
        }),
        b.e(E::GeneratorExp { elt: b.rn("x"), generators: b.gen_xy(&[]) }),
        b.e(E::Await { value: b.rn("x") }),
        b.e(E::Yield { value: None }),
        b.e(E::Yield { value: Some(b.rn("x")) }),
        b.e(E::YieldFrom { value: b.rn("x") }),
        b.e(E::Compare {
            left: b.r(b.int(1)),
            ops: b.l(&[C::Lt, C::LtE, C::IsNot]),
            comparators: b.l(&[b.int(2), b.int(3), b.c(Constant::None)]),
        }),
        b.e(E::Call {
            func: b.rn("f"),
            args: b.l(&[b.n("a"), b.e(E::Starred { value: b.rn("b"), ctx: Load })]),
            keywords: b.l(&[
                Keyword { arg: Some(b.sym("c")), value: b.int(1), span: Span::default() },
                Keyword { arg: None, value: b.n("d"), span: Span::default() },
            ]),
        }),
        b.e(E::JoinedStr {
            values: b.l(&[
                b.e(E::FormattedValue {
                    value: b.rn("x"),
                    conversion: 114,
                    format_spec: Some(fmt_spec),
                }),
                b.st(" "),
                b.e(E::FormattedValue { value: b.rn("y"), conversion: -1, format_spec: None }),
            ]),
        }),
        b.e(E::Constant { value: Constant::Str(b"u"), kind: Some("u") }),
        b.c(Constant::Bytes(b"by'tes")),
        b.c(Constant::Complex { real: 0.0, imag: 1.0 }),
        b.c(Constant::Ellipsis),
        b.c(Constant::Bool(true)),
        b.e(E::Attribute { value: b.rn("a"), attr: b.sym("b"), ctx: Load }),
        b.e(E::Subscript {
            value: b.rn("a"),
            slice: b.re(E::Tuple {
                elts: b.l(&[
                    b.e(E::Slice {
                        lower: Some(b.r(b.int(1))),
                        upper: Some(b.r(b.int(2))),
                        step: None,
                    }),
                    b.e(E::Slice { lower: None, upper: None, step: Some(b.r(b.int(3))) }),
                ]),
                ctx: Load,
            }),
            ctx: Load,
        }),
        b.e(E::Subscript {
            value: b.rn("a"),
            slice: b.re(E::Slice { lower: None, upper: None, step: None }),
            ctx: Load,
        }),
    ];
    let mut body: Vec<Stmt> = exprs.iter().map(|&e| b.expr_stmt(e)).collect();
    body.push(b.s(S::Assign {
        targets: b.l(&[b.e(E::List {
            elts: b.l(&[b.e(E::Starred { value: b.r(b.nm("a", Store)), ctx: Store })]),
            ctx: Store,
        })]),
        value: b.rn("x"),
        type_comment: None,
    }));
    for e in [
        b.e(E::Tuple { elts: &[], ctx: Load }),
        b.e(E::Tuple { elts: b.l(&[b.int(1)]), ctx: Load }),
        b.c(Constant::BigInt("12345678901234567890123")),
        b.e(E::UnaryOp { op: UnaryOp::USub, operand: b.r(b.c(Constant::Float(0.5e-7))) }),
        b.st("it's"),
    ] {
        body.push(b.expr_stmt(e));
    }
    let m = b.module(&body);
    check(&b, &m, "exprs", expected!("exprs", "line"), expected!("exprs", "indent"), None);
}

#[test]
fn match_statement() {
    let arena = Bump::new();
    let b = B::new(&arena, "");
    let mc = |pattern, guard| MatchCase { pattern, guard, body: b.pass() };
    let cases = [
        mc(
            b.pat(P::MatchOr {
                patterns: b.l(&[
                    b.pat(P::MatchValue { value: b.r(b.int(1)) }),
                    b.pat(P::MatchSingleton { value: Constant::None }),
                ]),
            }),
            None,
        ),
        mc(
            b.pat(P::MatchSequence {
                patterns: b.l(&[b.capture("a"), b.pat(P::MatchStar { name: Some(b.sym("rest")) })]),
            }),
            Some(b.rn("a")),
        ),
        mc(
            b.pat(P::MatchMapping {
                keys: b.l(&[b.st("k")]),
                patterns: b.l(&[b.capture("v")]),
                rest: Some(b.sym("kw")),
            }),
            None,
        ),
        mc(
            b.pat(P::MatchClass {
                cls: b.rn("P"),
                patterns: b.l(&[b.pat(P::MatchValue { value: b.r(b.int(1)) })]),
                kwd_attrs: b.l(&[b.sym("k")]),
                kwd_patterns: b.l(&[b.capture("v")]),
            }),
            None,
        ),
        mc(b.pat(P::MatchAs { pattern: None, name: None }), None),
        mc(b.pat(P::MatchAs { pattern: Some(b.r(b.capture("a"))), name: Some(b.sym("b")) }), None),
        mc(b.pat(P::MatchSequence { patterns: b.l(&[b.pat(P::MatchStar { name: None })]) }), None),
    ];
    let m = b.module(&[b.s(S::Match { subject: b.rn("x"), cases: b.l(&cases) })]);
    check(&b, &m, "match", expected!("match", "line"), expected!("match", "indent"), None);
}

#[test]
fn type_comments_and_ignores() {
    let arena = Bump::new();
    let b = B::new(&arena, "");
    let f_args = b.r(Arguments {
        args: b.l(&[Arg { type_comment: Some("int"), ..b.arg("a", None) }]),
        ..Arguments::default()
    });
    let body = [
        b.s(S::FunctionDef {
            is_async: false,
            name: b.sym("f"),
            args: f_args,
            body: b.pass(),
            decorator_list: &[],
            returns: None,
            type_comment: Some("(...) -> None"),
        }),
        b.s(S::Assign {
            targets: b.l(&[b.nm("x", Store)]),
            value: b.r(b.int(1)),
            type_comment: Some("int"),
        }),
        b.s(S::For {
            is_async: false,
            target: b.r(b.nm("i", Store)),
            iter: b.rn("y"),
            body: b.pass(),
            orelse: &[],
            type_comment: None,
        }),
        b.s(S::With {
            is_async: false,
            items: b.l(&[WithItem { context_expr: b.n("a"), optional_vars: None }]),
            body: b.pass(),
            type_comment: Some("int"),
        }),
        b.s(S::Assign {
            targets: b.l(&[b.nm("z", Store)]),
            value: b.r(b.int(1)),
            type_comment: None,
        }),
    ];
    let m = Mod::Module {
        body: b.l(&body),
        type_ignores: b
            .l(&[TypeIgnore { lineno: 6, tag: "[foo]" }, TypeIgnore { lineno: 10, tag: "" }]),
    };
    check(
        &b,
        &m,
        "type_comments",
        expected!("type_comments", "line"),
        expected!("type_comments", "indent"),
        None,
    );
}

#[test]
fn other_modes_with_attributes() {
    let arena = Bump::new();
    let b = B::new(&arena, "x");
    let x = b.r(Expr { kind: E::Name { id: b.sym("x"), ctx: Load }, span: Span::new(0, 1) });
    check(
        &b,
        &Mod::Expression { body: x },
        "expression",
        expected!("expression", "line"),
        expected!("expression", "indent"),
        Some((expected!("expression", "attrs_line"), expected!("expression", "attrs"))),
    );

    let b = B::new(&arena, "pass");
    let m = Mod::Interactive { body: b.l(&[Stmt { kind: S::Pass, span: Span::new(0, 4) }]) };
    check(
        &b,
        &m,
        "interactive",
        expected!("interactive", "line"),
        expected!("interactive", "indent"),
        Some((expected!("interactive", "attrs_line"), expected!("interactive", "attrs"))),
    );

    let b = B::new(&arena, "(int, *str) -> None");
    // CPython drops the `*` of a starred argument type.
    let m = Mod::FunctionType {
        argtypes: b.l(&[
            Expr { kind: E::Name { id: b.sym("int"), ctx: Load }, span: b.span("int", "") },
            Expr { kind: E::Name { id: b.sym("str"), ctx: Load }, span: b.span("str", "") },
        ]),
        returns: b.r(Expr {
            kind: E::Constant { value: Constant::None, kind: None },
            span: b.span("None", ""),
        }),
    };
    check(
        &b,
        &m,
        "func_type",
        expected!("func_type", "line"),
        expected!("func_type", "indent"),
        Some((expected!("func_type", "attrs_line"), expected!("func_type", "attrs"))),
    );
}

/// Positions: multi-line statements, a non-ASCII identifier (columns count
/// UTF-8 bytes) and every node class that carries attributes.
#[test]
fn attributes() {
    let src = "x = f(a, k=1)\n\
               def g(p: int = 0):\n    import os as o\n    try:\n        pass\n    except E as \u{e9}:\n        \
               return p.q[1:]\nmatch y:\n    case [1, *r] | {'k': _}:\n        pass\n";
    let arena = Bump::new();
    let b = B::new(&arena, src);
    let ex = |kind, span| Expr { kind, span };
    let name = |id: &'static str, ctx, span| Expr { kind: E::Name { id: b.sym(id), ctx }, span };
    let int = |v, span| Expr { kind: E::Constant { value: Constant::Int(v), kind: None }, span };
    let pat = |kind, span| Pattern { kind, span };

    let s1 = Stmt {
        kind: S::Assign {
            targets: b.l(&[name("x", Store, b.span("x", ""))]),
            value: b.r(ex(
                E::Call {
                    func: b.r(name("f", Load, b.span("f", ""))),
                    args: b.l(&[name("a", Load, b.span("a,", "a"))]),
                    keywords: b.l(&[Keyword {
                        arg: Some(b.sym("k")),
                        value: int(1, b.span("1)", "1")),
                        span: b.span("k=1", ""),
                    }]),
                },
                b.span("f(a", ")"),
            )),
            type_comment: None,
        },
        span: b.span("x =", ")"),
    };
    let g_args = b.r(Arguments {
        args: b.l(&[Arg {
            arg: b.sym("p"),
            annotation: Some(b.r(name("int", Load, b.span("int", "")))),
            type_comment: None,
            span: b.span("p: int", ""),
        }]),
        defaults: b.l(&[int(0, b.span("0)", "0"))]),
        ..Arguments::default()
    });
    let ret = Stmt {
        kind: S::Return {
            value: Some(b.r(ex(
                E::Subscript {
                    value: b.r(ex(
                        E::Attribute {
                            value: b.r(name("p", Load, b.span("p.q", "p"))),
                            attr: b.sym("q"),
                            ctx: Load,
                        },
                        b.span("p.q", ""),
                    )),
                    slice: b.r(ex(
                        E::Slice {
                            lower: Some(b.r(int(1, b.span("1:]", "1")))),
                            upper: None,
                            step: None,
                        },
                        b.span("1:]", ":"),
                    )),
                    ctx: Load,
                },
                b.span("p.q[1:]", ""),
            ))),
        },
        span: b.span("return", "]"),
    };
    let try_stmt = Stmt {
        kind: S::Try {
            is_star: false,
            body: b.l(&[Stmt { kind: S::Pass, span: b.span("pass", "") }]),
            handlers: b.l(&[ExceptHandler {
                type_: Some(b.r(name("E", Load, b.span("E as", "E")))),
                name: Some(b.sym("\u{e9}")),
                body: b.l(&[ret]),
                span: b.span("except", "]"),
            }]),
            orelse: &[],
            finalbody: &[],
        },
        span: b.span("try", "]"),
    };
    let s2 = Stmt {
        kind: S::FunctionDef {
            is_async: false,
            name: b.sym("g"),
            args: g_args,
            body: b.l(&[
                Stmt {
                    kind: S::Import {
                        names: b.l(&[Alias {
                            name: b.sym("os"),
                            asname: Some(b.sym("o")),
                            span: b.span("os as o", ""),
                        }]),
                    },
                    span: b.span("import", "as o"),
                },
                try_stmt,
            ]),
            decorator_list: &[],
            returns: None,
            type_comment: None,
        },
        span: b.span("def", "]"),
    };
    let last_pass = src.rfind("pass").unwrap_or(0) as u32;
    let case_pattern = pat(
        P::MatchOr {
            patterns: b.l(&[
                pat(
                    P::MatchSequence {
                        patterns: b.l(&[
                            pat(
                                P::MatchValue { value: b.r(int(1, b.span("1,", "1"))) },
                                b.span("1,", "1"),
                            ),
                            pat(P::MatchStar { name: Some(b.sym("r")) }, b.span("*r", "")),
                        ]),
                    },
                    b.span("[1, *r]", ""),
                ),
                pat(
                    P::MatchMapping {
                        keys: b.l(&[Expr {
                            kind: E::Constant { value: Constant::Str(b"k"), kind: None },
                            span: b.span("'k'", ""),
                        }]),
                        patterns: b
                            .l(&[pat(P::MatchAs { pattern: None, name: None }, b.span("_}", "_"))]),
                        rest: None,
                    },
                    b.span("{'k'", "}"),
                ),
            ]),
        },
        b.span("[1, *r]", "}"),
    );
    let s3 = Stmt {
        kind: S::Match {
            subject: b.r(name("y", Load, b.span("y:\n    case", "y"))),
            cases: b.l(&[MatchCase {
                pattern: case_pattern,
                guard: None,
                body: b.l(&[Stmt { kind: S::Pass, span: Span::new(last_pass, last_pass + 4) }]),
            }]),
        },
        span: Span::new(b.span("match", "").start, last_pass + 4),
    };
    let m = b.module(&[s1, s2, s3]);
    check(
        &b,
        &m,
        "attrs",
        expected!("attrs", "line"),
        expected!("attrs", "indent"),
        Some((expected!("attrs", "attrs_line"), expected!("attrs", "attrs"))),
    );
}

#[test]
fn layout_rules() {
    // Hand-checked against CPython: a node with at most 3 simple values stays
    // on one line; empty lists are simple; `indent=0` still breaks lines.
    let arena = Bump::new();
    let b = B::new(&arena, "");
    let m = b.module(&[b.s(S::Pass), b.s(S::Return { value: None })]);
    assert_eq!(
        run(&b, &m, Some(0), false),
        "Module(\nbody=[\nPass(),\nReturn()],\ntype_ignores=[])"
    );
    let m = b.module(&[]);
    assert_eq!(run(&b, &m, Some(3), false), "Module(body=[], type_ignores=[])");
    let e = b.e(E::Constant { value: Constant::Float(f64::INFINITY), kind: None });
    let m = Mod::Expression { body: b.r(e) };
    assert_eq!(run(&b, &m, Some(2), false), "Expression(\n  body=Constant(value=inf))");
}

#[test]
fn integer_constants() {
    let arena = Bump::new();
    let b = B::new(&arena, "");
    for (v, want) in [
        (0, "0"),
        (7, "7"),
        (-12, "-12"),
        (i64::MAX, "9223372036854775807"),
        (i64::MIN, "-9223372036854775808"),
    ] {
        let m = Mod::Expression { body: b.r(b.int(v)) };
        assert_eq!(run(&b, &m, None, false), format!("Expression(body=Constant(value={want}))"));
    }
}
