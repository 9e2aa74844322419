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

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, Result, Skipped};

/// One article as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawDocument {
    /// Unique, human-readable id: the path relative to the folder named by the user, without
    /// its extension; the JSONL `id`; or `stdin`.
    pub name: String,
    /// Where it came from: the path, `path:line` for a JSONL record, or `-`.
    pub path: String,
    /// The headline, if the input gave one (JSONL `title`).
    pub title: Option<String>,
    /// Publication date: JSONL `published`, or a `YYYYMMDD` / `YYYY-MM-DD` date in the file name.
    pub date: Option<String>,
    /// JSONL `url`.
    pub url: Option<String>,
    /// JSONL `source` (the outlet).
    pub source: Option<String>,
    /// The article text, decoded but otherwise untouched.
    pub text: String,
    /// The file it was read from (`-` for standard input): the first sort key.
    pub file: String,
    /// The line of a JSONL record (0 for a whole file): the second sort key.
    pub line: usize,
}

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
    unique_names(out.documents.iter_mut().map(|d| &mut d.name));
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
        out.skipped.push(Skipped {
            path: shown,
            reason: format!(
                "not read: {size} bytes, more than the {max_bytes} left of the run's input \
                 limit (see --max-run-bytes)"
            ),
        });
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
        out.skipped.push(Skipped {
            path: shown,
            reason: format!("cannot read: {e}"),
        });
        return Ok(out);
    }
    let cut = bytes.len() as u64 == limit && (src.is_stdin() || size > limit);
    if cut {
        // Possibly cut inside a character: drop its first bytes.
        trim_partial_char(&mut bytes);
        if src.is_stdin() && limit == max_bytes {
            out.skipped.push(Skipped {
                path: shown.clone(),
                reason: format!(
                    "only the first {max_bytes} bytes are read: the run's input limit \
                     (see --max-run-bytes)"
                ),
            });
        }
    }
    add_bytes(&mut out, &shown, &src.name, &bytes, kind, fields);
    // A plain-text document cut while read counts as over its limit even when its decoded
    // text is shorter (UTF-16 shrinks).
    let cut_document = cut && kind == Kind::Text && limit < max_bytes;
    for d in &mut out.documents {
        if d.text.len() > max_document_bytes || cut_document {
            truncate_text(&mut d.text, max_document_bytes);
            out.skipped.push(Skipped {
                path: d.path.clone(),
                reason: format!(
                    "longer than {max_document_bytes} bytes: only its first {} bytes are used \
                     (see --max-document-bytes)",
                    d.text.len()
                ),
            });
        }
    }
    Ok(out)
}

/// Drops an incomplete UTF-8 (or UTF-16) character at the end of a prefix of a file.
fn trim_partial_char(bytes: &mut Vec<u8>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        if bytes.len() % 2 == 1 {
            bytes.pop();
        }
        return;
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() {
            bytes.truncate(e.valid_up_to());
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

/// Collects regular files below `dir`, sorted, skipping hidden entries.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                path: dir.display().to_string(),
                reason: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    let mut list: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    list.sort_by_key(|e| e.file_name());
    for e in list {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, skipped),
            Ok(t) if t.is_symlink() => {
                if path.is_file() {
                    files.push(path);
                }
            }
            Ok(_) => files.push(path),
            Err(err) => skipped.push(Skipped {
                path: path.display().to_string(),
                reason: format!("cannot read: {err}"),
            }),
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
            out.skipped.push(Skipped {
                path: path.to_owned(),
                reason,
            });
            return;
        }
    };
    match kind {
        Kind::Jsonl => return read_jsonl(out, path, name, &text, fields),
        Kind::Json => return read_json(out, path, name, &text, fields),
        Kind::Text => {}
    }
    if text.trim().is_empty() {
        out.skipped.push(Skipped {
            path: path.to_owned(),
            reason: "empty file".into(),
        });
        return;
    }
    out.documents.push(RawDocument {
        name: name.to_owned(),
        path: path.to_owned(),
        file: path.to_owned(),
        date: date_in_name(name),
        text,
        ..RawDocument::default()
    });
}

/// Decodes bytes as text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode(rest);
    }
    let utf16 = |le: bool, rest: &[u8]| {
        if rest.len() % 2 != 0 {
            return Err("UTF-16 text with an odd number of bytes".to_string());
        }
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "invalid UTF-16 text".to_string())
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Which fields of a JSON or JSONL record hold each part of an article: for each part, the
/// field names tried in order; the first with a non-empty string (or number) value wins. A
/// name may start and/or end with `*` to match any field containing (starting, ending with)
/// the rest, tried in the record's field-name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The article's id (default `id`, `guid`).
    pub id: Vec<String>,
    /// The article text, the only required part (default `text`, `content`, `body`,
    /// `article`).
    pub text: Vec<String>,
    /// The headline (default `title`, `headline`).
    pub title: Vec<String>,
    /// The publication date (default `published`, `date`, then any field containing `date`).
    pub date: Vec<String>,
    /// The URL (default `url`, `link`).
    pub url: Vec<String>,
    /// The outlet (default `source`, `outlet`, `publisher`, `site`).
    pub source: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        Fields {
            id: v(&["id", "guid"]),
            text: v(&["text", "content", "body", "article"]),
            title: v(&["title", "headline"]),
            date: v(&["published", "date", "*date*"]),
            url: v(&["url", "link"]),
            source: v(&["source", "outlet", "publisher", "site"]),
        }
    }
}

