//! Methods of the builtin types: `list`, `dict`, `set`, `str` (glue over
//! [`super::str_methods`]), `tuple`, `int`, `float`.

use super::args::{int_arg, kwarg, no_kwargs, only_kwargs};
use super::str_methods as sm;
use crate::runtime::compare::{hash_key, needs_vm_hash};
use crate::runtime::dict::{DictViewObj, ViewKind};
use crate::runtime::exception::ExcKind;
use crate::runtime::function::KwArgs;
use crate::runtime::heap::Gc;
use crate::runtime::object::TypeId;
use crate::runtime::set::SetObj;
use crate::runtime::str::StrObj;
use crate::runtime::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    use TypeId::*;
    // list
    vm.add_method(List, "append", list_append);
    vm.add_method(List, "extend", list_extend);
    vm.add_method(List, "pop", list_pop);
    vm.add_method(List, "insert", list_insert);
    vm.add_method(List, "remove", list_remove);
    vm.add_method(List, "index", seq_index);
    vm.add_method(List, "count", seq_count);
    vm.add_method(List, "sort", list_sort);
    vm.add_method(List, "reverse", list_reverse);
    vm.add_method(List, "copy", list_copy);
    vm.add_method(List, "clear", list_clear);
    vm.add_method(Tuple, "index", seq_index);
    vm.add_method(Tuple, "count", seq_count);
    // dict
    vm.add_method(Dict, "get", dict_get);
    vm.add_method(Dict, "keys", dict_keys);
    vm.add_method(Dict, "values", dict_values);
    vm.add_method(Dict, "items", dict_items);
    vm.add_method(Dict, "pop", dict_pop);
    vm.add_method(Dict, "setdefault", dict_setdefault);
    vm.add_method(Dict, "update", dict_update);
    vm.add_method(Dict, "copy", dict_copy);
    vm.add_method(Dict, "clear", dict_clear);
    vm.add_method(Dict, "popitem", dict_popitem);
    vm.add_method(DictKeys, "isdisjoint", view_isdisjoint);
    vm.add_method(DictItems, "isdisjoint", view_isdisjoint);
    // set
    vm.add_method(Set, "add", set_add);
    vm.add_method(Set, "remove", set_remove);
    vm.add_method(Set, "discard", set_discard);
    vm.add_method(Set, "pop", set_pop);
    vm.add_method(Set, "clear", set_clear);
    vm.add_method(Set, "update", set_update);
    vm.add_method(Set, "intersection_update", set_intersection_update);
    vm.add_method(Set, "difference_update", set_difference_update);
    vm.add_method(Set, "symmetric_difference_update", set_symdiff_update);
    for ty in [Set, FrozenSet] {
        vm.add_method(ty, "union", set_union);
        vm.add_method(ty, "intersection", set_intersection);
        vm.add_method(ty, "difference", set_difference);
        vm.add_method(ty, "symmetric_difference", set_symdiff);
        vm.add_method(ty, "issubset", set_issubset);
        vm.add_method(ty, "issuperset", set_issuperset);
        vm.add_method(ty, "isdisjoint", set_isdisjoint);
        vm.add_method(ty, "copy", set_copy);
    }
    // str
    for (name, f) in STR_METHODS {
        vm.add_method(Str, name, *f);
    }
}

fn list_of(v: Value) -> crate::runtime::heap::Gc<crate::runtime::list::ListObj> {
    match v {
        Value::List(l) => l,
        _ => unreachable!("method bound to a list"),
    }
}

