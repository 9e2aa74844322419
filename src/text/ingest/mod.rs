//! Ingest: turn the paths a user names into raw articles.
//!
//! Contract: [`read_paths`] accepts files, directories (walked recursively in sorted order,
//! hidden entries skipped, symbolic links to directories not followed), `-` for standard input,
//! `.jsonl` files with one article per line and `.json` files holding an array of articles (or
//! one article). Which fields of a JSON record hold the text, title, date, URL, outlet and id is
//! set by [`Fields`] (defaults cover `{"id","title","text","source","url","published"}` and
//! common variants such as `content`, `headline`, `link` and any `*date*` field). Text is
//! decoded as UTF-8 (a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is
//! decoded). A file that cannot be read, is binary or is not valid text, and a record without
//! text, becomes a [`Skipped`] entry naming the file (and line or record) and the problem, and
//! the rest goes on. The articles come back sorted by path (then line or record), so the order
//! of the arguments never changes the output; their names are unique.
//!
//! For large collections, [`sources`] lists the inputs first and [`read_source`] reads one at a
//! time, so that a caller can clean each batch and drop its raw text before reading the next.
//! [`read_records`] reads records already in memory (the Python package's dictionaries) as a
//! `.json` file is read.

use crate::config::Fields;
use crate::corpus::{Meta, RawDocument};
use crate::error::{Error, Result, SkipKind, Skipped};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

mod decode;
mod records;
mod walk;

pub use decode::decode;
use decode::trim_partial_char;
pub use records::date_in_name;
use records::{read_json, read_jsonl};
use walk::walk;

/// What ingest produced: the readable articles and the inputs it had to skip.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles, sorted by path, names unique.
    pub documents: Vec<RawDocument>,
    /// Inputs left out, with the reason.
    pub skipped: Vec<Skipped>,
}

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path (`-` for standard input).
    pub path: PathBuf,
    /// The article name stem: the path relative to the folder named by the user, without
    /// extension (`stdin` for standard input).
    pub name: String,
}

impl Source {
    /// How the source is shown in messages and `path` fields.
    pub fn shown(&self) -> String {
        self.path.display().to_string()
    }

    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.path == Path::new("-")
    }

    /// The size in bytes (0 when unknown).
    pub fn len(&self) -> u64 {
        std::fs::metadata(&self.path).map_or(0, |m| m.len())
    }

    /// True when the source is known to be empty.
    pub fn is_empty(&self) -> bool {
        !self.is_stdin() && self.len() == 0
    }
}

/// Lists the inputs the paths name, in the order articles are returned (sorted by path, each
/// file once). A path that does not exist is an error (the user mistyped it); a folder entry
/// that cannot be read is skipped with a reason.
pub fn sources<P: AsRef<Path>>(paths: &[P]) -> Result<(Vec<Source>, Vec<Skipped>)> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        let p = p.as_ref();
        if p == Path::new("-") {
            if seen.insert(PathBuf::from("-")) {
                out.push(Source {
                    path: p.to_owned(),
                    name: "stdin".into(),
                });
            }
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|source| Error::Input {
            path: p.to_owned(),
            source,
        })?;
        let mut add = |f: PathBuf, rel: PathBuf| {
            let key = f.canonicalize().unwrap_or_else(|_| f.clone());
            if seen.insert(key) {
                out.push(Source {
                    name: rel.with_extension("").to_string_lossy().into_owned(),
                    path: f,
                });
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, &mut skipped);
            for f in files {
                let rel = f.strip_prefix(p).unwrap_or(&f).to_owned();
                add(f, rel);
            }
        } else {
            let rel = PathBuf::from(p.file_name().unwrap_or(p.as_os_str()));
            add(p.to_owned(), rel);
        }
    }
    out.sort_by_key(Source::shown);
    Ok((out, skipped))
}

/// Reads every path (see the module docs). Documents longer than `max_document_bytes` are
/// cut (see [`read_source`]).
pub fn read_paths<P: AsRef<Path>>(
    paths: &[P],
    fields: &Fields,
    max_document_bytes: usize,
) -> Result<Ingested> {
    let (list, skipped) = sources(paths)?;
    let mut out = Ingested {
        documents: Vec::new(),
        skipped,
    };
    for src in &list {
        let one = read_source(src, fields, max_document_bytes, u64::MAX)?;
        out.documents.extend(one.documents);
        out.skipped.extend(one.skipped);
    }
    unique_names(out.documents.iter_mut().map(|d| &mut d.meta.id));
    Ok(out)
}

