//! ROUGE (Lin 2004), computed the way ROUGE-1.5.5 computes it, so that figures can be set beside
//! the literature's; with one deliberate difference for non-Latin text.
//!
//! Contract: [`evaluate`] scores one peer summary against one or more model (reference)
//! summaries, each a list of lines (one sentence per line, ROUGE's "SPL" format), and returns
//! recall, precision and F for ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4. It follows
//! ROUGE-1.5.5 step by step:
//! - lines are lower-cased (ASCII `A-Z` only, as `tr/A-Z/a-z/`); a word limit (`-l N`) keeps
//!   the first N whitespace-separated words of the lines in order, a byte limit (`-b N`) the
//!   first N bytes; then `-` is spaced out and every character outside `[A-Za-z0-9-]` becomes a
//!   space; tokens not starting with `[a-z0-9]` (the lone `-`) are dropped;
//! - stemming (`-m`) applies to tokens of more than three characters: the WordNet 2.0
//!   exception list (`resources/rouge/wordnet-exceptions.txt`) first, else ROUGE's own Porter
//!   stemmer ([`porter`]); stop-word removal (`-s`) is not offered yet;
//! - ROUGE-N counts clipped n-gram hits per model; with `-f A` hits and counts are summed over
//!   models (`R = hits / model n-grams`, `P = hits / (peer n-grams x models)`), with `-f B` the
//!   best model by recall is kept; `F = P R / ((1 - a) P + a R)`;
//! - ROUGE-L is the summary-level union LCS with unigram clipping (under a byte limit its
//!   lines are truncated with ROUGE-1.5.5's own quirk, see `prepare`), and ROUGE-SU4 the skip
//!   bigrams within a distance of 4 plus unigrams (ROUGE-1.5.5 never counts the last token's
//!   unigram; neither do we);
//! - every per-summary figure is rounded to five decimals (`%7.5f`), as the Perl does before
//!   averaging.
//!
//! The one difference, [`Tokenizer::Unicode`] (the default): ROUGE-1.5.5 deletes every
//! character outside `[A-Za-z0-9-]`, so Arabic text scores zero. The Unicode tokenizer keeps
//! letters and digits of every script, folds them as the pipeline does (`normalize::fold`:
//! Arabic marks, alef forms, `ى`, `ة`, case), and otherwise behaves the same; on ASCII text the
//! two give the same tokens. [`Tokenizer::Rouge155`] reproduces the Perl exactly.
//!
//! Averaging over clusters ([`average`]) replays ROUGE-1.5.5's bootstrap exactly (its resample
//! `i` is drawn after `srand(i)`, and Perl's generator is a portable drand48), so the averages
//! and 95% confidence intervals are the ones it prints, not just close to them.

pub mod porter;
mod stats;

pub use stats::{Averaged, Averages, average, bootstrap};

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::config::named;
use crate::text::normalize::{fold, is_arabic_mark};

const EXCEPTIONS: &str = include_str!("../../../resources/rouge/wordnet-exceptions.txt");

static WORDNET: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    EXCEPTIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// How text is cut into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tokenizer {
    /// Letters and digits of every script, folded (the default; see the module docs).
    #[default]
    Unicode,
    /// ROUGE-1.5.5's: only `[A-Za-z0-9]` survive.
    Rouge155,
}

named! {
    Tokenizer {
        Unicode => "unicode", "letters and digits of every script, folded like the pipeline's keys";
        Rouge155 => "rouge155", "ROUGE-1.5.5's tokens: only A-Z, a-z, 0-9 survive";
    }
}

/// How a summary is truncated before scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase", tag = "unit", content = "limit")]
pub enum Limit {
    /// The whole summary.
    #[default]
    None,
    /// The first N words (`-l N`).
    Words(usize),
    /// The first N bytes (`-b N`).
    Bytes(usize),
}

/// How several references are combined (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum ScoreMode {
    /// `-f A`: hits and counts summed over the references.
    #[default]
    Average,
    /// `-f B`: the single best reference.
    Best,
}

/// The default weight of recall in F (`-p 0.5`: F1).
pub const ALPHA: f64 = 0.5;