fn nargs(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if max == 0 {
            format!("{name}() takes no arguments ({} given)", args.len())
        } else if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({} given)", args.len())
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

// ----- list --------------------------------------------------------------

fn list_append(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "list.append", kw)?;
    nargs(vm, "list.append", args, 1, 1)?;
    list_of(s).push(args[0]);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "list.extend", kw)?;
    nargs(vm, "list.extend", args, 1, 1)?;
    let items = vm.collect_iter(args[0])?;
    list_of(s).items.with_mut(|v| v.extend(items));
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "pop", kw)?;
    nargs(vm, "pop", args, 0, 1)?;
    let l = list_of(s);
    let n = l.len() as i64;
    if n == 0 {
        return Err(vm.err(ExcKind::IndexError, "pop from empty list"));
    }
    let i = match args.first() {
        Some(&v) => int_arg(vm, v, "")?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.err(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(l.items.with_mut(|v| v.remove(j as usize)))
}

fn list_insert(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "insert", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len())));
    }
    let i = int_arg(vm, args[0], "")?;
    let l = list_of(s);
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.items.with_mut(|v| v.insert(j as usize, args[1]));
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "list.remove", kw)?;
    nargs(vm, "list.remove", args, 1, 1)?;
    let l = list_of(s);
    let items = l.snapshot();
    for (i, x) in items.into_iter().enumerate() {
        if x.is(args[0]) || vm.eq(x, args[0])? {
            l.items.with_mut(|v| {
                if i < v.len() {
                    v.remove(i);
                }
            });
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(s: Value) -> Vec<Value> {
    match s {
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn seq_index(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "index", kw)?;
    nargs(vm, "index", args, 1, 3)?;
    let items = seq_items(s);
    let n = items.len() as i64;
    let norm = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match args.get(1) {
        Some(&v) => norm(int_arg(vm, v, "")?),
        None => 0,
    };
    let stop = match args.get(2) {
        Some(&v) => norm(int_arg(vm, v, "")?),
        None => n,
    };
    for i in start..stop {
        let x = items[i as usize];
        if x.is(args[0]) || vm.eq(x, args[0])? {
            return Ok(Value::Int(i));
        }
    }
    let msg = if matches!(s, Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        let r = vm.repr(args[0])?;
        format!("{r} is not in list")
    };
    Err(vm.value_error(msg))
}

fn seq_count(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "count", kw)?;
    nargs(vm, "count", args, 1, 1)?;
    let mut c = 0;
    for x in seq_items(s) {
        if x.is(args[0]) || vm.eq(x, args[0])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn list_sort(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "sort", kw, &["key", "reverse"])?;
    if !args.is_empty() {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = list_of(s);
    let mut items = l.items.with_mut(std::mem::take);
    let r = super::sort::sort_with(vm, &mut items, kw);
    let modified = l.items.with(|v| !v.is_empty());
    l.items.with_mut(|v| *v = items);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "reverse", kw)?;
    nargs(vm, "reverse", args, 0, 0)?;
    list_of(s).items.with_mut(|v| v.reverse());
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "copy", kw)?;
    nargs(vm, "copy", args, 0, 0)?;
    let items = list_of(s).snapshot();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "clear", kw)?;
    nargs(vm, "clear", args, 0, 0)?;
    list_of(s).items.with_mut(|v| v.clear());
    Ok(Value::None)
}

// ----- dict --------------------------------------------------------------

fn dict_of(v: Value) -> crate::runtime::heap::Gc<crate::runtime::dict::DictObj> {
    match v {
        Value::Dict(d) => d,
        _ => unreachable!("method bound to a dict"),
    }
}

fn unhashable(vm: &mut Vm, k: Value) -> PyErr {
    vm.type_error(format!("unhashable type: '{}'", vm.type_name(k)))
}

fn dict_get(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "get", kw)?;
    nargs(vm, "get", args, 1, 2)?;
    let d = dict_of(s);
    let k = args[0];
    if !needs_vm_hash(k) {
        if let Some(h) = hash_key(k) {
            // Remembered for a following `d[k] = v` (see `Vm::dict_hit`).
            let found = d.table.with(|t| t.index_of(h, k).map(|i| (i, t.value_at(i), t.version)));
            return Ok(match found {
                Some((index, v, version)) => {
                    vm.dict_hit = crate::vm::DictHit { dict: d.addr(), version, key: k, index };
                    v
                }
                None => args.get(1).copied().unwrap_or(Value::None),
            });
        }
    }
    match vm.dict_lookup(d, k)? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).copied().unwrap_or(Value::None)),
    }
}

fn dict_view(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs, kind: ViewKind) -> PyResult<Value> {
    let name = match kind {
        ViewKind::Keys => "dict.keys",
        ViewKind::Values => "dict.values",
        ViewKind::Items => "dict.items",
    };
    no_kwargs(vm, name, kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())));
    }
    let dict = dict_of(s);
    Ok(Value::DictView(vm.heap.alloc(DictViewObj { dict, kind })))
}

fn dict_keys(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    dict_view(vm, s, args, kw, ViewKind::Keys)
}

fn dict_values(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    dict_view(vm, s, args, kw, ViewKind::Values)
}

fn dict_items(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    dict_view(vm, s, args, kw, ViewKind::Items)
}

