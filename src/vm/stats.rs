//! Instrumentation of the dispatch loop: `taipan --stats` (executed opcode
//! counts, opcode pairs, inline-cache hit rates) and the Python-level
//! sampling profiler of `taipan --pyprofile` (see [`crate::profile::pyprof`]).
//!
//! The loop is generic over a `const MODE: u8` made of the bits below and is
//! monomorphized once per combination; [`Instruments::mode`] picks the copy
//! when the loop is entered. Every hook is written
//! `if MODE & STATS != 0 { ... }`, so the plain copy (`MODE == 0`) compiles
//! to exactly the uninstrumented loop: `--stats` costs nothing when it is off.
//!
//! For the loop's authors: a new instruction that jumps backwards (a loop
//! back-edge such as a fused `FOR_RANGE_LOOP`) or transfers control between
//! frames should call `poll_sample!()` there, as `Jmp`, the calls and the
//! returns do; a new inline cache adds a [`CacheKind`] and a
//! `record_cache` call at its lookup.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::bytecode::opcode::Op;
use crate::profile::pyprof::PySampler;
use crate::vm::Vm;

/// Mode bit: count opcodes, opcode pairs and inline-cache outcomes.
pub const STATS: u8 = 1;
/// Mode bit: poll the Python sampler's tick counter at safepoints.
pub const SAMPLE: u8 = 2;

/// The inline caches whose hits and misses `--stats` reports. New caches
/// add a variant here and one `if MODE & STATS != 0` hook at their lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum CacheKind {
    LoadGlobal,
}

impl CacheKind {
    pub const ALL: [CacheKind; 1] = [CacheKind::LoadGlobal];

    pub fn name(self) -> &'static str {
        match self {
            CacheKind::LoadGlobal => "LoadGlobal",
        }
    }
}

/// What the instrumented loop reports to; attached to [`super::Vm`]. Empty
/// (the default) means the plain loop runs.
pub struct Instruments {
    pub stats: Option<Box<OpStats>>,
    sampler: Option<Box<PySampler>>,
    /// The sampler's tick counter (a counter that stays 0 without one),
    /// kept here so that a poll is two loads from `self`.
    ticks: &'static AtomicU32,
}

static NO_TICKS: AtomicU32 = AtomicU32::new(0);

impl Default for Instruments {
    fn default() -> Self {
        Instruments { stats: None, sampler: None, ticks: &NO_TICKS }
    }
}

impl Instruments {
    pub fn new(stats: Option<Box<OpStats>>, sampler: Option<Box<PySampler>>) -> Instruments {
        let ticks = sampler.as_deref().map_or(&NO_TICKS, |s| s.ticks());
        Instruments { stats, sampler, ticks }
    }

    /// The statistics and the sampler, taken apart after a run.
    pub fn into_parts(self) -> (Option<Box<OpStats>>, Option<Box<PySampler>>) {
        (self.stats, self.sampler)
    }

    /// Whether the sampler asked for a sample (SAMPLE copies poll this at
    /// safepoints).
    #[inline(always)]
    pub fn sample_due(&self) -> bool {
        self.ticks.load(Ordering::Relaxed) != 0
    }

    /// The `MODE` bits of the loop copy to run.
    #[inline]
    pub fn mode(&self) -> u8 {
        (if self.stats.is_some() { STATS } else { 0 })
            | (if self.sampler.is_some() { SAMPLE } else { 0 })
    }

    /// Count one executed instruction (STATS copies only).
    #[inline]
    pub fn record_op(&mut self, op: Op) {
        if let Some(s) = self.stats.as_deref_mut() {
            s.record(op as u8);
        }
    }

    /// Count one inline-cache lookup (STATS copies only).
    #[inline]
    pub fn record_cache(&mut self, kind: CacheKind, hit: bool) {
        if let Some(s) = self.stats.as_deref_mut() {
            s.caches[kind as usize][hit as usize] += 1;
        }
    }
}

impl Vm {
    /// Record the Python stack for the sampler's pending ticks (the top
    /// frame's `pc` is saved by the caller). Out of line: it runs about once
    /// a millisecond.
    #[cold]
    #[inline(never)]
    pub(crate) fn take_py_sample(&mut self) {
        if let Some(s) = self.instruments.sampler.as_deref_mut() {
            s.record(&self.frames);
        }
    }
}

/// Dynamic instruction statistics.
pub struct OpStats {
    /// Executions per opcode byte.
    pub counts: [u64; Op::COUNT],
    /// `pairs[a * COUNT + b]`: how often opcode `b` ran right after `a`
    /// (consecutive in execution order, across calls and returns too).
    pub pairs: Vec<u64>,
    /// The previous opcode, `u8::MAX` before the first.
    prev: u8,
    /// `[misses, hits]` per [`CacheKind`].
    pub caches: [[u64; 2]; CacheKind::ALL.len()],
}

