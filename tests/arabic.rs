//! The Arabic sample cluster (`samples/coalition-ar`, the five seed articles): cleaning,
//! splitting and the briefing, checked through the binary.

use crate::util::*;

const HEADLINE_000: &str = "الجعفري والن يبحثان الوضع الامني في العراق";
const HEADLINE_002: &str = "الجعفري:الجهود الدولية لمكافحة داعش لم تكن بمستوى الطموح";

/// Page furniture of the seeds that must never reach the output.
const FURNITURE: &[&str] = &[
    "آخر تحديث",
    "التعليقات",
    "أضف تعليق",
    "لن يتم نشر",
    "الحقول الإلزامية",
    "أخبار من القسم",
    "اشترك الآن",
    "شبكة اخبار العراق",
    "فيديو اجتماع",
];

fn assert_no_furniture(what: &str, out: &str) {
    for f in FURNITURE {
        assert!(!out.contains(f), "{what} contains furniture {f:?}:\n{out}");
    }
}

#[test]
fn briefing_has_no_page_furniture() {
    for format in ["text", "markdown", "json"] {
        let out = ok(&["summarize", AR, "--words", "100", "--format", format]);
        assert_no_furniture(format, &out);
    }
    // Not even when the budget takes nearly everything.
    let out = ok(&["summarize", AR, "--words", "3000", "--format", "json"]);
    assert_no_furniture("json --words 3000", &out);
}

#[test]
fn headline_is_the_title_and_never_a_sentence() {
    let text = ok(&["summarize", AR, "--words", "100"]);
    assert_eq!(text.lines().next(), Some(HEADLINE_000));
    for dir_budget in ["100", "3000"] {
        let b = summarize_json(&[AR, "--words", dir_budget]);
        for t in sentence_texts(&b) {
            assert!(
                !t.contains(HEADLINE_000),
                "headline offered as a sentence: {t}"
            );
            assert!(
                !t.contains(HEADLINE_002),
                "headline offered as a sentence: {t}"
            );
        }
    }
    // The numbered sentences of the text output do not repeat it.
    let numbered: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .collect();
    assert!(!numbered.is_empty());
    assert!(numbered.iter().all(|l| !l.contains(HEADLINE_000)), "{text}");
}

#[test]
fn headline_at_most_once_in_the_whole_text_output() {
    let text = ok(&["summarize", AR, "--words", "100"]);
    assert!(count(&text, HEADLINE_000) <= 1, "{text}");
    let text = ok(&["summarize", EN, "--words", "100"]);
    for h in [
        "Storm damage shuts Porthaven's Halloran bridge, ferries pressed into service",
        "Halloran bridge closed as storm batters harbour",
    ] {
        assert!(count(&text, h) <= 1, "{h}:\n{text}");
    }
}

#[test]
fn documents_carry_their_headlines() {
    let b = summarize_json(&[AR]);
    let titles: Vec<Option<&str>> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str())
        .collect();
    // 002's `الجعفري:الجهود` is a headline, not a `place:` dateline; 001, 003, 004 have none.
    assert_eq!(
        titles,
        [Some(HEADLINE_000), None, Some(HEADLINE_002), None, None]
    );
    let ids: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "000_6932063679f223f1",
            "001_a50affca2d2a37bf",
            "002_10af318116455e59",
            "003_9c958cb527e5a0b5",
            "004_6f2a7d5983d4bb03"
        ]
    );
}

#[test]
fn sentences_come_from_the_inputs_and_sources_resolve() {
    for budget in ["100", "400"] {
        let b = summarize_json(&[AR, "--words", budget]);
        check_sentences_come_from_inputs(AR, &b);
    }
}

#[test]
fn word_budget_of_100_holds() {
    let b = summarize_json(&[AR, "--words", "100"]);
    let texts = sentence_texts(&b);
    let used: usize = texts.iter().map(|t| words(t)).sum();
    assert!(used <= 100);
    assert!(used > 50, "a 100-word budget should be mostly used: {used}");
    assert_eq!(b["budget"]["used"].as_u64().unwrap() as usize, used);
    assert_eq!(b["budget"]["limit"], 100);
}

