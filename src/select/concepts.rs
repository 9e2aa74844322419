//! Concepts: weighted bigram-concept coverage, after Gillick and Favre (2009, the ICSI system);
//! the objective [`crate::select::coverage::Objective::Concepts`] (see there for the formula).

use std::collections::{HashMap, HashSet};

use crate::corpus::Corpus;
use crate::select::coverage::{Inputs, Step};

/// Concepts of one sentence: distinct pairs of consecutive terms.
fn concepts_of(terms: &[u32]) -> Vec<u64> {
    let mut c: Vec<u64> = terms
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    c.sort_unstable();
    c.dedup();
    c
}

/// Concept weights over the whole cluster (see the module docs).
fn concept_weights(corpus: &Corpus, terms: &[Vec<u32>]) -> HashMap<u64, f32> {
    let single = corpus.documents.len() < 2;
    let mut seen: HashMap<u64, (u32, f32)> = HashMap::new(); // last doc (+1), weight
    for (i, s) in corpus.sentences.iter().enumerate() {
        for c in concepts_of(&terms[i]) {
            let e = seen.entry(c).or_insert((0, 0.0));
            if single {
                e.1 += 1.0;
            } else if e.0 != s.doc.0 + 1 {
                e.0 = s.doc.0 + 1;
                e.1 += 1.0;
            }
        }
    }
    seen.into_iter()
        .filter(|(_, (_, w))| *w >= 2.0)
        .map(|(c, (_, w))| (c, w))
        .collect()
}

/// Concept coverage: which weighted concepts the summary already covers.
#[derive(Clone)]
pub(crate) struct Concepts<'a> {
    /// Each group's weighted concepts.
    own: Vec<Vec<(u64, f32)>>,
    cost: &'a [usize],
    relevance: &'a [f32],
    /// Total concept weight of the cluster.
    total: f32,
    mu: f32,
    r: f32,
    covered: HashSet<u64>,
}

impl<'a> Concepts<'a> {
    pub(crate) fn new(
        input: &Inputs<'_>,
        reps: &[usize],
        cost: &'a [usize],
        relevance: &'a [f32],
        mu: f32,
        r: f32,
    ) -> Self {
        let weights = concept_weights(input.corpus, input.terms);
        let own = reps
            .iter()
            .map(|&j| {
                concepts_of(&input.terms[j])
                    .into_iter()
                    .filter_map(|c| weights.get(&c).map(|&w| (c, w)))
                    .collect()
            })
            .collect();
        Concepts {
            own,
            cost,
            relevance,
            total: weights.values().sum::<f32>().max(f32::MIN_POSITIVE),
            mu,
            r,
            covered: HashSet::new(),
        }
    }
}

impl Step for Concepts<'_> {
    /// New concept weight, plus the relevance prior in the same units.
    fn gain(&self, g: usize) -> Option<f64> {
        let new: f32 = self.own[g]
            .iter()
            .filter(|(c, _)| !self.covered.contains(c))
            .map(|x| x.1)
            .sum();
        Some(f64::from(new + self.mu * self.relevance[g] * self.total))
    }

    fn ratio(&self, g: usize, gain: f64) -> f64 {
        gain / f64::from(self.total) / (self.cost[g].max(1) as f64).powf(f64::from(self.r))
    }

    fn take(&mut self, g: usize) {
        self.covered.extend(self.own[g].iter().map(|x| x.0));
    }
}
