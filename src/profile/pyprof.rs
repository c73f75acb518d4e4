//! `taipan --pyprofile`: a sampling profiler of the Python call stack.
//!
//! A timer thread watches the CPU clock of the interpreter's thread and adds
//! one *tick* to an atomic counter per interval of CPU time it used (1 ms at
//! the default 1000 Hz). The dispatch loop's sampling copy polls that counter
//! at its safepoints (calls, backward jumps, returns); when it is non-zero
//! the loop records the frame stack, each frame as (code object, current
//! line), weighted by the ticks taken. Ticks that pile up during a long
//! native call are charged to the Python frame that made it, at the next
//! safepoint. The cost is one load and branch per safepoint plus a short
//! walk of the frame stack per sample, well under 5% (see `perf/README.md`).
//!
//! Reports: a flamegraph SVG, folded stacks (`.folded`), or the functions
//! with the most self and total samples (`-`, on stderr).

use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ahash::AHashMap;

use super::flame::{self, Palette};
use crate::bytecode::code::CodeObject;
use crate::vm::Frame;

/// One frame of a sample: the code object's address (kept alive by
/// `PySampler::codes`, so never reused) and the line it was at.
type FrameKey = (usize, u32);

pub struct PySampler {
    ticks: Arc<AtomicU32>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    interval: Duration,
    started: Instant,
    elapsed: Option<Duration>,
    codes: AHashMap<usize, Rc<CodeObject>>,
    /// Stacks, root first, with their summed weight.
    stacks: AHashMap<Vec<FrameKey>, u64>,
    scratch: Vec<FrameKey>,
    /// Number of stacks recorded and their total weight (ticks).
    pub samples: u64,
    pub weight: u64,
}

impl PySampler {
    /// Start the timer thread: one tick per `1/hz` s of this thread's CPU
    /// time (of wall time where the CPU clock is unavailable).
    pub fn start(hz: u32) -> PySampler {
        let interval = Duration::from_nanos(1_000_000_000 / u64::from(hz.clamp(1, 100_000)));
        let ticks = Arc::new(AtomicU32::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let clock = CpuClock::of_current_thread();
        let thread = {
            let (ticks, stop) = (ticks.clone(), stop.clone());
            std::thread::Builder::new()
                .name("taipan-pyprofile".into())
                .spawn(move || timer(clock, interval, &ticks, &stop))
                .ok()
        };
        PySampler {
            ticks,
            stop,
            thread,
            interval,
            started: Instant::now(),
            elapsed: None,
            codes: AHashMap::new(),
            stacks: AHashMap::new(),
            scratch: Vec::new(),
            samples: 0,
            weight: 0,
        }
    }

    /// The counter the dispatch loop polls (non-zero: take a sample).
    pub fn ticks(&self) -> &AtomicU32 {
        &self.ticks
    }

    /// Record the stack `frames` (each frame's `pc` saved) for the pending
    /// ticks.
    pub fn record(&mut self, frames: &[Frame]) {
        let weight = u64::from(self.ticks.swap(0, Ordering::Relaxed));
        if weight == 0 {
            return;
        }
        self.scratch.clear();
        for f in frames {
            let addr = Rc::as_ptr(&f.code) as usize;
            self.codes.entry(addr).or_insert_with(|| f.code.clone());
            let line = f.code.position(f.pc.saturating_sub(1)).line;
            self.scratch.push((addr, line));
        }
        match self.stacks.get_mut(self.scratch.as_slice()) {
            Some(w) => *w += weight,
            None => {
                self.stacks.insert(self.scratch.clone(), weight);
            }
        }
        self.samples += 1;
        self.weight += weight;
    }

    /// Stop the timer thread (idempotent).
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.elapsed.get_or_insert_with(|| self.started.elapsed());
    }

    fn code(&self, addr: usize) -> Option<&CodeObject> {
        self.codes.get(&addr).map(|c| &**c)
    }

    /// `qualname (file:line)` for a frame.
    fn frame_name(&self, (addr, line): FrameKey) -> String {
        match self.code(addr) {
            Some(c) => {
                flame::frame_label(&format!("{} ({}:{line})", c.qualname, short_file(&c.filename)))
            }
            None => "?".to_owned(),
        }
    }

    /// `qualname (file:first_line)` for a function.
    fn function_name(&self, addr: usize) -> String {
        match self.code(addr) {
            Some(c) => {
                format!("{} ({}:{})", c.qualname, short_file(&c.filename), c.first_line)
            }
            None => "?".to_owned(),
        }
    }

    /// Folded stacks (`root;...;leaf WEIGHT` lines, sorted), the input of
    /// flamegraph tools.
    pub fn folded_lines(&self) -> Vec<String> {
        let mut merged: AHashMap<String, u64> = AHashMap::new();
        for (stack, &w) in &self.stacks {
            let names: Vec<String> = stack.iter().map(|&k| self.frame_name(k)).collect();
            *merged.entry(names.join(";")).or_default() += w;
        }
        let mut lines: Vec<String> = merged.into_iter().map(|(s, w)| format!("{s} {w}")).collect();
        lines.sort();
        lines
    }

