//! Configuration: every knob of a run, with its default, in one place; plain data, no
//! command-line types.
//!
//! Contract: each default is a `pub const` here, used by [`Default`] and by the command line
//! (`default_value_t = config::MMR_LAMBDA`), so it is written once. [`Config::validate`]
//! rejects values no run can honour, naming the setting and the value; every stage may assume
//! a validated config. [`Config`], [`Params`] and [`Limits`] are `#[non_exhaustive]`: build
//! them from `default()` and set fields, or with the `with_*` methods, so that new knobs never
//! break callers.

mod budget;
mod fields;
mod names;

use serde::Serialize;

pub use budget::Budget;
pub use fields::Fields;
pub(crate) use names::named;
pub use names::{Language, Method, Named, Weights};

use crate::error::{Error, Result};

/// Budget of `summarize`: words.
pub const WORDS: usize = 100;
/// Budget of each story of `digest`: words.
pub const STORY_WORDS: usize = 60;
/// A story's budget grows with its articles, `budget x min(1 + log10(articles), this)`: one
/// article gets the budget, four 1.6 times it, ten or more twice ([`Budget::for_story`]).
/// Twice, not more: ten stories of SaudiNewsNet then fit one email that Gmail does not clip.
pub const STORY_SCALE_MAX: f64 = 2.0;
/// Stories a digest briefs.
pub const STORIES: usize = 10;
/// Mean (centered) cosine between the articles of two stories at or above which they merge.
pub const LINK: f32 = 0.07;
/// Time scale of the story decay in days (0: no decay).
pub const WINDOW_DAYS: u32 = 0;
/// MMR trade-off between relevance (1.0) and novelty (0.0).
pub const MMR_LAMBDA: f32 = 0.7;
/// Sentences with fewer words are not offered.
pub const MIN_WORDS: usize = 5;
/// `combined`: how far the position weight grows in a cluster that follows a topic rather than
/// one event (chosen by leave-one-set-out cross-validation over the dev sets; docs/quality.md).
pub const POSITION_GAIN: f32 = 16.0;
/// Cosine at or above which two sentences are near-duplicates: at 0.7, two wire versions of one
/// sentence with a changed clause still meet, while two sentences that merely share the story's
/// names do not.
pub const DUPLICATE_THRESHOLD: f32 = 0.7;
/// `concepts`: weight of sentence relevance against concept gain.
pub const CONCEPT_MU: f32 = 0.5;
/// `concepts`, `submodular`: exponent of the sentence cost in the greedy ratio.
pub const COST_EXPONENT: f32 = 0.3;
/// `submodular`: saturation fraction alpha of the coverage term.
pub const SATURATION: f32 = 0.05;
/// `submodular`: weight lambda of the diversity reward.
pub const DIVERSITY: f32 = 6.0;
/// `submodular`: weight of the modular relevance term.
pub const RELEVANCE_PRIOR: f32 = 10.0;
/// Feature weights of `combined` (chosen on DUC 2003 with two-fold cross-validation, and EASC).
pub const WEIGHTS: Weights = Weights {
    centroid: 0.2,
    lexrank: 0.3,
    position: 0.25,
    signature: 0.5,
};
/// A document longer than this many bytes keeps only its first bytes.
pub const DOCUMENT_BYTES: usize = 8 << 20;
/// Inputs are read until this many bytes.
pub const RUN_BYTES: u64 = 4 << 30;
/// Text without sentence punctuation is cut into "sentences" of at most this many characters.
pub const SENTENCE_CHARS: usize = 1_000;
/// An earlier digest (`--since`) larger than this many bytes is refused: a digest of a few
/// hundred stories is a few megabytes.
pub const SINCE_BYTES: u64 = 64 << 20;

/// The parameters of the methods (each used only by the methods named).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Params {
    /// Feature weights of `combined` (and of the relevance prior of the coverage methods).
    pub weights: Weights,
    /// Sentences with fewer words are not offered to the briefing.
    pub min_words: usize,
    /// `combined`: the position weight is `weights.position * (1 + position_gain *
    /// topicness)`, topicness read from the cluster (`rank::prior`); 0 keeps it fixed.
    pub position_gain: f32,
    /// Cosine similarity at or above which two sentences are near-duplicates.
    pub duplicate_threshold: f32,
    /// MMR (`combined`, `centroid`, `lexrank`, `position`): relevance (1.0) against novelty.
    pub mmr_lambda: f32,
    /// `concepts`: weight of sentence relevance against concept gain.
    pub concept_mu: f32,
    /// `concepts`, `submodular`: exponent of the sentence cost in the greedy ratio.
    pub cost_exponent: f32,
    /// `submodular`: saturation fraction alpha of the coverage term.
    pub saturation: f32,
    /// `submodular`: weight lambda of the diversity reward.
    pub diversity: f32,
    /// `submodular`: weight of the modular relevance term.
    pub relevance_prior: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            weights: WEIGHTS,
            min_words: MIN_WORDS,
            position_gain: POSITION_GAIN,
            duplicate_threshold: DUPLICATE_THRESHOLD,
            mmr_lambda: MMR_LAMBDA,
            concept_mu: CONCEPT_MU,
            cost_exponent: COST_EXPONENT,
            saturation: SATURATION,
            diversity: DIVERSITY,
            relevance_prior: RELEVANCE_PRIOR,
        }
    }
}

