//! The instruction set: ONE table (`opcodes!` below) from which the opcode
//! enum, names, operand formats and one-line semantics are generated; the
//! encoder, the disassembler and the dispatch loop all use it.
//!
//! Instructions are 32 bits, Lua 5.4 style:
//!
//! ```text
//!  31      24 23      16 15       8 7        0
//! +----------+----------+----------+----------+
//! |    C     |    B     |    A     |    op    |   ABC
//! +----------+----------+----------+----------+
//! |         Bx (u16)    |    A     |    op    |   ABx / AsBx (Bx - 0x7fff)
//! +---------------------+----------+----------+
//! |            sJ (24-bit signed)  |    op    |   sJ
//! +--------------------------------+----------+
//! ```
//!
//! `R[x]` is register x of the current frame, `K[x]` constant x, `N[x]`
//! name x of the code object. Jump offsets are relative to the next
//! instruction. `ExtArg Ax` supplies the high bits of the next instruction's
//! `C` operand (names and constants past 255).

/// Operand layout of an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// No operands.
    Z,
    A,
    AB,
    ABC,
    ABx,
    AsBx,
    SJ,
}

macro_rules! opcodes {
    ( $( $name:ident $fmt:ident $doc:literal ),* $(,)? ) => {
        /// An operation code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $( #[doc = $doc] $name ),* }

        impl Op {
            pub const COUNT: usize = [$( Op::$name ),*].len();
            const ALL: [Op; Op::COUNT] = [$( Op::$name ),*];

            /// The mnemonic as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name) ),* }
            }
            pub fn format(self) -> Format {
                match self { $( Op::$name => Format::$fmt ),* }
            }
            /// One-line semantics.
            pub fn doc(self) -> &'static str {
                match self { $( Op::$name => $doc ),* }
            }
            #[inline]
            pub fn from_u8(b: u8) -> Option<Op> {
                Op::ALL.get(b as usize).copied()
            }
        }
    };
}

