//! End-to-end timing of `briefing summarize` on the bundled samples, with 1 and with all
//! threads. Run with `cargo bench --bench pipeline`; the README quotes the medians.

use std::hint::black_box;
use std::path::Path;

use briefing::{Config, Summarizer, ingest};
use criterion::{Criterion, criterion_group, criterion_main};

fn samples(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for cluster in ["coalition-ar", "harbor-bridge-en"] {
        let dir = root.join(cluster);
        if !dir.is_dir() {
            continue;
        }
        for threads in [1, 2] {
            let summarizer = Summarizer::new(Config {
                threads: Some(threads),
                ..Config::default()
            })
            .expect("valid config");
            c.bench_function(&format!("summarize/{cluster}/threads={threads}"), |b| {
                b.iter(|| {
                    let ingested = ingest::read_paths(&[&dir]).expect("samples readable");
                    let briefing = summarizer
                        .summarize(ingested.documents, ingested.skipped)
                        .expect("samples summarize");
                    black_box(briefing)
                })
            });
        }
    }
}

criterion_group!(benches, samples);
criterion_main!(benches);
