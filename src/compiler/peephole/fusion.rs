//! Compare + branch fusion: a comparison into a temporary that only a
//! following `JmpIfFalse` reads becomes one compare-and-skip instruction
//! (`Lt t a b; JmpIfFalse t L` → `IfLt a b; Jmp L`), and with a small int
//! constant loaded just before it the immediate form (`LoadInt k 5; Lt t a k;
//! JmpIfFalse t L` → `IfLtI a 5; Jmp L`).
//!
//! The code generator fuses single comparisons in conditions itself; what
//! reaches this pass are the tests it builds through a temporary, such as
//! the links of a chained comparison `if a < b < c:` once jump threading
//! has pointed them at the else branch. `JmpIfTrue` is not fused: with no
//! negated compare-and-skip, `not (a < b)` is not `a >= b` (NaN, and
//! user-defined comparisons).

use super::liveness::live_out;
use super::{jump_targets, Ins};
use crate::bytecode::opcode::Op;

fn fused(op: Op) -> Option<(Op, Op)> {
    Some(match op {
        Op::Lt => (Op::IfLt, Op::IfLtI),
        Op::Le => (Op::IfLe, Op::IfLeI),
        Op::Gt => (Op::IfGt, Op::IfGtI),
        Op::Ge => (Op::IfGe, Op::IfGeI),
        Op::Eq => (Op::IfEq, Op::IfEqI),
        Op::Ne => (Op::IfNe, Op::IfNeI),
        _ => return None,
    })
}

pub fn run(code: &mut [Ins], nlocals: u32) -> bool {
    let mut changed = false;
    let live = live_out(code);
    let targets = jump_targets(code);
    let next_live = |code: &[Ins], i: usize| (i + 1..code.len()).find(|&j| !code[j].dead);
    for i in 0..code.len() {
        let cmp = code[i];
        if cmp.dead {
            continue;
        }
        let Some((if_op, if_imm)) = fused(cmp.op) else { continue };
        let Some(j) = next_live(code, i) else { continue };
        let test = code[j];
        let t = cmp.a;
        if test.op != Op::JmpIfFalse || test.a != t || targets[j] {
            continue;
        }
        if t < nlocals || live[j].contains(t) {
            continue;
        }
        let (x, y) = (cmp.rb(), cmp.c);
        // The right operand a small constant loaded just before?
        let p = (0..i).rev().find(|&k| !code[k].dead);
        let imm = p.filter(|&p| {
            let l = code[p];
            l.op == Op::LoadInt
                && l.a == y
                && y != x
                && y >= nlocals
                && (-128..=127).contains(&l.b)
                && !targets[i]
                && !live[i].contains(y)
        });
        match imm {
            Some(p) => {
                let k = code[p].b as i8 as u8 as i32;
                code[p].dead = true;
                code[i].set(if_imm, x, k, 0);
            }
            None => code[i].set(if_op, x, y as i32, 0),
        }
        code[j].set(Op::Jmp, 0, 0, 0);
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::asm::check;
    use super::super::Ins;
    use super::run;

    fn fuse(code: &mut [Ins]) -> bool {
        run(code, 2)
    }

    #[test]
    fn chained_comparison_links_fuse() {
        // `if a < b < c:` (a, b locals; c = r3), after jump threading.
        let changed = check(
            fuse,
            "
            LoadGlobal 3 0
            Lt 4 0 1
            JmpIfFalse 4 ->else
            Lt 4 1 3
            JmpIfFalse 4 ->else
            LoadInt 0 1
        else:
            ReturnNone
        ",
            "
            LoadGlobal 3 0 @1
            IfLt 0 1 @2
            Jmp ->else @3
            IfLt 1 3 @4
            Jmp ->else @5
            LoadInt 0 1 @6
        else:
            ReturnNone @7
        ",
        );
        assert!(changed);
    }

    #[test]
    fn small_constant_operand_gives_the_immediate_form() {
        check(
            fuse,
            "
            LoadInt 3 -5
            Le 4 0 3
            JmpIfFalse 4 ->else
            LoadInt 0 1
        else:
            ReturnNone
        ",
            "
            IfLeI 0 251 @2
            Jmp ->else @3
            LoadInt 0 1
        else:
            ReturnNone
        ",
        );
    }

    #[test]
    fn a_result_used_later_is_not_fused() {
        // `if (t := a == b): ...; return t` keeps its register.
        let changed = check(
            fuse,
            "
            Eq 3 0 1
            JmpIfFalse 3 ->else
            LoadInt 0 1
        else:
            Return 3
        ",
            "
            Eq 3 0 1
            JmpIfFalse 3 ->else
            LoadInt 0 1
        else:
            Return 3
        ",
        );
        assert!(!changed);
    }

    #[test]
    fn jump_if_true_and_identity_tests_are_not_fused() {
        let src = "
            Lt 3 0 1
            JmpIfTrue 3 ->else
            Is 3 0 1
            JmpIfFalse 3 ->else
            LoadInt 0 1
        else:
            ReturnNone
        ";
        assert!(!check(fuse, src, src));
    }

    #[test]
    fn a_comparison_into_a_local_is_kept() {
        let src = "
            Lt 1 0 0
            JmpIfFalse 1 ->else
            LoadInt 0 1
        else:
            ReturnNone
        ";
        assert!(!check(fuse, src, src));
    }
}
