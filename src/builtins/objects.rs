//! The object model's builtins: `object` and `type` (their `__new__`,
//! `__init__`, `__setattr__`... as natives, so `super().__init__()` and
//! `object.__setattr__(self, ...)` work), `property`, `staticmethod`,
//! `classmethod`, `super`, `__build_class__`, `BaseException.__init__`, and
//! the special methods of the builtin types that classes deriving from
//! them reach through `super()` (`list.__init__`, `dict.__setitem__`...).

use super::args::no_kwargs;
use super::check_args;
use crate::runtime::class::special;
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::instance::InstanceObj;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::value::Value;
use crate::syntax::ast::Operator;
use crate::vm::classes::fields;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    use TypeId::*;
    vm.add_builtin("__build_class__", build_class);
    vm.add_builtin("delattr", delattr);
    for (name, id) in [
        ("super", Super),
        ("property", Property),
        ("staticmethod", StaticMethod),
        ("classmethod", ClassMethod),
    ] {
        let t = vm.types[id as usize];
        let key = Value::Str(vm.intern(name));
        let _ = vm.builtins.set(key, Value::Type(t));
    }
    // object
    vm.add_method(Object, "__init__", object_init);
    vm.add_method(Object, "__new__", object_new);
    vm.add_method(Object, "__repr__", object_repr);
    vm.add_method(Object, "__str__", object_str);
    vm.add_method(Object, "__eq__", object_eq);
    vm.add_method(Object, "__ne__", object_ne);
    vm.add_method(Object, "__lt__", not_implemented);
    vm.add_method(Object, "__le__", not_implemented);
    vm.add_method(Object, "__gt__", not_implemented);
    vm.add_method(Object, "__ge__", not_implemented);
    vm.add_method(Object, "__hash__", object_hash);
    vm.add_method(Object, "__getattribute__", object_getattribute);
    vm.add_method(Object, "__setattr__", object_setattr);
    vm.add_method(Object, "__delattr__", object_delattr);
    vm.add_method(Object, "__format__", object_format);
    vm.add_method(Object, "__init_subclass__", object_init_subclass);
    vm.add_method(Object, "__dir__", object_dir);
    vm.add_method(Object, "__subclasshook__", not_implemented);
    // type
    vm.add_method(Type, "__new__", type_new);
    vm.add_method(Type, "__init__", type_init);
    vm.add_method(Type, "__call__", type_call);
    vm.add_method(Type, "mro", type_mro);
    vm.add_method(Type, "__subclasses__", type_subclasses);
    vm.add_method(Type, "__instancecheck__", type_instancecheck);
    vm.add_method(Type, "__subclasscheck__", type_subclasscheck);
    vm.add_method(Type, "__prepare__", type_prepare);
    // property
    vm.add_method(Property, "getter", property_getter);
    vm.add_method(Property, "setter", property_setter);
    vm.add_method(Property, "deleter", property_deleter);
    vm.add_method(Property, "__get__", property_get);
    vm.add_method(Property, "__set__", property_set);
    vm.add_method(Property, "__delete__", property_delete);
    vm.add_method(Property, "__set_name__", property_set_name);
    // exceptions
    vm.add_method(Exception, "__init__", exc_init);
    vm.add_method(Exception, "__new__", builtin_new);
    vm.add_method(Exception, "__str__", exc_str);
    vm.add_method(Exception, "__repr__", exc_repr);
    // builtin bases
    for id in [Int, Float, Str, Tuple, FrozenSet, Bytes, List, Dict, Set] {
        vm.add_method(id, "__new__", builtin_new);
        vm.add_method(id, "__repr__", dunder_repr);
        vm.add_method(id, "__str__", dunder_str);
        vm.add_method(id, "__eq__", dunder_eq);
        vm.add_method(id, "__ne__", dunder_ne);
        vm.add_method(id, "__lt__", dunder_lt);
        vm.add_method(id, "__le__", dunder_le);
        vm.add_method(id, "__gt__", dunder_gt);
        vm.add_method(id, "__ge__", dunder_ge);
        if matches!(id, Int | Float | Str | Tuple | FrozenSet | Bytes) {
            vm.add_method(id, "__hash__", dunder_hash);
        }
        if !matches!(id, Int | Float) {
            vm.add_method(id, "__len__", dunder_len);
            vm.add_method(id, "__contains__", dunder_contains);
            vm.add_method(id, "__iter__", dunder_iter);
        }
        if matches!(id, Str | Tuple | Bytes | List | Dict) {
            vm.add_method(id, "__getitem__", dunder_getitem);
        }
    }
    for id in [List, Dict] {
        vm.add_method(id, "__init__", builtin_init);
        vm.add_method(id, "__setitem__", dunder_setitem);
        vm.add_method(id, "__delitem__", dunder_delitem);
    }
    vm.add_method(Set, "__init__", builtin_init);
    vm.add_method(Int, "__index__", dunder_index);
    vm.add_method(Int, "__int__", dunder_index);
    vm.add_method(Int, "__bool__", dunder_bool);
    vm.add_method(Float, "__bool__", dunder_bool);
    vm.add_method(Float, "__float__", dunder_float);
    vm.add_method(Int, "__float__", dunder_float);
    for id in [Int, Float] {
        vm.add_method(id, "__neg__", dunder_neg);
        vm.add_method(id, "__pos__", dunder_pos);
        vm.add_method(id, "__abs__", dunder_abs);
        vm.add_method(id, "__add__", dunder_add);
        vm.add_method(id, "__sub__", dunder_sub);
        vm.add_method(id, "__mul__", dunder_mul);
        vm.add_method(id, "__truediv__", dunder_truediv);
        vm.add_method(id, "__floordiv__", dunder_floordiv);
        vm.add_method(id, "__mod__", dunder_mod);
        vm.add_method(id, "__pow__", dunder_pow);
        vm.add_method(id, "__radd__", dunder_radd);
        vm.add_method(id, "__rsub__", dunder_rsub);
        vm.add_method(id, "__rmul__", dunder_rmul);
        vm.add_method(id, "__rtruediv__", dunder_rtruediv);
    }
    vm.add_method(Int, "__invert__", dunder_invert);
    for id in [Str, List, Tuple, Bytes] {
        vm.add_method(id, "__add__", dunder_add);
        vm.add_method(id, "__mul__", dunder_mul);
        vm.add_method(id, "__rmul__", dunder_rmul);
    }
    vm.add_method(Str, "__mod__", dunder_mod);
    vm.add_method(Str, "__format__", dunder_format);
    vm.add_method(Int, "__format__", dunder_format);
    vm.add_method(Float, "__format__", dunder_format);
}

