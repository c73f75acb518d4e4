//! What each opcode does, as far as the optimizer cares: where control goes
//! next ([`flow`]), which registers it reads ([`reads`]) and certainly
//! writes ([`writes`]), and which instructions are plain "compute into
//! `R[A]`" steps that passes may retarget or delete.
//!
//! Every `match` here lists every opcode, with no catch-all arm: a new opcode
//! does not compile until someone says what it does, so the optimizer can
//! never misread it (a jump it does not know would get a stale offset).

use super::Ins;
use crate::bytecode::opcode::Op;

/// Where control goes after an instruction when it does not raise (an
/// instruction covered by the exception table may also go to its handler).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Always to the next instruction.
    Next,
    /// Always to its target (`Jmp`).
    Jump,
    /// To its target or to the next instruction.
    Branch,
    /// To the next instruction (a `Jmp`) or the one after (`If*`).
    Skip,
    /// Out of the function.
    Exit,
}

pub fn flow(op: Op) -> Flow {
    use Op::*;
    match op {
        Jmp => Flow::Jump,
        JmpIfFalse | JmpIfTrue | ForIter | ForRangeLoop | Send => Flow::Branch,
        IfLt | IfLe | IfGt | IfGe | IfEq | IfNe | IfLtI | IfLeI | IfGtI | IfGeI | IfEqI | IfNeI
        | IfExcMatch | IfNone | IfSingleton | MatchSeq | MatchMap | MatchKeys | MatchClass => {
            Flow::Skip
        }
        Return | ReturnNone | Raise | RaiseAssert | Reraise | RaiseActive | GenReturn => Flow::Exit,
        Nop | ExtArg | Move | LoadK | LoadInt | LoadNone | LoadTrue | LoadFalse | LoadGlobal
        | StoreGlobal | DeleteGlobal | LoadDeref | StoreDeref | DeleteDeref | LoadClosure
        | CheckBound | DeleteFast | Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift
        | RShift | BitAnd | BitOr | BitXor | MatMul | AddI | SubI | Inplace | InplaceI | Neg
        | Pos | Invert | Not | Eq | Ne | Lt | Le | Gt | Ge | Is | IsNot | In | NotIn | Call
        | CallKw | CallEx | LoadMethod | CallMethod | GetAttr | SetAttr | DelAttr | GetItem
        | GetItemI | SetItem | SetItemI | DelItem | BuildSlice | BuildList | BuildTuple
        | BuildSet | BuildDict | BuildString | ListAppend | SetAdd | DictSet | ListExtend
        | SetUpdate | DictUpdate | DictMerge | ListToTuple | FormatValue | GetIter | Unpack
        | UnpackEx | MakeFunction | Import | ImportFrom | ImportStar | PushExc | PopExc
        | ReturnGenerator | Yield | LoadBuildClass | LoadName | StoreName | DeleteName
        | LoadClassDeref | GetLen | CopyDictWithoutKeys | BeforeWith | WithExceptStart
        | Release | ForRangePrep => Flow::Next,
    }
}

/// Does the instruction carry a jump offset (and so an [`Ins::target`])?
pub fn is_jump(op: Op) -> bool {
    matches!(flow(op), Flow::Jump | Flow::Branch)
}

/// Does the instruction read `C + ExtArg` (so its `C` may exceed 255)?
pub fn uses_wide_c(op: Op) -> bool {
    matches!(
        op,
        Op::GetAttr
            | Op::SetAttr
            | Op::LoadMethod
            | Op::ImportFrom
            | Op::UnpackEx
            | Op::MatchSeq
            | Op::MatchMap
    )
}

