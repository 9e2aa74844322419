//! Score: one relevance number per sentence.
//!
//! Contract: [`features`] computes, for every sentence, in parallel (one sentence per task,
//! ordered collect), the features below; [`score`] combines them by [`Method`] into a score in
//! `[0, 1]`-ish units where higher is better. Nothing depends on thread count.
//!
//! - **centroid**: cosine between the sentence's TF-IDF row and the cluster centroid (MEAD).
//! - **lexrank**: continuous LexRank (Erkan and Radev 2004): a random walk over the cosine
//!   graph with edges at cosine >= [`LEXRANK_EDGE`], damping [`LEXRANK_DAMPING`], power
//!   iteration to an L1 change below 1e-7 (at most 200 rounds), scaled so the top is 1.
//! - **position**: `1 / sqrt(1 + i)` for the i-th sentence of its article (news puts the key
//!   facts first).
//! - **length**: `min(1, words / 10)`: fragments and datelines say little.
//!
//! `combined` = `length * (wc centroid' + wl lexrank + wp position)` with `centroid'` the
//! centroid cosine scaled so the top is 1 and the weights of [`Weights`] (defaults chosen on
//! DUC 2003 and EASC as wholes by `scripts/tune.py`; see the README); the other methods use
//! one feature times `length`.

use ndarray::Array1;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Method, Weights};
use crate::corpus::Corpus;
use crate::tfidf::Vectors;

/// Minimum cosine for an edge of the LexRank graph.
pub const LEXRANK_EDGE: f32 = 0.1;
/// Probability of following an edge (rather than jumping anywhere) in LexRank.
pub const LEXRANK_DAMPING: f32 = 0.85;

/// The features of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Features {
    /// Cosine to the cluster centroid.
    pub centroid: f32,
    /// LexRank centrality, top = 1.
    pub lexrank: f32,
    /// Position prior in its article.
    pub position: f32,
    /// Length factor.
    pub length: f32,
}

/// Continuous LexRank over a neighbour graph (self loops added), top score scaled to 1.
pub fn lexrank(graph: &[Vec<(u32, f32)>]) -> Vec<f32> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let edge = |w: f32| w >= LEXRANK_EDGE;
    // Each node's out-weight, including its self loop of weight 1.
    let degree: Vec<f32> = graph
        .iter()
        .map(|nb| 1.0 + nb.iter().filter(|e| edge(e.1)).map(|e| e.1).sum::<f32>())
        .collect();
    let jump = (1.0 - LEXRANK_DAMPING) / n as f32;
    let mut p = Array1::<f32>::from_elem(n, 1.0 / n as f32);
    for _ in 0..200 {
        let next: Vec<f32> = (0..n)
            .into_par_iter()
            .map(|j| {
                let mut s = p[j] / degree[j];
                for &(i, w) in &graph[j] {
                    if edge(w) {
                        s += p[i as usize] * w / degree[i as usize];
                    }
                }
                jump + LEXRANK_DAMPING * s
            })
            .collect();
        let next = Array1::from_vec(next);
        let delta: f32 = (&next - &p).mapv(f32::abs).sum();
        p = next;
        if delta < 1e-7 {
            break;
        }
    }
    let max = p.fold(0f32, |m, &x| m.max(x));
    p.iter()
        .map(|&x| if max > 0.0 { x / max } else { 0.0 })
        .collect()
}

/// Computes every sentence's features.
pub fn features(corpus: &Corpus, vectors: &Vectors, graph: &[Vec<(u32, f32)>]) -> Vec<Features> {
    let lex = lexrank(graph);
    corpus
        .sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let row = &vectors.rows[i];
            let centroid = if row.nnz() == 0 {
                0.0
            } else {
                row.dot_dense(vectors.centroid.view())
            };
            let words = corpus.documents[s.doc.index()].text[s.span.clone()]
                .split_whitespace()
                .count();
            Features {
                centroid,
                lexrank: lex[i],
                position: 1.0 / (1.0 + s.index as f32).sqrt(),
                length: (words as f32 / 10.0).min(1.0),
            }
        })
        .collect()
}

/// Combines features into one score per sentence for a method.
pub fn score(features: &[Features], method: Method, w: Weights) -> Vec<f32> {
    let max_centroid = features.iter().fold(0f32, |m, f| m.max(f.centroid));
    let c = |f: &Features| {
        if max_centroid > 0.0 {
            f.centroid / max_centroid
        } else {
            0.0
        }
    };
    features
        .iter()
        .map(|f| {
            f.length
                * match method {
                    Method::Combined | Method::Concepts | Method::Kl | Method::Submodular => {
                        w.centroid * c(f) + w.lexrank * f.lexrank + w.position * f.position
                    }
                    Method::Centroid => c(f),
                    Method::Lexrank => f.lexrank,
                    Method::Position => f.position,
                }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexrank_prefers_the_hub() {
        // 0 is linked to 1, 2, 3; those only to 0.
        let g = vec![
            vec![(1, 0.5), (2, 0.5), (3, 0.5)],
            vec![(0, 0.5)],
            vec![(0, 0.5)],
            vec![(0, 0.5)],
        ];
        let r = lexrank(&g);
        assert_eq!(r[0], 1.0);
        assert!(r[1] < 1.0 && (r[1] - r[2]).abs() < 1e-6);
    }

    #[test]
    fn lexrank_ignores_weak_edges() {
        let g = vec![vec![(1, 0.05)], vec![(0, 0.05)]];
        let r = lexrank(&g);
        assert!((r[0] - r[1]).abs() < 1e-6);
    }

    #[test]
    fn methods_use_their_feature() {
        let f = [
            Features {
                centroid: 0.5,
                lexrank: 0.2,
                position: 1.0,
                length: 1.0,
            },
            Features {
                centroid: 0.25,
                lexrank: 1.0,
                position: 0.5,
                length: 0.5,
            },
        ];
        assert_eq!(
            score(&f, Method::Centroid, Weights::default()),
            vec![1.0, 0.25]
        );
        assert_eq!(
            score(&f, Method::Lexrank, Weights::default()),
            vec![0.2, 0.5]
        );
        assert_eq!(
            score(&f, Method::Position, Weights::default()),
            vec![1.0, 0.25]
        );
    }
}
