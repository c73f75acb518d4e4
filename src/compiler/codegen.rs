//! The code generator: AST + symbol table → register bytecode.
//!
//! Registers hold a function's locals first (parameters in order, then the
//! other locals), then temporaries allocated stack-like (`top`, Lua's
//! `freereg`): an expression compiled "into" a register writes its result
//! there directly, so `x = a + b` is a single `Add x a b`. Calls put the
//! callee and its arguments in consecutive registers. Module-level names are
//! globals; captured variables live in cells.
//!
//! `try` statements and the exception table are in [`tries`]. Generator
//! functions and generator expressions start with `ReturnGenerator` and end
//! in `GenReturn`; `yield` is `Yield`, `yield from` a `Send`/`Yield` loop.
//! A class body compiles to a function whose register 0 holds the class
//! namespace: its names load and store through it (`LoadName`,
//! `StoreName`), and `__build_class__` runs it (see [`Gen::class_def`]).
//!
//! `match` statements are in [`patterns`]; `with` statements in [`tries`]
//! too (they are a `try` whose handler calls `__exit__`).
//!
//! Constructs of later milestones (`async`) are reported as unsupported,
//! never miscompiled.

use std::rc::Rc;

use ahash::{AHashMap, AHashSet};

use super::symtable::{NameScope, ScopeKind, SymbolTable};
use crate::bytecode::code::{CodeFlags, CodeObject, Position};
use crate::bytecode::opcode::*;
use crate::runtime::complex::ComplexObj;
use crate::runtime::gc::Heap;
use crate::runtime::heap::Gc;
use crate::runtime::object::{BigIntObj, BytesObj};
use crate::runtime::str::StrObj;
use crate::runtime::tuple::TupleObj;
use crate::runtime::value::Value;
use crate::syntax::ast::*;
use crate::syntax::intern::{Interner, Symbol};
use crate::syntax::source::LineIndex;
use crate::syntax::tokens::Span;

/// Why a module could not be compiled.
#[derive(Debug, Clone)]
pub enum CompileError {
    /// A construct of a later milestone.
    Unsupported { what: &'static str, span: Span },
    /// A limit of the bytecode format (e.g. more than 255 registers).
    TooLarge { what: &'static str, span: Span },
}

mod conditions;
mod operands;

type CResult<T> = Result<T, CompileError>;

mod deleted;
mod patterns;
mod tries;

type Reg = u32;

/// Registers available to a frame (operands are 8 bits).
const MAX_REGS: u32 = 255;

/// Compile a module.
pub fn compile_module<'a>(
    module: &Mod<'a>,
    table: &SymbolTable,
    interner: &Interner<'a>,
    src: &str,
    filename: &str,
    heap: &mut Heap,
) -> CResult<Rc<CodeObject>> {
    let lines = LineIndex::new(src);
    let mut g = Gen {
        table,
        interner,
        lines: &lines,
        heap,
        filename: Rc::from(filename),
        names_cache: AHashMap::new(),
        units: Vec::new(),
        fblocks: Vec::new(),
    };
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => *body,
        _ => &[],
    };
    g.push_unit(0, "<module>".into(), "<module>".into(), 1, true);
    g.stmts(body)?;
    g.emit(Op::ReturnNone as u32);
    Ok(g.pop_unit())
}

/// Where a name lives in the current unit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Reg(Reg),
    Deref(u32),
    Global,
    /// A name of a class body (the namespace in register 0).
    Name,
    /// A free variable read in a class body (namespace first, then cell).
    ClassDeref(u32),
}

struct Loop {
    continue_target: usize,
    breaks: Vec<usize>,
}

/// One code object under construction.
struct Unit {
    scope: usize,
    name: Box<str>,
    qualname: Box<str>,
    first_line: u32,
    is_module: bool,
    /// A class body.
    is_class: bool,
    /// The class whose private names (`__x`) are mangled here.
    private: Option<Box<str>>,
    code: Vec<u32>,
    positions: Vec<Position>,
    consts: Vec<Value>,
    const_index: AHashMap<ConstKey, u32>,
    names: Vec<Value>,
    name_index: AHashMap<Symbol, u32>,
    children: Vec<Rc<CodeObject>>,
    locals: AHashMap<Symbol, Reg>,
    nlocals: u32,
    varnames: Vec<Box<str>>,
    cells: AHashMap<Symbol, u32>,
    cellvars: Vec<Box<str>>,
    freevars: Vec<Box<str>>,
    cell_params: Vec<(u32, u32)>,
    top: Reg,
    max_regs: Reg,
    loops: Vec<Loop>,
    /// Locals certainly bound at this point (no `CheckBound` needed).
    bound: AHashSet<Reg>,
    /// Locals the code may unbind (`del`, `except ... as`): always checked.
    maybe_deleted: AHashSet<Reg>,
    pos: Position,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: CodeFlags,
    /// Handlers in effect and the ranges they cover (see [`tries`]).
    exc: tries::ExcState,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Complex(u64, u64),
    Str(Box<str>),
}

struct Gen<'g, 'a> {
    table: &'g SymbolTable,
    interner: &'g Interner<'a>,
    lines: &'g LineIndex,
    heap: &'g mut Heap,
    filename: Rc<str>,
    names_cache: AHashMap<Symbol, Gc<StrObj>>,
    units: Vec<Unit>,
    /// Blocks that `return`/`break`/`continue` leave with code (`try`).
    fblocks: Vec<tries::FBlock<'a>>,
}

impl<'g, 'a> Gen<'g, 'a> {
    // ----- units ----------------------------------------------------------

    fn push_unit(
        &mut self,
        scope: usize,
        name: Box<str>,
        qualname: Box<str>,
        first_line: u32,
        is_module: bool,
    ) {
        let sc = &self.table.scopes[scope];
        let is_class = !is_module && sc.kind == ScopeKind::Class;
        let private = if is_class {
            Some(name.clone())
        } else {
            self.units.last().and_then(|p| p.private.clone())
        };
        let mut u = Unit {
            scope,
            name,
            qualname,
            first_line,
            is_module,
            is_class,
            private,
            code: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            const_index: AHashMap::new(),
            names: Vec::new(),
            name_index: AHashMap::new(),
            children: Vec::new(),
            locals: AHashMap::new(),
            nlocals: 0,
            varnames: Vec::new(),
            cells: AHashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cell_params: Vec::new(),
            top: 0,
            max_regs: 0,
            loops: Vec::new(),
            bound: AHashSet::new(),
            maybe_deleted: AHashSet::new(),
            pos: Position { line: first_line, end_line: first_line, col: 0, end_col: 0 },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags { module: is_module, ..Default::default() },
            exc: Default::default(),
        };
        if !is_module && sc.kind == ScopeKind::Function {
            // Parameters first, in order.
            for &p in &sc.varnames {
                let r = u.nlocals;
                u.nlocals += 1;
                u.locals.insert(p, r);
                u.varnames.push(self.interner.resolve(p).into());
                u.bound.insert(r);
            }
            for s in &sc.symbols {
                match s.scope {
                    NameScope::Local if !u.locals.contains_key(&s.name) => {
                        let r = u.nlocals;
                        u.nlocals += 1;
                        u.locals.insert(s.name, r);
                        u.varnames.push(self.interner.resolve(s.name).into());
                    }
                    NameScope::Cell => {
                        let i = u.cellvars.len() as u32;
                        u.cells.insert(s.name, i);
                        u.cellvars.push(self.interner.resolve(s.name).into());
                        if let Some(pi) = sc.varnames.iter().position(|&p| p == s.name) {
                            u.cell_params.push((i, pi as u32));
                        }
                    }
                    _ => {}
                }
            }
            // A parameter that is a cell keeps its register (the arguments land
            // there) and is copied into its cell at frame entry.
            let ncell = u.cellvars.len() as u32;
            let mut fi = 0;
            for s in &sc.symbols {
                if s.scope == NameScope::Free {
                    u.cells.insert(s.name, ncell + fi);
                    u.freevars.push(self.interner.resolve(s.name).into());
                    fi += 1;
                }
            }
        }
        if is_class {
            // Register 0: the namespace the body runs in.
            u.nlocals = 1;
            u.varnames.push(".namespace".into());
            u.bound.insert(0);
            u.flags.class_body = true;
            u.argcount = 1;
            if sc.needs_class_closure {
                if let Some(sym) = self.interner.lookup("__class__") {
                    u.cells.insert(sym, 0);
                    u.cellvars.push("__class__".into());
                }
            }
            let ncell = u.cellvars.len() as u32;
            let mut fi = 0;
            for s in &sc.symbols {
                if s.scope == NameScope::Free
                    || s.flags & super::symtable::flags::DEF_FREE_CLASS != 0
                {
                    u.cells.insert(s.name, ncell + fi);
                    u.freevars.push(self.interner.resolve(s.name).into());
                    fi += 1;
                }
            }
        }
        u.top = u.nlocals;
        u.max_regs = u.nlocals;
        self.units.push(u);
    }

    fn pop_unit(&mut self) -> Rc<CodeObject> {
        let mut u = self.units.pop().expect("a unit");
        let exc_table = std::mem::take(&mut u.exc).table(u.code.len());
        if u.flags.generator {
            // A generator's `return` finishes it (StopIteration for its resumer).
            for ins in u.code.iter_mut() {
                match Op::from_u8(op_of(*ins)) {
                    Some(Op::Return) => *ins = abc(Op::GenReturn, a_of(*ins) as u32, 0, 0),
                    Some(Op::ReturnNone) => *ins = abc(Op::GenReturn, 0, 1, 0),
                    _ => {}
                }
            }
        }
        // The dispatch loop trusts every opcode byte (see
        // `CodeObject::instructions`).
        assert!(
            u.code.iter().all(|&i| (op_of(i) as usize) < Op::COUNT),
            "invalid opcode generated"
        );
        let global_cache =
            (0..u.code.len()).map(|_| std::cell::Cell::new(Default::default())).collect();
        Rc::new(CodeObject {
            global_cache,
            attr_cache: Default::default(),
            entries: Default::default(),
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instructions: u.code,
            positions: u.positions,
            consts: u.consts,
            names: u.names,
            children: u.children,
            nregs: u.max_regs.max(1),
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            varnames: u.varnames,
            cellvars: u.cellvars,
            cell_params: u.cell_params,
            freevars: u.freevars,
            exc_table,
        })
    }

