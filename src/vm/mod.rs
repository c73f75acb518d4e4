//! The virtual machine: the register stack, the frame stack, the heap and
//! the interpreter state (builtins, modules, output).
//!
//! Python-to-Python calls push a [`Frame`] on `frames` and continue in the
//! same dispatch loop ([`interp`]); only native code calling back into Python
//! (a sort key, `map`) re-enters the loop recursively, guarded by the
//! recursion limit. Registers of all frames live in one preallocated
//! `stack` that never reallocates, so a frame's register window never moves.

pub mod access;
pub mod attributes;
pub mod call;
pub mod classes;
pub mod context;
pub mod dunder;
pub mod errors;
pub mod finalize;
pub mod format;
pub mod generator;
pub mod interp;
pub mod keys;
pub mod ops;
pub mod patterns;
pub mod run;
pub mod sets;
pub mod stats;
pub mod unwind;

use std::io::Write;
use std::rc::Rc;

use ahash::AHashMap;

use crate::bytecode::code::CodeObject;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::{ExcKind, ExcObj};
use crate::runtime::function::{BuiltinObj, CellObj, NativeFn};
use crate::runtime::gc::Heap;
use crate::runtime::generator::GenObj;
use crate::runtime::heap::{Gc, Trace, Tracer};
use crate::runtime::module::ModuleObj;
use crate::runtime::object::{TypeId, TypeObj, N_TYPES};
use crate::runtime::str::StrObj;
use crate::runtime::value::Value;

/// A raised exception travelling up the Rust call stack.
#[derive(Clone, Copy, Debug)]
pub struct PyErr(pub Gc<ExcObj>);

pub type PyResult<T> = Result<T, PyErr>;

/// Registers of the whole VM (values): 4M × 16 bytes of address space,
/// committed only as frames touch it.
const STACK_CAPACITY: usize = 4 << 20;

/// One activation of a Python function (or the module body).
pub struct Frame {
    pub code: Rc<CodeObject>,
    pub globals: Gc<DictObj>,
    /// Cell variables then free variables.
    pub cells: Vec<Gc<CellObj>>,
    /// Index of register 0 in `Vm::stack`.
    pub base: usize,
    /// Next instruction.
    pub pc: usize,
    /// Where the caller wants the return value (absolute stack index).
    pub ret: usize,
    /// Return to native code (the loop that runs this frame stops here).
    pub boundary: bool,
    /// The generator whose frame this is (see `vm::generator`). Whatever
    /// pops such a frame because of an exception must pass it to
    /// `Vm::unwind_gen_frame` (finishes the generator, PEP 479).
    pub gen: Option<Gc<GenObj>>,
}

