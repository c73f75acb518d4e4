//! Classes in the VM: method resolution orders and subtype tests, class
//! versions (bumped on every change of a class or of a class in its MRO),
//! the special-method bits, attribute lookup along the MRO, the `class`
//! statement (`__build_class__`), `type.__new__` (bases, metaclass, C3
//! MRO, `__slots__`, `__set_name__`, `__init_subclass__`), calling a class
//! (`type.__call__`: `__new__` then `__init__`), and `super`.

use ahash::AHashMap;

use super::attributes::is_native_classmethod;
use super::{PyResult, Vm};
use crate::runtime::class::{self, special, ClassData, MAX_SHARED_KEYS};
use crate::runtime::dict::DictObj;
use crate::runtime::exception::{ExcKind, ExcObj};
use crate::runtime::function::KwArgs;
use crate::runtime::heap::{Gc, Mut};
use crate::runtime::instance::InstanceObj;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::str::StrObj;
use crate::runtime::value::Value;

/// The VM's class bookkeeping.
#[derive(Default)]
pub struct ClassState {
    /// Every live class, for bumping the versions of subclasses. Weak: the
    /// collector drops the entries of classes it frees.
    pub registry: Vec<Gc<TypeObj>>,
    /// The next class version (versions are never reused).
    pub next_version: u64,
    /// Class names, leaked once each (see `ClassData::name`).
    names: AHashMap<Box<str>, &'static str>,
}

/// Indices of the fields of the native objects.
pub mod fields {
    /// `property`: fget, fset, fdel, doc, and the name given by `__set_name__`.
    pub const FGET: usize = 0;
    pub const FSET: usize = 1;
    pub const FDEL: usize = 2;
    pub const DOC: usize = 3;
    pub const PROP_NAME: usize = 4;
    /// `staticmethod` / `classmethod`: the function.
    pub const FUNC: usize = 0;
    /// `super`: the class, the object (or `None`) and the object's type.
    pub const SUPER_TYPE: usize = 0;
    pub const SUPER_OBJ: usize = 1;
    pub const SUPER_OBJ_TYPE: usize = 2;
    /// `member_descriptor`: name, slot index, owner class.
    pub const MEMBER_NAME: usize = 0;
    pub const MEMBER_INDEX: usize = 1;
    pub const MEMBER_OWNER: usize = 2;
}

/// Builtin types that cannot be subclassed.
fn is_final(id: TypeId) -> bool {
    !matches!(
        id,
        TypeId::Object
            | TypeId::Int
            | TypeId::Float
            | TypeId::Str
            | TypeId::Bytes
            | TypeId::List
            | TypeId::Tuple
            | TypeId::Dict
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::Type
            | TypeId::Exception
    )
}

impl Vm {
    // ----- types, MROs, subtypes -----------------------------------------

    pub fn type_obj(&self, id: TypeId) -> Gc<TypeObj> {
        self.types[id as usize]
    }

    /// The MRO of a type: a class's own, or the builtin chain (`bool`,
    /// `int`, `object`; an exception's bases up to `BaseException`).
    pub fn mro_of(&self, t: Gc<TypeObj>) -> Vec<Gc<TypeObj>> {
        if let Some(c) = t.class() {
            return c.mro();
        }
        let mut out = vec![t];
        if let Some(k) = t.exc {
            let mut p = k.parent();
            while let Some(q) = p {
                out.push(self.exc_types[&q]);
                p = q.parent();
            }
        } else if t.id == TypeId::Bool {
            out.push(self.type_obj(TypeId::Int));
        }
        if t.id != TypeId::Object {
            out.push(self.type_obj(TypeId::Object));
        }
        out
    }

    /// Is `a` the type `b` or a subtype of it?
    pub fn is_subtype(&self, a: Gc<TypeObj>, b: Gc<TypeObj>) -> bool {
        if Gc::ptr_eq(a, b) || b.id == TypeId::Object && b.class.is_none() {
            return true;
        }
        if let Some(c) = a.class() {
            return c.mro.with(|m| m.iter().any(|x| Gc::ptr_eq(*x, b)));
        }
        if b.class.is_some() {
            return false;
        }
        match (a.exc, b.exc) {
            (Some(x), Some(y)) => x.is_subclass(y),
            (None, None) => a.id == TypeId::Bool && b.id == TypeId::Int,
            _ => false,
        }
    }

    /// `isinstance(v, t)` for one type (no `__instancecheck__`).
    pub fn is_instance_of(&self, v: Value, t: Gc<TypeObj>) -> bool {
        self.is_subtype(self.type_of(v), t)
    }

    /// `type(t)` of a type object.
    pub fn metaclass_of(&self, t: Gc<TypeObj>) -> Gc<TypeObj> {
        match t.class() {
            Some(c) => c.metaclass.get(),
            None => self.type_obj(TypeId::Type),
        }
    }

