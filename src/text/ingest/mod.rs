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
//! time, so that a caller can clean each batch and drop its raw text before reading the next;
//! [`Prefetch`] reads several at once in parallel (web pages are slow to extract) with the
//! same result as reading them one at a time.
//!
//! Web inputs ([`web`]) are told by content, whatever the extension: a saved HTML
//! page (`.html`, `.htm`, or a `.txt` that is HTML) is one article, its main text extracted,
//! its title, date, URL and site name filled from the page; a feed (RSS, RSS 1.0, Atom, JSON
//! Feed; `.xml`, `.rss`, no extension...) is one article per item, named `NAME#N` at `path#N`;
//! a JSON record whose text is HTML is extracted the same way. A page without an article is a
//! [`Skipped`] entry saying why. A gzip file is inflated first, never past the limits: a page
//! or a text to the document limit, records and feeds to [`GZIP_RECORDS_FACTOR`] times it.
//!
//! [`read_records`] reads records already in memory (the Python package's dictionaries) as a
//! `.json` file is read.

use crate::config::Fields;
use crate::corpus::{Meta, RawDocument};
use crate::error::{Error, Result, SkipKind, Skipped};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

mod decode;
mod records;
pub mod sgml;
mod stream;
mod walk;

pub use stream::{STREAM_BYTES, read_source_chunked, streams};
pub mod web;

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
    let mut feed_items = web::input::FeedItems::default();
    for src in &list {
        let one = read_source(src, fields, max_document_bytes, u64::MAX)?;
        out.documents.extend(feed_items.hold(one.documents));
        out.skipped.extend(one.skipped);
    }
    // Feed items last: those whose link is an article already read give way to it.
    let items = feed_items.release_among(&mut out.documents);
    out.documents.extend(items);
    unique_names(out.documents.iter_mut().map(|d| &mut d.meta.id));
    Ok(out)
}

/// At most this many sources are read at once by [`Prefetch`].
pub const PREFETCH_SOURCES: usize = 64;
/// ... and at most this many bytes of them (at least one source).
pub const PREFETCH_BYTES: u64 = 16 << 20;

/// Reads sources ahead, several at once in parallel (in the caller's thread pool), and hands
/// them out in order with exactly what [`read_source`] would give one after the other: each
/// is read with the run's limit as it stood when its group was started (never less than when
/// it is handed out), and a file larger than what is left when it is handed out is the same
/// [`Skipped`] entry [`read_source`] makes. Standard input is read alone, when its turn comes.
#[derive(Debug)]
pub struct Prefetch<'a> {
    sources: &'a [Source],
    next: usize,
    ready: std::collections::VecDeque<Result<Ingested>>,
}

impl<'a> Prefetch<'a> {
    /// Reads `sources` in order.
    pub fn new(sources: &'a [Source]) -> Self {
        Prefetch {
            sources,
            next: 0,
            ready: Default::default(),
        }
    }

    /// The next source and what reading it gave, with `max_bytes` left of the run's input
    /// limit (see [`read_source`]); `None` in place of the reading for a source that
    /// [`streams`], which the caller reads with [`read_source_chunked`].
    pub fn next(
        &mut self,
        fields: &Fields,
        max_document_bytes: usize,
        max_bytes: u64,
    ) -> Option<(&'a Source, Option<Result<Ingested>>)> {
        let done = self.next - self.ready.len();
        let src = self.sources.get(done)?;
        if self.ready.is_empty() && streams(src) {
            self.next += 1;
            return Some((src, None));
        }
        if self.ready.is_empty() {
            let mut end = self.next;
            let mut bytes = 0u64;
            while let Some(s) = self.sources.get(end) {
                let first = end == self.next;
                if (s.is_stdin() || streams(s)) && !first {
                    break;
                }
                bytes += s.len();
                end += 1;
                if s.is_stdin() || end - self.next >= PREFETCH_SOURCES || bytes >= PREFETCH_BYTES {
                    break;
                }
            }
            let group = &self.sources[self.next..end];
            let read: Vec<Result<Ingested>> = group
                .par_iter()
                .map(|s| read_source(s, fields, max_document_bytes, max_bytes))
                .collect();
            self.ready.extend(read);
            self.next = end;
        }
        let read = self.ready.pop_front()?;
        Some((src, Some(over_run_limit(src, max_bytes).map_or(read, Ok))))
    }
}

