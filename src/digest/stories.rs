//! Stories: group a large collection of articles into stories (one event or developing topic,
//! across outlets and days), without comparing all pairs.
//!
//! Contract: [`group`] takes a [`Corpus`] of any size and returns every article in exactly one
//! [`Story`] (an article unlike any other is a story of one), stories ranked best first by
//! [`Story::score`], articles in id order, and the result is the same for any thread count and
//! any order of the input (ties are broken by a hash of each article's text, never by its
//! position). No std `DefaultHasher` is used: terms are hashed with XXH3, a specified hash.
//!
//! Method (the thresholds, and the piles they were chosen on, are in `docs/stories.md`):
//! 1. **Terms.** Each article is its title (counted twice) and its first [`STORY_WORDS`]
//!    words, analysed as the summarizer does (folded, stop words out, stemmed); terms are
//!    64-bit XXH3 hashes of the term strings, so there is no shared vocabulary to build.
//! 2. **Copies.** Near-copies are found with MinHash sketches of the articles' term sets
//!    ([`sketch`]) and verified by their term overlap; every set of copies is one *unit*,
//!    however many copies there are and whatever their dates. Copies count once from here on
//!    (in the document frequencies as in the grouping), so that 200 copies of one wire story
//!    neither make its words look common nor make 200 stories.
//! 3. **Vectors.** Each unit is a unit TF-IDF vector (`(1 + ln tf) * ln((N + BACKGROUND) /
//!    df)` over the N units, see [`BACKGROUND`]).
//! 4. **Grouping** ([`agglomerate`]): average-link agglomerative clustering over a sparse
//!    candidate graph. Candidates are each unit's [`CANDIDATES`] best partners found through
//!    an inverted index of the terms that are neither unique nor ubiquitous ([`max_df`]), so
//!    the work stays near-linear. Stories are merged best pair first while the mean cosine
//!    between their articles, times the time decay of the gap between them, reaches
//!    [`DigestOptions::link`]: a story is compared through its centroid (the sum of its
//!    vectors), never through a single link, so one broad article cannot chain two stories.
//!    When no pair is left, a second pass finds candidates between the stories' centroids
//!    (stories whose articles never met in the first candidate lists) and merges again.
//! 5. **Headline.** A story's headline is the title of its most central article (the one
//!    closest to the story's centroid), not of its first. Its centroid's heaviest terms are
//!    kept ([`Story::centroid`]) for the next digest's `--since`.
//! 6. **Ranking.** `score = (outlets + 0.25 * (articles - outlets)) / (1 + age / 3 days)`:
//!    outlets count most, repeat articles from one outlet a little, and a story whose newest
//!    article is three days older than the collection's newest counts half. An article's outlet
//!    is its `source`, else its URL's host, else the article itself.

pub mod agglomerate;
pub mod rank;
pub mod rows;
pub mod sketch;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use crate::config::DigestOptions;
use crate::corpus::{Corpus, DocId, SentId};
use crate::pipeline::{GroupStep, Progress, Report};
use crate::text::tokenize::{Analyzers, PassThrough, TermMemo, words};
use rows::{Rows, RowsBuilder};

/// Words of an article (after its title) that go into its story vector: the lead carries the
/// event and enough of the topic's vocabulary to find its follow-ups.
pub const STORY_WORDS: usize = 250;
/// Pseudo-articles in which no term occurs, added to the collection's size in the idf
/// (`ln((N + BACKGROUND) / df)`). In a collection of ten articles, the words of a story four of
/// them tell are in 40% of it and a plain idf all but ignores them; the prior reads a small
/// collection as part of a larger news stream. On thousands of articles it changes nothing.
pub const BACKGROUND: f32 = 100.0;
/// Terms of a story's centroid kept for the next digest ([`Story::centroid`]): enough to
/// recognise the story told again in other words, few enough to keep the JSON small.
pub const CENTROID_KEEP: usize = 24;
/// Partners each unit (and, in the second pass, each story) keeps from the candidate walk.
pub const CANDIDATES: usize = 20;

/// The most units a term may appear in and still propose candidates: 1% of the collection,
/// and never fewer than 50 (so small collections use every term). Such terms still count in
/// every cosine; they only do not propose partners.
pub fn max_df(units: usize) -> usize {
    (units / 100).max(50)
}

/// One story: articles about one event or developing topic.
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
    /// The title of its most central article (closest to the story's centroid) among those
    /// that have one.
    pub headline: Option<String>,
    /// Its centroid's [`CENTROID_KEEP`] heaviest terms `(term hash, weight)`, of unit length,
    /// heaviest first (ties by hash): what `--since` compares the next digest's stories with.
    pub centroid: Vec<(u64, f32)>,
}

