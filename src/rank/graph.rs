//! Graph: every sentence's neighbours by cosine, in work linear in the sentences.
//!
//! Contract: [`similarity_graph`] gives, for every sentence, its neighbours `(index, cosine)`
//! with cosine at least `floor`, itself excluded, in index order, the same for any thread count
//! (one row per parallel task, ordered collect, no cross-thread sums). Three steps, each
//! bounded whatever the sentences look like:
//!
//! 1. **Copies collapse.** Sentences with identical rows (the same terms, the same counts) are
//!    one *distinct row*; the graph is built over distinct rows only, so a sentence repeated
//!    80,000 times costs one row. Copies are each other's neighbours at their self-cosine.
//! 2. **Candidates, capped.** A distinct row finds its candidates through an inverted index
//!    (never all pairs) and skips the posting lists of terms found in more than
//!    [`MAX_POSTINGS`] sentences, copies counted (a story's ubiquitous names), as long as the part of the
//!    row it skips has norm below `exact`: any pair with cosine `>= exact` shares a term the
//!    row walks, so those pairs are found with their exact cosine (weaker pairs joined only by
//!    ubiquitous terms may be missed, their weight a lower bound). A row whose walk would visit
//!    more than [`MAX_WALK`] postings (every term of it in thousands of rows: a small
//!    vocabulary, a repeated text) walks its terms rarest first instead, takes the first
//!    [`MAX_CANDIDATES`] rows met and scores those exactly.
//! 3. **Neighbours, capped.** A sentence keeps, at or above `exact` (near-duplicates), its
//!    [`MAX_DUPLICATES`] most similar neighbours, and below it its [`MAX_NEIGHBOURS`] most
//!    similar ([`neighbour_cap`]: fewer past 16,384 sentences, so that the weak edges stay
//!    under [`MAX_EDGES`]); ties by the lower distinct row, then the lower sentence. Copies of
//!    one row tie, so a sentence keeps the first copies of a repeated sentence.
//!
//! Work: at most `MAX_WALK + MAX_CANDIDATES * terms` per distinct row (`d` of them, each of at
//! most a few hundred terms: a sentence is at most `--max-sentence-chars`), plus hashing the
//! `n` rows, plus `n * MAX_DUPLICATES + max(MAX_EDGES, n * MIN_NEIGHBOURS)` edges at most:
//! linear in the sentences. On a cluster where no sentence has more than [`MAX_DUPLICATES`]
//! near-duplicates, no term is in more than [`MAX_POSTINGS`] sentences and no walk passes
//! [`MAX_WALK`], every pair at or above `floor` is found with its exact cosine and only the
//! weak cap binds, as before the caps; every development set (up to SaudiNewsNet stories of
//! 312 articles) gives the same output as before them.

use std::collections::HashMap;

use rayon::prelude::*;

use super::tfidf::Row;

/// A term found in more sentences than this (copies counted) does not propose neighbours by
/// itself (see the module docs). No cluster of a few dozen articles reaches it.
pub const MAX_POSTINGS: usize = 1000;
/// Neighbours kept per sentence below the near-duplicate threshold (the most similar), in a
/// cluster of up to [`MAX_EDGES`] / 256 = 16,384 sentences; see [`neighbour_cap`].
pub const MAX_NEIGHBOURS: usize = 256;
/// Edges below the near-duplicate threshold a graph holds at most in all: past 16,384
/// sentences a sentence keeps fewer weak neighbours ([`neighbour_cap`]), so that the graph's
/// memory and LexRank's work per iteration stop growing faster than the sentences.
pub const MAX_EDGES: usize = 1 << 22;
/// The fewest weak neighbours a sentence keeps, however big the cluster.
pub const MIN_NEIGHBOURS: usize = 64;

