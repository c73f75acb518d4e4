//! Raising exceptions from native code and printing uncaught ones as
//! CPython 3.11 does (`Traceback (most recent call last):`, one `File ...,
//! line N, in f` entry and source line per frame, `[Previous line repeated
//! N more times]`, then `Type: message`).

use crate::bytecode::code::Position;
use crate::bytecode::opcode::{op_of, Op};
use crate::runtime::exception::{ExcKind, ExcObj};
use crate::runtime::heap::Gc;
use crate::runtime::value::Value;
use crate::syntax::ast::{ExprKind, Mod, StmtKind};
use crate::syntax::intern::Interner;
use crate::syntax::parser::{parse, Mode, ParseOptions};

use super::{PyErr, Vm};

mod wide;

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
        crate::builtins::exceptions::exc_str(self, e).unwrap_or_default()
    }

    /// Print an uncaught exception with its traceback on stderr.
    pub fn print_exception(&mut self, err: PyErr) {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception(err, &mut out, &mut seen);
        self.write_err(&out);
    }

    /// CPython's `print_exception_recursive`: the cause (or else the
    /// context, unless suppressed) first, each exception printed once.
    fn format_exception(&mut self, err: PyErr, out: &mut String, seen: &mut Vec<usize>) {
        let e = err.0;
        seen.push(e.addr());
        let cause = e.cause.with(|c| *c);
        let context = e.context.with(|c| *c);
        let suppress = e.suppress_context.with(|s| *s);
        // (A bound on the chain printed keeps the native stack safe.)
        let unseen = |v: Value, seen: &Vec<usize>| match v {
            Value::Exception(c) if !seen.contains(&c.addr()) && seen.len() < 1000 => Some(c),
            _ => None,
        };
        if let Some(c) = unseen(cause, seen) {
            self.format_exception(PyErr(c), out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (Some(c), false, true) = (unseen(context, seen), suppress, cause.is_none()) {
            self.format_exception(PyErr(c), out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        self.format_one(e, out);
    }

    /// One exception, without its chain: the traceback (if it has one),
    /// then `Type: message`.
    pub(crate) fn format_one(&mut self, e: Gc<ExcObj>, out: &mut String) {
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
                display_source_line(out, &entry.code.filename, pos);
            }
            flush_repeats(out, repeat);
        }
        let name = match e.class {
            // `module.Qualname`, without the module for `__main__`.
            Some(c) => {
                let q = self.qualified_name(c);
                q.strip_prefix("__main__.").map(str::to_string).unwrap_or(q)
            }
            None => e.kind.name().to_string(),
        };
        let msg = match e.class {
            Some(_) => self
                .str_of(Value::Exception(e))
                .unwrap_or_else(|_| "<exception str() failed>".to_string()),
            None => self.exc_str(&e),
        };
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&name);
            out.push_str(": ");
            out.push_str(&msg);
        }
        if let Some(s) = self.offer_suggestion(&e, &msg) {
            out.push_str(". Did you mean: '");
            out.push_str(&s);
            out.push_str("'?");
        }
        out.push('\n');
        self.format_notes(&e, out);
    }

    /// The `__notes__` of an exception, one line each, after its message.
    fn format_notes(&mut self, e: &crate::runtime::exception::ExcObj, out: &mut String) {
        let Some(notes) = e.attr("__notes__") else { return };
        let items = match notes {
            Value::List(l) => l.snapshot(),
            Value::Tuple(t) => t.items.to_vec(),
            other => {
                let s = self.str_of(other).unwrap_or_default();
                out.push_str(&s);
                out.push('\n');
                return;
            }
        };
        for n in items {
            let s = match n {
                Value::Str(s) => s.as_str().to_string(),
                other => self.repr(other).unwrap_or_default(),
            };
            out.push_str(&s);
            out.push('\n');
        }
    }
}