/// Scoring options (ROUGE-1.5.5's flags in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Options {
    /// Porter stemming with WordNet exceptions (`-m`).
    pub stem: bool,
    /// Truncation of peers and models (`-l`, `-b`).
    pub limit: Limit,
    /// Weight of recall in F (`-p`, 0.5 = F1).
    pub alpha: f64,
    /// Combination of references (`-f`).
    pub mode: ScoreMode,
    /// Tokenizer.
    pub tokenizer: Tokenizer,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            stem: true,
            limit: Limit::None,
            alpha: ALPHA,
            mode: ScoreMode::Average,
            tokenizer: Tokenizer::Unicode,
        }
    }
}

impl Options {
    /// Checks that the options can be honoured.
    pub fn validate(&self) -> crate::Result<()> {
        if !(0.0..=1.0).contains(&self.alpha) {
            return Err(crate::Error::Config(format!(
                "the recall weight alpha must be within 0..=1, got {}",
                self.alpha
            )));
        }
        if matches!(self.limit, Limit::Words(0) | Limit::Bytes(0)) {
            return Err(crate::Error::Config(
                "a ROUGE length limit must be at least 1".into(),
            ));
        }
        Ok(())
    }
}

/// Recall, precision and F of one measure, in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// Recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// F-measure with the configured alpha.
    pub f: f64,
}

/// The four measures of one summary (or their averages).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Scores {
    /// ROUGE-1.
    pub rouge_1: Prf,
    /// ROUGE-2.
    pub rouge_2: Prf,
    /// ROUGE-L.
    pub rouge_l: Prf,
    /// ROUGE-SU4.
    pub rouge_su4: Prf,
}

/// `%7.5f` as Perl prints it (round half to even on the binary value, as C's printf).
pub(crate) fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(0.0)
}

/// Truncates lines to a limit, lower-cased (ASCII), as `readText_LCS` does.
fn truncate(lines: &[String], limit: Limit) -> Vec<String> {
    let lower: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.to_ascii_lowercase())
        .collect();
    match limit {
        Limit::None => lower,
        Limit::Words(n) => {
            let mut out = Vec::new();
            let mut used = 0;
            for s in lower {
                let words: Vec<&str> = perl_split(&s);
                if used + words.len() < n {
                    used += words.len();
                    out.push(s);
                } else {
                    out.push(words[..n - used].join(" "));
                    break;
                }
            }
            out
        }
        Limit::Bytes(n) => {
            let mut out = Vec::new();
            let mut used = 0;
            for s in lower {
                if used + s.len() < n {
                    used += s.len();
                    out.push(s);
                } else {
                    let mut end = n - used;
                    while !s.is_char_boundary(end) {
                        end -= 1;
                    }
                    out.push(s[..end].to_owned());
                    break;
                }
            }
            out
        }
    }
}

/// Perl's `split(/\s+/, $s)`: a leading empty field is kept, trailing ones dropped.
fn perl_split(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.split(char::is_whitespace).collect();
    let lead_empty = s.starts_with(char::is_whitespace);
    v.retain(|w| !w.is_empty());
    if lead_empty {
        v.insert(0, "");
    }
    v
}

/// Tokens of one (already truncated, lower-cased) line.
fn tokens(line: &str, opts: &Options) -> Vec<String> {
    let keep = |c: char| match opts.tokenizer {
        Tokenizer::Rouge155 => c.is_ascii_alphanumeric(),
        Tokenizer::Unicode => c.is_alphanumeric() || is_arabic_mark(c),
    };
    let spaced = line.replace('-', " - ");
    let cleaned: String = spaced
        .chars()
        .map(|c| if keep(c) || c == '-' { c } else { ' ' })
        .collect();
    cleaned
        .split_whitespace()
        .filter_map(|t| {
            let t = match opts.tokenizer {
                Tokenizer::Rouge155 => t.to_owned(),
                Tokenizer::Unicode => fold(t),
            };
            let first = t.chars().next()?;
            let starts_ok = match opts.tokenizer {
                Tokenizer::Rouge155 => first.is_ascii_lowercase() || first.is_ascii_digit(),
                Tokenizer::Unicode => first.is_alphanumeric(),
            };
            if !starts_ok {
                return None;
            }
            if opts.stem && t.chars().count() > 3 {
                return Some(match WORDNET.get(t.as_str()) {
                    Some(base) => (*base).to_owned(),
                    None => porter::stem(&t),
                });
            }
            Some(t)
        })
        .collect()
}

/// A summary prepared for scoring: its tokens per line and all together.
struct Prepared {
    lines: Vec<Vec<String>>,
    all: Vec<String>,
}

