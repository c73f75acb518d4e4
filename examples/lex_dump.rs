//! Dump the token stream of Python files in a line-oriented form that
//! `tools/lexer_diff.py` compares with CPython's `tokenize` module:
//! `KIND start_line start_col end_line end_col` (character columns), then
//! `ERROR class lineno offset end_lineno end_offset message` on an error.
use std::io::Write;
use taipan::syntax::encoding::decode_source;
use taipan::syntax::lexer::{tokenize, LexOptions};
use taipan::syntax::source::LineIndex;

/// (1-based line, 0-based character column) of a byte offset.
fn char_pos(src: &str, index: &LineIndex, offset: u32) -> (u32, usize) {
    let (line, col) = index.line_col(offset);
    let start = index.line_start(line) as usize;
    let end = (start + col as usize).min(src.len());
    (
        line,
        src.get(start..end)
            .map_or(col as usize, |s| s.chars().count()),
    )
}

fn main() {
    let type_comments = std::env::var_os("TYPE_COMMENTS").is_some();
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in std::env::args().skip(1) {
        let _ = writeln!(out, "FILE {path}");
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(out, "IOERROR {e}");
                continue;
            }
        };
        let src = match decode_source(&bytes) {
            Ok(s) => s,
            Err(e) => {
                let _ = writeln!(out, "ERROR {} {:?} {}", e.kind.name(), e.line_only, e.msg);
                continue;
            }
        };
        let index = LineIndex::new(&src);
        let toks = tokenize(&src, LexOptions { type_comments });
        for t in &toks.tokens {
            let (sl, sc) = char_pos(&src, &index, t.span.start);
            let (el, ec) = char_pos(&src, &index, t.span.end);
            let _ = writeln!(out, "{} {sl} {sc} {el} {ec}", t.kind.text());
        }
        for (line, tag) in &toks.type_ignores {
            let text = src.get(tag.start as usize..tag.end as usize).unwrap_or("");
            let _ = writeln!(out, "TYPE_IGNORE {line} {text:?}");
        }
        if let Some(e) = toks.error {
            let (sl, sc) = char_pos(&src, &index, e.span.start);
            let (el, ec) = char_pos(&src, &index, e.span.end);
            let lineno = e.line_only.unwrap_or(sl);
            let _ = writeln!(
                out,
                "ERROR {} {lineno} {} {el} {} {}",
                e.kind.name(),
                sc + 1,
                ec + 1,
                e.msg
            );
        }
    }
}
