//! Constant folding on instruction sequences: within a basic block, an
//! operation whose operands were all loaded from constants becomes a load of
//! its result (`LoadInt 3 2; LoadInt 4 10; Pow 5 3 4` → `…; LoadInt 5 1024`;
//! the loads, now dead, are [`super::moves`]' business). Folded: int and
//! float arithmetic, `str + str`, `str * int`, unary `-`, `+`, `~`, `not`,
//! and tuples of constants (`BuildTuple` → one constant). A conditional
//! jump on a known constant (`while True:`) becomes a `Jmp` or goes.
//!
//! It folds what CPython 3.11's AST optimizer folds and keeps its limits
//! (`Python/ast_opt.c`): no int product or shift over 128 bits, no power
//! whose base has more than 128/exponent bits, no string of more than 4096
//! characters from `*`, nothing from `str % …`. An operation that would
//! raise is left for run time, where it raises with its traceback. Where
//! the VM's own arithmetic might round differently (huge ints to float,
//! float `//` and `%`), nothing is folded.

use ahash::AHashMap;

use super::effects::forget_written;
use super::{jump_targets, Ins};
use crate::bytecode::opcode::Op;
use crate::runtime::gc::Heap;
use crate::runtime::int::{Int, PowResult};
use crate::runtime::object::BigIntObj;
use crate::runtime::tuple::TupleObj;
use crate::runtime::value::Value;

/// CPython's `MAX_INT_SIZE` (bits), `MAX_STR_SIZE` (characters).
const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
/// Ints converted to float for mixed arithmetic: exactly representable.
const EXACT_F64: u64 = 1 << 53;

/// The constant table being built up and the heap its objects live on.
pub struct Consts<'a> {
    values: &'a mut Vec<Value>,
    heap: &'a mut Heap,
    /// Index of the ints, floats and strings of `values` (the others are
    /// found by a scan: folding makes few of them).
    index: AHashMap<Key, u32>,
}

#[derive(PartialEq, Eq, Hash)]
enum Key {
    Int(i64),
    Float(u64),
    Str(Box<str>),
}

fn key(v: Value) -> Option<Key> {
    match v {
        Value::Int(i) => Some(Key::Int(i)),
        Value::Float(f) => Some(Key::Float(f.to_bits())),
        Value::Str(s) => Some(Key::Str(s.as_str().into())),
        _ => None,
    }
}

impl<'a> Consts<'a> {
    pub fn new(values: &'a mut Vec<Value>, heap: &'a mut Heap) -> Consts<'a> {
        let mut index = AHashMap::new();
        for (i, &v) in values.iter().enumerate() {
            if let Some(k) = key(v) {
                index.entry(k).or_insert(i as u32);
            }
        }
        Consts { values, heap, index }
    }

    /// The index of constant `v`, adding it when no equal one (same type,
    /// same value) is there yet; `None` past the `Bx` range.
    pub fn index_of(&mut self, v: Value) -> Option<u32> {
        let k = key(v);
        let found = match &k {
            Some(k) => self.index.get(k).copied(),
            None => self.values.iter().position(|&c| same_const(c, v)).map(|i| i as u32),
        };
        if found.is_some() {
            return found;
        }
        if self.values.len() > 0xffff {
            return None;
        }
        let i = self.values.len() as u32;
        self.values.push(v);
        if let Some(k) = k {
            self.index.insert(k, i);
        }
        Some(i)
    }
}

/// Same type and same value (floats bit for bit), recursively for tuples.
fn same_const(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::BigInt(x), Value::BigInt(y)) => x.value == y.value,
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.seq().is_none()
                && y.seq().is_none()
                && x.items.len() == y.items.len()
                && x.items.iter().zip(y.items.iter()).all(|(&p, &q)| same_const(p, q))
        }
        _ => false,
    }
}

fn as_int(v: Value) -> Option<Int> {
    match v {
        Value::Int(i) => Some(Int::Small(i)),
        Value::BigInt(b) => Some(Int::from_bigint(b.value.clone())),
        _ => None,
    }
}

fn int_value(i: Int, heap: &mut Heap) -> Value {
    match i {
        Int::Small(v) => Value::Int(v),
        Int::Big(b) => Value::BigInt(heap.alloc(BigIntObj { value: b })),
    }
}

/// A number as the VM converts it for float arithmetic, when that is exact.
fn as_float(v: Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f),
        Value::Int(i) if i.unsigned_abs() <= EXACT_F64 => Some(i as f64),
        _ => None,
    }
}

