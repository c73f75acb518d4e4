//! Integration tests of the `taipan-bench` binary: a tiny directory of
//! scripts run with `python3` standing in for taipan and as `--against`, a
//! deliberately wrong interpreter, a missing one, a hanging script, a script
//! without `.expected`; the JSON must parse, the SVG must be well-formed, the
//! baseline comparison must catch a regression, bad usage must exit 2.
//! Needs `python3` on PATH. Kept fast: tiny scripts, `--runs 2`, no warm-up.
//!
//! No assertion may depend on how fast the machine happens to be: the tests
//! run under `cargo test` beside other tests, on shared machines. Baselines
//! are therefore doctored to absurd times (see `set_wall`), and only the
//! hanging script, which can never finish, runs with a short `--timeout`.

use std::fs;
use std::ops::Deref;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BENCH: &str = env!("CARGO_BIN_EXE_taipan-bench");

/// A fresh scratch directory for one test, unique to this process (several
/// runs of this test binary at once must not share it), removed when the
/// test passes and kept for inspection when it fails.
struct Scratch(PathBuf);

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bench_harness_{name}_{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("scripts")).unwrap();
    fs::create_dir_all(dir.join("hang")).unwrap();
    Scratch(dir)
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

/// The scripts: `hello` and `count` are fine; `noexp` has no `.expected`.
/// `hang/hang.py` never ends: it is kept out of `scripts/` so that only its
/// own run needs a short `--timeout` (a loaded machine may well take more
/// than a second to start `python3`). Plus `wrong.sh`, an "interpreter" that
/// prints the wrong thing for `hello` and fails (status 7) on everything else.
fn setup(dir: &Path) -> PathBuf {
    let s = dir.join("scripts");
    write(&s.join("hello.py"), "print('hello')\n");
    write(&s.join("hello.expected"), "hello\n");
    write(&s.join("count.py"), "print(sum(range(1000)))\n");
    write(&s.join("count.expected"), "499500\n");
    let h = dir.join("hang");
    write(&h.join("hang.py"), "while True:\n    pass\n");
    write(&h.join("hang.expected"), "never\n");
    write(&s.join("noexp.py"), "print(1)\n");
    let wrong = dir.join("wrong.sh");
    write(
        &wrong,
        "#!/bin/sh\ncase \"$1\" in\n  *hello*) echo not hello ;;\n  *) exit 7 ;;\nesac\n",
    );
    fs::set_permissions(&wrong, fs::Permissions::from_mode(0o755)).unwrap();
    wrong
}

