//! Average-link agglomerative clustering over a sparse candidate graph.
//!
//! Contract: [`cluster`] partitions its items into clusters (each a list of item indexes,
//! sorted; clusters in order of their first item) and depends only on the items' contents and
//! keys, not on their order or on the thread count.
//!
//! Each cluster keeps the sum of its items' vectors, so the mean cosine between the articles of
//! two clusters is exact: `dot(sum_a, sum_b) / (size_a * size_b)`. Pairs of clusters are
//! scored only when they are candidates: in the first pass, when one item of one is among the
//! [`CANDIDATES`](super::CANDIDATES) best partners of an item of the other (found through an
//! inverted index, [`neighbours`]); in later passes, when one cluster's centroid is among the
//! best partners of the other's. The best pair is merged first (ties by the clusters' keys)
//! while its score, the mean cosine times the time decay ([`decay`]), reaches the link.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use super::rows::Postings;
use super::{CANDIDATES, Vector, max_df};

/// Passes of candidate search: the first over the items, the others over the clusters'
/// centroids (each pass stops when no candidate pair reaches the link).
pub const PASSES: usize = 3;
/// The most terms a cluster's sum keeps (its heaviest): a centroid of hundreds of articles
/// carries thousands of rare terms that weigh nothing in any cosine and cost in every one.
pub const CENTROID_TERMS: usize = 300;

/// Terms of each vector (its heaviest that may propose candidates) kept in the inverted index.
pub const INDEX_TERMS: usize = 64;
/// Terms of each vector (its heaviest indexed ones) whose posting lists it walks: partners
/// worth finding share some of each other's heaviest terms.
pub const QUERY_TERMS: usize = 32;
/// The most neighbours a story keeps (its best scored): a story of hundreds of articles
/// would otherwise rescore thousands of neighbours after each article it takes in.
pub const KEEP_NEIGHBOURS: usize = 100;
/// Two clusters of two articles or more merge only if their score is at least this share of
/// the smaller cohesion of the two ([`cohesion`], over those of several unit vectors).
pub const CONTRAST: f32 = 0.25;
/// The most the contrast grows to between two groups told apart in time: two bursts of reports
/// of one topic (a car bomb one week, an airport opening three weeks later) are two events
/// unless they share half of what each shares inside; see [`contrast`].
pub const GAP_CONTRAST: f32 = 0.5;
/// Time scale (days) of the contrast's growth with the gap between two groups ([`contrast`]).
pub const CONTRAST_DAYS: f32 = 7.0;
/// Share of the link below which a scored neighbour is dropped from a story's candidates.
pub const PRUNE: f32 = 0.5;

/// One item to cluster: a unit of near-copies, or a cluster from an earlier pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    /// The sum of its articles' unit vectors (one unit vector for a single item, borrowed from
    /// the articles' vectors; a merged cluster owns its sum).
    pub sum: Cow<'a, [(u32, f32)]>,
    /// How many unit vectors `sum` adds up.
    pub size: f32,
    /// The squared norm of `sum`.
    pub norm2: f32,
    /// How many articles it holds (a unit of copies holds them all).
    pub articles: u32,
    /// Its first and last day, when it has a dated article.
    pub span: Option<(i64, i64)>,
    /// Orders items for ties (a hash of the text: not its position).
    pub key: u64,
    /// The sum of its unit vectors' dot products with the collection's mean vector.
    pub background: f32,
}

impl Item<'_> {
    fn empty() -> Self {
        Item {
            sum: Cow::Borrowed(&[]),
            size: 0.0,
            norm2: 0.0,
            articles: 0,
            span: None,
            key: 0,
            background: 0.0,
        }
    }
}

