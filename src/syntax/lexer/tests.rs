//! Lexer tests: token streams, CPython 3.11.7's errors and locations, fuzzing.
use super::*;
use crate::syntax::source::LineIndex;

fn kinds(src: &str) -> Vec<&'static str> {
    let toks = tokenize(src, LexOptions::default());
    assert!(toks.error.is_none(), "{:?}", toks.error);
    toks.tokens.iter().map(|t| t.kind.text()).collect()
}

/// CPython's (class, lineno, offset, end_lineno, end_offset, msg) of the error;
/// offsets in characters, 1-based.
fn error(src: &str) -> (&'static str, u32, usize, u32, usize, String) {
    let toks = tokenize(src, LexOptions::default());
    let e = toks.error.expect("an error");
    let index = LineIndex::new(src);
    let pos = |off: u32| {
        let (line, col) = index.line_col(off);
        let start = index.line_start(line) as usize;
        (line, src[start..start + col as usize].chars().count() + 1)
    };
    let (l, c) = pos(e.span.start);
    let (el, ec) = pos(e.span.end);
    (e.kind.name(), e.line_only.unwrap_or(l), c, el, ec, e.msg)
}

#[test]
fn simple_program() {
    assert_eq!(
        kinds("if x:\n    y = 1  # c\n\n  # only comment\nz\n"),
        [
            "if",
            "NAME",
            ":",
            "NEWLINE",
            "INDENT",
            "NAME",
            "=",
            "NUMBER",
            "NEWLINE",
            "DEDENT",
            "NAME",
            "NEWLINE",
            "ENDMARKER"
        ]
    );
    assert_eq!(kinds("x"), ["NAME", "NEWLINE", "ENDMARKER"]);
    assert_eq!(kinds(""), ["ENDMARKER"]);
    assert_eq!(kinds("# c"), ["ENDMARKER"]);
    assert_eq!(
        kinds("if 1:\n  pass"),
        ["if", "NUMBER", ":", "NEWLINE", "INDENT", "pass", "NEWLINE", "DEDENT", "ENDMARKER"]
    );
    assert_eq!(kinds("(1,\n 2)\n"), ["(", "NUMBER", ",", "NUMBER", ")", "NEWLINE", "ENDMARKER"]);
    assert_eq!(
        kinds("x = 1 + \\\n  2\n"),
        ["NAME", "=", "NUMBER", "+", "NUMBER", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(
        kinds("a ! $ ? `"),
        ["NAME", "!", "ERRORTOKEN", "ERRORTOKEN", "ERRORTOKEN", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(
        kinds("a<>b **= ... //= ->"),
        ["NAME", "!=", "NAME", "**=", "...", "//=", "->", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(kinds("match _: case"), ["NAME", "NAME", ":", "NAME", "NEWLINE", "ENDMARKER"]);
}

#[test]
fn spans() {
    let src = "if x:\n  y\n";
    let t = tokenize(src, LexOptions::default()).tokens;
    let s: Vec<_> = t.iter().map(|t| (t.kind.text(), t.span.start, t.span.end)).collect();
    assert_eq!(
        s,
        [
            ("if", 0, 2),
            ("NAME", 3, 4),
            (":", 4, 5),
            ("NEWLINE", 5, 6),
            ("INDENT", 6, 8),
            ("NAME", 8, 9),
            ("NEWLINE", 9, 10),
            ("DEDENT", 10, 10),
            ("ENDMARKER", 10, 10)
        ]
    );
    let t = tokenize("x", LexOptions::default()).tokens;
    assert_eq!(t[1].span, Span::new(1, 1));
}

#[test]
fn numbers() {
    for ok in [
        "0",
        "00",
        "0_0",
        "1_000",
        "0x_1f",
        "0o17",
        "0b1_0",
        "1.5",
        "1.",
        ".5",
        "1e5",
        "1E-5",
        "1_0.0_1e+1_0j",
        "0j",
        "00.5",
        "09.5",
        "09e1",
        "1J",
    ] {
        assert_eq!(kinds(ok), ["NUMBER", "NEWLINE", "ENDMARKER"], "{ok}");
    }
    assert_eq!(
        kinds("1if 1else 2"),
        ["NUMBER", "if", "NUMBER", "else", "NUMBER", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(
        kinds("0b1for x in y"),
        ["NUMBER", "for", "NAME", "in", "NAME", "NEWLINE", "ENDMARKER"]
    );
}

#[test]
fn strings() {
    for ok in [
        "'a'",
        "\"a\"",
        "''",
        "'''a\n'b''c'''",
        "rb'\\''",
        "Rb''",
        "bR''",
        "f'{x}'",
        "u'x'",
        "'a\\\nb'",
    ] {
        assert_eq!(kinds(ok), ["STRING", "NEWLINE", "ENDMARKER"], "{ok}");
    }
    assert_eq!(kinds("ub'a'"), ["NAME", "STRING", "NEWLINE", "ENDMARKER"]);
    assert_eq!(kinds("é = 'x'"), ["NAME", "=", "STRING", "NEWLINE", "ENDMARKER"]);
}

#[test]
fn errors_match_cpython() {
    type Expected = (&'static str, u32, usize, u32, usize, &'static str);
    let cases: &[(&str, Expected)] = &[
        ("if x:\n        a\n\tb\n", ("TabError", 3, 1, 3, 1, "inconsistent use of tabs and spaces in indentation")),
        ("if x:\n    a\n  b\n", ("IndentationError", 3, 4, 3, 4, "unindent does not match any outer indentation level")),
        ("if 1:\n    a\n  \\\n    b\n", ("IndentationError", 4, 6, 4, 6, "unindent does not match any outer indentation level")),
        ("x = 1 \\ y\n", ("SyntaxError", 1, 8, 1, 8, "unexpected character after line continuation character")),
        ("x = (1 +\n  2) \\ y\n", ("SyntaxError", 2, 7, 2, 7, "unexpected character after line continuation character")),
        ("x = 1 + \\", ("SyntaxError", 1, 10, 1, 10, "unexpected EOF while parsing")),
        ("x = 1 + \\\n", ("SyntaxError", 1, 10, 1, 10, "unexpected EOF while parsing")),
        ("x = 1\ny = '\0'\n", ("SyntaxError", 2, 1, 2, 1, "source code cannot contain null bytes")),
        ("x = 1\ny = 'abc\nz=2\n", ("SyntaxError", 2, 5, 2, 5, "unterminated string literal (detected at line 2)")),
        ("x = 1\ny = '''abc\nz=2\n", ("SyntaxError", 2, 5, 2, 5, "unterminated triple-quoted string literal (detected at line 3)")),
        ("x = '''abc", ("SyntaxError", 1, 5, 1, 5, "unterminated triple-quoted string literal (detected at line 1)")),
        ("y = 'abc\\'\n", ("SyntaxError", 1, 5, 1, 5, "unterminated string literal (detected at line 1)")),
        ("x = 1)\n", ("SyntaxError", 1, 6, 1, 6, "unmatched ')'")),
        ("x = (1]\n", ("SyntaxError", 1, 7, 1, 7, "closing parenthesis ']' does not match opening parenthesis '('")),
        ("x = (1,\n 2]\n", ("SyntaxError", 2, 3, 2, 3, "closing parenthesis ']' does not match opening parenthesis '(' on line 1")),
        ("x = [(1,\n 2\n", ("SyntaxError", 1, 6, 1, 6, "'(' was never closed")),
        ("x = 1 €\n", ("SyntaxError", 1, 7, 1, 7, "invalid character '€' (U+20AC)")),
        ("x = a€b\n", ("SyntaxError", 1, 6, 1, 6, "invalid character '€' (U+20AC)")),
        ("x = 1\u{a0}+ 2\n", ("SyntaxError", 1, 6, 1, 6, "invalid non-printable character U+00A0")),
        ("x = 1\x01 + 2\n", ("SyntaxError", 1, 6, 1, 6, "invalid non-printable character U+0001")),
        ("a \x0b b\n", ("SyntaxError", 1, 3, 1, 3, "invalid non-printable character U+000B")),
        ("x = 0x\n", ("SyntaxError", 1, 6, 1, 6, "invalid hexadecimal literal")),
        ("x = 0x1g\n", ("SyntaxError", 1, 7, 1, 7, "invalid hexadecimal literal")),
        ("x = 0o18\n", ("SyntaxError", 1, 8, 1, 8, "invalid digit '8' in octal literal")),
        ("x = 0b102\n", ("SyntaxError", 1, 9, 1, 9, "invalid digit '2' in binary literal")),
        ("x = 0012\n", ("SyntaxError", 1, 5, 1, 7, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")),
        ("x = 00_12\n", ("SyntaxError", 1, 5, 1, 8, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")),
        ("x = 1__0\n", ("SyntaxError", 1, 6, 1, 6, "invalid decimal literal")),
        ("x = 1_\n", ("SyntaxError", 1, 6, 1, 6, "invalid decimal literal")),
        ("x = 1abc\n", ("SyntaxError", 1, 5, 1, 5, "invalid decimal literal")),
        ("x = 1e+\n", ("SyntaxError", 1, 7, 1, 7, "invalid decimal literal")),
        ("x = 1jx\n", ("SyntaxError", 1, 6, 1, 6, "invalid imaginary literal")),
    ];
    for (src, (kind, l, c, el, ec, msg)) in cases {
        assert_eq!(error(src), (*kind, *l, *c, *el, *ec, msg.to_string()), "{src:?}");
    }
}

#[test]
fn too_deep_and_too_nested() {
    let mut src = String::new();
    for i in 0..101 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    let e = error(&src);
    assert_eq!(
        (e.0, e.1, e.2, e.5.as_str()),
        ("IndentationError", 101, 1, "too many levels of indentation")
    );
    let src = format!("x = {}", "(".repeat(100_000));
    let e = error(&src);
    assert_eq!((e.1, e.2, e.5.as_str()), (1, 205, "too many nested parentheses"));
}

#[test]
fn type_comments() {
    let opts = LexOptions { type_comments: true };
    let src = "x = 1  # type: int  \ny = 2 # type: ignore[a]\n#type:ignore\ndef f():\n  # type: () -> None\n  pass\n";
    let toks = tokenize(src, opts);
    assert!(toks.error.is_none());
    let tc: Vec<_> = toks
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::TypeComment)
        .map(|t| &src[t.span.start as usize..t.span.end as usize])
        .collect();
    assert_eq!(tc, ["int  ", "() -> None"]);
    let ti: Vec<_> = toks
        .type_ignores
        .iter()
        .map(|(l, s)| (*l, &src[s.start as usize..s.end as usize]))
        .collect();
    assert_eq!(ti, [(2, "[a]"), (3, "")]);
    assert_eq!(tokenize("x # type: ignorex\n", opts).tokens[1].kind, TokenKind::TypeComment);
    assert!(tokenize(src, LexOptions::default())
        .tokens
        .iter()
        .all(|t| t.kind != TokenKind::TypeComment));
}

#[test]
fn fuzz_never_panics_or_hangs() {
    const FRAGMENTS: &[&str] = &[
        "x",
        " ",
        "\t",
        "\n",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "'",
        "\"",
        "'''",
        "\\",
        "\\\n",
        "#",
        "# type: ignore",
        "0",
        "1",
        "0x",
        "0o7",
        "0b",
        "_",
        "e",
        "j",
        ".",
        "..",
        "1.5e",
        "if",
        "else",
        "é",
        "€",
        "\u{a0}",
        "\0",
        "\x0c",
        "\x01",
        "rb",
        "f",
        "u",
        "$",
        "!",
        "=",
        "**=",
        "<>",
        "    ",
        "\u{10000}",
        "ab\u{300}",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..10_000 {
        let n = (next() % 40) as usize;
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize]);
        }
        for opts in [LexOptions::default(), LexOptions { type_comments: true }] {
            let toks = tokenize(&src, opts);
            assert!(toks.tokens.len() <= 2 * src.len() + 2, "{src:?}");
            for t in &toks.tokens {
                assert!(t.span.start <= t.span.end && t.span.end as usize <= src.len());
            }
            if let Some(e) = &toks.error {
                assert!(e.span.end as usize <= src.len());
            } else {
                assert_eq!(
                    toks.tokens.last().map(|t| t.kind),
                    Some(TokenKind::EndMarker),
                    "{src:?}"
                );
            }
        }
    }
}
