//! Debug helper: `cargo run --release --example parse_all < filelist` parses every
//! file and prints the ones that fail, with the error.
use bumpalo::Bump;
use std::io::BufRead;
use taipan::syntax::{
    encoding::decode_source,
    intern::Interner,
    parser::{parse, ParseOptions},
};
fn main() {
    let mut ok = 0;
    let mut bad = 0;
    let mut bytes_total = 0usize;
    let t = std::time::Instant::now();
    for line in std::io::stdin().lock().lines() {
        let path = line.unwrap();
        let bytes = std::fs::read(&path).unwrap();
        bytes_total += bytes.len();
        let src = match decode_source(&bytes) {
            Ok(s) => s,
            Err(e) => {
                println!("{path}: DECODE {e:?}");
                bad += 1;
                continue;
            }
        };
        let arena = Bump::new();
        let mut interner = Interner::new();
        let opts =
            ParseOptions { type_comments: std::env::var("NOTC").is_err(), ..Default::default() };
        match parse(&arena, &src, opts, &mut interner) {
            Ok(_) => ok += 1,
            Err(e) => {
                let (l, c) = taipan::syntax::source::LineIndex::new(&src).line_col(e.span.start);
                println!("{path}:{l}:{c}: {}", e.msg);
                bad += 1;
            }
        }
    }
    eprintln!("ok {ok} bad {bad} in {:?} ({} bytes)", t.elapsed(), bytes_total);
}
