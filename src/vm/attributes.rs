//! Attributes of instances, exceptions and classes, as CPython's
//! `PyObject_GenericGetAttr` / `type_getattro`: data descriptors of the
//! type first, then the instance's own attributes, then other
//! descriptors and class attributes, then `__getattr__`; `__getattribute__`,
//! `__setattr__` and `__delattr__` overrides; descriptors (functions bind,
//! `property`, `staticmethod`, `classmethod`, `__slots__` members and
//! classes with `__get__`/`__set__`/`__delete__`); and the inline caches
//! the dispatch loop consults before calling in here.

use std::cell::Cell;

use super::classes::fields;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::code::AttrCache;
use crate::runtime::class::special;
use crate::runtime::dict::DictObj;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::{BoundMethodObj, BuiltinObj};
use crate::runtime::heap::Gc;
use crate::runtime::instance::InstanceObj;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::str::StrObj;
use crate::runtime::value::Value;

/// Kinds of [`AttrCache`] entries.
pub mod cache {
    /// Instance attribute in slot `index`.
    pub const SLOT: u8 = 1;
    /// A function of the class: a method (`LoadMethod`) or bound method.
    pub const METHOD: u8 = 2;
    /// A plain class attribute (`value`).
    pub const CLASS_VALUE: u8 = 3;
    /// `SetAttr` of slot `index`.
    pub const STORE_SLOT: u8 = 4;
    /// A class method (`value` is the function, bound to the class).
    pub const CLASS_METHOD: u8 = 5;
    /// A property whose getter is the plain function `value`.
    pub const PROPERTY: u8 = 6;
    /// `LoadMethod` on a value of the builtin type `index` (a `TypeId`):
    /// `value` is its native method (builtin types never change).
    pub const BUILTIN_METHOD: u8 = 7;
}

/// What a value found on a type does when accessed through an instance.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Descr {
    Plain,
    Function,
    Native,
    Property,
    Static,
    ClassMethod,
    Member,
    /// A user class with `__get__` and maybe `__set__`/`__delete__`.
    User {
        data: bool,
    },
}

/// Native methods that are class methods (bound to the class).
pub(crate) fn is_native_classmethod(v: Value) -> bool {
    match v {
        Value::Builtin(b) => {
            matches!(b.name, "__init_subclass__" | "__subclasshook__" | "__prepare__" | "fromkeys")
        }
        _ => false,
    }
}

/// The native object type of an instance (`property`...), if it is one.
#[inline]
pub fn native_kind(v: Value) -> Option<TypeId> {
    match v {
        Value::Instance(i) => {
            let c = i.class();
            if c.class.is_none() {
                Some(c.id)
            } else {
                None
            }
        }
        _ => None,
    }
}

impl Vm {
    fn descr_kind(&self, v: Value) -> Descr {
        match v {
            Value::Function(_) => Descr::Function,
            Value::Builtin(b) if b.owner.is_some() && b.bound.is_null() => Descr::Native,
            Value::Instance(i) => {
                let c = i.class();
                match c.class() {
                    None => match c.id {
                        TypeId::Property => Descr::Property,
                        TypeId::StaticMethod => Descr::Static,
                        TypeId::ClassMethod => Descr::ClassMethod,
                        TypeId::MemberDescriptor => Descr::Member,
                        _ => Descr::Plain,
                    },
                    Some(cd) => {
                        let bits = cd.special.get().0;
                        if bits & (special::GET | special::SET | special::DELETE) == 0 {
                            Descr::Plain
                        } else {
                            Descr::User { data: bits & (special::SET | special::DELETE) != 0 }
                        }
                    }
                }
            }
            _ => Descr::Plain,
        }
    }

    /// Is `v` a data descriptor (defines `__set__` or `__delete__`)?
    pub fn is_data_descr(&self, v: Value) -> bool {
        matches!(self.descr_kind(v), Descr::Property | Descr::Member | Descr::User { data: true })
    }