/// Thresholds of [`cluster`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// The number of distinct term ids (every id is below it).
    pub vocabulary: usize,
    /// Score at or above which two clusters merge.
    pub link: f32,
    /// Share of the inner cohesion of two groups their score must reach ([`CONTRAST`]).
    pub contrast: f32,
    /// Time scale of the decay in days (0: no decay).
    pub window_days: f32,
    /// The squared norm of the collection's mean vector.
    pub mean_norm2: f32,
    /// Time scale of the contrast's growth with the gap between two groups, in days
    /// ([`CONTRAST_DAYS`]; 0: the contrast does not grow).
    pub contrast_days: f32,
}

/// The share of the smaller cohesion two groups `gap` days apart must reach to merge:
/// `base * (1 + ln(1 + gap / days))`, at most [`GAP_CONTRAST`] (or `base` when larger): 0.25
/// when their spans overlap, 0.5 once they are about twelve days apart at a week's scale. A
/// topic told over years forms groups whose spans overlap, or that share most of what they
/// share inside; two events of one topic a few weeks apart are each far tighter.
pub fn contrast(base: f32, gap: f32, days: f32) -> f32 {
    if days <= 0.0 || gap <= 0.0 {
        return base;
    }
    (base * (1.0 + (1.0 + gap / days).ln())).min(GAP_CONTRAST.max(base))
}

/// Days between two spans (0 when they overlap or either is undated).
pub fn gap(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> f32 {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => (a0.max(b0) - a1.min(b1)).max(0) as f32,
        _ => 0.0,
    }
}

/// The factor a cosine is multiplied by when two clusters are `gap` days apart:
/// `1 / (1 + ln(1 + gap / window))`; 1 when the window is 0. A day apart in a week's window
/// costs 13%, a month apart 62% (a developing story keeps being told, but the further apart,
/// the more two reports must share).
pub fn decay(gap: f32, window: f32) -> f32 {
    if window <= 0.0 {
        return 1.0;
    }
    1.0 / (1.0 + (1.0 + gap / window).ln())
}

/// Each vector's best partners among the others (at most `k`, best first, ties by key), by
/// partial dot products accumulated over an inverted index of the terms found in at least two
/// vectors and at most [`max_df`] of them ([`Postings`]): each vector, scaled to unit length
/// (as [`normalize`](super::normalize) scales it), indexes its [`INDEX_TERMS`] heaviest such
/// terms and walks the lists of its [`QUERY_TERMS`] heaviest. Only those terms are scaled: no
/// scaled copy of the vectors is made.
pub fn neighbours(
    vectors: &[&[(u32, f32)]],
    keys: &[u64],
    k: usize,
    vocabulary: usize,
) -> Vec<Vec<u32>> {
    let n = vectors.len();
    let mut df = vec![0u32; vocabulary];
    for v in vectors {
        for &(h, _) in v.iter() {
            df[h as usize] += 1;
        }
    }
    let cap = max_df(n) as u32;
    // Each vector's heaviest eligible terms (by scaled weight, ties by id), heaviest first.
    let heaviest: Vec<Vec<(u32, f32)>> = vectors
        .par_iter()
        .map(|v| {
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            let mut t: Vec<(u32, f32)> = v
                .iter()
                .filter(|&&(h, _)| (2..=cap).contains(&df[h as usize]))
                .map(|&(h, w)| (h, if norm > 0.0 { w / norm } else { w }))
                .collect();
            if t.len() > INDEX_TERMS {
                t.select_nth_unstable_by(INDEX_TERMS, |a, b| {
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                });
                t.truncate(INDEX_TERMS);
            }
            t.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            t
        })
        .collect();
    drop(df);
    let postings = Postings::new(&heaviest, vocabulary);
    heaviest
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), (i, v)| {
                // Heaviest first: the query is the vector's QUERY_TERMS heaviest terms.
                for &(h, w) in v.iter().take(QUERY_TERMS) {
                    for &(j, x) in postings.list(h) {
                        if j as usize != i {
                            if acc[j as usize] == 0.0 {
                                touched.push(j);
                            }
                            acc[j as usize] += w * x;
                        }
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().map(|&j| (j, acc[j as usize])).collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                let by_score = |a: &(u32, f32), b: &(u32, f32)| {
                    b.1.total_cmp(&a.1)
                        .then(keys[a.0 as usize].cmp(&keys[b.0 as usize]))
                };
                if cands.len() > k {
                    cands.select_nth_unstable_by(k, by_score);
                    cands.truncate(k);
                }
                cands.sort_by(by_score);
                // A new list of its exact length: collected in place, the ids would keep the
                // memory of every vector touched, for every vector.
                let mut best = Vec::with_capacity(cands.len());
                best.extend(cands.iter().map(|&(j, _)| j));
                best
            },
        )
        .collect()
}

