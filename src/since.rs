//! Since: what an earlier digest already sent, so that the next one briefs only what is new.
//!
//! Contract: [`Sent::from_json`] reads a digest written by `briefing digest --format json` (only
//! `stories[].headline`, `stories[].briefing.sentences[].text` and
//! `stories[].briefing.documents[].id` are used; other fields may be missing). [`Sent::repeats`]
//! says whether a sentence was already sent, and in which earlier story: its text key is
//! identical (`dedup::text_key`), or the Jaccard overlap of its terms with a sent sentence's is
//! at least [`REPEAT_OVERLAP`] (a reworded repeat of the same fact). A story whose sentences
//! were all sent is left out of the new digest; one that repeats some, shares an article with an
//! earlier story, or whose headline and sentences share at least [`STORY_OVERLAP`] of their
//! terms with an earlier story's ([`Sent::similar_story`]), is marked as an update of it.

use std::collections::HashSet;

use serde::Deserialize;

use crate::dedup::text_key;
use crate::tokenize::Analyzer;

/// Term overlap (Jaccard) at or above which a sentence repeats a sent one.
pub const REPEAT_OVERLAP: f32 = 0.6;
/// Term overlap (Jaccard) of two stories' headlines and sentences at or above which a new story
/// continues an earlier one.
pub const STORY_OVERLAP: f32 = 0.2;

#[derive(Deserialize)]
struct PrevDigest {
    stories: Vec<PrevStory>,
}

#[derive(Deserialize)]
struct PrevStory {
    headline: Option<String>,
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
}

/// Everything an earlier digest sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sent {
    /// The earlier stories, in their order.
    pub stories: Vec<SentStory>,
    /// The sentences sent: (text key, text, story index).
    sentences: Vec<(String, String, usize)>,
}

impl Sent {
    /// Reads an earlier digest's JSON, or says why it is not one.
    pub fn from_json(text: &str) -> Result<Sent, String> {
        let prev: PrevDigest = serde_json::from_str(text)
            .map_err(|e| format!("not a digest written by `briefing digest --format json`: {e}"))?;
        let mut sent = Sent::default();
        for (i, story) in prev.stories.into_iter().enumerate() {
            for s in story.briefing.sentences {
                sent.sentences.push((text_key(&s.text), s.text, i));
            }
            sent.stories.push(SentStory {
                headline: story.headline,
                documents: story.briefing.documents.into_iter().map(|d| d.id).collect(),
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
    /// story's headline and sentences), if that overlap (Jaccard) reaches [`STORY_OVERLAP`].
    pub fn similar_story(&self, text: &str, analyzer: &Analyzer) -> Option<usize> {
        let mine: HashSet<String> = analyzer.terms(text).into_iter().collect();
        if mine.is_empty() {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for (i, story) in self.stories.iter().enumerate() {
            let mut theirs: HashSet<String> = story
                .headline
                .as_deref()
                .map(|h| analyzer.terms(h).into_iter().collect())
                .unwrap_or_default();
            for (_, t, _) in self.sentences.iter().filter(|(_, _, st)| *st == i) {
                theirs.extend(analyzer.terms(t));
            }
            let shared = mine.intersection(&theirs).count();
            let union = mine.union(&theirs).count();
            let j = if union == 0 {
                0.0
            } else {
                shared as f32 / union as f32
            };
            if j >= STORY_OVERLAP && best.is_none_or(|(b, _)| j > b) {
                best = Some((j, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The earlier story a sentence repeats (see the module docs), if any. `terms` are the
    /// sentence's terms by `analyzer`, which also analyses the sent sentences.
    pub fn repeats(&self, text: &str, terms: &[String], analyzer: &Analyzer) -> Option<usize> {
        let key = text_key(text);
        if let Some(&(_, _, story)) = self.sentences.iter().find(|(k, _, _)| *k == key) {
            return Some(story);
        }
        let mine: HashSet<&str> = terms.iter().map(String::as_str).collect();
        if mine.is_empty() {
            return None;
        }
        self.sentences.iter().find_map(|(_, sent_text, story)| {
            let theirs = analyzer.terms(sent_text);
            let theirs: HashSet<&str> = theirs.iter().map(String::as_str).collect();
            let shared = mine.intersection(&theirs).count();
            let union = mine.union(&theirs).count();
            (union > 0 && shared as f32 / union as f32 >= REPEAT_OVERLAP).then_some(*story)
        })
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
        let sent = Sent::from_json(json).unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent.stories[0].documents.len(), 2);
        let a = Analyzer::new(Language::English);
        let check = |t: &str| sent.repeats(t, &a.terms(t), &a);
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
            Sent::from_json("[1, 2]")
                .unwrap_err()
                .contains("not a digest")
        );
    }
}
