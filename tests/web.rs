//! Web inputs: saved pages and feeds in `tests/fixtures/web` (issue 19). Each page's story
//! must come out and its furniture must not; each feed gives one article per item; a digest
//! over feeds and pages names the right outlets and dates.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::util::run;

const PAGES: &str = "tests/fixtures/web/pages";
const FEEDS: &str = "tests/fixtures/web/feeds";
const GOLD: &str = "tests/fixtures/web/gold";

/// Text that is on the pages around the stories, never in them.
const FURNITURE: &[&str] = &[
    "cookie",
    "Accept all",
    "Manage preferences",
    "Skip to main content",
    "Sign In",
    "Most Read",
    "Share on Facebook",
    "Copy link",
    "All rights reserved",
    "Advertisement",
    "Sign up",
    "Subscribe",
    "Related coverage",
    "More from",
    "Read next",
    "You might also like",
    "Topics:",
    "Typical. Every winter",
    "Credit to the ferry crews",
    "Why was the ship allowed",
    "Waves break over the sea wall",
    "Leave a Reply",
    "Your email address",
    "Recent Posts",
    "Got a story?",
    "Read more:",
    "Our Standards",
    "Top stories",
    "Share this article",
    "About Rosa Lindgren",
    "Nadia Petrova is",
    "Get the Science Post weekly",
    "MDX 100",
    "Sofia Lund |",
    "min read",
    "Proudly powered",
    "This is not text",
    "Hidden text",
    "stray cdata",
    "اقرأ أيضا",
    "اقرأ أيضًا",
    "الأكثر قراءة",
    "جميع الحقوق محفوظة",
    "حقوق النشر",
    "نسخ الرابط",
    "يستخدم هذا الموقع ملفات",
    "تغطية مباشرة",
    "المصدر",
    "زوار في أحد أجنحة المعرض",
    "تكبير الخط",
    "مواضيع",
    "اختيارات المحررين",
    "روائيون شبان",
    "مقالات أخرى للكاتب",
    "كاتب وروائي",
    "المقالات المنشورة تعبر",
    "مشروع مهم لكن",
    "نتمنى ان تصل المياه",
    "تعليقات الزوار",
    "مقالات ذات صلة",
    "الكلمات الدلالية",
    "الكلمات المفتاحية",
    "التعليق على الصورة",
    "مصدر الصورة",
    "قصص مقترحة",
    "الوسوم",
    "تابعوا آخر الأخبار",
    "نتائج مباشرة",
    "الزمالك",
    "شارك الخبر",
    "كن أول من يعلق",
    "كتب محمود",
    "كتب أحمد",
    "نشر في:",
    "النشرة البريدية",
];

fn gold(stem: &str) -> (Value, Option<String>) {
    let meta = std::fs::read_to_string(Path::new(GOLD).join(format!("{stem}.meta.json"))).unwrap();
    let body = std::fs::read_to_string(Path::new(GOLD).join(format!("{stem}.body.txt"))).ok();
    (serde_json::from_str(&meta).unwrap(), body)
}

