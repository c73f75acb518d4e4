//! Running one child process: its stdout and stderr captured, a timeout
//! enforced, and its resource usage (user and system CPU time, peak RSS)
//! taken from `wait4(2)`.
//!
//! The child is started in its own process group, so a timeout kills
//! everything it started (a shell wrapper's children too). A dedicated thread
//! blocks in `wait4` and notes the wall time as soon as the child is reaped;
//! the caller waits for that thread with a timeout.

use std::io::Read;
use std::os::unix::process::CommandExt;
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

fn reader<R: Read + Send + 'static>(stream: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stream {
            // A read error leaves what was read so far: good enough for a check.
            let _ = s.read_to_end(&mut buf);
        }
        buf
    })
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

/// Runs `program args... script` with no stdin, killing it after `timeout`.
pub fn run(program: &Path, args: &[String], script: &Path, timeout: Duration) -> Outcome {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome::failed(Exit::SpawnError(e.to_string())),
    };
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return Outcome::failed(Exit::SpawnError("pid out of range".into()));
    };
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let _ = tx.send(wait_for(pid));
    });
    let mut timed_out = false;
    let reaped = match rx.recv_timeout(timeout) {
        Ok(r) => r,
        Err(_) => {
            timed_out = true;
            // SAFETY: the child is not reaped yet (the waiter has not
            // returned), so `pid` still names it and its process group
            // (created by `process_group(0)`); killing a group is harmless.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
                libc::kill(pid, libc::SIGKILL);
            }
            rx.recv().ok().flatten()
        }
    };
    let _ = waiter.join();
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    drop(child);
    let Some(reaped) = reaped else {
        return Outcome {
            stdout,
            stderr,
            ..Outcome::failed(Exit::SpawnError("wait4 failed".into()))
        };
    };
    let status = reaped.status;
    let exit = if timed_out {
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
        stdout,
        stderr,
        wall: reaped.end.duration_since(start).as_secs_f64(),
        user: tv_secs(reaped.usage.ru_utime),
        sys: tv_secs(reaped.usage.ru_stime),
        max_rss_kb: u64::try_from(reaped.usage.ru_maxrss).unwrap_or(0),
    }
}

/// Runs `program args...` briefly (version queries and the like) and
/// returns its exit status, stdout and stderr when it exits in time.
pub fn capture(program: &Path, args: &[&str], timeout: Duration) -> Option<(i32, String, String)> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = cmd.spawn().ok()?;
    let pid = libc::pid_t::try_from(child.id()).ok()?;
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let _ = tx.send(wait_for(pid));
    });
    let reaped = match rx.recv_timeout(timeout) {
        Ok(r) => r,
        Err(_) => {
            // SAFETY: as in `run`: the child is not reaped yet.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
                libc::kill(pid, libc::SIGKILL);
            }
            let _ = rx.recv();
            None
        }
    };
    let _ = waiter.join();
    let stdout = String::from_utf8_lossy(&out.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    drop(child);
    let r = reaped?;
    let code = if libc::WIFEXITED(r.status) { libc::WEXITSTATUS(r.status) } else { -1 };
    Some((code, stdout, stderr))
}
