//! Bad and hostile inputs, each through the real binary: the README's table of what each gets
//! is backed by these tests (and by the `cli` module's ones it names).

use serde_json::Value;

use crate::util::*;

/// Runs `summarize --format json` and returns (exit code, parsed JSON or Null, stderr).
fn summarize(args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["summarize", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, None);
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    let v = if out.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("invalid JSON ({e}): {out}"))
    };
    (code, v, err)
}

fn skipped_paths(b: &Value) -> Vec<String> {
    b["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn empty_file_is_skipped_and_the_rest_summarized() {
    let dir = tempdir();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("blank.txt"), " \n\n\t\n").unwrap();
    let (code, b, err) = summarize(&[s(dir.path()), EN]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(b["documents"].as_array().unwrap().len(), 4);
    let skipped = skipped_paths(&b);
    assert!(
        skipped.iter().any(|p| p.ends_with("empty.txt")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|p| p.ends_with("blank.txt")),
        "{skipped:?}"
    );
    assert!(err.contains("empty.txt: empty file"), "{err}");
}

#[test]
fn huge_file_on_one_line_is_cut_and_summarized() {
    // 50 MB on a single line, no sentence punctuation; read up to the document limit (set low
    // here so the debug build stays quick), then cut into bounded "sentences".
    let dir = tempdir();
    let words = [
        "storm",
        "bridge",
        "closed",
        "harbour",
        "mayor",
        "ferry",
        "river",
        "عاصفة",
    ];
    let mut text = String::with_capacity(50_000_100);
    let mut i = 0usize;
    while text.len() < 50_000_000 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    let big = dir.path().join("dump.txt");
    std::fs::write(&big, &text).unwrap();
    drop(text);
    let (code, b, err) = summarize(&[
        s(&big),
        EN,
        "--max-document-bytes",
        "200K",
        "--max-sentence-chars",
        "300",
        "--explain",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(b["documents"].as_array().unwrap().len(), 5);
    let note = b["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["path"].as_str().unwrap().ends_with("dump.txt"))
        .expect("the cut is reported");
    assert!(
        note["reason"]
            .as_str()
            .unwrap()
            .contains("longer than 204800 bytes"),
        "{note}"
    );
    assert!(err.contains("--max-document-bytes"), "{err}");
    // Every candidate of the dump is at most 300 characters, and they cover about 200K.
    let dump: Vec<&Value> = b["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["source"]["document"] == "dump")
        .collect();
    assert!(dump.len() > 600, "{}", dump.len());
    assert!(
        dump.iter()
            .all(|c| c["text"].as_str().unwrap().chars().count() <= 300)
    );
}

#[test]
fn run_limit_skips_the_inputs_after_it() {
    // The four English files take 1.1-1.6 KB each.
    let (code, b, err) = summarize(&[EN, "--max-run-bytes", "3K"]);
    assert_eq!(code, 0, "{err}");
    let docs = b["documents"].as_array().unwrap().len();
    assert!((1..4).contains(&docs), "{docs}");
    let skipped = skipped_paths(&b);
    assert_eq!(docs + skipped.len(), 4, "{skipped:?}");
    assert!(err.contains("--max-run-bytes"), "{err}");
    let (code, _, err) = run(&["summarize", EN, "--max-run-bytes", "12X"], None);
    assert_eq!(code, 2);
    assert!(err.contains("K, M or G"), "{err}");
    let (code, _, err) = run(&["summarize", EN, "--max-sentence-chars", "3"], None);
    assert_eq!(code, 2);
    assert!(err.contains("16 characters"), "{err}");
}

#[test]
fn text_without_sentence_punctuation_is_summarized() {
    let dir = tempdir();
    let f = dir.path().join("list.txt");
    let lines: Vec<String> = (0..40)
        .map(|i| format!("harbour bridge closure update number {i} ferries running all day"))
        .collect();
    std::fs::write(&f, lines.join(" ")).unwrap();
    // 2,600 characters on one line: cut at spaces into "sentences" of at most 1,000
    // characters (the default), about 150 words each.
    let (code, b, err) = summarize(&[s(&f), "--words", "200"]);
    assert_eq!(code, 0, "{err}");
    let texts = sentence_texts(&b);
    assert!(!texts.is_empty());
    for t in &texts {
        assert!(t.chars().count() <= 1_000);
        assert!(squash(&lines.join(" ")).contains(&squash(t)), "{t}");
    }
    assert!(b["budget"]["used"].as_u64().unwrap() <= 200);
}

#[test]
fn only_duplicates_give_one_sentence_per_fact() {
    let dir = tempdir();
    let article = "The harbour bridge closed on Tuesday after a storm tore off its railing. \
                   Ferries carried commuters across the bay while engineers inspected it.";
    for i in 0..6 {
        std::fs::write(dir.path().join(format!("copy{i}.txt")), article).unwrap();
    }
    let (code, b, err) = summarize(&[s(dir.path()), "--words", "100"]);
    assert_eq!(code, 0, "{err}");
    let texts = sentence_texts(&b);
    assert_eq!(texts.len(), 2, "{texts:?}");
    for st in b["sentences"].as_array().unwrap() {
        assert_eq!(st["support"], 6);
    }
}

#[test]
fn one_sentence_article() {
    let dir = tempdir();
    let f = dir.path().join("one.txt");
    std::fs::write(&f, "The harbour bridge reopened on Friday morning.").unwrap();
    let (code, b, err) = summarize(&[s(&f)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sentence_texts(&b),
        ["The harbour bridge reopened on Friday morning."]
    );
}

#[test]
fn ten_thousand_tiny_files() {
    let dir = tempdir();
    for i in 0..10_000 {
        let text = if i % 2 == 0 {
            format!("The bridge closed on day {i} after the storm damaged its railing.")
        } else {
            format!("Ferries ran extra trips on day {i} while the harbour bridge stayed shut.")
        };
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let (code, b, err) = summarize(&[s(dir.path()), "--words", "50"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(b["documents"].as_array().unwrap().len(), 10_000);
    assert!(b["budget"]["used"].as_u64().unwrap() <= 50);
    let (code, out, err) = run(&["digest", s(dir.path()), "--stories", "2", "-q"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(" of "), "{out}");
}

#[test]
fn mixed_scripts_are_each_handled() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("en.txt"),
        "The harbour bridge closed on Tuesday after a storm. Ferries carried commuters.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ar.txt"),
        "أغلق الجسر بعد العاصفة يوم الثلاثاء الماضي. ونقلت العبارات الركاب عبر الخليج.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("zh.txt"),
        "暴风雨过后，港口大桥于周二关闭。渡轮将通勤者运送过海湾。",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ru.txt"),
        "Мост через гавань закрыли во вторник после шторма. Паромы перевозили пассажиров.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("mixed.txt"),
        "Officials said the جسر الميناء would reopen soon. 官员说 the bridge is safe.",
    )
    .unwrap();
    let (code, b, err) = summarize(&[s(dir.path()), "--words", "200", "--min-words", "1"]);
    assert_eq!(code, 0, "{err}");
    let langs: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs.len(), 5, "{langs:?}");
    assert!(langs.contains(&"ar") && langs.contains(&"en") && langs.contains(&"other"));
    let inputs = squashed_inputs_of(dir.path());
    for t in sentence_texts(&b) {
        assert!(inputs.iter().any(|i| i.contains(&squash(&t))), "{t}");
    }
}

/// The inputs in display form (NFKC: `，` becomes `,`), whitespace removed.
fn squashed_inputs_of(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            squash(&briefing::text::normalize::display(&text))
        })
        .collect()
}

#[test]
fn binary_files_among_articles_are_skipped() {
    let dir = tempdir();
    std::fs::copy(root().join(EN_FILES[0]), dir.path().join("01_ap.txt")).unwrap();
    std::fs::write(
        dir.path().join("photo.jpg"),
        b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("archive.zip"),
        b"PK\x03\x04\x14\0\0\0\x08\0story.txt\0\0\x8b\x1f",
    )
    .unwrap();
    let (code, b, err) = summarize(&[s(dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(b["documents"].as_array().unwrap().len(), 1);
    let skipped = skipped_paths(&b);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    for name in ["photo.jpg", "archive.zip"] {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn since_file_is_bounded() {
    // `--since /dev/zero` used to be read whole (killed at 24 GB); a large file too.
    let (code, out, err) = run(&["digest", EN, "--since", "/dev/zero"], None);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("--since") && err.contains("limit"), "{err}");
    let dir = tempdir();
    let big = dir.path().join("previous.json");
    std::fs::write(
        &big,
        format!("{{\"stories\": [], \"pad\": \"{}\"}}", "x".repeat(4096)),
    )
    .unwrap();
    let (code, _, err) = run(
        &["digest", EN, "--since", s(&big), "--max-since-bytes", "2K"],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("2048-byte limit"), "{err}");
    // Within the limit it is read.
    let (code, _, err) = run(&["digest", EN, "--since", s(&big)], None);
    assert_eq!(code, 0, "{err}");
}