pub struct Vm {
    pub heap: Heap,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub builtins: Gc<DictObj>,
    pub types: [Gc<TypeObj>; N_TYPES],
    pub exc_types: AHashMap<ExcKind, Gc<TypeObj>>,
    pub modules: AHashMap<String, Value>,
    /// Unbound native methods of the builtin types, by type and name.
    pub methods: AHashMap<(TypeId, &'static str), Value>,
    pub out: std::io::BufWriter<std::io::Stdout>,
    pub recursion_limit: usize,
    /// Values native code keeps alive across calls back into Python (LIFO).
    pub temp_roots: Vec<Value>,
    /// Code objects that must stay alive (the main module's).
    pub code_roots: Vec<Rc<CodeObject>>,
    pub argv: Vec<String>,
    /// Interned strings for names the VM looks up itself.
    pub interned: AHashMap<&'static str, Gc<StrObj>>,
    /// Set when stdout hit a broken pipe: stop writing, exit quietly.
    pub stdout_broken: bool,
    /// `--stats` counters and the `--pyprofile` sampler; empty (the plain
    /// dispatch loop) unless one is on.
    pub instruments: stats::Instruments,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Set by a re-raise just before the error returns to the unwinder: the
    /// exception keeps its traceback and context as they are.
    pub reraising: bool,
    /// Classes: the registry, versions (see [`classes`]).
    pub classes: classes::ClassState,
    /// Native code re-entering Python (depth, for the native stack guard).
    pub native_depth: usize,
    /// Native calls CPython counts as recursion levels (see `enter_c`).
    pub c_units: usize,
    /// High-water mark of the register stack: the slots below
    /// `max(stack_hwm, stack.len())` are initialized, and each holds `Null`
    /// or a value whose object is alive (a collection lowers the mark to the
    /// length, see [`Vm::collect_now`]). A frame push can so expose its
    /// temporaries without writing them (see `Vm::set_stack_top`).
    pub stack_hwm: usize,
    /// The last `d[k]` (or `d.get(k)`) that found its key in an exact
    /// dict: the dict's address, its `version` then, the key looked up and
    /// the entry position. A following `d[k] = v` on the same dict with the
    /// same key object, the dict's keys unchanged since, stores there
    /// without a second lookup (`d[k] += 1`). Never dereferenced; cleared by
    /// every collection, so no address in it can belong to a new object.
    pub dict_hit: DictHit,
}

/// See [`Vm::dict_hit`].
#[derive(Clone, Copy)]
pub struct DictHit {
    pub dict: usize,
    pub version: u64,
    pub key: Value,
    pub index: usize,
}

impl DictHit {
    pub const NONE: DictHit = DictHit { dict: 0, version: 0, key: Value::Null, index: 0 };
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let mut heap = Heap::new();
        let types = TypeId::ALL.map(|id| heap.alloc(TypeObj::builtin(id, None)));
        let mut exc_types = AHashMap::new();
        for &k in ExcKind::ALL {
            exc_types.insert(k, heap.alloc(TypeObj::builtin(TypeId::Exception, Some(k))));
        }
        let builtins = heap.alloc(DictObj::new());
        let mut stack = Vec::with_capacity(STACK_CAPACITY);
        stack.push(Value::None);
        let mut vm = Vm {
            heap,
            stack,
            frames: Vec::new(),
            builtins,
            types,
            exc_types,
            modules: AHashMap::new(),
            methods: AHashMap::new(),
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            recursion_limit: 1000,
            temp_roots: Vec::new(),
            dict_hit: DictHit::NONE,
            code_roots: Vec::new(),
            argv,
            interned: AHashMap::new(),
            stdout_broken: false,
            instruments: Default::default(),
            handled: Value::None,
            stack_hwm: 0,
            reraising: false,
            classes: classes::ClassState::default(),
            native_depth: 0,
            c_units: 0,
        };
        crate::builtins::install(&mut vm);
        vm
    }

    // ----- allocation helpers ---------------------------------------------

    pub fn new_str(&mut self, s: impl AsRef<str>) -> Value {
        Value::Str(self.heap.alloc_str(s.as_ref()))
    }

    pub fn intern(&mut self, s: &'static str) -> Gc<StrObj> {
        if let Some(&g) = self.interned.get(s) {
            return g;
        }
        let g = self.heap.alloc_str(s);
        self.interned.insert(s, g);
        g
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::List(self.heap.alloc(crate::runtime::list::ListObj::new(items)))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        Value::Tuple(self.heap.alloc(crate::runtime::tuple::TupleObj::new(items)))
    }

    /// Register a builtin function in the builtins namespace.
    pub fn add_builtin(&mut self, name: &'static str, func: NativeFn) {
        let f = self.heap.alloc(BuiltinObj::new(name, None, func, Value::Null));
        let key = Value::Str(self.intern(name));
        let _ = self.builtins.set(key, Value::Builtin(f));
    }

    /// Register a native method of a builtin type.
    pub fn add_method(&mut self, ty: TypeId, name: &'static str, func: NativeFn) {
        let f = self.heap.alloc(BuiltinObj::new(name, Some(ty.name()), func, Value::Null));
        self.methods.insert((ty, name), Value::Builtin(f));
    }

