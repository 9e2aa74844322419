//! Digest: a large, mixed collection -> its best stories, each briefed.
//!
//! [`Summarizer::digest_paths`] reads in batches (`crate::pipeline::read`), `stories` groups
//! the articles into stories without comparing all pairs, and the best-ranked stories are each
//! briefed as a cluster. With an earlier digest ([`since`]), what it sent is not offered again,
//! a story with nothing new is dropped, and a story that continues an earlier one is marked as
//! its update.

pub mod shard;
pub mod since;
mod stories;
mod wire;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::config::DigestOptions;
use crate::corpus::Corpus;
use crate::error::{Error, Result, Skipped};
use crate::pipeline::briefing::{Briefing, round4};
use crate::pipeline::{Progress, Summarizer, Timings};
use since::Sent;
use stories::Story;

/// A story without any title is headed by this many words of its briefing's first sentence.
pub const HEADLINE_WORDS: usize = 12;

/// The result of `briefing digest`: the best-ranked stories of a collection, each briefed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// Articles read (with at least one sentence).
    pub articles: usize,
    /// Stories found among them, including those not briefed.
    pub story_count: usize,
    /// The briefed stories, best first.
    pub stories: Vec<StoryBriefing>,
    /// Every input left out, with the reason.
    pub skipped: Vec<Skipped>,
}

/// One story of a digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryBriefing {
    /// Its rank, from 1.
    pub rank: usize,
    /// Its headline: the title of its most central article, else the briefing's title, else
    /// the first words of its first sentence.
    pub headline: Option<String>,
    /// Its ranking score (outlets, articles, recency; see `stories`).
    pub score: f64,
    /// How many articles it has.
    pub articles: usize,
    /// The distinct outlets that reported it, sorted.
    pub outlets: Vec<String>,
    /// The date of its newest article (`YYYY-MM-DD`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newest: Option<String>,
    /// With `--since`: the headline of the earlier story this one continues (its sentences
    /// already sent are left out). Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_of: Option<String>,
    /// Its centroid, for the next digest's `--since`: its heaviest terms (by weight, each a
    /// 16-digit hex XXH3-64 hash of the analysed term) with their weights (unit length).
    pub centroid: Vec<(String, f64)>,
    /// Its briefing, in the `summarize` schema (`documents` lists its articles).
    pub briefing: Briefing,
}

impl Summarizer {
    /// Reads a large collection in batches (one copy of its text in memory), groups it into
    /// stories (`digest::stories`) and briefs the best-ranked `opts.stories` of them in
    /// `opts.budget` each. `progress` hears how far the run is; the [`Timings`] say where the
    /// time went.
    pub fn digest_paths<P: AsRef<Path>>(
        &self,
        paths: &[P],
        opts: &DigestOptions,
        since: Option<&Sent>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Digest, Timings)> {
        let clock = Instant::now();
        let corpus = self.read(paths, progress)?;
        let read = clock.elapsed();
        let (digest, mut timings) = self.digest_corpus(&corpus, opts, since, progress)?;
        timings.0.insert(0, ("read, clean, split", read));
        Ok((digest, timings))
    }

    /// Groups a corpus (built by [`Summarizer::read`] or [`Summarizer::corpus`]) into stories
    /// and briefs the best-ranked `opts.stories` of them (see [`Summarizer::digest_paths`]).
    /// With `since` (what an earlier digest sent), sentences already sent are not offered, a
    /// story with nothing new is left out (the next one takes its place), and a story that
    /// continues an earlier one is marked as its update. Fails with [`Error::NoDocuments`] when
    /// the corpus is empty.
    ///
    /// ```
    /// use briefing::{Config, DigestOptions, RawDocument, Summarizer};
    ///
    /// let storm = "A storm closed the harbour bridge on Tuesday. Ferries carried commuters \
    ///              across the bay while engineers inspected the damage.";
    /// let vote = "The city council voted on Monday to raise the tax on hotel rooms. The \
    ///             money will pay for new parks along the river, the mayor said.";
    /// let docs = vec![
    ///     RawDocument::new("a", storm),
    ///     RawDocument::new("b", storm.replace("Tuesday", "Tuesday morning")),
    ///     RawDocument::new("c", vote),
    /// ];
    /// let summarizer = Summarizer::new(Config::default().with_threads(1))?;
    /// let corpus = summarizer.corpus(docs);
    /// let (digest, _timings) =
    ///     summarizer.digest_corpus(&corpus, &DigestOptions::default(), None, &mut |_| {})?;
    /// assert_eq!(digest.articles, 3);
    /// assert_eq!(digest.stories[0].articles, 2); // the two storm reports are one story
    /// # Ok::<(), briefing::Error>(())
    /// ```
    pub fn digest_corpus(
        &self,
        corpus: &Corpus,
        opts: &DigestOptions,
        since: Option<&Sent>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Digest, Timings)> {
        opts.validate()?;
        if corpus.documents.is_empty() {
            return Err(Error::NoDocuments {
                skipped: corpus.skipped.clone(),
            });
        }
        let mut timings = Timings::default();
        let clock = Instant::now();
        let stories = self.install_reporting(progress, |report| {
            stories::group(corpus, &self.analyzers, opts, report)
        });
        timings.add("group stories", clock.elapsed());

        let clock = Instant::now();
        let total = opts.stories.min(stories.len());
        let mut briefed = Vec::with_capacity(total);
        for story in &stories {
            if briefed.len() == total {
                break;
            }
            progress(Progress::Briefing {
                done: briefed.len(),
                total,
            });
            let sub = corpus.subset(&story.documents);
            if let Some(b) = self.brief_story(&sub, story, opts, since, briefed.len() + 1) {
                briefed.push(b);
            }
        }
        progress(Progress::Briefing {
            done: briefed.len(),
            total,
        });
        timings.add("brief stories", clock.elapsed());
        let digest = Digest {
            articles: corpus.documents.len(),
            story_count: stories.len(),
            stories: briefed,
            skipped: corpus.skipped.clone(),
        };
        Ok((digest, timings))
    }

