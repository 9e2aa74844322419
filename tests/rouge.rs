//! `briefing eval` against figures printed by the reference ROUGE-1.5.5 (Perl) for the same
//! files: `tests/fixtures/rouge/` (text written for the project), scored with
//! `ROUGE-1.5.5.pl -n 2 -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u` plus the options named in
//! each case. The averages are ROUGE-1.5.5's bootstrap averages, replayed exactly.

use crate::util::run;

const PEERS: &str = "tests/fixtures/rouge/peers";
const MODELS: &str = "tests/fixtures/rouge/models";

/// [R, P, F] of ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4.
type Expected = [[f64; 3]; 4];

/// (extra `briefing eval` arguments, ROUGE-1.5.5 options, what ROUGE-1.5.5 printed).
const CASES: [(&[&str], &str, Expected); 4] = [
    (
        &["--words", "30"],
        "-m -l 30",
        [
            [0.34353, 0.27751, 0.30697],
            [0.13905, 0.11102, 0.12345],
            [0.27182, 0.22019, 0.24327],
            [0.15575, 0.12277, 0.13729],
        ],
    ),
    (
        &[],
        "-m",
        [
            [0.39082, 0.25380, 0.30743],
            [0.15140, 0.09587, 0.11727],
            [0.32093, 0.20965, 0.25335],
            [0.16691, 0.10406, 0.12803],
        ],
    ),
    (
        &["--words", "25", "--no-stem"],
        "-l 25",
        [
            [0.31832, 0.27965, 0.29773],
            [0.14475, 0.12656, 0.13504],
            [0.25763, 0.22627, 0.24093],
            [0.14300, 0.12370, 0.13265],
        ],
    ),
    (
        &["--bytes", "150"],
        "-m -b 150",
        [
            [0.34752, 0.28586, 0.31363],
            [0.14748, 0.12071, 0.13273],
            [0.24530, 0.22801, 0.23579],
            [0.16048, 0.12929, 0.14317],
        ],
    ),
];

fn eval_json(extra: &[&str], tokenizer: &str) -> serde_json::Value {
    let mut args = vec![
        "eval",
        "--summaries",
        PEERS,
        "--references",
        MODELS,
        "--format",
        "json",
        "--tokenizer",
        tokenizer,
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, None);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("eval prints JSON")
}

#[test]
fn averages_equal_rouge_155_to_five_decimals() {
    for (extra, rouge_options, expected) in CASES {
        let v = eval_json(extra, "rouge155");
        for (measure, want) in ["rouge_1", "rouge_2", "rouge_l", "rouge_su4"]
            .iter()
            .zip(expected)
        {
            let got = &v["average"][measure];
            for (field, w) in ["recall", "precision", "f"].iter().zip(want) {
                let g = got[field].as_f64().expect("a number");
                assert!(
                    (g - w).abs() < 5e-6,
                    "ROUGE-1.5.5 {rouge_options}: {measure} {field} = {w}, briefing eval gave {g}"
                );
            }
        }
    }
}

#[test]
fn confidence_interval_replays_rouge_bootstrap() {
    // ROUGE-1.5.5 -m -l 30 printed, for recall, (95%-conf.int. lower - upper):
    let want = [
        ("rouge_1", 0.0, 0.55102),
        ("rouge_2", 0.0, 0.25532),
        ("rouge_l", 0.0, 0.42857),
        ("rouge_su4", 0.0, 0.26718),
    ];
    let v = eval_json(&["--words", "30"], "rouge155");
    for (measure, lo, hi) in want {
        let ci = &v["average"][measure]["recall_ci"];
        assert!(
            (ci[0].as_f64().unwrap() - lo).abs() < 5e-6,
            "{measure} {ci}"
        );
        assert!(
            (ci[1].as_f64().unwrap() - hi).abs() < 5e-6,
            "{measure} {ci}"
        );
    }
}

#[test]
fn unicode_tokenizer_equals_rouge155_on_ascii_text() {
    for (extra, _, _) in CASES {
        let a = eval_json(extra, "rouge155");
        let b = eval_json(extra, "unicode");
        assert_eq!(a["average"], b["average"], "{extra:?}");
        assert_eq!(a["clusters"], b["clusters"], "{extra:?}");
    }
}

