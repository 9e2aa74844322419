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

use rayon::prelude::*;

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
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    let mut gap = false;
    for ch in folded.chars() {
        if ch.is_alphanumeric() {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            key.push(ch);
        } else {
            gap = true;
        }
    }
    key
}

/// Groups the `candidates` (sentence ids) by near-duplication. `scores` and `graph` are indexed
/// by sentence id. Text twins are always grouped (by key, in linear time). Near-duplicates
/// are read from the graph, which keeps at most `crate::rank::graph::MAX_DUPLICATES` of them
/// per sentence: a sentence joins the group of the best-scored representative that lists it
/// or that it lists, so the grouping needs each sentence's nearest near-duplicates, not all
/// pairs; with an uncapped graph (every pair at or above `threshold`) it is the greedy
/// grouping above exactly. Work: linear in the candidates and the graph's edges.
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
    let text_keys: Vec<String> = candidates
        .par_iter()
        .map(|&c| text_key(corpus.raw(c)))
        .collect();
    let mut by_key: HashMap<String, Vec<SentId>> = HashMap::with_capacity(candidates.len());
    for (key, &c) in text_keys.into_iter().zip(candidates) {
        by_key.entry(key).or_default().push(c);
    }
    // Each candidate's set of text twins (by sentence id), the sets in order of first member.
    let mut key_of: Vec<u32> = vec![u32::MAX; corpus.sentences.len()];
    let mut same_key: Vec<Vec<SentId>> = by_key.into_values().collect();
    same_key.sort_by_key(|ids| ids[0]);
    for (k, ids) in same_key.iter().enumerate() {
        for &id in ids {
            key_of[id.index()] = k as u32;
        }
    }

    // Each sentence's group, by group index (groups open in score order).
    let mut group_of: Vec<Option<usize>> = vec![None; corpus.sentences.len()];
    let mut members: Vec<Vec<SentId>> = Vec::new();
    for rep in order {
        if group_of[rep.index()].is_some() {
            continue;
        }
        // With a capped graph the representative may not list this sentence while the
        // sentence lists the representative: it joins the best-scored such group.
        let earlier = graph[rep.index()]
            .iter()
            .filter(|&&(j, s)| s >= threshold && is_candidate[j as usize])
            .filter_map(|&(j, _)| group_of[j as usize].filter(|&g| members[g][0] == SentId(j)))
            .min();
        if let Some(g) = earlier {
            group_of[rep.index()] = Some(g);
            members[g].push(rep);
            continue;
        }
        let g = members.len();
        group_of[rep.index()] = Some(g);
        let twins = same_key[key_of[rep.index()] as usize].iter().copied();
        let near = graph[rep.index()]
            .iter()
            .filter(|&&(_, s)| s >= threshold)
            .map(|&(j, _)| SentId(j));
        let mut others: Vec<SentId> = twins
            .chain(near)
            .filter(|s| is_candidate[s.index()] && group_of[s.index()].is_none())
            .collect();
        others.sort();
        others.dedup();
        for &s in &others {
            group_of[s.index()] = Some(g);
        }
        members.push(std::iter::once(rep).chain(others).collect());
    }
    let mut groups = Vec::with_capacity(members.len());
    for mut members in members {
        members[1..].sort();
        let rep = members[0];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, Sentence};

    /// A corpus of one sentence per article, the texts given.
    fn corpus(texts: &[&str]) -> Corpus {
        let mut c = Corpus::default();
        for (d, t) in texts.iter().enumerate() {
            c.documents.push(Document::new(
                format!("d{d}"),
                crate::config::Language::English,
                *t,
            ));
            c.sentences.push(Sentence {
                doc: DocId(d as u32),
                index: 0,
                span: 0..t.len(),
                heading: false,
            });
        }
        c
    }

    #[test]
    fn a_sentence_joins_the_representative_it_lists_when_the_graph_is_capped() {
        let c = corpus(&[
            "storm closes bridge",
            "storm shuts bridge",
            "storm shut bridge",
        ]);
        let ids = [SentId(0), SentId(1), SentId(2)];
        let scores = [0.9, 0.5, 0.7];
        // 0 lists only 1 (its cap reached); 2 lists 0: it joins 0's group, not one of its own.
        let graph = vec![vec![(1, 0.8)], vec![(0, 0.8)], vec![(0, 0.75)]];
        let groups = group(&c, &ids, &scores, &graph, 0.7);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members, vec![SentId(0), SentId(1), SentId(2)]);
        assert_eq!(groups[0].support, 3);
        // A sentence that lists only a member (not a representative) does not chain.
        let graph = vec![vec![(1, 0.8)], vec![(0, 0.8), (2, 0.75)], vec![(1, 0.75)]];
        let groups = group(&c, &ids, &scores, &graph, 0.7);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, vec![SentId(0), SentId(1)]);
        assert_eq!(groups[1].members, vec![SentId(2)]);
    }

    #[test]
    fn a_text_key_is_the_folded_words_joined_by_single_spaces() {
        for text in [
            "  The, bridge -- closed!! ",
            "the bridge closed",
            "...",
            "",
            "وقال: \"الجسر\" مغلق.",
            "A1-b2 c3",
        ] {
            let words: Vec<String> = fold(text)
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            assert_eq!(text_key(text), words.join(" "), "{text:?}");
        }
        assert_eq!(text_key("  The, bridge -- closed!! "), "the bridge closed");
    }

    #[test]
    fn text_twins_group_without_edges() {
        let c = corpus(&["The bridge closed.", "the bridge, closed", "A ferry ran."]);
        let ids = [SentId(0), SentId(1), SentId(2)];
        let groups = group(&c, &ids, &[0.5, 0.9, 0.1], &[vec![], vec![], vec![]], 0.7);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, vec![SentId(1), SentId(0)]);
        assert_eq!(groups[0].support, 2);
    }
}
