//! The `taipan` command line: argument parsing and the commands it runs.
//!
//! It follows `python3`'s own command line where both have the feature (a
//! script path, `-c`, `-m ast`, `-`/stdin), with the same messages and exit
//! statuses, plus `--check FILE...`, `--dis FILE` and hidden benchmarking
//! flags.

pub mod pipeline;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::Path;
use std::time::Instant;

use crate::syntax::parser::Mode;
use pipeline::{check_source, dump_ast, parse_source, AstOptions, SourceError};

/// The version line of `-V`/`--version`.
pub const VERSION: &str = concat!("Taipan ", env!("CARGO_PKG_VERSION"), " (Python 3.11 front end)");

const HELP: &str = "\
usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd     : program passed in as string (terminates option list)
-h, --help : print this help message and exit
-m mod     : run library module as a script (terminates option list);
             only `-m ast` (python3 -m ast) is available
-V, --version : print the Taipan version and exit
--check file ... : check the syntax of each file; silent when all are valid,
             otherwise print the first error as python3 would and exit 1
--dis      : print the bytecode of every code object instead of running
--no-opt   : skip the peephole optimizer (with --dis: the code before it)
--stats    : after the run, print executed opcode counts, the most frequent
             opcode pairs and inline-cache hit rates on stderr
--profile OUT : sample the interpreter's Rust functions while the program
             runs; OUT.svg gets a flamegraph, OUT.pb a pprof protobuf
--pyprofile OUT : sample the Python call stack; OUT.svg gets a flamegraph,
             OUT.folded folded stacks, `-` the top functions on stderr
--profile-hz N : sampling rate of --profile and --pyprofile (default 1000)
file       : program read from script file
-          : program read from stdin (default)

Taipan has only its front end so far: programs are parsed, not run.
";

/// Run the command line; returns the process exit status.
pub fn main(args: Vec<OsString>) -> i32 {
    crate::runtime::alloc::tune();
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    let argv0 = args.next().unwrap_or_else(|| "taipan".to_owned());
    let args: Vec<String> = args.collect();
    let mut cli = Cli {
        argv0,
        rest: Vec::new(),
        dash: false,
        dis: false,
        no_opt: false,
        profile: Default::default(),
    };
    cli.run(&args)
}

struct Cli {
    argv0: String,
    /// Arguments after the script (sys.argv[1:]).
    rest: Vec<String>,
    /// The program came from an explicit `-`.
    dash: bool,
    /// `--dis`: print the bytecode instead of running.
    dis: bool,
    /// `--no-opt`: skip the peephole optimizer (with `--dis`: show the code
    /// before it).
    no_opt: bool,
    /// `--stats`, `--profile`, `--pyprofile`: measure the run.
    profile: crate::profile::ProfileOptions,
}

impl Cli {
    fn run(&mut self, args: &[String]) -> i32 {
        let mut i = 0;
        while i < args.len() {
            let arg = args[i].as_str();
            match arg {
                "-h" | "-?" | "--help" => {
                    return write_stdout(HELP.replace("{prog}", &self.argv0).as_bytes());
                }
                "-V" | "--version" => return write_stdout(format!("{VERSION}\n").as_bytes()),
                "--check" => return self.check(&args[i + 1..]),
                "--bench-parse" => return self.bench_parse(&args[i + 1..]),
                "-" => {
                    self.dash = true;
                    self.rest = args[i + 1..].to_vec();
                    return self.run_stdin();
                }
                "--dis" => self.dis = true,
                "--no-opt" => {
                    self.no_opt = true;
                    self.profile.no_opt = true;
                }
                "--stats" => self.profile.stats = true,
                "--profile" | "--pyprofile" | "--profile-hz" if i + 1 >= args.len() => {
                    return self.usage_error(&format!("Argument expected for the {arg} option"));
                }
                "--profile" => {
                    i += 1;
                    self.profile.native = Some(args[i].clone());
                }
                "--pyprofile" => {
                    i += 1;
                    self.profile.python = Some(args[i].clone());
                }
                "--profile-hz" => {
                    i += 1;
                    match args[i].parse::<u32>() {
                        Ok(hz) if (1..=10_000).contains(&hz) => self.profile.hz = Some(hz),
                        _ => {
                            return self.usage_error(&format!(
                                "--profile-hz: expected a rate from 1 to 10000, got '{}'",
                                args[i]
                            ));
                        }
                    }
                }
                // Options of python3 that do not change how a program is parsed.
                "-B" | "-b" | "-bb" | "-d" | "-E" | "-I" | "-O" | "-OO" | "-q" | "-s" | "-S"
                | "-u" | "-v" => {}
                "-c" | "-m" | "-W" | "-X" if i + 1 >= args.len() => {
                    return self.usage_error(&format!("Argument expected for the {arg} option"));
                }
                "-W" | "-X" => i += 1,
                "-c" => {
                    self.rest = args[i + 2..].to_vec();
                    return self.run_command(&args[i + 1]);
                }
                "-m" => return self.run_module(&args[i + 1], &args[i + 2..]),
                _ if arg.starts_with("-c") => {
                    self.rest = args[i + 1..].to_vec();
                    return self.run_command(&arg[2..]);
                }
                _ if arg.starts_with("-m") => return self.run_module(&arg[2..], &args[i + 1..]),
                _ if arg.starts_with('-') && arg.len() > 1 => {
                    return self.usage_error(&format!("Unknown option: {arg}"));
                }
                _ => {
                    self.rest = args[i + 1..].to_vec();
                    return self.run_file(arg);
                }
            }
            i += 1;
        }
        self.run_stdin()
    }

