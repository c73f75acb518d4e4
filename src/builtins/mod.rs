//! Builtin functions and the methods of the builtin types.
//!
//! [`functions`] holds the builtins namespace (`print`, `len`, `range`...),
//! [`types`] the constructors called through type objects (`int(x)`,
//! `list(it)`...), [`methods`] the methods of `list`, `dict`, `set`, `str`...,
//! and [`str_methods`] the semantics of `str`'s methods as pure functions.

pub mod args;
pub mod attrs;
pub mod complex;
pub mod exceptions;
pub mod functions;
pub mod introspect;
pub mod methods;
pub mod numbers;
pub mod objects;
pub mod sort;
pub mod str_methods;
pub mod types;

use crate::runtime::heap::Gc;
use crate::runtime::object::{TypeId, TypeObj};
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub use types::call_type;

/// Fill the builtins namespace and the method tables.
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    methods::install(vm);
    numbers::install(vm);
    complex::install(vm);
    crate::vm::generator::install(vm);
    objects::install(vm);
    for (name, id) in [
        ("int", TypeId::Int),
        ("float", TypeId::Float),
        ("str", TypeId::Str),
        ("bool", TypeId::Bool),
        ("list", TypeId::List),
        ("tuple", TypeId::Tuple),
        ("dict", TypeId::Dict),
        ("set", TypeId::Set),
        ("frozenset", TypeId::FrozenSet),
        ("range", TypeId::Range),
        ("slice", TypeId::Slice),
        ("type", TypeId::Type),
        ("object", TypeId::Object),
        ("bytes", TypeId::Bytes),
        ("complex", TypeId::Complex),
    ] {
        let t = vm.types[id as usize];
        let key = Value::Str(vm.intern(name));
        let _ = vm.builtins.set(key, Value::Type(t));
    }
    let kinds: Vec<_> = crate::runtime::exception::ExcKind::ALL.to_vec();
    for k in kinds {
        let t = vm.exc_types[&k];
        let key = Value::Str(vm.intern(k.name()));
        let _ = vm.builtins.set(key, Value::Type(t));
    }
    exceptions::install(vm);
    let key = Value::Str(vm.intern("None"));
    let _ = vm.builtins.set(key, Value::None);
    let key = Value::Str(vm.intern("Ellipsis"));
    let _ = vm.builtins.set(key, Value::Ellipsis);
    let key = Value::Str(vm.intern("NotImplemented"));
    let _ = vm.builtins.set(key, Value::NotImplemented);
}

/// Class attributes of builtin types that are not methods (e.g. `dict.fromkeys`).
pub fn type_attr(vm: &mut Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    match (t.id, name) {
        (TypeId::Dict, "fromkeys") => {
            let f = vm.heap.alloc(crate::runtime::function::BuiltinObj::new(
                "fromkeys",
                Some("dict"),
                methods::dict_fromkeys,
                Value::Type(t),
            ));
            Some(Value::Builtin(f))
        }
        _ => numbers::type_attr(vm, t, name),
    }
}

/// CPython's "Did you mean" suggestion: the closest name by Levenshtein
/// distance with CPython's costs and cutoff.
pub fn suggest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    const MOVE_COST: usize = 2;
    const CASE_COST: usize = 1;
    fn substitution_cost(a: u8, b: u8) -> usize {
        if a == b {
            0
        } else if a.eq_ignore_ascii_case(&b) {
            CASE_COST
        } else {
            MOVE_COST
        }
    }
    fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
        if a == b {
            return 0;
        }
        let (a, b) = if a.len() > b.len() { (b, a) } else { (a, b) };
        if (b.len() - a.len()) * MOVE_COST > max {
            return max + 1;
        }
        let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
        let mut result = 0;
        for (bi, &bc) in b.iter().enumerate() {
            let mut distance = bi * MOVE_COST;
            result = distance;
            let mut minimum = usize::MAX;
            for (ai, &ac) in a.iter().enumerate() {
                let substitute = distance + substitution_cost(bc, ac);
                distance = row[ai];
                let insert_delete = result.min(distance) + MOVE_COST;
                result = insert_delete.min(substitute);
                row[ai] = result;
                minimum = minimum.min(result);
            }
            if minimum > max {
                return max + 1;
            }
        }
        result
    }
    if name.len() > 40 {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name || c.len() > 40 {
            continue;
        }
        let max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        let max = match best {
            Some((_, d)) => max.min(d.saturating_sub(1)),
            None => max,
        };
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d <= max && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

/// Helpers shared by the builtins: argument counts and types.
pub fn check_args(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", args.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
                _ => format!("{name} expected {min} arguments, got {}", args.len()),
            }
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
