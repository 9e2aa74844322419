//! `briefing._briefing`: the compiled half of the Python package `briefing`.
//!
//! Each function takes what the Python API (`briefing/__init__.py`) was given, already sorted
//! into paths and in-memory records (a JSON array of article objects), runs the library with
//! the GIL released, and returns the result as the JSON text `briefing ... --format json`
//! writes: the very serializer of the binary, so the Python objects the package builds from it
//! (`json.loads`) have the binary's structure by construction. Library errors become the
//! exceptions of `briefing.errors`, with the library's messages.

mod distributed;

use std::path::PathBuf;

use briefing::config::{self, Named};
use briefing::render::{self, SplitFormat};
use briefing::text::ingest;
use briefing::{
    Budget, Config, Corpus, DigestOptions, Error, Format, Language, Method, Summarizer,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Where in-memory records are said to come from: `articles#0`, `articles#1`, ... in `path`,
/// and in `id` for a record without one.
const RECORDS: &str = "articles";

/// The Python exception for a library error: the class of `briefing.errors` that matches, with
/// the library's message and, for [`Error::NoDocuments`], the `skipped` entries.
fn to_py(py: Python<'_>, e: Error) -> PyErr {
    let class = match &e {
        Error::Config(_) => "ConfigError",
        Error::NoDocuments { .. } => "NoDocumentsError",
        Error::Input { .. } => "InputError",
        Error::Output(_) => "OutputError",
        _ => "BriefingError",
    };
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let build = || -> PyResult<PyErr> {
        let err = py
            .import("briefing.errors")?
            .getattr(class)?
            .call1((&message,))?;
        if let Error::NoDocuments { skipped } = &e {
            let list = PyList::empty(py);
            for s in skipped {
                let entry = PyDict::new(py);
                entry.set_item("path", &s.path)?;
                entry.set_item("reason", &s.reason)?;
                list.append(entry)?;
            }
            err.setattr("skipped", list)?;
        }
        Ok(PyErr::from_value(err))
    };
    build().unwrap_or_else(|_| pyo3::exceptions::PyRuntimeError::new_err(message))
}

/// Runs library work with the GIL released, mapping its error to a Python exception.
pub(crate) fn detached<T: Send>(
    py: Python<'_>,
    work: impl Send + FnOnce() -> briefing::Result<T>,
) -> PyResult<T> {
    py.detach(work).map_err(|e| to_py(py, e))
}

/// The options every call shares.
pub(crate) struct Input {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) records: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) method: Option<String>,
    pub(crate) fields: Vec<String>,
    pub(crate) threads: Option<usize>,
}

impl Input {
    /// The library configuration these options ask for (validated by `Summarizer::new`).
    pub(crate) fn config(&self) -> briefing::Result<Config> {
        let mut config = Config::default();
        match self.language.as_deref().map(str::trim) {
            None | Some("auto") => {}
            Some(code) => config.language = Some(code.parse::<Language>()?),
        }
        if let Some(name) = &self.method {
            config.method = Method::parse_name(name)?;
        }
        for spec in &self.fields {
            config.fields.set(spec)?;
        }
        config.threads = self.threads;
        Ok(config)
    }

    /// The paths read (as `briefing` reads them), then the records in their order; names made
    /// unique over both.
    fn corpus(&self, s: &Summarizer) -> briefing::Result<Corpus> {
        let mut corpus = s.read(&self.paths, &mut |_| {})?;
        if let Some(text) = &self.records {
            let c = s.config();
            let read =
                ingest::read_records(RECORDS, RECORDS, text, &c.fields, c.limits.document_bytes);
            corpus.skipped.extend(read.skipped);
            s.extend_corpus(&mut corpus, read.documents);
            ingest::unique_names(corpus.documents.iter_mut().map(|d| &mut d.meta.id));
        }
        Ok(corpus)
    }
}

/// The budget asked for: at most one unit, else `default` words.
fn budget(
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    default: usize,
) -> briefing::Result<Budget> {
    let budget = match (words, sentences, chars) {
        (None, None, None) => Budget::Words(default),
        (Some(n), None, None) => Budget::Words(n),
        (None, Some(n), None) => Budget::Sentences(n),
        (None, None, Some(n)) => Budget::Chars(n),
        _ => {
            return Err(Error::Config(
                "give at most one budget: words, sentences or chars".into(),
            ));
        }
    };
    budget.validate()?;
    Ok(budget)
}

