//! Running a compiled module: the `__main__` namespace, uncaught exceptions
//! (traceback on stderr, status 1), `SystemExit` (its status or message),
//! and flushing output at exit.

use std::rc::Rc;

use super::{Frame, Vm};
use crate::bytecode::code::CodeObject;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::value::Value;

impl Vm {
    /// Run `code` as the `__main__` module; returns the process exit status.
    pub fn run_main(&mut self, code: Rc<CodeObject>) -> i32 {
        self.code_roots.push(code.clone());
        let globals = self.heap.alloc(DictObj::new());
        let name_key = Value::Str(self.intern("__name__"));
        let main = Value::Str(self.intern("__main__"));
        let _ = globals.set(name_key, main);
        let builtins_key = Value::Str(self.intern("__builtins__"));
        let _ = globals.set(builtins_key, Value::Dict(self.builtins));
        // `sys.modules['__main__']`: also where tracebacks find the globals
        // for "Did you mean" suggestions.
        let mname = self.intern("__main__");
        let module =
            self.heap.alloc(crate::runtime::module::ModuleObj { name: mname, dict: globals });
        self.modules.insert("__main__".to_string(), Value::Module(module));
        code.entered();
        let nregs = code.nregs as usize;
        let base = self.stack.len();
        self.stack.resize(base + nregs, Value::Null);
        self.frames.push(Frame {
            code,
            globals,
            cells: Vec::new(),
            base,
            pc: 0,
            ret: base,
            boundary: true,
            gen: None,
        });
        let status = match self.run() {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        self.finalize_at_exit(globals);
        self.flush_out();
        status
    }

    /// Report an exception that reached the top; returns the exit status.
    pub fn handle_uncaught(&mut self, e: super::PyErr) -> i32 {
        if e.0.kind == ExcKind::SystemExit {
            // `SystemExit.code`: the argument, or the tuple of several.
            let code = match &e.0.args()[..] {
                [] => Value::None,
                [one] => *one,
                many => self.new_tuple(many.to_vec()),
            };
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = self.str_of(other).unwrap_or_default();
                    self.write_err(&format!("{s}\n"));
                    1
                }
            };
        }
        self.print_exception(e);
        if e.0.kind == ExcKind::KeyboardInterrupt {
            self.flush_out();
            return exit_sigint();
        }
        1
    }
}

/// End the process as an uncaught SIGINT would (CPython's `exit_sigint`), so
/// that a shell sees the interrupt; the status is a fallback.
fn exit_sigint() -> i32 {
    // SAFETY: resetting SIGINT to its default action and sending it to this
    // process are system calls that touch no Rust-managed memory.
    unsafe {
        if libc::signal(libc::SIGINT, libc::SIG_DFL) != libc::SIG_ERR {
            libc::kill(libc::getpid(), libc::SIGINT);
        }
    }
    libc::SIGINT + 128
}
