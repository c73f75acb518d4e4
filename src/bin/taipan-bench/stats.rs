//! Robust statistics for benchmark samples: median, MAD, an approximate 95%
//! confidence interval of the median, ratios of medians with their
//! uncertainty (propagated in log space) and geometric means of ratios.
//!
//! The standard error of a median is estimated as `1.2533 · σ / √n` with
//! `σ ≈ 1.4826 · MAD` (the normal-consistent MAD). Ratios combine the two
//! relative standard errors in quadrature on the log scale, so a ratio's
//! interval is multiplicative: `r · exp(±1.96 · se_log)`. A relative standard
//! error is never taken below [`MIN_REL_SE`]: with two runs, or identical
//! samples, the MAD says nothing about the machine's noise.
//!
//! Intervals use Student's t quantile rather than the normal one, with
//! `n − 1` degrees of freedom for one sample and the Welch–Satterthwaite
//! approximation when errors are combined: with the few runs a benchmark can
//! afford, the MAD is itself uncertain and a normal interval would claim
//! differences that are only noise.

use serde::{Deserialize, Serialize};

/// Two-sided 95% quantile of the standard normal distribution.
pub const Z95: f64 = 1.959_963_984_540_054;
/// The MAD of a normal sample is `0.6745 σ`: multiply by this to estimate σ.
pub const MAD_TO_SIGMA: f64 = 1.482_602_218_505_602;
/// Asymptotic efficiency factor: the median's standard error is `√(π/2)`
/// times the mean's.
pub const MEDIAN_SE_FACTOR: f64 = 1.253_314_137_315_500_3;
/// Floor on any relative standard error (0.5%): the timer and the machine
/// are never quieter than that, whatever a small sample suggests.
pub const MIN_REL_SE: f64 = 0.005;

/// Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom.
const T95: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];

/// The two-sided 95% t quantile for `df` degrees of freedom (fractional
/// values round down; 0 counts as 1; above 30, `1.96 + 2.4/df`, within 0.1%).
pub fn t95(df: f64) -> f64 {
    if !df.is_finite() {
        return Z95;
    }
    let d = df.floor().max(1.0);
    if d <= 30.0 {
        T95[d as usize - 1]
    } else {
        Z95 + 2.4 / d
    }
}

/// Welch–Satterthwaite degrees of freedom of a sum of independent variance
/// estimates `(variance, df)`; each `df` is taken at least 1.
pub fn satterthwaite(parts: &[(f64, f64)]) -> f64 {
    let total: f64 = parts.iter().map(|(v, _)| v).sum();
    let denom: f64 = parts.iter().map(|(v, df)| v * v / df.max(1.0)).sum();
    if denom > 0.0 {
        total * total / denom
    } else {
        f64::INFINITY
    }
}

/// The median of `xs` (mean of the two middle values for an even count),
/// `None` when `xs` has no finite value.
pub fn median(xs: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// The median absolute deviation from the median (not scaled).
pub fn mad(xs: &[f64]) -> Option<f64> {
    let m = median(xs)?;
    let devs: Vec<f64> = xs.iter().filter(|x| x.is_finite()).map(|x| (x - m).abs()).collect();
    median(&devs)
}

/// A summary of one set of samples (seconds, usually).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub mad: f64,
    /// Relative standard error of the median (floored at [`MIN_REL_SE`]).
    pub rel_se: f64,
    /// 95% interval of the median, multiplicative (always positive):
    /// `median · exp(±t · rel_se)`.
    pub ci95_low: f64,
    pub ci95_high: f64,
}

impl Summary {
    /// Summarises the finite values of `xs`; `None` when there are none.
    pub fn of(xs: &[f64]) -> Option<Summary> {
        let finite: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
        let median = median(&finite)?;
        let mad = mad(&finite)?;
        let n = finite.len();
        let min = finite.iter().copied().fold(f64::INFINITY, f64::min);
        let max = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let se = MEDIAN_SE_FACTOR * MAD_TO_SIGMA * mad / (n as f64).sqrt();
        let rel_se = if median > 0.0 { (se / median).max(MIN_REL_SE) } else { MIN_REL_SE };
        let spread = (t95((n - 1) as f64) * rel_se).exp();
        Some(Summary {
            n,
            median,
            min,
            max,
            mad,
            rel_se,
            ci95_low: median / spread,
            ci95_high: median * spread,
        })
    }
}

