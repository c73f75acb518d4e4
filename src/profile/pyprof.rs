//! `taipan --pyprofile`: a sampling profiler of the Python call stack.
//!
//! A timer on the CPU clock of the interpreter's thread raises a flag (an
//! atomic tick counter) every interval of CPU time it uses (1 ms at the
//! default 1000 Hz; in practice at most once per kernel tick). On Linux the
//! timer is a POSIX timer on `CLOCK_THREAD_CPUTIME_ID` whose signal
//! (`SIGVTALRM`, delivered to that thread only) just bumps the counter: no
//! extra thread, no context switches. Elsewhere a timer thread polls the CPU
//! clock every interval.
//!
//! The dispatch loop's sampling copy polls the counter at its safepoints
//! (calls, backward jumps, returns); when it is non-zero the loop records the
//! frame stack, each frame as (code object, current line), weighted by the
//! CPU time the thread used since the previous sample (in intervals). CPU
//! spent in a long native call is charged to the Python frame that made it,
//! at the next safepoint. The cost is a load and a branch per safepoint plus
//! a short walk of the frame stack per sample (see `perf/README.md`).
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
    /// Raised by the timer; leaked, because a timer signal may still be on
    /// its way after the timer is deleted.
    ticks: &'static AtomicU32,
    ticker: Ticker,
    clock: CpuClock,
    interval: Duration,
    /// CPU time of the thread at the last sample, and what was left over
    /// (less than one interval) when it was turned into a weight.
    last_cpu: Duration,
    carry: Duration,
    started: Instant,
    elapsed: Option<Duration>,
    codes: AHashMap<usize, Rc<CodeObject>>,
    /// Stacks, root first, with their summed weight.
    stacks: AHashMap<Vec<FrameKey>, u64>,
    scratch: Vec<FrameKey>,
    /// Number of stacks recorded and their total weight (intervals).
    pub samples: u64,
    pub weight: u64,
}

/// What raises the tick counter.
enum Ticker {
    #[cfg(target_os = "linux")]
    Signal(libc::timer_t),
    Thread(Arc<AtomicBool>, JoinHandle<()>),
    Stopped,
}

