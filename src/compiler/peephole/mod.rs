//! The peephole optimizer: small, separately tested passes over one code
//! object's instructions, run after code generation (`compile → optimize →
//! run`; `taipan --no-opt` skips it, `taipan --dis --no-opt` shows the code
//! before it).
//!
//! This module owns the driver and the shared representation. A code
//! object's words are decoded into a list of [`Ins`]: an `ExtArg` prefix is
//! folded into the wide `C` operand of the instruction it extends, and a jump
//! holds the *list index* of its target instead of a relative offset, so a
//! pass can change or delete instructions without recomputing offsets. A pass
//! deletes an instruction by marking it `dead`; [`compact`] then removes dead
//! instructions and moves every jump that pointed at one to the next live
//! instruction (deleting only ever means "fall through to the next one").
//! Each instruction carries its source [`Position`], its exception handler
//! (`exc`, from the exception table: the handler is an edge of the control
//! flow graph and a block start like a jump target) and the pc it came from
//! (`origin`), from which [`Remap`] maps old pcs to new ones so that
//! per-instruction side tables (the `LoadGlobal` caches) are carried over;
//! [`encode`] rebuilds the exception table's rows from the `exc` fields.
//!
//! The passes, in the order the driver runs them:
//! [`fold`] (constant folding), [`fusion`] (compare + branch fusion),
//! [`threading`] (jump threading), [`dead_code`] (unreachable code and jumps
//! to the next instruction), [`moves`] (redundant moves and dead stores),
//! repeated while any of them changes something, then [`superinstr`] once.
//! [`effects`] tells every pass what an opcode reads, writes and where control
//! goes; [`liveness`] builds the control-flow graph and register liveness.
//!
//! Invariants every pass keeps (and [`verify`] checks before anything is
//! encoded; a code object that fails keeps its unoptimized code):
//! - an `If*` compare-and-skip is followed by a `Jmp`, which stays a `Jmp`
//!   and is never deleted while the `If*` lives;
//! - every jump targets an instruction of the list; the last one never falls
//!   off the end;
//! - every backward edge the optimizer makes is a GC safepoint: the VM
//!   collects on a backward `Jmp`, and no conditional jump is made to go
//!   backward (so every loop keeps a safepoint).
//!
//! Exceptions: an instruction with a handler may continue there instead of
//! at its successors (before it wrote anything); [`liveness`] and
//! reachability follow those edges.

pub mod dead_code;
pub mod effects;
pub mod fold;
pub mod fusion;
pub mod liveness;
pub mod moves;
pub mod superinstr;
pub mod threading;

#[cfg(test)]
pub mod asm;

use std::rc::Rc;

use crate::bytecode::code::{CodeObject, ExcEntry, Position};
use crate::bytecode::opcode::*;
use crate::runtime::gc::Heap;
use effects::{flow, uses_wide_c, Flow};

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ins {
    pub op: Op,
    pub a: u32,
    /// `B`, `Bx`, or a non-jump `sBx` (`LoadInt`), by the opcode's format.
    pub b: i32,
    /// `C`, with the bits of an `ExtArg` prefix above the low 8.
    pub c: u32,
    /// For a jump ([`effects::is_jump`]): the list index of its target.
    pub target: usize,
    /// Where an error raised here goes: the handler's list index and the
    /// register that receives the exception (an exception-table row).
    pub exc: Option<(usize, u32)>,
    pub pos: Position,
    /// The pc of the instruction's first word in the code it was decoded
    /// from (`None` for an instruction a pass made up).
    pub origin: Option<u32>,
    /// Marked for deletion by a pass; removed by [`compact`].
    pub dead: bool,
}

impl Ins {
    /// A fresh instruction (no target, no origin, default position).
    pub fn new(op: Op, a: u32, b: i32, c: u32) -> Ins {
        Ins {
            op,
            a,
            b,
            c,
            target: 0,
            exc: None,
            pos: Position::default(),
            origin: None,
            dead: false,
        }
    }

    /// A jump to list index `target`.
    pub fn jump(op: Op, a: u32, target: usize) -> Ins {
        Ins { target, ..Ins::new(op, a, 0, 0) }
    }

    /// The `B` operand as a register (for the AB/ABC formats).
    #[inline]
    pub fn rb(&self) -> u32 {
        self.b as u32
    }

    /// Turn this instruction into `op a b c`, keeping position and origin.
    pub fn set(&mut self, op: Op, a: u32, b: i32, c: u32) {
        self.op = op;
        self.a = a;
        self.b = b;
        self.c = c;
    }
}

/// Why instructions could not be decoded or encoded (the code object then
/// stays as the code generator made it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