fn pages() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(crate::util::root().join(PAGES))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".jsonl"))
        .collect();
    names.sort();
    names
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The split lines of a run, parsed.
fn split_jsonl(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["split", "--format", "jsonl"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, None);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pages_give_their_story_without_furniture() {
    for name in pages() {
        let (meta, body) = gold(stem(&name));
        if meta.get("skip").is_some() {
            continue;
        }
        let path = format!("{PAGES}/{name}");
        let lines = split_jsonl(&[&path]);
        let text = squash(
            &lines
                .iter()
                .map(|l| l["text"].as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let docs: BTreeSet<&str> = lines
            .iter()
            .map(|l| l["document"].as_str().unwrap())
            .collect();
        assert_eq!(docs.len(), 1, "{name}: one page, one article");
        for bad in FURNITURE {
            assert!(!text.contains(bad), "{name}: furniture {bad:?} in\n{text}");
        }
        let paragraphs: Vec<String> = body
            .unwrap()
            .split("\n\n")
            .map(squash)
            .filter(|p| !p.is_empty())
            .collect();
        // Each paragraph's end (its start may have lost a dateline).
        let found = paragraphs
            .iter()
            .filter(|p| {
                let tail: String = p
                    .chars()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                // A short paragraph may be a dateline: its last two words.
                let words: Vec<&str> = p.split(' ').collect();
                let last = words[words.len().saturating_sub(2)..].join(" ");
                text.contains(&tail) || (p.chars().count() < 40 && text.contains(&last))
            })
            .count();
        let needed = if name.contains("malformed") {
            paragraphs.len() / 2
        } else {
            paragraphs.len()
        };
        assert!(
            found >= needed,
            "{name}: {found} of {} paragraphs in\n{text}",
            paragraphs.len()
        );
        assert!(
            !text.contains('<') && !text.contains("&amp;"),
            "{name}: markup in the text"
        );
    }
}

#[test]
fn pages_without_an_article_are_skipped_with_the_reason() {
    for (name, why) in [
        ("en-daily-ledger-front-page.html", "front page"),
        ("ar-ufuq-front-page.html", "front page"),
        ("en-porthaven-herald-login-wall.html", "login wall"),
    ] {
        let path = format!("{PAGES}/{name}");
        let (code, out, err) = run(&["summarize", &path, "--format", "json"], None);
        assert_eq!(code, 2, "{name}: {out}");
        assert!(err.contains(&format!("{path}: {why}")), "{name}: {err}");
    }
}

#[test]
fn metadata_of_pages_in_json_and_split() {
    for name in pages() {
        let (meta, _) = gold(stem(&name));
        if meta.get("skip").is_some() {
            continue;
        }
        let path = format!("{PAGES}/{name}");
        let (code, out, err) = run(&["summarize", &path, "--format", "json"], None);
        assert_eq!(code, 0, "{name}: {err}");
        let json: Value = serde_json::from_str(&out).unwrap();
        let doc = &json["documents"][0];
        assert_eq!(doc["title"], meta["title"], "{name}: title");
        assert_eq!(doc["url"], meta["url"], "{name}: url");
        assert_eq!(doc["source"], meta["site"], "{name}: source");
        let date = doc["date"].as_str().map(|d| &d[..10]);
        assert_eq!(date, meta["date"].as_str(), "{name}: date");
    }
}

#[test]
fn four_dates_disagree_and_json_ld_wins() {
    let date = |name: &str| {
        let path = format!("{PAGES}/{name}");
        let (code, out, err) = run(&["summarize", &path, "--format", "json"], None);
        assert_eq!(code, 0, "{err}");
        let json: Value = serde_json::from_str(&out).unwrap();
        json["documents"][0]["date"].clone()
    };
    // JSON-LD 2024-05-15, <meta> 2024-05-16, <time> 2024-05-17, URL path 2024-05-14.
    assert_eq!(
        date("en-daily-ledger-tram-dates-disagree.html"),
        "2024-05-15T06:30:00+02:00"
    );
    assert_eq!(
        date("en-kestrel-chronicle-library-url-date.html"),
        "2024-06-18"
    );
    assert_eq!(
        date("ar-malaeb-marathon-time-only.html"),
        "2024-03-01T13:20:00+02:00"
    );
}

/// Items in a feed file, counted the simple way.
fn items_in(path: &Path) -> usize {
    let text = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&text);
    if text.trim_start().starts_with('{') {
        let v: Value = serde_json::from_str(&text).unwrap();
        return v["items"].as_array().unwrap().len();
    }
    text.matches("<item").count() - text.matches("<items").count() + text.matches("<entry").count()
}

#[test]
fn each_feed_gives_one_article_per_item() {
    let mut feeds: Vec<_> = std::fs::read_dir(crate::util::root().join(FEEDS))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    feeds.sort();
    assert!(feeds.len() >= 7);
    for feed in feeds {
        let rel = format!("{FEEDS}/{}", feed.file_name().unwrap().to_string_lossy());
        let lines = split_jsonl(&[&rel]);
        let docs: BTreeSet<&str> = lines
            .iter()
            .map(|l| l["document"].as_str().unwrap())
            .collect();
        assert_eq!(docs.len(), items_in(&feed), "{rel}: {docs:?}");
        let (code, out, _) = run(&["summarize", &rel, "--format", "json"], None);
        assert_eq!(code, 0);
        let json: Value = serde_json::from_str(&out).unwrap();
        for d in json["documents"].as_array().unwrap() {
            assert!(
                d["source"].is_string() && d["url"].is_string(),
                "{rel}: {d}"
            );
        }
        let text: String = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
        assert!(
            !text.contains('<') && !text.contains("Share on Facebook"),
            "{rel}: {text}"
        );
    }
    // ISO-8859-1 is decoded.
    let lines = split_jsonl(&[&format!("{FEEDS}/porthaven-herald-latin1.xml")]);
    assert!(
        lines
            .iter()
            .any(|l| l["text"].as_str().unwrap().contains("Hélène Durand"))
    );
}

#[test]
fn a_feed_item_that_is_a_saved_page_is_one_article() {
    let lines = split_jsonl(&[PAGES, FEEDS]);
    let docs: BTreeSet<&str> = lines
        .iter()
        .map(|l| l["document"].as_str().unwrap())
        .collect();
    // Linked with tracking parameters, to an AMP page's canonical URL, percent-encoded.
    for gone in [
        "northern-wire-rss2#1",
        "northern-wire-rss2#2",
        "northern-wire-rss2#3",
        "almadar-arabic-rss#1",
        "alufuq-atom#1",
        "alsharq-today-feed#1",
    ] {
        assert!(!docs.contains(gone), "{gone} should be its page");
    }
    for kept in [
        "northern-wire-rss2#4",
        "northern-wire-rss2#5",
        "alufuq-atom#2",
        "en-northern-wire-storm-bridge",
    ] {
        assert!(docs.contains(kept), "{kept} missing");
    }
}

#[test]
fn records_whose_text_is_html_are_extracted() {
    let lines = split_jsonl(&[&format!("{PAGES}/records-with-html.jsonl")]);
    let text: String = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert!(text.contains("Engineers began a full inspection"));
    assert!(text.contains("عادت الدراسة الحضورية"));
    assert!(
        !text.contains('<') && !text.contains("Share this article") && !text.contains("الوسوم"),
        "{text}"
    );
}

#[test]
fn digest_over_feeds_and_pages_names_outlets_and_dates() {
    let (code, out, err) = run(
        &[
            "digest",
            PAGES,
            FEEDS,
            "--format",
            "json",
            "--stories",
            "20",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let stories = json["stories"].as_array().unwrap();
    let find = |needle: &str| {
        stories
            .iter()
            .find(|s| {
                s["briefing"]["sentences"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["text"].as_str().unwrap().contains(needle))
            })
            .unwrap_or_else(|| panic!("no story says {needle:?}"))
    };
    let outlets = |s: &Value| -> Vec<String> {
        s["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap().to_lowercase())
            .collect()
    };
    let bridge = find("harbour bridge");
    for o in ["northern wire", "the porthaven herald", "daily ledger"] {
        assert!(
            outlets(bridge).contains(&o.to_string()),
            "{:?}",
            outlets(bridge)
        );
    }
    assert_eq!(bridge["newest"], "2024-03-06");
    let rain = find("جدة");
    for o in ["شبكة المدار", "قناة المشرق"] {
        assert!(
            outlets(rain).contains(&o.to_string()),
            "{:?}",
            outlets(rain)
        );
    }
    assert_eq!(rain["newest"], "2024-01-11");
}

#[test]
fn feed_dates_keep_their_own_day_and_an_unreadable_one_is_reported() {
    // A feed saved as `.txt` is told by its content; its dates are the ones it wrote.
    let dir = crate::util::tempdir();
    let feed = dir.path().join("wire.txt");
    std::fs::write(
        &feed,
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Ferries resume</title><link>https://wire.example/ferries</link><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description>Ferries resumed their crossings on Tuesday night after the storm had passed the coast.</description></item>
<item><title>Bridge reopens</title><link>https://wire.example/bridge</link><pubDate>Wed, 06 Mar 2024 04:30:00 GMT</pubDate>
<description>The harbour bridge reopened to traffic early on Wednesday after engineers checked its cables.</description></item>
<item><title>Council meets</title><link>https://wire.example/council</link><pubDate>the day after</pubDate>
<description>The town council met to count the cost of the storm damage to the sea wall and the pier.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    let path = crate::util::s(&feed);
    let (code, out, err) = run(&["summarize", path, "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let dates: Vec<&Value> = docs.iter().map(|d| &d["date"]).collect();
    assert_eq!(
        dates,
        [
            &Value::from("2024-03-05T23:30:00-05:00"),
            &Value::from("2024-03-06T04:30:00Z"),
            &Value::Null
        ],
        "{docs:?}"
    );
    assert!(docs.iter().all(|d| d["source"] == "Harbour Wire"));
    let skipped = json["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("wire.txt#3"));
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("\"the day after\""),
        "{skipped:?}"
    );
}
