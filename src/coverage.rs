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
//! - [`Objective::Kl`], after Haghighi and Vanderwende (2009, KLSum): each step takes the
//!   sentence that brings the summary's term distribution closest to the cluster's, in
//!   KL(cluster || summary) with additive smoothing.

use std::collections::HashMap;

use crate::config::Budget;
use crate::corpus::{Corpus, SentId};
use crate::dedup::Group;
use crate::select::{Decision, Selection};

/// A summary-level objective.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Objective {
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
    let used = match budget {
        Budget::Chars(_) => used.saturating_sub(1),
        _ => used,
    };
    Selection {
        chosen,
        decisions,
        used,
    }
}

/// Greedy budgeted selection of groups by an objective. `terms` and `costs` are indexed by
/// sentence id, `scores` too (relevance, for the concept objective's tie-breaking prior).
pub fn select(
    objective: Objective,
    corpus: &Corpus,
    groups: &[Group],
    terms: &[Vec<u32>],
    scores: &[f32],
    costs: &[usize],
    budget: Budget,
) -> Selection {
    let chosen = match objective {
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
        let s = select(obj, &c, &groups, &terms, &scores, &costs, Budget::Words(3));
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
        let s = select(obj, &c, &groups, &terms, &scores, &costs, Budget::Words(4));
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
    fn kl_picks_the_sentence_closest_to_the_cluster() {
        let (c, terms, groups) = corpus(&[&[&[1, 1, 2], &[9]], &[&[1, 2, 1]]]);
        let scores = vec![0.5; terms.len()];
        let costs = vec![3, 1, 3];
        let s = select(
            Objective::Kl,
            &c,
            &groups,
            &terms,
            &scores,
            &costs,
            Budget::Words(3),
        );
        assert_eq!(s.chosen, vec![0]);
    }
}