/// Decode a code object's words (and its exception table) into the list form.
pub fn decode(
    words: &[u32],
    positions: &[Position],
    exc_table: &[ExcEntry],
) -> Result<Vec<Ins>, Malformed> {
    // List index of every word; a word that continues an ExtArg pair gets
    // `usize::MAX` (nothing may jump to it).
    let mut index_of = vec![usize::MAX; words.len() + 1];
    let mut out: Vec<Ins> = Vec::with_capacity(words.len());
    let mut pc = 0;
    while pc < words.len() {
        let first = pc;
        let mut ext = 0u32;
        let mut w = words[pc];
        if op_of(w) == Op::ExtArg as u8 {
            ext = (w >> 8) << 8;
            pc += 1;
            w = *words.get(pc).ok_or(Malformed("ExtArg at the end"))?;
        }
        let op = Op::from_u8(op_of(w)).ok_or(Malformed("bad opcode"))?;
        if op == Op::ExtArg || (ext != 0 && !uses_wide_c(op)) {
            return Err(Malformed("ExtArg before an instruction without a wide C"));
        }
        let (a, b, c) = match op.format() {
            Format::ABx => (a_of(w) as u32, bx_of(w) as i32, 0),
            Format::AsBx => (a_of(w) as u32, sbx_of(w), 0),
            Format::SJ => (0, 0, 0),
            _ => (a_of(w) as u32, b_of(w) as i32, c_of(w) as u32 + ext),
        };
        let target = if effects::is_jump(op) {
            let off = if op.format() == Format::SJ { sj_of(w) } else { sbx_of(w) };
            let t = pc as i64 + 1 + off as i64;
            if t < 0 || t >= words.len() as i64 {
                return Err(Malformed("jump out of the code"));
            }
            t as usize // a pc for now; mapped to an index below
        } else {
            0
        };
        let pos = positions.get(pc).copied().unwrap_or_default();
        index_of[first] = out.len();
        out.push(Ins {
            op,
            a,
            b,
            c,
            target,
            exc: None,
            pos,
            origin: Some(first as u32),
            dead: false,
        });
        pc += 1;
    }
    for row in exc_table {
        let (start, end) = (row.start as usize, row.end as usize);
        let handler =
            *index_of.get(row.handler as usize).ok_or(Malformed("handler out of the code"))?;
        if handler == usize::MAX || handler >= out.len() || start >= end || end > words.len() {
            return Err(Malformed("bad exception-table row"));
        }
        for &i in &index_of[start..end] {
            if i != usize::MAX {
                if out[i].exc.is_some() {
                    return Err(Malformed("overlapping exception-table rows"));
                }
                out[i].exc = Some((handler, row.reg));
            }
        }
    }
    for ins in out.iter_mut() {
        if effects::is_jump(ins.op) {
            let i = index_of[ins.target];
            if i == usize::MAX {
                return Err(Malformed("jump into an ExtArg pair"));
            }
            ins.target = i;
        }
    }
    Ok(out)
}

/// The encoded form of a list: words, one position per word, the pc of
/// every list entry's first word, and the exception table.
pub struct Encoded {
    pub words: Vec<u32>,
    pub positions: Vec<Position>,
    pub pcs: Vec<u32>,
    pub exc_table: Vec<ExcEntry>,
}

