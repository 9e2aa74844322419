//! Snapshots of every command's output (insta; `tests/snapshots/`): `summarize`, `split`,
//! `digest` and `eval`, in every format, on both samples and on a synthetic multi-story pile
//! written by the test. They guard refactors: a pure move keeps every byte. Review a change
//! with `cargo insta review`, or `INSTA_UPDATE=always cargo test` and read the diff. With
//! `CI=true` a mismatch fails.

use std::path::Path;

use crate::util::*;

fn snapshot_of(args: &[&str]) -> String {
    let mut all = vec!["summarize"];
    all.extend_from_slice(args);
    ok(&all)
}

/// The envelope of every email snapshot: a fixed date, so the bytes are fixed.
const ENVELOPE: [&str; 6] = [
    "--from",
    "Briefing <briefing@example.org>",
    "--to",
    "reader@example.org",
    "--date",
    "2026-11-22 06:00",
];

#[test]
fn arabic_text() {
    insta::assert_snapshot!("arabic_text", snapshot_of(&[AR, "--words", "100"]));
}

#[test]
fn arabic_markdown() {
    insta::assert_snapshot!(
        "arabic_markdown",
        snapshot_of(&[AR, "--words", "100", "--format", "markdown"])
    );
}

#[test]
fn arabic_json() {
    insta::assert_snapshot!(
        "arabic_json",
        snapshot_of(&[AR, "--words", "100", "--format", "json"])
    );
}

#[test]
fn arabic_explain_json() {
    insta::assert_snapshot!(
        "arabic_explain_json",
        snapshot_of(&[AR, "--words", "60", "--format", "json", "--explain"])
    );
}

#[test]
fn arabic_email() {
    let mut args = vec![AR, "--words", "100", "--format", "email"];
    args.extend_from_slice(&ENVELOPE);
    insta::assert_snapshot!("arabic_email", snapshot_of(&args));
}

#[test]
fn english_text() {
    insta::assert_snapshot!("english_text", snapshot_of(&[EN, "--words", "100"]));
}

#[test]
fn english_markdown() {
    insta::assert_snapshot!(
        "english_markdown",
        snapshot_of(&[EN, "--words", "100", "--format", "markdown"])
    );
}

#[test]
fn english_json() {
    insta::assert_snapshot!(
        "english_json",
        snapshot_of(&[EN, "--words", "100", "--format", "json"])
    );
}

#[test]
fn english_html() {
    insta::assert_snapshot!(
        "english_html",
        snapshot_of(&[EN, "--words", "100", "--format", "html"])
    );
}

#[test]
fn english_methods_json() {
    // Every method on one sample, so a move of the scorers and selectors is guarded too.
    let mut all = String::new();
    for m in [
        "combined",
        "centroid",
        "lexrank",
        "position",
        "concepts",
        "kl",
        "submodular",
    ] {
        let out = snapshot_of(&[EN, "--words", "60", "--method", m, "--format", "json"]);
        all.push_str(&format!("== {m}\n{out}\n"));
    }
    insta::assert_snapshot!("english_methods_json", all);
}

#[test]
fn english_budgets_text() {
    let mut all = String::new();
    for budget in [["--sentences", "2"], ["--chars", "300"], ["--words", "250"]] {
        let mut args = vec![EN];
        args.extend_from_slice(&budget);
        all.push_str(&format!("== {budget:?}\n{}\n", snapshot_of(&args)));
    }
    insta::assert_snapshot!("english_budgets_text", all);
}

#[test]
fn arabic_html() {
    insta::assert_snapshot!(
        "arabic_html",
        snapshot_of(&[AR, "--words", "100", "--format", "html"])
    );
}

#[test]
fn split_lines() {
    insta::assert_snapshot!("split_lines", ok(&["split", AR, EN]));
}

#[test]
fn split_jsonl() {
    insta::assert_snapshot!("split_jsonl", ok(&["split", AR, EN, "--format", "jsonl"]));
}

fn digest_of(extra: &[&str]) -> String {
    let mut args = vec!["digest", AR, EN, "--stories", "3", "--words", "40"];
    args.extend_from_slice(extra);
    ok(&args)
}

#[test]
fn digest_text() {
    insta::assert_snapshot!("digest_text", digest_of(&[]));
}

#[test]
fn digest_markdown() {
    insta::assert_snapshot!("digest_markdown", digest_of(&["--format", "markdown"]));
}

#[test]
fn digest_json() {
    insta::assert_snapshot!("digest_json", digest_of(&["--format", "json"]));
}

#[test]
fn digest_html() {
    insta::assert_snapshot!("digest_html", digest_of(&["--format", "html"]));
}

#[test]
fn digest_email() {
    let mut args = vec!["--format", "email"];
    args.extend_from_slice(&ENVELOPE);
    insta::assert_snapshot!("digest_email", digest_of(&args));
}

