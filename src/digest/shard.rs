//! The digest in pieces, for an engine that runs tasks on many machines (the Python package's
//! `briefing.distributed` runs them on Ray). Every step takes and returns bytes
//! (`digest/wire.rs`), and the steps together give the very digest
//! [`Summarizer::digest_paths`] gives, byte for byte:
//!
//! 1. **List** the paths once ([`crate::text::ingest::sources`], [`encode_listed`]) and cut the
//!    sources into shards (any contiguous ranges of the listing).
//! 2. **Map** each shard where it lies ([`Summarizer::map_shard`]): read, clean and split its
//!    sources ([`Summarizer::read_sources`]) into a [`Mapped::corpus`] that stays on its
//!    machine, and a [`Mapped::summary`] that travels: each source's head (what
//!    [`Summarizer::assemble`] needs) and each article's signature (`stories::Signature`:
//!    its hashed term counts, text key, date, outlet and title; no text).
//! 3. **Reduce** all summaries in listing order ([`Summarizer::reduce_shards`]): the sources
//!    are assembled as `assemble` does (run limit, `skipped` order, unique names), the
//!    articles grouped by `stories::group_signatures`, the one grouping code the
//!    single-machine digest runs too, and the best stories planned ([`Plan`]).
//! 4. **Extract**, on each shard's machine, the articles of the planned stories
//!    ([`extract`]), one part per story.
//! 5. **Brief** each story from its parts ([`Summarizer::brief_parts`]), in parallel tasks.
//! 6. **Write** the digest's JSON ([`digest_json`]): the schema and bytes of `briefing digest
//!    --format json`.
//!
//! A shard whose map failed (its machine died once too often) is a summary of failed sources
//! ([`failed_summary`]): each of its sources is one `skipped` entry, and the rest runs.

use std::path::PathBuf;

use super::stories::{self, Signature, Story};
use super::wire::{Reader, Writer};
use super::{Digest, StoryBriefing};
use crate::config::DigestOptions;
use crate::corpus::{Corpus, DocId, Sentence};
use crate::error::{Error, Result, Skipped};
use crate::pipeline::Summarizer;
use crate::pipeline::shard::{SourceHead, SourceRead};
use crate::text::ingest::{self, Source};

const LISTED: u8 = 1;
const SUMMARY: u8 = 2;
const CORPUS: u8 = 3;
const HEAD: u8 = 4;
const STORY: u8 = 5;
const REQUEST: u8 = 6;
const PART: u8 = 7;

/// What mapping a shard gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    /// The shard's articles, cleaned and split: kept where the shard was read, read again only
    /// by [`extract`].
    pub corpus: Vec<u8>,
    /// Each source's head and each article's signature: what the reduce step is sent.
    pub summary: Vec<u8>,
}

/// The plan of a digest: what [`Summarizer::reduce_shards`] decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The digest without its stories (articles, story count, skipped inputs), for
    /// [`digest_json`].
    pub head: Vec<u8>,
    /// Each story to brief, best first, for [`Summarizer::brief_parts`].
    pub stories: Vec<Vec<u8>>,
    /// For each shard, which of its articles each story needs, for [`extract`].
    pub requests: Vec<Vec<u8>>,
    /// For each story, the shards holding its articles, in order: [`extract`]'s part of the
    /// story from each of them, in this order, is what [`Summarizer::brief_parts`] takes.
    pub shards: Vec<Vec<usize>>,
}

fn message_error(what: &str) -> Error {
    Error::Input {
        path: PathBuf::from("<shard data>"),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string()),
    }
}

/// The inputs the listing skipped, as the reduce step takes them.
pub fn encode_listed(listed: &[Skipped]) -> Vec<u8> {
    let mut w = Writer::new(LISTED);
    w.skipped_list(listed);
    w.finish()
}

fn write_head(w: &mut Writer, head: &SourceHead, empty: &[Skipped]) {
    w.source(&head.source);
    w.int(head.size);
    w.skipped_list(&head.skipped);
    w.int(head.articles as u64);
    w.int(head.bytes as u64);
    w.skipped_list(empty);
}

/// The summary of a shard that could not be mapped: each of its sources left out with
/// `reason` ([`SourceRead::failed`]).
pub fn failed_summary(sources: &[Source], reason: &str) -> Vec<u8> {
    let mut w = Writer::new(SUMMARY);
    w.int(sources.len() as u64);
    for src in sources {
        let (head, corpus) = SourceRead::failed(src.clone(), reason).split();
        write_head(&mut w, &head, &corpus.skipped);
        w.int(0);
    }
    w.finish()
}

