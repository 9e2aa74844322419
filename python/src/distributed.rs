//! The steps of the distributed digest (`briefing/distributed.py` runs them as Ray tasks): the
//! library's `briefing::digest::shard`, with bytes in and out and the GIL released. Each
//! step builds its summarizer from the same options, so every task of a run reads and briefs
//! as one machine would.

use std::path::PathBuf;

use briefing::digest::shard;
use briefing::text::ingest::{self, Source};
use briefing::{DigestOptions, Summarizer};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::{Input, detached, digest_options};

/// A listing's sources as Python sees them: `(path, name)`.
type PySource = (PathBuf, String);
/// A listing's sources as Python is given them: `(path, name, size in bytes)`.
type Listing = Vec<(String, String, u64)>;

fn sources(list: Vec<PySource>) -> Vec<Source> {
    list.into_iter()
        .map(|(path, name)| Source { path, name })
        .collect()
}

fn input(
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> Input {
    Input {
        paths: Vec::new(),
        records: None,
        language,
        method,
        fields,
        threads,
    }
}

fn bytes(py: Python<'_>, b: &[u8]) -> Py<PyBytes> {
    PyBytes::new(py, b).unbind()
}

/// The sources of `paths` in listing order, `(path, name, size in bytes)`, and what listing
/// them skipped (bytes for `reduce_shards`).
#[pyfunction]
fn list_sources(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<(Listing, Py<PyBytes>)> {
    let (list, listed) = detached(py, move || {
        let (sources, listed) = ingest::sources(&paths)?;
        if sources.iter().any(Source::is_stdin) {
            return Err(briefing::Error::Config(
                "standard input cannot be read in shards: save it to a file".into(),
            ));
        }
        let list = sources
            .into_iter()
            .map(|s| {
                let size = s.len();
                (s.path.to_string_lossy().into_owned(), s.name, size)
            })
            .collect();
        Ok((list, shard::encode_listed(&listed)))
    })?;
    Ok((list, bytes(py, &listed)))
}

/// Reads, cleans and splits a shard's sources: `(corpus, summary)`, the corpus to keep where
/// it was made and the summary (heads and signatures) for `reduce_shards`.
#[pyfunction]
#[pyo3(signature = (sources, *, language=None, method=None, fields=Vec::new(), threads=None))]
fn map_shard(
    py: Python<'_>,
    sources: Vec<PySource>,
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<(Py<PyBytes>, Py<PyBytes>)> {
    let input = input(language, method, fields, threads);
    let mapped = detached(py, move || {
        let s = Summarizer::new(input.config()?)?;
        s.map_shard(&self::sources(sources))
    })?;
    Ok((bytes(py, &mapped.corpus), bytes(py, &mapped.summary)))
}

/// The summary of a shard that could not be mapped: each source skipped with `reason`.
#[pyfunction]
fn failed_shard(py: Python<'_>, sources: Vec<PySource>, reason: String) -> Py<PyBytes> {
    bytes(py, &shard::failed_summary(&self::sources(sources), &reason))
}

/// The plan of a digest from every shard's summary, in listing order: `(head, stories,
/// requests, shards)` (see `briefing::digest::shard::Plan`).
#[pyfunction]
#[pyo3(signature = (listed, summaries, *, stories=None, words=None, sentences=None,
                    chars=None, link=None, window_days=None, language=None, method=None,
                    fields=Vec::new(), threads=None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn reduce_shards(
    py: Python<'_>,
    listed: Vec<u8>,
    summaries: Vec<Vec<u8>>,
    stories: Option<usize>,
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    link: Option<f32>,
    window_days: Option<u32>,
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<(
    Py<PyBytes>,
    Vec<Py<PyBytes>>,
    Vec<Py<PyBytes>>,
    Vec<Vec<usize>>,
)> {
    let input = input(language, method, fields, threads);
    let plan = detached(py, move || {
        let opts = digest_options(stories, words, sentences, chars, link, window_days)?;
        let s = Summarizer::new(input.config()?)?;
        let summaries: Vec<&[u8]> = summaries.iter().map(Vec::as_slice).collect();
        s.reduce_shards(&listed, &summaries, &opts)
    })?;
    let list = |v: &[Vec<u8>]| v.iter().map(|b| bytes(py, b)).collect::<Vec<_>>();
    Ok((
        bytes(py, &plan.head),
        list(&plan.stories),
        list(&plan.requests),
        plan.shards,
    ))
}

/// A shard's part of each planned story: its articles that `request` names.
#[pyfunction]
fn extract(py: Python<'_>, corpus: Vec<u8>, request: Vec<u8>) -> PyResult<Vec<Py<PyBytes>>> {
    let parts = detached(py, move || shard::extract(&corpus, &request))?;
    Ok(parts.iter().map(|p| bytes(py, p)).collect())
}

/// One planned story briefed from its parts (in the order of the plan's shards): its JSON as
/// it stands in the digest.
#[pyfunction]
#[pyo3(signature = (story, parts, *, words=None, sentences=None, chars=None, language=None,
                    method=None, fields=Vec::new(), threads=None))]
#[allow(clippy::too_many_arguments)]
fn brief_parts(
    py: Python<'_>,
    story: Vec<u8>,
    parts: Vec<Vec<u8>>,
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<String> {
    let input = input(language, method, fields, threads);
    detached(py, move || {
        let opts: DigestOptions = digest_options(None, words, sentences, chars, None, None)?;
        let s = Summarizer::new(input.config()?)?;
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        s.brief_parts(&story, &parts, &opts)
    })
}

/// The digest's JSON text (`briefing digest --format json`): the plan's head and the briefed
/// stories in rank order.
#[pyfunction]
fn digest_json(py: Python<'_>, head: Vec<u8>, stories: Vec<String>) -> PyResult<String> {
    detached(py, move || shard::digest_json(&head, &stories))
}

/// Adds the steps to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(list_sources, m)?)?;
    m.add_function(wrap_pyfunction!(map_shard, m)?)?;
    m.add_function(wrap_pyfunction!(failed_shard, m)?)?;
    m.add_function(wrap_pyfunction!(reduce_shards, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(brief_parts, m)?)?;
    m.add_function(wrap_pyfunction!(digest_json, m)?)?;
    Ok(())
}
