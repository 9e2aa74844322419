//! Coverage: budgeted selection by an objective over the whole summary, not sentence by
//! sentence.
//!
//! Contract: [`select`] chooses groups (near-duplicate groups from `dedup`, shown by their
//! representative) whose sentences fit the budget, greedily, deterministically (ties: lower
//! sentence id), and returns the same [`Selection`] as MMR, so ordering and rendering do not
//! care which selector ran. Sentences are never cut. Two objectives:
//!
//! - [`Objective::Concepts`], after Gillick and Favre (2009, the ICSI system): concepts are
//!   pairs of consecutive content terms (stemmed, stop words removed), weighted by how many
//!   articles contain them (in a one-article cluster: by how many sentences do); concepts of
//!   weight below 2 are dropped as noise. The summary maximises the total weight of the
//!   concepts it covers, each counted once; greedily, a step takes the sentence with the best
//!   `(new weight / total weight + mu x relevance) / cost^r`, where relevance is the sentence's
//!   score scaled to [0, 1]. The greedy result is compared with the best single sentence
//!   (Khuller et al. 1999), which bounds how bad it can be.
//! - [`Objective::Submodular`], after Lin and Bilmes (2011): `F(S) = L(S) + lambda R(S)` with
//!   saturated coverage `L(S) = sum_i min(C_i(S), alpha C_i(V))`, `C_i(S) = sum_{j in S} w_ij`
//!   (TF-IDF cosines, the sentence itself included), and diversity
//!   `R(S) = sum_k sqrt(sum_{j in S, j in P_k} r_j)`, `r_j` the mean similarity of sentence j
//!   to all, over a partition `P` of the sentences by spherical k-means (K = N / 5, at most
//!   [`MAX_PARTS`], seeded with evenly spaced sentences, 10 rounds), plus a modular relevance
//!   term `prior x sum_{j in S} score_j / max score` (still submodular) that lets position and
//!   centrality in. Greedy on `gain / cost^r`, then the best-singleton check.
//! - [`Objective::Kl`], after Haghighi and Vanderwende (2009, KLSum): each step takes the
//!   sentence that brings the summary's term distribution closest to the cluster's, in
//!   KL(cluster || summary) with additive smoothing.

use std::collections::{HashMap, HashSet};

use ndarray::Array2;

use crate::config::Budget;
use crate::corpus::{Corpus, SentId};
use crate::dedup::Group;
use crate::select::{Decision, Selection};
use crate::tfidf::Row;

/// The most parts the diversity partition of [`Objective::Submodular`] has.
pub const MAX_PARTS: usize = 200;

/// A summary-level objective.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Objective {
    /// Lin and Bilmes (2011): saturated coverage plus a diversity reward.
    Submodular {
        /// Saturation: sentence i counts as covered once it has `alpha` of its total similarity.
        alpha: f32,
        /// Weight of the diversity reward.
        lambda: f32,
        /// Cost exponent of the greedy ratio.
        r: f32,
        /// Weight of a modular relevance term (the sentence's score, top = 1).
        prior: f32,
    },
    /// Weighted bigram-concept coverage.
    Concepts {
        /// Weight of sentence relevance against concept gain.
        mu: f32,
        /// Cost exponent of the greedy ratio.
        r: f32,
    },
    /// KL divergence between the cluster's and the summary's term distributions.
    Kl,
}

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

fn finish(groups: &[Group], costs: &[usize], budget: Budget, chosen: Vec<usize>) -> Selection {
    let capacity = budget.capacity();
    let used: usize = chosen
        .iter()
        .map(|&g| costs[groups[g].representative.index()])
        .sum();
    let mut decisions = vec![Decision::Outranked; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        let cost = costs[group.representative.index()];
        if cost > capacity {
            decisions[g] = Decision::TooLong;
        } else if used + cost > capacity {
            decisions[g] = Decision::NoRoom;
        }
    }
    for (n, &g) in chosen.iter().enumerate() {
        decisions[g] = Decision::Chosen(n + 1);
    }
    let used = budget.reported(used);
    Selection {
        chosen,
        decisions,
        used,
    }
}

