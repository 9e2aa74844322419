//! Read: paths or raw articles -> a [`Corpus`], cleaned and split in parallel batches.
//!
//! Contract: [`Summarizer::read`] lists the sources first and reads them one at a time, cleaning
//! and splitting each batch of [`BATCH_ARTICLES`] articles (or [`BATCH_BYTES`] of text) in
//! parallel and dropping its raw text once cleaned, so that one copy of the text is held. The
//! corpus's documents come sorted by path with unique names; every input left out is in
//! [`Corpus::skipped`]. An article with no sentence left after cleaning is skipped too. Feed
//! items come last, those whose link is an article already read left out (see
//! [`web::input::FeedItems`]); sources are read ahead in parallel ([`ingest::Prefetch`]),
//! except large record files ([`ingest::streams`]), whose records join the batches as they are
//! parsed, with the same result as reading them whole.

use std::path::Path;

use rayon::prelude::*;

use super::{Progress, Summarizer};
use crate::corpus::{Corpus, DocId, Document, Meta, RawDocument, Sentence};
use crate::error::{Result, SkipKind, Skipped};
use crate::text::ingest::{self, web};
use crate::text::{clean, split, tokenize};

/// A digest cleans and splits articles in batches of this many articles (or [`BATCH_BYTES`]
/// of text), in parallel within a batch.
pub const BATCH_ARTICLES: usize = 2_000;
/// See [`BATCH_ARTICLES`].
pub const BATCH_BYTES: usize = 16 << 20;

impl Summarizer {
    /// Cleans and splits raw articles into a corpus (in parallel). Articles with no sentence
    /// left are listed in its `skipped`.
    pub fn corpus(&self, docs: Vec<RawDocument>) -> Corpus {
        let mut corpus = Corpus::default();
        self.extend_corpus(&mut corpus, docs);
        corpus
    }

    /// Cleans and splits raw articles (in parallel) and appends them to a corpus, dropping
    /// each raw text once cleaned, so that a large collection can be read in batches with
    /// one copy of its text in memory. Articles with no sentence left are added to its
    /// `skipped`.
    pub fn extend_corpus(&self, corpus: &mut Corpus, docs: Vec<RawDocument>) {
        let forced = self.config.language;
        let limits = self.config.limits;
        let scripts = clean::scripts_of(docs.iter().map(|d| d.text.as_str()));
        let prepared: Vec<_> = self.pool.install(|| {
            rayon::join(
                || crate::text::resources::prepare(&scripts),
                || split::prepare(&scripts),
            );
            docs.into_par_iter()
                .map(|mut raw| {
                    let raw_text = std::mem::take(&mut raw.text);
                    let cleaned = clean::clean(&raw_text, raw.meta.title.as_deref());
                    drop(raw_text);
                    let language = forced.unwrap_or_else(|| {
                        let mut sample = String::new();
                        for p in &cleaned.paragraphs {
                            if sample.len() >= 4 * tokenize::LANGUAGE_SAMPLE {
                                break;
                            }
                            sample.push_str(&p.text);
                            sample.push('\n');
                        }
                        let detected = tokenize::detect_language(&sample);
                        web::language_hint(detected, raw.meta.lang.as_deref())
                    });
                    let (text, spans) =
                        split::split_document(&cleaned, language, limits.sentence_chars);
                    (raw, cleaned.title, cleaned.date, text, spans, language)
                })
                .collect()
        });
        corpus.documents.reserve(prepared.len());
        corpus
            .sentences
            .reserve(prepared.iter().map(|p| p.4.len()).sum());
        for (raw, title, printed_date, text, spans, language) in prepared {
            if spans.iter().all(|(_, heading)| *heading) {
                corpus.skipped.push(Skipped::new(
                    SkipKind::NoSentences,
                    raw.meta.path,
                    "no sentences left after removing page furniture",
                ));
                continue;
            }
            let mut date = raw.meta.date.or(printed_date);
            if let Some(d) = date.as_deref()
                && let Err(e) = crate::text::date::moment(d)
                && crate::text::date::day_number(d).is_none()
            {
                corpus.skipped.push(Skipped::new(
                    SkipKind::UnreadDate,
                    raw.meta.path.clone(),
                    format!("{e}; the article is used without a date"),
                ));
                date = None;
            }
            let doc = DocId(corpus.documents.len() as u32);
            for (index, (span, heading)) in spans.into_iter().enumerate() {
                corpus.sentences.push(Sentence {
                    doc,
                    index: index as u32,
                    span,
                    heading,
                });
            }
            corpus.documents.push(Document {
                meta: Meta {
                    title,
                    date,
                    ..raw.meta
                },
                language,
                text,
            });
        }
    }