fn int_binary(op: Op, x: &Int, y: &Int) -> Option<Folded> {
    Some(Folded::Int(match op {
        Op::Add => x.add(y),
        Op::Sub => x.sub(y),
        Op::Mul => {
            if !x.is_zero() && !y.is_zero() && x.bit_length() + y.bit_length() > MAX_INT_BITS {
                return None;
            }
            x.mul(y)
        }
        Op::FloorDiv => x.floordiv(y).ok()?,
        Op::Mod => x.modulo(y).ok()?,
        Op::TrueDiv => {
            let (a, b) = (x.as_i64()?, y.as_i64()?);
            if b == 0 || a.unsigned_abs() >= EXACT_F64 || b.unsigned_abs() >= EXACT_F64 {
                return None;
            }
            return Some(Folded::Value(Value::Float(a as f64 / b as f64)));
        }
        Op::Pow => {
            if y.is_negative() {
                return None;
            }
            if !x.is_zero() && !y.is_zero() {
                let w = y.as_i64()? as u64;
                if x.bit_length() > MAX_INT_BITS / w {
                    return None;
                }
            }
            match x.pow(y, None).ok()? {
                PowResult::Int(i) => i,
                PowResult::Float(_) => return None,
            }
        }
        Op::LShift => {
            if y.is_negative() {
                return None;
            }
            if !x.is_zero() && !y.is_zero() {
                let w = y.as_i64()? as u64;
                if w > MAX_INT_BITS || x.bit_length() > MAX_INT_BITS - w {
                    return None;
                }
            }
            x.lshift(y).ok()?
        }
        Op::RShift => {
            if y.is_negative() {
                return None;
            }
            x.rshift(y).ok()?
        }
        Op::BitAnd => x.bitand(y),
        Op::BitOr => x.bitor(y),
        Op::BitXor => x.bitxor(y),
        _ => return None,
    }))
}

fn float_binary(op: Op, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::TrueDiv if y != 0.0 => x / y,
        // The VM's fast path for `**` on a positive finite base.
        Op::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    })
}

/// A folded result: a value, or an int still to be put on the heap if big.
enum Folded {
    Value(Value),
    Int(Int),
    Str(String),
}

fn binary(op: Op, x: Value, y: Value) -> Option<Folded> {
    if let (Some(a), Some(b)) = (as_int(x), as_int(y)) {
        return int_binary(op, &a, &b);
    }
    if matches!(x, Value::Float(_)) || matches!(y, Value::Float(_)) {
        let (a, b) = (as_float(x)?, as_float(y)?);
        return float_binary(op, a, b).map(|f| Folded::Value(Value::Float(f)));
    }
    match (op, x, y) {
        (Op::Add, Value::Str(a), Value::Str(b)) => {
            Some(Folded::Str(format!("{}{}", a.as_str(), b.as_str())))
        }
        (Op::Mul, Value::Str(s), Value::Int(n)) | (Op::Mul, Value::Int(n), Value::Str(s)) => {
            let size = s.char_len();
            if n < 0 || (size > 0 && n as u64 > (MAX_STR_SIZE / size) as u64) {
                return None;
            }
            Some(Folded::Str(s.as_str().repeat(if size == 0 { 0 } else { n as usize })))
        }
        _ => None,
    }
}

/// Python truthiness of a constant.
fn truthy(v: Value) -> Option<bool> {
    Some(match v {
        Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => f != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::Tuple(t) => !t.items.is_empty(),
        _ => return None,
    })
}

fn unary(op: Op, x: Value) -> Option<Folded> {
    Some(match (op, x) {
        (Op::Not, _) => Folded::Value(Value::Bool(!truthy(x)?)),
        (Op::Neg, Value::Float(f)) => Folded::Value(Value::Float(-f)),
        (Op::Pos, Value::Float(f)) => Folded::Value(Value::Float(f)),
        (Op::Neg, _) => Folded::Int(as_int(x)?.neg()),
        (Op::Pos, _) => Folded::Int(as_int(x)?),
        (Op::Invert, _) => Folded::Int(as_int(x)?.invert()),
        _ => return None,
    })
}

