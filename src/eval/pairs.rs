//! Pairing summaries with their references on disk, for `briefing eval`.
//!
//! Contract: every regular, non-hidden file in the summaries folder is one summary; its name
//! without a `.txt`, `.spl` or `.json` extension (in any case: EASC has `.TXT`) is its cluster
//! name. Its references are, in
//! this order of preference: all files in `REFERENCES/<name>/`, or else every file in
//! `REFERENCES/` whose name starts with `<name>.` or `<name>_` (case-insensitively), which is how
//! ROUGE tool kits (`d30003t.0`, `d30003t.1`) and EASC (`Art and Music (1)_A.txt`) name them.
//! A summary is a text file with one sentence per line, or the JSON that
//! `briefing summarize --format json` writes (its `sentences[].text`). A summary without
//! references is reported, not scored. A summary or reference that cannot be read (not text,
//! malformed JSON) is a [`Skipped`] entry and the rest is scored; a cluster whose references
//! all failed is not scored.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result, SkipKind, Skipped};
use crate::eval::rouge::{Averages, Options, Scores, average, evaluate};
use crate::text::ingest::decode;

/// The scores of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterScores {
    /// The cluster's name (the summary's file name without extension).
    pub name: String,
    /// How many references it was scored against.
    pub references: usize,
    /// Its scores.
    pub scores: Scores,
}

/// The result of scoring a folder of summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The options used.
    pub options: Options,
    /// Averages over the scored clusters (ROUGE-1.5.5's bootstrap averages).
    pub average: Averages,
    /// Every scored cluster, by name.
    pub clusters: Vec<ClusterScores>,
    /// Summaries that had no reference (not scored).
    pub unmatched: Vec<String>,
    /// Summaries and references that could not be read, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    Error::Input {
        path: path.to_owned(),
        source,
    }
}

/// The non-hidden entries of a folder, sorted.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    out.sort();
    Ok(out)
}

/// A cluster name: the file name without a `.txt`, `.spl` or `.json` extension (any case).
pub fn cluster_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    for ext in [".txt", ".spl", ".json"] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_owned();
        }
    }
    name
}

/// The lines of a summary file (sentences of a briefing JSON, or the text's lines).
pub fn read_lines(path: &Path) -> Result<Vec<String>> {
    let bytes = std::fs::read(path).map_err(|e| read_error(path, e))?;
    let text = decode(&bytes).map_err(|reason| {
        read_error(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, reason),
        )
    })?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let invalid = |m: String| {
            read_error(
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, m),
            )
        };
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        let sentences = v
            .get("sentences")
            .and_then(|s| s.as_array())
            .ok_or_else(|| invalid("JSON has no \"sentences\" list".into()))?;
        return Ok(sentences
            .iter()
            .filter_map(|s| s.get("text").and_then(|t| t.as_str()).or(s.as_str()))
            .map(str::to_owned)
            .collect());
    }
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r').to_owned())
        .collect())
}

/// The reference files of a cluster.
pub fn references_for(name: &str, references: &Path) -> Result<Vec<PathBuf>> {
    let sub = references.join(name);
    if sub.is_dir() {
        return files_in(&sub);
    }
    let lower = name.to_lowercase();
    Ok(files_in(references)?
        .into_iter()
        .filter(|p| p.is_file())
        .filter(|p| {
            let f = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            f.starts_with(&format!("{lower}.")) || f.starts_with(&format!("{lower}_"))
        })
        .collect())
}

/// Scores every summary in a folder against its references.
pub fn evaluate_dirs(summaries: &Path, references: &Path, opts: &Options) -> Result<Evaluation> {
    opts.validate()?;
    let mut clusters = Vec::new();
    let mut unmatched = Vec::new();
    let mut skipped = Vec::new();
    let mut read = |path: &Path| match read_lines(path) {
        Ok(lines) => Some(lines),
        Err(e) => {
            let reason = match &e {
                Error::Input { source, .. } => format!("cannot score: {source}"),
                other => format!("cannot score: {other}"),
            };
            skipped.push(Skipped::new(
                SkipKind::Malformed,
                path.display().to_string(),
                reason,
            ));
            None
        }
    };
    for path in files_in(summaries)?.into_iter().filter(|p| p.is_file()) {
        let name = cluster_name(&path);
        let refs = references_for(&name, references)?;
        if refs.is_empty() {
            unmatched.push(name);
            continue;
        }
        let Some(peer) = read(&path) else { continue };
        let models: Vec<Vec<String>> = refs.iter().filter_map(|r| read(r)).collect();
        if models.is_empty() {
            continue;
        }
        clusters.push(ClusterScores {
            name,
            references: models.len(),
            scores: evaluate(&peer, &models, opts),
        });
    }
    if clusters.is_empty() {
        return Err(Error::Config(format!(
            "no summary in {} has a reference in {} (see `briefing eval --help` for the naming rule)",
            summaries.display(),
            references.display()
        )));
    }
    let mut evaluation = Evaluation::new(*opts, clusters, unmatched);
    evaluation.skipped = skipped;
    Ok(evaluation)
}

impl Evaluation {
    /// Averages per-cluster scores into an evaluation.
    pub fn new(options: Options, mut clusters: Vec<ClusterScores>, unmatched: Vec<String>) -> Self {
        // ROUGE-1.5.5 visits its instances sorted by "<eval id>.<peer id>".
        clusters.sort_by_key(|c| format!("{}.", c.name));
        let all: Vec<Scores> = clusters.iter().map(|c| c.scores).collect();
        Evaluation {
            options,
            average: average(&all),
            clusters,
            unmatched,
            skipped: Vec::new(),
        }
    }
}
