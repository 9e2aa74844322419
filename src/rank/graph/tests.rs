use super::*;
use crate::rank::tfidf::{cosine, vectorize};

fn lists(v: &[&[&str]]) -> Vec<Vec<String>> {
    v.iter()
        .map(|l| l.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// Sentences of `len` words drawn from a `vocab`-word vocabulary (a fixed LCG, no rand).
fn drawn(n: usize, len: usize, vocab: usize) -> Vec<Vec<String>> {
    let mut x: u64 = 15;
    (0..n)
        .map(|_| {
            (0..len)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    format!("w{}", (x >> 33) as usize % vocab)
                })
                .collect()
        })
        .collect()
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
    // ubiquitous terms (short sentences), which must still be found at the threshold
    // (up to MAX_DUPLICATES of them, the rest copies of one another).
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
        let strong: Vec<usize> = (0..n)
            .filter(|&j| j != i && cosine(&v.rows[i], &v.rows[j]) >= 0.7)
            .collect();
        let kept = nbrs.iter().filter(|e| e.1 >= 0.7).count();
        assert_eq!(kept, strong.len().min(MAX_DUPLICATES), "{i}");
        for j in strong {
            let c = cosine(&v.rows[i], &v.rows[j]);
            if let Some(s) = found.get(&(j as u32)) {
                assert!((s - c).abs() < 1e-5, "{i}-{j} {c} {s}");
            } else {
                // Left out only past the cap, for neighbours no more similar than those kept.
                assert_eq!(kept, MAX_DUPLICATES, "{i}-{j} {c}");
                assert!(nbrs.iter().filter(|e| e.1 >= 0.7).all(|e| e.1 + 1e-6 >= c));
            }
        }
        assert!(nbrs.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(nbrs.iter().filter(|e| e.1 < 0.7).count() <= MAX_NEIGHBOURS);
    }
}

#[test]
fn copies_collapse_before_any_pairwise_work() {
    // 5,000 copies of one sentence and 5,000 of another: two distinct rows, two cosines, and
    // each sentence keeps MAX_DUPLICATES of its copies, the first ones.
    let mut owned = Vec::new();
    for i in 0..10_000 {
        owned.push(if i % 2 == 0 {
            vec!["bridge".to_string(), "storm".into(), "closed".into()]
        } else {
            vec!["bridge".to_string(), "ferry".into(), "commuters".into()]
        });
    }
    let v = vectorize(&owned);
    let (g, work) = similarity_graph_counted(&v.rows, 0.1, 0.7);
    assert_eq!(work.rows, 10_000);
    assert_eq!(work.distinct, 2);
    assert_eq!(work.capped, 0);
    assert!(work.scored <= 4, "{work:?}");
    assert!(
        work.edges <= 10_000 * (MAX_DUPLICATES + MAX_NEIGHBOURS),
        "{work:?}"
    );
    let strong: Vec<u32> = g[0].iter().filter(|e| e.1 >= 0.7).map(|e| e.0).collect();
    assert_eq!(
        strong,
        (1..=MAX_DUPLICATES as u32)
            .map(|k| 2 * k)
            .collect::<Vec<_>>()
    );
    assert!(g[9_999].iter().any(|e| e.0 == 1));
    // The two share only "bridge", found in every sentence: a weak pair through a ubiquitous
    // term alone, which the index may skip (see the module docs).
    assert!(g[0].iter().filter(|e| e.1 < 0.7).count() <= MAX_NEIGHBOURS);
}

