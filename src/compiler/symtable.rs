//! The symbol table: CPython 3.11's `Python/symtable.c`, pass for pass.
//!
//! This module owns the scopes of a module (module, function, lambda, class,
//! comprehension and — under `from __future__ import annotations` — annotation
//! blocks), the names each scope uses and binds with their `DEF_*` flags, the
//! resolved scope of every name (local, global explicit/implicit, free, cell),
//! and the `SyntaxError`s `symtable.c` raises while building and analysing the
//! table.
//!
//! Two passes, as in CPython: [`build`] walks the AST in `symtable.c`'s visiting
//! order recording flags (and raising the errors found while visiting), then
//! the analysis resolves every name against the enclosing scopes (raising the
//! `nonlocal`/`global` errors found there).
//!
//! Finding the scope of a node: scopes are stored in [`SymbolTable::scopes`]
//! in creation order (the order `symtable.c` enters blocks: a pre-order walk of
//! the AST in its visiting order); [`SymbolTable::scope_of`] maps the span of a
//! `FunctionDef`/`ClassDef` statement or a `Lambda`/comprehension expression to
//! its scope, and [`SymbolTable::annotation_scope_of`] the span of a function
//! statement or annotation expression to its annotation block.
//!
//! Names are the parser's interned [`Symbol`]s, mangled (`__x` → `_C__x`)
//! inside classes as CPython does; mangled names are interned into the same
//! interner (their text allocated in the AST arena).

use ahash::{AHashMap, AHashSet};
use bumpalo::Bump;

use crate::syntax::ast::*;
use crate::syntax::error::{ErrorKind, SyntaxError};
use crate::syntax::intern::{Interner, Symbol};
use crate::syntax::tokens::Span;

/// Name flags, CPython's `DEF_*` bits (`Include/internal/pycore_symtable.h`).
pub mod flags {
    /// `global` statement.
    pub const DEF_GLOBAL: u32 = 1;
    /// Assignment in this scope.
    pub const DEF_LOCAL: u32 = 2;
    /// Formal parameter.
    pub const DEF_PARAM: u32 = 4;
    /// `nonlocal` statement.
    pub const DEF_NONLOCAL: u32 = 8;
    /// Name is used.
    pub const USE: u32 = 16;
    /// Name used but not defined in a nested block.
    pub const DEF_FREE: u32 = 32;
    /// Free variable from a class's method.
    pub const DEF_FREE_CLASS: u32 = 64;
    /// Assignment by an import.
    pub const DEF_IMPORT: u32 = 128;
    /// The name is annotated.
    pub const DEF_ANNOT: u32 = 256;
    /// Comprehension iteration variable.
    pub const DEF_COMP_ITER: u32 = 512;
    /// Any binding.
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

/// The kind of a block (`_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Module,
    /// A `def`, `async def`, `lambda` or comprehension.
    Function,
    Class,
    /// An annotation block (only under `from __future__ import annotations`).
    Annotation,
}

/// Which comprehension a function block is (`_Py_comprehension_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

