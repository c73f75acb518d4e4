//! Zero-cost exception handling (CPython 3.11's model on registers).
//!
//! `try` emits no setup instruction: each code object carries an exception
//! table (instruction ranges → handler pc and the register that receives the
//! exception, see `CodeObject::exc_table`). When an instruction fails, the
//! dispatch loop returns the error to [`Vm::unwind`], which
//!
//! 1. chains it to the exception being handled (`__context__`, as
//!    `_PyErr_SetObject`), unless it is a re-raise;
//! 2. adds the running frame to its traceback (a re-raise keeps the
//!    traceback it has);
//! 3. looks the failing instruction up in the frame's table: a handler gets
//!    the exception in its register and the loop resumes there; otherwise
//!    the frame is popped, its caller's entry added and searched, and so on
//!    down to the native boundary of this activation, where the error
//!    returns to native code (which may hand it to an outer activation).
//!
//! Handlers start with `PushExc` (the exception becomes the one being
//! handled: `sys.exc_info()`, implicit chaining, bare `raise`) and leave with
//! `PopExc`; the code generator covers handler bodies with cleanup handlers
//! so that the previous state is restored on every exit. The register stack
//! and the frame stack are cut back to the handling frame, so a caught
//! `RecursionError` leaves the VM as deep as the `try` was.

use super::{PyErr, PyResult, Vm};
use crate::runtime::exception::{ExcKind, ExcObj, TbEntry};
use crate::runtime::heap::Gc;
use crate::runtime::value::Value;

impl Vm {
    /// Handle `err` raised by the top frame: `Ok` when a handler of a frame
    /// of this activation (frames `entry..`) now runs, `Err` when none
    /// caught it and those frames are gone.
    pub(super) fn unwind(&mut self, err: PyErr, entry: usize) -> Result<(), PyErr> {
        let e = err.0;
        let reraise = std::mem::take(&mut self.reraising);
        if !reraise {
            self.chain_context(e);
        }
        let mut add_entry = !reraise;
        loop {
            let Some(f) = self.frames.last() else { return Err(err) };
            let pc = f.pc.saturating_sub(1);
            if add_entry {
                let code = f.code.clone();
                e.traceback.with_mut(|tb| tb.push(TbEntry { code, pc: pc as u32 }));
            }
            add_entry = true;
            // A frame that has run no instruction yet (`f.pc == 0`, e.g. an
            // exception thrown into a just-created generator) has no handler.
            let handler = if f.pc == 0 { None } else { f.code.handler_for(pc) };
            if let Some(h) = handler {
                let (base, extent) = (f.base, f.base + f.code.nregs as usize);
                if let Some(top) = self.frames.last_mut() {
                    top.pc = h.handler as usize;
                }
                if self.stack.len() > extent {
                    self.stack.truncate(extent);
                } else {
                    self.stack.resize(extent, Value::Null);
                }
                self.stack[base + h.reg as usize] = Value::Exception(e);
                return Ok(());
            }
            let depth = self.frames.len() - 1;
            self.frames.pop();
            if depth <= entry {
                return Err(err);
            }
        }
    }

    /// Set `e.__context__` to the exception being handled, breaking a cycle
    /// through `e` as CPython does (Floyd's walk along the context chain).
    fn chain_context(&mut self, e: Gc<ExcObj>) {
        let Value::Exception(h) = self.handled else { return };
        if Gc::ptr_eq(h, e) {
            return;
        }
        let context_of = |x: Gc<ExcObj>| match x.context.with(|c| *c) {
            Value::Exception(c) => Some(c),
            _ => None,
        };
        let (mut o, mut slow) = (h, h);
        let mut toggle = false;
        while let Some(c) = context_of(o) {
            if Gc::ptr_eq(c, e) {
                o.context.with_mut(|x| *x = Value::None);
                break;
            }
            o = c;
            if Gc::ptr_eq(o, slow) {
                break;
            }
            if toggle {
                match context_of(slow) {
                    Some(s) => slow = s,
                    None => break,
                }
            }
            toggle = !toggle;
        }
        e.context.with_mut(|x| *x = Value::Exception(h));
    }

