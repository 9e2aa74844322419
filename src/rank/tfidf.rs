//! Vectorize: sentences -> L2-normalised TF-IDF rows over the cluster's own vocabulary.
//!
//! Contract: term ids are assigned in first-seen order over the sentences in id order, so the
//! vocabulary (and every vector) is the same for any thread count. Inverse document frequency
//! treats each sentence as a document (as LexRank does; a five-article cluster gives too few
//! articles for a useful article-level idf): `idf(t) = ln((1 + N) / (1 + df(t))) + 1`.
//! Rows are sparse (`sprs::CsVec`, indices sorted) and unit length, so a dot product is a
//! cosine. The centroid (MEAD, Radev et al. 2004) is the cluster's summed TF-IDF vector kept to
//! its [`CENTROID_TERMS`] heaviest terms and normalised, held dense in `ndarray`.
//! The similarity graph over these rows is `super::graph`.

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

/// Term ids in first-seen order: what [`vectorize`] numbers terms by, and what a parallel task
/// numbers its own terms by before they are merged in task order ([`Vocabulary::merge`]).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Term strings by id.
    pub terms: Vec<String>,
}

impl Vocabulary {
    /// The id of `term`, a new one (the next) when it is not yet known.
    pub fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        id
    }

    /// Takes in a later task's vocabulary: returns the ids here of its ids (new terms numbered
    /// in its first-seen order), so that tasks merged in order give the ids one vocabulary
    /// would have given over all of their sentences.
    pub fn merge(&mut self, later: &Vocabulary) -> Vec<u32> {
        later.terms.iter().map(|t| self.id(t)).collect()
    }
}

/// Builds the vocabulary, idf, rows and centroid from each sentence's terms (the tests' way
/// in; the pipeline numbers terms as it makes them and calls [`vectorize_ids`]).
#[cfg(test)]
pub fn vectorize(term_lists: &[Vec<String>]) -> Vectors {
    let mut vocabulary = Vocabulary::default();
    let sentence_terms: Vec<Vec<u32>> = term_lists
        .iter()
        .map(|list| list.iter().map(|t| vocabulary.id(t)).collect())
        .collect();
    vectorize_ids(vocabulary.terms, sentence_terms)
}

/// [`vectorize`] of sentences whose terms are already numbered: `terms` are the strings by id
/// and `sentence_terms` each sentence's ids (ids in first-seen order, as [`Vocabulary`] gives).
pub fn vectorize_ids(terms: Vec<String>, sentence_terms: Vec<Vec<u32>>) -> Vectors {
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
    fn vocabularies_merged_in_task_order_number_terms_as_one_would() {
        let all = lists(&[
            &["storm", "bridge"],
            &["vote", "storm"],
            &["mayor", "vote", "tide"],
        ]);
        let one = vectorize(&all);
        let mut merged = Vocabulary::default();
        let mut ids: Vec<Vec<u32>> = Vec::new();
        for task in [&all[..1], &all[1..]] {
            let mut own = Vocabulary::default();
            let lists: Vec<Vec<u32>> = task
                .iter()
                .map(|l| l.iter().map(|t| own.id(t)).collect())
                .collect();
            let to = merged.merge(&own);
            ids.extend(
                lists
                    .iter()
                    .map(|l| l.iter().map(|&t| to[t as usize]).collect()),
            );
        }
        assert_eq!(merged.terms, one.terms);
        assert_eq!(ids, one.sentence_terms);
        assert_eq!(merged.terms, ["storm", "bridge", "vote", "mayor", "tide"]);
    }
}