/// The constant `ins` loads, if it is a constant load.
fn loaded(ins: &Ins, consts: &Consts<'_>) -> Option<Value> {
    match ins.op {
        Op::LoadInt => Some(Value::Int(ins.b as i64)),
        Op::LoadNone => Some(Value::None),
        Op::LoadTrue => Some(Value::Bool(true)),
        Op::LoadFalse => Some(Value::Bool(false)),
        Op::LoadK => {
            let v = *consts.values.get(ins.b as usize)?;
            matches!(
                v,
                Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::Tuple(_)
                    | Value::None
                    | Value::Bool(_)
            )
            .then_some(v)
        }
        _ => None,
    }
}

/// Turn `ins` into a load of `v` into its `A` (as the code generator loads
/// constants: small ints inline, the rest from the constant table).
fn become_load(ins: &mut Ins, v: Value, consts: &mut Consts<'_>) -> bool {
    let a = ins.a;
    match v {
        Value::Int(i) if (-29999..30000).contains(&i) => ins.set(Op::LoadInt, a, i as i32, 0),
        Value::None => ins.set(Op::LoadNone, a, 0, 0),
        Value::Bool(true) => ins.set(Op::LoadTrue, a, 0, 0),
        Value::Bool(false) => ins.set(Op::LoadFalse, a, 0, 0),
        _ => match consts.index_of(v) {
            Some(k) => ins.set(Op::LoadK, a, k as i32, 0),
            None => return false,
        },
    }
    true
}