    /// `v.__get__(obj, owner)`: what attribute `v` of a type gives when
    /// looked up through `obj` (or through the class itself for `None`).
    pub fn descr_get(
        &mut self,
        v: Value,
        obj: Option<Value>,
        owner: Gc<TypeObj>,
    ) -> PyResult<Value> {
        match self.descr_kind(v) {
            Descr::Plain => Ok(v),
            Descr::Function => match obj {
                Some(o) => {
                    Ok(Value::BoundMethod(self.heap.alloc(BoundMethodObj { func: v, receiver: o })))
                }
                None => Ok(v),
            },
            Descr::Native if is_native_classmethod(v) => {
                let Value::Builtin(b) = v else { return Ok(v) };
                Ok(Value::Builtin(self.heap.alloc(BuiltinObj::new(
                    b.name,
                    b.owner,
                    b.func,
                    Value::Type(owner),
                ))))
            }
            Descr::Native => match obj {
                Some(o) => {
                    let Value::Builtin(b) = v else { return Ok(v) };
                    if b.name == "__new__" {
                        // A static method: `cls` is passed explicitly.
                        return Ok(v);
                    }
                    let recv = self.native_receiver(b.owner.unwrap_or("object"), o);
                    Ok(Value::Builtin(
                        self.heap.alloc(BuiltinObj::new(b.name, b.owner, b.func, recv)),
                    ))
                }
                None => Ok(v),
            },
            Descr::Static => Ok(self.unwrap_static(v)),
            Descr::ClassMethod => {
                let Value::Instance(i) = v else { return Ok(v) };
                // Bound to the class the lookup went through.
                let f = i.field(fields::FUNC);
                let cls = Value::Type(owner);
                Ok(Value::BoundMethod(self.heap.alloc(BoundMethodObj { func: f, receiver: cls })))
            }
            Descr::Property => {
                let Some(o) = obj else { return Ok(v) };
                let Value::Instance(p) = v else { return Ok(v) };
                let fget = p.field(fields::FGET);
                if fget.is_none() || fget.is_null() {
                    let name = self.property_name(p);
                    return Err(self.err(
                        ExcKind::AttributeError,
                        format!("property {name}of '{}' object has no getter", self.type_name(o)),
                    ));
                }
                self.call_value(fget, &[o], &[])
            }
            Descr::Member => {
                let Some(o) = obj else { return Ok(v) };
                let Value::Instance(m) = v else { return Ok(v) };
                let idx = m.field(fields::MEMBER_INDEX).as_int().unwrap_or(0) as usize;
                let name = m.field(fields::MEMBER_NAME);
                match o {
                    Value::Instance(i) if self.member_applies(m, o) => {
                        let x = i.slot(idx);
                        if x.is_null() {
                            let n = name.as_str().unwrap_or("").to_string();
                            return Err(self.no_attribute(o, &n));
                        }
                        Ok(x)
                    }
                    _ => Err(self.member_type_error(m, o)),
                }
            }
            Descr::User { .. } => {
                let t = self.type_of(v);
                let get = self.lookup_special(t, "__get__");
                match get {
                    Some(g) => {
                        let o = obj.unwrap_or(Value::None);
                        self.call_method_value(g, &[v, o, Value::Type(owner)])
                    }
                    None => Ok(v),
                }
            }
        }
    }

    fn member_applies(&self, m: Gc<InstanceObj>, o: Value) -> bool {
        match m.field(fields::MEMBER_OWNER) {
            Value::Type(owner) => self.is_instance_of(o, owner),
            _ => false,
        }
    }

