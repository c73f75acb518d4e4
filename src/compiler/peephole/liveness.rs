//! The control-flow graph of an instruction list and register liveness
//! (the classic backward dataflow: a register is live after an instruction
//! when some path from there reads it before writing it).
//!
//! Only definite writes kill; a call's clobbering of the registers above its
//! result and `ForIter`'s conditional write do not, so liveness errs towards
//! "live", the safe side for every pass that uses it. An instruction with
//! an exception handler may also continue at the handler, before it wrote
//! anything: what is live at the handler is live before the instruction.

use super::effects::{flow, reads, writes, Flow};
use super::Ins;

/// A set of registers (operands are 8 bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegSet([u64; 4]);

impl RegSet {
    #[inline]
    pub fn contains(&self, r: u32) -> bool {
        r < 256 && self.0[(r / 64) as usize] & (1 << (r % 64)) != 0
    }
    #[inline]
    pub fn insert(&mut self, r: u32) {
        if r < 256 {
            self.0[(r / 64) as usize] |= 1 << (r % 64);
        }
    }
    #[inline]
    pub fn remove(&mut self, r: u32) {
        if r < 256 {
            self.0[(r / 64) as usize] &= !(1 << (r % 64));
        }
    }
    pub fn union(&mut self, o: &RegSet) {
        for (x, y) in self.0.iter_mut().zip(o.0.iter()) {
            *x |= *y;
        }
    }
}

/// The successors of live instruction `i` (dead instructions are skipped
/// by following the list).
pub fn successors(code: &[Ins], i: usize) -> impl Iterator<Item = usize> {
    let next = |k: usize| (k..code.len()).find(|&j| !code[j].dead);
    let ins = &code[i];
    let (s1, s2) = match flow(ins.op) {
        Flow::Next => (next(i + 1), None),
        Flow::Jump => (next(ins.target), None),
        Flow::Branch => (next(ins.target), next(i + 1)),
        Flow::Skip => {
            let j = next(i + 1);
            (j, j.and_then(|j| next(j + 1)))
        }
        Flow::Exit => (None, None),
    };
    s1.into_iter().chain(s2)
}

/// The live-out set of every instruction (empty for dead ones).
pub fn live_out(code: &[Ins]) -> Vec<RegSet> {
    let n = code.len();
    let succs: Vec<Vec<usize>> = (0..n)
        .map(|i| if code[i].dead { Vec::new() } else { successors(code, i).collect() })
        .collect();
    let mut live_in = vec![RegSet::default(); n];
    let mut out = vec![RegSet::default(); n];
    let mut changed = true;
    while changed {
        changed = false;
        for i in (0..n).rev() {
            if code[i].dead {
                continue;
            }
            let mut o = RegSet::default();
            for &s in &succs[i] {
                o.union(&live_in[s]);
            }
            let mut li = o;
            let (first, count) = writes(&code[i]);
            for r in first..first + count {
                li.remove(r);
            }
            reads(&code[i], |r| li.insert(r));
            if let Some((h, _)) = code[i].exc {
                if let Some(h) = (h..n).find(|&j| !code[j].dead) {
                    li.union(&live_in[h]);
                }
            }
            if li != live_in[i] || o != out[i] {
                live_in[i] = li;
                out[i] = o;
                changed = true;
            }
        }
    }
    out
}

/// The instructions reachable from the first one.
pub fn reachable(code: &[Ins]) -> Vec<bool> {
    let mut seen = vec![false; code.len()];
    let mut stack: Vec<usize> = (0..code.len()).find(|&i| !code[i].dead).into_iter().collect();
    while let Some(i) = stack.pop() {
        if seen[i] {
            continue;
        }
        seen[i] = true;
        stack.extend(successors(code, i).filter(|&s| !seen[s]));
        if let Some((h, _)) = code[i].exc {
            stack.extend((h..code.len()).find(|&j| !code[j].dead));
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::super::asm::assemble;
    use super::*;

    #[test]
    fn liveness_through_a_loop() {
        // r5 is read at the loop head, so it is live around the whole loop;
        // r6 is written before every read, so it is dead at the back edge.
        let code = assemble(
            "
            LoadInt 5 0
        head:
            IfLtI 5 10
            Jmp ->out
            LoadInt 6 1
            Add 5 5 6
            Jmp ->head
        out:
            Return 5
        ",
        );
        let live = live_out(&code);
        assert!(live[0].contains(5));
        assert!(live[4].contains(5) && !live[4].contains(6));
        assert!(live[3].contains(6));
        assert!(live[5].contains(5));
        assert!(live[6] == RegSet::default());
    }

    #[test]
    fn a_call_reads_its_arguments_and_kills_its_result() {
        let code = assemble(
            "
            LoadGlobal 3 0
            Move 4 0
            Call 3 1
            Return 3
        ",
        );
        let live = live_out(&code);
        assert!(live[1].contains(3) && live[1].contains(4));
        assert!(!live[1].contains(0));
        assert!(live[2].contains(3) && !live[2].contains(4));
    }

    #[test]
    fn reachability_skips_code_after_a_return() {
        let code = assemble(
            "
            IfEqI 0 1
            Jmp ->a
            Return 0
            LoadInt 1 1
        a:
            ReturnNone
        ",
        );
        assert_eq!(reachable(&code), vec![true, true, true, false, true]);
    }
}
