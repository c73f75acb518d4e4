//! The front-end pipelines the command line runs, as library functions so
//! tests and benchmarks call exactly what `taipan` runs: bytes → decoded text
//! → AST → `ast.dump` text, or a syntax error ready to be rendered.

use bumpalo::Bump;

use crate::compiler::check_module;

use crate::syntax::dump::{try_dump, DumpOptions, TooDeep};
use crate::syntax::encoding::decode_source;
use crate::syntax::intern::Interner;
use crate::syntax::parser::{parse, Mode, ParseOptions};
use crate::syntax::source::LineIndex;
use crate::syntax::{ErrorKind, SyntaxError};

/// A syntax error together with the decoded source it points into (empty when
/// decoding itself failed), so it can be rendered as CPython does.
#[derive(Debug)]
pub struct SourceError {
    pub error: SyntaxError,
    pub src: String,
}

impl SourceError {
    /// CPython's report for this error in a file named `filename`.
    ///
    /// The decoder does not know the file name that CPython's
    /// `Non-UTF-8 code starting with '\xNN' in file NAME on line N, ...` message
    /// shows: whatever stands between `in file ` and ` on line ` is replaced
    /// by `filename` here.
    pub fn render(&self, filename: &str) -> String {
        let index = LineIndex::new(&self.src);
        let mut error = self.error.clone();
        if error.msg.starts_with("Non-UTF-8 code starting with") {
            if let (Some(a), Some(b)) = (error.msg.find(" in file "), error.msg.find(" on line ")) {
                if a < b {
                    error.msg = format!("{}{filename}{}", &error.msg[..a + 9], &error.msg[b..]);
                }
            }
        }
        error.render(filename, &self.src, &index)
    }
}

/// Options of [`dump_ast`]: the arguments of `python3 -m ast`.
#[derive(Clone, Copy, Debug)]
pub struct AstOptions {
    pub mode: Mode,
    pub type_comments: bool,
    pub include_attributes: bool,
    /// `None` for the one-line form (not reachable from `-m ast`, which always
    /// indents), `Some(n)` for `indent=n`.
    pub indent: Option<usize>,
}

impl Default for AstOptions {
    /// What `python3 -m ast FILE` uses: exec mode, type comments, indent 3.
    fn default() -> Self {
        AstOptions {
            mode: Mode::Exec,
            type_comments: true,
            include_attributes: false,
            indent: Some(3),
        }
    }
}

/// Decode and parse `bytes`, then print the tree as `ast.dump` does (without
/// the final newline `print` adds). This is what `taipan -m ast` prints.
pub fn dump_ast(bytes: &[u8], opts: AstOptions) -> Result<String, SourceError> {
    let src = decode_source(bytes).map_err(|error| SourceError { error, src: String::new() })?;
    let arena = Bump::new();
    let mut interner = Interner::new();
    let parsed = parse(
        &arena,
        &src,
        ParseOptions { mode: opts.mode, type_comments: opts.type_comments },
        &mut interner,
    );
    match parsed {
        Ok(module) => {
            let index = LineIndex::new(&src);
            let dump_opts =
                DumpOptions { include_attributes: opts.include_attributes, indent: opts.indent };
            try_dump(&module, &interner, &index, dump_opts).map_err(|TooDeep| SourceError {
                error: SyntaxError::without_location(
                    ErrorKind::RecursionError,
                    "maximum recursion depth exceeded during ast construction",
                ),
                src: String::new(),
            })
        }
        Err(error) => {
            drop(interner);
            drop(arena);
            Err(SourceError { error, src })
        }
    }
}

/// Decode and parse a module only (what CPython's
/// `compile(src, path, 'exec', ast.PyCF_ONLY_AST)` does): the front-end
/// benchmark times this.
pub fn parse_source(bytes: &[u8]) -> Result<(), SourceError> {
    let src = decode_source(bytes).map_err(|error| SourceError { error, src: String::new() })?;
    let result = {
        let arena = Bump::new();
        let mut interner = Interner::new();
        parse(&arena, &src, ParseOptions::default(), &mut interner).map(|_| ())
    };
    result.map_err(|error| SourceError { error, src })
}

