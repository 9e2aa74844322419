//! The command line: options, exit codes, ingest, output files, budgets, `--explain`, the JSON
//! schema and determinism. Every test runs the real binary.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::*;

// ---------------------------------------------------------------------------------------------
// Help and usage errors

#[test]
fn help_lists_every_option() {
    let top = ok(&["--help"]);
    for cmd in ["summarize", "digest", "split", "eval"] {
        assert!(top.contains(cmd), "top-level help misses {cmd}:\n{top}");
    }
    let help = ok(&["digest", "--help"]);
    for opt in [
        "--stories",
        "--words",
        "--sentences",
        "--chars",
        "--link",
        "--window",
        "--format",
        "--stats",
        "--field",
        "--threads",
        "--quiet",
        "--output",
        "--method",
        "<PATH>",
    ] {
        assert!(help.contains(opt), "digest --help misses {opt}:\n{help}");
    }
    let help = ok(&["summarize", "--help"]);
    for opt in [
        "--words",
        "--sentences",
        "--chars",
        "--format",
        "--lang",
        "--method",
        "--threads",
        "--explain",
        "--output",
        "--quiet",
        "--weights",
        "--lambda",
        "<PATH>",
    ] {
        assert!(help.contains(opt), "summarize --help misses {opt}:\n{help}");
    }
    for value in [
        "text", "markdown", "json", "auto", "ar", "en", "combined", "centroid", "lexrank",
        "position",
    ] {
        assert!(
            help.contains(&format!("- {value}:")),
            "summarize --help misses value {value}"
        );
    }
    let help = ok(&["split", "--help"]);
    for opt in [
        "--format",
        "--lang",
        "--threads",
        "--output",
        "--quiet",
        "<PATH>",
    ] {
        assert!(help.contains(opt), "split --help misses {opt}:\n{help}");
    }
    for value in ["lines", "jsonl"] {
        assert!(
            help.contains(&format!("- {value}:")),
            "split --help misses value {value}"
        );
    }
    assert!(!help.contains("--words"), "split takes no budget");
}

