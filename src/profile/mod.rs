//! Profilers behind the command line's `--profile`, `--pyprofile` and
//! `--stats` (see `perf/README.md`):
//!
//! - [`native`]: `--profile OUT.svg|OUT.pb` samples the interpreter's own
//!   Rust functions with `pprof` (SIGPROF, ~1 kHz) and writes a flamegraph or
//!   a pprof protobuf.
//! - [`pyprof`]: `--pyprofile OUT.svg|OUT.folded|-` samples the *Python*
//!   call stack: a timer thread bumps a tick counter that the dispatch loop
//!   polls at its safepoints; the loop then records the frame stack.
//! - `--stats`: executed opcodes, opcode pairs and inline-cache hit rates,
//!   counted by an instrumented copy of the dispatch loop
//!   ([`crate::vm::stats`]).
//!
//! [`run_instrumented`] runs a program with any of them; output files are
//! created before the program starts, so an unwritable path is reported
//! (status 2) without running anything.

pub mod flame;
#[cfg(unix)]
pub mod native;
pub mod pyprof;

use std::fs::File;
use std::io::Write;

use crate::cli::pipeline::{compile_program, SourceError};
use crate::vm::stats::{Instruments, OpStats};
use crate::vm::Vm;

/// What to measure while a program runs.
#[derive(Clone, Debug, Default)]
pub struct ProfileOptions {
    /// `--profile PATH`: native flamegraph (`.svg`) or pprof protobuf (`.pb`).
    pub native: Option<String>,
    /// `--pyprofile PATH`: Python flamegraph (`.svg`), folded stacks
    /// (`.folded`/`.txt`) or, for `-`, top functions on stderr.
    pub python: Option<String>,
    /// `--stats`: opcode statistics on stderr.
    pub stats: bool,
    /// `--profile-hz N`: sampling rate of both profilers.
    pub hz: Option<u32>,
    /// `--no-opt`: measure the code before the peephole optimizer.
    pub no_opt: bool,
}

impl ProfileOptions {
    pub fn any(&self) -> bool {
        self.native.is_some() || self.python.is_some() || self.stats
    }
}

/// Where a report goes: an open file, or stderr (`-`).
pub enum Sink {
    Stderr,
    File(String, File),
}

impl Sink {
    /// Open (create) `path` now, or refuse with the message to print.
    pub fn open(path: &str, what: &str) -> Result<Sink, String> {
        if path == "-" {
            return Ok(Sink::Stderr);
        }
        File::create(path).map(|f| Sink::File(path.to_owned(), f)).map_err(|e| {
            format!("taipan: {what}: can't write '{path}': {}\n", crate::cli::errno_message(&e))
        })
    }

    /// Write a whole report; the message to print on failure.
    pub fn write_all(&mut self, bytes: &[u8], what: &str) -> Result<(), String> {
        match self {
            Sink::Stderr => {
                let _ = std::io::stderr().write_all(bytes);
                Ok(())
            }
            Sink::File(path, f) => f.write_all(bytes).and_then(|()| f.flush()).map_err(|e| {
                format!("taipan: {what}: can't write '{path}': {}\n", crate::cli::errno_message(&e))
            }),
        }
    }
}

/// The file extension of `path`, lowercased ("" when none).
fn extension(path: &str) -> String {
    std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Compile and run a program as `__main__` with the profilers `opts` asks
/// for, then write their reports. The exit status: the program's, or 2 when
/// an output cannot be opened (nothing runs then) or written (the program
/// ran).
pub fn run_instrumented(
    bytes: &[u8],
    filename: &str,
    argv: Vec<String>,
    opts: &ProfileOptions,
) -> Result<i32, SourceError> {
    // Open every output first: a bad path must not cost a whole run.
    let native_sink = match &opts.native {
        Some(p) if p == "-" => {
            crate::cli::write_stderr_pub("taipan: --profile needs a file name (.svg or .pb)\n");
            return Ok(2);
        }
        Some(p) => match Sink::open(p, "--profile") {
            Ok(s) => Some((p.clone(), s)),
            Err(msg) => {
                crate::cli::write_stderr_pub(&msg);
                return Ok(2);
            }
        },
        None => None,
    };
    let py_sink = match &opts.python {
        Some(p) => match Sink::open(p, "--pyprofile") {
            Ok(s) => Some((p.clone(), s)),
            Err(msg) => {
                crate::cli::write_stderr_pub(&msg);
                return Ok(2);
            }
        },
        None => None,
    };
    #[cfg(unix)]
    let native = match &native_sink {
        Some(_) => match native::NativeProfiler::start(opts.hz.unwrap_or(999)) {
            Ok(p) => Some(p),
            Err(msg) => {
                crate::cli::write_stderr_pub(&format!("taipan: --profile: {msg}\n"));
                return Ok(2);
            }
        },
        None => None,
    };
    #[cfg(not(unix))]
    if native_sink.is_some() {
        crate::cli::write_stderr_pub("taipan: --profile is only available on Unix\n");
        return Ok(2);
    }

    let mut vm = Vm::new(argv);
    let mut status = match compile_program(&mut vm, bytes, filename, !opts.no_opt)? {
        Ok(code) => {
            vm.instruments = Instruments::new(
                opts.stats.then(Box::<OpStats>::default),
                py_sink
                    .as_ref()
                    .map(|_| Box::new(pyprof::PySampler::start(opts.hz.unwrap_or(1000)))),
            );
            vm.run_main(code)
        }
        Err(status) => status,
    };
    let (stats, sampler) = std::mem::take(&mut vm.instruments).into_parts();
    vm.flush_out();

    let mut fail = |msg: String| {
        crate::cli::write_stderr_pub(&msg);
        status = 2;
    };
    #[cfg(unix)]
    if let (Some(p), Some((path, mut sink))) = (native, native_sink) {
        let title = format!("taipan --profile {}", display_name(filename));
        match p.finish(&extension(&path), &title) {
            Ok(bytes) => {
                if let Err(m) = sink.write_all(&bytes, "--profile") {
                    fail(m)
                }
            }
            Err(m) => fail(format!("taipan: --profile: {m}\n")),
        }
    }
    if let (Some(mut sampler), Some((path, mut sink))) = (sampler, py_sink) {
        sampler.stop();
        let bytes = match (path.as_str(), extension(&path).as_str()) {
            ("-", _) => sampler.top_report(25).into_bytes(),
            (_, "folded" | "txt") => sampler.folded_text().into_bytes(),
            _ => sampler.flamegraph(&format!("taipan --pyprofile {}", display_name(filename))),
        };
        if let Err(m) = sink.write_all(&bytes, "--pyprofile") {
            fail(m)
        }
    }
    if let Some(stats) = stats {
        crate::cli::write_stderr_pub(&stats.report());
    }
    Ok(status)
}

/// The last path component of a file name (for titles).
fn display_name(filename: &str) -> &str {
    filename.rsplit('/').next().unwrap_or(filename)
}