/// Encode the list back into words, positions and exception table.
pub fn encode(code: &[Ins]) -> Result<Encoded, Malformed> {
    // First the pcs (an instruction with a wide C takes two words).
    let mut pcs = Vec::with_capacity(code.len() + 1);
    let mut pc = 0u32;
    for ins in code {
        pcs.push(pc);
        pc += if ins.c > 255 { 2 } else { 1 };
    }
    pcs.push(pc);
    let mut words = Vec::with_capacity(pc as usize);
    let mut positions = Vec::with_capacity(pc as usize);
    for (i, ins) in code.iter().enumerate() {
        if ins.dead {
            return Err(Malformed("dead instruction left in the list"));
        }
        if ins.c > 255 {
            if !uses_wide_c(ins.op) || ins.c > 0xff_ffff {
                return Err(Malformed("wide C on an instruction without one"));
            }
            words.push(Op::ExtArg as u32 | (ins.c >> 8) << 8);
            positions.push(ins.pos);
        }
        let here = pcs[i] + u32::from(ins.c > 255);
        let w = if effects::is_jump(ins.op) {
            let t = *pcs.get(ins.target).ok_or(Malformed("jump target out of the list"))?;
            if ins.target >= code.len() {
                return Err(Malformed("jump past the end"));
            }
            let off = t as i64 - (here as i64 + 1);
            if ins.op.format() == Format::SJ {
                if off.abs() >= SJ_BIAS as i64 {
                    return Err(Malformed("jump too long"));
                }
                sj(ins.op, off as i32)
            } else {
                if !fits_sbx(off as i32) || off.abs() > 0xffff {
                    return Err(Malformed("conditional jump too long"));
                }
                asbx(ins.op, ins.a, off as i32)
            }
        } else {
            match ins.op.format() {
                Format::ABx => {
                    if !(0..=0xffff).contains(&ins.b) || ins.a > 255 {
                        return Err(Malformed("ABx operand out of range"));
                    }
                    abx(ins.op, ins.a, ins.b as u32)
                }
                Format::AsBx => {
                    if !fits_sbx(ins.b) || ins.a > 255 {
                        return Err(Malformed("sBx operand out of range"));
                    }
                    asbx(ins.op, ins.a, ins.b)
                }
                _ => {
                    if ins.a > 255 || !(0..=255).contains(&ins.b) {
                        return Err(Malformed("operand out of range"));
                    }
                    abc(ins.op, ins.a, ins.b as u32, ins.c & 0xff)
                }
            }
        };
        words.push(w);
        positions.push(ins.pos);
    }
    // Consecutive instructions with the same handler make one row.
    let mut exc_table: Vec<ExcEntry> = Vec::new();
    for (i, ins) in code.iter().enumerate() {
        let Some((h, reg)) = ins.exc else { continue };
        let handler =
            *pcs.get(h).filter(|_| h < code.len()).ok_or(Malformed("handler out of the list"))?;
        let (start, end) = (pcs[i], pcs[i + 1]);
        match exc_table.last_mut() {
            Some(r) if r.end == start && r.handler == handler && r.reg == reg => r.end = end,
            _ => exc_table.push(ExcEntry { start, end, handler, reg }),
        }
    }
    pcs.pop();
    Ok(Encoded { words, positions, pcs, exc_table })
}

/// Remove the dead instructions; a jump to a removed instruction goes to the
/// next live one. Returns whether anything was removed.
pub fn compact(code: &mut Vec<Ins>) -> bool {
    if !code.iter().any(|i| i.dead) {
        return false;
    }
    // new_index[i]: index of the first live instruction at or after i.
    let mut new_index = vec![0usize; code.len() + 1];
    let live = code.iter().filter(|i| !i.dead).count();
    let mut next = live;
    for i in (0..code.len()).rev() {
        if !code[i].dead {
            next -= 1;
        }
        new_index[i] = next;
    }
    new_index[code.len()] = live;
    code.retain(|i| !i.dead);
    let last = new_index.len() - 1;
    for ins in code.iter_mut() {
        if effects::is_jump(ins.op) {
            ins.target = new_index[ins.target.min(last)];
        }
        if let Some((h, reg)) = ins.exc {
            ins.exc = Some((new_index[h.min(last)], reg));
        }
    }
    true
}

/// Is instruction `i` the target of some live jump (or a handler: control
/// can arrive there from elsewhere)?
pub fn jump_targets(code: &[Ins]) -> Vec<bool> {
    let mut t = vec![false; code.len() + 1];
    for ins in code.iter().filter(|i| !i.dead) {
        if effects::is_jump(ins.op) && ins.target < t.len() {
            t[ins.target] = true;
        }
        if let Some((h, _)) = ins.exc {
            if h < t.len() {
                t[h] = true;
            }
        }
    }
    t
}

/// Is the live instruction before `i` an `If*` (so `i` is its `Jmp`)?
pub fn follows_skip(code: &[Ins], i: usize) -> bool {
    code[..i].iter().rev().find(|p| !p.dead).is_some_and(|p| flow(p.op) == Flow::Skip)
}

/// Check the invariants of the list form (see the module docs).
pub fn verify(code: &[Ins]) -> Result<(), Malformed> {
    let Some(last) = code.last() else { return Err(Malformed("no instructions")) };
    if matches!(flow(last.op), Flow::Next | Flow::Branch | Flow::Skip) {
        return Err(Malformed("the last instruction falls off the end"));
    }
    for (i, ins) in code.iter().enumerate() {
        if ins.dead {
            return Err(Malformed("dead instruction left in the list"));
        }
        if effects::is_jump(ins.op) && ins.target >= code.len() {
            return Err(Malformed("jump target out of the list"));
        }
        if ins.exc.is_some_and(|(h, _)| h >= code.len()) {
            return Err(Malformed("handler out of the list"));
        }
        if flow(ins.op) == Flow::Skip && code.get(i + 1).map(|n| n.op) != Some(Op::Jmp) {
            return Err(Malformed("If* not followed by Jmp"));
        }
        if ins.op == Op::ExtArg {
            return Err(Malformed("ExtArg in the list form"));
        }
    }
    Ok(())
}