    fn usage_error(&self, msg: &str) -> i32 {
        write_stderr(&format!(
            "{msg}\nusage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
             Try `taipan -h' for more information.\n",
            self.argv0
        ));
        2
    }

    /// `taipan FILE`: what `python3 FILE` does, as far as the front end goes.
    fn run_file(&self, path: &str) -> i32 {
        let shown = absolute(path);
        let bytes = match read_script(&shown) {
            Ok(bytes) => bytes,
            Err(msg) => {
                write_stderr(&format!("{}: {msg}\n", self.argv0));
                return if msg.starts_with("can't find '__main__'") { 1 } else { 2 };
            }
        };
        let mut argv = vec![path.to_string()];
        argv.extend(self.rest.iter().cloned());
        self.run_source(&bytes, &shown, &argv)
    }

    fn run_stdin(&self) -> i32 {
        let mut bytes = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
            write_stderr(&format!("{}: can't read <stdin>: {}\n", self.argv0, errno_message(&e)));
            return 2;
        }
        let mut argv = vec![if self.dash { "-".to_string() } else { String::new() }];
        argv.extend(self.rest.iter().cloned());
        self.run_source(&bytes, "<stdin>", &argv)
    }

    fn run_command(&self, cmd: &str) -> i32 {
        let mut argv = vec!["-c".to_string()];
        argv.extend(self.rest.iter().cloned());
        self.run_source(cmd.as_bytes(), "<string>", &argv)
    }

    fn run_source(&self, bytes: &[u8], filename: &str, argv: &[String]) -> i32 {
        if self.dis {
            return match pipeline::disassemble(bytes, filename, !self.no_opt) {
                Ok(text) => write_stdout(text.as_bytes()),
                Err(e) => report(&e, filename),
            };
        }
        let result = if self.profile.any() {
            crate::profile::run_instrumented(bytes, filename, argv.to_vec(), &self.profile)
        } else {
            pipeline::run_program(bytes, filename, argv.to_vec(), !self.no_opt)
        };
        match result {
            Ok(status) => status,
            Err(e) => report(&e, filename),
        }
    }

    /// `taipan --check FILE...`.
    fn check(&self, files: &[String]) -> i32 {
        if files.is_empty() {
            return self.usage_error("Argument expected for the --check option");
        }
        for path in files {
            let shown = absolute(path);
            let bytes = match read_script(&shown) {
                Ok(bytes) => bytes,
                Err(msg) => {
                    write_stderr(&format!("{}: {msg}\n", self.argv0));
                    return 2;
                }
            };
            if let Err(e) = check_source(&bytes) {
                return report(&e, &shown);
            }
        }
        0
    }

    fn run_module(&self, module: &str, args: &[String]) -> i32 {
        if module == "ast" {
            return ast_main(args);
        }
        write_stderr(&format!("{}: No module named {module}\n", self.argv0));
        1
    }

    /// Hidden: `taipan --bench-parse LISTFILE [REPEAT]` decodes and parses every
    /// file named in LISTFILE (one path a line) REPEAT times (default 5) and
    /// prints the best total time, measured in the process (reading the files
    /// and starting the process excluded).
    fn bench_parse(&self, args: &[String]) -> i32 {
        let Some(list) = args.first() else {
            return self.usage_error("Argument expected for the --bench-parse option");
        };
        let repeat = args.get(1).and_then(|r| r.parse::<usize>().ok()).unwrap_or(5).max(1);
        let list = match std::fs::read_to_string(list) {
            Ok(list) => list,
            Err(e) => {
                write_stderr(&format!("taipan: can't read {list}: {}\n", errno_message(&e)));
                return 2;
            }
        };
        let mut sources = Vec::new();
        for path in list.lines().filter(|l| !l.is_empty()) {
            match std::fs::read(path) {
                Ok(bytes) => sources.push(bytes),
                Err(e) => {
                    write_stderr(&format!("taipan: skipping {path}: {}\n", errno_message(&e)))
                }
            }
        }
        let total_bytes: usize = sources.iter().map(Vec::len).sum();
        let mut best = f64::INFINITY;
        let mut errors = 0;
        for _ in 0..repeat {
            errors = 0;
            let start = Instant::now();
            for bytes in &sources {
                if parse_source(bytes).is_err() {
                    errors += 1;
                }
            }
            best = best.min(start.elapsed().as_secs_f64());
        }
        let mb_s = total_bytes as f64 / 1e6 / best;
        write_stdout(
            format!(
                "files {} bytes {total_bytes} errors {errors} best_seconds {best:.6} mb_per_s {mb_s:.2}\n",
                sources.len()
            )
            .as_bytes(),
        )
    }
}

/// Print a syntax error report on stderr; the status of an uncaught exception.
fn report(e: &SourceError, filename: &str) -> i32 {
    write_stderr(&e.render(filename));
    1
}

/// The path as CPython shows a script: absolute, made so by prefixing the
/// current directory without normalizing (`./x.py` → `/cwd/./x.py`).
fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_owned();
    }
    match std::env::current_dir() {
        Ok(cwd) => {
            let cwd = cwd.to_string_lossy();
            if cwd.ends_with('/') {
                format!("{cwd}{path}")
            } else {
                format!("{cwd}/{path}")
            }
        }
        Err(_) => path.to_owned(),
    }
}

/// Read a script file, or the message python3 prints after `argv0: `.
fn read_script(path: &str) -> Result<Vec<u8>, String> {
    if Path::new(path).is_dir() {
        let main = Path::new(path).join("__main__.py");
        if main.is_file() {
            return std::fs::read(&main).map_err(|e| {
                format!("can't open file '{}': {}", main.display(), errno_message(&e))
            });
        }
        return Err(format!("can't find '__main__' module in '{path}'"));
    }
    std::fs::read(path).map_err(|e| format!("can't open file '{path}': {}", errno_message(&e)))
}

/// `[Errno N] strerror` as Python formats an `OSError`.
pub(crate) fn errno_message(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let text = e.to_string();
            let suffix = format!(" (os error {code})");
            let text = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {code}] {text}")
        }
        None => e.to_string(),
    }
}

// ---------------------------------------------------------------------------
// `taipan -m ast`
// ---------------------------------------------------------------------------

const AST_USAGE: &str = "\
usage: taipan -m ast [-h] [-m {exec,single,eval,func_type}]
                     [--no-type-comments] [-a] [-i INDENT]
                     [infile]
";

const AST_HELP: &str = "
positional arguments:
  infile                the file to parse; defaults to stdin

options:
  -h, --help            show this help message and exit
  -m {exec,single,eval,func_type}, --mode {exec,single,eval,func_type}
                        specify what kind of code must be parsed
  --no-type-comments    don't add information about type comments
  -a, --include-attributes
                        include attributes such as line numbers and column
                        offsets
  -i INDENT, --indent INDENT
                        indentation of nodes (number of spaces)
";

fn ast_error(msg: &str) -> i32 {
    write_stderr(&format!("{AST_USAGE}taipan -m ast: error: {msg}\n"));
    2
}

/// `taipan -m ast [options] [infile]`, as `python3 -m ast` (argparse) does.
fn ast_main(args: &[String]) -> i32 {
    const LONG: [&str; 5] =
        ["--help", "--mode", "--no-type-comments", "--include-attributes", "--indent"];
    let mut opts = AstOptions::default();
    let mut infile: Option<&str> = None;
    let mut unrecognized: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut only_positional = false;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if only_positional || arg == "-" || !arg.starts_with('-') {
            if infile.is_none() {
                infile = Some(arg);
            } else {
                unrecognized.push(arg);
            }
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        // Split `--opt=value`, expand unique prefixes of long options.
        let (name, mut value): (String, Option<String>) = if let Some(long) = arg.strip_prefix("--")
        {
            let (n, v) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (long, None),
            };
            let full = format!("--{n}");
            let matches: Vec<&str> =
                LONG.iter().copied().filter(|l| l.starts_with(&full)).collect();
            match (LONG.contains(&full.as_str()), matches.as_slice()) {
                (true, _) => (full, v),
                (false, [one]) => ((*one).to_owned(), v),
                (false, []) => {
                    unrecognized.push(arg);
                    continue;
                }
                (false, many) => {
                    return ast_error(&format!(
                        "ambiguous option: {arg} could match {}",
                        many.join(", ")
                    ));
                }
            }
        } else {
            let short = &arg[..2];
            let rest = &arg[2..];
            match short {
                "-a" if !rest.is_empty() => {
                    // Combined flags such as `-ai2`.
                    opts.include_attributes = true;
                    let (n, v) = (format!("-{}", &rest[..1]), &rest[1..]);
                    (n, if v.is_empty() { None } else { Some(v.to_owned()) })
                }
                _ => (short.to_owned(), if rest.is_empty() { None } else { Some(rest.to_owned()) }),
            }
        };
        let takes_value = matches!(name.as_str(), "-m" | "--mode" | "-i" | "--indent");
        if takes_value
            && value.is_none()
            && i < args.len()
            && !(args[i].starts_with('-') && args[i].len() > 1)
        {
            value = Some(args[i].clone());
            i += 1;
        }
        match name.as_str() {
            "-h" | "--help" => return write_stdout(format!("{AST_USAGE}{AST_HELP}").as_bytes()),
            "-a" | "--include-attributes" => opts.include_attributes = true,
            "--no-type-comments" => opts.type_comments = false,
            "-m" | "--mode" => {
                let Some(v) = value else {
                    return ast_error("argument -m/--mode: expected one argument");
                };
                opts.mode = match v.as_str() {
                    "exec" => Mode::Exec,
                    "eval" => Mode::Eval,
                    "single" => Mode::Single,
                    "func_type" => Mode::FuncType,
                    _ => {
                        return ast_error(&format!(
                            "argument -m/--mode: invalid choice: '{v}' (choose from 'exec', \
                             'single', 'eval', 'func_type')"
                        ));
                    }
                };
            }
            "-i" | "--indent" => {
                let Some(v) = value else {
                    return ast_error("argument -i/--indent: expected one argument");
                };
                match parse_python_int(&v) {
                    Some(n) => opts.indent = Some(n.max(0) as usize),
                    None => {
                        return ast_error(&format!(
                            "argument -i/--indent: invalid int value: '{v}'"
                        ));
                    }
                }
            }
            _ => unrecognized.push(arg),
        }
    }
    let (name, bytes) = match infile {
        None | Some("-") => {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
                return ast_error(&format!(
                    "argument infile: can't open '-': {}",
                    errno_message(&e)
                ));
            }
            ("<stdin>", bytes)
        }
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => (path, bytes),
            Err(e) => {
                return ast_error(&format!(
                    "argument infile: can't open '{path}': {}: '{path}'",
                    errno_message(&e)
                ));
            }
        },
    };
    if !unrecognized.is_empty() {
        return ast_error(&format!("unrecognized arguments: {}", unrecognized.join(" ")));
    }
    match dump_ast(&bytes, opts) {
        Ok(mut text) => {
            text.push('\n');
            write_stdout(text.as_bytes())
        }
        Err(e) => report(&e, name),
    }
}

/// Python's `int(str)` for what argparse accepts: surrounding blanks, a sign,
/// underscores between digits.
fn parse_python_int(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut n: i64 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(10)?;
        n = n.saturating_mul(10).saturating_add(i64::from(d));
    }
    Some(if neg { -n } else { n })
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// Write to stdout through a locked, buffered writer. A closed pipe (`| head`)
/// ends the output quietly; the status is then 0.
fn write_stdout(bytes: &[u8]) -> i32 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = out.write_all(bytes).and_then(|()| out.flush());
    match result {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            write_stderr(&format!("taipan: error writing to stdout: {e}\n"));
            1
        }
    }
}

/// Write to stderr (for the pipeline's messages).
pub fn write_stderr_pub(text: &str) {
    write_stderr(text)
}

fn write_stderr(text: &str) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_ints() {
        assert_eq!(parse_python_int(" 3 "), Some(3));
        assert_eq!(parse_python_int("-1"), Some(-1));
        assert_eq!(parse_python_int("1_0"), Some(10));
        assert_eq!(parse_python_int("x"), None);
        assert_eq!(parse_python_int("1__0"), None);
        assert_eq!(parse_python_int(""), None);
    }

    #[test]
    fn absolute_paths_are_not_normalized() {
        assert_eq!(absolute("/a/../b.py"), "/a/../b.py");
        assert!(absolute("./x.py").ends_with("/./x.py"));
    }
}