    /// Reads an earlier digest (see [`Sent::read`]), analysed with this summarizer's analyzers,
    /// within the configured [`crate::Limits::since_bytes`].
    pub fn read_since(&self, path: &Path) -> Result<Sent> {
        Sent::read(path, self.config.limits.since_bytes, &self.analyzers)
    }

    /// One story's briefing at `rank` from its articles (`sub`, in id order), or `None` when
    /// everything it has to say was sent already (`since`).
    fn brief_story(
        &self,
        sub: &Corpus,
        story: &Story,
        opts: &DigestOptions,
        since: Option<&Sent>,
        rank: usize,
    ) -> Option<StoryBriefing> {
        let exclude = since.map(|s| s as &dyn crate::pipeline::brief::Exclude);
        let budget = opts.budget.for_story(story.documents.len());
        let (briefing, repeated) = self
            .pool
            .install(|| self.brief(sub, budget, exclude, &|_| {}));
        if since.is_some() && briefing.sentences.is_empty() && !repeated.is_empty() {
            return None;
        }
        let update_of =
            since.and_then(|p| self.update_of(p, sub, &briefing, &repeated, &story.centroid));
        Some(StoryBriefing {
            rank,
            headline: story
                .headline
                .clone()
                .or_else(|| briefing.title.clone())
                .or_else(|| untitled_headline(&briefing)),
            score: round4(story.score),
            articles: story.documents.len(),
            outlets: story.outlets.clone(),
            newest: story.newest.clone(),
            update_of,
            centroid: story
                .centroid
                .iter()
                .map(|&(h, w)| (format!("{h:016x}"), round4(w)))
                .collect(),
            briefing,
        })
    }

    /// The headline of the earlier story a new one continues: the one whose sentences it
    /// repeats most, else one it shares an article with, else the one whose centroid is
    /// closest ([`Sent::similar_centroid`]), else one whose terms it shares.
    fn update_of(
        &self,
        sent: &Sent,
        sub: &Corpus,
        briefing: &Briefing,
        repeated: &BTreeMap<usize, usize>,
        centroid: &[(u64, f32)],
    ) -> Option<String> {
        let by_sentences = repeated
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&i, _)| i);
        let by_articles = || {
            sent.stories.iter().position(|st| {
                sub.documents
                    .iter()
                    .any(|d| st.documents.contains(&d.meta.id))
            })
        };
        let by_terms = || {
            let mut text = briefing.title.clone().unwrap_or_default();
            for b in &briefing.sentences {
                text.push('\n');
                text.push_str(&b.text);
            }
            sent.similar_story(&text, self.analyzers.get(briefing.language))
        };
        let by_centroid = || sent.similar_centroid(centroid);
        let i = by_sentences
            .or_else(by_articles)
            .or_else(by_centroid)
            .or_else(by_terms)?;
        Some(sent.stories[i].headline.clone().unwrap_or_default())
    }
}

/// The headline of a story without any title: the first words of its briefing's first
/// sentence.
fn untitled_headline(briefing: &Briefing) -> Option<String> {
    let first = briefing.sentences.first()?;
    let words: Vec<&str> = first.text.split_whitespace().collect();
    Some(if words.len() > HEADLINE_WORDS {
        format!("{} …", words[..HEADLINE_WORDS].join(" "))
    } else {
        first.text.clone()
    })
}

#[cfg(test)]
mod tests;