/// Call `f` with every register the instruction may read.
pub fn reads(ins: &Ins, mut f: impl FnMut(u32)) {
    use Op::*;
    let (a, b, c) = (ins.a, ins.b as u32, ins.c);
    let mut range = |from: u32, n: u32| (from..from + n).for_each(&mut f);
    match ins.op {
        Nop | ExtArg | LoadK | LoadInt | LoadNone | LoadTrue | LoadFalse | LoadGlobal
        | DeleteGlobal | LoadDeref | DeleteDeref | LoadClosure | Jmp | ReturnNone | Import
        | RaiseActive | ReturnGenerator | LoadBuildClass => {}
        // A class body's names live in its namespace, register 0.
        LoadName | DeleteName | LoadClassDeref => range(0, 1),
        StoreName => {
            range(0, 1);
            range(a, 1);
        }
        Yield => range(a, 1),
        Send => range(a, 2),
        GenReturn => range(a, if b == 0 { 1 } else { 0 }),
        StoreGlobal | StoreDeref | CheckBound | DeleteFast | JmpIfFalse | JmpIfTrue | IfLtI
        | IfLeI | IfGtI | IfGeI | IfEqI | IfNeI | Return | DelAttr | ImportStar | ForIter
        | InplaceI | PushExc | PopExc | Reraise | IfNone | IfSingleton | MatchSeq | MatchMap
        | Release => range(a, 1),
        Move | AddI | SubI | Neg | Pos | Invert | Not | LoadMethod | GetAttr | GetItemI
        | ListToTuple | GetIter | Unpack | UnpackEx | ImportFrom | GetLen | BeforeWith
        | WithExceptStart => range(b, 1),
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | BitAnd | BitOr
        | BitXor | MatMul | Eq | Ne | Lt | Le | Gt | Ge | Is | IsNot | In | NotIn | GetItem => {
            range(b, 1);
            range(c, 1);
        }
        Inplace | IfLt | IfLe | IfGt | IfGe | IfEq | IfNe | SetAttr | DelItem | IfExcMatch
        | ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate => {
            range(a, 1);
            range(b, 1);
        }
        SetItem | DictSet => {
            range(a, 1);
            range(b, 1);
            range(c, 1);
        }
        SetItemI => {
            range(a, 1);
            range(c, 1);
        }
        DictMerge => {
            range(a, 1);
            range(b, if c == 1 { 2 } else { 1 });
        }
        Call | CallKw => range(a, b + 1),
        CallMethod => range(a, b + 2),
        CallEx => range(a, if b == 1 { 3 } else { 2 }),
        BuildSlice => range(b, if c == 3 { 3 } else { 2 }),
        BuildList | BuildTuple | BuildSet | BuildString => range(b, c),
        BuildDict => range(b, 2 * c),
        FormatValue => range(b, if c & 4 != 0 { 2 } else { 1 }),
        MakeFunction => {
            for (bit, r) in [(1, a + 1), (2, a + 2), (4, a + 3)] {
                if c & bit != 0 {
                    range(r, 1);
                }
            }
        }
        Raise => range(a, if b == 1 { 2 } else { 1 }),
        RaiseAssert => range(a, if b == 1 { 1 } else { 0 }),
        // The callable and its arguments; the counter, stop and step.
        ForRangePrep => range(a, b + 1),
        ForRangeLoop => range(a, 3),
        MatchKeys => {
            range(a, c);
            range(b, 1);
        }
        MatchClass => {
            range(a, 2);
            range(b, 1);
        }
        CopyDictWithoutKeys => {
            range(b, 1);
            range(a + 1, c);
        }
    }
}

/// The registers the instruction certainly writes when it completes
/// normally, as `first..first + count` (calls also clobber the registers
/// above their result, which is not a definite write: see [`clobbers_from`]).
pub fn writes(ins: &Ins) -> (u32, u32) {
    use Op::*;
    let (a, c) = (ins.a, ins.c);
    match ins.op {
        Move | LoadK | LoadInt | LoadNone | LoadTrue | LoadFalse | LoadGlobal | LoadDeref
        | LoadClosure | DeleteFast | Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift
        | RShift | BitAnd | BitOr | BitXor | MatMul | AddI | SubI | Inplace | InplaceI | Neg
        | Pos | Invert | Not | Eq | Ne | Lt | Le | Gt | Ge | Is | IsNot | In | NotIn | Call
        | CallKw | CallEx | CallMethod | GetAttr | GetItem | GetItemI | BuildSlice | BuildList
        | BuildTuple | BuildSet | BuildDict | BuildString | ListToTuple | FormatValue | GetIter
        | MakeFunction | Import | ImportFrom | LoadBuildClass | LoadName | LoadClassDeref
        | GetLen | CopyDictWithoutKeys | Release => (a, 1),
        // Written on both outcomes (None when there is no match).
        MatchKeys => (a + c, c),
        MatchClass => (a, c),
        // The value sent in when resumed.
        Yield => (a, 1),
        // The delegate's yielded (or returned) value.
        Send => (a + 1, 1),
        LoadMethod => (a, 2),
        // The `__exit__` and `__enter__` method pairs.
        BeforeWith => (a, 4),
        // The arguments of `__exit__`.
        WithExceptStart => (a, 3),
        // R[A+1] = the exception handled before.
        PushExc => (a + 1, 1),
        Unpack => (a, c),
        UnpackEx => (a, (c & 255) + (c >> 8) + 1),
        Nop | ExtArg | StoreGlobal | DeleteGlobal | StoreDeref | DeleteDeref | CheckBound | Jmp
        | JmpIfFalse | JmpIfTrue | IfLt | IfLe | IfGt | IfGe | IfEq | IfNe | IfLtI | IfLeI
        | IfGtI | IfGeI | IfEqI | IfNeI | Return | ReturnNone | SetAttr | DelAttr | SetItem
        | SetItemI | DelItem | ListAppend | SetAdd | DictSet | ListExtend | SetUpdate
        | DictUpdate | DictMerge | Raise | RaiseAssert | ImportStar | PopExc | Reraise
        | RaiseActive | IfExcMatch | ReturnGenerator | GenReturn | StoreName | DeleteName
        | IfNone | IfSingleton | MatchSeq | MatchMap => (a, 0),
        // Counter, stop, step (or None, None, the iterator).
        ForRangePrep => (a, 3),
        // May-writes only: R[A+1] unless the iterator is exhausted; the
        // range loop's counter and item.
        ForIter | ForRangeLoop => (a, 0),
    }
}

