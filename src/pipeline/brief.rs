//! Brief: one cluster's corpus -> its [`Briefing`], in named steps.
//!
//! 1. [`analyze`]: each sentence's terms (parallel), its TF-IDF row and the similarity graph.
//! 2. [`offer`]: which sentences may be chosen (not headings, not too short, not already sent).
//! 3. Rank and dedup: features and scores by the method's scorer, near-duplicate groups.
//! 4. Select: the method's selector under the budget, then reading order.
//! 5. [`assemble`]: the briefing's sentences (with every source), articles and title; with
//!    `explain`, every sentence's features and decision (`super::explain`).

use std::cell::RefCell;
use std::collections::BTreeMap;

use rayon::prelude::*;

use super::briefing::{BriefSentence, Briefing, BudgetUse, DocumentInfo, SourceRef, round4};
use super::{Progress, RankStep, Report, Summarizer};
use crate::config::{Budget, Config, Language};
use crate::corpus::{Corpus, SentId};
use crate::error::{Error, Result};
use crate::rank::dedup::{self, Group};
use crate::rank::tfidf::Vocabulary;
use crate::rank::{graph, prior, score, similarity_floor, tfidf};
use crate::select::{self, Inputs, Selection, Selector};
use crate::text::fragment::fragment;
use crate::text::tokenize::{Analyzers, TermMemo, words};

/// Sentences whose terms are made between two progress reports.
const TERMS_CHUNK: usize = 16_384;
/// Sentences per parallel task when finding terms: each task memoizes its words' terms.
const MEMO_CHUNK: usize = 4096;

/// Sentences not to offer again, such as what an earlier digest sent
/// (`crate::digest::since::Sent`).
pub trait Exclude: Sync {
    /// The earlier story a sentence repeats, if it does: `text` is its display form and
    /// `terms` its analysed terms.
    fn repeats(&self, text: &str, terms: &[&str]) -> Option<usize>;
}

/// What the ranking stages computed for a cluster, indexed by sentence id.
pub(crate) struct Analysis {
    /// TF-IDF rows, vocabulary and centroid.
    pub vectors: tfidf::Vectors,
    /// Each sentence's neighbours with their cosine.
    pub graph: Vec<Vec<(u32, f32)>>,
    /// Each sentence's features.
    pub features: Vec<score::Features>,
    /// Each sentence's score by the method.
    pub scores: Vec<f32>,
    /// Each sentence as shown to people.
    pub displays: Vec<String>,
}

/// Which sentences are offered to the selector, and why the others are not.
pub(crate) struct Offer {
    /// Sentence ids offered, in order.
    pub candidates: Vec<SentId>,
    /// Why each other sentence is not offered, by sentence index.
    pub excluded: BTreeMap<usize, String>,
    /// Sentences already sent, counted per earlier story.
    pub repeated: BTreeMap<usize, usize>,
}

impl Summarizer {
    /// Summarizes raw articles in a budget. Fails with [`Error::NoDocuments`] when no article
    /// has a sentence.
    pub fn summarize(
        &self,
        docs: Vec<crate::corpus::RawDocument>,
        budget: Budget,
    ) -> Result<Briefing> {
        let corpus = self.corpus(docs);
        self.summarize_corpus(&corpus, budget)
    }

    /// Reads the paths (see [`Summarizer::read`]) and summarizes what could be read.
    pub fn summarize_paths<P: AsRef<std::path::Path>>(
        &self,
        paths: &[P],
        budget: Budget,
    ) -> Result<Briefing> {
        let corpus = self.read(paths, &mut |_| {})?;
        self.summarize_corpus(&corpus, budget)
    }

