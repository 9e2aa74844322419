//! Text: inputs -> raw articles -> clean paragraphs -> sentences -> terms.
//!
//! The stages, in order: [`ingest`] (paths, folders, standard input, JSON/JSONL records ->
//! raw articles, bad files skipped), [`clean`] (page furniture, datelines, repeated headlines,
//! hard wraps), [`normalize`] (the display form people read and the folded key machines match,
//! kept apart), [`split`] (paragraphs -> sentence spans), [`tokenize`] (sentences -> folded,
//! stop-word-free, stemmed terms), [`language`] (which analyzer reads an article),
//! [`fragment`] (list numbers, bylines, keyword lines and cut-off clauses, never offered as
//! sentences). [`resources`] compiles in
//! the language data of `resources/`. [`ingest`] reads saved web pages and feeds too
//! (`ingest::web`: main text and metadata), and [`date`] reads every date, typed or written.
//! [`typesetting`] reads the typesetting codes of wire copy (`&QL;`) as the layout they mean.

pub mod clean;
pub mod date;
pub mod fragment;
pub mod headline;
pub mod ingest;
pub mod language;
pub mod normalize;
pub mod resources;
pub mod split;
pub mod tokenize;
pub mod typesetting;