/// `dict_keys.isdisjoint(other)` (and `dict_items`).
fn view_isdisjoint(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::DictView(dv) = s else { unreachable!("method bound to a dict view") };
    let name = if dv.kind == ViewKind::Keys { "dict_keys" } else { "dict_items" };
    no_kwargs(vm, &format!("{name}.isdisjoint"), kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}.isdisjoint() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let items = vm.collect_iter(args[0])?;
    for x in items {
        if vm.view_contains(dv, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `dict.fromkeys(iterable, value=None)`, bound to the `dict` type.
pub fn dict_fromkeys(vm: &mut Vm, _cls: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "dict.fromkeys", kw)?;
    nargs(vm, "fromkeys", args, 1, 2)?;
    let value = args.get(1).copied().unwrap_or(Value::None);
    let keys = vm.collect_iter(args[0])?;
    let d = vm.heap.alloc(crate::runtime::dict::DictObj::new());
    for k in keys {
        vm.dict_set(d, k, value)?;
    }
    Ok(Value::Dict(d))
}

fn dict_pop(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "pop", kw)?;
    nargs(vm, "pop", args, 1, 2)?;
    match vm.dict_remove(dict_of(s), args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.err_args(ExcKind::KeyError, vec![args[0]])),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "setdefault", kw)?;
    nargs(vm, "setdefault", args, 1, 2)?;
    let d = dict_of(s);
    match vm.dict_lookup(d, args[0])? {
        Some(v) => Ok(v),
        None => {
            let v = args.get(1).copied().unwrap_or(Value::None);
            vm.dict_set(d, args[0], v)?;
            Ok(v)
        }
    }
}

fn dict_update(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    nargs(vm, "update", args, 0, 1)?;
    let d = dict_of(s);
    if let Some(&src) = args.first() {
        vm.dict_update(d, src)?;
    }
    for &(k, v) in kw {
        vm.dict_set(d, k, v)?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "copy", kw)?;
    nargs(vm, "copy", args, 0, 0)?;
    let t = dict_of(s).table.with(|t| t.clone());
    Ok(Value::Dict(vm.heap.alloc(crate::runtime::dict::DictObj::from_table(t))))
}

fn dict_clear(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "clear", kw)?;
    nargs(vm, "clear", args, 0, 0)?;
    dict_of(s).table.with_mut(|t| t.clear());
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "popitem", kw)?;
    nargs(vm, "popitem", args, 0, 0)?;
    match dict_of(s).table.with_mut(|t| t.pop_last()) {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let m = vm.new_str("popitem(): dictionary is empty");
            Err(vm.err_args(ExcKind::KeyError, vec![m]))
        }
    }
}

// ----- set ---------------------------------------------------------------

fn set_of(v: Value) -> crate::runtime::heap::Gc<SetObj> {
    match v {
        Value::Set(s) => s,
        _ => unreachable!("method bound to a set"),
    }
}

/// `set.NAME` or `frozenset.NAME`, for messages.
fn set_name(s: Value, name: &str) -> String {
    let ty = if set_of(s).frozen { "frozenset" } else { "set" };
    format!("{ty}.{name}")
}

/// Keyword and count checks of a set method.
fn set_args(
    vm: &mut Vm,
    s: Value,
    name: &str,
    args: &[Value],
    kw: KwArgs,
    exactly: Option<usize>,
) -> PyResult<()> {
    let full = set_name(s, name);
    no_kwargs(vm, &full, kw)?;
    if let Some(n) = exactly {
        if args.len() != n {
            let msg = if n == 0 {
                format!("{full}() takes no arguments ({} given)", args.len())
            } else {
                format!("{full}() takes exactly one argument ({} given)", args.len())
            };
            return Err(vm.type_error(msg));
        }
    }
    Ok(())
}

fn set_add(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "add", args, kw, Some(1))?;
    if crate::runtime::compare::needs_vm_hash(args[0]) {
        vm.set_add_slow(set_of(s), args[0])?;
        return Ok(Value::None);
    }
    if set_of(s).table.with_mut(|t| t.add(args[0])).is_err() {
        return Err(unhashable(vm, args[0]));
    }
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "remove", args, kw, Some(1))?;
    if crate::runtime::compare::needs_vm_hash(args[0]) {
        if vm.set_discard_slow(set_of(s), args[0])? {
            return Ok(Value::None);
        }
        return Err(vm.err_args(ExcKind::KeyError, vec![args[0]]));
    }
    match set_of(s).table.with_mut(|t| t.discard(args[0])) {
        Ok(true) => Ok(Value::None),
        Ok(false) => Err(vm.err_args(ExcKind::KeyError, vec![args[0]])),
        Err(_) => Err(unhashable(vm, args[0])),
    }
}

