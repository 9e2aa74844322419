//! Stories: group a large collection of articles into stories (one event, several outlets),
//! without comparing all pairs.
//!
//! Contract: [`group`] takes a [`Corpus`] of any size and returns every article in exactly one
//! [`Story`] (an article unlike any other is a story of one), stories ranked best first by
//! [`Story::score`], articles in id order, and the result is the same for any thread count.
//!
//! Method (documented with its thresholds in the README):
//! 1. **Vectors.** Each article is its title (counted twice) and its first [`STORY_WORDS`]
//!    words, analysed as the summarizer does (folded, stop words out, stemmed), as a unit TF-IDF
//!    vector over the collection (`(1 + ln tf) * ln((N + BACKGROUND) / df)`, see
//!    [`BACKGROUND`]). Terms are 64-bit hashes of
//!    the term strings, so there is no shared vocabulary to build.
//! 2. **Candidates.** An inverted index over the terms found in at least two articles and at
//!    most [`max_df`] of them (the ubiquitous ones link everything to everything and cost a
//!    quadratic walk). Each article accumulates dot products over its terms' posting lists and
//!    keeps its [`CANDIDATES`] best partners. Work is the sum of the capped posting lengths,
//!    near-linear in the collection.
//! 3. **Verification.** A candidate pair is linked when its full cosine reaches
//!    [`DigestOptions::link`] and the articles' dates (when both have one) are at most
//!    [`DigestOptions::window_days`] apart.
//! 4. **Grouping.** Links are taken strongest first; two groups merge only when the cosine of
//!    their summed vectors also reaches the threshold, so a chain of pairwise links (A~B, B~C)
//!    cannot glue two different stories through one broad article. Nor may a group's dated articles span more than the window: a story is an event, and
//!    a run of similar events (daily condolences, weekly match reports) is not one story.
//! 5. **Ranking.** `score = (outlets + 0.25 * (articles - outlets)) / (1 + age / 3 days)`:
//!    outlets count most, repeat articles from one outlet a little, and a story whose newest
//!    article is three days older than the collection's newest counts half. An article's outlet
//!    is its `source`, else its URL's host, else the article itself.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::config::{DigestOptions, Language};
use crate::corpus::{Corpus, DocId, SentId};
use crate::text::date::day_number;
use crate::text::tokenize::{Analyzers, words};

/// Words of an article (after its title) that go into its story vector: the lead carries the
/// event; the tail adds background shared with other stories.
pub const STORY_WORDS: usize = 120;
/// Pseudo-articles in which no term occurs, added to the collection's size in the idf
/// (`ln((N + BACKGROUND) / df)`). In a collection of ten articles, the words of a story
/// four of them tell are in 40% of it and a plain idf all but ignores them, so two reports
/// of one event look less alike than two unrelated articles' rare words make them differ;
/// the prior reads a small collection as part of a larger news stream. On thousands of
/// articles it changes nothing. (Chosen on DUC 2003 mixed and on the samples: 1, 20, 50 and
/// 100 give pairwise F1 0.52, 0.53, 0.54, 0.56.)
pub const BACKGROUND: f32 = 100.0;
/// Partners kept per article from the candidate walk before verification.
pub const CANDIDATES: usize = 20;

/// The most articles a term may appear in and still propose candidates: 1% of the
/// collection, and never fewer than 50 (so small collections use every term).
pub fn max_df(articles: usize) -> usize {
    (articles / 100).max(50)
}

/// One story: articles about one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Its articles, in id order.
    pub documents: Vec<DocId>,
    /// Distinct outlets among them, sorted.
    pub outlets: Vec<String>,
    /// The newest article's date (`YYYY-MM-DD`), when any is dated.
    pub newest: Option<String>,
    /// The ranking score (see the module docs).
    pub score: f32,
}

/// A unit TF-IDF vector: `(term hash, weight)`, sorted by hash.
pub type Vector = Vec<(u64, f32)>;

fn term_hash(term: &str) -> u64 {
    // XXH3-64, a specified hash: the same on every run, thread, machine and Rust release.
    twox_hash::XxHash3_64::oneshot(term.as_bytes())
}

/// Articles per parallel task when counting terms: each task memoizes its words' terms
/// (stemming is most of the cost, and news vocabulary repeats).
const COUNT_CHUNK: usize = 256;

