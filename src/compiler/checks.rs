//! Compile-time checks: every `SyntaxError` CPython 3.11 raises after parsing
//! and before running code, in CPython's order.
//!
//! This module owns [`check_module`], which runs, as `compile()` does:
//! 1. `Python/future.c` — `from __future__` rules ([`future_features`]);
//! 2. `Python/symtable.c` — [`symtable::build`](super::symtable::build);
//! 3. the errors `Python/compile.c` raises while generating code, found by a
//!    walk that visits the AST in the code generator's order and tracks what
//!    it tracks for them: the kind of the current code unit, its stack of
//!    frame blocks (loops, `try`, `with`, handlers — for `break`/`continue`,
//!    `except*` and the 20-block nesting limit) and the current location.
//!
//! Error locations follow CPython's "current location" rules (the statement
//! or innermost expression being compiled, or the node a check points at).
//! The `from __future__` errors have no end column in CPython
//! (`end_offset` is `None`); here their span is empty, at the statement start.

use bumpalo::Bump;

use super::symtable::{
    self, FutureFeatures, ScopeId, ScopeKind, SymbolTable, MAX_DEPTH, RECURSION_MSG,
};
use crate::syntax::ast::*;
use crate::syntax::error::{ErrorKind, SyntaxError};
use crate::syntax::intern::{Interner, Symbol};
use crate::syntax::source::LineIndex;
use crate::syntax::tokens::Span;

/// Run the `__future__`, symbol-table and compiler checks on a parsed module
/// and return its symbol table, or the first `SyntaxError` CPython would
/// report. Mangled names are interned into `interner` (text in `arena`).
pub fn check_module<'a>(
    arena: &'a Bump,
    module: &Mod<'a>,
    interner: &mut Interner<'a>,
    src: &str,
) -> Result<SymbolTable, SyntaxError> {
    let lines = LineIndex::new(src);
    let future = future_features(module, interner, &lines)?;
    let table = symtable::build(arena, module, interner, future)?;
    let mut c = Checker {
        table: &table,
        interner,
        debug: interner.lookup("__debug__"),
        units: vec![Unit { scope: 0, ty: UnitType::Module, fblocks: Vec::new() }],
        depth: 0,
        lines: &lines,
    };
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => c.stmts(body)?,
        Mod::Expression { body } => c.expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    Ok(table)
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::syntax(msg, span)
}

fn is_docstring(s: &Stmt<'_>) -> bool {
    matches!(
        s.kind,
        StmtKind::Expr {
            value: Expr { kind: ExprKind::Constant { value: Constant::Str(_), .. }, .. }
        }
    )
}

/// `future.c`: the features imported by the `from __future__` statements at
/// the top of a module, or CPython's error for a misplaced or unknown one.
pub fn future_features(
    module: &Mod<'_>,
    interner: &Interner<'_>,
    lines: &LineIndex,
) -> Result<FutureFeatures, SyntaxError> {
    let mut ff = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => *body,
        _ => return Ok(ff),
    };
    let skip = usize::from(body.first().is_some_and(is_docstring));
    let mut done = false;
    let mut prev_line = 0u32;
    for s in &body[skip..] {
        let line = lines.line_col(s.span.start).0;
        if done && line > prev_line {
            return Ok(ff);
        }
        prev_line = line;
        if let StmtKind::ImportFrom { module: Some(m), names, .. } = s.kind {
            if interner.resolve(m) == "__future__" {
                let at = Span::new(s.span.start, s.span.start);
                if done {
                    // future.c passes the 0-based column here (no `+ 1`).
                    let at =
                        Span::new(s.span.start.saturating_sub(1), s.span.start.saturating_sub(1));
                    return Err(err(
                        "from __future__ imports must occur at the beginning of the file",
                        at,
                    ));
                }
                for a in names.iter() {
                    match interner.resolve(a.name) {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "generator_stop" => {}
                        "barry_as_FLUFL" => ff.barry_as_flufl = true,
                        "annotations" => ff.annotations = true,
                        "braces" => return Err(err("not a chance", at)),
                        other => {
                            return Err(err(format!("future feature {other} is not defined"), at))
                        }
                    }
                }
                ff.lineno = line;
                continue;
            }
        }
        done = true;
    }
    Ok(ff)
}

