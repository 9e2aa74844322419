//! Typed errors and warnings.
//!
//! Contract: the library returns [`Error`] for problems that stop a whole run (no usable input,
//! a bad configuration, output that cannot be written). Problems with one input among many are
//! not errors: they become [`Skipped`] entries carried in the result, and the run goes on.
//! Only the binary decides exit codes, through [`Error::is_usage`].

use std::path::PathBuf;

use serde::Serialize;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The configuration is invalid (for example a zero budget).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// None of the inputs produced a usable document.
    #[error("no usable document in the input{}", summarize_skipped(.skipped))]
    NoDocuments {
        /// Why each input was skipped.
        skipped: Vec<Skipped>,
    },
    /// A path given by the user could not be read at all.
    #[error("cannot read {}", .path.display())]
    Input {
        /// The path named by the user.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// Writing the output failed.
    #[error("cannot write output")]
    Output(#[from] std::io::Error),
    /// A thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

impl Error {
    /// True when the error is the user's input or usage (exit code 2) rather than a failure
    /// of the run itself (exit code 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Config(_) | Error::NoDocuments { .. } | Error::Input { .. }
        )
    }
}

fn summarize_skipped(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let mut s = String::from(":");
    for k in skipped.iter().take(5) {
        s.push_str(&format!("\n  {}: {}", k.path, k.reason));
    }
    if skipped.len() > 5 {
        s.push_str(&format!("\n  ... and {} more", skipped.len() - 5));
    }
    s
}

/// An input that was left out of the run (or cut), and why. Reported as a warning and in the
/// `skipped` list of the JSON output (`path` and `reason`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file (or `file:line` for a JSONL record, `-` for standard input).
    pub path: String,
    /// What was wrong with it, in words.
    pub reason: String,
    /// What kind of problem it was (for counts by kind, and for a front end to name the
    /// setting that applies).
    #[serde(skip)]
    pub kind: SkipKind,
}

impl Skipped {
    /// An entry of a kind, for an input, with the reason in words.
    pub fn new(kind: SkipKind, path: impl Into<String>, reason: impl Into<String>) -> Self {
        Skipped {
            path: path.into(),
            reason: reason.into(),
            kind,
        }
    }
}

/// The kinds of problem that leave an input out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[non_exhaustive]
pub enum SkipKind {
    /// The file or folder could not be read.
    #[default]
    Unreadable,
    /// Not a regular file: a named pipe, a socket or a device found in a folder.
    NotAFile,
    /// Not text: binary, or not in a known encoding.
    NotText,
    /// Empty.
    Empty,
    /// Malformed JSON, or a record that is not an article object.
    Malformed,
    /// A record without text.
    NoText,
    /// Nothing but page furniture and headings.
    NoSentences,
    /// A web page without an article: a front page, a login wall, no main text.
    NoArticle,
    /// A date was written but could not be read: the article is used without it.
    UnreadDate,
    /// Longer than the document limit ([`crate::Limits::document_bytes`]): only its first
    /// bytes are used.
    DocumentLimit,
    /// Past the run's input limit ([`crate::Limits::run_bytes`]): not read, or cut.
    RunLimit,
}

impl SkipKind {
    /// The kind in a few words, for a count of skipped inputs by kind.
    pub fn label(self) -> &'static str {
        match self {
            SkipKind::Unreadable => "unreadable",
            SkipKind::NotAFile => "not a regular file",
            SkipKind::NotText => "not text",
            SkipKind::Empty => "empty",
            SkipKind::Malformed => "malformed",
            SkipKind::NoText => "no text",
            SkipKind::NoSentences => "only page furniture",
            SkipKind::NoArticle => "no article in the page",
            SkipKind::UnreadDate => "date not read",
            SkipKind::DocumentLimit => "cut at the document limit",
            SkipKind::RunLimit => "past the run's input limit",
        }
    }
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
