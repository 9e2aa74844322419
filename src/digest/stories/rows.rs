//! Per-article lists (term counts, vectors) held flat: one array of entries cut into rows, and
//! each article pointing at its row; and the inverted index of the grouping, held flat too
//! ([`Postings`]). Articles whose lists are equal (exact copies: the same
//! title and text) share one row, so a collection that repeats its articles holds each list
//! once.
//!
//! Contract: [`Rows::get`] gives every article the list it was pushed with, whatever it
//! shares; which row it shares is an implementation detail (rows are numbered in the order
//! their first article was pushed) that no result may depend on but through [`Rows::get`].

use rayon::prelude::*;

use super::TermMap;

/// Lists of entries, one per article, equal lists stored once (see the module docs).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows<T> {
    /// The row of each article.
    row_of: Vec<u32>,
    /// Where each row starts in `entries`, and where the last ends (rows + 1 offsets).
    start: Vec<usize>,
    entries: Vec<T>,
}

impl<T: Copy + PartialEq + Send + Sync> Rows<T> {
    /// The number of articles.
    pub fn articles(&self) -> usize {
        self.row_of.len()
    }

    /// The number of distinct rows.
    pub fn rows(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Row `r`'s entries.
    pub fn row(&self, r: usize) -> &[T] {
        &self.entries[self.start[r]..self.start[r + 1]]
    }

    /// Article `i`'s entries.
    pub fn get(&self, i: usize) -> &[T] {
        self.row(self.row_of[i] as usize)
    }

    /// How many articles share each row.
    pub fn multiplicity(&self) -> Vec<u32> {
        let mut m = vec![0u32; self.rows()];
        for &r in &self.row_of {
            m[r as usize] += 1;
        }
        m
    }

    /// The same rows with every entry mapped by `f`. The old entries are consumed: when `T`
    /// and `U` have one layout, the new ones are made in their memory.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Rows<U> {
        let entries: Vec<U> = self.entries.into_iter().map(f).collect();
        Rows {
            row_of: self.row_of,
            start: self.start,
            entries,
        }
    }

    /// Applies `f` to every row's entries in place (in parallel).
    pub fn for_each_row(&mut self, f: impl Fn(&mut [T]) + Sync) {
        let mut slices: Vec<&mut [T]> = Vec::with_capacity(self.rows());
        let mut rest: &mut [T] = &mut self.entries;
        for w in self.start.windows(2) {
            let (head, tail) = rest.split_at_mut(w[1] - w[0]);
            slices.push(head);
            rest = tail;
        }
        slices.into_par_iter().for_each(&f);
    }
}

/// Builds [`Rows`] one article at a time, in article order, sharing the rows of equal lists.
#[derive(Debug, Default)]
pub struct RowsBuilder<T> {
    rows: Rows<T>,
    /// The first row of each fingerprint.
    seen: TermMap<u32>,
}

impl<T: Copy + PartialEq + Send + Sync> RowsBuilder<T> {
    /// An empty builder.
    pub fn new() -> Self {
        RowsBuilder {
            rows: Rows {
                row_of: Vec::new(),
                start: vec![0],
                entries: Vec::new(),
            },
            seen: TermMap::default(),
        }
    }

    /// Adds the next article's list; `fingerprint` is a hash of its contents (equal lists have
    /// equal fingerprints; two unequal lists that collide are both kept, in rows of their own).
    pub fn push(&mut self, list: &[T], fingerprint: u64) {
        if let Some(&r) = self.seen.get(&fingerprint)
            && self.rows.row(r as usize) == list
        {
            self.rows.row_of.push(r);
            return;
        }
        let r = self.rows.rows() as u32;
        self.seen.entry(fingerprint).or_insert(r);
        self.rows.entries.extend_from_slice(list);
        self.rows.start.push(self.rows.entries.len());
        self.rows.row_of.push(r);
    }

    /// The rows, their arrays at their exact lengths.
    pub fn finish(self) -> Rows<T> {
        let mut rows = self.rows;
        rows.row_of.shrink_to_fit();
        rows.start.shrink_to_fit();
        rows.entries.shrink_to_fit();
        rows
    }
}

