//! The shared types every stage hands on: documents and sentences in plain arenas.
//!
//! Contract: a [`Corpus`] owns all text. Documents and sentences are addressed by dense integer
//! ids ([`DocId`], [`SentId`]) that are their indexes in the arenas, in a deterministic order
//! (documents sorted by source, sentences in reading order). Sentences are byte spans into
//! their document's cleaned display text, on `char` boundaries, ordered and disjoint.

use std::ops::Range;

use crate::config::Language;
use crate::error::Skipped;

/// Index of a document in [`Corpus::documents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u32);

/// Index of a sentence in [`Corpus::sentences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentId(pub u32);

impl DocId {
    /// The arena index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl SentId {
    /// The arena index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What is known of an article besides its text: one type for every stage and the output.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// Stable, unique, human-readable id: the path relative to the folder named by the user,
    /// without its extension; a record's `id`; or `stdin`.
    pub id: String,
    /// Where it came from: the path, `path:line` for a JSONL record, `path#index` for a record
    /// of a JSON array, or `-`.
    pub path: String,
    /// The headline: given by the input (a record's `title`), or found by cleaning.
    pub title: Option<String>,
    /// Publication date as given (a record's `published`, or a `YYYYMMDD` / `YYYY-MM-DD` date
    /// in the file name).
    pub date: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// The language the input declares (a web page's `lang`, a feed's `<language>`): a hint
    /// for detection, used only when detection finds neither Arabic nor English.
    pub lang: Option<String>,
    /// What kind of input it came from (a feed item gives way to a page with its link).
    pub origin: Origin,
}

/// What kind of input an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Plain text, Markdown or a JSON record.
    #[default]
    Text,
    /// A saved web page, or a record whose text was HTML.
    Page,
    /// An item of a feed: it gives way to a page (or any article) with the same link.
    FeedItem,
}

impl Meta {
    /// Metadata with only an id, which is also the path.
    pub fn new(id: impl Into<String>) -> Self {
        let id = id.into();
        Meta {
            path: id.clone(),
            id,
            ..Meta::default()
        }
    }

    /// The outlet as written: the `source`, else the URL's host (without `www.`), else
    /// `None`.
    pub fn outlet_name(&self) -> Option<String> {
        if let Some(s) = self
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            return Some(s.to_string());
        }
        let u = self.url.as_deref()?;
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host.split(':').next().unwrap_or(host).to_lowercase();
        let host = host.trim_start_matches("www.");
        (!host.is_empty()).then(|| host.to_string())
    }

    /// The key two articles share when they come from one outlet: the outlet's name in lower
    /// case, else `article:<id>` (an article of unknown origin is an outlet of its own).
    pub fn outlet_key(&self) -> String {
        self.outlet_name()
            .map_or_else(|| format!("article:{}", self.id), |n| n.to_lowercase())
    }
}

/// One article as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawDocument {
    /// Its id, origin, title, date, URL and outlet.
    pub meta: Meta,
    /// The article text, decoded but otherwise untouched.
    pub text: String,
}

/// One article after cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Its id, origin, title (given or found by cleaning), date, URL and outlet.
    pub meta: Meta,
    /// The language used to tokenize it.
    pub language: Language,
    /// Cleaned display text: NFKC paragraphs joined by a blank line.
    pub text: String,
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The document it belongs to.
    pub doc: DocId,
    /// Its position among the document's sentences, from 0.
    pub index: u32,
    /// Byte span into the document's `text`.
    pub span: Range<usize>,
    /// True for a heading line inside the article (short, no final punctuation): it counts for
    /// word statistics but is not offered to the briefing.
    pub heading: bool,
}

/// All documents and sentences of one run, and the inputs left out of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// Documents, indexed by [`DocId`].
    pub documents: Vec<Document>,
    /// Sentences of all documents in reading order, indexed by [`SentId`].
    pub sentences: Vec<Sentence>,
    /// Every input left out while reading, with the reason.
    pub skipped: Vec<Skipped>,
}

impl RawDocument {
    /// An article with only an id (also its path) and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        RawDocument {
            meta: Meta::new(id),
            text: text.into(),
        }
    }
}

