//! Explain: every sentence of a cluster with its features, score and the decision taken on it
//! (`--explain`), best-scored first.

use std::collections::BTreeMap;

use super::brief::{Analysis, source_ref};
use super::briefing::{Candidate, round4};
use crate::corpus::{Corpus, SentId};
use crate::rank::dedup::Group;
use crate::select::{Decision, Selection};

/// Every sentence as the selector saw it: why it was not offered (`excluded`), or what the
/// selector decided on its group, or whose near-duplicate it is.
pub(crate) fn candidates(
    corpus: &Corpus,
    analysis: &Analysis,
    excluded: &BTreeMap<usize, String>,
    groups: &[Group],
    selection: &Selection,
) -> Vec<Candidate> {
    let mut status: Vec<(String, usize)> = vec![(String::new(), 0); corpus.sentences.len()];
    for (i, why) in excluded {
        status[*i] = (why.clone(), 0);
    }
    for (gi, g) in groups.iter().enumerate() {
        let rep = g.representative;
        let why = match selection.decisions[gi] {
            Decision::Chosen(n) => format!("chosen (pick {n})"),
            Decision::TooLong => "not chosen: longer than the whole budget".into(),
            Decision::NoRoom => "not chosen: did not fit in the budget left".into(),
            Decision::Redundant => "not chosen: repeats a chosen sentence".into(),
            Decision::Outranked => "not chosen: the method preferred the chosen sentences".into(),
        };
        status[rep.index()] = (why, g.support);
        let shown = source_ref(corpus, rep);
        for &m in &g.members[1..] {
            status[m.index()] = (
                format!("near-duplicate of {}#{}", shown.document, shown.sentence),
                g.support,
            );
        }
    }
    let mut list: Vec<(f32, usize, Candidate)> = status
        .into_iter()
        .enumerate()
        .map(|(i, (decision, support))| {
            let f = &analysis.features[i];
            let c = Candidate {
                source: source_ref(corpus, SentId(i as u32)),
                text: analysis.displays[i].clone(),
                centroid: round4(f.centroid),
                lexrank: round4(f.lexrank),
                position: round4(f.position),
                length: round4(f.length),
                signature: round4(f.signature),
                score: round4(analysis.scores[i]),
                support,
                decision,
            };
            (analysis.scores[i], i, c)
        })
        .collect();
    list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    list.into_iter().map(|(_, _, c)| c).collect()
}
