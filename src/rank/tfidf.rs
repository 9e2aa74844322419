//! Vectorize: sentences -> L2-normalised TF-IDF rows over the cluster's own vocabulary.
//!
//! Contract: term ids are assigned in first-seen order over the sentences in id order, so the
//! vocabulary (and every vector) is the same for any thread count. Inverse document frequency
//! treats each sentence as a document (as LexRank does; a five-article cluster gives too few
//! articles for a useful article-level idf): `idf(t) = ln((1 + N) / (1 + df(t))) + 1`.
//! Rows are sparse (`sprs::CsVec`, indices sorted) and unit length, so a dot product is a
//! cosine. The centroid (MEAD, Radev et al. 2004) is the cluster's summed TF-IDF vector kept to
//! its [`CENTROID_TERMS`] heaviest terms and normalised, held dense in `ndarray`.
//! [`similarity_graph`] finds, for every sentence, the others whose cosine reaches a floor,
//! through an inverted index, in parallel, one row per task (no cross-thread sums).

use std::collections::HashMap;

use ndarray::Array1;
use rayon::prelude::*;
use sprs::CsVec;

/// The number of terms kept in the centroid.
pub const CENTROID_TERMS: usize = 100;

/// A sparse, unit-length TF-IDF row.
pub type Row = CsVec<f32>;

/// The vectors of one cluster.
#[derive(Debug, Clone)]
pub struct Vectors {
    /// Term strings by id (folded, stemmed).
    pub terms: Vec<String>,
    /// Term ids of every sentence, in order, repeats kept.
    pub sentence_terms: Vec<Vec<u32>>,
    /// One unit-length row per sentence (empty for a sentence without terms).
    pub rows: Vec<Row>,
    /// The cluster centroid, unit length (dense, one entry per term).
    pub centroid: Array1<f32>,
}

