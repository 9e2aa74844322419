//! The result of a run: what the renderers print and what `--format json` serialises.
//!
//! Contract: plain data, built by the pipeline, read by `render`. Its JSON form is a stable,
//! documented schema (see the README): fields are only ever added, never renamed or removed.

use serde::Serialize;

use crate::config::{Language, Method};
use crate::corpus::Meta;
use crate::error::Skipped;

/// A briefing of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// The cluster's headline: the title of the article carrying the best sentence, else of
    /// the first article that has one.
    pub title: Option<String>,
    /// The cluster's language (the most common among its articles).
    pub language: Language,
    /// The scoring method used.
    pub method: Method,
    /// The budget and how much of it was used.
    pub budget: BudgetUse,
    /// The chosen sentences, in reading order.
    pub sentences: Vec<BriefSentence>,
    /// Every article used.
    pub documents: Vec<DocumentInfo>,
    /// Every input left out, with the reason.
    pub skipped: Vec<Skipped>,
    /// With `--explain`: every sentence's scores and the decision taken on it, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<Candidate>>,
}

/// The budget of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BudgetUse {
    /// `words`, `chars` or `sentences`.
    pub unit: &'static str,
    /// The limit asked for.
    pub limit: usize,
    /// How much the chosen sentences take.
    pub used: usize,
}

/// One sentence of the briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefSentence {
    /// The sentence as written in its article (display form, whitespace collapsed).
    pub text: String,
    /// Its score (group score, with the support bonus), rounded to 4 decimals.
    pub score: f64,
    /// Every place it (or a near-duplicate of it) appears: shown sentence first.
    pub sources: Vec<SourceRef>,
    /// How many articles carry it.
    pub support: usize,
}

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The article's id (`documents[].id`).
    pub document: String,
    /// The sentence's index in that article, from 0 (as `briefing split` numbers them).
    pub sentence: u32,
}

/// An article of the cluster. Its JSON is flat: `id`, `path`, `title`, `language`,
/// `sentences`, then `date`, `url` and `source` when known.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    /// Its id, origin, title, date, URL and outlet.
    pub meta: Meta,
    /// Its language.
    pub language: Language,
    /// How many sentences it has after cleaning.
    pub sentences: usize,
}

impl Serialize for DocumentInfo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let m = &self.meta;
        let optional = [("date", &m.date), ("url", &m.url), ("source", &m.source)];
        let fields = 5 + optional.iter().filter(|(_, v)| v.is_some()).count();
        let mut s = serializer.serialize_struct("DocumentInfo", fields)?;
        s.serialize_field("id", &m.id)?;
        s.serialize_field("path", &m.path)?;
        s.serialize_field("title", &m.title)?;
        s.serialize_field("language", &self.language)?;
        s.serialize_field("sentences", &self.sentences)?;
        for (name, value) in optional {
            match value {
                Some(v) => s.serialize_field(name, v)?,
                None => s.skip_field(name)?,
            }
        }
        s.end()
    }
}

/// One sentence as the selector saw it (for `--explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Where it is.
    pub source: SourceRef,
    /// Its text.
    pub text: String,
    /// Cosine to the centroid.
    pub centroid: f64,
    /// LexRank centrality (top = 1).
    pub lexrank: f64,
    /// Position prior.
    pub position: f64,
    /// Length factor.
    pub length: f64,
    /// Mean article frequency of its widely reported terms (0 in a one-article cluster).
    pub signature: f64,
    /// Score by the chosen method.
    pub score: f64,
    /// Articles carrying it or a near-duplicate of it (0 when it was not a candidate).
    pub support: usize,
    /// What happened to it, in words.
    pub decision: String,
}

/// Rounds a score for output, so that JSON stays short and stable.
pub fn round4(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}