/// The kind of a code unit (`COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnitType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A frame block (`enum fblocktype`).
#[derive(Clone, Copy, Debug)]
enum FBlock<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt<'a>]),
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// `CO_MAXBLOCKS`.
const MAX_BLOCKS: usize = 20;

struct Unit<'a> {
    scope: ScopeId,
    ty: UnitType,
    fblocks: Vec<FBlock<'a>>,
}

struct Checker<'t, 'x, 'a> {
    table: &'t SymbolTable,
    interner: &'x Interner<'a>,
    debug: Option<Symbol>,
    units: Vec<Unit<'a>>,
    depth: u32,
    lines: &'x LineIndex,
}

type R = Result<(), SyntaxError>;

/// State of one pattern compilation (`pattern_context`), plus the current
/// location, which `compiler_pattern` moves to each pattern it compiles.
struct PatCtx {
    stores: Vec<Symbol>,
    allow_irrefutable: bool,
    loc: Span,
}

impl<'t, 'x, 'a> Checker<'t, 'x, 'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn unit_ty(&self) -> UnitType {
        self.units.last().map(|u| u.ty).unwrap_or(UnitType::Module)
    }

    fn ste_kind(&self) -> ScopeKind {
        self.units.last().map(|u| self.table.scopes[u.scope].kind).unwrap_or(ScopeKind::Module)
    }

    fn ste(&self) -> &'t symtable::Scope {
        let id = self.units.last().map(|u| u.scope).unwrap_or(0);
        &self.table.scopes[id]
    }

    fn enter(&mut self, span: Span, ty: UnitType) {
        let scope = self.table.scope_of(span).unwrap_or(0);
        self.units.push(Unit { scope, ty, fblocks: Vec::new() });
    }

    fn exit(&mut self) {
        self.units.pop();
    }

    fn guard(&mut self, span: Span) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let _ = span;
            return Err(SyntaxError::without_location(ErrorKind::RecursionError, RECURSION_MSG));
        }
        Ok(())
    }

    fn push_fblock(&mut self, b: FBlock<'a>, loc: Span) -> R {
        if self.unit().fblocks.len() >= MAX_BLOCKS {
            return Err(err("too many statically nested blocks", loc));
        }
        self.unit().fblocks.push(b);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// `forbidden_name`.
    fn forbidden(&self, name: Symbol, ctx: ExprContext, loc: Span) -> R {
        if Some(name) == self.debug {
            match ctx {
                ExprContext::Store => return Err(err("cannot assign to __debug__", loc)),
                ExprContext::Del => return Err(err("cannot delete __debug__", loc)),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &'a [Stmt<'a>]) -> R {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    /// `compiler_body`: a docstring is not compiled as a statement.
    fn body(&mut self, stmts: &'a [Stmt<'a>]) -> R {
        let skip = usize::from(stmts.first().is_some_and(is_docstring));
        self.stmts(&stmts[skip..])
    }

    fn exprs(&mut self, exprs: &'a [Expr<'a>]) -> R {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &'a Stmt<'a>) -> R {
        self.guard(s.span)?;
        self.stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn check_debug_args(&self, a: &Arguments<'a>, loc: Span) -> R {
        let all = a
            .posonlyargs
            .iter()
            .chain(a.args.iter())
            .chain(a.vararg)
            .chain(a.kwonlyargs.iter())
            .chain(a.kwarg);
        for arg in all {
            self.forbidden(arg.arg, ExprContext::Store, loc)?;
        }
        Ok(())
    }

    /// Positional and keyword-only defaults (`compiler_default_arguments`).
    fn defaults(&mut self, a: &'a Arguments<'a>) -> R {
        self.exprs(a.defaults)?;
        a.kw_defaults.iter().flatten().try_for_each(|e| self.expr(e))
    }

    fn annotation(&mut self, e: &'a Expr<'a>) -> R {
        if self.table.future.annotations {
            return Ok(());
        }
        match &e.kind {
            ExprKind::Starred { value, .. } => self.expr(value),
            _ => self.expr(e),
        }
    }

    fn stmt_inner(&mut self, s: &'a Stmt<'a>) -> R {
        let loc = s.span;
        match &s.kind {
            StmtKind::FunctionDef {
                is_async, name, args, body, decorator_list, returns, ..
            } => {
                self.check_debug_args(args, loc)?;
                self.exprs(decorator_list)?;
                self.defaults(args)?;
                let ann = |a: &'a Arg<'a>| a.annotation;
                for e in args.args.iter().chain(args.posonlyargs.iter()).filter_map(ann) {
                    self.annotation(e)?;
                }
                if let Some(e) = args.vararg.and_then(ann) {
                    self.annotation(e)?;
                }
                for e in args.kwonlyargs.iter().filter_map(ann) {
                    self.annotation(e)?;
                }
                if let Some(e) = args.kwarg.and_then(ann) {
                    self.annotation(e)?;
                }
                if let Some(r) = returns {
                    self.annotation(r)?;
                }
                self.enter(
                    s.span,
                    if *is_async { UnitType::AsyncFunction } else { UnitType::Function },
                );
                self.body(body)?;
                self.exit();
                self.forbidden(*name, ExprContext::Store, loc)?;
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.exprs(decorator_list)?;
                self.enter(s.span, UnitType::Class);
                self.body(body)?;
                self.exit();
                self.call_helper(bases, keywords, loc)?;
                self.forbidden(*name, ExprContext::Store, loc)?;
            }
            StmtKind::Return { value } => {
                if self.ste_kind() != ScopeKind::Function {
                    return Err(err("'return' outside function", loc));
                }
                let ste = self.ste();
                if value.is_some() && ste.is_coroutine && ste.is_generator {
                    return Err(err("'return' with value in async generator", loc));
                }
                let mut at = loc;
                let mut preserve = false;
                if let Some(v) = value {
                    if matches!(v.kind, ExprKind::Constant { .. }) {
                        // SET_LOC(value), kept when the value starts on the
                        // statement's line.
                        if !self.spans_newline(loc.start, v.span.start) {
                            at = v.span;
                        }
                    } else {
                        preserve = true;
                        self.expr(v)?;
                    }
                }
                self.unwind_stack(preserve, false, at)?;
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                self.exprs(targets)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                match &target.kind {
                    ExprKind::Attribute { value: v, .. } => self.expr(v)?,
                    ExprKind::Subscript { value: v, slice, .. } => {
                        self.expr(v)?;
                        self.expr(slice)?;
                    }
                    _ => {}
                }
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = target.kind {
                    self.forbidden(id, ExprContext::Store, target.span)?;
                }
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.expr(target)?;
                }
                let module_or_class = matches!(self.unit_ty(), UnitType::Module | UnitType::Class);
                match &target.kind {
                    ExprKind::Name { id, .. } => {
                        self.forbidden(*id, ExprContext::Store, loc)?;
                        if *simple && module_or_class && !self.table.future.annotations {
                            self.expr(annotation)?;
                        }
                    }
                    ExprKind::Attribute { value: v, attr, .. } => {
                        self.forbidden(*attr, ExprContext::Store, loc)?;
                        if value.is_none() {
                            self.expr(v)?;
                        }
                    }
                    ExprKind::Subscript { value: v, slice, .. } if value.is_none() => {
                        self.expr(v)?;
                        self.expr(slice)?;
                    }
                    _ => {}
                }
                if !*simple && !self.table.future.annotations && module_or_class {
                    self.expr(annotation)?;
                }
            }
            StmtKind::For { is_async, target, iter, body, orelse, .. } => {
                if *is_async {
                    if self.unit_ty() != UnitType::AsyncFunction {
                        return Err(err("'async for' outside async function", loc));
                    }
                    self.expr(iter)?;
                    self.push_fblock(FBlock::ForLoop, loc)?;
                } else {
                    self.push_fblock(FBlock::ForLoop, loc)?;
                    self.expr(iter)?;
                }
                self.expr(target)?;
                self.stmts(body)?;
                self.pop_fblock();
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.push_fblock(FBlock::WhileLoop, loc)?;
                self.expr(test)?;
                self.stmts(body)?;
                self.pop_fblock();
                self.stmts(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { is_async, items, body, .. } => {
                if *is_async && self.unit_ty() != UnitType::AsyncFunction {
                    return Err(err("'async with' outside async function", loc));
                }
                let kind = if *is_async { FBlock::AsyncWith } else { FBlock::With };
                for item in items.iter() {
                    self.expr(&item.context_expr)?;
                    self.push_fblock(kind, loc)?;
                    if let Some(v) = item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
                for _ in items.iter() {
                    self.pop_fblock();
                }
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                    }
                }
            }
            StmtKind::Try { is_star, body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.push_fblock(FBlock::FinallyTry(finalbody), loc)?;
                    if !handlers.is_empty() {
                        self.try_except(*is_star, body, handlers, orelse, loc)?;
                    } else {
                        self.stmts(body)?;
                    }
                    self.pop_fblock();
                    self.stmts(finalbody)?;
                    self.push_fblock(FBlock::FinallyEnd, loc)?;
                    self.stmts(finalbody)?;
                    self.pop_fblock();
                } else {
                    self.try_except(*is_star, body, handlers, orelse, loc)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names.iter() {
                    let store = match a.asname {
                        Some(n) => n,
                        None => {
                            let text = self.interner.resolve(a.name);
                            let first = text.split('.').next().unwrap_or(text);
                            match self.interner.lookup(first) {
                                Some(sym) => sym,
                                None => continue,
                            }
                        }
                    };
                    self.forbidden(store, ExprContext::Store, loc)?;
                }
            }
            StmtKind::ImportFrom { module, names, .. } => {
                if let Some(m) = module {
                    let line = self.lines.line_col(s.span.start).0;
                    if self.interner.resolve(*m) == "__future__" && line > self.table.future.lineno
                    {
                        return Err(err(
                            "from __future__ imports must occur at the beginning of the file",
                            loc,
                        ));
                    }
                }
                for a in names.iter() {
                    if self.interner.resolve(a.name) == "*" {
                        break;
                    }
                    self.forbidden(a.asname.unwrap_or(a.name), ExprContext::Store, loc)?;
                }
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => {}
            StmtKind::Expr { value } => {
                if !matches!(value.kind, ExprKind::Constant { .. }) {
                    self.expr(value)?;
                }
            }
            StmtKind::Break => {
                if !self.unwind_stack(false, true, loc)? {
                    return Err(err("'break' outside loop", loc));
                }
            }
            StmtKind::Continue => {
                if !self.unwind_stack(false, true, loc)? {
                    return Err(err("'continue' not properly in loop", loc));
                }
            }
        }
        Ok(())
    }

    /// Whether two offsets are on different lines.
    fn spans_newline(&self, from: u32, to: u32) -> bool {
        self.lines.line_col(from).0 != self.lines.line_col(to).0
    }

    /// `compiler_try_except` / `compiler_try_star_except`.
    fn try_except(
        &mut self,
        is_star: bool,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        loc: Span,
    ) -> R {
        self.push_fblock(FBlock::TryExcept, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.stmts(orelse)?;
        let hb = if is_star { FBlock::ExceptionGroupHandler } else { FBlock::ExceptionHandler };
        // The handler block is pushed with the location left by the last
        // compiled statement; CPython has unset it (artificial), so point at
        // the `try` statement.
        self.push_fblock(hb, loc)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            if !is_star && h.type_.is_none() && i + 1 < n {
                return Err(err("default 'except:' must be last", h.span));
            }
            if let Some(t) = h.type_ {
                self.expr(t)?;
            }
            if let Some(name) = h.name {
                self.forbidden(name, ExprContext::Store, h.span)?;
            }
            self.push_fblock(FBlock::HandlerCleanup, h.span)?;
            self.stmts(h.body)?;
            self.pop_fblock();
        }
        self.pop_fblock();
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: returns whether a loop was found (when
    /// `want_loop`); compiles the `finally` bodies being unwound.
    fn unwind_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        loc: Span,
    ) -> Result<bool, SyntaxError> {
        let Some(&top) = self.unit().fblocks.last() else { return Ok(false) };
        if let FBlock::ExceptionGroupHandler = top {
            return Err(err(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                loc,
            ));
        }
        if want_loop && matches!(top, FBlock::WhileLoop | FBlock::ForLoop) {
            return Ok(true);
        }
        self.unit().fblocks.pop();
        if let FBlock::FinallyTry(finalbody) = top {
            if preserve_tos {
                self.push_fblock(FBlock::PopValue, loc)?;
            }
            self.stmts(finalbody)?;
            if preserve_tos {
                self.pop_fblock();
            }
        }
        let found = self.unwind_stack(preserve_tos, want_loop, loc)?;
        self.unit().fblocks.push(top);
        Ok(found)
    }

    /// `validate_keywords` then the arguments, in order.
    fn call_helper(&mut self, args: &'a [Expr<'a>], keywords: &'a [Keyword<'a>], loc: Span) -> R {
        self.validate_keywords(keywords, loc)?;
        self.call_args(args, keywords)
    }

    fn validate_keywords(&self, keywords: &[Keyword<'a>], loc: Span) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = k.arg else { continue };
            self.forbidden(arg, ExprContext::Store, loc)?;
            if let Some(other) = keywords[i + 1..].iter().find(|o| o.arg == Some(arg)) {
                let msg = format!("keyword argument repeated: {}", self.interner.resolve(arg));
                return Err(err(msg, other.span));
            }
        }
        Ok(())
    }

    fn call_args(&mut self, args: &'a [Expr<'a>], keywords: &'a [Keyword<'a>]) -> R {
        self.star_elts(args)?;
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// Elements of a call or a list/tuple/set display, where `*x` is allowed.
    fn star_elts(&mut self, elts: &'a [Expr<'a>]) -> R {
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    /// `unpack_helper` + `assignment_helper` for a list/tuple target.
    fn assignment(&mut self, elts: &'a [Expr<'a>], loc: Span) -> R {
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { .. } = e.kind {
                if seen_star {
                    return Err(err("multiple starred expressions in assignment", loc));
                }
                if i >= 256 || elts.len() - i > (i32::MAX >> 8) as usize {
                    return Err(err("too many expressions in star-unpacking assignment", loc));
                }
                seen_star = true;
            }
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr<'a>) -> R {
        self.guard(e.span)?;
        self.expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr<'a>) -> R {
        let loc = e.span;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.check_debug_args(args, loc)?;
                self.defaults(args)?;
                self.enter(e.span, UnitType::Lambda);
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values.iter()) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set { elts } => self.star_elts(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, elt, None, false)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, elt, None, false)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, generators, key, Some(value), false)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, elt, None, true)?
            }
            ExprKind::Yield { value } => {
                if self.ste_kind() != ScopeKind::Function {
                    return Err(err("'yield' outside function", loc));
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                if self.ste_kind() != ScopeKind::Function {
                    return Err(err("'yield' outside function", loc));
                }
                if self.unit_ty() == UnitType::AsyncFunction {
                    return Err(err("'yield from' inside async function", loc));
                }
                self.expr(value)?;
            }
            ExprKind::Await { value } => {
                if self.ste_kind() != ScopeKind::Function {
                    return Err(err("'await' outside function", loc));
                }
                if !matches!(self.unit_ty(), UnitType::AsyncFunction | UnitType::Comprehension) {
                    return Err(err("'await' outside async function", loc));
                }
                self.expr(value)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.validate_keywords(keywords, loc)?;
                self.expr(func)?;
                self.call_args(args, keywords)?;
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                if *ctx == ExprContext::Store {
                    let mut at = loc;
                    if self.spans_newline(loc.start, loc.end) {
                        let len = self.interner.resolve(*attr).chars().count() as u32;
                        at = Span::new(loc.end.saturating_sub(len), loc.end);
                    }
                    self.forbidden(*attr, ExprContext::Store, at)?;
                }
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(err(
                    if *ctx == ExprContext::Store {
                        "starred assignment target must be in a list or tuple"
                    } else {
                        "can't use starred expression here"
                    },
                    loc,
                ));
            }
            ExprKind::Name { id, ctx } => self.forbidden(*id, *ctx, loc)?,
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment(elts, loc)?,
                ExprContext::Load => self.star_elts(elts)?,
                ExprContext::Del => self.exprs(elts)?,
            },
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    /// `compiler_comprehension`.
    fn comprehension(
        &mut self,
        e: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        is_genexp: bool,
    ) -> R {
        let Some(outermost) = generators.first() else { return Ok(()) };
        let outer_ty = self.unit_ty();
        self.enter(e.span, UnitType::Comprehension);
        let is_async_generator = self.ste().is_coroutine;
        if is_async_generator
            && !is_genexp
            && !matches!(outer_ty, UnitType::AsyncFunction | UnitType::Comprehension)
        {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        self.generator(generators, 0, elt, value, e.span)?;
        self.exit();
        self.expr(&outermost.iter)
    }

    fn generator(
        &mut self,
        generators: &'a [Comprehension<'a>],
        i: usize,
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        loc: Span,
    ) -> R {
        let Some(gen) = generators.get(i) else {
            self.expr(elt)?;
            if let Some(v) = value {
                self.expr(v)?;
            }
            return Ok(());
        };
        if i > 0 {
            self.expr(&gen.iter)?;
        }
        if gen.is_async {
            self.push_fblock(FBlock::AsyncComprehensionGenerator, loc)?;
        }
        self.expr(&gen.target)?;
        self.exprs(gen.ifs)?;
        self.guard(loc)?;
        self.generator(generators, i + 1, elt, value, loc)?;
        self.depth -= 1;
        if gen.is_async {
            self.pop_fblock();
        }
        Ok(())
    }

    // ----- match statements (`compiler_match` and the pattern compilers) -----

    fn match_stmt(&mut self, subject: &'a Expr<'a>, cases: &'a [MatchCase<'a>]) -> R {
        self.expr(subject)?;
        let n = cases.len();
        let last_is_wildcard = cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let has_default = last_is_wildcard && n > 1;
        for (i, m) in cases.iter().enumerate().take(n - usize::from(has_default)) {
            let mut pc = PatCtx {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i == n - 1,
                loc: m.pattern.span,
            };
            self.pattern(&m.pattern, &mut pc)?;
            if let Some(g) = m.guard {
                self.expr(g)?;
            }
            self.stmts(m.body)?;
        }
        if has_default {
            let m = &cases[n - 1];
            if let Some(g) = m.guard {
                self.expr(g)?;
            }
            self.stmts(m.body)?;
        }
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatCtx) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn store_name(&mut self, name: Option<Symbol>, pc: &mut PatCtx) -> R {
        let Some(n) = name else { return Ok(()) };
        self.forbidden(n, ExprContext::Store, pc.loc)?;
        if pc.stores.contains(&n) {
            let msg =
                format!("multiple assignments to name '{}' in pattern", self.interner.resolve(n));
            return Err(err(msg, pc.loc));
        }
        pc.stores.push(n);
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatCtx) -> R {
        self.guard(p.span)?;
        pc.loc = p.span;
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } => {
                let mut star: Option<usize> = None;
                let mut only_wildcard = true;
                let mut star_wildcard = false;
                for (i, sub) in patterns.iter().enumerate() {
                    if let PatternKind::MatchStar { name } = sub.kind {
                        if star.is_some() {
                            return Err(err("multiple starred names in sequence pattern", pc.loc));
                        }
                        star_wildcard = name.is_none();
                        only_wildcard &= star_wildcard;
                        star = Some(i);
                        continue;
                    }
                    only_wildcard &= is_wildcard(sub);
                }
                if only_wildcard {
                } else if star_wildcard {
                    for (i, sub) in patterns.iter().enumerate() {
                        if is_wildcard(sub) || Some(i) == star {
                            continue;
                        }
                        self.subpattern(sub, pc)?;
                    }
                } else {
                    if let Some(i) = star {
                        if i >= 256 {
                            return Err(err(
                                "too many expressions in star-unpacking sequence pattern",
                                pc.loc,
                            ));
                        }
                    }
                    for sub in patterns.iter() {
                        self.subpattern(sub, pc)?;
                    }
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                if !keys.is_empty() || rest.is_some() {
                    let mut seen: Vec<KeyValue<'a>> = Vec::new();
                    for key in keys.iter() {
                        if let Some(k) = const_key(key) {
                            if seen.iter().any(|s| s.equals(&k)) {
                                let msg =
                                    format!("mapping pattern checks duplicate key ({})", k.repr());
                                return Err(err(msg, pc.loc));
                            }
                            seen.push(k);
                        }
                        self.expr(key)?;
                    }
                    for sub in patterns.iter() {
                        self.subpattern(sub, pc)?;
                    }
                    self.store_name(*rest, pc)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                for (i, &attr) in kwd_attrs.iter().enumerate() {
                    let at = kwd_patterns.get(i).map(|p| p.span).unwrap_or(p.span);
                    self.forbidden(attr, ExprContext::Store, at)?;
                    if let Some(j) = kwd_attrs[i + 1..].iter().position(|&o| o == attr) {
                        let at = kwd_patterns.get(i + 1 + j).map(|p| p.span).unwrap_or(p.span);
                        let msg = format!(
                            "attribute name repeated in class pattern: {}",
                            self.interner.resolve(attr)
                        );
                        return Err(err(msg, at));
                    }
                }
                pc.loc = p.span;
                self.expr(cls)?;
                for sub in patterns.iter().chain(kwd_patterns.iter()) {
                    if is_wildcard(sub) {
                        continue;
                    }
                    self.subpattern(sub, pc)?;
                }
            }
            PatternKind::MatchStar { name } => self.store_name(*name, pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                self.interner.resolve(*n)
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(err(msg, pc.loc));
                    }
                    self.store_name(*name, pc)?;
                }
                Some(sub) => {
                    self.pattern(sub, pc)?;
                    self.store_name(*name, pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => {
                let outer_stores = std::mem::take(&mut pc.stores);
                let outer_allow = pc.allow_irrefutable;
                let mut control: Option<Vec<Symbol>> = None;
                for (i, alt) in patterns.iter().enumerate() {
                    pc.loc = alt.span;
                    pc.stores = Vec::new();
                    pc.allow_irrefutable = i + 1 == patterns.len() && outer_allow;
                    self.pattern(alt, pc)?;
                    match &control {
                        None => control = Some(pc.stores.clone()),
                        Some(c) => {
                            if c.len() != pc.stores.len()
                                || c.iter().any(|n| !pc.stores.contains(n))
                            {
                                return Err(err(
                                    "alternative patterns bind different names",
                                    pc.loc,
                                ));
                            }
                        }
                    }
                }
                pc.allow_irrefutable = outer_allow;
                pc.stores = outer_stores;
                for n in control.unwrap_or_default() {
                    if pc.stores.contains(&n) {
                        let msg = format!(
                            "multiple assignments to name '{}' in pattern",
                            self.interner.resolve(n)
                        );
                        return Err(err(msg, pc.loc));
                    }
                    pc.stores.push(n);
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }
}

/// `_`: a capture-less, sub-pattern-less `MatchAs`.
fn is_wildcard(p: &Pattern<'_>) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

/// A constant mapping-pattern key, after CPython's AST optimizer folds
/// `-1` and `1+2j`.
#[derive(Clone, Copy, Debug)]
enum KeyValue<'a> {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(bool, &'a str),
    Float(f64),
    Complex(f64, f64),
    Str(&'a [u8]),
    Bytes(&'a [u8]),
}

fn const_key<'a>(e: &Expr<'a>) -> Option<KeyValue<'a>> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(match *value {
            Constant::None => KeyValue::None,
            Constant::Bool(b) => KeyValue::Bool(b),
            Constant::Ellipsis => KeyValue::Ellipsis,
            Constant::Int(i) => KeyValue::Int(i),
            Constant::BigInt(s) => KeyValue::BigInt(false, s),
            Constant::Float(f) => KeyValue::Float(f),
            Constant::Complex { real, imag } => KeyValue::Complex(real, imag),
            Constant::Str(s) => KeyValue::Str(s),
            Constant::Bytes(b) => KeyValue::Bytes(b),
        }),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match const_key(operand)? {
            KeyValue::Int(i) => {
                Some(i.checked_neg().map(KeyValue::Int).unwrap_or(KeyValue::Float(-(i as f64))))
            }
            KeyValue::BigInt(neg, s) => Some(KeyValue::BigInt(!neg, s)),
            KeyValue::Float(f) => Some(KeyValue::Float(-f)),
            KeyValue::Complex(r, i) => Some(KeyValue::Complex(-r, -i)),
            _ => None,
        },
        ExprKind::BinOp { left, op: op @ (Operator::Add | Operator::Sub), right } => {
            let l = const_key(left)?.as_complex()?;
            let r = const_key(right)?.as_complex()?;
            Some(if *op == Operator::Add {
                KeyValue::Complex(l.0 + r.0, l.1 + r.1)
            } else {
                KeyValue::Complex(l.0 - r.0, l.1 - r.1)
            })
        }
        _ => None,
    }
}