/// What the objectives look at, indexed by sentence id.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The cluster.
    pub corpus: &'a Corpus,
    /// Term ids of every sentence.
    pub terms: &'a [Vec<u32>],
    /// Unit TF-IDF rows of every sentence.
    pub rows: &'a [Row],
    /// Every sentence's neighbours with their cosine (both directions listed).
    pub graph: &'a [Vec<(u32, f32)>],
    /// Relevance scores.
    pub scores: &'a [f32],
    /// Budget cost of every sentence.
    pub costs: &'a [usize],
}

/// Greedy budgeted selection of groups by an objective.
pub fn select(
    objective: Objective,
    input: &Inputs<'_>,
    groups: &[Group],
    budget: Budget,
) -> Selection {
    let reps: Vec<usize> = groups.iter().map(|g| g.representative.index()).collect();
    let cost: Vec<usize> = reps.iter().map(|&j| input.costs[j]).collect();
    let max_score = reps
        .iter()
        .map(|&j| input.scores[j])
        .fold(0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    let relevance: Vec<f32> = reps.iter().map(|&j| input.scores[j] / max_score).collect();
    let capacity = budget.capacity();
    let coverage_rules = Rules {
        positive_gain: true,
        singleton: true,
    };
    let chosen = match objective {
        Objective::Concepts { mu, r } => {
            let fresh = Concepts::new(input, &reps, &cost, &relevance, mu, r);
            greedy(&fresh, groups, &cost, capacity, coverage_rules)
        }
        Objective::Submodular {
            alpha,
            lambda,
            r,
            prior,
        } => {
            let shared = Cover::shared(input);
            let fresh = Cover::new(&shared, &reps, &cost, &relevance, [alpha, lambda, r, prior]);
            greedy(&fresh, groups, &cost, capacity, coverage_rules)
        }
        Objective::Kl => {
            let fresh = Kl::new(input.terms, &reps);
            let rules = Rules {
                positive_gain: false,
                singleton: false,
            };
            greedy(&fresh, groups, &cost, capacity, rules)
        }
    };
    finish(groups, input.costs, budget, chosen)
}

/// One objective during the greedy, indexed by group: what adding a group would gain now,
/// and taking it.
trait Step: Clone {
    /// The marginal gain of adding group `g` to what was taken (`None`: never take it).
    fn gain(&self, g: usize) -> Option<f64>;
    /// The ratio the greedy maximises for `g`, from its gain (usually scaled by its cost).
    fn ratio(&self, g: usize, gain: f64) -> f64;
    /// Takes group `g`.
    fn take(&mut self, g: usize);
}

/// How the shared greedy ends.
#[derive(Clone, Copy)]
struct Rules {
    /// Stop once the best candidate gains nothing (coverage objectives); KLSum fills the budget.
    positive_gain: bool,
    /// Keep the best single sentence instead when it is worth more than the greedy summary
    /// (Khuller et al. 1999: this bounds how bad the greedy can be).
    singleton: bool,
}

/// The budgeted greedy all objectives share: while an open group fits in what is left of the
/// budget, take the one with the highest ratio (ties: lower sentence id).
fn greedy<S: Step>(
    fresh: &S,
    groups: &[Group],
    cost: &[usize],
    capacity: usize,
    rules: Rules,
) -> Vec<usize> {
    let mut state = fresh.clone();
    let mut open: Vec<bool> = cost.iter().map(|&c| c <= capacity).collect();
    let mut chosen = Vec::new();
    let mut used = 0;
    loop {
        let mut best: Option<(f64, SentId, usize, f64)> = None;
        for g in 0..groups.len() {
            if !open[g] || used + cost[g] > capacity {
                continue;
            }
            let Some(gain) = state.gain(g) else { continue };
            let ratio = state.ratio(g, gain);
            let rep = groups[g].representative;
            if best.is_none_or(|(b, id, _, _)| ratio > b || (ratio == b && rep < id)) {
                best = Some((ratio, rep, g, gain));
            }
        }
        let Some((_, _, g, gain)) = best else { break };
        if rules.positive_gain && gain <= 0.0 {
            break;
        }
        open[g] = false;
        used += cost[g];
        state.take(g);
        chosen.push(g);
    }
    if !rules.singleton {
        return chosen;
    }
    let alone = |g: usize| fresh.gain(g).unwrap_or(0.0);
    let mut replay = fresh.clone();
    let mut value = 0.0;
    for &g in &chosen {
        value += replay.gain(g).unwrap_or(0.0);
        replay.take(g);
    }
    let single = (0..groups.len())
        .filter(|&g| cost[g] <= capacity)
        .max_by(|&a, &b| {
            alone(a)
                .total_cmp(&alone(b))
                .then(groups[b].representative.cmp(&groups[a].representative))
        });
    match single {
        Some(g) if alone(g) > value => vec![g],
        _ => chosen,
    }
}

/// Concept coverage: which weighted concepts the summary already covers.
#[derive(Clone)]
struct Concepts<'a> {
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
    fn new(
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

/// What [`Cover`] derives from the cluster once: totals, rewards and the partition.
struct CoverShared<'a> {
    graph: &'a [Vec<(u32, f32)>],
    /// `C_i(V)`, self-similarity 1 included.
    total: Vec<f32>,
    /// `r_j = C_j(V) / N` (the similarity is symmetric).
    reward: Vec<f32>,
    part: Vec<usize>,
}

/// Lin and Bilmes' objective: how covered each sentence is, and each part's reward so far.
#[derive(Clone)]
struct Cover<'a> {
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
    fn shared<'a>(input: &Inputs<'a>) -> CoverShared<'a> {
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
    fn new(
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

/// KLSum: the cluster's term distribution and the summary's term counts.
#[derive(Clone)]
struct Kl<'a> {
    terms: Vec<&'a [u32]>,
    /// The cluster's term probabilities, by term id.
    cluster: Vec<(u32, f64)>,
    summary: HashMap<u32, f64>,
    size: f64,
}

