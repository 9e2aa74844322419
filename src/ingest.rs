//! Ingest: turn the paths a user names into raw articles.
//!
//! Contract: [`read_paths`] accepts files, directories (walked recursively in sorted order,
//! hidden entries skipped, symbolic links to directories not followed), `-` for standard input,
//! and `.jsonl` files with one article per line (`{"id","title","text","source","url",
//! "published"}`, only `text` required). Text is decoded as UTF-8 (a UTF-8 byte-order mark is
//! dropped; UTF-16 with a byte-order mark is decoded). A file that cannot be read, is binary or
//! is not valid text becomes a [`Skipped`] entry naming the file and the problem, and the rest
//! goes on. The articles come back sorted by path (then JSONL line), so the order of the
//! arguments never changes the output; their names are unique.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

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

/// Reads every path. A path that does not exist is an error (the user mistyped it); a file
/// that exists but cannot be used is skipped with a reason.
pub fn read_paths<P: AsRef<Path>>(paths: &[P]) -> Result<Ingested> {
    let mut out = Ingested::default();
    let mut seen = HashSet::new();
    for p in paths {
        let p = p.as_ref();
        if p == Path::new("-") {
            if seen.insert(PathBuf::from("-")) {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|source| Error::Input {
                        path: p.to_owned(),
                        source,
                    })?;
                add_bytes(&mut out, "-", "stdin", &bytes, false);
            }
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|source| Error::Input {
            path: p.to_owned(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, &mut out.skipped);
            for f in files {
                let rel = f.strip_prefix(p).unwrap_or(&f).to_owned();
                read_file(&mut out, &mut seen, &f, &rel);
            }
        } else {
            let rel = PathBuf::from(p.file_name().unwrap_or(p.as_os_str()));
            read_file(&mut out, &mut seen, p, &rel);
        }
    }
    out.documents
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    unique_names(&mut out.documents);
    Ok(out)
}

/// Makes names unique by suffixing `~2`, `~3`, ... in order.
fn unique_names(docs: &mut [RawDocument]) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs.iter_mut() {
        let n = count.entry(d.name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            d.name = format!("{}~{}", d.name, n);
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

fn read_file(out: &mut Ingested, seen: &mut HashSet<PathBuf>, path: &Path, rel: &Path) {
    let key = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    if !seen.insert(key) {
        return;
    }
    let shown = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            out.skipped.push(Skipped {
                path: shown,
                reason: format!("cannot read: {e}"),
            });
            return;
        }
    };
    let jsonl = path.extension().is_some_and(|e| e == "jsonl");
    let name = rel.with_extension("").to_string_lossy().into_owned();
    add_bytes(out, &shown, &name, &bytes, jsonl);
}

fn add_bytes(out: &mut Ingested, path: &str, name: &str, bytes: &[u8], jsonl: bool) {
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
    if jsonl {
        read_jsonl(out, path, name, &text);
        return;
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

/// One JSONL record. Only `text` is required.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

fn read_jsonl(out: &mut Ingested, path: &str, name: &str, text: &str) {
    let mut any = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        any = true;
        let at = format!("{path}:{}", i + 1);
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.skipped.push(Skipped {
                    path: at,
                    reason: format!("malformed JSON line: {e}"),
                });
                continue;
            }
        };
        let Some(body) = rec.text.filter(|t| !t.trim().is_empty()) else {
            out.skipped.push(Skipped {
                path: at,
                reason: "record has no \"text\"".into(),
            });
            continue;
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{name}:{}", i + 1),
        };
        out.documents.push(RawDocument {
            name: id,
            path: at,
            file: path.to_owned(),
            line: i + 1,
            title: rec.title.filter(|t| !t.trim().is_empty()),
            date: rec.published.filter(|t| !t.trim().is_empty()),
            url: rec.url.filter(|t| !t.trim().is_empty()),
            source: rec.source.filter(|t| !t.trim().is_empty()),
            text: body,
        });
    }
    if !any {
        out.skipped.push(Skipped {
            path: path.to_owned(),
            reason: "empty file".into(),
        });
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
        read_jsonl(&mut out, "f.jsonl", "f", text);
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
        let mut docs = vec![
            RawDocument {
                name: "a".into(),
                ..Default::default()
            },
            RawDocument {
                name: "a".into(),
                ..Default::default()
            },
        ];
        unique_names(&mut docs);
        assert_eq!(docs[1].name, "a~2");
    }
}
