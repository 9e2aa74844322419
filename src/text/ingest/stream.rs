//! Streamed records: a `.json` or `.jsonl` file read through a buffer, record by record, never
//! held whole in memory.
//!
//! Contract: [`read_file`] gives exactly what reading the whole file and decoding it would
//! give (the same articles and `skipped` entries in the same order), or `None` when the file
//! is not one it can stream, and the caller reads it whole. It streams a plain UTF-8 file (with
//! or without a byte-order mark) that starts like JSON; it declines a gzip file, UTF-16, a
//! binary, a page or a feed saved as `.json`, a file with an invalid UTF-8 byte anywhere, a
//! file that grew past the limit it is read to, and any file it cannot open or read (the whole
//! read then reports those as it always has).
//!
//! Why: a large array file (SaudiNewsNet three times over is one 318 MB `.json`) read whole
//! held its bytes, a decoded copy of them and every article parsed from them at once (three
//! copies of the text, 784 MB at the start of the run). Streamed, the file costs a 64 KB
//! buffer; the articles parsed from it are the one copy of the text. The file is read twice
//! (once to check that all of it is UTF-8, as the whole read would, then to parse it), both
//! times sequentially from the page cache.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Take};
use std::path::Path;

use super::records::{parse_json, read_jsonl_lines};
use super::{Ingested, Kind, Source, cut_documents, kind_of, read_source, web};
use crate::config::Fields;
use crate::corpus::RawDocument;
use crate::error::{Result, Skipped};

/// The read buffer of a streamed file.
const BUFFER: usize = 64 << 10;
/// The UTF-8 byte-order mark.
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
/// Record files at least this large are streamed by [`read_source_chunked`] (and never read
/// ahead whole by [`super::Prefetch`]); smaller ones are read whole, several at once. (1 MB in
/// the crate's unit tests, so that they stream files of a few megabytes.)
pub const STREAM_BYTES: u64 = if cfg!(test) { 1 << 20 } else { 16 << 20 };

/// True when [`read_source_chunked`] streams a source: a `.json` or `.jsonl` file (not
/// compressed, not standard input) of at least [`STREAM_BYTES`].
pub fn streams(src: &Source) -> bool {
    let gz = src
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    !src.is_stdin()
        && !gz
        && matches!(kind_of(&src.path), Kind::Json | Kind::Jsonl)
        && src.len() >= STREAM_BYTES
}

/// Reads one source as [`read_source`] does, handing its articles to `sink` in chunks of
/// about `chunk_articles` articles or `chunk_bytes` bytes of text as they are parsed: the
/// chunks, put together, are `read_source`'s articles, and the entries returned are its
/// `skipped`, in its order. A source that [`streams`] is never held whole (when it can be
/// streamed at all: see the module docs); any other is read whole and handed out at once.
pub fn read_source_chunked(
    src: &Source,
    fields: &Fields,
    max_document_bytes: usize,
    max_bytes: u64,
    (chunk_articles, chunk_bytes): (usize, usize),
    sink: &mut dyn FnMut(Vec<RawDocument>),
) -> Result<Vec<Skipped>> {
    if streams(src) && src.len() <= max_bytes {
        let json = kind_of(&src.path) == Kind::Json;
        if let Some(reader) = open(&src.path, json, src.len(), max_bytes) {
            let mut cut = Vec::new();
            let mut bytes = 0usize;
            let mut hook = |out: &mut Ingested| {
                if let Some(d) = out.documents.last() {
                    bytes += d.text.len();
                }
                if out.documents.len() >= chunk_articles || bytes >= chunk_bytes {
                    let mut docs = std::mem::take(&mut out.documents);
                    cut.extend(cut_documents(&mut docs, max_document_bytes, false));
                    sink(docs);
                    bytes = 0;
                }
            };
            let mut out = parse(reader, &src.shown(), &src.name, json, fields, &mut hook);
            let mut docs = std::mem::take(&mut out.documents);
            cut.extend(cut_documents(&mut docs, max_document_bytes, false));
            if !docs.is_empty() {
                sink(docs);
            }
            out.skipped.extend(cut);
            return Ok(out.skipped);
        }
    }
    let read = read_source(src, fields, max_document_bytes, max_bytes)?;
    if !read.documents.is_empty() {
        sink(read.documents);
    }
    Ok(read.skipped)
}

