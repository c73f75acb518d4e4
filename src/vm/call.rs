//! Calls: binding arguments to a Python function's parameters (positional,
//! keyword, defaults, `*args`, `**kwargs`, keyword-only, positional-only)
//! with CPython's error messages, setting up frames, and calling any value
//! from native code.

use std::rc::Rc;

use super::{Frame, PyResult, Vm};
use crate::bytecode::code::CodeObject;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::{CellObj, FuncObj};
use crate::runtime::heap::{Gc, Mut};
use crate::runtime::value::Value;

/// Nested re-entries of the dispatch loop from native code allowed (each
/// takes a few kilobytes of the 512 MB native stack of the main thread in
/// release builds, far more in debug builds).
#[cfg(not(debug_assertions))]
const MAX_NATIVE_DEPTH: usize = 20_000;
#[cfg(debug_assertions)]
const MAX_NATIVE_DEPTH: usize = 2_000;

impl Vm {
    /// Call any callable from native code and run it to completion.
    pub fn call_value(
        &mut self,
        f: Value,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => {
                if b.owner.is_some() && b.bound.is_null() {
                    // An unbound method of a builtin type: `str.upper(s)`.
                    let Some((&recv, rest)) = args.split_first() else {
                        let owner = b.owner.unwrap_or("object");
                        return Err(self.type_error(format!(
                            "unbound method {owner}.{}() needs an argument",
                            b.name
                        )));
                    };
                    let recv = self.check_receiver(b.name, b.owner.unwrap_or("object"), recv)?;
                    return (b.func)(self, recv, rest, kwargs);
                }
                if b.counts_level {
                    // CPython's one-argument builtins count as a level.
                    self.enter_c(" while calling a Python object")?;
                    let r = (b.func)(self, b.bound, args, kwargs);
                    self.leave_c();
                    return r;
                }
                (b.func)(self, b.bound, args, kwargs)
            }
            Value::Function(func) => {
                if self.depth_exceeded() || !self.native_stack_ok() {
                    return Err(
                        self.err(ExcKind::RecursionError, "maximum recursion depth exceeded")
                    );
                }
                let base = self.stack.len();
                let code = func.code.clone();
                code.entered();
                self.ensure_stack(base + code.nregs as usize + 1)?;
                self.stack.resize(base + code.nregs as usize, Value::Null);
                if kwargs.is_empty()
                    && args.len() == code.argcount as usize
                    && code.kwonlyargcount == 0
                    && !code.flags.varargs
                    && !code.flags.varkeywords
                {
                    // Exactly the positional parameters: no binding to do.
                    self.stack[base..base + args.len()].copy_from_slice(args);
                } else if let Err(e) = self.bind_args(func, &code, base, args, kwargs) {
                    self.stack.truncate(base);
                    return Err(e);
                }
                let cells = self.make_cells(func, &code, base);
                self.frames.push(Frame {
                    code,
                    globals: func.globals,
                    cells,
                    base,
                    pc: 0,
                    ret: base,
                    boundary: true,
                    gen: None,
                });
                self.native_depth += 1;
                let r = self.run();
                self.native_depth -= 1;
                self.stack.truncate(base);
                r
            }
            Value::BoundMethod(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.receiver);
                full.extend_from_slice(args);
                self.call_value(m.func, &full, kwargs)
            }
            Value::Type(t) if t.class.is_some() => self.call_class(t, args, kwargs),
            Value::Type(t) => crate::builtins::call_type(self, t, args, kwargs),
            Value::Instance(_) => self.instance_call(f, args, kwargs),
            _ => Err(self.type_error(format!("'{}' object is not callable", self.type_name(f)))),
        }
    }

    /// Would one more level (a Python frame or a counted native call) pass
    /// the recursion limit? CPython counts some native calls as levels too
    /// (`repr()`, comparisons, calls of classes...): `c_units` of them.
    #[inline]
    pub fn depth_exceeded(&self) -> bool {
        self.frames.len() + self.c_units >= self.recursion_limit
    }

    /// Enter a native call CPython counts as a recursion level (`where` is
    /// its suffix of the RecursionError message).
    pub fn enter_c(&mut self, r#where: &str) -> PyResult<()> {
        if self.depth_exceeded() {
            return Err(self
                .err(ExcKind::RecursionError, format!("maximum recursion depth exceeded{where}")));
        }
        self.c_units += 1;
        Ok(())
    }

    pub fn leave_c(&mut self) {
        self.c_units = self.c_units.saturating_sub(1);
    }

    /// Is there native stack left for one more re-entry of the dispatch loop
    /// from native code? (Python-to-Python calls use no native stack; a
    /// chain of `__getattr__` or `__repr__` calls does.)
    #[inline]
    pub fn native_stack_ok(&self) -> bool {
        self.native_depth < MAX_NATIVE_DEPTH
    }

    /// The receiver of an unbound native method (`list.append(l, x)`): the
    /// builtin value (an instance's payload) of the method's type.
    pub fn check_receiver(
        &mut self,
        name: &str,
        owner: &'static str,
        recv: Value,
    ) -> PyResult<Value> {
        let r = self.native_receiver(owner, recv);
        let ok = match owner {
            "object" => true,
            "type" => matches!(r, Value::Type(_)),
            "BaseException" => matches!(r, Value::Exception(_)),
            _ => {
                let t = self.type_of(r);
                let mro = self.mro_of(t);
                mro.iter().any(|k| k.class.is_none() && k.name() == owner)
                    || (owner == "int" && matches!(r, Value::Bool(_)))
            }
        };
        if ok || name == "__new__" {
            return Ok(r);
        }
        Err(self.type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            self.type_name(recv)
        )))
    }

    pub fn ensure_stack(&mut self, needed: usize) -> PyResult<()> {
        if needed > self.stack.capacity() {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Create the frame's cells: cell variables (parameters copied in) then
    /// the function's closure.
    pub fn make_cells(
        &mut self,
        func: Gc<FuncObj>,
        code: &CodeObject,
        base: usize,
    ) -> Vec<Gc<CellObj>> {
        if code.cellvars.is_empty() && func.closure.is_empty() {
            return Vec::new();
        }
        let mut cells = Vec::with_capacity(code.cellvars.len() + func.closure.len());
        for _ in 0..code.cellvars.len() {
            cells.push(self.heap.alloc(CellObj { value: Mut::new(Value::Null) }));
        }
        for &(cell, param) in &code.cell_params {
            cells[cell as usize].set(self.stack[base + param as usize]);
        }
        cells.extend(func.closure.iter().copied());
        cells
    }

    /// Bind `args`/`kwargs` into the registers at `base` (already sized and
    /// filled with `Null`).
    pub fn bind_args(
        &mut self,
        func: Gc<FuncObj>,
        code: &Rc<CodeObject>,
        base: usize,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<()> {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let nparams = argcount + kwonly;
        let varargs_reg = if code.flags.varargs { Some(nparams) } else { None };
        let varkw_reg =
            if code.flags.varkeywords { Some(nparams + code.flags.varargs as usize) } else { None };
        let qualname = func.qualname;
        let name = qualname.as_str();

        // Positional arguments.
        let npos = args.len().min(argcount);
        self.stack[base..base + npos].copy_from_slice(&args[..npos]);
        if args.len() > argcount {
            match varargs_reg {
                Some(r) => {
                    let extra = self.new_tuple(args[argcount..].to_vec());
                    self.stack[base + r] = extra;
                }
                None => {
                    let given = args.len();
                    let kw_given = kwargs
                        .iter()
                        .filter(|(k, _)| {
                            let k = k.as_str().unwrap_or("");
                            code.varnames[argcount..argcount + kwonly].iter().any(|n| &**n == k)
                        })
                        .count();
                    let ndefaults = func.defaults.len();
                    let takes = if ndefaults > 0 {
                        format!(
                            "from {} to {} positional arguments",
                            argcount - ndefaults,
                            argcount
                        )
                    } else {
                        format!(
                            "{} positional argument{}",
                            argcount,
                            if argcount == 1 { "" } else { "s" }
                        )
                    };
                    let was = if given == 1 && kw_given == 0 { "was" } else { "were" };
                    let kw_part = if kw_given > 0 {
                        format!(
                            " positional argument{} (and {} keyword-only argument{})",
                            if given == 1 { "" } else { "s" },
                            kw_given,
                            if kw_given == 1 { "" } else { "s" }
                        )
                    } else {
                        String::new()
                    };
                    let msg = if kw_given > 0 {
                        format!("{name}() takes {takes} but {given}{kw_part} were given")
                    } else {
                        format!("{name}() takes {takes} but {given} {was} given")
                    };
                    return Err(self.type_error(msg));
                }
            }
        } else if let Some(r) = varargs_reg {
            let empty = self.new_tuple(Vec::new());
            self.stack[base + r] = empty;
        }
        // Keyword arguments.
        let mut kwdict: Option<Gc<DictObj>> = None;
        if let Some(r) = varkw_reg {
            let d = self.heap.alloc(DictObj::new());
            self.stack[base + r] = Value::Dict(d);
            kwdict = Some(d);
        }
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for &(k, v) in kwargs {
            let key = k.as_str().unwrap_or("");
            let idx = code.varnames[..nparams].iter().position(|n| &**n == key);
            match idx {
                Some(i) if i >= posonly => {
                    if !self.stack[base + i].is_null() {
                        return Err(self.type_error(format!(
                            "{name}() got multiple values for argument '{key}'"
                        )));
                    }
                    self.stack[base + i] = v;
                }
                found => {
                    if let Some(d) = kwdict {
                        self.dict_set(d, k, v)?;
                    } else if found.is_some() {
                        posonly_as_kw.push(key.to_string());
                    } else {
                        return Err(self.type_error(format!(
                            "{name}() got an unexpected keyword argument '{key}'"
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults and missing arguments.
        let ndefaults = func.defaults.len();
        let first_default = argcount - ndefaults.min(argcount);
        let mut missing: Vec<String> = Vec::new();
        for i in 0..argcount {
            if self.stack[base + i].is_null() {
                if i >= first_default {
                    self.stack[base + i] = func.defaults[i - first_default];
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(name, &missing, "positional"));
        }
        for i in argcount..nparams {
            if self.stack[base + i].is_null() {
                let pname = &code.varnames[i];
                match func.kwdefaults.iter().find(|(k, _)| k.as_str() == &**pname) {
                    Some(&(_, v)) => self.stack[base + i] = v,
                    None => missing.push(pname.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(name, &missing, "keyword-only"));
        }
        Ok(())
    }

    fn missing_args(&mut self, name: &str, missing: &[String], kind: &str) -> super::PyErr {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        self.type_error(format!(
            "{name}() missing {} required {kind} argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ))
    }
}
