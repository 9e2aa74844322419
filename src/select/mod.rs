//! Select: choose whole sentences under a budget, relevant and not redundant.
//!
//! Two kinds of selector share one result type, [`Selection`]: budgeted MMR ([`mmr`]), which
//! takes the best-scored sentence that is not redundant, and the summary-level objectives of
//! [`coverage`] (concepts, submodular coverage, KLSum), which take what adds most to the whole.
//! [`order`] then puts the chosen sentences in reading order.

mod concepts;
pub mod coverage;
mod kl;
pub mod mmr;
pub mod order;
mod submodular;

pub use coverage::{Inputs, Objective};
pub use order::reading_order;

use crate::config::{Budget, Config, Method};
use crate::rank::dedup::Group;

/// How sentences are chosen once they are scored: the selecting half of a [`Method`] (the
/// scoring half is `crate::rank::score::Scorer`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Selector {
    /// Budgeted Maximal Marginal Relevance ([`mmr`]).
    Mmr {
        /// Trade-off between relevance (1.0) and novelty (0.0).
        lambda: f32,
        /// Cosine at or above which a sentence repeats a chosen one and is never taken.
        duplicate_threshold: f32,
    },
    /// A summary-level objective, greedily ([`coverage`]).
    Coverage(Objective),
}

impl Selector {
    /// The selector of a configuration's method, with its parameters.
    pub fn of(cfg: &Config) -> Selector {
        let p = &cfg.params;
        match cfg.method {
            Method::Concepts => Selector::Coverage(Objective::Concepts {
                mu: p.concept_mu,
                r: p.cost_exponent,
            }),
            Method::Submodular => Selector::Coverage(Objective::Submodular {
                alpha: p.saturation,
                lambda: p.diversity,
                r: p.cost_exponent,
                prior: p.relevance_prior,
            }),
            Method::Kl => Selector::Coverage(Objective::Kl),
            Method::Combined | Method::Centroid | Method::Lexrank | Method::Position => {
                Selector::Mmr {
                    lambda: p.mmr_lambda,
                    duplicate_threshold: p.duplicate_threshold,
                }
            }
        }
    }

    /// Chooses groups whose sentences fit the budget.
    pub fn select(self, input: &Inputs<'_>, groups: &[Group], budget: Budget) -> Selection {
        match self {
            Selector::Mmr {
                lambda,
                duplicate_threshold,
            } => mmr::select(
                groups,
                input.rows,
                input.costs,
                budget,
                lambda,
                duplicate_threshold,
            ),
            Selector::Coverage(objective) => coverage::select(objective, input, groups, budget),
        }
    }
}

/// Why a group was or was not chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    /// Chosen, as the n-th pick (from 1).
    Chosen(usize),
    /// Its sentence alone is larger than the whole budget.
    TooLong,
    /// It did not fit in what was left of the budget.
    NoRoom,
    /// It repeats a chosen sentence (cosine at or above the duplicate threshold).
    Redundant,
    /// The selector (MMR or a coverage objective) preferred the chosen sentences.
    Outranked,
}

/// The chosen groups, in choice order, and a decision per group.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// Indexes into the groups, in the order they were chosen.
    pub chosen: Vec<usize>,
    /// One decision per group.
    pub decisions: Vec<Decision>,
    /// The budget used, in its unit.
    pub used: usize,
}