fn build_class(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    vm.build_class(args, kw)
}

fn delattr(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "delattr", kw)?;
    check_args(vm, "delattr", args, 2, 2)?;
    attr_name(vm, args[1])?;
    vm.del_attr(args[0], args[1])?;
    Ok(Value::None)
}

/// `property(fget=None, fset=None, fdel=None, doc=None)` and the other
/// native object types called as constructors.
pub fn construct(
    vm: &mut Vm,
    t: crate::runtime::heap::Gc<TypeObj>,
    args: &[Value],
    kw: KwArgs,
) -> PyResult<Value> {
    match t.id {
        TypeId::Object => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(vm.type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(vm.heap.alloc(InstanceObj::new(t, 0))))
        }
        TypeId::Property => {
            let names = ["fget", "fset", "fdel", "doc"];
            let mut f = [Value::None; 4];
            if args.len() > 4 {
                return Err(vm.type_error(format!(
                    "property() takes at most 4 arguments ({} given)",
                    args.len()
                )));
            }
            f[..args.len()].copy_from_slice(args);
            for &(k, v) in kw {
                let k = k.as_str().unwrap_or("");
                match names.iter().position(|n| *n == k) {
                    Some(i) => f[i] = v,
                    None => {
                        return Err(vm.type_error(format!(
                            "property() got an unexpected keyword argument '{k}'"
                        )))
                    }
                }
            }
            // The getter's docstring becomes the property's.
            if f[3].is_none() {
                if let Value::Function(func) = f[0] {
                    if func.code.flags.docstring {
                        f[3] = func.code.consts.first().copied().unwrap_or(Value::None);
                    }
                }
            }
            let fields = vec![f[0], f[1], f[2], f[3], Value::None];
            Ok(Value::Instance(vm.heap.alloc(InstanceObj::with_fields(t, fields))))
        }
        TypeId::StaticMethod | TypeId::ClassMethod => {
            no_kwargs(vm, t.name(), kw)?;
            if args.len() != 1 {
                return Err(vm.type_error(format!(
                    "{} expected 1 argument, got {}",
                    t.name(),
                    args.len()
                )));
            }
            Ok(vm.wrap_method(t.id, args[0]))
        }
        TypeId::Super => {
            no_kwargs(vm, "super", kw)?;
            vm.make_super(args)
        }
        TypeId::Type => {
            if args.len() == 1 && kw.is_empty() {
                return Ok(Value::Type(vm.type_of(args[0])));
            }
            if args.len() != 3 {
                return Err(vm.type_error("type() takes 1 or 3 arguments"));
            }
            vm.type_new(t, args[0], args[1], args[2], kw)
        }
        _ => Err(vm.type_error(format!("cannot create '{}' instances", t.name()))),
    }
}

