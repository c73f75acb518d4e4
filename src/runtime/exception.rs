//! Exception objects and the builtin exception hierarchy.

use std::cell::Cell;
use std::rc::Rc;

use super::dict::DictObj;
use super::heap::{Gc, Mut, Trace, Tracer};
use super::object::TypeObj;
use super::value::Value;
use crate::bytecode::code::CodeObject;

macro_rules! exc_kinds {
    ( $( $kind:ident : $parent:ident ),* $(,)? ) => {
        /// The builtin exception classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { BaseException, $( $kind ),* }

        impl ExcKind {
            pub fn name(self) -> &'static str {
                match self {
                    ExcKind::BaseException => "BaseException",
                    $( ExcKind::$kind => stringify!($kind) ),*
                }
            }

            pub fn parent(self) -> Option<ExcKind> {
                match self {
                    ExcKind::BaseException => None,
                    $( ExcKind::$kind => Some(ExcKind::$parent) ),*
                }
            }

            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $( ExcKind::$kind ),*];
        }
    };
}

exc_kinds! {
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
}

impl ExcKind {
    /// Is `self` the class `base` or a subclass of it?
    pub fn is_subclass(self, base: ExcKind) -> bool {
        let mut k = Some(self);
        while let Some(c) = k {
            if c == base {
                return true;
            }
            k = c.parent();
        }
        false
    }
}

/// One traceback entry: a frame's code and the instruction that was running.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub pc: u32,
}

pub struct ExcObj {
    pub kind: ExcKind,
    /// `args` (replaced by `BaseException.__init__`).
    pub args: Mut<Box<[Value]>>,
    /// The class, when it is a user-defined subclass of `kind`'s class.
    pub class: Option<Gc<TypeObj>>,
    /// Attributes set on the exception (`__dict__`), created on first use.
    pub dict: Cell<Option<Gc<DictObj>>>,
    /// Frames the exception passed through, innermost first (tracebacks
    /// print them in reverse).
    pub traceback: Mut<Vec<TbEntry>>,
    pub cause: Mut<Value>,
    pub context: Mut<Value>,
    pub suppress_context: Mut<bool>,
}

impl ExcObj {
    pub fn new(kind: ExcKind, args: Vec<Value>) -> ExcObj {
        ExcObj {
            kind,
            args: Mut::new(args.into_boxed_slice()),
            class: None,
            dict: Cell::new(None),
            traceback: Mut::new(Vec::new()),
            cause: Mut::new(Value::None),
            context: Mut::new(Value::None),
            suppress_context: Mut::new(false),
        }
    }
}

impl ExcObj {
    /// A copy of `args`.
    pub fn args(&self) -> Vec<Value> {
        self.args.with(|a| a.to_vec())
    }

    pub fn set_args(&self, args: Vec<Value>) {
        self.args.with_mut(|a| *a = args.into_boxed_slice());
    }
}

impl Trace for ExcObj {
    fn trace(&self, t: &mut Tracer) {
        self.args.with(|a| a.trace(t));
        if let Some(c) = self.class {
            t.mark(c);
        }
        if let Some(d) = self.dict.get() {
            t.mark(d);
        }
        self.traceback.with(|tb| {
            for e in tb {
                e.code.trace(t);
            }
        });
        self.cause.with(|v| v.trace(t));
        self.context.with(|v| v.trace(t));
    }
}

/// Argument and attribute access for the native code of the builtin
/// exception classes.
impl ExcObj {
    /// `e.args[i]`, if present.
    pub fn arg(&self, i: usize) -> Option<Value> {
        self.args.with(|a| a.get(i).copied())
    }

    pub fn arg_count(&self) -> usize {
        self.args.with(|a| a.len())
    }

    /// An attribute set on the instance (its `__dict__`).
    pub fn attr(&self, name: &str) -> Option<Value> {
        let d = self.dict.get()?;
        d.table.with(|t| t.iter().find(|e| e.key.as_str() == Some(name)).map(|e| e.value))
    }
}

/// A traceback object (`e.__traceback__`): one entry of the chain, from the
/// outermost frame (`tb_next` goes inward).
pub struct TracebackObj {
    pub entry: TbEntry,
    /// The next (inner) traceback object, or None.
    pub next: Value,
}

impl Trace for TracebackObj {
    fn trace(&self, t: &mut Tracer) {
        self.entry.code.trace(t);
        self.next.trace(t);
    }
}
