//! Conditions compiled straight into jumps (CPython's `compiler_jump_if`,
//! Lua's `luaK_goiftrue`): a comparison fuses into a compare-and-skip,
//! `not` flips the sense, `and`/`or` short-circuit with one jump per
//! operand, so `if a < b and c:` evaluates no boolean into a register.
//!
//! The jumps a condition leaves pending form a *jump list* threaded through
//! their own offset fields, as in Lua's `lcode.c`: the list is named by its
//! newest jump, and each pending jump's offset holds the distance back to
//! the next older one (0 ends the list). [`Gen::patch`] walks the list.

use super::operands::may_rebind;
use super::{CResult, CompileError, Gen};
use crate::bytecode::code::Position;
use crate::bytecode::opcode::*;
use crate::syntax::ast::*;
use crate::syntax::tokens::Span;

impl<'g, 'a> Gen<'g, 'a> {
    /// Evaluate a condition and jump when its truth equals `jump_if`;
    /// returns the list of jumps to patch (falls through otherwise).
    pub(super) fn cond_jump(&mut self, test: &Expr<'a>, jump_if: bool) -> CResult<usize> {
        // The truth test itself is located at the enclosing statement (or
        // expression), as CPython's conditional jumps are.
        let jump_pos = self.u().pos;
        self.cond_jump_at(test, jump_if, jump_pos)
    }

    fn cond_jump_at(
        &mut self,
        test: &Expr<'a>,
        jump_if: bool,
        jump_pos: Position,
    ) -> CResult<usize> {
        let top = self.top();
        let old = self.set_pos(test.span);
        let r = self.cond_jump_inner(test, jump_if, jump_pos);
        self.restore_pos(old);
        self.set_top(top);
        r
    }

    fn cond_jump_inner(
        &mut self,
        test: &Expr<'a>,
        jump_if: bool,
        jump_pos: Position,
    ) -> CResult<usize> {
        match &test.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => {
                return self.cond_jump_at(operand, !jump_if, jump_pos);
            }
            ExprKind::BoolOp { op, values } if values.len() >= 2 => {
                // The outcome of an operand that decides the whole test.
                let decides = *op == BoolOp::Or;
                let (last, rest) = values.split_last().expect("two operands");
                let mut decided: Option<usize> = None;
                for (i, v) in rest.iter().enumerate() {
                    // Only the first operand surely runs (`:=` binding).
                    let j = if i == 0 {
                        self.cond_jump_at(v, decides, jump_pos)?
                    } else {
                        self.branch(|g| g.cond_jump_at(v, decides, jump_pos))?
                    };
                    decided = Some(match decided {
                        None => j,
                        Some(older) => self.concat_jumps(older, j)?,
                    });
                }
                let tail = self.branch(|g| g.cond_jump_at(last, jump_if, jump_pos))?;
                let decided = decided.expect("an operand before the last");
                return if decides == jump_if {
                    self.concat_jumps(decided, tail)
                } else {
                    // Decided the other way: the test falls through.
                    self.patch_here(decided)?;
                    Ok(tail)
                };
            }
            ExprKind::Compare { left, ops, comparators }
                if ops.len() == 1
                    && matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(
                        comparators[0].kind,
                        ExprKind::Constant { value: Constant::None, .. }
                    ) =>
            {
                // `x is None` / `x is not None`: one test-and-skip, either
                // sense (identity has an exact negation). The `Jmp` after
                // it runs when `(x is None) != B`.
                let want = ops[0] == CmpOp::Is;
                let l = self.expr_any(left)?;
                self.emit(abc(Op::IfNone, l, (want != jump_if) as u32, 0));
                return Ok(self.jump(Op::Jmp, 0));
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() == 1 && !jump_if => {
                let fused = match ops[0] {
                    CmpOp::Lt => Some((Op::IfLt, Op::IfLtI)),
                    CmpOp::LtE => Some((Op::IfLe, Op::IfLeI)),
                    CmpOp::Gt => Some((Op::IfGt, Op::IfGtI)),
                    CmpOp::GtE => Some((Op::IfGe, Op::IfGeI)),
                    CmpOp::Eq => Some((Op::IfEq, Op::IfEqI)),
                    CmpOp::NotEq => Some((Op::IfNe, Op::IfNeI)),
                    _ => None,
                };
                if let Some((op, opi)) = fused {
                    let right = &comparators[0];
                    // Against a small int constant: the immediate form.
                    if let ExprKind::Constant { value: Constant::Int(k), .. } = right.kind {
                        if (-128..=127).contains(&k) {
                            let l = self.expr_any(left)?;
                            self.emit(abc(opi, l, (k as i8 as u8) as u32, 0));
                            return Ok(self.jump(Op::Jmp, 0));
                        }
                    }
                    let l = self.operand(left, may_rebind(right))?;
                    let r = self.expr_any(right)?;
                    self.emit(abc(op, l, r, 0));
                    return Ok(self.jump(Op::Jmp, 0));
                }
            }
            _ => {}
        }
        let r = self.expr_any(test)?;
        let expr_pos = self.u().pos;
        self.u().pos = jump_pos;
        let j = self.jump(if jump_if { Op::JmpIfTrue } else { Op::JmpIfFalse }, r);
        self.u().pos = expr_pos;
        Ok(j)
    }

    /// A register holding `e`'s value: a local's own register unless
    /// `rebound` (a later operand may assign locals), else a temporary.
    pub(super) fn operand(&mut self, e: &Expr<'a>, rebound: bool) -> CResult<u32> {
        if rebound {
            let r = self.alloc(1)?;
            self.expr_to(e, r)?;
            return Ok(r);
        }
        self.expr_any(e)
    }

    /// The next older jump of the list `at` belongs to.
    pub(super) fn next_in_list(&mut self, at: usize) -> Option<usize> {
        let ins = self.u().code[at];
        let link = if op_of(ins) == Op::Jmp as u8 { sj_of(ins) } else { sbx_of(ins) };
        (link > 0).then(|| at - link as usize)
    }

    /// Join two jump lists; every jump of `newer` comes after all of `older`.
    fn concat_jumps(&mut self, older: usize, newer: usize) -> CResult<usize> {
        let mut tail = newer;
        while let Some(n) = self.next_in_list(tail) {
            tail = n;
        }
        let link = (tail - older) as i32;
        let u = self.u();
        let ins = u.code[tail];
        u.code[tail] = if op_of(ins) == Op::Jmp as u8 {
            sj(Op::Jmp, link)
        } else if fits_sbx(link) {
            asbx(Op::from_u8(op_of(ins)).expect("a jump"), a_of(ins) as u32, link)
        } else {
            return Err(CompileError::TooLarge { what: "condition", span: Span::default() });
        };
        Ok(newer)
    }
}