fn not_implemented(_: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

// ----- object ---------------------------------------------------------------

fn object_init(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !args.is_empty() || !kw.is_empty() {
        let t = vm.type_of(s);
        let bits = vm.special_bits(t);
        if bits & special::INIT != 0 {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if bits & special::NEW == 0 {
            return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, cls: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::Type(t) = cls else {
        return Err(vm.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if !args.is_empty() || !kw.is_empty() {
        let bits = vm.special_bits(t);
        if bits & special::NEW != 0 {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if bits & special::INIT == 0 {
            return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    if t.class.is_none() {
        return construct(vm, t, &[], &[]);
    }
    vm.new_object(t, &[], &[])
}

fn object_repr(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = match s {
        Value::Instance(i) if i.payload.get().is_null() => vm.default_repr(s),
        Value::Instance(_) | Value::Exception(_) => vm.default_repr(s),
        Value::Type(t) => format!("<class '{}'>", vm.qualified_name(t)),
        other => vm.repr(other)?,
    };
    Ok(vm.new_str(r))
}

fn object_str(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = vm.repr(s)?;
    Ok(vm.new_str(r))
}

fn object_eq(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__eq__", args, 1, 1)?;
    Ok(if s.is(args[0]) { Value::Bool(true) } else { Value::NotImplemented })
}

fn object_ne(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__ne__", args, 1, 1)?;
    let t = vm.type_of(s);
    let r = match vm.user_special(t, "__eq__") {
        Some(f) if !f.is_none() => vm.call_method_value(f, &[s, args[0]])?,
        _ => {
            if s.is(args[0]) {
                Value::Bool(true)
            } else {
                Value::NotImplemented
            }
        }
    };
    Ok(match r {
        Value::NotImplemented => r,
        other => Value::Bool(!vm.truthy(other)?),
    })
}

fn object_hash(_: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Int((s.heap_addr().unwrap_or(0) >> 4) as i64))
}

fn attr_name(
    vm: &mut Vm,
    v: Value,
) -> PyResult<crate::runtime::heap::Gc<crate::runtime::str::StrObj>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(
            vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(other)))
        ),
    }
}

fn object_getattribute(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__getattribute__", args, 1, 1)?;
    let n = attr_name(vm, args[0])?;
    match s {
        Value::Instance(_) | Value::Exception(_) => match vm.generic_getattr(s, n)? {
            Some(v) => Ok(v),
            None => Err(vm.no_attribute(s, n.as_str())),
        },
        Value::Type(t) if t.class.is_some() => vm.class_getattr(t, n),
        other => vm.get_attr(other, args[0]),
    }
}

fn object_setattr(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__setattr__", args, 2, 2)?;
    let n = attr_name(vm, args[0])?;
    match s {
        Value::Instance(_) | Value::Exception(_) => vm.generic_setattr(s, n, args[1])?,
        other => vm.set_attr(other, args[0], args[1])?,
    }
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__delattr__", args, 1, 1)?;
    let n = attr_name(vm, args[0])?;
    match s {
        Value::Instance(_) | Value::Exception(_) => vm.generic_delattr(s, n)?,
        other => vm.del_attr(other, args[0])?,
    }
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__format__", args, 1, 1)?;
    let Value::Str(spec) = args[0] else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(args[0])
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(s)
        )));
    }
    let r = vm.str_of(s)?;
    Ok(vm.new_str(r))
}

