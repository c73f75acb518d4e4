//! The disassembler: `taipan --dis FILE` and `dis.dis(f)` print every code
//! object (nested ones after their parent) with line numbers, offsets,
//! register operands and resolved constants and names.

use std::fmt::Write;

use super::code::CodeObject;
use super::opcode::*;
use crate::runtime::value::Value;

/// The repr of a constant as the disassembler shows it.
pub fn const_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::repr::float_repr(*f),
        Value::Complex(c) => crate::repr::complex_repr(c.re, c.im),
        Value::BigInt(b) => b.value.to_string(),
        Value::Str(s) => crate::repr::str_repr(s.as_str().as_bytes()),
        Value::Bytes(b) => crate::repr::bytes_repr(&b.data),
        Value::Tuple(t) => {
            let items: Vec<String> = t.items.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::Ellipsis => "Ellipsis".into(),
        other => format!("<{other:?}>"),
    }
}

/// Disassemble `code` and, recursively, its children.
pub fn disassemble(code: &CodeObject, out: &mut String) {
    disassemble_one(code, out);
    for child in &code.children {
        out.push('\n');
        disassemble(child, out);
    }
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at line {}> ({} registers, {} constants, {} names):",
        code.qualname,
        code.first_line,
        code.nregs,
        code.consts.len(),
        code.names.len()
    );
    let mut last_line = 0;
    let mut ext = 0usize;
    for (pc, &ins) in code.instructions.iter().enumerate() {
        let line = code.position(pc).line;
        let line_col = if line != last_line {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let Some(op) = Op::from_u8(op_of(ins)) else {
            let _ = writeln!(out, "{line_col} {pc:>6} <bad opcode {}>", op_of(ins));
            continue;
        };
        let operands = match op.format() {
            Format::Z => String::new(),
            Format::A => format!("{}", a_of(ins)),
            Format::AB => format!("{} {}", a_of(ins), b_of(ins)),
            Format::ABC => format!("{} {} {}", a_of(ins), b_of(ins), c_of(ins)),
            Format::ABx => format!("{} {}", a_of(ins), bx_of(ins)),
            Format::AsBx => format!("{} {}", a_of(ins), sbx_of(ins)),
            Format::SJ => format!("{}", sj_of(ins)),
        };
        let c = c_of(ins) + ext;
        let note = match op {
            Op::LoadK => code.consts.get(bx_of(ins)).map(const_repr).unwrap_or_default(),
            Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::Import
            | Op::CheckBound
            | Op::DeleteFast
            | Op::LoadName
            | Op::StoreName
            | Op::DeleteName => name_of(code, bx_of(ins)),
            Op::GetAttr | Op::SetAttr | Op::LoadMethod | Op::ImportFrom | Op::LoadClassDeref => {
                name_of(code, c)
            }
            Op::DelAttr => name_of(code, b_of(ins)),
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure => {
                let b = b_of(ins);
                code.cellvars
                    .iter()
                    .chain(code.freevars.iter())
                    .nth(b)
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            }
            Op::CallKw => code.consts.get(c).map(const_repr).unwrap_or_default(),
            Op::Jmp => format!("to {}", pc as i64 + 1 + sj_of(ins) as i64),
            Op::JmpIfFalse | Op::JmpIfTrue | Op::ForIter | Op::ForRangeLoop | Op::Send => {
                format!("to {}", pc as i64 + 1 + sbx_of(ins) as i64)
            }
            Op::MakeFunction => code
                .children
                .get(b_of(ins))
                .map(|c| format!("<code {}>", c.qualname))
                .unwrap_or_default(),
            _ => String::new(),
        };
        ext = if op == Op::ExtArg { ((ins >> 8) as usize) << 8 } else { 0 };
        let note = if note.is_empty() { note } else { format!("; {note}") };
        let _ = writeln!(out, "{line_col} {pc:>6} {:<14} {operands:<12}{note}", op.name());
    }
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exc_table {
            let _ = writeln!(out, "  {} to {} -> {} [R{}]", e.start, e.end, e.handler, e.reg);
        }
    }
}

fn name_of(code: &CodeObject, i: usize) -> String {
    match code.names.get(i) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    }
}