opcodes! {
    Nop Z "do nothing",
    ExtArg SJ "high bits (Ax << 8) of the next instruction's C",
    Move AB "R[A] = R[B]",
    LoadK ABx "R[A] = K[Bx]",
    LoadInt AsBx "R[A] = sBx",
    LoadNone A "R[A] = None",
    LoadTrue A "R[A] = True",
    LoadFalse A "R[A] = False",
    LoadGlobal ABx "R[A] = globals[N[Bx]] or builtins[N[Bx]]",
    StoreGlobal ABx "globals[N[Bx]] = R[A]",
    DeleteGlobal ABx "del globals[N[Bx]]",
    LoadDeref AB "R[A] = cells[B].value",
    StoreDeref AB "cells[B].value = R[A]",
    DeleteDeref AB "cells[B].value = <unbound>",
    LoadClosure AB "R[A] = cells[B] (the cell itself)",
    CheckBound ABx "raise UnboundLocalError for local N[Bx] if R[A] is unbound",
    DeleteFast ABx "check bound (N[Bx]), then R[A] = <unbound>",
    Add ABC "R[A] = R[B] + R[C]",
    Sub ABC "R[A] = R[B] - R[C]",
    Mul ABC "R[A] = R[B] * R[C]",
    TrueDiv ABC "R[A] = R[B] / R[C]",
    FloorDiv ABC "R[A] = R[B] // R[C]",
    Mod ABC "R[A] = R[B] % R[C]",
    Pow ABC "R[A] = R[B] ** R[C]",
    LShift ABC "R[A] = R[B] << R[C]",
    RShift ABC "R[A] = R[B] >> R[C]",
    BitAnd ABC "R[A] = R[B] & R[C]",
    BitOr ABC "R[A] = R[B] | R[C]",
    BitXor ABC "R[A] = R[B] ^ R[C]",
    MatMul ABC "R[A] = R[B] @ R[C]",
    AddI ABC "R[A] = R[B] + sC (C as a signed byte)",
    SubI ABC "R[A] = R[B] - sC (C as a signed byte)",
    Inplace ABC "R[A] = R[A] op= R[B], op = binary operator number C",
    InplaceI ABC "R[A] = R[A] op= sB (B as a signed byte), op = binary operator number C",
    Neg AB "R[A] = -R[B]",
    Pos AB "R[A] = +R[B]",
    Invert AB "R[A] = ~R[B]",
    Not AB "R[A] = not R[B]",
    Eq ABC "R[A] = R[B] == R[C]",
    Ne ABC "R[A] = R[B] != R[C]",
    Lt ABC "R[A] = R[B] < R[C]",
    Le ABC "R[A] = R[B] <= R[C]",
    Gt ABC "R[A] = R[B] > R[C]",
    Ge ABC "R[A] = R[B] >= R[C]",
    Is ABC "R[A] = R[B] is R[C]",
    IsNot ABC "R[A] = R[B] is not R[C]",
    In ABC "R[A] = R[B] in R[C]",
    NotIn ABC "R[A] = R[B] not in R[C]",
    Jmp SJ "pc += sJ",
    JmpIfFalse AsBx "if not R[A]: pc += sBx",
    JmpIfTrue AsBx "if R[A]: pc += sBx",
    IfLt AB "if R[A] < R[B]: skip the next instruction (a Jmp), else run it",
    IfLe AB "if R[A] <= R[B]: skip the next instruction, else run it",
    IfGt AB "if R[A] > R[B]: skip the next instruction, else run it",
    IfGe AB "if R[A] >= R[B]: skip the next instruction, else run it",
    IfEq AB "if R[A] == R[B]: skip the next instruction, else run it",
    IfNe AB "if R[A] != R[B]: skip the next instruction, else run it",
    IfLtI AB "if R[A] < sB: skip the next instruction (a Jmp), else run it",
    IfLeI AB "if R[A] <= sB: skip the next instruction, else run it",
    IfGtI AB "if R[A] > sB: skip the next instruction, else run it",
    IfGeI AB "if R[A] >= sB: skip the next instruction, else run it",
    IfEqI AB "if R[A] == sB: skip the next instruction, else run it",
    IfNeI AB "if R[A] != sB: skip the next instruction, else run it",
    Call AB "R[A] = R[A](R[A+1], ..., R[A+B])",
    CallKw ABC "R[A] = R[A](R[A+1..=A+B]), the last len(K[C]) of them named by the tuple K[C]",
    CallEx AB "R[A] = R[A](*R[A+1], **R[A+2] if B)",
    LoadMethod ABC "R[A], R[A+1] = method N[C] of R[B] and R[B] (or attribute and <null>)",
    CallMethod AB "R[A] = R[A](R[A+1] unless <null>, R[A+2], ..., R[A+1+B])",
    Return A "return R[A]",
    ReturnNone Z "return None",
    GetAttr ABC "R[A] = R[B].N[C]",
    SetAttr ABC "R[A].N[C] = R[B]",
    DelAttr AB "del R[A].N[B]",
    GetItem ABC "R[A] = R[B][R[C]]",
    GetItemI ABC "R[A] = R[B][sC] (C as a signed byte)",
    SetItem ABC "R[A][R[B]] = R[C]",
    SetItemI ABC "R[A][sB] = R[C] (B as a signed byte)",
    DelItem AB "del R[A][R[B]]",
    BuildSlice ABC "R[A] = slice(R[B], R[B+1], R[B+2] if C == 3)",
    BuildList ABC "R[A] = [R[B], ..., R[B+C-1]]",
    BuildTuple ABC "R[A] = (R[B], ..., R[B+C-1])",
    BuildSet ABC "R[A] = {R[B], ..., R[B+C-1]}",
    BuildDict ABC "R[A] = {R[B]: R[B+1], ... C pairs}",
    BuildString ABC "R[A] = R[B] + ... + R[B+C-1] (strings)",
    ListAppend AB "R[A].append(R[B])",
    SetAdd AB "R[A].add(R[B])",
    DictSet ABC "R[A][R[B]] = R[C]",
    ListExtend AB "R[A].extend(R[B])",
    SetUpdate ABC "R[A].update(R[B]); C=1: R[B] is a constant set display, merged as CPython merges its frozenset",
    DictUpdate AB "R[A].update(R[B]) (mapping)",
    DictMerge AB "R[A].update(R[B]), duplicate keys are an error (f(**a, **b))",
    ListToTuple AB "R[A] = tuple(R[B])",
    FormatValue ABC "R[A] = format(conv(R[B]), R[B+1] if C & 4), conv = C & 3 (0 none, 1 str, 2 repr, 3 ascii)",
    GetIter AB "R[A] = iter(R[B])",
    ForIter AsBx "R[A+1] = next(R[A]), or pc += sBx when exhausted",
    ForRangePrep ABC "R[A], R[A+1], R[A+2] = counter, stop, step of range R[A](R[A+1..A+1+B]); else R[A+2] = iter(R[A](...))",
    ForRangeLoop AsBx "if R[A] < R[A+1] (step R[A+2]): R[A+3] = R[A]; R[A] += step; else pc += sBx",
    Unpack ABC "R[A..A+C] = R[B] (exactly C items)",
    UnpackEx ABC "R[A..] = R[B] with C & 255 items before the starred list and C >> 8 after (C wide)",
    MakeFunction ABC "R[A] = function(child code B); C: 1 defaults tuple R[A+1], 2 kwdefaults dict R[A+2], 4 closure tuple R[A+3]",
    Raise AB "raise R[A] (from R[A+1] if B)",
    RaiseAssert AB "raise AssertionError(R[A] if B)",
    Import ABx "R[A] = import module N[Bx]",
    ImportFrom ABC "R[A] = R[B].N[C] (ImportError if missing)",
    ImportStar A "globals().update(public names of module R[A])",
    PushExc A "enter a handler: R[A+1] = the exception being handled; it becomes R[A]",
    PopExc A "leave a handler: the exception being handled becomes R[A] again",
    Reraise A "raise R[A] again, its traceback unchanged",
    RaiseActive Z "bare raise: the exception being handled again, or RuntimeError",
    IfExcMatch AB "if exception R[A] is an instance of class (or tuple) R[B]: skip the next instruction (a Jmp), else run it",
    ReturnGenerator Z "first instruction of a generator: move the frame into a new generator object and return it",
    Yield A "suspend the generator yielding R[A]; when resumed, R[A] = the value sent in",
    Send AsBx "R[A+1] = R[A].send(R[A+1]) (next() if None); if R[A] returned instead: R[A+1] = its value, pc += sBx",
    GenReturn AB "finish the generator: its resumer gets StopIteration(R[A]) (None if B)",
    LoadBuildClass A "R[A] = builtins.__build_class__",
    LoadName ABx "R[A] = N[Bx] from the class namespace R[0], else globals, else builtins",
    StoreName ABx "R[0][N[Bx]] = R[A] (class namespace)",
    DeleteName ABx "del R[0][N[Bx]] (class namespace)",
    LoadClassDeref ABC "R[A] = R[0][N[C]] if present, else cells[B].value (class body free variable)",
    IfNone AB "if (R[A] is None) == (B == 1): skip the next instruction (a Jmp), else run it",
    IfSingleton AB "if R[A] is (None, False, True)[B]: skip the next instruction (a Jmp), else run it",
    MatchSeq ABC "if R[A] is a sequence (list, tuple, range; not str/bytes) whose len is == C (B=0), >= C (B=1) or anything (B=2): skip the next instruction (a Jmp), else run it",
    MatchMap ABC "if R[A] is a mapping (dict) and (C == 0 or len(R[A]) >= C): skip the next instruction (a Jmp), else run it",
    GetLen AB "R[A] = len(R[B])",
    MatchKeys ABC "R[A+C..A+2C] = the values of the C keys R[A..A+C] in mapping R[B] (its get): all found, skip the next instruction (a Jmp); else they are None and it runs",
    MatchClass ABC "match R[B] against class R[A] with C sub-patterns, the last len(R[A+1]) named by the tuple R[A+1]: R[A..A+C] = the attributes and skip the next instruction (a Jmp); no match: they are None and it runs",
    CopyDictWithoutKeys ABC "R[A] = dict(R[B]) without the C keys R[A+1..A+1+C] (a mapping pattern's **rest)",
    BeforeWith AB "R[A], R[A+1] = __exit__ of type(R[B]) and R[B] (or bound and <null>); R[A+2], R[A+3] = its __enter__ likewise; TypeError if either is missing",
    WithExceptStart AB "R[A], R[A+1], R[A+2] = type(R[B]), R[B], R[B].__traceback__ (the arguments of __exit__ for exception R[B])",
    Release ABC "R[A] = None (C=0: a for loop's iterator, left by break or return) or unbound (C=1: del); if it held a generator whose closing runs code, R[B..] (dead temporaries) are cleared and a collection closes it now if that was its last reference",
}