/// The entry for a file larger than what is left of the run's input limit, if it is.
fn over_run_limit(src: &Source, max_bytes: u64) -> Option<Ingested> {
    let size = src.len();
    if src.is_stdin() || size <= max_bytes {
        return None;
    }
    Some(Ingested {
        documents: Vec::new(),
        skipped: vec![Skipped::new(
            SkipKind::RunLimit,
            src.shown(),
            format!(
                "not read: {size} bytes, more than the {max_bytes} left of the run's input limit"
            ),
        )],
    })
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
    let kind = kind_of(&src.path);
    let size = src.len();
    if let Some(over) = over_run_limit(src, max_bytes) {
        return Ok(over);
    }
    // A plain-text file is one document: reading past its limit would only waste memory (a
    // compressed one is read whole and inflated to the limit).
    let gz = src
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    // SGML news holds many articles: read it as far as the run allows, as records are (its
    // first bytes are looked at only when the limit would bind).
    let sgml_file = kind == Kind::Text
        && !src.is_stdin()
        && !gz
        && size > max_document_bytes as u64
        && sgml::file_is_news(&src.path);
    let one_document = matches!(kind, Kind::Text | Kind::Page) && !sgml_file;
    let limit = if one_document && !gz {
        max_bytes.min(max_document_bytes as u64 + 4)
    } else {
        max_bytes
    };
    if !src.is_stdin() && !gz && matches!(kind, Kind::Json | Kind::Jsonl) {
        let json = kind == Kind::Json;
        if let Some(mut streamed) =
            stream::read_file(&src.path, &shown, &src.name, json, fields, size, limit)
        {
            let cut = cut_documents(&mut streamed.documents, max_document_bytes, false);
            streamed.skipped.extend(cut);
            return Ok(streamed);
        }
    }
    // Read whole: exactly the file's size when it is known (growing a buffer by doubling would
    // hold up to twice it).
    let mut bytes = Vec::new();
    if !src.is_stdin() {
        bytes.reserve_exact(
            usize::try_from(size.min(limit))
                .unwrap_or(0)
                .saturating_add(1),
        );
    }
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
    let mut cut_document = cut && one_document && limit < max_bytes;
    if web::sniff::is_gzip(&bytes) {
        // Bounded by the document limit alone, never by what is left of the run, so that a
        // file reads the same whatever was read before it.
        let cap = if one_document {
            max_document_bytes as u64 + 4
        } else {
            (max_document_bytes as u64).saturating_mul(GZIP_RECORDS_FACTOR)
        };
        match web::sniff::gunzip(&bytes, cap) {
            Ok((inflated, over)) => {
                bytes = inflated;
                if over {
                    trim_partial_char(&mut bytes);
                    if one_document {
                        cut_document = true;
                    } else {
                        out.skipped.push(Skipped::new(
                            SkipKind::DocumentLimit,
                            shown.clone(),
                            format!(
                                "only the first {cap} bytes are inflated: {GZIP_RECORDS_FACTOR} \
                                 times the document limit"
                            ),
                        ));
                    }
                }
            }
            Err(reason) => {
                out.skipped
                    .push(Skipped::new(SkipKind::NotText, shown, reason));
                return Ok(out);
            }
        }
    }
    add_bytes(&mut out, &shown, &src.name, &bytes, kind, fields);
    if cut_document && kind == Kind::Text && sgml::bytes_are_news(&bytes) {
        // SGML news from standard input or gzip, cut at the document limit: the file was, not
        // each of its articles (the last is partial, those after it missing).
        out.skipped.push(Skipped::new(
            SkipKind::DocumentLimit,
            shown.clone(),
            format!(
                "SGML news longer than {max_document_bytes} bytes, the document limit: only \
                 its first {} bytes are read",
                bytes.len()
            ),
        ));
        cut_document = false;
    }
    // A plain-text document cut while read counts as over its limit even when its decoded
    // text is shorter (UTF-16 shrinks); so does a page cut while read.
    let cut = cut_documents(&mut out.documents, max_document_bytes, cut_document);
    out.skipped.extend(cut);
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
    let cut = cut_documents(&mut out.documents, max_document_bytes, false);
    out.skipped.extend(cut);
    out
}

/// Cuts every document longer than `max_document_bytes` (every one when `all`), with a
/// [`Skipped`] entry saying so.
fn cut_documents(docs: &mut [RawDocument], max_document_bytes: usize, all: bool) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    for d in docs {
        if d.text.len() > max_document_bytes || all {
            truncate_text(&mut d.text, max_document_bytes);
            skipped.push(Skipped::new(
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
    skipped
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

/// A gzip file of records or a feed inflates to at most this many times the document limit.
pub const GZIP_RECORDS_FACTOR: u64 = 16;

/// How a file's text is read (by its extension; the content may still say it is a page or a
/// feed, see [`web::sniff()`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One article.
    Text,
    /// A saved web page.
    Page,
    /// A feed, or XML that should be one.
    Feed,
    /// One JSON record per line.
    Jsonl,
    /// A JSON array of records, or one record.
    Json,
}

/// The kind a path's extension names (a `.gz` suffix is looked through).
fn kind_of(path: &Path) -> Kind {
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let ext = match ext(path).as_deref() {
        Some("gz") => ext(Path::new(path.file_stem().unwrap_or_default())),
        other => other.map(str::to_owned),
    };
    match ext.as_deref() {
        Some("jsonl") => Kind::Jsonl,
        Some("json") => Kind::Json,
        Some("html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx") => Kind::Page,
        Some("xml" | "rss" | "atom" | "rdf") => Kind::Feed,
        _ => Kind::Text,
    }
}

fn add_bytes(
    out: &mut Ingested,
    path: &str,
    name: &str,
    bytes: &[u8],
    kind: Kind,
    fields: &Fields,
) {
    // SGML news first: a DUC or TREC file with `<P>` tags would pass for a web page.
    if kind == Kind::Text && sgml::bytes_are_news(bytes) {
        return sgml::add(out, path, name, bytes);
    }
    let sniffed = if kind == Kind::Jsonl {
        None
    } else {
        web::sniff(bytes)
    };
    match (sniffed, kind) {
        (Some(web::Kind::Page), _) | (None, Kind::Page) => {
            return web::input::add_page(out, path, name, bytes);
        }
        (Some(web::Kind::Feed), _) => return web::input::add_feed(out, path, name, bytes),
        (None, Kind::Feed) => {
            out.skipped.push(Skipped::new(
                SkipKind::Malformed,
                path,
                "XML that is neither a feed (RSS, Atom) nor a web page",
            ));
            return;
        }
        _ => {}
    }
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
        _ => {}
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
    fn names_made_unique() {
        let mut names = ["a".to_string(), "b".into(), "a".into(), "a".into()];
        unique_names(names.iter_mut());
        assert_eq!(names, ["a", "b", "a~2", "a~3"]);
    }
}