impl KeyValue<'_> {
    fn as_complex(&self) -> Option<(f64, f64)> {
        match *self {
            KeyValue::Int(i) => Some((i as f64, 0.0)),
            KeyValue::Float(f) => Some((f, 0.0)),
            KeyValue::Complex(r, i) => Some((r, i)),
            _ => None,
        }
    }

    /// The numeric value, when it is one (`bool` counts, as in Python).
    fn number(&self) -> Option<(f64, f64, Option<i64>)> {
        match *self {
            KeyValue::Bool(b) => Some((b as i64 as f64, 0.0, Some(b as i64))),
            KeyValue::Int(i) => Some((i as f64, 0.0, Some(i))),
            KeyValue::Float(f) => Some((f, 0.0, None)),
            KeyValue::Complex(r, i) => Some((r, i, None)),
            _ => None,
        }
    }

    /// Python `==` between two constants.
    fn equals(&self, other: &KeyValue<'_>) -> bool {
        match (self, other) {
            (KeyValue::None, KeyValue::None) | (KeyValue::Ellipsis, KeyValue::Ellipsis) => true,
            (KeyValue::Str(a), KeyValue::Str(b)) | (KeyValue::Bytes(a), KeyValue::Bytes(b)) => {
                a == b
            }
            (KeyValue::BigInt(n1, a), KeyValue::BigInt(n2, b)) => n1 == n2 && a == b,
            _ => match (self.number(), other.number()) {
                (Some((_, _, Some(a))), Some((_, _, Some(b)))) => a == b,
                (Some((r1, i1, _)), Some((r2, i2, _))) => r1 == r2 && i1 == i2,
                _ => false,
            },
        }
    }

    /// Python's `repr`.
    fn repr(&self) -> String {
        match *self {
            KeyValue::None => "None".into(),
            KeyValue::Bool(b) => if b { "True" } else { "False" }.into(),
            KeyValue::Ellipsis => "Ellipsis".into(),
            KeyValue::Int(i) => i.to_string(),
            KeyValue::BigInt(neg, s) => format!("{}{s}", if neg { "-" } else { "" }),
            KeyValue::Float(f) => float_repr(f),
            KeyValue::Complex(r, i) => {
                let im = |x: f64| {
                    let s = float_repr(x);
                    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
                };
                if r == 0.0 && r.is_sign_positive() {
                    format!("{}j", im(i))
                } else {
                    let sign = if i.is_sign_negative() { "" } else { "+" };
                    format!("({}{sign}{}j)", im(r), im(i))
                }
            }
            KeyValue::Str(s) => str_repr(&String::from_utf8_lossy(s)),
            KeyValue::Bytes(b) => bytes_repr(b),
        }
    }
}