/// The resolved scope of a name (CPython's `LOCAL` .. `CELL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// One name of a scope: its flags and, after analysis, its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SymbolInfo {
    pub name: Symbol,
    pub flags: u32,
    pub scope: NameScope,
}

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// One block: CPython's `PySTEntryObject`.
#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `top`, the function or class name, `lambda`, `listcomp`, `setcomp`,
    /// `dictcomp`, `genexpr` or `_annotation`.
    pub name: Symbol,
    /// The span of the node that opened the block.
    pub span: Span,
    pub parent: Option<ScopeId>,
    /// Child blocks in source (creation) order.
    pub children: Vec<ScopeId>,
    /// Names in first-seen order (CPython's dict order).
    pub symbols: Vec<SymbolInfo>,
    index: AHashMap<Symbol, usize>,
    /// Parameters in order (including `.0` of a comprehension).
    pub varnames: Vec<Symbol>,
    pub comprehension: Option<ComprehensionKind>,
    pub is_async_def: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    pub returns_value: bool,
    /// Nested inside a function.
    pub nested: bool,
    /// This block has free variables.
    pub has_free: bool,
    /// A child block has free variables.
    pub child_free: bool,
    /// A class whose methods use `__class__` / `super()`.
    pub needs_class_closure: bool,
    /// `global`/`nonlocal` directives (and walrus-implied ones): name and the
    /// span errors about them point at.
    directives: Vec<(Symbol, Span)>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(
        kind: ScopeKind,
        name: Symbol,
        span: Span,
        parent: Option<ScopeId>,
        nested: bool,
    ) -> Scope {
        Scope {
            kind,
            name,
            span,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: AHashMap::new(),
            varnames: Vec::new(),
            comprehension: None,
            is_async_def: false,
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkeywords: false,
            returns_value: false,
            nested,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
            directives: Vec::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The flags of `name` (0 if absent).
    pub fn flags(&self, name: Symbol) -> u32 {
        self.index.get(&name).map(|&i| self.symbols[i].flags).unwrap_or(0)
    }

    /// The entry of `name`, if the scope knows it.
    pub fn lookup(&self, name: Symbol) -> Option<&SymbolInfo> {
        self.index.get(&name).map(|&i| &self.symbols[i])
    }

    /// The resolved scope of `name` (`None` if the block never mentions it).
    pub fn scope_of_name(&self, name: Symbol) -> Option<NameScope> {
        self.lookup(name).map(|s| s.scope)
    }

    fn set_flags(&mut self, name: Symbol, flags: u32) {
        match self.index.get(&name) {
            Some(&i) => self.symbols[i].flags = flags,
            None => {
                self.index.insert(name, self.symbols.len());
                self.symbols.push(SymbolInfo { name, flags, scope: NameScope::Local });
            }
        }
    }
}

/// Features turned on by `from __future__ import ...`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `annotations` (PEP 563): annotations are not evaluated.
    pub annotations: bool,
    /// `barry_as_FLUFL`.
    pub barry_as_flufl: bool,
    /// Line of the last `from __future__` import at the top of the module
    /// (0 if none): later ones are errors.
    pub lineno: u32,
}

/// The symbol table of one module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// All scopes in creation order; `scopes[0]` is the module.
    pub scopes: Vec<Scope>,
    by_node: AHashMap<(u32, u32, bool), ScopeId>,
    pub future: FutureFeatures,
}

impl SymbolTable {
    pub fn top(&self) -> &Scope {
        &self.scopes[0]
    }

    /// The scope opened by the `FunctionDef`/`ClassDef` statement or the
    /// `Lambda`/`ListComp`/`SetComp`/`DictComp`/`GeneratorExp` expression with
    /// this span.
    pub fn scope_of(&self, span: Span) -> Option<ScopeId> {
        self.by_node.get(&(span.start, span.end, false)).copied()
    }

    /// The annotation block keyed by a function statement's span (its
    /// parameter annotations) or an annotation expression's span.
    pub fn annotation_scope_of(&self, span: Span) -> Option<ScopeId> {
        self.by_node.get(&(span.start, span.end, true)).copied()
    }
}

/// The message of the `RecursionError` CPython raises for too deeply nested code.
pub const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

/// Nesting limit of the AST walks (CPython: recursion limit × 3).
pub(crate) const MAX_DEPTH: u32 = 3000;

/// Build and analyse the symbol table of `module`.
pub fn build<'a>(
    arena: &'a Bump,
    module: &Mod<'a>,
    interner: &mut Interner<'a>,
    future: FutureFeatures,
) -> Result<SymbolTable, SyntaxError> {
    let names = Names::new(interner);
    let mut b = Builder {
        arena,
        interner,
        names,
        scopes: Vec::new(),
        by_node: AHashMap::new(),
        stack: Vec::new(),
        private: None,
        future,
        depth: 0,
    };
    let top = b.names.top;
    b.enter(ScopeKind::Module, top, Span::default(), None);
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => b.stmts(body)?,
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { argtypes, returns } => {
            b.exprs(argtypes)?;
            b.expr(returns)?;
        }
    }
    let Builder { mut scopes, by_node, .. } = b;
    let an = Analyzer { interner, class_: names.class_ };
    an.block(&mut scopes, 0, None, &mut NameSet::new(), &mut NameSet::new())?;
    Ok(SymbolTable { scopes, by_node, future })
}

