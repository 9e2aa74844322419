//! Extraction throughput, run with `cargo bench --bench web` (docs/web-extraction.md quotes
//! the medians):
//!
//! - `web/extract_page`: the main text and metadata of each saved page of
//!   `tests/fixtures/web/pages` (19 articles, 3 refused), from bytes.
//! - `web/read_pages` and `web/read_plain_text`: `ingest::read_paths` on those pages, and on
//!   their hand-marked bodies saved as plain-text files: reading a page beside reading the same
//!   story as text.
//! - `web/read_feeds`: the seven feeds of `tests/fixtures/web/feeds`.
//!
//! Each iteration checks its count, so that a broken extractor cannot look fast.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use briefing::Fields;
use briefing::text::ingest::{self, web};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn files(rel: &str, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir(rel))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| keep(&p.file_name().unwrap_or_default().to_string_lossy()))
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let page_files = files("tests/fixtures/web/pages", |n| !n.ends_with(".jsonl"));
    let pages: Vec<Vec<u8>> = page_files
        .iter()
        .map(|p| std::fs::read(p).expect("page"))
        .collect();
    let plain = std::env::temp_dir().join(format!("briefing-web-bench-{}", std::process::id()));
    std::fs::create_dir_all(&plain).expect("temp dir");
    for body in files("tests/fixtures/web/gold", |n| n.ends_with(".body.txt")) {
        let name = body.file_name().unwrap_or_default().to_owned();
        std::fs::copy(&body, plain.join(name)).expect("copy");
    }
    let fields = Fields::default();
    let mut group = c.benchmark_group("web");
    group.sample_size(20);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("extract_page", |b| {
        b.iter(|| {
            let ok = pages
                .iter()
                .filter(|p| web::extract_page(black_box(p)).is_ok())
                .count();
            assert_eq!(ok, 19);
        })
    });
    group.bench_function("read_pages", |b| {
        b.iter(|| {
            let read = ingest::read_paths(&page_files, &fields, 8 << 20).expect("read");
            assert_eq!(read.documents.len(), 19);
        })
    });
    let texts = files(plain.to_str().unwrap_or_default(), |_| true);
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("read_plain_text", |b| {
        b.iter(|| {
            let read = ingest::read_paths(&texts, &fields, 8 << 20).expect("read");
            assert_eq!(read.documents.len(), texts.len());
        })
    });
    let feeds = files("tests/fixtures/web/feeds", |_| true);
    group.throughput(Throughput::Elements(feeds.len() as u64));
    group.bench_function("read_feeds", |b| {
        b.iter(|| {
            let read = ingest::read_paths(&feeds, &fields, 8 << 20).expect("read");
            assert_eq!(read.documents.len(), 20);
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&plain);
}

criterion_group!(benches, bench);
criterion_main!(benches);