#[test]
fn per_cluster_table_and_unmatched_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let peers = dir.path().join("peers");
    std::fs::create_dir(&peers).unwrap();
    for f in ["harbor", "vote"] {
        std::fs::copy(format!("{PEERS}/{f}"), peers.join(format!("{f}.txt"))).unwrap();
    }
    std::fs::write(
        peers.join("orphan.txt"),
        "No reference exists for this one.\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &[
            "eval",
            "--summaries",
            peers.to_str().unwrap(),
            "--references",
            MODELS,
            "--per-cluster",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ROUGE over 2 clusters"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("harbor ") && l.contains(" 3 ")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("vote ") && l.contains(" 2 ")),
        "{out}"
    );
    assert!(out.contains("no reference for: orphan"), "{out}");
}

#[test]
fn arabic_is_scored_by_the_unicode_tokenizer_only() {
    let dir = tempfile::tempdir().unwrap();
    let (p, m) = (dir.path().join("p"), dir.path().join("m"));
    std::fs::create_dir_all(p.join("x")).unwrap();
    std::fs::create_dir_all(&m).unwrap();
    std::fs::remove_dir(p.join("x")).unwrap();
    std::fs::write(
        p.join("cluster.txt"),
        "أكَّد الوزير دعم التحالف الدولي للعراق.\n",
    )
    .unwrap();
    std::fs::write(m.join("cluster.1"), "اكد الوزير دعم التحالف.\n").unwrap();
    let args = |tok: &'static str| {
        vec![
            "eval".to_string(),
            "--summaries".into(),
            p.to_str().unwrap().into(),
            "--references".into(),
            m.to_str().unwrap().into(),
            "--format".into(),
            "json".into(),
            "--tokenizer".into(),
            tok.into(),
        ]
    };
    let score = |tok| {
        let a = args(tok);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let (code, out, err) = run(&refs, None);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["clusters"][0]["scores"]["rouge_1"]["recall"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(score("rouge155"), 0.0);
    assert_eq!(score("unicode"), 1.0); // diacritics and alef forms folded
}

#[test]
fn briefing_json_summaries_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("harbor.json");
    let (code, out, _) = run(
        &["summarize", "samples/harbor-bridge-en", "--format", "json"],
        None,
    );
    assert_eq!(code, 0);
    std::fs::write(&json, out).unwrap();
    let (code, out, err) = run(
        &[
            "eval",
            "--summaries",
            dir.path().to_str().unwrap(),
            "--references",
            MODELS,
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["clusters"][0]["name"], "harbor");
    assert!(v["average"]["rouge_1"]["recall"].as_f64().unwrap() > 0.2);
}

#[test]
fn no_matching_reference_is_a_usage_error() {
    let (code, _, err) = run(
        &["eval", "--summaries", PEERS, "--references", "samples"],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no summary"), "{err}");
}

#[test]
fn dataset_duc_scores_briefing_beside_baselines() {
    let (code, out, err) = run(
        &[
            "eval",
            "--dataset",
            "duc",
            "tests/fixtures/duc",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let systems = v["systems"].as_array().unwrap();
    let names: Vec<&str> = systems
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["briefing", "lead", "lead-rr"]);
    for s in systems {
        let clusters = s["clusters"].as_array().unwrap();
        // the 50-word model is not a 100-word reference; both clusters are scored
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0]["name"], "d00001t");
        assert_eq!(clusters[0]["references"], 2);
        assert_eq!(clusters[1]["references"], 1);
        let r1 = s["average"]["rouge_1"]["recall"].as_f64().unwrap();
        assert!(r1 > 0.2 && r1 <= 1.0, "{r1}");
    }
    let (code, text, _) = run(
        &[
            "eval",
            "--dataset",
            "duc",
            "tests/fixtures/duc",
            "--task",
            "x",
        ],
        None,
    );
    assert_eq!(code, 2, "no cluster of task x: {text}");
}
