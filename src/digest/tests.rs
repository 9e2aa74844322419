//! Unit tests of the digest: continuing stories recognised by their centroids.

use super::*;
use crate::pipeline::GroupStep;
use crate::{Config, RawDocument};

const AR: [&str; 5] = [
    include_str!("../../samples/coalition-ar/000_6932063679f223f1.txt"),
    include_str!("../../samples/coalition-ar/001_a50affca2d2a37bf.txt"),
    include_str!("../../samples/coalition-ar/002_10af318116455e59.txt"),
    include_str!("../../samples/coalition-ar/003_9c958cb527e5a0b5.txt"),
    include_str!("../../samples/coalition-ar/004_6f2a7d5983d4bb03.txt"),
];

const LIBRARY: &str = "The city council approved a new budget for public libraries on Monday. \
    The plan adds evening hours at six branches and hires twelve librarians. Council members \
    voted seven to two in favour of the measure after a long debate.";

fn digest(summarizer: &Summarizer, docs: Vec<RawDocument>, since: Option<&Sent>) -> Digest {
    let corpus = summarizer.corpus(docs);
    let opts = DigestOptions::default();
    summarizer
        .digest_corpus(&corpus, &opts, since, &mut |_| {})
        .expect("digest")
        .0
}

fn story_with<'a>(d: &'a Digest, id: &str) -> &'a StoryBriefing {
    d.stories
        .iter()
        .find(|s| s.briefing.documents.iter().any(|x| x.meta.id == id))
        .expect("a story with the article")
}

fn centroid_of(s: &StoryBriefing) -> Vec<(u64, f32)> {
    s.centroid
        .iter()
        .map(|(h, w)| (u64::from_str_radix(h, 16).expect("hex"), *w as f32))
        .collect()
}

#[test]
fn since_recognises_a_story_told_again_in_other_words_by_its_centroid() {
    // Day 1: the three earlier Arabic reports of the coalition against ISIS. Day 2: the two
    // later ones (other ministers, other words: few terms shared) and an unrelated story.
    let summarizer = Summarizer::new(Config::default().with_threads(1)).expect("summarizer");
    let day1: Vec<RawDocument> = (0..3)
        .map(|i| RawDocument::new(format!("ar{i}"), AR[i]))
        .collect();
    let first = digest(&summarizer, day1, None);
    let json = serde_json::to_string(&first).expect("json");
    let sent = Sent::from_json(&json, &summarizer.analyzers).expect("a digest");
    let earlier = story_with(&first, "ar0");
    assert!(!earlier.centroid.is_empty());
    assert!(earlier.centroid.len() <= stories::CENTROID_KEEP);

    let day2 = vec![
        RawDocument::new("ar3", AR[3]),
        RawDocument::new("ar4", AR[4]),
        RawDocument::new("library", LIBRARY),
    ];
    let plain = digest(&summarizer, day2.clone(), None);
    let later = story_with(&plain, "ar3");
    // The words of the two days' briefings overlap too little for the term test...
    let mut text = later.briefing.title.clone().unwrap_or_default();
    for s in &later.briefing.sentences {
        text.push('\n');
        text.push_str(&s.text);
    }
    let arabic = summarizer.analyzers.get(crate::config::Language::Arabic);
    assert_eq!(
        sent.similar_story(&text, arabic),
        None,
        "the fixture must defeat the term overlap for the test to mean anything"
    );
    // ...but their centroids agree, and the unrelated story's does not.
    let at = first.stories.iter().position(|s| std::ptr::eq(s, earlier));
    assert_eq!(sent.similar_centroid(&centroid_of(later)), at);
    let library = story_with(&plain, "library");
    assert_eq!(sent.similar_centroid(&centroid_of(library)), None);

    // In the digest itself: the later story is marked an update, the new one is not.
    let next = digest(&summarizer, day2, Some(&sent));
    assert_eq!(story_with(&next, "ar3").update_of, earlier.headline);
    assert_eq!(story_with(&next, "library").update_of, None);
}

#[test]
fn a_digest_without_centroids_is_still_read() {
    let json =
        r#"{"stories": [{"headline": "h", "briefing": {"sentences": [], "documents": []}}]}"#;
    let sent = Sent::from_json(json, &crate::text::tokenize::Analyzers::default()).unwrap();
    assert!(sent.stories[0].centroid.is_empty());
    assert_eq!(sent.similar_centroid(&[(1, 1.0)]), None);
}

#[test]
fn centroids_are_unit_heaviest_first_and_the_same_for_any_input_order() {
    let summarizer = Summarizer::new(Config::default().with_threads(1)).expect("summarizer");
    let docs: Vec<RawDocument> = (0..5)
        .map(|i| RawDocument::new(format!("ar{i}"), AR[i]))
        .collect();
    let forward = digest(&summarizer, docs.clone(), None);
    let back = digest(&summarizer, docs.into_iter().rev().collect(), None);
    let c = &story_with(&forward, "ar0").centroid;
    assert_eq!(c, &story_with(&back, "ar0").centroid);
    let norm: f64 = c.iter().map(|(_, w)| w * w).sum();
    assert!((norm - 1.0).abs() < 1e-3, "{norm}");
    assert!(c.windows(2).all(|p| p[0].1 >= p[1].1), "{c:?}");
    assert!(c.iter().all(|(h, _)| h.len() == 16));
}

#[test]
fn progress_names_every_stage_in_order() {
    // Reading (bytes of the files), each step of grouping in order (the terms step counting
    // articles up to all of them), then briefing (stories up to the number briefed).
    let summarizer = Summarizer::new(Config::default().with_threads(2)).expect("summarizer");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/coalition-ar");
    let mut seen = Vec::new();
    let (digest, _) = summarizer
        .digest_paths(&[dir], &DigestOptions::default(), None, &mut |p| {
            seen.push(p)
        })
        .expect("digest");
    let stage = |p: &Progress| match p {
        Progress::Reading { .. } => 0,
        Progress::Grouping { step, .. } => 1 + *step as usize,
        Progress::Briefing { .. } => 9,
        Progress::Ranking { .. } => 99,
    };
    let stages: Vec<usize> = seen.iter().map(stage).collect();
    assert!(stages.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    let mut distinct = stages.clone();
    distinct.dedup();
    assert_eq!(distinct, [0, 1, 2, 3, 4, 9], "{seen:?}");
    assert!(seen.contains(&Progress::Grouping {
        step: GroupStep::Terms,
        done: 5,
        total: 5
    }));
    let briefed = digest.stories.len();
    assert_eq!(
        seen.last(),
        Some(&Progress::Briefing {
            done: briefed,
            total: briefed
        })
    );
    assert!(matches!(seen[0], Progress::Reading { .. }));
}