fn set_discard(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "discard", args, kw, Some(1))?;
    if crate::runtime::compare::needs_vm_hash(args[0]) {
        vm.set_discard_slow(set_of(s), args[0])?;
        return Ok(Value::None);
    }
    match set_of(s).table.with_mut(|t| t.discard(args[0])) {
        Ok(_) => Ok(Value::None),
        Err(_) => Err(unhashable(vm, args[0])),
    }
}

fn set_pop(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "pop", args, kw, Some(0))?;
    match set_of(s).table.with_mut(|t| t.pop()) {
        Some(k) => Ok(k),
        None => {
            let m = vm.new_str("pop from an empty set");
            Err(vm.err_args(ExcKind::KeyError, vec![m]))
        }
    }
}

fn set_clear(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "clear", args, kw, Some(0))?;
    set_of(s).table.with_mut(|t| t.clear());
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "update", args, kw, None)?;
    for &a in args {
        vm.set_update_obj(set_of(s), a)?;
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "union", args, kw, None)?;
    let me = set_of(s);
    let mut t = me.table.with(|t| t.copy());
    for &a in args {
        if a.is(s) {
            continue;
        }
        vm.set_update_table(&mut t, a)?;
    }
    Ok(vm.new_set(t, me.frozen))
}

fn set_intersection(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "intersection", args, kw, None)?;
    let me = set_of(s);
    if args.is_empty() {
        let t = me.table.with(|t| t.copy());
        return Ok(vm.new_set(t, me.frozen));
    }
    let mut acc = me;
    for &a in args {
        let t = vm.set_intersection_table(acc, a)?;
        let Value::Set(n) = vm.new_set(t, me.frozen) else { unreachable!("a new set") };
        vm.temp_roots.push(Value::Set(n));
        acc = n;
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - args.len());
    Ok(Value::Set(acc))
}

fn set_intersection_update(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = set_intersection(vm, s, args, kw)?;
    let t = set_of(r).table.with(|t| t.clone());
    set_of(s).table.with_mut(|x| x.replace_body(t));
    Ok(Value::None)
}

fn set_difference(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "difference", args, kw, None)?;
    let me = set_of(s);
    let Some((&first, rest)) = args.split_first() else {
        let t = me.table.with(|t| t.copy());
        return Ok(vm.new_set(t, me.frozen));
    };
    let mut t = vm.set_difference_table(me, first)?;
    for &a in rest {
        vm.set_difference_update_table(&mut t, a)?;
    }
    Ok(vm.new_set(t, me.frozen))
}

fn set_difference_update(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "difference_update", args, kw, None)?;
    for &a in args {
        vm.set_difference_update_obj(set_of(s), a)?;
    }
    Ok(Value::None)
}

fn set_symdiff(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "symmetric_difference", args, kw, Some(1))?;
    let me = set_of(s);
    let t = vm.set_symdiff_table(me, args[0])?;
    Ok(vm.new_set(t, me.frozen))
}

fn set_symdiff_update(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "symmetric_difference_update", args, kw, Some(1))?;
    vm.set_symdiff_update_obj(set_of(s), args[0])?;
    Ok(Value::None)
}

/// The other operand of `issubset` and friends as a set table.
fn other_table(vm: &mut Vm, v: Value) -> PyResult<crate::runtime::settable::SetTable> {
    match v {
        Value::Set(o) => Ok(o.table.with(|t| t.clone())),
        _ => vm.set_table_from(v),
    }
}

fn set_issubset(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "issubset", args, kw, Some(1))?;
    let t = other_table(vm, args[0])?;
    Ok(Value::Bool(set_of(s).table.with(|me| me.is_subset(&t))))
}

fn set_issuperset(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "issuperset", args, kw, Some(1))?;
    let t = other_table(vm, args[0])?;
    Ok(Value::Bool(set_of(s).table.with(|me| t.is_subset(me))))
}

fn set_isdisjoint(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "isdisjoint", args, kw, Some(1))?;
    let items = vm.hashed_items(args[0])?;
    Ok(Value::Bool(
        set_of(s).table.with(|me| items.iter().all(|&(h, k)| !me.contains_hashed(h, k))),
    ))
}

fn set_copy(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, s, "copy", args, kw, Some(0))?;
    let me = set_of(s);
    if me.frozen {
        return Ok(s);
    }
    let t = me.table.with(|t| t.copy());
    Ok(vm.new_set(t, false))
}

