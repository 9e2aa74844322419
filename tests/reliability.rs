//! What an unattended nightly job meets: special files, links, hostile fields, closed outputs,
//! signals and bad options. Each test runs the binary (docs/reliability.md lists them).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::*;

fn story(dir: &Path, name: &str) {
    std::fs::write(
        dir.join(name),
        "A storm closed the harbour bridge on Tuesday, officials said. Ferries carried \
         commuters across the bay while engineers inspected the damaged railing.",
    )
    .unwrap();
}

#[test]
fn a_named_pipe_in_a_folder_is_skipped_not_waited_on() {
    let dir = tempdir();
    story(dir.path(), "a.txt");
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let started = Instant::now();
    let (code, out, err) = run(&["summarize", s(dir.path()), "--format", "json"], None);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "it waited on the pipe"
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let skipped = v["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|k| k["path"].as_str().unwrap().ends_with("pipe.txt")
                && k["reason"].as_str().unwrap().contains("named pipe")),
        "{skipped:?}"
    );
    assert!(err.contains("pipe.txt"), "{err}");
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_followed_and_dangling_links_reported() {
    let dir = tempdir();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    story(&real, "a.txt");
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    std::os::unix::fs::symlink(&real, input.join("linked")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), input.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(&input, input.join("loop")).unwrap();
    let (code, out, err) = run(&["summarize", s(&input), "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["id"], "linked/a");
    let reasons: Vec<String> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("{} {}", k["path"], k["reason"]))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("dangling.txt") && r.contains("dangling")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("loop") && r.contains("symbolic link loop")),
        "{reasons:?}"
    );
}

