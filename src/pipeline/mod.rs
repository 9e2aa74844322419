//! Pipeline: the stages wired into one [`Summarizer`].
//!
//! A [`Summarizer`] is built once per run from a validated [`Config`]: it owns the worker pool
//! (the run's only one) and the analyzers of every language, and then reads inputs
//! ([`read`]), briefs clusters ([`brief`]) and, with `--explain`, says why each sentence was or
//! was not chosen ([`explain`]); [`shard`] reads a collection in pieces, on several machines,
//! into the corpus `read` builds. The result types are in [`briefing`]; the digest of many
//! stories (`crate::digest`) is built on the same summarizer.

pub mod brief;
pub mod briefing;
pub(crate) mod explain;
pub mod read;
pub mod shard;

use std::time::Duration;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::text::tokenize::Analyzers;

/// How far a long run is, for a progress bar: the stage under way and, where the stage can
/// count its work, how much of it is done. Stages are reported in the order they run, from
/// the thread that called the library (never from a worker of the pool).
///
/// `briefing digest` reports [`Progress::Reading`], then [`Progress::Grouping`] (each
/// [`GroupStep`] in order), then [`Progress::Briefing`]; `briefing summarize` reports
/// [`Progress::Reading`] and then [`Progress::Ranking`] (each [`RankStep`] in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// Reading, cleaning and splitting: bytes of input done, of a total.
    Reading {
        /// Bytes of input read.
        done: u64,
        /// Bytes of input in all (0 for standard input).
        total: u64,
    },
    /// Grouping the articles into stories (a digest).
    Grouping {
        /// The step under way.
        step: GroupStep,
        /// Articles done in this step, when the step counts them.
        done: usize,
        /// Articles this step counts (0 when it does not count: show the step only).
        total: usize,
    },
    /// Ranking one cluster's sentences (`summarize`).
    Ranking {
        /// The step under way.
        step: RankStep,
        /// Sentences done in this step, when the step counts them.
        done: usize,
        /// Sentences this step counts (0 when it does not count: show the step only).
        total: usize,
    },
    /// Briefing the chosen stories.
    Briefing {
        /// Stories briefed.
        done: usize,
        /// Stories to brief.
        total: usize,
    },
}

/// A step of grouping articles into stories, in the order they run (see `docs/digest.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GroupStep {
    /// Each article's terms (counted: articles).
    Terms,
    /// Near-copies found and each unit's TF-IDF vector made.
    Copies,
    /// Articles merged into stories.
    Clustering,
    /// Each story's headline, centroid and score, and the stories ranked.
    Ranking,
}

impl GroupStep {
    /// What the step does, for a label.
    pub fn label(self) -> &'static str {
        match self {
            GroupStep::Terms => "reading terms",
            GroupStep::Copies => "finding copies",
            GroupStep::Clustering => "merging stories",
            GroupStep::Ranking => "ranking stories",
        }
    }
}

/// A step of ranking one cluster's sentences, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RankStep {
    /// Each sentence's terms (counted: sentences).
    Terms,
    /// TF-IDF vectors and the similarity graph.
    Graph,
    /// Features and scores (LexRank iterations among them).
    Scores,
    /// Near-duplicates grouped, sentences chosen in the budget, the briefing assembled.
    Selecting,
}

impl RankStep {
    /// What the step does, for a label.
    pub fn label(self) -> &'static str {
        match self {
            RankStep::Terms => "reading terms",
            RankStep::Graph => "comparing sentences",
            RankStep::Scores => "scoring sentences",
            RankStep::Selecting => "choosing sentences",
        }
    }
}

/// What the stages running in the pool report their progress to (see
/// [`Summarizer::install_reporting`]).
pub(crate) type Report = dyn Fn(Progress) + Sync;

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

/// Runs the pipeline with one configuration.
pub struct Summarizer {
    pub(crate) config: Config,
    pub(crate) pool: rayon::ThreadPool,
    pub(crate) analyzers: Analyzers,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("config", &self.config)
            .finish()
    }
}

impl Summarizer {
    /// Validates the configuration and starts the worker pool (the run's only one).
    ///
    /// ```
    /// use briefing::{Config, Language, Summarizer};
    ///
    /// let mut config = Config::default().with_language(Language::Arabic).with_threads(2);
    /// config.params.mmr_lambda = 0.5;
    /// assert!(Summarizer::new(config.clone()).is_ok());
    /// config.params.mmr_lambda = 2.0;
    /// assert!(Summarizer::new(config).is_err()); // not within 0..=1
    /// ```
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = config.threads {
            builder = builder.num_threads(n);
        }
        let pool = builder.build().map_err(|e| Error::Threads(e.to_string()))?;
        Ok(Summarizer {
            config,
            pool,
            analyzers: Analyzers::default(),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs `work` in the pool; what it reports reaches `progress` on the calling thread
    /// while it runs (a callback need not be `Send`, and is never called from a worker).
    pub(crate) fn install_reporting<R: Send>(
        &self,
        progress: &mut dyn FnMut(Progress),
        work: impl FnOnce(&Report) -> R + Send,
    ) -> R {
        let (tx, rx) = std::sync::mpsc::channel::<Progress>();
        std::thread::scope(|scope| {
            let worker = scope.spawn(move || {
                let report = move |p: Progress| {
                    // The receiver lives until the work is done; nothing is lost.
                    let _ = tx.send(p);
                };
                self.pool.install(|| work(&report))
            });
            // Ends when the work is done and its sender dropped.
            for p in rx {
                progress(p);
            }
            match worker.join() {
                Ok(r) => r,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }
}