/// Limits that keep memory and time bounded on any input. Over a limit, an input is cut or
/// skipped with an entry in `skipped`; never a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Limits {
    /// A document (a plain-text file, or one JSON/JSONL record) longer than this keeps only its
    /// first bytes, cut at a line break or space.
    pub document_bytes: usize,
    /// Inputs are read in order until this many bytes; the files after are skipped (standard
    /// input is cut).
    pub run_bytes: u64,
    /// A "sentence" longer than this many characters (text without sentence punctuation) is
    /// cut at spaces into pieces no longer.
    pub sentence_chars: usize,
    /// An earlier digest read to leave out what it sent may be at most this many bytes.
    pub since_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            document_bytes: DOCUMENT_BYTES,
            run_bytes: RUN_BYTES,
            sentence_chars: SENTENCE_CHARS,
            since_bytes: SINCE_BYTES,
        }
    }
}

/// How a digest forms stories and how many it briefs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DigestOptions {
    /// Stories briefed (the best ranked).
    pub stories: usize,
    /// The size of each story's briefing.
    pub budget: Budget,
    /// Mean cosine between the articles of two stories (after the time decay) at or above
    /// which they are merged into one.
    pub link: f32,
    /// Time scale of the decay, in days: two stories whose articles are `gap` days apart
    /// (0 when their spans overlap) are compared at `cosine / (1 + ln(1 + gap / window))`,
    /// so a story may run for weeks or months, but the further apart two reports are, the
    /// more they must share. 0 turns the decay off.
    pub window_days: u32,
}

impl Default for DigestOptions {
    fn default() -> Self {
        DigestOptions {
            stories: STORIES,
            budget: Budget::Words(STORY_WORDS),
            link: LINK,
            window_days: WINDOW_DAYS,
        }
    }
}

impl DigestOptions {
    /// Checks that the options can be honoured.
    pub fn validate(&self) -> Result<()> {
        self.budget.validate()?;
        if !(self.link.is_finite() && self.link > 0.0 && self.link <= 1.0) {
            return Err(Error::Config(format!(
                "the story link cosine must be within (0, 1], got {}",
                self.link
            )));
        }
        Ok(())
    }
}

/// Everything a run needs to know. Built by the binary from its arguments, or by hand from
/// [`Config::default`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Config {
    /// The scoring and selection method.
    pub method: Method,
    /// The methods' parameters.
    pub params: Params,
    /// Force one language for every document (`None`: detect per document).
    pub language: Option<Language>,
    /// Worker threads (`None`: all cores). Output is identical for any value.
    pub threads: Option<usize>,
    /// Keep the per-candidate scores and decisions in the result.
    pub explain: bool,
    /// Limits on what is read.
    pub limits: Limits,
    /// Which JSON/JSONL fields hold the article's parts.
    pub fields: Fields,
}

impl Config {
    /// This configuration with another method.
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// This configuration with every document in one language.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// This configuration with `n` worker threads.
    pub fn with_threads(mut self, n: usize) -> Self {
        self.threads = Some(n);
        self
    }

    /// This configuration keeping every sentence's scores and decision in the result.
    pub fn with_explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// Checks that the configuration can be honoured.
    pub fn validate(&self) -> Result<()> {
        let bad = |what: String| Err(Error::Config(what));
        if self.threads == Some(0) {
            return bad("the number of threads must be at least 1, got 0".into());
        }
        let l = self.limits;
        if l.document_bytes < 64 || l.run_bytes < 64 || l.sentence_chars < 16 {
            return bad(
                "limits must allow at least 64 bytes per document and run, and 16 characters \
                 per sentence"
                    .into(),
            );
        }
        let p = &self.params;
        if !(0.0..=1.0).contains(&p.mmr_lambda) {
            return bad(format!(
                "the MMR lambda must be within 0..=1, got {}",
                p.mmr_lambda
            ));
        }
        let non_negative = |x: f32| x.is_finite() && x >= 0.0;
        if ![
            p.concept_mu,
            p.cost_exponent,
            p.saturation,
            p.diversity,
            p.relevance_prior,
            p.position_gain,
        ]
        .into_iter()
        .all(non_negative)
        {
            return bad("the selection parameters must be non-negative numbers".into());
        }
        let w = p.weights;
        if ![w.centroid, w.lexrank, w.position, w.signature]
            .into_iter()
            .all(non_negative)
            || w.centroid + w.lexrank + w.position + w.signature <= 0.0
        {
            return bad(format!(
                "the weights must be non-negative and not all zero, got {w}"
            ));
        }
        if !(p.duplicate_threshold > 0.0 && p.duplicate_threshold <= 1.0) {
            return bad(format!(
                "the duplicate threshold must be within (0, 1], got {}",
                p.duplicate_threshold
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_costs() {
        assert_eq!(Budget::Words(10).cost("one two  three"), 3);
        assert_eq!(Budget::Chars(10).cost("عربي"), 5);
        assert_eq!(Budget::Sentences(10).cost("anything at all"), 1);
    }

    #[test]
    fn zero_budget_and_threads_are_rejected() {
        assert!(matches!(
            Budget::Sentences(0).validate(),
            Err(Error::Config(_))
        ));
        assert!(Config::default().validate().is_ok());
        let e = Config::default().with_threads(0).validate().unwrap_err();
        assert!(e.to_string().contains("threads"), "{e}");
    }

    #[test]
    fn names_parse_and_print() {
        for &m in Method::ALL {
            assert_eq!(m.name().parse::<Method>().unwrap(), m);
            assert_eq!(m.to_string(), m.name());
        }
        assert!("nope".parse::<Method>().is_err());
        assert_eq!("AR".parse::<Language>().unwrap(), Language::Arabic);
        let w: Weights = "0.2,0.3,0.25,0.5".parse().unwrap();
        assert_eq!(w, WEIGHTS);
        assert_eq!(w.to_string().parse::<Weights>().unwrap(), w);
        assert_eq!("1,2,3".parse::<Weights>().unwrap().signature, 0.0);
        assert!("1,2".parse::<Weights>().is_err());
    }
}
