//! The bytes a distributed digest hands between its tasks ([`super::shard`]): a compact binary
//! form of corpora, signatures and skipped inputs, written and read by this module alone.
//!
//! Integers are LEB128 varints (a count or a length takes a byte or two), term hashes and text
//! keys 8 little-endian bytes, strings their length then their UTF-8 bytes, options a 0/1 byte
//! first. Every message starts with [`MAGIC`] and a tag saying what it holds, so that bytes of
//! another kind or another version are refused with an error, never misread.

use std::ops::Range;
use std::path::PathBuf;

use crate::config::Language;
use crate::corpus::{Corpus, DocId, Document, Meta, Origin, Sentence};
use crate::error::{Error, Result, SkipKind, Skipped};
use crate::text::ingest::Source;

/// The first bytes of every message (the format's version is its last byte).
pub const MAGIC: &[u8; 4] = b"BRF1";

/// Every [`SkipKind`], by its code on the wire.
const KINDS: [SkipKind; 11] = [
    SkipKind::Unreadable,
    SkipKind::NotAFile,
    SkipKind::NotText,
    SkipKind::Empty,
    SkipKind::Malformed,
    SkipKind::NoText,
    SkipKind::NoSentences,
    SkipKind::NoArticle,
    SkipKind::UnreadDate,
    SkipKind::DocumentLimit,
    SkipKind::RunLimit,
];
const LANGUAGES: [Language; 3] = [Language::Arabic, Language::English, Language::Other];
const ORIGINS: [Origin; 3] = [Origin::Text, Origin::Page, Origin::FeedItem];

/// Writes a message.
pub struct Writer(Vec<u8>);

impl Writer {
    /// A message of kind `tag`.
    pub fn new(tag: u8) -> Writer {
        let mut out = MAGIC.to_vec();
        out.push(tag);
        Writer(out)
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.0
    }

    /// An unsigned integer (LEB128).
    pub fn int(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    /// A 64-bit hash, as 8 bytes.
    pub fn hash(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    /// A 32-bit float, as 4 bytes.
    pub fn float(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    /// A string.
    pub fn str(&mut self, s: &str) {
        self.int(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    /// An optional string.
    pub fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }

    /// A skipped input.
    pub fn skipped(&mut self, s: &Skipped) {
        self.str(&s.path);
        self.str(&s.reason);
        self.int(KINDS.iter().position(|&k| k == s.kind).unwrap_or(0) as u64);
    }

    /// A list of skipped inputs.
    pub fn skipped_list(&mut self, list: &[Skipped]) {
        self.int(list.len() as u64);
        list.iter().for_each(|s| self.skipped(s));
    }

    /// A source (its path must be UTF-8 to travel: a listing's paths are).
    pub fn source(&mut self, s: &Source) {
        self.str(&s.path.to_string_lossy());
        self.str(&s.name);
    }

    /// A document's metadata.
    pub fn meta(&mut self, m: &Meta) {
        self.str(&m.id);
        self.str(&m.path);
        self.opt(m.title.as_deref());
        self.opt(m.date.as_deref());
        self.opt(m.url.as_deref());
        self.opt(m.source.as_deref());
        self.opt(m.lang.as_deref());
        self.int(ORIGINS.iter().position(|&o| o == m.origin).unwrap_or(0) as u64);
    }

    /// Some documents of a corpus with their sentences (its `skipped` list is not written).
    pub fn documents(&mut self, corpus: &Corpus, docs: &[DocId], ranges: &[Range<usize>]) {
        self.int(docs.len() as u64);
        for &d in docs {
            let doc = &corpus.documents[d.index()];
            self.meta(&doc.meta);
            self.int(
                LANGUAGES
                    .iter()
                    .position(|&l| l == doc.language)
                    .unwrap_or(2) as u64,
            );
            self.str(&doc.text);
            let sentences = &corpus.sentences[ranges[d.index()].clone()];
            self.int(sentences.len() as u64);
            let mut at = 0;
            for s in sentences {
                // Spans are ordered and disjoint: each is written from the end of the last.
                self.int((s.span.start - at) as u64);
                self.int((s.span.end - s.span.start) as u64);
                self.int(u64::from(s.index));
                self.0.push(u8::from(s.heading));
                at = s.span.end;
            }
        }
    }
}

/// Reads a message.
pub struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

/// The error of bytes that are not a message of the expected kind.
fn bad(what: &str) -> Error {
    Error::Input {
        path: PathBuf::from("<shard data>"),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string()),
    }
}

impl<'a> Reader<'a> {
    /// Opens a message, which must be of kind `tag`.
    pub fn new(buf: &'a [u8], tag: u8) -> Result<Reader<'a>> {
        if buf.len() < 5 || &buf[..4] != MAGIC || buf[4] != tag {
            return Err(bad("not shard data of this kind and version"));
        }
        Ok(Reader { buf, at: 5 })
    }

    /// Fails unless the whole message was read.
    pub fn end(&self) -> Result<()> {
        if self.at == self.buf.len() {
            Ok(())
        } else {
            Err(bad("trailing bytes"))
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| bad("cut short"))?;
        let out = &self.buf[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned integer.
    pub fn int(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("integer too long"))
    }

    /// An integer that indexes or counts something in memory.
    pub fn size(&mut self) -> Result<usize> {
        usize::try_from(self.int()?).map_err(|_| bad("size too large"))
    }

    /// A count of items that each take at least one byte (bounded by the bytes left, so that a
    /// damaged count cannot ask for a huge allocation).
    pub fn count(&mut self) -> Result<usize> {
        let n = self.size()?;
        if n > self.buf.len() - self.at {
            return Err(bad("count larger than the message"));
        }
        Ok(n)
    }

    /// A 64-bit hash.
    pub fn hash(&mut self) -> Result<u64> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// A 32-bit float.
    pub fn float(&mut self) -> Result<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes(b.try_into().expect("4 bytes")))
    }

    /// A string.
    pub fn str(&mut self) -> Result<String> {
        let n = self.size()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| bad("text is not UTF-8"))
    }

    /// An optional string.
    pub fn opt(&mut self) -> Result<Option<String>> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(bad("bad option")),
        }
    }