/// The fingerprint of a list of term counts: a mix of its hashes and counts in order.
pub fn fingerprint(list: &[(u64, u32)]) -> u64 {
    let mut f = list.len() as u64;
    for &(h, n) in list {
        f = (f.rotate_left(23) ^ h ^ (u64::from(n) << 7)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    f
}

/// An inverted index held flat: the `(vector, weight)` entries of every term id, in the order
/// of the vectors, one array cut at each id's offset.
#[derive(Debug, Clone, PartialEq)]
pub struct Postings {
    /// Where each id's list starts in `entries`, and where the last ends (ids + 1 offsets).
    start: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    /// The index of the terms of `vectors` (each a list of `(id, weight)`, ids below
    /// `vocabulary`): vector `i`'s entry `(h, w)` is `(i, w)` in the list of `h`.
    pub fn new(vectors: &[Vec<(u32, f32)>], vocabulary: usize) -> Self {
        let mut start = vec![0u32; vocabulary + 1];
        for v in vectors {
            for &(h, _) in v {
                start[h as usize + 1] += 1;
            }
        }
        for h in 0..vocabulary {
            start[h + 1] += start[h];
        }
        let mut next: Vec<u32> = start[..vocabulary].to_vec();
        let mut entries = vec![(0u32, 0f32); start[vocabulary] as usize];
        for (i, v) in vectors.iter().enumerate() {
            for &(h, w) in v {
                let at = &mut next[h as usize];
                entries[*at as usize] = (i as u32, w);
                *at += 1;
            }
        }
        Postings { start, entries }
    }

    /// The `(vector, weight)` entries of term `h`, in vector order.
    pub fn list(&self, h: u32) -> &[(u32, f32)] {
        &self.entries[self.start[h as usize] as usize..self.start[h as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_share_a_row_and_every_article_gets_its_own_list() {
        let lists: Vec<Vec<(u64, u32)>> = vec![
            vec![(1, 2), (5, 1)],
            vec![(1, 2), (5, 1)],
            vec![],
            vec![(1, 2), (5, 2)],
            vec![],
            vec![(1, 2), (5, 1)],
        ];
        let mut b = RowsBuilder::new();
        for l in &lists {
            b.push(l, fingerprint(l));
        }
        let rows = b.finish();
        assert_eq!(rows.articles(), 6);
        assert_eq!(rows.rows(), 3);
        for (i, l) in lists.iter().enumerate() {
            assert_eq!(rows.get(i), l.as_slice());
        }
        assert_eq!(rows.row(0), &[(1, 2), (5, 1)]);
        assert_eq!(rows.row(1), &[] as &[(u64, u32)]);
        assert_eq!(rows.row(2), &[(1, 2), (5, 2)]);
        assert_eq!(rows.multiplicity(), vec![3, 2, 1]);
    }

    #[test]
    fn colliding_fingerprints_keep_unequal_lists_apart() {
        let mut b = RowsBuilder::new();
        b.push(&[(1u64, 1u32)], 7);
        b.push(&[(2, 1)], 7);
        b.push(&[(1, 1)], 7);
        b.push(&[(2, 1)], 7);
        let rows = b.finish();
        assert_eq!(rows.rows(), 3);
        assert_eq!(rows.get(0), &[(1, 1)]);
        assert_eq!(rows.get(1), &[(2, 1)]);
        assert_eq!(rows.get(2), &[(1, 1)]);
        assert_eq!(rows.get(3), &[(2, 1)]);
    }

    #[test]
    fn map_and_for_each_row_keep_the_rows() {
        let mut b = RowsBuilder::new();
        b.push(&[(3u64, 1u32), (1, 4)], 1);
        b.push(&[(9, 2)], 2);
        b.push(&[(3, 1), (1, 4)], 1);
        let mut rows = b.finish().map(|(h, n)| (h as u32, n * 10));
        rows.for_each_row(|r| r.sort_unstable());
        assert_eq!(rows.get(0), &[(1, 40), (3, 10)]);
        assert_eq!(rows.get(1), &[(9, 20)]);
        assert_eq!(rows.get(2), &[(1, 40), (3, 10)]);
        assert_ne!(fingerprint(&[(1, 2)]), fingerprint(&[(2, 1)]));
        assert_ne!(fingerprint(&[]), fingerprint(&[(0, 0)]));
    }

    #[test]
    fn postings_list_each_terms_vectors_in_order() {
        let vectors = vec![
            vec![(2u32, 0.5f32), (0, 0.25)],
            vec![],
            vec![(0, 1.0), (3, 0.75)],
            vec![(2, 0.125)],
        ];
        let p = Postings::new(&vectors, 5);
        assert_eq!(p.list(0), &[(0, 0.25), (2, 1.0)]);
        assert_eq!(p.list(1), &[] as &[(u32, f32)]);
        assert_eq!(p.list(2), &[(0, 0.5), (3, 0.125)]);
        assert_eq!(p.list(3), &[(2, 0.75)]);
        assert_eq!(p.list(4), &[] as &[(u32, f32)]);
    }
}