// ----- str ---------------------------------------------------------------

type Native = crate::runtime::function::NativeFn;

const STR_METHODS: &[(&str, Native)] = &[
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("join", str_join),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("replace", str_replace),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("upper", str_upper),
    ("lower", str_lower),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("swapcase", str_swapcase),
    ("casefold", str_casefold),
    ("isdigit", str_isdigit),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("islower", str_islower),
    ("isupper", str_isupper),
    ("istitle", str_istitle),
    ("isidentifier", str_isidentifier),
    ("isascii", str_isascii),
    ("isprintable", str_isprintable),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("splitlines", str_splitlines),
    ("expandtabs", str_expandtabs),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("encode", str_encode),
    ("format", str_format),
];

fn text(s: Value) -> crate::runtime::heap::Gc<crate::runtime::str::StrObj> {
    match s {
        Value::Str(s) => s,
        _ => unreachable!("method bound to a str"),
    }
}

fn str_err(vm: &mut Vm, e: sm::StrError) -> PyErr {
    let kind = match e.exc {
        sm::ExcType::ValueError => ExcKind::ValueError,
        sm::ExcType::TypeError => ExcKind::TypeError,
        sm::ExcType::IndexError => ExcKind::IndexError,
        sm::ExcType::OverflowError => ExcKind::OverflowError,
        sm::ExcType::MemoryError => ExcKind::MemoryError,
        sm::ExcType::LookupError => ExcKind::LookupError,
        sm::ExcType::UnicodeEncodeError => ExcKind::UnicodeEncodeError,
    };
    if e.message.is_empty() {
        return vm.err_args(kind, Vec::new());
    }
    vm.err(kind, e.message)
}

/// A `str` argument, or CPython's "must be str" TypeError.
fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<Gc<StrObj>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
    }
}

fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<Gc<StrObj>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg(vm, v, what).map(Some),
    }
}

fn opt_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => {
            use num_traits::Signed;
            Ok(Some(if b.value.is_negative() { i64::MIN } else { i64::MAX }))
        }
        Some(v) => match v.as_int() {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// A piece of `whole` as a str: `whole` itself when the piece is all of it
/// (CPython returns the same object for an exact str).
#[inline]
fn piece(vm: &mut Vm, whole: Gc<StrObj>, p: &str) -> Value {
    if p.len() == whole.byte_len() {
        return Value::Str(whole);
    }
    let nchars = whole.is_ascii().then_some(p.len());
    Value::Str(vm.heap.alloc_str_n(p, nchars))
}

/// The pieces of `whole` as a list of str.
fn piece_list(vm: &mut Vm, whole: Gc<StrObj>, parts: &[&str]) -> Value {
    let vals: Vec<Value> = parts.iter().map(|p| piece(vm, whole, p)).collect();
    vm.new_list(vals)
}

fn split_common(
    vm: &mut Vm,
    s: Value,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    only_kwargs(vm, name, kw, &["sep", "maxsplit"])?;
    nargs(vm, name, args, 0, 2)?;
    let sep = opt_str(vm, args.first().copied().or(kwarg(kw, "sep")), "must be str or None, not")?;
    let maxsplit = match args.get(1).copied().or(kwarg(kw, "maxsplit")) {
        Some(v) => int_arg(vm, v, "")?,
        None => -1,
    };
    let me = text(s);
    // The common `s.split(",")`: one pass with memchr, each piece made
    // straight into the list (no list of slices first).
    if let (false, Some(sep), true) = (right, sep, maxsplit < 0) {
        if let &[b] = sep.as_str().as_bytes() {
            let hay = me.as_str();
            let mut vals = Vec::with_capacity(8);
            let mut i = 0;
            for p in memchr::memchr_iter(b, hay.as_bytes()) {
                vals.push(piece(vm, me, &hay[i..p]));
                i = p + 1;
            }
            vals.push(piece(vm, me, &hay[i..]));
            return Ok(vm.new_list(vals));
        }
    }
    let sep = sep.as_ref().map(|p| p.as_str());
    let r = if right {
        sm::rsplit(me.as_str(), sep, maxsplit)
    } else {
        sm::split(me.as_str(), sep, maxsplit)
    };
    match r {
        Ok(parts) => Ok(piece_list(vm, me, &parts)),
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_split(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_common(vm, s, args, kw, "split", false)
}

fn str_rsplit(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_common(vm, s, args, kw, "rsplit", true)
}

fn str_join(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "join", kw)?;
    nargs(vm, "str.join", args, 1, 1)?;
    let sep = text(s);
    match args[0] {
        Value::List(l) => l.items.with(|items| join_items(vm, sep, items)),
        Value::Tuple(t) => join_items(vm, sep, &t.items),
        other => {
            let items = vm.collect_iter(other)?;
            join_items(vm, sep, &items)
        }
    }
}

/// `sep.join(items)`: the size computed once, the text written straight
/// into the new string. A single item is returned as it is (CPython does).
fn join_items(vm: &mut Vm, sep: Gc<StrObj>, items: &[Value]) -> PyResult<Value> {
    let mut len = 0usize;
    let mut nchars = 0usize;
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(p) => {
                len += p.byte_len();
                nchars += p.char_len();
            }
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(*other)
                )))
            }
        }
    }
    if items.len() == 1 {
        return Ok(items[0]);
    }
    let gaps = items.len().saturating_sub(1);
    let total = sep.byte_len().checked_mul(gaps).and_then(|x| x.checked_add(len));
    let total = match total.filter(|&t| t <= isize::MAX as usize) {
        Some(t) => t,
        None => {
            return Err(
                vm.err(ExcKind::OverflowError, "join() result is too long for a Python string")
            )
        }
    };
    let nchars = nchars + sep.char_len() * gaps;
    let g = vm.heap.str_with(total, Some(nchars), |w| {
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                w.push_str(sep.as_str());
            }
            if let Value::Str(p) = it {
                w.push_str(p.as_str());
            }
        }
    });
    Ok(Value::Str(g))
}

