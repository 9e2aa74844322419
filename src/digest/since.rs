//! Since: what an earlier digest already sent, so that the next one briefs only what is new.
//!
//! Contract: [`Sent::from_json`] reads a digest written by `briefing digest --format json` (only
//! `stories[].headline`, `stories[].briefing.sentences[].text` and
//! `stories[].briefing.documents[].id` are used; other fields may be missing) and analyses
//! what was sent once. [`Sent::repeats`]
//! says whether a sentence was already sent, and in which earlier story: its text key is
//! identical (`dedup::text_key`), or the Jaccard overlap of its terms with a sent sentence's is
//! at least [`REPEAT_OVERLAP`] (a reworded repeat of the same fact). A story whose sentences
//! were all sent is left out of the new digest; one that repeats some, shares an article with an
//! earlier story, whose centroid (`stories[].centroid`, the story's heaviest terms) has a
//! cosine of at least [`CENTROID_MATCH`] with an earlier story's ([`Sent::similar_centroid`]:
//! the story told again in other words), or whose headline and sentences share at least
//! [`STORY_OVERLAP`] of their terms with an earlier story's ([`Sent::similar_story`]), is
//! marked as an update of it. A digest written before centroids were stored has none: its
//! stories are matched by the other means only.

use std::collections::HashSet;

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;

use crate::rank::dedup::text_key;
use crate::text::tokenize::{Analyzer, Analyzers, detect_language};

/// Term overlap (Jaccard) at or above which a sentence repeats a sent one.
pub const REPEAT_OVERLAP: f32 = 0.6;
/// Term overlap (Jaccard) of two stories' headlines and sentences at or above which a new story
/// continues an earlier one.
pub const STORY_OVERLAP: f32 = 0.2;
/// Cosine of two stories' centroids at or above which a new story continues an earlier one.
pub const CENTROID_MATCH: f32 = 0.3;

#[derive(Deserialize)]
struct PrevDigest {
    stories: Vec<PrevStory>,
}

#[derive(Deserialize)]
struct PrevStory {
    headline: Option<String>,
    #[serde(default)]
    centroid: Vec<(String, f64)>,
    briefing: PrevBriefing,
}

#[derive(Deserialize)]
struct PrevBriefing {
    #[serde(default)]
    sentences: Vec<PrevSentence>,
    #[serde(default)]
    documents: Vec<PrevDocument>,
}

#[derive(Deserialize)]
struct PrevSentence {
    text: String,
}

#[derive(Deserialize)]
struct PrevDocument {
    id: String,
}

/// One earlier story.
#[derive(Debug, Clone, PartialEq)]
pub struct SentStory {
    /// Its headline, if it had one.
    pub headline: Option<String>,
    /// Its articles' ids.
    pub documents: HashSet<String>,
    /// Its centroid `(term hash, weight)`, sorted by hash (empty when the digest had none).
    pub centroid: Vec<(u64, f32)>,
}

/// One sentence sent earlier, analysed once.
#[derive(Debug, Clone, PartialEq)]
struct SentSentence {
    key: String,
    terms: HashSet<String>,
    story: usize,
}

/// Everything an earlier digest sent, analysed once when read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sent {
    /// The earlier stories, in their order.
    pub stories: Vec<SentStory>,
    /// The terms of each earlier story's headline and sentences.
    story_terms: Vec<HashSet<String>>,
    sentences: Vec<SentSentence>,
}

fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f32 / union as f32
    }
}

impl Sent {
    /// Reads an earlier digest's JSON from a file of at most `max_bytes` bytes (a larger one,
    /// or a device that never ends, is refused), or says why it is not one.
    pub fn read(path: &Path, max_bytes: u64, analyzers: &Analyzers) -> crate::Result<Sent> {
        let input = |source| Error::Input {
            path: path.to_owned(),
            source,
        };
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
            .map_err(input)?;
        if bytes.len() as u64 > max_bytes {
            return Err(Error::Config(format!(
                "{}: larger than the {max_bytes}-byte limit of an earlier digest",
                path.display()
            )));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::Config(format!("{}: not UTF-8 text", path.display())))?;
        Sent::from_json(&text, analyzers)
            .map_err(|e| Error::Config(format!("{}: {e}", path.display())))
    }

