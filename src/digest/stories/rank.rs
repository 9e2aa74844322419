//! From groups of articles to ranked stories: outlets, newest date, score, headline and
//! centroid of each (steps 5 and 6 of the module docs of `stories`).

use super::rows::Rows;
use super::{Article, CENTROID_KEEP, Story, Vectors, partition, step};
use crate::config::DigestOptions;
use crate::corpus::DocId;
use crate::pipeline::{GroupStep, Report};
use crate::text::date::day_number;

/// The key two articles of one outlet share (`Meta::outlet_key`): its outlet in lower case,
/// else `article:` and its id (an article of unknown outlet is its own outlet).
pub fn outlet_key(id: &str, outlet: Option<&str>) -> String {
    outlet.map_or_else(|| format!("article:{id}"), str::to_lowercase)
}

/// Groups articles (their counts, keys and metadata, in id order) into ranked stories; a
/// story's documents are indexes into `articles`. The counts are consumed.
pub fn stories(
    counts: Rows<(u64, u32)>,
    keys: Vec<u64>,
    articles: &[Article],
    opts: &DigestOptions,
    report: &Report,
) -> Vec<Story> {
    let days: Vec<Option<i64>> = articles
        .iter()
        .map(|a| a.date.and_then(day_number))
        .collect();
    let (groups, vectors, hashes) = partition(counts, &keys, &days, opts, report);
    report(step(GroupStep::Ranking));
    let newest_day = days.iter().flatten().max().copied();
    let mut centroid = vec![0f32; hashes.len()];
    let mut stories: Vec<Story> = groups
        .into_iter()
        .map(|g| {
            let mut outlets: Vec<String> = g
                .iter()
                .map(|&i| {
                    let a = &articles[i as usize];
                    outlet_key(a.id, a.outlet)
                })
                .collect();
            outlets.sort();
            outlets.dedup();
            let newest = g
                .iter()
                .filter_map(|&i| {
                    let d = articles[i as usize].date?;
                    day_number(d).zip(crate::text::date::day(d))
                })
                .max();
            let age = match (newest_day, &newest) {
                (Some(top), Some((n, _))) => (top - n) as f32,
                _ => 0.0,
            };
            let headline = central_title(&g, &vectors, &keys, articles, &mut centroid);
            let terms = centroid_terms(&g, &vectors, &hashes, &mut centroid);
            let (o, a) = (outlets.len() as f32, g.len() as f32);
            Story {
                documents: g.into_iter().map(DocId).collect(),
                outlets,
                newest: newest.map(|(_, d)| d),
                score: (o + 0.25 * (a - o)) / (1.0 + age / 3.0),
                headline,
                centroid: terms,
            }
        })
        .collect();
    stories.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(keys[a.documents[0].index()].cmp(&keys[b.documents[0].index()]))
            .then(a.documents[0].cmp(&b.documents[0]))
    });
    stories
}

/// The [`CENTROID_KEEP`] heaviest terms of the sum of `group`'s vectors, by hash, scaled to
/// unit length, heaviest first (ties by hash). `dense` is a zeroed buffer of a weight per term
/// id, left zeroed.
fn centroid_terms(
    group: &[u32],
    vectors: &Vectors,
    hashes: &[u64],
    dense: &mut [f32],
) -> Vec<(u64, f32)> {
    let mut ids: Vec<u32> = Vec::new();
    for &i in group {
        for &(h, w) in vectors.get(i as usize) {
            if dense[h as usize] == 0.0 {
                ids.push(h);
            }
            dense[h as usize] += w;
        }
    }
    let mut terms: Vec<(u64, f32)> = ids
        .iter()
        .map(|&h| (hashes[h as usize], dense[h as usize]))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    for &h in &ids {
        dense[h as usize] = 0.0;
    }
    let heaviest = |a: &(u64, f32), b: &(u64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if terms.len() > CENTROID_KEEP {
        terms.select_nth_unstable_by(CENTROID_KEEP, heaviest);
        terms.truncate(CENTROID_KEEP);
    }
    terms.sort_by(heaviest);
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        terms.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    terms
}

/// The title of the titled article of `group` closest to the group's centroid (ties: the
/// smaller key), if any has a title. `centroid` is a zeroed buffer of a weight per term id,
/// left zeroed.
fn central_title(
    group: &[u32],
    vectors: &Vectors,
    keys: &[u64],
    articles: &[Article],
    centroid: &mut [f32],
) -> Option<String> {
    let titled: Vec<u32> = group
        .iter()
        .copied()
        .filter(|&i| articles[i as usize].title.is_some())
        .collect();
    if titled.len() <= 1 {
        return titled
            .first()
            .and_then(|&i| articles[i as usize].title.map(str::to_string));
    }
    for &i in group {
        for &(h, w) in vectors.get(i as usize) {
            centroid[h as usize] += w;
        }
    }
    let closeness = |i: u32| -> f32 {
        vectors
            .get(i as usize)
            .iter()
            .map(|&(h, w)| w * centroid[h as usize])
            .sum()
    };
    let best = titled.iter().map(|&i| (closeness(i), i)).max_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(keys[b.1 as usize].cmp(&keys[a.1 as usize]))
            .then(b.1.cmp(&a.1))
    });
    for &i in group {
        for &(h, _) in vectors.get(i as usize) {
            centroid[h as usize] = 0.0;
        }
    }
    let best = best?;
    articles[best.1 as usize].title.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_keys() {
        assert_eq!(outlet_key("a", Some("Okaz")), "okaz");
        assert_eq!(outlet_key("a", None), "article:a");
    }
}
