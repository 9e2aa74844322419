//! Shards: a collection read in pieces, on one machine or many, into the very corpus
//! [`Summarizer::read`] builds in one go.
//!
//! Contract: list the sources once ([`crate::text::ingest::sources`]); read any subsets of them,
//! wherever they lie, with [`Summarizer::read_sources`]; hand every source's [`SourceRead`], in
//! the listing's order, to [`Summarizer::assemble`]. The result equals what [`Summarizer::read`]
//! returns for the same paths and configuration: the same documents and sentences, the same
//! unique names, the same `skipped` entries in the same order. `read` is replayed, not
//! repeated: the run's input limit ([`crate::Limits::run_bytes`]) is charged source by source
//! in listing order, and the articles left with no sentence are listed where `read`'s batches
//! ([`BATCH_ARTICLES`], [`BATCH_BYTES`]) would have listed them. A source that could not be
//! read at all (its machine failed) is one `skipped` entry ([`SourceRead::failed`]).
//!
//! Each source is read and cleaned whole in memory, in parallel with the other sources of the
//! call: a shard should fit its machine. Standard input cannot be read in shards.

use rayon::prelude::*;

use super::Summarizer;
use super::read::{BATCH_ARTICLES, BATCH_BYTES};
use crate::corpus::{Corpus, DocId, Document, Sentence};
use crate::error::{Error, Result, SkipKind, Skipped};
use crate::text::ingest::{self, Source};

/// What reading one source gave, ready to be assembled with the others.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRead {
    /// The source read.
    pub source: Source,
    /// Its size in bytes when read (what it costs of the run's input limit).
    pub size: u64,
    /// The inputs of it that ingest left out (malformed records, documents cut at the limit).
    pub skipped: Vec<Skipped>,
    /// Articles it held before cleaning (whether or not a sentence was left of them).
    pub articles: usize,
    /// Bytes of their text before cleaning.
    pub bytes: usize,
    /// Its articles cleaned and split, names not yet made unique across sources; its `skipped`
    /// holds the articles with no sentence left.
    pub corpus: Corpus,
}

impl SourceRead {
    /// A source that could not be read at all (for example, the machine reading it failed):
    /// it is left out with `reason`, like an unreadable file.
    pub fn failed(source: Source, reason: impl Into<String>) -> SourceRead {
        SourceRead {
            skipped: vec![Skipped::new(SkipKind::Unreadable, source.shown(), reason)],
            source,
            size: 0,
            articles: 0,
            bytes: 0,
            corpus: Corpus::default(),
        }
    }
}

impl Summarizer {
    /// Reads, cleans and splits some of a listing's sources (in parallel), one
    /// [`SourceRead`] each, in the order given. Fails on standard input, which cannot be
    /// shared out.
    pub fn read_sources(&self, sources: &[Source]) -> Result<Vec<SourceRead>> {
        if sources.iter().any(Source::is_stdin) {
            return Err(Error::Config(
                "standard input cannot be read in shards: save it to a file".into(),
            ));
        }
        let limits = self.config.limits;
        self.pool.install(|| {
            sources
                .par_iter()
                .map(|src| {
                    let size = src.len();
                    let read = ingest::read_source(
                        src,
                        &self.config.fields,
                        limits.document_bytes,
                        limits.run_bytes,
                    )?;
                    let articles = read.documents.len();
                    let bytes = read.documents.iter().map(|d| d.text.len()).sum();
                    Ok(SourceRead {
                        source: src.clone(),
                        size,
                        skipped: read.skipped,
                        articles,
                        bytes,
                        corpus: self.corpus(read.documents),
                    })
                })
                .collect()
        })
    }

    /// Assembles the reads of every source of a listing, in the listing's order, into the
    /// corpus [`Summarizer::read`] would have built (see the module docs). `listed` is what
    /// listing the paths skipped.
    pub fn assemble(&self, listed: Vec<Skipped>, reads: Vec<SourceRead>) -> Corpus {
        let mut documents = Vec::new();
        let mut sentences = Vec::new();
        let parts = reads.into_iter().map(|r| {
            let (head, corpus) = r.split();
            (head, (corpus.documents, corpus.sentences), corpus.skipped)
        });
        let skipped = self.assemble_parts(listed, parts, |(docs, sents)| {
            let offset = documents.len() as u32;
            documents.extend(docs);
            sentences.extend(sents.into_iter().map(|s: Sentence| Sentence {
                doc: DocId(s.doc.0 + offset),
                ..s
            }));
        });
        ingest::unique_names(documents.iter_mut().map(|d: &mut Document| &mut d.meta.id));
        Corpus {
            documents,
            sentences,
            skipped,
        }
    }

