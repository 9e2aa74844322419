//! The size of a briefing.

use std::fmt;

use serde::Serialize;

use super::WORDS;
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
        Budget::Words(WORDS)
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

    /// Checks that the budget holds at least one unit.
    pub fn validate(&self) -> Result<()> {
        if self.limit() == 0 {
            return Err(Error::Config(format!(
                "the budget must be at least one {}",
                self.unit().trim_end_matches('s')
            )));
        }
        Ok(())
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

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.limit(), self.unit())
    }
}