/// Weak neighbours kept per sentence in a cluster of `sentences`: [`MAX_NEIGHBOURS`] up to
/// 16,384 sentences, then [`MAX_EDGES`] shared out, never fewer than [`MIN_NEIGHBOURS`].
/// No development cluster (at most a few thousand sentences) comes near the bend.
pub fn neighbour_cap(sentences: usize) -> usize {
    (MAX_EDGES / sentences.max(1)).clamp(MIN_NEIGHBOURS, MAX_NEIGHBOURS)
}
/// Near-duplicates kept per sentence (the most similar): enough for dedup to group a fact's
/// copies (a group takes its representative's near-duplicates and the sentences whose own
/// near-duplicates include an earlier representative; exact text twins are grouped by key).
pub const MAX_DUPLICATES: usize = 64;
/// Postings a distinct row walks to find its candidates: past this, its candidates are the
/// first [`MAX_CANDIDATES`] rows met walking its rarest terms first. No cluster of a few
/// hundred articles reaches it.
pub const MAX_WALK: usize = 20_000;
/// Distinct rows scored per distinct row whose walk reached [`MAX_WALK`].
pub const MAX_CANDIDATES: usize = 500;

/// A similarity graph: each sentence's neighbours `(index, cosine)`, in index order.
pub type Graph = Vec<Vec<(u32, f32)>>;

/// What building a graph did, counted (tests and `docs/reliability.md` read these).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Sentences (rows given).
    pub rows: usize,
    /// Distinct rows, copies collapsed.
    pub distinct: usize,
    /// Distinct rows whose candidates were capped at [`MAX_CANDIDATES`].
    pub capped: usize,
    /// Cosines computed between distinct rows (candidates scored).
    pub scored: usize,
    /// The most cosines one distinct row computed (at most [`MAX_WALK`]).
    pub max_scored: usize,
    /// Edges of the graph returned.
    pub edges: usize,
}

/// The similarity graph of `rows` (see the module docs).
pub fn similarity_graph(rows: &[Row], floor: f32, exact: f32) -> Graph {
    similarity_graph_counted(rows, floor, exact).0
}

/// [`similarity_graph`] with the counts of the work it did.
pub fn similarity_graph_counted(rows: &[Row], floor: f32, exact: f32) -> (Graph, Work) {
    let copies = Copies::of(rows);
    let distinct: Vec<&Row> = (0..copies.len() as u32)
        .map(|c| &rows[copies.members(c)[0] as usize])
        .collect();
    let weight: Vec<usize> = (0..copies.len() as u32).map(|c| copies.count(c)).collect();
    let weak_cap = neighbour_cap(rows.len());
    let found: Vec<Found> = distinct_graph(&distinct, &weight, floor, exact, weak_cap);
    let capped = found.iter().filter(|f| f.1).count();
    let scored = found.iter().map(|f| f.2).sum();
    let max_scored = found.iter().map(|f| f.2).max().unwrap_or(0);
    let near: Vec<Vec<(u32, f32)>> = found.into_iter().map(|f| f.0).collect();
    // A copy's cosine to its twins: the sum the index would make, in the same order.
    let self_cosine: Vec<f32> = distinct
        .iter()
        .map(|r| r.data().iter().fold(0f32, |s, &w| s + w * w).min(1.0))
        .collect();
    let graph: Graph = if distinct.len() == rows.len() {
        // No copies: distinct rows are the sentences, in order.
        near
    } else {
        // Each distinct row's neighbours are consumed as its sentences' rows are made, so
        // the two graphs are never both held whole.
        let made: Vec<Vec<Placed>> = near
            .into_par_iter()
            .enumerate()
            .map(|(c, row)| expand(c as u32, row, &copies, &self_cosine, floor, exact, weak_cap))
            .collect();
        let mut graph: Graph = vec![Vec::new(); rows.len()];
        for (i, row) in made.into_iter().flatten() {
            graph[i as usize] = row;
        }
        graph
    };
    let work = Work {
        rows: rows.len(),
        distinct: distinct.len(),
        capped,
        scored,
        max_scored,
        edges: graph.iter().map(Vec::len).sum(),
    };
    (graph, work)
}

/// A sentence and its neighbours, made from its distinct row's.
type Placed = (u32, Vec<(u32, f32)>);

/// Sentences grouped by identical rows, distinct rows numbered in order of first sentence;
/// held flat (one array of sentences, each distinct row's a range of it).
struct Copies {
    /// Where each distinct row's sentences begin in `sentences` (one more entry at the end).
    start: Vec<u32>,
    /// Every sentence, by distinct row, each row's in index order.
    sentences: Vec<u32>,
}

