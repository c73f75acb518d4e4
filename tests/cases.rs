//! Behaviour tests: run `taipan` on every case under `tests/cases/<area>/` and
//! compare stdout, stderr and exit status byte for byte with what CPython 3.11
//! printed (the `.out`, `.err` and `.status` files written by
//! `tests/regen.py`). See `tests/README.md`.
//!
//! Only the areas in [`AREAS`] run: the others need the VM. A case with a
//! `NAME.skip` file next to it is skipped (the file says why). Set
//! `TAIPAN_CASES=substring` to run only the cases whose `area/name` contains it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The areas that can pass with the front end alone. Widen this list as the
/// interpreter grows (e.g. add "run" once the VM exists).
const AREAS: &[&str] = &[
    "syntax",
    "ast",
    "run_basics",
    "run_builtins",
    "run_complex",
    "run_classes",
    "run_dict",
    "run_errors",
    "run_exceptions",
    "run_float",
    "run_functions",
    "run_gc",
    "run_generators",
    "run_int",
    "run_list",
    "run_match",
    "run_modules",
    "run_set",
    "run_str",
    "run_with",
];

struct Case {
    area: String,
    dir: PathBuf,
    name: String,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let filter = std::env::var("TAIPAN_CASES").unwrap_or_default();
    let mut cases = Vec::new();
    for area in AREAS {
        let dir = root.join(area);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| n.ends_with(".py"))
            .map(|n| n.trim_end_matches(".py").to_owned())
            .collect();
        names.sort();
        for name in names {
            if dir.join(format!("{name}.skip")).exists() {
                continue;
            }
            if !format!("{area}/{name}").contains(&filter) {
                continue;
            }
            cases.push(Case { area: area.to_string(), dir: dir.clone(), name });
        }
    }
    cases
}

fn read_expected(case: &Case, ext: &str) -> Vec<u8> {
    std::fs::read(case.dir.join(format!("{}.{ext}", case.name))).unwrap_or_default()
}

/// A readable line diff of two outputs (small texts: a plain LCS table).
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    if el.len() * al.len() > 4_000_000 {
        let first = el.iter().zip(&al).position(|(x, y)| x != y).unwrap_or(el.len().min(al.len()));
        return format!(
            "    first difference at line {}:\n    - {:?}\n    + {:?}\n",
            first + 1,
            el.get(first).unwrap_or(&""),
            al.get(first).unwrap_or(&"")
        );
    }
    let (n, m) = (el.len(), al.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if el[i] == al[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && el[i] == al[j] {
            let _ = writeln!(out, "      {:?}", el[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "    + {:?}", al[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "    - {:?}", el[i]);
            i += 1;
        }
    }
    out
}

fn strip_prefix_everywhere(bytes: &[u8], prefix: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if !prefix.is_empty() && bytes[i..].starts_with(prefix) {
            i += prefix.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Run one case; `None` when it matches its expectation, else a report.
/// `torture` sets `TAIPAN_GC_TORTURE` (collect at every N-th safepoint).
fn run_case(exe: &str, case: &Case, torture: Option<u32>) -> Option<String> {
    let file = format!("{}.py", case.name);
    let mut cmd = Command::new(exe);
    if case.area == "ast" {
        cmd.args(["-m", "ast", &file]);
    } else {
        cmd.arg(&file);
    }
    match torture {
        Some(n) => cmd.env("TAIPAN_GC_TORTURE", n.to_string()),
        None => cmd.env_remove("TAIPAN_GC_TORTURE"),
    };
    let output = match cmd.current_dir(&case.dir).output() {
        Ok(output) => output,
        Err(e) => return Some(format!("{}/{}: cannot run taipan: {e}", case.area, case.name)),
    };
    // CPython shows the script path made absolute; expectations keep it relative.
    let real = std::fs::canonicalize(&case.dir).unwrap_or_else(|_| case.dir.clone());
    let prefix = format!("{}/", real.display());
    let stdout = strip_prefix_everywhere(&output.stdout, prefix.as_bytes());
    let stderr = strip_prefix_everywhere(&output.stderr, prefix.as_bytes());
    // A process ended by a signal has status -signal (as Python's
    // `subprocess` reports it in the expected files).
    let status = output.status.code().unwrap_or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        output.status.signal().map_or(-1, |s| -s)
    });
    let expected_status: i32 =
        String::from_utf8_lossy(&read_expected(case, "status")).trim().parse().unwrap_or(0);
    let mut problems = String::new();
    let expected_out = read_expected(case, "out");
    if stdout != expected_out {
        let _ = write!(
            problems,
            "  stdout differs (- expected, + taipan):\n{}",
            diff(&expected_out, &stdout)
        );
    }
    let expected_err = read_expected(case, "err");
    if stderr != expected_err {
        let _ = write!(
            problems,
            "  stderr differs (- expected, + taipan):\n{}",
            diff(&expected_err, &stderr)
        );
    }
    if status != expected_status {
        let _ = writeln!(problems, "  exit status: expected {expected_status}, got {status}");
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{}/{}:\n{problems}", case.area, case.name))
    }
}

fn report(kind: &str, total: usize, failures: &[String]) {
    for failure in failures {
        eprintln!("{failure}");
    }
    eprintln!("{kind}: {} passed, {} failed", total - failures.len(), failures.len());
    assert!(total > 0, "no behaviour cases found (TAIPAN_CASES filter too narrow?)");
    assert!(failures.is_empty(), "{} of {total} {kind} failed", failures.len());
}

#[test]
fn behaviour_cases() {
    let exe = env!("CARGO_BIN_EXE_taipan");
    let cases = cases();
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(exe, c, None)).collect();
    report("behaviour cases", cases.len(), &failures);
}

/// The run cases again with the GC in torture mode (a collection at every
/// safepoint), so that a value the VM forgot to root shows up as a wrong
/// result or a crash. A case whose volume makes that quadratic names a
/// stride in `NAME.torture` (collect at every N-th safepoint).
#[test]
fn behaviour_cases_gc_torture() {
    let exe = env!("CARGO_BIN_EXE_taipan");
    let cases: Vec<Case> = cases().into_iter().filter(|c| c.area.starts_with("run_")).collect();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let stride = std::fs::read_to_string(c.dir.join(format!("{}.torture", c.name)))
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            run_case(exe, c, Some(stride))
        })
        .collect();
    report("behaviour cases under GC torture", cases.len(), &failures);
}