    /// Summarizes a corpus already built by [`Summarizer::read`] or [`Summarizer::corpus`]
    /// (so that callers that also need the corpus, such as the evaluation baselines, clean and
    /// split only once). Fails with [`Error::NoDocuments`] when the corpus is empty.
    ///
    /// ```
    /// use briefing::{Budget, Config, Method, RawDocument, Summarizer};
    ///
    /// let summarizer = Summarizer::new(Config::default().with_method(Method::Lexrank))?;
    /// let corpus = summarizer.corpus(vec![RawDocument::new(
    ///     "a",
    ///     "The mayor promised repairs. The bridge will stay closed until Friday, officials \
    ///      said. Ferries carry commuters across the bay.",
    /// )]);
    /// let one = summarizer.summarize_corpus(&corpus, Budget::Sentences(1))?;
    /// assert_eq!(one.sentences.len(), 1);
    /// assert_eq!(one.budget.used, 1);
    /// let empty = summarizer.summarize_corpus(&Default::default(), Budget::Sentences(1));
    /// assert!(matches!(empty, Err(briefing::Error::NoDocuments { .. })));
    /// # Ok::<(), briefing::Error>(())
    /// ```
    pub fn summarize_corpus(&self, corpus: &Corpus, budget: Budget) -> Result<Briefing> {
        self.summarize_corpus_with_progress(corpus, budget, &mut |_| {})
    }

