//! Code objects: the compiled form of a module, function, lambda or
//! comprehension body.

use std::rc::Rc;

use crate::runtime::heap::{Trace, Tracer};
use crate::runtime::value::Value;

/// Source position of an instruction (for tracebacks): 1-based lines,
/// 0-based UTF-8 byte columns, as CPython's `co_positions()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Inline cache of a `LoadGlobal` instruction: where the name was found,
/// valid while the globals dict (and, for builtins, the builtins dict) keeps
/// the same key layout (`DictTable::version`).
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCache {
    pub dict: usize,
    pub gver: u64,
    pub bver: u64,
    pub index: u32,
    pub builtin: bool,
}

/// Inline cache of an attribute instruction (`GetAttr`, `SetAttr`,
/// `LoadMethod`) on instances and classes: valid while the class has
/// `version` (see `runtime::class`); what `kind` says to do with `index` /
/// `value` is up to `vm::attributes`.
#[derive(Clone, Copy, Debug)]
pub struct AttrCache {
    pub version: u64,
    pub kind: u8,
    pub index: u32,
    pub value: Value,
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache { version: 0, kind: 0, index: 0, value: Value::Null }
    }
}

/// Entries of an attribute instruction's cache.
pub const ATTR_CACHE_WAYS: usize = 4;

/// Flags of a code object.
#[derive(Clone, Copy, Debug, Default)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkeywords: bool,
    pub generator: bool,
    pub coroutine: bool,
    /// Module-level code (names resolve through globals).
    pub module: bool,
    /// A class body: register 0 holds the class namespace, which name
    /// instructions (`LoadName`...) use.
    pub class_body: bool,
    /// `consts[0]` is the function's docstring.
    pub docstring: bool,
}

/// One row of a code object's exception table (zero-cost `try`): an error
/// raised by an instruction in `start..end` jumps to `handler` with the
/// exception in register `reg`. Rows never overlap (each instruction has one
/// innermost handler) and are sorted by `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub reg: u32,
}

pub struct CodeObject {
    pub name: Box<str>,
    pub qualname: Box<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    /// Invariant: every instruction's opcode byte is an `Op` (below
    /// `Op::COUNT`). The dispatch loop relies on it without checking; the
    /// code generator asserts it for each code object it makes, and the
    /// optimizer only writes instructions encoded from `Op` values.
    pub instructions: Vec<u32>,
    /// One position per instruction.
    pub positions: Vec<Position>,
    pub consts: Vec<Value>,
    /// Names used by global, attribute and import instructions (str values).
    pub names: Vec<Value>,
    /// Nested code objects (functions, lambdas, comprehensions).
    pub children: Vec<Rc<CodeObject>>,
    /// Registers needed by a frame (locals first, then temporaries).
    pub nregs: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// Names of the local registers (parameters first), as `co_varnames`.
    pub varnames: Vec<Box<str>>,
    /// Variables of this scope captured by inner scopes (cells created at entry).
    pub cellvars: Vec<Box<str>>,
    /// For each cell variable that is also a parameter, its register.
    pub cell_params: Vec<(u32, u32)>,
    /// Variables of enclosing scopes used here (cells from the closure).
    pub freevars: Vec<Box<str>>,
    /// One inline-cache slot per instruction (used by `LoadGlobal`).
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// The exception table (see [`ExcEntry`]); only read when an error
    /// propagates.
    pub exc_table: Vec<ExcEntry>,
    /// Attribute caches, one per instruction, made on first use.
    pub attr_cache: std::cell::OnceCell<Box<[std::cell::Cell<AttrCache>]>>,
    /// Frames entered so far (saturating): CPython 3.11 runs a code
    /// object's first 8 calls unspecialized, which changes how deep native
    /// calls count for the recursion limit (see `Vm::warm`).
    pub entries: std::cell::Cell<u32>,
}

impl CodeObject {
    /// Count one more frame of this code.
    #[inline]
    pub fn entered(&self) {
        let n = self.entries.get();
        if n < 16 {
            self.entries.set(n + 1);
        }
    }

    /// The attribute caches of instruction `pc`: [`ATTR_CACHE_WAYS`]
    /// entries, most recently filled first (a polymorphic inline cache, for
    /// `self.x` in a method shared by several subclasses).
    #[inline]
    pub fn attr_cache(&self, pc: usize) -> &[std::cell::Cell<AttrCache>] {
        let caches = self.attr_cache.get_or_init(|| {
            (0..self.instructions.len() * ATTR_CACHE_WAYS)
                .map(|_| std::cell::Cell::new(AttrCache::default()))
                .collect()
        });
        &caches[pc * ATTR_CACHE_WAYS..(pc + 1) * ATTR_CACHE_WAYS]
    }

    /// The position of instruction `pc`.
    pub fn position(&self, pc: usize) -> Position {
        self.positions.get(pc).copied().unwrap_or_default()
    }

    /// The handler covering instruction `pc`, if any.
    pub fn handler_for(&self, pc: usize) -> Option<ExcEntry> {
        let pc = pc as u32;
        let i = self.exc_table.partition_point(|e| e.start <= pc);
        let e = *self.exc_table.get(i.checked_sub(1)?)?;
        (pc < e.end).then_some(e)
    }
}

impl Trace for CodeObject {
    fn trace(&self, t: &mut Tracer) {
        self.consts.trace(t);
        self.names.trace(t);
        for c in &self.children {
            c.trace(t);
        }
    }
}

impl Trace for Rc<CodeObject> {
    fn trace(&self, t: &mut Tracer) {
        (**self).trace(t)
    }
}
