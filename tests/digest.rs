//! `briefing digest`: a mixed collection (a JSON array, JSONL, plain text, a broken file) is
//! grouped into stories, ranked and briefed, the same for any thread count and input order.

use std::path::Path;

use serde_json::{Value, json};

use crate::util::*;

/// Writes the mixed collection: the Arabic sample as a JSON array with SaudiNewsNet-like
/// fields (its date under a field name only the `*date*` default catches), the English sample
/// as JSONL, one unrelated plain-text article, and a broken JSON file.
fn collection(dir: &Path) {
    let ar: Vec<Value> = files_of(AR)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "source": format!("outlet{i}"),
                "url": format!("https://ar{i}.example/story"),
                "date_scraped": format!("2026-11-2{} 10:00:00", i % 3),
                "author": "desk",
                "content": std::fs::read_to_string(p).expect("sample"),
            })
        })
        .collect();
    std::fs::write(dir.join("ar.json"), serde_json::to_string(&ar).unwrap()).unwrap();
    let en: Vec<String> = files_of(EN)
        .iter()
        .map(|p| {
            json!({
                "id": p.file_stem().unwrap().to_string_lossy(),
                "text": std::fs::read_to_string(p).expect("sample"),
                "published": "2026-11-21",
            })
            .to_string()
        })
        .collect();
    std::fs::write(dir.join("en.jsonl"), en.join("\n")).unwrap();
    std::fs::write(
        dir.join("library.txt"),
        "The city council approved a new budget for public libraries on Monday. The plan \
         adds evening hours at six branches and hires twelve librarians. Council members \
         voted seven to two in favour of the measure after a long debate.\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.json"), "[{\"text\": ").unwrap();
}

fn digest_json(args: &[&str]) -> Value {
    let mut all = vec!["digest", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, None);
    assert_eq!(code, 0, "digest failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{out}"))
}

fn story_ids(story: &Value) -> Vec<String> {
    story["briefing"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn mixed_collection_is_grouped_ranked_and_briefed() {
    let tmp = tempdir();
    collection(tmp.path());
    let d = digest_json(&[s(tmp.path()), "--words", "40"]);
    // 5 + 4 + 1 articles read; the broken file is skipped with its reason.
    assert_eq!(d["articles"], 10);
    let skipped = d["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("broken.json")
    );
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("malformed JSON")
    );

    let stories = d["stories"].as_array().unwrap();
    assert_eq!(
        stories.len() as u64,
        d["story_count"].as_u64().unwrap().min(10)
    );
    // The four English reports of the bridge closure are one story (no source: each article
    // is its own outlet), and most of the Arabic reports of the coalition talks are another;
    // these two rank first.
    let en = stories
        .iter()
        .find(|st| story_ids(st).contains(&"01_ap".to_string()))
        .expect("the English story");
    assert_eq!(
        story_ids(en),
        [
            "01_ap",
            "02_reuters",
            "03_porthaven-herald",
            "04_coastwatch"
        ]
    );
    assert_eq!(en["outlets"].as_array().unwrap().len(), 4);
    assert!(en["headline"].as_str().unwrap().contains("bridge"), "{en}");
    let ar = stories
        .iter()
        .find(|st| story_ids(st).contains(&"ar#0".to_string()))
        .expect("the Arabic story");
    assert!(ar["articles"].as_u64().unwrap() >= 3, "{ar}");
    let mut top = [en["rank"].as_u64().unwrap(), ar["rank"].as_u64().unwrap()];
    top.sort();
    assert_eq!(top, [1, 2]);
    // Every article is in exactly one story; ranks are consecutive; scores do not increase.
    let mut all: Vec<String> = stories.iter().flat_map(story_ids).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 10);
    for (i, st) in stories.iter().enumerate() {
        assert_eq!(st["rank"], i + 1);
        assert_eq!(
            st["articles"].as_u64().unwrap() as usize,
            story_ids(st).len()
        );
        let b = &st["briefing"];
        let n = st["articles"].as_f64().unwrap();
        let limit = (40.0 * (1.0 + n.log10()).min(2.0)).floor() as u64;
        assert_eq!(
            b["budget"]["limit"].as_u64().unwrap(),
            limit,
            "{n} articles"
        );
        assert!(b["budget"]["used"].as_u64().unwrap() <= limit);
        assert!(!b["sentences"].as_array().unwrap().is_empty());
        if i > 0 {
            assert!(st["score"].as_f64() <= stories[i - 1]["score"].as_f64());
        }
    }
    // The JSON-array fields were read: outlets, URLs and the wildcard date.
    let doc = &ar["briefing"]["documents"][0];
    assert!(doc["source"].as_str().unwrap().starts_with("outlet"));
    assert!(doc["url"].as_str().unwrap().starts_with("https://ar"));
    assert!(doc["date"].as_str().unwrap().starts_with("2026-11-2"));
    assert_eq!(ar["briefing"]["language"], "ar");
}

