//! Stdlib differential test: every `.py` file of CPython's standard library
//! (site-packages excluded) is decoded, parsed with type comments and dumped
//! with indent 3 by taipan — in process, with the very function `taipan -m ast`
//! uses — and compared with CPython's `ast.dump` of the same file.
//!
//! CPython's dumps are made once, in a single python3 process, by
//! `tests/tools/stdlib_dumps.py` into `target/stdlib-ast-cache/<version>/`
//! (regenerated when missing); files CPython cannot parse are excluded.
//!
//! Environment: `TAIPAN_STDLIB_FILTER=substring` restricts the run to the files
//! whose path relative to the stdlib contains it; `TAIPAN_PYTHON` names the
//! CPython 3.11 binary. Without a CPython 3.11 the test is skipped.
//! Run it in release mode: `cargo test --release --test stdlib_ast -- --nocapture`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use taipan::cli::pipeline::{dump_ast, AstOptions};

/// The share of stdlib files whose dump must match CPython's exactly, in percent.
const PASS_THRESHOLD: f64 = 99.5;

fn find_python() -> Option<(String, String)> {
    let mut candidates = Vec::new();
    if let Ok(p) = std::env::var("TAIPAN_PYTHON") {
        candidates.push(p);
    }
    candidates.push("/root/.pyenv/versions/3.11.7/bin/python3".to_owned());
    candidates.push("python3.11".to_owned());
    candidates.push("python3".to_owned());
    for python in candidates {
        let Ok(out) = Command::new(&python)
            .args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
            .output()
        else {
            continue;
        };
        let version = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if out.status.success() && version.starts_with("3.11.") {
            return Some((python, version));
        }
    }
    None
}

fn cache_dir(python: &str, version: &str) -> Result<PathBuf, String> {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("stdlib-ast-cache").join(version);
    if dir.join("complete").exists() {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/stdlib_dumps.py");
    eprintln!("stdlib_ast: dumping the stdlib with {python} into {} (once)", dir.display());
    let status = Command::new(python)
        .arg(&helper)
        .arg(&dir)
        .status()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    if !status.success() || !dir.join("complete").exists() {
        return Err(format!("{} failed ({status})", helper.display()));
    }
    Ok(dir)
}

/// The first line where two dumps differ, for the report.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut e = expected.lines();
    let mut a = actual.lines();
    let mut n = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            (None, None) => return "identical lines, different line ends".to_owned(),
            (x, y) => {
                return format!(
                    "line {n}: expected {:?}, got {:?}",
                    x.unwrap_or("<end>"),
                    y.unwrap_or("<end>")
                );
            }
        }
    }
}

#[test]
fn stdlib_matches_cpython_ast_dump() {
    let Some((python, version)) = find_python() else {
        eprintln!("stdlib_ast: skipped: no CPython 3.11 found (set TAIPAN_PYTHON)");
        return;
    };
    let cache = match cache_dir(&python, &version) {
        Ok(dir) => dir,
        Err(e) => panic!("stdlib_ast: {e}"),
    };
    let read = |name: &str| std::fs::read_to_string(cache.join(name)).unwrap_or_default();
    let stdlib = PathBuf::from(read("stdlib_dir").trim());
    let filter = std::env::var("TAIPAN_STDLIB_FILTER").unwrap_or_default();
    let files: Vec<String> =
        read("files.txt").lines().filter(|l| l.contains(&filter)).map(str::to_owned).collect();
    let excluded = read("failures.txt").lines().count();
    assert!(!files.is_empty(), "stdlib_ast: no files (filter {filter:?})");

    let next = AtomicUsize::new(0);
    let mismatches = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(rel) = files.get(i) else { break };
                let expected_path = cache.join("dumps").join(format!("{rel}.ast"));
                let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
                let problem = match std::fs::read(stdlib.join(rel)) {
                    Err(e) => Some(format!("cannot read: {e}")),
                    Ok(bytes) => {
                        // A panic in the front end is a mismatch, not a crash of the test.
                        let result =
                            std::panic::catch_unwind(|| dump_ast(&bytes, AstOptions::default()));
                        match result {
                            Err(_) => Some("taipan panicked".to_owned()),
                            Ok(Err(e)) => Some(format!("taipan: {}", e.error)),
                            Ok(Ok(dump)) if dump == expected => None,
                            Ok(Ok(dump)) => Some(first_difference(&expected, &dump)),
                        }
                    }
                };
                if let Some(problem) = problem {
                    mismatches
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((rel.clone(), problem));
                }
            });
        }
    });
    let mut mismatches = mismatches.into_inner().unwrap_or_else(|e| e.into_inner());
    mismatches.sort();
    let total = files.len();
    let passed = total - mismatches.len();
    let percent = 100.0 * passed as f64 / total as f64;
    for (rel, problem) in &mismatches {
        eprintln!("MISMATCH {rel}: {problem}");
    }
    eprintln!(
        "stdlib_ast: {passed}/{total} files match CPython {version} ({percent:.2}%), \
         {excluded} files excluded (CPython cannot parse them); threshold {PASS_THRESHOLD}%"
    );
    assert!(
        percent >= PASS_THRESHOLD,
        "stdlib_ast: {percent:.2}% of files match, below the {PASS_THRESHOLD}% threshold"
    );
}
