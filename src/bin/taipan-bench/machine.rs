//! Facts about the run recorded in the JSON report: the machine (CPU model,
//! core count, memory, kernel), the git commit of the working directory and
//! the date (UTC, ISO 8601, computed without a date crate).

use std::path::Path;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The machine the benchmarks ran on.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Machine {
    pub cpu_model: String,
    /// Logical CPUs available to this process.
    pub cpus: usize,
    /// Physical cores, when /proc/cpuinfo tells.
    pub physical_cores: Option<usize>,
    pub mem_total_kb: Option<u64>,
    pub os: String,
    pub arch: String,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let (k, v) = line.split_once(':')?;
    (k.trim() == name).then(|| v.trim())
}

/// Reads what Linux tells; fields stay empty elsewhere.
pub fn machine() -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let cpu_model =
        cpuinfo.lines().find_map(|l| field(l, "model name")).unwrap_or("unknown").to_string();
    let mut cores = std::collections::BTreeSet::new();
    let mut phys = "";
    for line in cpuinfo.lines() {
        if let Some(v) = field(line, "physical id") {
            phys = v;
        } else if let Some(v) = field(line, "core id") {
            cores.insert((phys.to_string(), v.to_string()));
        }
    }
    let mem_total_kb = read("/proc/meminfo")
        .lines()
        .find_map(|l| field(l, "MemTotal")?.trim_end_matches("kB").trim().parse().ok());
    let release = read("/proc/sys/kernel/osrelease");
    Machine {
        cpu_model,
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        physical_cores: (!cores.is_empty()).then_some(cores.len()),
        mem_total_kb,
        os: format!("{} {}", std::env::consts::OS, release.trim()).trim().to_string(),
        arch: std::env::consts::ARCH.to_string(),
    }
}

/// The commit checked out in `dir` (with `-dirty` when there are local
/// changes), `None` outside a git work tree.
pub fn git_commit(dir: &Path) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(["rev-parse", "HEAD"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let mut commit = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let dirty = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false);
    if dirty {
        commit.push_str("-dirty");
    }
    Some(commit)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `secs` since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso8601(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// Now, as [`iso8601`].
pub fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    iso8601(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn machine_has_cpus() {
        assert!(machine().cpus >= 1);
    }
}
