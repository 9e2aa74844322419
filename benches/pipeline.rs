//! Timings, run with `cargo bench --bench pipeline` (the README quotes the medians):
//!
//! - `summarize/<sample>/threads=N`: `briefing summarize` on each bundled sample, reading the
//!   files each time, with 1 and 2 threads.
//! - `digest/synthetic/<N>`: `briefing digest` (clean, split, group, brief 10 stories) on a
//!   deterministic synthetic collection of N = 10, 100, 1,000 and 10,000 articles built from
//!   `samples/` (see `briefing::eval::synthetic`); the ratio between sizes is the growth rate.
//! - `summarize/story/2000`: one synthetic story of 2,000 articles summarized.
//! - `digest/corpus`: the real collection at `$BRIEFING_BENCH_CORPUS` (a file or folder of
//!   JSON, JSONL or text articles, such as SaudiNewsNet's `json/`), read from disk each time;
//!   skipped when the variable is not set.
//!
//! - `text/clean/<sample>`, `text/display/<sample>`, `text/fold/<sample>`: the cleaner and the
//!   two normal forms over every article of a sample, in process (the furniture patterns are
//!   compiled by the first iteration, so this is the per-article cost; the whole-process
//!   figures, start-up included, come from `scripts/rows.py`).
//!
//! The synthetic collections are also written to `target/synthetic/<N>.jsonl`, so that the
//! whole binary (and the peers) can be timed on exactly the same input.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use briefing::eval::synthetic;
use briefing::text::ingest;
use briefing::{Budget, Config, DigestOptions, Fields, RawDocument, Summarizer};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn summarizer(threads: Option<usize>) -> Summarizer {
    let mut config = Config::default();
    config.threads = threads;
    Summarizer::new(config).expect("valid config")
}

/// Every sample article, as read (the bases of the synthetic collections).
fn sample_articles() -> Vec<RawDocument> {
    let dir = root().join("samples");
    let fields = Fields::default();
    let mut docs = Vec::new();
    for cluster in ["coalition-ar", "harbor-bridge-en"] {
        if let Ok(read) = ingest::read_paths(
            &[dir.join(cluster)],
            &fields,
            briefing::Limits::default().document_bytes,
        ) {
            docs.extend(read.documents);
        }
    }
    docs
}

/// Writes a collection as JSONL (for timing the binary on the same input).
fn write_jsonl(docs: &[RawDocument], path: &Path) {
    let mut out = String::new();
    for d in docs {
        let line = serde_json::json!({
            "id": d.meta.id, "title": d.meta.title, "text": d.text,
            "source": d.meta.source, "published": d.meta.date,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(path, out);
}

fn samples(c: &mut Criterion) {
    let dir = root().join("samples");
    for cluster in ["coalition-ar", "harbor-bridge-en"] {
        let path = dir.join(cluster);
        if !path.is_dir() {
            continue;
        }
        for threads in [1, 2] {
            let s = summarizer(Some(threads));
            c.bench_function(&format!("summarize/{cluster}/threads={threads}"), |b| {
                b.iter(|| {
                    black_box(
                        s.summarize_paths(&[&path], Budget::default())
                            .expect("samples summarize"),
                    )
                })
            });
        }
    }
}

fn digest(c: &mut Criterion) {
    let bases = sample_articles();
    if bases.is_empty() {
        return;
    }
    let s = summarizer(None);
    let opts = DigestOptions::default();
    let mut group = c.benchmark_group("digest/synthetic");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in [10usize, 100, 1_000, 10_000] {
        let docs = synthetic::collection(&bases, n);
        write_jsonl(&docs, &root().join(format!("target/synthetic/{n}.jsonl")));
        group.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| {
                let corpus = s.corpus(docs.clone());
                black_box(
                    s.digest_corpus(&corpus, &opts, None, &mut |_| {})
                        .expect("digest"),
                )
            })
        });
    }
    group.finish();

    // One story of 2,000 articles: the first base, repeated with variations.
    let story: Vec<RawDocument> = synthetic::collection(&bases[..1], 2_000);
    let story: Vec<RawDocument> = story
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            d.meta.id = format!("story-{i:04}");
            d
        })
        .collect();
    write_jsonl(&story, &root().join("target/synthetic/story-2000.jsonl"));
    let mut group = c.benchmark_group("summarize/story");
    group.sample_size(10);
    group.bench_function("2000", |b| {
        b.iter(|| {
            black_box(
                s.summarize(story.clone(), Budget::default())
                    .expect("summarize"),
            )
        })
    });
    group.finish();

    if let Some(path) = std::env::var_os("BRIEFING_BENCH_CORPUS") {
        let path = PathBuf::from(path);
        let mut group = c.benchmark_group("digest/corpus");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(60));
        group.bench_function("BRIEFING_BENCH_CORPUS", |b| {
            b.iter(|| {
                black_box(
                    s.digest_paths(&[&path], &opts, None, &mut |_| {})
                        .expect("corpus digest"),
                )
            })
        });
        group.finish();
    }
}

fn text(c: &mut Criterion) {
    use briefing::text::{clean, normalize};
    let dir = root().join("samples");
    for cluster in ["coalition-ar", "harbor-bridge-en"] {
        let Ok(entries) = std::fs::read_dir(dir.join(cluster)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        c.bench_function(&format!("text/clean/{cluster}"), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(clean::clean(t, None));
                }
            })
        });
        c.bench_function(&format!("text/display/{cluster}"), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(normalize::display(t));
                }
            })
        });
        c.bench_function(&format!("text/fold/{cluster}"), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(normalize::fold(t));
                }
            })
        });
    }
}

criterion_group!(benches, samples, text, digest);
criterion_main!(benches);
