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

impl Budget {
    /// The budget of a story of `articles` articles when each story is given `self`: scaled
    /// by `min(1 + log10(articles), STORY_SCALE_MAX)` and rounded down (see
    /// [`super::STORY_SCALE_MAX`]), so a story told by many outlets gets room to tell it.
    ///
    /// ```
    /// use briefing::Budget;
    /// assert_eq!(Budget::Words(60).for_story(1), Budget::Words(60));
    /// assert_eq!(Budget::Words(60).for_story(10), Budget::Words(120));
    /// assert_eq!(Budget::Words(60).for_story(277), Budget::Words(120));
    /// assert_eq!(Budget::Sentences(2).for_story(4), Budget::Sentences(3));
    /// ```
    pub fn for_story(self, articles: usize) -> Budget {
        let scale = (1.0 + (articles.max(1) as f64).log10()).min(super::STORY_SCALE_MAX);
        let scaled = |n: usize| ((n as f64 * scale).floor() as usize).max(n);
        match self {
            Budget::Words(n) => Budget::Words(scaled(n)),
            Budget::Chars(n) => Budget::Chars(scaled(n)),
            Budget::Sentences(n) => Budget::Sentences(scaled(n)),
        }
    }
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
