//! KLSum, after Haghighi and Vanderwende (2009): each step takes the sentence that brings the
//! summary's term distribution closest to the cluster's; the objective
//! [`crate::select::coverage::Objective::Kl`].

use std::collections::HashMap;

use crate::select::coverage::Step;

/// KLSum: the cluster's term distribution and the summary's term counts.
#[derive(Clone)]
pub(crate) struct Kl<'a> {
    terms: Vec<&'a [u32]>,
    /// The cluster's term probabilities, by term id.
    cluster: Vec<(u32, f64)>,
    summary: HashMap<u32, f64>,
    size: f64,
}

/// Additive smoothing of the summary's distribution in [`Kl`].
const KL_SMOOTHING: f64 = 0.01;

impl<'a> Kl<'a> {
    pub(crate) fn new(terms: &'a [Vec<u32>], reps: &[usize]) -> Self {
        let mut counts: HashMap<u32, f64> = HashMap::new();
        for &t in terms.iter().flatten() {
            *counts.entry(t).or_insert(0.0) += 1.0;
        }
        let total: f64 = counts.values().sum::<f64>().max(1.0);
        let mut cluster: Vec<(u32, f64)> =
            counts.into_iter().map(|(t, c)| (t, c / total)).collect();
        cluster.sort_unstable_by_key(|x| x.0);
        Kl {
            terms: reps.iter().map(|&j| terms[j].as_slice()).collect(),
            cluster,
            summary: HashMap::new(),
            size: 0.0,
        }
    }
}

impl Step for Kl<'_> {
    /// Minus the KL divergence of the cluster from the summary with `g` added.
    fn gain(&self, g: usize) -> Option<f64> {
        let list = self.terms[g];
        if list.is_empty() {
            return None;
        }
        let mut trial = self.summary.clone();
        for &t in list {
            *trial.entry(t).or_insert(0.0) += 1.0;
        }
        let size = self.size + list.len() as f64;
        let v = self.cluster.len() as f64;
        let kl: f64 = self
            .cluster
            .iter()
            .map(|&(t, p)| {
                let q = (trial.get(&t).copied().unwrap_or(0.0) + KL_SMOOTHING)
                    / (size + KL_SMOOTHING * v);
                p * (p / q).ln()
            })
            .sum();
        Some(-kl)
    }

    fn ratio(&self, _: usize, gain: f64) -> f64 {
        gain
    }

    fn take(&mut self, g: usize) {
        for &t in self.terms[g] {
            *self.summary.entry(t).or_insert(0.0) += 1.0;
        }
        self.size += self.terms[g].len() as f64;
    }
}
