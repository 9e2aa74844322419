//! Evaluation datasets on disk, and the summarizer scored on all their clusters.
//!
//! Contract: [`load`] reads every cluster of a dataset with its human references; a cluster
//! without references is left out. Two layouts:
//! - [`Layout::Duc`], as NIST distributes DUC 2003/2004: a folder of clusters (`d30003t/`,
//!   one SGML file per article with `DOCNO`, optional `HEADLINE` and `TEXT` elements; the file
//!   name stands in for a missing `DOCNO`) and a folder of
//!   model summaries named `D30003.M.100.T.A` (cluster number, `M`, length in words, task
//!   letter, assessor). Under PATH they are found as the folders holding `d*` cluster folders
//!   and `D*.M.*` files, wherever they are below PATH. The references of cluster `dNNNNNx` are
//!   `DNNNNN.M.<words>.X.*`. Article dates come from the DOCNO (`APW20240305.0151`).
//! - [`Layout::Multiling`]: plain-text articles in `PATH/source/<cluster>/` and references in
//!   `PATH/models/`, paired by the rule of `briefing eval --references` (a `<cluster>/` folder,
//!   or files named `<cluster>.*` / `<cluster>_*`). `sources/` or `Articles/` and `summaries/` or
//!   `Summaries/` are accepted too, and a lone file in the source folder is a one-article
//!   cluster, so EASC (`Articles/<name>.txt`, `Summaries/<name>_A.txt`) loads as it is.
//!
//! [`evaluate`] scores the summarizer and the baselines of [`baselines`] on every cluster.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::config::{Budget, Config, named};
use crate::corpus::RawDocument;
use crate::error::{Error, Result};
use crate::eval::baselines;
use crate::eval::pairs::{ClusterScores, Evaluation};
use crate::eval::pairs::{files_in, read_lines, references_for};
use crate::eval::rouge::{self, Limit, Options};
use crate::text::ingest::decode;

/// How a dataset is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// NIST DUC: SGML articles in cluster folders, `D*.M.*` model summaries.
    Duc,
    /// Plain-text articles in `source/<cluster>/`, references in `models/`.
    Multiling,
}

named! {
    Layout {
        Duc => "duc", "NIST DUC 2003/2004 layout";
        Multiling => "multiling", "plain-text sources and model summaries (MultiLing-style)";
    }
}

impl Layout {
    /// The word budget when none is given: 100 for DUC (which ROUGE also truncates at 100);
    /// `None` for MultiLing-style sets: each cluster's median reference length, untruncated
    /// (as EASC is scored).
    pub fn default_words(self) -> Option<usize> {
        match self {
            Layout::Duc => Some(100),
            Layout::Multiling => None,
        }
    }
}

/// One cluster of a dataset.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Its name (folder name).
    pub name: String,
    /// Its articles.
    pub documents: Vec<RawDocument>,
    /// Its human references, each a list of lines.
    pub references: Vec<Vec<String>>,
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Input {
        path: path.to_owned(),
        source,
    }
}

/// Every folder below `root` (itself included), breadth first, sorted.
fn folders(root: &Path) -> Result<Vec<PathBuf>> {
    let mut out = vec![root.to_owned()];
    let mut i = 0;
    while i < out.len() {
        let here = out[i].clone();
        out.extend(files_in(&here)?.into_iter().filter(|p| p.is_dir()));
        i += 1;
    }
    Ok(out)
}

static CLUSTER_DIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^d(\d+)([a-z])$").expect("constant pattern"));
/// One DUC SGML article: its DOCNO, headline and text (paragraph tags turned into breaks), as
/// `briefing summarize` reads it too ([`crate::text::ingest::sgml`]).
pub fn parse_sgml(raw: &str, fallback_name: &str) -> RawDocument {
    crate::text::ingest::sgml::article(raw, fallback_name, None)
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    // DUC files are Latin-1; anything that is not UTF-8 is read as Latin-1.
    Ok(decode(&bytes).unwrap_or_else(|_| bytes.iter().map(|&b| char::from(b)).collect()))
}