fn object_init_subclass(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let name = match s {
            Value::Type(t) => t.name(),
            _ => "object",
        };
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    check_args(vm, "__init_subclass__", args, 0, 0)?;
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    super::introspect::dir_of(vm, s)
}

// ----- type -----------------------------------------------------------------

fn type_new(vm: &mut Vm, meta: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::Type(m) = meta else {
        return Err(vm.type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            vm.type_name(meta)
        )));
    };
    if args.len() == 1 && kw.is_empty() && m.class.is_none() {
        return Ok(Value::Type(vm.type_of(args[0])));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            args.len()
        )));
    }
    vm.type_new(m, args[0], args[1], args[2], kw)
}

fn type_init(vm: &mut Vm, _: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() == 1 && !kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if args.len() != 1 && args.len() != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn type_call(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::Type(t) = s else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    if t.class.is_none() {
        return crate::builtins::call_type(vm, t, args, kw);
    }
    vm.type_call(t, args, kw)
}

fn type_mro(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let Value::Type(t) = s else { return Ok(Value::None) };
    let m: Vec<Value> = vm.mro_of(t).into_iter().map(Value::Type).collect();
    Ok(vm.new_list(m))
}

fn type_subclasses(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let Value::Type(t) = s else { return Ok(Value::None) };
    let subs: Vec<Value> = vm
        .classes
        .registry
        .iter()
        .filter(|c| {
            c.class().is_some_and(|cd| {
                cd.bases.with(|b| b.iter().any(|x| crate::runtime::heap::Gc::ptr_eq(*x, t)))
            })
        })
        .map(|c| Value::Type(*c))
        .collect();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__instancecheck__", args, 1, 1)?;
    let Value::Type(t) = s else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(vm.is_instance_of(args[0], t)))
}

fn type_subclasscheck(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__subclasscheck__", args, 1, 1)?;
    let (Value::Type(t), Value::Type(c)) = (s, args[0]) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(vm.is_subtype(c, t)))
}

fn type_prepare(vm: &mut Vm, _: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Dict(vm.heap.alloc(crate::runtime::dict::DictObj::new())))
}

// ----- property ---------------------------------------------------------------