    #[inline]
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit")
    }

    // ----- emission -------------------------------------------------------

    fn emit(&mut self, ins: u32) -> usize {
        let u = self.u();
        let pos = u.pos;
        u.code.push(ins);
        u.positions.push(pos);
        u.code.len() - 1
    }

    fn here(&mut self) -> usize {
        self.u().code.len()
    }

    fn set_pos(&mut self, span: Span) -> Position {
        let (line, col) = self.lines.line_col(span.start);
        let (end_line, end_col) = self.lines.line_col(span.end);
        let old = self.u().pos;
        self.u().pos = Position { line, end_line, col, end_col };
        old
    }

    fn restore_pos(&mut self, p: Position) {
        self.u().pos = p;
    }

    /// Emit a jump placeholder of kind `op` (Jmp, or a sBx jump on `a`).
    fn jump(&mut self, op: Op, a: Reg) -> usize {
        if op == Op::Jmp {
            self.emit(sj(Op::Jmp, 0))
        } else {
            self.emit(asbx(op, a, 0))
        }
    }

    /// Point every jump of the jump list `at` (see [`conditions`]) to `target`.
    fn patch(&mut self, at: usize, target: usize) -> CResult<()> {
        let mut next = Some(at);
        while let Some(j) = next {
            next = self.next_in_list(j);
            self.patch_one(j, target)?;
        }
        Ok(())
    }

    /// Point the jump at `at` to `target`.
    fn patch_one(&mut self, at: usize, target: usize) -> CResult<()> {
        let offset = target as i32 - (at as i32 + 1);
        let u = self.u();
        let ins = u.code[at];
        let op = Op::from_u8(op_of(ins)).expect("valid op");
        u.code[at] = if op.format() == Format::SJ {
            sj(op, offset)
        } else {
            if !fits_sbx(offset) {
                return Err(CompileError::TooLarge { what: "jump", span: Span::default() });
            }
            asbx(op, a_of(ins) as u32, offset)
        };
        Ok(())
    }

    fn patch_here(&mut self, at: usize) -> CResult<()> {
        let h = self.here();
        self.patch(at, h)
    }

    /// Emit a backward jump to `target`.
    fn jump_back(&mut self, target: usize) {
        let at = self.here();
        let offset = target as i32 - (at as i32 + 1);
        self.emit(sj(Op::Jmp, offset));
    }

    // ----- registers ------------------------------------------------------

    fn alloc(&mut self, n: u32) -> CResult<Reg> {
        let u = self.u();
        let r = u.top;
        u.top += n;
        if u.top > MAX_REGS {
            return Err(CompileError::TooLarge {
                what: "more than 255 registers in one function",
                span: Span::default(),
            });
        }
        if u.top > u.max_regs {
            u.max_regs = u.top;
        }
        Ok(r)
    }

    fn top(&mut self) -> Reg {
        self.u().top
    }

    fn set_top(&mut self, r: Reg) {
        self.u().top = r;
    }

    fn is_temp(&mut self, r: Reg) -> bool {
        r >= self.u().nlocals
    }

    // ----- constants and names -------------------------------------------

    fn name_str(&mut self, sym: Symbol) -> Gc<StrObj> {
        if let Some(&s) = self.names_cache.get(&sym) {
            return s;
        }
        let s = self.heap.alloc_str(self.interner.resolve(sym));
        self.names_cache.insert(sym, s);
        s
    }

    /// CPython's `_Py_Mangle`: `__x` inside class `C` is `_C__x`.
    fn mangled_text(&self, sym: Symbol) -> Option<String> {
        let u = self.units.last()?;
        let private = u.private.as_deref()?;
        let text = self.interner.resolve(sym);
        if !text.starts_with("__") || text.ends_with("__") || text.contains('.') {
            return None;
        }
        let class = private.trim_start_matches('_');
        if class.is_empty() {
            return None;
        }
        Some(format!("_{class}{text}"))
    }

    /// The (mangled) symbol the symbol table knows a name by.
    fn mangle(&self, sym: Symbol) -> Symbol {
        match self.mangled_text(sym) {
            Some(t) => self.interner.lookup(&t).unwrap_or(sym),
            None => sym,
        }
    }

    /// The name-table index of a name given as text.
    fn str_name_index(&mut self, text: &str) -> u32 {
        if let Some(sym) = self.interner.lookup(text) {
            return self.name_index(sym);
        }
        let s = self.heap.alloc_str(text);
        let u = self.u();
        u.names.push(Value::Str(s));
        u.names.len() as u32 - 1
    }

    fn name_index(&mut self, sym: Symbol) -> u32 {
        if let Some(&i) = self.u().name_index.get(&sym) {
            return i;
        }
        let s = match self.mangled_text(sym) {
            Some(t) => self.heap.alloc_str(&t),
            None => self.name_str(sym),
        };
        let u = self.u();
        let i = u.names.len() as u32;
        u.names.push(Value::Str(s));
        u.name_index.insert(sym, i);
        i
    }

    fn add_const(&mut self, key: Option<ConstKey>, v: Value) -> u32 {
        let u = self.u();
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        let i = u.consts.len() as u32;
        u.consts.push(v);
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    fn const_value(&mut self, c: &Constant) -> (Option<ConstKey>, Value) {
        match *c {
            Constant::None => (None, Value::None),
            Constant::Bool(b) => (None, Value::Bool(b)),
            Constant::Ellipsis => (None, Value::Ellipsis),
            Constant::Int(i) => (Some(ConstKey::Int(i)), Value::Int(i)),
            Constant::BigInt(digits) => {
                let n: num_bigint::BigInt = digits.parse().unwrap_or_default();
                (None, Value::BigInt(self.heap.alloc(BigIntObj { value: n })))
            }
            Constant::Float(f) => (Some(ConstKey::Float(f.to_bits())), Value::Float(f)),
            Constant::Complex { real, imag } => (
                Some(ConstKey::Complex(real.to_bits(), imag.to_bits())),
                Value::Complex(self.heap.alloc(ComplexObj { re: real, im: imag })),
            ),
            Constant::Str(bytes) => {
                let s = String::from_utf8_lossy(bytes).into_owned();
                let key = ConstKey::Str(s.clone().into_boxed_str());
                (Some(key), Value::Str(self.heap.alloc_str(&s)))
            }
            Constant::Bytes(b) => {
                (None, Value::Bytes(self.heap.alloc(BytesObj { data: b.into() })))
            }
        }
    }

    fn load_const(&mut self, c: &Constant, dst: Reg, span: Span) -> CResult<()> {
        match *c {
            Constant::None => {
                self.emit(abc(Op::LoadNone, dst, 0, 0));
            }
            Constant::Bool(true) => {
                self.emit(abc(Op::LoadTrue, dst, 0, 0));
            }
            Constant::Bool(false) => {
                self.emit(abc(Op::LoadFalse, dst, 0, 0));
            }
            Constant::Int(i) if fits_sbx(i.try_into().unwrap_or(i32::MAX)) && i.abs() < 30000 => {
                self.emit(asbx(Op::LoadInt, dst, i as i32));
            }
            _ => {
                let (key, v) = self.const_value(c);
                let k = self.add_const(key, v);
                self.load_k(dst, k, span)?;
            }
        }
        Ok(())
    }

    fn load_k(&mut self, dst: Reg, k: u32, span: Span) -> CResult<()> {
        if k > 0xffff {
            return Err(CompileError::TooLarge { what: "more than 65536 constants", span });
        }
        self.emit(abx(Op::LoadK, dst, k));
        Ok(())
    }

    /// Emit an ABC instruction whose C operand may exceed 255 (ExtArg prefix).
    fn emit_abc_wide(&mut self, op: Op, a: Reg, b: u32, c: u32) {
        if c > 255 {
            self.emit(Op::ExtArg as u32 | (c >> 8) << 8);
        }
        self.emit(abc(op, a, b, c & 0xff));
    }

    // ----- names ----------------------------------------------------------

    fn place(&mut self, name: Symbol) -> Place {
        let name = self.mangle(name);
        let u = self.units.last().expect("unit");
        if u.is_module {
            return Place::Global;
        }
        if u.is_class {
            return match self.table.scopes[u.scope].scope_of_name(name) {
                Some(NameScope::Free) => match u.cells.get(&name) {
                    Some(&c) => Place::ClassDeref(c),
                    None => Place::Name,
                },
                Some(NameScope::GlobalExplicit) => Place::Global,
                _ => Place::Name,
            };
        }
        // Cells first: a parameter captured by an inner scope keeps a
        // register (where the argument lands) but lives in its cell.
        if let Some(&c) = u.cells.get(&name) {
            return Place::Deref(c);
        }
        if let Some(&r) = u.locals.get(&name) {
            return Place::Reg(r);
        }
        let _ = self.table.scopes[u.scope].scope_of_name(name);
        Place::Global
    }

    fn load_name(&mut self, name: Symbol, dst: Reg) -> CResult<()> {
        match self.place(name) {
            Place::Reg(r) => {
                self.check_bound(r, name);
                if r != dst {
                    self.emit(abc(Op::Move, dst, r, 0));
                }
            }
            Place::Deref(c) => {
                self.emit(abc(Op::LoadDeref, dst, c, 0));
            }
            Place::Global => {
                let n = self.name_index(name);
                self.emit(abx(Op::LoadGlobal, dst, n));
            }
            Place::Name => {
                let n = self.name_index(name);
                self.emit(abx(Op::LoadName, dst, n));
            }
            Place::ClassDeref(c) => {
                let n = self.name_index(name);
                self.emit_abc_wide(Op::LoadClassDeref, dst, c, n);
            }
        }
        Ok(())
    }

    fn check_bound(&mut self, r: Reg, name: Symbol) {
        if !self.u().bound.contains(&r) || self.u().maybe_deleted.contains(&r) {
            let n = self.name_index(name);
            self.emit(abx(Op::CheckBound, r, n));
            // After a successful check the local is bound on this path.
            self.u().bound.insert(r);
        }
    }

    fn store_name(&mut self, name: Symbol, src: Reg) {
        match self.place(name) {
            Place::Reg(r) => {
                if r != src {
                    self.emit(abc(Op::Move, r, src, 0));
                }
                self.u().bound.insert(r);
            }
            Place::Deref(c) => {
                self.emit(abc(Op::StoreDeref, src, c, 0));
            }
            Place::Global => {
                let n = self.name_index(name);
                self.emit(abx(Op::StoreGlobal, src, n));
            }
            Place::Name => {
                let n = self.name_index(name);
                self.emit(abx(Op::StoreName, src, n));
            }
            Place::ClassDeref(c) => {
                self.emit(abc(Op::StoreDeref, src, c, 0));
            }
        }
    }

    // ----- statements -----------------------------------------------------

    fn stmts(&mut self, body: &[Stmt<'a>]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// Run `f` on a branch: locals bound inside stay "maybe unbound" after it.
    fn branch<T>(&mut self, f: impl FnOnce(&mut Self) -> CResult<T>) -> CResult<T> {
        let saved = self.u().bound.clone();
        let r = f(self);
        self.u().bound = saved;
        r
    }

    fn stmt(&mut self, s: &Stmt<'a>) -> CResult<()> {
        let old = self.set_pos(s.span);
        let top = self.top();
        let r = self.stmt_inner(s);
        self.set_top(top);
        self.restore_pos(old);
        r
    }

    fn stmt_inner(&mut self, s: &Stmt<'a>) -> CResult<()> {
        match &s.kind {
            StmtKind::Expr { value } => {
                let t = self.alloc(1)?;
                self.expr_to(value, t)?;
            }
            StmtKind::Pass => {}
            StmtKind::Assign { targets, value, .. } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.assign(std::slice::from_ref(*target), v)?;
                }
                if let (true, true, ExprKind::Name { id, .. }) =
                    (self.u().is_class, *simple, &target.kind)
                {
                    // `__annotations__[name] = annotation` in a class body.
                    let r = self.alloc(3)?;
                    self.expr_to(annotation, r)?;
                    let n = self.str_name_index("__annotations__");
                    self.emit(abx(Op::LoadName, r + 1, n));
                    let text = self
                        .mangled_text(*id)
                        .unwrap_or_else(|| self.interner.resolve(*id).to_string());
                    let s = self.heap.alloc_str(text.as_str());
                    let k = self.add_const(Some(ConstKey::Str(text.into())), Value::Str(s));
                    self.load_k(r + 2, k, target.span)?;
                    self.emit(abc(Op::SetItem, r + 1, r + 2, r));
                }
            }
            StmtKind::If { test, body, orelse } => {
                let jf = self.cond_jump(test, false)?;
                if orelse.is_empty() {
                    self.branch(|g| g.stmts(body))?;
                    self.patch_here(jf)?;
                } else {
                    // A local bound on both arms is bound after the `if`.
                    let before = self.u().bound.clone();
                    self.stmts(body)?;
                    let after_body = std::mem::replace(&mut self.u().bound, before);
                    let jend = self.jump(Op::Jmp, 0);
                    self.patch_here(jf)?;
                    self.stmts(orelse)?;
                    self.u().bound.retain(|r| after_body.contains(r));
                    self.patch_here(jend)?;
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                let jf = self.cond_jump(test, false)?;
                self.u().loops.push(Loop { continue_target: start, breaks: Vec::new() });
                self.branch(|g| g.stmts(body))?;
                self.jump_back(start);
                let lp = self.u().loops.pop().expect("loop");
                self.patch_here(jf)?;
                self.branch(|g| g.stmts(orelse))?;
                for b in lp.breaks {
                    self.patch_here(b)?;
                }
            }
            StmtKind::For { is_async: false, target, iter, body, orelse, .. } => {
                // The iterable is computed straight into the iterator's
                // register (a call there runs in place): a temporary
                // holding it would outlive the loop, and a generator left
                // by `break` must have no reference but the loop's.
                let (head, jexit, iterator, item) = self.loop_head(iter)?;
                self.u().loops.push(Loop { continue_target: head, breaks: Vec::new() });
                let depth = self.handler_depth();
                self.push_fblock(tries::FBlockKind::ForLoop(iterator), depth);
                self.branch(|g| {
                    let old = g.set_pos(target.span);
                    g.assign_target(target, item)?;
                    g.restore_pos(old);
                    g.stmts(body)
                })?;
                self.pop_fblock();
                self.jump_back(head);
                let lp = self.u().loops.pop().expect("loop");
                self.patch_here(jexit)?;
                self.branch(|g| g.stmts(orelse))?;
                for b in lp.breaks {
                    self.patch_here(b)?;
                }
            }
            StmtKind::Break => {
                let exit = self.begin_exit(tries::Exit::Break)?;
                let j = self.jump(Op::Jmp, 0);
                if let Some(l) = self.u().loops.last_mut() {
                    l.breaks.push(j);
                }
                self.end_exit(exit);
            }
            StmtKind::Continue => {
                let exit = self.begin_exit(tries::Exit::Continue)?;
                if let Some(target) = self.u().loops.last().map(|l| l.continue_target) {
                    self.jump_back(target);
                }
                self.end_exit(exit);
            }
            StmtKind::Return { value } => match value {
                None => {
                    let exit = self.begin_exit(tries::Exit::Return)?;
                    self.emit(Op::ReturnNone as u32);
                    self.end_exit(exit);
                }
                Some(v) if self.exit_needs_code() => {
                    // The value first, then the finally bodies (which may
                    // rebind the returned local).
                    let r = self.alloc(1)?;
                    self.expr_to(v, r)?;
                    let exit = self.begin_exit(tries::Exit::Return)?;
                    self.emit(abc(Op::Return, r, 0, 0));
                    self.end_exit(exit);
                }
                Some(v) => {
                    // Only loops' iterators to drop, if anything.
                    let r = self.expr_any(v)?;
                    let exit = self.begin_exit(tries::Exit::Return)?;
                    self.emit(abc(Op::Return, r, 0, 0));
                    self.end_exit(exit);
                }
            },
            StmtKind::FunctionDef { is_async: false, name, args, body, decorator_list, .. } => {
                self.function_def(s.span, *name, args, body, decorator_list)?;
            }
            StmtKind::Delete { targets } => {
                for t in targets.iter() {
                    self.delete(t)?;
                }
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Raise { exc, cause } => {
                let base = self.alloc(2)?;
                match exc {
                    Some(e) => self.expr_to(e, base)?,
                    None => {
                        self.emit(Op::RaiseActive as u32);
                        return Ok(());
                    }
                }
                let has_cause = if let Some(c) = cause {
                    self.expr_to(c, base + 1)?;
                    1
                } else {
                    0
                };
                self.emit(abc(Op::Raise, base, has_cause, 0));
            }
            StmtKind::Assert { test, msg } => {
                let jt = self.cond_jump(test, true)?;
                let r = self.alloc(1)?;
                let has = if let Some(m) = msg {
                    self.expr_to(m, r)?;
                    1
                } else {
                    0
                };
                let old = self.set_pos(last_compare(test).unwrap_or(s.span));
                self.emit(abc(Op::RaiseAssert, r, has, 0));
                self.restore_pos(old);
                self.patch_here(jt)?;
            }
            StmtKind::Import { names } => {
                for alias in names.iter() {
                    let r = self.alloc(1)?;
                    let full = self.interner.resolve(alias.name);
                    let n = self.name_index(alias.name);
                    self.emit(abx(Op::Import, r, n));
                    match alias.asname {
                        Some(a) => {
                            // `import a.b as c` binds the submodule.
                            let parts: Vec<&str> = full.split('.').collect();
                            for p in parts.iter().skip(1) {
                                let sym = self.interner.lookup(p);
                                if let Some(sym) = sym {
                                    let pn = self.name_index(sym);
                                    self.emit_abc_wide(Op::ImportFrom, r, r, pn);
                                }
                            }
                            self.store_name(a, r);
                        }
                        None => {
                            let first = full.split('.').next().unwrap_or(full);
                            match self.interner.lookup(first) {
                                Some(sym) => {
                                    if full.contains('.') {
                                        let n0 = self.name_index(sym);
                                        self.emit(abx(Op::Import, r, n0));
                                    }
                                    self.store_name(sym, r)
                                }
                                None => self.store_name(alias.name, r),
                            }
                        }
                    }
                    self.set_top(r);
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                if *level > 0 {
                    return Err(CompileError::Unsupported {
                        what: "relative imports",
                        span: s.span,
                    });
                }
                let m = self.alloc(2)?;
                let Some(modname) = module else {
                    return Err(CompileError::Unsupported {
                        what: "relative imports",
                        span: s.span,
                    });
                };
                let n = self.name_index(*modname);
                self.emit(abx(Op::Import, m, n));
                for alias in names.iter() {
                    if self.interner.resolve(alias.name) == "*" {
                        self.emit(abc(Op::ImportStar, m, 0, 0));
                        continue;
                    }
                    let an = self.name_index(alias.name);
                    self.emit_abc_wide(Op::ImportFrom, m + 1, m, an);
                    self.store_name(alias.asname.unwrap_or(alias.name), m + 1);
                }
            }
            StmtKind::FunctionDef { is_async: true, .. } | StmtKind::For { is_async: true, .. } => {
                return Err(CompileError::Unsupported { what: "async code", span: s.span })
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.class_def(s.span, *name, bases, keywords, body, decorator_list)?;
            }
            StmtKind::Try { is_star: true, .. } => {
                return Err(CompileError::Unsupported {
                    what: "except* (exception groups)",
                    span: s.span,
                })
            }
            StmtKind::Try { is_star: false, body, handlers, orelse, finalbody } => {
                self.try_stmt(body, handlers, orelse, finalbody)?
            }
            StmtKind::With { is_async: false, items, body, .. } => {
                self.with_stmt(s.span, items, body)?
            }
            StmtKind::With { is_async: true, .. } => {
                return Err(CompileError::Unsupported { what: "async code", span: s.span })
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
        }
        Ok(())
    }

    fn assign(&mut self, targets: &[Expr<'a>], value: &Expr<'a>) -> CResult<()> {
        // `x = expr` with a local `x`: evaluate straight into its register.
        if let [Expr { kind: ExprKind::Name { id, .. }, .. }] = targets {
            if let Place::Reg(r) = self.place(*id) {
                if !self.needs_temp(value) {
                    self.expr_to(value, r)?;
                    self.u().bound.insert(r);
                    return Ok(());
                }
            }
        }
        // `a, b = c, d` without building a tuple.
        if let [Expr {
            kind: ExprKind::Tuple { elts: tgts, .. } | ExprKind::List { elts: tgts, .. },
            ..
        }] = targets
        {
            if let ExprKind::Tuple { elts: vals, .. } = value.kind {
                if tgts.len() == vals.len()
                    && !tgts
                        .iter()
                        .chain(vals.iter())
                        .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
                {
                    let base = self.alloc(vals.len() as u32)?;
                    for (i, v) in vals.iter().enumerate() {
                        self.expr_to(v, base + i as u32)?;
                    }
                    for (i, t) in tgts.iter().enumerate() {
                        self.assign_target(t, base + i as u32)?;
                    }
                    return Ok(());
                }
            }
        }
        // The value's own register when it is a local (stores read their
        // source before writing, so no copy is needed), else a temporary.
        let r = self.expr_any(value)?;
        for t in targets {
            self.assign_target(t, r)?;
        }
        Ok(())
    }

    /// The registers of `elts` when they are all plain locals held in
    /// consecutive registers (`a, b = ...` unpacks straight into them).
    fn consecutive_locals(&mut self, elts: &[Expr<'a>]) -> Option<Reg> {
        let mut first = None;
        for (i, e) in elts.iter().enumerate() {
            let ExprKind::Name { id, .. } = e.kind else { return None };
            let Place::Reg(r) = self.place(id) else { return None };
            match first {
                None => first = Some(r),
                Some(f) if r == f + i as u32 => {}
                _ => return None,
            }
        }
        first
    }

    /// Expressions whose evaluation must not write a local before it is done.
    fn needs_temp(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::BoolOp { .. } | ExprKind::NamedExpr { .. } => true,
            ExprKind::Compare { ops, .. } => ops.len() > 1,
            _ => false,
        }
    }

    /// Store the value in `src` into the target expression (errors point
    /// at the target, as in CPython).
    fn assign_target(&mut self, t: &Expr<'a>, src: Reg) -> CResult<()> {
        let old = self.set_pos(t.span);
        let r = self.assign_target_inner(t, src);
        self.restore_pos(old);
        r
    }

    fn assign_target_inner(&mut self, t: &Expr<'a>, src: Reg) -> CResult<()> {
        let top = self.top();
        match &t.kind {
            ExprKind::Name { id, .. } => self.store_name(*id, src),
            ExprKind::Attribute { value, attr, .. } => {
                let obj = self.expr_any(value)?;
                let n = self.name_index(*attr);
                self.emit_abc_wide(Op::SetAttr, obj, src, n);
            }
            ExprKind::Subscript { value, slice, .. } => {
                let obj = self.expr_any(value)?;
                let key = self.expr_any(slice)?;
                self.emit(abc(Op::SetItem, obj, key, src));
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let star = elts.iter().position(|e| matches!(e.kind, ExprKind::Starred { .. }));
                let n = elts.len() as u32;
                if star.is_none() && n > 0 {
                    if let Some(first) = self.consecutive_locals(elts) {
                        // `Unpack` reads its source before writing anything.
                        self.emit(abc(Op::Unpack, first, src, n));
                        for r in first..first + n {
                            self.u().bound.insert(r);
                        }
                        self.set_top(top);
                        return Ok(());
                    }
                }
                let base = self.alloc(n)?;
                match star {
                    None => {
                        self.emit(abc(Op::Unpack, base, src, n));
                    }
                    Some(i) => {
                        // (At most 255 targets: `alloc` checked.)
                        let before = i as u32;
                        let after = n - 1 - before;
                        self.emit_abc_wide(Op::UnpackEx, base, src, before | after << 8);
                    }
                }
                for (i, e) in elts.iter().enumerate() {
                    let e = match &e.kind {
                        ExprKind::Starred { value, .. } => *value,
                        _ => e,
                    };
                    self.assign_target(e, base + i as u32)?;
                }
            }
            ExprKind::Starred { value, .. } => self.assign_target(value, src)?,
            _ => {
                return Err(CompileError::Unsupported {
                    what: "this assignment target",
                    span: t.span,
                })
            }
        }
        self.set_top(top);
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr<'a>, op: Operator, value: &Expr<'a>) -> CResult<()> {
        let opn = op as u32;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                let place = self.place(*id);
                match place {
                    // (`x += (x := 5)` adds to the old `x`: the general path.)
                    Place::Reg(r) if !operands::may_rebind(value) => {
                        let old = self.set_pos(target.span);
                        self.check_bound(r, *id);
                        self.restore_pos(old);
                        let v = self.expr_any(value)?;
                        self.emit(abc(Op::Inplace, r, v, opn));
                    }
                    _ => {
                        let r = self.alloc(1)?;
                        let old = self.set_pos(target.span);
                        self.load_name(*id, r)?;
                        self.restore_pos(old);
                        let v = self.expr_any(value)?;
                        self.emit(abc(Op::Inplace, r, v, opn));
                        self.store_name(*id, r);
                    }
                }
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                let o = self.expr_any(obj)?;
                let r = self.alloc(1)?;
                let n = self.name_index(*attr);
                let old = self.set_pos(target.span);
                self.emit_abc_wide(Op::GetAttr, r, o, n);
                self.restore_pos(old);
                let v = self.expr_any(value)?;
                self.emit(abc(Op::Inplace, r, v, opn));
                let old = self.set_pos(target.span);
                self.emit_abc_wide(Op::SetAttr, o, r, n);
                self.restore_pos(old);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                let o = self.expr_any(obj)?;
                let k = self.expr_any(slice)?;
                let r = self.alloc(1)?;
                let old = self.set_pos(target.span);
                self.emit(abc(Op::GetItem, r, o, k));
                self.restore_pos(old);
                let v = self.expr_any(value)?;
                self.emit(abc(Op::Inplace, r, v, opn));
                let old = self.set_pos(target.span);
                self.emit(abc(Op::SetItem, o, k, r));
                self.restore_pos(old);
            }
            _ => {
                return Err(CompileError::Unsupported {
                    what: "this augmented assignment target",
                    span: target.span,
                })
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr<'a>) -> CResult<()> {
        let old = self.set_pos(t.span);
        let r = self.delete_inner(t);
        self.restore_pos(old);
        r
    }

    fn delete_inner(&mut self, t: &Expr<'a>) -> CResult<()> {
        let top = self.top();
        match &t.kind {
            ExprKind::Name { id, .. } => match self.place(*id) {
                Place::Reg(r) => {
                    // Unbound, then released (a generator it held may
                    // have to be closed now).
                    let n = self.name_index(*id);
                    self.emit(abx(Op::CheckBound, r, n));
                    self.emit(abc(Op::Release, r, top, 1));
                    self.u().bound.remove(&r);
                }
                Place::Deref(c) => {
                    self.emit(abc(Op::DeleteDeref, 0, c, 0));
                }
                Place::Global => {
                    let n = self.name_index(*id);
                    self.emit(abx(Op::DeleteGlobal, top, n));
                }
                Place::Name => {
                    let n = self.name_index(*id);
                    self.emit(abx(Op::DeleteName, top, n));
                }
                Place::ClassDeref(c) => {
                    self.emit(abc(Op::DeleteDeref, 0, c, 0));
                }
            },
            ExprKind::Attribute { value, attr, .. } => {
                let o = self.expr_any(value)?;
                let n = self.name_index(*attr);
                if n > 255 {
                    return Err(CompileError::TooLarge { what: "names", span: t.span });
                }
                self.emit(abc(Op::DelAttr, o, n, 0));
            }
            ExprKind::Subscript { value, slice, .. } => {
                let o = self.expr_any(value)?;
                let k = self.expr_any(slice)?;
                self.emit(abc(Op::DelItem, o, k, 0));
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts.iter() {
                    self.delete(e)?;
                }
            }
            _ => return Err(CompileError::Unsupported { what: "this del target", span: t.span }),
        }
        self.set_top(top);
        Ok(())
    }

    // ----- classes -------------------------------------------------------

    /// The qualified-name prefix of a definition in the current unit.
    fn child_qual_prefix(&self) -> String {
        let u = self.units.last().expect("unit");
        if u.is_module {
            String::new()
        } else if u.is_class {
            format!("{}.", u.qualname)
        } else {
            format!("{}.<locals>.", u.qualname)
        }
    }

    /// `class Name(bases, **keywords): body`: the body as a function of
    /// the namespace, then `__build_class__(body, 'Name', *bases,
    /// **keywords)`, then the decorators.
    fn class_def(
        &mut self,
        span: Span,
        name: Symbol,
        bases: &[Expr<'a>],
        keywords: &[Keyword<'a>],
        body: &[Stmt<'a>],
        decorators: &[Expr<'a>],
    ) -> CResult<()> {
        let top = self.top();
        let mut decos = Vec::new();
        for d in decorators {
            let r = self.alloc(1)?;
            self.expr_to(d, r)?;
            decos.push(r);
        }
        let Some(scope) = self.table.scope_of(span) else {
            return Err(CompileError::Unsupported { what: "this class", span });
        };
        let name_str = self.interner.resolve(name).to_string();
        let qualname = format!("{}{}", self.child_qual_prefix(), name_str);
        let first_line = self.lines.line_col(span.start).0;
        self.push_unit(scope, name_str.clone().into(), qualname.clone().into(), first_line, false);
        self.class_body(span, &qualname, body)?;
        let code = self.pop_unit();
        let freevars: Vec<Box<str>> = code.freevars.clone();
        let child = {
            let u = self.u();
            u.children.push(code);
            u.children.len() as u32 - 1
        };
        if child > 255 {
            return Err(CompileError::TooLarge {
                what: "more than 256 nested functions in one scope",
                span,
            });
        }
        let call = self.alloc(1)?;
        self.emit(abc(Op::LoadBuildClass, call, 0, 0));
        // The body function (R[f+3] holds its closure while it is made).
        let f = self.alloc(4)?;
        let mut flags = 0;
        if !freevars.is_empty() {
            let n = freevars.len() as u32;
            let b = self.alloc(n)?;
            for (i, fv) in freevars.iter().enumerate() {
                let sym = self.interner.lookup(fv).expect("interned free variable");
                let c = *self.u().cells.get(&sym).expect("free variable has a cell in the parent");
                self.emit(abc(Op::LoadClosure, b + i as u32, c, 0));
            }
            self.emit(abc(Op::BuildTuple, f + 3, b, n));
            flags |= 4;
        }
        self.emit(abc(Op::MakeFunction, f, child, flags));
        self.set_top(f + 1);
        let name_obj = self.heap.alloc_str(name_str.as_str());
        let k = self.add_const(Some(ConstKey::Str(name_str.as_str().into())), Value::Str(name_obj));
        let has_star = bases.iter().any(|b| matches!(b.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if has_star {
            let pos = self.alloc(2)?;
            let nm = self.alloc(1)?;
            self.load_k(nm, k, span)?;
            self.emit(abc(Op::BuildList, pos, f, 1));
            self.emit(abc(Op::ListAppend, pos, nm, 0));
            for b in bases {
                let t = self.top();
                match &b.kind {
                    ExprKind::Starred { value, .. } => {
                        let r = self.expr_any(value)?;
                        self.emit(abc(Op::ListExtend, pos, r, 0));
                    }
                    _ => {
                        let r = self.expr_any(b)?;
                        self.emit(abc(Op::ListAppend, pos, r, 0));
                    }
                }
                self.set_top(t);
            }
            self.emit(abc(Op::ListToTuple, pos, pos, 0));
            self.emit(abc(Op::Move, call + 1, pos, 0));
            let has_kw = !keywords.is_empty();
            if has_kw {
                self.emit(abc(Op::BuildDict, call + 2, 0, 0));
                for kw in keywords {
                    let t = self.top();
                    match kw.arg {
                        None => {
                            let r = self.expr_any(&kw.value)?;
                            self.emit(abc(Op::DictMerge, call + 2, r, 0));
                        }
                        Some(n) => {
                            let b = self.alloc(2)?;
                            let s = self.name_str(n);
                            let ki = self.add_const(None, Value::Str(s));
                            self.load_k(b, ki, kw.span)?;
                            self.expr_to(&kw.value, b + 1)?;
                            self.emit(abc(Op::DictMerge, call + 2, b, 1));
                        }
                    }
                    self.set_top(t);
                }
            }
            let old = self.set_pos(span);
            self.emit(abc(Op::CallEx, call, has_kw as u32, 0));
            self.restore_pos(old);
        } else {
            let nm = self.alloc(1)?;
            self.load_k(nm, k, span)?;
            for b in bases {
                let r = self.alloc(1)?;
                self.expr_to(b, r)?;
            }
            let nargs = 2 + bases.len() as u32 + keywords.len() as u32;
            if nargs > 255 {
                return Err(CompileError::TooLarge { what: "class bases", span });
            }
            let old = self.set_pos(span);
            if keywords.is_empty() {
                self.emit(abc(Op::Call, call, nargs, 0));
            } else {
                let mut names = Vec::with_capacity(keywords.len());
                for kw in keywords {
                    let r = self.alloc(1)?;
                    self.expr_to(&kw.value, r)?;
                    names.push(Value::Str(self.name_str(kw.arg.expect("named keyword"))));
                }
                let t = self.heap.alloc(TupleObj::new(names));
                let kc = self.add_const(None, Value::Tuple(t));
                if kc > 255 {
                    return Err(CompileError::TooLarge { what: "constants", span });
                }
                self.emit(abc(Op::CallKw, call, nargs, kc));
            }
            self.restore_pos(old);
        }
        let mut cur = call;
        for &d in decos.iter().rev() {
            let c = self.alloc(2)?;
            self.emit(abc(Op::Move, c, d, 0));
            self.emit(abc(Op::Move, c + 1, cur, 0));
            self.emit(abc(Op::Call, c, 1, 0));
            cur = c;
        }
        self.store_name(name, cur);
        self.set_top(top);
        Ok(())
    }

    /// A class body: `__module__`, `__qualname__` and `__doc__` first, the
    /// statements, then `__classcell__` for methods using `super()`.
    fn class_body(&mut self, span: Span, qualname: &str, body: &[Stmt<'a>]) -> CResult<()> {
        let r = self.alloc(1)?;
        let old = self.set_pos(span);
        let n = self.str_name_index("__name__");
        self.emit(abx(Op::LoadName, r, n));
        let n = self.str_name_index("__module__");
        self.emit(abx(Op::StoreName, r, n));
        let q = self.heap.alloc_str(qualname);
        let k = self.add_const(Some(ConstKey::Str(qualname.into())), Value::Str(q));
        self.load_k(r, k, span)?;
        let n = self.str_name_index("__qualname__");
        self.emit(abx(Op::StoreName, r, n));
        if has_annotations(body) {
            self.emit(abc(Op::BuildDict, r, 0, 0));
            let n = self.str_name_index("__annotations__");
            self.emit(abx(Op::StoreName, r, n));
        }
        let mut rest = body;
        if let Some(StmtKind::Expr {
            value: Expr { kind: ExprKind::Constant { value: c @ Constant::Str(_), .. }, .. },
        }) = body.first().map(|s| &s.kind)
        {
            let (key, v) = self.const_value(c);
            let k = self.add_const(key, v);
            self.load_k(r, k, span)?;
            let n = self.str_name_index("__doc__");
            self.emit(abx(Op::StoreName, r, n));
            rest = &body[1..];
        }
        self.restore_pos(old);
        self.set_top(r);
        self.stmts(rest)?;
        let scope = self.u().scope;
        if self.table.scopes[scope].needs_class_closure {
            let r = self.alloc(1)?;
            self.emit(abc(Op::LoadClosure, r, 0, 0));
            let n = self.str_name_index("__classcell__");
            self.emit(abx(Op::StoreName, r, n));
        }
        self.emit(Op::ReturnNone as u32);
        Ok(())
    }

    // ----- functions -----------------------------------------------------

    fn function_def(
        &mut self,
        span: Span,
        name: Symbol,
        args: &Arguments<'a>,
        body: &[Stmt<'a>],
        decorators: &[Expr<'a>],
    ) -> CResult<()> {
        let base = self.top();
        let mut decos = Vec::new();
        for d in decorators {
            let r = self.alloc(1)?;
            self.expr_to(d, r)?;
            decos.push(r);
        }
        let f = self.make_function(span, name, args, FunctionBody::Stmts(body))?;
        let mut cur = f;
        for &d in decos.iter().rev() {
            // d(cur)
            let call = self.alloc(2)?;
            self.emit(abc(Op::Move, call, d, 0));
            self.emit(abc(Op::Move, call + 1, cur, 0));
            self.emit(abc(Op::Call, call, 1, 0));
            cur = call;
        }
        self.store_name(name, cur);
        self.set_top(base);
        Ok(())
    }

    /// Build a function object for a def/lambda/comprehension; returns its register.
    fn make_function(
        &mut self,
        span: Span,
        name: Symbol,
        args: &Arguments<'a>,
        body: FunctionBody<'a, '_>,
    ) -> CResult<Reg> {
        let Some(scope) = self.table.scope_of(span) else {
            return Err(CompileError::Unsupported { what: "this function", span });
        };
        // Defaults are evaluated in the enclosing scope, before the body exists.
        let f = self.alloc(4)?;
        let mut flags = 0;
        if !args.defaults.is_empty() {
            let n = args.defaults.len() as u32;
            let b = self.alloc(n)?;
            for (i, d) in args.defaults.iter().enumerate() {
                self.expr_to(d, b + i as u32)?;
            }
            self.emit(abc(Op::BuildTuple, f + 1, b, n));
            self.set_top(f + 4);
            flags |= 1;
        }
        if args.kw_defaults.iter().any(|d| d.is_some()) {
            let pairs: Vec<(Symbol, &Expr)> = args
                .kwonlyargs
                .iter()
                .zip(args.kw_defaults.iter())
                .filter_map(|(a, d)| d.as_ref().map(|d| (a.arg, d)))
                .collect();
            let n = pairs.len() as u32;
            let b = self.alloc(2 * n)?;
            for (i, (k, d)) in pairs.into_iter().enumerate() {
                let s = self.name_str(k);
                let ki = self.add_const(None, Value::Str(s));
                self.load_k(b + 2 * i as u32, ki, span)?;
                self.expr_to(d, b + 2 * i as u32 + 1)?;
            }
            self.emit(abc(Op::BuildDict, f + 2, b, n));
            self.set_top(f + 4);
            flags |= 2;
        }
        let first_line = self.lines.line_col(span.start).0;
        let parent_qual = self.child_qual_prefix();
        let name_str = self.interner.resolve(name).to_string();
        let qualname = format!("{parent_qual}{name_str}");
        self.push_unit(scope, name_str.clone().into(), qualname.into(), first_line, false);
        {
            let u = self.u();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            if matches!(body, FunctionBody::Comprehension(..)) {
                u.argcount = 1; // the `.0` iterator
            }
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
            u.flags.varargs = args.vararg.is_some();
            u.flags.varkeywords = args.kwarg.is_some();
        }
        if self.table.scopes[scope].is_generator {
            // A call runs only this: the frame becomes the generator object.
            self.u().flags.generator = true;
            let old = self.set_pos(span);
            self.emit(Op::ReturnGenerator as u32);
            self.restore_pos(old);
        }
        match body {
            FunctionBody::Stmts(stmts) => {
                // The docstring is the first constant (`__doc__`).
                if let Some(StmtKind::Expr {
                    value: Expr { kind: ExprKind::Constant { value: c @ Constant::Str(_), .. }, .. },
                }) = stmts.first().map(|s| &s.kind)
                {
                    let (key, v) = self.const_value(c);
                    self.add_const(key, v);
                    self.u().flags.docstring = true;
                }
                for name in deleted::deleted_names(stmts) {
                    if let Place::Reg(r) = self.place(name) {
                        self.u().maybe_deleted.insert(r);
                    }
                }
                self.stmts(stmts)?;
                self.emit(Op::ReturnNone as u32);
            }
            FunctionBody::Expr(e) => {
                let old = self.set_pos(e.span);
                let r = self.expr_any(e)?;
                self.emit(abc(Op::Return, r, 0, 0));
                self.restore_pos(old);
            }
            FunctionBody::Comprehension(kind, elt, value, generators) => {
                // The loops report the whole comprehension (as CPython).
                let old = self.set_pos(span);
                self.comprehension_body(kind, elt, value, generators)?;
                self.restore_pos(old);
            }
        }
        let code = self.pop_unit();
        let freevars: Vec<Box<str>> = code.freevars.clone();
        let child = {
            let u = self.u();
            u.children.push(code);
            u.children.len() as u32 - 1
        };
        if child > 255 {
            return Err(CompileError::TooLarge {
                what: "more than 256 nested functions in one scope",
                span,
            });
        }
        if !freevars.is_empty() {
            let n = freevars.len() as u32;
            let b = self.alloc(n)?;
            for (i, fv) in freevars.iter().enumerate() {
                let sym = self.interner.lookup(fv).expect("interned free variable");
                let c = *self.u().cells.get(&sym).expect("free variable has a cell in the parent");
                self.emit(abc(Op::LoadClosure, b + i as u32, c, 0));
            }
            self.emit(abc(Op::BuildTuple, f + 3, b, n));
            flags |= 4;
        }
        self.emit(abc(Op::MakeFunction, f, child, flags));
        self.set_top(f + 1);
        Ok(f)
    }

    fn comprehension_body(
        &mut self,
        kind: CompKind,
        elt: &Expr<'a>,
        value: Option<&Expr<'a>>,
        generators: &[Comprehension<'a>],
    ) -> CResult<()> {
        // Register 0 is the `.0` iterator parameter.
        let acc = self.alloc(1)?;
        match kind {
            CompKind::List => self.emit(abc(Op::BuildList, acc, 0, 0)),
            CompKind::Set => self.emit(abc(Op::BuildSet, acc, 0, 0)),
            CompKind::Dict => self.emit(abc(Op::BuildDict, acc, 0, 0)),
            CompKind::Gen => 0,
        };
        self.comp_loop(kind, acc, elt, value, generators, 0)?;
        if let CompKind::Gen = kind {
            self.emit(Op::ReturnNone as u32);
        } else {
            self.emit(abc(Op::Return, acc, 0, 0));
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: CompKind,
        acc: Reg,
        elt: &Expr<'a>,
        value: Option<&Expr<'a>>,
        generators: &[Comprehension<'a>],
        depth: usize,
    ) -> CResult<()> {
        let Some(gen) = generators.get(depth) else {
            let top = self.top();
            match kind {
                CompKind::List => {
                    let r = self.expr_any(elt)?;
                    self.emit(abc(Op::ListAppend, acc, r, 0));
                }
                CompKind::Set => {
                    let r = self.expr_any(elt)?;
                    self.emit(abc(Op::SetAdd, acc, r, 0));
                }
                CompKind::Dict => {
                    let k = self.alloc(2)?;
                    self.expr_to(elt, k)?;
                    self.expr_to(value.expect("dict value"), k + 1)?;
                    self.emit(abc(Op::DictSet, acc, k, k + 1));
                }
                CompKind::Gen => {
                    // Into a temporary: the sent value lands there on resume.
                    let r = self.alloc(1)?;
                    self.expr_to(elt, r)?;
                    self.emit(abc(Op::Yield, r, 0, 0));
                }
            }
            self.set_top(top);
            return Ok(());
        };
        if gen.is_async {
            return Err(CompileError::Unsupported {
                what: "async comprehensions",
                span: gen.iter.span,
            });
        }
        let it = self.top();
        let (head, jexit, item) = if depth == 0 {
            // The outermost iterator was evaluated by the caller: parameter `.0`.
            self.alloc(2)?;
            self.emit(abc(Op::Move, it, 0, 0));
            let head = self.here();
            (head, self.jump(Op::ForIter, it), it + 1)
        } else {
            let (head, jexit, _, item) = self.loop_head(&gen.iter)?;
            (head, jexit, item)
        };
        self.branch(|g| {
            g.assign_target(&gen.target, item)?;
            let mut skips = Vec::new();
            for cond in gen.ifs.iter() {
                skips.push(g.cond_jump(cond, false)?);
            }
            g.comp_loop(kind, acc, elt, value, generators, depth + 1)?;
            for j in skips {
                g.patch(j, head)?;
            }
            Ok(())
        })?;
        self.jump_back(head);
        self.patch_here(jexit)?;
        self.set_top(it);
        Ok(())
    }

    /// The head of a `for` loop over `iter`: the iterator set up in new
    /// registers and the loop test. Returns the test's address (where
    /// `continue` goes), its exit jump to patch, the register holding the
    /// iterator (released when the loop is left early) and the one each
    /// item arrives in.
    ///
    /// `for x in range(...)` with one to three plain arguments counts in
    /// registers (`ForRangePrep`/`ForRangeLoop`, as Lua's numeric `for`)
    /// when `range` is the builtin at run time; no range object or
    /// iterator is made.
    fn loop_head(&mut self, iter: &Expr<'a>) -> CResult<(usize, usize, Reg, Reg)> {
        if let ExprKind::Call { func, args, keywords: [] } = iter.kind {
            let plain = (1..=3).contains(&args.len())
                && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }));
            if let ExprKind::Name { id, .. } = func.kind {
                if plain
                    && self.interner.resolve(id) == "range"
                    && matches!(self.place(id), Place::Global)
                {
                    let it = self.alloc(4)?;
                    self.expr_to(func, it)?;
                    for (i, arg) in args.iter().enumerate() {
                        self.expr_to(arg, it + 1 + i as Reg)?;
                    }
                    let old = self.set_pos(iter.span);
                    self.emit(abc(Op::ForRangePrep, it, args.len() as Reg, 0));
                    self.restore_pos(old);
                    self.set_top(it + 4);
                    let head = self.here();
                    let jexit = self.jump(Op::ForRangeLoop, it);
                    return Ok((head, jexit, it + 2, it + 3));
                }
            }
        }
        // The iterable is computed straight into the iterator's register
        // (a call there runs in place): a temporary holding it would
        // outlive the loop, and a generator left by `break` must have no
        // reference but the loop's.
        let it = self.alloc(1)?;
        let src = match iter.kind {
            // A local holds its own reference anyway.
            ExprKind::Name { id, .. } if matches!(self.place(id), Place::Reg(_)) => {
                self.expr_any(iter)?
            }
            _ => {
                self.expr_to(iter, it)?;
                it
            }
        };
        self.emit(abc(Op::GetIter, it, src, 0));
        self.set_top(it + 2);
        let head = self.here();
        let jexit = self.jump(Op::ForIter, it);
        Ok((head, jexit, it, it + 1))
    }

    /// `[elt for ...]` etc.: make the comprehension function and call it on
    /// the first iterator.
    fn comprehension(
        &mut self,
        e: &Expr<'a>,
        kind: CompKind,
        elt: &Expr<'a>,
        value: Option<&Expr<'a>>,
        generators: &[Comprehension<'a>],
        dst: Reg,
    ) -> CResult<()> {
        let top = self.top();
        // The destination is the newest temporary: build and call the
        // function right there (no Move).
        if dst + 1 == top && self.is_temp(dst) {
            self.set_top(dst);
        }
        let name = self.interner.lookup(match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Gen => "genexpr",
        });
        let sym = name.unwrap_or(Symbol(0));
        let empty = Arguments::default();
        let f = self.make_function(
            e.span,
            sym,
            &empty,
            FunctionBody::Comprehension(kind, elt, value, generators),
        )?;
        // Fix the display name: CPython names these `<listcomp>` etc.
        if let Some(child) = self.u().children.last_mut() {
            let nm: Box<str> = match kind {
                CompKind::List => "<listcomp>".into(),
                CompKind::Set => "<setcomp>".into(),
                CompKind::Dict => "<dictcomp>".into(),
                CompKind::Gen => "<genexpr>".into(),
            };
            if let Some(c) = Rc::get_mut(child) {
                let q = c
                    .qualname
                    .rsplit_once('.')
                    .map(|(p, _)| format!("{p}.{nm}"))
                    .unwrap_or(nm.to_string());
                c.qualname = q.into();
                c.name = nm;
            }
        }
        let arg = self.alloc(1)?;
        let src = self.expr_any(&generators[0].iter)?;
        self.emit(abc(Op::GetIter, arg, src, 0));
        self.emit(abc(Op::Call, f, 1, 0));
        if f != dst {
            self.emit(abc(Op::Move, dst, f, 0));
        }
        self.set_top(top);
        Ok(())
    }

    // ----- expressions ----------------------------------------------------

    /// Compile `e` and return a register holding its value: a local's own
    /// register when `e` is a bound local name, else a new temporary.
    fn expr_any(&mut self, e: &Expr<'a>) -> CResult<Reg> {
        if let ExprKind::Name { id, .. } = e.kind {
            if let Place::Reg(r) = self.place(id) {
                let old = self.set_pos(e.span);
                self.check_bound(r, id);
                self.restore_pos(old);
                return Ok(r);
            }
        }
        let r = self.alloc(1)?;
        self.expr_to(e, r)?;
        Ok(r)
    }

    /// Compile `e` with its value in `dst`.
    fn expr_to(&mut self, e: &Expr<'a>, dst: Reg) -> CResult<()> {
        let old = self.set_pos(e.span);
        let top = self.top();
        let r = self.expr_inner(e, dst);
        self.set_top(top);
        self.restore_pos(old);
        r
    }

    fn expr_inner(&mut self, e: &Expr<'a>, dst: Reg) -> CResult<()> {
        match &e.kind {
            ExprKind::Constant { value, .. } => self.load_const(value, dst, e.span)?,
            ExprKind::Name { id, .. } => self.load_name(*id, dst)?,
            ExprKind::BinOp { left, op, right } => {
                // `x + k` / `x - k` with a small int constant: one AddI/SubI.
                if let (
                    Operator::Add | Operator::Sub,
                    ExprKind::Constant { value: Constant::Int(k), .. },
                ) = (op, &right.kind)
                {
                    if (-128..=127).contains(k) {
                        let l = self.expr_any(left)?;
                        let old = self.set_pos(e.span);
                        let opc = if *op == Operator::Add { Op::AddI } else { Op::SubI };
                        self.emit(abc(opc, dst, l, (*k as i8 as u8) as u32));
                        self.restore_pos(old);
                        return Ok(());
                    }
                }
                let l = self.operand(left, operands::may_rebind(right))?;
                let r = self.expr_any(right)?;
                let old = self.set_pos(e.span);
                self.emit(abc(binop(*op), dst, l, r));
                self.restore_pos(old);
            }
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand:
                    Expr {
                        kind:
                            ExprKind::Constant {
                                value: value @ (Constant::Int(_) | Constant::Float(_)),
                                ..
                            },
                        ..
                    },
            } if !matches!(value, Constant::Int(i64::MIN)) => {
                // Constant folding of a negative number literal.
                let folded = match *value {
                    Constant::Int(i) => Constant::Int(-i),
                    Constant::Float(f) => Constant::Float(-f),
                    other => other,
                };
                self.load_const(&folded, dst, e.span)?;
            }
            ExprKind::UnaryOp { op, operand } => {
                let r = self.expr_any(operand)?;
                let opc = match op {
                    UnaryOp::USub => Op::Neg,
                    UnaryOp::UAdd => Op::Pos,
                    UnaryOp::Invert => Op::Invert,
                    UnaryOp::Not => Op::Not,
                };
                self.emit(abc(opc, dst, r, 0));
            }
            ExprKind::BoolOp { op, values } => {
                let t = if self.is_temp(dst) { dst } else { self.alloc(1)? };
                let mut ends = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    // Operands after the first may not run: what they bind
                    // (`:=`) stays maybe-unbound.
                    if i == 0 {
                        self.expr_to(v, t)?;
                    } else {
                        self.branch(|g| g.expr_to(v, t))?;
                    }
                    if i + 1 < values.len() {
                        let jop = if *op == BoolOp::And { Op::JmpIfFalse } else { Op::JmpIfTrue };
                        ends.push(self.jump(jop, t));
                    }
                }
                for j in ends {
                    self.patch_here(j)?;
                }
                if t != dst {
                    self.emit(abc(Op::Move, dst, t, 0));
                }
            }
            ExprKind::Compare { left, ops, comparators } => {
                // One comparison writes its result last; a chain writes it
                // between its links, so a local destination needs a temporary.
                let t = if self.is_temp(dst) || ops.len() == 1 { dst } else { self.alloc(1)? };
                // Operands stay in their locals' registers unless a `:=`
                // in the chain may rebind one before it is compared.
                let rebound = comparators.iter().any(operands::may_rebind);
                let mut l = self.operand(left, rebound)?;
                let mut ends = Vec::new();
                for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                    let r = if i == 0 {
                        self.operand(c, rebound)?
                    } else {
                        self.branch(|g| g.operand(c, rebound))?
                    };
                    let old = self.set_pos(e.span);
                    self.emit(abc(cmpop(*op), t, l, r));
                    self.restore_pos(old);
                    if i + 1 < ops.len() {
                        ends.push(self.jump(Op::JmpIfFalse, t));
                    }
                    l = r;
                }
                for j in ends {
                    self.patch_here(j)?;
                }
                if t != dst {
                    self.emit(abc(Op::Move, dst, t, 0));
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                // Each branch writes `dst` only when it is done (the test
                // has been evaluated by then): no temporary needed.
                let jf = self.cond_jump(test, false)?;
                self.branch(|g| g.expr_to(body, dst))?;
                let jend = self.jump(Op::Jmp, 0);
                self.patch_here(jf)?;
                self.branch(|g| g.expr_to(orelse, dst))?;
                self.patch_here(jend)?;
            }
            ExprKind::NamedExpr { target, value } => {
                let t = if self.is_temp(dst) { dst } else { self.alloc(1)? };
                self.expr_to(value, t)?;
                if let ExprKind::Name { id, .. } = target.kind {
                    self.store_name(id, t);
                }
                if t != dst {
                    self.emit(abc(Op::Move, dst, t, 0));
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords, dst)?,
            ExprKind::Attribute { value, attr, .. } => {
                let o = self.expr_any(value)?;
                let n = self.name_index(*attr);
                let old = self.set_pos(e.span);
                self.emit_abc_wide(Op::GetAttr, dst, o, n);
                self.restore_pos(old);
            }
            ExprKind::Subscript { value, slice, .. } => {
                let o = self.operand(value, operands::may_rebind(slice))?;
                let k = self.expr_any(slice)?;
                let old = self.set_pos(e.span);
                self.emit(abc(Op::GetItem, dst, o, k));
                self.restore_pos(old);
            }
            ExprKind::Slice { lower, upper, step } => {
                let b = self.alloc(3)?;
                for (i, part) in [lower, upper, step].iter().enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, b + i as u32)?,
                        None => {
                            self.emit(abc(Op::LoadNone, b + i as u32, 0, 0));
                        }
                    }
                }
                let n = if step.is_some() { 3 } else { 2 };
                self.emit(abc(Op::BuildSlice, dst, b, n));
            }
            ExprKind::List { elts, .. } => self.display(Op::BuildList, elts, dst)?,
            ExprKind::Tuple { elts, .. } => self.display(Op::BuildTuple, elts, dst)?,
            ExprKind::Set { elts } => self.display(Op::BuildSet, elts, dst)?,
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, dst)?,
            ExprKind::JoinedStr { values } => {
                if values.is_empty() {
                    self.load_const(&Constant::Str(b""), dst, e.span)?;
                } else {
                    let n = values.len() as u32;
                    let b = self.alloc(n)?;
                    for (i, v) in values.iter().enumerate() {
                        self.expr_to(v, b + i as u32)?;
                    }
                    if n == 1 && matches!(values[0].kind, ExprKind::FormattedValue { .. }) {
                        self.emit(abc(Op::Move, dst, b, 0));
                    } else {
                        self.emit(abc(Op::BuildString, dst, b, n));
                    }
                }
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let b = self.alloc(2)?;
                self.expr_to(value, b)?;
                let mut c = match *conversion {
                    115 => 1,
                    114 => 2,
                    97 => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr_to(spec, b + 1)?;
                    c |= 4;
                }
                self.emit(abc(Op::FormatValue, dst, b, c));
            }
            ExprKind::Lambda { args, body } => {
                let sym = self.interner.lookup("lambda").unwrap_or(Symbol(0));
                // The destination is the newest temporary: make it there.
                if dst + 1 == self.top() && self.is_temp(dst) {
                    self.set_top(dst);
                }
                let f = self.make_function(e.span, sym, args, FunctionBody::Expr(body))?;
                if let Some(child) = self.u().children.last_mut() {
                    if let Some(c) = Rc::get_mut(child) {
                        let q = c
                            .qualname
                            .rsplit_once('.')
                            .map(|(p, _)| format!("{p}.<lambda>"))
                            .unwrap_or("<lambda>".into());
                        c.qualname = q.into();
                        c.name = "<lambda>".into();
                    }
                }
                if f != dst {
                    self.emit(abc(Op::Move, dst, f, 0));
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, elt, None, generators, dst)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, elt, None, generators, dst)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, key, Some(value), generators, dst)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, elt, None, generators, dst)?
            }
            ExprKind::Yield { value } => {
                // Into a temporary even for `x = yield v`: `x` keeps its
                // value while the generator is suspended.
                let r = if self.is_temp(dst) { dst } else { self.alloc(1)? };
                match value {
                    Some(v) => self.expr_to(v, r)?,
                    None => {
                        self.emit(abc(Op::LoadNone, r, 0, 0));
                    }
                }
                self.emit(abc(Op::Yield, r, 0, 0));
                if r != dst {
                    self.emit(abc(Op::Move, dst, r, 0));
                }
            }
            ExprKind::YieldFrom { value } => {
                // it = iter(value); v = None
                // L: Send it (v = it.send(v), or its return value and exit)
                //    Yield v; Jmp L
                let it = self.alloc(2)?;
                let src = self.expr_any(value)?;
                self.emit(abc(Op::GetIter, it, src, 0));
                self.set_top(it + 2);
                self.emit(abc(Op::LoadNone, it + 1, 0, 0));
                let head = self.here();
                let jexit = self.jump(Op::Send, it);
                self.emit(abc(Op::Yield, it + 1, 0, 0));
                self.jump_back(head);
                self.patch_here(jexit)?;
                self.emit(abc(Op::Move, dst, it + 1, 0));
            }
            ExprKind::Await { .. } => {
                return Err(CompileError::Unsupported { what: "await", span: e.span })
            }
            ExprKind::Starred { .. } => {
                return Err(CompileError::Unsupported {
                    what: "a starred expression here",
                    span: e.span,
                })
            }
        }
        Ok(())
    }

    /// List/tuple/set displays, with `*iterable` items.
    /// Evaluate `elts` into consecutive registers from `b` (the top),
    /// each allocated just before it is compiled, so that an element which
    /// is a call runs in its own register (no `Move` of the result).
    fn consecutive_args(&mut self, elts: &[Expr<'a>], b: Reg) -> CResult<()> {
        debug_assert_eq!(b, self.top());
        for (i, el) in elts.iter().enumerate() {
            let r = self.alloc(1)?;
            debug_assert_eq!(r, b + i as u32);
            self.expr_to(el, r)?;
        }
        Ok(())
    }

    fn display(&mut self, op: Op, elts: &[Expr<'a>], dst: Reg) -> CResult<()> {
        let has_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !has_star && elts.len() < 256 {
            let n = elts.len() as u32;
            let b = if n == 0 { self.alloc(1)? } else { self.top() };
            self.consecutive_args(elts, b)?;
            if op == Op::BuildSet && n > 2 && elts.iter().all(is_folded_const) {
                // CPython loads a constant frozenset (built twice: from the
                // items, then from its own iteration order) and merges it
                // into a new set; `SetUpdate` with C=1 redoes that.
                self.emit(abc(Op::BuildSet, b, b, n));
                self.emit(abc(Op::BuildSet, dst, 0, 0));
                self.emit(abc(Op::SetUpdate, dst, b, 1));
                return Ok(());
            }
            self.emit(abc(op, dst, b, n));
            return Ok(());
        }
        // Build a list (or set) incrementally, then convert.
        let acc = self.alloc(1)?;
        let build = if op == Op::BuildSet { Op::BuildSet } else { Op::BuildList };
        self.emit(abc(build, acc, 0, 0));
        for el in elts {
            let top = self.top();
            match &el.kind {
                ExprKind::Starred { value, .. } => {
                    let r = self.expr_any(value)?;
                    let ext = if op == Op::BuildSet { Op::SetUpdate } else { Op::ListExtend };
                    self.emit(abc(ext, acc, r, 0));
                }
                _ => {
                    let r = self.expr_any(el)?;
                    let add = if op == Op::BuildSet { Op::SetAdd } else { Op::ListAppend };
                    self.emit(abc(add, acc, r, 0));
                }
            }
            self.set_top(top);
        }
        if op == Op::BuildTuple {
            self.emit(abc(Op::ListToTuple, dst, acc, 0));
        } else {
            self.emit(abc(Op::Move, dst, acc, 0));
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        keys: &[Option<Expr<'a>>],
        values: &[Expr<'a>],
        dst: Reg,
    ) -> CResult<()> {
        let has_unpack = keys.iter().any(|k| k.is_none());
        if !has_unpack && keys.len() < 128 {
            let n = keys.len() as u32;
            let b = self.alloc((2 * n).max(1))?;
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                self.expr_to(k.as_ref().expect("key"), b + 2 * i as u32)?;
                self.expr_to(v, b + 2 * i as u32 + 1)?;
            }
            self.emit(abc(Op::BuildDict, dst, b, n));
            return Ok(());
        }
        let acc = self.alloc(1)?;
        self.emit(abc(Op::BuildDict, acc, 0, 0));
        for (k, v) in keys.iter().zip(values.iter()) {
            let top = self.top();
            match k {
                None => {
                    let r = self.expr_any(v)?;
                    self.emit(abc(Op::DictUpdate, acc, r, 0));
                }
                Some(k) => {
                    let b = self.alloc(2)?;
                    self.expr_to(k, b)?;
                    self.expr_to(v, b + 1)?;
                    self.emit(abc(Op::DictSet, acc, b, b + 1));
                }
            }
            self.set_top(top);
        }
        self.emit(abc(Op::Move, dst, acc, 0));
        Ok(())
    }

    fn call(
        &mut self,
        e: &Expr<'a>,
        func: &Expr<'a>,
        args: &[Expr<'a>],
        keywords: &[Keyword<'a>],
        dst: Reg,
    ) -> CResult<()> {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        // The destination is the newest temporary: call in place (no Move).
        let base = if dst + 1 == self.top() && self.is_temp(dst) { dst } else { self.alloc(1)? };
        if has_star {
            self.expr_to(func, base)?;
            let pos = self.alloc(2)?;
            // Positional arguments as a tuple.
            let fake_elts: Vec<Expr<'a>> = args.to_vec();
            self.display(Op::BuildTuple, &fake_elts, pos)?;
            let has_kw = !keywords.is_empty();
            if has_kw {
                self.emit(abc(Op::BuildDict, pos + 1, 0, 0));
                for k in keywords {
                    let top = self.top();
                    match k.arg {
                        None => {
                            let r = self.expr_any(&k.value)?;
                            self.emit(abc(Op::DictMerge, pos + 1, r, 0));
                        }
                        Some(name) => {
                            let b = self.alloc(2)?;
                            let s = self.name_str(name);
                            let ki = self.add_const(None, Value::Str(s));
                            self.load_k(b, ki, k.span)?;
                            self.expr_to(&k.value, b + 1)?;
                            self.emit(abc(Op::DictMerge, pos + 1, b, 1));
                            // DictMerge with C=1: key R[B], value R[B+1].
                        }
                    }
                    self.set_top(top);
                }
            }
            let old = self.set_pos(e.span);
            self.emit(abc(Op::CallEx, base, has_kw as u32, 0));
            self.restore_pos(old);
            if base != dst {
                self.emit(abc(Op::Move, dst, base, 0));
            }
            return Ok(());
        }
        let nargs = (args.len() + keywords.len()) as u32;
        // Method call: obj.name(args) without a bound-method object.
        let method = if keywords.is_empty() {
            if let ExprKind::Attribute { value, attr, .. } = &func.kind {
                Some((*value, *attr))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((obj, attr)) = method {
            self.alloc(1)?;
            let o = self.expr_any(obj)?;
            let n = self.name_index(attr);
            let old = self.set_pos(func.span);
            self.emit_abc_wide(Op::LoadMethod, base, o, n);
            self.restore_pos(old);
            self.set_top(base + 2);
            let b = self.top();
            self.consecutive_args(args, b)?;
            let old = self.set_pos(e.span);
            self.emit(abc(Op::CallMethod, base, nargs, 0));
            self.restore_pos(old);
        } else {
            self.expr_to(func, base)?;
            let b = self.top();
            self.consecutive_args(args, b)?;
            if !keywords.is_empty() {
                self.alloc(keywords.len() as u32)?;
            }
            let old = self.set_pos(e.span);
            if keywords.is_empty() {
                self.emit(abc(Op::Call, base, nargs, 0));
            } else {
                let off = args.len() as u32;
                let mut names = Vec::with_capacity(keywords.len());
                for (i, k) in keywords.iter().enumerate() {
                    self.expr_to(&k.value, b + off + i as u32)?;
                    names.push(Value::Str(self.name_str(k.arg.expect("named keyword"))));
                }
                let t = self.heap.alloc(TupleObj::new(names));
                let kc = self.add_const(None, Value::Tuple(t));
                if kc > 255 {
                    return Err(CompileError::TooLarge { what: "constants", span: e.span });
                }
                self.emit(abc(Op::CallKw, base, nargs, kc));
            }
            self.restore_pos(old);
        }
        if base != dst {
            self.emit(abc(Op::Move, dst, base, 0));
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum CompKind {
    List,
    Set,
    Dict,
    /// A generator expression: yields each element.
    Gen,
}

enum FunctionBody<'a, 'b> {
    Stmts(&'b [Stmt<'a>]),
    Expr(&'b Expr<'a>),
    Comprehension(CompKind, &'b Expr<'a>, Option<&'b Expr<'a>>, &'b [Comprehension<'a>]),
}

fn binop(op: Operator) -> Op {
    match op {
        Operator::Add => Op::Add,
        Operator::Sub => Op::Sub,
        Operator::Mult => Op::Mul,
        Operator::MatMult => Op::MatMul,
        Operator::Div => Op::TrueDiv,
        Operator::Mod => Op::Mod,
        Operator::Pow => Op::Pow,
        Operator::LShift => Op::LShift,
        Operator::RShift => Op::RShift,
        Operator::BitOr => Op::BitOr,
        Operator::BitXor => Op::BitXor,
        Operator::BitAnd => Op::BitAnd,
        Operator::FloorDiv => Op::FloorDiv,
    }
}

fn cmpop(op: CmpOp) -> Op {
    match op {
        CmpOp::Eq => Op::Eq,
        CmpOp::NotEq => Op::Ne,
        CmpOp::Lt => Op::Lt,
        CmpOp::LtE => Op::Le,
        CmpOp::Gt => Op::Gt,
        CmpOp::GtE => Op::Ge,
        CmpOp::Is => Op::Is,
        CmpOp::IsNot => Op::IsNot,
        CmpOp::In => Op::In,
        CmpOp::NotIn => Op::NotIn,
    }
}

/// The binary operator of an `Inplace` instruction's C operand.
pub fn inplace_operator(c: usize) -> Operator {
    const OPS: [Operator; 13] = [
        Operator::Add,
        Operator::Sub,
        Operator::Mult,
        Operator::MatMult,
        Operator::Div,
        Operator::Mod,
        Operator::Pow,
        Operator::LShift,
        Operator::RShift,
        Operator::BitOr,
        Operator::BitXor,
        Operator::BitAnd,
        Operator::FloorDiv,
    ];
    OPS[c.min(12)]
}

/// Where CPython 3.11 places an `assert`'s raise: at the last comparison its
/// condition jumps on (through `not`, `and`/`or` and `if`-`else`), else at
/// the statement.
fn last_compare(e: &Expr) -> Option<Span> {
    match &e.kind {
        ExprKind::Compare { .. } => Some(e.span),
        ExprKind::UnaryOp { op: UnaryOp::Not, operand } => last_compare(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_compare),
        ExprKind::IfExp { test, body, orelse } => {
            [*orelse, *body, *test].into_iter().find_map(last_compare)
        }
        _ => None,
    }
}

/// An expression CPython's AST optimizer turns into a constant (for the
/// constant-set form of set displays).
fn is_folded_const(e: &Expr<'_>) -> bool {
    match &e.kind {
        ExprKind::Constant { .. } => true,
        ExprKind::UnaryOp { op: UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert, operand } => {
            matches!(operand.kind, ExprKind::Constant { .. })
        }
        ExprKind::Tuple { elts, .. } => elts.iter().all(is_folded_const),
        _ => false,
    }
}

/// Does a class body annotate a name (CPython's `find_ann`: nested blocks,
/// but not nested functions or classes)?
fn has_annotations(body: &[Stmt<'_>]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_annotations(body)
                || has_annotations(orelse)
                || has_annotations(finalbody)
                || handlers.iter().any(|h| has_annotations(h.body))
        }
        _ => false,
    })
}
