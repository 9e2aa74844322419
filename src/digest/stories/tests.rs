//! Unit tests of story grouping on synthetic piles with known stories.

use super::*;
use crate::corpus::RawDocument;
use crate::{Config, Language, Summarizer};

#[test]
fn outlets() {
    let mut d = crate::corpus::Document::new("a", Language::English, "");
    d.meta.url = Some("https://www.Example.com:8080/x?y".into());
    assert_eq!(d.meta.outlet_key(), "example.com");
    d.meta.source = Some(" Okaz ".into());
    assert_eq!(d.meta.outlet_key(), "okaz");
    d.meta.source = None;
    d.meta.url = None;
    assert_eq!(d.meta.outlet_key(), "article:a");
}

#[test]
fn term_hashes_are_xxh3() {
    // XXH3-64 of "abc" with seed 0, as published by the reference implementation.
    assert_eq!(term_hash("abc"), 0x78AF_5F94_892F_3950);
    assert_ne!(term_hash("flood"), term_hash("floods"));
}

fn raw(name: &str, title: &str, date: &str, source: &str, text: String) -> RawDocument {
    RawDocument {
        meta: crate::corpus::Meta {
            id: name.into(),
            path: format!("pile/{name}"),
            title: Some(title.into()),
            date: Some(date.into()),
            source: Some(source.into()),
            ..Default::default()
        },
        text,
    }
}

/// Stories as sets of article names, sorted.
fn grouped(docs: Vec<RawDocument>, opts: &DigestOptions) -> Vec<Vec<String>> {
    let summarizer = Summarizer::new(Config::default()).expect("summarizer");
    let corpus = summarizer.corpus(docs);
    let stories = group(&corpus, &Analyzers::default(), opts, &|_| {});
    let mut out: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut names: Vec<String> = s
                .documents
                .iter()
                .map(|d| corpus.documents[d.index()].meta.id.clone())
                .collect();
            names.sort();
            names
        })
        .collect();
    out.sort();
    out
}