fn property_fields(vm: &mut Vm, p: Value) -> PyResult<Vec<Value>> {
    match p {
        Value::Instance(i) => Ok(i.values.with(|v| v.clone())),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'property' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn property_with(vm: &mut Vm, p: Value, index: usize, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "property", args, 1, 1)?;
    let mut f = property_fields(vm, p)?;
    f.resize(5, Value::None);
    f[index] = args[0];
    if index == fields::FGET {
        if let Value::Function(func) = args[0] {
            if func.code.flags.docstring {
                f[fields::DOC] = func.code.consts.first().copied().unwrap_or(Value::None);
            }
        }
    }
    let t = vm.type_obj(TypeId::Property);
    Ok(Value::Instance(vm.heap.alloc(InstanceObj::with_fields(t, f))))
}

fn property_getter(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    property_with(vm, s, fields::FGET, args)
}

fn property_setter(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    property_with(vm, s, fields::FSET, args)
}

fn property_deleter(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    property_with(vm, s, fields::FDEL, args)
}

fn property_get(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__get__", args, 1, 2)?;
    if args[0].is_none() {
        return Ok(s);
    }
    let owner = vm.type_of(args[0]);
    vm.descr_get(s, Some(args[0]), owner)
}

fn property_set(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__set__", args, 2, 2)?;
    let f = property_fields(vm, s)?;
    let fset = f.get(fields::FSET).copied().unwrap_or(Value::None);
    if fset.is_none() {
        return Err(vm.err(ExcKind::AttributeError, "can't set attribute"));
    }
    vm.call_value(fset, args, &[])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__delete__", args, 1, 1)?;
    let f = property_fields(vm, s)?;
    let fdel = f.get(fields::FDEL).copied().unwrap_or(Value::None);
    if fdel.is_none() {
        return Err(vm.err(ExcKind::AttributeError, "can't delete attribute"));
    }
    vm.call_value(fdel, args, &[])?;
    Ok(Value::None)
}

fn property_set_name(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__set_name__", args, 2, 2)?;
    if let Value::Instance(i) = s {
        if i.field(fields::PROP_NAME).is_none() {
            i.set_slot(fields::PROP_NAME, args[1]);
        }
    }
    Ok(Value::None)
}

// ----- exceptions -------------------------------------------------------------

fn exc_init(_: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    if let Value::Exception(e) = s {
        e.set_args(args.to_vec());
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = match s {
        Value::Exception(e) => vm.exc_str(&e),
        other => vm.str_of(other)?,
    };
    Ok(vm.new_str(r))
}

fn exc_repr(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = match s {
        Value::Exception(e) => {
            let args = e.args();
            let mut out = format!("{}(", vm.type_name(s));
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr(*a)?);
            }
            out.push(')');
            out
        }
        other => vm.repr(other)?,
    };
    Ok(vm.new_str(r))
}

// ----- the builtin types' special methods ---------------------------------------

/// `int.__new__(cls, ...)` and friends: a builtin value, or an instance of
/// a class deriving from the builtin type.
fn builtin_new(vm: &mut Vm, cls: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::Type(t) = cls else {
        return Err(
            vm.type_error(format!("__new__(X): X is not a type object ({})", vm.type_name(cls)))
        );
    };
    if t.class.is_none() {
        return crate::builtins::call_type(vm, t, args, kw);
    }
    vm.new_object(t, args, kw)
}

fn builtin_init(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match s {
        Value::List(l) => {
            no_kwargs(vm, "list", kw)?;
            check_args(vm, "list", args, 0, 1)?;
            let items = match args.first() {
                Some(&src) => vm.collect_iter(src)?,
                None => Vec::new(),
            };
            l.items.with_mut(|v| *v = items);
        }
        Value::Dict(d) => {
            if args.len() > 1 {
                return Err(
                    vm.type_error(format!("dict expected at most 1 argument, got {}", args.len()))
                );
            }
            if let Some(&src) = args.first() {
                vm.dict_update(d, src)?;
            }
            for &(k, v) in kw {
                vm.dict_set(d, k, v)?;
            }
        }
        Value::Set(st) => {
            check_args(vm, "set", args, 0, 1)?;
            let t = match args.first() {
                Some(&src) => vm.set_table_from(src)?,
                None => crate::runtime::settable::SetTable::new(),
            };
            st.table.with_mut(|x| *x = t);
        }
        _ => {}
    }
    Ok(Value::None)
}

fn dunder_repr(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = vm.repr(s)?;
    Ok(vm.new_str(r))
}

fn dunder_str(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    let r = vm.str_of(s)?;
    Ok(vm.new_str(r))
}

fn dunder_format(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__format__", args, 1, 1)?;
    let spec = args[0].as_str().unwrap_or("").to_string();
    let r = vm.format(s, &spec)?;
    Ok(vm.new_str(r))
}

fn dunder_len(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.len(s)? as i64))
}

fn dunder_contains(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__contains__", args, 1, 1)?;
    Ok(Value::Bool(vm.contains(s, args[0])?))
}

fn dunder_iter(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.iter(s)
}