impl Vm {
    /// CPython 3.11's `_Py_Offer_Suggestions`: for a `NameError` raised by a
    /// name lookup, the closest of the failing frame's local variable names,
    /// then the globals, then the builtins; for an `AttributeError` of a
    /// module, the closest of `dir(module)`.
    fn offer_suggestion(&mut self, e: &ExcObj, msg: &str) -> Option<String> {
        let tb = e.traceback.with(|t| t.first().cloned())?;
        let op = tb.code.instructions.get(tb.pc as usize).map(|&i| Op::from_u8(op_of(i)));
        if matches!(op, Some(Some(Op::Raise | Op::RaiseAssert)) | None) {
            return None;
        }
        match e.kind {
            ExcKind::NameError => {
                let name = quoted_name(msg, "name '", "' is not defined").or_else(|| {
                    quoted_name(
                        msg,
                        "cannot access free variable '",
                        "' where it is not associated with a value in enclosing scope",
                    )
                })?;
                let locals: Vec<String> = tb.code.varnames.iter().map(|v| v.to_string()).collect();
                if let Some(s) = calculate_suggestion(&locals, name) {
                    return Some(s);
                }
                if let Some(Value::Module(m)) = self.modules.get("__main__") {
                    let globals = dict_keys(&m.dict);
                    if let Some(s) = calculate_suggestion(&globals, name) {
                        return Some(s);
                    }
                }
                calculate_suggestion(&dict_keys(&self.builtins), name)
            }
            ExcKind::AttributeError if e.dict.get().is_some() => {
                // An attribute of an object: the closest name of `dir(obj)`.
                let d = e.dict.get()?;
                let nk = Value::Str(self.intern("name"));
                let ok = Value::Str(self.intern("obj"));
                let name = d.get(nk).ok().flatten()?;
                let obj = d.get(ok).ok().flatten()?;
                let name = name.as_str()?.to_string();
                let Ok(Value::List(l)) = crate::builtins::introspect::dir_of(self, obj) else {
                    return None;
                };
                let names: Vec<String> =
                    l.snapshot().iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
                calculate_suggestion(&names, &name)
            }
            ExcKind::AttributeError => {
                let rest = msg.strip_prefix("module '")?;
                let (module, rest) = rest.split_once("' has no attribute '")?;
                let attr = rest.strip_suffix('\'')?;
                let Some(Value::Module(m)) = self.modules.get(module) else {
                    return None;
                };
                let mut names = dict_keys(&m.dict);
                names.sort();
                calculate_suggestion(&names, attr)
            }
            _ => None,
        }
    }
}

/// The `X` of a message `prefix X suffix`.
fn quoted_name<'m>(msg: &'m str, prefix: &str, suffix: &str) -> Option<&'m str> {
    msg.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// The string keys of a dict, in order.