    /// [`Summarizer::summarize_corpus`], telling `progress` each step of the ranking as it
    /// starts ([`Progress::Ranking`], the steps of [`RankStep`] in order; the first counts the
    /// sentences whose terms are done).
    ///
    /// ```
    /// use briefing::{Budget, Config, Progress, RankStep, RawDocument, Summarizer};
    ///
    /// let summarizer = Summarizer::new(Config::default())?;
    /// let corpus = summarizer.corpus(vec![RawDocument::new(
    ///     "a",
    ///     "The mayor promised repairs. The bridge will stay closed until Friday, officials \
    ///      said. Ferries carry commuters across the bay.",
    /// )]);
    /// let mut steps = Vec::new();
    /// summarizer.summarize_corpus_with_progress(&corpus, Budget::Sentences(1), &mut |p| {
    ///     if let Progress::Ranking { step, .. } = p {
    ///         if steps.last() != Some(&step) {
    ///             steps.push(step);
    ///         }
    ///     }
    /// })?;
    /// use RankStep::*;
    /// assert_eq!(steps, [Terms, Graph, Scores, Selecting]);
    /// # Ok::<(), briefing::Error>(())
    /// ```
    pub fn summarize_corpus_with_progress(
        &self,
        corpus: &Corpus,
        budget: Budget,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Briefing> {
        if corpus.documents.is_empty() {
            return Err(Error::NoDocuments {
                skipped: corpus.skipped.clone(),
            });
        }
        Ok(self.install_reporting(progress, |report| {
            self.brief(corpus, budget, None, report).0
        }))
    }

    /// The briefing of a corpus; with `sent`, sentences an earlier digest sent are not offered,
    /// and the second value counts them per earlier story. Runs on the caller's threads (call
    /// it inside the pool). Each step is reported to `report` as it starts.
    pub(crate) fn brief(
        &self,
        corpus: &Corpus,
        budget: Budget,
        sent: Option<&dyn Exclude>,
        report: &Report,
    ) -> (Briefing, BTreeMap<usize, usize>) {
        let cfg = &self.config;
        let analysis = self.analyze(corpus, report);
        report(Progress::Ranking {
            step: RankStep::Selecting,
            done: 0,
            total: 0,
        });
        let offer = offer(
            corpus,
            &analysis,
            &self.analyzers,
            cfg.params.min_words,
            sent,
        );
        let groups = dedup::group(
            corpus,
            &offer.candidates,
            &analysis.scores,
            &analysis.graph,
            cfg.params.duplicate_threshold,
        );
        let costs: Vec<usize> = analysis
            .displays
            .par_iter()
            .map(|t| budget.cost(t))
            .collect();
        let selection = choose(cfg, corpus, &analysis, &groups, &costs, budget);
        let mut briefing = assemble(corpus, &analysis, &groups, &selection, cfg, budget);
        if cfg.explain {
            briefing.candidates = Some(super::explain::candidates(
                corpus,
                &analysis,
                &offer.excluded,
                &groups,
                &selection,
            ));
        }
        (briefing, offer.repeated)
    }

    /// Terms, vectors, graph, features, scores and display texts of every sentence.
    fn analyze(&self, corpus: &Corpus, report: &Report) -> Analysis {
        let cfg = &self.config;
        let total = corpus.sentences.len();
        // Each task numbers its own terms (memoizing its words' terms, which are the same as
        // word by word); the tasks' vocabularies are merged in order, so the ids are those of
        // one vocabulary over every sentence in order, for any thread count.
        let mut vocabulary = Vocabulary::default();
        let mut sentence_terms: Vec<Vec<u32>> = Vec::with_capacity(total);
        for chunk in corpus.sentences.chunks(TERMS_CHUNK) {
            report(Progress::Ranking {
                step: RankStep::Terms,
                done: sentence_terms.len(),
                total,
            });
            // A cluster smaller than a task a thread is shared out (the few words two tasks
            // both meet are analysed twice, in parallel, instead of all of them on one core).
            let per_task = chunk.len().div_ceil(rayon::current_num_threads());
            let tasks: Vec<(Vocabulary, Vec<Vec<u32>>)> = chunk
                .par_chunks(per_task.clamp(1, MEMO_CHUNK))
                .map(|part| {
                    let own = RefCell::new(Vocabulary::default());
                    let mut memo = TermMemo::new(&self.analyzers, |t| own.borrow_mut().id(&t));
                    let lists: Vec<Vec<u32>> = part
                        .iter()
                        .map(|s| {
                            let doc = &corpus.documents[s.doc.index()];
                            words(&doc.text[s.span.clone()])
                                .filter_map(|w| memo.term(doc.language, w))
                                .collect()
                        })
                        .collect();
                    drop(memo);
                    (own.into_inner(), lists)
                })
                .collect();
            for (own, mut lists) in tasks {
                let to = vocabulary.merge(&own);
                for t in lists.iter_mut().flatten() {
                    *t = to[*t as usize];
                }
                sentence_terms.append(&mut lists);
            }
        }
        report(Progress::Ranking {
            step: RankStep::Terms,
            done: sentence_terms.len(),
            total,
        });
        report(Progress::Ranking {
            step: RankStep::Graph,
            done: 0,
            total: 0,
        });
        let vectors = tfidf::vectorize_ids(vocabulary.terms, sentence_terms);
        let p = &cfg.params;
        let floor = similarity_floor(cfg.method, p.duplicate_threshold);
        let graph = graph::similarity_graph(&vectors.rows, floor, p.duplicate_threshold);
        report(Progress::Ranking {
            step: RankStep::Scores,
            done: 0,
            total: 0,
        });
        let features = score::features(corpus, &vectors, &graph, p.duplicate_threshold);
        let scorer = score::Scorer::from(cfg.method);
        let weights = prior::cluster_weights(p, corpus, &graph, &features);
        let scores = score::score(&features, scorer, weights, corpus.documents.len());
        let displays: Vec<String> = (0..corpus.sentences.len())
            .into_par_iter()
            .map(|i| corpus.display(SentId(i as u32)))
            .collect();
        Analysis {
            vectors,
            graph,
            features,
            scores,
            displays,
        }
    }
}

/// The sentences offered to the selector: not headings, at least `min_words` words, not
/// fragments (`text::fragment`), and not already sent (`sent`).
fn offer(
    corpus: &Corpus,
    analysis: &Analysis,
    analyzers: &Analyzers,
    min_words: usize,
    sent: Option<&dyn Exclude>,
) -> Offer {
    // Each sentence's verdict (in parallel; in sentence order): why it is not offered, with
    // the earlier story it repeats, or `None` when it is offered.
    let verdicts: Vec<Option<(String, Option<usize>)>> = corpus
        .sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let display = &analysis.displays[i];
            if s.heading {
                return Some(("not offered: a heading inside the article".into(), None));
            }
            if display.split_whitespace().take(min_words).count() < min_words {
                return Some((format!("not offered: fewer than {min_words} words"), None));
            }
            let language = corpus.documents[s.doc.index()].language;
            if let Some(why) = fragment(display, analyzers.get(language)) {
                return Some((format!("not offered: {why}"), None));
            }
            let story = sent.and_then(|p| {
                let terms: Vec<&str> = analysis.vectors.sentence_terms[i]
                    .iter()
                    .map(|&t| analysis.vectors.terms[t as usize].as_str())
                    .collect();
                p.repeats(display, &terms)
            })?;
            Some((
                "not offered: already sent in the earlier digest".into(),
                Some(story),
            ))
        })
        .collect();
    let mut offer = Offer {
        candidates: Vec::new(),
        excluded: BTreeMap::new(),
        repeated: BTreeMap::new(),
    };
    for (i, verdict) in verdicts.into_iter().enumerate() {
        match verdict {
            None => offer.candidates.push(SentId(i as u32)),
            Some((why, story)) => {
                offer.excluded.insert(i, why);
                if let Some(story) = story {
                    *offer.repeated.entry(story).or_default() += 1;
                }
            }
        }
    }
    offer
}

