//! Dedup: group near-duplicate sentences, within and across articles.
//!
//! Contract: [`group`] puts every candidate sentence in exactly one [`Group`]. Two sentences
//! are near-duplicates when their folded text is identical, or when the cosine of their TF-IDF
//! rows is at least the threshold (default `crate::config::DUPLICATE_THRESHOLD`). Groups are formed greedily from the best-scored sentence down (ties
//! by id): the best unassigned sentence opens a group and takes its unassigned near-duplicates,
//! so a group is always represented by its best member and never chains through a third
//! sentence. A group's support is the number of distinct articles among its members; its score
//! is its representative's times `1 + SUPPORT_BOOST * ln(support)`: a fact several outlets
//! report counts for more.

use std::collections::HashMap;

use crate::corpus::{Corpus, DocId, SentId};
use crate::text::normalize::fold;

/// Weight of the support bonus (see the module docs).
pub const SUPPORT_BOOST: f32 = 0.2;

/// A set of near-duplicate sentences shown once.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The member shown: the best-scored.
    pub representative: SentId,
    /// All members, representative first, then by id.
    pub members: Vec<SentId>,
    /// Distinct articles among the members.
    pub support: usize,
    /// The group's score (representative's score with the support bonus).
    pub score: f32,
}

/// The identity of a sentence's text: its folded words joined by single spaces (punctuation,
/// marks, case and spacing do not count).
pub fn text_key(text: &str) -> String {
    fold(text)
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Groups the `candidates` (sentence ids) by near-duplication. `scores` and `graph` are indexed
/// by sentence id; `graph` must hold every pair at or above `threshold`.
pub fn group(
    corpus: &Corpus,
    candidates: &[SentId],
    scores: &[f32],
    graph: &[Vec<(u32, f32)>],
    threshold: f32,
) -> Vec<Group> {
    let mut order = candidates.to_vec();
    order.sort_by(|a, b| {
        scores[b.index()]
            .total_cmp(&scores[a.index()])
            .then(a.cmp(b))
    });

    let mut is_candidate = vec![false; corpus.sentences.len()];
    for c in candidates {
        is_candidate[c.index()] = true;
    }
    let mut by_key: HashMap<String, Vec<SentId>> = HashMap::new();
    for &c in candidates {
        by_key.entry(text_key(corpus.raw(c))).or_default().push(c);
    }
    let mut key_of: HashMap<SentId, usize> = HashMap::new();
    let mut same_key: Vec<Vec<SentId>> = Vec::new();
    let mut keys: Vec<_> = by_key.into_iter().collect();
    keys.sort_by(|a, b| a.1[0].cmp(&b.1[0]));
    for (_, ids) in keys {
        for &id in &ids {
            key_of.insert(id, same_key.len());
        }
        same_key.push(ids);
    }

    let mut assigned = vec![false; corpus.sentences.len()];
    let mut groups = Vec::new();
    for rep in order {
        if assigned[rep.index()] {
            continue;
        }
        assigned[rep.index()] = true;
        let mut members = vec![rep];
        let twins = same_key[key_of[&rep]].iter().copied();
        let near = graph[rep.index()]
            .iter()
            .filter(|&&(_, s)| s >= threshold)
            .map(|&(j, _)| SentId(j));
        let mut others: Vec<SentId> = twins
            .chain(near)
            .filter(|s| is_candidate[s.index()] && !assigned[s.index()])
            .collect();
        others.sort();
        others.dedup();
        for s in others {
            assigned[s.index()] = true;
            members.push(s);
        }
        let mut docs: Vec<DocId> = members
            .iter()
            .map(|&m| corpus.sentences[m.index()].doc)
            .collect();
        docs.sort();
        docs.dedup();
        let support = docs.len();
        groups.push(Group {
            representative: rep,
            score: scores[rep.index()] * (1.0 + SUPPORT_BOOST * (support as f32).ln()),
            members,
            support,
        });
    }
    groups
}