impl Copies {
    fn of(rows: &[Row]) -> Copies {
        let mut ids: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut id_of: Vec<u32> = Vec::with_capacity(rows.len());
        let mut count: Vec<u32> = Vec::new();
        for r in rows {
            let key: Vec<u32> = r
                .indices()
                .iter()
                .map(|&t| t as u32)
                .chain(r.data().iter().map(|w| w.to_bits()))
                .collect();
            let c = *ids.entry(key).or_insert_with(|| {
                count.push(0);
                (count.len() - 1) as u32
            });
            count[c as usize] += 1;
            id_of.push(c);
        }
        let mut start = Vec::with_capacity(count.len() + 1);
        start.push(0u32);
        for &k in &count {
            start.push(start[start.len() - 1] + k);
        }
        // Sentences in index order land in index order within their row's range.
        let mut next = start.clone();
        let mut sentences = vec![0u32; rows.len()];
        for (i, &c) in id_of.iter().enumerate() {
            sentences[next[c as usize] as usize] = i as u32;
            next[c as usize] += 1;
        }
        Copies { start, sentences }
    }

    /// Distinct rows.
    fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// Distinct row `c`'s sentences, in index order.
    fn members(&self, c: u32) -> &[u32] {
        &self.sentences[self.start[c as usize] as usize..self.start[c as usize + 1] as usize]
    }

    /// How many sentences distinct row `c` stands for.
    fn count(&self, c: u32) -> usize {
        (self.start[c as usize + 1] - self.start[c as usize]) as usize
    }
}

