//! Helpers shared by the test modules: run the binary, read the samples, compare texts.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The compiled `briefing` binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_briefing");

/// The crate root: the binary runs there, so `samples/...` paths are stable in the output.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Path of the Arabic sample cluster, relative to the crate root.
pub const AR: &str = "samples/coalition-ar";
/// Path of the English sample cluster, relative to the crate root.
pub const EN: &str = "samples/harbor-bridge-en";
/// The Arabic seed with the glued stops and the comment block.
pub const AR_000: &str = "samples/coalition-ar/000_6932063679f223f1.txt";

/// The four English files, in name order.
pub const EN_FILES: [&str; 4] = [
    "samples/harbor-bridge-en/01_ap.txt",
    "samples/harbor-bridge-en/02_reuters.txt",
    "samples/harbor-bridge-en/03_porthaven-herald.txt",
    "samples/harbor-bridge-en/04_coastwatch.txt",
];

/// Runs the binary from the crate root with `args` and optional standard input, and returns
/// (exit code, stdout, stderr). Output that is not UTF-8 fails the test.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    run_in(root(), args, stdin)
}

/// [`run`] from another working directory.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the briefing binary");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        let input = input.to_vec();
        // Write from a thread so a large input cannot deadlock against a full stdout pipe.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("wait for briefing");
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    (code, stdout, stderr)
}

/// Runs the binary and requires exit code 0 and no panic; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args, None);
    assert_eq!(code, 0, "briefing {args:?} failed with {code}: {err}");
    assert!(
        !err.contains("panicked"),
        "briefing {args:?} panicked: {err}"
    );
    out
}

/// Runs `summarize ... --format json` and parses the result.
pub fn summarize_json(args: &[&str]) -> Value {
    let mut all = vec!["summarize"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = ok(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{out}"))
}

/// One line of `briefing split --format jsonl`.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitLine {
    pub document: String,
    pub sentence: u64,
    pub text: String,
}

/// Runs `split --format jsonl` on the paths and parses every line.
pub fn split_jsonl(paths: &[&str]) -> Vec<SplitLine> {
    let mut args = vec!["split", "--format", "jsonl"];
    args.extend_from_slice(paths);
    ok(&args)
        .lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad line {l:?}: {e}"));
            let obj = v.as_object().expect("an object per line");
            assert_eq!(
                obj.len(),
                3,
                "split line has exactly document, sentence, text: {l}"
            );
            SplitLine {
                document: v["document"].as_str().expect("document string").to_owned(),
                sentence: v["sentence"].as_u64().expect("sentence number"),
                text: v["text"].as_str().expect("text string").to_owned(),
            }
        })
        .collect()
}

/// The sentence texts of a JSON briefing.
pub fn sentence_texts(b: &Value) -> Vec<String> {
    b["sentences"]
        .as_array()
        .expect("sentences array")
        .iter()
        .map(|s| s["text"].as_str().expect("text").to_owned())
        .collect()
}

/// The text with every whitespace character removed (the output collapses whitespace and
/// glues a final stop to its word, so this is the form in which it matches its input).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Reads a file of the crate (UTF-8).
pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// Every regular file of a sample folder, in name order.
pub fn files_of(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("sample folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// The inputs of a sample folder, whitespace removed.
pub fn squashed_inputs(dir: &str) -> Vec<String> {
    files_of(dir)
        .iter()
        .map(|p| squash(&std::fs::read_to_string(p).expect("sample text")))
        .collect()
}

/// Number of non-overlapping occurrences of `needle` in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Whitespace word count, as the word budget counts.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A fresh temporary folder (removed on drop).
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// A path as a `&str` (test paths are UTF-8).
pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Checks a JSON briefing of a sample folder against its inputs: every sentence stands, up to
/// whitespace, in some input file, and in the file of its first source; every source
/// `(document, sentence)` is a line of `briefing split --format jsonl` on the same folder, and
/// the first source's line has exactly the sentence's text.
pub fn check_sentences_come_from_inputs(dir: &str, b: &Value) {
    let inputs = squashed_inputs(dir);
    let by_name: std::collections::BTreeMap<String, String> = files_of(dir)
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, squash(&std::fs::read_to_string(p).unwrap()))
        })
        .collect();
    let lines = split_jsonl(&[dir]);
    let sentences = b["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty(), "{dir}: empty briefing");
    for st in sentences {
        let text = st["text"].as_str().unwrap();
        let key = squash(text);
        assert!(
            inputs.iter().any(|i| i.contains(&key)),
            "{dir}: sentence not found in any input: {text}"
        );
        let sources = st["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "{dir}: no source for {text}");
        for (n, src) in sources.iter().enumerate() {
            let doc = src["document"].as_str().unwrap();
            let idx = src["sentence"].as_u64().unwrap();
            let line = lines
                .iter()
                .find(|l| l.document == doc && l.sentence == idx)
                .unwrap_or_else(|| panic!("{dir}: source {doc}#{idx} is not a split line"));
            if n == 0 {
                assert_eq!(
                    line.text, text,
                    "{dir}: first source {doc}#{idx} has other text"
                );
                assert!(
                    by_name[doc].contains(&key),
                    "{dir}: not in its own file {doc}"
                );
            }
        }
    }
}

/// The number of proptest cases: the environment variable `var` when it is set to a number,
/// else `default` (a longer soak without editing the tests).
pub fn cases_from_env(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
