//! `briefing` reads a cluster of related news articles, in Arabic or English, and writes one
//! short extractive briefing of them: the sentences that best cover the story, each shown once
//! with every article that reported it.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`ingest`]: paths, folders, standard input and JSONL -> raw articles (bad files skipped).
//! 2. [`clean`]: page furniture, datelines, repeated headlines, hard wraps -> paragraphs.
//! 3. [`normalize`]: display form (NFKC) for people, folded keys for matching.
//! 4. [`split`]: paragraphs -> sentences (Arabic glued stops, English abbreviations).
//! 5. [`tokenize`]: sentences -> folded, stop-word-free, stemmed terms.
//! 6. [`tfidf`]: terms -> sparse TF-IDF rows, centroid, similarity graph.
//! 7. [`score`]: centroid, LexRank, position and length features -> scores (parallel).
//! 8. [`dedup`]: near-duplicate groups, support across articles.
//! 9. [`select`]: budgeted MMR, then reading order.
//! 10. [`render`]: text, Markdown or JSON.
//!
//! For a large mixed collection, [`Summarizer::digest_paths`] reads in batches (steps 1-4),
//! groups the articles into stories ([`stories`]), and briefs the best-ranked stories each as a
//! cluster (steps 5-10).
//!
//! Shared types live in [`corpus`] (articles and sentences in arenas addressed by integer ids)
//! and [`briefing`] (the result). Parallel work runs in a pool of `Config::threads` threads and
//! the output is byte-identical for any thread count.
//!
//! ```
//! use briefing::{Budget, Config, RawDocument, Summarizer};
//!
//! let docs = vec![
//!     RawDocument {
//!         name: "a".into(),
//!         text: "Storm closes harbour bridge\n\nPORTHAVEN (AP) -- A storm closed the harbour \
//!                bridge on Tuesday. Ferries carried commuters across the bay instead. \
//!                Share this"
//!             .into(),
//!         ..Default::default()
//!     },
//!     RawDocument {
//!         name: "b".into(),
//!         text: "A storm closed the harbour bridge on Tuesday, officials said. The mayor \
//!                promised repairs within a week."
//!             .into(),
//!         ..Default::default()
//!     },
//! ];
//! let config = Config { budget: Budget::Words(20), threads: Some(1), ..Config::default() };
//! let briefing = Summarizer::new(config)?.summarize(docs, Vec::new())?;
//! assert_eq!(briefing.title.as_deref(), Some("Storm closes harbour bridge"));
//! assert!(briefing.budget.used <= 20);
//! assert!(briefing.sentences.iter().any(|s| s.support == 2));
//! # Ok::<(), briefing::Error>(())
//! ```

#![deny(missing_docs)]

pub mod briefing;
pub mod clean;
pub mod config;
pub mod corpus;
pub mod coverage;
pub mod dataset;
pub mod dedup;
pub mod error;
pub mod headline;
pub mod ingest;
pub mod normalize;
pub mod prior;
pub mod render;
pub mod resources;
pub mod rouge;
pub mod score;
pub mod select;
pub mod since;
pub mod split;
pub mod stories;
pub mod synthetic;
pub mod tfidf;
pub mod tokenize;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use crate::briefing::{Briefing, Digest, StoryBriefing};
pub use crate::config::{Budget, Config, Language, Limits, Method, Weights};
pub use crate::corpus::{Corpus, DocId, Document, SentId, Sentence};
pub use crate::error::{Error, Result, Skipped};
pub use crate::ingest::{Ingested, RawDocument};
pub use crate::render::Format;
pub use crate::stories::DigestOptions;

use crate::briefing::{BriefSentence, BudgetUse, Candidate, DocumentInfo, SourceRef, round4};
use crate::select::Decision;
use crate::since::Sent;
use crate::tokenize::Analyzers;

/// A digest cleans and splits articles in batches of this many articles (or
/// [`BATCH_BYTES`] of text), in parallel within a batch.
pub const BATCH_ARTICLES: usize = 2_000;
/// See [`BATCH_ARTICLES`].
pub const BATCH_BYTES: usize = 16 << 20;

/// A story without any title is headed by this many words of its briefing's first sentence.
pub const HEADLINE_WORDS: usize = 12;

