use std::path::{Path, PathBuf};

use super::*;
use crate::config::Config;

const STORM: [&str; 3] = [
    "A storm closed the Halloran harbour bridge on Tuesday after high winds damaged its lift \
     span. Ferries carried commuters across the bay instead. Engineers will inspect the span.",
    "The Halloran harbour bridge was closed on Tuesday after a storm damaged its lift span, \
     officials said. Ferries carried thousands of commuters across the bay.",
    "High winds damaged the lift span of the Halloran bridge on Tuesday and the state closed \
     it to traffic. Commuters took ferries across the bay while engineers looked on.",
];
const VOTE: [&str; 2] = [
    "The city council voted on Monday to raise the tax on hotel rooms by two percent. The \
     money will pay for new parks along the river, the mayor said.",
    "The city council approved a higher hotel room tax on Monday. Revenue from the tax will \
     fund parks along the river front, according to the mayor.",
];

/// A collection over two folders: plain files (one name in both folders), JSONL records with
/// outlets and dates, a bad line, a binary file and a furniture-only file.
fn collection(dir: &Path) -> Vec<PathBuf> {
    let (x, y) = (dir.join("x"), dir.join("y"));
    std::fs::create_dir_all(&x).unwrap();
    std::fs::create_dir_all(&y).unwrap();
    for (i, t) in STORM.iter().enumerate() {
        std::fs::write(x.join(format!("2024-03-05-storm{i}.txt")), t).unwrap();
    }
    std::fs::write(y.join("2024-03-05-storm0.txt"), STORM[1]).unwrap();
    let mut jsonl = String::new();
    for (i, t) in VOTE.iter().enumerate() {
        jsonl.push_str(&format!(
            "{{\"id\":\"vote\",\"title\":\"Hotel tax {i}\",\"text\":\"{t}\",\"source\":\"Outlet{i}\",\
             \"published\":\"2024-03-04\"}}\n"
        ));
    }
    jsonl.push_str("not json\n");
    std::fs::write(x.join("feed.jsonl"), jsonl).unwrap();
    std::fs::write(y.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::fs::write(y.join("share.txt"), "Share this").unwrap();
    vec![x, y]
}

/// The digest run in shards cut at `cut` (indexes into the listing), the shards in `failed`
/// failing, as the distributed run does it.
fn sharded(s: &Summarizer, paths: &[PathBuf], cut: &[usize], failed: &[usize]) -> Result<String> {
    let opts = DigestOptions::default();
    let (sources, listed) = ingest::sources(paths)?;
    let mut bounds = vec![0];
    bounds.extend_from_slice(cut);
    bounds.push(sources.len());
    let shards: Vec<&[Source]> = bounds.windows(2).map(|w| &sources[w[0]..w[1]]).collect();
    let mut corpora = Vec::new();
    let mut summaries = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        if failed.contains(&i) {
            corpora.push(Vec::new());
            summaries.push(failed_summary(shard, "the task failed"));
        } else {
            let m = s.map_shard(shard)?;
            corpora.push(m.corpus);
            summaries.push(m.summary);
        }
    }
    let summaries: Vec<&[u8]> = summaries.iter().map(Vec::as_slice).collect();
    let plan = s.reduce_shards(&encode_listed(&listed), &summaries, &opts)?;
    let mut parts: Vec<Vec<Vec<u8>>> = Vec::new();
    for (i, request) in plan.requests.iter().enumerate() {
        parts.push(if failed.contains(&i) {
            Vec::new()
        } else {
            extract(&corpora[i], request)?
        });
    }
    let mut stories = Vec::new();
    for (i, story) in plan.stories.iter().enumerate() {
        let mine: Vec<&[u8]> = plan.shards[i]
            .iter()
            .map(|&sh| parts[sh][i].as_slice())
            .collect();
        stories.push(s.brief_parts(story, &mine, &opts)?);
    }
    digest_json(&plan.head, &stories)
}

fn pretty(d: &Digest) -> String {
    serde_json::to_string_pretty(d).unwrap() + "\n"
}

