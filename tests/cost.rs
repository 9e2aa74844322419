//! The cost cases of issue 15 through the real binary, at CI size: exact copies, near-copies
//! from a small vocabulary, and a long line without punctuation. Each checks what is kept
//! (sentences, sources, support) and that 1 and 2 threads give the same bytes; the counts of
//! graph work for the same shapes are unit tests in `rank::graph`, the timings
//! `scripts/pathological.py` (docs/reliability.md).

use crate::util::*;

const SENTENCE: &str = "The minister said on Tuesday that the bridge would reopen to traffic within a week after repairs. ";
/// The 20-word vocabulary of `scripts/pathological.py`: every pair of sentences drawn from it
/// is a near-duplicate.
const VOCABULARY: &str = "bridge harbour ferry council mayor repairs storm traffic minister week river city engineers budget contract inspection commuters report officials police";

/// `n` words drawn from [`VOCABULARY`] (a fixed LCG, so every run writes the same text).
fn drawn(x: &mut u64, n: usize) -> String {
    let words: Vec<&str> = VOCABULARY.split(' ').collect();
    (0..n)
        .map(|_| {
            *x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            words[(*x >> 33) as usize % words.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `summarize --format json` of `path` in `budget` with 1 and 2 threads: the bytes agree; the
/// parsed JSON.
fn summarize_both(path: &str, budget: [&str; 2]) -> serde_json::Value {
    let args = |t: &'static str| {
        vec![
            "summarize",
            path,
            budget[0],
            budget[1],
            "--format",
            "json",
            "--threads",
            t,
        ]
    };
    let (code, one, err) = run(&args("1"), None);
    assert_eq!(code, 0, "{err}");
    let (code, two, err) = run(&args("2"), None);
    assert_eq!(code, 0, "{err}");
    assert!(one == two, "1 and 2 threads differ");
    serde_json::from_str(&one).unwrap()
}

#[test]
fn regression_a_sentence_repeated_20000_times_is_one_fact_with_every_copy() {
    // Was quadratic: 20,000 copies took 28 s and 3.3 GB (every pair in the graph).
    let dir = tempdir();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, SENTENCE.repeat(20_000)).unwrap();
    let b = summarize_both(s(&f), ["--words", "100"]);
    let sentences = b["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1, "{sentences:?}");
    assert_eq!(sentences[0]["sources"].as_array().unwrap().len(), 20_000);
    assert_eq!(sentences[0]["support"], 1);
}

#[test]
fn regression_small_files_from_a_small_vocabulary_are_summarized() {
    // Was quadratic: every pair a near-duplicate (20,000 files: 57 s, 2.7 GB).
    let dir = tempdir();
    let mut x = 15;
    for i in 0..2_000 {
        let text = format!("{}.\n", drawn(&mut x, 29));
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let b = summarize_both(s(dir.path()), ["--words", "100"]);
    assert_eq!(b["documents"].as_array().unwrap().len(), 2_000);
    let sentences = b["sentences"].as_array().unwrap();
    assert!(!sentences.is_empty());
    assert!(b["budget"]["used"].as_u64().unwrap() <= 100);
    // Every source is one file's only sentence, listed once.
    let mut sources: Vec<&str> = sentences
        .iter()
        .flat_map(|st| st["sources"].as_array().unwrap())
        .map(|r| r["document"].as_str().unwrap())
        .collect();
    let all = sources.len();
    sources.sort_unstable();
    sources.dedup();
    assert_eq!(sources.len(), all);
}

#[test]
fn regression_a_long_line_without_punctuation_is_cut_and_summarized() {
    // 1.2 MB on one line: cut into "sentences" of at most 1,000 characters, over 1,000 of
    // them near-duplicates of one another (8 MB took 6.2 s and 709 MB).
    let dir = tempdir();
    let f = dir.path().join("line.txt");
    let mut x = 7;
    let mut text = String::new();
    while text.len() < 1_200_000 {
        text.push_str(&drawn(&mut x, 50));
        text.push(' ');
    }
    std::fs::write(&f, text.trim_end()).unwrap();
    // Each "sentence" is about 150 words: a budget in sentences.
    let b = summarize_both(s(&f), ["--sentences", "2"]);
    let sentences = b["sentences"].as_array().unwrap();
    // From a 20-word vocabulary every piece is a near-duplicate of every other: one is shown.
    assert_eq!(sentences.len(), 1);
    assert!(sentences[0]["sources"].as_array().unwrap().len() > 1);
    for st in sentences {
        assert!(st["text"].as_str().unwrap().chars().count() <= 1_000);
    }
}