    /// Reads an earlier digest's JSON, or says why it is not one. Each sentence and headline
    /// is analysed with the analyzer of its own language.
    pub fn from_json(text: &str, analyzers: &Analyzers) -> Result<Sent, String> {
        let prev: PrevDigest = serde_json::from_str(text)
            .map_err(|e| format!("not a digest written by `briefing digest --format json`: {e}"))?;
        let terms = |t: &str| -> HashSet<String> {
            analyzers
                .get(detect_language(t))
                .terms(t)
                .into_iter()
                .collect()
        };
        let mut sent = Sent::default();
        for (i, story) in prev.stories.into_iter().enumerate() {
            let mut all = story.headline.as_deref().map(terms).unwrap_or_default();
            for s in story.briefing.sentences {
                let t = terms(&s.text);
                all.extend(t.iter().cloned());
                sent.sentences.push(SentSentence {
                    key: text_key(&s.text),
                    terms: t,
                    story: i,
                });
            }
            sent.story_terms.push(all);
            let mut centroid: Vec<(u64, f32)> = story
                .centroid
                .iter()
                .filter_map(|(h, w)| Some((u64::from_str_radix(h, 16).ok()?, *w as f32)))
                .filter(|(_, w)| w.is_finite())
                .collect();
            centroid.sort_unstable_by_key(|e| e.0);
            centroid.dedup_by_key(|e| e.0);
            sent.stories.push(SentStory {
                headline: story.headline,
                documents: story.briefing.documents.into_iter().map(|d| d.id).collect(),
                centroid,
            });
        }
        Ok(sent)
    }

    /// The number of sentences sent.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when nothing was sent.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The earlier story whose headline and sentences share the most terms with `text` (a new
    /// story's headline and sentences, analysed by `analyzer`), if that overlap (Jaccard)
    /// reaches [`STORY_OVERLAP`].
    pub fn similar_story(&self, text: &str, analyzer: &Analyzer) -> Option<usize> {
        let mine: HashSet<String> = analyzer.terms(text).into_iter().collect();
        let mut best: Option<(f32, usize)> = None;
        for (i, theirs) in self.story_terms.iter().enumerate() {
            let j = jaccard(&mine, theirs);
            if j >= STORY_OVERLAP && best.is_none_or(|(b, _)| j > b) {
                best = Some((j, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The earlier story whose centroid is closest (cosine) to `centroid` (a new story's,
    /// `(term hash, weight)` in any order), if that cosine reaches [`CENTROID_MATCH`] (ties:
    /// the earlier story).
    pub fn similar_centroid(&self, centroid: &[(u64, f32)]) -> Option<usize> {
        let mut mine = centroid.to_vec();
        mine.sort_unstable_by_key(|e| e.0);
        let norm = |v: &[(u64, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let mine_norm = norm(&mine);
        if mine_norm == 0.0 {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for (i, st) in self.stories.iter().enumerate() {
            let theirs_norm = norm(&st.centroid);
            if theirs_norm == 0.0 {
                continue;
            }
            let (mut a, mut b, mut dot) = (0, 0, 0f32);
            while a < mine.len() && b < st.centroid.len() {
                match mine[a].0.cmp(&st.centroid[b].0) {
                    std::cmp::Ordering::Less => a += 1,
                    std::cmp::Ordering::Greater => b += 1,
                    std::cmp::Ordering::Equal => {
                        dot += mine[a].1 * st.centroid[b].1;
                        a += 1;
                        b += 1;
                    }
                }
            }
            let cos = dot / (mine_norm * theirs_norm);
            if cos >= CENTROID_MATCH && best.is_none_or(|(c, _)| cos > c) {
                best = Some((cos, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The earlier story a sentence repeats (see the module docs), if any. `terms` are the
    /// sentence's terms.
    pub fn repeats(&self, text: &str, terms: &[&str]) -> Option<usize> {
        crate::pipeline::brief::Exclude::repeats(self, text, terms)
    }
}

impl crate::pipeline::brief::Exclude for Sent {
    fn repeats(&self, text: &str, terms: &[&str]) -> Option<usize> {
        let key = text_key(text);
        if let Some(s) = self.sentences.iter().find(|s| s.key == key) {
            return Some(s.story);
        }
        let mine: HashSet<String> = terms.iter().map(|t| t.to_string()).collect();
        if mine.is_empty() {
            return None;
        }
        self.sentences
            .iter()
            .find(|s| jaccard(&mine, &s.terms) >= REPEAT_OVERLAP)
            .map(|s| s.story)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn repeats_found_by_key_and_by_overlap() {
        let json = r#"{"stories": [
            {"headline": "Bridge shut", "briefing": {
                "sentences": [{"text": "The harbour bridge closed on Tuesday after a storm."}],
                "documents": [{"id": "a"}, {"id": "b"}]}},
            {"headline": null, "briefing": {"sentences": [], "documents": []}}
        ]}"#;
        let sent = Sent::from_json(json, &Analyzers::default()).unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent.stories[0].documents.len(), 2);
        let a = Analyzer::new(Language::English);
        let check = |t: &str| {
            let terms = a.terms(t);
            sent.repeats(t, &terms.iter().map(String::as_str).collect::<Vec<_>>())
        };
        assert_eq!(
            check("the harbour bridge closed on tuesday, after a storm"),
            Some(0)
        );
        assert_eq!(
            check("A storm closed the harbour bridge on Tuesday."),
            Some(0)
        );
        assert_eq!(check("Ferries carried commuters across the bay."), None);
        assert!(
            Sent::from_json("[1, 2]", &Analyzers::default())
                .unwrap_err()
                .contains("not a digest")
        );
    }
}
