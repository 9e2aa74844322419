//! Story evaluation: how well a digest's stories match labelled clusters.
//!
//! Contract: [`score`] is a pure function of two labellings of the same articles (the gold
//! cluster and the predicted story of each) and returns B-cubed precision, recall and F1 over
//! articles (Bagga and Baldwin 1998; Amigó et al. 2009), normalized mutual information
//! (arithmetic-mean normalisation, `2 I(G;S) / (H(G) + H(S))`, as scikit-learn's default) and
//! the numbers of stories and clusters. [`evaluate_pile`] runs `briefing digest` on a *pile* (a
//! folder with one sub-folder per gold cluster) with every story briefed and reads each story's
//! articles from its briefing's `documents` by path, exactly as the held-out check reads the
//! JSON of `briefing digest PILE --stories 100000 --words 10 --format json`; an article in no
//! briefed story (skipped, or beyond the stories briefed) counts as a story of its own.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::{Config, DigestOptions, Result, Summarizer};

/// Agreement of predicted stories with gold clusters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StoryScores {
    /// Articles scored.
    pub articles: usize,
    /// Gold clusters.
    pub clusters: usize,
    /// Predicted stories (each unassigned article counted as one).
    pub stories: usize,
    /// B-cubed precision: per article, the share of its story that is of its cluster; averaged.
    pub precision: f64,
    /// B-cubed recall: per article, the share of its cluster that is in its story; averaged.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Normalized mutual information of the two partitions.
    pub nmi: f64,
}

/// Scores predicted stories against gold clusters: `gold[i]` and `story[i]` label article `i`
/// (labels are arbitrary integers; equal labels mean the same cluster or story).
pub fn score(gold: &[u32], story: &[u32]) -> StoryScores {
    assert_eq!(
        gold.len(),
        story.len(),
        "one gold label and one story per article"
    );
    let n = gold.len();
    let mut g_size: HashMap<u32, usize> = HashMap::new();
    let mut s_size: HashMap<u32, usize> = HashMap::new();
    let mut both: HashMap<(u32, u32), usize> = HashMap::new();
    for (&g, &s) in gold.iter().zip(story) {
        *g_size.entry(g).or_default() += 1;
        *s_size.entry(s).or_default() += 1;
        *both.entry((g, s)).or_default() += 1;
    }
    if n == 0 {
        return StoryScores {
            articles: 0,
            clusters: 0,
            stories: 0,
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
            nmi: 1.0,
        };
    }
    let nf = n as f64;
    // Sum over articles = sum over (cluster, story) cells of count * count / size; cells are
    // summed in a fixed order so the result does not depend on map order.
    let mut cells: Vec<(&(u32, u32), &usize)> = both.iter().collect();
    cells.sort_unstable();
    let (mut p, mut r, mut mi) = (0f64, 0f64, 0f64);
    for (&(g, s), &c) in cells {
        let (c, gs, ss) = (c as f64, g_size[&g] as f64, s_size[&s] as f64);
        p += c * c / ss;
        r += c * c / gs;
        mi += c / nf * (c * nf / (gs * ss)).ln();
    }
    let (p, r) = (p / nf, r / nf);
    let entropy = |sizes: &HashMap<u32, usize>| {
        let mut v: Vec<usize> = sizes.values().copied().collect();
        v.sort_unstable();
        -v.iter()
            .map(|&c| c as f64 / nf * (c as f64 / nf).ln())
            .sum::<f64>()
    };
    let (hg, hs) = (entropy(&g_size), entropy(&s_size));
    let nmi = if hg + hs <= 0.0 {
        1.0
    } else {
        (2.0 * mi / (hg + hs)).clamp(0.0, 1.0)
    };
    StoryScores {
        articles: n,
        clusters: g_size.len(),
        stories: s_size.len(),
        precision: p,
        recall: r,
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        nmi,
    }
}

/// How one gold cluster was grouped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterResult {
    /// The cluster's name (its sub-folder).
    pub cluster: String,
    /// Its articles.
    pub articles: usize,
    /// Stories its articles went to.
    pub stories: usize,
    /// Articles in its largest story.
    pub largest: usize,
    /// Articles of other clusters in that story.
    pub intruders: usize,
}

/// The evaluation of a pile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PileEvaluation {
    /// The pile's folder.
    pub pile: String,
    /// The options the stories were grouped with.
    pub options: DigestOptions,
    /// The scores.
    #[serde(flatten)]
    pub scores: StoryScores,
    /// Per gold cluster, by name.
    pub per_cluster: Vec<ClusterResult>,
}

/// The gold cluster of an article path: its first folder below the pile (the path itself
/// when it is not below it).
fn cluster_of(pile: &Path, path: &str) -> String {
    let p = Path::new(path);
    p.strip_prefix(pile)
        .ok()
        .and_then(|rel| rel.components().next())
        .map_or_else(
            || path.to_owned(),
            |c| c.as_os_str().to_string_lossy().into_owned(),
        )
}