/// Additive smoothing of the summary's distribution in [`Kl`].
const KL_SMOOTHING: f64 = 0.01;

impl<'a> Kl<'a> {
    fn new(terms: &'a [Vec<u32>], reps: &[usize]) -> Self {
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
    use crate::corpus::{DocId, Document, Sentence};

    fn inputs<'a>(
        c: &'a Corpus,
        terms: &'a [Vec<u32>],
        scores: &'a [f32],
        costs: &'a [usize],
    ) -> Inputs<'a> {
        Inputs {
            corpus: c,
            terms,
            rows: &[],
            graph: &[],
            scores,
            costs,
        }
    }

    /// A corpus of `docs` articles whose sentences are given as term lists.
    fn corpus(docs: &[&[&[u32]]]) -> (Corpus, Vec<Vec<u32>>, Vec<Group>) {
        let mut c = Corpus::default();
        let mut terms = Vec::new();
        let mut groups = Vec::new();
        for (d, sents) in docs.iter().enumerate() {
            c.documents.push(Document::new(
                format!("d{d}"),
                crate::config::Language::English,
                "",
            ));
            for (i, t) in sents.iter().enumerate() {
                groups.push(Group {
                    representative: SentId(c.sentences.len() as u32),
                    members: vec![SentId(c.sentences.len() as u32)],
                    support: 1,
                    score: 1.0,
                });
                c.sentences.push(Sentence {
                    doc: DocId(d as u32),
                    index: i as u32,
                    span: 0..0,
                    heading: false,
                });
                terms.push(t.to_vec());
            }
        }
        (c, terms, groups)
    }

    #[test]
    fn concepts_prefers_what_several_articles_share() {
        // Bigram (1,2) is in all three articles; (7,8) in one only.
        let (c, terms, groups) = corpus(&[&[&[1, 2, 3], &[7, 8]], &[&[1, 2, 4]], &[&[5, 1, 2]]]);
        let scores = vec![0.5; terms.len()];
        let costs = vec![3, 2, 3, 3];
        let obj = Objective::Concepts { mu: 0.0, r: 0.0 };
        let s = select(
            obj,
            &inputs(&c, &terms, &scores, &costs),
            &groups,
            Budget::Words(3),
        );
        assert_eq!(s.chosen, vec![0]);
        assert_eq!(s.used, 3);
    }

    #[test]
    fn budget_holds_and_covered_concepts_are_not_paid_twice() {
        let (c, terms, groups) =
            corpus(&[&[&[1, 2], &[3, 4]], &[&[1, 2], &[3, 4]], &[&[1, 2, 3, 4]]]);
        let scores = vec![0.5; terms.len()];
        let costs = vec![2, 2, 2, 2, 4];
        let obj = Objective::Concepts { mu: 0.0, r: 1.0 };
        let s = select(
            obj,
            &inputs(&c, &terms, &scores, &costs),
            &groups,
            Budget::Words(4),
        );
        assert!(s.used <= 4);
        // one copy of (1,2) and one of (3,4); never both copies of a concept
        let chosen: Vec<&Vec<u32>> = s.chosen.iter().map(|&g| &terms[g]).collect();
        assert_eq!(
            chosen.iter().filter(|t| t.starts_with(&[1, 2])).count(),
            1,
            "{chosen:?}"
        );
    }

    #[test]
    fn partition_separates_disjoint_topics() {
        let row = |t: usize| crate::tfidf::Row::new(4, vec![t], vec![1.0f32]);
        let rows = vec![row(0), row(0), row(3), row(3)];
        let p = partition(&rows, 2);
        assert_eq!(p[0], p[1]);
        assert_eq!(p[2], p[3]);
        assert_ne!(p[0], p[2]);
    }

    #[test]
    fn submodular_covers_and_prefers_the_relevant() {
        // Sentences 0 and 1 are near-duplicates; 2 is another topic. With two slots, the
        // greedy covers both topics rather than taking the two twins.
        let (c, terms, groups) = corpus(&[&[&[1], &[1], &[2]]]);
        let scores = vec![1.0, 0.9, 0.5];
        let costs = vec![1, 1, 1];
        let rows: Vec<crate::tfidf::Row> = [0usize, 0, 1]
            .iter()
            .map(|&t| crate::tfidf::Row::new(2, vec![t], vec![1.0f32]))
            .collect();
        let graph = vec![vec![(1, 1.0)], vec![(0, 1.0)], vec![]];
        let input = Inputs {
            rows: &rows,
            graph: &graph,
            ..inputs(&c, &terms, &scores, &costs)
        };
        let obj = Objective::Submodular {
            alpha: 0.5,
            lambda: 1.0,
            r: 0.3,
            prior: 0.1,
        };
        let s = select(obj, &input, &groups, Budget::Words(2));
        let mut chosen = s.chosen.clone();
        chosen.sort();
        assert_eq!(chosen, vec![0, 2]);
    }

    #[test]
    fn kl_picks_the_sentence_closest_to_the_cluster() {
        let (c, terms, groups) = corpus(&[&[&[1, 1, 2], &[9]], &[&[1, 2, 1]]]);
        let scores = vec![0.5; terms.len()];
        let costs = vec![3, 1, 3];
        let input = inputs(&c, &terms, &scores, &costs);
        let s = select(Objective::Kl, &input, &groups, Budget::Words(3));
        assert_eq!(s.chosen, vec![0]);
    }
}
