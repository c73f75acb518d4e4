//! Human-readable output: the terminal tables (per-run statistics, speedups,
//! problems, baseline changes) and the Markdown table for README.md.

use std::fmt::Write;

use crate::model::{Cell, Report, Speedup, Status};
use crate::stats::Ratio;

/// Seconds as `812.3 ms` / `1.234 s`.
pub fn secs(s: f64) -> String {
    if !s.is_finite() {
        "?".into()
    } else if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 0.01 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.2} ms", s * 1e3)
    }
}

/// KiB as `14.2 MB` (decimal megabytes of 1024-byte KiB: MiB, shown as MB).
pub fn rss(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

/// `1.23×`, with a precision suited to the magnitude.
pub fn times(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}×")
    } else if x >= 10.0 {
        format!("{x:.1}×")
    } else {
        format!("{x:.2}×")
    }
}

/// `1.23× [1.20–1.26]`.
pub fn ratio_ci(r: &Ratio) -> String {
    format!(
        "{} [{}–{}]",
        times(r.value),
        times(r.ci95_low).trim_end_matches('×'),
        times(r.ci95_high)
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// Renders rows as aligned columns separated by two spaces.
fn table(headers: &[&str], aligns: &[Align], rows: &[Vec<String>]) -> String {
    let cols = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, c) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[String], out: &mut String| {
        let mut s = String::new();
        for (i, w) in widths.iter().enumerate() {
            let c = cells.get(i).map_or("", String::as_str);
            let pad = w.saturating_sub(c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if aligns.get(i) == Some(&Align::Right) {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>(), &mut out);
    line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>(), &mut out);
    for row in rows {
        line(row, &mut out);
    }
    out
}

fn speedup_cell(s: Option<&Speedup>, cells: (&Cell, Option<&Cell>)) -> String {
    if let Some(r) = s.and_then(|s| s.speedup.as_ref()) {
        return ratio_ci(r);
    }
    let (first, other) = cells;
    if first.status != Status::Ok {
        return format!("taipan {}", first.status.word());
    }
    match other {
        Some(o) if o.status != Status::Ok => format!("{} {}", o.interpreter, o.status.word()),
        _ => "–".into(),
    }
}

/// The terminal report.
pub fn terminal(report: &Report) -> String {
    let mut out = String::new();
    let st = &report.settings;
    let _ = writeln!(
        out,
        "taipan-bench: {} scripts × {} interpreters, {} timed runs + {} warm-up each, interleaved; timeout {} s",
        report.scripts.len(),
        report.interpreters.len(),
        st.runs,
        st.warmup,
        st.timeout_secs
    );
    let _ = writeln!(out, "machine: {} ({} CPUs)", report.machine.cpu_model, report.machine.cpus);
    for it in &report.interpreters {
        match (&it.path, &it.error) {
            (Some(p), None) => {
                let _ = writeln!(
                    out,
                    "  {:<10} {} ({}) {}",
                    it.label,
                    p.display(),
                    if it.resolved_via == "sys.executable" {
                        format!("resolved from {} via sys.executable", it.command)
                    } else {
                        it.resolved_via.clone()
                    },
                    it.version
                );
            }
            (_, err) => {
                let _ = writeln!(
                    out,
                    "  {:<10} MISSING: {}",
                    it.label,
                    err.as_deref().unwrap_or("not found")
                );
            }
        }
    }
    out.push('\n');

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for s in &report.scripts {
        for (i, c) in s.cells.iter().enumerate() {
            let name = if i == 0 { s.name.clone() } else { String::new() };
            match (&c.wall, c.status) {
                (Some(w), Status::Ok) => rows.push(vec![
                    name,
                    c.interpreter.clone(),
                    "ok".into(),
                    secs(w.median),
                    secs(w.min),
                    format!("±{:.1}%", 100.0 * w.mad / w.median.max(1e-12)),
                    format!("{}–{}", secs(w.ci95_low), secs(w.ci95_high)),
                    c.cpu.as_ref().map_or("?".into(), |c| secs(c.median)),
                    c.max_rss_kb.map_or("?".into(), rss),
                ]),
                _ => {
                    rows.push(vec![name, c.interpreter.clone(), c.status.word().into()]);
                    if c.status != Status::Ok || !c.detail.is_empty() {
                        problems.push(format!(
                            "{} / {}: {} {}",
                            s.name,
                            c.interpreter,
                            c.status.word(),
                            c.detail
                        ));
                    }
                }
            }
        }
    }
    use Align::{Left as L, Right as R};
    out.push_str(&table(
        &[
            "script",
            "interpreter",
            "status",
            "median",
            "min",
            "MAD",
            "95% CI of median",
            "CPU",
            "peak RSS",
        ],
        &[L, L, L, R, R, R, R, R, R],
        &rows,
    ));

    if report.interpreters.len() > 1 {
        out.push('\n');
        let first = report.interpreters.first().map_or("taipan", |i| i.label.as_str());
        let _ = writeln!(
            out,
            "speedup of {first} (other's median wall time / {first}'s; above 1: {first} is faster; 95% CI)"
        );
        let mut headers = vec!["script".to_string()];
        headers.extend(report.interpreters.iter().skip(1).map(|i| format!("vs {}", i.label)));
        let mut rows = Vec::new();
        for s in &report.scripts {
            let mut row = vec![s.name.clone()];
            for (k, c) in s.cells.iter().enumerate().skip(1) {
                row.push(speedup_cell(s.speedups.get(k - 1), (&s.cells[0], Some(c))));
            }
            rows.push(row);
        }
        let mut row = vec!["geometric mean".to_string()];
        for g in &report.geomean {
            row.push(match &g.speedup {
                Some(r) => format!("{} ({} scripts)", ratio_ci(r), g.scripts),
                None => "–".into(),
            });
        }
        rows.push(row);
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut aligns = vec![L];
        aligns.extend(std::iter::repeat_n(R, headers.len() - 1));
        out.push_str(&table(&header_refs, &aligns, &rows));
    }

    if !problems.is_empty() {
        out.push_str("\nnot timed:\n");
        for p in problems {
            let _ = writeln!(out, "  {p}");
        }
    }

    if let Some(b) = &report.baseline {
        out.push('\n');
        let _ = writeln!(
            out,
            "compared with {} ({}, {}): new median / old; above 1: slower",
            b.file,
            b.date,
            b.git_commit.as_deref().unwrap_or("no commit")
        );
        let rows: Vec<Vec<String>> = b
            .changes
            .iter()
            .map(|c| {
                vec![
                    c.script.clone(),
                    c.interpreter.clone(),
                    secs(c.old_median),
                    secs(c.new_median),
                    format!("{:+.1}%", (c.ratio.value - 1.0) * 100.0),
                    ratio_ci(&c.ratio),
                    match c.verdict.as_str() {
                        "regression" => "REGRESSION".into(),
                        "improvement" => "improvement".into(),
                        _ => "~".into(),
                    },
                ]
            })
            .collect();
        out.push_str(&table(
            &["script", "interpreter", "old", "new", "change", "ratio [95% CI]", ""],
            &[L, L, R, R, R, R, L],
            &rows,
        ));
    }
    out
}

/// A Markdown table for README.md: median times and speedups.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let labels: Vec<&str> = report.interpreters.iter().map(|i| i.label.as_str()).collect();
    let first = labels.first().copied().unwrap_or("taipan");
    out.push_str("| script |");
    for l in &labels {
        let _ = write!(out, " {l} |");
    }
    for l in labels.iter().skip(1) {
        let _ = write!(out, " {first} vs {l} |");
    }
    out.push_str("\n| --- |");
    for _ in 0..(labels.len() * 2).saturating_sub(1) {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for s in &report.scripts {
        let _ = write!(out, "| `{}` |", s.name);
        for c in &s.cells {
            match (&c.wall, c.status) {
                (Some(w), Status::Ok) => {
                    let _ = write!(out, " {} ±{:.1}% |", secs(w.median), 100.0 * w.rel_se);
                }
                _ => {
                    let _ = write!(out, " {} |", c.status.word());
                }
            }
        }
        for (k, c) in s.cells.iter().enumerate().skip(1) {
            let text = speedup_cell(s.speedups.get(k - 1), (&s.cells[0], Some(c)));
            let _ = write!(out, " {text} |");
        }
        out.push('\n');
    }
    if labels.len() > 1 {
        out.push_str("| **geometric mean** |");
        for _ in &labels {
            out.push_str(" |");
        }
        for g in &report.geomean {
            match &g.speedup {
                Some(r) => {
                    let _ = write!(out, " **{}** |", ratio_ci(r));
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let versions: Vec<String> = report
        .interpreters
        .iter()
        .map(|i| {
            if i.version.is_empty() {
                i.label.clone()
            } else {
                format!("{}: {}", i.label, i.version)
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "\nMedian wall time of {} runs (±: standard error of the median), speedup with its 95% CI; {}, {} CPUs; {}; {}.",
        report.settings.runs,
        report.machine.cpu_model,
        report.machine.cpus,
        versions.join(", "),
        report.date
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(secs(0.8123), "812.3 ms");
        assert_eq!(secs(1.5), "1.500 s");
        assert_eq!(secs(0.005), "5.00 ms");
        assert_eq!(times(1.234), "1.23×");
        assert_eq!(times(12.34), "12.3×");
        assert_eq!(rss(2048), "2.0 MB");
        let r = Ratio::new(2.0, 0.0);
        assert_eq!(ratio_ci(&r), "2.00× [2.00–2.00×]");
    }

    #[test]
    fn empty_report_renders() {
        let r = Report::default();
        assert!(markdown(&r).starts_with("| script |"));
        assert!(terminal(&r).contains("0 scripts"));
        assert!(crate::svg::chart(&r).is_none());
    }

    #[test]
    fn table_aligns() {
        let t = table(&["a", "b"], &[Align::Left, Align::Right], &[vec!["xx".into(), "1".into()]]);
        assert_eq!(t, "a   b\n──  ─\nxx  1\n");
    }
}