impl Default for OpStats {
    fn default() -> Self {
        OpStats {
            counts: [0; Op::COUNT],
            pairs: vec![0; Op::COUNT * Op::COUNT],
            prev: u8::MAX,
            caches: [[0; 2]; CacheKind::ALL.len()],
        }
    }
}

impl OpStats {
    #[inline]
    pub fn record(&mut self, op: u8) {
        let op = op as usize;
        if let Some(c) = self.counts.get_mut(op) {
            *c += 1;
        }
        let prev = self.prev as usize;
        if prev < Op::COUNT && op < Op::COUNT {
            self.pairs[prev * Op::COUNT + op] += 1;
        }
        self.prev = op as u8;
    }

    /// Total executed instructions.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The `n` most frequent pairs, most frequent first (ties by opcode).
    pub fn top_pairs(&self, n: usize) -> Vec<(Op, Op, u64)> {
        let mut all: Vec<(usize, u64)> =
            self.pairs.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect();
        all.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        all.into_iter()
            .take(n)
            .filter_map(|(i, c)| {
                let a = Op::from_u8((i / Op::COUNT) as u8)?;
                let b = Op::from_u8((i % Op::COUNT) as u8)?;
                Some((a, b, c))
            })
            .collect()
    }

    /// The report `taipan --stats` prints on stderr.
    pub fn report(&self) -> String {
        let total = self.total();
        let pct = |c: u64, of: u64| if of == 0 { 0.0 } else { c as f64 * 100.0 / of as f64 };
        let mut out = String::new();
        let _ = writeln!(out, "=== taipan --stats ===");
        let _ = writeln!(out, "executed instructions: {total}");
        let mut ops: Vec<(Op, u64)> = (0..Op::COUNT as u8)
            .filter_map(Op::from_u8)
            .map(|op| (op, self.counts[op as usize]))
            .collect();
        ops.sort_by(|x, y| y.1.cmp(&x.1).then((x.0 as u8).cmp(&(y.0 as u8))));
        let executed = ops.iter().filter(|o| o.1 > 0).count();
        let _ = writeln!(out, "opcodes executed: {executed} of {}", Op::COUNT);
        for &(op, c) in ops.iter().filter(|o| o.1 > 0) {
            let _ = writeln!(out, "  {:<16} {c:>14} {:>7.3}%", op.name(), pct(c, total));
        }
        let never: Vec<&str> = ops.iter().filter(|o| o.1 == 0).map(|o| o.0.name()).collect();
        if !never.is_empty() {
            let _ = writeln!(out, "never executed: {}", never.join(" "));
        }
        let pair_total: u64 = self.pairs.iter().sum();
        let _ = writeln!(out, "opcode pairs: {pair_total} (top 20)");
        for (a, b, c) in self.top_pairs(20) {
            let name = format!("{} -> {}", a.name(), b.name());
            let _ = writeln!(out, "  {name:<34} {c:>14} {:>7.3}%", pct(c, pair_total));
        }
        let _ = writeln!(out, "inline caches:");
        for kind in CacheKind::ALL {
            let [miss, hit] = self.caches[kind as usize];
            let rate = if hit + miss == 0 {
                "-".to_string()
            } else {
                format!("{:.2}%", pct(hit, hit + miss))
            };
            let _ = writeln!(
                out,
                "  {:<16} hits {hit:>14} misses {miss:>12} hit rate {rate}",
                kind.name()
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pairs_and_caches() {
        let mut s = OpStats::default();
        for op in [Op::Move, Op::Add, Op::Move, Op::Add, Op::Jmp] {
            s.record(op as u8);
        }
        assert_eq!(s.total(), 5);
        assert_eq!(s.counts[Op::Move as usize], 2);
        // Pairs: one fewer than instructions.
        assert_eq!(s.pairs.iter().sum::<u64>(), 4);
        let top = s.top_pairs(20);
        assert_eq!(top[0], (Op::Move, Op::Add, 2));
        assert_eq!(top.len(), 3);
        let mut ins = Instruments::new(Some(Box::default()), None);
        assert!(!ins.sample_due());
        assert_eq!(ins.mode(), STATS);
        ins.record_cache(CacheKind::LoadGlobal, true);
        ins.record_cache(CacheKind::LoadGlobal, true);
        ins.record_cache(CacheKind::LoadGlobal, false);
        let text = ins.stats.as_ref().map(|s| s.report()).unwrap_or_default();
        assert!(text.contains("hits              2 misses            1 hit rate 66.67%"), "{text}");
        assert_eq!(Instruments::default().mode(), 0);
    }

    #[test]
    fn report_lists_counts_that_add_up() {
        let mut s = OpStats::default();
        for _ in 0..3 {
            s.record(Op::LoadK as u8);
            s.record(Op::Call as u8);
        }
        let text = s.report();
        assert!(text.contains("executed instructions: 6\n"), "{text}");
        assert!(text.contains("  LoadK "), "{text}");
        assert!(text.contains("LoadK -> Call"), "{text}");
        assert!(text.contains("opcode pairs: 5 (top 20)"), "{text}");
    }
}