/// Each article's term counts `(hash, count)`, sorted by hash (in parallel).
fn term_counts<'a>(corpus: &'a Corpus, analyzers: &Analyzers) -> Vec<Vec<(u64, u32)>> {
    let ranges = corpus.document_ranges();
    let ids: Vec<usize> = (0..corpus.documents.len()).collect();
    ids.par_chunks(COUNT_CHUNK)
        .flat_map_iter(|chunk| {
            let mut memo: HashMap<(Language, &'a str), Option<u64>> = HashMap::new();
            let mut out = Vec::with_capacity(chunk.len());
            for &d in chunk {
                let doc = &corpus.documents[d];
                let a = analyzers.get(doc.language);
                let mut hash_of = |w: &'a str| {
                    *memo
                        .entry((doc.language, w))
                        .or_insert_with(|| a.term(w).map(|t| term_hash(&t)))
                };
                let mut hashes: Vec<u64> = Vec::new();
                if let Some(t) = &doc.meta.title {
                    for w in words(t) {
                        if let Some(h) = hash_of(w) {
                            hashes.push(h);
                            hashes.push(h);
                        }
                    }
                }
                let mut count = 0;
                for i in ranges[d].clone() {
                    if count >= STORY_WORDS {
                        break;
                    }
                    for w in words(corpus.raw(SentId(i as u32))) {
                        count += 1;
                        if let Some(h) = hash_of(w) {
                            hashes.push(h);
                        }
                    }
                }
                hashes.sort_unstable();
                let mut counts: Vec<(u64, u32)> = Vec::new();
                for h in hashes {
                    match counts.last_mut() {
                        Some((last, n)) if *last == h => *n += 1,
                        _ => counts.push((h, 1)),
                    }
                }
                out.push(counts);
            }
            out
        })
        .collect()
}