/// Orders neighbours most similar first, ties by index.
fn best_first(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The neighbours found for one row, before the caps: at or above `exact` (`strong`) and
/// below it (`weak`), each in the order found. Reused from row to row.
#[derive(Default)]
struct Unkept {
    strong: Vec<(u32, f32)>,
    weak: Vec<(u32, f32)>,
}

impl Unkept {
    /// Keeps at most `MAX_DUPLICATES` strong and `weak_cap` weak neighbours (the most
    /// similar, ties by index) and returns them in index order, at their exact length; the
    /// buffers are left empty for the next row.
    fn cap(&mut self, weak_cap: usize) -> Vec<(u32, f32)> {
        for (part, keep) in [
            (&mut self.strong, MAX_DUPLICATES),
            (&mut self.weak, weak_cap),
        ] {
            if part.len() > keep {
                part.select_nth_unstable_by(keep, best_first);
                part.truncate(keep);
            }
        }
        let mut out = Vec::with_capacity(self.strong.len() + self.weak.len());
        out.append(&mut self.strong);
        out.append(&mut self.weak);
        out.sort_unstable_by_key(|e| e.0);
        out
    }
}

/// A distinct row's neighbours, whether its candidates were capped, and the cosines computed.
type Found = (Vec<(u32, f32)>, bool, usize);

/// Each distinct row's neighbours among the distinct rows (capped), whether its candidates
/// were capped, and how many cosines it computed.
fn distinct_graph(
    rows: &[&Row],
    weight: &[usize],
    floor: f32,
    exact: f32,
    weak_cap: usize,
) -> Vec<Found> {
    let n_terms = rows.first().map_or(0, |r| r.dim());
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    // Sentences carrying each term (copies counted): what makes a term ubiquitous.
    let mut carried = vec![0usize; n_terms];
    for (i, r) in rows.iter().enumerate() {
        for (t, &w) in r.iter() {
            postings[t].push((i as u32, w));
            carried[t] += weight[i];
        }
    }
    let ubiquitous_term = |t: usize| carried[t] > MAX_POSTINGS;
    // Each row's norm over the ubiquitous terms.
    let ubiquitous: Vec<f32> = rows
        .iter()
        .map(|r| {
            r.iter()
                .filter(|(t, _)| ubiquitous_term(*t))
                .map(|(_, &w)| w * w)
                .sum::<f32>()
                .sqrt()
        })
        .collect();
    rows.par_iter()
        .enumerate()
        .map_init(
            || {
                let acc = vec![0f32; rows.len()];
                (acc, Vec::<u32>::new(), Vec::<f32>::new(), Unkept::default())
            },
            |(acc, touched, dense, out), (i, r)| {
                let skip = skipped(r, &carried, exact);
                let skipped_norm2: f32 = skip.iter().map(|&(_, w)| w * w).sum();
                // The postings the walk would visit: past MAX_WALK, the capped candidates.
                let walk: usize = r
                    .iter()
                    .filter(|(t, _)| !skip.iter().any(|s| s.0 == *t))
                    .map(|(t, _)| postings[t].len())
                    .sum();
                let capped = walk > MAX_WALK;
                if !capped {
                    for (t, &w) in r.iter() {
                        if skip.iter().any(|s| s.0 == t) {
                            continue;
                        }
                        for &(j, v) in &postings[t] {
                            if acc[j as usize] == 0.0 {
                                touched.push(j);
                            }
                            acc[j as usize] += w * v;
                        }
                    }
                }
                // Exact cosines are gathered against the row scattered once: the same sum, in
                // term order, as a sparse dot (a term the other row lacks adds +0).
                dense.resize(n_terms, 0.0);
                for (t, &w) in r.iter() {
                    dense[t] = w;
                }
                let exact_cosine = |j: u32| {
                    rows[j as usize]
                        .iter()
                        .fold(0f32, |s, (t, &v)| s + dense[t] * v)
                };
                if capped {
                    rarest_candidates(r, &postings, acc, touched);
                    for &j in touched.iter() {
                        acc[j as usize] = exact_cosine(j);
                    }
                }
                for &j in touched.iter() {
                    let partial = acc[j as usize];
                    acc[j as usize] = 0.0;
                    if j as usize == i {
                        continue;
                    }
                    // The skipped terms add at most |skipped part| * |j's ubiquitous part|.
                    let s = if !capped
                        && !skip.is_empty()
                        && partial + skipped_norm2.sqrt() * ubiquitous[j as usize] >= exact
                    {
                        exact_cosine(j)
                    } else {
                        partial
                    };
                    if s >= exact {
                        out.strong.push((j, s.min(1.0)));
                    } else if s >= floor {
                        out.weak.push((j, s.min(1.0)));
                    }
                }
                for (t, _) in r.iter() {
                    dense[t] = 0.0;
                }
                let scored = touched.len();
                touched.clear();
                (out.cap(weak_cap), capped, scored)
            },
        )
        .collect()
}

/// The ubiquitous terms a row may leave out (most frequent first) while the part skipped has
/// norm below `exact`.
fn skipped(r: &Row, carried: &[usize], exact: f32) -> Vec<(usize, f32)> {
    let mut frequent: Vec<(usize, f32)> = r
        .iter()
        .filter(|(t, _)| carried[*t] > MAX_POSTINGS)
        .map(|(t, &w)| (t, w))
        .collect();
    frequent.sort_by(|a, b| carried[b.0].cmp(&carried[a.0]).then(a.0.cmp(&b.0)));
    let mut norm2 = 0f32;
    let mut skip = Vec::new();
    for (t, w) in frequent {
        if norm2 + w * w >= exact * exact {
            break;
        }
        norm2 += w * w;
        skip.push((t, w));
    }
    skip
}

/// Fills the empty `touched` with the first [`MAX_CANDIDATES`] rows met walking the row's terms
/// rarest first (ties by term), each marked in `acc` (their cosine is then computed exactly).
fn rarest_candidates(
    r: &Row,
    postings: &[Vec<(u32, f32)>],
    acc: &mut [f32],
    touched: &mut Vec<u32>,
) {
    for &j in touched.iter() {
        acc[j as usize] = 0.0;
    }
    touched.clear();
    let mut terms: Vec<usize> = r.indices().to_vec();
    terms.sort_by_key(|&t| (postings[t].len(), t));
    'walk: for t in terms {
        for &(j, _) in &postings[t] {
            if acc[j as usize] == 0.0 {
                if touched.len() == MAX_CANDIDATES {
                    break 'walk;
                }
                acc[j as usize] = 1.0;
                touched.push(j);
            }
        }
    }
}