fn bench(args: &[&str]) -> Output {
    Command::new(BENCH).args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A small well-formedness check: every element is closed in order, the
/// document has one root `svg`, and `&` only starts an entity.
fn check_xml(doc: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = doc;
    while let Some(start) = rest.find('<') {
        let content = &rest[..start];
        for (i, _) in content.match_indices('&') {
            let ent = &content[i..];
            let ok =
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| ent.starts_with(e));
            if !ok {
                return Err(format!("bare & in {content:?}"));
            }
        }
        rest = &rest[start..];
        if rest.starts_with("<?") {
            let end = rest.find("?>").ok_or("unclosed <?")?;
            rest = &rest[end + 2..];
            continue;
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->").ok_or("unclosed comment")?;
            rest = &rest[end + 3..];
            continue;
        }
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[1..end];
        if tag.contains('<') {
            return Err(format!("'<' inside tag {tag:?}"));
        }
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("unbalanced quotes in {tag:?}"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("stray </{name}>"))?;
            if open != name.trim() {
                return Err(format!("<{open}> closed by </{name}>"));
            }
        } else {
            let name: String =
                tag.chars().take_while(|c| !c.is_whitespace() && *c != '/').collect();
            if name.is_empty() {
                return Err("empty tag".into());
            }
            if stack.is_empty() {
                roots += 1;
                if name != "svg" {
                    return Err(format!("root element {name}"));
                }
            }
            if !tag.ends_with('/') {
                stack.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    if !rest.trim().is_empty() {
        return Err("text after the root".into());
    }
    if !stack.is_empty() {
        return Err(format!("unclosed {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

#[test]
fn xml_checker_works() {
    assert!(check_xml("<?xml version=\"1.0\"?>\n<svg><g a=\"1\"><x/></g></svg>\n").is_ok());
    assert!(check_xml("<svg><g></svg>").is_err());
    assert!(check_xml("<svg>a & b</svg>").is_err());
    assert!(check_xml("<svg></svg><svg></svg>").is_err());
}

#[test]
fn full_run_marks_problems_and_writes_outputs() {
    let dir = scratch("full");
    let wrong = setup(&dir);
    let json = dir.join("r.json");
    let svg = dir.join("c.svg");
    let out = bench(&[
        dir.join("scripts").to_str().unwrap(),
        "--taipan",
        "python3",
        "--against",
        "python3",
        "--against",
        &format!("bad={}", wrong.display()),
        "--against",
        "gone=no-such-interpreter-for-taipan-bench",
        "--runs",
        "2",
        "--warmup",
        "0",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    for word in ["WRONG", "FAILED", "MISSING", "NO .expected", "geometric mean"] {
        assert!(stdout.contains(word), "no {word} in:\n{stdout}");
    }
    assert!(
        stdout.contains("resolved from python3 via sys.executable") || stdout.contains("(PATH)")
    );

    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["schema"], 1);
    assert!(report["machine"]["cpus"].as_u64().unwrap() >= 1);
    let labels: Vec<&str> = report["interpreters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["taipan", "python3", "bad", "gone"]);
    assert!(report["interpreters"][1]["version"].as_str().unwrap().starts_with("Python 3"));
    let script = |name: &str| {
        report["scripts"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap().clone()
    };
    let status =
        |s: &serde_json::Value, i: usize| s["cells"][i]["status"].as_str().unwrap().to_string();
    let hello = script("hello");
    assert_eq!(status(&hello, 0), "OK");
    assert_eq!(status(&hello, 1), "OK");
    assert_eq!(status(&hello, 2), "WRONG");
    assert_eq!(status(&hello, 3), "MISSING");
    assert_eq!(hello["cells"][0]["samples"].as_array().unwrap().len(), 2);
    assert!(hello["cells"][2]["samples"].as_array().unwrap().is_empty());
    assert!(hello["cells"][0]["wall"]["median"].as_f64().unwrap() > 0.0);
    assert!(hello["cells"][0]["max_rss_kb"].as_u64().unwrap() > 0);
    assert!(hello["speedups"][0]["speedup"]["value"].as_f64().unwrap() > 0.0);
    assert!(hello["speedups"][1]["speedup"].is_null());
    let count = script("count");
    assert_eq!(status(&count, 2), "FAILED");
    assert!(count["cells"][2]["detail"].as_str().unwrap().contains("exit status 7"));
    assert_eq!(status(&script("noexp"), 0), "NO_EXPECTED");
    assert_eq!(report["geomean"][0]["scripts"], 2);
    assert!(report["geomean"][0]["speedup"]["ci95_low"].as_f64().unwrap() > 0.0);

    let chart = fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<?xml"));
    check_xml(&chart).unwrap();
    assert!(chart.contains("geometric mean") && chart.contains("hello"));
}

#[test]
fn hanging_script_times_out() {
    let dir = scratch("hang");
    setup(&dir);
    let json = dir.join("r.json");
    let svg = dir.join("c.svg");
    let out = bench(&[
        dir.join("hang").join("hang.py").to_str().unwrap(),
        "--taipan",
        "python3",
        "--against",
        "python3",
        "--runs",
        "2",
        "--warmup",
        "0",
        "--timeout",
        "1",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(stdout.contains("TIMEOUT"), "{stdout}");
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let hang = &report["scripts"][0];
    assert_eq!(hang["name"], "hang");
    for i in 0..2 {
        assert_eq!(hang["cells"][i]["status"], "TIMEOUT", "{stdout}");
        assert!(hang["cells"][i]["samples"].as_array().unwrap().is_empty());
    }
    assert_eq!(report["geomean"][0]["scripts"], 0);
    let chart = fs::read_to_string(&svg).unwrap();
    check_xml(&chart).unwrap();
    assert!(chart.contains("TIMEOUT"));
}

/// Doctors the wall time of interpreter `i` on the first script of a saved
/// report: every sample and the summary become `secs`, with the smallest
/// relative error the statistics allow (0.5%).
///
/// Absurd values make the baseline comparison independent of the machine.
/// The interval of a ratio is `ratio · exp(±t · se)` with `se` the two
/// relative errors in quadrature and `t` at most 12.706 (one degree of
/// freedom). With two runs, the new relative error is
/// `1.2533 · 1.4826 · MAD / (√2 · median) < 1.314` (the MAD of positive
/// samples is below their median), however noisy the machine: the interval
/// spans less than a factor `exp(12.706 · 1.315) ≈ 1.8e7` either way. Against
/// 1 ps, any run of a real process (well above 20 µs) is slower by more than
/// that; against 10¹² s, any run that ends (at most `--timeout`, 60 s) is
/// faster by more than that. So the verdicts are certain, whatever the load.
fn set_wall(report: &mut serde_json::Value, i: usize, secs: f64) {
    let cell = &mut report["scripts"][0]["cells"][i];
    for sample in cell["samples"].as_array_mut().unwrap() {
        sample["wall"] = serde_json::json!(secs);
    }
    let spread = (12.706f64 * 0.005).exp();
    let wall = &mut cell["wall"];
    for (key, v) in [
        ("median", secs),
        ("min", secs),
        ("max", secs),
        ("mad", 0.0),
        ("rel_se", 0.005),
        ("ci95_low", secs / spread),
        ("ci95_high", secs * spread),
    ] {
        assert!(!wall[key].is_null(), "no wall.{key} in {wall}");
        wall[key] = serde_json::json!(v);
    }
}

/// The verdicts of a report's baseline comparison, by interpreter.
fn verdicts(json: &Path) -> Vec<(String, String)> {
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(json).unwrap()).unwrap();
    report["baseline"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["script"], "hello");
            (
                c["interpreter"].as_str().unwrap().to_string(),
                c["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn baseline_regression_fails_the_run() {
    let dir = scratch("baseline");
    setup(&dir);
    let hello = dir.join("scripts").join("hello.py");
    let json = dir.join("new.json");
    let common = [
        hello.to_str().unwrap(),
        "--taipan",
        "python3",
        "--against",
        "python3",
        "--runs",
        "2",
        "--warmup",
        "0",
    ];
    let mut args = common.to_vec();
    args.extend(["--json", json.to_str().unwrap(), "--markdown"]);
    let out = bench(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("| script |"));

    // --load re-renders a saved run without running anything.
    let svg = dir.join("loaded.svg");
    let out = bench(&["--load", json.to_str().unwrap(), "--svg", svg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("hello"));
    check_xml(&fs::read_to_string(&svg).unwrap()).unwrap();

    // A run compared with itself (nothing is timed): no change at all, not
    // even with a zero threshold.
    let same = dir.join("same.json");
    let out = bench(&[
        "--load",
        json.to_str().unwrap(),
        "--baseline",
        json.to_str().unwrap(),
        "--fail-on-regression",
        "0",
        "--json",
        same.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!text(&out.stdout).contains("REGRESSION"), "{}", text(&out.stdout));
    assert_eq!(verdicts(&same), pairs(&[("taipan", "same"), ("python3", "same")]));

    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let doctored = |name: &str, taipan: f64, python3: f64| {
        let mut old = saved.clone();
        set_wall(&mut old, 0, taipan);
        set_wall(&mut old, 1, python3);
        let path = dir.join(name);
        write(&path, &old.to_string());
        path
    };

    // A baseline in which taipan took 1 ps (and python3 ages): taipan
    // regressed, which fails the run past the threshold.
    let fast = doctored("fast.json", 1e-12, 1e12);
    let cmp = dir.join("cmp_fast.json");
    let mut args = common.to_vec();
    args.extend([
        "--baseline",
        fast.to_str().unwrap(),
        "--fail-on-regression",
        "20",
        "--json",
        cmp.to_str().unwrap(),
    ]);
    let out = bench(&args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(3), "{stdout}{stderr}");
    assert!(stdout.contains("REGRESSION"), "{stdout}");
    assert!(stderr.contains("regression: hello"), "{stderr}");
    assert!(stderr.contains("under taipan") && !stderr.contains("under python3"), "{stderr}");
    assert_eq!(verdicts(&cmp), pairs(&[("taipan", "regression"), ("python3", "improvement")]));

    // Without the threshold the regression is reported, not fatal.
    let out = bench(&[&common[..], &["--baseline", fast.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("REGRESSION"), "{}", text(&out.stdout));

    // The other way round: taipan improved beyond doubt and only python3
    // (the machine) regressed, which does not fail the run.
    let slow = doctored("slow.json", 1e12, 1e-12);
    let cmp = dir.join("cmp_slow.json");
    let mut args = common.to_vec();
    args.extend([
        "--baseline",
        slow.to_str().unwrap(),
        "--fail-on-regression",
        "20",
        "--json",
        cmp.to_str().unwrap(),
    ]);
    let out = bench(&args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(!stderr.contains("regression"), "{stderr}");
    assert!(stdout.contains("improvement") && stdout.contains("REGRESSION"), "{stdout}");
    assert_eq!(verdicts(&cmp), pairs(&[("taipan", "improvement"), ("python3", "regression")]));
}

#[test]
fn bad_usage_exits_2_without_panicking() {
    let dir = scratch("usage");
    setup(&dir);
    let hello = dir.join("scripts").join("hello.py");
    let cases: Vec<Vec<&str>> = vec![
        vec!["--runs", "x"],
        vec!["--runs"],
        vec!["--frobnicate"],
        vec!["/no/such/script.py"],
        vec![hello.to_str().unwrap(), "--baseline", "/no/such/old.json"],
        vec![hello.to_str().unwrap(), "--fail-on-regression", "5"],
    ];
    for args in cases {
        let out = bench(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).contains("panicked"), "{args:?}");
    }
    let out = bench(&["--help"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("--against"));
}

#[test]
fn missing_taipan_is_reported() {
    let dir = scratch("missing");
    setup(&dir);
    let hello = dir.join("scripts").join("hello.py");
    let out = bench(&[
        hello.to_str().unwrap(),
        "--taipan",
        "/no/such/taipan",
        "--against",
        "python3",
        "--runs",
        "2",
        "--warmup",
        "0",
    ]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("MISSING"), "{stdout}");
    assert!(stdout.contains("taipan MISSING"), "{stdout}");
}