    fn member_type_error(&mut self, m: Gc<InstanceObj>, o: Value) -> PyErr {
        let name = m.field(fields::MEMBER_NAME).as_str().unwrap_or("").to_string();
        let owner = match m.field(fields::MEMBER_OWNER) {
            Value::Type(t) => t.name(),
            _ => "object",
        };
        self.type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            self.type_name(o)
        ))
    }

    /// `'x' ` for a property whose name is known (error messages).
    fn property_name(&self, p: Gc<InstanceObj>) -> String {
        match p.field(fields::PROP_NAME) {
            Value::Str(s) => format!("'{}' ", s.as_str()),
            _ => match p.field(fields::FGET) {
                Value::Function(f) => format!("'{}' ", f.name.as_str()),
                _ => String::new(),
            },
        }
    }

    /// The value a native method of type `owner` runs on: the builtin
    /// payload of an instance of a subclass, else the object itself.
    pub fn native_receiver(&self, owner: &str, o: Value) -> Value {
        if let Value::Instance(i) = o {
            let p = i.payload.get();
            if !p.is_null() && !matches!(owner, "object" | "type") {
                return p;
            }
        }
        o
    }

    // ----- an instance's own attributes ----------------------------------

    /// The attribute `name` stored on the object itself.
    pub fn own_attr(&self, obj: Value, name: Gc<StrObj>) -> Option<Value> {
        match obj {
            Value::Instance(i) => {
                let cls = i.class();
                let cd = cls.class()?;
                if let Some(d) = i.dict.get() {
                    return d.table.with(|t| t.get_hashed(name.hash(), Value::Str(name)));
                }
                let idx = cd.key_index(name)?;
                let v = i.slot(idx);
                (!v.is_null()).then_some(v)
            }
            Value::Exception(e) => {
                e.dict.get()?.table.with(|t| t.get_hashed(name.hash(), Value::Str(name)))
            }
            Value::Function(f) => {
                f.attr_dict()?.table.with(|t| t.get_hashed(name.hash(), Value::Str(name)))
            }
            _ => None,
        }
    }

    /// The live `__dict__` of an instance (switching it to dict mode), or
    /// `None` if instances of its class have none.
    pub fn instance_dict(&mut self, i: Gc<InstanceObj>) -> Option<Gc<DictObj>> {
        if let Some(d) = i.dict.get() {
            return Some(d);
        }
        let cls = i.class();
        let cd = cls.class()?;
        if !cd.has_dict {
            return None;
        }
        let d = self.heap.alloc(DictObj::new());
        let keys = cd.keys.with(|k| k.clone());
        let vals = i.values.with(|v| v.clone());
        for (idx, k) in keys.iter().enumerate().skip(cd.nslots) {
            if let Some(&v) = vals.get(idx) {
                if !v.is_null() {
                    d.table.with_mut(|t| t.insert_hashed(k.hash(), Value::Str(*k), v));
                }
            }
        }
        i.values.with_mut(|v| v.truncate(cd.nslots));
        i.dict.set(Some(d));
        Some(d)
    }

    /// Store `name` on the object itself; `Ok(false)` if it cannot have
    /// such an attribute (no `__dict__`).
    fn store_own_attr(&mut self, obj: Value, name: Gc<StrObj>, v: Value) -> PyResult<bool> {
        match obj {
            Value::Instance(i) => {
                let cls = i.class();
                let Some(cd) = cls.class() else { return Ok(false) };
                if let Some(d) = i.dict.get() {
                    d.table.with_mut(|t| t.insert_hashed(name.hash(), Value::Str(name), v));
                    return Ok(true);
                }
                let idx = match cd.key_index(name) {
                    Some(idx) => Some(idx),
                    None if !cd.has_dict => return Ok(false),
                    None => self.add_shared_key(cls, name),
                };
                match idx {
                    Some(idx) if idx < cd.nslots || i.appends_in_order(idx) => {
                        i.set_slot(idx, v);
                    }
                    _ => {
                        let Some(d) = self.instance_dict(i) else { return Ok(false) };
                        d.table.with_mut(|t| t.insert_hashed(name.hash(), Value::Str(name), v));
                    }
                }
                Ok(true)
            }
            Value::Exception(e) => {
                let d = match e.dict.get() {
                    Some(d) => d,
                    None => {
                        let d = self.heap.alloc(DictObj::new());
                        e.dict.set(Some(d));
                        d
                    }
                };
                d.table.with_mut(|t| t.insert_hashed(name.hash(), Value::Str(name), v));
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Delete `name` from the object itself; false if it was not there.
    fn delete_own_attr(&mut self, obj: Value, name: Gc<StrObj>) -> bool {
        let key = Value::Str(name);
        match obj {
            Value::Instance(i) => {
                let cls = i.class();
                let Some(cd) = cls.class() else { return false };
                if let Some(d) = i.dict.get() {
                    return d.table.with_mut(|t| t.remove(key)).ok().flatten().is_some();
                }
                match cd.key_index(name) {
                    Some(idx) if !i.slot(idx).is_null() => {
                        i.set_slot(idx, Value::Null);
                        true
                    }
                    _ => false,
                }
            }
            Value::Exception(e) => match e.dict.get() {
                Some(d) => d.table.with_mut(|t| t.remove(key)).ok().flatten().is_some(),
                None => false,
            },
            _ => false,
        }
    }

    // ----- errors --------------------------------------------------------

    /// `AttributeError: 'Foo' object has no attribute 'x'`, remembering the
    /// object and name for the traceback's "Did you mean" suggestion.
    pub fn no_attribute(&mut self, obj: Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Type(t) => format!("type object '{}' has no attribute '{name}'", t.name()),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let err = self.err(ExcKind::AttributeError, msg);
        let d = self.heap.alloc(DictObj::new());
        let nk = Value::Str(self.intern("name"));
        let ok = Value::Str(self.intern("obj"));
        let nv = self.new_str(name);
        d.table.with_mut(|t| {
            let _ = t.insert(nk, nv);
            let _ = t.insert(ok, obj);
        });
        err.0.dict.set(Some(d));
        err
    }

    // ----- getattr -------------------------------------------------------

    /// `obj.name` for instances and exceptions: `__getattribute__`, the
    /// generic lookup, then `__getattr__`.
    pub fn instance_getattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<Value> {
        if let (Some(TypeId::Super), Value::Instance(s)) = (native_kind(obj), obj) {
            if let Some(v) = self.super_getattr(s, name)? {
                return Ok(v);
            }
        }
        let t = self.type_of(obj);
        let bits = self.special_bits(t);
        if bits & (special::GETATTRIBUTE | special::GETATTR) == 0 {
            return match self.generic_getattr(obj, name)? {
                Some(v) => Ok(v),
                None => Err(self.no_attribute(obj, name.as_str())),
            };
        }
        let r = if bits & special::GETATTRIBUTE != 0 {
            let f = self.lookup_special(t, "__getattribute__").unwrap_or(Value::None);
            self.call_method_value(f, &[obj, Value::Str(name)])
        } else {
            match self.generic_getattr(obj, name) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(self.no_attribute(obj, name.as_str())),
                Err(e) => Err(e),
            }
        };
        match r {
            Err(e) if bits & special::GETATTR != 0 && e.0.kind == ExcKind::AttributeError => {
                let f = self.lookup_special(t, "__getattr__").unwrap_or(Value::None);
                self.call_method_value(f, &[obj, Value::Str(name)])
            }
            r => r,
        }
    }

    /// `object.__getattribute__(obj, name)`; `None` when not found.
    pub fn generic_getattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Type(t))),
            "__weakref__" if t.class.is_some() && self.type_lookup(t, name).is_some() => {
                return Ok(Some(Value::None))
            }
            "__dict__" => match obj {
                Value::Instance(i) => {
                    if let Some(d) = self.instance_dict(i) {
                        return Ok(Some(Value::Dict(d)));
                    }
                }
                Value::Exception(e) => {
                    let d = match e.dict.get() {
                        Some(d) => d,
                        None => {
                            let d = self.heap.alloc(DictObj::new());
                            e.dict.set(Some(d));
                            d
                        }
                    };
                    return Ok(Some(Value::Dict(d)));
                }
                _ => {}
            },
            _ => {}
        }
        let descr = self.type_lookup(t, name);
        if let Some(d) = descr {
            if self.is_data_descr(d) {
                return self.descr_get(d, Some(obj), t).map(Some);
            }
        }
        if let Value::Exception(e) = obj {
            if name.as_str() == "args" {
                let a = e.args();
                return Ok(Some(self.new_tuple(a)));
            }
        }
        if let Some(v) = self.own_attr(obj, name) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.descr_get(d, Some(obj), t).map(Some);
        }
        if let Some(v) = self.native_field(obj, name)? {
            return Ok(Some(v));
        }
        // Data attributes of a builtin payload (`MyInt(3).real`).
        if let Value::Instance(i) = obj {
            let p = i.payload.get();
            if !p.is_null() {
                match self.get_attr(p, Value::Str(name)) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) if e.0.kind == ExcKind::AttributeError => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(None)
    }

    /// Attributes of the native objects that are not methods.
    fn native_field(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        let Some(kind) = native_kind(obj) else { return Ok(None) };
        let Value::Instance(i) = obj else { return Ok(None) };
        let n = name.as_str();
        Ok(match (kind, n) {
            (TypeId::Property, "fget") => Some(i.field(fields::FGET)),
            (TypeId::Property, "fset") => Some(i.field(fields::FSET)),
            (TypeId::Property, "fdel") => Some(i.field(fields::FDEL)),
            (TypeId::Property, "__doc__") => Some(i.field(fields::DOC)),
            (TypeId::StaticMethod | TypeId::ClassMethod, "__func__" | "__wrapped__") => {
                Some(i.field(fields::FUNC))
            }
            (TypeId::StaticMethod | TypeId::ClassMethod, "__isabstractmethod__") => {
                Some(Value::Bool(false))
            }
            (TypeId::Super, "__thisclass__") => Some(i.field(fields::SUPER_TYPE)),
            (TypeId::Super, "__self__") => Some(i.field(fields::SUPER_OBJ)),
            (TypeId::Super, "__self_class__") => Some(i.field(fields::SUPER_OBJ_TYPE)),
            (TypeId::MemberDescriptor, "__name__") => Some(i.field(fields::MEMBER_NAME)),
            (TypeId::MemberDescriptor, "__objclass__") => Some(i.field(fields::MEMBER_OWNER)),
            _ => None,
        })
    }

    /// `cls.name` for a class: the metaclass's data descriptors, the class's
    /// MRO, then the metaclass's other attributes.
    pub fn class_getattr(&mut self, cls: Gc<TypeObj>, name: Gc<StrObj>) -> PyResult<Value> {
        if let Some(v) = self.class_special_attr(cls, name.as_str())? {
            return Ok(v);
        }
        let meta = self.metaclass_of(cls);
        let meta_attr = self.type_lookup(meta, name);
        if let Some(m) = meta_attr {
            if self.is_data_descr(m) {
                return self.descr_get(m, Some(Value::Type(cls)), meta);
            }
        }
        if let Some(a) = self.type_lookup(cls, name) {
            return self.descr_get(a, None, cls);
        }
        if let Some(m) = meta_attr {
            return self.descr_get(m, Some(Value::Type(cls)), meta);
        }
        if self.special_bits(meta) & special::GETATTR != 0 {
            let f = self.lookup_special(meta, "__getattr__").unwrap_or(Value::None);
            return self.call_method_value(f, &[Value::Type(cls), Value::Str(name)]);
        }
        Err(self.no_attribute(Value::Type(cls), name.as_str()))
    }

    /// The attributes every class has that are not in its namespace.
    fn class_special_attr(&mut self, cls: Gc<TypeObj>, name: &str) -> PyResult<Option<Value>> {
        let Some(cd) = cls.class() else { return Ok(None) };
        Ok(Some(match name {
            "__name__" => self.new_str(cd.name.get()),
            "__qualname__" => Value::Str(cd.qualname.get()),
            "__bases__" => {
                let b: Vec<Value> = cd.bases().into_iter().map(Value::Type).collect();
                self.new_tuple(b)
            }
            "__base__" => {
                let bases = cd.bases();
                match bases.first() {
                    Some(&b) => Value::Type(self.solid_base_of(&bases).unwrap_or(b)),
                    None => Value::None,
                }
            }
            "__mro__" => {
                let m: Vec<Value> = cd.mro().into_iter().map(Value::Type).collect();
                self.new_tuple(m)
            }
            "__dict__" => self.mapping_proxy(cd.dict),
            "__class__" => Value::Type(cd.metaclass.get()),
            _ => return Ok(None),
        }))
    }

    /// CPython's `__base__`: the first base whose layout the class extends.
    fn solid_base_of(&self, bases: &[Gc<TypeObj>]) -> Option<Gc<TypeObj>> {
        bases
            .iter()
            .copied()
            .find(|b| b.id != TypeId::Object || b.class().is_some_and(|c| c.nslots > 0))
    }

    /// A read-only view of a class namespace.
    pub fn mapping_proxy(&mut self, d: Gc<DictObj>) -> Value {
        let t = self.type_obj(TypeId::MappingProxy);
        let copy = d.table.with(|t| t.clone());
        let dd = self.heap.alloc(DictObj::from_table(copy));
        let inst = self.heap.alloc(InstanceObj::new(t, 0));
        inst.payload.set(Value::Dict(dd));
        Value::Instance(inst)
    }

    /// `(method, self)` for a call `obj.name(...)` on an instance, without
    /// a bound method when the attribute is a function of the class.
    pub fn instance_load_method(
        &mut self,
        obj: Value,
        name: Gc<StrObj>,
    ) -> PyResult<(Value, Value)> {
        if let (Some(TypeId::Super), Value::Instance(s)) = (native_kind(obj), obj) {
            if let Some(pair) = self.super_load_method(s, name)? {
                return Ok(pair);
            }
            if let Some(v) = self.super_getattr(s, name)? {
                return Ok((v, Value::Null));
            }
        }
        let t = self.type_of(obj);
        if self.special_bits(t) & special::GETATTRIBUTE == 0 {
            if let Some(d) = self.type_lookup(t, name) {
                match d {
                    Value::Function(_) if self.own_attr(obj, name).is_none() => {
                        return Ok((d, obj))
                    }
                    Value::Builtin(b)
                        if b.owner.is_some()
                            && b.bound.is_null()
                            && self.own_attr(obj, name).is_none() =>
                    {
                        let recv = self.native_receiver(b.owner.unwrap_or("object"), obj);
                        return Ok((d, recv));
                    }
                    _ => {}
                }
            }
        }
        Ok((self.get_attr(obj, Value::Str(name))?, Value::Null))
    }

    // ----- setattr / delattr ---------------------------------------------

    /// `obj.name = v` for instances and exceptions.
    pub fn instance_setattr(&mut self, obj: Value, name: Gc<StrObj>, v: Value) -> PyResult<()> {
        let t = self.type_of(obj);
        if self.special_bits(t) & special::SETATTR != 0 {
            let f = self.lookup_special(t, "__setattr__").unwrap_or(Value::None);
            self.call_method_value(f, &[obj, Value::Str(name), v])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__(obj, name, v)`.
    pub fn generic_setattr(&mut self, obj: Value, name: Gc<StrObj>, v: Value) -> PyResult<()> {
        let t = self.type_of(obj);
        if let Some(d) = self.type_lookup(t, name) {
            if self.descr_set(d, obj, Some(v), name)? {
                return Ok(());
            }
        }
        if let Value::Exception(e) = obj {
            // `args`, `__cause__`, `__traceback__`…, else its `__dict__`.
            return crate::builtins::exceptions::set_attr(self, e, name.as_str(), v);
        }
        if name.as_str() == "__class__" {
            return self.set_class(obj, v);
        }
        if name.as_str() == "__dict__" {
            if let Value::Instance(i) = obj {
                if i.class().class().is_some_and(|c| c.has_dict) {
                    let Value::Dict(d) = v else {
                        return Err(self.type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            self.type_name(v)
                        )));
                    };
                    let cd = i.class();
                    let ns = cd.class().map(|c| c.nslots).unwrap_or(0);
                    i.values.with_mut(|x| x.truncate(ns));
                    i.dict.set(Some(d));
                    return Ok(());
                }
            }
        }
        if self.store_own_attr(obj, name, v)? {
            return Ok(());
        }
        match native_kind(obj) {
            Some(TypeId::Object) | None => Err(self.no_attribute(obj, name.as_str())),
            Some(_) => Err(self.err(
                ExcKind::AttributeError,
                format!(
                    "'{}' object attribute '{}' is read-only",
                    self.type_name(obj),
                    name.as_str()
                ),
            )),
        }
    }

    /// `obj.__class__ = cls` between classes with the same layout.
    fn set_class(&mut self, obj: Value, v: Value) -> PyResult<()> {
        let Value::Type(new) = v else {
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(v)
            )));
        };
        let Value::Instance(i) = obj else {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        let old = i.class();
        let (Some(oc), Some(nc)) = (old.class(), new.class()) else {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        if oc.base != nc.base || oc.nslots != nc.nslots || oc.has_dict != nc.has_dict {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name(),
                old.name()
            )));
        }
        // Attributes move to a dict: the new class has its own key layout.
        if oc.has_dict {
            self.instance_dict(i);
        }
        i.class.set(new);
        Ok(())
    }

    /// `d.__set__(obj, v)` (or `__delete__` for `None`) if `d` is a data
    /// descriptor; `Ok(false)` if it is not one.
    fn descr_set(
        &mut self,
        d: Value,
        obj: Value,
        v: Option<Value>,
        name: Gc<StrObj>,
    ) -> PyResult<bool> {
        match self.descr_kind(d) {
            Descr::Property => {
                let Value::Instance(p) = d else { return Ok(false) };
                let (f, what) = match v {
                    Some(_) => (p.field(fields::FSET), "setter"),
                    None => (p.field(fields::FDEL), "deleter"),
                };
                if f.is_none() || f.is_null() {
                    let pname = match p.field(fields::PROP_NAME) {
                        Value::Str(s) => format!("'{}' ", s.as_str()),
                        _ => format!("'{}' ", name.as_str()),
                    };
                    return Err(self.err(
                        ExcKind::AttributeError,
                        format!(
                            "property {pname}of '{}' object has no {what}",
                            self.type_name(obj)
                        ),
                    ));
                }
                match v {
                    Some(x) => self.call_value(f, &[obj, x], &[])?,
                    None => self.call_value(f, &[obj], &[])?,
                };
                Ok(true)
            }
            Descr::Member => {
                let Value::Instance(m) = d else { return Ok(false) };
                if !self.member_applies(m, obj) {
                    return Err(self.member_type_error(m, obj));
                }
                let idx = m.field(fields::MEMBER_INDEX).as_int().unwrap_or(0) as usize;
                let Value::Instance(i) = obj else { return Ok(false) };
                match v {
                    Some(x) => i.set_slot(idx, x),
                    None => {
                        if i.slot(idx).is_null() {
                            return Err(self.no_attribute(obj, name.as_str()));
                        }
                        i.set_slot(idx, Value::Null);
                    }
                }
                Ok(true)
            }
            Descr::User { data: true } => {
                let t = self.type_of(d);
                let (mname, args) = match v {
                    Some(x) => ("__set__", vec![d, obj, x]),
                    None => ("__delete__", vec![d, obj]),
                };
                match self.lookup_special(t, mname) {
                    Some(f) => {
                        self.call_method_value(f, &args)?;
                        Ok(true)
                    }
                    None => Err(self.err(
                        ExcKind::AttributeError,
                        format!("__{}__", if v.is_some() { "set" } else { "delete" }),
                    )),
                }
            }
            _ => Ok(false),
        }
    }

    /// `del obj.name` for instances and exceptions.
    pub fn instance_delattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<()> {
        let t = self.type_of(obj);
        if self.special_bits(t) & special::DELATTR != 0 {
            let f = self.lookup_special(t, "__delattr__").unwrap_or(Value::None);
            self.call_method_value(f, &[obj, Value::Str(name)])?;
            return Ok(());
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__(obj, name)`.
    pub fn generic_delattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<()> {
        let t = self.type_of(obj);
        if let Some(d) = self.type_lookup(t, name) {
            if self.descr_set(d, obj, None, name)? {
                return Ok(());
            }
        }
        if self.delete_own_attr(obj, name) {
            return Ok(());
        }
        Err(self.no_attribute(obj, name.as_str()))
    }

    /// `cls.name = v` (`None`: `del cls.name`).
    pub fn class_setattr(
        &mut self,
        cls: Gc<TypeObj>,
        name: Gc<StrObj>,
        v: Option<Value>,
    ) -> PyResult<()> {
        let meta = self.metaclass_of(cls);
        if let Some(m) = self.type_lookup(meta, name) {
            if meta.class.is_some() && self.descr_set(m, Value::Type(cls), v, name)? {
                return Ok(());
            }
        }
        let Some(cd) = cls.class() else {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                cls.name()
            )));
        };
        match (name.as_str(), v) {
            ("__name__", Some(x)) => {
                let Value::Str(s) = x else {
                    return Err(self.type_error(format!(
                        "can only assign string to {}.__name__, not '{}'",
                        cls.name(),
                        self.type_name(x)
                    )));
                };
                let n = self.class_name_str(s.as_str());
                cd.name.set(n);
                return Ok(());
            }
            ("__qualname__", Some(x)) => {
                let Value::Str(s) = x else {
                    return Err(self.type_error(format!(
                        "can only assign string to {}.__qualname__, not '{}'",
                        cls.name(),
                        self.type_name(x)
                    )));
                };
                cd.qualname.set(s);
                return Ok(());
            }
            _ => {}
        }
        let key = Value::Str(name);
        match v {
            Some(x) => cd.dict.table.with_mut(|t| t.insert_hashed(name.hash(), key, x)),
            None => {
                if cd.dict.table.with_mut(|t| t.remove(key)).ok().flatten().is_none() {
                    return Err(self.no_attribute(Value::Type(cls), name.as_str()));
                }
            }
        }
        self.class_changed(cls);
        Ok(())
    }

    // ----- inline caches -------------------------------------------------

    /// `GetAttr`'s common case, for the dispatch loop to inline: the first
    /// cache way holds an instance slot of `inst`'s class at its current
    /// version and `inst` has it. (The first way whose version matches is
    /// the answer [`Vm::cached_getattr`] would give.)
    #[inline(always)]
    pub fn getattr_slot_hit(inst: &InstanceObj, cache: &[Cell<AttrCache>]) -> Option<Value> {
        let cls = inst.class();
        let cd = cls.class()?;
        let c = cache.first()?.get();
        if c.kind != cache::SLOT || c.version != cd.version.get() || inst.dict.get().is_some() {
            return None;
        }
        let v = inst.slot(c.index as usize);
        (!v.is_null()).then_some(v)
    }

    /// `GetAttr` on an instance, through the instruction's caches: the
    /// value, or (`Err`) a property getter for the dispatch loop to run.
    #[inline]
    pub fn cached_getattr(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<Result<Value, Gc<crate::runtime::function::FuncObj>>> {
        let cls = inst.class();
        if let Some(cd) = cls.class() {
            let version = cd.version.get();
            for entry in cache {
                let c = entry.get();
                if c.version != version {
                    continue;
                }
                // A property (a data descriptor) wins over the instance's
                // own attributes, whatever mode they are stored in.
                if let (cache::PROPERTY, Value::Function(f)) = (c.kind, c.value) {
                    return Ok(Err(f));
                }
                if inst.dict.get().is_none() {
                    match c.kind {
                        cache::SLOT => {
                            let v = inst.slot(c.index as usize);
                            if !v.is_null() {
                                return Ok(Ok(v));
                            }
                        }
                        cache::CLASS_VALUE => return Ok(Ok(c.value)),
                        cache::METHOD => {
                            return Ok(Ok(Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                                func: c.value,
                                receiver: Value::Instance(inst),
                            }))))
                        }
                        cache::CLASS_METHOD => {
                            return Ok(Ok(Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                                func: c.value,
                                receiver: Value::Type(cls),
                            }))))
                        }
                        _ => {}
                    }
                }
                break;
            }
        }
        self.getattr_fill(inst, name, cache).map(Ok)
    }

    #[cold]
    #[inline(never)]
    fn getattr_fill(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<Value> {
        if let Some(entry) = self.lookup_cache_entry(inst, name) {
            cache_insert(cache, entry);
        }
        self.get_attr(Value::Instance(inst), name)
    }

    /// What a cache for `inst.name` can hold (`None`: not cacheable).
    fn lookup_cache_entry(&mut self, inst: Gc<InstanceObj>, name: Value) -> Option<AttrCache> {
        let Value::Str(n) = name else { return None };
        let cls = inst.class();
        let cd = cls.class()?;
        if inst.dict.get().is_some()
            || cd.special.get().0 & (special::GETATTRIBUTE | special::GETATTR) != 0
        {
            return None;
        }
        let version = cd.version.get();
        let descr = self.type_lookup(cls, n);
        let key = cd.key_index(n);
        match descr {
            Some(d) if self.descr_kind(d) == Descr::Property => match d {
                Value::Instance(p) => match p.field(fields::FGET) {
                    f @ Value::Function(func)
                        if func.code.argcount == 1
                            && func.code.kwonlyargcount == 0
                            && !func.code.flags.varargs
                            && !func.code.flags.varkeywords
                            && !func.code.flags.generator =>
                    {
                        Some(AttrCache { version, kind: cache::PROPERTY, index: 0, value: f })
                    }
                    _ => None,
                },
                _ => None,
            },
            Some(d) if self.is_data_descr(d) => {
                if self.descr_kind(d) == Descr::Member {
                    if let Value::Instance(m) = d {
                        if self.member_applies(m, Value::Instance(inst)) {
                            let idx = m.field(fields::MEMBER_INDEX).as_int()? as u32;
                            return Some(AttrCache {
                                version,
                                kind: cache::SLOT,
                                index: idx,
                                value: Value::Null,
                            });
                        }
                    }
                }
                None
            }
            Some(d) => {
                if key.is_some() {
                    return None;
                }
                match self.descr_kind(d) {
                    Descr::Function => {
                        Some(AttrCache { version, kind: cache::METHOD, index: 0, value: d })
                    }
                    Descr::Plain => {
                        Some(AttrCache { version, kind: cache::CLASS_VALUE, index: 0, value: d })
                    }
                    Descr::Static => Some(AttrCache {
                        version,
                        kind: cache::CLASS_VALUE,
                        index: 0,
                        value: self.unwrap_static(d),
                    }),
                    Descr::ClassMethod => match d {
                        Value::Instance(cm) => Some(AttrCache {
                            version,
                            kind: cache::CLASS_METHOD,
                            index: 0,
                            value: cm.field(fields::FUNC),
                        }),
                        _ => None,
                    },
                    _ => None,
                }
            }
            None => key.map(|k| AttrCache {
                version,
                kind: cache::SLOT,
                index: k as u32,
                value: Value::Null,
            }),
        }
    }

    /// `LoadMethod` on an instance, through the instruction's caches.
    #[inline]
    pub fn cached_load_method(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<(Value, Value)> {
        let cls = inst.class();
        if let Some(cd) = cls.class() {
            let version = cd.version.get();
            if inst.dict.get().is_none() {
                for entry in cache {
                    let c = entry.get();
                    if c.version != version {
                        continue;
                    }
                    match c.kind {
                        cache::METHOD => return Ok((c.value, Value::Instance(inst))),
                        cache::CLASS_METHOD => return Ok((c.value, Value::Type(cls))),
                        cache::SLOT => {
                            let v = inst.slot(c.index as usize);
                            if !v.is_null() {
                                return Ok((v, Value::Null));
                            }
                        }
                        cache::CLASS_VALUE => return Ok((c.value, Value::Null)),
                        _ => {}
                    }
                    break;
                }
            }
        }
        self.load_method_fill(inst, name, cache)
    }

    #[cold]
    #[inline(never)]
    fn load_method_fill(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<(Value, Value)> {
        if let Some(entry) = self.lookup_cache_entry(inst, name) {
            cache_insert(cache, entry);
        }
        let Value::Str(n) = name else { return Ok((Value::None, Value::Null)) };
        self.instance_load_method(Value::Instance(inst), n)
    }

    /// `SetAttr` on an instance, through the instruction's caches.
    #[inline]
    pub fn cached_setattr(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        v: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<()> {
        let cls = inst.class();
        if let Some(cd) = cls.class() {
            let version = cd.version.get();
            if inst.dict.get().is_none() {
                for entry in cache {
                    let c = entry.get();
                    if c.version != version || c.kind != cache::STORE_SLOT {
                        continue;
                    }
                    let i = c.index as usize;
                    let done = inst.values.with_mut(|vals| {
                        if i < vals.len() {
                            if !vals[i].is_null() || i < cd.nslots {
                                vals[i] = v;
                                return true;
                            }
                            false
                        } else if i == vals.len() {
                            vals.push(v);
                            true
                        } else {
                            false
                        }
                    });
                    if done {
                        return Ok(());
                    }
                    break;
                }
            }
        }
        self.setattr_fill(inst, name, v, cache)
    }

    #[cold]
    #[inline(never)]
    fn setattr_fill(
        &mut self,
        inst: Gc<InstanceObj>,
        name: Value,
        v: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<()> {
        let Value::Str(n) = name else { return Ok(()) };
        self.set_attr(Value::Instance(inst), name, v)?;
        // Cache the slot the attribute went to, if the store was a plain one.
        let cls = inst.class();
        let Some(cd) = cls.class() else { return Ok(()) };
        if inst.dict.get().is_some() || cd.special.get().0 & special::SETATTR != 0 {
            return Ok(());
        }
        let descr = self.type_lookup(cls, n);
        let index = match descr {
            Some(d) if self.descr_kind(d) == Descr::Member => match d {
                Value::Instance(m) if self.member_applies(m, Value::Instance(inst)) => {
                    m.field(fields::MEMBER_INDEX).as_int().map(|i| i as usize)
                }
                _ => None,
            },
            Some(d) if self.is_data_descr(d) => None,
            _ => cd.key_index(n),
        };
        if let Some(i) = index {
            cache_insert(
                cache,
                AttrCache {
                    version: cd.version.get(),
                    kind: cache::STORE_SLOT,
                    index: i as u32,
                    value: Value::Null,
                },
            );
        }
        Ok(())
    }
}

impl Vm {
    /// `Class.name` (for `GetAttr` and `LoadMethod`) through the
    /// instruction's caches: a class attribute of a class whose metaclass is
    /// `type`, looked up along its MRO.
    #[inline]
    pub fn cached_class_getattr(
        &mut self,
        cls: Gc<TypeObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<Value> {
        if let Some(cd) = cls.class() {
            let version = cd.version.get();
            for entry in cache {
                let c = entry.get();
                if c.version == version && c.kind == cache::CLASS_VALUE {
                    return Ok(c.value);
                }
            }
        }
        self.class_getattr_fill(cls, name, cache)
    }

    #[cold]
    #[inline(never)]
    fn class_getattr_fill(
        &mut self,
        cls: Gc<TypeObj>,
        name: Value,
        cache: &[Cell<AttrCache>],
    ) -> PyResult<Value> {
        let v = self.get_attr(Value::Type(cls), name)?;
        let Value::Str(n) = name else { return Ok(v) };
        let Some(cd) = cls.class() else { return Ok(v) };
        if cd.metaclass.get().class.is_some() || self.class_special_attr_name(n.as_str()) {
            return Ok(v);
        }
        if let Some(d) = self.type_lookup(cls, n) {
            let cacheable =
                matches!(self.descr_kind(d), Descr::Plain | Descr::Function | Descr::Static);
            if cacheable {
                let entry = AttrCache {
                    version: cd.version.get(),
                    kind: cache::CLASS_VALUE,
                    index: 0,
                    value: self.unwrap_static(d),
                };
                cache_insert(cache, entry);
            }
        }
        Ok(v)
    }

    /// Names `class_special_attr` answers (never cached).
    fn class_special_attr_name(&self, n: &str) -> bool {
        matches!(
            n,
            "__name__"
                | "__qualname__"
                | "__bases__"
                | "__base__"
                | "__mro__"
                | "__dict__"
                | "__class__"
        )
    }
}

/// Put `entry` first in an instruction's caches (replacing an entry for
/// the same class version, else dropping the oldest).
fn cache_insert(cache: &[Cell<AttrCache>], entry: AttrCache) {
    let n = cache.len();
    let stop = cache.iter().position(|c| c.get().version == entry.version).unwrap_or(n - 1);
    for i in (1..=stop).rev() {
        cache[i].set(cache[i - 1].get());
    }
    cache[0].set(entry);
}

impl Vm {
    /// `T.name` for a builtin type, after its own attributes: the natives of
    /// its MRO, then `type`'s (bound to `T`).
    pub fn builtin_type_getattr(&mut self, t: Gc<TypeObj>, name: Gc<StrObj>) -> PyResult<Value> {
        match name.as_str() {
            "__mro__" => {
                let m: Vec<Value> = self.mro_of(t).into_iter().map(Value::Type).collect();
                return Ok(self.new_tuple(m));
            }
            "__bases__" | "__base__" => {
                let mro = self.mro_of(t);
                let base = mro.get(1).copied();
                return Ok(match (name.as_str(), base) {
                    ("__base__", Some(b)) => Value::Type(b),
                    ("__base__", None) => Value::None,
                    (_, Some(b)) => self.new_tuple(vec![Value::Type(b)]),
                    (_, None) => self.new_tuple(Vec::new()),
                });
            }
            "__class__" => return Ok(Value::Type(self.type_obj(TypeId::Type))),
            "__doc__" => return Ok(Value::None),
            _ => {}
        }
        if let Some(v) = self.type_lookup(t, name) {
            return self.descr_get(v, None, t);
        }
        let meta = self.type_obj(TypeId::Type);
        if let Some(v) = self.type_lookup(meta, name) {
            return self.descr_get(v, Some(Value::Type(t)), meta);
        }
        Err(self.no_attribute(Value::Type(t), name.as_str()))
    }

    /// `C[k]` for a class: `__class_getitem__`.
    pub fn class_getitem(&mut self, t: Gc<TypeObj>, k: Value) -> PyResult<Value> {
        let meta = self.metaclass_of(t);
        if meta.class.is_some() {
            if let Some(r) =
                self.call_dunder(Value::Type(t), special::GETITEM, "__getitem__", &[k])?
            {
                return Ok(r);
            }
        }
        if let Some(f) = self.lookup_special(t, "__class_getitem__") {
            let bound = self.descr_get(f, None, t)?;
            return self.call_value(bound, &[k], &[]);
        }
        Err(self.type_error(format!("type '{}' is not subscriptable", t.name())))
    }
}
