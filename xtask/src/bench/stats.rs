//! Medians, percentiles and spreads of samples.

use serde_json::{json, Value};

/// A sample's order statistics (linear interpolation between closest ranks).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// `None` for an empty sample; NaNs are ignored.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| !x.is_nan()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let q = |p: f64| percentile(&sorted, p);
        Some(Summary {
            n: sorted.len(),
            median: q(0.5),
            p25: q(0.25),
            p75: q(0.75),
            p95: q(0.95),
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        })
    }

    pub fn json(&self) -> Value {
        json!({
            "n": self.n,
            "median": round3(self.median),
            "p25": round3(self.p25),
            "p75": round3(self.p75),
            "p95": round3(self.p95),
            "min": round3(self.min),
            "max": round3(self.max),
        })
    }
}

/// The `p`-quantile (0 ≤ p ≤ 1) of sorted, non-empty `sorted`.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

/// Three decimals: microseconds, for the JSON.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// `Summary` as JSON, or `null`.
pub fn json_of(samples: &[f64]) -> Value {
    Summary::of(samples).map(|s| s.json()).unwrap_or(Value::Null)
}

/// Writes the table of the main-thread work per frame (the frame's begin time to the end of
/// its rendering update, timed by `frames.js` and `data_scroll.js`): one line per (pass, tool,
/// samples), with how many frames passed the 16.7 ms budget.
pub fn work_table<'a>(t: &mut String, rows: impl Iterator<Item = (&'a str, &'a str, Vec<f64>)>) {
    use std::fmt::Write as _;
    const BUDGET_MS: f64 = 16.7;
    let _ = writeln!(
        t,
        "\nMain-thread work per frame: from the frame's begin time to the end of its rendering update (input and scroll handlers, style, layout, paint, commit), ms"
    );
    let _ = writeln!(t, "| pass | tool | frames | median | p95 | max | over {BUDGET_MS} ms |");
    let _ = writeln!(t, "|---|---|---:|---:|---:|---:|---:|");
    for (pass, tool, work) in rows {
        let Some(s) = Summary::of(&work) else { continue };
        let over = work.iter().filter(|w| **w > BUDGET_MS).count();
        let _ = writeln!(
            t,
            "| {pass} | {tool} | {} | {} | {} | {} | {over} |",
            s.n,
            super::ms(s.median),
            super::ms(s.p95),
            super::ms(s.max)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let s = Summary::of(&[4.0, 1.0, 3.0, 2.0, 5.0]).unwrap();
        assert_eq!((s.n, s.median, s.p25, s.p75, s.min, s.max), (5, 3.0, 2.0, 4.0, 1.0, 5.0));
        assert!((s.p95 - 4.8).abs() < 1e-9);
        let even = Summary::of(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!(even.median, 2.5);
    }

    #[test]
    fn empty_and_nan_samples() {
        assert!(Summary::of(&[]).is_none());
        assert!(Summary::of(&[f64::NAN]).is_none());
        assert_eq!(Summary::of(&[f64::NAN, 7.0]).unwrap().median, 7.0);
    }
}
