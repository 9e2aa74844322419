//! The English sample cluster (`samples/harbor-bridge-en`): wire copy, furniture, datelines,
//! abbreviations, and multi-document support, checked through the binary.

use std::collections::BTreeSet;

use crate::util::*;

const HEADLINES: [&str; 4] = [
    "Storm forces closure of Porthaven harbor bridge",
    "Storm damage shuts Porthaven's Halloran bridge, ferries pressed into service",
    "Halloran bridge closed as storm batters harbour",
    "Porthaven's harbour bridge shut after storm rips off railing",
];

/// Furniture lines of the four pages (whole lines or their telling start).
const FURNITURE: &[&str] = &[
    "Share this",
    "Share\n",
    "Advertisement",
    "Related articles",
    "Sign up",
    "newsletter",
    "Comments",
    "By MARTIN OKAFOR",
    "Associated Press Writer",
    "By Ellen Marsh",
    "Herald Staff Writer",
    "Last updated",
    "Published 2 hours ago",
    "Image caption",
    "Photo:",
    "Read more",
    "Follow us",
    "Tags:",
    "©",
    "All rights reserved",
    "Reporting by",
    "Editing by",
    "Ron D.",
    "Kathy M.",
    "Pete:",
    "About time somebody",
    "Ferry fares frozen",
    "overhaul pushed back",
    "Harbor Street residents demand",
];

fn assert_no_furniture(what: &str, out: &str) {
    for f in FURNITURE {
        assert!(!out.contains(f), "{what} contains furniture {f:?}:\n{out}");
    }
}

fn split_texts() -> Vec<String> {
    split_jsonl(&[EN]).into_iter().map(|l| l.text).collect()
}

/// Requires `needle` inside one split sentence, not at its end (so no boundary falls in it or
/// right after it).
fn assert_inside_a_sentence(lines: &[String], needle: &str, continues: &str) {
    let with = format!("{needle}{continues}");
    assert!(
        lines.iter().any(|l| l.contains(&with)),
        "no sentence contains {with:?}:\n{}",
        lines.join("\n")
    );
}

#[test]
fn abbreviations_initials_and_numbers_stay_inside_sentences() {
    let lines = split_texts();
    assert_inside_a_sentence(
        &lines,
        "Dr. Priya N. Castellano",
        ", the state's chief bridge engineer, said sensors",
    );
    assert_inside_a_sentence(
        &lines,
        "Crews shut the span at 4:15 p.m. and",
        " turned back traffic at both ends.",
    );
    assert_inside_a_sentence(&lines, "expected to cost about $4.5 million", ".");
    assert_inside_a_sentence(&lines, "repairs at $4.5 million", ".");
    assert_inside_a_sentence(
        &lines,
        "Emergency vehicles, e.g. ambulances",
        " and fire trucks",
    );
    assert_inside_a_sentence(
        &lines,
        "the lift mechanism, i.e. the counterweights",
        " and cables",
    );
    assert_inside_a_sentence(&lines, "The U.S. Coast Guard", " closed the inner harbor");
    assert_inside_a_sentence(
        &lines,
        "The U.S. Coast Guard",
        " has closed the inner harbour",
    );
    assert_inside_a_sentence(&lines, "A U.S. transportation official", " said federal");
    assert_inside_a_sentence(&lines, "Porthaven Mayor Thomas J. Ardley", " said the city");
    assert_inside_a_sentence(
        &lines,
        "Mr. Ardley said emergency repairs",
        " were expected",
    );
    assert_inside_a_sentence(&lines, "Gen. Harriet Voss", ", who commands");
    assert_inside_a_sentence(&lines, "from 6 a.m. until 10 p.m. on weekdays", ".");
    assert_inside_a_sentence(&lines, "a 3.2-meter section", " of steel railing");
    assert_inside_a_sentence(
        &lines,
        "Gusts reached 154 km/h (96 mph)",
        " at the harbour mouth",
    );
    for l in &lines {
        for bad_end in [
            " Dr.", " Mr.", " Gen.", " N.", " J.", " e.g.", " i.e.", " p.m.", " a.m.", " $4.",
        ] {
            assert!(!l.ends_with(bad_end), "boundary after {bad_end:?}: {l}");
        }
    }
}

#[test]
fn sentence_ending_in_us_is_split_from_the_next() {
    let lines = split_texts();
    let i = lines
        .iter()
        .position(|l| l == "The Halloran is one of the oldest working lift bridges in the U.S.")
        .expect("the U.S. sentence on its own");
    assert!(
        lines[i + 1].starts_with("The state transportation department had scheduled"),
        "{}",
        lines[i + 1]
    );
}

