//! Jump threading: a jump whose target is an unconditional jump goes
//! straight to the final target; a conditional jump on a boolean just
//! computed (a comparison's result in a temporary) to a test of the same
//! register goes where that test will certainly go (for any other value the
//! second test may run `__bool__`, which must happen); a `Jmp` to a return
//! becomes the return; a conditional jump over an unconditional jump becomes
//! the inverted conditional jump (`JmpIfFalse r L1; Jmp L2; L1:` →
//! `JmpIfTrue r L2`).
//!
//! Backward edges stay GC safepoints: the VM collects on a backward `Jmp`,
//! so a `Jmp` may be threaded either way, but a conditional jump (`JmpIf*`,
//! a `ForIter` exit, the `Jmp` an `If*` takes itself) is never turned into
//! a backward one.

use super::effects::is_jump;
use super::{follows_skip, jump_targets, Ins};
use crate::bytecode::opcode::Op;

/// The first live instruction at or after `i`.
fn live_at(code: &[Ins], i: usize) -> Option<usize> {
    (i..code.len()).find(|&j| !code[j].dead)
}

/// Does the test at `i` test a boolean just computed into a temporary (so
/// testing it again has no effect: no `__bool__` runs)? That is the result
/// of the previous instruction when control cannot arrive otherwise.
fn tests_fresh_bool(code: &[Ins], i: usize, targets: &[bool], nlocals: u32) -> bool {
    let r = code[i].a;
    let Some(p) = (0..i).rev().find(|&j| !code[j].dead) else { return false };
    let prev = code[p];
    let bool_op = matches!(
        prev.op,
        Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Eq
            | Op::Ne
            | Op::Is
            | Op::IsNot
            | Op::In
            | Op::NotIn
            | Op::Not
            | Op::LoadTrue
            | Op::LoadFalse
    );
    r >= nlocals && !targets[i] && bool_op && prev.a == r
}

/// Where the jump at `i` finally lands; `bool_test`: the jump tests a
/// fresh boolean (see [`tests_fresh_bool`]).
fn final_target(code: &[Ins], i: usize, bool_test: bool) -> Option<usize> {
    let me = code[i];
    let mut t = live_at(code, me.target)?;
    // Each step moves to another jump; a cycle of jumps is an infinite loop
    // and is left as it is.
    for _ in 0..code.len() {
        if t == i {
            return None;
        }
        let u = code[t];
        let is_test = |op| matches!(op, Op::JmpIfFalse | Op::JmpIfTrue);
        if u.op == Op::Jmp {
            t = live_at(code, u.target)?;
        } else if bool_test && is_test(me.op) && is_test(u.op) && u.a == me.a {
            // The register is unchanged between the two tests, and testing
            // a bool twice is testing it once.
            t = if u.op == me.op { live_at(code, u.target)? } else { live_at(code, t + 1)? };
        } else {
            return Some(t);
        }
    }
    None
}

