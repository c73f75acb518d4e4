//! Exception objects and the builtin exception hierarchy.

use std::rc::Rc;

use super::dict::DictObj;
use super::heap::{Gc, Mut, Trace, Tracer};
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
    /// `e.args` (assignable).
    pub args: Mut<Box<[Value]>>,
    /// Frames the exception passed through, innermost first (tracebacks
    /// print them in reverse).
    pub traceback: Mut<Vec<TbEntry>>,
    pub cause: Mut<Value>,
    pub context: Mut<Value>,
    pub suppress_context: Mut<bool>,
    /// Attributes set on the instance (`e.x = 1`, `__notes__`, OSError's
    /// `errno`...): created on first use.
    pub dict: Mut<Option<Gc<DictObj>>>,
    /// The class of an instance of a user-defined subclass (`kind` is then
    /// its nearest builtin base); `Value::Null` for the builtin classes.
    pub class: Value,
}

impl ExcObj {
    pub fn new(kind: ExcKind, args: Vec<Value>) -> ExcObj {
        ExcObj {
            kind,
            args: Mut::new(args.into_boxed_slice()),
            traceback: Mut::new(Vec::new()),
            cause: Mut::new(Value::None),
            context: Mut::new(Value::None),
            suppress_context: Mut::new(false),
            dict: Mut::new(None),
            class: Value::Null,
        }
    }

    /// A copy of `e.args`.
    pub fn args(&self) -> Vec<Value> {
        self.args.with(|a| a.to_vec())
    }

    /// `e.args[i]`, if present.
    pub fn arg(&self, i: usize) -> Option<Value> {
        self.args.with(|a| a.get(i).copied())
    }

    pub fn arg_count(&self) -> usize {
        self.args.with(|a| a.len())
    }

    /// An attribute set on the instance.
    pub fn attr(&self, name: &str) -> Option<Value> {
        let d = self.dict.with(|d| *d)?;
        d.table.with(|t| t.iter().find(|e| e.key.as_str() == Some(name)).map(|e| e.value))
    }
}

impl Trace for ExcObj {
    fn trace(&self, t: &mut Tracer) {
        self.args.with(|a| a.trace(t));
        self.traceback.with(|tb| {
            for e in tb {
                e.code.trace(t);
            }
        });
        self.cause.with(|v| v.trace(t));
        self.context.with(|v| v.trace(t));
        self.dict.with(|d| {
            if let Some(d) = d {
                t.mark(*d);
            }
        });
        self.class.trace(t);
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