/// The digest's options: the defaults but for those given (validated).
pub(crate) fn digest_options(
    stories: Option<usize>,
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    link: Option<f32>,
    window_days: Option<u32>,
) -> briefing::Result<DigestOptions> {
    let mut opts = DigestOptions::default();
    opts.budget = budget(words, sentences, chars, config::STORY_WORDS)?;
    opts.stories = stories.unwrap_or(opts.stories);
    opts.link = link.unwrap_or(opts.link);
    opts.window_days = window_days.unwrap_or(opts.window_days);
    opts.validate()?;
    Ok(opts)
}

fn json(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> briefing::Result<String> {
    let mut out = Vec::new();
    write(&mut out)?;
    String::from_utf8(out).map_err(|e| Error::Output(std::io::Error::other(e)))
}

/// A briefing of one cluster of articles, as `briefing summarize --format json` writes it.
#[pyfunction]
#[pyo3(signature = (paths, records=None, *, words=None, sentences=None, chars=None,
                    language=None, method=None, fields=Vec::new(), threads=None))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<String> {
    let input = Input {
        paths,
        records,
        language,
        method,
        fields,
        threads,
    };
    detached(py, move || {
        let budget = budget(words, sentences, chars, config::WORDS)?;
        let s = Summarizer::new(input.config()?)?;
        let corpus = input.corpus(&s)?;
        let briefing = s.summarize_corpus(&corpus, budget)?;
        json(|out| render::render(&briefing, Format::Json, out))
    })
}

/// A digest of a large collection, as `briefing digest --format json` writes it.
#[pyfunction]
#[pyo3(signature = (paths, records=None, *, stories=None, words=None, sentences=None,
                    chars=None, since=None, link=None, window_days=None, language=None,
                    method=None, fields=Vec::new(), threads=None))]
#[allow(clippy::too_many_arguments)]
fn digest(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    stories: Option<usize>,
    words: Option<usize>,
    sentences: Option<usize>,
    chars: Option<usize>,
    since: Option<PathBuf>,
    link: Option<f32>,
    window_days: Option<u32>,
    language: Option<String>,
    method: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<String> {
    let input = Input {
        paths,
        records,
        language,
        method,
        fields,
        threads,
    };
    detached(py, move || {
        let opts = digest_options(stories, words, sentences, chars, link, window_days)?;
        let s = Summarizer::new(input.config()?)?;
        let sent = match &since {
            None => None,
            Some(path) => Some(s.read_since(path)?),
        };
        let corpus = input.corpus(&s)?;
        let (digest, _timings) = s.digest_corpus(&corpus, &opts, sent.as_ref(), &mut |_| {})?;
        json(|out| render::render_digest(&digest, Format::Json, out))
    })
}

/// Every article's cleaned sentences: the JSON lines of `briefing split --format jsonl`, and
/// the inputs left out (a JSON array of `{"path", "reason"}`).
#[pyfunction]
#[pyo3(signature = (paths, records=None, *, language=None, fields=Vec::new(), threads=None))]
fn split(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    language: Option<String>,
    fields: Vec<String>,
    threads: Option<usize>,
) -> PyResult<(String, String)> {
    let input = Input {
        paths,
        records,
        language,
        method: None,
        fields,
        threads,
    };
    detached(py, move || {
        let s = Summarizer::new(input.config()?)?;
        let corpus = input.corpus(&s)?;
        if corpus.documents.is_empty() {
            return Err(Error::NoDocuments {
                skipped: corpus.skipped,
            });
        }
        let lines = json(|out| render::render_split(&corpus, SplitFormat::Jsonl, out))?;
        let skipped = serde_json::to_string(&corpus.skipped)
            .map_err(|e| Error::Output(std::io::Error::other(e)))?;
        Ok((lines, skipped))
    })
}

/// The module: the functions above and the library's defaults (each written once, in
/// `briefing::config`).
#[pymodule]
fn _briefing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(digest, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    distributed::register(m)?;
    m.add("WORDS", config::WORDS)?;
    m.add("STORY_WORDS", config::STORY_WORDS)?;
    m.add("STORIES", config::STORIES)?;
    m.add("LINK", config::LINK)?;
    m.add("WINDOW_DAYS", config::WINDOW_DAYS)?;
    let methods: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
    m.add("METHODS", methods)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
