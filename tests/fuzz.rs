//! Fuzzing on the stable toolchain: long proptest runs, behind the `fuzz` feature, of the three
//! parsers that meet raw input: the sentence splitter, the cleaner, and the JSON/JSONL readers.
//!
//! ```sh
//! BRIEFING_FUZZ_CASES=200000 cargo test --release --features fuzz --test integration fuzz -- --nocapture
//! ```
//!
//! Each target runs `BRIEFING_FUZZ_CASES` cases (default 20,000) and checks its contract,
//! not only the absence of panics. A failure is shrunk and
//! saved under `proptest-regressions/`; the fix gets a regression test beside the code. The
//! README records the runs made.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use briefing::Language;
use briefing::text::{clean, ingest, split};

use crate::util::cases_from_env;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases_from_env("BRIEFING_FUZZ_CASES", 20_000),
        max_shrink_iters: 4096,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// Text from the characters that matter to the parsers, plus anything at all.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        3 => prop::sample::select(vec![
            ".", "..", "...", "…", "؟", "?", "!", "،", "؛", ":", "\n", "\n\n", "\r\n", "\t",
            " ", "\u{a0}", "\u{200f}", "\u{640}", "\u{64e}", "\u{651}", "«", "»", "“", "”",
            "\"", "'", "(", ")", "[", "]", "{", "}", "،و", ".و", "”.و", "د.", "U.S.", "No.",
            "Mr.", "ﻻ", "ﷲ", "۔", "。", "١٢٣", "2015", "http://x.y/z", "@user", "آخر تحديث:",
            "Share this", "بغداد/", "-- ", "(AP) --", "ـــ",
        ])
        .prop_map(str::to_owned),
        3 => "[a-zA-Z]{1,8}",
        3 => "[\u{0621}-\u{064A}]{1,8}",
    ];
    prop::collection::vec(pieces, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_splitter(text in nasty(), arabic in any::<bool>(), max in 16usize..400) {
        let language = if arabic { Language::Arabic } else { Language::English };
        let spans = split::split_paragraph(&text, language);
        let mut last = 0;
        for s in &spans {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            for piece in split::cap_length(&text, s.clone(), max) {
                prop_assert!(piece.start >= s.start && piece.end <= s.end);
                prop_assert!(text[piece].chars().count() <= max);
            }
            last = s.end;
        }
    }

    #[test]
    fn fuzz_cleaner(text in nasty(), title in prop::option::of(nasty())) {
        let cleaned = clean::clean(&text, title.as_deref());
        for p in &cleaned.paragraphs {
            prop_assert!(!p.text.trim().is_empty());
        }
        // Cleaning its own output again never panics either.
        let again: Vec<&str> = cleaned.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let _ = clean::clean(&again.join("\n\n"), None);
    }

    #[test]
    fn fuzz_json_readers(
        lines in prop::collection::vec(
            prop_oneof![
                nasty(),
                nasty().prop_map(|t| serde_json::json!({"text": t}).to_string()),
                (nasty(), nasty()).prop_map(|(t, h)| {
                    serde_json::json!({"content": t, "title": h, "id": 7, "date_x": h}).to_string()
                }),
                any::<Vec<u8>>().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            ],
            0..8,
        ),
        array in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let (name, body) = if array {
            ("in.json", format!("[{}]", lines.join(",")))
        } else {
            ("in.jsonl", lines.join("\n"))
        };
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write");
        let (sources, _) = ingest::sources(&[&path]).expect("the file exists");
        let read = ingest::read_source(&sources[0], &briefing::Fields::default(), 1 << 20, u64::MAX)
            .expect("a file never fails the run");
        for d in &read.documents {
            prop_assert!(!d.text.trim().is_empty());
        }
    }
}
