//! The context-manager protocol of the `with` statement (CPython 3.11's
//! `BEFORE_WITH` and `WITH_EXCEPT_START`, split for registers).
//!
//! `BeforeWith` looks `__exit__` and `__enter__` up on the manager's type
//! (special-method lookup: the instance's own attributes, `__getattr__` and
//! `__getattribute__` are not consulted) and leaves each as a method pair in
//! the `LoadMethod` layout (function and receiver, or a bound object and
//! `<null>`), so that the ordinary `CallMethod` calls them: a Python
//! `__enter__`/`__exit__` runs in a frame pushed on the dispatch loop, with
//! no bound method allocated. `WithExceptStart` puts the three arguments of
//! `__exit__` for an exception next to the `__exit__` pair. The code
//! generator's side (the handler, suppression) is in
//! `compiler/codegen/tries.rs`.

use super::{PyResult, Vm};
use crate::runtime::exception::ExcKind;
use crate::runtime::value::Value;

impl Vm {
    /// `BeforeWith`: `[exit, exit_self, enter, enter_self]` for manager
    /// `mgr`, or CPython 3.11's TypeError when it lacks either method
    /// (`__enter__` is looked for first).
    pub(super) fn before_with(&mut self, mgr: Value) -> PyResult<[Value; 4]> {
        let Some((enter, enter_self)) = self.special_method_pair(mgr, "__enter__")? else {
            let msg = format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            );
            return Err(self.type_error(msg));
        };
        // Binding `__exit__` may run Python code (a descriptor's `__get__`),
        // and so a collection: the `__enter__` pair stays rooted meanwhile.
        let mark = self.temp_roots.len();
        self.temp_roots.extend_from_slice(&[enter, enter_self]);
        let exit = self.special_method_pair(mgr, "__exit__");
        self.temp_roots.truncate(mark);
        let Some((exit, exit_self)) = exit? else {
            let msg = format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(mgr)
            );
            return Err(self.type_error(msg));
        };
        Ok([exit, exit_self, enter, enter_self])
    }

    /// CPython's `_PyObject_LookupSpecial` as a method pair: `name` found
    /// on the type of `obj`; a function pairs with `obj`, anything else is
    /// bound through its `__get__` (static and class methods, properties,
    /// user descriptors) and pairs with `<null>`.
    fn special_method_pair(
        &mut self,
        obj: Value,
        name: &'static str,
    ) -> PyResult<Option<(Value, Value)>> {
        let t = self.type_of(obj);
        // A class's lookups are cached per class version.
        let found = match self.user_special(t, name) {
            Some(d) => Some(d),
            None => self.lookup_special(t, name),
        };
        let Some(d) = found else { return Ok(None) };
        match d {
            Value::Function(_) => Ok(Some((d, obj))),
            Value::Builtin(b) if b.owner.is_some() && b.bound.is_null() => {
                let recv = self.native_receiver(b.owner.unwrap_or("object"), obj);
                Ok(Some((d, recv)))
            }
            _ => Ok(Some((self.descr_get(d, Some(obj), t)?, Value::Null))),
        }
    }

    /// `WithExceptStart`: `(type(e), e, e.__traceback__)`.
    pub(super) fn exit_args(&mut self, e: Value) -> PyResult<[Value; 3]> {
        let Value::Exception(x) = e else {
            return Err(self.err(ExcKind::SystemError, "with: no exception to pass to __exit__"));
        };
        let t = Value::Type(self.type_of(e));
        let tb = self.traceback_of(x);
        Ok([t, e, tb])
    }
}