    /// Create a module object with the given attributes.
    pub fn add_module(&mut self, name: &'static str, attrs: Vec<(&'static str, Value)>) -> Value {
        let dict = self.heap.alloc(DictObj::new());
        for (k, v) in attrs {
            let key = Value::Str(self.intern(k));
            let _ = dict.set(key, v);
        }
        let n = self.intern("__name__");
        let mname = self.intern(name);
        let _ = dict.set(Value::Str(n), Value::Str(mname));
        let m = Value::Module(self.heap.alloc(ModuleObj { name: mname, dict }));
        self.modules.insert(name.to_string(), m);
        m
    }

    pub fn native(&mut self, name: &'static str, func: NativeFn) -> Value {
        Value::Builtin(self.heap.alloc(BuiltinObj::new(name, None, func, Value::Null)))
    }

    // ----- output -----------------------------------------------------------

    pub fn write_out(&mut self, s: &str) {
        if self.stdout_broken {
            return;
        }
        if self.out.write_all(s.as_bytes()).is_err() {
            self.stdout_broken = true;
        }
    }

    pub fn flush_out(&mut self) {
        if !self.stdout_broken && self.out.flush().is_err() {
            self.stdout_broken = true;
        }
    }

    pub fn write_err(&mut self, s: &str) {
        self.flush_out();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }

    // ----- garbage collection -------------------------------------------

    /// Collect if due. Only called at safepoints (calls, backward jumps),
    /// where every live value is in a register, a frame or a root.
    #[inline]
    pub fn maybe_collect(&mut self) {
        if self.heap.should_collect() {
            self.collect_now();
        }
    }

    /// Collect now (at a safepoint), then close the generators it found
    /// abandoned while suspended in a `try` or `with`.
    #[cold]
    pub fn collect_now(&mut self) {
        self.collect(false);
    }

    /// [`Vm::collect_now`] even where GC torture mode would skip it: when a
    /// generator's last reference may just have gone (see
    /// [`Vm::drop_generator`]).
    pub(crate) fn collect_forced(&mut self) {
        self.collect(true);
    }

    fn collect(&mut self, force: bool) {
        self.dict_hit = DictHit::NONE;
        self.trace_and_sweep(force);
        if !self.heap.finalize.is_empty() {
            self.run_finalizers();
        }
    }

    fn trace_and_sweep(&mut self, force: bool) {
        // Stale registers above the stack's length are not roots, and may
        // refer to objects this collection frees: lower the high-water mark
        // so that a push nulls them before exposing them again.
        self.stack_hwm = self.stack.len();
        let Vm {
            heap,
            stack,
            frames,
            builtins,
            types,
            exc_types,
            modules,
            methods,
            temp_roots,
            code_roots,
            interned,
            handled,
            classes,
            ..
        } = self;
        let registry = &mut classes.registry;
        heap.collect_weak(
            |t: &mut Tracer| {
                stack.trace(t);
                for f in frames.iter() {
                    f.code.trace(t);
                    t.mark(f.globals);
                    for c in &f.cells {
                        t.mark(*c);
                    }
                    if let Some(g) = f.gen {
                        t.mark(g);
                    }
                }
                t.mark(*builtins);
                for ty in types.iter() {
                    t.mark(*ty);
                }
                for ty in exc_types.values() {
                    t.mark(*ty);
                }
                for m in modules.values() {
                    m.trace(t);
                }
                for m in methods.values() {
                    m.trace(t);
                }
                temp_roots.trace(t);
                for c in code_roots.iter() {
                    c.trace(t);
                }
                for s in interned.values() {
                    t.mark(*s);
                }
                handled.trace(t);
            },
            || Vm::prune_class_registry(registry),
            Some(finalize::needs_close),
            force,
        );
    }

    /// The type object of a value.
    pub fn type_of(&self, v: Value) -> Gc<TypeObj> {
        match v {
            Value::Exception(e) => match e.class {
                Some(c) => c,
                None => self.exc_types[&e.kind],
            },
            Value::Instance(i) => i.class(),
            Value::Type(t) => match t.class() {
                Some(c) => c.metaclass.get(),
                None => self.types[TypeId::Type as usize],
            },
            _ => self.types[ops::type_id(v) as usize],
        }
    }
}
