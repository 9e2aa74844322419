//! The named choices of a run: languages, methods and feature weights, each parsed from and
//! printed as the word the command line and the output use.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::{Error, Result};

use super::WEIGHTS;

/// A closed set of named values, as the command line and the output name them: methods,
/// output formats, dataset layouts. `FromStr` and `Display` of such a type use [`Named::name`].
pub trait Named: Copy + Sized + 'static {
    /// Every value, in the order they are documented.
    const ALL: &'static [Self];
    /// The value's name.
    fn name(self) -> &'static str;
    /// What it means, in one line (for help texts).
    fn about(self) -> &'static str;

    /// The value named `s` (any case), or an error listing the names.
    fn parse_name(s: &str) -> Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
                Error::Config(format!(
                    "unknown value {s:?}: expected one of {}",
                    names.join(", ")
                ))
            })
    }
}

/// Implements [`Named`], `Display` and `FromStr` for an enum from its variants' names and
/// one-line help texts: `named! { Kind { A => "a", "what a is"; B => "b", "what b is"; } }`.
macro_rules! named {
    ($t:ident { $($variant:ident => $name:literal, $about:expr;)+ }) => {
        impl $crate::config::Named for $t {
            const ALL: &'static [$t] = &[$($t::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $($t::$variant => $name),+
                }
            }

            fn about(self) -> &'static str {
                match self {
                    $($t::$variant => $about),+
                }
            }
        }

        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::config::Named::name(*self))
            }
        }

        impl ::std::str::FromStr for $t {
            type Err = $crate::Error;

            fn from_str(s: &str) -> $crate::Result<Self> {
                <$t as $crate::config::Named>::parse_name(s)
            }
        }
    };
}

pub(crate) use named;

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

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// `ar`/`arabic` or `en`/`english` (any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" | "arabic" => Ok(Language::Arabic),
            "en" | "english" => Ok(Language::English),
            _ => Err(Error::Config(format!(
                "unknown language {s:?}: expected ar or en"
            ))),
        }
    }
}

/// A summarization method: how sentences are scored (`crate::rank::score::Scorer`) and then
/// chosen (`crate::select::Selector`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Position, centroid, LexRank and signature combined, weighted by length and support,
    /// chosen by MMR (default); on a single article, its lead.
    #[default]
    Combined,
    /// Cosine similarity to the cluster's TF-IDF centroid (MEAD), chosen by MMR.
    Centroid,
    /// Continuous LexRank (Erkan and Radev 2004), chosen by MMR.
    Lexrank,
    /// Lead sentences: position in the article only, chosen by MMR.
    Position,
    /// Weighted bigram-concept coverage (after ICSI), greedy under the budget.
    Concepts,
    /// KL-divergence greedy selection (KLSum).
    Kl,
    /// Saturated coverage plus diversity reward (Lin and Bilmes 2011), greedy under the budget.
    Submodular,
}

named! {
    Method {
        Combined => "combined",
            "centroid, LexRank, position and signature combined (the default); on one article, \
             its lead";
        Centroid => "centroid", "cosine to the cluster's TF-IDF centroid (MEAD)";
        Lexrank => "lexrank", "continuous LexRank";
        Position => "position", "lead sentences: position in the article only";
        Concepts => "concepts", "weighted bigram-concept coverage (after the ICSI system), greedy under the budget";
        Kl => "kl", "KL-divergence greedy selection (KLSum)";
        Submodular => "submodular", "saturated coverage plus diversity reward (Lin and Bilmes 2011)";
    }
}

/// Weights of the `combined` method's features (see `crate::rank::score`). They need not sum
/// to one.
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
        WEIGHTS
    }
}

impl FromStr for Weights {
    type Err = Error;

    /// `CENTROID,LEXRANK,POSITION[,SIGNATURE]`; a missing signature weight is 0.
    fn from_str(s: &str) -> Result<Self> {
        let bad = |why: String| Error::Config(format!("weights {s:?}: {why}"));
        let parts: Vec<f32> = s
            .split(',')
            .map(|p| {
                p.trim()
                    .parse::<f32>()
                    .map_err(|e| bad(format!("{p:?}: {e}")))
            })
            .collect::<Result<_>>()?;
        match parts[..] {
            [centroid, lexrank, position] => Ok(Weights {
                centroid,
                lexrank,
                position,
                signature: 0.0,
            }),
            [centroid, lexrank, position, signature] => Ok(Weights {
                centroid,
                lexrank,
                position,
                signature,
            }),
            _ => Err(bad(
                "expected three or four numbers: CENTROID,LEXRANK,POSITION[,SIGNATURE]".into(),
            )),
        }
    }
}

impl fmt::Display for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self;
        write!(
            f,
            "{},{},{},{}",
            w.centroid, w.lexrank, w.position, w.signature
        )
    }
}
