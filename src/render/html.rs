//! HTML: one self-contained page (inline CSS, no external asset) for mail clients and phones,
//! from the template `resources/templates/briefing.html` (minijinja, auto-escaped).
//!
//! Contract: every string that comes from an article (text, titles, ids, outlets, reasons) is
//! HTML-escaped by the template engine; only `http:` and `https:` URLs become links (a
//! `javascript:` or `data:` URL is shown as text, never followed). Each story and each sentence
//! carries `lang` and `dir` from its article's language (Arabic: `rtl`; another script the
//! detector could not name: `dir="auto"`), so mixed Arabic and English pages lay out right.
//!
//! Like the text digest, a story shows only what a reader needs (`super::compact`): its
//! outlets with counts, its date span, its sentences citing at most two articles by outlet
//! (each citation a link to its entry in the story's source list, which is always shown), the
//! cited articles (outlet, date, title, link) and how many more there are. Dates are written
//! for the page's language (Arabic month names on an Arabic page) and isolated (`<bdi>`), so a
//! number never reads backwards in a right-to-left line. URLs are escaped for attributes only
//! (`&`, `<`, `>`, quotes), not character by character.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::LazyLock;

use minijinja::Environment;
use serde::Serialize;

use super::compact::{self, Compact};
use crate::config::Language;
use crate::digest::{Digest, StoryBriefing};
use crate::pipeline::briefing::Briefing;
use crate::text::resources::TEMPLATE_HTML;

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_formatter(|out, state, value| {
        let text = value.to_string();
        if state.auto_escape() == minijinja::AutoEscape::None || value.is_safe() {
            out.write_str(&text)
        } else {
            out.write_str(&escape(&text))
        }
        .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed"))
    });
    env.add_template("briefing.html", TEMPLATE_HTML)
        .unwrap_or_else(|e| panic!("resources/templates/briefing.html: {e}"));
    env
});

/// HTML-escapes text for element content and quoted attributes: `&`, `<`, `>`, `"`, `'`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    dir: &'static str,
    /// The page's own words, in its language (`resources/templates/labels.txt`).
    labels: BTreeMap<&'static str, &'static str>,
    title: String,
    summary: String,
    stories: Vec<StoryView>,
    /// Skipped inputs as counts by kind.
    skipped: Option<String>,
}

#[derive(Serialize)]
struct StoryView {
    /// `story-N`, the prefix of its anchors.
    id: String,
    rank: Option<usize>,
    headline: Option<String>,
    facts: Option<String>,
    outlets: Option<String>,
    lang: &'static str,
    dir: &'static str,
    sentences: Vec<SentenceView>,
    sources: Vec<SourceView>,
    more: Option<String>,
}

#[derive(Serialize)]
struct SentenceView {
    text: String,
    lang: &'static str,
    dir: &'static str,
    cites: Vec<Cite>,
    more: usize,
}

#[derive(Serialize)]
struct Cite {
    /// Where its source entry is (`story-2-src-3`).
    anchor: String,
    label: String,
}

#[derive(Serialize)]
struct SourceView {
    anchor: String,
    label: String,
    url: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
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

/// A day (`YYYY-MM-DD`) as the page's reader writes it: `7 Aug 2015`, `7 أغسطس 2015`.
fn shown_day(day: &str, labels: &BTreeMap<&'static str, &'static str>) -> String {
    let month: usize = day.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let d: u32 = day.get(8..10).and_then(|m| m.parse().ok()).unwrap_or(0);
    match labels.get(format!("month{month}").as_str()) {
        // No-break spaces: a day never wraps across lines.
        Some(name) if d > 0 => format!("{d}\u{a0}{name}\u{a0}{}", &day[..4]),
        _ => day.to_string(),
    }
}

fn story_view(
    b: &Briefing,
    c: &Compact<'_>,
    id: String,
    labels: &BTreeMap<&'static str, &'static str>,
) -> StoryView {
    let label = |k: &str| labels.get(k).copied().unwrap_or_default();
    let (lang, dir) = attributes(b.language);
    let doc_language = |doc_id: &str| {
        b.documents
            .iter()
            .find(|d| d.meta.id == doc_id)
            .map_or(b.language, |d| d.language)
    };
    let anchor = |n: usize| format!("{id}-src-{n}");
    let cite_label = |n: usize| {
        let d = c.cited[n - 1];
        d.meta.outlet_name().unwrap_or_else(|| format!("[{n}]"))
    };
    let sentences = b
        .sentences
        .iter()
        .zip(&c.sentences)
        .map(|(s, cs)| {
            let language = s
                .sources
                .first()
                .map_or(b.language, |r| doc_language(&r.document));
            let (lang, dir) = attributes(language);
            SentenceView {
                text: s.text.clone(),
                lang,
                dir,
                cites: cs
                    .cites
                    .iter()
                    .map(|&n| Cite {
                        anchor: anchor(n),
                        label: cite_label(n),
                    })
                    .collect(),
                more: cs.more,
            }
        })
        .collect();
    let sources = c
        .cited
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (lang, dir) = attributes(d.language);
            SourceView {
                anchor: anchor(i + 1),
                label: d.meta.id.clone(),
                url: safe_url(d.meta.url.as_ref()),
                outlet: d.meta.outlet_name(),
                date: d
                    .meta
                    .date
                    .as_deref()
                    .and_then(crate::text::date::day)
                    .map(|x| shown_day(&x, labels)),
                // Always shown: it is the link's text (the story's headline may be another's).
                title: d.meta.title.clone(),
                lang,
                dir,
            }
        })
        .collect();
    let more = (c.uncited > 0).then(|| {
        format!(
            "{}: {} · {}: {}",
            label("more"),
            c.uncited,
            label("outlets"),
            c.uncited_outlets
        )
    });
    StoryView {
        id,
        rank: None,
        headline: b.title.clone(),
        facts: None,
        outlets: compact::outlets_line(c),
        lang,
        dir,
        sentences,
        sources,
        more,
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
    let c = compact::briefing(b);
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
            ..story_view(b, &c, "story-1".into(), &labels)
        }],
        skipped: compact::skipped_kinds(&b.skipped).map(|k| format!("{} ({k})", b.skipped.len())),
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
    let facts = |s: &StoryBriefing, c: &Compact<'_>| {
        let mut line = format!(
            "{}: {} · {}: {}",
            label("outlets"),
            s.outlets.len(),
            label("articles"),
            s.articles
        );
        match &c.span {
            Some((a, z)) if a != z => line.push_str(&format!(
                " · {} – {}",
                shown_day(a, &labels),
                shown_day(z, &labels)
            )),
            Some((a, _)) => line.push_str(&format!(" · {}", shown_day(a, &labels))),
            None => {}
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
            Some(day) => format!("{} · {}", label("digest"), shown_day(day, &labels)),
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
            .map(|s| {
                let c = compact::story(s);
                StoryView {
                    rank: Some(s.rank),
                    headline: s.headline.clone(),
                    facts: Some(facts(s, &c)),
                    ..story_view(&s.briefing, &c, format!("story-{}", s.rank), &labels)
                }
            })
            .collect(),
        skipped: compact::skipped_kinds(&d.skipped).map(|k| format!("{} ({k})", d.skipped.len())),
        labels: labels.clone(),
    };
    write_page(&page, out)
}
