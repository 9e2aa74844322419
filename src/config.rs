//! Run configuration: plain data, no command-line types.
//!
//! Contract: [`Config::validate`] rejects values no run can honour; every other stage may
//! assume a validated config. Defaults are the documented defaults of the command line.

use serde::Serialize;

use crate::error::{Error, Result};

/// How much text the briefing may hold. Sentences are never cut: the briefing holds whole
/// sentences whose total stays within the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", content = "limit", rename_all = "lowercase")]
pub enum Budget {
    /// Whitespace-separated words.
    Words(usize),
    /// Unicode scalar values, counting one space between sentences.
    Chars(usize),
    /// Whole sentences.
    Sentences(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Words(100)
    }
}

impl Budget {
    /// The cost of one sentence in this budget's unit.
    pub fn cost(&self, text: &str) -> usize {
        match self {
            Budget::Words(_) => text.split_whitespace().count(),
            Budget::Chars(_) => text.chars().count() + 1,
            Budget::Sentences(_) => 1,
        }
    }

    /// The limit in this budget's unit (for characters, one separator per sentence is
    /// included in [`Budget::cost`], so the limit gets one extra).
    pub fn capacity(&self) -> usize {
        match *self {
            Budget::Words(n) | Budget::Sentences(n) => n,
            Budget::Chars(n) => n + 1,
        }
    }

    /// What a total of [`Budget::cost`]s comes to in the budget's unit as reported to people
    /// (for characters, the separator counted after the last sentence is taken back).
    pub fn reported(&self, total_cost: usize) -> usize {
        match self {
            Budget::Chars(_) => total_cost.saturating_sub(1),
            _ => total_cost,
        }
    }

    /// The number given by the user.
    pub fn limit(&self) -> usize {
        match *self {
            Budget::Words(n) | Budget::Chars(n) | Budget::Sentences(n) => n,
        }
    }

    /// The unit's name as used in output (`words`, `chars`, `sentences`).
    pub fn unit(&self) -> &'static str {
        match self {
            Budget::Words(_) => "words",
            Budget::Chars(_) => "chars",
            Budget::Sentences(_) => "sentences",
        }
    }
}

/// A language the pipeline knows how to tokenize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Language {
    /// Arabic: folded keys, Snowball Arabic stemmer, Arabic stop words.
    #[serde(rename = "ar")]
    Arabic,
    /// English: case folding, Snowball English stemmer, English stop words.
    #[serde(rename = "en")]
    English,
    /// Anything else: folded keys only, no stemming, Arabic and English stop words.
    #[serde(rename = "other")]
    Other,
}

impl Language {
    /// ISO 639-1 code (`other` for [`Language::Other`]).
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::Other => "other",
        }
    }

    /// True for right-to-left scripts.
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }
}

/// Which scoring method ranks the sentences. See `score` for the definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Position, centroid, LexRank and signature combined, weighted by length and support
    /// (default); on a single article, position only.
    #[default]
    Combined,
    /// Cosine similarity to the cluster's TF-IDF centroid (MEAD).
    Centroid,
    /// Continuous LexRank (Erkan and Radev 2004).
    Lexrank,
    /// Lead sentences: position in the article only.
    Position,
    /// Weighted bigram-concept coverage (after ICSI), greedy under the budget.
    Concepts,
    /// KL-divergence greedy selection (KLSum).
    Kl,
    /// Saturated coverage plus diversity reward (Lin and Bilmes 2011), greedy under the budget.
    Submodular,
}

impl Method {
    /// The method's name as used on the command line and in output.
    pub fn name(self) -> &'static str {
        match self {
            Method::Combined => "combined",
            Method::Centroid => "centroid",
            Method::Lexrank => "lexrank",
            Method::Position => "position",
            Method::Concepts => "concepts",
            Method::Kl => "kl",
            Method::Submodular => "submodular",
        }
    }

    /// The lowest cosine kept in the similarity graph for this method: LexRank and dedup need
    /// edges from [`crate::score::LEXRANK_EDGE`] up, while submodular coverage sums the small
    /// similarities too.
    pub fn similarity_floor(self, duplicate_threshold: f32) -> f32 {
        match self {
            Method::Submodular => 0.01,
            _ => crate::score::LEXRANK_EDGE.min(duplicate_threshold),
        }
    }

    /// Every method, in the order they are documented.
    pub const ALL: [Method; 7] = [
        Method::Combined,
        Method::Centroid,
        Method::Lexrank,
        Method::Position,
        Method::Concepts,
        Method::Kl,
        Method::Submodular,
    ];
}

