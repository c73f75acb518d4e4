//! The results of a benchmark session, as kept in memory and written to (and
//! read back from) the JSON report.

use serde::{Deserialize, Serialize};

use crate::interp::Interp;
use crate::machine::Machine;
use crate::stats::{Ratio, Summary};

/// Version of the JSON layout.
pub const SCHEMA: u32 = 1;

/// The outcome of one interpreter on one script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Every run printed the expected output and exited with status 0.
    Ok,
    /// A run printed something else than `NAME.expected`.
    Wrong,
    /// A run exited with a non-zero status, died of a signal or could not start.
    Failed,
    /// A run exceeded `--timeout`.
    Timeout,
    /// The interpreter could not be found.
    Missing,
    /// The script has no `NAME.expected`: nothing was run.
    NoExpected,
}

impl Status {
    /// The word shown in tables.
    pub fn word(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Wrong => "WRONG",
            Status::Failed => "FAILED",
            Status::Timeout => "TIMEOUT",
            Status::Missing => "MISSING",
            Status::NoExpected => "NO .expected",
        }
    }
}

/// One timed run.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub struct Sample {
    /// Wall-clock seconds (spawn to reaping).
    pub wall: f64,
    /// User CPU seconds of the child.
    pub user: f64,
    /// System CPU seconds of the child.
    pub sys: f64,
    /// Peak resident set size, KiB.
    pub max_rss_kb: u64,
}

/// One interpreter on one script.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cell {
    pub interpreter: String,
    pub status: Status,
    /// Why it is not `ok` (exit status, first differing line...).
    #[serde(default)]
    pub detail: String,
    /// The timed runs (warm-ups excluded); empty unless `ok`.
    #[serde(default)]
    pub samples: Vec<Sample>,
    /// Wall time statistics, seconds.
    #[serde(default)]
    pub wall: Option<Summary>,
    /// User+system CPU time statistics, seconds.
    #[serde(default)]
    pub cpu: Option<Summary>,
    /// Highest peak RSS over the timed runs, KiB.
    #[serde(default)]
    pub max_rss_kb: Option<u64>,
}

/// Taipan's speedup over another interpreter: its median wall time divided
/// by taipan's (above 1: taipan is faster).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Speedup {
    pub against: String,
    pub speedup: Option<Ratio>,
    /// Scripts in a geometric mean (1 for a single script).
    #[serde(default)]
    pub scripts: usize,
}

/// All interpreters on one script.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ScriptResult {
    pub name: String,
    pub path: String,
    /// In the order of `Report::interpreters` (taipan first).
    pub cells: Vec<Cell>,
    pub speedups: Vec<Speedup>,
}

/// How the session was run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Settings {
    pub runs: usize,
    pub warmup: usize,
    pub timeout_secs: f64,
    /// Whether interpreters were resolved to their real executables.
    pub resolve: bool,
    /// Interleaving order (documented for readers of the JSON).
    #[serde(default)]
    pub order: String,
}

/// One script/interpreter compared with a baseline run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Change {
    pub script: String,
    pub interpreter: String,
    pub old_median: f64,
    pub new_median: f64,
    /// New median time over old (above 1: slower).
    pub ratio: Ratio,
    /// `regression`, `improvement` or `same` (interval includes 1).
    pub verdict: String,
}

/// The comparison with `--baseline`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct BaselineComparison {
    pub file: String,
    pub date: String,
    pub git_commit: Option<String>,
    pub changes: Vec<Change>,
}

/// A whole session.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    pub tool: String,
    pub date: String,
    pub git_commit: Option<String>,
    pub machine: Machine,
    pub settings: Settings,
    /// Taipan first, then each `--against` in order.
    pub interpreters: Vec<Interp>,
    pub scripts: Vec<ScriptResult>,
    /// Geometric mean of taipan's speedups over each other interpreter,
    /// over the scripts where both are `ok`.
    pub geomean: Vec<Speedup>,
    #[serde(default)]
    pub baseline: Option<BaselineComparison>,
}
