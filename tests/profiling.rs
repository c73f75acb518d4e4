//! The profilers of the command line: `--profile` (pprof, Rust functions),
//! `--pyprofile` (Python call stacks) and `--stats` (opcode statistics), and
//! their failure modes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TAIPAN: &str = env!("CARGO_BIN_EXE_taipan");

/// Spends its time in two named functions (about 2:1), a few hundred
/// milliseconds in all (at least ~60 samples at the kernel's 250 Hz), then
/// prints one line.
const TWO_FUNCTIONS: &str = "
def alpha_work(n):
    t = 0
    for i in range(n):
        t += i % 7
    return t

def beta_work(n):
    t = 0
    i = 0
    while i < n:
        t += i & 3
        i += 1
    return t

total = 0
for _ in range(15):
    total += alpha_work(200000)
    total += beta_work(100000)
print(total)
";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("taipan-profiling-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn script(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("prog.py");
    std::fs::write(&p, text).expect("write script");
    p
}

fn taipan(args: &[&str]) -> Output {
    Command::new(TAIPAN).args(args).output().expect("run taipan")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// What the plain run of TWO_FUNCTIONS prints.
fn expected_total() -> String {
    let a: u64 = (0..200000u64).map(|i| i % 7).sum();
    let b: u64 = (0..100000u64).map(|i| i & 3).sum();
    format!("{}\n", 15 * (a + b))
}

/// Parse as XML; the names of all elements and the text content.
fn parse_svg(path: &Path) -> String {
    let doc = std::fs::read_to_string(path).expect("read svg");
    // inferno's SVGs declare the SVG DTD.
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let parsed = roxmltree::Document::parse_with_options(&doc, opts)
        .unwrap_or_else(|e| panic!("bad XML: {e}"));
    assert_eq!(parsed.root_element().tag_name().name(), "svg");
    doc
}

fn no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn native_profile_writes_a_flamegraph_of_the_vm() {
    let dir = scratch("native-svg");
    let prog = script(&dir, TWO_FUNCTIONS);
    let svg = dir.join("out.svg");
    let out = taipan(&["--profile", svg.to_str().unwrap(), prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected_total());
    let doc = parse_svg(&svg);
    assert!(doc.contains("execute"), "no VM function in the flamegraph");
    assert!(doc.contains("taipan"), "no taipan symbol in the flamegraph");
}

#[test]
fn native_profile_writes_pprof_protobuf() {
    let dir = scratch("native-pb");
    let prog = script(&dir, TWO_FUNCTIONS);
    let pb = dir.join("out.pb");
    let out = taipan(&["--profile", pb.to_str().unwrap(), prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let bytes = std::fs::read(&pb).expect("pb written");
    // Field 1 (`sample_type`, length-delimited) comes first.
    assert!(bytes.len() > 100 && bytes[0] == 0x0a, "not a pprof profile: {} bytes", bytes.len());
    // The string table holds the function names.
    assert!(bytes.windows(7).any(|w| w == b"execute"));
}

#[test]
fn python_profile_flamegraph_names_the_functions() {
    let dir = scratch("py-svg");
    let prog = script(&dir, TWO_FUNCTIONS);
    let svg = dir.join("py.svg");
    let out = taipan(&["--pyprofile", svg.to_str().unwrap(), prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected_total());
    let doc = parse_svg(&svg);
    for name in ["alpha_work (prog.py:", "beta_work (prog.py:", "&lt;module&gt; (prog.py:"] {
        assert!(doc.contains(name), "{name} missing from the flamegraph");
    }
}

#[test]
fn python_profile_folded_and_top_report() {
    let dir = scratch("py-folded");
    let prog = script(&dir, TWO_FUNCTIONS);
    let folded = dir.join("py.folded");
    let out = taipan(&["--pyprofile", folded.to_str().unwrap(), prog.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let stacks = std::fs::read_to_string(&folded).expect("folded written");
    let mut per_leaf: HashMap<String, u64> = HashMap::new();
    for line in stacks.lines() {
        let (stack, n) = line.rsplit_once(' ').expect("stack COUNT");
        let n: u64 = n.parse().expect("count");
        assert!(stack.starts_with("<module> (prog.py:"), "{line}");
        let leaf = stack.rsplit(';').next().unwrap_or("");
        let func = leaf.split(' ').next().unwrap_or("").to_owned();
        *per_leaf.entry(func).or_default() += n;
    }
    let (a, b) = (per_leaf.get("alpha_work"), per_leaf.get("beta_work"));
    assert!(a.is_some() && b.is_some(), "{stacks}");

    // `-`: the top functions on stderr, the program's output untouched.
    let out = taipan(&["--pyprofile", "-", prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), expected_total());
    let err = text(&out.stderr);
    assert!(err.contains("=== taipan --pyprofile:"), "{err}");
    let self_part = err.split("by total samples:").next().unwrap_or("");
    assert!(self_part.contains("by self samples:"), "{err}");
    assert!(self_part.contains("alpha_work (prog.py:2)"), "{err}");
    assert!(self_part.contains("beta_work (prog.py:8)"), "{err}");
    let total_part = err.split("by total samples:").nth(1).unwrap_or("");
    // The module is on every stack: first by total, at 100%.
    let first = total_part.lines().nth(2).unwrap_or("");
    assert!(first.contains("100.00%") && first.contains("<module> (prog.py:1)"), "{err}");
}

/// The `--stats` report, parsed.
struct Stats {
    total: u64,
    ops: HashMap<String, u64>,
    pair_total: u64,
    pairs: Vec<(String, String, u64)>,
    caches: HashMap<String, (u64, u64)>,
}

fn parse_stats(err: &str) -> Stats {
    let start = err.find("=== taipan --stats ===").expect("stats header");
    let mut lines = err[start..].lines().skip(1);
    let total: u64 = lines
        .next()
        .and_then(|l| l.strip_prefix("executed instructions: "))
        .and_then(|n| n.parse().ok())
        .expect("executed total");
    let mut st = Stats {
        total,
        ops: HashMap::new(),
        pair_total: 0,
        pairs: Vec::new(),
        caches: HashMap::new(),
    };
    let mut section = "";
    for line in lines {
        if line.starts_with("opcodes executed:") {
            section = "ops";
        } else if let Some(rest) = line.strip_prefix("opcode pairs: ") {
            section = "pairs";
            st.pair_total = rest.split(' ').next().and_then(|n| n.parse().ok()).expect("pairs");
        } else if line.starts_with("inline caches:") {
            section = "caches";
        } else if line.starts_with("never executed:") {
        } else if let Some(l) = line.strip_prefix("  ") {
            let f: Vec<&str> = l.split_whitespace().collect();
            match section {
                "ops" => {
                    st.ops.insert(f[0].to_owned(), f[1].parse().expect("count"));
                }
                "pairs" => {
                    assert_eq!(f[1], "->", "{line}");
                    st.pairs.push((f[0].to_owned(), f[2].to_owned(), f[3].parse().expect("n")));
                }
                "caches" => {
                    let hits = f[2].parse().expect("hits");
                    let misses = f[4].parse().expect("misses");
                    st.caches.insert(f[0].to_owned(), (hits, misses));
                }
                _ => panic!("unexpected line {line:?}"),
            }
        }
    }
    st
}

#[test]
fn stats_counts_add_up() {
    let dir = scratch("stats");
    let prog = script(
        &dir,
        "def f(n):\n    t = 0\n    for i in range(n):\n        t += g(i)\n    return t\n\
         def g(x):\n    return x * 2\nprint(f(1000))\n",
    );
    let out = taipan(&["--stats", prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "999000\n");
    let err = text(&out.stderr);
    let st = parse_stats(&err);
    // Real opcodes, adding up to the total.
    let names: Vec<&str> =
        (0..=255u8).filter_map(taipan::bytecode::opcode::Op::from_u8).map(|op| op.name()).collect();
    for name in st.ops.keys() {
        assert!(names.contains(&name.as_str()), "unknown opcode {name}");
    }
    assert_eq!(st.ops.values().sum::<u64>(), st.total, "{err}");
    // The loop ran 1000 times: at least 1000 calls and 1000 returns.
    assert!(st.ops.get("Return").copied().unwrap_or(0) >= 1000, "{err}");
    // Pairs: consecutive instructions, so one fewer than instructions; each
    // pair no more frequent than either of its opcodes.
    assert_eq!(st.pair_total, st.total - 1, "{err}");
    assert!(!st.pairs.is_empty() && st.pairs.len() <= 20);
    let mut last = u64::MAX;
    for (a, b, n) in &st.pairs {
        assert!(*n <= st.ops[a] && *n <= st.ops[b], "{a} -> {b} {n}\n{err}");
        assert!(*n <= last, "pairs not sorted\n{err}");
        last = *n;
    }
    assert!(st.pairs.iter().map(|p| p.2).sum::<u64>() <= st.pair_total);
    // `g` is a global looked up 1000 times: the cache hits nearly always.
    let (hits, misses) = st.caches["LoadGlobal"];
    assert!(hits + misses >= 1000 && hits >= 990, "{err}");
    assert!(hits + misses <= st.ops["LoadGlobal"], "{err}");
}

#[test]
fn stats_and_pyprofile_together_keep_the_exit_status() {
    let dir = scratch("both");
    let prog = script(&dir, "def f():\n    raise ValueError('x')\nprint('a')\nf()\n");
    let out = taipan(&["--stats", "--pyprofile", "-", prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "a\n");
    let err = text(&out.stderr);
    assert!(err.contains("ValueError: x"), "{err}");
    assert!(err.contains("=== taipan --stats ===") && err.contains("=== taipan --pyprofile:"));
}

#[test]
fn unwritable_outputs_are_reported_without_running() {
    let dir = scratch("unwritable");
    let prog = script(&dir, "print('ran')\n");
    let bad = dir.join("no/such/dir/out.svg");
    for flag in ["--profile", "--pyprofile"] {
        let out = taipan(&[flag, bad.to_str().unwrap(), prog.to_str().unwrap()]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert_eq!(text(&out.stdout), "", "{flag}: the program ran");
        let err = text(&out.stderr);
        assert!(err.contains("can't write") && err.contains("No such file or directory"), "{err}");
    }
    // A directory is not writable as a file either.
    let out = taipan(&["--profile", dir.to_str().unwrap(), prog.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    // Missing arguments are usage errors.
    for flag in ["--profile", "--pyprofile", "--profile-hz"] {
        let out = taipan(&[flag]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(text(&out.stderr).contains("Argument expected"), "{flag}");
    }
    let out = taipan(&["--profile-hz", "0", prog.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}
