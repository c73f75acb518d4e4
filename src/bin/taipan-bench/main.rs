//! `taipan-bench`: runs the reference scripts (`perf/scripts`) under taipan
//! and other Python interpreters, interleaved, checks their output, and
//! reports timings, speedups with confidence intervals, and regressions
//! against an earlier run (see `perf/README.md` and `--help`).

mod baseline;
mod bench;
mod cli;
mod exec;
mod interp;
mod machine;
mod model;
mod report;
mod stats;
mod svg;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use model::{Report, Settings, SCHEMA};

/// The default `--taipan`: the `taipan` binary beside this one.
fn default_taipan() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("taipan")))
        .map_or_else(|| "taipan".into(), |p| p.display().to_string())
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Labels must be unique: a repeated one gets `#2`, `#3`...
fn unique_labels(interps: &mut [interp::Interp]) {
    let mut seen: Vec<String> = Vec::new();
    for it in interps.iter_mut() {
        let mut label = it.label.clone();
        let mut k = 2;
        while seen.contains(&label) {
            label = format!("{}#{k}", it.label);
            k += 1;
        }
        it.label.clone_from(&label);
        seen.push(label);
    }
}

/// Runs the session described by `opts`.
fn measure(opts: &cli::Options) -> Result<Report, String> {
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from("perf/scripts")]
    } else {
        opts.paths.clone()
    };
    let scripts = bench::collect_scripts(&paths)?;
    if scripts.is_empty() {
        return Err("no .py scripts found".into());
    }

    let taipan_cmd = opts.taipan.clone().unwrap_or_else(default_taipan);
    let mut interps = vec![interp::resolve("taipan", &taipan_cmd, opts.resolve)];
    for spec in &opts.against {
        let (label, cmd) = interp::parse_spec(spec);
        interps.push(interp::resolve(&label, &cmd, opts.resolve));
    }
    unique_labels(&mut interps);

    let progress = !opts.quiet && std::io::stderr().is_terminal();
    let plan = bench::Plan {
        interps: &interps,
        runs: opts.runs,
        warmup: opts.warmup,
        timeout: Duration::from_secs_f64(opts.timeout),
        progress,
    };
    let results = bench::run_all(&scripts, &plan);
    let geomean = bench::geomeans(&interps, &results);
    Ok(Report {
        schema: SCHEMA,
        tool: format!("taipan-bench {}", env!("CARGO_PKG_VERSION")),
        date: machine::now(),
        git_commit: machine::git_commit(Path::new(".")),
        machine: machine::machine(),
        settings: Settings {
            runs: opts.runs,
            warmup: opts.warmup,
            timeout_secs: opts.timeout,
            resolve: opts.resolve,
            order: "per script: warm-up rounds then timed rounds; each round runs every \
                    interpreter once, starting with interpreter (round mod count)"
                .into(),
        },
        interpreters: interps,
        scripts: results,
        geomean,
        baseline: None,
    })
}

fn run(opts: cli::Options) -> Result<ExitCode, String> {
    let baseline = match &opts.baseline {
        Some(p) => Some(baseline::load(p)?),
        None => None,
    };
    let mut report = match &opts.load {
        Some(p) => {
            // The statistics are recomputed from the saved samples.
            let mut r = baseline::load(p)?;
            r.baseline = None;
            for s in &mut r.scripts {
                s.cells.iter_mut().for_each(bench::summarize);
                s.speedups = bench::speedups(&s.cells);
            }
            r.geomean = bench::geomeans(&r.interpreters, &r.scripts);
            r
        }
        None => measure(&opts)?,
    };
    let mut status = ExitCode::SUCCESS;
    if let (Some(old), Some(path)) = (&baseline, &opts.baseline) {
        let cmp = baseline::compare(&report, old, &path.display().to_string());
        if let Some(pct) = opts.fail_on_regression {
            let label = report.interpreters.first().map_or("taipan", |i| i.label.as_str());
            let bad = baseline::regressions(&cmp, label, pct);
            if !bad.is_empty() {
                for c in &bad {
                    eprintln!(
                        "taipan-bench: regression: {} is {:+.1}% slower under {} ({})",
                        c.script,
                        (c.ratio.value - 1.0) * 100.0,
                        c.interpreter,
                        report::ratio_ci(&c.ratio)
                    );
                }
                status = ExitCode::from(3);
            }
        }
        report.baseline = Some(cmp);
    }

    if opts.markdown {
        print!("{}", report::markdown(&report));
    } else {
        print!("{}", report::terminal(&report));
    }
    if let Some(p) = &opts.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        write_file(p, &(text + "\n"))?;
    }
    if let Some(p) = &opts.svg {
        match svg::chart(&report) {
            Some(chart) => write_file(p, &chart)?,
            None => eprintln!("taipan-bench: no --against interpreter: no chart written"),
        }
    }
    Ok(status)
}

fn main() -> ExitCode {
    let args: Vec<String> =
        std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let opts = match cli::parse(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("taipan-bench: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    if opts.help {
        print!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    match run(opts) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("taipan-bench: {e}");
            ExitCode::from(2)
        }
    }
}