impl Fields {
    /// Sets the field names of one part from `PART=NAME[,NAME...]`, for example
    /// `text=content` or `date=date_published,created`. Parts: id, text, title, date, url,
    /// source.
    pub fn set(&mut self, spec: &str) -> Result<()> {
        let bad = |why: &str| Error::Config(format!("--field {spec:?}: {why}"));
        let (part, names) = spec
            .split_once('=')
            .ok_or_else(|| bad("expected PART=NAME, for example text=content"))?;
        let names: Vec<String> = names
            .split(',')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && n != "*")
            .collect();
        if names.is_empty() {
            return Err(bad("no field name after ="));
        }
        let slot = match part.trim() {
            "id" => &mut self.id,
            "text" => &mut self.text,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "source" => &mut self.source,
            _ => return Err(bad("the part must be id, text, title, date, url or source")),
        };
        *slot = names;
        Ok(())
    }
}

/// The first non-empty value among `names` in a record.
fn pick(record: &serde_json::Map<String, serde_json::Value>, names: &[String]) -> Option<String> {
    let value = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    names.iter().find_map(|name| {
        let (starts, ends) = (name.starts_with('*'), name.ends_with('*'));
        if !starts && !ends {
            return record.get(name).and_then(value);
        }
        let core = name.trim_matches('*').to_lowercase();
        record.iter().find_map(|(k, v)| {
            let k = k.to_lowercase();
            let hit = match (starts, ends) {
                (true, true) => k.contains(&core),
                (true, false) => k.ends_with(&core),
                _ => k.starts_with(&core),
            };
            if hit { value(v) } else { None }
        })
    })
}

/// Turns one JSON value into an article, or says why it is not one. `at` is where it is
/// (`path:line` or `path#index`), `fallback` its name when it has no id.
fn record(
    value: serde_json::Value,
    fields: &Fields,
    at: &str,
    fallback: String,
    file_date: Option<&String>,
) -> std::result::Result<RawDocument, String> {
    let serde_json::Value::Object(map) = value else {
        return Err("not a JSON object".into());
    };
    let text = pick(&map, &fields.text).ok_or_else(|| {
        format!(
            "record has no text (looked for the field{} {})",
            if fields.text.len() == 1 { "" } else { "s" },
            fields.text.join(", ")
        )
    })?;
    Ok(RawDocument {
        name: pick(&map, &fields.id).unwrap_or(fallback),
        path: at.to_owned(),
        title: pick(&map, &fields.title),
        date: pick(&map, &fields.date).or_else(|| file_date.cloned()),
        url: pick(&map, &fields.url),
        source: pick(&map, &fields.source),
        text,
        file: String::new(),
        line: 0,
    })
}

fn read_jsonl(out: &mut Ingested, path: &str, name: &str, text: &str, fields: &Fields) {
    let mut any = false;
    let file_date = date_in_name(name);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        any = true;
        let at = format!("{path}:{}", i + 1);
        let parsed = serde_json::from_str(line)
            .map_err(|e| format!("malformed JSON line: {e}"))
            .and_then(|v| {
                record(
                    v,
                    fields,
                    &at,
                    format!("{name}:{}", i + 1),
                    file_date.as_ref(),
                )
            });
        match parsed {
            Ok(doc) => out.documents.push(RawDocument {
                file: path.to_owned(),
                line: i + 1,
                ..doc
            }),
            Err(reason) => out.skipped.push(Skipped { path: at, reason }),
        }
    }
    if !any {
        out.skipped.push(Skipped {
            path: path.to_owned(),
            reason: "empty file".into(),
        });
    }
}

