//! Interpreters under test: parsing `LABEL=COMMAND` specs, finding the
//! executable on `PATH`, resolving wrappers (pyenv shims, scripts) to the real
//! binary by asking it for `sys.executable`, and reading its version.
//!
//! Resolution matters: a pyenv shim is a shell script that adds tens of
//! milliseconds to every start, which would be charged to the interpreter.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::exec;

/// How long a version or `sys.executable` query may take.
const QUERY_TIMEOUT: Duration = Duration::from_secs(10);

/// One interpreter to benchmark.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Interp {
    /// The name shown in tables (`taipan`, `python3`, or the LABEL given).
    pub label: String,
    /// The command as given on the command line.
    pub command: String,
    /// The executable actually run; `None` when it cannot be found.
    pub path: Option<PathBuf>,
    /// How `path` was found: `sys.executable`, `PATH`, `as given`.
    pub resolved_via: String,
    /// First line of `COMMAND --version` (empty when unknown).
    pub version: String,
    /// Why the interpreter cannot be run, if it cannot.
    pub error: Option<String>,
}

impl Interp {
    /// Whether it can be run at all.
    pub fn usable(&self) -> bool {
        self.path.is_some() && self.error.is_none()
    }
}

/// Splits `LABEL=COMMAND`; a plain command is its own label.
pub fn parse_spec(spec: &str) -> (String, String) {
    if let Some((label, cmd)) = spec.split_once('=') {
        if !label.is_empty() && !label.contains('/') && !cmd.is_empty() {
            return (label.to_string(), cmd.to_string());
        }
    }
    (spec.to_string(), spec.to_string())
}

fn is_executable(p: &Path) -> bool {
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Finds `cmd` as a path (when it has a `/`) or on `PATH`.
pub fn find_executable(cmd: &str) -> Option<PathBuf> {
    if cmd.contains('/') {
        let p = Path::new(cmd);
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        return is_executable(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(cmd)).find(|p| is_executable(p))
}

/// Asks a Python-like interpreter for its real executable.
fn sys_executable(exe: &Path) -> Option<PathBuf> {
    let (code, out, _) =
        exec::capture(exe, &["-c", "import sys; print(sys.executable)"], QUERY_TIMEOUT)?;
    let line = out.trim();
    if code != 0 || line.is_empty() || line.contains('\n') {
        return None;
    }
    let p = PathBuf::from(line);
    (p.is_absolute() && is_executable(&p)).then_some(p)
}

fn version_of(exe: &Path) -> String {
    match exec::capture(exe, &["--version"], QUERY_TIMEOUT) {
        Some((0, out, err)) => out
            .lines()
            .chain(err.lines())
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .chars()
            .take(120)
            .collect(),
        _ => String::new(),
    }
}

/// Finds and (unless `resolve` is false) resolves an interpreter.
pub fn resolve(label: &str, command: &str, resolve: bool) -> Interp {
    let mut it =
        Interp { label: label.to_string(), command: command.to_string(), ..Interp::default() };
    let Some(found) = find_executable(command) else {
        it.error = Some(format!("interpreter not found: {command}"));
        return it;
    };
    it.resolved_via = if command.contains('/') { "as given".into() } else { "PATH".into() };
    let mut exe = found;
    if resolve {
        if let Some(real) = sys_executable(&exe) {
            if real != exe {
                it.resolved_via = "sys.executable".into();
            }
            exe = real;
        }
    }
    it.version = version_of(&exe);
    it.path = Some(exe);
    it
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(parse_spec("python3"), ("python3".into(), "python3".into()));
        assert_eq!(parse_spec("cpy=/usr/bin/python3"), ("cpy".into(), "/usr/bin/python3".into()));
        assert_eq!(parse_spec("/a=b/c"), ("/a=b/c".into(), "/a=b/c".into()));
        assert_eq!(parse_spec("x="), ("x=".into(), "x=".into()));
    }

    #[test]
    fn missing_interpreter() {
        let it = resolve("nope", "no-such-interpreter-xyz", true);
        assert!(!it.usable());
        assert!(it.error.is_some());
        let it = resolve("nope", "/no/such/path", true);
        assert!(!it.usable());
    }

    #[test]
    fn finds_sh() {
        assert!(find_executable("sh").is_some());
    }
}
