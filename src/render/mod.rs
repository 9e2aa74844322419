//! Render: a [`Briefing`] (or a corpus, for `briefing split`) -> bytes on a writer.
//!
//! Contract: rendering is pure formatting. It never re-scores or re-orders, and its output is a
//! function of its input alone (no clocks, no hash order). Text and Markdown cite sources as
//! footnote numbers that index the article list printed after the sentences; JSON is the
//! stable schema of [`crate::Briefing`].

pub mod compact;
mod digest;
pub mod email;
mod eval;
mod html;
mod json;
mod markdown;
pub mod sanitize;
mod text;

use std::io::{self, Write};

pub use eval::{render_eval, render_systems};
pub use html::safe_url;

use crate::config::named;
use crate::corpus::{Corpus, SentId};
use crate::digest::Digest;
use crate::pipeline::briefing::{Briefing, Candidate};

/// An output format of `briefing summarize` and `briefing digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text: title, numbered sentences with source numbers, the source list.
    #[default]
    Text,
    /// Markdown: the same as text, with a heading and a list.
    Markdown,
    /// JSON in the documented schema.
    Json,
    /// One self-contained HTML page.
    Html,
    /// A complete email with the text and the HTML as alternatives: written by
    /// [`render_email`] and [`render_digest_email`], which take its [`email::Envelope`].
    Email,
}

named! {
    Format {
        Text => "text", "title, numbered sentences with source numbers, source list";
        Markdown => "markdown", "the same in Markdown";
        Json => "json", "the documented JSON schema";
        Html => "html", "one self-contained HTML page (inline CSS; right-to-left where the text is Arabic)";
        Email => "email", "a complete email (RFC 5322, multipart/alternative: the text and the HTML), for \
                 `sendmail -t`; needs --from and --to";
    }
}

/// The error of [`Format::Email`] given to a function without an envelope.
fn needs_envelope() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "an email needs an envelope: write it with render_email or render_digest_email",
    )
}

/// Writes a briefing in a format ([`Format::Email`]: see [`render_email`]).
///
/// ```
/// use briefing::{Budget, Config, Format, RawDocument, Summarizer, render};
///
/// let text = "A storm closed the harbour bridge on Tuesday, officials said.";
/// let briefing = Summarizer::new(Config::default())?
///     .summarize(vec![RawDocument::new("a", text)], Budget::Words(20))?;
/// let mut out = Vec::new();
/// render::render(&briefing, Format::Json, &mut out)?;
/// let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(json["sentences"][0]["text"], text);
/// assert!(render::render(&briefing, Format::Email, &mut out).is_err()); // needs an envelope
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(briefing: &Briefing, format: Format, out: &mut dyn Write) -> io::Result<()> {
    if format == Format::Json {
        return json::render(briefing, out);
    }
    let shown = sanitize::briefing(briefing);
    match format {
        Format::Text => text::render(&shown, out),
        Format::Markdown => markdown::render(&shown, out),
        Format::Html => html::briefing(&shown, out),
        Format::Json | Format::Email => Err(needs_envelope()),
    }
}

/// Writes a digest in a format ([`Format::Email`]: see [`render_digest_email`]).
pub fn render_digest(digest: &Digest, format: Format, out: &mut dyn Write) -> io::Result<()> {
    if format == Format::Json {
        return digest::json(digest, out);
    }
    let shown = sanitize::digest(digest);
    match format {
        Format::Text => digest::text(&shown, out),
        Format::Markdown => digest::markdown(&shown, out),
        Format::Html => html::digest(&shown, out),
        Format::Json | Format::Email => Err(needs_envelope()),
    }
}

/// Writes a briefing as an email (text and HTML alternatives; see [`email`]).
pub fn render_email(
    briefing: &Briefing,
    envelope: &email::Envelope,
    out: &mut dyn Write,
) -> io::Result<()> {
    let briefing = &sanitize::briefing(briefing);
    let subject = envelope
        .subject
        .clone()
        .unwrap_or_else(|| email::default_subject("Briefing", None, Some(&heading(briefing))));
    email::write_message(
        envelope,
        &sanitize::shown(&subject, false),
        to_string(|o| text::render(briefing, o))?,
        to_string(|o| html::briefing(briefing, o))?,
        out,
    )
}

