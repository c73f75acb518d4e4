//! Dead code removal: instructions no path from the entry reaches (after a
//! return, a raise or an unconditional jump, and not the target of a
//! reachable jump), `Nop`s, and jumps to the very next instruction (except
//! the `Jmp` an `If*` skips, which must stay).

use super::liveness::reachable;
use super::{follows_skip, Ins};
use crate::bytecode::opcode::Op;

pub fn run(code: &mut [Ins]) -> bool {
    let mut changed = false;
    let reach = reachable(code);
    for (ins, &r) in code.iter_mut().zip(&reach) {
        if !ins.dead && (!r || ins.op == Op::Nop) {
            ins.dead = true;
            changed = true;
        }
    }
    for i in 0..code.len() {
        if code[i].dead || code[i].op != Op::Jmp || follows_skip(code, i) {
            continue;
        }
        let next = (i + 1..code.len()).find(|&j| !code[j].dead);
        let target = (code[i].target..code.len()).find(|&j| !code[j].dead);
        if next.is_some() && next == target {
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

    fn dce(code: &mut [Ins]) -> bool {
        run(code)
    }

    #[test]
    fn code_after_return_goes() {
        // `def f(x): return x` ends in the ReturnNone every body gets.
        let changed = check(dce, "Return 0\nReturnNone", "Return 0 @1");
        assert!(changed);
    }

    #[test]
    fn unreachable_code_that_only_dead_code_jumps_to_goes() {
        check(
            dce,
            "
            Jmp ->end
        loop:
            AddI 0 0 1
            Jmp ->loop
        end:
            Return 0
        ",
            "
            Return 0 @4
        ",
        );
    }

    #[test]
    fn a_jump_target_after_a_return_stays() {
        let changed = check(
            dce,
            "
            IfLtI 0 2
            Jmp ->big
            Return 0
        big:
            LoadInt 1 2
            Return 1
        ",
            "
            IfLtI 0 2 @1
            Jmp ->big @2
            Return 0 @3
        big:
            LoadInt 1 2 @4
            Return 1 @5
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn jump_to_next_goes_but_not_after_an_if() {
        check(
            dce,
            "
            IfEq 0 1
            Jmp ->n
        n:
            JmpIfFalse 0 ->m
            Jmp ->m
        m:
            Nop
            Return 0
        ",
            "
            IfEq 0 1 @1
            Jmp ->n @2
        n:
            JmpIfFalse 0 ->m @3
        m:
            Return 0 @6
        ",
        );
    }
}