/// Groups a pile with `opts` (every story briefed, in 10 words: only the grouping is scored)
/// and scores the stories against the pile's sub-folders (see the module docs).
pub fn evaluate_pile(pile: &Path, config: Config, opts: &DigestOptions) -> Result<PileEvaluation> {
    let summarizer = Summarizer::new(config)?;
    let mut opts = *opts;
    opts.stories = usize::MAX;
    opts.budget = crate::Budget::Words(10);
    let (digest, _) = summarizer.digest_paths(&[pile], &opts, None, &mut |_| {})?;
    // Each article once, by path: its story (or none).
    let mut story_of: BTreeMap<String, Option<u32>> = BTreeMap::new();
    for (i, st) in digest.stories.iter().enumerate() {
        for d in &st.briefing.documents {
            story_of.insert(d.meta.path.clone(), Some(i as u32));
        }
    }
    for s in &digest.skipped {
        story_of.entry(s.path.clone()).or_insert(None);
    }
    let mut names: BTreeMap<String, u32> = BTreeMap::new();
    let mut gold = Vec::with_capacity(story_of.len());
    let mut story = Vec::with_capacity(story_of.len());
    let mut next = digest.stories.len() as u32;
    for (path, s) in &story_of {
        let c = cluster_of(pile, path);
        let id = names.len() as u32;
        gold.push(*names.entry(c).or_insert(id));
        story.push(s.unwrap_or_else(|| {
            next += 1;
            next - 1
        }));
    }
    let scores = score(&gold, &story);
    let per_cluster = names
        .iter()
        .map(|(name, &g)| {
            let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
            for (i, _) in gold.iter().enumerate().filter(|&(_, &x)| x == g) {
                *counts.entry(story[i]).or_default() += 1;
            }
            let (&top, &largest) = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .unwrap_or((&0, &0));
            let in_top = story.iter().filter(|&&s| s == top).count();
            ClusterResult {
                cluster: name.clone(),
                articles: counts.values().sum(),
                stories: counts.len(),
                largest,
                intruders: in_top - largest,
            }
        })
        .collect();
    Ok(PileEvaluation {
        pile: pile.display().to_string(),
        options: opts,
        scores,
        per_cluster,
    })
}

/// Writes an evaluation as text (with a line per gold cluster when `per_cluster`) or JSON.
pub fn render(
    eval: &PileEvaluation,
    json: bool,
    per_cluster: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if json {
        if per_cluster {
            serde_json::to_writer_pretty(&mut *out, eval)?;
        } else {
            let mut v = serde_json::to_value(eval).map_err(io::Error::other)?;
            if let Some(m) = v.as_object_mut() {
                m.remove("per_cluster");
            }
            serde_json::to_writer_pretty(&mut *out, &v)?;
        }
        return writeln!(out);
    }
    let s = &eval.scores;
    writeln!(out, "stories of {}", eval.pile)?;
    writeln!(
        out,
        "{} articles · {} clusters · {} stories (link {}, window {} days)",
        s.articles, s.clusters, s.stories, eval.options.link, eval.options.window_days
    )?;
    writeln!(
        out,
        "B-cubed precision {:.4}  recall {:.4}  F1 {:.4}  NMI {:.4}",
        s.precision, s.recall, s.f1, s.nmi
    )?;
    if per_cluster {
        writeln!(out, "cluster\tarticles\tstories\tlargest\tintruders")?;
        for c in &eval.per_cluster {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                c.cluster, c.articles, c.stories, c.largest, c.intruders
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_grouping() {
        let s = score(&[0, 0, 1, 1, 1], &[7, 7, 3, 3, 3]);
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && close(s.f1, 1.0));
        assert!(close(s.nmi, 1.0));
        assert_eq!((s.articles, s.clusters, s.stories), (5, 2, 2));
    }

    #[test]
    fn all_singletons() {
        // Clusters {0,1,2,3} and {4,5}: every article alone.
        let s = score(&[0, 0, 0, 0, 1, 1], &[0, 1, 2, 3, 4, 5]);
        assert!(close(s.precision, 1.0));
        // Recall: four articles at 1/4, two at 1/2: (1 + 1) / 6.
        assert!(close(s.recall, 2.0 / 6.0));
        assert!(close(s.f1, 2.0 * (1.0 / 3.0) / (1.0 + 1.0 / 3.0)));
        assert_eq!(s.stories, 6);
    }

    #[test]
    fn one_story_for_everything() {
        let s = score(&[0, 0, 0, 0, 1, 1], &[9; 6]);
        // Precision: four articles at 4/6, two at 2/6: (16 + 4) / 36.
        assert!(close(s.precision, 20.0 / 36.0));
        assert!(close(s.recall, 1.0));
        assert!(close(s.nmi, 0.0));
    }

    #[test]
    fn worked_example() {
        // Gold A = {0,1,2}, B = {3,4}; stories X = {0,1}, Y = {2,3,4}.
        let s = score(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        // Precision: 0,1 -> 2/2; 2 -> 1/3; 3,4 -> 2/3. (1 + 1 + 1/3 + 2/3 + 2/3) / 5.
        assert!(close(s.precision, (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0));
        // Recall: 0,1 -> 2/3; 2 -> 1/3; 3,4 -> 2/2. (4/3 + 1/3 + 2) / 5.
        assert!(close(s.recall, (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0));
        // NMI by hand: H(G) = H(S) = H(3/5, 2/5); I = sum over cells.
        let h = -(0.6f64 * 0.6f64.ln() + 0.4 * 0.4f64.ln());
        let cell = |c: f64, g: f64, st: f64| c / 5.0 * (c * 5.0 / (g * st)).ln();
        let mi = cell(2.0, 3.0, 2.0) + cell(1.0, 3.0, 3.0) + cell(2.0, 2.0, 3.0);
        assert!(close(s.nmi, mi / h));
    }

    #[test]
    fn labels_are_arbitrary() {
        let a = score(&[0, 0, 1, 2], &[0, 1, 1, 2]);
        let b = score(&[5, 5, 9, 1], &[40, 3, 3, 8]);
        assert_eq!(a, b);
    }

    #[test]
    fn clusters_are_the_first_folder_below_the_pile() {
        let pile = Path::new("/p/pile");
        assert_eq!(cluster_of(pile, "/p/pile/d30003t/APW1.txt"), "d30003t");
        assert_eq!(cluster_of(pile, "/p/pile/a/b/c.txt"), "a");
        assert_eq!(cluster_of(pile, "/elsewhere/x.txt"), "/elsewhere/x.txt");
    }
}