/// The mean centered cosine between two different unit vectors of a cluster, from its sum
/// (`(|S|^2 - n) / (n (n - 1)) - 2 t / n + |m|^2`, `t` its summed dots with the mean `m`);
/// for one unit vector standing for several copies, `|u - m|^2`; `None` for one article.
pub fn cohesion(c: &Item, mean_norm2: f32) -> Option<f32> {
    let n = c.size;
    if n >= 2.0 {
        Some((c.norm2 - n) / (n * (n - 1.0)) - 2.0 * c.background / n + mean_norm2)
    } else if c.articles >= 2 {
        // A unit of copies: its articles are alike as its vector is with itself.
        Some(c.norm2 - 2.0 * c.background + mean_norm2)
    } else {
        None
    }
}

/// A candidate merge in the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Edge {
    score: f32,
    /// The two clusters' keys, smaller first (ties: the pair with the smaller keys first).
    keys: (u64, u64),
    a: u32,
    b: u32,
    /// The clusters' versions when scored (a merged cluster gets a new version).
    va: u32,
    vb: u32,
}

impl Eq for Edge {}

impl Ord for Edge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.keys.cmp(&self.keys))
    }
}

impl PartialOrd for Edge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Sum of two sorted vectors.
fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Keeps the [`CENTROID_TERMS`] heaviest terms of a sum (ties by id), in id order.
fn truncate(mut v: Vector) -> Vector {
    if v.len() <= CENTROID_TERMS {
        return v;
    }
    v.select_nth_unstable_by(CENTROID_TERMS, |a, b| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    v.truncate(CENTROID_TERMS);
    v.sort_unstable_by_key(|e| e.0);
    v
}

/// The clusters' state during a pass.
struct State<'a> {
    items: Vec<Item<'a>>,
    members: Vec<Vec<u32>>,
    alive: Vec<bool>,
    version: Vec<u32>,
    parent: Vec<u32>,
    nbrs: Vec<Vec<u32>>,
}

/// Neighbours past which a cluster's scan scores them in parallel (each score is a value of its
/// own, collected in order: the same for any thread count). The merging loop is one thread
/// otherwise, and most lists hold 20-60 neighbours.
const PARALLEL_SCAN: usize = 8;

