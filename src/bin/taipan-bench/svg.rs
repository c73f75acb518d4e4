//! The SVG chart: a horizontal bar per script of taipan's speedup over the
//! first `--against` interpreter, on a log scale centred on 1× (bars to the
//! right: faster, to the left: slower), with 95% error bars and the geometric
//! mean as the last bar. Written by hand: plain SVG 1.1, no scripts, no
//! external resources.

use std::fmt::Write;

use crate::model::{Report, Status};
use crate::report::{ratio_ci, times};
use crate::stats::Ratio;

const WIDTH: f64 = 880.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 78.0;
const ROW: f64 = 26.0;
const BOTTOM: f64 = 56.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A tick label: three significant digits at most, no trailing zeros.
fn tick_label(v: f64) -> String {
    let decimals = usize::try_from(2 - v.log10().floor() as i64).unwrap_or(0).min(6);
    let text = format!("{v:.decimals$}");
    let text =
        if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    format!("{text}×")
}

/// Round ticks inside `[lo, hi]`: powers of ten over a wide range, the 1-2-5
/// sequence over a decade or so, finer steps over a narrow range.
pub fn ticks(lo: f64, hi: f64) -> Vec<(f64, String)> {
    let lo = lo.clamp(1e-6, 1e6);
    let hi = hi.clamp(lo, 1e6);
    let span = (hi / lo).log10();
    let mults: &[f64] = if span > 3.0 {
        &[1.0]
    } else if span > 1.2 {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0, 1.5, 2.0, 3.0, 5.0, 7.0]
    };
    let e0 = lo.log10().floor() as i32;
    let e1 = hi.log10().ceil() as i32;
    let mut out = Vec::new();
    for e in e0..=e1 {
        for m in mults {
            let v = m * 10f64.powi(e);
            if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                out.push((v, tick_label(v)));
            }
        }
    }
    out
}

struct Row {
    label: String,
    ratio: Option<Ratio>,
    note: String,
    mean: bool,
}

