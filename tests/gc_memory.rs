//! Memory tests of the garbage collector: short-lived allocations run in
//! bounded memory, and repeatedly built reference cycles are reclaimed (peak
//! RSS does not grow with the number of cycles built).
//!
//! Peak RSS comes from `wait4`'s resource usage of the child process.

use std::io::Write;
use std::process::{Command, Stdio};

/// Run `taipan -c src`; return its stdout and peak RSS in KiB. (The child is
/// reaped by `wait4`, which clippy does not see.)
#[allow(clippy::zombie_processes)]
fn run_measured(src: &str) -> (String, i64) {
    let exe = env!("CARGO_BIN_EXE_taipan");
    let mut child = Command::new(exe)
        .args(["-c", src])
        .env_remove("TAIPAN_GC_TORTURE")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn taipan");
    let mut out = String::new();
    {
        use std::io::Read;
        child.stdout.take().expect("stdout").read_to_string(&mut out).expect("read stdout");
    }
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own unwaited child; `status` and `usage` are valid
    // for writes for the duration of the call.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "taipan failed");
    let _ = std::io::stderr().flush();
    (out, usage.ru_maxrss)
}

#[test]
fn ten_million_short_lived_objects_in_bounded_memory() {
    // Each iteration allocates a list, a tuple and a string: 3.3M iterations
    // = 10 million objects, of which only a handful are live at a time.
    let src = "\
n = 0
for i in range(3_333_334):
    l = [i, i + 1]
    t = (i, l)
    s = str(i)
    n += len(l) + len(t) + len(s)
print(n)
";
    let (out, rss_kib) = run_measured(src);
    let expected: usize = (0..3_333_334usize).map(|i| 4 + i.to_string().len()).sum();
    assert_eq!(out.trim(), expected.to_string());
    eprintln!("peak RSS: {} KiB", rss_kib);
    assert!(rss_kib < 50 * 1024, "peak RSS {rss_kib} KiB is not under 50 MB");
}

#[test]
fn cycles_are_reclaimed() {
    // Rings of lists, self-referencing dicts and closures over themselves:
    // unreachable after each iteration, reclaimable only by tracing.
    let prog = |n: usize| {
        format!(
            "\
def make():
    def f():
        return f
    return f
total = 0
for i in range({n}):
    a = [i]
    b = [a]
    a.append(b)
    d = {{}}
    d['self'] = d
    d['ring'] = a
    g = make()
    total += len(a) + len(d)
print(total)
"
        )
    };
    let (small_out, small_rss) = run_measured(&prog(100_000));
    let (big_out, big_rss) = run_measured(&prog(1_000_000));
    assert_eq!(small_out.trim(), "400000");
    assert_eq!(big_out.trim(), "4000000");
    eprintln!("peak RSS: {small_rss} KiB for 100k cycles, {big_rss} KiB for 1M cycles");
    // Ten times the cycles may not cost more than a few MB extra.
    assert!(
        big_rss < small_rss + 8 * 1024,
        "memory grows with the number of cycles: {small_rss} KiB -> {big_rss} KiB"
    );
    assert!(big_rss < 50 * 1024, "peak RSS {big_rss} KiB");
}