#[test]
fn briefing_covers_several_articles() {
    let b = summarize_json(&[AR, "--words", "100"]);
    let docs: std::collections::BTreeSet<&str> = b["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["sources"].as_array().unwrap())
        .map(|s| s["document"].as_str().unwrap())
        .collect();
    assert!(docs.len() >= 2, "one article only: {docs:?}");
}

// ---------------------------------------------------------------------------------------------
// The splitter on seed 000

fn split_000() -> Vec<SplitLine> {
    let lines = split_jsonl(&[AR_000]);
    assert!(lines.iter().all(|l| l.document == "000_6932063679f223f1"));
    let idx: Vec<u64> = lines.iter().map(|l| l.sentence).collect();
    assert_eq!(
        idx,
        (0..lines.len() as u64).collect::<Vec<_>>(),
        "indexes count from 0"
    );
    lines
}

#[test]
fn seed_000_splits_at_space_then_glued_stop() {
    // `... ضد تنظيم داعش .وذكر بيان لمكتبه ...`
    let lines = split_000();
    let i = lines
        .iter()
        .position(|l| l.text.ends_with("ضد تنظيم داعش."))
        .expect("a sentence ending at `داعش.`");
    assert!(
        lines[i]
            .text
            .starts_with("بحث وزير الخارجية ابراهيم الجعفري")
    );
    assert!(
        lines[i + 1].text.starts_with("وذكر بيان لمكتبه"),
        "{:?}",
        lines[i + 1]
    );
}

#[test]
fn seed_000_splits_at_quote_then_glued_stop() {
    // `... تنظيم داعش الإرهابيّ”.وأكَّد الجعفريّ ...`
    let lines = split_000();
    let i = lines
        .iter()
        .position(|l| l.text.ends_with("الإرهابيّ”."))
        .expect("a sentence ending at `الإرهابيّ”.`");
    assert!(
        lines[i + 1].text.starts_with("وأكَّد الجعفريّ أنَّ العراقيِّين"),
        "{:?}",
        lines[i + 1]
    );
}

#[test]
fn seed_000_has_its_five_sentences() {
    let starts: Vec<String> = split_000()
        .iter()
        .map(|l| {
            l.text
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        starts,
        [
            "بحث وزير",
            "وذكر بيان",
            "وأكَّد الجعفريّ",
            "مُؤكِّداً بحسب",
            "من جانبه"
        ]
    );
    let ends: Vec<bool> = split_000().iter().map(|l| l.text.ends_with('.')).collect();
    assert!(ends.iter().all(|&e| e), "every sentence ends with its stop");
}

#[test]
fn no_sentence_boundary_at_arabic_comma_semicolon_or_colon() {
    for dir in [AR_000, AR] {
        for l in split_jsonl(&[dir]) {
            for bad in ['،', '؛', ':', ','] {
                assert!(!l.text.ends_with(bad), "boundary at {bad:?}: {}", l.text);
            }
        }
    }
    let lines = split_000();
    // `جون ألن ، ومُساعِد` and `كافة؛ وذلك` stay inside their sentences.
    assert!(lines[1].text.contains("جون ألن ، ومُساعِد وزير الخارجيّة"));
    assert!(lines[2].text.contains("ودول العالم كافة؛ وذلك سيُمثـِّل"));
}

#[test]
fn seed_000_split_drops_headline_dateline_and_comment_form() {
    let out = ok(&["split", AR_000]);
    assert!(!out.contains(HEADLINE_000), "{out}");
    assert!(!out.contains("آخر تحديث"), "{out}");
    assert!(
        !out.contains("بغداد/شبكة اخبار العراق"),
        "dateline kept: {out}"
    );
    for form in [
        "التعليقات",
        "أضف تعليق",
        "لن يتم نشر عنوان بريدك الإلكتروني",
        "الحقول الإلزامية",
    ] {
        assert!(!out.contains(form), "comment form kept ({form}): {out}");
    }
    assert!(out.starts_with("بحث وزير الخارجية"), "{out}");
    assert_eq!(out.lines().filter(|l| !l.is_empty()).count(), 5);
}

#[test]
fn whole_cluster_split_is_clean() {
    let out = ok(&["split", AR]);
    assert_no_furniture("split", &out);
    assert!(!out.contains(HEADLINE_000) && !out.contains(HEADLINE_002));
    let lines = split_jsonl(&[AR]);
    for l in &lines {
        assert!(
            !l.text.starts_with("لندن:"),
            "colon dateline kept: {}",
            l.text
        );
        assert!(!l.text.starts_with("بغداد/"), "dateline kept: {}", l.text);
        assert!(
            !l.text.contains('\n') && !l.text.contains("  "),
            "whitespace not collapsed"
        );
    }
    // 001: `المحررة.ونقل` (glued on both sides) is a boundary.
    let d001: Vec<&SplitLine> = lines
        .iter()
        .filter(|l| l.document.starts_with("001"))
        .collect();
    assert!(
        d001[0].text.ends_with("اعادة اعمار المناطق المحررة."),
        "{}",
        d001[0].text
    );
    assert!(d001[1].text.starts_with("ونقل بيان للخارجية"));
    // 004: `الاولى.. فيما` is a pause inside the lead, the colon dateline is gone.
    let d004: Vec<&SplitLine> = lines
        .iter()
        .filter(|l| l.document.starts_with("004"))
        .collect();
    assert!(
        d004[0]
            .text
            .contains("مسؤوليتهم الاولى.. فيما يشارك العبادي"),
        "{}",
        d004[0].text
    );
    assert!(
        d004[1]
            .text
            .starts_with("قال الجنرال جون الن في تصريحات صحافية"),
        "{}",
        d004[1].text
    );
}

#[test]
fn subheading_is_never_offered_to_the_briefing() {
    let sub = "العبادي يدعو لزيادة الدعم الدولي للعراق";
    assert!(
        split_jsonl(&[AR]).iter().any(|l| l.text == sub),
        "the subheading is kept as text"
    );
    let b = summarize_json(&[AR, "--words", "3000", "--explain"]);
    assert!(!sentence_texts(&b).iter().any(|t| t == sub));
    let cand = b["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == sub)
        .expect("the subheading is a candidate line");
    assert!(
        cand["decision"]
            .as_str()
            .unwrap()
            .starts_with("not offered"),
        "{cand}"
    );
}

#[test]
fn arabic_question_mark_glued_to_next_word_does_not_panic() {
    let text = "هل انتهى الاجتماع في بغداد اليوم؟نعم انتهى الاجتماع في بغداد اليوم بنجاح.\n";
    let (code, out, err) = run(&["split", "-"], Some(text.as_bytes()));
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "هل انتهى الاجتماع في بغداد اليوم؟",
            "نعم انتهى الاجتماع في بغداد اليوم بنجاح."
        ]
    );
    let (code, _, err) = run(&["summarize", "-"], Some(text.as_bytes()));
    assert_eq!(code, 0, "{err}");
}
