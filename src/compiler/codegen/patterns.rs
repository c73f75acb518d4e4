//! The `match` statement (CPython 3.11's `compiler_match` and pattern
//! compilers, on registers).
//!
//! The subject is evaluated once into a register. Each case compiles its
//! pattern against that register as a series of tests, every failing test
//! a jump to the next case; the pattern's sub-patterns get their subjects in
//! new registers (`Unpack` for sequences, `MatchKeys` for mapping values,
//! `MatchClass` for class attributes). A capture binds nothing while the
//! pattern runs: it only remembers which register holds the value, and the
//! names are stored once the whole pattern matched, in CPython's order, so
//! a pattern that fails binds no name (a guard that fails leaves them bound,
//! as in CPython). Registers holding a capture stay allocated until then.
//!
//! ```text
//!   case [x, 1] if x > 0: body
//!
//!   MatchSeq s 0 2  ; Jmp next   # a sequence of length 2
//!   Unpack t s 2                 # t, t+1 = its items
//!   IfEqI t+1 1     ; Jmp next   # t+1 == 1
//!   Move x t                     # bind x
//!   IfGtI x 0       ; Jmp next   # the guard
//!   body ; Jmp end
//! next:
//! ```
//!
//! An or-pattern moves each alternative's captures into registers shared
//! by all alternatives before it jumps to the success of the whole.

use super::operands::may_rebind;
use super::{CResult, CompileError, Gen, Place, Reg};
use crate::bytecode::opcode::*;
use crate::runtime::tuple::TupleObj;
use crate::runtime::value::Value;
use crate::syntax::ast::*;
use crate::syntax::intern::Symbol;

/// The state of one case's pattern while it is compiled.
#[derive(Default)]
pub(super) struct PatCtx {
    /// Each captured name and the register holding its value.
    caps: Vec<(Symbol, Reg)>,
    /// Jumps (and jump lists) to take when the pattern fails.
    fails: Vec<usize>,
}

impl<'g, 'a> Gen<'g, 'a> {
    /// `match subject: cases`.
    pub(super) fn match_stmt(
        &mut self,
        subject: &Expr<'a>,
        cases: &[MatchCase<'a>],
    ) -> CResult<()> {
        let top = self.top();
        let subj = self.match_subject(subject, cases)?;
        let n = cases.len();
        // A trailing `case _:` is just its guard and body.
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let tested = n - usize::from(has_default);
        let mut ends = Vec::new();
        for (i, case) in cases[..tested].iter().enumerate() {
            let last = i + 1 == tested && !has_default;
            self.branch(|g| g.match_case(case, subj, last, &mut ends))?;
        }
        if has_default {
            let case = &cases[n - 1];
            self.branch(|g| {
                if let Some(guard) = case.guard {
                    let old = g.set_pos(case.pattern.span);
                    let j = g.cond_jump(guard, false)?;
                    g.restore_pos(old);
                    ends.push(j);
                }
                g.stmts(case.body)
            })?;
        }
        for j in ends {
            self.patch_here(j)?;
        }
        self.set_top(top);
        Ok(())
    }

    /// The subject's register: a local's own when no case can rebind it
    /// before a later case tests it (a capture or a `:=` in a guard).
    fn match_subject(&mut self, subject: &Expr<'a>, cases: &[MatchCase<'a>]) -> CResult<Reg> {
        if let ExprKind::Name { id, .. } = subject.kind {
            if let Place::Reg(_) = self.place(id) {
                let rebound = cases.iter().any(|c| {
                    let mut names = Vec::new();
                    all_names(&c.pattern, &mut names);
                    names.contains(&id) || c.guard.is_some_and(may_rebind)
                });
                if !rebound {
                    return self.expr_any(subject);
                }
            }
        }
        let r = self.alloc(1)?;
        self.expr_to(subject, r)?;
        Ok(r)
    }

