//! Front-end throughput (criterion): lexing and parsing a fixed set of large
//! CPython stdlib files, found at run time through `python3`; skipped with a
//! note when no stdlib is found. Throughput is reported in bytes of source.
use std::path::PathBuf;
use std::process::Command;

use bumpalo::Bump;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use taipan::syntax::encoding::decode_source;
use taipan::syntax::intern::Interner;
use taipan::syntax::lexer::{tokenize, LexOptions};
use taipan::syntax::parser::{parse, ParseOptions};

/// Large, varied stdlib modules (paths relative to the stdlib directory).
const FILES: &[&str] = &[
    "typing.py",
    "argparse.py",
    "inspect.py",
    "subprocess.py",
    "pydoc.py",
    "_pydecimal.py",
    "tarfile.py",
    "email/_header_value_parser.py",
    "ast.py",
    "collections/__init__.py",
    "dataclasses.py",
    "enum.py",
];

fn stdlib_dir() -> Option<PathBuf> {
    let python = std::env::var("TAIPAN_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let out = Command::new(python)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    dir.is_dir().then_some(dir)
}

fn sources() -> Vec<String> {
    let Some(dir) = stdlib_dir() else { return Vec::new() };
    FILES
        .iter()
        .filter_map(|f| std::fs::read(dir.join(f)).ok())
        .filter_map(|bytes| decode_source(&bytes).ok())
        .collect()
}

fn frontend(c: &mut Criterion) {
    let sources = sources();
    if sources.is_empty() {
        eprintln!("benches/frontend: no CPython stdlib found, nothing to measure");
        return;
    }
    let bytes: u64 = sources.iter().map(|s| s.len() as u64).sum();
    let mut group = c.benchmark_group("frontend");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("lex", |b| {
        b.iter(|| {
            for src in &sources {
                let tokens = tokenize(src, LexOptions::default());
                std::hint::black_box(tokens.tokens.len());
            }
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for src in &sources {
                let arena = Bump::new();
                let mut interner = Interner::new();
                let result = parse(&arena, src, ParseOptions::default(), &mut interner);
                std::hint::black_box(result.is_ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, frontend);
criterion_main!(benches);
