//! The peephole optimizer seen from the command line: every `run_*`
//! behaviour case prints exactly the same (stdout, stderr, exit status)
//! with and without it (`taipan --no-opt`), and `--dis` shows every code
//! object, before the optimizer with `--no-opt`.

use std::path::Path;
use std::process::{Command, Output};

fn taipan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taipan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("taipan runs")
}

#[test]
fn optimized_and_unoptimized_programs_behave_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut areas: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/cases")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("run_"))
        .map(|e| e.path())
        .collect();
    areas.sort();
    let mut count = 0;
    let mut failures = Vec::new();
    for dir in areas {
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("area")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".py"))
            .collect();
        files.sort();
        for file in files {
            let opt = taipan(&dir, &[&file]);
            let raw = taipan(&dir, &["--no-opt", &file]);
            count += 1;
            if opt.stdout != raw.stdout || opt.stderr != raw.stderr || opt.status != raw.status {
                failures.push(format!(
                    "{}/{file}: optimized {:?} vs --no-opt {:?}\n--- stderr\n{}\n--- --no-opt stderr\n{}",
                    dir.display(),
                    opt.status.code(),
                    raw.status.code(),
                    String::from_utf8_lossy(&opt.stderr),
                    String::from_utf8_lossy(&raw.stderr)
                ));
            }
        }
    }
    assert!(count > 100, "only {count} run_* cases found");
    assert!(failures.is_empty(), "{} differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn dis_shows_every_code_object_and_no_opt_the_code_before_the_optimizer() {
    let dir = std::env::temp_dir().join(format!("taipan-dis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let src = "def f(n):\n    def g(x):\n        return [y for y in x]\n    return g(n)\n\nprint(f(range(2)))\n";
    std::fs::write(dir.join("p.py"), src).expect("write");
    let text = |args: &[&str]| {
        let out = taipan(&dir, args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let opt = text(&["--dis", "p.py"]);
    let raw = text(&["--dis", "--no-opt", "p.py"]);
    let _ = std::fs::remove_dir_all(&dir);
    for dis in [&opt, &raw] {
        for name in ["<module>", "f", "f.<locals>.g", "f.<locals>.g.<locals>.<listcomp>"] {
            assert!(
                dis.contains(&format!("<code object {name} at line")),
                "{name} missing:\n{dis}"
            );
        }
    }
    // `return ...` is followed by the ReturnNone every body ends with: dead
    // code the optimizer removes.
    let count = |s: &str| s.matches("ReturnNone").count();
    assert_eq!(count(&raw), 3, "{raw}");
    assert_eq!(count(&opt), 1, "{opt}");
}
