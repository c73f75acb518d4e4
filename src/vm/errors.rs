//! Raising exceptions from native code and printing uncaught ones as
//! CPython 3.11 does (`Traceback (most recent call last):`, one `File ...,
//! line N, in f` entry and source line per frame, `[Previous line repeated
//! N more times]`, then `Type: message`).

use crate::runtime::exception::{ExcKind, ExcObj};
use crate::runtime::value::Value;

use super::{PyErr, Vm};

impl Vm {
    /// A new exception of `kind` with a message argument.
    pub fn err(&mut self, kind: ExcKind, msg: impl Into<String>) -> PyErr {
        let m = self.new_str(msg.into());
        PyErr(self.heap.alloc(ExcObj::new(kind, vec![m])))
    }

    /// A new exception of `kind` with the given arguments.
    pub fn err_args(&mut self, kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(self.heap.alloc(ExcObj::new(kind, args)))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::TypeError, msg)
    }

    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::ValueError, msg)
    }

    /// `str(exc)`.
    pub fn exc_str(&mut self, e: &ExcObj) -> String {
        match e.args.len() {
            0 => String::new(),
            1 if e.kind == ExcKind::KeyError => self.repr(e.args[0]).unwrap_or_default(),
            1 => self.str_of(e.args[0]).unwrap_or_default(),
            _ => {
                let t = self.new_tuple(e.args.to_vec());
                self.str_of(t).unwrap_or_default()
            }
        }
    }

    /// Print an uncaught exception with its traceback on stderr.
    pub fn print_exception(&mut self, err: PyErr) {
        let mut out = String::new();
        self.format_exception(err, &mut out, 0);
        self.write_err(&out);
    }

    fn format_exception(&mut self, err: PyErr, out: &mut String, depth: usize) {
        let e = err.0;
        if depth < 100 {
            let cause = e.cause.with(|c| *c);
            let context = e.context.with(|c| *c);
            let suppress = e.suppress_context.with(|s| *s);
            if let Value::Exception(c) = cause {
                self.format_exception(PyErr(c), out, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let (Value::Exception(c), false) = (context, suppress) {
                self.format_exception(PyErr(c), out, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        let tb = e.traceback.with(|t| t.clone());
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0usize;
            for entry in tb.iter().rev() {
                let pos = entry.code.position(entry.pc as usize);
                let key = (entry.code.filename.to_string(), pos.line, entry.code.name.to_string());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    flush_repeats(out, repeat);
                    repeat = 0;
                    last = Some(key);
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.filename, pos.line, entry.code.name
                ));
                if let Some(line) = source_line(&entry.code.filename, pos.line) {
                    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
                    if !stripped.is_empty() {
                        out.push_str("    ");
                        out.push_str(stripped.trim_end());
                        out.push('\n');
                        super::errors::markers(out, &line, stripped, pos);
                    }
                }
            }
            flush_repeats(out, repeat);
        }
        let name = e.kind.name();
        let msg = self.exc_str(&e);
        if msg.is_empty() {
            out.push_str(name);
        } else {
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&msg);
        }
        out.push('\n');
    }
}

fn flush_repeats(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// The `^^^^` marker line CPython 3.11 prints under a traceback's source
/// line when the failing expression is only part of the line.
pub fn markers(out: &mut String, line: &str, stripped: &str, pos: crate::bytecode::code::Position) {
    if pos.line != pos.end_line || pos.end_col <= pos.col {
        return;
    }
    let indent = line.len() - stripped.len();
    let (col, end) = (pos.col as usize, pos.end_col as usize);
    if col < indent || end > line.len() {
        return;
    }
    let seg_start = col - indent;
    let seg_end = end - indent;
    let trimmed = stripped.trim_end();
    // The whole statement: no markers.
    if seg_start == 0 && seg_end >= trimmed.len() {
        return;
    }
    let width = |s: &str| s.chars().count();
    let mut m = String::from("    ");
    m.push_str(&" ".repeat(width(&stripped[..seg_start.min(stripped.len())])));
    m.push_str(&"^".repeat(
        width(&stripped[seg_start.min(stripped.len())..seg_end.min(stripped.len())]).max(1),
    ));
    out.push_str(&m);
    out.push('\n');
}

/// Line `lineno` of `filename`, read back as CPython's traceback module does.
fn source_line(filename: &str, lineno: u32) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let text = crate::syntax::encoding::decode_source(&bytes).ok()?;
    text.lines().nth(lineno.checked_sub(1)? as usize).map(|s| s.to_string())
}