/// Reads a records file (`json`: an array or one record; else JSON lines) of `size` bytes as
/// listed, to at most `limit` bytes, all at once, or declines (see the module docs).
pub(super) fn read_file(
    path: &Path,
    shown: &str,
    name: &str,
    json: bool,
    fields: &Fields,
    size: u64,
    limit: u64,
) -> Option<Ingested> {
    let reader = open(path, json, size, limit)?;
    Some(parse(reader, shown, name, json, fields, &mut |_| {}))
}

/// The file's text through a buffer, past its byte-order mark, when it can be streamed (see
/// the module docs).
fn open(path: &Path, json: bool, size: u64, limit: u64) -> Option<BufReader<Take<File>>> {
    let head = head(path, limit).ok()?;
    let bom = if head.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &head[bom..];
    if web::sniff::is_gzip(&head)
        || head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || body[..body.len().min(8192)].contains(&0)
    {
        return None;
    }
    if json {
        // What the whole read looks for first: a page or a feed saved as `.json`, an empty file,
        // a file that is not an array or an object.
        let start = std::str::from_utf8(body)
            .unwrap_or_else(|e| std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default());
        if web::sniff(&head).is_some() || !start.trim_start().starts_with(['[', '{']) {
            return None;
        }
    }
    let read = utf8_length(path, limit).ok()??;
    if read == limit && size > limit {
        // Cut at the limit, possibly inside a character: the whole read trims it.
        return None;
    }
    let mut reader = BufReader::with_capacity(BUFFER, File::open(path).ok()?.take(limit));
    let buffered = reader.fill_buf().ok()?.len();
    reader.consume(bom.min(buffered));
    Some(reader)
}

/// Parses an opened file's records; `hook` sees the result after each record.
fn parse(
    reader: BufReader<Take<File>>,
    shown: &str,
    name: &str,
    json: bool,
    fields: &Fields,
    hook: &mut dyn FnMut(&mut Ingested),
) -> Ingested {
    let mut out = Ingested::default();
    if json {
        let de = serde_json::Deserializer::from_reader(reader);
        parse_json(&mut out, shown, name, de, fields, hook);
    } else {
        // Every byte was checked to be UTF-8, so a line fails only if the file changes while
        // read; it then ends there.
        let lines = reader.lines().map_while(std::result::Result::ok);
        read_jsonl_lines(&mut out, shown, name, lines, fields, hook);
    }
    out
}

/// The first [`web::sniff::HEAD`] bytes of a file (at least 8 KB, as the decoder looks that far
/// for a NUL byte), fewer when it is shorter.
fn head(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let want = web::sniff::HEAD.max(8192 + BOM.len()) as u64;
    let mut head = Vec::new();
    File::open(path)?
        .take(limit.min(want))
        .read_to_end(&mut head)?;
    Ok(head)
}