/// A positive ratio with a multiplicative 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ratio {
    pub value: f64,
    /// Standard error of `ln(value)`.
    pub log_se: f64,
    /// Degrees of freedom of that error (`null` in JSON: normal).
    #[serde(default)]
    pub df: Option<f64>,
    pub ci95_low: f64,
    pub ci95_high: f64,
}

impl Ratio {
    /// A ratio from its value and the standard error of its logarithm,
    /// with a normal interval.
    #[cfg(test)]
    pub fn new(value: f64, log_se: f64) -> Ratio {
        Ratio::with_df(value, log_se, f64::INFINITY)
    }

    /// The same with a t interval of `df` degrees of freedom.
    pub fn with_df(value: f64, log_se: f64, df: f64) -> Ratio {
        let spread = (t95(df) * log_se).exp();
        Ratio {
            value,
            log_se,
            df: df.is_finite().then_some(df),
            ci95_low: value / spread,
            ci95_high: value * spread,
        }
    }

    fn variance_part(&self) -> (f64, f64) {
        (self.log_se * self.log_se, self.df.unwrap_or(f64::INFINITY))
    }

    /// Whether the 95% interval excludes 1 (no change).
    pub fn significant(&self) -> bool {
        self.ci95_low > 1.0 || self.ci95_high < 1.0
    }
}

/// `num.median / den.median` with both relative errors combined; `None`
/// when a median is not positive.
pub fn ratio(num: &Summary, den: &Summary) -> Option<Ratio> {
    if num.median <= 0.0 || den.median <= 0.0 {
        return None;
    }
    let a = num.rel_se.max(MIN_REL_SE);
    let b = den.rel_se.max(MIN_REL_SE);
    let df = satterthwaite(&[
        (a * a, num.n.saturating_sub(1) as f64),
        (b * b, den.n.saturating_sub(1) as f64),
    ]);
    Some(Ratio::with_df(num.median / den.median, (a * a + b * b).sqrt(), df))
}

