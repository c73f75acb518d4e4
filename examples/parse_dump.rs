//! Debug helper: `cargo run --example parse_dump FILE` prints the Debug AST or the error.
use bumpalo::Bump;
use taipan::syntax::{
    encoding::decode_source,
    intern::Interner,
    parser::{parse, ParseOptions},
};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let bytes = std::fs::read(&path).unwrap();
    let src = decode_source(&bytes).unwrap();
    let arena = Bump::new();
    let mut interner = Interner::new();
    match parse(
        &arena,
        &src,
        ParseOptions { type_comments: true, ..Default::default() },
        &mut interner,
    ) {
        Ok(m) => println!("{m:#?}"),
        Err(e) => println!("ERROR {e:?}"),
    }
}