/// Builds the vocabulary, idf, rows and centroid from each sentence's terms.
pub fn vectorize(term_lists: &[Vec<String>]) -> Vectors {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut terms: Vec<String> = Vec::new();
    let sentence_terms: Vec<Vec<u32>> = term_lists
        .iter()
        .map(|list| {
            list.iter()
                .map(|t| {
                    *ids.entry(t.as_str()).or_insert_with(|| {
                        terms.push(t.clone());
                        (terms.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    let n_terms = terms.len();
    let n = sentence_terms.len();

    let mut df = vec![0u32; n_terms];
    let mut cluster_tf = vec![0f32; n_terms];
    for list in &sentence_terms {
        let mut seen: Vec<u32> = list.clone();
        seen.sort_unstable();
        seen.dedup();
        for &t in &seen {
            df[t as usize] += 1;
        }
        for &t in list {
            cluster_tf[t as usize] += 1.0;
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0)
        .collect();

    let rows: Vec<Row> = sentence_terms
        .par_iter()
        .map(|list| row_of(list, &idf, n_terms))
        .collect();

    let mut weights: Vec<(u32, f32)> = cluster_tf
        .iter()
        .zip(&idf)
        .enumerate()
        .map(|(t, (tf, idf))| (t as u32, tf * idf))
        .collect();
    weights.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut centroid = Array1::<f32>::zeros(n_terms);
    for &(t, w) in weights.iter().take(CENTROID_TERMS) {
        centroid[t as usize] = w;
    }
    let norm = centroid.dot(&centroid).sqrt();
    if norm > 0.0 {
        centroid /= norm;
    }
    Vectors {
        terms,
        sentence_terms,
        rows,
        centroid,
    }
}

/// The unit-length TF-IDF row of one term list.
pub fn row_of(list: &[u32], idf: &[f32], n_terms: usize) -> Row {
    let mut sorted: Vec<u32> = list.to_vec();
    sorted.sort_unstable();
    let mut idx: Vec<usize> = Vec::new();
    let mut val: Vec<f32> = Vec::new();
    for t in sorted {
        if idx.last() == Some(&(t as usize)) {
            *val.last_mut().expect("pushed with idx") += idf[t as usize];
        } else {
            idx.push(t as usize);
            val.push(idf[t as usize]);
        }
    }
    let norm = val.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        val.iter_mut().for_each(|v| *v /= norm);
    }
    CsVec::new(n_terms, idx, val)
}

/// Cosine of two unit rows.
pub fn cosine(a: &Row, b: &Row) -> f32 {
    if a.nnz() == 0 || b.nnz() == 0 {
        return 0.0;
    }
    a.dot(b)
}

/// A term found in more sentences than this does not propose neighbours by itself (see
/// [`similarity_graph`]). No cluster of a few dozen articles reaches it, so their graphs are exact.
pub const MAX_POSTINGS: usize = 1000;
/// Neighbours kept per sentence below the exact threshold (the most similar, ties by index).
pub const MAX_NEIGHBOURS: usize = 256;

/// For every row, its neighbours `(index, cosine)` with cosine at least `floor`, itself
/// excluded, in index order, one row per parallel task (no cross-thread sums).
///
/// Candidates come from an inverted index, so the work is the sum over terms of their posting
/// lists, not all pairs. Two bounds keep it near-linear on large clusters (thousands of
/// articles on one story), and neither binds on a cluster of a few dozen articles:
/// - a row does not walk the posting lists of terms found in more than [`MAX_POSTINGS`]
///   sentences (the story's ubiquitous names), most frequent first, as long as the skipped
///   part of the row has norm below `exact`. Any pair with cosine `>= exact` shares a term the
///   row walks (its cosine is at most that norm otherwise), so every pair at or above `exact`
///   (the near-duplicate threshold) is still found, with its exact cosine. Weaker pairs joined
///   only by ubiquitous terms may be missed, and their weight is the cosine over the terms
///   walked (a lower bound);
/// - below `exact`, a row keeps its [`MAX_NEIGHBOURS`] most similar neighbours.
///
/// On a cluster where no term reaches [`MAX_POSTINGS`] every cosine is exact.
pub fn similarity_graph(rows: &[Row], floor: f32, exact: f32) -> Vec<Vec<(u32, f32)>> {
    let n_terms = rows.first().map_or(0, |r| r.dim());
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (i, r) in rows.iter().enumerate() {
        for (t, &w) in r.iter() {
            postings[t].push((i as u32, w));
        }
    }
    // Each row's norm over the ubiquitous terms.
    let ubiquitous: Vec<f32> = rows
        .iter()
        .map(|r| {
            r.iter()
                .filter(|(t, _)| postings[*t].len() > MAX_POSTINGS)
                .map(|(_, &w)| w * w)
                .sum::<f32>()
                .sqrt()
        })
        .collect();
    rows.par_iter()
        .enumerate()
        .map_init(
            || {
                (
                    vec![0f32; rows.len()],
                    Vec::<u32>::new(),
                    Vec::<(usize, f32)>::new(),
                )
            },
            |(acc, touched, frequent), (i, r)| {
                // The ubiquitous terms this row may leave out, most frequent first.
                frequent.clear();
                frequent.extend(
                    r.iter()
                        .filter(|(t, _)| postings[*t].len() > MAX_POSTINGS)
                        .map(|(t, &w)| (t, w)),
                );
                frequent.sort_by(|a, b| {
                    postings[b.0]
                        .len()
                        .cmp(&postings[a.0].len())
                        .then(a.0.cmp(&b.0))
                });
                let mut skipped_norm2 = 0f32;
                let mut skip = Vec::new();
                for &(t, w) in frequent.iter() {
                    if skipped_norm2 + w * w >= exact * exact {
                        break;
                    }
                    skipped_norm2 += w * w;
                    skip.push(t);
                }
                for (t, &w) in r.iter() {
                    if skip.contains(&t) {
                        continue;
                    }
                    for &(j, v) in &postings[t] {
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += w * v;
                    }
                }
                let mut out: Vec<(u32, f32)> = Vec::new();
                for &j in touched.iter() {
                    let partial = acc[j as usize];
                    acc[j as usize] = 0.0;
                    if j as usize == i {
                        continue;
                    }
                    // The skipped terms add at most |skipped part| * |j's ubiquitous part|.
                    let s = if !skip.is_empty()
                        && partial + skipped_norm2.sqrt() * ubiquitous[j as usize] >= exact
                    {
                        r.dot(&rows[j as usize])
                    } else {
                        partial
                    };
                    if s >= floor {
                        out.push((j, s.min(1.0)));
                    }
                }
                touched.clear();
                let strong = out.iter().filter(|e| e.1 >= exact).count();
                if out.len() > strong + MAX_NEIGHBOURS {
                    let keep = strong + MAX_NEIGHBOURS;
                    out.select_nth_unstable_by(keep, |a, b| {
                        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                    });
                    out.truncate(keep);
                }
                out.sort_unstable_by_key(|e| e.0);
                out
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn rows_are_unit_and_cosines_sane() {
        let v = vectorize(&lists(&[
            &["storm", "bridge"],
            &["storm", "bridge"],
            &["vote", "mayor"],
            &[],
        ]));
        assert_eq!(v.terms, vec!["storm", "bridge", "vote", "mayor"]);
        assert!((cosine(&v.rows[0], &v.rows[0]) - 1.0).abs() < 1e-5);
        assert!((cosine(&v.rows[0], &v.rows[1]) - 1.0).abs() < 1e-5);
        assert_eq!(cosine(&v.rows[0], &v.rows[2]), 0.0);
        assert_eq!(cosine(&v.rows[0], &v.rows[3]), 0.0);
        // storm/bridge appear twice, so they weigh more in the centroid than vote/mayor
        assert!(v.centroid[0] > v.centroid[2]);
    }

    #[test]
    fn graph_matches_pairwise_cosines() {
        let v = vectorize(&lists(&[
            &["a", "b", "c"],
            &["a", "b"],
            &["c", "d"],
            &["e"],
        ]));
        let g = similarity_graph(&v.rows, 0.0001, 0.7);
        for (i, nbrs) in g.iter().enumerate() {
            for &(j, s) in nbrs {
                assert!((s - cosine(&v.rows[i], &v.rows[j as usize])).abs() < 1e-5);
            }
        }
        assert_eq!(g[0].iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2]);
        assert!(g[3].is_empty());
    }

    #[test]
    fn graph_keeps_every_strong_pair_when_terms_are_ubiquitous() {
        // Every sentence shares "story" and most share "city" (both above MAX_POSTINGS);
        // a few pairs are near-duplicates through rare terms, and some only through the
        // ubiquitous terms (short sentences), which must still be found at the threshold.
        let n = MAX_POSTINGS + 300;
        let owned: Vec<Vec<String>> = (0..n)
            .map(|i| {
                let mut l = vec!["story".to_string()];
                if i % 7 != 0 {
                    l.push("city".into());
                }
                if i % 5 != 0 {
                    l.push(format!("rare{}", i / 2));
                    l.push(format!("other{}", i / 3));
                }
                l
            })
            .collect();
        let v = vectorize(&owned);
        let g = similarity_graph(&v.rows, 0.1, 0.7);
        for (i, nbrs) in g.iter().enumerate() {
            let found: std::collections::HashMap<u32, f32> = nbrs.iter().copied().collect();
            for j in 0..n {
                let c = cosine(&v.rows[i], &v.rows[j]);
                if i != j && c >= 0.7 {
                    let got = found.get(&(j as u32)).copied();
                    assert!(
                        got.is_some_and(|s| (s - c).abs() < 1e-5),
                        "{i}-{j} {c} {got:?}"
                    );
                }
            }
            assert!(nbrs.windows(2).all(|w| w[0].0 < w[1].0));
            assert!(nbrs.iter().filter(|e| e.1 < 0.7).count() <= MAX_NEIGHBOURS);
        }
    }
}