macro_rules! strip_fn {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            nargs(vm, $name, args, 0, 1)?;
            let chars = opt_str(vm, args.first().copied(), concat!($name, " arg"))?;
            let me = text(s);
            let r = $f(me.as_str(), chars.as_ref().map(|c| c.as_str()));
            Ok(piece(vm, me, r))
        }
    };
}
strip_fn!(str_strip, "strip", sm::strip);
strip_fn!(str_lstrip, "lstrip", sm::lstrip);
strip_fn!(str_rstrip, "rstrip", sm::rstrip);

fn str_replace(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "replace", kw)?;
    nargs(vm, "replace", args, 2, 3)?;
    let old = str_arg(vm, args[0], "replace() argument 1")?;
    let new = str_arg(vm, args[1], "replace() argument 2")?;
    let count = match args.get(2) {
        Some(&v) => int_arg(vm, v, "")?,
        None => -1,
    };
    let me = text(s);
    let (me_s, old_s, new_s) = (me.as_str(), old.as_str(), new.as_str());
    if old_s.is_empty() {
        return match sm::replace(me_s, old_s, new_s, count) {
            Ok(r) => Ok(vm.new_str(r)),
            Err(e) => Err(str_err(vm, e)),
        };
    }
    match sm::replace_size(me_s, old_s, new_s, count) {
        // Nothing replaced: the string itself (as CPython).
        Ok((0, _)) => Ok(s),
        Ok((n, total)) => {
            let g = vm.heap.str_with(total, None, |w| {
                sm::replace_into(me_s, old_s, new_s, n, |p| w.push_str(p))
            });
            Ok(Value::Str(g))
        }
        Err(e) => Err(str_err(vm, e)),
    }
}

fn find_args(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
) -> PyResult<(Gc<StrObj>, Option<i64>, Option<i64>)> {
    nargs(vm, name, args, 1, 3)?;
    let sub = match args[0] {
        Value::Str(p) => p,
        v => return Err(vm.type_error(format!("must be str, not {}", vm.type_name(v)))),
    };
    let start = opt_index(vm, args.get(1).copied())?;
    let end = opt_index(vm, args.get(2).copied())?;
    Ok((sub, start, end))
}

fn str_find(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "find", kw)?;
    let (sub, a, b) = find_args(vm, args, "find")?;
    Ok(Value::Int(sm::find(text(s).as_str(), sub.as_str(), a, b)))
}

fn str_rfind(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "rfind", kw)?;
    let (sub, a, b) = find_args(vm, args, "rfind")?;
    Ok(Value::Int(sm::rfind(text(s).as_str(), sub.as_str(), a, b)))
}

fn str_index(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "index", kw)?;
    let (sub, a, b) = find_args(vm, args, "index")?;
    sm::index(text(s).as_str(), sub.as_str(), a, b).map(Value::Int).map_err(|e| str_err(vm, e))
}

