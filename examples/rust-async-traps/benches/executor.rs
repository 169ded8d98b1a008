//! Barbara's `buffer_unordered(32)`: 64 requests of ~1 MiB JSON, 1 ms network latency each, on a
//! multi-thread runtime with one worker per core; decoding in-task, spawned, spawn_blocking or
//! block_in_place.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rust_async_traps::executor::{make_payload, run, runtime, STRATEGIES};
use std::sync::Arc;
use std::time::Duration;

const REQUESTS: usize = 64;

fn executor(c: &mut Criterion) {
    let payloads = Arc::new((0..8).map(|i| make_payload(1 << 20, i + 1)).collect::<Vec<_>>());
    let rt = runtime();
    let mut group = c.benchmark_group("barbara");
    group.throughput(Throughput::Elements(REQUESTS as u64));
    group.sample_size(10);
    for (strategy, name) in STRATEGIES {
        group.bench_function(name, |b| {
            b.iter(|| rt.block_on(run(strategy, payloads.clone(), REQUESTS, Duration::from_millis(1))))
        });
    }
    group.finish();
}

criterion_group!(benches, executor);
criterion_main!(benches);