impl State<'_> {
    fn root(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = p;
            x = p;
        }
        x
    }

    /// The score of clusters `a` and `b`, `dense` holding `a`'s sum by term id (zero
    /// elsewhere): the dot product of the sums is a lookup of `b`'s terms, summed in id order
    /// (the order and value of a merge of the two sorted lists).
    fn score(&self, dense: &[f32], a: u32, b: u32, p: &Params) -> f32 {
        let (x, y) = (&self.items[a as usize], &self.items[b as usize]);
        let mut d = 0f32;
        for &(h, w) in y.sum.iter() {
            d += dense[h as usize] * w;
        }
        // Mean of (u - m) . (v - m) over the pairs: what two articles share beyond what
        // any two articles of the collection share.
        let mean =
            d / (x.size * y.size) - x.background / x.size - y.background / y.size + p.mean_norm2;
        // Two groups of articles, each far more alike inside than the two are across, are
        // two stories, however high the shared part (a frame of words every report uses).
        if x.articles >= 2 && y.articles >= 2 {
            let inside = [x, y]
                .iter()
                .filter_map(|c| cohesion(c, p.mean_norm2))
                .min_by(f32::total_cmp);
            let share = contrast(p.contrast, gap(x.span, y.span), p.contrast_days);
            if let Some(c) = inside
                && mean < share * c
            {
                return p.link * PRUNE;
            }
        }
        mean * decay(gap(x.span, y.span), p.window_days)
    }

    /// The roots of a cluster's neighbours, sorted, without itself.
    fn resolve(&mut self, a: usize) -> Vec<u32> {
        let list = std::mem::take(&mut self.nbrs[a]);
        let mut out: Vec<u32> = Vec::with_capacity(list.len());
        for x in list {
            let r = self.root(x);
            if r as usize != a {
                out.push(r);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Scores a cluster against its (resolved) neighbours: the neighbours worth keeping (a
    /// neighbour far below the link is forgotten: a mean of parts far below it cannot reach
    /// it, and forgetting keeps a large story's list short) and the best edge at or above
    /// the link.
    /// `dense` is a zeroed buffer of a weight per term id, left zeroed.
    fn scan(
        &self,
        a: u32,
        list: &[u32],
        p: &Params,
        dense: &mut [f32],
    ) -> (Vec<u32>, Option<Edge>) {
        let sum = &self.items[a as usize].sum;
        for &(h, w) in sum.iter() {
            dense[h as usize] = w;
        }
        let d = &*dense;
        let scored: Vec<(u32, f32)> = if list.len() > PARALLEL_SCAN {
            list.par_iter()
                .map(|&c| (c, self.score(d, a, c, p)))
                .collect()
        } else {
            list.iter().map(|&c| (c, self.score(d, a, c, p))).collect()
        };
        for &(h, _) in sum.iter() {
            dense[h as usize] = 0.0;
        }
        let mut near: Vec<(u32, f32)> = scored
            .iter()
            .copied()
            .filter(|&(_, s)| s >= p.link * PRUNE)
            .collect();
        if near.len() > KEEP_NEIGHBOURS {
            let key = |c: u32| self.items[c as usize].key;
            near.select_nth_unstable_by(KEEP_NEIGHBOURS, |x, y| {
                y.1.total_cmp(&x.1).then(key(x.0).cmp(&key(y.0)))
            });
            near.truncate(KEEP_NEIGHBOURS);
        }
        let kept = near.into_iter().map(|(c, _)| c).collect();
        let best = scored
            .iter()
            .filter(|&&(_, s)| s >= p.link)
            .map(|&(c, s)| self.edge(a, c, s))
            .max();
        (kept, best)
    }

    fn edge(&self, a: u32, b: u32, score: f32) -> Edge {
        let (ka, kb) = (self.items[a as usize].key, self.items[b as usize].key);
        Edge {
            score,
            keys: (ka.min(kb), ka.max(kb)),
            a,
            b,
            va: self.version[a as usize],
            vb: self.version[b as usize],
        }
    }
}

/// Clusters the items (see the module docs).
pub fn cluster(items: Vec<Item<'_>>, p: &Params) -> Vec<Vec<u32>> {
    let mut members: Vec<Vec<u32>> = (0..items.len() as u32).map(|i| vec![i]).collect();
    let mut items = items;
    for _ in 0..PASSES {
        let before = items.len();
        let (next, groups) = pass(items, p);
        members = groups
            .iter()
            .map(|g| {
                let mut m: Vec<u32> = g
                    .iter()
                    .flat_map(|&i| members[i as usize].iter().copied())
                    .collect();
                m.sort_unstable();
                m
            })
            .collect();
        items = next;
        if items.len() == before {
            break;
        }
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&i| members[i][0]);
    order
        .into_iter()
        .map(|i| std::mem::take(&mut members[i]))
        .collect()
}

/// One pass: candidates among the items' centroids (their sums, which [`neighbours`] scales
/// to unit length), then best-first merging. Returns the clusters as new items and, for each,
/// the indexes of the items it holds.
fn pass<'a>(items: Vec<Item<'a>>, p: &Params) -> (Vec<Item<'a>>, Vec<Vec<u32>>) {
    let n = items.len();
    let keys: Vec<u64> = items.iter().map(|it| it.key).collect();
    let refs: Vec<&[(u32, f32)]> = items.iter().map(|it| &*it.sum).collect();
    let cands = neighbours(&refs, &keys, CANDIDATES, p.vocabulary);
    drop(refs);
    let mut nbrs: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, c) in cands.iter().enumerate() {
        for &j in c {
            nbrs[i].push(j);
            nbrs[j as usize].push(i as u32);
        }
    }
    for l in &mut nbrs {
        l.sort_unstable();
        l.dedup();
    }
    let mut st = State {
        items,
        members: (0..n as u32).map(|i| vec![i]).collect(),
        alive: vec![true; n],
        version: vec![0; n],
        parent: (0..n as u32).collect(),
        nbrs,
    };
    // Each cluster has one live entry in the heap: its best partner when last scored.
    let firsts: Vec<(Vec<u32>, Option<Edge>)> = (0..n as u32)
        .into_par_iter()
        .map_init(
            || vec![0f32; p.vocabulary],
            |dense, a| st.scan(a, &st.nbrs[a as usize], p, dense),
        )
        .collect();
    let mut dense = vec![0f32; p.vocabulary];
    let mut heap: BinaryHeap<Edge> = BinaryHeap::new();
    for (a, (list, best)) in firsts.into_iter().enumerate() {
        st.nbrs[a] = list;
        heap.extend(best);
    }
    while let Some(e) = heap.pop() {
        let (a, b) = (e.a as usize, e.b as usize);
        if !st.alive[a] || st.version[a] != e.va {
            continue;
        }
        if !st.alive[b] || st.version[b] != e.vb {
            // Its partner has changed since: score its neighbours again.
            let list = st.resolve(a);
            let (list, best) = st.scan(a as u32, &list, p, &mut dense);
            st.nbrs[a] = list;
            heap.extend(best);
            continue;
        }
        // Merge the smaller into the larger (by sum length), so that sums are copied less.
        let (keep, gone) = if st.items[a].sum.len() >= st.items[b].sum.len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_item = std::mem::replace(&mut st.items[gone], Item::empty());
        let kept = &mut st.items[keep];
        kept.sum = Cow::Owned(truncate(add(&kept.sum, &gone_item.sum)));
        kept.size += gone_item.size;
        kept.articles += gone_item.articles;
        kept.norm2 = kept.sum.iter().map(|(_, w)| w * w).sum();
        kept.span = match (kept.span, gone_item.span) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (x, y) => x.or(y),
        };
        kept.key = kept.key.min(gone_item.key);
        kept.background += gone_item.background;
        let moved = std::mem::take(&mut st.members[gone]);
        st.members[keep].extend(moved);
        st.alive[gone] = false;
        st.parent[gone] = keep as u32;
        st.version[keep] += 1;
        let gone_nbrs = std::mem::take(&mut st.nbrs[gone]);
        st.nbrs[keep].extend(gone_nbrs);
        let list = st.resolve(keep);
        let (list, best) = st.scan(keep as u32, &list, p, &mut dense);
        st.nbrs[keep] = list;
        heap.extend(best);
    }
    let mut out_items = Vec::new();
    let mut out_groups = Vec::new();
    for i in 0..n {
        if st.alive[i] {
            out_items.push(std::mem::replace(&mut st.items[i], Item::empty()));
            let mut g = std::mem::take(&mut st.members[i]);
            g.sort_unstable();
            out_groups.push(g);
        }
    }
    (out_items, out_groups)
}