#[test]
fn quotes_stay_with_their_sentences() {
    let lines = split_texts();
    let i = lines
        .iter()
        .position(|l| l == "``Every bolt gets checked before a single car goes back on it.''")
        .expect("the closing `.''` ends a sentence");
    assert_eq!(lines[i + 1], "The inspection could take three days.");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("``We are not taking chances")
                && l.ends_with("not in wind like this,'' Castellano said."))
    );
    let i = lines
        .iter()
        .position(|l| l == "He told reporters at City Hall: “We will not reopen that bridge until every bolt has been checked.”")
        .expect("a closing curly quote stays with its sentence");
    assert!(lines[i + 1].starts_with("The city is adding ferry runs"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("\"We heard a bang like a gunshot")
                && l.ends_with("who saw the section fall."))
    );
}

#[test]
fn hard_wrapped_wire_copy_is_joined() {
    let ap: Vec<String> = split_jsonl(&[EN_FILES[0]])
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(
        ap[0],
        "A winter storm packing gusts of up to 96 mph forced officials to close the Halloran \
         Harbor Bridge on Tuesday after a 3.2-meter section of steel railing tore loose and fell \
         into the Tessel River."
    );
    assert_eq!(ap[1], "No one was hurt.");
    assert_eq!(ap.len(), 14, "{ap:#?}");
}

#[test]
fn split_output_has_no_furniture_and_no_headlines() {
    let out = ok(&["split", EN]);
    assert_no_furniture("split", &out);
    for h in HEADLINES {
        assert!(
            count(&out, h) == 0,
            "headline {h:?} left in the text:\n{out}"
        );
    }
    // One block per article.
    assert_eq!(out.split("\n\n").count(), 4);
}

#[test]
fn summary_has_no_furniture() {
    for budget in ["100", "2000"] {
        for format in ["text", "markdown", "json"] {
            let out = ok(&["summarize", EN, "--words", budget, "--format", format]);
            assert_no_furniture(&format!("{format} --words {budget}"), &out);
        }
    }
}

#[test]
fn headlines_are_never_sentences() {
    let b = summarize_json(&[EN, "--words", "2000"]);
    let texts = sentence_texts(&b);
    for h in HEADLINES {
        assert!(
            !texts.iter().any(|t| t.contains(h)),
            "headline {h:?} offered as a sentence"
        );
    }
    let titles: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            d["title"]
                .as_str()
                .expect("every English article has a headline")
        })
        .collect();
    assert_eq!(titles, HEADLINES);
    // Each repeated headline appears at most once in the text body (heading + sentences).
    let text = ok(&["summarize", EN, "--words", "2000"]);
    let body: String = text.split("words of 2000").next().unwrap().to_owned();
    for h in HEADLINES {
        assert!(count(&body, h) <= 1, "{h:?} repeated:\n{body}");
    }
}