impl Summarizer {
    /// Reads, cleans and splits a shard's sources and makes its articles' signatures
    /// ([`Mapped`]). Fails only as [`Summarizer::read_sources`] does (on standard input).
    pub fn map_shard(&self, sources: &[Source]) -> Result<Mapped> {
        let reads = self.read_sources(sources)?;
        let mut summary = Writer::new(SUMMARY);
        summary.int(reads.len() as u64);
        let mut all = Corpus::default();
        for read in reads {
            let (head, corpus) = read.split();
            write_head(&mut summary, &head, &corpus.skipped);
            let signatures = self
                .pool
                .install(|| stories::signatures(&corpus, &self.analyzers));
            summary.int(signatures.len() as u64);
            for s in &signatures {
                summary.str(&s.id);
                summary.int(s.counts.len() as u64);
                for &(h, n) in &s.counts {
                    summary.hash(h);
                    summary.int(u64::from(n));
                }
                summary.hash(s.key);
                summary.opt(s.date.as_deref());
                summary.opt(s.outlet.as_deref());
                summary.opt(s.title.as_deref());
            }
            let offset = all.documents.len() as u32;
            all.documents.extend(corpus.documents);
            all.sentences
                .extend(corpus.sentences.into_iter().map(|s| Sentence {
                    doc: DocId(s.doc.0 + offset),
                    ..s
                }));
        }
        let mut w = Writer::new(CORPUS);
        let docs: Vec<DocId> = (0..all.documents.len() as u32).map(DocId).collect();
        w.documents(&all, &docs, &all.document_ranges());
        Ok(Mapped {
            corpus: w.finish(),
            summary: summary.finish(),
        })
    }

    /// Assembles the shards' summaries (in listing order: the shards cut the listing into
    /// contiguous ranges, given in order) as [`Summarizer::assemble`] would, groups their
    /// articles into stories and plans the briefing of the best `opts.stories` of them.
    /// `listed` is [`encode_listed`]'s. Fails with [`Error::NoDocuments`] when no shard has an
    /// article.
    pub fn reduce_shards(
        &self,
        listed: &[u8],
        summaries: &[&[u8]],
        opts: &DigestOptions,
    ) -> Result<Plan> {
        opts.validate()?;
        let mut r = Reader::new(listed, LISTED)?;
        let listed = r.skipped_list()?;
        r.end()?;
        // (head, (shard, first local index, signatures), empty) for every source in order.
        let mut parts = Vec::new();
        for (shard, bytes) in summaries.iter().enumerate() {
            let mut r = Reader::new(bytes, SUMMARY)?;
            let mut local = 0usize;
            for _ in 0..r.count()? {
                let head = SourceHead {
                    source: r.source()?,
                    size: r.int()?,
                    skipped: r.skipped_list()?,
                    articles: r.size()?,
                    bytes: r.size()?,
                };
                let empty = r.skipped_list()?;
                let n = r.count()?;
                let mut signatures = Vec::with_capacity(n);
                for _ in 0..n {
                    let id = r.str()?;
                    let terms = r.count()?;
                    let mut counts = Vec::with_capacity(terms);
                    for _ in 0..terms {
                        let h = r.hash()?;
                        let c = u32::try_from(r.int()?).map_err(|_| message_error("count"))?;
                        counts.push((h, c));
                    }
                    signatures.push(Signature {
                        id,
                        counts,
                        key: r.hash()?,
                        date: r.opt()?,
                        outlet: r.opt()?,
                        title: r.opt()?,
                    });
                }
                parts.push((head, (shard, local, signatures), empty));
                local += n;
            }
            r.end()?;
        }
        let mut signatures: Vec<Signature> = Vec::new();
        let mut at: Vec<(usize, usize)> = Vec::new();
        let skipped = self.assemble_parts(listed, parts, |(shard, first, sigs)| {
            at.extend((0..sigs.len()).map(|j| (shard, first + j)));
            signatures.extend(sigs);
        });
        ingest::unique_names(signatures.iter_mut().map(|s| &mut s.id));
        if signatures.is_empty() {
            return Err(Error::NoDocuments { skipped });
        }
        let ids: Vec<String> = signatures.iter().map(|s| s.id.clone()).collect();
        let articles = signatures.len();
        let stories = self
            .pool
            .install(|| stories::group_signatures(signatures, opts));
        let total = opts.stories.min(stories.len());

        let mut head = Writer::new(HEAD);
        head.int(articles as u64);
        head.int(stories.len() as u64);
        head.skipped_list(&skipped);
        let mut wanted: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); summaries.len()];
        let mut plan_stories = Vec::with_capacity(total);
        let mut shards = Vec::with_capacity(total);
        for (i, story) in stories[..total].iter().enumerate() {
            let mut w = Writer::new(STORY);
            w.int(i as u64 + 1);
            w.opt(story.headline.as_deref());
            w.float(story.score);
            w.opt(story.newest.as_deref());
            w.int(story.outlets.len() as u64);
            story.outlets.iter().for_each(|o| w.str(o));
            w.int(story.documents.len() as u64);
            w.int(story.centroid.len() as u64);
            for &(h, weight) in &story.centroid {
                w.hash(h);
                w.float(weight);
            }
            plan_stories.push(w.finish());
            let mut holding: Vec<usize> = Vec::new();
            for d in &story.documents {
                let (shard, local) = at[d.index()];
                wanted[shard].push((i, local, &ids[d.index()]));
                if holding.last() != Some(&shard) {
                    holding.push(shard);
                }
            }
            shards.push(holding);
        }
        let requests = wanted
            .iter()
            .map(|list| {
                let mut w = Writer::new(REQUEST);
                w.int(total as u64);
                w.int(list.len() as u64);
                for &(story, local, id) in list {
                    w.int(story as u64);
                    w.int(local as u64);
                    w.str(id);
                }
                w.finish()
            })
            .collect();
        Ok(Plan {
            head: head.finish(),
            stories: plan_stories,
            requests,
            shards,
        })
    }

    /// Briefs one planned story (`story`, from [`Plan::stories`]) from its articles: the parts
    /// [`extract`] made of it on the shards of [`Plan::shards`], in that order. Returns the
    /// story as it stands in the digest's JSON (pretty, as `briefing digest --format json`
    /// writes it), for [`digest_json`].
    pub fn brief_parts(
        &self,
        story: &[u8],
        parts: &[&[u8]],
        opts: &DigestOptions,
    ) -> Result<String> {
        opts.validate()?;
        let mut r = Reader::new(story, STORY)?;
        let rank = r.size()?;
        let headline = r.opt()?;
        let score = r.float()?;
        let newest = r.opt()?;
        let outlets = (0..r.count()?)
            .map(|_| r.str())
            .collect::<Result<Vec<_>>>()?;
        let n = r.size()?;
        let centroid = (0..r.count()?)
            .map(|_| Ok((r.hash()?, r.float()?)))
            .collect::<Result<Vec<_>>>()?;
        r.end()?;
        let mut sub = Corpus::default();
        for part in parts {
            let mut r = Reader::new(part, PART)?;
            r.documents(&mut sub)?;
            r.end()?;
        }
        if sub.documents.len() != n {
            return Err(message_error("a story's parts do not hold its articles"));
        }
        let story = Story {
            documents: (0..n as u32).map(DocId).collect(),
            outlets,
            newest,
            score,
            headline,
            centroid,
        };
        let briefed: StoryBriefing = self
            .brief_story(&sub, &story, opts, None, rank)
            .ok_or_else(|| message_error("a story with nothing to brief"))?;
        serde_json::to_string_pretty(&briefed).map_err(|e| Error::Output(std::io::Error::other(e)))
    }
}