/// Decode, parse and check a module (`exec` mode, no type comments, as
/// running a file does): the syntax errors CPython's parser, symbol table and
/// compiler report before anything runs. `Ok(())` when the module is valid.
pub fn check_source(bytes: &[u8]) -> Result<(), SourceError> {
    let src = decode_source(bytes).map_err(|error| SourceError { error, src: String::new() })?;
    let result = {
        let arena = Bump::new();
        let mut interner = Interner::new();
        match parse(&arena, &src, ParseOptions::default(), &mut interner) {
            Ok(module) => check_module(&arena, &module, &mut interner, &src).map(|_| ()),
            Err(e) => Err(e),
        }
    };
    result.map_err(|error| SourceError { error, src })
}

/// Decode, parse, check, compile (and, if `optimize`, run the peephole
/// optimizer on) a program and run it as `__main__`; the exit status, or the
/// syntax error to report.
pub fn run_program(
    bytes: &[u8],
    filename: &str,
    argv: Vec<String>,
    optimize: bool,
) -> Result<i32, SourceError> {
    let mut vm = crate::vm::Vm::new(argv);
    match compile_program(&mut vm, bytes, filename, optimize)? {
        Ok(code) => Ok(vm.run_main(code)),
        Err(status) => Ok(status),
    }
}

/// Decode, parse, check and compile a program into `vm`'s heap (then, if
/// `optimize`, run the peephole optimizer on it), ready for
/// [`crate::vm::Vm::run_main`] (the embedding entry point benchmarks and the
/// profilers use). `Ok(Err(status))`: the compiler does not support the
/// program yet; the message is already on stderr.
pub fn compile_program(
    vm: &mut crate::vm::Vm,
    bytes: &[u8],
    filename: &str,
    optimize: bool,
) -> Result<Result<std::rc::Rc<crate::bytecode::code::CodeObject>, i32>, SourceError> {
    let src = decode_source(bytes).map_err(|error| SourceError { error, src: String::new() })?;
    let arena = Bump::new();
    let mut interner = Interner::new();
    let module = match parse(&arena, &src, ParseOptions::default(), &mut interner) {
        Ok(m) => m,
        Err(error) => return Err(SourceError { error, src }),
    };
    let table = match check_module(&arena, &module, &mut interner, &src) {
        Ok(t) => t,
        Err(error) => return Err(SourceError { error, src }),
    };
    match crate::compiler::codegen::compile_module(
        &module,
        &table,
        &interner,
        &src,
        filename,
        &mut vm.heap,
    ) {
        Ok(mut code) => {
            if optimize {
                crate::compiler::peephole::optimize(&mut code, &mut vm.heap);
            }
            Ok(Ok(code))
        }
        Err(e) => {
            let index = LineIndex::new(&src);
            let (what, span) = match e {
                crate::compiler::codegen::CompileError::Unsupported { what, span } => (what, span),
                crate::compiler::codegen::CompileError::TooLarge { what, span } => (what, span),
            };
            let line = index.line_col(span.start).0;
            crate::cli::write_stderr_pub(&format!(
                "taipan: {filename}, line {line}: {what}: not supported yet\n"
            ));
            Ok(Err(2))
        }
    }
}

/// Compile a program and disassemble every code object (`taipan --dis`;
/// the code before the peephole optimizer unless `optimize`).
pub fn disassemble(bytes: &[u8], filename: &str, optimize: bool) -> Result<String, SourceError> {
    let src = decode_source(bytes).map_err(|error| SourceError { error, src: String::new() })?;
    let mut heap = crate::runtime::gc::Heap::new();
    let arena = Bump::new();
    let mut interner = Interner::new();
    let module = match parse(&arena, &src, ParseOptions::default(), &mut interner) {
        Ok(m) => m,
        Err(error) => return Err(SourceError { error, src }),
    };
    let table = match check_module(&arena, &module, &mut interner, &src) {
        Ok(t) => t,
        Err(error) => return Err(SourceError { error, src }),
    };
    match crate::compiler::codegen::compile_module(
        &module, &table, &interner, &src, filename, &mut heap,
    ) {
        Ok(mut code) => {
            if optimize {
                crate::compiler::peephole::optimize(&mut code, &mut heap);
            }
            let mut out = String::new();
            crate::bytecode::dis::disassemble(&code, &mut out);
            Ok(out)
        }
        Err(e) => Ok(format!("compile error: {e:?}\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_message_gets_the_file_name() {
        let error = SyntaxError::without_location(
            crate::syntax::ErrorKind::SyntaxError,
            "Non-UTF-8 code starting with '\\xff' in file <unknown> on line 2, but no encoding \
             declared; see https://peps.python.org/pep-0263/ for details",
        );
        let e = SourceError { error, src: String::new() };
        assert_eq!(
            e.render("/d/x.py"),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file /d/x.py on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details\n"
        );
    }
}