    /// The order of [`Summarizer::assemble`] for any contents: each source's `(head, contents,
    /// empty)` in listing order, where `empty` lists its articles with no sentence. `take` is
    /// given the contents of every source within the run's input limit, in order; the result
    /// is the run's `skipped` list, as `assemble` builds it. Names are not made unique here
    /// (the caller does it over the contents taken, with [`ingest::unique_names`]).
    pub fn assemble_parts<T>(
        &self,
        listed: Vec<Skipped>,
        parts: impl IntoIterator<Item = (SourceHead, T, Vec<Skipped>)>,
        mut take: impl FnMut(T),
    ) -> Vec<Skipped> {
        let mut skipped = listed;
        let mut left = self.config.limits.run_bytes;
        let mut batch = (0usize, 0usize);
        let mut unlisted: Vec<Skipped> = Vec::new();
        for (read, contents, empty) in parts {
            if read.size > left {
                // As `ingest::read_source` words it when the limit is reached.
                skipped.push(Skipped::new(
                    SkipKind::RunLimit,
                    read.source.shown(),
                    format!(
                        "not read: {} bytes, more than the {left} left of the run's input limit",
                        read.size
                    ),
                ));
                continue;
            }
            if read.articles > 0 {
                left = left.saturating_sub(read.size);
            }
            skipped.extend(read.skipped);
            take(contents);
            unlisted.extend(empty);
            batch = (batch.0 + read.articles, batch.1 + read.bytes);
            if batch.0 >= BATCH_ARTICLES || batch.1 >= BATCH_BYTES {
                skipped.append(&mut unlisted);
                batch = (0, 0);
            }
        }
        skipped.append(&mut unlisted);
        skipped
    }
}

/// A [`SourceRead`] without its corpus: what assembling needs to know of a source besides
/// its articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceHead {
    /// The source read.
    pub source: Source,
    /// Its size in bytes when read.
    pub size: u64,
    /// The inputs of it that ingest left out.
    pub skipped: Vec<Skipped>,
    /// Articles it held before cleaning.
    pub articles: usize,
    /// Bytes of their text before cleaning.
    pub bytes: usize,
}