#[test]
fn near_duplicates_from_a_small_vocabulary_are_capped() {
    // 4,000 sentences of 30 words from 20: every pair a near-duplicate, none a copy. The
    // candidates are capped per row, the near-duplicates per sentence.
    let owned = drawn(4_000, 30, 20);
    let v = vectorize(&owned);
    let (g, work) = similarity_graph_counted(&v.rows, 0.1, 0.7);
    assert_eq!(work.distinct, 4_000);
    assert!(work.capped > 0, "{work:?}");
    assert!(work.max_scored <= MAX_WALK, "{work:?}");
    assert!(work.scored < 4_000 * 4_000 / 2, "{work:?}");
    assert!(
        work.edges <= 4_000 * (MAX_DUPLICATES + MAX_NEIGHBOURS),
        "{work:?}"
    );
    for (i, nbrs) in g.iter().enumerate() {
        assert!(nbrs.iter().filter(|e| e.1 >= 0.7).count() <= MAX_DUPLICATES);
        assert!(nbrs.windows(2).all(|w| w[0].0 < w[1].0));
        for &(j, s) in nbrs {
            assert!((s - cosine(&v.rows[i], &v.rows[j as usize]).min(1.0)).abs() < 1e-5);
        }
    }
}

#[test]
fn a_cluster_below_the_caps_gets_every_pair_exactly() {
    // 300 sentences of 8 words from 200: no cap binds, every pair over the floor is there.
    let owned = drawn(300, 8, 200);
    let v = vectorize(&owned);
    let (g, work) = similarity_graph_counted(&v.rows, 0.01, 0.7);
    assert_eq!(work.capped, 0);
    for (i, nbrs) in g.iter().enumerate() {
        let want: Vec<u32> = (0..300)
            .filter(|&j| j != i && cosine(&v.rows[i], &v.rows[j]) >= 0.01)
            .map(|j| j as u32)
            .collect();
        assert_eq!(nbrs.iter().map(|e| e.0).collect::<Vec<_>>(), want, "{i}");
    }
}

#[test]
fn the_graph_does_not_depend_on_threads() {
    let owned = drawn(4_000, 30, 20);
    let v = vectorize(&owned);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| similarity_graph_counted(&v.rows, 0.1, 0.7));
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap()
        .install(|| similarity_graph_counted(&v.rows, 0.1, 0.7));
    assert_eq!(one, two);
}

/// The graph work of the real pipeline's sentences (cut, then analysed) for these articles.
fn work_of(docs: Vec<crate::RawDocument>) -> Work {
    let summarizer = crate::Summarizer::new(crate::Config::default()).unwrap();
    let corpus = summarizer.corpus(docs);
    let terms: Vec<Vec<String>> = corpus
        .sentences
        .iter()
        .map(|s| {
            let doc = &corpus.documents[s.doc.index()];
            summarizer
                .analyzers
                .get(doc.language)
                .terms(&doc.text[s.span.clone()])
        })
        .collect();
    let v = vectorize(&terms);
    similarity_graph_counted(&v.rows, 0.1, 0.7).1
}