    pub fn folded_text(&self) -> String {
        let mut s = self.folded_lines().join("\n");
        s.push('\n');
        s
    }

    pub fn flamegraph(&self, title: &str) -> Vec<u8> {
        let lines = self.folded_lines();
        let unit = format!("samples ({} µs CPU each)", self.interval.as_micros());
        flame::render(lines.iter().map(String::as_str), title, &unit, Palette::Python)
    }

    /// Per function: (self weight, total weight), total counting a function
    /// once per stack however often it recurses.
    pub fn function_weights(&self) -> Vec<(String, u64, u64)> {
        let mut per: AHashMap<usize, (u64, u64)> = AHashMap::new();
        let mut seen: Vec<usize> = Vec::new();
        for (stack, &w) in &self.stacks {
            seen.clear();
            for &(addr, _) in stack {
                if !seen.contains(&addr) {
                    seen.push(addr);
                    per.entry(addr).or_default().1 += w;
                }
            }
            if let Some(&(addr, _)) = stack.last() {
                per.entry(addr).or_default().0 += w;
            }
        }
        let mut named: AHashMap<String, (u64, u64)> = AHashMap::new();
        for (addr, (s, t)) in per {
            let e = named.entry(self.function_name(addr)).or_default();
            e.0 += s;
            e.1 += t;
        }
        named.into_iter().map(|(n, (s, t))| (n, s, t)).collect()
    }

    /// The `-` report: top `n` functions by self and by total samples, and
    /// the hottest lines.
    pub fn top_report(&self, n: usize) -> String {
        let total = self.weight;
        let pct = |w: u64| if total == 0 { 0.0 } else { w as f64 * 100.0 / total as f64 };
        let mut out = String::new();
        let secs = self.elapsed.unwrap_or_else(|| self.started.elapsed()).as_secs_f64();
        let _ = writeln!(
            out,
            "=== taipan --pyprofile: {total} samples ({} µs of CPU time each) in {} stacks, \
             {secs:.3} s wall ===",
            self.interval.as_micros(),
            self.samples
        );
        let mut funcs = self.function_weights();
        let header = "   self%       self   total%      total  function";
        let mut table = |title: &str, funcs: &[(String, u64, u64)]| {
            let _ = writeln!(out, "{title}\n{header}");
            for (name, s, t) in funcs.iter().take(n) {
                let _ =
                    writeln!(out, "{:>7.2}% {s:>10} {:>7.2}% {t:>10}  {name}", pct(*s), pct(*t));
            }
        };
        funcs.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        table("by self samples:", &funcs);
        funcs.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        table("by total samples:", &funcs);
        let mut lines: AHashMap<String, u64> = AHashMap::new();
        for (stack, &w) in &self.stacks {
            if let Some(&k) = stack.last() {
                *lines.entry(self.frame_name(k)).or_default() += w;
            }
        }
        let mut lines: Vec<(String, u64)> = lines.into_iter().collect();
        lines.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let _ = writeln!(out, "hottest lines (self samples):");
        for (name, w) in lines.iter().take(n.min(10)) {
            let _ = writeln!(out, "{:>7.2}% {w:>10}  {name}", pct(*w));
        }
        out
    }
}

impl Drop for PySampler {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `dir/x.py` → `x.py` (flamegraph frames stay short).
fn short_file(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The CPU clock of a thread, read from another thread.
#[derive(Clone, Copy)]
struct CpuClock(Option<libc::clockid_t>);

impl CpuClock {
    #[cfg(unix)]
    fn of_current_thread() -> CpuClock {
        let mut id: libc::clockid_t = 0;
        // SAFETY: `pthread_self()` is this live thread; `id` is a valid out
        // pointer.
        let rc = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut id) };
        let clock = CpuClock((rc == 0).then_some(id));
        if clock.now().is_some() {
            clock
        } else {
            CpuClock(None)
        }
    }

    #[cfg(not(unix))]
    fn of_current_thread() -> CpuClock {
        CpuClock(None)
    }

    /// The thread's CPU time, `None` when unavailable (thread gone).
    #[cfg(unix)]
    fn now(self) -> Option<Duration> {
        let id = self.0?;
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `ts` is a valid out pointer.
        let rc = unsafe { libc::clock_gettime(id, &mut ts) };
        (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }

    #[cfg(not(unix))]
    fn now(self) -> Option<Duration> {
        None
    }
}

/// The timer thread: add a tick per `interval` of the interpreter thread's
/// CPU time (wall time without a CPU clock) until `stop`.
fn timer(clock: CpuClock, interval: Duration, ticks: &AtomicU32, stop: &AtomicBool) {
    let wall = Instant::now();
    let read = |last: Duration| match clock.0 {
        Some(_) => clock.now().unwrap_or(last),
        None => wall.elapsed(),
    };
    let mut last = read(Duration::ZERO);
    let mut owed = Duration::ZERO;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(interval);
        let now = read(last);
        owed += now.saturating_sub(last);
        last = now;
        let n = (owed.as_nanos() / interval.as_nanos()) as u32;
        if n > 0 {
            owed -= interval * n;
            ticks.fetch_add(n, Ordering::Relaxed);
        }
    }
}