/// The chart of `report`'s speedups over its second interpreter; `None` when
/// there is no other interpreter.
pub fn chart(report: &Report) -> Option<String> {
    let first = report.interpreters.first()?.label.clone();
    let other = report.interpreters.get(1)?.label.clone();
    let mut rows: Vec<Row> = report
        .scripts
        .iter()
        .map(|s| {
            let ratio = s.speedups.first().and_then(|r| r.speedup);
            let note = if ratio.is_some() {
                String::new()
            } else {
                s.cells
                    .iter()
                    .take(2)
                    .find(|c| c.status != Status::Ok)
                    .map(|c| format!("{}: {}", c.interpreter, c.status.word()))
                    .unwrap_or_else(|| "no timing".into())
            };
            Row { label: s.name.clone(), ratio, note, mean: false }
        })
        .collect();
    let g = report.geomean.first();
    rows.push(Row {
        label: "geometric mean".into(),
        ratio: g.and_then(|g| g.speedup),
        note: "no script timed by both".into(),
        mean: true,
    });

    // The domain covers every interval and 1×, with a margin; at least
    // 0.67×–1.5× so that small differences do not look huge.
    let mut lo: f64 = 1.0 / 1.5;
    let mut hi: f64 = 1.5;
    for r in rows.iter().filter_map(|r| r.ratio) {
        if r.ci95_low.is_finite() && r.ci95_low > 0.0 {
            lo = lo.min(r.ci95_low / 1.1);
        }
        if r.ci95_high.is_finite() {
            hi = hi.max(r.ci95_high * 1.1);
        }
    }
    let (lo, hi) = (lo.max(1e-6), hi.min(1e6));
    let ticks = ticks(lo, hi);
    let plot_w = WIDTH - LEFT - RIGHT;
    let x = |v: f64| {
        let v = v.clamp(lo, hi);
        LEFT + (v.log10() - lo.log10()) / (hi.log10() - lo.log10()) * plot_w
    };
    let plot_h = ROW * rows.len() as f64 + 8.0;
    let height = TOP + plot_h + BOTTOM;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="13">"#
    );
    let _ =
        writeln!(s, r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="30" font-size="18" font-weight="600" fill="#1d2433">{} speedup over {} (log scale)</text>"##,
        escape(&first),
        escape(&other)
    );
    let subtitle = format!(
        "median wall time of {} / {}, {} runs, 95% CI · {} · {}",
        other, first, report.settings.runs, report.machine.cpu_model, report.date
    );
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="52" font-size="12" fill="#5b6478">{}</text>"##,
        escape(&subtitle)
    );

    // Grid and axis labels.
    let grid_top = TOP - 6.0;
    let grid_bottom = TOP + plot_h;
    for (v, label) in &ticks {
        let gx = x(*v);
        let (stroke, w) = if (*v - 1.0).abs() < 1e-9 { ("#1d2433", 1.5) } else { ("#e3e6ec", 1.0) };
        let _ = writeln!(
            s,
            r##"<line x1="{gx:.1}" y1="{grid_top:.1}" x2="{gx:.1}" y2="{grid_bottom:.1}" stroke="{stroke}" stroke-width="{w}"/>"##
        );
        let _ = writeln!(
            s,
            r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="#5b6478">{}</text>"##,
            grid_bottom + 18.0,
            escape(label)
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="#5b6478">← slower than {} · faster than {} →</text>"##,
        x(1.0),
        grid_bottom + 40.0,
        escape(&other),
        escape(&other)
    );

    for (i, row) in rows.iter().enumerate() {
        let top = TOP + ROW * i as f64;
        let cy = top + ROW / 2.0;
        if row.mean {
            let _ = writeln!(
                s,
                r##"<line x1="12" y1="{top:.1}" x2="{:.1}" y2="{top:.1}" stroke="#b8bfcc" stroke-dasharray="3 3"/>"##,
                WIDTH - 12.0
            );
        }
        let weight = if row.mean { "700" } else { "400" };
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-weight="{weight}" fill="#1d2433">{}</text>"##,
            LEFT - 10.0,
            cy + 4.5,
            escape(&row.label)
        );
        match row.ratio {
            Some(r) => {
                let x1 = x(1.0);
                let xv = x(r.value);
                let (bx, bw) = if xv >= x1 { (x1, xv - x1) } else { (xv, x1 - xv) };
                let fill = if row.mean {
                    "#3d5a80"
                } else if r.value >= 1.0 {
                    "#2e9e6b"
                } else {
                    "#d1495b"
                };
                let _ = writeln!(
                    s,
                    r##"<rect x="{bx:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="2" fill="{fill}" fill-opacity="0.85"><title>{}: {}</title></rect>"##,
                    top + 5.0,
                    bw.max(1.0),
                    ROW - 10.0,
                    escape(&row.label),
                    escape(&ratio_ci(&r))
                );
                let (l, h) = (x(r.ci95_low), x(r.ci95_high));
                let _ = writeln!(
                    s,
                    r##"<path d="M{l:.1} {cy:.1}H{h:.1}M{l:.1} {:.1}V{:.1}M{h:.1} {:.1}V{:.1}" stroke="#1d2433" stroke-width="1.2" fill="none"/>"##,
                    cy - 4.0,
                    cy + 4.0,
                    cy - 4.0,
                    cy + 4.0
                );
                let _ = writeln!(
                    s,
                    r##"<text x="{:.1}" y="{:.1}" font-weight="{weight}" fill="#1d2433">{} <tspan fill="#5b6478" font-size="11">{}</tspan></text>"##,
                    WIDTH - RIGHT + 12.0,
                    cy + 4.5,
                    escape(&times(r.value)),
                    escape(&format!(
                        "[{}–{}]",
                        times(r.ci95_low).trim_end_matches('×'),
                        times(r.ci95_high).trim_end_matches('×')
                    ))
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-style="italic" fill="#8a93a6">{}</text>"##,
                    x(1.0),
                    cy + 4.5,
                    escape(&row.note)
                );
            }
        }
    }
    s.push_str("</svg>\n");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn tick_sequence() {
        let labels = |lo, hi| -> Vec<String> { ticks(lo, hi).into_iter().map(|t| t.1).collect() };
        assert_eq!(labels(0.6, 1.7), ["0.7×", "1×", "1.5×"]);
        assert_eq!(labels(0.3, 7.0), ["0.5×", "1×", "2×", "5×"]);
        assert_eq!(labels(0.1, 30.0), ["0.1×", "0.2×", "0.5×", "1×", "2×", "5×", "10×", "20×"]);
        assert_eq!(labels(0.001, 500.0), ["0.001×", "0.01×", "0.1×", "1×", "10×", "100×"]);
        assert_eq!(labels(0.1, 0.2), ["0.1×", "0.15×", "0.2×"]);
        assert_eq!(tick_label(0.0001), "0.0001×");
        assert_eq!(tick_label(1000.0), "1000×");
    }

    #[test]
    fn no_chart_without_a_second_interpreter() {
        assert!(chart(&Report::default()).is_none());
    }
}