/// Old pc → new pc, for the side tables of a code object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remap {
    /// `new_of_old[pc]` for every old pc and one past the end: the new pc
    /// of the same word, or of the first surviving word after it.
    pub new_of_old: Vec<u32>,
    /// For every new pc, the old pc it came from (`None` if made up).
    pub old_of_new: Vec<Option<u32>>,
}

impl Remap {
    /// Build the map from the final list and the pcs `encode` gave it.
    pub fn new(old_len: usize, code: &[Ins], pcs: &[u32], new_len: usize) -> Remap {
        let mut exact = vec![None; old_len];
        let mut old_of_new = vec![None; new_len];
        for (ins, &pc) in code.iter().zip(pcs) {
            if let Some(o) = ins.origin {
                let words = if ins.c > 255 { 2 } else { 1 };
                for k in 0..words {
                    if let Some(slot) = exact.get_mut(o as usize + k) {
                        *slot = Some(pc + k as u32);
                    }
                    if let Some(slot) = old_of_new.get_mut(pc as usize + k) {
                        *slot = Some(o + k as u32);
                    }
                }
            }
        }
        let mut new_of_old = vec![new_len as u32; old_len + 1];
        let mut next = new_len as u32;
        for pc in (0..old_len).rev() {
            if let Some(n) = exact[pc] {
                next = n;
            }
            new_of_old[pc] = next;
        }
        Remap { new_of_old, old_of_new }
    }

    /// The new pc of old pc `pc` (or of the first surviving instruction
    /// after it).
    pub fn pc(&self, pc: u32) -> u32 {
        let last = self.new_of_old.len() - 1;
        self.new_of_old[(pc as usize).min(last)]
    }

    /// An old half-open range `[start, end)` of pcs (an exception-table
    /// entry) in new pcs; empty when everything in it was removed.
    pub fn range(&self, start: u32, end: u32) -> (u32, u32) {
        (self.pc(start), self.pc(end))
    }

    /// Carry a per-instruction side table over: surviving words keep their
    /// slot, made-up words get the default.
    pub fn carry<T: Clone + Default>(&self, old: &[T]) -> Vec<T> {
        self.old_of_new
            .iter()
            .map(|o| o.and_then(|o| old.get(o as usize).cloned()).unwrap_or_default())
            .collect()
    }
}

/// Run every pass over `code` until nothing changes (bounded), then the
/// superinstructions. `consts` gains the constants folding makes.
pub fn run_passes(code: &mut Vec<Ins>, nlocals: u32, consts: &mut fold::Consts<'_>) {
    for _ in 0..8 {
        let mut changed = false;
        changed |= fold::run(code, consts);
        compact(code);
        changed |= fusion::run(code, nlocals);
        compact(code);
        changed |= threading::run(code, nlocals);
        compact(code);
        changed |= dead_code::run(code);
        compact(code);
        changed |= moves::run(code, nlocals);
        compact(code);
        if !changed {
            break;
        }
    }
    if superinstr::run(code) {
        moves::run(code, nlocals);
        compact(code);
    }
}

/// Optimize one code object (not its children). Returns whether its code
/// changed; on any inconsistency it is left as it was.
pub fn optimize_code(code: &mut CodeObject, heap: &mut Heap) -> bool {
    let Ok(mut list) = decode(&code.instructions, &code.positions, &code.exc_table) else {
        return false;
    };
    if verify(&list).is_err() {
        return false;
    }
    let nlocals = code.varnames.len() as u32;
    let mut consts = code.consts.clone();
    {
        let mut pool = fold::Consts::new(&mut consts, heap);
        run_passes(&mut list, nlocals, &mut pool);
    }
    if verify(&list).is_err() {
        debug_assert!(false, "the optimizer broke {}: {:?}", code.qualname, verify(&list));
        return false;
    }
    let Ok(encoded) = encode(&list) else { return false };
    if encoded.words == code.instructions {
        return false;
    }
    let remap = Remap::new(code.instructions.len(), &list, &encoded.pcs, encoded.words.len());
    code.global_cache = remap.carry(&code.global_cache).into_boxed_slice();
    code.instructions = encoded.words;
    code.positions = encoded.positions;
    code.exc_table = encoded.exc_table;
    code.consts = consts;
    true
}

/// Optimize a code object and, first, all its descendants. A code object
/// already shared (it cannot be at compile time) is left alone.
pub fn optimize(code: &mut Rc<CodeObject>, heap: &mut Heap) {
    let Some(c) = Rc::get_mut(code) else { return };
    for child in c.children.iter_mut() {
        optimize(child, heap);
    }
    optimize_code(c, heap);
}

#[cfg(test)]
mod tests;