/// Appends to `out` the sentences of the rows of `part` (`total` sentences in all), most
/// similar rows first (ties by the lower row), at most `limit`: the same as walking `part` in
/// that order until `limit` are taken, but only the rows that may fall past the cap are
/// ordered. Each row stands for at least one sentence, so when `excess = total - limit` the
/// cut lies among the `excess` least similar rows; every row before them is taken whole.
fn take_best(
    part: &mut [(u32, f32)],
    total: usize,
    limit: usize,
    copies: &Copies,
    out: &mut Vec<(u32, f32)>,
) {
    let expand = |out: &mut Vec<(u32, f32)>, &(d, s): &(u32, f32)| {
        out.extend(copies.members(d).iter().map(|&j| (j, s)));
    };
    if total <= limit {
        part.iter().for_each(|e| expand(out, e));
        return;
    }
    // At least one row is past the cut (total > limit), so `head < part.len()`.
    let head = part.len() - (total - limit).min(part.len());
    if head > 0 {
        part.select_nth_unstable_by(head, best_first);
    }
    let (whole, rest) = part.split_at_mut(head);
    let mut taken: usize = whole.iter().map(|e| copies.count(e.0)).sum();
    whole.iter().for_each(|e| expand(out, e));
    rest.sort_unstable_by(best_first);
    for &(d, s) in rest.iter() {
        for &j in copies.members(d) {
            if taken == limit {
                return;
            }
            out.push((j, s));
            taken += 1;
        }
    }
}

/// The neighbours of distinct row `c`'s sentences `(sentence, neighbours)` from the row's own
/// (`near`, consumed): its copies at the self-cosine, then the sentences of each neighbouring
/// row, most similar rows first, taken while the caps allow.
fn expand(
    c: u32,
    mut near: Vec<(u32, f32)>,
    copies: &Copies,
    self_cosine: &[f32],
    floor: f32,
    exact: f32,
    weak_cap: usize,
) -> Vec<Placed> {
    let own = copies.members(c);
    if own.len() == 1 {
        let (mut strong, mut weak) = (0, 0);
        for &(d, s) in &near {
            *(if s >= exact { &mut strong } else { &mut weak }) += copies.count(d);
        }
        if strong + weak == near.len() {
            // No copies around: the distinct row's neighbours are the sentence's.
            for e in near.iter_mut() {
                e.0 = copies.members(e.0)[0];
            }
            return vec![(own[0], near)];
        }
        // Each part's rows, most similar first, give sentences while the part's cap allows:
        // only the rows past the cap need ordering.
        let (mut near_strong, mut near_weak): (Vec<_>, Vec<_>) =
            near.into_iter().partition(|e| e.1 >= exact);
        let mut out: Vec<(u32, f32)> =
            Vec::with_capacity(strong.min(MAX_DUPLICATES) + weak.min(weak_cap));
        for (part, total, limit) in [
            (&mut near_strong, strong, MAX_DUPLICATES),
            (&mut near_weak, weak, weak_cap),
        ] {
            take_best(part, total, limit, copies, &mut out);
        }
        // Nearly in order already (distinct rows are numbered by their first sentence).
        out.sort_by_key(|e| e.0);
        return vec![(own[0], out)];
    }
    if own.len() > 1 && self_cosine[c as usize] >= floor {
        near.push((c, self_cosine[c as usize]));
    }
    near.sort_unstable_by(best_first);
    own.iter()
        .map(|&i| {
            let (mut strong, mut weak) = (0, 0);
            let mut out = Vec::new();
            for &(d, s) in &near {
                let quota = if s >= exact { &mut strong } else { &mut weak };
                let limit = if s >= exact { MAX_DUPLICATES } else { weak_cap };
                for &j in copies.members(d) {
                    if *quota == limit {
                        break;
                    }
                    if j != i {
                        out.push((j, s));
                        *quota += 1;
                    }
                }
            }
            out.sort_unstable_by_key(|e| e.0);
            (i, out)
        })
        .collect()
}

#[cfg(test)]
mod tests;
