//! Running one child process: its stdout and stderr captured, a timeout
//! enforced, and its resource usage (user and system CPU time, peak RSS)
//! taken from `wait4(2)`.
//!
//! A dedicated thread blocks in `wait4` and notes the wall time as soon as
//! the child is reaped; the caller waits for that thread with a timeout and
//! kills the child and its descendants (found in `/proc`, killed with the
//! `kill` command: no `unsafe` beyond `wait4`) when it expires. The child
//! stays in our process group, so a Ctrl-C at the terminal stops it with the
//! harness. Output pipes still held open by some escaped process are
//! abandoned after [`DRAIN_TIMEOUT`] instead of blocking the harness.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How a child ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    /// Exited with this status.
    Code(i32),
    /// Killed by this signal (not ours).
    Signal(i32),
    /// Still running at the deadline: killed.
    TimedOut,
    /// Could not be started (the message says why).
    SpawnError(String),
}

/// One run's measurements and output.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub exit: Exit,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Seconds from just before the spawn to the reaping of the child.
    pub wall: f64,
    pub user: f64,
    pub sys: f64,
    /// Peak resident set size, KiB (`ru_maxrss` on Linux).
    pub max_rss_kb: u64,
}

impl Outcome {
    fn failed(exit: Exit) -> Outcome {
        Outcome {
            exit,
            stdout: Vec::new(),
            stderr: Vec::new(),
            wall: 0.0,
            user: 0.0,
            sys: 0.0,
            max_rss_kb: 0,
        }
    }
}

struct Reaped {
    status: i32,
    end: Instant,
    usage: libc::rusage,
}

fn tv_secs(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

/// How long the output pipes may stay open after the child is reaped (a
/// grandchild that survived a kill may hold them): then we stop reading.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// Reads a pipe to its end on a thread; the result arrives on the channel.
fn reader<R: Read + Send + 'static>(stream: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stream {
            // A read error leaves what was read so far: good enough for a check.
            let _ = s.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// Blocks in `wait4` for `pid`, retrying on `EINTR`.
fn wait_for(pid: libc::pid_t) -> Option<Reaped> {
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `pid` is our own unreaped child (std never waits for it:
        // we never call `Child::wait`), and both pointers point to live,
        // writable locals of the right types.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let end = Instant::now();
        if r == pid {
            return Some(Reaped { status, end, usage });
        }
        if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        return None;
    }
}

/// The descendants of `pid` (children first), from `/proc/*/stat`; empty
/// where there is no `/proc`.
pub fn descendants(pid: libc::pid_t) -> Vec<libc::pid_t> {
    let mut parent_of = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<libc::pid_t>().ok()) else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
                continue;
            };
            // "pid (comm) state ppid ...": comm may hold spaces and parens.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|v| v.parse::<libc::pid_t>().ok());
            if let Some(ppid) = ppid {
                parent_of.push((p, ppid));
            }
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parent_of.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    found.remove(0);
    found
}

/// Sends SIGKILL to `pids` with the `kill` command (best effort).
fn kill_all(pids: &[libc::pid_t]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg("-KILL")
        .args(pids.iter().map(|p| p.to_string()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// A finished (or killed) child.
struct Finished {
    reaped: Option<Reaped>,
    timed_out: bool,
    start: Instant,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Spawns `cmd` (stdin null, stdout and stderr piped), waits for it with
/// `wait4` and kills it at `timeout`.
fn spawn_and_wait(mut cmd: Command, timeout: Duration) -> Result<Finished, String> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        let _ = child.kill();
        return Err("pid out of range".into());
    };
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(wait_for(pid));
    });
    let mut timed_out = false;
    let reaped = match rx.recv_timeout(timeout) {
        Ok(r) => r,
        Err(_) => {
            timed_out = true;
            // Its descendants first, while they are still its children.
            kill_all(&descendants(pid));
            // std never reaped this child (we never call `Child::wait`), so
            // `kill` signals it; the waiter thread then reaps it.
            let _ = child.kill();
            rx.recv().ok().flatten()
        }
    };
    let deadline = Instant::now() + DRAIN_TIMEOUT;
    let left = || deadline.saturating_duration_since(Instant::now());
    let stdout = out.recv_timeout(left()).unwrap_or_default();
    let stderr = err.recv_timeout(left()).unwrap_or_default();
    Ok(Finished { reaped, timed_out, start, stdout, stderr })
}

/// Runs `program args... script` with no stdin, killing it after `timeout`.
pub fn run(program: &Path, args: &[String], script: &Path, timeout: Duration) -> Outcome {
    let mut cmd = Command::new(program);
    cmd.args(args).arg(script);
    let f = match spawn_and_wait(cmd, timeout) {
        Ok(f) => f,
        Err(e) => return Outcome::failed(Exit::SpawnError(e)),
    };
    let Some(reaped) = f.reaped else {
        return Outcome {
            stdout: f.stdout,
            stderr: f.stderr,
            ..Outcome::failed(Exit::SpawnError("wait4 failed".into()))
        };
    };
    let status = reaped.status;
    let exit = if f.timed_out {
        Exit::TimedOut
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    Outcome {
        exit,
        stdout: f.stdout,
        stderr: f.stderr,
        wall: reaped.end.duration_since(f.start).as_secs_f64(),
        user: tv_secs(reaped.usage.ru_utime),
        sys: tv_secs(reaped.usage.ru_stime),
        max_rss_kb: u64::try_from(reaped.usage.ru_maxrss).unwrap_or(0),
    }
}

/// Runs `program args...` briefly (version queries and the like) and
/// returns its exit status, stdout and stderr when it exits in time.
pub fn capture(program: &Path, args: &[&str], timeout: Duration) -> Option<(i32, String, String)> {
    let mut cmd = Command::new(program);
    cmd.args(args);
    let f = spawn_and_wait(cmd, timeout).ok()?;
    if f.timed_out {
        return None;
    }
    let r = f.reaped?;
    let code = if libc::WIFEXITED(r.status) { libc::WEXITSTATUS(r.status) } else { -1 };
    Some((
        code,
        String::from_utf8_lossy(&f.stdout).into_owned(),
        String::from_utf8_lossy(&f.stderr).into_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_kills_grandchildren() {
        let t = Instant::now();
        let out = run(
            Path::new("sh"),
            &["-c".into(), "sleep 30; echo done".into()],
            Path::new("x"),
            Duration::from_millis(300),
        );
        assert_eq!(out.exit, Exit::TimedOut);
        assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    }

    #[test]
    fn measures_a_normal_run() {
        let out = run(
            Path::new("sh"),
            &["-c".into(), "echo hi; exit 3".into()],
            Path::new("x"),
            Duration::from_secs(10),
        );
        assert_eq!(out.exit, Exit::Code(3));
        assert_eq!(out.stdout, b"hi\n");
        assert!(out.wall > 0.0 && out.max_rss_kb > 0);
        let out = run(Path::new("/no/such/exe"), &[], Path::new("x"), Duration::from_secs(1));
        assert!(matches!(out.exit, Exit::SpawnError(_)));
    }

    #[test]
    fn no_descendants_of_a_leaf() {
        assert!(descendants(i32::MAX).is_empty());
    }
}