/// The length of a file read to at most `limit` bytes when all of it is UTF-8; `None` when a
/// byte is not (a character cut by the end counts as invalid, as it does for the whole read).
fn utf8_length(path: &Path, limit: u64) -> std::io::Result<Option<u64>> {
    let mut file = File::open(path)?.take(limit);
    let mut buf = vec![0u8; 1 << 20];
    let (mut carry, mut total) = (0usize, 0u64);
    loop {
        let n = match file.read(&mut buf[carry..]) {
            Ok(0) => return Ok((carry == 0).then_some(total)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        total += n as u64;
        let filled = carry + n;
        carry = match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => 0,
            Err(e) if e.error_len().is_some() => return Ok(None),
            Err(e) => {
                // A character continues in the next read.
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                filled - valid
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ingest::records::{read_json, read_jsonl};

    /// What the whole read gives for the same bytes.
    fn whole(bytes: &[u8], json: bool) -> Ingested {
        let mut out = Ingested::default();
        let text = crate::text::ingest::decode(bytes).expect("text");
        if json {
            read_json(&mut out, "f", "f", &text, &Fields::default());
        } else {
            read_jsonl(&mut out, "f", "f", &text, &Fields::default());
        }
        out
    }

    fn streamed(bytes: &[u8], json: bool) -> Option<Ingested> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f");
        std::fs::write(&path, bytes).expect("write");
        let size = bytes.len() as u64;
        read_file(&path, "f", "f", json, &Fields::default(), size, u64::MAX)
    }

    fn same(a: &Ingested, b: &Ingested) {
        assert_eq!(format!("{:?}", a.documents), format!("{:?}", b.documents));
        assert_eq!(a.skipped, b.skipped);
    }

    #[test]
    fn a_streamed_array_is_the_whole_read() {
        // Arabic text across the 1 MB read chunks: characters cut between two reads.
        let body = "نص المقال. ".repeat(60_000);
        let mut text = String::from("\u{feff}[\n");
        for i in 0..4 {
            text.push_str(&format!(
                "{{\"id\": \"r{i}\", \"title\": \"عنوان {i}\", \"text\": \"{body}\"}},\n"
            ));
        }
        text.push_str("{\"title\": \"no text\"}, 42, {\"text\": \"last one.\"}\n]");
        let s = streamed(text.as_bytes(), true).expect("streamed");
        assert_eq!(s.documents.len(), 5);
        assert_eq!(s.documents[1].meta.title.as_deref(), Some("عنوان 1"));
        assert_eq!(s.skipped.len(), 2);
        same(&s, &whole(text.as_bytes(), true));
    }

    #[test]
    fn a_broken_tail_keeps_the_records_before_it() {
        let text = "[{\"text\": \"one.\"}, {\"text\": \"two.\"}, {\"text\": ";
        let s = streamed(text.as_bytes(), true).expect("streamed");
        assert_eq!(s.documents.len(), 2);
        assert!(
            s.skipped[0].reason.contains("after record 2"),
            "{:?}",
            s.skipped
        );
        same(&s, &whole(text.as_bytes(), true));
    }

    #[test]
    fn streamed_lines_are_the_whole_read() {
        let text = "{\"text\":\"a.\"}\r\nnot json\n\n{\"title\":\"x\"}\n{\"text\":\"b.\"}";
        let s = streamed(text.as_bytes(), false).expect("streamed");
        assert_eq!(s.documents.len(), 2);
        assert_eq!(s.documents[1].meta.id, "f:5");
        same(&s, &whole(text.as_bytes(), false));
    }

    #[test]
    fn declines_what_the_whole_read_must_judge() {
        let mut invalid = b"[{\"text\": \"caf".to_vec();
        invalid.extend_from_slice(&[0xE9, b'"', b'}', b']']);
        assert!(streamed(&invalid, true).is_none(), "invalid UTF-8");
        assert!(streamed(b"\xff\xfe[\0]\0", true).is_none(), "UTF-16");
        assert!(streamed(b"\x1f\x8b\x08\0", true).is_none(), "gzip");
        assert!(
            streamed(b"<html><body><p>x</p></body></html>", true).is_none(),
            "a page"
        );
        assert!(streamed(b"  \n ", true).is_none(), "blank");
        assert!(streamed(b"\"a string\"", true).is_none(), "not an array");
        let cut = "[{\"text\": \"é\"}]";
        assert!(
            utf8_length_of(&cut.as_bytes()[..12]).is_none(),
            "a character cut"
        );
        assert_eq!(utf8_length_of(cut.as_bytes()), Some(cut.len() as u64));
    }

    fn utf8_length_of(bytes: &[u8]) -> Option<u64> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f");
        std::fs::write(&path, bytes).expect("write");
        utf8_length(&path, u64::MAX).expect("read")
    }
}
