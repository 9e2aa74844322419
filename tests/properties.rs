//! Property tests, in process through the library API: the pipeline on random articles made of
//! the samples' words, punctuation, furniture and arbitrary Unicode noise; `normalize::fold`;
//! `split::split_paragraph`.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use briefing::{
    Briefing, Budget, Config, Error, Format, Language, Method, RawDocument, Summarizer, Weights,
};

const LANGUAGES: [Language; 3] = [Language::Arabic, Language::English, Language::Other];

use crate::util::{AR, EN, cases_from_env, files_of};

/// `cases` per property, or `PROPTEST_CASES` when set (a longer soak before a release).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases_from_env("PROPTEST_CASES", cases),
        max_shrink_iters: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// Every whitespace-separated word of both sample clusters, punctuation included (`.وذكر`,
/// `U.S.`, `“هذا`, `p.m.`).
static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut set = BTreeSet::new();
    for dir in [AR, EN] {
        for f in files_of(dir) {
            let text = std::fs::read_to_string(f).unwrap();
            set.extend(text.split_whitespace().map(str::to_owned));
        }
    }
    set.into_iter().collect()
});

/// Punctuation, line structure and furniture that the cleaner and splitter care about.
const SPECIALS: &[&str] = &[
    ".",
    ". ",
    "?",
    "!",
    "؟",
    "،",
    "؛",
    "...",
    "..",
    "…",
    ":",
    "\n",
    "\n\n",
    "\n   ",
    "   ",
    "\t",
    "”.",
    "\".",
    ".''",
    "``",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "$4.5",
    "3.2-metre",
    "U.S.",
    "Dr.",
    "e.g.",
    "p.m.",
    "Share this\n",
    "\nAdvertisement\n",
    "آخر تحديث:\n",
    "\nالتعليقات\n",
    "PORTHAVEN (AP) -- ",
    "بغداد/شبكة اخبار العراق- ",
    "لندن: ",
    "\u{00A0}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00AD}",
    "\r\n",
    "ـ",
    "ً",
    "ّ",
    "\u{FEFB}",
    "٢٠١٥",
    "&",
];

fn noise() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            1 => proptest::char::range('\u{0600}', '\u{06FF}'),
            1 => proptest::char::range('\u{FB50}', '\u{FEFF}'),
            1 => proptest::char::range('\u{0000}', '\u{007F}'),
        ],
        0..6,
    )
    .prop_map(String::from_iter)
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0..WORDS.len()).prop_map(|i| WORDS[i].clone()),
        2 => prop::sample::select(SPECIALS).prop_map(str::to_owned),
        1 => noise(),
    ]
}

/// Text of pieces, each glued to the previous one or after a space.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.85)), 0..max).prop_map(|parts| {
        let mut out = String::new();
        for (p, space) in parts {
            if space && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&p);
        }
        out
    })
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..300).prop_map(Budget::Words),
        (1usize..1500).prop_map(Budget::Chars),
        (1usize..8).prop_map(Budget::Sentences),
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(<Method as briefing::config::Named>::ALL.to_vec())
}

/// One to four articles; some of them also carry a passage they share (wire copy reused), so
/// that near-duplicate groups and support counts get exercised.
fn docs() -> impl Strategy<Value = Vec<String>> {
    (text(40), prop::collection::vec((text(160), 0u8..3), 1..5)).prop_map(|(shared, own)| {
        own.into_iter()
            .map(|(t, how)| match how {
                0 => format!("{t}\n\n{shared}"),
                1 => format!("{shared}\n\n{t}"),
                _ => t,
            })
            .collect()
    })
}

/// Valid tuning knobs: MMR lambda and combined-method weights.
fn tuning() -> impl Strategy<Value = (f32, Weights)> {
    prop_oneof![
        Just((briefing::config::MMR_LAMBDA, Weights::default())),
        (0f32..=1.0, 0f32..2.0, 0f32..2.0, 0.01f32..2.0, 0f32..2.0).prop_map(|(l, c, r, p, s)| {
            (
                l,
                Weights {
                    centroid: c,
                    lexrank: r,
                    position: p,
                    signature: s,
                },
            )
        }),
    ]
}

