//! `briefing` reads news articles, in Arabic or English, and writes extractive briefings: one of
//! a cluster of related articles ([`Summarizer::summarize`]), or a digest of the best stories
//! of a large, mixed collection ([`Summarizer::digest_corpus`]). Every sentence shown is a
//! sentence of an article, shown once with every article that reported it.
//!
//! The pipeline, one folder per stage, data flowing one way:
//!
//! 1. [`text`]: paths, folders, standard input, JSON/JSONL -> raw articles -> clean paragraphs
//!    (page furniture, datelines, repeated headlines removed) -> sentences -> terms.
//! 2. `rank`: TF-IDF vectors, a bounded similarity graph, features (centroid, LexRank,
//!    position, signature) and a score per sentence; near-duplicate groups.
//! 3. `select`: whole sentences under a budget (MMR or a summary-level objective), then
//!    reading order.
//! 4. `pipeline`: the [`Summarizer`] that wires the stages: [`Summarizer::read`],
//!    [`Summarizer::summarize_corpus`], with `--explain` the reasons for every decision.
//! 5. [`digest`]: many articles grouped into stories, the best briefed; `--since` leaves out
//!    what an earlier digest sent.
//! 6. [`render`]: text, Markdown, JSON, HTML or email.
//!
//! Beside them, [`eval`] scores briefings with ROUGE-1.5.5 against human references. The run's
//! knobs and their defaults are in [`config`]; the shared types of the stages in [`corpus`].
//! Parallel work runs in one pool of [`Config::threads`] threads per [`Summarizer`], and the
//! output is byte-identical for any thread count and input order.
//!
//! ```
//! use briefing::{Budget, Config, RawDocument, Summarizer};
//!
//! let docs = vec![
//!     RawDocument::new(
//!         "a",
//!         "Storm closes harbour bridge\n\nPORTHAVEN (AP) -- A storm closed the harbour \
//!          bridge on Tuesday. Ferries carried commuters across the bay instead. Share this",
//!     ),
//!     RawDocument::new(
//!         "b",
//!         "A storm closed the harbour bridge on Tuesday, officials said. The mayor promised \
//!          repairs within a week.",
//!     ),
//! ];
//! let summarizer = Summarizer::new(Config::default().with_threads(1))?;
//! let briefing = summarizer.summarize(docs, Budget::Words(20))?;
//! assert_eq!(briefing.title.as_deref(), Some("Storm closes harbour bridge"));
//! assert!(briefing.budget.used <= 20);
//! assert!(briefing.sentences.iter().any(|s| s.support == 2));
//! # Ok::<(), briefing::Error>(())
//! ```

#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

pub mod config;
pub mod corpus;
pub mod digest;
mod error;
pub mod eval;
mod pipeline;
mod rank;
pub mod render;
mod select;
pub mod text;

pub use crate::config::{
    Budget, Config, DigestOptions, Fields, Language, Limits, Method, Params, Weights,
};
pub use crate::corpus::{Corpus, DocId, Document, Meta, Origin, RawDocument, SentId, Sentence};
pub use crate::digest::{Digest, StoryBriefing};
pub use crate::error::{Error, Result, SkipKind, Skipped};
pub use crate::pipeline::briefing::{
    BriefSentence, Briefing, BudgetUse, Candidate, DocumentInfo, SourceRef,
};
pub use crate::pipeline::shard::SourceRead;
pub use crate::pipeline::{GroupStep, Progress, RankStep, Summarizer, Timings};
pub use crate::render::Format;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