    /// `Reraise`: raise the exception in a handler's register again.
    pub(super) fn reraise(&mut self, v: Value) -> PyErr {
        match v {
            Value::Exception(e) => {
                self.reraising = true;
                PyErr(e)
            }
            _ => self.err(ExcKind::SystemError, "re-raise of a non-exception"),
        }
    }

    /// A bare `raise`: the exception being handled, keeping its traceback.
    pub(super) fn raise_active(&mut self) -> PyErr {
        match self.handled {
            Value::Exception(e) => {
                self.reraising = true;
                PyErr(e)
            }
            _ => self.err(ExcKind::RuntimeError, "No active exception to reraise"),
        }
    }

    /// `raise exc` / `raise exc from cause` (CPython's `do_raise`): a class
    /// is called without arguments; the cause must be an exception, a class
    /// or None, and setting it suppresses the context.
    pub(super) fn raise_value(&mut self, exc: Value, cause: Option<Value>) -> PyErr {
        let e = match self.exception_instance(exc) {
            Ok(Some(e)) => e,
            Ok(None) => return self.type_error("exceptions must derive from BaseException"),
            Err(err) => return err,
        };
        if let Some(c) = cause {
            let c = match c {
                Value::None => Value::None,
                other => match self.exception_instance(other) {
                    Ok(Some(c)) => Value::Exception(c),
                    Ok(None) => {
                        return self.type_error("exception causes must derive from BaseException")
                    }
                    Err(err) => return err,
                },
            };
            e.cause.with_mut(|x| *x = c);
            e.suppress_context.with_mut(|s| *s = true);
        }
        PyErr(e)
    }

    /// An exception instance, or an instance made by calling an exception
    /// class without arguments; `None` for anything else.
    fn exception_instance(&mut self, v: Value) -> PyResult<Option<Gc<ExcObj>>> {
        match v {
            Value::Exception(e) => Ok(Some(e)),
            Value::Type(t) if t.exc.is_some() => {
                match crate::builtins::call_type(self, t, &[], &[])? {
                    Value::Exception(e) => Ok(Some(e)),
                    other => {
                        let msg = format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            self.repr(v)?,
                            self.type_name(other)
                        );
                        Err(self.type_error(msg))
                    }
                }
            }
            _ => Ok(None),
        }
    }

    /// `except T:` matching (CPython's `CHECK_EXC_MATCH`): `t` must be an
    /// exception class or a tuple of them.
    pub(super) fn exc_matches(&mut self, exc: Value, t: Value) -> PyResult<bool> {
        let classes: Vec<Value> = match t {
            Value::Tuple(items) => items.items.to_vec(),
            other => vec![other],
        };
        let mut matched = false;
        for c in classes {
            let Value::Type(ty) = c else {
                return Err(self.bad_except_class());
            };
            let Some(kind) = ty.exc else {
                return Err(self.bad_except_class());
            };
            if let Value::Exception(e) = exc {
                matched |= e.kind.is_subclass(kind);
            }
        }
        Ok(matched)
    }

    #[cold]
    fn bad_except_class(&mut self) -> PyErr {
        self.type_error("catching classes that do not inherit from BaseException is not allowed")
    }

    /// `sys.exc_info()`: `(type, value, traceback)` of the exception being
    /// handled, or three Nones.
    pub fn exc_info(&mut self) -> Value {
        match self.handled {
            Value::Exception(e) => {
                let t = Value::Type(self.type_of(Value::Exception(e)));
                let tb = self.traceback_of(e);
                self.new_tuple(vec![t, Value::Exception(e), tb])
            }
            _ => self.new_tuple(vec![Value::None, Value::None, Value::None]),
        }
    }
}