/// The parts of the planned stories a shard holds: for each story of the plan (in order), its
/// articles among the shard's (`corpus`, from [`Mapped::corpus`]) that `request` (from
/// [`Plan::requests`]) names, under their unique names.
pub fn extract(corpus: &[u8], request: &[u8]) -> Result<Vec<Vec<u8>>> {
    let mut r = Reader::new(corpus, CORPUS)?;
    let mut all = Corpus::default();
    r.documents(&mut all)?;
    r.end()?;
    let mut r = Reader::new(request, REQUEST)?;
    let stories = r.size()?;
    let mut wanted: Vec<Vec<(DocId, String)>> = vec![Vec::new(); stories];
    for _ in 0..r.count()? {
        let story = r.size()?;
        let local = r.size()?;
        let id = r.str()?;
        if story >= stories || local >= all.documents.len() {
            return Err(message_error(
                "a request for an article the shard does not hold",
            ));
        }
        wanted[story].push((DocId(local as u32), id));
    }
    r.end()?;
    Ok(wanted
        .into_iter()
        .map(|docs| {
            let mut w = Writer::new(PART);
            let ids: Vec<DocId> = docs.iter().map(|d| d.0).collect();
            let mut sub = all.subset(&ids);
            for (doc, (_, id)) in sub.documents.iter_mut().zip(docs) {
                doc.meta.id = id;
            }
            let order: Vec<DocId> = (0..ids.len() as u32).map(DocId).collect();
            w.documents(&sub, &order, &sub.document_ranges());
            w.finish()
        })
        .collect())
}

/// The digest's JSON (`briefing digest --format json`, to the byte): the plan's head
/// ([`Plan::head`]) with the briefed stories ([`Summarizer::brief_parts`]) in rank order.
pub fn digest_json(head: &[u8], stories: &[String]) -> Result<String> {
    let mut r = Reader::new(head, HEAD)?;
    let digest = Digest {
        articles: r.size()?,
        story_count: r.size()?,
        stories: Vec::new(),
        skipped: r.skipped_list()?,
    };
    r.end()?;
    let mut out = serde_json::to_string_pretty(&digest)
        .map_err(|e| Error::Output(std::io::Error::other(e)))?;
    // The stories, each indented as the pretty printer nests it, in the place of the empty
    // list (a key in the text: a string's quotes are escaped, so it cannot match inside one).
    let empty = "\n  \"stories\": [],\n";
    let at = out
        .find(empty)
        .ok_or_else(|| message_error("digest head"))?;
    let mut list = String::from("\n  \"stories\": [");
    for (i, story) in stories.iter().enumerate() {
        list.push_str(if i == 0 { "\n    " } else { ",\n    " });
        list.push_str(&story.replace('\n', "\n    "));
    }
    list.push_str(if stories.is_empty() {
        "],\n"
    } else {
        "\n  ],\n"
    });
    out.replace_range(at..at + empty.len(), &list);
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests;