fn dunder_getitem(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__getitem__", args, 1, 1)?;
    vm.get_item(s, args[0])
}

fn dunder_setitem(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__setitem__", args, 2, 2)?;
    vm.set_item(s, args[0], args[1])?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
    check_args(vm, "__delitem__", args, 1, 1)?;
    vm.del_item(s, args[0])?;
    Ok(Value::None)
}

fn dunder_hash(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(s)?))
}

fn dunder_index(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.index_value(s)
}

fn dunder_bool(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(s)?))
}

fn dunder_float(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    super::types::float_new(vm, s)
}

/// A comparison dunder: `NotImplemented` when the types do not compare.
fn compare_dunder(vm: &mut Vm, op: u8, s: Value, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "comparison", args, 1, 1)?;
    let other = vm.unwrap_payload(args[0]);
    if crate::vm::dunder::is_instance(other) {
        return Ok(Value::NotImplemented);
    }
    let r = match op {
        4 => vm.eq(s, other),
        5 => vm.eq(s, other).map(|b| !b),
        _ => vm.compare(op, s, other),
    };
    match r {
        Ok(b) => Ok(Value::Bool(b)),
        Err(e) if e.0.kind == ExcKind::TypeError => Ok(Value::NotImplemented),
        Err(e) => Err(e),
    }
}

macro_rules! compare_dunders {
    ( $( $name:ident = $op:expr ),* ) => {
        $(
            fn $name(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
                compare_dunder(vm, $op, s, args)
            }
        )*
    };
}

compare_dunders!(
    dunder_lt = 0,
    dunder_le = 1,
    dunder_gt = 2,
    dunder_ge = 3,
    dunder_eq = 4,
    dunder_ne = 5
);

/// An arithmetic dunder: `NotImplemented` when the types do not combine.
fn binary_dunder(
    vm: &mut Vm,
    op: Operator,
    s: Value,
    args: &[Value],
    reflected: bool,
) -> PyResult<Value> {
    check_args(vm, "operator", args, 1, 1)?;
    let other = vm.unwrap_payload(args[0]);
    if crate::vm::dunder::is_instance(other) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected { (other, s) } else { (s, other) };
    match vm.binary_op(op, a, b) {
        Err(e) if e.0.kind == ExcKind::TypeError => {
            let msg = vm.exc_str(&e.0);
            if msg.starts_with("unsupported operand")
                || msg.starts_with("can only concatenate")
                || msg.starts_with("can't multiply")
            {
                Ok(Value::NotImplemented)
            } else {
                Err(e)
            }
        }
        r => r,
    }
}

macro_rules! binary_dunders {
    ( $( $name:ident = $op:ident, $refl:expr );* ) => {
        $(
            fn $name(vm: &mut Vm, s: Value, args: &[Value], _: KwArgs) -> PyResult<Value> {
                binary_dunder(vm, Operator::$op, s, args, $refl)
            }
        )*
    };
}

binary_dunders!(
    dunder_add = Add, false;
    dunder_sub = Sub, false;
    dunder_mul = Mult, false;
    dunder_truediv = Div, false;
    dunder_floordiv = FloorDiv, false;
    dunder_mod = Mod, false;
    dunder_pow = Pow, false;
    dunder_radd = Add, true;
    dunder_rsub = Sub, true;
    dunder_rmul = Mult, true;
    dunder_rtruediv = Div, true
);

fn dunder_neg(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.unary_op(0, s)
}

fn dunder_pos(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.unary_op(1, s)
}

fn dunder_invert(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    vm.unary_op(2, s)
}

fn dunder_abs(vm: &mut Vm, s: Value, _: &[Value], _: KwArgs) -> PyResult<Value> {
    match s {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i >= 0 => Ok(s),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ => {
            let neg = match s {
                Value::Int(i) => i < 0,
                Value::BigInt(b) => num_traits::Signed::is_negative(&b.value),
                _ => false,
            };
            if neg {
                vm.unary_op(0, s)
            } else {
                Ok(s)
            }
        }
    }
}