/// A report of a story, written differently each time: a frame of news words every story
/// shares (about half of the words), the story's own words, and the variation `i`.
fn report(words: &[&str], i: usize) -> String {
    let pick = |k: usize| words[(i * 7 + k * 3) % words.len()];
    format!(
        "Officials said on Tuesday that the {a} near {b} had worsened, report {i}. \
         Residents told reporters the {c} and the {d} were the main concern. \
         A spokesman said more about the {e} and {a} would follow, as {f} continued. \
         The {b} authorities met again to discuss the {c} and the {g}. {own}",
        a = pick(0),
        b = pick(1),
        c = pick(2),
        d = pick(3),
        e = pick(4),
        f = pick(5),
        g = pick(6),
        own = (0..words.len())
            .map(|k| format!("The {} and the {} were seen.", pick(k), pick(k + 1)))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

const FLOOD: [&str; 10] = [
    "flood",
    "river",
    "Riverton",
    "levee",
    "rainfall",
    "evacuation",
    "sandbags",
    "dam",
    "water",
    "rescue",
];
const ELECTION: [&str; 10] = [
    "election",
    "ballot",
    "Lakeside",
    "candidate",
    "recount",
    "voters",
    "turnout",
    "mayor",
    "campaign",
    "polling",
];

#[test]
fn one_story_over_several_days_stays_one_story() {
    // Ten reports of one flood over three weeks, from four outlets, and six of an election.
    let mut docs = Vec::new();
    for i in 0..10 {
        let date = format!("2026-11-{:02}", 1 + 2 * i);
        let src = ["wire", "herald", "courier", "post"][i % 4];
        docs.push(raw(
            &format!("flood{i}"),
            "Flood news",
            &date,
            src,
            report(&FLOOD, i),
        ));
    }
    for i in 0..6 {
        let date = format!("2026-11-{:02}", 10 + i);
        docs.push(raw(
            &format!("vote{i}"),
            "Vote news",
            &date,
            "times",
            report(&ELECTION, i),
        ));
    }
    let stories = grouped(docs, &DigestOptions::default());
    assert_eq!(stories.len(), 2, "{stories:?}");
    assert_eq!(stories[0].len(), 10);
    assert!(stories[0].iter().all(|n| n.starts_with("flood")));
    assert_eq!(stories[1].len(), 6);
}

#[test]
fn two_stories_sharing_many_common_words_stay_apart() {
    // The same sentence frame (most of the words) around two different stories, on the
    // same days and from the same outlets.
    let mut docs = Vec::new();
    for i in 0..5 {
        let date = format!("2026-11-2{}", i % 2);
        for (story, words) in [("flood", &FLOOD), ("vote", &ELECTION)] {
            docs.push(raw(
                &format!("{story}{i}"),
                "News of the day",
                &date,
                ["wire", "herald"][i % 2],
                report(words, i),
            ));
        }
    }
    let stories = grouped(docs, &DigestOptions::default());
    assert_eq!(stories.len(), 2, "{stories:?}");
    for s in &stories {
        let first = s[0].trim_end_matches(char::is_numeric);
        assert!(s.iter().all(|n| n.starts_with(first)), "{stories:?}");
    }
}

#[test]
fn two_hundred_near_copies_are_one_story() {
    // One wire story re-run 200 times over a week, each copy with its own headline, one
    // changed number and a line of its own; and two other stories.
    let base = report(&FLOOD, 3);
    let mut docs = Vec::new();
    for i in 0..200 {
        let text = format!(
            "{}\n\nThe water level stood at {} centimetres. Copy {i} by desk {}.",
            base.replace("report 3", &format!("report {}", i % 5)),
            300 + i,
            i % 17
        );
        let date = format!("2026-11-{:02}", 1 + i % 7);
        docs.push(raw(
            &format!("copy{i:03}"),
            &format!("Flood in Riverton ({i})"),
            &date,
            ["wire", "herald", "courier"][i % 3],
            text,
        ));
    }
    for i in 0..3 {
        docs.push(raw(
            &format!("vote{i}"),
            "Lakeside votes",
            "2026-11-03",
            "times",
            report(&ELECTION, i),
        ));
    }
    let stories = grouped(docs, &DigestOptions::default());
    assert_eq!(
        stories.len(),
        2,
        "{:?}",
        stories.iter().map(Vec::len).collect::<Vec<_>>()
    );
    assert_eq!(stories.iter().map(Vec::len).max(), Some(200));
}

#[test]
fn grouping_does_not_depend_on_input_order() {
    let mut docs = Vec::new();
    for i in 0..8 {
        let date = format!("2026-11-{:02}", 1 + i);
        docs.push(raw(
            &format!("f{i}"),
            "Flood",
            &date,
            "wire",
            report(&FLOOD, i),
        ));
        docs.push(raw(
            &format!("v{i}"),
            "Vote",
            &date,
            "times",
            report(&ELECTION, i),
        ));
    }
    let opts = DigestOptions::default();
    let forward = grouped(docs.clone(), &opts);
    // Reversed, and with other paths (the corpus is in path order).
    let mut back: Vec<RawDocument> = docs.into_iter().rev().collect();
    for (i, d) in back.iter_mut().enumerate() {
        d.meta.path = format!("other/{i:02}");
    }
    assert_eq!(grouped(back, &opts), forward);
}

#[test]
fn headline_is_the_most_central_title() {
    // Three reports of one flood; the first (by name and date) is an off-centre sidebar.
    let docs = vec![
        raw(
            "a",
            "Sidebar: levee history",
            "2026-11-01",
            "wire",
            format!(
                "{} The levee was built in 1950 by the river authority.",
                report(&FLOOD, 1)
            ),
        ),
        raw(
            "b",
            "Riverton flood worsens",
            "2026-11-02",
            "herald",
            report(&FLOOD, 2),
        ),
        raw(
            "c",
            "Flood: Riverton evacuates",
            "2026-11-02",
            "post",
            report(&FLOOD, 2),
        ),
    ];
    let summarizer = Summarizer::new(Config::default()).expect("summarizer");
    let corpus = summarizer.corpus(docs);
    let stories = group(
        &corpus,
        &Analyzers::default(),
        &DigestOptions::default(),
        &|_| {},
    );
    assert_eq!(stories.len(), 1);
    let h = stories[0].headline.as_deref().unwrap_or("");
    assert!(h != "Sidebar: levee history", "{h}");
}

#[test]
fn decay_and_gaps() {
    use agglomerate::{decay, gap};
    assert_eq!(gap(Some((0, 5)), Some((3, 9))), 0.0);
    assert_eq!(gap(Some((0, 5)), Some((12, 20))), 7.0);
    assert_eq!(gap(Some((12, 20)), Some((0, 5))), 7.0);
    assert_eq!(gap(None, Some((0, 1))), 0.0);
    assert_eq!(decay(0.0, 30.0), 1.0);
    assert_eq!(decay(100.0, 0.0), 1.0);
    assert!(decay(30.0, 30.0) < decay(3.0, 30.0));
    assert!((decay(30.0, 30.0) - 1.0 / (1.0 + 2f32.ln())).abs() < 1e-6);
}

/// Items of one unit vector each (keys 1, 2, ...), for [`agglomerate::cluster`].
fn items(vectors: &[&[(u32, f32)]]) -> Vec<agglomerate::Item<'static>> {
    vectors
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut sum = v.to_vec();
            normalize(&mut sum);
            agglomerate::Item {
                norm2: sum.iter().map(|(_, w)| w * w).sum(),
                sum: sum.into(),
                size: 1.0,
                articles: 1,
                span: None,
                key: i as u64 + 1,
                background: 0.0,
            }
        })
        .collect()
}