// ----- encoding -------------------------------------------------------------

pub const BX_BIAS: i32 = 0x7fff;
pub const SJ_BIAS: i32 = 0x7f_ffff;

#[inline]
pub const fn op_of(i: u32) -> u8 {
    (i & 0xff) as u8
}
#[inline]
pub const fn a_of(i: u32) -> usize {
    ((i >> 8) & 0xff) as usize
}
#[inline]
pub const fn b_of(i: u32) -> usize {
    ((i >> 16) & 0xff) as usize
}
#[inline]
pub const fn c_of(i: u32) -> usize {
    (i >> 24) as usize
}
#[inline]
pub const fn bx_of(i: u32) -> usize {
    (i >> 16) as usize
}
#[inline]
pub const fn sbx_of(i: u32) -> i32 {
    (i >> 16) as i32 - BX_BIAS
}
#[inline]
pub const fn sj_of(i: u32) -> i32 {
    (i >> 8) as i32 - SJ_BIAS
}

pub fn abc(op: Op, a: u32, b: u32, c: u32) -> u32 {
    debug_assert!(a < 256 && b < 256 && c < 256);
    op as u32 | a << 8 | b << 16 | c << 24
}

pub fn abx(op: Op, a: u32, bx: u32) -> u32 {
    debug_assert!(a < 256 && bx < 65536);
    op as u32 | a << 8 | bx << 16
}