/// Python's `repr(float)`.
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{f:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-5..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let sign = if exp < 0 { "-" } else { "+" };
        format!("{mant}e{sign}{:02}", exp.abs())
    }
}

/// Python's `repr(str)`.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parser::{parse, ParseOptions};

    /// Parse and check `src`: `Ok(())` or CPython's
    /// `(lineno, offset, end_lineno, end_offset, msg)`, offsets 1-based
    /// character columns as Python's `SyntaxError` gives them.
    pub(crate) fn run(src: &str) -> Result<(), (u32, u32, u32, u32, String)> {
        let arena = Bump::new();
        let mut interner = Interner::new();
        let lines = LineIndex::new(src);
        let col = |off: u32| {
            let (line, _) = lines.line_col(off);
            let start = lines.line_start(line) as usize;
            let off = (off as usize).min(src.len());
            (line, src.get(start..off).map(|t| t.chars().count() as u32 + 1).unwrap_or(0))
        };
        let result = parse(&arena, src, ParseOptions::default(), &mut interner)
            .and_then(|m| check_module(&arena, &m, &mut interner, src).map(|_| ()));
        result.map_err(|e| {
            let (l, c) = col(e.span.start);
            let (el, ec) = col(e.span.end);
            (l, c, el, ec, e.msg)
        })
    }

    /// Differential helper: `TAIPAN_CASES=file cargo test --lib dump_cases -- --ignored --nocapture`
    /// prints each `#---`-separated case as /tmp/st/py.py does with python3.
    #[test]
    #[ignore]
    fn dump_cases() {
        let Ok(path) = std::env::var("TAIPAN_CASES") else { return };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for case in text.split("#---\n") {
            if case.trim().is_empty() {
                continue;
            }
            let r = match run(case) {
                Ok(()) => "OK".to_string(),
                Err((l, c, el, ec, m)) => format!("{l} {c} {el} {ec} {m}"),
            };
            println!("{case:?} => {r}");
        }
    }
}
