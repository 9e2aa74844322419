//! A digest: several stories, each a headline, a line of facts, its briefing's sentences and
//! its sources. The per-story sentences and sources follow the text and Markdown briefing
//! layouts; JSON is `{"articles", "story_count", "stories": [...], "skipped"}` with each story's
//! briefing in the `summarize` schema.

use std::io::{self, Write};

use super::compact::{self, Compact, more_line, outlets_line, plural, skipped_line};
use super::markdown::escape;
use crate::digest::{Digest, StoryBriefing};
use crate::pipeline::briefing::DocumentInfo;
use crate::text::date::day;

/// `4 outlets · 7 articles · 2015-07-20 to 2015-07-21`
fn facts(s: &StoryBriefing, c: &Compact<'_>) -> String {
    let mut line = format!(
        "{} · {}",
        plural(s.outlets.len(), "outlet"),
        plural(s.articles, "article")
    );
    match &c.span {
        Some((a, z)) if a != z => line.push_str(&format!(" · {a} to {z}")),
        Some((a, _)) => line.push_str(&format!(" · {a}")),
        None => {}
    }
    line
}

fn headline(s: &StoryBriefing) -> String {
    s.headline
        .clone()
        .unwrap_or_else(|| "(no headline)".to_string())
}

/// `3 of 120 stories · 900 articles`
pub(super) fn overview(d: &Digest) -> String {
    format!(
        "{} of {} stories · {} articles",
        d.stories.len(),
        d.story_count,
        d.articles
    )
}

/// `[1][2] +14`
fn cites(numbers: &[usize], more: usize) -> String {
    let mut s: String = numbers.iter().map(|n| format!("[{n}]")).collect();
    if more > 0 {
        s.push_str(&format!(" +{more}"));
    }
    s
}

/// `Okaz · 2015-08-07 · Title`: the outlet, the day and the title of a cited article.
fn cited_line(doc: &DocumentInfo, headline: Option<&String>) -> String {
    let mut parts: Vec<String> = vec![
        doc.meta
            .outlet_name()
            .unwrap_or_else(|| doc.meta.id.clone()),
    ];
    if let Some(d) = doc.meta.date.as_deref().and_then(day) {
        parts.push(d);
    }
    if let Some(t) = doc.meta.title.as_ref().filter(|t| Some(*t) != headline) {
        parts.push(t.clone());
    }
    parts.join(" · ")
}

/// `Okaz · 2015-08-07 · [Title](<url>)`: as [`cited_line`], with the title (or, untitled, the
/// id) as the link when the URL is `http(s)`, even when it repeats the headline.
fn cited_markdown(doc: &DocumentInfo, headline: Option<&String>) -> String {
    let Some(url) = super::safe_url(doc.meta.url.as_ref()) else {
        return escape(&cited_line(doc, headline));
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = doc.meta.outlet_name() {
        parts.push(escape(&o));
    }
    if let Some(d) = doc.meta.date.as_deref().and_then(day) {
        parts.push(d);
    }
    let label = doc.meta.title.as_ref().unwrap_or(&doc.meta.id);
    parts.push(format!(
        "[{}](<{}>)",
        escape(label),
        super::markdown::percent_encode(&url)
    ));
    parts.join(" · ")
}

pub(super) fn text(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", overview(d))?;
    for s in &d.stories {
        let c = compact::story(s);
        writeln!(out)?;
        writeln!(out, "{}. {}", s.rank, headline(s))?;
        writeln!(out, "   {}", facts(s, &c))?;
        if let Some(line) = outlets_line(&c) {
            writeln!(out, "   {line}")?;
        }
        if let Some(prev) = &s.update_of {
            writeln!(out, "   update of: {prev}")?;
        }
        for sentence in &c.sentences {
            writeln!(
                out,
                "   - {} {}",
                sentence.text,
                cites(&sentence.cites, sentence.more)
            )?;
        }
        for (i, doc) in c.cited.iter().enumerate() {
            let mut line = format!("   [{}] {}", i + 1, cited_line(doc, s.headline.as_ref()));
            if let Some(u) = super::safe_url(doc.meta.url.as_ref()) {
                line.push_str(&format!(" <{}>", super::markdown::iri(&u)));
            }
            writeln!(out, "{line}")?;
        }
        if let Some(more) = more_line(&c) {
            writeln!(out, "   {more}")?;
        }
    }
    if let Some(line) = skipped_line(&d.skipped) {
        writeln!(out)?;
        writeln!(out, "{line}")?;
    }
    out.flush()
}

pub(super) fn markdown(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Digest")?;
    writeln!(out)?;
    writeln!(out, "_{}_", overview(d))?;
    for s in &d.stories {
        let c = compact::story(s);
        writeln!(out)?;
        writeln!(out, "## {}. {}", s.rank, escape(&headline(s)))?;
        writeln!(out)?;
        writeln!(out, "_{}_", escape(&facts(s, &c)))?;
        if let Some(line) = outlets_line(&c) {
            writeln!(out)?;
            writeln!(out, "_{}_", escape(&line))?;
        }
        if let Some(prev) = &s.update_of {
            writeln!(out)?;
            writeln!(out, "_Update of: {}_", escape(prev))?;
        }
        writeln!(out)?;
        for sentence in &c.sentences {
            writeln!(
                out,
                "- {} {}",
                escape(sentence.text),
                escape(&cites(&sentence.cites, sentence.more))
            )?;
        }
        writeln!(out)?;
        for (i, doc) in c.cited.iter().enumerate() {
            writeln!(
                out,
                "{}. {}",
                i + 1,
                cited_markdown(doc, s.headline.as_ref())
            )?;
        }
        if let Some(more) = more_line(&c) {
            writeln!(out)?;
            writeln!(out, "_{}_", escape(&more))?;
        }
    }
    if let Some(line) = skipped_line(&d.skipped) {
        writeln!(out)?;
        writeln!(out, "_{}_", escape(&line))?;
    }
    out.flush()
}

pub(super) fn json(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    super::json::write(d, out)
}
