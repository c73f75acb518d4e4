//! Superinstructions, chosen from measured opcode-pair frequencies on
//! `perf/scripts` (see `docs/optimizer.md`): a small int loaded into a
//! register and then used as the index or the in-place operand of a later
//! instruction of the same block becomes an immediate operand of that
//! instruction, and the load goes once nothing reads it (a dead store for
//! [`super::moves`]):
//!
//! - `LoadInt t k; GetItem d x t` → `GetItemI d x k` (Lua's `GETI`);
//! - `LoadInt t k; SetItem x t v` → `SetItemI x k v` (`SETI`), so
//!   `v[0] -= e` loads no index at all;
//! - `LoadInt t k; Inplace x t op` → `InplaceI x k op` (`n += 1`).
//!
//! Only values that fit a signed byte qualify. Knowledge of a register's
//! value ends at a block start and at anything that may write it.

use super::effects::forget_written;
use super::{jump_targets, Ins};
use crate::bytecode::opcode::Op;

/// A small int as a signed-byte operand.
fn imm(v: i32) -> Option<u32> {
    (-128..=127).contains(&v).then_some(v as i8 as u8 as u32)
}

pub fn run(code: &mut [Ins]) -> bool {
    let mut changed = false;
    let targets = jump_targets(code);
    let mut known: Vec<Option<i32>> = vec![None; 256];
    for i in 0..code.len() {
        if code[i].dead {
            continue;
        }
        if targets[i] {
            known.iter_mut().for_each(|k| *k = None);
        }
        let ins = code[i];
        let k = |r: u32| known.get(r as usize).copied().flatten().and_then(imm);
        match ins.op {
            Op::GetItem => {
                if let Some(v) = k(ins.c) {
                    code[i].set(Op::GetItemI, ins.a, ins.b, v);
                    changed = true;
                }
            }
            Op::SetItem => {
                if let Some(v) = k(ins.rb()) {
                    code[i].set(Op::SetItemI, ins.a, v as i32, ins.c);
                    changed = true;
                }
            }
            Op::Inplace => {
                if let Some(v) = k(ins.rb()) {
                    code[i].set(Op::InplaceI, ins.a, v as i32, ins.c);
                    changed = true;
                }
            }
            _ => {}
        }
        let ins = code[i];
        forget_written(&ins, &mut known);
        if ins.op == Op::LoadInt {
            known[ins.a as usize] = Some(ins.b);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::asm::check;
    use super::super::{moves, Ins};
    use super::run;

    /// The pass, then the dead-store cleanup the driver runs after it
    /// (registers 0..3 are locals).
    fn superinstr(code: &mut [Ins]) -> bool {
        let changed = run(code);
        moves::run(code, 3);
        changed
    }

    #[test]
    fn augmented_assignment_to_a_constant_index() {
        // `v[0] -= e`: the index is loaded once, used twice.
        let changed = check(
            superinstr,
            "
            LoadInt 3 0
            GetItem 4 0 3
            Mul 5 1 2
            Inplace 4 5 1
            SetItem 0 3 4
            ReturnNone
        ",
            "
            GetItemI 4 0 0 @2
            Mul 5 1 2 @3
            Inplace 4 5 1 @4
            SetItemI 0 0 4 @5
            ReturnNone @6
        ",
        );
        assert!(changed);
    }

    #[test]
    fn in_place_operator_with_a_small_constant() {
        // `n += 1`, `total -= 1`, and a negative index `x[-1]`.
        check(
            superinstr,
            "
            LoadInt 4 1
            Inplace 0 4 0
            LoadInt 4 -1
            GetItem 5 1 4
            Return 5
        ",
            "
            InplaceI 0 1 0 @2
            GetItemI 5 1 255 @4
            Return 5 @5
        ",
        );
    }

    #[test]
    fn only_signed_bytes_and_only_within_a_block() {
        let src = "
            LoadInt 4 1000
            Inplace 0 4 0
            LoadInt 4 2
            JmpIfFalse 1 ->j
        j:
            GetItem 5 1 4
            LoadInt 6 3
            Call 2 0
            SetItem 1 6 5
            Return 5
        ";
        assert!(!check(superinstr, src, src));
    }

    #[test]
    fn a_load_still_read_elsewhere_stays() {
        check(
            superinstr,
            "
            LoadInt 4 2
            GetItem 5 0 4
            Return 4
        ",
            "
            LoadInt 4 2
            GetItemI 5 0 2
            Return 4
        ",
        );
    }
}