fn load_duc(root: &Path, words: usize, task: Option<char>) -> Result<Vec<Cluster>> {
    let all = folders(root)?;
    let mut models: Vec<PathBuf> = Vec::new();
    for f in &all {
        models.extend(files_in(f)?.into_iter().filter(|p| {
            p.is_file()
                && p.file_name().is_some_and(|n| {
                    n.to_string_lossy().starts_with('D') && n.to_string_lossy().contains(".M.")
                })
        }));
    }
    let mut clusters = Vec::new();
    for dir in all.iter().filter(|d| {
        d.file_name()
            .is_some_and(|n| CLUSTER_DIR.is_match(&n.to_string_lossy()))
    }) {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let c = CLUSTER_DIR.captures(&name).expect("filtered above");
        if task.is_some_and(|t| !c[2].starts_with(t.to_ascii_lowercase())) {
            continue;
        }
        let prefix = format!("D{}.M.{}.{}.", &c[1], words, c[2].to_uppercase());
        let refs: Vec<&PathBuf> = models
            .iter()
            .filter(|m| {
                m.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        if refs.is_empty() {
            continue;
        }
        let mut documents = Vec::new();
        for f in files_in(dir)?.into_iter().filter(|p| p.is_file()) {
            let fallback = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            documents.push(parse_sgml(&read_text(&f)?, &fallback));
        }
        let references = refs
            .iter()
            .map(|r| Ok(read_text(r)?.lines().map(str::to_owned).collect()))
            .collect::<Result<Vec<Vec<String>>>>()?;
        clusters.push(Cluster {
            name,
            documents,
            references,
        });
    }
    Ok(clusters)
}

/// The first of `names` that is a folder under `root`.
fn first_dir(root: &Path, names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| root.join(n)).find(|p| p.is_dir())
}

fn load_multiling(root: &Path) -> Result<Vec<Cluster>> {
    let missing = |what: &str| Error::Config(format!("{}: no {what} folder", root.display()));
    let source =
        first_dir(root, &["source", "sources", "Articles"]).ok_or_else(|| missing("source/"))?;
    let models =
        first_dir(root, &["models", "summaries", "Summaries"]).ok_or_else(|| missing("models/"))?;
    let mut clusters = Vec::new();
    for entry in files_in(&source)? {
        let name = crate::eval::pairs::cluster_name(&entry);
        let refs = references_for(&name, &models)?;
        if refs.is_empty() {
            continue;
        }
        // A folder is a cluster of articles; a lone file is a one-article cluster (EASC).
        let ingested = crate::text::ingest::read_paths(
            &[&entry],
            &crate::config::Fields::default(),
            crate::config::Limits::default().document_bytes,
        )?;
        clusters.push(Cluster {
            name,
            documents: ingested.documents,
            references: refs.iter().map(|r| read_lines(r)).collect::<Result<_>>()?,
        });
    }
    Ok(clusters)
}

/// The median length in words of a cluster's references (the budget EASC evaluations use).
pub fn median_reference_words(c: &Cluster) -> usize {
    let mut n: Vec<usize> = c
        .references
        .iter()
        .map(|r| r.iter().map(|l| l.split_whitespace().count()).sum())
        .collect();
    n.sort_unstable();
    match n.len() {
        0 => 0,
        k if k % 2 == 1 => n[k / 2],
        k => (n[k / 2 - 1] + n[k / 2]) / 2,
    }
}

/// Reads every cluster (with references) of a dataset. `words` picks the DUC model length and
/// `task` keeps only the DUC clusters of one task letter (`t` for DUC 2003 task 2).
pub fn load(layout: Layout, root: &Path, words: usize, task: Option<char>) -> Result<Vec<Cluster>> {
    let clusters = match layout {
        Layout::Duc => load_duc(root, words, task)?,
        Layout::Multiling => load_multiling(root)?,
    };
    if clusters.is_empty() {
        return Err(Error::Config(format!(
            "no cluster with references found under {} (see `briefing eval --help` for the layouts)",
            root.display()
        )));
    }
    Ok(clusters)
}

/// The systems every dataset evaluation scores, in order: ours and the two baselines.
pub const SYSTEMS: [&str; 3] = ["briefing", "lead", "lead-rr"];

/// Runs the summarizer (configured by `config`, budget aside) and the baselines over every
/// cluster and scores them with `opts`. The budget is `words`, or each cluster's median
/// reference length when `None`; baselines let their last sentence overflow only when ROUGE
/// truncates (`opts.limit`). `progress` is called with each cluster's name once it is scored.
pub fn evaluate(
    clusters: &[Cluster],
    words: Option<usize>,
    config: &Config,
    opts: &Options,
    mut progress: impl FnMut(&str),
) -> Result<Vec<(String, Evaluation)>> {
    opts.validate()?;
    let truncated = opts.limit != Limit::None;
    let summarizer = crate::Summarizer::new(config.clone())?;
    let mut per_system: Vec<Vec<ClusterScores>> = vec![Vec::new(); SYSTEMS.len()];
    for c in clusters {
        let budget = words.unwrap_or_else(|| median_reference_words(c)).max(1);
        let corpus = summarizer.corpus(c.documents.clone());
        let ours: Vec<String> = match summarizer.summarize_corpus(&corpus, Budget::Words(budget)) {
            Ok(b) => b.sentences.into_iter().map(|s| s.text).collect(),
            Err(Error::NoDocuments { .. }) => Vec::new(),
            Err(e) => return Err(e),
        };
        let outputs = [
            ours,
            baselines::lead(&corpus, budget, truncated),
            baselines::lead_rr(&corpus, budget, truncated),
        ];
        for (k, lines) in outputs.iter().enumerate() {
            per_system[k].push(ClusterScores {
                name: c.name.clone(),
                references: c.references.len(),
                scores: rouge::evaluate(lines, &c.references, opts),
            });
        }
        progress(&c.name);
    }
    Ok(SYSTEMS
        .iter()
        .zip(per_system)
        .map(|(n, scores)| (n.to_string(), Evaluation::new(*opts, scores, Vec::new())))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgml_article_parsed() {
        // (tags written with inner spaces, which the parser tolerates)
        let raw = "<DOC>\n<DOCNO > APW20240305.0151 </DOCNO >\n<HEADLINE> Storm &amp; bridge </HEADLINE>\n<TEXT>\n<P>\nOne sentence.\n</P>\n<P>\nTwo &amp; three.\n</P>\n</TEXT>\n</DOC>\n";
        let d = parse_sgml(raw, "x");
        assert_eq!(d.meta.id, "APW20240305.0151");
        assert_eq!(d.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(d.meta.title.as_deref(), Some("Storm & bridge"));
        assert!(d.text.contains("One sentence.") && d.text.contains("Two & three."));
        assert!(!d.text.contains("<P>"));
    }
}