fn read_json(out: &mut Ingested, path: &str, name: &str, text: &str, fields: &Fields) {
    if text.trim().is_empty() {
        out.skipped.push(Skipped {
            path: path.to_owned(),
            reason: "empty file".into(),
        });
        return;
    }
    let values = match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(one @ serde_json::Value::Object(_)) => vec![one],
        Ok(_) => {
            out.skipped.push(Skipped {
                path: path.to_owned(),
                reason: "JSON is neither an array of articles nor an article object".into(),
            });
            return;
        }
        Err(e) => {
            out.skipped.push(Skipped {
                path: path.to_owned(),
                reason: format!("malformed JSON: {e}"),
            });
            return;
        }
    };
    let file_date = date_in_name(name);
    for (i, v) in values.into_iter().enumerate() {
        let at = format!("{path}#{i}");
        match record(v, fields, &at, format!("{name}#{i}"), file_date.as_ref()) {
            Ok(doc) => out.documents.push(RawDocument {
                file: path.to_owned(),
                line: i,
                ..doc
            }),
            Err(reason) => out.skipped.push(Skipped { path: at, reason }),
        }
    }
}

static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)")
        .expect("constant pattern")
});

/// A date written in a file name (`APW19981017.0151`, `2015-07-21`), as `YYYY-MM-DD`.
pub fn date_in_name(name: &str) -> Option<String> {
    let c = NAME_DATE.captures(name)?;
    Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("APW19981017.0151").as_deref(),
            Some("1998-10-17")
        );
        assert_eq!(
            date_in_name("day/2015-07-21").as_deref(),
            Some("2015-07-21")
        );
        assert_eq!(date_in_name("000_6932063679f223f1"), None);
        assert_eq!(date_in_name("x123456789"), None);
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0")
                .unwrap_err()
                .contains("binary")
        );
        assert!(decode(b"caf\xE9").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn jsonl_records_and_bad_lines() {
        let mut out = Ingested::default();
        let text = "{\"id\":\"a\",\"text\":\"Hello there.\",\"title\":\"T\"}\nnot json\n{\"title\":\"x\"}\n\n{\"text\":\"Second.\"}\n";
        read_jsonl(&mut out, "f.jsonl", "f", text, &Fields::default());
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.documents[0].name, "a");
        assert_eq!(out.documents[0].title.as_deref(), Some("T"));
        assert_eq!(out.documents[1].name, "f:5");
        assert_eq!(out.skipped.len(), 2);
        assert_eq!(out.skipped[0].path, "f.jsonl:2");
        assert!(out.skipped[1].reason.contains("text"));
    }

    #[test]
    fn names_made_unique() {
        let mut names = ["a".to_string(), "b".into(), "a".into(), "a".into()];
        unique_names(names.iter_mut());
        assert_eq!(names, ["a", "b", "a~2", "a~3"]);
    }

    #[test]
    fn json_arrays_with_configured_and_wildcard_fields() {
        let text = r#"[
            {"source": "okaz", "url": "http://x/1", "date_crawled": "2015-07-21 02:51:32",
             "title": "T1", "author": "A", "content": "Body one."},
            {"title": "no text"},
            42,
            {"content": "Body two.", "headline": "T2"}
        ]"#;
        let mut out = Ingested::default();
        read_json(
            &mut out,
            "d/2015-07-22.json",
            "2015-07-22",
            text,
            &Fields::default(),
        );
        assert_eq!(out.documents.len(), 2);
        let a = &out.documents[0];
        assert_eq!(a.name, "2015-07-22#0");
        assert_eq!(a.path, "d/2015-07-22.json#0");
        assert_eq!(a.text, "Body one.");
        assert_eq!(a.source.as_deref(), Some("okaz"));
        assert_eq!(a.url.as_deref(), Some("http://x/1"));
        // Any field containing "date"; else the date in the file name.
        assert_eq!(a.date.as_deref(), Some("2015-07-21 02:51:32"));
        assert_eq!(out.documents[1].title.as_deref(), Some("T2"));
        assert_eq!(out.documents[1].date.as_deref(), Some("2015-07-22"));
        assert_eq!(out.skipped.len(), 2);
        assert_eq!(out.skipped[0].path, "d/2015-07-22.json#1");
        assert!(out.skipped[0].reason.contains("no text"));
        assert!(out.skipped[1].reason.contains("not a JSON object"));

        // Configured names replace the defaults.
        let mut fields = Fields::default();
        fields.set("text=author").unwrap();
        fields.set("id=url").unwrap();
        let mut out = Ingested::default();
        read_json(&mut out, "f.json", "f", text, &fields);
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].text, "A");
        assert_eq!(out.documents[0].name, "http://x/1");
        assert!(fields.set("body").is_err());
        assert!(fields.set("words=x").is_err());
        assert!(fields.set("text=").is_err());
    }

    #[test]
    fn malformed_json_is_skipped_with_the_reason() {
        let mut out = Ingested::default();
        read_json(&mut out, "f.json", "f", "[{\"text\": ", &Fields::default());
        assert!(out.documents.is_empty());
        assert!(out.skipped[0].reason.contains("malformed JSON"));
        let mut out = Ingested::default();
        read_json(
            &mut out,
            "f.json",
            "f",
            "\"just a string\"",
            &Fields::default(),
        );
        assert!(out.skipped[0].reason.contains("neither"));
    }
}