#[test]
fn record_fields_of_the_wrong_type_and_big_ids() {
    let dir = tempdir();
    let f = dir.path().join("a.jsonl");
    std::fs::write(
        &f,
        "{\"id\": 18446744073709551616, \"text\": \"A storm closed the harbour bridge on \
         Tuesday, officials said in a statement.\"}\n{\"id\": 2, \"text\": 12345}\n",
    )
    .unwrap();
    let (code, out, err) = run(&["summarize", s(&f), "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["id"], "18446744073709551616");
    let reason = v["skipped"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("\"text\" holds a number"), "{reason}");
}

#[test]
fn latin_text_starting_with_the_utf16_mark_is_not_read_as_utf16() {
    let dir = tempdir();
    let f = dir.path().join("latin.txt");
    std::fs::write(&f, b"\xFF\xFEcole de Paris: r\xE9sum\xE9 de la semaine.").unwrap();
    story(dir.path(), "b.txt");
    let (code, out, err) = run(&["summarize", s(dir.path()), "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("UTF-8")
    );
}

/// A JSONL record with hostile fields.
fn hostile(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("hostile.jsonl");
    let text = "A storm closed the harbour bridge on Tuesday, officials said. Ferries \
                carried commuters across the bay.";
    let recs = [
        serde_json::json!({"id": "evil\u{1b}[2J\u{7}\u{8}", "title": "Bridge \u{202E}shut",
            "text": text, "url": "javascript:alert(3)", "source": "Wire\u{1b}]0;x\u{7}"}),
        serde_json::json!({"id": "b\nline", "title": "Other\u{9b}31m",
            "text": text.replace("Tuesday", "Tuesday morning"),
            "url": "https://e.example/<img src=x onerror=alert(1)>"}),
    ];
    let lines: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
    std::fs::write(&f, lines.join("\n")).unwrap();
    f
}

#[test]
fn hostile_fields_are_shown_safely_in_every_human_format() {
    let dir = tempdir();
    let f = hostile(dir.path());
    for format in ["text", "markdown", "html"] {
        for cmd in ["summarize", "digest"] {
            let out = ok(&[cmd, s(&f), "--format", format]);
            for bad in ['\u{1b}', '\u{7}', '\u{8}', '\u{9b}', '\u{202E}'] {
                assert!(!out.contains(bad), "{cmd} {format}: {bad:?} in {out}");
            }
            assert!(!out.contains("javascript:alert"), "{cmd} {format}: {out}");
            assert!(!out.contains("<img"), "{cmd} {format}: {out}");
            assert!(
                !out.contains("b\nline"),
                "{cmd} {format}: a newline in an id"
            );
        }
    }
    let mail = ok(&[
        "digest",
        s(&f),
        "--format",
        "email",
        "--from",
        "a@b.org",
        "--to",
        "c@d.org",
        "--date",
        "2026-11-22 06:00",
    ]);
    assert!(!mail.contains('\u{1b}') && !mail.contains('\u{202E}'));
    // JSON keeps the data as written (escaped).
    let json = ok(&["summarize", s(&f), "--format", "json"]);
    assert!(json.contains("\\u001b"), "{json}");
}

#[test]
fn zero_width_joiners_do_not_make_a_sentence_twice() {
    let dir = tempdir();
    let base = "Engineers said the damaged railing of the harbour bridge would be replaced.";
    std::fs::write(dir.path().join("a.txt"), base).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        base.replace("railing", "rail\u{200D}ing"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        base.replace("harbour", "har\u{200C}bour"),
    )
    .unwrap();
    let v = summarize_json(&[s(dir.path()), "--words", "100"]);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["sentences"][0]["support"], 3);
}

#[test]
fn every_float_option_refuses_nan_infinity_and_out_of_range() {
    for (opt, value) in [
        ("--link", "NaN"),
        ("--link", "inf"),
        ("--link", "2"),
        ("--link", "-1"),
        ("--lambda", "nan"),
        ("--mu", "-inf"),
        ("--diversity", "-2"),
    ] {
        let (code, out, err) = run(&["digest", EN, opt, value], None);
        assert_eq!(code, 2, "{opt} {value}: {err}");
        assert!(out.is_empty());
    }
    let (code, _, err) = run(&["summarize", EN, "--words", "-5"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("got -5") && !err.contains("-- -5"), "{err}");
}

#[test]
fn a_closed_pipe_is_not_an_error_in_any_format() {
    for format in ["json", "text", "markdown", "html"] {
        for cmd in ["summarize", "digest"] {
            let mut child = Command::new(BIN)
                .args([cmd, AR, EN, "--format", format])
                .current_dir(root())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            drop(child.stdout.take()); // the reader goes away at once
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{cmd} {format}: {err}");
            assert!(!err.contains("error"), "{cmd} {format}: {err}");
        }
    }
}

/// Regression: standard output on `/dev/null` opened read-write (Python's
/// `subprocess.DEVNULL`, systemd's `StandardOutput=null`, `1<>/dev/null`) was taken for a
/// closed standard output, and every run exited 1.
#[cfg(unix)]
#[test]
fn standard_output_on_dev_null_read_write_is_not_an_error() {
    for cmd in ["summarize", "digest"] {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("'{BIN}' {cmd} {EN} 1<>/dev/null"))
            .current_dir(root())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {err}");
        assert!(!err.contains("error"), "{cmd}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn output_goes_through_symlinks_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let target = dir.path().join("private.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("private.json", &link).unwrap();
    let (code, _, err) = run(&["summarize", EN, "--format", "json", "-o", s(&link)], None);
    assert_eq!(code, 0, "{err}");
    assert!(link.is_symlink(), "the link was replaced by a file");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"sentences\"")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "a temporary file was left behind");
}

#[cfg(unix)]
#[test]
fn a_signal_while_the_output_is_written_leaves_no_temporary_file() {
    // A big output, so that the temporary file exists long enough to be caught.
    let dir = tempdir();
    let input = dir.path().join("big.jsonl");
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!(
            "{{\"id\": \"a{i}\", \"text\": \"Report {i}: the storm closed bridge {i} on \
             Tuesday, and ferries {i} carried commuters across bay {i} instead.\"}}\n"
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let target = dir.path().join("out.json");
    for _attempt in 0..10 {
        let mut child = Command::new(BIN)
            .args(["summarize", s(&input), "--sentences", "5000", "--explain"])
            .args(["--format", "json", "-o", s(&target), "--quiet"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut caught = false;
        while started.elapsed() < Duration::from_secs(60) {
            let tmp = std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
            if tmp {
                let _ = Command::new("kill")
                    .args(["-TERM", &child.id().to_string()])
                    .status();
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        if caught {
            return;
        }
        let _ = std::fs::remove_file(&target);
    }
    panic!("never caught the run while it wrote its output");
}

#[test]
fn a_malformed_summary_is_skipped_and_the_rest_scored() {
    let dir = tempdir();
    let summaries = dir.path().join("peers");
    std::fs::create_dir(&summaries).unwrap();
    let models = root().join("tests/fixtures/rouge/models");
    for f in std::fs::read_dir(root().join("tests/fixtures/rouge/peers")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, summaries.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(summaries.join("vote.json"), "{ not json").unwrap();
    std::fs::remove_file(summaries.join("vote")).ok();
    let (code, out, err) = run(
        &[
            "eval",
            "--summaries",
            s(&summaries),
            "--references",
            s(&models),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(!v["clusters"].as_array().unwrap().is_empty());
    assert!(
        v["skipped"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("vote.json")
    );
    assert!(err.contains("vote.json"), "{err}");
}

#[test]
fn an_unreadable_article_date_is_reported_not_guessed() {
    let dir = tempdir();
    let f = dir.path().join("dates.jsonl");
    let text = "A storm closed the harbour bridge on Tuesday, officials said. Ferries \
                carried commuters across the bay.";
    let recs = [
        serde_json::json!({"id": "a", "text": text, "date": "Tue, 21 Jul 2015 23:30:00 +0300"}),
        serde_json::json!({"id": "b", "text": text, "date": "٢٠١٥-٠٧-٢٢"}),
        serde_json::json!({"id": "c", "text": text, "date": "2015-02-31"}),
    ];
    let lines: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
    std::fs::write(&f, lines.join("\n")).unwrap();
    let (code, out, err) = run(&["digest", s(&f)], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("\"2015-02-31\" is not a date") && err.contains("without a date"),
        "{err}"
    );
    assert!(out.contains("2015-07-21 to 2015-07-22"), "{out}");
    assert!(out.contains("skipped 1 input: 1 date not read"), "{out}");
}

#[test]
fn skipped_list_goes_to_a_file_and_stderr_gets_counts() {
    let dir = tempdir();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Storm shuts bridge\n\nA storm closed the harbour bridge on Tuesday, officials said. \
         Ferries carried commuters across the bay.",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let list = dir.path().join("skipped.jsonl");
    let (code, out, err) = run(&["digest", s(dir.path()), "--skipped", s(&list)], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("skipped 2 inputs: 1 empty, 1 not text"),
        "{err}"
    );
    assert!(
        out.contains("skipped 2 inputs: 1 empty, 1 not text"),
        "{out}"
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["not text", "empty"]);
    assert!(lines[1]["path"].as_str().unwrap().ends_with("empty.txt"));
}