/// Fold what can be folded; returns whether anything was.
pub fn run(code: &mut [Ins], consts: &mut Consts<'_>) -> bool {
    let mut changed = false;
    let targets = jump_targets(code);
    // The constant in each register, within the current basic block.
    let mut known: Vec<Option<Value>> = vec![None; 256];
    for i in 0..code.len() {
        if code[i].dead {
            continue;
        }
        if targets[i] {
            known.iter_mut().for_each(|k| *k = None);
        }
        let ins = code[i];
        let get = |r: u32| known.get(r as usize).copied().flatten();
        let folded = match ins.op {
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::TrueDiv
            | Op::FloorDiv
            | Op::Mod
            | Op::Pow
            | Op::LShift
            | Op::RShift
            | Op::BitAnd
            | Op::BitOr
            | Op::BitXor => match (get(ins.rb()), get(ins.c)) {
                (Some(x), Some(y)) => binary(ins.op, x, y),
                _ => None,
            },
            Op::AddI | Op::SubI => {
                let k = Value::Int(ins.c as u8 as i8 as i64);
                let op = if ins.op == Op::AddI { Op::Add } else { Op::Sub };
                get(ins.rb()).and_then(|x| binary(op, x, k))
            }
            Op::Neg | Op::Pos | Op::Invert | Op::Not => {
                get(ins.rb()).and_then(|x| unary(ins.op, x))
            }
            Op::BuildTuple => {
                let items: Option<Vec<Value>> = (ins.rb()..ins.rb() + ins.c).map(get).collect();
                items.map(|items| {
                    Folded::Value(Value::Tuple(consts.heap.alloc(TupleObj::new(items))))
                })
            }
            _ => None,
        };
        // A test of a known constant (`while True:`): never or always taken.
        if let (Op::JmpIfFalse | Op::JmpIfTrue, Some(t)) = (ins.op, get(ins.a).and_then(truthy)) {
            if t == (ins.op == Op::JmpIfTrue) {
                code[i].set(Op::Jmp, 0, 0, 0);
            } else {
                code[i].dead = true;
            }
            changed = true;
            continue;
        }
        if let Some(f) = folded {
            let v = match f {
                Folded::Value(v) => v,
                Folded::Int(i) => int_value(i, consts.heap),
                Folded::Str(s) => Value::Str(consts.heap.alloc_str(&s)),
            };
            changed |= become_load(&mut code[i], v, consts);
        }
        // What the registers hold after this instruction.
        let ins = code[i];
        forget_written(&ins, &mut known);
        if let Some(v) = loaded(&ins, consts) {
            known[ins.a as usize] = Some(v);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::asm::{assemble, check, render};
    use super::super::Ins;
    use super::*;

    /// Fold `input` with a fresh constant table holding `consts`; the
    /// result and the table as text.
    fn fold_with(input: &str, consts: Vec<Value>) -> (Vec<Ins>, Vec<String>) {
        let mut heap = Heap::new();
        let mut values = consts;
        let mut code = assemble(input);
        run(&mut code, &mut Consts::new(&mut values, &mut heap));
        let shown = values.iter().map(crate::bytecode::dis::const_repr).collect();
        (code, shown)
    }

    fn folds(input: &str, expected: &str) {
        let mut heap = Heap::new();
        let mut values = Vec::new();
        check(|c| run(c, &mut Consts::new(&mut values, &mut heap)), input, expected);
    }

    #[test]
    fn int_arithmetic_folds_through_a_chain() {
        // `2 ** 10 - 1`
        folds(
            "
            LoadInt 3 2
            LoadInt 4 10
            Pow 3 3 4
            SubI 0 3 1
            Return 0
        ",
            "
            LoadInt 3 2 @1
            LoadInt 4 10 @2
            LoadInt 3 1024 @3
            LoadInt 0 1023 @4
            Return 0 @5
        ",
        );
    }

    #[test]
    fn big_results_go_to_the_constant_table() {
        let (code, consts) = fold_with("LoadInt 1 2\nLoadInt 2 64\nPow 0 1 2\nReturn 0", vec![]);
        assert_eq!(code[2].op, Op::LoadK);
        assert_eq!(consts, vec!["18446744073709551616"]);
        // Equal constants are shared; 1.5 already there.
        let (code, consts) =
            fold_with("LoadInt 1 3\nLoadInt 2 2\nTrueDiv 0 1 2\nReturn 0", vec![Value::Float(1.5)]);
        assert_eq!(render(&code[2..3]), "  0: LoadK 0 0 @3\n");
        assert_eq!(consts, vec!["1.5"]);
    }

    #[test]
    fn cpython_size_limits_are_kept() {
        // 2**128 is folded (129 bits is fine for a power of 2: 2 bits * 64);
        // 3**100 is not (2 bits * 100 > 128), nor is 1 << 200, nor 10**40 * 10**40.
        for (src, folded) in [
            ("LoadInt 1 2\nLoadInt 2 64\nPow 0 1 2", true),
            ("LoadInt 1 3\nLoadInt 2 100\nPow 0 1 2", false),
            ("LoadInt 1 1\nLoadInt 2 1000\nPow 0 1 2", false),
            ("LoadInt 1 0\nLoadInt 2 1000\nPow 0 1 2", true),
            ("LoadInt 1 1\nLoadInt 2 127\nLShift 0 1 2", true),
            ("LoadInt 1 1\nLoadInt 2 200\nLShift 0 1 2", false),
            ("LoadInt 1 1\nLoadInt 2 -1\nLShift 0 1 2", false),
            ("LoadInt 1 7\nLoadInt 2 0\nFloorDiv 0 1 2", false),
            ("LoadInt 1 7\nLoadInt 2 0\nMod 0 1 2", false),
            ("LoadInt 1 7\nLoadInt 2 0\nTrueDiv 0 1 2", false),
            ("LoadInt 1 2\nLoadInt 2 -1\nPow 0 1 2", false),
        ] {
            let (code, _) = fold_with(&format!("{src}\nReturn 0"), vec![]);
            assert_eq!(matches!(code[2].op, Op::LoadInt | Op::LoadK), folded, "{src}");
        }
        let mut heap = Heap::new();
        let big =
            Value::BigInt(heap.alloc(BigIntObj { value: num_bigint::BigInt::from(10).pow(40) }));
        let (code, _) = fold_with("LoadK 1 0\nLoadK 2 0\nMul 0 1 2\nReturn 0", vec![big]);
        assert_eq!(code[2].op, Op::Mul);
    }

    #[test]
    fn strings_fold_up_to_4096_characters() {
        let mut heap = Heap::new();
        let dash = Value::Str(heap.alloc_str("-"));
        let ab = Value::Str(heap.alloc_str("ab"));
        let (code, consts) = fold_with("LoadK 1 0\nLoadInt 2 40\nMul 0 1 2\nReturn 0", vec![dash]);
        assert_eq!(code[2].op, Op::LoadK);
        assert_eq!(consts[1], format!("'{}'", "-".repeat(40)));
        let (code, _) = fold_with("LoadK 1 0\nLoadInt 2 2049\nMul 0 1 2\nReturn 0", vec![ab]);
        assert_eq!(code[2].op, Op::Mul, "4098 characters");
        let (code, consts) = fold_with("LoadK 1 0\nLoadK 2 0\nAdd 0 1 2\nReturn 0", vec![ab]);
        assert_eq!(code[2].op, Op::LoadK);
        assert_eq!(consts[1], "'abab'");
        // `%` formatting is never folded.
        let (code, _) = fold_with("LoadK 1 0\nLoadInt 2 1\nMod 0 1 2\nReturn 0", vec![ab]);
        assert_eq!(code[2].op, Op::Mod);
    }

    #[test]
    fn floats_fold_where_the_vm_computes_the_same() {
        let (code, consts) = fold_with(
            "LoadK 1 0\nLoadInt 2 3\nMul 0 1 2\nLoadK 3 0\nFloorDiv 4 3 2\nLoadK 5 1\nTrueDiv 6 3 5\nReturn 0",
            vec![Value::Float(0.5), Value::Float(0.0)],
        );
        assert_eq!(code[2].op, Op::LoadK);
        assert_eq!(consts[2], "1.5");
        assert_eq!(code[4].op, Op::FloorDiv, "float // is left to the VM");
        assert_eq!(code[6].op, Op::TrueDiv, "division by zero raises at run time");
    }

    #[test]
    fn unary_operators_fold() {
        folds(
            "
            LoadInt 1 5
            Invert 2 1
            Neg 3 2
            Not 4 3
            LoadNone 5
            Not 6 5
            Return 0
        ",
            "
            LoadInt 1 5
            LoadInt 2 -6
            LoadInt 3 6
            LoadFalse 4
            LoadNone 5
            LoadTrue 6
            Return 0
        ",
        );
    }

    #[test]
    fn the_most_negative_int_is_a_constant_not_an_immediate() {
        // -(2 ** 63): i64::MIN has no absolute value.
        let (code, consts) =
            fold_with("LoadInt 1 2\nLoadInt 2 63\nPow 3 1 2\nNeg 0 3\nReturn 0", vec![]);
        assert_eq!(code[3].op, Op::LoadK);
        assert_eq!(consts.last().map(String::as_str), Some("-9223372036854775808"));
    }

    #[test]
    fn bools_are_not_numbers_here() {
        // `True + 1` and `-True` stay for the VM.
        folds(
            "LoadTrue 1\nLoadInt 2 1\nAdd 0 1 2\nNeg 3 1\nReturn 0",
            "LoadTrue 1\nLoadInt 2 1\nAdd 0 1 2\nNeg 3 1\nReturn 0",
        );
    }

    #[test]
    fn tuples_of_constants_become_one_constant() {
        let (code, consts) = fold_with(
            "LoadInt 3 1\nLoadK 4 0\nLoadNone 5\nBuildTuple 2 3 3\nBuildTuple 6 2 1\nReturn 6",
            vec![Value::Float(2.5)],
        );
        assert_eq!(code[3].op, Op::LoadK);
        assert_eq!(code[4].op, Op::LoadK);
        assert_eq!(consts[1..], ["(1, 2.5, None)".to_string(), "((1, 2.5, None),)".to_string()]);
    }

    #[test]
    fn tests_of_constants_are_decided() {
        // `while True: ...` and `if 0: ...`.
        folds(
            "
        head:
            LoadTrue 3
            JmpIfFalse 3 ->out
            Call 0 0
            LoadInt 3 0
            JmpIfFalse 3 ->head
            LoadK 3 0
            JmpIfTrue 3 ->out
            Jmp ->head
        out:
            ReturnNone
        ",
            "
        head:
            LoadTrue 3 @1
            Call 0 0 @3
            LoadInt 3 0 @4
            Jmp ->head @5
            LoadK 3 0 @6
            JmpIfTrue 3 ->out @7
            Jmp ->head @8
        out:
            ReturnNone @9
        ",
        );
    }

    #[test]
    fn knowledge_stops_at_jump_targets_and_writes() {
        folds(
            "
            LoadInt 1 2
            JmpIfFalse 0 ->j
            LoadInt 1 3
        j:
            AddI 2 1 1
            LoadInt 3 4
            Call 0 0
            AddI 4 3 1
            LoadInt 5 4
            GetItem 5 0 0
            AddI 6 5 1
            Return 6
        ",
            "
            LoadInt 1 2
            JmpIfFalse 0 ->j
            LoadInt 1 3
        j:
            AddI 2 1 1
            LoadInt 3 4
            Call 0 0
            AddI 4 3 1
            LoadInt 5 4
            GetItem 5 0 0
            AddI 6 5 1
            Return 6
        ",
        );
    }
}
