//! Averages over summaries, with ROUGE-1.5.5's bootstrap confidence intervals replayed exactly.

use serde::Serialize;

use super::{Prf, Scores, round5};

/// Perl's `rand` since 5.20: its own drand48, so `srand(seed)` gives the same sequence on every
/// platform. ROUGE-1.5.5 seeds it with the resample number, so its bootstrap can be replayed.
struct Drand48(u64);

impl Drand48 {
    fn new(seed: u32) -> Self {
        Drand48((u64::from(seed) << 16) | 0x330E)
    }

    fn next(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5DEE_CE66D).wrapping_add(0xB)) & ((1u64 << 48) - 1);
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// ROUGE-1.5.5's bootstrap (`-r 1000 -c 95`) over per-summary values in its instance order:
/// the mean of the resample means (what it prints as `Average`) and the confidence interval.
pub fn bootstrap(values: &[f64], resamples: u32, confidence: f64) -> (f64, f64, f64) {
    let n = values.len();
    if n == 0 || resamples == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut means: Vec<f64> = (0..resamples)
        .map(|seed| {
            let mut rng = Drand48::new(seed);
            let sum: f64 = (0..n)
                .map(|_| values[(rng.next() * n as f64) as usize])
                .sum();
            sum / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    let avg = round5(means.iter().sum::<f64>() / f64::from(resamples));
    let r = f64::from(resamples);
    let delta = r * ((100.0 - confidence) / 2.0) / 100.0;
    let ua = (r - delta - 1.0) as usize;
    let la = delta as usize;
    let ratio = r - delta - 1.0 - ua as f64;
    let at = |a: usize| {
        let hi = means[(a + 1).min(means.len() - 1)];
        round5(means[a] + (hi - means[a]) * ratio)
    };
    (avg, at(la), at(ua))
}

/// A measure averaged over summaries, with its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Averaged {
    /// Recall: ROUGE-1.5.5's bootstrap average.
    pub recall: f64,
    /// Lower and upper 95% confidence bounds of recall.
    pub recall_ci: (f64, f64),
    /// Precision (bootstrap average).
    pub precision: f64,
    /// F (bootstrap average).
    pub f: f64,
}

/// Averages of the four measures.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Averages {
    /// ROUGE-1.
    pub rouge_1: Averaged,
    /// ROUGE-2.
    pub rouge_2: Averaged,
    /// ROUGE-L.
    pub rouge_l: Averaged,
    /// ROUGE-SU4.
    pub rouge_su4: Averaged,
}

/// Averages several summaries' scores (given in ROUGE's instance order, sorted by name) the way
/// ROUGE-1.5.5 does with `-c 95 -r 1000`: the mean of 1000 bootstrap resample means, which its
/// seeded generator makes reproducible, and the 95% confidence interval.
pub fn average(all: &[Scores]) -> Averages {
    let one = |get: fn(&Scores) -> Prf| {
        let pick = |f: fn(&Prf) -> f64| all.iter().map(|s| f(&get(s))).collect::<Vec<f64>>();
        let (recall, lo, hi) = bootstrap(&pick(|p| p.recall), 1000, 95.0);
        Averaged {
            recall,
            recall_ci: (lo, hi),
            precision: bootstrap(&pick(|p| p.precision), 1000, 95.0).0,
            f: bootstrap(&pick(|p| p.f), 1000, 95.0).0,
        }
    };
    Averages {
        rouge_1: one(|s| s.rouge_1),
        rouge_2: one(|s| s.rouge_2),
        rouge_l: one(|s| s.rouge_l),
        rouge_su4: one(|s| s.rouge_su4),
    }
}