/// Unit TF-IDF vectors of every article, and each term's document frequency.
pub fn vectors(corpus: &Corpus, analyzers: &Analyzers) -> (Vec<Vector>, HashMap<u64, u32>) {
    let counts = term_counts(corpus, analyzers);
    let mut df: HashMap<u64, u32> = HashMap::new();
    for c in &counts {
        for &(h, _) in c {
            *df.entry(h).or_default() += 1;
        }
    }
    let n = counts.len() as f32;
    let vectors = counts
        .into_par_iter()
        .map(|c| {
            let mut v: Vector = c
                .into_iter()
                .map(|(h, tf)| {
                    let idf = ((n + BACKGROUND) / df[&h] as f32).ln();
                    (h, (1.0 + (tf as f32).ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect();
    (vectors, df)
}

/// Dot product of two hash-sorted vectors.
pub fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Verified links `(a, b, cosine)` with `a < b`, strongest first (ties by ids).
pub fn links(
    vectors: &[Vector],
    df: &HashMap<u64, u32>,
    days: &[Option<i64>],
    opts: &DigestOptions,
) -> Vec<(u32, u32, f32)> {
    let n = vectors.len();
    let cap = max_df(n) as u32;
    let mut postings: HashMap<u64, Vec<(u32, f32)>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(h, w) in v {
            let f = df[&h];
            if f >= 2 && f <= cap {
                postings.entry(h).or_default().push((i as u32, w));
            }
        }
    }
    let window = i64::from(opts.window_days);
    let mut links: Vec<(u32, u32, f32)> = vectors
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), (i, v)| {
                for &(h, w) in v {
                    if let Some(list) = postings.get(&h) {
                        for &(j, x) in list {
                            if j as usize != i {
                                if acc[j as usize] == 0.0 {
                                    touched.push(j);
                                }
                                acc[j as usize] += w * x;
                            }
                        }
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().map(|&j| (j, acc[j as usize])).collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                let by_score =
                    |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                if cands.len() > CANDIDATES {
                    cands.select_nth_unstable_by(CANDIDATES, by_score);
                    cands.truncate(CANDIDATES);
                }
                cands
                    .into_iter()
                    .filter(|&(j, _)| match (days[i], days[j as usize]) {
                        (Some(a), Some(b)) => (a - b).abs() <= window,
                        _ => true,
                    })
                    .filter_map(|(j, _)| {
                        let c = dot(v, &vectors[j as usize]);
                        (c >= opts.link).then(|| {
                            let (a, b) = if (i as u32) < j {
                                (i as u32, j)
                            } else {
                                (j, i as u32)
                            };
                            (a, b, c)
                        })
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    links.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    links.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    links
}

/// Groups of article indexes: links taken strongest first, two groups merged only when the
/// cosine of their summed vectors reaches `opts.link` and their dated articles together span
/// at most `opts.window_days`. Groups come back in order of their first article, members
/// sorted.
pub fn cluster(
    vectors: &[Vector],
    links: &[(u32, u32, f32)],
    days: &[Option<i64>],
    opts: &DigestOptions,
) -> Vec<Vec<u32>> {
    let link = opts.link;
    let window = i64::from(opts.window_days);
    // Each group's first and last day (None: no dated article yet).
    let mut span: Vec<Option<(i64, i64)>> = days.iter().map(|d| d.map(|d| (d, d))).collect();
    let n = vectors.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    // Summed vectors of the groups with more than one member, by root, and squared norms.
    let mut sums: HashMap<u32, BTreeMap<u64, f32>> = HashMap::new();
    let mut norm2: Vec<f32> = vec![1.0; n];
    let mut size: Vec<u32> = vec![1; n];
    for &(a, b, _) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra == rb {
            continue;
        }
        let merged_span = match (span[ra as usize], span[rb as usize]) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (x, y) => x.or(y),
        };
        if merged_span.is_some_and(|(first, last)| last - first > window) {
            continue;
        }
        // Dot product of the two sums, walking the smaller.
        let (small, large) = if size[ra as usize] <= size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        // Sums are kept in BTreeMaps so that every float sum runs in hash order.
        let small_sum: Vec<(u64, f32)> = match sums.remove(&small) {
            Some(m) => m.into_iter().collect(),
            None => vectors[small as usize].clone(),
        };
        let d: f32 = match sums.get(&large) {
            Some(m) => small_sum
                .iter()
                .map(|(h, w)| w * m.get(h).copied().unwrap_or(0.0))
                .sum(),
            None => dot(&small_sum, &vectors[large as usize]),
        };
        let cos = d / (norm2[small as usize] * norm2[large as usize]).sqrt();
        if cos < link {
            // Put the smaller group's sum back.
            if size[small as usize] > 1 {
                sums.insert(small, small_sum.into_iter().collect());
            }
            continue;
        }
        let entry = sums
            .entry(large)
            .or_insert_with(|| vectors[large as usize].iter().copied().collect());
        for (h, w) in small_sum {
            *entry.entry(h).or_default() += w;
        }
        norm2[large as usize] += norm2[small as usize] + 2.0 * d;
        size[large as usize] += size[small as usize];
        span[large as usize] = merged_span;
        parent[small as usize] = large;
    }
    let mut groups: HashMap<u32, Vec<u32>> = HashMap::new();
    for i in 0..n as u32 {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<u32>> = groups.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// The outlet of an article: its `source`, else its URL's host, else its name.
pub fn outlet(doc: &crate::corpus::Document) -> String {
    doc.meta.outlet_key()
}

/// Groups a corpus into ranked stories (see the module docs).
pub fn group(corpus: &Corpus, analyzers: &Analyzers, opts: &DigestOptions) -> Vec<Story> {
    let (vectors, df) = vectors(corpus, analyzers);
    let days: Vec<Option<i64>> = corpus
        .documents
        .iter()
        .map(|d| d.meta.date.as_deref().and_then(day_number))
        .collect();
    let links = links(&vectors, &df, &days, opts);
    drop(df);
    let groups = cluster(&vectors, &links, &days, opts);
    let newest_day = days.iter().flatten().max().copied();
    let mut stories: Vec<Story> = groups
        .into_iter()
        .map(|g| {
            let mut outlets: Vec<String> = g
                .iter()
                .map(|&i| outlet(&corpus.documents[i as usize]))
                .collect();
            outlets.sort();
            outlets.dedup();
            let newest = g
                .iter()
                .filter_map(|&i| {
                    let d = corpus.documents[i as usize].meta.date.as_deref()?;
                    day_number(d).zip(crate::text::date::day(d))
                })
                .max();
            let age = match (newest_day, &newest) {
                (Some(top), Some((n, _))) => (top - n) as f32,
                _ => 0.0,
            };
            let (o, a) = (outlets.len() as f32, g.len() as f32);
            Story {
                documents: g.into_iter().map(DocId).collect(),
                outlets,
                newest: newest.map(|(_, d)| d),
                score: (o + 0.25 * (a - o)) / (1.0 + age / 3.0),
            }
        })
        .collect();
    stories.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.documents[0].cmp(&b.documents[0]))
    });
    stories
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets() {
        let mut d = crate::corpus::Document::new("a", Language::English, "");
        d.meta.url = Some("https://www.Example.com:8080/x?y".into());
        assert_eq!(outlet(&d), "example.com");
        d.meta.source = Some(" Okaz ".into());
        assert_eq!(outlet(&d), "okaz");
        d.meta.source = None;
        d.meta.url = None;
        assert_eq!(outlet(&d), "article:a");
    }

    fn sorted(mut v: Vec<(u64, f32)>) -> Vec<(u64, f32)> {
        v.sort_unstable_by_key(|e| e.0);
        v
    }

    #[test]
    fn chains_do_not_glue_stories() {
        // a~b strongly, b~c strongly, but a and c share nothing: b is a broad article.
        let v = |t: &[(u64, f32)]| {
            let n = t.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            sorted(t.iter().map(|&(h, w)| (h, w / n)).collect())
        };
        let vectors = vec![
            v(&[(1, 1.0), (2, 1.0)]),
            v(&[(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)]),
            v(&[(3, 1.0), (4, 1.0)]),
        ];
        let ab = dot(&vectors[0], &vectors[1]);
        let bc = dot(&vectors[1], &vectors[2]);
        assert!(ab > 0.6 && bc > 0.6);
        let opts = |link| DigestOptions {
            link,
            ..DigestOptions::default()
        };
        let links = [(0, 1, ab), (1, 2, bc)];
        let undated = [None; 3];
        let groups = cluster(&vectors, &links, &undated, &opts(0.6));
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
        // With a looser threshold the three are one story...
        let groups = cluster(&vectors, &links, &undated, &opts(0.3));
        assert_eq!(groups, vec![vec![0, 1, 2]]);
        // ...unless together they span more than the window (pairs are 3 days apart).
        let dated = [Some(0), Some(3), Some(6)];
        let groups = cluster(&vectors, &links, &dated, &opts(0.3));
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }
}
