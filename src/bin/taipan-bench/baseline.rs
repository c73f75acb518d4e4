//! Comparison with an earlier run (`--baseline OLD.json`): for every script
//! and interpreter label timed in both, the ratio of the new median to the
//! old one with its 95% interval; a change is significant when the interval
//! excludes 1. `--fail-on-regression PCT` looks at the first interpreter
//! (taipan) only: the others tell whether the machine itself drifted.

use std::path::Path;

use crate::model::{BaselineComparison, Change, Report, Status};
use crate::stats;

/// Reads a report written by `--json`.
pub fn load(path: &Path) -> Result<Report, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("bad baseline {}: {e}", path.display()))
}

/// Compares `new` with `old`.
pub fn compare(new: &Report, old: &Report, file: &str) -> BaselineComparison {
    let mut changes = Vec::new();
    for s in &new.scripts {
        let Some(os) = old.scripts.iter().find(|o| o.name == s.name) else {
            continue;
        };
        for c in &s.cells {
            let Some(oc) = os.cells.iter().find(|o| o.interpreter == c.interpreter) else {
                continue;
            };
            if c.status != Status::Ok || oc.status != Status::Ok {
                continue;
            }
            let (Some(nw), Some(ow)) = (&c.wall, &oc.wall) else {
                continue;
            };
            let Some(ratio) = stats::ratio(nw, ow) else {
                continue;
            };
            let verdict = if !ratio.significant() {
                "same"
            } else if ratio.value > 1.0 {
                "regression"
            } else {
                "improvement"
            };
            changes.push(Change {
                script: s.name.clone(),
                interpreter: c.interpreter.clone(),
                old_median: ow.median,
                new_median: nw.median,
                ratio,
                verdict: verdict.into(),
            });
        }
    }
    BaselineComparison {
        file: file.to_string(),
        date: old.date.clone(),
        git_commit: old.git_commit.clone(),
        changes,
    }
}

/// The significant regressions of interpreter `label` larger than `pct`%.
pub fn regressions<'a>(cmp: &'a BaselineComparison, label: &str, pct: f64) -> Vec<&'a Change> {
    cmp.changes
        .iter()
        .filter(|c| {
            c.interpreter == label
                && c.verdict == "regression"
                && (c.ratio.value - 1.0) * 100.0 > pct
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, ScriptResult};
    use crate::stats::Summary;

    fn report(median: f64) -> Report {
        let wall = Summary { n: 5, median, rel_se: 0.01, ..Summary::default() };
        Report {
            scripts: vec![ScriptResult {
                name: "fib".into(),
                path: "fib.py".into(),
                cells: vec![Cell {
                    interpreter: "taipan".into(),
                    status: Status::Ok,
                    detail: String::new(),
                    samples: Vec::new(),
                    wall: Some(wall),
                    cpu: None,
                    max_rss_kb: None,
                }],
                speedups: Vec::new(),
            }],
            ..Report::default()
        }
    }

    #[test]
    fn verdicts() {
        let old = report(1.0);
        let cmp = compare(&report(1.2), &old, "old.json");
        assert_eq!(cmp.changes.len(), 1);
        assert_eq!(cmp.changes[0].verdict, "regression");
        assert_eq!(regressions(&cmp, "taipan", 10.0).len(), 1);
        assert!(regressions(&cmp, "taipan", 25.0).is_empty());
        assert!(regressions(&cmp, "python3", 1.0).is_empty());
        assert_eq!(compare(&report(0.8), &old, "o").changes[0].verdict, "improvement");
        assert_eq!(compare(&report(1.005), &old, "o").changes[0].verdict, "same");
    }

    #[test]
    fn bad_baseline_is_an_error() {
        assert!(load(Path::new("/no/such/baseline.json")).is_err());
    }
}
