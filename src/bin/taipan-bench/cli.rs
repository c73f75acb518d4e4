//! Command-line options of `taipan-bench` (parsed by hand: `--opt VALUE`
//! and `--opt=VALUE` both work).

use std::path::PathBuf;

/// The usage text printed by `--help` and after a usage error.
pub const USAGE: &str = "\
usage: taipan-bench [OPTIONS] [SCRIPT.py | DIR]...

Runs each script (default: perf/scripts) under taipan and every --against
interpreter, interleaved round by round, checks each run's stdout against
NAME.expected beside the script, and reports timings and speedups.

options:
  --taipan PATH          taipan binary (default: `taipan` next to this binary)
  --against [LABEL=]CMD  another interpreter to compare with (repeatable);
                         CMD is a path or a name looked up on PATH
  --runs N               timed runs per script and interpreter (default 5)
  --warmup N             untimed warm-up runs first (default 1)
  --timeout SECS         per run; a run still going is killed (default 60)
  --no-resolve           run commands as found; by default each is asked for
                         its sys.executable, so wrappers (pyenv shims) are skipped
  --json FILE            write everything (samples, statistics, machine,
                         versions, git commit, date) as JSON
  --markdown             print a Markdown table instead of the terminal tables
  --svg FILE             write a bar chart of the speedups over the first
                         --against interpreter (log scale, 95% CI)
  --load FILE.json       run nothing: print and write (--markdown, --svg,
                         --baseline) the results saved by an earlier --json
  --baseline OLD.json    compare with an earlier --json run
  --fail-on-regression PCT
                         exit with status 3 when taipan is significantly
                         slower than in --baseline by more than PCT percent
  -q, --quiet            no progress bar (there is none when stderr is not a TTY)
  -h, --help             this text

exit status: 0 done (whatever the scripts did), 2 bad usage, 3 regression.
";

/// Parsed options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub taipan: Option<String>,
    pub against: Vec<String>,
    pub runs: usize,
    pub warmup: usize,
    pub timeout: f64,
    pub resolve: bool,
    pub json: Option<PathBuf>,
    pub markdown: bool,
    pub svg: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub load: Option<PathBuf>,
    pub fail_on_regression: Option<f64>,
    pub quiet: bool,
    pub help: bool,
    pub paths: Vec<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            taipan: None,
            against: Vec::new(),
            runs: 5,
            warmup: 1,
            timeout: 60.0,
            resolve: true,
            json: None,
            markdown: false,
            svg: None,
            baseline: None,
            load: None,
            fail_on_regression: None,
            quiet: false,
            help: false,
            paths: Vec::new(),
        }
    }
}

fn number<T: std::str::FromStr>(opt: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{opt}: not a valid number: {v:?}"))
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut i = 0;
    let mut only_paths = false;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if only_paths || !arg.starts_with('-') || arg == "-" {
            o.paths.push(PathBuf::from(arg));
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let takes_value = matches!(
            name,
            "--taipan"
                | "--against"
                | "--runs"
                | "--warmup"
                | "--timeout"
                | "--json"
                | "--svg"
                | "--baseline"
                | "--load"
                | "--fail-on-regression"
        );
        let value = if takes_value {
            match inline {
                Some(v) => v,
                None => {
                    let v = args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?;
                    i += 1;
                    v
                }
            }
        } else {
            if inline.is_some() {
                return Err(format!("{name} takes no value"));
            }
            String::new()
        };
        match name {
            "--" => only_paths = true,
            "--taipan" => o.taipan = Some(value),
            "--against" => o.against.push(value),
            "--runs" => o.runs = number(name, &value)?,
            "--warmup" => o.warmup = number(name, &value)?,
            "--timeout" => o.timeout = number(name, &value)?,
            "--json" => o.json = Some(PathBuf::from(value)),
            "--svg" => o.svg = Some(PathBuf::from(value)),
            "--baseline" => o.baseline = Some(PathBuf::from(value)),
            "--load" => o.load = Some(PathBuf::from(value)),
            "--fail-on-regression" => o.fail_on_regression = Some(number(name, &value)?),
            "--markdown" => o.markdown = true,
            "--no-resolve" => o.resolve = false,
            "-q" | "--quiet" => o.quiet = true,
            "-h" | "--help" => o.help = true,
            _ => return Err(format!("unknown option: {arg}")),
        }
    }
    if o.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    if !(o.timeout.is_finite() && o.timeout > 0.0 && o.timeout <= 1e6) {
        return Err("--timeout must be a positive number of seconds".into());
    }
    if let Some(p) = o.fail_on_regression {
        if !(p.is_finite() && p >= 0.0) {
            return Err("--fail-on-regression must be a percentage (0 or more)".into());
        }
        if o.baseline.is_none() {
            return Err("--fail-on-regression needs --baseline".into());
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_everything() {
        let o = parse(&args(
            "a.py --against python3 --against=pp=pypy3 --runs 3 --warmup=0 --timeout 2.5 \
             --json r.json --svg c.svg --markdown --baseline old.json --fail-on-regression 5 \
             --no-resolve -q dir",
        ))
        .unwrap();
        assert_eq!(o.against, ["python3", "pp=pypy3"]);
        assert_eq!((o.runs, o.warmup, o.timeout), (3, 0, 2.5));
        assert_eq!(o.paths, [PathBuf::from("a.py"), PathBuf::from("dir")]);
        assert!(o.markdown && o.quiet && !o.resolve);
        assert_eq!(o.fail_on_regression, Some(5.0));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&args("--runs")).is_err());
        assert!(parse(&args("--runs x")).is_err());
        assert!(parse(&args("--runs 0")).is_err());
        assert!(parse(&args("--timeout -1")).is_err());
        assert!(parse(&args("--timeout nan")).is_err());
        assert!(parse(&args("--bogus")).is_err());
        assert!(parse(&args("--markdown=1")).is_err());
        assert!(parse(&args("--fail-on-regression 5")).is_err());
    }

    #[test]
    fn double_dash() {
        let o = parse(&args("-- --runs")).unwrap();
        assert_eq!(o.paths, [PathBuf::from("--runs")]);
    }
}
