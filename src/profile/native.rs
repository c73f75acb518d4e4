//! `taipan --profile OUT`: the interpreter's Rust functions sampled by
//! `pprof` (a SIGPROF timer; each sample unwinds the interrupted thread),
//! written as a flamegraph SVG or, for `.pb`, a pprof protobuf that
//! `go tool pprof` and `pprof` read.

use std::fmt::Write as _;

use super::flame::{self, Palette};

/// Libraries pprof must not unwind through (unwinding inside them from a
/// signal handler can deadlock), as pprof's documentation recommends.
const BLOCKLIST: &[&str] = &["libc", "libgcc", "pthread", "vdso"];

pub struct NativeProfiler {
    guard: pprof::ProfilerGuard<'static>,
}

impl NativeProfiler {
    /// Start sampling every thread of the process `hz` times a second of
    /// CPU time.
    pub fn start(hz: u32) -> Result<NativeProfiler, String> {
        let hz = hz.clamp(1, 10_000) as i32;
        pprof::ProfilerGuardBuilder::default()
            .frequency(hz)
            .blocklist(BLOCKLIST)
            .build()
            .map(|guard| NativeProfiler { guard })
            .map_err(|e| format!("can't start the profiler: {e}"))
    }

    /// Stop and render: a pprof protobuf for the extension `pb`, otherwise a
    /// flamegraph SVG titled `title`.
    pub fn finish(self, extension: &str, title: &str) -> Result<Vec<u8>, String> {
        let report =
            self.guard.report().build().map_err(|e| format!("can't build the report: {e}"))?;
        drop(self.guard);
        if extension == "pb" {
            use pprof::protos::Message;
            let profile = report.pprof().map_err(|e| format!("can't encode the profile: {e}"))?;
            return profile.write_to_bytes().map_err(|e| format!("can't encode the profile: {e}"));
        }
        // Folded stacks, root first, as pprof's own flamegraph writer makes
        // them (but an empty profile still gives a valid SVG).
        let mut lines: Vec<String> = report
            .data
            .iter()
            .filter(|(_, &count)| count > 0)
            .map(|(key, count)| {
                let mut line = flame::frame_label(&key.thread_name_or_id());
                for frame in key.frames.iter().rev() {
                    for symbol in frame.iter().rev() {
                        line.push(';');
                        line.push_str(&flame::frame_label(&symbol.to_string()));
                    }
                }
                let _ = write!(line, " {count}");
                line
            })
            .collect();
        lines.sort();
        Ok(flame::render(lines.iter().map(String::as_str), title, "samples", Palette::Rust))
    }
}
