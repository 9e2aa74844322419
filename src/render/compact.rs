//! The compact view of a story, shared by the human formats of a digest: what a reader needs,
//! not every article.
//!
//! Contract: [`story`] turns a story's briefing into its headline's companions: the outlets
//! with their article counts (most first), the date span, each sentence with at most
//! [`CITED_PER_SENTENCE`] cited articles (its own, then others from other outlets) and how
//! many more carry it, the cited articles only (numbered in citation order), and how many
//! articles and outlets are left uncited. [`skipped_counts`] turns a list of skipped inputs
//! into one line of counts by kind. The JSON output keeps everything; only people get this.

use std::collections::BTreeMap;

use crate::digest::StoryBriefing;
use crate::error::{SkipKind, Skipped};
use crate::pipeline::briefing::{Briefing, DocumentInfo};
use crate::text::date::day;

/// A sentence cites at most this many articles by name; the others are counted.
pub const CITED_PER_SENTENCE: usize = 2;
/// The facts line names at most this many outlets; the others are counted.
pub const OUTLETS_NAMED: usize = 4;

/// One outlet of a story and how many of its articles it published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The outlet's name as written.
    pub name: String,
    /// Its articles in the story.
    pub articles: usize,
}

/// A sentence with its citations.
#[derive(Debug, Clone, PartialEq)]
pub struct CitedSentence<'a> {
    /// The sentence as shown.
    pub text: &'a str,
    /// Citation numbers (1-based, into [`Compact::cited`]).
    pub cites: Vec<usize>,
    /// Articles that carry it too but are not cited by number.
    pub more: usize,
}

/// The compact view of one story (or one briefing).
#[derive(Debug, Clone, PartialEq)]
pub struct Compact<'a> {
    /// Known outlets by articles (most first, then by name).
    pub outlets: Vec<Outlet>,
    /// The oldest and the newest day (`YYYY-MM-DD`) among its dated articles.
    pub span: Option<(String, String)>,
    /// Its sentences, in reading order.
    pub sentences: Vec<CitedSentence<'a>>,
    /// The cited articles, in citation order.
    pub cited: Vec<&'a DocumentInfo>,
    /// Articles not cited.
    pub uncited: usize,
    /// Distinct outlets among the articles not cited.
    pub uncited_outlets: usize,
}

/// The compact view of a briefing (see the module docs).
pub fn briefing(b: &Briefing) -> Compact<'_> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for d in &b.documents {
        let Some(name) = d.meta.outlet_name() else {
            continue; // an article of unknown origin names no outlet
        };
        let e = counts.entry(d.meta.outlet_key()).or_insert((name, 0));
        e.1 += 1;
    }
    let mut outlets: Vec<Outlet> = counts
        .into_values()
        .map(|(name, articles)| Outlet { name, articles })
        .collect();
    outlets.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));

    let days: Vec<String> = b
        .documents
        .iter()
        .filter_map(|d| d.meta.date.as_deref())
        .filter_map(day)
        .collect();
    let span = days
        .iter()
        .min()
        .zip(days.iter().max())
        .map(|(a, z)| (a.to_string(), z.to_string()));

    let index: BTreeMap<&str, usize> = b
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.meta.id.as_str(), i))
        .collect();
    let mut cited: Vec<usize> = Vec::new();
    let number = |doc: usize, cited: &mut Vec<usize>| match cited.iter().position(|&c| c == doc) {
        Some(p) => p + 1,
        None => {
            cited.push(doc);
            cited.len()
        }
    };
    let mut sentences = Vec::with_capacity(b.sentences.len());
    for s in &b.sentences {
        let docs: Vec<usize> = s
            .sources
            .iter()
            .filter_map(|r| index.get(r.document.as_str()).copied())
            .collect();
        let mut distinct: Vec<usize> = Vec::new();
        for d in docs {
            if !distinct.contains(&d) {
                distinct.push(d);
            }
        }
        // Its own article first, then one from another outlet where there is one.
        let mut chosen: Vec<usize> = distinct.iter().take(1).copied().collect();
        let first_outlet = chosen.first().map(|&d| b.documents[d].meta.outlet_key());
        for &d in distinct.iter().skip(1) {
            if chosen.len() == CITED_PER_SENTENCE {
                break;
            }
            if Some(b.documents[d].meta.outlet_key()) != first_outlet {
                chosen.push(d);
            }
        }
        let cites = chosen.iter().map(|&d| number(d, &mut cited)).collect();
        sentences.push(CitedSentence {
            text: &s.text,
            cites,
            more: distinct.len() - chosen.len(),
        });
    }
    let mut uncited_outlets: Vec<String> = b
        .documents
        .iter()
        .enumerate()
        .filter(|(i, _)| !cited.contains(i))
        .map(|(_, d)| d.meta.outlet_key())
        .collect();
    uncited_outlets.sort();
    uncited_outlets.dedup();
    Compact {
        outlets,
        span,
        sentences,
        uncited: b.documents.len() - cited.len(),
        uncited_outlets: uncited_outlets.len(),
        cited: cited.into_iter().map(|i| &b.documents[i]).collect(),
    }
}

/// The compact view of a digest's story.
pub fn story(s: &StoryBriefing) -> Compact<'_> {
    briefing(&s.briefing)
}

/// `n word` or `n words`.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The outlets line: the first [`OUTLETS_NAMED`] outlets, each with its count of articles when
/// more than one (`Okaz (120), Al Riyadh`), then `+N`; `None`
/// when no article names its outlet.
pub fn outlets_line(c: &Compact<'_>) -> Option<String> {
    if c.outlets.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = c
        .outlets
        .iter()
        .take(OUTLETS_NAMED)
        .map(|o| match o.articles {
            1 => o.name.to_string(),
            n => format!("{} ({n})", o.name),
        })
        .collect();
    if c.outlets.len() > OUTLETS_NAMED {
        parts.push(format!("+{}", c.outlets.len() - OUTLETS_NAMED));
    }
    Some(parts.join(", "))
}

/// `and 274 more articles from 11 outlets`, when any are left uncited.
pub fn more_line(c: &Compact<'_>) -> Option<String> {
    (c.uncited > 0).then(|| {
        let articles = if c.uncited == 1 {
            "article"
        } else {
            "articles"
        };
        format!(
            "and {} more {articles} from {}",
            c.uncited,
            plural(c.uncited_outlets, "outlet")
        )
    })
}

/// Skipped inputs as counts by kind, most first: `(707, [(700, "only page furniture"), ...])`.
pub fn skipped_counts(skipped: &[Skipped]) -> Vec<(usize, &'static str)> {
    let mut by: BTreeMap<SkipKind, usize> = BTreeMap::new();
    for s in skipped {
        *by.entry(s.kind).or_default() += 1;
    }
    let mut list: Vec<(usize, &'static str)> =
        by.into_iter().map(|(k, n)| (n, k.label())).collect();
    list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    list
}

/// `700 only page furniture, 7 empty`, or `None` when nothing was skipped.
pub fn skipped_kinds(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let parts: Vec<String> = skipped_counts(skipped)
        .into_iter()
        .map(|(n, label)| format!("{n} {label}"))
        .collect();
    Some(parts.join(", "))
}

/// `skipped 707 inputs: 700 only page furniture, 7 empty`, or `None`.
pub fn skipped_line(skipped: &[Skipped]) -> Option<String> {
    let kinds = skipped_kinds(skipped)?;
    Some(format!(
        "skipped {}: {kinds}",
        plural(skipped.len(), "input")
    ))
}