pub fn run(code: &mut [Ins], nlocals: u32) -> bool {
    let mut changed = false;
    let targets = jump_targets(code);
    for i in 0..code.len() {
        if code[i].dead || !is_jump(code[i].op) {
            continue;
        }
        let bool_test = tests_fresh_bool(code, i, &targets, nlocals);
        if let Some(t) = final_target(code, i, bool_test) {
            // The VM collects on a backward `Jmp` only: a conditional jump
            // (also the `Jmp` an `If*` takes itself) must not turn backward.
            let safepoint = code[i].op == Op::Jmp && !follows_skip(code, i);
            if !safepoint && t <= i && code[i].target > i {
                continue;
            }
            if t != code[i].target {
                code[i].target = t;
                changed = true;
            }
        }
    }
    // A `Jmp` to a return is the return (not the `Jmp` of an `If*`).
    for i in 0..code.len() {
        if code[i].dead || code[i].op != Op::Jmp || follows_skip(code, i) {
            continue;
        }
        let Some(t) = live_at(code, code[i].target) else { continue };
        if matches!(code[t].op, Op::Return | Op::ReturnNone) {
            // The copy shows the `return` statement's line.
            let r = code[t];
            code[i].set(r.op, r.a, r.b, r.c);
            code[i].pos = r.pos;
            changed = true;
        }
    }
    // A conditional jump over an unconditional one.
    let targets = jump_targets(code);
    for i in 0..code.len() {
        if code[i].dead || !matches!(code[i].op, Op::JmpIfFalse | Op::JmpIfTrue) {
            continue;
        }
        let Some(j) = live_at(code, i + 1) else { continue };
        if code[j].op != Op::Jmp || targets[j] {
            continue;
        }
        // (Not when that would make the conditional jump go backward.)
        if live_at(code, code[i].target) == live_at(code, j + 1) && code[j].target > i {
            let inverted =
                if code[i].op == Op::JmpIfFalse { Op::JmpIfTrue } else { Op::JmpIfFalse };
            code[i].op = inverted;
            code[i].target = code[j].target;
            code[j].dead = true;
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::asm::check;
    use super::run;

    /// Registers 0..2 are locals.
    fn thread(code: &mut [super::Ins]) -> bool {
        run(code, 2)
    }

    #[test]
    fn jump_to_jump_goes_to_the_final_target() {
        let changed = check(
            thread,
            "
            JmpIfFalse 0 ->a
            LoadInt 1 1
            Jmp ->a
        a:
            Jmp ->b
            LoadInt 1 2
        b:
            Return 1
        ",
            "
            JmpIfFalse 0 ->b @1
            LoadInt 1 1 @2
            Return 1 @6
            Return 1 @6
            LoadInt 1 2 @5
        b:
            Return 1 @6
        ",
        );
        assert!(changed);
    }

    #[test]
    fn the_jmp_of_an_if_is_threaded_but_stays_a_jmp() {
        check(
            thread,
            "
        head:
            IfLt 0 1
            Jmp ->out
            AddI 0 0 1
            Jmp ->head
        out:
            Jmp ->end
            LoadInt 0 0
        end:
            ReturnNone
        ",
            "
        head:
            IfLt 0 1 @1
            Jmp ->end @2
            AddI 0 0 1 @3
            Jmp ->head @4
            ReturnNone @7
            LoadInt 0 0 @6
        end:
            ReturnNone @7
        ",
        );
    }

    #[test]
    fn tests_of_the_same_fresh_boolean_chain() {
        // `if a < b < c:` through a temporary: the first link's result,
        // false, jumps to the test of the whole chain, false again.
        check(
            thread,
            "
            Lt 2 0 1
            JmpIfFalse 2 ->t
            Lt 2 1 3
        t:
            JmpIfFalse 2 ->else
            LoadInt 3 1
        else:
            ReturnNone
        ",
            "
            Lt 2 0 1
            JmpIfFalse 2 ->else
            Lt 2 1 3
            JmpIfFalse 2 ->else
            LoadInt 3 1
        else:
            ReturnNone
        ",
        );
        // A true result jumping to a jump-if-false falls through it.
        check(
            thread,
            "
            Is 2 0 1
            JmpIfTrue 2 ->t
            Is 2 1 0
        t:
            JmpIfFalse 2 ->else
            LoadInt 3 1
        else:
            ReturnNone
        ",
            "
            Is 2 0 1
            JmpIfTrue 2 ->body
            Is 2 1 0
            JmpIfFalse 2 ->else
        body:
            LoadInt 3 1
        else:
            ReturnNone
        ",
        );
    }

    #[test]
    fn other_values_are_tested_again() {
        // `if x: pass` then `if x: ...`: x's `__bool__` runs twice, as in
        // CPython; and a local (r1) or a moved value is no fresh boolean.
        for src in [
            "
            Move 2 0
            JmpIfFalse 2 ->t
            Move 2 1
        t:
            JmpIfFalse 2 ->else
            LoadInt 3 1
        else:
            ReturnNone
        ",
            "
            Lt 1 0 0
            JmpIfFalse 1 ->t
            LoadInt 3 1
        t:
            JmpIfFalse 1 ->else
            LoadInt 3 1
        else:
            ReturnNone
        ",
        ] {
            assert!(!check(thread, src, src));
        }
    }

    #[test]
    fn a_test_of_another_register_stops_the_chain() {
        let changed = check(
            thread,
            "
            JmpIfFalse 0 ->t
            LoadInt 1 1
        t:
            JmpIfFalse 1 ->e
        e:
            ReturnNone
        ",
            "
            JmpIfFalse 0 ->t
            LoadInt 1 1
        t:
            JmpIfFalse 1 ->e
        e:
            ReturnNone
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn conditional_jump_over_a_jump_is_inverted() {
        // `if x: break` in a loop.
        check(
            thread,
            "
        head:
            ForIter 3 ->out
            JmpIfFalse 4 ->skip
            Jmp ->out
        skip:
            Move 0 4
            Jmp ->head
        out:
            LoadNone 0
            Return 0
        ",
            "
        head:
            ForIter 3 ->out @1
            JmpIfTrue 4 ->out @2
            Move 0 4 @4
            Jmp ->head @5
        out:
            LoadNone 0 @6
            Return 0 @7
        ",
        );
        // `if x: continue` stays: the inverted jump would go backward, and
        // only a backward `Jmp` is a GC safepoint.
        let src = "
        head:
            ForIter 3 ->out
            JmpIfFalse 4 ->skip
            Jmp ->head
        skip:
            Move 0 4
            Jmp ->head
        out:
            ReturnNone
        ";
        assert!(!check(thread, src, src));
    }

    #[test]
    fn conditional_jumps_are_not_threaded_backwards() {
        // A test whose target is the loop's back edge keeps jumping forward.
        let src = "
        head:
            ForIter 3 ->out
            JmpIfFalse 4 ->end
            Move 0 4
        end:
            Jmp ->head
        out:
            ReturnNone
        ";
        assert!(!check(thread, src, src));
    }

    #[test]
    fn a_jump_that_is_a_target_is_not_folded_into_the_test() {
        // `while True: pass` after a test: the loop's Jmp is its own target.
        let changed = check(
            thread,
            "
            JmpIfTrue 0 ->skip
        j:
            Jmp ->j
        skip:
            ReturnNone
        ",
            "
            JmpIfTrue 0 ->skip
        j:
            Jmp ->j
        skip:
            ReturnNone
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn the_jmp_of_an_if_is_not_threaded_backwards() {
        // `for ...: if a < b: <body>`: the If takes its Jmp itself (no
        // safepoint), so it keeps jumping to the loop's back edge.
        let src = "
        head:
            ForIter 2 ->out
            IfLt 0 1
            Jmp ->end
            Move 0 3
        end:
            Jmp ->head
        out:
            ReturnNone
        ";
        assert!(!check(thread, src, src));
    }

    #[test]
    fn a_loop_exit_is_not_threaded_backwards() {
        // The inner loop's exit lands on the outer loop's back edge: the
        // exit stays forward (ForIter is no safepoint).
        check(
            thread,
            "
        outer:
            ForIter 2 ->done
            GetIter 4 0
        inner:
            ForIter 4 ->next
            Jmp ->inner
        next:
            Jmp ->outer
        done:
            ReturnNone
        ",
            "
        outer:
            ForIter 2 ->done
            GetIter 4 0
        inner:
            ForIter 4 ->next
            Jmp ->inner
        next:
            Jmp ->outer
        done:
            ReturnNone
        ",
        );
    }

    #[test]
    fn a_cycle_of_jumps_is_left_alone() {
        check(
            thread,
            "
        a:
            Jmp ->b
        b:
            Jmp ->a
        ",
            "
        a:
            Jmp ->b
        b:
            Jmp ->a
        ",
        );
    }
}