/// Runs the method's selector over the groups.
fn choose(
    cfg: &Config,
    corpus: &Corpus,
    analysis: &Analysis,
    groups: &[Group],
    costs: &[usize],
    budget: Budget,
) -> Selection {
    let inputs = Inputs {
        corpus,
        terms: &analysis.vectors.sentence_terms,
        rows: &analysis.vectors.rows,
        graph: &analysis.graph,
        scores: &analysis.scores,
        costs,
    };
    let selector = match Selector::of(cfg) {
        Selector::Mmr {
            lambda,
            duplicate_threshold,
        } => Selector::Mmr {
            lambda: prior::mmr_lambda(corpus, lambda),
            duplicate_threshold,
        },
        other => other,
    };
    selector.select(&inputs, groups, budget)
}

/// Where a sentence is, as the output names it.
pub(crate) fn source_ref(corpus: &Corpus, s: SentId) -> SourceRef {
    let sent = &corpus.sentences[s.index()];
    SourceRef {
        document: corpus.documents[sent.doc.index()].meta.id.clone(),
        sentence: sent.index,
    }
}

/// The briefing of the chosen groups: sentences in reading order with all their sources,
/// every article, the title and the budget used.
fn assemble(
    corpus: &Corpus,
    analysis: &Analysis,
    groups: &[Group],
    selection: &Selection,
    cfg: &Config,
    budget: Budget,
) -> Briefing {
    let mut chosen: Vec<SentId> = selection
        .chosen
        .iter()
        .map(|&g| groups[g].representative)
        .collect();
    let best = chosen.first().copied();
    select::reading_order(corpus, &mut chosen);
    let group_of: BTreeMap<SentId, usize> = selection
        .chosen
        .iter()
        .map(|&g| (groups[g].representative, g))
        .collect();
    let sentences = chosen
        .iter()
        .map(|&s| {
            let g = &groups[group_of[&s]];
            BriefSentence {
                text: analysis.displays[s.index()].clone(),
                score: round4(g.score),
                sources: g.members.iter().map(|&m| source_ref(corpus, m)).collect(),
                support: g.support,
            }
        })
        .collect();

    let counts = corpus.sentence_counts();
    let documents = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentInfo {
            meta: d.meta.clone(),
            language: d.language,
            sentences: counts[i],
        })
        .collect();

    let title = best
        .and_then(|s| corpus.doc_of(s).meta.title.clone())
        .or_else(|| corpus.documents.iter().find_map(|d| d.meta.title.clone()));

    Briefing {
        title,
        language: majority_language(corpus),
        method: cfg.method,
        budget: BudgetUse {
            unit: budget.unit(),
            limit: budget.limit(),
            used: selection.used,
        },
        sentences,
        documents,
        skipped: corpus.skipped.clone(),
        candidates: None,
    }
}

/// The most common language among the articles (ties: Arabic, English, other).
fn majority_language(corpus: &Corpus) -> Language {
    let mut counts: BTreeMap<Language, usize> = BTreeMap::new();
    for d in &corpus.documents {
        *counts.entry(d.language).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(Language::Other, |(l, _)| l)
}