#[test]
fn the_digest_in_shards_is_the_digest_to_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let paths = collection(dir.path());
    let s = Summarizer::new(Config::default().with_threads(2)).unwrap();
    let opts = DigestOptions::default();
    let (whole, _) = s.digest_paths(&paths, &opts, None, &mut |_| {}).unwrap();
    assert_eq!(whole.stories[0].articles, 4, "{whole:?}");
    assert!(whole.stories.iter().any(|st| st.articles == 2));
    assert!(whole.skipped.len() >= 3, "{:?}", whole.skipped);
    let expected = pretty(&whole);
    let n = ingest::sources(&paths).unwrap().0.len();
    for cut in [vec![], vec![1], vec![2, 4], (1..n).collect::<Vec<_>>()] {
        assert_eq!(
            sharded(&s, &paths, &cut, &[]).unwrap(),
            expected,
            "cut at {cut:?}"
        );
    }
}

#[test]
fn signatures_group_as_the_corpus_they_were_made_from() {
    let dir = tempfile::tempdir().unwrap();
    let paths = collection(dir.path());
    let s = Summarizer::new(Config::default()).unwrap();
    let corpus = s.read(&paths, &mut |_| {}).unwrap();
    let opts = DigestOptions::default();
    let from_corpus = stories::group(&corpus, &s.analyzers, &opts, &|_| {});
    // Signatures made one article at a time (as on as many machines) group the same way.
    let mut one_by_one = Vec::new();
    for d in 0..corpus.documents.len() {
        let sub = corpus.subset(&[DocId(d as u32)]);
        one_by_one.extend(stories::signatures(&sub, &s.analyzers));
    }
    assert_eq!(one_by_one, stories::signatures(&corpus, &s.analyzers));
    assert_eq!(stories::group_signatures(one_by_one, &opts), from_corpus);
    assert!(from_corpus.len() >= 2);
}

#[test]
fn a_failed_shard_is_skipped_and_the_rest_runs() {
    let dir = tempfile::tempdir().unwrap();
    let paths = collection(dir.path());
    let s = Summarizer::new(Config::default()).unwrap();
    let (sources, listed) = ingest::sources(&paths).unwrap();
    // What the single machine gives when the first two sources cannot be read.
    let mut reads: Vec<SourceRead> = sources[..2]
        .iter()
        .map(|src| SourceRead::failed(src.clone(), "the task failed"))
        .collect();
    reads.extend(s.read_sources(&sources[2..]).unwrap());
    let corpus = s.assemble(listed, reads);
    let (digest, _) = s
        .digest_corpus(&corpus, &DigestOptions::default(), None, &mut |_| {})
        .unwrap();
    let out = sharded(&s, &paths, &[2], &[0]).unwrap();
    assert_eq!(out, pretty(&digest));
    assert!(out.contains("\"reason\": \"the task failed\""));
    // Every shard failed: no document, each source named.
    match sharded(&s, &paths, &[2], &[0, 1]) {
        Err(Error::NoDocuments { skipped }) => {
            assert!(
                skipped
                    .iter()
                    .filter(|k| k.reason == "the task failed")
                    .count()
                    == sources.len()
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bytes_of_another_kind_or_cut_short_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let paths = collection(dir.path());
    let s = Summarizer::new(Config::default()).unwrap();
    let (sources, listed) = ingest::sources(&paths).unwrap();
    let m = s.map_shard(&sources).unwrap();
    let listed = encode_listed(&listed);
    let opts = DigestOptions::default();
    assert!(s.reduce_shards(&listed, &[&m.corpus], &opts).is_err());
    let cut = &m.summary[..m.summary.len() - 3];
    assert!(s.reduce_shards(&listed, &[cut], &opts).is_err());
    let plan = s.reduce_shards(&listed, &[&m.summary], &opts).unwrap();
    assert!(extract(&m.summary, &plan.requests[0]).is_err());
    assert!(digest_json(&plan.stories[0], &[]).is_err());
    // The summary carries no text (only hashes and metadata); the corpus does.
    let has = |b: &[u8], t: &str| b.windows(t.len()).any(|w| w == t.as_bytes());
    assert!(has(&m.corpus, "Ferries carried"));
    assert!(!has(&m.summary, "Ferries carried"));
    assert!(has(&m.summary, "Hotel tax 1"));
}
