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

use crate::config::Budget;
use crate::corpus::{Corpus, SentId};
use crate::rank::dedup::Group;
use crate::rank::tfidf::Row;
use crate::select::concepts::Concepts;
use crate::select::kl::Kl;
use crate::select::submodular::Cover;
use crate::select::{Decision, Selection};

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
pub(crate) trait Step: Clone {
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
    fn submodular_covers_and_prefers_the_relevant() {
        // Sentences 0 and 1 are near-duplicates; 2 is another topic. With two slots, the
        // greedy covers both topics rather than taking the two twins.
        let (c, terms, groups) = corpus(&[&[&[1], &[1], &[2]]]);
        let scores = vec![1.0, 0.9, 0.5];
        let costs = vec![1, 1, 1];
        let rows: Vec<crate::rank::tfidf::Row> = [0usize, 0, 1]
            .iter()
            .map(|&t| crate::rank::tfidf::Row::new(2, vec![t], vec![1.0f32]))
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
