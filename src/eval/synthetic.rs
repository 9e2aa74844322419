//! Synthetic collections for benchmarks: any number of articles, grouped into stories, built
//! deterministically from a few real articles (the bundled `samples/`).
//!
//! Contract: [`collection`] returns exactly `articles` raw articles, the same for the same
//! arguments on every machine. Articles come in stories of 1 to 12 articles. Every story takes
//! one base article and gives a third of its longer words a story-specific made-up suffix
//! (`bridge` -> `bridgekelo`), so stories differ in vocabulary as real stories do while keeping
//! the base's sentence structure, punctuation and script; each article of a story keeps a
//! different random 70-100% of the base's paragraphs, shifts a few, and has its own outlet
//! and date. The text is a workload, not news: it exists to measure cost as input grows.

use crate::corpus::{Meta, RawDocument};

/// Outlets the synthetic articles are attributed to.
const OUTLETS: [&str; 12] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima",
];

/// Syllables of the made-up suffixes (Latin and Arabic, to suit either script).
const SYLLABLES_LATIN: [&str; 12] = [
    "ka", "lo", "mi", "ru", "ten", "vas", "no", "pel", "dri", "go", "sha", "wen",
];
const SYLLABLES_ARABIC: [&str; 12] = [
    "كا", "لو", "مي", "رو", "تن", "فس", "نو", "بل", "دري", "غو", "شا", "ون",
];

/// A small deterministic generator (64-bit LCG, Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `articles` synthetic articles built from the `bases` (their title and text are used).
/// Returns nothing when there is no base with text.
pub fn collection(bases: &[RawDocument], articles: usize) -> Vec<RawDocument> {
    let bases: Vec<&RawDocument> = bases.iter().filter(|b| !b.text.trim().is_empty()).collect();
    if bases.is_empty() {
        return Vec::new();
    }
    let mut rng = Lcg(0x5eed);
    let mut out = Vec::with_capacity(articles);
    let mut story = 0usize;
    while out.len() < articles {
        let base = bases[story % bases.len()];
        let size = (1 + rng.below(12) as usize).min(articles - out.len());
        let arabic = base
            .text
            .chars()
            .any(crate::text::normalize::is_arabic_letter);
        let syllables = if arabic {
            &SYLLABLES_ARABIC
        } else {
            &SYLLABLES_LATIN
        };
        let suffix: String = (0..2)
            .map(|_| syllables[rng.below(12) as usize])
            .collect::<Vec<_>>()
            .concat()
            + &story.to_string();
        // Which words of the base this story renames: a third of the longer ones, by hash.
        let salt = rng.next();
        let rename = |w: &str| {
            let h = w
                .bytes()
                .fold(salt, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
            w.chars().count() >= 4 && h % 3 == 0
        };
        let mutate = |text: &str| -> String {
            text.split(' ')
                .map(|w| {
                    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    if !core.is_empty() && rename(core) {
                        format!("{core}{suffix}{}", &w[core.len()..])
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let paragraphs: Vec<String> = base
            .text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(mutate)
            .collect();
        let title = base.meta.title.as_deref().map(mutate);
        let day = 1 + (story / 40) % 28;
        for k in 0..size {
            let keep = 70 + rng.below(31);
            let mut kept: Vec<&String> = paragraphs
                .iter()
                .enumerate()
                .filter(|(i, _)| *i == 0 || rng.below(100) < keep)
                .map(|(_, p)| p)
                .collect();
            if kept.len() > 3 && rng.below(2) == 0 {
                let i = 1 + rng.below(kept.len() as u64 - 2) as usize;
                kept.swap(i, i + 1);
            }
            let text: Vec<&str> = kept.iter().map(|p| p.as_str()).collect();
            let n = out.len();
            out.push(RawDocument {
                meta: Meta {
                    id: format!("synthetic-{n:06}"),
                    path: format!("synthetic:{n}"),
                    title: title.clone(),
                    date: Some(format!("2026-01-{day:02}")),
                    url: None,
                    source: Some(OUTLETS[(story + k) % OUTLETS.len()].to_string()),
                    ..Meta::default()
                },
                text: text.join("\n\n"),
            });
        }
        story += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases() -> Vec<RawDocument> {
        vec![
            RawDocument {
                meta: Meta {
                    title: Some("Storm closes the harbour bridge".into()),
                    ..Meta::default()
                },
                text: "A storm closed the harbour bridge on Tuesday.\n\nFerries carried \
                       commuters across the bay.\n\nThe mayor promised repairs."
                    .into(),
            },
            RawDocument {
                text: "بحث وزير الخارجية مع مبعوث التحالف الدولي الوضع الامني.\n\nوذكر \
                       بيان ان الجانبين ناقشا الدعم."
                    .into(),
                ..Default::default()
            },
        ]
    }

    #[test]
    fn exact_size_deterministic_and_varied() {
        let a = collection(&bases(), 50);
        assert_eq!(a.len(), 50);
        assert_eq!(a, collection(&bases(), 50));
        let names: std::collections::HashSet<_> = a.iter().map(|d| &d.meta.id).collect();
        assert_eq!(names.len(), 50);
        assert!(a.iter().any(|d| d.text.contains("بحث")));
        // Stories rename words, so two stories from the same base differ.
        let texts: std::collections::HashSet<_> = a.iter().map(|d| &d.text).collect();
        assert!(texts.len() > 10);
        assert!(collection(&[], 5).is_empty());
    }
}