/// Symbols of the fixed names the table needs.
#[derive(Clone, Copy)]
struct Names {
    top: Symbol,
    lambda: Symbol,
    listcomp: Symbol,
    setcomp: Symbol,
    dictcomp: Symbol,
    genexp: Symbol,
    annotation: Symbol,
    dot0: Symbol,
    class_: Symbol,
    super_: Symbol,
}

impl Names {
    fn new(i: &mut Interner<'_>) -> Names {
        Names {
            top: i.intern("top"),
            lambda: i.intern("lambda"),
            listcomp: i.intern("listcomp"),
            setcomp: i.intern("setcomp"),
            dictcomp: i.intern("dictcomp"),
            genexp: i.intern("genexpr"),
            annotation: i.intern("_annotation"),
            dot0: i.intern(".0"),
            class_: i.intern("__class__"),
            super_: i.intern("super"),
        }
    }
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::syntax(msg, span)
}

struct Builder<'a, 'i> {
    arena: &'a Bump,
    interner: &'i mut Interner<'a>,
    names: Names,
    scopes: Vec<Scope>,
    by_node: AHashMap<(u32, u32, bool), ScopeId>,
    /// Open blocks, innermost last (`st_stack`).
    stack: Vec<ScopeId>,
    /// The class name used for mangling (`st_private`).
    private: Option<Symbol>,
    future: FutureFeatures,
    depth: u32,
}

type R = Result<(), SyntaxError>;

