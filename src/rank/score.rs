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
//! - **signature**: how widely the sentence's content is reported: the sum, over its distinct
//!   terms carried by at least [`SIGNATURE_MIN_ARTICLES`] articles (or by every article of a
//!   smaller cluster), of the number of articles carrying the term, divided by the sentence's
//!   term count (repeats included). An article carries a term only through sentences of its
//!   own: a sentence that is a near-duplicate of one in an earlier article (syndicated wire
//!   copy, a re-filed version) is not an independent report and does not count. This is the
//!   article-frequency weighting of ICSI's concepts (Gillick and Favre 2009) and of topic
//!   signatures, as a per-word average like SumBasic (Nenkova and Vanderwende 2005). It needs
//!   several articles: in a one-article cluster it is 0.
//!
//! `combined` = `length * (wc centroid' + wl lexrank + wp position + ws signature')` with
//! `centroid'` and `signature'` scaled so the top is 1 and the weights of [`Weights`]
//! (defaults chosen on DUC 2003 with two-fold cross-validation over its clusters, and on
//! EASC; see the README); the other methods use one feature times `length`. On a single
//! article `combined` is `length * position`: the lead of a news article is the summary to
//! beat (Brandow et al. 1995; Nenkova 2005), and on EASC every mix of the other features
//! scored below it (see the README).

use ndarray::Array1;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Method, Weights};
use crate::corpus::Corpus;
use crate::rank::tfidf::Vectors;

/// Minimum cosine for an edge of the LexRank graph.
pub const LEXRANK_EDGE: f32 = 0.1;
/// Probability of following an edge (rather than jumping anywhere) in LexRank.
pub const LEXRANK_DAMPING: f32 = 0.85;
/// A term counts in the signature when at least this many articles carry it (ICSI's
/// threshold; a smaller cluster needs the term in every article).
pub const SIGNATURE_MIN_ARTICLES: usize = 3;

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
    /// Mean article frequency of the sentence's widely reported terms (0 in a one-article
    /// cluster).
    pub signature: f32,
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
        // Each node's share per unit of edge weight, divided once per node, not per edge.
        let share: Vec<f32> = (0..n).map(|i| p[i] / degree[i]).collect();
        let next: Vec<f32> = (0..n)
            .into_par_iter()
            .map(|j| {
                let mut s = share[j];
                for &(i, w) in &graph[j] {
                    if edge(w) {
                        s += share[i as usize] * w;
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

/// The number of articles reporting each term (by term id) in a sentence of their own: a
/// sentence that is a near-duplicate (cosine >= `copy`, from `graph`) of a sentence of an
/// earlier article is a copy (syndicated wire text, a re-filed version) and does not count.
fn article_frequency(
    corpus: &Corpus,
    vectors: &Vectors,
    graph: &[Vec<(u32, f32)>],
    copy: f32,
) -> Vec<u32> {
    let mut df = vec![0u32; vectors.terms.len()];
    let mut last = vec![u32::MAX; vectors.terms.len()];
    for (i, (s, terms)) in corpus
        .sentences
        .iter()
        .zip(&vectors.sentence_terms)
        .enumerate()
    {
        let copied = graph[i]
            .iter()
            .any(|&(j, w)| w >= copy && corpus.sentences[j as usize].doc < s.doc);
        if copied {
            continue;
        }
        for &t in terms {
            if last[t as usize] != s.doc.0 {
                last[t as usize] = s.doc.0;
                df[t as usize] += 1;
            }
        }
    }
    df
}

/// The signature feature of a sentence with these terms (see the module docs).
fn signature(terms: &[u32], df: &[u32], min_articles: u32) -> f32 {
    if terms.is_empty() {
        return 0.0;
    }
    let mut distinct = terms.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let sum: u32 = distinct
        .iter()
        .map(|&t| df[t as usize])
        .filter(|&d| d >= min_articles)
        .sum();
    sum as f32 / terms.len() as f32
}

/// Computes every sentence's features. `graph` holds the pairs at or above `copy`, the
/// near-duplicate threshold (copies do not count in the signature; see the module docs), up to
/// `crate::rank::graph::MAX_DUPLICATES` per sentence: the copies kept are the first ones, of
/// the earliest articles, so a copy still finds an earlier article's.
pub fn features(
    corpus: &Corpus,
    vectors: &Vectors,
    graph: &[Vec<(u32, f32)>],
    copy: f32,
) -> Vec<Features> {
    let lex = lexrank(graph);
    let articles = corpus.documents.len();
    let df = article_frequency(corpus, vectors, graph, copy);
    let min_articles = SIGNATURE_MIN_ARTICLES.min(articles) as u32;
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
                signature: if articles < 2 {
                    0.0
                } else {
                    signature(&vectors.sentence_terms[i], &df, min_articles)
                },
            }
        })
        .collect()
}

/// How a method scores sentences: the scoring half of a [`Method`] (the selecting half is
/// `crate::select::Selector`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scorer {
    /// The weighted features; on a single article, its lead (position only).
    Combined,
    /// The weighted features, also on a single article: the relevance prior of the coverage
    /// selectors.
    Weighted,
    /// The centroid cosine.
    Centroid,
    /// LexRank centrality.
    Lexrank,
    /// The position prior.
    Position,
}