/// The form in which an output sentence stands in its input: display form (NFKC), without
/// white space and without the characters cleaning removes or blanks (controls, zero-width
/// space, byte-order mark, soft hyphen, word joiner).
fn key(s: &str) -> String {
    briefing::text::normalize::display(s)
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}')
        })
        .collect()
}

fn raw_docs(texts: &[String]) -> Vec<RawDocument> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = RawDocument::new(format!("d{i}"), t.clone());
            d.meta.path = format!("d{i}.txt");
            d
        })
        .collect()
}

fn run(
    texts: &[String],
    budget: Budget,
    method: Method,
    threads: usize,
) -> briefing::Result<Briefing> {
    run_tuned(
        texts,
        budget,
        method,
        (briefing::config::MMR_LAMBDA, Weights::default()),
        threads,
    )
}

fn run_tuned(
    texts: &[String],
    budget: Budget,
    method: Method,
    (mmr_lambda, weights): (f32, Weights),
    threads: usize,
) -> briefing::Result<Briefing> {
    let mut config = Config::default()
        .with_method(method)
        .with_threads(threads)
        .with_explain(true);
    config.params.mmr_lambda = mmr_lambda;
    config.params.weights = weights;
    Summarizer::new(config)?.summarize(raw_docs(texts), budget)
}

fn rendered(b: &Briefing) -> Vec<Vec<u8>> {
    [Format::Json, Format::Text, Format::Markdown]
        .into_iter()
        .map(|f| {
            let mut out = Vec::new();
            briefing::render::render(b, f, &mut out).expect("render to memory");
            out
        })
        .collect()
}

/// Every property of one successful briefing.
fn check_briefing(texts: &[String], budget: Budget, b: &Briefing) -> Result<(), TestCaseError> {
    // A shown sentence comes from its source once page furniture is dropped: a line such as
    // `Advertisement` inside a sentence is removed and the sentence read across it (the
    // shrunk case is in tests/properties.proptest-regressions).
    let keys: Vec<String> = texts
        .iter()
        .map(|t| {
            let cleaned = briefing::text::clean::clean(t, None);
            let paras: Vec<String> = cleaned.paragraphs.iter().map(|p| key(&p.text)).collect();
            paras.join("\u{2AEB}")
        })
        .collect();
    for s in &b.sentences {
        let k = key(&s.text);
        prop_assert!(!k.is_empty());
        prop_assert!(
            !s.text.contains("  ") && !s.text.contains('\n'),
            "not collapsed: {:?}",
            s.text
        );
        prop_assert!(
            s.text.split_whitespace().count() >= briefing::config::MIN_WORDS,
            "too short: {:?}",
            s.text
        );
        prop_assert!(!s.sources.is_empty());
        let first: usize = s.sources[0].document[1..].parse().expect("a d<i> name");
        prop_assert!(
            keys[first].contains(&k),
            "sentence {:?} not in its source {}",
            s.text,
            s.sources[0].document
        );
        let docs: BTreeSet<&str> = s.sources.iter().map(|r| r.document.as_str()).collect();
        prop_assert_eq!(s.support, docs.len());
    }
    let n = b.sentences.len();
    let expected_used = match budget {
        Budget::Words(_) => b
            .sentences
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum(),
        Budget::Chars(_) => {
            b.sentences
                .iter()
                .map(|s| s.text.chars().count())
                .sum::<usize>()
                + n.saturating_sub(1)
        }
        Budget::Sentences(_) => n,
    };
    prop_assert_eq!(b.budget.used, expected_used);
    prop_assert!(
        b.budget.used <= budget.limit(),
        "budget {:?} exceeded: {}",
        budget,
        b.budget.used
    );
    prop_assert_eq!(b.budget.limit, budget.limit());
    prop_assert_eq!(b.budget.unit, budget.unit());
    let cands = b.candidates.as_ref().expect("explain was on");
    let chosen = cands
        .iter()
        .filter(|c| c.decision.starts_with("chosen"))
        .count();
    prop_assert_eq!(chosen, n);
    prop_assert!(b.documents.len() + b.skipped.len() == texts.len());
    Ok(())
}