    fn pick<T: Copy>(&mut self, all: &[T]) -> Result<T> {
        all.get(self.size()?)
            .copied()
            .ok_or_else(|| bad("unknown code"))
    }

    /// A skipped input.
    pub fn skipped(&mut self) -> Result<Skipped> {
        let path = self.str()?;
        let reason = self.str()?;
        Ok(Skipped::new(self.pick(&KINDS)?, path, reason))
    }

    /// A list of skipped inputs.
    pub fn skipped_list(&mut self) -> Result<Vec<Skipped>> {
        (0..self.count()?).map(|_| self.skipped()).collect()
    }

    /// A source.
    pub fn source(&mut self) -> Result<Source> {
        let path = PathBuf::from(self.str()?);
        Ok(Source {
            path,
            name: self.str()?,
        })
    }

    /// A document's metadata.
    pub fn meta(&mut self) -> Result<Meta> {
        Ok(Meta {
            id: self.str()?,
            path: self.str()?,
            title: self.opt()?,
            date: self.opt()?,
            url: self.opt()?,
            source: self.opt()?,
            lang: self.opt()?,
            origin: self.pick(&ORIGINS)?,
        })
    }

    /// Documents with their sentences, appended to `corpus`.
    pub fn documents(&mut self, corpus: &mut Corpus) -> Result<()> {
        for _ in 0..self.count()? {
            let meta = self.meta()?;
            let language = self.pick(&LANGUAGES)?;
            let text = self.str()?;
            let doc = DocId(corpus.documents.len() as u32);
            let mut at = 0usize;
            for _ in 0..self.count()? {
                let (gap, len) = (self.size()?, self.size()?);
                let start = at.checked_add(gap).ok_or_else(|| bad("bad span"))?;
                let end = start.checked_add(len).ok_or_else(|| bad("bad span"))?;
                let index = u32::try_from(self.int()?).map_err(|_| bad("bad index"))?;
                if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end)
                {
                    return Err(bad("sentence outside its document"));
                }
                corpus.sentences.push(Sentence {
                    doc,
                    index,
                    span: start..end,
                    heading: self.byte()? != 0,
                });
                at = end;
            }
            corpus.documents.push(Document {
                meta,
                language,
                text,
            });
        }
        Ok(())
    }
}