    /// One tested case: pattern, names, guard, body (then to the end of
    /// the statement unless it is the last).
    fn match_case(
        &mut self,
        case: &MatchCase<'a>,
        subj: Reg,
        last: bool,
        ends: &mut Vec<usize>,
    ) -> CResult<()> {
        let top = self.top();
        let mut pc = PatCtx::default();
        let old = self.u().pos;
        self.pattern(&case.pattern, subj, &mut pc)?;
        // It's a match: bind the names. They and the guard's truth test are
        // located at the last pattern compiled, as in CPython.
        let mut order = Vec::new();
        stores_order(&case.pattern, &mut order);
        for name in order {
            if let Some(&(_, r)) = pc.caps.iter().find(|c| c.0 == name) {
                self.store_name(name, r);
            }
        }
        self.set_top(top);
        if let Some(guard) = case.guard {
            let j = self.cond_jump(guard, false)?;
            pc.fails.push(j);
        }
        self.restore_pos(old);
        self.stmts(case.body)?;
        if !last {
            ends.push(self.jump(Op::Jmp, 0));
        }
        for j in pc.fails {
            self.patch_here(j)?;
        }
        Ok(())
    }

    /// Compile pattern `p` against the value in `subj`; its failures are
    /// added to `pc.fails`. The registers of its captures stay allocated.
    ///
    /// The location moves to `p` and stays there (CPython's
    /// `compiler_pattern` never restores it): what a pattern emits after a
    /// sub-pattern is reported at that sub-pattern, as CPython reports it.
    fn pattern(&mut self, p: &Pattern<'a>, subj: Reg, pc: &mut PatCtx) -> CResult<()> {
        self.set_pos(p.span);
        let top = self.top();
        let r = self.pattern_inner(p, subj, pc);
        self.release(top, pc);
        r
    }

    /// Free the temporaries above `mark` that hold no capture.
    fn release(&mut self, mark: Reg, pc: &PatCtx) {
        let keep = pc.caps.iter().map(|c| c.1 + 1).max().unwrap_or(0);
        self.set_top(mark.max(keep));
    }

    /// A test that skips the `Jmp` after it on success: that jump fails.
    fn fail_jump(&mut self, pc: &mut PatCtx) {
        let j = self.jump(Op::Jmp, 0);
        pc.fails.push(j);
    }