#[test]
fn digest_is_the_same_for_any_thread_count_and_input_order() {
    let tmp = tempdir();
    collection(tmp.path());
    let p = |f: &str| tmp.path().join(f).to_string_lossy().into_owned();
    let (a, b, c) = (p("ar.json"), p("en.jsonl"), p("library.txt"));
    let one = ok(&[
        "digest",
        &a,
        &b,
        &c,
        "--threads",
        "1",
        "--format",
        "json",
        "-q",
    ]);
    let two = ok(&[
        "digest",
        &c,
        &b,
        &a,
        "--threads",
        "2",
        "--format",
        "json",
        "-q",
    ]);
    assert_eq!(one, two);
}

#[test]
fn stories_option_text_and_markdown() {
    let tmp = tempdir();
    collection(tmp.path());
    let text = ok(&["digest", s(tmp.path()), "--stories", "2", "-q"]);
    assert!(text.starts_with("2 of "), "{text}");
    assert!(text.lines().any(|l| l.starts_with("1. ")), "{text}");
    assert!(
        text.contains("5 outlets · 5 articles · 2026-11-20 to 2026-11-22"),
        "{text}"
    );
    assert!(text.contains("\n2. "));
    assert!(!text.contains("\n3. "));
    let md = ok(&[
        "digest",
        s(tmp.path()),
        "--stories",
        "1",
        "--format",
        "markdown",
        "-q",
    ]);
    assert!(md.starts_with("# Digest\n"), "{md}");
    // The five Arabic articles (one story from five outlets) outrank the four English ones.
    assert!(md.contains("## 1. "), "{md}");
    assert!(
        md.contains("_5 outlets · 5 articles · 2026-11-20 to 2026-11-22_"),
        "{md}"
    );
    assert!(!md.contains("4 outlets · 4 articles"), "{md}");
    assert!(md.contains("_skipped 1 input: 1 malformed_"), "{md}");
    assert!(!md.contains("## 2. "));
}