fn prepare(lines: &[String], opts: &Options) -> Prepared {
    let tokenized =
        |ls: Vec<String>| -> Vec<Vec<String>> { ls.iter().map(|l| tokens(l, opts)).collect() };
    let all: Vec<String> = tokenized(truncate(lines, opts.limit))
        .into_iter()
        .flatten()
        .collect();
    let lines = match opts.limit {
        // ROUGE-1.5.5's readText_LCS never adds up the bytes it kept: under `-b N` ROUGE-L sees
        // every line shorter than N bytes up to the first longer one, cut at N. Reproduced so
        // that ROUGE-L figures with a byte limit match the literature's.
        Limit::Bytes(n) => {
            let mut kept = Vec::new();
            for l in lines
                .iter()
                .filter(|l| !l.is_empty())
                .map(|l| l.to_ascii_lowercase())
            {
                if l.len() < n {
                    kept.push(l);
                } else {
                    let mut end = n;
                    while !l.is_char_boundary(end) {
                        end -= 1;
                    }
                    kept.push(l[..end].to_owned());
                    break;
                }
            }
            tokenized(kept)
        }
        _ => tokenized(truncate(lines, opts.limit)),
    };
    Prepared { lines, all }
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<Vec<&str>, usize> {
    let mut m = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *m.entry(w.iter().map(String::as_str).collect()).or_insert(0) += 1;
        }
    }
    m
}

fn skip_bigrams(tokens: &[String], distance: usize) -> HashMap<Vec<&str>, usize> {
    let mut m = HashMap::new();
    let n = tokens.len();
    for i in 0..n.saturating_sub(1) {
        *m.entry(vec![tokens[i].as_str()]).or_insert(0) += 1;
        for j in i + 1..n.min(i + distance + 2) {
            *m.entry(vec![tokens[i].as_str(), tokens[j].as_str()])
                .or_insert(0) += 1;
        }
    }
    m
}

fn hits(model: &HashMap<Vec<&str>, usize>, peer: &HashMap<Vec<&str>, usize>) -> usize {
    model
        .iter()
        .map(|(g, &c)| peer.get(g).map_or(0, |&p| p.min(c)))
        .sum()
}

/// Per-model (hit, model count, peer count) triples combined by the score mode.
fn combine(per_model: &[(usize, usize, usize)], opts: &Options) -> Prf {
    let (hit, model, peer) = match opts.mode {
        ScoreMode::Average => per_model
            .iter()
            .fold((0, 0, 0), |a, t| (a.0 + t.0, a.1 + t.1, a.2 + t.2)),
        ScoreMode::Best => {
            let mut best: Option<(f64, (usize, usize, usize))> = None;
            for &t in per_model {
                let score = if t.1 > 0 {
                    round5(t.0 as f64 / t.1 as f64)
                } else {
                    0.0
                };
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, t));
                }
            }
            best.map_or((0, 0, 0), |b| b.1)
        }
    };
    let r = if model > 0 {
        round5(hit as f64 / model as f64)
    } else {
        0.0
    };
    let p = if peer > 0 {
        round5(hit as f64 / peer as f64)
    } else {
        0.0
    };
    let denom = (1.0 - opts.alpha) * p + opts.alpha * r;
    let f = if denom > 0.0 {
        round5(p * r / denom)
    } else {
        0.0
    };
    Prf {
        recall: r,
        precision: p,
        f,
    }
}