pub fn asbx(op: Op, a: u32, sbx: i32) -> u32 {
    let bx = (sbx + BX_BIAS) as u32;
    debug_assert!(bx < 65536);
    op as u32 | a << 8 | bx << 16
}

pub fn sj(op: Op, offset: i32) -> u32 {
    let v = (offset + SJ_BIAS) as u32;
    debug_assert!(v < (1 << 24));
    op as u32 | v << 8
}

/// Does `sbx` fit the 16-bit signed field?
pub fn fits_sbx(v: i32) -> bool {
    (-BX_BIAS..=0xffff - BX_BIAS).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_roundtrip() {
        let i = abc(Op::Add, 1, 2, 255);
        assert_eq!(Op::from_u8(op_of(i)), Some(Op::Add));
        assert_eq!((a_of(i), b_of(i), c_of(i)), (1, 2, 255));
        let i = asbx(Op::JmpIfFalse, 7, -300);
        assert_eq!((a_of(i), sbx_of(i)), (7, -300));
        let i = asbx(Op::LoadInt, 0, 32768);
        assert_eq!(sbx_of(i), 32768);
        let i = sj(Op::Jmp, -5_000_000);
        assert_eq!(sj_of(i), -5_000_000);
        let i = abx(Op::LoadK, 3, 65535);
        assert_eq!(bx_of(i), 65535);
    }

    #[test]
    fn table_is_consistent() {
        assert_eq!(Op::from_u8(0), Some(Op::Nop));
        for b in 0..Op::COUNT as u8 {
            let op = Op::from_u8(b).unwrap();
            assert_eq!(op as u8, b);
            assert!(!op.doc().is_empty());
        }
        assert_eq!(Op::from_u8(Op::COUNT as u8), None);
    }
}