impl PySampler {
    /// Start sampling the calling thread: a tick per `1/hz` s of its CPU
    /// time (of wall time where no CPU clock is available).
    pub fn start(hz: u32) -> PySampler {
        let interval = Duration::from_nanos(1_000_000_000 / u64::from(hz.clamp(1, 100_000)));
        let ticks: &'static AtomicU32 = Box::leak(Box::new(AtomicU32::new(0)));
        let clock = CpuClock::of_current_thread();
        let ticker = Ticker::start(ticks, clock, interval);
        PySampler {
            ticks,
            ticker,
            clock,
            interval,
            last_cpu: clock.now().unwrap_or_default(),
            carry: Duration::ZERO,
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
    pub fn ticks(&self) -> &'static AtomicU32 {
        self.ticks
    }

    /// The weight of a sample taken now: the intervals of CPU time since
    /// the previous one (the ticks counted, without a CPU clock).
    fn take_weight(&mut self) -> u64 {
        let ticks = u64::from(self.ticks.swap(0, Ordering::Relaxed));
        if ticks == 0 {
            return 0;
        }
        let Some(now) = self.clock.now() else { return ticks };
        let used = now.saturating_sub(self.last_cpu) + self.carry;
        self.last_cpu = now;
        let n = (used.as_nanos() / self.interval.as_nanos()) as u64;
        self.carry = used.saturating_sub(self.interval * n as u32);
        n
    }

    /// Record the stack `frames` (each frame's `pc` saved) for the pending
    /// ticks.
    pub fn record(&mut self, frames: &[Frame]) {
        let weight = self.take_weight();
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
        self.ticker.stop();
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
            "=== taipan --pyprofile: {total} samples ({} µs of CPU time each), {} stack walks, \
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

impl Ticker {
    fn start(ticks: &'static AtomicU32, clock: CpuClock, interval: Duration) -> Ticker {
        #[cfg(target_os = "linux")]
        if let Some(t) = signal_timer(ticks, interval) {
            return Ticker::Signal(t);
        }
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        match std::thread::Builder::new()
            .name("taipan-pyprofile".into())
            .spawn(move || timer_thread(clock, interval, ticks, &stop2))
        {
            Ok(handle) => Ticker::Thread(stop, handle),
            Err(_) => Ticker::Stopped,
        }
    }

    fn stop(&mut self) {
        match std::mem::replace(self, Ticker::Stopped) {
            #[cfg(target_os = "linux")]
            Ticker::Signal(t) => {
                // SAFETY: `t` was created by `timer_create` and is deleted once.
                unsafe { libc::timer_delete(t) };
            }
            Ticker::Thread(stop, handle) => {
                stop.store(true, Ordering::Relaxed);
                let _ = handle.join();
            }
            Ticker::Stopped => {}
        }
    }
}

/// The `SIGVTALRM` handler: bump the counter the timer's value points to.
/// Async-signal-safe: one atomic add.
#[cfg(target_os = "linux")]
extern "C" fn on_tick(_sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid `siginfo_t`. Only our POSIX timers
    // (`SI_TIMER`) send this signal with a value, and theirs is a leaked
    // `&'static AtomicU32`.
    unsafe {
        if info.is_null() || (*info).si_code != libc::SI_TIMER {
            return;
        }
        let p = (*info).si_value().sival_ptr as *const AtomicU32;
        if let Some(ticks) = p.as_ref() {
            ticks.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// A POSIX timer on the calling thread's CPU clock that sends `SIGVTALRM`
/// to that thread every `interval`; `None` when one cannot be made.
#[cfg(target_os = "linux")]
fn signal_timer(ticks: &'static AtomicU32, interval: Duration) -> Option<libc::timer_t> {
    static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let installed = *INSTALLED.get_or_init(|| {
        // SAFETY: a zeroed `sigaction` is valid; the handler is an
        // `extern "C"` function of the `SA_SIGINFO` shape. `SA_RESTART` keeps
        // interrupted system calls going.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_tick as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(libc::SIGVTALRM, &sa, std::ptr::null_mut()) == 0
        }
    });
    if !installed {
        return None;
    }
    // SAFETY: plain libc calls with valid, initialized arguments; the
    // timer's value is a `'static` pointer (see `on_tick`).
    unsafe {
        let mut sev: libc::sigevent = std::mem::zeroed();
        sev.sigev_notify = libc::SIGEV_THREAD_ID;
        sev.sigev_signo = libc::SIGVTALRM;
        sev.sigev_value =
            libc::sigval { sival_ptr: ticks as *const AtomicU32 as *mut libc::c_void };
        sev.sigev_notify_thread_id = libc::gettid();
        let mut timer: libc::timer_t = std::ptr::null_mut();
        if libc::timer_create(libc::CLOCK_THREAD_CPUTIME_ID, &mut sev, &mut timer) != 0 {
            return None;
        }
        let ts = libc::timespec {
            tv_sec: interval.as_secs() as libc::time_t,
            tv_nsec: interval.subsec_nanos() as libc::c_long,
        };
        let spec = libc::itimerspec { it_interval: ts, it_value: ts };
        if libc::timer_settime(timer, 0, &spec, std::ptr::null_mut()) != 0 {
            libc::timer_delete(timer);
            return None;
        }
        Some(timer)
    }
}

/// Without signal timers: a thread that adds a tick per `interval` of the
/// interpreter thread's CPU time (wall time without a CPU clock) until
/// `stop`.
fn timer_thread(clock: CpuClock, interval: Duration, ticks: &AtomicU32, stop: &AtomicBool) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_come_and_weights_follow_cpu_time() {
        let mut s = PySampler::start(1000);
        let clock = CpuClock::of_current_thread();
        let wall = Instant::now();
        // Burn at least 40 ms of CPU and until a tick came (the timer is
        // checked at the kernel's tick while this thread runs, so on a busy
        // machine ticks are rarer than one per interval).
        let mut x = 0u64;
        while wall.elapsed() < Duration::from_secs(30) {
            for i in 0..10_000u64 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(i);
            }
            let cpu_ok = match clock.now() {
                Some(now) => now.saturating_sub(s.last_cpu) >= Duration::from_millis(40),
                None => wall.elapsed() >= Duration::from_millis(40),
            };
            if cpu_ok && s.ticks().load(Ordering::Relaxed) > 0 {
                break;
            }
        }
        std::hint::black_box(x);
        let before = s.last_cpu;
        let weight = s.take_weight();
        if clock.now().is_some() {
            // The weight is the CPU time used, in whole milliseconds.
            let used = s.last_cpu - before;
            assert_eq!(weight, used.as_millis() as u64, "{used:?}");
            assert!(weight >= 40, "{weight}");
        } else {
            assert!(weight >= 1);
        }
        s.stop();
        assert_eq!(s.weight, 0);
        assert!(s.top_report(5).contains(" 0 samples"));
        assert_eq!(s.folded_text(), "\n");
    }
}