    fn pattern_inner(&mut self, p: &Pattern<'a>, subj: Reg, pc: &mut PatCtx) -> CResult<()> {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                // `subject == value`, the subject on the left.
                match small_int(value) {
                    Some(k) => {
                        self.emit(abc(Op::IfEqI, subj, (k as i8 as u8) as u32, 0));
                    }
                    None => {
                        let v = self.expr_any(value)?;
                        self.emit(abc(Op::IfEq, subj, v, 0));
                    }
                }
                self.fail_jump(pc);
            }
            PatternKind::MatchSingleton { value } => {
                let b = match value {
                    Constant::None => 0,
                    Constant::Bool(false) => 1,
                    _ => 2,
                };
                self.emit(abc(Op::IfSingleton, subj, b, 0));
                self.fail_jump(pc);
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(sub) = pattern {
                    self.pattern(sub, subj, pc)?;
                }
                if let Some(n) = name {
                    pc.caps.push((*n, subj));
                }
            }
            PatternKind::MatchStar { name } => {
                // Only in a sequence pattern that unpacks: `subj` is the list.
                if let Some(n) = name {
                    pc.caps.push((*n, subj));
                }
            }
            PatternKind::MatchSequence { patterns } => {
                self.pattern_sequence(p, patterns, subj, pc)?
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.pattern_mapping(p, keys, patterns, *rest, subj, pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, subj, pc)?
            }
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, subj, pc)?,
        }
        Ok(())
    }

    /// `[p, *rest, q]`: the type and length test, then the items by
    /// unpacking (by index when the star is `*_`, as CPython).
    fn pattern_sequence(
        &mut self,
        p: &Pattern<'a>,
        patterns: &[Pattern<'a>],
        subj: Reg,
        pc: &mut PatCtx,
    ) -> CResult<()> {
        let size = patterns.len() as u32;
        let star = patterns.iter().position(|s| matches!(s.kind, PatternKind::MatchStar { .. }));
        let is_star_wildcard =
            |s: &Pattern| matches!(s.kind, PatternKind::MatchStar { name: None });
        let only_wildcard = patterns.iter().all(|s| is_wildcard(s) || is_star_wildcard(s));
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&patterns[i]));
        let (mode, len) = match star {
            None => (0, size),
            Some(_) if size > 1 => (1, size - 1),
            Some(_) => (2, 0),
        };
        self.emit_abc_wide(Op::MatchSeq, subj, mode, len);
        self.fail_jump(pc);
        if only_wildcard {
            return Ok(());
        }
        if let (true, Some(star)) = (star_wildcard, star) {
            // `[a, *_, b]`: subj[0] and subj[len(subj) - 1].
            for (i, sub) in patterns.iter().enumerate() {
                if i == star || is_wildcard(sub) {
                    continue;
                }
                let mark = self.top();
                let t = self.alloc(1)?;
                if i < star {
                    if i <= 127 {
                        self.emit(abc(Op::GetItemI, t, subj, i as u32));
                    } else {
                        self.load_const(&Constant::Int(i as i64), t, p.span)?;
                        self.emit(abc(Op::GetItem, t, subj, t));
                    }
                } else {
                    let back = size as i64 - i as i64;
                    self.emit(abc(Op::GetLen, t, subj, 0));
                    if back <= 127 {
                        self.emit(abc(Op::SubI, t, t, back as u32));
                    } else {
                        let k = self.alloc(1)?;
                        self.load_const(&Constant::Int(back), k, p.span)?;
                        self.emit(abc(Op::Sub, t, t, k));
                    }
                    self.emit(abc(Op::GetItem, t, subj, t));
                }
                self.pattern(sub, t, pc)?;
                self.release(mark, pc);
            }
            return Ok(());
        }
        let base = self.alloc(size)?;
        match star {
            None => {
                self.emit(abc(Op::Unpack, base, subj, size));
            }
            Some(i) => {
                let (before, after) = (i as u32, size - 1 - i as u32);
                self.emit_abc_wide(Op::UnpackEx, base, subj, before | after << 8);
            }
        }
        for (i, sub) in patterns.iter().enumerate() {
            self.pattern(sub, base + i as u32, pc)?;
        }
        Ok(())
    }

    /// `{k: p, **rest}`: the type and length test, the keys' values
    /// (`MatchKeys`), their sub-patterns, then the copy without the keys.
    fn pattern_mapping(
        &mut self,
        p: &Pattern<'a>,
        keys: &[Expr<'a>],
        patterns: &[Pattern<'a>],
        rest: Option<Symbol>,
        subj: Reg,
        pc: &mut PatCtx,
    ) -> CResult<()> {
        let n = keys.len() as u32;
        self.emit_abc_wide(Op::MatchMap, subj, 0, n);
        self.fail_jump(pc);
        if n == 0 && rest.is_none() {
            return Ok(());
        }
        if n > 127 {
            return Err(CompileError::TooLarge { what: "mapping pattern", span: p.span });
        }
        // [rest, keys..., values...]
        let blk = self.alloc(1 + 2 * n)?;
        for (i, key) in keys.iter().enumerate() {
            self.expr_to(key, blk + 1 + i as u32)?;
        }
        if n > 0 {
            self.emit(abc(Op::MatchKeys, blk + 1, subj, n));
            self.fail_jump(pc);
        }
        for (i, sub) in patterns.iter().enumerate() {
            self.pattern(sub, blk + 1 + n + i as u32, pc)?;
        }
        if let Some(r) = rest {
            self.emit(abc(Op::CopyDictWithoutKeys, blk, subj, n));
            pc.caps.push((r, blk));
        }
        Ok(())
    }

    /// `Cls(p, name=q)`: `MatchClass` puts the attributes in the registers
    /// of the class and the keyword names, then the sub-patterns.
    #[allow(clippy::too_many_arguments)]
    fn pattern_class(
        &mut self,
        p: &Pattern<'a>,
        cls: &Expr<'a>,
        patterns: &[Pattern<'a>],
        kwd_attrs: &[Symbol],
        kwd_patterns: &[Pattern<'a>],
        subj: Reg,
        pc: &mut PatCtx,
    ) -> CResult<()> {
        let total = (patterns.len() + kwd_attrs.len()) as u32;
        if total > 255 {
            return Err(CompileError::TooLarge { what: "class pattern", span: p.span });
        }
        let blk = self.alloc(total.max(2))?;
        self.expr_to(cls, blk)?;
        let names: Vec<Value> = kwd_attrs.iter().map(|&a| Value::Str(self.name_str(a))).collect();
        let t = self.heap.alloc(TupleObj::new(names));
        let k = self.add_const(None, Value::Tuple(t));
        self.load_k(blk + 1, k, p.span)?;
        self.emit(abc(Op::MatchClass, blk, subj, total));
        self.fail_jump(pc);
        for (i, sub) in patterns.iter().chain(kwd_patterns.iter()).enumerate() {
            if !is_wildcard(sub) {
                self.pattern(sub, blk + i as u32, pc)?;
            }
        }
        Ok(())
    }

    /// `p | q`: each alternative in turn; a match moves its captures into
    /// the registers every alternative shares and jumps past the others.
    fn pattern_or(&mut self, alts: &[Pattern<'a>], subj: Reg, pc: &mut PatCtx) -> CResult<()> {
        let mut names = Vec::new();
        if let Some(first) = alts.first() {
            stores_order(first, &mut names);
        }
        let caps = self.alloc(names.len() as u32)?;
        let outer_caps = std::mem::take(&mut pc.caps);
        let outer_fails = std::mem::take(&mut pc.fails);
        let mut matched = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            self.pattern(alt, subj, pc)?;
            for (k, name) in names.iter().enumerate() {
                let dst = caps + k as u32;
                if let Some(&(_, src)) = pc.caps.iter().find(|c| c.0 == *name) {
                    if src != dst {
                        self.emit(abc(Op::Move, dst, src, 0));
                    }
                }
            }
            pc.caps.clear();
            self.set_top(caps + names.len() as u32);
            if i + 1 < alts.len() {
                matched.push(self.jump(Op::Jmp, 0));
                for j in std::mem::take(&mut pc.fails) {
                    self.patch_here(j)?;
                }
            }
        }
        // The last alternative's failures are the or-pattern's.
        let last_fails = std::mem::replace(&mut pc.fails, outer_fails);
        pc.fails.extend(last_fails);
        for j in matched {
            self.patch_here(j)?;
        }
        pc.caps = outer_caps;
        for (k, name) in names.into_iter().enumerate() {
            pc.caps.push((name, caps + k as u32));
        }
        Ok(())
    }
}

/// `_`: a capture-less, sub-pattern-less `MatchAs`.
fn is_wildcard(p: &Pattern<'_>) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

/// A value pattern that is a small int (`5`, `-3`): `IfEqI`'s immediate.
fn small_int(e: &Expr<'_>) -> Option<i64> {
    let k = match &e.kind {
        ExprKind::Constant { value: Constant::Int(k), .. } => *k,
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand: Expr { kind: ExprKind::Constant { value: Constant::Int(k), .. }, .. },
        } => k.checked_neg()?,
        _ => return None,
    };
    (-128..=127).contains(&k).then_some(k)
}

/// The names a pattern binds, in the order CPython stores them (its
/// `pc->stores`): sub-patterns left to right, an `as` name after its
/// pattern, `**rest` last, an or-pattern's names in its first
/// alternative's order.
fn stores_order(p: &Pattern<'_>, out: &mut Vec<Symbol>) {
    match &p.kind {
        PatternKind::MatchAs { pattern, name } => {
            if let Some(sub) = pattern {
                stores_order(sub, out);
            }
            out.extend(*name);
        }
        PatternKind::MatchStar { name } => out.extend(*name),
        PatternKind::MatchSequence { patterns } => {
            patterns.iter().for_each(|s| stores_order(s, out));
        }
        PatternKind::MatchMapping { patterns, rest, .. } => {
            patterns.iter().for_each(|s| stores_order(s, out));
            out.extend(*rest);
        }
        PatternKind::MatchClass { patterns, kwd_patterns, .. } => {
            patterns.iter().chain(kwd_patterns.iter()).for_each(|s| stores_order(s, out));
        }
        PatternKind::MatchOr { patterns } => {
            if let Some(first) = patterns.first() {
                stores_order(first, out);
            }
        }
        PatternKind::MatchValue { .. } | PatternKind::MatchSingleton { .. } => {}
    }
}

/// Every name any alternative of a pattern binds.
fn all_names(p: &Pattern<'_>, out: &mut Vec<Symbol>) {
    match &p.kind {
        PatternKind::MatchOr { patterns } => patterns.iter().for_each(|s| all_names(s, out)),
        PatternKind::MatchAs { pattern: Some(sub), name } => {
            all_names(sub, out);
            out.extend(*name);
        }
        PatternKind::MatchSequence { patterns } => patterns.iter().for_each(|s| all_names(s, out)),
        PatternKind::MatchMapping { patterns, rest, .. } => {
            patterns.iter().for_each(|s| all_names(s, out));
            out.extend(*rest);
        }
        PatternKind::MatchClass { patterns, kwd_patterns, .. } => {
            patterns.iter().chain(kwd_patterns.iter()).for_each(|s| all_names(s, out));
        }
        _ => stores_order(p, out),
    }
}