/// Weights of the `combined` method's features (see `score`). They need not sum to one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    /// Weight of the centroid cosine (scaled so the top sentence has 1).
    pub centroid: f32,
    /// Weight of LexRank centrality.
    pub lexrank: f32,
    /// Weight of the position prior.
    pub position: f32,
    /// Weight of the signature: how many articles carry the sentence's terms (scaled so the
    /// top sentence has 1; always 0 in a one-article cluster).
    pub signature: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            centroid: 0.2,
            lexrank: 0.3,
            position: 0.25,
            signature: 0.5,
        }
    }
}

/// The default of [`Config::position_gain`] (chosen by cross-validation over the development
/// sets; see the README).
pub const POSITION_GAIN: f32 = 16.0;

/// Everything a run needs to know. Built by the binary from its arguments, or by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The size of the briefing.
    pub budget: Budget,
    /// Force one language for every document (`None`: detect per document).
    pub language: Option<Language>,
    /// The scoring method.
    pub method: Method,
    /// Worker threads (`None`: all cores). Output is identical for any value.
    pub threads: Option<usize>,
    /// Keep the per-candidate scores and decisions in the result.
    pub explain: bool,
    /// MMR trade-off between relevance (1.0) and novelty (0.0).
    pub mmr_lambda: f32,
    /// Sentences with fewer words are not offered to the briefing.
    pub min_words: usize,
    /// Feature weights of the `combined` method (and of the relevance prior of `concepts`).
    pub weights: Weights,
    /// `combined`: the position weight is `weights.position * (1 + position_gain *
    /// topicness)`, topicness read from the cluster (`prior`).
    pub position_gain: f32,
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
    /// Cosine similarity at or above which two sentences are near-duplicates.
    pub duplicate_threshold: f32,
    /// Which JSON/JSONL fields hold the article's parts.
    pub fields: crate::ingest::Fields,
    /// Limits on what is read.
    pub limits: Limits,
}

/// Limits that keep memory and time bounded on any input. Over a limit, an input is cut or
/// skipped with an entry in `skipped`; never a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            document_bytes: 8 << 20,
            run_bytes: 4 << 30,
            sentence_chars: 1_000,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            budget: Budget::default(),
            language: None,
            method: Method::default(),
            threads: None,
            explain: false,
            mmr_lambda: 0.7,
            weights: Weights::default(),
            position_gain: POSITION_GAIN,
            min_words: crate::MIN_WORDS,
            concept_mu: 0.5,
            cost_exponent: 0.3,
            saturation: 0.05,
            diversity: 6.0,
            relevance_prior: 10.0,
            duplicate_threshold: crate::dedup::DEFAULT_THRESHOLD,
            fields: crate::ingest::Fields::default(),
            limits: Limits::default(),
        }
    }
}

impl Config {
    /// Checks that the configuration can be honoured.
    pub fn validate(&self) -> Result<()> {
        if self.budget.limit() == 0 {
            return Err(Error::Config(format!(
                "the budget must be at least one {}",
                self.budget.unit().trim_end_matches('s')
            )));
        }
        if self.threads == Some(0) {
            return Err(Error::Config("--threads must be at least 1".into()));
        }
        let l = self.limits;
        if l.document_bytes < 64 || l.run_bytes < 64 || l.sentence_chars < 16 {
            return Err(Error::Config(
                "limits must allow at least 64 bytes per document and run, and 16 characters \
                 per sentence"
                    .into(),
            ));
        }
        if !(0.0..=1.0).contains(&self.mmr_lambda) {
            return Err(Error::Config("the MMR lambda must be within 0..=1".into()));
        }
        let non_negative = |x: f32| x.is_finite() && x >= 0.0;
        if ![
            self.concept_mu,
            self.cost_exponent,
            self.saturation,
            self.diversity,
            self.relevance_prior,
            self.position_gain,
        ]
        .into_iter()
        .all(non_negative)
        {
            return Err(Error::Config(
                "the selection parameters must be non-negative numbers".into(),
            ));
        }
        let w = self.weights;
        if [w.centroid, w.lexrank, w.position, w.signature]
            .iter()
            .any(|x| !x.is_finite() || *x < 0.0)
            || w.centroid + w.lexrank + w.position + w.signature <= 0.0
        {
            return Err(Error::Config(
                "the weights must be non-negative and not all zero".into(),
            ));
        }
        if !(self.duplicate_threshold > 0.0 && self.duplicate_threshold <= 1.0) {
            return Err(Error::Config(
                "the duplicate threshold must be within (0, 1]".into(),
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
    fn zero_budget_is_rejected() {
        let c = Config {
            budget: Budget::Sentences(0),
            ..Config::default()
        };
        assert!(matches!(c.validate(), Err(Error::Config(_))));
        assert!(Config::default().validate().is_ok());
    }
}