/// Reads one source. A file larger than `max_bytes` (what is left of the run's input limit) is
/// skipped; standard input is cut there. A document (a plain-text file, or one JSON/JSONL
/// record) longer than `max_document_bytes` keeps only its first `max_document_bytes`, cut at
/// a line break or space when one is near, and a [`Skipped`] entry says so; a plain-text file
/// is not even read past that point. Fails only when standard input cannot be read; a file
/// that cannot be used is a [`Skipped`] entry.
pub fn read_source(
    src: &Source,
    fields: &Fields,
    max_document_bytes: usize,
    max_bytes: u64,
) -> Result<Ingested> {
    let mut out = Ingested::default();
    let shown = src.shown();
    let kind = match src.path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => Kind::Jsonl,
        Some("json") => Kind::Json,
        _ => Kind::Text,
    };
    let size = src.len();
    if !src.is_stdin() && size > max_bytes {
        out.skipped.push(Skipped::new(
            SkipKind::RunLimit,
            shown,
            format!(
                "not read: {size} bytes, more than the {max_bytes} left of the run's input \
                 limit"
            ),
        ));
        return Ok(out);
    }
    // A plain-text file is one document: reading past its limit would only waste memory.
    let limit = match kind {
        Kind::Text => max_bytes.min(max_document_bytes as u64 + 4),
        _ => max_bytes,
    };
    let mut bytes = Vec::new();
    let read = if src.is_stdin() {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(&src.path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        if src.is_stdin() {
            return Err(Error::Input {
                path: src.path.clone(),
                source: e,
            });
        }
        out.skipped.push(Skipped::new(
            SkipKind::Unreadable,
            shown,
            format!("cannot read: {e}"),
        ));
        return Ok(out);
    }
    let cut = bytes.len() as u64 == limit && (src.is_stdin() || size > limit);
    if cut {
        // Possibly cut inside a character: drop its first bytes.
        trim_partial_char(&mut bytes);
        if src.is_stdin() && limit == max_bytes {
            out.skipped.push(Skipped::new(
                SkipKind::RunLimit,
                shown.clone(),
                format!("only the first {max_bytes} bytes are read: the run's input limit"),
            ));
        }
    }
    add_bytes(&mut out, &shown, &src.name, &bytes, kind, fields);
    // A plain-text document cut while read counts as over its limit even when its decoded
    // text is shorter (UTF-16 shrinks).
    let cut_document = cut && kind == Kind::Text && limit < max_bytes;
    cut_documents(&mut out, max_document_bytes, cut_document);
    Ok(out)
}

/// Reads articles held in memory: `text` is what a `.json` file would hold (an array of
/// article records, or one), read as if it were the file `path` named `name` (so records are
/// `path#0`, `path#1`, ...). Documents longer than `max_document_bytes` are cut as
/// [`read_source`] cuts them; bad records are [`Skipped`] entries.
pub fn read_records(
    path: &str,
    name: &str,
    text: &str,
    fields: &Fields,
    max_document_bytes: usize,
) -> Ingested {
    let mut out = Ingested::default();
    read_json(&mut out, path, name, text, fields);
    cut_documents(&mut out, max_document_bytes, false);
    out
}

/// Cuts every document longer than `max_document_bytes` (every one when `all`), with a
/// [`Skipped`] entry saying so.
fn cut_documents(out: &mut Ingested, max_document_bytes: usize, all: bool) {
    for d in &mut out.documents {
        if d.text.len() > max_document_bytes || all {
            truncate_text(&mut d.text, max_document_bytes);
            out.skipped.push(Skipped::new(
                SkipKind::DocumentLimit,
                d.meta.path.clone(),
                format!(
                    "longer than {max_document_bytes} bytes, the document limit: only its first \
                     {} bytes are used",
                    d.text.len()
                ),
            ));
        }
    }
}

/// Cuts a text to at most `max` bytes: at the last line break in the final tenth, else the
/// last space there, else the last character boundary.
pub fn truncate_text(text: &mut String, max: usize) {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut floor = end - end / 10;
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let at = text[floor..end]
        .rfind('\n')
        .or_else(|| text[floor..end].rfind(char::is_whitespace))
        .map_or(end, |i| floor + i);
    text.truncate(at);
}

/// Makes names unique by suffixing `~2`, `~3`, ... in order.
pub fn unique_names<'a>(names: impl Iterator<Item = &'a mut String>) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for name in names {
        let n = count.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            *name = format!("{name}~{n}");
        }
    }
}

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One article.
    Text,
    /// One JSON record per line.
    Jsonl,
    /// A JSON array of records, or one record.
    Json,
}

fn add_bytes(
    out: &mut Ingested,
    path: &str,
    name: &str,
    bytes: &[u8],
    kind: Kind,
    fields: &Fields,
) {
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(reason) => {
            out.skipped
                .push(Skipped::new(SkipKind::NotText, path, reason));
            return;
        }
    };
    match kind {
        Kind::Jsonl => return read_jsonl(out, path, name, &text, fields),
        Kind::Json => return read_json(out, path, name, &text, fields),
        Kind::Text => {}
    }
    if text.trim().is_empty() {
        out.skipped
            .push(Skipped::new(SkipKind::Empty, path, "empty file"));
        return;
    }
    out.documents.push(RawDocument {
        meta: Meta {
            id: name.to_owned(),
            path: path.to_owned(),
            date: date_in_name(name),
            ..Meta::default()
        },
        text,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_in_memory_are_read_as_a_json_file() {
        let text = format!(
            "[{{\"id\": \"a\", \"text\": \"A storm closed the bridge.\"}}, {{\"title\": \"x\"}}, \
             {{\"text\": \"{}\"}}]",
            "word ".repeat(40)
        );
        let out = read_records("articles", "articles", &text, &Fields::default(), 64);
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.documents[0].meta.id, "a");
        assert_eq!(out.documents[0].meta.path, "articles#0");
        assert_eq!(out.documents[1].meta.id, "articles#2");
        assert!(out.documents[1].text.len() <= 64);
        assert_eq!(out.skipped[0].path, "articles#1");
        assert_eq!(out.skipped[1].kind, SkipKind::DocumentLimit);
        let out = read_records("articles", "articles", "[1", &Fields::default(), 64);
        assert!(out.skipped[0].reason.contains("malformed JSON"));
    }

    #[test]
    fn names_made_unique() {
        let mut names = ["a".to_string(), "b".into(), "a".into(), "a".into()];
        unique_names(names.iter_mut());
        assert_eq!(names, ["a", "b", "a~2", "a~3"]);
    }
}