/// Writes a digest as an email (text and HTML alternatives; see [`email`]); the default subject
/// names the newest date and the top story.
pub fn render_digest_email(
    digest: &Digest,
    envelope: &email::Envelope,
    out: &mut dyn Write,
) -> io::Result<()> {
    let digest = &sanitize::digest(digest);
    let subject = envelope.subject.clone().unwrap_or_else(|| {
        let newest = digest
            .stories
            .iter()
            .filter_map(|s| s.newest.as_deref())
            .max();
        let top = digest.stories.first().and_then(|s| s.headline.as_deref());
        email::default_subject("News digest", newest, top)
    });
    email::write_message(
        envelope,
        &sanitize::shown(&subject, false),
        to_string(|o| digest::text(digest, o))?,
        to_string(|o| html::digest(digest, o))?,
        out,
    )
}

fn to_string(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut buf = Vec::new();
    write(&mut buf)?;
    String::from_utf8(buf).map_err(io::Error::other)
}

/// For each sentence, the footnote numbers of its sources (1-based indexes into
/// `briefing.documents`), deduplicated, in order.
fn footnotes(briefing: &Briefing) -> Vec<Vec<usize>> {
    briefing
        .sentences
        .iter()
        .map(|s| {
            let mut n: Vec<usize> = s
                .sources
                .iter()
                .filter_map(|r| {
                    briefing
                        .documents
                        .iter()
                        .position(|d| d.meta.id == r.document)
                })
                .map(|i| i + 1)
                .collect();
            n.dedup();
            let first = n.first().copied();
            let mut rest: Vec<usize> = n.into_iter().skip(1).collect();
            rest.sort_unstable();
            rest.dedup();
            first
                .into_iter()
                .chain(rest.into_iter().filter(|&x| Some(x) != first))
                .collect()
        })
        .collect()
}

/// One `--explain` row: score, centroid, lexrank, position, length, signature, support,
/// `document#sentence` and decision, the texts passed through `text` (an escaper).
fn candidate_cells(c: &Candidate, text: impl Fn(&str) -> String) -> [String; 9] {
    [
        format!("{:.4}", c.score),
        format!("{:.4}", c.centroid),
        format!("{:.4}", c.lexrank),
        format!("{:.4}", c.position),
        format!("{:.2}", c.length),
        format!("{:.2}", c.signature),
        c.support.to_string(),
        format!("{}#{}", text(&c.source.document), c.source.sentence),
        text(&c.decision),
    ]
}

/// The heading of a briefing: its title, else a description.
fn heading(briefing: &Briefing) -> String {
    briefing.title.clone().unwrap_or_else(|| {
        let n = briefing.documents.len();
        format!("Briefing of {n} article{}", if n == 1 { "" } else { "s" })
    })
}

/// An output format of `briefing split`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SplitFormat {
    /// One sentence per line, a blank line between articles.
    #[default]
    Lines,
    /// One JSON object per line: `{"document","sentence","text"}`.
    Jsonl,
}

named! {
    SplitFormat {
        Lines => "lines", "one sentence per line, a blank line between articles";
        Jsonl => "jsonl", r#"one JSON object per sentence: {"document","sentence","text"}"#;
    }
}

/// Writes every article's sentences in order.
pub fn render_split(corpus: &Corpus, format: SplitFormat, out: &mut dyn Write) -> io::Result<()> {
    let mut last_doc = None;
    for (i, s) in corpus.sentences.iter().enumerate() {
        let text = corpus.display(SentId(i as u32));
        let doc = &corpus.documents[s.doc.index()];
        match format {
            SplitFormat::Lines => {
                if last_doc.is_some() && last_doc != Some(s.doc) {
                    writeln!(out)?;
                }
                writeln!(out, "{text}")?;
            }
            SplitFormat::Jsonl => {
                let line = serde_json::json!({
                    "document": doc.meta.id,
                    "sentence": s.index,
                    "text": text,
                });
                writeln!(out, "{line}")?;
            }
        }
        last_doc = Some(s.doc);
    }
    out.flush()
}