    /// Reads, cleans and splits the paths into a corpus (see the module docs). `progress`
    /// hears the bytes read.
    ///
    /// ```
    /// use briefing::{Config, Summarizer};
    ///
    /// let dir = std::env::temp_dir().join(format!("briefing-doc-read-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.txt"), "Storm shuts bridge\n\nA storm closed the bridge.").unwrap();
    /// std::fs::write(dir.join("b.bin"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    ///
    /// let summarizer = Summarizer::new(Config::default())?;
    /// let corpus = summarizer.read(&[&dir], &mut |_| {})?;
    /// assert_eq!(corpus.documents.len(), 1);
    /// assert_eq!(corpus.documents[0].meta.title.as_deref(), Some("Storm shuts bridge"));
    /// assert!(corpus.skipped[0].reason.contains("binary"));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), briefing::Error>(())
    /// ```
    pub fn read<P: AsRef<Path>>(
        &self,
        paths: &[P],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Corpus> {
        let (sources, skipped) = ingest::sources(paths)?;
        let sizes: Vec<u64> = sources.iter().map(ingest::Source::len).collect();
        let total: u64 = sizes.iter().sum();
        let limits = self.config.limits;
        let mut corpus = Corpus {
            skipped,
            ..Corpus::default()
        };
        let mut batch: Vec<RawDocument> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut done = 0u64;
        let mut left = limits.run_bytes;
        let mut feed_items = web::input::FeedItems::default();
        let mut ahead = ingest::Prefetch::new(&sources);
        for size in &sizes {
            let Some((src, read)) = self
                .pool
                .install(|| ahead.next(&self.config.fields, limits.document_bytes, left))
            else {
                break;
            };
            let Some(read) = read else {
                // A large records file: its articles join the batch as they are parsed, so
                // that it is never held whole. A batch filled meanwhile is cleaned at once; the
                // articles it leaves out are listed after the file's own entries, where
                // reading the file whole would have listed them.
                let (mut held, mut flushed, mut articles) = (Vec::new(), false, 0usize);
                let own = ingest::read_source_chunked(
                    src,
                    &self.config.fields,
                    limits.document_bytes,
                    left,
                    (BATCH_ARTICLES, BATCH_BYTES),
                    &mut |docs| {
                        articles += docs.len();
                        let docs = feed_items.hold(docs);
                        batch_bytes += docs.iter().map(|d| d.text.len()).sum::<usize>();
                        batch.extend(docs);
                        if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                            let before = corpus.skipped.len();
                            self.extend_corpus(&mut corpus, std::mem::take(&mut batch));
                            held.extend(corpus.skipped.drain(before..));
                            (batch_bytes, flushed) = (0, true);
                        }
                    },
                )?;
                if articles > 0 {
                    left = left.saturating_sub(*size);
                }
                corpus.skipped.extend(own);
                corpus.skipped.append(&mut held);
                done += size;
                if flushed || batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                    self.extend_corpus(&mut corpus, std::mem::take(&mut batch));
                    batch_bytes = 0;
                    progress(Progress::Reading { done, total });
                }
                continue;
            };
            let mut read = read?;
            if !read.documents.is_empty() || src.is_stdin() {
                left = left.saturating_sub(if src.is_stdin() {
                    read.documents.iter().map(|d| d.text.len() as u64).sum()
                } else {
                    *size
                });
            }
            read.documents = feed_items.hold(read.documents);
            corpus.skipped.extend(read.skipped);
            batch_bytes += read.documents.iter().map(|d| d.text.len()).sum::<usize>();
            batch.extend(read.documents);
            done += size;
            if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                self.extend_corpus(&mut corpus, std::mem::take(&mut batch));
                batch_bytes = 0;
                progress(Progress::Reading { done, total });
            }
        }
        self.extend_corpus(&mut corpus, batch);
        // Feed items last: those whose link is an article already read give way to it.
        let items = feed_items.release_into(&mut corpus);
        self.extend_corpus(&mut corpus, items);
        progress(Progress::Reading { done, total });
        ingest::unique_names(corpus.documents.iter_mut().map(|d| &mut d.meta.id));
        // The arenas grew batch by batch: give back what the last doubling left unused.
        corpus.documents.shrink_to_fit();
        corpus.sentences.shrink_to_fit();
        Ok(corpus)
    }
}
