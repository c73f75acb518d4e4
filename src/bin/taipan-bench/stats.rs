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
        let half = Z95 * rel_se * median.abs();
        Some(Summary {
            n,
            median,
            min,
            max,
            mad,
            rel_se,
            ci95_low: median - half,
            ci95_high: median + half,
        })
    }
}

/// A positive ratio with a multiplicative 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ratio {
    pub value: f64,
    /// Standard error of `ln(value)`.
    pub log_se: f64,
    pub ci95_low: f64,
    pub ci95_high: f64,
}

impl Ratio {
    /// A ratio from its value and the standard error of its logarithm.
    pub fn new(value: f64, log_se: f64) -> Ratio {
        let spread = (Z95 * log_se).exp();
        Ratio { value, log_se, ci95_low: value / spread, ci95_high: value * spread }
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
    Some(Ratio::new(num.median / den.median, (a * a + b * b).sqrt()))
}

/// The geometric mean of positive ratios, its log standard error being
/// `√(Σ se_i²) / n` (independent estimates); `None` for an empty slice or
/// a non-positive ratio.
pub fn geomean(ratios: &[Ratio]) -> Option<Ratio> {
    if ratios.is_empty() || ratios.iter().any(|r| r.value <= 0.0 || !r.value.is_finite()) {
        return None;
    }
    let n = ratios.len() as f64;
    let mean_log = ratios.iter().map(|r| r.value.ln()).sum::<f64>() / n;
    let var: f64 = ratios.iter().map(|r| r.log_se * r.log_se).sum();
    Some(Ratio::new(mean_log.exp(), var.sqrt() / n))
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
        assert!(close(s.ci95_low, 2.0 - Z95 * se));
        assert!(close(s.ci95_high, 2.0 + Z95 * se));
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
        assert!(close(r.ci95_low, 2.0 / (Z95 * 0.05).exp()));
        assert!(close(r.ci95_high, 2.0 * (Z95 * 0.05).exp()));
        assert!(r.significant());
        let zero = Summary::default();
        assert!(ratio(&a, &zero).is_none());
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
        assert!(geomean(&[]).is_none());
        assert!(geomean(&[Ratio::new(0.0, 0.1)]).is_none());
        let one = geomean(&[Ratio::new(0.5, 0.0), Ratio::new(2.0, 0.0)]).unwrap();
        assert!(close(one.value, 1.0));
    }
}