/// How far a digest is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading, cleaning and splitting: bytes of input done, of a total.
    Reading {
        /// Bytes of input read.
        done: u64,
        /// Bytes of input in all (0 for standard input).
        total: u64,
    },
    /// Briefing the chosen stories.
    Briefing {
        /// Stories briefed.
        done: usize,
        /// Stories to brief.
        total: usize,
    },
}

/// Wall-clock time per stage of a run (for `--stats`; never part of the output, which must
/// not depend on timing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings(pub Vec<(&'static str, Duration)>);

impl Timings {
    /// Records one stage.
    pub fn add(&mut self, stage: &'static str, took: Duration) {
        self.0.push((stage, took));
    }
}

/// The default of [`Config::min_words`]: sentences with fewer words are not offered.
pub const MIN_WORDS: usize = 5;

/// Runs the pipeline with one configuration.
pub struct Summarizer {
    config: Config,
    pool: rayon::ThreadPool,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("config", &self.config)
            .finish()
    }
}

impl Summarizer {
    /// Validates the configuration and starts the worker pool.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = config.threads {
            builder = builder.num_threads(n);
        }
        let pool = builder.build().map_err(|e| Error::Threads(e.to_string()))?;
        Ok(Summarizer { config, pool })
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Reads the paths (see [`Summarizer::read`]) and summarizes what could be read.
    pub fn summarize_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Result<Briefing> {
        let (corpus, skipped) = self.read(paths, &mut |_| {})?;
        self.summarize_corpus(&corpus, skipped)
    }

    /// Cleans and splits raw articles into a corpus (in parallel). Articles with no sentence
    /// left are added to `skipped`.
    pub fn corpus(&self, docs: Vec<RawDocument>, skipped: &mut Vec<Skipped>) -> Corpus {
        let mut corpus = Corpus::default();
        self.extend_corpus(&mut corpus, docs, skipped);
        corpus
    }

    /// Cleans and splits raw articles (in parallel) and appends them to a corpus, dropping
    /// each raw text once cleaned, so that a large collection can be read in batches with
    /// one copy of its text in memory. Articles with no sentence left are added to `skipped`.
    pub fn extend_corpus(
        &self,
        corpus: &mut Corpus,
        docs: Vec<RawDocument>,
        skipped: &mut Vec<Skipped>,
    ) {
        let forced = self.config.language;
        let limits = self.config.limits;
        let prepared: Vec<_> = self.pool.install(|| {
            docs.into_par_iter()
                .map(|mut raw| {
                    let raw_text = std::mem::take(&mut raw.text);
                    let cleaned = clean::clean(&raw_text, raw.title.as_deref());
                    drop(raw_text);
                    let language = forced.unwrap_or_else(|| {
                        let mut sample = String::new();
                        for p in &cleaned.paragraphs {
                            if sample.len() >= 4 * tokenize::LANGUAGE_SAMPLE {
                                break;
                            }
                            sample.push_str(&p.text);
                            sample.push('\n');
                        }
                        tokenize::detect_language(&sample)
                    });
                    let (text, spans) =
                        split::split_document(&cleaned, language, limits.sentence_chars);
                    (raw, cleaned.title, cleaned.date, text, spans, language)
                })
                .collect()
        });
        for (raw, title, printed_date, text, spans, language) in prepared {
            if spans.iter().all(|(_, heading)| *heading) {
                skipped.push(Skipped {
                    path: raw.path,
                    reason: "no sentences left after removing page furniture".into(),
                });
                continue;
            }
            let doc = DocId(corpus.documents.len() as u32);
            for (index, (span, heading)) in spans.into_iter().enumerate() {
                corpus.sentences.push(Sentence {
                    doc,
                    index: index as u32,
                    span,
                    heading,
                });
            }
            corpus.documents.push(Document {
                name: raw.name,
                path: raw.path,
                title,
                date: raw.date.or(printed_date),
                url: raw.url,
                source: raw.source,
                language,
                text,
            });
        }
    }

    /// Reads, cleans and splits the paths into a corpus, in batches of [`BATCH_ARTICLES`]
    /// articles (or [`BATCH_BYTES`]), each batch's raw text dropped once cleaned, so that one
    /// copy of the text is held. Returns the corpus (names unique, sorted by path) and every
    /// input skipped. `progress` hears the bytes read.
    pub fn read<P: AsRef<Path>>(
        &self,
        paths: &[P],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Corpus, Vec<Skipped>)> {
        let (sources, mut skipped) = ingest::sources(paths)?;
        let sizes: Vec<u64> = sources.iter().map(ingest::Source::len).collect();
        let total: u64 = sizes.iter().sum();
        let limits = self.config.limits;
        let mut corpus = Corpus::default();
        let mut batch: Vec<RawDocument> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut done = 0u64;
        let mut left = limits.run_bytes;
        for (src, size) in sources.iter().zip(&sizes) {
            let read = ingest::read_source(src, &self.config.fields, limits.document_bytes, left)?;
            if !read.documents.is_empty() || src.is_stdin() {
                left = left.saturating_sub(if src.is_stdin() {
                    read.documents.iter().map(|d| d.text.len() as u64).sum()
                } else {
                    *size
                });
            }
            skipped.extend(read.skipped);
            batch_bytes += read.documents.iter().map(|d| d.text.len()).sum::<usize>();
            batch.extend(read.documents);
            done += size;
            if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                self.extend_corpus(&mut corpus, std::mem::take(&mut batch), &mut skipped);
                batch_bytes = 0;
                progress(Progress::Reading { done, total });
            }
        }
        self.extend_corpus(&mut corpus, batch, &mut skipped);
        progress(Progress::Reading { done, total });
        ingest::unique_names(corpus.documents.iter_mut().map(|d| &mut d.name));
        Ok((corpus, skipped))
    }

    /// Reads a large collection in batches (one copy of its text in memory), groups it into
    /// stories ([`stories`]) and briefs the best-ranked `opts.stories` of them with this
    /// configuration (its budget is per story). `progress` hears how far the run is; the
    /// [`Timings`] say where the time went.
    pub fn digest_paths<P: AsRef<Path>>(
        &self,
        paths: &[P],
        opts: &DigestOptions,
        since: Option<&Sent>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Digest, Timings)> {
        let clock = Instant::now();
        let (corpus, skipped) = self.read(paths, progress)?;
        let read = clock.elapsed();
        let (digest, mut timings) = self.digest_corpus(&corpus, skipped, opts, since, progress)?;
        timings.0.insert(0, ("read, clean, split", read));
        Ok((digest, timings))
    }

    /// Groups a corpus (built by [`Summarizer::read`] or [`Summarizer::corpus`]) into stories
    /// and briefs the best-ranked `opts.stories` of them (see [`Summarizer::digest_paths`]).
    /// With `since` (what an earlier digest sent), sentences already sent are not offered, a
    /// story with nothing new is left out (the next one takes its place), and a story that
    /// continues an earlier one is marked as its update. Fails with [`Error::NoDocuments`] when
    /// the corpus is empty.
    pub fn digest_corpus(
        &self,
        corpus: &Corpus,
        skipped: Vec<Skipped>,
        opts: &DigestOptions,
        since: Option<&Sent>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Digest, Timings)> {
        if corpus.documents.is_empty() {
            return Err(Error::NoDocuments { skipped });
        }
        let mut timings = Timings::default();
        let clock = Instant::now();
        let analyzers = Analyzers::default();
        let stories = self
            .pool
            .install(|| stories::group(corpus, &analyzers, opts));
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
            let (briefing, repeated) = self.pool.install(|| self.brief(&sub, Vec::new(), since));
            let update_of = since.and_then(|p| {
                // The earlier story it repeats most, else one it shares an article with.
                let by_sentences = repeated
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(&i, _)| i);
                let by_articles = || {
                    p.stories
                        .iter()
                        .position(|st| sub.documents.iter().any(|d| st.documents.contains(&d.name)))
                };
                let by_terms = || {
                    let mut text = briefing.title.clone().unwrap_or_default();
                    for b in &briefing.sentences {
                        text.push('\n');
                        text.push_str(&b.text);
                    }
                    p.similar_story(&text, analyzers.get(briefing.language))
                };
                let i = by_sentences.or_else(by_articles).or_else(by_terms)?;
                Some(p.stories[i].headline.clone().unwrap_or_default())
            });
            if since.is_some() && briefing.sentences.is_empty() && !repeated.is_empty() {
                // Everything it has to say was sent already.
                continue;
            }
            briefed.push(StoryBriefing {
                rank: briefed.len() + 1,
                headline: briefing.title.clone().or_else(|| {
                    // No title anywhere: the first words of the briefing's first sentence.
                    let first = briefing.sentences.first()?;
                    let words: Vec<&str> = first.text.split_whitespace().collect();
                    Some(if words.len() > HEADLINE_WORDS {
                        format!("{} …", words[..HEADLINE_WORDS].join(" "))
                    } else {
                        first.text.clone()
                    })
                }),
                score: round4(story.score),
                articles: story.documents.len(),
                outlets: story.outlets.clone(),
                newest: story.newest.clone(),
                update_of,
                briefing,
            });
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
            skipped,
        };
        Ok((digest, timings))
    }

    /// Summarizes raw articles. `skipped` lists inputs already left out (they are reported
    /// in the result). Fails with [`Error::NoDocuments`] when no article has a sentence.
    pub fn summarize(&self, docs: Vec<RawDocument>, mut skipped: Vec<Skipped>) -> Result<Briefing> {
        let corpus = self.corpus(docs, &mut skipped);
        self.summarize_corpus(&corpus, skipped)
    }

    /// Summarizes a corpus already built by [`Summarizer::corpus`] (so that callers that also
    /// need the corpus, such as the evaluation baselines, clean and split only once).
    pub fn summarize_corpus(&self, corpus: &Corpus, skipped: Vec<Skipped>) -> Result<Briefing> {
        if corpus.documents.is_empty() {
            return Err(Error::NoDocuments { skipped });
        }
        Ok(self.pool.install(|| self.brief(corpus, skipped, None).0))
    }

    /// The briefing of a corpus; with `sent`, sentences an earlier digest sent are not offered,
    /// and the second value counts them per earlier story.
    fn brief(
        &self,
        corpus: &Corpus,
        skipped: Vec<Skipped>,
        sent: Option<&Sent>,
    ) -> (Briefing, BTreeMap<usize, usize>) {
        let mut repeated: BTreeMap<usize, usize> = BTreeMap::new();
        let cfg = &self.config;
        let analyzers = Analyzers::default();
        let terms: Vec<Vec<String>> = corpus
            .sentences
            .par_iter()
            .map(|s| {
                let doc = &corpus.documents[s.doc.index()];
                analyzers.get(doc.language).terms(&doc.text[s.span.clone()])
            })
            .collect();
        let vectors = tfidf::vectorize(&terms);
        let floor = cfg.method.similarity_floor(cfg.duplicate_threshold);
        let graph = tfidf::similarity_graph(&vectors.rows, floor, cfg.duplicate_threshold);
        let features = score::features(corpus, &vectors, &graph, cfg.duplicate_threshold);
        let weights = prior::cluster_weights(cfg, corpus, &graph, &features);
        let scores = score::score(&features, cfg.method, weights, corpus.documents.len());

        let displays: Vec<String> = (0..corpus.sentences.len())
            .into_par_iter()
            .map(|i| corpus.display(SentId(i as u32)))
            .collect();
        let costs: Vec<usize> = displays.iter().map(|t| cfg.budget.cost(t)).collect();
        let mut excluded: BTreeMap<usize, String> = BTreeMap::new();
        let mut candidates = Vec::new();
        for (i, s) in corpus.sentences.iter().enumerate() {
            let words = displays[i].split_whitespace().count();
            if s.heading {
                excluded.insert(i, "not offered: a heading inside the article".into());
            } else if words < cfg.min_words {
                excluded.insert(
                    i,
                    format!("not offered: fewer than {} words", cfg.min_words),
                );
            } else if let Some(story) = sent.and_then(|p| p.repeats(&displays[i], &terms[i])) {
                excluded.insert(i, "not offered: already sent in the earlier digest".into());
                *repeated.entry(story).or_default() += 1;
            } else {
                candidates.push(SentId(i as u32));
            }
        }
        let groups = dedup::group(
            corpus,
            &candidates,
            &scores,
            &graph,
            cfg.duplicate_threshold,
        );
        let inputs = coverage::Inputs {
            corpus,
            terms: &vectors.sentence_terms,
            rows: &vectors.rows,
            graph: &graph,
            scores: &scores,
            costs: &costs,
        };
        let objective = match cfg.method {
            Method::Concepts => Some(coverage::Objective::Concepts {
                mu: cfg.concept_mu,
                r: cfg.cost_exponent,
            }),
            Method::Submodular => Some(coverage::Objective::Submodular {
                alpha: cfg.saturation,
                lambda: cfg.diversity,
                r: cfg.cost_exponent,
                prior: cfg.relevance_prior,
            }),
            Method::Kl => Some(coverage::Objective::Kl),
            _ => None,
        };
        let selection = match objective {
            Some(o) => coverage::select(o, &inputs, &groups, cfg.budget),
            None => select::select(
                &groups,
                &vectors.rows,
                &costs,
                cfg.budget,
                prior::mmr_lambda(corpus, cfg.mmr_lambda),
                cfg.duplicate_threshold,
            ),
        };

        let mut chosen: Vec<SentId> = selection
            .chosen
            .iter()
            .map(|&g| groups[g].representative)
            .collect();
        let best = chosen.first().copied();
        select::reading_order(corpus, &mut chosen);
        let group_of: BTreeMap<SentId, usize> = selection
            .chosen
            .iter()
            .map(|&g| (groups[g].representative, g))
            .collect();
        let source = |s: SentId| {
            let sent = &corpus.sentences[s.index()];
            SourceRef {
                document: corpus.documents[sent.doc.index()].name.clone(),
                sentence: sent.index,
            }
        };
        let sentences = chosen
            .iter()
            .map(|&s| {
                let g = &groups[group_of[&s]];
                BriefSentence {
                    text: displays[s.index()].clone(),
                    score: round4(g.score),
                    sources: g.members.iter().map(|&m| source(m)).collect(),
                    support: g.support,
                }
            })
            .collect();

        let counts = corpus.sentence_counts();
        let documents = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentInfo {
                id: d.name.clone(),
                path: d.path.clone(),
                title: d.title.clone(),
                language: d.language,
                sentences: counts[i],
                date: d.date.clone(),
                url: d.url.clone(),
                source: d.source.clone(),
            })
            .collect();

        let title = best
            .and_then(|s| corpus.doc_of(s).title.clone())
            .or_else(|| corpus.documents.iter().find_map(|d| d.title.clone()));

        let candidates = cfg.explain.then(|| {
            let mut status: Vec<(String, usize)> = vec![(String::new(), 0); corpus.sentences.len()];
            for (i, why) in &excluded {
                status[*i] = (why.clone(), 0);
            }
            for (gi, g) in groups.iter().enumerate() {
                let rep = g.representative;
                let why = match selection.decisions[gi] {
                    Decision::Chosen(n) => format!("chosen (pick {n})"),
                    Decision::TooLong => "not chosen: longer than the whole budget".into(),
                    Decision::NoRoom => "not chosen: did not fit in the budget left".into(),
                    Decision::Redundant => "not chosen: repeats a chosen sentence".into(),
                    Decision::Outranked => {
                        "not chosen: the method preferred the chosen sentences".into()
                    }
                };
                status[rep.index()] = (why, g.support);
                let shown = source(rep);
                for &m in &g.members[1..] {
                    status[m.index()] = (
                        format!("near-duplicate of {}#{}", shown.document, shown.sentence),
                        g.support,
                    );
                }
            }
            let mut list: Vec<(f32, usize, Candidate)> = status
                .into_iter()
                .enumerate()
                .map(|(i, (decision, support))| {
                    let f = &features[i];
                    let c = Candidate {
                        source: source(SentId(i as u32)),
                        text: displays[i].clone(),
                        centroid: round4(f.centroid),
                        lexrank: round4(f.lexrank),
                        position: round4(f.position),
                        length: round4(f.length),
                        signature: round4(f.signature),
                        score: round4(scores[i]),
                        support,
                        decision,
                    };
                    (scores[i], i, c)
                })
                .collect();
            list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            list.into_iter().map(|(_, _, c)| c).collect()
        });

        let briefing = Briefing {
            title,
            language: majority_language(corpus),
            method: cfg.method,
            budget: BudgetUse {
                unit: cfg.budget.unit(),
                limit: cfg.budget.limit(),
                used: selection.used,
            },
            sentences,
            documents,
            skipped,
            candidates,
        };
        (briefing, repeated)
    }
}

/// The most common language among the articles (ties: Arabic, English, other).
fn majority_language(corpus: &Corpus) -> Language {
    let mut counts: BTreeMap<Language, usize> = BTreeMap::new();
    for d in &corpus.documents {
        *counts.entry(d.language).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(Language::Other, |(l, _)| l)
}
