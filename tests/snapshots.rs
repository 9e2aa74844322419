//! Snapshots of the briefings of both samples (insta; `tests/snapshots/`). Review a change with
//! `cargo insta review`, or `INSTA_UPDATE=always cargo test` and read the diff. With `CI=true`
//! a mismatch fails.

use crate::util::*;

fn snapshot_of(args: &[&str]) -> String {
    let mut all = vec!["summarize"];
    all.extend_from_slice(args);
    ok(&all)
}

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
fn digest_text() {
    insta::assert_snapshot!(
        "digest_text",
        ok(&["digest", AR, EN, "--stories", "3", "--words", "40"])
    );
}

#[test]
fn digest_markdown() {
    insta::assert_snapshot!(
        "digest_markdown",
        ok(&[
            "digest",
            AR,
            EN,
            "--stories",
            "3",
            "--words",
            "40",
            "--format",
            "markdown"
        ])
    );
}

#[test]
fn arabic_html() {
    insta::assert_snapshot!(
        "arabic_html",
        snapshot_of(&[AR, "--words", "100", "--format", "html"])
    );
}
