//! A digest: several stories, each a headline, a line of facts, its briefing's sentences and
//! its sources. The per-story sentences and sources follow the text and Markdown briefing
//! layouts; JSON is `{"articles", "story_count", "stories": [...], "skipped"}` with each story's
//! briefing in the `summarize` schema.

use std::io::{self, Write};

use super::footnotes;
use super::markdown::{escape, skipped_list};
use crate::digest::{Digest, StoryBriefing};

/// `5 outlets · 7 articles · newest 2015-07-21`
fn facts(s: &StoryBriefing) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "{} · {}",
        plural(s.outlets.len(), "outlet"),
        plural(s.articles, "article")
    );
    if let Some(d) = &s.newest {
        line.push_str(&format!(" · newest {d}"));
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

pub(super) fn text(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", overview(d))?;
    for s in &d.stories {
        let b = &s.briefing;
        writeln!(out)?;
        writeln!(out, "{}. {}", s.rank, headline(s))?;
        writeln!(out, "   {}", facts(s))?;
        if let Some(prev) = &s.update_of {
            writeln!(out, "   update of: {prev}")?;
        }
        for (sentence, notes) in b.sentences.iter().zip(footnotes(b)) {
            let cites: String = notes.iter().map(|n| format!("[{n}]")).collect();
            writeln!(out, "   - {} {}", sentence.text, cites)?;
        }
        for (i, doc) in b.documents.iter().enumerate() {
            let mut line = format!("   [{}] {}", i + 1, doc.meta.id);
            if let Some(src) = &doc.meta.source {
                line.push_str(&format!(" ({src})"));
            }
            if let Some(t) = doc
                .meta
                .title
                .as_ref()
                .filter(|t| Some(*t) != s.headline.as_ref())
            {
                line.push_str(&format!(" — {t}"));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !d.skipped.is_empty() {
        writeln!(out)?;
        for k in &d.skipped {
            writeln!(out, "skipped: {}: {}", k.path, k.reason)?;
        }
    }
    out.flush()
}

pub(super) fn markdown(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Digest")?;
    writeln!(out)?;
    writeln!(out, "_{}_", overview(d))?;
    for s in &d.stories {
        let b = &s.briefing;
        writeln!(out)?;
        writeln!(out, "## {}. {}", s.rank, escape(&headline(s)))?;
        writeln!(out)?;
        writeln!(out, "_{}_", escape(&facts(s)))?;
        if let Some(prev) = &s.update_of {
            writeln!(out)?;
            writeln!(out, "_Update of: {}_", escape(prev))?;
        }
        writeln!(out)?;
        for (sentence, notes) in b.sentences.iter().zip(footnotes(b)) {
            let cites: String = notes.iter().map(|n| format!("[{n}]")).collect();
            writeln!(out, "- {} {}", escape(&sentence.text), escape(&cites))?;
        }
        writeln!(out)?;
        for (i, doc) in b.documents.iter().enumerate() {
            let name = super::markdown::source_name(&doc.meta);
            let mut line = format!("{}. {name}", i + 1);
            if let Some(src) = &doc.meta.source {
                line.push_str(&format!(" ({})", escape(src)));
            }
            if let Some(t) = doc
                .meta
                .title
                .as_ref()
                .filter(|t| Some(*t) != s.headline.as_ref())
            {
                line.push_str(&format!(" — {}", escape(t)));
            }
            writeln!(out, "{line}")?;
        }
    }
    skipped_list(&d.skipped, out)?;
    out.flush()
}

pub(super) fn json(d: &Digest, out: &mut dyn Write) -> io::Result<()> {
    super::json::write(d, out)
}
