//! Redundant move elimination, conservative: only temporaries (registers at
//! or above the locals) are ever left unwritten, so a local keeps every
//! value the source gave it (`locals()` and tracebacks see the same thing).
//!
//! - `Move r r` goes.
//! - A dead store goes: a pure load or move into a temporary nobody reads
//!   afterwards (what constant folding leaves behind).
//! - A move out of a temporary just computed goes into the computation
//!   (`Add t a b; Move x t` → `Add x a b`, `Move t y; Move x t` → `Move x y`)
//!   when the move is not a jump target and the temporary is dead after it.
//! - A move repeating the one before it goes (`Move a b; Move a b` or
//!   `Move a b; Move b a`) when it is not a jump target.
//! - A move into a temporary that is returned right away goes
//!   (`Move t x; Return t` → `Return x`).

use super::effects::{computes_into_a, is_pure};
use super::liveness::live_out;
use super::{jump_targets, Ins};
use crate::bytecode::opcode::Op;

pub fn run(code: &mut [Ins], nlocals: u32) -> bool {
    let mut changed = false;
    for ins in code.iter_mut() {
        if !ins.dead && ins.op == Op::Move && ins.a == ins.rb() {
            ins.dead = true;
            changed = true;
        }
    }
    // Liveness is computed once; every change below only shrinks the true
    // live sets, so the stale ones stay safe over-approximations.
    let live = live_out(code);
    let targets = jump_targets(code);
    for i in 0..code.len() {
        let ins = code[i];
        if ins.dead {
            continue;
        }
        if is_pure(ins.op) && ins.a >= nlocals && !live[i].contains(ins.a) {
            code[i].dead = true;
            changed = true;
            continue;
        }
        if !matches!(ins.op, Op::Move | Op::Return) || targets[i] {
            continue;
        }
        let Some(p) = (0..i).rev().find(|&j| !code[j].dead) else { continue };
        let prev = code[p];
        if ins.op == Op::Return {
            // `Move t x; Return t` → `Return x` (nothing runs after a return).
            if prev.op == Op::Move && prev.a == ins.a && prev.a >= nlocals {
                code[i].a = prev.rb();
                code[p].dead = true;
                changed = true;
            }
            continue;
        }
        let (d, t) = (ins.a, ins.rb());
        if computes_into_a(prev.op) && prev.a == t && t >= nlocals && !live[i].contains(t) {
            code[p].a = d;
            code[i].dead = true;
            changed = true;
        } else if prev.op == Op::Move
            && ((prev.a == d && prev.rb() == t) || (prev.a == t && prev.rb() == d))
        {
            code[i].dead = true;
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::asm::check;
    use super::super::Ins;
    use super::run;

    /// Registers 0..3 are locals, 3.. temporaries.
    fn moves(code: &mut [Ins]) -> bool {
        run(code, 3)
    }

    #[test]
    fn move_to_itself_goes() {
        check(moves, "Move 1 1\nReturn 1", "Return 1 @2");
    }

    #[test]
    fn computation_into_a_temporary_then_move_writes_the_local() {
        // `x = a < b` compiled through a temporary.
        let changed = check(
            moves,
            "
            Lt 4 0 1
            Move 2 4
            Return 2
        ",
            "
            Lt 2 0 1 @1
            Return 2 @3
        ",
        );
        assert!(changed);
    }

    #[test]
    fn move_chains_collapse() {
        check(
            moves,
            "
            Move 4 0
            Move 5 4
            Move 1 5
            Return 1
        ",
            "
            Move 1 0 @1
            Return 1 @4
        ",
        );
    }

    #[test]
    fn a_temporary_read_later_keeps_its_move() {
        let changed = check(
            moves,
            "
            Add 4 0 1
            Move 2 4
            Return 4
        ",
            "
            Add 4 0 1
            Move 2 4
            Return 4
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn a_move_out_of_a_local_stays() {
        // r1 is a local: `Add 1 0 0; Move 2 1` must keep writing r1.
        let changed =
            check(moves, "Add 1 0 0\nMove 2 1\nReturn 2", "Add 1 0 0\nMove 2 1\nReturn 2");
        assert!(!changed);
    }

    #[test]
    fn a_move_that_is_a_jump_target_stays() {
        // `x = a or b`: both paths meet at the move.
        let changed = check(
            moves,
            "
            Move 4 0
            JmpIfTrue 4 ->end
            Move 4 1
        end:
            Move 2 4
            Return 2
        ",
            "
            Move 4 0
            JmpIfTrue 4 ->end
            Move 4 1
        end:
            Move 2 4
            Return 2
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn in_place_operators_are_not_retargeted() {
        // Inplace reads R[A]: writing another register would change it.
        let changed =
            check(moves, "Inplace 4 0 0\nMove 2 4\nReturn 2", "Inplace 4 0 0\nMove 2 4\nReturn 2");
        assert!(!changed);
    }

    #[test]
    fn dead_constant_loads_into_temporaries_go() {
        check(
            moves,
            "
            LoadInt 4 2
            LoadInt 5 10
            LoadInt 2 1024
            LoadInt 1 7
            Return 2
        ",
            "
            LoadInt 2 1024 @3
            LoadInt 1 7 @4
            Return 2 @5
        ",
        );
    }

    #[test]
    fn repeated_moves_go() {
        check(
            moves,
            "
            Move 0 1
            Move 0 1
            Move 1 0
            Return 0
        ",
            "
            Move 0 1 @1
            Return 0 @4
        ",
        );
    }

    #[test]
    fn returning_a_copy_returns_the_original() {
        check(moves, "Move 4 1\nReturn 4", "Return 1 @2");
        // Not when the return is a jump target (another path sets r4).
        let src = "
            LoadInt 4 7
            JmpIfFalse 0 ->r
            Move 4 1
        r:
            Return 4
        ";
        assert!(!check(moves, src, src));
    }

    #[test]
    fn loop_carried_temporaries_stay_live() {
        // r4 is read at the loop head on the next iteration.
        let changed = check(
            moves,
            "
            LoadInt 4 0
        head:
            IfLtI 4 10
            Jmp ->out
            AddI 5 4 1
            Move 4 5
            Jmp ->head
        out:
            Return 4
        ",
            "
            LoadInt 4 0
        head:
            IfLtI 4 10
            Jmp ->out
            AddI 4 4 1
            Jmp ->head
        out:
            Return 4
        ",
        );
        assert!(changed);
    }
}
