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

use std::collections::HashMap;

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
    let Inputs {
        corpus,
        terms,
        scores,
        costs,
        ..
    } = *input;
    let chosen = match objective {
        Objective::Submodular {
            alpha,
            lambda,
            r,
            prior,
        } => submodular(input, groups, budget, [alpha, lambda, r, prior]),
        Objective::Concepts { mu, r } => {
            concepts(corpus, groups, terms, scores, costs, budget, mu, r)
        }
        Objective::Kl => kl(groups, terms, costs, budget),
    };
    finish(groups, costs, budget, chosen)
}

#[allow(clippy::too_many_arguments)]
fn concepts(
    corpus: &Corpus,
    groups: &[Group],
    terms: &[Vec<u32>],
    scores: &[f32],
    costs: &[usize],
    budget: Budget,
    mu: f32,
    r: f32,
) -> Vec<usize> {
    let capacity = budget.capacity();
    let weights = concept_weights(corpus, terms);
    let total: f32 = weights.values().sum::<f32>().max(f32::MIN_POSITIVE);
    let max_score = groups
        .iter()
        .map(|g| scores[g.representative.index()])
        .fold(0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    let own: Vec<Vec<(u64, f32)>> = groups
        .iter()
        .map(|g| {
            concepts_of(&terms[g.representative.index()])
                .into_iter()
                .filter_map(|c| weights.get(&c).map(|&w| (c, w)))
                .collect()
        })
        .collect();
    let relevance = |g: usize| scores[groups[g].representative.index()] / max_score;
    let cost = |g: usize| costs[groups[g].representative.index()];
    let value =
        |g: usize, gain: f32| (gain / total + mu * relevance(g)) / (cost(g).max(1) as f32).powf(r);

    let mut covered: HashMap<u64, ()> = HashMap::new();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0;
    let mut open: Vec<bool> = (0..groups.len()).map(|g| cost(g) <= capacity).collect();
    loop {
        let mut best: Option<(f32, SentId, usize)> = None;
        for g in 0..groups.len() {
            if !open[g] || used + cost(g) > capacity {
                continue;
            }
            let gain: f32 = own[g]
                .iter()
                .filter(|(c, _)| !covered.contains_key(c))
                .map(|x| x.1)
                .sum();
            let v = value(g, gain);
            let rep = groups[g].representative;
            if best.is_none_or(|(bv, bid, _)| v > bv || (v == bv && rep < bid)) {
                best = Some((v, rep, g));
            }
        }
        let Some((v, _, g)) = best else { break };
        if v <= 0.0 {
            break;
        }
        open[g] = false;
        used += cost(g);
        for (c, _) in &own[g] {
            covered.insert(*c, ());
        }
        chosen.push(g);
    }
    // Compare with the best single sentence that fits.
    let objective = |set: &[usize]| {
        let mut seen: HashMap<u64, ()> = HashMap::new();
        let mut sum = 0.0;
        for &g in set {
            for (c, w) in &own[g] {
                if seen.insert(*c, ()).is_none() {
                    sum += w;
                }
            }
            sum += mu * relevance(g) * total;
        }
        sum
    };
    let single = (0..groups.len())
        .filter(|&g| cost(g) <= capacity)
        .max_by(|&a, &b| {
            objective(&[a])
                .total_cmp(&objective(&[b]))
                .then(groups[b].representative.cmp(&groups[a].representative))
        });
    match single {
        Some(s) if objective(&[s]) > objective(&chosen) => vec![s],
        _ => chosen,
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

fn submodular(
    input: &Inputs<'_>,
    groups: &[Group],
    budget: Budget,
    params: [f32; 4],
) -> Vec<usize> {
    let [alpha, lambda, r, prior] = params;
    let n = input.rows.len();
    let max_score = input
        .scores
        .iter()
        .fold(0f32, |m, &s| m.max(s))
        .max(f32::MIN_POSITIVE);
    let capacity = budget.capacity();
    let cost = |g: usize| input.costs[groups[g].representative.index()];
    // C_i(V) and r_j = C_j(V) / N (the similarity is symmetric); self-similarity 1 included.
    let total: Vec<f32> = input
        .graph
        .iter()
        .map(|nb| 1.0 + nb.iter().map(|e| e.1).sum::<f32>())
        .collect();
    let reward: Vec<f32> = total.iter().map(|t| t / n.max(1) as f32).collect();
    let part = partition(input.rows, (n / 5).clamp(1, MAX_PARTS));
    let n_parts = part.iter().max().map_or(0, |m| m + 1);

    let mut coverage = vec![0f32; n]; // C_i(S)
    let mut part_sum = vec![0f32; n_parts];
    let gain = |g: usize, coverage: &[f32], part_sum: &[f32]| -> f32 {
        let j = groups[g].representative.index();
        let mut delta = 0.0;
        let mut add = |i: usize, w: f32| {
            let cap = alpha * total[i];
            delta += (coverage[i] + w).min(cap) - coverage[i].min(cap);
        };
        add(j, 1.0);
        for &(i, w) in &input.graph[j] {
            add(i as usize, w);
        }
        let p = part[j];
        delta
            + lambda * ((part_sum[p] + reward[j]).sqrt() - part_sum[p].sqrt())
            + prior * input.scores[j] / max_score
    };
    let mut chosen = Vec::new();
    let mut used = 0;
    let mut open: Vec<bool> = (0..groups.len()).map(|g| cost(g) <= capacity).collect();
    let mut value = 0.0;
    loop {
        let mut best: Option<(f32, SentId, usize, f32)> = None;
        for g in 0..groups.len() {
            if !open[g] || used + cost(g) > capacity {
                continue;
            }
            let d = gain(g, &coverage, &part_sum);
            let v = d / (cost(g).max(1) as f32).powf(r);
            let rep = groups[g].representative;
            if best.is_none_or(|(bv, bid, _, _)| v > bv || (v == bv && rep < bid)) {
                best = Some((v, rep, g, d));
            }
        }
        let Some((_, _, g, d)) = best else { break };
        if d <= 0.0 {
            break;
        }
        open[g] = false;
        used += cost(g);
        value += d;
        let j = groups[g].representative.index();
        coverage[j] += 1.0;
        for &(i, w) in &input.graph[j] {
            coverage[i as usize] += w;
        }
        part_sum[part[j]] += reward[j];
        chosen.push(g);
    }
    let empty = vec![0f32; n];
    let no_parts = vec![0f32; n_parts];
    let single = (0..groups.len())
        .filter(|&g| cost(g) <= capacity)
        .map(|g| (gain(g, &empty, &no_parts), g))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    match single {
        Some((v, g)) if v > value => vec![g],
        _ => chosen,
    }
}

fn kl(groups: &[Group], terms: &[Vec<u32>], costs: &[usize], budget: Budget) -> Vec<usize> {
    let capacity = budget.capacity();
    let mut cluster: HashMap<u32, f64> = HashMap::new();
    for list in terms {
        for &t in list {
            *cluster.entry(t).or_insert(0.0) += 1.0;
        }
    }
    let total: f64 = cluster.values().sum::<f64>().max(1.0);
    let mut vocab: Vec<(u32, f64)> = cluster.into_iter().map(|(t, c)| (t, c / total)).collect();
    vocab.sort_unstable_by_key(|x| x.0);
    let delta = 0.01;
    let v = vocab.len() as f64;
    let divergence = |summary: &HashMap<u32, f64>, size: f64| -> f64 {
        vocab
            .iter()
            .map(|&(t, p)| {
                let q = (summary.get(&t).copied().unwrap_or(0.0) + delta) / (size + delta * v);
                p * (p / q).ln()
            })
            .sum()
    };
    let cost = |g: usize| costs[groups[g].representative.index()];
    let mut summary: HashMap<u32, f64> = HashMap::new();
    let mut size = 0.0;
    let mut used = 0;
    let mut chosen = Vec::new();
    let mut open: Vec<bool> = (0..groups.len()).map(|g| cost(g) <= capacity).collect();
    loop {
        let mut best: Option<(f64, SentId, usize)> = None;
        for g in 0..groups.len() {
            if !open[g] || used + cost(g) > capacity {
                continue;
            }
            let list = &terms[groups[g].representative.index()];
            if list.is_empty() {
                continue;
            }
            let mut trial = summary.clone();
            for &t in list {
                *trial.entry(t).or_insert(0.0) += 1.0;
            }
            let d = divergence(&trial, size + list.len() as f64);
            let rep = groups[g].representative;
            if best.is_none_or(|(bd, bid, _)| d < bd || (d == bd && rep < bid)) {
                best = Some((d, rep, g));
            }
        }
        let Some((_, _, g)) = best else { break };
        open[g] = false;
        used += cost(g);
        let list = &terms[groups[g].representative.index()];
        for &t in list {
            *summary.entry(t).or_insert(0.0) += 1.0;
        }
        size += list.len() as f64;
        chosen.push(g);
    }
    chosen
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
            c.documents.push(Document {
                name: format!("d{d}"),
                path: String::new(),
                title: None,
                date: None,
                url: None,
                source: None,
                language: crate::config::Language::English,
                text: String::new(),
            });
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
