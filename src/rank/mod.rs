//! Rank: sentences -> TF-IDF vectors, a similarity graph, features, one score each, and groups
//! of near-duplicates.
//!
//! [`tfidf`] builds the vectors, [`graph`] the bounded similarity graph, [`score`] the features and
//! the method's score, [`dedup`] the near-duplicate groups (support across articles).

pub mod dedup;
pub mod graph;
pub mod prior;
pub mod score;
pub mod tfidf;

use crate::config::Method;

/// The lowest cosine kept in the similarity graph for a method: LexRank and dedup need edges
/// from [`score::LEXRANK_EDGE`] up, while submodular coverage sums the small similarities too.
pub fn similarity_floor(method: Method, duplicate_threshold: f32) -> f32 {
    match method {
        Method::Submodular => 0.01,
        _ => score::LEXRANK_EDGE.min(duplicate_threshold),
    }
}
