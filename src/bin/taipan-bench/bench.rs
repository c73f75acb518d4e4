//! The benchmark loop: finds the scripts, runs every interpreter on each of
//! them interleaved round by round (warm-ups first), checks each run's output
//! against `NAME.expected` and keeps the timings of correct runs only.
//!
//! Within a script, round `r` runs every interpreter once, starting with
//! interpreter `r mod k`: a burst of machine noise hits all of them alike, and
//! none always runs first (right after a cold cache) or last.

use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::exec::{self, Exit};
use crate::interp::Interp;
use crate::model::{Cell, Sample, ScriptResult, Speedup, Status};
use crate::stats::{self, Summary};

/// Collects the `.py` files named or found (not recursively, sorted) in the
/// directories named; a path that does not exist is an error.
pub fn collect_scripts(args: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let entries = std::fs::read_dir(arg)
                .map_err(|e| format!("cannot read directory {}: {e}", arg.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "py"))
                .collect();
            found.sort();
            out.extend(found);
        } else if arg.is_file() {
            out.push(arg.clone());
        } else {
            return Err(format!("no such script or directory: {}", arg.display()));
        }
    }
    Ok(out)
}

/// The script's name: its file name without `.py`.
pub fn script_name(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// What the session needs to know.
pub struct Plan<'a> {
    pub interps: &'a [Interp],
    pub runs: usize,
    pub warmup: usize,
    pub timeout: Duration,
    pub progress: bool,
}

fn short(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

/// Describes the first difference between the expected and actual output.
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let mut e = exp.split_inclusive('\n');
    let mut a = act.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (Some(x), Some(y)) => {
                return format!("line {line}: expected {:?}, got {:?}", short(x, 40), short(y, 40))
            }
            (Some(x), None) => {
                return format!(
                    "output ends early at line {line} (expected {:?})",
                    short(x.trim_end_matches('\n'), 40)
                )
            }
            (None, Some(y)) => {
                return format!(
                    "extra output at line {line}: {:?}",
                    short(y.trim_end_matches('\n'), 40)
                )
            }
            (None, None) => return "output differs".into(),
        }
    }
}

fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    short(text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim(), 80)
}

/// Classifies one run: `Ok(sample)` when correct, else the status and why.
fn judge(outcome: &exec::Outcome, expected: &[u8]) -> Result<Sample, (Status, String)> {
    match &outcome.exit {
        Exit::SpawnError(e) => return Err((Status::Failed, format!("cannot start: {e}"))),
        Exit::TimedOut => return Err((Status::Timeout, "killed at the timeout".into())),
        Exit::Signal(sig) => {
            return Err((Status::Failed, format!("killed by signal {sig}")));
        }
        Exit::Code(0) => {}
        Exit::Code(code) => {
            let why = last_line(&outcome.stderr);
            let detail = if why.is_empty() {
                format!("exit status {code}")
            } else {
                format!("exit status {code}: {why}")
            };
            return Err((Status::Failed, detail));
        }
    }
    if outcome.stdout != expected {
        return Err((Status::Wrong, first_difference(expected, &outcome.stdout)));
    }
    Ok(Sample {
        wall: outcome.wall,
        user: outcome.user,
        sys: outcome.sys,
        max_rss_kb: outcome.max_rss_kb,
    })
}