/// Marks the model positions on one LCS path with the peer line (ROUGE's `lcs_inner`).
fn mark_lcs(model: &[String], peer: &[String], mask: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 {
        return;
    }
    // 0 = diagonal, 1 = up, 2 = left
    let mut c = vec![vec![0u32; n + 1]; m + 1];
    let mut b = vec![vec![0u8; n + 1]; m + 1];
    for i in 1..=m {
        for j in 1..=n {
            if model[i - 1] == peer[j - 1] {
                c[i][j] = c[i - 1][j - 1] + 1;
                b[i][j] = 0;
            } else if c[i - 1][j] >= c[i][j - 1] {
                c[i][j] = c[i - 1][j];
                b[i][j] = 1;
            } else {
                c[i][j] = c[i][j - 1];
                b[i][j] = 2;
            }
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[i][j] {
            0 => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            1 => i -= 1,
            _ => j -= 1,
        }
    }
}

/// Union-LCS hits of a peer against one model, clipped by unigram counts (ROUGE's `lcs`).
fn lcs_hits(model: &Prepared, peer: &Prepared) -> (usize, usize) {
    let mut model_1 = ngrams(&model.all, 1);
    let mut peer_1 = ngrams(&peer.all, 1);
    let (mut hit, mut base) = (0, 0);
    for line in &model.lines {
        let mut mask = vec![false; line.len()];
        base += line.len();
        for p in &peer.lines {
            mark_lcs(line, p, &mut mask);
        }
        for (k, t) in line.iter().enumerate() {
            if !mask[k] {
                continue;
            }
            let key = vec![t.as_str()];
            let (Some(mc), Some(pc)) = (model_1.get(&key).copied(), peer_1.get(&key).copied())
            else {
                continue;
            };
            if mc > 0 && pc > 0 {
                hit += 1;
                model_1.insert(key.clone(), mc - 1);
                peer_1.insert(key, pc - 1);
            }
        }
    }
    (hit, base)
}

/// Scores one peer summary against its models (each a list of lines).
pub fn evaluate(peer: &[String], models: &[Vec<String>], opts: &Options) -> Scores {
    let peer = prepare(peer, opts);
    let models: Vec<Prepared> = models.iter().map(|m| prepare(m, opts)).collect();
    let ngram_measure = |n: usize| {
        let pg = ngrams(&peer.all, n);
        let pc: usize = pg.values().sum();
        let per: Vec<_> = models
            .iter()
            .map(|m| {
                let mg = ngrams(&m.all, n);
                (hits(&mg, &pg), mg.values().sum(), pc)
            })
            .collect();
        combine(&per, opts)
    };
    let su4 = {
        let pg = skip_bigrams(&peer.all, 4);
        let pc: usize = pg.values().sum();
        let per: Vec<_> = models
            .iter()
            .map(|m| {
                let mg = skip_bigrams(&m.all, 4);
                (hits(&mg, &pg), mg.values().sum(), pc)
            })
            .collect();
        combine(&per, opts)
    };
    let lcs = {
        let per: Vec<_> = models
            .iter()
            .map(|m| {
                let (hit, base) = lcs_hits(m, &peer);
                (hit, base, peer.all.len())
            })
            .collect();
        combine(&per, opts)
    };
    Scores {
        rouge_1: ngram_measure(1),
        rouge_2: ngram_measure(2),
        rouge_l: lcs,
        rouge_su4: su4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn identical_summary_scores_one() {
        let s = lines(&["The storm closed the bridge.", "Ferries ran instead."]);
        let r = evaluate(&s, std::slice::from_ref(&s), &Options::default());
        assert_eq!(r.rouge_1.recall, 1.0);
        assert_eq!(r.rouge_2.f, 1.0);
        assert_eq!(r.rouge_l.recall, 1.0);
        assert_eq!(r.rouge_su4.precision, 1.0);
    }

    #[test]
    fn rouge155_drops_arabic_unicode_keeps_it() {
        let s = lines(&["أكد الوزير الجعفري"]);
        let m = vec![lines(&["اكد الوزير"])];
        let strict = Options {
            tokenizer: Tokenizer::Rouge155,
            ..Options::default()
        };
        assert_eq!(evaluate(&s, &m, &strict).rouge_1.recall, 0.0);
        assert_eq!(evaluate(&s, &m, &Options::default()).rouge_1.recall, 1.0);
    }

    #[test]
    fn word_limit_truncates_across_lines() {
        let t = truncate(
            &lines(&["One two three.", "Four five six."]),
            Limit::Words(4),
        );
        assert_eq!(t, vec!["one two three.", "four"]);
    }

    #[test]
    fn hyphens_split_and_dropped() {
        let o = Options {
            stem: false,
            ..Options::default()
        };
        assert_eq!(
            tokens("well-known $5 u.s.", &o),
            vec!["well", "known", "5", "u", "s"]
        );
    }

    #[test]
    fn wordnet_exceptions_before_porter() {
        let o = Options::default();
        assert_eq!(
            tokens("children went quickly", &o),
            vec!["child", "go", "quickli"]
        );
    }

    #[test]
    fn su4_skips_last_unigram_like_rouge155() {
        let t: Vec<String> = lines(&["a", "b", "c"]);
        let g = skip_bigrams(&t, 4);
        assert_eq!(g.values().sum::<usize>(), 2 + 3); // unigrams a, b; bigrams ab, ac, bc
    }
}