impl From<Method> for Scorer {
    fn from(method: Method) -> Self {
        match method {
            Method::Combined => Scorer::Combined,
            Method::Concepts | Method::Kl | Method::Submodular => Scorer::Weighted,
            Method::Centroid => Scorer::Centroid,
            Method::Lexrank => Scorer::Lexrank,
            Method::Position => Scorer::Position,
        }
    }
}

/// Combines features into one score per sentence, in a cluster of `articles` articles.
pub fn score(features: &[Features], scorer: Scorer, w: Weights, articles: usize) -> Vec<f32> {
    let scaled = |x: f32, max: f32| if max > 0.0 { x / max } else { 0.0 };
    let max_centroid = features.iter().fold(0f32, |m, f| m.max(f.centroid));
    let max_signature = features.iter().fold(0f32, |m, f| m.max(f.signature));
    let c = |f: &Features| scaled(f.centroid, max_centroid);
    let sig = |f: &Features| scaled(f.signature, max_signature);
    features
        .iter()
        .map(|f| {
            f.length
                * match scorer {
                    Scorer::Combined if articles < 2 => f.position,
                    Scorer::Combined | Scorer::Weighted => {
                        w.centroid * c(f)
                            + w.lexrank * f.lexrank
                            + w.position * f.position
                            + w.signature * sig(f)
                    }
                    Scorer::Centroid => c(f),
                    Scorer::Lexrank => f.lexrank,
                    Scorer::Position => f.position,
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
    fn signature_averages_the_article_frequency_of_widely_reported_terms() {
        use crate::corpus::{DocId, Document, Sentence};
        let mut corpus = Corpus::default();
        let lists: [(u32, &[&str]); 4] = [
            (0, &["storm", "bridge", "railing"]),
            (1, &["storm", "bridge"]),
            (2, &["storm", "bridge", "ferry", "ferry"]),
            (2, &["mayor"]),
        ];
        for d in 0..3 {
            corpus.documents.push(Document::new(
                format!("d{d}"),
                crate::config::Language::English,
                "",
            ));
        }
        for (i, (d, _)) in lists.iter().enumerate() {
            corpus.sentences.push(Sentence {
                doc: DocId(*d),
                index: i as u32,
                span: 0..0,
                heading: false,
            });
        }
        let terms: Vec<Vec<String>> = lists
            .iter()
            .map(|(_, t)| t.iter().map(|w| w.to_string()).collect())
            .collect();
        let vectors = crate::rank::tfidf::vectorize(&terms);
        let no_edges = vec![Vec::new(); lists.len()];
        let df = article_frequency(&corpus, &vectors, &no_edges, 0.7);
        let sig = |i: usize| signature(&vectors.sentence_terms[i], &df, 3);
        // storm and bridge are in all three articles; railing, ferry and mayor in one.
        assert_eq!(sig(0), 6.0 / 3.0);
        assert_eq!(sig(1), 6.0 / 2.0);
        // repeats count in the length, not in the sum
        assert_eq!(sig(2), 6.0 / 4.0);
        assert_eq!(sig(3), 0.0);
        assert_eq!(signature(&[], &df, 3), 0.0);

        // Article 1's sentence copies article 0's (cosine 0.9): its terms are not a report of
        // their own. A weaker link (0.5) is no copy.
        let storm = vectors.terms.iter().position(|t| t == "storm").unwrap();
        let mut graph = no_edges.clone();
        graph[0] = vec![(1, 0.9)];
        graph[1] = vec![(0, 0.9)];
        assert_eq!(article_frequency(&corpus, &vectors, &graph, 0.7)[storm], 2);
        graph[1] = vec![(0, 0.5)];
        assert_eq!(article_frequency(&corpus, &vectors, &graph, 0.7)[storm], 3);
    }

    #[test]
    fn methods_use_their_feature() {
        let f = [
            Features {
                centroid: 0.5,
                lexrank: 0.2,
                position: 1.0,
                length: 1.0,
                signature: 0.0,
            },
            Features {
                centroid: 0.25,
                lexrank: 1.0,
                position: 0.5,
                length: 0.5,
                signature: 0.0,
            },
        ];
        assert_eq!(
            score(&f, Scorer::Centroid, Weights::default(), 2),
            vec![1.0, 0.25]
        );
        assert_eq!(
            score(&f, Scorer::Lexrank, Weights::default(), 2),
            vec![0.2, 0.5]
        );
        assert_eq!(
            score(&f, Scorer::Position, Weights::default(), 2),
            vec![1.0, 0.25]
        );
        // One article: combined is its lead.
        assert_eq!(
            score(&f, Scorer::Combined, Weights::default(), 1),
            vec![1.0, 0.25]
        );
        assert_ne!(
            score(&f, Scorer::Combined, Weights::default(), 2),
            vec![1.0, 0.25]
        );
    }
}
