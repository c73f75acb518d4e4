//! A tiny assembler for the optimizer's tests (as Lua's `testes/code.lua`
//! checks its code generator): write an instruction list as text, run one
//! pass, compare with the expected text.
//!
//! One instruction a line: the opcode name, then its operands in the
//! disassembler's order (`ABC`: a b c, `ABx`: a bx, `AsBx`: a sbx, `sJ`:
//! none); a jump names its target as `->label`, `!label:R` gives the
//! instruction an exception handler at `label` receiving the exception in
//! register R, and `label:` on a line of its own labels the next instruction. `@N` gives the instruction source line N;
//! without it the k-th instruction of an input gets line k + 1, so tests can
//! see which input instruction an output one came from.

use super::effects::is_jump;
use super::{compact, Ins};
use crate::bytecode::code::Position;
use crate::bytecode::opcode::{Format, Op};

fn op_named(name: &str) -> Op {
    (0..Op::COUNT as u8)
        .filter_map(Op::from_u8)
        .find(|o| o.name() == name)
        .unwrap_or_else(|| panic!("unknown opcode {name}"))
}

/// Parse `text`; also returns, per instruction, whether it had an `@N`.
fn parse(text: &str) -> (Vec<Ins>, Vec<bool>) {
    let mut labels = std::collections::HashMap::new();
    let mut lines = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(l) = line.strip_suffix(':') {
            labels.insert(l.to_string(), lines.len());
        } else {
            lines.push(line);
        }
    }
    let mut code = Vec::new();
    let mut explicit = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let mut words = line.split_whitespace();
        let op = op_named(words.next().expect("an opcode"));
        let mut nums = Vec::new();
        let mut target = None;
        let mut at = None;
        let mut exc = None;
        for w in words {
            if let Some(h) = w.strip_prefix('!') {
                let (l, reg) = h.split_once(':').unwrap_or((h, "0"));
                let i = *labels.get(l).unwrap_or_else(|| panic!("no label {l}"));
                exc = Some((i, reg.parse::<u32>().expect("a register")));
            } else if let Some(l) = w.strip_prefix("->") {
                target = Some(*labels.get(l).unwrap_or_else(|| panic!("no label {l}")));
            } else if let Some(n) = w.strip_prefix('@') {
                at = Some(n.parse::<u32>().expect("a line number"));
            } else {
                nums.push(w.parse::<i64>().unwrap_or_else(|_| panic!("bad operand {w}")));
            }
        }
        let n = |i: usize| nums.get(i).copied().unwrap_or(0);
        let mut ins = match op.format() {
            Format::SJ => Ins::new(op, 0, 0, 0),
            Format::ABx | Format::AsBx => Ins::new(op, n(0) as u32, n(1) as i32, 0),
            _ => Ins::new(op, n(0) as u32, n(1) as i32, n(2) as u32),
        };
        if is_jump(op) {
            ins.target = target.unwrap_or_else(|| panic!("{line}: a jump needs ->label"));
        }
        let line_no = at.unwrap_or(k as u32 + 1);
        ins.pos = Position { line: line_no, end_line: line_no, col: 0, end_col: 0 };
        ins.origin = Some(k as u32);
        ins.exc = exc;
        explicit.push(at.is_some());
        code.push(ins);
    }
    (code, explicit)
}

/// Assemble `text` into an instruction list.
pub fn assemble(text: &str) -> Vec<Ins> {
    parse(text).0
}

/// One instruction as text (jump targets as list indices).
pub fn render_one(ins: &Ins) -> String {
    let mut s = ins.op.name().to_string();
    match ins.op.format() {
        Format::Z | Format::SJ => {}
        Format::A => s += &format!(" {}", ins.a),
        Format::AB => s += &format!(" {} {}", ins.a, ins.b),
        Format::ABx | Format::AsBx => {
            if is_jump(ins.op) {
                s += &format!(" {}", ins.a)
            } else {
                s += &format!(" {} {}", ins.a, ins.b)
            }
        }
        Format::ABC => s += &format!(" {} {} {}", ins.a, ins.b, ins.c),
    }
    if is_jump(ins.op) {
        s += &format!(" ->{}", ins.target);
    }
    if let Some((h, reg)) = ins.exc {
        s += &format!(" !{h}:{reg}");
    }
    s
}

/// The list as text, one `index: instruction @line` a line.
pub fn render(code: &[Ins]) -> String {
    code.iter()
        .enumerate()
        .map(|(i, ins)| format!("{i:>3}: {} @{}\n", render_one(ins), ins.pos.line))
        .collect()
}

/// Run `pass` on `input`, compact, and compare with `expected`: opcodes,
/// operands and jump targets always, source lines where `expected` gives
/// `@N`. Returns what the pass returned.
pub fn check(pass: impl FnOnce(&mut [Ins]) -> bool, input: &str, expected: &str) -> bool {
    let mut code = assemble(input);
    let changed = pass(&mut code);
    compact(&mut code);
    let (want, explicit) = parse(expected);
    let same = code.len() == want.len()
        && code.iter().zip(&want).zip(&explicit).all(|((g, w), &at)| {
            render_one(g) == render_one(w) && (!at || g.pos.line == w.pos.line)
        });
    assert!(
        same,
        "\n--- input\n{}--- got\n{}--- expected\n{}",
        render(&assemble(input)),
        render(&code),
        render(&want)
    );
    changed
}