impl<'a, 'i> Builder<'a, 'i> {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.scopes[c]
    }

    fn enter(&mut self, kind: ScopeKind, name: Symbol, span: Span, key: Option<(Span, bool)>) {
        let parent = self.stack.last().copied();
        let nested = parent
            .map(|p| self.scopes[p].nested || self.scopes[p].kind == ScopeKind::Function)
            .unwrap_or(false);
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, span, parent, nested));
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        if let Some((k, ann)) = key {
            self.by_node.insert((k.start, k.end, ann), id);
        }
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// CPython's `_Py_Mangle`.
    fn mangle(&mut self, name: Symbol) -> Symbol {
        let Some(private) = self.private else { return name };
        let text = self.interner.resolve(name);
        if !text.starts_with("__") || text.ends_with("__") || text.contains('.') {
            return name;
        }
        let class = self.interner.resolve(private).trim_start_matches('_');
        if class.is_empty() {
            return name;
        }
        let mut s = String::with_capacity(1 + class.len() + text.len());
        s.push('_');
        s.push_str(class);
        s.push_str(text);
        let s: &'a str = self.arena.alloc_str(&s);
        self.interner.intern(s)
    }

    fn add_def(&mut self, name: Symbol, flag: u32, span: Span) -> R {
        let cur = self.cur();
        self.add_def_in(name, flag, cur, span)
    }

    /// `symtable_add_def_helper`.
    fn add_def_in(&mut self, name: Symbol, flag: u32, scope: ScopeId, span: Span) -> R {
        let mangled = self.mangle(name);
        let ste = &mut self.scopes[scope];
        let mut val = ste.flags(mangled);
        if ste.index.contains_key(&mangled) {
            if flag & DEF_PARAM != 0 && val & DEF_PARAM != 0 {
                let msg = format!(
                    "duplicate argument '{}' in function definition",
                    self.interner.resolve(name)
                );
                return Err(err(msg, span));
            }
            val |= flag;
        } else {
            val = flag;
        }
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{}'",
                    self.interner.resolve(name)
                );
                return Err(err(msg, span));
            }
            val |= DEF_COMP_ITER;
        }
        ste.set_flags(mangled, val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // CPython also records the name in the module's dict (`st_global`).
            let old = self.scopes[0].flags(mangled);
            self.scopes[0].set_flags(mangled, old | flag);
        }
        Ok(())
    }

    fn lookup(&mut self, name: Symbol) -> u32 {
        let mangled = self.mangle(name);
        let c = self.cur();
        self.scopes[c].flags(mangled)
    }

    fn record_directive(&mut self, name: Symbol, span: Span) {
        let mangled = self.mangle(name);
        self.cur_scope().directives.push((mangled, span));
    }

    fn guard(&mut self, span: Span) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let _ = span;
            return Err(SyntaxError::without_location(ErrorKind::RecursionError, RECURSION_MSG));
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &[Stmt<'a>]) -> R {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[Expr<'a>]) -> R {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn opt_exprs(&mut self, exprs: &[Option<Expr<'a>>]) -> R {
        exprs.iter().flatten().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt<'a>) -> R {
        self.guard(s.span)?;
        self.stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt<'a>) -> R {
        match &s.kind {
            StmtKind::FunctionDef {
                is_async, name, args, body, decorator_list, returns, ..
            } => {
                self.add_def(*name, DEF_LOCAL, s.span)?;
                self.exprs(args.defaults)?;
                self.opt_exprs(args.kw_defaults)?;
                self.annotations(s.span, args, *returns)?;
                self.exprs(decorator_list)?;
                self.enter(ScopeKind::Function, *name, s.span, Some((s.span, false)));
                if *is_async {
                    let c = self.cur_scope();
                    c.is_coroutine = true;
                    c.is_async_def = true;
                }
                self.arguments(args)?;
                self.stmts(body)?;
                self.exit();
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.add_def(*name, DEF_LOCAL, s.span)?;
                self.exprs(bases)?;
                self.keywords(keywords)?;
                self.exprs(decorator_list)?;
                self.enter(ScopeKind::Class, *name, s.span, Some((s.span, false)));
                let saved = self.private.replace(*name);
                self.stmts(body)?;
                self.private = saved;
                self.exit();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur_scope().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = target.kind {
                    let cur = self.lookup(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        let msg = format!(
                            "annotated name '{}' can't be {what}",
                            self.interner.resolve(id)
                        );
                        return Err(err(msg, s.span));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.span)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.span)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items.iter() {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases.iter() {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers.iter() {
                    if let Some(t) = h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names.iter() {
                    self.alias(a)?;
                }
            }
            StmtKind::Global { names } => self.directive(names, s.span, true)?,
            StmtKind::Nonlocal { names } => self.directive(names, s.span, false)?,
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn directive(&mut self, names: &[Symbol], span: Span, global: bool) -> R {
        for &name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let n = self.interner.resolve(name);
                let kw = if global { "global" } else { "nonlocal" };
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{n}' is parameter and {kw}")
                } else if cur & USE != 0 {
                    format!("name '{n}' is used prior to {kw} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{n}' can't be {kw}")
                } else {
                    format!("name '{n}' is assigned to before {kw} declaration")
                };
                return Err(err(msg, span));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, span)?;
            self.record_directive(name, span);
        }
        Ok(())
    }

    fn alias(&mut self, a: &Alias) -> R {
        // `import a.b.c` binds `a`.
        let store = match a.asname {
            Some(n) => n,
            None => {
                let text = self.interner.resolve(a.name);
                match text.find('.') {
                    Some(dot) => {
                        let first: &'a str = &text[..dot];
                        self.interner.intern(first)
                    }
                    None => a.name,
                }
            }
        };
        if self.interner.resolve(a.name) == "*" {
            if self.scopes[self.cur()].kind != ScopeKind::Module {
                return Err(err("import * only allowed at module level", a.span));
            }
            Ok(())
        } else {
            self.add_def(store, DEF_IMPORT, a.span)
        }
    }

    fn keywords(&mut self, kws: &[Keyword<'a>]) -> R {
        kws.iter().try_for_each(|k| self.expr(&k.value))
    }

    fn arguments(&mut self, a: &Arguments<'a>) -> R {
        for arg in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            self.add_def(arg.arg, DEF_PARAM, arg.span)?;
        }
        if let Some(v) = a.vararg {
            self.add_def(v.arg, DEF_PARAM, v.span)?;
            self.cur_scope().has_varargs = true;
        }
        if let Some(k) = a.kwarg {
            self.add_def(k.arg, DEF_PARAM, k.span)?;
            self.cur_scope().has_varkeywords = true;
        }
        Ok(())
    }

    /// `symtable_visit_annotations`: parameter annotations (in an annotation
    /// block under `from __future__ import annotations`), then the return one.
    fn annotations(&mut self, span: Span, a: &Arguments<'a>, returns: Option<&'a Expr<'a>>) -> R {
        let fut = self.future.annotations;
        if fut {
            let n = self.names.annotation;
            self.enter(ScopeKind::Annotation, n, span, Some((span, true)));
        }
        let ann = |arg: &Arg<'a>| arg.annotation;
        for e in a.posonlyargs.iter().chain(a.args.iter()).filter_map(ann) {
            self.expr(e)?;
        }
        if let Some(e) = a.vararg.and_then(ann) {
            self.expr(e)?;
        }
        if let Some(e) = a.kwarg.and_then(ann) {
            self.expr(e)?;
        }
        for e in a.kwonlyargs.iter().filter_map(ann) {
            self.expr(e)?;
        }
        if fut {
            self.exit();
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr<'a>) -> R {
        let fut = self.future.annotations;
        if fut {
            let n = self.names.annotation;
            self.enter(ScopeKind::Annotation, n, e.span, Some((e.span, true)));
        }
        self.expr(e)?;
        if fut {
            self.exit();
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern<'a>) -> R {
        self.guard(p.span)?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|p| self.pattern(p))?
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(*n, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(sub) = pattern {
                    self.pattern(sub)?;
                }
                if let Some(n) = name {
                    self.add_def(*n, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(n) = rest {
                    self.add_def(*n, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                kwd_patterns.iter().try_for_each(|p| self.pattern(p))?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn in_annotation_block(&self, what: &str, e: &Expr<'a>) -> R {
        if self.scopes[self.cur()].kind == ScopeKind::Annotation {
            return Err(err(format!("'{what}' can not be used within an annotation"), e.span));
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr<'a>) -> R {
        self.guard(e.span)?;
        self.expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr<'a>) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.in_annotation_block("named expression", e)?;
                if self.scopes[self.cur()].comp_iter_expr > 0 {
                    return Err(err("assignment expression cannot be used in a comprehension iterable expression", e.span));
                }
                if self.scopes[self.cur()].comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
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
                self.exprs(args.defaults)?;
                self.opt_exprs(args.kw_defaults)?;
                let n = self.names.lambda;
                self.enter(ScopeKind::Function, n, e.span, Some((e.span, false)));
                self.arguments(args)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.opt_exprs(keys)?;
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                let n = self.names.listcomp;
                self.comprehension(e, n, ComprehensionKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                let n = self.names.setcomp;
                self.comprehension(e, n, ComprehensionKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                let n = self.names.dictcomp;
                self.comprehension(e, n, ComprehensionKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let n = self.names.genexp;
                self.comprehension(e, n, ComprehensionKind::Generator, generators, elt, None)?
            }
            ExprKind::Yield { value } => {
                self.in_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.yield_in_comprehension(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.in_annotation_block("yield expression", e)?;
                self.expr(value)?;
                self.yield_in_comprehension(e)?;
            }
            ExprKind::Await { value } => {
                self.in_annotation_block("await expression", e)?;
                self.expr(value)?;
                self.cur_scope().is_coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                self.keywords(keywords)?;
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let load = *ctx == ExprContext::Load;
                self.add_def(*id, if load { USE } else { DEF_LOCAL }, e.span)?;
                if load
                    && *id == self.names.super_
                    && self.scopes[self.cur()].kind == ScopeKind::Function
                {
                    let c = self.names.class_;
                    self.add_def(c, USE, e.span)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn yield_in_comprehension(&mut self, e: &Expr<'a>) -> R {
        let cur = self.cur_scope();
        cur.is_generator = true;
        let msg = match cur.comprehension {
            None => return Ok(()),
            Some(ComprehensionKind::List) => "'yield' inside list comprehension",
            Some(ComprehensionKind::Set) => "'yield' inside set comprehension",
            Some(ComprehensionKind::Dict) => "'yield' inside dict comprehension",
            Some(ComprehensionKind::Generator) => "'yield' inside generator expression",
        };
        Err(err(msg, e.span))
    }

    /// `symtable_handle_comprehension`.
    fn comprehension(
        &mut self,
        e: &Expr<'a>,
        name: Symbol,
        kind: ComprehensionKind,
        generators: &[Comprehension<'a>],
        elt: &Expr<'a>,
        value: Option<&Expr<'a>>,
    ) -> R {
        let Some((outermost, rest)) = generators.split_first() else { return Ok(()) };
        let is_generator = kind == ComprehensionKind::Generator;
        // The outermost iterator is evaluated in the enclosing scope.
        self.cur_scope().comp_iter_expr += 1;
        self.expr(&outermost.iter)?;
        self.cur_scope().comp_iter_expr -= 1;
        self.enter(ScopeKind::Function, name, e.span, Some((e.span, false)));
        self.cur_scope().comprehension = Some(kind);
        if outermost.is_async {
            self.cur_scope().is_coroutine = true;
        }
        let dot0 = self.names.dot0;
        self.add_def(dot0, DEF_PARAM, e.span)?;
        self.cur_scope().comp_iter_target = true;
        self.expr(&outermost.target)?;
        self.cur_scope().comp_iter_target = false;
        self.exprs(outermost.ifs)?;
        for g in rest {
            self.cur_scope().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cur_scope().comp_iter_target = false;
            self.cur_scope().comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.cur_scope().comp_iter_expr -= 1;
            self.exprs(g.ifs)?;
            if g.is_async {
                self.cur_scope().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let cur = self.cur_scope();
        cur.is_generator = is_generator;
        let is_async = cur.is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur_scope().is_coroutine = true;
        }
        Ok(())
    }

    /// `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds in
    /// the nearest enclosing function (or module) scope.
    fn extend_namedexpr_scope(&mut self, target: &Expr<'a>) -> R {
        let ExprKind::Name { id, .. } = target.kind else { return Ok(()) };
        let span = target.span;
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let scope = &self.scopes[ste];
            if scope.comprehension.is_some() {
                if scope.flags(id) & DEF_COMP_ITER != 0 {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{}'",
                        self.interner.resolve(id)
                    );
                    return Err(err(msg, span));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let flag =
                        if scope.flags(id) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(id, flag, span)?;
                    self.record_directive(id, span);
                    return self.add_def_in(id, DEF_LOCAL, ste, span);
                }
                ScopeKind::Module => {
                    self.add_def(id, DEF_GLOBAL, span)?;
                    self.record_directive(id, span);
                    return self.add_def_in(id, DEF_GLOBAL, ste, span);
                }
                ScopeKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
                ScopeKind::Annotation => {}
            }
        }
        Ok(())
    }
}

// ----- analysis (`analyze_block` and friends) ------------------------------

type NameSet = AHashSet<Symbol>;

struct Analyzer<'x, 'a> {
    interner: &'x Interner<'a>,
    class_: Symbol,
}

fn directive_span(ste: &Scope, name: Symbol) -> Span {
    ste.directives.iter().find(|(n, _)| *n == name).map(|&(_, s)| s).unwrap_or_default()
}

impl Analyzer<'_, '_> {
    /// `analyze_block`. `bound` is `None` for the module; the callee owns
    /// (a copy of) the enclosing bound set, as `analyze_child_block` copies.
    fn block(
        &self,
        scopes: &mut [Scope],
        id: ScopeId,
        mut bound: Option<NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> R {
        let mut local = NameSet::new();
        let mut resolved: Vec<NameScope> = Vec::with_capacity(scopes[id].symbols.len());
        let mut newglobal = NameSet::new();
        let mut newfree = NameSet::new();
        let mut newbound = NameSet::new();
        let kind = scopes[id].kind;
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().copied());
            if let Some(b) = &bound {
                newbound.extend(b.iter().copied());
            }
        }
        // `analyze_name` for every symbol, in insertion order.
        for i in 0..scopes[id].symbols.len() {
            let SymbolInfo { name, flags, .. } = scopes[id].symbols[i];
            let ste = &mut scopes[id];
            let text = || self.interner.resolve(name);
            let sc = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(err(
                        format!("name '{}' is nonlocal and global", text()),
                        directive_span(ste, name),
                    ));
                }
                global.insert(name);
                if let Some(b) = &mut bound {
                    b.remove(&name);
                }
                NameScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound {
                    None => {
                        let msg = "nonlocal declaration not allowed at module level";
                        return Err(err(msg, directive_span(ste, name)));
                    }
                    Some(b) if !b.contains(&name) => {
                        let msg = format!("no binding for nonlocal '{}' found", text());
                        return Err(err(msg, directive_span(ste, name)));
                    }
                    Some(_) => {}
                }
                ste.has_free = true;
                free.insert(name);
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name);
                global.remove(&name);
                NameScope::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(&name)) {
                ste.has_free = true;
                free.insert(name);
                NameScope::Free
            } else if global.contains(&name) {
                NameScope::GlobalImplicit
            } else {
                if ste.nested {
                    ste.has_free = true;
                }
                NameScope::GlobalImplicit
            };
            resolved.push(sc);
        }

        if kind != ScopeKind::Class {
            if kind == ScopeKind::Function {
                newbound.extend(local.iter().copied());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().copied());
            }
            newglobal.extend(global.iter().copied());
        } else {
            newbound.insert(self.class_);
        }

        let mut allfree = NameSet::new();
        let children = scopes[id].children.clone();
        for c in children {
            // `analyze_child_block`: each child works on copies.
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.block(scopes, c, Some(newbound.clone()), &mut temp_free, &mut temp_global)?;
            allfree.extend(temp_free);
            if scopes[c].has_free || scopes[c].child_free {
                scopes[id].child_free = true;
            }
        }
        newfree.extend(allfree);

        let ste = &mut scopes[id];
        if kind == ScopeKind::Function {
            // `analyze_cells`
            for (i, sc) in resolved.iter_mut().enumerate() {
                if *sc == NameScope::Local && newfree.remove(&ste.symbols[i].name) {
                    *sc = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove(&self.class_) {
            ste.needs_class_closure = true;
        }
        // `update_symbols`
        for (info, sc) in ste.symbols.iter_mut().zip(resolved) {
            info.scope = sc;
        }
        let mut pending: Vec<Symbol> = newfree.iter().copied().collect();
        pending.sort_unstable();
        for name in pending {
            if let Some(&i) = ste.index.get(&name) {
                if kind == ScopeKind::Class && ste.symbols[i].flags & (DEF_BOUND | DEF_GLOBAL) != 0
                {
                    ste.symbols[i].flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.as_ref().is_some_and(|b| !b.contains(&name)) {
                continue; // a global
            }
            ste.index.insert(name, ste.symbols.len());
            ste.symbols.push(SymbolInfo { name, flags: 0, scope: NameScope::Free });
        }
        free.extend(newfree);
        Ok(())
    }
}