impl SourceRead {
    /// Its head and its corpus.
    pub fn split(self) -> (SourceHead, Corpus) {
        let head = SourceHead {
            source: self.source,
            size: self.size,
            skipped: self.skipped,
            articles: self.articles,
            bytes: self.bytes,
        };
        (head, self.corpus)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::config::Config;

    /// Reads `paths` in one go and in every given sharding, and checks that they agree.
    fn check(config: Config, paths: &[std::path::PathBuf], cuts: &[&[usize]]) {
        let s = Summarizer::new(config).unwrap();
        let whole = s.read(paths, &mut |_| {}).unwrap();
        let (sources, listed) = ingest::sources(paths).unwrap();
        for cut in cuts {
            let mut reads = Vec::new();
            let mut start = 0;
            for &end in cut.iter().chain([&sources.len()]) {
                reads.extend(s.read_sources(&sources[start..end]).unwrap());
                start = end;
            }
            let sharded = s.assemble(listed.clone(), reads);
            assert_eq!(sharded, whole, "sharded at {cut:?}");
        }
    }

    fn jsonl(records: usize, furniture_every: usize) -> String {
        let mut out = String::new();
        for i in 0..records {
            if i % furniture_every == 0 {
                writeln!(out, "{{\"id\":\"r\",\"text\":\"Share this\"}}").unwrap();
            } else if i % 97 == 0 {
                writeln!(out, "not json").unwrap();
            } else {
                writeln!(
                    out,
                    "{{\"id\":\"r\",\"text\":\"Report {i} on the storm that closed the \
                     harbour bridge.\"}}"
                )
                .unwrap();
            }
        }
        out
    }

    #[test]
    fn sharded_reads_assemble_into_the_corpus_read_builds() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        std::fs::create_dir_all(x.join("sub")).unwrap();
        std::fs::create_dir_all(y.join("sub")).unwrap();
        // More than BATCH_ARTICLES records over two files, so that `read` flushes a batch
        // between sources; bad lines and furniture-only records in both.
        std::fs::write(x.join("a.jsonl"), jsonl(1500, 50)).unwrap();
        std::fs::write(x.join("b.jsonl"), jsonl(1200, 70)).unwrap();
        std::fs::write(
            x.join("sub/c.txt"),
            "Storm shuts bridge\n\nA storm closed it.",
        )
        .unwrap();
        std::fs::write(x.join("d.txt"), "Share this").unwrap();
        std::fs::write(x.join("e.json"), "[{\"title\": \"no text\"}]").unwrap();
        std::fs::write(x.join("f.bin"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
        // The same name under two folders, made unique across shards.
        std::fs::write(
            y.join("sub/c.txt"),
            "Ferries carried commuters across the bay.",
        )
        .unwrap();
        let paths = [x, y];
        let cuts: &[&[usize]] = &[&[], &[1], &[1, 2, 3, 4, 5, 6], &[3, 5]];
        check(Config::default().with_threads(2), &paths, cuts);

        // The run's input limit, charged in listing order.
        let mut config = Config::default();
        config.limits.run_bytes = std::fs::metadata(paths[0].join("a.jsonl")).unwrap().len() + 50;
        check(config, &paths, cuts);
    }

    /// A records file of at least `ingest::STREAM_BYTES`, in JSON lines or as one array:
    /// furniture-only records, bad records and documents over a 4,000-byte limit among them.
    fn large_records(array: bool) -> String {
        let body = "The storm that closed the harbour bridge moved north overnight. ".repeat(2);
        let mut records = Vec::new();
        let mut i = 0;
        let mut bytes = 0;
        while bytes < ingest::STREAM_BYTES as usize + 1000 {
            let r = match i % 500 {
                7 => "{\"id\":\"f\",\"text\":\"Share this\"}".to_string(),
                9 => "{\"title\":\"no text\"}".to_string(),
                11 if !array => "not json".to_string(),
                13 => format!("{{\"text\":\"{}\"}}", body.repeat(40)),
                _ => format!("{{\"id\":\"r{i}\",\"text\":\"Report {i}. {body}\"}}"),
            };
            bytes += r.len() + 2;
            records.push(r);
            i += 1;
        }
        if array {
            format!("[{}]", records.join(",\n"))
        } else {
            records.join("\n")
        }
    }

    #[test]
    fn large_record_files_read_as_they_stream_are_what_the_whole_read_gives() {
        // `read` streams these (they are at least STREAM_BYTES); `read_sources` reads each
        // whole. A small file before each, so that the batch holds articles of another source.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.jsonl"), jsonl(300, 50)).unwrap();
        std::fs::write(dir.path().join("b.json"), large_records(true)).unwrap();
        std::fs::write(dir.path().join("c.txt"), "Share this").unwrap();
        std::fs::write(dir.path().join("d.jsonl"), large_records(false)).unwrap();
        let paths = [dir.path().to_path_buf()];
        let mut config = Config::default().with_threads(2);
        config.limits.document_bytes = 4000;
        let s = Summarizer::new(config.clone()).unwrap();
        let whole = s.read(&paths, &mut |_| {}).unwrap();
        assert!(whole.documents.len() > 2 * super::BATCH_ARTICLES);
        let kinds = |k: SkipKind| whole.skipped.iter().filter(|e| e.kind == k).count();
        assert!(kinds(SkipKind::DocumentLimit) > 10);
        assert!(kinds(SkipKind::NoSentences) > 10);
        assert!(kinds(SkipKind::Malformed) > 10);
        check(config, &paths, &[&[], &[2]]);
    }

    #[test]
    fn a_failed_source_is_skipped_and_standard_input_refused() {
        let s = Summarizer::new(Config::default()).unwrap();
        let src = Source {
            path: "lost/a.txt".into(),
            name: "a".into(),
        };
        let corpus = s.assemble(Vec::new(), vec![SourceRead::failed(src, "worker died")]);
        assert!(corpus.documents.is_empty());
        assert_eq!(corpus.skipped[0].path, "lost/a.txt");
        assert_eq!(corpus.skipped[0].reason, "worker died");
        let stdin = Source {
            path: "-".into(),
            name: "stdin".into(),
        };
        assert!(matches!(s.read_sources(&[stdin]), Err(Error::Config(_))));
    }
}
