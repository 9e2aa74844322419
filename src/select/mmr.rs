//! Select: choose whole sentences under a budget, relevant and not redundant.
//!
//! Contract: [`select`] is pure and deterministic. It runs Maximal Marginal Relevance
//! (Carbonell and Goldstein 1998) with a budget: at each step it takes the group maximising
//! `λ · score / max_score − (1 − λ) · max cosine to the sentences already chosen` among the
//! groups whose sentence still fits the remaining budget (ties: lower sentence id), until
//! nothing fits. Sentences are never cut, so the budget always holds. A group whose cosine to
//! a chosen sentence reaches the duplicate threshold is never chosen.
//!

use crate::config::Budget;
use crate::corpus::SentId;
use crate::rank::dedup::Group;
use crate::rank::tfidf::{Row, cosine};
use crate::select::{Decision, Selection};

/// Budgeted MMR over groups. `costs` is indexed by sentence id.
pub fn select(
    groups: &[Group],
    rows: &[Row],
    costs: &[usize],
    budget: Budget,
    lambda: f32,
    duplicate_threshold: f32,
) -> Selection {
    let capacity = budget.capacity();
    let max_score = groups
        .iter()
        .fold(0f32, |m, g| m.max(g.score))
        .max(f32::MIN_POSITIVE);
    let mut max_sim = vec![0f32; groups.len()];
    let mut decisions = vec![Decision::Outranked; groups.len()];
    let mut open: Vec<bool> = vec![true; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        if costs[group.representative.index()] > capacity {
            decisions[g] = Decision::TooLong;
            open[g] = false;
        }
    }
    let mut chosen = Vec::new();
    let mut used = 0;
    loop {
        let mut best: Option<(f32, SentId, usize)> = None;
        for (g, group) in groups.iter().enumerate() {
            if !open[g] {
                continue;
            }
            let rep = group.representative;
            if used + costs[rep.index()] > capacity {
                continue;
            }
            let mmr = lambda * group.score / max_score - (1.0 - lambda) * max_sim[g];
            let better = match best {
                None => true,
                Some((m, id, _)) => mmr > m || (mmr == m && rep < id),
            };
            if better {
                best = Some((mmr, rep, g));
            }
        }
        let Some((_, rep, g)) = best else { break };
        open[g] = false;
        chosen.push(g);
        decisions[g] = Decision::Chosen(chosen.len());
        used += costs[rep.index()];
        for (h, other) in groups.iter().enumerate() {
            if open[h] {
                let s = cosine(&rows[rep.index()], &rows[other.representative.index()]);
                max_sim[h] = max_sim[h].max(s);
                if s >= duplicate_threshold {
                    open[h] = false;
                    decisions[h] = Decision::Redundant;
                }
            }
        }
    }
    for (g, group) in groups.iter().enumerate() {
        if open[g] && used + costs[group.representative.index()] > capacity {
            decisions[g] = Decision::NoRoom;
        }
    }
    let used = budget.reported(used);
    Selection {
        chosen,
        decisions,
        used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprs::CsVec;

    fn g(id: u32, score: f32) -> Group {
        Group {
            representative: SentId(id),
            members: vec![SentId(id)],
            support: 1,
            score,
        }
    }

    #[test]
    fn budget_holds_and_redundancy_avoided() {
        let rows = vec![
            CsVec::new(3, vec![0], vec![1.0f32]),
            CsVec::new(3, vec![0], vec![1.0]),
            CsVec::new(3, vec![1], vec![1.0]),
            CsVec::new(3, vec![2], vec![1.0]),
        ];
        let groups = vec![g(0, 1.0), g(1, 0.9), g(2, 0.5), g(3, 0.4)];
        let costs = vec![5, 5, 5, 6];
        let s = select(&groups, &rows, &costs, Budget::Words(10), 0.7, 0.7);
        assert_eq!(s.chosen, vec![0, 2]);
        assert_eq!(s.used, 10);
        assert_eq!(s.decisions[1], Decision::Redundant);
        assert_eq!(s.decisions[3], Decision::NoRoom);
    }

    #[test]
    fn regression_budget_filled_when_a_whole_sentence_fits() {
        // 0 (6 words) is taken; 1 (5 words) no longer fits in the 4 left, but 2 (4 words),
        // ranked below it, does and is taken: the budget is filled with whole sentences.
        let rows = vec![
            CsVec::new(3, vec![0], vec![1.0f32]),
            CsVec::new(3, vec![1], vec![1.0]),
            CsVec::new(3, vec![2], vec![1.0]),
        ];
        let groups = vec![g(0, 1.0), g(1, 0.9), g(2, 0.3)];
        let s = select(&groups, &rows, &[6, 5, 4], Budget::Words(10), 0.7, 0.7);
        assert_eq!(s.chosen, vec![0, 2]);
        assert_eq!(s.used, 10);
        assert_eq!(s.decisions[1], Decision::NoRoom);
    }

    #[test]
    fn too_long_sentence_skipped() {
        let rows = vec![CsVec::new(1, vec![0], vec![1.0f32])];
        let s = select(&[g(0, 1.0)], &rows, &[50], Budget::Words(10), 0.7, 0.7);
        assert!(s.chosen.is_empty());
        assert_eq!(s.decisions[0], Decision::TooLong);
    }
}