#[test]
fn regression_pathological_inputs_do_linear_graph_work() {
    // The cost cases of scripts/pathological.py at test size, cut and analysed for real.
    let sentence =
        "The minister said on Tuesday that the bridge would reopen to traffic within a week. ";
    let copies = work_of(vec![crate::RawDocument::new("a", sentence.repeat(5_000))]);
    assert_eq!(copies.rows, 5_000);
    assert_eq!(copies.distinct, 1);
    assert_eq!(copies.scored, 1);
    assert!(copies.edges <= 5_000 * MAX_DUPLICATES, "{copies:?}");

    // The 20-word vocabulary of `scripts/pathological.py`.
    const VOCABULARY: &str = "bridge harbour ferry council mayor repairs storm traffic minister week river city engineers budget contract inspection commuters report officials police";
    let words: Vec<&str> = VOCABULARY.split(' ').collect();
    let words = |v: Vec<String>| {
        v.iter()
            .map(|w| words[w[1..].parse::<usize>().unwrap()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let files: Vec<crate::RawDocument> = drawn(4_000, 29, 20)
        .into_iter()
        .enumerate()
        .map(|(i, w)| crate::RawDocument::new(format!("{i}"), format!("{}.", words(w))))
        .collect();
    let small = work_of(files);
    assert_eq!(small.rows, 4_000);
    assert!(small.capped > 0, "{small:?}");
    assert!(small.max_scored <= MAX_WALK, "{small:?}");
    assert!(
        small.edges <= 4_000 * (MAX_DUPLICATES + MAX_NEIGHBOURS),
        "{small:?}"
    );

    // 1.2 MB without punctuation: cut into sentences of at most 1,000 characters first.
    let line = words(drawn(1, 150_000, 20).remove(0));
    let long = work_of(vec![crate::RawDocument::new("line", line)]);
    assert!(long.rows >= 1_100, "{long:?}");
    assert!(long.max_scored <= MAX_WALK, "{long:?}");
    assert!(
        long.edges <= long.rows * (MAX_DUPLICATES + MAX_NEIGHBOURS),
        "{long:?}"
    );
}

/// The old expansion of one sentence's neighbours: rows most similar first, each row's
/// sentences taken while the part's cap allows.
fn walked(near: &[(u32, f32)], copies: &Copies, exact: f32) -> Vec<(u32, f32)> {
    let mut near = near.to_vec();
    near.sort_unstable_by(best_first);
    let (mut strong, mut weak) = (0, 0);
    let mut out = Vec::new();
    for &(d, s) in &near {
        let (quota, limit) = if s >= exact {
            (&mut strong, MAX_DUPLICATES)
        } else {
            (&mut weak, MAX_NEIGHBOURS)
        };
        for &j in copies.members(d) {
            if *quota == limit {
                break;
            }
            out.push((j, s));
            *quota += 1;
        }
    }
    out.sort_unstable_by_key(|e| e.0);
    out
}

#[test]
fn a_sentence_next_to_copies_keeps_the_neighbours_the_walk_in_order_would() {
    // Rows repeated 1-4 times, so that a sentence's neighbouring rows stand for more
    // sentences than the caps: the cut falls inside the least similar rows, with ties.
    let mut x: u64 = 7;
    let mut next = |m: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % m
    };
    for round in 0..40 {
        let distinct = 40 + round * 20;
        let mut owned: Vec<Vec<String>> = Vec::new();
        for d in 0..distinct {
            let copies = if d == 0 { 1 } else { 1 + next(4) };
            for _ in 0..copies {
                owned.push(vec![format!("t{d}"), format!("u{}", d % 3)]);
            }
        }
        let v = vectorize(&owned);
        let copies = Copies::of(&v.rows);
        let near: Vec<(u32, f32)> = (1..copies.len() as u32)
            .map(|d| {
                // Weights on a coarse grid, so that ties are common; some at or above 0.7.
                let s = 0.1 + next(9) as f32 / 10.0;
                (d, s)
            })
            .collect();
        let placed = expand(
            0,
            near.clone(),
            &copies,
            &[1.0; 2000],
            0.1,
            0.7,
            MAX_NEIGHBOURS,
        );
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].1, walked(&near, &copies, 0.7), "round {round}");
    }
}

#[test]
fn a_big_cluster_keeps_fewer_weak_neighbours_a_sentence() {
    assert_eq!(neighbour_cap(300), MAX_NEIGHBOURS);
    assert_eq!(neighbour_cap(16_384), MAX_NEIGHBOURS);
    assert_eq!(neighbour_cap(40_599), 103);
    assert_eq!(neighbour_cap(10_000_000), MIN_NEIGHBOURS);
    // 20,000 sentences of two words of 60 (1,830 distinct rows, each term in about 660
    // sentences): every sentence has hundreds of weak neighbours, and keeps the cap's worth.
    let owned = drawn(20_000, 2, 60);
    let v = vectorize(&owned);
    let cap = neighbour_cap(owned.len());
    assert_eq!(cap, 209);
    let g = similarity_graph(&v.rows, 0.1, 0.7);
    let weak: Vec<usize> = g
        .iter()
        .map(|nbrs| nbrs.iter().filter(|e| e.1 < 0.7).count())
        .collect();
    assert!(weak.iter().all(|&w| w <= cap));
    assert!(weak.iter().filter(|&&w| w == cap).count() > 19_000);
}
