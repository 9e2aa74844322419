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

/// How far a long run is, for a progress bar.
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
}