fn dict_keys(d: &crate::runtime::dict::DictObj) -> Vec<String> {
    d.table.with(|t| t.iter().filter_map(|e| e.key.as_str().map(str::to_string)).collect())
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

/// `calculate_suggestions` of Python/suggestions.c: the first candidate at
/// the smallest edit distance, if within a third of the characters involved.
fn calculate_suggestion(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of Python/suggestions.c (moves cost 2, case
/// changes 1; gives up above `max_cost`).
fn levenshtein<'s>(mut a: &'s [u8], mut b: &'s [u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
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

/// Print the source line of a traceback entry and, under it, CPython 3.11's
/// location markers (Python/traceback.c `tb_displayline`): `^` under the
/// failing expression, or `~` for the operands and `^` for the operator of a
/// binary operation (`[...]` of a subscript). The markers are left out when
/// they would cover the whole (indentation-stripped) line.
fn display_source_line(out: &mut String, filename: &str, pos: Position) {
    if filename.starts_with('<') && filename.ends_with('>') {
        return;
    }
    let Some(line) = source_line(filename, pos.line) else {
        return;
    };
    let indent = line.chars().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    let indent_bytes = line.chars().take(indent).map(char::len_utf8).sum::<usize>();
    out.push_str("    ");
    out.push_str(&line[indent_bytes..]);
    out.push('\n');
    if pos.line == 0 {
        return;
    }
    let line_len = line.chars().count() as i64;
    let start = byte_to_char_offset(&line, pos.col as usize) as i64;
    let mut end = byte_to_char_offset(&line, pos.end_col as usize) as i64;
    let mut anchors = None;
    if pos.line == pos.end_line {
        anchors = extract_anchors(&line, start as usize, end as usize);
    } else {
        // A multi-line expression: up to the line's last non-blank character
        // (indexing the UTF-8 bytes by character count, as CPython does).
        let bytes = line.as_bytes();
        let mut i = line_len - 1;
        while i >= 0 {
            match bytes.get(i as usize) {
                Some(b' ' | b'\t' | b'\x0c') => i -= 1,
                _ => break,
            }
        }
        end = i + 1;
    }
    let stripped_len = line_len - indent as i64;
    if end - start == stripped_len && anchors.is_none() {
        return;
    }
    // From here on, offsets are display columns (wide characters take two).
    let (start, end) = (display_width(&line, start), display_width(&line, end));
    let (left, right, primary, secondary) = match anchors {
        Some(a) => (
            display_width(&line, a.left as i64),
            display_width(&line, a.right as i64),
            a.primary,
            a.secondary,
        ),
        None => (-1, -1, '^', '^'),
    };
    let mut offset = indent as i64 - 4;
    while offset < end {
        offset += 1;
        if offset <= start {
            out.push(' ');
        } else if anchors.is_some() && left < offset && offset <= right {
            out.push(secondary);
        } else {
            out.push(primary);
        }
    }
    out.push('\n');
}

/// `_PyPegen_calculate_display_width`: the columns taken by the first
/// `offset` characters of `line` (an ASCII prefix counts `offset` as is).
fn display_width(line: &str, offset: i64) -> i64 {
    let n = usize::try_from(offset).unwrap_or(0);
    let prefix = line.chars().take(n);
    if prefix.clone().all(|c| c.is_ascii()) {
        return offset;
    }
    prefix.map(|c| if wide::is_wide(c) { 2 } else { 1 }).sum()
}

/// Character offsets (in the whole line) of the secondary range of a binary
/// operation or subscript, and the marker characters.
#[derive(Clone, Copy)]
struct Anchors {
    left: usize,
    right: usize,
    primary: char,
    secondary: char,
}

/// CPython's `extract_anchors_from_line`: re-parse the failing segment and,
/// when it is a single expression statement that is a binary operation or a
/// subscript, locate its operator / `[...]` part.
fn extract_anchors(line: &str, start: usize, end: usize) -> Option<Anchors> {
    let segment: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
    let arena = bumpalo::Bump::new();
    let mut interner = Interner::new();
    let opts = ParseOptions { mode: Mode::Exec, type_comments: false };
    let module = parse(&arena, &segment, opts, &mut interner).ok()?;
    let Mod::Module { body: [stmt], .. } = module else {
        return None;
    };
    let StmtKind::Expr { value } = &stmt.kind else {
        return None;
    };
    let seg = segment.as_bytes();
    let blank = |i: usize| matches!(seg.get(i), Some(b' ' | b'\t' | b'\x0c'));
    let (left, right, primary, secondary) = match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (mut la, mut ra) = (None, None);
            let (mut primary, mut secondary) = ('^', '^');
            let stop = right.span.start as usize;
            let mut i = left.span.end as usize;
            while i < stop {
                if blank(i) {
                    i += 1;
                    continue;
                }
                la = Some(i);
                ra = Some(if i + 1 < stop && !blank(i + 1) { i + 2 } else { i + 1 });
                if i + 1 < stop && seg.get(i) == Some(&b')') {
                    i += 1;
                    continue;
                }
                primary = '~';
                secondary = '^';
                break;
            }
            (la?, ra?, primary, secondary)
        }
        ExprKind::Subscript { value, slice, .. } => {
            let len = seg.len();
            let mut la = value.span.end as usize;
            let mut ra = slice.span.end as usize + 1;
            while la < len && seg[la] != b'[' {
                la += 1;
            }
            while ra < len && seg[ra] != b']' {
                ra += 1;
            }
            if ra < len {
                ra += 1;
            }
            (la, ra, '~', '^')
        }
        _ => return None,
    };
    Some(Anchors {
        left: byte_to_char_offset(&segment, left) + start,
        right: byte_to_char_offset(&segment, right) + start,
        primary,
        secondary,
    })
}

/// `_PyPegen_byte_offset_to_character_offset`: the number of characters in
/// the first `col` UTF-8 bytes of `s` (a cut character counts as one).
fn byte_to_char_offset(s: &str, col: usize) -> usize {
    let bytes = s.as_bytes();
    if col > bytes.len() {
        // CPython reads the terminating NUL as one more character.
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&bytes[..col]).chars().count()
}

/// Line `lineno` (1-based) of `filename` without its line end, read back as
/// CPython's traceback printer does (universal newlines, the source's
/// declared encoding).
fn source_line(filename: &str, lineno: u32) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let text = crate::syntax::encoding::decode_source(&bytes).ok()?;
    let mut rest = text.as_str();
    let mut n = lineno.checked_sub(1)?;
    loop {
        if rest.is_empty() {
            return None;
        }
        let cut = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..cut];
        let mut next = cut;
        if rest[cut..].starts_with("\r\n") {
            next += 2;
        } else if cut < rest.len() {
            next += 1;
        }
        if n == 0 {
            return Some(line.to_string());
        }
        n -= 1;
        rest = &rest[next..];
    }
}
