//! Submodular coverage, after Lin and Bilmes (2011): saturated coverage plus a diversity reward
//! over a k-means partition; the objective [`crate::select::coverage::Objective::Submodular`]
//! (see there for the formula).

use ndarray::Array2;

use crate::rank::tfidf::Row;
use crate::select::coverage::{Inputs, MAX_PARTS, Step};

/// What [`Cover`] derives from the cluster once: totals, rewards and the partition.
pub(crate) struct CoverShared<'a> {
    graph: &'a [Vec<(u32, f32)>],
    /// `C_i(V)`, self-similarity 1 included.
    total: Vec<f32>,
    /// `r_j = C_j(V) / N` (the similarity is symmetric).
    reward: Vec<f32>,
    part: Vec<usize>,
}

/// Lin and Bilmes' objective: how covered each sentence is, and each part's reward so far.
#[derive(Clone)]
pub(crate) struct Cover<'a> {
    shared: &'a CoverShared<'a>,
    reps: &'a [usize],
    cost: &'a [usize],
    relevance: &'a [f32],
    /// alpha, lambda, r, prior.
    params: [f32; 4],
    /// `C_i(S)`.
    coverage: Vec<f32>,
    part_sum: Vec<f32>,
}

impl Cover<'_> {
    pub(crate) fn shared<'a>(input: &Inputs<'a>) -> CoverShared<'a> {
        let n = input.rows.len();
        let total: Vec<f32> = input
            .graph
            .iter()
            .map(|nb| 1.0 + nb.iter().map(|e| e.1).sum::<f32>())
            .collect();
        let reward = total.iter().map(|t| t / n.max(1) as f32).collect();
        CoverShared {
            graph: input.graph,
            total,
            reward,
            part: partition(input.rows, (n / 5).clamp(1, MAX_PARTS)),
        }
    }
}

impl<'a> Cover<'a> {
    pub(crate) fn new(
        shared: &'a CoverShared<'a>,
        reps: &'a [usize],
        cost: &'a [usize],
        relevance: &'a [f32],
        params: [f32; 4],
    ) -> Self {
        let parts = shared.part.iter().max().map_or(0, |m| m + 1);
        Cover {
            shared,
            reps,
            cost,
            relevance,
            params,
            coverage: vec![0.0; shared.total.len()],
            part_sum: vec![0.0; parts],
        }
    }
}

impl Step for Cover<'_> {
    fn gain(&self, g: usize) -> Option<f64> {
        let [alpha, lambda, _, prior] = self.params;
        let sh = self.shared;
        let j = self.reps[g];
        let mut delta = 0.0;
        let mut add = |i: usize, w: f32| {
            let cap = alpha * sh.total[i];
            delta += (self.coverage[i] + w).min(cap) - self.coverage[i].min(cap);
        };
        add(j, 1.0);
        for &(i, w) in &sh.graph[j] {
            add(i as usize, w);
        }
        let p = sh.part[j];
        let diversity = (self.part_sum[p] + sh.reward[j]).sqrt() - self.part_sum[p].sqrt();
        Some(f64::from(
            delta + lambda * diversity + prior * self.relevance[g],
        ))
    }

    fn ratio(&self, g: usize, gain: f64) -> f64 {
        gain / (self.cost[g].max(1) as f64).powf(f64::from(self.params[2]))
    }

    fn take(&mut self, g: usize) {
        let sh = self.shared;
        let j = self.reps[g];
        self.coverage[j] += 1.0;
        for &(i, w) in &sh.graph[j] {
            self.coverage[i as usize] += w;
        }
        self.part_sum[sh.part[j]] += sh.reward[j];
    }
}

/// Spherical k-means over unit rows: the part of every sentence.
fn partition(rows: &[Row], parts: usize) -> Vec<usize> {
    let n = rows.len();
    let dim = rows.first().map_or(0, |r| r.dim());
    if n == 0 || parts <= 1 || dim == 0 {
        return vec![0; n];
    }
    let mut centres = Array2::<f32>::zeros((parts, dim));
    for k in 0..parts {
        for (t, &w) in rows[k * n / parts].iter() {
            centres[[k, t]] = w;
        }
    }
    let mut assign = vec![0usize; n];
    for _ in 0..10 {
        for (i, r) in rows.iter().enumerate() {
            let mut best = (f32::MIN, 0);
            for k in 0..parts {
                let s: f32 = r.iter().map(|(t, &w)| w * centres[[k, t]]).sum();
                if s > best.0 {
                    best = (s, k);
                }
            }
            assign[i] = best.1;
        }
        centres.fill(0.0);
        for (i, r) in rows.iter().enumerate() {
            for (t, &w) in r.iter() {
                centres[[assign[i], t]] += w;
            }
        }
        for mut c in centres.rows_mut() {
            let norm = c.dot(&c).sqrt();
            if norm > 0.0 {
                c /= norm;
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_separates_disjoint_topics() {
        let row = |t: usize| crate::rank::tfidf::Row::new(4, vec![t], vec![1.0f32]);
        let rows = vec![row(0), row(0), row(3), row(3)];
        let p = partition(&rows, 2);
        assert_eq!(p[0], p[1]);
        assert_eq!(p[2], p[3]);
        assert_ne!(p[0], p[2]);
    }
}