    /// The (leaked, shared) `&'static str` of a class name.
    pub fn class_name_str(&mut self, s: &str) -> &'static str {
        if let Some(&n) = self.classes.names.get(s) {
            return n;
        }
        let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
        self.classes.names.insert(s.into(), leaked);
        leaked
    }

    fn new_version(&mut self) -> u64 {
        self.classes.next_version += 1;
        self.classes.next_version
    }

    /// A class (or a class in its MRO) changed: new versions for it and its
    /// subclasses, and their special-method bits recomputed.
    pub fn class_changed(&mut self, t: Gc<TypeObj>) {
        let Some(c) = t.class() else { return };
        let affected: Vec<Gc<TypeObj>> = if c.has_subclasses.get() {
            self.classes
                .registry
                .iter()
                .copied()
                .filter(|k| {
                    k.class().is_some_and(|kc| kc.mro.with(|m| m.iter().any(|x| Gc::ptr_eq(*x, t))))
                })
                .collect()
        } else {
            vec![t]
        };
        for k in affected {
            let v = self.new_version();
            if let Some(kc) = k.class() {
                kc.version.set(v);
                kc.special.set((compute_special(kc), v));
                // Drop cached lookups now: a value they name may be freed.
                kc.special_cache.with_mut(|c| c.1.clear());
            }
        }
    }

    /// The special-method bits of a type (0 for builtin types).
    #[inline]
    pub fn special_bits(&self, t: Gc<TypeObj>) -> u64 {
        match t.class() {
            Some(c) => c.special.get().0,
            None => 0,
        }
    }

    /// Look `name` up along the MRO of `t`: a class's namespace, or a
    /// builtin type's native methods.
    pub fn type_lookup(&self, t: Gc<TypeObj>, name: Gc<StrObj>) -> Option<Value> {
        let key = Value::Str(name);
        let h = name.hash();
        if let Some(c) = t.class() {
            return c.mro.with(|m| {
                for k in m {
                    let found = match k.class() {
                        Some(kc) => kc.dict.table.with(|tb| tb.get_hashed(h, key)),
                        None => self.builtin_lookup(*k, name.as_str()),
                    };
                    if found.is_some() {
                        return found;
                    }
                }
                None
            });
        }
        for k in self.mro_of(t) {
            if let Some(v) = self.builtin_lookup(k, name.as_str()) {
                return Some(v);
            }
        }
        None
    }

    /// [`Vm::type_lookup`] by a static name.
    pub fn lookup_special(&mut self, t: Gc<TypeObj>, name: &'static str) -> Option<Value> {
        let n = self.intern(name);
        self.type_lookup(t, n)
    }

    /// A builtin type's own native method.
    fn builtin_lookup(&self, t: Gc<TypeObj>, name: &str) -> Option<Value> {
        let id = if t.exc.is_some() { TypeId::Exception } else { t.id };
        if t.exc.is_some() && t.exc != Some(ExcKind::BaseException) {
            // Exceptions share BaseException's methods: find them there only.
            return None;
        }
        self.methods.get(&(id, name)).copied()
    }

    // ----- creating classes ----------------------------------------------

    /// `type.__new__(meta, name, bases, namespace, **kwargs)`.
    pub fn type_new(
        &mut self,
        meta: Gc<TypeObj>,
        name: Value,
        bases: Value,
        ns: Value,
        kw: KwArgs,
    ) -> PyResult<Value> {
        let Value::Str(name) = name else {
            return Err(self.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(name)
            )));
        };
        let Value::Tuple(bases_t) = bases else {
            return Err(self.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                self.type_name(bases)
            )));
        };
        let ns = match ns {
            Value::Dict(d) => d,
            Value::Instance(i) if matches!(i.payload.get(), Value::Dict(_)) => {
                match i.payload.get() {
                    Value::Dict(d) => d,
                    _ => unreachable!("checked above"),
                }
            }
            _ => {
                return Err(self.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    self.type_name(ns)
                )))
            }
        };
        // The most derived metaclass; a different one with its own
        // `__new__` takes over.
        let mut winner = meta;
        for &b in bases_t.items.iter() {
            let bt = match b {
                Value::Type(t) => self.metaclass_of(t),
                other => self.type_of(other),
            };
            if self.is_subtype(winner, bt) {
                continue;
            }
            if self.is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        if !Gc::ptr_eq(winner, meta) {
            let new = self.lookup_special(winner, "__new__");
            let type_new = self.methods.get(&(TypeId::Type, "__new__")).copied();
            if let (Some(n), Some(tn)) = (new, type_new) {
                if !n.is(tn) {
                    let f = self.unwrap_static(n);
                    let mut args =
                        vec![Value::Type(winner), Value::Str(name), bases, Value::Dict(ns)];
                    args.shrink_to_fit();
                    return self.call_value(f, &args, kw);
                }
            }
        }
        let meta = winner;
        let mut bases: Vec<Gc<TypeObj>> = Vec::with_capacity(bases_t.items.len());
        for &b in bases_t.items.iter() {
            let Value::Type(t) = b else {
                return Err(self.type_error("bases must be types"));
            };
            if t.class.is_none() && is_final(t.id) {
                return Err(
                    self.type_error(format!("type '{}' is not an acceptable base type", t.name()))
                );
            }
            if bases.iter().any(|x| Gc::ptr_eq(*x, t)) {
                return Err(self.type_error(format!("duplicate base class {}", t.name())));
            }
            bases.push(t);
        }
        if bases.is_empty() {
            bases.push(self.type_obj(TypeId::Object));
        }
        // The layout: the builtin base the instances carry, and slots.
        let mut base_id = TypeId::Object;
        let mut exc: Option<ExcKind> = None;
        let mut slot_base: Option<Gc<TypeObj>> = None;
        let mut base_has_dict = false;
        for &b in &bases {
            let (bid, bexc) = (b.id, b.exc);
            if bid != TypeId::Object {
                let compatible = base_id == TypeId::Object
                    || base_id == bid && (bid != TypeId::Exception || exc.is_some());
                if !compatible || (bid == TypeId::Int && base_id == TypeId::Bool) {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                if base_id == TypeId::Object {
                    base_id = bid;
                    exc = bexc;
                }
            }
            if let Some(bc) = b.class() {
                base_has_dict |= bc.has_dict;
                if bc.nslots > 0 {
                    if slot_base.is_some_and(|s| !self.is_subtype(b, s) && !self.is_subtype(s, b)) {
                        return Err(
                            self.type_error("multiple bases have instance lay-out conflict")
                        );
                    }
                    if slot_base.is_none_or(|s| self.is_subtype(b, s)) {
                        slot_base = Some(b);
                    }
                }
            }
        }
        // C3 linearization.
        let base_mros: Vec<Vec<Gc<TypeObj>>> = bases.iter().map(|b| self.mro_of(*b)).collect();
        let tail = match class::c3_merge(&bases, base_mros) {
            Ok(m) => m,
            Err(blocked) => {
                let names: Vec<&str> = blocked.iter().map(|b| b.name()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        // The namespace, `__slots__` and the special entries.
        let entries: Vec<(Value, Value)> =
            ns.table.with(|t| t.iter().map(|e| (e.key, e.value)).collect());
        let get = |k: &str| entries.iter().find(|(key, _)| key.as_str() == Some(k)).map(|e| e.1);
        let mut qualname = name;
        if let Some(q) = get("__qualname__") {
            match q {
                Value::Str(s) => qualname = s,
                other => {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        let mut slot_names: Vec<Gc<StrObj>> = Vec::new();
        let mut has_dict = true;
        if let Some(slots) = get("__slots__") {
            let items = match slots {
                Value::Str(_) => vec![slots],
                other => self.collect_iter(other)?,
            };
            has_dict = base_has_dict;
            for it in items {
                let Value::Str(s) = it else {
                    return Err(self.type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        self.type_name(it)
                    )));
                };
                let text = s.as_str();
                if !is_identifier(text) {
                    return Err(self.type_error("__slots__ must be identifiers"));
                }
                if text == "__dict__" {
                    if has_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    has_dict = true;
                    continue;
                }
                if text == "__weakref__" {
                    continue;
                }
                let mangled = mangle(name.as_str(), text);
                if get(&mangled).is_some() {
                    return Err(self.value_error(format!(
                        "'{mangled}' in __slots__ conflicts with class variable"
                    )));
                }
                let ms = match mangled == text {
                    true => s,
                    false => self.heap.alloc_str(&mangled),
                };
                slot_names.push(ms);
            }
            if base_id != TypeId::Object && !slot_names.is_empty() && base_id != TypeId::Exception {
                return Err(self.type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    base_id.name()
                )));
            }
        } else {
            let _ = base_has_dict;
        }
        let mut keys: Vec<Gc<StrObj>> = slot_base
            .and_then(|b| b.class().map(|c| c.keys.with(|k| k[..c.nslots].to_vec())))
            .unwrap_or_default();
        keys.extend(slot_names.iter().copied());
        let nslots = keys.len();
        let version = self.new_version();
        let cname = self.class_name_str(name.as_str());
        let dict = self.heap.alloc(DictObj::new());
        let data = ClassData {
            name: std::cell::Cell::new(cname),
            qualname: std::cell::Cell::new(qualname),
            bases: Mut::new(bases.clone()),
            mro: Mut::new(Vec::new()),
            dict,
            metaclass: std::cell::Cell::new(meta),
            version: std::cell::Cell::new(version),
            has_subclasses: std::cell::Cell::new(false),
            special: std::cell::Cell::new((0, 0)),
            keys: Mut::new(keys),
            nslots,
            has_dict,
            base: base_id,
            special_cache: Mut::new((0, Vec::new())),
            init_fast: std::cell::Cell::new((0, None)),
        };
        let cls = self.heap.alloc(TypeObj { id: base_id, exc, class: Some(Box::new(data)) });
        let cd = cls.class().expect("a class");
        cd.mro.with_mut(|m| {
            m.push(cls);
            m.extend(tail);
        });
        // The class dict as CPython orders it: the namespace, the slot
        // members, `__dict__`/`__weakref__`, `__doc__`, `__hash__`.
        let mut classcell = None;
        let mut has_eq = false;
        let mut has_hash = false;
        for &(k, v) in &entries {
            match k.as_str() {
                Some("__qualname__") => continue,
                Some("__classcell__") => {
                    classcell = Some(v);
                    continue;
                }
                Some("__eq__") => has_eq = true,
                Some("__hash__") => has_hash = true,
                _ => {}
            }
            let v = match (k.as_str(), v) {
                (Some("__new__"), Value::Function(_)) => self.wrap_method(TypeId::StaticMethod, v),
                (Some("__init_subclass__" | "__class_getitem__"), Value::Function(_)) => {
                    self.wrap_method(TypeId::ClassMethod, v)
                }
                _ => v,
            };
            self.dict_set(dict, k, v)?;
        }
        if get("__module__").is_none() {
            let globals = self.frames.last().map(|f| f.globals);
            let key = Value::Str(self.intern("__name__"));
            if let Some(m) = globals.and_then(|g| g.get(key).ok().flatten()) {
                let mk = Value::Str(self.intern("__module__"));
                self.dict_set(dict, mk, m)?;
            }
        }
        let first_new = nslots - slot_names.len();
        let member_t = self.type_obj(TypeId::MemberDescriptor);
        for (i, &s) in slot_names.iter().enumerate() {
            let m = self.heap.alloc(InstanceObj::with_fields(
                member_t,
                vec![Value::Str(s), Value::Int((first_new + i) as i64), Value::Type(cls)],
            ));
            self.dict_set(dict, Value::Str(s), Value::Instance(m))?;
        }
        let getset_t = self.type_obj(TypeId::GetSetDescriptor);
        let adds_dict = has_dict && !base_has_dict && exc.is_none();
        let adds_weakref = get("__slots__").is_none()
            && !bases.iter().any(|b| b.class().is_some())
            && !matches!(base_id, TypeId::Int | TypeId::Tuple | TypeId::Bytes | TypeId::Str);
        for (add, n) in [(adds_dict, "__dict__"), (adds_weakref, "__weakref__")] {
            if add {
                let key = Value::Str(self.intern(n));
                let g = self
                    .heap
                    .alloc(InstanceObj::with_fields(getset_t, vec![key, Value::Type(cls)]));
                self.dict_set(dict, key, Value::Instance(g))?;
            }
        }
        if get("__doc__").is_none() {
            let dk = Value::Str(self.intern("__doc__"));
            self.dict_set(dict, dk, Value::None)?;
        }
        if has_eq && !has_hash {
            let hk = Value::Str(self.intern("__hash__"));
            self.dict_set(dict, hk, Value::None)?;
        }
        cd.special.set((compute_special(cd), version));
        for b in &bases {
            if let Some(bc) = b.class() {
                bc.has_subclasses.set(true);
            }
        }
        self.classes.registry.push(cls);
        let clsv = Value::Type(cls);
        self.temp_roots.push(clsv);
        let r = self.finish_class(cls, classcell, &entries, kw);
        self.temp_roots.pop();
        r?;
        Ok(clsv)
    }

    /// The `__class__` cell, `__set_name__` and
    /// `__init_subclass__` for a new class.
    fn finish_class(
        &mut self,
        cls: Gc<TypeObj>,
        classcell: Option<Value>,
        entries: &[(Value, Value)],
        kw: KwArgs,
    ) -> PyResult<()> {
        let cd = cls.class().expect("a class");
        if let Some(cell) = classcell {
            match cell {
                Value::Cell(c) => c.set(Value::Type(cls)),
                other => {
                    return Err(self.type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        // `__set_name__` on the namespace's values, in order.
        let set_name = self.intern("__set_name__");
        for &(k, v) in entries {
            let vt = self.type_of(v);
            if vt.class.is_none() && !matches!(v, Value::Instance(_)) {
                continue;
            }
            let Some(f) = self.type_lookup(vt, set_name) else { continue };
            let args = [v, Value::Type(cls), k];
            if let Err(e) = self.call_method_value(f, &args) {
                let what = self.type_name(v);
                let kn = k.as_str().unwrap_or("").to_string();
                let msg = format!(
                    "Error calling __set_name__ on '{what}' instance '{kn}' in '{}'",
                    cls.name()
                );
                let err = self.err(ExcKind::RuntimeError, msg);
                err.0.cause.with_mut(|c| *c = Value::Exception(e.0));
                err.0.context.with_mut(|c| *c = Value::Exception(e.0));
                return Err(err);
            }
        }
        // `super(cls, cls).__init_subclass__(**kw)`.
        let name = self.intern("__init_subclass__");
        let mro = cd.mro();
        for k in mro.iter().skip(1) {
            let found = match k.class() {
                Some(kc) => kc.dict.table.with(|t| t.get_hashed(name.hash(), Value::Str(name))),
                None => self.builtin_lookup(*k, "__init_subclass__"),
            };
            if let Some(f) = found {
                let bound = self.descr_get(f, Some(Value::Type(cls)), cls)?;
                self.call_value(bound, &[], kw)?;
                return Ok(());
            }
        }
        Ok(())
    }

    /// Wrap a function in a `staticmethod` or `classmethod`.
    pub fn wrap_method(&mut self, kind: TypeId, f: Value) -> Value {
        let t = self.type_obj(kind);
        Value::Instance(self.heap.alloc(InstanceObj::with_fields(t, vec![f])))
    }

    /// The function inside a `staticmethod` (others unchanged).
    pub fn unwrap_static(&self, v: Value) -> Value {
        match v {
            Value::Instance(i)
                if i.class().class.is_none() && i.class().id == TypeId::StaticMethod =>
            {
                i.field(fields::FUNC)
            }
            _ => v,
        }
    }

    /// Call a function found on a type with `args` (the first being the
    /// receiver), honouring static and class methods.
    pub fn call_method_value(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        match f {
            Value::Function(_) | Value::Builtin(_) => self.call_value(f, args, &[]),
            _ => {
                let owner = self.type_of(args[0]);
                let bound = self.descr_get(f, Some(args[0]), owner)?;
                self.call_value(bound, &args[1..], &[])
            }
        }
    }

    /// The `__build_class__` builtin: run the class body in a new namespace,
    /// then call the metaclass.
    pub fn build_class(&mut self, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = args[0];
        if !matches!(func, Value::Function(_)) {
            return Err(self.type_error("__build_class__: func must be a function"));
        }
        let name = args[1];
        if !matches!(name, Value::Str(_)) {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let bases = self.new_tuple(args[2..].to_vec());
        let mut meta: Option<Value> = None;
        let mut rest: Vec<(Value, Value)> = Vec::new();
        for &(k, v) in kw {
            if k.as_str() == Some("metaclass") {
                meta = Some(v);
            } else {
                rest.push((k, v));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => match args.get(2) {
                Some(&Value::Type(t)) => Value::Type(self.metaclass_of(t)),
                Some(&other) => Value::Type(self.type_of(other)),
                None => Value::Type(self.type_obj(TypeId::Type)),
            },
        };
        // The most derived metaclass of the bases.
        let meta = match meta {
            Value::Type(mut m) => {
                for &b in &args[2..] {
                    let bt = match b {
                        Value::Type(t) => self.metaclass_of(t),
                        other => self.type_of(other),
                    };
                    if self.is_subtype(m, bt) {
                        continue;
                    }
                    if self.is_subtype(bt, m) {
                        m = bt;
                        continue;
                    }
                    return Err(self.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
                Value::Type(m)
            }
            other => other,
        };
        let mark = self.temp_roots.len();
        self.temp_roots.extend([bases, meta]);
        let r = self.build_class_body(func, name, bases, meta, &rest);
        self.temp_roots.truncate(mark);
        r
    }

    fn build_class_body(
        &mut self,
        func: Value,
        name: Value,
        bases: Value,
        meta: Value,
        kw: KwArgs,
    ) -> PyResult<Value> {
        // `meta.__prepare__(name, bases, **kw)` when Python code defines it.
        let prepare = match meta {
            Value::Type(m) if m.class.is_some() => {
                let p = self.lookup_special(m, "__prepare__");
                match p {
                    Some(Value::Builtin(_)) | None => None,
                    Some(_) => {
                        let n = self.intern("__prepare__");
                        Some(self.class_getattr(m, n)?)
                    }
                }
            }
            _ => None,
        };
        let ns = match prepare {
            Some(f) => {
                let ns = self.call_value(f, &[name, bases], kw)?;
                match ns {
                    Value::Dict(_) => ns,
                    Value::Instance(i) if matches!(i.payload.get(), Value::Dict(_)) => ns,
                    other => {
                        return Err(self.type_error(format!(
                            "{}.__prepare__() must return a mapping, not {}",
                            meta_name(meta),
                            self.type_name(other)
                        )))
                    }
                }
            }
            None => Value::Dict(self.heap.alloc(DictObj::new())),
        };
        self.temp_roots.push(ns);
        let nsd = match ns {
            Value::Instance(i) => i.payload.get(),
            other => other,
        };
        self.call_value(func, &[nsd], &[])?;
        self.call_value(meta, &[name, bases, ns], kw)
    }

    // ----- calling classes -------------------------------------------------

    /// `cls(*args, **kw)`: the metaclass's `__call__`, normally `__new__`
    /// then `__init__`.
    pub fn call_class(&mut self, cls: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        self.enter_c(" while calling a Python object")?;
        let r = self.call_class_inner(cls, args, kw);
        self.leave_c();
        r
    }

    fn call_class_inner(
        &mut self,
        cls: Gc<TypeObj>,
        args: &[Value],
        kw: KwArgs,
    ) -> PyResult<Value> {
        let meta = self.metaclass_of(cls);
        if meta.class.is_some() {
            if let Some(call) = self.lookup_special(meta, "__call__") {
                let type_call = self.methods.get(&(TypeId::Type, "__call__")).copied();
                if !type_call.is_some_and(|t| t.is(call)) {
                    let bound = self.descr_get(call, Some(Value::Type(cls)), meta)?;
                    return self.call_value(bound, args, kw);
                }
            }
        }
        self.type_call(cls, args, kw)
    }

    /// `type.__call__(cls, *args, **kw)`.
    pub fn type_call(&mut self, cls: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let Some(cd) = cls.class() else {
            return crate::builtins::call_type(self, cls, args, kw);
        };
        let special = cd.special.get().0;
        let obj = if special & special::NEW != 0 {
            let new = self.lookup_special(cls, "__new__").unwrap_or(Value::None);
            let f = self.unwrap_static(new);
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Type(cls));
            full.extend_from_slice(args);
            self.call_value(f, &full, kw)?
        } else {
            if special & special::INIT == 0 && (!args.is_empty() || !kw.is_empty()) {
                self.check_object_new_args(cls, args, kw)?;
            }
            self.new_object(cls, args, kw)?
        };
        if !self.is_instance_of(obj, cls) {
            return Ok(obj);
        }
        let ot = self.type_of(obj);
        if self.special_bits(ot) & special::INIT != 0 {
            let init = self.lookup_special(ot, "__init__").unwrap_or(Value::None);
            self.temp_roots.push(obj);
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj);
            full.extend_from_slice(args);
            let r = match init {
                Value::Function(_) => self.call_value(init, &full, kw),
                other => {
                    let bound = self.descr_get(other, Some(obj), ot);
                    match bound {
                        Ok(b) => self.call_value(b, args, kw),
                        Err(e) => Err(e),
                    }
                }
            };
            self.temp_roots.pop();
            let r = r?;
            if !r.is_none() {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(r)
                )));
            }
        } else {
            self.temp_roots.push(obj);
            let r = self.builtin_init(obj, args, kw);
            self.temp_roots.pop();
            r?;
        }
        Ok(obj)
    }

    /// CPython's `object_new` argument check.
    fn check_object_new_args(
        &mut self,
        cls: Gc<TypeObj>,
        args: &[Value],
        kw: KwArgs,
    ) -> PyResult<()> {
        if cls.id == TypeId::Object && (!args.is_empty() || !kw.is_empty()) {
            return Err(self.type_error(format!("{}() takes no arguments", cls.name())));
        }
        Ok(())
    }

    /// `__init__` of the builtin base of a class (`list.__init__`...).
    fn builtin_init(&mut self, obj: Value, args: &[Value], kw: KwArgs) -> PyResult<()> {
        let Value::Instance(i) = obj else {
            if let Value::Exception(e) = obj {
                e.set_args(args.to_vec());
            }
            return Ok(());
        };
        match i.payload.get() {
            Value::List(l) => {
                super::super::builtins::args::no_kwargs(self, "list", kw)?;
                crate::builtins::check_args(self, "list", args, 0, 1)?;
                if let Some(&src) = args.first() {
                    let items = self.collect_iter(src)?;
                    l.items.with_mut(|v| *v = items);
                }
            }
            Value::Dict(d) => {
                if args.len() > 1 {
                    return Err(self.type_error(format!(
                        "dict expected at most 1 argument, got {}",
                        args.len()
                    )));
                }
                if let Some(&src) = args.first() {
                    self.dict_update(d, src)?;
                }
                for &(k, v) in kw {
                    self.dict_set(d, k, v)?;
                }
            }
            Value::Set(s) if !s.frozen => {
                crate::builtins::check_args(self, "set", args, 0, 1)?;
                if let Some(&src) = args.first() {
                    let t = self.set_table_from(src)?;
                    s.table.with_mut(|x| *x = t);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `object.__new__(cls, ...)` for a class: an instance with the payload
    /// of its builtin base (built from the arguments for immutable ones).
    pub fn new_object(&mut self, cls: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let Some(cd) = cls.class() else {
            return crate::builtins::call_type(self, cls, args, kw);
        };
        if let Some(kind) = cls.exc {
            let mut e = ExcObj::new(kind, args.to_vec());
            e.class = Some(cls);
            return Ok(Value::Exception(self.heap.alloc(e)));
        }
        let payload = match cd.base {
            TypeId::Object => Value::Null,
            TypeId::List => self.new_list(Vec::new()),
            TypeId::Dict => Value::Dict(self.heap.alloc(DictObj::new())),
            TypeId::Set => Value::Set(self.heap.alloc(crate::runtime::set::SetObj::new(
                crate::runtime::settable::SetTable::new(),
                false,
            ))),
            TypeId::Type => {
                // A metaclass: its instances are classes.
                if args.len() != 3 {
                    return Err(self.type_error(format!(
                        "type.__new__() takes exactly 3 arguments ({} given)",
                        args.len()
                    )));
                }
                return self.type_new(cls, args[0], args[1], args[2], kw);
            }
            other => {
                let bt = self.type_obj(other);
                crate::builtins::call_type(self, bt, args, kw)?
            }
        };
        let n = cd.keys.with(|k| k.len());
        let inst = self.heap.alloc(InstanceObj::new(cls, n));
        inst.payload.set(payload);
        Ok(Value::Instance(inst))
    }

    /// Add attribute `name` to the shared layout of `cls` (if there is
    /// room); returns its slot.
    pub fn add_shared_key(&mut self, cls: Gc<TypeObj>, name: Gc<StrObj>) -> Option<usize> {
        let cd = cls.class()?;
        let n = cd.keys.with(|k| k.len());
        if n >= MAX_SHARED_KEYS + cd.nslots {
            return None;
        }
        cd.keys.with_mut(|k| k.push(name));
        // A new key can shadow a cached class attribute: new version.
        self.class_changed(cls);
        Some(n)
    }

    // ----- super -----------------------------------------------------------

    /// `super()` / `super(type, obj)`.
    pub fn make_super(&mut self, args: &[Value]) -> PyResult<Value> {
        let (ty, obj) = match args {
            [] => self.super_from_frame()?,
            [t] => (*t, Value::None),
            [t, o] => (*t, *o),
            _ => {
                return Err(self.type_error(format!(
                    "super() takes at most 2 arguments ({} given)",
                    args.len()
                )))
            }
        };
        let Value::Type(t) = ty else {
            return Err(self.type_error(format!(
                "super() argument 1 must be a type, not {}",
                self.type_name(ty)
            )));
        };
        let obj_type = if obj.is_none() && args.len() == 1 {
            Value::None
        } else {
            match obj {
                Value::Type(o) if self.is_subtype(o, t) => obj,
                _ if self.is_instance_of(obj, t) => Value::Type(self.type_of(obj)),
                _ => {
                    return Err(self.type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    ))
                }
            }
        };
        let st = self.type_obj(TypeId::Super);
        let s = self.heap.alloc(InstanceObj::with_fields(st, vec![Value::Type(t), obj, obj_type]));
        Ok(Value::Instance(s))
    }

    /// The class and first argument of the calling function (`__class__`
    /// cell and `self`), for a zero-argument `super()`.
    fn super_from_frame(&mut self) -> PyResult<(Value, Value)> {
        let Some(frame) = self.frames.last() else {
            return Err(self.err(ExcKind::RuntimeError, "super(): no current frame"));
        };
        let code = frame.code.clone();
        if code.argcount == 0 && !code.flags.varargs {
            return Err(self.err(ExcKind::RuntimeError, "super(): no arguments"));
        }
        let first = match code.cell_params.iter().find(|(_, p)| *p == 0) {
            Some(&(c, _)) => frame.cells[c as usize].get(),
            None => self.stack[frame.base],
        };
        let first = if code.argcount == 0 {
            match first {
                Value::Tuple(t) if !t.items.is_empty() => t.items[0],
                _ => Value::Null,
            }
        } else {
            first
        };
        if first.is_null() {
            return Err(self.err(ExcKind::RuntimeError, "super(): arg[0] deleted"));
        }
        let ncell = code.cellvars.len();
        let Some(i) = code.freevars.iter().position(|f| &**f == "__class__") else {
            return Err(self.err(ExcKind::RuntimeError, "super(): __class__ cell not found"));
        };
        let cls = frame.cells.get(ncell + i).map(|c| c.get()).unwrap_or(Value::Null);
        match cls {
            Value::Null => Err(self.err(ExcKind::RuntimeError, "super(): empty __class__ cell")),
            Value::Type(_) => Ok((cls, first)),
            other => Err(self.err(
                ExcKind::RuntimeError,
                format!("super(): __class__ is not a type ({})", self.type_name(other)),
            )),
        }
    }

    /// An attribute through a `super` object: the MRO of the object's type
    /// after the class.
    pub fn super_getattr(
        &mut self,
        s: Gc<InstanceObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Option<Value>> {
        let (start, obj, obj_type) = (
            s.field(fields::SUPER_TYPE),
            s.field(fields::SUPER_OBJ),
            s.field(fields::SUPER_OBJ_TYPE),
        );
        let (Value::Type(start), Value::Type(ot)) = (start, obj_type) else {
            return Ok(None);
        };
        if name.as_str() == "__class__" {
            return Ok(None);
        }
        let Some(v) = self.super_find(start, ot, name) else {
            return Ok(None);
        };
        let inst = if obj.is(Value::Type(ot)) { None } else { Some(obj) };
        self.descr_get(v, inst, ot).map(Some)
    }

    /// What `super(start, obj)` finds for `name` along `ot`'s MRO after
    /// `start`, before binding. Walks a class's MRO in place (no copy).
    fn super_find(&self, start: Gc<TypeObj>, ot: Gc<TypeObj>, name: Gc<StrObj>) -> Option<Value> {
        let key = Value::Str(name);
        let h = name.hash();
        let search = |m: &[Gc<TypeObj>]| {
            let pos = m.iter().position(|k| Gc::ptr_eq(*k, start))?;
            m[pos + 1..].iter().find_map(|k| match k.class() {
                Some(kc) => kc.dict.table.with(|t| t.get_hashed(h, key)),
                None => self.builtin_lookup(*k, name.as_str()),
            })
        };
        match ot.class() {
            Some(c) => c.mro.with(|m| search(m)),
            None => search(&self.mro_of(ot)),
        }
    }

    /// `super(...).name(...)` without a bound method: (function, self) when
    /// the attribute is a plain function.
    pub fn super_load_method(
        &mut self,
        s: Gc<InstanceObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Option<(Value, Value)>> {
        let (start, obj, obj_type) = (
            s.field(fields::SUPER_TYPE),
            s.field(fields::SUPER_OBJ),
            s.field(fields::SUPER_OBJ_TYPE),
        );
        let (Value::Type(start), Value::Type(ot)) = (start, obj_type) else {
            return Ok(None);
        };
        if obj.is(Value::Type(ot)) {
            return Ok(None);
        }
        // As `super_getattr` then calling the bound result, without
        // allocating the bound method: plain functions and the unbound
        // native methods of builtin types (`super().__init__(...)` reaching
        // `BaseException.__init__`) bind to `obj` as their first argument.
        Ok(match self.super_find(start, ot, name) {
            Some(v @ Value::Function(_)) => Some((v, obj)),
            Some(v @ Value::Builtin(b))
                if b.owner.is_some()
                    && b.bound.is_null()
                    && b.name != "__new__"
                    && !is_native_classmethod(v) =>
            {
                Some((v, self.native_receiver(b.owner.unwrap_or("object"), obj)))
            }
            _ => None,
        })
    }

    /// Drop the registry entries of classes about to be freed (called by
    /// the collector between marking and sweeping).
    pub fn prune_class_registry(registry: &mut Vec<Gc<TypeObj>>) {
        registry.retain(|c| c.is_marked());
    }
}

/// The special-method bits of a class (its MRO's namespaces).
fn compute_special(c: &ClassData) -> u64 {
    let mut bits = special::COMPUTED;
    c.mro.with(|m| {
        for k in m {
            if let Some(kc) = k.class() {
                kc.dict.table.with(|t| {
                    for e in t.iter() {
                        if let Value::Str(s) = e.key {
                            bits |= special::bit_of(s.as_str());
                        }
                    }
                });
            }
        }
    });
    bits
}

/// CPython's `_Py_Mangle` for a slot name in class `class`.
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let c = class.trim_start_matches('_');
    if c.is_empty() {
        return name.to_string();
    }
    format!("_{c}{name}")
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {}
        _ => return false,
    }
    chars.all(unicode_ident::is_xid_continue)
}

fn meta_name(meta: Value) -> String {
    match meta {
        Value::Type(t) => t.name().to_string(),
        _ => "<metaclass>".into(),
    }
}

impl Vm {
    /// The `__init__` to push for `cls(arg1, ..., argN)` called from the
    /// loop, when the call needs nothing else: a plain class or exception
    /// class (metaclass `type`, no `__new__`, no other builtin base) whose
    /// `__init__` is a Python function taking exactly `self` and `nargs`
    /// positional arguments.
    #[inline]
    pub fn simple_init(
        &mut self,
        cls: Gc<TypeObj>,
        nargs: usize,
    ) -> Option<Gc<crate::runtime::function::FuncObj>> {
        let cd = cls.class()?;
        let (version, init) = cd.init_fast.get();
        let init = if version == cd.version.get() {
            init?
        } else {
            let found = self.simple_init_lookup(cls);
            cd.init_fast.set((cd.version.get(), found));
            found?
        };
        // `fast_argc` also rules out keyword-only, `*args`, `**kwargs`
        // parameters and generator or coroutine functions.
        (init.fast_argc as usize == nargs + 1 && cd.metaclass.get().class.is_none()).then_some(init)
    }

    /// What [`Vm::simple_init`] caches for `cls` at its current version.
    #[cold]
    fn simple_init_lookup(
        &mut self,
        cls: Gc<TypeObj>,
    ) -> Option<Gc<crate::runtime::function::FuncObj>> {
        let cd = cls.class()?;
        let bits = cd.special.get().0;
        if bits & special::NEW != 0
            || bits & special::INIT == 0
            || (cd.base != TypeId::Object && cls.exc.is_none())
        {
            return None;
        }
        let Some(Value::Function(f)) = self.user_special(cls, "__init__") else {
            return None;
        };
        (f.fast_argc != u32::MAX).then_some(f)
    }

    /// Allocate an instance of `cls` into register `ret` (which held the
    /// class) and push `init` with the instance and the `nargs` arguments at
    /// `first` (moved up one register when `self` has no room before them).
    pub fn push_init_frame(
        &mut self,
        cls: Gc<TypeObj>,
        init: Gc<crate::runtime::function::FuncObj>,
        ret: usize,
        first: usize,
        nargs: usize,
    ) -> PyResult<()> {
        let inst = if cls.exc.is_some() {
            // An exception class: BaseException.__new__ keeps the
            // arguments as `args`.
            let args = self.stack[first..first + nargs].to_vec();
            self.new_object(cls, &args, &[])?
        } else {
            let n = cls.class().map(|c| c.keys.with(|k| k.len())).unwrap_or(0);
            Value::Instance(self.heap.alloc(InstanceObj::new(cls, n)))
        };
        self.stack[ret] = inst;
        let new_base = if first == ret + 2 {
            ret + 1
        } else {
            self.ensure_stack(first + nargs + 2)?;
            if self.stack.len() < first + nargs + 1 {
                self.stack.resize(first + nargs + 1, Value::Null);
            }
            self.stack.copy_within(first..first + nargs, first + 1);
            first
        };
        self.stack[new_base] = inst;
        // CPython counts the class call as a level (`_PyObject_MakeTpCall`).
        self.enter_c(" while calling a Python object")?;
        let r = self.push_frame(init, new_base, nargs + 1, ret | super::interp::INIT_RET);
        if r.is_err() {
            self.leave_c();
        }
        r
    }

    /// `LoadName`: the class namespace, then globals, then builtins.
    pub fn load_name(&mut self, ns: Value, name: Value) -> PyResult<Value> {
        if let Value::Dict(d) = ns {
            if let Some(v) = d.get(name).ok().flatten() {
                return Ok(v);
            }
        }
        let globals = self.frames.last().map(|f| f.globals);
        if let Some(g) = globals {
            if let Some(v) = g.get(name).ok().flatten() {
                return Ok(v);
            }
        }
        if let Some(v) = self.builtins.get(name).ok().flatten() {
            return Ok(v);
        }
        let n = name.as_str().unwrap_or("").to_string();
        Err(self.name_error(&n))
    }

    /// What `raise X` raises: an exception class is called.
    pub fn instantiate_exception(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Type(t) if t.class.is_some() && t.exc.is_some() => {
                let e = self.call_class(t, &[], &[])?;
                match e {
                    Value::Exception(_) => Ok(e),
                    other => {
                        let r = self.class_repr(t).unwrap_or_default();
                        Err(self.type_error(format!(
                            "calling {r} should have returned an instance of BaseException, not {}",
                            self.type_name(other)
                        )))
                    }
                }
            }
            other => Ok(other),
        }
    }

    /// Can `iter(v)` succeed for this instance?
    pub fn instance_iterable(&mut self, v: Value) -> bool {
        let t = self.type_of(v);
        let bits = self.special_bits(t);
        (bits & special::ITER != 0 && self.user_special(t, "__iter__").is_some())
            || (bits & special::GETITEM != 0 && self.user_special(t, "__getitem__").is_some())
            || self.payload_of(v).is_some_and(|p| {
                !matches!(p, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_))
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::vm::Vm;

    /// Compile and run `src` as `__main__` in `vm`; its exit status.
    fn run(vm: &mut Vm, src: &str) -> i32 {
        let arena = bumpalo::Bump::new();
        let mut interner = crate::syntax::intern::Interner::new();
        let opts = crate::syntax::parser::ParseOptions::default();
        let module = crate::syntax::parser::parse(&arena, src, opts, &mut interner).unwrap();
        let table = crate::compiler::check_module(&arena, &module, &mut interner, src).unwrap();
        let code = crate::compiler::codegen::compile_module(
            &module,
            &table,
            &interner,
            src,
            "<test>",
            &mut vm.heap,
        )
        .unwrap();
        vm.run_main(code)
    }

    #[test]
    fn instance_cycles_and_dead_classes_are_reclaimed() {
        let mut vm = Vm::new(Vec::new());
        let src = "\
class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
for i in range(20000):
    a = Node(i)
    b = Node(a)
    a.other = b
    class Local:
        pass
    Local.me = Local()
a = b = Local = None
";
        assert_eq!(run(&mut vm, src), 0);
        vm.collect_now();
        // 20000 two-instance cycles (and 20000 classes) are garbage: what
        // survives is the interpreter's own state plus one class `Node`.
        assert!(vm.heap.stats.live_after_last < 4 << 20, "{}", vm.heap.stats.live_after_last);
        assert!(vm.classes.registry.len() <= 2, "{}", vm.classes.registry.len());
    }
}