#[test]
fn version_prints_the_crate_version() {
    let out = ok(&["--version"]);
    assert_eq!(
        out.trim(),
        format!("briefing {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn clap_usage_errors_exit_2_without_output() {
    let cases: &[&[&str]] = &[
        &[],
        &["summarize"],
        &["split"],
        &["frobnicate", EN],
        &["summarize", EN, "--bogus"],
        &["summarize", EN, "--words", "5", "--sentences", "3"],
        &["summarize", EN, "--chars", "5", "--words", "3"],
        &["summarize", EN, "--format", "xml"],
        &["summarize", EN, "--method", "magic"],
        &["summarize", EN, "--lang", "fr"],
        &["summarize", EN, "--words", "many"],
        &["summarize", EN, "--words", "-3"],
        &["split", EN, "--format", "json"],
        &["split", EN, "--words", "10"],
        &["summarize", EN, "--weights", "1,2"],
        &["summarize", EN, "--weights", "1,2,3,4,5"],
        &["summarize", EN, "--weights", "a,b,c"],
        &["summarize", EN, "--lambda", "high"],
    ];
    for args in cases {
        let (code, out, err) = run(args, None);
        assert_eq!(
            code, 2,
            "{args:?} should be a usage error, got {code}: {err}"
        );
        assert!(out.is_empty(), "{args:?} printed to stdout: {out}");
        assert!(!err.trim().is_empty(), "{args:?} said nothing on stderr");
    }
}

#[test]
fn zero_budgets_and_threads_are_config_errors_exit_2() {
    for args in [
        ["--words", "0"],
        ["--sentences", "0"],
        ["--chars", "0"],
        ["--threads", "0"],
    ] {
        let mut all = vec!["summarize", EN];
        all.extend_from_slice(&args);
        let (code, out, err) = run(&all, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("invalid configuration"), "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
    let (code, _, err) = run(&["split", EN, "--threads", "0"], None);
    assert_eq!(code, 2, "{err}");
    for args in [
        ["--lambda", "1.5"],
        ["--weights", "0,0,0"],
        ["--weights", "1,-1,0"],
        ["--weights", "nan,1,1"],
        ["--weights", "0,0,0,0"],
        ["--weights", "0,0,1,-1"],
    ] {
        let (code, out, err) = run(&["summarize", EN, args[0], args[1]], None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("invalid configuration"), "{args:?}: {err}");
    }
}

#[test]
fn tuning_options_are_honoured() {
    // Position only: the leads of the articles.
    let b = summarize_json(&[EN, "--weights", "0,0,1", "--sentences", "3"]);
    for st in b["sentences"].as_array().unwrap() {
        assert_eq!(st["sources"][0]["sentence"], 0, "not a lead: {st}");
    }
    for lambda in ["0", "0.3", "1"] {
        let b = summarize_json(&[EN, "--lambda", lambda, "--words", "120"]);
        check_schema(&b, false);
        let used: usize = sentence_texts(&b).iter().map(|t| words(t)).sum();
        assert!(used <= 120 && used > 0, "--lambda {lambda}: {used}");
    }
    // Only long sentences are offered with --min-words.
    let b = summarize_json(&[EN, "--min-words", "25", "--words", "200"]);
    let texts = sentence_texts(&b);
    assert!(!texts.is_empty());
    assert!(texts.iter().all(|t| words(t) >= 25), "{texts:?}");
    // Submodular and concept parameters are accepted and keep the budget.
    for extra in [
        [
            "--method",
            "submodular",
            "--alpha-cover",
            "0.2",
            "--diversity",
            "1",
            "--prior",
            "0",
        ],
        [
            "--method",
            "concepts",
            "--mu",
            "0",
            "--cost-exponent",
            "1",
            "--prior",
            "0",
        ],
    ] {
        let mut args = vec![EN, "--words", "60"];
        args.extend(extra);
        let b = summarize_json(&args);
        let used: usize = sentence_texts(&b).iter().map(|t| words(t)).sum();
        assert!(used <= 60 && used > 0, "{extra:?}: {used}");
    }
}

#[test]
fn nonexistent_path_exits_2_naming_it() {
    let (code, out, err) = run(&["summarize", EN, "samples/no-such-cluster"], None);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("samples/no-such-cluster"), "{err}");
    let (code, _, err) = run(&["split", "no-such-file.txt"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no-such-file.txt"), "{err}");
}

#[test]
fn io_errors_are_reported_once() {
    let (code, _, err) = run(&["summarize", "samples/no-such-cluster"], None);
    assert_eq!(code, 2);
    assert_eq!(count(&err, "os error 2"), 1, "{err}");
    let (code, _, err) = run(
        &["summarize", EN, "--output", "/nonexistent-dir/x.json"],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(count(&err, "os error 2"), 1, "{err}");
}

#[test]
fn empty_folder_exits_2() {
    let dir = tempdir();
    for cmd in ["summarize", "split"] {
        let (code, out, err) = run(&[cmd, s(dir.path())], None);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("no usable document"), "{cmd}: {err}");
    }
}

#[test]
fn folder_of_binary_files_exits_2_naming_them() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("photo.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    std::fs::write(dir.path().join("blob.bin"), b"ab\0cd\0\xff\xfe\x00").unwrap();
    let (code, out, err) = run(&["summarize", s(dir.path())], None);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("no usable document"), "{err}");
    for name in ["photo.png", "blob.bin"] {
        assert!(err.contains(name), "stderr does not name {name}: {err}");
    }
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn only_furniture_exits_2() {
    let dir = tempdir();
    let f = dir.path().join("page.txt");
    std::fs::write(
        &f,
        "Share this\n\nAdvertisement\n\nSign up for our newsletter\n",
    )
    .unwrap();
    let (code, out, err) = run(&["summarize", s(&f)], None);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("page.txt"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Output files and pipes

#[test]
fn unwritable_output_exits_1_and_leaves_no_file() {
    let (code, out, err) = run(
        &["summarize", EN, "--output", "/nonexistent-dir/x.json"],
        None,
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "nothing goes to stdout: {out}");
    assert!(err.contains("/nonexistent-dir/x.json"), "{err}");
    assert!(!std::path::Path::new("/nonexistent-dir").exists());
}

#[test]
fn failed_output_rename_leaves_no_partial_file() {
    // The target is an existing folder: the temporary file cannot replace it.
    let dir = tempdir();
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    let (code, _, err) = run(
        &["summarize", EN, "--format", "json", "-o", s(&target)],
        None,
    );
    assert_eq!(code, 1, "{err}");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec!["taken".to_string()],
        "temporary files left behind"
    );
    assert!(target.is_dir());
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 0);
}

#[test]
fn output_file_gets_exactly_stdout_and_replaces_old_content() {
    let dir = tempdir();
    let target = dir.path().join("brief.json");
    std::fs::write(&target, "x".repeat(100_000)).unwrap();
    let expected = ok(&["summarize", EN, "--format", "json"]);
    let (code, out, err) = run(
        &["summarize", EN, "--format", "json", "--output", s(&target)],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "with --output nothing goes to stdout");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), expected);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["brief.json".to_string()]);

    let split_target = dir.path().join("sentences.txt");
    let expected = ok(&["split", AR]);
    let (code, _, err) = run(&["split", AR, "-o", s(&split_target)], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&split_target).unwrap(), expected);
}

#[test]
fn no_usable_input_creates_no_output_file() {
    let dir = tempdir();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let target = dir.path().join("out.txt");
    let (code, _, err) = run(&["summarize", s(&empty), "--output", s(&target)], None);
    assert_eq!(code, 2, "{err}");
    assert!(!target.exists());
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let dir = tempdir();
    let big = dir.path().join("big.txt");
    let mut text = String::new();
    for i in 0..8000 {
        text.push_str(&format!(
            "Report number {i} says the harbor bridge stays closed after the storm on Tuesday. "
        ));
        if i % 10 == 9 {
            text.push_str("\n\n");
        }
    }
    std::fs::write(&big, &text).unwrap();
    let mut child = Command::new(BIN)
        .args(["split", s(&big)])
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 256];
    stdout.read_exact(&mut first).unwrap();
    assert!(first.starts_with(b"Report number 0 says"));
    drop(stdout); // the reader goes away with ~600 kB still to write
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("error"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Ingest

#[test]
fn stdin_dash_reads_an_article() {
    let text = read(EN_FILES[0]);
    let (code, out, err) = run(
        &["summarize", "-", "--format", "json"],
        Some(text.as_bytes()),
    );
    assert_eq!(code, 0, "{err}");
    let b: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b["documents"].as_array().unwrap().len(), 1);
    assert_eq!(b["documents"][0]["id"], "stdin");
    assert_eq!(b["documents"][0]["path"], "-");
    assert_eq!(
        b["title"],
        "Storm forces closure of Porthaven harbor bridge"
    );
    for src in b["sentences"].as_array().unwrap() {
        assert_eq!(src["sources"][0]["document"], "stdin");
    }
    let from_file = summarize_json(&[EN_FILES[0]]);
    assert_eq!(sentence_texts(&b), sentence_texts(&from_file));
    assert!(!sentence_texts(&b).is_empty());

    let (code, out, _) = run(&["split", "-"], Some(text.as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(out, ok(&["split", EN_FILES[0]]));
}

#[test]
fn empty_stdin_exits_2() {
    let (code, out, err) = run(&["summarize", "-"], Some(b"  \n"));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("no usable document"), "{err}");
}

#[test]
fn jsonl_good_lines_summarized_bad_lines_skipped() {
    let dir = tempdir();
    let feed = dir.path().join("feed.jsonl");
    let reuters = read(EN_FILES[1]);
    let coast = read(EN_FILES[3]);
    let lines = [
        serde_json::json!({ "text": reuters }).to_string(),
        "{\"id\": \"broken\", \"text\": ".to_string(),
        serde_json::json!({ "id": "notext", "title": "A headline but no body" }).to_string(),
        serde_json::json!({
            "id": "cw", "text": coast, "source": "Coastwatch News",
            "url": "https://example.org/cw", "published": "2024-03-05"
        })
        .to_string(),
        String::new(),
        serde_json::json!({ "id": "blank", "text": "   " }).to_string(),
    ];
    std::fs::write(&feed, lines.join("\n") + "\n").unwrap();
    let (code, out, err) = run(&["summarize", s(&feed), "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let b: Value = serde_json::from_str(&out).unwrap();
    let docs = b["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["feed:1", "cw"]);
    assert!(docs[0]["path"].as_str().unwrap().ends_with("feed.jsonl:1"));
    assert!(docs[1]["path"].as_str().unwrap().ends_with("feed.jsonl:4"));
    assert_eq!(docs[1]["source"], "Coastwatch News");
    assert_eq!(docs[1]["url"], "https://example.org/cw");
    assert_eq!(docs[1]["date"], "2024-03-05");
    let skipped = b["skipped"].as_array().unwrap();
    let at: Vec<&str> = skipped
        .iter()
        .map(|k| k["path"].as_str().unwrap())
        .collect();
    assert_eq!(at.len(), 3, "{skipped:?}");
    assert!(at[0].ends_with("feed.jsonl:2"), "{at:?}");
    assert!(at[1].ends_with("feed.jsonl:3"), "{at:?}");
    assert!(at[2].ends_with("feed.jsonl:6"), "{at:?}");
    assert!(skipped[0]["reason"].as_str().unwrap().contains("JSON"));
    assert!(skipped[1]["reason"].as_str().unwrap().contains("text"));
    for line in ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:6"] {
        assert!(err.contains(line), "no warning for {line}: {err}");
    }
    assert!(!sentence_texts(&b).is_empty());
    // The good articles are really summarized: each sentence comes from one of them.
    let inputs = [squash(&reuters), squash(&coast)];
    for t in sentence_texts(&b) {
        assert!(
            inputs.iter().any(|i| i.contains(&squash(&t))),
            "not from the feed: {t}"
        );
    }
}

#[test]
fn invalid_utf8_file_is_skipped_with_a_warning() {
    let dir = tempdir();
    for f in &EN_FILES[..2] {
        let name = std::path::Path::new(f).file_name().unwrap();
        std::fs::copy(root().join(f), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"The caf\xe9 near the harbour bridge closed on Tuesday after the storm.\n",
    )
    .unwrap();
    let (code, out, err) = run(&["summarize", s(dir.path()), "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning") && err.contains("latin1.txt"),
        "{err}"
    );
    let b: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["01_ap", "02_reuters"]);
    let skipped = b["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("latin1.txt"));
    assert!(skipped[0]["reason"].as_str().unwrap().contains("UTF-8"));
    assert!(!out.contains("caf"));

    // --quiet silences the warning but the JSON still lists the file.
    let (code, out, err) = run(
        &["summarize", s(dir.path()), "--format", "json", "--quiet"],
        None,
    );
    assert_eq!(code, 0);
    assert!(err.is_empty(), "--quiet still warned: {err}");
    let b: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b["skipped"].as_array().unwrap().len(), 1);

    // The text format lists it too.
    let text = ok(&["summarize", s(dir.path()), "-q"]);
    assert!(
        text.contains("skipped:") && text.contains("latin1.txt"),
        "{text}"
    );
}

#[test]
fn hidden_files_and_folders_are_ignored() {
    let dir = tempdir();
    std::fs::copy(root().join(EN_FILES[0]), dir.path().join("01_ap.txt")).unwrap();
    let secret = "Zanzibar penguins quietly invaded the municipal archive on Tuesday night.\n";
    std::fs::write(dir.path().join(".hidden.txt"), secret.repeat(5)).unwrap();
    std::fs::create_dir(dir.path().join(".cache")).unwrap();
    std::fs::write(dir.path().join(".cache").join("copy.txt"), secret).unwrap();
    let b = summarize_json(&[s(dir.path())]);
    assert_eq!(b["documents"].as_array().unwrap().len(), 1);
    assert_eq!(b["skipped"].as_array().unwrap().len(), 0);
    let split = ok(&["split", s(dir.path())]);
    assert!(!split.contains("Zanzibar"));
    assert!(split.contains("A winter storm packing gusts"));
}

#[test]
fn folders_are_read_recursively_and_duplicates_read_once() {
    let dir = tempdir();
    let sub = dir.path().join("wire").join("ap");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(root().join(EN_FILES[0]), sub.join("01_ap.txt")).unwrap();
    std::fs::copy(
        root().join(EN_FILES[3]),
        dir.path().join("04_coastwatch.txt"),
    )
    .unwrap();
    let b = summarize_json(&[s(dir.path())]);
    let ids: BTreeSet<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, BTreeSet::from(["04_coastwatch", "wire/ap/01_ap"]));

    // The same file named twice (through its folder and by itself) is one article.
    let b = summarize_json(&[EN, EN_FILES[0]]);
    assert_eq!(b["documents"].as_array().unwrap().len(), 4);
}

// ---------------------------------------------------------------------------------------------
// The JSON schema

fn check_schema(b: &Value, explain: bool) {
    let top = b.as_object().expect("an object");
    let mut keys: BTreeSet<&str> = top.keys().map(String::as_str).collect();
    if explain {
        assert!(keys.remove("candidates"), "--explain adds candidates");
    }
    assert_eq!(
        keys,
        BTreeSet::from([
            "title",
            "language",
            "method",
            "budget",
            "sentences",
            "documents",
            "skipped"
        ])
    );
    assert!(b["title"].is_string() || b["title"].is_null());
    assert!(["ar", "en", "other"].contains(&b["language"].as_str().unwrap()));
    assert!(
        [
            "combined", "centroid", "lexrank", "position", "concepts", "kl"
        ]
        .contains(&b["method"].as_str().unwrap())
    );
    let budget = b["budget"].as_object().unwrap();
    assert_eq!(budget.len(), 3);
    assert!(["words", "chars", "sentences"].contains(&budget["unit"].as_str().unwrap()));
    let limit = budget["limit"].as_u64().unwrap();
    let used = budget["used"].as_u64().unwrap();
    assert!(used <= limit);

    let docs = b["documents"].as_array().unwrap();
    let mut ids = BTreeSet::new();
    for d in docs {
        let o = d.as_object().unwrap();
        for k in o.keys() {
            assert!(
                [
                    "id",
                    "path",
                    "title",
                    "language",
                    "sentences",
                    "date",
                    "url",
                    "source"
                ]
                .contains(&k.as_str()),
                "unknown document key {k}"
            );
        }
        assert!(
            ids.insert(d["id"].as_str().unwrap().to_owned()),
            "document ids are unique"
        );
        assert!(d["path"].is_string());
        assert!(d["title"].is_string() || d["title"].is_null());
        assert!(["ar", "en", "other"].contains(&d["language"].as_str().unwrap()));
        assert!(d["sentences"].as_u64().unwrap() > 0);
        for k in ["date", "url", "source"] {
            assert!(
                o.get(k).is_none_or(Value::is_string),
                "{k} is a string when present"
            );
        }
    }
    for st in b["sentences"].as_array().unwrap() {
        let o = st.as_object().unwrap();
        assert_eq!(
            o.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            BTreeSet::from(["text", "score", "sources", "support"])
        );
        assert!(!st["text"].as_str().unwrap().trim().is_empty());
        assert!(st["score"].as_f64().unwrap().is_finite());
        let sources = st["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "every sentence has a source");
        let mut seen = BTreeSet::new();
        let mut distinct_docs = BTreeSet::new();
        for src in sources {
            let so = src.as_object().unwrap();
            assert_eq!(so.len(), 2);
            let doc = src["document"].as_str().unwrap();
            let idx = src["sentence"].as_u64().unwrap();
            assert!(ids.contains(doc), "source {doc} is not a listed document");
            assert!(seen.insert((doc, idx)), "a source is listed twice");
            distinct_docs.insert(doc);
        }
        assert_eq!(
            st["support"].as_u64().unwrap() as usize,
            distinct_docs.len(),
            "support = distinct documents among the sources: {st}"
        );
    }
    for k in b["skipped"].as_array().unwrap() {
        let o = k.as_object().unwrap();
        assert_eq!(o.len(), 2);
        assert!(k["path"].is_string() && k["reason"].is_string());
    }
}

#[test]
fn json_schema_and_types() {
    for dir in [EN, AR] {
        for budget in [["--words", "100"], ["--sentences", "6"], ["--chars", "700"]] {
            let b = summarize_json(&[dir, budget[0], budget[1]]);
            check_schema(&b, false);
            assert_eq!(b["budget"]["unit"], &budget[0][2..]);
            assert_eq!(b["budget"]["limit"], budget[1].parse::<u64>().unwrap());
            assert!(!b["sentences"].as_array().unwrap().is_empty());
        }
    }
    let en = summarize_json(&[EN]);
    assert_eq!(en["language"], "en");
    assert_eq!(en["method"], "combined");
    assert_eq!(en["budget"]["unit"], "words");
    assert_eq!(en["budget"]["limit"], 100);
    assert_eq!(en["documents"].as_array().unwrap().len(), 4);
    let ar = summarize_json(&[AR]);
    assert_eq!(ar["language"], "ar");
    assert_eq!(ar["documents"].as_array().unwrap().len(), 5);
    for d in ar["documents"].as_array().unwrap() {
        assert_eq!(d["language"], "ar");
    }
}

#[test]
fn json_document_sentence_counts_match_split() {
    for dir in [EN, AR] {
        let b = summarize_json(&[dir]);
        let lines = split_jsonl(&[dir]);
        for d in b["documents"].as_array().unwrap() {
            let id = d["id"].as_str().unwrap();
            let n = lines.iter().filter(|l| l.document == id).count();
            assert_eq!(d["sentences"].as_u64().unwrap() as usize, n, "{id}");
        }
    }
}

#[test]
fn every_method_runs_and_is_reported() {
    for method in [
        "combined", "centroid", "lexrank", "position", "concepts", "kl",
    ] {
        for dir in [EN, AR] {
            let b = summarize_json(&[dir, "--method", method, "--words", "80"]);
            check_schema(&b, false);
            assert_eq!(b["method"], method);
            let texts = sentence_texts(&b);
            assert!(!texts.is_empty(), "{method} on {dir} chose nothing");
            let used: usize = texts.iter().map(|t| words(t)).sum();
            assert!(used <= 80);
            assert_eq!(b["budget"]["used"].as_u64().unwrap() as usize, used);
        }
    }
    // Position picks leads: every chosen sentence is some article's first sentence.
    let b = summarize_json(&[EN, "--method", "position", "--sentences", "3"]);
    for st in b["sentences"].as_array().unwrap() {
        assert!(
            st["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["sentence"] == 0),
            "position method chose a non-lead: {st}"
        );
    }
}

#[test]
fn forced_language_is_used() {
    let b = summarize_json(&[EN, "--lang", "ar"]);
    for d in b["documents"].as_array().unwrap() {
        assert_eq!(d["language"], "ar");
    }
    assert_eq!(b["language"], "ar");
    let b = summarize_json(&[AR, "--lang", "en"]);
    assert_eq!(b["language"], "en");
    let b = summarize_json(&[AR, "--lang", "auto"]);
    assert_eq!(b["language"], "ar");
}

// ---------------------------------------------------------------------------------------------
// Text and Markdown agree with JSON

#[test]
fn text_and_markdown_show_the_json_sentences_in_order() {
    for dir in [EN, AR] {
        let b = summarize_json(&[dir]);
        let texts = sentence_texts(&b);
        let text = ok(&["summarize", dir]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], b["title"].as_str().unwrap());
        assert_eq!(lines[1], "");
        for (i, t) in texts.iter().enumerate() {
            let line = lines[2 + i];
            let prefix = format!("{}. {} [", i + 1, t);
            assert!(
                line.starts_with(&prefix),
                "line {i}: {line:?}\nexpected {prefix:?}"
            );
        }
        assert_eq!(lines[2 + texts.len()], "");
        let footer = format!(
            "{} words of 100 · {} articles · {}",
            b["budget"]["used"],
            b["documents"].as_array().unwrap().len(),
            b["language"].as_str().unwrap()
        );
        assert_eq!(lines[3 + texts.len()], footer);
        for (i, d) in b["documents"].as_array().unwrap().iter().enumerate() {
            let line = lines[4 + texts.len() + i];
            assert!(line.starts_with(&format!("[{}] {}", i + 1, d["id"].as_str().unwrap())));
        }

        let md = ok(&["summarize", dir, "--format", "markdown"]);
        assert!(md.starts_with("# "));
        let bullets: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(bullets.len(), texts.len());
        for (line, t) in bullets.iter().zip(&texts) {
            // Markdown escapes a few characters; the words themselves are unchanged.
            let unescaped = line.replace('\\', "");
            assert!(unescaped.starts_with(&format!("- {t} [")), "{line}");
        }
        assert!(md.contains("**Sources**"));
    }
}

#[test]
fn citations_point_at_the_source_documents() {
    let b = summarize_json(&[EN]);
    let docs: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let text = ok(&["summarize", EN]);
    for (i, st) in b["sentences"].as_array().unwrap().iter().enumerate() {
        let line = text.lines().nth(2 + i).unwrap();
        let cites: BTreeSet<usize> = line
            .rsplit_once(' ')
            .unwrap()
            .1
            .trim_matches(|c| c == '[' || c == ']')
            .split("][")
            .map(|n| n.parse().unwrap())
            .collect();
        let expected: BTreeSet<usize> = st["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| 1 + docs.iter().position(|d| *d == s["document"]).unwrap())
            .collect();
        assert_eq!(cites, expected, "{line}");
        let first = 1 + docs
            .iter()
            .position(|d| *d == st["sources"][0]["document"])
            .unwrap();
        assert!(line.ends_with(&format!(" [{first}]")) || line.contains(&format!(" [{first}][")));
    }
}

// ---------------------------------------------------------------------------------------------
// Budgets

fn char_total(texts: &[String]) -> usize {
    texts.iter().map(|t| t.chars().count()).sum::<usize>() + texts.len().saturating_sub(1)
}

#[test]
fn sentence_budget_holds() {
    for dir in [EN, AR] {
        for n in [1usize, 2] {
            let b = summarize_json(&[dir, "--sentences", &n.to_string()]);
            let texts = sentence_texts(&b);
            assert!(!texts.is_empty() && texts.len() <= n, "{dir}: {texts:?}");
            assert_eq!(b["budget"]["unit"], "sentences");
            assert_eq!(b["budget"]["used"].as_u64().unwrap() as usize, texts.len());
        }
    }
}

#[test]
fn char_budget_holds() {
    for dir in [EN, AR] {
        for n in [300usize, 301, 1000] {
            let b = summarize_json(&[dir, "--chars", &n.to_string()]);
            let texts = sentence_texts(&b);
            let total = char_total(&texts);
            assert!(total <= n, "{dir} --chars {n}: {total} chars: {texts:?}");
            assert_eq!(b["budget"]["unit"], "chars");
            assert_eq!(b["budget"]["used"].as_u64().unwrap() as usize, total);
            if dir == EN {
                assert!(!texts.is_empty());
            }
        }
    }
}

#[test]
fn word_budget_holds() {
    for dir in [EN, AR] {
        for n in [30usize, 100, 250] {
            let b = summarize_json(&[dir, "--words", &n.to_string()]);
            let texts = sentence_texts(&b);
            let used: usize = texts.iter().map(|t| words(t)).sum();
            assert!(used <= n, "{dir} --words {n}: {used}");
            assert_eq!(b["budget"]["used"].as_u64().unwrap() as usize, used);
            if n >= 100 || dir == EN {
                assert!(!texts.is_empty(), "{dir} --words {n} chose nothing");
            }
        }
    }
    // A bigger budget never gives a shorter briefing.
    let small = summarize_json(&[EN, "--words", "30"]);
    let big = summarize_json(&[EN, "--words", "250"]);
    assert!(big["budget"]["used"].as_u64() > small["budget"]["used"].as_u64());
}

#[test]
fn default_budget_is_100_words() {
    let b = summarize_json(&[EN]);
    assert_eq!(b["budget"]["unit"], "words");
    assert_eq!(b["budget"]["limit"], 100);
    assert_eq!(summarize_json(&[EN, "--words", "100"]), b);
}

#[test]
fn tiny_budget_prints_an_empty_briefing() {
    let text = ok(&["summarize", EN, "--words", "3"]);
    assert!(text.contains("(no sentence fits the budget)"), "{text}");
    assert!(text.contains("0 words of 3"), "{text}");
    let b = summarize_json(&[EN, "--words", "3"]);
    assert!(b["sentences"].as_array().unwrap().is_empty());
    assert_eq!(b["budget"]["used"], 0);
}

// ---------------------------------------------------------------------------------------------
// --explain

#[test]
fn explain_text_has_candidates_section() {
    let text = ok(&["summarize", EN, "--explain", "--words", "60"]);
    let at = text.find("Candidates").expect("a Candidates section");
    let section = &text[at..];
    assert!(section.contains("chosen (pick 1)"), "{section}");
    assert!(section.contains("not chosen") || section.contains("near-duplicate"));
    assert!(!ok(&["summarize", EN, "--words", "60"]).contains("Candidates"));
    let md = ok(&["summarize", AR, "--explain", "--format", "markdown"]);
    assert!(md.contains("| score | centroid | lexrank |"), "{md}");
}

#[test]
fn explain_json_has_a_decision_per_candidate() {
    for dir in [EN, AR] {
        for budget in ["40", "100", "200"] {
            let b = summarize_json(&[dir, "--explain", "--words", budget]);
            check_schema(&b, true);
            let cands = b["candidates"]
                .as_array()
                .expect("candidates with --explain");
            let lines = split_jsonl(&[dir]);
            assert_eq!(cands.len(), lines.len(), "one candidate per sentence");
            let mut chosen = Vec::new();
            for c in cands {
                let decision = c["decision"].as_str().expect("decision string");
                assert!(!decision.is_empty());
                assert!(c["text"].is_string() && c["score"].is_number());
                for k in [
                    "centroid",
                    "lexrank",
                    "position",
                    "length",
                    "signature",
                    "support",
                ] {
                    assert!(c[k].is_number(), "{k} missing: {c}");
                }
                if decision.starts_with("chosen") {
                    chosen.push((
                        c["source"]["document"].as_str().unwrap().to_owned(),
                        c["source"]["sentence"].as_u64().unwrap(),
                    ));
                }
            }
            let sentences = b["sentences"].as_array().unwrap();
            assert_eq!(chosen.len(), sentences.len(), "{dir} {budget}");
            for st in sentences {
                let first = (
                    st["sources"][0]["document"].as_str().unwrap().to_owned(),
                    st["sources"][0]["sentence"].as_u64().unwrap(),
                );
                assert!(chosen.contains(&first), "{first:?} not marked chosen");
            }
            // Best first.
            let scores: Vec<f64> = cands.iter().map(|c| c["score"].as_f64().unwrap()).collect();
            assert!(
                scores.windows(2).all(|w| w[0] >= w[1]),
                "candidates not best first"
            );
        }
    }
    assert!(summarize_json(&[EN]).get("candidates").is_none());
}

#[test]
fn explain_does_not_change_the_choice() {
    for dir in [EN, AR] {
        let plain = summarize_json(&[dir]);
        let mut explained = summarize_json(&[dir, "--explain"]);
        explained.as_object_mut().unwrap().remove("candidates");
        assert_eq!(plain, explained);
    }
}

// ---------------------------------------------------------------------------------------------
// Determinism

#[test]
fn output_is_the_same_for_any_thread_count() {
    for dir in [EN, AR] {
        for format in ["text", "json", "markdown"] {
            let one = ok(&[
                "summarize",
                dir,
                "--format",
                format,
                "--threads",
                "1",
                "--explain",
            ]);
            let four = ok(&[
                "summarize",
                dir,
                "--format",
                format,
                "--threads",
                "4",
                "--explain",
            ]);
            assert_eq!(one, four, "{dir} {format}");
            let again = ok(&[
                "summarize",
                dir,
                "--format",
                format,
                "--threads",
                "4",
                "--explain",
            ]);
            assert_eq!(four, again, "{dir} {format}: two runs differ");
            let default = ok(&["summarize", dir, "--format", format, "--explain"]);
            assert_eq!(one, default, "{dir} {format}: default threads");
        }
        let one = ok(&["split", dir, "--format", "jsonl", "--threads", "1"]);
        let four = ok(&["split", dir, "--format", "jsonl", "--threads", "4"]);
        assert_eq!(one, four);
    }
}

#[test]
fn output_does_not_depend_on_argument_order() {
    let [a, b, c, d] = EN_FILES;
    for format in ["text", "json"] {
        let forward = ok(&["summarize", a, b, c, d, "--format", format]);
        let backward = ok(&["summarize", d, c, b, a, "--format", format]);
        let shuffled = ok(&["summarize", c, a, d, b, "--format", format]);
        assert_eq!(forward, backward, "{format}");
        assert_eq!(forward, shuffled, "{format}");
    }
    assert_eq!(ok(&["split", a, b, c, d]), ok(&["split", d, b, a, c]));
}

#[test]
fn bom_utf16_and_crlf_inputs_read_like_plain_utf8() {
    let text = read(EN_FILES[2]);
    let expected = ok(&["split", EN_FILES[2]]);
    assert!(!expected.is_empty());
    let dir = tempdir();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let crlf = text.replace('\n', "\r\n").into_bytes();
    for (name, bytes) in [("bom.txt", bom), ("utf16.txt", utf16), ("crlf.txt", crlf)] {
        let f = dir.path().join(name);
        std::fs::write(&f, bytes).unwrap();
        assert_eq!(ok(&["split", s(&f)]), expected, "{name}");
    }
}

#[test]
fn jsonl_title_differing_from_the_printed_headline_still_strips_the_dateline() {
    let dir = tempdir();
    let feed = dir.path().join("feed.jsonl");
    let record = serde_json::json!({
        "id": "r",
        "title": "Storm closes Porthaven bridge - Reuters",
        "text": read(EN_FILES[1]),
    });
    std::fs::write(&feed, format!("{record}\n")).unwrap();
    let split = ok(&["split", s(&feed)]);
    assert!(!split.contains("(Reuters)"), "{split}");
    let headline = "Storm damage shuts Porthaven's Halloran bridge, ferries pressed into service";
    assert!(count(&split, headline) <= 1, "{split}");
    let b = summarize_json(&[s(&feed), "--words", "300"]);
    for t in sentence_texts(&b) {
        assert!(!t.starts_with("PORTHAVEN"), "dateline in the briefing: {t}");
    }
}

#[test]
fn regression_each_command_has_its_own_default_budget() {
    // clap kept one default for both commands (a static shared by the generic budget args).
    let summary: serde_json::Value =
        serde_json::from_str(&ok(&["summarize", EN, "--format", "json"])).unwrap();
    assert_eq!(summary["budget"]["limit"], 100);
    let digest: serde_json::Value =
        serde_json::from_str(&ok(&["digest", EN, "--format", "json"])).unwrap();
    // 60 words for a story of one article, scaled by 1 + log10(4) for the sample's four.
    assert_eq!(digest["stories"][0]["articles"], 4);
    assert_eq!(digest["stories"][0]["briefing"]["budget"]["limit"], 96);
    assert!(ok(&["digest", "--help"]).contains("Budget in words [default: 60]"));
    assert!(ok(&["summarize", "--help"]).contains("Budget in words [default: 100]"));
}

#[test]
fn man_page_and_completions_are_generated_from_the_definitions() {
    let man = ok(&["generate", "man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH briefing"),
        "{man}"
    );
    assert!(man.contains("summarize") && man.contains("digest"), "{man}");
    let bash = ok(&["generate", "bash"]);
    assert!(
        bash.contains("complete") && bash.contains("--max-document-bytes"),
        "{bash}"
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert!(ok(&["generate", shell]).contains("summarize"), "{shell}");
    }
    let (code, _, err) = run(&["generate", "tcsh"], None);
    assert_eq!(code, 2, "{err}");
}