fn str_rindex(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "rindex", kw)?;
    let (sub, a, b) = find_args(vm, args, "rindex")?;
    sm::rindex(text(s).as_str(), sub.as_str(), a, b).map(Value::Int).map_err(|e| str_err(vm, e))
}

fn str_count(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "count", kw)?;
    let (sub, a, b) = find_args(vm, args, "count")?;
    Ok(Value::Int(sm::count(text(s).as_str(), sub.as_str(), a, b) as i64))
}

/// The prefixes (suffixes) of `startswith` (`endswith`): one str or a
/// tuple of them.
fn affixes(vm: &mut Vm, v: Value, name: &str) -> PyResult<Vec<Gc<StrObj>>> {
    match v {
        Value::Str(p) => Ok(vec![p]),
        Value::Tuple(t) => {
            let mut out = Vec::new();
            for &x in t.items.iter() {
                match x {
                    Value::Str(p) => out.push(p),
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(out)
        }
        other => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn affix_test(
    vm: &mut Vm,
    s: Value,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    ends: bool,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    nargs(vm, name, args, 1, 3)?;
    let me = text(s);
    // The common case, one str and no bounds: no list of affixes.
    if let (Value::Str(p), 1) = (args[0], args.len()) {
        let (h, p) = (me.as_str(), p.as_str());
        return Ok(Value::Bool(if ends { h.ends_with(p) } else { h.starts_with(p) }));
    }
    let ps = affixes(vm, args[0], name)?;
    let ps: Vec<&str> = ps.iter().map(|p| p.as_str()).collect();
    let a = opt_index(vm, args.get(1).copied())?;
    let b = opt_index(vm, args.get(2).copied())?;
    Ok(Value::Bool(if ends {
        sm::endswith(me.as_str(), &ps, a, b)
    } else {
        sm::startswith(me.as_str(), &ps, a, b)
    }))
}

fn str_startswith(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_test(vm, s, args, kw, "startswith", false)
}

fn str_endswith(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_test(vm, s, args, kw, "endswith", true)
}

/// `upper`, `lower`...: `$ascii` maps each byte of an ASCII string (the
/// result written straight into the new string), `$f` the general case.
macro_rules! str_map {
    ($fname:ident, $name:literal, $f:path, $ascii:expr) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            nargs(vm, $name, args, 0, 0)?;
            let me = text(s);
            if me.is_ascii() {
                if let Some(map) = $ascii {
                    let src = me.as_str();
                    let g = vm
                        .heap
                        .str_with(src.len(), Some(src.len()), |w| w.push_ascii_mapped(src, map));
                    return Ok(Value::Str(g));
                }
            }
            let r = $f(me.as_str());
            Ok(vm.new_str(r))
        }
    };
}
type AsciiMap = Option<fn(u8) -> u8>;
str_map!(str_upper, "upper", sm::upper, AsciiMap::Some(|b: u8| b.to_ascii_uppercase()));
str_map!(str_lower, "lower", sm::lower, AsciiMap::Some(|b: u8| b.to_ascii_lowercase()));
str_map!(str_title, "title", sm::title, AsciiMap::None);
str_map!(str_capitalize, "capitalize", sm::capitalize, AsciiMap::None);
str_map!(str_swapcase, "swapcase", sm::swapcase, AsciiMap::None);
str_map!(str_casefold, "casefold", sm::casefold, AsciiMap::Some(|b: u8| b.to_ascii_lowercase()));

macro_rules! str_pred {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            nargs(vm, $name, args, 0, 0)?;
            Ok(Value::Bool($f(text(s).as_str())))
        }
    };
}
str_pred!(str_isdigit, "isdigit", sm::isdigit);
str_pred!(str_isdecimal, "isdecimal", sm::isdecimal);
str_pred!(str_isnumeric, "isnumeric", sm::isnumeric);
str_pred!(str_isalpha, "isalpha", sm::isalpha);
str_pred!(str_isalnum, "isalnum", sm::isalnum);
str_pred!(str_isspace, "isspace", sm::isspace);
str_pred!(str_islower, "islower", sm::islower);
str_pred!(str_isupper, "isupper", sm::isupper);
str_pred!(str_istitle, "istitle", sm::istitle);
str_pred!(str_isidentifier, "isidentifier", sm::isidentifier);
str_pred!(str_isascii, "isascii", sm::isascii);
str_pred!(str_isprintable, "isprintable", sm::isprintable);