/// The geometric mean of positive ratios, its log standard error being
/// `√(Σ se_i²) / n` (independent estimates, degrees of freedom by
/// Welch–Satterthwaite); `None` for an empty slice or a non-positive ratio.
pub fn geomean(ratios: &[Ratio]) -> Option<Ratio> {
    if ratios.is_empty() || ratios.iter().any(|r| r.value <= 0.0 || !r.value.is_finite()) {
        return None;
    }
    let n = ratios.len() as f64;
    let mean_log = ratios.iter().map(|r| r.value.ln()).sum::<f64>() / n;
    let parts: Vec<(f64, f64)> = ratios.iter().map(Ratio::variance_part).collect();
    let var: f64 = parts.iter().map(|(v, _)| v).sum();
    Some(Ratio::with_df(mean_log.exp(), var.sqrt() / n, satterthwaite(&parts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn median_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[f64::NAN]), None);
        assert_eq!(median(&[f64::NAN, 1.0, 5.0]), Some(3.0));
    }

    #[test]
    fn mad_known_sample() {
        // median 2; deviations 1 1 0 0 2 4 7 -> sorted 0 0 1 1 2 4 7 -> 1
        assert_eq!(mad(&[1.0, 1.0, 2.0, 2.0, 4.0, 6.0, 9.0]), Some(1.0));
        assert_eq!(mad(&[5.0, 5.0, 5.0]), Some(0.0));
        assert_eq!(mad(&[]), None);
    }

    #[test]
    fn summary_of_known_sample() {
        let s = Summary::of(&[1.0, 1.0, 2.0, 2.0, 4.0, 6.0, 9.0]).unwrap();
        assert_eq!(s.n, 7);
        assert_eq!(s.median, 2.0);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 9.0);
        assert_eq!(s.mad, 1.0);
        let se = MEDIAN_SE_FACTOR * MAD_TO_SIGMA * 1.0 / 7f64.sqrt();
        assert!(close(s.rel_se, se / 2.0));
        let spread = (2.447 * se / 2.0).exp();
        assert!(close(s.ci95_low, 2.0 / spread));
        assert!(close(s.ci95_high, 2.0 * spread));
    }

    #[test]
    fn summary_floors_the_error() {
        let s = Summary::of(&[2.0, 2.0]).unwrap();
        assert_eq!(s.mad, 0.0);
        assert_eq!(s.rel_se, MIN_REL_SE);
        assert!(s.ci95_low < 2.0 && s.ci95_high > 2.0);
        assert!(Summary::of(&[]).is_none());
    }

    #[test]
    fn ratio_combines_errors_in_quadrature() {
        let a = Summary { n: 5, median: 3.0, rel_se: 0.03, ..Summary::default() };
        let b = Summary { n: 5, median: 1.5, rel_se: 0.04, ..Summary::default() };
        let r = ratio(&a, &b).unwrap();
        assert!(close(r.value, 2.0));
        assert!(close(r.log_se, 0.05));
        // df = 0.0025² / (0.0009²/4 + 0.0016²/4) = 7.42 -> t(7)
        let df = r.df.unwrap();
        assert!((df - 7.418).abs() < 0.001, "{df}");
        assert!(close(r.ci95_low, 2.0 / (2.365f64 * 0.05).exp()));
        assert!(close(r.ci95_high, 2.0 * (2.365f64 * 0.05).exp()));
        assert!(r.significant());
        let zero = Summary::default();
        assert!(ratio(&a, &zero).is_none());
    }

    #[test]
    fn t_quantiles() {
        assert_eq!(t95(1.0), 12.706);
        assert_eq!(t95(0.0), 12.706);
        assert_eq!(t95(4.9), 2.776);
        assert_eq!(t95(30.0), 2.042);
        assert!((t95(60.0) - 2.000).abs() < 0.002);
        assert!((t95(120.0) - 1.980).abs() < 0.002);
        assert_eq!(t95(f64::INFINITY), Z95);
        assert_eq!(t95(f64::NAN), Z95);
    }

    #[test]
    fn satterthwaite_df() {
        // Equal variances: the dfs add up.
        assert!(close(satterthwaite(&[(1.0, 4.0), (1.0, 4.0)]), 8.0));
        // One dominating variance: its df.
        assert!((satterthwaite(&[(1.0, 3.0), (1e-6, 50.0)]) - 3.0).abs() < 1e-3);
        assert!(satterthwaite(&[]).is_infinite());
    }

    #[test]
    fn insignificant_ratio() {
        let r = Ratio::new(1.01, 0.02);
        assert!(!r.significant());
        assert!(Ratio::new(0.9, 0.02).significant());
    }

    #[test]
    fn geomean_of_ratios() {
        let rs = [Ratio::new(2.0, 0.03), Ratio::new(8.0, 0.04)];
        let g = geomean(&rs).unwrap();
        assert!(close(g.value, 4.0));
        assert!(close(g.log_se, 0.05 / 2.0));
        assert_eq!(g.df, None);
        assert!(close(g.ci95_high, 4.0 * (Z95 * 0.025).exp()));
        let rs = [Ratio::with_df(2.0, 0.03, 4.0), Ratio::with_df(8.0, 0.03, 4.0)];
        let g = geomean(&rs).unwrap();
        assert!(close(g.df.unwrap(), 8.0));
        assert!(close(g.ci95_high, 4.0 * (2.306 * 0.03 * 2f64.sqrt() / 2.0).exp()));
        assert!(geomean(&[]).is_none());
        assert!(geomean(&[Ratio::new(0.0, 0.1)]).is_none());
        let one = geomean(&[Ratio::new(0.5, 0.0), Ratio::new(2.0, 0.0)]).unwrap();
        assert!(close(one.value, 1.0));
    }
}
