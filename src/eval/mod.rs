//! Eval: how good the briefings are, measured beside the baselines.
//!
//! [`rouge`] is an exact reimplementation of ROUGE-1.5.5 (with a Unicode tokenizer for Arabic);
//! [`pairs`] scores folders of summaries against folders of references; [`dataset`] reads whole
//! evaluation sets (DUC, MultiLing-style) and scores the summarizer on every cluster beside the
//! [`baselines`]; [`synthetic`] makes collections of any size for the benchmarks.

pub mod baselines;
pub mod dataset;
pub mod pairs;
pub mod rouge;
pub mod stories;
pub mod synthetic;