/// A sparse vector: `(term id, weight)`, sorted by id. Term ids ([`term_ids`]) depend only on
/// the collection's contents (not on its order), so every sum and tie taken in id order is the
/// same on every run; ids index dense arrays (a vector is scored against a story by looking
/// its terms up, not by merging two lists).
pub type Vector = Vec<(u32, f32)>;

/// Every article's [`Vector`], held flat (exact copies share one, see [`rows`]).
pub type Vectors = Rows<(u32, f32)>;

/// The XXH3 (64-bit) hash of a term: the same on every machine, run and thread.
pub fn term_hash(term: &str) -> u64 {
    twox_hash::XxHash3_64::oneshot(term.as_bytes())
}

/// Articles per parallel task when counting terms: each task memoizes its words' terms
/// (stemming is most of the cost, and news vocabulary repeats).
const COUNT_CHUNK: usize = 2048;
/// Articles counted between two appends to the flat counts ([`term_rows`]): only one batch
/// of counts is ever held as separate lists.
const COUNT_BATCH: usize = 8 * COUNT_CHUNK;

/// The term counts `(hash, count)`, sorted by hash, of the articles `ids` (one task).
fn count_chunk<'a>(
    corpus: &'a Corpus,
    analyzers: &Analyzers,
    ranges: &[std::ops::Range<usize>],
    ids: &[usize],
) -> Vec<Vec<(u64, u32)>> {
    let mut memo = TermMemo::new(analyzers, |t: String| term_hash(&t));
    let mut out = Vec::with_capacity(ids.len());
    for &d in ids {
        let doc = &corpus.documents[d];
        let mut hash_of = |w: &'a str| memo.term(doc.language, w);
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
        // Exactly as many entries as distinct terms.
        let distinct = 1 + hashes.windows(2).filter(|w| w[0] != w[1]).count();
        let mut counts: Vec<(u64, u32)> =
            Vec::with_capacity(if hashes.is_empty() { 0 } else { distinct });
        for h in hashes {
            match counts.last_mut() {
                Some((last, n)) if *last == h => *n += 1,
                _ => counts.push((h, 1)),
            }
        }
        out.push(counts);
    }
    out
}

/// Each article's term counts `(hash, count)`, sorted by hash (in parallel).
pub fn term_counts(corpus: &Corpus, analyzers: &Analyzers) -> Vec<Vec<(u64, u32)>> {
    let ranges = corpus.document_ranges();
    let ids: Vec<usize> = (0..corpus.documents.len()).collect();
    ids.par_chunks(COUNT_CHUNK)
        .flat_map_iter(|chunk| count_chunk(corpus, analyzers, &ranges, chunk))
        .collect()
}

/// Each article's term counts ([`term_counts`]) held flat, exact copies sharing one row: the
/// articles are counted `COUNT_BATCH` at a time (in parallel) and each batch is appended.
pub fn term_rows(corpus: &Corpus, analyzers: &Analyzers, report: &Report) -> Rows<(u64, u32)> {
    let ranges = corpus.document_ranges();
    let ids: Vec<usize> = (0..corpus.documents.len()).collect();
    let mut rows = RowsBuilder::new();
    let terms = |done: usize| Progress::Grouping {
        step: GroupStep::Terms,
        done,
        total: ids.len(),
    };
    for (b, batch) in ids.chunks(COUNT_BATCH).enumerate() {
        report(terms(b * COUNT_BATCH));
        let counts: Vec<Vec<(u64, u32)>> = batch
            .par_chunks(COUNT_CHUNK)
            .flat_map_iter(|chunk| count_chunk(corpus, analyzers, &ranges, chunk))
            .collect();
        for c in counts {
            rows.push(&c, rows::fingerprint(&c));
        }
    }
    report(terms(ids.len()));
    rows.finish()
}

/// The report of a grouping step that does not count its work.
pub(crate) fn step(step: GroupStep) -> Progress {
    Progress::Grouping {
        step,
        done: 0,
        total: 0,
    }
}