fn params() -> agglomerate::Params {
    agglomerate::Params {
        vocabulary: 8,
        contrast: agglomerate::CONTRAST,
        link: crate::config::LINK,
        window_days: 0.0,
        mean_norm2: 0.0,
        contrast_days: agglomerate::CONTRAST_DAYS,
    }
}

#[test]
fn contrast_keeps_two_tight_groups_apart_but_lets_one_article_join() {
    // Two tight pairs (cosine 0.66 inside) sharing one term (cosine 0.09 across, above the
    // link): two stories.
    let a: &[(u32, f32)] = &[(0, 0.75), (1, 0.58), (6, 0.3)];
    let b: &[(u32, f32)] = &[(0, 0.75), (2, 0.58), (6, 0.3)];
    let c: &[(u32, f32)] = &[(3, 0.75), (4, 0.58), (6, 0.3)];
    let d: &[(u32, f32)] = &[(3, 0.75), (5, 0.58), (6, 0.3)];
    let p = params();
    assert!(
        p.link < 0.09,
        "the cross cosine must clear the link for the test to mean anything"
    );
    assert_eq!(
        agglomerate::cluster(items(&[a, b, c, d]), &p),
        vec![vec![0, 1], vec![2, 3]]
    );
    // Without the gate they are one story.
    let open = agglomerate::Params { contrast: 0.0, ..p };
    assert_eq!(
        agglomerate::cluster(items(&[a, b, c, d]), &open),
        vec![vec![0, 1, 2, 3]]
    );
    // One article as far from the tight pair joins it: the gate is between groups only.
    assert_eq!(
        agglomerate::cluster(items(&[a, b, c]), &p),
        vec![vec![0, 1, 2]]
    );
}

#[test]
fn contrast_grows_with_the_gap_up_to_its_cap() {
    use agglomerate::{CONTRAST, CONTRAST_DAYS, GAP_CONTRAST, contrast};
    assert_eq!(contrast(CONTRAST, 0.0, CONTRAST_DAYS), CONTRAST);
    assert_eq!(contrast(CONTRAST, 30.0, 0.0), CONTRAST);
    let week = contrast(CONTRAST, 7.0, CONTRAST_DAYS);
    assert!((week - CONTRAST * (1.0 + 2f32.ln())).abs() < 1e-6);
    assert_eq!(contrast(CONTRAST, 20.0, CONTRAST_DAYS), GAP_CONTRAST);
    assert_eq!(contrast(CONTRAST, 2000.0, CONTRAST_DAYS), GAP_CONTRAST);
    // A base above the cap is never lowered.
    assert_eq!(contrast(0.9, 20.0, CONTRAST_DAYS), 0.9);
}

#[test]
fn regression_two_bursts_of_one_topic_weeks_apart_are_two_events() {
    // Two tight pairs (cosine 0.74 inside) sharing one heavy term (0.25 across: a third of
    // what they share inside). The tdt pile's car bomb in Jerusalem (6-7 November) and the
    // Gaza airport (24 November on) were one story while the contrast ignored time.
    let a: &[(u32, f32)] = &[(0, 0.7), (1, 0.5), (6, 0.5)];
    let b: &[(u32, f32)] = &[(0, 0.7), (2, 0.5), (6, 0.5)];
    let c: &[(u32, f32)] = &[(3, 0.7), (4, 0.5), (6, 0.5)];
    let d: &[(u32, f32)] = &[(3, 0.7), (5, 0.5), (6, 0.5)];
    let dated = |days: [i64; 4]| {
        let mut it = items(&[a, b, c, d]);
        for (item, day) in it.iter_mut().zip(days) {
            item.span = Some((day, day));
        }
        it
    };
    let p = params();
    // On the same days: one story (0.34 of the cohesion clears the base contrast).
    assert_eq!(
        agglomerate::cluster(dated([0, 1, 0, 1]), &p),
        vec![vec![0, 1, 2, 3]]
    );
    // Three weeks apart: two.
    assert_eq!(
        agglomerate::cluster(dated([0, 1, 21, 22]), &p),
        vec![vec![0, 1], vec![2, 3]]
    );
    // Without the growth, one again.
    let flat = agglomerate::Params {
        contrast_days: 0.0,
        ..p
    };
    assert_eq!(
        agglomerate::cluster(dated([0, 1, 21, 22]), &flat),
        vec![vec![0, 1, 2, 3]]
    );
}
