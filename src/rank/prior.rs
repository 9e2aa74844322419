//! Prior: how much an article's lead should count, read from the cluster itself.
//!
//! Contract: [`shape`] measures a cluster (deterministic, linear in its sentences and the
//! edges of its similarity graph) and [`position_weight`] turns the measures into the weight
//! of the position feature in `combined`. No data set is recognised: only the cluster's own
//! articles are read.
//!
//! In a cluster about one event, every article retells the same facts: centrality and the
//! signature find them, and the position prior should stay light. When the articles share
//! little (a topic followed over months, or articles on related subjects), centrality and the
//! signature have no agreement between articles to find and reward what each article repeats
//! of its own background, while the human summaries draw on each article's lead. Three
//! measures, all read from the cluster:
//! - **overlap**: the share of sentences with a close match (cosine at least
//!   [`MATCH_COSINE`]) in another article: high when the articles retell one story;
//! - **spread**: the days between the oldest and the newest dated article, when at least two
//!   are dated (an event's coverage lasts days, a topic's months);
//! - **lead centrality**: the mean centroid cosine of the articles' leads over that of all
//!   their sentences: at least 1 when the leads carry what the cluster is about.
//!
//! `topicness = max(0, 1 - overlap / OVERLAP_REF) * spread / (spread + SPREAD_DAYS) *
//! min(1, lead centrality)`, in `[0, 1]` (without two dated articles the spread term is 1);
//! the position weight is `w * (1 + gain * topicness)`, `gain` =
//! [`crate::config::Params::position_gain`]. On the development sets the overlap is what
//! tells the kinds apart (mean 0.54 on DUC 2003's event clusters, 0.35 on its TREC topic
//! clusters, 0.77 on the SaudiNewsNet stories, 0.02 on EASC topic clusters); the spread and
//! lead terms keep the prior light for a low-overlap cluster of a few days, or one whose leads
//! say less than the rest.

use crate::corpus::Corpus;
use crate::text::date::day_number;

/// Two sentences of different articles whose cosine reaches this tell the same thing.
pub const MATCH_COSINE: f32 = 0.3;
/// The date spread (in days) at which the spread term is half-way.
pub const SPREAD_DAYS: f64 = 7.0;
/// At this overlap (or more) the articles retell one story and the position weight stays as
/// it is; below it, the weight grows as the overlap falls.
pub const OVERLAP_REF: f32 = 0.25;

/// What a cluster is like (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shape {
    /// Share of sentences with a close match in another article, in `[0, 1]`.
    pub overlap: f32,
    /// Days between the oldest and the newest dated article, if two are dated.
    pub spread_days: Option<f64>,
    /// Mean centroid cosine of the leads over that of all sentences (1 when equal).
    pub lead_centrality: f32,
}

impl Shape {
    /// How much the cluster looks like a topic followed over time rather than one event, in
    /// `[0, 1]`.
    pub fn topicness(&self) -> f32 {
        let apart = (1.0 - self.overlap / OVERLAP_REF).clamp(0.0, 1.0);
        let spread = self
            .spread_days
            .map_or(1.0, |d| (d / (d + SPREAD_DAYS)) as f32);
        apart * spread * self.lead_centrality.clamp(0.0, 1.0)
    }
}

/// Measures a cluster. `graph` is the similarity graph of its sentences (the pairs at or
/// above [`MATCH_COSINE`], within the caps of `crate::rank::graph`); `centroid` holds each sentence's cosine to the
/// cluster centroid.
pub fn shape(corpus: &Corpus, graph: &[Vec<(u32, f32)>], centroid: &[f32]) -> Shape {
    let n = corpus.sentences.len();
    if n == 0 || corpus.documents.len() < 2 {
        return Shape {
            lead_centrality: 1.0,
            ..Shape::default()
        };
    }
    let matched = corpus
        .sentences
        .iter()
        .zip(graph)
        .filter(|(s, edges)| {
            edges
                .iter()
                .any(|&(j, w)| w >= MATCH_COSINE && corpus.sentences[j as usize].doc != s.doc)
        })
        .count();
    let days: Vec<i64> = corpus
        .documents
        .iter()
        .filter_map(|d| d.meta.date.as_deref().and_then(day_number))
        .collect();
    let spread_days = (days.len() >= 2).then(|| {
        let (lo, hi) = days
            .iter()
            .fold((i64::MAX, i64::MIN), |(a, b), &d| (a.min(d), b.max(d)));
        (hi - lo) as f64
    });
    let mut lead_sum = 0f32;
    let mut leads = 0usize;
    let mut seen = vec![false; corpus.documents.len()];
    for (i, s) in corpus.sentences.iter().enumerate() {
        if !s.heading && !seen[s.doc.index()] {
            seen[s.doc.index()] = true;
            lead_sum += centroid[i];
            leads += 1;
        }
    }
    let all: f32 = corpus
        .sentences
        .iter()
        .zip(centroid)
        .filter(|(s, _)| !s.heading)
        .map(|(_, c)| *c)
        .sum::<f32>();
    let body = corpus
        .sentences
        .iter()
        .filter(|s| !s.heading)
        .count()
        .max(1);
    let mean_all = all / body as f32;
    let lead_centrality = if leads == 0 || mean_all <= 0.0 {
        1.0
    } else {
        (lead_sum / leads as f32) / mean_all
    };
    Shape {
        overlap: matched as f32 / n as f32,
        spread_days,
        lead_centrality,
    }
}

/// The position weight for a cluster of this shape: `w * (1 + gain * topicness)`.
pub fn position_weight(w: f32, gain: f32, shape: &Shape) -> f32 {
    w * (1.0 + gain * shape.topicness())
}

/// The weights of `combined` for a cluster: the configured ones, with the position weight
/// adapted to the cluster's shape (unless `position_gain` is 0).
pub fn cluster_weights(
    params: &crate::config::Params,
    corpus: &Corpus,
    graph: &[Vec<(u32, f32)>],
    features: &[crate::rank::score::Features],
) -> crate::config::Weights {
    if params.position_gain == 0.0 {
        return params.weights;
    }
    let centroid: Vec<f32> = features.iter().map(|f| f.centroid).collect();
    let shape = shape(corpus, graph, &centroid);
    crate::config::Weights {
        position: position_weight(params.weights.position, params.position_gain, &shape),
        ..params.weights
    }
}

/// MMR's trade-off for a cluster: relevance alone (1) for a single article, where no other
/// report can be repeated (near-copies are still grouped by dedup), else `lambda`. On EASC
/// (single articles) this takes the default from 50.41 / 42.47 to 50.54 / 42.72, past the
/// lead (50.39 / 42.51).
pub fn mmr_lambda(corpus: &Corpus, lambda: f32) -> f32 {
    if corpus.documents.len() < 2 {
        1.0
    } else {
        lambda
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topicness_grows_as_overlap_falls_and_spread_grows() {
        let event = Shape {
            overlap: 0.8,
            spread_days: Some(2.0),
            lead_centrality: 1.0,
        };
        let topic = Shape {
            overlap: 0.02,
            spread_days: Some(120.0),
            lead_centrality: 1.0,
        };
        assert!(event.topicness() < 0.15);
        assert!(topic.topicness() > 0.8);
        assert!(position_weight(0.25, 4.0, &topic) > position_weight(0.25, 4.0, &event));
        assert_eq!(position_weight(0.25, 0.0, &topic), 0.25);
    }
}