#[test]
fn field_names_are_configurable() {
    let tmp = tempdir();
    let rec = json!([{"body_text": "The harbour bridge reopened on Friday after repairs to its \
        railing. Engineers said the span was safe for traffic again.", "where": "Porthaven"}]);
    let f = tmp.path().join("a.json");
    std::fs::write(&f, rec.to_string()).unwrap();
    let (code, _, err) = run(&["digest", s(&f)], None);
    assert_eq!(code, 2, "no text field: no usable input");
    assert!(err.contains("record has no text"), "{err}");
    let d = digest_json(&[
        s(&f),
        "--field",
        "text=body_text",
        "--field",
        "source=where",
    ]);
    assert_eq!(d["articles"], 1);
    assert_eq!(d["stories"][0]["outlets"], json!(["porthaven"]));
    let (code, _, err) = run(&["digest", s(&f), "--field", "body=x"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("id, text, title, date, url or source"),
        "{err}"
    );
}

#[test]
fn stats_print_stage_timings_on_stderr() {
    let (code, out, err) = run(&["digest", AR, EN, "--stats", "--stories", "1"], None);
    assert_eq!(code, 0, "{err}");
    for stage in [
        "read, clean, split",
        "group stories",
        "brief stories",
        "render",
        "total",
    ] {
        assert!(err.contains(&format!("briefing: stats: {stage}")), "{err}");
    }
    assert!(!out.contains("stats"));
}

#[test]
fn summarize_stats_time_each_ranking_stage_and_leave_the_briefing_alone() {
    let (code, plain, err) = run(&["summarize", EN, "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["summarize", EN, "--format", "json", "--stats"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, plain);
    for stage in [
        "read, clean, split",
        "reading terms",
        "comparing sentences",
        "scoring sentences",
        "choosing sentences",
        "render",
    ] {
        assert!(err.contains(&format!("briefing: stats: {stage}")), "{err}");
    }
    assert!(err.contains("(4 articles, 44 sentences)"), "{err}");
    if cfg!(target_os = "linux") {
        assert!(err.contains(" MB"), "{err}");
    }
}

/// Two consecutive days built from the samples: day 1 has the first reports of both stories,
/// day 2 the later reports of both and one new story.
fn two_days(dir: &Path) -> (String, String) {
    let ar = files_of(AR);
    let en = files_of(EN);
    let rec = |p: &std::path::PathBuf, day: &str, outlet: &str| {
        json!({
            "id": format!("{day}-{}", p.file_stem().unwrap().to_string_lossy()),
            "source": outlet,
            "published": day,
            "text": std::fs::read_to_string(p).unwrap(),
        })
    };
    let day1: Vec<Value> = vec![
        rec(&ar[0], "2026-11-20", "ar0"),
        rec(&ar[1], "2026-11-20", "ar1"),
        rec(&ar[2], "2026-11-20", "ar2"),
        rec(&en[0], "2026-11-20", "ap"),
        rec(&en[1], "2026-11-20", "reuters"),
    ];
    let mut day2: Vec<Value> = vec![
        rec(&ar[3], "2026-11-21", "ar3"),
        rec(&ar[4], "2026-11-21", "ar4"),
        rec(&en[2], "2026-11-21", "herald"),
        rec(&en[3], "2026-11-21", "coastwatch"),
    ];
    day2.push(json!({
        "id": "2026-11-21-library", "source": "city", "published": "2026-11-21",
        "text": "The city council approved a new budget for public libraries on Monday. The plan \
                 adds evening hours at six branches and hires twelve librarians. Council members \
                 voted seven to two in favour of the measure after a long debate.",
    }));
    let p1 = dir.join("2026-11-20.json");
    let p2 = dir.join("2026-11-21.json");
    std::fs::write(&p1, serde_json::to_string(&day1).unwrap()).unwrap();
    std::fs::write(&p2, serde_json::to_string(&day2).unwrap()).unwrap();
    (s(&p1).to_owned(), s(&p2).to_owned())
}

fn sent_keys(d: &Value) -> Vec<String> {
    d["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|st| sentence_texts(&st["briefing"]))
        .map(|t| squash(&t).to_lowercase())
        .collect()
}

#[test]
fn since_leaves_out_what_was_sent_and_marks_updates() {
    let tmp = tempdir();
    let (day1, day2) = two_days(tmp.path());
    let first = ok(&["digest", &day1, "--format", "json", "--words", "60"]);
    let prev = tmp.path().join("prev.json");
    std::fs::write(&prev, &first).unwrap();
    let first: Value = serde_json::from_str(&first).unwrap();
    let sent = sent_keys(&first);
    assert!(!sent.is_empty());

    // Without --since, day 2 repeats some of day 1 (the wire copy all outlets carry).
    let plain = digest_json(&[&day2, "--words", "60"]);
    assert!(
        sent_keys(&plain).iter().any(|k| sent.contains(k)),
        "the fixture must repeat something for the test to mean anything"
    );

    let next = digest_json(&[&day2, "--words", "60", "--since", s(&prev)]);
    for k in sent_keys(&next) {
        assert!(!sent.contains(&k), "sent again: {k}");
    }
    let stories = next["stories"].as_array().unwrap();
    let en_prev = first["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|st| story_ids(st).iter().any(|id| id.ends_with("01_ap")))
        .expect("the bridge story on day 1");
    let en_next = stories
        .iter()
        .find(|st| story_ids(st).iter().any(|id| id.ends_with("coastwatch")))
        .expect("the bridge story on day 2");
    assert_eq!(en_next["update_of"], en_prev["headline"], "{en_next}");
    let library = stories
        .iter()
        .find(|st| story_ids(st).iter().any(|id| id.ends_with("library")))
        .expect("the new story");
    assert!(library.get("update_of").is_none(), "{library}");

    // The text and HTML say so too.
    let text = ok(&["digest", &day2, "--words", "60", "--since", s(&prev)]);
    assert!(text.contains("update of: "), "{text}");

    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"not\": \"a digest\"}").unwrap();
    let (code, _, err) = run(&["digest", &day2, "--since", s(&bad)], None);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--since") && err.contains("not a digest"),
        "{err}"
    );
}

/// A labelled pile (one folder per story) of the two samples: `eval --stories` scores the
/// digest's grouping, and its figures agree with reading `digest --format json` the way the
/// held-out check does (every article of a story from `stories[].briefing.documents[]`).
#[test]
fn eval_stories_scores_a_labelled_pile() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (label, files) in [("en", &EN_FILES[..]), ("ar", &[AR_000][..])] {
        std::fs::create_dir_all(tmp.path().join(label)).expect("mkdir");
        for f in files {
            let name = Path::new(f).file_name().expect("name");
            std::fs::copy(root().join(f), tmp.path().join(label).join(name)).expect("copy");
        }
    }
    let pile = tmp.path().to_str().expect("utf-8 path");
    let out = ok(&["eval", "--stories", pile, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["articles"], json!(EN_FILES.len() + 1));
    assert_eq!(v["clusters"], json!(2));
    assert_eq!(v["stories"], json!(2), "{out}");
    assert_eq!(v["f1"], json!(1.0));
    let text = ok(&["eval", "--stories", pile, "--per-cluster"]);
    assert!(
        text.contains("B-cubed precision 1.0000  recall 1.0000  F1 1.0000"),
        "{text}"
    );
    let d = digest_json(&[pile, "--stories", "100000", "--words", "10"]);
    let stories = d["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 2);
    for st in stories {
        let paths: Vec<&str> = st["briefing"]["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .map(|doc| doc["path"].as_str().expect("path"))
            .collect();
        let first = Path::new(paths[0]).parent();
        assert!(paths.iter().all(|p| Path::new(p).parent() == first));
    }
}

#[test]
fn no_progress_bar_when_standard_error_is_a_pipe() {
    // Standard error is a pipe here: neither command may draw a bar on it (nor any terminal
    // control), however long it runs; only the warning about the broken file is written.
    let dir = tempfile::tempdir().unwrap();
    collection(dir.path());
    let path = dir.path().to_str().unwrap();
    for command in ["digest", "summarize"] {
        let (code, _, err) = run(&[command, path], None);
        assert_eq!(code, 0, "{err}");
        assert!(
            !err.contains('\r') && !err.contains('\u{1b}'),
            "{command}: {err:?}"
        );
        assert!(
            err.lines().all(|l| l.starts_with("warning:")),
            "{command}: {err:?}"
        );
    }
}
