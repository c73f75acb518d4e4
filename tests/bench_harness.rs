//! Integration tests of the `taipan-bench` binary: a tiny directory of
//! scripts run with `python3` standing in for taipan and as `--against`, a
//! deliberately wrong interpreter, a missing one, a hanging script, a script
//! without `.expected`; the JSON must parse, the SVG must be well-formed, the
//! baseline comparison must catch a regression, bad usage must exit 2.
//! Needs `python3` on PATH. Kept fast: tiny scripts, `--runs 2`, no warm-up.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BENCH: &str = env!("CARGO_BIN_EXE_taipan-bench");

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench_harness_{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("scripts")).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

/// The scripts: `hello` and `count` are fine; `hang` never ends; `noexp` has
/// no `.expected`. Plus `wrong.sh`, an "interpreter" that prints the wrong
/// thing for `hello` and fails (status 7) on everything else.
fn setup(dir: &Path) -> PathBuf {
    let s = dir.join("scripts");
    write(&s.join("hello.py"), "print('hello')\n");
    write(&s.join("hello.expected"), "hello\n");
    write(&s.join("count.py"), "print(sum(range(1000)))\n");
    write(&s.join("count.expected"), "499500\n");
    write(&s.join("hang.py"), "while True:\n    pass\n");
    write(&s.join("hang.expected"), "never\n");
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
        "--timeout",
        "1",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    for word in ["WRONG", "FAILED", "TIMEOUT", "MISSING", "NO .expected", "geometric mean"] {
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
    let hang = script("hang");
    assert_eq!(status(&hang, 0), "TIMEOUT");
    assert_eq!(status(&hang, 1), "TIMEOUT");
    assert_eq!(status(&script("noexp"), 0), "NO_EXPECTED");
    assert_eq!(report["geomean"][0]["scripts"], 2);
    assert!(report["geomean"][0]["speedup"]["ci95_low"].as_f64().unwrap() > 0.0);

    let chart = fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<?xml"));
    check_xml(&chart).unwrap();
    assert!(chart.contains("geometric mean") && chart.contains("hello"));
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

    // A baseline in which taipan was a hundred times faster.
    let mut old: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let wall = &mut old["scripts"][0]["cells"][0]["wall"];
    for key in ["median", "min", "ci95_low", "ci95_high"] {
        let v = wall[key].as_f64().unwrap();
        wall[key] = serde_json::json!(v / 100.0);
    }
    let old_path = dir.join("old.json");
    write(&old_path, &old.to_string());

    let mut args = common.to_vec();
    args.extend(["--baseline", old_path.to_str().unwrap(), "--fail-on-regression", "20"]);
    let out = bench(&args);
    assert_eq!(out.status.code(), Some(3), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("REGRESSION"));
    assert!(text(&out.stderr).contains("regression: hello"));

    // Without the threshold the regression is reported, not fatal; the
    // unchanged baseline shows no regression.
    let mut args = common.to_vec();
    args.extend(["--baseline", json.to_str().unwrap(), "--fail-on-regression", "200"]);
    let out = bench(&args);
    assert!(out.status.success(), "{}", text(&out.stdout));
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