fn check_pipeline(
    texts: Vec<String>,
    budget: Budget,
    method: Method,
    tuning: (f32, Weights),
) -> Result<(), TestCaseError> {
    let one = run_tuned(&texts, budget, method, tuning, 1);
    let three = run_tuned(&texts, budget, method, tuning, 3);
    match (one, three) {
        (Ok(a), Ok(b)) => {
            prop_assert!(rendered(&a) == rendered(&b), "threads 1 and 3 differ");
            check_briefing(&texts, budget, &a)?;
        }
        (Err(Error::NoDocuments { skipped: a }), Err(Error::NoDocuments { skipped: b })) => {
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(a.len(), texts.len(), "every article is listed as skipped");
        }
        (a, b) => {
            return Err(TestCaseError::fail(format!(
                "unexpected results: {:?} / {:?}",
                a.err(),
                b.err()
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn pipeline_properties(
        texts in docs(),
        budget in budget(),
        method in method(),
        tuning in tuning(),
    ) {
        check_pipeline(texts, budget, method, tuning)?;
    }
}

fn check_spans(text: &str, language: Language) -> Result<(), TestCaseError> {
    let spans = briefing::text::split::split_paragraph(text, language);
    let mut last_end = 0;
    for r in &spans {
        prop_assert!(r.start < r.end, "empty span {:?} in {:?}", r, text);
        prop_assert!(
            r.start >= last_end,
            "spans overlap or are out of order: {:?}",
            spans
        );
        prop_assert!(r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "span not trimmed");
        prop_assert!(
            s.chars().any(char::is_alphanumeric),
            "no letter or digit: {:?}",
            s
        );
        last_end = r.end;
    }
    // Nothing with a letter or digit is lost between the spans.
    let mut prev = 0;
    for r in spans
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        let gap = &text[prev..r.start];
        prop_assert!(
            !gap.chars().any(char::is_alphanumeric),
            "text lost between spans: {:?}",
            gap
        );
        prev = r.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn fold_is_idempotent(s in prop_oneof![any::<String>(), noise(), text(40)]) {
        let once = briefing::text::normalize::fold(&s);
        prop_assert_eq!(briefing::text::normalize::fold(&once), once);
    }

    #[test]
    fn split_paragraph_spans_are_well_formed(
        s in prop_oneof![text(80), any::<String>()],
        language in prop::sample::select(LANGUAGES.to_vec()),
    ) {
        check_spans(&s, language)?;
    }
}

#[test]
fn glued_wide_terminators_split_without_panic() {
    // `؟` (2 bytes), `。` `！` `？` `…` (3 bytes) glued to what follows were once sliced
    // mid-character. A `؟` glued to an Arabic letter ends a sentence.
    let text = "هل انتهى؟نعم انتهى.";
    let got: Vec<&str> = briefing::text::split::split_paragraph(text, Language::Arabic)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["هل انتهى؟", "نعم انتهى."]);
    for text in [
        "Is it over。Yes it is.",
        "Wait…!Now.",
        "Really！Yes.",
        "Done？“Yes.”",
        "…؟x",
        "؟”ب",
    ] {
        for language in LANGUAGES {
            check_spans(text, language).unwrap();
        }
    }
}

#[test]
fn library_doc_example_cluster() {
    // The doctest's cluster through the same code path as the properties.
    let texts = vec![
        "Storm closes harbour bridge\n\nPORTHAVEN (AP) -- A storm closed the harbour bridge on \
         Tuesday. Ferries carried commuters across the bay instead. Share this"
            .to_owned(),
        "A storm closed the harbour bridge on Tuesday, officials said. The mayor promised \
         repairs within a week."
            .to_owned(),
    ];
    let b = run(&texts, Budget::Words(20), Method::Combined, 1).unwrap();
    assert_eq!(b.title.as_deref(), Some("Storm closes harbour bridge"));
    assert!(b.sentences.iter().any(|s| s.support == 2));
    check_briefing(&texts, Budget::Words(20), &b).unwrap();
    let err = run(
        &["Share this".to_owned()],
        Budget::Words(20),
        Method::Combined,
        1,
    )
    .unwrap_err();
    assert!(matches!(err, Error::NoDocuments { ref skipped } if skipped.len() == 1));
    assert!(err.is_usage());
}

#[test]
fn a_private_use_character_before_a_byline_is_not_cut_through() {
    // Regression (CI of stop 22): a sentence starting with U+E000 and a `By ...` credit after
    // a NUL made a slice start inside the three-byte character.
    let texts = vec![
        "\"Nobody \"Nobody \"Nobody \"Nobody \"Nobody (Reuters) \"Nobody \"Nobody \"Nobody \
         \"Nobody مغلقة\".\0\u{e000} By \"Nobody \"Nobody \"Nobody\n\n"
            .to_owned(),
    ];
    let tuning = (briefing::config::MMR_LAMBDA, Weights::default());
    check_pipeline(texts, Budget::Words(1), Method::Combined, tuning).unwrap();
}

/// Arbitrary bytes, or text with a byte-order mark, stray bytes or JSON around it.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..400),
        2 => text(80).prop_map(String::into_bytes),
        1 => (text(40), prop::collection::vec(any::<u8>(), 0..8)).prop_map(|(t, junk)| {
            let mut b = t.into_bytes();
            let at = b.len() / 2;
            b.splice(at..at, junk);
            b
        }),
        1 => text(40).prop_map(|t| {
            let mut b = vec![0xFF, 0xFE];
            b.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
        1 => (text(40), text(10)).prop_map(|(t, title)| {
            serde_json::json!([{ "content": t, "title": title }, 3, null])
                .to_string()
                .into_bytes()
        }),
    ]
}

const EXTENSIONS: [&str; 3] = ["txt", "jsonl", "json"];

/// Writes the inputs as files named `NN.ext` in a fresh folder.
fn write_inputs(inputs: &[(Vec<u8>, usize)]) -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let paths = inputs
        .iter()
        .enumerate()
        .map(|(i, (bytes, ext))| {
            let p = dir.path().join(format!("{i:02}.{}", EXTENSIONS[*ext]));
            std::fs::write(&p, bytes).expect("write input");
            p
        })
        .collect();
    (dir, paths)
}

/// Reads the paths (in the order given) and summarizes and digests them; every outcome but a
/// panic is fine, and what comes out must not depend on the thread count.
fn read_and_brief(paths: &[std::path::PathBuf], threads: usize) -> (String, String) {
    let s = Summarizer::new(Config::default().with_threads(threads)).expect("valid config");
    let show = |r: Result<String, Error>| match r {
        Ok(s) => s,
        Err(Error::NoDocuments { skipped }) => format!("no documents: {skipped:?}"),
        Err(e) => format!("error: {e}"),
    };
    let briefing = show(s.summarize_paths(paths, Budget::Words(60)).map(|b| {
        let mut out = Vec::new();
        briefing::render::render(&b, Format::Json, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }));
    let opts = briefing::DigestOptions::default();
    let digest = show(
        s.digest_paths(paths, &opts, None, &mut |_| {})
            .map(|(d, _)| {
                let mut out = Vec::new();
                briefing::render::render_digest(&d, Format::Json, &mut out).expect("render");
                String::from_utf8(out).expect("UTF-8")
            }),
    );
    (briefing, digest)
}

proptest! {
    #![proptest_config(config(24))]

    /// Any bytes in any of the input formats: no panic, one outcome for 1 and 2 threads and for
    /// any order of the paths.
    #[test]
    fn hostile_inputs_never_panic_and_order_and_threads_do_not_matter(
        inputs in prop::collection::vec((hostile_bytes(), 0usize..3), 1..5),
        rotate in 0usize..5,
    ) {
        let (_dir, paths) = write_inputs(&inputs);
        let one = read_and_brief(&paths, 1);
        let mut shuffled = paths.clone();
        shuffled.reverse();
        let k = rotate % shuffled.len();
        shuffled.rotate_left(k);
        let two = read_and_brief(&shuffled, 2);
        prop_assert_eq!(one, two);
    }

    #[test]
    fn long_spans_are_capped_and_covered(text in text(120), max in 16usize..200) {
        let pieces = briefing::text::split::cap_length(&text, 0..text.len(), max);
        let mut last = 0;
        for r in &pieces {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(text[r.clone()].chars().count() <= max);
            prop_assert_eq!(text[r.clone()].trim(), &text[r.clone()]);
            prop_assert!(text[last..r.start].trim().is_empty());
            last = r.end;
        }
        prop_assert!(text[last..].trim().is_empty());
    }
}