/// A map keyed by term hash.
pub type TermMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// Term counts by term id, sorted by id (see [`Vector`]), and the hash of each id (as many as
/// there are distinct terms). Ids number the terms from the most frequent (in most articles;
/// ties by hash), so that the terms most looked up share a few cache lines of every dense
/// array indexed by id. The counts by hash are consumed (freed once the ids are made).
pub fn term_ids(counts: Rows<(u64, u32)>) -> (Rows<(u32, u32)>, Vec<u64>) {
    let mut df: TermMap<u32> = TermMap::default();
    for (r, m) in counts.multiplicity().into_iter().enumerate() {
        for &(h, _) in counts.row(r) {
            *df.entry(h).or_default() += m;
        }
    }
    let mut order: Vec<(u64, u32)> = df.iter().map(|(&h, &n)| (h, n)).collect();
    order.par_sort_unstable_by_key(|&(h, n)| (std::cmp::Reverse(n), h));
    let hashes: Vec<u64> = order.iter().map(|&(h, _)| h).collect();
    for (id, (h, _)) in order.into_iter().enumerate() {
        df.insert(h, id as u32);
    }
    let mut ids = counts.map(|(h, n)| (df[&h], n));
    ids.for_each_row(|r| r.sort_unstable_by_key(|e| e.0));
    (ids, hashes)
}