impl Document {
    /// A document with only an id, a language and its text (no title, date, URL or outlet);
    /// its path is its id.
    pub fn new(id: impl Into<String>, language: Language, text: impl Into<String>) -> Self {
        Document {
            meta: Meta::new(id),
            language,
            text: text.into(),
        }
    }
}

impl Corpus {
    /// The raw span of a sentence, exactly as it stands in its document.
    pub fn raw(&self, id: SentId) -> &str {
        let s = &self.sentences[id.index()];
        &self.documents[s.doc.index()].text[s.span.clone()]
    }

    /// The sentence as shown to people: its span with runs of whitespace collapsed to one
    /// space and no space before the final punctuation (`داعش .` becomes `داعش.`).
    pub fn display(&self, id: SentId) -> String {
        display_form(self.raw(id))
    }

    /// The document of a sentence.
    pub fn doc_of(&self, id: SentId) -> &Document {
        &self.documents[self.sentences[id.index()].doc.index()]
    }

    /// Sentence ids of one document, in order.
    pub fn sentences_of(&self, doc: DocId) -> impl Iterator<Item = SentId> + '_ {
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.doc == doc)
            .map(|(i, _)| SentId(i as u32))
    }

    /// The sentence ids of each document, as ranges (a document's sentences are contiguous).
    pub fn document_ranges(&self) -> Vec<Range<usize>> {
        let mut ranges = vec![0..0; self.documents.len()];
        let mut start = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            let next = self.sentences.get(i + 1).map(|n| n.doc);
            if next != Some(s.doc) {
                ranges[s.doc.index()] = start..i + 1;
                start = i + 1;
            }
        }
        ranges
    }

    /// A corpus of some of the documents (in the order given), with their sentences (and no
    /// skipped inputs).
    pub fn subset(&self, docs: &[DocId]) -> Corpus {
        let ranges = self.document_ranges();
        let mut out = Corpus::default();
        for (new, &d) in docs.iter().enumerate() {
            out.documents.push(self.documents[d.index()].clone());
            out.sentences
                .extend(
                    self.sentences[ranges[d.index()].clone()]
                        .iter()
                        .map(|s| Sentence {
                            doc: DocId(new as u32),
                            ..s.clone()
                        }),
                );
        }
        out
    }

    /// Number of sentences of each document.
    pub fn sentence_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.documents.len()];
        for s in &self.sentences {
            counts[s.doc.index()] += 1;
        }
        counts
    }
}

/// Collapses whitespace and drops whitespace before trailing sentence punctuation.
pub fn display_form(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        let glue = !out.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '؟'));
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_subsets() {
        let doc = |name: &str, text: &str| Document::new(name, Language::English, text);
        let sent = |d: u32, index: u32, span: Range<usize>| Sentence {
            doc: DocId(d),
            index,
            span,
            heading: false,
        };
        let c = Corpus {
            documents: vec![doc("a", "A1. A2."), doc("b", "B1."), doc("c", "C1. C2.")],
            sentences: vec![
                sent(0, 0, 0..3),
                sent(0, 1, 4..7),
                sent(1, 0, 0..3),
                sent(2, 0, 0..3),
                sent(2, 1, 4..7),
            ],
            skipped: Vec::new(),
        };
        assert_eq!(c.document_ranges(), vec![0..2, 2..3, 3..5]);
        let s = c.subset(&[DocId(2), DocId(0)]);
        assert_eq!(s.documents[0].meta.id, "c");
        assert_eq!(s.sentences.len(), 4);
        assert_eq!(s.raw(SentId(1)), "C2.");
        assert_eq!(s.sentences[2].doc, DocId(1));
        assert_eq!(s.raw(SentId(3)), "A2.");
    }

    #[test]
    fn display_form_collapses_and_glues_final_stop() {
        assert_eq!(display_form("  a \n b  ."), "a b.");
        assert_eq!(display_form("ضد تنظيم داعش ."), "ضد تنظيم داعش.");
        assert_eq!(display_form("what ?"), "what?");
        assert_eq!(display_form("x . y"), "x. y");
    }
}