/// The first register an instruction may overwrite beyond [`writes`]
/// (`None`: none). A call's frame starts at `R[A+1]`, so every register
/// above the result may hold the callee's values afterwards.
pub fn clobbers_from(ins: &Ins) -> Option<u32> {
    use Op::*;
    match ins.op {
        Call | CallKw | CallEx | CallMethod => Some(ins.a + 1),
        ForIter => Some(ins.a + 1),
        ForRangeLoop => Some(ins.a),
        _ => None,
    }
}

/// Does the instruction possibly write register `r`?
pub fn may_write(ins: &Ins, r: u32) -> bool {
    let (first, n) = writes(ins);
    (first..first + n).contains(&r) || clobbers_from(ins).is_some_and(|f| r >= f)
}

/// Forget what `known` says about every register the instruction may write.
pub fn forget_written<T>(ins: &Ins, known: &mut [Option<T>]) {
    let (first, n) = writes(ins);
    for r in first..first + n {
        if let Some(k) = known.get_mut(r as usize) {
            *k = None;
        }
    }
    if let Some(from) = clobbers_from(ins) {
        known.iter_mut().skip(from as usize).for_each(|k| *k = None);
    }
}

/// Does the instruction possibly read register `r`?
pub fn may_read(ins: &Ins, r: u32) -> bool {
    let mut hit = false;
    reads(ins, |x| hit |= x == r);
    hit
}

/// "Compute into `R[A]`": the instruction writes `R[A]` and nothing else,
/// reads all its operands before writing, and reads no register through its
/// `A` operand. Such an instruction can have its destination changed.
pub fn computes_into_a(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Move | LoadK
            | LoadInt
            | LoadNone
            | LoadTrue
            | LoadFalse
            | LoadGlobal
            | LoadDeref
            | LoadClosure
            | Add
            | Sub
            | Mul
            | TrueDiv
            | FloorDiv
            | Mod
            | Pow
            | LShift
            | RShift
            | BitAnd
            | BitOr
            | BitXor
            | MatMul
            | AddI
            | SubI
            | Neg
            | Pos
            | Invert
            | Not
            | Eq
            | Ne
            | Lt
            | Le
            | Gt
            | Ge
            | Is
            | IsNot
            | In
            | NotIn
            | GetAttr
            | GetItem
            | GetItemI
            | BuildSlice
            | BuildList
            | BuildTuple
            | BuildSet
            | BuildDict
            | BuildString
            | ListToTuple
            | FormatValue
            | GetIter
            | Import
            | ImportFrom
            | GetLen
    )
}

/// A [`computes_into_a`] instruction that can neither raise nor have a side
/// effect: deleting it is harmless when `R[A]` is not read afterwards.
pub fn is_pure(op: Op) -> bool {
    use Op::*;
    matches!(op, Move | LoadK | LoadInt | LoadNone | LoadTrue | LoadFalse | LoadClosure)
}