#[test]
fn datelines_are_gone() {
    let lines = split_texts();
    for l in &lines {
        for d in ["PORTHAVEN", "(AP)", "(Reuters)", "Maine (Reuters)"] {
            assert!(!l.contains(d), "dateline {d:?} kept: {l}");
        }
        assert!(
            !l.starts_with("--") && !l.starts_with('—') && !l.starts_with("- "),
            "{l}"
        );
    }
    let firsts: Vec<String> = split_jsonl(&[EN])
        .into_iter()
        .filter(|l| l.sentence == 0)
        .map(|l| {
            l.text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        firsts,
        [
            "A winter storm",
            "Authorities closed the",
            "The Halloran Harbor",
            "A storm with"
        ]
    );
}

#[test]
fn sentences_come_from_the_inputs_and_sources_resolve() {
    for budget in ["100", "300"] {
        let b = summarize_json(&[EN, "--words", budget]);
        check_sentences_come_from_inputs(EN, &b);
    }
    let b = summarize_json(&[EN, "--chars", "500", "--method", "lexrank"]);
    check_sentences_come_from_inputs(EN, &b);
}

#[test]
fn shared_sentence_has_support_from_several_articles() {
    let b = summarize_json(&[EN]);
    let sentences = b["sentences"].as_array().unwrap();
    assert!(
        sentences
            .iter()
            .any(|s| s["support"].as_u64().unwrap() >= 2),
        "no sentence reported by two articles: {b}"
    );
    // The verbatim wire sentence of 01 and 03 is one group, carried by both.
    let shared = "The bridge, which carries about 40,000 vehicles a day, will remain closed at \
                  least until Friday, state officials said.";
    let b = summarize_json(&[EN, "--words", "300"]);
    let st = b["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == shared)
        .expect("the shared wire sentence is in a 300-word briefing");
    let docs: BTreeSet<&str> = st["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["document"].as_str().unwrap())
        .collect();
    assert!(
        docs.contains("01_ap") && docs.contains("03_porthaven-herald"),
        "{docs:?}"
    );
    assert!(st["support"].as_u64().unwrap() >= 2);
    assert_eq!(
        count(&b.to_string(), "least until Friday, state officials said"),
        1,
        "shown once"
    );
}

#[test]
fn briefing_does_not_repeat_itself() {
    let b = summarize_json(&[EN, "--words", "2000"]);
    let texts = sentence_texts(&b);
    let unique: BTreeSet<&String> = texts.iter().collect();
    assert_eq!(unique.len(), texts.len(), "a sentence is shown twice");
    // The near-verbatim Reuters copy of the shared sentence is folded into it.
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("The bridge, which carries roughly 40,000"))
    );
}

/// Wire copy as TREC, DUC and TDT ship it: SGML `<DOC>` elements with metadata lines and
/// hard-wrapped text (written for this test, not taken from any collection).
const SGML_WIRE: &str = "<DOC>
<DOCNO> APW20240305.0543 </DOCNO>
<DOCTYPE> NEWS REPORT </DOCTYPE>
<DATE_TIME> 03/05/2024 09:15:00 </DATE_TIME>
<HEADER>
x0001 &Cx1f; test-
</HEADER>
<BODY>
<SLUG> BC-Harbor-Bridge </SLUG>
<TEXT>
\t   PORTHAVEN (AP) _ Engineers began a full inspection of the Halloran
bridge on Tuesday after a storm tore away part of its railing and
forced the harbor crossing to close for the second time this year.
\t   The city said ferries would run every twenty minutes until the
inspection was over, and that no one had been hurt on the bridge.
\t   Repairs to the railing are expected to take at least three weeks,
officials said, and the cost has not yet been put at a figure.
</TEXT>
(REG:TEST;)
(LANG:TEST;)
</BODY>
</DOC>
<DOC>
<DOCNO> APW20240306.0101 </DOCNO>
<HEADLINE> Ferries carry bridge traffic &amp; more </HEADLINE>
<TEXT>
<P>
Ferry crews in Porthaven carried twice their usual number of
passengers on Wednesday while the storm-damaged Halloran bridge stayed shut.
</P>
<P>
Harbor officials said the extra crossings would continue until the
bridge reopens after its repairs.
</P>
</TEXT>
</DOC>
";

#[test]
fn sgml_wire_files_are_read_as_their_articles_with_whole_sentences() {
    let dir = tempdir();
    std::fs::write(dir.path().join("apw-1998-10.sgml"), SGML_WIRE).unwrap();
    let (code, out, err) = run(&["split", s(dir.path())], None);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    // Whole sentences joined across the wrapped lines, no metadata.
    assert!(lines.contains(
        &"Engineers began a full inspection of the Halloran bridge on Tuesday after a storm tore away part of its railing and forced the harbor crossing to close for the second time this year."
    ), "{out}");
    assert!(lines.contains(
        &"Ferry crews in Porthaven carried twice their usual number of passengers on Wednesday while the storm-damaged Halloran bridge stayed shut."
    ), "{out}");
    for junk in [
        "NEWS REPORT",
        "REG:",
        "LANG:",
        "BC-Harbor",
        "x0001",
        "DOCNO",
        "<",
    ] {
        assert!(!out.contains(junk), "{junk:?} in {out}");
    }
    let (code, out, err) = run(
        &[
            "summarize",
            s(dir.path()),
            "--words",
            "60",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = v["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["APW20240305.0543", "APW20240306.0101"]);
    assert_eq!(docs[0]["date"], "2024-03-05");
    assert_eq!(docs[1]["title"], "Ferries carry bridge traffic & more");
    for s in v["sentences"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }
}

#[test]
fn an_sgml_file_longer_than_the_document_limit_gives_all_its_articles() {
    // Gigaword and TREC files hold thousands of articles: the limit is each article's.
    let dir = tempdir();
    let many: String = (0..40)
        .map(|i| SGML_WIRE.replace("APW20240305.0543", &format!("APW20240305.{i:04}")))
        .collect();
    assert!(many.len() > 40_000);
    std::fs::write(dir.path().join("apw.sgml"), &many).unwrap();
    let (code, out, err) = run(
        &[
            "split",
            s(dir.path()),
            "--max-document-bytes",
            "4000",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("document limit"), "{err}");
    let docs: BTreeSet<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["document"].to_string())
        .collect();
    // 40 numbered copies of the first article and the second article 40 times (made unique).
    assert_eq!(docs.len(), 80, "{docs:?}");
}