macro_rules! str_pad {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            no_kwargs(vm, $name, kw)?;
            nargs(vm, $name, args, 1, 2)?;
            let width = int_arg(vm, args[0], "")?;
            let fill = match args.get(1) {
                Some(&Value::Str(f)) => f,
                Some(&v) => {
                    return Err(vm.type_error(format!(
                        "{}() argument 2 must be str, not {}",
                        $name,
                        vm.type_name(v)
                    )))
                }
                None => vm.heap.ascii_char(b' '),
            };
            match $f(text(s).as_str(), width, fill.as_str()) {
                Ok(r) => Ok(vm.new_str(r)),
                Err(e) => Err(str_err(vm, e)),
            }
        }
    };
}
str_pad!(str_center, "center", sm::center);
str_pad!(str_ljust, "ljust", sm::ljust);
str_pad!(str_rjust, "rjust", sm::rjust);

fn str_zfill(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "zfill", kw)?;
    nargs(vm, "zfill", args, 1, 1)?;
    let width = int_arg(vm, args[0], "")?;
    match sm::zfill(text(s).as_str(), width) {
        Ok(r) => Ok(vm.new_str(r)),
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_partition(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "partition", kw)?;
    nargs(vm, "partition", args, 1, 1)?;
    let sep = str_arg(vm, args[0], "must be str, not")?;
    let me = text(s);
    match sm::partition(me.as_str(), sep.as_str()) {
        Ok((a, b, c)) => {
            let items = vec![piece(vm, me, a), piece(vm, sep, b), piece(vm, me, c)];
            Ok(vm.new_tuple(items))
        }
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_rpartition(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "rpartition", kw)?;
    nargs(vm, "rpartition", args, 1, 1)?;
    let sep = str_arg(vm, args[0], "must be str, not")?;
    let me = text(s);
    match sm::rpartition(me.as_str(), sep.as_str()) {
        Ok((a, b, c)) => {
            let items = vec![piece(vm, me, a), piece(vm, sep, b), piece(vm, me, c)];
            Ok(vm.new_tuple(items))
        }
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_splitlines(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "splitlines", kw, &["keepends"])?;
    nargs(vm, "splitlines", args, 0, 1)?;
    let keep = match args.first().copied().or(kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let me = text(s);
    let parts = sm::splitlines(me.as_str(), keep);
    Ok(piece_list(vm, me, &parts))
}

fn str_expandtabs(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "expandtabs", kw, &["tabsize"])?;
    nargs(vm, "expandtabs", args, 0, 1)?;
    let t = match args.first().copied().or(kwarg(kw, "tabsize")) {
        Some(v) => int_arg(vm, v, "")?,
        None => 8,
    };
    match sm::expandtabs(text(s).as_str(), t) {
        Ok(r) => Ok(vm.new_str(r)),
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_removeprefix(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "removeprefix", kw)?;
    nargs(vm, "removeprefix", args, 1, 1)?;
    let p = str_arg(vm, args[0], "removeprefix() argument")?;
    let me = text(s);
    let r = sm::removeprefix(me.as_str(), p.as_str());
    Ok(piece(vm, me, r))
}

fn str_removesuffix(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "removesuffix", kw)?;
    nargs(vm, "removesuffix", args, 1, 1)?;
    let p = str_arg(vm, args[0], "removesuffix() argument")?;
    let me = text(s);
    let r = sm::removesuffix(me.as_str(), p.as_str());
    Ok(piece(vm, me, r))
}

fn str_encode(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs(vm, "encode", kw, &["encoding", "errors"])?;
    nargs(vm, "encode", args, 0, 2)?;
    let enc = opt_str(
        vm,
        args.first().copied().or(kwarg(kw, "encoding")),
        "encode() argument 'encoding'",
    )?;
    let errors =
        opt_str(vm, args.get(1).copied().or(kwarg(kw, "errors")), "encode() argument 'errors'")?;
    match sm::encode(
        text(s).as_str(),
        enc.as_ref().map_or("utf-8", |e| e.as_str()),
        errors.as_ref().map_or("strict", |e| e.as_str()),
    ) {
        Ok(b) => {
            Ok(Value::Bytes(vm.heap.alloc(crate::runtime::object::BytesObj { data: b.into() })))
        }
        Err(e) => Err(str_err(vm, e)),
    }
}

fn str_format(vm: &mut Vm, s: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = vm.str_format(text(s).as_str(), args, kw)?;
    Ok(vm.new_str(r))
}
