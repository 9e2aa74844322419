//! `--format html`: parsed with a real HTML5 parser (html5ever, through scraper) to check the
//! page's structure, its languages and directions, and that nothing from an article can become
//! markup or a dangerous link.

use scraper::{Html, Selector};
use serde_json::json;

use crate::util::*;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn page(args: &[&str]) -> Html {
    let out = ok(args);
    assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
    Html::parse_document(&out)
}

#[test]
fn arabic_briefing_page_is_rtl_and_self_contained() {
    let html = page(&["summarize", AR, "--format", "html"]);
    let root = html.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some("ar"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    let json = summarize_json(&[AR]);
    let items: Vec<_> = html.select(&sel("ul.sentences > li")).collect();
    assert_eq!(items.len(), sentence_texts(&json).len());
    let article = html.select(&sel("article")).next().unwrap();
    assert_eq!(article.value().attr("dir"), Some("rtl"));
    assert_eq!(article.value().attr("lang"), Some("ar"));
    for (li, text) in items.iter().zip(sentence_texts(&json)) {
        // Each sentence inherits the story's language (only another language is marked).
        assert_eq!(li.value().attr("dir"), None);
        assert_eq!(li.value().attr("lang"), None);
        let shown: String = li.text().collect();
        assert!(
            squash(&shown).starts_with(&squash(&text)),
            "{shown} / {text}"
        );
    }
    // Self-contained: inline CSS only, no script, no external resource.
    assert_eq!(html.select(&sel("style")).count(), 1);
    for bad in ["script", "link", "img", "iframe", "[src]"] {
        assert_eq!(html.select(&sel(bad)).count(), 0, "{bad}");
    }
    let title: String = html.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(title, "الجعفري والن يبحثان الوضع الامني في العراق");
    // The page's own words are Arabic on an Arabic page.
    let summary: String = html
        .select(&sel("header p"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(summary.contains("الكلمات"), "{summary}");
}

#[test]
fn digest_page_marks_each_story_and_sentence_with_its_language() {
    let html = page(&["digest", AR, EN, "--format", "html", "--words", "50"]);
    let articles: Vec<_> = html.select(&sel("article")).collect();
    // The five Arabic seed articles tell one story, the four English ones another.
    assert_eq!(articles.len(), 2);
    let dirs: Vec<(&str, &str)> = articles
        .iter()
        .map(|a| {
            (
                a.value().attr("lang").unwrap(),
                a.value().attr("dir").unwrap(),
            )
        })
        .collect();
    assert!(
        dirs.contains(&("ar", "rtl")) && dirs.contains(&("en", "ltr")),
        "{dirs:?}"
    );
    for a in &articles {
        assert_eq!(a.select(&sel("h2")).count(), 1);
        assert!(a.select(&sel("ul.sentences > li")).count() >= 1);
        let lang = a.value().attr("lang").unwrap();
        for li in a.select(&sel("ul.sentences > li")) {
            assert_eq!(li.value().attr("lang").unwrap_or(lang), lang);
        }
    }
}

#[test]
fn hostile_article_fields_are_escaped_and_unsafe_links_dropped() {
    let dir = tempdir();
    let f = dir.path().join("evil.jsonl");
    let body = "The harbour bridge closed on Tuesday <b>after</b> a storm & the railing fell. \
                Ferries ran extra trips while <script>alert('x')</script> engineers worked.";
    let lines = [
        json!({"id": "<script>alert(1)</script>", "title": "<script>alert(1)</script>",
               "text": body, "source": "\"><img src=x onerror=alert(1)>",
               "url": "javascript:alert(1)"}),
        json!({"id": "b\"><img src=x onerror=alert(2)>", "title": "\"><img src=x onerror=alert(2)>",
               "text": body, "url": "https://example.com/a?x=1&y=\"2\""}),
    ];
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&f, text.join("\n")).unwrap();
    for cmd in ["summarize", "digest"] {
        let out = ok(&[cmd, s(&f), "--format", "html", "--words", "60"]);
        let html = Html::parse_document(&out);
        for bad in ["script", "img", "b", "[onerror]"] {
            assert_eq!(html.select(&sel(bad)).count(), 0, "{cmd}: <{bad}> in {out}");
        }
        let hrefs: Vec<&str> = html
            .select(&sel("a"))
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        let (anchors, links): (Vec<&str>, Vec<&str>) =
            hrefs.iter().partition(|h| h.starts_with('#'));
        assert!(!links.is_empty(), "{cmd}: the https article is linked");
        assert!(
            links
                .iter()
                .all(|h| h.starts_with("https://example.com/a?x=1&y=")),
            "{hrefs:?}"
        );
        for a in anchors {
            let id = &a[1..];
            assert!(
                html.select(&sel(&format!("[id=\"{id}\"]"))).count() == 1,
                "{cmd}: citation {a} has no source entry in {out}"
            );
        }
        let all: String = html.root_element().text().collect();
        assert!(
            all.contains("<script>alert(1)</script>"),
            "{cmd}: shown as text"
        );
        assert!(all.contains("\"><img src=x onerror=alert(2)>"), "{cmd}");
        assert!(
            all.contains("<b>after</b>") || all.contains("Ferries"),
            "{cmd}"
        );
    }
}
