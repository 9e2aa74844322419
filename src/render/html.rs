//! HTML: one self-contained page (inline CSS, no external asset) for mail clients and phones,
//! from the template `resources/templates/briefing.html` (minijinja, auto-escaped).
//!
//! Contract: every string that comes from an article (text, titles, ids, outlets, reasons) is
//! HTML-escaped by the template engine; only `http:` and `https:` URLs become links (a
//! `javascript:` or `data:` URL is shown as text, never followed). Each story and each sentence
//! carries `lang` and `dir` from its article's language (Arabic: `rtl`; another script the
//! detector could not name: `dir="auto"`), so mixed Arabic and English pages lay out right.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::LazyLock;

use minijinja::Environment;
use serde::Serialize;

use super::footnotes;
use crate::config::Language;
use crate::digest::{Digest, StoryBriefing};
use crate::error::Skipped;
use crate::pipeline::briefing::Briefing;
use crate::text::resources::TEMPLATE_HTML;

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.add_template("briefing.html", TEMPLATE_HTML)
        .unwrap_or_else(|e| panic!("resources/templates/briefing.html: {e}"));
    env
});

#[derive(Serialize)]
struct Page<'a> {
    lang: &'static str,
    dir: &'static str,
    /// The page's own words, in its language (`resources/templates/labels.txt`).
    labels: BTreeMap<&'static str, &'static str>,
    title: String,
    summary: String,
    stories: Vec<StoryView>,
    skipped: &'a [Skipped],
}

#[derive(Serialize)]
struct StoryView {
    rank: Option<usize>,
    headline: Option<String>,
    facts: Option<String>,
    lang: &'static str,
    dir: &'static str,
    sentences: Vec<SentenceView>,
    sources: Vec<SourceView>,
}

#[derive(Serialize)]
struct SentenceView {
    text: String,
    lang: &'static str,
    dir: &'static str,
    cites: Vec<Cite>,
}

#[derive(Serialize)]
struct Cite {
    n: usize,
    url: Option<String>,
}

#[derive(Serialize)]
struct SourceView {
    label: String,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    lang: &'static str,
    dir: &'static str,
}

/// `lang` and `dir` attributes for a language.
fn attributes(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::Arabic => ("ar", "rtl"),
        Language::English => ("en", "ltr"),
        Language::Other => ("und", "auto"),
    }
}

/// The URL when it is safe to link: `http:` or `https:` only.
pub fn safe_url(url: Option<&String>) -> Option<String> {
    let u = url?.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| u.to_string())
}

/// The page's labels: Arabic when the page is.
fn page_labels(lang: &str) -> BTreeMap<&'static str, &'static str> {
    crate::text::resources::labels(lang == "ar")
}

fn story_view(b: &Briefing, rank: Option<usize>, facts: Option<String>) -> StoryView {
    let (lang, dir) = attributes(b.language);
    let doc_language = |id: &str| {
        b.documents
            .iter()
            .find(|d| d.meta.id == id)
            .map_or(b.language, |d| d.language)
    };
    let sentences = b
        .sentences
        .iter()
        .zip(footnotes(b))
        .map(|(s, notes)| {
            let language = s
                .sources
                .first()
                .map_or(b.language, |r| doc_language(&r.document));
            let (lang, dir) = attributes(language);
            SentenceView {
                text: s.text.clone(),
                lang,
                dir,
                cites: notes
                    .into_iter()
                    .map(|n| Cite {
                        n,
                        url: safe_url(b.documents[n - 1].meta.url.as_ref()),
                    })
                    .collect(),
            }
        })
        .collect();
    let sources = b
        .documents
        .iter()
        .map(|d| {
            let (lang, dir) = attributes(d.language);
            SourceView {
                label: d.meta.id.clone(),
                url: safe_url(d.meta.url.as_ref()),
                outlet: d.meta.source.clone(),
                title: d.meta.title.clone().filter(|t| Some(t) != b.title.as_ref()),
                lang,
                dir,
            }
        })
        .collect();
    StoryView {
        rank,
        headline: b.title.clone(),
        facts,
        lang,
        dir,
        sentences,
        sources,
    }
}

fn write_page(page: &Page, out: &mut dyn Write) -> io::Result<()> {
    let html = TEMPLATES
        .get_template("briefing.html")
        .and_then(|t| t.render(minijinja::context! { page => page }))
        .map_err(io::Error::other)?;
    out.write_all(html.as_bytes())?;
    out.flush()
}

pub(super) fn briefing(b: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    let (lang, dir) = attributes(b.language);
    let labels = page_labels(lang);
    let label = |k: &str| labels.get(k).copied().unwrap_or_default();
    let page = Page {
        lang,
        dir,
        title: b
            .title
            .clone()
            .unwrap_or_else(|| label("briefing").to_string()),
        summary: format!(
            "{}: {} {} {} · {}: {}",
            label(b.budget.unit),
            b.budget.used,
            label("of"),
            b.budget.limit,
            label("articles"),
            b.documents.len()
        ),
        stories: vec![StoryView {
            headline: None,
            ..story_view(b, None, None)
        }],
        skipped: &b.skipped,
        labels: labels.clone(),
    };
    write_page(&page, out)
}

pub(super) fn digest(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    let arabic = d
        .stories
        .iter()
        .filter(|s| s.briefing.language == Language::Arabic)
        .count();
    let (lang, dir) = if arabic * 2 > d.stories.len() {
        attributes(Language::Arabic)
    } else {
        attributes(Language::English)
    };
    let labels = page_labels(lang);
    let label = |k: &str| labels.get(k).copied().unwrap_or_default();
    let facts = |s: &StoryBriefing| {
        let mut line = format!(
            "{}: {} · {}: {}",
            label("outlets"),
            s.outlets.len(),
            label("articles"),
            s.articles
        );
        if let Some(day) = &s.newest {
            line.push_str(&format!(" · {}: {day}", label("newest")));
        }
        if let Some(prev) = &s.update_of {
            line.push_str(&format!(" · {}: {prev}", label("update")));
        }
        line
    };
    let newest = d.stories.iter().filter_map(|s| s.newest.as_deref()).max();
    let page = Page {
        lang,
        dir,
        title: match newest {
            Some(day) => format!("{} · {day}", label("digest")),
            None => label("digest").to_string(),
        },
        summary: format!(
            "{}: {} {} {} · {}: {}",
            label("stories"),
            d.stories.len(),
            label("of"),
            d.story_count,
            label("articles"),
            d.articles
        ),
        stories: d
            .stories
            .iter()
            .map(|s| StoryView {
                headline: s.headline.clone(),
                ..story_view(&s.briefing, Some(s.rank), Some(facts(s)))
            })
            .collect(),
        skipped: &d.skipped,
        labels: labels.clone(),
    };
    write_page(&page, out)
}