/// Unit TF-IDF vectors of term counts (by id, `vocabulary` distinct ids), the document
/// frequencies counted over `units` (the indexes of the articles that stand for a unit of
/// copies). The counts are consumed: the vectors are made in their memory.
pub fn tfidf(counts: Rows<(u32, u32)>, units: &[u32], vocabulary: usize) -> Vectors {
    let mut df = vec![0u32; vocabulary];
    for &u in units {
        for &(h, _) in counts.get(u as usize) {
            df[h as usize] += 1;
        }
    }
    let n = units.len() as f32;
    // `(u32, u32)` to `(u32, f32)`: the same layout, so the map reuses the counts' memory.
    let mut vectors = counts.map(|(h, tf)| {
        let f = df[h as usize].max(1) as f32;
        (h, (1.0 + (tf as f32).ln()) * ((n + BACKGROUND) / f).ln())
    });
    vectors.for_each_row(normalize);
    vectors
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalize(v: &mut [(u32, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// Groups of article indexes (members sorted, groups in order of their first article): the
/// whole method of the module docs but the ranking; with the articles' vectors and the hash
/// of each term id. `keys` order the articles for every tie. The counts are consumed (see
/// [`term_ids`]).
pub fn partition(
    counts: Rows<(u64, u32)>,
    keys: &[u64],
    days: &[Option<i64>],
    opts: &DigestOptions,
    report: &Report,
) -> (Vec<Vec<u32>>, Vectors, Vec<u64>) {
    report(step(GroupStep::Copies));
    let n = counts.articles();
    let rep = {
        let lists: Vec<&[(u64, u32)]> = (0..n).map(|i| counts.get(i)).collect();
        sketch::units(&lists, keys)
    };
    let units: Vec<u32> = (0..n as u32).filter(|&i| rep[i as usize] == i).collect();
    let (ids, hashes) = term_ids(counts);
    let vocabulary = hashes.len();
    let vectors = tfidf(ids, &units, vocabulary);
    let mut unit_of = vec![0u32; n];
    for (u, &r) in units.iter().enumerate() {
        unit_of[r as usize] = u as u32;
    }
    let mut spans: Vec<Option<(i64, i64)>> = vec![None; units.len()];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); units.len()];
    for i in 0..n {
        let u = unit_of[rep[i] as usize] as usize;
        members[u].push(i as u32);
        if let Some(d) = days[i] {
            spans[u] = Some(spans[u].map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
        }
    }
    drop((rep, unit_of));
    // The mean of the units' vectors: what any two articles of this collection share; the
    // collection is read as part of a larger stream (the BACKGROUND prior of the idf), so a
    // small collection that is mostly one story is not centered on that story.
    let mut mean = vec![0f32; vocabulary];
    for &r in &units {
        for &(h, w) in vectors.get(r as usize) {
            mean[h as usize] += w;
        }
    }
    let count = units.len() as f32 + BACKGROUND;
    mean.iter_mut().for_each(|w| *w /= count);
    let mean_norm2 = mean.iter().map(|w| w * w).sum();
    // Each item borrows its unit's vector; only merged clusters own their sums.
    let items: Vec<agglomerate::Item> = units
        .par_iter()
        .zip(spans)
        .zip(&members)
        .map(|((&r, span), m)| {
            let v = vectors.get(r as usize);
            agglomerate::Item {
                norm2: v.iter().map(|(_, w)| w * w).sum(),
                sum: Cow::Borrowed(v),
                size: 1.0,
                articles: m.len() as u32,
                span,
                key: keys[r as usize],
                background: v.iter().map(|&(h, w)| w * mean[h as usize]).sum(),
            }
        })
        .collect();
    drop(mean);
    let params = agglomerate::Params {
        vocabulary,
        contrast: agglomerate::CONTRAST,
        link: opts.link,
        window_days: opts.window_days as f32,
        mean_norm2,
        contrast_days: agglomerate::CONTRAST_DAYS,
    };
    report(step(GroupStep::Clustering));
    let clusters = agglomerate::cluster(items, &params);
    let mut groups: Vec<Vec<u32>> = clusters
        .into_iter()
        .map(|c| {
            let mut g: Vec<u32> = c
                .iter()
                .flat_map(|&u| members[u as usize].iter().copied())
                .collect();
            g.sort_unstable();
            g
        })
        .collect();
    groups.sort_by_key(|g| g[0]);
    (groups, vectors, hashes)
}

/// What grouping needs to know of one article, and all it needs: the grouping of a collection
/// is a function of its articles' signatures (in id order), so signatures made anywhere (one
/// shard at a time, on several machines) group exactly as the corpus they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The article's unique name (`Meta::id`): an article of unknown outlet is its own outlet.
    pub id: String,
    /// Its term counts ([`term_counts`]).
    pub counts: Vec<(u64, u32)>,
    /// The XXH3 hash of its cleaned text: the key of every tie.
    pub key: u64,
    /// Its date as given (`Meta::date`).
    pub date: Option<String>,
    /// Its outlet as written (`Meta::outlet_name`).
    pub outlet: Option<String>,
    /// Its title (`Meta::title`).
    pub title: Option<String>,
}

/// The XXH3 hash of an article's cleaned text ([`Signature::key`]).
fn text_key(text: &str) -> u64 {
    twox_hash::XxHash3_64::oneshot(text.as_bytes())
}

/// Every article's signature, in id order (in parallel).
pub fn signatures(corpus: &Corpus, analyzers: &Analyzers) -> Vec<Signature> {
    let counts = term_counts(corpus, analyzers);
    corpus
        .documents
        .par_iter()
        .zip(counts)
        .map(|(d, counts)| Signature {
            id: d.meta.id.clone(),
            counts,
            key: text_key(&d.text),
            date: d.meta.date.clone(),
            outlet: d.meta.outlet_name(),
            title: d.meta.title.clone(),
        })
        .collect()
}

/// Groups a corpus into ranked stories (see the module docs): what [`group_signatures`] makes
/// of its [`signatures`], without a copy of their metadata or a list of counts per article
/// (the counts are held flat, [`term_rows`]).
pub fn group(
    corpus: &Corpus,
    analyzers: &Analyzers,
    opts: &DigestOptions,
    report: &Report,
) -> Vec<Story> {
    let counts = term_rows(corpus, analyzers, report);
    let keys: Vec<u64> = corpus
        .documents
        .par_iter()
        .map(|d| text_key(&d.text))
        .collect();
    let outlets: Vec<Option<String>> = corpus
        .documents
        .par_iter()
        .map(|d| d.meta.outlet_name())
        .collect();
    let articles: Vec<Article> = corpus
        .documents
        .iter()
        .zip(&outlets)
        .map(|(d, outlet)| Article {
            id: &d.meta.id,
            date: d.meta.date.as_deref(),
            outlet: outlet.as_deref(),
            title: d.meta.title.as_deref(),
        })
        .collect();
    rank::stories(counts, keys, &articles, opts, report)
}

/// Groups articles, given by their signatures in id order, into ranked stories (see the
/// module docs); a story's documents are indexes into `signatures`.
pub fn group_signatures(mut signatures: Vec<Signature>, opts: &DigestOptions) -> Vec<Story> {
    let keys: Vec<u64> = signatures.iter().map(|s| s.key).collect();
    let mut counts = RowsBuilder::new();
    for s in &mut signatures {
        let c = std::mem::take(&mut s.counts);
        counts.push(&c, rows::fingerprint(&c));
    }
    let articles: Vec<Article> = signatures
        .iter()
        .map(|s| Article {
            id: &s.id,
            date: s.date.as_deref(),
            outlet: s.outlet.as_deref(),
            title: s.title.as_deref(),
        })
        .collect();
    rank::stories(counts.finish(), keys, &articles, opts, &|_| {})
}

/// What the ranking needs of an article besides its counts, borrowed from its corpus or
/// signature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Article<'a> {
    /// Its unique name.
    pub id: &'a str,
    /// Its date as given.
    pub date: Option<&'a str>,
    /// Its outlet as written.
    pub outlet: Option<&'a str>,
    /// Its title.
    pub title: Option<&'a str>,
}

#[cfg(test)]
mod tests;
