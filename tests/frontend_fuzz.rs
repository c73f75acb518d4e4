//! Robustness of the front end on hostile input: random token soups, random
//! bytes, mutated real programs and pathological shapes (deep nesting, huge
//! lines, NUL bytes, invalid UTF-8). The property is simple: every input
//! yields an AST or a SyntaxError — never a panic, a hang or a stack overflow.
//!
//! Deterministic (a fixed xorshift seed) and time-bounded, so it runs in CI.

use std::time::{Duration, Instant};

use bumpalo::Bump;
use taipan::syntax::dump::{dump, DumpOptions};
use taipan::syntax::encoding::decode_source;
use taipan::syntax::intern::Interner;
use taipan::syntax::parser::{parse, Mode, ParseOptions};
use taipan::syntax::source::LineIndex;

/// Decode, parse (all modes) and dump one input; panics propagate as failures.
fn front_end(bytes: &[u8]) {
    let Ok(src) = decode_source(bytes) else { return };
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        let arena = Bump::new();
        let mut interner = Interner::new();
        let opts = ParseOptions { mode, type_comments: true };
        if let Ok(m) = parse(&arena, &src, opts, &mut interner) {
            let index = LineIndex::new(&src);
            let _ = dump(
                &m,
                &interner,
                &index,
                DumpOptions { include_attributes: true, indent: Some(3) },
            );
        }
    }
}

/// Run `f` on a thread with a large stack, as the `taipan` binary does.
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).unwrap().join().unwrap();
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "def ",
    "class ",
    "if ",
    "elif ",
    "else",
    "while ",
    "for ",
    " in ",
    "try",
    "except",
    "finally",
    "with ",
    " as ",
    "lambda",
    "yield",
    "await ",
    "async ",
    "return",
    "import ",
    "from ",
    "global ",
    "nonlocal ",
    "match ",
    "case ",
    "_",
    "x",
    "y",
    "f",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<<",
    ">>",
    "<",
    ">",
    "!=",
    "->",
    "+=",
    "not ",
    "and ",
    "or ",
    "is ",
    "None",
    "True",
    "1",
    "0x1F",
    "1.5e3",
    "2j",
    "1_000",
    "'s'",
    "\"d\"",
    "f'{x}'",
    "f\"{x!r:>{w}}\"",
    "b'\\x00'",
    "r'\\d'",
    "'''t\n'''",
    "\\\n",
    "\n",
    "\n    ",
    "\t",
    "#c\n",
    "@",
    "del ",
    "pass",
    "break",
    "continue",
    "raise ",
    "assert ",
    "*",
    "f'{",
    "'",
    "\"\"\"",
    "\\",
    "$",
    "?",
    "\u{20ac}",
    "\u{e9}",
    "\0",
];

#[test]
fn random_token_soup_never_panics() {
    on_big_stack(|| {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut n = 0;
        while n < 20_000 && Instant::now() < deadline {
            let len = 1 + rng.below(40);
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            }
            front_end(s.as_bytes());
            n += 1;
        }
        assert!(n > 100, "only {n} inputs ran");
    });
}

#[test]
fn random_bytes_never_panic() {
    on_big_stack(|| {
        let mut rng = XorShift(0x1234_5678_9ABC_DEF1);
        for _ in 0..5_000 {
            let len = rng.below(64);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            front_end(&bytes);
            // Mostly-ASCII variant, which reaches the parser more often.
            const ALPHABET: &[u8] = b" \n\t()[]{}:=+-*/'\"#\\abcxyz0123456789.,";
            let ascii: Vec<u8> = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
            front_end(&ascii);
        }
    });
}

/// Real programs with random cuts, duplications and byte flips.
#[test]
fn mutated_stdlib_files_never_panic() {
    let Some(stdlib) = stdlib_dir() else { return };
    on_big_stack(move || {
        let mut files: Vec<_> = [
            "ast.py",
            "dataclasses.py",
            "typing.py",
            "argparse.py",
            "json/decoder.py",
            "re/_parser.py",
        ]
        .iter()
        .filter_map(|f| std::fs::read(stdlib.join(f)).ok())
        .collect();
        files.retain(|f| !f.is_empty());
        let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
        let deadline = Instant::now() + Duration::from_secs(20);
        for i in 0..600 {
            if Instant::now() > deadline || files.is_empty() {
                break;
            }
            let base = &files[i % files.len()];
            let mut m = base.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(m.len().max(1));
                match rng.below(4) {
                    0 => m.truncate(at),
                    1 => {
                        let b = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                        m.splice(at..at, b.iter().copied());
                    }
                    2 => {
                        if at < m.len() {
                            m[at] = rng.next() as u8;
                        }
                    }
                    _ => {
                        let end = (at + rng.below(200)).min(m.len());
                        m.drain(at..end);
                    }
                }
            }
            front_end(&m);
        }
    });
}

#[test]
fn pathological_shapes_give_errors_not_crashes() {
    on_big_stack(|| {
        let cases: Vec<Vec<u8>> = vec![
            "(".repeat(100_000).into_bytes(),
            "[".repeat(100_000).into_bytes(),
            format!("x = {}1{}", "(".repeat(150), ")".repeat(150)).into_bytes(),
            format!("x = {}1", "-".repeat(100_000)).into_bytes(),
            format!("x = {}1", "not ".repeat(50_000)).into_bytes(),
            format!("x = {}1", "lambda: ".repeat(20_000)).into_bytes(),
            format!("x = 1{}", " if 1 else 1".repeat(20_000)).into_bytes(),
            format!("x = {}", "a.".repeat(10_000) + "b").into_bytes(),
            format!("x = 1{}", " + 1".repeat(20_000)).into_bytes(),
            format!("x = f{}", "(1)".repeat(10_000)).into_bytes(),
            b"x = 1\0\n".to_vec(),
            b"x = '\xff\xfe'\n".to_vec(),
            b"x = '\\ud800'\n".to_vec(),
            b"x = f'{x".to_vec(),
            b"x = f'''{\n".to_vec(),
            b"if 1:\n".to_vec(),
            b"\xef\xbb\xbfx = 1\n".to_vec(),
        ];
        for c in &cases {
            front_end(c);
        }
        // Deeply nested blocks (indentation levels).
        let mut src = String::new();
        for depth in 0..150 {
            src.push_str(&" ".repeat(depth));
            src.push_str("if x:\n");
        }
        src.push_str(&" ".repeat(150));
        src.push_str("pass\n");
        front_end(src.as_bytes());
    });
}

/// A 10 MB one-line expression parses (or fails cleanly) in bounded time.
#[test]
fn ten_megabyte_line() {
    on_big_stack(|| {
        let mut s = String::from("x = [");
        while s.len() < 10 << 20 {
            s.push_str("12345, 'abc', y.z, ");
        }
        s.push_str("]\n");
        let start = Instant::now();
        front_end(s.as_bytes());
        assert!(start.elapsed() < Duration::from_secs(60), "took {:?}", start.elapsed());
    });
}

fn stdlib_dir() -> Option<std::path::PathBuf> {
    let out = std::process::Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()?;
    let p = std::path::PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    p.is_dir().then_some(p)
}