/// Writes a synthetic pile of three stories (two English, one Arabic), with titles, dates,
/// outlets and URLs, as JSONL, a JSON array and plain files, plus one record without text.
fn write_pile(dir: &Path) {
    // Each story in its own words, as two real stories are (they share only the phrases news
    // copy shares); the same template with two words swapped would be one story to the grouping.
    let story = |topic: &str, place: &str, n: usize| -> Vec<String> {
        (0..n)
            .map(|i| {
                let (d, c) = (i + 1, 100 * (i + 2));
                match topic {
                    "flood" => format!(
                        "{place} officials said the river rose {d} metres overnight. \
                         Rescue teams moved {c} residents from homes near the water in {place}. \
                         Witnesses described the flood as the worst in years, report {i}. \
                         Forecasters expect more rain to fall on the valley before the weekend."
                    ),
                    _ => format!(
                        "Voters in {place} queued for hours to cast their ballots on day {d}. \
                         Turnout reached {c} people at the central polling station of {place}. \
                         The count was described as the closest in years, report {i}. \
                         Candidates for mayor are expected to speak once the result is declared."
                    ),
                }
            })
            .collect()
    };
    let mut jsonl = String::new();
    for (i, text) in story("flood", "Riverton", 4).iter().enumerate() {
        let rec = serde_json::json!({
            "id": format!("flood-{i}"),
            "title": format!("Flood in Riverton, report {i}"),
            "text": text,
            "source": (["Wire", "Herald", "Courier", "Wire"][i]),
            "url": format!("https://news{i}.example/flood/{i}"),
            "published": format!("2026-11-{:02}", 20 + i % 2),
        });
        jsonl.push_str(&format!("{rec}\n"));
    }
    jsonl.push_str("{\"title\": \"no text here\"}\n");
    std::fs::write(dir.join("flood.jsonl"), jsonl).expect("write pile");
    let array: Vec<serde_json::Value> = story("election", "Lakeside", 3)
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            serde_json::json!({
                "title": format!("Lakeside election count {i}"),
                "content": text,
                "source": (["Times", "Post", "Times"][i]),
                "scraped_date": format!("2026-11-21 0{i}:00:00"),
            })
        })
        .collect();
    std::fs::write(
        dir.join("election.json"),
        serde_json::to_string(&array).expect("json"),
    )
    .expect("write pile");
    std::fs::create_dir_all(dir.join("ar")).expect("mkdir");
    for i in 0..3 {
        let text = format!(
            "افتتاح الجسر الجديد في المدينة\n\nأعلن المسؤولون افتتاح الجسر الجديد في المدينة \
             اليوم بحضور {n} شخص. وقال المتحدث إن الجسر سيخفف الازدحام في وسط المدينة. \
             وأضاف أن العمل في الجسر استمر ثلاث سنوات كاملة، التقرير رقم {i}.",
            n = 50 * (i + 1)
        );
        std::fs::write(dir.join(format!("ar/2026-11-2{i}_bridge.txt")), text).expect("write");
    }
}

fn in_pile(args: &[&str]) -> String {
    let dir = tempdir();
    write_pile(dir.path());
    let (code, out, err) = run_in(dir.path(), args, None);
    assert_eq!(code, 0, "briefing {args:?} failed: {err}");
    out
}

#[test]
fn synthetic_pile_digest() {
    let mut all = String::new();
    for format in ["text", "json", "markdown", "html"] {
        let out = in_pile(&[
            "digest", ".", "--quiet", "--words", "30", "--format", format,
        ]);
        all.push_str(&format!("== {format}\n{out}\n"));
    }
    insta::assert_snapshot!("synthetic_pile_digest", all);
}

#[test]
fn synthetic_pile_summarize_and_split() {
    let mut all = String::new();
    for args in [
        &["summarize", "flood.jsonl", "--quiet", "--format", "json"][..],
        &[
            "summarize",
            "election.json",
            "ar",
            "--quiet",
            "--words",
            "50",
        ][..],
        &["split", ".", "--quiet", "--format", "jsonl"][..],
    ] {
        all.push_str(&format!("== {args:?}\n{}\n", in_pile(args)));
    }
    insta::assert_snapshot!("synthetic_pile_summarize_and_split", all);
}

#[test]
fn eval_pairs_text_and_json() {
    let mut all = String::new();
    for extra in [&[][..], &["--format", "json"][..], &["--per-cluster"][..]] {
        let mut args = vec![
            "eval",
            "--summaries",
            "tests/fixtures/rouge/peers",
            "--references",
            "tests/fixtures/rouge/models",
        ];
        args.extend_from_slice(extra);
        all.push_str(&format!("== {extra:?}\n{}\n", ok(&args)));
    }
    insta::assert_snapshot!("eval_pairs", all);
}

#[test]
fn eval_dataset_duc() {
    let mut all = String::new();
    for extra in [&[][..], &["--format", "json", "--per-cluster"][..]] {
        let mut args = vec![
            "eval",
            "--dataset",
            "duc",
            "tests/fixtures/duc",
            "--quiet",
            "--threads",
            "1",
        ];
        args.extend_from_slice(extra);
        all.push_str(&format!("== {extra:?}\n{}\n", ok(&args)));
    }
    insta::assert_snapshot!("eval_dataset_duc", all);
}