fn progress_bar(total: u64, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} runs  {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Fills in the statistics of a cell from its samples.
pub fn summarize(cell: &mut Cell) {
    if cell.status != Status::Ok {
        cell.samples.clear();
        return;
    }
    let walls: Vec<f64> = cell.samples.iter().map(|s| s.wall).collect();
    let cpus: Vec<f64> = cell.samples.iter().map(|s| s.user + s.sys).collect();
    cell.wall = Summary::of(&walls);
    cell.cpu = Summary::of(&cpus);
    cell.max_rss_kb = cell.samples.iter().map(|s| s.max_rss_kb).max();
}

/// Taipan's (cell 0) speedup over each other interpreter.
pub fn speedups(cells: &[Cell]) -> Vec<Speedup> {
    let Some((first, rest)) = cells.split_first() else {
        return Vec::new();
    };
    rest.iter()
        .map(|other| {
            let speedup = match (&first.wall, &other.wall) {
                (Some(t), Some(o)) => stats::ratio(o, t),
                _ => None,
            };
            Speedup {
                against: other.interpreter.clone(),
                scripts: usize::from(speedup.is_some()),
                speedup,
            }
        })
        .collect()
}

/// Geometric means of the per-script speedups, per other interpreter.
pub fn geomeans(interps: &[Interp], scripts: &[ScriptResult]) -> Vec<Speedup> {
    interps
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, it)| {
            let ratios: Vec<stats::Ratio> =
                scripts.iter().filter_map(|s| s.speedups.get(i).and_then(|r| r.speedup)).collect();
            Speedup {
                against: it.label.clone(),
                speedup: stats::geomean(&ratios),
                scripts: ratios.len(),
            }
        })
        .collect()
}

fn blank_cell(it: &Interp, status: Status, detail: String) -> Cell {
    Cell {
        interpreter: it.label.clone(),
        status,
        detail,
        samples: Vec::new(),
        wall: None,
        cpu: None,
        max_rss_kb: None,
    }
}

/// Runs everything and returns one result per script.
pub fn run_all(scripts: &[PathBuf], plan: &Plan) -> Vec<ScriptResult> {
    let usable = plan.interps.iter().filter(|i| i.usable()).count();
    let rounds = plan.warmup + plan.runs;
    let total = (scripts.len() * usable * rounds) as u64;
    let bar = progress_bar(total, plan.progress);
    let mut results = Vec::new();
    for script in scripts {
        let name = script_name(script);
        let expected = std::fs::read(script.with_extension("expected")).ok();
        let mut cells: Vec<Cell> = plan
            .interps
            .iter()
            .map(|it| match (&it.error, &expected) {
                (Some(e), _) => blank_cell(it, Status::Missing, e.clone()),
                (None, None) => blank_cell(
                    it,
                    Status::NoExpected,
                    format!("no {name}.expected beside the script"),
                ),
                (None, Some(_)) => blank_cell(it, Status::Ok, String::new()),
            })
            .collect();
        if let Some(expected) = &expected {
            let k = cells.len();
            for round in 0..rounds {
                for step in 0..k {
                    let i = (round + step) % k;
                    let it = &plan.interps[i];
                    let Some(exe) = &it.path else { continue };
                    if cells[i].status != Status::Ok {
                        bar.inc(1);
                        continue;
                    }
                    let phase = if round < plan.warmup { "warm-up" } else { "run" };
                    bar.set_message(format!("{name} · {} · {phase}", it.label));
                    let outcome = exec::run(exe, &[], script, plan.timeout);
                    bar.inc(1);
                    match judge(&outcome, expected) {
                        Ok(sample) if round >= plan.warmup => cells[i].samples.push(sample),
                        Ok(_) => {}
                        Err((status, detail)) => {
                            cells[i].status = status;
                            cells[i].detail = detail;
                        }
                    }
                }
            }
        } else {
            bar.inc((usable * rounds) as u64);
        }
        for cell in &mut cells {
            summarize(cell);
        }
        let speedups = speedups(&cells);
        results.push(ScriptResult { name, path: script.display().to_string(), cells, speedups });
    }
    bar.finish_and_clear();
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences() {
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            "line 2: expected \"b\\n\", got \"c\\n\""
        );
        assert!(first_difference(b"a\nb\n", b"a\n").starts_with("output ends early at line 2"));
        assert!(first_difference(b"a\n", b"a\nz\n").starts_with("extra output at line 2"));
        assert_eq!(first_difference(b"a", b"a\n"), "line 1: expected \"a\", got \"a\\n\"");
    }

    #[test]
    fn missing_script_is_an_error() {
        assert!(collect_scripts(&[PathBuf::from("/no/such/dir/x.py")]).is_err());
    }
}
